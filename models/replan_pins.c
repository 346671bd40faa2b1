/*
 * replan_pins.c - builds the sessions that locks.csv pins, for any model.
 *
 * The models do not read locks themselves yet: like the frozen part of a
 * replan, each pinned session is built here and handed to the model as a
 * fixed part of the school (replan.c's view), so that every model honours
 * every lock.  A pin names some of its session (offering, facilitator,
 * room, learners); the rest is chosen greedily here, in the pins' order
 * (by block, then line): the offering that all pinned learners can use,
 * the facilitator and room that fit, and enough other learners to reach
 * the goal's min_group.  The model cannot add learners to a pinned
 * session afterwards, so a pinned session holds only its learners and the
 * top-up: a valid schedule, not the best with that lock.  A pin this
 * cannot build is reported with its line.  A seminar pin builds a whole
 * section: its block and the earliest other seminar blocks where the
 * facilitator, a room and the pinned learners are free, the pinned
 * learners at every meeting, topped up to min_size with learners who chose
 * the seminar; a later pin of the same learners and seminar is then held.
 * Rows of one offering that share no one may be one session: a pinned
 * session takes the learners of later pins it fits before other learners,
 * a one-learner pin joins a pinned session it fits, a pin is one session
 * with a later pin of its offering that names a facilitator or room where
 * it can be (else two sessions take two facilitators, or the one room with
 * the goal's feature), lab pins naming no one are built last (any
 * facilitator leads a lab), and a pin that the sessions built already keep
 * is not built again.  In the power-goal model (its labs built in order)
 * a learner keeps one group (or the lab) all cycle: a pinned session is a
 * group meeting in every workshop block (its facilitator free in all), and
 * learners are seated in pinned groups and labs for the whole cycle.
 */
#define _POSIX_C_SOURCE 200809L
#include "replan_pins.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/model.h"
#include "models/replan_keep.h"
#include "models/replan_pins_builder.h"


bool pins_fac_free(const struct builder *bd, int f, int b)
{
	const struct problem *p = bd->p;
	if (p->facilitators[f].unavailable[b] || bd->led[f] >= p->facilitators[f].max_sessions)
		return false;
	for (size_t i = 0; i < bd->fz->n_sessions; i++)
		if (bd->fz->sessions[i].block == b && bd->fz->sessions[i].facilitator == f)
			return false;
	return true;
}

bool pins_room_free(const struct builder *bd, int r, int b)
{
	if (bd->p->rooms[r].unavailable[b])
		return false;
	for (size_t i = 0; i < bd->fz->n_sessions; i++)
		if (bd->fz->sessions[i].block == b && bd->fz->sessions[i].room == r)
			return false;
	return true;
}

/* Whether learner l may take one more session of goal g. */
bool pins_reserved(const struct builder *bd, const struct lock_pin *pn, int f, int r, int b)
{
	const struct problem *p = bd->p;
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *o = &p->pins[k];
		if (o != pn && o->block == b && ((f >= 0 && o->facilitator == f) ||
						 (r >= 0 && o->room == r)))
			return true;
	}
	return false;
}

bool pins_may_take(const struct builder *bd, int l, int g)
{
	int q = objective_need_of(bd->p, l, g);
	return q >= 0 && bd->p->needs[q].ready && bd->need_cnt[q] < bd->p->needs[q].sessions;
}

/* The offering of a pin naming none: the goal of highest total weight all
 * its learners may take (and its facilitator can lead), else a lab. */
static void choose_offering(const struct builder *bd, struct session *s,
			    const struct lock_pin *pn)
{
	const struct problem *p = bd->p;
	s->kind = SESSION_LAB;
	s->offering = -1;
	if (p->blocks[pn->block].kind != BLOCK_WORKSHOP || !pn->n_learners)
		return;
	double best = 0;
	for (int g = 0; g < p->n_goals; g++) {
		if (p->goals[g].mode != GOAL_FACILITATED || !problem_block_allows(p, pn->block, g) ||
		    (pn->facilitator >= 0 && problem_goal_level(p, pn->facilitator, g) < LEVEL_ABLE))
			continue;
		double w = 0;
		for (int i = 0; i < pn->n_learners && w >= 0; i++)
			w = pins_may_take(bd, pn->learners[i], g) ?
			    w + problem_need_weight(p, &p->needs[objective_need_of(p, pn->learners[i], g)]) :
			    -1;
		if (w > best) {
			best = w;
			s->kind = SESSION_WORKSHOP;
			s->offering = g;
		}
	}
}

