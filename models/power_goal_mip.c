/*
 * power_goal_mip.c - the power-goal problem as the contract states it, as an
 * integer program: written exactly for --write-lp, and relaxed to an LP whose
 * dual solution bounds every schedule the power-goal model may write.
 *
 * The model's own search (power_goal.c) restricts the schedule for speed (a
 * facilitator leads at most one group, greedy groups); the program here does
 * not, so its bound holds for the contract's problem, not only for the
 * search's.
 *
 * Sets.  W: the workshop blocks; A_i (subset of W): the blocks where learner
 * i is available (learners with A_i empty are left out: they have no
 * session).  O_i: the goals of i's ready facilitated needs that every block
 * of A_i allows (a group meets in every block where its members are), each
 * with value v(i,g) = what i scores attending a session of g in every block
 * of A_i (need weight times min(sessions, |A_i|), the power-goal bonus, the
 * daily weight of each day of A_i); v(i,lab) = what i scores in the lab in
 * every block of A_i.  K: facilitators; a pair (k,g) for each goal g of some
 * O_i and each k with expertise in g.  C: room classes, rooms of equal
 * capacity and features; cnt(c,b) rooms of c available in block b (rooms of
 * one class are interchangeable, so per-block counts are exact).
 * e(g,c) = min(cap_c, max_g) for rooms of c with g's feature, e(lab,c) =
 * min(cap_c, lab max_group) for rooms with lab.feature.
 *
 * Variables (binary in the exact MIP unless said).
 *   x[i,k,g]  i is in the group of goal g led by k (k available in every
 *             block of A_i, max_sessions_k >= |A_i|: implied by (2), (8))
 *   x[i,lab]  i is in the lab in every block of A_i
 *   a[k,g,b]  k leads a session of g in block b (k available in b)
 *   r[k,g,c,b] that session meets in a room of class c
 *   y[k,g]    the group (k,g) exists                 (exact MIP only)
 *   h[k,b]    k supervises a lab in block b (k available in b)
 *   z[c,b]    integer: lab sessions in rooms of class c in block b
 *
 *   max  sum_i sum_o v(i,o) x[i,o] + guru * sum_{k guru in g, b} a[k,g,b]
 *   (1)  sum_o x[i,o] = 1                                   every learner
 *   (2)  x[i,k,g] <= a[k,g,b]               b in A_i: the group meets
 *   (3)  a[k,g,b] <= sum_{i: b in A_i} x[i,k,g]       no empty session
 *   (4)  sum_c r[k,g,c,b] = a[k,g,b]                  one room
 *   (5)  sum_{i: b in A_i} x[i,k,g] <= sum_c e(g,c) r[k,g,c,b]   seats
 *   (6)  min_g y[k,g] <= sum_i x[i,k,g] <= max_g y[k,g],  a[k,g,b] <= y[k,g]
 *   (7)  sum_g a[k,g,b] + h[k,b] <= 1                 one session a block
 *   (8)  sum_{g,b} a[k,g,b] + sum_b h[k,b] <= max_sessions_k
 *   (9)  sum_{k,g} r[k,g,c,b] + z[c,b] <= cnt(c,b)    rooms
 *   (10) sum_{i: b in A_i} x[i,lab] <= sum_c e(lab,c) z[c,b]      lab seats
 *   (11) sum_c z[c,b] <= sum_k h[k,b]                 lab supervisors
 * Labs are per block: any facilitator free in that block may supervise one,
 * in any room with the lab feature; learners are split among a block's labs
 * freely, so the seat count (10) is exact (a lab left empty is dropped).
 * The exact MIP indexes a group by its facilitator and goal, so it leaves
 * out one corner of the contract: a facilitator leading two groups of the
 * same goal whose members are never available in the same block.
 *
 * The relaxation.  The LP relaxation of (1)-(11) without (6), which is the
 * only constraint that corner breaks: with several groups of (k,g), (2)-(5)
 * still hold for their union, since k leads one session a block.  Every
 * contract schedule is thus a feasible point (pg_relaxation), one of the
 * bounds of power_goal_bound.c.  (2) is written through one column per
 * availability pattern (see strong_rows_of); on very large schools it is
 * left out of the relaxation (PG_STRONG_ROWS), weaker but still valid.
 */
