/*
 * scenario.c - reads a scenario directory into a validated struct problem.
 *
 * Files are read in dependency order (config, blocks, people and rooms,
 * goals, prerequisites, progress, needs, seminars, choices, expertise), each
 * through csv_table.c.  Every problem is recorded in the diag with its
 * FILE:LINE and loading goes on, so that `mclsched check` lists them all;
 * only at the end is the problem either returned whole or freed.  Ids are
 * resolved to indexes with the sorted lookups of problem.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "scenario.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "inputs/config.h"
#include "inputs/csv_table.h"

struct loader {
	const char *dir;
	struct diag *d;
	struct problem *p;
	bool have_progress;
	bool have_goals;
};

/* ---- cells ------------------------------------------------------------- */

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return false;
	return true;
}

/* Checks an id cell; records an error and returns false when invalid. */
static bool check_id(struct loader *ld, const struct csv_table *t, int r, const char *col,
		     const char *v)
{
	if (valid_id(v))
		return true;
	if (!*v)
		diag_error(ld->d, t->name, t->line[r], "empty '%s': every row needs one", col);
	else
		diag_error(ld->d, t->name, t->line[r], "invalid %s '%.64s%s': use 1-64 characters "
			   "of A-Z a-z 0-9 _ . -", col, v, strlen(v) > 64 ? "..." : "");
	return false;
}

static const char *cell(const struct csv_table *t, int r, int c)
{
	return c >= 0 ? t->rows[r][c] : "";
}

/* Parses a whole number in [lo, hi]; an empty cell gives def (or an error
 * when def < lo, meaning the column is required). */
static bool get_int(struct loader *ld, const struct csv_table *t, int r, int c, const char *col,
		    long lo, long hi, long def, int *out)
{
	const char *v = cell(t, r, c);
	if (!*v) {
		if (def < lo) {
			diag_error(ld->d, t->name, t->line[r], "empty '%s': a whole number is required",
				   col);
			return false;
		}
		*out = (int)def;
		return true;
	}
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || *end || end == v || x < lo || x > hi) {
		diag_error(ld->d, t->name, t->line[r], "bad %s '%.40s': want a whole number from "
			   "%ld to %ld", col, v, lo, hi);
		return false;
	}
	*out = (int)x;
	return true;
}

static bool get_double(struct loader *ld, const struct csv_table *t, int r, int c,
		       const char *col, double lo, double hi, double *out)
{
	const char *v = cell(t, r, c);
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || errno || *end || end == v || !isfinite(x) || x < lo || x > hi) {
		diag_error(ld->d, t->name, t->line[r], "bad %s '%.40s': want a number from %g to %g",
			   col, v, lo, hi);
		return false;
	}
	*out = x;
	return true;
}

static int get_time(struct loader *ld, const struct csv_table *t, int r, int c, const char *col)
{
	const char *v = cell(t, r, c);
	int h, m;
	char extra;
	if (sscanf(v, "%d:%d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59 ||
	    strlen(v) < 4 || strlen(v) > 5) {
		diag_error(ld->d, t->name, t->line[r], "bad %s '%.40s': want a time as HH:MM", col, v);
		return -1;
	}
	return h * 60 + m;
}

static int intern(char ***names, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp((*names)[i], name))
			return i;
	*names = xrealloc(*names, sizeof(char *) * (size_t)(*n + 1));
	(*names)[*n] = xstrdup(name);
	return (*n)++;
}

/* Reads a `;` list of block ids into a fresh unavailable[n_blocks]. */
static bool *get_unavailable(struct loader *ld, const struct csv_table *t, int r, int c)
{
	struct problem *p = ld->p;
	bool *un = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	char **items;
	int n = csv_split_list(cell(t, r, c), &items);
	for (int i = 0; i < n; i++) {
		int b = problem_find_block(p, items[i]);
		if (b < 0)
			diag_error(ld->d, t->name, t->line[r], "unknown block '%.64s' in 'unavailable': "
				   "use a block_id from blocks.csv", items[i]);
		else
			un[b] = true;
		free(items[i]);
	}
	free(items);
	return un;
}

/* Reports every id that appears twice (ids[i] of row lines[i]). */
static void check_duplicates(struct loader *ld, const char *file, char **ids, size_t stride,
			     const long *lines, int n, const char *what)
{
	for (int i = 0; i < n; i++) {
		const char *a = *(char **)((char *)ids + (size_t)i * stride);
		for (int j = 0; j < i; j++) {
			const char *b = *(char **)((char *)ids + (size_t)j * stride);
			if (!strcmp(a, b)) {
				diag_error(ld->d, file, lines[i], "duplicate %s '%s' (first on line %ld)",
					   what, a, lines[j]);
				break;
			}
		}
	}
}

