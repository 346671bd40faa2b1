/*
 * bound_lp_distinct.h - a workshop block's cover cuts with its workshops'
 * seats counted in distinct learners (the mathematics:
 * bound_lp_distinct.c), private to models/.
 */
#ifndef MCL_BOUND_LP_DISTINCT_H
#define MCL_BOUND_LP_DISTINCT_H

#include "engine/problem.h"
#include "models/bound_lp_seminar.h"

/*
 * Block j's cover (bound_lp_block_cover) for the goals run there
 * (run[g * stride] nonzero), goal g's pieces from dmax[g * stride]
 * learners and its leaders in j, any t workshops seating no more than the
 * distinct learners with a ready need for their goals.  The caller frees
 * it with bound_lp_cover_free.
 */
struct cover_block bound_lp_workshop_cover(const struct problem *p, int j, const int *run,
					   int stride, const int *dmax);

#endif
