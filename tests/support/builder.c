/*
 * builder.c - in-memory problems for unit tests (see builder.h).
 *
 * Entities are kept in fixed-size tables (tests are small); availability
 * and levels are recorded as lists and applied when the problem is built,
 * because the dense arrays need the final counts.
 */
#include "builder.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include <stdio.h>

#define TB_MAX 256

struct pair {
	int a, b, c;
};

struct builder {
	struct problem *p;
	struct pair unavail_l[TB_MAX], unavail_f[TB_MAX], unavail_r[TB_MAX], levels[TB_MAX];
	int n_unavail_l, n_unavail_f, n_unavail_r, n_levels;
	int max_sessions[TB_MAX];
	char *room_feature[TB_MAX];
	char *goal_feature[TB_MAX];
	struct pair seminar_levels[TB_MAX];
	int n_seminar_levels;
	char *seminar_feature[TB_MAX];
};

struct builder *tb_new(void)
{
	struct builder *tb = xcalloc(1, sizeof(*tb));
	struct problem *p = tb->p = xcalloc(1, sizeof(*p));
	p->blocks = xcalloc(TB_MAX, sizeof(*p->blocks));
	p->learners = xcalloc(TB_MAX, sizeof(*p->learners));
	p->facilitators = xcalloc(TB_MAX, sizeof(*p->facilitators));
	p->rooms = xcalloc(TB_MAX, sizeof(*p->rooms));
	p->goals = xcalloc(TB_MAX, sizeof(*p->goals));
	p->needs = xcalloc(TB_MAX * 8, sizeof(*p->needs));
	p->seminars = xcalloc(TB_MAX, sizeof(*p->seminars));
	p->choices = xcalloc(TB_MAX * 8, sizeof(*p->choices));
	struct config *c = &p->config;
	c->name = xstrdup("test");
	c->model = MODEL_WORKSHOP;
	c->mastery = 3.0;
	c->mastery_units = 30000;
	c->needs = NEEDS_FILE;
	c->seminars_per_learner = 1;
	c->lab_max_group = 40;
	double pw[PRIORITY_LEVELS] = { 100, 60, 35, 20, 10 };
	memcpy(c->w_priority, pw, sizeof(pw));
	c->n_choice = 5;
	c->w_choice = xmalloc(5 * sizeof(double));
	double cw[5] = { 50, 30, 15, 8, 4 };
	memcpy(c->w_choice, cw, sizeof(cw));
	c->w_guru = 5;
	c->w_power_goal = 200;
	c->time_limit = 20;
	c->gap = 0.0001;
	c->seed = 1;
	c->out_dir = xstrdup("out");
	c->lab_feature = xstrdup("");
	c->w_daily = 40;
	c->w_keep = 10;
	p->dir = xstrdup("test");
	p->n_areas = 1;
	p->areas = xmalloc(sizeof(char *));
	p->areas[0] = xstrdup("A");
	for (int i = 0; i < TB_MAX; i++)
		tb->max_sessions[i] = -1;
	return tb;
}

int tb_block(struct builder *tb, const char *id, enum block_kind kind)
{
	struct problem *p = tb->p;
	assert(p->n_blocks < TB_MAX);
	struct block *b = &p->blocks[p->n_blocks];
	b->id = xstrdup(id);
	b->day = xstrdup("Mon");
	b->start = 8 * 60 + 60 * p->n_blocks;
	b->end = b->start + 50;
	b->kind = kind;
	return p->n_blocks++;
}

void tb_block_day(struct builder *tb, int b, const char *day)
{
	free(tb->p->blocks[b].day);
	tb->p->blocks[b].day = xstrdup(day);
}

int tb_learner(struct builder *tb, const char *id)
{
	struct problem *p = tb->p;
	assert(p->n_learners < TB_MAX);
	struct learner *l = &p->learners[p->n_learners];
	l->id = xstrdup(id);
	l->name = xstrdup("");
	l->coach_id = xstrdup("");
	l->age = -1;
	return p->n_learners++;
}

