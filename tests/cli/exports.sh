#!/bin/sh
# CLI tests of schedule.xlsx and oneroster/: read back by a reader of our
# own that knows nothing of the writer (tests/exports_check.py with
# tests/support/xlsx_read.py) and checked against timetable.csv; OneRoster
# headers exact and every reference resolving; names and ids byte for byte
# in both (contract v3: the guard is for CSV files only), text never a
# formula; unique usernames when a learner and a facilitator share an id;
# the term inside its school year; sourcedIds that mean the same thing in
# every run and differ between the schools of a district; the same
# schedule giving the same bytes; the output directory with its
# oneroster/ subdirectory replaced whole, and refused when it holds a
# directory of someone else's.
set -u
. tests/support/cli.sh
CHECK="python3 tests/exports_check.py"
# A fixed date: the term's dates and the workbook's creation time.
SOURCE_DATE_EPOCH=1767268800    # 2026-01-01 12:00 UTC
TZ=UTC
export SOURCE_DATE_EPOCH TZ

# 1. The bundled school with hostile names: a learner named like a formula,
#    one named like a script, a facilitator whose name starts with '-' and
#    a room with '@'; and a facilitator whose id is also a learner's.
cp -r examples/small "$T/s"
sed -i 's/^L0001,Ethan White,/L0001,"=HYPERLINK(""x"")",/; s/^L0002,Lucas Nguyen,/L0002,<script>alert(1)<\/script>,/' "$T/s/learners.csv"
sed -i 's/^F002,Hana Moore,/F002,-Hana Moore,/' "$T/s/facilitators.csv"
sed -i 's/^R001,Room 101,/R001,@Room 101,/' "$T/s/rooms.csv"
sed -i 's/^name = .*/name = "=2+3 Maple Grove"/' "$T/s/scenario.conf"
echo "L0003,Sam Shared,," >>"$T/s/facilitators.csv"
SCHOOL=2-3-maple-grove     # school_id derived from the name
grep -q HYPERLINK "$T/s/learners.csv" && grep -q '^F002,-Hana' "$T/s/facilitators.csv" ||
	fail "could not plant the hostile names"
expect_exit 0 "$BIN" solve "$T/s" -o "$T/out" --time-limit 5 -q
expect_exit 0 "$BIN" verify "$T/s" "$T/out"
$CHECK "$T/s" "$T/out" || fail "examples/small: exports_check"

# The names are stored unchanged as text cells, never as formulas, in the
# workbook, and byte for byte in the OneRoster users.
python3 - "$T/out/schedule.xlsx" <<'EOF' || fail "hostile names not kept as text in schedule.xlsx"
import sys
sys.path.insert(0, "tests/support")
import xlsx_read
book = xlsx_read.read(sys.argv[1])
cells = [c for s in book.values() for row in s.rows for c in row if c]
text = {v for k, v in cells if k in ("s", "inlineStr")}
want = ['=HYPERLINK("x")', "<script>alert(1)</script>", "-Hana Moore", "@Room 101"]
for w in want:
    if w not in text:
        sys.exit("no text cell %r" % w)
if any(v[:1] == "'" for v in text):
    sys.exit("a guard apostrophe in a text cell")
if any(s.formulas for s in book.values()):
    sys.exit("a formula cell")
EOF
# The workbook is written row by row (libxlsxwriter's constant_memory mode,
# the memory and time of a large school's write): text inline, no
# shared-string table built in memory.
python3 - "$T/out/schedule.xlsx" <<'EOF' || fail "schedule.xlsx not written row by row (shared strings)"
import sys, zipfile
sys.path.insert(0, "tests/support")
import xlsx_read
kinds = {c[0] for s in xlsx_read.read(sys.argv[1]).values() for row in s.rows for c in row if c}
if "xl/sharedStrings.xml" in zipfile.ZipFile(sys.argv[1]).namelist() or "s" in kinds:
    sys.exit("shared strings: %s" % sorted(kinds))
