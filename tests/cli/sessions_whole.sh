#!/bin/sh
# The bound LP branched on its sessions per block, whole in every schedule
# (issue 26).  tests/data/sessions_whole: the workshop zoo's seed 18 cut to
# 85 learners, 5 facilitators and three blocks (mclsched-gen --style random
# --seed 18 --learners 100 --model workshop, then the first 85 learners, 5
# facilitators and three days); labs of 40.  The LP's optimum, 20 884.5,
# runs fractions of labs and workshops, mixes of block plans the learners'
# needs do not allow together; CBC on --write-lp proves the optimum 18 365
# (its LP relaxation 20 691).  Old builds report 20 884.5 and fail here;
# branched on the labs and then each goal's sessions per block, the bound
# is 18 365, and the solve ends proven optimal, with a schedule verify
# accepts.
# Usage: sh tests/cli/sessions_whole.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum sessions_whole.sh tests/data/sessions_whole 18365 "whole sessions per block; 20884.5 at the LP's optimum"
