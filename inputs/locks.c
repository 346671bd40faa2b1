/*
 * locks.c - locks.csv: what a scheduler pins before the solver runs.
 *
 * Each row pins, in one block, a session named by any of its offering, its
 * facilitator and its room, and with a learner seats that learner in it.
 * A learner, a facilitator and a room are each in at most one session per
 * block, so rows of one block that share any of the three describe the same
 * session: they are merged (union-find over the rows, found by sorting on
 * each key, never by comparing every pair) into one struct lock_pin, and
 * two rows that give the merged session two different offerings,
 * facilitators or rooms contradict each other.  Every hard rule that a pin
 * can break on its own (availability, expertise, room feature, the block's
 * kind and areas, a ready need or an eligible choice, capacity, group size,
 * max_sessions, a need's sessions, seminars_per_learner) is checked on the
 * merged pins, the message at the row that completed the breaking
 * combination and naming the other row.  Whether the pins leave a feasible
 * school beyond that is the models' to find out (their diagnosis names the
 * lock's line).
 */
#define _POSIX_C_SOURCE 200809L
#include "locks.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "inputs/csv_table.h"
#include "models/model.h"

#define F "locks.csv"

/* A row of a file, for messages (line 0: none). */
struct where {
	const char *file;
	long line;
};

/* The rows where a pin's fields were first given. */
struct pin_lines {
	struct where offering, facilitator, room;
};

static struct where at(const struct lock *lk)
{
	return (struct where){ lk->file, lk->line };
}

/* Of two rows that together break a rule, the one to report: the later
 * one in one file; across files, the one in locks.csv (the one to edit). */
static struct where later(struct where a, struct where b)
{
	if (!a.line || !b.line)
		return a.line ? a : b;
	if (strcmp(a.file, b.file))
		return !strcmp(a.file, F) ? a : b;
	return a.line > b.line ? a : b;
}

const char *locks_offering_id(const struct problem *p, enum lock_offering kind, int offering)
{
	switch (kind) {
	case LOCK_GOAL:
		return p->goals[offering].id;
	case LOCK_SEMINAR:
		return p->seminars[offering].id;
	case LOCK_LAB:
		return "lab";
	case LOCK_ANY:
		break;
	}
	return "";
}

/* Resolves one id cell: -1 when empty, -2 (error recorded) when unknown. */
static int resolve(struct diag *d, long line, const char *what, const char *id,
		   int (*find)(const struct problem *, const char *), const struct problem *p,
		   const char *file)
{
	if (!*id)
		return -1;
	int i = find(p, id);
	if (i < 0)
		diag_error(d, F, line, "unknown %s '%s': use an id from %s", what, id, file);
	return i < 0 ? -2 : i;
}

