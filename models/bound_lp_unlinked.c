/*
 * bound_lp_unlinked.c - the interior-point rounds on the bound LP without
 * its need-link rows (see bound_lp_unlinked.h).
 */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS */
#include "models/bound_lp_unlinked.h"

#include <math.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine/util.h"
#include "models/glpk_run.h"
#include "models/lp_dual.h"

/* The most rounds: the LP without link rows, then with those its solution
 * violates, and so on. */
#define UNLINKED_ROUNDS 6

/* The least relative gain of a round for another one. */
#define UNLINKED_GAIN 0.001

/* The LP Q (without link rows, or some of them: qrow[i] is the row of
 * x->P that Q's row i is) by the interior-point method, scaled and, when
 * that fails, unscaled (both seen on the zoo); its row duals priced on
 * the whole LP, the rows not in Q at 0.  Returns that bound (HUGE_VAL:
 * none) and leaves Q's interior-point solution in Q. */
static double unlinked_interior(const struct unlinked_lp *x, glp_prob *Q, const int *qrow)
{
	double b = HUGE_VAL;
	for (int scaled = 1; scaled >= 0 && !(b < HUGE_VAL); scaled--) {
		if (scaled)
			lp_scale_quiet(Q);
		else
			glp_unscale_prob(Q);
		glp_iptcp parm;
		glp_init_iptcp(&parm);
		parm.msg_lev = GLP_MSG_OFF;
		if (glp_interior(Q, &parm) != 0 || glp_ipt_status(Q) != GLP_OPT)
			continue;
		int m = glp_get_num_rows(x->P);
		double *y = xcalloc((size_t)m + 1, sizeof(double));
		for (int i = 1; i <= glp_get_num_rows(Q); i++)
			y[qrow[i]] = glp_ipt_row_dual(Q, i);
		b = lp_dual_bound_at(x->P, y);
		free(y);
	}
	return b;
}

/* The link rows of x->P that Q's interior-point solution violates, added
 * to Q (qrow extended); returns how many. */
static int unlinked_add_violated(const struct unlinked_lp *x, glp_prob *Q, int *qrow, char *in_q)
{
	int n = glp_get_num_cols(x->P), added = 0;
	int *ind = xmalloc(sizeof(int) * ((size_t)n + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)n + 1));
	for (int k = 1; k <= x->n_link; k++) {
		int r = x->link[k];
		if (in_q[k])
			continue;
		int len = glp_get_mat_row(x->P, r, ind, val);
		double lhs = 0;
		for (int i = 1; i <= len; i++)
			lhs += val[i] * glp_ipt_col_prim(Q, ind[i]);
		if (lhs <= 1e-6)
			continue;
		int i = glp_add_rows(Q, 1);
		glp_set_row_bnds(Q, i, GLP_UP, 0, 0);
		glp_set_mat_row(Q, i, len, ind, val);
		qrow[i] = r;
		in_q[k] = 1;
		added++;
	}
	free(ind);
	free(val);
	return added;
}

/* In the child of unlinked_start: the rounds, each bound (the
 * smallest so far) written to *best as soon as it is known. */
static _Noreturn void unlinked_child(const struct unlinked_lp *x, volatile double *best)
{
	int m = glp_get_num_rows(x->P);
	glp_prob *Q = glp_create_prob();
	glp_copy_prob(Q, x->P, GLP_OFF);
	glp_del_rows(Q, x->n_link, x->link);
	int *qrow = xcalloc((size_t)m + 1, sizeof(int));
	char *in_q = xcalloc((size_t)x->n_link + 1, 1);
	char *linked = xcalloc((size_t)m + 1, 1);
	for (int k = 1; k <= x->n_link; k++)
		linked[x->link[k]] = 1;
	for (int i = 1, iq = 0; i <= m; i++)
		if (!linked[i])
			qrow[++iq] = i;
	for (int round = 0; round < UNLINKED_ROUNDS; round++) {
		double b = unlinked_interior(x, Q, qrow);
		if (!(b < HUGE_VAL))
			break;
		bool gain = b < (1 - UNLINKED_GAIN) * *best;
		if (b < *best)
			*best = b;
		if (!gain || unlinked_add_violated(x, Q, qrow, in_q) == 0)
			break;
	}
	_exit(0);
}

void unlinked_start(const struct unlinked_lp *x, struct unlinked *u)
{
	u->ch = (struct child)CHILD_NONE;
	u->best = NULL;
	if (x->n_link == 0)
		return;
	void *page = mmap(NULL, sizeof(double), PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return;
	u->best = page;
	*u->best = HUGE_VAL;
	int started = child_start(&u->ch);
	if (started == 0)
		unlinked_child(x, u->best);
}

/* The rounds' best bound (HUGE_VAL: none), their child stopped. */
double unlinked_end(struct unlinked *u)
{
	if (!u->best)
		return HUGE_VAL;
	child_cancel(&u->ch, SIGKILL);
	double b = *u->best;
	munmap((void *)u->best, sizeof(double));
	u->best = NULL;
	return b < HUGE_VAL ? b : HUGE_VAL;
}

