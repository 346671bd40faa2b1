/*
 * report.c - report.html: the page frame, the summary, the charts and the
 * unmet list (report_people.c writes the grids, the coaches' pages and the
 * learners' timetables).
 *
 * One file with everything inline, so that it can be mailed, opened from a
 * USB stick or printed without a server.  The summary shows summary.csv's
 * values formatted as summary.csv writes them (each carries its metric name
 * in data-metric, which the browser test compares with summary.csv).  The
 * script only filters learners by the search box and switches the print
 * layout to "learners' timetables only"; without it the page is complete.
 * Learner pages use content-visibility so that a 1500-learner page opens
 * quickly: the browser lays out only what is on screen.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/model.h"
#include "outputs/changes.h"
#include "outputs/html.h"
#include "outputs/report_view.h"
#include "outputs/svg_chart.h"

static const char style[] =
	":root{--ink:#1d2733;--mute:#5b6776;--line:#d5dce4;--head:#1f3b5a}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
	"color:var(--ink);background:#fff}\n"
	"header{background:var(--head);color:#fff;padding:12px 16px}\n"
	"header h1{margin:0;font-size:1.3em}header p{margin:4px 0 0}\n"
	"nav{display:flex;flex-wrap:wrap;gap:4px 14px;padding:8px 16px;position:sticky;top:0;"
	"background:#fff;border-bottom:1px solid var(--line);z-index:1}\n"
	"nav a,main a{color:#1f5fa8}\n"
	"main{max-width:1100px;margin:0 auto;padding:0 16px 40px}\n"
	"h2{margin:32px 0 10px;border-bottom:2px solid var(--head);padding-bottom:4px}\n"
	"h3{margin:18px 0 6px}h4{margin:10px 0 4px}\n"
	".bound{font-size:1.1em;background:#eef5ec;border-left:4px solid #3d8b3d;padding:8px 12px}\n"
	".kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px}\n"
	".kpi{border:1px solid var(--line);border-radius:6px;padding:8px 10px}\n"
	".kpi .v{display:block;font-size:1.5em;font-weight:600}.kpi.bad .v{color:#c8372d}\n"
	".kpi .n{display:block;color:var(--mute);font-size:.85em}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:18px}\n"
	"figure{margin:0;break-inside:avoid}figcaption{font-weight:600}\n"
	"figure p{margin:2px 0 4px;color:var(--mute);font-size:.85em}\n"
	"svg.chart{width:100%;height:auto;font-size:14px;fill:var(--ink)}\n"
	"svg .bar{fill:#2f6fbf}svg .track{fill:#e6ecf3}svg .alert{fill:#c8372d}"
	"svg .axis{stroke:var(--mute)}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}\n"
	"th{background:#f1f4f8}td.num{text-align:right}\n"
	".scroll{overflow-x:auto}.scroll:focus-visible{outline:2px solid #1f5fa8}"
	".grid td{min-width:120px;font-size:.9em}\n"
	"[id]{scroll-margin-top:3.5em}\n"
	"details.numbers{margin:2px 0 6px;font-size:.9em}details.numbers table{width:auto}\n"
	".free,.away,small{color:var(--mute)}.away{font-style:italic}\n"
	".who{break-inside:avoid}\n"
	"section.lrn{content-visibility:auto;contain-intrinsic-size:auto 760px;"
	"border-top:1px solid var(--line);margin-top:14px}\n"
	"section.lrn h3{font-size:1.3em}.meta{margin:0 0 6px}\n"
	".find{display:flex;flex-wrap:wrap;gap:8px;align-items:center}\n"
	"#find{font-size:1.1em;padding:6px 8px;flex:1 1 240px;max-width:420px}\n"
	"button{font-size:1em;padding:6px 10px}\n"
	"@media screen and (max-width:600px){main{padding:0 10px 30px}[id]{scroll-margin-top:6.5em}\n"
	" section.lrn thead{display:none}section.lrn tr{display:block;padding:4px 0;"
	"border-bottom:1px solid var(--line)}\n"
	" section.lrn td{display:inline;border:0;padding:0}"
	"section.lrn td:first-child{display:block;font-weight:600}\n"
	" section.lrn td+td+td::before{content:' \\b7  '}}\n"
	"@page{margin:12mm}\n"
	"@media print{nav,.noprint{display:none}\n"
	" header{background:none;color:var(--ink);padding:0}body{font-size:9.5pt;line-height:1.3}\n"
	" section.lrn th,section.lrn td{padding:1px 4px}section.lrn h3{margin:0 0 2px}\n"
	" section.lrn h4{margin:6px 0 2px}section.lrn ul{margin:2px 0;padding-left:18px}\n"
	" main{max-width:none;padding:0}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	" .page,section.coach{break-before:page}\n"
	" section.lrn{content-visibility:visible;break-before:page;break-inside:avoid;border:0;"
	"margin:0}\n"
	" body.print-learners header,body.print-learners main>:not(#learners),"
	"body.print-learners #learners>:not(.lrn){display:none}}\n";

/* Search by learner id or name (#find=TEXT in the address fills it), the
 * print button for the learners' timetables (#print-learners in the address
 * selects that print layout too), and #show=ID, which shows that section
 * alone (for a screenshot or a link to one view). */
