/*
 * loader.c - what the per-file loaders of a scenario share (loader.h):
 * capped errors, cell parsers, name interning, id references and the one
 * reader of an entity file.  Ids are resolved with the sorted lookups of
 * problem.c and duplicates found by sorting, never by comparing every row
 * with every other, so a hostile 100 MB file checks in seconds.
 */
#define _POSIX_C_SOURCE 200809L
#include "loader.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs/decimal.h"

#define ERROR_CAP 100   /* errors listed per file */

void ld_err(struct loader *ld, const char *file, long line, const char *fmt, ...)
{
	struct file_errors *fe = NULL;
	for (int i = 0; i < ld->n_error_files; i++)
		if (!strncmp(ld->errors[i].file, file, sizeof(fe->file) - 1))
			fe = &ld->errors[i];
	if (!fe && ld->n_error_files < (int)(sizeof(ld->errors) / sizeof(ld->errors[0]))) {
		fe = &ld->errors[ld->n_error_files++];
		snprintf(fe->file, sizeof(fe->file), "%s", file);
		fe->count = 0;
	}
	if (fe && fe->count++ >= ERROR_CAP)
		return;
	va_list ap;
	va_start(ap, fmt);
	char msg[1024];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(ld->d, file, line, "%s", msg);
}

void ld_report_capped(struct loader *ld)
{
	for (int i = 0; i < ld->n_error_files; i++)
		if (ld->errors[i].count > ERROR_CAP)
			diag_error(ld->d, ld->errors[i].file, 0, "%ld more errors not listed: fix "
				   "the ones above and check again", ld->errors[i].count - ERROR_CAP);
}

/* The files whose ids others refer to, in enum ld_ref order, with the
 * lookup of their ids. */
static const struct {
	const char *file, *noun, *id_col;
	int (*find)(const struct problem *p, const char *id);
} id_files[] = {
	[REF_BLOCK] = { "blocks.csv", "block", "block_id", problem_find_block },
	[REF_LEARNER] = { "learners.csv", "learner", "learner_id", problem_find_learner },
	[REF_FACILITATOR] = { "facilitators.csv", "facilitator", "facilitator_id",
			      problem_find_facilitator },
	[REF_GOAL] = { "goals.csv", "goal", "goal_id", problem_find_goal },
	[REF_SEMINAR] = { "seminars.csv", "seminar", "seminar_id", problem_find_seminar },
};
#define N_ID_FILES (sizeof(id_files) / sizeof(id_files[0]))

void ld_mark_broken(struct loader *ld, const char *file)
{
	for (unsigned i = 0; i < N_ID_FILES; i++)
		if (!strcmp(file, id_files[i].file))
			ld->broken |= 1u << i;
}

bool ld_is_broken(const struct loader *ld, const char *file)
{
	for (unsigned i = 0; i < N_ID_FILES; i++)
		if (!strcmp(file, id_files[i].file))
			return ld->broken & (1u << i);
	return false;
}

int ld_ref(struct loader *ld, const struct csv_table *t, int r, enum ld_ref kind, const char *v,
	   const char *in_col)
{
	int i = id_files[kind].find(ld->p, v);
	if (i >= 0 || (ld->broken & (1u << kind)))
		return i;
	char in[48] = "";
	if (in_col)
		snprintf(in, sizeof(in), " in '%s'", in_col);
	ld_err(ld, t->name, t->line[r], "unknown %s '%.64s'%s: use a %s from %s",
	       id_files[kind].noun, v, in, id_files[kind].id_col, id_files[kind].file);
	return -1;
}

/* ---- cells ------------------------------------------------------------- */

const char *ld_cell(const struct csv_table *t, int r, int c)
{
	return c >= 0 ? t->rows[r][c] : "";
}

void ld_cols(const struct csv_table *t, const char *const *names, int *cols)
{
	for (int i = 0; names[i]; i++)
		cols[i] = csv_table_col(t, names[i]);
}

bool ld_check_id(struct loader *ld, const struct csv_table *t, int r, const char *col,
		 const char *v)
{
	if (csv_valid_id(v))
		return true;
	if (!*v)
		ld_err(ld, t->name, t->line[r], "empty '%s': every row needs one", col);
	else
		ld_err(ld, t->name, t->line[r], "invalid %s '%.64s%s': use 1-64 characters "
		       "of A-Z a-z 0-9 _ . -, the first a letter or a digit", col, v,
		       strlen(v) > 64 ? "..." : "");
	return false;
}

bool ld_int(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
	    long lo, long hi, long def, int *out)
{
	const char *v = ld_cell(t, r, c);
	if (!*v) {
		if (def < lo) {
			ld_err(ld, t->name, t->line[r], "empty '%s': a whole number is required",
			       col);
			return false;
		}
		*out = (int)def;
		return true;
	}
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || *end || end == v || x < lo || x > hi) {
		ld_err(ld, t->name, t->line[r], "bad %s '%.40s': want a whole number from "
		       "%ld to %ld", col, v, lo, hi);
		return false;
	}
	*out = (int)x;
	return true;
}