int tb_learner_numbered(struct builder *tb, int i)
{
	char id[16];
	snprintf(id, sizeof(id), "L%d", i);
	return tb_learner(tb, id);
}

int tb_facilitator(struct builder *tb, const char *id)
{
	struct problem *p = tb->p;
	assert(p->n_facilitators < TB_MAX);
	struct facilitator *f = &p->facilitators[p->n_facilitators];
	f->id = xstrdup(id);
	f->name = xstrdup("");
	return p->n_facilitators++;
}

int tb_room(struct builder *tb, const char *id, int capacity, const char *feature)
{
	struct problem *p = tb->p;
	assert(p->n_rooms < TB_MAX);
	struct room *r = &p->rooms[p->n_rooms];
	r->id = xstrdup(id);
	r->name = xstrdup("");
	r->capacity = capacity;
	tb->room_feature[p->n_rooms] = feature ? xstrdup(feature) : NULL;
	return p->n_rooms++;
}

int tb_goal(struct builder *tb, const char *id, int min_group, int max_group, int sessions)
{
	struct problem *p = tb->p;
	assert(p->n_goals < TB_MAX);
	struct goal *g = &p->goals[p->n_goals];
	g->id = xstrdup(id);
	g->title = xstrdup("");
	g->area = 0;
	g->mode = GOAL_FACILITATED;
	g->min_group = min_group;
	g->max_group = max_group;
	g->sessions = sessions;
	g->feature = -1;
	return p->n_goals++;
}

void tb_goal_online(struct builder *tb, int g)
{
	tb->p->goals[g].mode = GOAL_ONLINE;
}

void tb_goal_feature(struct builder *tb, int g, const char *feature)
{
	tb->goal_feature[g] = xstrdup(feature);
}

static void add_need(struct builder *tb, int l, int g, int priority, int sessions, bool ready)
{
	struct problem *p = tb->p;
	assert(p->n_needs < TB_MAX * 8);
	p->needs[p->n_needs] = (struct need){ .learner = l, .goal = g, .priority = priority,
					       .sessions = sessions, .ready = ready,
					       .line = p->n_needs + 2 };
	p->n_needs++;
}

void tb_need(struct builder *tb, int l, int g, int priority, int sessions)
{
	add_need(tb, l, g, priority, sessions, true);
}

void tb_need_not_ready(struct builder *tb, int l, int g, int priority, int sessions)
{
	add_need(tb, l, g, priority, sessions, false);
}

static void push(struct pair *list, int *n, int a, int b, int c)
{
	assert(*n < TB_MAX);
	list[(*n)++] = (struct pair){ a, b, c };
}

void tb_level(struct builder *tb, int f, int g, enum level level)
{
	push(tb->levels, &tb->n_levels, f, g, level);
}

void tb_learner_unavailable(struct builder *tb, int l, int b)
{
	push(tb->unavail_l, &tb->n_unavail_l, l, b, 0);
}

void tb_facilitator_unavailable(struct builder *tb, int f, int b)
{
	push(tb->unavail_f, &tb->n_unavail_f, f, b, 0);
}

void tb_facilitator_max(struct builder *tb, int f, int max_sessions)
{
	tb->max_sessions[f] = max_sessions;
}

void tb_room_unavailable(struct builder *tb, int r, int b)
{
	push(tb->unavail_r, &tb->n_unavail_r, r, b, 0);
}

void tb_model(struct builder *tb, enum model_kind model)
{
	tb->p->config.model = model;
}

static int intern(struct problem *p, const char *name)
{
	for (int i = 0; i < p->n_features; i++)
		if (!strcmp(p->features[i], name))
			return i;
	p->features = xrealloc(p->features, sizeof(char *) * (size_t)(p->n_features + 1));
	p->features[p->n_features] = xstrdup(name);
	return p->n_features++;
}

static int cmp_need(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner - y->learner;
	return x->line - y->line;
}

