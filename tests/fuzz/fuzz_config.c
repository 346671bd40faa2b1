/*
 * fuzz_config.c - libFuzzer harness for the scenario.conf reader
 * (inputs/config.c, through libconfuse).
 *
 * The input is one scenario.conf.  Whatever it holds, config_read must
 * return with every key set to a value in its documented range (a bad value
 * is an error and leaves the default), and free cleanly: the config is freed
 * by problem_free, as the loader frees it.
 */
#include <stdint.h>
#include <math.h>
#include <stdlib.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/util.h"
#include "inputs/config.h"
#include "tests/fuzz/scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a finding) when an accepted config breaks a documented range. */
static void check_config(const struct config *c)
{
	if (!c->name || !c->out_dir || !*c->out_dir || !c->lab_feature || !c->w_choice)
		abort();
	/* mastery's exact units (from its digits) are its value */
	if (c->mastery_units != (int)lround(c->mastery * 10000))
		abort();
	if (!(c->mastery >= 0 && c->mastery <= 4) || c->seminars_per_learner < 1 ||
	    c->seminars_per_learner > 100 || c->lab_max_group < 1 || c->lab_max_group > 100000)
		abort();
	if (c->n_choice < 1 || c->n_choice > 10 || !(c->time_limit > 0) ||
	    !(c->gap >= 0 && c->gap < 1) || c->seed < 0)
		abort();
	for (int i = 0; i < PRIORITY_LEVELS; i++)
		if (!(c->w_priority[i] >= 0 && c->w_priority[i] <= 1e9))
			abort();
	for (int i = 0; i < c->n_choice; i++)
		if (!(c->w_choice[i] >= 0 && c->w_choice[i] <= 1e9))
			abort();
	if (!(c->w_guru >= 0) || !(c->w_power_goal >= 0) || !(c->w_daily >= 0))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scratch_write("scenario.conf", (const char *)data, size);
	struct diag d;
	diag_init(&d);
	struct problem *p = xcalloc(1, sizeof(*p));
	long model_line;
	int rc = config_read(&p->config, scratch_dir(), &d, &model_line);
	if ((rc == 0) != (d.n_errors == 0))
		abort();
	if (rc == 0)
		check_config(&p->config);
	problem_free(p);
	diag_release(&d);
	return 0;
}
