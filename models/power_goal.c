/*
 * power_goal.c - the power-goal model: a focus period in which each learner
 * keeps one ready goal, one group and one facilitator for the whole cycle,
 * or works in the lab; labs are per block.
 *
 * The problem (power_goal_mip.c states it as an integer program): a group
 * (goal g, facilitator k, members) meets in every workshop block where one
 * of its members is available, with k, in a room with g's feature seating
 * who attends; its size, counting all its members, is within [min_g, max_g];
 * each meeting counts toward k's max_sessions.  Every other learner is in a
 * lab in each block: in block b any facilitator available in b and leading
 * no group meeting in b may supervise one (within max_sessions), in a room
 * with lab.feature, of 1 to lab max_group learners.  A learner's value
 * depends only on whether they are in a group of goal g or in the lab
 * (pg_options), so the problem is which groups to open.
 *
 * The search (a heuristic, restricted for speed): a facilitator leads at
 * most one group.  Greedily, it opens the group (k, g) of largest gain --
 * the members' value over their lab value, the best members who k can lead
 * up to max_g and the largest room for g, plus the guru weight of its
 * meetings -- whose opening leaves the labs staffable in every block (a
 * bipartite b-matching of free facilitators to lab sessions, by augmenting
 * paths), until no group gains.  When even the all-lab schedule cannot be
 * staffed, groups that shrink the shortfall are opened first.  Then lab
 * learners join open groups and members move between them where they gain
 * (pg_fill_groups, pg_move_members), and the whole is restarted with
 * perturbed rankings (search_restarts), the best kept; a run whose labs
 * fall short is repaired first (pg_repair).  The best is then improved by
 * moves on whole groups and, on a small school, by the exact MIP
 * (power_goal_moves.c, where the reasons are written).
 *
 * The bound is not the search's: pg_bound() (power_goal_bound.c) bounds every
 * schedule the contract allows in this model.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "models/power_goal_mip.h"
#include "models/power_goal_search.h"
#include "models/precheck.h"

#define PG_RESTARTS 200             /* most perturbed restarts of the greedy */

/* Where everything meets: rooms of group meetings and the labs of each
 * block with their rooms and supervisors. */
struct pg_plan {
	int *group_room;            /* [n_groups * nb], -1 without a meeting */
	int *lab_start;             /* [nb + 1] into lab_room, lab_fac */
	int *lab_room, *lab_fac;
};

bool pg_in_block(const struct pg_search *s, int i, int j)
{
	return !s->p->learners[s->o->learners[i]].unavailable[s->o->blocks[j]];
}

int pg_attendance(const struct pg_search *s, const struct pg_group *gr, int j)
{
	int n = 0;
	for (int m = 0; m < gr->n; m++)
		n += pg_in_block(s, gr->members[m], j);
	return n;
}

/* Augmenting path for one more lab supervisor in block j (b-matching of
 * facilitators, each up to rem[k] blocks, to the blocks' lab sessions). */
static bool augment(int j, int nb, int nk, const char *can, char *asg, int *used,
		    const int *rem, char *seen)
{
	for (int k = 0; k < nk; k++) {
		if (!can[k * nb + j] || asg[k * nb + j] || seen[k])
			continue;
		seen[k] = 1;
		if (used[k] < rem[k]) {
			asg[k * nb + j] = 1;
			used[k]++;
			return true;
		}
		for (int j2 = 0; j2 < nb; j2++)
			if (j2 != j && asg[k * nb + j2] && augment(j2, nb, nk, can, asg, used, rem, seen)) {
				asg[k * nb + j2] = 0;
				asg[k * nb + j] = 1;
				return true;
			}
	}
	return false;
}

/* How a group's meeting ranks a room it fits (lower first): rooms of the
 * lab feature last (the labs need them), then the smallest (best fit; the
 * groups that need a feature have taken theirs already). */
static long room_rank(const struct problem *p, const struct room *rm)
{
	bool lab = p->lab_feature >= 0 && problem_room_has(rm, p->lab_feature);
	return (long)lab * (INT_MAX / 4 + 1L) + rm->capacity;
}

/* Rooms for block j's group meetings (largest first, or with featured
 * those that need a room feature first; each the room of least room_rank
 * that fits) and for its labs (largest first).  Marks used rooms; returns
 * the learners left without a seat; appends the lab rooms to plan (when
 * not NULL) and their count to *n_labs. */
