#!/bin/sh
# CLI tests of the seminar model end to end: a generated seminar school is
# solved (with the default weights, and with weights.daily = 0), verify
# accepts what solve wrote, and a rerun is byte-identical.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
T=$(mktemp -d /tmp/mclsched-seminar-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "seminar.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
expect_exit() { # expected, then the command
	want=$1
	shift
	"$@" >"$T/stdout" 2>"$T/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "exit $got, want $want: $* ($(head -c 600 "$T/stderr"))"
}

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

if [ "$fails" -eq 0 ]; then
	echo "seminar.sh: all passed"
fi
[ "$fails" -eq 0 ]
