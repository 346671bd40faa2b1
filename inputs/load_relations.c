/*
 * load_relations.c - the scenario files that relate entities read before:
 * progress.csv (scores), needs.csv (or the needs derived from progress),
 * choices.csv (with history.csv: seminars taken) and expertise.csv.  Each
 * row's ids are read by ld_read_pair; a pair given twice is found by sorting
 * (ld_drop_repeated), never by comparing every row with every other.
 */
#define _POSIX_C_SOURCE 200809L
#include "loader.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "inputs/history.h"
#include "inputs/readiness.h"

/* ---- progress.csv ---- */

void load_progress(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "goal_id", "score", NULL };
	struct problem *p = ld->p;
	size_t n = (size_t)p->n_learners * (size_t)p->n_goals;
	p->score = xmalloc(sizeof(int) * (n + 1));
	for (size_t i = 0; i < n; i++)
		p->score[i] = -1;
	struct csv_table t;
	int rc = csv_table_read(&t, ld->dir, "progress.csv", false, ld->d);
	if (rc <= 0)
		goto out;
	ld->have_progress = true;
	csv_table_warn_unknown(&t, known, ld->d);
	if (csv_table_require(&t, known, ld->d))
		goto out;
	struct ld_pair_cols pc = { 2, { csv_table_col(&t, "learner_id"),
					 csv_table_col(&t, "goal_id") }, { REF_LEARNER, REF_GOAL },
				   { NULL, NULL } };
	int cs = csv_table_col(&t, "score");
	for (int r = 0; r < t.n_rows; r++) {
		struct ld_pair key;
		bool known_ids = ld_read_pair(ld, &t, r, &pc, &key);
		int s, l = key.id[0], g = key.id[1];
		if (!ld_score(ld, &t, r, cs, &s) || !known_ids)
			continue;
		int *slot = &p->score[(long)l * p->n_goals + g];
		if (*slot >= 0)
			ld_err(ld, t.name, t.line[r], "learner '%s' has two scores for goal '%s'",
			       p->learners[l].id, p->goals[g].id);
		*slot = s;
	}
out:
	csv_table_release(&t);
}

/* ---- needs.csv ---- */

/* By learner, then file order (derived needs, line 0: goal order). */
static int cmp_need(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->goal > y->goal) - (x->goal < y->goal);
}

/* A needs.csv row: its (learner, goal) key and the need it gives. */
struct need_row {
	struct ld_pair key;
	struct need nd;
};

/* A (learner, goal) pair twice is an error. */
static void need_repeated(struct loader *ld, const char *file, const void *again,
			  const void *first)
{
	const struct need_row *x = again, *y = first;
	ld_err(ld, file, x->key.line, "learner '%s' needs goal '%s' twice (first on line %ld): "
	       "merge the rows", ld->p->learners[x->nd.learner].id, ld->p->goals[x->nd.goal].id,
	       y->key.line);
}

enum { N_LEARNER, N_GOAL, N_PRIORITY, N_SESSIONS, N_WEIGHT };

/* The rows of needs.csv into p->needs; false when its header is unusable. */
static bool read_needs(struct loader *ld, struct csv_table *t, size_t *alloc)
{
	static const char *const known[] = { "learner_id", "goal_id", "priority", "sessions",
					     "weight", NULL };
	static const char *const req[] = { "learner_id", "goal_id", NULL };
	struct problem *p = ld->p;
	csv_table_warn_unknown(t, known, ld->d);
	if (csv_table_require(t, req, ld->d))
		return false;
	int c[5];
	ld_cols(t, known, c);
	struct ld_pair_cols pc = { 2, { c[N_LEARNER], c[N_GOAL] }, { REF_LEARNER, REF_GOAL },
				   { NULL, NULL } };
	struct need_row *rows = xmalloc(sizeof(*rows) * (size_t)(t->n_rows + 1));
	int n = 0;
	for (int r = 0; r < t->n_rows; r++) {
		struct ld_pair key;
		bool known_ids = ld_read_pair(ld, t, r, &pc, &key);
		int l = key.id[0], g = key.id[1];
		struct need nd = { .learner = l, .goal = g, .priority = 3, .sessions = 1,
				   .ready = true, .line = (int)t->line[r] };
		bool ok = ld_int(ld, t, r, c[N_PRIORITY], "priority", 1, PRIORITY_LEVELS, 3,
				 &nd.priority);
		ok &= ld_int(ld, t, r, c[N_SESSIONS], "sessions", 1, 1000,
			     g >= 0 ? p->goals[g].sessions : 1, &nd.sessions);
		nd.has_weight = c[N_WEIGHT] >= 0 && *ld_cell(t, r, c[N_WEIGHT]);
		if (nd.has_weight)
			ok &= ld_double(ld, t, r, c[N_WEIGHT], "weight", 0.0, 1e6, &nd.weight);
		if (!ok || !known_ids)
			continue;
		rows[n++] = (struct need_row){ key, nd };
	}
	int kept = ld_drop_repeated(ld, t->name, rows, n, sizeof(*rows), need_repeated);
	xgrow((void **)&p->needs, alloc, (size_t)p->n_needs + (size_t)kept + 1, sizeof(*p->needs));
	for (int i = 0; i < kept; i++)
		p->needs[p->n_needs++] = rows[i].nd;
	free(rows);
	return true;
}

