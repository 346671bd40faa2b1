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
 */
#define _POSIX_C_SOURCE 200809L
#include "verify.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "engine/metrics.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/history.h"
#include "outputs/csv_out.h"
#include "outputs/verify_lab.h"
#include "outputs/verify_mastery.h"
#include "outputs/verify_locks.h"

struct vsession {
	char *id;
	long line;
	int kind;           /* enum session_kind, -1 when the row is unusable */
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
	bool unusable;      /* some session row could not be resolved */
	int *tt_row;        /* [n_learners * n_blocks]: timetable row, -1 none */
	bool *mastered;     /* [n_learners * n_goals], verify's own (verify_mastery.h) */
	bool progress_known;        /* progress.csv gave a score */
	bool *taken;        /* [n_learners * n_seminars]: history.csv, re-read */
	bool *ready;        /* [n_needs]: verify_need_ready, never the loader's flag */
	bool replan;        /* OUT_DIR holds changes.csv: a replan's schedule */
	int after;          /* a replan's last block that happened (summary.csv
			     * replan_after), -1: none */
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
		int mid = lo + (hi - lo) / 2, c = strcmp(id, v->s[v->sorted[mid]].id);
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

static const struct choice *choice_of(const struct problem *p, int l, int sem)
{
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
		if (p->choices[c].seminar == sem)
			return &p->choices[c];
	return NULL;
}

static const char *offering_name(const struct problem *p, const struct vsession *s)
{
	return s->kind == SESSION_WORKSHOP ? p->goals[s->offering].id
	       : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id
					    : "lab";
}

/* Reads the rows of sessions.csv; rules 2, 3, 4 and 7 on each row. */
static void read_sessions(struct verifier *v, const struct csv_table *t)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	int c_id = csv_table_col(t, "session_id"), c_kind = csv_table_col(t, "kind"),
	    c_off = csv_table_col(t, "offering_id"), c_blk = csv_table_col(t, "block_id"),
	    c_room = csv_table_col(t, "room_id"), c_fac = csv_table_col(t, "facilitator_id"),
	    c_size = csv_table_col(t, "size");
	v->s = xcalloc((size_t)t->n_rows + 1, sizeof(*v->s));
	v->n = t->n_rows;
	for (int r = 0; r < t->n_rows; r++) {
		struct vsession *s = &v->s[r];
		char **row = t->rows[r];
		s->id = xstrdup(row[c_id]);
		s->line = t->line[r];
		s->section = -1;
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
		errno = 0;
		long size = strtol(row[c_size], &end, 10);
		s->size = (int)size;
		if (s->kind < 0)
			violation(v, F, s->line, "session '%s' has unknown kind '%s'", s->id,
				  row[c_kind]);
		if (s->block < 0)
			violation(v, F, s->line, "session '%s' is in unknown block '%s'", s->id,
				  row[c_blk]);
		if (s->room < 0)
			violation(v, F, s->line, "session '%s' is in unknown room '%s'", s->id,
				  row[c_room]);
		if (s->facilitator < 0)
			violation(v, F, s->line, "session '%s' has unknown facilitator '%s'", s->id,
				  row[c_fac]);
		if (s->kind != SESSION_LAB && s->kind >= 0 && s->offering < 0)
			violation(v, F, s->line, "session '%s' has unknown %s '%s'", s->id,
				  s->kind == SESSION_WORKSHOP ? "goal" : "seminar", row[c_off]);
		if (s->kind == SESSION_LAB && *row[c_off])
			violation(v, F, s->line, "lab session '%s' names an offering '%s'", s->id,
				  row[c_off]);
		if (*end || end == row[c_size] || errno || size < 0 || size > 1000000)
			violation(v, F, s->line, "session '%s' has a bad size '%s'", s->id,
				  row[c_size]);
		if (s->kind < 0 || s->block < 0 || s->room < 0 || s->facilitator < 0 ||
		    (s->kind != SESSION_LAB && s->offering < 0)) {
			s->kind = -1;   /* unusable: skip the rules that need it */
			v->unusable = true;
			continue;
		}
		const struct block *b = &p->blocks[s->block];
		/* rule 2 */
		if (!problem_block_scheduled(p, s->block))
			violation(v, F, s->line, "session '%s' is in block '%s', which the %s model "
				  "does not schedule (rule 2)", s->id, b->id,
				  problem_model_name(p->config.model));
		if ((s->kind == SESSION_WORKSHOP && b->kind != BLOCK_WORKSHOP) ||
		    (s->kind == SESSION_SEMINAR && b->kind != BLOCK_SEMINAR))
			violation(v, F, s->line, "%s session '%s' is in %s block '%s' (rule 2)",
				  solution_kind_name(s->kind), s->id,
				  b->kind == BLOCK_WORKSHOP ? "workshop" : "seminar", b->id);
		/* rule 3 */
		const struct facilitator *fa = &p->facilitators[s->facilitator];
		if (fa->unavailable[s->block])
			violation(v, F, s->line, "facilitator '%s' is unavailable in block '%s' "
				  "(rule 3)", fa->id, b->id);
		if (s->kind == SESSION_WORKSHOP &&
		    problem_goal_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			violation(v, F, s->line, "facilitator '%s' has no expertise in goal '%s' "
				  "(rule 3)", fa->id, p->goals[s->offering].id);
		if (s->kind == SESSION_SEMINAR &&
		    problem_seminar_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			violation(v, F, s->line, "facilitator '%s' has no expertise in seminar '%s' "
				  "(rule 3)", fa->id, p->seminars[s->offering].id);
		/* rule 4 */
		const struct room *rm = &p->rooms[s->room];
		if (rm->unavailable[s->block])
			violation(v, F, s->line, "room '%s' is unavailable in block '%s' (rule 4)",
				  rm->id, b->id);
		int feature = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].feature
			      : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].feature
							   : p->lab_feature;
		if (!problem_room_has(rm, feature))
			violation(v, F, s->line, "room '%s' lacks feature '%s' needed by %s"
				  "session '%s' (rule 4)", rm->id, p->features[feature],
				  s->kind == SESSION_LAB ? "lab " : "", s->id);
		/* rule 7, and online goals never meet in workshops */
		if (s->kind == SESSION_WORKSHOP) {
			const struct goal *g = &p->goals[s->offering];
			if (!problem_block_allows(p, s->block, s->offering))
				violation(v, F, s->line, "goal '%s' (area '%s') may not run in block "
					  "'%s' (rule 7)", g->id, p->areas[g->area], b->id);
			if (g->mode == GOAL_ONLINE)
				violation(v, F, s->line, "goal '%s' is online: it is worked on in labs, "
					  "not in workshop session '%s' (rule 6)", g->id, s->id);
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
	int c_sec = csv_table_col(t, "section_id");
	for (int r = 0; r < t->n_rows; r++) {
		int sec = find_session(v, t->rows[r][c_sec]);
		v->s[r].section = sec;
		if (sec < 0) {
			violation(v, F, v->s[r].line, "section_id '%s' is not a session_id",
				  t->rows[r][c_sec]);
			v->s[r].kind = -1;
			v->unusable = true;
		}
	}
}

/* Rules 3 and 4 across rows: one session per facilitator and per room in a
 * block, max_sessions over the cycle. */
static void check_resources(struct verifier *v)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	size_t nb = (size_t)p->n_blocks;
	int *fac = xcalloc(nb * (size_t)p->n_facilitators + 1, sizeof(int));
	int *room = xcalloc(nb * (size_t)p->n_rooms + 1, sizeof(int));
	int *led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *a = &v->s[i];
		if (a->kind < 0)
			continue;
		led[a->facilitator]++;
		int *nf = &fac[(size_t)a->block * (size_t)p->n_facilitators + (size_t)a->facilitator];
		int *nr = &room[(size_t)a->block * (size_t)p->n_rooms + (size_t)a->room];
		if (++*nf >= 2)
			violation(v, F, a->line, "facilitator '%s' leads %d sessions in block '%s' "
				  "(rule 3)", p->facilitators[a->facilitator].id, *nf,
				  p->blocks[a->block].id);
		if (++*nr >= 2)
			violation(v, F, a->line, "room '%s' holds %d sessions in block '%s' (rule 4)",
				  p->rooms[a->room].id, *nr, p->blocks[a->block].id);
	}
	for (int f = 0; f < p->n_facilitators; f++)
		if (led[f] > p->facilitators[f].max_sessions)
			violation(v, F, 0, "facilitator '%s' leads %d sessions in the cycle, above "
				  "max_sessions %d (rule 3)", p->facilitators[f].id, led[f],
				  p->facilitators[f].max_sessions);
	free(led);
	free(room);
	free(fac);
}

