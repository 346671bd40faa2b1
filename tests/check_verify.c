/*
 * check_verify.c - `verify` accepts a correct schedule and catches every kind
 * of broken hard rule.  Each test builds a small problem and a correct
 * schedule by hand (no loader, no solver), writes it with output_write(),
 * then breaks one thing - a row of the written CSVs, or a fact of the
 * problem - and expects verify to count at least one violation and to name
 * the rule.
 *
 * The workshop cycle (blocks Mon1, Mon2 workshop, Mon3 seminar):
 *   S0001 Mon1 M1 RA F1: L1 L2 L3     S0002 Mon1 R1 RB F2: L4 L5
 *   S0003 Mon2 M1 RA F1: L1 L2        S0004 Mon2 lab RB F3: L3 L4
 * L1, L2 need M1 (P1, 2); L3 M1 (P1, 1) and D (online, P2); L4 R1 (P2), D
 * (P3) and M1 not ready (P4); L5 R1 (P1) and is away in Mon2.  F1 is a
 * guru of M1.  Objective: 400 + 400 + 360 + 95 + 300 + guru 10 = 1565, plus
 * daily 40 for each of the five (all can be placed, all have a workshop on
 * the one day, Mon): 1765.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "outputs/output.h"
#include "outputs/verify.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

enum { MON1, MON2, MON3 };
enum { M1, R1, D };
enum { F1, F2, F3 };
enum { RA, RB };
enum { L1, L2, L3, L4, L5 };

static char *dir, *out;
static struct problem *p;

static struct problem *workshop_problem(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "Mon1", BLOCK_WORKSHOP);
	tb_block(tb, "Mon2", BLOCK_WORKSHOP);
	tb_block(tb, "Mon3", BLOCK_SEMINAR);
	int math = tb_area(tb, "Math"), read = tb_area(tb, "Read");
	tb_goal(tb, "M1", 2, 25, 2);
	tb_goal(tb, "R1", 1, 25, 1);
	tb_goal(tb, "D", 1, 40, 1);
	tb_goal_area(tb, M1, math);
	tb_goal_area(tb, R1, read);
	tb_goal_online(tb, D);
	tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_facilitator(tb, "F3");
	tb_facilitator_max(tb, F3, 1);
	tb_level(tb, F1, M1, LEVEL_GURU);
	tb_level(tb, F2, R1, LEVEL_ABLE);
	tb_room(tb, "RA", 30, NULL);
	tb_room(tb, "RB", 30, NULL);
	const char *ids[] = { "L1", "L2", "L3", "L4", "L5" };
	for (int l = 0; l < 5; l++)
		tb_learner(tb, ids[l]);
	tb_need(tb, L1, M1, 1, 2);
	tb_need(tb, L2, M1, 1, 2);
	tb_need(tb, L3, M1, 1, 1);
	tb_need(tb, L3, D, 2, 1);
	tb_need(tb, L4, R1, 2, 1);
	tb_need(tb, L4, D, 3, 1);
	tb_need_not_ready(tb, L4, M1, 4, 2);
	tb_need(tb, L5, R1, 1, 1);
	tb_learner_unavailable(tb, L5, MON2);
	return tb_finish(tb);
}

/* A fresh directory, with out/ its output directory. */
static void make_dirs(void)
{
	dir = td_make();
	out = xasprintf("%s/out", dir);
}

/* s as a solved schedule: counts, status, objective, bound and gap. */
static void finish_schedule(struct solution *s, double objective, double bound)
{
	solution_recount(s);
	s->status = SOLVE_OPTIMAL;
	s->objective = objective;
	s->bound = bound;
	solution_set_gap(s);
}

static void workshop_schedule(struct solution *s)
{
	solution_init(s, p);
	int a = ts_add_session(s, SESSION_WORKSHOP, M1, MON1, RA, F1);
	int b = ts_add_session(s, SESSION_WORKSHOP, R1, MON1, RB, F2);
	int c = ts_add_session(s, SESSION_WORKSHOP, M1, MON2, RA, F1);
	int d = ts_add_session(s, SESSION_LAB, -1, MON2, RB, F3);
	int mon1[] = { a, a, a, b, b }, mon2[] = { c, c, d, d, -1 };
	for (int l = 0; l < 5; l++) {
		*solution_attend(s, l, MON1) = mon1[l];
		*solution_attend(s, l, MON2) = mon2[l];
	}
	finish_schedule(s, 1765, 1800);
}

static void write_out(struct solution *s)
{
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, s, NULL, out, &d), 0);
	diag_release(&d);
	solution_release(s);
}

