/*
 * replan_pins_section.c - seminar pins: the pin builder (replan_pins.c)
 * builds a whole section for a seminar pin.  Its block and the earliest
 * other seminar blocks where the facilitator, a room and the pinned
 * learners are free, the pinned learners at every meeting, topped up to
 * min_size with learners who chose the seminar; a later pin of the same
 * learners and seminar is then held, and a pin of a section already built
 * joins it when it meets where the pin must.
 */
#include <stdlib.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/replan_pins_builder.h"

static bool may_join(const struct builder *bd, int l, int sem, const int *blocks, int m,
		     bool pinned);

/* Seats learner l in the pinned seminar section of session si at every
 * meeting, when l chose and may take the seminar, is free at every meeting
 * and the section has a seat (max_size, room).  Returns whether l was. */
bool pins_seat_section(struct builder *bd, int l, int si)
{
	const struct problem *p = bd->p;
	struct solution *fz = bd->fz;
	int head = fz->sessions[si].section, sem = fz->sessions[si].offering, m = 0;
	int *blocks = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	bool ok = true;
	for (size_t i = 0; i < fz->n_sessions && ok; i++) {
		const struct session *s = &fz->sessions[i];
		if (s->kind != SESSION_SEMINAR || s->section != head)
			continue;
		int size = 0;       /* a built section's size is not kept */
		for (int k = 0; k < p->n_learners; k++)
			size += solution_attend_at(fz, k, s->block) == (int)i;
		ok = m < p->n_blocks && size < p->seminars[sem].max_size &&
		     size < p->rooms[s->room].capacity;
		if (ok)
			blocks[m++] = s->block;
	}
	ok = ok && m > 0 && may_join(bd, l, sem, blocks, m, true);
	for (size_t i = 0; i < fz->n_sessions && ok; i++) {
		struct session *s = &fz->sessions[i];
		if (s->kind == SESSION_SEMINAR && s->section == head)
			*solution_attend(fz, l, s->block) = (int)i;
	}
	free(blocks);
	return ok;
}

/* ---- seminar pins: a whole section --------------------------------------- */

/* Whether every learner pn pins is already in a matching session of its
 * seminar in its block (an earlier pin built the section). */
static bool section_holds(const struct builder *bd, const struct lock_pin *pn)
{
	for (int i = 0; i < pn->n_learners; i++) {
		int si = solution_attend_at(bd->fz, pn->learners[i], pn->block);
		const struct session *s = si >= 0 ? &bd->fz->sessions[si] : NULL;
		if (!s || s->kind != SESSION_SEMINAR || s->offering != pn->offering ||
		    (pn->facilitator >= 0 && s->facilitator != pn->facilitator) ||
		    (pn->room >= 0 && s->room != pn->room))
			return false;
	}
	return pn->n_learners > 0;
}

/* Sections of seminar sem in fz, and learner l's seminar enrolments
 * (l < 0: none counted). */
static int sections_of(const struct builder *bd, int sem, int l, int *enrolled)
{
	const struct solution *fz = bd->fz;
	int n = 0;
	*enrolled = 0;
	for (size_t i = 0; i < fz->n_sessions; i++) {
		const struct session *s = &fz->sessions[i];
		if (s->kind != SESSION_SEMINAR || s->section != (int)i)
			continue;
		n += s->offering == sem;
		if (l >= 0 && solution_attend_at(fz, l, s->block) == (int)i)
			(*enrolled)++;
	}
	return n;
}

/* Whether learner l may join a new section of sem meeting in blocks[0..m). */
static bool may_join(const struct builder *bd, int l, int sem, const int *blocks, int m,
		     bool pinned)
{
	const struct problem *p = bd->p;
	int c = objective_choice_of(p, l, sem), enrolled;
	sections_of(bd, sem, l, &enrolled);
	if (c < 0 || !p->choices[c].eligible || enrolled >= p->config.seminars_per_learner)
		return false;
	for (int k = 0; k < m; k++)
		if (p->learners[l].unavailable[blocks[k]] ||
		    solution_attend_at(bd->fz, l, blocks[k]) >= 0 ||
		    (!pinned && bd->pinned[(long)l * p->n_blocks + blocks[k]]))
			return false;
	return true;
}

