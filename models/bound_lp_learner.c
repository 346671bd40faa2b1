/*
 * bound_lp_learner.c - the per-learner rows of the bound LP, for small
 * cycles (the top of bound_lp.c, "Per-learner rows"): x[q,b], the part of
 * need q met in block b, with the learner's pins kept; and T_l, the days
 * a learner's workshop sessions can cover (the daily rows with seminar
 * blocks).
 */
#include "models/bound_lp_build.h"
#include "models/bound_lp_rows.h"
#include "models/bound_simple.h"

/* Per-learner rows only below this many x columns (the top of bound_lp.c). */
#define PER_LEARNER_COLS 8000

/* Whether the columns x[q,b] the per-learner rows would add are few enough. */
bool bound_lp_per_learner(const struct problem *p, const int *blocks, int n_blocks)
{
	long n = 0;
	for (int l = 0; l < p->n_learners; l++)
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			for (int j = 0; j < n_blocks; j++)
				n += !p->learners[l].unavailable[blocks[j]] &&
				     problem_block_allows(p, blocks[j], nd->goal);
		}
	return n <= PER_LEARNER_COLS;
}

/* x[q,b] for need column jt (goal g, learner l) in every block b where it
 * can be met: t[q] = sum_b x[q,b], x enters l's rows in b and u[g,b].
 * Blocks are not merged here: the LP's block b is blocks[b]. */
void bound_lp_add_seats(glp_prob *P, struct triplets *t, struct per_learner *pl, int jt, int g,
			int l, const int *colN, const int *colU)
{
	int nb = pl->n_blocks;
	int rsum = lp_add_row(P, GLP_FX, 0, 0);
	triplets_add(t, rsum, jt, 1);
	for (int j = 0; j < nb; j++) {
		size_t i = (size_t)g * nb + j;
		int pin = pl->lpin ? pl->lpin[j] : PIN_NONE;
		if (pl->p->learners[l].unavailable[pl->blocks[j]] || !colN[i] ||
		    (pin >= 0 && pin != g))     /* pinned to another offering */
			continue;
		int jx = lp_add_col(P, GLP_CV, pin == g, 1, 0);
		triplets_add(t, rsum, jx, -1);
		if (!pl->one[j])
			pl->one[j] = lp_add_row(P, GLP_UP, 0, 1);
		triplets_add(t, pl->one[j], jx, 1);
		triplets_add(t, pl->lab[j], jx, 1);
		if (!pl->seats[i]) {
			pl->seats[i] = lp_add_row(P, GLP_FX, 0, 0);
			triplets_add(t, pl->seats[i], colU[i], -1);
		}
		triplets_add(t, pl->seats[i], jx, 1);
		int d = pl->p->blocks[pl->blocks[j]].day_index;
		if (pl->day && pl->day[d])
			triplets_add(t, pl->day[d], jx, -1);
	}
}

/* Whether facilitated need q of l may take a session in block j: l is
 * available, the goal runs in j's group, and no pin gives j to another goal. */
bool bound_lp_need_block(const struct blp *x, int l, int q, int j)
{
	const struct problem *p = x->p;
	int g = p->needs[q].goal, pin = x->lpin[(long)l * x->n_blocks + j];
	return !p->learners[l].unavailable[x->blocks[j]] &&
	       x->colN[(size_t)g * x->nb + x->grp[j]] && (pin < 0 || pin == g);
}

/* T_l: the days l's workshop sessions can cover, at most the days with a
 * workshop block where l is available and at most t[q]'s upper bounds summed
 * (a day needs a counted session, data contract rule 6). */
int bound_lp_ws_days(const struct blp *x, int l)
{
	const struct problem *p = x->p;
	int sum = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || p->goals[nd->goal].mode == GOAL_ONLINE)
			continue;
		int nbq = 0;
		for (int j = 0; j < x->n_blocks; j++)
			nbq += bound_lp_need_block(x, l, q, j);
		sum += nd->sessions < nbq ? nd->sessions : nbq;
	}
	int d = bound_simple_learner_days_in(p, l, x->blocks, x->n_blocks);
	return sum < d ? sum : d;
}