static void setup(void)
{
	make_dirs();
	p = workshop_problem();
	struct solution s;
	workshop_schedule(&s);
	write_out(&s);
}

static void teardown(void)
{
	problem_free(p);
	free(out);
	td_remove(dir);
}

/* Replaces the first occurrence of from by to in out/file. */
static void mutate(const char *file, const char *from, const char *to)
{
	char *path = xasprintf("%s/%s", out, file);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	char buf[65536];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	char *at = strstr(buf, from);
	ck_assert_msg(at != NULL, "'%s' not in %s:\n%s", from, path, buf);
	f = fopen(path, "w");
	fwrite(buf, 1, (size_t)(at - buf), f);
	fputs(to, f);
	fputs(at + strlen(from), f);
	fclose(f);
	free(path);
}

/* Runs verify; returns the violation count and its report in *text. */
static int verify(char **text)
{
	struct diag d;
	diag_init(&d);
	size_t len;
	FILE *mem = open_memstream(text, &len);
	int n = verify_schedule(p, out, mem, &d);
	fclose(mem);
	diag_release(&d);
	return n;
}

/* verify finds nothing to report. */
static void expect_verifies(void)
{
	char *text;
	ck_assert_msg(verify(&text) == 0, "violations:\n%s", text);
	free(text);
}

static void expect_violation(const char *needle)
{
	char *text;
	int n = verify(&text);
	ck_assert_msg(n >= 1, "verify found nothing (wanted '%s')", needle);
	ck_assert_msg(strstr(text, needle) != NULL, "verify report lacks '%s':\n%s", needle, text);
	free(text);
}

START_TEST(correct_schedule_verifies)
{
	expect_verifies();
}
END_TEST

START_TEST(workshop_in_a_seminar_block)
{
	p->config.model = MODEL_COMBINATION;
	mutate("sessions.csv", "S0003,S0003,workshop,M1,Mon2", "S0003,S0003,workshop,M1,Mon3");
	expect_violation("workshop session 'S0003' is in seminar block 'Mon3' (rule 2)");
}
END_TEST

START_TEST(facilitator_unavailable)
{
	p->facilitators[F1].unavailable[MON2] = true;
	expect_violation("sessions.csv:4: facilitator 'F1' is unavailable in block 'Mon2' "
			 "(rule 3)");
}
END_TEST

START_TEST(facilitator_without_expertise)
{
	p->goal_level[F2 * p->n_goals + R1] = LEVEL_NONE;
	expect_violation("sessions.csv:3: facilitator 'F2' has no expertise in goal 'R1' "
			 "(rule 3)");
}
END_TEST

START_TEST(room_unavailable)
{
	p->rooms[RB].unavailable[MON1] = true;
	expect_violation("room 'RB' is unavailable in block 'Mon1' (rule 4)");
}
END_TEST

START_TEST(room_over_capacity)
{
	p->rooms[RA].capacity = 2;
	expect_violation("session 'S0001' has 3 learners but room 'RA' seats 2 (rule 4)");
}
END_TEST

START_TEST(room_without_feature)
{
	p->features = xrealloc(p->features, sizeof(char *) * (size_t)(p->n_features + 1));
	p->features[p->n_features] = xstrdup("science-lab");
	p->goals[M1].feature = p->n_features++;
	expect_violation("room 'RA' lacks feature 'science-lab' needed by session 'S0001' "
			 "(rule 4)");
}
END_TEST

START_TEST(group_below_min_group)
{
	mutate("timetable.csv", "L2,Mon2,S0003", "L2,Mon2,S0004");
	mutate("sessions.csv", "F1,2", "F1,1");
	mutate("sessions.csv", "F3,2", "F3,3");
	expect_violation("session 'S0003' has 1 learners, outside [2, 25] (rule 5)");
}
END_TEST

START_TEST(lab_above_lab_max_group)
{
	p->config.lab_max_group = 1;
	expect_violation("session 'S0004' has 2 learners, outside [1, 1] (rule 5)");
}
END_TEST

START_TEST(need_not_ready)
{
	/* verify reads readiness from the data, not the loader's flag: M1
	 * requires R1, which L1-L3 have mastered (3.0 exactly) and L4 not */
	p->goals[M1].requires = xmalloc(sizeof(int));
	p->goals[M1].requires[0] = R1;
	p->goals[M1].n_requires = 1;
	for (int l = L1; l <= L3; l++)
		p->score[l * p->n_goals + R1] = 30000;
	p->score[L4 * p->n_goals + R1] = 29999;
	mutate("timetable.csv", "L4,Mon1,S0002", "L4,Mon1,S0001");
	expect_violation("learner 'L4' attends 'S0001' (goal 'M1') without a ready need for it "
			 "(rule 6)");
}
END_TEST

