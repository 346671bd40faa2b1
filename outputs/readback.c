/*
 * readback.c - the written schedule files read back, ids resolved
 * (readback.h).
 *
 * Cells go through csv_out_untext, undoing the writer's spreadsheet guard,
 * and are resolved with the problem's id lookups.  Session ids are written
 * zero-padded in row order, so they are already sorted and a binary search
 * over the rows finds a timetable row's session.
 */
#define _POSIX_C_SOURCE 200809L
#include "readback.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "inputs/csv_table.h"
#include "outputs/csv_out.h"

/* Column indexes of one file, looked up once by name. */
static bool find_cols(const struct csv_table *t, const char *const *names, int *col,
		      struct diag *d)
{
	bool ok = true;
	for (int i = 0; names[i]; i++) {
		col[i] = csv_table_col(t, names[i]);
		if (col[i] < 0) {
			diag_error(d, t->name, 1, "internal error: no column '%s'", names[i]);
			ok = false;
		}
	}
	return ok;
}

static const char *cell(const struct csv_table *t, int r, int c)
{
	return csv_out_untext(t->rows[r][c]);
}

static int kind_of(const char *name)
{
	static const char *const kinds[] = { "workshop", "seminar", "lab" };
	for (int k = 0; k < 3; k++)
		if (!strcmp(name, kinds[k]))
			return k;
	return -1;
}

