/*
 * cycle_mip.c - the exact workshop cycle MIP (see cycle_mip.h).
 *
 * Sets as in period_mip.c, now indexed by block b as well; q = (l, g) ready needs
 * with sessions s_q and weight w_q.
 *
 *   x[l,o,b] in {0,1}  learner l takes option o (goal g or lab) in block b
 *   n[g,c,b] in Z+     sessions of g (or lab) in room class c in block b
 *   N[g,b]   = sum_c n[g,c,b]
 *   f[k,g,b] in {0,1}  facilitator k leads a session of g (or lab) in b
 *   z[q]     in [0,s_q] lab sessions credited to online need q
 *   pi[l]    in [0,1]  power-goal bonus
 *   delta[l,d] in [0,1] daily weight of day d, for l who can be placed
 *
 *   max  sum w_q x[l,g,b] + sum w_q z[q] + w_guru sum_{k guru} f[k,g,b]
 *        + w_pg sum pi[l] + w_daily sum delta[l,d]
 *   per block b (as period_mip.c): sum_o x[l,o,b] = 1; x[l,o,b] <= N[g(o),b];
 *        min_g N <= sum_l x <= sum_c e(g,c) n; sum_g n[g,c,b] <= count[c,b];
 *        sum_g f[k,g,b] <= 1; sum_k f[k,g,b] = N[g,b]
 *   coupling: sum_b x[l,g,b] <= s_q                rule 6, at most s_q
 *        sum_{q online of l} z[q] <= sum_b x[l,lab,b]   lab credit
 *        sum_{g,b} f[k,g,b] <= max_sessions_k
 *        pi[l] <= sum_{b, q priority 1} x[l,g,b] + sum_{q online, priority 1} z[q]
 *        delta[l,d] <= sum_{b on day d, g facilitated} x[l,g,b]
 *
 * x and f must be integral here: the coupling rows break the total
 * unimodularity that lets period_mip.c keep them continuous.
 */
#include "cycle_mip.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/lp_build.h"

long cycle_mip_size(const struct problem *p, const int *blocks, int n_blocks)
{
	long cols = 0;
	for (int j = 0; j < n_blocks; j++)
		for (int l = 0; l < p->n_learners; l++)
			if (!p->learners[l].unavailable[blocks[j]])
				cols += 1 + p->need_start[l + 1] - p->need_start[l];
	return cols + (long)n_blocks * p->n_facilitators * 4;
}

static struct cycle_col *map_at(struct cycle_col **map, size_t *alloc, int j)
{
	if (!map)
		return NULL;
	size_t need = (size_t)j + 1;
	if (need > *alloc) {
		size_t old = *alloc;
		xgrow((void **)map, alloc, need, sizeof(**map));
		memset(*map + old, 0, (*alloc - old) * sizeof(**map));
	}
	return &(*map)[j];
}

static void map_set(struct cycle_col **map, size_t *alloc, int j, enum cycle_col_kind kind,
		    int block, int goal, int who)
{
	struct cycle_col *c = map_at(map, alloc, j);
	if (!c)
		return;
	c->kind = kind;
	c->block = block;
	c->goal = goal;
	c->learner = (kind == CC_X || kind == CC_BONUS || kind == CC_DAY) ? who : -1;
	c->need = -1;
	c->room = kind == CC_ROOM ? who : -1;
	c->facilitator = kind == CC_FAC ? who : -1;
}

/* A seminar section's columns and rows over the cycle (see the top). */
struct section_cols {
	int s;
	int open;           /* o[s,k] */
	int row_meetings;   /* sum_b meet = meetings * o */
	int row_max, row_min;
	int *lead;          /* [n_facilitators]: lead[s,k,f], 0 if not able */
	int *x;             /* [n_learners]: x[l,s,k], 0 if not eligible */
	int meet;           /* meet[s,k,b] of the block being built */
};

/* The sections' cycle-wide columns: open, lead, enrolment; per learner at
 * most seminars_per_learner seminars, one section of each. */