bool ld_double(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
	       double lo, double hi, double *out)
{
	const char *v = ld_cell(t, r, c);
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || errno || *end || end == v || !isfinite(x) || x < lo || x > hi) {
		ld_err(ld, t->name, t->line[r], "bad %s '%.40s': want a number from %g to %g",
		       col, v, lo, hi);
		return false;
	}
	*out = x;
	return true;
}

bool ld_score(struct loader *ld, const struct csv_table *t, int r, int c, int *out)
{
	const char *v = ld_cell(t, r, c);
	switch (decimal_units(v, 4L * DECIMAL_SCALE, out)) {
	case DECIMAL_OK:
		return true;
	case DECIMAL_PLACES_LOST:
		ld_err(ld, t->name, t->line[r], "bad score '%.40s': more than %d decimals; round "
		       "it to %d (scores are read exactly, to 0.0001)", v, DECIMAL_PLACES,
		       DECIMAL_PLACES);
		return false;
	default:
		ld_err(ld, t->name, t->line[r], "bad score '%.40s': want a decimal number from 0 "
		       "to 4, such as 3.5", v);
		return false;
	}
}

int ld_time(struct loader *ld, const struct csv_table *t, int r, int c, const char *col)
{
	const char *v = ld_cell(t, r, c);
	size_t n = strlen(v);
	const char *colon = strchr(v, ':');
	int h = -1, m = -1;
	if (colon && (colon - v == 1 || colon - v == 2) && v + n - colon == 3 &&
	    isdigit((unsigned char)v[0]) && isdigit((unsigned char)colon[-1]) &&
	    isdigit((unsigned char)colon[1]) && isdigit((unsigned char)colon[2])) {
		h = atoi(v);
		m = atoi(colon + 1);
	}
	if (h < 0 || h > 23 || m < 0 || m > 59) {
		ld_err(ld, t->name, t->line[r], "bad %s '%.40s': want a time as HH:MM (00:00 to "
		       "23:59)", col, v);
		return -1;
	}
	return h * 60 + m;
}

/* ---- names ------------------------------------------------------------- */

