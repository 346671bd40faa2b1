/*
 * rowset.c - collects the schedule's rows once (rowset.h).
 *
 * Sessions are numbered S0001... in a canonical order (block, kind,
 * offering, room, facilitator), so the same schedule always gives the same
 * rows.  Sizes are recounted from the attend table rather than trusted,
 * what a learner works on in a lab is the online goal the objective
 * credits it to (objective_lab_credit_in), and each unmet row is explained with the first reason that
 * applies.  The summary metrics are formatted here, once, as every output
 * shows them.
 */
#define _POSIX_C_SOURCE 200809L
#include "rowset.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/model.h"
#include "outputs/changes.h"
#include "outputs/digest.h"

/* ---- canonical session order ------------------------------------------------ */

static const struct problem *sort_problem;
static const struct solution *sort_solution;

static const char *offering_id(const struct problem *p, const struct session *s)
{
	if (s->offering < 0)
		return "";
	return s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id : p->goals[s->offering].id;
}

static int cmp_sessions(const void *a, const void *b)
{
	const struct problem *p = sort_problem;
	const struct session *x = &sort_solution->sessions[*(const int *)a];
	const struct session *y = &sort_solution->sessions[*(const int *)b];
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	int c = strcmp(offering_id(p, x), offering_id(p, y));
	if (c)
		return c;
	c = strcmp(p->rooms[x->room].id, p->rooms[y->room].id);
	if (c)
		return c;
	return strcmp(p->facilitators[x->facilitator].id, p->facilitators[y->facilitator].id);
}

static char *session_name(int width, int n)
{
	unsigned w = (unsigned)width & 15u;   /* 4..10 digits in practice */
	return xasprintf("S%0*d", (int)w, n + 1);
}

/* Session sizes recounted from the attend table; a session whose recorded
 * size disagrees is a model bug, reported as an internal error. */
static int *recount(const struct problem *p, const struct solution *s, struct diag *d)
{
	int *size = xcalloc(s->n_sessions + 1, sizeof(int));
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (si >= 0)
				size[si]++;
		}
	for (size_t i = 0; i < s->n_sessions; i++)
		if (size[i] != s->sessions[i].size) {
			diag_error(d, NULL, 0, "internal error: session %zu in block '%s' records "
				   "%d learners but %d attend it", i,
				   p->blocks[s->sessions[i].block].id, s->sessions[i].size, size[i]);
			free(size);
			return NULL;
		}
	return size;
}

/* The sessions in canonical order; rank[i] is solution session i's row. */
static void collect_sessions(struct rowset *rs, const struct problem *p,
			     const struct solution *s, const int *size, int *rank)
{
	int n = (int)s->n_sessions;
	int *order = xmalloc(sizeof(int) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		order[i] = i;
	sort_problem = p;
	sort_solution = s;
	qsort(order, (size_t)n, sizeof(int), cmp_sessions);
	for (int i = 0; i < n; i++)
		rank[order[i]] = i;
	rs->id_width = 4;
	for (int k = 10000; k <= n; k *= 10)
		rs->id_width++;
	rs->sessions = xcalloc((size_t)n + 1, sizeof(*rs->sessions));
	rs->n_sessions = n;
	/* a section's first session in canonical order names the section */
	int *first = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (int i = 0; i < n; i++)
		first[i] = -1;
	for (int i = n - 1; i >= 0; i--) {
		const struct session *ss = &s->sessions[order[i]];
		struct rowset_session *r = &rs->sessions[i];
		assert(ss->section >= 0 && ss->section < n);
		r->section_next = first[ss->section];
		first[ss->section] = i;
		r->id = session_name(rs->id_width, i);
		r->kind = ss->kind;
		r->offering = ss->kind == SESSION_LAB ? -1 : ss->offering;
		r->offering_id = xstrdup(offering_id(p, ss));
		r->block = ss->block;
		r->block_id = xstrdup(p->blocks[ss->block].id);
		r->room = ss->room;
		r->room_id = xstrdup(p->rooms[ss->room].id);
		r->facilitator = ss->facilitator;
		r->facilitator_id = xstrdup(p->facilitators[ss->facilitator].id);
		r->size = size[order[i]];
	}
	for (int i = 0; i < n; i++) {
		struct rowset_session *r = &rs->sessions[i];
		r->section_first = first[s->sessions[order[i]].section];
		r->section = session_name(rs->id_width, r->section_first);
	}
	free(first);
	free(order);
}

/* One row per learner and scheduled block where the learner is available;
 * a model that left such a learner without a session gets no session (an
 * empty session_id, which verify reports).  In a lab the learner works on
 * the online goal their k-th lab (block order) is credited to. */
static void collect_slots(struct rowset *rs, const struct problem *p, const struct solution *s,
			  const int *rank)
{
	size_t alloc = 0;
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0;
		for (int b = 0; b < p->n_blocks; b++) {
			if (!problem_block_scheduled(p, b) || p->learners[l].unavailable[b])
				continue;
			/* a replan's block that happened without the learner (one
			 * who joined since): no row */
			if (p->previous && b <= p->previous->after && solution_attend_at(s, l, b) < 0)
				continue;
			xgrow((void **)&rs->slots, &alloc, (size_t)rs->n_slots + 1, sizeof(*rs->slots));
			struct rowset_slot *sl = &rs->slots[rs->n_slots++];
			sl->learner = l;
			sl->block = b;
			sl->learner_id = xstrdup(p->learners[l].id);
			sl->block_id = xstrdup(p->blocks[b].id);
			sl->goal = sl->seminar = sl->session = -1;
			int si = solution_attend_at(s, l, b);
			if (si >= 0) {
				const struct session *ss = &s->sessions[si];
				sl->session = rank[si];
				if (ss->kind == SESSION_SEMINAR) {
					sl->seminar = ss->offering;
				} else if (ss->kind == SESSION_WORKSHOP) {
					sl->goal = ss->offering;
				} else {
					int q = objective_lab_credit_in(p, s, l, labs++);
					sl->goal = q >= 0 ? p->needs[q].goal : -1;
				}
			}
			sl->offering_id = xstrdup(sl->seminar >= 0 ? p->seminars[sl->seminar].id
						  : sl->goal >= 0  ? p->goals[sl->goal].id
								   : "");
		}
	}
}