static struct section_cols *sections_build(glp_prob *P, struct triplets *t,
					   const struct problem *p, int n_sem, int *n_out)
{
	const struct config *cf = &p->config;
	int n = 0;
	for (int s = 0; s < p->n_seminars; s++)
		n += p->seminars[s].meetings <= n_sem ? p->seminars[s].sections : 0;
	struct section_cols *sc = xcalloc((size_t)n + 1, sizeof(*sc));
	int *row_spl = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	int *row_one = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	int i = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		const struct seminar *sm = &p->seminars[s];
		if (sm->meetings > n_sem)
			continue;
		for (int l = 0; l < p->n_learners; l++)
			row_one[l] = 0;
		for (int k = 0; k < sm->sections; k++, i++) {
			struct section_cols *c = &sc[i];
			c->s = s;
			c->open = lp_add_col(P, GLP_BV, 0, 1, 0);
			c->row_meetings = lp_add_row(P, GLP_FX, 0, 0);
			triplets_add(t, c->row_meetings, c->open, -sm->meetings);
			c->row_max = lp_add_row(P, GLP_UP, 0, 0);
			triplets_add(t, c->row_max, c->open, -sm->max_size);
			c->row_min = lp_add_row(P, GLP_LO, 0, 0);
			triplets_add(t, c->row_min, c->open, -sm->min_size);
			int row_lead = lp_add_row(P, GLP_FX, 0, 0);
			triplets_add(t, row_lead, c->open, -1);
			c->lead = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
			for (int f = 0; f < p->n_facilitators; f++) {
				if (problem_seminar_level(p, f, s) < LEVEL_ABLE)
					continue;
				c->lead[f] = lp_add_col(P, GLP_BV, 0, 1, 0);
				triplets_add(t, row_lead, c->lead[f], 1);
			}
			c->x = xcalloc((size_t)p->n_learners + 1, sizeof(int));
			for (int l = 0; l < p->n_learners; l++) {
				int ch = objective_choice_of(p, l, s);
				if (ch < 0 || !p->choices[ch].eligible)
					continue;
				c->x[l] = lp_add_col(P, GLP_BV, 0, 1,
						     problem_choice_weight(p, &p->choices[ch]));
				triplets_add(t, c->row_max, c->x[l], 1);
				triplets_add(t, c->row_min, c->x[l], 1);
				if (!row_spl[l])
					row_spl[l] = lp_add_row(P, GLP_UP, 0, cf->seminars_per_learner);
				triplets_add(t, row_spl[l], c->x[l], 1);
				if (!row_one[l])
					row_one[l] = lp_add_row(P, GLP_UP, 0, 1);
				triplets_add(t, row_one[l], c->x[l], 1);
			}
		}
	}
	free(row_spl);
	free(row_one);
	*n_out = n;
	return sc;
}

/* Seminar block b's part of every section before its rooms are resolved:
 * meet[s,k,b], the leader's time (busy >= lead + meet - 1), the guru
 * bonus per meeting and a room (placeholder rows -1 - r). */
static void sections_block(glp_prob *P, struct triplets *t, const struct problem *p, int b,
			   struct section_cols *sc, int n_sc, const int *rfac, const int *row_budget,
			   int *row_seats)
{
	for (int i = 0; i < n_sc; i++) {
		struct section_cols *c = &sc[i];
		const struct seminar *sm = &p->seminars[c->s];
		c->meet = lp_add_col(P, GLP_BV, 0, 1, 0);
		triplets_add(t, c->row_meetings, c->meet, 1);
		int gm = lp_add_col(P, GLP_CV, 0, 1, p->config.w_guru);
		int row_gm = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, row_gm, gm, 1);
		triplets_add(t, row_gm, c->meet, -1);
		int row_gl = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, row_gl, gm, 1);
		for (int f = 0; f < p->n_facilitators; f++) {
			if (!c->lead[f])
				continue;
			if (problem_seminar_level(p, f, c->s) == LEVEL_GURU)
				triplets_add(t, row_gl, c->lead[f], -1);
			int busy = lp_add_row(P, GLP_UP, 0, 1);
			triplets_add(t, busy, c->lead[f], 1);
			triplets_add(t, busy, c->meet, 1);
			if (!rfac[f])
				continue;           /* unavailable: lead + meet <= 1 */
			int jb = lp_add_col(P, GLP_CV, 0, 1, 0);
			triplets_add(t, busy, jb, -1);      /* lead + meet - busy <= 1 */
			triplets_add(t, rfac[f], jb, 1);
			triplets_add(t, row_budget[f], jb, 1);
		}
		int row_room = lp_add_row(P, GLP_FX, 0, 0);
		triplets_add(t, row_room, c->meet, -1);
		row_seats[i] = lp_add_row(P, GLP_UP, 0, 0);
		for (int r = 0; r < p->n_rooms; r++) {
			const struct room *rm = &p->rooms[r];
			if (rm->unavailable[b] || !problem_room_has(rm, sm->feature))
				continue;
			int jr = lp_add_col(P, GLP_BV, 0, 1, 0);
			triplets_add(t, row_room, jr, 1);
			triplets_add(t, row_seats[i], jr, -rm->capacity);
			triplets_add(t, -1 - r, jr, 1);
		}
	}
}

/* Seminar block b's attendance: a[l,s,k,b] = x[l,s,k] and meet[s,k,b], in
 * the learner's one-session row, the section's seats and the day. */
