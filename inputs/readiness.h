/*
 * readiness.h - which needs are ready, which choices are eligible, and the
 * learning frontier that `needs = derive` turns into needs.
 *
 * These are the rules of the data contract that depend on progress.csv, in
 * one place so that the loader and its tests use the same definitions.
 */
#ifndef MCL_READINESS_H
#define MCL_READINESS_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/problem.h"

/* Whether learner l has mastered every prerequisite of goal g (score >=
 * config.mastery for each; a goal without prerequisites always passes). */
bool readiness_prerequisites_mastered(const struct problem *p, int l, int g);

/* Sets every need's `ready`: prerequisites mastered, or always when
 * have_progress is false (progress.csv absent: nothing is known to block). */
void readiness_mark_needs(struct problem *p, bool have_progress);

/* Whether learner l may enroll in seminar s: every goal in its `requires`
 * mastered (taken as met when have_progress is false, as for needs) and the
 * learner's age within [age_min, age_max] where both the age and the bound
 * are known. */
bool readiness_choice_eligible(const struct problem *p, int l, int s, bool have_progress);

/* Appends to p->needs (growing it with *alloc as xgrow does) one need per
 * learner and goal on the frontier: not mastered, every prerequisite
 * mastered.  Priority 3, the goal's default sessions, ready, line 0.  The
 * needs come out sorted by learner, then goal file order. */
void readiness_derive_needs(struct problem *p, size_t *alloc);

#endif
