#!/bin/sh
# make bench: solves generated benchmark scenarios and rewrites bench/RESULTS.md.
#
# For each case: generate the scenario (deterministic from its seed and its
# generator arguments), solve it BENCH_RUNS times (default 3) under the case's
# time limit, take the median wall time and peak memory, read the objective,
# bound, gap and KPIs from summary.csv, and run `mclsched verify` on the
# schedule.  Then time `mclsched check` on the 1500-learner school.  Timings
# on a shared 2-core machine are noisy: compare medians from one run of this
# script, not single numbers.
#
#   BENCH_CASES="name1 name2"  run only these cases (default: all)
#   BENCH_RUNS=N               solves a case (default 3), and `check` runs
#   BENCH_LIMIT_SCALE=X        multiply every time limit by X (default 1), to
#                              try the script quickly; RESULTS.md says so
#   BENCH_DIR=DIR              where scenarios and schedules go (bench/data)
#   BENCH_OUT=FILE             the table (default bench/RESULTS.md; with
#                              BENCH_CASES or BENCH_LIMIT_SCALE set,
#                              BENCH_DIR/RESULTS-partial.md, so that a
#                              partial run never replaces the full table)
#
# A case that writes no schedule (exit 3, or 4 while a model is not
# implemented) gets a "no schedule" row with its exit status.  A KPI that
# summary.csv does not report gets an empty cell.
set -eu
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
RUNS=${BENCH_RUNS:-3}
SCALE=${BENCH_LIMIT_SCALE:-1}
WORK=${BENCH_DIR:-bench/data}
if [ -n "${BENCH_CASES:-}" ] || [ "$SCALE" != 1 ]; then
	OUT=${BENCH_OUT:-$WORK/RESULTS-partial.md}
else
	OUT=${BENCH_OUT:-bench/RESULTS.md}
fi
mkdir -p "$WORK"

# name | learners | model | time limit s | extra generator arguments (seed 1 always)
CASES="workshop-300      | 300  | workshop    | 60  |
workshop-1500     | 1500 | workshop    | 60  |
power-goal-300    | 300  | power-goal  | 60  |
combination-300   | 300  | combination | 60  |
combination-1500  | 1500 | combination | 120 |
staff-tight-1500  | 1500 | workshop    | 60  | --learners-per-facilitator 23 --needs 5-9
math-block-300    | 300  | workshop    | 60  | --one-area-block Math
lab-feature-300   | 300  | combination | 60  | --lab-feature computers
seminars-2-300    | 300  | combination | 60  | --seminars-per-learner 2 --popularity-skew 2"

# the school whose `mclsched check` is timed
CHECK_ARGS="--learners 1500 --seed 1"

# KPIs of summary.csv shown per case (empty cell when absent)
KPIS="need_sessions_pct power_goal_pct learners_complete_pct seminar_enrolled_pct
seminar_first_choice_pct learners_left_out learner_days_covered_pct"

trim() { sed 's/^ *//; s/ *$//'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

selected() {
	[ -z "${BENCH_CASES:-}" ] && return 0
	for c in $BENCH_CASES; do
		[ "$c" = "$1" ] && return 0
	done
	return 1
}

# every name in BENCH_CASES must be a case, or check-1500
names="$(echo "$CASES" | cut -d'|' -f1 | trim) check-1500"
for c in ${BENCH_CASES:-}; do
	echo "$names" | tr ' ' '\n' | grep -qx -- "$c" || {
		echo "bench: no case '$c'; cases: $(echo $names)" >&2
		exit 1
	}
done

# generate DIR ARGS...: the scenario, once (kept between runs of this script
# while its arguments stay the same)
generate() {
	dir=$1
	shift
	if [ ! -f "$dir/scenario.conf" ] || [ "$(cat "$dir.args" 2>/dev/null)" != "$*" ]; then
		rm -rf "$dir"
		# shellcheck disable=SC2068
		"$GEN" $@ -o "$dir" >/dev/null
		echo "$*" > "$dir.args"
	fi
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
kpi_head=$(echo $KPIS | sed 's/ / | /g')
kpi_rule=$(echo $KPIS | sed 's/[^ ]*/---/g; s/ /|/g')
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), GLPK $(glpsol --version | head -1 | awk '{print $NF}')."
	echo "Each case: \`mclsched-gen --learners N --seed 1 --model M ARGS\`, then"
	echo "\`mclsched solve DIR --time-limit T\`, runs: $RUNS; median wall time and peak memory;"
	echo "objective, bound, gap and KPIs of the median-time run, as summary.csv reports them"
	echo "(an empty KPI cell: summary.csv has no such metric);"
	echo "verify: \`mclsched verify\` on that schedule (0 = every hard rule holds)."
	echo "\"no schedule (exit N)\": the median-time solve wrote no schedule and exited N"
	echo "(3: none found in the limits; 4: internal error, or a model not implemented yet)."
	echo "Peak memory is GNU time's maximum resident size, which covers the bound process too."
	if [ "$SCALE" != 1 ]; then
		echo
		echo "**Time limits scaled by $SCALE (BENCH_LIMIT_SCALE): not comparable with a full run.**"
	fi
	echo
	echo "| case | learners | model | generator arguments | limit s | status | objective | bound | gap % | wall s (median) | peak MiB (median) | verify | $kpi_head |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|$kpi_rule|"
} > "$tmp"

