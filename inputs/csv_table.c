/*
 * csv_table.c - reads a scenario CSV file with libcsv (see csv_table.h).
 *
 * The file is fed to libcsv one physical line at a time so that each
 * record's starting line is known: a record starts on the first non-blank
 * line fed while no record is open, and stays open across lines inside a
 * quoted field.  libcsv hands fields in a reused buffer, so they are copied,
 * all into one growing text arena, with the cells kept as offsets while the
 * arena may still move and turned into pointers once at the end.  A hostile
 * 100 MB file then costs about its own size plus a pointer per cell, not a
 * heap block per cell.
 */
#define _POSIX_C_SOURCE 200809L
#include "csv_table.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "engine/util.h"

/* A cell while reading: an offset into the arena; after: a pointer. */
union cell {
	size_t off;
	char *str;
};
_Static_assert(sizeof(union cell) == sizeof(char *), "cells are turned into char * in place");

struct reader {
	struct csv_table *t;
	struct diag *d;
	char *text;                 /* the arena: every cell, NUL-terminated */
	size_t n_text, alloc_text;
	union cell *cells;          /* n_rows * n_cols once the header is known */
	size_t n_cells, alloc_cells;
	size_t *record;             /* offsets of the record being built */
	size_t n_fields, alloc_fields;
	size_t alloc_lines;
	long start_line;
	long extra_errors;          /* rows with more cells than the header */
	bool record_ended;
	bool have_header;
	bool semicolons;            /* the header reads as one ';'-joined column */
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

/* Appends s[0..len) trimmed of surrounding white space to the arena and
 * returns its offset. */
static size_t arena_add(struct reader *r, const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	size_t off = r->n_text;
	xgrow((void **)&r->text, &r->alloc_text, r->n_text + len + 1, 1);
	if (len)
		memcpy(r->text + off, s, len);
	r->text[off + len] = '\0';
	r->n_text += len + 1;
	return off;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	size_t off = arena_add(r, data ? data : "", data ? len : 0);
	xgrow((void **)&r->record, &r->alloc_fields, r->n_fields + 1, sizeof(size_t));
	r->record[r->n_fields++] = off;
}

static void on_record(int c, void *ctx)
{
	struct reader *r = ctx;
	struct csv_table *t = r->t;
	(void)c;
	r->record_ended = true;
	if (!r->have_header) {
		t->n_cols = (int)r->n_fields;
		t->header = xcalloc(r->n_fields + 1, sizeof(char *));
		for (size_t i = 0; i < r->n_fields; i++)
			t->header[i] = xstrdup(r->text + r->record[i]);
		r->have_header = true;
		r->n_fields = 0;
		/* no column name holds a ';': a header that does was written by a
		 * spreadsheet set to a ';' list separator */
		for (int i = 0; i < t->n_cols; i++)
			if (strchr(t->header[i], ';'))
				r->semicolons = true;
		return;
	}
	/* every row gets n_cols cells: short rows are padded with "" (the
	 * arena's first byte), cells past the header must be empty */
	size_t nc = (size_t)t->n_cols;
	for (size_t i = nc; i < r->n_fields; i++)
		if (r->text[r->record[i]]) {
			if (r->extra_errors++ < 5)
				diag_error(r->d, t->name, r->start_line, "row has %zu cells but the "
					   "header names %zu columns: quote a value that contains a "
					   "comma", r->n_fields, nc);
			break;
		}
	xgrow((void **)&r->cells, &r->alloc_cells, r->n_cells + nc + 1, sizeof(union cell));
	for (size_t i = 0; i < nc; i++)
		r->cells[r->n_cells + i].off = i < r->n_fields ? r->record[i] : 0;
	r->n_cells += nc;
	xgrow((void **)&t->line, &r->alloc_lines, (size_t)t->n_rows + 1, sizeof(long));
	t->line[t->n_rows++] = r->start_line;
	r->n_fields = 0;
}

static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Offset of the first byte of s[0..len) that is not part of well-formed
 * UTF-8 (no overlong forms, no surrogates, at most U+10FFFF), or -1. */
static long utf8_bad_at(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned char lo = 0x80, hi = 0xBF;  /* range of the second byte */
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			lo = c == 0xE0 ? 0xA0 : 0x80;
			hi = c == 0xED ? 0x9F : 0xBF;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF;
		} else {
			return (long)i;
		}
		if (i + n > len || s[i + 1] < lo || s[i + 1] > hi)
			return (long)i;
		for (size_t k = 2; k < n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return (long)i;
		i += n;
	}
	return -1;
}

