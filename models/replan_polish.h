/*
 * replan_polish.h - a schedule that keeps the locks, split for a search
 * that improves the rest of it (replan.c).
 */
#ifndef MCL_REPLAN_POLISH_H
#define MCL_REPLAN_POLISH_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * sol (a schedule of p keeping every pin of p) reordered into out
 * (solution_init()ed here): first the sessions that hold a pin (the
 * session of each pinned learner in the pin's block, the one the pin's
 * facilitator or room has there) with every meeting of their sections,
 * then the rest; places as sol's.  Returns the number of those first
 * sessions (0: none holds a pin).
 */
size_t replan_polish_split(const struct problem *p, const struct solution *sol,
			   struct solution *out);

/* fixed (solution_init()ed here): the first n sessions of sol and the
 * places in them, the rest of the cells empty. */
void replan_polish_fixed(const struct problem *p, const struct solution *sol, size_t n,
			 struct solution *fixed);

/* Whether sol keeps every locks.csv pin of p: a pin's learners in one
 * session of its block that fits it (its offering, facilitator and room
 * where named; a seminar pin: each learner in a meeting of the seminar),
 * a pin naming no learner kept by some session that fits it. */
bool replan_polish_holds(const struct problem *p, const struct solution *sol);

/*
 * The workshop model's exact cycle MIP of p with its pins (cycle_mip.c),
 * GLPK started from sol, for at most seconds: a better schedule that
 * keeps every pin replaces sol.  Returns GLPK's bound (a bound of the
 * locked problem: the MIP is it, or a relaxation of it), -1 when there is
 * none (no MIP this size, nothing found in time).
 */
double replan_polish_exact(const struct problem *p, struct solution *sol, double seconds);

/*
 * No pinned construction kept every pin: the same exact cycle MIP with the
 * pins solved from nothing (cycle_mip_find), within seconds and to the
 * relative gap, into out
 * (solution_init()ed here).  Returns whether out holds a schedule keeping
 * every pin (the workshop model only, small schools).
 */
bool replan_polish_find(const struct problem *p, double seconds, double gap,
			struct solution *out);

#endif