#include "models/power_goal_mip.h"

#include <float.h>
#include <glpk.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/glpk_run.h"
#include "models/lp_branch.h"
#include "models/lp_build.h"

#define PG_STRONG_ROWS 200000       /* most rows (2) the bound LP takes */
#define PG_BOUND_COLUMNS 150000     /* most x columns the bound LP takes */

/* What learner l scores over the cycle in goal g (PG_LAB: the lab) in each
 * of the blocks where l is available: objective_learner on a tally of that
 * alone (t is scratch, all zero on entry and on return). */
static double option_value(const struct problem *p, struct tally *t, int l, const int *blocks,
			   int nb, int g)
{
	int q = g == PG_LAB ? -1 : objective_need_of(p, l, g);
	for (int j = 0; j < nb; j++) {
		if (p->learners[l].unavailable[blocks[j]])
			continue;
		if (q < 0) {
			t->lab_cnt[l]++;
			continue;
		}
		t->need_cnt[q]++;
		*tally_day(t, p, l, p->blocks[blocks[j]].day_index) = 1;
	}
	double v = objective_learner(p, t, l);
	if (q >= 0)
		t->need_cnt[q] = 0;
	t->lab_cnt[l] = 0;
	memset(tally_day(t, p, l, 0), 0, sizeof(int) * (size_t)p->n_days);
	return v;
}

void pg_options_build(const struct problem *p, struct pg_options *o)
{
	memset(o, 0, sizeof(*o));
	o->blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			o->blocks[o->nb++] = b;
	o->learners = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	o->avail = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	o->start = xmalloc(sizeof(int) * (size_t)(p->n_learners + 2));
	size_t cap = (size_t)p->n_needs + (size_t)p->n_learners + 1;
	o->goal = xmalloc(sizeof(int) * cap);
	o->value = xmalloc(sizeof(double) * cap);
	int no = 0;
	struct tally scratch;
	tally_init(&scratch, p);
	for (int l = 0; l < p->n_learners; l++) {
		int avail = 0;
		for (int j = 0; j < o->nb; j++)
			avail += !p->learners[l].unavailable[o->blocks[j]];
		if (!avail)
			continue;
		o->start[o->n] = no;
		o->avail[o->n] = avail;
		o->learners[o->n++] = l;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED ||
			    objective_need_of(p, l, nd->goal) != q)
				continue;
			int allowed = 1;
			for (int j = 0; j < o->nb; j++)
				allowed &= p->learners[l].unavailable[o->blocks[j]] ||
					   problem_block_allows(p, o->blocks[j], nd->goal);
			if (!allowed)
				continue;
			o->goal[no] = nd->goal;
			o->value[no++] = option_value(p, &scratch, l, o->blocks, o->nb, nd->goal);
		}
		o->goal[no] = PG_LAB;
		o->value[no++] = option_value(p, &scratch, l, o->blocks, o->nb, PG_LAB);
	}
	o->start[o->n] = no;
	tally_release(&scratch);
}

void pg_index_goals(const struct problem *p, const struct pg_options *o, int **goal_start,
		    int **goal_opt, int **opt_learner)
{
	int ng = p->n_goals, no = o->start[o->n];
	int *start = *goal_start = xcalloc((size_t)ng + 2, sizeof(int));
	int *opt = *goal_opt = xmalloc(sizeof(int) * ((size_t)no + 1));
	int *learner = *opt_learner = xmalloc(sizeof(int) * ((size_t)no + 1));
	for (int i = 0; i < o->n; i++)
		for (int op = o->start[i]; op < o->start[i + 1]; op++) {
			learner[op] = i;
			if (o->goal[op] != PG_LAB)
				start[o->goal[op] + 1]++;
		}
	for (int g = 0; g < ng; g++)
		start[g + 1] += start[g];
	int *fill = xmalloc(sizeof(int) * ((size_t)ng + 1));
	memcpy(fill, start, sizeof(int) * (size_t)ng);
	for (int op = 0; op < no; op++)
		if (o->goal[op] != PG_LAB)
			opt[fill[o->goal[op]]++] = op;
	free(fill);
}