/* Reads one row into lk; false (errors recorded) when it cannot be used. */
static bool read_row(const struct problem *p, struct diag *d, const struct csv_table *t, int r,
		     const int *col, struct lock *lk)
{
	long line = t->line[r];
	const char *cells[5];
	for (int i = 0; i < 5; i++)
		cells[i] = col[i] >= 0 ? t->rows[r][col[i]] : "";
	memset(lk, 0, sizeof(*lk));
	lk->file = F;
	lk->line = line;
	lk->offering = -1;
	if (!*cells[0]) {
		diag_error(d, F, line, "empty 'block_id': every lock names its block");
		return false;
	}
	lk->block = resolve(d, line, "block", cells[0], problem_find_block, p, "blocks.csv");
	lk->learner = resolve(d, line, "learner", cells[1], problem_find_learner, p,
			      "learners.csv");
	lk->facilitator = resolve(d, line, "facilitator", cells[2], problem_find_facilitator, p,
				  "facilitators.csv");
	lk->room = resolve(d, line, "room", cells[4], problem_find_room, p, "rooms.csv");
	bool ok = lk->block >= 0 && lk->learner != -2 && lk->facilitator != -2 && lk->room != -2;
	const char *off = cells[3];
	if (!strcmp(off, "lab")) {
		lk->kind = LOCK_LAB;
	} else if (*off) {
		int g = problem_find_goal(p, off), s = problem_find_seminar(p, off);
		lk->kind = g >= 0 ? LOCK_GOAL : LOCK_SEMINAR;
		lk->offering = g >= 0 ? g : s;
		if (g < 0 && s < 0) {
			diag_error(d, F, line, "unknown offering '%s': use a goal id from goals.csv, "
				   "a seminar id from seminars.csv, or 'lab'", off);
			ok = false;
		}
	}
	if (!ok)
		return false;
	const struct block *bl = &p->blocks[lk->block];
	if (lk->facilitator < 0 && lk->room < 0 && lk->kind == LOCK_ANY) {
		diag_error(d, F, line, "the lock names no offering, facilitator or room: say "
			   "what to pin in block '%s'", bl->id);
		return false;
	}
	if (!problem_block_scheduled(p, lk->block)) {
		diag_error(d, F, line, "block '%s' is a %s block, which the %s model does not "
			   "schedule: remove the lock or change the model", bl->id,
			   bl->kind == BLOCK_WORKSHOP ? "workshop" : "seminar",
			   problem_model_name(p->config.model));
		return false;
	}
	if ((lk->kind == LOCK_GOAL && bl->kind != BLOCK_WORKSHOP) ||
	    (lk->kind == LOCK_SEMINAR && bl->kind != BLOCK_SEMINAR)) {
		diag_error(d, F, line, "%s '%s' cannot meet in %s block '%s': pin it in a %s "
			   "block", lk->kind == LOCK_GOAL ? "goal" : "seminar", off,
			   bl->kind == BLOCK_WORKSHOP ? "workshop" : "seminar", bl->id,
			   lk->kind == LOCK_GOAL ? "workshop" : "seminar");
		return false;
	}
	if (lk->kind == LOCK_GOAL && p->goals[lk->offering].mode == GOAL_ONLINE) {
		diag_error(d, F, line, "goal '%s' is online and meets in labs: write 'lab' as "
			   "the offering", off);
		return false;
	}
	if (lk->kind == LOCK_GOAL && !problem_block_allows(p, lk->block, lk->offering)) {
		diag_error(d, F, line, "goal '%s' is not of an area block '%s' allows: pin it in "
			   "another block or add its area to the block", off, bl->id);
		return false;
	}
	return true;
}

/* ---- merging the rows of one session ----------------------------------- */

