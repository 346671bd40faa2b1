/*
 * check_power_goal.c - the power-goal model on the shape of issue 24's
 * school: 200 learners, 15 workshop blocks (5 days x 3), five full-time
 * facilitators and six limited ones, lab max_group 60, thirteen rooms of
 * 20-32 seats and two commons of 80.  The old model put every learner in a
 * whole-cycle lab, since a lab kept one supervisor for the whole cycle and
 * so ate the full-time facilitators.  A schedule built by hand under the
 * contract (five whole-cycle groups led by the full-time facilitators, labs
 * per block supervised by the limited ones) is written, checked by verify
 * (which recounts its objective independently), and then mclsched must form
 * groups, score at least as much, and report a bound above both.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/model.h"
#include "outputs/output.h"
#include "outputs/verify.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

#define N_LEARNERS 200
#define N_BLOCKS 15
#define N_FULL 5
#define N_PART 6
#define N_GOALS 8

static const int group_size[N_FULL] = { 12, 11, 11, 9, 9 };   /* the issue's */

/* Learner l's power goal (priority 1, 10 sessions) is goal l % 8; some
 * learners also have an online need (priority 2) and a second facilitated
 * need (priority 3); every twentieth learner is away in one block. */
static struct problem *school(void)
{
	static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri" };
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_POWER_GOAL);
	for (int b = 0; b < N_BLOCKS; b++) {
		char id[16];
		snprintf(id, sizeof(id), "%s%d", days[b / 3], b % 3 + 1);
		tb_block_day(tb, tb_block(tb, id, BLOCK_WORKSHOP), days[b / 3]);
	}
	int goal[N_GOALS], online[2];
	for (int g = 0; g < N_GOALS; g++) {
		char id[16];
		snprintf(id, sizeof(id), "G%d", g + 1);
		goal[g] = tb_goal(tb, id, 1, 25, 10);
	}
	for (int g = 0; g < 2; g++) {
		online[g] = tb_goal(tb, g ? "O2" : "O1", 1, 25, 5);
		tb_goal_online(tb, online[g]);
	}
	for (int f = 0; f < N_FULL; f++) {
		char id[16];
		snprintf(id, sizeof(id), "F%d", f + 1);
		int k = tb_facilitator(tb, id);
		tb_level(tb, k, goal[f], LEVEL_GURU);
		tb_level(tb, k, goal[(f + 5) % N_GOALS], LEVEL_ABLE);
	}
	static const int part_max[N_PART] = { 7, 9, 11, 14, 15, 12 };
	for (int f = 0; f < N_PART; f++) {
		char id[16];
		snprintf(id, sizeof(id), "P%d", f + 1);
		int k = tb_facilitator(tb, id);
		tb_facilitator_max(tb, k, part_max[f]);
		tb_level(tb, k, goal[(f + 2) % N_GOALS], LEVEL_ABLE);
		if (f >= 4)             /* P5, P6: away in three blocks */
			for (int b = f - 4; b < N_BLOCKS; b += 5)
				tb_facilitator_unavailable(tb, k, b);
	}
	for (int r = 0; r < 13; r++) {
		char id[16];
		snprintf(id, sizeof(id), "R%02d", r + 1);
		tb_room(tb, id, 20 + r, NULL);
	}
	tb_room(tb, "C1", 80, NULL);
	tb_room(tb, "C2", 80, NULL);
	for (int l = 0; l < N_LEARNERS; l++) {
		char id[16];
		snprintf(id, sizeof(id), "L%03d", l + 1);
		int i = tb_learner(tb, id);
		tb_need(tb, i, goal[l % N_GOALS], 1, 10);
		if (l % 3 == 0)
			tb_need(tb, i, online[l % 2], 2, 5);
		if (l % 4 == 1)
			tb_need(tb, i, goal[(3 * l + 1) % N_GOALS], 3, 5);
		if (l % 20 == 0)
			tb_learner_unavailable(tb, i, (l / 20) % N_BLOCKS);
	}
	struct problem *p = tb_finish(tb);
	p->config.lab_max_group = 60;
	return p;
}

/* The hand-made schedule: full-time facilitator f leads goal f's group (the
 * first group_size[f] learners whose power goal it is) in room R0f+1 in
 * every block; everyone else is in a lab in C1, C2 or R13, supervised by
 * the limited facilitators with the most sessions left.  Returns its
 * objective (objective.c); the caller verifies it independently. */
