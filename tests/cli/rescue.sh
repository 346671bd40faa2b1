#!/bin/sh
# The rescue (models/workshop_rescue.c) when every session of the left-out
# learner's goal is full.  tests/data/rescue_chain: A, B and C take the one
# G1 session a block can run (R1, the only room with a board, 3 seats) on
# Monday; X needs G1 too (weight 10) and an online goal (weight 50 a lab),
# so a G1 session on Tuesday scores X what the lab did (10 + 40 daily
# against 50): seating X ties, and the search leaves X out.  On Tuesday
# the two rooms (R1 3 seats, R2 2) seat the 4 learners with one to spare,
# so R1's lab can become G1 only with one of A, B, C moving their G1 from
# Monday into it (Monday's session keeps 2, min_group) and the others
# going to R2: before the move kept such learners in place, it sent R1's
# learners away first and found no seats (the old build leaves X out).
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/cli.sh
S=tests/data/rescue_chain

for seed in 1 2; do
	"$BIN" solve "$S" -o "$T/out$seed" --seed "$seed" -q 2>"$T/err"
	rc=$?
	[ "$rc" -eq 0 ] || { fail "seed $seed: exit $rc, want 0: $(head -c 400 "$T/err")"; continue; }
	"$BIN" verify "$S" "$T/out$seed" >/dev/null 2>&1 || fail "seed $seed: verify rejects the schedule"
	grep -q "^objective,325.00$" "$T/out$seed/summary.csv" ||
		fail "seed $seed: $(grep '^objective' "$T/out$seed/summary.csv"), want 325.00 (the optimum)"
	grep -q "^learners_left_out,0$" "$T/out$seed/summary.csv" ||
		fail "seed $seed: $(grep '^learners_left_out' "$T/out$seed/summary.csv"), want 0"
	grep -q "^X,Tue1,S[0-9]*,G1$" "$T/out$seed/timetable.csv" ||
		fail "seed $seed: X not in a G1 session on Tue1: $(grep '^X,' "$T/out$seed/timetable.csv" | tr '\n' ' ')"
done
[ "$fails" -eq 0 ] && echo "rescue.sh: ok"
exit $((fails > 0))