static void sections_attend(glp_prob *P, struct triplets *t, const struct problem *p, int b,
			    const struct section_cols *sc, int n_sc, const int *row_learner,
			    const int *row_seats, int *row_day, const int *lsem)
{
	const struct config *cf = &p->config;
	int d = p->blocks[b].day_index;
	/* a learner pinned to a seminar here attends a section of it */
	int *row_pin = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	for (int i = 0; i < n_sc; i++) {
		const struct section_cols *c = &sc[i];
		for (int l = 0; l < p->n_learners; l++) {
			if (!c->x[l])
				continue;
			if (p->learners[l].unavailable[b]) {
				int r = lp_add_row(P, GLP_UP, 0, 1);    /* enrolled: attends all */
				triplets_add(t, r, c->x[l], 1);
				triplets_add(t, r, c->meet, 1);
				continue;
			}
			int ja = lp_add_col(P, GLP_CV, 0, 1, 0);
			int r1 = lp_add_row(P, GLP_UP, 0, 0);       /* a <= x */
			triplets_add(t, r1, ja, 1);
			triplets_add(t, r1, c->x[l], -1);
			int r2 = lp_add_row(P, GLP_UP, 0, 0);       /* a <= meet */
			triplets_add(t, r2, ja, 1);
			triplets_add(t, r2, c->meet, -1);
			int r3 = lp_add_row(P, GLP_LO, -1, 0);      /* a >= x + meet - 1 */
			triplets_add(t, r3, ja, 1);
			triplets_add(t, r3, c->x[l], -1);
			triplets_add(t, r3, c->meet, -1);
			triplets_add(t, row_learner[l], ja, 1);
			triplets_add(t, row_seats[i], ja, 1);
			if (lsem[l] == c->s) {
				if (!row_pin[l])
					row_pin[l] = lp_add_row(P, GLP_LO, 1, 0);
				triplets_add(t, row_pin[l], ja, 1);
			}
			int *rd = &row_day[(long)l * p->n_days + d];
			if (cf->w_daily <= 0 || !problem_placeable(p, l))
				continue;
			if (!*rd) {
				*rd = lp_add_row(P, GLP_UP, 0, 0);
				triplets_add(t, *rd, lp_add_col(P, GLP_CV, 0, 1, cf->w_daily), 1);
			}
			triplets_add(t, *rd, ja, -1);
		}
	}
	free(row_pin);
}

glp_prob *cycle_mip_build(const struct problem *p, const int *blocks, int n_blocks,
			  struct cycle_col **map)
{
	return cycle_mip_build_full(p, blocks, n_blocks, NULL, 0, map);
}

/* What the steps of cycle_mip_build_full share: the model being built, its
 * column map, the cycle-wide rows later columns join, and the rows of the
 * block being built (slot n_goals of the goal arrays is the lab). */
struct cycle_build {
	const struct problem *p;
	glp_prob *P;
	struct triplets t;
	struct cycle_col **map;
	size_t map_alloc;
	int *row_need;      /* [n_needs]: sum_b x <= s_q (facilitated ready needs) */
	int *row_lab;       /* [n_learners]: sum z <= sum_b x[l,lab,b] */
	int *row_pi;        /* [n_learners]: pi <= priority-1 sessions, 0 if none */
	int *row_day;       /* [n_learners * n_days]: delta <= that day's x, made on use */
	int *row_budget;    /* [n_facilitators]: sum f <= max_sessions */
	struct section_cols *sc;
	int n_sc;
	int *row_seats;     /* [n_sc]: the section's seats in the block */
	int *row_learner;   /* [n_learners]: one option in the block */
	int *colN;          /* N[g,b]; while choosing: 1 if g is wanted in b */
	int *rseat, *rmin, *rstaff;     /* the goal's seat, minimum and staff rows */
	int *rfac;          /* [n_facilitators]: one session in b, 0 if away */
	int *lsem;          /* [n_learners]: the seminar l is pinned to in b, -1 */
};

/* Coupling rows, per learner: lab credit z (online needs) and its row,
 * the power-goal bonus pi, the "at most s_q" row of each facilitated need;
 * then each facilitator's session budget. */
static void cycle_coupling(struct cycle_build *cb)
{
	const struct problem *p = cb->p;
	for (int l = 0; l < p->n_learners; l++) {
		cb->row_lab[l] = lp_add_row(cb->P, GLP_UP, 0, 0);
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready)
				continue;
			if (nd->priority == 1 && !cb->row_pi[l]) {
				cb->row_pi[l] = lp_add_row(cb->P, GLP_UP, 0, 0);
				int jp = lp_add_col(cb->P, GLP_CV, 0, 1, p->config.w_power_goal);
				map_set(cb->map, &cb->map_alloc, jp, CC_BONUS, -1, -1, l);
				triplets_add(&cb->t, cb->row_pi[l], jp, 1);
			}
			double w = problem_need_weight(p, nd);
			if (p->goals[nd->goal].mode == GOAL_ONLINE) {
				int z = lp_add_col(cb->P, GLP_CV, 0, nd->sessions, w);
				map_set(cb->map, &cb->map_alloc, z, CC_CREDIT, -1, nd->goal, -1);
				if (cb->map) {
					(*cb->map)[z].learner = l;
					(*cb->map)[z].need = q;
				}
				triplets_add(&cb->t, cb->row_lab[l], z, 1);
				if (nd->priority == 1)
					triplets_add(&cb->t, cb->row_pi[l], z, -1);
			} else {
				cb->row_need[q] = lp_add_row(cb->P, GLP_UP, 0, nd->sessions);
			}
		}
	}
	for (int k = 0; k < p->n_facilitators; k++)
		cb->row_budget[k] = lp_add_row(cb->P, GLP_UP, 0, p->facilitators[k].max_sessions);
}

