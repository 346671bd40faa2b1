/*
 * svg_chart.h - the report's charts, drawn as inline SVG from our numbers.
 *
 * Two kinds are enough for every chart of report.html: bars that show a part
 * of a whole (need-sessions met of wanted, facilitators busy of available)
 * and columns that show a count per value (a histogram).  Charts scale with
 * the page (a viewBox, width 100%); colours come from the page's CSS classes
 * (bar, track, alert, axis), so they print.  Labels are user data and are
 * escaped.
 */
#ifndef MCL_SVG_CHART_H
#define MCL_SVG_CHART_H

#include <stdbool.h>
#include <stdio.h>

/* One bar: part of whole, e.g. 412 need-sessions met of 450 wanted. */
struct svg_part {
	const char *label;
	long part, whole;
};

/* Horizontal bars, one a row: the label, a bar filled to part/whole, and
 * "P% (part of whole)"; a row with whole 0 shows "none".  title names the
 * chart for screen readers. */
void svg_part_bars(FILE *f, const char *title, const struct svg_part *rows, int n);

/* Vertical columns, count[i] over label[i], the count written above each;
 * the column at alert (-1: none) is drawn in the alert colour.  x_title
 * and y_title name the axes. */
void svg_columns(FILE *f, const char *title, const char *const *label, const long *count, int n,
		 int alert, const char *x_title, const char *y_title);

#endif
