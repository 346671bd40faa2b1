/*
 * model.c - the model table.
 */
#include "model.h"

#include <assert.h>
#include <stddef.h>

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

int model_solve(const struct problem *p, const struct solve_options *opt,
		struct solution *sol)
{
	mip_largest_reset();
	int rc = model_lookup(p->config.model)->solve(p, opt, sol);
	struct lp_size size = mip_largest();
	sol->model_rows = size.rows;
	sol->model_cols = size.cols;
	sol->model_nonzeros = size.nonzeros;
	return rc;
}
