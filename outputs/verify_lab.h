/*
 * verify_lab.h - verify's own lab-credit rule (see verify_lab.c).
 */
#ifndef MCL_VERIFY_LAB_H
#define MCL_VERIFY_LAB_H

#include <stdbool.h>

#include "engine/problem.h"

/* The needs learner l's n_labs lab sessions count toward, in block order,
 * into out[0..n_labs-1] (-1: none), credited the way that scores most: the
 * heaviest need-sessions (value, then priority, then need order), or, when
 * l has no workshop session of a ready priority-1 need (pg false) and those
 * include no priority-1 need, one session of the heaviest priority-1
 * online need first and the heaviest of the rest, when that with the
 * power-goal weight scores more. */
void verify_lab_credits(const struct problem *p, int l, int n_labs, bool pg, int *out);

#endif