/* Marks colN[g] = 1 for the goals some available learner can take in block
 * b (and the lab); a seminar block has only the lab. */
static void block_wanted(struct cycle_build *cb, int b, bool seminar_block)
{
	const struct problem *p = cb->p;
	int ng = p->n_goals;
	for (int g = 0; g <= ng; g++)
		cb->colN[g] = 0;
	for (int l = 0; l < p->n_learners && !seminar_block; l++) {
		if (p->learners[l].unavailable[b])
			continue;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED &&
			    problem_block_allows(p, b, nd->goal))
				cb->colN[nd->goal] = 1;
		}
	}
	cb->colN[ng] = 1;
}

/* Goal g's (or the lab's) sessions in block b: N with its definition,
 * seat, minimum and staffing rows; one n column per room that fits (rooms
 * of a class are interchangeable, but a room is the simplest class; room
 * rows are placeholders -1 - r, see block_room_rows); one f column per
 * facilitator who can lead it. */
static void block_goal(struct cycle_build *cb, int b, int g)
{
	const struct problem *p = cb->p;
	const struct config *cf = &p->config;
	bool lab = g == p->n_goals;
	int gmin = lab ? 1 : p->goals[g].min_group;
	int gmax = lab ? cf->lab_max_group : p->goals[g].max_group;
	int feat = lab ? p->lab_feature : p->goals[g].feature;
	int goal = lab ? -1 : g;
	cb->colN[g] = lp_add_col(cb->P, GLP_CV, 0, DBL_MAX, 0);
	map_set(cb->map, &cb->map_alloc, cb->colN[g], CC_N, b, goal, -1);
	int rdef = lp_add_row(cb->P, GLP_FX, 0, 0);
	triplets_add(&cb->t, rdef, cb->colN[g], 1);
	cb->rseat[g] = lp_add_row(cb->P, GLP_UP, 0, 0);
	cb->rmin[g] = lp_add_row(cb->P, GLP_LO, 0, 0);
	triplets_add(&cb->t, cb->rmin[g], cb->colN[g], -gmin);
	cb->rstaff[g] = lp_add_row(cb->P, GLP_FX, 0, 0);
	triplets_add(&cb->t, cb->rstaff[g], cb->colN[g], -1);
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		int cap = rm->capacity < gmax ? rm->capacity : gmax;
		if (rm->unavailable[b] || cap < gmin || !problem_room_has(rm, feat))
			continue;
		int jn = lp_add_col(cb->P, GLP_BV, 0, 1, 0);
		map_set(cb->map, &cb->map_alloc, jn, CC_ROOM, b, goal, r);
		triplets_add(&cb->t, rdef, jn, -1);
		triplets_add(&cb->t, cb->rseat[g], jn, -cap);
		triplets_add(&cb->t, -1 - r, jn, 1);
	}
	for (int k = 0; k < p->n_facilitators; k++) {
		if (!cb->rfac[k] || (!lab && problem_goal_level(p, k, g) < LEVEL_ABLE))
			continue;
		bool guru = !lab && problem_goal_level(p, k, g) == LEVEL_GURU;
		int jf = lp_add_col(cb->P, GLP_BV, 0, 1, guru ? cf->w_guru : 0);
		map_set(cb->map, &cb->map_alloc, jf, CC_FAC, b, goal, k);
		triplets_add(&cb->t, cb->rstaff[g], jf, 1);
		triplets_add(&cb->t, cb->rfac[k], jf, 1);
		triplets_add(&cb->t, cb->row_budget[k], jf, 1);
	}
}

/* The block's room rows: each placeholder row -1 - r in the matrix so far
 * becomes room r's row "at most one session here". */
static void block_room_rows(struct cycle_build *cb)
{
	int *rroom = xcalloc((size_t)cb->p->n_rooms + 1, sizeof(int));
	for (size_t e = 1; e <= cb->t.n; e++) {
		if (cb->t.ia[e] >= 0)
			continue;
		int r = -1 - cb->t.ia[e];
		if (!rroom[r])
			rroom[r] = lp_add_row(cb->P, GLP_UP, 0, 1);
		cb->t.ia[e] = rroom[r];
	}
	free(rroom);
}