void pg_options_release(struct pg_options *o)
{
	free(o->blocks);
	free(o->learners);
	free(o->avail);
	free(o->start);
	free(o->goal);
	free(o->value);
	memset(o, 0, sizeof(*o));
}

bool pg_leader_fits(const struct problem *p, const struct pg_options *o, int k, int i)
{
	const struct facilitator *f = &p->facilitators[k];
	if (f->max_sessions < o->avail[i])
		return false;
	const struct learner *ln = &p->learners[o->learners[i]];
	for (int j = 0; j < o->nb; j++)
		if (!ln->unavailable[o->blocks[j]] && f->unavailable[o->blocks[j]])
			return false;
	return true;
}

/* A (facilitator, goal) pair and the learners who may join its group. */
struct pg_pair {
	int k, g;
	int *col_a;                 /* [nb], 0 where k is unavailable */
	int *col_r;                 /* [n_classes * nb], 0 when not usable */
	int col_y;
	int *col_s;                 /* [n_patterns] of strong_rows_of, or NULL */
	int n_x, alloc_x;
	int *x_learner, *x_col;
};

struct pg_build {
	const struct problem *p;
	const struct pg_options *o;
	bool exact, strong;
	int kind;                   /* GLP_BV in the exact MIP, else GLP_CV */
	glp_prob *P;
	struct triplets t;
	int nc;
	struct pg_class *cls;
	int n_pairs;
	struct pg_pair *pairs;
	int *col_lab;               /* [n] */
	int *col_h;                 /* [n_facilitators * nb] */
	int *col_z;                 /* [nc * nb] */
	int n_patterns;
	int *pattern;               /* [n]: learner's availability pattern */
	struct lp_int *ints;        /* the bound LP's whole-valued expressions */
	int n_ints;
};

int pg_patterns(const struct problem *p, const struct pg_options *o, int *pattern)
{
	int *first = xmalloc(sizeof(int) * ((size_t)o->n + 1));
	int n = 0;
	for (int i = 0; i < o->n; i++) {
		const bool *ua = p->learners[o->learners[i]].unavailable;
		int q;
		for (q = 0; q < n; q++) {
			const bool *ub = p->learners[o->learners[first[q]]].unavailable;
			int same = 1;
			for (int j = 0; j < o->nb && same; j++)
				same = ua[o->blocks[j]] == ub[o->blocks[j]];
			if (same)
				break;
		}
		if (q == n)
			first[n++] = i;
		pattern[i] = q;
	}
	free(first);
	return n;
}

int pg_classes_build(const struct problem *p, const struct pg_options *o, struct pg_class **out)
{
	int nb = o->nb, nc = 0;
	struct pg_class *cls = xcalloc((size_t)p->n_rooms + 1, sizeof(*cls));
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *room = &p->rooms[r];
		int c;
		for (c = 0; c < nc; c++)
			if (cls[c].cap == room->capacity && problem_rooms_same_features(cls[c].proto, room))
				break;
		if (c == nc) {
			cls[c].cap = room->capacity;
			cls[c].proto = room;
			cls[c].count = xcalloc((size_t)nb + 1, sizeof(int));
			nc++;
		}
		for (int j = 0; j < nb; j++)
			cls[c].count[j] += !room->unavailable[o->blocks[j]];
	}
	*out = cls;
	return nc;
}

void pg_classes_free(struct pg_class *cls, int nc)
{
	for (int c = 0; c < nc; c++)
		free(cls[c].count);
	free(cls);
}

/* The pairs (k, g) for the goals of some option, with their a, r, y columns
 * and the x columns of the learners who may join. */
