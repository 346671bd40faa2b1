/*
 * scenario.c - reads a scenario directory into a validated struct problem.
 *
 * Files are read in dependency order (config, blocks, people and rooms,
 * goals, prerequisites, progress, needs, seminars, choices, expertise), each
 * through csv_table.c.  Every problem is recorded in the diag with its
 * FILE:LINE and loading goes on, so that `mclsched check` lists them all;
 * only at the end is the problem either returned whole or freed.  Ids are
 * resolved to indexes with the sorted lookups of problem.c; duplicates,
 * repeated pairs and names are found by sorting or hashing, never by
 * comparing every row with every other, so a 1500-learner school checks in
 * milliseconds and a hostile 100 MB file in seconds.  At most ERROR_CAP
 * errors are listed per file (then one line counts the rest), so that a
 * broken generated file does not bury the first, telling errors.
 */
#define _POSIX_C_SOURCE 200809L
#include "scenario.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/util.h"
#include "inputs/config.h"
#include "inputs/csv_table.h"
#include "inputs/decimal.h"
#include "inputs/history.h"
#include "inputs/locks.h"
#include "inputs/readiness.h"
#include "models/model.h"

#define ERROR_CAP 100   /* errors listed per file */

/* A string -> index hash for area and feature names. */
struct names {
	char ***names;              /* the problem's name array it indexes */
	int *n;
	int *slot;                  /* index + 1, 0 empty */
	size_t cap;
};

struct file_errors {
	char file[32];              /* scenario file names are short */
	long count;
};

struct loader {
	const char *dir;
	struct diag *d;
	struct problem *p;
	bool have_progress;
	bool have_goals;
	long model_line;            /* scenario.conf line of `model`, 0 default */
	long *block_lines, *goal_lines, *seminar_lines;
	struct names areas, features;
	unsigned broken;            /* id files that could not be read (id_files) */
	struct file_errors errors[16];
	int n_error_files;
};

/* Records an error unless its file already has ERROR_CAP listed; the rest
 * are counted and summed up once at the end (report_capped). */
static void err(struct loader *ld, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);

static void err(struct loader *ld, const char *file, long line, const char *fmt, ...)
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

static void report_capped(struct loader *ld)
{
	for (int i = 0; i < ld->n_error_files; i++)
		if (ld->errors[i].count > ERROR_CAP)
			diag_error(ld->d, ld->errors[i].file, 0, "%ld more errors not listed: fix "
				   "the ones above and check again", ld->errors[i].count - ERROR_CAP);
}

/* The files whose ids others refer to.  When one of them could not be read,
 * every reference into it would be "unknown": those errors are left out, the
 * file's own error says what to fix. */
static const char *const id_files[] = { "blocks.csv", "learners.csv", "facilitators.csv",
					"goals.csv", "seminars.csv" };

static void mark_broken(struct loader *ld, const char *file)
{
	for (unsigned i = 0; i < sizeof(id_files) / sizeof(id_files[0]); i++)
		if (!strcmp(file, id_files[i]))
			ld->broken |= 1u << i;
}

static bool is_broken(const struct loader *ld, const char *file)
{
	for (unsigned i = 0; i < sizeof(id_files) / sizeof(id_files[0]); i++)
		if (!strcmp(file, id_files[i]))
			return ld->broken & (1u << i);
	return false;
}

/* ---- cells ------------------------------------------------------------- */

/* 1-64 characters of A-Za-z0-9_.-, the first a letter or a digit (contract
 * version 3: an id starting with '-' or '+' would reach a spreadsheet or a
 * student information system as a formula or a number). */
