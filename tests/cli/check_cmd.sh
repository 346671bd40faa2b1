#!/bin/sh
# `mclsched check`: the census on a valid scenario, every planted error of
# examples/bad, warnings that do not fail.  (How long `check` takes on a
# 1500-learner school is measured by `make bench`, bench/run.sh.)
set -u
. tests/support/cli.sh

"$BIN" check tests/data/tiny >"$T/out" 2>"$T/err" || fail "tiny: exit $?"
grep -q "^learners *4$" "$T/out" || fail "tiny: census lacks 'learners 4': $(cat "$T/out")"
grep -q "^needs *6 (5 ready, 1 not ready)$" "$T/out" || fail "tiny: census needs line: $(cat "$T/out")"

"$BIN" check examples/small >"$T/out" 2>"$T/err" || fail "examples/small: exit $?"
grep -q "^learners *60$" "$T/out" || fail "examples/small: census"

"$BIN" check examples/bad >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "examples/bad: exit not 2"
[ ! -s "$T/out" ] || fail "examples/bad: printed on stdout"
for want in "scenario.conf:3: 'gap'" "learners.csv:5: duplicate learner_id 'L2'" \
	"rooms.csv:2: bad capacity '0'" "prerequisite cycle" "needs.csv:4: unknown goal 'M9'" \
	"expertise.csv:3: bad level 'expert'" "8 errors"; do
	grep -qF "$want" "$T/err" || fail "examples/bad: stderr lacks '$want'"
done

# warnings do not fail a check
cp -r tests/data/tiny "$T/warn"
echo "L5,Eve,12," >>"$T/warn/learners.csv"
"$BIN" check "$T/warn" >"$T/out" 2>"$T/err" || fail "warning case: exit $?"
grep -q "warning: needs.csv: 1 learner has no ready need ('L5')" "$T/err" ||
	fail "warning case: $(cat "$T/err")"

# a learner with a ready need away in every block the model schedules (tiny's
# workshop blocks Mon1 and Mon2; Mon4 is a seminar block): named, and
# learners_left_out counts them as the contract defines it
cp -r tests/data/tiny "$T/away"
sed -i 's/^L3,Cy,15,\r$/L3,Cy,15,Mon1;Mon2\r/' "$T/away/learners.csv"
"$BIN" check "$T/away" >"$T/out" 2>"$T/err" || fail "away case: exit $?"
grep -q "warning: learners.csv: 1 learner has a ready need or a choice but is away in every block the model schedules ('L3')" "$T/err" ||
	fail "away case: $(cat "$T/err")"
"$BIN" check tests/data/tiny 2>&1 | grep -q "away in every block" && fail "tiny: away warning"
"$BIN" solve "$T/away" -o "$T/away.out" -q 2>/dev/null || fail "away case: solve exit $?"
awk -F, '$1 == "learners_left_out" {exit !($2 >= 1)}' "$T/away.out/summary.csv" ||
	fail "away case: L3 not counted in learners_left_out"

[ "$fails" -eq 0 ] || exit 1
echo "check_cmd.sh: all passed"