/* Rule 1 from the timetable rows; fills sol->attend and row_of (the line of
 * each learner's row per block, 0 when none). */
static void read_timetable(struct verifier *v, const struct csv_table *t, struct solution *sol,
			   long *row_of)
{
	const struct problem *p = v->p;
	const char *F = "timetable.csv";
	int c_l = csv_table_col(t, "learner_id"), c_b = csv_table_col(t, "block_id"),
	    c_s = csv_table_col(t, "session_id");
	for (int r = 0; r < t->n_rows; r++) {
		char **row = t->rows[r];
		long line = t->line[r];
		int l = problem_find_learner(p, row[c_l]);
		int b = problem_find_block(p, row[c_b]);
		int si = find_session(v, row[c_s]);
		if (l < 0 || b < 0 || si < 0) {
			violation(v, F, line, "unknown %s '%s'",
				  l < 0 ? "learner" : b < 0 ? "block" : "session",
				  l < 0 ? row[c_l] : b < 0 ? row[c_b] : row[c_s]);
			continue;
		}
		const struct learner *ln = &p->learners[l];
		if (!problem_block_scheduled(p, b))
			violation(v, F, line, "learner '%s' has a row in block '%s', which the %s "
				  "model does not schedule (rule 1)", ln->id, p->blocks[b].id,
				  problem_model_name(p->config.model));
		if (v->s[si].block != b)
			violation(v, F, line, "session '%s' is in block '%s', not '%s'", v->s[si].id,
				  v->s[si].block >= 0 ? p->blocks[v->s[si].block].id : "?",
				  p->blocks[b].id);
		long *slot = &row_of[(long)l * p->n_blocks + b];
		if (*slot) {
			violation(v, F, line, "learner '%s' is in two sessions in block '%s' (also "
				  "line %ld) (rule 1)", ln->id, p->blocks[b].id, *slot);
			continue;
		}
		*slot = line;
		v->tt_row[(long)l * p->n_blocks + b] = r;
		if (ln->unavailable[b])
			violation(v, F, line, "learner '%s' is unavailable in block '%s' (rule 1)",
				  ln->id, p->blocks[b].id);
		v->s[si].counted++;
		*solution_attend(sol, l, b) = si;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++)
			if (problem_block_scheduled(p, b) && !p->learners[l].unavailable[b] &&
			    !row_of[(long)l * p->n_blocks + b] && b > v->after)
				/* a replan's blocks up to --after are history: a
				 * learner who joined since has no place there */
				violation(v, F, 0, "learner '%s' has no session in block '%s' (rule 1)",
					  p->learners[l].id, p->blocks[b].id);
}