START_TEST(area_not_allowed)
{
	p->blocks[MON1].areas = xmalloc(sizeof(int));
	p->blocks[MON1].areas[0] = p->goals[R1].area;   /* Read only */
	p->blocks[MON1].n_areas = 1;
	expect_violation("goal 'M1' (area 'Math') may not run in block 'Mon1' (rule 7)");
}
END_TEST

START_TEST(unknown_ids)
{
	mutate("timetable.csv", "L1,Mon1", "L9,Mon1");
	mutate("sessions.csv", "Mon2,RB,F3", "Mon2,RB,F7");
	expect_violation("timetable.csv:2: unknown learner 'L9'");
	expect_violation("session 'S0004' has unknown facilitator 'F7'");
}
END_TEST

START_TEST(lab_in_a_room_without_the_lab_feature)
{
	p->features = xrealloc(p->features, sizeof(char *) * (size_t)(p->n_features + 1));
	p->features[p->n_features] = xstrdup("computers");
	p->lab_feature = p->n_features++;
	expect_violation("sessions.csv:5: room 'RB' lacks feature 'computers' needed by lab "
			 "session 'S0004' (rule 4)");
	/* the lab's room has it: the schedule verifies again */
	p->rooms[RB].features = xmalloc(sizeof(int));
	p->rooms[RB].features[0] = p->lab_feature;
	p->rooms[RB].n_features = 1;
	expect_verifies();
}
END_TEST

START_TEST(wrong_offering_in_a_lab)
{
	/* L4's one lab counts toward its online need D */
	mutate("timetable.csv", "L4,Mon2,S0004,D", "L4,Mon2,S0004,");
	expect_violation("learner 'L4' works on '' in block 'Mon2', but session 'S0004' gives "
			 "them 'D'");
}
END_TEST

START_TEST(daily_weight_in_the_recount)
{
	/* the file says 1765, with daily 40 for five learners: without it, 1565 */
	p->config.w_daily = 0;
	expect_violation("objective is '1765.00' but the schedule gives 1565.00");
}
END_TEST

/* An id a spreadsheet would take for a formula is written guarded
 * ("'-L1") and verify reads it back as the id. */
START_TEST(guarded_id_verifies)
{
	free(p->learners[L1].id);
	p->learners[L1].id = xstrdup("-L1");
	problem_index(p);
	struct solution s;
	workshop_schedule(&s);
	write_out(&s);
	char *text;
	ck_assert_msg(verify(&text) == 0, "violations:\n%s", text);
	ck_assert_msg(strstr(text, "L1") == NULL, "%s", text);
	free(text);
	mutate("timetable.csv", "'-L1,Mon1,S0001,M1", "'-L1,Mon1,S0001,R1");
	expect_violation("learner '-L1' works on 'R1'");
}
END_TEST

START_TEST(missing_file)
{
	char *path = xasprintf("%s/timetable.csv", out);
	unlink(path);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(verify_schedule(p, out, stdout, &d), -1);
	char *want = xasprintf("%s: cannot open: No such file or directory", path);
	ck_assert_msg(diag_contains(&d, want), "no '%s'", want);
	free(want);
	free(path);
	diag_release(&d);
}
END_TEST

/*
 * Power-goal cycle, blocks W1, W2: group G1 (goal M, F1, rooms RA) holds L1,
 * L2; group G2 (goal N, F2, RB) holds L3.  Every need P1 with 1 session.
 * L4, with no need, is in a lab in each block: labs are per block, with a
 * different supervisor each time (F3 in W1, F4 in W2), in room RC.
 */
