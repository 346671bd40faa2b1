/*
 * gen_check.c - mclsched's own counts on a school mclsched-gen wrote
 * (gen_check.h): the generator's counts are per block, and mclsched's
 * cycle-level seminar count (precheck_seminar_cycle) also sees that seminars
 * seat only their eligible choosers available for every meeting (none below
 * min_size), as many sections as their facilitators can lead, and that those
 * meeting only in lab rooms displace a lab.
 */
#define _POSIX_C_SOURCE 200809L
#include "bench/gen_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "models/precheck.h"
#include "models/precheck_exact.h"

/*
 * The generator's exact step: check's (precheck_exact) on larger cycles.
 * The generator runs offline and may take longer than `mclsched check`
 * (whose cap is PRECHECK_EXACT_MAX_COLS, about a second), so its cap is
 * four times as large: zoo workshop seed 2 at 1 500 learners (two blocks,
 * 8 000 columns) and the zoo at 300 up to eight workshop blocks, seconds to
 * a minute of CPU each; at 20 000 columns a ten-block school at 300 took
 * 78 s to pass.  GLPK's presolver first: on these LPs the primal simplex
 * then takes a third to a sixth of the iterations.  An iteration limit, not the
 * clock, ends it, so that what the generator writes does not depend on the
 * machine's load: an LP stopped there proves nothing and the school is
 * written as it is.  The seconds are a guard for a machine far slower than
 * any measured (bench/TUNING.md).
 */
static const struct shortfall_limits gen_exact_limits = {
	.max_cols = 10000, .seconds = 900, .iterations = 40000, .presolve = true,
};

/* Does some scheduled seminar block have no facilitator beyond its lab rooms? */
static bool seminar_staff_short(const struct problem *p, const int *blocks, int n)
{
	for (int j = 0; j < n; j++) {
		int b = blocks[j], nf = 0, labs = 0;
		if (p->blocks[b].kind != BLOCK_SEMINAR)
			continue;
		for (int f = 0; f < p->n_facilitators; f++)
			nf += !p->facilitators[f].unavailable[b];
		for (int r = 0; r < p->n_rooms; r++)
			labs += !p->rooms[r].unavailable[b] &&
				problem_room_has(&p->rooms[r], p->lab_feature);
		if (nf <= labs)
			return true;
	}
	return false;
}

enum gen_check gen_check_dir(const char *dir, char **why, bool *staff_short)
{
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(dir, &d);
	*why = NULL;
	*staff_short = false;
	if (!p) {
		diag_print(&d, stderr);
		diag_release(&d);
		return GEN_CHECK_UNREADABLE;
	}
	diag_release(&d);
	int *blocks = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1)), n = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (problem_block_scheduled(p, b))
			blocks[n++] = b;
	/* precheck_scenario's two steps, told apart: the counts (which run the
	 * cycle count only when the blocks pass), then the exact LP */
	*why = precheck_counts(p, blocks, n, NULL, NULL);
	enum gen_check rc = GEN_CHECK_PASS;
	if (*why) {
		char *cycle = precheck_seminar_cycle(p, blocks, n);
		rc = cycle && !strcmp(cycle, *why) ? GEN_CHECK_CYCLE : GEN_CHECK_BLOCKS;
		*staff_short = seminar_staff_short(p, blocks, n);
		free(cycle);
	} else if ((*why = precheck_exact_within(p, &gen_exact_limits)) != NULL) {
		rc = GEN_CHECK_EXACT;
	}
	free(blocks);
	problem_free(p);
	return rc;
}