/* Learner l's daily weight: x (or a section's attendance) column jx counts
 * towards delta[l,d] of block b's day, when the term is on. */
static void learner_day(struct cycle_build *cb, int l, int b, int jx)
{
	const struct problem *p = cb->p;
	int d = p->blocks[b].day_index;
	int *rd = &cb->row_day[(long)l * p->n_days + d];
	if (p->config.w_daily <= 0 || !problem_placeable(p, l))
		return;
	if (!*rd) {
		*rd = lp_add_row(cb->P, GLP_UP, 0, 0);
		int jd = lp_add_col(cb->P, GLP_CV, 0, 1, p->config.w_daily);
		map_set(cb->map, &cb->map_alloc, jd, CC_DAY, -1, -1, l);
		if (cb->map)
			(*cb->map)[jd].day = d;
		triplets_add(&cb->t, *rd, jd, 1);
	}
	triplets_add(&cb->t, *rd, jx, -1);
}

/* Block b's x columns: each available learner takes one option, a ready
 * facilitated need the block allows or the lab (only the lab in a seminar
 * block), in its goal's seats and minimum, only where a session runs
 * (x <= N), counted in the need's, lab's, bonus's and day's rows. */
static void block_learners(struct cycle_build *cb, int b, bool seminar_block)
{
	const struct problem *p = cb->p;
	int ng = p->n_goals;
	for (int l = 0; l < p->n_learners; l++) {
		if (p->learners[l].unavailable[b])
			continue;
		int ra = cb->row_learner[l] = lp_add_row(cb->P, GLP_FX, 1, 1);
		for (int q = p->need_start[l]; q <= p->need_start[l + 1]; q++) {
			bool lab = q == p->need_start[l + 1];
			const struct need *nd = lab ? NULL : &p->needs[q];
			if (!lab && (seminar_block || !nd->ready ||
				     p->goals[nd->goal].mode != GOAL_FACILITATED ||
				     !problem_block_allows(p, b, nd->goal)))
				continue;
			int g = lab ? ng : nd->goal;
			double w = lab ? 0 : problem_need_weight(p, nd);
			int jx = lp_add_col(cb->P, GLP_BV, 0, 1, w);
			map_set(cb->map, &cb->map_alloc, jx, CC_X, b, lab ? -1 : g, l);
			triplets_add(&cb->t, ra, jx, 1);
			triplets_add(&cb->t, cb->rseat[g], jx, 1);
			triplets_add(&cb->t, cb->rmin[g], jx, 1);
			int rl = lp_add_row(cb->P, GLP_UP, 0, 0);
			triplets_add(&cb->t, rl, jx, 1);
			triplets_add(&cb->t, rl, cb->colN[g], -1);
			if (lab) {
				triplets_add(&cb->t, cb->row_lab[l], jx, -1);
				continue;
			}
			triplets_add(&cb->t, cb->row_need[q], jx, 1);
			if (nd->priority == 1)
				triplets_add(&cb->t, cb->row_pi[l], jx, -1);
			learner_day(cb, l, b, jx);
		}
	}
}

/* Block b, the j-th of the cycle: its facilitator rows, its goals' and the
 * lab's sessions, the seminar sections meeting in it, its room rows, the
 * learners' options and the sections' attendance. */
static void cycle_block(struct cycle_build *cb, int b, bool seminar_block)
{
	const struct problem *p = cb->p;
	block_wanted(cb, b, seminar_block);
	for (int k = 0; k < p->n_facilitators; k++)
		cb->rfac[k] = p->facilitators[k].unavailable[b] ? 0 : lp_add_row(cb->P, GLP_UP, 0, 1);
	for (int g = 0; g <= p->n_goals; g++)
		if (cb->colN[g])
			block_goal(cb, b, g);
	if (seminar_block)
		sections_block(cb->P, &cb->t, p, b, cb->sc, cb->n_sc, cb->rfac, cb->row_budget,
			       cb->row_seats);
	block_room_rows(cb);
	block_learners(cb, b, seminar_block);
	if (seminar_block) {
		for (int l = 0; l < p->n_learners; l++)
			cb->lsem[l] = -1;
		for (int k = 0; k < p->n_pins; k++)
			for (int i = 0; i < p->pins[k].n_learners && p->pins[k].block == b; i++)
				if (p->pins[k].kind == LOCK_SEMINAR)
					cb->lsem[p->pins[k].learners[i]] = p->pins[k].offering;
		sections_attend(cb->P, &cb->t, p, b, cb->sc, cb->n_sc, cb->row_learner,
				cb->row_seats, cb->row_day, cb->lsem);
	}
}

