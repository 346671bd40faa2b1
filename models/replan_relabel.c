/*
 * replan_relabel.c - a replan's plan given back its previous facilitators
 * and rooms (replan_relabel.h).
 *
 * The keep term counts a learner-block only when its session has the
 * previous offering, facilitator AND room.  A search of the objective
 * alone (the model's run started from the kept plan) keeps most learners
 * at their goal but relabels freely: on the zoo school of seed 16 three
 * quarters of the learner-blocks it changed were the same goal or a lab
 * with another facilitator or room.  Within one block the sessions can
 * trade facilitators and rooms (or take a free one within max_sessions)
 * without moving anybody; the objective changes only through the guru
 * term.  Per block b, with the sessions of b as groups:
 *
 *   pairs (s, ps): n(s, ps) = the learners of s whose previous session in
 *   b is ps, of s's goal, its facilitator and room available in b;
 *   taken greedily, the largest n first, s given ps's facilitator and
 *   room where replan_give allows (a swap with a group not yet fixed);
 *
 * the block's new labels are scored exactly (objective_of plus
 * objective_keep_total) and kept only when that rises.
 */
#include "replan_relabel.h"

#include <stdlib.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/period_mip.h"
#include "models/replan_pins.h"

int replan_goal_of(const struct session *s)
{
	return s->kind == SESSION_LAB ? PERIOD_MIP_LAB : s->offering;
}

const struct prev_session *replan_prev_in(const struct problem *p, int l, int b)
{
	const struct previous *pv = p->previous;
	int pi = pv->attend[(long)l * p->n_blocks + b];
	if (pi < 0)
		return NULL;
	const struct prev_session *ps = &pv->sessions[pi];
	if ((ps->kind != LOCK_GOAL && ps->kind != LOCK_LAB) || ps->block != b ||
	    ps->facilitator < 0 || ps->room < 0 ||
	    p->facilitators[ps->facilitator].unavailable[b] || p->rooms[ps->room].unavailable[b])
		return NULL;
	return ps;
}

int replan_prev_goal(const struct prev_session *ps)
{
	return ps->kind == LOCK_LAB ? PERIOD_MIP_LAB : ps->offering;
}

bool replan_block_open(const struct problem *p, const struct solution *sol, int b)
{
	if (p->blocks[b].kind != BLOCK_WORKSHOP || !problem_block_scheduled(p, b))
		return false;
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		if (s->block == b && (s->kind == SESSION_SEMINAR || s->section != (int)i))
			return false;
		if (s->block != b && s->section >= 0 && sol->sessions[s->section].block == b)
			return false;
	}
	return true;
}

bool replan_can_lead(const struct problem *p, int f, int g)
{
	return g == PERIOD_MIP_LAB || problem_goal_level(p, f, g) >= LEVEL_ABLE;
}

bool replan_room_fits(const struct problem *p, int r, int g, int n, int b)
{
	int feature = g == PERIOD_MIP_LAB ? p->lab_feature : p->goals[g].feature;
	struct session s = { .kind = g == PERIOD_MIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
			     .offering = g, .room = r, .block = b };
	return !p->rooms[r].unavailable[b] && problem_room_has(&p->rooms[r], feature) &&
	       solution_session_seats(p, &s) >= n;
}

static bool give(const struct problem *p, struct relabel_group *g, int n, int i, int f, int r,
		 int b, const bool *fac_allowed)
{
	int jf = -1, jr = -1;
	for (int j = 0; j < n; j++) {
		jf = g[j].fac == f ? j : jf;
		jr = g[j].room == r ? j : jr;
	}
	if (!replan_can_lead(p, f, g[i].goal) || !replan_room_fits(p, r, g[i].goal, g[i].size, b))
		return false;
	if (jf < 0 ? !fac_allowed[f]
		   : jf != i && (g[jf].fixed || !replan_can_lead(p, g[i].fac, g[jf].goal)))
		return false;
	if (jr >= 0 && jr != i &&
	    (g[jr].fixed || !replan_room_fits(p, g[i].room, g[jr].goal, g[jr].size, b)))
		return false;
	if (jf >= 0 && jf != i)
		g[jf].fac = g[i].fac;
	if (jr >= 0 && jr != i)
		g[jr].room = g[i].room;
	g[i].fac = f;
	g[i].room = r;
	return true;
}

struct pair {
	int n, group, prev;
};

static int by_members(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	return x->n != y->n ? y->n - x->n : x->group != y->group ? x->group - y->group
								   : x->prev - y->prev;
}

