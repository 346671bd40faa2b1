/*
 * replan.h - `mclsched replan`: any model, with the frozen part held.
 */
#ifndef MCL_REPLAN_H
#define MCL_REPLAN_H

#include "engine/problem.h"
#include "engine/solution.h"
#include "models/model.h"

/*
 * Solves p (p->previous set, inputs/previous.h) as model_solve does, with
 * the frozen part of the previous schedule kept as it was: the blocks up to
 * --after, and the later meetings of sections that met there.  Returns as
 * model_solve_fn; sol's objective, bound and gap are the whole cycle's
 * (the school's objective, without the keep term: objective.h).
 */
int replan_solve(const struct problem *p, const struct solve_options *opt,
		 struct solution *sol);

#endif
