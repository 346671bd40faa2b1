#!/bin/sh
# What real exports look like, read right: headers in another letter case
# (`Learner_ID`) check clean and solve as the lower-case ones do; blocks whose
# times overlap are a warning naming both, not an error; ids with dots and
# underscores reach the exports byte for byte, and one starting with '-' is
# refused (contract version 3).  The failing cases
# (';'-separated, Latin-1, duplicate columns, scenario.conf errors) are in
# tests/bad/60-64.
set -u
. tests/support/cli.sh

# Every header word capitalised and ids in capitals: Learner_ID, Max_Group.
cp -r tests/data/tiny "$T/cased"
for f in "$T"/cased/*.csv; do
	LC_ALL=C sed -i '1s/\(^\|[,_]\|\xBF\)\([a-z]\)/\1\u\2/g; 1s/_Id\b/_ID/g' "$f"
done
grep -q "^.*Learner_ID,Name,Age,Unavailable" "$T/cased/learners.csv" ||
	fail "the test's own rewrite: $(head -1 "$T/cased/learners.csv")"
"$BIN" check tests/data/tiny >"$T/out.lower" 2>"$T/err.lower" || fail "tiny: exit $?"
"$BIN" check "$T/cased" >"$T/out" 2>"$T/err" || fail "cased headers: check exit $? ($(head -c 300 "$T/err"))"
cmp -s "$T/out" "$T/out.lower" || fail "cased headers: another census: $(cat "$T/out")"
cmp -s "$T/err" "$T/err.lower" || fail "cased headers: other messages: $(cat "$T/err")"
"$BIN" solve tests/data/tiny -o "$T/sol.lower" -q 2>"$T/err" || fail "tiny: solve exit $?"
"$BIN" solve "$T/cased" -o "$T/sol" -q 2>"$T/err" || fail "cased headers: solve exit $? ($(head -c 300 "$T/err"))"
for f in sessions.csv timetable.csv unmet.csv; do
	cmp -s "$T/sol/$f" "$T/sol.lower/$f" || fail "cased headers: $f differs from the lower-case run"
done
grep "^objective," "$T/sol/summary.csv" >"$T/a" 2>/dev/null
grep "^objective," "$T/sol.lower/summary.csv" >"$T/b" 2>/dev/null
[ -s "$T/a" ] && cmp -s "$T/a" "$T/b" || fail "cased headers: objective $(cat "$T/a") vs $(cat "$T/b")"

# Two blocks of one day overlapping: a warning naming both; check exits 0.
cp -r tests/data/tiny "$T/overlap"
printf 'block_id,day,start,end,kind,areas\nMon1,Mon,08:30,09:40,workshop,\nMon2,Mon,09:30,10:20,workshop,Math\nTue2,Tue,09:30,10:20,workshop,\nMon4,Mon,13:00,14:00,seminar,\n' \
	>"$T/overlap/blocks.csv"
"$BIN" check "$T/overlap" >"$T/out" 2>"$T/err" || fail "overlap: exit $?, want 0"
grep -qF "warning: blocks.csv:3: block 'Mon2' (09:30-10:20) overlaps block 'Mon1' (08:30-09:40, line 2) on 'Mon'" "$T/err" ||
	fail "overlap: $(cat "$T/err")"
[ "$(grep -c overlaps "$T/err")" -eq 1 ] || fail "overlap: Tue2 (same times, another day) warned: $(cat "$T/err")"
# back to back is no overlap
sed -i 's/08:30,09:40/08:30,09:30/' "$T/overlap/blocks.csv"
"$BIN" check "$T/overlap" >"$T/out" 2>"$T/err" || fail "back to back: exit $?"
grep -q overlaps "$T/err" && fail "back to back blocks warned: $(cat "$T/err")"

# Ids as a student information system exports them (dots, underscores,
# mixed case) reach schedule.xlsx and oneroster/ byte for byte; an id that
# starts with '-' (a spreadsheet would take it for a formula) is refused by
# check with its line, before anything is solved.
cp -r tests/data/tiny "$T/ids"
sed -i 's/^L1,/Lee.S_01,/' "$T/ids/learners.csv" "$T/ids/needs.csv" "$T/ids/progress.csv"
"$BIN" solve "$T/ids" -o "$T/ids.out" -q 2>"$T/err" || fail "ids: solve exit $? ($(head -c 300 "$T/err"))"
grep -q ":learner:Lee.S_01,,,true,[^,]*,student,Lee.S_01,,Ann,Ann,,Lee.S_01," "$T/ids.out/oneroster/users.csv" ||
	fail "ids: users.csv row of Lee.S_01: $(grep Lee "$T/ids.out/oneroster/users.csv")"
python3 - "$T/ids.out/schedule.xlsx" <<'EOF' || fail "ids: schedule.xlsx does not hold Lee.S_01 as it is"
import sys
sys.path.insert(0, "tests/support")
import xlsx_read
rows = xlsx_read.read(sys.argv[1])["Learners"].rows
if not any(r and r[0] in (("s", "Lee.S_01"), ("inlineStr", "Lee.S_01")) for r in rows[1:]):
    sys.exit("no Learners row with the id Lee.S_01")
EOF
python3 tests/exports_check.py "$T/ids" "$T/ids.out" || fail "ids: exports_check"
sed -i 's/^Lee.S_01,/-7B,/' "$T/ids/learners.csv"
"$BIN" check "$T/ids" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "learners.csv:2: invalid learner_id '-7B'" "$T/err" ||
	fail "ids: -7B: exit $rc, $(head -c 300 "$T/err")"

[ "$fails" -eq 0 ] || exit 1
echo "real_exports.sh: all passed"
