/*
 * replan_pins_builder.h - the state replan_pins.c builds pinned sessions
 * in, shared with replan_pins_section.c (seminar pins).  Internal to the
 * pin builder: nothing else includes it.
 */
#ifndef MCL_REPLAN_PINS_BUILDER_H
#define MCL_REPLAN_PINS_BUILDER_H

#include "engine/problem.h"
#include "engine/solution.h"

struct builder {
	const struct problem *p;
	struct solution *fz;
	int *need_cnt;              /* [n_needs] workshop sessions in fz */
	int *led;                   /* [f] sessions led in fz */
	bool *pinned;               /* [l * n_blocks + b] a pin names l in b */
	size_t first_pin;           /* the first session the pins built */
	const struct previous *guide;   /* a schedule to build pins like, or NULL */
};

/* Whether facilitator f may lead one more session in block b. */
bool pins_fac_free(const struct builder *bd, int f, int b);
/* Whether room r is free and available in block b. */
bool pins_room_free(const struct builder *bd, int r, int b);
/* The smallest free room of block b with feature that seats need, and
 * that no pin names there (pins_reserved); -1. */
int pins_room_for(const struct builder *bd, int b, int feature, int need);

/* Whether another pin than pn names facilitator f (f >= 0) or room r
 * (r >= 0) in block b: then pn's session must not take them. */
bool pins_reserved(const struct builder *bd, const struct lock_pin *pn, int f, int r, int b);
/* Whether learner l may take one more session of goal g. */
bool pins_may_take(const struct builder *bd, int l, int g);

/* The guide's session pin pn is best built like (replan_pins_guide.c):
 * one that fits pn as the school and fz stand, holding the most of pn's
 * learners in the guide; -1 when none or no guide. */
int pins_guide_session(const struct builder *bd, const struct lock_pin *pn);
/* Seats in pinned session si (n learners so far, at most cap) the guide
 * session gj's learners who may join it.  Returns the new n. */
int pins_guide_seat(struct builder *bd, int si, int gj, int n, int cap);
/* The guide's session of block b of si's kind (and goal) that the most of
 * si's learners attend there; -1 when none. */
int pins_guide_in_block(const struct builder *bd, int si, int b);

/* Builds the seminar section pin pn names; NULL, or why not (allocated). */
char *pins_build_section(struct builder *bd, const struct lock_pin *pn);
/* Seats learner l in the pinned section of session si; whether it did. */
bool pins_seat_section(struct builder *bd, int l, int si);

#endif
