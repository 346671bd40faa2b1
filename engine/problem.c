/*
 * problem.c - lookups and release for the validated problem.
 *
 * Id lookups binary-search a sorted permutation per entity kind, so verify
 * and the outputs can resolve tens of thousands of ids without a hash table.
 */
#include "problem.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "models/model.h"   /* what the configured model plans: its row */

/* Whether ready online need a is credited before b: heavier first, then
 * by priority, then in need order (a strict order, so credits are
 * repeatable). */
static bool credit_before(const struct problem *p, int a, int b)
{
	double wa = problem_need_weight(p, &p->needs[a]);
	double wb = problem_need_weight(p, &p->needs[b]);
	if (wa != wb)
		return wa > wb;
	if (p->needs[a].priority != p->needs[b].priority)
		return p->needs[a].priority < p->needs[b].priority;
	return a < b;
}

/* The ready online need of l after prev (-1: the first) in credit order,
 * among priority-1 needs only when p1_only; -1 when none is left. */
static int next_online(const struct problem *p, int l, int prev, bool p1_only)
{
	int best = -1;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || nd->sessions <= 0 || p->goals[nd->goal].mode != GOAL_ONLINE ||
		    (p1_only && nd->priority != 1))
			continue;
		if ((prev < 0 || credit_before(p, prev, q)) && (best < 0 || credit_before(p, q, best)))
			best = q;
	}
	return best;
}

/* Credits n_labs lab sessions: one session of need first (-1: none), then
 * the needs in credit order, each up to its sessions.  Returns the value
 * credited; *kth the need of lab session k (-1 past the credits), *p1
 * whether a priority-1 need is credited. */
static double lab_fill(const struct problem *p, int l, int n_labs, int first, int k, int *kth,
		       bool *p1)
{
	double v = 0;
	int i = 0;
	*kth = -1;
	*p1 = false;
	if (first >= 0 && n_labs > 0) {
		v += problem_need_weight(p, &p->needs[first]);
		*p1 = p->needs[first].priority == 1;
		*kth = k == 0 ? first : -1;
		i = 1;
	}
	for (int q = next_online(p, l, -1, false); q >= 0 && i < n_labs;
	     q = next_online(p, l, q, false)) {
		int s = p->needs[q].sessions - (q == first);
		if (s <= 0)
			continue;
		int take = s < n_labs - i ? s : n_labs - i;
		v += take * problem_need_weight(p, &p->needs[q]);
		*p1 |= p->needs[q].priority == 1;
		if (k >= i && k < i + take)
			*kth = q;
		i += take;
	}
	return v;
}

/* The need credited first out of the credit order (see problem.h), or -1. */
static int lab_first(const struct problem *p, int l, int n_labs, bool pg_earned)
{
	int kth;
	bool p1;
	if (pg_earned || n_labs <= 0)
		return -1;
	int f = next_online(p, l, -1, true);
	if (f < 0)
		return -1;
	double plain = lab_fill(p, l, n_labs, -1, -1, &kth, &p1);
	if (p1)
		return -1;
	double with = lab_fill(p, l, n_labs, f, -1, &kth, &p1) + p->config.w_power_goal;
	return with > plain ? f : -1;
}

int problem_lab_credit(const struct problem *p, int l, int k, int n_labs, bool pg_earned)
{
	int kth;
	bool p1;
	if (k < 0 || k >= n_labs)
		return -1;
	lab_fill(p, l, n_labs, lab_first(p, l, n_labs, pg_earned), k, &kth, &p1);
	return kth;
}

double problem_lab_value(const struct problem *p, int l, int n_labs, bool pg_earned,
			 bool *earns_pg)
{
	int kth;
	bool p1;
	double v = lab_fill(p, l, n_labs, lab_first(p, l, n_labs, pg_earned), -1, &kth, &p1);
	if (earns_pg)
		*earns_pg = p1;
	return v;
}

bool problem_room_has(const struct room *r, int feature)
{
	if (feature < 0)
		return true;
	for (int i = 0; i < r->n_features; i++)
		if (r->features[i] == feature)
			return true;
	return false;
}