static void power_goal_setup(void)
{
	make_dirs();
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_POWER_GOAL);
	tb_block(tb, "W1", BLOCK_WORKSHOP);
	tb_block(tb, "W2", BLOCK_WORKSHOP);
	int m = tb_goal(tb, "M", 2, 25, 1), n = tb_goal(tb, "N", 1, 25, 1);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_level(tb, f1, m, LEVEL_ABLE);
	tb_level(tb, f2, n, LEVEL_ABLE);
	tb_level(tb, f1, n, LEVEL_ABLE);
	tb_level(tb, f2, m, LEVEL_ABLE);
	tb_room(tb, "RA", 30, NULL);
	tb_room(tb, "RB", 30, NULL);
	int f3 = tb_facilitator(tb, "F3"), f4 = tb_facilitator(tb, "F4");
	int rc = tb_room(tb, "RC", 30, NULL);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2"), l3 = tb_learner(tb, "L3");
	int l4 = tb_learner(tb, "L4");
	tb_need(tb, l1, m, 1, 1);
	tb_need(tb, l2, m, 1, 1);
	tb_need(tb, l3, n, 1, 1);
	tb_need(tb, l3, m, 2, 1);
	tb_learner_unavailable(tb, l2, 1);
	p = tb_finish(tb);
	struct solution s;
	solution_init(&s, p);
	int a1 = ts_add_session(&s, SESSION_WORKSHOP, m, 0, 0, f1), a2 = ts_add_session(&s, SESSION_WORKSHOP, m, 1, 0, f1);
	int b1 = ts_add_session(&s, SESSION_WORKSHOP, n, 0, 1, f2), b2 = ts_add_session(&s, SESSION_WORKSHOP, n, 1, 1, f2);
	s.sessions[a2].section = a1;
	s.sessions[b2].section = b1;
	*solution_attend(&s, l1, 0) = a1;
	*solution_attend(&s, l1, 1) = a2;
	*solution_attend(&s, l2, 0) = a1;   /* away in W2: misses that meeting only */
	*solution_attend(&s, l3, 0) = b1;
	*solution_attend(&s, l3, 1) = b2;
	*solution_attend(&s, l4, 0) = ts_add_session(&s, SESSION_LAB, -1, 0, rc, f3);
	*solution_attend(&s, l4, 1) = ts_add_session(&s, SESSION_LAB, -1, 1, rc, f4);
	/* daily: all three meet on the one day */
	finish_schedule(&s, 3 * 300 + 3 * 40, 1020);
	write_out(&s);
}

START_TEST(power_goal_verifies)
{
	/* S0001 W1 M (L1 L2), S0002 W1 N, S0003 W1 lab (L4, F3), S0004 W2 M (L1 only:
	 * group of 2), S0005 W2 N, S0006 W2 lab (L4, F4) */
	expect_verifies();
}
END_TEST

START_TEST(power_goal_group_changes_facilitator)
{
	mutate("sessions.csv", "S0004,S0001,workshop,M,W2,RA,F1", "S0004,S0001,workshop,M,W2,RA,F2");
	mutate("sessions.csv", "S0005,S0002,workshop,N,W2,RB,F2", "S0005,S0002,workshop,N,W2,RB,F1");
	expect_violation("section 'S0001' changes facilitator");
}
END_TEST

/* Makes out/ a replan's output: changes.csv without rows, summary.csv's
 * learner_blocks_changed 0 and, when after is not NULL, its replan_after. */
static void as_replan(const char *after)
{
	char *path = xasprintf("%s/changes.csv", out);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("learner_id,block_id,before_session_id,before_offering_id,after_session_id,"
	      "after_offering_id\n", f);
	fclose(f);
	free(path);
	path = xasprintf("%s/summary.csv", out);
	f = fopen(path, "a");
	ck_assert_ptr_nonnull(f);
	fputs("learner_blocks_changed,0\n", f);
	if (after)
		fprintf(f, "replan_after,%s\n", after);
	fclose(f);
	free(path);
}

/* Whether verify's report holds needle. */
static bool report_has(const char *needle)
{
	char *text;
	verify(&text);
	bool has = strstr(text, needle) != NULL;
	free(text);
	return has;
}

START_TEST(replan_changes_match_the_timetable)
{
	as_replan("Mon1");
	expect_verifies();
	char *path = xasprintf("%s/changes.csv", out);
	FILE *f = fopen(path, "a");
	ck_assert_ptr_nonnull(f);
	fputs("L1,Mon2,S0009,M1,S0004,\nL3,Mon1,S0009,M1,S0001,M1\n", f);
	fclose(f);
	free(path);
	/* L1 is in S0003 in Mon2; Mon1 is up to replan_after; 2 rows, not 0 */
	expect_violation("changes.csv:2: learner 'L1' in block 'Mon2': after 'S0004' (''), but "
			 "timetable.csv:");
	expect_violation("changes.csv:3: learner 'L3' changes in block 'Mon1', up to replan_after");
	expect_violation("learner_blocks_changed is '0' but changes.csv has 2 rows");
}
END_TEST

