/*
 * workshop_search.h - the workshop search's internals, shared by its three
 * files and by nothing else (the models' contract is workshop.h):
 *
 *   workshop.c          the pipeline: pre-check, bound, construct, improve,
 *                       polish, prove; the bound's and the second search's
 *                       child processes; progress
 *   workshop_cycle.c    the cycle state: the plan, its counters (a tally)
 *                       and each block's groups, kept in step, with a
 *                       consistency check, snapshots and the schedule out
 *   workshop_moves.c    the neighbourhoods: a block re-plan, sweeps,
 *                       ruin-and-recreate, lab balance, kicks, re-seating
 *                       (one or two at once) and re-goaling
 *
 * The settings that depend on the school's size are one table,
 * search_settings.c, read once into the cycle (cy->set).
 */
#ifndef MCL_WORKSHOP_SEARCH_H
#define MCL_WORKSHOP_SEARCH_H

#include <stdbool.h>

#include "engine/objective.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "models/child.h"
#include "models/model.h"
#include "models/period_mip.h"
#include "models/bound_lp.h"
#include "models/workshop.h"
#include "models/search_settings.h"

#define NONE (-2)   /* plan entry: learner not seated by this model here */

/* The whole-cycle bound, computed in a child process (workshop.c). */
struct bound_job {
	struct child ch;
	bool done;
	struct bound_lp_result res;
};

/* The bound job of workshop_bound.c: started with bound_job_start (its LP
 * within seconds, bound_job_seconds: bound_share of the time limit, done
 * before the search stops waiting); bound_job_poll collects the child's
 * bound, waiting for it when wait is true (returns whether it is known);
 * bound_job_drop stops the child unread, the simple bound (or the one
 * block's period LP's) standing in. */
struct cycle;
void bound_job_start(struct bound_job *job, const struct cycle *cy, double seconds);
double bound_job_seconds(const struct cycle *cy);
bool bound_job_poll(struct bound_job *job, const struct cycle *cy, bool wait);
void bound_job_drop(struct bound_job *job, const struct cycle *cy);

struct cycle {
	const struct problem *p;    /* the problem (read-only) */
	const int *sem_blocks;      /* seminar blocks the bound covers too, */
	int n_sem;                  /* planned elsewhere (outside) */
	const int *sessions_left;   /* [n_facilitators]: sessions a facilitator
				     * may lead in the workshop blocks (a
				     * part's), or NULL: their max_sessions */
	const struct solve_options *opt;
	struct search_settings set; /* this school's row of the settings
				     * table, read once at the start */
	int *blocks;                /* workshop blocks, time order */
	int n_blocks;
	bool *allowed;              /* [f * p->n_blocks + b] */
	int *plan;                  /* [l * p->n_blocks + b]: goal, PERIOD_MIP_LAB or NONE */
	struct tally tl;            /* the cycle's counts, all blocks (objective.h):
				     * kept in step with plan and block_res by
				     * cycle_count_block, checked by
				     * cycle_consistent */
	const struct tally *outside; /* counts of blocks this model does not
				     * plan (a combination's seminar blocks),
				     * or NULL */
	struct period_mip_result *block_res;  /* [p->n_blocks] groups per block */
	double bound;               /* whole-cycle bound for the gap test, set
				     * once awaited (0 before), so the test does
				     * not depend on when the bound arrived */
	const struct bound_job *job; /* the bound as it stands, for progress */
	double block_bound;         /* when the cycle is one block planned
				     * with every facilitator free to lead,
				     * that block's period LP bounds the
				     * whole cycle: the least such bound
				     * (HUGE_VAL: none) */
	double t0;
	double *slack;              /* [p->n_blocks]: a block's own bound less
				     * its plan's value, when last re-planned */
	double replan_cost;         /* seconds the last block re-plan without
				     * branching took: what any re-plan costs
				     * however short its time limit */
	const int *need_limit;      /* [n_needs]: sessions a need may reach in
				     * this process's half of a reseat_twin,
				     * or NULL: its own sessions */
	char *link_hint;            /* [n_learners * n_goals]: linking rows the
				     * last block's LP needed (period_mip_input) */
	bool constructing;          /* the construct stage is planning the
				     * blocks for the first time */
	bool construct_greedy;      /* construction cannot finish its period
				     * LPs in the time left: the blocks left
				     * get their greedy plans */
	bool lab_reserve;           /* construction got stuck after other
				     * blocks: each block's plan keeps lab
				     * reserves for the blocks not yet planned
				     * (construct_reserves) */
	bool unswept;               /* the first schedule has blocks no period
				     * LP planned (greedy plans, the hand
				     * schedule): round 1 sweeps them first */
};

