/*
 * workshop_settings.h - the workshop search's tuned settings, one row per
 * school size class (zstd keeps its compression levels in one table the
 * same way, lib/compress/clevels.h).
 *
 * The search reads its row once, at the start of a solve, into its cycle
 * state; no branch elsewhere asks how large the school is.  The figures
 * each value was chosen from, with the commands that reproduce them, are in
 * bench/TUNING.md.
 */
#ifndef MCL_WORKSHOP_SETTINGS_H
#define MCL_WORKSHOP_SETTINGS_H

#include <stdbool.h>

#include "engine/problem.h"

enum school_size {
	SCHOOL_SMALL,   /* a re-seating set covers more than a third of the
			 * cycle: many rounds fit in the time limit */
	SCHOOL_LARGE,   /* at most a third (1500 learners: 2 of 15 blocks):
			 * few rounds, each move costs seconds */
	SCHOOL_SIZES
};

struct search_settings {
	/* the bound */
	double bound_share;         /* of the time limit, for the bound's LP */
	/* constructing and re-planning blocks */
	int block_nodes;            /* branch-and-bound nodes per block re-plan */
	bool sweep_branching;       /* sweeps re-plan with branch-and-bound */
	bool sweep_by_slack;        /* sweeps take the blocks furthest below
				     * their own bound first (else time order) */
	/* re-seating (reseat_mip.c) */
	long reseat_cols;           /* size of one set, in exact-MIP columns */
	int first_reseat_rounds;    /* re-seating rounds before round 1's sweep */
	int reseat_rounds;          /* ... before each later round's sweep */
	bool reseat_after_moves;    /* a re-seating round after the moves */
	bool reseat_pairs;          /* two sets at once, one in a child process */
	/* ruin-and-recreate */
	bool ruin_recreate;         /* ruin-and-recreate and lab-balance moves */
	int lns_blocks;             /* blocks one move clears */
	int lns_moves_per_block;    /* moves a round, per block of the cycle */
	int balance_pairs;          /* lab-heavy x lab-light blocks tried */
	/* re-goaling (reseat_mip.c) */
	bool regoal;                /* re-goaling rounds */
	int regoal_blocks;          /* blocks a re-goaling frees */
	/* a second search in a child process after round 1 */
	bool twin_search;
	/* kicks at a local optimum */
	int kick_blocks;            /* blocks a kick clears */
	int max_kicks;              /* kicks in a row without a new best */
	/* after the search: windows and the exact model (column counts of the
	 * exact cycle MIP, cycle_mip_size) */
	long exact_max_cols;        /* largest exact MIP handed to GLPK */
	long window_max_cols;       /* largest cycle whose windows are solved */
	int window_blocks;          /* blocks per window */
	int window_fails_per_block; /* windows without a gain before stopping,
				     * per block of the cycle */
};

/* The table, indexed by enum school_size. */
extern const struct search_settings workshop_settings[SCHOOL_SIZES];

/*
 * The size class of the cycle of blocks[0..n_blocks-1]: large when a
 * re-seating set of the small schools' size (workshop_settings[SCHOOL_SMALL]
 * .reseat_cols) covers at most a third of the blocks.  Small when there
 * are no blocks.
 */
enum school_size workshop_school_size(const struct problem *p, const int *blocks, int n_blocks);

/* Blocks in a set of about cols exact-MIP columns of the cycle of
 * blocks[0..n_blocks-1] (n_blocks > 0): at least 2, at most n_blocks. */
int workshop_set_blocks(const struct problem *p, const int *blocks, int n_blocks, long cols);

#endif
