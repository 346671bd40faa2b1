/*
 * check_exports.c - outputs/xlsx_out.c and outputs/oneroster.c on a
 * hand-written schedule of tests/data/tiny, read into a row set: the same
 * rows give the same bytes, the exports read no file (they write into a
 * directory that holds none), and the reader names a missing or
 * unresolvable schedule file.  What the exports say is checked end to end
 * by tests/cli/exports.sh with a reader of its own.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/outpath.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "outputs/oneroster.h"
#include "outputs/rowset.h"
#include "outputs/xlsx_out.h"
#include "tests/support/run_suite.h"
#include "tests/support/tmpdir.h"

static const char *const SESSIONS =
	"session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
	"S0001,S0001,workshop,M1,Mon1,R1,F1,2\n"
	"S0002,S0002,lab,,Mon1,R2,F2,2\n"
	"S0003,S0003,workshop,M2,Mon2,R1,F1,3\n";
static const char *const TIMETABLE =
	"learner_id,block_id,session_id,offering_id\n"
	"L1,Mon1,S0002,\n"
	"L1,Mon2,S0003,M2\n"
	"L2,Mon1,S0001,M1\n"
	"L3,Mon1,S0001,M1\n"
	"L3,Mon2,S0003,M2\n"
	"L4,Mon1,S0002,\n"
	"L4,Mon2,S0003,M2\n";
static const char *const UNMET =
	"learner_id,kind,offering_id,priority,wanted,scheduled,reason\n"
	"L3,need,M1,2,2,1,capacity\n";
static const char *const SUMMARY = "metric,value\nstatus,optimal\nobjective,100.00\n"
				   "scenario_name,Tiny\n";

static struct problem *p;

static void setup(void)
{
	struct diag d = DIAG_INIT;
	p = scenario_load("tests/data/tiny", &d);
	ck_assert_msg(p != NULL, "tests/data/tiny does not load");
	diag_release(&d);
}

static void teardown(void)
{
	problem_free(p);
}

static char *schedule_dir(void)
{
	char *dir = td_make();
	td_write(dir, "sessions.csv", SESSIONS);
	td_write(dir, "timetable.csv", TIMETABLE);
	td_write(dir, "unmet.csv", UNMET);
	td_write(dir, "summary.csv", SUMMARY);
	return dir;
}

/* The rows of the hand-written schedule, read against the tiny school. */
static void schedule_rows(struct rowset *rs)
{
	char *dir = schedule_dir();
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(rowset_read(rs, dir, p, &d), 0);
	diag_release(&d);
	td_remove(dir);
}

/* Whether two files hold the same bytes. */
static bool same_bytes(const char *a, const char *b)
{
	char *cmd = xasprintf("cmp -s '%s' '%s'", a, b);
	int rc = system(cmd);
	free(cmd);
	return rc == 0;
}

static bool exists(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	bool found = access(path, F_OK) == 0;
	free(path);
	return found;
}

START_TEST(same_schedule_same_bytes)
{
	/* empty directories: the exports have no file to read */
	char *a = td_make(), *b = td_make();
	struct rowset rs;
	schedule_rows(&rs);
	struct diag d = DIAG_INIT;
	time_t when = 1767268800;   /* 2026-01-01 */
	ck_assert_int_eq(xlsx_out_write(p, &rs, a, when, &d), 0);
	ck_assert_int_eq(xlsx_out_write(p, &rs, b, when, &d), 0);
	ck_assert_int_eq(oneroster_write(p, &rs, a, when, &d), 0);
	ck_assert_int_eq(oneroster_write(p, &rs, b, when, &d), 0);
	ck_assert_int_eq(d.n_errors, 0);
	static const char *const files[] = {
		"schedule.xlsx", "oneroster/manifest.csv", "oneroster/orgs.csv",
		"oneroster/academicSessions.csv", "oneroster/courses.csv", "oneroster/classes.csv",
		"oneroster/users.csv", "oneroster/enrollments.csv",
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *fa = xasprintf("%s/%s", a, files[i]), *fb = xasprintf("%s/%s", b, files[i]);
		ck_assert_msg(same_bytes(fa, fb), "%s differs between two writes", files[i]);
		free(fa);
		free(fb);
	}
	/* a lab with no credit is a class of the lab course; one class per section */
	char *classes = xasprintf("%s/oneroster/classes.csv", a);
	FILE *f = fopen(classes, "r");
	ck_assert_ptr_nonnull(f);
	char line[512];
	int rows = 0, labs = 0;
	while (fgets(line, sizeof(line), f)) {
		rows++;
		labs += strstr(line, ":course:lab,S0002,scheduled,") != NULL;
	}
	fclose(f);
	free(classes);
	ck_assert_int_eq(rows, 1 + 3);
	ck_assert_int_eq(labs, 1);
	rowset_release(&rs);
	diag_release(&d);
	td_remove(a);
	td_remove(b);
}
END_TEST

