/*
 * precheck.h - the cheap counting checks run before any model is built, and
 * the spreading of part-time facilitators' session limits over the blocks.
 *
 * A block whose available facilitators and rooms cannot seat its available
 * learners makes the whole cycle infeasible (rule 1 seats everyone in every
 * available block); counting finds that in microseconds and can say which
 * block, which resource and by how much, which an infeasible MIP cannot.
 */
#ifndef MCL_PRECHECK_H
#define MCL_PRECHECK_H

#include <stdbool.h>

#include "engine/problem.h"

/*
 * Checks every block in blocks[0..n_blocks-1]: learners available there
 * against the seats the available facilitators (and, when allowed is not
 * NULL, only those with allowed[f * p->n_blocks + b]) can open in the available
 * rooms, each session holding at most min(room capacity, the largest group
 * any session may have).  Also checks the facilitators' max_sessions (or,
 * when limit is not NULL, limit[f]: what facilitator f may still lead in
 * these blocks) against the sessions the blocks need at the least.  Returns NULL when every count
 * passes, else a diagnosis for people (the caller frees it): per short block,
 * the resource that binds (facilitators, seats in rooms, the group size) and
 * each remedy that closes the gap alone, with the number needed.
 */
char *precheck_counts(const struct problem *p, const int *blocks, int n_blocks,
		     const bool *allowed, const int *limit);

/*
 * The seminar blocks among blocks[0..n_blocks-1], over the cycle: every
 * available learner sits in a lab or a seminar meeting in each, and a
 * seminar meets only `meetings` times and seats only learners with an
 * eligible choice of it, which a block-by-block count misses (a seminar of 2
 * meetings seats its learners in 2 of 5 blocks).  So the learner-blocks the
 * labs cannot seat (lab-room seats, for the facilitators available) must not
 * exceed the seminars' seat-meetings together.  NULL when they do not or
 * the model plans no seminar blocks (or under replan), else a diagnosis
 * with remedies (caller frees).  precheck_counts runs it when every block
 * passes on its own, without allowed.
 */
char *precheck_seminar_cycle(const struct problem *p, const int *blocks, int n_blocks);

/* The largest group any session may have: lab.max_group, a facilitated
 * goal's max_group, a seminar's max_size where the model schedules them. */
int precheck_largest_group(const struct problem *p);

/*
 * precheck_counts over the blocks the scenario's model schedules: workshop
 * blocks (workshop, power-goal), seminar blocks (seminar), or both
 * (combination); when every count passes, precheck_exact (the exact model's
 * LP over the workshop blocks, on small cycles).  What `mclsched check` and
 * the generator run; NULL when everything passes.
 */
char *precheck_scenario(const struct problem *p);

/*
 * Decides in which blocks each facilitator may lead so that no one exceeds
 * max_sessions (or limit[f], as for precheck_counts): a facilitator whose
 * limit is at least their available blocks may lead in all of them; the
 * others get their limit of their available blocks, chosen where seats are
 * scarcest.  Returns allowed[f * n_blocks + b]
 * (caller frees).  A restriction used to build schedules, never for bounds.
 */
bool *precheck_spread_limits(const struct problem *p, const int *blocks, int n_blocks,
			     const int *limit);

#endif
