/*
 * workshop_cycle.c - the workshop search's state (workshop_search.h): each
 * learner's place in each workshop block (the plan), each block's groups,
 * and the counts the objective is computed from (a struct tally).
 *
 * The three must agree, so they change only together: every change to a
 * block's plan or groups sits between cycle_count_block(-1) and (+1), and
 * cycle_consistent recounts from scratch to check it (debug builds assert
 * it after every move).  The objective is read from the tally alone
 * (objective.h), so it is never computed a second way here.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/workshop_search.h"

void cycle_init(struct cycle *cy, const struct problem *p, const struct solve_options *opt,
		const struct workshop_part *part)
{
	memset(cy, 0, sizeof(*cy));
	cy->p = p;
	cy->opt = opt;
	cy->t0 = mcl_now();
	if (part) {
		cy->outside = part->outside;
		cy->sem_blocks = part->sem_blocks;
		cy->n_sem = part->n_sem;
		cy->sessions_left = part->sessions_left;
	}
	cy->blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			cy->blocks[cy->n_blocks++] = b;
	cy->plan = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)p->n_blocks + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_blocks; i++)
		cy->plan[i] = NONE;
	tally_init(&cy->tl, p);
	if (cy->outside)
		tally_copy(&cy->tl, cy->outside, p);
	cy->block_res = xcalloc((size_t)p->n_blocks + 1, sizeof(*cy->block_res));
	cy->slack = xcalloc((size_t)p->n_blocks + 1, sizeof(double));
	cy->block_bound = HUGE_VAL;
	cy->link_hint = xcalloc((size_t)p->n_learners * (size_t)p->n_goals + 1, 1);
}

void cycle_release(struct cycle *cy)
{
	for (int b = 0; b < cy->p->n_blocks; b++)
		period_mip_result_free(&cy->block_res[b]);
	free(cy->block_res);
	free(cy->slack);
	free(cy->link_hint);
	free(cy->blocks);
	free(cy->allowed);
	free(cy->plan);
	tally_release(&cy->tl);
}

int cycle_sessions_left(const struct cycle *cy, int f)
{
	return cy->sessions_left ? cy->sessions_left[f] : cy->p->facilitators[f].max_sessions;
}

bool cycle_is_whole(const struct cycle *cy)
{
	return cy->outside == NULL;
}

double cycle_time_left(const struct cycle *cy)
{
	double now = mcl_now(), left = cy->opt->time_limit - (now - cy->t0);
	if (cy->opt->deadline > 0 && cy->opt->deadline - now < left)
		left = cy->opt->deadline - now;
	return left;
}

int cycle_block_learners(const struct problem *p, int b)
{
	int n = 0;
	for (int l = 0; l < p->n_learners; l++)
		n += !p->learners[l].unavailable[b];
	return n;
}

void cycle_count_place(const struct problem *p, struct tally *t, int l, int b, int g, int sign)
{
	if (g == PERIOD_MIP_LAB) {
		t->lab_cnt[l] += sign;
	} else if (g >= 0) {
		int q = objective_need_of(p, l, g);
		if (q >= 0)     /* a workshop of no need of l's counts its day only */
			t->need_cnt[q] += sign;
		*tally_day(t, p, l, p->blocks[b].day_index) += sign;
	}
}

/* Guru-led workshop sessions among the groups of r. */
static int guru_groups(const struct problem *p, const struct period_mip_result *r)
{
	int n = 0;
	for (int gi = 0; gi < r->n_groups; gi++)
		n += r->groups[gi].goal >= 0 &&
		     problem_goal_level(p, r->groups[gi].facilitator, r->groups[gi].goal) == LEVEL_GURU;
	return n;
}

void cycle_count_block(struct cycle *cy, int b, int sign)
{
	const struct problem *p = cy->p;
	for (int l = 0; l < p->n_learners; l++)
		cycle_count_place(p, &cy->tl, l, b, cy->plan[(long)l * p->n_blocks + b], sign);
	cy->tl.guru += sign * guru_groups(p, &cy->block_res[b]);
}

