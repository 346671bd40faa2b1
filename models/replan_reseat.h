/*
 * replan_reseat.h - a replan's plan re-seated with the keep term: the
 * sessions of the later workshop blocks held, their learners moved
 * between them where the objective plus the keep term gains.
 */
#ifndef MCL_REPLAN_RESEAT_H
#define MCL_REPLAN_RESEAT_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Re-seats the learners of sol's later workshop blocks (p has a previous
 * schedule) among the workshop and lab sessions there, within seconds: a
 * MIP of the objective plus the keep term, each need's sessions within
 * its own.  Labs left empty are dropped.  sol is replaced (its objective
 * updated, its run facts kept) only when its objective plus keep term
 * rises.  Returns the learner-blocks moved (0: sol unchanged).
 */
int replan_reseat(const struct problem *p, struct solution *sol, double seconds);

/*
 * As replan_reseat, the sessions of other's later workshop blocks (a plan
 * of the same school and frozen part) added as candidates: each session
 * of either plan there opened or closed by the MIP (a facilitator and a
 * room one session a block, max_sessions kept), the learners seated in
 * the open ones.  sol is replaced only when its objective plus keep term
 * rises.  Returns the learner-blocks moved (0: sol unchanged).
 */
int replan_reseat_merge(const struct problem *p, struct solution *sol,
			const struct solution *other, double seconds);

#endif
