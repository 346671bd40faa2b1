/*
 * check_inputs.c - the inputs modules: csv_table (libcsv), config
 * (libconfuse) and the scenario loader (ids, references, readiness, derive,
 * ordering, levels, long prerequisite chains).
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "inputs/config.h"
#include "inputs/csv_table.h"
#include "inputs/decimal.h"
#include "inputs/scenario.h"
#include "tests/support/run_suite.h"
#include "tests/support/tmpdir.h"

/* The heap strings config_read leaves in c. */
static void config_strings_free(struct config *c)
{
	free(c->name);
	free(c->w_choice);
	free(c->out_dir);
	free(c->lab_feature);
}

static char *dir;
static struct diag d;

static void setup(void)
{
	dir = td_make();
	diag_init(&d);
}

static void teardown(void)
{
	td_remove(dir);
	diag_release(&d);
}

/* ---- csv_table ---- */

START_TEST(csv_quoting_bom_crlf_and_lines)
{
	td_write(dir, "x.csv", "\xEF\xBB\xBF" "b, a \r\n\r\n1,\"two, \"\"quoted\"\"\"\r\n"
			       "3,\"multi\nline\"\r\n5,6");
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), 1);
	ck_assert_int_eq(t.n_cols, 2);
	ck_assert_int_eq(csv_table_col(&t, "a"), 1);   /* header trimmed, BOM gone */
	ck_assert_int_eq(csv_table_col(&t, "b"), 0);
	ck_assert_int_eq(t.n_rows, 3);
	ck_assert_str_eq(t.rows[0][1], "two, \"quoted\"");
	ck_assert_int_eq(t.line[0], 3);                 /* the blank line 2 skipped */
	ck_assert_str_eq(t.rows[1][1], "multi\nline");
	ck_assert_int_eq(t.line[1], 4);
	ck_assert_int_eq(t.line[2], 6);                 /* after a two-line record */
	ck_assert_str_eq(t.rows[2][0], "5");
	csv_table_release(&t);
}
END_TEST

START_TEST(csv_short_rows_padded)
{
	td_write(dir, "x.csv", "a,b,c\n1\n");
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), 1);
	ck_assert_str_eq(t.rows[0][2], "");
	csv_table_release(&t);
}
END_TEST

START_TEST(csv_missing_optional_and_required)
{
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "none.csv", false, &d), 0);
	csv_table_release(&t);
	ck_assert_int_eq(d.n_errors, 0);
	ck_assert_int_eq(csv_table_read(&t, dir, "none.csv", true, &d), -1);
	csv_table_release(&t);
	ck_assert(diag_contains(&d, "none.csv: missing required file"));
}
END_TEST

START_TEST(csv_bad_quote_and_nul)
{
	struct csv_table t;
	td_write(dir, "q.csv", "a\n\"x\"y\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "q.csv", true, &d), -1);
	csv_table_release(&t);
	ck_assert(diag_contains(&d, "q.csv:2: malformed CSV"));
	char *path = xasprintf("%s/n.csv", dir);
	FILE *f = fopen(path, "wb");
	fwrite("a\nx\0y\n", 1, 6, f);
	fclose(f);
	free(path);
	ck_assert_int_eq(csv_table_read(&t, dir, "n.csv", true, &d), -1);
	csv_table_release(&t);
	ck_assert(diag_contains(&d, "n.csv:2: contains a NUL byte"));
}
END_TEST

START_TEST(csv_split_list_trims)
{
	char **items;
	int n = csv_split_list(" Mon1 ;;Tue2; ", &items);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(items[0], "Mon1");
	ck_assert_str_eq(items[1], "Tue2");
	for (int i = 0; i < n; i++)
		free(items[i]);
	free(items);
}
END_TEST

START_TEST(csv_headers_in_any_case)
{
	td_write(dir, "x.csv", "Learner_ID,NAME\nL1,Ann\n");
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), 1);
	ck_assert_int_eq(csv_table_col(&t, "learner_id"), 0);
	ck_assert_int_eq(csv_table_col(&t, "name"), 1);
	static const char *const known[] = { "learner_id", "name", NULL };
	csv_table_warn_unknown(&t, known, &d);
	ck_assert_int_eq(csv_table_require(&t, known, &d), 0);
	ck_assert_int_eq((int)d.n, 0);
	csv_table_release(&t);
	/* the same column in two cases is named twice */
	td_write(dir, "y.csv", "a,B,b\n1,2,3\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "y.csv", true, &d), -1);
	ck_assert(diag_contains(&d, "y.csv:1: column 'b' appears twice in the header (columns 2 "
				    "and 3)"));
	csv_table_release(&t);
}
END_TEST