/* ---- why a need or choice stays unmet ------------------------------------------- */

/*
 * Marks, for learner l, the blocks whose session counts toward one of the
 * learner's ready needs: a workshop session of goal g among the first
 * need.sessions of them (time order), a lab among the first ones credited.
 */
static void mark_counted(const struct problem *p, const struct solution *s,
			 const struct metrics *m, int l, bool *taken)
{
	int credited = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].ready && p->goals[p->needs[q].goal].mode == GOAL_ONLINE)
			credited += m->counted[q];
	int *used = xcalloc((size_t)(p->need_start[l + 1] - p->need_start[l]) + 1, sizeof(int));
	for (int b = 0; b < p->n_blocks; b++) {
		taken[b] = false;
		int si = solution_attend_at(s, l, b);
		if (si < 0)
			continue;
		const struct session *ss = &s->sessions[si];
		if (ss->kind == SESSION_LAB) {
			if (credited > 0) {
				taken[b] = true;
				credited--;
			}
			continue;
		}
		if (ss->kind != SESSION_WORKSHOP)
			continue;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (nd->goal != ss->offering || !nd->ready ||
			    p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			if (used[q - p->need_start[l]] < m->counted[q]) {
				used[q - p->need_start[l]]++;
				taken[b] = true;
			}
			break;
		}
	}
	free(used);
}

/* Why need q got fewer sessions than wanted: the first reason that applies.
 * taken is scratch space of p->n_blocks bools. */
static const char *need_reason(const struct problem *p, const struct solution *s,
			       const struct metrics *m, int q, bool *taken)
{
	const struct need *nd = &p->needs[q];
	const struct goal *g = &p->goals[nd->goal];
	int l = nd->learner;
	if (!nd->ready)
		return "prerequisite";
	bool online = g->mode == GOAL_ONLINE;
	if (!online) {
		bool staffed = false;
		for (int f = 0; f < p->n_facilitators && !staffed; f++) {
			if (problem_goal_level(p, f, nd->goal) < LEVEL_ABLE)
				continue;
			for (int b = 0; b < p->n_blocks && !staffed; b++)
				staffed = problem_block_scheduled(p, b) &&
					  p->blocks[b].kind == BLOCK_WORKSHOP &&
					  !p->learners[l].unavailable[b] &&
					  !p->facilitators[f].unavailable[b] &&
					  problem_block_allows(p, b, nd->goal);
		}
		if (!staffed)
			return "no_facilitator";
		bool room = false;
		for (int r = 0; r < p->n_rooms && !room; r++)
			room = p->rooms[r].capacity >= g->min_group &&
			       problem_room_has(&p->rooms[r], g->feature);
		if (!room)
			return "no_room";
	}
	/* conflict: every block where the need could meet is already taken by
	 * one of the learner's counted need sessions */
	mark_counted(p, s, m, l, taken);
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b) || p->learners[l].unavailable[b])
			continue;
		if (!online && p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		if (!taken[b])
			return "capacity";
	}
	return "conflict";
}

