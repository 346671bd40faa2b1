/*
 * check_seminar.c - the seminar model on hand-made scenarios whose optimum
 * is worked out by hand: continuity of sections, eligibility and age bands,
 * parallel sections, seminars_per_learner, the lab feature, unavailability,
 * and the valuation against another block's counts (`outside`); then the
 * seminar model's parts alone (seminar_plan.h, seminar_search.h): the plan
 * state and its consistency check after every move, the patterns and
 * values of the context, the section MIP with stage 2, the realisation
 * with repair, and the simple bound.
 *
 * Weights are the contract's defaults: choice {50, 30, ...}, daily 40,
 * guru 5; no online needs, so labs are worth nothing.
 */
#include <check.h>
#include <float.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "models/model.h"
#include "models/search_settings.h"
#include "models/seminar.h"
#include "models/seminar_search.h"
#include "tests/support/builder.h"
#include "tests/support/solving.h"

/* The hard rules a seminar-block schedule must keep, checked directly. */
static void assert_valid(const struct problem *p, const struct solution *s)
{
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (p->blocks[b].kind != BLOCK_SEMINAR || p->learners[l].unavailable[b]) {
				ck_assert_int_eq(si, -1);
				continue;
			}
			ck_assert_int_ge(si, 0);
			ck_assert_int_eq(s->sessions[si].block, b);
			if (s->sessions[si].kind != SESSION_SEMINAR)
				continue;
			/* every meeting of the section attended, same facilitator */
			int sec = s->sessions[si].section, meetings = 0;
			for (size_t k = 0; k < s->n_sessions; k++) {
				if (s->sessions[k].section != sec)
					continue;
				meetings++;
				ck_assert_int_eq(s->sessions[k].facilitator, s->sessions[sec].facilitator);
				ck_assert_int_eq(solution_attend_at(s, l, s->sessions[k].block), (int)k);
			}
			ck_assert_int_eq(meetings, p->seminars[s->sessions[si].offering].meetings);
			int c = objective_choice_of(p, l, s->sessions[si].offering);
			ck_assert_int_ge(c, 0);
			ck_assert(p->choices[c].eligible);
		}
	for (size_t i = 0; i < s->n_sessions; i++) {
		const struct session *a = &s->sessions[i];
		const struct room *rm = &p->rooms[a->room];
		ck_assert_int_ge(a->size, 1);
		ck_assert_int_le(a->size, rm->capacity);
		ck_assert(!rm->unavailable[a->block]);
		ck_assert(!p->facilitators[a->facilitator].unavailable[a->block]);
		if (a->kind == SESSION_LAB) {
			ck_assert(problem_room_has(rm, p->lab_feature));
			ck_assert_int_le(a->size, p->config.lab_max_group);
		} else {
			const struct seminar *sm = &p->seminars[a->offering];
			ck_assert(problem_room_has(rm, sm->feature));
			ck_assert_int_ge(a->size, sm->min_size);
			ck_assert_int_le(a->size, sm->max_size);
			ck_assert_int_ge(problem_seminar_level(p, a->facilitator, a->offering), LEVEL_ABLE);
		}
		for (size_t j = i + 1; j < s->n_sessions; j++) {
			if (s->sessions[j].block != a->block)
				continue;
			ck_assert_int_ne(s->sessions[j].facilitator, a->facilitator);
			ck_assert_int_ne(s->sessions[j].room, a->room);
		}
	}
}

static double solve(struct problem *p, struct solution *s)
{
	struct solve_options o = { .time_limit = 10, .gap = 1e-6, .seed = 1 };
	solution_init(s, p);
	ck_assert_int_eq(model_lookup(MODEL_SEMINAR)->solve(p, &o, s), 0);
	ck_assert(s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE);
	assert_valid(p, s);
	/* the model's account is the objective of the schedule */
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, s);
	ck_assert_double_eq_tol(objective_total(p, &t), s->objective, 1e-9);
	tally_release(&t);
	ck_assert(s->bound >= s->objective - 1e-9);
	return s->objective;
}

static struct builder *base(int n_blocks)
{
	static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri" };
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_SEMINAR);
	for (int i = 0; i < n_blocks; i++) {
		char id[16];
		snprintf(id, sizeof(id), "%s4", days[i]);
		tb_block_day(tb, tb_block(tb, id, BLOCK_SEMINAR), days[i]);
	}
	return tb;
}

/* Rooms R0..R(n-1) of 10 seats. */
static void rooms_of_ten(struct builder *tb, int n)
{
	for (int r = 0; r < n; r++) {
		char id[8];
		snprintf(id, sizeof(id), "R%d", r);
		tb_room(tb, id, 10, NULL);
	}
}

/* Seminar S1 of `meetings` meetings (1 to 10 learners) led by F1 at level,
 * a second facilitator F2 for the labs, two rooms of 10; returns S1. */
static int one_seminar_led(struct builder *tb, int meetings, enum level level)
{
	int s = tb_seminar(tb, "S1", meetings, 1, 10);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s, level);
	tb_facilitator(tb, "F2");
	tb_room(tb, "R1", 10, NULL);
	tb_room(tb, "R2", 10, NULL);
	return s;
}

/* The same, F1 able. */
static int one_seminar(struct builder *tb, int meetings)
{
	return one_seminar_led(tb, meetings, LEVEL_ABLE);
}

