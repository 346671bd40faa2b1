/*
 * workshop.h - the workshop search, for the models built on it.
 *
 * workshop_solve (model.h) plans every workshop block of the cycle.  The
 * combination model plans the seminar blocks first and then calls
 * workshop_search with their counts and facilitator time held fixed, as
 * an explicit part (the problem itself is never changed): the search values
 * every move against the whole cycle's objective, and the bound covers both
 * kinds of blocks.
 */
#ifndef MCL_WORKSHOP_H
#define MCL_WORKSHOP_H

#include "engine/objective.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "models/model.h"

/* The whole cycle's bound, computed in a child process (workshop.c). */
struct bound_job;

/* The rest of the cycle, when the workshop blocks are only part of it: the
 * seminar blocks, planned and held while the workshop blocks are planned. */
struct workshop_part {
	const int *sem_blocks;          /* seminar blocks, already planned */
	int n_sem;
	const struct tally *outside;    /* their counts (labs, meetings,
					 * enrolments, guru meetings) */
	const int *sessions_left;       /* [n_facilitators]: sessions each
					 * facilitator may still lead in the
					 * workshop blocks (max_sessions less
					 * those they lead in the seminar
					 * blocks, which the sol given to
					 * workshop_search holds: the hand
					 * schedule counts them there) */
	struct bound_job *bound;        /* the whole cycle's bound, started by
					 * workshop_bound_early, or NULL: the
					 * search starts its own */
	bool first_only;                /* construction only, no search: a
					 * first plan (combination.c) */
};

/*
 * Starts the bound of p's whole cycle (its workshop blocks and the seminar
 * blocks sem[0..n_sem-1]) now, for a workshop_search that ends `left`
 * seconds from now (the combination starts it before planning its seminar
 * blocks, so that the LP has their time too).  Free with
 * workshop_bound_free (which stops it if it still runs).
 */
struct bound_job *workshop_bound_early(const struct problem *p, const struct solve_options *opt,
				       const int *sem, int n_sem, double left);
void workshop_bound_free(struct bound_job *job);

/*
 * Plans the workshop blocks of p into sol (appending their sessions and
 * attendance; other blocks' entries are left as they are), as
 * workshop_solve does, with part's counts held (NULL: workshop blocks
 * alone).  sol->objective, bound, gap, status and stopped_by are the whole
 * cycle's.  Returns as model_solve_fn.
 */
int workshop_search(const struct problem *p, const struct solve_options *opt,
		    const struct workshop_part *part, struct solution *sol);

#endif
