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
#include <string.h>

#include "engine/util.h"
#include "models/glpk_run.h"

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

/* One run of GLPK's simplex on P within seconds and it_lim iterations (0:
 * no cap): the primal one with the presolver, or the dual one without it
 * from P's basis, its long-step ratio test on (a third of the iterations on
 * the bound LPs, bench/TUNING.md).  Returns glp_simplex's code. */
static int run_simplex(glp_prob *P, int meth, double seconds, int it_lim)
{
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.meth = meth;
	smcp.presolve = meth == GLP_PRIMAL ? GLP_ON : GLP_OFF;
	if (meth == GLP_DUAL)
		smcp.r_test = GLP_RT_FLIP;
	smcp.tm_lim = seconds * 1000 > 1 ? (int)(seconds * 1000) : 1;
	if (it_lim > 0)
		smcp.it_lim = it_lim;
	return glp_simplex(P, &smcp);
}

void lp_bound_solve(glp_prob *P, double seconds, double primal_share, int it_lim,
		    struct lp_bound_result *r)
{
	double t0 = mcl_now();
	memset(r, 0, sizeof(*r));
	r->bound = HUGE_VAL;
	int rc = -1;
	if (primal_share > 0 && !mip_interrupted) {
		rc = run_simplex(P, GLP_PRIMAL, primal_share * seconds, it_lim);
		r->primal_ran = true;
	}
	if (rc != 0 && primal_share < 1 && !mip_interrupted) {
		/* the presolver keeps no basis: the dual starts from P's own */
		lp_scale_quiet(P);
		double left = seconds - (mcl_now() - t0);
		rc = run_simplex(P, GLP_DUAL, left > 0 ? left : 0, it_lim);
		r->dual_ran = true;
	}
	int st = glp_get_status(P);
	if (rc == 0 && st == GLP_OPT) {
		r->outcome = LP_BOUND_OPTIMAL;
		r->bound = lp_dual_bound(P);
	} else if (rc == 0 && st == GLP_NOFEAS) {
		r->outcome = LP_BOUND_INFEASIBLE;
	} else if (r->dual_ran && (rc == GLP_ETMLIM || rc == GLP_EITLIM || rc == GLP_ESTOP)) {
		r->outcome = LP_BOUND_PRICES;
		r->bound = lp_dual_bound(P);
	} else {
		r->outcome = LP_BOUND_NONE;
	}
	if (!(r->bound < HUGE_VAL)) {   /* NaN or infinite: no bound */
		r->bound = HUGE_VAL;
		if (r->outcome != LP_BOUND_INFEASIBLE)
			r->outcome = LP_BOUND_NONE;
	}
	r->seconds = mcl_now() - t0;
}
