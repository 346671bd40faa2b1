/*
 * solving.h - what the suites that solve share: GLPK kept quiet, the draws
 * of their random schools, the exact optimum of a model as the oracle, and
 * sessions added by hand.
 */
#ifndef MCL_TEST_SOLVING_H
#define MCL_TEST_SOLVING_H

#include <glpk.h>

#include "engine/solution.h"

/* GLPK prints nothing (a suite prints only its results). */
void ts_quiet_glpk(void);

/* The next draw in [0, n) of the sequence x (a linear congruential
 * generator: the same seed, the same school, on every machine). */
int ts_draw(unsigned *x, int n);

/* Solves the MIP P to a proven optimum and returns it; deletes P.  The
 * oracle must prove its optimum: its time limit is one no slow (sanitizer,
 * loaded) machine reaches, the tcase timeout bounds a hang; the test fails
 * unless GLPK proves optimality. */
double ts_exact_optimum(glp_prob *P);

/* Adds a session to s (its own section, size 0); returns its index. */
int ts_add_session(struct solution *s, enum session_kind kind, int offering, int block,
		   int room, int facilitator);

/* The session learner l attends in block b (which must hold one). */
const struct session *ts_attended(const struct solution *s, int l, int b);

/* Attaches a previous schedule to p (4 learners, blocks 0 and tue): in
 * block 0 nothing; in tue, goal g0's session (room 0, facilitator 0) seats
 * learners 0 and 1, goal g1's (room 1, facilitator 1) learners 2 and 3;
 * replan's blocks after block 0 are the later ones. */
void ts_previous_two_sessions(struct problem *p, int tue, int g0, int g1);

/* The end of a test: s released, p (built by the test) freed. */
void ts_free(struct problem *p, struct solution *s);

#endif
