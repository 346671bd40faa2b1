/*
 * rowset.h - the schedule's rows, collected once: sessions, timetable rows
 * with what each learner works on, unmet rows with their reasons, and the
 * summary metrics.  Every output renders from one row set (Git's
 * wt_status_collect): sessions.csv, timetable.csv, unmet.csv and
 * summary.csv (output.c), report.html (report*.c), schedule.xlsx
 * (xlsx_out.c) and oneroster/ (oneroster.c); nothing re-reads a file the
 * same run wrote.  compare reads an output directory back through
 * rowset_read (rowset_read.c) into the same structure, and a round-trip
 * test holds the writer and the reader to each other (tests/check_output.c).
 *
 * Every row carries the ids as the CSV files write them (owned strings) and,
 * when the row set belongs to a problem, the indexes those ids resolve to
 * (-1 when read without a problem, or for an empty cell).
 */
#ifndef MCL_ROWSET_H
#define MCL_ROWSET_H

#include <stdbool.h>
#include <time.h>

#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"

/* How the run was made, for summary.csv's provenance rows: the settings in
 * force after command-line flags overrode scenario.conf. */
struct run_info {
	const char *version;        /* mclsched's version string */
	int seed;
	double time_limit;          /* seconds */
	double gap_limit;           /* relative gap the search stops at */
};

/* One sessions.csv row, in canonical order (block, kind, offering, room,
 * facilitator: the same schedule always gives the same rows). */
struct rowset_session {
	char *id;                   /* S0001, ... */
	char *section;              /* section_id */
	int section_first;          /* index of the section's first session */
	int section_next;           /* the section's next session, -1 after its last */
	enum session_kind kind;
	char *offering_id;          /* goal or seminar id, "" for a lab */
	char *block_id, *room_id, *facilitator_id;
	int size;
	int offering;               /* goal (workshop) or seminar index; -1 for a lab */
	int block, room, facilitator;
};

/* One timetable.csv row: a learner in a scheduled block where they are
 * available; by learner, then block. */
struct rowset_slot {
	char *learner_id, *block_id;
	int session;                /* index into sessions, -1 when none */
	char *offering_id;          /* what the learner works on, "" for nothing */
	int learner, block;
	int goal;                   /* goal worked on (workshop, or the lab's credit), -1 */
	int seminar;                /* seminar attended, -1 */
};

/* One unmet.csv row: a need short of its sessions, or a seminar choice not
 * granted; by learner, then needs in need order, then choices by rank. */
struct rowset_unmet {
	char *learner_id;
	bool choice;                /* kind = choice (a seminar), else a need (a goal) */
	char *offering_id;
	int priority;               /* need priority, or the choice's rank */
	int wanted, scheduled;
	char *reason;               /* unmet.csv's reason word */
	int learner, offering;      /* learner; goal or seminar index */
};

/* One summary.csv row.  text: written with the spreadsheet guard (names,
 * versions); numbers and words of our own are written as they are. */
struct rowset_metric {
	char *name, *value;
	bool text;
};

/* One advice.csv row (`mclsched advise`, docs/outputs.md): rank 0 the
 * school unchanged (the schedule before, then the baseline re-solve), then
 * the changes, re-solved ones first by verified gain. */
struct rowset_advice {
	int rank;
	char *change, *edit, *note;     /* owned; edit "" for rank 0 */
	bool has_expected, has_verified, has_kpis;
	double expected;                /* the estimate */
	double verified;                /* objective after - baseline */
	double objective, need_scheduled, need_pct, complete_pct, first_choice_pct, left_out;
	int estimate_rank;              /* 1 = highest expected gain; 0 for rank 0 */
};

void rowset_advice_release(struct rowset_advice *a, int n);

struct rowset {
	bool schedule;              /* a schedule was found: the rows below exist */
	struct rowset_session *sessions;
	int n_sessions;
	int id_width;               /* digits in a session id (S0001: 4) */
	struct rowset_slot *slots;
	int n_slots;
	struct rowset_unmet *unmet;
	int n_unmet;
	int *unmet_start;           /* built only: [n_learners + 1], learner l's rows */
	struct rowset_metric *metrics;
	int n_metrics;
	long status_line;           /* read only: summary.csv's line of `status` */
	/* advice.csv's rows, when advise ran on this schedule (solve --advise;
	 * outputs/advice_out.h); borrowed, not released with the rest; NULL
	 * else (rowset_build and rowset_read leave it so) */
	const struct rowset_advice *advice;
	int n_advice;
};

/*
 * Collects the rows of s for p: sessions (sizes recounted from the attend
 * table), timetable rows, unmet rows with the first reason that applies
 * (docs/outputs.md), and the summary metrics from m and run (inputs_sha256
 * from the scenario files in p->dir).  Without a schedule only the metrics.
 * Returns 0, or -1 with an internal error in d (a session whose recorded
 * size disagrees with its attendance: a model bug); rs is empty then.
 */
int rowset_build(struct rowset *rs, const struct problem *p, const struct solution *s,
		 const struct metrics *m, const struct run_info *run, struct diag *d);

/*
 * Reads the output directory dir (sessions.csv, timetable.csv, unmet.csv,
 * summary.csv; spreadsheet guard undone) into rs.  With p, every id is
 * resolved against it (an id that does not resolve is an error); without,
 * the indexes stay -1.  Every problem goes to d as "DIR/FILE:LINE: message"
 * (a file missing or malformed, an unknown kind or session, a need row whose
 * numbers do not fit, a metric twice, no status row, a status without a
 * schedule), at most ten a file.  Returns 0, or -1 with rs released.
 */
int rowset_read(struct rowset *rs, const char *dir, const struct problem *p, struct diag *d);

void rowset_release(struct rowset *rs);

/* NULL when a and b hold the same rows (ids, numbers, reasons, metrics),
 * else a message naming the first difference (static storage). */
const char *rowset_diff(const struct rowset *a, const struct rowset *b);

/* The value of summary metric name, or NULL when absent. */
const char *rowset_metric(const struct rowset *rs, const char *name);

/* What people call a thing: its name (or title) when given, else its id. */
const char *rowset_label(const char *name, const char *id);

/* The title of what session s runs: the goal's or seminar's title (its id
 * when untitled), "Lab" for a lab.  s must be resolved against p. */
const char *rowset_session_title(const struct problem *p, const struct rowset_session *s);

/* What the exports date themselves with: SOURCE_DATE_EPOCH when set to a
 * number (reproducible output), else the current time. */
time_t rowset_export_time(void);

#endif
