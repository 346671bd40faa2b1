/*
 * verify.c - re-checks a written schedule against its inputs.
 *
 * Independent of the solver by construction: it knows nothing but the
 * validated inputs (struct problem) and the CSV files in OUT_DIR, which it
 * re-reads here.  Every hard rule of the contract is checked on those rows
 * directly; then the rows are turned into a struct solution only to
 * recompute the objective and metrics (engine/metrics.c) and compare them
 * with summary.csv.
 */
#define _POSIX_C_SOURCE 200809L
#include "verify.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/csv_table.h"

struct vsession {
	char *id;
	long line;
	int kind;           /* enum session_kind, -1 unknown */
	int offering, block, room, facilitator, size, section;
	int counted;        /* timetable rows naming it */
};

struct verifier {
	const struct problem *p;
	FILE *out;
	int violations;
	struct vsession *s;
	int n;
	int *sorted;        /* session indexes sorted by id */
};

static void violation(struct verifier *v, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);

static void violation(struct verifier *v, const char *file, long line, const char *fmt, ...)
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

static const struct vsession *sort_base;

static int cmp_sid(const void *a, const void *b)
{
	return strcmp(sort_base[*(const int *)a].id, sort_base[*(const int *)b].id);
}

static int find_session(const struct verifier *v, const char *id)
{
	int lo = 0, hi = v->n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strcmp(id, v->s[v->sorted[mid]].id);
		if (!c)
			return v->sorted[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

static int need_of(const struct problem *p, int l, int g)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].goal == g)
			return q;
	return -1;
}

