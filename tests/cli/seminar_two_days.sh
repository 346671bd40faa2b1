#!/bin/sh
# A learner's day is paid once however many of their seminars meet on it
# (issue 26).  tests/data/seminar_two_days: one day, a workshop block no
# learner can use and two seminar blocks; seminars_per_learner = 2; SEM1
# and SEM2, one meeting and one seat each; A chose SEM1 (rank 1) and SEM2
# (rank 2), B only SEM2 (rank 3).  The seminar search valued each seat with
# its own daily weight: A's second seminar 30 + 40 against B's 15 + 40, so
# old builds give A both, 50 + 30 + 40 = 120.  The day is A's once: B's
# seat is worth more, 50 + 40 + 15 + 40 = 145, the optimum (CBC on
# --write-lp proves it) and the bound, so the solve ends proven optimal.
# Usage: sh tests/cli/seminar_two_days.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-semtwodays-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "seminar_two_days.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

dir=tests/data/seminar_two_days
rc=0
"$BIN" solve "$dir" -o "$T/out" --time-limit 5 -q 2>"$T/err" || rc=$?
if [ "$rc" -ne 0 ]; then
	fail "exit $rc: $(head -c 300 "$T/err")"
else
	"$BIN" verify "$dir" "$T/out" >"$T/v" 2>&1 || fail "verify: $(head -c 300 "$T/v")"
	o=$(metric "$T/out" objective)
	b=$(metric "$T/out" bound)
	awk -v o="$o" 'BEGIN {exit !(o == 145)}' || fail "objective $o, want 145 (CBC's optimum)"
	awk -v b="$b" 'BEGIN {exit !(b >= 145 - 1e-6 && b <= 145 + 1e-3)}' ||
		fail "bound $b, want 145"
	grep -q "^status,optimal$" "$T/out/summary.csv" ||
		fail "status $(metric "$T/out" status), want optimal"
fi

[ "$fails" -eq 0 ] && echo "seminar_two_days.sh: ok" >&2
[ "$fails" -eq 0 ]
