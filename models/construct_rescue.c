/*
 * construct_rescue.c - construction that gets stuck (see workshop_search.h).
 *
 * The construct stage plans the blocks one after the other, each against
 * the blocks planned before it.  A block can then have no plan at all
 * (BLOCK_STUCK): the blocks before it gave too many of its learners every
 * session they need, so the lab cannot seat those left, or the spread of a
 * part-time facilitator's max_sessions (cy->allowed) left it short of
 * staff.  Neither proves the cycle infeasible, so construction starts
 * again: a block stuck after others is planned first (what it needs is
 * then still there, and the others are valued against it); a block stuck
 * with nothing planned before it takes one turn of a part-time facilitator
 * from the block with the most staff allowed.  Each block is rescued at
 * most RESCUE_PER_BLOCK times, so construction ends.  Once a block got
 * stuck after others, the blocks planned from then on keep lab reserves
 * for the later ones (construct_reserves).  Nothing here runs on
 * a school whose construction does not get stuck.
 */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/workshop_search.h"

/* Block b back to unplanned (its counts taken off). */
static void unplan_block(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	cycle_count_block(cy, b, -1);
	period_mip_result_free(&cy->block_res[b]);
	for (int l = 0; l < p->n_learners; l++)
		cy->plan[(long)l * p->n_blocks + b] = NONE;
	cycle_count_block(cy, b, +1);
}

/* Facilitators allowed (and available) in block b. */
static int staff_allowed(const struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	int n = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		n += !p->facilitators[f].unavailable[b] && cy->allowed[(long)f * p->n_blocks + b];
	return n;
}

/* Moves one turn of a facilitator available in b but not allowed there to
 * b, from the block with the most staff allowed (ties: the first
 * facilitator, the first block in time).  Returns whether one moved. */
static bool take_turn(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	int best_f = -1, best_a = -1, best_staff = -1;
	for (int f = 0; f < p->n_facilitators; f++) {
		const bool *row = &cy->allowed[(long)f * p->n_blocks];
		if (p->facilitators[f].unavailable[b] || row[b])
			continue;
		for (int j = 0; j < cy->n_blocks; j++) {
			int a = cy->blocks[j];
			if (a == b || !row[a] || p->facilitators[f].unavailable[a])
				continue;
			int staff = staff_allowed(cy, a);
			if (staff > best_staff) {
				best_staff = staff;
				best_f = f;
				best_a = a;
			}
		}
	}
	if (best_f < 0)
		return false;
	cy->allowed[(long)best_f * p->n_blocks + best_a] = false;
	cy->allowed[(long)best_f * p->n_blocks + b] = true;
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: '%s' leads in '%s' instead of '%s'",
		mcl_now() - cy->t0, p->facilitators[best_f].id, p->blocks[b].id,
		p->blocks[best_a].id);
	return true;
}

/* Whether the order order[0..j-1] with b moved first was already run with
 * lab reserves: tried holds n of those orders, cy->n_blocks each. */
static bool tried_before(const struct cycle *cy, const int *order, int j, const int *tried,
			 int n)
{
	for (int k = 0; k < n; k++) {
		const int *o = &tried[(long)k * cy->n_blocks];
		bool same = o[0] == order[j];
		for (int i = 0; i < cy->n_blocks && same; i++)
			same = i < j ? o[i + 1] == order[i] : i == j || o[i] == order[i];
		if (same)
			return true;
	}
	return false;
}

bool construct_rescue(struct cycle *cy, int *order, int j, int *rescued)
{
	const struct problem *p = cy->p;
	int b = order[j];
	/* rescued[n_blocks]: how many orders rescued[n_blocks + 1 ...] holds */
	int *n_tried = &rescued[p->n_blocks], *tried = &rescued[p->n_blocks + 1];
	if (rescued[b] >= RESCUE_PER_BLOCK || mip_interrupted || cycle_time_left(cy) <= 0)
		return false;
	/* with lab reserves on and the staff unmoved (j > 0), an order already
	 * run plans every block as before: its restart would only repeat */
	if (j > 0 && cy->lab_reserve && tried_before(cy, order, j, tried, *n_tried)) {
		mcl_log(LOG_VERBOSE, "[%6.1fs] construction: block '%s' first was tried with "
			"the lab reserves: no restart", mcl_now() - cy->t0, p->blocks[b].id);
		return false;
	}
	if (j == 0 && !take_turn(cy, b))
		return false;
	if (j == 0)
		*n_tried = 0;   /* the staff moved: every order plans anew */
	rescued[b]++;
	cy->lab_reserve |= j > 0;
	for (int i = 0; i < j; i++)
		unplan_block(cy, order[i]);
	memmove(order + 1, order, sizeof(int) * (size_t)j);
	order[0] = b;
	if (cy->lab_reserve)
		memcpy(&tried[(long)(*n_tried)++ * cy->n_blocks], order,
		       sizeof(int) * (size_t)cy->n_blocks);
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: block '%s' has no plan after %d block%s: "
		"starting again with it first", mcl_now() - cy->t0, p->blocks[b].id, j,
		j == 1 ? "" : "s");
	return true;
}


/* Need-sessions learner l still lacks (facilitated, ready) of goals block
 * c allows, after the blocks counted in cy->tl. */
