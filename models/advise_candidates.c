/*
 * advise_candidates.c - the single changes `mclsched advise` weighs, from
 * the bound LP's prices (bound_lp_prices.h) and the unmet list.
 *
 * Rather than try every change a school could make, each scarce resource
 * the bound LP prices above zero suggests the change that adds one unit
 * of it, and the unmet list says how much demand that unit could serve:
 *
 *   expected gain = min(price x amount added, value of the unmet demand
 *                       the change can reach)
 *
 * A change the LP prices at zero is still a candidate when unmet demand
 * of its kind is there to reach (the unmet reasons point at it: a
 * facilitator who leads unmet goals, a room when needs are unmet for
 * `no_room` or `capacity`, a goal or seminar with unmet demand, a new
 * expertise in a goal unmet for `no_facilitator` for a facilitator who
 * leads its area); such candidates rank after the priced ones, by the
 * value they could reach.  A guru level for what an able facilitator
 * already leads is valued on the schedule itself: w_guru a session led.
 *
 * where the demand a facilitator can reach is the unmet value of the goals
 * and seminars they can lead, a room's is the needs unmet for `no_room` or
 * `capacity`, a goal's or a seminar's its own unmet value, and a new
 * expertise's the goal's needs unmet for `no_facilitator`.  The price is a
 * first-order estimate (bound_lp_prices.h); advise re-solves the best
 * candidates to verify them.  A facilitator's unavailability suggests its
 * best block only, and a room class (capacity and features) its best block
 * only, so that near-identical changes do not crowd the list.  The seminar
 * blocks are pooled in the LP, so one price stands for any of them: the
 * first one where the facilitator is unavailable, the first one for a room;
 * a room there reaches the unmet seminar choices too.
 */
#include "advise_candidates.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

bool advise_kind_loosens(enum advise_kind kind)
{
	switch (kind) {
	case ADVISE_MAX_SESSIONS:   /* max_sessions + 1 */
	case ADVISE_UNAVAILABLE:    /* one unavailability fewer */
	case ADVISE_ROOM:           /* a room added, in one block */
	case ADVISE_GOAL_GROUP:     /* max_group + 5 (min_group as it was) */
	case ADVISE_SECTION:        /* sections + 1: the sections held stay allowed */
	case ADVISE_SEMINAR_SIZE:   /* max_size + 5 */
	case ADVISE_LAB_GROUP:      /* lab max_group + 10 */
	case ADVISE_EXPERTISE:      /* able where not able before */
	case ADVISE_GURU:           /* able -> guru: only a weight changes */
		return true;
	}
	return false;
}

void advise_unmet_init(struct advise_unmet *u, const struct problem *p)
{
	memset(u, 0, sizeof(*u));
	u->goal = xcalloc((size_t)p->n_goals + 1, sizeof(double));
	u->goal_facilitator = xcalloc((size_t)p->n_goals + 1, sizeof(double));
	u->seminar = xcalloc((size_t)p->n_seminars + 1, sizeof(double));
	u->led_goal = xcalloc((size_t)p->n_facilitators * (size_t)p->n_goals + 1, sizeof(int));
	u->led_seminar = xcalloc((size_t)p->n_facilitators * (size_t)p->n_seminars + 1,
				 sizeof(int));
}

void advise_unmet_release(struct advise_unmet *u)
{
	free(u->goal);
	free(u->goal_facilitator);
	free(u->seminar);
	free(u->led_goal);
	free(u->led_seminar);
	memset(u, 0, sizeof(*u));
}

struct list {
	struct advise_candidate *c;
	int n;
	size_t alloc;
};

/* Appends a candidate (taking change) when it is priced above zero or
 * reaches unmet demand of the kind it serves (reach > 0); returns it for
 * its edit, or NULL (change freed). */
