/*
 * check_bound_distinct.c - the cover cuts count a block's workshop seats
 * in distinct learners (models/bound_lp_distinct.c).
 *
 * tests/data/sessions_whole (85 learners, 5 facilitators, 3 blocks; CBC
 * proves its optimum 18 365 on `solve --write-lp`): its merged bound LP,
 * which has no per-learner rows, seated a block's learners in the largest
 * groups of several goals as if those were different people; its optimum
 * was 21 398.5, and branching on whole sessions cannot mend it (whole
 * sessions may still seat a learner twice in the LP).  Counted in
 * distinct learners its optimum is 18 475: the bound must be at most that
 * and at least the optimum.  The merged LP is what schools too large for
 * the per-learner rows get.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "models/bound_lp.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

#define OPTIMUM 18365.0      /* CBC's, on the exact model */
#define MERGED_ROOT 18475.0  /* the merged LP's optimum with the cut */

START_TEST(merged_bound_counts_distinct_learners)
{
	struct diag d = DIAG_INIT;
	struct problem *p = scenario_load("tests/data/sessions_whole", &d);
	ck_assert_msg(p != NULL, "tests/data/sessions_whole does not load");
	diag_release(&d);
	int blocks[3] = { 0, 1, 2 };
	ck_assert_int_eq(p->n_blocks, 3);
	struct bound_lp_result r;
	bound_lp_cycle_with(p, blocks, 3, NULL, 0, false, 60, &r);
	ck_assert(r.proven);
	ck_assert_msg(r.lp_bound >= OPTIMUM - 1e-6, "merged bound %.4f below the optimum %.0f",
		      r.lp_bound, OPTIMUM);
	ck_assert_msg(r.lp_bound <= MERGED_ROOT + 1e-3, "merged bound %.4f above %.1f (21 398.5 "
		      "with seats counted per goal)", r.lp_bound, MERGED_ROOT);
	problem_free(p);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("bound_distinct");
	TCase *tc = tcase_create("bound");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, merged_bound_counts_distinct_learners);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
