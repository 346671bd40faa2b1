/*
 * precheck_exact.c - the exact LP step of the pre-check (precheck_exact.h).
 *
 * The counts of precheck.c see one block at a time, and the seminar blocks
 * together; a learner's need sessions span the workshop blocks, so a cycle
 * can pass every count and still have no schedule (a goal taken in a block
 * takes a whole session of a facilitator, and what one block gives a
 * learner the next cannot).  exact_shortfall.c holds the argument (a slack
 * on each learner's seat row, a dual bound below 0); here it runs before
 * any solve, on cycles small enough (PRECHECK_EXACT_MAX_COLS) for its LP to
 * end in about a second, so that `mclsched check` and the generator
 * (bench/gen_check.c) see it too.
 */
#include "models/precheck_exact.h"

#include <stdlib.h>

#include "engine/util.h"
#include "models/exact_shortfall.h"
#include "models/model.h"

/* What the LP may take at most; a cycle under PRECHECK_EXACT_MAX_COLS ends
 * long before, so the answer does not depend on the machine's load. */
#define PRECHECK_EXACT_SECONDS 30.0

char *precheck_exact(const struct problem *p)
{
	struct shortfall_limits lim = { .max_cols = PRECHECK_EXACT_MAX_COLS,
					.seconds = PRECHECK_EXACT_SECONDS };
	return precheck_exact_within(p, &lim);
}

char *precheck_exact_within(const struct problem *p, const struct shortfall_limits *lim)
{
	const struct model_row *row = model_row(p);
	if (!row->schedules_workshops || row->whole_cycle_groups || p->previous)
		return NULL;
	int *blocks = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n = model_blocks(p, BLOCK_WORKSHOP, blocks);
	char *why = exact_shortfall_within(p, blocks, n, lim);   /* NULL past max_cols */
	free(blocks);
	return why;
}
