/*
 * check_models.c - the workshop and power-goal models on small scenarios
 * whose optimum is worked out by hand, or proven by the exact cycle MIP;
 * and every row of the model table (models/model.c) against its own exact
 * MIP and bound.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <float.h>
#include <glpk.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "models/reseat_mip.h"
#include "models/bound_lp.h"
#include "models/window.h"
#include "models/workshop_search.h"
#include "models/search_settings.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

static struct solve_options options(void)
{
	struct solve_options o = { .time_limit = 20, .gap = 1e-6, .seed = 1 };
	return o;
}

/* Every available learner sits in exactly one session of the block, sizes
 * match, no facilitator or room twice in a block. */
static void assert_well_formed(const struct problem *p, const struct solution *s)
{
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (p->blocks[b].kind != BLOCK_WORKSHOP || p->learners[l].unavailable[b]) {
				ck_assert_int_eq(si, -1);
				continue;
			}
			ck_assert_int_ge(si, 0);
			ck_assert_int_eq(s->sessions[si].block, b);
		}
	for (size_t i = 0; i < s->n_sessions; i++)
		for (size_t j = i + 1; j < s->n_sessions; j++) {
			if (s->sessions[i].block != s->sessions[j].block)
				continue;
			ck_assert_int_ne(s->sessions[i].facilitator, s->sessions[j].facilitator);
			ck_assert_int_ne(s->sessions[i].room, s->sessions[j].room);
		}
}

static double solve(struct problem *p, struct solution *s)
{
	struct solve_options o = options();
	solution_init(s, p);
	ck_assert_int_eq(model_solve(p, &o, s), 0);  /* with the one bound check */
	if (s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE)
		assert_well_formed(p, s);
	return s->objective;
}

/* The start of the hand-built schools below: workshop blocks Mon1..MonN,
 * facilitators F1 (index 0) and F2, rooms R1 and R2 of 30 seats. */
static struct builder *two_of_each(int n_blocks)
{
	struct builder *tb = tb_new();
	for (int b = 0; b < n_blocks; b++) {
		char id[8];
		snprintf(id, sizeof(id), "Mon%d", b + 1);
		tb_block(tb, id, BLOCK_WORKSHOP);
	}
	tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	return tb;
}

/* Goals G1 and G2 (one session each) that F1 leads at level; returns G1
 * (G2 is the next). */
static int two_goals_of_f1(struct builder *tb, enum level level)
{
	int g1 = tb_goal(tb, "G1", 1, 25, 1);
	int g2 = tb_goal(tb, "G2", 1, 25, 1);
	tb_level(tb, 0, g1, level);
	tb_level(tb, 0, g2, level);
	return g1;
}

START_TEST(one_group_with_guru)
{
	struct builder *tb = two_of_each(1);
	int g = tb_goal(tb, "G1", 1, 25, 1);
	tb_level(tb, 0, g, LEVEL_GURU);
	for (int i = 0; i < 4; i++) {
		tb_need(tb, tb_learner_numbered(tb, i), g, 3, 1);
	}
	struct problem *p = tb_finish(tb);
	struct solution s;
	/* four need-sessions at priority 3 (35), the guru bonus (5) and four
	 * learners' day covered (daily 40) */
	ck_assert_double_eq_tol(solve(p, &s), 4 * 35 + 5 + 4 * 40, 1e-6);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ck_assert_double_eq_tol(s.bound, s.objective, 1e-3);
	ck_assert_uint_eq(s.n_sessions, 1);
	ck_assert_int_eq(s.sessions[0].size, 4);
	ts_free(p, &s);
}
END_TEST

START_TEST(group_below_minimum_goes_to_lab)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G1", 3, 25, 1);
	tb_level(tb, tb_facilitator(tb, "F1"), g, LEVEL_ABLE);
	tb_room(tb, "R1", 30, NULL);
	tb_need(tb, tb_learner(tb, "L1"), g, 2, 1);
	tb_need(tb, tb_learner(tb, "L2"), g, 2, 1);
	struct problem *p = tb_finish(tb);
	struct solution s;
	ck_assert_double_eq_tol(solve(p, &s), 0, 1e-9);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ck_assert_uint_eq(s.n_sessions, 1);
	ck_assert_int_eq(s.sessions[0].kind, SESSION_LAB);
	ck_assert_int_eq(s.sessions[0].size, 2);
	ts_free(p, &s);
}
END_TEST

/* One capable facilitator, two goals: one learner's power goal (100 + the
 * 200 bonus) beats two priority-4 needs (2 x 20); F2, who can lead neither
 * goal, supervises the lab for the others. */
START_TEST(power_goal_bonus_wins)
{
	struct builder *tb = two_of_each(1);
	int g1 = two_goals_of_f1(tb, LEVEL_ABLE), g2 = g1 + 1;
	tb_need(tb, tb_learner(tb, "L1"), g1, 1, 1);
	tb_need(tb, tb_learner(tb, "L2"), g2, 4, 1);
	tb_need(tb, tb_learner(tb, "L3"), g2, 4, 1);
	struct problem *p = tb_finish(tb);
	struct solution s;
	ck_assert_double_eq_tol(solve(p, &s), 300 + 40, 1e-6);   /* and L1's day */
	ts_free(p, &s);
}
END_TEST

START_TEST(sessions_spread_over_blocks)
{
	struct builder *tb = two_of_each(3);
	int g = tb_goal(tb, "G1", 1, 25, 2);
	tb_level(tb, 0, g, LEVEL_ABLE);
	tb_need(tb, tb_learner(tb, "L1"), g, 2, 2);
	struct problem *p = tb_finish(tb);
	struct solution s;
	/* two sessions of 60 (the need's limit), the third block in the lab;
	 * one day covered (40) */
	ck_assert_double_eq_tol(solve(p, &s), 2 * 60 + 40, 1e-6);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ts_free(p, &s);
}
END_TEST

START_TEST(max_sessions_limits_a_facilitator)
{
	struct builder *tb = two_of_each(2);
	int g = two_goals_of_f1(tb, LEVEL_GURU), g2 = g + 1;
	tb_facilitator_max(tb, 0, 1);
	tb_need(tb, tb_learner(tb, "L1"), g, 3, 1);
	tb_need(tb, tb_learner(tb, "L2"), g2, 3, 1);
	struct problem *p = tb_finish(tb);
	struct solution s;
	/* F1 leads once: one need-session, one guru bonus, one learner's day */
	ck_assert_double_eq_tol(solve(p, &s), 35 + 5 + 40, 1e-6);
	ck_assert_double_eq_tol(s.bound, 80, 1e-3);
	ts_free(p, &s);
}
END_TEST

START_TEST(online_need_credited_by_lab)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G1", 1, 25, 1);
	tb_goal_online(tb, g);
	tb_facilitator(tb, "F1");
	tb_room(tb, "R1", 30, NULL);
	tb_need(tb, tb_learner(tb, "L1"), g, 1, 1);
	struct problem *p = tb_finish(tb);
	struct solution s;
	/* one lab session counts (sessions = 1) plus the power-goal bonus */
	ck_assert_double_eq_tol(solve(p, &s), 100 + 200, 1e-6);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ts_free(p, &s);
}
END_TEST

START_TEST(too_many_learners_is_infeasible)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_goal(tb, "G1", 1, 25, 1);
	tb_facilitator(tb, "F1");
	tb_room(tb, "R1", 3, NULL);
	for (int i = 0; i < 5; i++) {
		tb_learner_numbered(tb, i);
	}
	struct problem *p = tb_finish(tb);
	struct solution s;
	solve(p, &s);
	ck_assert_int_eq(s.status, SOLVE_INFEASIBLE);
	ck_assert_ptr_nonnull(s.diagnosis);
	ck_assert_ptr_nonnull(strstr(s.diagnosis, "block 'Mon1'"));
	ck_assert_ptr_nonnull(strstr(s.diagnosis, "short by 2 seats"));
	ts_free(p, &s);
}
END_TEST

