/*
 * check_advise.c - advise's parts: the bound LP's prices (models/
 * bound_lp_prices.c) on schools whose scarce resource is known by
 * construction, the candidates they give (models/advise_candidates.c),
 * and the scenario edits (engine/advise_edit.c) on files whose text after
 * the edit is written out by hand.
 */
#include <check.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/advise_edit.h"
#include "engine/util.h"
#include "models/advise_candidates.h"
#include "models/bound_lp_prices.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

/*
 * 3 workshop blocks, 20 learners who each need goal G twice (priority 1);
 * F1 is G's only facilitator (guru) and may lead one session; F2 leads
 * only goal A, which nobody needs (so F2 supervises labs).  n_rooms rooms
 * of cap seats.
 */
static struct problem *bottleneck(int n_rooms, int cap, int f1_max)
{
	struct builder *tb = tb_new();
	for (int b = 0; b < 3; b++) {
		char id[8];
		snprintf(id, sizeof(id), "B%d", b + 1);
		tb_block(tb, id, BLOCK_WORKSHOP);
	}
	int g = tb_goal(tb, "G", 1, 25, 2);
	int a = tb_goal(tb, "A", 1, 25, 1);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_level(tb, f1, g, LEVEL_GURU);
	tb_level(tb, f2, a, LEVEL_ABLE);
	if (f1_max > 0)
		tb_facilitator_max(tb, f1, f1_max);
	for (int r = 0; r < n_rooms; r++) {
		char id[8];
		snprintf(id, sizeof(id), "R%d", r + 1);
		tb_room(tb, id, cap, NULL);
	}
	for (int l = 0; l < 20; l++) {
		char id[8];
		snprintf(id, sizeof(id), "L%02d", l + 1);
		tb_need(tb, tb_learner(tb, id), g, 1, 2);
	}
	return tb_finish(tb);
}

/* The unmet demand of bottleneck(): every learner's second session of G. */
static void unmet_second_sessions(const struct problem *p, struct advise_unmet *u,
				  const char *reason_room)
{
	advise_unmet_init(u, p);
	double w = problem_need_weight(p, &p->needs[0]) * 20;
	u->goal[0] = w;
	u->total = w;
	if (reason_room)
		u->room = w;
}

