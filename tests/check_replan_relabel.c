/*
 * check_replan_relabel.c - models/replan_relabel.c: a replan's later
 * sessions given back their previous facilitators and rooms, nobody moved.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/replan_relabel.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/* Mon1 frozen, Tue1 re-planned; F0, F1, F2 able in G0 and G1; rooms R0,
 * R1; L0 and L1 need G0, L2 and L3 need G1.  The previous schedule had,
 * in Tue1, G0 with F0 in R0 (L0, L1) and G1 with F1 in R1 (L2, L3). */
static struct problem *school(bool f0_absent)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int tue = tb_block(tb, "Tue1", BLOCK_WORKSHOP);
	tb_block_day(tb, tue, "Tue");
	int g0 = tb_goal(tb, "G0", 1, 10, 1);
	int g1 = tb_goal(tb, "G1", 1, 10, 1);
	for (int f = 0; f < 3; f++) {
		char id[4] = { 'F', (char)('0' + f), 0, 0 };
		tb_facilitator(tb, id);
		tb_level(tb, f, g0, LEVEL_ABLE);
		tb_level(tb, f, g1, LEVEL_ABLE);
	}
	if (f0_absent)
		tb_facilitator_unavailable(tb, 0, tue);
	tb_room(tb, "R0", 30, NULL);
	tb_room(tb, "R1", 30, NULL);
	for (int l = 0; l < 4; l++)
		tb_need(tb, tb_learner_numbered(tb, l), l < 2 ? g0 : g1, 1, 1);
	tb_model(tb, MODEL_WORKSHOP);
	struct problem *p = tb_finish(tb);
	ts_previous_two_sessions(p, tue, g0, g1);
	return p;
}

/* Tue1 of sol: G0 led by fac_g0 in room_g0 (L0, L1), G1 by fac_g1 in
 * room_g1 (L2, L3). */
static void plan(const struct problem *p, struct solution *sol, int fac_g0, int room_g0,
		 int fac_g1, int room_g1)
{
	solution_init(sol, p);
	struct session a = { .kind = SESSION_WORKSHOP, .offering = 0, .block = 1,
			     .room = room_g0, .facilitator = fac_g0 };
	struct session b = { .kind = SESSION_WORKSHOP, .offering = 1, .block = 1,
			     .room = room_g1, .facilitator = fac_g1 };
	int sa = solution_add_session(sol, &a), sb = solution_add_session(sol, &b);
	for (int l = 0; l < 4; l++)
		*solution_attend(sol, l, 1) = l < 2 ? sa : sb;
	solution_recount(sol);
	sol->status = SOLVE_FEASIBLE;
	sol->objective = objective_of(p, sol);
}

/* The two sessions swapped facilitators and rooms: swapped back, every
 * learner-block kept, the objective the same. */
START_TEST(swapped_labels_come_back)
{
	struct problem *p = school(false);
	struct solution sol;
	plan(p, &sol, 1, 1, 0, 0);
	double obj = sol.objective;
	ck_assert(objective_keep_total(p, &sol) == 0);
	ck_assert_int_eq(replan_relabel(p, &sol), 1);
	ck_assert(objective_keep_total(p, &sol) == 4 * p->config.w_keep);
	ck_assert(sol.objective == obj);
	ck_assert_int_eq(sol.sessions[0].facilitator, 0);
	ck_assert_int_eq(sol.sessions[0].room, 0);
	ck_assert_int_eq(sol.sessions[1].facilitator, 1);
	ck_assert_int_eq(sol.sessions[1].room, 1);
	ck_assert_int_eq(*solution_attend(&sol, 0, 1), 0);     /* nobody moved */
	ck_assert_int_eq(replan_relabel(p, &sol), 0);          /* nothing left to gain */
	solution_release(&sol);
	problem_free(p);
}
END_TEST

/* F0 absent in Tue1: G0's previous session cannot come back, G1's can,
 * by a swap that gives G0 the facilitator (F2) and room G1 had. */
START_TEST(an_absent_facilitator_is_not_given_back)
{
	struct problem *p = school(true);
	struct solution sol;
	plan(p, &sol, 1, 1, 2, 0);
	ck_assert_int_eq(replan_relabel(p, &sol), 1);
	ck_assert(objective_keep_total(p, &sol) == 2 * p->config.w_keep);
	ck_assert_int_eq(sol.sessions[0].facilitator, 2);
	ck_assert_int_eq(sol.sessions[0].room, 0);
	ck_assert_int_eq(sol.sessions[1].facilitator, 1);
	ck_assert_int_eq(sol.sessions[1].room, 1);
	solution_release(&sol);
	problem_free(p);
}
END_TEST

/* A facilitator at max_sessions elsewhere is not taken in: F0 leads Mon1
 * and may lead one session, so G0 keeps F2 (no learner-block kept by it). */
START_TEST(max_sessions_holds)
{
	struct problem *p = school(false);
	p->facilitators[0].max_sessions = 1;
	struct solution sol;
	plan(p, &sol, 2, 0, 1, 1);
	struct session mon = { .kind = SESSION_WORKSHOP, .offering = 0, .block = 0,
			       .room = 0, .facilitator = 0 };
	int sm = solution_add_session(&sol, &mon);
	*solution_attend(&sol, 0, 0) = sm;
	solution_recount(&sol);
	ck_assert_int_eq(replan_relabel(p, &sol), 0);
	ck_assert_int_eq(sol.sessions[0].facilitator, 2);
	solution_release(&sol);
	problem_free(p);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("replan_relabel");
	TCase *tc = tcase_create("relabel");
	tcase_add_test(tc, swapped_labels_come_back);
	tcase_add_test(tc, an_absent_facilitator_is_not_given_back);
	tcase_add_test(tc, max_sessions_holds);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
