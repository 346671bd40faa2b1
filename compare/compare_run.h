/*
 * compare_run.h - one output directory of `mclsched solve`, read back for
 * `mclsched compare`: its summary metrics, its learners, the need-sessions
 * each learner got of each goal, and the sessions each facilitator leads.
 *
 * Only the output files are read (summary.csv, sessions.csv, timetable.csv,
 * unmet.csv, through rowset_read: the one reader of them), never the
 * scenario: a principal compares runs whose scenario
 * directories may have moved or changed since.
 */
#ifndef MCL_COMPARE_RUN_H
#define MCL_COMPARE_RUN_H

#include <stdbool.h>

#include "engine/diag.h"

/* One row of summary.csv, the text as it stood for (spreadsheet guard
 * undone). */
struct compare_metric {
	char *name;
	char *value;
};

/*
 * One (learner, goal) of the run: the timetable rows in which the learner
 * works on the goal in a workshop session or a lab, and the goal's unmet.csv
 * row (kind need), when there is one.
 */
struct compare_need {
	char *learner;
	char *goal;
	int rows;                   /* timetable rows on the goal (workshop or lab) */
	bool unmet;                 /* unmet.csv lists it; then: */
	int priority;               /*   its priority, 1-5 */
	int wanted;                 /*   its wanted sessions */
	int scheduled;              /*   its scheduled sessions */
};

/* Sessions (workshops, seminar meetings, labs) a facilitator leads. */
struct compare_load {
	char *facilitator;
	int sessions;
};

/* A timetable.csv row: where a learner is in a block, as words ("lab, F003,
 * R011", "workshop MA-03, F001, R005"; "" for no place), so that runs whose
 * session ids differ compare by what the learner is in. */
struct compare_cell {
	char *learner, *block, *place;
};

struct compare_run {
	char *dir;                  /* the OUT_DIR as given */
	struct compare_metric *metrics;     /* summary.csv order */
	int n_metrics;
	char **learners;            /* distinct learner ids, sorted (strcmp) */
	int n_learners;
	struct compare_need *needs; /* sorted by learner, then goal */
	int n_needs;
	struct compare_load *loads; /* sorted by facilitator id */
	int n_loads;
	struct compare_cell *cells; /* sorted by learner, then block id */
	int n_cells;
};

/*
 * Reads the output directory dir into r (which the caller releases, also
 * after a failure).  Returns 0, or -1 with every problem recorded in d as
 * "DIR/FILE:LINE: message": dir missing or not a directory, not an mclsched
 * output directory (no summary.csv, or one without a status row), a run
 * that found no schedule, a missing or malformed file, a row that does not
 * fit (an unknown session, a priority out of 1-5, ...).
 */
int compare_run_read(struct compare_run *r, const char *dir, struct diag *d);

void compare_run_release(struct compare_run *r);

/* The value of summary metric name, or NULL when the run has none. */
const char *compare_run_metric(const struct compare_run *r, const char *name);

/* The place of learner in block (compare_cell), or NULL when the run has
 * no timetable row for them there. */
const char *compare_run_place(const struct compare_run *r, const char *learner, const char *block);

/* Whether the run holds learner id (its timetable or unmet rows name it). */
bool compare_run_has_learner(const struct compare_run *r, const char *id);

#endif
