#!/bin/sh
# The power-goal search on two kept audit schools (tests/audit/cases/),
# each against the exact optimum CBC proved on its --write-lp model (the
# cases' NOTE.md): seed 2101, where the greedy's groups left the labs two
# seats short and mclsched wrote no schedule, must get a schedule verify
# accepts, worth the optimum 14 706 680; seed 1128, where the greedy gave a
# goal to the wrong facilitator (75% of the optimum), must reach 19 647 by
# the group moves (models/power_goal_moves.c); seed 1021, whose optimum
# has every facilitator leading and no lab, must reach 45 600 in 2 s, by
# the moves (the exact MIP needs 6-13 s there): the repair sees each lab
# learner who joins a group as progress (pg_shortfall counts the learners
# of unstaffed labs, not the labs).  They stop early at the gap limit once
# they reach it, so the time limit only bounds a failing run.
set -u
. tests/support/cli.sh
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

while read -r case optimum seconds; do
	[ -n "$case" ] || continue
	dir=tests/audit/cases/$case
	out=$T/$case
	rc=0
	"$BIN" solve "$dir" -o "$out" --time-limit "$seconds" -q 2>"$T/err" || rc=$?
	[ "$rc" -eq 0 ] || { fail "$case: exit $rc: $(head -c 300 "$T/err")"; continue; }
	"$BIN" verify "$dir" "$out" >"$T/v" 2>&1 || fail "$case: verify: $(head -c 300 "$T/v")"
	o=$(metric "$out" objective)
	awk -v o="$o" -v x="$optimum" 'BEGIN {exit !(o >= x - 1e-6 && o <= x + 1e-6)}' ||
		fail "$case: objective $o, the exact optimum is $optimum"
done <<CASES
seed-2101-no-schedule 14706680 20
seed-1128-power-goal-quality 19647 20
seed-1021-power-goal-quality 45600 2
CASES

# -v says what the search does in mclsched's own lines: GLPK's scaling
# report ("Scaling...", printed whatever the solver's message level) once
# came between them (models/glpk_run.c, lp_scale_quiet)
"$BIN" solve tests/audit/cases/seed-1021-power-goal-quality -o "$T/verbose" --time-limit 2 -v \
	2>"$T/err" >/dev/null || fail "seed-1021 -v: exit $?"
grep -q '^Scaling\.\.\.' "$T/err" && fail "-v prints GLPK's scaling report: $(grep -m 2 -A 1 '^Scaling' "$T/err")"

[ "$fails" -eq 0 ] && echo "power_goal.sh: ok" >&2
[ "$fails" -eq 0 ]
