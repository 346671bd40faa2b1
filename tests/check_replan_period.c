/*
 * check_replan_period.c - models/replan_period.c's conservative pass: a
 * block re-planned with weights.keep scaled up proposes and takes fewer
 * moves, and never takes a plan that lowers the objective plus the true
 * keep term.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/replan_period.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/* Mon1 frozen, Tue1 re-planned; F0 and F1 able in G0, rooms R0 and R1; L0
 * and L1 need G0 (priority 1, one session), worth need_value each, and no
 * other term counts (no daily or power-goal weight).  The previous
 * schedule had, in Tue1, both in a lab of F1 in R1. */
static struct problem *school(double need_value)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int tue = tb_block(tb, "Tue1", BLOCK_WORKSHOP);
	tb_block_day(tb, tue, "Tue");
	int g0 = tb_goal(tb, "G0", 1, 10, 1);
	tb_facilitator(tb, "F0");
	tb_facilitator(tb, "F1");
	tb_level(tb, 0, g0, LEVEL_ABLE);
	tb_level(tb, 1, g0, LEVEL_ABLE);
	tb_room(tb, "R0", 30, NULL);
	tb_room(tb, "R1", 30, NULL);
	for (int l = 0; l < 2; l++)
		tb_need(tb, tb_learner_numbered(tb, l), g0, 1, 1);
	tb_model(tb, MODEL_WORKSHOP);
	struct problem *p = tb_finish(tb);
	p->config.w_priority[0] = need_value;
	p->config.w_daily = 0;
	p->config.w_power_goal = 0;
	struct previous *pv = xcalloc(1, sizeof(*pv));
	pv->after = 0;
	pv->n_sessions = 1;
	pv->sessions = xcalloc(1, sizeof(*pv->sessions));
	pv->sessions[0] = (struct prev_session){ .kind = LOCK_LAB, .offering = -1, .block = tue,
						 .room = 1, .facilitator = 1, .section = 0 };
	pv->attend = xmalloc(sizeof(int) * 4);
	pv->works_on = xmalloc(sizeof(int) * 4);
	for (int l = 0; l < 2; l++) {
		pv->attend[l * 2] = pv->works_on[l * 2] = -1;
		pv->attend[l * 2 + 1] = 0;
		pv->works_on[l * 2 + 1] = -1;
	}
	p->previous = pv;
	return p;
}

/* A plan with L0 and L1 in one Tue1 session: the previous lab (F1, R1),
 * or a G0 workshop of F0 in R0. */
static void plan(const struct problem *p, struct solution *sol, bool lab)
{
	solution_init(sol, p);
	int k = lab ? ts_add_session(sol, SESSION_LAB, -1, 1, 1, 1)
		    : ts_add_session(sol, SESSION_WORKSHOP, 0, 1, 0, 0);
	*solution_attend(sol, 0, 1) = k;
	*solution_attend(sol, 1, 1) = k;
	solution_recount(sol);
	sol->status = SOLVE_FEASIBLE;
	sol->objective = objective_of(p, sol);
}

static double score(const struct problem *p, const struct solution *sol)
{
	return objective_of(p, sol) + objective_keep_total(p, sol);
}

/* G0 is worth 25 a learner, the lab kept 10 (weights.keep): the pass at
 * the true weight moves both to G0 (50 > 20); at 1.5 times it the block's
 * MIP values the lab more than G0 and the lab stays. */
START_TEST(conservative_moves_less)
{
	struct problem *p = school(25);
	struct solution a, b;
	plan(p, &a, true);
	plan(p, &b, true);
	ck_assert(score(p, &a) == 2 * p->config.w_keep);
	ck_assert_int_eq(replan_period(p, &a, 5), 1);
	ck_assert(objective_keep_total(p, &a) == 0);
	ck_assert(score(p, &a) == 50);
	ck_assert_int_eq(replan_period_conservative(p, &b, 5, 1.5), 0);
	ck_assert(objective_keep_total(p, &b) == 2 * p->config.w_keep);
	ck_assert(b.sessions[*solution_attend(&b, 0, 1)].kind == SESSION_LAB);
	solution_release(&b);
	ts_free(p, &a);
}
END_TEST

/* G0 is worth 12 a learner and both are in it: back in the lab they are
 * worth 15 each at 1.5 times weights.keep, 10 at the true weight, so the
 * conservative pass must give that plan back (24 > 20). */
START_TEST(true_keep_decides)
{
	struct problem *p = school(12);
	struct solution a;
	plan(p, &a, false);
	ck_assert(score(p, &a) == 24);
	ck_assert_int_eq(replan_period_conservative(p, &a, 5, 1.5), 0);
	ck_assert(score(p, &a) == 24);
	ck_assert(objective_of(p, &a) == a.objective);
	ck_assert(a.sessions[*solution_attend(&a, 0, 1)].kind == SESSION_WORKSHOP);
	/* at 3 times the keep term, the lab wins at that weight and loses at
	 * the true one the same way */
	ck_assert_int_eq(replan_period_conservative(p, &a, 5, 3), 0);
	ck_assert(score(p, &a) == 24);
	ts_free(p, &a);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	ts_quiet_glpk();
	Suite *s = suite_create("replan_period");
	TCase *tc = tcase_create("conservative");
	tcase_add_test(tc, conservative_moves_less);
	tcase_add_test(tc, true_keep_decides);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