static int block_rooms(const struct pg_search *s, int j, bool featured, char *used,
		       struct pg_plan *plan, int *labs, int *n_labs, int *lab_learners)
{
	const struct problem *p = s->p;
	int b = s->o->blocks[j], short_of = 0, lab_max = p->config.lab_max_group;
	int *order = xmalloc(sizeof(int) * ((size_t)s->n_groups + 1));
	long *key = xmalloc(sizeof(long) * ((size_t)s->n_groups + 1));
	int n = 0;
	for (int gi = 0; gi < s->n_groups; gi++) {
		int att = pg_attendance(s, &s->groups[gi], j);
		if (!att)
			continue;
		key[n] = att + (featured && p->goals[s->groups[gi].g].feature >= 0 ?
				INT_MAX / 4 + 1L : 0);
		order[n++] = gi;
	}
	for (int a = 1; a < n; a++)         /* by key, largest first */
		for (int c = a; c > 0 && key[c] > key[c - 1]; c--) {
			int t = order[c];
			long tk = key[c];
			order[c] = order[c - 1];
			key[c] = key[c - 1];
			order[c - 1] = t;
			key[c - 1] = tk;
		}
	for (int a = 0; a < n; a++) {
		const struct pg_group *gr = &s->groups[order[a]];
		int att = pg_attendance(s, gr, j), best = -1;
		for (int r = 0; r < p->n_rooms; r++) {
			const struct room *rm = &p->rooms[r];
			if (used[r] || rm->unavailable[b] || rm->capacity < att ||
			    !problem_room_has(rm, p->goals[gr->g].feature))
				continue;
			if (best < 0 || room_rank(p, rm) < room_rank(p, &p->rooms[best]))
				best = r;
		}
		if (best < 0)
			short_of += att;
		else
			used[best] = 1;
		if (plan)
			plan->group_room[order[a] * s->nb + j] = best;
	}
	free(key);
	free(order);
	int left = 0;
	for (int i = 0; i < s->o->n; i++)
		left += s->group_of[i] < 0 && pg_in_block(s, i, j);
	*lab_learners = left;
	*n_labs = 0;
	while (left > 0) {
		int best = -1;
		for (int r = 0; r < p->n_rooms; r++)
			if (!used[r] && !p->rooms[r].unavailable[b] &&
			    problem_room_has(&p->rooms[r], p->lab_feature) &&
			    (best < 0 || p->rooms[r].capacity > p->rooms[best].capacity))
				best = r;
		if (best < 0)
			break;
		used[best] = 1;
		labs[(*n_labs)++] = best;
		left -= p->rooms[best].capacity < lab_max ? p->rooms[best].capacity : lab_max;
	}
	return short_of + (left > 0 ? left : 0);
}

/* The shortfall of the current groups: learners without a seat plus
 * learners of the labs without a supervisor (the smallest labs of the
 * block), over every block; 0 when the schedule can be written.  Counting
 * learners, not labs, lets the repair see each lab learner who joins a
 * group as progress, not only the last one of a lab.  Fills plan when not
 * NULL (its arrays sized by plan_alloc). */