static struct advise_candidate *add(struct list *l, enum advise_kind kind, double price,
				    double reach, char *change)
{
	double expected = price < reach ? price : reach;
	if (!(expected > 1e-9) && !(reach > 1e-9)) {
		free(change);
		return NULL;
	}
	xgrow((void **)&l->c, &l->alloc, (size_t)l->n + 1, sizeof(*l->c));
	struct advise_candidate *c = &l->c[l->n++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->expected = expected > 0 ? expected : 0;
	c->reach = reach;
	c->change = change;
	return c;
}

static void set_edit(struct advise_candidate *c, enum advise_edit_op op, const char *file,
		     const char *key_col, const char *key, const char *col, char *value)
{
	if (!c) {
		free(value);
		return;
	}
	c->edit = (struct advise_edit){ .op = op, .file = file, .key_col = key_col,
					.key = xstrdup(key), .col = col, .value = value };
}

/* Whether f can lead a goal of area. */
static bool leads_area(const struct problem *p, int f, int area)
{
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].area == area && problem_goal_level(p, f, g) >= LEVEL_ABLE)
			return true;
	return false;
}

/* The first seminar block the model schedules where unavailable (NULL:
 * any) is set, or -1. */
static int first_seminar_block(const struct problem *p, const bool *unavailable)
{
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_SEMINAR && problem_block_scheduled(p, b) &&
		    (!unavailable || unavailable[b]))
			return b;
	return -1;
}

/* The unmet value facilitator f could reach: the goals and seminars f leads. */
static double facilitator_reach(const struct problem *p, const struct advise_unmet *u, int f)
{
	double v = 0;
	for (int g = 0; g < p->n_goals; g++)
		if (problem_goal_level(p, f, g) >= LEVEL_ABLE)
			v += u->goal[g];
	for (int s = 0; s < p->n_seminars; s++)
		if (problem_seminar_level(p, f, s) >= LEVEL_ABLE)
			v += u->seminar[s];
	return v;
}

static void facilitator_candidates(struct list *l, const struct problem *p,
				   const struct bound_lp_prices *pr, const struct advise_unmet *u)
{
	for (int f = 0; f < p->n_facilitators; f++) {
		const struct facilitator *fa = &p->facilitators[f];
		double reach = facilitator_reach(p, u, f);
		int avail = 0;
		for (int b = 0; b < p->n_blocks; b++)
			avail += problem_block_scheduled(p, b) && !fa->unavailable[b];
		if (fa->max_sessions < avail) {
			struct advise_candidate *c = add(l, ADVISE_MAX_SESSIONS, pr->budget[f], reach,
				xasprintf("%s leads one more session (max_sessions %d -> %d)",
					  fa->id, fa->max_sessions, fa->max_sessions + 1));
			set_edit(c, EDIT_SET, "facilitators.csv", "facilitator_id", fa->id,
				 "max_sessions", xasprintf("%d", fa->max_sessions + 1));
		}
		int best = -1;
		for (int j = 0; j < pr->n_blocks; j++)
			if (fa->unavailable[pr->blocks[j]] &&
			    (best < 0 || pr->fac_block[(size_t)f * pr->n_blocks + j] >
					 pr->fac_block[(size_t)f * pr->n_blocks + best]))
				best = j;
		int b = best >= 0 ? pr->blocks[best] : -1, sb = first_seminar_block(p, fa->unavailable);
		double price = best >= 0 ? pr->fac_block[(size_t)f * pr->n_blocks + best] : 0;
		if (sb >= 0 && (b < 0 || pr->sem_fac[f] > price)) {
			b = sb;
			price = pr->sem_fac[f];
		}
		if (b >= 0) {
			const char *bid = p->blocks[b].id;
			struct advise_candidate *c = add(l, ADVISE_UNAVAILABLE, price, reach,
				xasprintf("%s is available in block %s", fa->id, bid));
			set_edit(c, EDIT_LIST_REMOVE, "facilitators.csv", "facilitator_id", fa->id,
				 "unavailable", xstrdup(bid));
		}
		for (int g = 0; g < p->n_goals; g++) {
			double able = pr->able[(size_t)f * p->n_goals + g];
			/* unpriced: only a facilitator who leads the goal's area */
			if (!(able > 0) && !leads_area(p, f, p->goals[g].area))
				continue;
			struct advise_candidate *c = add(l, ADVISE_EXPERTISE, able,
				u->goal_facilitator[g],
				xasprintf("%s becomes able to lead goal %s", fa->id, p->goals[g].id));
			if (!c)
				continue;
			c->edit = (struct advise_edit){ .op = EDIT_APPEND_ROW, .file = "expertise.csv",
				.n = 3, .cols = { "facilitator_id", "offering", "level" },
				.vals = { xstrdup(fa->id), xstrdup(p->goals[g].id), xstrdup("able") } };
		}
	}
}