bool problem_rooms_same_features(const struct room *a, const struct room *b)
{
	if (a->n_features != b->n_features)
		return false;
	for (int i = 0; i < a->n_features; i++)
		if (!problem_room_has(b, a->features[i]))
			return false;
	return true;
}

int problem_useful_capacity(const struct problem *p)
{
	int m = p->config.lab_max_group;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].max_group > m)
			m = p->goals[g].max_group;
	return m;
}

int problem_group_seats(const struct problem *p, int room, bool lab, int g)
{
	int max = lab ? p->config.lab_max_group : p->goals[g].max_group;
	int cap = p->rooms[room].capacity;
	return cap < max ? cap : max;
}

bool problem_block_allows(const struct problem *p, int b, int g)
{
	const struct block *blk = &p->blocks[b];
	if (blk->n_areas == 0)
		return true;
	for (int i = 0; i < blk->n_areas; i++)
		if (blk->areas[i] == p->goals[g].area)
			return true;
	return false;
}

bool problem_block_scheduled(const struct problem *p, int b)
{
	const struct model_row *m = model_row(p);
	return p->blocks[b].kind == BLOCK_WORKSHOP ? m->schedules_workshops
						    : m->schedules_seminars;
}

bool problem_placeable(const struct problem *p, int l)
{
	const struct model_row *m = model_row(p);
	if (m->schedules_workshops)
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
			if (p->needs[q].ready && p->goals[p->needs[q].goal].mode == GOAL_FACILITATED)
				return true;
	return m->schedules_seminars && p->choice_start[l + 1] > p->choice_start[l];
}

/* Days in order of first use; blocks of one day share an index. */
static void index_days(struct problem *p)
{
	p->n_days = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		int d = 0;
		while (d < b && strcmp(p->blocks[d].day, p->blocks[b].day))
			d++;
		p->blocks[b].day_index = d < b ? p->blocks[d].day_index : p->n_days++;
	}
}

/* qsort has no context argument: the id table being sorted is passed here. */
static char *const *sort_ids;
static size_t sort_stride;

static const char *id_at(const void *base, size_t stride, int i)
{
	return *(char *const *)((const char *)base + (size_t)i * stride);
}

static int cmp_by_id(const void *a, const void *b)
{
	return strcmp(id_at(sort_ids, sort_stride, *(const int *)a),
		      id_at(sort_ids, sort_stride, *(const int *)b));
}

