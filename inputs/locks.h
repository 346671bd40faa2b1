/*
 * locks.h - reads and validates locks.csv (data contract version 3).
 */
#ifndef MCL_LOCKS_H
#define MCL_LOCKS_H

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Reads p->dir/locks.csv when present into p->locks and p->pins (struct
 * lock, struct lock_pin in problem.h).  p must be otherwise complete and
 * indexed (problem_index).  Every row is checked on its own (ids known,
 * block scheduled by the model, offering of the block's kind, people and
 * room available, expertise, room feature, a ready need or an eligible
 * choice) and together with the others: locks that share a learner, a
 * facilitator or a room in a block must name one session, a facilitator's
 * pinned sessions fit max_sessions, a pinned session's learners fit its
 * room and its group size, a learner's pins fit the need's sessions and
 * seminars_per_learner.  Each problem is recorded in d as
 * "locks.csv:LINE: message"; the locks are kept only when none was found.
 */
void locks_load(struct problem *p, struct diag *d);

/*
 * Merges p->locks (rows appended since, e.g. a replan's frozen blocks,
 * included) into p->pins again and checks them as locks_load does, each
 * problem at its row's file and line.  The caller decides what an error
 * means (replan: exit 2).
 */
void locks_rebuild(struct problem *p, struct diag *d);

/* The id of an offering as locks name it: a goal or seminar id,
 * "lab", or "" when none. */
const char *locks_offering_id(const struct problem *p, enum lock_offering kind, int offering);

#endif
