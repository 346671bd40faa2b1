#!/bin/sh
# The combination's first workshop plan (models/combination.c, early_fit,
# issue 26): with a limit of 20 s or more, the workshop blocks are first
# constructed against the first seminar pass and the seminar blocks
# planned again against that plan, before the workshop search; below 20 s
# (the second seminar pass's 2 s floor) the step is left out.  On
# tests/data/seminar_two_days (one day, a workshop block no learner can
# use, two seminar blocks; CBC's optimum 145): at 30 s the log names the
# first plan, then the seminars planned against it (120 -> 145), and the
# schedule reaches 145 and passes verify; at 5 s neither line, the same
# 145.  Old builds have no such step.
# Usage: sh tests/cli/combination_early.sh [BUILD]
set -u
BUILD=${1:-${BUILD:-build}}
. tests/support/cli.sh

dir=tests/data/seminar_two_days
for limit in 30 5; do
	rc=0
	"$BIN" solve "$dir" -o "$T/out$limit" --time-limit $limit -v 2>"$T/err$limit" || rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "$limit s: exit $rc: $(head -c 300 "$T/err$limit")"
		continue
	fi
	"$BIN" verify "$dir" "$T/out$limit" >"$T/v" 2>&1 ||
		fail "$limit s: verify: $(head -c 300 "$T/v")"
	o=$(awk -F, '$1 == "objective" {print $2; exit}' "$T/out$limit/summary.csv")
	awk -v o="$o" 'BEGIN {exit !(o == 145)}' || fail "$limit s: objective $o, want 145"
done
# at 30 s: the first plan's line, and the seminars planned against it next
awk '/a first workshop plan: objective/ {f = NR}
     f && NR > f && /seminar blocks planned again: objective 120.0 -> 145.0/ {ok = 1}
     END {exit !ok}' "$T/err30" ||
	fail "30 s: no first workshop plan with the seminar blocks planned against it"
grep -q "a first workshop plan" "$T/err5" &&
	fail "5 s: a first workshop plan below the 20 s floor"

[ "$fails" -eq 0 ] && echo "combination_early.sh: ok" >&2
[ "$fails" -eq 0 ]
