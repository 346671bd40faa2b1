/*
 * check_replan_merge.c - models/replan_reseat.c's merge: a replan's kept
 * plan takes the sessions of another plan that gain, beside its own kept
 * ones, a facilitator and a room one session a block.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/replan_blend.h"
#include "models/replan_reseat.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/* Mon1 frozen, Tue1 re-planned; F0-F3 able in G0 and G1, F0 absent in
 * Tue1; rooms R0-R3; L0 and L1 need G0, L2 and L3 need G1.  The previous
 * schedule had, in Tue1, G0 with F0 in R0 (L0, L1) and G1 with F1 in R1
 * (L2, L3). */
static struct problem *school(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int tue = tb_block(tb, "Tue1", BLOCK_WORKSHOP);
	tb_block_day(tb, tue, "Tue");
	int g0 = tb_goal(tb, "G0", 1, 10, 1);
	int g1 = tb_goal(tb, "G1", 1, 10, 1);
	for (int f = 0; f < 4; f++) {
		char id[4] = { 'F', (char)('0' + f), 0, 0 };
		tb_facilitator(tb, id);
		tb_level(tb, f, g0, LEVEL_ABLE);
		tb_level(tb, f, g1, LEVEL_ABLE);
	}
	tb_facilitator_unavailable(tb, 0, tue);
	for (int r = 0; r < 4; r++) {
		char id[4] = { 'R', (char)('0' + r), 0, 0 };
		tb_room(tb, id, 30, NULL);
	}
	for (int l = 0; l < 4; l++)
		tb_need(tb, tb_learner_numbered(tb, l), l < 2 ? g0 : g1, 1, 1);
	tb_model(tb, MODEL_WORKSHOP);
	struct problem *p = tb_finish(tb);
	ts_previous_two_sessions(p, tue, g0, g1);
	return p;
}

/* Adds a Tue1 session (goal g, or the lab for -1) led by f in room r with
 * learners a and b. */
static void add(struct solution *sol, int g, int f, int r, int a, int b)
{
	struct session s = { .kind = g < 0 ? SESSION_LAB : SESSION_WORKSHOP, .offering = g,
			     .block = 1, .room = r, .facilitator = f };
	int k = solution_add_session(sol, &s);
	*solution_attend(sol, a, 1) = k;
	*solution_attend(sol, b, 1) = k;
}

static void done(const struct problem *p, struct solution *sol)
{
	solution_recount(sol);
	sol->status = SOLVE_FEASIBLE;
	sol->objective = objective_of(p, sol);
}

/* The kept plan: G1 as it was (F1, R1: L2 and L3 kept), L0 and L1 in a
 * lab of F2 in R2, their need unmet. */
static void kept_plan(const struct problem *p, struct solution *sol)
{
	solution_init(sol, p);
	add(sol, 1, 1, 1, 2, 3);
	add(sol, -1, 2, 2, 0, 1);
	done(p, sol);
}

/* Another plan: G0 with F2 in room g0_room (L0, L1), G1 with F3 in R3
 * (L2, L3: their session is no longer the previous one). */
static void other_plan(const struct problem *p, struct solution *sol, int g0_room)
{
	solution_init(sol, p);
	add(sol, 0, 2, g0_room, 0, 1);
	add(sol, 1, 3, 3, 2, 3);
	done(p, sol);
}

static int in_room(const struct solution *sol, int room)
{
	int n = 0;
	for (size_t i = 0; i < sol->n_sessions; i++)
		n += sol->sessions[i].block == 1 && sol->sessions[i].room == room;
	return n;
}

/* The merge takes the other plan's G0 session (F2 then leaves the lab)
 * and keeps the kept plan's G1: the other plan's objective with the kept
 * plan's keep term, where the block blend takes one block whole. */
START_TEST(sessions_of_both_plans)
{
	struct problem *p = school();
	struct solution kept, other, blend;
	kept_plan(p, &kept);
	other_plan(p, &other, 0);
	double keep = objective_keep_total(p, &kept);
	ck_assert(keep == 2 * p->config.w_keep);
	ck_assert(other.objective > kept.objective + keep);
	kept_plan(p, &blend);
	ck_assert_int_eq(replan_blend(p, &blend, &other), 1);  /* the whole block */
	ck_assert(objective_keep_total(p, &blend) == 0);
	ck_assert_int_eq(replan_reseat_merge(p, &kept, &other, 5), 2);
	ck_assert(kept.objective == other.objective);
	ck_assert(objective_of(p, &kept) == other.objective);
	ck_assert(objective_keep_total(p, &kept) == keep);
	ck_assert_int_eq((int)kept.n_sessions, 2);
	for (size_t i = 0; i < kept.n_sessions; i++) {
		const struct session *s = &kept.sessions[i];
		ck_assert(s->kind == SESSION_WORKSHOP);
		ck_assert_int_eq(s->facilitator, s->offering == 0 ? 2 : 1);
		ck_assert_int_eq(s->size, 2);
	}
	ck_assert_int_eq(replan_reseat_merge(p, &kept, &other, 5), 0);  /* nothing left */
	solution_release(&blend);
	solution_release(&other);
	solution_release(&kept);
	problem_free(p);
}
END_TEST

/* The other plan's G0 is in R1, where the kept G1 is: both cannot run, so
 * the merge takes the other plan's sessions (worth more than the keep
 * term), never two sessions in one room. */
START_TEST(one_session_a_room)
{
	struct problem *p = school();
	struct solution kept, other;
	kept_plan(p, &kept);
	other_plan(p, &other, 1);
	ck_assert_int_gt(replan_reseat_merge(p, &kept, &other, 5), 0);
	ck_assert(kept.objective == other.objective);
	ck_assert(objective_keep_total(p, &kept) == 0);
	for (int r = 0; r < 4; r++)
		ck_assert_int_le(in_room(&kept, r), 1);
	solution_release(&other);
	solution_release(&kept);
	problem_free(p);
}
END_TEST

/* F2 may lead one session and leads one in Mon1: the other plan's G0
 * (F2's) cannot open beside it, and its G1 (F3's) only where the lab F3
 * leads closes, which leaves L0 and L1 no place: the kept plan stays. */
START_TEST(max_sessions_holds)
{
	struct problem *p = school();
	p->facilitators[2].max_sessions = 1;
	struct solution kept, other;
	solution_init(&kept, p);
	add(&kept, 1, 1, 1, 2, 3);
	add(&kept, -1, 3, 2, 0, 1);
	struct session mon = { .kind = SESSION_WORKSHOP, .offering = 0, .block = 0,
			       .room = 0, .facilitator = 2 };
	solution_add_session(&kept, &mon);     /* frozen, nobody in it */
	done(p, &kept);
	other_plan(p, &other, 0);
	double obj = kept.objective;
	ck_assert_int_eq(replan_reseat_merge(p, &kept, &other, 5), 0);
	ck_assert(kept.objective == obj);
	solution_release(&other);
	solution_release(&kept);
	problem_free(p);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("replan_merge");
	TCase *tc = tcase_create("merge");
	tcase_add_test(tc, sessions_of_both_plans);
	tcase_add_test(tc, one_session_a_room);
	tcase_add_test(tc, max_sessions_holds);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
