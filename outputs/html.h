/*
 * html.h - writing text into an HTML page (or the SVG inside it) safely.
 *
 * Every value that comes from the inputs (names, titles, ids) is user data:
 * it goes through html_text(), which escapes the five characters that could
 * end a text node or an attribute value, so a learner named
 * <script>alert(1)</script> stays text.
 */
#ifndef MCL_HTML_H
#define MCL_HTML_H

#include <stdio.h>

#include "engine/util.h"

/* Writes text (NULL: nothing) with &, <, >, " and ' escaped: safe in element content and in
 * a quoted attribute value. */
void html_text(FILE *f, const char *text);

/* printf whose %s arguments are written escaped (other conversions as
 * printf has them): html_printf(f, "<td>%s</td>", name). */
void html_printf(FILE *f, const char *fmt, ...) MCL_PRINTF(2, 3);

/* Opens a region that scrolls sideways when its table is wider than the
 * screen: <div class="scroll"> that a keyboard can focus (tabindex=0, so
 * the arrow keys scroll it) and a screen reader names (role=region,
 * aria-label: label, escaped).  The caller closes it with </div>. */
void html_scroll_open(FILE *f, const char *label);

/* Writes minutes since midnight as HH:MM. */
void html_clock(FILE *f, int minutes);

#endif
