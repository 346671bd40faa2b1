#!/bin/sh
# `mclsched replan` ends within its time limit on the generator's
# 1500-learner combination school, F002 absent on Thursday and Friday,
# from a 30 s solve's schedule (tests/data/replan_hang_prev) with which the
# kept run's model construction never ended: GLPK's simplex in
# period_realise_fixed (the LP with a period MIP's session counts fixed)
# ran on for minutes at any --time-limit (bench/TUNING.md, wt11-keep).
set -u
. tests/support/cli.sh

"$BUILD/mclsched-gen" --learners 1500 --seed 1 --model combination -o "$T/s" >/dev/null 2>&1 ||
	fail "mclsched-gen"
cp -r "$T/s" "$T/sick"
awk -F, -v OFS=, '$1 == "F002" { $4 = "Thu1;Thu2;Thu3;Thu4;Thu5;Fri1;Fri2;Fri3;Fri4;Fri5" } 1' \
	"$T/s/facilitators.csv" >"$T/sick/facilitators.csv"
mkdir "$T/prev"
for f in sessions timetable; do
	gzip -dc "tests/data/replan_hang_prev/$f.csv.gz" >"$T/prev/$f.csv"
done
# 5 s of solving; 60 s before it counts as a hang (a loaded machine), then
# SIGKILL 5 s later (SIGTERM only asks the search to stop, which a solver
# stuck in GLPK never sees)
timeout -k 5 60 "$BIN" replan "$T/sick" "$T/prev" -o "$T/re" --after Tue5 -q --time-limit 5
rc=$?
case $rc in
0) "$BIN" verify "$T/sick" "$T/re" >/dev/null 2>&1 || fail "not verified" ;;
124 | 137) fail "replan did not end within 60 s (--time-limit 5)" ;;
*) fail "replan exit $rc" ;;
esac
[ "$fails" -eq 0 ] && echo "replan_hang.sh: all passed"
exit "$fails"