static long plan_labs(const struct pg_search *s, struct pg_plan *plan)
{
	const struct problem *p = s->p;
	int nb = s->nb, nk = p->n_facilitators;
	long shortfall = 0;
	char *used = xmalloc((size_t)p->n_rooms + 1);
	int *labs = xmalloc(sizeof(int) * ((size_t)nb * (p->n_rooms + 1) + 1));
	int *n_labs = xcalloc((size_t)nb + 1, sizeof(int));
	int *lab_learners = xcalloc((size_t)nb + 1, sizeof(int));
	char *can = xcalloc((size_t)nk * nb + 1, 1);
	char *asg = xcalloc((size_t)nk * nb + 1, 1);
	int *rem = xmalloc(sizeof(int) * ((size_t)nk + 1));
	int *use = xcalloc((size_t)nk + 1, sizeof(int));
	char *seen = xmalloc((size_t)nk + 1);
	for (int k = 0; k < nk; k++)
		rem[k] = p->facilitators[k].max_sessions;
	for (long e = 0; plan && e < (long)s->n_groups * nb; e++)
		plan->group_room[e] = -1;
	for (int k = 0; k < nk; k++)
		for (int j = 0; j < nb; j++)
			can[k * nb + j] = !p->facilitators[k].unavailable[s->o->blocks[j]];
	/* a facilitator may lead more than one group (the exact MIP's schedule
	 * may have two, meeting in different blocks) */
	for (int gi = 0; gi < s->n_groups; gi++)
		for (int j = 0; j < nb; j++)
			if (pg_attendance(s, &s->groups[gi], j) > 0) {
				rem[s->groups[gi].k]--;
				can[s->groups[gi].k * nb + j] = 0;
			}
	for (int j = 0; j < nb; j++) {
		memset(used, 0, (size_t)p->n_rooms + 1);
		int *lj = labs + (long)j * (p->n_rooms + 1);
		int *ll = &lab_learners[j];
		int short_j = block_rooms(s, j, false, used, plan, lj, &n_labs[j], ll);
		if (short_j > 0) {  /* a featureless group may have taken a room
				     * that a group needing its feature wanted */
			memset(used, 0, (size_t)p->n_rooms + 1);
			int again = block_rooms(s, j, true, used, plan, lj, &n_labs[j], ll);
			if (again > short_j) {
				memset(used, 0, (size_t)p->n_rooms + 1);
				block_rooms(s, j, false, used, plan, lj, &n_labs[j], ll);
			} else {
				short_j = again;
			}
		}
		shortfall += short_j;
	}
	for (int j = 0; j < nb; j++)
		for (int slot = 0; slot < n_labs[j]; slot++) {
			memset(seen, 0, (size_t)nk + 1);
			augment(j, nb, nk, can, asg, use, rem, seen);
		}
	int lab_max = p->config.lab_max_group;
	for (int j = 0; j < nb; j++) {
		/* the learners of the unstaffed labs (those without a room are
		 * counted already) */
		int staffed = 0, seats = 0, all = 0;
		for (int k = 0; k < nk; k++)
			staffed += asg[k * nb + j];
		for (int slot = 0; slot < n_labs[j]; slot++) {
			int cap = p->rooms[labs[(long)j * (p->n_rooms + 1) + slot]].capacity;
			cap = cap < lab_max ? cap : lab_max;
			seats += slot < staffed ? cap : 0;
			all += cap;
		}
		int seated = lab_learners[j] < all ? lab_learners[j] : all;
		shortfall += staffed < n_labs[j] ? seated - seats : 0;
	}
	if (plan) {
		int n = 0;
		for (int j = 0; j < nb; j++) {
			plan->lab_start[j] = n;
			int k = 0;
			for (int slot = 0; slot < n_labs[j]; slot++) {
				while (k < nk && !asg[k * nb + j])
					k++;
				plan->lab_room[n] = labs[(long)j * (p->n_rooms + 1) + slot];
				plan->lab_fac[n++] = k < nk ? k++ : -1;
			}
		}
		plan->lab_start[nb] = n;
	}
	free(used);
	free(labs);
	free(n_labs);
	free(lab_learners);
	free(can);
	free(asg);
	free(rem);
	free(use);
	free(seen);
	return shortfall;
}

long pg_shortfall(const struct pg_search *s)
{
	return plan_labs(s, NULL);
}

struct by_gain {
	double gain;
	int i;
};

/* Largest gain first, then learner order (as a stable sort of learners in
 * increasing order would give). */
static int by_gain_desc(const void *a, const void *b)
{
	const struct by_gain *x = a, *y = b;
	if (x->gain != y->gain)
		return (x->gain < y->gain) - (x->gain > y->gain);
	return (x->i > y->i) - (x->i < y->i);
}

/* The group k would lead in goal g now: the unassigned learners k may lead,
 * by gain (value over lab value), those that gain (all of them while
 * any_gain), up to max_g and the largest room for g, topped up to min_g;
 * its members in *gr (members array sized o->n) and its gain returned, or
 * -INFINITY when it cannot open. */
