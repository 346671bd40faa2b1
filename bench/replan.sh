#!/bin/sh
# bench/replan.sh - issue 27's targets for replan and locks, measured once
# (in `make bench` on two schools, bench/run.sh; about 2 * SOLVE + 4 *
# REPLAN seconds of solving).
#
#   sh bench/replan.sh [BUILD] [SOLVE_SECONDS] [REPLAN_SECONDS]
#
# On the generator's 1500-learner combination school (mclsched-gen
# --learners 1500 --seed 1 --model combination), solved in SOLVE_SECONDS
# (default 30):
#  1. the facilitator leading the most workshop sessions on the last two
#     days (and no seminar) made unavailable there; `replan --after` the
#     last block of the second day in REPLAN_SECONDS (default 15): verified,
#     solve_seconds, the share of later learner-blocks not involving that
#     facilitator before that are unchanged, the objective against a fresh
#     `solve` of the changed school in REPLAN_SECONDS, the bound reported;
#  2. 50 random locks (40 learner pins, 10 session pins, drawn with seed 1
#     from the first schedule, so a schedule keeping them all exists),
#     `solve` in REPLAN_SECONDS: verified (every lock holds), gap, seconds.
# Prints one line per figure.  Run it under `nice` on a shared machine.
# GEN_ARGS: the school's mclsched-gen arguments instead (a zoo school:
# "--style random --seed 6 --learners 300 --model combination"; it needs 4
# days at least).  ROW=FILE appends the figures as one row of RESULTS.md's
# replan table (bench/run.sh: `make bench`).
# KEEP=1 keeps the files (the directory is printed); FAC=F001 makes that
# facilitator the absent one.
set -eu
BUILD=${1:-build}
S=${2:-30}
R=${3:-15}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-replan-bench-XXXXXX)
[ -n "${KEEP:-}" ] && echo "kept in $T" >&2 || trap 'rm -rf "$T"' EXIT
metric() { awk -F, -v m="$2" '$1 == m { print $2; exit }' "$1/summary.csv"; }

GEN_ARGS=${GEN_ARGS:---learners 1500 --seed 1 --model combination}
# shellcheck disable=SC2086
"$BUILD/mclsched-gen" $GEN_ARGS -o "$T/s" >/dev/null 2>&1
"$BIN" solve "$T/s" -o "$T/prev" -q --time-limit "$S"
echo "first solve ($S s): objective $(metric "$T/prev" objective)"

# the last two days and the last block of the second day
days=$(awk -F, 'NR > 1 && !seen[$2]++ { print $2 }' "$T/s/blocks.csv")
n=$(echo "$days" | wc -l)
late=$(echo "$days" | tail -2 | tr '\n' ' ')
d2=$(echo "$days" | sed -n 2p)
after=$(awk -F, -v d="$d2" 'NR > 1 && $2 == d { b = $1 } END { print b }' "$T/s/blocks.csv")
[ "$n" -ge 4 ] || { echo "replan bench: the school has $n days, needs 4" >&2; exit 1; }
fac=$(awk -F, -v late=" $late" 'NR == FNR { if (FNR > 1) day[$1] = $2; next }
	FNR > 1 { if ($3 == "seminar") sem[$7] = 1
		  else if ($3 == "workshop" && index(late, " " day[$5] " ")) n[$7]++ }
	END { for (f in n) if (!(f in sem) && n[f] > best) { best = n[f]; who = f }; print who }' \
	"$T/s/blocks.csv" "$T/prev/sessions.csv")
fac=${FAC:-$fac}        # FAC=F001: that facilitator absent instead
blocks=$(awk -F, -v late=" $late" 'NR > 1 && index(late, " " $2 " ") { printf "%s%s", s, $1; s = ";" }' \
	"$T/s/blocks.csv")
cp -r "$T/s" "$T/sick"
awk -F, -v OFS=, -v f="$fac" -v b="$blocks" '$1 == f { $4 = b } 1' "$T/s/facilitators.csv" \
	>"$T/sick/facilitators.csv"

start=$(date +%s.%N)
"$BIN" replan "$T/sick" "$T/prev" -o "$T/re" --after "$after" -q --time-limit "$R" ||
	echo "replan: exit $?" >&2
wall=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
"$BIN" verify "$T/sick" "$T/re" >/dev/null 2>&1 && ok=verified || ok="NOT verified"
"$BIN" solve "$T/sick" -o "$T/fresh" -q --time-limit "$R"
# later learner-blocks whose previous session the absent facilitator did not
# lead, and how many of them changed (changes.csv)
awk -F, -v f="$fac" -v a="$after" '
	FILENAME ~ /blocks.csv$/ { if (FNR > 1) { ord[$1] = FNR; if ($1 == a) cut = FNR }; next }
	FILENAME ~ /sessions.csv$/ { if (FNR > 1) lead[$1] = $7; next }
	FILENAME ~ /timetable.csv$/ { if (FNR > 1 && ord[$2] > cut && $3 != "" && lead[$3] != f)
					other[$1 "," $2] = 1; next }
	FNR > 1 && ($1 "," $2) in other { moved++ }
	END { n = length(other); printf "%d %d %.2f\n", n, moved, 100 * (n - moved) / n }' \
	"$T/s/blocks.csv" "$T/prev/sessions.csv" "$T/prev/timetable.csv" "$T/re/changes.csv" \
	>"$T/kept"
read -r others moved pct <"$T/kept"
o_re=$(metric "$T/re" objective)
o_fr=$(metric "$T/fresh" objective)
echo "replan: $fac absent $blocks, --after $after, $R s: $ok, solve_seconds" \
     "$(metric "$T/re" solve_seconds) (wall $wall)"
echo "replan: $pct% of $others later learner-blocks not led by $fac unchanged ($moved moved);" \
     "learner_blocks_changed $(metric "$T/re" learner_blocks_changed)"
echo "replan: objective $o_re, fresh solve $o_fr ($(echo "$o_re $o_fr" |
	awk '{ printf "%+.2f%%", 100 * ($1 - $2) / $2 }')); bound $(metric "$T/re" bound)," \
     "gap $(metric "$T/re" gap)"

