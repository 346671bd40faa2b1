/*
 * model.h - the table of scheduling models: one row per model says what the
 * model is (the blocks it plans, whether its workshop groups keep their
 * learners all cycle), how it solves, how it bounds the whole cycle and what
 * exact MIP `--write-lp` writes for it.
 *
 * Nothing outside model.c asks "which model is this?": code that depends on
 * the model asks the row (model_row(p)->schedules_seminars, ...), or the
 * problem's questions built on it (problem_block_scheduled,
 * problem_placeable).  A model's entry lives in its own file(s)
 * (workshop.c, power_goal.c, seminar.c, combination.c); the parts models
 * share live in their own files (the period MIP, the bound LP, the
 * re-seating MIP, the exact cycle MIP, the GLPK driver, the pre-check;
 * docs/model.md, "Where each part lives").  Adding a model is one value of
 * enum model_kind (engine/problem.h), one row of the table in model.c and
 * the model's own files.
 */
#ifndef MCL_MODEL_H
#define MCL_MODEL_H

#include "engine/problem.h"
#include "engine/solution.h"

struct solve_options {
	double time_limit;          /* seconds of wall time for the whole solve */
	double gap;                 /* stop when (bound - obj) / bound <= gap */
	int seed;
	const char *write_lp;       /* write the model in CPLEX LP format, or NULL */
	const struct solution *start; /* a schedule of p known to keep its hard
				     * rules, to start from (advise's warm
				     * re-solves), or NULL: every normal solve */
	bool simple_bound;          /* the workshop search reports the simple
				     * bound, not its LP's (the caller computes
				     * that LP once: replan.c) */
	double deadline;            /* mcl_now() by which the solve returns, or 0
				     * (none): what may run past time_limit (a
				     * wait for the bound, a last step, the
				     * runs of a replan) stops there */
};

/* Seconds left before opt->deadline, at most want (want when there is
 * none); never below 0. */
double model_time_left(const struct solve_options *opt, double want);

/*
 * Fills sol (already solution_init()ed) with a schedule for p.  Returns 0 when
 * sol->status is set (any status, infeasibility included, with a diagnosis
 * when no schedule was found), or -1 on an internal error.
 */
typedef int (*model_solve_fn)(const struct problem *p, const struct solve_options *opt,
			      struct solution *sol);

/* An upper bound on the objective of every schedule of p's whole cycle
 * that the contract allows, computed in at most about seconds. */
typedef double (*model_bound_fn)(const struct problem *p, double seconds);

/* Writes the model's exact MIP of p's cycle to path in CPLEX LP format
 * (`solve --write-lp`, for another solver).  Returns 0, or -1 with a
 * message logged. */
typedef int (*model_write_fn)(const struct problem *p, const char *path);

/* One row of the table: what a model is. */
struct model_row {
	enum model_kind kind;
	const char *name;           /* scenario.conf's `model` */
	bool schedules_workshops;   /* plans the workshop blocks (sessions of
				     * goals, labs beside them) */
	bool schedules_seminars;    /* plans the seminar blocks (sections of
				     * seminars, labs beside them) */
	bool whole_cycle_groups;    /* a workshop group keeps its learners, goal
				     * and facilitator in every workshop block
				     * (the power-goal model); else the
				     * workshop blocks regroup every block */
	model_solve_fn solve;
	model_bound_fn bound;       /* the bound the model's solve reports, or
				     * one as strong (the same LP) */
	model_write_fn write_lp;    /* its exact MIP */
};

/* The row of kind; never NULL. */
const struct model_row *model_lookup(enum model_kind kind);

/* The row of p's model (scenario.conf `model`). */
const struct model_row *model_row(const struct problem *p);

/* The row named name (scenario.conf's word), or NULL. */
const struct model_row *model_named(const char *name);

/* The rows, in the order the docs list them: model_at(0 .. model_count()-1). */
int model_count(void);
const struct model_row *model_at(int i);

/* The blocks of kind that p's model plans, in time order, into blocks
 * (room for p->n_blocks); returns how many. */
int model_blocks(const struct problem *p, enum block_kind kind, int *blocks);

/* A bound may fall below the objective by this much, relative to the
 * objective (floating-point sums), and no more. */
#define MODEL_BOUND_TOL 1e-9

/* Whether bound is a valid bound for a schedule of this objective. */
bool model_bound_holds(double bound, double objective);

/* The one bound check, for a schedule sol of model (status optimal or
 * feasible; other statuses pass untouched): a bound below the objective
 * beyond MODEL_BOUND_TOL is an internal error logged with both numbers
 * (returns -1); else sets the gap from the bound as it is (never clamped)
 * and the status: optimal exactly when the gap is within opt->gap. */
int model_check_bound(enum model_kind model, const struct solve_options *opt,
		      struct solution *sol);

/* Writes the row's exact MIP when opt->write_lp is set (a failure returns
 * -1 before any solving), runs p's model (scenario.conf `model`) and
 * records in sol the size of the largest LP/MIP it solved.  Then, for every model, the one bound check: a
 * bound below the schedule's objective (beyond MODEL_BOUND_TOL) is an
 * internal error naming both numbers (returns -1); otherwise the gap is set
 * from the bound as computed (never raised to the objective), and the
 * status is optimal exactly when the gap is within opt->gap.  With
 * opt->start, the workshop search (and a combination's workshop and seminar
 * blocks) starts from it instead of building a schedule, and whatever the
 * model, a schedule below opt->start's objective is replaced by opt->start
 * (a floor: the result never scores below the start).  Returns what the
 * model's solve returns, or -1. */
int model_solve(const struct problem *p, const struct solve_options *opt,
		struct solution *sol);

int workshop_solve(const struct problem *p, const struct solve_options *opt,
		   struct solution *sol);
int power_goal_solve(const struct problem *p, const struct solve_options *opt,
		     struct solution *sol);
/* The power-goal model's own greedy (power_goal.c, the first of its search's
 * runs) alone: sol's schedule with status SOLVE_FEASIBLE and its objective
 * (no bound), or SOLVE_NO_SOLUTION/SOLVE_INFEASIBLE with a diagnosis; for
 * mclsched-greedy.  Returns 0. */
int power_goal_greedy(const struct problem *p, struct solution *sol);
/* The seminar model (seminar.c): the seminar blocks by seminar_schedule,
 * with seminar_bound (seminar.h). */
int seminar_solve(const struct problem *p, const struct solve_options *opt,
		  struct solution *sol);
int combination_solve(const struct problem *p, const struct solve_options *opt,
		      struct solution *sol);

#endif
