/*
 * compare_run.c - reads one output directory back for compare (see
 * compare_run.h).
 *
 * The files are read with the project's CSV reader (inputs/csv_table.c),
 * columns by header name, and every cell has the writer's spreadsheet guard
 * undone (csv_out_untext).  csv_table names a file without its directory;
 * compare reads several directories, so each file is read into a diag of
 * its own whose messages are then copied with the directory in front.
 * Rows are checked only as far as compare relies on them (mclsched verify
 * checks a schedule fully): a bad row is an error with its line, at most
 * MAX_ROW_ERRORS a file.
 */
#define _POSIX_C_SOURCE 200809L
#include "compare_run.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/util.h"
#include "inputs/csv_table.h"
#include "outputs/csv_out.h"

#define MAX_ROW_ERRORS 10

/* A file being read: its table, where messages go, and the row errors so far. */
struct reading {
	struct csv_table t;
	const char *dir;
	struct diag *d;
	int row_errors;
};

static void row_error(struct reading *rd, int row, const char *fmt, ...) MCL_PRINTF(3, 4);

static void row_error(struct reading *rd, int row, const char *fmt, ...)
{
	if (rd->row_errors++ >= MAX_ROW_ERRORS) {
		if (rd->row_errors == MAX_ROW_ERRORS + 1)
			diag_error(rd->d, NULL, 0, "%s/%s: more bad rows follow (only the first %d "
				   "are shown)", rd->dir, rd->t.name, MAX_ROW_ERRORS);
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char msg[512];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(rd->d, NULL, 0, "%s/%s:%ld: %s", rd->dir, rd->t.name, rd->t.line[row], msg);
}

/* Reads dir/name with the columns cols; 0, or -1 with the errors in rd->d. */
static int read_file(struct reading *rd, const char *dir, const char *name,
		     const char *const *cols, struct diag *d)
{
	struct diag local;
	diag_init(&local);
	rd->dir = dir;
	rd->d = d;
	rd->row_errors = 0;
	int rc = csv_table_read(&rd->t, dir, name, true, &local);
	if (rc > 0)
		csv_table_require(&rd->t, cols, &local);
	for (size_t i = 0; i < local.n; i++) {
		if (local.entries[i].severity == DIAG_ERROR)
			diag_error(d, NULL, 0, "%s/%s", dir, local.entries[i].text);
		else
			diag_warning(d, NULL, 0, "%s/%s", dir, local.entries[i].text);
	}
	int failed = local.n_errors;
	diag_release(&local);
	if (rc <= 0 || failed)
		return -1;
	for (int r = 0; r < rd->t.n_rows; r++)
		for (int c = 0; c < rd->t.n_cols; c++) {
			char *cell = rd->t.rows[r][c];
			const char *text = csv_out_untext(cell);
			if (text != cell)
				memmove(cell, text, strlen(text) + 1);
		}
	return 0;
}

/* A whole number in [lo, hi], or INT_MIN. */
static int whole(const char *s, int lo, int hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return INT_MIN;
	return (int)v;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_need(const void *a, const void *b)
{
	const struct compare_need *x = a, *y = b;
	int c = strcmp(x->learner, y->learner);
	return c ? c : strcmp(x->goal, y->goal);
}

static int cmp_load(const void *a, const void *b)
{
	return strcmp(((const struct compare_load *)a)->facilitator,
		      ((const struct compare_load *)b)->facilitator);
}

static int read_summary(struct compare_run *r, struct diag *d)
{
	static const char *const cols[] = { "metric", "value", NULL };
	struct reading rd;
	if (read_file(&rd, r->dir, "summary.csv", cols, d))
		goto out_fail;
	int cm = csv_table_col(&rd.t, "metric"), cv = csv_table_col(&rd.t, "value");
	r->metrics = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*r->metrics));
	int status_row = -1;
	for (int i = 0; i < rd.t.n_rows; i++) {
		const char *name = rd.t.rows[i][cm];
		if (!*name)
			continue;
		for (int j = 0; j < r->n_metrics; j++)
			if (!strcmp(r->metrics[j].name, name)) {
				row_error(&rd, i, "metric '%s' appears twice", name);
				break;
			}
		if (!strcmp(name, "status"))
			status_row = i;
		r->metrics[r->n_metrics].name = xstrdup(name);
		r->metrics[r->n_metrics].value = xstrdup(rd.t.rows[i][cv]);
		r->n_metrics++;
	}
	if (status_row < 0) {
		diag_error(d, NULL, 0, "%s/summary.csv: no 'status' row: not a summary written by "
			   "mclsched solve", r->dir);
	} else {
		const char *status = rd.t.rows[status_row][cv];
		if (strcmp(status, "optimal") && strcmp(status, "feasible"))
			row_error(&rd, status_row, "status is '%s': this run has no schedule to "
				  "compare (see its diagnosis.txt); leave it out", status);
	}
	bool ok = status_row >= 0 && rd.row_errors == 0;
	csv_table_release(&rd.t);
	return ok ? 0 : -1;
out_fail:
	csv_table_release(&rd.t);
	return -1;
}

