/*
 * report.h - report.html, the schedule for people: one self-contained page
 * (inline CSS, SVG and script; nothing fetched) with the summary and the
 * bound in words, charts, a grid per facilitator and per room, a page per
 * learning coach, the unmet list and a printable timetable per learner
 * (docs/outputs.md, "report.html").
 */
#ifndef MCL_REPORT_H
#define MCL_REPORT_H

#include <stdio.h>

#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

/*
 * Writes the whole page to f.  m is metrics_compute's for s, rs the rows
 * rowset_build collected from them (the unmet list and its reasons), run
 * the provenance summary.csv gets.  When s holds no schedule (infeasible, or
 * none found), the page says so and shows the diagnosis.  Every value from
 * the inputs is HTML-escaped.  Write errors show in ferror(f).
 */
void report_write(FILE *f, const struct problem *p, const struct solution *s,
		  const struct metrics *m, const struct rowset *rs, const struct run_info *run);

#endif
