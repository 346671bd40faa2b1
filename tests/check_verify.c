/*
 * check_verify.c - `verify` accepts what solve writes and catches every kind
 * of broken hard rule: each test solves tests/data/tiny, writes the output
 * directory, mutates one thing in the output (or in the inputs), and expects
 * verify to report it.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "models/model.h"
#include "outputs/output.h"
#include "outputs/verify.h"

static char work[64];
static char *scen, *out;

static int quiet_hook(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1;
}

static void run(const char *cmd)
{
	ck_assert_msg(system(cmd) == 0, "command failed: %s", cmd);
}

/* A fresh copy of the tiny scenario and its solved output directory. */
static void setup(void)
{
	strcpy(work, "/tmp/mclsched-verify-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(work));
	scen = xasprintf("%s/scenario", work);
	out = xasprintf("%s/out", work);
	char *cmd = xasprintf("cp -r tests/data/tiny %s", scen);
	run(cmd);
	free(cmd);
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(scen, &d);
	ck_assert_ptr_nonnull(p);
	struct solve_options o = { .time_limit = 20, .gap = 1e-6, .seed = 1 };
	struct solution s;
	solution_init(&s, p);
	ck_assert_int_eq(workshop_solve(p, &o, &s), 0);
	ck_assert_int_eq(s.status, SOLVE_OPTIMAL);
	ck_assert_int_eq(output_write(p, &s, out, &d), 0);
	solution_release(&s);
	problem_free(p);
	diag_release(&d);
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf %s", work);
	run(cmd);
	free(cmd);
	free(scen);
	free(out);
}

/* Replaces the first occurrence of from by to in dir/file. */
static void mutate(const char *dir, const char *file, const char *from, const char *to)
{
	char *path = xasprintf("%s/%s", dir, file);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	char buf[65536];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	char *at = strstr(buf, from);
	ck_assert_msg(at != NULL, "'%s' not in %s", from, path);
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
	struct problem *p = scenario_load(scen, &d);
	ck_assert_ptr_nonnull(p);
	size_t len;
	FILE *mem = open_memstream(text, &len);
	int n = verify_schedule(p, out, mem, &d);
	fclose(mem);
	problem_free(p);
	diag_release(&d);
	return n;
}

static void expect_violation(const char *needle)
{
	char *text;
	int n = verify(&text);
	ck_assert_msg(n >= 1, "verify found nothing (wanted '%s')", needle);
	ck_assert_msg(strstr(text, needle) != NULL, "verify report lacks '%s':\n%s", needle, text);
	free(text);
}

START_TEST(solved_output_verifies)
{
	char *text;
	ck_assert_int_eq(verify(&text), 0);
	free(text);
}
END_TEST

START_TEST(learner_in_two_sessions)
{
	mutate(out, "timetable.csv", "L2,Mon1,S0001\n", "L2,Mon1,S0001\nL2,Mon1,S0002\n");
	expect_violation("rule 1: learner 'L2' is in two sessions in block 'Mon1'");
}
END_TEST

START_TEST(learner_without_a_session)
{
	mutate(out, "timetable.csv", "L1,Mon2,S0003\n", "");
	expect_violation("rule 1: learner 'L1' has no session in block 'Mon2'");
}
END_TEST

START_TEST(learner_seated_while_unavailable)
{
	mutate(out, "timetable.csv", "L3,Mon2,S0003\n", "L3,Mon2,S0003\nL2,Mon2,S0003\n");
	expect_violation("rule 1: learner 'L2' is unavailable in block 'Mon2'");
}
END_TEST

START_TEST(facilitator_twice_in_a_block)
{
	mutate(out, "sessions.csv", "Mon1,R2,F2", "Mon1,R2,F1");
	expect_violation("rule 3: facilitator 'F1' leads two sessions in block 'Mon1'");
}
END_TEST

START_TEST(facilitator_above_max_sessions)
{
	mutate(out, "sessions.csv", "Mon2,R1,F1", "Mon2,R1,F2");
	expect_violation("rule 3: facilitator 'F2' leads 2 sessions, above max_sessions 1");
}
END_TEST

START_TEST(facilitator_unavailable)
{
	mutate(scen, "facilitators.csv", "F1,Fay,", "F1,Fay,,Mon2");
	mutate(scen, "facilitators.csv", "facilitator_id,name,max_sessions",
	       "facilitator_id,name,max_sessions,unavailable");
	expect_violation("rule 3: facilitator 'F1' is unavailable in block 'Mon2'");
}
END_TEST

START_TEST(facilitator_without_expertise)
{
	mutate(scen, "expertise.csv", "F1,area:Math,guru", "F1,M2,guru");
	expect_violation("rule 3: facilitator 'F1' has no expertise in goal 'M1'");
}
END_TEST

START_TEST(room_twice_in_a_block)
{
	mutate(out, "sessions.csv", "Mon1,R2,F2", "Mon1,R1,F2");
	expect_violation("rule 4: room 'R1' holds two sessions in block 'Mon1'");
}
END_TEST

START_TEST(room_over_capacity)
{
	mutate(scen, "rooms.csv", "R1,30,", "R1,2,");
	expect_violation("rule 4: session 'S0003' has 3 learners but room 'R1' seats 2");
}
END_TEST

START_TEST(room_without_feature)
{
	mutate(scen, "goals.csv", "M1,Fractions,Math,,2,25,2", "M1,Fractions,Math,,2,25,2,science-lab");
	mutate(scen, "goals.csv", "min_group,max_group,sessions", "min_group,max_group,sessions,feature");
	expect_violation("rule 4: room 'R1' lacks feature 'science-lab'");
}
END_TEST

START_TEST(group_below_minimum)
{
	mutate(out, "timetable.csv", "L3,Mon1,S0001", "L3,Mon1,S0002");
	expect_violation("rule 5: session 'S0001' has 1 learners, outside [2, 25]");
}
END_TEST

START_TEST(need_not_ready)
{
	mutate(out, "timetable.csv", "L4,Mon1,S0002", "L4,Mon1,S0001");
	expect_violation("rule 6: learner 'L4' attends 'S0001' (goal 'M1') without a ready need");
}
END_TEST

START_TEST(more_sessions_than_wanted)
{
	mutate(scen, "needs.csv", "L3,M1,2,", "L3,M1,2,1");
	mutate(out, "sessions.csv", "S0003,S0003,lab,,Mon2", "S0003,S0003,workshop,M1,Mon2");
	expect_violation("rule 6: learner 'L3' attends 2 sessions of goal 'M1', above the 1 wanted");
}
END_TEST

START_TEST(area_not_allowed)
{
	mutate(scen, "blocks.csv", "Mon1,Mon,08:30,09:20,workshop,", "Mon1,Mon,08:30,09:20,workshop,Digital");
	expect_violation("rule 7: goal 'M1' (area 'Math') may not run in block 'Mon1'");
}
END_TEST

START_TEST(session_in_a_seminar_block)
{
	mutate(out, "sessions.csv", "S0002,S0002,lab,,Mon1", "S0002,S0002,lab,,Mon4");
	expect_violation("is in block 'Mon4', which the workshop model does not schedule");
}
END_TEST

START_TEST(size_column_wrong)
{
	mutate(out, "sessions.csv", "Mon1,R2,F2,2", "Mon1,R2,F2,5");
	expect_violation("session 'S0002' says size 5 but 2 learners attend it");
}
END_TEST

START_TEST(objective_mismatch)
{
	mutate(out, "summary.csv", "objective,445.00", "objective,446.00");
	expect_violation("objective is '446.00' but the schedule gives 445.00");
}
END_TEST

START_TEST(bound_below_objective)
{
	mutate(out, "summary.csv", "bound,445.00", "bound,440.00");
	expect_violation("bound 440.00 is below the objective 445.00");
}
END_TEST

START_TEST(unknown_learner)
{
	mutate(out, "timetable.csv", "L1,Mon1", "L9,Mon1");
	expect_violation("unknown learner 'L9'");
}
END_TEST

START_TEST(missing_file)
{
	char *path = xasprintf("%s/timetable.csv", out);
	unlink(path);
	free(path);
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(scen, &d);
	ck_assert_int_eq(verify_schedule(p, out, stdout, &d), -1);
	ck_assert(diag_contains(&d, "timetable.csv: missing required file"));
	problem_free(p);
	diag_release(&d);
}
END_TEST

int main(void)
{
	glp_term_hook(quiet_hook, NULL);
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("verify");
	TCase *tc = tcase_create("rules");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, solved_output_verifies);
	tcase_add_test(tc, learner_in_two_sessions);
	tcase_add_test(tc, learner_without_a_session);
	tcase_add_test(tc, learner_seated_while_unavailable);
	tcase_add_test(tc, facilitator_twice_in_a_block);
	tcase_add_test(tc, facilitator_above_max_sessions);
	tcase_add_test(tc, facilitator_unavailable);
	tcase_add_test(tc, facilitator_without_expertise);
	tcase_add_test(tc, room_twice_in_a_block);
	tcase_add_test(tc, room_over_capacity);
	tcase_add_test(tc, room_without_feature);
	tcase_add_test(tc, group_below_minimum);
	tcase_add_test(tc, need_not_ready);
	tcase_add_test(tc, more_sessions_than_wanted);
	tcase_add_test(tc, area_not_allowed);
	tcase_add_test(tc, session_in_a_seminar_block);
	tcase_add_test(tc, size_column_wrong);
	tcase_add_test(tc, objective_mismatch);
	tcase_add_test(tc, bound_below_objective);
	tcase_add_test(tc, unknown_learner);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
