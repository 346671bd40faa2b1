/*
 * workshop_rescue.c - a learner left out of every workshop given a session
 * at no cost to the objective (move_rescue, workshop_search.h).
 *
 * The objective values a learner's first session of a day the same
 * (weights.daily) whoever they are, so a schedule that leaves a learner
 * without any workshop can score exactly what one that seats them scores
 * (a one-learner session of another goal swapped for theirs), and the
 * other moves, which keep a change only when the objective rises, stop at
 * either (or at a schedule a chain of moves would improve: when every
 * session of the learner's goal is full, a new one needs learners who had
 * theirs elsewhere).  This move takes a session of a block where the
 * learner sits in a lab, whose facilitator can lead one of the learner's
 * goals g and whose room suits g; makes it a session of g for the learner
 * and the learners of that block who need g (below min_group, or when the
 * other labs cannot seat the session's own learners, also learners who had
 * g in another block, theirs moved here: the session's own first, who need
 * no lab seat then); sends the rest of its learners to the block's other
 * labs; and keeps the change when the objective does not fall and fewer
 * learners are left out.  The session's facilitator, room and block stay,
 * so staffing, rooms and max_sessions still hold.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/workshop_search.h"

/* Exact evaluations a left-out learner gets (labs, then the smallest
 * sessions first). */
#define RESCUE_TRIES 12

/* The move runs after the search, whose rounds use the time limit up: it
 * gets this share of the limit beyond (milliseconds a learner), never past
 * the solve's deadline. */
#define RESCUE_SHARE 0.02

/* A session that could become one of the learner's goals. */
struct rescue_cand {
	int b, gi, goal, size;
	bool lab;
};

/* Labs first (their learners lose nothing in another lab), then the
 * workshops; smaller first. */
static int cand_cmp(const void *a, const void *b)
{
	const struct rescue_cand *x = a, *y = b;
	if (x->lab != y->lab)
		return x->lab ? -1 : 1;
	return x->size != y->size ? x->size - y->size : x->b != y->b ? x->b - y->b : x->gi - y->gi;
}

/* Whether placeable learner l has no workshop session or seminar meeting. */
static bool left_out(const struct cycle *cy, int l)
{
	const struct problem *p = cy->p;
	if (!problem_placeable(p, l))
		return false;
	for (int d = 0; d < p->n_days; d++)
		if (*tally_day(&cy->tl, p, l, d) > 0)
			return false;
	return true;
}

/* Learner l's position among block b's learners, or -1. */
static int position(const struct problem *p, int l, int b)
{
	if (p->learners[l].unavailable[b])
		return -1;
	int i = 0;
	for (int k = 0; k < l; k++)
		i += !p->learners[k].unavailable[b];
	return i;
}

/* Seats of group gi of block b's plan r run as goal (or the lab). */
static int seats(const struct problem *p, const struct period_mip_result *r, int gi, int goal)
{
	return problem_group_seats(p, r->group_room[gi], goal == PERIOD_MIP_LAB, goal);
}

/* Whether learner l has a ready need of goal g with sessions left. */
static bool wants(const struct cycle *cy, int l, int g)
{
	const struct problem *p = cy->p;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].goal == g && p->needs[q].ready &&
		    cy->tl.need_cnt[q] < p->needs[q].sessions)
			return true;
	return false;
}

/* The sessions of l's lab blocks that could run one of l's goals, l's own
 * lab included (convert finds out whether its learners can be seated). */
static int candidates(const struct cycle *cy, int l, struct rescue_cand **out)
{
	const struct problem *p = cy->p;
	int n = 0;
	size_t alloc = 0;
	*out = NULL;
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j], i = position(p, l, b);
		const struct period_mip_result *r = &cy->block_res[b];
		if (i < 0 || !r->groups || r->groups[r->learner_group[i]].goal != PERIOD_MIP_LAB)
			continue;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			int g = p->needs[q].goal;
			if (p->goals[g].mode != GOAL_FACILITATED || !wants(cy, l, g) ||
			    !problem_block_allows(p, b, g))
				continue;
			for (int gi = 0; gi < r->n_groups; gi++) {
				const struct period_mip_group *gr = &r->groups[gi];
				if (gr->goal == g ||
				    problem_goal_level(p, gr->facilitator, g) < LEVEL_ABLE ||
				    !problem_room_has(&p->rooms[r->group_room[gi]], p->goals[g].feature) ||
				    seats(p, r, gi, g) < p->goals[g].min_group)
					continue;
				if ((size_t)n + 1 > alloc)
					xgrow((void **)out, &alloc, (size_t)n + 1, sizeof(**out));
				(*out)[n++] = (struct rescue_cand){ b, gi, g, gr->size,
								   gr->goal == PERIOD_MIP_LAB };
			}
		}
	}
	if (n > 1)   /* *out is NULL when no candidate was found */
		qsort(*out, (size_t)n, sizeof(**out), cand_cmp);
	return n;
}

