/*
 * check_metrics.c - the scoring rules of engine/metrics.c, one test each, on
 * tiny hand-built schedules whose objective is worked out by hand in the
 * comments (default weights: priority {100, 60, 35, 20, 10}, choice
 * {50, 30, 15, 8, 4}, guru 5, power goal 200, daily 40).  Blocks are all on
 * day "Mon" unless a test moves them.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

static void seat(struct solution *s, int l, int b, int si)
{
	*solution_attend(s, l, b) = si;
}

/* n workshop blocks B0.., one room, facilitators F0 (able in everything
 * added later) and F1. */
static struct builder *base(int n_blocks)
{
	struct builder *tb = tb_new();
	for (int b = 0; b < n_blocks; b++) {
		char id[8] = { 'B', (char)('0' + b), 0 };
		tb_block(tb, id, BLOCK_WORKSHOP);
	}
	tb_facilitator(tb, "F0");
	tb_facilitator(tb, "F1");
	tb_room(tb, "R0", 30, NULL);
	tb_room(tb, "R1", 30, NULL);
	return tb;
}

/* base(n_blocks) with goal G of `sessions` sessions that F0 leads and a
 * learner L (their indexes in *g and *l). */
static struct builder *goal_and_learner(int n_blocks, int sessions, int *g, int *l)
{
	struct builder *tb = base(n_blocks);
	*g = tb_goal(tb, "G", 1, 25, sessions);
	tb_level(tb, 0, *g, LEVEL_ABLE);
	*l = tb_learner(tb, "L");
	return tb;
}

/* The school tb describes, and an empty schedule of it in s. */
static struct problem *finish(struct builder *tb, struct solution *s)
{
	struct problem *p = tb_finish(tb);
	solution_init(s, p);
	return p;
}

static double score(const struct problem *p, struct solution *s, struct metrics *m)
{
	solution_recount(s);
	metrics_compute(p, s, m);
	return m->objective;
}

