/*
 * csv_table.c - reads a scenario CSV file with libcsv (see csv_table.h).
 *
 * The file is fed to libcsv one physical line at a time so that each
 * record's starting line is known: a record starts on the first non-blank
 * line fed while no record is open, and stays open across lines inside a
 * quoted field.  libcsv hands fields in a reused buffer; they are copied.
 */
#define _POSIX_C_SOURCE 200809L
#include "csv_table.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/util.h"

struct reader {
	struct csv_table *t;
	char **fields;              /* the record being built */
	size_t n_fields, alloc_fields;
	size_t alloc_rows;
	long start_line;
	bool record_ended;
	bool have_header;
};

static char *trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return xstrndup(s, len);
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	xgrow((void **)&r->fields, &r->alloc_fields, r->n_fields + 1, sizeof(char *));
	r->fields[r->n_fields++] = trimmed(data ? data : "", data ? len : 0);
}

static void on_record(int c, void *ctx)
{
	struct reader *r = ctx;
	struct csv_table *t = r->t;
	(void)c;
	r->record_ended = true;
	if (!r->have_header) {
		t->header = r->fields;
		t->n_cols = (int)r->n_fields;
		r->have_header = true;
	} else {
		/* every row gets n_cols cells; extra cells are kept out */
		char **row = xcalloc((size_t)t->n_cols + 1, sizeof(char *));
		for (int i = 0; i < t->n_cols; i++)
			row[i] = i < (int)r->n_fields ? r->fields[i] : xstrdup("");
		for (size_t i = (size_t)t->n_cols; i < r->n_fields; i++)
			free(r->fields[i]);
		free(r->fields);
		size_t a = r->alloc_rows;
		xgrow((void **)&t->rows, &a, (size_t)t->n_rows + 1, sizeof(char **));
		xgrow((void **)&t->line, &r->alloc_rows, (size_t)t->n_rows + 1, sizeof(long));
		t->rows[t->n_rows] = row;
		t->line[t->n_rows++] = r->start_line;
	}
	r->fields = NULL;
	r->n_fields = r->alloc_fields = 0;
}

static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

int csv_table_read(struct csv_table *t, const char *dir, const char *name, bool required,
		   struct diag *d)
{
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	int rc = -1;
	FILE *f = NULL;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT && !required) {
			rc = 0;
			goto out_path;
		}
		if (errno == ENOENT)
			diag_error(d, name, 0, "missing required file (looked for '%s')", path);
		else
			diag_error(d, name, 0, "cannot read: %s", strerror(errno));
		goto out_path;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_error(d, name, 0, "is a directory, not a CSV file");
		goto out_path;
	}
	f = fopen(path, "rb");
	if (!f) {
		diag_error(d, name, 0, "cannot open: %s", strerror(errno));
		goto out_path;
	}

	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_error(d, name, 0, "cannot start the CSV parser");
		goto out_file;
	}
	struct reader r = { .t = t, .record_ended = true };
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	bool open_record = false, ok = true;
	while ((len = getline(&buf, &cap, f)) > 0) {
		line++;
		char *s = buf;
		if (line == 1 && len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
			s += 3;
			len -= 3;
		}
		if (memchr(s, '\0', (size_t)len)) {
			diag_error(d, name, line, "contains a NUL byte: save the file as UTF-8 text");
			ok = false;
			break;
		}
		if (!open_record) {
			if (blank(s, (size_t)len))
				continue;
			r.start_line = line;
		}
		r.record_ended = false;
		if (csv_parse(&parser, s, (size_t)len, on_field, on_record, &r) != (size_t)len) {
			diag_error(d, name, r.start_line, "malformed CSV: %s (a quote inside a field "
				   "must be doubled, and a quoted field must end with a quote)",
				   csv_strerror(csv_error(&parser)));
			ok = false;
			break;
		}
		/* still inside a quoted field: the record goes on next line */
		open_record = !r.record_ended;
	}
	if (ok && ferror(f)) {
		diag_error(d, name, 0, "cannot read: %s", strerror(errno));
		ok = false;
	}
	if (ok && csv_fini(&parser, on_field, on_record, &r) != 0) {
		diag_error(d, name, r.start_line, "malformed CSV at the end of the file: %s",
			   csv_strerror(csv_error(&parser)));
		ok = false;
	}
	for (size_t i = 0; i < r.n_fields; i++)
		free(r.fields[i]);
	free(r.fields);
	free(buf);
	csv_free(&parser);
	if (ok && !r.have_header) {
		diag_error(d, name, 1, "empty file: a header row is required");
		ok = false;
	}
	for (int i = 0; ok && i < t->n_cols; i++)
		for (int j = 0; j < i; j++)
			if (!strcmp(t->header[i], t->header[j])) {
				diag_error(d, name, 1, "column '%s' appears twice in the header",
					   t->header[i]);
				ok = false;
			}
	rc = ok ? 1 : -1;
out_file:
	fclose(f);
out_path:
	free(path);
	return rc;
}

int csv_table_col(const struct csv_table *t, const char *col)
{
	for (int i = 0; i < t->n_cols; i++)
		if (!strcmp(t->header[i], col))
			return i;
	return -1;
}

void csv_table_warn_unknown(const struct csv_table *t, const char *const *known, struct diag *d)
{
	for (int i = 0; i < t->n_cols; i++) {
		const char *const *k;
		for (k = known; *k; k++)
			if (!strcmp(*k, t->header[i]))
				break;
		if (!*k)
			diag_warning(d, t->name, 1, "unknown column '%s' is ignored", t->header[i]);
	}
}

int csv_table_require(const struct csv_table *t, const char *const *required, struct diag *d)
{
	int missing = 0;
	for (const char *const *k = required; *k; k++)
		if (csv_table_col(t, *k) < 0) {
			diag_error(d, t->name, 1, "missing required column '%s'", *k);
			missing++;
		}
	return missing;
}

void csv_table_release(struct csv_table *t)
{
	for (int i = 0; i < t->n_cols; i++)
		free(t->header[i]);
	free(t->header);
	for (int r = 0; r < t->n_rows; r++) {
		for (int i = 0; i < t->n_cols; i++)
			free(t->rows[r][i]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->line);
	free(t->name);
	memset(t, 0, sizeof(*t));
}

int csv_split_list(const char *cell, char ***items)
{
	int n = 0;
	size_t alloc = 0;
	*items = NULL;
	const char *p = cell;
	for (;;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *item = trimmed(p, len);
		if (*item) {
			xgrow((void **)items, &alloc, (size_t)n + 1, sizeof(char *));
			(*items)[n++] = item;
		} else {
			free(item);
		}
		if (!e)
			break;
		p = e + 1;
	}
	return n;
}
