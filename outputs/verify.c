/*
 * verify.c - re-checks a written schedule against its inputs.
 *
 * Independent of the solver by construction: it knows nothing but the
 * validated inputs (struct problem) and the CSV files in OUT_DIR, which it
 * re-reads here by header name.  Every hard rule of the contract is checked
 * on those rows directly, each violation printed as "FILE:LINE: message
 * (rule N)".  The objective, with every weight of the contract, and the
 * fairness metrics are recounted here from the rows, not through
 * engine/objective.c (nor the lab credit of problem.c, restated in
 * verify_lab.c): a second, separate
 * statement of the same rules, so that a slip in the one the models and the
 * writer use shows up as a mismatch with summary.csv instead of agreeing
 * with itself.  The other summary metrics are recomputed with
 * engine/metrics.c from the rows turned into a struct solution.  Cells are
 * read back through csv_out_untext, undoing the writer's spreadsheet guard.
 * Mastery (needs' readiness, seminars' requires) is judged from the scores'
 * text, re-read and compared as digits by verify_mastery.c, not by the
 * loader's arithmetic or its ready/eligible flags; history.csv is re-read
 * for the seminars a learner took before.
 * Per-block conflicts use dense block x facilitator and block x room tables,
 * so a 6000-learner cycle verifies in linear time.
 *
 * This file reads the three files and runs the rule groups, each in its
 * own file (verify_rules.h): sessions.csv's rows (verify_sessions.c),
 * timetable.csv's (verify_learners.c), locks (verify_locks.c) and
 * summary.csv's numbers (verify_summary.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "verify.h"
#include "verify_rules.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/history.h"
#include "outputs/csv_out.h"
#include "outputs/verify_mastery.h"
#include "outputs/verify_locks.h"

void verify_violation(struct verifier *v, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (line > 0)
		fprintf(v->out, "%s:%ld: ", file, line);
	else
		fprintf(v->out, "%s: ", file);
	vfprintf(v->out, fmt, ap);
	fputc('\n', v->out);
	va_end(ap);
	v->violations++;
}

const char *verify_offering_name(const struct problem *p, const struct vsession *s)
{
	return s->kind == SESSION_WORKSHOP ? p->goals[s->offering].id
	       : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id
					    : "lab";
}

/* Undoes the writer's spreadsheet guard in every cell, in place. */
static void untext(struct csv_table *t)
{
	for (int r = 0; r < t->n_rows; r++)
		for (int c = 0; c < t->n_cols; c++) {
			char *cell = t->rows[r][c];
			const char *text = csv_out_untext(cell);
			if (text != cell)
				memmove(cell, text, strlen(text) + 1);
		}
}

/* Opens path to say "cannot open" the way the contract wants, before the
 * CSV reader (whose messages name the file only). */
static bool readable(const char *out_dir, const char *name, struct diag *d)
{
	char *path = xasprintf("%s/%s", out_dir, name);
	FILE *f = fopen(path, "rb");
	bool ok = f != NULL;
	if (!ok)
		diag_error(d, path, 0, "cannot open: %s", strerror(errno));
	else
		fclose(f);
	free(path);
	return ok;
}

int verify_schedule(const struct problem *p, const char *out_dir, FILE *out, struct diag *d)
{
	static const char *const sess_cols[] = { "session_id", "section_id", "kind", "offering_id",
						 "block_id", "room_id", "facilitator_id", "size",
						 NULL };
	static const char *const tt_cols[] = { "learner_id", "block_id", "session_id",
					       "offering_id", NULL };
	static const char *const sum_cols[] = { "metric", "value", NULL };
	struct csv_table ts, tt, tm;
	memset(&ts, 0, sizeof(ts));
	memset(&tt, 0, sizeof(tt));
	memset(&tm, 0, sizeof(tm));
	int before = d->n_errors;
	bool ok = readable(out_dir, "sessions.csv", d);
	ok &= readable(out_dir, "timetable.csv", d);
	ok &= readable(out_dir, "summary.csv", d);
	if (!ok)
		return -1;
	if (csv_table_read(&ts, out_dir, "sessions.csv", true, d) > 0)
		csv_table_require(&ts, sess_cols, d);
	if (csv_table_read(&tt, out_dir, "timetable.csv", true, d) > 0)
		csv_table_require(&tt, tt_cols, d);
	if (csv_table_read(&tm, out_dir, "summary.csv", true, d) > 0)
		csv_table_require(&tm, sum_cols, d);
	int result = -1;
	if (d->n_errors > before)
		goto out_tables;
	untext(&ts);
	untext(&tt);
	untext(&tm);

	struct verifier v = { .p = p, .out = out };
	char *changes = xasprintf("%s/changes.csv", out_dir);
	v.replan = access(changes, F_OK) == 0;
	free(changes);
	long after_line;
	const char *after = v.replan ? verify_summary_value(&tm, "replan_after", &after_line) : NULL;
	v.after = after ? problem_find_block(p, after) : -1;
	v.mastered = verify_mastery_read(p, &v.progress_known);
	v.taken = history_read(p, p->dir, true, true, d);
	v.ready = xmalloc(sizeof(bool) * ((size_t)p->n_needs + 1));
	for (int q = 0; q < p->n_needs; q++)
		v.ready[q] = verify_need_ready(p, v.mastered, v.progress_known, q);
	struct solution sol;
	solution_init(&sol, p);
	long *row_of = xcalloc((size_t)p->n_learners * (size_t)p->n_blocks + 1, sizeof(long));
	v.tt_row = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)p->n_blocks + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_blocks; i++)
		v.tt_row[i] = -1;
	verify_read_sessions(&v, &ts);
	verify_check_resources(&v);
	verify_read_timetable(&v, &tt, &sol, row_of);
	verify_check_sizes(&v, &sol);
	verify_check_learners(&v, &sol, row_of);
	verify_check_offerings(&v, &tt, &sol, row_of);
	v.violations += verify_locks(p, &ts, &tt, out);
	if (v.replan)
		verify_check_changes(&v, out_dir, &tt, &tm, d);
	if (!v.unusable) {
		/* the rows as a schedule, for the metrics */
		for (int i = 0; i < v.n; i++) {
			struct session s = { .kind = (enum session_kind)v.s[i].kind,
					     .offering = v.s[i].offering, .block = v.s[i].block,
					     .room = v.s[i].room, .facilitator = v.s[i].facilitator };
			int k = solution_add_session(&sol, &s);
			sol.sessions[k].section = v.s[i].section;
		}
		solution_recount(&sol);
		verify_check_summary(&v, &tm, &sol);
	}
	result = v.violations;
	free(row_of);
	free(v.tt_row);
	free(v.mastered);
	free(v.taken);
	free(v.ready);
	solution_release(&sol);
	for (int i = 0; i < v.n; i++)
		free(v.s[i].id);
	free(v.s);
	free(v.sorted);
out_tables:
	csv_table_release(&ts);
	csv_table_release(&tt);
	csv_table_release(&tm);
	return result;
}