START_TEST(no_place_only_up_to_replan_after)
{
	/* L1 without a place in Mon2 (S0003 then says size 2 for 1) */
	const char *no_place = "learner 'L1' has no session in block 'Mon2' (rule 1)";
	mutate("timetable.csv", "L1,Mon2,S0003,M1\n", "");
	expect_violation(no_place);
	as_replan("Mon1");          /* Mon2 is re-planned: still a place there */
	expect_violation(no_place);
	mutate("summary.csv", "replan_after,Mon1", "replan_after,Mon2");
	ck_assert_msg(!report_has(no_place), "no place in a block up to replan_after rejected");
	expect_violation("session 'S0003' says size 2 but 1 learners attend it");
}
END_TEST

START_TEST(small_only_up_to_replan_after)
{
	/* S0003 in Mon2 with 1 learner, below M1's 2 (as when a learner left) */
	const char *small = "session 'S0003' has 1 learners, outside [2, 25] (rule 5)";
	mutate("timetable.csv", "L2,Mon2,S0003", "L2,Mon2,S0004");
	mutate("sessions.csv", "F1,2", "F1,1");
	mutate("sessions.csv", "F3,2", "F3,3");
	as_replan("Mon1");          /* Mon2 is re-planned: the least size holds */
	expect_violation(small);
	mutate("summary.csv", "replan_after,Mon1", "replan_after,Mon2");
	ck_assert_msg(!report_has(small), "a session that happened held to its least size");
}
END_TEST

/*
 * Seminar cycle, blocks E1, E2, E3 (seminar): seminar SA (2 meetings, size
 * 1-20) in E1 and E2 led by F1, a lab in E3 for everyone, and in E1/E2 a
 * lab for L3.  L1, L2 chose SA first; L3 chose SA (ineligible) and SB.
 */
static void seminar_setup(void)
{
	make_dirs();
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_SEMINAR);
	tb_block(tb, "E1", BLOCK_SEMINAR);
	tb_block(tb, "E2", BLOCK_SEMINAR);
	tb_block(tb, "E3", BLOCK_SEMINAR);
	int sa = tb_seminar(tb, "SA", 2, 1, 20), sb = tb_seminar(tb, "SB", 2, 1, 20);
	int f1 = tb_facilitator(tb, "F1"), f2 = tb_facilitator(tb, "F2");
	tb_seminar_level(tb, f1, sa, LEVEL_ABLE);
	tb_room(tb, "RA", 30, NULL);
	tb_room(tb, "RB", 30, NULL);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2"), l3 = tb_learner(tb, "L3");
	tb_choice(tb, l1, sa, 1, true);
	tb_choice(tb, l2, sa, 1, true);
	tb_choice(tb, l3, sa, 1, false);
	tb_choice(tb, l3, sb, 2, true);
	p = tb_finish(tb);
	struct solution s;
	solution_init(&s, p);
	int m1 = ts_add_session(&s, SESSION_SEMINAR, sa, 0, 0, f1), m2 = ts_add_session(&s, SESSION_SEMINAR, sa, 1, 0, f1);
	s.sessions[m2].section = m1;
	int x1 = ts_add_session(&s, SESSION_LAB, -1, 0, 1, f2), x2 = ts_add_session(&s, SESSION_LAB, -1, 1, 1, f2);
	int x3 = ts_add_session(&s, SESSION_LAB, -1, 2, 0, f1);
	for (int l = 0; l < 3; l++) {
		*solution_attend(&s, l, 0) = l == l3 ? x1 : m1;
		*solution_attend(&s, l, 1) = l == l3 ? x2 : m2;
		*solution_attend(&s, l, 2) = x3;
	}
	/* L1, L2 in their first choice (2 x 50) and, as they can be placed
	 * (they chose), daily 2 x 40; L3 chose too but has labs only: 0 */
	finish_schedule(&s, 180, 180);
	write_out(&s);
}

START_TEST(seminar_verifies)
{
	/* S0001 E1 seminar SA, S0002 E1 lab, S0003 E2 SA (section S0001), S0004 E2 lab, S0005 E3 lab */
	expect_verifies();
}
END_TEST

START_TEST(seminar_cover_only_where_unavailable)
{
	/* F2 able in SA leads its E2 meeting, F1 the lab there */
	p->seminar_level[(long)1 * p->n_seminars + 0] = LEVEL_ABLE;
	mutate("sessions.csv", "E2,RA,F1", "E2,RA,F2");
	mutate("sessions.csv", "E2,RB,F2", "E2,RB,F1");
	const char *changes = "section 'S0001' changes facilitator";
	expect_violation(changes);
	as_replan(NULL);            /* a replan's output, F1 available in E2 */
	expect_violation(changes);
	p->facilitators[0].unavailable[1] = true;  /* F1 away in E2: F2 covers */
	ck_assert_msg(!report_has(changes), "a replan's cover rejected");
	expect_violation("facilitator 'F1' is unavailable in block 'E2'");
}
END_TEST