/* ---- entity files -------------------------------------------------------- */

/* Reads a scenario table and checks its header; false when the file is
 * absent (and optional) or unusable, the reasons recorded. */
static bool open_table(struct loader *ld, struct csv_table *t, const char *name, bool required,
		       const char *const *known, const char *const *req)
{
	if (csv_table_read(t, ld->dir, name, required, ld->d) <= 0)
		return false;
	csv_table_warn_unknown(t, known, ld->d);
	return csv_table_require(t, req, ld->d) == 0;
}

static void load_blocks(struct loader *ld)
{
	static const char *const known[] = { "block_id", "day", "start", "end", "kind", "areas", NULL };
	static const char *const req[] = { "block_id", "day", "start", "end", "kind", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "blocks.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "block_id"), cd = csv_table_col(&t, "day"),
	    cs = csv_table_col(&t, "start"), ce = csv_table_col(&t, "end"),
	    ck = csv_table_col(&t, "kind"), ca = csv_table_col(&t, "areas");
	p->blocks = xcalloc((size_t)t.n_rows + 1, sizeof(*p->blocks));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "block_id", id))
			continue;
		struct block *b = &p->blocks[p->n_blocks];
		b->day = xstrdup(cell(&t, r, cd));
		if (!*b->day)
			diag_error(ld->d, t.name, t.line[r], "empty 'day' for block '%s'", id);
		b->start = get_time(ld, &t, r, cs, "start");
		b->end = get_time(ld, &t, r, ce, "end");
		if (b->start >= 0 && b->end >= 0 && b->end <= b->start)
			diag_error(ld->d, t.name, t.line[r], "block '%s' ends (%s) before it starts (%s)",
				   id, cell(&t, r, ce), cell(&t, r, cs));
		const char *kind = cell(&t, r, ck);
		if (!strcmp(kind, "workshop"))
			b->kind = BLOCK_WORKSHOP;
		else if (!strcmp(kind, "seminar"))
			b->kind = BLOCK_SEMINAR;
		else
			diag_error(ld->d, t.name, t.line[r], "bad kind '%.40s': want workshop or seminar",
				   kind);
		char **items;
		int n = csv_split_list(cell(&t, r, ca), &items);
		b->areas = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			b->areas[b->n_areas++] = intern(&p->areas, &p->n_areas, items[i]);
			free(items[i]);
		}
		free(items);
		if (n && b->kind == BLOCK_SEMINAR)
			diag_warning(ld->d, t.name, t.line[r], "'areas' of seminar block '%s' is ignored",
				     id);
		b->id = xstrdup(id);
		lines[p->n_blocks++] = t.line[r];
	}
	if (p->n_blocks == 0 && t.n_rows == 0)
		diag_error(ld->d, t.name, 0, "no blocks: list the cycle's time blocks, one a row");
	check_duplicates(ld, t.name, &p->blocks[0].id, sizeof(*p->blocks), lines, p->n_blocks,
			 "block_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_learners(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "name", "age", "coach_id",
					     "unavailable", NULL };
	static const char *const req[] = { "learner_id", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "learners.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "learner_id"), cn = csv_table_col(&t, "name"),
	    ca = csv_table_col(&t, "age"), cc = csv_table_col(&t, "coach_id"),
	    cu = csv_table_col(&t, "unavailable");
	p->learners = xcalloc((size_t)t.n_rows + 1, sizeof(*p->learners));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "learner_id", id))
			continue;
		struct learner *l = &p->learners[p->n_learners];
		l->id = xstrdup(id);
		l->name = xstrdup(cell(&t, r, cn));
		l->coach_id = xstrdup(cell(&t, r, cc));
		l->age = -1;
		if (*cell(&t, r, ca))
			get_int(ld, &t, r, ca, "age", 0, 150, -1, &l->age);
		l->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_learners++] = t.line[r];
	}
	if (t.n_rows == 0)
		diag_error(ld->d, t.name, 0, "no learners: list the learners, one a row");
	check_duplicates(ld, t.name, &p->learners[0].id, sizeof(*p->learners), lines,
			 p->n_learners, "learner_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_facilitators(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "name", "max_sessions",
					     "unavailable", NULL };
	static const char *const req[] = { "facilitator_id", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "facilitators.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "facilitator_id"), cn = csv_table_col(&t, "name"),
	    cm = csv_table_col(&t, "max_sessions"), cu = csv_table_col(&t, "unavailable");
	p->facilitators = xcalloc((size_t)t.n_rows + 1, sizeof(*p->facilitators));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "facilitator_id", id))
			continue;
		struct facilitator *f = &p->facilitators[p->n_facilitators];
		f->id = xstrdup(id);
		f->name = xstrdup(cell(&t, r, cn));
		f->max_sessions = p->n_blocks;
		get_int(ld, &t, r, cm, "max_sessions", 0, 100000, p->n_blocks, &f->max_sessions);
		f->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_facilitators++] = t.line[r];
	}
	if (t.n_rows == 0)
		diag_error(ld->d, t.name, 0, "no facilitators: list the facilitators, one a row");
	check_duplicates(ld, t.name, &p->facilitators[0].id, sizeof(*p->facilitators), lines,
			 p->n_facilitators, "facilitator_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static void load_rooms(struct loader *ld)
{
	static const char *const known[] = { "room_id", "name", "capacity", "features",
					     "unavailable", NULL };
	static const char *const req[] = { "room_id", "capacity", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "rooms.csv", true, known, req))
		goto out;
	int ci = csv_table_col(&t, "room_id"), cn = csv_table_col(&t, "name"),
	    cc = csv_table_col(&t, "capacity"), cf = csv_table_col(&t, "features"),
	    cu = csv_table_col(&t, "unavailable");
	p->rooms = xcalloc((size_t)t.n_rows + 1, sizeof(*p->rooms));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "room_id", id))
			continue;
		struct room *rm = &p->rooms[p->n_rooms];
		rm->id = xstrdup(id);
		rm->name = xstrdup(cell(&t, r, cn));
		rm->capacity = 1;
		get_int(ld, &t, r, cc, "capacity", 1, 100000, 0, &rm->capacity);
		char **items;
		int n = csv_split_list(cell(&t, r, cf), &items);
		rm->features = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			rm->features[rm->n_features++] = intern(&p->features, &p->n_features, items[i]);
			free(items[i]);
		}
		free(items);
		rm->unavailable = get_unavailable(ld, &t, r, cu);
		lines[p->n_rooms++] = t.line[r];
	}
	if (t.n_rows == 0)
		diag_error(ld->d, t.name, 0, "no rooms: list the rooms, one a row");
	check_duplicates(ld, t.name, &p->rooms[0].id, sizeof(*p->rooms), lines, p->n_rooms,
			 "room_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static long *goal_lines;    /* line of each goal, for later messages */

static void load_goals(struct loader *ld, bool required)
{
	static const char *const known[] = { "goal_id", "title", "area", "mode", "min_group",
					     "max_group", "sessions", "feature", NULL };
	static const char *const req[] = { "goal_id", "area", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	int rc = csv_table_read(&t, ld->dir, "goals.csv", required, ld->d);
	if (rc <= 0)
		goto out;
	ld->have_goals = true;
	csv_table_warn_unknown(&t, known, ld->d);
	if (csv_table_require(&t, req, ld->d))
		goto out;
	int ci = csv_table_col(&t, "goal_id"), ct = csv_table_col(&t, "title"),
	    ca = csv_table_col(&t, "area"), cm = csv_table_col(&t, "mode"),
	    cmin = csv_table_col(&t, "min_group"), cmax = csv_table_col(&t, "max_group"),
	    cs = csv_table_col(&t, "sessions"), cf = csv_table_col(&t, "feature");
	p->goals = xcalloc((size_t)t.n_rows + 1, sizeof(*p->goals));
	goal_lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "goal_id", id))
			continue;
		struct goal *g = &p->goals[p->n_goals];
		g->id = xstrdup(id);
		g->title = xstrdup(cell(&t, r, ct));
		const char *area = cell(&t, r, ca);
		if (!*area)
			diag_error(ld->d, t.name, t.line[r], "empty 'area' for goal '%s'", id);
		g->area = intern(&p->areas, &p->n_areas, area);
		const char *mode = cell(&t, r, cm);
		if (!*mode || !strcmp(mode, "facilitated"))
			g->mode = GOAL_FACILITATED;
		else if (!strcmp(mode, "online"))
			g->mode = GOAL_ONLINE;
		else
			diag_error(ld->d, t.name, t.line[r], "bad mode '%.40s': want facilitated or "
				   "online", mode);
		g->min_group = 1;
		g->max_group = 25;
		g->sessions = 1;
		get_int(ld, &t, r, cmin, "min_group", 1, 100000, 1, &g->min_group);
		get_int(ld, &t, r, cmax, "max_group", 1, 100000, 25, &g->max_group);
		get_int(ld, &t, r, cs, "sessions", 1, 1000, 1, &g->sessions);
		if (g->min_group > g->max_group)
			diag_error(ld->d, t.name, t.line[r], "goal '%s': min_group %d is above "
				   "max_group %d", id, g->min_group, g->max_group);
		g->feature = *cell(&t, r, cf) ? intern(&p->features, &p->n_features, cell(&t, r, cf))
					      : -1;
		goal_lines[p->n_goals++] = t.line[r];
	}
	check_duplicates(ld, t.name, &p->goals[0].id, sizeof(*p->goals), goal_lines, p->n_goals,
			 "goal_id");
