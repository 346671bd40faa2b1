/*
 * model.h - the table of scheduling models and their common entry point.
 *
 * Each model (workshop, power-goal, seminar, combination) is entered through
 * one function with the signature below, named in one row of the table in
 * model.c, which maps scenario.conf's `model` to it.  A model's entry lives
 * in one file (workshop.c, power_goal.c, seminar.c, combination.c); the
 * parts models share live in their own files (the period MIP, the bound LP,
 * the re-seating MIP, the exact cycle MIP, the GLPK driver, the pre-check;
 * docs/model.md, "Where each part lives"), and the workshop search spans
 * workshop.c, workshop_cycle.c, workshop_moves.c and search_settings.c.
 * Adding a model touches its own file(s) and one row of the table.
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
};

/*
 * Fills sol (already solution_init()ed) with a schedule for p.  Returns 0 when
 * sol->status is set (any status, infeasibility included, with a diagnosis
 * when no schedule was found), or -1 on an internal error.
 */
typedef int (*model_solve_fn)(const struct problem *p, const struct solve_options *opt,
			      struct solution *sol);

struct model_entry {
	enum model_kind kind;
	model_solve_fn solve;
};

/* The entry for kind; never NULL. */
const struct model_entry *model_lookup(enum model_kind kind);

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

/* Runs p's model (scenario.conf `model`) and records in sol the size of the
 * largest LP/MIP it solved.  Then, for every model, the one bound check: a
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
/* The seminar model (seminar.c): the seminar blocks by seminar_schedule,
 * with the smaller of bound_lp.c's LP bound and seminar_simple_bound. */
int seminar_solve(const struct problem *p, const struct solve_options *opt,
		  struct solution *sol);
int combination_solve(const struct problem *p, const struct solve_options *opt,
		      struct solution *sol);

#endif
