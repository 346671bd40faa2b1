/*
 * period_mip.h - the period assignment MIP: one regrouping of learners into
 * sessions, the building block of the workshop model.
 *
 * A "period" is what one grouping decision covers: a workshop block, or
 * several blocks at once when a group keeps its learners, goal and
 * facilitator across them (the power-goal model has its own program in
 * power_goal_mip.c, with labs per block).  Each
 * learner has a list of options: a goal (a workshop session of it) or the lab,
 * each with a value.  The MIP opens sessions per goal and room class, staffs
 * them and seats every learner; see period_mip.c for the mathematics.
 */
#ifndef MCL_PERIOD_MIP_H
#define MCL_PERIOD_MIP_H

#include <stdbool.h>

#include "engine/problem.h"
#include "models/glpk_run.h"

struct wire;

#define PERIOD_MIP_LAB (-1)       /* opt_goal value of the lab option */

struct period_mip_input {
	const struct problem *p;
	const int *blocks;          /* the blocks the period covers */
	int n_blocks;
	/* Learners and their options: learner i is problem learner
	 * learners[i]; its options are opt_goal/opt_value[opt_start[i] ..
	 * opt_start[i + 1] - 1].  Every learner must be seated: give every
	 * learner a lab option. */
	int n_learners;
	const int *learners;
	const int *opt_start;
	const int *opt_goal;
	const double *opt_value;
	const bool *fac_allowed;    /* [p->n_facilitators]: may lead here */
	double guru_value;          /* objective per session led by a guru */
	/* Skip branch-and-bound: the greedy, the LP-rounded and the re-seated
	 * candidates only (much faster on large periods). */
	bool no_branching;
	/* Past the time limit: the greedy plan alone, no LP (when the greedy
	 * finds none, the period is solved as usual). */
	bool greedy_only;
	/* Optional, [p->n_learners * p->n_goals], owned by the caller: the
	 * (learner, goal) pairs whose linking rows the LP starts with.
	 * period_mip_solve sets it to the pairs its LP needed, so consecutive
	 * periods over the same learners start where the last one ended.
	 * NULL: start without linking rows. */
	char *link_hint;
	/* Fill res->lp_dual (a pass over the LP's matrix; HUGE_VAL without). */
	bool want_lp_dual;
	/* Optional lab reserves: row r lets at most reserve_cap[r] of the
	 * options reserve_option[reserve_start[r] .. reserve_start[r + 1] - 1]
	 * (indexes into opt_goal, none a lab, at most one a learner) be taken. */
	int n_reserve;
	const int *reserve_start;
	const int *reserve_option;
	const int *reserve_cap;
};

struct period_mip_group {
	int goal;                   /* PERIOD_MIP_LAB for a lab */
	int facilitator;
	int room_class;
	int size;                   /* learners in the group */
};

struct period_mip_result {
	enum mip_outcome outcome;
	double objective;           /* sum of option values + guru value */
	double bound;               /* proven upper bound of this MIP */
	double lp_bound;
	/* An upper bound on the period LP (with the linking rows it needed)
	 * from its row duals (lp_dual.h), HUGE_VAL when not wanted or that LP
	 * did not end optimal in time: valid whatever the simplex's tolerances, and, since
	 * the LP relaxes the MIP, on every plan of the period under these
	 * options and facilitators. */
	double lp_dual;
	int n_groups;
	struct period_mip_group *groups;
	int *learner_group;         /* [n_learners]: group index */
	int *learner_option;        /* [n_learners]: chosen option index */
	int *group_room;            /* [n_groups * n_blocks]: room per block */
};

/*
 * Builds and solves the period MIP under params (params->start is ignored:
 * the incumbent is built inside).  Fills res; release with period_mip_result_free().
 * When write_lp is not NULL the model is also written there in CPLEX LP format;
 * when it cannot be, nothing is solved and res->outcome is MIP_ERROR.
 */
void period_mip_solve(const struct period_mip_input *in, const struct mip_params *params,
		const char *write_lp, struct period_mip_result *res);

void period_mip_result_free(struct period_mip_result *res);

/* A period's learners and their options in the arrays period_mip_input
 * reads (learners, opt_start = start, opt_goal = goal, opt_value = value),
 * built learner by learner: init, then for each learner
 * period_options_learner and its options by period_options_push, then
 * period_options_end. */
struct period_options {
	int n_learners;
	int *learners, *start, *goal;
	double *value;
	size_t n, alloc;
};

/* Empty, with room for at most n_learners learners. */
void period_options_init(struct period_options *o, int n_learners);
/* Starts learner l's options. */
void period_options_learner(struct period_options *o, int l);
/* Adds an option (a goal, or PERIOD_MIP_LAB) of the learner last started. */
void period_options_push(struct period_options *o, int goal, double value);
/* Closes the last learner's options. */
void period_options_end(struct period_options *o);
void period_options_free(struct period_options *o);

/* Appends res (a period of n_learners learners over n_blocks blocks) to the
 * message w field by field: the scalars, the group count, the groups, then
 * the arrays (child.h).  period_mip_result_decode reads one so encoded from w's
 * read position into res (which it then owns; release with
 * period_mip_result_free).  Returns 0, or -1 on a short or malformed message
 * (res left empty). */
void period_mip_result_encode(struct wire *w, const struct period_mip_result *res, int n_learners,
			int n_blocks);
int period_mip_result_decode(struct wire *w, struct period_mip_result *res, int n_learners, int n_blocks);

#endif
