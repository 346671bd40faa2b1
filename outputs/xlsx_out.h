/*
 * xlsx_out.h - schedule.xlsx, the workbook for schedulers who live in
 * spreadsheets.
 */
#ifndef MCL_XLSX_OUT_H
#define MCL_XLSX_OUT_H

#include <time.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "outputs/rowset.h"

/*
 * Writes dir/schedule.xlsx from the rows of the schedule (rows, collected
 * for p by rowset_build; no file is read), with
 * the names, titles, days and times of p: a sheet per view (Learners,
 * Facilitators, Rooms, Sessions, Unmet, Summary), each with a frozen header
 * row, an autofilter and columns as wide as their content.  Text cells are
 * spreadsheet-safe (csv_out.h) and never formulas; counts are numbers,
 * times are time values.  created is the workbook's creation time (its
 * properties; fixed so that the same schedule gives the same bytes).  The
 * file is flushed to disk.  Returns 0, or -1 with the reason in d.
 */
int xlsx_out_write(const struct problem *p, const struct rowset *rows, const char *dir,
		   time_t created, struct diag *d);

#endif
