/*
 * lp_branch.h - a tighter upper bound on a maximising integer problem from
 * its LP relaxation, by branching on quantities that are whole numbers in
 * every schedule (a count of sessions in a block, a binary column).
 *
 * Let P be a relaxation of the schedules' set S (every schedule is a point
 * of P) and e_1..e_n linear expressions (a row's activity or a column) that
 * take whole values at every point of S.  For a whole number t, S lies in
 * {e <= t} union {e >= t + 1}, so the largest upper bound of the two
 * halves bounds S; recursively, the largest bound over the leaves of any
 * such tree of halves bounds S.  Each leaf's bound is the dual bound
 * (lp_dual.h) of P with the leaf's limits on e, valid for any row prices,
 * so a leaf stopped early or solved within tolerances still bounds its
 * half.  A leaf is dropped only when a Farkas ray proves its half empty:
 * row prices r with sum_i max(r_i L_i, r_i U_i) + sum_j max(d_j l_j,
 * d_j u_j) < 0 for d = -A'r, since every point of the half has
 * r'(Ax) - r'A x = 0; the ray is read from the simplex tableau row of an
 * infeasible basic variable and checked here in long double, not trusted.
 * A child's bound is also capped by its parent's (its half lies inside).
 * Best first: the leaf of largest bound is split on its most fractional e,
 * until that largest bound is at most target, or e is whole there, or the
 * time or node limit is reached.
 */
#ifndef MCL_LP_BRANCH_H
#define MCL_LP_BRANCH_H

#include <glpk.h>

/* A whole-valued expression: row's activity (col 0) or column col (row 0);
 * prio 0 is split before prio 1. */
struct lp_int {
	int row, col;
	int prio;
};

struct lp_branch_result {
	double bound;
	int nodes;                  /* LPs solved after the root */
	int pruned;                 /* halves proved empty */
	int open;                   /* leaves left with bound above target */
};

/*
 * P: a maximising LP just solved to optimality (its basis the warm start),
 * with root_bound = lp_dual_bound(P).  Branches on ints[0..n-1] for at most
 * seconds and max_nodes LPs; returns the largest leaf bound (<= root_bound)
 * in res.  P's bounds are restored on return.
 */
void lp_branch_bound(glp_prob *P, const struct lp_int *ints, int n, double root_bound,
		     double target, double seconds, int max_nodes, struct lp_branch_result *res);

/* Whether row prices r[1..rows] prove P's feasible set empty (see above). */
int lp_ray_proves_empty(glp_prob *P, const double *r);

#endif