/* Moves learner position i of plan r to a lab other than group not with a
 * free seat; false when none has one. */
static bool to_lab(const struct problem *p, struct period_mip_result *r, int i, int not)
{
	for (int gi = 0; gi < r->n_groups; gi++)
		if (gi != not && r->groups[gi].goal == PERIOD_MIP_LAB &&
		    r->groups[gi].size < seats(p, r, gi, PERIOD_MIP_LAB)) {
			r->groups[r->learner_group[i]].size--;
			r->groups[gi].size++;
			r->learner_group[i] = gi;
			return true;
		}
	return false;
}

/* The blocks a try changed, with their plans before it. */
struct undo {
	int n, *b, *n_learners;
	struct period_mip_group **groups;
	int **learner_group;
};

/* Saves block b's plan into u, once. */
static void undo_save(struct undo *u, const struct cycle *cy, int b)
{
	for (int k = 0; k < u->n; k++)
		if (u->b[k] == b)
			return;
	const struct period_mip_result *r = &cy->block_res[b];
	int n = cycle_block_learners(cy->p, b), k = u->n++;
	u->b[k] = b;
	u->n_learners[k] = n;
	u->groups[k] = xmalloc(sizeof(*r->groups) * ((size_t)r->n_groups + 1));
	memcpy(u->groups[k], r->groups, sizeof(*r->groups) * (size_t)r->n_groups);
	u->learner_group[k] = xmalloc(sizeof(int) * ((size_t)n + 1));
	memcpy(u->learner_group[k], r->learner_group, sizeof(int) * (size_t)n);
}

/* Puts saved plan k back into the block (its counts are the caller's). */
static void undo_one(const struct undo *u, struct cycle *cy, int k)
{
	struct period_mip_result *r = &cy->block_res[u->b[k]];
	memcpy(r->groups, u->groups[k], sizeof(*r->groups) * (size_t)r->n_groups);
	memcpy(r->learner_group, u->learner_group[k], sizeof(int) * (size_t)u->n_learners[k]);
}

/* Puts every saved plan back, with its plan and counts; frees u. */
static void undo_all(struct undo *u, struct cycle *cy, bool restore)
{
	for (int k = 0; k < u->n; k++) {
		if (restore) {
			cycle_count_block(cy, u->b[k], -1);
			undo_one(u, cy, k);
			cycle_plan_from_result(cy, u->b[k]);
			cycle_count_block(cy, u->b[k], +1);
		}
		free(u->groups[k]);
		free(u->learner_group[k]);
	}
	free(u->b);
	free(u->n_learners);
	free(u->groups);
	free(u->learner_group);
}

/*
 * Learner l, who has had their sessions of goal g, leaves one of them (in
 * a block other than b, a session that stays at least min_group) for a
 * lab there, so that they can join g's new session in b.  Returns whether
 * one could.
 */
static bool release_elsewhere(struct cycle *cy, struct undo *u, int l, int b, int g)
{
	const struct problem *p = cy->p;
	for (int j = 0; j < cy->n_blocks; j++) {
		int b2 = cy->blocks[j];
		if (b2 == b || cy->plan[(long)l * p->n_blocks + b2] != g)
			continue;
		int i2 = position(p, l, b2);
		struct period_mip_result *r2 = &cy->block_res[b2];
		if (r2->groups[r2->learner_group[i2]].size <= p->goals[g].min_group)
			continue;
		undo_save(u, cy, b2);
		cycle_count_block(cy, b2, -1);
		bool moved = to_lab(p, r2, i2, -1);
		cycle_plan_from_result(cy, b2);
		cycle_count_block(cy, b2, +1);
		if (moved)
			return true;
	}
	return false;
}

/* Lab seats of plan r free outside group not. */
static int lab_spare(const struct problem *p, const struct period_mip_result *r, int not)
{
	int spare = 0;
	for (int gi = 0; gi < r->n_groups; gi++)
		if (gi != not && r->groups[gi].goal == PERIOD_MIP_LAB)
			spare += seats(p, r, gi, PERIOD_MIP_LAB) - r->groups[gi].size;
	return spare;
}

/*
 * Block c.b's group c.gi made a session of c.goal for learner position il
 * (left out).  Who joins, in this order, while seats last: its own learners
 * who want c.goal, then the lab learners of the block who do; then, while
 * the session is below min_group or the block's other labs cannot seat the
 * learners it sends away, learners who had their c.goal in another block
 * move theirs here (release_elsewhere): its own learners first, who then
 * need no lab seat here, then lab learners, each freeing one.  The rest of
 * its learners go to the other labs.  r is the block's plan with its
 * counts removed; false (r half changed: the caller restores it) when the
 * labs cannot seat them or a group ends outside its sizes.
 */
