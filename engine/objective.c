/*
 * objective.c - the objective of the data contract from a tally (see
 * objective.h).  Weights come from scenario.conf's `weights`.
 */
#include "objective.h"

#include <stdlib.h>
#include <string.h>

#include "solution.h"
#include "util.h"

void tally_init(struct tally *t, const struct problem *p)
{
	t->need_cnt = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	t->lab_cnt = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	t->day_cnt = xcalloc((size_t)p->n_learners * (size_t)p->n_days + 1, sizeof(int));
	t->enrolled = xcalloc((size_t)p->n_choices + 1, sizeof(int));
	t->guru = 0;
}

void tally_release(struct tally *t)
{
	free(t->need_cnt);
	free(t->lab_cnt);
	free(t->day_cnt);
	free(t->enrolled);
	memset(t, 0, sizeof(*t));
}

void tally_clear(struct tally *t, const struct problem *p)
{
	memset(t->need_cnt, 0, sizeof(int) * (size_t)p->n_needs);
	memset(t->lab_cnt, 0, sizeof(int) * (size_t)p->n_learners);
	memset(t->day_cnt, 0, sizeof(int) * (size_t)p->n_learners * (size_t)p->n_days);
	memset(t->enrolled, 0, sizeof(int) * (size_t)p->n_choices);
	t->guru = 0;
}

void tally_copy(struct tally *dst, const struct tally *src, const struct problem *p)
{
	memcpy(dst->need_cnt, src->need_cnt, sizeof(int) * (size_t)p->n_needs);
	memcpy(dst->lab_cnt, src->lab_cnt, sizeof(int) * (size_t)p->n_learners);
	memcpy(dst->day_cnt, src->day_cnt, sizeof(int) * (size_t)p->n_learners * (size_t)p->n_days);
	memcpy(dst->enrolled, src->enrolled, sizeof(int) * (size_t)p->n_choices);
	dst->guru = src->guru;
}

int objective_choice_of(const struct problem *p, int l, int s)
{
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
		if (p->choices[c].seminar == s)
			return c;
	return -1;
}

void tally_add_solution(struct tally *t, const struct problem *p, const struct solution *sol)
{
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *ss = &sol->sessions[i];
		if (ss->kind == SESSION_WORKSHOP)
			t->guru += problem_goal_level(p, ss->facilitator, ss->offering) == LEVEL_GURU;
		else if (ss->kind == SESSION_SEMINAR)
			t->guru += problem_seminar_level(p, ss->facilitator, ss->offering) ==
				   LEVEL_GURU;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0)
				continue;
			const struct session *ss = &sol->sessions[si];
			if (ss->kind == SESSION_LAB) {
				t->lab_cnt[l]++;
				continue;
			}
			(*tally_day(t, p, l, p->blocks[b].day_index))++;
			if (ss->kind == SESSION_WORKSHOP) {
				int q = objective_need_of(p, l, ss->offering);
				if (q >= 0)
					t->need_cnt[q]++;
			} else {
				int c = objective_choice_of(p, l, ss->offering);
				if (c >= 0)
					t->enrolled[c] = 1;
			}
		}
}

int objective_need_of(const struct problem *p, int l, int g)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].goal == g)
			return q;
	return -1;
}

bool objective_has_power_goal(const struct problem *p, const struct tally *t, int l)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && nd->priority == 1 &&
		    p->goals[nd->goal].mode == GOAL_FACILITATED && t->need_cnt[q] > 0)
			return true;
	}
	int q = t->lab_cnt[l] > 0 ? problem_lab_credit(p, l, 0) : -1;
	return q >= 0 && p->needs[q].priority == 1;
}

double objective_learner(const struct problem *p, const struct tally *t, int l)
{
	const struct config *cf = &p->config;
	double v = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED)
			continue;
		int c = t->need_cnt[q] < nd->sessions ? t->need_cnt[q] : nd->sessions;
		v += problem_need_weight(p, nd) * c;
	}
	for (int k = 0; k < t->lab_cnt[l]; k++) {
		int q = problem_lab_credit(p, l, k);
		if (q < 0)
			break;
		v += problem_need_weight(p, &p->needs[q]);
	}
	if (objective_has_power_goal(p, t, l))
		v += cf->w_power_goal;
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
		if (t->enrolled[c])
			v += problem_choice_weight(p, &p->choices[c]);
	}
	if (cf->w_daily > 0 && problem_placeable(p, l))
		for (int d = 0; d < p->n_days; d++)
			v += *tally_day(t, p, l, d) > 0 ? cf->w_daily : 0;
	return v;
}

double objective_total(const struct problem *p, const struct tally *t)
{
	double v = p->config.w_guru * (double)t->guru;
	for (int l = 0; l < p->n_learners; l++)
		v += objective_learner(p, t, l);
	return v;
}

bool objective_kept(const struct problem *p, int l, int b, const struct session *ss)
{
	const struct previous *pv = p->previous;
	if (!pv || b <= pv->after || !ss)
		return false;
	int pi = pv->attend[(long)l * p->n_blocks + b];
	if (pi < 0)
		return false;
	const struct prev_session *pp = &pv->sessions[pi];
	enum lock_offering kind = ss->kind == SESSION_WORKSHOP ? LOCK_GOAL :
				  ss->kind == SESSION_SEMINAR ? LOCK_SEMINAR : LOCK_LAB;
	if (pp->kind != kind || pp->facilitator != ss->facilitator || pp->room != ss->room)
		return false;
	return kind == LOCK_LAB || pp->offering == ss->offering;
}

double objective_keep(const struct problem *p, int l, int b, const struct session *ss)
{
	return objective_kept(p, l, b, ss) ? p->config.w_keep : 0;
}

double objective_keep_total(const struct problem *p, const struct solution *sol)
{
	double v = 0;
	if (!p->previous)
		return 0;
	for (int l = 0; l < p->n_learners; l++)
		for (int b = p->previous->after + 1; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si >= 0)
				v += objective_keep(p, l, b, &sol->sessions[si]);
		}
	return v;
}
