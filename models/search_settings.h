/*
 * search_settings.h - the tuned settings of both searches, the workshop
 * search and the seminar model, one row per school size class (zstd keeps
 * its compression levels in one table the same way,
 * lib/compress/clevels.h), with one measure of school size for both
 * (search_school_size).
 *
 * Each search reads its row once, at the start of a solve, into its state
 * (the workshop cycle's cy->set, the seminar context's c->set); no branch
 * elsewhere asks how large the school is.  The figures
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
	/* the seminar model (seminar*.c) */
	int seminar_patterns;       /* candidate patterns per meetings count */
	double seminar_greedy_share; /* of its time, the greedy's at most */
	double seminar_mip_share;   /* of the time after the greedy, the
				     * section MIP's */
	double seminar_mip_alone_share; /* the same when the labs alone do
					 * not fit (no greedy start) */
	double seminar_count_share; /* labs short: of the time, the count
				     * MIP's at most (seminar_count_mip) */
	double seminar_count_gap;   /* and the gap it stops at */
	double seminar_count_margin; /* seats it plans beyond the learners
				      * (a share of them), tried first */
	int seminar_alone_max_binaries; /* more learner options (binaries
					 * with spl > 1): no section MIP
					 * after the count MIP */
	double seminar_mip_min_seconds; /* less left: no section MIP */
	double seminar_gap;         /* section MIP and stage-2 gap when the
				     * caller gives none */
	double seminar_stage_min_seconds; /* stage 2 gets at least this */
	double seminar_extend_seconds; /* the greedy may extend the MIP's plan
					* this long past the deadline */
	double seminar_greedy_noise; /* most a recreate perturbs a value by */
	double seminar_reseat_chance; /* a worse recreate is re-seated anyway */
	int seminar_patience;       /* search rounds without a gain: done */
	int seminar_ruin_divisor;   /* a random ruin drops n_sec / this + 1 */
	int seminar_ruin_few;       /* a small ruin drops 1 .. this sections */
	/* the combination model's seminar passes (combination.c), shares of
	 * the time limit */
	double comb_seminar_share;  /* the first pass */
	double comb_again_share;    /* left by the workshops for the second */
	double comb_early_share;    /* the first workshop plan ends at this
				     * share (early_fit) */
	double comb_early_seminar_share; /* the seminars against it */
	double comb_labs_share;         /* first pass + first plan at most this: try the other */
	double comb_retry_share;    /* of the time left, a first pass that
				     * found nothing may take again */
	double comb_again_min_seconds; /* less left: no second pass */
};

/* The table, indexed by enum school_size. */
extern const struct search_settings search_settings_table[SCHOOL_SIZES];

/*
 * The size class of a school for the search of blocks[0..n_blocks-1] (the
 * workshop search: its workshop blocks; the seminar model: its seminar
 * blocks): large when a re-seating set of the small schools' size
 * (search_settings_table[SCHOOL_SMALL].reseat_cols exact-MIP columns, about
 * learners x needs per block) covers at most a third of the blocks.  Small
 * when there are no blocks.  The one measure of size for both searches.
 */
enum school_size search_school_size(const struct problem *p, const int *blocks, int n_blocks);

/* Blocks in a set of about cols exact-MIP columns of the cycle of
 * blocks[0..n_blocks-1] (n_blocks > 0): at least 2, at most n_blocks. */
int search_set_blocks(const struct problem *p, const int *blocks, int n_blocks, long cols);

#endif