START_TEST(csv_semicolons_are_one_error)
{
	td_write(dir, "x.csv", "learner_id;name;age\nL1;\"Bob, Jr\";14\nL2;Cy;15\n");
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), -1);
	ck_assert(diag_contains(&d, "x.csv:1: looks semicolon-separated"));
	ck_assert_int_eq(d.n_errors, 1);
	csv_table_release(&t);
	/* quoted names joined by ';' too */
	td_write(dir, "y.csv", "\"learner_id\";\"name\"\n\"L1\";\"Ann\"\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "y.csv", true, &d), -1);
	ck_assert(diag_contains(&d, "y.csv:1: looks semicolon-separated"));
	ck_assert_int_eq(d.n_errors, 2);
	csv_table_release(&t);
	/* a ';' list inside a cell of a comma file is data */
	td_write(dir, "z.csv", "learner_id,unavailable\nL1,Mon1;Tue2\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "z.csv", true, &d), 1);
	ck_assert_int_eq(d.n_errors, 2);
	csv_table_release(&t);
}
END_TEST

START_TEST(csv_not_utf8_names_its_line)
{
	struct csv_table t;
	/* UTF-8 of every length passes: é, €, 𝄞 */
	td_write(dir, "ok.csv", "name\nM\xC3\xBCller\n\xE2\x82\xAC\n\xF0\x9D\x84\x9E\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "ok.csv", true, &d), 1);
	ck_assert_int_eq(t.n_rows, 3);
	csv_table_release(&t);
	ck_assert_int_eq(d.n_errors, 0);
	td_write(dir, "x.csv", "name\nAnn\nM\xFCller\nZ\xFCrich\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), -1);
	ck_assert(diag_contains(&d, "x.csv:3: not UTF-8 (byte 0xFC at column 2)"));
	ck_assert(diag_contains(&d, "iconv -f latin1 -t utf8"));
	ck_assert_int_eq(d.n_errors, 1);        /* one message, not one a line */
	csv_table_release(&t);
	/* overlong and surrogate forms are not UTF-8 either */
	td_write(dir, "y.csv", "name\n\xC0\xAF\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "y.csv", true, &d), -1);
	csv_table_release(&t);
	td_write(dir, "z.csv", "name\n\xED\xA0\x80\n");
	ck_assert_int_eq(csv_table_read(&t, dir, "z.csv", true, &d), -1);
	csv_table_release(&t);
	ck_assert_int_eq(d.n_errors, 3);
}
END_TEST

/* ---- config ---- */

START_TEST(config_every_error_and_where_a_key_belongs)
{
	td_write(dir, "scenario.conf", "time_limit = 30   # misplaced\n"
				       "colour = 1\n"
				       "solver {\n  gap = 2\n  model = seminar\n}\n"
				       "bogus {\n  x = 1\n}\n"
				       "mastery = 9\n"
				       "lab { max_group = 7 }\n");
	struct config c;
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), -1);
	ck_assert(diag_contains(&d, "scenario.conf:1: no such option 'time_limit': did you mean "
				    "`solver { time_limit }`?"));
	ck_assert(diag_contains(&d, "scenario.conf:2: no such option 'colour'"));
	ck_assert(!diag_contains(&d, "'colour': did you mean"));
	ck_assert(diag_contains(&d, "scenario.conf:4: 'gap' must be"));
	ck_assert(diag_contains(&d, "scenario.conf:5: no such option 'model': did you mean `model` "
				    "at the top level"));
	ck_assert(diag_contains(&d, "scenario.conf:7: no such option 'bogus'"));
	ck_assert(diag_contains(&d, "scenario.conf:10: 'mastery' must be"));
	ck_assert_int_eq(d.n_errors, 6);        /* the section's own lines not again */
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
}
END_TEST

START_TEST(config_max_memory_mb)
{
	struct config c;
	td_write(dir, "scenario.conf", "solver { max_memory_mb = 2048 }\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_int_eq(c.max_memory_mb, 2048);
	config_strings_free(&c);
	td_write(dir, "scenario.conf", "model = workshop\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_int_eq(c.max_memory_mb, 16384);
	config_strings_free(&c);
	td_write(dir, "scenario.conf", "\n\nsolver { max_memory_mb = 63 }\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), -1);
	ck_assert(diag_contains(&d, "scenario.conf:3: 'max_memory_mb' must be"));
	config_strings_free(&c);
}
END_TEST

/* school_id: given, it is kept; left out, made from the name; not an id,
 * an error at its line. */
START_TEST(config_school_id_key)
{
	struct config c;
	td_write(dir, "scenario.conf", "name = \"North MS\"\nschool_id = \"north.ms-2\"\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_str_eq(c.school_id, "north.ms-2");
	config_strings_free(&c);
	td_write(dir, "scenario.conf", "name = \"  Maple Grove, cycle 1 \u00e9!\"\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_str_eq(c.school_id, "maple-grove-cycle-1");
	config_strings_free(&c);
	td_write(dir, "scenario.conf", "model = workshop\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_str_eq(c.school_id, "school");
	config_strings_free(&c);
	td_write(dir, "scenario.conf", "name = \"x\"\n\nschool_id = \"-north\"\n");
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), -1);
	ck_assert(diag_contains(&d, "scenario.conf:3: 'school_id' must be 1-64 characters"));
	config_strings_free(&c);
	char buf[65];
	config_school_id(buf, sizeof(buf), "a b c d e f g h i j k l m n o p q r s t u v w x y z "
			 "a b c d e f g h i j k l m n o p q r s t u v w x y z");
	ck_assert_uint_le(strlen(buf), 64);
	ck_assert(buf[strlen(buf) - 1] != '-');
}
END_TEST

START_TEST(config_defaults_and_overrides)
{
	td_write(dir, "scenario.conf", "model = power-goal\nweights { guru = 7 }\n"
				       "solver { gap = 0.01 }\n");
	struct config c;
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_int_eq(c.model, MODEL_POWER_GOAL);
	ck_assert_double_eq(c.w_guru, 7);
	ck_assert_double_eq(c.gap, 0.01);
	ck_assert_double_eq(c.w_priority[0], 100);     /* defaults kept */
	ck_assert_double_eq(c.w_priority[4], 10);
	ck_assert_int_eq(c.n_choice, 5);
	ck_assert_double_eq(c.time_limit, 60);
	ck_assert_int_eq(c.lab_max_group, 40);
	ck_assert_str_eq(c.out_dir, "out");
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
}
END_TEST

START_TEST(config_every_range_error_with_its_line)
{
	td_write(dir, "scenario.conf", "mastery = 5\nlab { max_group = 0 }\n"
				       "solver { time_limit = 0  gap = 1 }\n");
	struct config c;
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), -1);
	ck_assert(diag_contains(&d, "scenario.conf:1: 'mastery' must be"));
	ck_assert(diag_contains(&d, "scenario.conf:2: 'max_group' must be"));
	ck_assert(diag_contains(&d, "scenario.conf:3: 'time_limit' must be"));
	ck_assert(diag_contains(&d, "scenario.conf:3: 'gap' must be"));
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
}
END_TEST

START_TEST(config_missing_file_is_a_warning)
{
	struct config c;
	ck_assert_int_eq(config_read(&c, dir, &d, NULL), 0);
	ck_assert_int_eq(d.n_warnings, 1);
	ck_assert_int_eq(c.model, MODEL_COMBINATION);
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
}
END_TEST

/* ---- scenario ---- */

START_TEST(scenario_resolves_and_readiness)
{
	struct problem *p = scenario_load("tests/data/tiny", &d);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->n_learners, 4);
	ck_assert_int_eq(p->n_blocks, 3);
	int l2 = problem_find_learner(p, "L2"), mon2 = problem_find_block(p, "Mon2");
	ck_assert(p->learners[l2].unavailable[mon2]);
	int f2 = problem_find_facilitator(p, "F2");
	ck_assert_int_eq(p->facilitators[f2].max_sessions, 1);
	ck_assert_int_eq(p->facilitators[problem_find_facilitator(p, "F1")].max_sessions, 3);
	int m1 = problem_find_goal(p, "M1"), m2 = problem_find_goal(p, "M2");
	ck_assert_int_eq(problem_goal_level(p, problem_find_facilitator(p, "F1"), m2), LEVEL_GURU);
	ck_assert_int_eq(problem_goal_level(p, f2, m1), LEVEL_ABLE);
	ck_assert_int_eq(problem_goal_level(p, f2, m2), LEVEL_NONE);
	/* L1 mastered M1 (3.5): M2 ready; L4 has no score: M2 not ready */
	int l1 = problem_find_learner(p, "L1"), l4 = problem_find_learner(p, "L4");
	for (int q = p->need_start[l1]; q < p->need_start[l1 + 1]; q++)
		ck_assert(p->needs[q].ready);
	int ready4 = 0, not4 = 0;
	for (int q = p->need_start[l4]; q < p->need_start[l4 + 1]; q++) {
		ready4 += p->needs[q].ready;
		not4 += !p->needs[q].ready && p->needs[q].goal == m2;
	}
	ck_assert_int_eq(ready4, 1);
	ck_assert_int_eq(not4, 1);
	/* default sessions from the goal: L1's M2 need */
	ck_assert_int_eq(p->needs[p->need_start[l1]].sessions, 1);
	problem_free(p);
}
END_TEST

/* Issue 24 item 4: scores and mastery read from their digits, exactly. */
START_TEST(decimal_units_exact_and_refusals)
{
	int u = -1;
	ck_assert_int_eq(decimal_units("3.6", 40000, &u), DECIMAL_OK);
	ck_assert_int_eq(u, 36000);
	ck_assert_int_eq(decimal_units("03.60000", 40000, &u), DECIMAL_OK);
	ck_assert_int_eq(u, 36000);
	ck_assert_int_eq(decimal_units(".5", 40000, &u), DECIMAL_OK);
	ck_assert_int_eq(u, 5000);
	ck_assert_int_eq(decimal_units("4", 40000, &u), DECIMAL_OK);
	ck_assert_int_eq(u, 40000);
	ck_assert_int_eq(decimal_units("0.0001", 40000, &u), DECIMAL_OK);
	ck_assert_int_eq(u, 1);
	ck_assert_int_eq(decimal_units("3.65432", 40000, &u), DECIMAL_PLACES_LOST);
	ck_assert_int_eq(decimal_units("4.0001", 40000, &u), DECIMAL_RANGE);
	ck_assert_int_eq(decimal_units("99999999999999999999", 40000, &u), DECIMAL_RANGE);
	const char *bad[] = { "", ".", "3.6e0", "-1", "+3", "3.6.1", " 3", "nan", "3,6" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_int_eq(decimal_units(bad[i], 40000, &u), DECIMAL_SYNTAX);
}
END_TEST

/* Every one-decimal mastery, and the score equal to it, masters: the issue's
 * list (0.7, 0.9, 1.3, ...) failed in single precision. */
START_TEST(scenario_mastery_equal_score_masters)
{
	static const char *const files[] = { "blocks.csv", "expertise.csv", "facilitators.csv",
		"goals.csv", "learners.csv", "needs.csv", "prerequisites.csv", "rooms.csv" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *from = xasprintf("tests/data/tiny/%s", files[i]);
		FILE *f = fopen(from, "rb");
		ck_assert_ptr_nonnull(f);
		char buf[4096];
		size_t n = fread(buf, 1, sizeof(buf) - 1, f);
		buf[n] = '\0';
		fclose(f);
		td_write(dir, files[i], buf);
		free(from);
	}
	for (int tenths = 1; tenths <= 40; tenths++) {
		char conf[64], progress[128];
		snprintf(conf, sizeof(conf), "model = workshop\nmastery = %d.%d\n", tenths / 10,
			 tenths % 10);
		snprintf(progress, sizeof(progress), "learner_id,goal_id,score\nL1,M1,%d.%d\n"
			 "L4,M1,%d.%04d\n", tenths / 10, tenths % 10, (tenths - 1) / 10,
			 (tenths - 1) % 10 * 1000 + 999);
		td_write(dir, "scenario.conf", conf);
		td_write(dir, "progress.csv", progress);
		struct problem *p = scenario_load(dir, &d);
		ck_assert_msg(p != NULL, "mastery %s", conf);
		int l1 = problem_find_learner(p, "L1"), l4 = problem_find_learner(p, "L4");
		int m1 = problem_find_goal(p, "M1");
		ck_assert_msg(problem_mastered(p, l1, m1), "score = %s", conf);
		ck_assert_msg(!problem_mastered(p, l4, m1), "score 0.0001 below %s", conf);
		problem_free(p);
	}
	td_write(dir, "scenario.conf", "model = workshop\nmastery = 3.60001\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "scenario.conf:2: 'mastery' has more than 4 decimals"));
	diag_release(&d);
	diag_init(&d);
	td_write(dir, "scenario.conf", "model = workshop\nmastery = 3.6\n");
	td_write(dir, "progress.csv", "learner_id,goal_id,score\nL1,M1,3.60001\nL2,M1,3.5e0\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "progress.csv:2: bad score '3.60001': more than 4 decimals"));
	ck_assert(diag_contains(&d, "progress.csv:3: bad score '3.5e0'"));
}
END_TEST

START_TEST(scenario_derives_the_frontier)
{
	td_copy("tests/data/tiny", dir);
	char *path = xasprintf("%s/needs.csv", dir);
	unlink(path);
	free(path);
	td_write(dir, "scenario.conf", "model = workshop\nneeds = derive\n");
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	/* L1 mastered M1: frontier M2 and D1; others: M1 and D1 */
	int l1 = problem_find_learner(p, "L1"), l2 = problem_find_learner(p, "L2");
	ck_assert_int_eq(p->need_start[l1 + 1] - p->need_start[l1], 2);
	ck_assert_int_eq(p->needs[p->need_start[l1]].goal, problem_find_goal(p, "M2"));
	ck_assert_int_eq(p->needs[p->need_start[l1]].priority, 3);
	ck_assert_int_eq(p->need_start[l2 + 1] - p->need_start[l2], 2);
	ck_assert_int_eq(p->needs[p->need_start[l2]].goal, problem_find_goal(p, "M1"));
	ck_assert_int_eq(p->needs[p->need_start[l2]].sessions, 2);
	problem_free(p);
}
END_TEST

START_TEST(scenario_without_progress_is_all_ready)
{
	td_copy("tests/data/tiny", dir);
	char *path = xasprintf("%s/progress.csv", dir);
	unlink(path);
	free(path);
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	for (int q = 0; q < p->n_needs; q++)
		ck_assert(p->needs[q].ready);
	problem_free(p);
}
END_TEST

START_TEST(scenario_reports_all_errors)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "rooms.csv", "room_id,capacity\nR1,0\nR1,5\n");
	td_write(dir, "needs.csv", "learner_id,goal_id,priority\nL1,M2,9\nL7,M1,1\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "rooms.csv:2: bad capacity '0'"));
	ck_assert(diag_contains(&d, "rooms.csv:3: duplicate room_id 'R1' (first on line 2)"));
	ck_assert(diag_contains(&d, "needs.csv:2: bad priority '9'"));
	ck_assert(diag_contains(&d, "needs.csv:3: unknown learner 'L7'"));
	ck_assert_int_eq(d.n_errors, 4);
}
END_TEST

/* Contract v3: an id starts with a letter or a digit. */
START_TEST(scenario_id_must_start_with_letter_or_digit)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "rooms.csv", "room_id,capacity\n-R1,30\n+R2,30\n_R3,30\n.R4,30\nR5,30\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "rooms.csv:2: invalid room_id '-R1': use 1-64 characters of "
			       "A-Z a-z 0-9 _ . -, the first a letter or a digit"));
	ck_assert(diag_contains(&d, "rooms.csv:3: invalid room_id '+R2'"));
	ck_assert(diag_contains(&d, "rooms.csv:4: invalid room_id '_R3'"));
	ck_assert(diag_contains(&d, "rooms.csv:5: invalid room_id '.R4'"));
	ck_assert(!diag_contains(&d, "'R5'"));
}
END_TEST

START_TEST(scenario_warns_unknown_column_and_unled_goal)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "expertise.csv", "facilitator_id,offering,level,notes\nF1,M1,guru,x\n");
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	ck_assert(diag_contains(&d, "expertise.csv:1: unknown column 'notes' is ignored"));
	ck_assert(diag_contains(&d, "no facilitator has expertise in goal 'M2'"));
	problem_free(p);
}
END_TEST