/* sessions.csv: each session's kind (for the timetable) and each
 * facilitator's count.  ids[] (sorted, with kinds[] alongside) is returned
 * for read_timetable. */
struct session_kind {
	char *id;
	char kind;                  /* 'w' workshop, 's' seminar, 'l' lab */
};

static int cmp_session(const void *a, const void *b)
{
	return strcmp(((const struct session_kind *)a)->id, ((const struct session_kind *)b)->id);
}

static int read_sessions(struct compare_run *r, struct session_kind **out, int *n_out,
			 struct diag *d)
{
	static const char *const cols[] = { "session_id", "kind", "facilitator_id", NULL };
	struct reading rd;
	*out = NULL;
	*n_out = 0;
	if (read_file(&rd, r->dir, "sessions.csv", cols, d)) {
		csv_table_release(&rd.t);
		return -1;
	}
	int cs = csv_table_col(&rd.t, "session_id"), ck = csv_table_col(&rd.t, "kind");
	int cf = csv_table_col(&rd.t, "facilitator_id");
	struct session_kind *sk = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*sk));
	struct compare_load *loads = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*loads));
	int n = 0, nl = 0;
	for (int i = 0; i < rd.t.n_rows; i++) {
		char **row = rd.t.rows[i];
		const char *kind = row[ck];
		char k = !strcmp(kind, "workshop") ? 'w' : !strcmp(kind, "seminar") ? 's'
						   : !strcmp(kind, "lab") ? 'l' : 0;
		if (!k) {
			row_error(&rd, i, "kind '%s' is not workshop, seminar or lab", kind);
			continue;
		}
		if (!*row[cs] || !*row[cf]) {
			row_error(&rd, i, "%s is empty", !*row[cs] ? "session_id" : "facilitator_id");
			continue;
		}
		sk[n].id = xstrdup(row[cs]);
		sk[n++].kind = k;
		loads[nl].facilitator = row[cf];
		loads[nl++].sessions = 1;
	}
	qsort(sk, (size_t)n, sizeof(*sk), cmp_session);
	for (int i = 1; i < n; i++)
		if (!strcmp(sk[i].id, sk[i - 1].id)) {
			diag_error(d, NULL, 0, "%s/sessions.csv: session '%s' appears twice", r->dir,
				   sk[i].id);
			rd.row_errors++;
			break;
		}
	/* one load per facilitator: sort the per-session rows, then merge */
	qsort(loads, (size_t)nl, sizeof(*loads), cmp_load);
	r->loads = xcalloc((size_t)nl + 1, sizeof(*r->loads));
	for (int i = 0; i < nl; i++) {
		if (r->n_loads && !strcmp(r->loads[r->n_loads - 1].facilitator, loads[i].facilitator)) {
			r->loads[r->n_loads - 1].sessions++;
			continue;
		}
		r->loads[r->n_loads].facilitator = xstrdup(loads[i].facilitator);
		r->loads[r->n_loads++].sessions = 1;
	}
	free(loads);
	*out = sk;
	*n_out = n;
	int rc = rd.row_errors ? -1 : 0;
	csv_table_release(&rd.t);
	return rc;
}