static const char script[] =
	"(function(){var q=document.getElementById('find'),n=document.getElementById('found'),"
	"ls=document.querySelectorAll('section.lrn');\n"
	"function run(){var v=q.value.trim().toLowerCase(),c=0;"
	"for(var i=0;i<ls.length;i++){var e=ls[i],"
	"h=v!==''&&e.getAttribute('data-k').toLowerCase().indexOf(v)<0;e.hidden=h;if(!h)c++;}"
	"n.textContent=v?c+' of '+ls.length+' learners match':ls.length+' learners';}\n"
	"q.addEventListener('input',run);\n"
	"var m=/^#find=(.*)$/.exec(location.hash);"
	"if(m){try{q.value=decodeURIComponent(m[1]);}catch(x){q.value=m[1];}run();document.getElementById('learners')"
	".scrollIntoView();}else run();\n"
	"var w=/^#show=(.*)$/.exec(location.hash);if(w){var ss=document.querySelectorAll('main>section');"
	"for(var j=0;j<ss.length;j++)ss[j].hidden=ss[j].id!==w[1];}\n"
	"if(location.hash==='#print-learners')document.body.classList.add('print-learners');\n"
	"document.getElementById('printl').addEventListener('click',function(){"
	"document.body.classList.add('print-learners');window.print();});\n"
	"window.addEventListener('afterprint',function(){if(location.hash!=='#print-learners')"
	"document.body.classList.remove('print-learners');});})();\n";

static bool model_has_seminars(const struct problem *p)
{
	return model_row(p)->schedules_seminars;
}

static void write_head(FILE *f, const struct problem *p)
{
	const char *name = p->config.name && *p->config.name ? p->config.name : "Schedule";
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n", f);
	html_printf(f, "<title>%s: the schedule</title>\n<style>\n", name);
	fputs(style, f);
	html_printf(f, "</style></head>\n<body>\n<header><h1>%s</h1>\n", name);
}

/* One KPI box: the value as summary.csv has it (tagged with its metric
 * name), a unit, what it means, and an optional note. */
static void kpi(FILE *f, const char *metric, const char *value, const char *unit,
		const char *label, bool bad)
{
	html_printf(f, "<div class=\"kpi%s\"><span class=\"v\"><span data-metric=\"%s\">%s</span>%s"
		    "</span>%s", bad ? " bad" : "", metric, value, unit, label);
}

static void kpi_pct(FILE *f, const char *metric, double value, const char *label)
{
	char v[32];
	snprintf(v, sizeof(v), "%.2f", value);
	kpi(f, metric, v, "%", label, false);
	fputs("</div>\n", f);
}