/* A free facilitator for s: gurus first, then the fewest sessions led. */
static int choose_facilitator(const struct builder *bd, const struct lock_pin *pn,
			      const struct session *s)
{
	const struct problem *p = bd->p;
	int best = -1, best_level = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		if (!pins_fac_free(bd, f, s->block) || pins_reserved(bd, pn, f, -1, s->block))
			continue;
		int lv = s->kind == SESSION_WORKSHOP ? (int)problem_goal_level(p, f, s->offering) :
							LEVEL_ABLE;
		if (lv < LEVEL_ABLE)
			continue;
		if (best < 0 || lv > best_level || (lv == best_level && bd->led[f] < bd->led[best])) {
			best = f;
			best_level = lv;
		}
	}
	return best;
}

/* The power-goal model's choice of a facilitator for s: for a group, one
 * free in every workshop block, within max_sessions for all of them (a
 * group meets in each), gurus first; for a lab (per block), one free in
 * s's block who can lead the fewest pinned goals.  -1: none. */
static int choose_cycle_facilitator(const struct builder *bd, const struct session *s)
{
	const struct problem *p = bd->p;
	int nb = 0, best = -1, best_level = 0;
	for (int b = 0; b < p->n_blocks && s->kind == SESSION_WORKSHOP; b++)
		nb += problem_block_scheduled(p, b) && p->blocks[b].kind == BLOCK_WORKSHOP;
	for (int f = 0; f < p->n_facilitators; f++) {
		int lv = s->kind == SESSION_WORKSHOP ? (int)problem_goal_level(p, f, s->offering) :
							LEVEL_ABLE;
		if (lv < LEVEL_ABLE || p->facilitators[f].max_sessions - bd->led[f] < nb)
			continue;
		bool free = pins_fac_free(bd, f, s->block);
		for (int b = 0; b < p->n_blocks && free && s->kind == SESSION_WORKSHOP; b++)
			if (problem_block_scheduled(p, b) && p->blocks[b].kind == BLOCK_WORKSHOP)
				free = pins_fac_free(bd, f, b);
		if (s->kind == SESSION_LAB)   /* a lab: who can lead the fewest pinned goals */
			for (int k = 0; k < p->n_pins; k++)
				lv -= p->pins[k].kind == LOCK_GOAL &&
				      problem_goal_level(p, f, p->pins[k].offering) >= LEVEL_ABLE;
		if (free && (best < 0 || lv > best_level)) {
			best = f;
			best_level = lv;
		}
	}
	return best;
}

/* The smallest free room of block b with feature that seats need. */
int pins_room_for(const struct builder *bd, int b, int feature, int need)
{
	const struct problem *p = bd->p;
	int best = -1;
	for (int r = 0; r < p->n_rooms; r++)
		if (pins_room_free(bd, r, b) && problem_room_has(&p->rooms[r], feature) &&
		    p->rooms[r].capacity >= need && !pins_reserved(bd, NULL, -1, r, b) &&
		    (best < 0 || p->rooms[r].capacity < p->rooms[best].capacity))
			best = r;
	return best;
}

/* The smallest free room with the feature that seats need learners. */
static int choose_room(const struct builder *bd, const struct session *s, int need)
{
	const struct problem *p = bd->p;
	int feature = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].feature : p->lab_feature;
	return pins_room_for(bd, s->block, feature, need);
}

/* Whether session s is one pin pn may name: its block, offering (a goal,
 * a lab, or any when pn names none), facilitator and room when named. */
static bool pin_fits(const struct lock_pin *pn, const struct session *s)
{
	if (s->block != pn->block || (pn->facilitator >= 0 && s->facilitator != pn->facilitator) ||
	    (pn->room >= 0 && s->room != pn->room))
		return false;
	if (pn->kind == LOCK_GOAL)
		return s->kind == SESSION_WORKSHOP && s->offering == pn->offering;
	if (pn->kind == LOCK_LAB)
		return s->kind == SESSION_LAB;
	return pn->kind == LOCK_ANY && s->kind != SESSION_SEMINAR;
}

/* Whether a workshop or lab pin is kept by the sessions built so far: all
 * its learners in one session that fits it, or, naming no learner, some
 * session that fits it (an earlier pin's session took it in). */
static bool pin_holds(const struct builder *bd, const struct lock_pin *pn)
{
	const struct solution *fz = bd->fz;
	if (pn->kind == LOCK_SEMINAR)
		return false;
	if (!pn->n_learners) {
		for (size_t i = 0; i < fz->n_sessions; i++)
			if (pin_fits(pn, &fz->sessions[i]))
				return true;
		return false;
	}
	int si = solution_attend_at(fz, pn->learners[0], pn->block);
	if (si < 0 || !pin_fits(pn, &fz->sessions[si]))
		return false;
	for (int i = 1; i < pn->n_learners; i++)
		if (solution_attend_at(fz, pn->learners[i], pn->block) != si)
			return false;
	return true;
}

/* Seats in s (index si, n learners so far) the learners of the later pins of
 * its block that s fits, whole pins while n is below lo: two rows of one
 * offering that share no one may be one session, and must be when the
 * offering's learners are too few for two (min_group).  Returns the new n. */
