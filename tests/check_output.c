/*
 * check_output.c - the output writer on hand-built schedules: the files
 * read back, byte-identical rewrites, atomic replacement, refusal to replace
 * an unrelated directory, a failed write leaving nothing behind, section
 * ids, every unmet reason, and the row set's round trip (built, written,
 * read back through rowset_read, equal).  (Scoring rules: check_metrics.c.)
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "outputs/csv_out.h"
#include "outputs/digest.h"
#include "outputs/output.h"
#include "outputs/rowset.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"
#include "tests/support/tmpdir.h"

/*
 * Two blocks; goal G (min 1, sessions 2) led by guru F1; online goal D
 * (sessions 1); L1 needs G at priority 1 and D at priority 2; L2 needs G at
 * priority 3 (not ready) and D at priority 4.
 */
static struct problem *small(void)
{
	struct builder *tb = tb_new();
	tb_block(tb, "B1", BLOCK_WORKSHOP);
	tb_block(tb, "B2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G", 1, 25, 2), dg = tb_goal(tb, "D", 1, 40, 1);
	tb_goal_online(tb, dg);
	int f1 = tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_level(tb, f1, g, LEVEL_GURU);
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_need(tb, l1, g, 1, 2);
	tb_need(tb, l1, dg, 2, 1);
	tb_need_not_ready(tb, l2, g, 3, 1);
	tb_need(tb, l2, dg, 4, 1);
	return tb_finish(tb);
}

/* B1: G workshop (F1, R1) for L1, lab (F2, R2) for L2; B2: one lab for both. */
static void schedule(const struct problem *p, struct solution *s)
{
	solution_init(s, p);
	struct session w = { SESSION_WORKSHOP, 0, 0, 0, 0, 0, 0 };
	struct session lab1 = { SESSION_LAB, -1, 0, 1, 1, 0, 0 };
	struct session lab2 = { SESSION_LAB, -1, 1, 0, 1, 0, 0 };
	int a = solution_add_session(s, &w), b = solution_add_session(s, &lab1),
	    c = solution_add_session(s, &lab2);
	*solution_attend(s, 0, 0) = a;
	*solution_attend(s, 1, 0) = b;
	*solution_attend(s, 0, 1) = c;
	*solution_attend(s, 1, 1) = c;
	solution_recount(s);
	s->status = SOLVE_OPTIMAL;
}

/* A test that writes an output: its problem and schedule, a scratch
 * directory, the output directory o inside it, and the diagnostics. */
struct written {
	struct problem *p;
	struct solution s;
	char *dir, *o;
	struct diag d;
};

/* Starts a test on p (its schedule s still to fill). */
static void written_begin(struct written *w, struct problem *p)
{
	w->p = p;
	w->dir = td_make();
	w->o = xasprintf("%s/o", w->dir);
	diag_init(&w->d);
}

/* Starts a test on small() and its schedule. */
static void written_small(struct written *w)
{
	written_begin(w, small());
	schedule(w->p, &w->s);
}

/* output_write of the test's schedule into o. */
static int written_write(struct written *w, const struct run_info *run)
{
	return output_write(w->p, &w->s, run, w->o, &w->d);
}

/* The end of the test: everything released. */
static void written_end(struct written *w)
{
	free(w->o);
	td_remove(w->dir);
	diag_release(&w->d);
	ts_free(w->p, &w->s);
}

START_TEST(metrics_by_hand)
{
	struct problem *p = small();
	struct solution s;
	schedule(p, &s);
	struct metrics m;
	metrics_compute(p, &s, &m);
	/* L1: one G session (100) + power goal (200) + D credited by the B2 lab
	 * (60); L2: D credited by its first lab (20), the second lab credits
	 * nothing (sessions 1); the G need is not ready; guru on the workshop (5);
	 * L1 can be placed and has a workshop on the one day (daily 40), L2 has
	 * no ready facilitated need, so cannot be placed and earns no daily */
	ck_assert_double_eq_tol(m.objective, 100 + 200 + 60 + 20 + 5 + 40, 1e-9);
	ck_assert_int_eq(m.learners_left_out, 0);
	ck_assert_double_eq_tol(m.learner_days_covered_pct, 100, 1e-9);
	ck_assert_int_eq(m.min_facilitated_sessions, 1);
	ck_assert_int_eq(m.need_sessions_wanted, 2 + 1 + 1);
	ck_assert_int_eq(m.need_sessions_scheduled, 1 + 1 + 1);
	ck_assert_double_eq_tol(m.power_goal_pct, 100, 1e-9);
	ck_assert_double_eq_tol(m.learners_complete_pct, 50, 1e-9);   /* L2 only */
	ck_assert_int_eq(m.needs_not_ready, 1);
	ck_assert_int_eq(m.lab_sessions, 2);
	ck_assert_double_eq_tol(m.avg_group_size, 1, 1e-9);
	/* 3 sessions led of 2 facilitators x 2 blocks */
	ck_assert_double_eq_tol(m.facilitator_load_pct, 75, 1e-9);
	metrics_release(&m);
	ts_free(p, &s);
}
END_TEST