START_TEST(prices_leave_the_bound_alone)
{
	struct problem *p = bottleneck(2, 30, 1);
	struct bound_lp_result res, plain;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	int blocks[3] = { 0, 1, 2 };
	bound_lp_cycle(p, blocks, 3, NULL, 0, 30, &plain);
	ck_assert(pr.valid);
	ck_assert(res.proven && plain.proven);
	ck_assert_double_eq_tol(res.bound, plain.bound, 1e-9);
	ck_assert_int_eq(pr.n_blocks, 3);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

START_TEST(max_sessions_priced_and_first)
{
	struct problem *p = bottleneck(2, 30, 1);
	struct bound_lp_result res;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	ck_assert(pr.valid);
	/* one more session of F1 seats all 20 for a second session of G:
	 * 20 sessions of the priority-1 weight and a guru session, in the LP */
	double w = problem_need_weight(p, &p->needs[0]);
	ck_assert_msg(pr.budget[0] >= 20 * w - 1e-6, "F1's max_sessions price %g < %g",
		      pr.budget[0], 20 * w);
	ck_assert_double_eq_tol(pr.budget[1], 0, 1e-9);   /* F2 has time to spare */
	ck_assert_double_eq_tol(pr.group[0], 0, 1e-9);    /* groups of 20 <= 25 */
	struct advise_unmet u;
	unmet_second_sessions(p, &u, NULL);
	int n;
	struct advise_candidate *c = advise_candidates(p, &pr, &u, &n);
	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(c[0].kind, ADVISE_MAX_SESSIONS);
	ck_assert_double_eq_tol(c[0].expected, 20 * w, 1e-6);   /* capped by the unmet */
	ck_assert_int_eq(c[0].edit.op, EDIT_SET);
	ck_assert_str_eq(c[0].edit.file, "facilitators.csv");
	ck_assert_str_eq(c[0].edit.key, "F1");
	ck_assert_str_eq(c[0].edit.value, "2");
	for (int i = 1; i < n; i++)
		ck_assert(c[i].expected < c[0].expected);
	advise_candidates_free(c, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

START_TEST(no_unmet_no_candidates)
{
	struct problem *p = bottleneck(2, 30, 1);
	struct bound_lp_result res;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	struct advise_unmet u;
	advise_unmet_init(&u, p);
	int n;
	struct advise_candidate *c = advise_candidates(p, &pr, &u, &n);
	ck_assert_int_eq(n, 0);
	advise_candidates_free(c, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

/* Rooms scarce: two rooms of 10 seats for 20 learners (a workshop and a
 * lab each block) and F1 unlimited: a third room lets a second group of
 * 10 meet G in its block. */
START_TEST(room_priced_when_rooms_are_scarce)
{
	struct problem *p = bottleneck(2, 10, 0);
	struct bound_lp_result res;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	ck_assert(pr.valid);
	double best = 0;
	for (int j = 0; j < pr.n_blocks; j++)
		if (pr.room[j] > best)
			best = pr.room[j];
	ck_assert_msg(best > 0, "a room of 10 seats is priced %g", best);
	struct advise_unmet u;
	unmet_second_sessions(p, &u, "capacity");
	int n;
	struct advise_candidate *c = advise_candidates(p, &pr, &u, &n);
	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(c[0].kind, ADVISE_ROOM);
	ck_assert_int_eq(c[0].edit.op, EDIT_APPEND_ROW);
	ck_assert_str_eq(c[0].edit.file, "rooms.csv");
	ck_assert_str_eq(c[0].edit.vals[1], "10");
	advise_candidates_free(c, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

/* An able facilitator who leads a goal: its guru level is worth w_guru a
 * session led, on the schedule as it is. */
START_TEST(guru_valued_by_sessions_led)
{
	struct problem *p = bottleneck(2, 30, 1);
	ck_assert(p->config.w_guru > 0);
	struct bound_lp_result res;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	struct advise_unmet u;
	advise_unmet_init(&u, p);
	u.led_goal[1 * p->n_goals + 1] = 3;      /* F2 leads A three times */
	u.led_goal[0 * p->n_goals + 0] = 5;      /* F1 is G's guru already */
	int n;
	struct advise_candidate *c = advise_candidates(p, &pr, &u, &n);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(c[0].kind, ADVISE_GURU);
	ck_assert_double_eq_tol(c[0].expected, 3 * p->config.w_guru, 1e-9);
	ck_assert_str_eq(c[0].edit.vals[0], "F2");
	ck_assert_str_eq(c[0].edit.vals[1], "A");
	ck_assert_str_eq(c[0].edit.vals[2], "guru");
	advise_candidates_free(c, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

/* Seminar blocks S1 and S2 (the seminar model); 20 learners choose SEM
 * (one meeting, up to 10 a section, 2 sections); F1, its only facilitator,
 * is unavailable in S2, so only one section meets; F2 supervises labs, four
 * rooms of 20 seats.  F1 free in S2 lets the second section meet. */
START_TEST(seminar_block_unavailability_priced)
{
	struct builder *tb = tb_new();
	int s1 = tb_block(tb, "S1", BLOCK_SEMINAR), s2 = tb_block(tb, "S2", BLOCK_SEMINAR);
	(void)s1;
	tb_model(tb, MODEL_SEMINAR);
	int sem = tb_seminar(tb, "SEM", 1, 1, 10);
	tb_seminar_sections(tb, sem, 2);
	int f1 = tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_seminar_level(tb, f1, sem, LEVEL_GURU);
	tb_facilitator_unavailable(tb, f1, s2);
	for (int r = 0; r < 4; r++) {
		char id[8];
		snprintf(id, sizeof(id), "R%d", r + 1);
		tb_room(tb, id, 20, NULL);
	}
	for (int l = 0; l < 20; l++) {
		char id[8];
		snprintf(id, sizeof(id), "L%02d", l + 1);
		tb_choice(tb, tb_learner(tb, id), sem, 1, true);
	}
	struct problem *p = tb_finish(tb);
	struct bound_lp_result res;
	struct bound_lp_prices pr;
	bound_lp_prices(p, 30, &res, &pr);
	ck_assert(pr.valid);
	ck_assert_msg(pr.sem_fac[f1] > 0, "F1 in one more seminar block is priced %g",
		      pr.sem_fac[f1]);
	ck_assert_double_eq_tol(pr.sem_fac[1], 0, 1e-9);   /* F2 has time to spare */
	struct advise_unmet u;
	advise_unmet_init(&u, p);
	u.seminar[sem] = 10 * problem_choice_weight(p, &p->choices[0]);
	u.total = u.seminar[sem];
	int n;
	struct advise_candidate *c = advise_candidates(p, &pr, &u, &n);
	int k = 0;
	while (k < n && c[k].kind != ADVISE_UNAVAILABLE)
		k++;
	ck_assert_msg(k < n, "no candidate lifts F1's unavailability");
	ck_assert(c[k].expected > 0);
	ck_assert_int_eq(c[k].edit.op, EDIT_LIST_REMOVE);
	ck_assert_str_eq(c[k].edit.key, "F1");
	ck_assert_str_eq(c[k].edit.value, "S2");
	advise_candidates_free(c, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	problem_free(p);
}
END_TEST

static char *read_text(const char *dir, const char *name)
{
	char *text = td_read(dir, name);
	ck_assert_ptr_nonnull(text);
	return text;
}

static const char facilitators[] =
	"facilitator_id,name,max_sessions,unavailable\r\n"
	"F1,\"Doe, Jo\",1,B1;B2\r\n"
	"F2,,,\r\n";
static const char blocks_text[] = "block_id,day\r\nB1,Mon\r\n\xef\xbb\xbf odd bytes kept\n";

START_TEST(edits_change_one_cell)
{
	char *src = td_make(), *dst = td_make();
	td_write(src, "facilitators.csv", facilitators);
	td_write(src, "blocks.csv", blocks_text);
	td_write(src, "scenario.conf", "name = \"x\"\n# lab { max_group = 3 } in a comment\n"
		 "lab { feature = \"pc\" }\n");
	char f1[] = "F1", f3[] = "F3", f9[] = "F9", two[] = "2", b1[] = "B1", guru[] = "guru";
	char v50[] = "50", v60[] = "60";
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(advise_copy_scenario(src, dst, &d), 0);
	struct advise_edit set = { .op = EDIT_SET, .file = "facilitators.csv",
				   .key_col = "facilitator_id", .key = f1, .col = "max_sessions",
				   .value = two };
	ck_assert_int_eq(advise_edit_apply(dst, &set, &d), 0);
	struct advise_edit lift = set;
	lift.op = EDIT_LIST_REMOVE;
	lift.col = "unavailable";
	lift.value = b1;
	ck_assert_int_eq(advise_edit_apply(dst, &lift, &d), 0);
	char *text = read_text(dst, "facilitators.csv");
	ck_assert_str_eq(text, "facilitator_id,name,max_sessions,unavailable\n"
			       "F1,\"Doe, Jo\",2,B2\n"
			       "F2,,,\n");
	free(text);
	/* a column the file lacks is added; a new row fills only its cells */
	struct advise_edit add = { .op = EDIT_APPEND_ROW, .file = "facilitators.csv", .n = 2,
				   .cols = { "facilitator_id", "level" }, .vals = { f3, guru } };
	ck_assert_int_eq(advise_edit_apply(dst, &add, &d), 0);
	text = read_text(dst, "facilitators.csv");
	ck_assert_str_eq(text, "facilitator_id,name,max_sessions,unavailable,level\n"
			       "F1,\"Doe, Jo\",2,B2,\n"
			       "F2,,,,\n"
			       "F3,,,,guru\n");
	free(text);
	/* other files byte for byte */
	text = read_text(dst, "blocks.csv");
	ck_assert_str_eq(text, blocks_text);
	free(text);
	/* scenario.conf: the lab section gains max_group, the comment stays */
	struct advise_edit lab = { .op = EDIT_CONF_LAB, .file = "scenario.conf", .value = v50 };
	ck_assert_int_eq(advise_edit_apply(dst, &lab, &d), 0);
	text = read_text(dst, "scenario.conf");
	ck_assert_str_eq(text, "name = \"x\"\n# lab { max_group = 3 } in a comment\n"
			       "lab { max_group = 50 feature = \"pc\" }\n");
	free(text);
	lab.value = v60;
	ck_assert_int_eq(advise_edit_apply(dst, &lab, &d), 0);
	text = read_text(dst, "scenario.conf");
	ck_assert_ptr_nonnull(strstr(text, "lab { max_group = 60 feature"));
	free(text);
	ck_assert_int_eq(d.n_errors, 0);
	/* a row that is not there */
	set.key = f9;
	ck_assert_int_eq(advise_edit_apply(dst, &set, &d), -1);
	ck_assert(diag_contains(&d, "F9"));
	diag_release(&d);
	td_remove(src);
	td_remove(dst);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	Suite *s = suite_create("advise");
	TCase *tc = tcase_create("prices");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, prices_leave_the_bound_alone);
	tcase_add_test(tc, max_sessions_priced_and_first);
	tcase_add_test(tc, no_unmet_no_candidates);
	tcase_add_test(tc, room_priced_when_rooms_are_scarce);
	tcase_add_test(tc, guru_valued_by_sessions_led);
	tcase_add_test(tc, seminar_block_unavailability_priced);
	suite_add_tcase(s, tc);
	TCase *te = tcase_create("edits");
	tcase_add_test(te, edits_change_one_cell);
	suite_add_tcase(s, te);
	int rc = run_suite(s);
	glp_free_env();
	return rc;
}
