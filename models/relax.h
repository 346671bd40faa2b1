/*
 * relax.h - a proven upper bound on the whole workshop cycle.
 */
#ifndef MCL_RELAX_H
#define MCL_RELAX_H

#include <stdbool.h>

#include "engine/problem.h"

struct relax_result {
	double bound;       /* valid upper bound on the cycle's best objective */
	bool proven;        /* the aggregated LP reached its optimum; when
			     * false, bound is the simple sum of everything
			     * wanted, still valid but loose */
	int rows, cols;     /* size of the aggregated LP */
	double seconds;
};

/*
 * Bounds the workshop model over blocks[0..n_blocks-1] with the aggregated
 * LP described in relax.c, within about `seconds` of wall time: with
 * per-learner rows on small cycles, with blocks merged otherwise.
 */
void relax_workshop_bound(const struct problem *p, const int *blocks, int n_blocks,
			  double seconds, struct relax_result *res);

/* The same with the choice made by the caller (tests check both). */
void relax_workshop_bound_with(const struct problem *p, const int *blocks, int n_blocks,
			       bool per_learner, double seconds, struct relax_result *res);

/* Days with a block of blocks[] where learner l is available, when l can be
 * placed (problem_placeable); else 0: the most daily weights l can score. */
int relax_learner_days(const struct problem *p, int l, const int *blocks, int n_blocks);

/* The simple bound: every ready need fully scheduled (capped by the learner's
 * available blocks), every power goal met, every session a guru's. */
double relax_trivial_bound(const struct problem *p, const int *blocks, int n_blocks);

#endif