static int find_session(const struct readback *rb, const char *id)
{
	int lo = 0, hi = rb->n_sessions - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2, c = strcmp(id, rb->sessions[mid].id);
		if (!c)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

static void unresolved(struct diag *d, const struct csv_table *t, int r, const char *what,
		       const char *v)
{
	diag_error(d, t->name, t->line[r], "internal error: %s '%s' does not resolve", what, v);
}

static int read_sessions(struct readback *rb, const struct problem *p, const struct csv_table *t,
			 struct diag *d)
{
	static const char *const names[] = { "session_id", "section_id", "kind", "offering_id",
					     "block_id", "room_id", "facilitator_id", "size", NULL };
	int c[8];
	if (!find_cols(t, names, c, d))
		return -1;
	rb->sessions = xcalloc((size_t)t->n_rows + 1, sizeof(*rb->sessions));
	for (int r = 0; r < t->n_rows; r++) {
		struct rb_session *s = &rb->sessions[rb->n_sessions++];
		s->id = xstrdup(cell(t, r, c[0]));
		s->section = xstrdup(cell(t, r, c[1]));
		int kind = kind_of(cell(t, r, c[2]));
		const char *off = cell(t, r, c[3]);
		s->kind = kind < 0 ? SESSION_LAB : (enum session_kind)kind;
		s->offering = kind == SESSION_WORKSHOP  ? problem_find_goal(p, off)
			      : kind == SESSION_SEMINAR ? problem_find_seminar(p, off)
							: -1;
		s->block = problem_find_block(p, cell(t, r, c[4]));
		s->room = problem_find_room(p, cell(t, r, c[5]));
		s->facilitator = problem_find_facilitator(p, cell(t, r, c[6]));
		s->size = atoi(cell(t, r, c[7]));
		if (kind < 0 || (kind != SESSION_LAB && s->offering < 0) || s->block < 0 ||
		    s->room < 0 || s->facilitator < 0) {
			unresolved(d, t, r, "session", s->id);
			return -1;
		}
	}
	/* link each section's sessions, walking back so each lands in front */
	int *head = xmalloc(sizeof(int) * ((size_t)rb->n_sessions + 1));
	for (int i = 0; i < rb->n_sessions; i++)
		head[i] = -1;
	for (int i = rb->n_sessions - 1; i >= 0; i--) {
		struct rb_session *s = &rb->sessions[i];
		s->section_first = find_session(rb, s->section);
		if (s->section_first < 0 || s->section_first > i) {
			unresolved(d, t, i, "section", s->section);
			free(head);
			return -1;
		}
		s->section_next = head[s->section_first];
		head[s->section_first] = i;
	}
	free(head);
	return 0;
}

static int read_timetable(struct readback *rb, const struct problem *p,
			  const struct csv_table *t, struct diag *d)
{
	static const char *const names[] = { "learner_id", "block_id", "session_id",
					     "offering_id", NULL };
	int c[4];
	if (!find_cols(t, names, c, d))
		return -1;
	rb->slots = xcalloc((size_t)t->n_rows + 1, sizeof(*rb->slots));
	for (int r = 0; r < t->n_rows; r++) {
		struct rb_slot *sl = &rb->slots[rb->n_slots++];
		sl->learner = problem_find_learner(p, cell(t, r, c[0]));
		sl->block = problem_find_block(p, cell(t, r, c[1]));
		const char *sid = cell(t, r, c[2]);
		sl->session = *sid ? find_session(rb, sid) : -1;
		const char *what = cell(t, r, c[3]);
		sl->goal = sl->seminar = -1;
		if (sl->session >= 0 && rb->sessions[sl->session].kind == SESSION_SEMINAR)
			sl->seminar = problem_find_seminar(p, what);
		else if (*what)
			sl->goal = problem_find_goal(p, what);
		if (sl->learner < 0 || sl->block < 0 || (*sid && sl->session < 0) ||
		    (*what && sl->goal < 0 && sl->seminar < 0)) {
			unresolved(d, t, r, "timetable row of learner", cell(t, r, c[0]));
			return -1;
		}
	}
	return 0;
}

static int read_unmet(struct readback *rb, const struct problem *p, const struct csv_table *t,
		      struct diag *d)
{
	static const char *const names[] = { "learner_id", "kind", "offering_id", "priority",
					     "wanted", "scheduled", "reason", NULL };
	int c[7];
	if (!find_cols(t, names, c, d))
		return -1;
	rb->unmet = xcalloc((size_t)t->n_rows + 1, sizeof(*rb->unmet));
	for (int r = 0; r < t->n_rows; r++) {
		struct rb_unmet *u = &rb->unmet[rb->n_unmet++];
		u->learner = problem_find_learner(p, cell(t, r, c[0]));
		u->choice = !strcmp(cell(t, r, c[1]), "choice");
		const char *off = cell(t, r, c[2]);
		u->offering = u->choice ? problem_find_seminar(p, off) : problem_find_goal(p, off);
		u->priority = atoi(cell(t, r, c[3]));
		u->wanted = atoi(cell(t, r, c[4]));
		u->scheduled = atoi(cell(t, r, c[5]));
		u->reason = xstrdup(cell(t, r, c[6]));
		if (u->learner < 0 || u->offering < 0) {
			unresolved(d, t, r, "unmet row of learner", cell(t, r, c[0]));
			return -1;
		}
	}
	return 0;
}

static int read_summary(struct readback *rb, const struct csv_table *t, struct diag *d)
{
	static const char *const names[] = { "metric", "value", NULL };
	int c[2];
	if (!find_cols(t, names, c, d))
		return -1;
	rb->metrics = xcalloc((size_t)t->n_rows + 1, sizeof(*rb->metrics));
	for (int r = 0; r < t->n_rows; r++) {
		struct rb_metric *m = &rb->metrics[rb->n_metrics++];
		m->name = xstrdup(cell(t, r, c[0]));
		m->value = xstrdup(cell(t, r, c[1]));
	}
	return 0;
}

int readback_read(struct readback *rb, const struct problem *p, const char *dir,
		  struct diag *d)
{
	memset(rb, 0, sizeof(*rb));
	static const char *const files[] = { "sessions.csv", "timetable.csv", "unmet.csv",
					     "summary.csv" };
	struct csv_table t[4];
	int n_read = 0, rc = -1;
	for (; n_read < 4; n_read++)
		if (csv_table_read(&t[n_read], dir, files[n_read], true, d) != 1) {
			n_read++;
			goto out;
		}
	if (read_sessions(rb, p, &t[0], d) == 0 && read_timetable(rb, p, &t[1], d) == 0 &&
	    read_unmet(rb, p, &t[2], d) == 0 && read_summary(rb, &t[3], d) == 0)
		rc = 0;
out:
	for (int i = 0; i < n_read; i++)
		csv_table_release(&t[i]);
	if (rc)
		readback_release(rb);
	return rc;
}

void readback_release(struct readback *rb)
{
	for (int i = 0; i < rb->n_sessions; i++) {
		free(rb->sessions[i].id);
		free(rb->sessions[i].section);
	}
	for (int i = 0; i < rb->n_unmet; i++)
		free(rb->unmet[i].reason);
	for (int i = 0; i < rb->n_metrics; i++) {
		free(rb->metrics[i].name);
		free(rb->metrics[i].value);
	}
	free(rb->sessions);
	free(rb->slots);
	free(rb->unmet);
	free(rb->metrics);
	memset(rb, 0, sizeof(*rb));
}

const char *readback_metric(const struct readback *rb, const char *name)
{
	for (int i = 0; i < rb->n_metrics; i++)
		if (!strcmp(rb->metrics[i].name, name))
			return rb->metrics[i].value;
	return "";
}

const char *readback_label(const char *name, const char *id)
{
	return name && *name ? name : id;
}

const char *readback_session_title(const struct problem *p, const struct rb_session *s)
{
	if (s->kind == SESSION_WORKSHOP)
		return readback_label(p->goals[s->offering].title, p->goals[s->offering].id);
	if (s->kind == SESSION_SEMINAR)
		return readback_label(p->seminars[s->offering].title, p->seminars[s->offering].id);
	return "Lab";
}

time_t readback_export_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v > 0)
			return (time_t)v;
	}
	return time(NULL);
}
