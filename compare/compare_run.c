/*
 * compare_run.c - one output directory read back for compare (see
 * compare_run.h).
 *
 * The directory is read through the project's one reader of its output
 * files, rowset_read (outputs/rowset.h), without a scenario: the row set's
 * ids are what compare works with.  From the rows it keeps what compare
 * needs: the metrics, the learners, the need-sessions per learner and goal,
 * and the sessions per facilitator.
 */
#define _POSIX_C_SOURCE 200809L
#include "compare_run.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "outputs/rowset.h"

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

/* The summary metrics, in summary.csv's order. */
static void take_metrics(struct compare_run *r, const struct rowset *rs)
{
	r->metrics = xcalloc((size_t)rs->n_metrics + 1, sizeof(*r->metrics));
	for (int i = 0; i < rs->n_metrics; i++) {
		r->metrics[i].name = xstrdup(rs->metrics[i].name);
		r->metrics[i].value = xstrdup(rs->metrics[i].value);
	}
	r->n_metrics = rs->n_metrics;
}

/* One load per facilitator: the sessions' facilitators sorted, then merged. */
static void take_loads(struct compare_run *r, const struct rowset *rs)
{
	const char **ids = xcalloc((size_t)rs->n_sessions + 1, sizeof(char *));
	for (int i = 0; i < rs->n_sessions; i++)
		ids[i] = rs->sessions[i].facilitator_id;
	if (rs->n_sessions)
		qsort(ids, (size_t)rs->n_sessions, sizeof(char *), cmp_str);
	r->loads = xcalloc((size_t)rs->n_sessions + 1, sizeof(*r->loads));
	for (int i = 0; i < rs->n_sessions; i++) {
		if (r->n_loads && !strcmp(r->loads[r->n_loads - 1].facilitator, ids[i])) {
			r->loads[r->n_loads - 1].sessions++;
			continue;
		}
		r->loads[r->n_loads].facilitator = xstrdup(ids[i]);
		r->loads[r->n_loads++].sessions = 1;
	}
	free(ids);
}

static int cmp_cell(const void *a, const void *b)
{
	const struct compare_cell *x = a, *y = b;
	int c = strcmp(x->learner, y->learner);
	return c ? c : strcmp(x->block, y->block);
}

/* One cell per timetable row, its session in words. */
static void take_cells(struct compare_run *r, const struct rowset *rs)
{
	r->cells = xcalloc((size_t)rs->n_slots + 1, sizeof(*r->cells));
	for (int i = 0; i < rs->n_slots; i++) {
		const struct rowset_slot *sl = &rs->slots[i];
		struct compare_cell *cl = &r->cells[r->n_cells++];
		cl->learner = xstrdup(sl->learner_id);
		cl->block = xstrdup(sl->block_id);
		if (sl->session < 0) {
			cl->place = xstrdup("");
			continue;
		}
		const struct rowset_session *se = &rs->sessions[sl->session];
		const char *kind = se->kind == SESSION_WORKSHOP ? "workshop" :
				   se->kind == SESSION_SEMINAR ? "seminar" : "lab";
		cl->place = xasprintf("%s%s%s, %s, %s", kind, *se->offering_id ? " " : "",
				      se->offering_id, se->facilitator_id, se->room_id);
	}
	if (r->n_cells)
		qsort(r->cells, (size_t)r->n_cells, sizeof(*r->cells), cmp_cell);
}

const char *compare_run_place(const struct compare_run *r, const char *learner, const char *block)
{
	struct compare_cell key = { .learner = (char *)learner, .block = (char *)block };
	const struct compare_cell *at = r->n_cells ?
		bsearch(&key, r->cells, (size_t)r->n_cells, sizeof(*r->cells), cmp_cell) : NULL;
	return at ? at->place : NULL;
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

/* The learners, and one need entry per timetable row on a goal in a
 * workshop session or a lab and per unmet need row (merged per learner
 * and goal later).  A learner named only in unmet.csv (available in no
 * scheduled block) is one of the run's learners too. */
static void take_needs(struct compare_run *r, const struct rowset *rs)
{
	size_t alloc_needs = 0, alloc_learners = 0;
	for (int i = 0; i < rs->n_slots; i++) {
		const struct rowset_slot *sl = &rs->slots[i];
		if (!r->n_learners || strcmp(r->learners[r->n_learners - 1], sl->learner_id))
			add_learner(r, &alloc_learners, sl->learner_id);
		if (sl->session >= 0 && rs->sessions[sl->session].kind != SESSION_SEMINAR &&
		    *sl->offering_id)
			add_need(r, &alloc_needs, sl->learner_id, sl->offering_id)->rows = 1;
	}
	for (int i = 0; i < rs->n_unmet; i++) {
		const struct rowset_unmet *u = &rs->unmet[i];
		if (u->choice)
			continue;
		struct compare_need *n = add_need(r, &alloc_needs, u->learner_id, u->offering_id);
		n->unmet = true;
		n->priority = u->priority;
		n->wanted = u->wanted;
		n->scheduled = u->scheduled;
		add_learner(r, &alloc_learners, u->learner_id);
	}
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
	struct rowset rs;
	if (rowset_read(&rs, dir, NULL, d))
		return -1;
	int rc = 0;
	if (!rs.schedule) {
		diag_error(d, NULL, 0, "%s/summary.csv:%ld: status is '%s': this run has no "
			   "schedule to compare (see its diagnosis.txt); leave it out", dir,
			   rs.status_line, rowset_metric(&rs, "status"));
		rc = -1;
	}
	take_metrics(r, &rs);
	take_loads(r, &rs);
	take_needs(r, &rs);
	take_cells(r, &rs);
	merge(r);
	rowset_release(&rs);
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
	for (int i = 0; i < r->n_cells; i++) {
		free(r->cells[i].learner);
		free(r->cells[i].block);
		free(r->cells[i].place);
	}
	free(r->cells);
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
