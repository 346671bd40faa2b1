#!/bin/sh
# A seminar block's labs and meetings are led by facilitators available in
# that block (issue 26).  tests/data/seminar_staff: 20 learners, one day;
# a 10-seat seminar of 2 meetings that only F1 (not in Mon1) can lead; Mon2
# has two more facilitators, Mon3 only F4, who has max_sessions 1 and may
# instead lead the Science workshop in Mon1.  The seminar (10 x (50 + 40)
# = 900) or the workshop (10 x (10 + 40) = 500): the optimum is 900 (CBC on
# --write-lp proves it).  Counting the seminar blocks' facilitator time
# together let the bound LP staff Mon3's lab with Mon2's spare facilitators
# and give F4 to the workshop: bound 1 400, old builds fail here.  Now the
# bound is 900 and the solve ends proven optimal.
# Usage: sh tests/cli/seminar_staff.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum seminar_staff.sh tests/data/seminar_staff 900 "1400 with the seminar blocks' facilitator time pooled"
