/*
 * history.c - reads history.csv (history.h).
 *
 * The file only marks (learner, seminar) pairs, so it is kept as one flag
 * per pair: a district's history over many years holds many rows, but the
 * pairs that matter are those of this cycle's learners and seminars.  The
 * same pair on several rows (a seminar taken twice, in two cycles) is
 * fine.  Errors follow scenario.c's manner: every one with its line, at
 * most HISTORY_ERROR_CAP listed and the rest counted.
 */
#include "history.h"

#include <stdlib.h>

#include "engine/util.h"
#include "inputs/csv_table.h"

#define HISTORY_ERROR_CAP 100

bool *history_read(const struct problem *p, const char *dir, bool check_learners,
		   bool check_seminars, struct diag *d)
{
	static const char *const known[] = { "learner_id", "seminar_id", "cycle", NULL };
	static const char *const req[] = { "learner_id", "seminar_id", NULL };
	size_t n = (size_t)p->n_learners * (size_t)p->n_seminars;
	bool *taken = xcalloc(n + 1, sizeof(bool));
	struct csv_table t;
	if (csv_table_read(&t, dir, "history.csv", false, d) <= 0)
		goto out;
	csv_table_warn_unknown(&t, known, d);
	if (csv_table_require(&t, req, d) > 0)
		goto out;
	int cl = csv_table_col(&t, "learner_id"), cs = csv_table_col(&t, "seminar_id");
	long errors = 0;
	for (int r = 0; r < t.n_rows; r++) {
		const char *lid = t.rows[r][cl], *sid = t.rows[r][cs];
		int l = problem_find_learner(p, lid), s = problem_find_seminar(p, sid);
		bool bad_l = l < 0 && (check_learners || !*lid);
		bool bad_s = s < 0 && (check_seminars || !*sid);
		if ((bad_l || bad_s) && errors++ < HISTORY_ERROR_CAP) {
			if (!*lid || !*sid)
				diag_error(d, t.name, t.line[r], "empty '%s': every row needs a "
					   "learner_id and a seminar_id", !*lid ? "learner_id" : "seminar_id");
			else if (bad_l)
				diag_error(d, t.name, t.line[r], "unknown learner '%.64s': use a "
					   "learner_id from learners.csv, or remove the row", lid);
			else
				diag_error(d, t.name, t.line[r], "unknown seminar '%.64s': use a "
					   "seminar_id from seminars.csv, or remove the row of a "
					   "seminar no longer offered", sid);
		}
		if (l >= 0 && s >= 0)
			taken[(size_t)l * (size_t)p->n_seminars + (size_t)s] = true;
	}
	if (errors > HISTORY_ERROR_CAP)
		diag_error(d, t.name, 0, "%ld more errors not listed: fix the ones above and "
			   "check again", errors - HISTORY_ERROR_CAP);
out:
	csv_table_release(&t);
	return taken;
}