static int seat_later_pins(struct builder *bd, const struct lock_pin *pn, int si, int n, int lo,
			   int cap)
{
	const struct problem *p = bd->p;
	const struct session *s = &bd->fz->sessions[si];
	for (const struct lock_pin *o = pn + 1; o < p->pins + p->n_pins && n < lo; o++) {
		if (o->block != s->block || !o->n_learners || !pin_fits(o, s) ||
		    n + o->n_learners > cap)
			continue;
		bool free = true;
		for (int i = 0; i < o->n_learners && free; i++)
			free = solution_attend_at(bd->fz, o->learners[i], s->block) < 0 &&
			       (s->kind != SESSION_WORKSHOP || pins_may_take(bd, o->learners[i], s->offering));
		for (int i = 0; i < o->n_learners && free; i++, n++)
			*solution_attend(bd->fz, o->learners[i], s->block) = si;
	}
	return n;
}

/* Seats the learners of use (pin pn, or pn merged with a later pin) in
 * session si, then the learners of pins after pn it fits, then those of
 * guide session gj (-1: none), and tops a workshop up to min_group.
 * Returns false when min_group cannot be reached. */
static bool seat(struct builder *bd, const struct lock_pin *pn, const struct lock_pin *use,
		 int si, int gj)
{
	const struct problem *p = bd->p;
	struct session *s = &bd->fz->sessions[si];
	int b = s->block, n = 0;
	for (int i = 0; i < use->n_learners; i++, n++)
		*solution_attend(bd->fz, use->learners[i], b) = si;
	int lo = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].min_group : 1;
	int cap = p->rooms[s->room].capacity;
	int max = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].max_group :
		  p->config.lab_max_group;
	cap = max < cap ? max : cap;
	n = seat_later_pins(bd, pn, si, n, lo, cap);
	n = pins_guide_seat(bd, si, gj, n, cap);
	for (int l = 0; l < p->n_learners && n < lo && n < cap; l++) {
		if (p->learners[l].unavailable[b] || solution_attend_at(bd->fz, l, b) >= 0 ||
		    bd->pinned[(long)l * p->n_blocks + b] ||
		    (s->kind == SESSION_WORKSHOP && !pins_may_take(bd, l, s->offering)))
			continue;
		*solution_attend(bd->fz, l, b) = si;
		n++;
	}
	for (int l = 0; l < p->n_learners && s->kind == SESSION_WORKSHOP; l++)
		if (solution_attend_at(bd->fz, l, b) == si)
			bd->need_cnt[objective_need_of(p, l, s->offering)]++;
	s->size = n;
	return n >= lo;
}

/* The power-goal model's fill: learner l joins the group of pinned session
 * si in every workshop block where l is available (for a lab: a lab with a
 * seat in each, or with open, a new lab where a facilitator and a room are
 * free), or nowhere.  Returns whether l was seated. */
static bool seat_whole_cycle(struct builder *bd, int l, int si, size_t first_pin, bool open)
{
	const struct problem *p = bd->p;
	struct solution *fz = bd->fz;
	const struct session s0 = fz->sessions[si];
	bool lab = s0.kind == SESSION_LAB, ok = true;
	if (!lab) {
		int q = objective_need_of(p, l, s0.offering);
		if (q < 0 || !p->needs[q].ready)
			return false;
	}
	int *pick = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	struct session *fresh = xcalloc((size_t)p->n_blocks + 1, sizeof(*fresh));
	for (int b = 0; b < p->n_blocks; b++)
		pick[b] = -1;
	for (int b = 0; b < p->n_blocks && ok; b++) {
		if (!problem_block_scheduled(p, b) || p->blocks[b].kind != BLOCK_WORKSHOP ||
		    p->learners[l].unavailable[b])
			continue;
		ok = solution_attend_at(fz, l, b) < 0;
		for (size_t i = first_pin; i < fz->n_sessions && ok && pick[b] < 0; i++) {
			const struct session *s = &fz->sessions[i];
			if (s->block != b || (lab ? s->kind != SESSION_LAB
						  : s->kind != SESSION_WORKSHOP || s->section != s0.section))
				continue;
			/* only a session of the wanted kind has a goal to read */
			int cap = p->rooms[s->room].capacity, max = lab ? p->config.lab_max_group
								      : p->goals[s->offering].max_group;
			if (s->size < cap && s->size < max)
				pick[b] = (int)i;
		}
		if (ok && pick[b] < 0 && lab && open) {
			fresh[b] = (struct session){ .kind = SESSION_LAB, .offering = -1, .block = b };
			fresh[b].room = pins_room_for(bd, b, p->lab_feature, 1);
			fresh[b].facilitator = choose_cycle_facilitator(bd, &fresh[b]);
			if (fresh[b].room >= 0 && fresh[b].facilitator >= 0) {
				pick[b] = -2;
				bd->led[fresh[b].facilitator]++;    /* held while planning */
			}
		}
		ok = ok && pick[b] != -1;
	}
	for (int b = 0; b < p->n_blocks && ok; b++) {
		if (pick[b] == -2)
			pick[b] = solution_add_session(fz, &fresh[b]);
		if (pick[b] >= 0) {
			*solution_attend(fz, l, b) = pick[b];
			fz->sessions[pick[b]].size++;
		}
	}
	for (int b = 0; b < p->n_blocks && !ok; b++)
		if (pick[b] == -2)
			bd->led[fresh[b].facilitator]--;
	free(fresh);
	free(pick);
	return ok;
}

