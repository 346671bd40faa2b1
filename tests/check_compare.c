/*
 * check_compare.c - compare on hand-written output directories: the
 * need-session counting rule (unmet.csv's scheduled, timetable rows capped
 * at wanted, labs counted and seminars not, needs met in full everywhere),
 * gains and losses, the best marks (higher, lower, ties, all equal, a
 * missing value), the same-school check, the reader's errors with
 * DIR/FILE:LINE, the HTML escaping and the atomic files.  End to end on
 * solved runs: tests/cli/compare.sh.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "compare/compare.h"
#include "compare/compare_run.h"
#include "compare/compare_view.h"
#include "tests/support/run_suite.h"
#include "tests/support/tmpdir.h"

static const char sessions[] =
	"session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
	"S1,S1,workshop,G,B1,R1,F1,1\n"
	"S2,S1,workshop,G,B2,R1,F1,1\n"
	"S3,S1,workshop,G,B3,R1,F1,1\n"
	"S4,S4,lab,,B4,R2,F2,2\n"
	"S5,S5,seminar,SEM,B5,R1,F2,1\n";

/*
 * Run A: L1 meets goal G in three blocks (a power-goal group; G met in
 * full, so no unmet row), a lab on online goal D (met), a seminar; L2 has a
 * lab counting toward nothing and an unmet priority-4 need H.  Run B: L1's
 * G is unmet (priority 1, wanted 2, scheduled 0) and L1 spends the blocks
 * on H2; L2 gets one session of H.
 */
static char *run_a(const char *name)
{
	char *dir = td_make();
	td_write(dir, "sessions.csv", sessions);
	td_write(dir, "timetable.csv",
		 "learner_id,block_id,session_id,offering_id\n"
		 "L1,B1,S1,G\nL1,B2,S2,G\nL1,B3,S3,G\nL1,B4,S4,D\nL1,B5,S5,SEM\n"
		 "L2,B4,S4,\n");
	td_write(dir, "unmet.csv",
		 "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n"
		 "L2,need,H,4,2,0,capacity\n"
		 "L2,choice,SEM,1,1,0,capacity\n");
	char *summary = xasprintf("metric,value\nstatus,feasible\nobjective,100.00\ngap,0.010000\n"
				  "learners,2\nlearners_left_out,0\navg_group_size,1.50\n"
				  "scenario_name,%s\nseed,1\n", name);
	td_write(dir, "summary.csv", summary);
	free(summary);
	return dir;
}

static char *run_b(void)
{
	char *dir = td_make();
	td_write(dir, "sessions.csv",
		 "session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
		 "S1,S1,workshop,H2,B1,R1,F1,1\n"
		 "S2,S2,workshop,H,B2,R1,F3,1\n"
		 "S3,S3,lab,,B4,R2,F2,2\n");
	td_write(dir, "timetable.csv",
		 "learner_id,block_id,session_id,offering_id\n"
		 "L1,B1,S1,H2\nL1,B4,S3,D\nL2,B2,S2,H\nL2,B4,S3,\n");
	td_write(dir, "unmet.csv",
		 "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n"
		 "L1,need,G,1,2,0,capacity\n"
		 "L2,need,H,4,2,1,capacity\n");
	td_write(dir, "summary.csv",
		 "metric,value\nstatus,feasible\nobjective,120.00\ngap,0.010000\nlearners,2\n"
		 "learners_left_out,1\navg_group_size,1.00\nscenario_name,B\nseed,2\n"
		 "extra_metric,7\n");
	return dir;
}

static void read_ok(struct compare_run *r, const char *dir)
{
	struct diag d;
	diag_init(&d);
	int rc = compare_run_read(r, dir, &d);
	if (rc != 0 || d.n_errors)
		diag_print(&d, stderr);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(d.n_errors, 0);
	diag_release(&d);
}

static int learner(const struct compare *c, const char *id)
{
	for (int l = 0; l < c->n_learners; l++)
		if (!strcmp(c->learners[l], id))
			return l;
	ck_abort_msg("no learner %s", id);
	return -1;
}

static const struct compare_row *row_of(const struct compare *c, const char *name)
{
	for (int i = 0; i < c->n_rows; i++)
		if (!strcmp(c->rows[i].name, name))
			return &c->rows[i];
	ck_abort_msg("no row %s", name);
	return NULL;
}