static int sessions_left(const struct cycle *cy, int l, int c)
{
	const struct problem *p = cy->p;
	int left = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED &&
		    cy->tl.need_cnt[q] < nd->sessions && problem_block_allows(p, c, nd->goal))
			left += nd->sessions - cy->tl.need_cnt[q];
	}
	return left;
}

/* Lab seats of block c (rooms with the lab feature, up to lab max_group). */
static int block_lab_seats(const struct problem *p, int c)
{
	int seats = 0;
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		if (rm->unavailable[c] || !problem_room_has(rm, p->lab_feature))
			continue;
		seats += rm->capacity < p->config.lab_max_group ? rm->capacity
								 : p->config.lab_max_group;
	}
	return seats;
}

/* Whether blocks a and c allow the same goals. */
static bool same_goals(const struct problem *p, int a, int c)
{
	for (int g = 0; g < p->n_goals; g++)
		if (problem_block_allows(p, a, g) != problem_block_allows(p, c, g))
			return false;
	return true;
}

/* Whether block c is still to be planned (and is not b). */
static bool later(const struct cycle *cy, int b, int c)
{
	return c != b && !cy->block_res[c].groups && !cy->block_res[c].learner_group;
}

struct reserve_ctx {
	const struct cycle *cy;
	int b, n;
	const int *learners, *opt_start, *opt_goal;
	int *left;                  /* [p->n_learners] */
	bool *pick;                 /* [n] */
	struct reserves *out;
};

/* Appends a row: at most cap of the options of goals block c allows of the
 * learners i with pick[i]; only when it binds and can hold. */
static void add_reserve(struct reserve_ctx *x, int c, long cap)
{
	struct reserves *out = x->out;
	int k0 = out->start[out->n], k = k0;
	for (int i = 0; i < x->n; i++)
		for (int o = x->opt_start[i]; o < x->opt_start[i + 1] && x->pick[i]; o++)
			if (x->opt_goal[o] != PERIOD_MIP_LAB &&
			    problem_block_allows(x->cy->p, c, x->opt_goal[o]))
				out->option[k++] = o;
	if (cap < 0 || cap >= k - k0)
		return;
	out->cap[out->n++] = (int)cap;
	out->start[out->n] = k;
}

/* The rows of later block c: its own (learners with one session left that
 * it allows), then once per set of blocks allowing the same goals, the
 * later blocks of the set together. */
static void reserves_of(struct reserve_ctx *x, int j)
{
	const struct cycle *cy = x->cy;
	const struct problem *p = cy->p;
	int c = cy->blocks[j];
	for (int l = 0; l < p->n_learners; l++)
		x->left[l] = sessions_left(cy, l, c);
	long none = 0;
	for (int l = 0; l < p->n_learners; l++)
		none += !p->learners[l].unavailable[c] && x->left[l] == 0;
	for (int i = 0; i < x->n; i++)
		x->pick[i] = x->left[x->learners[i]] == 1 &&
			     !p->learners[x->learners[i]].unavailable[c];
	add_reserve(x, c, block_lab_seats(p, c) - none);
	for (int i = 0; i < j; i++)
		if (later(cy, x->b, cy->blocks[i]) && same_goals(p, cy->blocks[i], c))
			return;         /* the set's rows came with its first block */
	long seats = 0, idle = 0;
	int *count = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	for (int i = j; i < cy->n_blocks; i++) {
		int a = cy->blocks[i];
		if (!later(cy, x->b, a) || !same_goals(p, a, c))
			continue;
		seats += block_lab_seats(p, a);
		for (int l = 0; l < p->n_learners; l++)
			count[l] += !p->learners[l].unavailable[a];
	}
	for (int l = 0; l < p->n_learners; l++)
		idle += count[l] > x->left[l] ? count[l] - x->left[l] : 0;
	for (int i = 0; i < x->n; i++) {
		int l = x->learners[i];
		x->pick[i] = x->left[l] > 0 && x->left[l] <= count[l];
	}
	free(count);
	add_reserve(x, c, seats - idle);
}

void construct_reserves(const struct cycle *cy, int b, int n, const int *learners,
			const int *opt_start, const int *opt_goal, struct reserves *out)
{
	const struct problem *p = cy->p;
	memset(out, 0, sizeof(*out));
	if (!cy->lab_reserve || !cy->constructing)
		return;
	struct reserve_ctx x = { .cy = cy, .b = b, .n = n, .learners = learners,
				 .opt_start = opt_start, .opt_goal = opt_goal, .out = out };
	x.left = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	x.pick = xmalloc(sizeof(bool) * (size_t)(n + 1));
	out->start = xcalloc(2 * (size_t)cy->n_blocks + 2, sizeof(int));
	out->cap = xmalloc(sizeof(int) * (2 * (size_t)cy->n_blocks + 1));
	out->option = xmalloc(sizeof(int) * (2 * (size_t)cy->n_blocks * (size_t)opt_start[n] + 1));
	for (int j = 0; j < cy->n_blocks; j++)
		if (later(cy, b, cy->blocks[j]))
			reserves_of(&x, j);
	if (out->n)
		mcl_log(LOG_VERBOSE, "construction: '%s' keeps %d lab reserve%s", p->blocks[b].id,
			out->n, out->n == 1 ? "" : "s");
	free(x.left);
	free(x.pick);
}

void reserves_free(struct reserves *r)
{
	free(r->start);
	free(r->option);
	free(r->cap);
	memset(r, 0, sizeof(*r));
}
