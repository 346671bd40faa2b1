/*
 * power_goal_search.h - the power-goal search's internals, shared by its two
 * files and by nothing else (the models' contract is model.h):
 *
 *   power_goal.c        the state (open groups, who is in which), the
 *                       greedy with restarts, the plan of rooms and labs,
 *                       the schedule out
 *   power_goal_moves.c  the neighbourhoods on the best schedule: repair of
 *                       a lab shortfall, re-leading and re-goaling a group,
 *                       opening a group for an idle facilitator; and the
 *                       exact MIP's polish on small schools
 */
#ifndef MCL_POWER_GOAL_SEARCH_H
#define MCL_POWER_GOAL_SEARCH_H

#include <stdbool.h>

#include "engine/problem.h"
#include "models/power_goal_mip.h"

struct pg_group {
	int k, g;
	int n;
	int *members;               /* learner indexes of pg_options */
};

struct pg_search {
	const struct problem *p;
	const struct pg_options *o;
	int nb;
	int *group_of;              /* [o->n]: group, or -1 in the lab */
	int *leading;               /* [n_facilitators]: group, or -1 */
	int n_groups, max_groups;
	/* [max_groups]: the search opens one a facilitator; the exact MIP's
	 * schedule may have one a facilitator and block */
	struct pg_group *groups;
	/* The options of goal g: goal_opt[goal_start[g] .. goal_start[g + 1]
	 * - 1], option indexes of o; opt_learner: each option's learner. */
	int *goal_start, *goal_opt, *opt_learner;
	double noise;               /* candidates ranked by gain x (1 +- noise) */
	int forbid;                 /* a facilitator kept from leading, or -1 */
	unsigned rng;
};

/* A copy of the groups (who leads which goal, who is in which). */
struct pg_snap {
	int n_groups;
	int *k, *g;                 /* [max_groups] each */
	int *group_of;              /* [o->n] */
};

/* power_goal.c */
void pg_snap_take(const struct pg_search *s, struct pg_snap *snap);
void pg_snap_restore(struct pg_search *s, const struct pg_snap *snap);
void pg_snap_free(struct pg_snap *snap);
bool pg_in_block(const struct pg_search *s, int i, int j);
int pg_attendance(const struct pg_search *s, const struct pg_group *gr, int j);
/* Learners without a seat plus lab sessions without a supervisor, over all
 * blocks: 0 when the schedule can be written. */
long pg_shortfall(const struct pg_search *s);
double pg_candidate(const struct pg_search *s, int k, int g, bool any_gain, struct pg_group *gr,
		    double *gain, int *order);
void pg_open_group(struct pg_search *s, const struct pg_group *gr);
void pg_close_last_group(struct pg_search *s);
bool pg_can_join(const struct pg_search *s, int gi, int i);
void pg_join(struct pg_search *s, int i, int gi);
void pg_leave(struct pg_search *s, int i);   /* back to the lab */
void pg_fill_groups(struct pg_search *s);
int pg_move_members(struct pg_search *s);
double pg_search_value(const struct pg_search *s);
double pg_value_of(const struct pg_options *o, int i, int g);

/* power_goal_moves.c */
/* Seats lab learners in open groups, least loss first, while that lowers
 * the shortfall; returns the shortfall left. */
long pg_repair(struct pg_search *s);
/* The group neighbourhoods (power_goal_moves.c) until none lowers the
 * shortfall or, at the same shortfall, raises the value, or mcl_now()
 * passes deadline; returns the improvements made. */
int pg_improve(struct pg_search *s, double deadline);
/* On a small school, the exact MIP (power_goal_mip.c) for up to seconds,
 * started from the schedule in s; its schedule replaces s's when it can
 * be written and scores more.  Returns whether it did. */
bool pg_polish_exact(struct pg_search *s, double seconds);
/* Whether the school is small enough for pg_polish_exact. */
bool pg_polish_fits(const struct pg_search *s);

#endif