/* Rules 2, 3, 4, 7 on each session row, and per block / facilitator. */
static void check_sessions(struct verifier *v, const struct csv_table *t)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	int c_id = csv_table_col(t, "session_id"), c_sec = csv_table_col(t, "section_id"),
	    c_kind = csv_table_col(t, "kind"), c_off = csv_table_col(t, "offering_id"),
	    c_blk = csv_table_col(t, "block_id"), c_room = csv_table_col(t, "room_id"),
	    c_fac = csv_table_col(t, "facilitator_id"), c_size = csv_table_col(t, "size");
	v->s = xcalloc((size_t)t->n_rows + 1, sizeof(*v->s));
	v->n = t->n_rows;
	for (int r = 0; r < t->n_rows; r++) {
		struct vsession *s = &v->s[r];
		char **row = t->rows[r];
		s->id = xstrdup(row[c_id]);
		s->line = t->line[r];
		s->kind = !strcmp(row[c_kind], "workshop") ? SESSION_WORKSHOP
			  : !strcmp(row[c_kind], "seminar") ? SESSION_SEMINAR
			  : !strcmp(row[c_kind], "lab")     ? SESSION_LAB
							    : -1;
		s->block = problem_find_block(p, row[c_blk]);
		s->room = problem_find_room(p, row[c_room]);
		s->facilitator = problem_find_facilitator(p, row[c_fac]);
		s->offering = s->kind == SESSION_WORKSHOP ? problem_find_goal(p, row[c_off])
			      : s->kind == SESSION_SEMINAR ? problem_find_seminar(p, row[c_off])
							   : -1;
		char *end;
		s->size = (int)strtol(row[c_size], &end, 10);
		if (s->kind < 0)
			violation(v, F, s->line, "session '%s' has unknown kind '%s'", s->id, row[c_kind]);
		if (s->block < 0)
			violation(v, F, s->line, "session '%s' is in unknown block '%s'", s->id, row[c_blk]);
		if (s->room < 0)
			violation(v, F, s->line, "session '%s' is in unknown room '%s'", s->id, row[c_room]);
		if (s->facilitator < 0)
			violation(v, F, s->line, "session '%s' has unknown facilitator '%s'", s->id,
				  row[c_fac]);
		if (s->kind != SESSION_LAB && s->kind >= 0 && s->offering < 0)
			violation(v, F, s->line, "session '%s' has unknown offering '%s'", s->id,
				  row[c_off]);
		if (s->kind == SESSION_LAB && *row[c_off])
			violation(v, F, s->line, "lab session '%s' names an offering '%s'", s->id,
				  row[c_off]);
		if (*end || end == row[c_size])
			violation(v, F, s->line, "session '%s' has a bad size '%s'", s->id, row[c_size]);
		if (s->kind < 0 || s->block < 0 || s->room < 0 || s->facilitator < 0 ||
		    (s->kind != SESSION_LAB && s->offering < 0)) {
			s->kind = -1;   /* unusable: skip the rules that need it */
			continue;
		}
		const struct block *b = &p->blocks[s->block];
		/* rule 2 */
		if (!metrics_block_scheduled(p, s->block))
			violation(v, F, s->line, "session '%s' is in block '%s', which the %s model "
				  "does not schedule", s->id, b->id, problem_model_name(p->config.model));
		if ((s->kind == SESSION_WORKSHOP && b->kind != BLOCK_WORKSHOP) ||
		    (s->kind == SESSION_SEMINAR && b->kind != BLOCK_SEMINAR))
			violation(v, F, s->line, "rule 2: %s session '%s' in %s block '%s'",
				  solution_kind_name(s->kind), s->id,
				  b->kind == BLOCK_WORKSHOP ? "workshop" : "seminar", b->id);
		/* rule 3 */
		const struct facilitator *fa = &p->facilitators[s->facilitator];
		if (fa->unavailable[s->block])
			violation(v, F, s->line, "rule 3: facilitator '%s' is unavailable in block '%s'",
				  fa->id, b->id);
		if (s->kind == SESSION_WORKSHOP &&
		    problem_goal_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			violation(v, F, s->line, "rule 3: facilitator '%s' has no expertise in goal '%s'",
				  fa->id, p->goals[s->offering].id);
		if (s->kind == SESSION_SEMINAR &&
		    problem_seminar_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			violation(v, F, s->line, "rule 3: facilitator '%s' has no expertise in seminar "
				  "'%s'", fa->id, p->seminars[s->offering].id);
		/* rule 4 */
		const struct room *rm = &p->rooms[s->room];
		if (rm->unavailable[s->block])
			violation(v, F, s->line, "rule 4: room '%s' is unavailable in block '%s'", rm->id,
				  b->id);
		if (s->size > rm->capacity)
			violation(v, F, s->line, "rule 4: session '%s' has %d learners but room '%s' "
				  "seats %d", s->id, s->size, rm->id, rm->capacity);
		int feature = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].feature
			      : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].feature
							   : -1;
		if (!problem_room_has(rm, feature))
			violation(v, F, s->line, "rule 4: room '%s' lacks feature '%s' for session '%s'",
				  rm->id, p->features[feature], s->id);
		/* rule 7, and online goals never meet in workshops */
		if (s->kind == SESSION_WORKSHOP) {
			const struct goal *g = &p->goals[s->offering];
			if (!problem_block_allows(p, s->block, s->offering))
				violation(v, F, s->line, "rule 7: goal '%s' (area '%s') may not run in "
					  "block '%s'", g->id, p->areas[g->area], b->id);
			if (g->mode == GOAL_ONLINE)
				violation(v, F, s->line, "goal '%s' is online: it is worked on in labs, "
					  "not in workshop session '%s'", g->id, s->id);
		}
	}
	sort_base = v->s;
	v->sorted = xmalloc(sizeof(int) * (size_t)(v->n + 1));
	for (int i = 0; i < v->n; i++)
		v->sorted[i] = i;
	qsort(v->sorted, (size_t)v->n, sizeof(int), cmp_sid);
	for (int i = 1; i < v->n; i++)
		if (!strcmp(v->s[v->sorted[i]].id, v->s[v->sorted[i - 1]].id))
			violation(v, F, v->s[v->sorted[i]].line, "session_id '%s' appears twice",
				  v->s[v->sorted[i]].id);
	for (int r = 0; r < t->n_rows; r++) {
		int sec = find_session(v, t->rows[r][c_sec]);
		v->s[r].section = sec;
		if (sec < 0)
			violation(v, F, v->s[r].line, "section_id '%s' is not a session_id",
				  t->rows[r][c_sec]);
	}
	/* one session per facilitator and per room in each block; max_sessions */
	int *led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *a = &v->s[i];
		if (a->kind < 0)
			continue;
		led[a->facilitator]++;
		for (int j = 0; j < i; j++) {
			const struct vsession *b = &v->s[j];
			if (b->kind < 0 || b->block != a->block)
				continue;
			if (b->facilitator == a->facilitator)
				violation(v, F, a->line, "rule 3: facilitator '%s' leads two sessions in "
					  "block '%s' ('%s' and '%s')", p->facilitators[a->facilitator].id,
					  p->blocks[a->block].id, b->id, a->id);
			if (b->room == a->room)
				violation(v, F, a->line, "rule 4: room '%s' holds two sessions in block "
					  "'%s' ('%s' and '%s')", p->rooms[a->room].id,
					  p->blocks[a->block].id, b->id, a->id);
		}
	}
	for (int f = 0; f < p->n_facilitators; f++)
		if (led[f] > p->facilitators[f].max_sessions)
			violation(v, F, 0, "rule 3: facilitator '%s' leads %d sessions, above "
				  "max_sessions %d", p->facilitators[f].id, led[f],
				  p->facilitators[f].max_sessions);
	free(led);
}

