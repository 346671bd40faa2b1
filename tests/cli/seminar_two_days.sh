#!/bin/sh
# A learner's day is paid once however many of their seminars meet on it
# (issue 26).  tests/data/seminar_two_days: one day, a workshop block no
# learner can use and two seminar blocks; seminars_per_learner = 2; SEM1
# and SEM2, one meeting and one seat each; A chose SEM1 (rank 1) and SEM2
# (rank 2), B only SEM2 (rank 3).  The seminar search valued each seat with
# its own daily weight: A's second seminar 30 + 40 against B's 15 + 40, so
# old builds give A both, 50 + 30 + 40 = 120.  The day is A's once: B's
# seat is worth more, 50 + 40 + 15 + 40 = 145, the optimum (CBC on
# --write-lp proves it) and the bound, so the solve ends proven optimal.
# Usage: sh tests/cli/seminar_two_days.sh [BUILD]
set -u
BUILD=${BUILD:-${1:-build}}
. tests/support/optimum.sh
expect_optimum seminar_two_days.sh tests/data/seminar_two_days 145 "the old search gave one learner both seminars: 120"
