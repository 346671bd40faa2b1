#!/bin/sh
# CLI tests of `mclsched solve` and `verify` end to end: exit codes, every
# output file, verify on what solve wrote, byte-identical reruns, atomic
# replacement, infeasibility with a diagnosis, --write-lp read by cbc.
set -u
. tests/support/cli.sh

# 1. The bundled example: solve, every file, verify.
expect_exit 0 "$BIN" solve examples/small -o "$T/out1" -q
for f in sessions.csv timetable.csv unmet.csv summary.csv; do
	[ -s "$T/out1/$f" ] || fail "examples/small: $f missing or empty"
done
[ ! -e "$T/out1/diagnosis.txt" ] || fail "diagnosis.txt written for a feasible cycle"
[ ! -s "$T/stdout" ] || fail "solve printed on stdout: $(head -c 200 "$T/stdout")"
expect_exit 0 "$BIN" verify examples/small "$T/out1"
status=$(awk -F, '$1 == "status" {print $2}' "$T/out1/summary.csv")
[ "$status" = optimal ] || [ "$status" = feasible ] || fail "summary status '$status'"

# 2. The same input and seed again: byte-identical schedule files, and the
#    existing directory replaced whole (no temporary left beside it).
expect_exit 0 "$BIN" solve examples/small -o "$T/out2" -q
for f in sessions.csv timetable.csv unmet.csv; do
	cmp -s "$T/out1/$f" "$T/out2/$f" || fail "rerun: $f differs"
done
echo stale > "$T/out2/stale.txt"
expect_exit 0 "$BIN" solve examples/small -o "$T/out2" --time-limit 5 -q
[ ! -e "$T/out2/stale.txt" ] || fail "existing OUT_DIR not replaced whole"
leftover=$(find "$T" -maxdepth 1 -name 'out2.*' | head -1)
[ -z "$leftover" ] || fail "temporary directory left behind: $leftover"

# 3. A generated 300-learner workshop cycle verifies.
"$GEN" --learners 300 --seed 3 --model workshop -o "$T/g300" >/dev/null 2>&1 ||
	fail "mclsched-gen --learners 300 failed"
expect_exit 0 "$BIN" solve "$T/g300" -o "$T/g300.out" --time-limit 30 -q
expect_exit 0 "$BIN" verify "$T/g300" "$T/g300.out"

# 3b. A large school over few blocks (1000 learners, 2 days: 6 workshop
#     blocks) ends within its time limit and verifies.  Re-seating picked
#     two disjoint sets of 4 blocks there and looped for ever looking for
#     the eighth; under timeout so that a hang fails instead of stalling.
"$GEN" --learners 1000 --seed 1 --days 2 --model workshop -o "$T/g1000" >/dev/null 2>&1 ||
	fail "mclsched-gen --learners 1000 --days 2 failed"
expect_exit 0 timeout -s KILL 60 "$BIN" solve "$T/g1000" -o "$T/g1000.out" --time-limit 10 -q
expect_exit 0 "$BIN" verify "$T/g1000" "$T/g1000.out"

# 4. The power-goal model on a generated cycle verifies.
"$GEN" --learners 120 --seed 5 --model power-goal -o "$T/pg" >/dev/null 2>&1 ||
	fail "mclsched-gen --model power-goal failed"
expect_exit 0 "$BIN" solve "$T/pg" -o "$T/pg.out" --time-limit 20 -q
expect_exit 0 "$BIN" verify "$T/pg" "$T/pg.out"

# 5. No schedule: too few seats in a block.  Exit 3, the block named on
#    stderr and in diagnosis.txt.
cp -r examples/small "$T/tight"
awk -F, 'NR == 1 {print; next} {n++; if (n <= 1) print}' examples/small/rooms.csv >"$T/tight/rooms.csv"
expect_exit 3 "$BIN" solve "$T/tight" -o "$T/tight.out" -q
grep -q "short by" "$T/stderr" || fail "infeasible: stderr does not say what is short"
grep -q "block '" "$T/tight.out/diagnosis.txt" 2>/dev/null || fail "infeasible: diagnosis.txt missing or without the block"

# 6. --write-lp writes the exact model; cbc reads it and agrees with us,
#    whatever our status: ours <= cbc's optimum <= our bound; when cbc stops
#    on its time limit, ours <= cbc's bound and cbc's best <= our bound.
#    Once for the bundled (workshop) example, once for a one-day
#    combination school (workshops, seminar sections and labs).
. tests/support/cbc_check.sh
cbc_agrees() { # SCENARIO NAME
	expect_exit 0 "$BIN" solve "$1" -o "$T/$2.out" --write-lp "$T/$2.lp" --time-limit 10 -q
	[ -s "$T/$2.lp" ] || fail "--write-lp wrote nothing for $2"
	cbc_check "$2" "$T/$2.out" "$T/$2.lp"
}
cbc_agrees examples/small small
"$GEN" --learners 50 --seed 3 --days 1 --model combination -o "$T/comb1" >/dev/null 2>&1 ||
	fail "mclsched-gen --model combination --days 1 failed"
