#!/bin/sh
# history.csv, seminars.csv `required` and weights.required (contract v3) on
# tests/data/history: one seminar block, one facilitator, so one seminar
# runs.  Every learner ranks SB (Film) 1st and SA (Civics, required) 2nd.
# By hand, daily = 40 for each of the 3 learners placed in either case:
#   no history: SA scores 3 x (30 + 30) = 180 > SB's 3 x 50 = 150: 300
#   L1, L2 took SA: SA is ineligible for them (unmet reason `ineligible`),
#   SA's 60 < SB's 150: 270
#   weights.required = 0: SB: 270
# verify recounts the objective through problem_choice_weight: exit 0.
set -u
. tests/support/cli.sh

objective() { sed -n 's/^objective,//p' "$1/summary.csv"; }

"$BIN" solve tests/data/history -o "$T/o1" -q || fail "no history: exit $?"
[ "$(objective "$T/o1")" = "300.00" ] || fail "no history: objective $(objective "$T/o1"), want 300.00"
grep -q "^L1,choice,SB,1,1,0,limit$" "$T/o1/unmet.csv" || fail "no history: SB not unmet"
"$BIN" verify tests/data/history "$T/o1" >/dev/null 2>&1 || fail "no history: verify exit $?"

mkdir "$T/s2" && cp tests/data/history/* "$T/s2/"
printf 'learner_id,seminar_id,cycle\nL1,SA,2025-fall\nL2,SA,2025-fall\nL2,SA,2026-spring\n' \
	>"$T/s2/history.csv"
"$BIN" solve "$T/s2" -o "$T/o2" -q || fail "history: exit $?"
[ "$(objective "$T/o2")" = "270.00" ] || fail "history: objective $(objective "$T/o2"), want 270.00"
for l in L1 L2; do
	grep -q "^$l,choice,SA,2,1,0,ineligible$" "$T/o2/unmet.csv" ||
		fail "history: $l's SA not ineligible: $(cat "$T/o2/unmet.csv")"
done
grep -q "^L3,choice,SA,2,1,0,limit$" "$T/o2/unmet.csv" || fail "history: L3's SA not 'limit'"
"$BIN" verify "$T/s2" "$T/o2" >/dev/null 2>&1 || fail "history: verify exit $?"

# a schedule made before L1 took SA breaks the rules once history says so
mkdir "$T/s4" && cp tests/data/history/* "$T/s4/"
printf 'learner_id,seminar_id\nL1,SA\n' >"$T/s4/history.csv"
"$BIN" verify "$T/s4" "$T/o1" >"$T/out" 2>/dev/null
[ $? -eq 5 ] || fail "verify with history: exit not 5"
grep -q "L1" "$T/out" || fail "verify with history: $(cat "$T/out")"

mkdir "$T/s3" && cp tests/data/history/* "$T/s3/"
sed 's/^solver/weights { required = 0 }\nsolver/' tests/data/history/scenario.conf >"$T/s3/scenario.conf"
"$BIN" solve "$T/s3" -o "$T/o3" -q || fail "required = 0: exit $?"
[ "$(objective "$T/o3")" = "270.00" ] || fail "required = 0: objective $(objective "$T/o3")"

# check: unknown ids and a bad `required` at their lines, exit 2
printf 'learner_id,seminar_id\nL1,SA\nL9,SA\nL2,SZ\n,SA\n' >"$T/s2/history.csv"
sed -i 's/^SB,Film,1,30,no$/SB,Film,1,30,maybe/' "$T/s2/seminars.csv"
"$BIN" check "$T/s2" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "bad history: exit not 2"
for want in "history.csv:3: unknown learner 'L9'" "history.csv:4: unknown seminar 'SZ'" \
	"history.csv:5: empty 'learner_id'" "seminars.csv:3: bad required 'maybe'"; do
	grep -qF "$want" "$T/err" || fail "bad history: stderr lacks '$want': $(cat "$T/err")"
done

[ "$fails" -eq 0 ] || exit 1
echo "history.sh: all passed"