static bool convert(struct cycle *cy, struct undo *u, struct period_mip_result *r,
		    const struct rescue_cand *c, int il)
{
	const struct problem *p = cy->p;
	int n = cycle_block_learners(p, c->b), gi = c->gi, cap = seats(p, r, gi, c->goal);
	int min = p->goals[c->goal].min_group;
	/* sent[i]: position i, one of the group's own learners, has no place
	 * yet; the learner's own lab seat frees first */
	bool *sent = xcalloc((size_t)n + 1, sizeof(bool));
	int n_sent = 0;
	r->groups[r->learner_group[il]].size--;
	for (int i = 0; i < n; i++)
		if (i != il && r->learner_group[i] == gi) {
			sent[i] = true;
			n_sent++;
		}
	r->groups[gi].goal = c->goal;
	r->groups[gi].size = 1;
	r->learner_group[il] = gi;
	for (int pass = 0; pass < 4; pass++)
		for (int l = 0, i = 0; l < p->n_learners && r->groups[gi].size < cap; l++) {
			if (p->learners[l].unavailable[c->b])
				continue;
			int k = r->learner_group[i];
			bool own = sent[i], lab = !own && k != gi &&
				r->groups[k].goal == PERIOD_MIP_LAB && r->groups[k].size > 1;
			bool short_of = r->groups[gi].size < min || n_sent > lab_spare(p, r, gi);
			if ((pass % 2 == 0 ? own : lab) &&
			    (pass < 2 ? wants(cy, l, c->goal)
				      : short_of && release_elsewhere(cy, u, l, c->b, c->goal))) {
				if (own) {
					sent[i] = false;
					n_sent--;
				} else {
					r->groups[k].size--;
				}
				r->learner_group[i] = gi;
				r->groups[gi].size++;
			}
			i++;
		}
	bool ok = r->groups[gi].size >= min;
	for (int i = 0; i < n && ok; i++)
		if (sent[i]) {
			r->learner_group[i] = gi;    /* counted nowhere: to_lab moves it */
			r->groups[gi].size++;
			ok = to_lab(p, r, i, gi);
		}
	free(sent);
	for (int k = 0; k < r->n_groups && ok; k++)
		ok = r->groups[k].size >= 1;
	return ok;
}

/* Placeable learners without any workshop session or seminar meeting. */
static int count_left_out(const struct cycle *cy)
{
	int n = 0;
	for (int l = 0; l < cy->p->n_learners; l++)
		n += left_out(cy, l);
	return n;
}

/* Tries candidate c for left-out learner l; keeps it when the objective
 * does not fall and fewer learners are left out.  Returns whether kept. */
static bool try_rescue(struct cycle *cy, int l, const struct rescue_cand *c)
{
	double before = cycle_objective(cy);
	int out_before = count_left_out(cy);
	struct undo u = { 0 };
	u.b = xmalloc(sizeof(int) * ((size_t)cy->n_blocks + 1));
	u.n_learners = xmalloc(sizeof(int) * ((size_t)cy->n_blocks + 1));
	u.groups = xmalloc(sizeof(*u.groups) * ((size_t)cy->n_blocks + 1));
	u.learner_group = xmalloc(sizeof(*u.learner_group) * ((size_t)cy->n_blocks + 1));
	undo_save(&u, cy, c->b);
	cycle_count_block(cy, c->b, -1);
	bool ok = convert(cy, &u, &cy->block_res[c->b], c, position(cy->p, l, c->b));
	if (!ok)
		undo_one(&u, cy, 0);               /* c->b's plan whole again */
	cycle_plan_from_result(cy, c->b);
	cycle_count_block(cy, c->b, +1);
	ok = ok && cycle_objective(cy) >= before - 1e-6 && count_left_out(cy) < out_before;
	undo_all(&u, cy, !ok);
	return ok;
}

int move_rescue(struct cycle *cy)
{
	const struct problem *p = cy->p;
	int rescued = 0;
	double t_end = mcl_now() + model_time_left(cy->opt, RESCUE_SHARE * cy->opt->time_limit);
	for (int l = 0; l < p->n_learners && !mip_interrupted && mcl_now() < t_end; l++) {
		if (!left_out(cy, l))
			continue;
		struct rescue_cand *cand;
		int n = candidates(cy, l, &cand);
		for (int k = 0; k < n && k < RESCUE_TRIES; k++)
			if (try_rescue(cy, l, &cand[k])) {
				rescued++;
				break;
			}
		free(cand);
	}
	return rescued;
}
