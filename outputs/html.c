/*
 * html.c - escaped text for the HTML report (see html.h).
 *
 * html_printf walks its format itself so that only %s arguments, the user
 * data, are escaped; every other conversion is handed to snprintf one at a
 * time with its own spec.  It knows the conversions the report uses: d i u c
 * f g s % with flags, width, precision and the l and z modifiers.
 */
#include "html.h"

#include <assert.h>
#include <stdarg.h>
#include <string.h>

void html_text(FILE *f, const char *text)
{
	for (const char *c = text; c && *c; c++) {
		switch (*c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*c, f);
		}
	}
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void html_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *c = fmt; *c; c++) {
		if (*c != '%') {
			fputc(*c, f);
			continue;
		}
		char spec[16], out[64];
		size_t n = strspn(c + 1, "-+ #0123456789.*lz");
		assert(n + 2 < sizeof(spec) && !memchr(c + 1, '*', n));
		memcpy(spec, c, n + 2);
		spec[n + 2] = '\0';
		char conv = c[n + 1];
		bool is_long = memchr(c + 1, 'l', n) != NULL;
		bool is_size = memchr(c + 1, 'z', n) != NULL;
		c += n + 1;
		switch (conv) {
		case 's':
			html_text(f, va_arg(ap, const char *));
			continue;
		case '%':
			fputc('%', f);
			continue;
		case 'd': case 'i': case 'c':
			if (is_long)
				snprintf(out, sizeof(out), spec, va_arg(ap, long));
			else
				snprintf(out, sizeof(out), spec, va_arg(ap, int));
			break;
		case 'u':
			if (is_size)
				snprintf(out, sizeof(out), spec, va_arg(ap, size_t));
			else
				snprintf(out, sizeof(out), spec, va_arg(ap, unsigned));
			break;
		case 'f': case 'g':
			snprintf(out, sizeof(out), spec, va_arg(ap, double));
			break;
		default:
			assert(!"html_printf: unknown conversion");
			out[0] = '\0';
		}
		fputs(out, f);
	}
	va_end(ap);
}
#pragma GCC diagnostic pop

void html_clock(FILE *f, int minutes)
{
	fprintf(f, "%02d:%02d", minutes / 60, minutes % 60);
}

void html_scroll_open(FILE *f, const char *label)
{
	html_printf(f, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">",
		    label);
}