/* The locks' pins (p->pins), through the column map: a pinned learner,
 * facilitator or room takes the pin's goal or lab in its block (x, f, r
 * fixed at 1); a pin naming no offering makes its facilitator lead, and
 * its room hold, a session there, with its learners in that session's
 * offering (x[l,g,b] >= f[k,g,b], >= r[room,g,b]); a seminar pin makes its
 * facilitator lead a section of the seminar (its learners attend one in
 * the block: sections_attend).  A pin naming a facilitator or room in a
 * seminar block with no offering, or a seminar pin's room, is not
 * modelled (the model is then a relaxation of the locked school). */
static void cycle_pins(struct cycle_build *cb)
{
	const struct problem *p = cb->p;
	int ng = p->n_goals, n = glp_get_num_cols(cb->P);
	const struct cycle_col *map = *cb->map;
	size_t w = (size_t)ng + 1;
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		int o = pn->kind == LOCK_GOAL ? pn->offering : pn->kind == LOCK_LAB ? -1 : -2;
		int nl = pn->n_learners;
		/* this pin's columns by goal (slot ng: the lab) */
		int *fc = xcalloc(w, sizeof(int)), *rc = xcalloc(w, sizeof(int));
		int *xc = xcalloc(w * (size_t)nl + 1, sizeof(int));
		for (int j = 1; j <= n && (size_t)j < cb->map_alloc; j++) {
			const struct cycle_col *c = &map[j];
			if (c->block != pn->block)
				continue;
			size_t g = c->goal < 0 ? (size_t)ng : (size_t)c->goal;
			if (c->kind == CC_FAC && c->facilitator == pn->facilitator)
				fc[g] = j;
			else if (c->kind == CC_ROOM && c->room == pn->room)
				rc[g] = j;
			for (int i = 0; i < nl && c->kind == CC_X; i++)
				if (c->learner == pn->learners[i])
					xc[(size_t)i * w + g] = j;
		}
		if (o >= -1) {
			size_t g = o < 0 ? (size_t)ng : (size_t)o;
			if (pn->facilitator >= 0 && fc[g])
				glp_set_col_bnds(cb->P, fc[g], GLP_FX, 1, 1);
			if (pn->room >= 0 && rc[g])
				glp_set_col_bnds(cb->P, rc[g], GLP_FX, 1, 1);
			for (int i = 0; i < nl; i++)
				if (xc[(size_t)i * w + g])
					glp_set_col_bnds(cb->P, xc[(size_t)i * w + g], GLP_FX, 1, 1);
		} else if (pn->kind == LOCK_ANY && p->blocks[pn->block].kind == BLOCK_WORKSHOP) {
			for (int side = 0; side < 2; side++) {
				const int *col = side ? rc : fc;
				if ((side ? pn->room : pn->facilitator) < 0)
					continue;
				int row = lp_add_row(cb->P, GLP_LO, 1, 0);
				for (size_t g = 0; g < w; g++) {
					if (!col[g])
						continue;
					triplets_add(&cb->t, row, col[g], 1);
					for (int i = 0; i < nl; i++) {
						int r = lp_add_row(cb->P, GLP_UP, 0, 0);
						triplets_add(&cb->t, r, col[g], 1);
						if (xc[(size_t)i * w + g])
							triplets_add(&cb->t, r, xc[(size_t)i * w + g], -1);
					}
				}
			}
		} else if (pn->kind == LOCK_SEMINAR && pn->facilitator >= 0) {
			int row = lp_add_row(cb->P, GLP_LO, 1, 0);
			for (int i = 0; i < cb->n_sc; i++)
				if (cb->sc[i].s == pn->offering && cb->sc[i].lead[pn->facilitator])
					triplets_add(&cb->t, row, cb->sc[i].lead[pn->facilitator], 1);
		}
		free(fc);
		free(rc);
		free(xc);
	}
}

static void cycle_build_free(struct cycle_build *cb)
{
	for (int i = 0; i < cb->n_sc; i++) {
		free(cb->sc[i].lead);
		free(cb->sc[i].x);
	}
	free(cb->sc);
	free(cb->row_seats);
	free(cb->row_learner);
	free(cb->row_need);
	free(cb->row_lab);
	free(cb->row_pi);
	free(cb->row_day);
	free(cb->row_budget);
	free(cb->colN);
	free(cb->rseat);
	free(cb->rmin);
	free(cb->rstaff);
	free(cb->rfac);
	free(cb->lsem);
}