/* A guru earns w_guru a session (goal) or meeting (seminar) they lead:
 * an able facilitator made guru of what they lead gains that much on the
 * same schedule (an estimate from the schedule, not from the LP). */
static void add_guru(struct list *l, const struct problem *p, int f, const char *offering,
		     int led)
{
	double v = p->config.w_guru * led;
	struct advise_candidate *c = add(l, ADVISE_GURU, v, v,
		xasprintf("%s becomes a guru of %s (leads it %d time%s)", p->facilitators[f].id,
			  offering, led, led == 1 ? "" : "s"));
	if (c)
		c->edit = (struct advise_edit){ .op = EDIT_APPEND_ROW, .file = "expertise.csv",
			.n = 3, .cols = { "facilitator_id", "offering", "level" },
			.vals = { xstrdup(p->facilitators[f].id), xstrdup(offering), xstrdup("guru") } };
}

static void guru_candidates(struct list *l, const struct problem *p, const struct advise_unmet *u)
{
	for (int f = 0; f < p->n_facilitators; f++) {
		for (int g = 0; g < p->n_goals; g++)
			if (problem_goal_level(p, f, g) == LEVEL_ABLE)
				add_guru(l, p, f, p->goals[g].id, u->led_goal[f * p->n_goals + g]);
		for (int s = 0; s < p->n_seminars; s++)
			if (problem_seminar_level(p, f, s) == LEVEL_ABLE)
				add_guru(l, p, f, p->seminars[s].id,
					 u->led_seminar[f * p->n_seminars + s]);
	}
}

/* Whether rooms a and b have the same capacity and features. */
static bool same_room_class(const struct room *a, const struct room *b)
{
	return a->capacity == b->capacity && problem_rooms_same_features(a, b);
}

/* A new room's id: "advice_room", or with a number when taken. */
static char *new_room_id(const struct problem *p)
{
	char *id = xstrdup("advice_room");
	for (int k = 2; problem_find_room(p, id) >= 0; k++) {
		free(id);
		id = xasprintf("advice_room%d", k);
	}
	return id;
}

/* "a;b;c": every block but keep. */
static char *blocks_but(const struct problem *p, int keep)
{
	char *s = xstrdup("");
	for (int b = 0; b < p->n_blocks; b++) {
		if (b == keep)
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? ";" : "", p->blocks[b].id);
		free(s);
		s = t;
	}
	return s;
}

static void room_candidates(struct list *l, const struct problem *p,
			    const struct bound_lp_prices *pr, const struct advise_unmet *u)
{
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		bool first = true;
		for (int k = 0; k < r && first; k++)
			first = !same_room_class(&p->rooms[k], rm);
		int sb = first_seminar_block(p, NULL);
		if (!first || (pr->n_blocks == 0 && sb < 0))
			continue;
		int best = 0;
		for (int j = 1; j < pr->n_blocks; j++)
			if (pr->room[(size_t)r * pr->n_blocks + j] >
			    pr->room[(size_t)r * pr->n_blocks + best])
				best = j;
		int b = pr->n_blocks ? pr->blocks[best] : -1;
		double price = b >= 0 ? pr->room[(size_t)r * pr->n_blocks + best] : 0;
		double reach = u->room;
		/* a seminar block's room seats meetings (and labs) */
		if (sb >= 0 && (b < 0 || pr->sem_room[r] > price)) {
			b = sb;
			price = pr->sem_room[r];
			for (int s = 0; s < p->n_seminars; s++)
				reach += u->seminar[s];
		}
		char *feat = xstrdup("");
		for (int i = 0; i < rm->n_features; i++) {
			char *t = xasprintf("%s%s%s", feat, i ? ";" : "", p->features[rm->features[i]]);
			free(feat);
			feat = t;
		}
		struct advise_candidate *c = add(l, ADVISE_ROOM, price, reach,
			xasprintf("one more room of %d seats%s%s (like %s) in block %s", rm->capacity,
				  *feat ? " with " : "", feat, rm->id, p->blocks[b].id));
		if (c)
			c->edit = (struct advise_edit){ .op = EDIT_APPEND_ROW, .file = "rooms.csv",
				.n = 4, .cols = { "room_id", "capacity", "features", "unavailable" },
				.vals = { new_room_id(p), xasprintf("%d", rm->capacity), feat,
					  blocks_but(p, b) } };
		else
			free(feat);
	}
}