/* Distinct learners per section (group sizes of power-goal groups and
 * seminar sections), and per (learner, section) the meetings attended. */
static int *section_sizes(const struct verifier *v, const struct solution *sol)
{
	const struct problem *p = v->p;
	int *size = xcalloc((size_t)v->n + 1, sizeof(int));
	int *seen = xmalloc(sizeof(int) * ((size_t)v->n + 1));
	for (int i = 0; i < v->n; i++)
		seen[i] = -1;
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind < 0)
				continue;
			int sec = v->s[si].section;
			if (seen[sec] != l) {
				seen[sec] = l;
				size[sec]++;
			}
		}
	free(seen);
	return size;
}

/* Rule 5: sizes, and the shape of sections (power-goal groups, seminar
 * sections): one kind, offering and facilitator, one session per block. */
static void check_sizes(struct verifier *v, const struct solution *sol)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	bool pg = p->config.model == MODEL_POWER_GOAL;
	int *group = section_sizes(v, sol);
	int *meetings = xcalloc((size_t)v->n + 1, sizeof(int));
	int *sections = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		if (s->kind < 0)
			continue;
		if (s->counted != s->size)
			violation(v, F, s->line, "session '%s' says size %d but %d learners attend "
				  "it in timetable.csv (rule 5)", s->id, s->size, s->counted);
		if (s->counted > p->rooms[s->room].capacity)
			violation(v, F, s->line, "session '%s' has %d learners but room '%s' seats "
				  "%d (rule 4)", s->id, s->counted, p->rooms[s->room].id,
				  p->rooms[s->room].capacity);
		const struct vsession *h = &v->s[s->section];
		bool shared = s->kind == SESSION_SEMINAR || (pg && s->kind == SESSION_WORKSHOP);
		if (!shared && s->section != i)
			violation(v, F, s->line, "%s session '%s' shares section '%s' (only seminar "
				  "meetings and power-goal groups do)", solution_kind_name(s->kind),
				  s->id, h->id);
		if (h->kind >= 0 && (h->kind != s->kind || h->offering != s->offering))
			violation(v, F, s->line, "session '%s' runs %s but its section '%s' runs %s "
				  "(rule 5)", s->id, offering_name(p, s), h->id, offering_name(p, h));
		else if (h->kind >= 0 && h->facilitator != s->facilitator &&
			 !(v->replan && p->facilitators[h->facilitator].unavailable[s->block]))
			/* a replan's cover: the section's facilitator is away there */
			violation(v, F, s->line, "section '%s' changes facilitator ('%s' in '%s', "
				  "'%s' in '%s') (rule 5)", h->id, p->facilitators[h->facilitator].id,
				  h->id, p->facilitators[s->facilitator].id, s->id);
		if (s->section != i) {
			if (h->block == s->block)
				violation(v, F, s->line, "section '%s' meets twice in block '%s' "
					  "(rule 5)", h->id, p->blocks[s->block].id);
		} else if (s->kind == SESSION_SEMINAR) {
			sections[s->offering]++;
		}
		meetings[s->section]++;

		int lo = 1, hi = p->config.lab_max_group, size = s->counted;
		const char *what = "session";
		if (s->kind == SESSION_WORKSHOP) {
			lo = p->goals[s->offering].min_group;
			hi = p->goals[s->offering].max_group;
			if (pg) {
				size = group[s->section];
				what = "the group of session";
			}
		} else if (s->kind == SESSION_SEMINAR) {
			lo = p->seminars[s->offering].min_size;
			hi = p->seminars[s->offering].max_size;
			size = group[s->section];
			what = "the section of meeting";
		}
		if (size < lo || size > hi)
			violation(v, F, s->line, "%s '%s' has %d learners, outside [%d, %d] (rule 5)",
				  what, s->id, size, lo, hi);
	}
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		if (s->kind != SESSION_SEMINAR || s->section != i)
			continue;
		const struct seminar *sm = &p->seminars[s->offering];
		if (meetings[i] != sm->meetings)
			violation(v, F, s->line, "seminar section '%s' ('%s') meets %d times, not "
				  "%d (rule 5)", s->id, sm->id, meetings[i], sm->meetings);
	}
	for (int k = 0; k < p->n_seminars; k++)
		if (sections[k] > p->seminars[k].sections)
			violation(v, F, 0, "seminar '%s' runs %d sections, above its %d (rule 5)",
				  p->seminars[k].id, sections[k], p->seminars[k].sections);
	free(sections);
	free(meetings);
	free(group);
}