static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64 || !isalnum((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return false;
	return true;
}

/* Checks an id cell; records an error and returns false when invalid. */
static bool check_id(struct loader *ld, const struct csv_table *t, int r, const char *col,
		     const char *v)
{
	if (valid_id(v))
		return true;
	if (!*v)
		err(ld, t->name, t->line[r], "empty '%s': every row needs one", col);
	else
		err(ld, t->name, t->line[r], "invalid %s '%.64s%s': use 1-64 characters "
			   "of A-Z a-z 0-9 _ . -, the first a letter or a digit", col, v,
			   strlen(v) > 64 ? "..." : "");
	return false;
}

static const char *cell(const struct csv_table *t, int r, int c)
{
	return c >= 0 ? t->rows[r][c] : "";
}

/* Parses a whole number in [lo, hi]; an empty cell gives def (or an error
 * when def < lo, meaning the column is required). */
static bool get_int(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
		    long lo, long hi, long def, int *out)
{
	const char *v = cell(t, r, c);
	if (!*v) {
		if (def < lo) {
			err(ld, t->name, t->line[r], "empty '%s': a whole number is required",
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
		err(ld, t->name, t->line[r], "bad %s '%.40s': want a whole number from "
			   "%ld to %ld", col, v, lo, hi);
		return false;
	}
	*out = (int)x;
	return true;
}

static bool get_double(struct loader *ld, const struct csv_table *t, int r, int c,
		       const char *col, double lo, double hi, double *out)
{
	const char *v = cell(t, r, c);
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || errno || *end || end == v || !isfinite(x) || x < lo || x > hi) {
		err(ld, t->name, t->line[r], "bad %s '%.40s': want a number from %g to %g",
			   col, v, lo, hi);
		return false;
	}
	*out = x;
	return true;
}

/* A score, 0 to 4 with at most DECIMAL_PLACES decimals, read exactly into
 * 1/DECIMAL_SCALE-ths (inputs/decimal.h). */
static bool get_score(struct loader *ld, const struct csv_table *t, int r, int c, int *out)
{
	const char *v = cell(t, r, c);
	switch (decimal_units(v, 4L * DECIMAL_SCALE, out)) {
	case DECIMAL_OK:
		return true;
	case DECIMAL_PLACES_LOST:
		err(ld, t->name, t->line[r], "bad score '%.40s': more than %d decimals; round it "
			   "to %d (scores are read exactly, to 0.0001)", v, DECIMAL_PLACES,
			   DECIMAL_PLACES);
		return false;
	default:
		err(ld, t->name, t->line[r], "bad score '%.40s': want a decimal number from 0 to "
			   "4, such as 3.5", v);
		return false;
	}
}

/* H:MM or HH:MM, 00:00 to 23:59; minutes since midnight or -1. */
static int get_time(struct loader *ld, const struct csv_table *t, int r, int c, const char *col)
{
	const char *v = cell(t, r, c);
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
		err(ld, t->name, t->line[r], "bad %s '%.40s': want a time as HH:MM (00:00 to 23:59)",
		    col, v);
		return -1;
	}
	return h * 60 + m;
}

static unsigned long hash_name(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void names_init(struct names *nm, char ***names, int *n)
{
	nm->names = names;
	nm->n = n;
	nm->cap = 64;
	nm->slot = xcalloc(nm->cap, sizeof(int));
}

/* Index of name in the problem's name array, appended on first use. */
static int intern(struct names *nm, const char *name)
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

/* Index of a known name, or -1. */
static int names_find(const struct names *nm, const char *name)
{
	size_t mask = nm->cap - 1, i = hash_name(name) & mask;
	for (; nm->slot[i]; i = (i + 1) & mask)
		if (!strcmp((*nm->names)[nm->slot[i] - 1], name))
			return nm->slot[i] - 1;
	return -1;
}

/* Reads a `;` list of block ids into a fresh unavailable[n_blocks]. */
static bool *get_unavailable(struct loader *ld, const struct csv_table *t, int r, int c)
{
	struct problem *p = ld->p;
	bool *un = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	char **items;
	int n = csv_split_list(cell(t, r, c), &items);
	for (int i = 0; i < n; i++) {
		int b = problem_find_block(p, items[i]);
		if (b < 0 && !is_broken(ld, "blocks.csv"))
			err(ld, t->name, t->line[r], "unknown block '%.64s' in 'unavailable': "
				   "use a block_id from blocks.csv", items[i]);
		if (b >= 0)
			un[b] = true;
		free(items[i]);
	}
	free(items);
	return un;
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
			err(ld, file, lines[i], "duplicate %s '%s' (first on line %ld): ids must be "
			    "unique", what, ID_AT(i), lines[first[i]]);
	free(first);
#undef ID_AT
}

/* ---- entity files -------------------------------------------------------- */

/* Reads a scenario table and checks its header; false when the file is
 * absent (and optional) or unusable, the reasons recorded. */
static bool open_table(struct loader *ld, struct csv_table *t, const char *name, bool required,
		       const char *const *known, const char *const *req)
{
	int rc = csv_table_read(t, ld->dir, name, required, ld->d);
	if (rc < 0)
		mark_broken(ld, name);
	if (rc <= 0)
		return false;
	csv_table_warn_unknown(t, known, ld->d);
	if (csv_table_require(t, req, ld->d) == 0)
		return true;
	mark_broken(ld, name);
	return false;
}

/* A warning for each pair of blocks of one day whose times overlap: a
 * learner seated in both would have to be in two places at once, which
 * usually means a typing slip in start or end.  lines[b]: block b's row. */
static void warn_overlapping_blocks(struct loader *ld, const long *lines)
{
	const struct problem *p = ld->p;
	for (int b = 0; b < p->n_blocks; b++) {
		const struct block *x = &p->blocks[b];
		if (x->start < 0 || x->end <= x->start)
			continue;
		for (int a = 0; a < b; a++) {
			const struct block *y = &p->blocks[a];
			if (y->start < 0 || y->end <= y->start || strcmp(x->day, y->day) ||
			    x->start >= y->end || y->start >= x->end)
				continue;
			diag_warning(ld->d, "blocks.csv", lines[b], "block '%s' (%02d:%02d-%02d:%02d) "
				     "overlaps block '%s' (%02d:%02d-%02d:%02d, line %ld) on '%s': "
				     "check their start and end", x->id, x->start / 60, x->start % 60,
				     x->end / 60, x->end % 60, y->id, y->start / 60, y->start % 60,
				     y->end / 60, y->end % 60, lines[a], x->day);
		}
	}
}

static void load_blocks(struct loader *ld)
{
	static const char *const known[] = { "block_id", "day", "start", "end", "kind", "areas", NULL };
	static const char *const req[] = { "block_id", "day", "start", "end", "kind", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "blocks.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "block_id"), cd = csv_table_col(&t, "day"),
	    cs = csv_table_col(&t, "start"), ce = csv_table_col(&t, "end"),
	    ck = csv_table_col(&t, "kind"), ca = csv_table_col(&t, "areas");
	p->blocks = xcalloc((size_t)t.n_rows + 1, sizeof(*p->blocks));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "block_id", id))
			continue;
		struct block *b = &p->blocks[p->n_blocks];
		b->day = xstrdup(cell(&t, r, cd));
		if (!*b->day)
			err(ld, t.name, t.line[r], "empty 'day' for block '%s'", id);
		b->start = get_time(ld, &t, r, cs, "start");
		b->end = get_time(ld, &t, r, ce, "end");
		if (b->start >= 0 && b->end >= 0 && b->end <= b->start)
			err(ld, t.name, t.line[r], "block '%s' ends (%s) before it starts (%s)",
				   id, cell(&t, r, ce), cell(&t, r, cs));
		const char *kind = cell(&t, r, ck);
		if (!strcmp(kind, "workshop"))
			b->kind = BLOCK_WORKSHOP;
		else if (!strcmp(kind, "seminar"))
			b->kind = BLOCK_SEMINAR;
		else
			err(ld, t.name, t.line[r], "bad kind '%.40s': want workshop or seminar",
				   kind);
		char **items;
		int n = csv_split_list(cell(&t, r, ca), &items);
		b->areas = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			b->areas[b->n_areas++] = intern(&ld->areas, items[i]);
			free(items[i]);
		}
		free(items);
		if (n && b->kind == BLOCK_SEMINAR)
			diag_warning(ld->d, t.name, t.line[r], "'areas' of seminar block '%s' is ignored",
				     id);
		b->id = xstrdup(id);
		lines[p->n_blocks++] = t.line[r];
	}
	if (p->n_blocks == 0 && t.n_rows == 0)
		err(ld, t.name, 0, "no blocks: list the cycle's time blocks, one a row");
	problem_index(p);
	check_duplicates(ld, t.name, p->blocks, sizeof(*p->blocks), p->sorted_blocks, lines,
			 p->n_blocks, "block_id");
	warn_overlapping_blocks(ld, lines);
	ld->block_lines = lines;
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_learners(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "name", "age", "coach_id",
					     "unavailable", NULL };
	static const char *const req[] = { "learner_id", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "learners.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "learner_id"), cn = csv_table_col(&t, "name"),
	    ca = csv_table_col(&t, "age"), cc = csv_table_col(&t, "coach_id"),
	    cu = csv_table_col(&t, "unavailable");
	p->learners = xcalloc((size_t)t.n_rows + 1, sizeof(*p->learners));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "learner_id", id))
			continue;
		struct learner *l = &p->learners[p->n_learners];
		l->id = xstrdup(id);
		l->name = xstrdup(cell(&t, r, cn));
		l->coach_id = xstrdup(cell(&t, r, cc));
		l->age = -1;
		if (*cell(&t, r, ca))
			get_int(ld, &t, r, ca, "age", 0, 150, -1, &l->age);
		l->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_learners++] = t.line[r];
	}
	if (t.n_rows == 0)
		err(ld, t.name, 0, "no learners: list the learners, one a row");
	problem_index(p);
	check_duplicates(ld, t.name, p->learners, sizeof(*p->learners), p->sorted_learners,
			 lines, p->n_learners, "learner_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_facilitators(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "name", "max_sessions",
					     "unavailable", NULL };
	static const char *const req[] = { "facilitator_id", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "facilitators.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "facilitator_id"), cn = csv_table_col(&t, "name"),
	    cm = csv_table_col(&t, "max_sessions"), cu = csv_table_col(&t, "unavailable");
	p->facilitators = xcalloc((size_t)t.n_rows + 1, sizeof(*p->facilitators));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "facilitator_id", id))
			continue;
		struct facilitator *f = &p->facilitators[p->n_facilitators];
		f->id = xstrdup(id);
		f->name = xstrdup(cell(&t, r, cn));
		f->max_sessions = p->n_blocks;
		get_int(ld, &t, r, cm, "max_sessions", 0, 100000, p->n_blocks, &f->max_sessions);
		f->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_facilitators++] = t.line[r];
	}
	if (t.n_rows == 0)
		err(ld, t.name, 0, "no facilitators: list the facilitators, one a row");
	problem_index(p);
	check_duplicates(ld, t.name, p->facilitators, sizeof(*p->facilitators),
			 p->sorted_facilitators, lines, p->n_facilitators, "facilitator_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_rooms(struct loader *ld)
{
	static const char *const known[] = { "room_id", "name", "capacity", "features",
					     "unavailable", NULL };
	static const char *const req[] = { "room_id", "capacity", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "rooms.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "room_id"), cn = csv_table_col(&t, "name"),
	    cc = csv_table_col(&t, "capacity"), cf = csv_table_col(&t, "features"),
	    cu = csv_table_col(&t, "unavailable");
	p->rooms = xcalloc((size_t)t.n_rows + 1, sizeof(*p->rooms));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "room_id", id))
			continue;
		struct room *rm = &p->rooms[p->n_rooms];
		rm->id = xstrdup(id);
		rm->name = xstrdup(cell(&t, r, cn));
		rm->capacity = 1;
		get_int(ld, &t, r, cc, "capacity", 1, 100000, 0, &rm->capacity);
		char **items;
		int n = csv_split_list(cell(&t, r, cf), &items);
		rm->features = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			rm->features[rm->n_features++] = intern(&ld->features, items[i]);
			free(items[i]);
		}
		free(items);
		rm->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_rooms++] = t.line[r];
	}
	if (t.n_rows == 0)
		err(ld, t.name, 0, "no rooms: list the rooms, one a row");
	problem_index(p);
	check_duplicates(ld, t.name, p->rooms, sizeof(*p->rooms), p->sorted_rooms, lines,
			 p->n_rooms, "room_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_goals(struct loader *ld, bool required)
{
	static const char *const known[] = { "goal_id", "title", "area", "mode", "min_group",
					     "max_group", "sessions", "feature", NULL };
	static const char *const req[] = { "goal_id", "area", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	int rc = csv_table_read(&t, ld->dir, "goals.csv", required, ld->d);
	if (rc < 0)
		mark_broken(ld, t.name);
	if (rc <= 0)
		goto out;
	ld->have_goals = true;
	csv_table_warn_unknown(&t, known, ld->d);
	if (csv_table_require(&t, req, ld->d)) {
		mark_broken(ld, t.name);
		goto out;
	}
	int ci = csv_table_col(&t, "goal_id"), ct = csv_table_col(&t, "title"),
	    ca = csv_table_col(&t, "area"), cm = csv_table_col(&t, "mode"),
	    cmin = csv_table_col(&t, "min_group"), cmax = csv_table_col(&t, "max_group"),
	    cs = csv_table_col(&t, "sessions"), cf = csv_table_col(&t, "feature");
	p->goals = xcalloc((size_t)t.n_rows + 1, sizeof(*p->goals));
	ld->goal_lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "goal_id", id))
			continue;
		struct goal *g = &p->goals[p->n_goals];
		g->id = xstrdup(id);
		g->title = xstrdup(cell(&t, r, ct));
		const char *area = cell(&t, r, ca);
		if (!*area)
			err(ld, t.name, t.line[r], "empty 'area' for goal '%s'", id);
		g->area = intern(&ld->areas, area);
		const char *mode = cell(&t, r, cm);
		if (!*mode || !strcmp(mode, "facilitated"))
			g->mode = GOAL_FACILITATED;
		else if (!strcmp(mode, "online"))
			g->mode = GOAL_ONLINE;
		else
			err(ld, t.name, t.line[r], "bad mode '%.40s': want facilitated or "
				   "online", mode);
		g->min_group = 1;
		g->max_group = 25;
		g->sessions = 1;
		get_int(ld, &t, r, cmin, "min_group", 1, 100000, 1, &g->min_group);
		get_int(ld, &t, r, cmax, "max_group", 1, 100000, 25, &g->max_group);
		get_int(ld, &t, r, cs, "sessions", 1, 1000, 1, &g->sessions);
		if (g->min_group > g->max_group)
			err(ld, t.name, t.line[r], "goal '%s': min_group %d is above "
				   "max_group %d", id, g->min_group, g->max_group);
		g->feature = *cell(&t, r, cf) ? intern(&ld->features, cell(&t, r, cf))
					      : -1;
		ld->goal_lines[p->n_goals++] = t.line[r];
	}
	problem_index(p);
	check_duplicates(ld, t.name, p->goals, sizeof(*p->goals), p->sorted_goals,
			 ld->goal_lines, p->n_goals, "goal_id");