START_TEST(power_goal_keeps_groups)
{
	struct builder *tb = two_of_each(3);
	tb_model(tb, MODEL_POWER_GOAL);
	int g = tb_goal(tb, "G1", 2, 25, 2);
	tb_level(tb, 0, g, LEVEL_GURU);
	int l1 = tb_learner(tb, "L1");
	tb_need(tb, l1, g, 1, 2);
	tb_need(tb, tb_learner(tb, "L2"), g, 2, 2);
	tb_learner_unavailable(tb, l1, 0);    /* away in Mon1 */
	struct problem *p = tb_finish(tb);
	struct solution s;
	/* both keep G1 all cycle; two meetings count for each (L1 attends two
	 * of three), L1's power goal, three guru meetings, both learners'
	 * Monday covered (daily 40) */
	ck_assert_double_eq_tol(solve(p, &s), 2 * 100 + 200 + 2 * 60 + 3 * 5 + 2 * 40, 1e-6);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ck_assert_uint_eq(s.n_sessions, 3);
	ck_assert_int_eq(s.sessions[1].section, s.sessions[0].section);
	ck_assert_int_eq(s.sessions[2].facilitator, s.sessions[0].facilitator);
	ts_free(p, &s);
}
END_TEST

/* The optimum of a random 3-block cycle by the exact cycle MIP, proven. */
static double exact_optimum(const struct problem *p)
{
	int blocks[3] = { 0, 1, 2 };
	return ts_exact_optimum(cycle_mip_build(p, blocks, 3, NULL));
}

/* The decomposition never claims more than the true optimum, and its bound
 * never falls below it: the exact cycle MIP, solved to optimality, decides. */
START_TEST(decomposition_is_honest_against_exact_mip)
{
	struct problem *p = tb_random_cycle((unsigned)_i + 1, 14);
	double best = exact_optimum(p);
	struct solution s;
	solve(p, &s);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	ck_assert_double_le_tol(s.objective, best, 1e-6);
	ck_assert_double_ge_tol(s.bound, best, 1e-6);
	/* with the exact stage on a cycle this small, the optimum is proven */
	ck_assert_double_eq_tol(s.objective, best, 1e-6);
	ts_free(p, &s);
}
END_TEST

/* The contract's objective of s, computed from the schedule alone. */
static double contract_objective(const struct problem *p, const struct solution *s)
{
	struct metrics m;
	metrics_compute(p, s, &m);
	double v = m.objective;
	metrics_release(&m);
	return v;
}

/* Windows (window.c) start from a schedule below the optimum: the exact
 * cycle MIP with its objective capped 3% under the optimum.  Windows of two
 * of the three blocks (the third fixed) never lower the schedule, keep it
 * well formed and never claim more than the optimum; a window of all
 * three blocks is the whole exact MIP and reaches the optimum. */
START_TEST(windows_improve_towards_the_optimum)
{
	struct problem *p = tb_random_cycle((unsigned)_i + 1, 14);
	double best = exact_optimum(p);
	int blocks[3] = { 0, 1, 2 };
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, blocks, 3, &map);
	int n = glp_get_num_cols(P);
	int *ind = xmalloc(sizeof(int) * ((size_t)n + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)n + 1));
	for (int j = 1; j <= n; j++) {
		ind[j] = j;
		val[j] = glp_get_obj_coef(P, j);
	}
	int cap = glp_add_rows(P, 1);
	glp_set_row_bnds(P, cap, GLP_UP, 0, 0.97 * best);
	glp_set_mat_row(P, cap, n, ind, val);
	/* the oracle must prove its optimum: a limit no slow (sanitizer,
	 * loaded) machine reaches; the tcase timeout bounds a hang */
	struct mip_params mp = { .seconds = 3600, .gap = 0 };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(mr.outcome, MIP_OPTIMAL);
	ck_assert_int_eq(cycle_mip_extract(p, P, map, &s), 0);
	/* the contract's objective of the capped schedule (the MIP's may sit
	 * on the cap with a fractional lab credit) */
	s.objective = contract_objective(p, &s);
	ck_assert_double_lt(s.objective, best - 1);
	unsigned long long rng = 1;
	double before = s.objective;
	window_polish(p, blocks, 3, &s, 2, &rng, 20, 6, DBL_MAX);
	assert_well_formed(p, &s);
	ck_assert_double_eq_tol(s.objective, contract_objective(p, &s), 1e-6);
	ck_assert_double_ge_tol(s.objective, before, 1e-6);
	ck_assert_double_le_tol(s.objective, best, 1e-6);
	window_polish(p, blocks, 3, &s, 3, &rng, 20, 1, DBL_MAX);
	assert_well_formed(p, &s);
	ck_assert_double_eq_tol(s.objective, contract_objective(p, &s), 1e-6);
	ck_assert_double_eq_tol(s.objective, best, 1e-6);
	solution_release(&s);
	glp_delete_prob(P);
	free(map);
	free(ind);
	free(val);
	problem_free(p);
}
END_TEST

/* The bound LP of p's three-block cycle with blocks merged and with
 * per-learner rows, both proven. */
static void cycle_bounds(const struct problem *p, struct bound_lp_result *merged,
			 struct bound_lp_result *per_learner)
{
	int blocks[3] = { 0, 1, 2 };
	bound_lp_cycle_with(p, blocks, 3, NULL, 0, false, 60, merged);
	bound_lp_cycle_with(p, blocks, 3, NULL, 0, true, 60, per_learner);
	ck_assert(merged->proven && per_learner->proven);
}

/* The whole-cycle bound LP, rounding cuts included, never falls below the
 * true optimum, with blocks merged or with per-learner rows: the exact cycle
 * MIP, solved to optimality, decides.  Frees p. */
static void check_bounds_against_exact(struct problem *p)
{
	double best = exact_optimum(p);
	struct bound_lp_result merged, per_learner;
	cycle_bounds(p, &merged, &per_learner);
	ck_assert_double_ge_tol(merged.bound, best, 1e-6);
	ck_assert_double_ge_tol(per_learner.bound, best, 1e-6);
	/* each part on its own: the minimum would hide an error in either */
	ck_assert_double_ge_tol(merged.simple_bound, best, 1e-6);
	ck_assert_double_ge_tol(merged.lp_bound, best, 1e-6);
	ck_assert_double_ge_tol(per_learner.lp_bound, best, 1e-6);
	/* the merged LP relaxes the per-block one, which the per-learner
	 * rows only tighten */
	ck_assert_double_le_tol(per_learner.bound, merged.bound, 1e-6);
	problem_free(p);
}

/* Weights of eight shapes (shape 0-7): increasing, equal, zeros, a huge
 * power goal, per-need values in any order (needs.csv `weight`), guru
 * alone, daily large or 0. */
static void odd_weights(struct problem *p, int shape, unsigned seed)
{
	static const double prio[8][PRIORITY_LEVELS] = {
		{ 0, 0, 0, 0, 100 }, { 0, 0, 0, 0, 100 }, { 50, 50, 50, 50, 50 }, { 0, 0, 0, 0, 0 },
		{ 10, 20, 35, 60, 100 }, { 100, 60, 35, 20, 10 }, { 100, 0, 0, 0, 0 },
		{ 0, 100, 0, 100, 0 },
	};
	static const double pg[8] = { 0, 300, 50, 0, 1000, 120, 0, 30 };
	static const double guru[8] = { 0, 5, 5, 50, 0, 5, 0, 5 };
	static const double daily[8] = { 0, 40, 0, 0, 0, 500, 40, 40 };
	struct config *cf = &p->config;
	for (int k = 0; k < PRIORITY_LEVELS; k++)
		cf->w_priority[k] = prio[shape][k];
	cf->w_power_goal = pg[shape];
	cf->w_guru = guru[shape];
	cf->w_daily = daily[shape];
	unsigned x = seed * 2246822519u + 3;
	for (int q = 0; q < p->n_needs && (shape == 5 || shape == 7); q++) {
		x = x * 1103515245u + 12345u;
		p->needs[q].has_weight = (x >> 16) % 3 != 0;
		p->needs[q].weight = (double)((x >> 8) % 5) * 50;   /* 0 .. 200 */
	}
}

