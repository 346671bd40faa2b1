/*
 * verify_rules.h - the state the parts of `verify` share (internal to
 * outputs/verify*.c): the session rows as verify re-read them and the
 * verifier's own tables.  Nothing here comes from the solver: see verify.c.
 * The rules are checked in groups, in this order: the sessions' rows
 * (verify_sessions.c: rules 2, 3, 4, 7), the learners' rows
 * (verify_learners.c: rules 1, 5, 6, 8 and sizes), locks (verify_locks.c)
 * and summary.csv's numbers (verify_summary.c).
 */
#ifndef MCL_VERIFY_RULES_H
#define MCL_VERIFY_RULES_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/problem.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/csv_table.h"

struct vsession {
	char *id;
	long line;
	int kind;           /* enum session_kind, -1 when the row is unusable */
	int offering, block, room, facilitator, size, section;
	int counted;        /* timetable rows naming it */
};

struct verifier {
	const struct problem *p;
	FILE *out;
	int violations;
	struct vsession *s;
	int n;
	int *sorted;        /* session indexes sorted by id */
	bool unusable;      /* some session row could not be resolved */
	int *tt_row;        /* [n_learners * n_blocks]: timetable row, -1 none */
	bool *mastered;     /* [n_learners * n_goals], verify's own (verify_mastery.h) */
	bool progress_known;        /* progress.csv gave a score */
	bool *taken;        /* [n_learners * n_seminars]: history.csv, re-read */
	bool *ready;        /* [n_needs]: verify_need_ready, never the loader's flag */
	bool replan;        /* OUT_DIR holds changes.csv: a replan's schedule */
	int after;          /* a replan's last block that happened (summary.csv
			     * replan_after), -1: none */
};

/* Prints "FILE:LINE: message" (FILE: when line is 0) and counts it. */
void verify_violation(struct verifier *v, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);
/* summary.csv's value of metric name (its row's line in *line), or NULL. */
const char *verify_summary_value(const struct csv_table *t, const char *name, long *line);
/* The goal's, the seminar's id, or "lab". */
const char *verify_offering_name(const struct problem *p, const struct vsession *s);

/* verify_changes.c: a replan's changes.csv (v->replan), after
 * verify_read_timetable: each row a learner-block of timetable.csv after
 * replan_after, once, with the session and offering it has there;
 * summary.csv's learner_blocks_changed its row count.  -1 when changes.csv
 * cannot be read (the errors in d, and a violation). */
int verify_check_changes(struct verifier *v, const char *out_dir, const struct csv_table *tt,
			 const struct csv_table *tm, struct diag *d);

/* verify_sessions.c: sessions.csv */
/* Reads the rows of sessions.csv into v->s; rules 2, 3, 4 and 7 on each row. */
void verify_read_sessions(struct verifier *v, const struct csv_table *t);
/* The session index of id, or -1. */
int verify_find_session(const struct verifier *v, const char *id);
/* Rules 3 and 4 across rows: one session per facilitator and per room in a
 * block, max_sessions over the cycle. */
void verify_check_resources(struct verifier *v);

/* verify_learners.c: timetable.csv */
/* Rule 1 from the timetable rows; fills sol->attend and row_of (the line of
 * each learner's row per block, 0 when none). */
void verify_read_timetable(struct verifier *v, const struct csv_table *t, struct solution *sol,
			   long *row_of);
void verify_check_sizes(struct verifier *v, const struct solution *sol);
void verify_check_learners(struct verifier *v, const struct solution *sol, const long *row_of);
void verify_check_offerings(struct verifier *v, const struct csv_table *t,
			    const struct solution *sol, const long *row_of);

/* verify_summary.c: summary.csv */
/* Recomputes the objective and metrics and compares them with summary.csv;
 * checks the bound and the gap formula. */
void verify_check_summary(struct verifier *v, const struct csv_table *t,
			  const struct solution *sol);

#endif
