/*
 * changes.h - what a replan changed: changes.csv and its summary metrics.
 */
#ifndef MCL_CHANGES_H
#define MCL_CHANGES_H

#include <stdio.h>

#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

/*
 * Writes changes.csv's header and rows to f: one row per learner-block
 * after --after in which the learner has a session both in the previous
 * schedule (p->previous) and in the row set rs (rowset.h) of the new one,
 * and the two differ in kind, offering, facilitator or room
 * (objective_kept).  before_* are the previous timetable's session_id and
 * offering_id, after_* the new rows'.
 */
void changes_write(FILE *f, const struct problem *p, const struct rowset *rs);

/* The learner-blocks counted: changed, and present in both schedules. */
void changes_count(const struct problem *p, const struct solution *s, long *changed, long *both);

#endif