START_TEST(output_files_identical_and_replaced_atomically)
{
	struct problem *p = small();
	struct solution s;
	schedule(p, &s);
	s.objective = 385;
	s.bound = 400;
	solution_set_gap(&s);
	char *dir = td_make();
	char *a = xasprintf("%s/a", dir), *b = xasprintf("%s/nested/b", dir);
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(output_write(p, &s, NULL, a, &d), 0);
	ck_assert_int_eq(output_write(p, &s, NULL, b, &d), 0);   /* parents created */
	const char *files[] = { "sessions.csv", "timetable.csv", "unmet.csv", "summary.csv" };
	for (int i = 0; i < 4; i++) {
		char *x = td_read(a, files[i]), *y = td_read(b, files[i]);
		ck_assert_ptr_nonnull(x);
		ck_assert_str_eq(x, y);
		free(x);
		free(y);
	}
	char *sessions = td_read(a, "sessions.csv");
	ck_assert_str_eq(sessions,
			 "session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
			 "S0001,S0001,workshop,G,B1,R1,F1,1\n"
			 "S0002,S0002,lab,,B1,R2,F2,1\n"
			 "S0003,S0003,lab,,B2,R1,F2,2\n");
	free(sessions);
	char *unmet = td_read(a, "unmet.csv");
	ck_assert_ptr_nonnull(strstr(unmet, "L1,need,G,1,2,1,"));
	ck_assert_ptr_nonnull(strstr(unmet, "L2,need,G,3,1,0,prerequisite\n"));
	free(unmet);
	char *summary = td_read(a, "summary.csv");
	ck_assert_ptr_nonnull(strstr(summary, "gap,0.037500\n"));
	free(summary);

	/* an earlier output is replaced whole; no temporary stays beside it */
	td_write(a, "extra.txt", "x");
	ck_assert_int_eq(output_write(p, &s, NULL, a, &d), 0);
	char *extra = xasprintf("%s/extra.txt", a);
	ck_assert_int_ne(access(extra, F_OK), 0);
	free(extra);
	char *cmd = xasprintf("ls %s | grep -c tmp- >/dev/null", dir);
	ck_assert_int_ne(system(cmd), 0);
	free(cmd);

	/* an unrelated, non-empty directory is never replaced */
	char *other = xasprintf("%s/other", dir);
	mkdir(other, 0755);
	td_write(other, "thesis.txt", "precious");
	ck_assert_int_eq(output_write(p, &s, NULL, other, &d), -1);
	ck_assert(diag_contains(&d, "is not an mclsched output directory"));
	char *keep = td_read(other, "thesis.txt");
	ck_assert_str_eq(keep, "precious");
	free(keep);

	free(other);
	free(a);
	free(b);
	td_remove(dir);
	diag_release(&d);
	ts_free(p, &s);
}
END_TEST

START_TEST(output_infeasible_writes_diagnosis)
{
	struct written w;
	written_begin(&w, small());
	solution_init(&w.s, w.p);
	w.s.status = SOLVE_INFEASIBLE;
	w.s.diagnosis = xstrdup("block 'B1': short by 3 seats\n");
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *diagnosis = td_read(w.o, "diagnosis.txt"), *summary = td_read(w.o, "summary.csv");
	ck_assert_str_eq(diagnosis, "block 'B1': short by 3 seats\n");
	ck_assert_ptr_nonnull(strstr(summary, "status,infeasible\n"));
	ck_assert_ptr_nonnull(strstr(summary, "\nschedule_exists,no\n"));
	ck_assert_ptr_null(td_read(w.o, "sessions.csv"));
	free(diagnosis);
	free(summary);
	written_end(&w);
}
END_TEST