/* Whether learner l may enroll in seminar sem, recomputed from the data:
 * every required goal mastered by verify's own reading (when progress.csv
 * gave any score: without it the loader takes requires as met), not taken
 * in an earlier cycle (history.csv) and the age band where the age and the
 * bound are known.  *why says what fails. */
static bool eligible(const struct verifier *v, int l, int sem, char *why, size_t len)
{
	const struct problem *p = v->p;
	const struct seminar *sm = &p->seminars[sem];
	if (v->taken[(long)l * p->n_seminars + sem]) {
		snprintf(why, len, "after taking it in an earlier cycle (history.csv)");
		return false;
	}
	for (int i = 0; v->progress_known && i < sm->n_requires; i++)
		if (!v->mastered[(long)l * p->n_goals + sm->requires[i]]) {
			snprintf(why, len, "without having mastered '%s'",
				 p->goals[sm->requires[i]].id);
			return false;
		}
	int age = p->learners[l].age;
	if (age >= 0 && ((sm->age_min >= 0 && age < sm->age_min) ||
			 (sm->age_max >= 0 && age > sm->age_max))) {
		if (sm->age_min >= 0 && sm->age_max >= 0)
			snprintf(why, len, "at age %d, outside its ages %d to %d", age, sm->age_min,
				 sm->age_max);
		else if (sm->age_min >= 0)
			snprintf(why, len, "at age %d, below its age_min %d", age, sm->age_min);
		else
			snprintf(why, len, "at age %d, above its age_max %d", age, sm->age_max);
		return false;
	}
	return true;
}

