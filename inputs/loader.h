/*
 * loader.h - what the per-file loaders of a scenario share (inputs/loader.c):
 * the loader's state, errors capped per file, cell parsers, id references
 * into the files already read, the one reader of an entity file (a file
 * of rows with unique ids: blocks, learners, facilitators, rooms, goals,
 * seminars) and the steps every relation file shares (its rows' ids,
 * ld_read_pair; a pair given twice, ld_drop_repeated: progress, needs,
 * choices, prerequisites).  Internal to inputs/: scenario.c drives the loaders
 * (load_entities.c, load_relations.c, load_choices.c) and then the
 * whole-scenario checks (scenario_checks.c).
 */
#ifndef MCL_LOADER_H
#define MCL_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/util.h"
#include "inputs/csv_table.h"

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
	unsigned broken;            /* id files that could not be read (ld_mark_broken) */
	struct file_errors errors[16];
	int n_error_files;
};

/* Records an error unless its file already has ERROR_CAP listed; the rest
 * are counted and summed up once at the end (ld_report_capped). */
void ld_err(struct loader *ld, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);
void ld_report_capped(struct loader *ld);

/* A file whose ids others refer to could not be read: every reference into
 * it would be "unknown", so those errors are left out (the file's own error
 * says what to fix). */
void ld_mark_broken(struct loader *ld, const char *file);
bool ld_is_broken(const struct loader *ld, const char *file);

/* ---- cells ---- */

/* Cell c of row r ("" when the column is absent, c < 0). */
const char *ld_cell(const struct csv_table *t, int r, int c);
/* Checks an id cell; records an error and returns false when invalid. */
bool ld_check_id(struct loader *ld, const struct csv_table *t, int r, const char *col,
		 const char *v);
/* A whole number in [lo, hi]; an empty cell gives def (or an error when
 * def < lo, meaning the column is required). */
bool ld_int(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
	    long lo, long hi, long def, int *out);
bool ld_double(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
	       double lo, double hi, double *out);
/* A score, 0 to 4 with at most DECIMAL_PLACES decimals, in 1/DECIMAL_SCALE-ths. */
bool ld_score(struct loader *ld, const struct csv_table *t, int r, int c, int *out);
/* H:MM or HH:MM, 00:00 to 23:59; minutes since midnight or -1. */
int ld_time(struct loader *ld, const struct csv_table *t, int r, int c, const char *col);
/* Column indexes of names[] (NULL-terminated) into cols[], -1 when absent. */
void ld_cols(const struct csv_table *t, const char *const *names, int *cols);

/* ---- names (areas, features) ---- */

void ld_names_init(struct names *nm, char ***names, int *n);
/* Index of name in the problem's name array, appended on first use. */
int ld_intern(struct names *nm, const char *name);
/* Index of a known name, or -1. */
int ld_names_find(const struct names *nm, const char *name);
/* A `;` list cell interned into a fresh array (*n items). */
int *ld_intern_list(struct names *nm, const char *cell, int *n);

/* ---- references to ids of the files read before ---- */

enum ld_ref { REF_BLOCK, REF_LEARNER, REF_FACILITATOR, REF_GOAL, REF_SEMINAR };

/* The index of the id `v` in its file, or -1 with "unknown KIND 'v' [in
 * 'in_col']: use a KIND_id from FILE" recorded at row r (unless that file
 * could not be read). */
int ld_ref(struct loader *ld, const struct csv_table *t, int r, enum ld_ref kind, const char *v,
	   const char *in_col);
/* Reads a `;` list of block ids into a fresh unavailable[n_blocks]. */
bool *ld_unavailable(struct loader *ld, const struct csv_table *t, int r, int c);
/* start[k] .. start[k + 1] - 1: the items of group k, for n items sorted
 * by group, an item's group the int at offset in it (0 .. n_groups - 1).
 * A fresh array of n_groups + 2. */
int *ld_group_starts(int n_groups, const void *items, int n, size_t stride, size_t offset);

/* ---- relation files: rows that relate ids of files read before ---- */

/* A relation row's key: the indexes of its ids (id[1] unused for one) and
 * its line.  A loader's row struct starts with it. */
struct ld_pair {
	int id[2];
	long line;
};

/* A relation file's id columns: col[i] (a table column) of kind[i], named
 * in an "unknown" error when in_col[i] is not NULL; n is 1 or 2. */
struct ld_pair_cols {
	int n;
	int col[2];
	enum ld_ref kind[2];
	const char *in_col[2];
};

/* Reads row r's id cells into key (each -1 when unknown, the error
 * recorded) and its line; true when every id is known. */
bool ld_read_pair(struct loader *ld, const struct csv_table *t, int r,
		  const struct ld_pair_cols *pc, struct ld_pair *key);

/* A pair given twice: again is the later row, first the one kept. */
typedef void ld_repeated_fn(struct loader *ld, const char *file, const void *again,
			    const void *first);

/* Sorts rows[0..n-1] (each size bytes, starting with struct ld_pair) by
 * pair, then line, and keeps the first row of each pair, calling repeated
 * for every later one in that order.  Returns how many are kept. */
int ld_drop_repeated(struct loader *ld, const char *file, void *rows, int n, size_t size,
		     ld_repeated_fn *repeated);

/* ---- files ---- */

/* Reads a scenario table and checks its header; false when the file is
 * absent (and optional) or unusable, the reasons recorded. */
bool ld_open_table(struct loader *ld, struct csv_table *t, const char *name, bool required,
		   const char *const *known, const char *const *req);

/*
 * An entity file: rows of entities (structs that start with `char *id`)
 * with unique ids.  known[0] is the id column; row() fills entity e of
 * table row r (cols[i] is column known[i]).  ld_load_entities reads it into
 * *array / *n, indexes the problem, reports duplicate ids and returns each
 * entity's row line (the caller frees it), or NULL when the file was not
 * read.
 */
struct entity_file {
	const char *file;
	bool required;
	const char *const *known, *const *req;
	const char *empty;          /* the error for a file without rows, or NULL */
	size_t size;                /* of one entity */
	void **array;
	int *n;
	int *const *sorted;         /* the problem's sorted index of them */
	void (*row)(struct loader *ld, const struct csv_table *t, int r, const int *cols,
		    void *e, const char *id);
};

long *ld_load_entities(struct loader *ld, const struct entity_file *ef);

/* ---- the loaders, in the order scenario_load calls them ---- */

void load_blocks(struct loader *ld);
void load_learners(struct loader *ld);
void load_facilitators(struct loader *ld);
void load_rooms(struct loader *ld);
void load_goals(struct loader *ld, bool required);
void load_prerequisites(struct loader *ld);
void load_progress(struct loader *ld);
void load_needs(struct loader *ld, bool required);
void load_seminars(struct loader *ld, bool required);
void load_choices(struct loader *ld, bool required);
void load_expertise(struct loader *ld);

/* scenario_checks.c: errors and warnings about the scenario as a whole */
void check_model(struct loader *ld);
void check_lab_feature(struct loader *ld);
void check_scenario(struct loader *ld);

#endif
