/*
 * metrics.h - the contract's objective and summary metrics, computed from a
 * schedule alone.
 *
 * The objective is engine/objective.c's, over a tally of the schedule
 * (tally_add_solution); this module adds the counts and percentages of
 * summary.csv.  Used by the output writer (summary.csv, unmet.csv) and by
 * verify for the metrics it does not recount itself; it reads nothing of the
 * model's own bookkeeping.
 */
#ifndef MCL_METRICS_H
#define MCL_METRICS_H

#include <stdbool.h>

#include "engine/problem.h"
#include "engine/solution.h"

struct metrics {
	double objective;
	int learners, blocks, sessions, lab_sessions;
	long need_sessions_wanted;      /* over ready needs */
	long need_sessions_scheduled;   /* counted, capped at each need's sessions */
	double need_sessions_pct;
	double power_goal_pct;          /* of learners with a ready priority-1 need */
	double learners_complete_pct;   /* of learners with a ready need */
	double seminar_enrolled_pct;    /* of learners with a choice */
	double seminar_first_choice_pct;
	double avg_group_size;          /* workshop and seminar sessions */
	double facilitator_load_pct;    /* sessions led / sessions allowed */
	int needs_not_ready;
	/* Fairness (data contract v2), over learners who can be placed
	 * (problem_placeable): */
	int learners_left_out;          /* with no workshop session or seminar
					 * meeting in the whole cycle */
	double learner_days_covered_pct;/* of (learner, day) pairs where the
					 * learner is available in a scheduled
					 * block, those with such a session; 0
					 * when there is no such pair */
	int min_facilitated_sessions;   /* fewest workshop sessions + seminar
					 * meetings of any of them; 0 when no
					 * learner can be placed */
	int *counted;                   /* [n_needs]: sessions counted per need */
	int *attended;                  /* [n_needs]: sessions attended (labs: credited) */
};

/* Fills m from the schedule s (every field); release with metrics_release. */
void metrics_compute(const struct problem *p, const struct solution *s, struct metrics *m);
void metrics_release(struct metrics *m);

#endif
