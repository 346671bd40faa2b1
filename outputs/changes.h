/*
 * changes.h - what a replan changed: changes.csv and its summary metrics.
 */
#ifndef MCL_CHANGES_H
#define MCL_CHANGES_H

#include <stdio.h>

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Writes changes.csv's header and rows to f: one row per learner-block
 * after --after in which the learner has a session both in the previous
 * schedule (p->previous) and in s, and the two differ in kind, offering,
 * facilitator or room (objective_kept).  before_* are the previous
 * timetable's session_id and offering_id, after_* the new ones; rank and
 * width name s's sessions as output_write does.
 */
void changes_write(FILE *f, const struct problem *p, const struct solution *s, const int *rank,
		   int width);

/* The learner-blocks counted: changed, and present in both schedules. */
void changes_count(const struct problem *p, const struct solution *s, long *changed, long *both);

/* summary.csv's learner_blocks_changed and learner_blocks_changed_pct rows. */
void changes_summary(FILE *f, const struct problem *p, const struct solution *s);

#endif
