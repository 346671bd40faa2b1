#!/bin/sh
# A seminar block's labs and meetings are led by facilitators available in
# that block (issue 26).  tests/data/seminar_staff: 20 learners, one day;
# a 10-seat seminar of 2 meetings that only F1 (not in Mon1) can lead; Mon2
# has two more facilitators, Mon3 only F4, who has max_sessions 1 and may
# instead lead the Science workshop in Mon1.  The seminar (10 x (50 + 40)
# = 900) or the workshop (10 x (10 + 40) = 500): the optimum is 900 (CBC on
# --write-lp proves it).  Counting the seminar blocks' facilitator time
# together let the bound LP staff Mon3's lab with Mon2's spare facilitators
# and give F4 to the workshop: bound 1 400, old builds fail here.  Now the
# bound is 900 and the solve ends proven optimal.
# Usage: sh tests/cli/seminar_staff.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-semstaff-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "seminar_staff.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

dir=tests/data/seminar_staff
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
		fail "bound $b, want 900 (1400 with the seminar blocks' facilitator time pooled)"
	grep -q "^status,optimal$" "$T/out/summary.csv" ||
		fail "status $(metric "$T/out" status), want optimal"
fi

[ "$fails" -eq 0 ] && echo "seminar_staff.sh: ok" >&2
[ "$fails" -eq 0 ]
