/*
 * solving.c - what the suites that solve share (see solving.h).
 */
#include "solving.h"

#include <check.h>

#include "engine/problem.h"
#include "engine/util.h"
#include "models/glpk_run.h"

static int quiet_hook(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1;
}

void ts_quiet_glpk(void)
{
	glp_term_hook(quiet_hook, NULL);
}

int ts_draw(unsigned *x, int n)
{
	*x = *x * 1103515245u + 12345u;
	return (int)((*x >> 16) % (unsigned)n);
}

double ts_exact_optimum(glp_prob *P)
{
	struct mip_params mp = { .seconds = 3600, .gap = 0 };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	glp_delete_prob(P);
	ck_assert_int_eq(mr.outcome, MIP_OPTIMAL);
	return mr.objective;
}

int ts_add_session(struct solution *s, enum session_kind kind, int offering, int block,
		   int room, int facilitator)
{
	struct session ss = { kind, offering, block, room, facilitator, 0, 0 };
	return solution_add_session(s, &ss);
}

const struct session *ts_attended(const struct solution *s, int l, int b)
{
	int si = solution_attend_at(s, l, b);
	ck_assert_int_ge(si, 0);
	return &s->sessions[si];
}

void ts_previous_two_sessions(struct problem *p, int tue, int g0, int g1)
{
	struct previous *pv = xcalloc(1, sizeof(*pv));
	pv->after = 0;
	pv->n_sessions = 2;
	pv->sessions = xcalloc(2, sizeof(*pv->sessions));
	pv->sessions[0] = (struct prev_session){ .kind = LOCK_GOAL, .offering = g0, .block = tue,
						 .room = 0, .facilitator = 0, .section = 0 };
	pv->sessions[1] = (struct prev_session){ .kind = LOCK_GOAL, .offering = g1, .block = tue,
						 .room = 1, .facilitator = 1, .section = 1 };
	pv->attend = xmalloc(sizeof(int) * 8);
	pv->works_on = xmalloc(sizeof(int) * 8);
	for (int l = 0; l < 4; l++) {
		pv->attend[l * 2] = pv->works_on[l * 2] = -1;
		pv->attend[l * 2 + 1] = l < 2 ? 0 : 1;
		pv->works_on[l * 2 + 1] = l < 2 ? g0 : g1;
	}
	p->previous = pv;
}

void ts_free(struct problem *p, struct solution *s)
{
	solution_release(s);
	problem_free(p);
}