glp_prob *cycle_mip_build_full(const struct problem *p, const int *ws_blocks, int n_ws,
			       const int *sem_blocks, int n_sem, struct cycle_col **map)
{
	size_t ng = (size_t)p->n_goals, nf = (size_t)p->n_facilitators;
	size_t nl = (size_t)p->n_learners;
	struct cycle_build cb = {
		.p = p,
		.P = glp_create_prob(),
		.map = map,
		.row_need = xcalloc((size_t)p->n_needs + 1, sizeof(int)),
		.row_lab = xcalloc(nl + 1, sizeof(int)),
		.row_pi = xcalloc(nl + 1, sizeof(int)),
		.row_day = xcalloc(nl * (size_t)p->n_days + 1, sizeof(int)),
		.row_budget = xcalloc(nf + 1, sizeof(int)),
		.row_learner = xcalloc(nl + 1, sizeof(int)),
		.colN = xcalloc(ng + 2, sizeof(int)),
		.rseat = xcalloc(ng + 2, sizeof(int)),
		.rmin = xcalloc(ng + 2, sizeof(int)),
		.rstaff = xcalloc(ng + 2, sizeof(int)),
		.rfac = xcalloc(nf + 1, sizeof(int)),
		.lsem = xcalloc(nl + 1, sizeof(int)),
	};
	if (map)
		*map = NULL;
	glp_set_prob_name(cb.P, "mclsched_workshop_cycle");
	glp_set_obj_dir(cb.P, GLP_MAX);
	cycle_coupling(&cb);
	if (n_sem)
		cb.sc = sections_build(cb.P, &cb.t, p, n_sem, &cb.n_sc);
	cb.row_seats = xcalloc((size_t)cb.n_sc + 1, sizeof(int));
	for (int j = 0; j < n_ws; j++)
		cycle_block(&cb, ws_blocks[j], false);
	for (int j = 0; j < n_sem; j++)
		cycle_block(&cb, sem_blocks[j], true);
	if (p->n_pins && map)
		cycle_pins(&cb);
	triplets_load(&cb.t, cb.P);
	map_at(map, &cb.map_alloc, glp_get_num_cols(cb.P));  /* zero-filled to the end */
	glp_prob *P = cb.P;
	cycle_build_free(&cb);
	return P;
}

double *cycle_mip_start(const struct problem *p, glp_prob *P, const struct cycle_col *map,
			const struct solution *sol)
{
	int n = glp_get_num_cols(P);
	double *x = xcalloc((size_t)n + 1, sizeof(double));
	/* the schedule's counts: lab sessions credited to online needs as the
	 * objective credits them, and the power-goal bonus as it pays it */
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, sol);
	int *credit = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	char *bonus = xcalloc((size_t)p->n_learners + 1, 1);
	for (int l = 0; l < p->n_learners; l++) {
		for (int k = 0; k < t.lab_cnt[l]; k++) {
			int q = objective_lab_credit(p, &t, l, k);
			if (q >= 0)
				credit[q]++;
		}
		bonus[l] = objective_has_power_goal(p, &t, l);
	}
	tally_release(&t);
	for (int j = 1; j <= n; j++) {
		const struct cycle_col *c = &map[j];
		switch (c->kind) {
		case CC_X: {
			int si = solution_attend_at(sol, c->learner, c->block);
			x[j] = si >= 0 && sol->sessions[si].offering == c->goal;
			break;
		}
		case CC_ROOM:
		case CC_FAC:
		case CC_N:
			for (size_t i = 0; i < sol->n_sessions; i++) {
				const struct session *s = &sol->sessions[i];
				if (s->block != c->block || s->offering != c->goal)
					continue;
				if (c->kind == CC_N)
					x[j] += 1;
				else if (c->kind == CC_ROOM ? s->room == c->room
							    : s->facilitator == c->facilitator)
					x[j] = 1;
			}
			break;
		case CC_CREDIT:
			x[j] = credit[c->need];
			break;
		case CC_BONUS:
			x[j] = bonus[c->learner];
			break;
		case CC_DAY:
			for (int b = 0; b < p->n_blocks; b++) {
				int si = solution_attend_at(sol, c->learner, b);
				if (si >= 0 && p->blocks[b].day_index == c->day &&
				    sol->sessions[si].kind == SESSION_WORKSHOP)
					x[j] = 1;
			}
			break;
		case CC_OTHER:
			break;
		}
	}
	free(credit);
	free(bonus);
	return x;
}

