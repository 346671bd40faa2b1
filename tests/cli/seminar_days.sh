#!/bin/sh
# A seminar's meetings cover no more of a learner's days than the days with
# a seminar block (issue 26).  tests/data/seminar_days: one day, a workshop
# block whose area none of the 20 learners needs (all in the lab) and two
# seminar blocks; one seminar of 2 meetings and 10 seats that everyone
# chose.  Only the 10 enrolled can have their day: 10 x (50 + 40) = 900,
# the optimum (CBC on --write-lp proves it).  Counting each meeting as a
# day let the bound LP enrol all 20 by halves, each half a day's worth
# twice: bound 1 300, old builds fail here.  Now the bound is 900 and the
# solve ends proven optimal, with a schedule verify accepts.
# Usage: sh tests/cli/seminar_days.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum seminar_days.sh tests/data/seminar_days 900 "a 2-meeting seminar covers one day; 1300 counting each meeting"
