/*
 * import.h - `mclsched import`: scenario files from the standards that
 * districts already keep their data in.
 *
 *   OneRoster 1.1 CSV (users, demographics, classes, enrollments,
 *   lineItems, results) -> learners.csv, facilitators.csv, progress.csv
 *   1EdTech CASE 1.0 JSON (CFItems, CFAssociations) -> goals.csv,
 *   prerequisites.csv
 *
 * The mapping rules are documented in docs/inputs.md ("Imports").  Both
 * importers read everything first, and write only when no error was found:
 * each file into a temporary file beside it, flushed to disk, then renamed
 * over the old one, so no scenario file is ever half-written.  Files of
 * the scenario that an importer does not write are left alone, and in those
 * it writes, the old columns the source has no field for are kept by id
 * (struct import_carry).  Rows that
 * cannot be mapped (a parent's account, a score of no goal) are warnings
 * at their FILE:LINE and are left out; input that cannot be imported at all
 * (an id mclsched cannot take, a cycle in a progression) is an error at its
 * FILE:LINE and nothing is written.
 */
#ifndef MCL_IMPORT_H
#define MCL_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/diag.h"

struct csv_table;

/* What an import ends with. */
enum import_result {
	IMPORT_WRITTEN = 0,         /* files written; warnings may list rows left out */
	IMPORT_BAD_INPUT = 1,       /* errors in d; nothing written */
	IMPORT_WRITE_FAILED = 2,    /* the scenario directory could not be written */
};

struct import_oneroster_options {
	const char *goal_map;       /* CSV line_item_id,goal_id, or NULL */
	const char *as_of;          /* YYYY-MM-DD for ages, or NULL: today (UTC) */
};

/* Reads the OneRoster 1.1 CSV bulk files in src and writes learners.csv,
 * facilitators.csv and (when results.csv is there) progress.csv in
 * scenario_dir, created when missing (its parent must exist).  Counts of
 * what was imported are logged at LOG_NORMAL. */
enum import_result import_oneroster(const char *src, const char *scenario_dir,
				    const struct import_oneroster_options *opt, struct diag *d);

/* How import case names a goal's area. */
enum import_areas {
	IMPORT_AREAS_IS_CHILD_OF,   /* the top isChildOf ancestor; leaf items are goals */
	IMPORT_AREAS_DOCUMENT,      /* the document's title; every item is a goal */
};

/* Parses an --areas-from word ("isChildOf", "document"); false if unknown. */
bool import_areas_parse(const char *word, enum import_areas *out);

/* Reads a CASE 1.0 package (JSON) and writes goals.csv and
 * prerequisites.csv in scenario_dir, as import_oneroster does. */
enum import_result import_case(const char *file, const char *scenario_dir,
			       enum import_areas areas, struct diag *d);

/* ---- shared by the importers (import.c) ---- */

/* One CSV file being built in memory, to be written by import_commit. */
struct import_csv {
	const char *name;           /* file name in the scenario directory */
	char *text;
	size_t len, cap;
};

/* Starts file name with its header line (comma-separated names). */
void import_csv_init(struct import_csv *f, const char *name, const char *header);

/* Appends one row of n cells, RFC 4180 quoted where needed.  Cells are
 * written as they are: scenario files are mclsched's own input, read back
 * byte for byte, so the spreadsheet guard of the output files is not
 * applied (docs/inputs.md). */
void import_csv_row(struct import_csv *f, int n, const char *const *cells);

void import_csv_release(struct import_csv *f);

/* Writes the n files into dir (created when missing), each through a
 * temporary file renamed into place once every one is on disk.  A target
 * that is there but no regular file (a directory) fails before anything
 * is written; a rename that fails puts back the files renamed before it
 * (from hard links to the old files).  On failure the old files are in
 * place, the temporaries are removed, a directory created here is removed
 * again, and the reason is in d.  Returns 0 or -1. */
int import_commit(const char *dir, struct import_csv *files, int n, struct diag *d);

/* A sorted lookup of string keys (sourcedIds, identifiers, ids). */
struct import_lookup {
	const char **key;           /* owned: freed by import_lookup_release */
	int *order;                 /* indexes sorted by key */
	int n;
};

/* Indexes key[0 .. n-1]; takes the array (not the strings, which the
 * caller keeps alive).  Not thread-safe (qsort has no context). */
void import_lookup_build(struct import_lookup *lk, const char **key, int n);

/* The lowest index whose key is s, or -1. */
int import_lookup_find(const struct import_lookup *lk, const char *s);

/* Frees the key array and the order; a zeroed lookup is fine. */
void import_lookup_release(struct import_lookup *lk);

/*
 * The columns of a scenario file's old version that an import does not
 * write (learners' `unavailable`, goals' `mode` and group sizes), carried
 * over to the new rows with the same id, so that re-importing each cycle
 * does not lose what the school set by hand.  Rows of ids no longer
 * imported are dropped with the old file.
 */
struct import_carry {
	struct csv_table *old;      /* NULL when there is no old file */
	int *cols;                  /* old columns carried, in their order */
	int n_cols;
	struct import_lookup by_id;
};

/* Reads dir/name when it exists and picks the columns not in own
 * (NULL-terminated; own[0] is the id column).  -1 with an error in d when
 * the old file cannot be read (it must be fixed or removed first). */
int import_carry_open(struct import_carry *c, const char *dir, const char *name,
		      const char *const *own, struct diag *d);

/* Appends ",NAME" for each carried column to the header text in *header
 * (reallocated). */
void import_carry_header(const struct import_carry *c, char **header);

/* cells[0 .. n_cols-1] := the carried cells of the old row with this id
 * ("" when it had none); pointers into the old table. */
void import_carry_cells(const struct import_carry *c, const char *id, const char **cells);

void import_carry_release(struct import_carry *c);

/* Formats a score in [0, 4] with at most 2 decimals, no trailing zeros
 * ("3.3", "4", "2.67") into buf (at least 16 bytes). */
void import_format_score(char *buf, size_t len, double score);

#endif