static void kpi_count(FILE *f, const char *metric, long value, const char *label, bool bad)
{
	char v[32];
	snprintf(v, sizeof(v), "%ld", value);
	kpi(f, metric, v, "", label, bad);
	fputs("</div>\n", f);
}

static const char *stop_words(enum stop_reason r)
{
	switch (r) {
	case STOP_GAP: return "The search stopped once it was that close (its gap limit).";
	case STOP_TIME_LIMIT: return "The search stopped at its time limit; "
				     "more time may find a better schedule.";
	case STOP_INTERRUPT: return "The search was interrupted; this is the best schedule "
				    "found until then.";
	case STOP_SEARCH_DONE: break;
	}
	return "The search had nothing left to try.";
}

/* The run's details, each tagged with its summary.csv metric. */
static void run_details(FILE *f, const struct problem *p, const struct solution *s,
			const struct run_info *run, bool have)
{
	fputs("<h3>About this run</h3>\n", f);
	html_scroll_open(f, "About this run");
	fputs("<table>\n", f);
	html_printf(f, "<tr><th>Status</th><td data-metric=\"status\">%s</td></tr>\n",
		    solution_status_name(s->status));
	if (have) {
		fprintf(f, "<tr><th>Score (objective)</th><td data-metric=\"objective\">%.2f</td></tr>\n"
			"<tr><th>Proven bound: no schedule scores more</th>"
			"<td data-metric=\"bound\">%.2f</td></tr>\n"
			"<tr><th>Gap to the bound</th><td data-metric=\"gap\">%.6f</td></tr>\n",
			s->objective, s->bound, s->gap);
	}
	html_printf(f, "<tr><th>What ended the search</th><td data-metric=\"stopped_by\">%s"
		    "</td></tr>\n", solution_stop_name(s->stopped_by));
	html_printf(f, "<tr><th>Does a schedule exist</th><td data-metric=\"schedule_exists\">%s"
		    "</td></tr>\n", solution_exists_name(s->status));
	fprintf(f, "<tr><th>Solve time (seconds)</th><td data-metric=\"solve_seconds\">%.2f</td></tr>\n",
		s->solve_seconds);
	html_printf(f, "<tr><th>Model</th><td data-metric=\"model\">%s</td></tr>\n"
		    "<tr><th>Scenario name</th><td data-metric=\"scenario_name\">%s</td></tr>\n"
		    "<tr><th>mclsched version</th><td data-metric=\"mclsched_version\">%s</td></tr>\n",
		    problem_model_name(p->config.model), p->config.name ? p->config.name : "",
		    run->version ? run->version : "");
	fprintf(f, "<tr><th>Search seed</th><td data-metric=\"seed\">%d</td></tr>\n"
		"<tr><th>Time limit (seconds)</th><td data-metric=\"time_limit\">%g</td></tr>\n"
		"<tr><th>Gap limit</th><td data-metric=\"gap_limit\">%g</td></tr>\n"
		"</table></div>\n", run->seed, run->time_limit, run->gap_limit);
}

