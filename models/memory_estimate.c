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
#include "models/model.h"
#include "models/search_settings.h"

#define MIB (1024.0 * 1024.0)

/* Bytes per item, upper figures (see the top of the file). */
#define PROGRAM_BASE (8.0 * MIB)     /* two processes: binary, libc, GLPK */
#define PER_COLUMN 1280.0            /* a MIP or LP column with its rows (GLPK: ~1.2 KB) */
#define PER_RESEAT_COLUMN 512.0      /* a re-seating MIP column (most are fixed or tiny) */
#define PER_LEARNER_BLOCK 64.0       /* plan, snapshots, tallies, availability */
#define PER_NEED 256.0               /* need records, tallies, bound-LP bookkeeping */
#define PER_LEARNER_COLS_MAX 8000    /* bound_lp.c adds per-learner rows below this */

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

static int cmp_u64(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
	return (x > y) - (x < y);
}

/* The bound LP's block groups: blocks of one kind allowing the same areas
 * (bound_lp.c merges blocks that allow the same goals; distinct area sets
 * are at least as many).  Counted by hashing each block's sorted areas. */
static int block_groups(const struct problem *p, const bool *used)
{
	unsigned long long *key = xmalloc(sizeof(*key) * ((size_t)p->n_blocks + 1));
	int n = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		if (!used[b])
			continue;
		const struct block *bl = &p->blocks[b];
		/* order-free: a sum of mixed area indexes, plus the kind */
		unsigned long long h = 0x9E3779B97F4A7C15ull * (unsigned long long)(bl->kind + 1);
		for (int i = 0; i < bl->n_areas; i++) {
			unsigned long long x = (unsigned long long)bl->areas[i] + 1;
			x *= 0xBF58476D1CE4E5B9ull;
			h += x ^ (x >> 31);
		}
		key[n++] = h;
	}
	qsort(key, (size_t)n, sizeof(*key), cmp_u64);
	int groups = 0;
	for (int i = 0; i < n; i++)
		groups += i == 0 || key[i] != key[i - 1];
	free(key);
	return groups;
}

void memory_estimate(const struct problem *p, struct memory_estimate *e)
{
	double lb = (double)p->n_learners * p->n_blocks;
	long ws_blocks = 0, sem_blocks = 0;
	bool *used = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	for (int b = 0; b < p->n_blocks; b++) {
		bool ws = model_row(p)->schedules_workshops && p->blocks[b].kind == BLOCK_WORKSHOP;
		bool sem = model_row(p)->schedules_seminars && p->blocks[b].kind == BLOCK_SEMINAR;
		ws_blocks += ws;
		sem_blocks += sem;
		used[b] = ws || sem;
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
	/* small cycles keep blocks apart in the bound LP (per-learner rows) */
	double blocks = per_learner < PER_LEARNER_COLS_MAX ? (double)(ws_blocks + sem_blocks)
							   : (double)block_groups(p, used);
	free(used);

	e->mib[MEM_PROGRAM] = (PROGRAM_BASE + lb + 4.0 * p->n_learners * p->n_goals +
			       (double)p->n_facilitators * (p->n_goals + p->n_seminars) +
			       PER_NEED * p->n_needs + 64.0 * p->n_choices) / MIB;
	e->mib[MEM_SEARCH] = PER_LEARNER_BLOCK * lb / MIB;
	/* two at once (one a core); whole-cycle groups (power-goal): one MIP
	 * over every block, plus its per-block room columns */
	if (model_row(p)->whole_cycle_groups)
		e->mib[MEM_BLOCK_MIPS] = PER_COLUMN * (opts_all / (ws_blocks ? ws_blocks : 1) +
						       (double)p->n_goals * p->n_rooms * ws_blocks) / MIB;
	else
		e->mib[MEM_BLOCK_MIPS] = 2 * PER_COLUMN * opts_max / MIB;
	double lp_cols = 2.0 * p->n_needs + 2.0 * p->n_learners + 4.0 * p->n_goals * blocks +
			 2.0 * p->n_facilitators * blocks + (double)p->n_rooms * blocks +
			 (per_learner < PER_LEARNER_COLS_MAX ? per_learner : 0) + eligible +
			 (double)p->n_facilitators * p->n_seminars;
	e->mib[MEM_BOUND_LP] = PER_COLUMN * lp_cols / MIB;
	int patterns = p->n_learners <= 400 ? 12 : 8;   /* seminar.c's tunings */
	e->mib[MEM_SEMINARS] = sem_blocks ? (PER_COLUMN * ((double)eligible * patterns +
					      (double)p->n_facilitators * p->n_seminars) +
					      16.0 * p->n_learners * sem_blocks) / MIB : 0;
	/* the largest re-seating set of any school size */
	double sub_cols = 0;
	for (int k = 0; k < SCHOOL_SIZES; k++)
		if (search_settings_table[k].reseat_cols > sub_cols)
			sub_cols = (double)search_settings_table[k].reseat_cols;
	double sub = ws_blocks && !model_row(p)->whole_cycle_groups
			     ? (opts_all < sub_cols ? opts_all : sub_cols) : 0;
	e->mib[MEM_SUB_MIPS] = 2 * PER_RESEAT_COLUMN * sub / MIB;

	/* the block MIPs (construction) and the re-seating MIPs (improvement)
	 * run in turn, never together: the larger of the two counts */
	e->total_mib = 0;
	e->largest = MEM_PROGRAM;
	for (int k = 0; k < MEM_PARTS; k++) {
		if (k == MEM_SUB_MIPS || k == MEM_BLOCK_MIPS) {
			int other = k == MEM_SUB_MIPS ? MEM_BLOCK_MIPS : MEM_SUB_MIPS;
			if (e->mib[k] < e->mib[other] ||
			    (e->mib[k] == e->mib[other] && k == MEM_SUB_MIPS))
				continue;
		}
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
