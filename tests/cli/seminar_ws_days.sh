#!/bin/sh
# A learner with no seminar covers at most T_l days, the days their
# workshop sessions can take (issue 26).  tests/data/seminar_ws_days: two
# days of a workshop block and a seminar block; 20 learners, each one
# session of one goal (T_l = 1 of 2 days), one 2-meeting seminar of 10 seats
# that everyone chose.  Every learner gets the session and its day, the 10
# enrolled their second day too: 20 x 10 + 10 x 50 + 30 x 40 = 1 900, the
# optimum (CBC on --write-lp proves it; its LP relaxation gives 2 300).
# The row delta <= t + 2 e let the bound LP enrol all 20 by halves, each
# half a whole day: bound 2 300, old builds fail here.  With
# delta <= T_l + min(m, E_l, D_l - T_l) e the bound is 1 900 and the solve
# ends proven optimal, with a schedule verify accepts.
# Usage: sh tests/cli/seminar_ws_days.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum seminar_ws_days.sh tests/data/seminar_ws_days 1900 "a seminar adds one day to a one-session learner; 2300 counting both meetings"
