#!/usr/bin/env python3
"""Round trip of a school through the standards (tests/cli/import.sh).

  roundtrip.py fixture SCENARIO ONEROSTER_DIR AS_OF CASE_JSON
      ONEROSTER_DIR holds the oneroster/ files mclsched solve wrote for
      SCENARIO; this adds what the export does not carry and a school's
      SIS and gradebook would: demographics.csv (a birthDate giving each
      learner's age on AS_OF), a homeroom class per learning coach with its
      enrollments, and lineItems.csv + results.csv with every progress.csv
      score on a 0-100 scale.  It writes CASE_JSON, a CASE 1.0 package of
      the scenario's goals (items under one item per area, isChildOf) and
      prerequisites (precedes).
  roundtrip.py compare SCENARIO IMPORTED
      Exit 1, saying what differs, unless IMPORTED has the same learners
      (id, name, age, coach), facilitators (id, name), goals (id, title,
      area), prerequisites and progress (scores within 0.005) as SCENARIO.
"""
import csv
import json
import os
import sys


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def append_rows(path, new_rows):
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with open(path, "a", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in new_rows:
            w.writerow([r.get(h, "") for h in header])


def write_csv(path, header, new_rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in new_rows:
            w.writerow([r.get(h, "") for h in header])


def fixture(scen, ros, as_of, case_json):
    users = rows(os.path.join(ros, "users.csv"))
    sid = {(u["role"], u["identifier"]): u["sourcedId"] for u in users}
    learners = rows(os.path.join(scen, "learners.csv"))
    year = int(as_of[:4])
    demo = [{"sourcedId": sid[("student", l["learner_id"])],
             "birthDate": "%04d-03-15" % (year - int(l["age"]))}
            for l in learners if l.get("age")]
    write_csv(os.path.join(ros, "demographics.csv"),
              ["sourcedId", "status", "dateLastModified", "birthDate", "sex",
               "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
               "nativeHawaiianOrOtherPacificIslander", "white",
               "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
               "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
               "publicSchoolResidenceStatus"], demo)
    classes = rows(os.path.join(ros, "classes.csv"))
    school = classes[0]["schoolSourcedId"] if classes else "school"
    term = classes[0]["termSourcedIds"] if classes else ""
    course = classes[0]["courseSourcedId"] if classes else ""
    coaches = sorted({l["coach_id"] for l in learners if l.get("coach_id")})
    append_rows(os.path.join(ros, "classes.csv"),
                [{"sourcedId": "homeroom-" + c, "title": "Homeroom " + c,
                  "courseSourcedId": course, "classCode": "HR-" + c,
                  "classType": "homeroom", "schoolSourcedId": school,
                  "termSourcedIds": term} for c in coaches])
    enr = []
    for c in coaches:
        enr.append({"sourcedId": "hr-%s-t" % c, "classSourcedId": "homeroom-" + c,
                    "schoolSourcedId": school, "userSourcedId": sid[("teacher", c)],
                    "role": "teacher", "primary": "true"})
    for l in learners:
        if l.get("coach_id"):
            enr.append({"sourcedId": "hr-" + l["learner_id"],
                        "classSourcedId": "homeroom-" + l["coach_id"],
                        "schoolSourcedId": school,
                        "userSourcedId": sid[("student", l["learner_id"])],
                        "role": "student", "primary": "false"})
    append_rows(os.path.join(ros, "enrollments.csv"), enr)
    goals = rows(os.path.join(scen, "goals.csv"))
    write_csv(os.path.join(ros, "lineItems.csv"),
              ["sourcedId", "status", "dateLastModified", "title", "description",
               "assignDate", "dueDate", "classSourcedId", "categorySourcedId",
               "gradingPeriodSourcedId", "resultValueMin", "resultValueMax"],
              [{"sourcedId": "li-" + g["goal_id"],
                "title": "%s: %s" % (g["goal_id"], g["title"]),
                "assignDate": as_of, "dueDate": as_of, "classSourcedId": course,
                "categorySourcedId": "mastery", "gradingPeriodSourcedId": term,
                "resultValueMin": "0", "resultValueMax": "100"} for g in goals])
    write_csv(os.path.join(ros, "results.csv"),
              ["sourcedId", "status", "dateLastModified", "lineItemSourcedId",
               "studentSourcedId", "scoreStatus", "score", "scoreDate", "comment"],
              [{"sourcedId": "r%d" % i, "lineItemSourcedId": "li-" + p["goal_id"],
                "studentSourcedId": sid[("student", p["learner_id"])],
                "scoreStatus": "fully graded", "score": repr(float(p["score"]) * 25),
                "scoreDate": as_of}
               for i, p in enumerate(rows(os.path.join(scen, "progress.csv")))])
    areas = []
    for g in goals:
        if g["area"] not in areas:
            areas.append(g["area"])
    items = [{"identifier": "area-%d" % i, "fullStatement": a, "CFItemType": "Domain"}
             for i, a in enumerate(areas)]
    items += [{"identifier": "item-" + g["goal_id"], "humanCodingScheme": g["goal_id"],
               "fullStatement": g["title"], "CFItemType": "Standard"} for g in goals]
    node = lambda ident: {"identifier": ident, "uri": "urn:test:" + ident, "title": ident}
    assoc = [{"identifier": "child-" + g["goal_id"], "associationType": "isChildOf",
              "originNodeURI": node("item-" + g["goal_id"]),
              "destinationNodeURI": node("area-%d" % areas.index(g["area"]))}
             for g in goals]
    assoc += [{"identifier": "pre-%s-%s" % (p["requires"], p["goal_id"]),
               "associationType": "precedes",
               "originNodeURI": node("item-" + p["requires"]),
               "destinationNodeURI": node("item-" + p["goal_id"])}
              for p in rows(os.path.join(scen, "prerequisites.csv"))]
    with open(case_json, "w", encoding="utf-8") as f:
        json.dump({"CFDocument": {"identifier": "doc", "title": "Test framework"},
                   "CFItems": items, "CFAssociations": assoc}, f, indent=1)


def compare(scen, imp):
    diffs = []

    def same(name, cols, key):
        want = {tuple(r.get(c, "") for c in cols) for r in rows(os.path.join(scen, name))}
        got = {tuple(r.get(c, "") for c in cols) for r in rows(os.path.join(imp, name))}
        if want != got:
            diffs.append("%s: missing %s, extra %s" % (name, sorted(want - got)[:3],
                                                       sorted(got - want)[:3]))
        elif not want:
            diffs.append("%s: empty" % name)

    same("learners.csv", ["learner_id", "name", "age", "coach_id"], 0)
    same("facilitators.csv", ["facilitator_id", "name"], 0)
    same("goals.csv", ["goal_id", "title", "area"], 0)
    same("prerequisites.csv", ["goal_id", "requires"], 0)
    want = {(r["learner_id"], r["goal_id"]): float(r["score"])
            for r in rows(os.path.join(scen, "progress.csv"))}
    got = {(r["learner_id"], r["goal_id"]): float(r["score"])
           for r in rows(os.path.join(imp, "progress.csv"))}
    if set(want) != set(got) or any(abs(want[k] - got[k]) > 0.005 for k in want):
        diffs.append("progress.csv differs")
    for d in diffs:
        print("roundtrip: " + d, file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    if sys.argv[1] == "fixture":
        fixture(*sys.argv[2:6])
        sys.exit(0)
    sys.exit(compare(sys.argv[2], sys.argv[3]))
