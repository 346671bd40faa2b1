#!/bin/sh
# The quality of a locked solve: on the generator's 50-learner 2-day
# workshop school (seed 2) with 12 locks drawn from one of its schedules
# (10 learner pins, 2 session pins), `solve` reaches the locked optimum
# 20270 (GLPK's exact cycle model with the pins proves it; the schedule the
# locks were drawn from scores it too), verified.  The build before the
# locked search (models/replan_polish.c) stopped at 19380 at most, at any
# time limit: the pinned sessions and the rest were never searched
# together.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-locks-quality-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "locks_quality.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

"$BUILD/mclsched-gen" --learners 50 --seed 2 --days 2 --model workshop -o "$T/s" >/dev/null 2>&1 ||
	fail "mclsched-gen"
cat >"$T/s/locks.csv" <<'CSV'
block_id,learner_id,facilitator_id,offering_id,room_id
Mon1,L0043,,CT-05,
Tue2,L0020,,lab,
Mon2,L0040,,lab,
Tue1,L0046,,SS-04,
Mon1,L0011,,CT-05,
Tue3,L0017,,MA-02,
Mon3,L0039,,lab,
Mon1,L0015,,lab,
Tue2,L0028,,SC-04,
Tue3,L0024,,SS-05,
Mon3,,F001,MA-05,R009
Mon3,,F003,MA-04,R005
CSV
"$BIN" solve "$T/s" -o "$T/o" -q --time-limit 4 2>"$T/err"
rc=$?
[ $rc -eq 0 ] || fail "locked solve: exit $rc: $(cat "$T/err")"
"$BIN" verify "$T/s" "$T/o" >"$T/v" 2>&1 || fail "locked schedule not verified: $(cat "$T/v")"
obj=$(awk -F, '$1 == "objective" { print $2 }' "$T/o/summary.csv" 2>/dev/null)
awk -v o="${obj:-0}" 'BEGIN { exit !(o >= 20270 - 1e-6) }' ||
	fail "locked objective ${obj:-none}, below the locked optimum 20270"
bound=$(awk -F, '$1 == "bound" { print $2 }' "$T/o/summary.csv" 2>/dev/null)
awk -v b="${bound:-0}" 'BEGIN { exit !(b >= 20270 - 1e-6) }' ||
	fail "bound ${bound:-none} below the locked schedule's 20270"

[ $fails -eq 0 ] && echo "locks_quality.sh: ok"
exit $((fails > 0))
