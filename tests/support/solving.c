/*
 * solving.c - what the suites that solve share (see solving.h).
 */
#include "solving.h"

#include <check.h>

#include "engine/problem.h"
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

void ts_free(struct problem *p, struct solution *s)
{
	solution_release(s);
	problem_free(p);
}
