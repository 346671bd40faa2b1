/*
 * window.h - exact re-optimisation of a few blocks at a time, for small
 * workshop cycles.
 */
#ifndef MCL_WINDOW_H
#define MCL_WINDOW_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Improves the schedule sol of the workshop cycle over blocks[0..n_blocks-1]
 * window by window (see window.c), each window `size` blocks picked with
 * *rng, until `seconds` have passed, max_fails windows in a row improved
 * nothing or the objective reaches `enough`.  sol keeps the best schedule,
 * with its objective.  Returns the number of windows that improved it.
 */
int window_polish(const struct problem *p, const int *blocks, int n_blocks,
		  struct solution *sol, int size, unsigned long long *rng, double seconds,
		  int max_fails, double enough);

#endif
