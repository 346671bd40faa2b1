/*
 * replan_view.c - a replan's frozen part (the blocks up to --after, with
 * cover where a later meeting's facilitator or room is gone) and the view
 * of the school without it, in which the model plans the rest (the
 * mathematics, and why the view's bound bounds the school, at the top of
 * replan.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "models/replan_view.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/replan_pins.h"

/* f(F): the frozen part's own value, with its tally in t (initialised). */
double replan_frozen_value(const struct problem *p, const struct solution *fz, struct tally *t)
{
	tally_init(t, p);
	tally_add_solution(t, p, fz);
	return objective_total(p, t);
}

/*
 * What the frozen part leaves to learner l in the view: each need's
 * sessions less those the frozen workshops and labs (in credit order)
 * served, a need with none left not ready; a power goal already won no
 * longer priority 1 (its value kept as the need's weight); the seminars
 * enrolled in frozen sections, and every choice once seminars_per_learner
 * is reached, not eligible.  Returns what the view cannot value that a
 * schedule of the locked school could: the choices taken away from a
 * learner below seminars_per_learner (see the top of replan.c).
 */
static double view_learner(const struct problem *p, struct problem *v, const struct tally *t,
			   int l)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		struct need *nd = &v->needs[q];
		if (p->goals[nd->goal].mode == GOAL_FACILITATED)
			nd->sessions -= t->need_cnt[q];
	}
	for (int k = 0; k < t->lab_cnt[l]; k++) {
		int q = objective_lab_credit(p, t, l, k);
		if (q >= 0)
			v->needs[q].sessions--;
	}
	bool won = objective_has_power_goal(p, t, l);
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		struct need *nd = &v->needs[q];
		if (nd->sessions <= 0) {
			nd->sessions = 1;
			nd->ready = false;
		}
		if (won && nd->priority == 1) {
			nd->weight = problem_need_weight(p, &p->needs[q]);
			nd->has_weight = true;
			nd->priority = 2;
		}
	}
	int enrolled = 0;
	double best = 0;
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
		enrolled += t->enrolled[c];
		if (!t->enrolled[c] && p->choices[c].eligible) {
			double w = problem_choice_weight(p, &p->choices[c]);
			best = w > best ? w : best;
		}
	}
	if (!enrolled)
		return 0;
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
		v->choices[c].eligible = false;
	int left = p->config.seminars_per_learner - enrolled;
	return left > 0 ? left * best : 0;
}

static enum session_kind session_kind_of(enum lock_offering k)
{
	return k == LOCK_GOAL ? SESSION_WORKSHOP : k == LOCK_SEMINAR ? SESSION_SEMINAR : SESSION_LAB;
}

/* Whether facilitator f leads a session of sol in block b. */
static bool leads_in(const struct solution *sol, int f, int b)
{
	for (size_t i = 0; i < sol->n_sessions; i++)
		if (sol->sessions[i].block == b && sol->sessions[i].facilitator == f)
			return true;
	return false;
}

/* A cover for frozen session s (a later meeting of a section that met up
 * to --after, ps in the previous schedule) whose facilitator is now
 * unavailable: one with the expertise, available, free in its block and
 * within max_sessions; gurus first, then one who led nothing there in the
 * previous schedule (their own session can stay).  -1 when none. */
static int cover_for(const struct problem *p, const struct solution *sol,
		     const struct prev_session *ps, const struct session *s)
{
	int best = -1, best_key = -1;
	for (int f = 0; f < p->n_facilitators; f++) {
		int lv = ps->kind == LOCK_SEMINAR ? (int)problem_seminar_level(p, f, ps->offering) :
			 ps->kind == LOCK_GOAL ? (int)problem_goal_level(p, f, ps->offering) :
			 LEVEL_ABLE;
		int led = 0;
		for (size_t i = 0; i < sol->n_sessions; i++)
			led += sol->sessions[i].facilitator == f;
		if (lv < LEVEL_ABLE || p->facilitators[f].unavailable[s->block] ||
		    leads_in(sol, f, s->block) || led >= p->facilitators[f].max_sessions)
			continue;
		bool busy = false;
		for (int j = 0; j < p->previous->n_sessions && !busy; j++)
			busy = p->previous->sessions[j].block == s->block &&
			       p->previous->sessions[j].facilitator == f;
		int key = 2 * lv + !busy;
		if (key > best_key) {
			best = f;
			best_key = key;
		}
	}
	return best;
}

/* The smallest room free in s's block, available, with the feature of
 * ps's offering, that seats s's learners; -1 when none. */
