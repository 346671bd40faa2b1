/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (inputs/csv_table.c).
 *
 * The input is one CSV file.  It is read as a scenario file is, then every
 * accessor runs over the table and the table's own promises are checked
 * (every row has n_cols non-NULL cells, rows start on increasing lines), so
 * that a reader bug that corrupts the table is found even when nothing
 * crashes.  Sanitizer reports and leaks are the other findings.
 */
#include <stdint.h>
#include <stdlib.h>

#include "engine/diag.h"
#include "inputs/csv_table.h"
#include "tests/fuzz/scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const known[] = { "learner_id", "goal_id", "block_id", "name", NULL };

/* Aborts (a finding) when the table breaks a promise of csv_table.h. */
static void check_table(const struct csv_table *t)
{
	if (t->n_cols < 0 || t->n_rows < 0 || (t->n_cols && !t->header))
		abort();
	for (int c = 0; c < t->n_cols; c++)
		if (!t->header[c])
			abort();
	for (int r = 0; r < t->n_rows; r++) {
		if (t->line[r] < 1 || (r && t->line[r] <= t->line[r - 1]))
			abort();
		for (int c = 0; c < t->n_cols; c++) {
			const char *cell = t->rows[r][c];
			if (!cell)
				abort();
			char **items;
			int n = csv_split_list(cell, &items);
			for (int i = 0; i < n; i++)
				free(items[i]);
			free(items);
		}
	}
	for (int c = 0; c < t->n_cols; c++)
		if (*t->header[c] && csv_table_col(t, t->header[c]) > c)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scratch_write("input.csv", (const char *)data, size);
	struct diag d;
	diag_init(&d);
	struct csv_table t;
	int rc = csv_table_read(&t, scratch_dir(), "input.csv", true, &d);
	if (rc == 0)        /* the file exists: "absent" is a wrong answer */
		abort();
	if (rc > 0) {
		check_table(&t);
		csv_table_warn_unknown(&t, known, &d);
		csv_table_require(&t, known, &d);
	}
	csv_table_release(&t);
	diag_release(&d);
	return 0;
}
