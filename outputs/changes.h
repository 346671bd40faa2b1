/*
 * changes.h - what a replan changed: changes.csv and its summary metrics.
 */
#ifndef MCL_CHANGES_H
#define MCL_CHANGES_H

#include <stdio.h>

#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

/* One changed learner-block: the learner's previous session and what
 * timetable.csv said they worked on, and the new row set's slot and session. */
struct changes_row {
	const struct rowset_slot *slot;         /* learner, block, new offering_id */
	const struct prev_session *before;
	const char *before_offering;            /* previous offering id, "" for nothing */
	const struct rowset_session *after;
};

/* Calls fn(ctx, row) once for each changed learner-block (the rows
 * changes.csv has, in its order: by learner, then block).  Every writer of
 * the changes (changes.csv, report.html) renders these rows. */
void changes_each(const struct problem *p, const struct rowset *rs,
		  void (*fn)(void *ctx, const struct changes_row *row), void *ctx);

/* How many rows changes_each yields (changes.csv's row count). */
long changes_n(const struct problem *p, const struct rowset *rs);

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
