/*
 * bound_lp_unlinked.h - a bound of the merged bound LP (bound_lp.c) ready in
 * a fraction of the simplex's time, found beside it.
 *
 * The LP without its need-link rows (t[q] <= sum_{b in B_q} N[g,b]: a
 * relaxation, whose optimum bounds the LP's) by the interior-point method,
 * which is fast on it and slow with all those rows; then again with the
 * link rows its solution violates, while a round lowers the bound by
 * UNLINKED_GAIN or more.  Its duals, the rows left out priced 0, are
 * prices of the whole LP, so each round's bound is lp_dual_bound_at on the
 * whole LP (lp_dual.h): valid whatever the tolerances.  glp_interior has no
 * time limit: the rounds run in a child process, which writes its best
 * bound to a shared page as it goes; unlinked_end reads it and stops the
 * child.
 */
#ifndef MCL_BOUND_LP_UNLINKED_H
#define MCL_BOUND_LP_UNLINKED_H

#include <glpk.h>

#include "models/child.h"

/* The LP and its link rows [1..n_link]. */
struct unlinked_lp {
	glp_prob *P;
	const int *link;
	int n_link;
};

struct unlinked {
	struct child ch;
	volatile double *best;    /* the shared page, or NULL: no child */
};

/* Starts the rounds on x (nothing without link rows or a child). */
void unlinked_start(const struct unlinked_lp *x, struct unlinked *u);

/* The rounds' best bound so far (HUGE_VAL: none), their child stopped. */
double unlinked_end(struct unlinked *u);

#endif
