/*
 * readback.h - the schedule files output.c has just written, read back with
 * every id resolved, for the exports (schedule.xlsx, oneroster/).
 *
 * The exports are views of sessions.csv, timetable.csv, unmet.csv and
 * summary.csv with names, titles and times added: reading those files back
 * makes every row of a view agree with them by construction (the same
 * session numbers, the same lab credit, the same unmet reasons) without a
 * second copy of the rules that produced them.
 */
#ifndef MCL_READBACK_H
#define MCL_READBACK_H

#include <time.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/solution.h"

struct rb_session {
	char *id;                   /* S0001, ... */
	char *section;              /* section_id */
	int section_first;          /* index of the section's first session */
	int section_next;           /* the section's next session, -1 after its last */
	enum session_kind kind;
	int offering;               /* goal (workshop) or seminar index; -1 for a lab */
	int block, room, facilitator;
	int size;
};

/* One timetable.csv row: a learner in a block. */
struct rb_slot {
	int learner, block;
	int session;                /* index into sessions, -1 when none */
	int goal;                   /* goal worked on (workshop, or the lab's credit), -1 */
	int seminar;                /* seminar attended, -1 */
};

/* One unmet.csv row. */
struct rb_unmet {
	int learner;
	bool choice;                /* kind = choice (a seminar), else a need (a goal) */
	int offering;               /* goal or seminar index */
	int priority, wanted, scheduled;
	char *reason;
};

struct rb_metric {
	char *name, *value;
};

struct readback {
	struct rb_session *sessions;
	int n_sessions;
	struct rb_slot *slots;      /* in file order: by learner, then block */
	int n_slots;
	struct rb_unmet *unmet;
	int n_unmet;
	struct rb_metric *metrics;
	int n_metrics;
};

/*
 * Reads the four schedule files from dir (written by output.c for p) into
 * rb.  Returns 0, or -1 with the reason in d (a file missing or a row that
 * does not resolve: an internal error, since output.c wrote them from p).
 * rb is released either way on failure; on success the caller releases it.
 */
int readback_read(struct readback *rb, const struct problem *p, const char *dir,
		  struct diag *d);

void readback_release(struct readback *rb);

/* The value of summary metric name, "" when absent. */
const char *readback_metric(const struct readback *rb, const char *name);

/* What people call a thing: its name (or title) when given, else its id. */
const char *readback_label(const char *name, const char *id);

/* The title of what session s runs: the goal's or seminar's title (its id
 * when untitled), "Lab" for a lab. */
const char *readback_session_title(const struct problem *p, const struct rb_session *s);

/* What the exports date themselves with: SOURCE_DATE_EPOCH when set to a
 * number (reproducible output), else the current time. */
time_t readback_export_time(void);

#endif