/* A file from a spreadsheet whose list separator is ';': one message
 * instead of a missing-column error for every required column. */
static void semicolon_error(struct diag *d, const char *name, long line)
{
	diag_error(d, name, line, "looks semicolon-separated (its header has ';' between the "
		   "column names): save it as comma-separated CSV (\"CSV UTF-8 (Comma "
		   "delimited)\"), or set the spreadsheet's list separator to ','");
}

/* getline() that also ends a line at a CR not followed by LF: libcsv ends a
 * record there, and files saved with CR line ends (classic Mac) must still
 * give each row its own line number. */
static ssize_t read_line(char **buf, size_t *cap, FILE *f)
{
	size_t n = 0;
	int c;
	while ((c = getc_unlocked(f)) != EOF) {
		xgrow((void **)buf, cap, n + 3, 1); /* c, a LF after a CR, the NUL */
		(*buf)[n++] = (char)c;
		if (c == '\n')
			break;
		if (c == '\r') {
			int next = getc_unlocked(f);
			if (next == '\n') {
				(*buf)[n++] = '\n';
				break;
			}
			if (next != EOF)
				ungetc(next, f);
			break;
		}
	}
	if (n)
		(*buf)[n] = '\0';
	return n ? (ssize_t)n : -1;
}

/* Turns the offsets into the final rows[r][c] pointers. */
static void finish_rows(struct reader *r)
{
	struct csv_table *t = r->t;
	size_t nc = (size_t)t->n_cols;
	t->text = r->text;
	r->text = NULL;
	t->rows = xcalloc((size_t)t->n_rows + 1, sizeof(char **));
	if (!r->cells)
		return;
	char **cells = (char **)r->cells;
	for (size_t i = 0; i < r->n_cells; i++) {
		size_t off = r->cells[i].off;
		r->cells[i].str = t->text + off;
	}
	for (int row = 0; row < t->n_rows; row++)
		t->rows[row] = cells + (size_t)row * nc;
	t->cells = cells;
	r->cells = NULL;
}

/* Opens dir/name for reading; NULL with *rc 0 when it is absent and not
 * required, else -1 with the error in d. */
static FILE *open_csv(const char *dir, const char *name, bool required, struct diag *d, int *rc)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	FILE *f = NULL;
	*rc = -1;
	if (stat(path, &st) != 0) {
		int err = errno;
		if (err == ENOENT && !required)
			*rc = 0;
		else if (err == ENOENT)
			diag_error(d, name, 0, "missing required file (looked for '%s')", path);
		else
			diag_error(d, name, 0, "cannot read: %s", strerror(err));
	} else if (S_ISDIR(st.st_mode)) {
		diag_error(d, name, 0, "is a directory, not a CSV file");
	} else if (!(f = fopen(path, "rb"))) {
		diag_error(d, name, 0, "cannot open: %s", strerror(errno));
	}
	free(path);
	return f;
}

/* A column without a name is a warning, a name twice (in any case) an
 * error: false then, and the columns after it are not looked at. */
static bool header_ok(const struct csv_table *t, struct diag *d)
{
	bool ok = true;
	for (int i = 0; ok && i < t->n_cols; i++) {
		if (!*t->header[i])
			diag_warning(d, t->name, 1, "column %d has no name in the header and is "
				     "ignored", i + 1);
		for (int j = 0; j < i; j++)
			if (*t->header[i] && !strcasecmp(t->header[i], t->header[j])) {
				diag_error(d, t->name, 1, "column '%s' appears twice in the header "
					   "(columns %d and %d): delete one of them", t->header[i],
					   j + 1, i + 1);
				ok = false;
			}
	}
	return ok;
}

