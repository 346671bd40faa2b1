/*
 * previous.h - the previous schedule a `replan` starts from (contract v3).
 */
#ifndef MCL_PREVIOUS_H
#define MCL_PREVIOUS_H

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Reads prev_dir/sessions.csv and prev_dir/timetable.csv (as `solve` wrote
 * them for an earlier version of the school) into p->previous, with every
 * id resolved against p.  after is the last frozen block's index (-1:
 * none).  Sessions of blocks up to after, and every meeting of a section
 * with a meeting there, are frozen: each learner's place in them is
 * appended to p->locks as a pin (file: the timetable, line: the row) and
 * the pins are checked again with locks.csv's (locks_rebuild), so a frozen
 * block that breaks a rule of the changed school, or a lock that
 * contradicts it, is an error at its row.  Learners no longer in
 * learners.csv are dropped with one warning naming them; a session naming
 * a goal, seminar, facilitator or room the school no longer has is an
 * error in a frozen block and is ignored (cannot be kept) after it.
 * Returns 0, or -1 with every error recorded in d (p->previous is then
 * still set, and freed with p).
 */
int previous_load(struct problem *p, const char *prev_dir, int after, struct diag *d);

/* Whether block b is frozen (up to and including --after). */
static inline bool previous_frozen_block(const struct problem *p, int b)
{
	return p->previous && b <= p->previous->after;
}

#endif