cbc_agrees "$T/comb1" comb1
expect_exit 0 "$BIN" verify "$T/comb1" "$T/comb1.out"

# 6b. The power-goal model's exact MIP (labs per block, any free
#     facilitator): small schools, one with three facilitators limited to 5
#     sessions and labs of at most 20, where the labs need the limited
#     facilitators block by block; and one where no schedule exists (labs of
#     15): mclsched exits 3 and cbc finds the exact model infeasible.
"$GEN" --learners 50 --seed 3 --days 1 --model power-goal -o "$T/pg1" >/dev/null 2>&1 ||
	fail "mclsched-gen --model power-goal --days 1 failed"
cbc_agrees "$T/pg1" pg1
expect_exit 0 "$BIN" verify "$T/pg1" "$T/pg1.out"
"$GEN" --learners 60 --seed 4 --days 2 --model power-goal -o "$T/pg2" >/dev/null 2>&1 ||
	fail "mclsched-gen --model power-goal --days 2 failed"
cbc_agrees "$T/pg2" pg2
expect_exit 0 "$BIN" verify "$T/pg2" "$T/pg2.out"
cp -r "$T/pg2" "$T/pgpt"
awk -F, 'BEGIN {OFS = ","} NR > 1 && NR <= 4 {$3 = 5} {print}' "$T/pg2/facilitators.csv" >"$T/pgpt/facilitators.csv"
sed 's/max_group = 40/max_group = 20/' "$T/pg2/scenario.conf" >"$T/pgpt/scenario.conf"
cbc_agrees "$T/pgpt" pgpt
expect_exit 0 "$BIN" verify "$T/pgpt" "$T/pgpt.out"
sed -i 's/max_group = 20/max_group = 15/' "$T/pgpt/scenario.conf"
expect_exit 3 "$BIN" solve "$T/pgpt" -o "$T/pgnone.out" --write-lp "$T/pgnone.lp" -q
timeout 300 cbc "$T/pgnone.lp" -sec 100 -timeMode elapsed -solve 2>&1 | grep -q "infeasible" ||
	fail "pgnone: cbc does not find the exact power-goal model infeasible"

# 7. Ctrl-C: the best schedule so far is written whole, and verifies.
"$GEN" --learners 1500 --seed 2 -o "$T/big" >/dev/null 2>&1 || fail "gen 1500"
"$BIN" solve "$T/big" -o "$T/big.out" --time-limit 120 -q 2>"$T/int.err" &
pid=$!
sleep 6
kill -INT $pid
wait $pid
rc=$?
[ "$rc" -eq 0 ] || fail "Ctrl-C: exit $rc, want 0 ($(tail -3 "$T/int.err"))"
status=$(awk -F, '$1 == "status" {print $2}' "$T/big.out/summary.csv" 2>/dev/null)
[ "$status" = feasible ] || fail "Ctrl-C: status '$status', want feasible"
expect_exit 0 "$BIN" verify "$T/big" "$T/big.out"

# 7b. Weights of any shape (issue 24): the bound holds for choice weights
#     that increase with the rank, and for priority weights that increase
#     (the one learner's priority-1 need has no facilitator; its
#     priority-5 need scores 100, cbc's optimum).  Both exited 4 before.
cp -r examples/small "$T/choice_up"
sed 's/^solver {/weights { choice = {0, 0, 1000} }\nsolver {/' examples/small/scenario.conf \
	>"$T/choice_up/scenario.conf"
grep -q "choice = {0, 0, 1000}" "$T/choice_up/scenario.conf" || fail "choice_up: conf not edited"
expect_exit 0 "$BIN" solve "$T/choice_up" -o "$T/choice_up.out" --time-limit 10
! grep -q "optimal" "$T/stderr" || fail "choice_up: stderr says optimal: $(grep optimal "$T/stderr")"
expect_exit 0 "$BIN" verify "$T/choice_up" "$T/choice_up.out"
cbc_agrees tests/data/weights_up weights_up
ours=$(awk -F, '$1 == "objective" {print $2}' "$T/weights_up.out/summary.csv")
[ "$ours" = 100.00 ] || fail "weights_up: objective '$ours', want 100.00"
expect_exit 0 "$BIN" verify tests/data/weights_up "$T/weights_up.out"

# 8. Usage and input errors write nothing.
expect_exit 2 "$BIN" solve "$T/does-not-exist" -o "$T/none"
[ ! -e "$T/none" ] || fail "bad input wrote an output directory"
expect_exit 1 "$BIN" solve examples/small --time-limit 0

[ "$fails" -eq 0 ] || exit 1
echo "solve.sh: all passed"
