/*
 * model.c - the model table (model.h: what each row says), and the one bound check every model's result
 * passes through (model_check_bound): a model reports its bound as
 * computed, and this file alone decides whether it holds against the
 * objective and whether the status is optimal, so that no model can clamp a
 * bound or call a gap above the limit optimal.
 */
#include "model.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/power_goal_mip.h"
#include "models/seminar.h"

/* The aggregated LP of bound_lp.c over the blocks the model plans: the
 * workshop model's and the combination's bound (bound_lp.c's own fallback,
 * the simple bound, when the LP does not finish). */
static double cycle_lp_bound(const struct problem *p, double seconds)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n_ws = model_blocks(p, BLOCK_WORKSHOP, ws);
	int n_sem = model_blocks(p, BLOCK_SEMINAR, sem);
	struct bound_lp_result res;
	bound_lp_cycle(p, ws, n_ws, sem, n_sem, seconds, &res);
	free(sem);
	free(ws);
	return res.bound;
}

/* The exact cycle MIP (cycle_mip.c) of the blocks the model plans: workshop
 * blocks, seminar blocks with their sections, or both. */
static int cycle_mip_write_model(const struct problem *p, const char *path)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n_ws = model_blocks(p, BLOCK_WORKSHOP, ws);
	int n_sem = model_blocks(p, BLOCK_SEMINAR, sem);
	int rc = cycle_mip_write(p, ws, n_ws, sem, n_sem, path);
	free(sem);
	free(ws);
	return rc;
}

/* The table.  Every model plans labs beside its sessions in the blocks it
 * plans, so no column says so. */
static const struct model_row models[] = {
	{ .kind = MODEL_POWER_GOAL, .name = "power-goal", .schedules_workshops = true,
	  .whole_cycle_groups = true, .solve = power_goal_solve, .bound = power_goal_bound,
	  .write_lp = power_goal_write_lp },
	{ .kind = MODEL_WORKSHOP, .name = "workshop", .schedules_workshops = true,
	  .solve = workshop_solve, .bound = cycle_lp_bound, .write_lp = cycle_mip_write_model },
	{ .kind = MODEL_SEMINAR, .name = "seminar", .schedules_seminars = true,
	  .solve = seminar_solve, .bound = seminar_bound, .write_lp = cycle_mip_write_model },
	{ .kind = MODEL_COMBINATION, .name = "combination", .schedules_workshops = true,
	  .schedules_seminars = true, .solve = combination_solve, .bound = cycle_lp_bound,
	  .write_lp = cycle_mip_write_model },
};

#define N_MODELS ((int)(sizeof(models) / sizeof(models[0])))

const struct model_row *model_lookup(enum model_kind kind)
{
	for (int i = 0; i < N_MODELS; i++)
		if (models[i].kind == kind)
			return &models[i];
	assert(!"unknown model kind");
	return &models[0];
}

const struct model_row *model_row(const struct problem *p)
{
	return model_lookup(p->config.model);
}

const struct model_row *model_named(const char *name)
{
	for (int i = 0; name && i < N_MODELS; i++)
		if (!strcmp(models[i].name, name))
			return &models[i];
	return NULL;
}

int model_count(void)
{
	return N_MODELS;
}

const struct model_row *model_at(int i)
{
	assert(i >= 0 && i < N_MODELS);
	return &models[i];
}

int model_blocks(const struct problem *p, enum block_kind kind, int *blocks)
{
	int n = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == kind && problem_block_scheduled(p, b))
			blocks[n++] = b;
	return n;
}

double model_time_left(const struct solve_options *opt, double want)
{
	if (opt->deadline > 0 && opt->deadline - mcl_now() < want)
		want = opt->deadline - mcl_now();
	return want > 0 ? want : 0;
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
	double v = objective_of(p, st);
	if (v <= sol->objective + 1e-6)
		return;
	mcl_log(LOG_NORMAL, "the schedule started from kept: objective %.1f -> %.1f",
		sol->objective, v);
	struct solution copy;
	solution_init(&copy, p);
	solution_copy_schedule(&copy, st);
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
	const struct model_row *row = model_row(p);
	if (opt->write_lp && row->write_lp(p, opt->write_lp) != 0)
		return -1;
	mip_largest_reset();
	int rc = row->solve(p, opt, sol);
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