START_TEST(counting_rule)
{
	char *a = run_a("A"), *b = run_b();
	struct compare_run runs[2];
	read_ok(&runs[0], a);
	read_ok(&runs[1], b);
	ck_assert_ptr_null(compare_school_mismatch(&runs[0], &runs[1]));
	struct compare c;
	compare_build(&c, runs, 2);
	int l1 = learner(&c, "L1"), l2 = learner(&c, "L2");
	/* G: 3 rows in A capped at wanted 2 (from B's unmet row), priority 1 */
	ck_assert_int_eq(compare_sessions(&c, l1, 0, 1), 2);
	ck_assert_int_eq(compare_sessions(&c, l1, 1, 1), 0);
	/* D (a lab) and H2 are in no unmet.csv: met in full, priority not known;
	 * the seminar counts for nothing */
	ck_assert_int_eq(compare_sessions(&c, l1, 0, 0), 1);
	ck_assert_int_eq(compare_sessions(&c, l1, 1, 0), 2);
	ck_assert_int_eq(compare_sessions(&c, l1, 0, COMPARE_TOTAL), 3);
	ck_assert_int_eq(compare_sessions(&c, l1, 1, COMPARE_TOTAL), 2);
	/* L2: H priority 4, 0 then 1; the empty lab counts for nothing */
	ck_assert_int_eq(compare_sessions(&c, l2, 0, 4), 0);
	ck_assert_int_eq(compare_sessions(&c, l2, 1, 4), 1);
	ck_assert_int_eq(compare_sessions(&c, l2, 0, COMPARE_TOTAL), 0);
	/* gains and losses against run 1 */
	ck_assert_int_eq(c.lose[1][1], 1);
	ck_assert_int_eq(c.gain[1][1], 0);
	ck_assert_int_eq(c.gain[1][0], 1);
	ck_assert_int_eq(c.gain[1][4], 1);
	ck_assert_int_eq(c.gain[1][COMPARE_TOTAL], 1);
	ck_assert_int_eq(c.lose[1][COMPARE_TOTAL], 1);
	ck_assert_int_eq(c.totals[0 * (COMPARE_PRIORITIES + 1) + COMPARE_TOTAL], 3);
	ck_assert_int_eq(c.totals[1 * (COMPARE_PRIORITIES + 1) + COMPARE_TOTAL], 3);
	/* L1 moves 2 + 1 = 3, L2 1: L1 first */
	ck_assert_int_eq(c.n_changes[1], 2);
	ck_assert_int_eq(c.changes[1][0].learner, l1);
	ck_assert_int_eq(c.changes[1][0].moved, 3);
	/* loads: F1 3 -> 1, F2 2 -> 1, F3 0 -> 1 */
	ck_assert_int_eq(c.n_facilitators, 3);
	ck_assert_int_eq(c.load[0 * 2 + 0], 3);
	ck_assert_int_eq(c.load[0 * 2 + 1], 1);
	ck_assert_int_eq(c.load[2 * 2 + 0], 0);
	ck_assert_int_eq(c.n_load_changes, 3);
	compare_release(&c);
	compare_run_release(&runs[0]);
	compare_run_release(&runs[1]);
	td_remove(a);
	td_remove(b);
}
END_TEST

START_TEST(best_marks)
{
	char *a = run_a("A"), *b = run_b(), *a2 = run_a("A");
	struct compare_run runs[3];
	read_ok(&runs[0], a);
	read_ok(&runs[1], b);
	read_ok(&runs[2], a2);
	struct compare c;
	compare_build(&c, runs, 3);
	const struct compare_row *obj = row_of(&c, "objective");
	ck_assert(!obj->best[0] && obj->best[1] && !obj->best[2]);
	/* lower is better; runs 1 and 3 tie */
	const struct compare_row *out = row_of(&c, "learners_left_out");
	ck_assert(out->best[0] && !out->best[1] && out->best[2]);
	/* all equal: none marked; not ranked: none */
	const struct compare_row *gap = row_of(&c, "gap");
	ck_assert(!gap->best[0] && !gap->best[1] && !gap->best[2]);
	const struct compare_row *size = row_of(&c, "avg_group_size");
	ck_assert(!size->best[0] && !size->best[1]);
	/* a metric only run 2 has: shown, its value missing elsewhere */
	const struct compare_row *extra = row_of(&c, "extra_metric");
	ck_assert_ptr_null(extra->values[0]);
	ck_assert_str_eq(extra->values[1], "7");
	ck_assert(row_of(&c, "seed")->differs);
	ck_assert(!row_of(&c, "status")->differs);
	compare_release(&c);
	for (int i = 0; i < 3; i++)
		compare_run_release(&runs[i]);
	td_remove(a);
	td_remove(b);
	td_remove(a2);
}
END_TEST

START_TEST(other_school)
{
	char *a = run_a("A"), *b = run_b();
	td_write(b, "timetable.csv", "learner_id,block_id,session_id,offering_id\n"
		 "L1,B1,S1,H2\nL9,B4,S3,\n");
	td_write(b, "unmet.csv", "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n");
	struct compare_run runs[2];
	read_ok(&runs[0], a);
	read_ok(&runs[1], b);
	char *why = compare_school_mismatch(&runs[0], &runs[1]);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "different schools"));
	ck_assert_ptr_nonnull(strstr(why, "1 learner only in the first (L2)"));
	ck_assert_ptr_nonnull(strstr(why, "1 only in the second (L9)"));
	free(why);
	compare_run_release(&runs[1]);
	/* same ids, but summary.csv counts another number of learners */
	td_remove(b);
	b = run_a("A");
	td_write(b, "summary.csv", "metric,value\nstatus,optimal\nlearners,3\n");
	read_ok(&runs[1], b);
	why = compare_school_mismatch(&runs[0], &runs[1]);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "counts 2 and 3 learners"));
	free(why);
	compare_run_release(&runs[0]);
	compare_run_release(&runs[1]);
	td_remove(a);
	td_remove(b);
}
END_TEST

