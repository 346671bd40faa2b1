#!/bin/sh
# district.sh: solves every school of a district with GNU parallel, verifies
# each schedule, and prints one table of every school's KPIs.
#
#   bench/district.sh [--collect-only] DISTRICT_DIR [OUT_ROOT] [-- SOLVE_ARGS...]
#   bench/district.sh --school N DISTRICT_DIR [OUT_ROOT] [-- SOLVE_ARGS...]
#
# DISTRICT_DIR/schools.txt lists the schools, one scenario directory a line,
# relative to DISTRICT_DIR unless absolute (`mclsched-gen --district` writes
# it).  A school's name is the last part of its path; its schedule goes to
# OUT_ROOT/NAME (OUT_ROOT defaults to DISTRICT_DIR/out), with OUT_ROOT/NAME.log
# (what solve and verify said) and OUT_ROOT/NAME.run (their exit statuses,
# wall seconds and peak memory).  SOLVE_ARGS go to every `mclsched solve`.
#
# --school N solves and verifies school N (line N of schools.txt) alone: each
# parallel job runs it, and so does each task of a Slurm job array
# (bench/district.sbatch).  --collect-only solves nothing and builds the
# table from what OUT_ROOT holds.  Without either, every school is solved,
# DISTRICT_JOBS at a time (default: one job per two cores, because a solve
# runs a second process for its bound part of the time), then the table is
# built.  The table goes to stdout and to OUT_ROOT/district.csv.
#
# Environment: BUILD (build directory, default build), MCLSCHED (the program,
# default $BUILD/mclsched), DISTRICT_JOBS.
# Exit status: 0 every school has a schedule that verifies; 1 usage error;
# 2 schools.txt is bad; 3 a school has no schedule (failed or not run);
# 5 a school's schedule broke a hard rule (`mclsched verify`).
set -u
BUILD=${BUILD:-build}
BIN=${MCLSCHED:-$BUILD/mclsched}
# the KPIs of summary.csv in the table, in order
KPIS="learners status objective bound gap need_sessions_pct learners_left_out
seminar_enrolled_pct solve_seconds"

# usage [STATUS]: on stdout for --help (0), else on stderr (1)
usage() {
	if [ "${1:-1}" -eq 0 ]; then exec 3>&1; else exec 3>&2; fi
	cat >&3 <<'EOF'
usage: bench/district.sh [--collect-only] DISTRICT_DIR [OUT_ROOT] [-- SOLVE_ARGS...]
       bench/district.sh --school N DISTRICT_DIR [OUT_ROOT] [-- SOLVE_ARGS...]
Solves every school listed in DISTRICT_DIR/schools.txt (GNU parallel), verifies
each schedule and prints a table of their KPIs (also OUT_ROOT/district.csv).
OUT_ROOT defaults to DISTRICT_DIR/out.  See docs/district.md.
EOF
	exit "${1:-1}"
}

mode=all
school=
case ${1:-} in
--collect-only) mode=collect; shift ;;
--school)
	mode=one
	school=${2:-}
	shift 2 2>/dev/null || usage
	case $school in
	'' | *[!0-9]* | 0*) echo "district.sh: --school wants a line number from 1, not '$school'" >&2; usage ;;
	esac
	;;