/* lab.feature must be a feature some room has: found, labs get its index;
 * missing, an error on the line of the key (not of the section). */
START_TEST(scenario_lab_feature_must_be_a_room_feature)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "scenario.conf", "model = workshop\nlab {\n  feature = \"science-lab\"\n}\n");
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->config.lab_feature_line, 3);
	ck_assert_int_ge(p->lab_feature, 0);
	ck_assert_str_eq(p->features[p->lab_feature], "science-lab");
	problem_free(p);
	td_write(dir, "scenario.conf", "model = workshop\n\nlab { max_group = 30\n"
				       "  feature = \"computers\" }\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "scenario.conf:4: lab.feature 'computers' is offered by no "
			       "room in rooms.csv: add 'computers' to the features of the rooms"));
	ck_assert_int_eq(d.n_errors, 1);
}
END_TEST

START_TEST(csv_extra_cells_and_white_space_lines)
{
	td_write(dir, "x.csv", "a,b\n  \t \n1,2,\n3,4,5\n");
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, dir, "x.csv", true, &d), 1);
	ck_assert_int_eq(t.n_rows, 2);                  /* the white-space line skipped */
	ck_assert_int_eq(t.line[0], 3);
	ck_assert_str_eq(t.rows[1][1], "4");
	csv_table_release(&t);
	ck_assert_int_eq(d.n_errors, 1);               /* "1,2," is fine, "3,4,5" is not */
	ck_assert(diag_contains(&d, "x.csv:4: row has 3 cells but the header names 2 columns"));
}
END_TEST

