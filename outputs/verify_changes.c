/*
 * verify_changes.c - a replan's changes.csv against the output it sits in.
 *
 * verify reads no previous schedule, so what a row says was there before
 * is not checked; what is: each row names a learner-block of timetable.csv
 * after summary.csv's replan_after, once, with the session and offering
 * timetable.csv gives there, and summary.csv's learner_blocks_changed is
 * the number of rows.
 */
#include "outputs/verify_rules.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

int verify_check_changes(struct verifier *v, const char *out_dir, const struct csv_table *tt,
			 const struct csv_table *tm, struct diag *d)
{
	static const char *const cols[] = { "learner_id", "block_id", "before_session_id",
					    "before_offering_id", "after_session_id",
					    "after_offering_id", NULL };
	const struct problem *p = v->p;
	const char *F = "changes.csv";
	struct csv_table t;
	memset(&t, 0, sizeof(t));
	int before = d->n_errors;
	if (csv_table_read(&t, out_dir, F, true, d) > 0)
		csv_table_require(&t, cols, d);
	if (d->n_errors > before) {
		verify_violation(v, F, 0, "a replan's changes.csv that cannot be read (the errors "
				 "above)");
		csv_table_release(&t);
		return -1;
	}
	int c_l = csv_table_col(&t, "learner_id"), c_b = csv_table_col(&t, "block_id");
	int c_s = csv_table_col(&t, "after_session_id"), c_o = csv_table_col(&t, "after_offering_id");
	int t_s = csv_table_col(tt, "session_id"), t_o = csv_table_col(tt, "offering_id");
	long *seen = xcalloc((size_t)p->n_learners * (size_t)p->n_blocks + 1, sizeof(long));
	for (int r = 0; r < t.n_rows; r++) {
		char **row = t.rows[r];
		long line = t.line[r];
		int l = problem_find_learner(p, row[c_l]), b = problem_find_block(p, row[c_b]);
		if (l < 0 || b < 0) {
			verify_violation(v, F, line, "unknown %s '%s'", l < 0 ? "learner" : "block",
					 l < 0 ? row[c_l] : row[c_b]);
			continue;
		}
		long cell = (long)l * p->n_blocks + b;
		int k = v->tt_row[cell];
		if (b <= v->after)
			verify_violation(v, F, line, "learner '%s' changes in block '%s', up to "
					 "replan_after '%s'", row[c_l], row[c_b], p->blocks[v->after].id);
		else if (seen[cell])
			verify_violation(v, F, line, "learner '%s' in block '%s' twice (also line %ld)",
					 row[c_l], row[c_b], seen[cell]);
		else if (k < 0)
			verify_violation(v, F, line, "learner '%s' has no timetable.csv row in block "
					 "'%s'", row[c_l], row[c_b]);
		else if (strcmp(tt->rows[k][t_s], row[c_s]) || strcmp(tt->rows[k][t_o], row[c_o]))
			verify_violation(v, F, line, "learner '%s' in block '%s': after '%s' ('%s'), but "
					 "timetable.csv:%ld has '%s' ('%s')", row[c_l], row[c_b],
					 row[c_s], row[c_o], tt->line[k], tt->rows[k][t_s],
					 tt->rows[k][t_o]);
		seen[cell] = seen[cell] ? seen[cell] : line;
	}
	long at;
	const char *n = verify_summary_value(tm, "learner_blocks_changed", &at);
	char *end = NULL;
	long count = n ? strtol(n, &end, 10) : -1;
	if (!n || end == n || *end || count != t.n_rows)
		verify_violation(v, "summary.csv", at, "learner_blocks_changed is '%s' but changes.csv "
				 "has %d rows", n ? n : "(missing)", t.n_rows);
	free(seen);
	csv_table_release(&t);
	return 0;
}
