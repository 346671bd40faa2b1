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
. tests/support/optimum.sh
expect_optimum cover_rooms.sh tests/data/cover_rooms 6800 "labs counted room by room; 10200 counted at 40 each"
