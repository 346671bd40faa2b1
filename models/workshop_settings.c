/*
 * workshop_settings.c - the workshop search's settings per school size
 * class (see workshop_settings.h).
 *
 * Each value carries its reason in one line; the measurements behind them
 * (which value gave which objective, on which generated school) are in
 * bench/TUNING.md with the command that reproduces each.  The classes
 * differ where a move's cost grows with the school: at 1500 learners a
 * block re-plan takes seconds and a round of the small schools' moves
 * would use the whole time limit.
 */
#include "models/workshop_settings.h"

#include "models/cycle_mip.h"

const struct search_settings workshop_settings[SCHOOL_SIZES] = {
	[SCHOOL_SMALL] = {
		/* the bound's child gets most of the time: it ends well before */
		.bound_share = 0.9,
		/* a node budget, not a time share, keeps runs repeatable */
		.block_nodes = 400,
		/* branching finds gains the block's candidates miss, cheaply */
		.sweep_branching = true,
		/* sweeps run to the end here: order does not matter */
		.sweep_by_slack = false,
		/* a fraction of a second a set; the whole cycle when smaller */
		.reseat_cols = 12000,
		/* many rounds: sweep first, re-seat after the moves */
		.first_reseat_rounds = 0,
		.reseat_rounds = 0,
		.reseat_after_moves = true,
		/* the second core runs the second search instead */
		.reseat_pairs = false,
		/* moving needs between blocks keeps paying at these sizes */
		.ruin_recreate = true,
		/* three blocks a move did better than two or five */
		.lns_blocks = 3,
		.lns_moves_per_block = 3,
		/* 3 x 3 pairs did better than 5 x 5 */
		.balance_pairs = 3,
		/* moves a goal's session between blocks, which nothing else can */
		.regoal = true,
		/* pairs: sets of three cost several times more per gain */
		.regoal_blocks = 2,
		/* the second core is idle once the bound is known */
		.twin_search = true,
		/* enough to leave a local optimum, few enough to stay near it */
		.kick_blocks = 5,
		.max_kicks = 5,
		/* larger exact MIPs found nothing better in the whole time limit */
		.exact_max_cols = 3000,
		/* beyond this a window takes several seconds and finds nothing */
		.window_max_cols = 6000,
		/* three blocks with 50 nodes each did best of 2-5 blocks */
		.window_blocks = 3,
		.window_fails_per_block = 1,
	},
	[SCHOOL_LARGE] = {
		.bound_share = 0.9,
		.block_nodes = 400,
		/* branching adds almost nothing and costs seconds a block */
		.sweep_branching = false,
		/* the time limit can cut a sweep short: worst blocks first */
		.sweep_by_slack = true,
		/* bigger sets (about 3 blocks at 1500 learners) find longer chains */
		.reseat_cols = 30000,
		/* right after pass 1 re-seating gains most per second */
		.first_reseat_rounds = 4,
		.reseat_rounds = 1,
		.reseat_after_moves = false,
		/* two sets at once use the second core */
		.reseat_pairs = true,
		/* rarely kept, and they take most of round 1 */
		.ruin_recreate = false,
		.lns_blocks = 3,
		.lns_moves_per_block = 3,
		.balance_pairs = 3,
		/* a round of pairs costs much and improves nothing */
		.regoal = false,
		.regoal_blocks = 2,
		/* the second core runs the paired re-seatings instead */
		.twin_search = false,
		.kick_blocks = 5,
		.max_kicks = 5,
		.exact_max_cols = 3000,
		.window_max_cols = 6000,
		.window_blocks = 3,
		.window_fails_per_block = 1,
	},
};

int workshop_set_blocks(const struct problem *p, const int *blocks, int n_blocks, long cols)
{
	long per_block = cycle_mip_size(p, blocks, n_blocks) / n_blocks + 1;
	int k = (int)(cols / per_block);
	if (k < 2)
		k = 2;
	return k < n_blocks ? k : n_blocks;
}

enum school_size workshop_school_size(const struct problem *p, const int *blocks, int n_blocks)
{
	if (n_blocks == 0)
		return SCHOOL_SMALL;
	long cols = workshop_settings[SCHOOL_SMALL].reseat_cols;
	return 3 * workshop_set_blocks(p, blocks, n_blocks, cols) <= n_blocks ? SCHOOL_LARGE
									    : SCHOOL_SMALL;
}
