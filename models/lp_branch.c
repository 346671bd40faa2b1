/*
 * lp_branch.c - a bound by branching on whole-valued expressions of an LP
 * relaxation (see lp_branch.h for the mathematics).
 */
#include "models/lp_branch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/lp_dual.h"

#define FRAC_TOL 1e-6               /* an expression this near a whole number is whole */
#define CERT_TRIES 50               /* infeasible basic variables tried for a ray */

struct fix {
	int e;
	double lo, hi;
};

struct node {
	double bound;
	int n_fix;
	struct fix *fix;
	int e;                      /* expression to split on, -1: none */
	double v;                   /* its value at the node's LP optimum */
};

struct limits {
	double lo, hi;              /* -HUGE_VAL / HUGE_VAL: none */
};

struct brancher {
	glp_prob *P;
	const struct lp_int *ints;
	int n;
	struct limits *orig;        /* [n] */
	int *touched, n_touched;    /* expressions whose limits are changed now */
};

static struct limits get_limits(glp_prob *P, const struct lp_int *x)
{
	int type = x->row ? glp_get_row_type(P, x->row) : glp_get_col_type(P, x->col);
	double lb = x->row ? glp_get_row_lb(P, x->row) : glp_get_col_lb(P, x->col);
	double ub = x->row ? glp_get_row_ub(P, x->row) : glp_get_col_ub(P, x->col);
	struct limits l = { -HUGE_VAL, HUGE_VAL };
	if (type == GLP_LO || type == GLP_DB || type == GLP_FX)
		l.lo = lb;
	if (type == GLP_UP || type == GLP_DB)
		l.hi = ub;
	if (type == GLP_FX)
		l.hi = lb;
	return l;
}

static void set_limits(glp_prob *P, const struct lp_int *x, struct limits l)
{
	int type = isinf(l.lo) ? (isinf(l.hi) ? GLP_FR : GLP_UP)
			       : (isinf(l.hi) ? GLP_LO : (l.lo == l.hi ? GLP_FX : GLP_DB));
	double lo = isinf(l.lo) ? 0 : l.lo, hi = isinf(l.hi) ? 0 : l.hi;
	if (x->row)
		glp_set_row_bnds(P, x->row, type, lo, hi);
	else
		glp_set_col_bnds(P, x->col, type, lo, hi);
}

/* Sets P's limits to those of node f[0..n_fix-1]; false when they are
 * contradictory (the half is empty). */
static bool apply(struct brancher *br, const struct fix *f, int n_fix)
{
	for (int t = 0; t < br->n_touched; t++)
		set_limits(br->P, &br->ints[br->touched[t]], br->orig[br->touched[t]]);
	br->n_touched = 0;
	for (int a = 0; a < n_fix; a++) {
		int e = f[a].e, seen = 0;
		for (int t = 0; t < br->n_touched; t++)
			seen |= br->touched[t] == e;
		if (seen)
			continue;
		struct limits l = br->orig[e];
		for (int c = a; c < n_fix; c++)
			if (f[c].e == e) {
				l.lo = f[c].lo > l.lo ? f[c].lo : l.lo;
				l.hi = f[c].hi < l.hi ? f[c].hi : l.hi;
			}
		if (l.lo > l.hi)
			return false;
		br->touched[br->n_touched++] = e;
		set_limits(br->P, &br->ints[e], l);
	}
	return true;
}