out:
	csv_table_release(&t);
	problem_index(p);
}

/* ---- prerequisites --------------------------------------------------------- */

struct edge {
	int g, h;                   /* goal g requires goal h */
	long line;
};

static int cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* "'A' -> 'B' -> 'A'" for the goals stack[from..to] and back to stack[from];
 * a long cycle shows its first and last few goals. */
static char *cycle_path(const struct problem *p, const int *stack, int from, int to)
{
	char *path = xstrdup("");
	int len = to - from + 1;
	for (int j = from; j <= to; j++) {
		if (len > 10 && j == from + 5) {
			char *np = xasprintf("%s... (%d goals) -> ", path, len - 9);
			free(path);
			path = np;
			j = to - 4;
		}
		char *np = xasprintf("%s'%s' -> ", path, p->goals[stack[j]].id);
		free(path);
		path = np;
	}
	char *np = xasprintf("%s'%s'", path, p->goals[stack[from]].id);
	free(path);
	return np;
}

/* Depth-first search with an explicit stack (a chain of a million goals
 * must not overflow the C stack); every edge back to a goal on the stack
 * closes a cycle and is reported at that edge's line. */
static void find_cycles(struct loader *ld, const struct edge *edges, const int *edge_start)
{
	struct problem *p = ld->p;
	int ng = p->n_goals;
	char *state = xcalloc((size_t)ng + 1, 1);      /* 0 new, 1 on stack, 2 done */
	int *stack = xmalloc(sizeof(int) * (size_t)(ng + 1));
	int *pos = xmalloc(sizeof(int) * (size_t)(ng + 1));
	int *depth_of = xmalloc(sizeof(int) * (size_t)(ng + 1));
	for (int root = 0; root < ng; root++) {
		if (state[root])
			continue;
		int depth = 0;
		stack[0] = root;
		pos[0] = 0;
		depth_of[root] = 0;
		state[root] = 1;
		while (depth >= 0) {
			int g = stack[depth];
			if (pos[depth] == p->goals[g].n_requires) {
				state[g] = 2;
				depth--;
				continue;
			}
			int i = pos[depth]++, h = p->goals[g].requires[i];
			if (state[h] == 1) {
				char *path = cycle_path(p, stack, depth_of[h], depth);
				err(ld, "prerequisites.csv", edges[edge_start[g] + i].line,
				    "prerequisite cycle: %s: a goal cannot require itself, even "
				    "through others; remove one of these rows", path);
				free(path);
			} else if (state[h] == 0) {
				depth++;
				stack[depth] = h;
				pos[depth] = 0;
				depth_of[h] = depth;
				state[h] = 1;
			}
		}
	}
	free(depth_of);
	free(pos);
	free(stack);
	free(state);
}

