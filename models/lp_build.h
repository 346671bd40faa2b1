/*
 * lp_build.h - small helpers every model uses to build a GLPK problem: a
 * growing triplet list for the matrix (loaded once with glp_load_matrix, as
 * GLPK wants), and one-call column and row creation with bounds.
 */
#ifndef MCL_LP_BUILD_H
#define MCL_LP_BUILD_H

#include <glpk.h>
#include <stddef.h>

/* Matrix entries, 1-based as GLPK's arrays: ia[1..n], ja[1..n], ar[1..n]. */
struct triplets {
	int *ia, *ja;
	double *ar;
	size_t n, alloc;
};

void triplets_add(struct triplets *t, int row, int col, double val);

/* glp_load_matrix(P, t) and frees t's arrays. */
void triplets_load(struct triplets *t, glp_prob *P);

/* Adds a column of kind GLP_CV/GLP_IV/GLP_BV with bounds [lb, ub] (ub of
 * DBL_MAX: no upper bound; ub <= lb: fixed at lb) and objective obj;
 * returns its index. */
int lp_add_col(glp_prob *P, int kind, double lb, double ub, double obj);

/* Raises column j's lower bound to lo, never above its upper bound (a
 * pin's least count where the column's range allows fewer). */
void lp_raise_col_lb(glp_prob *P, int j, double lo);

/* Adds a row of GLPK bound type (GLP_UP, GLP_LO, GLP_FX, ...). */
int lp_add_row(glp_prob *P, int type, double lb, double ub);

#endif
