/*
 * verify_lab.c - verify's own statement of lab crediting (data contract,
 * objective: a lab session counts toward at most one ready online need and
 * scores like a session of it; docs/model.md, "Lab credit").  Deliberately
 * restated rather than engine/problem.c's problem_lab_credit, and written
 * another way (a sorted list and two candidate credit lists), so that a
 * slip in the solver's rule shows up as a mismatch with timetable.csv and
 * summary.csv instead of agreeing with itself.
 */
#include "verify_lab.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

/* One ready online need in verify's lab-credit order: heavier value
 * first, then priority, then need order. */
struct credit_need {
	double value;
	int priority, q;
};

static int credit_cmp(const void *a, const void *b)
{
	const struct credit_need *x = a, *y = b;
	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority - y->priority;
	return x->q - y->q;
}

/* The needs learner l's n_labs lab sessions count toward, in block order,
 * into out[0..n_labs-1] (-1: none), credited the way that scores most
 * (data contract, objective; docs/model.md "Lab credit"): the heaviest
 * need-sessions, or, when l has no workshop session of a ready priority-1
 * need (pg false) and those include no priority-1 need, one session of the
 * heaviest priority-1 online need first and the heaviest of the rest, when
 * that with the power-goal weight scores more. */
void verify_lab_credits(const struct problem *p, int l, int n_labs, bool pg, int *out)
{
	int n = 0;
	struct credit_need *cn = xcalloc((size_t)(p->need_start[l + 1] - p->need_start[l]) + 1,
					 sizeof(*cn));
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && nd->sessions > 0 && p->goals[nd->goal].mode == GOAL_ONLINE)
			cn[n++] = (struct credit_need){ problem_need_weight(p, nd), nd->priority, q };
	}
	qsort(cn, (size_t)n, sizeof(*cn), credit_cmp);
	/* out as the plain order, and its value; then the alternative */
	double plain = 0, alt = 0;
	bool plain_p1 = false;
	int first_p1 = -1, k = 0;
	for (int i = 0; i < n; i++) {
		if (cn[i].priority == 1 && first_p1 < 0)
			first_p1 = i;
		for (int s = 0; s < p->needs[cn[i].q].sessions && k < n_labs; s++, k++) {
			out[k] = cn[i].q;
			plain += cn[i].value;
			plain_p1 |= cn[i].priority == 1;
		}
	}
	for (; k < n_labs; k++)
		out[k] = -1;
	if (pg || plain_p1 || first_p1 < 0 || n_labs == 0)
		goto out;
	int *alt_out = xmalloc(sizeof(int) * ((size_t)n_labs + 1));
	alt_out[0] = cn[first_p1].q;
	alt = cn[first_p1].value + p->config.w_power_goal;
	k = 1;
	for (int i = 0; i < n; i++) {
		int left = p->needs[cn[i].q].sessions - (i == first_p1);
		for (int s = 0; s < left && k < n_labs; s++, k++) {
			alt_out[k] = cn[i].q;
			alt += cn[i].value;
		}
	}
	for (; k < n_labs; k++)
		alt_out[k] = -1;
	if (alt > plain)
		memcpy(out, alt_out, sizeof(int) * (size_t)n_labs);
	free(alt_out);
out:
	free(cn);
}
