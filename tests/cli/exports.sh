#!/bin/sh
# CLI tests of schedule.xlsx and oneroster/: read back by a reader of our
# own that knows nothing of the writer (tests/exports_check.py with
# tests/support/xlsx_read.py) and checked against timetable.csv; OneRoster
# headers exact and every reference resolving; hostile names inert; the
# same schedule giving the same bytes; the output directory with its
# oneroster/ subdirectory replaced whole, and refused when it holds a
# directory of someone else's.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
CHECK="python3 tests/exports_check.py"
T=$(mktemp -d /tmp/mclsched-exports-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "exports.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
expect_exit() { # expected, then the command
	want=$1
	shift
	"$@" >"$T/stdout" 2>"$T/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "exit $got, want $want: $* ($(head -c 600 "$T/stderr"))"
}
# A fixed date: the term's dates and the workbook's creation time.
SOURCE_DATE_EPOCH=1767268800    # 2026-01-01 12:00 UTC
TZ=UTC
export SOURCE_DATE_EPOCH TZ

# 1. The bundled school with hostile names: a learner named like a formula,
#    one named like a script, a facilitator whose name starts with '-' and
#    a room with '@'.
cp -r examples/small "$T/s"
sed -i 's/^L0001,Ethan White,/L0001,"=HYPERLINK(""x"")",/; s/^L0002,Lucas Nguyen,/L0002,<script>alert(1)<\/script>,/' "$T/s/learners.csv"
sed -i 's/^F002,Hana Moore,/F002,-Hana Moore,/' "$T/s/facilitators.csv"
sed -i 's/^R001,Room 101,/R001,@Room 101,/' "$T/s/rooms.csv"
sed -i 's/^name = .*/name = "=2+3 Maple Grove"/' "$T/s/scenario.conf"
grep -q HYPERLINK "$T/s/learners.csv" && grep -q '^F002,-Hana' "$T/s/facilitators.csv" ||
	fail "could not plant the hostile names"
expect_exit 0 "$BIN" solve "$T/s" -o "$T/out" --time-limit 5 -q
expect_exit 0 "$BIN" verify "$T/s" "$T/out"
$CHECK "$T/s" "$T/out" || fail "examples/small: exports_check"

# The names are stored as guarded text, never as formulas, in the workbook
# and the OneRoster users.
python3 - "$T/out/schedule.xlsx" <<'EOF' || fail "hostile names not inert in schedule.xlsx"
import sys
sys.path.insert(0, "tests/support")
import xlsx_read
book = xlsx_read.read(sys.argv[1])
cells = [c for s in book.values() for row in s.rows for c in row if c]
want = ["'=HYPERLINK(\"x\")", "<script>alert(1)</script>", "'-Hana Moore", "'@Room 101"]
for w in want:
    if (("s", w) not in cells):
        sys.exit("no shared-string cell %r" % w)
if any(c[0] == "s" and c[1] in ('=HYPERLINK("x")', "-Hana Moore", "@Room 101") for c in cells):
    sys.exit("an unguarded name")
EOF
grep -q "^learner-L0001,.*,\"'=HYPERLINK(\"\"x\"\")\",\"'=HYPERLINK(\"\"x\"\")\"," "$T/out/oneroster/users.csv" ||
	fail "users.csv: L0001's name not guarded: $(grep learner-L0001 "$T/out/oneroster/users.csv")"
grep -q "^learner-L0002,.*,<script>alert(1)</script>," "$T/out/oneroster/users.csv" ||
	fail "users.csv: L0002's name not kept as text"
grep -q "^facilitator-F002,.*,'-Hana,Moore," "$T/out/oneroster/users.csv" ||
	fail "users.csv: F002's given name not guarded"

# The cycle's term starts on the run date; the bundled week is one week.
grep -q "^school,,,'=2+3 Maple Grove,school,," "$T/out/oneroster/orgs.csv" ||
	fail "orgs.csv: the school's name not guarded: $(cat "$T/out/oneroster/orgs.csv")"
grep -q "^cycle-2026-01-01,,,.*,term,2026-01-01,2026-01-07,year-2026,2026$" \
	"$T/out/oneroster/academicSessions.csv" ||
	fail "academicSessions.csv term: $(cat "$T/out/oneroster/academicSessions.csv")"

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
