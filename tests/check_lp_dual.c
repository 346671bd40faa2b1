/*
 * check_lp_dual.c - models/lp_dual.c: the bound from a dual vector on a
 * small LP whose optimum is worked out by hand, at the simplex's duals and
 * at perturbed ones.
 */
#include <check.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "engine/util.h"
#include "models/lp_build.h"
#include "models/lp_dual.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/*
 *   max 3x + 2y + z
 *   x + y <= 4;  x + 3y <= 6;  -1 <= x - y <= 2;  x + y + z >= 1;  z - y = 0
 *   x in [0, 3], y in [0, 10], z >= 0
 * z = y, so the objective is 3(x + y) <= 12 by the first row; x = 3, y = 1
 * meets it: the optimum is 12.  Every kind of row bound appears (UP, DB, LO,
 * FX), and z has no upper bound.
 */
static glp_prob *small_lp(void)
{
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	struct triplets t = { 0 };
	int x = lp_add_col(P, GLP_CV, 0, 3, 3);
	int y = lp_add_col(P, GLP_CV, 0, 10, 2);
	int z = lp_add_col(P, GLP_CV, 0, HUGE_VAL, 1);
	int r1 = lp_add_row(P, GLP_UP, 0, 4), r2 = lp_add_row(P, GLP_UP, 0, 6);
	int r3 = lp_add_row(P, GLP_DB, -1, 2), r4 = lp_add_row(P, GLP_LO, 1, 0);
	int r5 = lp_add_row(P, GLP_FX, 0, 0);
	triplets_add(&t, r1, x, 1);
	triplets_add(&t, r1, y, 1);
	triplets_add(&t, r2, x, 1);
	triplets_add(&t, r2, y, 3);
	triplets_add(&t, r3, x, 1);
	triplets_add(&t, r3, y, -1);
	triplets_add(&t, r4, x, 1);
	triplets_add(&t, r4, y, 1);
	triplets_add(&t, r4, z, 1);
	triplets_add(&t, r5, z, 1);
	triplets_add(&t, r5, y, -1);
	triplets_load(&t, P);
	return P;
}

START_TEST(dual_bound_meets_the_optimum)
{
	glp_prob *P = small_lp();
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	ck_assert_int_eq(glp_simplex(P, &smcp), 0);
	ck_assert_int_eq(glp_get_status(P), GLP_OPT);
	double b = lp_dual_bound(P);
	ck_assert(b >= 12);
	ck_assert_double_eq_tol(b, 12, 1e-9);
	glp_delete_prob(P);
}
END_TEST

/* Any y gives a bound at least the optimum: the simplex's duals moved at
 * random (signs flipped too, rows with an infinite side included), and y
 * = 0, where z's unbounded column makes the bound infinite. */
START_TEST(dual_bound_holds_for_any_y)
{
	glp_prob *P = small_lp();
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	ck_assert_int_eq(glp_simplex(P, &smcp), 0);
	double y[6], best[6];
	for (int i = 1; i <= 5; i++)
		best[i] = glp_get_row_dual(P, i);
	unsigned seed = 12345;
	for (int trial = 0; trial < 2000; trial++) {
		y[0] = 0;
		for (int i = 1; i <= 5; i++) {
			seed = seed * 1103515245u + 12345u;
			double r = (double)((seed >> 16) % 2001) / 1000.0 - 1;   /* [-1, 1] */
			y[i] = best[i] + (trial % 2 ? r : 1e-7 * r);
		}
		double b = lp_dual_bound_at(P, y);
		ck_assert_msg(b >= 12, "trial %d: bound %.17g below the optimum 12", trial, b);
	}
	for (int i = 0; i <= 5; i++)
		y[i] = 0;
	ck_assert(isinf(lp_dual_bound_at(P, y)));
	glp_delete_prob(P);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	Suite *s = suite_create("lp_dual");
	TCase *tc = tcase_create("bound");
	tcase_add_test(tc, dual_bound_meets_the_optimum);
	tcase_add_test(tc, dual_bound_holds_for_any_y);
	suite_add_tcase(s, tc);
	int rc = run_suite(s);
	glp_free_env();
	return rc;
}
