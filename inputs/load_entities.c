/*
 * load_entities.c - the scenario files of entities with unique ids:
 * blocks.csv, learners.csv, facilitators.csv, rooms.csv, goals.csv and
 * seminars.csv.  Each is read by ld_load_entities (loader.c); here is only
 * what one row of each means.
 */
#define _POSIX_C_SOURCE 200809L
#include "loader.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- blocks.csv ---- */

/* A warning for each pair of blocks of one day whose times overlap: a
 * learner seated in both would have to be in two places at once, which
 * usually means a typing slip in start or end.  lines[b]: block b's row. */
static void warn_overlapping_blocks(struct loader *ld, const long *lines)
{
	const struct problem *p = ld->p;
	for (int b = 0; b < p->n_blocks; b++) {
		const struct block *x = &p->blocks[b];
		if (x->start < 0 || x->end <= x->start)
			continue;
		for (int a = 0; a < b; a++) {
			const struct block *y = &p->blocks[a];
			if (y->start < 0 || y->end <= y->start || strcmp(x->day, y->day) ||
			    x->start >= y->end || y->start >= x->end)
				continue;
			diag_warning(ld->d, "blocks.csv", lines[b], "block '%s' (%02d:%02d-%02d:%02d) "
				     "overlaps block '%s' (%02d:%02d-%02d:%02d, line %ld) on '%s': "
				     "check their start and end", x->id, x->start / 60, x->start % 60,
				     x->end / 60, x->end % 60, y->id, y->start / 60, y->start % 60,
				     y->end / 60, y->end % 60, lines[a], x->day);
		}
	}
}

enum { B_ID, B_DAY, B_START, B_END, B_KIND, B_AREAS };

static void block_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
		      void *e, const char *id)
{
	struct block *b = e;
	b->day = xstrdup(ld_cell(t, r, c[B_DAY]));
	if (!*b->day)
		ld_err(ld, t->name, t->line[r], "empty 'day' for block '%s'", id);
	b->start = ld_time(ld, t, r, c[B_START], "start");
	b->end = ld_time(ld, t, r, c[B_END], "end");
	if (b->start >= 0 && b->end >= 0 && b->end <= b->start)
		ld_err(ld, t->name, t->line[r], "block '%s' ends (%s) before it starts (%s)",
		       id, ld_cell(t, r, c[B_END]), ld_cell(t, r, c[B_START]));
	const char *kind = ld_cell(t, r, c[B_KIND]);
	if (!strcmp(kind, "workshop"))
		b->kind = BLOCK_WORKSHOP;
	else if (!strcmp(kind, "seminar"))
		b->kind = BLOCK_SEMINAR;
	else
		ld_err(ld, t->name, t->line[r], "bad kind '%.40s': want workshop or seminar", kind);
	b->areas = ld_intern_list(&ld->areas, ld_cell(t, r, c[B_AREAS]), &b->n_areas);
	if (b->n_areas && b->kind == BLOCK_SEMINAR)
		diag_warning(ld->d, t->name, t->line[r], "'areas' of seminar block '%s' is ignored",
			     id);
}

void load_blocks(struct loader *ld)
{
	static const char *const known[] = { "block_id", "day", "start", "end", "kind", "areas",
					     NULL };
	static const char *const req[] = { "block_id", "day", "start", "end", "kind", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"blocks.csv", true, known, req,
		"no blocks: list the cycle's time blocks, one a row",
		sizeof(*p->blocks), (void **)&p->blocks, &p->n_blocks, &p->sorted_blocks, block_row
	};
	ld->block_lines = ld_load_entities(ld, &ef);
	if (ld->block_lines)
		warn_overlapping_blocks(ld, ld->block_lines);
}

/* ---- learners.csv, facilitators.csv, rooms.csv ---- */

enum { L_ID, L_NAME, L_AGE, L_COACH, L_UNAVAILABLE };

static void learner_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
			void *e, const char *id)
{
	(void)id;
	struct learner *l = e;
	l->name = xstrdup(ld_cell(t, r, c[L_NAME]));
	l->coach_id = xstrdup(ld_cell(t, r, c[L_COACH]));
	l->age = -1;
	if (*ld_cell(t, r, c[L_AGE]))
		ld_int(ld, t, r, c[L_AGE], "age", 0, 150, -1, &l->age);
	l->unavailable = ld_unavailable(ld, t, r, c[L_UNAVAILABLE]);
}