static int cmp_choice(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner - y->learner;
	return x->rank - y->rank;
}

int tb_area(struct builder *tb, const char *name)
{
	struct problem *p = tb->p;
	for (int i = 0; i < p->n_areas; i++)
		if (!strcmp(p->areas[i], name))
			return i;
	p->areas = xrealloc(p->areas, sizeof(char *) * (size_t)(p->n_areas + 1));
	p->areas[p->n_areas] = xstrdup(name);
	return p->n_areas++;
}

void tb_goal_area(struct builder *tb, int g, int area)
{
	tb->p->goals[g].area = area;
}

void tb_block_area(struct builder *tb, int b, int area)
{
	struct block *blk = &tb->p->blocks[b];
	blk->areas = xrealloc(blk->areas, sizeof(int) * (size_t)(blk->n_areas + 1));
	blk->areas[blk->n_areas++] = area;
}

int tb_seminar(struct builder *tb, const char *id, int meetings, int min_size, int max_size)
{
	struct problem *p = tb->p;
	assert(p->n_seminars < TB_MAX);
	struct seminar *s = &p->seminars[p->n_seminars];
	s->id = xstrdup(id);
	s->title = xstrdup("");
	s->meetings = meetings;
	s->min_size = min_size;
	s->max_size = max_size;
	s->age_min = s->age_max = -1;
	s->feature = -1;
	s->sections = 1;
	return p->n_seminars++;
}

void tb_seminar_level(struct builder *tb, int f, int s, enum level level)
{
	push(tb->seminar_levels, &tb->n_seminar_levels, f, s, level);
}

void tb_choice(struct builder *tb, int l, int s, int rank, bool eligible)
{
	struct problem *p = tb->p;
	assert(p->n_choices < TB_MAX * 8);
	p->choices[p->n_choices++] = (struct choice){ .learner = l, .seminar = s, .rank = rank,
						       .eligible = eligible };
}

struct problem *tb_finish(struct builder *tb)
{
	struct problem *p = tb->p;
	int nb = p->n_blocks;
	for (int i = 0; i < p->n_learners; i++)
		p->learners[i].unavailable = xcalloc((size_t)nb + 1, sizeof(bool));
	for (int i = 0; i < p->n_facilitators; i++) {
		p->facilitators[i].unavailable = xcalloc((size_t)nb + 1, sizeof(bool));
		p->facilitators[i].max_sessions = tb->max_sessions[i] >= 0 ? tb->max_sessions[i] : nb;
	}
	for (int i = 0; i < p->n_rooms; i++) {
		p->rooms[i].unavailable = xcalloc((size_t)nb + 1, sizeof(bool));
		if (tb->room_feature[i]) {
			p->rooms[i].features = xmalloc(sizeof(int));
			p->rooms[i].features[0] = intern(p, tb->room_feature[i]);
			p->rooms[i].n_features = 1;
			free(tb->room_feature[i]);
		}
	}
	for (int s = 0; s < p->n_seminars; s++)
		if (tb->seminar_feature[s]) {
			p->seminars[s].feature = intern(p, tb->seminar_feature[s]);
			free(tb->seminar_feature[s]);
		}
	for (int g = 0; g < p->n_goals; g++)
		if (tb->goal_feature[g]) {
			p->goals[g].feature = intern(p, tb->goal_feature[g]);
			free(tb->goal_feature[g]);
		}
	for (int i = 0; i < tb->n_unavail_l; i++)
		p->learners[tb->unavail_l[i].a].unavailable[tb->unavail_l[i].b] = true;
	for (int i = 0; i < tb->n_unavail_f; i++)
		p->facilitators[tb->unavail_f[i].a].unavailable[tb->unavail_f[i].b] = true;
	for (int i = 0; i < tb->n_unavail_r; i++)
		p->rooms[tb->unavail_r[i].a].unavailable[tb->unavail_r[i].b] = true;
	p->goal_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_goals + 1, 1);
	p->seminar_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_seminars + 1, 1);
	for (int i = 0; i < tb->n_seminar_levels; i++)
		p->seminar_level[tb->seminar_levels[i].a * p->n_seminars + tb->seminar_levels[i].b] =
			(unsigned char)tb->seminar_levels[i].c;
	for (int i = 0; i < tb->n_levels; i++)
		p->goal_level[tb->levels[i].a * p->n_goals + tb->levels[i].b] =
			(unsigned char)tb->levels[i].c;
	p->score = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)p->n_goals + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_goals; i++)
		p->score[i] = -1;
	qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need);
	p->need_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int q = 0; q < p->n_needs; q++)
		p->need_start[p->needs[q].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->need_start[l + 1] += p->need_start[l];
	qsort(p->choices, (size_t)p->n_choices, sizeof(*p->choices), cmp_choice);
	p->choice_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int c = 0; c < p->n_choices; c++)
		p->choice_start[p->choices[c].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->choice_start[l + 1] += p->choice_start[l];
	problem_index(p);
	free(tb);
	return p;
}

