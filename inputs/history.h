/*
 * history.h - history.csv: the seminars each learner has already taken.
 *
 * Optional input (data contract, version 3): learner_id, seminar_id,
 * [cycle].  A seminar in a learner's history is not offered to them again,
 * and a `required` seminar not in it earns weights.required (the loader
 * sets struct choice's eligible and required_bonus from it).
 */
#ifndef MCL_HISTORY_H
#define MCL_HISTORY_H

#include <stdbool.h>

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Reads dir/history.csv against p's learners and seminars (loaded already).
 * Returns taken[l * n_seminars + s], true when learner l has taken seminar s
 * (all false when the file is absent); the caller frees it.  Unknown ids
 * and empty cells are errors at their FILE:LINE in d; a learner or seminar
 * id is not checked when check_learners / check_seminars is false (its own
 * file could not be read, and says so).  `cycle` is free text, kept for
 * the school's record and not read.
 */
bool *history_read(const struct problem *p, const char *dir, bool check_learners,
		   bool check_seminars, struct diag *d);

#endif
