/*
 * scenario.h - reads a scenario directory into a validated struct problem.
 */
#ifndef MCL_SCENARIO_H
#define MCL_SCENARIO_H

#include <stdio.h>

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Reads scenario.conf and every CSV in dir, validates them against the data
 * contract and returns the problem, or NULL when any error was recorded in d
 * (all errors found are recorded, not just the first).  Warnings are recorded
 * in d either way.  The caller frees the result with problem_free().
 */
struct problem *scenario_load(const char *dir, struct diag *d);

/* Prints the short census `mclsched check` shows on success. */
void scenario_census(const struct problem *p, FILE *out);

#endif
