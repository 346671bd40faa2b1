/*
 * bound_lp.h - a proven upper bound on the whole cycle.
 */
#ifndef MCL_BOUND_LP_H
#define MCL_BOUND_LP_H

#include <stdbool.h>

#include "engine/problem.h"
#include "models/bound_simple.h"

/* Where a bound_lp_result's bound comes from. */
enum bound_lp_kind {
	BOUND_SIMPLE,       /* the simple bound (bound_simple.c): no LP bound below it */
	BOUND_LP_OPTIMUM,   /* the LP's optimum */
	BOUND_LP_UNLINKED,  /* the LP without (some of) its need-link rows, by
			     * the interior-point method: the whole LP not
			     * solved in time (bound_lp.c) */
	BOUND_LP_PRICES,    /* the LP's dual simplex stopped by the clock: its
			     * last prices (lp_dual.h) */
};

struct bound_lp_result {
	double bound;       /* valid upper bound on the cycle's best objective */
	enum bound_lp_kind kind;
	double simple_bound;  /* bound_simple_cycle's, valid on its own */
	double lp_bound;    /* the LP's, from its duals (lp_dual.h), valid on
			     * its own: at its optimum or at the dual
			     * simplex's last prices; HUGE_VAL when none */
	bool proven;        /* the aggregated LP reached its optimum; when
			     * false, bound is its dual simplex's (kind
			     * BOUND_LP_PRICES) or the simple sum of everything
			     * wanted, still valid but looser */
	int rows, cols;     /* size of the aggregated LP */
	long nonzeros;
	double seconds;
};

/* What -v says of a bound of that kind. */
static inline const char *bound_lp_kind_name(enum bound_lp_kind kind)
{
	return kind == BOUND_LP_OPTIMUM ? "LP optimum" :
	       kind == BOUND_LP_PRICES ? "LP's dual prices when its time ran out" :
	       kind == BOUND_LP_UNLINKED ? "LP without its need-link rows, the whole LP "
					   "not solved in time" :
					 "simple bound: no LP bound in time";
}

/* The kind of the bound of this process's last bound_lp_cycle, for a
 * caller that has only its value (replan.c's bound child, through a
 * model's bound function); BOUND_SIMPLE before any. */
enum bound_lp_kind bound_lp_last_kind(void);

/*
 * Bounds the cycle over the workshop blocks blocks[0..n_blocks-1] and the
 * seminar blocks sem_blocks[0..n_sem-1] (either list may be empty) with the
 * aggregated LP described in bound_lp.c, within about `seconds` of wall time:
 * with blocks merged first, then, on small cycles and in the time left,
 * with per-learner rows (the smaller proven bound is kept).  The
 * two kinds of blocks share the facilitators' max_sessions, the learners'
 * lab credit, power goal and daily weight in one LP, so the bound is valid
 * for the combined cycle.
 */
void bound_lp_cycle(const struct problem *p, const int *blocks, int n_blocks,
		       const int *sem_blocks, int n_sem, double seconds, struct bound_lp_result *res);

/* The same with the choice made by the caller (tests check both). */
void bound_lp_cycle_with(const struct problem *p, const int *blocks, int n_blocks,
			    const int *sem_blocks, int n_sem, bool per_learner, double seconds,
			    struct bound_lp_result *res);

/* The interior-point rounds on the merged LP of workshop blocks alone,
 * without the simplex (bound_lp.c), waited for at most seconds; HUGE_VAL
 * when none (tests). */
double bound_lp_unlinked(const struct problem *p, const int *blocks, int n_blocks,
			 double seconds);

#endif