static bool enrolled_in(const struct problem *p, const struct solution *s, int l, int sem)
{
	for (int b = 0; b < p->n_blocks; b++) {
		int si = solution_attend_at(s, l, b);
		if (si >= 0 && s->sessions[si].kind == SESSION_SEMINAR &&
		    s->sessions[si].offering == sem)
			return true;
	}
	return false;
}

static void add_unmet(struct rowset *rs, size_t *alloc, const struct problem *p, int l,
		      bool choice, int offering, int priority, int wanted, int scheduled,
		      const char *reason)
{
	xgrow((void **)&rs->unmet, alloc, (size_t)rs->n_unmet + 1, sizeof(*rs->unmet));
	struct rowset_unmet *u = &rs->unmet[rs->n_unmet++];
	u->learner = l;
	u->learner_id = xstrdup(p->learners[l].id);
	u->choice = choice;
	u->offering = offering;
	u->offering_id = xstrdup(choice ? p->seminars[offering].id : p->goals[offering].id);
	u->priority = priority;
	u->wanted = wanted;
	u->scheduled = scheduled;
	u->reason = xstrdup(reason);
}

static void collect_unmet(struct rowset *rs, const struct problem *p, const struct solution *s,
			  const struct metrics *m)
{
	bool seminars = model_row(p)->schedules_seminars;
	bool *taken = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	bool *held = xcalloc((size_t)p->n_seminars + 1, sizeof(bool));
	size_t alloc = 0;
	rs->unmet_start = xmalloc(sizeof(int) * ((size_t)p->n_learners + 1));
	for (int l = 0; l < p->n_learners; l++) {
		rs->unmet_start[l] = rs->n_unmet;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (m->counted[q] >= nd->sessions)
				continue;
			add_unmet(rs, &alloc, p, l, false, nd->goal, nd->priority, nd->sessions,
				  m->counted[q], need_reason(p, s, m, q, taken));
		}
		if (!seminars)
			continue;
		int enrollments = 0;
		for (int k = 0; k < p->n_seminars; k++) {
			held[k] = enrolled_in(p, s, l, k);
			enrollments += held[k];
		}
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			if (held[ch->seminar])
				continue;
			const char *reason = !ch->eligible ? "ineligible"
					     : enrollments >= p->config.seminars_per_learner ? "limit"
											      : "capacity";
			add_unmet(rs, &alloc, p, l, true, ch->seminar, ch->rank, 1, 0, reason);
		}
	}
	rs->unmet_start[p->n_learners] = rs->n_unmet;
	free(held);
	free(taken);
}

/* ---- summary metrics ------------------------------------------------------------ */

static void metric(struct rowset *rs, bool text, const char *name, const char *fmt, ...)
	MCL_PRINTF(4, 5);

static void metric(struct rowset *rs, bool text, const char *name, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *value = xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	value[0] = '\0';
	if (len >= 0)
		vsnprintf(value, (size_t)len + 1, fmt, again);
	va_end(again);
	rs->metrics = xrealloc(rs->metrics, sizeof(*rs->metrics) * ((size_t)rs->n_metrics + 1));
	struct rowset_metric *mt = &rs->metrics[rs->n_metrics++];
	mt->name = xstrdup(name);
	mt->value = value;
	mt->text = text;
}

