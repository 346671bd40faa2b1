#!/bin/sh
# A seminar's meetings cover no more of a learner's days than the days with
# a seminar block (issue 26).  tests/data/seminar_days: one day, a workshop
# block whose area none of the 20 learners needs (all in the lab) and two
# seminar blocks; one seminar of 2 meetings and 10 seats that everyone
# chose.  Only the 10 enrolled can have their day: 10 x (50 + 40) = 900,
# the optimum (CBC on --write-lp proves it).  Counting each meeting as a
# day let the bound LP enrol all 20 by halves, each half a day's worth
# twice: bound 1 300, old builds fail here.  Now the bound is 900 and the
# solve ends proven optimal, with a schedule verify accepts.
# Usage: sh tests/cli/seminar_days.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-semdays-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "seminar_days.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

dir=tests/data/seminar_days
rc=0
"$BIN" solve "$dir" -o "$T/out" --time-limit 5 -q 2>"$T/err" || rc=$?
if [ "$rc" -ne 0 ]; then
	fail "exit $rc: $(head -c 300 "$T/err")"
else
	"$BIN" verify "$dir" "$T/out" >"$T/v" 2>&1 || fail "verify: $(head -c 300 "$T/v")"
	o=$(metric "$T/out" objective)
	b=$(metric "$T/out" bound)
	awk -v o="$o" 'BEGIN {exit !(o == 900)}' || fail "objective $o, want 900 (CBC's optimum)"
	awk -v b="$b" 'BEGIN {exit !(b >= 900 - 1e-6 && b <= 900 + 1e-3)}' ||
		fail "bound $b, want 900 (a 2-meeting seminar covers one day; 1300 counting each meeting)"
	grep -q "^status,optimal$" "$T/out/summary.csv" ||
		fail "status $(metric "$T/out" status), want optimal"
fi

[ "$fails" -eq 0 ] && echo "seminar_days.sh: ok" >&2
[ "$fails" -eq 0 ]
