/*
 * check_outputs.c - scoring (engine/metrics.c) on hand-built schedules, and
 * the output writer: files, byte-identical rewrites, atomic replacement,
 * refusal to replace an unrelated directory, unmet reasons.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "outputs/output.h"
#include "tests/support/builder.h"
#include "tests/support/tmpdir.h"

/*
 * Two blocks; goal G (min 1, sessions 2) led by guru F1; online goal D
 * (sessions 1); L1 needs G at priority 1 and D at priority 2; L2 needs G at
 * priority 3 (not ready) and D at priority 4.
 */
static struct problem *small(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "B1", BLOCK_WORKSHOP);
	tb_block(tb, "B2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G", 1, 25, 2), dg = tb_goal(tb, "D", 1, 40, 1);
	tb_goal_online(tb, dg);
	int f1 = tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_level(tb, f1, g, LEVEL_GURU);
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_need(tb, l1, g, 1, 2);
	tb_need(tb, l1, dg, 2, 1);
	tb_need_not_ready(tb, l2, g, 3, 1);
	tb_need(tb, l2, dg, 4, 1);
	return tb_finish(tb);
}

/* B1: G workshop (F1, R1) for L1, lab (F2, R2) for L2; B2: one lab for both. */
static void schedule(const struct problem *p, struct solution *s)
{
	solution_init(s, p);
	struct session w = { SESSION_WORKSHOP, 0, 0, 0, 0, 0, 0 };
	struct session lab1 = { SESSION_LAB, -1, 0, 1, 1, 0, 0 };
	struct session lab2 = { SESSION_LAB, -1, 1, 0, 1, 0, 0 };
	int a = solution_add_session(s, &w), b = solution_add_session(s, &lab1),
	    c = solution_add_session(s, &lab2);
	*solution_attend(s, 0, 0) = a;
	*solution_attend(s, 1, 0) = b;
	*solution_attend(s, 0, 1) = c;
	*solution_attend(s, 1, 1) = c;
	solution_recount(s);
	s->status = SOLVE_OPTIMAL;
}

START_TEST(metrics_by_hand)
{
	struct problem *p = small();
	struct solution s;
	schedule(p, &s);
	struct metrics m;
	metrics_compute(p, &s, &m);
	/* L1: one G session (100) + power goal (200) + D credited by the B2 lab
	 * (60); L2: D credited by its first lab (20), the second lab credits
	 * nothing (sessions 1); the G need is not ready; guru on the workshop (5) */
	ck_assert_double_eq_tol(m.objective, 100 + 200 + 60 + 20 + 5, 1e-9);
	ck_assert_int_eq(m.need_sessions_wanted, 2 + 1 + 1);
	ck_assert_int_eq(m.need_sessions_scheduled, 1 + 1 + 1);
	ck_assert_double_eq_tol(m.power_goal_pct, 100, 1e-9);
	ck_assert_double_eq_tol(m.learners_complete_pct, 50, 1e-9);   /* L2 only */
	ck_assert_int_eq(m.needs_not_ready, 1);
	ck_assert_int_eq(m.lab_sessions, 2);
	ck_assert_double_eq_tol(m.avg_group_size, 1, 1e-9);
	/* 3 sessions led of 2 facilitators x 2 blocks */
	ck_assert_double_eq_tol(m.facilitator_load_pct, 75, 1e-9);
	metrics_release(&m);
	solution_release(&s);
	problem_free(p);
}
END_TEST

static char *slurp(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return NULL;
	char *buf = xcalloc(1 << 16, 1);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

START_TEST(output_files_identical_and_replaced_atomically)
{
	struct problem *p = small();
	struct solution s;
	schedule(p, &s);
	s.objective = 385;
	s.bound = 400;
	solution_set_gap(&s);
	char *dir = td_make();
	char *a = xasprintf("%s/a", dir), *b = xasprintf("%s/nested/b", dir);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, &s, a, &d), 0);
	ck_assert_int_eq(output_write(p, &s, b, &d), 0);   /* parents created */
	const char *files[] = { "sessions.csv", "timetable.csv", "unmet.csv", "summary.csv" };
	for (int i = 0; i < 4; i++) {
		char *x = slurp(a, files[i]), *y = slurp(b, files[i]);
		ck_assert_ptr_nonnull(x);
		ck_assert_str_eq(x, y);
		free(x);
		free(y);
	}
	char *sessions = slurp(a, "sessions.csv");
	ck_assert_str_eq(sessions,
			 "session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
			 "S0001,S0001,workshop,G,B1,R1,F1,1\n"
			 "S0002,S0002,lab,,B1,R2,F2,1\n"
			 "S0003,S0003,lab,,B2,R1,F2,2\n");
	free(sessions);
	char *unmet = slurp(a, "unmet.csv");
	ck_assert_ptr_nonnull(strstr(unmet, "L1,need,G,1,2,1,"));
	ck_assert_ptr_nonnull(strstr(unmet, "L2,need,G,3,1,0,prerequisite\n"));
	free(unmet);
	char *summary = slurp(a, "summary.csv");
	ck_assert_ptr_nonnull(strstr(summary, "gap,0.037500\n"));
	free(summary);

	/* an earlier output is replaced whole; no temporary stays beside it */
	td_write(a, "extra.txt", "x");
	ck_assert_int_eq(output_write(p, &s, a, &d), 0);
	char *extra = xasprintf("%s/extra.txt", a);
	ck_assert_int_ne(access(extra, F_OK), 0);
	free(extra);
	char *cmd = xasprintf("ls %s | grep -c tmp- >/dev/null", dir);
	ck_assert_int_ne(system(cmd), 0);
	free(cmd);

	/* an unrelated, non-empty directory is never replaced */
	char *other = xasprintf("%s/other", dir);
	mkdir(other, 0755);
	td_write(other, "thesis.txt", "precious");
	ck_assert_int_eq(output_write(p, &s, other, &d), -1);
	ck_assert(diag_contains(&d, "is not an mclsched output directory"));
	char *keep = slurp(other, "thesis.txt");
	ck_assert_str_eq(keep, "precious");
	free(keep);

	free(other);
	free(a);
	free(b);
	td_remove(dir);
	diag_release(&d);
	solution_release(&s);
	problem_free(p);
}
END_TEST

START_TEST(output_infeasible_writes_diagnosis)
{
	struct problem *p = small();
	struct solution s;
	solution_init(&s, p);
	s.status = SOLVE_INFEASIBLE;
	s.diagnosis = xstrdup("block 'B1': short by 3 seats\n");
	char *dir = td_make();
	char *o = xasprintf("%s/o", dir);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, &s, o, &d), 0);
	char *diagnosis = slurp(o, "diagnosis.txt"), *summary = slurp(o, "summary.csv");
	ck_assert_str_eq(diagnosis, "block 'B1': short by 3 seats\n");
	ck_assert_ptr_nonnull(strstr(summary, "status,infeasible\n"));
	ck_assert_ptr_null(slurp(o, "sessions.csv"));
	free(diagnosis);
	free(summary);
	free(o);
	td_remove(dir);
	diag_release(&d);
	solution_release(&s);
	problem_free(p);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("outputs");
	TCase *tm = tcase_create("metrics"), *to = tcase_create("output");
	tcase_add_test(tm, metrics_by_hand);
	tcase_add_test(to, output_files_identical_and_replaced_atomically);
	tcase_add_test(to, output_infeasible_writes_diagnosis);
	suite_add_tcase(s, tm);
	suite_add_tcase(s, to);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