out:
	csv_table_release(&t);
	problem_index(p);
}

/* Depth-first search for a prerequisite cycle; reports each one found. */
static bool find_cycle(struct loader *ld, int g, char *state, int *stack, int depth,
		       const long *edge_line)
{
	struct problem *p = ld->p;
	state[g] = 1;
	stack[depth] = g;
	for (int i = 0; i < p->goals[g].n_requires; i++) {
		int h = p->goals[g].requires[i];
		if (state[h] == 1) {
			char *path = xstrdup("");
			int k = depth;
			while (stack[k] != h)
				k--;
			for (int j = k; j <= depth; j++) {
				char *np = xasprintf("%s'%s' -> ", path, p->goals[stack[j]].id);
				free(path);
				path = np;
			}
			diag_error(ld->d, "prerequisites.csv", edge_line[(long)g * p->n_goals + h],
				   "prerequisite cycle: %s'%s': a goal cannot require itself, even "
				   "through others", path, p->goals[h].id);
			free(path);
			state[g] = 2;
			return true;
		}
		if (state[h] == 0 && find_cycle(ld, h, state, stack, depth + 1, edge_line)) {
			state[g] = 2;
			return true;
		}
	}
	state[g] = 2;
	return false;
}

static void load_prerequisites(struct loader *ld)
{
	static const char *const known[] = { "goal_id", "requires", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "prerequisites.csv", false, known, known))
		goto out;
	int cg = csv_table_col(&t, "goal_id"), cr = csv_table_col(&t, "requires");
	int ng = p->n_goals;
	long *edge_line = xcalloc((size_t)ng * (size_t)ng + 1, sizeof(long));
	for (int r = 0; r < t.n_rows; r++) {
		int g = problem_find_goal(p, cell(&t, r, cg));
		int h = problem_find_goal(p, cell(&t, r, cr));
		if (g < 0)
			diag_error(ld->d, t.name, t.line[r], "unknown goal '%.64s' in 'goal_id': use a "
				   "goal_id from goals.csv", cell(&t, r, cg));
		if (h < 0)
			diag_error(ld->d, t.name, t.line[r], "unknown goal '%.64s' in 'requires': use a "
				   "goal_id from goals.csv", cell(&t, r, cr));
		if (g < 0 || h < 0)
			continue;
		if (edge_line[(long)g * ng + h]) {
			diag_warning(ld->d, t.name, t.line[r], "goal '%s' requires '%s' twice",
				     p->goals[g].id, p->goals[h].id);
			continue;
		}
		edge_line[(long)g * ng + h] = t.line[r];
		struct goal *gl = &p->goals[g];
		gl->requires = xrealloc(gl->requires, sizeof(int) * (size_t)(gl->n_requires + 1));
		gl->requires[gl->n_requires++] = h;
	}
	char *state = xcalloc((size_t)ng + 1, 1);
	int *stack = xmalloc(sizeof(int) * (size_t)(ng + 1));
	for (int g = 0; g < ng; g++)
		if (!state[g])
			find_cycle(ld, g, state, stack, 0, edge_line);
	free(state);
	free(stack);
	free(edge_line);