/* Rules 1, 5, 6 from the timetable. */
static void check_timetable(struct verifier *v, const struct csv_table *t, struct solution *sol)
{
	const struct problem *p = v->p;
	const char *F = "timetable.csv";
	int c_l = csv_table_col(t, "learner_id"), c_b = csv_table_col(t, "block_id"),
	    c_s = csv_table_col(t, "session_id");
	long *row_of = xcalloc((size_t)p->n_learners * (size_t)p->n_blocks + 1, sizeof(long));
	for (int r = 0; r < t->n_rows; r++) {
		char **row = t->rows[r];
		int l = problem_find_learner(p, row[c_l]);
		int b = problem_find_block(p, row[c_b]);
		int si = find_session(v, row[c_s]);
		if (l < 0 || b < 0 || si < 0) {
			violation(v, F, t->line[r], "unknown %s '%s'",
				  l < 0 ? "learner" : b < 0 ? "block" : "session",
				  l < 0 ? row[c_l] : b < 0 ? row[c_b] : row[c_s]);
			continue;
		}
		v->s[si].counted++;
		if (v->s[si].block != b)
			violation(v, F, t->line[r], "session '%s' is in block '%s', not '%s'",
				  v->s[si].id, v->s[si].block >= 0 ? p->blocks[v->s[si].block].id : "?",
				  p->blocks[b].id);
		long *slot = &row_of[(long)l * p->n_blocks + b];
		if (*slot) {
			violation(v, F, t->line[r], "rule 1: learner '%s' is in two sessions in block "
				  "'%s' (also line %ld)", p->learners[l].id, p->blocks[b].id, *slot);
			continue;
		}
		*slot = t->line[r];
		if (p->learners[l].unavailable[b])
			violation(v, F, t->line[r], "rule 1: learner '%s' is unavailable in block '%s'",
				  p->learners[l].id, p->blocks[b].id);
		*solution_attend(sol, l, b) = si;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++)
			if (metrics_block_scheduled(p, b) && !p->learners[l].unavailable[b] &&
			    !row_of[(long)l * p->n_blocks + b])
				violation(v, F, 0, "rule 1: learner '%s' has no session in block '%s'",
					  p->learners[l].id, p->blocks[b].id);
	free(row_of);

	bool pg = p->config.model == MODEL_POWER_GOAL;
	/* sizes (rule 5) */
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		if (s->kind < 0)
			continue;
		if (s->counted != s->size)
			violation(v, "sessions.csv", s->line, "session '%s' says size %d but %d "
				  "learners attend it in timetable.csv", s->id, s->size, s->counted);
		int lo = 1, hi = p->config.lab_max_group;
		if (s->kind == SESSION_WORKSHOP) {
			lo = p->goals[s->offering].min_group;
			hi = p->goals[s->offering].max_group;
		} else if (s->kind == SESSION_SEMINAR) {
			lo = p->seminars[s->offering].min_size;
			hi = p->seminars[s->offering].max_size;
		}
		int size = s->counted;
		if (pg && s->kind == SESSION_WORKSHOP) {
			/* the group: distinct learners over its sessions */
			size = 0;
			for (int l = 0; l < p->n_learners; l++) {
				bool in = false;
				for (int b = 0; b < p->n_blocks && !in; b++) {
					int si = solution_attend_at(sol, l, b);
					in = si >= 0 && v->s[si].section == s->section;
				}
				size += in;
			}
		}
		if ((size < lo && !(pg && s->kind == SESSION_LAB)) || size > hi)
			violation(v, "sessions.csv", s->line, "rule 5: %s '%s' has %d learners, "
				  "outside [%d, %d]", pg && s->kind == SESSION_WORKSHOP ? "group of session"
											: "session",
				  s->id, size, lo, hi);
	}
	/* rule 6 */
	for (int l = 0; l < p->n_learners; l++) {
		int section = -2, fac = -1;
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind < 0)
				continue;
			const struct vsession *s = &v->s[si];
			if (s->kind == SESSION_WORKSHOP) {
				int q = need_of(p, l, s->offering);
				if (q < 0 || !p->needs[q].ready)
					violation(v, "timetable.csv", 0, "rule 6: learner '%s' attends '%s' "
						  "(goal '%s') without a ready need for it", p->learners[l].id,
						  s->id, p->goals[s->offering].id);
			}
			if (pg && s->kind != SESSION_SEMINAR) {
				if (section == -2) {
					section = s->section;
					fac = s->facilitator;
				} else if (s->section != section) {
					violation(v, "timetable.csv", 0, "rule 6: learner '%s' changes group "
						  "in block '%s' (power-goal keeps one group)",
						  p->learners[l].id, p->blocks[b].id);
				}
				if (s->facilitator != fac)
					violation(v, "sessions.csv", s->line, "rule 6: group '%s' changes "
						  "facilitator", v->s[s->section].id);
			}
		}
		if (pg)
			continue;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			int n = 0;
			for (int b = 0; b < p->n_blocks; b++) {
				int si = solution_attend_at(sol, l, b);
				n += si >= 0 && v->s[si].kind == SESSION_WORKSHOP &&
				     v->s[si].offering == p->needs[q].goal;
			}
			if (n > p->needs[q].sessions)
				violation(v, "timetable.csv", 0, "rule 6: learner '%s' attends %d sessions "
					  "of goal '%s', above the %d wanted", p->learners[l].id, n,
					  p->goals[p->needs[q].goal].id, p->needs[q].sessions);
		}
	}
}