START_TEST(output_reads_back)
{
	struct written w;
	written_small(&w);
	w.s.objective = 425;
	w.s.bound = 425;
	w.s.stopped_by = STOP_TIME_LIMIT;
	solution_set_gap(&w.s);
	struct run_info run = { "9.9-test", 7, 12.5, 0.01 };
	ck_assert_int_eq(written_write(&w, &run), 0);
	struct csv_table t;
	ck_assert_int_eq(csv_table_read(&t, w.o, "timetable.csv", true, &w.d), 1);
	ck_assert_int_eq(t.n_rows, 4);   /* 2 learners x 2 blocks */
	ck_assert_str_eq(t.rows[3][csv_table_col(&t, "session_id")], "S0003");
	/* what each works on: L1 G, then L1's first lab counts toward D; L2's
	 * first lab toward D, its second toward nothing (D wants 1 session) */
	int c_off = csv_table_col(&t, "offering_id");
	ck_assert_int_ge(c_off, 0);
	ck_assert_str_eq(t.rows[0][c_off], "G");
	ck_assert_str_eq(t.rows[1][c_off], "D");
	ck_assert_str_eq(t.rows[2][c_off], "D");
	ck_assert_str_eq(t.rows[3][c_off], "");
	csv_table_release(&t);
	ck_assert_int_eq(csv_table_read(&t, w.o, "summary.csv", true, &w.d), 1);
	const char *names[] = { "status", "objective", "bound", "gap", "solve_seconds", "model",
				"learners", "blocks", "sessions", "need_sessions_wanted",
				"need_sessions_scheduled", "need_sessions_pct", "power_goal_pct",
				"learners_complete_pct", "seminar_enrolled_pct",
				"seminar_first_choice_pct", "avg_group_size", "lab_sessions",
				"facilitator_load_pct", "needs_not_ready", "learners_left_out",
				"learner_days_covered_pct", "min_facilitated_sessions",
				"scenario_name", "mclsched_version", "inputs_sha256", "seed",
				"time_limit", "gap_limit", "stopped_by", "schedule_exists",
				"model_rows",
				"model_columns", "model_nonzeros" };
	int n_names = (int)(sizeof(names) / sizeof(names[0]));
	ck_assert_int_eq(t.n_rows, n_names);
	for (int i = 0; i < n_names; i++)
		ck_assert_str_eq(t.rows[i][0], names[i]);
	ck_assert_str_eq(t.rows[1][1], "425.00");
	ck_assert_str_eq(t.rows[3][1], "0.000000");
	ck_assert_str_eq(t.rows[11][1], "75.00");   /* 3 of 4 need-sessions */
	ck_assert_str_eq(t.rows[20][1], "0");       /* L1, the one placeable, has G */
	ck_assert_str_eq(t.rows[21][1], "100.00");
	ck_assert_str_eq(t.rows[22][1], "1");
	ck_assert_str_eq(t.rows[23][1], "test");
	ck_assert_str_eq(t.rows[24][1], "9.9-test");
	/* p->dir ("test") holds no scenario file: the digest of nothing */
	ck_assert_str_eq(t.rows[25][1],
			 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ck_assert_str_eq(t.rows[26][1], "7");
	ck_assert_str_eq(t.rows[27][1], "12.5");
	ck_assert_str_eq(t.rows[28][1], "0.01");
	ck_assert_str_eq(t.rows[29][1], "time_limit");
	ck_assert_str_eq(t.rows[30][1], "yes");
	csv_table_release(&t);
	ck_assert_int_eq(w.d.n_errors, 0);
	written_end(&w);
}
END_TEST

/* Without a run_info the provenance comes from scenario.conf's values. */
START_TEST(output_provenance_from_config)
{
	struct written w;
	written_begin(&w, small());
	w.p->config.seed = 3;
	w.p->config.time_limit = 60;
	w.p->config.gap = 0.005;
	schedule(w.p, &w.s);
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *summary = td_read(w.o, "summary.csv");
	ck_assert_ptr_nonnull(strstr(summary, "\nseed,3\ntime_limit,60\ngap_limit,0.005\n"
					      "stopped_by,search_done\n"));
	ck_assert_ptr_nonnull(strstr(summary, "\nmclsched_version,\n"));
	free(summary);
	written_end(&w);
}
END_TEST

/* The digest covers the scenario's own files, name, size and bytes, in a
 * fixed order; other files in the directory are not part of it. */
START_TEST(inputs_digest)
{
	char *dir = td_make();
	char hex[DIGEST_HEX_LEN + 1], again[DIGEST_HEX_LEN + 1];
	td_write(dir, "scenario.conf", "model = workshop\n");
	td_write(dir, "blocks.csv", "block_id\n");
	ck_assert(digest_scenario(dir, hex));
	/* sha256 of "scenario.conf\0" "17\0" "model = workshop\n" "blocks.csv\0"
	 * "9\0" "block_id\n", worked out with sha256sum */
	ck_assert_str_eq(hex, "0bcca72c0c8f057fcb23f491da02fde1fa0e06716723b505474a9c2f7b39cc04");
	td_write(dir, "README.md", "notes\n");
	ck_assert(digest_scenario(dir, again));
	ck_assert_str_eq(again, hex);
	td_write(dir, "blocks.csv", "block_id\r\n");
	ck_assert(digest_scenario(dir, again));
	ck_assert_str_ne(again, hex);
	td_remove(dir);
}
END_TEST

/* Spreadsheet-safe text: formula-like text cells get an apostrophe (inside
 * the quotes when quoted), numbers and plain text do not. */
START_TEST(csv_cells_are_spreadsheet_safe)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	const char *cells[] = { "=SUM(A1)", "+1", "-x", "@me", "\tx", "\rx", "a=b", "-1,5", "" };
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		csv_out_text(f, cells[i]);
		fputc('|', f);
	}
	fclose(f);
	ck_assert_str_eq(buf, "'=SUM(A1)|'+1|'-x|'@me|'\tx|\"'\rx\"|a=b|\"'-1,5\"||");
	free(buf);
	ck_assert_str_eq(csv_out_untext("'-x"), "-x");
	ck_assert_str_eq(csv_out_untext("'x"), "'x");
	ck_assert_str_eq(csv_out_untext("x"), "x");

	/* in a written file: a formula-like scenario name and id */
	struct written w;
	written_begin(&w, small());
	free(w.p->config.name);
	w.p->config.name = xstrdup("=HYPERLINK(\"http://x\")");
	free(w.p->learners[0].id);
	w.p->learners[0].id = xstrdup("-L1");
	schedule(w.p, &w.s);
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *summary = td_read(w.o, "summary.csv"), *tt = td_read(w.o, "timetable.csv");
	ck_assert_ptr_nonnull(strstr(summary, "\nscenario_name,\"'=HYPERLINK(\"\"http://x\"\")\"\n"));
	ck_assert_ptr_nonnull(strstr(tt, "\n'-L1,B1,S0001,G\n"));
	free(summary);
	free(tt);
	written_end(&w);
}
END_TEST