/* The simple bound and the LP bound, each on its own (the reported bound
 * is their minimum, which would hide an error in either), and the model's
 * schedule against the exact optimum, for weights of odd shapes:
 * objective <= exact optimum <= each bound, the objective the contract's. */
START_TEST(bounds_hold_for_weights_of_any_shape)
{
	struct problem *p = tb_random_cycle(300u + (unsigned)_i, 12 + _i % 4);
	odd_weights(p, _i % 8, (unsigned)_i);
	double best = exact_optimum(p);
	struct bound_lp_result merged, per_learner;
	cycle_bounds(p, &merged, &per_learner);
	ck_assert_msg(merged.simple_bound >= best - 1e-6, "shape %d: simple bound %.6f < optimum %.6f",
		      _i % 8, merged.simple_bound, best);
	ck_assert_msg(merged.lp_bound >= best - 1e-9 * (1 + best),
		      "shape %d: merged LP bound %.6f < optimum %.6f", _i % 8, merged.lp_bound, best);
	ck_assert_msg(per_learner.lp_bound >= best - 1e-9 * (1 + best),
		      "shape %d: LP bound %.6f < optimum %.6f", _i % 8, per_learner.lp_bound, best);
	struct solve_options o = options();
	o.time_limit = 10;
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(model_solve(p, &o, &s), 0);
	ck_assert_double_le_tol(s.objective, best, 1e-6);
	ck_assert(s.bound >= best - 1e-9 * (1 + best));
	ck_assert_double_eq_tol(s.objective, contract_objective(p, &s), 1e-6);
	ts_free(p, &s);
}
END_TEST

/* The interior-point rounds' bound (bound_lp.c: the LP without its
 * need-link rows, then with those its solution violates) comes on every
 * school here, for weights of every shape, and bounds the whole LP: never
 * below the merged LP's optimum, nor below the exact optimum. */
START_TEST(unlinked_bound_holds)
{
	struct problem *p = tb_random_cycle(500u + (unsigned)_i, 12 + _i % 4);
	odd_weights(p, _i % 8, (unsigned)_i);
	double best = exact_optimum(p);
	struct bound_lp_result merged, per_learner;
	cycle_bounds(p, &merged, &per_learner);
	int blocks[3] = { 0, 1, 2 };
	double u = bound_lp_unlinked(p, blocks, 3, 60);
	ck_assert_msg(u < HUGE_VAL, "shape %d: no interior-point bound", _i % 8);
	ck_assert_msg(u >= merged.lp_bound - 1e-7 * (1 + merged.lp_bound),
		      "shape %d: %.6f below the LP's %.6f", _i % 8, u, merged.lp_bound);
	ck_assert_msg(u >= best - 1e-9 * (1 + best), "shape %d: %.6f below the optimum %.6f",
		      _i % 8, u, best);
	problem_free(p);
}
END_TEST

/* The simple bound takes the heaviest choices and the best of the power
 * goal and the heaviest sessions, whatever the order of the weights. */
START_TEST(simple_bound_takes_the_heaviest)
{
	struct builder *tb = tb_new();
	int b0 = tb_block(tb, "W1", BLOCK_WORKSHOP);
	int s0 = tb_block(tb, "S1", BLOCK_SEMINAR);
	int g1 = tb_goal(tb, "G1", 1, 25, 1), g2 = tb_goal(tb, "G2", 1, 25, 1);
	int o1 = tb_goal(tb, "O1", 1, 25, 1);
	tb_goal_online(tb, o1);
	int sa = tb_seminar(tb, "SA", 1, 1, 20), sb = tb_seminar(tb, "SB", 1, 1, 20);
	int sc = tb_seminar(tb, "SC", 1, 1, 20);
	tb_facilitator(tb, "F");
	tb_room(tb, "R", 30, NULL);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, g1, 1, 1);
	tb_need(tb, l, g2, 5, 1);
	tb_need(tb, l, o1, 2, 1);
	tb_choice(tb, l, sa, 1, true);
	tb_choice(tb, l, sb, 2, true);
	tb_choice(tb, l, sc, 3, true);
	struct problem *p = tb_finish(tb);
	struct config *cf = &p->config;
	double prio[PRIORITY_LEVELS] = { 0, 30, 0, 0, 100 };
	memcpy(cf->w_priority, prio, sizeof(prio));
	cf->w_power_goal = 50;
	cf->w_guru = 0;
	cf->w_daily = 0;
	cf->w_choice[0] = cf->w_choice[1] = 0;
	cf->w_choice[2] = 1000;
	int ws[1] = { b0 }, sem[1] = { s0 };
	/* one block: G2's 100 beats G1 with the power goal (0 + 50) */
	ck_assert_double_eq_tol(bound_simple_learner_needs(p, l, 1), 100, 1e-9);
	/* two blocks: G2 and G1 with the power goal, 150, beat G2 and O1 (130) */
	ck_assert_double_eq_tol(bound_simple_learner_needs(p, l, 2), 150, 1e-9);
	cf->w_power_goal = 10;
	ck_assert_double_eq_tol(bound_simple_learner_needs(p, l, 2), 130, 1e-9);
	/* the third choice's 1000, not the first's 0 */
	ck_assert_double_eq_tol(bound_simple_cycle(p, ws, 1, sem, 1), 130 + 1000, 1e-9);
	problem_free(p);
}
END_TEST

/* Goals of 4 to 7 seats and 12 to 16 learners leave partial sessions, where
 * the rounding cut binds. */
START_TEST(bound_lp_is_valid_against_exact_mip)
{
	check_bounds_against_exact(tb_random_cycle(100u + (unsigned)_i, 12 + _i % 5));
}
END_TEST

/* A random cycle with what merging blocks must respect: block 2 allows only
 * area A (goals 0 and 1), facilitator 1 is away in block 0, room 0 in block
 * 1, and facilitator 0 leads at most two sessions.  Rooms of 10 to 14 seats
 * keep every draw feasible (two labs seat the 12 to 15 learners). */
