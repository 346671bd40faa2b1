/*
 * bound_simple.c - the simple bound: a sum, learner by learner, of the most
 * each can score, plus a guru's bonus for every session a facilitator could
 * lead.  It is valid for weights of any shape (need values and choice
 * weights in any order, zeros, a huge power goal) and needs no LP: it
 * stands in while the bound LP (bound_lp.c) runs or when it cannot finish,
 * and tests check it against exact optima on its own.
 *
 * Per learner l with A available blocks (docs/model.md, "The simple
 * bound"): the need-sessions l can attend are at most A, each of its
 * need's value, so they score at most the A heaviest; the power goal needs
 * one session of a ready priority-1 need, so with it they score at most
 * that need's heaviest session, the power-goal weight and the A - 1
 * heaviest of the rest.  The larger of the two bounds both cases.  Seminar
 * choices: the seminars_per_learner heaviest eligible ones; days: every day
 * with an available scheduled block, for a learner who can be placed.
 */
#include "bound_simple.h"

#include <stdlib.h>

#include "engine/util.h"

int bound_simple_learner_days(const struct problem *p, int l)
{
	if (!problem_placeable(p, l))
		return 0;
	int n = 0;
	for (int d = 0; d < p->n_days; d++)
		for (int b = 0; b < p->n_blocks; b++)
			if (p->blocks[b].day_index == d && problem_block_scheduled(p, b) &&
			    !p->learners[l].unavailable[b]) {
				n++;
				break;
			}
	return n;
}

int bound_simple_learner_days_in(const struct problem *p, int l, const int *list, int n)
{
	int days = 0;
	for (int d = 0; d < p->n_days; d++) {
		bool open = false;
		for (int j = 0; j < n && !open; j++)
			open = p->blocks[list[j]].day_index == d && !p->learners[l].unavailable[list[j]];
		days += open;
	}
	return days;
}

int bound_simple_learner_avail(const struct problem *p, int l, const int *list, int n)
{
	int a = 0;
	for (int j = 0; j < n; j++)
		a += !p->learners[l].unavailable[list[j]];
	return a;
}

/* The choice weights of l's best `seminars_per_learner` eligible choices:
 * the heaviest, whatever their ranks (a learner enrols in distinct
 * seminars, one choice each). */
static double best_choices(const struct problem *p, int l)
{
	int n = p->choice_start[l + 1] - p->choice_start[l];
	char *used = xcalloc((size_t)n + 1, 1);
	double v = 0;
	for (int k = 0; k < p->config.seminars_per_learner; k++) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			const struct choice *ch = &p->choices[p->choice_start[l] + i];
			if (ch->eligible && !used[i] &&
			    (best < 0 || problem_choice_weight(p, ch) >
						 problem_choice_weight(p, &p->choices[p->choice_start[l] + best])))
				best = i;
		}
		if (best < 0)
			break;
		used[best] = 1;
		v += problem_choice_weight(p, &p->choices[p->choice_start[l] + best]);
	}
	free(used);
	return v;
}

/* The largest sum of at most k of learner l's ready need-sessions (each
 * need offers `sessions` sessions of its value), leaving out one session of
 * need skip (-1: none): heaviest first. */
static double heaviest_sessions(const struct problem *p, int l, int k, int skip)
{
	int n = p->need_start[l + 1] - p->need_start[l];
	int *left = xcalloc((size_t)n + 1, sizeof(int));
	for (int i = 0; i < n; i++) {
		const struct need *nd = &p->needs[p->need_start[l] + i];
		left[i] = nd->ready ? nd->sessions - (p->need_start[l] + i == skip) : 0;
	}
	double v = 0;
	while (k > 0) {
		int best = -1;
		for (int i = 0; i < n; i++)
			if (left[i] > 0 &&
			    (best < 0 || problem_need_weight(p, &p->needs[p->need_start[l] + i]) >
						 problem_need_weight(p, &p->needs[p->need_start[l] + best])))
				best = i;
		if (best < 0)
			break;
		int s = left[best] < k ? left[best] : k;
		v += s * problem_need_weight(p, &p->needs[p->need_start[l] + best]);
		left[best] -= s;
		k -= s;
	}
	free(left);
	return v;
}

/*
 * The most learner l's need-sessions can score in avail blocks, the power
 * goal included: the k heaviest sessions, or one session of the heaviest
 * ready priority-1 need (which earns the power goal) and the avail - 1
 * heaviest of the rest, whichever is more.  Any set of at most avail
 * sessions scores no more than one of the two, whatever the weights.
 */
double bound_simple_learner_needs(const struct problem *p, int l, int avail)
{
	if (avail <= 0)
		return 0;
	double best = heaviest_sessions(p, l, avail, -1);
	int p1 = -1;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && nd->priority == 1 && nd->sessions > 0 &&
		    (p1 < 0 || problem_need_weight(p, nd) > problem_need_weight(p, &p->needs[p1])))
			p1 = q;
	}
	if (p1 >= 0) {
		double with = problem_need_weight(p, &p->needs[p1]) + p->config.w_power_goal +
			      heaviest_sessions(p, l, avail - 1, p1);
		if (with > best)
			best = with;
	}
	return best;
}

double bound_simple_cycle(const struct problem *p, const int *blocks, int n_blocks,
			  const int *sem_blocks, int n_sem)
{
	const struct config *cf = &p->config;
	double v = 0;
	for (int l = 0; l < p->n_learners; l++) {
		int avail = bound_simple_learner_avail(p, l, blocks, n_blocks) +
			    bound_simple_learner_avail(p, l, sem_blocks, n_sem);
		v += bound_simple_learner_needs(p, l, avail);
		v += cf->w_daily * bound_simple_learner_days(p, l);
		v += n_sem ? best_choices(p, l) : 0;
	}
	for (int f = 0; f < p->n_facilitators; f++) {
		int avail = 0;
		for (int j = 0; j < n_blocks; j++)
			avail += !p->facilitators[f].unavailable[blocks[j]];
		for (int j = 0; j < n_sem; j++)
			avail += !p->facilitators[f].unavailable[sem_blocks[j]];
		v += cf->w_guru * (avail < p->facilitators[f].max_sessions
					   ? avail
					   : p->facilitators[f].max_sessions);
	}
	return v;
}
