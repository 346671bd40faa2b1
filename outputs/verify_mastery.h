/*
 * verify_mastery.h - who has mastered what, as verify reads it, on its own.
 */
#ifndef MCL_VERIFY_MASTERY_H
#define MCL_VERIFY_MASTERY_H

#include <stdbool.h>

#include "engine/problem.h"

/*
 * A table [n_learners * n_goals] (caller frees) of whether learner l has
 * mastered goal g, computed apart from the loader's arithmetic: the scores
 * are re-read as text from p->dir's progress.csv and compared with
 * `mastery` as decimal digit strings (mastery's digits from the double
 * config.mastery printed to DECIMAL_PLACES, which the loader has checked
 * it holds exactly).  *progress_known says whether progress.csv gave any
 * score (without one the contract takes prerequisites as met).  A problem
 * whose directory has no progress.csv (tests build problems in memory) uses
 * its loaded scores, printed as decimals, through the same comparison.
 */
bool *verify_mastery_read(const struct problem *p, bool *progress_known);

/* Whether need q may be scheduled by the table of verify_mastery_read:
 * every prerequisite of its goal mastered, and with `needs = derive` the
 * goal itself not (the loader derives needs for such goals only).  Without
 * progress (progress_known false) every need is ready. */
bool verify_need_ready(const struct problem *p, const bool *mastered, bool progress_known,
		       int q);

/* Compares two decimals written as digits with at most one '.', exactly:
 * <0, 0 or >0 as a is below, equal to or above b. */
int verify_decimal_cmp(const char *a, const char *b);

#endif