static void build_pairs(struct pg_build *m)
{
	const struct problem *p = m->p;
	const struct pg_options *o = m->o;
	int nb = o->nb;
	int *pair_of = xmalloc(sizeof(int) * ((size_t)p->n_facilitators * p->n_goals + 1));
	for (long i = 0; i < (long)p->n_facilitators * p->n_goals; i++)
		pair_of[i] = -1;
	m->pairs = xcalloc((size_t)p->n_facilitators * p->n_goals + 1, sizeof(*m->pairs));
	for (int i = 0; i < o->n; i++)
		for (int op = o->start[i]; op < o->start[i + 1]; op++) {
			int g = o->goal[op];
			if (g == PG_LAB)
				continue;
			double guru = p->config.w_guru;
			for (int k = 0; k < p->n_facilitators; k++) {
				if (problem_goal_level(p, k, g) < LEVEL_ABLE || !pg_leader_fits(p, o, k, i))
					continue;
				long key = (long)k * p->n_goals + g;
				if (pair_of[key] < 0) {
					struct pg_pair *pr = &m->pairs[m->n_pairs];
					pair_of[key] = m->n_pairs++;
					pr->k = k;
					pr->g = g;
					pr->col_a = xcalloc((size_t)nb + 1, sizeof(int));
					pr->col_r = xcalloc((size_t)m->nc * nb + 1, sizeof(int));
					double w = problem_goal_level(p, k, g) == LEVEL_GURU ? guru : 0;
					int feat = p->goals[g].feature;
					for (int j = 0; j < nb; j++) {
						if (p->facilitators[k].unavailable[o->blocks[j]])
							continue;
						pr->col_a[j] = lp_add_col(m->P, m->kind, 0, 1, w);
						for (int c = 0; c < m->nc; c++)
							if (m->cls[c].count[j] > 0 &&
							    problem_room_has(m->cls[c].proto, feat))
								pr->col_r[c * nb + j] =
									lp_add_col(m->P, m->kind, 0, 1, 0);
					}
					if (m->exact)
						pr->col_y = lp_add_col(m->P, GLP_BV, 0, 1, 0);
				}
				struct pg_pair *pr = &m->pairs[pair_of[key]];
				if (pr->n_x == pr->alloc_x) {
					pr->alloc_x = pr->alloc_x ? 2 * pr->alloc_x : 16;
					pr->x_learner = xrealloc(pr->x_learner,
								 sizeof(int) * (size_t)pr->alloc_x);
					pr->x_col = xrealloc(pr->x_col, sizeof(int) * (size_t)pr->alloc_x);
				}
				pr->x_learner[pr->n_x] = i;
				pr->x_col[pr->n_x++] = lp_add_col(m->P, m->kind, 0, 1, o->value[op]);
			}
		}
	free(pair_of);
}

static bool learner_in(const struct pg_build *m, int i, int j)
{
	return !m->p->learners[m->o->learners[i]].unavailable[m->o->blocks[j]];
}

/* Rows (2) of one pair, through one column per availability pattern P
 * (the set A_i, shared by many learners): x[i,k,g] <= s[P] <= a[k,g,b] for
 * b in P, which has the same solutions in x and a as (2) with far fewer
 * rows. */
static void strong_rows_of(struct pg_build *m, struct pg_pair *pr)
{
	int nb = m->o->nb;
	int *col_s = pr->col_s = xcalloc((size_t)m->n_patterns + 1, sizeof(int));
	for (int s = 0; s < pr->n_x; s++) {
		int i = pr->x_learner[s], pat = m->pattern[i];
		if (!col_s[pat]) {
			col_s[pat] = lp_add_col(m->P, GLP_CV, 0, 1, 0);
			for (int j = 0; j < nb; j++) {
				if (!learner_in(m, i, j))
					continue;
				int r = lp_add_row(m->P, GLP_UP, 0, 0);
				triplets_add(&m->t, r, col_s[pat], 1);
				triplets_add(&m->t, r, pr->col_a[j], -1);
			}
		}
		int r = lp_add_row(m->P, GLP_UP, 0, 0);
		triplets_add(&m->t, r, pr->x_col[s], 1);
		triplets_add(&m->t, r, col_s[pat], -1);
	}
}

