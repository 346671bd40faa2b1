/*
 * bound_lp.h - a proven upper bound on the whole cycle.
 */
#ifndef MCL_BOUND_LP_H
#define MCL_BOUND_LP_H

#include <stdbool.h>

#include "engine/problem.h"

struct bound_lp_result {
	double bound;       /* valid upper bound on the cycle's best objective */
	bool proven;        /* the aggregated LP reached its optimum; when
			     * false, bound is the simple sum of everything
			     * wanted, still valid but loose */
	int rows, cols;     /* size of the aggregated LP */
	long nonzeros;
	double seconds;
};

/*
 * Bounds the cycle over the workshop blocks blocks[0..n_blocks-1] and the
 * seminar blocks sem_blocks[0..n_sem-1] (either list may be empty) with the
 * aggregated LP described in bound_lp.c, within about `seconds` of wall time:
 * with per-learner rows on small cycles, with blocks merged otherwise.  The
 * two kinds of blocks share the facilitators' max_sessions, the learners'
 * lab credit, power goal and daily weight in one LP, so the bound is valid
 * for the combined cycle.
 */
void bound_lp_cycle(const struct problem *p, const int *blocks, int n_blocks,
		       const int *sem_blocks, int n_sem, double seconds, struct bound_lp_result *res);

/* The same with the choice made by the caller (tests check both). */
void bound_lp_cycle_with(const struct problem *p, const int *blocks, int n_blocks,
			    const int *sem_blocks, int n_sem, bool per_learner, double seconds,
			    struct bound_lp_result *res);

/* Days with a block the model schedules where learner l is available, when
 * l can be placed (problem_placeable); else 0: the most daily weights l can
 * score. */
int bound_lp_learner_days(const struct problem *p, int l);

/* The most learner l's ready need-sessions and power goal can score in
 * avail blocks, for need values of any shape (heaviest sessions first, or
 * the heaviest priority-1 session with the power goal and the heaviest of
 * the rest, whichever is more). */
double bound_lp_learner_needs(const struct problem *p, int l, int avail);

/* The simple bound: per learner bound_lp_learner_needs over its available
 * blocks, the heaviest eligible seminar choices, every day covered; every
 * session a guru's.  Valid for weights of any shape. */
double bound_lp_trivial(const struct problem *p, const int *blocks, int n_blocks,
			   const int *sem_blocks, int n_sem);

#endif