/* Appends a need entry (learner, goal) to r->needs. */
static struct compare_need *add_need(struct compare_run *r, size_t *alloc, const char *learner,
				     const char *goal)
{
	xgrow((void **)&r->needs, alloc, (size_t)r->n_needs + 1, sizeof(*r->needs));
	struct compare_need *n = &r->needs[r->n_needs++];
	memset(n, 0, sizeof(*n));
	n->learner = xstrdup(learner);
	n->goal = xstrdup(goal);
	return n;
}

static void add_learner(struct compare_run *r, size_t *alloc, const char *id)
{
	xgrow((void **)&r->learners, alloc, (size_t)r->n_learners + 1, sizeof(char *));
	r->learners[r->n_learners++] = xstrdup(id);
}

/* timetable.csv: the learners, and one need entry per row on a goal in a
 * workshop session or a lab (merged per learner and goal later). */
static int read_timetable(struct compare_run *r, const struct session_kind *sk, int n_sk,
			  size_t *alloc_needs, size_t *alloc_learners, struct diag *d)
{
	static const char *const cols[] = { "learner_id", "session_id", "offering_id", NULL };
	struct reading rd;
	if (read_file(&rd, r->dir, "timetable.csv", cols, d)) {
		csv_table_release(&rd.t);
		return -1;
	}
	int cl = csv_table_col(&rd.t, "learner_id"), cs = csv_table_col(&rd.t, "session_id");
	int co = csv_table_col(&rd.t, "offering_id");
	for (int i = 0; i < rd.t.n_rows; i++) {
		char **row = rd.t.rows[i];
		if (!*row[cl]) {
			row_error(&rd, i, "learner_id is empty");
			continue;
		}
		struct session_kind key = { row[cs], 0 };
		const struct session_kind *s = bsearch(&key, sk, (size_t)n_sk, sizeof(*sk),
						       cmp_session);
		if (!s) {
			row_error(&rd, i, "session '%s' is not in sessions.csv", row[cs]);
			continue;
		}
		if (!r->n_learners || strcmp(r->learners[r->n_learners - 1], row[cl]))
			add_learner(r, alloc_learners, row[cl]);
		if (s->kind != 's' && *row[co])
			add_need(r, alloc_needs, row[cl], row[co])->rows = 1;
	}
	int rc = rd.row_errors ? -1 : 0;
	csv_table_release(&rd.t);
	return rc;
}

/* unmet.csv: one need entry per `need` row, with its numbers. */
static int read_unmet(struct compare_run *r, size_t *alloc_needs, size_t *alloc_learners,
		      struct diag *d)
{
	static const char *const cols[] = { "learner_id", "kind", "offering_id", "priority",
					    "wanted", "scheduled", NULL };
	struct reading rd;
	if (read_file(&rd, r->dir, "unmet.csv", cols, d)) {
		csv_table_release(&rd.t);
		return -1;
	}
	int cl = csv_table_col(&rd.t, "learner_id"), ck = csv_table_col(&rd.t, "kind");
	int co = csv_table_col(&rd.t, "offering_id"), cp = csv_table_col(&rd.t, "priority");
	int cw = csv_table_col(&rd.t, "wanted"), cs = csv_table_col(&rd.t, "scheduled");
	for (int i = 0; i < rd.t.n_rows; i++) {
		char **row = rd.t.rows[i];
		if (!strcmp(row[ck], "choice"))
			continue;
		if (strcmp(row[ck], "need")) {
			row_error(&rd, i, "kind '%s' is not need or choice", row[ck]);
			continue;
		}
		int p = whole(row[cp], 1, 5), w = whole(row[cw], 1, INT_MAX);
		int s = whole(row[cs], 0, INT_MAX);
		if (!*row[cl] || !*row[co] || p == INT_MIN || w == INT_MIN || s == INT_MIN ||
		    s >= w) {
			row_error(&rd, i, "a need row wants learner_id, offering_id, priority 1-5, "
				  "wanted >= 1 and scheduled below wanted, not '%s', '%s', '%s', "
				  "'%s', '%s'", row[cl], row[co], row[cp], row[cw], row[cs]);
			continue;
		}
		struct compare_need *n = add_need(r, alloc_needs, row[cl], row[co]);
		n->unmet = true;
		n->priority = p;
		n->wanted = w;
		n->scheduled = s;
		/* a learner named only here (available in no scheduled block)
		 * is one of the run's learners too; merge() drops repeats */
		add_learner(r, alloc_learners, row[cl]);
	}
	int rc = rd.row_errors ? -1 : 0;
	csv_table_release(&rd.t);
	return rc;
}

