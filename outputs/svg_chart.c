/*
 * svg_chart.c - inline SVG bar and column charts (see svg_chart.h).
 *
 * Geometry is in viewBox units (600 wide); the browser scales the whole
 * chart to the column it sits in, so a phone gets the same chart smaller.
 * Labels longer than fit are cut at a UTF-8 character boundary with an
 * ellipsis; the full label stays in a <title> tooltip.  Each chart is
 * followed by its numbers as a table (in a <details> element: one keypress
 * opens it), the alternative a screen reader reads and a keyboard reaches.
 */
#include "svg_chart.h"

#include <string.h>

#include "outputs/html.h"

#define WIDTH 600
#define LABEL_W 190       /* bar labels, right-aligned at LABEL_W - 6 */
#define BAR_W 250
#define ROW_H 24
#define LABEL_MAX 28      /* bytes of a label shown before the ellipsis */

/* Writes label escaped, cut to LABEL_MAX bytes at a character boundary. */
static void short_label(FILE *f, const char *label)
{
	size_t len = strlen(label);
	if (len <= LABEL_MAX) {
		html_text(f, label);
		return;
	}
	size_t cut = LABEL_MAX - 1;
	while (cut > 0 && ((unsigned char)label[cut] & 0xC0) == 0x80)
		cut--;
	char buf[LABEL_MAX + 1];
	memcpy(buf, label, cut);
	buf[cut] = '\0';
	html_text(f, buf);
	fputs("\xE2\x80\xA6", f);
}

void svg_part_bars(FILE *f, const char *title, const struct svg_part *rows, int n)
{
	int height = n * ROW_H + 8;
	html_printf(f, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
		    "<title>%s</title>\n", WIDTH, height, title, title);
	for (int i = 0; i < n; i++) {
		const struct svg_part *r = &rows[i];
		int y = 4 + i * ROW_H;
		double share = r->whole > 0 ? (double)r->part / (double)r->whole : 0;
		if (share > 1)
			share = 1;
		html_printf(f, "<g><title>%s</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
			    r->label, LABEL_W - 6, y + 15);
		short_label(f, r->label);
		fprintf(f, "</text><rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\"/>",
			LABEL_W, y + 2, BAR_W);
		fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\"/>",
			LABEL_W, y + 2, share * BAR_W);
		fprintf(f, "<text x=\"%d\" y=\"%d\">", LABEL_W + BAR_W + 6, y + 15);
		if (r->whole > 0)
			fprintf(f, "%.1f%% (%ld of %ld)", 100 * share, r->part, r->whole);
		else
			fputs("none", f);
		fputs("</text></g>\n", f);
	}
	fputs("</svg>\n", f);
	html_printf(f, "<details class=\"numbers\"><summary>%s: the numbers</summary><table>"
		    "<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Count</th>"
		    "<th scope=\"col\">Out of</th><th scope=\"col\">Share</th></tr></thead><tbody>\n",
		    title);
	for (int i = 0; i < n; i++) {
		const struct svg_part *r = &rows[i];
		html_printf(f, "<tr><th scope=\"row\">%s</th><td class=\"num\">%ld</td>"
			    "<td class=\"num\">%ld</td><td class=\"num\">", r->label, r->part, r->whole);
		if (r->whole > 0)
			fprintf(f, "%.1f%%", 100.0 * (double)r->part / (double)r->whole);
		else
			fputs("none", f);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></details>\n", f);
}

void svg_columns(FILE *f, const char *title, const char *const *label, const long *count, int n,
		 int alert, const char *x_title, const char *y_title)
{
	const int top = 20, plot_h = 160, left = 40, bottom = 44;
	int height = top + plot_h + bottom;
	long max = 1;
	for (int i = 0; i < n; i++)
		if (count[i] > max)
			max = count[i];
	double col_w = n > 0 ? (double)(WIDTH - left - 10) / n : 0;
	html_printf(f, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
		    "<title>%s</title>\n", WIDTH, height, title, title);
	fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", left,
		top + plot_h, WIDTH - 10, top + plot_h);
	for (int i = 0; i < n; i++) {
		double h = (double)plot_h * (double)count[i] / (double)max;
		double x = left + i * col_w;
		fprintf(f, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			i == alert ? "alert" : "bar", x + 1, top + plot_h - h, col_w - 2, h);
		if (count[i] > 0)
			fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%ld</text>",
				x + col_w / 2, top + plot_h - h - 3, count[i]);
		html_printf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
			    x + col_w / 2, top + plot_h + 16, label[i]);
	}
	html_printf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", WIDTH / 2,
		    height - 6, x_title);
	html_printf(f, "<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">"
		    "%s</text>\n</svg>\n", top + plot_h / 2, top + plot_h / 2, y_title);
	html_printf(f, "<details class=\"numbers\"><summary>%s: the numbers</summary><table>"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>"
		    "<tbody>\n", title, x_title, y_title);
	for (int i = 0; i < n; i++)
		html_printf(f, "<tr><th scope=\"row\">%s</th><td class=\"num\">%ld</td></tr>\n",
			    label[i], count[i]);
	fputs("</tbody></table></details>\n", f);
}
