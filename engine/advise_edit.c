/*
 * advise_edit.c - scenario copies with one change, for advise's re-solves.
 *
 * A CSV edit goes through inputs/csv_table.c, the reader the scenario is
 * loaded with, so that the edited file means what the original meant with
 * one cell changed; it is written back in plain RFC 4180 (no spreadsheet
 * guard: these are inputs, and valid ids never start with a formula
 * character).  scenario.conf is edited as text, so its comments and layout
 * survive.  Files are written beside their final name and renamed.
 */
#define _POSIX_C_SOURCE 200809L
#include "advise_edit.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "engine/util.h"
#include "inputs/csv_table.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t alloc = 4096, n = 0;
	char *buf = xmalloc(alloc);
	size_t k;
	while ((k = fread(buf + n, 1, alloc - n - 1, f)) > 0) {
		n += k;
		if (alloc - n - 1 == 0)
			buf = xrealloc(buf, alloc *= 2);
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Writes len bytes to path through path.tmp and a rename. */
static int write_file(const char *path, const char *data, size_t len, struct diag *d)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	int rc = -1;
	if (!f)
		goto out_free;
	bool ok = fwrite(data, 1, len, f) == len;
	ok &= fclose(f) == 0;
	if (ok && rename(tmp, path) == 0)
		rc = 0;
	else
		remove(tmp);
out_free:
	if (rc)
		diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	free(tmp);
	return rc;
}

