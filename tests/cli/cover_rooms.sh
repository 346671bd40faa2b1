#!/bin/sh
# Cover cuts that count rooms one at a time (issue 26).  tests/data/
# cover_rooms: 95 learners, labs of up to 40 in one 40-seat room and
# 20-seat ones, workshops of 10; Mon1 has 4 facilitators and rooms (a
# workshop and 3 labs seat 10 + 40 + 20 + 20 = 90 < 95: no workshop can
# run), Tue1 5 (2 workshops and 3 labs seat 100, 3 and 2 only 90).  Labs
# counted at 40 each let the bound LP run half a workshop more in each
# block: bound 10 200, old builds fail here.  Counted
# room by room, the bound is the optimum, 6 800 (CBC on --write-lp proves
# it), so the solve ends proven optimal, with a schedule verify accepts.
# Usage: sh tests/cli/cover_rooms.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-cover-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "cover_rooms.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
metric() { awk -F, -v m="$2" '$1 == m {print $2; exit}' "$1/summary.csv"; }

dir=tests/data/cover_rooms
rc=0
"$BIN" solve "$dir" -o "$T/out" --time-limit 5 -q 2>"$T/err" || rc=$?
if [ "$rc" -ne 0 ]; then
	fail "exit $rc: $(head -c 300 "$T/err")"
else
	"$BIN" verify "$dir" "$T/out" >"$T/v" 2>&1 || fail "verify: $(head -c 300 "$T/v")"
	o=$(metric "$T/out" objective)
	b=$(metric "$T/out" bound)
	awk -v o="$o" 'BEGIN {exit !(o == 6800)}' || fail "objective $o, want 6800 (CBC's optimum)"
	awk -v b="$b" 'BEGIN {exit !(b >= 6800 - 1e-6 && b <= 6800 + 1e-3)}' ||
		fail "bound $b, want 6800 (labs counted room by room; 10200 counted at 40 each)"
	grep -q "^status,optimal$" "$T/out/summary.csv" ||
		fail "status $(metric "$T/out" status), want optimal"
fi

[ "$fails" -eq 0 ] && echo "cover_rooms.sh: ok" >&2
[ "$fails" -eq 0 ]
