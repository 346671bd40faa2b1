#!/bin/sh
# make bench: mclsched against what a school would use instead, on the same
# generated schools under the same time limits, and how its cost grows.
# docs/bench.md explains the alternatives and every column.
#
# For each case: generate the school (deterministic from its generator
# arguments, seed 1), solve it BENCH_RUNS times with mclsched (median wall
# time and peak memory; objective, bound, gap and KPIs of the median-time
# run) and verify every schedule; then, once each, the alternatives:
#   greedy  build/mclsched-greedy (bench/greedy.c), verified like mclsched
#   direct  the textbook MIP bench/direct.mod with glpsol, --mipgap set to
#           the gap mclsched reached, so that its time is its time to that gap
#   cbc     the exact cycle model of `mclsched solve --write-lp` with CBC
#   lp      the LP relaxation of that model with glpsol --nomip
#   highs   that model with HiGHS (npm package `highs`, WebAssembly, run by
#           node bench/highs.mjs; installed with npm into BENCH_HIGHS_DIR,
#           default BENCH_DIR/highs); not in the default BENCH_ALTS
# and write results.csv, RESULTS.md (tables made from results.csv) and the
# scaling plot (bench/plot.awk).  Timings on a shared 2-core machine are
# noisy: compare medians from one run of this script, not single numbers.
#
#   BENCH_CASES="name1 name2"  run only these cases (default: all); shell
#                              patterns too: BENCH_CASES="zoo-w300-*"
#   BENCH_RUNS=N               mclsched solves a case (default 3; quick 1)
#   BENCH_ALTS="greedy direct cbc lp"  the alternatives to run (default all)
#   BENCH_DIRECT_LIMIT=S       direct's time limit instead of the case's (to
#                              see whether it reaches mclsched's gap at all)
#   BENCH_LIMIT_SCALE=X        multiply every time limit by X (default 1), to
#                              try the script quickly; RESULTS.md says so
#   BENCH_QUICK=1              the few small cases of `make bench-quick`
#   BENCH_ITC_DIR=DIR          where the ITC 2019 instances are read from
#                              (default BENCH_DIR/itc2019); a missing one is
#                              downloaded with curl, or its case skipped
#                              with a message (docs/bench.md, Real demand)
#   BENCH_DIR=DIR              where scenarios, schedules and logs go
#                              (bench/data)
#   BENCH_OUT=BASE             the outputs BASE.md, BASE.csv and BASE.svg;
#                              default bench/RESULTS.md, bench/results.csv and
#                              bench/scaling.svg for the full bench,
#                              bench/RESULTS-quick.md, ... for the quick one,
#                              and BENCH_DIR/RESULTS-partial.* with
#                              BENCH_CASES or BENCH_LIMIT_SCALE set, so that
#                              a partial run never replaces the full table
#
# Two families of cases are not the generator's default schools:
#   itc-*   real students' course demand: an ITC 2019 instance converted by
#           build/mclsched-itc2019 (bench/itc2019.c);
#   zoo-*   schools of random shape, `mclsched-gen --style random` with the
#           case's seed (20 at 300 learners, 5 at 1500, workshop and
#           combination), skipped when the generator has no --style;
# both run mclsched once and the greedy only, and RESULTS.md adds the zoo's
# distribution (median, worst) of gap, learners_left_out and
# learner_days_covered_pct beside the greedy's.
#
# Then issue 27's replan and locks targets on two schools, replan-c1500 and
# replan-zoo-c300-s6 (bench/replan.sh once each; their own RESULTS.md
# table, not in results.csv; not in the quick bench).
#
# A solve that writes no schedule gets a row that says so, with its exit
# status; an alternative that found nothing in the limit says that too.
set -eu
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
GREEDY=$BUILD/mclsched-greedy
DIRECT_DAT=$BUILD/mclsched-direct-dat
QUICK=${BENCH_QUICK:-}
if [ -n "$QUICK" ]; then
	RUNS=${BENCH_RUNS:-1}
else
	RUNS=${BENCH_RUNS:-3}
fi
SCALE=${BENCH_LIMIT_SCALE:-1}
ALTS=${BENCH_ALTS:-greedy direct cbc lp}
WORK=${BENCH_DIR:-bench/data}
if [ -n "${BENCH_OUT:-}" ]; then
	MD=$BENCH_OUT.md CSV=$BENCH_OUT.csv SVG=$BENCH_OUT.svg
elif [ -n "${BENCH_CASES:-}" ] || [ "$SCALE" != 1 ]; then
	MD=$WORK/RESULTS-partial.md CSV=$WORK/results-partial.csv SVG=$WORK/scaling-partial.svg
elif [ -n "$QUICK" ]; then
	MD=bench/RESULTS-quick.md CSV=bench/results-quick.csv SVG=bench/scaling-quick.svg