int advise_copy_scenario(const char *src, const char *dst, struct diag *d)
{
	DIR *dir = opendir(src);
	if (!dir) {
		diag_error(d, src, 0, "cannot read the scenario directory: %s", strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *ent;
	while (rc == 0 && (ent = readdir(dir)) != NULL) {
		char *from = xasprintf("%s/%s", src, ent->d_name);
		struct stat st;
		if (stat(from, &st) == 0 && S_ISREG(st.st_mode)) {
			size_t len = 0;
			char *data = slurp(from, &len);
			char *to = xasprintf("%s/%s", dst, ent->d_name);
			if (!data) {
				diag_error(d, from, 0, "cannot read: %s", strerror(errno));
				rc = -1;
			} else {
				rc = write_file(to, data, len, d);
			}
			free(data);
			free(to);
		}
		free(from);
	}
	closedir(dir);
	return rc;
}

/* Appends cell to *out (RFC 4180 quoting when needed). */
static void put_cell(FILE *out, const char *cell)
{
	if (!strpbrk(cell, ",\"\r\n")) {
		fputs(cell, out);
		return;
	}
	fputc('"', out);
	for (const char *c = cell; *c; c++) {
		if (*c == '"')
			fputc('"', out);
		fputc(*c, out);
	}
	fputc('"', out);
}

/* The table edited: the header, then rows[0..n_rows-1] written and one
 * spare row for an append (n_alloc = the file's rows + 1). */
struct grid {
	int n_cols, n_rows, n_alloc;
	char **header;
	char ***rows;
};

static void grid_from_table(struct grid *g, const struct csv_table *t)
{
	g->n_cols = t->n_cols;
	g->n_rows = t->n_rows;
	g->n_alloc = t->n_rows + 1;
	g->header = xcalloc((size_t)t->n_cols + ADVISE_EDIT_COLS + 1, sizeof(char *));
	g->rows = xcalloc((size_t)t->n_rows + 2, sizeof(char **));
	for (int c = 0; c < t->n_cols; c++)
		g->header[c] = xstrdup(t->header[c]);
	for (int r = 0; r <= t->n_rows; r++) {
		g->rows[r] = xcalloc((size_t)t->n_cols + ADVISE_EDIT_COLS + 1, sizeof(char *));
		for (int c = 0; c < t->n_cols; c++)
			g->rows[r][c] = xstrdup(r < t->n_rows ? t->rows[r][c] : "");
	}
}

static void grid_release(struct grid *g)
{
	for (int r = 0; r < g->n_alloc; r++) {
		for (int c = 0; c < g->n_cols; c++)
			free(g->rows[r][c]);
		free(g->rows[r]);
	}
	for (int c = 0; c < g->n_cols; c++)
		free(g->header[c]);
	free(g->rows);
	free(g->header);
}

/* Column name's index, added (empty in every row) when missing. */
static int grid_col(struct grid *g, const char *name)
{
	for (int c = 0; c < g->n_cols; c++)
		if (!strcasecmp(g->header[c], name))
			return c;
	g->header[g->n_cols] = xstrdup(name);
	for (int r = 0; r < g->n_alloc; r++)
		g->rows[r][g->n_cols] = xstrdup("");
	return g->n_cols++;
}

static void set_cell(char **cell, char *value)
{
	free(*cell);
	*cell = value;
}

/* "a;b;c" without item. */
static char *list_without(const char *list, const char *item)
{
	char **items = NULL;
	int n = csv_split_list(list, &items);
	char *s = xstrdup("");
	for (int i = 0; i < n; i++) {
		if (strcmp(items[i], item)) {
			char *t = xasprintf("%s%s%s", s, *s ? ";" : "", items[i]);
			free(s);
			s = t;
		}
		free(items[i]);
	}
	free(items);
	return s;
}

/* Applies a row edit to g; returns -1 when its row is not there. */
static int grid_edit(struct grid *g, const struct advise_edit *e)
{
	if (e->op == EDIT_APPEND_ROW) {
		int r = g->n_rows;     /* the spare row grid_from_table made */
		for (int k = 0; k < e->n; k++)
			set_cell(&g->rows[r][grid_col(g, e->cols[k])], xstrdup(e->vals[k]));
		g->n_rows++;
		return 0;
	}
	int kc = grid_col(g, e->key_col), col = grid_col(g, e->col);
	for (int r = 0; r < g->n_rows; r++) {
		if (strcmp(g->rows[r][kc], e->key))
			continue;
		if (e->op == EDIT_SET)
			set_cell(&g->rows[r][col], xstrdup(e->value));
		else
			set_cell(&g->rows[r][col], list_without(g->rows[r][col], e->value));
		return 0;
	}
	return -1;
}

static int edit_csv(const char *dir, const struct advise_edit *e, struct diag *d)
{
	struct csv_table t;
	if (csv_table_read(&t, dir, e->file, true, d) != 1)
		return -1;
	struct grid g;
	grid_from_table(&g, &t);
	csv_table_release(&t);
	int rc = grid_edit(&g, e);
	if (rc) {
		diag_error(d, e->file, 0, "no row with %s '%s'", e->key_col, e->key);
		goto out_release;
	}
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	for (int r = -1; r < g.n_rows; r++) {
		for (int c = 0; c < g.n_cols; c++) {
			if (c)
				fputc(',', out);
			put_cell(out, r < 0 ? g.header[c] : g.rows[r][c]);
		}
		fputc('\n', out);
	}
	fclose(out);
	char *path = xasprintf("%s/%s", dir, e->file);
	rc = write_file(path, text, len, d);
	free(path);
	free(text);
out_release:
	grid_release(&g);
	return rc;
}

/* Whether at, in text, follows a `#` or `//` comment start on its line. */
static bool in_comment(const char *text, const char *at)
{
	const char *line = at;
	while (line > text && line[-1] != '\n')
		line--;
	for (const char *c = line; c < at; c++)
		if (*c == '#' || (c[0] == '/' && c[1] == '/'))
			return true;
	return false;
}

/* scenario.conf: `lab { max_group = V }`, the number replaced when the
 * section sets it, added to the section when not, the section appended
 * when there is none. */
static int edit_conf(const char *dir, const struct advise_edit *e, struct diag *d)
{
	char *path = xasprintf("%s/scenario.conf", dir);
	size_t len = 0;
	char *text = slurp(path, &len);
	char *out = NULL;
	int rc = -1;
	if (!text) {
		diag_error(d, path, 0, "cannot read: %s", strerror(errno));
		goto out_free;
	}
	char *lab = text;
	while ((lab = strstr(lab, "lab")) != NULL) {
		char *q = lab + 3;
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			q++;
		bool word = lab == text || !(lab[-1] == '_' || isalnum((unsigned char)lab[-1]));
		if (word && *q == '{' && !in_comment(text, lab))
			break;
		lab += 3;
	}
	if (!lab) {
		out = xasprintf("%s\nlab { max_group = %s }\n", text, e->value);
	} else {
		char *open = strchr(lab, '{'), *close = strchr(open, '}');
		char *mg = strstr(open, "max_group");
		if (mg && (!close || mg < close)) {
			char *num = mg + 9;
			while (*num && !(*num >= '0' && *num <= '9'))
				num++;
			char *end = num;
			while (*end >= '0' && *end <= '9')
				end++;
			out = xasprintf("%.*s%s%s", (int)(num - text), text, e->value, end);
		} else {
			bool space = open[1] == ' ' || open[1] == '\t' || open[1] == '\n';
			out = xasprintf("%.*s max_group = %s%s%s", (int)(open + 1 - text), text,
					e->value, space ? "" : " ", open + 1);
		}
	}
	rc = write_file(path, out, strlen(out), d);
out_free:
	free(out);
	free(text);
	free(path);
	return rc;
}

int advise_edit_apply(const char *dir, const struct advise_edit *e, struct diag *d)
{
	return e->op == EDIT_CONF_LAB ? edit_conf(dir, e, d) : edit_csv(dir, e, d);
}