/* Entities are structs whose first member is `char *id`. */
static int *sorted_index(const void *base, size_t stride, int n)
{
	int *idx = xmalloc(sizeof(*idx) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		idx[i] = i;
	sort_ids = base;
	sort_stride = stride;
	qsort(idx, (size_t)n, sizeof(*idx), cmp_by_id);
	return idx;
}

static int find_sorted(const void *base, size_t stride, const int *idx, int n,
		       const char *id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(id, id_at(base, stride, idx[mid]));
		if (c == 0)
			return idx[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

void problem_index(struct problem *p)
{
	free(p->sorted_blocks);
	free(p->sorted_learners);
	free(p->sorted_facilitators);
	free(p->sorted_rooms);
	free(p->sorted_goals);
	free(p->sorted_seminars);
	p->sorted_blocks = sorted_index(p->blocks, sizeof(*p->blocks), p->n_blocks);
	p->sorted_learners = sorted_index(p->learners, sizeof(*p->learners), p->n_learners);
	p->sorted_facilitators = sorted_index(p->facilitators, sizeof(*p->facilitators),
					      p->n_facilitators);
	p->sorted_rooms = sorted_index(p->rooms, sizeof(*p->rooms), p->n_rooms);
	p->sorted_goals = sorted_index(p->goals, sizeof(*p->goals), p->n_goals);
	p->sorted_seminars = sorted_index(p->seminars, sizeof(*p->seminars), p->n_seminars);
	index_days(p);
	p->lab_feature = -1;
	for (int i = 0; i < p->n_features && p->config.lab_feature; i++)
		if (!strcmp(p->features[i], p->config.lab_feature))
			p->lab_feature = i;
}

int problem_find_block(const struct problem *p, const char *id)
{
	return find_sorted(p->blocks, sizeof(*p->blocks), p->sorted_blocks, p->n_blocks, id);
}

int problem_find_learner(const struct problem *p, const char *id)
{
	return find_sorted(p->learners, sizeof(*p->learners), p->sorted_learners,
			   p->n_learners, id);
}

int problem_find_facilitator(const struct problem *p, const char *id)
{
	return find_sorted(p->facilitators, sizeof(*p->facilitators),
			   p->sorted_facilitators, p->n_facilitators, id);
}

int problem_find_room(const struct problem *p, const char *id)
{
	return find_sorted(p->rooms, sizeof(*p->rooms), p->sorted_rooms, p->n_rooms, id);
}

int problem_find_goal(const struct problem *p, const char *id)
{
	return find_sorted(p->goals, sizeof(*p->goals), p->sorted_goals, p->n_goals, id);
}

int problem_find_seminar(const struct problem *p, const char *id)
{
	return find_sorted(p->seminars, sizeof(*p->seminars), p->sorted_seminars,
			   p->n_seminars, id);
}

const char *problem_model_name(enum model_kind model)
{
	return model_lookup(model)->name;
}

void problem_free(struct problem *p)
{
	if (!p)
		return;
	free(p->config.name);
	free(p->config.w_choice);
	free(p->config.out_dir);
	free(p->config.lab_feature);
	free(p->dir);
	for (int i = 0; i < p->n_blocks; i++) {
		free(p->blocks[i].id);
		free(p->blocks[i].day);
		free(p->blocks[i].areas);
	}
	free(p->blocks);
	for (int i = 0; i < p->n_learners; i++) {
		free(p->learners[i].id);
		free(p->learners[i].name);
		free(p->learners[i].coach_id);
		free(p->learners[i].unavailable);
	}
	free(p->learners);
	for (int i = 0; i < p->n_facilitators; i++) {
		free(p->facilitators[i].id);
		free(p->facilitators[i].name);
		free(p->facilitators[i].unavailable);
	}
	free(p->facilitators);
	for (int i = 0; i < p->n_rooms; i++) {
		free(p->rooms[i].id);
		free(p->rooms[i].name);
		free(p->rooms[i].features);
		free(p->rooms[i].unavailable);
	}
	free(p->rooms);
	for (int i = 0; i < p->n_goals; i++) {
		free(p->goals[i].id);
		free(p->goals[i].title);
		free(p->goals[i].requires);
	}
	free(p->goals);
	for (int i = 0; i < p->n_seminars; i++) {
		free(p->seminars[i].id);
		free(p->seminars[i].title);
		free(p->seminars[i].requires);
	}
	free(p->seminars);
	for (int i = 0; i < p->n_areas; i++)
		free(p->areas[i]);
	free(p->areas);
	for (int i = 0; i < p->n_features; i++)
		free(p->features[i]);
	free(p->features);
	free(p->needs);
	free(p->need_start);
	free(p->choices);
	free(p->choice_start);
	free(p->goal_level);
	free(p->seminar_level);
	free(p->score);
	free(p->locks);
	for (int i = 0; i < p->n_pins; i++)
		free(p->pins[i].learners);
	free(p->pins);
	if (p->previous) {
		for (int i = 0; i < p->previous->n_sessions; i++)
			free(p->previous->sessions[i].id);
		free(p->previous->sessions);
		free(p->previous->attend);
		free(p->previous->works_on);
		free(p->previous->sessions_file);
		free(p->previous->timetable_file);
		free(p->previous);
	}
	free(p->sorted_blocks);
	free(p->sorted_learners);
	free(p->sorted_facilitators);
	free(p->sorted_rooms);
	free(p->sorted_goals);
	free(p->sorted_seminars);
	free(p);
}
