/*
 * verify_locks.c - hard rule 8 (every lock holds), for verify.
 *
 * A second reading of locks.csv, independent of inputs/locks.c and of the
 * models: each row is compared with the written rows of sessions.csv and
 * timetable.csv by id, so that a model that drops a pin, or a locks reader
 * that merges rows wrongly, shows up here.  A learner's session in a block
 * is found through a learner x block table of timetable rows; a session by
 * its id through a sorted index of sessions.csv.
 */
#define _POSIX_C_SOURCE 200809L
#include "verify_locks.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

struct lock_row {
	const char *block, *learner, *facilitator, *offering, *room;
};

static const struct csv_table *sort_table;
static int sort_col;

static int cmp_session(const void *a, const void *b)
{
	return strcmp(sort_table->rows[*(const int *)a][sort_col],
		      sort_table->rows[*(const int *)b][sort_col]);
}

/* Whether session row r of s has what lock row lk names. */
static bool session_matches(const struct csv_table *s, int r, const struct lock_row *lk)
{
	char **row = s->rows[r];
	const char *kind = row[csv_table_col(s, "kind")];
	const char *off = row[csv_table_col(s, "offering_id")];
	if (strcmp(row[csv_table_col(s, "block_id")], lk->block))
		return false;
	if (!strcmp(lk->offering, "lab") ? strcmp(kind, "lab") != 0 :
	    *lk->offering && (!strcmp(kind, "lab") || strcmp(off, lk->offering)))
		return false;
	if (*lk->facilitator && strcmp(row[csv_table_col(s, "facilitator_id")], lk->facilitator))
		return false;
	return !*lk->room || !strcmp(row[csv_table_col(s, "room_id")], lk->room);
}

/* What a lock row names, for the message. */
static char *describe(const struct lock_row *lk)
{
	return xasprintf("%s%s%s%s%s%s", *lk->offering ? " offering '" : "", lk->offering,
			 *lk->offering ? "'" : "", *lk->facilitator ? " facilitator '" : "",
			 lk->facilitator, *lk->facilitator ? "'" : "");
}

int verify_locks(const struct problem *p, const struct csv_table *sessions,
		 const struct csv_table *timetable, FILE *out)
{
	struct diag quiet = DIAG_INIT;
	struct csv_table t;
	memset(&t, 0, sizeof(t));
	int broken = 0;
	if (csv_table_read(&t, p->dir, "locks.csv", false, &quiet) <= 0 ||
	    csv_table_col(&t, "block_id") < 0)
		goto out;
	int c_sid = csv_table_col(sessions, "session_id");
	int *order = xmalloc(sizeof(int) * ((size_t)sessions->n_rows + 1));
	for (int r = 0; r < sessions->n_rows; r++)
		order[r] = r;
	sort_table = sessions;
	sort_col = c_sid;
	qsort(order, (size_t)sessions->n_rows, sizeof(int), cmp_session);
	int *tt = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)p->n_blocks + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_blocks; i++)
		tt[i] = -1;
	int c_tl = csv_table_col(timetable, "learner_id"), c_tb = csv_table_col(timetable, "block_id"),
	    c_ts = csv_table_col(timetable, "session_id");
	for (int r = 0; r < timetable->n_rows; r++) {
		int l = problem_find_learner(p, timetable->rows[r][c_tl]);
		int b = problem_find_block(p, timetable->rows[r][c_tb]);
		if (l >= 0 && b >= 0)
			tt[(long)l * p->n_blocks + b] = r;
	}
	static const char *const cols[] = { "block_id", "learner_id", "facilitator_id",
					    "offering_id", "room_id" };
	int c[5];
	for (int i = 0; i < 5; i++)
		c[i] = csv_table_col(&t, cols[i]);
	for (int r = 0; r < t.n_rows; r++) {
		const char *v[5];
		for (int i = 0; i < 5; i++)
			v[i] = c[i] >= 0 ? t.rows[r][c[i]] : "";
		struct lock_row lk = { v[0], v[1], v[2], v[3], v[4] };
		int b = problem_find_block(p, lk.block);
		int l = *lk.learner ? problem_find_learner(p, lk.learner) : -1;
		if (b < 0 || (*lk.learner && l < 0))
			continue;
		char *what = describe(&lk);
		if (l >= 0) {
			int row = tt[(long)l * p->n_blocks + b];
			int si = -1;
			if (row >= 0) {
				const char *sid = timetable->rows[row][c_ts];
				int lo = 0, hi = sessions->n_rows - 1;
				while (lo <= hi && si < 0) {
					int mid = (lo + hi) / 2;
					int cmp = strcmp(sessions->rows[order[mid]][c_sid], sid);
					if (cmp == 0)
						si = order[mid];
					else if (cmp < 0)
						lo = mid + 1;
					else
						hi = mid - 1;
				}
			}
			if (si < 0 || !session_matches(sessions, si, &lk)) {
				fprintf(out, "locks.csv:%ld: learner '%s' is not in a session of%s%s%s%s "
					"in block '%s' (they are in %s) (rule 8)\n", t.line[r],
					lk.learner, what, *lk.room ? " room '" : "", lk.room,
					*lk.room ? "'" : "", lk.block,
					si >= 0 ? sessions->rows[si][c_sid] : "no session");
				broken++;
			}
		} else {
			bool found = false;
			for (int s = 0; s < sessions->n_rows && !found; s++)
				found = session_matches(sessions, s, &lk);
			if (!found) {
				fprintf(out, "locks.csv:%ld: block '%s' has no session of%s%s%s%s "
					"(rule 8)\n", t.line[r], lk.block, what,
					*lk.room ? " room '" : "", lk.room, *lk.room ? "'" : "");
				broken++;
			}
		}
		free(what);
	}
	free(tt);
	free(order);
out:
	csv_table_release(&t);
	diag_release(&quiet);
	return broken;
}