/* Lists dir's entries whose name contains needle, one a line. */
static int count_entries(const char *dir, const char *needle)
{
	char *cmd = xasprintf("ls -a %s | grep -c -- '%s'", dir, needle);
	FILE *f = popen(cmd, "r");
	int n = -1;
	ck_assert_int_eq(fscanf(f, "%d", &n), 1);
	pclose(f);
	free(cmd);
	return n;
}

START_TEST(failed_write_leaves_nothing)
{
	struct written w;
	written_small(&w);
	/* files may not grow past 64 bytes: sessions.csv fails half-way (this
	 * test runs in its own process) */
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit old, rl;
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	rl = old;
	rl.rlim_cur = 64;   /* the hard limit stays, so the old one can return */
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	int rc = written_write(&w, NULL);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	ck_assert_int_eq(rc, -1);
	ck_assert(diag_contains(&w.d, "sessions.csv: cannot write: File too large"));
	ck_assert_int_ne(access(w.o, F_OK), 0);
	ck_assert_int_eq(count_entries(w.dir, "tmp-"), 0);
	written_end(&w);
}
END_TEST

/* A second signal during a write (output_abort, raised by the program's
 * handler) removes the temporary directory and leaves the previous output
 * exactly as it was. */
START_TEST(abort_leaves_previous_output)
{
	struct written w;
	written_small(&w);
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *before = td_read(w.o, "timetable.csv");
	ck_assert_ptr_nonnull(before);
	*solution_attend(&w.s, 0, 0) = -1;   /* a different schedule */
	solution_recount(&w.s);
	output_abort = 1;
	int rc = written_write(&w, NULL);
	output_abort = 0;
	ck_assert_int_eq(rc, -1);
	ck_assert(diag_contains(&w.d, "nothing written, the previous output is untouched"));
	ck_assert_int_eq(output_writing, 0);
	char *after = td_read(w.o, "timetable.csv");
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(count_entries(w.dir, "tmp-"), 0);
	ck_assert_int_eq(count_entries(w.dir, "old-"), 0);
	free(before);
	free(after);
	written_end(&w);
}
END_TEST