START_TEST(facilitated_need_capped_at_its_sessions)
{
	int g, l;
	struct builder *tb = goal_and_learner(3, 2, &g, &l);
	tb_need(tb, l, g, 2, 2);
	struct solution s;
	struct problem *p = finish(tb, &s);
	for (int b = 0; b < 3; b++)
		seat(&s, l, b, ts_add_session(&s, SESSION_WORKSHOP, g, b, 0, 0));
	struct metrics m;
	/* three sessions attended, two counted: 2 x 60; no priority-1 need; the
	 * one day has a workshop: daily 40 once, not once per session */
	ck_assert_double_eq_tol(score(p, &s, &m), 120 + 40, 1e-9);
	ck_assert_int_eq(m.counted[0], 2);
	ck_assert_int_eq(m.need_sessions_scheduled, 2);
	ck_assert_int_eq(m.need_sessions_wanted, 2);
	ck_assert_double_eq_tol(m.learners_complete_pct, 100, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(guru_scores_per_session_never_for_labs)
{
	struct builder *tb = base(2);
	int g = tb_goal(tb, "G", 1, 25, 1);
	tb_level(tb, 0, g, LEVEL_GURU);
	tb_level(tb, 1, g, LEVEL_ABLE);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	struct solution s;
	struct problem *p = finish(tb, &s);
	/* B0: G by guru F0 and G by able F1; B1: a lab by guru-of-G F0.  No
	 * needs, so only the guru weight scores: once.  Nobody can be placed
	 * (no ready need): no daily, and the fairness metrics are 0. */
	seat(&s, l1, 0, ts_add_session(&s, SESSION_WORKSHOP, g, 0, 0, 0));
	seat(&s, l2, 0, ts_add_session(&s, SESSION_WORKSHOP, g, 0, 1, 1));
	int lab = ts_add_session(&s, SESSION_LAB, -1, 1, 0, 0);
	seat(&s, l1, 1, lab);
	seat(&s, l2, 1, lab);
	struct metrics m;
	ck_assert_double_eq_tol(score(p, &s, &m), 5, 1e-9);
	ck_assert_int_eq(m.lab_sessions, 1);
	ck_assert_double_eq_tol(m.avg_group_size, 1, 1e-9);   /* labs excluded */
	ck_assert_int_eq(m.learners_left_out, 0);
	ck_assert_double_eq_tol(m.learner_days_covered_pct, 0, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 0);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(power_goal_bonus_once_per_learner)
{
	struct builder *tb = base(3);
	int g = tb_goal(tb, "G", 1, 25, 3), h = tb_goal(tb, "H", 1, 25, 1);
	tb_level(tb, 1, g, LEVEL_ABLE);
	tb_level(tb, 1, h, LEVEL_ABLE);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_need(tb, l1, g, 1, 3);
	tb_need(tb, l2, g, 1, 1);
	tb_need(tb, l2, h, 3, 1);
	struct solution s;
	struct problem *p = finish(tb, &s);
	/* L1 gets three sessions of its power goal: 3 x 100 + 200 once.  L2
	 * gets only H (35): no bonus.  Both have a workshop on the one day:
	 * 2 x 40. */
	for (int b = 0; b < 3; b++)
		seat(&s, l1, b, ts_add_session(&s, SESSION_WORKSHOP, g, b, 0, 1));
	seat(&s, l2, 0, ts_add_session(&s, SESSION_WORKSHOP, h, 0, 1, 0));
	int lab1 = ts_add_session(&s, SESSION_LAB, -1, 1, 1, 0), lab2 = ts_add_session(&s, SESSION_LAB, -1, 2, 1, 0);
	seat(&s, l2, 1, lab1);
	seat(&s, l2, 2, lab2);
	struct metrics m;
	ck_assert_double_eq_tol(score(p, &s, &m), 300 + 200 + 35 + 2 * 40, 1e-9);
	ck_assert_double_eq_tol(m.power_goal_pct, 50, 1e-9);
	ck_assert_double_eq_tol(m.learners_complete_pct, 50, 1e-9);
	ck_assert_double_eq_tol(m.need_sessions_pct, 100.0 * 4 / 5, 1e-9);
	/* 6 sessions led of 2 facilitators x 3 blocks */
	ck_assert_double_eq_tol(m.facilitator_load_pct, 100, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(online_needs_credited_greedily_by_priority)
{
	struct builder *tb = base(4);
	int d1 = tb_goal(tb, "D1", 1, 40, 1), d2 = tb_goal(tb, "D2", 1, 40, 2),
	    d3 = tb_goal(tb, "D3", 1, 40, 1);
	tb_goal_online(tb, d1);
	tb_goal_online(tb, d2);
	tb_goal_online(tb, d3);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, d1, 3, 1);   /* file order: D1, D2, D3 */
	tb_need(tb, l, d2, 1, 2);
	tb_need(tb, l, d3, 1, 1);
	struct solution s;
	struct problem *p = finish(tb, &s);
	for (int b = 0; b < 3; b++)
		seat(&s, l, b, ts_add_session(&s, SESSION_LAB, -1, b, 0, 0));
	struct metrics m;
	/* three labs: D2 gets 2 (priority 1, first in file order), D3 the third;
	 * D1 nothing: 3 x 100 + power goal 200; online needs only, so L cannot
	 * be placed: no daily */
	ck_assert_double_eq_tol(score(p, &s, &m), 300 + 200, 1e-9);
	ck_assert_int_eq(m.counted[0], 0);
	ck_assert_int_eq(m.counted[1], 2);
	ck_assert_int_eq(m.counted[2], 1);
	metrics_release(&m);
	/* a fourth lab goes to D1 (35) */
	seat(&s, l, 3, ts_add_session(&s, SESSION_LAB, -1, 3, 0, 0));
	ck_assert_double_eq_tol(score(p, &s, &m), 300 + 200 + 35, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(not_ready_needs_never_count)
{
	int g, l;
	struct builder *tb = goal_and_learner(1, 1, &g, &l);
	tb_need_not_ready(tb, l, g, 1, 1);
	struct solution s;
	struct problem *p = finish(tb, &s);
	seat(&s, l, 0, ts_add_session(&s, SESSION_WORKSHOP, g, 0, 0, 0));
	struct metrics m;
	ck_assert_double_eq_tol(score(p, &s, &m), 0, 1e-9);
	ck_assert_int_eq(m.needs_not_ready, 1);
	ck_assert_int_eq(m.need_sessions_wanted, 0);
	ck_assert_double_eq_tol(m.power_goal_pct, 0, 1e-9);
	ck_assert_double_eq_tol(m.learners_complete_pct, 0, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(seminar_enrollment_by_rank_once_per_section)
{
	struct builder *tb = tb_new();
	tb_block(tb, "W", BLOCK_WORKSHOP);
	int e1 = tb_block(tb, "E1", BLOCK_SEMINAR), e2 = tb_block(tb, "E2", BLOCK_SEMINAR);
	tb_model(tb, MODEL_SEMINAR);
	int f = tb_facilitator(tb, "F");
	tb_room(tb, "R", 30, NULL);
	int sa = tb_seminar(tb, "SA", 2, 1, 20), sb = tb_seminar(tb, "SB", 2, 1, 20);
	tb_seminar_level(tb, f, sa, LEVEL_GURU);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_choice(tb, l1, sb, 1, true);
	tb_choice(tb, l1, sa, 2, true);
	tb_choice(tb, l2, sa, 1, true);
	struct solution s;
	struct problem *p = finish(tb, &s);
	int m1 = ts_add_session(&s, SESSION_SEMINAR, sa, e1, 0, f), m2 = ts_add_session(&s, SESSION_SEMINAR, sa, e2, 0, f);
	s.sessions[m2].section = m1;
	for (int l = 0; l < 2; l++) {
		seat(&s, l, e1, m1);
		seat(&s, l, e2, m2);
	}
	struct metrics m;
	/* L1 in its second choice (30), L2 in its first (50), once each; two
	 * meetings led by a guru (2 x 5); both chose seminars, so both can be
	 * placed, and both meet on the one day (2 x 40) */
	ck_assert_double_eq_tol(score(p, &s, &m), 30 + 50 + 10 + 2 * 40, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 2);
	ck_assert_double_eq_tol(m.seminar_enrolled_pct, 100, 1e-9);
	ck_assert_double_eq_tol(m.seminar_first_choice_pct, 50, 1e-9);
	ck_assert_int_eq(m.blocks, 2);   /* the seminar model skips W */
	ck_assert_double_eq_tol(m.avg_group_size, 2, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

/*
 * Two days: Mon1, Mon2 on Mon, Tue1 on Tue.  G (priority 2, 2 sessions) led
 * by F0; O online (priority 3).  LA: G in Mon1 and Tue1, a lab in Mon2.  LB:
 * labs only (left out).  LC: away on Tue; G in Mon1, a lab in Mon2.  LD:
 * online need only, so LD cannot be placed and counts in none of them.
 */
START_TEST(daily_and_fairness_metrics)
{
	struct builder *tb = base(3);
	tb_block_day(tb, 2, "Tue");
	int g = tb_goal(tb, "G", 1, 25, 2), o = tb_goal(tb, "O", 1, 40, 1);
	tb_goal_online(tb, o);
	tb_level(tb, 0, g, LEVEL_ABLE);
	int la = tb_learner(tb, "LA"), lb = tb_learner(tb, "LB"), lc = tb_learner(tb, "LC"),
	    ld = tb_learner(tb, "LD");
	tb_need(tb, la, g, 2, 2);
	tb_need(tb, lb, g, 2, 2);
	tb_need(tb, lc, g, 2, 2);
	tb_need(tb, ld, o, 3, 1);
	tb_learner_unavailable(tb, lc, 2);
	struct solution s;
	struct problem *p = finish(tb, &s);
	int w0 = ts_add_session(&s, SESSION_WORKSHOP, g, 0, 0, 0), w2 = ts_add_session(&s, SESSION_WORKSHOP, g, 2, 0, 0);
	int x0 = ts_add_session(&s, SESSION_LAB, -1, 0, 1, 1), x1 = ts_add_session(&s, SESSION_LAB, -1, 1, 1, 1),
	    x2 = ts_add_session(&s, SESSION_LAB, -1, 2, 1, 1);
	seat(&s, la, 0, w0);
	seat(&s, la, 1, x1);
	seat(&s, la, 2, w2);
	seat(&s, lb, 0, x0);
	seat(&s, lb, 1, x1);
	seat(&s, lb, 2, x2);
	seat(&s, lc, 0, w0);
	seat(&s, lc, 1, x1);
	seat(&s, ld, 0, x0);
	seat(&s, ld, 1, x1);
	seat(&s, ld, 2, x2);
	struct metrics m;
	/* LA 2 x 60 + both days 2 x 40; LC 60 + Mon 40; LB nothing; LD's first
	 * lab credits O (35) */
	ck_assert_double_eq_tol(score(p, &s, &m), 120 + 80 + 60 + 40 + 35, 1e-9);
	ck_assert_int_eq(m.learners_left_out, 1);                        /* LB */
	/* pairs: LA Mon, Tue; LB Mon, Tue; LC Mon (away all Tue): 5; covered:
	 * LA's two and LC's one */
	ck_assert_double_eq_tol(m.learner_days_covered_pct, 100.0 * 3 / 5, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 0);                 /* LB */
	metrics_release(&m);
	/* LB gets G on Tue: nobody is left out, LC's one session is the least */
	s.attend[(long)lb * s.n_blocks + 2] = w2;
	ck_assert_double_eq_tol(score(p, &s, &m), 120 + 80 + 60 + 40 + 35 + 60 + 40, 1e-9);
	ck_assert_int_eq(m.learners_left_out, 0);
	ck_assert_double_eq_tol(m.learner_days_covered_pct, 100.0 * 4 / 5, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 1);
	metrics_release(&m);
	/* daily = 0 turns the term off; the fairness metrics stay */
	p->config.w_daily = 0;
	ck_assert_double_eq_tol(score(p, &s, &m), 120 + 60 + 35 + 60, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 1);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(block_scheduled_per_model)
{
	struct builder *tb = tb_new();
	int w = tb_block(tb, "W", BLOCK_WORKSHOP), e = tb_block(tb, "E", BLOCK_SEMINAR);
	struct problem *p = tb_finish(tb);
	enum model_kind models[] = { MODEL_WORKSHOP, MODEL_POWER_GOAL, MODEL_SEMINAR,
				     MODEL_COMBINATION };
	bool want_w[] = { true, true, false, true }, want_e[] = { false, false, true, true };
	for (int i = 0; i < 4; i++) {
		p->config.model = models[i];
		ck_assert(problem_block_scheduled(p, w) == want_w[i]);
		ck_assert(problem_block_scheduled(p, e) == want_e[i]);
	}
	problem_free(p);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("scoring");
	tcase_add_test(tc, facilitated_need_capped_at_its_sessions);
	tcase_add_test(tc, guru_scores_per_session_never_for_labs);
	tcase_add_test(tc, power_goal_bonus_once_per_learner);
	tcase_add_test(tc, online_needs_credited_greedily_by_priority);
	tcase_add_test(tc, not_ready_needs_never_count);
	tcase_add_test(tc, seminar_enrollment_by_rank_once_per_section);
	tcase_add_test(tc, daily_and_fairness_metrics);
	tcase_add_test(tc, block_scheduled_per_model);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
