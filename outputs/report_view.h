/*
 * report_view.h - what report.html shows, worked out once from the problem,
 * the schedule and its metrics, for the files that write the page
 * (report.c: summary, charts, unmet list; report_people.c: grids and
 * timetables).  Private to outputs/report*.c.
 *
 * Every number is the one the CSV files get: need-sessions counted as in
 * metrics.c, facilitated sessions from the objective's tally, unmet rows and
 * reasons from the row set (rowset.h) that unmet.csv is written from.
 */
#ifndef MCL_REPORT_VIEW_H
#define MCL_REPORT_VIEW_H

#include <stdio.h>

#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

struct report_view {
	const struct problem *p;
	const struct solution *s;
	const struct metrics *m;
	int n_slots;            /* most scheduled blocks in one day */
	int *cell;              /* [n_days * n_slots]: block at (day, slot), -1 */
	int *facilitated;       /* [n_learners]: workshop sessions + seminar meetings */
	long *wanted, *met;     /* [n_learners]: need-sessions of ready needs */
	const struct rowset_unmet *unmet;   /* the row set's, unmet.csv's rows */
	int n_unmet;
	const int *unmet_start; /* [n_learners + 1]: learner l's rows */
};

/* Works the view out; the view borrows p, s, m and rs (which must outlive
 * it). */
void report_view_init(struct report_view *v, const struct problem *p, const struct solution *s,
		      const struct metrics *m, const struct rowset *rs);
void report_view_release(struct report_view *v);

/* The block at day d, slot k (0-based, time order within the day), or -1. */
static inline int report_view_cell(const struct report_view *v, int d, int k)
{
	return v->cell[d * v->n_slots + k];
}

/* Names people read: the name when given, else the id. */
const char *report_learner_name(const struct problem *p, int l);
const char *report_facilitator_name(const struct problem *p, int f);
const char *report_room_name(const struct problem *p, int r);
const char *report_goal_title(const struct problem *p, int g);
const char *report_seminar_title(const struct problem *p, int k);

/* An unmet.csv reason word as a short phrase for lists ("no room fits"),
 * and as the sentence that explains it. */
const char *report_reason_short(const char *reason);
const char *report_reason_words(const char *reason);

/* Writes block b's day and time ("Mon 08:30-09:30"). */
void report_when(FILE *f, const struct problem *p, int b);

/* The sections report_people.c writes: a grid (days x blocks) per
 * facilitator and per room; a page per learning coach; the search box and a
 * timetable per learner, one printed page each. */
void report_write_grids(FILE *f, const struct report_view *v);
void report_write_coaches(FILE *f, const struct report_view *v);
void report_write_learners(FILE *f, const struct report_view *v);

/* A replan's "What changed" section (report_changes.c): changes.csv's rows
 * (changes_each) per block, in words; nothing when p->previous is NULL. */
void report_write_changes(FILE *f, const struct problem *p, const struct rowset *rs);

/* The Advice section (report_advice.c), from rs->advice; the caller writes
 * it only when rs->n_advice > 0. */
void report_write_advice(FILE *f, const struct rowset *rs);

#endif
