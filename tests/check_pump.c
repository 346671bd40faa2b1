/*
 * check_pump.c - mip_solve keeps GLPK's feasibility pump within its time.
 *
 * The pump solves LPs of the root's size with no time limit of their own,
 * so mip_solve turns it off when the time left after the root LP could not
 * hold them.  This suite is linked with -Wl,--wrap=glp_simplex,
 * --wrap=glp_intopt (see the Makefile): while `lp_delay` is set the root LP
 * takes that much longer, and glp_intopt notes whether the pump was asked for.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <glpk.h>
#include <time.h>

#include "models/glpk_run.h"
#include "tests/support/run_suite.h"

static double lp_delay;
static int pump_asked = -1;

int __real_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __real_glp_intopt(glp_prob *P, const glp_iocp *parm);
int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm);

int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm)
{
	struct timespec ts = { .tv_sec = (time_t)lp_delay,
			       .tv_nsec = (long)((lp_delay - (double)(time_t)lp_delay) * 1e9) };
	while (lp_delay > 0 && nanosleep(&ts, &ts) != 0)
		;
	return __real_glp_simplex(P, parm);
}

int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm)
{
	pump_asked = parm->fp_heur == GLP_ON;
	return __real_glp_intopt(P, parm);
}

/* max x1 + x2 + x3, x1 + x2 + x3 <= 1.5, binaries: a fractional root. */
static glp_prob *small_mip(void)
{
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	glp_add_cols(P, 3);
	int ind[4] = { 0, 1, 2, 3 };
	double val[4] = { 0, 1, 1, 1 };
	for (int j = 1; j <= 3; j++) {
		glp_set_col_kind(P, j, GLP_BV);
		glp_set_obj_coef(P, j, 1);
	}
	glp_add_rows(P, 1);
	glp_set_row_bnds(P, 1, GLP_UP, 0, 1.5);
	glp_set_mat_row(P, 1, 3, ind, val);
	return P;
}

static int pump_with(double delay, double seconds)
{
	glp_prob *P = small_mip();
	struct mip_params mp = { .seconds = seconds, .gap = 1e-6, .fpump = true };
	struct mip_result mr;
	lp_delay = delay;
	pump_asked = -1;
	mip_solve(P, &mp, &mr);
	lp_delay = 0;
	ck_assert(mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE ||
		  mr.outcome == MIP_NO_SOLUTION);
	glp_delete_prob(P);
	return pump_asked;
}

/* Time to spare after the root LP: the pump runs. */
START_TEST(pump_runs_with_time_to_spare)
{
	ck_assert_int_eq(pump_with(0.2, 100), 1);
}
END_TEST

/* A root LP of 0.3 s with 0.2 s left (zoo seed 4's joint plan: 10 s of
 * its 11 s, then a 30 s pump): no pump, so the limit holds. */
START_TEST(no_pump_when_the_root_lp_took_the_time)
{
	ck_assert_int_eq(pump_with(0.3, 0.5), 0);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("pump");
	TCase *tc = tcase_create("limit");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, pump_runs_with_time_to_spare);
	tcase_add_test(tc, no_pump_when_the_root_lp_took_the_time);
	suite_add_tcase(su, tc);
	return run_suite(su);
}
