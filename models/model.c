/*
 * model.c - the model table, and the one bound check every model's result
 * passes through (model_check_bound): a model reports its bound as
 * computed, and this file alone decides whether it holds against the
 * objective and whether the status is optimal, so that no model can clamp a
 * bound or call a gap above the limit optimal.
 */
#include "model.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/glpk_run.h"

static const struct model_entry models[] = {
	{ MODEL_POWER_GOAL, power_goal_solve },
	{ MODEL_WORKSHOP, workshop_solve },
	{ MODEL_SEMINAR, seminar_solve },
	{ MODEL_COMBINATION, combination_solve },
};

const struct model_entry *model_lookup(enum model_kind kind)
{
	for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++)
		if (models[i].kind == kind)
			return &models[i];
	assert(!"unknown model kind");
	return &models[0];
}

bool model_bound_holds(double bound, double objective)
{
	return bound >= objective - MODEL_BOUND_TOL * (1 + fabs(objective));
}

int model_check_bound(enum model_kind model, const struct solve_options *opt,
		       struct solution *sol)
{
	if (sol->status != SOLVE_OPTIMAL && sol->status != SOLVE_FEASIBLE)
		return 0;
	if (!model_bound_holds(sol->bound, sol->objective)) {
		mcl_log(LOG_QUIET, "internal error: the %s model's bound %.6f is below the "
			"schedule's objective %.6f", problem_model_name(model), sol->bound,
			sol->objective);
		return -1;
	}
	solution_set_gap(sol);
	if (sol->gap < 0)
		sol->gap = 0;   /* round-off within the tolerance, not a better bound */
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	if (sol->status == SOLVE_FEASIBLE && sol->stopped_by == STOP_GAP)
		sol->stopped_by = STOP_SEARCH_DONE;
	return 0;
}

/* The floor of a warm start: when sol, a schedule of p, scores below
 * opt->start, it becomes a copy of the start (its bound, a bound on p's
 * optimum, holds for the start too; the stop reason stays). */
static void keep_start(const struct problem *p, const struct solve_options *opt,
		       struct solution *sol)
{
	if (!opt->start || (sol->status != SOLVE_OPTIMAL && sol->status != SOLVE_FEASIBLE))
		return;
	const struct solution *st = opt->start;
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, st);
	double v = objective_total(p, &t);
	tally_release(&t);
	if (v <= sol->objective + 1e-6)
		return;
	mcl_log(LOG_NORMAL, "the schedule started from kept: objective %.1f -> %.1f",
		sol->objective, v);
	struct solution copy;
	solution_init(&copy, p);
	for (size_t i = 0; i < st->n_sessions; i++)
		solution_add_session(&copy, &st->sessions[i]);
	for (size_t i = 0; i < st->n_sessions; i++)
		copy.sessions[i].section = st->sessions[i].section;
	memcpy(copy.attend, st->attend,
	       sizeof(*copy.attend) * (size_t)p->n_learners * (size_t)p->n_blocks);
	solution_recount(&copy);
	copy.objective = v;
	copy.bound = sol->bound;
	copy.status = sol->status;
	copy.stopped_by = sol->stopped_by;
	copy.solve_seconds = sol->solve_seconds;
	solution_release(sol);
	*sol = copy;
}

int model_solve(const struct problem *p, const struct solve_options *opt,
		struct solution *sol)
{
	mip_largest_reset();
	int rc = model_lookup(p->config.model)->solve(p, opt, sol);
	if (rc == 0)
		keep_start(p, opt, sol);
	struct lp_size size = mip_largest();
	sol->model_rows = size.rows;
	sol->model_cols = size.cols;
	sol->model_nonzeros = size.nonzeros;
	if (rc == 0)
		rc = model_check_bound(p->config.model, opt, sol);
	return rc;
}
