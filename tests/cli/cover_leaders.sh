#!/bin/sh
# Cover cuts count a goal's sessions in a block no more than the
# facilitators there able to lead it (issue 26).  tests/data/cover_leaders:
# the workshop zoo's seed 18 cut to 60 learners, 3 facilitators and two
# blocks (mclsched-gen --style random --seed 18 --learners 100 --model
# workshop, then the first 60 learners, facilitators and two days); labs
# of 40.  Mon1 seats 60: a lab and two workshops would need 20 in the
# workshops, and the goals someone can lead have at most 9 and 8 learners
# there (MA-03, SC-03), so each block runs two labs and one workshop.  The
# largest groups are of goals nobody can lead (EL-03 11, EL-04 9), which
# the cuts counted: 11 + 9 = 20 let the bound LP mix in a lab and two
# workshops, bound 6 645 (CBC's LP relaxation of --write-lp too), old
# builds fail here.  With the leaders counted the bound is 4 445, the
# optimum (CBC proves it), and the solve ends proven optimal, with a
# schedule verify accepts.
# Usage: sh tests/cli/cover_leaders.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum cover_leaders.sh tests/data/cover_leaders 4445 "pieces of goals with no leader; 6645 counting them"