else
	MD=bench/RESULTS.md CSV=bench/results.csv SVG=bench/scaling.svg
fi
mkdir -p "$WORK"
ITC=$BUILD/mclsched-itc2019
ITC_DIR=${BENCH_ITC_DIR:-$WORK/itc2019}
# the ITC 2019 instances as published with the competition's format, at a
# fixed commit of a public repository that keeps them (docs/bench.md)
ITC_URL=https://raw.githubusercontent.com/edongashi/itc-2019/e4ed1a390304b0378ffaef99605137c4159503b9/runner/instances
for prog in "$BIN" "$GEN" "$GREEDY" "$DIRECT_DAT"; do
	[ -x "$prog" ] || { echo "bench: $prog is missing: run make first" >&2; exit 1; }
done

# name | learners | model | time limit s | scaling series | extra generator
# arguments (seed 1 always).  The series (workshop, combination) are the
# default schools at 300 to 6000 learners that the scaling plot draws.
if [ -n "$QUICK" ]; then
	CASES="combination-60    | 60   | combination | 5   | combination |
workshop-300      | 300  | workshop    | 10  | workshop    |
combination-300   | 300  | combination | 10  | combination |"
else
	CASES="workshop-300      | 300  | workshop    | 60  | workshop    |
workshop-1500     | 1500 | workshop    | 60  | workshop    |
workshop-3000     | 3000 | workshop    | 120 | workshop    |
workshop-6000     | 6000 | workshop    | 300 | workshop    |
combination-300   | 300  | combination | 60  | combination |
combination-1500-30 | 1500 | combination | 30 |            |
combination-1500  | 1500 | combination | 120 | combination |
combination-3000  | 3000 | combination | 150 | combination |
combination-6000  | 6000 | combination | 300 | combination |
power-goal-300    | 300  | power-goal  | 60  |             |
staff-tight-1500  | 1500 | workshop    | 60  |             | --learners-per-facilitator 23 --needs 5-9
math-block-300    | 300  | workshop    | 60  |             | --one-area-block Math
lab-feature-300   | 300  | combination | 60  |             | --lab-feature computers
seminars-2-300    | 300  | combination | 60  |             | --seminars-per-learner 2 --popularity-skew 2
itc-muni-fi-spr16 | 0    | workshop    | 60  |             | itc2019=early/muni-fi-spr16
itc-yach-fal17    | 0    | workshop    | 60  |             | itc2019=middle/yach-fal17
itc-pu-cs-fal07   | 0    | workshop    | 60  |             | itc2019=demo/pu-cs-fal07
itc-mary-spr17    | 0    | workshop    | 60  |             | itc2019=early/mary-spr17"
	# the zoo: schools of random shape, the shape drawn from the seed
	for model in workshop combination; do
		m=$(echo "$model" | cut -c1)
		for i in $(seq 1 20); do
			CASES="$CASES
zoo-${m}300-s$i | 300 | $model | 60 | | --style random --seed $i"
		done
		for i in $(seq 1 5); do
			CASES="$CASES
zoo-${m}1500-s$i | 1500 | $model | 120 | | --style random --seed $i"
		done
	done
fi
ZOO_OK=""
"$GEN" --help 2>/dev/null | grep -q -- '--style' && ZOO_OK=1

# the school whose `mclsched check` is timed
CHECK_ARGS="--learners 1500 --seed 1"

# KPIs of summary.csv kept per solve (empty when absent)
KPIS="need_sessions_pct power_goal_pct learners_complete_pct seminar_enrolled_pct
seminar_first_choice_pct learners_left_out learner_days_covered_pct"
# the model's size, when summary.csv reports it (largest LP/MIP solved)
SIZE_METRICS="model_rows model_columns model_nonzeros"

trim() { sed 's/^ *//; s/ *$//'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
metric() { [ -f "$1/summary.csv" ] && awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv" || true; }
# the wall seconds and peak MiB of a GNU time file ("wall KiB" last)
t_wall() { tail -1 "$1" | awk '{print $1}'; }
t_mib() { tail -1 "$1" | awk '{printf "%.0f", $2 / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a != "" && b > 0) printf "%.3g", a / b}'; }
pct_of() { awk -v a="$1" -v b="$2" 'BEGIN {if (a != "" && b != "" && b > 0) printf "%.2f", 100 * a / b}'; }
nocomma() { tr ',\n' ';' | sed 's/;$//'; }

selected() {
	[ -z "${BENCH_CASES:-}" ] && return 0
	set -f
	for c in $BENCH_CASES; do
		# shellcheck disable=SC2254
		case $1 in $c) set +f; return 0 ;; esac
	done
	set +f
	return 1
}
# the alternatives of the case at hand (case_alts), else of the run
has_alt() { case " ${case_alts:-$ALTS} " in *" $1 "*) return 0 ;; esac; return 1; }