static struct problem *varied_cycle(unsigned seed)
{
	unsigned x = seed * 2654435761u + 7;
#define RND(n) ts_draw(&x, (n))
	struct builder *tb = tb_new();
	int area_a = tb_area(tb, "A"), area_b = tb_area(tb, "B");
	for (int b = 0; b < 3; b++) {
		char id[16];
		snprintf(id, sizeof(id), "B%d", b);
		tb_block(tb, id, BLOCK_WORKSHOP);
	}
	tb_block_area(tb, 2, area_a);
	for (int g = 0; g < 5; g++) {
		char id[16];
		snprintf(id, sizeof(id), "G%d", g);
		int gi = tb_goal(tb, id, 1 + RND(3), 4 + RND(4), 1 + RND(2));
		tb_goal_area(tb, gi, g < 2 ? area_a : area_b);
		if (g == 4)
			tb_goal_online(tb, gi);
	}
	for (int f = 0; f < 4; f++) {
		char id[16];
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
		for (int g = 0; g < 4; g++)
			if (RND(3))
				tb_level(tb, f, g, RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		snprintf(id, sizeof(id), "R%d", f);
		tb_room(tb, id, 10 + RND(5), NULL);
	}
	tb_facilitator_max(tb, 0, 2);
	tb_facilitator_unavailable(tb, 1, 0);
	tb_room_unavailable(tb, 0, 1);
	int n_learners = 12 + RND(4);
	for (int l = 0; l < n_learners; l++) {
		int li = tb_learner_numbered(tb, l);
		int first = RND(5);
		for (int k = 0; k < 3; k++)
			tb_need(tb, li, (first + k) % 5, k == 0 ? 1 : 2 + RND(4), 1 + RND(2));
		if (RND(5) == 0)
			tb_learner_unavailable(tb, li, RND(3));
	}
#undef RND
	return tb_finish(tb);
}

/* Merged blocks stay a relaxation when blocks differ in areas and in who
 * and what is available: the merged bound (blocks 0 and 1 form one group,
 * block 2 its own) never falls below the exact optimum. */
START_TEST(merged_bound_is_valid_with_areas_and_absences)
{
	check_bounds_against_exact(varied_cycle(200u + (unsigned)_i));
}
END_TEST

/* A block plan by hand for the re-seating tests: groups (goal, room) and
 * each available learner's group. */
static void hand_plan(struct period_mip_result *r, int n_groups, const int *goal, const int *room,
		      int n_learners, const int *group)
{
	memset(r, 0, sizeof(*r));
	r->n_groups = n_groups;
	r->groups = xcalloc((size_t)n_groups, sizeof(*r->groups));
	r->group_room = xcalloc((size_t)n_groups, sizeof(int));
	r->learner_group = xcalloc((size_t)n_learners, sizeof(int));
	r->learner_option = xcalloc((size_t)n_learners, sizeof(int));
	for (int gi = 0; gi < n_groups; gi++) {
		r->groups[gi].goal = goal[gi];
		r->group_room[gi] = room[gi];
	}
	for (int i = 0; i < n_learners; i++) {
		r->learner_group[i] = group[i];
		r->groups[group[i]].size++;
	}
}

/* The cycle of the re-seating tests: two blocks, goals A and B of one seat
 * each, three learners (see reseating_moves_sessions_between_blocks). */
static struct problem *exchange_cycle(int *a, int *b, int *l2)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	*a = tb_goal(tb, "A", 1, 1, 1);
	*b = tb_goal(tb, "B", 1, 1, 1);
	for (int i = 0; i < 3; i++) {
		char id[8];
		snprintf(id, sizeof(id), "R%d", i + 1);
		tb_room(tb, id, 30, NULL);
	}
	int l1 = tb_learner(tb, "L1"), l3;
	*l2 = tb_learner(tb, "L2");
	l3 = tb_learner(tb, "L3");
	tb_need(tb, l1, *a, 3, 1);
	tb_need(tb, *l2, *a, 3, 1);
	tb_need(tb, *l2, *b, 1, 1);
	tb_need(tb, l3, *b, 5, 1);
	return tb_finish(tb);
}

/* Its starting plans: A and a lab in Mon1 (L1 in A), A, B and a lab in Mon2
 * (L2 in A, L3 in B). */
static void exchange_plans(struct period_mip_result *res, int a, int b)
{
	hand_plan(&res[0], 2, (int[]){ a, PERIOD_MIP_LAB }, (int[]){ 0, 1 }, 3, (int[]){ 0, 1, 1 });
	hand_plan(&res[1], 3, (int[]){ a, b, PERIOD_MIP_LAB }, (int[]){ 0, 1, 2 }, 3, (int[]){ 2, 0, 1 });
}

/* Sessions held: A (one seat) in Mon1; A and B (one seat each) in Mon2;
 * a lab in both.  Start: L1 in A on Mon1, L2 in A on Mon2, L3 in B (80).
 * Neither block re-seated alone can do better (L1 and L2 have had their
 * one session of A, and B needs someone), but together L2 takes A on Mon1
 * and B, its power goal, on Mon2, L1 A on Mon2: 35 + 35 + 100 + 200 = 370.
 * Every block is on Monday: before, all three learners had a workshop that
 * day (daily 3 x 40); after, L3 has none, so the gain is 370 - 80 - 40. */
START_TEST(reseating_moves_sessions_between_blocks)
{
	int a, b, l2;
	struct problem *p = exchange_cycle(&a, &b, &l2);
	int blocks[2] = { 0, 1 };
	struct period_mip_result res[2];
	for (int only_mon2 = 1; only_mon2 >= 0; only_mon2--) {
		exchange_plans(res, a, b);
		bool free_blocks[2] = { !only_mon2, true };
		double gain = reseat_mip_cycle(p, blocks, 2, free_blocks, NULL, NULL, res, 10);
		if (only_mon2) {
			ck_assert_double_eq_tol(gain, 0, 1e-9);
			ck_assert_int_eq(res[1].learner_group[1], 0);   /* unchanged */
		} else {
			ck_assert_double_eq_tol(gain, 370 - 80 - 40, 1e-6);
			ck_assert_int_eq(res[0].groups[res[0].learner_group[1]].goal, a);
			ck_assert_int_eq(res[1].groups[res[1].learner_group[0]].goal, a);
			ck_assert_int_eq(res[1].groups[res[1].learner_group[1]].goal, b);
			ck_assert_int_eq(res[1].groups[res[1].learner_group[2]].goal, PERIOD_MIP_LAB);
			for (int gi = 0; gi < 3; gi++)
				ck_assert_int_eq(res[1].groups[gi].size, 1);
		}
		period_mip_result_free(&res[0]);
		period_mip_result_free(&res[1]);
	}
	problem_free(p);
}
END_TEST

/* The same cycle with a need limit: L2 may not have more sessions of B than
 * the none it has now (what reseat_twin gives the half of a re-seating that
 * was not dealt that need).  The only better seating needs L2 in B, so
 * nothing improves; with every limit at the needs' own sessions the full
 * gain comes back. */
START_TEST(reseating_keeps_need_limits)
{
	int a, b, l2;
	struct problem *p = exchange_cycle(&a, &b, &l2);
	int blocks[2] = { 0, 1 };
	int *limit = xcalloc((size_t)p->n_needs, sizeof(int));
	for (int frozen = 1; frozen >= 0; frozen--) {
		struct period_mip_result res[2];
		exchange_plans(res, a, b);
		for (int q = 0; q < p->n_needs; q++) {
			bool l2_b = q >= p->need_start[l2] && q < p->need_start[l2 + 1] &&
				    p->needs[q].goal == b;
			limit[q] = frozen && l2_b ? 0 : p->needs[q].sessions;
		}
		bool free_blocks[2] = { true, true };
		double gain = reseat_mip_cycle(p, blocks, 2, free_blocks, limit, NULL, res, 10);
		ck_assert_double_eq_tol(gain, frozen ? 0 : 370 - 80 - 40, 1e-6);
		for (int j = 0; j < 2 && frozen; j++)   /* L2 is learner 1 in both blocks */
			ck_assert_int_ne(res[j].groups[res[j].learner_group[1]].goal, b);
		period_mip_result_free(&res[0]);
		period_mip_result_free(&res[1]);
	}
	free(limit);
	problem_free(p);
}
END_TEST

/* Session re-goaling (reseat_mip_sessions): two blocks, each with one
 * workshop led by F1 (able for A, guru for B) and a lab led by F2.  L1
 * needs one session of A (priority 3), L2 two of B (priority 1).  Start:
 * A on Mon1 (L1 in it, L2 in the lab), B on Mon2 (L2 in it, L1 in the
 * lab): 35 + 100 + 200 + 5 (guru) = 340.  With the sessions held nothing
 * is better; Mon2 re-goaled alone neither; Mon1's workshop becoming B
 * gives L2 a second session of B and F1 a second guru session, at the
 * cost of L1's session of A and of L1's only workshop that Monday (daily
 * 40): 100 + 5 - 35 - 40 = +30. */
