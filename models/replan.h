/*
 * replan.h - any model with a part of the schedule held: a replan's frozen
 * blocks, locks.csv's pins.
 */
#ifndef MCL_REPLAN_H
#define MCL_REPLAN_H

#include "engine/problem.h"
#include "engine/solution.h"
#include "models/model.h"

/*
 * Solves p as model_solve does, holding what it must: with p->previous set
 * (replan, inputs/previous.h) the frozen part of the previous schedule as
 * it was (the blocks up to --after, and the later meetings of sections
 * that met there), and every lock of locks.csv (p->pins).  Returns as
 * model_solve_fn; sol's objective, bound and gap are the whole cycle's
 * (the school's objective, without the keep term: objective.h); the bound
 * holds the frozen part and relaxes the locks.
 */
int replan_solve(const struct problem *p, const struct solve_options *opt,
		 struct solution *sol);

#endif
