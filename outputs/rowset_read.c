/*
 * rowset_read.c - an output directory read back into a row set
 * (rowset_read in rowset.h): the one reader of the files output.c writes,
 * used by compare and by the round-trip test.  (verify keeps a reader of
 * its own on purpose: it must not share the writer's assumptions.)
 *
 * The files are read with the project's CSV reader (inputs/csv_table.c),
 * columns by header name, and every cell has the writer's spreadsheet guard
 * undone (csv_out_untext).  csv_table names a file without its directory;
 * a reader of several directories needs it, so each file is read into a
 * diag of its own whose messages are then copied with the directory in
 * front.  Rows are checked as far as the row set relies on them (verify
 * checks a schedule fully): a bad row is an error with its line, at most
 * MAX_ROW_ERRORS a file.  Sessions are found by id through a sorted index,
 * so a hand-written directory need not list them in order.
 */
#define _POSIX_C_SOURCE 200809L
#include "rowset.h"

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

/* The sessions by id, for the timetable and the sections. */
struct session_index {
	const char *id;
	int session;
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

/* Reads dir/name with the columns cols into rd->t (which the caller
 * releases); 0, or -1 with the errors in d. */
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

/* The cells of row r in the order of cols (looked up by name). */
static void row_cells(const struct reading *rd, int r, const char *const *cols, const char **out)
{
	for (int i = 0; cols[i]; i++)
		out[i] = rd->t.rows[r][csv_table_col(&rd->t, cols[i])];
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

static int read_summary(struct rowset *rs, const char *dir, struct diag *d)
{
	static const char *const cols[] = { "metric", "value", NULL };
	struct reading rd;
	int rc = -1;
	if (read_file(&rd, dir, "summary.csv", cols, d))
		goto out;
	rs->metrics = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*rs->metrics));
	const char *status = NULL;
	for (int i = 0; i < rd.t.n_rows; i++) {
		const char *c[2];
		row_cells(&rd, i, cols, c);
		if (!*c[0])
			continue;
		if (rowset_metric(rs, c[0]))
			row_error(&rd, i, "metric '%s' appears twice", c[0]);
		if (!strcmp(c[0], "status")) {
			status = c[1];
			rs->status_line = rd.t.line[i];
		}
		struct rowset_metric *m = &rs->metrics[rs->n_metrics++];
		m->name = xstrdup(c[0]);
		m->value = xstrdup(c[1]);
	}
	if (!status)
		diag_error(d, NULL, 0, "%s/summary.csv: no 'status' row: not a summary written by "
			   "mclsched solve", dir);
	else
		rs->schedule = !strcmp(status, "optimal") || !strcmp(status, "feasible");
	if (status && rd.row_errors == 0)
		rc = 0;
out:
	csv_table_release(&rd.t);
	return rc;
}

static int cmp_index(const void *a, const void *b)
{
	return strcmp(((const struct session_index *)a)->id, ((const struct session_index *)b)->id);
}

static int find_session(const struct session_index *ix, int n, const char *id)
{
	struct session_index key = { id, -1 };
	const struct session_index *hit = n ? bsearch(&key, ix, (size_t)n, sizeof(*ix), cmp_index)
					    : NULL;
	return hit ? hit->session : -1;
}

static int kind_of(const char *name)
{
	static const char *const kinds[] = { "workshop", "seminar", "lab" };
	for (int k = 0; k < 3; k++)
		if (!strcmp(name, kinds[k]))
			return k;
	return -1;
}

/* Resolves session r's ids against p; false when one does not resolve. */
static bool resolve_session(struct rowset_session *s, const struct problem *p)
{
	s->offering = s->kind == SESSION_WORKSHOP  ? problem_find_goal(p, s->offering_id)
		      : s->kind == SESSION_SEMINAR ? problem_find_seminar(p, s->offering_id)
						   : -1;
	s->block = problem_find_block(p, s->block_id);
	s->room = problem_find_room(p, s->room_id);
	s->facilitator = problem_find_facilitator(p, s->facilitator_id);
	return (s->kind == SESSION_LAB || s->offering >= 0) && s->block >= 0 && s->room >= 0 &&
	       s->facilitator >= 0;
}

/* Links each section's sessions (section_first, section_next), walking
 * back so that each lands in front of the later ones; a section is named
 * by its first session. */