void load_learners(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "name", "age", "coach_id",
					     "unavailable", NULL };
	static const char *const req[] = { "learner_id", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"learners.csv", true, known, req, "no learners: list the learners, one a row",
		sizeof(*p->learners), (void **)&p->learners, &p->n_learners, &p->sorted_learners,
		learner_row
	};
	free(ld_load_entities(ld, &ef));
}

enum { F_ID, F_NAME, F_MAX_SESSIONS, F_UNAVAILABLE };

static void facilitator_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
			    void *e, const char *id)
{
	(void)id;
	struct facilitator *f = e;
	int n_blocks = ld->p->n_blocks;
	f->name = xstrdup(ld_cell(t, r, c[F_NAME]));
	f->max_sessions = n_blocks;
	ld_int(ld, t, r, c[F_MAX_SESSIONS], "max_sessions", 0, 100000, n_blocks,
	       &f->max_sessions);
	f->unavailable = ld_unavailable(ld, t, r, c[F_UNAVAILABLE]);
}

void load_facilitators(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "name", "max_sessions",
					     "unavailable", NULL };
	static const char *const req[] = { "facilitator_id", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"facilitators.csv", true, known, req,
		"no facilitators: list the facilitators, one a row", sizeof(*p->facilitators),
		(void **)&p->facilitators, &p->n_facilitators, &p->sorted_facilitators,
		facilitator_row
	};
	free(ld_load_entities(ld, &ef));
}

enum { R_ID, R_NAME, R_CAPACITY, R_FEATURES, R_UNAVAILABLE };

static void room_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
		     void *e, const char *id)
{
	(void)id;
	struct room *rm = e;
	rm->name = xstrdup(ld_cell(t, r, c[R_NAME]));
	rm->capacity = 1;
	ld_int(ld, t, r, c[R_CAPACITY], "capacity", 1, 100000, 0, &rm->capacity);
	rm->features = ld_intern_list(&ld->features, ld_cell(t, r, c[R_FEATURES]),
				      &rm->n_features);
	rm->unavailable = ld_unavailable(ld, t, r, c[R_UNAVAILABLE]);
}

void load_rooms(struct loader *ld)
{
	static const char *const known[] = { "room_id", "name", "capacity", "features",
					     "unavailable", NULL };
	static const char *const req[] = { "room_id", "capacity", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"rooms.csv", true, known, req, "no rooms: list the rooms, one a row",
		sizeof(*p->rooms), (void **)&p->rooms, &p->n_rooms, &p->sorted_rooms, room_row
	};
	free(ld_load_entities(ld, &ef));
}

/* ---- goals.csv ---- */

enum { G_ID, G_TITLE, G_AREA, G_MODE, G_MIN, G_MAX, G_SESSIONS, G_FEATURE };

/* A named feature's index, or -1 for an empty cell. */
static int feature_of(struct loader *ld, const char *v)
{
	return *v ? ld_intern(&ld->features, v) : -1;
}

static void goal_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
		     void *e, const char *id)
{
	struct goal *g = e;
	g->title = xstrdup(ld_cell(t, r, c[G_TITLE]));
	const char *area = ld_cell(t, r, c[G_AREA]);
	if (!*area)
		ld_err(ld, t->name, t->line[r], "empty 'area' for goal '%s'", id);
	g->area = ld_intern(&ld->areas, area);
	const char *mode = ld_cell(t, r, c[G_MODE]);
	if (!*mode || !strcmp(mode, "facilitated"))
		g->mode = GOAL_FACILITATED;
	else if (!strcmp(mode, "online"))
		g->mode = GOAL_ONLINE;
	else
		ld_err(ld, t->name, t->line[r], "bad mode '%.40s': want facilitated or online",
		       mode);
	g->min_group = 1;
	g->max_group = 25;
	g->sessions = 1;
	ld_int(ld, t, r, c[G_MIN], "min_group", 1, 100000, 1, &g->min_group);
	ld_int(ld, t, r, c[G_MAX], "max_group", 1, 100000, 25, &g->max_group);
	ld_int(ld, t, r, c[G_SESSIONS], "sessions", 1, 1000, 1, &g->sessions);
	if (g->min_group > g->max_group)
		ld_err(ld, t->name, t->line[r], "goal '%s': min_group %d is above max_group %d",
		       id, g->min_group, g->max_group);
	g->feature = feature_of(ld, ld_cell(t, r, c[G_FEATURE]));
}