/* A pinned lab of block b in a room no pin names moves to the smallest
 * free room with the lab feature that seats its learners plus short (the
 * learners the block must seat in pinned sessions), else to the largest
 * free one larger than its own: a pinned lab's room is chosen for its few
 * pinned learners, before the block's need is known. */
static void widen_labs(struct builder *bd, int b, size_t first_pin, long short_by)
{
	const struct problem *p = bd->p;
	for (size_t i = first_pin; i < bd->fz->n_sessions && short_by > 0; i++) {
		struct session *s = &bd->fz->sessions[i];
		int cap = p->rooms[s->room].capacity;
		long want = s->size + short_by;
		want = want < p->config.lab_max_group ? want : p->config.lab_max_group;
		if (s->block != b || s->kind != SESSION_LAB || cap >= want ||
		    pins_reserved(bd, NULL, -1, s->room, b))
			continue;
		int r = pins_room_for(bd, b, p->lab_feature, (int)want);
		for (int q = 0; q < p->n_rooms && r < 0; q++)
			if (pins_room_free(bd, q, b) && problem_room_has(&p->rooms[q], p->lab_feature) &&
			    !pins_reserved(bd, NULL, -1, q, b) && p->rooms[q].capacity > cap &&
			    (r < 0 || p->rooms[q].capacity > p->rooms[r].capacity))
				r = q;
		if (r < 0)
			continue;
		short_by -= p->rooms[r].capacity - cap;
		s->room = r;
	}
}

/* Where no session the model could open is left for the learners still
 * without a place in block b (the pins took the facilitators or rooms),
 * seats them in the pinned sessions of b that take them: a workshop of a
 * need they may take, else a lab, with a seat free. */
static void fill_short_block(struct builder *bd, int b, size_t first_pin, bool always)
{
	const struct problem *p = bd->p;
	struct solution *fz = bd->fz;
	long waiting = 0;
	for (int l = 0; l < p->n_learners; l++)
		waiting += !p->learners[l].unavailable[b] && solution_attend_at(fz, l, b) < 0;
	long left = always ? 0 : replan_keep_seats_left(p, fz, b, bd->led);
	if (!waiting || waiting <= left)
		return;
	widen_labs(bd, b, first_pin, waiting - left);
	for (int l = 0; l < p->n_learners; l++) {
		if (p->learners[l].unavailable[b] || solution_attend_at(fz, l, b) >= 0)
			continue;
		int best = -1;
		if (model_row(p)->whole_cycle_groups) {    /* a group first, else a lab */
			bool done = false;
			for (int pass = 0; pass < 3 && !done; pass++)  /* new labs last */
				for (size_t i = first_pin; i < fz->n_sessions && !done; i++)
					done = fz->sessions[i].block == b &&
					       (fz->sessions[i].kind == SESSION_LAB) == (pass >= 1) &&
					       seat_whole_cycle(bd, l, (int)i, first_pin, pass == 2);
			continue;
		}
		bool joined = false;
		for (size_t i = first_pin; i < fz->n_sessions && !joined; i++)
			if (fz->sessions[i].block == b && fz->sessions[i].kind == SESSION_SEMINAR)
				joined = pins_seat_section(bd, l, (int)i);
		if (joined)
			continue;
		for (size_t i = first_pin; i < fz->n_sessions; i++) {
			struct session *s = &fz->sessions[i];
			int cap = p->rooms[s->room].capacity;
			if (s->block != b || s->size >= cap)
				continue;
			if (s->kind == SESSION_WORKSHOP && s->size < p->goals[s->offering].max_group &&
			    pins_may_take(bd, l, s->offering)) {
				best = (int)i;
				break;
			}
			if (s->kind == SESSION_LAB && s->size < p->config.lab_max_group && best < 0)
				best = (int)i;
		}
		if (best < 0)
			continue;
		*solution_attend(fz, l, b) = best;
		fz->sessions[best].size++;
		if (fz->sessions[best].kind == SESSION_WORKSHOP)
			bd->need_cnt[objective_need_of(p, l, fz->sessions[best].offering)]++;
	}
}

/* Whether the sessions the model would have to open for the learners
 * without a place (at least one a block that has such learners) exceed
 * what the facilitators' max_sessions leave in the whole cycle. */