/* Two days, a two-meeting seminar S1 chosen by three of four learners. */
static struct problem *continuity_school(void)
{
	struct builder *tb = base(2);
	int s = one_seminar(tb, 2);
	for (int i = 0; i < 3; i++)
		tb_choice(tb, tb_learner_numbered(tb, i), s, 1, true);
	tb_learner_numbered(tb, 3);
	return tb_finish(tb);
}

/* Three learners take a two-meeting seminar on two days: the same section,
 * facilitator and learners both days; the fourth, without a choice, is in
 * the lab.  3 x (50 + 2 x 40) = 390. */
START_TEST(continuity)
{
	struct problem *p = continuity_school();
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 390, 1e-9);
	/* the simple bound is tight here: 3 seats' worth of gain, no guru */
	ck_assert_double_eq_tol(sol.bound, 390, 1e-9);
	ck_assert_int_eq(sol.status, SOLVE_OPTIMAL);
	int sec = solution_attend_at(&sol, 0, 0);
	ck_assert_int_eq(sol.sessions[sec].kind, SESSION_SEMINAR);
	ck_assert_int_eq(sol.sessions[sec].size, 3);
	int next = solution_attend_at(&sol, 0, 1);
	ck_assert_int_eq(sol.sessions[next].section, sol.sessions[sec].section);
	ck_assert_int_eq(ts_attended(&sol, 3, 0)->kind, SESSION_LAB);
	ts_free(p, &sol);
}
END_TEST

/* L0's first choice is not eligible (prerequisite): L0 gets the second,
 * 30 + 40; L1 the first, 50 + 40.  Total 160. */
START_TEST(ineligible_first_choice_skipped)
{
	struct builder *tb = base(1);
	int s1 = tb_seminar(tb, "S1", 1, 1, 10);
	int s2 = tb_seminar(tb, "S2", 1, 1, 10);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s1, LEVEL_ABLE);
	tb_seminar_level(tb, tb_facilitator(tb, "F2"), s2, LEVEL_ABLE);
	tb_facilitator(tb, "F3");
	rooms_of_ten(tb, 3);
	int l0 = tb_learner_numbered(tb, 0), l1 = tb_learner_numbered(tb, 1);
	tb_choice(tb, l0, s1, 1, false);
	tb_choice(tb, l0, s2, 2, true);
	tb_choice(tb, l1, s1, 1, true);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 160, 1e-9);
	ck_assert_int_eq(ts_attended(&sol, l0, 0)->offering, s2);
	ck_assert_int_eq(ts_attended(&sol, l1, 0)->offering, s1);
	ts_free(p, &sol);
}
END_TEST

/* An age band 12-14: the 16-year-old's choice is ineligible (as the loader
 * marks it), so only the 13-year-old enrols: 50 + 40; the other learner is
 * placeable (has a choice) but gets no daily weight from a lab. */
START_TEST(age_band)
{
	struct builder *tb = base(1);
	int s = one_seminar_led(tb, 1, LEVEL_GURU);
	tb_seminar_ages(tb, s, 12, 14);
	int young = tb_learner_numbered(tb, 0), old = tb_learner_numbered(tb, 1);
	tb_learner_age(tb, young, 13);
	tb_learner_age(tb, old, 16);
	tb_choice(tb, young, s, 1, true);
	tb_choice(tb, old, s, 1, false);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	/* 50 + 40 + the guru's one meeting (5) */
	ck_assert_double_eq_tol(solve(p, &sol), 95, 1e-9);
	ck_assert_int_eq(ts_attended(&sol, old, 0)->kind, SESSION_LAB);
	ts_free(p, &sol);
}
END_TEST

/* Three learners want a seminar of at most 2: with sections = 2 all three
 * enrol (two sections, 3 x 90 = 270); with sections = 1 only two (180). */
static double sections_case(int sections, int *n_seminar_sessions)
{
	struct builder *tb = base(1);
	int s = tb_seminar(tb, "S1", 1, 1, 2);
	tb_seminar_sections(tb, s, sections);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s, LEVEL_ABLE);
	tb_seminar_level(tb, tb_facilitator(tb, "F2"), s, LEVEL_ABLE);
	rooms_of_ten(tb, 3);
	for (int i = 0; i < 3; i++)
		tb_choice(tb, tb_learner_numbered(tb, i), s, 1, true);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	double v = solve(p, &sol);
	*n_seminar_sessions = 0;
	for (size_t i = 0; i < sol.n_sessions; i++)
		*n_seminar_sessions += sol.sessions[i].kind == SESSION_SEMINAR;
	ts_free(p, &sol);
	return v;
}