bool cycle_consistent(const struct cycle *cy)
{
	const struct problem *p = cy->p;
	struct tally t;
	tally_init(&t, p);
	if (cy->outside)
		tally_copy(&t, cy->outside, p);
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		for (int l = 0; l < p->n_learners; l++)
			cycle_count_place(p, &t, l, b, cy->plan[(long)l * p->n_blocks + b], +1);
		t.guru += guru_groups(p, &cy->block_res[b]);
	}
	bool same = t.guru == cy->tl.guru &&
		    !memcmp(t.need_cnt, cy->tl.need_cnt, sizeof(int) * (size_t)p->n_needs) &&
		    !memcmp(t.lab_cnt, cy->tl.lab_cnt, sizeof(int) * (size_t)p->n_learners) &&
		    !memcmp(t.day_cnt, cy->tl.day_cnt,
			    sizeof(int) * (size_t)p->n_learners * (size_t)p->n_days);
	tally_release(&t);
	return same;
}

double cycle_objective(const struct cycle *cy)
{
	return objective_total(cy->p, &cy->tl);
}

void cycle_plan_from_result(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	const struct period_mip_result *r = &cy->block_res[b];
	int i = 0;
	for (int l = 0; l < p->n_learners; l++)
		if (!p->learners[l].unavailable[b])
			cy->plan[(long)l * p->n_blocks + b] = r->groups[r->learner_group[i++]].goal;
}

void cycle_swap_block(struct cycle *cy, int b, struct period_mip_result *other)
{
	cycle_count_block(cy, b, -1);
	struct period_mip_result t = cy->block_res[b];
	cy->block_res[b] = *other;
	*other = t;
	cycle_plan_from_result(cy, b);
	cycle_count_block(cy, b, +1);
}

bool cycle_gap_open(const struct cycle *cy, double obj, double bound)
{
	return bound > 0 && (bound - obj) / bound > cy->opt->gap;
}

bool cycle_gap_reached(const struct cycle *cy)
{
	return cy->bound > 0 && !cycle_gap_open(cy, cycle_objective(cy), cy->bound);
}

/* A re-plan has costs no time limit cuts short (building the model, the
 * greedy, the LP before a dive can stop), about the last one's
 * (replan_cost): a move started without room for them overruns the limit. */
bool cycle_replans_fit(const struct cycle *cy, int k)
{
	double left = cycle_time_left(cy);
	return left > 1 && left > 1.5 * k * cy->replan_cost;
}

/* Percent of the wanted sessions of ready needs (facilitated and online)
 * that the cycle's counters hold, as summary.csv's need_sessions_pct. */
double cycle_need_sessions_pct(const struct cycle *cy)
{
	const struct problem *p = cy->p;
	long wanted = 0, met = 0;
	for (int l = 0; l < p->n_learners; l++) {
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready)
				continue;
			wanted += nd->sessions;
			if (p->goals[nd->goal].mode == GOAL_FACILITATED)
				met += cy->tl.need_cnt[q] < nd->sessions ? cy->tl.need_cnt[q] : nd->sessions;
		}
		for (int k = 0; k < cy->tl.lab_cnt[l]; k++)
			met += objective_lab_credit(p, &cy->tl, l, k) >= 0;
	}
	return wanted ? 100.0 * (double)met / (double)wanted : -1;
}

void cycle_build_solution(const struct cycle *cy, struct solution *sol)
{
	const struct problem *p = cy->p;
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		const struct period_mip_result *r = &cy->block_res[b];
		int first = (int)sol->n_sessions;
		for (int gi = 0; gi < r->n_groups; gi++) {
			const struct period_mip_group *g = &r->groups[gi];
			struct session s = {
				.kind = g->goal == PERIOD_MIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
				.offering = g->goal == PERIOD_MIP_LAB ? -1 : g->goal,
				.block = b,
				.room = r->group_room[gi],
				.facilitator = g->facilitator,
			};
			solution_add_session(sol, &s);
		}
		int i = 0;
		for (int l = 0; l < p->n_learners; l++) {
			if (p->learners[l].unavailable[b])
				continue;
			*solution_attend(sol, l, b) = first + r->learner_group[i++];
		}
	}
	solution_recount(sol);
}

void cycle_load_solution(struct cycle *cy, const struct solution *sol)
{
	cycle_load_blocks(cy, sol, cy->blocks, cy->n_blocks);
}

