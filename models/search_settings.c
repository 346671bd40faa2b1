/*
 * search_settings.c - the settings of both searches (the workshop search,
 * the seminar model and the combination's seminar passes) per school size
 * class (see search_settings.h).
 *
 * Each value carries its reason in one line; the measurements behind them
 * (which value gave which objective, on which generated school) are in
 * bench/TUNING.md with the command that reproduces each.  The classes
 * differ where a move's cost grows with the school: at 1500 learners a
 * block re-plan takes seconds and a round of the small schools' moves
 * would use the whole time limit.
 */
#include "models/search_settings.h"

#include "models/cycle_mip.h"

/*
 * The table, one line a setting: its value on small and on large schools,
 * and why.  Each class's row is put together from these lines below, so
 * the two classes of a setting stand side by side.
 */
/*	  setting                 small   large   why */
#define SEARCH_SETTINGS(S) \
	S(bound_share,            0.9,    0.9)    /* the bound's LP ends well before the limit */ \
	S(block_nodes,            400,    400)    /* a node budget, not time, keeps runs repeatable */ \
	S(sweep_branching,        true,   false)  /* large: costs seconds a block, adds almost nothing */ \
	S(sweep_by_slack,         false,  true)   /* large: a cut-short sweep did the worst blocks */ \
	S(reseat_cols,            12000,  30000)  /* large: bigger sets find longer chains */ \
	S(first_reseat_rounds,    0,      4)      /* large: right after construction it gains most */ \
	S(reseat_rounds,          0,      1)      /* large: re-seating pays more than a sweep */ \
	S(reseat_after_moves,     true,   false)  /* small: sweep first did better */ \
	S(reseat_pairs,           false,  true)   /* large: the second core, idle otherwise */ \
	S(ruin_recreate,          true,   false)  /* large: rarely kept, took most of round 1 */ \
	S(lns_blocks,             3,      3)      /* three did better than two or five */ \
	S(lns_moves_per_block,    3,      3)      /* more moves, fewer sweeps: worse */ \
	S(balance_pairs,          3,      3)      /* 3 x 3 pairs did better than 5 x 5 */ \
	S(regoal,                 true,   false)  /* large: a round costs much, improves nothing */ \
	S(regoal_blocks,          2,      2)      /* sets of three cost more per gain */ \
	S(twin_search,            true,   false)  /* large: the second core re-seats instead */ \
	S(kick_blocks,            5,      5)      /* enough to leave a local optimum */ \
	S(max_kicks,              5,      5)      /* ... and few enough to end the search */ \
	S(exact_max_cols,         3000,   3000)   /* larger: nothing better in the whole limit */ \
	S(window_max_cols,        6000,   6000)   /* larger: seconds a window, nothing found */ \
	S(window_blocks,          3,      3)      /* three did best of two to five */ \
	S(window_fails_per_block, 1,      1)      /* a window per block without a gain: done */ \
	S(seminar_patterns,       12,     8)      /* large: the section MIP grows with patterns */ \
	S(seminar_greedy_share,   0.2,    0.2)    /* the greedy is a start; the MIP finds more */ \
	S(seminar_mip_share,      0.5,    0.25)   /* large: the search gains more per second */ \
	S(seminar_mip_alone_share, 0.8,   0.8)    /* no start: no plan at all without the MIP */ \
	S(seminar_count_share,    0.5,    0.5)    /* no plan at all without it; it stops early */ \
	S(seminar_count_gap,      0.2,    0.2)    /* a first plan soon: the search improves it */ \
	S(seminar_alone_max_binaries, 3000, 3000) /* c300 s11's 16 676: no point in minutes */ \
	S(seminar_count_margin,   0.005,  0.005)   /* counts hide conflicts: stage 2 needs slack */ \
	S(seminar_mip_min_seconds, 0.3,   0.3)    /* less: GLPK cannot even load the MIP */ \
	S(seminar_gap,            1e-4,   1e-4)   /* no caller's gap: near-optimal, not exact */ \
	S(seminar_stage_min_seconds, 1,   1)      /* stage 2 is an LP: a second seats anyone */ \
	S(seminar_extend_seconds, 1,      1)      /* the MIP's sections unfilled would waste it */ \
	S(seminar_greedy_noise,   0.25,   0.25)   /* enough to reorder close candidates only */ \
	S(seminar_reseat_chance,  0.1,    0.1)    /* re-seating may lift a worse recreate */ \
	S(seminar_patience,       60,     60)     /* idle rounds: the search has converged */ \
	S(seminar_ruin_divisor,   6,      6)      /* a sixth of the sections: a real change */ \
	S(seminar_ruin_few,       3,      3)      /* a small ruin: one to three sections */ \
	S(comb_seminar_share,     0.1,    0.1)    /* the workshops need most of the time */ \
	S(comb_again_share,       0.1,    0.1)    /* the second pass gains in 10% (TUNING.md) */ \
	S(comb_early_share,       0.25,   0.25)   /* a first workshop plan: construction, a little search */ \
	S(comb_early_seminar_share, 0.1,  0.1)    /* the seminars against it, as the second pass */ \
	S(comb_labs_share,        0.05,   0.05)   /* the second first pass: when the first was quick */ \
	S(comb_retry_share,       0.6,    0.6)    /* no seminar plan, no schedule: take most */ \
	S(comb_again_min_seconds, 2,      2)      /* less: no room for a seminar MIP */

#define SMALL_VALUE(name, small, large) .name = (small),
#define LARGE_VALUE(name, small, large) .name = (large),

const struct search_settings search_settings_table[SCHOOL_SIZES] = {
	[SCHOOL_SMALL] = { SEARCH_SETTINGS(SMALL_VALUE) },
	[SCHOOL_LARGE] = { SEARCH_SETTINGS(LARGE_VALUE) },
};

int search_set_blocks(const struct problem *p, const int *blocks, int n_blocks, long cols)
{
	long per_block = cycle_mip_size(p, blocks, n_blocks) / n_blocks + 1;
	int k = (int)(cols / per_block);
	if (k < 2)
		k = 2;
	return k < n_blocks ? k : n_blocks;
}

enum school_size search_school_size(const struct problem *p, const int *blocks, int n_blocks)
{
	if (n_blocks == 0)
		return SCHOOL_SMALL;
	long cols = search_settings_table[SCHOOL_SMALL].reseat_cols;
	return 3 * search_set_blocks(p, blocks, n_blocks, cols) <= n_blocks ? SCHOOL_LARGE
									    : SCHOOL_SMALL;
}