out:
	csv_table_release(&t);
}

static void load_progress(struct loader *ld)
{
	static const char *const known[] = { "learner_id", "goal_id", "score", NULL };
	struct problem *p = ld->p;
	size_t n = (size_t)p->n_learners * (size_t)p->n_goals;
	p->score = xmalloc(sizeof(float) * (n + 1));
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
		int l = problem_find_learner(p, cell(&t, r, cl));
		int g = problem_find_goal(p, cell(&t, r, cg));
		if (l < 0)
			diag_error(ld->d, t.name, t.line[r], "unknown learner '%.64s': use a "
				   "learner_id from learners.csv", cell(&t, r, cl));
		if (g < 0)
			diag_error(ld->d, t.name, t.line[r], "unknown goal '%.64s': use a goal_id "
				   "from goals.csv", cell(&t, r, cg));
		double s;
		if (!get_double(ld, &t, r, cs, "score", 0.0, 4.0, &s) || l < 0 || g < 0)
			continue;
		float *slot = &p->score[(long)l * p->n_goals + g];
		if (*slot >= 0)
			diag_error(ld->d, t.name, t.line[r], "learner '%s' has two scores for goal '%s'",
				   p->learners[l].id, p->goals[g].id);
		*slot = (float)s;
	}
out:
	csv_table_release(&t);
}

static bool prerequisites_mastered(const struct problem *p, int l, int g)
{
	for (int i = 0; i < p->goals[g].n_requires; i++)
		if (!problem_mastered(p, l, p->goals[g].requires[i]))
			return false;
	return true;
}