static void load_prerequisites(struct loader *ld)
{
	static const char *const known[] = { "goal_id", "requires", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "prerequisites.csv", false, known, known))
		goto out;
	int cg = csv_table_col(&t, "goal_id"), cr = csv_table_col(&t, "requires");
	struct edge *edges = xmalloc(sizeof(*edges) * (size_t)(t.n_rows + 1));
	int ne = 0;
	for (int r = 0; r < t.n_rows; r++) {
		int g = problem_find_goal(p, cell(&t, r, cg));
		int h = problem_find_goal(p, cell(&t, r, cr));
		if (g < 0 && !is_broken(ld, "goals.csv"))
			err(ld, t.name, t.line[r], "unknown goal '%.64s' in 'goal_id': use a "
			    "goal_id from goals.csv", cell(&t, r, cg));
		if (h < 0 && !is_broken(ld, "goals.csv"))
			err(ld, t.name, t.line[r], "unknown goal '%.64s' in 'requires': use a "
			    "goal_id from goals.csv", cell(&t, r, cr));
		if (g >= 0 && h >= 0)
			edges[ne++] = (struct edge){ g, h, t.line[r] };
	}
	if (ne > 0)
		qsort(edges, (size_t)ne, sizeof(*edges), cmp_edge);
	int kept = 0;
	for (int i = 0; i < ne; i++) {
		if (kept && edges[kept - 1].g == edges[i].g && edges[kept - 1].h == edges[i].h) {
			diag_warning(ld->d, t.name, edges[i].line, "goal '%s' requires '%s' twice "
				     "(first on line %ld)", p->goals[edges[i].g].id,
				     p->goals[edges[i].h].id, edges[kept - 1].line);
			continue;
		}
		edges[kept++] = edges[i];
	}
	/* edges are grouped by goal: goal g's are edges[edge_start[g] ..] */
	int *edge_start = xcalloc((size_t)p->n_goals + 2, sizeof(int));
	for (int i = 0; i < kept; i++)
		edge_start[edges[i].g + 1]++;
	for (int g = 0; g < p->n_goals; g++)
		edge_start[g + 1] += edge_start[g];
	for (int g = 0; g < p->n_goals; g++) {
		struct goal *gl = &p->goals[g];
		gl->n_requires = edge_start[g + 1] - edge_start[g];
		gl->requires = xmalloc(sizeof(int) * (size_t)(gl->n_requires + 1));
		for (int i = 0; i < gl->n_requires; i++)
			gl->requires[i] = edges[edge_start[g] + i].h;
	}
	find_cycles(ld, edges, edge_start);
	free(edge_start);
	free(edges);
out:
	csv_table_release(&t);
}

