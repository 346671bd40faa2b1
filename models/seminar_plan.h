/*
 * seminar_plan.h - the seminar model's context (meeting patterns, the
 * options of every learner with their exact values) and its plan state
 * (which sections run, led by whom, who sits in them), shared by the
 * seminar files and by tests/check_seminar.c, by nothing else (the models'
 * contract is seminar.h).
 *
 *   seminar_context.c      patterns and the context, built once a call
 *   seminar_plan.c         the plan: seven arrays kept in step by its
 *                          functions, with a consistency check
 *
 * A plan's state is seven arrays that must agree: the sections (sec_sp,
 * sec_fac, sec_size), each learner's sections (lsec), the sections per
 * seminar (sem_sections), the meetings each facilitator leads (fac_meet)
 * and the section each facilitator leads in each block (fac_busy).  Only
 * the seminar_plan_* functions write them; seminar_plan_consistent
 * recounts all from sec_sp, sec_fac and lsec.
 */
#ifndef MCL_SEMINAR_PLAN_H
#define MCL_SEMINAR_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/problem.h"
#include "engine/util.h"
#include "models/search_settings.h"
#include "models/seminar.h"

/*
 * The context of one seminar_schedule call, read-only once built.  Block
 * positions j = 0..nb-1 index in->blocks; a pattern k is a set of
 * positions; an option sp = (seminar sp_sem[sp], pattern sp_pat[sp]) with
 * at most sp_cap[sp] learners a section and the facilitators
 * spf_fac[spf_start[sp] .. spf_start[sp+1]-1] able to lead it; a learner
 * option o (of learner l, lo_start[l] <= o < lo_start[l+1]) is l's value
 * lo_val[o] for a seat in a section of lo_sp[o].
 */
struct seminar_ctx {
	const struct seminar_input *in;
	const struct problem *p;
	const struct search_settings *set; /* this school's row */
	int nb, nf, nr, spl;
	int *day;               /* [nb] day index of block position j */
	bool *avail;            /* [n_learners * nb] learner available at j */
	int *n_avail;           /* [n_learners] available seminar blocks */
	int *avail_cnt;         /* [nb] learners available at j */
	int *budget;            /* [nf] */
	int *labcap;            /* [nr] lab seats of a room, 0: no lab there */
	/* patterns: positions pat_j[pat_start[k] .. pat_start[k+1]-1] */
	int n_pat, alloc_pat;
	int *pat_start, *pat_j;
	size_t alloc_pat_j;
	bool *pat_has;          /* [n_pat * nb], built after generation */
	/* options (seminar, pattern), grouped by seminar */
	int n_sp;
	int *sp_sem, *sp_pat, *sp_cap;
	int *sem_sp;            /* [n_seminars + 1] */
	int *spf_start, *spf_fac; /* facilitators able to lead each sp */
	/* learner options, grouped by learner */
	int *lo_start;          /* [n_learners + 1] */
	int *lo_sp;
	double *lo_val;
	bool *lo_flex;
	double *lo_dval;        /* the daily weight within lo_val[o] */
	unsigned long long *lo_days; /* the days (below 64) it adds */
	/* per sp, the options for it, value descending */
	int *spo_start, *spo_opt;
	/* options worth <= 0 kept too: built so when the labs alone cannot
	 * seat the learners, and seats worth nothing are what makes room */
	bool keep_all;
};

/* A plan: the seven arrays of the header comment.  Section indices are
 * 0..n_sec-1; -1 in lsec and fac_busy is "none". */
struct seminar_plan {
	int n_sec, alloc;
	int *sec_sp, *sec_fac, *sec_size;
	int *lsec;              /* [n_learners * spl] sections, -1 free */
	int *sem_sections;      /* [n_seminars] */
	int *fac_meet;          /* [nf] meetings led */
	int *fac_busy;          /* [nf * nb] section led at j, or -1 */
};

/* Whether pattern k meets at block position j. */
static inline bool seminar_pat_has(const struct seminar_ctx *c, int k, int j)
{
	return c->pat_has[(long)k * c->nb + j];
}

/* The meetings of pattern k. */
static inline int seminar_pat_len(const struct seminar_ctx *c, int k)
{
	return c->pat_start[k + 1] - c->pat_start[k];
}

/* The days in mask m (lo_days). */
static inline int seminar_days_count(unsigned long long m)
{
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

/* A uniform draw in [0, 1) from rng (mcl_rng_next). */
static inline double seminar_unit_random(unsigned long long *rng)
{
	return (double)(mcl_rng_next(rng) >> 11) / 9007199254740992.0;
}

/*
 * Builds c for in (kept by pointer: in and in->p must outlive c), with the
 * settings row set (kept by pointer): patterns of every meetings count (at
 * most set->seminar_patterns each), the options (seminar, pattern) any
 * facilitator can lead, and every learner's options worth more than 0.
 * seminar_ctx_release frees what it holds.
 */
void seminar_ctx_build(struct seminar_ctx *c, const struct seminar_input *in,
		       const struct search_settings *set);

/* The same with every eligible option, those worth <= 0 too (keep_all):
 * for a school whose labs alone cannot seat a block, where a plan must
 * seat learners in seminars whatever they are worth. */
void seminar_ctx_build_all(struct seminar_ctx *c, const struct seminar_input *in,
			   const struct search_settings *set);
void seminar_ctx_release(struct seminar_ctx *c);

/* The learner of option o. */
int seminar_opt_learner(const struct seminar_ctx *c, int o);

/* Learner l's option for sp, or -1. */
int seminar_opt_of(const struct seminar_ctx *c, int l, int sp);

/* An empty plan for c (no section, every learner free);
 * seminar_plan_release frees it and leaves it empty. */
void seminar_plan_init(struct seminar_plan *pl, const struct seminar_ctx *c);
void seminar_plan_release(struct seminar_plan *pl);

/* dst (initialised) becomes a copy of src. */
void seminar_plan_copy(struct seminar_plan *dst, const struct seminar_plan *src,
		       const struct seminar_ctx *c);

/* Opens an empty section of sp led by f, who must be free in every block
 * of sp's pattern; returns its index. */
int seminar_plan_add_section(struct seminar_plan *pl, const struct seminar_ctx *c, int sp, int f);

/* Seats learner l in section k; false when l has no free seat left
 * (seminars_per_learner).  The caller keeps to the rules (one section a
 * seminar, no two in one block, sizes): seminar_plan_consistent does not
 * check them, the realisation and repair do. */
bool seminar_plan_enrol(struct seminar_plan *pl, const struct seminar_ctx *c, int l, int k);

/* Takes learner l out of section k (nothing when l is not in it). */
void seminar_plan_unenrol(struct seminar_plan *pl, const struct seminar_ctx *c, int l, int k);

/* Removes section k (its learners become free); the last section takes its
 * index. */
void seminar_plan_drop_section(struct seminar_plan *pl, const struct seminar_ctx *c, int k);

/* The plan's value: the options of enrolled learners, each learner-day's
 * daily weight once however many seminars add it, plus the guru weight of
 * guru-led meetings. */
double seminar_plan_value(const struct seminar_plan *pl, const struct seminar_ctx *c);

/*
 * Whether the seven arrays agree: recounts sec_size, sem_sections,
 * fac_meet and fac_busy from sec_sp, sec_fac and lsec, and checks that
 * every seated learner has an option for the section's sp, sits in no
 * section twice, and that a facilitator leads no two sections in a block.
 * For tests and asserts; costs O(learners x spl + facilitators x blocks +
 * sections x meetings).
 */
bool seminar_plan_consistent(const struct seminar_plan *pl, const struct seminar_ctx *c);

#endif