/* workshop_cycle.c: the state. */

/* Sets up cy for the workshop blocks of p (plans empty, counts those of
 * part's outside blocks, or none); cycle_release frees what it holds. */
void cycle_init(struct cycle *cy, const struct problem *p, const struct solve_options *opt,
		const struct workshop_part *part);
void cycle_release(struct cycle *cy);

/* Sessions facilitator f may lead in the workshop blocks: the part's
 * sessions_left, or their max_sessions. */
int cycle_sessions_left(const struct cycle *cy, int f);

/* Whether the workshop blocks are the whole cycle (no part held): then the
 * exact cycle MIP of the workshop blocks (prove, polish's windows) is the
 * cycle's; it has no place for a part's counts. */
bool cycle_is_whole(const struct cycle *cy);

/* Seconds left of the time limit, or before the solve's deadline
 * (opt->deadline) when that comes first; below 0 past either. */
double cycle_time_left(const struct cycle *cy);

/* Learners available in block b (the length of its learner arrays). */
int cycle_block_learners(const struct problem *p, int b);

/* Adds (sign +1) or removes (-1) learner l's place g in block b (a goal,
 * PERIOD_MIP_LAB or NONE) to or from the tally t. */
void cycle_count_place(const struct problem *p, struct tally *t, int l, int b, int g, int sign);

/* Adds (sign +1) or removes (-1) block b's plan and groups from the tally:
 * every change to plan or block_res sits between a -1 and a +1. */
void cycle_count_block(struct cycle *cy, int b, int sign);

/* Whether the tally equals a recount of the plans and groups (on top of
 * the outside counts): the invariant cycle_count_block keeps.  Debug
 * builds check it after every move. */
bool cycle_consistent(const struct cycle *cy);

/* The whole cycle's objective (outside counts included). */
double cycle_objective(const struct cycle *cy);

/* Block b's plan from its groups (block_res[b]), after they were re-seated
 * (its counts removed before, added after, by the caller). */
void cycle_plan_from_result(struct cycle *cy, int b);

/* Swaps block b's groups with *other (groups of b from elsewhere: a
 * second process), with the plan and the counters. */
void cycle_swap_block(struct cycle *cy, int b, struct period_mip_result *other);

/* Whether a schedule of objective obj is worth improving against bound:
 * the bound is known (> 0) and the gap above the requested one. */
bool cycle_gap_open(const struct cycle *cy, double obj, double bound);

/* Whether the schedule is within the requested gap of cy->bound. */
bool cycle_gap_reached(const struct cycle *cy);

/* Whether k block re-plans fit in the time left (see workshop_cycle.c). */
bool cycle_replans_fit(const struct cycle *cy, int k);

/* Percent of the wanted sessions of ready needs that the counters hold,
 * as summary.csv's need_sessions_pct. */
double cycle_need_sessions_pct(const struct cycle *cy);

/* Copies the block plans into the solution's sessions and timetable. */
void cycle_build_solution(const struct cycle *cy, struct solution *sol);

/* The reverse: takes every workshop block's groups and places from sol (a
 * schedule of this cycle, e.g. the exact model's), with the plan and the
 * counters kept in step; the state's objective is then sol's. */
void cycle_load_solution(struct cycle *cy, const struct solution *sol);

/* The same for blocks[0..n_load-1] only (workshop blocks sol plans in full);
 * the others keep their plans. */
void cycle_load_blocks(struct cycle *cy, const struct solution *sol, const int *blocks,
		       int n_load);

/* The parts of the state a snapshot copies. */
struct cycle_state {
	int *plan;
	struct tally *tl;
	struct period_mip_result *block_res;  /* NULL in a snapshot: nothing saved */
};

/* A copy of the search's state, to return to the best schedule after a
 * kick that led nowhere better. */
struct snapshot {
	double objective;
	struct cycle_state st;
	bool *allowed;              /* cy->allowed, which move_shift_staff changes */
};

