#!/bin/sh
# bench/leftout.sh - how few learners a workshop school's staff, rooms and
# needs let a schedule leave out: a proven floor under learners_left_out.
#
#   sh bench/leftout.sh SCENARIO_DIR [SECONDS] [BUILD]
#
# The textbook model bench/direct.mod (a relaxation of the hard rules: its
# group-size and seat rows are summed over a goal's sessions in a block)
# with `mode := 1`: maximise the learners who can be placed and attend at
# least one workshop session.  CBC solves it for SECONDS of wall time
# (default 120).  Any schedule places at most CBC's bound, so
#   floor = placeable - floor(bound)
# learners are left out by every schedule; best is the fewest CBC found.
# Workshop schools only: in a combination a seminar places a learner too.
# Prints one line: placeable, floor, best found (empty when none), CBC's
# result.  Exit 2 on a scenario it cannot read or of another model.
set -eu
[ $# -ge 1 ] || { echo "usage: sh bench/leftout.sh SCENARIO_DIR [SECONDS] [BUILD]" >&2; exit 1; }
S=$1
SEC=${2:-120}
BUILD=${3:-build}
MOD=$(dirname "$0")/direct.mod
T=$(mktemp -d /tmp/mclsched-leftout-XXXXXX)
trap 'rm -rf "$T"' EXIT

model=$("$BUILD/mclsched" check "$S" 2>&1 | awk '$1 == "model" {print $2; exit}')
[ "$model" = workshop ] || {
	echo "leftout: $S: model '${model:-unreadable}'; only a workshop school's floor is computed" \
		"(mclsched check $S says why a scenario cannot be read)" >&2
	exit 2
}
"$BUILD/mclsched-direct-dat" "$S" -o "$T/d.dat" || exit 2
printf 'data;\nparam mode := 1;\nend;\n' >"$T/mode.dat"
# the LP relaxation (quick) prints the placeable learners and writes the model
glpsol -m "$MOD" -d "$T/d.dat" -d "$T/mode.dat" --nomip --wlp "$T/lo.lp" >"$T/lp.log" 2>&1 || {
	echo "leftout: glpsol failed: $(tail -3 "$T/lp.log")" >&2
	exit 2
}
placeable=$(awk '/^direct: placeable/ {print $3}' "$T/lp.log")
[ -n "$placeable" ] || {
	echo "leftout: $S: the model's LP relaxation has no solution ($(grep -m1 -i 'no.*feasible\|infeasible' "$T/lp.log")):" \
		"no schedule exists; mclsched check $S may say why" >&2
	exit 1
}
rc=0
timeout -s INT -k 5 "$SEC" cbc "$T/lo.lp" -sec "$SEC" -timeMode elapsed -solve >"$T/cbc.log" 2>&1 || rc=$?
eval "$(awk -f "$(dirname "$0")/cbc_result.awk" "$T/cbc.log")"
[ -n "$c_res" ] && [ -n "$c_bound" ] || { echo "leftout: CBC gave no bound (exit $rc)"; exit 1; }
awk -v n="$placeable" -v o="$c_obj" -v b="$c_bound" -v r="$c_res" 'BEGIN {
	best = o == "" ? "" : n - int(o + 0.5)
	printf "placeable %d floor %d best %s (%s)\n", n, n - int(b + 1e-6), best, r
}'
