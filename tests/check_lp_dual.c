/*
 * check_lp_dual.c - models/lp_dual.c: the bound from a dual vector on a
 * small LP whose optimum is worked out by hand, at the simplex's duals and
 * at perturbed ones; lp_bound_solve's bound at its optimum and when it is
 * stopped before it (random bounded LPs).
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

/*
 * A random bounded LP, the shape of a bound LP: every column in [0, u_j],
 * rows of every kind (<=, >=, ranged) over mixed-sign coefficients, the
 * origin feasible (every row holds at x = 0), so the LP has an optimum.
 */
static glp_prob *random_lp(unsigned seed, int m, int n)
{
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	struct triplets t = { 0 };
	for (int j = 0; j < n; j++) {
		seed = seed * 1103515245u + 12345u;
		double c = (double)((seed >> 16) % 100) - 20;
		seed = seed * 1103515245u + 12345u;
		lp_add_col(P, GLP_CV, 0, 1 + (double)((seed >> 16) % 9), c);
	}
	for (int i = 0; i < m; i++) {
		seed = seed * 1103515245u + 12345u;
		int kind = (int)((seed >> 16) % 3);
		double rhs = 5 + (double)((seed >> 8) % 50);
		int r = kind == 0 ? lp_add_row(P, GLP_UP, 0, rhs) :
			kind == 1 ? lp_add_row(P, GLP_LO, -rhs, 0) : lp_add_row(P, GLP_DB, -rhs, rhs);
		for (int j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 4)
				continue;
			seed = seed * 1103515245u + 12345u;
			double a = (double)((seed >> 16) % 7) - 2;
			if (a != 0)
				triplets_add(&t, r, j + 1, a);
		}
	}
	triplets_load(&t, P);
	return P;
}

/* The LP's optimum by GLPK's primal simplex, a copy solved to the end. */
static double optimum_of(glp_prob *P)
{
	glp_prob *Q = glp_create_prob();
	glp_copy_prob(Q, P, GLP_OFF);
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	ck_assert_int_eq(glp_simplex(Q, &smcp), 0);
	ck_assert_int_eq(glp_get_status(Q), GLP_OPT);
	double z = glp_get_obj_val(Q);
	glp_delete_prob(Q);
	return z;
}

/* Either simplex first reaches the optimum, its bound from P's duals. */
START_TEST(bound_solve_reaches_the_optimum)
{
	const double share[] = { 0, 0.5, 1 };
	for (int k = 0; k < 3; k++) {
		glp_prob *P = small_lp();
		struct lp_bound_result r;
		lp_bound_solve(P, 60, share[k], 0, &r);
		ck_assert_int_eq(r.outcome, LP_BOUND_OPTIMAL);
		ck_assert_int_eq(glp_get_status(P), GLP_OPT);
		ck_assert(r.bound >= 12);
		ck_assert_double_eq_tol(r.bound, 12, 1e-9);
		ck_assert(r.dual_ran == (share[k] == 0));
		glp_delete_prob(P);
	}
}
END_TEST

/* A simplex stopped before its optimum (an iteration cap in place of the
 * clock) still gives a finite bound from the dual simplex's last prices,
 * never below the optimum, and at the optimum once it may finish: the
 * dual simplex first, and the primal one first with the dual one taking
 * over. */
START_TEST(stopped_simplex_still_bounds)
{
	int stopped = 0;
	for (unsigned seed = 1; seed <= 8; seed++) {
		glp_prob *P0 = random_lp(seed, 40, 60);
		double z = optimum_of(P0);
		for (int dual = 0; dual < 2; dual++)   /* primal share 0 or 0.5 */
			for (int cap = 1; cap <= 40; cap += 3) {
				glp_prob *P = glp_create_prob();
				glp_copy_prob(P, P0, GLP_OFF);
				struct lp_bound_result r;
				lp_bound_solve(P, 60, dual ? 0 : 0.5, cap, &r);
				ck_assert_msg(r.outcome == LP_BOUND_OPTIMAL || r.outcome == LP_BOUND_PRICES,
					      "seed %u cap %d: outcome %d", seed, cap, r.outcome);
				ck_assert_msg(r.dual_ran || r.outcome == LP_BOUND_OPTIMAL,
					      "seed %u cap %d: no dual simplex, no optimum", seed, cap);
				ck_assert_msg(isfinite(r.bound), "seed %u cap %d: no bound", seed, cap);
				ck_assert_msg(r.bound >= z - 1e-9 * (1 + fabs(z)),
					      "seed %u cap %d dual %d: bound %.17g below the optimum %.17g",
					      seed, cap, dual, r.bound, z);
				stopped += r.outcome == LP_BOUND_PRICES;
				glp_delete_prob(P);
			}
		glp_prob *P = glp_create_prob();
		glp_copy_prob(P, P0, GLP_OFF);
		struct lp_bound_result r;
		lp_bound_solve(P, 60, 0, 0, &r);
		ck_assert_int_eq(r.outcome, LP_BOUND_OPTIMAL);
		ck_assert_double_eq_tol(r.bound, z, 1e-6 * (1 + fabs(z)));
		glp_delete_prob(P);
		glp_delete_prob(P0);
	}
	ck_assert_msg(stopped > 50, "only %d runs stopped before the optimum", stopped);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	Suite *s = suite_create("lp_dual");
	TCase *tc = tcase_create("bound");
	tcase_add_test(tc, dual_bound_meets_the_optimum);
	tcase_add_test(tc, dual_bound_holds_for_any_y);
	tcase_add_test(tc, bound_solve_reaches_the_optimum);
	tcase_add_test(tc, stopped_simplex_still_bounds);
	suite_add_tcase(s, tc);
	int rc = run_suite(s);
	glp_free_env();
	return rc;
}
