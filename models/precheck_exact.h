/*
 * precheck_exact.h - the pre-check's one exact step: on a small workshop
 * cycle, the exact model's LP relaxation (exact_shortfall.c) proves that no
 * schedule exists where the counts, one block at a time, cannot.
 */
#ifndef MCL_PRECHECK_EXACT_H
#define MCL_PRECHECK_EXACT_H

#include "engine/problem.h"
#include "models/exact_shortfall.h"

/* The largest cycle (cycle_mip_size's columns) the pre-check proves on;
 * larger cycles get only the counts (and the proof after a solve finds no
 * schedule, workshop.c). */
#define PRECHECK_EXACT_MAX_COLS 2500L

/*
 * The workshop blocks p's model plans (none for the seminar and
 * power-goal models, whose workshop rules differ, nor under a replan), when
 * cycle_mip_size of them is at most PRECHECK_EXACT_MAX_COLS: whether the
 * LP relaxation of the exact cycle MIP over them can seat every learner in
 * every block.  Any schedule, restricted to those blocks, is a point of it
 * (the seminar blocks and locks only add rules and spend max_sessions), so
 * a shortfall proves that none exists.  NULL when it seats everyone, is
 * skipped or ends unsolved; else the diagnosis (caller frees).
 */
char *precheck_exact(const struct problem *p);

/* precheck_exact with the LP's limits given (the generator's, which may
 * take longer on larger cycles: bench/gen_check.c). */
char *precheck_exact_within(const struct problem *p, const struct shortfall_limits *lim);

#endif