static unsigned long hash_name(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

void ld_names_init(struct names *nm, char ***names, int *n)
{
	nm->names = names;
	nm->n = n;
	nm->cap = 64;
	nm->slot = xcalloc(nm->cap, sizeof(int));
}

int ld_intern(struct names *nm, const char *name)
{
	size_t mask = nm->cap - 1, i = hash_name(name) & mask;
	for (; nm->slot[i]; i = (i + 1) & mask)
		if (!strcmp((*nm->names)[nm->slot[i] - 1], name))
			return nm->slot[i] - 1;
	int k = (*nm->n)++;
	*nm->names = xrealloc(*nm->names, sizeof(char *) * (size_t)(k + 1));
	(*nm->names)[k] = xstrdup(name);
	nm->slot[i] = k + 1;
	if ((size_t)*nm->n * 2 > nm->cap) {   /* keep the table at most half full */
		free(nm->slot);
		nm->cap *= 2;
		nm->slot = xcalloc(nm->cap, sizeof(int));
		mask = nm->cap - 1;
		for (int j = 0; j < *nm->n; j++) {
			size_t h = hash_name((*nm->names)[j]) & mask;
			while (nm->slot[h])
				h = (h + 1) & mask;
			nm->slot[h] = j + 1;
		}
	}
	return k;
}

int ld_names_find(const struct names *nm, const char *name)
{
	size_t mask = nm->cap - 1, i = hash_name(name) & mask;
	for (; nm->slot[i]; i = (i + 1) & mask)
		if (!strcmp((*nm->names)[nm->slot[i] - 1], name))
			return nm->slot[i] - 1;
	return -1;
}

int *ld_intern_list(struct names *nm, const char *cell, int *n)
{
	char **items;
	int k = csv_split_list(cell, &items);
	int *out = xmalloc(sizeof(int) * (size_t)(k + 1));
	for (int i = 0; i < k; i++) {
		out[i] = ld_intern(nm, items[i]);
		free(items[i]);
	}
	free(items);
	*n = k;
	return out;
}

/* ---- references -------------------------------------------------------- */

bool *ld_unavailable(struct loader *ld, const struct csv_table *t, int r, int c)
{
	struct problem *p = ld->p;
	bool *un = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	char **items;
	int n = csv_split_list(ld_cell(t, r, c), &items);
	for (int i = 0; i < n; i++) {
		int b = ld_ref(ld, t, r, REF_BLOCK, items[i], "unavailable");
		if (b >= 0)
			un[b] = true;
		free(items[i]);
	}
	free(items);
	return un;
}

int *ld_group_starts(int n_groups, const void *items, int n, size_t stride, size_t offset)
{
	int *start = xcalloc((size_t)n_groups + 2, sizeof(int));
	for (int i = 0; i < n; i++) {
		int k;
		memcpy(&k, (const char *)items + (size_t)i * stride + offset, sizeof(k));
		start[k + 1]++;
	}
	for (int k = 0; k < n_groups; k++)
		start[k + 1] += start[k];
	return start;
}

/* ---- relation files ---------------------------------------------------- */

bool ld_read_pair(struct loader *ld, const struct csv_table *t, int r,
		  const struct ld_pair_cols *pc, struct ld_pair *key)
{
	bool known = true;
	key->id[1] = -1;
	for (int i = 0; i < pc->n; i++) {
		key->id[i] = ld_ref(ld, t, r, pc->kind[i], ld_cell(t, r, pc->col[i]), pc->in_col[i]);
		known &= key->id[i] >= 0;
	}
	key->line = t->line[r];
	return known;
}

static int cmp_pair(const void *a, const void *b)
{
	const struct ld_pair *x = a, *y = b;
	for (int i = 0; i < 2; i++)
		if (x->id[i] != y->id[i])
			return x->id[i] < y->id[i] ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

int ld_drop_repeated(struct loader *ld, const char *file, void *rows, int n, size_t size,
		     ld_repeated_fn *repeated)
{
	if (n > 0)
		qsort(rows, (size_t)n, size, cmp_pair);
	char *base = rows;
	int kept = 0;
	for (int i = 0; i < n; i++) {
		const struct ld_pair *row = (const void *)(base + (size_t)i * size);
		const struct ld_pair *prev = kept ? (const void *)(base + (size_t)(kept - 1) * size)
						  : NULL;
		if (prev && prev->id[0] == row->id[0] && prev->id[1] == row->id[1]) {
			repeated(ld, file, row, prev);
			continue;
		}
		if (kept != i)
			memcpy(base + (size_t)kept * size, row, size);
		kept++;
	}
	return kept;
}

/* ---- files ------------------------------------------------------------- */

bool ld_open_table(struct loader *ld, struct csv_table *t, const char *name, bool required,
		   const char *const *known, const char *const *req)
{
	int rc = csv_table_read(t, ld->dir, name, required, ld->d);
	if (rc < 0)
		ld_mark_broken(ld, name);
	if (rc <= 0)
		return false;
	csv_table_warn_unknown(t, known, ld->d);
	if (csv_table_require(t, req, ld->d) == 0)
		return true;
	ld_mark_broken(ld, name);
	return false;
}

/* Reports every id that appears twice.  The entities (structs starting with
 * `char *id`, n of them, row lines[i]) are already indexed: equal ids are
 * neighbours in the sorted permutation, and each later one is reported
 * against the first in file order. */
static void check_duplicates(struct loader *ld, const char *file, const void *base,
			     size_t stride, const int *sorted, const long *lines, int n,
			     const char *what)
{
#define ID_AT(i) (*(char *const *)((const char *)base + (size_t)(i) * stride))
	int *first = xmalloc(sizeof(int) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		first[i] = -1;
	for (int k = 0; k < n;) {
		int e = k + 1, min = sorted[k];
		while (e < n && !strcmp(ID_AT(sorted[k]), ID_AT(sorted[e]))) {
			min = sorted[e] < min ? sorted[e] : min;
			e++;
		}
		for (int j = k; j < e; j++)
			if (sorted[j] != min)
				first[sorted[j]] = min;
		k = e;
	}
	for (int i = 0; i < n; i++)
		if (first[i] >= 0)
			ld_err(ld, file, lines[i], "duplicate %s '%s' (first on line %ld): ids "
			       "must be unique", what, ID_AT(i), lines[first[i]]);
	free(first);
#undef ID_AT
}

long *ld_load_entities(struct loader *ld, const struct entity_file *ef)
{
	struct problem *p = ld->p;
	struct csv_table t;
	long *lines = NULL;
	if (!ld_open_table(ld, &t, ef->file, ef->required, ef->known, ef->req))
		goto out;
	int cols[16];
	ld_cols(&t, ef->known, cols);
	*ef->array = xcalloc((size_t)t.n_rows + 1, ef->size);
	lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = ld_cell(&t, r, cols[0]);
		if (!ld_check_id(ld, &t, r, ef->known[0], id))
			continue;
		void *e = (char *)*ef->array + (size_t)*ef->n * ef->size;
		ef->row(ld, &t, r, cols, e, id);
		*(char **)e = xstrdup(id);
		lines[(*ef->n)++] = t.line[r];
	}
	if (t.n_rows == 0 && ef->empty)
		ld_err(ld, t.name, 0, "%s", ef->empty);
	problem_index(p);
	check_duplicates(ld, t.name, *ef->array, ef->size, *ef->sorted, lines, *ef->n,
			 ef->known[0]);
out:
	csv_table_release(&t);
	problem_index(p);
	return lines;
}
