/*
 * replan_pins_guide.c - building pinned sessions like a guide schedule.
 *
 * A pinned session built from nothing holds its pinned learners and the
 * few who reach min_group, and takes a facilitator and a room the model
 * then lacks for the rest of its block (audit seeds 1098, 1100, 1102,
 * 1113).  With a guide (the previous schedule in a replan; otherwise the
 * model's own plan of the school without the pins, replan.c), a pin is
 * built as the guide's session of its block that fits it: that session's
 * facilitator, room and learners, the pinned learners added; in the
 * power-goal model its group meets in the guide's rooms (a lab: the
 * guide's lab facilitators) in the other blocks.  The rest of the guide
 * is then kept around the pins (replan_keep.c) and the model plans only
 * what the pins displaced.
 */
#include <stdlib.h>

#include "engine/util.h"
#include "models/model.h"
#include "models/replan_pins.h"
#include "models/replan_pins_builder.h"

/* Whether f may lead a power-goal group: free in every workshop block and
 * within max_sessions for all of them. */
static bool cycle_free(const struct builder *bd, int f)
{
	const struct problem *p = bd->p;
	int nb = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b) || p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		nb++;
		if (!pins_fac_free(bd, f, b))
			return false;
	}
	return p->facilitators[f].max_sessions - bd->led[f] >= nb;
}

/* Whether guide session ps may be pn's session as the school and the
 * sessions built so far stand: pn's block, offering, facilitator and room,
 * both free, the expertise, room feature and block rules kept, and every
 * pinned learner able to take it. */
static bool guide_fits(const struct builder *bd, const struct lock_pin *pn,
		       const struct prev_session *ps)
{
	const struct problem *p = bd->p;
	int b = pn->block;
	if (ps->block != b || ps->frozen || ps->facilitator < 0 || ps->room < 0)
		return false;
	if (pn->kind == LOCK_GOAL ? ps->kind != LOCK_GOAL || ps->offering != pn->offering :
	    pn->kind == LOCK_LAB ? ps->kind != LOCK_LAB :
	    ps->kind != LOCK_GOAL && ps->kind != LOCK_LAB)
		return false;
	if ((pn->facilitator >= 0 && ps->facilitator != pn->facilitator) ||
	    (pn->room >= 0 && ps->room != pn->room) || !pins_fac_free(bd, ps->facilitator, b) ||
	    !pins_room_free(bd, ps->room, b) || p->rooms[ps->room].capacity < pn->n_learners ||
	    pins_reserved(bd, pn, pn->facilitator < 0 ? ps->facilitator : -1,
			  pn->room < 0 ? ps->room : -1, b))
		return false;
	if (ps->kind == LOCK_LAB)
		return problem_room_has(&p->rooms[ps->room], p->lab_feature);
	if (p->goals[ps->offering].mode != GOAL_FACILITATED ||
	    !problem_block_allows(p, b, ps->offering) ||
	    problem_goal_level(p, ps->facilitator, ps->offering) < LEVEL_ABLE ||
	    !problem_room_has(&p->rooms[ps->room], p->goals[ps->offering].feature) ||
	    (model_row(p)->whole_cycle_groups && !cycle_free(bd, ps->facilitator)))
		return false;
	for (int i = 0; i < pn->n_learners; i++)
		if (!pins_may_take(bd, pn->learners[i], ps->offering))
			return false;
	return true;
}

int pins_guide_session(const struct builder *bd, const struct lock_pin *pn)
{
	const struct previous *g = bd->guide;
	int best = -1, best_n = -1;
	for (int j = 0; g && j < g->n_sessions; j++) {
		if (!guide_fits(bd, pn, &g->sessions[j]))
			continue;
		int n = 0;
		for (int i = 0; i < pn->n_learners; i++)
			n += g->attend[(long)pn->learners[i] * bd->p->n_blocks + pn->block] == j;
		if (n > best_n) {
			best = j;
			best_n = n;
		}
	}
	return best;
}