static int cmp_need(const void *a, const void *b)
{
	const struct need *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->goal - y->goal;
}

static void add_need(struct problem *p, size_t *alloc, struct need nd)
{
	xgrow((void **)&p->needs, alloc, (size_t)p->n_needs + 1, sizeof(*p->needs));
	p->needs[p->n_needs++] = nd;
}

static void load_needs(struct loader *ld, bool required)
{
	static const char *const known[] = { "learner_id", "goal_id", "priority", "sessions", NULL };
	static const char *const req[] = { "learner_id", "goal_id", NULL };
	struct problem *p = ld->p;
	size_t alloc = 0;
	struct csv_table t;
	bool derive = p->config.needs == NEEDS_DERIVE;
	int rc = csv_table_read(&t, ld->dir, "needs.csv", required && !derive, ld->d);
	if (rc > 0 && derive)
		diag_warning(ld->d, t.name, 0, "needs = derive is ignored because needs.csv exists: "
			     "its needs are used");
	if (rc == 0 && derive) {
		/* the learning frontier: not mastered, every prerequisite mastered */
		for (int l = 0; l < p->n_learners; l++)
			for (int g = 0; g < p->n_goals; g++)
				if (!problem_mastered(p, l, g) && prerequisites_mastered(p, l, g))
					add_need(p, &alloc, (struct need){ l, g, 3, p->goals[g].sessions,
									   true, 0 });
	}
	if (rc > 0) {
		csv_table_warn_unknown(&t, known, ld->d);
		if (csv_table_require(&t, req, ld->d))
			goto out;
		int cl = csv_table_col(&t, "learner_id"), cg = csv_table_col(&t, "goal_id"),
		    cp = csv_table_col(&t, "priority"), cs = csv_table_col(&t, "sessions");
		for (int r = 0; r < t.n_rows; r++) {
			int l = problem_find_learner(p, cell(&t, r, cl));
			int g = problem_find_goal(p, cell(&t, r, cg));
			if (l < 0)
				diag_error(ld->d, t.name, t.line[r], "unknown learner '%.64s': use a "
					   "learner_id from learners.csv", cell(&t, r, cl));
			if (g < 0)
				diag_error(ld->d, t.name, t.line[r], "unknown goal '%.64s': use a goal_id "
					   "from goals.csv", cell(&t, r, cg));
			struct need nd = { l, g, 3, 1, true, t.line[r] };
			bool ok = get_int(ld, &t, r, cp, "priority", 1, PRIORITY_LEVELS, 3, &nd.priority);
			ok &= get_int(ld, &t, r, cs, "sessions", 1, 1000,
				      g >= 0 ? p->goals[g].sessions : 1, &nd.sessions);
			if (ok && l >= 0 && g >= 0)
				add_need(p, &alloc, nd);
		}
	}
	if (p->n_needs > 0)
		qsort(p->needs, (size_t)p->n_needs, sizeof(*p->needs), cmp_need);
	for (int q = 1; q < p->n_needs; q++)
		for (int k = q - 1; k >= 0 && p->needs[k].learner == p->needs[q].learner; k--)
			if (p->needs[k].goal == p->needs[q].goal) {
				diag_error(ld->d, "needs.csv", p->needs[q].line, "learner '%s' needs goal "
					   "'%s' twice (first on line %d): merge the rows",
					   p->learners[p->needs[q].learner].id,
					   p->goals[p->needs[q].goal].id, p->needs[k].line);
				break;
			}
	for (int q = 0; q < p->n_needs; q++) {
		struct need *nd = &p->needs[q];
		nd->ready = !ld->have_progress || prerequisites_mastered(p, nd->learner, nd->goal);
	}
out:
	p->need_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int q = 0; q < p->n_needs; q++)
		p->need_start[p->needs[q].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->need_start[l + 1] += p->need_start[l];
	csv_table_release(&t);
}

