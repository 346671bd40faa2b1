#!/bin/sh
# One-block schools (a flex period, a one-hour school) do not depend on
# timing: the search is construction and one branch-and-bound re-plan ended
# by its node budget or the gap (models/workshop.c, one_block), so two runs
# with the same limit, and a run with twice the limit, write byte-identical
# timetables, and the run ends before the limit.  The verbose log calls the
# construction's LP value what it is, never "optimal, 0 nodes".  When
# construction's period LP bound meets the gap, no re-plan follows.
set -u
. tests/support/cli.sh
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

# a generated one-day school cut to its first block
s=$T/one
"$GEN" --learners 250 --seed 4 --days 1 --needs 5-9 --model workshop -o "$s" 2>/dev/null ||
	fail "mclsched-gen"
head -2 "$s/blocks.csv" >"$T/b" && mv "$T/b" "$s/blocks.csv"
for f in learners facilitators rooms; do
	sed -i -E 's/;?Mon[2-5]//g; s/,;/,/g' "$s/$f.csv"
done
[ "$(wc -l <"$s/blocks.csv")" -eq 2 ] || fail "the school has more than one block"
"$BIN" check "$s" >/dev/null 2>"$T/err" || fail "check: $(head -c 300 "$T/err")"

for run in a:20 b:20 c:40; do
	name=${run%%:*}
	"$BIN" solve "$s" -o "$T/out-$name" --time-limit "${run#*:}" -v 2>"$T/log-$name" ||
		fail "solve $run: $(tail -c 300 "$T/log-$name")"
	"$BIN" verify "$s" "$T/out-$name" >"$T/v" 2>&1 || fail "verify $run: $(head -c 300 "$T/v")"
	[ "$(metric "$T/out-$name" stopped_by)" != time_limit ] ||
		fail "$run: stopped by the time limit; the test needs a search that ends by itself"
done
cmp -s "$T/out-a/timetable.csv" "$T/out-b/timetable.csv" ||
	fail "two runs with the same limit wrote different timetables"
cmp -s "$T/out-a/timetable.csv" "$T/out-c/timetable.csv" ||
	fail "a run with twice the limit wrote a different timetable"
grep -q "LP only, no branching" "$T/log-a" || fail "no construction LP in the verbose log"
! grep -q "optimal, 0 nodes" "$T/log-a" || fail "the verbose log calls an LP value optimal"

# construction's own period LP bound meeting the gap (10% here) ends the
# search there: no branch-and-bound re-plan after it, whatever time is left
"$BIN" solve "$s" -o "$T/out-gap" --time-limit 20 --gap 0.1 -v 2>"$T/log-gap" ||
	fail "solve --gap 0.1: $(tail -c 300 "$T/log-gap")"
[ "$(metric "$T/out-gap" stopped_by)" = gap ] ||
	fail "--gap 0.1: stopped by $(metric "$T/out-gap" stopped_by), want gap"
[ "$(grep -c 'period MIP:' "$T/log-gap")" -eq 1 ] ||
	fail "--gap 0.1: a re-plan after construction met the gap: $(grep 'period MIP:' "$T/log-gap" | tail -1)"

[ "$fails" -eq 0 ] && echo "one_block.sh: ok" >&2
[ "$fails" -eq 0 ]