static bool cycle_short(const struct builder *bd)
{
	const struct problem *p = bd->p;
	long needed = 0, left = 0;
	bool *waiting = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	for (int b = 0; b < p->n_blocks; b++) {
		for (int l = 0; l < p->n_learners && problem_block_scheduled(p, b) && !waiting[b]; l++)
			waiting[b] = !p->learners[l].unavailable[b] &&
				     solution_attend_at(bd->fz, l, b) < 0;
		needed += waiting[b];
	}
	for (int f = 0; f < p->n_facilitators; f++) {
		int free_blocks = 0;
		for (int b = 0; b < p->n_blocks; b++)
			free_blocks += waiting[b] && pins_fac_free(bd, f, b);
		int rest = p->facilitators[f].max_sessions - bd->led[f];
		left += free_blocks < rest ? free_blocks : rest;
	}
	free(waiting);
	return needed > left;
}

bool replan_pin_frozen(const struct problem *p, const struct lock_pin *pn,
		       const struct solution *fz)
{
	if (p->previous && pn->block <= p->previous->after)
		return true;
	for (int i = 0; i < pn->n_learners; i++)
		if (p->previous && solution_attend_at(fz, pn->learners[i], pn->block) >= 0)
			return true;
	return false;
}

/* The facilitator a later pin of s's block names to lead s's offering
 * (naming no learner and no room), when free: then one session keeps both
 * pins.  -1 when there is none. */
static int later_pin_facilitator(const struct builder *bd, const struct lock_pin *pn,
				 const struct session *s)
{
	const struct problem *p = bd->p;
	for (const struct lock_pin *o = pn + 1; o < p->pins + p->n_pins; o++) {
		if (o->block != s->block || o->facilitator < 0 || o->n_learners || o->room >= 0 ||
		    !pins_fac_free(bd, o->facilitator, s->block))
			continue;
		if (s->kind == SESSION_WORKSHOP ? o->kind == LOCK_GOAL && o->offering == s->offering
						: o->kind == LOCK_LAB)
			return o->facilitator;
	}
	return -1;
}

/* In the power-goal model a learner keeps one group (or the lab) for the
 * whole cycle, so the session built for a pin in one block is the group:
 * it meets in every other workshop block with the same goal, facilitator
 * and the members available there (a lab: a lab of its own there, any free
 * facilitator), in its room when free.  NULL, or why not (allocated). */