START_TEST(seminar_not_eligible)
{
	/* verify judges eligibility from the data, not the loader's flag */
	p->learners[2].age = 11;
	p->seminars[0].age_min = 12;
	mutate("timetable.csv", "L3,E1,S0002", "L3,E1,S0001");
	mutate("timetable.csv", "L3,E2,S0004", "L3,E2,S0003");
	expect_violation("learner 'L3' is in seminar 'SA' at age 11, below its age_min 12 "
			 "(rule 6)");
}
END_TEST

START_TEST(seminar_not_chosen)
{
	p->choices[p->choice_start[1]].seminar = 1;   /* L2 chose SB instead */
	expect_violation("learner 'L2' is in seminar 'SA', which they did not choose (rule 6)");
}
END_TEST

START_TEST(seminar_too_small)
{
	p->seminars[0].min_size = 3;
	expect_violation("the section of meeting 'S0001' has 2 learners, outside [3, 20] "
			 "(rule 5)");
}
END_TEST

START_TEST(seminar_meeting_count)
{
	p->seminars[0].meetings = 3;
	expect_violation("seminar section 'S0001' ('SA') meets 2 times, not 3 (rule 5)");
}
END_TEST

START_TEST(seminar_over_limit)
{
	/* a second SA section in E3, and L1 in both sections */
	mutate("sessions.csv", "S0005,S0005,lab,,E3,RA,F1,3", "S0005,S0005,seminar,SA,E3,RA,F1,1\n"
			       "S0006,S0006,lab,,E3,RB,F2,2");
	mutate("timetable.csv", "L2,E3,S0005", "L2,E3,S0006");
	mutate("timetable.csv", "L3,E3,S0005", "L3,E3,S0006");
	p->seminars[0].sections = 2;
	expect_violation("learner 'L1' is in 2 seminars, above seminars_per_learner 1 (rule 6)");
}
END_TEST

START_TEST(seminar_learner_switches_section)
{
	/* a second SA section (F2, RB) in E1 and E2; L2 and L3 trade places in E2 */
	p->seminars[0].sections = 2;
	p->seminar_level[1 * p->n_seminars + 0] = LEVEL_ABLE;
	mutate("sessions.csv", "S0002,S0002,lab,,E1,RB,F2,1", "S0002,S0002,seminar,SA,E1,RB,F2,1");
	mutate("sessions.csv", "S0004,S0004,lab,,E2,RB,F2,1", "S0004,S0002,seminar,SA,E2,RB,F2,1");
	mutate("timetable.csv", "L2,E2,S0003,SA", "L2,E2,S0004,SA");
	mutate("timetable.csv", "L3,E2,S0004,", "L3,E2,S0003,SA");
	expect_violation("learner 'L2' changes section of seminar 'SA' in block 'E2': 'S0001', "
			 "then 'S0002' (rule 5, the same learners at every meeting)");
}
END_TEST

START_TEST(seminar_meeting_in_a_workshop_block)
{
	p->config.model = MODEL_COMBINATION;
	p->blocks[1].kind = BLOCK_WORKSHOP;
	expect_violation("sessions.csv:4: seminar session 'S0003' is in workshop block 'E2' "
			 "(rule 2)");
}
END_TEST

START_TEST(seminar_section_with_too_few_meetings)
{
	/* E2's meeting made a section of its own: S0001 meets once */
	mutate("sessions.csv", "S0003,S0001,seminar", "S0003,S0003,seminar");
	expect_violation("seminar section 'S0001' ('SA') meets 1 times, not 2 (rule 5)");
}
END_TEST

START_TEST(seminar_age_band_recomputed)
{
	/* the choice says eligible, but the data say L1 is too young */
	p->learners[0].age = 9;
	p->seminars[0].age_min = 10;
	p->seminars[0].age_max = 12;
	expect_violation("learner 'L1' is in seminar 'SA' at age 9, outside its ages 10 to 12 "
			 "(rule 6)");
	p->seminars[0].age_max = -1;   /* one bound: it still applies */
	expect_violation("learner 'L1' is in seminar 'SA' at age 9, below its age_min 10 (rule 6)");
}
END_TEST

START_TEST(seminar_left_out_learner_counted)
{
	/* L3 chose seminars, so can be placed, and has labs only */
	mutate("summary.csv", "learners_left_out,1", "learners_left_out,0");
	expect_violation("learners_left_out is '0' but the schedule gives 1.00");
}
END_TEST

/* One cell changed in a written file, and the violation verify must
 * report for it (a loop test runs each on a fresh fixture). */