double pg_candidate(const struct pg_search *s, int k, int g, bool any_gain,
			struct pg_group *gr, double *gain, int *order)
{
	const struct problem *p = s->p;
	const struct pg_options *o = s->o;
	int n = 0;
	/* sorted with qsort: an insertion sort here was most of the greedy's
	 * time on 1 500 learners (goals wanted by hundreds) */
	struct by_gain *sorted = xmalloc(sizeof(*sorted) *
					 ((size_t)(s->goal_start[g + 1] - s->goal_start[g]) + 1));
	for (int e = s->goal_start[g]; e < s->goal_start[g + 1]; e++) {
		int op = s->goal_opt[e], i = s->opt_learner[op];
		if (s->group_of[i] >= 0 || !pg_leader_fits(p, o, k, i))
			continue;
		gain[i] = o->value[op] - o->value[o->start[i + 1] - 1];
		sorted[n++] = (struct by_gain){ gain[i], i };
	}
	qsort(sorted, (size_t)n, sizeof(*sorted), by_gain_desc);
	for (int a = 0; a < n; a++)
		order[a] = sorted[a].i;
	free(sorted);
	int room = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (problem_room_has(&p->rooms[r], p->goals[g].feature) && p->rooms[r].capacity > room)
			room = p->rooms[r].capacity;
	int cap = p->goals[g].max_group < room ? p->goals[g].max_group : room;
	int min = p->goals[g].min_group;
	char *meets = xcalloc((size_t)s->nb + 1, 1);
	int meetings = 0;
	double total = 0;
	gr->k = k;
	gr->g = g;
	gr->n = 0;
	for (int a = 0; a < n && gr->n < cap; a++) {
		int i = order[a];
		if (gain[i] <= 0 && !any_gain && gr->n >= min)
			break;
		int more = 0;
		for (int j = 0; j < s->nb; j++)
			more += !meets[j] && pg_in_block(s, i, j);
		if (meetings + more > p->facilitators[k].max_sessions)
			continue;
		for (int j = 0; j < s->nb; j++)
			meets[j] |= pg_in_block(s, i, j);
		meetings += more;
		gr->members[gr->n++] = i;
		total += gain[i];
	}
	free(meets);
	if (gr->n < min || gr->n == 0)
		return -INFINITY;
	if (problem_goal_level(p, k, g) == LEVEL_GURU)
		total += p->config.w_guru * meetings;
	return total;
}

void pg_open_group(struct pg_search *s, const struct pg_group *gr)
{
	struct pg_group *ng = &s->groups[s->n_groups];
	ng->k = gr->k;
	ng->g = gr->g;
	ng->n = gr->n;
	ng->members = xmalloc(sizeof(int) * ((size_t)gr->n + 1));
	if (gr->n)
		memcpy(ng->members, gr->members, sizeof(int) * (size_t)gr->n);
	for (int m = 0; m < gr->n; m++)
		s->group_of[gr->members[m]] = s->n_groups;
	s->leading[gr->k] = s->n_groups++;
}

void pg_close_last_group(struct pg_search *s)
{
	struct pg_group *gr = &s->groups[--s->n_groups];
	for (int m = 0; m < gr->n; m++)
		s->group_of[gr->members[m]] = -1;
	s->leading[gr->k] = -1;
	for (int gi = 0; gi < s->n_groups; gi++)   /* another group of k's */
		if (s->groups[gi].k == gr->k)
			s->leading[gr->k] = gi;
	free(gr->members);
}

struct pg_cand {
	int k, g;
	double gain, key;           /* key: the gain, perturbed in restarts */
};

static int by_key(const void *a, const void *b)
{
	const struct pg_cand *x = a, *y = b;
	if (x->key != y->key)
		return (x->key < y->key) - (x->key > y->key);
	return x->k != y->k ? x->k - y->k : x->g - y->g;
}

/* A number in [-1, 1) from s's generator (xorshift32). */
static double next_unit(struct pg_search *s)
{
	s->rng ^= s->rng << 13;
	s->rng ^= s->rng >> 17;
	s->rng ^= s->rng << 5;
	return (double)s->rng / 2147483648.0 - 1;
}

/* Opens groups greedily (see the top of the file), until none gains or,
 * once the labs can be staffed, past deadline (mcl_now()); returns the
 * final shortfall, 0 when the schedule can be written. */