START_TEST(regoaling_changes_a_sessions_goal)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	int a = tb_goal(tb, "A", 1, 5, 1), b = tb_goal(tb, "B", 1, 5, 2);
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_level(tb, f1, a, LEVEL_ABLE);
	tb_level(tb, f1, b, LEVEL_GURU);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_need(tb, l1, a, 3, 1);
	tb_need(tb, l2, b, 1, 2);
	struct problem *p = tb_finish(tb);
	int blocks[2] = { 0, 1 };
	for (int t = 0; t < 3; t++) {
		struct period_mip_result res[2];
		hand_plan(&res[0], 2, (int[]){ a, PERIOD_MIP_LAB }, (int[]){ 0, 1 }, 2, (int[]){ 0, 1 });
		hand_plan(&res[1], 2, (int[]){ b, PERIOD_MIP_LAB }, (int[]){ 0, 1 }, 2, (int[]){ 1, 0 });
		for (int j = 0; j < 2; j++) {
			res[j].groups[0].facilitator = f1;
			res[j].groups[1].facilitator = f2;
		}
		bool free_blocks[2] = { t != 1, true };
		double gain = t == 0 ? reseat_mip_cycle(p, blocks, 2, free_blocks, NULL, NULL, res, 10)
				     : reseat_mip_sessions(p, blocks, 2, free_blocks, NULL, res, 10);
		if (t < 2) {
			ck_assert_double_eq_tol(gain, 0, 1e-9);
			ck_assert_int_eq(res[0].groups[0].goal, a);
			ck_assert_int_eq(res[1].groups[0].goal, b);
		} else {
			ck_assert_double_eq_tol(gain, 30, 1e-6);
			for (int j = 0; j < 2; j++) {
				ck_assert_int_eq(res[j].groups[0].goal, b);
				ck_assert_int_eq(res[j].groups[1].goal, PERIOD_MIP_LAB);
				ck_assert_int_eq(res[j].learner_group[l2], 0);
				ck_assert_int_eq(res[j].learner_group[l1], 1);
				ck_assert_int_eq(res[j].groups[0].size, 1);
				ck_assert_int_eq(res[j].groups[1].size, 1);
			}
		}
		period_mip_result_free(&res[0]);
		period_mip_result_free(&res[1]);
	}
	problem_free(p);
}
END_TEST

/* The period greedy on a block whose labs need nearly every seat: 45
 * learners want G1 (groups of at most 10), the rooms seat 40 and 10, so one
 * workshop can open, in the small room, with the large one the lab.  The
 * greedy took the 40-seat room for it (wasting 30 lab seats), found the
 * labs short and opened nothing; it now takes the room that wastes least
 * and skips an opening the labs cannot follow. */
START_TEST(period_greedy_keeps_lab_seats)
{
	struct builder *tb = tb_new();
	int b = tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G1", 3, 10, 1);
	tb_level(tb, tb_facilitator(tb, "F1"), g, LEVEL_ABLE);
	tb_level(tb, tb_facilitator(tb, "F2"), g, LEVEL_ABLE);
	tb_room(tb, "R1", 40, NULL);
	tb_room(tb, "R2", 10, NULL);
	enum { NL = 45 };
	for (int i = 0; i < NL; i++)
		tb_need(tb, tb_learner_numbered(tb, i), g, 3, 1);
	struct problem *p = tb_finish(tb);
	int learners[NL], start[NL + 1], goal[2 * NL];
	double value[2 * NL];
	for (int i = 0; i < NL; i++) {
		learners[i] = i;
		start[i] = 2 * i;
		goal[2 * i] = g;
		value[2 * i] = 75;
		goal[2 * i + 1] = PERIOD_MIP_LAB;
		value[2 * i + 1] = 0;
	}
	start[NL] = 2 * NL;
	bool allowed[2] = { true, true };
	struct period_mip_input in = {
		.p = p, .blocks = &b, .n_blocks = 1, .n_learners = NL, .learners = learners,
		.opt_start = start, .opt_goal = goal, .opt_value = value,
		.fac_allowed = allowed, .greedy_only = true,
	};
	struct mip_params mp = { .seconds = 10 };
	struct period_mip_result r;
	period_mip_solve(&in, &mp, NULL, &r);
	ck_assert_double_eq_tol(r.objective, 10 * 75, 1e-9);
	ck_assert_int_eq(r.n_groups, 2);
	for (int gi = 0; gi < r.n_groups; gi++)
		ck_assert_int_eq(r.groups[gi].size, r.groups[gi].goal == g ? 10 : NL - 10);
	period_mip_result_free(&r);
	problem_free(p);
}
END_TEST

/* move_rescue's school: blocks Mon1 and Tue1, F1 able for G1 and G2 in
 * room R1 (one seat), F2 the lab in R2 (two seats); L0 wants G1 (and is
 * away on Tuesday), L1 wants two sessions of G2 at priority p1, L2 nothing
 * facilitated.  The schedule loaded gives R1 to L1's G2 on both days, and
 * L0 and L2 sit in the lab: L0 is left out. */
static double rescue_school(int p1, int *moved, int *l0_goal)
{
	struct builder *tb = tb_new();
	int mon = tb_block(tb, "Mon1", BLOCK_WORKSHOP), tue = tb_block(tb, "Tue1", BLOCK_WORKSHOP);
	tb_block_day(tb, tue, "Tue");
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	int r1 = tb_room(tb, "R1", 1, NULL), r2 = tb_room(tb, "R2", 2, NULL);
	int g1 = tb_goal(tb, "G1", 1, 5, 1), g2 = tb_goal(tb, "G2", 1, 5, 1);
	tb_level(tb, f1, g1, LEVEL_ABLE);
	tb_level(tb, f1, g2, LEVEL_ABLE);
	int l0 = tb_learner(tb, "L0"), l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_need(tb, l0, g1, 3, 1);
	tb_need(tb, l1, g2, p1, 2);
	tb_learner_unavailable(tb, l0, tue);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	solution_init(&sol, p);
	for (int b = mon; b <= tue; b++) {
		int a = solution_add_session(&sol, &(struct session){ .kind = SESSION_WORKSHOP,
			.offering = g2, .block = b, .room = r1, .facilitator = f1, .size = 1 });
		int lab = solution_add_session(&sol, &(struct session){ .kind = SESSION_LAB,
			.offering = -1, .block = b, .room = r2, .facilitator = f2,
			.size = b == mon ? 2 : 1 });
		sol.sessions[a].section = a;
		sol.sessions[lab].section = lab;
		*solution_attend(&sol, l1, b) = a;
		*solution_attend(&sol, l2, b) = lab;
		if (b == mon)
			*solution_attend(&sol, l0, b) = lab;
	}
	struct solve_options o = options();
	struct cycle cy;
	cycle_init(&cy, p, &o, NULL);
	cycle_load_solution(&cy, &sol);
	double before = cycle_objective(&cy);
	*moved = move_rescue(&cy);
	ck_assert(cycle_consistent(&cy));
	*l0_goal = cy.plan[(long)l0 * p->n_blocks + mon];
	double after = cycle_objective(&cy);
	ck_assert_double_ge(after, before);
	cycle_release(&cy);
	solution_release(&sol);
	problem_free(p);
	return after;
}

/* Seating L0 instead of L1 on Monday scores the same (L0's session and
 * day, 35 + 40, against L1's: L1 keeps Tuesday's), so the move takes the
 * tie and L0 is no longer left out.  When L1's need is their power goal,
 * the swap would lose 100 against 75, and nothing changes. */