-h | --help) usage 0 ;;
esac
if [ $# -eq 0 ] || [ "$1" = -- ]; then usage; fi
DIR=${1%/}
shift
OUT=$DIR/out
if [ $# -ge 1 ] && [ "$1" != -- ]; then
	OUT=${1%/}
	shift
fi
if [ $# -ge 1 ]; then
	[ "$1" = -- ] || { echo "district.sh: unexpected argument '$1'" >&2; usage; }
	shift
fi
LIST=$DIR/schools.txt
[ -f "$LIST" ] || { echo "district.sh: '$LIST' not found: DISTRICT_DIR must hold schools.txt (mclsched-gen --district writes one)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "district.sh: '$BIN' is not a program: build it (make) or set MCLSCHED" >&2; exit 1; }

# Every line a scenario path whose last part is an id, each name once.
bad=$(awk '
	{ sub(/\r$/, "") }
	$0 == "" { printf "%s:%d: empty line; write one scenario directory a line\n", FILENAME, NR; next }
	{
		name = $0; sub(/\/+$/, "", name); sub(/.*\//, "", name)
		if (name !~ /^[A-Za-z0-9_.-]+$/ || length(name) > 64)
			printf "%s:%d: the school name \"%s\" (the last part of the path) must be 1-64 characters of A-Za-z0-9_.-\n", FILENAME, NR, name
		else if (name in line)
			printf "%s:%d: school \"%s\" is listed twice (line %d too); each school needs a name of its own\n", FILENAME, NR, name, line[name]
		else
			line[name] = NR
	}
	END { if (NR == 0) printf "%s: no schools listed\n", FILENAME }' "$LIST")
if [ -n "$bad" ]; then
	echo "$bad" >&2
	exit 2
fi
K=$(wc -l <"$LIST" | tr -d ' ')
[ "$(tail -c 1 "$LIST" | od -An -c | tr -d ' ')" = '\n' ] || K=$((K + 1))

# path_of N, name_of N: school N's scenario directory and name
path_of() {
	p=$(sed -n "$1{s/\r\$//;s:/*\$::;p;}" "$LIST")
	case $p in
	/*) echo "$p" ;;
	*) echo "$DIR/$p" ;;
	esac
}
name_of() { path_of "$1" | sed 's:.*/::'; }

# solve_one N SOLVE_ARGS...: solve and verify school N; the outcome is data
# in OUT/NAME.run, so this fails only when it cannot write there.
solve_one() {
	n=$1
	shift
	scen=$(path_of "$n")
	name=$(name_of "$n")
	sched=$OUT/$name
	mkdir -p "$OUT" || return 1
	rm -rf "$sched" "$OUT/$name.run" "$OUT/$name.time"
	rc=0
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %M" -o "$OUT/$name.time" \
			"$BIN" solve "$scen" -o "$sched" "$@" >"$OUT/$name.log" 2>&1 || rc=$?
	else
		"$BIN" solve "$scen" -o "$sched" "$@" >"$OUT/$name.log" 2>&1 || rc=$?
	fi
	vrc=-
	if [ "$rc" -eq 0 ]; then
		echo "--- mclsched verify" >>"$OUT/$name.log"
		vrc=0
		"$BIN" verify "$scen" "$sched" >>"$OUT/$name.log" 2>&1 || vrc=$?
	fi
	# wall seconds and peak KiB of the solve, when GNU time measured them
	tm=$(tail -1 "$OUT/$name.time" 2>/dev/null | awk 'NF == 2 && $1 ~ /^[0-9.]+$/')
	rm -f "$OUT/$name.time"
	echo "solve_exit=$rc verify_exit=$vrc ${tm:+wall=${tm% *} peak_kib=${tm#* }}" \
		>"$OUT/$name.run.tmp" && mv "$OUT/$name.run.tmp" "$OUT/$name.run" || return 1
	echo "district.sh: $name: solve exit $rc, verify exit $vrc${tm:+, ${tm% *} s}" >&2
}

if [ "$mode" = one ]; then
	[ "$school" -le "$K" ] || { echo "district.sh: --school $school: '$LIST' lists $K schools" >&2; exit 1; }
	solve_one "$school" "$@" || { echo "district.sh: cannot write into '$OUT'" >&2; exit 4; }
	exit 0
fi

if [ "$mode" = all ]; then
	command -v parallel >/dev/null 2>&1 || { echo "district.sh: GNU parallel not found: install the Debian package 'parallel' (sh .ci/install-deps)" >&2; exit 1; }
	jobs=${DISTRICT_JOBS:-$(( $(nproc) / 2 ))}
	case $jobs in '' | *[!0-9]*) echo "district.sh: DISTRICT_JOBS wants a whole number, not '$jobs'" >&2; exit 1 ;; esac
	[ "$jobs" -ge 1 ] || jobs=1
	mkdir -p "$OUT" || exit 1
	echo "district.sh: solving $K schools, $jobs at a time, into $OUT" >&2
	start=$(date +%s)
	seq 1 "$K" | parallel --will-cite -j "$jobs" --halt never -q \
		sh "$0" --school {} "$DIR" "$OUT" -- "$@"
	echo "district.sh: every school done in $(( $(date +%s) - start )) s" >&2
fi

# ---- the table ----
# metric DIR NAME: its value in DIR/summary.csv, as written there
metric() { awk -F, -v m="$2" '{ sub(/\r$/, "") } $1 == m { print $2; exit }' "$1/summary.csv"; }
field() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" "$1"; }

mkdir -p "$OUT" || exit 1
csv=$OUT/district.csv
header="school,$(echo $KPIS | tr ' ' ','),verify,solve_exit,wall_seconds,peak_mib"
# a row per school, with its model and need-session counts after it for the
# total: 1 school, 2-10 the KPIS, 11 verify, 12 solve_exit, 13 wall_seconds,
# 14 peak_mib, 15 model, 16 need_sessions_wanted, 17 need_sessions_scheduled
rows=$OUT/district.rows.tmp
: >"$rows"
n=1
while [ "$n" -le "$K" ]; do
	name=$(name_of "$n")
	sched=$OUT/$name
	run=$OUT/$name.run
	rc='' vrc='' wall='' peak='' ver=- extra=,,
	if [ ! -f "$run" ]; then
		what="not run"
	else
		rc=$(field "$run" solve_exit)
		vrc=$(field "$run" verify_exit)
		wall=$(field "$run" wall)
		peak=$(field "$run" peak_kib)
		peak=${peak:+$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')}
		case $rc in
		0) what="no summary.csv" ;;
		2) what="bad input (exit 2)" ;;
		3) what="no schedule (exit 3)" ;;
		*) what="failed (exit $rc)" ;;
		esac
	fi
	have=false
	[ "$rc" = 0 ] && [ -f "$sched/summary.csv" ] && have=true
	vals=""
	for k in $KPIS; do
		if $have; then
			vals="$vals,$(metric "$sched" "$k")"
		elif [ "$k" = status ]; then
			vals="$vals,$what"
		else
			vals="$vals,"
		fi
	done
	if $have; then
		case $vrc in
		0) ver=ok ;;
		*) ver="broken (exit $vrc)" ;;
		esac
		extra="$(metric "$sched" model),$(metric "$sched" need_sessions_wanted),$(metric "$sched" need_sessions_scheduled)"
	fi
	echo "$name$vals,$ver,$rc,$wall,$peak,$extra" >>"$rows"
	n=$((n + 1))
done

# the district's total: sums, the gap of the sums, need-sessions over all
# needs, seminar enrolment weighted by learners over schools that run seminars
total=$(awk -F, -v k="$K" '
	$11 == "ok" { verified++ }
	$11 != "-" {
		scheduled++; learners += $2; obj += $4; bound += $5; left += $8; secs += $10
		wanted += $16; met += $17
		if ($15 == "combination" || $15 == "seminar") { sem_l += $2; sem += $2 * $9 }
	}
	END {
		printf "TOTAL,%d,%d of %d scheduled,%.2f,%.2f,%s,%s,%d,%s,%.2f,%d of %d ok,,,\n",
			learners, scheduled, k, obj, bound,
			(bound > 0 ? sprintf("%.6f", (bound - obj) / bound) : ""),
			(wanted > 0 ? sprintf("%.2f", 100 * met / wanted) : ""), left,
			(sem_l > 0 ? sprintf("%.2f", sem / sem_l) : ""), secs, verified, k
	}' "$rows")
{
	echo "$header"
	cut -d, -f1-14 "$rows"
	echo "$total"
} >"$csv.tmp" && mv "$csv.tmp" "$csv"
failed_verify=$(awk -F, '$11 ~ /^broken/' "$rows" | wc -l)
unscheduled=$(awk -F, '$11 == "-"' "$rows" | wc -l)
rm -f "$rows"

# the table: district.csv in aligned columns (names left, values right), a
# rule above the total
awk -F, '
	{
		if (NF > nf) nf = NF
		for (i = 1; i <= NF; i++) {
			cell[NR, i] = $i
			if (length($i) > w[i]) w[i] = length($i)
		}
	}
	END {
		for (r = 1; r <= NR; r++) {
			line = sprintf("%-" w[1] "s", cell[r, 1])
			for (i = 2; i <= nf; i++)
				line = line sprintf("  %" w[i] "s", cell[r, i])
			if (r == 1) {
				rule = line
				gsub(/./, "-", rule)
			}
			sub(/ +$/, "", line)
			if (r == NR)
				print rule
			print line
		}
	}' "$csv"
echo "district.sh: $K schools, $((K - unscheduled)) scheduled, $failed_verify failing verify; table in $csv" >&2
[ "$failed_verify" -eq 0 ] || exit 5
[ "$unscheduled" -eq 0 ] || exit 3
exit 0
