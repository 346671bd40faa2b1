/*
 * replan_keep.h - the part of a previous schedule a replan can keep as it is.
 */
#ifndef MCL_REPLAN_KEEP_H
#define MCL_REPLAN_KEEP_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Adds to fz, which holds the frozen part already, every session of the
 * previous schedule (p->previous) after --after that the changed school
 * still allows, with the learners who may still attend it: its
 * facilitator and room free and available, the expertise, feature, areas,
 * max_sessions and sizes still right, each learner available, with a ready
 * need that has sessions left (or an eligible choice within
 * seminars_per_learner).  A seminar section or power-goal group is kept
 * whole or not at all.  Learners then left without a place in a later
 * workshop block are seated in a kept session of it where one fits: a
 * workshop of a need, else (labs) a lab.  Returns the number of sessions
 * added.
 */
int replan_keep_add(const struct problem *p, struct solution *fz, const bool *dropped, bool labs);

/*
 * After replan_keep_add: in each later block where the learners still
 * without a place outnumber what the free facilitators and rooms could
 * seat, or wait where no room with the lab feature is free, marks in
 * dropped (indexed by previous session) one kept single-meeting session
 * for the next replan_keep_add to leave to the model: with no lab room
 * free, the smallest kept workshop in one (a learner with no need left
 * there has only a lab); when a facilitator free there is at max_sessions, one of theirs
 * in another later block (a unit of their max_sessions for this block),
 * else the block's smallest.  When every block can seat its own but the
 * facilitators' max_sessions over the cycle are short of the sessions the
 * waiting learners need (a learner who joined, the labs full), marks as
 * many of the smallest in blocks where learners wait.  Returns how many
 * were marked (0: the counts pass).
 */
int replan_keep_shortfall(const struct problem *p, const struct solution *fz, bool *dropped);

/* The most learners the sessions the model could still open in block b
 * could seat (free facilitators within max_sessions, given led[f], the
 * sessions each leads in fz; free rooms; lab.max_group): a quick upper
 * count for deciding whether a block is short. */
long replan_keep_seats_left(const struct problem *p, const struct solution *fz, int b,
			    const int *led);

#endif