/* Rows (3)-(6) of one pair. */
static void pair_rows(struct pg_build *m, struct pg_pair *pr)
{
	const struct goal *gl = &m->p->goals[pr->g];
	int nb = m->o->nb;
	for (int j = 0; j < nb; j++) {
		if (!pr->col_a[j]) {
			continue;
		}
		int r3 = lp_add_row(m->P, GLP_UP, 0, 0);
		int r4 = lp_add_row(m->P, GLP_FX, 0, 0);
		int r5 = lp_add_row(m->P, GLP_UP, 0, 0);
		triplets_add(&m->t, r3, pr->col_a[j], 1);
		triplets_add(&m->t, r4, pr->col_a[j], -1);
		for (int c = 0; c < m->nc; c++) {
			int col = pr->col_r[c * nb + j];
			if (!col)
				continue;
			int e = m->cls[c].cap < gl->max_group ? m->cls[c].cap : gl->max_group;
			triplets_add(&m->t, r4, col, 1);
			triplets_add(&m->t, r5, col, -e);
		}
		for (int s = 0; s < pr->n_x; s++) {
			int i = pr->x_learner[s];
			if (!learner_in(m, i, j))
				continue;
			triplets_add(&m->t, r3, pr->x_col[s], -1);
			triplets_add(&m->t, r5, pr->x_col[s], 1);
		}
		if (m->exact) {
			int r6 = lp_add_row(m->P, GLP_UP, 0, 0);
			triplets_add(&m->t, r6, pr->col_a[j], 1);
			triplets_add(&m->t, r6, pr->col_y, -1);
		}
	}
	if (m->strong)
		strong_rows_of(m, pr);
	if (!m->exact)
		return;
	int lo = lp_add_row(m->P, GLP_LO, 0, 0);
	int hi = lp_add_row(m->P, GLP_UP, 0, 0);
	triplets_add(&m->t, lo, pr->col_y, -gl->min_group);
	triplets_add(&m->t, hi, pr->col_y, -gl->max_group);
	for (int s = 0; s < pr->n_x; s++) {
		triplets_add(&m->t, lo, pr->x_col[s], 1);
		triplets_add(&m->t, hi, pr->x_col[s], 1);
	}
}

