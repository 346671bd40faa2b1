/*
 * replan_view.h - a replan's frozen part and the view of the school
 * without it (replan_view.c; the mathematics at the top of replan.c),
 * for replan.c and its bound.
 */
#ifndef MCL_REPLAN_VIEW_H
#define MCL_REPLAN_VIEW_H

#include "engine/objective.h"
#include "engine/problem.h"
#include "engine/solution.h"

/* f(F): the frozen part fz's own value, with its tally in t (initialised). */
double replan_frozen_value(const struct problem *p, const struct solution *fz, struct tally *t);

/* Adds the frozen sessions with their attendance to sol (sessions no
 * remaining learner attends are left out), later meetings covered where
 * their facilitator or room is gone.  NULL, or why not (allocated). */
char *replan_add_frozen(const struct problem *p, struct solution *sol);

/* The view: p with the frozen part fz (tally t) taken out; *lost what it
 * cannot value that a schedule of the school could (the choices closed).
 * It shares p's ids and lookups; replan_view_free frees what it copied. */
struct problem *replan_view_new(const struct problem *p, const struct solution *fz,
				const struct tally *t, double *lost);
void replan_view_free(struct problem *v);

/* Whether no learner has a block left to be placed in the view v (its
 * schedule is empty, worth 0, and so is its bound). */
bool replan_view_empty(const struct problem *v);

#endif