/* Whether the section pn pins must meet in block b: pn's own block, or the
 * block of another pin of the same seminar that names one of its learners
 * (one learner, one section of a seminar). */
static bool must_meet(const struct builder *bd, const struct lock_pin *pn, int b)
{
	const struct problem *p = bd->p;
	if (b == pn->block)
		return true;
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *o = &p->pins[k];
		if (o->block != b || o->kind != LOCK_SEMINAR || o->offering != pn->offering)
			continue;
		for (int i = 0; i < o->n_learners; i++)
			for (int j = 0; j < pn->n_learners; j++)
				if (o->learners[i] == pn->learners[j])
					return true;
	}
	return false;
}

/* Whether another pin of pn's seminar is in block b: a section meeting
 * there can take its learners too (the seminar may have one section). */
static bool may_share(const struct builder *bd, const struct lock_pin *pn, int b)
{
	for (int k = 0; k < bd->p->n_pins; k++) {
		const struct lock_pin *o = &bd->p->pins[k];
		if (o != pn && o->block == b && o->kind == LOCK_SEMINAR && o->offering == pn->offering)
			return true;
	}
	return false;
}

/* Joins pn's learners to a section of its seminar already built that
 * meets in every block pn must meet in and has seats.  Returns whether. */
static bool join_section(struct builder *bd, const struct lock_pin *pn)
{
	const struct problem *p = bd->p;
	struct solution *fz = bd->fz;
	const struct seminar *sm = &p->seminars[pn->offering];
	int *blocks = xmalloc(sizeof(int) * ((size_t)sm->meetings + 1));
	bool joined = false;
	for (size_t h = 0; h < fz->n_sessions && !joined; h++) {
		const struct session *s = &fz->sessions[h];
		if (s->kind != SESSION_SEMINAR || s->offering != pn->offering || s->section != (int)h ||
		    (pn->facilitator >= 0 && s->facilitator != pn->facilitator))
			continue;
		int m = 0, size = 0, cap = sm->max_size;
		bool ok = true;
		for (size_t i = h; i < fz->n_sessions && m < sm->meetings; i++)
			if (fz->sessions[i].section == (int)h) {
				blocks[m++] = fz->sessions[i].block;
				int c = p->rooms[fz->sessions[i].room].capacity;
				cap = c < cap ? c : cap;
				ok &= pn->room < 0 || fz->sessions[i].block != pn->block ||
				      fz->sessions[i].room == pn->room;
			}
		for (int l = 0; l < p->n_learners; l++)
			size += solution_attend_at(fz, l, s->block) == (int)h;
		for (int b = 0; b < p->n_blocks && ok; b++) {
			bool meets = false;
			for (int k = 0; k < m; k++)
				meets |= blocks[k] == b;
			ok = meets || !must_meet(bd, pn, b);
		}
		ok = ok && size + pn->n_learners <= cap;
		for (int i = 0; i < pn->n_learners && ok; i++)
			ok = may_join(bd, pn->learners[i], pn->offering, blocks, m, true);
		if (!ok)
			continue;
		for (int i = 0; i < pn->n_learners; i++)
			for (size_t j = h; j < fz->n_sessions; j++)
				if (fz->sessions[j].section == (int)h)
					*solution_attend(fz, pn->learners[i], fz->sessions[j].block) = (int)j;
		joined = true;
	}
	free(blocks);
	return joined;
}

/* The blocks and rooms of a section of pn's seminar led by f: the blocks
 * it must meet in first, then those of the seminar's other pins, then the
 * earliest seminar blocks where f, a room and every pinned learner are
 * free.  Returns whether all its meetings were found. */
