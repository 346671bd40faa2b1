/*
 * bound_lp_learner.h - the per-learner rows of the bound LP (bound_lp.c, "Per-learner
 * rows"): x[q,b], the part of need q met in block b, for small cycles.
 */
#ifndef MCL_BOUND_LP_LEARNER_H
#define MCL_BOUND_LP_LEARNER_H

#include <glpk.h>

#include "engine/problem.h"
#include "models/lp_build.h"

/* One learner's rows as they are made, and the seat rows of every goal
 * and block. */
struct per_learner {
	const struct problem *p;
	const int *blocks;
	int n_blocks;
	int *one;      /* [n_blocks]: the learner's "one session" row, 0 before use */
	int *lab;      /* [n_blocks]: the learner's "in the lab only where one runs" row */
	int *seats;    /* [goal * nb + b]: u[g,b] = sum_q x[q,b], 0 before use */
	int *day;      /* [n_days]: the learner's "a day needs a session" row,
			* 0 when the day has no daily weight to earn, or NULL */
};

/* x[q,b] for need column jt (goal g, learner l) in every block b where it
 * can be met: t[q] = sum_b x[q,b], x enters l's rows in b and u[g,b].
 * Blocks are not merged here: the LP's block b is blocks[b]. */
void bound_lp_add_seats(glp_prob *P, struct triplets *t, struct per_learner *pl, int jt, int g,
			int l, const int *colN, const int *colU);

#endif