static char *extend_group(struct builder *bd, int si)
{
	const struct problem *p = bd->p;
	struct solution *fz = bd->fz;
	if (!model_row(p)->whole_cycle_groups)
		return NULL;
	for (int b = 0; b < p->n_blocks; b++) {
		struct session s = fz->sessions[si];
		if (b == s.block || !problem_block_scheduled(p, b) ||
		    p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		int n = 0;
		for (int l = 0; l < p->n_learners; l++) {
			if (solution_attend_at(fz, l, s.block) != si || p->learners[l].unavailable[b])
				continue;
			if (solution_attend_at(fz, l, b) >= 0)
				return xasprintf("learner '%s' keeps one group in the power-goal model "
						 "but already has another place in block '%s'",
						 p->learners[l].id, p->blocks[b].id);
			n++;
		}
		if (!n)
			continue;
		s.block = b;
		int join = -1;      /* a lab: a pinned lab of b with n seats left */
		for (size_t i = bd->first_pin; i < fz->n_sessions && s.kind == SESSION_LAB; i++)
			if (fz->sessions[i].block == b && fz->sessions[i].kind == SESSION_LAB &&
			    fz->sessions[i].size + n <= p->config.lab_max_group &&
			    fz->sessions[i].size + n <= p->rooms[fz->sessions[i].room].capacity) {
				join = (int)i;
				break;
			}
		if (join >= 0) {
			fz->sessions[join].size += n;
			for (int l = 0; l < p->n_learners; l++)
				if (solution_attend_at(fz, l, fz->sessions[si].block) == si &&
				    !p->learners[l].unavailable[b])
					*solution_attend(fz, l, b) = join;
			continue;
		}
		/* the guide's session of b these learners attend: its room, and
		 * for a lab its facilitator, when free */
		int gj = pins_guide_in_block(bd, si, b);
		const struct prev_session *gs = gj >= 0 ? &bd->guide->sessions[gj] : NULL;
		if (gs && pins_room_free(bd, gs->room, b) && p->rooms[gs->room].capacity >= n)
			s.room = gs->room;
		if (s.kind == SESSION_LAB && gs && pins_fac_free(bd, gs->facilitator, b))
			s.facilitator = gs->facilitator;
		else if (s.kind == SESSION_LAB)
			s.facilitator = choose_cycle_facilitator(bd, &s);
		else if (!pins_fac_free(bd, s.facilitator, b))
			s.facilitator = -1;
		if (s.facilitator < 0)
			return xasprintf("no facilitator is free to lead its group in block '%s'",
					 p->blocks[b].id);
		if (!pins_room_free(bd, s.room, b) || p->rooms[s.room].capacity < n)
			s.room = choose_room(bd, &s, n);
		if (s.room < 0)
			return xasprintf("no free room seats its group in block '%s'", p->blocks[b].id);
		int sj = solution_add_session(fz, &s);
		bd->led[s.facilitator]++;
		if (s.kind == SESSION_WORKSHOP)
			fz->sessions[sj].section = si;
		fz->sessions[sj].size = n;
		for (int l = 0; l < p->n_learners; l++)
			if (solution_attend_at(fz, l, fz->sessions[si].block) == si &&
			    !p->learners[l].unavailable[b])
				*solution_attend(fz, l, b) = sj;
	}
	return NULL;
}

/* Seats learner l in pinned session si when it has a seat (room, max_group
 * or lab max_group) and l may take its goal; in the power-goal model in
 * its group or a lab in every block (seat_whole_cycle).  Returns whether
 * l was seated. */
static bool join_pinned(struct builder *bd, int l, int si)
{
	const struct problem *p = bd->p;
	struct session *s = &bd->fz->sessions[si];
	if (model_row(p)->whole_cycle_groups)
		return seat_whole_cycle(bd, l, si, bd->first_pin, false);
	if (s->size >= solution_session_seats(p, s) ||
	    solution_attend_at(bd->fz, l, s->block) >= 0 ||
	    (s->kind == SESSION_WORKSHOP && !pins_may_take(bd, l, s->offering)))
		return false;
	*solution_attend(bd->fz, l, s->block) = si;
	s->size++;
	if (s->kind == SESSION_WORKSHOP)
		bd->need_cnt[objective_need_of(p, l, s->offering)]++;
	return true;
}

/* Plans, without building it, the session of use (pin pn, or pn merged
 * with a later pin) into s: like the guide's session that fits it (*gj),
 * else its offering, a facilitator and a room chosen.  NULL, or why not
 * (allocated). */
static char *plan_session(const struct builder *bd, const struct lock_pin *pn,
			  const struct lock_pin *use, struct session *s, int *gj)
{
	const struct problem *p = bd->p;
	*s = (struct session){ .block = use->block, .facilitator = use->facilitator,
			       .room = use->room };
	*gj = pins_guide_session(bd, use);
	if (*gj >= 0) {          /* built like the guide's session */
		const struct prev_session *gs = &bd->guide->sessions[*gj];
		s->kind = gs->kind == LOCK_GOAL ? SESSION_WORKSHOP : SESSION_LAB;
		s->offering = gs->kind == LOCK_GOAL ? gs->offering : -1;
		s->facilitator = gs->facilitator;
		s->room = gs->room;
	} else if (use->kind == LOCK_ANY) {
		choose_offering(bd, s, use);
	} else {
		s->kind = use->kind == LOCK_GOAL ? SESSION_WORKSHOP : SESSION_LAB;
		s->offering = use->offering;
	}
	for (int i = 0; i < use->n_learners && s->kind == SESSION_WORKSHOP; i++)
		if (!pins_may_take(bd, use->learners[i], s->offering))
			return xasprintf("learner '%s' has no session of goal '%s' left",
					 p->learners[use->learners[i]].id, p->goals[s->offering].id);
	if (s->facilitator < 0)
		s->facilitator = later_pin_facilitator(bd, pn, s);
	if (s->facilitator < 0 && model_row(p)->whole_cycle_groups)
		s->facilitator = choose_cycle_facilitator(bd, s);
	if (s->facilitator < 0)
		s->facilitator = choose_facilitator(bd, use, s);
	else if (!pins_fac_free(bd, s->facilitator, s->block))
		s->facilitator = -1;
	if (s->facilitator < 0)
		return xasprintf("no facilitator is free to lead it in block '%s'",
				 p->blocks[s->block].id);
	int need = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].min_group : 1;
	need = need > use->n_learners ? need : use->n_learners;
	if (s->room < 0)
		s->room = choose_room(bd, s, need);
	else if (!pins_room_free(bd, s->room, s->block))
		s->room = -1;
	if (s->room < 0)
		return xasprintf("no free room seats it in block '%s'", p->blocks[s->block].id);
	return NULL;
}

/* Pin pn merged into m with a later pin o of its block that names the
 * facilitator or room pn's session lacks: locks.c merges only rows that
 * share a name, but when o holds what pn's session needs (the one room
 * with the goal's feature, the one free facilitator) the two pins can
 * only be one session.  The offering, facilitator and room of the two must
 * agree, the named facilitator have the expertise, the room the feature
 * and the seats, and o's learners be without a place.  m's learners are
 * allocated (the caller frees them); false when no later pin merges. */