START_TEST(missing_file_names_it)
{
	char *dir = schedule_dir();
	char *gone = xasprintf("%s/timetable.csv", dir);
	unlink(gone);
	free(gone);
	struct diag d = DIAG_INIT;
	struct rowset rs;
	ck_assert_int_eq(rowset_read(&rs, dir, p, &d), -1);
	ck_assert(diag_contains(&d, "timetable.csv"));
	ck_assert_int_eq(rs.n_sessions, 0);
	diag_release(&d);
	td_remove(dir);
}
END_TEST

START_TEST(unresolved_row_is_an_error)
{
	char *dir = schedule_dir();
	td_write(dir, "sessions.csv",
		 "session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
		 "S0001,S0001,workshop,M1,Mon1,R9,F1,2\n");
	struct diag d = DIAG_INIT;
	struct rowset rs;
	ck_assert_int_eq(rowset_read(&rs, dir, p, &d), -1);
	ck_assert(diag_contains(&d, "sessions.csv:2: session 'S0001' names an id the scenario "
				"does not have"));
	diag_release(&d);
	td_remove(dir);
}
END_TEST

/* A name longer than a cell holds is cut, not a lost workbook. */
START_TEST(overlong_name_is_cut)
{
	char *scen = td_make();
	td_copy("tests/data/tiny", scen);
	size_t n = 40000;
	char *name = xmalloc(n + 1);
	memset(name, 'x', n);
	name[n] = '\0';
	char *learners = xasprintf("learner_id,name,age,unavailable\nL1,%s,13,\nL2,Bob,14,Mon2\n"
				   "L3,Cy,15,\nL4,Di,13,\n", name);
	td_write(scen, "learners.csv", learners);
	struct diag d = DIAG_INIT;
	struct problem *q = scenario_load(scen, &d);
	ck_assert_ptr_nonnull(q);
	char *dir = td_make();
	struct rowset rs;
	schedule_rows(&rs);
	ck_assert_int_eq(xlsx_out_write(q, &rs, dir, 1, &d), 0);
	ck_assert(exists(dir, "schedule.xlsx"));
	rowset_release(&rs);
	problem_free(q);
	diag_release(&d);
	free(name);
	free(learners);
	td_remove(dir);
	td_remove(scen);
}
END_TEST

/* The subdirectory the writer makes is the one the directory swap removes. */
START_TEST(oneroster_is_an_output_subdirectory)
{
	bool listed = false;
	for (int i = 0; outpath_subdirs[i]; i++)
		listed |= !strcmp(outpath_subdirs[i], ONEROSTER_DIR);
	ck_assert(listed);
}
END_TEST

static Suite *exports_suite(void)
{
	Suite *s = suite_create("exports");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, same_schedule_same_bytes);
	tcase_add_test(tc, missing_file_names_it);
	tcase_add_test(tc, unresolved_row_is_an_error);
	tcase_add_test(tc, overlong_name_is_cut);
	tcase_add_test(tc, oneroster_is_an_output_subdirectory);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(exports_suite());
}
