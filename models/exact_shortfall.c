/*
 * exact_shortfall.c - the exact model's LP relaxation when no schedule is
 * found (see exact_shortfall.h).
 *
 * Block-by-block construction can get stuck on a cycle that has a
 * schedule, and the counting checks (precheck.c) pass on cycles that have
 * none: they look at one block at a time, while a learner's need sessions
 * span the blocks, so a session one block runs is missing from the next
 * and a learner out of sessions needs a lab seat.  The exact cycle MIP
 * (cycle_mip.c) holds every rule; its LP relaxation, with a slack s >= 0 on
 * each learner's "one option in block b" row and the objective -sum s, is
 * feasible (every learner on their slack), and any row prices y give an
 * upper bound on -sum s (lp_dual.h).  A bound below 0 proves that no
 * point of the relaxation, so no schedule, seats every learner.  The
 * LP's slacks say where it leaves learners without a seat, and the rows it
 * prices (y != 0) which rules bind: the facilitators of a block, its lab
 * seats, rule 6 (a need's sessions), max_sessions, a goal's seats or
 * min_group.  The prices are one certificate among many, so the words
 * name where to start, not a unique cause.
 */
#include "models/exact_shortfall.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/lp_dual.h"

/* A priced row's rule. */
enum rule { R_NONE, R_FAC, R_BUDGET, R_ROOM, R_LAB_SEATS, R_GOAL_SEATS, R_NEED, R_MIN };

/* What the priced rows say, per block (indexed by problem block) and over
 * the cycle. */
struct binds {
	int *fac, *room, *goal_seats, *min;   /* rows priced per block */
	bool *lab;                            /* lab seats priced */
	double *short_by;                     /* slack the LP leaves per block */
	int needs;                            /* learners with a need row priced */
	bool *learner_seen;
	bool *budget;                         /* [n_facilitators] max_sessions priced */
};

/* The rule row i of P states, from its columns' meanings (map covers the
 * model's own n_cols columns); *block gets the block, *who the
 * facilitator or learner. */
static enum rule row_rule(glp_prob *P, const struct cycle_col *map, int n_cols, int i,
			  int *ind, double *val, int *block, int *who)
{
	int len = glp_get_mat_row(P, i, ind, val);
	int nx = 0, nfac = 0, nroom = 0, nn = 0, lab = 0;
	bool one_block = true, one_who = true;
	*block = -1;
	*who = -1;
	for (int k = 1; k <= len; k++) {
		if (ind[k] > n_cols)
			return R_NONE;          /* a learner's row with its slack */
		const struct cycle_col *c = &map[ind[k]];
		int w = c->kind == CC_FAC ? c->facilitator : c->kind == CC_X ? c->learner : -1;
		nx += c->kind == CC_X;
		nfac += c->kind == CC_FAC;
		nroom += c->kind == CC_ROOM;
		nn += c->kind == CC_N;
		lab += c->kind == CC_X && c->goal < 0;
		if (k == 1) {
			*block = c->block;
			*who = w;
		}
		one_block &= c->block == *block;
		one_who &= w == *who;
	}
	if (len > 0 && nfac == len && one_who)
		return one_block ? R_FAC : R_BUDGET;
	if (len > 0 && nroom == len && one_block)
		return R_ROOM;
	if (nx > 0 && nroom > 0 && one_block)
		return lab ? R_LAB_SEATS : R_GOAL_SEATS;
	if (len > 1 && nx == len && one_who && glp_get_row_type(P, i) == GLP_UP)
		return R_NEED;
	if (nx > 0 && nn == 1 && glp_get_row_type(P, i) == GLP_LO && one_block)
		return R_MIN;
	return R_NONE;
}

static void binds_add(struct binds *bd, enum rule r, int b, int who)
{
	switch (r) {
	case R_FAC: bd->fac[b]++; break;
	case R_BUDGET: bd->budget[who] = true; break;
	case R_ROOM: bd->room[b]++; break;
	case R_LAB_SEATS: bd->lab[b] = true; break;
	case R_GOAL_SEATS: bd->goal_seats[b]++; break;
	case R_MIN: bd->min[b]++; break;
	case R_NEED:
		bd->needs += !bd->learner_seen[who];
		bd->learner_seen[who] = true;
		break;
	case R_NONE: break;
	}
}