static long search(struct pg_search *s, double deadline)
{
	const struct problem *p = s->p;
	int nk = p->n_facilitators, ng = p->n_goals;
	double *gain = xcalloc((size_t)s->o->n + 1, sizeof(double));
	int *order = xmalloc(sizeof(int) * ((size_t)s->o->n + 1));
	struct pg_group gr = { .members = xmalloc(sizeof(int) * ((size_t)s->o->n + 1)) };
	struct pg_cand *cand = xmalloc(sizeof(*cand) * ((size_t)nk * ng + 1));
	long shortfall = plan_labs(s, NULL);
	for (;;) {
		int nc = 0;
		for (int k = 0; k < nk; k++)
			for (int g = 0; s->leading[k] < 0 && k != s->forbid && g < ng; g++) {
				if (s->goal_start[g] == s->goal_start[g + 1] ||
				    problem_goal_level(p, k, g) < LEVEL_ABLE)
					continue;
				double v = pg_candidate(s, k, g, shortfall > 0, &gr, gain, order);
				if (v > 0 || (shortfall > 0 && v > -INFINITY))
					cand[nc++] = (struct pg_cand){
						k, g, v, v * (1 + s->noise * next_unit(s)) };
			}
		qsort(cand, (size_t)nc, sizeof(*cand), by_key);
		bool opened = false;
		for (int c = 0; c < nc && !opened && !mip_interrupted; c++) {
			pg_candidate(s, cand[c].k, cand[c].g, shortfall > 0, &gr, gain, order);
			pg_open_group(s, &gr);
			long after = plan_labs(s, NULL);
			if (after < shortfall || (after == shortfall && cand[c].gain > 0)) {
				shortfall = after;
				opened = true;
			} else {
				pg_close_last_group(s);
			}
		}
		if (!opened || (shortfall == 0 && mcl_now() > deadline))
			break;
	}
	free(gain);
	free(order);
	free(gr.members);
	free(cand);
	return shortfall;
}

/* Whether learner i (in no group, or another) may join group gi: below
 * max_group, and its facilitator available and with the sessions for the
 * meetings it would then have. */
bool pg_can_join(const struct pg_search *s, int gi, int i)
{
	const struct problem *p = s->p;
	const struct pg_group *gr = &s->groups[gi];
	if (gr->n >= p->goals[gr->g].max_group || !pg_leader_fits(p, s->o, gr->k, i))
		return false;
	int meetings = 0;
	for (int j = 0; j < s->nb; j++)
		meetings += pg_attendance(s, gr, j) > 0 || pg_in_block(s, i, j);
	return meetings <= p->facilitators[gr->k].max_sessions;
}

void pg_join(struct pg_search *s, int i, int gi)
{
	struct pg_group *gr = &s->groups[gi];
	gr->members = xrealloc(gr->members, sizeof(int) * ((size_t)gr->n + 1));
	gr->members[gr->n++] = i;
	s->group_of[i] = gi;
}

void pg_leave(struct pg_search *s, int i)
{
	struct pg_group *gr = &s->groups[s->group_of[i]];
	int at = 0;
	while (gr->members[at] != i)
		at++;
	gr->members[at] = gr->members[--gr->n];
	s->group_of[i] = -1;
}

/* Adds to the open groups the learners left in the lab who gain by joining
 * one (best gain first), while the group's size, its facilitator's sessions
 * and the rooms and labs allow. */
void pg_fill_groups(struct pg_search *s)
{
	const struct pg_options *o = s->o;
	for (int i = 0; i < o->n && !mip_interrupted; i++) {
		if (s->group_of[i] >= 0)
			continue;
		double lab = o->value[o->start[i + 1] - 1], best_gain = 0;
		int best = -1;
		for (int gi = 0; gi < s->n_groups; gi++) {
			const struct pg_group *gr = &s->groups[gi];
			if (!pg_can_join(s, gi, i))
				continue;
			for (int op = o->start[i]; op < o->start[i + 1]; op++)
				if (o->goal[op] == gr->g && o->value[op] - lab > best_gain + 1e-9) {
					best_gain = o->value[op] - lab;
					best = gi;
				}
		}
		if (best < 0)
			continue;
		pg_join(s, i, best);
		if (plan_labs(s, NULL) > 0)
			pg_leave(s, i);
	}
}

/* The value of learner i's option of goal g (PG_LAB: the lab). */
double pg_value_of(const struct pg_options *o, int i, int g)
{
	for (int op = o->start[i]; op < o->start[i + 1]; op++)
		if (o->goal[op] == g)
			return o->value[op];
	return -INFINITY;
}

/* Moves group members to another open group where they score more, while
 * sizes (min_group left behind, max_group), the facilitator's sessions,
 * rooms and labs allow; returns the moves made. */