START_TEST(rescue_takes_a_tie_only)
{
	int moved, l0_goal;
	ck_assert_double_eq_tol(rescue_school(3, &moved, &l0_goal), 2 * (35 + 40), 1e-9);
	ck_assert_int_eq(moved, 1);
	ck_assert_int_eq(l0_goal, 0);          /* G1 */
	ck_assert_double_eq_tol(rescue_school(1, &moved, &l0_goal), 2 * (100 + 40) + 200, 1e-9);
	ck_assert_int_eq(moved, 0);
	ck_assert_int_eq(l0_goal, PERIOD_MIP_LAB);
}
END_TEST

/* Adds a session of goal g (PERIOD_MIP_LAB: a lab) to sol with the
 * learners who[0 .. n-1]. */
static void hand_session(struct solution *sol, int g, int b, int room, int f, const int *who, int n)
{
	int s = solution_add_session(sol, &(struct session){
		.kind = g == PERIOD_MIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
		.offering = g, .block = b, .room = room, .facilitator = f, .size = n });
	sol->sessions[s].section = s;
	for (int i = 0; i < n; i++)
		*solution_attend(sol, who[i], b) = s;
}

/* G1 needs two learners a session.  L3, L4 and L5 had theirs in Mon2;
 * on Mon1, L0 (left out) and L3 sit in F2's lab, L4 and L5 in F1's.  The
 * rescue makes F1's lab L0's G1, with L4, one of its own learners (who
 * then needs no lab seat), whose Mon2 session keeps two, moving theirs to
 * Monday 1, and L5 goes to F2's lab: L0 gains a session and the day. */
START_TEST(rescue_moves_a_session_from_another_block)
{
	struct builder *tb = tb_new();
	int m1 = tb_block(tb, "Mon1", BLOCK_WORKSHOP), m2 = tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	int r1 = tb_room(tb, "R1", 5, NULL), r2 = tb_room(tb, "R2", 5, NULL);
	int g = tb_goal(tb, "G1", 2, 5, 1);
	tb_level(tb, f1, g, LEVEL_ABLE);
	int l[6];                                /* L0, L3, L4, L5 */
	for (int i = 0; i < 6; i++)
		l[i] = i == 0 || i >= 3 ? tb_learner_numbered(tb, i) : -1;
	for (int i = 0; i < 6; i++)
		if (l[i] >= 0)
			tb_need(tb, l[i], g, 3, 1);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	solution_init(&sol, p);
	hand_session(&sol, PERIOD_MIP_LAB, m1, r1, f2, (int[]){ l[0], l[3] }, 2);
	hand_session(&sol, PERIOD_MIP_LAB, m1, r2, f1, (int[]){ l[4], l[5] }, 2);
	hand_session(&sol, g, m2, r1, f1, (int[]){ l[3], l[4], l[5] }, 3);
	hand_session(&sol, PERIOD_MIP_LAB, m2, r2, f2, (int[]){ l[0] }, 1);
	struct solve_options o = options();
	struct cycle cy;
	cycle_init(&cy, p, &o, NULL);
	cycle_load_solution(&cy, &sol);
	ck_assert_double_eq_tol(cycle_objective(&cy), 3 * (35 + 40), 1e-9);
	ck_assert_int_eq(move_rescue(&cy), 1);
	ck_assert(cycle_consistent(&cy));
	ck_assert_double_eq_tol(cycle_objective(&cy), 4 * (35 + 40), 1e-9);
	ck_assert_int_eq(cy.plan[(long)l[0] * p->n_blocks + m1], g);
	ck_assert_int_eq(cy.plan[(long)l[4] * p->n_blocks + m1], g);
	ck_assert_int_eq(cy.plan[(long)l[4] * p->n_blocks + m2], PERIOD_MIP_LAB);
	ck_assert_int_eq(cy.plan[(long)l[5] * p->n_blocks + m1], PERIOD_MIP_LAB);
	struct solution out;
	solution_init(&out, p);
	cycle_build_solution(&cy, &out);
	assert_well_formed(p, &out);
	solution_release(&out);
	cycle_release(&cy);
	solution_release(&sol);
	problem_free(p);
}
END_TEST

/* A block's groups encoded, sent by a child process and decoded come back
 * equal, field by field (reseat_twin and the second search send them so);
 * a message cut short decodes to an empty result, not to garbage. */
START_TEST(block_result_survives_a_pipe)
{
	struct period_mip_result r, back;
	hand_plan(&r, 3, (int[]){ 4, 7, PERIOD_MIP_LAB }, (int[]){ 2, 0, 1 }, 5, (int[]){ 2, 0, 1, 0, 2 });
	r.objective = 123.5;
	r.bound = 130.25;
	r.outcome = MIP_FEASIBLE;
	r.learner_option[3] = 9;
	r.groups[1].facilitator = 6;
	r.groups[2].room_class = 2;
	struct child c;
	int started = child_start(&c);
	ck_assert_int_ge(started, 0);
	if (started == 0) {
		struct wire out = WIRE_INIT;
		period_mip_result_encode(&out, &r, 5, 1);
		child_exit(child_send(&c, &out) == 0);
	}
	struct wire w;
	ck_assert_int_eq(child_collect(&c, &w), 0);
	ck_assert_int_eq(period_mip_result_decode(&w, &back, 5, 1), 0);
	ck_assert(wire_done(&w));
	ck_assert_int_eq(back.n_groups, 3);
	ck_assert_int_eq(back.outcome, MIP_FEASIBLE);
	ck_assert_double_eq(back.objective, 123.5);
	ck_assert_double_eq(back.bound, 130.25);
	for (int gi = 0; gi < 3; gi++) {
		ck_assert_int_eq(back.groups[gi].goal, r.groups[gi].goal);
		ck_assert_int_eq(back.groups[gi].facilitator, r.groups[gi].facilitator);
		ck_assert_int_eq(back.groups[gi].room_class, r.groups[gi].room_class);
		ck_assert_int_eq(back.groups[gi].size, r.groups[gi].size);
		ck_assert_int_eq(back.group_room[gi], r.group_room[gi]);
	}
	for (int i = 0; i < 5; i++) {
		ck_assert_int_eq(back.learner_group[i], r.learner_group[i]);
		ck_assert_int_eq(back.learner_option[i], r.learner_option[i]);
	}
	/* every shorter prefix of the message is refused and leaves r empty */
	for (size_t len = 0; len < w.len; len++) {
		struct wire cut = w;
		cut.len = len;
		cut.pos = 0;
		cut.bad = false;
		struct period_mip_result part;
		ck_assert_int_eq(period_mip_result_decode(&cut, &part, 5, 1), -1);
		ck_assert_ptr_null(part.groups);
	}
	wire_release(&w);
	/* a collect with no child left fails and leaves the message empty */
	ck_assert_int_eq(child_collect(&c, &w), -1);
	ck_assert_ptr_null(w.buf);
	period_mip_result_free(&r);
	period_mip_result_free(&back);
}
END_TEST

/* A child that dies before sending gives -1 on collect; a cancelled one
 * (SIGKILL) is reaped at once. */
START_TEST(child_lost_or_cancelled)
{
	struct child c;
	int started = child_start(&c);
	ck_assert_int_ge(started, 0);
	if (started == 0)
		child_exit(false);
	struct wire w;
	ck_assert_int_eq(child_collect(&c, &w), -1);
	ck_assert_int_eq(c.pid, -1);
	started = child_start(&c);
	if (started == 0) {
		pause();
		child_exit(true);
	}
	child_cancel(&c, SIGKILL);
	ck_assert_int_eq(c.pid, -1);
	ck_assert_int_eq(c.fd, -1);
}
END_TEST

