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

bool objective_workshop_power_goal(const struct problem *p, const struct tally *t, int l)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && nd->priority == 1 &&
		    p->goals[nd->goal].mode == GOAL_FACILITATED && t->need_cnt[q] > 0)
			return true;
	}
	return false;
}

bool objective_has_power_goal(const struct problem *p, const struct tally *t, int l)
{
	if (objective_workshop_power_goal(p, t, l))
		return true;
	bool lab_p1 = false;
	problem_lab_value(p, l, t->lab_cnt[l], false, &lab_p1);
	return lab_p1;
}

int objective_lab_credit(const struct problem *p, const struct tally *t, int l, int k)
{
	return problem_lab_credit(p, l, k, t->lab_cnt[l], objective_workshop_power_goal(p, t, l));
}

int objective_lab_credit_in(const struct problem *p, const struct solution *sol, int l, int k)
{
	int labs = 0;
	bool pg = false;
	for (int b = 0; b < p->n_blocks; b++) {
		int si = solution_attend_at(sol, l, b);
		if (si < 0)
			continue;
		const struct session *ss = &sol->sessions[si];
		labs += ss->kind == SESSION_LAB;
		int q = ss->kind == SESSION_WORKSHOP ? objective_need_of(p, l, ss->offering) : -1;
		pg |= q >= 0 && p->needs[q].ready && p->needs[q].priority == 1 &&
		      p->goals[p->needs[q].goal].mode == GOAL_FACILITATED;
	}
	return problem_lab_credit(p, l, k, labs, pg);
}

/* The terms, each as a function of the tally: learner l's part, or with
 * l = -1 the part that belongs to no learner. */
static double term_need(const struct problem *p, const struct tally *t, int l)
{
	double v = 0;
	for (int q = l < 0 ? 0 : p->need_start[l]; l >= 0 && q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED)
			continue;
		int c = t->need_cnt[q] < nd->sessions ? t->need_cnt[q] : nd->sessions;
		v += problem_need_weight(p, nd) * c;
	}
	return v;
}

static double term_lab(const struct problem *p, const struct tally *t, int l)
{
	if (l < 0 || t->lab_cnt[l] == 0)
		return 0;
	return problem_lab_value(p, l, t->lab_cnt[l], objective_workshop_power_goal(p, t, l), NULL);
}

static double term_power_goal(const struct problem *p, const struct tally *t, int l)
{
	return l >= 0 && objective_has_power_goal(p, t, l) ? p->config.w_power_goal : 0;
}

static double term_choice(const struct problem *p, const struct tally *t, int l)
{
	double v = 0;
	for (int c = l < 0 ? 0 : p->choice_start[l]; l >= 0 && c < p->choice_start[l + 1]; c++)
		if (t->enrolled[c])
			v += problem_choice_weight(p, &p->choices[c]);
	return v;
}

static double term_guru(const struct problem *p, const struct tally *t, int l)
{
	return l < 0 ? p->config.w_guru * (double)t->guru : 0;
}

static double term_daily(const struct problem *p, const struct tally *t, int l)
{
	double v = 0;
	if (l < 0 || p->config.w_daily <= 0 || !problem_placeable(p, l))
		return 0;
	for (int d = 0; d < p->n_days; d++)
		v += *tally_day(t, p, l, d) > 0 ? p->config.w_daily : 0;
	return v;
}

/* The knobs: each sets its term's weights to 0 and no other term's. */
static void off_need(struct problem *p, bool online)
{
	for (int q = 0; q < p->n_needs; q++)
		if ((p->goals[p->needs[q].goal].mode == GOAL_ONLINE) == online) {
			p->needs[q].has_weight = true;
			p->needs[q].weight = 0;
		}
}

static void off_need_sessions(struct problem *p)
{
	off_need(p, false);
}

static void off_lab(struct problem *p)
{
	off_need(p, true);
}

static void off_power_goal(struct problem *p)
{
	p->config.w_power_goal = 0;
}

static void off_choice(struct problem *p)
{
	for (int r = 0; r < p->config.n_choice; r++)
		p->config.w_choice[r] = 0;
}

static void off_guru(struct problem *p)
{
	p->config.w_guru = 0;
}

static void off_daily(struct problem *p)
{
	p->config.w_daily = 0;
}

const struct objective_term objective_terms[OBJECTIVE_TERMS] = {
	{ "need sessions", term_need, off_need_sessions },
	{ "lab credit", term_lab, off_lab },
	{ "power goal", term_power_goal, off_power_goal },
	{ "seminar choice", term_choice, off_choice },
	{ "guru", term_guru, off_guru },
	{ "daily", term_daily, off_daily },
};

double objective_learner(const struct problem *p, const struct tally *t, int l)
{
	double v = 0;
	for (int k = 0; k < OBJECTIVE_TERMS; k++)
		v += objective_terms[k].value(p, t, l);
	return v;
}

double objective_total(const struct problem *p, const struct tally *t)
{
	double v = 0;
	for (int k = 0; k < OBJECTIVE_TERMS; k++)
		v += objective_terms[k].value(p, t, -1);
	for (int l = 0; l < p->n_learners; l++)
		v += objective_learner(p, t, l);
	return v;
}

double objective_of(const struct problem *p, const struct solution *sol)
{
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, sol);
	double v = objective_total(p, &t);
	tally_release(&t);
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