START_TEST(reader_errors)
{
	char *a = run_a("A");
	td_write(a, "unmet.csv", "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n"
		 "L2,need,H,9,2,0,capacity\n"
		 "L2,wish,H,1,2,0,capacity\n");
	td_write(a, "timetable.csv", "learner_id,block_id,session_id,offering_id\n"
		 "L1,B1,S7,G\n");
	struct compare_run r;
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(compare_run_read(&r, a, &d), -1);
	char *at = xasprintf("%s/unmet.csv:2: a need row", a);
	ck_assert(diag_contains(&d, at));
	free(at);
	at = xasprintf("%s/unmet.csv:3: kind 'wish'", a);
	ck_assert(diag_contains(&d, at));
	free(at);
	at = xasprintf("%s/timetable.csv:2: session 'S7' is not in sessions.csv", a);
	ck_assert(diag_contains(&d, at));
	free(at);
	compare_run_release(&r);
	diag_release(&d);

	/* no summary.csv: not ours; a missing unmet.csv: named */
	char *path = xasprintf("%s/summary.csv", a);
	remove(path);
	free(path);
	ck_assert_int_eq(compare_run_read(&r, a, &d), -1);
	ck_assert(diag_contains(&d, "not an mclsched output directory"));
	compare_run_release(&r);
	diag_release(&d);
	td_remove(a);
	a = run_a("A");
	path = xasprintf("%s/unmet.csv", a);
	remove(path);
	free(path);
	ck_assert_int_eq(compare_run_read(&r, a, &d), -1);
	at = xasprintf("%s/unmet.csv: missing required file", a);
	ck_assert(diag_contains(&d, at));
	free(at);
	compare_run_release(&r);
	diag_release(&d);
	td_remove(a);
	ck_assert_int_eq(compare_run_read(&r, "/nonexistent/run", &d), -1);
	ck_assert(diag_contains(&d, "/nonexistent/run: cannot read"));
	compare_run_release(&r);
	diag_release(&d);
}
END_TEST

static char *html_of(const struct compare *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	compare_html_write(c, f);
	fclose(f);
	return buf;
}

START_TEST(html_escapes_and_files_are_atomic)
{
	char *a = run_a("\"<b>&'x</b>\""), *b = run_b();
	struct compare_run runs[2];
	read_ok(&runs[0], a);
	read_ok(&runs[1], b);
	ck_assert_str_eq(compare_run_metric(&runs[0], "scenario_name"), "<b>&'x</b>");
	struct compare c;
	compare_build(&c, runs, 2);
	char *html = html_of(&c);
	ck_assert_ptr_null(strstr(html, "<b>&"));
	ck_assert_ptr_nonnull(strstr(html, "&lt;b&gt;&amp;&#39;x&lt;/b&gt;"));
	free(html);

	char *out = td_make();
	td_write(out, "compare.csv", "old\n");
	td_write(out, "notes.txt", "mine\n");
	struct diag d;
	diag_init(&d);
	ck_assert_ptr_null(compare_check_dir(out));
	ck_assert_int_eq(compare_write_files(&c, out, &d), 0);
	int files = 0;
	DIR *dh = opendir(out);
	struct dirent *e;
	while ((e = readdir(dh)))
		if (e->d_name[0] != '.') {
			files++;
			ck_assert_ptr_null(strstr(e->d_name, "tmp"));
		}
	closedir(dh);
	ck_assert_int_eq(files, 3);
	char *path = xasprintf("%s/compare.csv", out);
	FILE *f = fopen(path, "r");
	char line[128];
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	ck_assert_str_eq(line, "section,item,detail,best,run_1,run_2\n");
	fclose(f);
	free(path);
	/* a directory where compare.csv would go is refused before any work */
	char *sub = xasprintf("%s/compare.html", out);
	remove(sub);
	mkdir(sub, 0755);
	char *why = compare_check_dir(out);
	ck_assert_ptr_nonnull(why);
	free(why);
	free(sub);
	/* a missing DIR is created, with its parents */
	char *deep = xasprintf("%s/a/b", out);
	ck_assert_ptr_null(compare_check_dir(deep));
	ck_assert_int_eq(compare_write_files(&c, deep, &d), 0);
	free(deep);
	diag_release(&d);
	td_remove(out);
	compare_release(&c);
	compare_run_release(&runs[0]);
	compare_run_release(&runs[1]);
	td_remove(a);
	td_remove(b);
}
END_TEST

static Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("compare");
	tcase_add_test(tc, counting_rule);
	tcase_add_test(tc, best_marks);
	tcase_add_test(tc, other_school);
	tcase_add_test(tc, reader_errors);
	tcase_add_test(tc, html_escapes_and_files_are_atomic);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(compare_suite());
}