static int room_instead(const struct problem *p, const struct solution *sol,
			const struct prev_session *ps, const struct session *s)
{
	int feature = ps->kind == LOCK_SEMINAR ? p->seminars[ps->offering].feature :
		      ps->kind == LOCK_GOAL ? p->goals[ps->offering].feature : p->lab_feature;
	int best = -1;
	for (int r = 0; r < p->n_rooms; r++) {
		bool used = p->rooms[r].unavailable[s->block] ||
			    !problem_room_has(&p->rooms[r], feature) || p->rooms[r].capacity < s->size;
		for (size_t i = 0; i < sol->n_sessions && !used; i++)
			used = sol->sessions[i].block == s->block && sol->sessions[i].room == r;
		if (!used && (best < 0 || p->rooms[r].capacity < p->rooms[best].capacity))
			best = r;
	}
	return best;
}

/* The later meetings of frozen sections whose facilitator or room is now
 * unavailable (a sick day, a flooded room) keep their learners: a cover
 * leads them, in another room when theirs is gone.  idx maps previous
 * sessions to sol's.  NULL, or why there is none (allocated). */
static char *cover_frozen(const struct problem *p, struct solution *sol, const int *idx)
{
	const struct previous *pv = p->previous;
	solution_recount(sol);
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		if (idx[i] < 0 || ps->block <= pv->after)
			continue;
		struct session *s = &sol->sessions[idx[i]];
		const char *what = ps->kind == LOCK_SEMINAR ? p->seminars[ps->offering].id :
				   ps->kind == LOCK_GOAL ? p->goals[ps->offering].id : "lab";
		if (p->facilitators[s->facilitator].unavailable[s->block]) {
			int f = cover_for(p, sol, ps, s);
			if (f < 0)
				return xasprintf("%s:%ld: facilitator '%s' is unavailable in block '%s', "
						 "where session '%s' (%s) of a section that met by --after "
						 "'%s' meets again, and no facilitator with expertise in "
						 "'%s' is free there to cover it: make one available or "
						 "add one to expertise.csv\n", pv->sessions_file, ps->line,
						 p->facilitators[s->facilitator].id,
						 p->blocks[s->block].id, ps->id, what,
						 p->blocks[pv->after].id, what);
			mcl_log(LOG_VERBOSE, "replan: '%s' covers session '%s' in block '%s'",
				p->facilitators[f].id, ps->id, p->blocks[s->block].id);
			s->facilitator = f;
		}
		if (p->rooms[s->room].unavailable[s->block]) {
			int r = room_instead(p, sol, ps, s);
			if (r < 0)
				return xasprintf("%s:%ld: room '%s' is unavailable in block '%s', where "
						 "session '%s' (%s) of a section that met by --after '%s' "
						 "meets again, and no other room with its feature seats "
						 "its %d learners there\n", pv->sessions_file, ps->line,
						 p->rooms[s->room].id, p->blocks[s->block].id, ps->id,
						 what, p->blocks[pv->after].id, s->size);
			s->room = r;
		}
	}
	return NULL;
}

/* Adds the frozen sessions with their attendance to sol (sessions no
 * remaining learner attends are left out), later meetings covered where
 * their facilitator or room is gone.  NULL, or why not (allocated). */
char *replan_add_frozen(const struct problem *p, struct solution *sol)
{
	const struct previous *pv = p->previous;
	int *used = xcalloc((size_t)pv->n_sessions + 1, sizeof(int));
	int *idx = xmalloc(sizeof(int) * ((size_t)pv->n_sessions + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_blocks; i++)
		if (pv->attend[i] >= 0)
			used[pv->attend[i]]++;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		idx[i] = -1;
		if (!ps->frozen || ps->kind == LOCK_ANY || !used[i])
			continue;
		struct session s = { .kind = session_kind_of(ps->kind), .offering = ps->offering,
				     .block = ps->block, .room = ps->room,
				     .facilitator = ps->facilitator };
		idx[i] = solution_add_session(sol, &s);
	}
	for (int i = 0; i < pv->n_sessions; i++) {
		int sec = pv->sessions[i].section;
		if (idx[i] >= 0 && idx[sec] >= 0)
			sol->sessions[idx[i]].section = idx[sec];
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int pi = pv->attend[(long)l * p->n_blocks + b];
			if (pi >= 0 && idx[pi] >= 0)
				*solution_attend(sol, l, b) = idx[pi];
		}
	char *why = cover_frozen(p, sol, idx);
	free(idx);
	free(used);
	return why;
}

/* A copy of un[0..nb-1] (a learner's, facilitator's or room's unavailable
 * blocks) with every block up to and including after closed too. */
static bool *closed_through(const bool *un, int nb, int after)
{
	bool *c = xmalloc(sizeof(bool) * (size_t)nb);
	for (int b = 0; b < nb; b++)
		c[b] = un[b] || b <= after;
	return c;
}