/* Rule 6: what each learner attends. */
static void check_learners(struct verifier *v, const struct solution *sol, const long *row_of)
{
	const struct problem *p = v->p;
	const char *F = "timetable.csv";
	bool pg = p->config.model == MODEL_POWER_GOAL;
	int *attended = xcalloc((size_t)p->n_goals + 1, sizeof(int));
	int *met = xcalloc((size_t)v->n + 1, sizeof(int));
	int *meetings = xcalloc((size_t)v->n + 1, sizeof(int));
	for (int i = 0; i < v->n; i++)
		if (v->s[i].kind >= 0)
			meetings[v->s[i].section]++;
	int *section_of = xmalloc(sizeof(int) * ((size_t)p->n_seminars + 1));
	for (int l = 0; l < p->n_learners; l++) {
		const struct learner *ln = &p->learners[l];
		int group = -1, enrolled = 0;
		memset(attended, 0, sizeof(int) * (size_t)p->n_goals);
		/* power-goal: the group of a learner in one is met in every
		 * available workshop block; labs are per block */
		for (int b = 0; pg && group < 0 && b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si >= 0 && v->s[si].kind == SESSION_WORKSHOP &&
			    p->blocks[b].kind == BLOCK_WORKSHOP)
				group = v->s[si].section;
		}
		for (int k = 0; k < p->n_seminars; k++)
			section_of[k] = -1;
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind < 0)
				continue;
			const struct vsession *s = &v->s[si];
			long line = row_of[(long)l * p->n_blocks + b];
			if (s->kind == SESSION_WORKSHOP) {
				int q = need_of(p, l, s->offering);
				if (q < 0 || !verify_need_ready(p, v->mastered, v->progress_known, q))
					violation(v, F, line, "learner '%s' attends '%s' (goal '%s') "
						  "without a ready need for it (rule 6)", ln->id, s->id,
						  p->goals[s->offering].id);
				else if (++attended[s->offering] == p->needs[q].sessions + 1 && !pg)
					violation(v, F, line, "learner '%s' attends more than %d "
						  "sessions of goal '%s' (rule 6)", ln->id,
						  p->needs[q].sessions, p->goals[s->offering].id);
			}
			if (pg && p->blocks[b].kind == BLOCK_WORKSHOP && group >= 0 &&
			    s->section != group)
				violation(v, F, line, "learner '%s' is in group '%s' but in %s '%s' "
					  "in block '%s' (rule 6, power-goal: a learner meets one "
					  "group in every available workshop block)", ln->id,
					  v->s[group].id, solution_kind_name(s->kind), s->id,
					  p->blocks[b].id);
			if (s->kind == SESSION_SEMINAR) {
				int *first = &section_of[s->offering];
				if (*first >= 0 && *first != s->section)
					violation(v, F, line, "learner '%s' changes section of seminar "
						  "'%s' in block '%s': '%s', then '%s' (rule 5, the same "
						  "learners at every meeting)", ln->id,
						  p->seminars[s->offering].id, p->blocks[b].id,
						  v->s[*first].id, v->s[s->section].id);
				if (*first < 0)
					*first = s->section;
				if (met[s->section]++ == 0) {
					enrolled++;
					const struct choice *ch = choice_of(p, l, s->offering);
					const char *sid = p->seminars[s->offering].id;
					char why[160];
					if (!ch)
						violation(v, F, line, "learner '%s' is in seminar '%s', "
							  "which they did not choose (rule 6)", ln->id, sid);
					else if (!eligible(v, l, s->offering, why, sizeof(why)))
						violation(v, F, line, "learner '%s' is in seminar '%s' %s "
							  "(rule 6)", ln->id, sid, why);
				}
			}
		}
		/* every meeting of an enrolled section attended; then reset */
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind != SESSION_SEMINAR)
				continue;
			int sec = v->s[si].section;
			if (met[sec] < 0)
				continue;
			int want = meetings[sec];
			if (met[sec] != want)
				violation(v, F, row_of[(long)l * p->n_blocks + b], "learner '%s' "
					  "attends %d of the %d meetings of seminar section '%s' "
					  "(rule 6)", ln->id, met[sec], want, v->s[sec].id);
			met[sec] = -1;
		}
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si >= 0 && v->s[si].kind == SESSION_SEMINAR)
				met[v->s[si].section] = 0;
		}
		if (enrolled > p->config.seminars_per_learner)
			violation(v, F, 0, "learner '%s' is in %d seminars, above "
				  "seminars_per_learner %d (rule 6)", ln->id, enrolled,
				  p->config.seminars_per_learner);
	}
	free(section_of);
	free(meetings);
	free(met);
	free(attended);
}

