/*
 * output_unmet.h - why a need or a seminar choice stays unmet: the reasons
 * unmet.csv gives, shared with the other writers (report.html) so that every
 * output explains a shortfall the same way.  Defined in output.c.
 */
#ifndef MCL_OUTPUT_UNMET_H
#define MCL_OUTPUT_UNMET_H

#include <stdbool.h>

#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"

/* Why need q got fewer sessions than wanted (m->counted[q] < its sessions):
 * the first reason that applies, as unmet.csv's `reason` (docs/outputs.md).
 * taken is scratch space of p->n_blocks bools, owned by the caller. */
const char *output_need_reason(const struct problem *p, const struct solution *s,
			       const struct metrics *m, int q, bool *taken);

/* Whether learner l attends a meeting of seminar sem. */
bool output_enrolled_in(const struct problem *p, const struct solution *s, int l, int sem);

/* Why choice ch, whose seminar the learner is not enrolled in, stays unmet:
 * "ineligible", "limit" or "capacity"; enrollments is the number of seminars
 * the learner is enrolled in. */
const char *output_choice_reason(const struct problem *p, const struct choice *ch,
				 int enrollments);

#endif
