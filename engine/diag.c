/*
 * diag.c - the error and warning list behind `mclsched check`.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
}

void diag_release(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->entries[i].text);
	free(d->entries);
	diag_init(d);
}

static void add(struct diag *d, enum diag_severity sev, const char *file, long line,
		const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);

	char *text;
	if (file && line > 0)
		text = xasprintf("%s:%ld: %s", file, line, msg);
	else if (file)
		text = xasprintf("%s: %s", file, msg);
	else
		text = xstrdup(msg);
	free(msg);

	xgrow((void **)&d->entries, &d->alloc, d->n + 1, sizeof(*d->entries));
	d->entries[d->n].severity = sev;
	d->entries[d->n].text = text;
	d->n++;
	if (sev == DIAG_ERROR)
		d->n_errors++;
	else
		d->n_warnings++;
}

void diag_error(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, file, line, fmt, ap);
	va_end(ap);
}

void diag_print(const struct diag *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(out, "%s: %s\n",
			d->entries[i].severity == DIAG_ERROR ? "error" : "warning",
			d->entries[i].text);
}

int diag_contains(const struct diag *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->entries[i].text, needle))
			return 1;
	return 0;
}