/* The settings table: a handful of learners is a small school, a cycle of
 * many blocks and long option lists a large one, a cycle without blocks
 * small; no row runs both the second search and the paired re-seatings
 * (each takes the machine's second core). */
START_TEST(settings_by_school_size)
{
	struct builder *tb = tb_new();
	int blocks[12], goals[8];
	char id[16];
	for (int j = 0; j < 12; j++) {
		snprintf(id, sizeof(id), "B%d", j);
		blocks[j] = tb_block(tb, id, BLOCK_WORKSHOP);
	}
	for (int g = 0; g < 8; g++) {
		snprintf(id, sizeof(id), "G%d", g);
		goals[g] = tb_goal(tb, id, 1, 25, 12);
	}
	tb_room(tb, "R1", 30, NULL);
	/* about 3 000 exact-MIP columns a block: a set of the small schools'
	 * size is 3 blocks, a quarter of 12 */
	for (int f = 0; f < 200; f++) {
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
	}
	for (int l = 0; l < 250; l++) {
		snprintf(id, sizeof(id), "L%d", l);
		int learner = tb_learner(tb, id);
		for (int g = 0; g < 8; g++)
			tb_need(tb, learner, goals[g], 2, 12);
	}
	struct problem *p = tb_finish(tb);
	ck_assert_int_eq(search_school_size(p, blocks, 12), SCHOOL_LARGE);
	ck_assert_int_eq(search_school_size(p, blocks, 3), SCHOOL_SMALL);
	ck_assert_int_eq(search_school_size(p, blocks, 0), SCHOOL_SMALL);
	ck_assert_int_eq(search_set_blocks(p, blocks, 12, 1), 2);
	ck_assert_int_eq(search_set_blocks(p, blocks, 12, 1L << 40), 12);
	for (int k = 0; k < SCHOOL_SIZES; k++) {
		const struct search_settings *set = &search_settings_table[k];
		ck_assert(!(set->twin_search && set->reseat_pairs));
		ck_assert(set->bound_share > 0 && set->bound_share < 1);
		ck_assert_int_ge(set->lns_blocks, 2);
		ck_assert_int_ge(set->kick_blocks, 1);
		ck_assert_int_ge(set->regoal_blocks, 1);
		ck_assert_int_gt(set->block_nodes, 0);
	}
	problem_free(p);
}
END_TEST

/* Two facilitators, each away from one of the two blocks: no facilitator
 * can keep a group all cycle, but every block's lab has a supervisor (F2
 * in Mon1, F1 in Mon2).  The old model made a lab a whole-cycle group with
 * one supervisor and called this school infeasible; labs are per block. */
static struct problem *power_goal_without_a_whole_cycle_facilitator(void)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_POWER_GOAL);
	int b1 = tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int b2 = tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G1", 1, 25, 2);
	tb_facilitator_unavailable(tb, tb_facilitator(tb, "F1"), b1);
	tb_facilitator_unavailable(tb, tb_facilitator(tb, "F2"), b2);
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	tb_need(tb, tb_learner(tb, "L1"), g, 1, 2);
	tb_need(tb, tb_learner(tb, "L2"), g, 2, 2);
	return tb_finish(tb);
}

START_TEST(power_goal_labs_per_block)
{
	struct problem *p = power_goal_without_a_whole_cycle_facilitator();
	struct solution s;
	solve(p, &s);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	for (int b = 0; b < 2; b++) {
		int si = solution_attend_at(&s, 0, b);
		ck_assert_int_ge(si, 0);
		ck_assert_int_eq(s.sessions[si].kind, SESSION_LAB);
		ck_assert_int_eq(s.sessions[si].facilitator, 1 - b);
		ck_assert_int_eq(solution_attend_at(&s, 1, b), si);
	}
	/* no group can form and there is no online need: nothing scores */
	ck_assert_double_eq_tol(s.objective, 0, 1e-9);
	ck_assert_double_eq_tol(s.bound, 0, 1e-6);
	ts_free(p, &s);
}
END_TEST

START_TEST(power_goal_unwritable_lp_is_an_error)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_POWER_GOAL);
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G1", 1, 25, 1);
	tb_facilitator(tb, "F1");
	tb_room(tb, "R1", 30, NULL);
	tb_need(tb, tb_learner(tb, "L1"), g, 1, 1);
	struct problem *p = tb_finish(tb);
	struct solve_options o = options();
	o.write_lp = "/nonexistent-mclsched-dir/cycle.lp";
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(model_solve(p, &o, &s), -1);
	solution_release(&s);
	o.write_lp = NULL;
	solution_init(&s, p);
	ck_assert_int_eq(model_solve(p, &o, &s), 0);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	ts_free(p, &s);
}
END_TEST

/* A bound below a verified objective is wrong: the models report it as an
 * internal error instead of raising the bound to the objective.  Rounding
 * (relative 1e-9) is not an error. */
START_TEST(bound_below_objective_does_not_hold)
{
	ck_assert(model_bound_holds(33030, 32865));
	ck_assert(model_bound_holds(32865, 32865));
	ck_assert(model_bound_holds(32865 - 1e-6, 32865));
	ck_assert(!model_bound_holds(32864, 32865));
	ck_assert(!model_bound_holds(0, 1));
	ck_assert(model_bound_holds(0, 0));
}
END_TEST

/* model_solve's one bound check, for every model: a bound below the
 * objective is an internal error and is never raised to it; the status is
 * optimal exactly when the gap is within the gap limit. */
START_TEST(one_bound_check_for_every_model)
{
	enum model_kind kinds[] = { MODEL_POWER_GOAL, MODEL_WORKSHOP, MODEL_SEMINAR,
				    MODEL_COMBINATION };
	struct solve_options o = { .time_limit = 1, .gap = 0.005 };
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct solution s = { .status = SOLVE_OPTIMAL, .objective = 1000, .bound = 999 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), -1);
		s = (struct solution){ .status = SOLVE_OPTIMAL, .objective = 1000, .bound = 1006 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), 0);
		ck_assert_int_eq(s.status, SOLVE_FEASIBLE);
		ck_assert_double_eq_tol(s.gap, 6.0 / 1006, 1e-12);
		s = (struct solution){ .status = SOLVE_FEASIBLE, .objective = 1000, .bound = 1004 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), 0);
		ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
		/* round-off within the tolerance passes and is not clamped */
		s = (struct solution){ .status = SOLVE_FEASIBLE, .objective = 1000,
				       .bound = 1000 - 1e-8 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), 0);
		ck_assert(s.bound < 1000);
		ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
		s = (struct solution){ .status = SOLVE_FEASIBLE, .objective = 1000,
				       .bound = 1000 - 1e-5 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), -1);
		s = (struct solution){ .status = SOLVE_NO_SOLUTION, .objective = 0, .bound = 0 };
		ck_assert_int_eq(model_check_bound(kinds[i], &o, &s), 0);
		ck_assert_int_eq(s.status, SOLVE_NO_SOLUTION);
	}
}
END_TEST

/* The model table: names and kinds find their rows, and each row plans
 * the blocks it says it plans. */
