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
/* The smallest free room of block b with feature that seats need; -1. */
int pins_room_for(const struct builder *bd, int b, int feature, int need);

/* Builds the seminar section pin pn names; NULL, or why not (allocated). */
char *pins_build_section(struct builder *bd, const struct lock_pin *pn);
/* Seats learner l in the pinned section of session si; whether it did. */
bool pins_seat_section(struct builder *bd, int l, int si);

#endif
