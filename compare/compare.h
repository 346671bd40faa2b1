/*
 * compare.h - scenario runs of one school side by side, for principals
 * (`mclsched compare`): the summary metrics with the best run marked, who
 * gains or loses need-sessions against the first run, whose facilitator
 * loads change, which run settings differ.  The views (text table,
 * compare.csv, compare.html) are in compare_view.h.
 */
#ifndef MCL_COMPARE_H
#define MCL_COMPARE_H

#include <stdbool.h>

#include "compare/compare_run.h"

/* Need priorities: 1-5, and 0 for a need no run's unmet.csv lists (met in
 * full in every run that schedules it; the output files do not say its
 * priority). */
#define COMPARE_PRIORITIES 6
/* Index of the totals in compare.gain/lose rows (all priorities). */
#define COMPARE_TOTAL COMPARE_PRIORITIES

/* Which value of a metric is better, if any. */
enum compare_better { BETTER_NONE, BETTER_HIGHER, BETTER_LOWER };

/* What compare knows about a summary metric (an unknown one: shown, not
 * ranked, and labelled with its name). */
struct compare_kpi {
	const char *name;
	const char *label;          /* plain language */
	enum compare_better better;
	bool setting;               /* provenance: how the run was made */
};

/* One metric row: a value per run (NULL: that run has none). */
struct compare_row {
	const char *name;
	const struct compare_kpi *kpi;
	const char **values;        /* [n_runs], pointing into the runs */
	bool *best;                 /* [n_runs]: the best value (ties all marked) */
	bool differs;               /* the runs do not all have the same value */
};

/* One learner's change between the first run and another. */
struct compare_change {
	int learner;                /* index into compare.learners */
	long delta[COMPARE_PRIORITIES + 1];  /* per priority, then the total */
	long moved;                 /* sum of |delta[p]| over the priorities */
};

struct compare {
	int n_runs;
	const struct compare_run *runs;     /* not owned */

	int n_rows;
	struct compare_row *rows;   /* summary.csv metrics, the first run's order */

	/* Learners of any run (sorted ids, pointing into the runs) and their
	 * need-sessions: sessions[(l * n_runs + r) * COMPARE_PRIORITIES + p],
	 * -1 when run r does not hold learner l. */
	int n_learners;
	const char **learners;
	long *sessions;
	/* need-sessions of all learners of run r: totals[r * (COMPARE_PRIORITIES
	 * + 1) + p], p a priority or COMPARE_TOTAL */
	long *totals;

	/* Against the first run, for each run k >= 1 (index k; row 0 unused):
	 * learners of both runs with more (gain) or fewer (lose) need-sessions,
	 * per priority, and at [COMPARE_TOTAL] in all; learners only in one. */
	int (*gain)[COMPARE_PRIORITIES + 1];
	int (*lose)[COMPARE_PRIORITIES + 1];
	int *only_first, *only_other;
	/* the learners of both runs whose need-sessions change, most first */
	struct compare_change **changes;
	int *n_changes;

	/* Facilitators leading a session in any run (sorted ids) and their
	 * sessions per run: load[f * n_runs + r] (0 when none). */
	int n_facilitators;
	const char **facilitators;
	int *load;
	int n_load_changes;         /* facilitators whose load is not the same in every run */

	/* Moves against the first run, for each run k >= 1 (index k; 0
	 * unused): learner-blocks of run 1's timetable, of learners in both
	 * runs, whose place (compare_cell: the session's kind, offering,
	 * facilitator and room) differs in run k (moved, of cells), and the
	 * learners with one at least.  moves: every timetable row of run 1
	 * (index into runs[0].cells) whose place differs in some run. */
	long *moved, *cells;
	int *moved_learners;
	int *moves, n_moves;
};

/* The metric compare knows by name, or NULL. */
const struct compare_kpi *compare_kpi_find(const char *name);

/*
 * NULL when runs a and b hold the same learners (timetable.csv and
 * unmet.csv learner ids, and summary.csv's learners), else a message
 * saying how they differ: the counts and the first few ids only in either
 * (a new string; the caller frees it).
 */
char *compare_school_mismatch(const struct compare_run *a, const struct compare_run *b);

/* Builds the comparison of runs[0..n_runs) (n_runs >= 2; the runs must
 * outlive c).  Need-sessions are counted as docs/outputs.md describes. */
void compare_build(struct compare *c, const struct compare_run *runs, int n_runs);

void compare_release(struct compare *c);

/* Learner l's need-sessions of priority p (COMPARE_TOTAL: all) in run r,
 * or -1 when the run does not hold the learner. */
long compare_sessions(const struct compare *c, int l, int r, int p);

#endif
