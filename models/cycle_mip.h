/*
 * cycle_mip.h - the exact workshop cycle as one MIP, for small scenarios.
 *
 * At school scale GLPK cannot solve this model (see workshop.c), but for a
 * few dozen learners it can, and then it proves the optimum of the whole
 * cycle.  It is what `solve --write-lp` writes, so that another solver (CBC)
 * can check mclsched's answers, and what the tests solve to know the true
 * optimum of small scenarios.
 */
#ifndef MCL_CYCLE_MIP_H
#define MCL_CYCLE_MIP_H

#include <glpk.h>

#include "engine/problem.h"

#include "engine/solution.h"

enum cycle_col_kind { CC_OTHER, CC_X, CC_ROOM, CC_FAC, CC_N, CC_CREDIT, CC_BONUS, CC_DAY };

/* What each column of the cycle MIP means, to read a solution back and to
 * write one in as a starting point.  goal is -1 for the lab. */
struct cycle_col {
	enum cycle_col_kind kind;
	int block, goal;
	int learner;        /* CC_X, CC_CREDIT, CC_BONUS, CC_DAY */
	int day;            /* CC_DAY: day index */
	int need;           /* CC_CREDIT */
	int room;           /* CC_ROOM */
	int facilitator;    /* CC_FAC */
};

/* Builds the exact MIP of the workshop model over blocks[0..n_blocks-1]
 * (a maximisation; caller deletes it with glp_delete_prob).  When map is not
 * NULL, *map receives [1 + n_cols] column meanings (caller frees). */
glp_prob *cycle_mip_build(const struct problem *p, const int *blocks, int n_blocks,
			  struct cycle_col **map);

/* The exact MIP of a combination cycle: the workshop blocks as above and
 * the seminar blocks with their sections (meetings, leader, learners the
 * same at every meeting), labs and rooms (see cycle_mip.c).  Its map marks
 * the seminar columns CC_OTHER: cycle_mip_start and cycle_mip_extract
 * handle workshop cycles only. */
glp_prob *cycle_mip_build_full(const struct problem *p, const int *ws_blocks, int n_ws,
			       const int *sem_blocks, int n_sem, struct cycle_col **map);

/* Writes cycle_mip_build_full's model to path in CPLEX LP format (for
 * `solve --write-lp` and another solver).  Returns 0, or -1 with a message
 * logged. */
int cycle_mip_write(const struct problem *p, const int *ws_blocks, int n_ws, const int *sem_blocks,
		    int n_sem, const char *path);

/* The column vector [1 + n_cols] of the schedule sol, to hand GLPK as a
 * starting incumbent.  Caller frees. */
double *cycle_mip_start(const struct problem *p, glp_prob *P, const struct cycle_col *map,
			const struct solution *sol);

/* Reads the MIP solution of P into sol (sessions and attendance), replacing
 * what sol held.  Returns 0, or -1 when the solution cannot be realised. */
int cycle_mip_extract(const struct problem *p, glp_prob *P, const struct cycle_col *map,
		      struct solution *sol);

/* cycle_mip_find's limits. */
struct cycle_find {
	double seconds;         /* both steps together */
	double improve_share;   /* of the time step 1 leaves, for step 2 */
	double gap;             /* step 2's relative gap */
	double *first_seconds;  /* or NULL: receives step 1's time */
};

/* A point of P (built by cycle_mip_build with map) found from nothing:
 * first any point (objective 0, the feasibility pump), then P's objective
 * improved from it (cycle_mip_find.c); read into sol as cycle_mip_extract
 * does.  P's objective is as it was on return.  Returns 0, 1 when no point
 * was found, -1 when the point cannot be realised. */
int cycle_mip_find(const struct problem *p, glp_prob *P, const struct cycle_col *map,
		   const struct cycle_find *how, struct solution *sol);

/* Columns the model would have, without building it: to decide whether an
 * exact solve is worth trying. */
long cycle_mip_size(const struct problem *p, const int *blocks, int n_blocks);

#endif
