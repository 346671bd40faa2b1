/*
 * check_progress.c - engine/progress.c: which reports make a line, and
 * that the objective a line shows never falls; engine/util.c's per-process
 * mute.  Lines are caught by pointing stderr at a temporary file.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/progress.h"
#include "engine/util.h"

static FILE *caught;
static int saved_stderr;

static void catch_stderr(void)
{
	fflush(stderr);
	saved_stderr = dup(2);
	caught = tmpfile();
	ck_assert_ptr_nonnull(caught);
	dup2(fileno(caught), 2);
	mcl_log_level = LOG_NORMAL;
}

/* Restores stderr; returns what was written to it (caller frees). */
static char *release_stderr(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	long n = ftell(caught);
	char *text = xcalloc((size_t)n + 1, 1);
	rewind(caught);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, caught), (size_t)n);
	fclose(caught);
	mcl_log_level = LOG_QUIET;
	return text;
}

static int count(const char *text, const char *what)
{
	int n = 0;
	for (const char *s = strstr(text, what); s; s = strstr(s + 1, what))
		n++;
	return n;
}

START_TEST(best_never_falls)
{
	catch_stderr();
	progress_start(0.005);
	ck_assert(progress_report("improving the schedule", 1000, 0, 80));
	/* a kick: the current schedule is worse; no line, the best stays */
	ck_assert(!progress_report("improving the schedule", 900, 0, 70));
	ck_assert(progress_best() == 1000);
	ck_assert(progress_report("improving the schedule", 1100, 1200, 85));
	char *text = release_stderr();
	ck_assert_int_eq(count(text, "\n"), 2);
	ck_assert_int_eq(count(text, "best 900.0"), 0);
	ck_assert_ptr_nonnull(strstr(text, "improving the schedule: best 1000.0, bound pending, "
					   "need-sessions met 80.0%"));
	ck_assert_ptr_nonnull(strstr(text, "best 1100.0, bound 1200.0, within 8.33% of the best "
					   "possible (gap limit 0.50%), need-sessions met 85.0%"));
	ck_assert_int_eq(count(text, "optimal"), 0);
	free(text);
}
END_TEST

START_TEST(small_steps_wait)
{
	catch_stderr();
	progress_start(0.005);
	ck_assert(!progress_report("building a first schedule, block 1 of 3", -1, 0, -1));
	ck_assert(progress_report("building a first schedule, block 3 of 3", 1000, 0, -1));
	/* below PROGRESS_STEP: shown later, not at once */
	ck_assert(!progress_report("improving the schedule", 1000.5, 0, -1));
	ck_assert(progress_best() == 1000.5);
	/* at PROGRESS_STEP and above: at once */
	ck_assert(progress_report("improving the schedule", 1001.5, 0, -1));
	/* a larger bound never replaces a smaller one */
	ck_assert(progress_report("improving the schedule", 2000, 3000, -1));
	ck_assert(!progress_report("improving the schedule", 2000, 4000, -1));
	char *text = release_stderr();
	ck_assert_int_eq(count(text, "\n"), 3);
	ck_assert_int_eq(count(text, "bound 4000"), 0);
	ck_assert_int_eq(count(text, "need-sessions"), 0);
	free(text);
}
END_TEST

/* A schedule worth 0 (a locked view with nothing left to plan) reported
 * round after round: one line, not one a round (each printed once). */
START_TEST(zero_best_prints_once)
{
	catch_stderr();
	progress_start(0.005);
	ck_assert(progress_report("improving the schedule", 0, 0, 0));
	for (int i = 0; i < 20; i++)
		ck_assert(!progress_report("improving the schedule", 0, 0, 0));
	char *text = release_stderr();
	ck_assert_int_eq(count(text, "\n"), 1);
	free(text);
}
END_TEST

START_TEST(quiet_and_muted_print_nothing)
{
	catch_stderr();
	mcl_log_level = LOG_QUIET;
	progress_start(0.005);
	ck_assert(!progress_report("improving the schedule", 1000, 0, -1));
	ck_assert(progress_best() == 1000);
	mcl_log(LOG_QUIET, "an error is printed");
	char *text = release_stderr();
	ck_assert_str_eq(text, "mclsched: an error is printed\n");
	free(text);

	/* the mute lasts for the process: run it in a child */
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		mcl_log_level = LOG_VERBOSE;
		mcl_log_mute_process();
		int ok = !mcl_log_enabled(LOG_NORMAL) && !mcl_log_enabled(LOG_VERBOSE) &&
			 mcl_log_enabled(LOG_QUIET) && mcl_log_level == LOG_VERBOSE;
		_exit(ok ? 0 : 1);
	}
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert(mcl_log_enabled(LOG_QUIET));
}
END_TEST

static Suite *progress_suite(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, best_never_falls);
	tcase_add_test(tc, small_steps_wait);
	tcase_add_test(tc, zero_best_prints_once);
	tcase_add_test(tc, quiet_and_muted_print_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	mcl_log_level = LOG_QUIET;
	SRunner *sr = srunner_create(progress_suite());
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