/* Sorts and merges the entries of one (learner, goal); sorts and dedupes
 * the learners. */
static void merge(struct compare_run *r)
{
	if (r->n_learners)      /* qsort wants an array, even for none */
		qsort(r->learners, (size_t)r->n_learners, sizeof(char *), cmp_str);
	int n = 0;
	for (int i = 0; i < r->n_learners; i++) {
		if (n && !strcmp(r->learners[n - 1], r->learners[i])) {
			free(r->learners[i]);
			continue;
		}
		r->learners[n++] = r->learners[i];
	}
	r->n_learners = n;
	if (r->n_needs)
		qsort(r->needs, (size_t)r->n_needs, sizeof(*r->needs), cmp_need);
	n = 0;
	for (int i = 0; i < r->n_needs; i++) {
		struct compare_need *x = &r->needs[i];
		if (n && !cmp_need(&r->needs[n - 1], x)) {
			struct compare_need *into = &r->needs[n - 1];
			into->rows += x->rows;
			if (x->unmet) {
				into->unmet = true;
				into->priority = x->priority;
				into->wanted = x->wanted;
				into->scheduled = x->scheduled;
			}
			free(x->learner);
			free(x->goal);
			continue;
		}
		r->needs[n++] = *x;
	}
	r->n_needs = n;
}

int compare_run_read(struct compare_run *r, const char *dir, struct diag *d)
{
	memset(r, 0, sizeof(*r));
	r->dir = xstrdup(dir);
	struct stat st;
	if (stat(dir, &st) != 0) {
		diag_error(d, dir, 0, "cannot read: %s (give a directory written by mclsched solve)",
			   strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(d, dir, 0, "is not a directory (give a directory written by mclsched "
			   "solve)");
		return -1;
	}
	char *summary = xasprintf("%s/summary.csv", dir);
	bool has_summary = stat(summary, &st) == 0;
	free(summary);
	if (!has_summary) {
		diag_error(d, dir, 0, "not an mclsched output directory: it holds no summary.csv "
			   "(give a directory written by mclsched solve)");
		return -1;
	}
	if (read_summary(r, d))
		return -1;
	struct session_kind *sk;
	int n_sk;
	size_t alloc_needs = 0, alloc_learners = 0;
	/* every file is read, so that all their problems are reported at once;
	 * the timetable's sessions are checked only against a sound sessions.csv */
	int rc = read_sessions(r, &sk, &n_sk, d);
	if (rc == 0)
		rc = read_timetable(r, sk, n_sk, &alloc_needs, &alloc_learners, d);
	rc |= read_unmet(r, &alloc_needs, &alloc_learners, d);
	for (int i = 0; i < n_sk; i++)
		free(sk[i].id);
	free(sk);
	merge(r);
	return rc;
}

void compare_run_release(struct compare_run *r)
{
	for (int i = 0; i < r->n_metrics; i++) {
		free(r->metrics[i].name);
		free(r->metrics[i].value);
	}
	free(r->metrics);
	for (int i = 0; i < r->n_learners; i++)
		free(r->learners[i]);
	free(r->learners);
	for (int i = 0; i < r->n_needs; i++) {
		free(r->needs[i].learner);
		free(r->needs[i].goal);
	}
	free(r->needs);
	for (int i = 0; i < r->n_loads; i++)
		free(r->loads[i].facilitator);
	free(r->loads);
	free(r->dir);
	memset(r, 0, sizeof(*r));
}

const char *compare_run_metric(const struct compare_run *r, const char *name)
{
	for (int i = 0; i < r->n_metrics; i++)
		if (!strcmp(r->metrics[i].name, name))
			return r->metrics[i].value;
	return NULL;
}

bool compare_run_has_learner(const struct compare_run *r, const char *id)
{
	return r->n_learners && bsearch(&id, r->learners, (size_t)r->n_learners, sizeof(char *), cmp_str) != NULL;
}
