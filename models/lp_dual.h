/*
 * lp_dual.h - an upper bound on a maximising LP from any dual vector.
 *
 * For max c'x subject to L <= Ax <= U (row bounds) and l <= x <= u
 * (column bounds), every y gives
 *
 *   c'x = y'Ax + d'x,  d = c - A'y  (the reduced costs),
 *
 * so for every feasible x
 *
 *   c'x <= sum_i max(y_i L_i, y_i U_i) + sum_j max(d_j l_j, d_j u_j).
 *
 * The bound holds for any y whatever: the simplex's duals only make it
 * tight.  Its tolerances, presolve and scaling cannot make it wrong, since
 * nothing here assumes y optimal or even dual feasible.  A row whose term
 * would be infinite (y_i > 0 with no upper bound U_i, y_i < 0 with no
 * lower bound) has y_i taken as 0 first; a column whose term is infinite
 * (d_j > 0 with no upper bound, d_j < 0 with no lower bound) makes the
 * bound infinite.
 */
#ifndef MCL_LP_DUAL_H
#define MCL_LP_DUAL_H

#include <glpk.h>
#include <stdbool.h>

/* The largest of v * lo and v * hi over [lo, hi] for a bound type of GLPK
 * (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX); HUGE_VAL when unbounded. */
long double lp_dual_term(long double v, int type, double lo, double hi);

/* The bound above for P (a maximising LP; its matrix, bounds and
 * objective as loaded) at y[1..rows] (GLPK's 1-based layout; y[0]
 * unused).  Sums in long double.  Returns HUGE_VAL when a column's term is
 * infinite. */
double lp_dual_bound_at(glp_prob *P, const double *y);

/* lp_dual_bound_at at P's row duals from its last simplex solve. */
double lp_dual_bound(glp_prob *P);

/*
 * Solving a bound LP so that a bound is there when its time runs out.
 *
 * GLPK's dual simplex (long-step ratio test, no presolver) reaches the
 * optimum of some bound LPs six times sooner than its primal simplex, and
 * of others two to three times later (bench/TUNING.md, "The bound LP by
 * the dual simplex"); the caller chooses by the LP's shape the primal
 * simplex's share of the time (with the presolver), the dual simplex
 * getting what is left should the primal one not finish.
 *
 * The dual simplex's prices bound the LP at any time, so a dual simplex
 * stopped by its time limit still gives a bound: lp_dual_bound at its last
 * row duals y.  Past its phase 1 they are dual feasible (each reduced cost
 * d_j = c_j - A_j'y has the sign of its column's active bound), and the
 * bound, sum_i max(y_i L_i, y_i U_i) + sum_j max(d_j l_j, d_j u_j), is the
 * dual objective at y, which falls toward the LP's optimum as the dual
 * simplex goes on.  Its validity needs nothing of y (see the top): before
 * phase 1 ends, or with y off by the simplex's tolerances, the bound is
 * looser, never wrong.  Every column of a bound LP has finite bounds, so
 * it is finite.
 */
enum lp_bound_outcome {
	LP_BOUND_OPTIMAL,    /* P holds an optimal basis; bound from its duals */
	LP_BOUND_PRICES,     /* time (or it_lim) ran out in the dual simplex:
			      * bound from its last prices */
	LP_BOUND_INFEASIBLE, /* no feasible point: bound HUGE_VAL */
	LP_BOUND_NONE,       /* no optimum and no prices (a failure, a signal):
			      * bound HUGE_VAL */
};

struct lp_bound_result {
	enum lp_bound_outcome outcome;
	double bound;        /* valid upper bound on P's optimum, or HUGE_VAL */
	bool primal_ran, dual_ran;
	double seconds;
};

/* Solves P (maximising) within about seconds of wall time: the primal
 * simplex for primal_share of them (0: not at all; 1: all, no dual
 * simplex after it), the dual simplex in the time left; it_lim > 0 also
 * caps the iterations of each (the tests' deterministic stop). */
void lp_bound_solve(glp_prob *P, double seconds, double primal_share, int it_lim,
		    struct lp_bound_result *r);

#endif
