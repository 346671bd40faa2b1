/*
 * lp_build.c - triplets, columns and rows for GLPK models (see lp_build.h).
 */
#include "lp_build.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

void triplets_add(struct triplets *t, int row, int col, double val)
{
	if (t->n + 2 > t->alloc) {
		size_t a = t->alloc, b = t->alloc, c = t->alloc;
		xgrow((void **)&t->ia, &a, t->n + 2, sizeof(int));
		xgrow((void **)&t->ja, &b, t->n + 2, sizeof(int));
		xgrow((void **)&t->ar, &c, t->n + 2, sizeof(double));
		t->alloc = a;
	}
	t->n++;
	t->ia[t->n] = row;
	t->ja[t->n] = col;
	t->ar[t->n] = val;
}

void triplets_load(struct triplets *t, glp_prob *P)
{
	glp_load_matrix(P, (int)t->n, t->ia, t->ja, t->ar);
	free(t->ia);
	free(t->ja);
	free(t->ar);
	memset(t, 0, sizeof(*t));
}

int lp_add_col(glp_prob *P, int kind, double lb, double ub, double obj)
{
	int j = glp_add_cols(P, 1);
	glp_set_col_kind(P, j, kind);
	if (ub >= DBL_MAX)
		glp_set_col_bnds(P, j, GLP_LO, lb, 0);
	else if (ub <= lb)
		glp_set_col_bnds(P, j, GLP_FX, lb, lb);
	else
		glp_set_col_bnds(P, j, GLP_DB, lb, ub);
	glp_set_obj_coef(P, j, obj);
	return j;
}

void lp_raise_col_lb(glp_prob *P, int j, double lo)
{
	int type = glp_get_col_type(P, j);
	double ub = glp_get_col_ub(P, j);
	bool upper = type == GLP_DB || type == GLP_FX;
	if (upper && lo > ub)
		lo = ub;
	if (lo <= glp_get_col_lb(P, j))
		return;
	glp_set_col_bnds(P, j, !upper ? GLP_LO : lo < ub ? GLP_DB : GLP_FX, lo, ub);
}

int lp_add_row(glp_prob *P, int type, double lb, double ub)
{
	int i = glp_add_rows(P, 1);
	glp_set_row_bnds(P, i, type, lb, ub);
	return i;
}