static void load_progress(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "goal_id", "score", NULL };
	struct problem *p = ld->p;
	size_t n = (size_t)p->n_learners * (size_t)p->n_goals;
	p->score = xmalloc(sizeof(int) * (n + 1));
	for (size_t i = 0; i < n; i++)
		p->score[i] = -1;
	struct csv_table t;
	int rc = csv_table_read(&t, ld->dir, "progress.csv", false, ld->d);
	if (rc <= 0)
		goto out;
	ld->have_progress = true;
	csv_table_warn_unknown(&t, known, ld->d);
	if (csv_table_require(&t, known, ld->d))
		goto out;
	int cl = csv_table_col(&t, "learner_id"), cg = csv_table_col(&t, "goal_id"),
	    cs = csv_table_col(&t, "score");
	for (int r = 0; r < t.n_rows; r++) {
		int l = problem_find_learner(p, cell(&t, r, cl));
		int g = problem_find_goal(p, cell(&t, r, cg));
		if (l < 0 && !is_broken(ld, "learners.csv"))
			err(ld, t.name, t.line[r], "unknown learner '%.64s': use a "
				   "learner_id from learners.csv", cell(&t, r, cl));
		if (g < 0 && !is_broken(ld, "goals.csv"))
			err(ld, t.name, t.line[r], "unknown goal '%.64s': use a goal_id "
				   "from goals.csv", cell(&t, r, cg));
		int s;
		if (!get_score(ld, &t, r, cs, &s) || l < 0 || g < 0)
			continue;
		int *slot = &p->score[(long)l * p->n_goals + g];
		if (*slot >= 0)
			err(ld, t.name, t.line[r], "learner '%s' has two scores for goal '%s'",
				   p->learners[l].id, p->goals[g].id);
		*slot = s;
	}
out:
	csv_table_release(&t);
}

/* ---- needs ----------------------------------------------------------------- */

static int cmp_need_pair(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->goal != y->goal)
		return x->goal < y->goal ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* By learner, then file order (derived needs, line 0: goal order). */
static int cmp_need(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->goal > y->goal) - (x->goal < y->goal);
}

static void load_needs(struct loader *ld, bool required)
{
	static const char *const known[] = { "learner_id", "goal_id", "priority", "sessions",
					     "weight", NULL };
	static const char *const req[] = { "learner_id", "goal_id", NULL };
	struct problem *p = ld->p;
	size_t alloc = 0;
	struct csv_table t;
	bool derive = p->config.needs == NEEDS_DERIVE;
	int rc = csv_table_read(&t, ld->dir, "needs.csv", required && !derive, ld->d);
	if (rc > 0 && derive)
		diag_warning(ld->d, t.name, 0, "needs = derive is ignored because needs.csv exists: "
			     "its needs are used (remove the file to derive the needs)");
	if (rc == 0 && derive)
		readiness_derive_needs(p, &alloc);
	if (rc > 0) {
		csv_table_warn_unknown(&t, known, ld->d);
		if (csv_table_require(&t, req, ld->d))
			goto out;
		int cl = csv_table_col(&t, "learner_id"), cg = csv_table_col(&t, "goal_id"),
		    cp = csv_table_col(&t, "priority"), cs = csv_table_col(&t, "sessions"),
		    cw = csv_table_col(&t, "weight");
		for (int r = 0; r < t.n_rows; r++) {
			int l = problem_find_learner(p, cell(&t, r, cl));
			int g = problem_find_goal(p, cell(&t, r, cg));
			if (l < 0 && !is_broken(ld, "learners.csv"))
				err(ld, t.name, t.line[r], "unknown learner '%.64s': use a "
				    "learner_id from learners.csv", cell(&t, r, cl));
			if (g < 0 && !is_broken(ld, "goals.csv"))
				err(ld, t.name, t.line[r], "unknown goal '%.64s': use a goal_id "
				    "from goals.csv", cell(&t, r, cg));
			struct need nd = { .learner = l, .goal = g, .priority = 3, .sessions = 1,
					   .ready = true, .line = (int)t.line[r] };
			bool ok = get_int(ld, &t, r, cp, "priority", 1, PRIORITY_LEVELS, 3,
					  &nd.priority);
			ok &= get_int(ld, &t, r, cs, "sessions", 1, 1000,
				      g >= 0 ? p->goals[g].sessions : 1, &nd.sessions);
			nd.has_weight = cw >= 0 && *cell(&t, r, cw);
			if (nd.has_weight)
				ok &= get_double(ld, &t, r, cw, "weight", 0.0, 1e6, &nd.weight);
			if (!ok || l < 0 || g < 0)
				continue;
			xgrow((void **)&p->needs, &alloc, (size_t)p->n_needs + 1, sizeof(*p->needs));
			p->needs[p->n_needs++] = nd;
		}
		/* a (learner, goal) pair twice: neighbours once sorted by pair */
		if (p->n_needs > 0)
			qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need_pair);
		int kept = 0;
		for (int q = 0; q < p->n_needs; q++) {
			struct need *prev = kept ? &p->needs[kept - 1] : NULL;
			if (prev && prev->learner == p->needs[q].learner &&
			    prev->goal == p->needs[q].goal) {
				err(ld, t.name, p->needs[q].line, "learner '%s' needs goal '%s' twice "
				    "(first on line %d): merge the rows",
				    p->learners[p->needs[q].learner].id, p->goals[p->needs[q].goal].id,
				    prev->line);
				continue;
			}
			p->needs[kept++] = p->needs[q];
		}
		p->n_needs = kept;
	}
	if (p->n_needs > 0)
		qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need);
	readiness_mark_needs(p, ld->have_progress);
out:
	p->need_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int q = 0; q < p->n_needs; q++)
		p->need_start[p->needs[q].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->need_start[l + 1] += p->need_start[l];
	csv_table_release(&t);
}

