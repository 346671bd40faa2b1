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

#endif
