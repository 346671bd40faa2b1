"""Checks schedule.xlsx and oneroster/ of OUT_DIR against the scenario and
the schedule CSVs next to them, as an outsider would.

    python3 tests/exports_check.py SCENARIO_DIR OUT_DIR

The workbook is read with tests/support/xlsx_read.py (zip + XML, nothing of
ours); every learner-block row of timetable.csv must be in the Learners
sheet with its day, times, what the learner works on, room and facilitator
by name.  The OneRoster files must carry the OneRoster 1.1 CSV binding's
headers (written out below, from the binding) and every reference must
resolve.  Contract version 3: the spreadsheet guard is for the schedule's
CSV files only, whose text cells must be spreadsheet-safe; the workbook
holds text cells unchanged (and no formula), oneroster/ ids and names byte
for byte.  OneRoster sourcedIds are composed of the school_id (scenario.conf,
else derived from the name as docs/inputs.md says), the kind and the ids;
usernames are unique; the term lies inside its school year.  Every sheet
prints landscape, one page wide, its header row on every page.  Prints one
line per failure and exits 1 if any.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
import xlsx_read  # noqa: E402

UNSAFE = ("=", "+", "-", "@", "\t", "\r")

# The OneRoster 1.1 CSV binding's headers, column for column.
ONEROSTER_HEADERS = {
    "manifest.csv": "propertyName,value",
    "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
    "academicSessions.csv": "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
                            "parentSourcedId,schoolYear",
    "courses.csv": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,"
                   "grades,orgSourcedId,subjects,subjectCodes",
    "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
                   "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,"
                   "periods",
    "users.csv": "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                 "userIds,givenName,familyName,middleName,identifier,email,sms,phone,"
                 "agentSourcedIds,grades,password",
    "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                       "userSourcedId,role,primary,beginDate,endDate",
}
MANIFEST_FILES = ["academicSessions", "categories", "classes", "classResources", "courses",
                  "courseResources", "demographics", "enrollments", "lineItems", "orgs",
                  "resources", "results", "users"]

failures = []


def fail(msg):
    failures.append(msg)
    print("exports_check: FAIL: " + msg, file=sys.stderr)


def untext(cell):
    """The text a guarded cell stands for (docs/outputs.md)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in UNSAFE and cell[1:2] else cell


