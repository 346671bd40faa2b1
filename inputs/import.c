/*
 * import.c - what both importers share (import.h): the id rule, CSV rows
 * built in memory, and the all-or-nothing commit into the scenario
 * directory.
 *
 * Files are built in memory because an importer must have read and
 * checked everything before it writes anything: a school's roster is a few
 * megabytes at most.  The commit writes each file to a temporary file in
 * the scenario directory (so the rename stays on one file system), fsyncs
 * it, and only when every file is on disk renames them all over their old
 * versions; the directory is synced last.  A reader sees the old file or
 * the new one, never a mixture.
 */
#define _POSIX_C_SOURCE 200809L
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/util.h"
#include "inputs/csv_table.h"

static void append(struct import_csv *f, const char *s, size_t n)
{
	if (f->len + n + 1 > f->cap) {
		f->cap = 2 * (f->len + n + 1) + 256;
		f->text = xrealloc(f->text, f->cap);
	}
	memcpy(f->text + f->len, s, n);
	f->len += n;
	f->text[f->len] = '\0';
}

void import_csv_init(struct import_csv *f, const char *name, const char *header)
{
	f->name = name;
	f->text = NULL;
	f->len = f->cap = 0;
	append(f, header, strlen(header));
	append(f, "\n", 1);
}

void import_csv_row(struct import_csv *f, int n, const char *const *cells)
{
	for (int i = 0; i < n; i++) {
		const char *c = cells[i] ? cells[i] : "";
		if (i)
			append(f, ",", 1);
		/* quoted when a reader would otherwise split or trim it */
		bool quote = strpbrk(c, ",\"\r\n") != NULL ||
			     (*c && (isspace((unsigned char)c[0]) ||
				     isspace((unsigned char)c[strlen(c) - 1])));
		if (!quote) {
			append(f, c, strlen(c));
			continue;
		}
		append(f, "\"", 1);
		for (const char *q; (q = strchr(c, '"')); c = q + 1) {
			append(f, c, (size_t)(q - c));
			append(f, "\"\"", 2);
		}
		append(f, c, strlen(c));
		append(f, "\"", 1);
	}
	append(f, "\n", 1);
}

void import_csv_release(struct import_csv *f)
{
	free(f->text);
	f->text = NULL;
	f->len = f->cap = 0;
}

/* Writes f into a new temporary file of dir; its path in *tmp. */
static int write_temp(const char *dir, const struct import_csv *f, char **tmp, struct diag *d)
{
	*tmp = xasprintf("%s/.%s.XXXXXX", dir, f->name);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		diag_error(d, dir, 0, "cannot create a file in the scenario directory: %s",
			   strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	bool ok = fchmod(fd, 0644) == 0;
	for (size_t done = 0; ok && done < f->len;) {
		ssize_t w = write(fd, f->text + done, f->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		done += w > 0 ? (size_t)w : 0;
	}
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok)
		diag_error(d, f->name, 0, "cannot write into '%s': %s", dir, strerror(errno));
	return ok ? 0 : -1;
}

/* An error unless dir/name is absent or a regular file: a directory (or
 * anything else) there would make its rename fail after the others. */
static int check_target(const char *dir, const char *name, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	int rc = 0;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error(d, path, 0, "is not a regular file, so the import cannot replace it: "
			   "move it away and import again");
		rc = -1;
	}
	free(path);
	return rc;
}

/* Puts back what the renames before file n replaced: each old file from
 * its hard link, and a file that did not exist before removed. */
static void roll_back(const char *dir, struct import_csv *files, char **old, const bool *had,
		      int n)
{
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, files[i].name);
		if (old[i] && rename(old[i], path) == 0) {
			free(old[i]);
			old[i] = NULL;
		} else if (!had[i]) {
			unlink(path);
		}
		free(path);
	}
}

