/*
 * fuzz_case.c - libFuzzer harness for `mclsched import case`
 * (inputs/import_case.c, through libjansson).
 *
 * The input is one CASE package (JSON).  Whatever it holds, import_case
 * must return, free everything, and keep its promise: the files are written
 * exactly when no error was recorded, and every goal id written is a valid
 * id.  The files go to a directory of the scratch directory.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/import.h"
#include "tests/fuzz/scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless dir/goals.csv reads back with valid, present goal ids. */
static void check_goals(const char *dir)
{
	struct diag d;
	diag_init(&d);
	struct csv_table t;
	if (csv_table_read(&t, dir, "goals.csv", true, &d) != 1)
		abort();
	int c = csv_table_col(&t, "goal_id");
	for (int r = 0; r < t.n_rows; r++)
		if (c < 0 || !csv_valid_id(t.rows[r][c]))
			abort();
	csv_table_release(&t);
	diag_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mcl_log_level = LOG_QUIET;
	scratch_write("fw.json", (const char *)data, size);
	char *file = xasprintf("%s/fw.json", scratch_dir());
	char *out = xasprintf("%s/out", scratch_dir());
	scratch_remove("out/goals.csv");
	scratch_remove("out/prerequisites.csv");
	struct diag d;
	diag_init(&d);
	enum import_areas areas = size % 2 ? IMPORT_AREAS_DOCUMENT : IMPORT_AREAS_IS_CHILD_OF;
	enum import_result r = import_case(file, out, areas, &d);
	if ((r == IMPORT_WRITTEN) != (d.n_errors == 0))
		abort();
	if (r == IMPORT_WRITTEN)
		check_goals(out);
	diag_release(&d);
	free(file);
	free(out);
	return 0;
}