void replan_match_previous(const struct problem *p, int b, int m, const int *learners,
			   const int *group_of, struct relabel_group *g, int n,
			   const bool *fac_allowed)
{
	const struct previous *pv = p->previous;
	struct pair *pairs = xmalloc(sizeof(*pairs) * ((size_t)m + 1));
	int np = 0;
	for (int i = 0; i < m; i++) {
		const struct prev_session *ps = replan_prev_in(p, learners[i], b);
		int gi = group_of[i];
		if (!ps || replan_prev_goal(ps) != g[gi].goal)
			continue;
		int pi = pv->attend[(long)learners[i] * p->n_blocks + b], k = 0;
		while (k < np && (pairs[k].group != gi || pairs[k].prev != pi))
			k++;
		if (k == np)
			pairs[np++] = (struct pair){ 0, gi, pi };
		pairs[k].n++;
	}
	qsort(pairs, (size_t)np, sizeof(*pairs), by_members);
	bool *used = xcalloc((size_t)pv->n_sessions + 1, sizeof(bool));
	for (int k = 0; k < np; k++) {
		const struct prev_session *ps = &pv->sessions[pairs[k].prev];
		struct relabel_group *gi = &g[pairs[k].group];
		if (gi->fixed || used[pairs[k].prev])
			continue;
		if (give(p, g, n, pairs[k].group, ps->facilitator, ps->room, b, fac_allowed)) {
			gi->fixed = true;
			used[pairs[k].prev] = true;
		}
	}
	free(used);
	free(pairs);
}

static double score(const struct problem *p, const struct solution *s)
{
	return objective_of(p, s) + objective_keep_total(p, s);
}

/* Block b of sol relabelled (see the top of the file); 1 when taken. */
static int relabel_block(const struct problem *p, struct solution *sol, int b)
{
	int nf = p->n_facilitators, ns = (int)sol->n_sessions, n = 0;
	int *led = xcalloc((size_t)nf + 1, sizeof(int));
	int *at = xmalloc(sizeof(int) * ((size_t)ns + 1));     /* session -> group, -1 */
	int *idx = xmalloc(sizeof(int) * ((size_t)ns + 1));    /* group -> session */
	struct relabel_group *g = xcalloc((size_t)ns + 1, sizeof(*g));
	for (int i = 0; i < ns; i++) {
		const struct session *s = &sol->sessions[i];
		at[i] = -1;
		if (s->block != b) {
			led[s->facilitator]++;
			continue;
		}
		idx[n] = i;
		at[i] = n;
		g[n++] = (struct relabel_group){ .goal = replan_goal_of(s), .fac = s->facilitator,
						 .room = s->room, .size = s->size };
	}
	bool *fac_allowed = xcalloc((size_t)nf + 1, sizeof(bool));
	for (int f = 0; f < nf; f++)
		fac_allowed[f] = !p->facilitators[f].unavailable[b] &&
				 led[f] < p->facilitators[f].max_sessions;
	int *who = xmalloc(sizeof(int) * ((size_t)p->n_learners + 1));
	int *grp = xmalloc(sizeof(int) * ((size_t)p->n_learners + 1));
	int m = 0;
	for (int l = 0; l < p->n_learners; l++) {
		int si = solution_attend_at(sol, l, b);
		if (si >= 0) {
			who[m] = l;
			grp[m++] = at[si];
		}
	}
	replan_match_previous(p, b, m, who, grp, g, n, fac_allowed);
	struct solution cand;
	solution_init(&cand, p);
	solution_copy_schedule(&cand, sol);
	for (int k = 0; k < n; k++) {
		cand.sessions[idx[k]].facilitator = g[k].fac;
		cand.sessions[idx[k]].room = g[k].room;
	}
	int taken = 0;
	if (score(p, &cand) > score(p, sol) + 1e-6) {
		solution_take(sol, &cand);
		taken = 1;
	}
	solution_release(&cand);
	free(grp);
	free(who);
	free(fac_allowed);
	free(g);
	free(idx);
	free(at);
	free(led);
	return taken;
}

int replan_relabel(const struct problem *p, struct solution *sol)
{
	if (!p->previous || replan_pins_locked(p))
		return 0;
	int taken = 0;
	for (int b = p->previous->after + 1; b < p->n_blocks; b++)
		if (replan_block_open(p, sol, b))
			taken += relabel_block(p, sol, b);
	if (taken)
		sol->objective = objective_of(p, sol);
	return taken;
}