int import_commit(const char *dir, struct import_csv *files, int n, struct diag *d)
{
	bool created = mkdir(dir, 0755) == 0;
	if (!created && errno != EEXIST) {
		diag_error(d, dir, 0, "cannot create the scenario directory: %s", strerror(errno));
		return -1;
	}
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad += check_target(dir, files[i].name, d) != 0;
	if (bad) {
		if (created)
			rmdir(dir);
		return -1;
	}
	/* tmp: the new files; old: a hard link to each old file, kept until
	 * every rename is done, so that a failed rename puts them all back */
	char **tmp = xcalloc((size_t)n + 1, sizeof(char *));
	char **old = xcalloc((size_t)n + 1, sizeof(char *));
	bool *had = xcalloc((size_t)n + 1, sizeof(bool));
	int rc = -1, done = 0;
	for (int i = 0; i < n; i++)
		if (write_temp(dir, &files[i], &tmp[i], d))
			goto out_remove;
	for (; done < n; done++) {
		char *path = xasprintf("%s/%s", dir, files[done].name);
		had[done] = access(path, F_OK) == 0;
		if (had[done]) {
			old[done] = xasprintf("%s.old", tmp[done]);
			if (link(path, old[done]) != 0) {   /* no hard links here: no way back */
				free(old[done]);
				old[done] = NULL;
			}
		}
		int r = rename(tmp[done], path);
		if (r != 0)
			diag_error(d, path, 0, "cannot replace: %s", strerror(errno));
		free(path);
		if (r != 0) {
			roll_back(dir, files, old, had, done);
			goto out_remove;
		}
		free(tmp[done]);
		tmp[done] = NULL;
	}
	int dfd = open(dir, O_RDONLY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out_remove:
	for (int i = 0; i < n; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		if (old[i] && rc == 0)
			unlink(old[i]);
		else if (old[i] && i == done)
			unlink(old[i]);   /* its rename failed: the old file is in place */
		free(tmp[i]);
		free(old[i]);
	}
	free(tmp);
	free(old);
	free(had);
	if (rc != 0 && created)
		rmdir(dir);
	return rc;
}

void import_format_score(char *buf, size_t len, double score)
{
	snprintf(buf, len, "%.2f", score);
	char *dot = strchr(buf, '.');
	if (!dot)
		return;
	char *end = buf + strlen(buf);
	while (end > dot + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == dot + 1)
		*dot = '\0';
}

static const char **sort_keys;     /* qsort has no context argument */

static int cmp_key(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int r = strcmp(sort_keys[x], sort_keys[y]);
	return r ? r : (x > y) - (x < y);
}

void import_lookup_build(struct import_lookup *lk, const char **key, int n)
{
	lk->key = key;
	lk->n = n;
	lk->order = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (int i = 0; i < n; i++)
		lk->order[i] = i;
	sort_keys = key;
	if (n > 1)
		qsort(lk->order, (size_t)n, sizeof(int), cmp_key);
}

int import_lookup_find(const struct import_lookup *lk, const char *s)
{
	int lo = 0, hi = lk->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(lk->key[lk->order[mid]], s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lk->n && !strcmp(lk->key[lk->order[lo]], s) ? lk->order[lo] : -1;
}

void import_lookup_release(struct import_lookup *lk)
{
	free(lk->order);
	free(lk->key);
	lk->order = NULL;
	lk->key = NULL;
	lk->n = 0;
}

int import_carry_open(struct import_carry *c, const char *dir, const char *name,
		      const char *const *own, struct diag *d)
{
	memset(c, 0, sizeof(*c));
	struct csv_table *t = xcalloc(1, sizeof(*t));
	int before = d->n_errors;
	int rc = csv_table_read(t, dir, name, false, d);
	int id = rc > 0 ? csv_table_col(t, own[0]) : -1;
	if (rc > 0 && id < 0)
		diag_error(d, t->name, 1, "no '%s' column: fix or remove the old %s before "
			   "importing", own[0], name);
	bool failed = rc < 0 || (rc > 0 && id < 0) || d->n_errors > before;
	if (rc <= 0 || failed) {
		csv_table_release(t);
		free(t);
		return failed ? -1 : 0;
	}
	c->old = t;
	c->cols = xmalloc(sizeof(int) * ((size_t)t->n_cols + 1));
	for (int k = 0; k < t->n_cols; k++) {
		bool mine = false;
		for (int o = 0; own[o] && !mine; o++)
			mine = !strcasecmp(t->header[k], own[o]);
		if (!mine)
			c->cols[c->n_cols++] = k;
	}
	const char **keys = xmalloc(sizeof(char *) * ((size_t)t->n_rows + 1));
	for (int r = 0; r < t->n_rows; r++)
		keys[r] = t->rows[r][id];
	import_lookup_build(&c->by_id, keys, t->n_rows);
	return 0;
}

void import_carry_header(const struct import_carry *c, char **header)
{
	for (int k = 0; k < c->n_cols; k++) {
		char *longer = xasprintf("%s,%s", *header, c->old->header[c->cols[k]]);
		free(*header);
		*header = longer;
	}
}

void import_carry_cells(const struct import_carry *c, const char *id, const char **cells)
{
	int r = c->n_cols ? import_lookup_find(&c->by_id, id) : -1;
	for (int k = 0; k < c->n_cols; k++)
		cells[k] = r >= 0 ? c->old->rows[r][c->cols[k]] : "";
}

void import_carry_release(struct import_carry *c)
{
	if (c->old)
		csv_table_release(c->old);
	free(c->old);
	free(c->cols);
	import_lookup_release(&c->by_id);
	memset(c, 0, sizeof(*c));
}