int pg_move_members(struct pg_search *s)
{
	const struct problem *p = s->p;
	const struct pg_options *o = s->o;
	int moves = 0;
	for (int i = 0; i < o->n && !mip_interrupted; i++) {
		int from = s->group_of[i];
		if (from < 0 || s->groups[from].n <= p->goals[s->groups[from].g].min_group)
			continue;
		double now = pg_value_of(o, i, s->groups[from].g), best_gain = 1e-9;
		int best = -1;
		for (int gi = 0; gi < s->n_groups; gi++) {
			const struct pg_group *gr = &s->groups[gi];
			if (gi == from || pg_value_of(o, i, gr->g) - now <= best_gain ||
			    !pg_can_join(s, gi, i))
				continue;
			best_gain = pg_value_of(o, i, gr->g) - now;
			best = gi;
		}
		if (best < 0)
			continue;
		pg_leave(s, i);
		pg_join(s, i, best);
		if (plan_labs(s, NULL) == 0) {
			moves++;
			continue;
		}
		pg_leave(s, i);
		pg_join(s, i, from);
	}
	return moves;
}

/* What the current groups score: each learner's option value (the lab's
 * when in no group) plus the guru weight of each meeting a guru leads. */
double pg_search_value(const struct pg_search *s)
{
	const struct pg_options *o = s->o;
	double v = 0;
	for (int i = 0; i < o->n; i++) {
		int g = s->group_of[i] >= 0 ? s->groups[s->group_of[i]].g : PG_LAB;
		for (int op = o->start[i]; op < o->start[i + 1]; op++)
			if (o->goal[op] == g) {
				v += o->value[op];
				break;
			}
	}
	for (int gi = 0; gi < s->n_groups; gi++) {
		const struct pg_group *gr = &s->groups[gi];
		if (problem_goal_level(s->p, gr->k, gr->g) != LEVEL_GURU)
			continue;
		for (int j = 0; j < s->nb; j++)
			v += pg_attendance(s, gr, j) > 0 ? s->p->config.w_guru : 0;
	}
	return v;
}

void pg_snap_take(const struct pg_search *s, struct pg_snap *snap)
{
	int n = s->o->n, mg = s->max_groups;
	if (!snap->group_of) {
		snap->group_of = xmalloc(sizeof(int) * ((size_t)n + 1));
		snap->k = xmalloc(sizeof(int) * ((size_t)2 * mg + 2));
		snap->g = snap->k + mg + 1;
	}
	snap->n_groups = s->n_groups;
	memcpy(snap->group_of, s->group_of, sizeof(int) * (size_t)n);
	for (int gi = 0; gi < s->n_groups; gi++) {
		snap->k[gi] = s->groups[gi].k;
		snap->g[gi] = s->groups[gi].g;
	}
}

void pg_snap_restore(struct pg_search *s, const struct pg_snap *snap)
{
	int n = s->o->n;
	while (s->n_groups)
		pg_close_last_group(s);
	for (int gi = 0; gi < snap->n_groups; gi++)
		pg_open_group(s, &(struct pg_group){ snap->k[gi], snap->g[gi], 0, NULL });
	for (int i = 0; i < n; i++)
		if (snap->group_of[i] >= 0)
			pg_join(s, i, snap->group_of[i]);
}

void pg_snap_free(struct pg_snap *snap)
{
	free(snap->group_of);
	free(snap->k);
	memset(snap, 0, sizeof(*snap));
}

/* One run of the greedy from no groups (search), repaired when the labs
 * fall short, then filled; returns its shortfall.  Run 0 (noise 0, no
 * facilitator kept out) is the model's own hand schedule
 * (power_goal_greedy). */
static long greedy_run(struct pg_search *s, double deadline)
{
	while (s->n_groups)
		pg_close_last_group(s);
	long shortfall = search(s, deadline);
	if (shortfall > 0)
		shortfall = pg_repair(s);
	for (int round = 0; shortfall == 0 && round < 5; round++) {
		pg_fill_groups(s);
		if (!pg_move_members(s))
			break;
	}
	return shortfall;
}

