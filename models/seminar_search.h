/*
 * seminar_search.h - the seminar model's parts past its plan state, shared
 * by the seminar files and by tests/check_seminar.c, by nothing else (the
 * models' contract is seminar.h):
 *
 *   seminar.c              the entry: the pipeline (greedy, section MIP,
 *                          stage 2, repair, search), the counting proof of
 *                          infeasibility and its diagnoses, the model
 *   seminar_realise.c      rooms and lab facilitators block by block, and
 *                          the schedule out
 *   seminar_greedy.c       the greedy construction and the repair
 *   seminar_section_mip.c  the section MIP (the mathematics of the model)
 *   seminar_stage2.c       stage 2: seating learners over fixed sections
 *   seminar_search.c       re-seating and ruin-and-recreate
 *   seminar_bound.c        the simple bound
 *
 * The settings that depend on the school's size are search_settings.c's
 * table, one row read once into the context (c->set).
 */
#ifndef MCL_SEMINAR_SEARCH_H
#define MCL_SEMINAR_SEARCH_H

#include "engine/solution.h"
#include "models/glpk_run.h"
#include "models/seminar_plan.h"

/* Where a plan's sections meet and who supervises its labs, block by block,
 * plus scratch space for the realisation. */
struct seminar_layout {
	int alloc_sec;
	int *sec_room;          /* [alloc_sec * nb] */
	int *n_lab;             /* [nb] */
	int *lab_room;          /* [nb * nr] */
	int *lab_fac;           /* [nb * nr] */
	/* scratch */
	bool *used;             /* [nr] */
	int *order, *rooms;     /* [max(n_sec, nr)] */
	char *fassign;          /* [nf * nb] */
	int *fload;             /* [nf] */
	char *fvisit;           /* [nf] */
};

/* seminar_realise.c */

void seminar_layout_init(struct seminar_layout *lay, const struct seminar_ctx *c);
void seminar_layout_release(struct seminar_layout *lay);

/*
 * Rooms for every meeting and lab, and lab facilitators, into lay: per
 * block the largest meeting into the smallest room that fits (featured
 * meetings first), labs into the largest lab rooms left, lab facilitators
 * by augmenting paths over the blocks (their budgets couple them).
 * Returns -1 when the plan realises, else the block position that failed
 * (nb: the lab facilitators).
 */
int seminar_realise(const struct seminar_ctx *c, const struct seminar_plan *pl,
		    struct seminar_layout *lay);

/* Writes a realised plan (lay from seminar_realise) into sol: meetings,
 * labs, every available learner's attendance (labs filled evenly). */
void seminar_write_plan(const struct seminar_ctx *c, const struct seminar_plan *pl,
			const struct seminar_layout *lay, struct solution *sol);

/* seminar_greedy.c */

/*
 * Opens sections while one adds value and the plan still realises (a
 * section that does not fit shrinks to the next room size, or is dropped
 * and not tried again), until the deadline.  With rng, candidates' values
 * are perturbed by up to set->seminar_greedy_noise (the search's
 * randomised recreate); NULL: deterministic.
 */
void seminar_greedy(const struct seminar_ctx *c, struct seminar_plan *pl,
		    struct seminar_layout *lay, double deadline, unsigned long long *rng);

/* Drops sections whose size is out of bounds, then the least valued section
 * meeting in the failed block until the plan realises; returns how many
 * were dropped, or -1 when even the labs alone do not fit. */
int seminar_repair(const struct seminar_ctx *c, struct seminar_plan *pl,
		   struct seminar_layout *lay);

/* seminar_section_mip.c */

/* The sections the section MIP chose: o_sp[sp] sections of sp, n_sp[sp]
 * learners in them, led by z_fac[] in sp order; from the count MIP also
 * need[j], the seats the labs it planned leave to seminars at block j
 * (else NULL). */
struct seminar_sections {
	int *o_sp, *n_sp, *z_fac, *need;
};
void seminar_sections_release(struct seminar_sections *sc);

/*
 * Builds and solves the section MIP (seminar_section_mip.c's mathematics)
 * for at most mp->seconds (mp->start is set here: the point of start when
 * not NULL, a plan realised in lay).  On MIP_OPTIMAL or MIP_FEASIBLE fills
 * *out (release with seminar_sections_release); *mr says what GLPK did.
 */
void seminar_section_mip(const struct seminar_ctx *c, const struct seminar_plan *start,
			 const struct seminar_layout *lay, struct mip_params *mp,
			 struct mip_result *mr, struct seminar_sections *out);

/* The count MIP (the same without learner columns, seats counted against
 * the learners holding options; seminar_section_mip.c): sections that seat
 * enough where the labs alone cannot, for stage 2 to fill. */
void seminar_count_mip(const struct seminar_ctx *c, double margin, struct mip_params *mp,
		       struct mip_result *mr, struct seminar_sections *out);

/* seminar_stage2.c */

/*
 * Stage 2: with the sections fixed (o_sp[sp] sections, n_sp[sp] seats, led
 * by z_fac in sp order), seats learners by an LP (integral: a bipartite
 * b-matching when spl = 1; a small MIP otherwise) and adds the sections to
 * pl.  With need (the count MIP's), each sp takes o_sp x [min_size, cap]
 * seats instead of n_sp, and each block j at least need[j] (a MIP).  With one,
 * a learner takes one seat at most (an LP again without need: the count
 * MIP's seats seated fast, the greedy adds second seminars after).
 * Returns -1 on a GLPK failure or when no seating exists.
 */
int seminar_seat_learners(const struct seminar_ctx *c, const int *o_sp, const int *n_sp,
			  const int *z_fac, const int *need, bool one, struct seminar_plan *pl,
			  double seconds);

/* seminar_search.c */

/* The ruin of one search round, drawn from rng: the sections of a random
 * block, of a random seminar, n_sec / set->seminar_ruin_divisor + 1 random
 * sections, or 1 .. set->seminar_ruin_few random ones (nothing when pl has
 * no section). */
void seminar_ruin(const struct seminar_ctx *c, struct seminar_plan *pl, unsigned long long *rng);

/*
 * Ruin and recreate until the deadline, stop_value (no plan is worth more)
 * or set->seminar_patience rounds without gain: drop the sections of a
 * random block, a random seminar or a few random sections, refill by the
 * randomised greedy, re-seat by stage 2; keep what is worth as much or
 * more.  best (realisable, worth value) becomes the best plan found; its
 * value is returned.
 */
double seminar_search(const struct seminar_ctx *c, struct seminar_plan *best,
		      struct seminar_layout *lay, double value, double deadline,
		      double stop_value, unsigned long long seed);

#endif
