/*
 * construct_rescue.c - construction that gets stuck (see workshop_search.h).
 *
 * The construct stage plans the blocks one after the other, each against
 * the blocks planned before it.  A block can then have no plan at all
 * (BLOCK_STUCK): the blocks before it gave too many of its learners every
 * session they need, so the lab cannot seat those left, or the spread of a
 * part-time facilitator's max_sessions (cy->allowed) left it short of
 * staff.  Neither proves the cycle infeasible, so construction starts
 * again: a block stuck after others is planned first (what it needs is
 * then still there, and the others are valued against it); a block stuck
 * with nothing planned before it takes one turn of a part-time facilitator
 * from the block with the most staff allowed.  Each block is rescued at
 * most RESCUE_PER_BLOCK times, so construction ends.  Nothing here runs on
 * a school whose construction does not get stuck.
 */
#include <stdio.h>
#include <string.h>

#include "engine/util.h"
#include "models/workshop_search.h"

#define RESCUE_PER_BLOCK 3

/* Block b back to unplanned (its counts taken off). */
static void unplan_block(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	cycle_count_block(cy, b, -1);
	period_mip_result_free(&cy->block_res[b]);
	for (int l = 0; l < p->n_learners; l++)
		cy->plan[(long)l * p->n_blocks + b] = NONE;
	cycle_count_block(cy, b, +1);
}

/* Facilitators allowed (and available) in block b. */
static int staff_allowed(const struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	int n = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		n += !p->facilitators[f].unavailable[b] && cy->allowed[(long)f * p->n_blocks + b];
	return n;
}

/* Moves one turn of a facilitator available in b but not allowed there to
 * b, from the block with the most staff allowed (ties: the first
 * facilitator, the first block in time).  Returns whether one moved. */
static bool take_turn(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	int best_f = -1, best_a = -1, best_staff = -1;
	for (int f = 0; f < p->n_facilitators; f++) {
		const bool *row = &cy->allowed[(long)f * p->n_blocks];
		if (p->facilitators[f].unavailable[b] || row[b])
			continue;
		for (int j = 0; j < cy->n_blocks; j++) {
			int a = cy->blocks[j];
			if (a == b || !row[a] || p->facilitators[f].unavailable[a])
				continue;
			int staff = staff_allowed(cy, a);
			if (staff > best_staff) {
				best_staff = staff;
				best_f = f;
				best_a = a;
			}
		}
	}
	if (best_f < 0)
		return false;
	cy->allowed[(long)best_f * p->n_blocks + best_a] = false;
	cy->allowed[(long)best_f * p->n_blocks + b] = true;
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: '%s' leads in '%s' instead of '%s'",
		mcl_now() - cy->t0, p->facilitators[best_f].id, p->blocks[b].id,
		p->blocks[best_a].id);
	return true;
}

bool construct_rescue(struct cycle *cy, int *order, int j, int *rescued)
{
	const struct problem *p = cy->p;
	int b = order[j];
	if (rescued[b] >= RESCUE_PER_BLOCK || mip_interrupted || cycle_time_left(cy) <= 0)
		return false;
	if (j == 0 && !take_turn(cy, b))
		return false;
	rescued[b]++;
	for (int i = 0; i < j; i++)
		unplan_block(cy, order[i]);
	memmove(order + 1, order, sizeof(int) * (size_t)j);
	order[0] = b;
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: block '%s' has no plan after %d block%s: "
		"starting again with it first", mcl_now() - cy->t0, p->blocks[b].id, j,
		j == 1 ? "" : "s");
	return true;
}

