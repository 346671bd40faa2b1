/*
 * check_combination.c - the combination model against the exact MIP of
 * small combination cycles, and the daily weight on a hand-made case.
 *
 * The exact MIP (cycle_mip_build_full: workshops, seminar sections, labs,
 * the shared max_sessions) solved to optimality by GLPK decides: the
 * model's schedule never claims more than the optimum, its bound never
 * falls below it, and the schedule passes verify as written.
 */
#include <check.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/diag.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "outputs/output.h"
#include "outputs/verify.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

/* Two days, each a workshop block then a seminar block; three goals (one
 * online), two seminars, three facilitators (one allowed 3 sessions),
 * three rooms, n learners with two needs and two choices each. */
static struct problem *small_combination(unsigned seed, int n)
{
	unsigned x = seed * 2654435761u + 7;
	struct builder *tb = tb_new();
	const char *ids[4] = { "Mon1", "Mon2", "Tue1", "Tue2" };
	for (int b = 0; b < 4; b++) {
		int bi = tb_block(tb, ids[b], b % 2 ? BLOCK_SEMINAR : BLOCK_WORKSHOP);
		tb_block_day(tb, bi, b < 2 ? "Mon" : "Tue");
	}
	int g[3];
	for (int i = 0; i < 3; i++) {
		char id[8];
		snprintf(id, sizeof(id), "G%d", i);
		g[i] = tb_goal(tb, id, 1 + ts_draw(&x, 2), 3 + ts_draw(&x, 3), 1 + ts_draw(&x, 2));
	}
	tb_goal_online(tb, g[2]);
	int s1 = tb_seminar(tb, "S1", 1, 2, 3 + ts_draw(&x, 3));
	int s2 = tb_seminar(tb, "S2", 2, 2, 3 + ts_draw(&x, 3));
	for (int f = 0; f < 3; f++) {
		char id[8];
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
		tb_level(tb, f, g[f % 2], ts_draw(&x, 2) ? LEVEL_GURU : LEVEL_ABLE);
		tb_seminar_level(tb, f, f % 2 ? s1 : s2, ts_draw(&x, 2) ? LEVEL_GURU : LEVEL_ABLE);
		snprintf(id, sizeof(id), "R%d", f);
		tb_room(tb, id, 5 + ts_draw(&x, 5), NULL);
	}
	tb_facilitator_max(tb, 0, 3);
	for (int l = 0; l < n; l++) {
		int li = tb_learner_numbered(tb, l);
		int first = ts_draw(&x, 3);
		tb_need(tb, li, g[first], 1, 1 + ts_draw(&x, 2));
		tb_need(tb, li, g[(first + 1) % 3], 2 + ts_draw(&x, 3), 1);
		int top = ts_draw(&x, 2);
		tb_choice(tb, li, top ? s1 : s2, 1, ts_draw(&x, 6) != 0);
		tb_choice(tb, li, top ? s2 : s1, 2, true);
		if (ts_draw(&x, 6) == 0)
			tb_learner_unavailable(tb, li, ts_draw(&x, 4));
	}
	tb_model(tb, MODEL_COMBINATION);
	return tb_finish(tb);
}

static double exact_optimum(const struct problem *p)
{
	int ws[2] = { 0, 2 }, sem[2] = { 1, 3 };
	return ts_exact_optimum(cycle_mip_build_full(p, ws, 2, sem, 2, NULL));
}

/* Writes sol and runs verify on it; returns the violations. */
static int written_and_verified(const struct problem *p, const struct solution *sol)
{
	char *dir = td_make();
	char *out = xasprintf("%s/out", dir);
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(output_write(p, sol, NULL, out, &d), 0);
	FILE *devnull = fopen("/dev/null", "w");
	int v = verify_schedule(p, out, devnull, &d);
	fclose(devnull);
	diag_release(&d);
	free(out);
	td_remove(dir);
	return v;
}

START_TEST(combination_is_honest_against_exact_mip)
{
	struct problem *p = small_combination((unsigned)_i + 1, 8);
	double best = exact_optimum(p);
	struct solve_options o = { .time_limit = 10, .gap = 1e-6, .seed = 1 };
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(combination_solve(p, &o, &s), 0);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	ck_assert_double_le_tol(s.objective, best, 1e-6);
	ck_assert_double_ge_tol(s.bound, best, 1e-6);
	ck_assert_int_eq(written_and_verified(p, &s), 0);
	ts_free(p, &s);
}
END_TEST

/* Two blocks on one day, one seat of goal A in each.  L1 wants two
 * sessions of A at priority 3 (35 each), L2 one at priority 4 (20).
 * Without the daily weight the best total gives L1 both (70) and leaves L2
 * out; with daily 40 a session each (35 + 20 + 2 x 40 = 135) beats it
 * (70 + 40 = 110). */
START_TEST(daily_weight_keeps_a_learner_in)
{
	for (int daily = 0; daily <= 1; daily++) {
		struct builder *tb = tb_new();
		tb_block(tb, "Mon1", BLOCK_WORKSHOP);
		tb_block(tb, "Mon2", BLOCK_WORKSHOP);
		int a = tb_goal(tb, "A", 1, 1, 1);
		int f1 = tb_facilitator(tb, "F1");
		tb_facilitator(tb, "F2");
		tb_level(tb, f1, a, LEVEL_ABLE);
		tb_room(tb, "R1", 10, NULL);
		tb_room(tb, "R2", 10, NULL);
		int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
		tb_need(tb, l1, a, 3, 2);
		tb_need(tb, l2, a, 4, 1);
		tb_model(tb, MODEL_WORKSHOP);
		tb_daily_weight(tb, daily ? 40 : 0);
		struct problem *p = tb_finish(tb);
		struct solve_options o = { .time_limit = 10, .gap = 1e-6, .seed = 1 };
		struct solution s;
		solution_init(&s, p);
		ck_assert_int_eq(workshop_solve(p, &o, &s), 0);
		ck_assert_double_eq_tol(s.objective, daily ? 135 : 70, 1e-6);
		ck_assert_double_eq_tol(s.bound, s.objective, 1e-3);
		int l2_sessions = 0;
		for (int b = 0; b < 2; b++)
			l2_sessions += ts_attended(&s, l2, b)->kind == SESSION_WORKSHOP;
		ck_assert_int_eq(l2_sessions, daily ? 1 : 0);
		ck_assert_int_eq(written_and_verified(p, &s), 0);
		solution_release(&s);
		problem_free(p);
	}
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	ts_quiet_glpk();
	Suite *s = suite_create("combination");
	TCase *tc = tcase_create("combination");
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, combination_is_honest_against_exact_mip, 0, 4);
	tcase_add_test(tc, daily_weight_keeps_a_learner_in);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