START_TEST(missing_parent_is_created_and_a_file_is_refused)
{
	struct written w;
	written_small(&w);
	td_write(w.dir, "o", "x");
	ck_assert_int_eq(written_write(&w, NULL), -1);
	ck_assert(diag_contains(&w.d, "exists and is not a directory"));
	written_end(&w);
}
END_TEST

START_TEST(power_goal_group_shares_section_id)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_POWER_GOAL);
	tb_block(tb, "B1", BLOCK_WORKSHOP);
	tb_block(tb, "B2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G", 1, 25, 2);
	int f = tb_facilitator(tb, "F");
	tb_level(tb, f, g, LEVEL_ABLE);
	tb_room(tb, "R", 30, NULL);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, g, 1, 2);
	struct written w;
	written_begin(&w, tb_finish(tb));
	solution_init(&w.s, w.p);
	/* added in reverse block order: the section's id is still its first
	 * session in canonical (time) order */
	struct session w2 = { SESSION_WORKSHOP, g, 1, 0, f, 0, 0 };
	struct session w1 = { SESSION_WORKSHOP, g, 0, 0, f, 0, 0 };
	int b = solution_add_session(&w.s, &w2), a = solution_add_session(&w.s, &w1);
	w.s.sessions[b].section = b;
	w.s.sessions[a].section = b;
	*solution_attend(&w.s, l, 0) = a;
	*solution_attend(&w.s, l, 1) = b;
	solution_recount(&w.s);
	w.s.status = SOLVE_OPTIMAL;
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *sessions = td_read(w.o, "sessions.csv");
	ck_assert_str_eq(sessions,
			 "session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n"
			 "S0001,S0001,workshop,G,B1,R,F,1\n"
			 "S0002,S0001,workshop,G,B2,R,F,1\n");
	free(sessions);
	written_end(&w);
}
END_TEST

START_TEST(wrong_session_size_is_an_internal_error)
{
	struct written w;
	written_small(&w);
	w.s.sessions[0].size = 7;
	ck_assert_int_eq(written_write(&w, NULL), -1);
	ck_assert(diag_contains(&w.d, "records 7 learners but 1 attend it"));
	ck_assert_int_ne(access(w.o, F_OK), 0);
	ck_assert_int_eq(count_entries(w.dir, "tmp-"), 0);
	written_end(&w);
}
END_TEST

/*
 * One block B1 (workshop, areas: Math) and B2 (seminar); combination model.
 * L1 needs: NF (no facilitator), NR (needs a "kiln" no room has), G (P1,
 * got it in B1: complete), H (P2: B1 taken by G -> conflict).  L2 needs G
 * (sessions 2, got 1 -> capacity: B1 is not taken... it is: conflict too),
 * so L2 is away from nothing and gets lab in B2 instead.  Choices: L1 SA
 * ineligible, L2 SA (enrolled), SB (limit), L3 SB (capacity).
 */
/*
 * A combination school whose schedule leaves a need or choice unmet for
 * every reason: workshops, seminar, labs with and without credit.
 */
