/*
 * oneroster.h - the schedule as OneRoster 1.1 CSV bulk files, for a student
 * information system.
 */
#ifndef MCL_ONEROSTER_H
#define MCL_ONEROSTER_H

#include <time.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "outputs/rowset.h"

/* The subdirectory of the output directory the files go in. */
#define ONEROSTER_DIR "oneroster"

/*
 * Creates dir/oneroster/ and writes manifest.csv, orgs.csv,
 * academicSessions.csv, courses.csv, classes.csv, users.csv and
 * enrollments.csv in it, from the rows of the schedule (rows, collected for
 * p by rowset_build; no file is read).  Headers are the OneRoster 1.1 CSV binding's; every
 * sourcedId a row refers to is defined in these files.  when dates the
 * cycle (its term starts on that day; docs/outputs.md).  Every file is
 * flushed to disk.  Returns 0, or -1 with the reason in d.
 */
int oneroster_write(const struct problem *p, const struct rowset *rows, const char *dir,
		    time_t when, struct diag *d);

#endif
