/*
 * replan_pins.h - the sessions locks.csv pins, built before the model runs.
 */
#ifndef MCL_REPLAN_PINS_H
#define MCL_REPLAN_PINS_H

#include "engine/problem.h"
#include "engine/solution.h"

/* Whether pin pn is already held by the frozen part of a replan (its block
 * is frozen, or one of its learners has a frozen place there). */
bool replan_pin_frozen(const struct problem *p, const struct lock_pin *pn,
		       const struct solution *fz);

/*
 * Adds to fz (which holds the frozen part, if any) one session for each
 * pin of p not held by it, with the pin's learners: the pin's offering,
 * facilitator and room where it names them, else chosen (a goal every
 * pinned learner has a ready need of with sessions left, else a lab; a
 * free facilitator with the expertise, gurus first; the smallest free room
 * that fits), topped up to the goal's min_group with other learners who
 * have a ready need of it.  Returns the number of sessions added, or -1
 * when a pin could not be built, with *why saying which lock (FILE:LINE)
 * and what was missing (the caller frees it).  A seminar pin builds a
 * whole section (its other meetings in the earliest seminar blocks that
 * fit).  With a guide (a schedule of the same school: the previous one, or
 * the model's plan without the pins; NULL: none) a pin is built like the
 * guide's session that fits it, with that session's facilitator, room and
 * learners (replan_pins_guide.c).  With fill_blocks, learners of a block
 * the pins left short of staff are then seated in the pinned sessions
 * (replan_pins_fill).
 */
int replan_pins_add(const struct problem *p, const struct previous *guide, struct solution *fz,
		    bool fill_blocks, char **why);

/*
 * Where the sessions the model could still open cannot seat the learners
 * without a place in fz (in the power-goal model: always), seats them in
 * the sessions of fz from first_pin on that take them: a seminar section
 * they chose, a workshop of a need they may take, else a lab (in the
 * power-goal model a group or lab for the whole cycle).
 */
void replan_pins_fill(const struct problem *p, struct solution *fz, size_t first_pin);

/*
 * The pins of p's locks.csv that a view v of p (replan.c: the school
 * without a fixed part, v->n_pins 0) must keep for its bound: those in
 * blocks after --after whose facilitator and room v leaves available there
 * (else the fixed part keeps the pin: a facilitator or room is in one
 * session a block), without their learners unavailable in v there (seated
 * by the fixed part).  The fixed part's own pins (a replan's frozen
 * blocks) are in it.  Every schedule of the locked school is the fixed
 * part plus a schedule of v that keeps these.  replan_pins_view_free frees
 * them (v's pins must be its own, from replan_pins_view).
 */
void replan_pins_view(const struct problem *p, struct problem *v);
void replan_pins_view_free(struct problem *v);

/* The model's plan u of p without the pins as a guide for
 * replan_pins_add: a previous schedule with nothing frozen.
 * replan_pins_guide_free frees it (NULL is ok). */
struct previous *replan_pins_guide_of(const struct problem *p, const struct solution *u);
void replan_pins_guide_free(struct previous *g);

/* "locks.csv lines 2, 5, 9": the first rows of the first ten pins, for
 * messages (free() the result). */
char *replan_pins_lines(const struct problem *p);

/* Whether p has pins from locks.csv (not only a replan's frozen ones). */
bool replan_pins_locked(const struct problem *p);

#endif