static int rnd(unsigned *x, int n)
{
	*x = *x * 1103515245u + 12345u;
	return (int)((*x >> 16) % (unsigned)n);
}

struct problem *tb_random_cycle(unsigned seed, int n_learners)
{
	unsigned x = seed * 2654435761u + 1;
#define RND(n) rnd(&x, (n))
	struct builder *tb = tb_new();
	int nb = 3, ng = 5, nf = 4;
	for (int b = 0; b < nb; b++) {
		char id[16];
		snprintf(id, sizeof(id), "B%d", b);
		tb_block(tb, id, BLOCK_WORKSHOP);
	}
	for (int g = 0; g < ng; g++) {
		char id[16];
		snprintf(id, sizeof(id), "G%d", g);
		int gi = tb_goal(tb, id, 1 + RND(3), 4 + RND(4), 1 + RND(2));
		if (g == ng - 1)
			tb_goal_online(tb, gi);
	}
	for (int f = 0; f < nf; f++) {
		char id[16];
		snprintf(id, sizeof(id), "F%d", f);
		tb_facilitator(tb, id);
		for (int g = 0; g < ng - 1; g++)
			if (RND(3))
				tb_level(tb, f, g, RND(2) ? LEVEL_GURU : LEVEL_ABLE);
		if (f == 0)
			tb_facilitator_max(tb, f, 2);
		char rid[16];
		snprintf(rid, sizeof(rid), "R%d", f);
		tb_room(tb, rid, 6 + RND(6), NULL);
	}
	for (int l = 0; l < n_learners; l++) {
		int li = tb_learner_numbered(tb, l);
		int first = RND(ng);
		for (int k = 0; k < 3; k++)
			tb_need(tb, li, (first + k) % ng, k == 0 ? 1 : 2 + RND(4), 1 + RND(2));
		if (RND(5) == 0)
			tb_learner_unavailable(tb, li, RND(nb));
	}
#undef RND
	return tb_finish(tb);
}


void tb_seminar_sections(struct builder *tb, int s, int sections)
{
	tb->p->seminars[s].sections = sections;
}

void tb_seminar_feature(struct builder *tb, int s, const char *feature)
{
	free(tb->seminar_feature[s]);
	tb->seminar_feature[s] = xstrdup(feature);
}

void tb_seminar_ages(struct builder *tb, int s, int age_min, int age_max)
{
	tb->p->seminars[s].age_min = age_min;
	tb->p->seminars[s].age_max = age_max;
}

void tb_learner_age(struct builder *tb, int l, int age)
{
	tb->p->learners[l].age = age;
}

void tb_seminars_per_learner(struct builder *tb, int n)
{
	tb->p->config.seminars_per_learner = n;
}

void tb_lab_feature(struct builder *tb, const char *feature)
{
	free(tb->p->config.lab_feature);
	tb->p->config.lab_feature = xstrdup(feature);
}

void tb_daily_weight(struct builder *tb, double w)
{
	tb->p->config.w_daily = w;
}
