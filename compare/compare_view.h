/*
 * compare_view.h - what `mclsched compare` shows: the text table on stdout,
 * and compare.csv and compare.html written atomically into a directory.
 * docs/outputs.md ("compare") describes every row and column.
 */
#ifndef MCL_COMPARE_VIEW_H
#define MCL_COMPARE_VIEW_H

#include <stdio.h>

#include "engine/diag.h"
#include "compare/compare.h"

/* The metrics per run side by side, the best marked, then the learners who
 * gain or lose need-sessions against the first run and how many facilitator
 * loads change.  Values are shown with control characters replaced and
 * long ones shortened; compare.csv holds them whole. */
void compare_print_table(const struct compare *c, FILE *out);

/* compare.csv: one table, columns section,item,detail,best,run_1..run_N. */
void compare_csv_write(const struct compare *c, FILE *f);

/* compare.html: one self-contained page (inline CSS, no script), every
 * value HTML-escaped (compare_html.c). */
void compare_html_write(const struct compare *c, FILE *f);

/* NULL when compare.csv and compare.html can be written in dir (an existing
 * directory where a file can be created, or a directory that can be
 * created), else the reason without the path (the caller frees it).  Leaves
 * nothing behind. */
char *compare_check_dir(const char *dir);

/* Writes compare.csv and compare.html into dir (created when missing), each
 * to a temporary file renamed into place once complete, with SIGINT and
 * SIGTERM held meanwhile, so neither is ever half-written.  Returns 0, or
 * -1 with the reason in d (nothing left behind). */
int compare_write_files(const struct compare *c, const char *dir, struct diag *d);

#endif