static void load_seminars(struct loader *ld, bool required)
{
	static const char *const known[] = { "seminar_id", "title", "meetings", "min_size",
					     "max_size", "requires", "age_min", "age_max",
					     "feature", "sections", NULL };
	static const char *const req[] = { "seminar_id", "meetings", "max_size", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!open_table(ld, &t, "seminars.csv", required, known, req))
		goto out;
	int ci = csv_table_col(&t, "seminar_id"), ct = csv_table_col(&t, "title"),
	    cm = csv_table_col(&t, "meetings"), cmin = csv_table_col(&t, "min_size"),
	    cmax = csv_table_col(&t, "max_size"), cr = csv_table_col(&t, "requires"),
	    ca0 = csv_table_col(&t, "age_min"), ca1 = csv_table_col(&t, "age_max"),
	    cf = csv_table_col(&t, "feature"), cs = csv_table_col(&t, "sections");
	p->seminars = xcalloc((size_t)t.n_rows + 1, sizeof(*p->seminars));
	long *lines = xmalloc(sizeof(long) * (size_t)(t.n_rows + 1));
	for (int r = 0; r < t.n_rows; r++) {
		const char *id = cell(&t, r, ci);
		if (!check_id(ld, &t, r, "seminar_id", id))
			continue;
		struct seminar *s = &p->seminars[p->n_seminars];
		s->id = xstrdup(id);
		s->title = xstrdup(cell(&t, r, ct));
		s->meetings = s->min_size = s->max_size = s->sections = 1;
		s->age_min = s->age_max = -1;
		get_int(ld, &t, r, cm, "meetings", 1, 1000, 0, &s->meetings);
		get_int(ld, &t, r, cmin, "min_size", 1, 100000, 1, &s->min_size);
		get_int(ld, &t, r, cmax, "max_size", 1, 100000, 0, &s->max_size);
		get_int(ld, &t, r, cs, "sections", 1, 1000, 1, &s->sections);
		if (*cell(&t, r, ca0))
			get_int(ld, &t, r, ca0, "age_min", 0, 150, 0, &s->age_min);
		if (*cell(&t, r, ca1))
			get_int(ld, &t, r, ca1, "age_max", 0, 150, 0, &s->age_max);
		if (s->min_size > s->max_size)
			diag_error(ld->d, t.name, t.line[r], "seminar '%s': min_size %d is above "
				   "max_size %d", id, s->min_size, s->max_size);
		if (s->age_min >= 0 && s->age_max >= 0 && s->age_min > s->age_max)
			diag_error(ld->d, t.name, t.line[r], "seminar '%s': age_min %d is above "
				   "age_max %d", id, s->age_min, s->age_max);
		char **items;
		int n = csv_split_list(cell(&t, r, cr), &items);
		s->requires = xmalloc(sizeof(int) * (size_t)(n + 1));
		for (int i = 0; i < n; i++) {
			int g = problem_find_goal(p, items[i]);
			if (g < 0)
				diag_error(ld->d, t.name, t.line[r], "unknown goal '%.64s' in 'requires': "
					   "use a goal_id from goals.csv", items[i]);
			else
				s->requires[s->n_requires++] = g;
			free(items[i]);
		}
		free(items);
		s->feature = *cell(&t, r, cf) ? intern(&p->features, &p->n_features, cell(&t, r, cf))
					      : -1;
		lines[p->n_seminars++] = t.line[r];
	}
	check_duplicates(ld, t.name, &p->seminars[0].id, sizeof(*p->seminars), lines,
			 p->n_seminars, "seminar_id");
	free(lines);
out:
	csv_table_release(&t);
	problem_index(p);
}

static int cmp_choice(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seminar - y->seminar;
}

static void load_choices(struct loader *ld, bool required)
{
	static const char *const known[] = { "learner_id", "seminar_id", "rank", NULL };
	struct problem *p = ld->p;
	size_t alloc = 0;
	struct csv_table t;
	int rc = csv_table_read(&t, ld->dir, "choices.csv", required, ld->d);
	if (rc > 0) {
		csv_table_warn_unknown(&t, known, ld->d);
		if (csv_table_require(&t, known, ld->d))
			goto out;
		int cl = csv_table_col(&t, "learner_id"), cs = csv_table_col(&t, "seminar_id"),
		    cr = csv_table_col(&t, "rank");
		char *seen = xcalloc((size_t)p->n_learners * (size_t)p->n_seminars + 1, 1);
		for (int r = 0; r < t.n_rows; r++) {
			int l = problem_find_learner(p, cell(&t, r, cl));
			int s = problem_find_seminar(p, cell(&t, r, cs));
			if (l < 0)
				diag_error(ld->d, t.name, t.line[r], "unknown learner '%.64s': use a "
					   "learner_id from learners.csv", cell(&t, r, cl));
			if (s < 0)
				diag_error(ld->d, t.name, t.line[r], "unknown seminar '%.64s': use a "
					   "seminar_id from seminars.csv", cell(&t, r, cs));
			struct choice ch = { l, s, 1, true };
			if (!get_int(ld, &t, r, cr, "rank", 1, 1000, 0, &ch.rank) || l < 0 || s < 0)
				continue;
			if (seen[(long)l * p->n_seminars + s]) {
				diag_error(ld->d, t.name, t.line[r], "learner '%s' chooses seminar '%s' "
					   "twice", p->learners[l].id, p->seminars[s].id);
				continue;
			}
			seen[(long)l * p->n_seminars + s] = 1;
			const struct seminar *sm = &p->seminars[s];
			for (int i = 0; i < sm->n_requires; i++)
				ch.eligible &= problem_mastered(p, l, sm->requires[i]);
			int age = p->learners[l].age;
			if (age >= 0 && sm->age_min >= 0 && age < sm->age_min)
				ch.eligible = false;
			if (age >= 0 && sm->age_max >= 0 && age > sm->age_max)
				ch.eligible = false;
			xgrow((void **)&p->choices, &alloc, (size_t)p->n_choices + 1, sizeof(*p->choices));
			p->choices[p->n_choices++] = ch;
		}
		free(seen);
		if (p->n_choices > 0)
			qsort(p->choices, (size_t)p->n_choices, sizeof(*p->choices), cmp_choice);
	}
out:
	p->choice_start = xcalloc((size_t)p->n_learners + 2, sizeof(int));
	for (int c = 0; c < p->n_choices; c++)
		p->choice_start[p->choices[c].learner + 1]++;
	for (int l = 0; l < p->n_learners; l++)
		p->choice_start[l + 1] += p->choice_start[l];
	csv_table_release(&t);
}

