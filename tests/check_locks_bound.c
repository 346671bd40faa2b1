/*
 * check_locks_bound.c - with locks, the bound LP bounds the locked problem.
 *
 * On small random workshop cycles (tests/support/builder.h) with random
 * pins (learners pinned to a goal or a lab, facilitators to a goal in a
 * room, a facilitator or a room alone), GLPK's exact optimum of the cycle
 * MIP with the pins (cycle_mip.c, what `solve --write-lp` writes) must be
 * at most the bound LP's bound with the pins, merged and per-learner, and
 * that at most the bound without them; over the cycles the pins must lower
 * some bound (the LP of the school with the locks left out was the bound
 * reported before).  No search runs: nothing depends on time.
 */
#include <check.h>
#include <glpk.h>
#include <stdlib.h>

#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

#define TOL 1e-6

static void add_pin(struct problem *p, int block, enum lock_offering kind, int offering,
		    int facilitator, int room, int learner)
{
	p->pins = xrealloc(p->pins, sizeof(*p->pins) * ((size_t)p->n_pins + 1));
	struct lock_pin *pn = &p->pins[p->n_pins++];
	*pn = (struct lock_pin){ .block = block, .kind = kind, .offering = offering,
				 .facilitator = facilitator, .room = room, .file = "locks.csv",
				 .line = p->n_pins + 1 };
	pn->learners = xmalloc(sizeof(int));
	if (learner >= 0)
		pn->learners[pn->n_learners++] = learner;
}

/* Random pins, each naming its own learner, facilitator and room in its
 * block (so that no two merge): learners pinned to a ready facilitated
 * need or the lab; facilitators with the expertise pinned to a goal in a
 * room, or alone; a room alone. */
static void random_pins(struct problem *p, unsigned *x)
{
	int nb = p->n_blocks;
	char *used_l = xcalloc((size_t)p->n_learners * (size_t)nb + 1, 1);
	char *used_f = xcalloc((size_t)p->n_facilitators * (size_t)nb + 1, 1);
	char *used_r = xcalloc((size_t)p->n_rooms * (size_t)nb + 1, 1);
	for (int k = 0; k < 5; k++) {
		int l = ts_draw(x, p->n_learners), b = ts_draw(x, nb);
		if (p->learners[l].unavailable[b] || used_l[l * nb + b])
			continue;
		int q = p->need_start[l] + ts_draw(x, p->need_start[l + 1] - p->need_start[l] + 1);
		bool lab = q >= p->need_start[l + 1] || !p->needs[q].ready ||
			   p->goals[p->needs[q].goal].mode != GOAL_FACILITATED;
		used_l[l * nb + b] = 1;
		add_pin(p, b, lab ? LOCK_LAB : LOCK_GOAL, lab ? -1 : p->needs[q].goal, -1, -1, l);
	}
	for (int k = 0; k < 3; k++) {
		int f = ts_draw(x, p->n_facilitators), r = ts_draw(x, p->n_rooms);
		int b = ts_draw(x, nb), g = ts_draw(x, p->n_goals), how = ts_draw(x, 3);
		if (used_f[f * nb + b] || used_r[r * nb + b] || p->facilitators[f].unavailable[b])
			continue;
		if (how == 0 && (problem_goal_level(p, f, g) < LEVEL_ABLE ||
				 p->goals[g].mode != GOAL_FACILITATED))
			continue;
		used_f[f * nb + b] = how != 2;
		used_r[r * nb + b] = how != 1;
		if (how == 0)
			add_pin(p, b, LOCK_GOAL, g, f, r, -1);
		else if (how == 1)
			add_pin(p, b, LOCK_ANY, -1, f, -1, -1);
		else
			add_pin(p, b, LOCK_LAB, -1, -1, r, -1);
	}
	free(used_l);
	free(used_f);
	free(used_r);
}

/* The exact optimum of p's cycle MIP (with p's pins); -1 when it has none,
 * -2 when GLPK does not prove it in a few seconds (the cycle is skipped). */
static double exact(const struct problem *p, const int *blocks)
{
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, blocks, 3, &map);
	free(map);
	struct mip_params mp = { .seconds = 3, .gap = 0 };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	glp_delete_prob(P);
	ck_assert(mr.outcome != MIP_ERROR);
	return mr.outcome == MIP_OPTIMAL ? mr.objective : mr.outcome == MIP_INFEASIBLE ? -1 : -2;
}

START_TEST(locked_bound_bounds_the_locked_cycle)
{
	int blocks[3] = { 0, 1, 2 }, ran = 0, lower[2] = { 0, 0 }, mip_lower = 0;
	for (unsigned seed = 1; seed <= 20; seed++) {
		struct problem *p = tb_random_cycle(500 + seed, 10);
		double free_opt = exact(p, blocks);
		if (free_opt < 0) {
			problem_free(p);
			continue;
		}
		struct bound_lp_result fr[2], lr[2];
		for (int v = 0; v < 2; v++)
			bound_lp_cycle_with(p, blocks, 3, NULL, 0, v, 60, &fr[v]);
		unsigned x = seed;
		random_pins(p, &x);
		double opt = exact(p, blocks);
		if (opt < 0) {          /* the pins leave no schedule (or no proof) */
			problem_free(p);
			continue;
		}
		ran++;
		ck_assert_double_le_tol(opt, free_opt, TOL);
		mip_lower += opt < free_opt - TOL;
		for (int v = 0; v < 2; v++) {
			bound_lp_cycle_with(p, blocks, 3, NULL, 0, v, 60, &lr[v]);
			ck_assert(lr[v].proven && fr[v].proven);
			ck_assert_msg(opt <= lr[v].bound + TOL, "seed %u %s: locked optimum %.4f above "
				      "the locked bound %.4f", seed, v ? "per-learner" : "merged", opt,
				      lr[v].bound);
			ck_assert_msg(lr[v].lp_bound <= fr[v].lp_bound + TOL, "seed %u: locked LP %.4f "
				      "above the unlocked %.4f", seed, lr[v].lp_bound, fr[v].lp_bound);
			lower[v] += lr[v].lp_bound < fr[v].lp_bound - TOL;
		}
		problem_free(p);
	}
	ck_assert_int_ge(ran, 8);
	ck_assert_int_gt(mip_lower, 0);         /* the pins are in the exact model */
	ck_assert_int_gt(lower[0], 0);
	ck_assert_int_gt(lower[1], 0);
}
END_TEST

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("locks_bound");
	TCase *tc = tcase_create("bound");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, locked_bound_bounds_the_locked_cycle);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
