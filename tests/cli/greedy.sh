#!/bin/sh
# mclsched-greedy (bench/greedy.c), the hand-scheduling alternative of make
# bench: its schedules pass `mclsched verify` on the example school, the tiny
# scenario and a generated combination school; its objective never beats a
# proven optimum and never exceeds its own bound; a school whose labs cannot
# seat everyone gets no schedule (exit 3, diagnosis.txt); usage and input
# errors exit 1 and 2 and write nothing; a power-goal school gets that
# model's own greedy, which mclsched solve never falls below.
set -u
. tests/support/cli.sh
GREEDY=$BUILD/mclsched-greedy
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

# 1. schedules that verify, with an honest summary
"$GEN" --learners 120 --seed 2 --model combination -o "$T/c120" 2>/dev/null ||
	fail "mclsched-gen --learners 120"
for s in examples/small tests/data/tiny "$T/c120"; do
	out=$T/out-$(basename "$s")
	rc=0
	"$GREEDY" "$s" -o "$out" >"$T/stdout" 2>"$T/stderr" || rc=$?
	[ "$rc" -eq 0 ] || { fail "$s: exit $rc: $(head -c 300 "$T/stderr")"; continue; }
	[ ! -s "$T/stdout" ] || fail "$s: output on stdout"
	"$BIN" verify "$s" "$out" >"$T/verify" 2>&1 ||
		fail "$s: verify: $(head -c 600 "$T/verify")"
	[ "$(metric "$out" mclsched_version)" = bench-greedy ] ||
		fail "$s: mclsched_version is not bench-greedy"
	[ "$(metric "$out" stopped_by)" = search_done ] || fail "$s: stopped_by"
	awk -v o="$(metric "$out" objective)" -v b="$(metric "$out" bound)" \
		'BEGIN {exit !(o > 0 && b >= o)}' || fail "$s: objective/bound $(metric "$out" objective)/$(metric "$out" bound)"
done

# 2. never better than the proven optimum: tests/data/tiny is solved exactly
"$BIN" solve tests/data/tiny -o "$T/tiny-opt" -q 2>/dev/null || fail "solve tests/data/tiny"
[ "$(metric "$T/tiny-opt" status)" = optimal ] || fail "tiny: mclsched not optimal"
awk -v g="$(metric "$T/out-tiny" objective)" -v o="$(metric "$T/tiny-opt" objective)" \
	'BEGIN {exit !(g <= o + 1e-6)}' || fail "tiny: greedy $(metric "$T/out-tiny" objective) beats the optimum"

# 3. labs that cannot seat everyone: no schedule, exit 3, a diagnosis
cp -r tests/data/tiny "$T/cramped"
printf 'room_id,capacity,features\nR1,2,\nR2,1,science-lab\n' > "$T/cramped/rooms.csv"
rc=0
"$GREEDY" "$T/cramped" -o "$T/out-cramped" >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 3 ] || fail "cramped: exit $rc, want 3"
[ -s "$T/out-cramped/diagnosis.txt" ] || fail "cramped: no diagnosis.txt"
[ ! -e "$T/out-cramped/sessions.csv" ] || fail "cramped: sessions.csv written"
grep -q "Mon1" "$T/stderr" || fail "cramped: the diagnosis names no block: $(cat "$T/stderr")"

# 4. usage and input errors
rc=0
"$GREEDY" tests/data/tiny >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 1 ] || fail "no -o: exit $rc, want 1"
grep -q usage "$T/stderr" || fail "no -o: no usage on stderr"
rc=0
"$GREEDY" --help >"$T/stdout" 2>/dev/null || rc=$?
[ "$rc" -eq 0 ] && grep -q usage "$T/stdout" || fail "--help"
rc=0
"$GREEDY" examples/bad -o "$T/out-bad" >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 2 ] || fail "examples/bad: exit $rc, want 2"
grep -q '\.csv:[0-9]*:' "$T/stderr" || fail "examples/bad: no FILE:LINE error"
[ ! -e "$T/out-bad" ] || fail "examples/bad: output written"

# 5. a power-goal school gets that model's own greedy: a schedule verify
# accepts, and mclsched solve never below it
"$GEN" --learners 80 --seed 3 --model power-goal -o "$T/pg" 2>/dev/null ||
	fail "mclsched-gen --model power-goal"
rc=0
"$GREEDY" "$T/pg" -o "$T/out-pg" >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 0 ] || fail "power-goal: exit $rc: $(head -c 300 "$T/stderr")"
"$BIN" verify "$T/pg" "$T/out-pg" >"$T/verify" 2>&1 ||
	fail "power-goal: verify: $(head -c 600 "$T/verify")"
"$BIN" solve "$T/pg" -o "$T/pg-opt" --time-limit 2 -q 2>/dev/null || fail "solve power-goal"
awk -v g="$(metric "$T/out-pg" objective)" -v o="$(metric "$T/pg-opt" objective)" \
	'BEGIN {exit !(g <= o + 1e-6)}' || fail "power-goal: greedy $(metric "$T/out-pg" objective) above mclsched's $(metric "$T/pg-opt" objective)"

[ "$fails" -eq 0 ] && echo "greedy.sh: ok" >&2
[ "$fails" -eq 0 ]