static void load_seminars(struct loader *ld, bool required)
{
	static const char *const known[] = { "seminar_id", "title", "meetings", "min_size",
					     "max_size", "requires", "age_min", "age_max",
					     "feature", "sections", "required", NULL };
	static const char *const req[] = { "seminar_id", "meetings", "max_size", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "seminars.csv", required, known, req))
		goto out;
	int ci = csv_table_col(&t, "seminar_id"), ct = csv_table_col(&t, "title"),
	    cm = csv_table_col(&t, "meetings"), cmin = csv_table_col(&t, "min_size"),
	    cmax = csv_table_col(&t, "max_size"), cr = csv_table_col(&t, "requires"),
	    ca0 = csv_table_col(&t, "age_min"), ca1 = csv_table_col(&t, "age_max"),
	    cf = csv_table_col(&t, "feature"), cs = csv_table_col(&t, "sections"),
	    cq = csv_table_col(&t, "required");
	p->seminars = xcalloc((size_t)t.n_rows + 1, sizeof(*p->seminars));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "seminar_id", id))
			continue;
		struct seminar *s = &p->seminars[p->n_seminars];
		s->id = xstrdup(id);
		s->title = xstrdup(cell(&t, r, ct));
		s->meetings = s->min_size = s->max_size = s->sections = 1;
		s->age_min = s->age_max = -1;
		get_int(ld, &t, r, cm, "meetings", 1, 1000, 0, &s->meetings);
		get_int(ld, &t, r, cmin, "min_size", 1, 100000, 1, &s->min_size);
		get_int(ld, &t, r, cmax, "max_size", 1, 100000, 0, &s->max_size);
		get_int(ld, &t, r, cs, "sections", 1, 1000, 1, &s->sections);
		if (*cell(&t, r, ca0))
			get_int(ld, &t, r, ca0, "age_min", 0, 150, 0, &s->age_min);
		if (*cell(&t, r, ca1))
			get_int(ld, &t, r, ca1, "age_max", 0, 150, 0, &s->age_max);
		if (s->min_size > s->max_size)
			err(ld, t.name, t.line[r], "seminar '%s': min_size %d is above "
				   "max_size %d", id, s->min_size, s->max_size);
		if (s->age_min >= 0 && s->age_max >= 0 && s->age_min > s->age_max)
			err(ld, t.name, t.line[r], "seminar '%s': age_min %d is above "
				   "age_max %d", id, s->age_min, s->age_max);
		char **items;
		int n = csv_split_list(cell(&t, r, cr), &items);
		s->requires = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			int g = problem_find_goal(p, items[i]);
			if (g < 0 && !is_broken(ld, "goals.csv"))
				err(ld, t.name, t.line[r], "unknown goal '%.64s' in 'requires': "
					   "use a goal_id from goals.csv", items[i]);
			if (g >= 0)
				s->requires[s->n_requires++] = g;
			free(items[i]);
		}
		free(items);
		s->feature = *cell(&t, r, cf) ? intern(&ld->features, cell(&t, r, cf))
					      : -1;
		const char *req_cell = cell(&t, r, cq);
		s->required = !strcasecmp(req_cell, "yes");
		if (*req_cell && !s->required && strcasecmp(req_cell, "no"))
			err(ld, t.name, t.line[r], "bad required '%.40s': want yes or no", req_cell);
		lines[p->n_seminars++] = t.line[r];
	}
	problem_index(p);
	check_duplicates(ld, t.name, p->seminars, sizeof(*p->seminars), p->sorted_seminars,
			 lines, p->n_seminars, "seminar_id");
	ld->seminar_lines = lines;
out:
	csv_table_release(&t);
	problem_index(p);
}

/* ---- choices and expertise ------------------------------------------------- */

struct choice_row {
	struct choice c;
	long line;
};

static int cmp_choice_pair(const void *a, const void *b)
{
	const struct choice_row *x = a, *y = b;
	if (x->c.learner != y->c.learner)
		return x->c.learner < y->c.learner ? -1 : 1;
	if (x->c.seminar != y->c.seminar)
		return x->c.seminar < y->c.seminar ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* By learner, then rank; equal ranks in file order. */
static int cmp_choice(const void *a, const void *b)
{
	const struct choice_row *x = a, *y = b;
	if (x->c.learner != y->c.learner)
		return x->c.learner < y->c.learner ? -1 : 1;
	if (x->c.rank != y->c.rank)
		return x->c.rank < y->c.rank ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static void load_choices(struct loader *ld, bool required)
{
	static const char *const known[] = { "learner_id", "seminar_id", "rank", NULL };
	struct problem *p = ld->p;
	/* history.csv: a seminar taken is not offered again; a required one
	 * not taken scores weights.required more */
	bool *taken = history_read(p, ld->dir, !is_broken(ld, "learners.csv"),
				   !is_broken(ld, "seminars.csv"), ld->d);
	struct csv_table t;
	if (!open_table(ld, &t, "choices.csv", required, known, known))
		goto out;
	int cl = csv_table_col(&t, "learner_id"), cs = csv_table_col(&t, "seminar_id"),
	    cr = csv_table_col(&t, "rank");
	struct choice_row *rows = xmalloc(sizeof(*rows) * (size_t)(t.n_rows + 1));
	int n = 0;
	for (int r = 0; r < t.n_rows; r++) {
		int l = problem_find_learner(p, cell(&t, r, cl));
		int s = problem_find_seminar(p, cell(&t, r, cs));
		if (l < 0 && !is_broken(ld, "learners.csv"))
			err(ld, t.name, t.line[r], "unknown learner '%.64s': use a learner_id "
			    "from learners.csv", cell(&t, r, cl));
		if (s < 0 && !is_broken(ld, "seminars.csv"))
			err(ld, t.name, t.line[r], "unknown seminar '%.64s': use a seminar_id "
			    "from seminars.csv", cell(&t, r, cs));
		struct choice_row row = { { .learner = l, .seminar = s, .rank = 1 }, t.line[r] };
		if (!get_int(ld, &t, r, cr, "rank", 1, 1000, 0, &row.c.rank) || l < 0 || s < 0)
			continue;
		bool was_taken = taken[(size_t)l * (size_t)p->n_seminars + (size_t)s];
		row.c.eligible = !was_taken && readiness_choice_eligible(p, l, s, ld->have_progress);
		row.c.required_bonus = p->seminars[s].required && !was_taken;
		rows[n++] = row;
	}
	if (n > 0)
		qsort(rows, (size_t)n, sizeof(*rows), cmp_choice_pair);
	int kept = 0;
	for (int i = 0; i < n; i++) {
		if (kept && rows[kept - 1].c.learner == rows[i].c.learner &&
		    rows[kept - 1].c.seminar == rows[i].c.seminar) {
			err(ld, t.name, rows[i].line, "learner '%s' chooses seminar '%s' twice "
			    "(first on line %ld): keep one row", p->learners[rows[i].c.learner].id,
			    p->seminars[rows[i].c.seminar].id, rows[kept - 1].line);
			continue;
		}
		rows[kept++] = rows[i];
	}
	if (kept > 0)
		qsort(rows, (size_t)kept, sizeof(*rows), cmp_choice);
	p->choices = xmalloc(sizeof(*p->choices) * (size_t)(kept + 1));
	for (int i = 0; i < kept; i++)
		p->choices[i] = rows[i].c;
	p->n_choices = kept;
	free(rows);
out:
	p->choice_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int c = 0; c < p->n_choices; c++)
		p->choice_start[p->choices[c].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->choice_start[l + 1] += p->choice_start[l];
	csv_table_release(&t);
	free(taken);
}

static void raise_level(unsigned char *slot, unsigned char level)
{
	if (*slot < level)
		*slot = level;
}

static void load_expertise(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "offering", "level", NULL };
	static const char *const req[] = { "facilitator_id", "offering", NULL };
	struct problem *p = ld->p;
	p->goal_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_goals + 1, 1);
	p->seminar_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_seminars + 1, 1);
	/* the goals of each area: area_goals[area_start[a] ..] */
	int *area_start = xcalloc((size_t)p->n_areas + 2, sizeof(int));
	int *area_goals = xmalloc(sizeof(int) * (size_t)(p->n_goals + 1));
	for (int g = 0; g < p->n_goals; g++)
		area_start[p->goals[g].area + 1]++;
	for (int a = 0; a < p->n_areas; a++)
		area_start[a + 1] += area_start[a];
	int *fill = xmalloc(sizeof(int) * (size_t)(p->n_areas + 1));
	memcpy(fill, area_start, sizeof(int) * (size_t)p->n_areas);
	for (int g = 0; g < p->n_goals; g++)
		area_goals[fill[p->goals[g].area]++] = g;
	free(fill);
	struct csv_table t;
	if (!open_table(ld, &t, "expertise.csv", true, known, req))
		goto out;
	int cf = csv_table_col(&t, "facilitator_id"), co = csv_table_col(&t, "offering"),
	    cl = csv_table_col(&t, "level");
	for (int r = 0; r < t.n_rows; r++) {
		int f = problem_find_facilitator(p, cell(&t, r, cf));
		if (f < 0 && !is_broken(ld, "facilitators.csv"))
			err(ld, t.name, t.line[r], "unknown facilitator '%.64s': use a "
			    "facilitator_id from facilitators.csv", cell(&t, r, cf));
		const char *lv = cell(&t, r, cl);
		unsigned char level = LEVEL_ABLE;
		if (!strcmp(lv, "guru"))
			level = LEVEL_GURU;
		else if (*lv && strcmp(lv, "able"))
			err(ld, t.name, t.line[r], "bad level '%.40s': want guru or able", lv);
		const char *off = cell(&t, r, co);
		if (!strncmp(off, "area:", 5)) {
			int a = names_find(&ld->areas, off + 5);
			if (a < 0 || area_start[a] == area_start[a + 1]) {
				err(ld, t.name, t.line[r], "unknown area '%.64s' in 'offering': no goal "
				    "in goals.csv has that area", off + 5);
				continue;
			}
			for (int i = area_start[a]; f >= 0 && i < area_start[a + 1]; i++)
				raise_level(&p->goal_level[(long)f * p->n_goals + area_goals[i]], level);
			continue;
		}
		int g = problem_find_goal(p, off), s = problem_find_seminar(p, off);
		if (g < 0 && s < 0) {
			err(ld, t.name, t.line[r], "unknown offering '%.64s': use a goal_id, a "
			    "seminar_id or area:NAME", off);
			continue;
		}
		if (f >= 0 && g >= 0)
			raise_level(&p->goal_level[(long)f * p->n_goals + g], level);
		if (f >= 0 && s >= 0)
			raise_level(&p->seminar_level[(long)f * p->n_seminars + s], level);
	}
