/*
 * output.h - writes a solved cycle to its output directory, atomically.
 */
#ifndef MCL_OUTPUT_H
#define MCL_OUTPUT_H

#include <signal.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

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
 * diagnosis.txt and a report.html saying so), all rendered from one row set
 * collected once (rowset.h), into a temporary directory beside out_dir and renames it into place.  An existing
 * out_dir is replaced only once the new one is complete.  run gives the
 * provenance rows; NULL takes seed, time_limit and gap from p's config and
 * an empty version.  summary.csv's inputs_sha256 is computed from the
 * scenario files in p->dir.  With a schedule, schedule.xlsx and oneroster/
 * follow summary.csv (xlsx_out.h, oneroster.h).  Returns 0, or -1 with the
 * reason recorded in d.
 */
int output_write(const struct problem *p, const struct solution *s, const struct run_info *run,
		 const char *out_dir, struct diag *d);

/*
 * The seconds output_write is expected to take for a schedule of p: most
 * of it is schedule.xlsx and report.html, in proportion to the
 * learner-blocks (bench/TUNING.md).  A solve leaves it of its time limit.
 */
double output_write_seconds(const struct problem *p);

/*
 * Writes the CSV files of rs into the existing directory dir: sessions.csv,
 * timetable.csv, unmet.csv and summary.csv (summary.csv alone without a
 * schedule), every text cell spreadsheet-safe (csv_out.h).  Each file is
 * flushed to disk.  rowset_read reads them back into the same rows.
 * Returns 0, or -1 with the reason in d.
 */
int output_write_csv(const struct rowset *rs, const char *dir, struct diag *d);

#endif
