/*
 * check_terms.c - every term of the objective (engine/objective.h's
 * objective_terms), alone, against the formulations that restate it: the
 * simple bound and the bound LP (models/bound_simple.c, models/bound_lp.c),
 * the exact cycle MIP (models/cycle_mip.c) and verify's recount.
 *
 * On small schools, with every term but one turned off by the terms' own
 * knobs, the model's schedule must score no more than the exact optimum,
 * which must be no more than each bound, and verify must accept the
 * written schedule (its recount equals the objective).  With every term
 * off, all of them must be 0.  A term added to the objective and not to
 * the bounds or the exact model, or to a formulation and not to the table,
 * fails here.
 */
#include <check.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/diag.h"
#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "outputs/output.h"
#include "outputs/verify.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

/* Two days, each a workshop block and a seminar block; four facilitated
 * goals and an online one; three seminars; 8 to 10 learners with three
 * needs each (the first of priority 1) and two or three choices. */
static struct problem *school(unsigned seed)
{
	unsigned x = seed * 2654435761u + 11;
#define RND(n) ts_draw(&x, (n))
	struct builder *tb = tb_new();
	const char *days[2] = { "Mon", "Tue" };
	for (int d = 0; d < 2; d++) {
		char id[16];
		snprintf(id, sizeof(id), "W%d", d);
		tb_block_day(tb, tb_block(tb, id, BLOCK_WORKSHOP), days[d]);
		snprintf(id, sizeof(id), "S%d", d);
		tb_block_day(tb, tb_block(tb, id, BLOCK_SEMINAR), days[d]);
	}
	for (int g = 0; g < 5; g++) {
		char id[16];
		snprintf(id, sizeof(id), "G%d", g);
		int gi = tb_goal(tb, id, 1 + RND(2), 3 + RND(3), 1 + RND(2));
		if (g == 4)
			tb_goal_online(tb, gi);
	}
	for (int s = 0; s < 3; s++) {
		char id[16];
		snprintf(id, sizeof(id), "M%d", s);
		tb_seminar(tb, id, 1 + RND(2), 1, 3 + RND(3));
	}
	for (int f = 0; f < 3; f++) {
		char id[16];
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
		for (int g = 0; g < 4; g++)
			if (RND(3))
				tb_level(tb, f, g, RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		for (int s = 0; s < 3; s++)
			if (RND(2))
				tb_seminar_level(tb, f, s, RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		snprintf(id, sizeof(id), "R%d", f);
		tb_room(tb, id, 6 + RND(4), NULL);
	}
	int n = 8 + RND(3);
	for (int l = 0; l < n; l++) {
		int li = tb_learner_numbered(tb, l);
		int first = RND(5);
		for (int k = 0; k < 3; k++)
			tb_need(tb, li, (first + k) % 5, k == 0 ? 1 : 2 + RND(4), 1 + RND(2));
		int s0 = RND(3), nc = 2 + RND(2);
		for (int k = 0; k < nc; k++)
			tb_choice(tb, li, (s0 + k) % 3, k + 1, true);
		if (RND(5) == 0)
			tb_learner_unavailable(tb, li, RND(4));
	}
	tb_model(tb, MODEL_COMBINATION);
#undef RND
	return tb_finish(tb);
}

/* The exact optimum of p's cycle (combination: every block). */
static double exact_optimum(const struct problem *p, const int *ws, const int *sem)
{
	return ts_exact_optimum(cycle_mip_build_full(p, ws, 2, sem, 2, NULL));
}

/* Solves p, writes the schedule, verifies it; returns the objective. */
static double solve_write_verify(const struct problem *p, double *bound)
{
	struct solve_options o = { .time_limit = 20, .gap = 1e-6, .seed = 1 };
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(model_solve(p, &o, &s), 0);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	double objective = s.objective;
	*bound = s.bound;
	char *dir = td_make();
	char *out = xasprintf("%s/out", dir);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, &s, NULL, out, &d), 0);
	FILE *sink = fopen("/dev/null", "w");
	ck_assert_int_eq(verify_schedule(p, out, sink, &d), 0);
	fclose(sink);
	diag_release(&d);
	solution_release(&s);
	free(out);
	td_remove(dir);
	return objective;
}

/* Term _i % (OBJECTIVE_TERMS + 1) alone (OBJECTIVE_TERMS: none), on school
 * _i / (OBJECTIVE_TERMS + 1). */
START_TEST(each_term_alone_against_bound_exact_and_verify)
{
	int only = _i % (OBJECTIVE_TERMS + 1);
	struct problem *p = school(1u + (unsigned)(_i / (OBJECTIVE_TERMS + 1)));
	for (int k = 0; k < OBJECTIVE_TERMS; k++)
		if (k != only)
			objective_terms[k].turn_off(p);
	const char *name = only < OBJECTIVE_TERMS ? objective_terms[only].name : "none";
	int ws[2] = { 0, 2 }, sem[2] = { 1, 3 };
	double best = exact_optimum(p, ws, sem);
	struct bound_lp_result merged, per_learner;
	bound_lp_cycle_with(p, ws, 2, sem, 2, false, 60, &merged);
	bound_lp_cycle_with(p, ws, 2, sem, 2, true, 60, &per_learner);
	ck_assert(merged.proven && per_learner.proven);
	double tol = 1e-6 * (1 + best);
	ck_assert_msg(merged.simple_bound >= best - tol, "%s: simple bound %.6f < optimum %.6f", name,
		      merged.simple_bound, best);
	ck_assert_msg(merged.lp_bound >= best - tol, "%s: LP bound %.6f < optimum %.6f", name,
		      merged.lp_bound, best);
	ck_assert_msg(per_learner.lp_bound >= best - tol, "%s: LP bound %.6f < optimum %.6f", name,
		      per_learner.lp_bound, best);
	double bound, objective = solve_write_verify(p, &bound);
	ck_assert_msg(objective <= best + tol, "%s: objective %.6f above the exact optimum %.6f",
		      name, objective, best);
	ck_assert_msg(bound >= best - tol, "%s: reported bound %.6f < optimum %.6f", name, bound, best);
	if (only == OBJECTIVE_TERMS) {
		/* nothing scores: no formulation has a term the table lacks */
		ck_assert_double_eq_tol(best, 0, 1e-9);
		ck_assert_double_eq_tol(merged.simple_bound, 0, 1e-9);
		ck_assert_double_eq_tol(merged.lp_bound, 0, 1e-6);
		ck_assert_double_eq_tol(objective, 0, 1e-9);
	} else {
		/* the school earns every term: the test is not empty */
		ck_assert_msg(best > 0, "%s: the school earns nothing of the term", name);
	}
	problem_free(p);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = getenv("MCL_TEST_VERBOSE") ? LOG_VERBOSE : LOG_QUIET;
	Suite *s = suite_create("terms");
	TCase *tc = tcase_create("terms");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, each_term_alone_against_bound_exact_and_verify, 0,
			    2 * (OBJECTIVE_TERMS + 1));
	suite_add_tcase(s, tc);
	return run_suite(s);
}