static void write_summary(FILE *f, const struct report_view *v, const struct run_info *run)
{
	const struct problem *p = v->p;
	const struct solution *s = v->s;
	const struct metrics *m = v->m;
	fputs("<section id=\"summary\"><h2>Summary</h2>\n<p class=\"bound\">", f);
	double pct = 100 * s->gap;
	if (s->gap <= 0)
		fputs("This schedule is <b>the best possible</b>: no schedule of this cycle "
		      "scores more.", f);
	else
		fprintf(f, "This schedule is within <b>%.2f%%</b> of the best possible.",
			pct < 0.01 ? 0.01 : pct);
	fprintf(f, " It scores %.2f points, and no schedule of this cycle can score more than "
		"%.2f (a proven bound). %s</p>\n", s->objective, s->bound,
		stop_words(s->stopped_by));

	fputs("<div class=\"kpis\">\n", f);
	kpi_pct(f, "need_sessions_pct", m->need_sessions_pct,
		"of the sessions learners need are scheduled");
	fprintf(f, "<div class=\"kpi\"><span class=\"v\"><span data-metric=\"need_sessions_scheduled\">"
		"%ld</span> of <span data-metric=\"need_sessions_wanted\">%ld</span></span>"
		"need-sessions scheduled (ready needs)</div>\n",
		m->need_sessions_scheduled, m->need_sessions_wanted);
	kpi_pct(f, "power_goal_pct", m->power_goal_pct,
		"of learners with a power goal (priority 1) get time on it");
	kpi_pct(f, "learners_complete_pct", m->learners_complete_pct,
		"of learners get every ready need in full");
	if (model_has_seminars(p)) {
		kpi_pct(f, "seminar_enrolled_pct", m->seminar_enrolled_pct,
			"of learners who chose seminars are in one");
		kpi_pct(f, "seminar_first_choice_pct", m->seminar_first_choice_pct,
			"of them are in their first choice");
	}
	kpi_count(f, "learners_left_out", m->learners_left_out,
		  "learners spend every block in the lab (0 is the aim)", m->learners_left_out > 0);
	kpi_pct(f, "learner_days_covered_pct", m->learner_days_covered_pct,
		"of learner-days have a workshop or seminar");
	kpi_count(f, "min_facilitated_sessions", m->min_facilitated_sessions,
		  "workshops and seminar meetings for the least-served learner", false);
	char avg[32];
	snprintf(avg, sizeof(avg), "%.2f", m->avg_group_size);
	kpi(f, "avg_group_size", avg, "", "learners in an average workshop or seminar group",
	    false);
	fputs("</div>\n", f);
	kpi_pct(f, "facilitator_load_pct", m->facilitator_load_pct,
		"of the sessions facilitators could lead are used");
	kpi_count(f, "learners", m->learners, "learners", false);
	kpi_count(f, "blocks", m->blocks, "blocks scheduled", false);
	kpi_count(f, "sessions", m->sessions, "sessions open (labs included)", false);
	kpi_count(f, "lab_sessions", m->lab_sessions, "of them supervised labs", false);
	kpi_count(f, "needs_not_ready", m->needs_not_ready,
		  "needs wait for a prerequisite to be mastered", false);
	fputs("</div>\n", f);
	run_details(f, p, s, run, true);
	fputs("</section>\n", f);
}

/* "Mon 08:30" for block b, a fresh string. */
static char *block_label(const struct problem *p, int b)
{
	return xasprintf("%s %02d:%02d", p->blocks[b].day, p->blocks[b].start / 60,
			 p->blocks[b].start % 60);
}

static void chart_needs(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	struct svg_part prio[PRIORITY_LEVELS];
	struct svg_part *area = xcalloc((size_t)p->n_areas + 1, sizeof(*area));
	static const char *const prio_label[PRIORITY_LEVELS] = {
		"Priority 1 (power goal)", "Priority 2", "Priority 3", "Priority 4", "Priority 5",
	};
	for (int i = 0; i < PRIORITY_LEVELS; i++)
		prio[i] = (struct svg_part){ prio_label[i], 0, 0 };
	for (int a = 0; a < p->n_areas; a++)
		area[a].label = p->areas[a];
	for (int q = 0; q < p->n_needs; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready)
			continue;
		prio[nd->priority - 1].part += v->m->counted[q];
		prio[nd->priority - 1].whole += nd->sessions;
		area[p->goals[nd->goal].area].part += v->m->counted[q];
		area[p->goals[nd->goal].area].whole += nd->sessions;
	}
	fputs("<figure><figcaption>Need-sessions scheduled, by priority</figcaption>"
	      "<p>Of the sessions ready needs want, how many the schedule gives.</p>\n", f);
	svg_part_bars(f, "Need-sessions scheduled, by priority", prio, PRIORITY_LEVELS);
	fputs("</figure>\n<figure><figcaption>Need-sessions scheduled, by area</figcaption>"
	      "<p>Labs count toward the online goals of their area.</p>\n", f);
	svg_part_bars(f, "Need-sessions scheduled, by area", area, p->n_areas);
	fputs("</figure>\n", f);
	free(area);
}