echo "$CASES" | while IFS='|' read -r name n model limit extra; do
	name=$(echo "$name" | trim)
	n=$(echo "$n" | trim)
	model=$(echo "$model" | trim)
	limit=$(awk -v l="$(echo "$limit" | trim)" -v s="$SCALE" 'BEGIN {v = l * s; print (v < 1) ? 1 : v}')
	extra=$(echo "$extra" | trim)
	selected "$name" || continue
	dir=$WORK/$name
	# shellcheck disable=SC2086
	generate "$dir" --learners "$n" --seed 1 --model "$model" $extra
	: > "$WORK/$name.runs"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		rm -rf "$WORK/$name.out$i"
		rc=0
		/usr/bin/time -f "%e %M" -o "$WORK/$name.time" \
			"$BIN" solve "$dir" -o "$WORK/$name.out$i" --time-limit "$limit" -q \
			2>"$WORK/$name.err$i" || rc=$?
		echo "$(tail -1 "$WORK/$name.time") $i $rc" >> "$WORK/$name.runs"
		i=$((i + 1))
	done
	wall=$(awk '{print $1}' "$WORK/$name.runs" | median)
	mem=$(awk '{printf "%.0f\n", $2 / 1024}' "$WORK/$name.runs" | median)
	pick=$(sort -n "$WORK/$name.runs" | awk -v r="$RUNS" 'NR == int((r + 1) / 2) {print $3}')
	rc=$(awk -v p="$pick" '$3 == p {print $4}' "$WORK/$name.runs")
	res=$WORK/$name.out$pick
	args=${extra:+\`$extra\`}
	if [ -f "$res/summary.csv" ]; then
		"$BIN" verify "$dir" "$res" >/dev/null 2>&1 && ver=0 || ver=$?
		kpis=""
		for k in $KPIS; do
			kpis="$kpis $(metric "$res" "$k") |"
		done
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.3f | %s | %s | %s |%s\n' \
			"$name" "$n" "$model" "$args" "$limit" \
			"$(metric "$res" status)" "$(metric "$res" objective)" "$(metric "$res" bound)" \
			"$(awk -v g="$(metric "$res" gap)" 'BEGIN {print 100 * g}')" "$wall" "$mem" "$ver" \
			"$kpis" >> "$tmp"
	else
		kpis=$(echo $KPIS | sed 's/[^ ]*/ |/g; s/  */ /g')
		printf '| %s | %s | %s | %s | %s | no schedule (exit %s) | | | | %s | %s | |%s\n' \
			"$name" "$n" "$model" "$args" "$limit" "$rc" "$wall" "$mem" "$kpis" >> "$tmp"
		echo "bench: $name: no schedule (exit $rc): $(head -1 "$WORK/$name.err$pick")" >&2
	fi
	echo "bench: $name done" >&2
done

# `mclsched check` on the 1500-learner school: reads and validates every
# input, writes nothing; its wall time is what a scheduler waits for a yes/no.
if selected check-1500; then
	dir=$WORK/check-1500
	# shellcheck disable=SC2086
	generate "$dir" $CHECK_ARGS
	: > "$WORK/check-1500.runs"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		rc=0
		/usr/bin/time -f "%e %M" -o "$WORK/check-1500.time" "$BIN" check "$dir" \
			>/dev/null 2>&1 || rc=$?
		echo "$(tail -1 "$WORK/check-1500.time") $rc" >> "$WORK/check-1500.runs"
		i=$((i + 1))
	done
	{
		echo
		echo "\`mclsched check\` of \`mclsched-gen $CHECK_ARGS\` (validates every input,"
		echo "writes nothing), runs: $RUNS; median wall time and peak memory:"
		echo
		echo "| school | wall s (median) | peak MiB (median) | exit |"
		echo "|---|---|---|---|"
		printf '| %s | %s | %s | %s |\n' "check-1500" \
			"$(awk '{print $1}' "$WORK/check-1500.runs" | median)" \
			"$(awk '{printf "%.0f\n", $2 / 1024}' "$WORK/check-1500.runs" | median)" \
			"$(awk '{print $3}' "$WORK/check-1500.runs" | sort -u | tr '\n' ' ' | trim)"
	} >> "$tmp"
	echo "bench: check-1500 done" >&2
fi
mv "$tmp" "$OUT"
trap - EXIT
cat "$OUT"
