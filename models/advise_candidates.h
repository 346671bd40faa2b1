/*
 * advise_candidates.h - the single changes to a school that `mclsched
 * advise` considers, found from the bound LP's prices and the unmet list,
 * each with an estimate of what it gains and the scenario edit that makes it.
 */
#ifndef MCL_ADVISE_CANDIDATES_H
#define MCL_ADVISE_CANDIDATES_H

#include <stddef.h>

#include "engine/problem.h"
#include "models/bound_lp_prices.h"

/* An edit of one scenario file (applied by engine/advise_edit.c). */
enum advise_edit_op {
	EDIT_SET,          /* in file, the row whose key_col is key: col = value */
	EDIT_LIST_REMOVE,  /* ... remove the item value from the `;` list in col */
	EDIT_APPEND_ROW,   /* append a row: cols[i] = vals[i], i < n */
	EDIT_CONF_LAB,     /* scenario.conf: lab { max_group = value } */
};

#define ADVISE_EDIT_COLS 4

struct advise_edit {
	enum advise_edit_op op;
	const char *file;               /* "facilitators.csv", ... (static) */
	const char *key_col;            /* EDIT_SET, EDIT_LIST_REMOVE (static) */
	char *key;                      /* owned */
	const char *col;                /* (static) */
	char *value;                    /* owned */
	int n;                          /* EDIT_APPEND_ROW */
	const char *cols[ADVISE_EDIT_COLS];
	char *vals[ADVISE_EDIT_COLS];   /* owned */
};

enum advise_kind {
	ADVISE_MAX_SESSIONS,    /* a facilitator leads one more session */
	ADVISE_UNAVAILABLE,     /* a facilitator's unavailability in a block lifted */
	ADVISE_ROOM,            /* one more room like an existing one, in a block */
	ADVISE_GOAL_GROUP,      /* a goal's max_group + 5 */
	ADVISE_SECTION,         /* one more section of a seminar */
	ADVISE_SEMINAR_SIZE,    /* a seminar's max_size + 5 */
	ADVISE_LAB_GROUP,       /* lab max_group + 10 */
	ADVISE_EXPERTISE,       /* a facilitator able to lead a goal */
	ADVISE_GURU,            /* a facilitator who leads an offering becomes its guru */
};

/* Whether a change of this kind only loosens the school's hard rules (more
 * of a facilitator's time, a room, larger groups, sections or seats, a new
 * expertise, a level raised), so that every schedule of the school before
 * it keeps them after: advise then re-solves from the schedule before.
 * True of every kind above; a tightening kind must say false. */
bool advise_kind_loosens(enum advise_kind kind);

struct advise_candidate {
	enum advise_kind kind;
	double expected;        /* estimated objective gained (never verified here):
				 * min(price x amount, reach), 0 when unpriced */
	double reach;           /* value of the unmet demand it could serve */
	char *change;           /* in words, for a principal (owned) */
	struct advise_edit edit;
};

/* What the current schedule leaves unmet, valued at the objective's
 * weights (problem_need_weight, problem_choice_weight), for capping the
 * estimates: a change cannot gain more than the demand it could serve. */
struct advise_unmet {
	double *goal;           /* [n_goals]: unmet sessions' value per goal */
	double *goal_facilitator; /* [n_goals]: of which with reason no_facilitator */
	double *seminar;        /* [n_seminars]: unmet choices' value per seminar */
	double room;            /* needs unmet for no_room or capacity */
	double total;           /* everything unmet */
	/* and what the schedule has each facilitator lead: */
	int *led_goal;          /* [f * n_goals + g]: workshop sessions of g */
	int *led_seminar;       /* [f * n_seminars + s]: meetings of s */
};

void advise_unmet_init(struct advise_unmet *u, const struct problem *p);
void advise_unmet_release(struct advise_unmet *u);

/*
 * The candidate changes of p priced by pr and capped by u, sorted by
 * expected gain, highest first, then by reach; those priced above zero
 * and those the unmet list points at (advise_candidates.c).  *n gets their number; the caller frees the
 * array with advise_candidates_free.
 */
struct advise_candidate *advise_candidates(const struct problem *p,
					   const struct bound_lp_prices *pr,
					   const struct advise_unmet *u, int *n);

void advise_candidates_free(struct advise_candidate *c, int n);

/* The edit in words, e.g. "facilitators.csv: max_sessions = 7 where
 * facilitator_id = F3"; the caller frees it. */
char *advise_edit_describe(const struct advise_edit *e);

#endif