out:
	free(area_start);
	free(area_goals);
	csv_table_release(&t);
}

/* ---- whole-scenario checks ------------------------------------------------ */

static void check_model(struct loader *ld)
{
	struct problem *p = ld->p;
	const char *model = problem_model_name(p->config.model);
	int n_ws = 0, n_sem = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		n_ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		n_sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	if (model_row(p)->schedules_workshops && n_ws == 0 && p->n_blocks > 0)
		err(ld, "scenario.conf", ld->model_line, "model = %s needs workshop blocks, but "
		    "blocks.csv has none: add some or choose model = seminar", model);
	if (model_row(p)->schedules_seminars && n_sem == 0 && p->n_blocks > 0)
		err(ld, "scenario.conf", ld->model_line, "model = %s needs seminar blocks, but "
		    "blocks.csv has none: add some or choose model = workshop", model);
}

/* lab.feature names a feature some room must offer: otherwise no lab could
 * meet, and every learner needs one whenever they have no workshop. */
static void check_lab_feature(struct loader *ld)
{
	const struct problem *p = ld->p;
	const char *want = p->config.lab_feature;
	if (!want || !*want || p->n_rooms == 0)   /* rooms.csv unread: reported */
		return;
	for (int r = 0; r < p->n_rooms; r++)
		for (int i = 0; i < p->rooms[r].n_features; i++)
			if (!strcmp(p->features[p->rooms[r].features[i]], want))
				return;
	err(ld, "scenario.conf", p->config.lab_feature_line, "lab.feature '%s' is offered by "
	    "no room in rooms.csv: add '%s' to the features of the rooms where labs may meet, "
	    "or set lab { feature = \"\" } to let labs meet in any room", want, want);
}