static void collect_metrics(struct rowset *rs, const struct problem *p, const struct solution *s,
			    const struct metrics *m, const struct run_info *run)
{
	bool have = s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE;
	metric(rs, false, "status", "%s", solution_status_name(s->status));
	metric(rs, false, "objective", "%.2f", have ? s->objective : 0);
	metric(rs, false, "bound", "%.2f", have ? s->bound : 0);
	metric(rs, false, "gap", "%.6f", have ? s->gap : 0);
	if (!have)
		for (int i = 1; i <= 3; i++)
			rs->metrics[i].value[0] = '\0';
	metric(rs, false, "solve_seconds", "%.2f", s->solve_seconds);
	metric(rs, false, "model", "%s", problem_model_name(p->config.model));
	metric(rs, false, "learners", "%d", m->learners);
	metric(rs, false, "blocks", "%d", m->blocks);
	metric(rs, false, "sessions", "%d", m->sessions);
	metric(rs, false, "need_sessions_wanted", "%ld", m->need_sessions_wanted);
	metric(rs, false, "need_sessions_scheduled", "%ld", m->need_sessions_scheduled);
	metric(rs, false, "need_sessions_pct", "%.2f", m->need_sessions_pct);
	metric(rs, false, "power_goal_pct", "%.2f", m->power_goal_pct);
	metric(rs, false, "learners_complete_pct", "%.2f", m->learners_complete_pct);
	metric(rs, false, "seminar_enrolled_pct", "%.2f", m->seminar_enrolled_pct);
	metric(rs, false, "seminar_first_choice_pct", "%.2f", m->seminar_first_choice_pct);
	metric(rs, false, "avg_group_size", "%.2f", m->avg_group_size);
	metric(rs, false, "lab_sessions", "%d", m->lab_sessions);
	metric(rs, false, "facilitator_load_pct", "%.2f", m->facilitator_load_pct);
	metric(rs, false, "needs_not_ready", "%d", m->needs_not_ready);
	metric(rs, false, "learners_left_out", "%d", m->learners_left_out);
	metric(rs, false, "learner_days_covered_pct", "%.2f", m->learner_days_covered_pct);
	metric(rs, false, "min_facilitated_sessions", "%d", m->min_facilitated_sessions);
	if (have && p->previous) {
		long changed, both;
		changes_count(p, s, &changed, &both);
		metric(rs, false, "learner_blocks_changed", "%ld", changed);
		metric(rs, false, "learner_blocks_changed_pct", "%.2f",
		       both ? 100.0 * (double)changed / (double)both : 0.0);
		/* the blocks that happened: verify needs no one placed in them
		 * who was not (a learner who joined since) */
		if (p->previous->after >= 0)
			metric(rs, true, "replan_after", "%s", p->blocks[p->previous->after].id);
	}
	/* provenance */
	char sha[DIGEST_HEX_LEN + 1];
	digest_scenario(p->dir, sha);
	metric(rs, true, "scenario_name", "%s", p->config.name ? p->config.name : "");
	metric(rs, true, "mclsched_version", "%s", run->version ? run->version : "");
	metric(rs, false, "inputs_sha256", "%s", sha);
	metric(rs, false, "seed", "%d", run->seed);
	metric(rs, false, "time_limit", "%g", run->time_limit);
	metric(rs, false, "gap_limit", "%g", run->gap_limit);
	metric(rs, false, "stopped_by", "%s", solution_stop_name(s->stopped_by));
	/* status says infeasible for both: a proof that no schedule exists, or
	 * none found within the limits */
	metric(rs, false, "schedule_exists", "%s", solution_exists_name(s->status));
	metric(rs, false, "model_rows", "%d", s->model_rows);
	metric(rs, false, "model_columns", "%d", s->model_cols);
	metric(rs, false, "model_nonzeros", "%ld", s->model_nonzeros);
}

int rowset_build(struct rowset *rs, const struct problem *p, const struct solution *s,
		 const struct metrics *m, const struct run_info *run, struct diag *d)
{
	memset(rs, 0, sizeof(*rs));
	rs->schedule = s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE;
	if (rs->schedule) {
		int *size = recount(p, s, d);
		if (!size)
			return -1;
		int *rank = xmalloc(sizeof(int) * (s->n_sessions + 1));
		collect_sessions(rs, p, s, size, rank);
		collect_slots(rs, p, s, rank);
		collect_unmet(rs, p, s, m);
		free(rank);
		free(size);
	}
	collect_metrics(rs, p, s, m, run);
	return 0;
}

/* ---- release, comparison, lookups ------------------------------------------------ */

void rowset_advice_release(struct rowset_advice *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].change);
		free(a[i].edit);
		free(a[i].note);
	}
	free(a);
}