static void offering_candidates(struct list *l, const struct problem *p,
				const struct bound_lp_prices *pr, const struct advise_unmet *u)
{
	for (int g = 0; g < p->n_goals; g++) {
		const struct goal *go = &p->goals[g];
		if (go->mode != GOAL_FACILITATED)
			continue;
		struct advise_candidate *c = add(l, ADVISE_GOAL_GROUP, 5 * pr->group[g], u->goal[g],
			xasprintf("goal %s's groups up to %d learners (max_group %d -> %d)", go->id,
				  go->max_group + 5, go->max_group, go->max_group + 5));
		set_edit(c, EDIT_SET, "goals.csv", "goal_id", go->id, "max_group",
			 xasprintf("%d", go->max_group + 5));
	}
	for (int s = 0; s < p->n_seminars; s++) {
		const struct seminar *sm = &p->seminars[s];
		struct advise_candidate *c = add(l, ADVISE_SECTION, pr->section[s], u->seminar[s],
			xasprintf("one more section of seminar %s (sections %d -> %d)", sm->id,
				  sm->sections, sm->sections + 1));
		set_edit(c, EDIT_SET, "seminars.csv", "seminar_id", sm->id, "sections",
			 xasprintf("%d", sm->sections + 1));
		c = add(l, ADVISE_SEMINAR_SIZE, 5 * pr->sem_size[s], u->seminar[s],
			xasprintf("seminar %s takes up to %d learners (max_size %d -> %d)", sm->id,
				  sm->max_size + 5, sm->max_size, sm->max_size + 5));
		set_edit(c, EDIT_SET, "seminars.csv", "seminar_id", sm->id, "max_size",
			 xasprintf("%d", sm->max_size + 5));
	}
	int lab = p->config.lab_max_group;
	/* only when priced: every unmet need could be said to wait on labs */
	double lab_price = 10 * pr->group[p->n_goals];
	struct advise_candidate *c = add(l, ADVISE_LAB_GROUP, lab_price,
		lab_price > 0 ? u->total : 0,
		xasprintf("labs up to %d learners (lab max_group %d -> %d)", lab + 10, lab, lab + 10));
	set_edit(c, EDIT_CONF_LAB, "scenario.conf", NULL, "", "max_group",
		 xasprintf("%d", lab + 10));
}

static int by_expected(const void *a, const void *b)
{
	const struct advise_candidate *x = a, *y = b;
	if (x->expected != y->expected)
		return x->expected < y->expected ? 1 : -1;
	if (x->reach != y->reach)
		return x->reach < y->reach ? 1 : -1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->change, y->change);
}

struct advise_candidate *advise_candidates(const struct problem *p,
					   const struct bound_lp_prices *pr,
					   const struct advise_unmet *u, int *n)
{
	struct list l = { 0 };
	if (pr->valid) {
		facilitator_candidates(&l, p, pr, u);
		room_candidates(&l, p, pr, u);
		offering_candidates(&l, p, pr, u);
		guru_candidates(&l, p, u);
	}
	if (l.n > 1)
		qsort(l.c, (size_t)l.n, sizeof(*l.c), by_expected);
	*n = l.n;
	return l.c;
}

void advise_candidates_free(struct advise_candidate *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].change);
		free(c[i].edit.key);
		free(c[i].edit.value);
		for (int k = 0; k < c[i].edit.n; k++)
			free(c[i].edit.vals[k]);
	}
	free(c);
}

char *advise_edit_describe(const struct advise_edit *e)
{
	switch (e->op) {
	case EDIT_SET:
		return xasprintf("%s: %s = %s where %s = %s", e->file, e->col, e->value, e->key_col,
				 e->key);
	case EDIT_LIST_REMOVE:
		return xasprintf("%s: %s without %s where %s = %s", e->file, e->col, e->value,
				 e->key_col, e->key);
	case EDIT_CONF_LAB:
		return xasprintf("scenario.conf: lab { max_group = %s }", e->value);
	case EDIT_APPEND_ROW:
		break;
	}
	char *s = xasprintf("%s: new row", e->file);
	for (int k = 0; k < e->n; k++) {
		char *t = xasprintf("%s%s %s = %s", s, k ? "," : "", e->cols[k], e->vals[k]);
		free(s);
		s = t;
	}
	return s;
}