/* The lab's columns and rows (1), (7)-(11). */
static void common_rows(struct pg_build *m)
{
	const struct problem *p = m->p;
	const struct pg_options *o = m->o;
	int nb = o->nb, nk = p->n_facilitators;
	m->col_lab = xcalloc((size_t)o->n + 1, sizeof(int));
	for (int i = 0; i < o->n; i++)
		m->col_lab[i] = lp_add_col(m->P, m->kind, 0, 1, o->value[o->start[i + 1] - 1]);
	m->col_h = xcalloc((size_t)nk * nb + 1, sizeof(int));
	for (int k = 0; k < nk; k++)
		for (int j = 0; j < nb; j++)
			if (!p->facilitators[k].unavailable[o->blocks[j]])
				m->col_h[k * nb + j] = lp_add_col(m->P, m->kind, 0, 1, 0);
	m->col_z = xcalloc((size_t)m->nc * nb + 1, sizeof(int));
	for (int c = 0; c < m->nc; c++)
		for (int j = 0; j < nb; j++)
			if (m->cls[c].count[j] > 0 && problem_room_has(m->cls[c].proto, p->lab_feature))
				m->col_z[c * nb + j] = lp_add_col(m->P, m->exact ? GLP_IV : GLP_CV, 0,
								  m->cls[c].count[j], 0);
	/* (1) */
	int *row1 = xmalloc(sizeof(int) * ((size_t)o->n + 1));
	for (int i = 0; i < o->n; i++) {
		row1[i] = lp_add_row(m->P, GLP_FX, 1, 1);
		triplets_add(&m->t, row1[i], m->col_lab[i], 1);
	}
	for (int q = 0; q < m->n_pairs; q++)
		for (int s = 0; s < m->pairs[q].n_x; s++)
			triplets_add(&m->t, row1[m->pairs[q].x_learner[s]], m->pairs[q].x_col[s], 1);
	free(row1);
	/* (7), (8) */
	for (int k = 0; k < nk; k++) {
		int r8 = lp_add_row(m->P, GLP_UP, 0, p->facilitators[k].max_sessions);
		for (int j = 0; j < nb; j++) {
			if (!m->col_h[k * nb + j])
				continue;
			int r7 = lp_add_row(m->P, GLP_UP, 0, 1);
			triplets_add(&m->t, r7, m->col_h[k * nb + j], 1);
			triplets_add(&m->t, r8, m->col_h[k * nb + j], 1);
			for (int q = 0; q < m->n_pairs; q++)
				if (m->pairs[q].k == k && m->pairs[q].col_a[j]) {
					triplets_add(&m->t, r7, m->pairs[q].col_a[j], 1);
					triplets_add(&m->t, r8, m->pairs[q].col_a[j], 1);
				}
		}
	}
	/* (9), (10), (11) */
	for (int j = 0; j < nb; j++) {
		for (int c = 0; c < m->nc; c++) {
			if (!m->cls[c].count[j])
				continue;
			int r9 = lp_add_row(m->P, GLP_UP, 0, m->cls[c].count[j]);
			if (m->col_z[c * nb + j])
				triplets_add(&m->t, r9, m->col_z[c * nb + j], 1);
			for (int q = 0; q < m->n_pairs; q++)
				if (m->pairs[q].col_r[c * nb + j])
					triplets_add(&m->t, r9, m->pairs[q].col_r[c * nb + j], 1);
		}
		int r10 = lp_add_row(m->P, GLP_UP, 0, 0);
		int r11 = lp_add_row(m->P, GLP_UP, 0, 0);
		for (int i = 0; i < o->n; i++)
			if (learner_in(m, i, j))
				triplets_add(&m->t, r10, m->col_lab[i], 1);
		for (int c = 0; c < m->nc; c++) {
			int col = m->col_z[c * nb + j];
			if (!col)
				continue;
			int cap = m->cls[c].cap, e = cap < p->config.lab_max_group ? cap
						: p->config.lab_max_group;
			triplets_add(&m->t, r10, col, -e);
			triplets_add(&m->t, r11, col, 1);
		}
		for (int k = 0; k < nk; k++)
			if (m->col_h[k * nb + j])
				triplets_add(&m->t, r11, m->col_h[k * nb + j], -1);
	}
}

static long strong_rows(const struct pg_build *m)
{
	long n = 0;
	for (int q = 0; q < m->n_pairs; q++)
		n += m->pairs[q].n_x + (long)m->n_patterns * m->o->nb;
	return n;
}

static void set_name(glp_prob *P, int col, const char *fmt, ...) MCL_PRINTF(3, 4);
static void set_name(glp_prob *P, int col, const char *fmt, ...)
{
	if (!col)
		return;
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	glp_set_col_name(P, col, buf);
}

/* Names the exact MIP's columns after what they decide, in the convention
 * of every --write-lp model (docs/cli.md; "@" is in no id):
 *   g(LEARNER,GOAL,FACILITATOR)  x[i,k,g]: i in k's whole-cycle group of g
 *   g(LEARNER,@lab,@any)         x[i,lab]
 *   f(FACILITATOR,BLOCK,GOAL)    a[k,g,b]     f(FACILITATOR,BLOCK,@lab)  h[k,b]
 *   rc(FACILITATOR,BLOCK,GOAL,ROOM)  r[k,g,c,b]  (a room class by one room)
 *   y(FACILITATOR,GOAL)  labs(ROOM,BLOCK) z[c,b]  s(FACILITATOR,GOAL,N) the
 *   column of availability pattern N (strong_rows_of)
 * so that a schedule can be fixed onto the model by name (tests/audit/
 * audit.py fixes g and f).  Ids are of A-Za-z0-9_.-, valid in CPLEX LP
 * names once GLPK writes '-' as '~'. */
