/*
 * output.h - writes a solved cycle to its output directory, atomically.
 */
#ifndef MCL_OUTPUT_H
#define MCL_OUTPUT_H

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/solution.h"

/*
 * Writes sessions.csv, timetable.csv, unmet.csv and summary.csv (or, when
 * s->status says no schedule was found, summary.csv and diagnosis.txt) into a
 * temporary directory beside out_dir and renames it into place.  An existing
 * out_dir is replaced only once the new one is complete.  Returns 0, or -1
 * with the reason recorded in d.
 */
int output_write(const struct problem *p, const struct solution *s, const char *out_dir,
		 struct diag *d);

#endif
