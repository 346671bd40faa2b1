/*
 * check_objective.c - engine/objective.c, one term at a time, on tallies
 * filled by hand (default weights: priority {100, 60, 35, 20, 10}, choice
 * {50, 30, 15, 8, 4}, guru 5, power goal 200, daily 40).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"

/* Two days of two workshop blocks; learner L with a priority-2 need of
 * facilitated G (2 sessions), a priority-1 online need O (1 session). */
static struct problem *school(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	int t1 = tb_block(tb, "Tue1", BLOCK_WORKSHOP);
	int t2 = tb_block(tb, "Tue2", BLOCK_WORKSHOP);
	tb_block_day(tb, t1, "Tue");
	tb_block_day(tb, t2, "Tue");
	tb_facilitator(tb, "F");
	tb_room(tb, "R", 30, NULL);
	int g = tb_goal(tb, "G", 1, 25, 2);
	int o = tb_goal(tb, "O", 1, 25, 1);
	tb_goal_online(tb, o);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, g, 2, 2);
	tb_need(tb, l, o, 1, 1);
	tb_model(tb, MODEL_WORKSHOP);
	return tb_finish(tb);
}

START_TEST(days_indexed_in_order_of_first_use)
{
	struct problem *p = school();
	ck_assert_int_eq(p->n_days, 2);
	ck_assert_int_eq(p->blocks[1].day_index, 0);
	ck_assert_int_eq(p->blocks[2].day_index, 1);
	problem_free(p);
}
END_TEST

START_TEST(each_term_once)
{
	struct problem *p = school();
	struct tally t;
	tally_init(&t, p);
	ck_assert(objective_total(p, &t) == 0);
	t.need_cnt[0] = 3;                      /* capped at 2: 2 x 60 */
	ck_assert(objective_learner(p, &t, 0) == 120);
	t.lab_cnt[0] = 2;                       /* one credited: 100, power goal 200 */
	ck_assert(objective_learner(p, &t, 0) == 420);
	*tally_day(&t, p, 0, 1) = 2;            /* one day covered: 40 */
	ck_assert(objective_learner(p, &t, 0) == 460);
	*tally_day(&t, p, 0, 0) = 1;
	ck_assert(objective_learner(p, &t, 0) == 500);
	t.guru = 3;
	ck_assert(objective_total(p, &t) == 515);
	tally_release(&t);
	problem_free(p);
}
END_TEST

/* Lab time is credited the way that scores most: by need value, heaviest
 * first, and to a priority-1 need first when its power goal makes up the
 * difference and no workshop session earns it already. */
START_TEST(lab_credit_scores_most)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	tb_facilitator(tb, "F");
	tb_room(tb, "R", 30, NULL);
	int g = tb_goal(tb, "G", 1, 25, 1);
	int o1 = tb_goal(tb, "O1", 1, 25, 1), o3 = tb_goal(tb, "O3", 1, 25, 2);
	tb_goal_online(tb, o1);
	tb_goal_online(tb, o3);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, g, 1, 1);                /* need 0: workshop, priority 1 */
	tb_need(tb, l, o1, 1, 1);               /* need 1: online, priority 1 */
	tb_need(tb, l, o3, 3, 2);               /* need 2: online, priority 3 */
	tb_model(tb, MODEL_WORKSHOP);
	struct problem *p = tb_finish(tb);
	double prio[PRIORITY_LEVELS] = { 0, 0, 100, 0, 0 };
	memcpy(p->config.w_priority, prio, sizeof(prio));
	p->config.w_daily = 0;
	p->config.w_power_goal = 50;
	struct tally t;
	tally_init(&t, p);
	t.lab_cnt[0] = 1;                       /* O3's 100 beats O1's 0 + 50 */
	ck_assert(objective_learner(p, &t, 0) == 100);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 0), 2);
	p->config.w_power_goal = 200;           /* O1's 0 + 200 beats 100 */
	ck_assert(objective_learner(p, &t, 0) == 200);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 0), 1);
	t.lab_cnt[0] = 3;                       /* O3 twice, then O1 */
	ck_assert(objective_learner(p, &t, 0) == 400);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 0), 2);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 2), 1);
	t.lab_cnt[0] = 2;                       /* O1 and O3: 300 beats O3 twice */
	ck_assert(objective_learner(p, &t, 0) == 300);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 0), 1);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 1), 2);
	t.lab_cnt[0] = 1;
	t.need_cnt[0] = 1;                      /* the workshop earns it: O3 */
	ck_assert(objective_learner(p, &t, 0) == 300);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 0), 2);
	t.need_cnt[0] = 0;
	t.lab_cnt[0] = 2;                       /* O3 twice: 200 = O1 + O3 + 50 */
	p->config.w_power_goal = 100;           /* ties keep the plain order */
	ck_assert(objective_learner(p, &t, 0) == 200);
	ck_assert_int_eq(objective_lab_credit(p, &t, 0, 1), 2);
	tally_release(&t);
	problem_free(p);
}
END_TEST

