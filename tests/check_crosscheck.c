/*
 * check_crosscheck.c - a second solver agrees with mclsched's optimum.
 *
 * For small generated cycles, the exact cycle model that `solve --write-lp`
 * writes is solved by COIN-OR CBC (the Debian `cbc` program), and its optimum
 * must equal both GLPK's optimum of the same model and the objective of the
 * schedule the workshop model returns with status optimal.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/solution.h"
#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/* Runs cbc on lp_path; returns its optimal objective, or fails the test. */
static double cbc_optimum(const char *lp_path, const char *sol_path)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd),
		 "timeout 120 cbc %s -sec 60 -timeMode elapsed -solve -solu %s >/dev/null 2>&1",
		 lp_path, sol_path);
	int rc = system(cmd);
	ck_assert_msg(rc == 0, "cbc failed (%d): is coinor-cbc installed? `%s`", rc, cmd);
	FILE *f = fopen(sol_path, "r");
	ck_assert_ptr_nonnull(f);
	char line[256] = "";
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	double v;
	ck_assert_msg(sscanf(line, "Optimal - objective value %lf", &v) == 1,
		      "cbc did not prove optimality: %s", line);
	return v;
}

START_TEST(cbc_agrees_with_mclsched)
{
	struct problem *p = tb_random_cycle(100 + (unsigned)_i, 12);
	char dir[] = "/tmp/mclsched-cbc-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *lp = xasprintf("%s/cycle.lp", dir), *sol = xasprintf("%s/cycle.sol", dir);

	int blocks[3] = { 0, 1, 2 };
	glp_prob *P = cycle_mip_build(p, blocks, 3, NULL);
	ck_assert_int_eq(glp_write_lp(P, NULL, lp), 0);
	double exact = ts_exact_optimum(P);

	double cbc = cbc_optimum(lp, sol);
	ck_assert_double_eq_tol(cbc, exact, 1e-6);

	struct solve_options o = { .time_limit = 30, .gap = 1e-6, .seed = 1 };
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(workshop_solve(p, &o, &s), 0);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ck_assert_double_eq_tol(s.objective, cbc, 1e-6);

	solution_release(&s);
	unlink(lp);
	unlink(sol);
	rmdir(dir);
	free(lp);
	free(sol);
	problem_free(p);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("crosscheck");
	TCase *tc = tcase_create("cbc");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, cbc_agrees_with_mclsched, 0, 3);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