void rowset_release(struct rowset *rs)
{
	for (int i = 0; i < rs->n_sessions; i++) {
		struct rowset_session *r = &rs->sessions[i];
		free(r->id);
		free(r->section);
		free(r->offering_id);
		free(r->block_id);
		free(r->room_id);
		free(r->facilitator_id);
	}
	for (int i = 0; i < rs->n_slots; i++) {
		free(rs->slots[i].learner_id);
		free(rs->slots[i].block_id);
		free(rs->slots[i].offering_id);
	}
	for (int i = 0; i < rs->n_unmet; i++) {
		free(rs->unmet[i].learner_id);
		free(rs->unmet[i].offering_id);
		free(rs->unmet[i].reason);
	}
	for (int i = 0; i < rs->n_metrics; i++) {
		free(rs->metrics[i].name);
		free(rs->metrics[i].value);
	}
	free(rs->sessions);
	free(rs->slots);
	free(rs->unmet);
	free(rs->unmet_start);
	free(rs->metrics);
	memset(rs, 0, sizeof(*rs));
}

static bool differ(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

static const char *diff_sessions(const struct rowset *a, const struct rowset *b)
{
	if (a->n_sessions != b->n_sessions)
		return "the number of sessions differs";
	for (int i = 0; i < a->n_sessions; i++) {
		const struct rowset_session *x = &a->sessions[i], *y = &b->sessions[i];
		if (differ(x->id, y->id) || differ(x->section, y->section) ||
		    x->section_first != y->section_first || x->section_next != y->section_next ||
		    x->kind != y->kind || differ(x->offering_id, y->offering_id) ||
		    differ(x->block_id, y->block_id) || differ(x->room_id, y->room_id) ||
		    differ(x->facilitator_id, y->facilitator_id) || x->size != y->size ||
		    x->offering != y->offering || x->block != y->block || x->room != y->room ||
		    x->facilitator != y->facilitator)
			return "a session differs";
	}
	return NULL;
}

static const char *diff_slots(const struct rowset *a, const struct rowset *b)
{
	if (a->n_slots != b->n_slots)
		return "the number of timetable rows differs";
	for (int i = 0; i < a->n_slots; i++) {
		const struct rowset_slot *x = &a->slots[i], *y = &b->slots[i];
		if (differ(x->learner_id, y->learner_id) || differ(x->block_id, y->block_id) ||
		    x->session != y->session || differ(x->offering_id, y->offering_id) ||
		    x->learner != y->learner || x->block != y->block || x->goal != y->goal ||
		    x->seminar != y->seminar)
			return "a timetable row differs";
	}
	return NULL;
}

static const char *diff_unmet(const struct rowset *a, const struct rowset *b)
{
	if (a->n_unmet != b->n_unmet)
		return "the number of unmet rows differs";
	for (int i = 0; i < a->n_unmet; i++) {
		const struct rowset_unmet *x = &a->unmet[i], *y = &b->unmet[i];
		if (differ(x->learner_id, y->learner_id) || x->choice != y->choice ||
		    differ(x->offering_id, y->offering_id) || x->priority != y->priority ||
		    x->wanted != y->wanted || x->scheduled != y->scheduled ||
		    differ(x->reason, y->reason) || x->learner != y->learner ||
		    x->offering != y->offering)
			return "an unmet row differs";
	}
	return NULL;
}

const char *rowset_diff(const struct rowset *a, const struct rowset *b)
{
	if (a->schedule != b->schedule)
		return "one holds a schedule, the other not";
	const char *why = diff_sessions(a, b);
	if (!why)
		why = diff_slots(a, b);
	if (!why)
		why = diff_unmet(a, b);
	if (why)
		return why;
	if (a->n_metrics != b->n_metrics)
		return "the number of metrics differs";
	for (int i = 0; i < a->n_metrics; i++)
		if (differ(a->metrics[i].name, b->metrics[i].name) ||
		    differ(a->metrics[i].value, b->metrics[i].value))
			return "a metric differs";
	return NULL;
}

const char *rowset_metric(const struct rowset *rs, const char *name)
{
	for (int i = 0; i < rs->n_metrics; i++)
		if (!strcmp(rs->metrics[i].name, name))
			return rs->metrics[i].value;
	return NULL;
}

const char *rowset_label(const char *name, const char *id)
{
	return name && *name ? name : id;
}

const char *rowset_session_title(const struct problem *p, const struct rowset_session *s)
{
	if (s->kind == SESSION_WORKSHOP)
		return rowset_label(p->goals[s->offering].title, p->goals[s->offering].id);
	if (s->kind == SESSION_SEMINAR)
		return rowset_label(p->seminars[s->offering].title, p->seminars[s->offering].id);
	return "Lab";
}

time_t rowset_export_time(void)
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