/* Recomputes the objective and metrics and compares them with summary.csv. */
static void check_summary(struct verifier *v, const struct csv_table *t, struct solution *sol)
{
	const char *F = "summary.csv";
	int c_m = csv_table_col(t, "metric"), c_v = csv_table_col(t, "value");
	struct metrics m;
	metrics_compute(v->p, sol, &m);
	struct {
		const char *name;
		double value, tol;
	} want[] = {
		{ "objective", m.objective, 0.006 },
		{ "sessions", m.sessions, 0 },
		{ "learners", m.learners, 0 },
		{ "blocks", m.blocks, 0 },
		{ "need_sessions_wanted", (double)m.need_sessions_wanted, 0 },
		{ "need_sessions_scheduled", (double)m.need_sessions_scheduled, 0 },
		{ "need_sessions_pct", m.need_sessions_pct, 0.006 },
		{ "power_goal_pct", m.power_goal_pct, 0.006 },
		{ "learners_complete_pct", m.learners_complete_pct, 0.006 },
		{ "seminar_enrolled_pct", m.seminar_enrolled_pct, 0.006 },
		{ "seminar_first_choice_pct", m.seminar_first_choice_pct, 0.006 },
		{ "avg_group_size", m.avg_group_size, 0.006 },
		{ "facilitator_load_pct", m.facilitator_load_pct, 0.006 },
	};
	double objective = NAN, bound = NAN, gap = NAN;
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		int found = 0;
		for (int r = 0; r < t->n_rows; r++) {
			if (strcmp(t->rows[r][c_m], want[k].name))
				continue;
			found = 1;
			char *end;
			double x = strtod(t->rows[r][c_v], &end);
			if (*end || end == t->rows[r][c_v] || fabs(x - want[k].value) > want[k].tol + 1e-9)
				violation(v, F, t->line[r], "%s is '%s' but the schedule gives %.2f",
					  want[k].name, t->rows[r][c_v], want[k].value);
		}
		if (!found)
			violation(v, F, 0, "metric '%s' is missing", want[k].name);
	}
	for (int r = 0; r < t->n_rows; r++) {
		const char *name = t->rows[r][c_m];
		double x = strtod(t->rows[r][c_v], NULL);
		if (!strcmp(name, "objective"))
			objective = x;
		else if (!strcmp(name, "bound"))
			bound = x;
		else if (!strcmp(name, "gap"))
			gap = x;
	}
	if (!(bound >= objective - 0.006))
		violation(v, F, 0, "bound %.2f is below the objective %.2f", bound, objective);
	double g = bound != 0 ? (bound - objective) / fabs(bound) : 0;
	if (!(fabs(g - gap) <= 1e-5 + 0.01 / (fabs(bound) + 1)))
		violation(v, F, 0, "gap %.6f is not (bound - objective) / bound = %.6f", gap, g);
	metrics_release(&m);
}

