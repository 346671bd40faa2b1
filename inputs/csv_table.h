/*
 * csv_table.h - one CSV file of a scenario, read whole into memory.
 *
 * RFC 4180 through libcsv (strict quoting), UTF-8 with or without a BOM
 * (any other byte sequence is an error at its line), LF, CRLF or CR line ends, blank
 * (white-space only) lines skipped, a header row whose columns are found by
 * name in any order and any case (`Learner_ID`); a header joined by ';' is
 * one error saying so.  Every cell and header name is
 * trimmed of surrounding white space.  A row shorter than the header is
 * padded with empty cells; a row with a non-empty cell past the header is an
 * error (an unquoted comma shifted it).  Each data row keeps the line number
 * where it starts, so every later error can say FILE:LINE.
 */
#ifndef MCL_CSV_TABLE_H
#define MCL_CSV_TABLE_H

#include <stdbool.h>

#include "engine/diag.h"

/* Rows read from one file at most: far above any school (6000 learners with
 * every score recorded fit), low enough that a runaway file is refused
 * before it takes gigabytes. */
#define CSV_MAX_ROWS 2000000

/* Bytes in one row (a quoted field may span lines) at most: a row this long
 * is a missing closing quote, not data. */
#define CSV_MAX_RECORD (16 << 20)

struct csv_table {
	char *name;                 /* file name as messages show it */
	int n_cols;
	char **header;              /* trimmed column names */
	int n_rows;
	char ***rows;               /* rows[r][c]; short rows padded with "" */
	long *line;                 /* line where row r starts */
	char **cells;               /* the storage behind rows, n_rows * n_cols */
	char *text;                 /* the storage behind every cell */
};

/*
 * Reads dir/name.  Returns 1 when read, 0 when the file does not exist and
 * is not required (t is then empty), -1 when an error was recorded in d
 * (missing required file, unreadable, a directory, a NUL byte, bytes that
 * are not UTF-8, bad quoting, a ';'-separated file, an empty file, a column
 * named twice in any case).  Rows with cells past the header are
 * recorded as errors but the table is still returned, so that the rest of
 * the file is checked too.
 */
int csv_table_read(struct csv_table *t, const char *dir, const char *name, bool required,
		   struct diag *d);

/* Index of the column named col (letter case ignored), or -1. */
int csv_table_col(const struct csv_table *t, const char *col);

/* Records a warning for every header not in known (NULL-terminated). */
void csv_table_warn_unknown(const struct csv_table *t, const char *const *known, struct diag *d);

/* Records an error for every column of required (NULL-terminated) missing.
 * Returns the number missing. */
int csv_table_require(const struct csv_table *t, const char *const *required, struct diag *d);

void csv_table_release(struct csv_table *t);

/* Whether s is an id of the data contract (version 3): 1-64 characters of
 * A-Za-z0-9_.-, the first a letter or a digit (an id starting with '-' or
 * '+' would reach a spreadsheet or a student information system as a
 * formula or a number). */
bool csv_valid_id(const char *s);

/* Splits a `;` list cell into trimmed, non-empty items (caller frees each
 * item and the array).  Returns the count. */
int csv_split_list(const char *cell, char ***items);

#endif
