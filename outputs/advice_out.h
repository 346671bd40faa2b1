/*
 * advice_out.h - what `mclsched advise` writes from its rows
 * (struct rowset_advice): advice.csv, and with solve --advise report.html
 * again, rendered from the schedule's row set with the advice rows in it.
 */
#ifndef MCL_ADVICE_OUT_H
#define MCL_ADVICE_OUT_H

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "outputs/rowset.h"

/* Writes dir/advice.csv (docs/outputs.md) from rows a[0..n-1] through a
 * temporary file renamed over it, creating dir when missing.  Returns 0,
 * or -1 with the reason in d (nothing written). */
int advice_write_csv(const struct rowset_advice *a, int n, const char *dir, struct diag *d);

/* Writes dir/report.html again for schedule s of p (the one written to dir
 * with run), from the row set rowset_build collects, with the advice rows
 * in it (the Advice section, report_advice.c), through a temporary file
 * renamed over the old page.  Returns 0, or -1 with the reason in d. */
int advice_write_report(const struct problem *p, const struct solution *s,
			const struct run_info *run, const struct rowset_advice *a, int n,
			const char *dir, struct diag *d);

#endif