# 50 random locks from the first schedule: 40 learner pins, 10 session pins
awk -F, 'FILENAME ~ /sessions.csv$/ { if (FNR > 1) { kind[$1] = $3; fac[$1] = $7; off[$1] = $4;
						       room[$1] = $6; blk[$1] = $5 }; next }
	FNR > 1 && $3 != "" { cell[++n] = $0 }
	END { srand(1); print "block_id,learner_id,facilitator_id,offering_id,room_id"
	      for (k = 0; k < 40; ) { split(cell[int(rand() * n) + 1], c, ",")
				      if (c[1] in done || (kind[c[3]] == "seminar")) continue
				      done[c[1]] = 1; k++
				      print c[2] "," c[1] ",," (kind[c[3]] == "lab" ? "lab" : off[c[3]]) "," }
	      m = 0; for (s in kind) ids[++m] = s
	      for (k = 0; k < 10; ) { s = ids[int(rand() * m) + 1]
				      if (kind[s] != "workshop" || s in used) continue
				      used[s] = 1; k++
				      print blk[s] ",," fac[s] "," off[s] "," room[s] } }' \
	"$T/prev/sessions.csv" "$T/prev/timetable.csv" >"$T/locks.csv"
cp -r "$T/s" "$T/locked"
cp "$T/locks.csv" "$T/locked/locks.csv"
"$BIN" check "$T/locked" >/dev/null 2>&1 || { echo "locks: check refuses the drawn locks" >&2; exit 1; }
lk_start=$(date +%s.%N)
if "$BIN" solve "$T/locked" -o "$T/lk" -q --time-limit "$R"; then
	lk_wall=$(echo "$lk_start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
	"$BIN" verify "$T/locked" "$T/lk" >/dev/null 2>&1 && lk_ok=verified || lk_ok="NOT verified"
	echo "locks: 50 (40 learner, 10 session), $R s: $lk_ok, objective $(metric "$T/lk" objective)," \
	     "gap $(metric "$T/lk" gap), solve_seconds $(metric "$T/lk" solve_seconds) (wall $lk_wall)"
else
	lk_ok="exit $?"
	echo "locks: 50 (40 learner, 10 session), $R s: solve $lk_ok"
fi
pct2() { awk -v g="$1" 'BEGIN { if (g != "") printf "%.2f", 100 * g }'; }
[ -z "${ROW:-}" ] || printf '| `%s` | %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) |\n' \
	"$GEN_ARGS" "$fac" "$after" "$S / $R" "$ok" "$(metric "$T/re" solve_seconds)" "$wall" \
	"$(metric "$T/re" learner_blocks_changed_pct)" "$pct" "$o_re" "$o_fr" \
	"$(echo "$o_re $o_fr" | awk '{ printf "%+.2f", 100 * ($1 - $2) / $2 }')" \
	"$(metric "$T/re" bound)" "$(pct2 "$(metric "$T/re" gap)")" "$lk_ok" \
	"$(pct2 "$(metric "$T/lk" gap 2>/dev/null)")" "$(metric "$T/lk" solve_seconds 2>/dev/null)" \
	"${lk_wall:-}" >>"$ROW"