void cycle_load_blocks(struct cycle *cy, const struct solution *sol, const int *blocks,
		       int n_load)
{
	const struct problem *p = cy->p;
	int *group_of = xmalloc(sizeof(int) * (sol->n_sessions + 1));
	for (int j = 0; j < n_load; j++) {
		int b = blocks[j];
		struct period_mip_result r = { .outcome = MIP_FEASIBLE };
		for (size_t s = 0; s < sol->n_sessions; s++)
			r.n_groups += sol->sessions[s].block == b;
		r.groups = xcalloc((size_t)r.n_groups + 1, sizeof(*r.groups));
		r.group_room = xmalloc(sizeof(int) * ((size_t)r.n_groups + 1));
		int gi = 0;
		for (size_t s = 0; s < sol->n_sessions; s++) {
			const struct session *ss = &sol->sessions[s];
			if (ss->block != b)
				continue;
			r.groups[gi] = (struct period_mip_group){
				.goal = ss->kind == SESSION_LAB ? PERIOD_MIP_LAB : ss->offering,
				.facilitator = ss->facilitator, .room_class = -1, .size = ss->size,
			};
			r.group_room[gi] = ss->room;
			group_of[s] = gi++;
		}
		int n = cycle_block_learners(p, b);
		r.learner_group = xmalloc(sizeof(int) * ((size_t)n + 1));
		r.learner_option = xmalloc(sizeof(int) * ((size_t)n + 1));
		int i = 0;
		for (int l = 0; l < p->n_learners; l++) {
			if (p->learners[l].unavailable[b])
				continue;
			int s = solution_attend_at(sol, l, b);
			assert(s >= 0 && sol->sessions[s].block == b);
			r.learner_group[i] = group_of[s];
			r.learner_option[i++] = -1;   /* options are a re-plan's own */
		}
		cycle_swap_block(cy, b, &r);
		period_mip_result_free(&r);
	}
	free(group_of);
	assert(cycle_consistent(cy));
}

static void copy_result(struct period_mip_result *dst, const struct period_mip_result *src, int n_learners)
{
	*dst = *src;
	dst->groups = xmalloc(sizeof(*dst->groups) * ((size_t)src->n_groups + 1));
	memcpy(dst->groups, src->groups, sizeof(*dst->groups) * (size_t)src->n_groups);
	dst->group_room = xmalloc(sizeof(int) * ((size_t)src->n_groups + 1));
	memcpy(dst->group_room, src->group_room, sizeof(int) * (size_t)src->n_groups);
	dst->learner_group = xmalloc(sizeof(int) * ((size_t)n_learners + 1));
	memcpy(dst->learner_group, src->learner_group, sizeof(int) * (size_t)n_learners);
	dst->learner_option = xmalloc(sizeof(int) * ((size_t)n_learners + 1));
	memcpy(dst->learner_option, src->learner_option, sizeof(int) * (size_t)n_learners);
}

void snapshot_free(const struct cycle *cy, struct snapshot *s)
{
	if (s->st.block_res)
		for (int j = 0; j < cy->n_blocks; j++)
			period_mip_result_free(&s->st.block_res[cy->blocks[j]]);
	free(s->st.block_res);
	free(s->st.plan);
	if (s->st.tl)
		tally_release(s->st.tl);
	free(s->st.tl);
	free(s->allowed);
	memset(s, 0, sizeof(*s));
}

void snapshot_copy(struct cycle *cy, struct snapshot *s, bool save)
{
	const struct problem *p = cy->p;
	size_t n_plan = (size_t)p->n_learners * (size_t)p->n_blocks;
	size_t n_allowed = (size_t)p->n_facilitators * (size_t)p->n_blocks;
	if (save) {
		snapshot_free(cy, s);
		s->objective = cycle_objective(cy);
		s->st.plan = xmalloc(sizeof(int) * (n_plan + 1));
		s->st.tl = xmalloc(sizeof(*s->st.tl));
		tally_init(s->st.tl, p);
		s->st.block_res = xcalloc((size_t)p->n_blocks + 1, sizeof(*s->st.block_res));
		s->allowed = xmalloc(sizeof(bool) * n_allowed + 1);
	}
	memcpy(save ? s->allowed : cy->allowed, save ? cy->allowed : s->allowed,
	       sizeof(bool) * n_allowed);
	struct cycle_state live = { cy->plan, &cy->tl, cy->block_res };
	const struct cycle_state *src = save ? &live : &s->st, *dst = save ? &s->st : &live;
	memcpy(dst->plan, src->plan, sizeof(int) * n_plan);
	tally_copy(dst->tl, src->tl, p);
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		period_mip_result_free(&dst->block_res[b]);
		copy_result(&dst->block_res[b], &src->block_res[b], cycle_block_learners(p, b));
	}
}
