/*
 * report_people.c - the parts of report.html about people and places: a
 * grid per facilitator and per room (a column per day, a row per block of
 * the day), a page per learning coach, and a timetable per learner.
 *
 * A learner's timetable is one table row per scheduled block (when, what
 * they work on, room, facilitator) and then what stays unmet and why; it is
 * sized to print on one page.  "What they work on" is the workshop's goal,
 * the seminar, or for a lab the online goal that lab counts toward, credited
 * in time order by objective_lab_credit_in as timetable.csv does.
 */
#include "report_view.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "outputs/html.h"

/* Who leads / which room holds what in each block: the session index, or
 * -1; [who * n_blocks + b]. */
static int *session_table(const struct report_view *v, int n, bool by_room)
{
	const struct problem *p = v->p;
	size_t size = (size_t)n * (size_t)p->n_blocks + 1;
	int *at = xmalloc(sizeof(int) * size);
	for (size_t i = 0; i < size; i++)
		at[i] = -1;
	for (size_t i = 0; i < v->s->n_sessions; i++) {
		const struct session *ss = &v->s->sessions[i];
		int who = by_room ? ss->room : ss->facilitator;
		at[(long)who * p->n_blocks + ss->block] = (int)i;
	}
	return at;
}

/* The session's offering in words: goal title, "Seminar: title" or "Lab". */
static void session_what(FILE *f, const struct problem *p, const struct session *ss)
{
	if (ss->kind == SESSION_WORKSHOP)
		html_text(f, report_goal_title(p, ss->offering));
	else if (ss->kind == SESSION_SEMINAR)
		html_printf(f, "Seminar: %s", report_seminar_title(p, ss->offering));
	else
		fputs("Lab", f);
}

/*
 * One grid: a column per day, a row per block of the day.  at gives the
 * session in each block, away[b] whether the person or room is out, and
 * by_room whether the cell names the facilitator (room grid) or the room.
 */