static void link_sections(struct rowset *rs, struct reading *rd, const struct session_index *ix)
{
	int *head = xmalloc(sizeof(int) * ((size_t)rs->n_sessions + 1));
	for (int i = 0; i < rs->n_sessions; i++)
		head[i] = -1;
	for (int i = rs->n_sessions - 1; i >= 0; i--) {
		struct rowset_session *s = &rs->sessions[i];
		s->section_first = find_session(ix, rs->n_sessions, s->section);
		if (s->section_first < 0 || s->section_first > i) {
			row_error(rd, i, "section '%s' is not a session at or before this one "
				  "in sessions.csv", s->section);
			s->section_first = i;
		}
		s->section_next = head[s->section_first];
		head[s->section_first] = i;
	}
	free(head);
}

static int read_sessions(struct rowset *rs, const char *dir, const struct problem *p,
			 struct session_index **index, struct diag *d)
{
	static const char *const cols[] = { "session_id", "section_id", "kind", "offering_id",
					    "block_id", "room_id", "facilitator_id", "size", NULL };
	struct reading rd;
	*index = NULL;
	int rc = -1;
	if (read_file(&rd, dir, "sessions.csv", cols, d))
		goto out;
	rs->sessions = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*rs->sessions));
	struct session_index *ix = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*ix));
	for (int i = 0; i < rd.t.n_rows; i++) {
		const char *c[8];
		row_cells(&rd, i, cols, c);
		int kind = kind_of(c[2]), size = whole(c[7], 0, INT_MAX);
		if (kind < 0) {
			row_error(&rd, i, "kind '%s' is not workshop, seminar or lab", c[2]);
			continue;
		}
		if (!*c[0] || !*c[6] || size == INT_MIN) {
			row_error(&rd, i, "%s", !*c[0] ? "session_id is empty" : !*c[6]
				  ? "facilitator_id is empty" : "size is not a whole number");
			continue;
		}
		struct rowset_session *s = &rs->sessions[rs->n_sessions];
		s->id = xstrdup(c[0]);
		s->section = xstrdup(*c[1] ? c[1] : c[0]);
		s->kind = (enum session_kind)kind;
		s->offering_id = xstrdup(c[3]);
		s->block_id = xstrdup(c[4]);
		s->room_id = xstrdup(c[5]);
		s->facilitator_id = xstrdup(c[6]);
		s->size = size;
		s->offering = s->block = s->room = s->facilitator = -1;
		if (p && !resolve_session(s, p))
			row_error(&rd, i, "session '%s' names an id the scenario does not have", c[0]);
		ix[rs->n_sessions].id = s->id;
		ix[rs->n_sessions].session = rs->n_sessions;
		rs->n_sessions++;
	}
	qsort(ix, (size_t)rs->n_sessions, sizeof(*ix), cmp_index);
	for (int i = 1; i < rs->n_sessions; i++)
		if (!strcmp(ix[i].id, ix[i - 1].id)) {
			diag_error(d, NULL, 0, "%s/sessions.csv: session '%s' appears twice", dir,
				   ix[i].id);
			rd.row_errors++;
			break;
		}
	if (rd.row_errors == 0)
		link_sections(rs, &rd, ix);
	*index = ix;
	rc = rd.row_errors ? -1 : 0;
out:
	csv_table_release(&rd.t);
	return rc;
}

static int read_timetable(struct rowset *rs, const char *dir, const struct problem *p,
			  const struct session_index *ix, struct diag *d)
{
	static const char *const cols[] = { "learner_id", "block_id", "session_id",
					    "offering_id", NULL };
	struct reading rd;
	int rc = -1;
	if (read_file(&rd, dir, "timetable.csv", cols, d))
		goto out;
	rs->slots = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*rs->slots));
	for (int i = 0; i < rd.t.n_rows; i++) {
		const char *c[4];
		row_cells(&rd, i, cols, c);
		if (!*c[0]) {
			row_error(&rd, i, "learner_id is empty");
			continue;
		}
		int session = *c[2] ? find_session(ix, rs->n_sessions, c[2]) : -1;
		if (*c[2] && session < 0) {
			row_error(&rd, i, "session '%s' is not in sessions.csv", c[2]);
			continue;
		}
		struct rowset_slot *sl = &rs->slots[rs->n_slots++];
		sl->learner_id = xstrdup(c[0]);
		sl->block_id = xstrdup(c[1]);
		sl->session = session;
		sl->offering_id = xstrdup(c[3]);
		sl->learner = sl->block = sl->goal = sl->seminar = -1;
		if (!p)
			continue;
		sl->learner = problem_find_learner(p, c[0]);
		sl->block = problem_find_block(p, c[1]);
		if (session >= 0 && rs->sessions[session].kind == SESSION_SEMINAR)
			sl->seminar = problem_find_seminar(p, c[3]);
		else if (*c[3])
			sl->goal = problem_find_goal(p, c[3]);
		if (sl->learner < 0 || sl->block < 0 || (*c[3] && sl->goal < 0 && sl->seminar < 0))
			row_error(&rd, i, "a learner, block or offering the scenario does not have");
	}
	rc = rd.row_errors ? -1 : 0;
