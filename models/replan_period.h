/*
 * replan_period.h - a replan's plan re-planned block by block with the
 * keep term: each later workshop block's period MIP (period_mip.h), its
 * learners' options worth weights.keep more where they are their previous
 * goal or lab, so a block can change moderately (a session opened, closed
 * or moved to another goal) where neither the kept plan nor a plan of the
 * objective alone does.
 */
#ifndef MCL_REPLAN_PERIOD_H
#define MCL_REPLAN_PERIOD_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Re-plans sol's later workshop blocks (p has a previous schedule) one
 * after the other within seconds, every other block held; a block's new
 * plan is taken only when sol's objective plus keep term rises (sol's
 * objective then updated, its run facts kept).  Returns the blocks taken.
 */
int replan_period(const struct problem *p, struct solution *sol, double seconds);

/* As replan_period, each block's MIP with branch-and-bound within its share. */
int replan_period_branching(const struct problem *p, struct solution *sol, double seconds);

/*
 * As replan_period, each block's MIP and the test of its new plan with
 * weights.keep times scale (> 1: a conservative pass), a plan taken only
 * where sol's objective plus the true keep term rises too.
 */
int replan_period_conservative(const struct problem *p, struct solution *sol, double seconds,
			       double scale);

#endif