# issue 27's replan targets (bench/replan.sh): name | generator arguments
REPLAN_CASES="replan-c1500 | --learners 1500 --seed 1 --model combination
replan-zoo-c300-s6 | --style random --seed 6 --learners 300 --model combination"
names="$(echo "$CASES" | cut -d'|' -f1 | trim) check-1500 $(echo "$REPLAN_CASES" | cut -d'|' -f1 | trim)"
set -f
for c in ${BENCH_CASES:-}; do
	case $c in *[*?[]*) continue ;; esac
	echo "$names" | tr ' ' '\n' | grep -qx -- "$c" || {
		echo "bench: no case '$c'; cases: $(echo $names)" >&2
		exit 1
	}
done
set +f
for a in $ALTS; do
	case $a in greedy | direct | cbc | lp | highs) ;; *)
		echo "bench: no alternative '$a'; alternatives: greedy direct cbc lp highs" >&2
		exit 1 ;;
	esac
done

# generate DIR ARGS...: the scenario, once (kept between runs of this script
# while its arguments stay the same)
generate() {
	dir=$1
	shift
	if [ ! -f "$dir/scenario.conf" ] || [ "$(cat "$dir.args" 2>/dev/null)" != "$*" ]; then
		rm -rf "$dir"
		# shellcheck disable=SC2068
		"$GEN" $@ -o "$dir" >/dev/null 2>&1
		echo "$*" > "$dir.args"
	fi
}

# HiGHS: the npm package, pinned, installed once beside the scenarios
HIGHS_DIR=${BENCH_HIGHS_DIR:-$WORK/highs}
HIGHS_VERSION=1.15.3
if has_alt highs && [ ! -f "$HIGHS_DIR/node_modules/highs/package.json" ]; then
	if ! command -v node >/dev/null 2>&1 ||
		! npm install --prefix "$HIGHS_DIR" --no-audit --no-fund --silent \
			"highs@$HIGHS_VERSION" >/dev/null 2>&1; then
		echo "bench: highs: no node or npm install of highs@$HIGHS_VERSION failed; highs skipped" >&2
		ALTS=$(echo " $ALTS " | sed 's/ highs / /; s/^ *//; s/ *$//')
	fi
fi

# itc_scenario DIR SUB/NAME: the scenario of ITC 2019 instance NAME
# (ITC_DIR/NAME.xml, downloaded from ITC_URL/SUB/NAME.xml when missing), once;
# returns 1, with a message, when the instance cannot be had
itc_scenario() {
	[ -x "$ITC" ] || { echo "bench: $ITC is missing (make bench builds it); case skipped" >&2; return 1; }
	xml=$ITC_DIR/$(basename "$2").xml
	if [ ! -s "$xml" ]; then
		mkdir -p "$ITC_DIR"
		if ! curl -fsSL --max-time 120 "$ITC_URL/$2.xml" -o "$xml.part" 2>/dev/null; then
			rm -f "$xml.part"
			echo "bench: $(basename "$2"): no $xml and no download from $ITC_URL; case" \
				"skipped (docs/bench.md says how to get the ITC 2019 instances)" >&2
			return 1
		fi
		mv "$xml.part" "$xml"
	fi
	if [ ! -f "$1/scenario.conf" ] || [ "$(cat "$1.args" 2>/dev/null)" != "itc2019 $2" ]; then
		rm -rf "$1"
		"$ITC" "$xml" -o "$1" 2>/dev/null || { echo "bench: $xml: conversion failed" >&2; return 1; }
		echo "itc2019 $2" > "$1.args"
	fi
}

# timed FILE CMD...: runs CMD with GNU time into FILE ("wall KiB"); returns
# CMD's exit status
timed() {
	tf=$1
	shift
	rc=0
	/usr/bin/time -f "%e %M" -o "$tf" "$@" || rc=$?
	return $rc
}

# the first "R rows, C columns, N non-zeros" of a GLPK log, as "R,C,N"
glpk_size() {
	awk '/ rows, .* columns, .* non-zeros/ {print $1 "," $3 "," $5; exit}' "$1" 2>/dev/null || true
}

HEADER="case,learners,model,series,args,limit_s,solver,runs,status,found,objective,bound,gap,pct_of_bound,wall_s,peak_mib,time_ratio,verify,time_to_gap_s,$(echo $KPIS | tr ' ' ','),learner_needs,model_rows,model_columns,model_nonzeros,note"
csv_tmp=$(mktemp)
md_tmp=$(mktemp)
trap 'rm -f "$csv_tmp" "$md_tmp"' EXIT
echo "$HEADER" > "$csv_tmp"
start=$(date +%s)