int cycle_mip_extract(const struct problem *p, glp_prob *P, const struct cycle_col *map,
		      struct solution *sol)
{
	int n = glp_get_num_cols(P);
	struct solution out;
	solution_init(&out, p);
	/* sessions: one per chosen room column, then facilitators in order */
	for (int j = 1; j <= n; j++)
		if (map[j].kind == CC_ROOM && glp_mip_col_val(P, j) > 0.5) {
			struct session s = {
				.kind = map[j].goal < 0 ? SESSION_LAB : SESSION_WORKSHOP,
				.offering = map[j].goal, .block = map[j].block,
				.room = map[j].room, .facilitator = -1,
			};
			solution_add_session(&out, &s);
		}
	for (int j = 1; j <= n; j++) {
		if (map[j].kind != CC_FAC || glp_mip_col_val(P, j) < 0.5)
			continue;
		size_t i;
		for (i = 0; i < out.n_sessions; i++) {
			struct session *s = &out.sessions[i];
			if (s->block == map[j].block && s->offering == map[j].goal &&
			    s->facilitator < 0) {
				s->facilitator = map[j].facilitator;
				break;
			}
		}
		if (i == out.n_sessions)
			goto out_fail;
	}
	/* learners: fill each goal's sessions to their minimum, then by room */
	for (int pass = 0; pass < 2; pass++)
		for (int j = 1; j <= n; j++) {
			if (map[j].kind != CC_X || glp_mip_col_val(P, j) < 0.5)
				continue;
			int l = map[j].learner, b = map[j].block;
			if (*solution_attend(&out, l, b) >= 0)
				continue;
			int pick = -1;
			for (size_t i = 0; i < out.n_sessions && pick < 0; i++) {
				struct session *s = &out.sessions[i];
				if (s->block != b || s->offering != map[j].goal)
					continue;
				int min = s->offering < 0 ? 1 : p->goals[s->offering].min_group;
				int max = s->offering < 0 ? p->config.lab_max_group
							  : p->goals[s->offering].max_group;
				int cap = p->rooms[s->room].capacity < max ? p->rooms[s->room].capacity : max;
				if (pass == 0 ? s->size < min : s->size < cap)
					pick = (int)i;
			}
			if (pick < 0)
				continue;
			out.sessions[pick].size++;
			*solution_attend(&out, l, b) = pick;
		}
	for (size_t i = 0; i < out.n_sessions; i++)
		if (out.sessions[i].facilitator < 0)
			goto out_fail;
	solution_recount(&out);
	solution_release(sol);
	*sol = out;
	return 0;
out_fail:
	solution_release(&out);
	return -1;
}

static void set_name(glp_prob *P, int j, const char *fmt, ...) MCL_PRINTF(3, 4);
static void set_name(glp_prob *P, int j, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && n < (int)sizeof(buf))
		glp_set_col_name(P, j, buf);
}

/* Names the columns the map knows after what they decide, with the
 * contract's ids (GLPK's LP writer turns '-' into '~'):
 *   x(LEARNER,BLOCK,GOAL)  f(FACILITATOR,BLOCK,GOAL)  r(ROOM,BLOCK,GOAL)
 *   n(BLOCK,GOAL)  z(LEARNER,GOAL)  pi(LEARNER)  d(LEARNER,DAY)
 * with GOAL "@lab" for the lab ("@" is in no id).  Seminar columns stay
 * unnamed (x_J).  A schedule can then be fixed onto the written model by
 * name (tests/audit/audit.py). */
static void name_columns(const struct problem *p, glp_prob *P, const struct cycle_col *map)
{
	int n = glp_get_num_cols(P);
	for (int j = 1; j <= n; j++) {
		const struct cycle_col *c = &map[j];
		const char *g = c->goal >= 0 ? p->goals[c->goal].id : "@lab";
		const char *b = c->block >= 0 ? p->blocks[c->block].id : "";
		switch (c->kind) {
		case CC_X:
			set_name(P, j, "x(%s,%s,%s)", p->learners[c->learner].id, b, g);
			break;
		case CC_FAC:
			set_name(P, j, "f(%s,%s,%s)", p->facilitators[c->facilitator].id, b, g);
			break;
		case CC_ROOM:
			set_name(P, j, "r(%s,%s,%s)", p->rooms[c->room].id, b, g);
			break;
		case CC_N:
			set_name(P, j, "n(%s,%s)", b, g);
			break;
		case CC_CREDIT:
			set_name(P, j, "z(%s,%s)", p->learners[c->learner].id, g);
			break;
		case CC_BONUS:
			set_name(P, j, "pi(%s)", p->learners[c->learner].id);
			break;
		case CC_DAY:
			set_name(P, j, "d(%s,%d)", p->learners[c->learner].id, c->day);
			break;
		case CC_OTHER:
			break;
		}
	}
}

int cycle_mip_write(const struct problem *p, const int *ws_blocks, int n_ws, const int *sem_blocks,
		    int n_sem, const char *path)
{
	struct cycle_col *map = NULL;
	glp_prob *P = cycle_mip_build_full(p, ws_blocks, n_ws, sem_blocks, n_sem, &map);
	name_columns(p, P, map);
	free(map);
	int rc = glp_write_lp(P, NULL, path);
	glp_delete_prob(P);
	if (rc != 0)
		mcl_log(LOG_QUIET, "cannot write the LP file '%s'", path);
	else
		mcl_log(LOG_NORMAL, "wrote the exact cycle model to %s", path);
	return rc;
}
