/*
 * bound_simple.h - the simple bound on a cycle's objective, valid for
 * weights of any shape, computed without an LP (see bound_simple.c).
 */
#ifndef MCL_BOUND_SIMPLE_H
#define MCL_BOUND_SIMPLE_H

#include "engine/problem.h"

/* Blocks of list[0..n-1] where learner l is available. */
int bound_simple_learner_avail(const struct problem *p, int l, const int *list, int n);

/* Days with a block of list[0..n-1] where learner l is available. */
int bound_simple_learner_days_in(const struct problem *p, int l, const int *list, int n);

/* Days with a block the model schedules where learner l is available, when
 * l can be placed (problem_placeable); else 0: the most daily weights l can
 * score. */
int bound_simple_learner_days(const struct problem *p, int l);

/* The most learner l's ready need-sessions and power goal can score in
 * avail blocks, for need values of any shape (heaviest sessions first, or
 * the heaviest priority-1 session with the power goal and the heaviest of
 * the rest, whichever is more). */
double bound_simple_learner_needs(const struct problem *p, int l, int avail);

/* The simple bound: per learner bound_simple_learner_needs over its available
 * blocks, the heaviest eligible seminar choices, every day covered; every
 * session a guru's.  Valid for weights of any shape. */
double bound_simple_cycle(const struct problem *p, const int *blocks, int n_blocks,
			  const int *sem_blocks, int n_sem);

#endif
