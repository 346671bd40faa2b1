/*
 * report_advice.c - report.html's Advice section, from the row set's
 * advice rows (advice.csv's, rowset.h): each change in words, its expected
 * gain (labelled an estimate), its verified gain and the KPIs after it.
 */
#include <stdio.h>

#include "outputs/html.h"
#include "outputs/report_view.h"

/* The rows shown: the re-solved changes and the best estimates after them. */
#define ADVICE_ROWS 10

void report_write_advice(FILE *f, const struct rowset *rs)
{
	const struct rowset_advice *base = NULL, *before = NULL;
	for (int i = 0; i < rs->n_advice; i++)
		if (rs->advice[i].rank == 0 && rs->advice[i].has_kpis) {
			if (!before)
				before = &rs->advice[i];
			else
				base = &rs->advice[i];
		}
	fputs("<section id=\"advice\" class=\"page\">\n<h2>Advice</h2>\n", f);
	fputs("<p>Single changes to the school, each solved again and checked by verify. "
	      "<em>Expected</em> is an estimate from the bound's prices; <em>verified</em> is "
	      "the objective after the change minus ", f);
	if (base)
		html_printf(f, "the objective of the school unchanged, solved again the same way "
			    "(%.1f; the schedule now: %.1f). Both started from the schedule now.",
			    base->objective, before ? before->objective : 0.0);
	else if (before)
		html_printf(f, "the objective now (%.1f).", before->objective);
	fputs(" advice.csv has every figure.</p>\n", f);
	fputs("<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Change</th>"
	      "<th scope=\"col\">Expected (estimate)</th><th scope=\"col\">Verified</th>"
	      "<th scope=\"col\">Need-sessions met</th><th scope=\"col\">Learners complete</th>"
	      "</tr></thead><tbody>\n", f);
	int shown = 0;
	for (int i = 0; i < rs->n_advice && shown < ADVICE_ROWS; i++) {
		const struct rowset_advice *x = &rs->advice[i];
		if (x->rank == 0)
			continue;
		shown++;
		html_printf(f, "<tr><td>%d</td><td>", x->rank);
		html_text(f, x->change);
		html_printf(f, "</td><td class=\"num\">%.1f</td>", x->expected);
		if (x->has_verified && x->has_kpis) {
			html_printf(f, "<td class=\"num\">%+.1f</td><td class=\"num\">%.0f</td>"
				    "<td class=\"num\">%.1f%%</td></tr>\n", x->verified,
				    x->need_scheduled, x->complete_pct);
		} else {
			fputs("<td colspan=\"3\">", f);
			html_text(f, x->note);
			fputs("</td></tr>\n", f);
		}
	}
	fputs("</tbody></table>\n</section>\n", f);
}
