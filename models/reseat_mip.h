/*
 * reseat_mip.h - re-seats every learner across the whole workshop cycle with
 * the sessions (goal or lab, room, facilitator, block) held fixed.
 *
 * A block re-planned alone cannot move a learner's session of a goal to
 * another block; this neighbourhood moves any number of them at once, as
 * chains of exchanges between learners and blocks, by one small MIP over
 * the whole cycle.  See reseat_mip.c for the mathematics.
 */
#ifndef MCL_RESEAT_MIP_H
#define MCL_RESEAT_MIP_H

#include <stdbool.h>

#include "engine/objective.h"
#include "engine/problem.h"
#include "models/period_mip.h"

/*
 * Re-seats the learners of the blocks[j] with free_blocks[j] set, the other
 * blocks of the cycle held as they are (workshop blocks, each planned in
 * res[b], indexed by problem block), within at most seconds.  need_limit,
 * when not NULL, gives each need q at most need_limit[q] sessions in all
 * (no more than its own sessions) instead of its own sessions.  outside,
 * when not NULL, holds the counts of the blocks outside `blocks` (labs,
 * seminar meetings), which the valuation takes as fixed.
 * The current seating is the MIP's incumbent, so the result is never worse.
 * On an improvement, rewrites res[b].learner_group and the groups' sizes
 * and returns the gain in the cycle objective (> 0); else returns 0 and
 * leaves res as it was.
 */
double reseat_mip_cycle(const struct problem *p, const int *blocks, int n_blocks,
		      const bool *free_blocks, const int *need_limit,
		      const struct tally *outside, struct period_mip_result *res, double seconds);

/*
 * As reseat_mip_cycle, with every need's own sessions as its limit, and the
 * sessions of the free blocks may also change what they run (another goal
 * their facilitator can lead and their room suits, or the lab), keeping
 * their facilitator and room.  On an improvement also rewrites the goals
 * of res[b].groups; the gain includes the guru bonus.
 */
double reseat_mip_sessions(const struct problem *p, const int *blocks, int n_blocks,
			 const bool *free_blocks, const struct tally *outside,
			 struct period_mip_result *res, double seconds);

#endif