struct mutation {
	const char *name, *file, *from, *to, *want;
};

static void expect_mutation_caught(const struct mutation *m)
{
	mutate(m->file, m->from, m->to);
	expect_violation(m->want);
}

static const struct mutation workshop_mutations[] = {
	{ "learner_in_two_sessions", "timetable.csv",
	  "L2,Mon1,S0001,M1\n",
	  "L2,Mon1,S0001,M1\nL2,Mon1,S0002,R1\n",
	  "timetable.csv:5: learner 'L2' is in two sessions in block 'Mon1' "
	  "(also line 4) (rule 1)" },
	{ "learner_without_a_session", "timetable.csv",
	  "L1,Mon2,S0003,M1\n",
	  "",
	  "learner 'L1' has no session in block 'Mon2' (rule 1)" },
	{ "learner_seated_while_unavailable", "timetable.csv",
	  "L4,Mon2,S0004,D\n",
	  "L4,Mon2,S0004,D\nL5,Mon2,S0004,\n",
	  "learner 'L5' is unavailable in block 'Mon2' (rule 1)" },
	{ "row_in_an_unscheduled_block", "timetable.csv",
	  "L1,Mon2,S0003,M1\n",
	  "L1,Mon2,S0003,M1\nL1,Mon3,S0003,M1\n",
	  "learner 'L1' has a row in block 'Mon3', which the workshop model "
	  "does not schedule (rule 1)" },
	{ "facilitator_twice_in_a_block", "sessions.csv",
	  "Mon1,RB,F2",
	  "Mon1,RB,F1",
	  "sessions.csv:3: facilitator 'F1' leads 2 sessions in block 'Mon1' "
	  "(rule 3)" },
	{ "facilitator_above_max_sessions", "sessions.csv",
	  "Mon1,RB,F2",
	  "Mon1,RB,F3",
	  "facilitator 'F3' leads 2 sessions in the cycle, above max_sessions 1 "
	  "(rule 3)" },
	{ "room_twice_in_a_block", "sessions.csv",
	  "Mon1,RB,F2",
	  "Mon1,RA,F2",
	  "room 'RA' holds 2 sessions in block 'Mon1' (rule 4)" },
	{ "size_column_wrong", "sessions.csv",
	  "Mon1,RB,F2,2",
	  "Mon1,RB,F2,5",
	  "session 'S0002' says size 5 but 2 learners attend it" },
	{ "more_sessions_than_wanted", "timetable.csv",
	  "L3,Mon2,S0004",
	  "L3,Mon2,S0003",
	  "learner 'L3' attends more than 1 sessions of goal 'M1' (rule 6)" },
	{ "objective_mismatch", "summary.csv",
	  "objective,1765.00",
	  "objective,1766.00",
	  "objective is '1766.00' but the schedule gives 1765.00" },
	{ "metric_mismatch", "summary.csv",
	  "lab_sessions,1",
	  "lab_sessions,2",
	  "lab_sessions is '2' but the schedule gives 1.00" },
	{ "bound_below_objective", "summary.csv",
	  "bound,1800.00",
	  "bound,1700.00",
	  "bound 1700.00 is below the objective 1765.00" },
	{ "gap_formula", "summary.csv",
	  "gap,0.019444",
	  "gap,0.5",
	  "gap 0.500000 is not (bound - objective) / bound = 0.019444" },
	{ "wrong_offering_in_a_workshop", "timetable.csv",
	  "L1,Mon1,S0001,M1",
	  "L1,Mon1,S0001,R1",
	  "timetable.csv:2: learner 'L1' works on 'R1' in block 'Mon1', but "
	  "session 'S0001' gives them 'M1'" },
	{ "fairness_metric_mismatch", "summary.csv",
	  "min_facilitated_sessions,1",
	  "min_facilitated_sessions,2",
	  "min_facilitated_sessions is '2' but the schedule gives 1.00" },
	{ "schedule_exists_word", "summary.csv",
	  "schedule_exists,yes",
	  "schedule_exists,unknown",
	  "schedule_exists is 'unknown', not yes, beside a schedule" },
	{ "stopped_by_word", "summary.csv",
	  "stopped_by,search_done",
	  "stopped_by,tired",
	  "stopped_by is 'tired', not gap, time_limit, interrupt or search_done" },
};