static struct problem *every_reason(struct solution *s)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_COMBINATION);
	int math = tb_area(tb, "Math");
	int b1 = tb_block(tb, "B1", BLOCK_WORKSHOP), b2 = tb_block(tb, "B2", BLOCK_SEMINAR);
	int b3 = tb_block(tb, "B3", BLOCK_WORKSHOP);
	tb_block_area(tb, b1, math);
	tb_block_area(tb, b3, math);
	int g = tb_goal(tb, "G", 1, 25, 1), h = tb_goal(tb, "H", 1, 25, 1);
	int nf = tb_goal(tb, "NF", 1, 25, 1), nr = tb_goal(tb, "NR", 1, 25, 1);
	int k = tb_goal(tb, "K", 1, 25, 2);
	for (int i = 0; i < 5; i++)
		tb_goal_area(tb, i, math);
	tb_goal_feature(tb, nr, "kiln");
	int f = tb_facilitator(tb, "F"), f2 = tb_facilitator(tb, "F2");
	tb_level(tb, f, g, LEVEL_ABLE);
	tb_level(tb, f, h, LEVEL_ABLE);
	tb_level(tb, f, nr, LEVEL_ABLE);
	tb_level(tb, f, k, LEVEL_ABLE);
	tb_level(tb, f2, nf, LEVEL_ABLE);
	tb_facilitator_unavailable(tb, f2, b1);
	tb_facilitator_unavailable(tb, f2, b3);
	tb_room(tb, "R", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	int sa = tb_seminar(tb, "SA", 1, 1, 20), sb = tb_seminar(tb, "SB", 1, 1, 20);
	tb_seminar_level(tb, f2, sa, LEVEL_ABLE);
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2"), l3 = tb_learner(tb, "L3");
	tb_learner_unavailable(tb, l1, b3);
	tb_need(tb, l1, nf, 3, 1);
	tb_need(tb, l1, nr, 3, 1);
	tb_need(tb, l1, g, 1, 1);
	tb_need(tb, l1, h, 2, 1);
	tb_need(tb, l2, k, 2, 2);
	tb_need_not_ready(tb, l3, g, 1, 1);
	tb_choice(tb, l1, sa, 1, false);
	tb_choice(tb, l2, sa, 1, true);
	tb_choice(tb, l2, sb, 2, true);
	tb_choice(tb, l3, sb, 1, true);
	struct problem *p = tb_finish(tb);
	solution_init(s, p);
	struct session wg = { SESSION_WORKSHOP, g, b1, 0, f, 0, 0 };
	struct session wk = { SESSION_WORKSHOP, k, b3, 0, f, 0, 0 };
	struct session lab1 = { SESSION_LAB, -1, b1, 1, f2, 0, 0 };
	struct session lab3 = { SESSION_LAB, -1, b3, 1, f2, 0, 0 };
	struct session sem = { SESSION_SEMINAR, sa, b2, 0, f2, 0, 0 };
	struct session lab2 = { SESSION_LAB, -1, b2, 1, f, 0, 0 };
	int iwg = solution_add_session(s, &wg), iwk = solution_add_session(s, &wk);
	int il1 = solution_add_session(s, &lab1), il3 = solution_add_session(s, &lab3);
	int isem = solution_add_session(s, &sem), il2 = solution_add_session(s, &lab2);
	*solution_attend(s, l1, b1) = iwg;
	*solution_attend(s, l1, b2) = il2;
	*solution_attend(s, l2, b1) = il1;
	*solution_attend(s, l2, b2) = isem;
	*solution_attend(s, l2, b3) = iwk;
	*solution_attend(s, l3, b1) = il1;
	*solution_attend(s, l3, b2) = il2;
	*solution_attend(s, l3, b3) = il3;
	solution_recount(s);
	s->status = SOLVE_FEASIBLE;
	return p;
}

START_TEST(unmet_reasons)
{
	struct written w;
	written_begin(&w, every_reason(&w.s));
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *unmet = td_read(w.o, "unmet.csv");
	ck_assert_str_eq(unmet,
			 "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n"
			 "L1,need,NF,3,1,0,no_facilitator\n"
			 "L1,need,NR,3,1,0,no_room\n"
			 "L1,need,H,2,1,0,conflict\n"
			 "L1,choice,SA,1,1,0,ineligible\n"
			 "L2,need,K,2,2,1,capacity\n"
			 "L2,choice,SB,2,1,0,limit\n"
			 "L3,need,G,1,1,0,prerequisite\n"
			 "L3,choice,SB,1,1,0,capacity\n");
	free(unmet);
	written_end(&w);
}
END_TEST

/* The row set written as CSV and read back through the one reader gives
 * the same rows, resolved against the problem or not. */