if "inlineStr" not in kinds:
    sys.exit("no inline text cell: %s" % sorted(kinds))
EOF
U="$T/out/oneroster/users.csv"
grep -qF "$SCHOOL:learner:L0001,,,true,$SCHOOL,student,L0001,,\"=HYPERLINK(\"\"x\"\")\",\"=HYPERLINK(\"\"x\"\")\",,L0001," "$U" ||
	fail "users.csv: L0001 not byte for byte: $(grep :learner:L0001 "$U")"
grep -q "^$SCHOOL:learner:L0002,.*,<script>alert(1)</script>," "$U" ||
	fail "users.csv: L0002's name not kept as text"
grep -q "^$SCHOOL:facilitator:F002,.*,F002,,-Hana,Moore,,F002," "$U" ||
	fail "users.csv: F002's given name changed: $(grep :facilitator:F002 "$U")"
# L0003 is a learner and a facilitator: two users, two usernames
grep -q "^$SCHOOL:learner:L0003,,,true,$SCHOOL,student,L0003,,.*,L0003," "$U" &&
	grep -q "^$SCHOOL:facilitator:L0003,,,true,$SCHOOL,teacher,L0003.staff,,Sam,Shared,,L0003," "$U" ||
	fail "users.csv: shared id L0003: $(grep ':L0003,' "$U")"

# The cycle's term starts on the run date; the bundled week is one week.
grep -qx "$SCHOOL,,,=2+3 Maple Grove,school,$SCHOOL," "$T/out/oneroster/orgs.csv" ||
	fail "orgs.csv: the school: $(cat "$T/out/oneroster/orgs.csv")"
grep -q "^$SCHOOL:term:2026-01-01,,,.*,term,2026-01-01,2026-01-07,$SCHOOL:year:2026,2026\$" \
	"$T/out/oneroster/academicSessions.csv" ||
	fail "academicSessions.csv term: $(cat "$T/out/oneroster/academicSessions.csv")"

# A run dated in the last week of June: the term ends with its school year.
SOURCE_DATE_EPOCH=1782302400 expect_exit 0 "$BIN" solve "$T/s" -o "$T/june" --time-limit 5 -q
grep -q "^$SCHOOL:term:2026-06-24,,,.*,term,2026-06-24,2026-06-30,$SCHOOL:year:2026,2026\$" \
	"$T/june/oneroster/academicSessions.csv" ||
	fail "a June run's term: $(cat "$T/june/oneroster/academicSessions.csv")"
$CHECK "$T/s" "$T/june" || fail "June run: exports_check"

# Another schedule of the same school (another seed): a class sourcedId
# found in both runs is the same course in the same block (it names what
# the class runs, not its number in the run), and the users are the same.
expect_exit 0 "$BIN" solve "$T/s" -o "$T/seed2" --time-limit 5 --seed 2 -q
python3 - "$T/out/oneroster" "$T/seed2/oneroster" <<'EOF' || fail "sourcedIds not stable across runs"
import csv, sys
def rows(d, f):
    return list(csv.DictReader(open("%s/%s" % (d, f), newline="", encoding="utf-8")))
a = {r["sourcedId"]: r for r in rows(sys.argv[1], "classes.csv")}
b = {r["sourcedId"]: r for r in rows(sys.argv[2], "classes.csv")}
both = set(a) & set(b)
if not both:
    sys.exit("no class in common between two runs of one school")
for c in both:
    if (a[c]["courseSourcedId"] != b[c]["courseSourcedId"]
            or a[c]["periods"].split(",")[0] != b[c]["periods"].split(",")[0]):
        sys.exit("class %s: %s in one run, %s in the other"
                 % (c, a[c]["courseSourcedId"], b[c]["courseSourcedId"]))
ua = [r["sourcedId"] for r in rows(sys.argv[1], "users.csv")]
ub = [r["sourcedId"] for r in rows(sys.argv[2], "users.csv")]
if ua != ub:
    sys.exit("users differ between runs")