static double hand_schedule(const struct problem *p, struct solution *s)
{
	solution_init(s, p);
	int in_group[N_LEARNERS];
	for (int l = 0; l < N_LEARNERS; l++) {
		int f = l % N_GOALS;
		in_group[l] = f < N_FULL && l / N_GOALS < group_size[f] ? f : -1;
	}
	int left[N_PART];
	for (int k = 0; k < N_PART; k++)
		left[k] = p->facilitators[N_FULL + k].max_sessions;
	static const int lab_room[3] = { 13, 14, 12 };   /* C1, C2, R13 */
	int section[N_FULL];
	for (int b = 0; b < N_BLOCKS; b++) {
		for (int f = 0; f < N_FULL; f++) {
			struct session ss = { SESSION_WORKSHOP, f, b, f, f, 0, 0 };
			int si = solution_add_session(s, &ss);
			if (b == 0)
				section[f] = si;
			s->sessions[si].section = section[f];
			for (int l = 0; l < N_LEARNERS; l++)
				if (in_group[l] == f && !p->learners[l].unavailable[b])
					*solution_attend(s, l, b) = si;
		}
		int l = 0;
		for (int lab = 0; lab < 3; lab++) {
			int best = -1;
			for (int k = 0; k < N_PART; k++) {
				const struct facilitator *fc = &p->facilitators[N_FULL + k];
				bool busy = false;
				for (size_t i = 0; i < s->n_sessions; i++)
					busy |= s->sessions[i].block == b &&
						s->sessions[i].facilitator == N_FULL + k;
				if (!fc->unavailable[b] && !busy && left[k] > 0 &&
				    (best < 0 || left[k] > left[best]))
					best = k;
			}
			ck_assert_msg(best >= 0, "no lab supervisor for block %d", b);
			left[best]--;
			struct session ss = { SESSION_LAB, -1, b, lab_room[lab], N_FULL + best, 0, 0 };
			int si = solution_add_session(s, &ss);
			int cap = lab < 2 ? 60 : 32;
			for (int seated = 0; l < N_LEARNERS && seated < cap; l++)
				if (in_group[l] < 0 && !p->learners[l].unavailable[b]) {
					*solution_attend(s, l, b) = si;
					seated++;
				}
		}
		for (; l < N_LEARNERS; l++)
			ck_assert_msg(in_group[l] >= 0 || p->learners[l].unavailable[b],
				      "learner %d without a lab seat in block %d", l, b);
	}
	solution_recount(s);
	double objective = objective_of(p, s);
	return objective;
}

/* Writes s into dir/name and runs verify on it; 0 when it holds. */
static int write_and_verify(const struct problem *p, struct solution *s, const char *dir,
			    const char *name)
{
	char *out = xasprintf("%s/%s", dir, name);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, s, NULL, out, &d), 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc = verify_schedule(p, out, f, &d);
	fclose(f);
	if (rc != 0)
		fprintf(stderr, "verify %s:\n%s\n", name, text);
	free(text);
	diag_release(&d);
	free(out);
	return rc;
}

START_TEST(issue_school_forms_groups)
{
	ts_quiet_glpk();
	mcl_log_level = LOG_QUIET;
	struct problem *p = school();
	char *dir = td_make();

	struct solution hand;
	double hand_value = hand_schedule(p, &hand);
	hand.objective = hand_value;
	hand.bound = hand_value;
	hand.status = SOLVE_FEASIBLE;
	solution_set_gap(&hand);
	ck_assert_msg(write_and_verify(p, &hand, dir, "hand") == 0,
		      "verify rejects the hand-made schedule");

	struct solve_options opt = { .time_limit = 20, .gap = 0.005, .seed = 1 };
	struct solution sol;
	solution_init(&sol, p);
	ck_assert_int_eq(model_solve(p, &opt, &sol), 0);
	ck_assert(sol.status == SOLVE_OPTIMAL || sol.status == SOLVE_FEASIBLE);
	int workshops = 0;
	for (size_t i = 0; i < sol.n_sessions; i++)
		workshops += sol.sessions[i].kind == SESSION_WORKSHOP;
	fprintf(stderr, "power-goal school: hand %.0f, mclsched %.0f, bound %.0f, %d group "
		"meetings\n", hand_value, sol.objective, sol.bound, workshops);
	ck_assert_msg(workshops >= N_BLOCKS, "no groups formed (%d group meetings)", workshops);
	ck_assert_msg(sol.objective >= hand_value - 1e-6, "mclsched %.1f below the hand-made %.1f",
		      sol.objective, hand_value);
	ck_assert_msg(sol.bound >= sol.objective - 1e-6 && sol.bound >= hand_value - 1e-6,
		      "bound %.1f below the objective %.1f or the hand-made %.1f", sol.bound,
		      sol.objective, hand_value);
	ck_assert_msg(write_and_verify(p, &sol, dir, "solved") == 0,
		      "verify rejects mclsched's schedule");
	solution_release(&hand);
	solution_release(&sol);
	td_remove(dir);
	problem_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("power_goal");
	TCase *tc = tcase_create("issue 24 school");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, issue_school_forms_groups);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
