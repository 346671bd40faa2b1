/*
 * metrics.h - the contract's objective and summary metrics, computed from a
 * schedule alone.
 *
 * Used by the output writer (summary.csv, unmet.csv) and by verify, which
 * rebuilds a struct solution from the written files and recomputes them: it
 * reads nothing of the model's own bookkeeping.
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
	int *counted;                   /* [n_needs]: sessions counted per need */
	int *attended;                  /* [n_needs]: sessions attended (labs: credited) */
};

/* Whether the configured model schedules block b. */
bool metrics_block_scheduled(const struct problem *p, int b);

/* Fills m from the schedule s (every field); release with metrics_release. */
void metrics_compute(const struct problem *p, const struct solution *s, struct metrics *m);
void metrics_release(struct metrics *m);

#endif