static int uf_find(int *parent, int i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static const struct lock *sort_locks;
static int sort_key;    /* 0 learner, 1 facilitator, 2 room */

static int key_of(const struct lock *lk)
{
	return sort_key == 0 ? lk->learner : sort_key == 1 ? lk->facilitator : lk->room;
}

static int cmp_by_key(const void *a, const void *b)
{
	const struct lock *x = &sort_locks[*(const int *)a], *y = &sort_locks[*(const int *)b];
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (key_of(x) != key_of(y))
		return key_of(x) < key_of(y) ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Joins the rows of one block that share a learner, facilitator or room. */
static void join_rows(struct lock *locks, int n, int *parent)
{
	int *ord = xmalloc(sizeof(int) * ((size_t)n + 1));
	sort_locks = locks;
	for (sort_key = 0; sort_key < 3; sort_key++) {
		for (int i = 0; i < n; i++)
			ord[i] = i;
		qsort(ord, (size_t)n, sizeof(int), cmp_by_key);
		for (int i = 1; i < n; i++) {
			const struct lock *a = &locks[ord[i - 1]], *b = &locks[ord[i]];
			if (key_of(b) >= 0 && a->block == b->block && key_of(a) == key_of(b))
				parent[uf_find(parent, ord[i])] = uf_find(parent, ord[i - 1]);
		}
	}
	free(ord);
}

/* Takes lk's fields into pin pn; a field given differently before is a
 * contradiction, reported at lk's row. */
static void merge_row(const struct problem *p, struct diag *d, struct lock_pin *pn,
		      struct pin_lines *pl, const struct lock *lk)
{
	const char *blk = p->blocks[lk->block].id;
	if (lk->kind != LOCK_ANY) {
		if (pn->kind == LOCK_ANY) {
			pn->kind = lk->kind;
			pn->offering = lk->offering;
			pl->offering = at(lk);
		} else if (pn->kind != lk->kind || pn->offering != lk->offering) {
			diag_error(d, lk->file, lk->line, "contradicts %s:%ld: one session in block "
				   "'%s' cannot be both '%s' and '%s' (a learner, facilitator or room "
				   "is in one session a block): remove one of the two locks",
				   pl->offering.file, pl->offering.line, blk, locks_offering_id(p, pn->kind, pn->offering),
				   locks_offering_id(p, lk->kind, lk->offering));
		}
	}
	if (lk->facilitator >= 0) {
		if (pn->facilitator < 0) {
			pn->facilitator = lk->facilitator;
			pl->facilitator = at(lk);
		} else if (pn->facilitator != lk->facilitator) {
			diag_error(d, lk->file, lk->line, "contradicts %s:%ld: one session in block "
				   "'%s' cannot be led by both '%s' and '%s': remove one of the two "
				   "locks", pl->facilitator.file, pl->facilitator.line, blk, p->facilitators[pn->facilitator].id,
				   p->facilitators[lk->facilitator].id);
		}
	}
	if (lk->room >= 0) {
		if (pn->room < 0) {
			pn->room = lk->room;
			pl->room = at(lk);
		} else if (pn->room != lk->room) {
			diag_error(d, lk->file, lk->line, "contradicts %s:%ld: one session in block "
				   "'%s' cannot meet in both '%s' and '%s': remove one of the two locks",
				   pl->room.file, pl->room.line, blk, p->rooms[pn->room].id, p->rooms[lk->room].id);
		}
	}
}

/* The hard rules a pin breaks by itself: its facilitator's and room's
 * availability, expertise and feature, its size. */
static void check_pin(const struct problem *p, struct diag *d, const struct lock_pin *pn,
		      const struct pin_lines *pl)
{
	const char *blk = p->blocks[pn->block].id;
	const char *off = locks_offering_id(p, pn->kind, pn->offering);
	if (pn->facilitator >= 0) {
		const struct facilitator *fc = &p->facilitators[pn->facilitator];
		enum level lv = pn->kind == LOCK_GOAL ?
			problem_goal_level(p, pn->facilitator, pn->offering) :
			pn->kind == LOCK_SEMINAR ?
			problem_seminar_level(p, pn->facilitator, pn->offering) : LEVEL_ABLE;
		if (fc->unavailable[pn->block])
			diag_error(d, pl->facilitator.file, pl->facilitator.line, "facilitator '%s' is unavailable in block "
				   "'%s': remove the lock or their unavailability", fc->id, blk);
		struct where w = later(pl->facilitator, pl->offering);
		if (lv == LEVEL_NONE)
			diag_error(d, w.file, w.line, "facilitator '%s' has no expertise in '%s': pin "
				   "someone who has, or add a row to expertise.csv", fc->id, off);
	}
	int feature = pn->kind == LOCK_GOAL ? p->goals[pn->offering].feature :
		      pn->kind == LOCK_SEMINAR ? p->seminars[pn->offering].feature :
		      pn->kind == LOCK_LAB ? p->lab_feature : -1;
	int cap = pn->kind == LOCK_GOAL ? p->goals[pn->offering].max_group :
		  pn->kind == LOCK_SEMINAR ? p->seminars[pn->offering].max_size :
		  pn->kind == LOCK_LAB ? p->config.lab_max_group : 0;
	if (cap > 0 && pn->n_learners > cap)
		diag_error(d, pn->file, pn->line, "%d learners are pinned to one '%s' session in block "
			   "'%s', more than its largest group of %d: pin fewer", pn->n_learners,
			   off, blk, cap);
	if (pn->room < 0)
		return;
	const struct room *rm = &p->rooms[pn->room];
	if (rm->unavailable[pn->block])
		diag_error(d, pl->room.file, pl->room.line, "room '%s' is unavailable in block '%s': pin another "
			   "room", rm->id, blk);
	struct where w = later(pl->room, pl->offering);
	if (!problem_room_has(rm, feature))
		diag_error(d, w.file, w.line, "room '%s' lacks '%s', which '%s' needs: pin a room "
			   "with it", rm->id, p->features[feature], off);
	if (pn->n_learners > rm->capacity)
		diag_error(d, pl->room.file, pl->room.line, "%d learners are pinned to room '%s' in block '%s', "
			   "which holds %d: pin fewer or a larger room", pn->n_learners, rm->id,
			   blk, rm->capacity);
}

/* A pinned learner's own rules: available, a ready need of the goal or an
 * eligible choice of the seminar. */
static void check_learner(const struct problem *p, struct diag *d, const struct lock_pin *pn,
			  const struct pin_lines *pl, const struct lock *lk)
{
	const struct learner *ln = &p->learners[lk->learner];
	const char *blk = p->blocks[pn->block].id;
	struct where w = later(at(lk), pl->offering);
	if (ln->unavailable[pn->block])
		diag_error(d, lk->file, lk->line, "learner '%s' is unavailable in block '%s': remove "
			   "the lock or their unavailability", ln->id, blk);
	if (pn->kind == LOCK_GOAL) {
		int q = p->need_start[lk->learner];
		while (q < p->need_start[lk->learner + 1] && p->needs[q].goal != pn->offering)
			q++;
		if (q == p->need_start[lk->learner + 1])
			diag_error(d, w.file, w.line, "learner '%s' has no need of goal '%s': add it to "
				   "needs.csv or pin another goal", ln->id, p->goals[pn->offering].id);
		else if (!p->needs[q].ready)
			diag_error(d, w.file, w.line, "learner '%s' has not mastered the prerequisites of "
				   "goal '%s': pin a goal they are ready for", ln->id,
				   p->goals[pn->offering].id);
	} else if (pn->kind == LOCK_SEMINAR) {
		int c = p->choice_start[lk->learner];
		while (c < p->choice_start[lk->learner + 1] && p->choices[c].seminar != pn->offering)
			c++;
		if (c == p->choice_start[lk->learner + 1])
			diag_error(d, w.file, w.line, "learner '%s' did not choose seminar '%s': add it to "
				   "choices.csv or pin another seminar", ln->id,
				   p->seminars[pn->offering].id);
		else if (!p->choices[c].eligible)
			diag_error(d, w.file, w.line, "learner '%s' is not eligible for seminar '%s' "
				   "(prerequisites or age): pin a seminar they may take", ln->id,
				   p->seminars[pn->offering].id);
	}
}

/* ---- building the pins ------------------------------------------------- */

static int cmp_block_line(const void *a, const void *b)
{
	const struct lock *x = &sort_locks[*(const int *)a], *y = &sort_locks[*(const int *)b];
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

/* Merges the rows into pins (by block, then first row) and checks each. */
static void build_pins(struct problem *p, struct diag *d)
{
	int n = p->n_locks;
	int *parent = xmalloc(sizeof(int) * ((size_t)n + 1));
	int *ord = xmalloc(sizeof(int) * ((size_t)n + 1));
	int *pin_of_root = xmalloc(sizeof(int) * ((size_t)n + 1));
	struct pin_lines *pl = xcalloc((size_t)n + 1, sizeof(*pl));
	for (int i = 0; i < n; i++) {
		parent[i] = ord[i] = i;
		pin_of_root[i] = -1;
	}
	join_rows(p->locks, n, parent);
	sort_locks = p->locks;
	qsort(ord, (size_t)n, sizeof(int), cmp_block_line);
	p->pins = xcalloc((size_t)n + 1, sizeof(*p->pins));
	for (int k = 0; k < n; k++) {
		struct lock *lk = &p->locks[ord[k]];
		int root = uf_find(parent, ord[k]);
		if (pin_of_root[root] < 0) {
			struct lock_pin *pn = &p->pins[p->n_pins];
			pn->block = lk->block;
			pn->offering = pn->facilitator = pn->room = -1;
			pn->file = lk->file;
			pn->line = lk->line;
			pn->learners = xmalloc(sizeof(int));
			pin_of_root[root] = p->n_pins++;
		}
		lk->pin = pin_of_root[root];
		struct lock_pin *pn = &p->pins[lk->pin];
		merge_row(p, d, pn, &pl[lk->pin], lk);
		if (lk->learner >= 0) {
			pn->learners = xrealloc(pn->learners, sizeof(int) * ((size_t)pn->n_learners + 1));
			pn->learners[pn->n_learners++] = lk->learner;
		}
	}
	for (int k = 0; k < p->n_pins; k++) {
		struct lock_pin *pn = &p->pins[k];
		qsort(pn->learners, (size_t)pn->n_learners, sizeof(int), cmp_int);
		int m = 0;
		for (int i = 0; i < pn->n_learners; i++)
			if (!m || pn->learners[m - 1] != pn->learners[i])
				pn->learners[m++] = pn->learners[i];
		pn->n_learners = m;
		check_pin(p, d, pn, &pl[k]);
	}
	for (int i = 0; i < n; i++)
		if (p->locks[i].learner >= 0)
			check_learner(p, d, &p->pins[p->locks[i].pin], &pl[p->locks[i].pin],
				      &p->locks[i]);
	free(pl);
	free(pin_of_root);
	free(ord);
	free(parent);
}

/* What the pins add up to across blocks: a facilitator's sessions against
 * max_sessions, a learner's sessions of a goal against the need's
 * sessions, a learner's seminars against seminars_per_learner. */
static void check_totals(const struct problem *p, struct diag *d)
{
	int *led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		if (pn->facilitator >= 0 &&
		    ++led[pn->facilitator] == p->facilitators[pn->facilitator].max_sessions + 1)
			diag_error(d, pn->file, pn->line, "facilitator '%s' is pinned to more sessions "
				   "than their max_sessions of %d: remove pins or raise it",
				   p->facilitators[pn->facilitator].id,
				   p->facilitators[pn->facilitator].max_sessions);
	}
	free(led);
	/* a learner's distinct pins in file order: (learner, pin) seen once */
	int *need_cnt = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	int *sem_cnt = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	int *last_sem = xmalloc(sizeof(int) * ((size_t)p->n_learners * 4 + 1));
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		for (int i = 0; i < pn->n_learners; i++) {
			int l = pn->learners[i];
			const char *lid = p->learners[l].id;
			if (pn->kind == LOCK_GOAL && !model_row(p)->whole_cycle_groups) {
				/* (a power-goal group meets in every block; only
				 * `sessions` of its meetings count) */
				int q = p->need_start[l];
				while (q < p->need_start[l + 1] && p->needs[q].goal != pn->offering)
					q++;
				if (q < p->need_start[l + 1] &&
				    ++need_cnt[q] == p->needs[q].sessions + 1)
					diag_error(d, pn->file, pn->line, "learner '%s' is pinned to goal '%s' "
						   "in more blocks than the %d session%s they need: "
						   "remove a pin or raise the need's sessions", lid,
						   p->goals[pn->offering].id, p->needs[q].sessions,
						   p->needs[q].sessions == 1 ? "" : "s");
			} else if (pn->kind == LOCK_SEMINAR) {
				/* seminars a learner is pinned to: the first four kept */
				int c = sem_cnt[l], seen = 0;
				for (int j = 0; j < c && j < 4; j++)
					seen |= last_sem[(long)l * 4 + j] == pn->offering;
				if (seen)
					continue;
				if (c < 4)
					last_sem[(long)l * 4 + c] = pn->offering;
				if (++sem_cnt[l] == p->config.seminars_per_learner + 1)
					diag_error(d, pn->file, pn->line, "learner '%s' is pinned to more "
						   "seminars than seminars_per_learner (%d): remove a "
						   "pin", lid, p->config.seminars_per_learner);
			}
		}
	}
	free(last_sem);
	free(sem_cnt);
	free(need_cnt);
}

static void free_pins(struct problem *p, bool rows_too)
{
	for (int i = 0; i < p->n_pins; i++)
		free(p->pins[i].learners);
	free(p->pins);
	p->pins = NULL;
	p->n_pins = 0;
	if (rows_too) {
		free(p->locks);
		p->locks = NULL;
		p->n_locks = 0;
	}
}

void locks_rebuild(struct problem *p, struct diag *d)
{
	free_pins(p, false);
	build_pins(p, d);
	check_totals(p, d);
}

void locks_load(struct problem *p, struct diag *d)
{
	static const char *const known[] = { "block_id", "learner_id", "facilitator_id",
					     "offering_id", "room_id", NULL };
	static const char *const req[] = { "block_id", NULL };
	struct csv_table t;
	memset(&t, 0, sizeof(t));
	int before = d->n_errors;
	if (csv_table_read(&t, p->dir, F, false, d) <= 0)
		goto out;
	csv_table_warn_unknown(&t, known, d);
	if (csv_table_require(&t, req, d))
		goto out;
	int col[5];
	for (int i = 0; i < 5; i++)
		col[i] = csv_table_col(&t, known[i]);
	p->locks = xcalloc((size_t)t.n_rows + 1, sizeof(*p->locks));
	for (int r = 0; r < t.n_rows; r++)
		if (read_row(p, d, &t, r, col, &p->locks[p->n_locks]))
			p->n_locks++;
	/* the usable rows are checked together even when others were not */
	locks_rebuild(p, d);
out:
	csv_table_release(&t);
	if (d->n_errors > before)
		free_pins(p, true);
}
