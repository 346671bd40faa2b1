/*
 * check_memory_estimate.c - models/memory_estimate.c: the estimate grows
 * with the scenario, its parts add up to the total, the largest is named,
 * and the refusal follows solver.max_memory_mb.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "models/memory_estimate.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"

START_TEST(estimate_grows_with_learners)
{
	struct problem *small = tb_random_cycle(3, 40);
	struct problem *large = tb_random_cycle(3, 200);
	struct memory_estimate a, b;
	memory_estimate(small, &a);
	memory_estimate(large, &b);
	ck_assert(b.total_mib > a.total_mib);
	ck_assert(b.mib[MEM_SEARCH] > 4 * a.mib[MEM_SEARCH]);
	/* the parts add up, the block and re-seating MIPs counted as the
	 * larger of the two (they run in turn) */
	double sum = 0;
	for (int k = 0; k < MEM_PARTS; k++) {
		ck_assert(b.mib[k] >= 0);
		ck_assert(b.mib[k] <= b.mib[b.largest]);
		sum += b.mib[k];
	}
	double turn = b.mib[MEM_BLOCK_MIPS] < b.mib[MEM_SUB_MIPS] ? b.mib[MEM_BLOCK_MIPS]
								 : b.mib[MEM_SUB_MIPS];
	ck_assert_double_eq_tol(sum - turn, b.total_mib, 1e-9);
	problem_free(small);
	problem_free(large);
}
END_TEST

START_TEST(refusal_follows_the_limit)
{
	struct problem *p = tb_random_cycle(5, 200);
	struct memory_estimate e;
	memory_estimate(p, &e);
	p->config.max_memory_mb = (int)e.total_mib + 1;
	ck_assert_ptr_null(memory_refusal(p, &e));
	p->config.max_memory_mb = (int)e.total_mib - 1;
	char *why = memory_refusal(p, &e);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "max_memory_mb"));
	ck_assert_ptr_nonnull(strstr(why, memory_part_name(e.largest)));
	free(why);
	problem_free(p);
}
END_TEST

/* Models that run no workshop search have no re-seating MIPs; a seminar
 * model has no per-block workshop MIPs. */
START_TEST(parts_follow_the_model)
{
	struct problem *p = tb_random_cycle(7, 100);
	struct memory_estimate e;
	p->config.model = MODEL_WORKSHOP;
	memory_estimate(p, &e);
	ck_assert(e.mib[MEM_SUB_MIPS] > 0);
	ck_assert(e.mib[MEM_BLOCK_MIPS] > 0);
	p->config.model = MODEL_POWER_GOAL;
	memory_estimate(p, &e);
	ck_assert(e.mib[MEM_SUB_MIPS] == 0);
	p->config.model = MODEL_SEMINAR;
	memory_estimate(p, &e);
	ck_assert(e.mib[MEM_BLOCK_MIPS] == 0);
	ck_assert(e.mib[MEM_SUB_MIPS] == 0);
	problem_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("memory_estimate");
	TCase *tc = tcase_create("estimate");
	tcase_add_test(tc, estimate_grows_with_learners);
	tcase_add_test(tc, refusal_follows_the_limit);
	tcase_add_test(tc, parts_follow_the_model);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
