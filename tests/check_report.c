/*
 * check_report.c - report.html's building blocks on hand-built schedules:
 * escaping, html_printf's conversions, chart labels cut at a character
 * boundary, a learner's timetable row per block (goal title, lab credit,
 * room and facilitator names), unmet reasons in words, and the page for a
 * run without a schedule.  (What a browser shows: tests/cli/report.sh.)
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "outputs/html.h"
#include "outputs/report.h"
#include "outputs/svg_chart.h"
#include "tests/support/builder.h"
#include "tests/support/run_suite.h"
#include "tests/support/solving.h"

/* What write(f) printed, as a fresh string. */
#define CAPTURE(buf, call)                                      \
	do {                                                    \
		size_t len_;                                    \
		FILE *f = open_memstream(&(buf), &len_);        \
		ck_assert_ptr_nonnull(f);                       \
		call;                                           \
		fclose(f);                                      \
	} while (0)

static void set_text(char **field, const char *text)
{
	free(*field);
	*field = xstrdup(text);
}

START_TEST(text_is_escaped)
{
	char *out;
	CAPTURE(out, html_text(f, "<script>alert('x') & \"y\"</script>"));
	ck_assert_str_eq(out, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
	free(out);
	CAPTURE(out, html_printf(f, "<td class=\"%s\">%d %ld %.2f %g %zu %% %s</td>", "a\"b", -3,
				 12345678901L, 2.005, 0.5, (size_t)7, "<b>"));
	ck_assert_str_eq(out, "<td class=\"a&quot;b\">-3 12345678901 2.00 0.5 7 % &lt;b&gt;</td>");
	free(out);
	CAPTURE(out, html_clock(f, 8 * 60 + 5));
	ck_assert_str_eq(out, "08:05");
	free(out);
}
END_TEST

START_TEST(chart_labels_are_cut_between_characters)
{
	/* 20 two-byte characters: the cut must not split one */
	char label[64] = "";
	for (int i = 0; i < 20; i++)
		strcat(label, "\xC3\xA9");
	struct svg_part rows[] = { { label, 3, 4 }, { "<none>", 0, 0 } };
	char *out;
	CAPTURE(out, svg_part_bars(f, "t", rows, 2));
	ck_assert_ptr_nonnull(strstr(out, ">\xC3\xA9\xC3\xA9"));
	/* 27 bytes kept at most, cut back to 26: 13 characters and the ellipsis */
	char want[64] = ">";
	for (int i = 0; i < 13; i++)
		strcat(want, "\xC3\xA9");
	strcat(want, "\xE2\x80\xA6</text>");
	ck_assert_ptr_nonnull(strstr(out, want));
	ck_assert_ptr_nonnull(strstr(out, "75.0% (3 of 4)"));
	ck_assert_ptr_nonnull(strstr(out, ">&lt;none&gt;<"));
	ck_assert_ptr_nonnull(strstr(out, ">none</text>"));
	free(out);
}
END_TEST

/*
 * Two workshop blocks on Mon; goal G "Fractions" (sessions 2) led by F1 "Ms
 * <Lee>" in R1 "Room 1"; online goal D "Typing"; L1 (named with a script
 * tag) needs G at priority 1 and D at priority 2; L2 needs D.
 */
static struct problem *school(void)
{
	struct builder *tb = tb_new();
	int l1 = tb_learner(tb, "L1"), l2 = tb_learner(tb, "L2");
	tb_room(tb, "R1", 30, NULL);
	tb_room(tb, "R2", 30, NULL);
	int f1 = tb_facilitator(tb, "F1");
	tb_facilitator(tb, "F2");
	tb_block(tb, "B1", BLOCK_WORKSHOP);
	tb_block(tb, "B2", BLOCK_WORKSHOP);
	int g = tb_goal(tb, "G", 1, 25, 2), dg = tb_goal(tb, "D", 1, 40, 1);
	tb_goal_online(tb, dg);
	tb_level(tb, f1, g, LEVEL_GURU);
	tb_need(tb, l1, g, 1, 2);
	tb_need(tb, l1, dg, 2, 1);
	tb_need(tb, l2, dg, 4, 1);
	struct problem *p = tb_finish(tb);
	p->blocks[0].start = 8 * 60 + 30;
	p->blocks[0].end = 9 * 60 + 20;
	set_text(&p->learners[0].name, "<script>alert(1)</script>");
	set_text(&p->learners[1].name, "=HYPERLINK(\"x\")");
	set_text(&p->learners[0].coach_id, "F1");
	set_text(&p->facilitators[0].name, "Ms <Lee>");
	set_text(&p->rooms[0].name, "Room 1");
	set_text(&p->goals[0].title, "Fractions");
	set_text(&p->goals[1].title, "Typing");
	return p;
}

/* Opens a session of kind in block, room and facilitator (offering -1 for
 * a lab) and seats the learners listed before -1. */
static void seat(struct solution *s, enum session_kind kind, int offering, int block, int room,
		 int facilitator, const int *learners)
{
	struct session ss = { kind, offering, block, room, facilitator, 0, 0 };
	int i = solution_add_session(s, &ss);
	for (; *learners >= 0; learners++)
		*solution_attend(s, *learners, block) = i;
}

/* B1: Fractions (F1, Room 1) for L1, a lab (F2, R2) for L2; B2: one lab
 * (F2, Room 1) for both.  Scored 300 of a bound of 400. */
static void schedule(const struct problem *p, struct solution *s)
{
	solution_init(s, p);
	seat(s, SESSION_WORKSHOP, 0, 0, 0, 0, (const int[]){ 0, -1 });
	seat(s, SESSION_LAB, -1, 0, 1, 1, (const int[]){ 1, -1 });
	seat(s, SESSION_LAB, -1, 1, 0, 1, (const int[]){ 0, 1, -1 });
	solution_recount(s);
	s->status = SOLVE_FEASIBLE;
	s->objective = 300;
	s->bound = 400;
	solution_set_gap(s);
}

/* report.html of schedule s, as a fresh string. */
static char *render(const struct problem *p, const struct solution *s)
{
	struct metrics m;
	metrics_compute(p, s, &m);
	struct run_info run = { "9.9", 1, 60, 0.005 };
	struct rowset rs;
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(rowset_build(&rs, p, s, &m, &run, &d), 0);
	diag_release(&d);
	char *out;
	CAPTURE(out, report_write(f, p, s, &m, &rs, &run));
	rowset_release(&rs);
	metrics_release(&m);
	return out;
}

START_TEST(learner_timetable_and_unmet)
{
	struct problem *p = school();
	struct solution s;
	schedule(p, &s);
	char *out = render(p, &s);
	ck_assert_ptr_null(strstr(out, "<script>alert"));
	ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; <small>L1</small>"));
	ck_assert_ptr_nonnull(strstr(out, "=HYPERLINK(&quot;x&quot;) <small>L2</small>"));
	/* L1: the workshop, then the lab credited to Typing */
	ck_assert_ptr_nonnull(strstr(out, "<tr><td>Mon 08:30\xE2\x80\x93" "09:20</td><td>Fractions</td>"
					  "<td>Room 1</td><td>Ms &lt;Lee&gt;</td></tr>"));
	ck_assert_ptr_nonnull(strstr(out, "<td>Lab: Typing</td><td>Room 1</td><td>F2</td>"));
	/* L1 got 1 of 2 sessions of Fractions; its coach page names F1 */
	ck_assert_ptr_nonnull(strstr(out, "<li>Fractions (priority 1): 1 of 2 sessions: "));
	ck_assert_ptr_nonnull(strstr(out, "Learning coach: Ms &lt;Lee&gt; <small>F1</small>"));
	/* the bound in words: 300 of at most 400 */
	ck_assert_ptr_nonnull(strstr(out, "within <b>25.00%</b> of the best possible"));
	ck_assert_ptr_nonnull(strstr(out, "<span data-metric=\"need_sessions_pct\">"));
	ck_assert_ptr_nonnull(strstr(out, "</html>\n"));
	free(out);
	ts_free(p, &s);
}
END_TEST

START_TEST(no_schedule_page_shows_the_diagnosis)
{
	struct problem *p = school();
	struct solution s;
	schedule(p, &s);    /* sessions left behind must not show */
	s.status = SOLVE_NO_SOLUTION;
	s.diagnosis = xstrdup("block 'B1': short by 3 seats for <G>\n");
	s.stopped_by = STOP_TIME_LIMIT;
	char *out = render(p, &s);
	/* none found within the limits: not a proof, more time may help */
	ck_assert_ptr_nonnull(strstr(out, "<h2>No schedule was found</h2>"));
	ck_assert_ptr_nonnull(strstr(out, "within its limits (60 seconds)"));
	ck_assert_ptr_nonnull(strstr(out, "a longer <code>--time-limit</code> may find one"));
	ck_assert_ptr_null(strstr(out, "No schedule exists"));
	ck_assert_ptr_nonnull(strstr(out, "short by 3 seats for &lt;G&gt;"));
	ck_assert_ptr_nonnull(strstr(out, "<td data-metric=\"status\">infeasible</td>"));
	ck_assert_ptr_nonnull(strstr(out, "<td data-metric=\"schedule_exists\">unknown</td>"));
	ck_assert_ptr_nonnull(strstr(out, "<td data-metric=\"stopped_by\">time_limit</td>"));
	ck_assert_ptr_null(strstr(out, "class=\"lrn\""));
	free(out);

	/* proven: the diagnosis is the proof, and no time limit helps */
	s.status = SOLVE_INFEASIBLE;
	s.stopped_by = STOP_SEARCH_DONE;
	out = render(p, &s);
	ck_assert_ptr_nonnull(strstr(out, "<h2>No schedule exists</h2>"));
	ck_assert_ptr_nonnull(strstr(out, "mclsched proved that no schedule of this cycle keeps "
					 "the hard rules"));
	ck_assert_ptr_nonnull(strstr(out, "What proves it"));
	ck_assert_ptr_null(strstr(out, "No schedule was found"));
	ck_assert_ptr_null(strstr(out, "--time-limit</code> may find one"));
	ck_assert_ptr_nonnull(strstr(out, "short by 3 seats for &lt;G&gt;"));
	ck_assert_ptr_nonnull(strstr(out, "<td data-metric=\"schedule_exists\">no</td>"));
	free(out);
	ts_free(p, &s);
}
END_TEST

int main(void)
{
	mcl_log_level = LOG_QUIET;
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_test(tc, text_is_escaped);
	tcase_add_test(tc, chart_labels_are_cut_between_characters);
	tcase_add_test(tc, learner_timetable_and_unmet);
	tcase_add_test(tc, no_schedule_page_shows_the_diagnosis);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
