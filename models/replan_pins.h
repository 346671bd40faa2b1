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
 * fit).
 */
int replan_pins_add(const struct problem *p, struct solution *fz, char **why);

#endif
