/*
 * model.c - the model table.
 */
#include "model.h"

#include <assert.h>
#include <stddef.h>

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