START_TEST(config_words_and_choice_count_with_line)
{
	td_write(dir, "scenario.conf", "name = \"x\"\nmodel = seminars\nneeds = derive\n"
				       "weights {\n choice = {1,2,3,4,5,6,7,8,9,10,11}\n}\n"
				       "output { dir = \"\" }\n");
	struct config c;
	long model_at = -1;
	ck_assert_int_eq(config_read(&c, dir, &d, &model_at), -1);
	ck_assert(diag_contains(&d, "scenario.conf:2: 'model' must be power-goal, workshop, "
				    "seminar or combination (got 'seminars')"));
	ck_assert(diag_contains(&d, "scenario.conf:5: 'choice' must be 1 to 10"));
	ck_assert(diag_contains(&d, "scenario.conf:7: 'output.dir' must not be empty"));
	ck_assert_int_eq(d.n_errors, 3);
	ck_assert_int_eq(c.needs, NEEDS_DERIVE);
	ck_assert_int_eq(model_at, 2);
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
	diag_release(&d);
	diag_init(&d);
	td_write(dir, "scenario.conf", "\nweights { choice = {9, 1} }\n");
	ck_assert_int_eq(config_read(&c, dir, &d, &model_at), 0);
	ck_assert_int_eq(c.n_choice, 2);
	ck_assert_double_eq(c.w_choice[0], 9);
	ck_assert_int_eq(model_at, 0);                  /* defaulted */
	free(c.name);
	free(c.w_choice);
	free(c.out_dir);
	free(c.lab_feature);
}
END_TEST