def read_csv(path, guarded=True):
    """Header and rows of a CSV; checks every cell is spreadsheet-safe."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    for i, r in enumerate(rows):
        for c in r:
            if guarded and c[:1] in UNSAFE and c:
                fail("%s:%d: cell %r is not spreadsheet-safe" % (path, i + 1, c))
    return rows[0], rows[1:]


def table(path, guarded=True):
    """Rows as dicts; a guarded file's cells with the guard undone, others as
    they are."""
    header, rows = read_csv(path, guarded)
    return [dict(zip(header, (untext(c) if guarded else c for c in r))) for r in rows]


def school_id(scen):
    """scenario.conf's school_id, else the one derived from its name: the
    letters and digits in lower case, each run of other characters one '-'."""
    name, sid = "", None
    path = os.path.join(scen, "scenario.conf")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            key, _, val = line.partition("=")
            val = val.split("#")[0].strip().strip('"')
            if key.strip() == "name":
                name = val
            elif key.strip() == "school_id":
                sid = val
    if sid:
        return sid
    out, dash = "", False
    for ch in name:
        if ch.isascii() and ch.isalnum():
            if dash and out and len(out) < 63:
                out += "-"
            if len(out) < 64:
                out += ch.lower()
            dash = False
        else:
            dash = True
    return out or "school"


def label(name, ident):
    return name if name else ident


def check_xlsx(scen, out):
    learners = {r["learner_id"]: r for r in table(os.path.join(scen, "learners.csv"), False)}
    facs = {r["facilitator_id"]: r for r in table(os.path.join(scen, "facilitators.csv"), False)}
    rooms = {r["room_id"]: r for r in table(os.path.join(scen, "rooms.csv"), False)}
    goals = {r["goal_id"]: r for r in table(os.path.join(scen, "goals.csv"), False)}
    blocks = {r["block_id"]: r for r in table(os.path.join(scen, "blocks.csv"), False)}
    sems = {}
    if os.path.exists(os.path.join(scen, "seminars.csv")):
        sems = {r["seminar_id"]: r for r in table(os.path.join(scen, "seminars.csv"), False)}
    sessions = {r["session_id"]: r for r in table(os.path.join(out, "sessions.csv"))}
    timetable = table(os.path.join(out, "timetable.csv"))
    unmet = table(os.path.join(out, "unmet.csv"))
    summary = table(os.path.join(out, "summary.csv"))

    book = xlsx_read.read(os.path.join(out, "schedule.xlsx"))
    want = ["Learners", "Facilitators", "Rooms", "Sessions", "Unmet", "Summary"]
    if list(book) != want:
        fail("schedule.xlsx sheets %s, want %s" % (list(book), want))
        return
    for name, sh in book.items():
        if sh.frozen_rows != 1:
            fail("sheet %s: header row not frozen" % name)
        if not sh.autofilter or not sh.autofilter.startswith("A1:"):
            fail("sheet %s: no autofilter" % name)
        if sh.formulas:
            fail("sheet %s: %d formula cells" % (name, sh.formulas))
        if not (sh.landscape and sh.fit_to_page and sh.fit_width == 1 and sh.fit_height == 0):
            fail("sheet %s: page setup landscape %s, fit %s, %s wide x %s tall; want "
                 "landscape, one page wide" % (name, sh.landscape, sh.fit_to_page,
                                               sh.fit_width, sh.fit_height))
        if sh.print_titles != "$1:$1":
            fail("sheet %s: header row not repeated on every page (%r)"
                 % (name, sh.print_titles))
        for r, row in enumerate(sh.rows):
            for c, cell in enumerate(row):
                if cell and cell[0] == "str":
                    fail("sheet %s row %d: a formula string" % (name, r + 1))
        for c in range(len(sh.rows[0])):
            widest = max(len(str(row[c][1])) for row in sh.rows
                         if c < len(row) and row[c] and row[c][0] != "n")
            if sh.widths.get(c, 0) < min(widest, 58):
                fail("sheet %s column %d: width %s narrower than its text (%d)"
                     % (name, c + 1, sh.widths.get(c), widest))

    # Learners: one row per timetable row, in order, with names and times
    sh = book["Learners"]
    head = sh.values(0)
    rows = [dict(zip(head, sh.values(r))) for r in range(1, len(sh.rows))]
    if len(rows) != len(timetable):
        fail("Learners has %d rows, timetable.csv %d" % (len(rows), len(timetable)))
    for i, (x, t) in enumerate(zip(rows, timetable)):
        where = "Learners row %d (%s %s)" % (i + 2, t["learner_id"], t["block_id"])
        s = sessions.get(t["session_id"])
        b = blocks[t["block_id"]]
        lr = learners[t["learner_id"]]
        coach = lr.get("coach_id", "")
        want_row = {
            "Learner": t["learner_id"], "Name": lr.get("name", ""),
            "Coach": label(facs[coach].get("name", ""), coach) if coach in facs else coach,
            "Day": b["day"], "Block": t["block_id"], "Session": t["session_id"],
        }
        for k, v in want_row.items():
            if x[k] != v:
                fail("%s: %s %r, want %r" % (where, k, x[k], v))
        for k in ("Start", "End"):
            hh, mm = b[k.lower()].split(":")
            if not isinstance(x[k], float) or round(x[k] * 1440) != int(hh) * 60 + int(mm):
                fail("%s: %s %r, want %s" % (where, k, x[k], b[k.lower()]))
        if s["kind"] == "workshop":
            what = label(goals[t["offering_id"]].get("title", ""), t["offering_id"])
        elif s["kind"] == "seminar":
            what = label(sems[t["offering_id"]].get("title", ""), t["offering_id"])
        elif t["offering_id"]:
            what = "Lab: " + label(goals[t["offering_id"]].get("title", ""), t["offering_id"])
        else:
            what = "Lab"
        room = rooms[s["room_id"]]
        fac = facs[s["facilitator_id"]]
        checks = {"Works on": what, "Kind": s["kind"],
                  "Room": label(room.get("name", ""), s["room_id"]),
                  "Facilitator": label(fac.get("name", ""), s["facilitator_id"])}
        for k, v in checks.items():
            if x[k] != v:
                fail("%s: %s %r, want %r" % (where, k, x[k], v))

    # Facilitators and Rooms: a row per person or room per scheduled block,
    # the session held there by title, room or facilitator name and size
    scheduled = sorted({t["block_id"] for t in timetable})
    for sheet, owners, key, other, other_names in (
            ("Facilitators", facs, "facilitator_id", "room_id", rooms),
            ("Rooms", rooms, "room_id", "facilitator_id", facs)):
        sh = book[sheet]
        head = sh.values(0)
        got = {(v[head[0]], v["Block"]): v
               for v in (dict(zip(head, sh.values(r))) for r in range(1, len(sh.rows)))}
        if len(sh.rows) - 1 != len(owners) * len(scheduled) or len(got) != len(sh.rows) - 1:
            fail("%s has %d rows, want %d x %d" % (sheet, len(sh.rows) - 1, len(owners),
                                                    len(scheduled)))
        held = {(s[key], s["block_id"]): s for s in sessions.values()}
        for (owner, blk), v in got.items():
            s = held.get((owner, blk))
            title = head[8] if sheet == "Rooms" else head[7]
            if s is None:
                if v[title] not in ("(free)", "(unavailable)"):
                    fail("%s %s %s: %r where sessions.csv has nothing" % (sheet, owner, blk, v[title]))
                continue
            if s["kind"] == "workshop":
                what = label(goals[s["offering_id"]].get("title", ""), s["offering_id"])
            elif s["kind"] == "seminar":
                what = label(sems[s["offering_id"]].get("title", ""), s["offering_id"])
            else:
                what = "Lab"
            o = other_names[s[other]]
            want_o = label(o.get("name", ""), s[other])
            if (v[title] != what or v[head[-2]] != want_o
                    or v["Size"] != float(s["size"])):
                fail("%s %s %s: %r, want %s / %s / %s" % (sheet, owner, blk, v, what, want_o,
                                                           s["size"]))

    if len(book["Sessions"].rows) - 1 != len(sessions):
        fail("Sessions has %d rows, sessions.csv %d"
             % (len(book["Sessions"].rows) - 1, len(sessions)))
    for r in range(1, len(book["Sessions"].rows)):
        v = dict(zip(book["Sessions"].values(0), book["Sessions"].values(r)))
        if v["Size"] != float(sessions[v["Session"]]["size"]):
            fail("Sessions %s: size %r, sessions.csv %s"
                 % (v["Session"], v["Size"], sessions[v["Session"]]["size"]))
    if len(book["Unmet"].rows) - 1 != len(unmet):
        fail("Unmet has %d rows, unmet.csv %d" % (len(book["Unmet"].rows) - 1, len(unmet)))
    for u, r in zip(unmet, range(1, len(book["Unmet"].rows))):
        v = dict(zip(book["Unmet"].values(0), book["Unmet"].values(r)))
        if (v["Learner"] != u["learner_id"] or v["Reason"] != u["reason"]
                or v["Wanted"] != float(u["wanted"])):
            fail("Unmet row %d: %r, unmet.csv %r" % (r + 1, v, u))
    got = {book["Summary"].values(r)[0]: book["Summary"].values(r)[1]
           for r in range(1, len(book["Summary"].rows))}
    for m in summary:
        v = got.get(m["metric"])
        if isinstance(v, float):
            ok = abs(v - float(m["value"])) <= 1e-9 * max(1.0, abs(v))
        else:
            ok = (v or "") == m["value"]
        if not ok:
            fail("Summary %s: %r, summary.csv %r" % (m["metric"], v, m["value"]))
    return book


def check_oneroster(out):
    d = os.path.join(out, "oneroster")
    files = {}
    for name, header in ONEROSTER_HEADERS.items():
        path = os.path.join(d, name)
        if not os.path.exists(path):
            fail("oneroster/%s missing" % name)
            continue
        got, _ = read_csv(path, False)
        if ",".join(got) != header:
            fail("oneroster/%s header %r, want %r" % (name, ",".join(got), header))
        files[name] = table(path, False)
    extra = set(os.listdir(d)) - set(ONEROSTER_HEADERS)
    if extra:
        fail("oneroster/ holds unexpected files %s" % sorted(extra))
    if len(files) != len(ONEROSTER_HEADERS):
        return files
    manifest = {r["propertyName"]: r["value"] for r in files["manifest.csv"]}
    if manifest.get("manifest.version") != "1.0" or manifest.get("oneroster.version") != "1.1":
        fail("manifest versions %r" % manifest)
    for f in MANIFEST_FILES:
        want = "bulk" if f + ".csv" in ONEROSTER_HEADERS else "absent"
        if manifest.get("file." + f) != want:
            fail("manifest file.%s = %r, want %s" % (f, manifest.get("file." + f), want))

    ids = {}
    for name, rows in files.items():
        if name == "manifest.csv":
            continue
        ids[name] = [r["sourcedId"] for r in rows]
        if len(set(ids[name])) != len(ids[name]) or "" in ids[name]:
            fail("oneroster/%s: sourcedIds empty or not unique" % name)
        for r in rows:
            if r["status"] or r["dateLastModified"]:
                fail("oneroster/%s %s: status/dateLastModified set in a bulk file"
                     % (name, r["sourcedId"]))
    orgs = set(ids["orgs.csv"])
    sessions = {r["sourcedId"]: r for r in files["academicSessions.csv"]}
    courses = set(ids["courses.csv"])
    classes = set(ids["classes.csv"])
    users = set(ids["users.csv"])

    def resolve(file, row, col, within, many=False):
        v = row[col]
        for x in (v.split(",") if many else [v]):
            if x not in within:
                fail("oneroster/%s %s: %s %r does not resolve"
                     % (file, row["sourcedId"], col, x))

    for r in files["orgs.csv"]:
        if r["parentSourcedId"]:
            resolve("orgs.csv", r, "parentSourcedId", orgs)
    for r in files["academicSessions.csv"]:
        if r["parentSourcedId"]:
            resolve("academicSessions.csv", r, "parentSourcedId", sessions)
        if not (r["startDate"] <= r["endDate"]) or len(r["schoolYear"]) != 4:
            fail("academicSessions %s: dates %s..%s year %s"
                 % (r["sourcedId"], r["startDate"], r["endDate"], r["schoolYear"]))
        year = sessions.get(r["parentSourcedId"]) if r["type"] == "term" else None
        if r["type"] == "term" and (year is None or year["type"] != "schoolYear"
                                    or r["startDate"] < year["startDate"]
                                    or r["endDate"] > year["endDate"]
                                    or r["schoolYear"] != year["schoolYear"]):
            fail("academicSessions term %s (%s..%s) is not inside its school year %r"
                 % (r["sourcedId"], r["startDate"], r["endDate"], year))
    for r in files["courses.csv"]:
        resolve("courses.csv", r, "orgSourcedId", orgs)
        resolve("courses.csv", r, "schoolYearSourcedId", sessions)
        if sessions.get(r["schoolYearSourcedId"], {}).get("type") != "schoolYear":
            fail("courses %s: schoolYearSourcedId is not a schoolYear" % r["sourcedId"])
    for r in files["classes.csv"]:
        resolve("classes.csv", r, "courseSourcedId", courses)
        resolve("classes.csv", r, "schoolSourcedId", orgs)
        resolve("classes.csv", r, "termSourcedIds", sessions, many=True)
    for r in files["users.csv"]:
        resolve("users.csv", r, "orgSourcedIds", orgs, many=True)
        if r["role"] not in ("student", "teacher") or not r["givenName"] or not r["familyName"]:
            fail("users %s: role %r or a name missing" % (r["sourcedId"], r["role"]))
    for r in files["enrollments.csv"]:
        resolve("enrollments.csv", r, "classSourcedId", classes)
        resolve("enrollments.csv", r, "schoolSourcedId", orgs)
        resolve("enrollments.csv", r, "userSourcedId", users)
    return files


def check_users(scen, files):
    """Every learner a student and every facilitator a teacher, once, with
    sourcedIds of the school, ids byte for byte and unique usernames."""
    school = school_id(scen)
    learners = [r["learner_id"] for r in table(os.path.join(scen, "learners.csv"), False)]
    facs = [r["facilitator_id"] for r in table(os.path.join(scen, "facilitators.csv"), False)]
    want = {"%s:learner:%s" % (school, i): ("student", i) for i in learners}
    want.update({"%s:facilitator:%s" % (school, i): ("teacher", i) for i in facs})
    got = {r["sourcedId"]: (r["role"], r["identifier"]) for r in files["users.csv"]}
    if got != want:
        diff = sorted(set(got.items()) ^ set(want.items()))[:4]
        fail("users.csv: %d users, want %d (learners and facilitators); first differences %s"
             % (len(got), len(want), diff))
    names = [r["username"] for r in files["users.csv"]]
    if len(set(names)) != len(names):
        fail("users.csv: usernames not unique: %s"
             % sorted({n for n in names if names.count(n) > 1})[:5])
    for r in files["users.csv"]:
        if r["role"] == "student" and r["username"] != r["identifier"]:
            fail("users.csv %s: username %r is not the learner id" % (r["sourcedId"], r["username"]))
    for r in files["orgs.csv"]:
        if r["sourcedId"] != school:
            fail("orgs.csv: sourcedId %r, want the school_id %r" % (r["sourcedId"], school))
    for name in ("academicSessions.csv", "courses.csv", "classes.csv", "enrollments.csv"):
        for r in files[name]:
            if not r["sourcedId"].startswith(school + ":"):
                fail("%s %s: sourcedId not of school %r" % (name, r["sourcedId"], school))
                break


def class_of(school, first):
    """The class sourcedId of a section from its first session: school, kind,
    offering (lab), block, room."""
    return "%s:class:%s:%s:%s:%s" % (school, first["kind"], first["offering_id"] or "lab",
                                      first["block_id"], first["room_id"])


def check_rosters_match(scen, out, files):
    """Each class's students are the learners of its section in timetable.csv."""
    school = school_id(scen)
    sessions = {r["session_id"]: r for r in table(os.path.join(out, "sessions.csv"))}
    code = {class_of(school, sessions[s["section_id"]]): s["section_id"]
            for s in sessions.values()}
    want = {}
    for t in table(os.path.join(out, "timetable.csv")):
        if t["session_id"]:
            sec = sessions[sessions[t["session_id"]]["section_id"]]
            want.setdefault(class_of(school, sec), set()).add(
                "%s:learner:%s" % (school, t["learner_id"]))
    got, primaries = {}, {}
    for e in files["enrollments.csv"]:
        if e["role"] == "student":
            got.setdefault(e["classSourcedId"], set()).add(e["userSourcedId"])
        elif e["primary"] == "true":
            primaries[e["classSourcedId"]] = primaries.get(e["classSourcedId"], 0) + 1
    for c in sorted(set(got) | set(want)):
        if got.get(c) != want.get(c):
            fail("class %s: students %s, timetable says %s"
                 % (c, sorted(got.get(c, ()))[:5], sorted(want.get(c, ()))[:5]))
            break
    for c in files["classes.csv"]:
        if primaries.get(c["sourcedId"]) != 1:
            fail("class %s: %s primary teachers" % (c["sourcedId"], primaries.get(c["sourcedId"])))
        if c["classCode"] != code.get(c["sourcedId"]):
            fail("class %s: classCode %s is not its section %s"
                 % (c["sourcedId"], c["classCode"], code.get(c["sourcedId"])))


def main():
    if len(sys.argv) != 3:
        print("usage: exports_check.py SCENARIO_DIR OUT_DIR", file=sys.stderr)
        return 2
    scen, out = sys.argv[1:]
    check_xlsx(scen, out)
    files = check_oneroster(out)
    if len(files) == len(ONEROSTER_HEADERS):
        check_rosters_match(scen, out, files)
        check_users(scen, files)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
