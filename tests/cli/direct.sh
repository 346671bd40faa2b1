#!/bin/sh
# The textbook MIP of make bench (bench/direct.mod, data by
# mclsched-direct-dat) states the contract's workshop cycle faithfully: on
# tests/data/tiny, which mclsched solves to proven optimality, glpsol finds
# the same optimum and the KPIs it prints agree with summary.csv.  Bad input
# exits 2 and writes no data file.  bench/leftout.sh (direct.mod's mode 1)
# proves tiny's one left-out learner cannot be placed, and on a copy with
# one more learner whose only goal can never meet (min_group 2, no other
# learner), two; it refuses a combination school.
set -u
. tests/support/cli.sh
DAT=$BUILD/mclsched-direct-dat
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

"$DAT" tests/data/tiny -o "$T/tiny.dat" || fail "mclsched-direct-dat tests/data/tiny"
glpsol -m bench/direct.mod -d "$T/tiny.dat" --tmlim 60 >"$T/log" 2>&1 || fail "glpsol: $(tail -3 "$T/log")"
grep -q "INTEGER OPTIMAL SOLUTION FOUND" "$T/log" || fail "glpsol did not prove an optimum"
direct=$(awk '/^\+/ && $3 == "mip" {o = $5} END {print o}' "$T/log")
"$BIN" solve tests/data/tiny -o "$T/out" -q 2>/dev/null || fail "mclsched solve tests/data/tiny"
[ "$(metric "$T/out" status)" = optimal ] || fail "mclsched: tiny not optimal"
awk -v d="$direct" -v m="$(metric "$T/out" objective)" 'BEGIN {exit !(d != "" && d - m < 1e-6 && m - d < 1e-6)}' ||
	fail "direct optimum '$direct', mclsched $(metric "$T/out" objective)"
[ "$(awk '/^direct: need_sessions/ {print $3}' "$T/log")" = "$(metric "$T/out" need_sessions_scheduled)" ] ||
	fail "need_sessions: $(grep 'direct: need' "$T/log"), mclsched $(metric "$T/out" need_sessions_scheduled)"
[ "$(awk '/^direct: left_out/ {print $3}' "$T/log")" = "$(metric "$T/out" learners_left_out)" ] ||
	fail "left_out: $(grep 'direct: left' "$T/log"), mclsched $(metric "$T/out" learners_left_out)"

leftout=$(sh bench/leftout.sh tests/data/tiny 30 "$BUILD" 2>&1)
[ "$leftout" = "placeable 3 floor $(metric "$T/out" learners_left_out) best 1 (Optimal solution found)" ] ||
	fail "leftout tiny: '$leftout', mclsched left out $(metric "$T/out" learners_left_out)"
cp -r tests/data/tiny "$T/alone"
printf 'S1,Cells,Science,,2,25,1\n' >>"$T/alone/goals.csv"
printf 'L5,Eve,14,\n' >>"$T/alone/learners.csv"
printf 'L5,S1,1,\n' >>"$T/alone/needs.csv"
printf 'F2,S1,able\n' >>"$T/alone/expertise.csv"
leftout=$(sh bench/leftout.sh "$T/alone" 30 "$BUILD" 2>&1)
[ "$leftout" = "placeable 4 floor 2 best 2 (Optimal solution found)" ] || fail "leftout alone: '$leftout'"
rc=0
sh bench/leftout.sh examples/small 30 "$BUILD" >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 2 ] && grep -q "only a workshop school" "$T/stderr" || fail "leftout combination: exit $rc"

rc=0
"$DAT" examples/bad -o "$T/bad.dat" >/dev/null 2>"$T/stderr" || rc=$?
[ "$rc" -eq 2 ] || fail "examples/bad: exit $rc, want 2"
grep -q '\.csv:[0-9]*:' "$T/stderr" || fail "examples/bad: no FILE:LINE error"
[ ! -e "$T/bad.dat" ] && [ ! -e "$T/bad.dat.tmp" ] || fail "examples/bad: data file written"
rc=0
"$DAT" tests/data/tiny >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "no -o: exit $rc, want 1"

[ "$fails" -eq 0 ] && echo "direct.sh: ok" >&2
[ "$fails" -eq 0 ]