START_TEST(second_section)
{
	int n;
	ck_assert_double_eq_tol(sections_case(2, &n), 270, 1e-9);
	ck_assert_int_eq(n, 2);
	ck_assert_double_eq_tol(sections_case(1, &n), 180, 1e-9);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* One learner, two one-meeting seminars on two days, one facilitator able
 * in both: seminars_per_learner = 2 gives both (50 + 30 + 2 x 40 = 160),
 * the default 1 only the first (50 + 40 = 90, a lab the other day). */
static double two_seminars_case(int per_learner, int *enrolled)
{
	struct builder *tb = base(2);
	tb_seminars_per_learner(tb, per_learner);
	int s1 = tb_seminar(tb, "S1", 1, 1, 10);
	int s2 = tb_seminar(tb, "S2", 1, 1, 10);
	int f = tb_facilitator(tb, "F1");
	tb_seminar_level(tb, f, s1, LEVEL_ABLE);
	tb_seminar_level(tb, f, s2, LEVEL_ABLE);
	tb_room(tb, "R1", 10, NULL);
	int l = tb_learner_numbered(tb, 0);
	tb_choice(tb, l, s1, 1, true);
	tb_choice(tb, l, s2, 2, true);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	double v = solve(p, &sol);
	*enrolled = 0;
	for (int b = 0; b < p->n_blocks; b++)
		*enrolled += ts_attended(&sol, l, b)->kind == SESSION_SEMINAR;
	ts_free(p, &sol);
	return v;
}

START_TEST(seminars_per_learner)
{
	int n;
	ck_assert_double_eq_tol(two_seminars_case(2, &n), 160, 1e-9);
	ck_assert_int_eq(n, 2);
	ck_assert_double_eq_tol(two_seminars_case(1, &n), 90, 1e-9);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* lab.feature = computers: the lab sits in the computer room, the seminar
 * in the plain one, though both rooms fit either. */
START_TEST(lab_feature)
{
	struct builder *tb = base(1);
	tb_lab_feature(tb, "computers");
	int s = tb_seminar(tb, "S1", 1, 1, 10);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s, LEVEL_ABLE);
	tb_facilitator(tb, "F2");
	int plain = tb_room(tb, "R1", 30, NULL);
	int lab = tb_room(tb, "R2", 30, "computers");
	int l0 = tb_learner_numbered(tb, 0), l1 = tb_learner_numbered(tb, 1);
	tb_choice(tb, l0, s, 1, true);
	struct problem *p = tb_finish(tb);
	ck_assert_int_ge(p->lab_feature, 0);
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 90, 1e-9);
	ck_assert_int_eq(ts_attended(&sol, l0, 0)->room, plain);
	ck_assert_int_eq(ts_attended(&sol, l1, 0)->room, lab);
	ts_free(p, &sol);
}
END_TEST

/* A seminar whose only pattern is both blocks: L0, away on Tuesday, cannot
 * enrol (lab Monday, nothing Tuesday); L1 enrols: 50 + 2 x 40 = 130. */
START_TEST(unavailable_learner_cannot_enrol)
{
	struct builder *tb = base(2);
	int s = one_seminar(tb, 2);
	int l0 = tb_learner_numbered(tb, 0), l1 = tb_learner_numbered(tb, 1);
	tb_choice(tb, l0, s, 1, true);
	tb_choice(tb, l1, s, 1, true);
	tb_learner_unavailable(tb, l0, 1);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 130, 1e-9);
	ck_assert_int_eq(ts_attended(&sol, l0, 0)->kind, SESSION_LAB);
	ck_assert_int_eq(solution_attend_at(&sol, l0, 1), -1);
	ck_assert_int_eq(ts_attended(&sol, l1, 1)->kind, SESSION_SEMINAR);
	ts_free(p, &sol);
}
END_TEST

/* Seats: one facilitator and one room; the seminar's 3 learners and the
 * fourth learner cannot both be seated, so the seminar does not run (every
 * available learner must be in a session): objective 0. */
START_TEST(labs_come_first)
{
	struct builder *tb = base(1);
	int s = tb_seminar(tb, "S1", 1, 1, 10);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s, LEVEL_ABLE);
	tb_room(tb, "R1", 10, NULL);
	for (int i = 0; i < 3; i++)
		tb_choice(tb, tb_learner_numbered(tb, i), s, 1, true);
	tb_learner_numbered(tb, 3);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 0, 1e-9);
	ck_assert_uint_eq(sol.n_sessions, 1);
	ck_assert_int_eq(sol.sessions[0].kind, SESSION_LAB);
	ck_assert_int_eq(sol.sessions[0].size, 4);
	ts_free(p, &sol);
}
END_TEST

/* Labs short: a computer room of 2 for labs, a plain room of 10, F1 (S1:
 * meetings, 1-10 learners), F2; learners 0-2 of 5 choose S1 at rank, away
 * in away[]. */
static struct problem *labs_short(struct builder *tb, int meetings, int rank, const int *away,
				  int n_away)
{
	tb_lab_feature(tb, "computers");
	int s = tb_seminar(tb, "S1", meetings, 1, 10);
	tb_seminar_level(tb, tb_facilitator(tb, "F1"), s, LEVEL_ABLE);
	tb_facilitator(tb, "F2");
	tb_room(tb, "R1", 10, NULL);
	tb_room(tb, "R2", 2, "computers");
	for (int i = 0; i < 5; i++) {
		int l = tb_learner_numbered(tb, i);
		for (int a = 0; i < 3 && a < n_away; a++)
			tb_learner_unavailable(tb, l, away[a]);
		if (i < 3)
			tb_choice(tb, l, s, rank, true);
	}
	return tb_finish(tb);
}

/* The labs cannot seat everyone; a seminar in the plain room takes 3: 3 x
 * 90 = 270; with its seats worth nothing (rank 6: choice weight 0; daily 0)
 * it must still take them, objective 0 (issue 26, seeds 2216 ...). */
