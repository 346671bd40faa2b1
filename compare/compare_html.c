/*
 * compare_html.c - compare.html: the comparison as one page a principal
 * reads on a phone or prints (see compare_view.h).
 *
 * Self-contained: inline CSS, no script, no image, no link out.  Every
 * value read from the runs (ids, directory names, the scenario name) goes
 * through html_text (html.h), which escapes the five characters HTML gives meaning
 * to, so a scenario named "<script>..." shows as text.  Cells carry
 * data-metric and data-run attributes and the raw value in span.v, so a
 * test (or a script of the school's) can read the figures back.
 */
#include "compare_view.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "outputs/html.h"

/* How many learners "who change most" are listed per run. */
#define TOP_CHANGES 10

static const char style[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
	"max-width:64rem;padding:1rem;line-height:1.45;color:#1d1d1d;background:#fff}"
	"h1{font-size:1.45rem;margin:.2rem 0 .6rem}"
	"h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #d8d8d8}"
	"h3{font-size:1rem;margin:1.2rem 0 .3rem}"
	"p{margin:.4rem 0}"
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0}"
	".scroll:focus-visible{outline:2px solid #1f5fa8}"
	"nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:.2rem 0 .6rem}nav a{color:#1f5fa8}"
	"table{border-collapse:collapse;font-size:.95rem}"
	"th,td{padding:.35rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left;"
	"vertical-align:top}"
	"thead th{background:#f3f3f3;position:sticky;top:0}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"tbody th{position:sticky;left:0;background:#fff;min-width:9rem;max-width:16rem}"
	"th small,td small{display:block;color:#5f5f5f;font-weight:normal;font-size:.8rem}"
	".best{background:#e3f3e6;font-weight:600}"
	"tr.differs th{background:#fff1d6}"
	".mark{color:#1b6e2f;white-space:nowrap;font-size:.8rem}"
	".differs{background:#fff1d6}"
	".up{color:#1b6e2f}.down{color:#a12622}"
	".id{overflow-wrap:anywhere;max-width:22rem}"
	"td.t{overflow-wrap:anywhere;min-width:6rem;max-width:14rem}"
	"ol.runs li{margin:.2rem 0}"
	".note{color:#4a4a4a;font-size:.9rem}"
	"td.n small{white-space:normal;min-width:5rem}"
	"@media (max-width:40rem){body{padding:.6rem}th,td{padding:.3rem .4rem}"
	"table{font-size:.85rem}tbody th{min-width:6.5rem;max-width:8.5rem}"
	"td.t{min-width:6rem;max-width:7rem}"
	"table.kpi{width:100%}table.kpi td.n{white-space:normal;overflow-wrap:anywhere}"
	"table.kpi tbody th{min-width:0;max-width:none;width:30%}"
	"table.kpi td{padding:.3rem .25rem}"
	"table.kpi td.t{min-width:0;max-width:none;overflow-wrap:anywhere}"
	"table.kpi small{min-width:0;overflow-wrap:anywhere}}"
	"@media print{body{max-width:none}.scroll{overflow:visible}thead th{position:static}"
	"h2{break-after:avoid}tr{break-inside:avoid}}";

static void put_int_signed(FILE *f, long v)
{
	if (v > 0)
		fprintf(f, "<span class=\"up\">+%ld</span>", v);
	else if (v < 0)
		fprintf(f, "<span class=\"down\">&minus;%ld</span>", -v);
	else
		fputs("0", f);
}

static void runs_head(const struct compare *c, FILE *f, int from)
{
	for (int r = from; r < c->n_runs; r++)
		fprintf(f, "<th scope=\"col\">Run %d</th>", r + 1);
}

static void section_runs(const struct compare *c, FILE *f)
{
	fputs("<section id=\"runs\"><h2>The runs</h2><ol class=\"runs\">", f);
	for (int r = 0; r < c->n_runs; r++) {
		const char *name = compare_run_metric(&c->runs[r], "scenario_name");
		fprintf(f, "<li data-run=\"%d\"><b>Run %d</b>", r + 1, r + 1);
		if (name && *name) {
			fputs(": <span class=\"scenario\">", f);
			html_text(f, name);
			fputs("</span>", f);
		}
		fputs(" <small class=\"id\">(", f);
		html_text(f, c->runs[r].dir);
		fputs(")</small></li>", f);
	}
	fputs("</ol></section>\n", f);
}

static void kpi_cell(FILE *f, const struct compare_row *row, int r)
{
	/* numbers right-aligned on one line; text (a digest, a name) may wrap */
	bool text = row->kpi && row->kpi->setting;
	fprintf(f, "<td data-run=\"%d\" class=\"%s%s\">", r + 1, text ? "t" : "n",
		row->best[r] ? " best" : "");
	fputs("<span class=\"v\">", f);
	html_text(f, row->values[r] ? row->values[r] : "");
	fputs("</span>", f);
	if (!strcmp(row->name, "gap") && row->values[r] && *row->values[r]) {
		char *end;
		double g = strtod(row->values[r], &end);
		if (!*end)
			fprintf(f, "<small>within %.2f%% of the best possible</small>", 100 * g);
	}
	if (row->best[r])
		fputs(" <span class=\"mark\">&#9733; best</span>", f);
	fputs("</td>", f);
}

static void section_kpis(const struct compare *c, FILE *f)
{
	fputs("<section id=\"kpis\"><h2>Key figures</h2>"
	      "<p class=\"note\">&#9733; marks the best run of a figure where one direction is "
	      "better (ties all marked; none when every run has the same value). Settings are "
	      "shown, not ranked.</p>", f);
	html_scroll_open(f, "Key figures");
	fputs("<table class=\"kpi\"><thead><tr><th scope=\"col\">Figure</th>", f);
	runs_head(c, f, 0);
	fputs("</tr></thead><tbody>\n", f);
	for (int i = 0; i < c->n_rows; i++) {
		const struct compare_row *row = &c->rows[i];
		const struct compare_kpi *k = row->kpi;
		fputs("<tr data-metric=\"", f);
		html_text(f, row->name);
		fprintf(f, "\"%s><th scope=\"row\">", k && k->setting && row->differs
							? " class=\"differs\"" : "");
		html_text(f, k ? k->label : row->name);
		fputs("<small>", f);
		html_text(f, row->name);
		fputs(k && k->setting ? " &middot; setting"
		      : !k || k->better == BETTER_NONE ? ""
		      : k->better == BETTER_HIGHER ? " &middot; higher is better"
						   : " &middot; lower is better", f);
		fputs("</small></th>", f);
		for (int r = 0; r < c->n_runs; r++)
			kpi_cell(f, row, r);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div></section>\n", f);
}

/* Priority p (0: met in full everywhere; COMPARE_TOTAL: all) for a row
 * heading, for a data attribute, and in short. */
static const char *priority_label(int p)
{
	static const char *const labels[] = { "needs met in full in every run",
					      "priority 1 (power goal)",
					      "priority 2", "priority 3", "priority 4",
					      "priority 5", "all needs" };
	return labels[p];
}

static const char *priority_key(int p)
{
	static const char *const keys[] = { "met_in_full", "1", "2", "3", "4", "5", "all" };
	return keys[p];
}

static const char *priority_short(int p)
{
	static const char *const words[] = { "met in full", "P1", "P2", "P3", "P4", "P5", "all" };
	return words[p];
}

static void section_gains(const struct compare *c, FILE *f)
{
	static const int order[] = { 1, 2, 3, 4, 5, 0, COMPARE_TOTAL };
	fputs("<section id=\"gains\"><h2>Who gains and who loses, against run 1</h2>"
	      "<p class=\"note\">Learners (in both runs) who get more (&#9650; gain) or fewer "
	      "(&#9660; lose) sessions of their needs of each priority than in run 1.</p>", f);
	html_scroll_open(f, "Who gains and who loses");
	fputs("<table class=\"gains\"><thead><tr><th scope=\"col\">Needs of</th>", f);
	runs_head(c, f, 1);
	fputs("</tr></thead><tbody>\n", f);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		int p = order[i];
		bool moves = false;
		for (int k = 1; k < c->n_runs; k++)
			moves |= c->gain[k][p] || c->lose[k][p];
		if (p == 0 && !moves)
			continue;
		fprintf(f, "<tr data-priority=\"%s\"><th scope=\"row\">%s</th>",
			priority_key(p), priority_label(p));
		for (int k = 1; k < c->n_runs; k++)
			fprintf(f, "<td data-run=\"%d\" class=\"n\"><span class=\"up\">&#9650; "
				"<span class=\"gain\">%d</span> gain</span> &middot; "
				"<span class=\"down\">&#9660; <span class=\"lose\">%d</span> "
				"lose</span></td>", k + 1, c->gain[k][p], c->lose[k][p]);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>", f);
	for (int k = 1; k < c->n_runs; k++)
		if (c->only_first[k] || c->only_other[k])
			fprintf(f, "<p>Run %d: %d learners are only in run 1 and %d only in run %d "
				"(compared with --force); they are not counted above.</p>", k + 1,
				c->only_first[k], c->only_other[k], k + 1);
	fputs("</section>\n", f);
}

static void section_changes(const struct compare *c, FILE *f)
{
	fputs("<section id=\"changes\"><h2>Learners who change most</h2>", f);
	for (int k = 1; k < c->n_runs; k++) {
		int n = c->n_changes[k];
		fprintf(f, "<h3>Run %d against run 1</h3>", k + 1);
		if (!n) {
			fputs("<p>No learner's need-sessions change.</p>", f);
			continue;
		}
		fprintf(f, "<p class=\"note\">%d learner%s change; the %d who change most:</p>",
			n, n == 1 ? "" : "s", n < TOP_CHANGES ? n : TOP_CHANGES);
		char label[64];
		snprintf(label, sizeof(label), "Learners who change most, run %d", k + 1);
		html_scroll_open(f, label);
		fprintf(f, "<table class=\"changes\" data-run=\"%d\"><thead>"
			"<tr><th scope=\"col\">Learner</th><th scope=\"col\">Need-sessions in run 1"
			"</th><th scope=\"col\">in run %d</th><th scope=\"col\">By priority</th>"
			"</tr></thead><tbody>\n", k + 1, k + 1);
		for (int i = 0; i < n && i < TOP_CHANGES; i++) {
			const struct compare_change *ch = &c->changes[k][i];
			fputs("<tr><th scope=\"row\" class=\"id\">", f);
			html_text(f, c->learners[ch->learner]);
			fprintf(f, "</th><td class=\"n\">%ld</td><td class=\"n\">%ld (",
				compare_sessions(c, ch->learner, 0, COMPARE_TOTAL),
				compare_sessions(c, ch->learner, k, COMPARE_TOTAL));
			put_int_signed(f, ch->delta[COMPARE_TOTAL]);
			fputs(")</td><td>", f);
			bool first = true;
			for (int p = 1; p <= COMPARE_PRIORITIES; p++) {
				int q = p == COMPARE_PRIORITIES ? 0 : p;
				if (!ch->delta[q])
					continue;
				fputs(first ? "" : ", ", f);
				fputs(priority_short(q), f);
				fputc(' ', f);
				put_int_signed(f, ch->delta[q]);
				first = false;
			}
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table></div>", f);
	}
	fputs("</section>\n", f);
}

/* Rows of the moves table; compare.csv lists every one. */
#define TOP_MOVES 500

static void section_moves(const struct compare *c, FILE *f)
{
	fputs("<section id=\"moves\"><h2>Who moves, against run 1</h2><p>A learner moves in "
	      "a block when the session they are in there (its kind, offering, facilitator or "
	      "room) is not the one of run 1.</p><ul>", f);
	for (int k = 1; k < c->n_runs; k++)
		fprintf(f, "<li data-run=\"%d\">Run %d: %ld of %ld learner-blocks move (%.2f%%), "
			"%d learner%s.</li>", k + 1, k + 1, c->moved[k], c->cells[k],
			c->cells[k] ? 100.0 * (double)c->moved[k] / (double)c->cells[k] : 0.0,
			c->moved_learners[k], c->moved_learners[k] == 1 ? "" : "s");
	fputs("</ul>", f);
	if (!c->n_moves) {
		fputs("</section>\n", f);
		return;
	}
	if (c->n_moves > TOP_MOVES)
		fprintf(f, "<p class=\"note\">The first %d of %d, by learner; compare.csv lists "
			"every one.</p>", TOP_MOVES, c->n_moves);
	html_scroll_open(f, "Who moves");
	fputs("<table class=\"moves\"><thead><tr><th scope=\"col\">Learner</th>"
	      "<th scope=\"col\">Block</th>", f);
	for (int r = 0; r < c->n_runs; r++)
		fprintf(f, "<th scope=\"col\">Run %d</th>", r + 1);
	fputs("</tr></thead><tbody>\n", f);
	for (int i = 0; i < c->n_moves && i < TOP_MOVES; i++) {
		const struct compare_cell *cl = &c->runs[0].cells[c->moves[i]];
		fputs("<tr><th scope=\"row\" class=\"id\">", f);
		html_text(f, cl->learner);
		fputs("</th><td class=\"id\">", f);
		html_text(f, cl->block);
		fputs("</td>", f);
		for (int r = 0; r < c->n_runs; r++) {
			const char *at = compare_run_place(&c->runs[r], cl->learner, cl->block);
			fputs("<td>", f);
			html_text(f, at && *at ? at : "no place");
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div></section>\n", f);
}

static void section_loads(const struct compare *c, FILE *f)
{
	int n = c->n_runs;
	fputs("<section id=\"loads\"><h2>Facilitator loads that change</h2>", f);
	if (!c->n_load_changes) {
		fprintf(f, "<p>Every facilitator leads the same number of sessions in every run "
			"(%d facilitators).</p></section>\n", c->n_facilitators);
		return;
	}
	fprintf(f, "<p class=\"note\">Sessions each facilitator leads (workshops, seminar "
		"meetings and labs); %d of %d facilitators change. Highlighted: not as in run 1."
		"</p>", c->n_load_changes, c->n_facilitators);
	html_scroll_open(f, "Facilitator loads");
	fputs("<table class=\"loads\"><thead><tr><th scope=\"col\">Facilitator</th>", f);
	runs_head(c, f, 0);
	fputs("</tr></thead><tbody>\n", f);
	for (int fi = 0; fi < c->n_facilitators; fi++) {
		const int *load = &c->load[fi * n];
		bool changed = false;
		for (int r = 1; r < n; r++)
			changed |= load[r] != load[0];
		if (!changed)
			continue;
		fputs("<tr><th scope=\"row\" class=\"id\">", f);
		html_text(f, c->facilitators[fi]);
		fputs("</th>", f);
		for (int r = 0; r < n; r++) {
			fprintf(f, "<td data-run=\"%d\" class=\"n%s\">%d", r + 1,
				r && load[r] != load[0] ? " differs" : "", load[r]);
			if (r) {
				fputs(" (", f);
				put_int_signed(f, load[r] - load[0]);
				fputc(')', f);
			}
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div></section>\n", f);
}

static void section_settings(const struct compare *c, FILE *f)
{
	fputs("<section id=\"settings\"><h2>Run settings that differ</h2>", f);
	int differ = 0;
	for (int i = 0; i < c->n_rows; i++)
		differ += c->rows[i].kpi && c->rows[i].kpi->setting && c->rows[i].differs;
	if (!differ) {
		fputs("<p>Every run was made with the same settings and the same input data."
		      "</p></section>\n", f);
		return;
	}
	html_scroll_open(f, "Run settings that differ");
	fputs("<table class=\"settings\"><thead><tr><th scope=\"col\">Setting</th>", f);
	runs_head(c, f, 0);
	fputs("</tr></thead><tbody>\n", f);
	for (int i = 0; i < c->n_rows; i++) {
		const struct compare_row *row = &c->rows[i];
		if (!row->kpi || !row->kpi->setting || !row->differs)
			continue;
		fputs("<tr data-setting=\"", f);
		html_text(f, row->name);
		fputs("\"><th scope=\"row\">", f);
		html_text(f, row->kpi->label);
		fputs("</th>", f);
		for (int r = 0; r < c->n_runs; r++) {
			fprintf(f, "<td data-run=\"%d\" class=\"id\"><span class=\"v\">", r + 1);
			html_text(f, row->values[r] ? row->values[r] : "");
			fputs("</span></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>", f);
	const struct compare_row *sha = NULL;
	for (int i = 0; i < c->n_rows; i++)
		if (!strcmp(c->rows[i].name, "inputs_sha256"))
			sha = &c->rows[i];
	if (sha && sha->differs)
		fputs("<p class=\"note\">The input data differ (inputs_sha256): these runs "
		      "scheduled different scenario files.</p>", f);
	fputs("</section>\n", f);
}

void compare_html_write(const struct compare *c, FILE *f)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		"<title>mclsched compare: %d runs</title><style>%s</style></head>\n<body>"
		"<header><h1>Comparing %d scenario runs</h1><p>%d learners. Run 1 is the "
		"baseline the others are measured against.</p></header>\n"
		"<nav aria-label=\"Sections\"><a href=\"#runs\">Runs</a> <a href=\"#kpis\">Key "
		"figures</a> <a href=\"#gains\">Gains and losses</a> <a href=\"#changes\">Who "
		"changes</a> <a href=\"#moves\">Who moves</a> <a href=\"#loads\">Loads</a> <a href=\"#settings\">Settings</a>"
		"</nav>\n<main>\n",
		c->n_runs, style, c->n_runs, c->n_learners);
	section_runs(c, f);
	section_kpis(c, f);
	section_gains(c, f);
	section_changes(c, f);
	section_moves(c, f);
	section_loads(c, f);
	section_settings(c, f);
	fputs("</main>\n<footer><p class=\"note\">How need-sessions are counted: from each run's "
	      "timetable.csv (the workshop sessions and labs a learner spends on a goal) and "
	      "unmet.csv (a need's priority, wanted and scheduled sessions). A need listed in "
	      "no run's unmet.csv was met in full in every run; its priority is not in the "
	      "output files, and it is counted as &quot;met in full&quot;. Written by mclsched "
	      "compare; the same figures are in compare.csv.</p></footer>\n</body></html>\n", f);
}