EOF

# A second school of the district (its own school_id): no sourcedId shared.
cp -r "$T/s" "$T/north"
sed -i '2a school_id = "north"' "$T/north/scenario.conf"
expect_exit 0 "$BIN" solve "$T/north" -o "$T/north.out" --time-limit 5 -q
$CHECK "$T/north" "$T/north.out" || fail "school_id north: exports_check"
shared=$(for f in orgs academicSessions courses classes users enrollments; do
	tail -n +2 "$T/out/oneroster/$f.csv" | cut -d, -f1
	tail -n +2 "$T/north.out/oneroster/$f.csv" | cut -d, -f1
done | sort | uniq -d | head -3)
[ -z "$shared" ] || fail "two schools of a district share sourcedIds: $shared"

# 2. The same schedule again (a time limit may find another): the same
#    OneRoster bytes (schedule.xlsx holds solve_seconds; check_exports
#    compares its bytes); the directory, oneroster/ included, replaced whole.
expect_exit 0 "$BIN" solve "$T/s" -o "$T/out2" --time-limit 5 -q
if cmp -s "$T/out/timetable.csv" "$T/out2/timetable.csv" &&
	cmp -s "$T/out/sessions.csv" "$T/out2/sessions.csv"; then
	for f in "$T"/out/oneroster/*.csv; do
		cmp -s "$f" "$T/out2/oneroster/${f##*/}" || fail "rerun: oneroster/${f##*/} differs"
	done
fi
echo stale >"$T/out2/oneroster/stale.csv"
expect_exit 0 "$BIN" solve "$T/s" -o "$T/out2" --time-limit 5 -q
[ ! -e "$T/out2/oneroster/stale.csv" ] || fail "oneroster/ not replaced whole"
leftover=$(find "$T" -maxdepth 1 -name 'out2.*' | head -1)
[ -z "$leftover" ] || fail "directory left behind: $leftover"

# 3. A directory of someone else's inside the output directory: refused
#    before solving, nothing touched.
mkdir "$T/out2/mine"
echo keep >"$T/out2/mine/notes.txt"
expect_exit 1 "$BIN" solve "$T/s" -o "$T/out2" --time-limit 5 -q
grep -q "not an mclsched output directory" "$T/stderr" || fail "foreign subdirectory: $(cat "$T/stderr")"
[ -f "$T/out2/mine/notes.txt" ] && [ -f "$T/out2/schedule.xlsx" ] || fail "refused directory was touched"

# 4. The power-goal model: a group's meetings are one class.
"$GEN" --learners 50 --seed 5 --days 1 --model power-goal -o "$T/pg" >/dev/null 2>&1 ||
	fail "mclsched-gen --model power-goal failed"
expect_exit 0 "$BIN" solve "$T/pg" -o "$T/pg.out" --time-limit 5 -q
$CHECK "$T/pg" "$T/pg.out" || fail "power-goal: exports_check"
classes=$(($(wc -l <"$T/pg.out/oneroster/classes.csv") - 1))
sections=$(tail -n +2 "$T/pg.out/sessions.csv" | cut -d, -f2 | sort -u | wc -l)
[ "$classes" -eq "$sections" ] || fail "power-goal: $classes classes for $sections sections"

# 5. No schedule: neither export is written.
cp -r examples/small "$T/tight"
awk -F, 'NR == 1 {print; next} {n++; if (n <= 1) print}' examples/small/rooms.csv >"$T/tight/rooms.csv"
expect_exit 3 "$BIN" solve "$T/tight" -o "$T/tight.out" -q
[ ! -e "$T/tight.out/schedule.xlsx" ] && [ ! -e "$T/tight.out/oneroster" ] ||
	fail "exports written without a schedule"

[ "$fails" -eq 0 ] || exit 1
echo "exports.sh: all passed"