START_TEST(rows_round_trip)
{
	struct solution s;
	struct problem *p = every_reason(&s);
	s.objective = 123.5;
	s.bound = 130;
	solution_set_gap(&s);
	struct metrics m;
	metrics_compute(p, &s, &m);
	struct run_info run = { "=1+1", 3, 60, 0.005 };
	struct rowset built, read, bare;
	struct diag d;
	diag_init(&d);
	ck_assert_int_eq(rowset_build(&built, p, &s, &m, &run, &d), 0);
	ck_assert_int_gt(built.n_sessions, 0);
	ck_assert_int_gt(built.n_unmet, 0);
	char *dir = td_make();
	ck_assert_int_eq(output_write_csv(&built, dir, &d), 0);
	ck_assert_int_eq(rowset_read(&read, dir, p, &d), 0);
	ck_assert_int_eq(d.n_errors, 0);
	const char *why = rowset_diff(&built, &read);
	ck_assert_msg(why == NULL, "read back: %s", why);
	ck_assert_str_eq(rowset_metric(&read, "mclsched_version"), "=1+1");   /* guard undone */
	/* without the problem: the same ids and numbers, no indexes */
	ck_assert_int_eq(rowset_read(&bare, dir, NULL, &d), 0);
	ck_assert_int_eq(bare.n_slots, built.n_slots);
	ck_assert_str_eq(bare.slots[0].offering_id, built.slots[0].offering_id);
	ck_assert_int_eq(bare.slots[0].learner, -1);
	/* and the comparison can fail: one reason changed is a difference */
	free(read.unmet[0].reason);
	read.unmet[0].reason = xstrdup("limit");
	ck_assert_ptr_nonnull(rowset_diff(&built, &read));
	rowset_release(&bare);
	rowset_release(&read);
	rowset_release(&built);
	metrics_release(&m);
	td_remove(dir);
	diag_release(&d);
	ts_free(p, &s);
}
END_TEST

/* Under the workshop model no seminar runs: choices are not listed as unmet. */
START_TEST(no_choice_rows_without_seminar_blocks)
{
	struct builder *tb = tb_new();
	tb_model(tb, MODEL_WORKSHOP);
	int b = tb_block(tb, "B1", BLOCK_WORKSHOP);
	tb_block(tb, "B2", BLOCK_SEMINAR);
	int g = tb_goal(tb, "G", 1, 25, 1);
	int f = tb_facilitator(tb, "F");
	tb_level(tb, f, g, LEVEL_ABLE);
	tb_room(tb, "R", 30, NULL);
	int sa = tb_seminar(tb, "SA", 1, 1, 20);
	int l = tb_learner(tb, "L");
	tb_need(tb, l, g, 1, 1);
	tb_choice(tb, l, sa, 1, true);
	struct written w;
	written_begin(&w, tb_finish(tb));
	solution_init(&w.s, w.p);
	struct session ws = { SESSION_WORKSHOP, g, b, 0, f, 0, 0 };
	*solution_attend(&w.s, l, b) = solution_add_session(&w.s, &ws);
	solution_recount(&w.s);
	w.s.status = SOLVE_OPTIMAL;
	ck_assert_int_eq(written_write(&w, NULL), 0);
	char *unmet = td_read(w.o, "unmet.csv");
	ck_assert_str_eq(unmet, "learner_id,kind,offering_id,priority,wanted,scheduled,reason\n");
	free(unmet);
	/* the combination model runs seminars: the unmet choice is listed */
	w.p->config.model = MODEL_COMBINATION;
	*solution_attend(&w.s, l, 1) = -1;
	ck_assert_int_eq(written_write(&w, NULL), 0);
	unmet = td_read(w.o, "unmet.csv");
	ck_assert_ptr_nonnull(strstr(unmet, "\nL,choice,SA,1,1,0,capacity\n"));
	free(unmet);
	written_end(&w);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("output");
	TCase *tm = tcase_create("metrics"), *to = tcase_create("output");
	tcase_add_test(tm, metrics_by_hand);
	tcase_add_test(to, output_files_identical_and_replaced_atomically);
	tcase_add_test(to, output_infeasible_writes_diagnosis);
	tcase_add_test(to, output_reads_back);
	tcase_add_test(to, output_provenance_from_config);
	tcase_add_test(to, inputs_digest);
	tcase_add_test(to, csv_cells_are_spreadsheet_safe);
	tcase_add_test(to, failed_write_leaves_nothing);
	tcase_add_test(to, abort_leaves_previous_output);
	tcase_add_test(to, missing_parent_is_created_and_a_file_is_refused);
	tcase_add_test(to, power_goal_group_shares_section_id);
	tcase_add_test(to, wrong_session_size_is_an_internal_error);
	tcase_add_test(to, unmet_reasons);
	tcase_add_test(to, rows_round_trip);
	tcase_add_test(to, no_choice_rows_without_seminar_blocks);
	suite_add_tcase(s, tm);
	suite_add_tcase(s, to);
	return run_suite(s);
}
