/*
 * bound_lp_distinct.c - a workshop block's cover cuts (bound_lp_seminar.c)
 * with the seats of its workshops counted in distinct learners.
 *
 * The cover cuts bound what t workshops of block j seat by seat(t), the t
 * largest pieces (bound_lp_seminar.c's top): a goal's group size, no more
 * than the learners who may join it, then what is left of those, no more
 * pieces than the goal's leaders in j.  Two goals' pieces count the same
 * learner twice when they need both, yet a learner sits in one session a
 * block.  Let D_g be the learners available in j with a ready need for g
 * (a learner attends a workshop only of a ready need, data contract rule
 * 6; and those a pin seats in g's session or, naming no goal, in any
 * session: in a replan's view a pinned need may be no longer ready), and
 * let a set T of sessions take c_g of g's pieces.  Every learner T seats
 * is in the union of D_g over the goals T runs, once, and in no
 * session more than its piece, so T seats at most
 *
 *     V(T) = min( sum over T of its pieces , | union of D_g, g in T | ),
 *
 * and t sessions seat at most seat'(t) = max of V(T) over the sets T of at
 * most t pieces, taking a goal's pieces in order (its first piece is its
 * largest: any other choice seats no more).  This replaces seat(t) (V <=
 * the sum of pieces) wherever it is smaller, in every S(k, l) of the cover
 * cuts, so they stay valid and get the hull of fewer plans.  With d_g =
 * |D_g| for this block alone (the pieces take the group's largest), V also
 * sees that a merged group's block has fewer learners for g.
 *
 * seat'(t) is a maximum coverage problem; it is found by branch and bound
 * over the pieces, largest first, each node bounded by
 *
 *     min( its pieces + the r largest pieces left,
 *          its union + the r largest |D_g \ union| of the pieces left, W )
 *
 * (r the sessions still to take, W the learners with any ready need of a
 * goal run in j): the union grows by no more than the sum of the pieces'
 * own new learners.  Nodes past DISTINCT_WORK per block are not searched;
 * the largest of their bounds and the best V found is returned, still an
 * upper bound on seat'(t), so the cut is valid however the search ends.
 * Once seat'(t) reaches the block's learners every later t does too, and
 * the search stops (S(k, l) >= n then, whatever the larger t give).
 */
#include "models/bound_lp_distinct.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

/* The branch and bound's work per block, over every t: nodes times the
 * words of pieces it reads a node (pieces x learners / 64). */
#define DISTINCT_WORK 1000000L

struct piece_item {
	int cap;      /* what the session seats at most */
	int goal;     /* index into the block's goal sets */
	int rank;     /* 0: the goal's first piece, 1: its second, ... */
};

struct cover_search {
	int n_items, words, t;
	const struct piece_item *item;
	const uint64_t *set;    /* [goal * words]: D_g as bits */
	int *taken;             /* [goals]: pieces of g in the current set */
	long best, open;        /* best V found; largest bound left unsearched */
	long nodes, most_nodes;
	long *gain;             /* [n_items] scratch */
	uint64_t *stack;        /* [(t + 1) * words]: the unions by depth */
	long W;
};

static int popcount_and_not(const uint64_t *a, const uint64_t *u, int words)
{
	int c = 0;
	for (int i = 0; i < words; i++)
		c += __builtin_popcountll(a[i] & ~u[i]);
	return c;
}

static int cmp_long_desc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x < y) - (x > y);
}

/* The node's bound (the file's top): r more pieces from pos on. */
static long node_bound(struct cover_search *s, int pos, int r, long caps, long cov,
		       const uint64_t *u)
{
	long capb = caps;
	for (int i = pos; i < s->n_items && i < pos + r; i++)
		capb += s->item[i].cap;   /* items are sorted: the r largest */
	int m = 0;
	for (int i = pos; i < s->n_items; i++)
		if (s->item[i].rank == 0 && !s->taken[s->item[i].goal])
			s->gain[m++] = popcount_and_not(&s->set[(size_t)s->item[i].goal * s->words],
							u, s->words);
	qsort(s->gain, (size_t)m, sizeof(long), cmp_long_desc);
	long covb = cov;
	for (int i = 0; i < m && i < r; i++)
		covb += s->gain[i];
	long b = capb < covb ? capb : covb;
	return b < s->W ? b : s->W;
}

/* The sets of at most t pieces from pos on, with c taken so far (their
 * pieces caps, their union u of cov learners). */
static void search(struct cover_search *s, int pos, int c, long caps, const uint64_t *u, long cov)
{
	long v = caps < cov ? caps : cov;
	if (v > s->best)
		s->best = v;
	if (c == s->t || pos == s->n_items)
		return;
	long b = node_bound(s, pos, s->t - c, caps, cov, u);
	if (b <= s->best)
		return;
	if (++s->nodes > s->most_nodes) {
		if (b > s->open)
			s->open = b;
		return;
	}
	const struct piece_item *it = &s->item[pos];
	if (it->rank == s->taken[it->goal]) {   /* a goal's pieces in order */
		uint64_t *nu = &s->stack[(size_t)(c + 1) * s->words];
		const uint64_t *a = &s->set[(size_t)it->goal * s->words];
		long ncov = cov + popcount_and_not(a, u, s->words);
		for (int i = 0; i < s->words; i++)
			nu[i] = u[i] | a[i];
		s->taken[it->goal]++;
		search(s, pos + 1, c + 1, caps + it->cap, nu, ncov);
		s->taken[it->goal]--;
	}
	search(s, pos + 1, c, caps, u, cov);
}