static const struct mutation power_goal_mutations[] = {
	{ "power_goal_learner_changes_group", "timetable.csv",
	  "L3,W2,S0005",
	  "L3,W2,S0004",
	  "learner 'L3' is in group 'S0002' but in workshop 'S0004' in block 'W2'" },
	{ "power_goal_group_member_in_lab", "timetable.csv",
	  "L1,W2,S0004",
	  "L1,W2,S0006",
	  "learner 'L1' is in group 'S0001' but in lab 'S0006' in block 'W2'" },
	{ "power_goal_group_below_min_group", "timetable.csv",
	  "L2,W1,S0001",
	  "L2,W1,S0002",
	  "the group of session 'S0001' has 1 learners, outside [2, 25] (rule 5)" },
};

static const struct mutation seminar_mutations[] = {
	{ "seminar_meeting_missed", "timetable.csv",
	  "L2,E2,S0003",
	  "L2,E2,S0004",
	  "learner 'L2' attends 1 of the 2 meetings of seminar section 'S0001' "
	  "(rule 6)" },
	{ "seminar_offering_in_timetable", "timetable.csv",
	  "L1,E1,S0001,SA",
	  "L1,E1,S0001,SB",
	  "learner 'L1' works on 'SB' in block 'E1', but session 'S0001' gives "
	  "them 'SA'" },
};

START_TEST(workshop_mutation_caught)
{
	expect_mutation_caught(&workshop_mutations[_i]);
}
END_TEST

START_TEST(power_goal_mutation_caught)
{
	expect_mutation_caught(&power_goal_mutations[_i]);
}
END_TEST

START_TEST(seminar_mutation_caught)
{
	expect_mutation_caught(&seminar_mutations[_i]);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("verify");
	TCase *tw = tcase_create("workshop");
	tcase_add_checked_fixture(tw, setup, teardown);
	tcase_add_loop_test(tw, workshop_mutation_caught, 0, (int)(sizeof(workshop_mutations) /
								     sizeof(workshop_mutations[0])));
	tcase_add_test(tw, correct_schedule_verifies);
	tcase_add_test(tw, workshop_in_a_seminar_block);
	tcase_add_test(tw, facilitator_unavailable);
	tcase_add_test(tw, facilitator_without_expertise);
	tcase_add_test(tw, room_unavailable);
	tcase_add_test(tw, room_over_capacity);
	tcase_add_test(tw, room_without_feature);
	tcase_add_test(tw, group_below_min_group);
	tcase_add_test(tw, lab_above_lab_max_group);
	tcase_add_test(tw, need_not_ready);
	tcase_add_test(tw, area_not_allowed);
	tcase_add_test(tw, unknown_ids);
	tcase_add_test(tw, missing_file);
	tcase_add_test(tw, lab_in_a_room_without_the_lab_feature);
	tcase_add_test(tw, wrong_offering_in_a_lab);
	tcase_add_test(tw, daily_weight_in_the_recount);
	tcase_add_test(tw, guarded_id_verifies);
	tcase_add_test(tw, no_place_only_up_to_replan_after);
	tcase_add_test(tw, small_only_up_to_replan_after);
	tcase_add_test(tw, replan_changes_match_the_timetable);
	suite_add_tcase(s, tw);
	TCase *tp = tcase_create("power-goal");
	tcase_add_checked_fixture(tp, power_goal_setup, teardown);
	tcase_add_loop_test(tp, power_goal_mutation_caught, 0, (int)(sizeof(power_goal_mutations) /
								     sizeof(power_goal_mutations[0])));
	tcase_add_test(tp, power_goal_verifies);
	tcase_add_test(tp, power_goal_group_changes_facilitator);
	suite_add_tcase(s, tp);
	TCase *ts = tcase_create("seminar");
	tcase_add_checked_fixture(ts, seminar_setup, teardown);
	tcase_add_loop_test(ts, seminar_mutation_caught, 0, (int)(sizeof(seminar_mutations) /
								     sizeof(seminar_mutations[0])));
	tcase_add_test(ts, seminar_verifies);
	tcase_add_test(ts, seminar_cover_only_where_unavailable);
	tcase_add_test(ts, seminar_not_eligible);
	tcase_add_test(ts, seminar_not_chosen);
	tcase_add_test(ts, seminar_too_small);
	tcase_add_test(ts, seminar_meeting_count);
	tcase_add_test(ts, seminar_over_limit);
	tcase_add_test(ts, seminar_learner_switches_section);
	tcase_add_test(ts, seminar_meeting_in_a_workshop_block);
	tcase_add_test(ts, seminar_section_with_too_few_meetings);
	tcase_add_test(ts, seminar_age_band_recomputed);
	tcase_add_test(ts, seminar_left_out_learner_counted);
	suite_add_tcase(s, ts);
	return run_suite(s);
}
