#!/bin/sh
# CLI tests of the seminar model end to end: a generated seminar school is
# solved (with the default weights, and with weights.daily = 0), verify
# accepts what solve wrote, and a rerun is byte-identical; examples/small
# with increasing choice weights keeps a valid bound.
set -u
. tests/support/cli.sh

expect_exit 0 "$GEN" --learners 120 --seed 3 --model seminar -o "$T/school"
cp -r "$T/school" "$T/nodaily"
echo 'weights { daily = 0 }' >> "$T/nodaily/scenario.conf"
expect_exit 0 "$BIN" solve "$T/nodaily" -o "$T/out0" --time-limit 10 -q
expect_exit 0 "$BIN" verify "$T/nodaily" "$T/out0"
expect_exit 0 "$BIN" solve "$T/school" -o "$T/out1" --time-limit 10 -q
expect_exit 0 "$BIN" verify "$T/school" "$T/out1"
status=$(awk -F, '$1 == "status" {print $2}' "$T/out1/summary.csv")
[ "$status" = optimal ] || [ "$status" = feasible ] || fail "summary status '$status'"
seminars=$(awk -F, '$3 == "seminar"' "$T/out1/sessions.csv" | wc -l)
[ "$seminars" -gt 0 ] || fail "no seminar meeting scheduled"
enrolled=$(awk -F, '$1 == "seminar_enrolled_pct" {print $2}' "$T/out1/summary.csv")
awk -v e="$enrolled" 'BEGIN { exit !(e > 0) }' || fail "seminar_enrolled_pct '$enrolled'"
expect_exit 0 "$BIN" solve "$T/school" -o "$T/out2" --time-limit 10 -q
for f in sessions.csv timetable.csv; do
	cmp -s "$T/out1/$f" "$T/out2/$f" || fail "rerun: $f differs"
done

# The choice weights {0, 0, 1000} (issue 24): the heaviest choice is the
# last by rank.  examples/small under the seminar model must report a bound
# at or above its objective and above what CBC proves of the exact model
# (--write-lp), and never "optimal" with a gap outside [0, gap limit].
cp -r examples/small "$T/heavy"
sed -i 's/^model = .*/model = seminar/' "$T/heavy/scenario.conf"
echo 'weights { choice = {0, 0, 1000} }' >> "$T/heavy/scenario.conf"
expect_exit 0 "$BIN" solve "$T/heavy" -o "$T/heavy.out" --write-lp "$T/heavy.lp" --time-limit 10 -q
ours=$(awk -F, '$1 == "objective" {print $2}' "$T/heavy.out/summary.csv")
bound=$(awk -F, '$1 == "bound" {print $2}' "$T/heavy.out/summary.csv")
gap=$(awk -F, '$1 == "gap" {print $2}' "$T/heavy.out/summary.csv")
status=$(awk -F, '$1 == "status" {print $2}' "$T/heavy.out/summary.csv")
awk -v o="$ours" -v b="$bound" 'BEGIN {exit !(o != "" && b >= o - 1e-6)}' ||
	fail "choice {0,0,1000}: bound $bound below the objective $ours"
[ "$status" != optimal ] || awk -v g="$gap" 'BEGIN {exit !(g >= 0 && g <= 0.005 + 1e-9)}' ||
	fail "choice {0,0,1000}: status optimal with gap $gap"
[ -s "$T/heavy.lp" ] || fail "choice {0,0,1000}: --write-lp wrote nothing"
. tests/support/cbc_check.sh
cbc_check heavy "$T/heavy.out" "$T/heavy.lp"

if [ "$fails" -eq 0 ]; then
	echo "seminar.sh: all passed"
fi
[ "$fails" -eq 0 ]
