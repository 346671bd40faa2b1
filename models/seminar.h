/*
 * seminar.h - schedules the seminar blocks of a cycle: which seminar
 * sections run, in which blocks, led by whom, who enrols, and the labs that
 * seat every other learner.
 *
 * A section meets in a fixed "pattern" of seminar blocks (the same
 * time-of-day block on consecutive days, and a few others); a MIP picks
 * sections (seminar, pattern, facilitator) and counts enrolments per
 * (seminar, pattern), with per-block rows for facilitators, rooms and the
 * labs; a second, totally unimodular stage seats learners; rooms are then
 * assigned block by block, and a greedy construction both seeds the MIP and
 * extends its result.  See seminar_section_mip.c for the mathematics (the
 * parts: seminar_search.h).  The seminar model
 * (seminar_solve, in model.h) is this plus a bound; the combination model
 * calls seminar_schedule for its seminar blocks.
 */
#ifndef MCL_SEMINAR_H
#define MCL_SEMINAR_H

#include "engine/objective.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "models/glpk_run.h"

/* What a seminar_schedule call did, for the caller's log and stopped_by. */
struct seminar_stats {
	double greedy_value;        /* the constructed schedule, as valued */
	double mip_objective;       /* the section MIP's incumbent (0: none) */
	double mip_bound;           /* its bound: a bound of the pattern-
				     * restricted MIP only, not of the cycle */
	enum mip_outcome mip_outcome;
	bool mip_run;               /* false when the MIP was skipped */
	bool hit_time_limit;        /* the MIP stopped at its time limit */
	int sections_dropped;       /* sections the room repair removed */
	bool proven_infeasible;     /* no schedule exists, by counting seats */
	double value;               /* the schedule returned, as valued */
};

struct seminar_input {
	const struct problem *p;
	const int *blocks;          /* the cycle's seminar blocks, time order */
	int n_blocks;
	/* [p->n_facilitators]: most sessions (seminar meetings and labs) each
	 * facilitator may lead in these blocks, net of what other blocks use;
	 * NULL: their max_sessions. */
	const int *fac_budget;
	/* Counts from the other blocks of the cycle (the workshop blocks under
	 * the combination model), or NULL: none.  Makes the valuation exact: a
	 * seminar meeting on day d adds the daily weight only when the learner
	 * has no workshop session that day; a lab in a seminar block adds the
	 * lab credit of the learner's next lab session. */
	const struct tally *outside;
	double seconds;             /* wall-clock budget */
	double deadline;            /* mcl_now() by which the solve returns
				     * (solve_options.deadline): the floors of
				     * stage 2 and the greedy's extension stop
				     * there too; 0: none */
	double gap;                 /* the section MIP stops at this relative
				     * gap (of its own, pattern-restricted
				     * model); 0: 1e-4 */
	unsigned long long seed;
	struct seminar_stats *stats; /* filled when not NULL */
};

/*
 * Adds to sol (solution_init()ed for p; other blocks may already be filled,
 * these blocks must be empty) the sessions of the seminar blocks: seminar
 * meetings (kind SESSION_SEMINAR, offering = seminar index, section = index
 * of the section's first meeting session, the same facilitator and learners
 * at every meeting) and labs (SESSION_LAB, offering -1), and every available
 * learner's attendance in those blocks; session sizes are recounted.
 * Returns 0 with a schedule, 1 when none was found (*why: a diagnosis for
 * people, the caller frees it; sol unchanged; stats->proven_infeasible
 * when counting proves that none exists), -1 on an internal error
 * (GLPK failure; *why says which).  The valuation is exact for
 * seminars_per_learner = 1; above it, two seminars on one day or the labs
 * they displace are valued approximately (the caller scores the result with
 * objective.c in every case).
 */
int seminar_schedule(const struct seminar_input *in, struct solution *sol, char **why);

/*
 * The simple bound of the seminar model (valid, weak; seminar_solve reports
 * the smaller of it and bound_lp.c's LP bound), for a model without
 * workshop blocks: per learner the better of all labs and, with
 * seminars_per_learner = 1, each eligible choice s of m meetings (its choice
 * weight, the daily weight of min(m, their days with an available seminar
 * block) days when placeable, the lab credit of their other available
 * blocks); above 1, the best seminars_per_learner choice weights, every
 * such day and the lab credit of all their seminar-block time.  What a
 * learner gains over all labs is counted only for as many learners as the
 * seminars have seats (sum of sections x max_size).  Plus the
 * guru weight times the most guru-led meetings that could run.  Blocks:
 * the seminar blocks the model schedules.
 */
double seminar_simple_bound(const struct problem *p, const int *blocks, int n_blocks);

/* The seminar model's bound (its row in model.c; seminar_solve reports it):
 * the smaller of seminar_simple_bound and bound_lp.c's LP bound (at most
 * seconds) over the seminar blocks the model schedules. */
double seminar_bound(const struct problem *p, double seconds);

#endif
