/*
 * advise.h - `mclsched advise`: which single change to a school would help
 * its schedule the most, estimated from the bound LP's prices and verified
 * by re-solving the changed scenario.
 */
#ifndef MCL_ADVISE_H
#define MCL_ADVISE_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

struct advise_options {
	const char *scenario_dir;
	const char *prev_out_dir;   /* the "before" schedule, or NULL: solve it */
	const char *out_dir;        /* where advice.csv goes (created if needed) */
	int top;                    /* candidates re-solved, highest estimate first */
	int jobs;                   /* re-solves run at once (1 or 2) */
	double time_limit;          /* > 0: overrides; else PREV_OUT_DIR's
				     * summary, else scenario.conf */
	int seed;                   /* >= 0: overrides; likewise */
	const char *version;        /* mclsched's, for the summaries written */
	double budget;              /* > 0: the whole run's time, in solve time
				     * limits; else ADVISE_BUDGET */
	/* solve --advise: the schedule just written to out_dir (of
	 * report_problem, with report_run), whose report.html is written again
	 * with the Advice section; NULL for `mclsched advise` */
	const struct problem *report_problem;
	const struct solution *report_schedule;
	const struct run_info *report_run;
};

/* advise's whole run, the "before" solve included, stays within this many
 * times the solve's time limit: a re-solve starts only when it can end in
 * time (those left are marked out of time). */
#define ADVISE_BUDGET 5.0

/* Exit codes advise_run returns (docs/cli.md): */
enum advise_status {
	ADVISE_OK = 0,
	ADVISE_INPUT = 2,           /* bad scenario or PREV_OUT_DIR (d says why) */
	ADVISE_NO_SCHEDULE = 3,     /* the scenario as it is has no schedule */
	ADVISE_INTERNAL = 4,
	ADVISE_STOPPED = 5,         /* mip_interrupted (a signal): nothing written */
};

/*
 * Finds the candidate changes (models/advise_candidates.h), re-solves the
 * top o->top of them with the same time limit and seed, each in a copy of
 * the scenario in a temporary directory and in a child process, verifies
 * every schedule, prints the ranked table on table (when not NULL) and
 * writes o->out_dir/advice.csv atomically, and with o->report_schedule
 * o->out_dir/report.html again with the Advice section (outputs/
 * advice_out.h).  Progress goes to the log (stderr).
 * Returns an enum advise_status; on failure nothing is written and d
 * holds the reason.
 */
int advise_run(const struct advise_options *o, FILE *table, struct diag *d);

#endif