int lp_ray_proves_empty(glp_prob *P, const double *r)
{
	int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
	int *ind = xmalloc(sizeof(int) * ((size_t)m + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)m + 1));
	long double h = 0, scale = 1;
	bool finite = true;
	for (int i = 1; i <= m && finite; i++) {
		long double t = lp_dual_term(r[i], glp_get_row_type(P, i), glp_get_row_lb(P, i),
				     glp_get_row_ub(P, i));
		finite = !isinf((double)t);
		h += t;
		scale += fabsl(t);
	}
	for (int j = 1; j <= n && finite; j++) {
		int len = glp_get_mat_col(P, j, ind, val);
		long double d = 0, mag = 0;
		for (int k = 1; k <= len; k++) {
			d -= (long double)val[k] * r[ind[k]];
			mag += fabsl((long double)val[k] * r[ind[k]]);
		}
		int type = glp_get_col_type(P, j);
		long double t = lp_dual_term(d, type, glp_get_col_lb(P, j), glp_get_col_ub(P, j));
		finite = !isinf((double)t);
		h += t;
		scale += fabsl(t) + mag * (fabs(glp_get_col_lb(P, j)) + fabs(glp_get_col_ub(P, j)));
	}
	free(ind);
	free(val);
	return finite && h < -1e-9L * scale;
}

static bool basic(glp_prob *P, int k)
{
	int m = glp_get_num_rows(P);
	return (k <= m ? glp_get_row_stat(P, k) : glp_get_col_stat(P, k - m)) == GLP_BS;
}

/* How far basic variable k (1..m rows, m+1.. columns) is outside its limits. */
static double violation(glp_prob *P, int k)
{
	int m = glp_get_num_rows(P);
	const struct lp_int x = { k <= m ? k : 0, k <= m ? 0 : k - m, 0 };
	struct limits l = get_limits(P, &x);
	double v = k <= m ? glp_get_row_prim(P, k) : glp_get_col_prim(P, k - m);
	double over = v - l.hi, under = l.lo - v;
	double w = over > under ? over : under;
	return w > 1e-7 * (1 + fabs(v)) ? w : 0;
}

/* Whether the tableau row of an infeasible basic variable of P (just found
 * infeasible by the dual simplex) gives a ray proving P empty. */
static bool certify_empty(glp_prob *P)
{
	int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
	if (!glp_bf_exists(P) && glp_factorize(P) != 0)
		return false;
	int *ind = xmalloc(sizeof(int) * ((size_t)m + n + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)m + n + 1));
	double *r = xmalloc(sizeof(double) * ((size_t)m + 1));
	bool empty = false;
	int first = glp_get_unbnd_ray(P), tries = 0;
	for (int c = 0; c <= m + n && !empty && tries < CERT_TRIES; c++) {
		int k = c == 0 ? first : c;
		if (k < 1 || k > m + n || (c > 0 && k == first) || !basic(P, k) ||
		    (c > 0 && violation(P, k) == 0))
			continue;
		tries++;
		int len = glp_eval_tab_row(P, k, ind, val);
		for (int sign = 0; sign < 4 && !empty; sign++) {
			double s1 = sign & 1 ? -1 : 1, s2 = sign & 2 ? -1 : 1;
			memset(r, 0, sizeof(double) * ((size_t)m + 1));
			if (k <= m)
				r[k] = s1;
			for (int t = 1; t <= len; t++)
				if (ind[t] <= m && fabs(val[t]) > 1e-9)
					r[ind[t]] = s1 * s2 * val[t];
			empty = lp_ray_proves_empty(P, r);
		}
	}
	free(ind);
	free(val);
	free(r);
	return empty;
}

/* The most fractional expression at P's current solution, prio 0 first;
 * -1 when all are whole. */
static int choose(const struct brancher *br, double *value)
{
	for (int prio = 0; prio < 2; prio++) {
		int best = -1;
		double best_d = FRAC_TOL;
		for (int e = 0; e < br->n; e++) {
			const struct lp_int *x = &br->ints[e];
			if (x->prio != prio)
				continue;
			double v = x->row ? glp_get_row_prim(br->P, x->row) : glp_get_col_prim(br->P, x->col);
			double f = v - floor(v), d = f < 1 - f ? f : 1 - f;
			if (d > best_d) {
				best_d = d;
				best = e;
				*value = v;
			}
		}
		if (best >= 0)
			return best;
	}
	return -1;
}