void load_needs(struct loader *ld, bool required)
{
	struct problem *p = ld->p;
	size_t alloc = 0;
	struct csv_table t;
	bool derive = p->config.needs == NEEDS_DERIVE;
	int rc = csv_table_read(&t, ld->dir, "needs.csv", required && !derive, ld->d);
	if (rc > 0 && derive)
		diag_warning(ld->d, t.name, 0, "needs = derive is ignored because needs.csv exists: "
			     "its needs are used (remove the file to derive the needs)");
	if (rc == 0 && derive)
		readiness_derive_needs(p, &alloc);
	if (rc <= 0 || read_needs(ld, &t, &alloc)) {
		if (p->n_needs > 0)
			qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need);
		readiness_mark_needs(p, ld->have_progress);
	}
	p->need_start = ld_group_starts(p->n_learners, p->needs, p->n_needs, sizeof(*p->needs),
					offsetof(struct need, learner));
	csv_table_release(&t);
}

/* ---- choices.csv ---- */

/* A choices.csv row: its (learner, seminar) key and the choice it gives. */
struct choice_row {
	struct ld_pair key;
	struct choice c;
};

/* By learner, then rank; equal ranks in file order. */
static int cmp_choice(const void *a, const void *b)
{
	const struct choice_row *x = a, *y = b;
	if (x->c.learner != y->c.learner)
		return x->c.learner < y->c.learner ? -1 : 1;
	if (x->c.rank != y->c.rank)
		return x->c.rank < y->c.rank ? -1 : 1;
	return (x->key.line > y->key.line) - (x->key.line < y->key.line);
}

/* A learner choosing one seminar twice is an error. */
static void choice_repeated(struct loader *ld, const char *file, const void *again,
			    const void *first)
{
	const struct choice_row *x = again, *y = first;
	ld_err(ld, file, x->key.line, "learner '%s' chooses seminar '%s' twice (first on line "
	       "%ld): keep one row", ld->p->learners[x->c.learner].id,
	       ld->p->seminars[x->c.seminar].id, y->key.line);
}

void load_choices(struct loader *ld, bool required)
{
	static const char *const known[] = { "learner_id", "seminar_id", "rank", NULL };
	struct problem *p = ld->p;
	/* history.csv: a seminar taken is not offered again; a required one
	 * not taken scores weights.required more */
	bool *taken = history_read(p, ld->dir, !ld_is_broken(ld, "learners.csv"),
				   !ld_is_broken(ld, "seminars.csv"), ld->d);
	struct csv_table t;
	if (!ld_open_table(ld, &t, "choices.csv", required, known, known))
		goto out;
	struct ld_pair_cols pc = { 2, { csv_table_col(&t, "learner_id"),
					 csv_table_col(&t, "seminar_id") },
				   { REF_LEARNER, REF_SEMINAR }, { NULL, NULL } };
	int cr = csv_table_col(&t, "rank");
	struct choice_row *rows = xmalloc(sizeof(*rows) * (size_t)(t.n_rows + 1));
	int n = 0;
	for (int r = 0; r < t.n_rows; r++) {
		struct choice_row row;
		bool known_ids = ld_read_pair(ld, &t, r, &pc, &row.key);
		int l = row.key.id[0], s = row.key.id[1];
		row.c = (struct choice){ .learner = l, .seminar = s, .rank = 1 };
		if (!ld_int(ld, &t, r, cr, "rank", 1, 1000, 0, &row.c.rank) || !known_ids)
			continue;
		bool was_taken = taken[(size_t)l * (size_t)p->n_seminars + (size_t)s];
		row.c.eligible = !was_taken && readiness_choice_eligible(p, l, s, ld->have_progress);
		row.c.required_bonus = p->seminars[s].required && !was_taken;
		rows[n++] = row;
	}
	int kept = ld_drop_repeated(ld, t.name, rows, n, sizeof(*rows), choice_repeated);
	if (kept > 0)
		qsort(rows, (size_t)kept, sizeof(*rows), cmp_choice);
	p->choices = xmalloc(sizeof(*p->choices) * (size_t)(kept + 1));
	for (int i = 0; i < kept; i++)
		p->choices[i] = rows[i].c;
	p->n_choices = kept;
	free(rows);
out:
	p->choice_start = ld_group_starts(p->n_learners, p->choices, p->n_choices,
					  sizeof(*p->choices), offsetof(struct choice, learner));
	csv_table_release(&t);
	free(taken);
}