START_TEST(seminar_needed_to_seat)
{
	for (int worthless = 0; worthless < 2; worthless++) {
		struct builder *tb = base(1);
		tb_daily_weight(tb, worthless ? 0 : 40);
		struct problem *p = labs_short(tb, 1, worthless ? 6 : 1, NULL, 0);
		struct solution sol;
		ck_assert_double_eq_tol(solve(p, &sol), worthless ? 0 : 270, 1e-9);
		int seated = 0;
		for (size_t i = 0; i < sol.n_sessions; i++)
			seated += sol.sessions[i].kind == SESSION_SEMINAR ? sol.sessions[i].size : 0;
		ck_assert_int_eq(seated, 3);
		ts_free(p, &sol);
	}
}
END_TEST

/* Two seminar blocks a day on two days; the three choosing S1 (2 meetings)
 * are away at Mon-b and Tue-a: only a section at Mon-a and Tue-b (two times
 * of day) seats everyone, 3 x (50 + 2 x 40) = 390 (issue 26, seed 2253). */
START_TEST(pattern_across_times_of_day)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_SEMINAR);
	static const char *ids[4] = { "Mon-a", "Mon-b", "Tue-a", "Tue-b" };
	int b[4];
	for (int i = 0; i < 4; i++)
		tb_block_day(tb, b[i] = tb_block(tb, ids[i], BLOCK_SEMINAR), i < 2 ? "Mon" : "Tue");
	int away[2] = { b[1], b[2] };
	struct problem *p = labs_short(tb, 2, 1, away, 2);
	struct solution sol;
	ck_assert_double_eq_tol(solve(p, &sol), 390, 1e-9);
	ts_free(p, &sol);
}
END_TEST

/* No room for the lab at all: no schedule, with a diagnosis. */
START_TEST(no_seats_is_diagnosed)
{
	struct builder *tb = base(1);
	tb_facilitator(tb, "F1");
	tb_room(tb, "R1", 1, NULL);
	tb_learner_numbered(tb, 0);
	tb_learner_numbered(tb, 1);
	struct problem *p = tb_finish(tb);
	struct solution sol;
	struct solve_options o = { .time_limit = 5, .gap = 1e-6, .seed = 1 };
	solution_init(&sol, p);
	ck_assert_int_eq(seminar_solve(p, &o, &sol), 0);
	ck_assert_int_eq(sol.status, SOLVE_INFEASIBLE);
	ck_assert_ptr_nonnull(sol.diagnosis);
	ck_assert_ptr_nonnull(strstr(sol.diagnosis, "Mon4"));
	ts_free(p, &sol);
}
END_TEST

/* The valuation against another block's counts: L0 already has a workshop
 * session on Monday (outside), so S1 on Monday adds only the choice (50),
 * while S2 on Tuesday, a second choice, adds 30 + 40; the schedule takes S2
 * for L0.  seminar_schedule called directly on the two seminar blocks. */
START_TEST(outside_counts)
{
	struct builder *tb = base(2);
	int s1 = tb_seminar(tb, "S1", 1, 1, 10);
	int s2 = tb_seminar(tb, "S2", 1, 1, 10);
	/* S1 may only meet Monday, S2 only Tuesday: their facilitators are
	 * away the other day */
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_seminar_level(tb, f1, s1, LEVEL_ABLE);
	tb_seminar_level(tb, f2, s2, LEVEL_ABLE);
	tb_facilitator_unavailable(tb, f1, 1);
	tb_facilitator_unavailable(tb, f2, 0);
	tb_room(tb, "R1", 10, NULL);
	int l = tb_learner_numbered(tb, 0);
	tb_choice(tb, l, s1, 1, true);
	tb_choice(tb, l, s2, 2, true);
	struct problem *p = tb_finish(tb);
	struct tally out;
	tally_init(&out, p);
	*tally_day(&out, p, l, p->blocks[0].day_index) = 1;
	int blocks[2] = { 0, 1 };
	struct seminar_input in = { .p = p, .blocks = blocks, .n_blocks = 2,
				    .outside = &out, .seconds = 5 };
	struct solution sol;
	solution_init(&sol, p);
	char *why = NULL;
	ck_assert_int_eq(seminar_schedule(&in, &sol, &why), 0);
	ck_assert_ptr_null(why);
	struct tally t;
	tally_init(&t, p);
	tally_copy(&t, &out, p);
	tally_add_solution(&t, p, &sol);
	/* Monday counted by outside (40), S2 on Tuesday: 30 + 40 */
	ck_assert_double_eq_tol(objective_total(p, &t), 40 + 30 + 40, 1e-9);
	int enrolled = 0;
	for (int b = 0; b < 2; b++) {
		int si = solution_attend_at(&sol, l, b);
		if (sol.sessions[si].kind == SESSION_SEMINAR) {
			enrolled++;
			ck_assert_int_eq(sol.sessions[si].offering, s2);
			ck_assert_int_eq(b, 1);
		}
	}
	ck_assert_int_eq(enrolled, 1);
	tally_release(&t);
	tally_release(&out);
	ts_free(p, &sol);
}
END_TEST