/* Copies the state of cy into s (save) or s back into cy (!save). */
void snapshot_copy(struct cycle *cy, struct snapshot *s, bool save);
void snapshot_free(const struct cycle *cy, struct snapshot *s);

/* workshop_moves.c: the neighbourhoods.  Each keeps a change only when the
 * cycle's objective rises (a kick excepted) and returns what it kept. */

/* move_replan_block's results when the block has no plan: GLPK failed;
 * the block's LP is infeasible given the other blocks' plans. */
#define BLOCK_ERROR (-3)
#define BLOCK_STUCK (-4)

/* Re-plans block b with every other block fixed.  Returns 1 when the
 * block's plan changed for the better, 0 when it was kept, -1 when no plan
 * was found in the time (only possible while the block has none yet),
 * BLOCK_ERROR or BLOCK_STUCK. */
int move_replan_block(struct cycle *cy, int b, double seconds, bool branching);

/* One fix-and-optimise pass over the blocks; blocks improved. */
int move_sweep(struct cycle *cy);

/* Up to max_moves ruin-and-recreate moves on random sets of blocks; moves
 * kept. */
int move_lns(struct cycle *cy, unsigned long long *rng, int max_moves);

/* Lab-balance moves on pairs of a lab-heavy and a lab-light block; moves
 * kept. */
int move_balance(struct cycle *cy);

/* Moves a part-time facilitator's turn (cy->allowed) from a block to one
 * they are available in but not allowed, re-planning both; see
 * workshop_moves.c; rng draws which are tried.  Returns how many were kept. */
int move_shift_staff(struct cycle *cy, unsigned long long *rng);

/* A kick: random blocks cleared and planned again, kept whatever they
 * score. */
void move_kick(struct cycle *cy, unsigned long long *rng);

/* Re-seatings of random sets of blocks covering the cycle about once;
 * re-seatings that improved. */
int move_reseat_round(struct cycle *cy, unsigned long long *rng);

/* Re-goalings of random sets of blocks, as many as the cycle has blocks;
 * re-goalings that improved. */
int move_regoal_round(struct cycle *cy, unsigned long long *rng);

/* workshop_rescue.c: gives each learner left out of every workshop a
 * session when the objective does not fall (the other moves need it to
 * rise, and it can be a tie); learners given one. */
int move_rescue(struct cycle *cy);

/* construct_rescue.c: construction stuck at order[j] (BLOCK_STUCK): the
 * blocks order[0..j-1] unplanned and order[j] moved first, after a
 * part-time facilitator's turn moved to it when j is 0; rescued[b] counts
 * block b's rescues, rescued[p->n_blocks] and after it the orders run with
 * lab reserves (zeroed by the caller, [p->n_blocks + 1 + p->n_blocks x
 * cy->n_blocks x RESCUE_PER_BLOCK]); an order already run with lab
 * reserves is not run again.  Returns whether construction should start
 * again from order[0]. */
bool construct_rescue(struct cycle *cy, int *order, int j, int *rescued);
#define RESCUE_PER_BLOCK 3

/* construct_joint.c: construction stuck at order[j] (no plan, j > 0): the
 * blocks order[0..j] planned together by the exact model over them (the
 * later blocks absent), replacing the plans of order[0..j-1].  Returns
 * whether they were (construction then goes on with order[j + 1]); false
 * leaves the cycle as it was. */
bool construct_joint(struct cycle *cy, const int *order, int j);

/* construct_rescue.c: block b's lab reserves (period_mip_input's rows) for
 * the blocks not yet planned, over the period's n learners (problem
 * learners learners[0..n-1], options opt_goal[opt_start[i] ..]): a learner
 * who takes a session in b has one fewer need-session left for the later
 * blocks, so more learners must sit in their labs; the rows keep that
 * within their lab seats.  Empty unless cy->lab_reserve; free with
 * reserves_free. */
struct reserves {
	int n;
	int *start, *option, *cap;
};
void construct_reserves(const struct cycle *cy, int b, int n, const int *learners,
			const int *opt_start, const int *opt_goal, struct reserves *out);
void reserves_free(struct reserves *r);

/* workshop.c: reports the search's state (the detail at -v, a line a
 * person reads through progress.c). */
void search_progress(const struct cycle *cy, const char *what);

#endif
