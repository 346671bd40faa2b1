/*
 * previous.c - reads the previous schedule of a `replan`.
 *
 * Only the two files that say who is where are read: sessions.csv (what
 * runs where, with whom) and timetable.csv (who attends what), by header
 * name, every id resolved against the changed school.  The frozen part
 * (the blocks that already happened, and the later meetings of seminar
 * sections and power-goal groups that began there, since a section keeps
 * its learners and facilitator) becomes pins, one a timetable row, so that
 * the checks of locks.csv (inputs/locks.c) say, at the previous file's
 * line, where the changed school no longer allows what happened, and the
 * models honour it the way they honour locks.  A later meeting of such a
 * section whose facilitator or room is now unavailable (a sick day) is no
 * error: its pins leave them out and replan.c finds a cover.  The rest is
 * kept only as the reference of the keep term and of changes.csv.
 */
#define _POSIX_C_SOURCE 200809L
#include "previous.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/locks.h"

static const struct prev_session *sort_sessions;

static int cmp_id(const void *a, const void *b)
{
	return strcmp(sort_sessions[*(const int *)a].id, sort_sessions[*(const int *)b].id);
}

/* Index of the session with this id, through the sorted order; -1. */
static int find(const struct previous *pv, const int *order, const char *id)
{
	int lo = 0, hi = pv->n_sessions - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(pv->sessions[order[mid]].id, id);
		if (!c)
			return order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Resolves one sessions.csv row; errors only where it must be kept. */
static void read_session(const struct problem *p, struct previous *pv, const struct csv_table *t,
			 int r, struct diag *d)
{
	const char *F = pv->sessions_file;
	char **row = t->rows[r];
	const char *kind = row[csv_table_col(t, "kind")];
	const char *off = row[csv_table_col(t, "offering_id")];
	const char *blk = row[csv_table_col(t, "block_id")];
	const char *fac = row[csv_table_col(t, "facilitator_id")];
	const char *room = row[csv_table_col(t, "room_id")];
	struct prev_session *ps = &pv->sessions[r];
	ps->id = xstrdup(row[csv_table_col(t, "session_id")]);
	ps->line = t->line[r];
	ps->kind = LOCK_ANY;
	ps->offering = -1;
	ps->block = problem_find_block(p, blk);
	ps->facilitator = problem_find_facilitator(p, fac);
	ps->room = problem_find_room(p, room);
	if (ps->block < 0) {
		diag_error(d, F, ps->line, "block '%s' is not in blocks.csv: replan keeps the "
			   "blocks of the previous schedule; restore it", blk);
		return;
	}
	enum lock_offering k = !strcmp(kind, "workshop") ? LOCK_GOAL :
			       !strcmp(kind, "seminar") ? LOCK_SEMINAR :
			       !strcmp(kind, "lab") ? LOCK_LAB : LOCK_ANY;
	int o = k == LOCK_GOAL ? problem_find_goal(p, off) :
		k == LOCK_SEMINAR ? problem_find_seminar(p, off) : -1;
	const char *missing = k == LOCK_ANY ? "kind" : k != LOCK_LAB && o < 0 ? "offering" :
			      ps->facilitator < 0 ? "facilitator" : ps->room < 0 ? "room" : NULL;
	if (missing) {
		if (ps->block <= pv->after)
			diag_error(d, F, ps->line, "%s '%s' of session '%s' in frozen block '%s' "
				   "is not in the school any more: the blocks up to --after are "
				   "kept as they were; restore it or choose an earlier --after",
				   missing, !strcmp(missing, "kind") ? kind :
				   !strcmp(missing, "offering") ? off :
				   !strcmp(missing, "facilitator") ? fac : room, ps->id, blk);
		return;
	}
	ps->kind = k;
	ps->offering = o;
}

/* Reads sessions.csv into pv; returns the sorted order of the ids. */
static int *read_sessions(const struct problem *p, struct previous *pv,
			  const struct csv_table *t, struct diag *d)
{
	pv->n_sessions = t->n_rows;
	pv->sessions = xcalloc((size_t)t->n_rows + 1, sizeof(*pv->sessions));
	for (int r = 0; r < t->n_rows; r++)
		read_session(p, pv, t, r, d);
	int *order = xmalloc(sizeof(int) * ((size_t)t->n_rows + 1));
	for (int i = 0; i < t->n_rows; i++)
		order[i] = i;
	sort_sessions = pv->sessions;
	qsort(order, (size_t)t->n_rows, sizeof(int), cmp_id);
	for (int i = 1; i < t->n_rows; i++)
		if (!strcmp(pv->sessions[order[i]].id, pv->sessions[order[i - 1]].id))
			diag_error(d, pv->sessions_file, pv->sessions[order[i]].line,
				   "session_id '%s' is used twice: is this a schedule mclsched "
				   "wrote?", pv->sessions[order[i]].id);
	/* sections, and the freezing of every meeting of a section that met
	 * in a frozen block */
	int c_sec = csv_table_col(t, "section_id");
	for (int r = 0; r < t->n_rows; r++) {
		int s = c_sec >= 0 ? find(pv, order, t->rows[r][c_sec]) : r;
		pv->sessions[r].section = s >= 0 ? s : r;
	}
	for (int r = 0; r < t->n_rows; r++) {
		struct prev_session *ps = &pv->sessions[r];
		if (ps->block >= 0 && ps->block <= pv->after)
			pv->sessions[ps->section].frozen = true;
	}
	for (int r = 0; r < t->n_rows; r++)
		if (pv->sessions[pv->sessions[r].section].frozen)
			pv->sessions[r].frozen = true;
	return order;
}

/* What a timetable row's offering_id names: goal g, n_goals + seminar s,
 * -1 when empty or unknown. */
static int works_on(const struct problem *p, const char *id)
{
	if (!*id)
		return -1;
	int g = problem_find_goal(p, id);
	if (g >= 0)
		return g;
	int s = problem_find_seminar(p, id);
	return s >= 0 ? p->n_goals + s : -1;
}

/* The learners who left, one warning naming the first five. */
static void warn_left(const struct previous *pv, char **left, int n_left, struct diag *d)
{
	if (!n_left)
		return;
	char *names = xstrdup("");
	for (int i = 0; i < n_left && i < 5; i++) {
		char *nn = xasprintf("%s%s'%s'", names, i ? ", " : "", left[i]);
		free(names);
		names = nn;
	}
	diag_warning(d, pv->timetable_file, 0, "%d learner%s not in learners.csv any more "
		     "(%s%s): dropped from the previous schedule", n_left,
		     n_left == 1 ? " is" : "s are", names, n_left > 5 ? ", ..." : "");
	free(names);
}

/* Reads timetable.csv into pv->attend and appends a pin for each frozen
 * place. */
static void read_timetable(struct problem *p, struct previous *pv, const int *order,
			   const struct csv_table *t, struct diag *d)
{
	int c_l = csv_table_col(t, "learner_id"), c_b = csv_table_col(t, "block_id"),
	    c_s = csv_table_col(t, "session_id"), c_o = csv_table_col(t, "offering_id");
	long cells = (long)p->n_learners * p->n_blocks;
	pv->attend = xmalloc(sizeof(int) * ((size_t)cells + 1));
	pv->works_on = xmalloc(sizeof(int) * ((size_t)cells + 1));
	for (long i = 0; i < cells; i++)
		pv->attend[i] = pv->works_on[i] = -1;
	char **left = xcalloc((size_t)t->n_rows + 1, sizeof(char *));
	int n_left = 0;
	p->locks = xrealloc(p->locks, sizeof(*p->locks) * ((size_t)p->n_locks + (size_t)t->n_rows + 1));
	for (int r = 0; r < t->n_rows; r++) {
		char **row = t->rows[r];
		int l = problem_find_learner(p, row[c_l]);
		int b = problem_find_block(p, row[c_b]);
		int si = *row[c_s] ? find(pv, order, row[c_s]) : -1;
		if (l < 0) {
			if (!n_left || strcmp(left[n_left - 1], row[c_l]))
				left[n_left++] = row[c_l];
			continue;
		}
		if (b < 0 || (*row[c_s] && si < 0) || (si >= 0 && pv->sessions[si].block != b)) {
			diag_error(d, pv->timetable_file, t->line[r], "%s '%s' %s: is this the "
				   "timetable mclsched wrote with that sessions.csv?",
				   b < 0 ? "block" : "session", b < 0 ? row[c_b] : row[c_s],
				   b < 0 ? "is not in blocks.csv" : si < 0 ? "is not in sessions.csv" :
				   "is in another block");
			continue;
		}
		pv->attend[(long)l * p->n_blocks + b] = si;
		pv->works_on[(long)l * p->n_blocks + b] = c_o >= 0 ? works_on(p, row[c_o]) : -1;
		const struct prev_session *ps = si >= 0 ? &pv->sessions[si] : NULL;
		if (!ps || !ps->frozen || ps->kind == LOCK_ANY)
			continue;
		/* a later meeting of a frozen section whose facilitator or room
		 * is now unavailable keeps its learners; replan.c finds a cover */
		bool later = b > pv->after;
		p->locks[p->n_locks++] = (struct lock){ .block = b, .learner = l,
			.facilitator = later && p->facilitators[ps->facilitator].unavailable[b] ?
				       -1 : ps->facilitator,
			.kind = ps->kind, .offering = ps->offering,
			.room = later && p->rooms[ps->room].unavailable[b] ? -1 : ps->room,
			.file = pv->timetable_file, .line = t->line[r] };
	}
	warn_left(pv, left, n_left, d);
	free(left);
}

int previous_load(struct problem *p, const char *prev_dir, int after, struct diag *d)
{
	static const char *const sess_cols[] = { "session_id", "section_id", "kind", "offering_id",
						 "block_id", "room_id", "facilitator_id", NULL };
	static const char *const tt_cols[] = { "learner_id", "block_id", "session_id", NULL };
	struct previous *pv = p->previous = xcalloc(1, sizeof(*pv));
	pv->after = after;
	pv->sessions_file = xasprintf("%s/sessions.csv", prev_dir);
	pv->timetable_file = xasprintf("%s/timetable.csv", prev_dir);
	struct csv_table ts, tt;
	memset(&ts, 0, sizeof(ts));
	memset(&tt, 0, sizeof(tt));
	int before = d->n_errors;
	if (csv_table_read(&ts, prev_dir, "sessions.csv", true, d) > 0)
		csv_table_require(&ts, sess_cols, d);
	if (csv_table_read(&tt, prev_dir, "timetable.csv", true, d) > 0)
		csv_table_require(&tt, tt_cols, d);
	if (d->n_errors > before)
		goto out;
	/* messages name the files as PREV_OUT_DIR/NAME */
	free(ts.name);
	ts.name = xstrdup(pv->sessions_file);
	int *order = read_sessions(p, pv, &ts, d);
	read_timetable(p, pv, order, &tt, d);
	free(order);
	if (d->n_errors == before)
		locks_rebuild(p, d);
	if (d->n_errors > before)
		diag_error(d, NULL, 0, "the blocks up to --after '%s' are kept as %s has them: "
			   "make the change from a later block, or choose an earlier --after",
			   after >= 0 ? p->blocks[after].id : "", prev_dir);
out:
	csv_table_release(&ts);
	csv_table_release(&tt);
	return d->n_errors > before ? -1 : 0;
}
