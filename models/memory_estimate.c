/*
 * memory_estimate.c - the memory a solve needs, from the scenario's size
 * (see memory_estimate.h).
 *
 * Each part is a count of what it holds (learner-blocks, options of a
 * block's MIP, LP columns) times bytes per item.  The bytes per item are
 * deliberately round upper figures: a GLPK column with its rows and a few
 * nonzeros, in the problem, the simplex and branch-and-bound copies, costs
 * well under the PER_COLUMN used here.  They were checked against the peak
 * resident memory of solves of generated schools (bench/TUNING.md), where
 * the estimate lies above the measurement at every size; only the sum and
 * its largest part are reported, never promised to the byte.
 */
#include "models/memory_estimate.h"

#include <stdio.h>
#include <stdlib.h>

#include "engine/util.h"
#include "models/workshop_settings.h"

#define MIB (1024.0 * 1024.0)

/* Bytes per item, upper figures (see the top of the file). */
#define PROGRAM_BASE (16.0 * MIB)    /* binary, libc, GLPK, allocator slack */
#define PER_COLUMN 1536.0            /* a MIP or LP column with its rows (GLPK: ~1.2 KB) */
#define PER_LEARNER_BLOCK 64.0       /* plan, snapshots, tallies, availability */
#define PER_NEED 256.0               /* need records, tallies, bound-LP bookkeeping */
#define PER_LEARNER_COLS_MAX 8000    /* bound_lp.c adds per-learner rows below this */
#define SEMINAR_PATTERNS 12          /* most candidate patterns (seminar.c) */

static bool uses_workshops(const struct problem *p)
{
	return p->config.model != MODEL_SEMINAR;
}

static bool uses_seminars(const struct problem *p)
{
	return p->config.model == MODEL_SEMINAR || p->config.model == MODEL_COMBINATION;
}

/* Options learner l has in block b: a lab, and each ready facilitated need
 * whose goal may run there. */
static long options_in(const struct problem *p, int l, int b)
{
	long n = 1;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		n += nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED &&
		     problem_block_allows(p, b, nd->goal);
	}
	return n;
}

void memory_estimate(const struct problem *p, struct memory_estimate *e)
{
	double lb = (double)p->n_learners * p->n_blocks;
	long ws_blocks = 0, sem_blocks = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		ws_blocks += uses_workshops(p) && p->blocks[b].kind == BLOCK_WORKSHOP;
		sem_blocks += uses_seminars(p) && p->blocks[b].kind == BLOCK_SEMINAR;
	}
	/* options of the largest block's MIP, and of all blocks */
	double opts_max = 0, opts_all = 0, per_learner = 0;
	for (int b = 0; b < p->n_blocks && ws_blocks; b++) {
		if (p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		double n = 0;
		for (int l = 0; l < p->n_learners; l++)
			if (!p->learners[l].unavailable[b])
				n += (double)options_in(p, l, b);
		opts_all += n;
		per_learner += n - p->n_learners;
		if (n > opts_max)
			opts_max = n;
	}
	long eligible = 0;
	for (int c = 0; c < p->n_choices && sem_blocks; c++)
		eligible += p->choices[c].eligible;
	double blocks = (double)(ws_blocks + sem_blocks);

	e->mib[MEM_PROGRAM] = (PROGRAM_BASE + lb + 4.0 * p->n_learners * p->n_goals +
			       (double)p->n_facilitators * (p->n_goals + p->n_seminars) +
			       PER_NEED * p->n_needs + 64.0 * p->n_choices) / MIB;
	e->mib[MEM_SEARCH] = PER_LEARNER_BLOCK * lb / MIB;
	/* two at once (one a core); power-goal: one MIP over every block,
	 * plus its per-block room columns */
	if (p->config.model == MODEL_POWER_GOAL)
		e->mib[MEM_BLOCK_MIPS] = PER_COLUMN * (opts_all / (ws_blocks ? ws_blocks : 1) +
						       (double)p->n_goals * p->n_rooms * ws_blocks) / MIB;
	else
		e->mib[MEM_BLOCK_MIPS] = 2 * PER_COLUMN * opts_max / MIB;
	double lp_cols = 2.0 * p->n_needs + 2.0 * p->n_learners + 4.0 * p->n_goals * blocks +
			 2.0 * p->n_facilitators * blocks + (double)p->n_rooms * blocks +
			 (per_learner < PER_LEARNER_COLS_MAX ? per_learner : 0) + eligible +
			 (double)p->n_facilitators * p->n_seminars;
	e->mib[MEM_BOUND_LP] = PER_COLUMN * lp_cols / MIB;
	e->mib[MEM_SEMINARS] = sem_blocks ? (PER_COLUMN * ((double)eligible * SEMINAR_PATTERNS +
					      (double)p->n_facilitators * p->n_seminars) +
					      16.0 * p->n_learners * sem_blocks) / MIB : 0;
	/* the largest re-seating set of any school size */
	double sub_cols = 0;
	for (int k = 0; k < SCHOOL_SIZES; k++)
		if (workshop_settings[k].reseat_cols > sub_cols)
			sub_cols = (double)workshop_settings[k].reseat_cols;
	double sub = ws_blocks && p->config.model != MODEL_POWER_GOAL
			     ? (opts_all < sub_cols ? opts_all : sub_cols) : 0;
	e->mib[MEM_SUB_MIPS] = 2 * PER_COLUMN * sub / MIB;

	e->total_mib = 0;
	e->largest = MEM_PROGRAM;
	for (int k = 0; k < MEM_PARTS; k++) {
		e->total_mib += e->mib[k];
		if (e->mib[k] > e->mib[e->largest])
			e->largest = (enum memory_part_kind)k;
	}
}

const char *memory_part_name(enum memory_part_kind k)
{
	static const char *const names[MEM_PARTS] = {
		[MEM_PROGRAM] = "the program and the scenario as read (learners x goals scores "
				"included)",
		[MEM_SEARCH] = "the schedule being searched (learners x blocks)",
		[MEM_BLOCK_MIPS] = "the per-block MIPs (learners x their options in a block)",
		[MEM_BOUND_LP] = "the bound LP (needs, goals x blocks, facilitators x blocks)",
		[MEM_SEMINARS] = "the seminar MIP (eligible choices x meeting patterns)",
		[MEM_SUB_MIPS] = "the re-seating MIPs (learners x options, capped)",
	};
	return names[k];
}

char *memory_refusal(const struct problem *p, const struct memory_estimate *e)
{
	if (e->total_mib <= p->config.max_memory_mb)
		return NULL;
	return xasprintf("the scenario would need about %.0f MiB, above solver.max_memory_mb = "
			 "%d; the largest part is %s, about %.0f MiB: split the scenario (fewer "
			 "learners or blocks a run), or raise max_memory_mb in scenario.conf "
			 "if the machine has the memory", e->total_mib, p->config.max_memory_mb,
			 memory_part_name(e->largest), e->mib[e->largest]);
}