/* A histogram of values lo..max, one column per value, or at most 15
 * columns of a range of values each when there are more than 30 values. */
static void histogram(FILE *f, const char *title, const long *count_of, int lo, int max,
		      int alert_value, const char *x_title, const char *y_title)
{
	int width = max - lo + 1 <= 30 ? 1 : (max - lo + 1 + 14) / 15;
	int n = (max - lo + 1 + width - 1) / width;
	char **label = xcalloc((size_t)n + 1, sizeof(char *));
	long *count = xcalloc((size_t)n + 1, sizeof(long));
	int alert = -1;
	for (int i = 0; i < n; i++) {
		int a = lo + i * width, b = a + width - 1 > max ? max : a + width - 1;
		label[i] = a == b ? xasprintf("%d", a) : xasprintf("%d-%d", a, b);
		for (int x = a; x <= b; x++)
			count[i] += count_of[x];
		if (alert_value >= a && alert_value <= b && count[i] > 0)
			alert = i;
	}
	svg_columns(f, title, (const char *const *)label, count, n, alert, x_title, y_title);
	for (int i = 0; i < n; i++)
		free(label[i]);
	free(label);
	free(count);
}

static void chart_groups(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	const struct solution *s = v->s;
	int max = 1;
	for (size_t i = 0; i < s->n_sessions; i++)
		if (s->sessions[i].kind != SESSION_LAB && s->sessions[i].size > max)
			max = s->sessions[i].size;
	long *count_of = xcalloc((size_t)max + 1, sizeof(long));
	for (size_t i = 0; i < s->n_sessions; i++)
		if (s->sessions[i].kind != SESSION_LAB)
			count_of[s->sessions[i].size]++;
	fputs("<figure><figcaption>Group sizes</figcaption>"
	      "<p>Workshop sessions and seminar meetings by the number of learners in them.</p>\n", f);
	histogram(f, "Group sizes", count_of, 1, max, -1, "learners in the group", "sessions");
	fputs("</figure>\n", f);
	free(count_of);

	int most = 0;
	for (int l = 0; l < p->n_learners; l++)
		if (problem_placeable(p, l) && v->facilitated[l] > most)
			most = v->facilitated[l];
	count_of = xcalloc((size_t)most + 1, sizeof(long));
	for (int l = 0; l < p->n_learners; l++)
		if (problem_placeable(p, l))
			count_of[v->facilitated[l]]++;
	fputs("<figure><figcaption>Workshops and seminar meetings per learner</figcaption>"
	      "<p>Learners who can be placed, by how many facilitated sessions they get in the "
	      "cycle; a red column at 0 is learners left in the lab.</p>\n", f);
	histogram(f, "Facilitated sessions per learner", count_of, 0, most, 0,
		  "workshop sessions and seminar meetings in the cycle", "learners");
	fputs("</figure>\n", f);
	free(count_of);
}