/* The view: p with the frozen part taken out (see the top of replan.c).
 * It shares p's ids and lookups; view_free frees what it copied. */
struct problem *replan_view_new(const struct problem *p, const struct solution *fz,
				const struct tally *t, double *lost)
{
	struct problem *v = xmalloc(sizeof(*v));
	*v = *p;
	v->previous = NULL;
	v->needs = xcalloc((size_t)p->n_needs + 1, sizeof(*v->needs));
	if (p->n_needs)
		memcpy(v->needs, p->needs, sizeof(*v->needs) * (size_t)p->n_needs);
	v->choices = xcalloc((size_t)p->n_choices + 1, sizeof(*v->choices));
	if (p->n_choices)
		memcpy(v->choices, p->choices, sizeof(*v->choices) * (size_t)p->n_choices);
	*lost = 0;
	for (int l = 0; l < p->n_learners; l++)
		*lost += view_learner(p, v, t, l);
	int nb = p->n_blocks, after = p->previous ? p->previous->after : -1;
	v->learners = xmalloc(sizeof(*v->learners) * ((size_t)p->n_learners + 1));
	for (int l = 0; l < p->n_learners; l++) {
		v->learners[l] = p->learners[l];
		bool *un = closed_through(p->learners[l].unavailable, nb, after);
		for (int b = 0; b < nb; b++)
			un[b] = un[b] || solution_attend_at(fz, l, b) >= 0;
		v->learners[l].unavailable = un;
	}
	v->facilitators = xmalloc(sizeof(*v->facilitators) * ((size_t)p->n_facilitators + 1));
	for (int f = 0; f < p->n_facilitators; f++) {
		v->facilitators[f] = p->facilitators[f];
		v->facilitators[f].unavailable =
			closed_through(p->facilitators[f].unavailable, nb, after);
	}
	v->rooms = xmalloc(sizeof(*v->rooms) * ((size_t)p->n_rooms + 1));
	for (int r = 0; r < p->n_rooms; r++) {
		v->rooms[r] = p->rooms[r];
		v->rooms[r].unavailable = closed_through(p->rooms[r].unavailable, nb, after);
	}
	for (size_t i = 0; i < fz->n_sessions; i++) {
		const struct session *s = &fz->sessions[i];
		struct facilitator *fc = &v->facilitators[s->facilitator];
		fc->unavailable[s->block] = true;
		fc->max_sessions = fc->max_sessions > 0 ? fc->max_sessions - 1 : 0;
		v->rooms[s->room].unavailable[s->block] = true;
	}
	/* a seminar's sections in the fixed part count against its `sections`:
	 * the view may open only the rest (else the model opens as many again:
	 * bench/replan.sh, F001 absent, SEM030 with 3 of 2), and when none is
	 * left its choices are closed (the fixed sections take no one new,
	 * audit seed 1066) */
	v->seminars = xcalloc((size_t)p->n_seminars + 1, sizeof(*v->seminars));
	if (p->n_seminars)
		memcpy(v->seminars, p->seminars, sizeof(*v->seminars) * (size_t)p->n_seminars);
	for (size_t i = 0; i < fz->n_sessions; i++)
		if (fz->sessions[i].kind == SESSION_SEMINAR && fz->sessions[i].section == (int)i &&
		    v->seminars[fz->sessions[i].offering].sections > 0)
			v->seminars[fz->sessions[i].offering].sections--;
	for (int c = 0; c < p->n_choices; c++)
		if (v->seminars[v->choices[c].seminar].sections == 0)
			v->choices[c].eligible = false;
	/* the pins are all in the fixed part, or relaxed (see replan_solve) */
	v->n_locks = v->n_pins = 0;
	v->locks = NULL;
	v->pins = NULL;
	return v;
}

void replan_view_free(struct problem *v)
{
	replan_pins_view_free(v);
	for (int l = 0; l < v->n_learners; l++)
		free(v->learners[l].unavailable);
	for (int f = 0; f < v->n_facilitators; f++)
		free(v->facilitators[f].unavailable);
	for (int r = 0; r < v->n_rooms; r++)
		free(v->rooms[r].unavailable);
	free(v->learners);
	free(v->facilitators);
	free(v->rooms);
	free(v->needs);
	free(v->choices);
	free(v->seminars);
	free(v);
}

/* Whether no learner has a block left to be placed in the view v (its
 * schedule is empty, worth 0, and so is its bound). */
bool replan_view_empty(const struct problem *v)
{
	for (int l = 0; l < v->n_learners; l++)
		for (int b = 0; b < v->n_blocks; b++)
			if (!v->learners[l].unavailable[b] && problem_block_scheduled(v, b))
				return false;
	return true;
}