static void load_expertise(struct loader *ld)
{
	static const char *const known[] = { "facilitator_id", "offering", "level", NULL };
	static const char *const req[] = { "facilitator_id", "offering", NULL };
	struct problem *p = ld->p;
	p->goal_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_goals + 1, 1);
	p->seminar_level = xcalloc((size_t)p->n_facilitators * (size_t)p->n_seminars + 1, 1);
	struct csv_table t;
	if (!open_table(ld, &t, "expertise.csv", true, known, req))
		goto out;
	int cf = csv_table_col(&t, "facilitator_id"), co = csv_table_col(&t, "offering"),
	    cl = csv_table_col(&t, "level");
	for (int r = 0; r < t.n_rows; r++) {
		int f = problem_find_facilitator(p, cell(&t, r, cf));
		if (f < 0)
			diag_error(ld->d, t.name, t.line[r], "unknown facilitator '%.64s': use a "
				   "facilitator_id from facilitators.csv", cell(&t, r, cf));
		const char *lv = cell(&t, r, cl);
		unsigned char level = LEVEL_ABLE;
		if (!strcmp(lv, "guru"))
			level = LEVEL_GURU;
		else if (*lv && strcmp(lv, "able"))
			diag_error(ld->d, t.name, t.line[r], "bad level '%.40s': want guru or able", lv);
		const char *off = cell(&t, r, co);
		if (!strncmp(off, "area:", 5)) {
			int a;
			for (a = 0; a < p->n_areas; a++)
				if (!strcmp(p->areas[a], off + 5))
					break;
			int any = 0;
			for (int g = 0; g < p->n_goals && f >= 0; g++)
				if (p->goals[g].area == a) {
					unsigned char *slot = &p->goal_level[(long)f * p->n_goals + g];
					*slot = *slot > level ? *slot : level;
					any = 1;
				}
			if (!any && (a == p->n_areas || f >= 0))
				diag_error(ld->d, t.name, t.line[r], "unknown area '%.64s' in 'offering': "
					   "no goal in goals.csv has that area", off + 5);
			continue;
		}
		int g = problem_find_goal(p, off), s = problem_find_seminar(p, off);
		if (g < 0 && s < 0) {
			diag_error(ld->d, t.name, t.line[r], "unknown offering '%.64s': use a goal_id, "
				   "a seminar_id or area:NAME", off);
			continue;
		}
		if (f < 0)
			continue;
		unsigned char *slot = g >= 0 ? &p->goal_level[(long)f * p->n_goals + g]
					     : &p->seminar_level[(long)f * p->n_seminars + s];
		*slot = *slot > level ? *slot : level;
	}
out:
	csv_table_release(&t);
}

/* ---- whole-scenario checks ------------------------------------------------ */

static bool uses_workshops(enum model_kind m)
{
	return m != MODEL_SEMINAR;
}

static bool uses_seminars(enum model_kind m)
{
	return m == MODEL_SEMINAR || m == MODEL_COMBINATION;
}

