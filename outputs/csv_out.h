/*
 * csv_out.h - writing one CSV cell the way every file mclsched writes wants
 * it: RFC 4180 quoting, and spreadsheet-safe text.
 *
 * Spreadsheet-safe text (data contract, version 2): a text cell whose first
 * character is '=', '+', '-', '@', a tab or a carriage return is written
 * with a leading apostrophe, so that a spreadsheet opening the file shows
 * the text instead of running it as a formula.  Numbers are written with
 * printf by the callers and are not text: -1.5 stays -1.5.  Every text cell
 * of the schedule's CSVs goes through csv_out_text(), so the rule lives
 * here only (oneroster/ writes its cells unchanged, csv_out_quoted: version
 * 3 of the contract keeps the guard to the files people open); readers of our own files (verify) undo it with
 * csv_out_untext().
 */
#ifndef MCL_CSV_OUT_H
#define MCL_CSV_OUT_H

#include <stdbool.h>
#include <stdio.h>

/* Whether text would be read as a formula by a spreadsheet. */
bool csv_out_formula_like(const char *text);

/* Writes text as one CSV cell: guarded with an apostrophe when formula-like,
 * quoted when it holds a comma, a quote, CR or LF. */
void csv_out_text(FILE *f, const char *text);

/* Writes text as one CSV cell unchanged, quoted when it holds a comma, a
 * quote, CR or LF: for the files other systems import by id (oneroster/),
 * where the guard would change the data (contract version 3). */
void csv_out_quoted(FILE *f, const char *text);

/* The text a cell read back from our own file stood for: cell without the
 * guarding apostrophe csv_out_text added, else cell itself (a pointer into
 * cell, never a copy). */
const char *csv_out_untext(const char *cell);

#endif
