/*
 * verify.h - an independent re-check of a written schedule.
 */
#ifndef MCL_VERIFY_H
#define MCL_VERIFY_H

#include <stdio.h>

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Re-reads the CSVs in out_dir and checks every hard rule of the data
 * contract against p, then recomputes the objective and the summary metrics
 * and compares them with summary.csv.  Prints each violation, one a line, to
 * out.  Returns the number of violations, or -1 when the output files cannot
 * be read at all (the reason recorded in d).
 */
int verify_schedule(const struct problem *p, const char *out_dir, FILE *out, struct diag *d);

#endif