/* Choice weights {0, 0, 1000}: the heaviest choice is the last by rank.
 * One learner, two blocks on two days, three one-meeting seminars it may
 * all take.  With seminars_per_learner = 2 the best is S3 and one other:
 * 1000 + 2 x 40 = 1080; with 1, S3 alone: 1000 + 40 = 1040.  The simple
 * bound must not fall below either (it took the first two by rank: 80). */
static double heavy_last_case(int per_learner, double *simple)
{
	struct builder *tb = base(2);
	tb_seminars_per_learner(tb, per_learner);
	int f = tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	int l = tb_learner_numbered(tb, 0);
	for (int i = 0; i < 3; i++) {
		char id[8];
		snprintf(id, sizeof(id), "S%d", i + 1);
		int s = tb_seminar(tb, id, 1, 1, 10);
		tb_seminar_level(tb, f, s, LEVEL_ABLE);
		tb_choice(tb, l, s, i + 1, true);
	}
	tb_room(tb, "R1", 10, NULL);
	tb_room(tb, "R2", 10, NULL);
	struct problem *p = tb_finish(tb);
	ck_assert_int_ge(p->config.n_choice, 3);
	p->config.w_choice[0] = 0;
	p->config.w_choice[1] = 0;
	p->config.w_choice[2] = 1000;
	p->config.w_guru = 0;
	int blocks[] = { 0, 1 };
	*simple = seminar_simple_bound(p, blocks, 2);
	struct solution sol;
	solution_init(&sol, p);
	struct seminar_input in = { .p = p, .blocks = blocks, .n_blocks = 2, .seconds = 10, .seed = 1 };
	char *why = NULL;
	ck_assert_int_eq(seminar_schedule(&in, &sol, &why), 0);
	assert_valid(p, &sol);
	double v = objective_of(p, &sol);
	ts_free(p, &sol);
	return v;
}

START_TEST(simple_bound_takes_heaviest)
{
	double simple;
	double v = heavy_last_case(2, &simple);
	ck_assert_double_eq_tol(v, 1080, 1e-9);
	ck_assert(simple >= 1080 - 1e-9);
	v = heavy_last_case(1, &simple);
	ck_assert_double_eq_tol(v, 1040, 1e-9);
	ck_assert(simple >= 1040 - 1e-9);
}
END_TEST

/* ---- the parts alone ---------------------------------------------------- */

/* A seminar school of four blocks on four days: n learners with three
 * pseudo-random choices each among five seminars of one or two meetings,
 * four facilitators (one a guru, one limited to 3 sessions), four rooms of
 * 6 to 12 seats (lab max_group 8). */
static struct problem *seminar_school(unsigned seed, int n)
{
	struct builder *tb = base(4);
	int sem[5], fac[4];
	for (int s = 0; s < 5; s++) {
		char id[8];
		snprintf(id, sizeof(id), "S%d", s + 1);
		sem[s] = tb_seminar(tb, id, 1 + s % 2, 2, 4 + s % 3);
		if (s == 0)
			tb_seminar_sections(tb, sem[s], 2);
	}
	for (int f = 0; f < 4; f++) {
		char id[8];
		snprintf(id, sizeof(id), "F%d", f + 1);
		fac[f] = tb_facilitator(tb, id);
		for (int s = f; s < 5; s += 2)
			tb_seminar_level(tb, fac[f], sem[s], f == 0 ? LEVEL_GURU : LEVEL_ABLE);
	}
	tb_facilitator_max(tb, fac[3], 3);
	for (int r = 0; r < 4; r++) {
		char id[8];
		snprintf(id, sizeof(id), "R%d", r + 1);
		tb_room(tb, id, 6 + 2 * r, NULL);
	}
	unsigned x = seed * 2654435761u + 1;
	for (int i = 0; i < n; i++) {
		int l = tb_learner_numbered(tb, i);
		int first = (int)((x = x * 1103515245u + 12345u) >> 16) % 5;
		for (int k = 0; k < 3; k++)
			tb_choice(tb, l, sem[(first + 2 * k) % 5], k + 1, true);
		if ((x >> 20) % 7 == 0)
			tb_learner_unavailable(tb, l, (int)(x >> 24) % 4);
	}
	struct problem *p = tb_finish(tb);
	p->config.lab_max_group = 8;
	return p;
}

static const int four_blocks[4] = { 0, 1, 2, 3 };

/* The plan after the greedy, after each ruin and recreate and after the
 * search: consistent, and realisable where the moves promise it. */
