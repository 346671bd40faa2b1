/*
 * load_relations.c - the scenario files that relate entities read before:
 * progress.csv (scores), needs.csv (or the needs derived from progress),
 * choices.csv (with history.csv: seminars taken) and expertise.csv.  A pair
 * given twice is found by sorting, never by comparing every row with every
 * other.
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
	int cl = csv_table_col(&t, "learner_id"), cg = csv_table_col(&t, "goal_id"),
	    cs = csv_table_col(&t, "score");
	for (int r = 0; r < t.n_rows; r++) {
		int l = ld_ref(ld, &t, r, REF_LEARNER, ld_cell(&t, r, cl), NULL);
		int g = ld_ref(ld, &t, r, REF_GOAL, ld_cell(&t, r, cg), NULL);
		int s;
		if (!ld_score(ld, &t, r, cs, &s) || l < 0 || g < 0)
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

static int cmp_need_pair(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->goal != y->goal)
		return x->goal < y->goal ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

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

/* A (learner, goal) pair twice is an error: neighbours once sorted by pair. */
static void drop_repeated_needs(struct loader *ld, const char *file)
{
	struct problem *p = ld->p;
	if (p->n_needs > 0)
		qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need_pair);
	int kept = 0;
	for (int q = 0; q < p->n_needs; q++) {
		struct need *prev = kept ? &p->needs[kept - 1] : NULL;
		if (prev && prev->learner == p->needs[q].learner && prev->goal == p->needs[q].goal) {
			ld_err(ld, file, p->needs[q].line, "learner '%s' needs goal '%s' twice "
			       "(first on line %d): merge the rows",
			       p->learners[p->needs[q].learner].id, p->goals[p->needs[q].goal].id,
			       prev->line);
			continue;
		}
		p->needs[kept++] = p->needs[q];
	}
	p->n_needs = kept;
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
	for (int r = 0; r < t->n_rows; r++) {
		int l = ld_ref(ld, t, r, REF_LEARNER, ld_cell(t, r, c[N_LEARNER]), NULL);
		int g = ld_ref(ld, t, r, REF_GOAL, ld_cell(t, r, c[N_GOAL]), NULL);
		struct need nd = { .learner = l, .goal = g, .priority = 3, .sessions = 1,
				   .ready = true, .line = (int)t->line[r] };
		bool ok = ld_int(ld, t, r, c[N_PRIORITY], "priority", 1, PRIORITY_LEVELS, 3,
				 &nd.priority);
		ok &= ld_int(ld, t, r, c[N_SESSIONS], "sessions", 1, 1000,
			     g >= 0 ? p->goals[g].sessions : 1, &nd.sessions);
		nd.has_weight = c[N_WEIGHT] >= 0 && *ld_cell(t, r, c[N_WEIGHT]);
		if (nd.has_weight)
			ok &= ld_double(ld, t, r, c[N_WEIGHT], "weight", 0.0, 1e6, &nd.weight);
		if (!ok || l < 0 || g < 0)
			continue;
		xgrow((void **)&p->needs, alloc, (size_t)p->n_needs + 1, sizeof(*p->needs));
		p->needs[p->n_needs++] = nd;
	}
	drop_repeated_needs(ld, t->name);
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

struct choice_row {
	struct choice c;
	long line;
};

static int cmp_choice_pair(const void *a, const void *b)
{
	const struct choice_row *x = a, *y = b;
	if (x->c.learner != y->c.learner)
		return x->c.learner < y->c.learner ? -1 : 1;
	if (x->c.seminar != y->c.seminar)
		return x->c.seminar < y->c.seminar ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* By learner, then rank; equal ranks in file order. */
static int cmp_choice(const void *a, const void *b)
{
	const struct choice_row *x = a, *y = b;
	if (x->c.learner != y->c.learner)
		return x->c.learner < y->c.learner ? -1 : 1;
	if (x->c.rank != y->c.rank)
		return x->c.rank < y->c.rank ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* A learner choosing one seminar twice is an error: neighbours once sorted
 * by pair.  Returns how many rows are kept, sorted by learner and rank. */
static int drop_repeated_choices(struct loader *ld, const char *file, struct choice_row *rows,
				 int n)
{
	const struct problem *p = ld->p;
	if (n > 0)
		qsort(rows, (size_t)n, sizeof(*rows), cmp_choice_pair);
	int kept = 0;
	for (int i = 0; i < n; i++) {
		if (kept && rows[kept - 1].c.learner == rows[i].c.learner &&
		    rows[kept - 1].c.seminar == rows[i].c.seminar) {
			ld_err(ld, file, rows[i].line, "learner '%s' chooses seminar '%s' twice "
			       "(first on line %ld): keep one row", p->learners[rows[i].c.learner].id,
			       p->seminars[rows[i].c.seminar].id, rows[kept - 1].line);
			continue;
		}
		rows[kept++] = rows[i];
	}
	if (kept > 0)
		qsort(rows, (size_t)kept, sizeof(*rows), cmp_choice);
	return kept;
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
	int cl = csv_table_col(&t, "learner_id"), cs = csv_table_col(&t, "seminar_id"),
	    cr = csv_table_col(&t, "rank");
	struct choice_row *rows = xmalloc(sizeof(*rows) * (size_t)(t.n_rows + 1));
	int n = 0;
	for (int r = 0; r < t.n_rows; r++) {
		int l = ld_ref(ld, &t, r, REF_LEARNER, ld_cell(&t, r, cl), NULL);
		int s = ld_ref(ld, &t, r, REF_SEMINAR, ld_cell(&t, r, cs), NULL);
		struct choice_row row = { { .learner = l, .seminar = s, .rank = 1 }, t.line[r] };
		if (!ld_int(ld, &t, r, cr, "rank", 1, 1000, 0, &row.c.rank) || l < 0 || s < 0)
			continue;
		bool was_taken = taken[(size_t)l * (size_t)p->n_seminars + (size_t)s];
		row.c.eligible = !was_taken && readiness_choice_eligible(p, l, s, ld->have_progress);
		row.c.required_bonus = p->seminars[s].required && !was_taken;
		rows[n++] = row;
	}
	int kept = drop_repeated_choices(ld, t.name, rows, n);
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