/* The greedy, then restarts with candidates ranked by perturbed gains (and,
 * every other one, a leader of the best schedule so far kept out), for
 * up to a fifth of the time limit (at most PG_RESTARTS), each repaired
 * (pg_repair) when the labs fall short and then filled; the best is
 * improved by the group neighbourhoods (pg_improve) until 0.3 of the time
 * limit (0.25 on a small school) and, on a small school, polished by the
 * exact MIP until 0.7 of it.  Keeps the best schedule in s; returns its shortfall. */
static long search_restarts(struct pg_search *s, const struct solve_options *opt, double t0)
{
	struct pg_snap best = { 0 };
	long best_short = LONG_MAX;
	double best_value = -INFINITY;
	s->rng = 2463534242u ^ (unsigned)opt->seed;
	int run;
	for (run = 0; run <= PG_RESTARTS && !mip_interrupted; run++) {
		if (run > 0 && mcl_now() - t0 > opt->time_limit / 5)
			break;
		s->noise = run ? 0.5 : 0;
		/* every other restart keeps one of the best schedule's group
		 * leaders from leading, so that another may take their place */
		s->forbid = run % 2 && best.n_groups ?
			best.k[(int)((next_unit(s) + 1) / 2 * best.n_groups)] : -1;
		long shortfall = greedy_run(s, t0 + opt->time_limit);
		double v = pg_search_value(s);
		if (shortfall < best_short || (shortfall == best_short && v > best_value + 1e-9)) {
			best_short = shortfall;
			best_value = v;
			pg_snap_take(s, &best);
		}
	}
	pg_snap_restore(s, &best);
	pg_snap_free(&best);
	s->forbid = -1;
	mcl_log(LOG_VERBOSE, "[%6.1fs] power-goal greedy: %d runs, best shortfall %ld value %.1f",
		mcl_now() - t0, run, best_short, best_value);
	/* a small school leaves more time to the exact polish; the bound LP
	 * of a small school is quick */
	bool small = pg_polish_fits(s);
	int moves = pg_improve(s, t0 + (small ? 0.25 : 0.3) * opt->time_limit);
	best_short = pg_shortfall(s);
	mcl_log(LOG_VERBOSE, "[%6.1fs] power-goal moves: %d kept, shortfall %ld value %.1f",
		mcl_now() - t0, moves, best_short, pg_search_value(s));
	double left = t0 + 0.7 * opt->time_limit - mcl_now();
	if (small && left > 0.2 && !mip_interrupted && pg_polish_exact(s, left))
		best_short = 0;
	return best_short;
}

/* Writes the groups' meetings and the labs of plan into sol. */
static void write_schedule(const struct pg_search *s, const struct pg_plan *plan,
			   struct solution *sol)
{
	const struct problem *p = s->p;
	for (int gi = 0; gi < s->n_groups; gi++) {
		const struct pg_group *gr = &s->groups[gi];
		int section = -1;
		for (int j = 0; j < s->nb; j++) {
			if (!pg_attendance(s, gr, j))
				continue;
			struct session ss = { .kind = SESSION_WORKSHOP, .offering = gr->g,
					      .block = s->o->blocks[j],
					      .room = plan->group_room[gi * s->nb + j],
					      .facilitator = gr->k };
			int si = solution_add_session(sol, &ss);
			if (section < 0)
				section = si;
			sol->sessions[si].section = section;
			for (int m = 0; m < gr->n; m++)
				if (pg_in_block(s, gr->members[m], j))
					*solution_attend(sol, s->o->learners[gr->members[m]],
							 s->o->blocks[j]) = si;
		}
	}
	int lab_max = p->config.lab_max_group;
	for (int j = 0; j < s->nb; j++) {
		int i = 0;
		for (int e = plan->lab_start[j]; e < plan->lab_start[j + 1]; e++) {
			struct session ss = { .kind = SESSION_LAB, .offering = -1,
					      .block = s->o->blocks[j], .room = plan->lab_room[e],
					      .facilitator = plan->lab_fac[e] };
			int si = solution_add_session(sol, &ss);
			int cap = p->rooms[ss.room].capacity < lab_max ? p->rooms[ss.room].capacity
								     : lab_max;
			for (int seated = 0; i < s->o->n && seated < cap; i++)
				if (s->group_of[i] < 0 && pg_in_block(s, i, j)) {
					*solution_attend(sol, s->o->learners[i], s->o->blocks[j]) = si;
					seated++;
				}
		}
	}
}

/* The model's run: the search (search_restarts) and the bound, or with
 * opt NULL the greedy's run 0 alone and no bound (power_goal_greedy). */