static void name_columns(const struct pg_build *m)
{
	const struct problem *p = m->p;
	const struct pg_options *o = m->o;
	int nb = o->nb;
	for (int q = 0; q < m->n_pairs; q++) {
		const struct pg_pair *pr = &m->pairs[q];
		const char *k = p->facilitators[pr->k].id, *g = p->goals[pr->g].id;
		set_name(m->P, pr->col_y, "y(%s,%s)", k, g);
		for (int s = 0; s < pr->n_x; s++)
			set_name(m->P, pr->x_col[s], "g(%s,%s,%s)",
				 p->learners[o->learners[pr->x_learner[s]]].id, g, k);
		for (int j = 0; j < nb; j++) {
			const char *b = p->blocks[o->blocks[j]].id;
			set_name(m->P, pr->col_a[j], "f(%s,%s,%s)", k, b, g);
			for (int c = 0; c < m->nc; c++)
				set_name(m->P, pr->col_r[c * nb + j], "rc(%s,%s,%s,%s)", k, b, g,
					 m->cls[c].proto->id);
		}
		for (int pat = 0; pr->col_s && pat < m->n_patterns; pat++)
			set_name(m->P, pr->col_s[pat], "s(%s,%s,%d)", k, g, pat);
	}
	for (int i = 0; i < o->n; i++)
		set_name(m->P, m->col_lab[i], "g(%s,@lab,@any)", p->learners[o->learners[i]].id);
	for (int j = 0; j < nb; j++) {
		const char *b = p->blocks[o->blocks[j]].id;
		for (int k = 0; k < p->n_facilitators; k++)
			set_name(m->P, m->col_h[k * nb + j], "f(%s,%s,@lab)", p->facilitators[k].id, b);
		for (int c = 0; c < m->nc; c++)
			set_name(m->P, m->col_z[c * nb + j], "labs(%s,%s)", m->cls[c].proto->id, b);
	}
}

static void add_int(struct pg_build *m, int row, int col, int prio)
{
	if (row || col)
		m->ints[m->n_ints++] = (struct lp_int){ row, col, prio };
}

/* The whole numbers of every schedule that pg_bound branches on
 * (lp_branch.h): per block the group meetings sum_{k,g} a[k,g,b], the
 * labs' supervisors sum_k h[k,b] and the labs sum_c z[c,b], as free rows
 * (prio 0); then each a and h column (prio 1). */
static void branch_rows(struct pg_build *m)
{
	int nb = m->o->nb, nk = m->p->n_facilitators;
	m->ints = xmalloc(sizeof(*m->ints) * ((size_t)nb * (3 + m->n_pairs + nk) + 1));
	for (int j = 0; j < nb; j++) {
		int ra = lp_add_row(m->P, GLP_FR, 0, 0);
		int rh = lp_add_row(m->P, GLP_FR, 0, 0);
		int rz = lp_add_row(m->P, GLP_FR, 0, 0);
		for (int q = 0; q < m->n_pairs; q++)
			if (m->pairs[q].col_a[j])
				triplets_add(&m->t, ra, m->pairs[q].col_a[j], 1);
		for (int k = 0; k < nk; k++)
			if (m->col_h[k * nb + j])
				triplets_add(&m->t, rh, m->col_h[k * nb + j], 1);
		for (int c = 0; c < m->nc; c++)
			if (m->col_z[c * nb + j])
				triplets_add(&m->t, rz, m->col_z[c * nb + j], 1);
		add_int(m, ra, 0, 0);
		add_int(m, rh, 0, 0);
		add_int(m, rz, 0, 0);
	}
	for (int j = 0; j < nb; j++) {
		for (int q = 0; q < m->n_pairs; q++)
			add_int(m, 0, m->pairs[q].col_a[j], 1);
		for (int k = 0; k < nk; k++)
			add_int(m, 0, m->col_h[k * nb + j], 1);
	}
}