static void check_scenario(struct loader *ld)
{
	struct problem *p = ld->p;
	const char *model = problem_model_name(p->config.model);
	int n_ws = 0, n_sem = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		n_ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		n_sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	if (uses_workshops(p->config.model) && n_ws == 0 && p->n_blocks > 0)
		diag_error(ld->d, "scenario.conf", 0, "model = %s needs workshop blocks, but "
			   "blocks.csv has none: add some or choose model = seminar", model);
	if (uses_seminars(p->config.model) && n_sem == 0 && p->n_blocks > 0)
		diag_error(ld->d, "scenario.conf", 0, "model = %s needs seminar blocks, but "
			   "blocks.csv has none: add some or choose model = workshop", model);
	/* areas named by blocks that no goal has */
	for (int a = 0; a < p->n_areas; a++) {
		int used = 0;
		for (int g = 0; g < p->n_goals && !used; g++)
			used = p->goals[g].area == a;
		if (!used && ld->have_goals)
			diag_warning(ld->d, "blocks.csv", 0, "area '%s' is listed in 'areas' but no "
				     "goal has it", p->areas[a]);
	}
	/* facilitated goals with ready needs that nobody can lead */
	for (int g = 0; g < p->n_goals; g++) {
		if (p->goals[g].mode != GOAL_FACILITATED)
			continue;
		int needs = 0, able = 0;
		for (int q = 0; q < p->n_needs; q++)
			needs += p->needs[q].goal == g;
		for (int f = 0; f < p->n_facilitators && !able; f++)
			able = problem_goal_level(p, f, g) >= LEVEL_ABLE;
		if (needs && !able)
			diag_warning(ld->d, "goals.csv", goal_lines ? goal_lines[g] : 0,
				     "no facilitator has expertise in goal '%s', so its %d need%s "
				     "cannot be scheduled: add a row to expertise.csv", p->goals[g].id,
				     needs, needs == 1 ? "" : "s");
		if (needs && p->goals[g].feature >= 0) {
			int room = 0;
			for (int r = 0; r < p->n_rooms && !room; r++)
				for (int i = 0; i < p->rooms[r].n_features; i++)
					room |= p->rooms[r].features[i] == p->goals[g].feature;
			if (!room)
				diag_warning(ld->d, "goals.csv", goal_lines ? goal_lines[g] : 0,
					     "goal '%s' needs a room with '%s' and no room has it",
					     p->goals[g].id, p->features[p->goals[g].feature]);
		}
	}
	/* learners with no ready need */
	if (uses_workshops(p->config.model)) {
		int n = 0;
		char *first = xstrdup("");
		for (int l = 0; l < p->n_learners; l++) {
			int ready = 0;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				ready += p->needs[q].ready;
			if (ready)
				continue;
			if (n < 5) {
				char *nf = xasprintf("%s%s'%s'", first, n ? ", " : "", p->learners[l].id);
				free(first);
				first = nf;
			}
			n++;
		}
		if (n)
			diag_warning(ld->d, "needs.csv", 0, "%d learner%s no ready need (%s%s): they "
				     "will be seated in labs", n, n == 1 ? " has" : "s have", first,
				     n > 5 ? ", ..." : "");
		free(first);
	}
}

struct problem *scenario_load(const char *dir, struct diag *d)
{
	struct loader ld = { .dir = dir, .d = d };
	struct problem *p = ld.p = xcalloc(1, sizeof(*p));
	p->dir = xstrdup(dir);
	int before = d->n_errors;
	goal_lines = NULL;
	/* When scenario.conf is broken the model is unknown: then no file is
	 * required because of it, and the others are still checked. */
	bool conf_ok = config_read(&p->config, dir, d) == 0;
	enum model_kind m = p->config.model;
	bool ws = conf_ok && uses_workshops(m), sem = conf_ok && uses_seminars(m);
	load_blocks(&ld);
	load_learners(&ld);
	load_facilitators(&ld);
	load_rooms(&ld);
	load_goals(&ld, ws);
	load_prerequisites(&ld);
	load_progress(&ld);
	load_needs(&ld, ws);
	load_seminars(&ld, sem);
	load_choices(&ld, sem);
	load_expertise(&ld);
	if (d->n_errors == before)
		check_scenario(&ld);
	free(goal_lines);
	goal_lines = NULL;
	if (d->n_errors > before) {
		problem_free(p);
		return NULL;
	}
	return p;
}

void scenario_census(const struct problem *p, FILE *out)
{
	int ws = 0, sem = 0, online = 0, ready = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	for (int g = 0; g < p->n_goals; g++)
		online += p->goals[g].mode == GOAL_ONLINE;
	for (int q = 0; q < p->n_needs; q++)
		ready += p->needs[q].ready;
	fprintf(out, "scenario      %s\n", *p->config.name ? p->config.name : p->dir);
	fprintf(out, "model         %s\n", problem_model_name(p->config.model));
	fprintf(out, "learners      %d\n", p->n_learners);
	fprintf(out, "facilitators  %d\n", p->n_facilitators);
	fprintf(out, "rooms         %d\n", p->n_rooms);
	fprintf(out, "blocks        %d (%d workshop, %d seminar)\n", p->n_blocks, ws, sem);
	fprintf(out, "goals         %d (%d facilitated, %d online)\n", p->n_goals,
		p->n_goals - online, online);
	fprintf(out, "seminars      %d\n", p->n_seminars);
	fprintf(out, "needs         %d (%d ready, %d not ready)\n", p->n_needs, ready,
		p->n_needs - ready);
	fprintf(out, "choices       %d\n", p->n_choices);
}