/* Learner l's lab sessions in sol, and whether l has a workshop session of
 * a ready priority-1 need. */
static int learner_labs(const struct verifier *v, const struct solution *sol, int l, bool *pg)
{
	const struct problem *p = v->p;
	int labs = 0;
	*pg = false;
	for (int b = 0; b < p->n_blocks; b++) {
		int si = solution_attend_at(sol, l, b);
		if (si < 0 || v->s[si].kind < 0)
			continue;
		const struct vsession *s = &v->s[si];
		labs += s->kind == SESSION_LAB;
		for (int q = p->need_start[l]; s->kind == SESSION_WORKSHOP && q < p->need_start[l + 1];
		     q++)
			*pg |= p->needs[q].goal == s->offering && v->ready[q] &&
			       p->needs[q].priority == 1;
	}
	return labs;
}

/* timetable.csv offering_id: the workshop's goal, the seminar, or the
 * online goal the learner's lab counts toward (empty when none). */
static void check_offerings(struct verifier *v, const struct csv_table *t,
			    const struct solution *sol, const long *row_of)
{
	const struct problem *p = v->p;
	int c_off = csv_table_col(t, "offering_id");
	int *credit = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int l = 0; l < p->n_learners; l++) {
		bool pg = false;
		int labs = 0;
		verify_lab_credits(p, v->ready, l, learner_labs(v, sol, l, &pg), pg, credit);
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			int r = v->tt_row[(long)l * p->n_blocks + b];
			if (si < 0 || r < 0 || v->s[si].kind < 0)
				continue;
			const struct vsession *s = &v->s[si];
			const char *want = "";
			if (s->kind == SESSION_LAB) {
				int q = credit[labs++];
				want = q >= 0 ? p->goals[p->needs[q].goal].id : "";
			} else {
				want = offering_name(p, s);
			}
			const char *got = t->rows[r][c_off];
			if (strcmp(got, want))
				violation(v, "timetable.csv", row_of[(long)l * p->n_blocks + b],
					  "learner '%s' works on '%s' in block '%s', but session '%s' "
					  "gives them '%s'", p->learners[l].id, got, p->blocks[b].id,
					  s->id, want);
		}
	}	free(credit);
}

/* The objective and the fairness metrics, recounted from the rows. */
struct recount {
	double objective;
	int learners_left_out;
	double learner_days_covered_pct;
	int min_facilitated_sessions;
};

/* "Can be placed" (data contract, objective), restated. */
static bool placeable(const struct verifier *v, int l)
{
	const struct problem *p = v->p;
	enum model_kind m = p->config.model;
	bool ws = m != MODEL_SEMINAR, sem = m == MODEL_SEMINAR || m == MODEL_COMBINATION;
	for (int q = p->need_start[l]; ws && q < p->need_start[l + 1]; q++)
		if (v->ready[q] && p->goals[p->needs[q].goal].mode == GOAL_FACILITATED)
			return true;
	return sem && p->choice_start[l + 1] > p->choice_start[l];
}