static void chart_blocks(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	const struct solution *s = v->s;
	struct svg_part *fac = xcalloc((size_t)p->n_blocks + 1, sizeof(*fac));
	struct svg_part *room = xcalloc((size_t)p->n_blocks + 1, sizeof(*room));
	int *row = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		row[b] = n;
		char *label = block_label(p, b);
		fac[n] = (struct svg_part){ label, 0, 0 };
		room[n] = (struct svg_part){ label, 0, 0 };
		for (int i = 0; i < p->n_facilitators; i++)
			fac[n].whole += !p->facilitators[i].unavailable[b];
		for (int r = 0; r < p->n_rooms; r++)
			room[n].whole += !p->rooms[r].unavailable[b];
		n++;
	}
	for (size_t i = 0; i < s->n_sessions; i++) {
		fac[row[s->sessions[i].block]].part++;
		room[row[s->sessions[i].block]].part++;
	}
	fputs("<figure><figcaption>Facilitators leading a session, per block</figcaption>"
	      "<p>Of the facilitators available in the block (labs included).</p>\n", f);
	svg_part_bars(f, "Facilitator load per block", fac, n);
	fputs("</figure>\n<figure><figcaption>Rooms in use, per block</figcaption>"
	      "<p>Of the rooms open in the block.</p>\n", f);
	svg_part_bars(f, "Room use per block", room, n);
	fputs("</figure>\n", f);
	for (int i = 0; i < n; i++)
		free((char *)fac[i].label);
	free(fac);
	free(room);
	free(row);
}

static void write_charts(FILE *f, const struct report_view *v)
{
	fputs("<section id=\"charts\" class=\"page\"><h2>Charts</h2>\n<div class=\"charts\">\n", f);
	chart_needs(f, v);
	chart_groups(f, v);
	chart_blocks(f, v);
	fputs("</div></section>\n", f);
}

/* What an unmet row wants: a goal's title or "Seminar: title". */
static void unmet_what(FILE *f, const struct problem *p, const struct rowset_unmet *u)
{
	if (u->choice)
		html_printf(f, "Seminar: %s", report_seminar_title(p, u->offering));
	else
		html_printf(f, "%s", report_goal_title(p, u->offering));
}

/* The unmet list is cut into tables of this many rows: Chromium prints a
 * page that holds one table of thousands of rows and then the learners'
 * pages many times slower than the same rows in several tables. */
#define UNMET_TABLE_ROWS 100

static void write_unmet_list(FILE *f, const struct report_view *v)
{
	const struct problem *p = v->p;
	static const char *const reasons[] = { "prerequisite", "no_facilitator", "no_room",
					       "conflict", "capacity", "ineligible", "limit" };
	enum { N_REASONS = sizeof(reasons) / sizeof(reasons[0]) };
	long needs[N_REASONS] = { 0 }, choices[N_REASONS] = { 0 };
	for (int i = 0; i < v->n_unmet; i++)
		for (int k = 0; k < N_REASONS; k++)
			if (!strcmp(v->unmet[i].reason, reasons[k]))
				(v->unmet[i].choice ? choices : needs)[k]++;
	fputs("<section id=\"unmet\" class=\"page\"><h2>What stays unmet, and why</h2>\n", f);
	if (v->n_unmet == 0) {
		fputs("<p>Every need and every seminar choice is met.</p></section>\n", f);
		return;
	}
	fputs("<table class=\"who\"><thead><tr><th>Why</th><th>Needs</th><th>Seminar choices</th>"
	      "</tr></thead><tbody>\n", f);
	for (int k = 0; k < N_REASONS; k++)
		if (needs[k] + choices[k] > 0)
			html_printf(f, "<tr><td><b>%s</b>: %s <small>(%s)</small></td>"
				    "<td class=\"num\">%ld</td><td class=\"num\">%ld</td></tr>\n",
				    report_reason_short(reasons[k]), report_reason_words(reasons[k]),
				    reasons[k], needs[k], choices[k]);
	fputs("</tbody></table>\n<h3>Every unmet need and choice</h3>\n", f);
	for (int i = 0; i < v->n_unmet; i++) {
		const struct rowset_unmet *u = &v->unmet[i];
		if (i % UNMET_TABLE_ROWS == 0) {
			if (i > 0)
				fputs("</tbody></table></div>\n", f);
			char label[80];
			snprintf(label, sizeof(label), "Unmet needs and choices from row %d", i + 1);
			html_scroll_open(f, label);
			fputs("<table><thead><tr><th>Learner</th><th>Wants</th>"
			      "<th>Priority</th><th>Gets</th><th>Why</th></tr></thead><tbody>\n", f);
		}
		html_printf(f, "<tr><td><a href=\"#l-%s\">%s</a></td><td>", p->learners[u->learner].id,
			    report_learner_name(p, u->learner));
		unmet_what(f, p, u);
		if (u->choice)
			fprintf(f, "</td><td>choice %d</td><td>not enrolled</td>", u->priority);
		else
			fprintf(f, "</td><td>%d</td><td>%d of %d</td>", u->priority, u->scheduled,
				u->wanted);
		html_printf(f, "<td>%s</td></tr>\n", report_reason_short(u->reason));
	}
	fputs("</tbody></table></div></section>\n", f);
}