int verify_schedule(const struct problem *p, const char *out_dir, FILE *out, struct diag *d)
{
	static const char *const sess_cols[] = { "session_id", "section_id", "kind", "offering_id",
						 "block_id", "room_id", "facilitator_id", "size",
						 NULL };
	static const char *const tt_cols[] = { "learner_id", "block_id", "session_id", NULL };
	static const char *const sum_cols[] = { "metric", "value", NULL };
	struct csv_table ts, tt, tm;
	int before = d->n_errors;
	int rs = csv_table_read(&ts, out_dir, "sessions.csv", true, d);
	int rt = csv_table_read(&tt, out_dir, "timetable.csv", true, d);
	int rm = csv_table_read(&tm, out_dir, "summary.csv", true, d);
	if (rs > 0)
		csv_table_require(&ts, sess_cols, d);
	if (rt > 0)
		csv_table_require(&tt, tt_cols, d);
	if (rm > 0)
		csv_table_require(&tm, sum_cols, d);
	int result = -1;
	if (d->n_errors > before)
		goto out;

	struct verifier v = { .p = p, .out = out };
	struct solution sol;
	solution_init(&sol, p);
	check_sessions(&v, &ts);
	check_timetable(&v, &tt, &sol);
	for (int i = 0; i < v.n; i++) {
		struct session s = { .kind = v.s[i].kind < 0 ? SESSION_LAB : (enum session_kind)v.s[i].kind,
				     .offering = v.s[i].offering, .block = v.s[i].block,
				     .room = v.s[i].room, .facilitator = v.s[i].facilitator };
		int k = solution_add_session(&sol, &s);
		sol.sessions[k].section = v.s[i].section >= 0 ? v.s[i].section : k;
	}
	solution_recount(&sol);
	if (v.violations == 0)
		check_summary(&v, &tm, &sol);
	result = v.violations;
	solution_release(&sol);
	for (int i = 0; i < v.n; i++)
		free(v.s[i].id);
	free(v.s);
	free(v.sorted);
out:
	csv_table_release(&ts);
	csv_table_release(&tt);
	csv_table_release(&tm);
	return result;
}
