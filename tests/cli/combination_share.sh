#!/bin/sh
# The combination model on a kept audit school (tests/audit/cases/
# seed-324-combination-quality, issue 26): the seminars carry nearly all
# the value (choice weights {0, 0, 1000}, guru 1000), and the two full-time
# facilitators are both needed for the seminar blocks' labs, so a seminar
# plan without the part-time facilitators runs no section.  mclsched wrote
# 15 500 where CBC finds 57 700; the first seminar pass must now try the
# part-timers (models/combination.c, try_share) and reach at least 40 000,
# with a schedule verify accepts.  Usage: sh tests/cli/combination_share.sh [BUILD]
set -u
BUILD=${1:-${BUILD:-build}}
. tests/support/cli.sh
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

dir=tests/audit/cases/seed-324-combination-quality
rc=0
"$BIN" solve "$dir" -o "$T/out" --time-limit 3 -q 2>"$T/err" || rc=$?
if [ "$rc" -ne 0 ]; then
	fail "exit $rc: $(head -c 300 "$T/err")"
else
	"$BIN" verify "$dir" "$T/out" >"$T/v" 2>&1 || fail "verify: $(head -c 300 "$T/v")"
	o=$(metric "$T/out" objective)
	awk -v o="$o" 'BEGIN {exit !(o >= 40000)}' ||
		fail "objective $o: the seminars are left unplanned (CBC finds 57 700)"
fi

[ "$fails" -eq 0 ] && echo "combination_share.sh: ok" >&2
[ "$fails" -eq 0 ]