static void recount(const struct verifier *v, const struct solution *sol, struct recount *rc)
{
	const struct problem *p = v->p;
	const struct config *cf = &p->config;
	memset(rc, 0, sizeof(*rc));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		enum level lv = s->kind == SESSION_WORKSHOP
					? problem_goal_level(p, s->facilitator, s->offering)
				: s->kind == SESSION_SEMINAR
					? problem_seminar_level(p, s->facilitator, s->offering)
					: LEVEL_NONE;
		if (lv == LEVEL_GURU)
			rc->objective += cf->w_guru;
	}
	int *day_sessions = xcalloc((size_t)p->n_days + 1, sizeof(int));
	bool *day_open = xcalloc((size_t)p->n_days + 1, sizeof(bool));
	int *attended = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	int *in_seminar = xmalloc(sizeof(int) * ((size_t)p->n_seminars + 1));
	for (int k = 0; k < p->n_seminars; k++)
		in_seminar[k] = -1;
	long pairs = 0, covered = 0;
	int n_placeable = 0;
	int *credit = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0, total = 0;
		memset(day_sessions, 0, sizeof(int) * (size_t)p->n_days);
		memset(day_open, 0, sizeof(bool) * (size_t)p->n_days);
		for (int b = 0; b < p->n_blocks; b++) {
			int d = p->blocks[b].day_index;
			day_open[d] |= problem_block_scheduled(p, b) && !p->learners[l].unavailable[b];
			int si = solution_attend_at(sol, l, b);
			if (si < 0)
				continue;
			const struct vsession *s = &v->s[si];
			if (s->kind == SESSION_LAB) {
				labs++;
				continue;
			}
			day_sessions[d]++;
			total++;
			if (s->kind == SESSION_SEMINAR) {
				in_seminar[s->offering] = l;
				continue;
			}
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].goal == s->offering)
					attended[q]++;
		}
		bool power = false;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!v->ready[q] || p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			int c = attended[q] < nd->sessions ? attended[q] : nd->sessions;
			rc->objective += problem_need_weight(p, nd) * c;
			power |= nd->priority == 1 && c > 0;
		}
		verify_lab_credits(p, v->ready, l, labs, power, credit);
		for (int k = 0; k < labs && credit[k] >= 0; k++) {
			rc->objective += problem_need_weight(p, &p->needs[credit[k]]);
			power |= p->needs[credit[k]].priority == 1;
		}
		if (power)
			rc->objective += cf->w_power_goal;
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			if (in_seminar[ch->seminar] == l)
				rc->objective += problem_choice_weight(p, ch);
		}
		if (!placeable(v, l))
			continue;
		for (int d = 0; d < p->n_days; d++) {
			rc->objective += day_sessions[d] > 0 ? cf->w_daily : 0;
			pairs += day_open[d];
			covered += day_open[d] && day_sessions[d] > 0;
		}
		rc->learners_left_out += total == 0;
		if (n_placeable++ == 0 || total < rc->min_facilitated_sessions)
			rc->min_facilitated_sessions = total;
	}
	rc->learner_days_covered_pct = pairs ? 100.0 * (double)covered / (double)pairs : 0;
	free(credit);
	free(in_seminar);
	free(attended);
	free(day_open);
	free(day_sessions);
}

/* The value of metric name in summary.csv, its line in *line (0: missing). */
static const char *summary_value(const struct csv_table *t, const char *name, long *line)
{
	int c_m = csv_table_col(t, "metric"), c_v = csv_table_col(t, "value");
	for (int r = 0; r < t->n_rows; r++)
		if (!strcmp(t->rows[r][c_m], name)) {
			*line = t->line[r];
			return t->rows[r][c_v];
		}
	*line = 0;
	return NULL;
}

static bool parse_number(const char *text, double *x)
{
	char *end;
	if (!text || !*text)
		return false;
	*x = strtod(text, &end);
	return !*end && isfinite(*x);
}

/* Recomputes the objective and metrics and compares them with summary.csv;
 * checks the bound and the gap formula. */