int csv_table_read(struct csv_table *t, const char *dir, const char *name, bool required,
		   struct diag *d)
{
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	int rc = -1;
	FILE *f = open_csv(dir, name, required, d, &rc);
	if (!f)
		return rc;

	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_error(d, name, 0, "cannot start the CSV parser");
		goto out_file;
	}
	/* libcsv grows a field by blk_size at a time: in large steps, a long
	 * field costs a few reallocations, not one per 128 bytes */
	csv_set_blk_size(&parser, 1 << 20);
	struct reader r = { .t = t, .d = d, .record_ended = true };
	size_t record_bytes = 0;
	arena_add(&r, "", 0);       /* offset 0: the empty cell */
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	bool open_record = false, ok = true;
	errno = 0;
	while ((len = read_line(&buf, &cap, f)) > 0) {
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
		long bad = utf8_bad_at((const unsigned char *)s, (size_t)len);
		if (bad >= 0) {
			/* one message: every later line of a Latin-1 export is
			 * likely the same */
			diag_error(d, name, line, "not UTF-8 (byte 0x%02X at column %ld): save it "
				   "as \"CSV UTF-8\" in the spreadsheet, or convert it with "
				   "'iconv -f latin1 -t utf8 %s > new.csv'", (unsigned char)s[bad],
				   bad + 1 + (s != buf ? 3 : 0), name);
			ok = false;
			break;
		}
		if (!open_record) {
			if (blank(s, (size_t)len))
				continue;
			r.start_line = line;
			record_bytes = 0;
			/* a quoted ';' header would fail as malformed CSV first */
			if (!r.have_header && memchr(s, ';', (size_t)len) &&
			    !memchr(s, ',', (size_t)len)) {
				semicolon_error(d, name, line);
				ok = false;
				break;
			}
		}
		record_bytes += (size_t)len;
		if (record_bytes > CSV_MAX_RECORD) {
			diag_error(d, name, r.start_line, "a row of more than %d MB: is a closing "
				   "quote missing?", CSV_MAX_RECORD >> 20);
			ok = false;
			break;
		}
		r.record_ended = false;
		if (csv_parse(&parser, s, (size_t)len, on_field, on_record, &r) != (size_t)len) {
			diag_error(d, name, r.start_line, "malformed CSV: %s (a quote inside a field "
				   "must be doubled, and a quoted field must end with a quote)",
				   csv_strerror(csv_error(&parser)));
			ok = false;
			break;
		}
		if (r.semicolons) {
			semicolon_error(d, name, r.start_line);
			ok = false;
			break;
		}
		/* still inside a quoted field: the record goes on next line */
		open_record = !r.record_ended;
		if (t->n_rows > CSV_MAX_ROWS) {
			diag_error(d, name, r.start_line, "more than %d rows: a scenario file "
				   "this long is not a school's (split the scenario)", CSV_MAX_ROWS);
			ok = false;
			break;
		}
	}
	if (ok && ferror(f)) {
		diag_error(d, name, 0, "cannot read: %s", strerror(errno ? errno : EIO));
		ok = false;
	}
	if (ok && csv_fini(&parser, on_field, on_record, &r) != 0) {
		diag_error(d, name, r.start_line, "malformed CSV at the end of the file: %s",
			   csv_strerror(csv_error(&parser)));
		ok = false;
	}
	if (r.extra_errors > 5)
		diag_error(d, name, 0, "%ld more rows have more cells than the header names",
			   r.extra_errors - 5);
	free(r.record);
	free(buf);
	csv_free(&parser);
	finish_rows(&r);
	free(r.text);
	free(r.cells);
	if (ok && !r.have_header) {
		diag_error(d, name, 1, "empty file: a header row is required");
		ok = false;
	}
	ok = ok && header_ok(t, d);
	rc = ok ? 1 : -1;   /* extra-cell rows are reported, the table is usable */
out_file:
	fclose(f);
	return rc;
}
int csv_table_col(const struct csv_table *t, const char *col)
{
	for (int i = 0; i < t->n_cols; i++)
		if (!strcasecmp(t->header[i], col))
			return i;
	return -1;
}

void csv_table_warn_unknown(const struct csv_table *t, const char *const *known, struct diag *d)
{
	for (int i = 0; i < t->n_cols; i++) {
		const char *const *k;
		if (!*t->header[i])
			continue;       /* already warned as unnamed */
		for (k = known; *k; k++)
			if (!strcasecmp(*k, t->header[i]))
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
	free(t->rows);
	free(t->cells);
	free(t->text);
	free(t->line);
	free(t->name);
	memset(t, 0, sizeof(*t));
}

bool csv_valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64 || !isalnum((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return false;
	return true;
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
