#!/bin/sh
# Scores and mastery compared as a person reads them (issue 24 item 4): for
# every one-decimal mastery the issue lists, a school with mastery M has the
# same ready needs and eligible choices as with M - 0.0001 (the scores are
# one-decimal), with needs from the file and derived; and `mclsched verify`,
# which reads mastery on its own, accepts under M the schedule solved under
# M - 0.0001 (it rejected it when it shared the solver's float comparison),
# and still rejects a schedule solved under a lower mastery.
set -u
. tests/support/cli.sh

"$GEN" --learners 60 --seed 3 --days 1 --model combination -o "$T/base" 2>/dev/null ||
	fail "gen"
# school NAME MASTERY [derive]: a copy of base with that mastery
school() {
	rm -rf "$T/$1"
	cp -r "$T/base" "$T/$1"
	sed -i "s/^mastery = .*/mastery = $2/" "$T/$1/scenario.conf"
	[ "${3:-}" != derive ] || sed -i "s/^needs = .*/needs = derive/" "$T/$1/scenario.conf"
}
census() { "$BIN" check "$T/$1" 2>/dev/null | grep -E '^(needs|choices) '; }
for m in 0.7 0.9 1.3 1.4 1.8 1.9 2.1 2.3 2.6 2.8 3.1 3.3 3.6 3.8; do
	below=$(echo "$m" | awk '{printf "%.4f", $1 - 0.0001}')
	for how in file derive; do
		school at "$m" "$how"
		school below "$below" "$how"
		a=$(census at)
		b=$(census below)
		[ -n "$a" ] && [ "$a" = "$b" ] ||
			fail "mastery $m, needs $how: '$a', but at $below '$b'"
	done
done

school at 3.6
school below 3.5999
"$BIN" solve "$T/below" -o "$T/out" --time-limit 3 -q 2>/dev/null || fail "solve at 3.5999"
"$BIN" verify "$T/at" "$T/out" >"$T/v" 2>&1 || fail "verify under 3.6 rejects: $(head -3 "$T/v")"
school low 3.0
"$BIN" solve "$T/low" -o "$T/out3" --time-limit 3 -q 2>/dev/null || fail "solve at 3.0"
"$BIN" verify "$T/at" "$T/out3" >"$T/v" 2>&1
rc=$?
[ "$rc" -eq 5 ] || fail "verify under 3.6 of a schedule for 3.0: exit $rc, want 5"
grep -q "without a ready need" "$T/v" || fail "verify under 3.6: no 'without a ready need'"

# text that is not exactly a score: FILE:LINE, exit 2
school bad 3.6
printf 'learner_id,goal_id,score\nL0001,MA-01,3.65432\n' >"$T/bad/progress.csv"
"$BIN" check "$T/bad" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q "progress.csv:2: bad score '3.65432': more than 4 decimals" "$T/err" ||
	fail "score 3.65432: $(head -2 "$T/err")"
school bad 3.60001
"$BIN" check "$T/bad" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q "scenario.conf:[0-9]*: 'mastery' has more than 4 decimals" "$T/err" ||
	fail "mastery 3.60001: $(head -2 "$T/err")"

[ "$fails" -eq 0 ] || exit 1
echo "mastery.sh: all passed"