static void check_summary(struct verifier *v, const struct csv_table *t,
			  const struct solution *sol)
{
	const struct problem *p = v->p;
	const char *F = "summary.csv";
	long line;
	const char *status = summary_value(t, "status", &line);
	if (!status || (strcmp(status, "optimal") && strcmp(status, "feasible")))
		violation(v, F, line, "status is '%s', not optimal or feasible",
			  status ? status : "(missing)");
	const char *model = summary_value(t, "model", &line);
	if (!model || strcmp(model, problem_model_name(p->config.model)))
		violation(v, F, line, "model is '%s' but the scenario uses '%s'",
			  model ? model : "(missing)", problem_model_name(p->config.model));

	struct metrics m;
	metrics_compute(p, sol, &m);
	struct recount rc;
	recount(v, sol, &rc);
	const double round2 = 0.005 + 1e-9;
	struct {
		const char *name;
		double value, tol;
	} want[] = {
		{ "objective", rc.objective, fmax(round2, 1e-6 * fabs(rc.objective)) },
		{ "learners", m.learners, 0 },
		{ "blocks", m.blocks, 0 },
		{ "sessions", m.sessions, 0 },
		{ "need_sessions_wanted", (double)m.need_sessions_wanted, 0 },
		{ "need_sessions_scheduled", (double)m.need_sessions_scheduled, 0 },
		{ "need_sessions_pct", m.need_sessions_pct, round2 },
		{ "power_goal_pct", m.power_goal_pct, round2 },
		{ "learners_complete_pct", m.learners_complete_pct, round2 },
		{ "seminar_enrolled_pct", m.seminar_enrolled_pct, round2 },
		{ "seminar_first_choice_pct", m.seminar_first_choice_pct, round2 },
		{ "avg_group_size", m.avg_group_size, round2 },
		{ "lab_sessions", m.lab_sessions, 0 },
		{ "facilitator_load_pct", m.facilitator_load_pct, round2 },
		{ "needs_not_ready", m.needs_not_ready, 0 },
		{ "learners_left_out", rc.learners_left_out, 0 },
		{ "learner_days_covered_pct", rc.learner_days_covered_pct, round2 },
		{ "min_facilitated_sessions", rc.min_facilitated_sessions, 0 },
	};
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		const char *text = summary_value(t, want[k].name, &line);
		double x;
		if (!text)
			violation(v, F, 0, "metric '%s' is missing", want[k].name);
		else if (!parse_number(text, &x) || fabs(x - want[k].value) > want[k].tol)
			violation(v, F, line, "%s is '%s' but the schedule gives %.2f",
				  want[k].name, text, want[k].value);
	}
	metrics_release(&m);
	/* provenance: present, and stopped_by one of its words */
	static const char *const provenance[] = { "scenario_name", "mclsched_version",
						  "inputs_sha256", "seed", "time_limit",
						  "gap_limit" };
	for (size_t k = 0; k < sizeof(provenance) / sizeof(provenance[0]); k++)
		if (!summary_value(t, provenance[k], &line))
			violation(v, F, 0, "metric '%s' is missing", provenance[k]);
	const char *stop = summary_value(t, "stopped_by", &line);
	if (!stop || (strcmp(stop, "gap") && strcmp(stop, "time_limit") &&
		      strcmp(stop, "interrupt") && strcmp(stop, "search_done")))
		violation(v, F, line, "stopped_by is '%s', not gap, time_limit, interrupt or "
			  "search_done", stop ? stop : "(missing)");

	double objective, bound, gap;
	long lb, lg;
	const char *tb = summary_value(t, "bound", &lb), *tg = summary_value(t, "gap", &lg);
	if (!parse_number(summary_value(t, "objective", &line), &objective))
		return;   /* reported above */
	if (!parse_number(tb, &bound)) {
		violation(v, F, lb, "bound is '%s', not a number", tb ? tb : "(missing)");
		return;
	}
	if (bound < objective - 1e-6)
		violation(v, F, lb, "bound %.2f is below the objective %.2f", bound, objective);
	if (!parse_number(tg, &gap)) {
		violation(v, F, lg, "gap is '%s', not a number", tg ? tg : "(missing)");
		return;
	}
	/* both printed to 2 decimals: allow their rounding, and the gap's own */
	double g = fabs(bound) > 1e-9 ? (bound - objective) / fabs(bound) : 0;
	double tol = 5e-7 + (fabs(bound) > 1e-9 ? 0.01 / fabs(bound) : 0);
	if (fabs(g - gap) > tol)
		violation(v, F, lg, "gap %.6f is not (bound - objective) / bound = %.6f", gap, g);
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
	const char *after = v.replan ? summary_value(&tm, "replan_after", &after_line) : NULL;
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
	read_sessions(&v, &ts);
	check_resources(&v);
	read_timetable(&v, &tt, &sol, row_of);
	check_sizes(&v, &sol);
	check_learners(&v, &sol, row_of);
	check_offerings(&v, &tt, &sol, row_of);
	v.violations += verify_locks(p, &ts, &tt, out);
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
		check_summary(&v, &tm, &sol);
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