START_TEST(plan_consistent_after_moves)
{
	for (unsigned seed = 1; seed <= 3; seed++) {
		struct problem *p = seminar_school(seed, 24);
		p->config.seminars_per_learner = 1 + (int)seed % 2;
		struct seminar_input in = { .p = p, .blocks = four_blocks, .n_blocks = 4,
					    .seconds = 10, .seed = seed };
		struct seminar_ctx c;
		seminar_ctx_build(&c, &in, &search_settings_table[SCHOOL_SMALL]);
		struct seminar_plan best, cur;
		struct seminar_layout lay;
		seminar_plan_init(&best, &c);
		seminar_plan_init(&cur, &c);
		seminar_layout_init(&lay, &c);
		ck_assert(seminar_plan_consistent(&best, &c));
		ck_assert_int_lt(seminar_realise(&c, &best, &lay), 0);
		seminar_greedy(&c, &best, &lay, mcl_now() + 10, NULL);
		ck_assert_int_gt(best.n_sec, 0);
		ck_assert(seminar_plan_consistent(&best, &c));
		ck_assert_int_lt(seminar_realise(&c, &best, &lay), 0);
		unsigned long long rng = seed;
		for (int round = 0; round < 40; round++) {
			seminar_plan_copy(&cur, &best, &c);
			ck_assert(seminar_plan_consistent(&cur, &c));
			seminar_ruin(&c, &cur, &rng);
			ck_assert(seminar_plan_consistent(&cur, &c));
			ck_assert_int_le(cur.n_sec, best.n_sec);
			seminar_greedy(&c, &cur, &lay, mcl_now() + 10, &rng);
			ck_assert(seminar_plan_consistent(&cur, &c));
			ck_assert_int_lt(seminar_realise(&c, &cur, &lay), 0);
		}
		double v = seminar_plan_value(&best, &c);
		double w = seminar_search(&c, &best, &lay, v, mcl_now() + 5, DBL_MAX, seed);
		ck_assert(w >= v - 1e-9);
		ck_assert_double_eq_tol(seminar_plan_value(&best, &c), w, 1e-9);
		ck_assert(seminar_plan_consistent(&best, &c));
		ck_assert_int_lt(seminar_realise(&c, &best, &lay), 0);
		/* repair of a realisable plan drops nothing */
		ck_assert_int_eq(seminar_repair(&c, &best, &lay), 0);
		ck_assert(seminar_plan_consistent(&best, &c));
		seminar_layout_release(&lay);
		seminar_plan_release(&best);
		seminar_plan_release(&cur);
		seminar_ctx_release(&c);
		problem_free(p);
	}
}
END_TEST

/* The plan's functions one by one, and the check failing on a plan whose
 * arrays disagree. */
START_TEST(plan_api)
{
	struct problem *p = seminar_school(5, 12);
	struct seminar_input in = { .p = p, .blocks = four_blocks, .n_blocks = 4, .seconds = 5 };
	struct seminar_ctx c;
	seminar_ctx_build(&c, &in, &search_settings_table[SCHOOL_SMALL]);
	ck_assert_int_gt(c.n_sp, 1);
	struct seminar_plan pl;
	seminar_plan_init(&pl, &c);
	/* two sections of different options, led by their first facilitators */
	int sp0 = 0, sp1 = c.n_sp - 1;
	int f0 = c.spf_fac[c.spf_start[sp0]], f1 = -1;
	for (int i = c.spf_start[sp1]; i < c.spf_start[sp1 + 1] && f1 < 0; i++)
		if (c.spf_fac[i] != f0)
			f1 = c.spf_fac[i];
	ck_assert_int_ge(f1, 0);
	int k0 = seminar_plan_add_section(&pl, &c, sp0, f0);
	int k1 = seminar_plan_add_section(&pl, &c, sp1, f1);
	ck_assert_int_eq(pl.n_sec, 2);
	ck_assert_int_eq(pl.fac_meet[f0], seminar_pat_len(&c, c.sp_pat[sp0]));
	ck_assert_int_eq(pl.sem_sections[c.sp_sem[sp1]], 1);
	ck_assert(seminar_plan_consistent(&pl, &c));
	/* the best learner of each option */
	int l0 = seminar_opt_learner(&c, c.spo_opt[c.spo_start[sp0]]);
	int l1 = seminar_opt_learner(&c, c.spo_opt[c.spo_start[sp1]]);
	ck_assert_int_ge(seminar_opt_of(&c, l0, sp0), 0);
	ck_assert(seminar_plan_enrol(&pl, &c, l0, k0));
	ck_assert(seminar_plan_enrol(&pl, &c, l1, k1) || l1 == l0);
	ck_assert(seminar_plan_consistent(&pl, &c));
	double v = seminar_plan_value(&pl, &c);
	ck_assert(v > 0);
	/* a disagreement in any derived array is caught */
	pl.sec_size[k0]++;
	ck_assert(!seminar_plan_consistent(&pl, &c));
	pl.sec_size[k0]--;
	pl.fac_meet[f1]++;
	ck_assert(!seminar_plan_consistent(&pl, &c));
	pl.fac_meet[f1]--;
	pl.sem_sections[c.sp_sem[sp0]]++;
	ck_assert(!seminar_plan_consistent(&pl, &c));
	pl.sem_sections[c.sp_sem[sp0]]--;
	int j0 = c.pat_j[c.pat_start[c.sp_pat[sp0]]];
	pl.fac_busy[(long)f0 * c.nb + j0] = -1;
	ck_assert(!seminar_plan_consistent(&pl, &c));
	pl.fac_busy[(long)f0 * c.nb + j0] = k0;
	ck_assert(seminar_plan_consistent(&pl, &c));
	/* dropping the first section: the last takes its index */
	seminar_plan_drop_section(&pl, &c, k0);
	ck_assert_int_eq(pl.n_sec, 1);
	ck_assert_int_eq(pl.sec_sp[0], sp1);
	ck_assert_int_eq(pl.fac_meet[f0], 0);
	ck_assert(seminar_plan_consistent(&pl, &c));
	if (l1 != l0) {
		seminar_plan_unenrol(&pl, &c, l1, 0);
		ck_assert_int_eq(pl.sec_size[0], 0);
		ck_assert(seminar_plan_consistent(&pl, &c));
	}
	seminar_plan_release(&pl);
	seminar_ctx_release(&c);
	problem_free(p);
}
END_TEST

