/*
 * lp_dual.c - an upper bound on a maximising LP from any dual vector (see
 * lp_dual.h for the mathematics).  The bound LP (bound_lp.c) reports this
 * rather than the simplex's objective value, so that its bound is derived,
 * not trusted: a simplex stopped at its tolerances gives duals a little off
 * optimal, and the bound from them is then a little loose, never invalid.
 */
#include "lp_dual.h"

#include <math.h>
#include <stdlib.h>

#include "engine/util.h"

/* The largest of v * lo and v * hi over [lo, hi] for a bound type of GLPK
 * (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX); HUGE_VAL when unbounded. */
long double lp_dual_term(long double v, int type, double lo, double hi)
{
	if (v == 0)
		return 0;
	bool has_lo = type == GLP_LO || type == GLP_DB || type == GLP_FX;
	bool has_hi = type == GLP_UP || type == GLP_DB || type == GLP_FX;
	if (v > 0)
		return has_hi ? v * hi : HUGE_VAL;
	return has_lo ? v * lo : HUGE_VAL;
}

double lp_dual_bound_at(glp_prob *P, const double *y)
{
	int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
	double *yy = xmalloc(sizeof(double) * ((size_t)m + 1));
	int *ind = xmalloc(sizeof(int) * ((size_t)m + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)m + 1));
	long double bound = 0;
	for (int i = 1; i <= m; i++) {
		long double t = lp_dual_term(y[i], glp_get_row_type(P, i), glp_get_row_lb(P, i),
				     glp_get_row_ub(P, i));
		yy[i] = isinf((double)t) ? 0 : y[i];
		bound += isinf((double)t) ? 0 : t;
	}
	for (int j = 1; j <= n && !isinf((double)bound); j++) {
		int len = glp_get_mat_col(P, j, ind, val);
		long double d = glp_get_obj_coef(P, j);
		for (int k = 1; k <= len; k++)
			d -= (long double)val[k] * yy[ind[k]];
		bound += lp_dual_term(d, glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j));
	}
	bound += glp_get_obj_coef(P, 0);
	free(yy);
	free(ind);
	free(val);
	/* rounded up: the conversion never lowers the bound */
	return isinf((double)bound) ? HUGE_VAL : nextafter((double)bound, HUGE_VAL);
}

double lp_dual_bound(glp_prob *P)
{
	int m = glp_get_num_rows(P);
	double *y = xmalloc(sizeof(double) * ((size_t)m + 1));
	y[0] = 0;
	for (int i = 1; i <= m; i++)
		y[i] = glp_get_row_dual(P, i);
	double b = lp_dual_bound_at(P, y);
	free(y);
	return b;
}