void load_goals(struct loader *ld, bool required)
{
	static const char *const known[] = { "goal_id", "title", "area", "mode", "min_group",
					     "max_group", "sessions", "feature", NULL };
	static const char *const req[] = { "goal_id", "area", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"goals.csv", required, known, req, NULL, sizeof(*p->goals), (void **)&p->goals,
		&p->n_goals, &p->sorted_goals, goal_row
	};
	ld->goal_lines = ld_load_entities(ld, &ef);
	ld->have_goals = ld->goal_lines != NULL;
}

/* ---- seminars.csv ---- */

enum { S_ID, S_TITLE, S_MEETINGS, S_MIN, S_MAX, S_REQUIRES, S_AGE_MIN, S_AGE_MAX, S_FEATURE,
       S_SECTIONS, S_REQUIRED };

/* The goals a seminar requires (a `;` list of goal ids). */
static void seminar_requires(struct loader *ld, const struct csv_table *t, int r, int c,
			     struct seminar *s)
{
	char **items;
	int n = csv_split_list(ld_cell(t, r, c), &items);
	s->requires = xmalloc(sizeof(int) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		int g = ld_ref(ld, t, r, REF_GOAL, items[i], "requires");
		if (g >= 0)
			s->requires[s->n_requires++] = g;
		free(items[i]);
	}
	free(items);
}

static void seminar_row(struct loader *ld, const struct csv_table *t, int r, const int *c,
			void *e, const char *id)
{
	struct seminar *s = e;
	s->title = xstrdup(ld_cell(t, r, c[S_TITLE]));
	s->meetings = s->min_size = s->max_size = s->sections = 1;
	s->age_min = s->age_max = -1;
	ld_int(ld, t, r, c[S_MEETINGS], "meetings", 1, 1000, 0, &s->meetings);
	ld_int(ld, t, r, c[S_MIN], "min_size", 1, 100000, 1, &s->min_size);
	ld_int(ld, t, r, c[S_MAX], "max_size", 1, 100000, 0, &s->max_size);
	ld_int(ld, t, r, c[S_SECTIONS], "sections", 1, 1000, 1, &s->sections);
	if (*ld_cell(t, r, c[S_AGE_MIN]))
		ld_int(ld, t, r, c[S_AGE_MIN], "age_min", 0, 150, 0, &s->age_min);
	if (*ld_cell(t, r, c[S_AGE_MAX]))
		ld_int(ld, t, r, c[S_AGE_MAX], "age_max", 0, 150, 0, &s->age_max);
	if (s->min_size > s->max_size)
		ld_err(ld, t->name, t->line[r], "seminar '%s': min_size %d is above max_size %d",
		       id, s->min_size, s->max_size);
	if (s->age_min >= 0 && s->age_max >= 0 && s->age_min > s->age_max)
		ld_err(ld, t->name, t->line[r], "seminar '%s': age_min %d is above age_max %d",
		       id, s->age_min, s->age_max);
	seminar_requires(ld, t, r, c[S_REQUIRES], s);
	s->feature = feature_of(ld, ld_cell(t, r, c[S_FEATURE]));
	const char *req_cell = ld_cell(t, r, c[S_REQUIRED]);
	s->required = !strcasecmp(req_cell, "yes");
	if (*req_cell && !s->required && strcasecmp(req_cell, "no"))
		ld_err(ld, t->name, t->line[r], "bad required '%.40s': want yes or no", req_cell);
}

void load_seminars(struct loader *ld, bool required)
{
	static const char *const known[] = { "seminar_id", "title", "meetings", "min_size",
					     "max_size", "requires", "age_min", "age_max",
					     "feature", "sections", "required", NULL };
	static const char *const req[] = { "seminar_id", "meetings", "max_size", NULL };
	struct problem *p = ld->p;
	const struct entity_file ef = {
		"seminars.csv", required, known, req, NULL, sizeof(*p->seminars),
		(void **)&p->seminars, &p->n_seminars, &p->sorted_seminars, seminar_row
	};
	ld->seminar_lines = ld_load_entities(ld, &ef);
}
