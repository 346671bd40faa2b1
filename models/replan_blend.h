/*
 * replan_blend.h - a replan's kept plan and another plan of the same
 * frozen part, blended block by block.
 */
#ifndef MCL_REPLAN_BLEND_H
#define MCL_REPLAN_BLEND_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Takes into kept (a schedule of p, which has a previous schedule) each
 * later workshop block of other (a schedule of p with the same frozen
 * part) that raises kept's objective plus keep term and leaves every
 * facilitator within max_sessions and every learner within their needs'
 * sessions; two passes over the blocks.  kept's objective is updated; its
 * bound, status and sizes stay.  Returns the blocks taken.
 */
int replan_blend(const struct problem *p, struct solution *kept, const struct solution *other);

/* Whether each learner's workshop sessions in sol are of needs of theirs
 * (ready ones, when ready), at most each need's sessions (replan_blend.c
 * and replan_period.c test their candidates with it). */
bool replan_needs_hold(const struct problem *p, const struct solution *sol, bool ready);

#endif