/* Block b's line of what binds. */
static void say_block(struct text *t, const struct problem *p, const struct binds *bd, int b)
{
	int avail = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		avail += !p->facilitators[f].unavailable[b];
	text_add(t, "  block '%s' (%.1f left without a seat):", p->blocks[b].id, bd->short_by[b]);
	const char *sep = "";
	if (bd->fac[b]) {
		text_add(t, " %d of its %d facilitators (each leads one session)", bd->fac[b], avail);
		sep = ";";
	}
	if (bd->lab[b]) {
		text_add(t, "%s the lab seats (lab rooms, lab max_group)", sep);
		sep = ";";
	}
	if (bd->room[b]) {
		text_add(t, "%s %d room%s", sep, bd->room[b], bd->room[b] == 1 ? "" : "s");
		sep = ";";
	}
	if (bd->goal_seats[b]) {
		text_add(t, "%s the seats of %d goal%s (max_group, rooms)", sep, bd->goal_seats[b],
		    bd->goal_seats[b] == 1 ? "" : "s");
		sep = ";";
	}
	if (bd->min[b])
		text_add(t, "%s the min_group of %d goal%s", sep, bd->min[b], bd->min[b] == 1 ? "" : "s");
	text_add(t, "%s\n", *sep ? "" : " no rule of its own (what binds is elsewhere)");
}

/* The diagnosis: the proven shortfall, then what binds per block and over
 * the cycle. */
static char *describe(const struct problem *p, const int *blocks, int n_blocks,
		      const struct binds *bd, double proven)
{
	struct text t = { 0 };
	text_add(&t, "no schedule exists: even the exact model's LP relaxation (learners in "
	    "fractions of sessions) leaves at least %.2f learner-block%s without a seat, so "
	    "no schedule seats every learner in every block (the LP's dual bound proves it; "
	    "the counting checks, which look at one block at a time, pass).\n"
	    "What binds, block by block (the rules the LP prices; easing one of them is "
	    "where to start):\n", proven, proven > 1 ? "s" : "");
	for (int j = 0; j < n_blocks; j++) {
		int b = blocks[j];
		if (bd->fac[b] || bd->lab[b] || bd->room[b] || bd->goal_seats[b] || bd->min[b] ||
		    bd->short_by[b] > 1e-6)
			say_block(&t, p, bd, b);
	}
	if (bd->needs)
		text_add(&t, "  rule 6 (at most a need's sessions): the needs of %d learner%s, whose "
		    "sessions the blocks share out\n", bd->needs, bd->needs == 1 ? "" : "s");
	for (int f = 0; f < p->n_facilitators; f++)
		if (bd->budget[f])
			text_add(&t, "  max_sessions of facilitator '%s'\n", p->facilitators[f].id);
	text_add(&t, "A facilitator available in those blocks, more lab seats there, more need "
	    "sessions, or fewer learners available there are the remedies to try.\n");
	return t.s;
}

/* Adds a slack column to every learner's "one option" row (a fixed row of
 * 1 holding an x column); returns how many, with their rows in *rows. */
static int add_slacks(glp_prob *P, const struct cycle_col *map, int n_cols, int **rows)
{
	int m = glp_get_num_rows(P), n = 0;
	int *ind = xmalloc(sizeof(int) * ((size_t)n_cols + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)n_cols + 1));
	*rows = xmalloc(sizeof(int) * ((size_t)m + 1));
	for (int i = 1; i <= m; i++) {
		if (glp_get_row_type(P, i) != GLP_FX || glp_get_row_lb(P, i) != 1)
			continue;
		int len = glp_get_mat_row(P, i, ind, val);
		bool learner = len > 0;
		for (int k = 1; k <= len && learner; k++)
			learner = map[ind[k]].kind == CC_X;
		if (learner)
			(*rows)[n++] = i;
	}
	int first = n ? glp_add_cols(P, n) : 0;
	for (int k = 0; k < n; k++) {
		int j = first + k, one = (*rows)[k];
		double v = 1;
		glp_set_col_bnds(P, j, GLP_DB, 0, 1);
		glp_set_obj_coef(P, j, -1);
		glp_set_mat_col(P, j, 1, (const int[]){ 0, one }, (const double[]){ 0, v });
	}
	free(ind);
	free(val);
	return n;
}