/* Three blocks on three days, one slot: a two-meeting seminar has the
 * windows {Mon, Tue}, {Tue, Wed}, then {Mon, Wed}; a learner free in all
 * three at one value (50 + 2 x 40) is flexible. */
START_TEST(context_patterns_and_values)
{
	struct builder *tb = base(3);
	int s = one_seminar(tb, 2);
	tb_choice(tb, tb_learner_numbered(tb, 0), s, 1, true);
	int away = tb_learner_numbered(tb, 1);
	tb_choice(tb, away, s, 1, true);
	tb_learner_unavailable(tb, away, 0);
	struct problem *p = tb_finish(tb);
	int blocks[3] = { 0, 1, 2 };
	struct seminar_input in = { .p = p, .blocks = blocks, .n_blocks = 3, .seconds = 5 };
	struct seminar_ctx c;
	seminar_ctx_build(&c, &in, &search_settings_table[SCHOOL_SMALL]);
	ck_assert_int_eq(c.n_pat, 3);
	static const int want[3][2] = { { 0, 1 }, { 1, 2 }, { 0, 2 } };
	for (int k = 0; k < 3; k++) {
		ck_assert_int_eq(seminar_pat_len(&c, k), 2);
		for (int j = 0; j < 3; j++)
			ck_assert(seminar_pat_has(&c, k, j) == (j == want[k][0] || j == want[k][1]));
	}
	ck_assert_int_eq(c.n_sp, 3);
	ck_assert_int_eq(c.lo_start[1] - c.lo_start[0], 3);
	for (int o = c.lo_start[0]; o < c.lo_start[1]; o++) {
		ck_assert_double_eq_tol(c.lo_val[o], 50 + 2 * 40, 1e-9);
		ck_assert(c.lo_flex[o]);
		ck_assert_int_eq(seminar_opt_learner(&c, o), 0);
	}
	/* the learner away on Monday: only {Tue, Wed}, not flexible */
	ck_assert_int_eq(c.lo_start[2] - c.lo_start[1], 1);
	ck_assert_int_eq(c.sp_pat[c.lo_sp[c.lo_start[1]]], 1);
	ck_assert(!c.lo_flex[c.lo_start[1]]);
	ck_assert_int_eq(seminar_opt_of(&c, 1, c.lo_sp[c.lo_start[1]]), c.lo_start[1]);
	seminar_ctx_release(&c);
	problem_free(p);
}
END_TEST

/* The section MIP alone on the continuity case: one section of S1 with
 * the three learners who chose it; stage 2 seats them; the plan realises. */
START_TEST(section_mip_and_stage2)
{
	struct problem *p = continuity_school();
	int blocks[2] = { 0, 1 };
	struct seminar_input in = { .p = p, .blocks = blocks, .n_blocks = 2, .seconds = 5 };
	struct seminar_ctx c;
	seminar_ctx_build(&c, &in, &search_settings_table[SCHOOL_SMALL]);
	struct seminar_layout lay;
	seminar_layout_init(&lay, &c);
	struct mip_params mp = { .seconds = 5, .gap = 1e-6 };
	struct mip_result mr;
	struct seminar_sections sc = { 0 };
	seminar_section_mip(&c, NULL, &lay, &mp, &mr, &sc);
	ck_assert_int_eq(mr.outcome, MIP_OPTIMAL);
	ck_assert_double_eq_tol(mr.objective, 3 * (50 + 2 * 40), 1e-6);
	int sections = 0, seats = 0;
	for (int sp = 0; sp < c.n_sp; sp++) {
		sections += sc.o_sp[sp];
		seats += sc.n_sp[sp];
	}
	ck_assert_int_eq(sections, 1);
	ck_assert_int_eq(seats, 3);
	struct seminar_plan pl;
	seminar_plan_init(&pl, &c);
	ck_assert_int_eq(seminar_seat_learners(&c, sc.o_sp, sc.n_sp, sc.z_fac, NULL, false, &pl, 5), 0);
	ck_assert(seminar_plan_consistent(&pl, &c));
	ck_assert_int_eq(pl.n_sec, 1);
	ck_assert_int_eq(pl.sec_size[0], 3);
	ck_assert_double_eq_tol(seminar_plan_value(&pl, &c), 390, 1e-9);
	ck_assert_int_lt(seminar_realise(&c, &pl, &lay), 0);
	seminar_sections_release(&sc);
	seminar_plan_release(&pl);
	seminar_layout_release(&lay);
	seminar_ctx_release(&c);
	problem_free(p);
}
END_TEST

/* A section larger than any room does not realise in its first block;
 * repair drops it and nothing else. */