# row SOLVER RUNS STATUS FOUND OBJ BOUND GAP WALL MIB VERIFY TTG KPI_CSV SIZE_CSV NOTE
# (case fields and the derived percentages come from the loop's variables;
# direct's objective on a combination school is of the workshop blocks only,
# so it gets no percentage of mclsched's bound)
row() {
	pct=$(pct_of "$5" "$m_bound")
	[ "$1" = direct ] && [ "$model" = combination ] && pct=""
	printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' \
		"$name" "$n" "$model" "$series" "$extra" "$limit" "$1" "$2" "$(echo "$3" | nocomma)" "$4" "$5" "$6" "$7" \
		"$pct" "$8" "$9" "$(ratio "$8" "$m_wall")" "${10}" "${11}" \
		"${12}" "$needs_n" "${13}" "$(echo "${14}" | nocomma)" >> "$csv_tmp"
}

# kpis_of DIR: the KPI columns from DIR/summary.csv
kpis_of() {
	k=""
	for m in $KPIS; do
		k="$k$(metric "$1" "$m"),"
	done
	echo "${k%,}"
}
EMPTY_KPIS=$(echo $KPIS | sed 's/[^ ]*//g; s/ /,/g')

echo "$CASES" | while IFS='|' read -r name n model limit series extra; do
	name=$(echo "$name" | trim)
	n=$(echo "$n" | trim)
	model=$(echo "$model" | trim)
	limit=$(awk -v l="$(echo "$limit" | trim)" -v s="$SCALE" 'BEGIN {v = l * s; print (v < 1) ? 1 : v}')
	series=$(echo "$series" | trim)
	extra=$(echo "$extra" | trim)
	selected "$name" || continue
	dir=$WORK/$name
	W=$WORK/$name.work
	case_alts="" case_runs=$RUNS
	case $name in
	zoo-*)
		[ -n "$ZOO_OK" ] || { echo "bench: $name: mclsched-gen has no --style; skipped" >&2; continue; }
		case_alts=greedy case_runs=1 ;;
	itc-*)
		case_alts=greedy case_runs=1
		itc_scenario "$dir" "${extra#itc2019=}" || continue
		n=$(($(wc -l < "$dir/learners.csv") - 1)) ;;
	esac
	mkdir -p "$W"
	case " $extra " in
	*" --seed "*) seed_arg="" ;;
	*) seed_arg="--seed 1" ;;
	esac
	# shellcheck disable=SC2086
	[ -f "$dir.args" ] && [ "$(head -c 8 "$dir.args")" = "itc2019 " ] ||
		generate "$dir" --learners "$n" $seed_arg --model "$model" $extra
	needs_n=$(($(wc -l < "$dir/needs.csv") - 1))

	# --- mclsched, case_runs times, every schedule verified
	: > "$W/runs"
	ver_all=""
	i=1
	while [ "$i" -le "$case_runs" ]; do
		rm -rf "$W/mclsched.out$i"
		rc=0
		timed "$W/time" "$BIN" solve "$dir" -o "$W/mclsched.out$i" --time-limit "$limit" -q \
			2>"$W/mclsched.err$i" || rc=$?
		if [ -f "$W/mclsched.out$i/sessions.csv" ]; then
			v=0
			"$BIN" verify "$dir" "$W/mclsched.out$i" >"$W/verify$i" 2>&1 || v=$?
			ver_all="$ver_all $v"
		fi
		echo "$(tail -1 "$W/time") $i $rc" >> "$W/runs"
		i=$((i + 1))
	done
	m_wall=$(awk '{print $1}' "$W/runs" | median)
	m_mem=$(awk '{printf "%.0f\n", $2 / 1024}' "$W/runs" | median)
	pick=$(sort -n "$W/runs" | awk -v r="$case_runs" 'NR == int((r + 1) / 2) {print $3}')
	m_rc=$(awk -v p="$pick" '$3 == p {print $4}' "$W/runs")
	res=$W/mclsched.out$pick
	ver=$(echo $ver_all | tr ' ' '\n' | sort -un | tr '\n' ' ' | trim)
	m_bound=$(metric "$res" bound)
	m_gap=$(metric "$res" gap)
	size=""
	for m in $SIZE_METRICS; do
		size="$size$(metric "$res" "$m"),"
	done
	size=${size%,}
	if [ -f "$res/sessions.csv" ]; then
		row mclsched "$case_runs" "$(metric "$res" status)" yes "$(metric "$res" objective)" \
			"$m_bound" "$m_gap" "$m_wall" "$m_mem" "$ver" "" "$(kpis_of "$res")" "$size" \
			"stopped_by $(metric "$res" stopped_by)"
	else
		row mclsched "$case_runs" "no schedule (exit $m_rc)" no "" "" "" "$m_wall" "$m_mem" "" "" \
			"$EMPTY_KPIS" "$size" "$(head -1 "$W/mclsched.err$pick")"
		echo "bench: $name: mclsched wrote no schedule (exit $m_rc)" >&2
	fi
	echo "bench: $name: mclsched done" >&2
	[ "$model" = power-goal ] && continue   # the alternatives regroup every block

	# --- greedy: the hand scheduler's rules, verified like mclsched
	if has_alt greedy; then
		rm -rf "$W/greedy.out"
		rc=0
		timed "$W/time" "$GREEDY" "$dir" -o "$W/greedy.out" 2>"$W/greedy.err" || rc=$?
		g_wall=$(t_wall "$W/time") g_mem=$(t_mib "$W/time")
		if [ -f "$W/greedy.out/sessions.csv" ]; then
			v=0
			"$BIN" verify "$dir" "$W/greedy.out" >"$W/verify.greedy" 2>&1 || v=$?
			row greedy 1 "$(metric "$W/greedy.out" status)" yes \
				"$(metric "$W/greedy.out" objective)" "$(metric "$W/greedy.out" bound)" \
				"$(metric "$W/greedy.out" gap)" "$g_wall" "$g_mem" "$v" "" \
				"$(kpis_of "$W/greedy.out")" ",," \
				"bound: everything wanted (not proven tight)"
		else
			row greedy 1 "no schedule (exit $rc)" no "" "" "" "$g_wall" "$g_mem" "" "" \
				"$EMPTY_KPIS" ",," "$(head -1 "$W/greedy.err")"
		fi
		echo "bench: $name: greedy done" >&2
	fi

	# --- direct: the textbook MIP in MathProg, to mclsched's gap
	if has_alt direct; then
		dlimit=${BENCH_DIRECT_LIMIT:-$limit}
		dgap=$(awk -v g="${m_gap:-0}" 'BEGIN {printf "%.6f", (g > 1e-6) ? g : 1e-6}')
		"$DIRECT_DAT" "$dir" -o "$W/direct.dat"
		rc=0
		# glpsol's --tmlim covers the search, not the model's generation:
		# the wall time (what a user waits) is what the table shows
		timed "$W/time" timeout -k 10 $((${dlimit%.*} * 2 + 60)) glpsol -m bench/direct.mod \
			-d "$W/direct.dat" --tmlim "${dlimit%.*}" --mipgap "$dgap" \
			>"$W/direct.log" 2>&1 || rc=$?
		d_wall=$(t_wall "$W/time") d_mem=$(t_mib "$W/time")
		# the last progress line: "+ N: mip = OBJ <= BOUND ..." (or ">>>>>")
		d_obj="" d_bound="" d_done=0 d_tl=0 d_ns="" d_lo=""
		eval "$(awk '
			/^\+/ { if ($3 == "mip") { o = $5; b = $7 } else { o = $4; b = $6 }
				if (o == "not") { o = ""; b = $9 }
				if (b == "tree") b = o
				if (b == "+inf") b = "" }
			/INTEGER OPTIMAL SOLUTION FOUND|MIP GAP TOLERANCE REACHED/ { done = 1 }
			/TIME LIMIT EXCEEDED/ { tl = 1 }
			/^direct: need_sessions/ { ns = $3 }
			/^direct: left_out/ { lo = $3 }
			END { printf "d_obj=%s d_bound=%s d_done=%d d_tl=%d d_ns=%s d_lo=%s\n",
			      o, b, done, tl, ns, lo }' "$W/direct.log")"
		d_gap=$(awk -v o="$d_obj" -v b="$d_bound" 'BEGIN {if (o != "" && b > 0) printf "%.6f", (b - o) / b}')
		d_obj=$(awk -v o="$d_obj" 'BEGIN {if (o != "") printf "%.2f", o}')
		d_bound=$(awk -v o="$d_bound" 'BEGIN {if (o != "") printf "%.2f", o}')
		if [ "$d_done" = 1 ]; then
			d_status="gap reached" d_ttg=$d_wall
		elif [ "$d_tl" = 1 ]; then
			d_status="time limit" d_ttg=""
		else
			d_status="stopped (exit $rc)" d_ttg=""
		fi
		d_pct=$(awk -v s="$d_ns" -v w="$(metric "$res" need_sessions_wanted)" \
			'BEGIN {if (s != "" && w > 0) printf "%.2f", 100 * s / w}')
		d_kpis=$(echo "$KPIS" | tr ' ' '\n' | awk -v p="$d_pct" -v l="$d_lo" '
			$1 == "need_sessions_pct" {v = p} $1 == "learners_left_out" {v = l}
			$1 != "need_sessions_pct" && $1 != "learners_left_out" {v = ""}
			NF {printf "%s%s", sep, v; sep = ","}')
		note="to gap $dgap in $dlimit s (glpsol --mipgap --tmlim)"
		[ "$model" = combination ] && note="workshop blocks only: objective not comparable; $note"
		[ -n "$d_obj" ] || note="found nothing; $note"
		row direct 1 "$d_status" "$([ -n "$d_obj" ] && echo yes || echo no)" "$d_obj" \
			"$d_bound" "$d_gap" "$d_wall" "$d_mem" "" "$d_ttg" "$d_kpis" \
			"$(glpk_size "$W/direct.log")" "$note"
		echo "bench: $name: direct done" >&2
	fi

	# --- the exact cycle model (--write-lp), for cbc and the LP relaxation
	if has_alt cbc || has_alt lp || has_alt highs; then
		rm -rf "$W/writelp.out"
		timed "$W/time" "$BIN" solve "$dir" -o "$W/writelp.out" --time-limit 1 -q \
			--write-lp "$W/cycle.lp" 2>"$W/writelp.err" || true
		lp_write=$(t_wall "$W/time")
		lp_mib=$(awk -v s="$(wc -c < "$W/cycle.lp" 2>/dev/null || echo 0)" 'BEGIN {printf "%.1f", s / 1048576}')
	fi
	if has_alt lp && [ -f "$W/cycle.lp" ]; then
		rc=0
		rm -f "$W/lp.sol"
		timed "$W/time" timeout -k 10 $((${limit%.*} * 2 + 60)) glpsol --lp "$W/cycle.lp" --nomip \
			--tmlim "${limit%.*}" -o "$W/lp.sol" >"$W/lp.log" 2>&1 || rc=$?
		l_wall=$(t_wall "$W/time") l_mem=$(t_mib "$W/time")
		l_status=$(awk '/^Status:/ {print $2; exit}' "$W/lp.sol" 2>/dev/null || true)
		l_val=""
		if [ "$l_status" = OPTIMAL ]; then
			l_val=$(awk '/^Objective:/ {for (i = 1; i <= NF; i++) if ($i == "=") {printf "%.2f", $(i + 1); exit}}' "$W/lp.sol")
			l_status="LP optimal"
		else
			l_status="not solved in the limit${l_status:+ ($l_status)}"
		fi
		row lp 1 "$l_status" "$([ -n "$l_val" ] && echo yes || echo no)" "" "$l_val" "" \
			"$l_wall" "$l_mem" "" "" "$EMPTY_KPIS" "$(glpk_size "$W/lp.log")" \
			"LP relaxation of the --write-lp model by glpsol --nomip: a bound, no schedule"
		echo "bench: $name: lp done" >&2
	fi
	if has_alt cbc && [ -f "$W/cycle.lp" ]; then
		rc=0
		# the same wall limit as mclsched: CBC checks -sec only between
		# phases, so SIGINT at the limit (and KILL 5 s later) enforces it
		timed "$W/time" timeout -s INT -k 5 "${limit%.*}" stdbuf -oL cbc "$W/cycle.lp" \
			-sec "${limit%.*}" -timeMode elapsed -solve >"$W/cbc.log" 2>&1 || rc=$?
		c_wall=$(t_wall "$W/time") c_mem=$(t_mib "$W/time")
		# killed, CBC is not waited for by timeout: its memory is unknown
		[ "$rc" -ne 137 ] || c_mem=""
		eval "$(awk -f bench/cbc_result.awk "$W/cbc.log")"
		c_gap=$(awk -v o="$c_obj" -v b="$c_bound" 'BEGIN {if (o != "" && b > 0) printf "%.6f", (b - o) / b}')
		[ -n "$c_res" ] || c_res="stopped at the limit (exit $rc), no result printed"
		[ "$rc" -ne 137 ] || c_res="$c_res; killed 5 s after SIGINT"
		note="LP file $lp_mib MiB written in $lp_write s (--write-lp, with a 1 s solve)"
		[ -n "$c_obj" ] || note="found nothing; $note"
		row cbc 1 "$c_res" "$([ -n "$c_obj" ] && echo yes || echo no)" "$c_obj" "$c_bound" \
			"$c_gap" "$c_wall" "$c_mem" "" "" "$EMPTY_KPIS" "$(glpk_size "$W/lp.log")" "$note"
		echo "bench: $name: cbc done" >&2
	fi
	if has_alt highs && [ -f "$W/cycle.lp" ]; then
		rc=0
		# HiGHS stops itself at time_limit; the timeout is a safety net
		timed "$W/time" timeout -k 5 $((${limit%.*} * 2 + 60)) env HIGHS_DIR="$HIGHS_DIR" \
			node bench/highs.mjs "$W/cycle.lp" "${limit%.*}" >"$W/highs.log" 2>&1 || rc=$?
		h_wall=$(t_wall "$W/time") h_mem=$(t_mib "$W/time")
		h_res="" h_obj="" h_bound=""
		eval "$(awk '
			/^Result - / { sub(/^Result - /, ""); r = $0 }
			/^Objective value:/ { o = $3 }
			/^Upper bound:/ { b = $3 }
			END { gsub(/"/, "", r); printf "h_res=\"%s\" h_obj=%s h_bound=%s\n", r, o, b }' "$W/highs.log")"
		h_gap=$(awk -v o="$h_obj" -v b="$h_bound" 'BEGIN {if (o != "" && b > 0) printf "%.6f", (b - o) / b}')
		[ -n "$h_res" ] || h_res="stopped (exit $rc), no result printed"
		note="HiGHS $HIGHS_VERSION (npm highs, WebAssembly) on the --write-lp model"
		[ -n "$h_obj" ] || note="found nothing; $note"
		row highs 1 "$h_res" "$([ -n "$h_obj" ] && echo yes || echo no)" "$h_obj" "$h_bound" \
			"$h_gap" "$h_wall" "$h_mem" "" "" "$EMPTY_KPIS" ",," "$note"
		echo "bench: $name: highs done" >&2
	fi
done

# `mclsched check` on the 1500-learner school: reads and validates every
# input, writes nothing; its wall time is what a scheduler waits for a yes/no.
check_line=""
if [ -z "$QUICK" ] && selected check-1500; then
	dir=$WORK/check-1500
	# shellcheck disable=SC2086
	generate "$dir" $CHECK_ARGS
	: > "$WORK/check-1500.runs"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		rc=0
		timed "$WORK/check-1500.time" "$BIN" check "$dir" >/dev/null 2>&1 || rc=$?
		echo "$(tail -1 "$WORK/check-1500.time") $rc" >> "$WORK/check-1500.runs"
		i=$((i + 1))
	done
	check_line=$(printf '| check-1500 | %s | %s | %s |' \
		"$(awk '{print $1}' "$WORK/check-1500.runs" | median)" \
		"$(awk '{printf "%.0f\n", $2 / 1024}' "$WORK/check-1500.runs" | median)" \
		"$(awk '{print $3}' "$WORK/check-1500.runs" | sort -u | tr '\n' ' ' | trim)")
fi
# replan and locks on two schools (bench/replan.sh, one run each): first
# solve 30 s, a facilitator absent for the last two days, `replan --after`
# the second day in 15 s against a fresh 15 s solve; 50 random locks
: > "$WORK/replan.rows"
if [ -z "$QUICK" ]; then
	echo "$REPLAN_CASES" | while IFS='|' read -r name args; do
		name=$(echo "$name" | trim)
		selected "$name" || continue
		rlimit=$(awk -v s="$SCALE" 'BEGIN { v = 15 * s; print (v < 1) ? 1 : v }')
		slimit=$(awk -v s="$SCALE" 'BEGIN { v = 30 * s; print (v < 1) ? 1 : v }')
		GEN_ARGS=$(echo "$args" | trim) ROW="$WORK/replan.rows" \
			sh bench/replan.sh "$BUILD" "$slimit" "$rlimit" >"$WORK/$name.log" 2>&1 ||
			echo "| \`$(echo "$args" | trim)\` | bench/replan.sh failed: $(tail -1 "$WORK/$name.log") |" \
				>>"$WORK/replan.rows"
		echo "bench: $name: replan done" >&2
	done
fi
total=$(($(date +%s) - start))

# ---- RESULTS.md, from results.csv
awk -f bench/plot.awk -v mode=exponents "$csv_tmp" > "$WORK/exponents.md"
awk -f bench/plot.awk "$csv_tmp" > "$WORK/scaling.svg.tmp"
{
	echo "# Benchmark results${QUICK:+ (make bench-quick)}"
	echo
	echo "Written by \`make bench${QUICK:+-quick}\` (bench/run.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), GLPK $(glpsol --version | head -1 | awk '{print $NF}'),"
	echo "CBC $(cbc -quit 2>/dev/null | awk '/^Version:/ {print $2}'); the whole run took $total s ($((total / 60)) min)."
	echo "Every figure is in [$(basename "$CSV")]($(basename "$CSV")); docs/bench.md explains"
	echo "the alternatives and the columns. Each case: \`mclsched-gen --learners N --seed 1 --model M ARGS\`;"
	echo "mclsched: \`mclsched solve DIR --time-limit T\`, runs: $RUNS, median wall time and peak"
	echo "memory, objective, bound, gap and KPIs of the median-time run; verify: the exit"
	echo "statuses of \`mclsched verify\` on every run's schedule (0 = every hard rule holds)."
	if [ "$SCALE" != 1 ]; then
		echo
		echo "**Time limits scaled by $SCALE (BENCH_LIMIT_SCALE): not comparable with a full run.**"
	fi
	echo
	echo "## mclsched"
	echo
	echo "| case | learners | model | generator arguments | limit s | status | objective | bound | gap % | wall s | peak MiB | verify | need_sessions_pct | power_goal_pct | learners_complete_pct | seminar_enrolled_pct | learners_left_out | learner_days_covered_pct | rows | columns | nonzeros |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
		$c["solver"] == "mclsched" {
			g = ($c["gap"] == "") ? "" : sprintf("%.3f", 100 * $c["gap"])
			a = ($c["args"] == "") ? "" : "`" $c["args"] "`"
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				$c["case"], $c["learners"], $c["model"], a, $c["limit_s"], $c["status"],
				$c["objective"], $c["bound"], g, $c["wall_s"], $c["peak_mib"], $c["verify"],
				$c["need_sessions_pct"], $c["power_goal_pct"], $c["learners_complete_pct"],
				$c["seminar_enrolled_pct"], $c["learners_left_out"],
				$c["learner_days_covered_pct"], $c["model_rows"], $c["model_columns"],
				$c["model_nonzeros"] }' "$csv_tmp"
	echo
	echo "rows, columns, nonzeros: the largest LP/MIP mclsched solved, as summary.csv"
	echo "reports it (empty when this build's summary.csv has no such metric)."
	echo
	echo "## The alternatives, on the same schools with the same limits"
	echo
	echo "% of bound: the objective as a percentage of mclsched's proven bound for the"
	echo "case (the best any schedule could score is at most 100%). x time: wall time"
	echo "over mclsched's median. Own bound and gap: what the alternative itself proved."
	echo "direct runs with \`--mipgap\` set to the gap mclsched reached, so \"gap reached\""
	echo "and its wall time say how long it took to get as close as mclsched did."
	echo
	echo "| case | solver | result | objective | % of bound | own bound | own gap % | wall s | x time | peak MiB | verify | need_sessions_pct | learners_left_out | rows | columns | note |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
		$c["model"] != "power-goal" {
			g = ($c["gap"] == "") ? "" : sprintf("%.3f", 100 * $c["gap"])
			o = ($c["found"] == "yes" || $c["solver"] == "lp") ? $c["objective"] : "**nothing found**"
			if ($c["solver"] == "lp") o = ""
			if ($c["solver"] == "mclsched" && $c["found"] != "yes") o = "**no schedule**"
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				$c["case"], $c["solver"], $c["status"], o, $c["pct_of_bound"], $c["bound"], g,
				$c["wall_s"], $c["time_ratio"], $c["peak_mib"], $c["verify"],
				$c["need_sessions_pct"], $c["learners_left_out"], $c["model_rows"],
				$c["model_columns"], $c["note"] }' "$csv_tmp"
	echo
	echo "## The zoo: schools of random shape"
	echo
	echo "\`mclsched-gen --style random --seed S\` (the shape drawn from the seed), one run a"
	echo "school. Gap: against mclsched's proven bound for the school, for the greedy too"
	echo "(100 - its % of bound); worst: the largest gap and left-out count, the smallest"
	echo "coverage. below the greedy: schools where mclsched scored less than the greedy."
	echo
	awk -F, -f bench/zoo.awk "$csv_tmp"
	echo
	echo "## Scaling"
	echo
	echo "![time, gap and memory against learners]($(basename "$SVG"))"
	echo
	cat "$WORK/exponents.md"
	if [ -s "$WORK/replan.rows" ]; then
		echo
		echo "## replan and locks (issue 27's targets)"
		echo
		echo "bench/replan.sh on each school, one run: the first \`solve\` in 30 s; the"
		echo "facilitator leading the most workshop sessions on the last two days (and no"
		echo "seminar) made unavailable there; \`replan --after\` the second day's last block"
		echo "in 15 s (targets: verified, <= 15 s, >= 95% of the later learner-blocks not led"
		echo "by that facilitator unchanged, objective within 1% of a fresh 15 s \`solve\` of"
		echo "the changed school, the bound reported); 50 random locks (40 learner, 10"
		echo "session pins drawn from the first schedule) solved in 15 s. changed %:"
		echo "\`learner_blocks_changed_pct\`; unchanged %: of the later learner-blocks the"
		echo "absent facilitator did not lead before."
		echo
		echo "| school (mclsched-gen) | absent | --after | limits s | replan | solve_seconds (wall) | changed % | unchanged % not theirs | objective | fresh solve | vs fresh % | bound | gap % | 50 locks | locks gap % | locks solve_seconds (wall) |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
		cat "$WORK/replan.rows"
	fi
	if [ -n "$check_line" ]; then
		echo
		echo "## \`mclsched check\`"
		echo
		echo "\`mclsched check\` of \`mclsched-gen $CHECK_ARGS\` (validates every input,"
		echo "writes nothing), runs: $RUNS; median wall time and peak memory:"
		echo
		echo "| school | wall s (median) | peak MiB (median) | exit |"
		echo "|---|---|---|---|"
		echo "$check_line"
	fi
} > "$md_tmp"
mv "$WORK/scaling.svg.tmp" "$SVG"
mv "$csv_tmp" "$CSV"
mv "$md_tmp" "$MD"
trap - EXIT
cat "$MD"