/* Whether learner l may join a pinned session of block b beside its pinned
 * learners: available, without a place, pinned nowhere there; in the
 * power-goal model (one group all cycle) without a place or pin in any
 * workshop block. */
static bool may_join(const struct builder *bd, int l, int b)
{
	const struct problem *p = bd->p;
	if (p->learners[l].unavailable[b])
		return false;
	for (int c = 0; c < p->n_blocks; c++) {
		if (c != b && (!model_row(p)->whole_cycle_groups ||
			       p->blocks[c].kind != BLOCK_WORKSHOP || !problem_block_scheduled(p, c)))
			continue;
		if (solution_attend_at(bd->fz, l, c) >= 0 || bd->pinned[(long)l * p->n_blocks + c])
			return false;
	}
	return true;
}

int pins_guide_seat(struct builder *bd, int si, int gj, int n, int cap)
{
	const struct problem *p = bd->p;
	const struct session *s = &bd->fz->sessions[si];
	int b = s->block;
	for (int l = 0; gj >= 0 && l < p->n_learners && n < cap; l++) {
		if (bd->guide->attend[(long)l * p->n_blocks + b] != gj || !may_join(bd, l, b) ||
		    (s->kind == SESSION_WORKSHOP && !pins_may_take(bd, l, s->offering)))
			continue;
		*solution_attend(bd->fz, l, b) = si;
		n++;
	}
	return n;
}

int pins_guide_in_block(const struct builder *bd, int si, int b)
{
	const struct previous *g = bd->guide;
	const struct problem *p = bd->p;
	const struct session *s = &bd->fz->sessions[si];
	if (!g)
		return -1;
	int *cnt = xcalloc((size_t)g->n_sessions + 1, sizeof(int)), best = -1;
	for (int l = 0; l < p->n_learners; l++) {
		int j = g->attend[(long)l * p->n_blocks + b];
		if (j >= 0 && solution_attend_at(bd->fz, l, s->block) == si)
			cnt[j]++;
	}
	for (int j = 0; j < g->n_sessions; j++) {
		const struct prev_session *ps = &g->sessions[j];
		bool kind = s->kind == SESSION_LAB ? ps->kind == LOCK_LAB :
			    ps->kind == LOCK_GOAL && ps->offering == s->offering;
		if (kind && ps->block == b && cnt[j] > 0 && (best < 0 || cnt[j] > cnt[best]))
			best = j;
	}
	free(cnt);
	return best;
}

/* The model's plan u of the school without the pins, as a previous
 * schedule with nothing frozen: the guide pins are built like
 * (replan_pins.h). */
struct previous *replan_pins_guide_of(const struct problem *p, const struct solution *u)
{
	struct previous *g = xcalloc(1, sizeof(*g));
	g->after = -1;
	g->n_sessions = (int)u->n_sessions;
	g->sessions = xcalloc(u->n_sessions + 1, sizeof(*g->sessions));
	for (size_t i = 0; i < u->n_sessions; i++) {
		const struct session *s = &u->sessions[i];
		struct prev_session *ps = &g->sessions[i];
		ps->kind = s->kind == SESSION_WORKSHOP ? LOCK_GOAL :
			   s->kind == SESSION_SEMINAR ? LOCK_SEMINAR : LOCK_LAB;
		ps->offering = s->kind == SESSION_LAB ? -1 : s->offering;
		ps->block = s->block;
		ps->room = s->room;
		ps->facilitator = s->facilitator;
		ps->section = s->section >= 0 ? s->section : (int)i;
	}
	long cells = (long)p->n_learners * p->n_blocks;
	g->attend = xmalloc(sizeof(int) * ((size_t)cells + 1));
	for (long c = 0; c < cells; c++)
		g->attend[c] = u->attend[c];
	return g;
}

void replan_pins_guide_free(struct previous *g)
{
	if (!g)
		return;
	free(g->sessions);
	free(g->attend);
	free(g);
}