/* The keep term: 0 outside replan, in frozen blocks, and for a session
 * that differs in kind, offering, facilitator or room; weights.keep else. */
START_TEST(keep_only_for_the_same_session_after_the_frozen_blocks)
{
	struct problem *p = school();
	struct session same = { .kind = SESSION_WORKSHOP, .offering = 0, .block = 2,
				.room = 0, .facilitator = 0 };
	ck_assert(objective_keep(p, 0, 2, &same) == 0);        /* not a replan */
	p->previous = xcalloc(1, sizeof(*p->previous));
	p->previous->after = 1;
	p->previous->n_sessions = 2;
	p->previous->sessions = xcalloc(2, sizeof(struct prev_session));
	p->previous->sessions[0] = (struct prev_session){ .kind = LOCK_GOAL, .offering = 0 };
	p->previous->sessions[1] = (struct prev_session){ .kind = LOCK_LAB, .offering = -1 };
	p->previous->attend = xcalloc((size_t)p->n_blocks, sizeof(int));
	p->previous->attend[3] = 1;                        /* a lab on Tue2 */
	ck_assert(objective_keep(p, 0, 2, &same) == 10);
	ck_assert(objective_keep(p, 0, 1, &same) == 0);        /* frozen block */
	struct session lab = same;
	lab.kind = SESSION_LAB;
	lab.offering = -1;
	ck_assert(objective_keep(p, 0, 2, &lab) == 0);         /* another kind */
	ck_assert(objective_keep(p, 0, 3, &lab) == 10);
	p->config.w_keep = 3;
	ck_assert(objective_keep(p, 0, 3, &lab) == 3);
	struct session other = same;
	other.offering = 1;
	ck_assert(objective_keep(p, 0, 2, &other) == 0);       /* another goal */
	other = same;
	other.facilitator = 1;
	ck_assert(objective_keep(p, 0, 2, &other) == 0);       /* another facilitator */
	problem_free(p);
}
END_TEST

START_TEST(daily_only_for_learners_who_can_be_placed)
{
	struct problem *p = school();
	struct tally t;
	tally_init(&t, p);
	*tally_day(&t, p, 0, 0) = 1;
	ck_assert(objective_learner(p, &t, 0) == 40);
	p->config.model = MODEL_SEMINAR;        /* no choice: cannot be placed */
	ck_assert(!problem_placeable(p, 0));
	ck_assert(objective_learner(p, &t, 0) == 0);
	p->config.model = MODEL_WORKSHOP;
	p->config.w_daily = 0;                  /* 0 turns it off */
	ck_assert(objective_learner(p, &t, 0) == 0);
	tally_release(&t);
	problem_free(p);
}
END_TEST

START_TEST(seminar_enrollment_by_rank)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon4", BLOCK_SEMINAR);
	tb_facilitator(tb, "F");
	tb_room(tb, "R", 30, NULL);
	int s1 = tb_seminar(tb, "S1", 1, 1, 10);
	int s2 = tb_seminar(tb, "S2", 1, 1, 10);
	int l = tb_learner(tb, "L");
	tb_choice(tb, l, s1, 1, true);
	tb_choice(tb, l, s2, 2, true);
	tb_model(tb, MODEL_SEMINAR);
	struct problem *p = tb_finish(tb);
	struct tally t;
	tally_init(&t, p);
	t.enrolled[1] = 1;                      /* second choice: 30 */
	ck_assert(objective_total(p, &t) == 30);
	*tally_day(&t, p, 0, 0) = 1;            /* can be placed: daily 40 */
	ck_assert(objective_total(p, &t) == 70);
	tally_release(&t);
	problem_free(p);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("objective");
	TCase *tc = tcase_create("terms");
	tcase_add_test(tc, days_indexed_in_order_of_first_use);
	tcase_add_test(tc, each_term_once);
	tcase_add_test(tc, lab_credit_scores_most);
	tcase_add_test(tc, daily_only_for_learners_who_can_be_placed);
	tcase_add_test(tc, keep_only_for_the_same_session_after_the_frozen_blocks);
	tcase_add_test(tc, seminar_enrollment_by_rank);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