START_TEST(model_table_rows_say_what_they_are)
{
	ck_assert_int_ge(model_count(), 4);
	for (int i = 0; i < model_count(); i++) {
		const struct model_row *r = model_at(i);
		ck_assert_ptr_eq(model_named(r->name), r);
		ck_assert_ptr_eq(model_lookup(r->kind), r);
		ck_assert_str_eq(problem_model_name(r->kind), r->name);
		ck_assert(r->schedules_workshops || r->schedules_seminars);
		ck_assert(r->solve && r->bound && r->write_lp);
	}
	ck_assert_ptr_null(model_named("workshops"));
	ck_assert_ptr_null(model_named(NULL));
	struct builder *tb = tb_new();
	tb_block(tb, "W", BLOCK_WORKSHOP);
	tb_block(tb, "S", BLOCK_SEMINAR);
	tb_goal(tb, "G", 1, 5, 1);
	tb_seminar(tb, "M", 1, 1, 5);
	tb_facilitator(tb, "F");
	tb_room(tb, "R", 5, NULL);
	struct problem *p = tb_finish(tb);
	for (int i = 0; i < model_count(); i++) {
		p->config.model = model_at(i)->kind;
		int blocks[2];
		ck_assert_int_eq(model_blocks(p, BLOCK_WORKSHOP, blocks),
				 model_at(i)->schedules_workshops);
		ck_assert_int_eq(model_blocks(p, BLOCK_SEMINAR, blocks),
				 model_at(i)->schedules_seminars);
		ck_assert_int_eq(problem_block_scheduled(p, 0), model_at(i)->schedules_workshops);
		ck_assert_int_eq(problem_block_scheduled(p, 1), model_at(i)->schedules_seminars);
	}
	problem_free(p);
}
END_TEST

/* Two days, each a workshop block then a seminar block; three goals (one
 * online), two seminars of one meeting, three facilitators (one allowed 3
 * sessions), three rooms, 7 learners with two needs and two choices. */
static struct problem *both_kinds(unsigned seed)
{
	unsigned x = seed * 2654435761u + 3;
#define RND(n) ts_draw(&x, (n))
	struct builder *tb = tb_new();
	const char *ids[4] = { "Mon1", "Mon2", "Tue1", "Tue2" };
	for (int b = 0; b < 4; b++)
		tb_block_day(tb, tb_block(tb, ids[b], b % 2 ? BLOCK_SEMINAR : BLOCK_WORKSHOP),
			     b < 2 ? "Mon" : "Tue");
	int g[3];
	for (int i = 0; i < 3; i++) {
		char id[8];
		snprintf(id, sizeof(id), "G%d", i);
		g[i] = tb_goal(tb, id, 1 + RND(2), 3 + RND(3), 1 + RND(2));
	}
	tb_goal_online(tb, g[2]);
	int sm[2] = { tb_seminar(tb, "S1", 1, 2, 3 + RND(3)), tb_seminar(tb, "S2", 1, 2, 4) };
	for (int f = 0; f < 3; f++) {
		char id[8];
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
		tb_level(tb, f, g[f % 2], RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		tb_seminar_level(tb, f, sm[f % 2], RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		snprintf(id, sizeof(id), "R%d", f);
		tb_room(tb, id, 5 + RND(5), NULL);
	}
	tb_facilitator_max(tb, 0, 3);
	for (int l = 0; l < 7; l++) {
		char id[8];
		snprintf(id, sizeof(id), "L%d", l);
		int li = tb_learner(tb, id);
		int first = RND(3);
		tb_need(tb, li, g[first], 1, 1 + RND(2));
		tb_need(tb, li, g[(first + 1) % 3], 2 + RND(3), 1);
		int top = RND(2);
		tb_choice(tb, li, sm[top], 1, true);
		tb_choice(tb, li, sm[1 - top], 2, true);
	}
#undef RND
	return tb_finish(tb);
}

/* Every row of the model table, on small schools with both kinds of
 * blocks: the row's exact MIP (what --write-lp writes), read back and
 * solved to optimality, is at least the row's schedule and at most the
 * row's bound.  A row whose bound or exact MIP is not its model's (another
 * set of blocks, a missing term) fails here. */
START_TEST(every_row_between_its_schedule_and_its_bound)
{
	const struct model_row *row = model_at(_i % model_count());
	struct problem *p = both_kinds((unsigned)(_i / model_count()) + 1);
	p->config.model = row->kind;
	struct solve_options o = options();
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(model_solve(p, &o, &s), 0);
	ck_assert(s.status == SOLVE_OPTIMAL || s.status == SOLVE_FEASIBLE);
	double objective = s.objective;
	solution_release(&s);
	char *dir = td_make();
	char *lp = xasprintf("%s/model.lp", dir);
	ck_assert_int_eq(row->write_lp(p, lp), 0);
	glp_prob *P = glp_create_prob();
	ck_assert_int_eq(glp_read_lp(P, NULL, lp), 0);
	struct mip_params mp = { .seconds = 3600, .gap = 0 };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	glp_delete_prob(P);
	ck_assert_int_eq(mr.outcome, MIP_OPTIMAL);
	ck_assert_double_le_tol(objective, mr.objective, 1e-6);
	ck_assert_double_ge_tol(row->bound(p, 30), mr.objective, 1e-6);
	free(lp);
	td_remove(dir);
	problem_free(p);
}
END_TEST

static Suite *models_suite(void)
{
	Suite *s = suite_create("models");
	TCase *tc = tcase_create("workshop");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, one_group_with_guru);
	tcase_add_test(tc, group_below_minimum_goes_to_lab);
	tcase_add_test(tc, power_goal_bonus_wins);
	tcase_add_test(tc, sessions_spread_over_blocks);
	tcase_add_test(tc, max_sessions_limits_a_facilitator);
	tcase_add_test(tc, online_need_credited_by_lab);
	tcase_add_test(tc, too_many_learners_is_infeasible);
	tcase_add_loop_test(tc, decomposition_is_honest_against_exact_mip, 0, 6);
	tcase_add_loop_test(tc, windows_improve_towards_the_optimum, 0, 6);
	tcase_add_loop_test(tc, bound_lp_is_valid_against_exact_mip, 0, 20);
	tcase_add_loop_test(tc, merged_bound_is_valid_with_areas_and_absences, 0, 20);
	tcase_add_test(tc, reseating_moves_sessions_between_blocks);
	tcase_add_test(tc, reseating_keeps_need_limits);
	tcase_add_test(tc, regoaling_changes_a_sessions_goal);
	tcase_add_test(tc, block_result_survives_a_pipe);
	tcase_add_test(tc, child_lost_or_cancelled);
	tcase_add_test(tc, settings_by_school_size);
	suite_add_tcase(s, tc);
	/* exact optima under odd weights: ties make GLPK's proof slower */
	/* hand-made plans: fast, runnable alone (CK_RUN_CASE=hand-made-plans) */
	TCase *mv = tcase_create("hand-made-plans");
	tcase_add_test(mv, period_greedy_keeps_lab_seats);
	tcase_add_test(mv, rescue_takes_a_tie_only);
	tcase_add_test(mv, rescue_moves_a_session_from_another_block);
	suite_add_tcase(s, mv);
	TCase *wt = tcase_create("weights");
	tcase_set_timeout(wt, 600);
	tcase_add_loop_test(wt, bounds_hold_for_weights_of_any_shape, 0, 8);
	tcase_add_loop_test(wt, unlinked_bound_holds, 0, 8);
	tcase_add_test(wt, simple_bound_takes_the_heaviest);
	suite_add_tcase(s, wt);
	TCase *pg = tcase_create("power-goal");
	tcase_add_test(pg, power_goal_keeps_groups);
	tcase_add_test(pg, power_goal_labs_per_block);
	tcase_add_test(pg, power_goal_unwritable_lp_is_an_error);
	tcase_add_test(pg, bound_below_objective_does_not_hold);
	tcase_add_test(pg, one_bound_check_for_every_model);
	suite_add_tcase(s, pg);
	TCase *tab = tcase_create("table");
	tcase_set_timeout(tab, 600);
	tcase_add_test(tab, model_table_rows_say_what_they_are);
	tcase_add_loop_test(tab, every_row_between_its_schedule_and_its_bound, 0, 8);
	suite_add_tcase(s, tab);
	return s;
}

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = getenv("MCL_TEST_VERBOSE") ? LOG_VERBOSE : LOG_QUIET;
	return run_suite(models_suite());
}