static void build(struct pg_build *m, const struct problem *p, const struct pg_options *o,
		  bool exact)
{
	memset(m, 0, sizeof(*m));
	m->p = p;
	m->o = o;
	m->exact = exact;
	m->kind = exact ? GLP_BV : GLP_CV;
	m->P = glp_create_prob();
	glp_set_obj_dir(m->P, GLP_MAX);
	m->nc = pg_classes_build(p, o, &m->cls);
	m->pattern = xmalloc(sizeof(int) * ((size_t)o->n + 1));
	m->n_patterns = pg_patterns(p, o, m->pattern);
	build_pairs(m);
	m->strong = exact || strong_rows(m) <= PG_STRONG_ROWS;
	common_rows(m);
	for (int q = 0; q < m->n_pairs; q++)
		pair_rows(m, &m->pairs[q]);
	if (!exact)
		branch_rows(m);
	triplets_load(&m->t, m->P);
	if (exact)
		name_columns(m);
}

static void build_free(struct pg_build *m)
{
	pg_classes_free(m->cls, m->nc);
	for (int q = 0; q < m->n_pairs; q++) {
		free(m->pairs[q].col_a);
		free(m->pairs[q].col_r);
		free(m->pairs[q].col_s);
		free(m->pairs[q].x_learner);
		free(m->pairs[q].x_col);
	}
	free(m->pairs);
	free(m->col_lab);
	free(m->col_h);
	free(m->col_z);
	free(m->pattern);
	free(m->ints);
	if (m->P)
		glp_delete_prob(m->P);
}

/* The x columns (learner, goal, facilitator) of the program. */
long pg_x_columns(const struct problem *p, const struct pg_options *o)
{
	long n = 0;
	for (int i = 0; i < o->n; i++)
		for (int op = o->start[i]; op < o->start[i + 1]; op++)
			for (int k = 0; o->goal[op] != PG_LAB && k < p->n_facilitators; k++)
				n += problem_goal_level(p, k, o->goal[op]) >= LEVEL_ABLE &&
				     pg_leader_fits(p, o, k, i);
	return n;
}

glp_prob *pg_relaxation(const struct problem *p, const struct pg_options *o,
			struct lp_int **ints, int *n_ints)
{
	struct pg_build m;
	build(&m, p, o, false);
	glp_prob *P = m.P;
	*ints = m.ints;
	*n_ints = m.n_ints;
	m.P = NULL;
	m.ints = NULL;
	build_free(&m);
	return P;
}

int pg_write_lp(const struct problem *p, const struct pg_options *o, const char *path)
{
	struct pg_build m;
	build(&m, p, o, true);
	int rc = glp_write_lp(m.P, NULL, path) ? -1 : 0;
	build_free(&m);
	return rc;
}

double pg_exact_solve(const struct problem *p, const struct pg_options *o, double seconds,
		      int *k_of, int *g_of)
{
	struct pg_build m;
	build(&m, p, o, true);
	struct mip_params mp = { .seconds = seconds, .gap = 1e-6 };
	struct mip_result mr;
	mip_solve(m.P, &mp, &mr);
	double v = -INFINITY;
	if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) {
		v = mr.objective;
		for (int i = 0; i < o->n; i++)
			k_of[i] = g_of[i] = -1;
		for (int q = 0; q < m.n_pairs; q++)
			for (int s = 0; s < m.pairs[q].n_x; s++)
				if (glp_mip_col_val(m.P, m.pairs[q].x_col[s]) > 0.5) {
					k_of[m.pairs[q].x_learner[s]] = m.pairs[q].k;
					g_of[m.pairs[q].x_learner[s]] = m.pairs[q].g;
				}
	}
	mcl_log(LOG_VERBOSE, "exact power-goal MIP: %s %.1f in %.1f s",
		mr.outcome == MIP_OPTIMAL ? "optimal" : "best", v, mr.seconds);
	build_free(&m);
	return v;
}

double power_goal_bound(const struct problem *p, double seconds)
{
	struct pg_options o;
	pg_options_build(p, &o);
	double bound = pg_bound(p, &o, seconds, HUGE_VAL);  /* no branching: any target is met */
	pg_options_release(&o);
	return bound;
}

int power_goal_write_lp(const struct problem *p, const char *path)
{
	struct pg_options o;
	pg_options_build(p, &o);
	int rc = pg_write_lp(p, &o, path);
	pg_options_release(&o);
	if (rc < 0)
		mcl_log(LOG_QUIET, "internal error: cannot write the power-goal model to '%s'", path);
	return rc;
}