START_TEST(realise_and_repair)
{
	struct builder *tb = base(1);
	int s = tb_seminar(tb, "S1", 1, 1, 10);
	int s2 = tb_seminar(tb, "S2", 1, 1, 10);
	int f = tb_facilitator(tb, "F1");
	tb_seminar_level(tb, f, s, LEVEL_ABLE);
	int f2 = tb_facilitator(tb, "F2");
	tb_seminar_level(tb, f2, s2, LEVEL_ABLE);
	tb_facilitator(tb, "F3");
	tb_room(tb, "R1", 4, NULL);
	tb_room(tb, "R2", 4, NULL);
	tb_room(tb, "R3", 4, NULL);
	for (int i = 0; i < 5; i++)
		tb_choice(tb, tb_learner_numbered(tb, i), s, 1, true);
	tb_choice(tb, tb_learner_numbered(tb, 5), s2, 1, true);
	struct problem *p = tb_finish(tb);
	int blocks[1] = { 0 };
	struct seminar_input in = { .p = p, .blocks = blocks, .n_blocks = 1, .seconds = 5 };
	struct seminar_ctx c;
	seminar_ctx_build(&c, &in, &search_settings_table[SCHOOL_SMALL]);
	ck_assert_int_eq(c.n_sp, 2);
	ck_assert_int_eq(c.sp_cap[0], 4);   /* the largest room */
	struct seminar_plan pl;
	struct seminar_layout lay;
	seminar_plan_init(&pl, &c);
	seminar_layout_init(&lay, &c);
	int k = seminar_plan_add_section(&pl, &c, 0, f);
	for (int l = 0; l < 5; l++)
		ck_assert(seminar_plan_enrol(&pl, &c, l, k));
	int k2 = seminar_plan_add_section(&pl, &c, 1, f2);
	ck_assert(seminar_plan_enrol(&pl, &c, 5, k2));
	ck_assert(seminar_plan_consistent(&pl, &c));
	ck_assert_int_eq(seminar_realise(&c, &pl, &lay), 0);
	ck_assert_int_eq(seminar_repair(&c, &pl, &lay), 1);
	ck_assert(seminar_plan_consistent(&pl, &c));
	ck_assert_int_eq(pl.n_sec, 1);
	ck_assert_int_eq(pl.sec_sp[0], 1);
	ck_assert_int_lt(seminar_realise(&c, &pl, &lay), 0);
	/* S2 meets in a room, the other five learners in a lab the third
	 * facilitator supervises */
	ck_assert_int_eq(lay.n_lab[0], 2);
	seminar_layout_release(&lay);
	seminar_plan_release(&pl);
	seminar_ctx_release(&c);
	problem_free(p);
}
END_TEST

/* The seminar rows of the settings table can be used as they are read:
 * shares of a time in (0, 1), the combination's two passes and its
 * workshops leaving time to each other, counts at least 1. */
START_TEST(settings_rows)
{
	for (int k = 0; k < SCHOOL_SIZES; k++) {
		const struct search_settings *set = &search_settings_table[k];
		ck_assert(set->seminar_greedy_share > 0 && set->seminar_greedy_share < 1);
		ck_assert(set->seminar_mip_share > 0 && set->seminar_mip_share < 1);
		ck_assert(set->seminar_reseat_chance >= 0 && set->seminar_reseat_chance < 1);
		ck_assert(set->seminar_greedy_noise >= 0);
		ck_assert(set->seminar_gap > 0 && set->seminar_gap < 0.01);
		ck_assert(set->seminar_mip_min_seconds > 0);
		ck_assert(set->seminar_stage_min_seconds > 0);
		ck_assert(set->seminar_extend_seconds >= 0);
		ck_assert_int_ge(set->seminar_patterns, 1);
		ck_assert_int_ge(set->seminar_patience, 1);
		ck_assert_int_ge(set->seminar_ruin_divisor, 1);
		ck_assert_int_ge(set->seminar_ruin_few, 1);
		ck_assert(set->comb_seminar_share > 0 &&
			  set->comb_seminar_share + set->comb_again_share < 1);
		ck_assert(set->comb_retry_share > 0 && set->comb_retry_share < 1);
	}
	/* the large row never has more patterns than the small one */
	ck_assert_int_le(search_settings_table[SCHOOL_LARGE].seminar_patterns,
			 search_settings_table[SCHOOL_SMALL].seminar_patterns);
}
END_TEST

static Suite *seminar_suite(void)
{
	Suite *s = suite_create("seminar");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, continuity);
	tcase_add_test(tc, ineligible_first_choice_skipped);
	tcase_add_test(tc, age_band);
	tcase_add_test(tc, second_section);
	tcase_add_test(tc, seminars_per_learner);
	tcase_add_test(tc, lab_feature);
	tcase_add_test(tc, unavailable_learner_cannot_enrol);
	tcase_add_test(tc, labs_come_first);
	tcase_add_test(tc, no_seats_is_diagnosed);
	tcase_add_test(tc, seminar_needed_to_seat);
	tcase_add_test(tc, pattern_across_times_of_day);
	tcase_add_test(tc, outside_counts);
	tcase_add_test(tc, simple_bound_takes_heaviest);
	tcase_add_test(tc, plan_consistent_after_moves);
	tcase_add_test(tc, plan_api);
	tcase_add_test(tc, context_patterns_and_values);
	tcase_add_test(tc, section_mip_and_stage2);
	tcase_add_test(tc, realise_and_repair);
	tcase_add_test(tc, settings_rows);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	ts_quiet_glpk();
	mcl_log_level = LOG_QUIET;
	SRunner *sr = srunner_create(seminar_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : 0;
}