static bool merge_later_pin(const struct builder *bd, const struct lock_pin *pn,
			    struct lock_pin *m)
{
	const struct problem *p = bd->p;
	for (const struct lock_pin *o = pn + 1; o < p->pins + p->n_pins; o++) {
		if (o->block != pn->block || (o->facilitator < 0 && o->room < 0) ||
		    (pn->facilitator >= 0 && o->facilitator >= 0) ||
		    (pn->room >= 0 && o->room >= 0) ||
		    (pn->kind != LOCK_ANY && o->kind != LOCK_ANY &&
		     (pn->kind != o->kind || pn->offering != o->offering)))
			continue;
		enum lock_offering kind = pn->kind != LOCK_ANY ? pn->kind : o->kind;
		int off = pn->kind != LOCK_ANY ? pn->offering : o->offering;
		int f = pn->facilitator >= 0 ? pn->facilitator : o->facilitator;
		int r = pn->room >= 0 ? pn->room : o->room;
		int n = pn->n_learners + o->n_learners;
		if (kind != LOCK_GOAL && kind != LOCK_LAB)
			continue;
		int max = kind == LOCK_GOAL ? p->goals[off].max_group : p->config.lab_max_group;
		int feature = kind == LOCK_GOAL ? p->goals[off].feature : p->lab_feature;
		if (n > max || (f >= 0 && kind == LOCK_GOAL &&
				problem_goal_level(p, f, off) < LEVEL_ABLE) ||
		    (r >= 0 && (!problem_room_has(&p->rooms[r], feature) ||
				p->rooms[r].capacity < n)))
			continue;
		bool free = true;
		for (int i = 0; i < o->n_learners && free; i++)
			free = solution_attend_at(bd->fz, o->learners[i], o->block) < 0;
		if (!free)
			continue;
		*m = *pn;
		m->kind = kind;
		m->offering = off;
		m->facilitator = f;
		m->room = r;
		m->learners = xmalloc(sizeof(int) * ((size_t)n + 1));
		m->n_learners = 0;
		for (int i = 0, j = 0; i < pn->n_learners || j < o->n_learners; ) {
			int a = i < pn->n_learners ? pn->learners[i] : -1;
			int c = j < o->n_learners ? o->learners[j] : -1;
			int l = c < 0 || (a >= 0 && a <= c) ? a : c;
			i += a == l;
			j += c == l;
			m->learners[m->n_learners++] = l;
		}
		return true;
	}
	return false;
}

/* Builds pin pn into bd->fz; NULL, or why not (allocated). */
static char *build_pin(struct builder *bd, const struct lock_pin *pn)
{
	const struct problem *p = bd->p;
	if (pn->kind == LOCK_SEMINAR)
		return pins_build_section(bd, pn);
	for (int i = 0; i < pn->n_learners; i++)
		if (solution_attend_at(bd->fz, pn->learners[i], pn->block) >= 0)
			return xasprintf("learner '%s' already has a place in block '%s'",
					 p->learners[pn->learners[i]].id, p->blocks[pn->block].id);
	/* a learner pinned to the lab or a goal joins a pinned session the pin
	 * fits, with a seat (in the power-goal model: in every block), rather
	 * than take a facilitator for a session of their own */
	if (pn->n_learners == 1 && (pn->kind == LOCK_LAB || pn->kind == LOCK_GOAL))
		for (size_t i = bd->first_pin; i < bd->fz->n_sessions; i++)
			if (pin_fits(pn, &bd->fz->sessions[i]) && join_pinned(bd, pn->learners[0], (int)i))
				return NULL;
	struct session s;
	struct lock_pin m = { .learners = NULL };
	const struct lock_pin *use = pn;
	int gj;
	/* one session with a later pin of its offering that names a facilitator
	 * or room, where it can be: else two sessions take two facilitators
	 * (or the one room with the feature) the block may not have */
	char *why = NULL;
	if (merge_later_pin(bd, pn, &m)) {
		why = plan_session(bd, pn, &m, &s, &gj);
		use = why ? pn : &m;
	}
	if (use == pn) {
		free(why);
		why = plan_session(bd, pn, pn, &s, &gj);
	}
	if (!why) {
		int si = solution_add_session(bd->fz, &s);
		bd->led[s.facilitator]++;
		if (!seat(bd, pn, use, si, gj))
			why = s.kind == SESSION_LAB ? xstrdup("no learner is free to sit in the lab") :
			      xasprintf("too few other learners can join it to reach min_group %d "
					"of '%s'", p->goals[s.offering].min_group,
					p->goals[s.offering].id);
		else
			why = extend_group(bd, si);
	}
	free(m.learners);
	return why;
}