/* A 20000-goal prerequisite chain: no recursion to overflow, nothing
 * quadratic; closing it into a cycle names its ends. */
START_TEST(scenario_long_prerequisite_chain)
{
	enum { N = 20000 };
	td_copy("tests/data/tiny", dir);
	size_t cap = (size_t)N * 40 + 200, len = 0;
	char *goals = xmalloc(cap), *pre = xmalloc(cap);
	len = (size_t)sprintf(goals, "goal_id,area\nM1,Math\nM2,Math\nD1,Digital\n");
	for (int i = 0; i < N; i++)
		len += (size_t)sprintf(goals + len, "G%d,Chain\n", i);
	size_t lp = (size_t)sprintf(pre, "goal_id,requires\n");
	for (int i = 1; i < N; i++)
		lp += (size_t)sprintf(pre + lp, "G%d,G%d\n", i, i - 1);
	td_write(dir, "goals.csv", goals);
	td_write(dir, "prerequisites.csv", pre);
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->goals[problem_find_goal(p, "G5")].n_requires, 1);
	problem_free(p);
	sprintf(pre + lp, "G0,G%d\n", N - 1);           /* close the chain */
	td_write(dir, "prerequisites.csv", pre);
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "prerequisite cycle: 'G0' -> 'G19999' -> 'G19998'"));
	ck_assert(diag_contains(&d, "... (19991 goals) -> "));
	free(goals);
	free(pre);
}
END_TEST