/* Warnings about things that load but cannot be scheduled as meant. */
static void check_scenario(struct loader *ld)
{
	struct problem *p = ld->p;
	bool ws = model_row(p)->schedules_workshops, sem = model_row(p)->schedules_seminars;
	/* areas named by blocks that no goal has */
	bool *area_used = xcalloc((size_t)p->n_areas + 1, sizeof(bool));
	for (int g = 0; g < p->n_goals; g++)
		area_used[p->goals[g].area] = true;
	for (int b = 0; b < p->n_blocks && ld->have_goals; b++)
		for (int i = 0; i < p->blocks[b].n_areas; i++)
			if (!area_used[p->blocks[b].areas[i]])
				diag_warning(ld->d, "blocks.csv", ld->block_lines[b], "area '%s' of "
					     "block '%s' is no goal's area in goals.csv: check the "
					     "spelling", p->areas[p->blocks[b].areas[i]],
					     p->blocks[b].id);
	free(area_used);
	bool *feature_room = xcalloc((size_t)p->n_features + 1, sizeof(bool));
	for (int r = 0; r < p->n_rooms; r++)
		for (int i = 0; i < p->rooms[r].n_features; i++)
			feature_room[p->rooms[r].features[i]] = true;
	/* facilitated goals: needed but nobody can lead them, or no room fits */
	int *needs = xcalloc((size_t)p->n_goals + 1, sizeof(int));
	for (int q = 0; q < p->n_needs; q++)
		needs[p->needs[q].goal]++;
	for (int g = 0; g < p->n_goals && ws; g++) {
		const struct goal *gl = &p->goals[g];
		if (gl->mode != GOAL_FACILITATED)
			continue;
		bool able = false;
		for (int f = 0; f < p->n_facilitators && !able; f++)
			able = problem_goal_level(p, f, g) >= LEVEL_ABLE;
		if (needs[g] && !able)
			diag_warning(ld->d, "goals.csv", ld->goal_lines[g], "no facilitator has "
				     "expertise in goal '%s', so its %d need%s cannot be scheduled: "
				     "add a row to expertise.csv", gl->id, needs[g],
				     needs[g] == 1 ? "" : "s");
		if (gl->feature >= 0 && !feature_room[gl->feature])
			diag_warning(ld->d, "goals.csv", ld->goal_lines[g], "goal '%s' needs a room "
				     "with '%s' and no room in rooms.csv has it", gl->id,
				     p->features[gl->feature]);
	}
	free(needs);
	/* seminars: chosen but nobody can lead them, or no room fits */
	int *chosen = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	for (int c = 0; c < p->n_choices; c++)
		chosen[p->choices[c].seminar]++;
	for (int s = 0; s < p->n_seminars && sem; s++) {
		const struct seminar *sm = &p->seminars[s];
		bool able = false;
		for (int f = 0; f < p->n_facilitators && !able; f++)
			able = problem_seminar_level(p, f, s) >= LEVEL_ABLE;
		if (chosen[s] && !able)
			diag_warning(ld->d, "seminars.csv", ld->seminar_lines[s], "no facilitator "
				     "has expertise in seminar '%s', chosen %d time%s: add a row to "
				     "expertise.csv", sm->id, chosen[s], chosen[s] == 1 ? "" : "s");
		if (sm->feature >= 0 && !feature_room[sm->feature])
			diag_warning(ld->d, "seminars.csv", ld->seminar_lines[s], "seminar '%s' "
				     "needs a room with '%s' and no room in rooms.csv has it",
				     sm->id, p->features[sm->feature]);
	}
	free(chosen);
	free(feature_room);
	/* learners with no ready need: one warning, the first few named */
	if (ws) {
		int n = 0;
		char *first = xstrdup("");
		for (int l = 0; l < p->n_learners; l++) {
			int ready = 0;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				ready += p->needs[q].ready;
			if (ready)
				continue;
			if (n < 5) {
				char *nf = xasprintf("%s%s'%s'", first, n ? ", " : "", p->learners[l].id);
				free(first);
				first = nf;
			}
			n++;
		}
		if (n)
			diag_warning(ld->d, p->config.needs == NEEDS_DERIVE ? "progress.csv" :
				     "needs.csv", 0, "%d learner%s no ready need (%s%s): they will "
				     "be seated in labs", n, n == 1 ? " has" : "s have", first,
				     n > 5 ? ", ..." : "");
		free(first);
	}
}

struct problem *scenario_load(const char *dir, struct diag *d)
{
	struct loader ld = { .dir = dir, .d = d };
	struct problem *p = ld.p = xcalloc(1, sizeof(*p));
	p->dir = xstrdup(dir);
	names_init(&ld.areas, &p->areas, &p->n_areas);
	names_init(&ld.features, &p->features, &p->n_features);
	int before = d->n_errors;
	/* When scenario.conf is broken the model is unknown: then no file is
	 * required because of it, and the others are still checked. */
	bool conf_ok = config_read(&p->config, dir, d, &ld.model_line) == 0;
	bool ws = conf_ok && model_row(p)->schedules_workshops;
	bool sem = conf_ok && model_row(p)->schedules_seminars;
	load_blocks(&ld);
	load_learners(&ld);
	load_facilitators(&ld);
	load_rooms(&ld);
	load_goals(&ld, ws);
	load_prerequisites(&ld);
	load_progress(&ld);
	load_needs(&ld, ws);
	load_seminars(&ld, sem);
	load_choices(&ld, sem);
	load_expertise(&ld);
	if (conf_ok) {
		check_model(&ld);
		check_lab_feature(&ld);
	}
	report_capped(&ld);
	if (d->n_errors == before)
		check_scenario(&ld);
	free(ld.block_lines);
	free(ld.goal_lines);
	free(ld.seminar_lines);
	free(ld.areas.slot);
	free(ld.features.slot);
	if (d->n_errors > before) {
		problem_free(p);
		return NULL;
	}
	problem_index(p);
	locks_load(p, d);
	if (d->n_errors > before) {
		problem_free(p);
		return NULL;
	}
	return p;
}

void scenario_census(const struct problem *p, FILE *out)
{
	int ws = 0, sem = 0, online = 0, ready = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	for (int g = 0; g < p->n_goals; g++)
		online += p->goals[g].mode == GOAL_ONLINE;
	for (int q = 0; q < p->n_needs; q++)
		ready += p->needs[q].ready;
	fprintf(out, "scenario      %s\n", *p->config.name ? p->config.name : p->dir);
	fprintf(out, "model         %s\n", problem_model_name(p->config.model));
	fprintf(out, "learners      %d\n", p->n_learners);
	fprintf(out, "facilitators  %d\n", p->n_facilitators);
	fprintf(out, "rooms         %d\n", p->n_rooms);
	fprintf(out, "blocks        %d (%d workshop, %d seminar)\n", p->n_blocks, ws, sem);
	fprintf(out, "goals         %d (%d facilitated, %d online)\n", p->n_goals,
		p->n_goals - online, online);
	fprintf(out, "seminars      %d\n", p->n_seminars);
	fprintf(out, "needs         %d (%d ready, %d not ready)\n", p->n_needs, ready,
		p->n_needs - ready);
	fprintf(out, "choices       %d\n", p->n_choices);
	if (p->n_locks)
		fprintf(out, "locks         %d (%d pinned sessions)\n", p->n_locks, p->n_pins);
}