static bool find_meetings(const struct builder *bd, const struct lock_pin *pn, int f, int need,
			  int *blocks, int *rooms)
{
	const struct problem *p = bd->p;
	const struct seminar *sm = &p->seminars[pn->offering];
	int m = 0;
	for (int step = 0; step < 3 && m < sm->meetings; step++)
		for (int b = 0; b < p->n_blocks && m < sm->meetings; b++) {
			int rank = must_meet(bd, pn, b) ? 0 : may_share(bd, pn, b) ? 1 : 2;
			if (rank != step || p->blocks[b].kind != BLOCK_SEMINAR ||
			    !problem_block_scheduled(p, b))
				continue;
			bool ok = pins_fac_free(bd, f, b);
			for (int i = 0; i < pn->n_learners && ok; i++)
				ok = !p->learners[pn->learners[i]].unavailable[b] &&
				     solution_attend_at(bd->fz, pn->learners[i], b) < 0;
			int r = b == pn->block && pn->room >= 0 ?
				(pins_room_free(bd, pn->room, b) ? pn->room : -1) :
				pins_room_for(bd, b, sm->feature, need);
			if (!ok || r < 0) {
				if (step == 0)
					return false;
				continue;
			}
			blocks[m] = b;
			rooms[m++] = r;
		}
	return m == sm->meetings;
}

/* Builds the section pn pins (pinned learners at every meeting, topped up
 * to min_size with learners who chose the seminar).  NULL, or why not. */
char *pins_build_section(struct builder *bd, const struct lock_pin *pn)
{
	const struct problem *p = bd->p;
	const struct seminar *sm = &p->seminars[pn->offering];
	int dummy;
	if (section_holds(bd, pn) || join_section(bd, pn))
		return NULL;
	if (sections_of(bd, pn->offering, -1, &dummy) >= sm->sections)
		return xasprintf("the %d section%s of seminar '%s' are taken by other locks",
				 sm->sections, sm->sections == 1 ? "" : "s", sm->id);
	int need = sm->min_size > pn->n_learners ? sm->min_size : pn->n_learners;
	int *blocks = xmalloc(sizeof(int) * ((size_t)sm->meetings + 1));
	int *rooms = xmalloc(sizeof(int) * ((size_t)sm->meetings + 1));
	int f = -1;
	for (int lv = LEVEL_GURU; lv >= LEVEL_ABLE && f < 0; lv--)
		for (int c = 0; c < p->n_facilitators && f < 0; c++)
			if ((pn->facilitator < 0 || c == pn->facilitator) &&
			    (int)problem_seminar_level(p, c, pn->offering) == lv &&
			    bd->led[c] + sm->meetings <= p->facilitators[c].max_sessions &&
			    find_meetings(bd, pn, c, need, blocks, rooms))
				f = c;
	char *why = NULL;
	for (int i = 0; i < pn->n_learners && f >= 0 && !why; i++)
		if (!may_join(bd, pn->learners[i], pn->offering, blocks, sm->meetings, true))
			why = xasprintf("learner '%s' cannot join a section of '%s' at all of its %d "
					"meetings", p->learners[pn->learners[i]].id, sm->id,
					sm->meetings);
	if (f < 0)
		why = xasprintf("no facilitator with expertise in '%s' and a room are free for "
				"its %d meetings", sm->id, sm->meetings);
	if (why)
		goto out;
	int head = -1, cap = sm->max_size;
	for (int k = 0; k < sm->meetings; k++) {
		struct session s = { .kind = SESSION_SEMINAR, .offering = pn->offering,
				     .block = blocks[k], .room = rooms[k], .facilitator = f };
		int si = solution_add_session(bd->fz, &s);
		head = head < 0 ? si : head;
		bd->fz->sessions[si].section = head;
		bd->led[f]++;
		cap = p->rooms[rooms[k]].capacity < cap ? p->rooms[rooms[k]].capacity : cap;
	}
	int n = 0;
	for (int i = 0; i < pn->n_learners; i++, n++)
		for (int k = 0; k < sm->meetings; k++)
			*solution_attend(bd->fz, pn->learners[i], blocks[k]) = head + k;
	for (int l = 0; l < p->n_learners && n < sm->min_size && n < cap; l++) {
		if (!may_join(bd, l, pn->offering, blocks, sm->meetings, false))
			continue;
		for (int k = 0; k < sm->meetings; k++)
			*solution_attend(bd->fz, l, blocks[k]) = head + k;
		n++;
	}
	if (n < sm->min_size)
		why = xasprintf("too few learners who chose '%s' are free for its %d meetings to "
				"reach min_size %d", sm->id, sm->meetings, sm->min_size);
out:
	free(blocks);
	free(rooms);
	return why;
}

