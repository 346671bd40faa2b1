/*
 * check_outpath.c - engine/outpath.c: the default output directory, and
 * the checks a solve makes before solving, which must leave nothing behind.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/outpath.h"
#include "engine/util.h"
#include "tests/support/run_suite.h"
#include "tests/support/tmpdir.h"

static int entries(const char *dir)
{
	DIR *dh = opendir(dir);
	ck_assert_ptr_nonnull(dh);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dh)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(dh);
	return n;
}

START_TEST(default_is_inside_the_scenario)
{
	char *d = outpath_default("schools/spring", "out");
	ck_assert_str_eq(d, "schools/spring/out");
	free(d);
	d = outpath_default("schools/spring//", "runs/a");
	ck_assert_str_eq(d, "schools/spring/runs/a");
	free(d);
	d = outpath_default("schools/spring", "/srv/schedules");
	ck_assert_str_eq(d, "/srv/schedules");
	free(d);
}
END_TEST

START_TEST(directory_checks)
{
	char *t = td_make();
	td_write(t, "afile", "x");
	char *path = xasprintf("%s/new/deeper/out", t);
	char *why = outpath_check_dir(path);
	ck_assert_ptr_null(why);
	ck_assert_int_eq(entries(t), 1);   /* the probe is gone, nothing made */
	free(path);

	path = xasprintf("%s/afile", t);
	why = outpath_check_dir(path);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "not a directory"));
	free(why);
	free(path);

	path = xasprintf("%s/afile/out", t);
	why = outpath_check_dir(path);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "afile' is not a directory"));
	free(why);
	free(path);

	/* an empty directory or an earlier schedule may be replaced */
	path = xasprintf("%s/run", t);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	ck_assert_ptr_null(outpath_check_dir(path));
	td_write(path, "notes.txt", "mine");
	why = outpath_check_dir(path);
	ck_assert_ptr_nonnull(why);
	free(why);
	td_write(path, "summary.csv", "metric,value\n");
	ck_assert_ptr_null(outpath_check_dir(path));
	free(path);

	why = outpath_check_dir("/proc/mclsched-x");
	ck_assert_ptr_nonnull(why);
	free(why);
	td_remove(t);
}
END_TEST

START_TEST(file_checks)
{
	char *t = td_make();
	char *path = xasprintf("%s/cycle.lp", t);
	ck_assert_ptr_null(outpath_check_file(path));
	ck_assert_int_eq(access(path, F_OK), -1);   /* created and removed */
	td_write(t, "cycle.lp", "kept");
	ck_assert_ptr_null(outpath_check_file(path));
	FILE *f = fopen(path, "r");
	char buf[8] = "";
	ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), f));
	fclose(f);
	ck_assert_str_eq(buf, "kept");
	free(path);

	char *why = outpath_check_file(t);
	ck_assert_ptr_nonnull(why);
	free(why);
	path = xasprintf("%s/missing/cycle.lp", t);
	why = outpath_check_file(path);
	ck_assert_ptr_nonnull(why);
	free(why);
	free(path);
	td_remove(t);
}
END_TEST

/* An earlier output holds oneroster/; a directory it does not write makes
 * the whole directory someone else's. */
START_TEST(subdirectories)
{
	char *t = td_make();
	td_write(t, "summary.csv", "metric,value\n");
	char *sub = xasprintf("%s/oneroster", t);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	td_write(sub, "users.csv", "sourcedId\n");
	ck_assert(outpath_replaceable(t));
	char *mine = xasprintf("%s/mine", t);
	ck_assert_int_eq(mkdir(mine, 0755), 0);
	ck_assert(!outpath_replaceable(t));
	char *why = outpath_check_dir(t);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "subdirectory"));
	free(why);
	free(sub);
	free(mine);
	td_remove(t);
}
END_TEST

static Suite *outpath_suite(void)
{
	Suite *s = suite_create("outpath");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, default_is_inside_the_scenario);
	tcase_add_test(tc, directory_checks);
	tcase_add_test(tc, file_checks);
	tcase_add_test(tc, subdirectories);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(outpath_suite());
}
