#!/bin/sh
# make bench: solves generated benchmark scenarios and rewrites bench/RESULTS.md.
#
# For each case: generate the scenario (deterministic from its seed), solve it
# BENCH_RUNS times (default 3) under the case's time limit, take the median
# wall time and peak memory, read objective/bound/gap from summary.csv, and
# run `mclsched verify` on the schedule.  Timings on a shared 2-core machine are
# noisy: compare medians from one run of this script, not single numbers.
set -eu
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_DIR:-bench/data}
OUT=bench/RESULTS.md
mkdir -p "$WORK"

# name learners model time_limit
CASES="workshop-300 300 workshop 60
workshop-1500 1500 workshop 60
power-goal-300 300 power-goal 60"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
metric() { awk -F, -v m="$2" '$1 == m {print $2}' "$1/summary.csv"; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), GLPK $(glpsol --version | head -1 | awk '{print $NF}')."
	echo "Each case: \`mclsched-gen --learners N --seed 1 --model M\`, then"
	echo "\`mclsched solve DIR --time-limit T\` $RUNS times; median wall time and peak memory;"
	echo "objective, bound and gap of the median-time run, as summary.csv reports them;"
	echo "verify: \`mclsched verify\` on that schedule (0 = every hard rule holds)."
	echo "Peak memory is GNU time's maximum resident size, which covers the bound process too."
	echo
	echo "| case | learners | limit s | status | objective | bound | gap % | wall s (median) | peak MiB (median) | verify |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$tmp"

echo "$CASES" | while read -r name n model limit; do
	dir=$WORK/$name
	if [ ! -f "$dir/scenario.conf" ]; then
		rm -rf "$dir"
		"$GEN" --learners "$n" --seed 1 --model "$model" -o "$dir" >/dev/null
	fi
	: > "$WORK/$name.runs"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		/usr/bin/time -f "%e %M" -o "$WORK/$name.time" \
			"$BIN" solve "$dir" -o "$WORK/$name.out$i" --time-limit "$limit" -q || true
		echo "$(cat "$WORK/$name.time") $i" >> "$WORK/$name.runs"
		i=$((i + 1))
	done
	wall=$(awk '{print $1}' "$WORK/$name.runs" | median)
	mem=$(awk '{printf "%.0f\n", $2 / 1024}' "$WORK/$name.runs" | median)
	pick=$(sort -n "$WORK/$name.runs" | awk -v r="$RUNS" 'NR == int((r + 1) / 2) {print $3}')
	res=$WORK/$name.out$pick
	if [ -f "$res/summary.csv" ]; then
		"$BIN" verify "$dir" "$res" >/dev/null 2>&1 && ver=0 || ver=$?
		printf '| %s | %s | %s | %s | %s | %s | %.3f | %s | %s | %s |\n' "$name" "$n" "$limit" \
			"$(metric "$res" status)" "$(metric "$res" objective)" "$(metric "$res" bound)" \
			"$(awk -v g="$(metric "$res" gap)" 'BEGIN {print 100 * g}')" "$wall" "$mem" "$ver" >> "$tmp"
	else
		printf '| %s | %s | %s | no schedule | | | | %s | %s | |\n' "$name" "$n" "$limit" "$wall" "$mem" >> "$tmp"
	fi
	echo "bench: $name done" >&2
done
# `mclsched check` of the 1500-learner school, timed: validation alone
: > "$WORK/check.runs"
i=1
while [ "$i" -le "$RUNS" ]; do
	/usr/bin/time -f "%e" -o "$WORK/check.time" "$BIN" check "$WORK/workshop-1500" >/dev/null
	cat "$WORK/check.time" >> "$WORK/check.runs"
	i=$((i + 1))
done
printf '\n`mclsched check` of workshop-1500: %s s wall (median of %s).\n' \
	"$(median < "$WORK/check.runs")" "$RUNS" >> "$tmp"

mv "$tmp" "$OUT"
trap - EXIT
cat "$OUT"