static int cmp_item(const void *a, const void *b)
{
	const struct piece_item *x = a, *y = b;
	if (x->cap != y->cap)
		return (x->cap < y->cap) - (x->cap > y->cap);
	if (x->goal != y->goal)
		return (x->goal > y->goal) - (x->goal < y->goal);
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* The goal a pin seats learner l in, in block j: -1 none, -2 any (a pin
 * naming no offering), else the goal (the lab: none). */
static int pinned_goal(const struct problem *p, int j, int l)
{
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		if (pn->block != j)
			continue;
		for (int a = 0; a < pn->n_learners; a++)
			if (pn->learners[a] == l)
				return pn->kind == LOCK_GOAL ? pn->offering :
				       pn->kind == LOCK_ANY ? -2 : -1;
	}
	return -1;
}

/* D_g of block j for the goals run (gidx[g] >= 0), as bits, and W.  A
 * learner a pin seats in a workshop is in its goal's set (every goal's,
 * when the pin names none), ready need or not (a replan's view). */
static uint64_t *goal_sets(const struct problem *p, int j, const int *gidx, int n_run, int words,
			   long *W)
{
	uint64_t *set = xcalloc((size_t)n_run * (size_t)words + 1, sizeof(uint64_t));
	*W = 0;
	int bit = 0;
	for (int l = 0; l < p->n_learners; l++) {
		if (p->learners[l].unavailable[j])
			continue;
		bool any = false;
		int pin = p->n_pins ? pinned_goal(p, j, l) : -1;
		for (int g = 0; g < p->n_goals && pin == -2; g++)
			if (gidx[g] >= 0) {
				set[(size_t)gidx[g] * words + bit / 64] |= (uint64_t)1 << (bit % 64);
				any = true;
			}
		for (int q = p->need_start[l]; q <= p->need_start[l + 1]; q++) {
			int g = q < p->need_start[l + 1] ? (p->needs[q].ready ? p->needs[q].goal : -1) :
				pin;
			if (g < 0 || gidx[g] < 0)
				continue;
			set[(size_t)gidx[g] * words + bit / 64] |= (uint64_t)1 << (bit % 64);
			any = true;
		}
		*W += any;
		bit++;
	}
	return set;
}

struct cover_block bound_lp_workshop_cover(const struct problem *p, int j, const int *run,
					   int stride, const int *dmax)
{
	double t0 = mcl_now();
	int ng = p->n_goals, n_run = 0, n_items = 0, learners = 0, room = 0;
	int *gidx = xmalloc(sizeof(int) * ((size_t)ng + 1));
	int *piece = xmalloc(sizeof(int) * ((size_t)ng * (size_t)p->n_facilitators + 1));
	struct piece_item *item = xmalloc(sizeof(*item) *
					  ((size_t)ng * (size_t)p->n_facilitators + 1));
	for (int r = 0; r < p->n_rooms; r++)
		if (!p->rooms[r].unavailable[j] && p->rooms[r].capacity > room)
			room = p->rooms[r].capacity;
	for (int g = 0; g < ng; g++) {
		gidx[g] = -1;
		if (!run[(size_t)g * stride])
			continue;
		int n0 = n_items;
		bound_lp_cover_pieces(piece, &n_items, p->goals[g].max_group,
				      dmax[(size_t)g * stride], bound_lp_goal_leaders(p, g, j));
		for (int i = n0; i < n_items; i++)
			item[i] = (struct piece_item){ .cap = piece[i] < room ? piece[i] : room,
						       .goal = n_run, .rank = i - n0 };
		if (n_items > n0)
			gidx[g] = n_run++;
	}
	for (int l = 0; l < p->n_learners; l++)
		learners += !p->learners[l].unavailable[j];
	int words = (learners + 63) / 64 + 1;
	long W;
	uint64_t *set = goal_sets(p, j, gidx, n_run, words, &W);
	qsort(item, (size_t)n_items, sizeof(*item), cmp_item);
	int f = 0;
	for (int i = 0; i < p->n_facilitators; i++)
		f += !p->facilitators[i].unavailable[j] && p->facilitators[i].max_sessions > 0;
	long *most = xmalloc(sizeof(long) * ((size_t)f + 1));
	struct cover_search s = { .n_items = n_items, .words = words, .item = item, .set = set,
				  .taken = xcalloc((size_t)n_run + 1, sizeof(int)),
				  .gain = xmalloc(sizeof(long) * ((size_t)n_items + 1)), .W = W,
				  .most_nodes = DISTINCT_WORK / ((long)n_items * words + 1) };
	s.stack = xcalloc(((size_t)f + 2) * (size_t)words, sizeof(uint64_t));
	most[0] = 0;
	for (int t = 1; t <= f; t++) {
		if (most[t - 1] >= learners) {   /* the file's top: no tighter need */
			most[t] = LONG_MAX;
			continue;
		}
		s.t = t;
		s.open = 0;   /* best carries over: t - 1 pieces are t pieces at most */
		search(&s, 0, 0, 0, s.stack, 0);
		most[t] = s.best > s.open ? s.best : s.open;
	}
	mcl_log(LOG_VERBOSE, "bound LP: block %d seats in distinct learners (%d goals, %d pieces, "
		"%ld of %d learners with a need, %ld nodes, %.3f s)", j, n_run, n_items, W, learners,
		s.nodes, mcl_now() - t0);
	int n_piece = 0;
	for (int i = 0; i < n_items; i++)
		piece[n_piece++] = item[i].cap;
	struct cover_block b = bound_lp_block_cover(p, j, piece, n_piece, most);
	free(s.stack);
	free(s.taken);
	free(s.gain);
	free(most);
	free(set);
	free(item);
	free(piece);
	free(gidx);
	return b;
}