/* ---- expertise.csv ---- */

static void raise_level(unsigned char *slot, unsigned char level)
{
	if (*slot < level)
		*slot = level;
}

/* An `area:NAME` offering: level for every goal of the area; false (the
 * error recorded) when no goal has that area.  area_goals[area_start[a] ..]
 * are area a's goals. */
static bool offer_area(struct loader *ld, const struct csv_table *t, int r, int f,
		       const char *area, unsigned char level, const int *area_start,
		       const int *area_goals)
{
	struct problem *p = ld->p;
	int a = ld_names_find(&ld->areas, area);
	if (a < 0 || area_start[a] == area_start[a + 1]) {
		ld_err(ld, t->name, t->line[r], "unknown area '%.64s' in 'offering': no goal in "
		       "goals.csv has that area", area);
		return false;
	}
	for (int i = area_start[a]; f >= 0 && i < area_start[a + 1]; i++)
		raise_level(&p->goal_level[(long)f * p->n_goals + area_goals[i]], level);
	return true;
}

/* One row: facilitator f offers a goal, a seminar or a whole area. */
static void expertise_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
			  const int *area_start, const int *area_goals)
{
	struct problem *p = ld->p;
	int f = ld_ref(ld, t, r, REF_FACILITATOR, ld_cell(t, r, c[0]), NULL);
	const char *lv = ld_cell(t, r, c[2]);
	unsigned char level = LEVEL_ABLE;
	if (!strcmp(lv, "guru"))
		level = LEVEL_GURU;
	else if (*lv && strcmp(lv, "able"))
		ld_err(ld, t->name, t->line[r], "bad level '%.40s': want guru or able", lv);
	const char *off = ld_cell(t, r, c[1]);
	if (!strncmp(off, "area:", 5)) {
		offer_area(ld, t, r, f, off + 5, level, area_start, area_goals);
		return;
	}
	int g = problem_find_goal(p, off), s = problem_find_seminar(p, off);
	if (g < 0 && s < 0) {
		ld_err(ld, t->name, t->line[r], "unknown offering '%.64s': use a goal_id, a "
		       "seminar_id or area:NAME", off);
		return;
	}
	if (f >= 0 && g >= 0)
		raise_level(&p->goal_level[(long)f * p->n_goals + g], level);
	if (f >= 0 && s >= 0)
		raise_level(&p->seminar_level[(long)f * p->n_seminars + s], level);
}

void load_expertise(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "offering", "level", NULL };
	static const char *const req[] = { "facilitator_id", "offering", NULL };
	struct problem *p = ld->p;
	p->goal_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_goals + 1, 1);
	p->seminar_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_seminars + 1, 1);
	/* the goals of each area: area_goals[area_start[a] ..] */
	int *area_start = ld_group_starts(p->n_areas, p->goals, p->n_goals, sizeof(*p->goals),
					  offsetof(struct goal, area));
	int *area_goals = xmalloc(sizeof(int) * (size_t)(p->n_goals + 1));
	int *fill = xmalloc(sizeof(int) * (size_t)(p->n_areas + 1));
	memcpy(fill, area_start, sizeof(int) * (size_t)p->n_areas);
	for (int g = 0; g < p->n_goals; g++)
		area_goals[fill[p->goals[g].area]++] = g;
	free(fill);
	struct csv_table t;
	if (ld_open_table(ld, &t, "expertise.csv", true, known, req)) {
		int c[3];
		ld_cols(&t, known, c);
		for (int r = 0; r < t.n_rows; r++)
			expertise_row(ld, &t, r, c, area_start, area_goals);
	}
	free(area_start);
	free(area_goals);
	csv_table_release(&t);
}