static int run(const struct problem *p, const struct solve_options *opt, struct solution *sol)
{
	double t0 = mcl_now();
	int rc = 0;
	struct pg_options o;
	pg_options_build(p, &o);
	char *why = precheck_counts(p, o.blocks, o.nb, NULL, NULL);
	if (why) {
		sol->status = SOLVE_INFEASIBLE;
		sol->diagnosis = why;
		pg_options_release(&o);
		return 0;
	}
	struct pg_search s = { .p = p, .o = &o, .nb = o.nb, .forbid = -1 };
	s.group_of = xmalloc(sizeof(int) * ((size_t)o.n + 1));
	for (int i = 0; i < o.n; i++)
		s.group_of[i] = -1;
	s.leading = xmalloc(sizeof(int) * ((size_t)p->n_facilitators + 1));
	for (int k = 0; k < p->n_facilitators; k++)
		s.leading[k] = -1;
	s.max_groups = p->n_facilitators * (o.nb > 0 ? o.nb : 1);
	s.groups = xcalloc((size_t)s.max_groups + 1, sizeof(*s.groups));
	pg_index_goals(p, &o, &s.goal_start, &s.goal_opt, &s.opt_learner);
	long shortfall = opt ? search_restarts(&s, opt, t0) : greedy_run(&s, HUGE_VAL);
	mcl_log(LOG_NORMAL, "[%6.1fs] %d power-goal groups, shortfall %ld", mcl_now() - t0,
		s.n_groups, shortfall);
	struct pg_plan plan = {
		.group_room = xmalloc(sizeof(int) * ((size_t)s.n_groups * o.nb + 1)),
		.lab_start = xmalloc(sizeof(int) * ((size_t)o.nb + 2)),
		.lab_room = xmalloc(sizeof(int) * ((size_t)o.nb * (p->n_rooms + 1) + 1)),
		.lab_fac = xmalloc(sizeof(int) * ((size_t)o.nb * (p->n_rooms + 1) + 1)),
	};
	if (shortfall > 0 || plan_labs(&s, &plan) > 0) {
		int free_blocks = 0;
		for (int k = 0; k < p->n_facilitators; k++)
			for (int j = 0; j < o.nb; j++)
				free_blocks += !p->facilitators[k].unavailable[o.blocks[j]];
		sol->status = SOLVE_NO_SOLUTION;
		sol->diagnosis = xasprintf(
			"no power-goal schedule found: in some workshop block the facilitators "
			"and rooms left after the groups cannot hold every other learner in labs "
			"of at most %d (lab max_group); %d learners, %d facilitator-blocks "
			"available over %d workshop blocks.  Add lab rooms or facilitators, "
			"raise lab max_group, or use the workshop model.\n",
			p->config.lab_max_group, o.n, free_blocks, o.nb);
		goto out;
	}
	write_schedule(&s, &plan, sol);
	solution_recount(sol);
	double objective = objective_of(p, sol);
	sol->objective = objective;
	sol->status = SOLVE_FEASIBLE;
	if (!opt)
		goto out;
	double seconds = opt->time_limit - (mcl_now() - t0);
	/* the bound need not be tighter than the gap limit asks */
	double target = opt->gap < 1 ? objective / (1 - opt->gap) : HUGE_VAL;
	double bound = pg_bound(p, &o, model_time_left(opt, seconds > 1 ? seconds : 1), target);
	mcl_log(LOG_NORMAL, "[%6.1fs] whole-cycle bound %.1f", mcl_now() - t0, bound);
	sol->bound = bound;     /* model_solve checks it and sets gap and status */
out:
	free(plan.group_room);
	free(plan.lab_start);
	free(plan.lab_room);
	free(plan.lab_fac);
	for (int gi = 0; gi < s.n_groups; gi++)
		free(s.groups[gi].members);
	free(s.groups);
	free(s.goal_start);
	free(s.goal_opt);
	free(s.opt_learner);
	free(s.group_of);
	free(s.leading);
	pg_options_release(&o);
	return rc;
}

int power_goal_solve(const struct problem *p, const struct solve_options *opt,
		     struct solution *sol)
{
	return run(p, opt, sol);
}

int power_goal_greedy(const struct problem *p, struct solution *sol)
{
	return run(p, NULL, sol);
}
