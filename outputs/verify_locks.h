/*
 * verify_locks.h - verify's check of hard rule 8: every lock holds.
 */
#ifndef MCL_VERIFY_LOCKS_H
#define MCL_VERIFY_LOCKS_H

#include <stdio.h>

#include "engine/problem.h"
#include "inputs/csv_table.h"

/*
 * Reads the scenario's locks.csv (p->dir) on its own, not through
 * p->locks, and checks each row against the written rows: sessions (the
 * table of sessions.csv) and timetable (timetable.csv), both already read
 * and with the spreadsheet guard undone.  A row with a learner holds when
 * the learner's session in the block has the row's offering, facilitator
 * and room (those given); a row without one holds when some session of the
 * block has them.  Prints each broken lock to out as
 * "locks.csv:LINE: message (rule 8)" and returns how many.  Rows with ids
 * the problem does not know are skipped (check refuses them).
 */
int verify_locks(const struct problem *p, const struct csv_table *sessions,
		 const struct csv_table *timetable, FILE *out);

#endif