/* The page of a run without a schedule: "No schedule exists" when
 * mclsched proved it (status infeasible: the diagnosis is the proof), "No
 * schedule was found" when none was found within the limits (more time may
 * find one); summary.csv's schedule_exists says the same. */
static void write_no_schedule(FILE *f, const struct problem *p, const struct solution *s,
			      const struct run_info *run)
{
	fputs("</header>\n<main>\n<section id=\"summary\">", f);
	if (s->status == SOLVE_INFEASIBLE)
		fputs("<h2>No schedule exists</h2>\n<p class=\"bound\">mclsched proved that no "
		      "schedule of this cycle keeps the hard rules: a longer time limit will not "
		      "find one, a change to the school's inputs is needed. What proves it, in "
		      "words you can act on (also in diagnosis.txt):</p>\n<pre>", f);
	else
		fprintf(f, "<h2>No schedule was found</h2>\n<p class=\"bound\">mclsched found no "
			"schedule for this cycle within its limits (%g seconds). That does not "
			"prove that none exists: a longer <code>--time-limit</code> may find one. "
			"What stood in the way, in words you can act on (also in "
			"diagnosis.txt):</p>\n<pre>", run->time_limit);
	html_text(f, s->diagnosis ? s->diagnosis : "no schedule was found within the limits\n");
	fputs("</pre>\n", f);
	run_details(f, p, s, run, false);
	fputs("</section>\n</main>\n", f);
}

void report_write(FILE *f, const struct problem *p, const struct solution *s,
		  const struct metrics *m, const struct rowset *rs, const struct run_info *run)
{
	write_head(f, p);
	if (s->status != SOLVE_OPTIMAL && s->status != SOLVE_FEASIBLE) {
		write_no_schedule(f, p, s, run);
		fputs("</body></html>\n", f);
		return;
	}
	struct report_view v;
	report_view_init(&v, p, s, m, rs);
	html_printf(f, "<p>%d learners, %d blocks, the %s model</p></header>\n", p->n_learners,
		    m->blocks, problem_model_name(p->config.model));
	fputs("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>"
	      "<a href=\"#unmet\">Unmet</a><a href=\"#facilitators\">Facilitators</a>"
	      "<a href=\"#rooms\">Rooms</a><a href=\"#coaches\">Coaches</a>"
	      "<a href=\"#learners\">Learners</a>", f);
	bool changed = p->previous && changes_n(p, rs) > 0;
	if (changed)
		fputs("<a href=\"#changes\">What changed</a>", f);
	if (rs->n_advice > 0)
		fputs("<a href=\"#advice\">Advice</a>", f);
	fputs("</nav>\n<main>\n", f);
	write_summary(f, &v, run);
	if (changed)
		report_write_changes(f, p, rs);
	if (rs->n_advice > 0)
		report_write_advice(f, rs);
	write_charts(f, &v);
	write_unmet_list(f, &v);
	report_write_grids(f, &v);
	report_write_coaches(f, &v);
	report_write_learners(f, &v);
	fputs("</main>\n<script>\n", f);
	fputs(script, f);
	fputs("</script>\n</body></html>\n", f);
	report_view_release(&v);
}