static void builder_init(struct builder *bd, const struct problem *p, struct solution *fz,
			 const struct previous *guide)
{
	*bd = (struct builder){ .p = p, .fz = fz, .guide = guide, .first_pin = fz->n_sessions };
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, fz);
	bd->need_cnt = xmalloc(sizeof(int) * ((size_t)p->n_needs + 1));
	memcpy(bd->need_cnt, t.need_cnt, sizeof(int) * (size_t)p->n_needs);
	tally_release(&t);
	bd->led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	for (size_t i = 0; i < fz->n_sessions; i++)
		bd->led[fz->sessions[i].facilitator]++;
	bd->pinned = xcalloc((size_t)p->n_learners * (size_t)p->n_blocks + 1, sizeof(bool));
	for (int k = 0; k < p->n_pins; k++)
		for (int i = 0; i < p->pins[k].n_learners; i++)
			bd->pinned[(long)p->pins[k].learners[i] * p->n_blocks + p->pins[k].block] = true;
}

static void builder_free(struct builder *bd)
{
	free(bd->need_cnt);
	free(bd->led);
	free(bd->pinned);
}

/* The fill (see replan_pins_fill) with bd's tables. */
static void fill(struct builder *bd, size_t first_pin)
{
	const struct problem *p = bd->p;
	bool always = model_row(p)->whole_cycle_groups || cycle_short(bd);
	for (int b = 0; b < p->n_blocks; b++)
		if (problem_block_scheduled(p, b))
			fill_short_block(bd, b, first_pin, always);
}

void replan_pins_fill(const struct problem *p, struct solution *fz, size_t first_pin)
{
	struct builder bd;
	solution_recount(fz);
	builder_init(&bd, p, fz, NULL);
	bd.first_pin = first_pin;
	fill(&bd, first_pin);
	builder_free(&bd);
}

int replan_pins_add(const struct problem *p, const struct previous *guide, struct solution *fz,
		    bool fill_blocks, char **why)
{
	struct builder bd;
	builder_init(&bd, p, fz, guide);
	bool *held = xcalloc((size_t)p->n_pins + 1, sizeof(bool));
	for (int k = 0; k < p->n_pins; k++)
		held[k] = replan_pin_frozen(p, &p->pins[k], fz);
	int added = 0;
	*why = NULL;
	/* a lab any facilitator may lead: the lab pins naming no one last, so
	 * that they do not take the one facilitator a goal pin needs (not in
	 * the power-goal model, whose labs are built as groups are) */
	bool labs_last = !model_row(p)->whole_cycle_groups;
	for (int k = 0, pass = 0; pass < 2 && !*why; k = 0, pass++)
	for (; k < p->n_pins && !*why; k++) {
		const struct lock_pin *pn = &p->pins[k];
		bool late = labs_last && pn->kind == LOCK_LAB && pn->facilitator < 0;
		if (held[k] || late != (pass == 1) || pin_holds(&bd, pn))
			continue;
		char *reason = build_pin(&bd, pn);
		if (reason) {
			*why = xasprintf("%s:%ld: the lock cannot be kept: %s\n", pn->file, pn->line,
					 reason);
			free(reason);
		}
		added++;
	}
	if (!*why && fill_blocks)
		fill(&bd, bd.first_pin);
	builder_free(&bd);
	free(held);
	return *why ? -1 : added;
}

void replan_pins_view(const struct problem *p, struct problem *v)
{
	int after = p->previous ? p->previous->after : -1;
	v->pins = xcalloc((size_t)p->n_pins + 1, sizeof(*v->pins));
	v->n_pins = 0;
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		int b = pn->block;
		if (strcmp(pn->file, "locks.csv") || b <= after ||
		    (pn->facilitator >= 0 && v->facilitators[pn->facilitator].unavailable[b]) ||
		    (pn->room >= 0 && v->rooms[pn->room].unavailable[b]))
			continue;
		struct lock_pin *vp = &v->pins[v->n_pins++];
		*vp = *pn;
		vp->learners = xmalloc(sizeof(int) * ((size_t)pn->n_learners + 1));
		vp->n_learners = 0;
		for (int i = 0; i < pn->n_learners; i++)
			if (!v->learners[pn->learners[i]].unavailable[b])
				vp->learners[vp->n_learners++] = pn->learners[i];
	}
}

void replan_pins_view_free(struct problem *v)
{
	for (int k = 0; k < v->n_pins; k++)
		free(v->pins[k].learners);
	free(v->pins);
	v->pins = NULL;
	v->n_pins = 0;
}

char *replan_pins_lines(const struct problem *p)
{
	char *s = xstrdup("locks.csv line");
	for (int k = 0, n = 0; k < p->n_pins && n < 10; k++) {
		if (strcmp(p->pins[k].file, "locks.csv"))
			continue;
		char *t = xasprintf("%s%s %ld", s, n ? "," : (p->n_pins > 1 ? "s" : ""),
				    p->pins[k].line);
		free(s);
		s = t;
		n++;
	}
	return s;
}

bool replan_pins_locked(const struct problem *p)
{
	for (int k = 0; k < p->n_pins; k++)
		if (!strcmp(p->pins[k].file, "locks.csv"))
			return true;
	return false;
}