char *exact_shortfall(const struct problem *p, const int *blocks, int n_blocks, long max_cols,
		      double seconds)
{
	struct shortfall_limits lim = { .max_cols = max_cols, .seconds = seconds };
	return exact_shortfall_within(p, blocks, n_blocks, &lim);
}

char *exact_shortfall_within(const struct problem *p, const int *blocks, int n_blocks,
			     const struct shortfall_limits *lim)
{
	double seconds = lim->seconds;
	if (n_blocks == 0 || cycle_mip_size(p, blocks, n_blocks) > lim->max_cols || seconds <= 0)
		return NULL;
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, blocks, n_blocks, &map);
	int n_cols = glp_get_num_cols(P), m = glp_get_num_rows(P);
	for (int j = 0; j <= n_cols; j++)
		glp_set_obj_coef(P, j, 0);
	/* N[g,b] is a sum of room columns: at most the rooms, a bound the rows
	 * imply, so the set stays the same and the dual bound finite */
	for (int j = 1; j <= n_cols; j++)
		if (map[j].kind == CC_N && glp_get_col_type(P, j) == GLP_LO)
			glp_set_col_bnds(P, j, GLP_DB, 0, p->n_rooms);
	int *seat_rows;
	int n_seat = add_slacks(P, map, n_cols, &seat_rows);
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.tm_lim = seconds < 1e6 ? (int)(seconds * 1000) + 1 : INT_MAX;
	if (lim->iterations > 0)
		parm.it_lim = lim->iterations;
	parm.presolve = lim->presolve ? GLP_ON : GLP_OFF;
	char *why = NULL;
	double proven = 0;
	if (n_seat && glp_simplex(P, &parm) == 0 && glp_get_status(P) == GLP_OPT)
		proven = -lp_dual_bound(P);
	if (proven > 1e-6) {
		struct binds bd = {
			.fac = xcalloc((size_t)p->n_blocks + 1, sizeof(int)),
			.room = xcalloc((size_t)p->n_blocks + 1, sizeof(int)),
			.goal_seats = xcalloc((size_t)p->n_blocks + 1, sizeof(int)),
			.min = xcalloc((size_t)p->n_blocks + 1, sizeof(int)),
			.lab = xcalloc((size_t)p->n_blocks + 1, sizeof(bool)),
			.short_by = xcalloc((size_t)p->n_blocks + 1, sizeof(double)),
			.learner_seen = xcalloc((size_t)p->n_learners + 1, sizeof(bool)),
			.budget = xcalloc((size_t)p->n_facilitators + 1, sizeof(bool)),
		};
		int *ind = xmalloc(sizeof(int) * ((size_t)glp_get_num_cols(P) + 1));
		double *val = xmalloc(sizeof(double) * ((size_t)glp_get_num_cols(P) + 1));
		for (int k = 0; k < n_seat; k++) {
			int len = glp_get_mat_row(P, seat_rows[k], ind, val), x = 1;
			while (x < len && ind[x] > n_cols)
				x++;
			bd.short_by[map[ind[x]].block] += glp_get_col_prim(P, n_cols + 1 + k);
		}
		for (int i = 1; i <= m; i++) {
			int b, who;
			if (fabs(glp_get_row_dual(P, i)) < 1e-7)
				continue;
			enum rule r = row_rule(P, map, n_cols, i, ind, val, &b, &who);
			binds_add(&bd, r, b, who);
		}
		why = describe(p, blocks, n_blocks, &bd, proven);
		free(ind);
		free(val);
		free(bd.fac);
		free(bd.room);
		free(bd.goal_seats);
		free(bd.min);
		free(bd.lab);
		free(bd.short_by);
		free(bd.learner_seen);
		free(bd.budget);
	}
	free(seat_rows);
	free(map);
	glp_delete_prob(P);
	return why;
}
