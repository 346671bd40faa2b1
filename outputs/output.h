/*
 * output.h - writes a solved cycle to its output directory, atomically.
 */
#ifndef MCL_OUTPUT_H
#define MCL_OUTPUT_H

#include <signal.h>

#include "engine/diag.h"
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

/*
 * Set by the program's signal handler (async-signal-safe flags): a second
 * SIGINT or SIGTERM while output_writing is set raises output_abort, and
 * output_write then removes its temporary directory and fails, leaving the
 * previous output directory as it was.  Outside a write, the handler may
 * simply exit: nothing of the output exists yet.
 */
extern volatile sig_atomic_t output_writing, output_abort;

/*
 * Writes sessions.csv, timetable.csv, unmet.csv, summary.csv and
 * report.html (or, when s->status says no schedule was found, summary.csv,
 * diagnosis.txt and a report.html saying so) into a
 * temporary directory beside out_dir and renames it into place.  An existing
 * out_dir is replaced only once the new one is complete.  run gives the
 * provenance rows; NULL takes seed, time_limit and gap from p's config and
 * an empty version.  summary.csv's inputs_sha256 is computed from the
 * scenario files in p->dir.  With a schedule, schedule.xlsx and oneroster/
 * follow summary.csv (xlsx_out.h, oneroster.h).  Returns 0, or -1 with the
 * reason recorded in d.
 */
int output_write(const struct problem *p, const struct solution *s, const struct run_info *run,
		 const char *out_dir, struct diag *d);

/* The session_id output_write gives the session of canonical rank rank
 * (0-based) when session ids have width digits. */
void output_session_id(char *buf, size_t len, int width, int rank);

#endif
