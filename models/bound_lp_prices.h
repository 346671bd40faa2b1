/*
 * bound_lp_prices.h - what one more unit of a school's resources is worth
 * to the cycle bound (bound_lp.c), read from the LP's duals.
 *
 * The prices are marginal values at the LP's optimum: one more unit of a
 * resource raises the LP's optimum by at most about its price while the
 * optimal basis stays optimal, and by less beyond.  They are estimates
 * for ranking changes, not bounds on what a schedule gains (advise
 * re-solves to verify).  Computing them does not change the bound.
 */
#ifndef MCL_BOUND_LP_PRICES_H
#define MCL_BOUND_LP_PRICES_H

#include <stdbool.h>

#include "engine/problem.h"
#include "models/bound_lp.h"
#include "models/child.h"

struct bound_lp_prices {
	bool valid;         /* the LP reached its optimum; every price is 0 else */
	int n_blocks;       /* the workshop blocks priced, blocks[0..n_blocks-1] */
	int *blocks;        /* block indexes (problem_block_scheduled workshop blocks) */
	/* Each price is >= 0, the objective gained per unit: */
	double *budget;     /* [f]: f's max_sessions + 1 */
	double *fac_block;  /* [f * n_blocks + j]: f available in blocks[j] once
			     * more (the value of lifting an unavailability) */
	double *room;       /* [r * n_blocks + j]: one more room like r (its
			     * capacity and features) available in blocks[j] */
	double *group;      /* [g]: goal g's max_group + 1; g = n_goals: lab max_group + 1 */
	double *section;    /* [s]: one more section of seminar s */
	double *sem_size;   /* [s]: seminar s's max_size + 1 */
	double *able;       /* [f * n_goals + g]: one session of g led by f,
			     * were f able to lead g (0 when f already is) */
	/* the seminar blocks, pooled in the LP (one price for any of them): */
	double *sem_fac;    /* [f]: f available in one more seminar block */
	double *sem_room;   /* [r]: one more room like r in a seminar block */
};

/*
 * Solves the cycle's bound LP (bound_lp_cycle over the scheduled workshop
 * and seminar blocks, within about seconds) into res and its prices into
 * pr; release pr with bound_lp_prices_release.
 */
void bound_lp_prices(const struct problem *p, double seconds, struct bound_lp_result *res,
		     struct bound_lp_prices *pr);

void bound_lp_prices_release(struct bound_lp_prices *pr);

/* A bound_lp_result sent from a child to its parent, field by field, who
 * reads it back with bound_lp_result_get: 0, or -1 when the message is
 * short. */
void bound_lp_result_put(struct wire *w, const struct bound_lp_result *r);
int bound_lp_result_get(struct wire *w, struct bound_lp_result *r);

/* pr sent from a child to its parent (models/child.h), who reads it back
 * into pr, released then, with bound_lp_prices_get for the same p:
 * 0, or -1 when the message is short (pr then empty, not valid). */
void bound_lp_prices_put(const struct problem *p, const struct bound_lp_prices *pr,
			 struct wire *w);
int bound_lp_prices_get(const struct problem *p, struct wire *w, struct bound_lp_prices *pr);

#endif