/* Solves the node's LP (limits f) within seconds: its bound (-HUGE_VAL when
 * its half is proved empty), and in *e, *v the expression to split on. */
static double solve_node(struct brancher *br, const struct fix *f, int n_fix, double seconds,
			 int *e, double *v)
{
	*e = -1;
	if (!apply(br, f, n_fix))
		return -HUGE_VAL;
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.meth = GLP_DUALP;
	parm.tm_lim = seconds > 0.05 ? (int)(seconds * 1000) : 50;
	int rc = glp_simplex(br->P, &parm);
	if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
		glp_adv_basis(br->P, 0);
		rc = glp_simplex(br->P, &parm);
	}
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EITLIM)
		return HUGE_VAL;
	int status = glp_get_status(br->P);
	if (rc == 0 && status == GLP_NOFEAS && certify_empty(br->P))
		return -HUGE_VAL;
	if (rc == 0 && status == GLP_OPT)
		*e = choose(br, v);
	return lp_dual_bound(br->P);
}

void lp_branch_bound(glp_prob *P, const struct lp_int *ints, int n, double root_bound,
		     double target, double seconds, int max_nodes, struct lp_branch_result *res)
{
	double t0 = mcl_now();
	memset(res, 0, sizeof(*res));
	res->bound = root_bound;
	struct brancher br = { .P = P, .ints = ints, .n = n };
	br.orig = xmalloc(sizeof(*br.orig) * ((size_t)n + 1));
	br.touched = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (int e = 0; e < n; e++)
		br.orig[e] = get_limits(P, &ints[e]);
	int nn = 1, alloc = 64;
	struct node *nd = xmalloc(sizeof(*nd) * (size_t)alloc);
	nd[0] = (struct node){ .bound = root_bound };
	nd[0].e = choose(&br, &nd[0].v);
	for (;;) {
		int top = 0;
		for (int a = 1; a < nn; a++)
			top = nd[a].bound > nd[top].bound ? a : top;
		double left = seconds - (mcl_now() - t0);
		if (nn == 0 || nd[top].bound <= target || nd[top].e < 0 || left <= 0 ||
		    res->nodes + 2 > max_nodes)
			break;
		struct node parent = nd[top];
		nd[top] = nd[--nn];
		for (int side = 0; side < 2; side++) {
			struct node c = { .n_fix = parent.n_fix + 1 };
			c.fix = xmalloc(sizeof(struct fix) * (size_t)c.n_fix);
			if (parent.n_fix)
				memcpy(c.fix, parent.fix, sizeof(struct fix) * (size_t)parent.n_fix);
			c.fix[parent.n_fix] = side ? (struct fix){ parent.e, ceil(parent.v), HUGE_VAL }
						   : (struct fix){ parent.e, -HUGE_VAL, floor(parent.v) };
			c.bound = solve_node(&br, c.fix, c.n_fix, seconds - (mcl_now() - t0), &c.e,
					     &c.v);
			res->nodes++;
			if (c.bound == -HUGE_VAL) {
				res->pruned++;
				free(c.fix);
				continue;
			}
			c.bound = c.bound < parent.bound ? c.bound : parent.bound;
			if (nn == alloc) {
				alloc *= 2;
				nd = xrealloc(nd, sizeof(*nd) * (size_t)alloc);
			}
			nd[nn++] = c;
		}
		free(parent.fix);
	}
	/* every half proved empty cannot happen with a schedule in P; the root
	 * bound then stands, to be safe */
	double bound = nn ? -HUGE_VAL : root_bound;
	for (int a = 0; a < nn; a++) {
		bound = nd[a].bound > bound ? nd[a].bound : bound;
		res->open += nd[a].bound > target;
		free(nd[a].fix);
	}
	res->bound = bound < root_bound ? bound : root_bound;
	apply(&br, NULL, 0);
	free(nd);
	free(br.orig);
	free(br.touched);
}