static void grid(FILE *f, const struct report_view *v, const int *at, const bool *away,
		 bool by_room, const char *who)
{
	const struct problem *p = v->p;
	char *label = xasprintf("%s: the week", who);
	html_scroll_open(f, label);
	free(label);
	fputs("<table class=\"grid\"><thead><tr><th scope=\"col\">Block</th>", f);
	for (int d = 0; d < p->n_days; d++)
		for (int k = 0; k < v->n_slots; k++) {
			int b = report_view_cell(v, d, k);
			if (b >= 0) {
				html_printf(f, "<th scope=\"col\">%s</th>", p->blocks[b].day);
				break;
			}
		}
	fputs("</tr></thead><tbody>\n", f);
	for (int k = 0; k < v->n_slots; k++) {
		fprintf(f, "<tr><th scope=\"row\">%d</th>", k + 1);
		for (int d = 0; d < p->n_days; d++) {
			int b = report_view_cell(v, d, k);
			if (b < 0) {
				fputs("<td></td>", f);
				continue;
			}
			fputs(at[b] < 0 ? "<td class=\"free\"><small>" : "<td><small>", f);
			html_clock(f, p->blocks[b].start);
			fputs("</small> ", f);
			if (away[b]) {
				fputs(by_room ? "<span class=\"away\">closed</span></td>"
					      : "<span class=\"away\">away</span></td>", f);
				continue;
			}
			if (at[b] < 0) {
				fputs("free</td>", f);
				continue;
			}
			const struct session *ss = &v->s->sessions[at[b]];
			session_what(f, p, ss);
			html_printf(f, "<br>%s &middot; %d learners</td>",
				    by_room ? report_facilitator_name(p, ss->facilitator)
					    : report_room_name(p, ss->room),
				    ss->size);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>\n", f);
}

void report_write_grids(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	int *at = session_table(v, p->n_facilitators, false);
	fputs("<section id=\"facilitators\" class=\"page\"><h2>Facilitators</h2>\n"
	      "<p>Each facilitator's week: a column per day, a row per block of the day.</p>\n", f);
	for (int i = 0; i < p->n_facilitators; i++) {
		const int *row = at + (long)i * p->n_blocks;
		int led = 0;
		for (int b = 0; b < p->n_blocks; b++)
			led += row[b] >= 0;
		html_printf(f, "<div class=\"who\" id=\"f-%s\"><h3>%s <small>%s</small></h3>"
			    "<p class=\"meta\">Leads %d sessions (at most %d).</p>\n",
			    p->facilitators[i].id, report_facilitator_name(p, i),
			    p->facilitators[i].id, led, p->facilitators[i].max_sessions);
		grid(f, v, row, p->facilitators[i].unavailable, false,
		     report_facilitator_name(p, i));
		fputs("</div>\n", f);
	}
	fputs("</section>\n", f);
	free(at);

	at = session_table(v, p->n_rooms, true);
	fputs("<section id=\"rooms\" class=\"page\"><h2>Rooms</h2>\n", f);
	for (int r = 0; r < p->n_rooms; r++) {
		html_printf(f, "<div class=\"who\" id=\"r-%s\"><h3>%s <small>%s, %d seats</small></h3>\n",
			    p->rooms[r].id, report_room_name(p, r), p->rooms[r].id,
			    p->rooms[r].capacity);
		grid(f, v, at + (long)r * p->n_blocks, p->rooms[r].unavailable, true,
		     report_room_name(p, r));
		fputs("</div>\n", f);
	}
	fputs("</section>\n", f);
	free(at);
}

/* The coach's name: the facilitator's when coach_id is a facilitator id. */
static const char *coach_name(const struct problem *p, const char *coach_id)
{
	int f = problem_find_facilitator(p, coach_id);
	return f >= 0 ? report_facilitator_name(p, f) : coach_id;
}

static void coach_page(FILE *f, const struct report_view *v, const char *coach_id)
{
	const struct problem *p = v->p;
	if (*coach_id)
		html_printf(f, "<section class=\"coach\"><h3>Learning coach: %s <small>%s</small></h3>\n",
			    coach_name(p, coach_id), coach_id);
	else
		fputs("<section class=\"coach\"><h3>Learners with no coach given</h3>\n", f);
	html_scroll_open(f, *coach_id ? coach_name(p, coach_id) : "Learners with no coach");
	fputs("<table><thead><tr><th>Learner</th><th>Workshops and seminar "
	      "meetings</th><th>Need-sessions scheduled</th><th>Unmet needs and choices</th></tr>"
	      "</thead><tbody>\n", f);
	for (int l = 0; l < p->n_learners; l++) {
		if (strcmp(p->learners[l].coach_id, coach_id))
			continue;
		html_printf(f, "<tr><td><a href=\"#l-%s\">%s</a> <small>%s</small></td>"
			    "<td class=\"num\">%d</td><td class=\"num\">%ld of %ld</td>"
			    "<td class=\"num\">%d</td></tr>\n", p->learners[l].id,
			    report_learner_name(p, l), p->learners[l].id, v->facilitated[l],
			    v->met[l], v->wanted[l], v->unmet_start[l + 1] - v->unmet_start[l]);
	}
	fputs("</tbody></table></div></section>\n", f);
}

void report_write_coaches(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	fputs("<section id=\"coaches\" class=\"page\"><h2>Learning coaches</h2>\n", f);
	bool any = false, none = false;
	for (int l = 0; l < p->n_learners; l++) {
		const char *c = p->learners[l].coach_id;
		any |= *c != '\0';
		none |= *c == '\0';
		int first = 0;
		while (strcmp(p->learners[first].coach_id, c))
			first++;
		if (first == l && *c)
			coach_page(f, v, c);
	}
	if (!any)
		fputs("<p>learners.csv gives no <code>coach_id</code>, so there are no coach "
		      "pages.</p>\n", f);
	else if (none)
		coach_page(f, v, "");
	fputs("</section>\n", f);
}

/* Block b's row of learner l's timetable; labs counts the learner's labs so
 * far (for the lab credit). */
static void timetable_row(FILE *f, const struct report_view *v, int l, int b, int *labs)
{
	const struct problem *p = v->p;
	fputs("<tr><td>", f);
	report_when(f, p, b);
	if (p->learners[l].unavailable[b]) {
		fputs("</td><td colspan=\"3\" class=\"away\">away (not in school)</td></tr>\n", f);
		return;
	}
	int si = solution_attend_at(v->s, l, b);
	if (si < 0) {
		fputs("</td><td colspan=\"3\">no session</td></tr>\n", f);
		return;
	}
	const struct session *ss = &v->s->sessions[si];
	fputs("</td><td>", f);
	if (ss->kind == SESSION_LAB) {
		int q = objective_lab_credit_in(p, v->s, l, (*labs)++);
		if (q >= 0)
			html_printf(f, "Lab: %s", report_goal_title(p, p->needs[q].goal));
		else
			fputs("Lab: own study", f);
	} else {
		session_what(f, p, ss);
	}
	html_printf(f, "</td><td>%s</td><td>%s</td></tr>\n", report_room_name(p, ss->room),
		    report_facilitator_name(p, ss->facilitator));
}

static void learner_page(FILE *f, const struct report_view *v, int l)
{
	const struct problem *p = v->p;
	const struct learner *lr = &p->learners[l];
	html_printf(f, "<section class=\"lrn\" id=\"l-%s\" data-k=\"%s %s\"><h3>%s <small>%s</small>"
		    "</h3>\n<p class=\"meta\">", lr->id, lr->id, lr->name, report_learner_name(p, l),
		    lr->id);
	if (*lr->coach_id)
		html_printf(f, "Learning coach: %s &middot; ", coach_name(p, lr->coach_id));
	html_printf(f, "%d workshops and seminar meetings &middot; need-sessions scheduled: "
		    "%ld of %ld</p>\n<table><thead><tr><th>When</th><th>Works on</th><th>Room</th>"
		    "<th>Facilitator</th></tr></thead><tbody>\n", v->facilitated[l], v->met[l],
		    v->wanted[l]);
	int labs = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (problem_block_scheduled(p, b))
			timetable_row(f, v, l, b, &labs);
	fputs("</tbody></table>\n", f);
	if (v->unmet_start[l] == v->unmet_start[l + 1]) {
		fputs("<p>Every need and seminar choice is met.</p></section>\n", f);
		return;
	}
	fputs("<h4>Not scheduled in full</h4><ul>\n", f);
	for (int i = v->unmet_start[l]; i < v->unmet_start[l + 1]; i++) {
		const struct rowset_unmet *u = &v->unmet[i];
		if (u->choice)
			html_printf(f, "<li>Seminar: %s (choice %d): not enrolled: ",
				    report_seminar_title(p, u->offering), u->priority);
		else
			html_printf(f, "<li>%s (priority %d): %d of %d sessions: ",
				    report_goal_title(p, u->offering), u->priority, u->scheduled,
				    u->wanted);
		html_printf(f, "%s</li>\n", report_reason_short(u->reason));
	}
	fputs("</ul></section>\n", f);
}

void report_write_learners(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	fputs("<section id=\"learners\" class=\"page\"><h2>Learners' timetables</h2>\n"
	      "<div class=\"find noprint\"><input id=\"find\" type=\"search\" "
	      "placeholder=\"Find a learner by id or name\" aria-label=\"Find a learner by id or name\">"
	      "<span id=\"found\"></span><button id=\"printl\" type=\"button\">Print the learners' "
	      "timetables</button></div>\n", f);
	for (int l = 0; l < p->n_learners; l++)
		learner_page(f, v, l);
	fputs("</section>\n", f);
}
