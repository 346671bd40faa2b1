#!/bin/sh
# Never below the hand schedule: on a set of generated schools of varied
# shape (staff ratio, needs, one-area blocks, computer labs, days, seminar
# popularity; workshop, combination and power-goal; the zoo's random shapes when the
# generator has --style), at short time limits where the search's own first
# schedule is weakest, mclsched writes a schedule whenever mclsched-greedy
# does, its objective is at least mclsched-greedy's (models/greedy_start.c,
# the search's other starting point), and both schedules pass
# `mclsched verify`; and the schedule written is never below the best the
# search reported on the way (a hand schedule never replaces a better one).
set -u
. tests/support/cli.sh
GREEDY=$BUILD/mclsched-greedy
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

# the zoo's shapes too (mclsched-gen --style random), when the generator has
# them: seed 2 is a combination school whose seminar model finds no plan in
# 3 s while the hand rules seat everyone
ZOO=""
if "$GEN" --help 2>/dev/null | grep -q -- '--style'; then
	for z in 1 2 3 5 6 7 8; do
		m=workshop
		[ $((z % 2)) -eq 0 ] && m=combination
		ZOO="$ZOO
$z 3 --learners 120 --model $m --style random"
	done
	# power-goal: mclsched-greedy writes that model's own greedy
	for z in 1 2 3 4; do
		ZOO="$ZOO
$z 2 --learners 90 --model power-goal --style random"
	done
fi

n=0
compared=0
while read -r seed limit args; do
	[ -n "$seed" ] || continue
	n=$((n + 1))
	s=$T/s$n
	# shellcheck disable=SC2086
	"$GEN" --seed "$seed" $args -o "$s" 2>/dev/null || { fail "mclsched-gen $args"; continue; }
	rc=0
	"$GREEDY" "$s" -o "$s.greedy" 2>/dev/null || rc=$?
	# exit 3: the hand rules seat no lab for someone; nothing to compare
	[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { fail "$args: mclsched-greedy exit $rc"; continue; }
	# without a hand schedule, mclsched may find none either (pass 1 can
	# get stuck on schools whose labs are short); with one, it must not
	if ! "$BIN" solve "$s" -o "$s.out" --time-limit "$limit" --seed "$seed" 2>"$T/err"; then
		[ "$rc" -eq 3 ] || fail "$args: no schedule where the hand rules have one: $(head -c 300 "$T/err")"
		continue
	fi
	"$BIN" verify "$s" "$s.out" >"$T/v" 2>&1 || fail "$args: mclsched does not verify: $(head -c 300 "$T/v")"
	[ "$rc" -eq 0 ] || continue
	compared=$((compared + 1))
	"$BIN" verify "$s" "$s.greedy" >"$T/v" 2>&1 || fail "$args: greedy does not verify: $(head -c 300 "$T/v")"
	# the schedule written is at least the best the search reported
	# (a hand schedule must never replace a better one)
	b=$(grep -o 'best [0-9.]*' "$T/err" | awk '{if ($2 > m) m = $2} END {print m + 0}')
	o=$(metric "$s.out" objective)
	awk -v b="$b" -v o="$o" 'BEGIN {exit !(o >= b - 1e-6)}' ||
		fail "$args (seed $seed): wrote $o, below the best reported, $b"
	g=$(metric "$s.greedy" objective)
	awk -v g="$g" -v o="$o" 'BEGIN {exit !(o >= g - 1e-6)}' ||
		fail "$args (seed $seed, ${limit} s): mclsched $o below the hand schedule $g"
done <<SCHOOLS
1 2 --learners 120 --model workshop --learners-per-facilitator 40
2 2 --learners 150 --model workshop --needs 1-2 --learners-per-facilitator 12
3 2 --learners 120 --model workshop --one-area-block Math --days 3
4 2 --learners 120 --model workshop --lab-feature computers --needs 5-9
5 3 --learners 160 --model combination --popularity-skew 2.5 --learners-per-facilitator 30
6 3 --learners 120 --model combination --seminars-per-learner 2 --learners-per-facilitator 35
7 2 --learners 200 --model workshop --days 1 --needs 2-4
8 3 --learners 100 --model combination --one-area-block ELA --needs 1-3
9 2 --learners 150 --model power-goal
10 2 --learners 120 --model power-goal --learners-per-facilitator 40 --days 1
$ZOO
SCHOOLS

[ "$compared" -ge 6 ] || fail "only $compared of $n schools have a hand schedule to compare"
[ "$fails" -eq 0 ] && echo "hand_start.sh: ok ($compared of $n schools compared)" >&2
[ "$fails" -eq 0 ]
