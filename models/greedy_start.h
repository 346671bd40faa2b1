/*
 * greedy_start.h - the hand schedule (greedy_start.c): a scheduler's rules of
 * thumb, no optimisation; a starting point of the workshop search and the
 * schedule mclsched-greedy writes for make bench.
 */
#ifndef MCL_GREEDY_START_H
#define MCL_GREEDY_START_H

#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Plans every block the model schedules (problem_block_scheduled) into sol
 * by the hand-scheduling rules: seminars, then the workshop blocks in time
 * order, then labs for everyone left.  sol is empty, or holds the sessions
 * of blocks already planned (and their attendance): those blocks are kept
 * as they are, and their facilitators, rooms, need sessions and seminar
 * enrolments count as taken.  The sessions' sizes are set; the objective,
 * bound and status are the caller's.  Returns 0, or -1 with *why (a
 * sentence ending in a newline, caller frees) when a block's learners
 * cannot all be seated; sol then holds a partial schedule.
 */
int greedy_start_schedule(const struct problem *p, struct solution *sol, char **why);

#endif