START_TEST(scenario_orders_choices_and_levels)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "scenario.conf", "model = combination\n");
	td_write(dir, "seminars.csv", "seminar_id,meetings,max_size,requires,age_min,age_max\n"
				      "S1,2,10,M1,,\nS2,2,10,,14,15\nS3,1,5,,,\n");
	/* L1 (13, mastered M1), L2 (14, M1 at 1.0) */
	td_write(dir, "choices.csv", "learner_id,seminar_id,rank\nL2,S3,3\nL1,S2,2\n"
				     "L2,S1,1\nL1,S1,1\nL2,S2,2\n");
	td_write(dir, "expertise.csv", "facilitator_id,offering,level\nF1,area:Math,able\n"
				       "F1,M1,guru\nF2,S1,\nF2,area:Math,guru\nF2,M2,able\n");
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	int l1 = problem_find_learner(p, "L1"), l2 = problem_find_learner(p, "L2");
	int s1 = problem_find_seminar(p, "S1"), s2 = problem_find_seminar(p, "S2");
	ck_assert_int_eq(p->choice_start[l1 + 1] - p->choice_start[l1], 2);
	const struct choice *c1 = &p->choices[p->choice_start[l1]];
	ck_assert_int_eq(c1[0].seminar, s1);            /* rank order, not file order */
	ck_assert(c1[0].eligible);                      /* mastered M1 */
	ck_assert(!c1[1].eligible);                     /* 13 is below S2's 14 */
	const struct choice *c2 = &p->choices[p->choice_start[l2]];
	ck_assert_int_eq(p->choice_start[l2 + 1] - p->choice_start[l2], 3);
	ck_assert(!c2[0].eligible);                     /* S1: M1 not mastered */
	ck_assert_int_eq(c2[1].seminar, s2);
	ck_assert(c2[1].eligible);
	int f1 = problem_find_facilitator(p, "F1"), f2 = problem_find_facilitator(p, "F2");
	int m1 = problem_find_goal(p, "M1"), m2 = problem_find_goal(p, "M2");
	ck_assert_int_eq(problem_goal_level(p, f1, m1), LEVEL_GURU);   /* max of both rows */
	ck_assert_int_eq(problem_goal_level(p, f1, m2), LEVEL_ABLE);
	ck_assert_int_eq(problem_goal_level(p, f2, m2), LEVEL_GURU);   /* area row wins */
	ck_assert_int_eq(problem_seminar_level(p, f2, s1), LEVEL_ABLE);
	ck_assert_int_eq(problem_seminar_level(p, f1, s1), LEVEL_NONE);
	/* nobody leads S2 or S3: a warning for each chosen one */
	ck_assert(diag_contains(&d, "no facilitator has expertise in seminar 'S2'"));
	problem_free(p);
}
END_TEST