out:
	csv_table_release(&rd.t);
	return rc;
}

static int read_unmet(struct rowset *rs, const char *dir, const struct problem *p,
		      struct diag *d)
{
	static const char *const cols[] = { "learner_id", "kind", "offering_id", "priority",
					    "wanted", "scheduled", "reason", NULL };
	struct reading rd;
	int rc = -1;
	if (read_file(&rd, dir, "unmet.csv", cols, d))
		goto out;
	rs->unmet = xcalloc((size_t)rd.t.n_rows + 1, sizeof(*rs->unmet));
	for (int i = 0; i < rd.t.n_rows; i++) {
		const char *c[7];
		row_cells(&rd, i, cols, c);
		bool choice = !strcmp(c[1], "choice");
		if (!choice && strcmp(c[1], "need")) {
			row_error(&rd, i, "kind '%s' is not need or choice", c[1]);
			continue;
		}
		int pr = whole(c[3], 1, choice ? INT_MAX : 5), w = whole(c[4], 1, INT_MAX);
		int s = whole(c[5], 0, INT_MAX);
		if (!*c[0] || !*c[2] || pr == INT_MIN || w == INT_MIN || s == INT_MIN || s >= w) {
			row_error(&rd, i, "a %s row wants learner_id, offering_id, %s, wanted >= 1 "
				  "and scheduled below wanted, not '%s', '%s', '%s', '%s', '%s'",
				  c[1], choice ? "rank >= 1" : "priority 1-5", c[0], c[2], c[3],
				  c[4], c[5]);
			continue;
		}
		struct rowset_unmet *u = &rs->unmet[rs->n_unmet++];
		u->learner_id = xstrdup(c[0]);
		u->choice = choice;
		u->offering_id = xstrdup(c[2]);
		u->priority = pr;
		u->wanted = w;
		u->scheduled = s;
		u->reason = xstrdup(c[6]);
		u->learner = u->offering = -1;
		if (!p)
			continue;
		u->learner = problem_find_learner(p, c[0]);
		u->offering = choice ? problem_find_seminar(p, c[2]) : problem_find_goal(p, c[2]);
		if (u->learner < 0 || u->offering < 0)
			row_error(&rd, i, "a learner or offering the scenario does not have");
	}
	rc = rd.row_errors ? -1 : 0;
out:
	csv_table_release(&rd.t);
	return rc;
}

/* dir exists, is a directory and holds a summary.csv; else -1 with why. */
static int check_dir(const char *dir, struct diag *d)
{
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
	return 0;
}

int rowset_read(struct rowset *rs, const char *dir, const struct problem *p, struct diag *d)
{
	memset(rs, 0, sizeof(*rs));
	if (check_dir(dir, d) || read_summary(rs, dir, d))
		goto out_release;
	if (!rs->schedule)
		return 0;
	/* every file is read, so that all their problems are reported at once;
	 * the timetable's sessions are checked only against a sound sessions.csv */
	struct session_index *ix;
	int rc = read_sessions(rs, dir, p, &ix, d);
	if (rc == 0)
		rc = read_timetable(rs, dir, p, ix, d);
	rc |= read_unmet(rs, dir, p, d);
	free(ix);
	if (rc == 0) {
		for (int i = 0; i < rs->n_sessions; i++)
			rs->id_width = (int)strlen(rs->sessions[i].id) - 1;
		return 0;
	}
out_release:
	rowset_release(rs);
	return -1;
}
