/*
 * exact_shortfall.h - when no schedule is found: whether the exact cycle
 * model's LP relaxation can seat every learner, and if it cannot, where
 * and what binds, in words.
 */
#ifndef MCL_EXACT_SHORTFALL_H
#define MCL_EXACT_SHORTFALL_H

#include "engine/problem.h"

/* The exact workshop cycle MIP over blocks (cycle_mip_build) relaxed to an
 * LP, every learner's "one option a block" row given a slack that costs 1:
 * when that LP's dual bound proves the slacks cannot all be 0, no schedule
 * exists, and the diagnosis returned (caller frees) says by how much, in
 * which blocks and which rules the LP prices.  NULL when the LP seats
 * everyone, is too large (more than max_cols columns) or ends unsolved
 * within seconds: then nothing is proven. */
char *exact_shortfall(const struct problem *p, const int *blocks, int n_blocks, long max_cols,
		      double seconds);

/* How exact_shortfall_within solves the LP: at most max_cols columns
 * (cycle_mip_size), within seconds of wall time; iterations > 0 also stops
 * the simplex after that many iterations, a stop that does not depend on
 * the machine's load (the generator's); presolve runs GLPK's presolver
 * first (several times fewer iterations on the large cycles, but a
 * simplex stopped early then leaves no prices: nothing is proven). */
struct shortfall_limits {
	long max_cols;
	double seconds;
	int iterations;
	bool presolve;
};

/* exact_shortfall under lim (exact_shortfall is it with no iteration limit
 * and no presolver). */
char *exact_shortfall_within(const struct problem *p, const int *blocks, int n_blocks,
			     const struct shortfall_limits *lim);

#endif