START_TEST(scenario_needs_sorted_and_duplicates_reported)
{
	td_copy("tests/data/tiny", dir);
	td_write(dir, "needs.csv", "learner_id,goal_id,priority\nL2,M1,1\nL1,M2,1\nL2,D1,2\n"
				   "L1,D1,5\nL2,M1,3\n");
	ck_assert_ptr_null(scenario_load(dir, &d));
	ck_assert(diag_contains(&d, "needs.csv:6: learner 'L2' needs goal 'M1' twice "
				    "(first on line 2)"));
	ck_assert_int_eq(d.n_errors, 1);
	diag_release(&d);
	diag_init(&d);
	td_write(dir, "needs.csv", "learner_id,goal_id,priority\nL2,M1,1\nL1,M2,1\nL2,D1,2\n"
				   "L1,D1,5\n");
	struct problem *p = scenario_load(dir, &d);
	ck_assert_ptr_nonnull(p);
	int l1 = problem_find_learner(p, "L1"), l2 = problem_find_learner(p, "L2");
	/* by learner, then file order */
	ck_assert_int_eq(p->needs[p->need_start[l1]].line, 3);
	ck_assert_int_eq(p->needs[p->need_start[l1] + 1].line, 5);
	ck_assert_int_eq(p->needs[p->need_start[l2]].line, 2);
	ck_assert_int_eq(p->needs[p->need_start[l2] + 1].line, 4);
	ck_assert_int_eq(p->needs[p->need_start[l1] + 1].priority, 5);
	problem_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("inputs");
	TCase *csv = tcase_create("csv_table"), *conf = tcase_create("config"),
	      *scen = tcase_create("scenario");
	TCase *all[] = { csv, conf, scen };
	for (int i = 0; i < 3; i++) {
		tcase_add_checked_fixture(all[i], setup, teardown);
		suite_add_tcase(s, all[i]);
	}
	tcase_add_test(csv, csv_quoting_bom_crlf_and_lines);
	tcase_add_test(csv, csv_short_rows_padded);
	tcase_add_test(csv, csv_missing_optional_and_required);
	tcase_add_test(csv, csv_bad_quote_and_nul);
	tcase_add_test(csv, csv_split_list_trims);
	tcase_add_test(csv, csv_headers_in_any_case);
	tcase_add_test(csv, csv_semicolons_are_one_error);
	tcase_add_test(csv, csv_not_utf8_names_its_line);
	tcase_add_test(conf, config_every_error_and_where_a_key_belongs);
	tcase_add_test(conf, config_max_memory_mb);
	tcase_add_test(conf, config_school_id_key);
	tcase_add_test(csv, csv_extra_cells_and_white_space_lines);
	tcase_add_test(conf, config_words_and_choice_count_with_line);
	tcase_add_test(scen, scenario_long_prerequisite_chain);
	tcase_add_test(scen, scenario_orders_choices_and_levels);
	tcase_add_test(scen, scenario_needs_sorted_and_duplicates_reported);
	tcase_add_test(conf, config_defaults_and_overrides);
	tcase_add_test(conf, config_every_range_error_with_its_line);
	tcase_add_test(conf, config_missing_file_is_a_warning);
	tcase_add_test(scen, scenario_resolves_and_readiness);
	tcase_add_test(scen, scenario_derives_the_frontier);
	tcase_add_test(csv, decimal_units_exact_and_refusals);
	tcase_add_test(scen, scenario_mastery_equal_score_masters);
	tcase_add_test(scen, scenario_without_progress_is_all_ready);
	tcase_add_test(scen, scenario_reports_all_errors);
	tcase_add_test(scen, scenario_id_must_start_with_letter_or_digit);
	tcase_add_test(scen, scenario_warns_unknown_column_and_unled_goal);
	tcase_add_test(scen, scenario_lab_feature_must_be_a_room_feature);
	return run_suite(s);
}
