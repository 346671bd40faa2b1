/*
 * diag.h - collected input errors and warnings, each "FILE:LINE: message".
 *
 * Validation reports every problem it finds before giving up, so the loaders
 * append to a struct diag instead of stopping at the first error.  Messages
 * follow Git's error() style: lowercase, no full stop, names in quotes.
 */
#ifndef MCL_DIAG_H
#define MCL_DIAG_H

#include <stdio.h>

#include "util.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag_entry {
	enum diag_severity severity;
	char *text;                 /* "FILE:LINE: message" or "FILE: message" */
};

struct diag {
	struct diag_entry *entries;
	size_t n, alloc;
	int n_errors, n_warnings;
};

#define DIAG_INIT { NULL, 0, 0, 0, 0 }

void diag_init(struct diag *d);
void diag_release(struct diag *d);

/* Records an error or warning.  line <= 0 omits the line number; file may be
 * NULL for problems that belong to no file. */
void diag_error(struct diag *d, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);
void diag_warning(struct diag *d, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);

/* Writes every entry, one a line: "error: TEXT" or "warning: TEXT". */
void diag_print(const struct diag *d, FILE *out);

/* Whether any entry's text contains needle (for tests). */
int diag_contains(const struct diag *d, const char *needle);

#endif
