/*
 * check_faults.c - GLPK failing inside a model is an internal error, never
 * "no schedule found, try a longer --time-limit".
 *
 * This suite is linked with -Wl,--wrap=glp_simplex,--wrap=glp_intopt (see
 * the Makefile): while `glpk_fails` is set, both return GLP_EFAIL, as GLPK
 * does on a singular basis or a numerical failure.
 */
#include <check.h>
#include <glpk.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/solution.h"
#include "models/model.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

static bool glpk_fails;

int __real_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __real_glp_intopt(glp_prob *P, const glp_iocp *parm);
int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm);

int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm)
{
	return glpk_fails ? GLP_EFAIL : __real_glp_simplex(P, parm);
}

int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm)
{
	return glpk_fails ? GLP_EFAIL : __real_glp_intopt(P, parm);
}

/*
 * One block, twelve learners who need G (groups of up to 6), two
 * facilitators and two rooms of 6, labs of at most 5: only two sessions of
 * G seat everyone.  The period model's greedy opens one session and then
 * finds the labs too small, so the block's plan must come from GLPK.
 */
static struct problem *needs_glpk(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G", 1, 6, 1);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_level(tb, f1, g, LEVEL_ABLE);
	tb_level(tb, f2, g, LEVEL_ABLE);
	tb_room(tb, "R1", 6, NULL);
	tb_room(tb, "R2", 6, NULL);
	for (int i = 0; i < 12; i++) {
		char id[16];
		snprintf(id, sizeof(id), "L%02d", i);
		tb_need(tb, tb_learner(tb, id), g, 3, 1);
	}
	tb_model(tb, MODEL_WORKSHOP);
	struct problem *p = tb_finish(tb);
	p->config.lab_max_group = 5;
	return p;
}

static int solve(const struct problem *p, struct solution *s)
{
	struct solve_options o = { .time_limit = 10, .gap = 1e-6, .seed = 1 };
	solution_init(s, p);
	return model_solve(p, &o, s);
}

/* The control: with GLPK working, the two sessions. */
START_TEST(glpk_plans_the_block)
{
	struct problem *p = needs_glpk();
	struct solution s;
	ck_assert_int_eq(solve(p, &s), 0);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	ck_assert_uint_eq(s.n_sessions, 2);
	ts_free(p, &s);
}
END_TEST

START_TEST(glpk_failure_is_an_internal_error)
{
	struct problem *p = needs_glpk();
	struct solution s;
	glpk_fails = true;
	int rc = solve(p, &s);
	glpk_fails = false;
	ck_assert_int_eq(rc, -1);
	ts_free(p, &s);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("faults");
	TCase *tc = tcase_create("glpk");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, glpk_plans_the_block);
	tcase_add_test(tc, glpk_failure_is_an_internal_error);
	suite_add_tcase(su, tc);
	return run_suite(su);
}
