/*
 * seminar.c - the seminar blocks of a cycle (see seminar.h).
 *
 * A section meets `meetings` times with the same learners and facilitator,
 * so the decision is made per section for all its blocks at once.  A
 * section's blocks are one of a few candidate *patterns*: for each
 * time-of-day slot (the k-th seminar block of a day), windows of `meetings`
 * consecutive days, then other sets of `meetings` days of that slot up to a
 * cap, and when no slot has enough days, windows of consecutive seminar
 * blocks in time order.  One meeting a day is what the daily weight pays
 * for, and fixed patterns make enrolment countable: with patterns fixed,
 * n learners of one (seminar, pattern) can be split into o sections iff
 * o*min <= n <= o*max.
 *
 * Values.  The value v(l,o) of learner l's option o = (seminar s, pattern
 * P) is exact: objective_learner() on a tally holding `outside` plus l in
 * labs in every available seminar block, minus the same with l enrolled in
 * s (meetings on P's days, |P| fewer lab sessions).  It is the choice
 * weight, the daily weight of the days P adds, less the lab credit the
 * meetings displace.  Options worth <= 0 are dropped.  A learner available in
 * every pattern of s, at equal value, is *flexible* for s (one column, the
 * learner is routed to a pattern by a flow), which keeps the MIP small.
 *
 * Sets: blocks j; patterns P (j in P); options sp = (s, P); facilitators
 * F(sp) with expertise in s, available in every block of P, budget >= |P|;
 * rooms r with capacity cap_r, lab seats e_r = min(cap_r, lab max_group)
 * when r has the lab feature (else 0); A_j learners available in j;
 * c_sp = min(max_size_s, the largest room with s's feature open in every
 * block of P).
 *
 *   x[l,sp]  in [0,1]   l enrols in s on pattern P       (continuous; binary
 *   y[l,s]   in [0,1]   flexible l enrols in s             when spl > 1)
 *   g[sp]    >= 0       flexible learners routed to sp
 *   n[sp]    in Z+      learners enrolled in s on P
 *   z[sp,f]  in {0,1}   a section of s on P led by f
 *   v[r,j]   in {0,1}   room r holds a lab in block j
 *   m[r,j]   in [0,1]   room r holds a seminar meeting in block j
 *   u[f,j]   in [0,1]   f leads a lab in block j
 *
 *   max  sum v(l,sp) x + sum v(l,s) y + w_guru |P| sum_{f guru in s} z[sp,f]
 *   s.t. sum_sp x[l,sp] + sum_s y[l,s] <= 1           (spl = 1; else <= spl,
 *          per (l,s) <= 1 and per (l,j) over sp with j in P <= 1)
 *        sum_{sp of s} g[sp] = sum_l y[l,s]            flexible flow
 *        n[sp] = g[sp] + sum_l x[l,sp]
 *        min_s sum_f z[sp,f] <= n[sp] <= c_sp sum_f z[sp,f]
 *        x[l,sp] <= sum_f z[sp,f];  y[l,s] <= sum_{sp of s, f} z  (linking)
 *        sum_{sp of s, f} z[sp,f] <= sections_s
 *        sum_{sp: j in P} z[sp,f] + u[f,j] <= 1        one session per block
 *        sum_j u[f,j] + sum_sp |P| z[sp,f] <= budget_f
 *        sum_f u[f,j] >= sum_r v[r,j]                  every lab staffed
 *        v[r,j] + m[r,j] <= 1
 *        sum_r m[r,j] = sum_{sp: j in P, f} z[sp,f]   a room per meeting
 *        sum_{sp: j in P} n[sp] <= sum_r cap_r m[r,j]  meeting seats
 *        per feature h: the two rows above over sections of s with
 *          feature h and rooms with h (<=)
 *        sum_{sp: j in P} n[sp] + sum_r e_r v[r,j] >= A_j   lab seats
 *
 * Given integer n, z, v the learner system (x, y, g) is a bipartite
 * b-matching and the lab staffing (u) a transportation problem: both
 * totally unimodular, so they are continuous here and re-solved as an LP
 * with n fixed (stage 2, integral at a vertex).  Rooms are aggregated (seats
 * per block, not per section): the exact room assignment is made per block
 * afterwards, the largest meeting into the smallest room that fits (feature
 * first), labs into the largest lab rooms left, lab facilitators by
 * augmenting paths over the blocks (budgets couple them); a block that does
 * not fit loses its least valuable section (repair).  The model is a
 * restriction (patterns) and a relaxation (rooms) at once, so its bound is
 * no bound of the cycle.
 *
 * A greedy construction comes first: repeatedly open the section (sp, f)
 * whose best free learners are worth most, kept only when the blocks still
 * realise.  It is the MIP's starting incumbent, and it extends the MIP's
 * schedule after repair; the better of the two goes on to a ruin-and-
 * recreate search (drop the sections of a block, of a seminar, or a few at
 * random; refill by the greedy with noise; re-seat by stage 2), which stops
 * at the MIP's bound (valid for it: every plan it makes is a point of the
 * MIP), after SEARCH_PATIENCE rounds without gain, or at the deadline.
 *
 * When the labs alone cannot seat a block, the greedy has no feasible start
 * and the MIP runs without one; "infeasible" is claimed only on a counting
 * proof (seats_proof), anything else is "no schedule found".
 */
#include "seminar.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/lp_build.h"
#include "models/model.h"
#include "models/bound_lp.h"

/* Size-dependent settings, read once (most patterns per meetings count). */
static const struct seminar_tuning {
	int max_learners;           /* the row applies up to this many learners */
	int max_patterns;           /* candidate patterns per meetings count */
	double mip_share;           /* of the time left after the greedy */
} tunings[] = {
	{ 400, 12, 0.5 },
	{ INT_MAX, 8, 0.25 },
};

static const struct seminar_tuning *tuning_for(int n_learners)
{
	size_t i = 0;
	while (n_learners > tunings[i].max_learners)
		i++;
	return &tunings[i];
}

struct ctx {
	const struct seminar_input *in;
	const struct problem *p;
	int nb, nf, nr, spl;
	int *day;               /* [nb] day index of block position j */
	bool *avail;            /* [n_learners * nb] learner available at j */
	int *n_avail;           /* [n_learners] available seminar blocks */
	int *avail_cnt;         /* [nb] learners available at j */
	int *budget;            /* [nf] */
	int *labcap;            /* [nr] lab seats of a room, 0: no lab there */
	/* patterns: positions pat_j[pat_start[k] .. pat_start[k+1]-1] */
	int n_pat, alloc_pat;
	int *pat_start, *pat_j;
	size_t alloc_pat_j;
	bool *pat_has;          /* [n_pat * nb], built after generation */
	/* options (seminar, pattern), grouped by seminar */
	int n_sp;
	int *sp_sem, *sp_pat, *sp_cap;
	int *sem_sp;            /* [n_seminars + 1] */
	int *spf_start, *spf_fac; /* facilitators able to lead each sp */
	/* learner options, grouped by learner */
	int *lo_start;          /* [n_learners + 1] */
	int *lo_sp;
	double *lo_val;
	bool *lo_flex;
	/* per sp, the options for it, value descending */
	int *spo_start, *spo_opt;
};

struct plan {
	int n_sec, alloc;
	int *sec_sp, *sec_fac, *sec_size;
	int *lsec;              /* [n_learners * spl] sections, -1 free */
	int *sem_sections;      /* [n_seminars] */
	int *fac_meet;          /* [nf] meetings led */
	int *fac_busy;          /* [nf * nb] section led at j, or -1 */
};

struct layout {
	int alloc_sec;
	int *sec_room;          /* [alloc_sec * nb] */
	int *n_lab;             /* [nb] */
	int *lab_room;          /* [nb * nr] */
	int *lab_fac;           /* [nb * nr] */
	/* scratch */
	bool *used;             /* [nr] */
	int *order, *rooms;     /* [max(n_sec, nr)] */
	char *fassign;          /* [nf * nb] */
	int *fload;             /* [nf] */
	char *fvisit;           /* [nf] */
};

static inline bool pat_has(const struct ctx *c, int k, int j)
{
	return c->pat_has[(long)k * c->nb + j];
}

static inline int pat_len(const struct ctx *c, int k)
{
	return c->pat_start[k + 1] - c->pat_start[k];
}

/* ---- patterns ---------------------------------------------------------- */

static bool same_pattern(const struct ctx *c, int k, const int *js, int m)
{
	if (pat_len(c, k) != m)
		return false;
	return !memcmp(&c->pat_j[c->pat_start[k]], js, sizeof(int) * (size_t)m);
}

static void add_pattern(struct ctx *c, const int *js, int m)
{
	for (int k = 0; k < c->n_pat; k++)
		if (same_pattern(c, k, js, m))
			return;
	size_t a = (size_t)c->alloc_pat;
	xgrow((void **)&c->pat_start, &a, (size_t)c->n_pat + 2, sizeof(int));
	c->alloc_pat = (int)a;
	if (c->n_pat == 0)
		c->pat_start[0] = 0;
	int at = c->pat_start[c->n_pat];
	xgrow((void **)&c->pat_j, &c->alloc_pat_j, (size_t)at + (size_t)m + 1, sizeof(int));
	memcpy(&c->pat_j[at], js, sizeof(int) * (size_t)m);
	c->pat_start[++c->n_pat] = at + m;
}

/* Patterns of m meetings; returns the first index of this m's run (they are
 * contiguous: generated once per meetings count). */
static void gen_patterns(struct ctx *c, int m, int cap, int *first, int *count)
{
	int nb = c->nb;
	int *slot = xmalloc(sizeof(int) * (size_t)(nb + 1));
	int *list = xmalloc(sizeof(int) * (size_t)(nb + 1));
	int *js = xmalloc(sizeof(int) * (size_t)(m + 1));
	int *idx = xmalloc(sizeof(int) * (size_t)(m + 1));
	int n_slots = 0;
	for (int j = 0; j < nb; j++) {
		slot[j] = 0;
		for (int i = 0; i < j; i++)
			slot[j] += c->day[i] == c->day[j];
		if (slot[j] + 1 > n_slots)
			n_slots = slot[j] + 1;
	}
	*first = c->n_pat;
	/* windows of consecutive days per slot */
	for (int t = 0; t < n_slots; t++) {
		int n = 0;
		for (int j = 0; j < nb; j++)
			if (slot[j] == t)
				list[n++] = j;
		for (int a = 0; a + m <= n && c->n_pat - *first < cap; a++)
			add_pattern(c, &list[a], m);
	}
	/* other day sets of one slot, while under the cap */
	for (int t = 0; t < n_slots && c->n_pat - *first < cap; t++) {
		int n = 0;
		for (int j = 0; j < nb; j++)
			if (slot[j] == t)
				list[n++] = j;
		if (m > n)
			continue;
		for (int i = 0; i < m; i++)
			idx[i] = i;
		for (;;) {
			if (idx[m - 1] - idx[0] != m - 1) {
				for (int i = 0; i < m; i++)
					js[i] = list[idx[i]];
				if (c->n_pat - *first >= cap)
					break;
				add_pattern(c, js, m);
			}
			int i = m - 1;
			while (i >= 0 && idx[i] == n - m + i)
				i--;
			if (i < 0)
				break;
			idx[i]++;
			for (int k = i + 1; k < m; k++)
				idx[k] = idx[k - 1] + 1;
		}
	}
	/* more meetings than days in any slot: consecutive seminar blocks */
	if (c->n_pat == *first)
		for (int a = 0; a + m <= nb && c->n_pat - *first < cap; a++) {
			for (int i = 0; i < m; i++)
				js[i] = a + i;
			add_pattern(c, js, m);
		}
	*count = c->n_pat - *first;
	free(slot);
	free(list);
	free(js);
	free(idx);
}

/* ---- context ----------------------------------------------------------- */

static int largest_room(const struct ctx *c, int feature, int j)
{
	const struct problem *p = c->p;
	int best = 0, b = c->in->blocks[j];
	for (int r = 0; r < c->nr; r++)
		if (!p->rooms[r].unavailable[b] && problem_room_has(&p->rooms[r], feature) &&
		    p->rooms[r].capacity > best)
			best = p->rooms[r].capacity;
	return best;
}

static const double *sort_val;

static int cmp_opt_val(const void *a, const void *b)
{
	double x = sort_val[*(const int *)a], y = sort_val[*(const int *)b];
	if (x != y)
		return x < y ? 1 : -1;
	return *(const int *)a - *(const int *)b;
}

static void ctx_build(struct ctx *c, const struct seminar_input *in)
{
	const struct problem *p = in->p;
	memset(c, 0, sizeof(*c));
	c->in = in;
	c->p = p;
	c->nb = in->n_blocks;
	c->nf = p->n_facilitators;
	c->nr = p->n_rooms;
	c->spl = p->config.seminars_per_learner > 0 ? p->config.seminars_per_learner : 1;
	int nb = c->nb, nl = p->n_learners;

	c->day = xmalloc(sizeof(int) * (size_t)(nb + 1));
	for (int j = 0; j < nb; j++)
		c->day[j] = p->blocks[in->blocks[j]].day_index;
	c->avail = xcalloc((size_t)nl * (size_t)nb + 1, sizeof(bool));
	c->n_avail = xcalloc((size_t)nl + 1, sizeof(int));
	c->avail_cnt = xcalloc((size_t)nb + 1, sizeof(int));
	for (int l = 0; l < nl; l++)
		for (int j = 0; j < nb; j++)
			if (!p->learners[l].unavailable[in->blocks[j]]) {
				c->avail[(long)l * nb + j] = true;
				c->n_avail[l]++;
				c->avail_cnt[j]++;
			}
	c->budget = xmalloc(sizeof(int) * (size_t)(c->nf + 1));
	for (int f = 0; f < c->nf; f++)
		c->budget[f] = in->fac_budget ? in->fac_budget[f] : p->facilitators[f].max_sessions;
	c->labcap = xcalloc((size_t)c->nr + 1, sizeof(int));
	for (int r = 0; r < c->nr; r++)
		if (problem_room_has(&p->rooms[r], p->lab_feature))
			c->labcap[r] = p->rooms[r].capacity < p->config.lab_max_group
					       ? p->rooms[r].capacity
					       : p->config.lab_max_group;

	/* patterns per meetings count, then options (s, P) */
	const struct seminar_tuning *tu = tuning_for(nl);
	int max_m = 0;
	for (int s = 0; s < p->n_seminars; s++)
		max_m = p->seminars[s].meetings > max_m ? p->seminars[s].meetings : max_m;
	int *m_first = xcalloc((size_t)max_m + 2, sizeof(int));
	int *m_count = xcalloc((size_t)max_m + 2, sizeof(int));
	for (int s = 0; s < p->n_seminars; s++) {
		int m = p->seminars[s].meetings;
		if (m <= nb && !m_count[m] && !m_first[m]) {
			gen_patterns(c, m, tu->max_patterns, &m_first[m], &m_count[m]);
			if (!m_count[m])
				m_first[m] = -1;
		}
	}
	c->pat_has = xcalloc((size_t)c->n_pat * (size_t)nb + 1, sizeof(bool));
	for (int k = 0; k < c->n_pat; k++)
		for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
			c->pat_has[(long)k * nb + c->pat_j[i]] = true;

	size_t max_sp = 1;
	for (int s = 0; s < p->n_seminars; s++) {
		int m = p->seminars[s].meetings;
		if (m <= nb && m_count[m] > 0)
			max_sp += (size_t)m_count[m];
	}
	c->sp_sem = xmalloc(sizeof(int) * max_sp);
	c->sp_pat = xmalloc(sizeof(int) * max_sp);
	c->sp_cap = xmalloc(sizeof(int) * max_sp);
	c->sem_sp = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	c->spf_start = xmalloc(sizeof(int) * (max_sp + 1));
	c->spf_fac = xmalloc(sizeof(int) * (max_sp * (size_t)(c->nf + 1) + 1));
	int nspf = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		const struct seminar *sm = &p->seminars[s];
		c->sem_sp[s] = c->n_sp;
		int m = sm->meetings;
		if (m > nb || m_count[m] <= 0 || sm->sections < 1)
			continue;
		for (int k = m_first[m]; k < m_first[m] + m_count[m]; k++) {
			int cap = sm->max_size;
			for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++) {
				int lr = largest_room(c, sm->feature, c->pat_j[i]);
				cap = lr < cap ? lr : cap;
			}
			if (cap < sm->min_size || cap < 1)
				continue;
			int start = nspf;
			for (int f = 0; f < c->nf; f++) {
				if (problem_seminar_level(p, f, s) < LEVEL_ABLE || c->budget[f] < m)
					continue;
				bool ok = true;
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
					ok &= !p->facilitators[f].unavailable[in->blocks[c->pat_j[i]]];
				if (ok)
					c->spf_fac[nspf++] = f;
			}
			if (nspf == start)
				continue;
			c->spf_start[c->n_sp] = start;
			c->sp_sem[c->n_sp] = s;
			c->sp_pat[c->n_sp] = k;
			c->sp_cap[c->n_sp] = cap;
			c->n_sp++;
		}
	}
	c->sem_sp[p->n_seminars] = c->n_sp;
	c->spf_start[c->n_sp] = nspf;
	free(m_first);
	free(m_count);

	/* learner options and their exact values */
	struct tally t;
	tally_init(&t, p);
	if (in->outside)
		tally_copy(&t, in->outside, p);
	size_t alloc = 0, n_opt = 0;
	c->lo_start = xmalloc(sizeof(int) * (size_t)(nl + 2));
	for (int l = 0; l < nl; l++) {
		c->lo_start[l] = (int)n_opt;
		if (!c->n_avail[l])
			continue;
		t.lab_cnt[l] += c->n_avail[l];
		double base = objective_learner(p, &t, l);
		for (int ch = p->choice_start[l]; ch < p->choice_start[l + 1]; ch++) {
			const struct choice *cc = &p->choices[ch];
			if (!cc->eligible)
				continue;
			int s = cc->seminar;
			size_t first = n_opt;
			for (int sp = c->sem_sp[s]; sp < c->sem_sp[s + 1]; sp++) {
				int k = c->sp_pat[sp];
				bool ok = true;
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
					ok &= c->avail[(long)l * nb + c->pat_j[i]];
				if (!ok)
					continue;
				int old = t.enrolled[ch];
				t.enrolled[ch] = 1;
				t.lab_cnt[l] -= pat_len(c, k);
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
					(*tally_day(&t, p, l, c->day[c->pat_j[i]]))++;
				double v = objective_learner(p, &t, l) - base;
				t.enrolled[ch] = old;
				t.lab_cnt[l] += pat_len(c, k);
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
					(*tally_day(&t, p, l, c->day[c->pat_j[i]]))--;
				if (v <= 1e-9)
					continue;
				if (n_opt + 1 > alloc) {
					size_t a1 = alloc, a2 = alloc, a3 = alloc;
					xgrow((void **)&c->lo_sp, &a1, n_opt + 1, sizeof(int));
					xgrow((void **)&c->lo_val, &a2, n_opt + 1, sizeof(double));
					xgrow((void **)&c->lo_flex, &a3, n_opt + 1, sizeof(bool));
					alloc = a1;
				}
				c->lo_sp[n_opt] = sp;
				c->lo_val[n_opt] = v;
				c->lo_flex[n_opt] = false;
				n_opt++;
			}
			/* flexible: every pattern of s, at one value */
			size_t n_sp_s = (size_t)(c->sem_sp[s + 1] - c->sem_sp[s]);
			bool flex = c->spl == 1 && n_opt - first == n_sp_s && n_opt > first;
			for (size_t o = first + 1; flex && o < n_opt; o++)
				flex = fabs(c->lo_val[o] - c->lo_val[first]) < 1e-9;
			for (size_t o = first; flex && o < n_opt; o++)
				c->lo_flex[o] = true;
		}
		t.lab_cnt[l] -= c->n_avail[l];
	}
	c->lo_start[nl] = (int)n_opt;
	tally_release(&t);

	c->spo_start = xcalloc((size_t)c->n_sp + 2, sizeof(int));
	c->spo_opt = xmalloc(sizeof(int) * (n_opt + 1));
	for (size_t o = 0; o < n_opt; o++)
		c->spo_start[c->lo_sp[o] + 1]++;
	for (int sp = 0; sp < c->n_sp; sp++)
		c->spo_start[sp + 1] += c->spo_start[sp];
	int *fill = xmalloc(sizeof(int) * (size_t)(c->n_sp + 1));
	memcpy(fill, c->spo_start, sizeof(int) * (size_t)(c->n_sp + 1));
	for (size_t o = 0; o < n_opt; o++)
		c->spo_opt[fill[c->lo_sp[o]]++] = (int)o;
	free(fill);
	sort_val = c->lo_val;
	for (int sp = 0; sp < c->n_sp; sp++)
		qsort(&c->spo_opt[c->spo_start[sp]], (size_t)(c->spo_start[sp + 1] - c->spo_start[sp]),
		      sizeof(int), cmp_opt_val);
}

static void ctx_release(struct ctx *c)
{
	free(c->day);
	free(c->avail);
	free(c->n_avail);
	free(c->avail_cnt);
	free(c->budget);
	free(c->labcap);
	free(c->pat_start);
	free(c->pat_j);
	free(c->pat_has);
	free(c->sp_sem);
	free(c->sp_pat);
	free(c->sp_cap);
	free(c->sem_sp);
	free(c->spf_start);
	free(c->spf_fac);
	free(c->lo_start);
	free(c->lo_sp);
	free(c->lo_val);
	free(c->lo_flex);
	free(c->spo_start);
	free(c->spo_opt);
}

/* The learner of option o. */
static int opt_learner(const struct ctx *c, int o)
{
	int lo = 0, hi = c->p->n_learners;  /* lo_start[lo] <= o < lo_start[hi] */
	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;
		if (c->lo_start[mid] <= o)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Learner l's option for sp, or -1. */
static int opt_of(const struct ctx *c, int l, int sp)
{
	for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
		if (c->lo_sp[o] == sp)
			return o;
	return -1;
}

/* ---- plans ------------------------------------------------------------- */

static void plan_init(struct plan *pl, const struct ctx *c)
{
	memset(pl, 0, sizeof(*pl));
	size_t nl = (size_t)c->p->n_learners * (size_t)c->spl;
	pl->lsec = xmalloc(sizeof(int) * (nl + 1));
	for (size_t i = 0; i < nl; i++)
		pl->lsec[i] = -1;
	pl->sem_sections = xcalloc((size_t)c->p->n_seminars + 1, sizeof(int));
	pl->fac_meet = xcalloc((size_t)c->nf + 1, sizeof(int));
	pl->fac_busy = xmalloc(sizeof(int) * ((size_t)c->nf * (size_t)c->nb + 1));
	for (long i = 0; i < (long)c->nf * c->nb; i++)
		pl->fac_busy[i] = -1;
}

static void plan_release(struct plan *pl)
{
	free(pl->sec_sp);
	free(pl->sec_fac);
	free(pl->sec_size);
	free(pl->lsec);
	free(pl->sem_sections);
	free(pl->fac_meet);
	free(pl->fac_busy);
	memset(pl, 0, sizeof(*pl));
}

static void plan_copy(struct plan *dst, const struct plan *src, const struct ctx *c)
{
	plan_release(dst);
	plan_init(dst, c);
	dst->n_sec = dst->alloc = src->n_sec;
	size_t n = (size_t)src->n_sec + 1;
	dst->sec_sp = xmalloc(sizeof(int) * n);
	dst->sec_fac = xmalloc(sizeof(int) * n);
	dst->sec_size = xmalloc(sizeof(int) * n);
	memcpy(dst->sec_sp, src->sec_sp, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->sec_fac, src->sec_fac, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->sec_size, src->sec_size, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->lsec, src->lsec, sizeof(int) * (size_t)c->p->n_learners * (size_t)c->spl);
	memcpy(dst->sem_sections, src->sem_sections, sizeof(int) * (size_t)c->p->n_seminars);
	memcpy(dst->fac_meet, src->fac_meet, sizeof(int) * (size_t)c->nf);
	memcpy(dst->fac_busy, src->fac_busy, sizeof(int) * (size_t)c->nf * (size_t)c->nb);
}

static int plan_add_section(struct plan *pl, const struct ctx *c, int sp, int f)
{
	if (pl->n_sec + 1 > pl->alloc) {
		size_t a1 = (size_t)pl->alloc, a2 = a1, a3 = a1;
		xgrow((void **)&pl->sec_sp, &a1, (size_t)pl->n_sec + 1, sizeof(int));
		xgrow((void **)&pl->sec_fac, &a2, (size_t)pl->n_sec + 1, sizeof(int));
		xgrow((void **)&pl->sec_size, &a3, (size_t)pl->n_sec + 1, sizeof(int));
		pl->alloc = (int)a1;
	}
	int k = pl->n_sec++;
	pl->sec_sp[k] = sp;
	pl->sec_fac[k] = f;
	pl->sec_size[k] = 0;
	int pat = c->sp_pat[sp];
	pl->sem_sections[c->sp_sem[sp]]++;
	pl->fac_meet[f] += pat_len(c, pat);
	for (int i = c->pat_start[pat]; i < c->pat_start[pat + 1]; i++) {
		assert(pl->fac_busy[(long)f * c->nb + c->pat_j[i]] < 0);
		pl->fac_busy[(long)f * c->nb + c->pat_j[i]] = k;
	}
	return k;
}

static bool plan_enrol(struct plan *pl, const struct ctx *c, int l, int k)
{
	for (int i = 0; i < c->spl; i++)
		if (pl->lsec[(long)l * c->spl + i] < 0) {
			pl->lsec[(long)l * c->spl + i] = k;
			pl->sec_size[k]++;
			return true;
		}
	return false;
}

static void plan_unenrol(struct plan *pl, const struct ctx *c, int l, int k)
{
	for (int i = 0; i < c->spl; i++)
		if (pl->lsec[(long)l * c->spl + i] == k) {
			pl->lsec[(long)l * c->spl + i] = -1;
			pl->sec_size[k]--;
			return;
		}
}

/* Removes section k (its learners become free); the last section takes its
 * index. */
static void plan_drop_section(struct plan *pl, const struct ctx *c, int k)
{
	int nl = c->p->n_learners;
	int sp = pl->sec_sp[k], f = pl->sec_fac[k], pat = c->sp_pat[sp];
	for (long i = 0; i < (long)nl * c->spl; i++)
		if (pl->lsec[i] == k)
			pl->lsec[i] = -1;
	pl->sem_sections[c->sp_sem[sp]]--;
	pl->fac_meet[f] -= pat_len(c, pat);
	for (int i = c->pat_start[pat]; i < c->pat_start[pat + 1]; i++)
		pl->fac_busy[(long)f * c->nb + c->pat_j[i]] = -1;
	int last = --pl->n_sec;
	if (last == k)
		return;
	pl->sec_sp[k] = pl->sec_sp[last];
	pl->sec_fac[k] = pl->sec_fac[last];
	pl->sec_size[k] = pl->sec_size[last];
	for (long i = 0; i < (long)nl * c->spl; i++)
		if (pl->lsec[i] == last)
			pl->lsec[i] = k;
	for (long i = 0; i < (long)c->nf * c->nb; i++)
		if (pl->fac_busy[i] == last)
			pl->fac_busy[i] = k;
}

/* The plan's value: options of enrolled learners plus the guru weight. */
static double plan_value(const struct plan *pl, const struct ctx *c)
{
	const struct problem *p = c->p;
	double v = 0;
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k];
		if (problem_seminar_level(p, pl->sec_fac[k], c->sp_sem[sp]) == LEVEL_GURU)
			v += p->config.w_guru * pat_len(c, c->sp_pat[sp]);
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int i = 0; i < c->spl; i++) {
			int k = pl->lsec[(long)l * c->spl + i];
			if (k < 0)
				continue;
			int o = opt_of(c, l, pl->sec_sp[k]);
			assert(o >= 0);
			v += c->lo_val[o];
		}
	return v;
}

/* ---- realisation: rooms and lab staffing per block -------------------- */

static void layout_init(struct layout *lay, const struct ctx *c)
{
	memset(lay, 0, sizeof(*lay));
	lay->n_lab = xcalloc((size_t)c->nb + 1, sizeof(int));
	lay->lab_room = xmalloc(sizeof(int) * ((size_t)c->nb * (size_t)c->nr + 1));
	lay->lab_fac = xmalloc(sizeof(int) * ((size_t)c->nb * (size_t)c->nr + 1));
	lay->used = xcalloc((size_t)c->nr + 1, sizeof(bool));
	lay->fassign = xcalloc((size_t)c->nf * (size_t)c->nb + 1, 1);
	lay->fload = xcalloc((size_t)c->nf + 1, sizeof(int));
	lay->fvisit = xcalloc((size_t)c->nf + 1, 1);
}

static void layout_release(struct layout *lay)
{
	free(lay->sec_room);
	free(lay->n_lab);
	free(lay->lab_room);
	free(lay->lab_fac);
	free(lay->used);
	free(lay->order);
	free(lay->rooms);
	free(lay->fassign);
	free(lay->fload);
	free(lay->fvisit);
}

static const struct ctx *meet_ctx;
static const struct plan *meet_plan;

/* Featured meetings first, then larger first. */
static int cmp_meeting(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	const struct problem *p = meet_ctx->p;
	int fx = p->seminars[meet_ctx->sp_sem[meet_plan->sec_sp[x]]].feature >= 0;
	int fy = p->seminars[meet_ctx->sp_sem[meet_plan->sec_sp[y]]].feature >= 0;
	if (fx != fy)
		return fy - fx;
	if (meet_plan->sec_size[x] != meet_plan->sec_size[y])
		return meet_plan->sec_size[y] - meet_plan->sec_size[x];
	return x - y;
}

static const int *room_labcap;

static int cmp_labcap_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	if (room_labcap[x] != room_labcap[y])
		return room_labcap[y] - room_labcap[x];
	return x - y;
}

/* Assigns rooms in block j; returns false when a meeting or the lab finds
 * no room.  Lab rooms go to lay->lab_room, their count to n_lab[j]. */
static bool rooms_of_block(const struct ctx *c, const struct plan *pl, struct layout *lay, int j)
{
	const struct problem *p = c->p;
	int b = c->in->blocks[j], nm = 0;
	memset(lay->used, 0, sizeof(bool) * (size_t)c->nr);
	int seated = 0;
	for (int k = 0; k < pl->n_sec; k++)
		if (pat_has(c, c->sp_pat[pl->sec_sp[k]], j)) {
			lay->order[nm++] = k;
			seated += pl->sec_size[k];
		}
	meet_ctx = c;
	meet_plan = pl;
	qsort(lay->order, (size_t)nm, sizeof(int), cmp_meeting);
	for (int i = 0; i < nm; i++) {
		int k = lay->order[i];
		int feat = p->seminars[c->sp_sem[pl->sec_sp[k]]].feature, best = -1;
		for (int r = 0; r < c->nr; r++) {
			const struct room *rm = &p->rooms[r];
			if (lay->used[r] || rm->unavailable[b] || rm->capacity < pl->sec_size[k] ||
			    !problem_room_has(rm, feat))
				continue;
			if (best < 0 || rm->capacity < p->rooms[best].capacity ||
			    (rm->capacity == p->rooms[best].capacity &&
			     (c->labcap[r] < c->labcap[best] ||
			      (c->labcap[r] == c->labcap[best] &&
			       rm->n_features < p->rooms[best].n_features))))
				best = r;
		}
		if (best < 0)
			return false;
		lay->used[best] = true;
		lay->sec_room[(long)k * c->nb + j] = best;
	}
	int need = c->avail_cnt[j] - seated, n = 0;
	for (int r = 0; r < c->nr; r++)
		if (!lay->used[r] && !p->rooms[r].unavailable[b] && c->labcap[r] > 0)
			lay->rooms[n++] = r;
	room_labcap = c->labcap;
	qsort(lay->rooms, (size_t)n, sizeof(int), cmp_labcap_desc);
	int k = 0, seats = 0;
	while (seats < need && k < n) {
		lay->lab_room[(long)j * c->nr + k] = lay->rooms[k];
		seats += c->labcap[lay->rooms[k]];
		k++;
	}
	lay->n_lab[j] = k;
	return seats >= need;
}

/* Whether facilitator f can lead a lab in block j under the plan. */
static bool lab_free(const struct ctx *c, const struct plan *pl, int f, int j)
{
	return !c->p->facilitators[f].unavailable[c->in->blocks[j]] &&
	       pl->fac_busy[(long)f * c->nb + j] < 0;
}

/* One more lab facilitator for block j by an augmenting path. */
static bool augment(const struct ctx *c, const struct plan *pl, struct layout *lay, int j)
{
	int nb = c->nb;
	for (int f = 0; f < c->nf; f++) {
		if (lay->fvisit[f] || lay->fassign[(long)f * nb + j] || !lab_free(c, pl, f, j))
			continue;
		lay->fvisit[f] = 1;
		if (lay->fload[f] < c->budget[f] - pl->fac_meet[f]) {
			lay->fassign[(long)f * nb + j] = 1;
			lay->fload[f]++;
			return true;
		}
		for (int j2 = 0; j2 < nb; j2++) {
			if (j2 == j || !lay->fassign[(long)f * nb + j2])
				continue;
			if (augment(c, pl, lay, j2)) {
				lay->fassign[(long)f * nb + j2] = 0;
				lay->fassign[(long)f * nb + j] = 1;
				return true;
			}
		}
	}
	return false;
}

/*
 * Rooms for every meeting and lab, and lab facilitators.  Returns -1 when
 * the plan realises, else the block position that failed (nb: the lab
 * facilitators, whose budgets couple the blocks).
 */
static int realize(const struct ctx *c, const struct plan *pl, struct layout *lay)
{
	int nb = c->nb;
	if (pl->n_sec > lay->alloc_sec || !lay->order) {
		lay->alloc_sec = pl->n_sec + 16;
		free(lay->sec_room);
		free(lay->order);
		free(lay->rooms);
		lay->sec_room = xmalloc(sizeof(int) * (size_t)lay->alloc_sec * (size_t)nb);
		int m = lay->alloc_sec > c->nr ? lay->alloc_sec : c->nr;
		lay->order = xmalloc(sizeof(int) * (size_t)(m + 1));
		lay->rooms = xmalloc(sizeof(int) * (size_t)(m + 1));
	}
	for (int j = 0; j < nb; j++)
		if (!rooms_of_block(c, pl, lay, j))
			return j;
	for (int f = 0; f < c->nf; f++)
		if (pl->fac_meet[f] > c->budget[f])
			return nb;
	memset(lay->fassign, 0, (size_t)c->nf * (size_t)nb);
	memset(lay->fload, 0, sizeof(int) * (size_t)c->nf);
	for (int j = 0; j < nb; j++)
		for (int u = 0; u < lay->n_lab[j]; u++) {
			memset(lay->fvisit, 0, (size_t)c->nf);
			if (!augment(c, pl, lay, j))
				return nb;
		}
	for (int j = 0; j < nb; j++) {
		int u = 0;
		for (int f = 0; f < c->nf; f++)
			if (lay->fassign[(long)f * nb + j])
				lay->lab_fac[(long)j * c->nr + u++] = f;
		assert(u == lay->n_lab[j]);
	}
	return -1;
}

/* ---- greedy construction ----------------------------------------------- */

/* Whether learner l may join a section of sp under the plan. */
static bool learner_free_for(const struct ctx *c, const struct plan *pl, int l, int sp)
{
	int free_slot = 0;
	for (int i = 0; i < c->spl; i++) {
		int k = pl->lsec[(long)l * c->spl + i];
		if (k < 0) {
			free_slot = 1;
			continue;
		}
		int sp2 = pl->sec_sp[k];
		if (c->sp_sem[sp2] == c->sp_sem[sp])
			return false;
		for (int j = 0; j < c->nb; j++)
			if (pat_has(c, c->sp_pat[sp2], j) && pat_has(c, c->sp_pat[sp], j))
				return false;
	}
	return free_slot;
}

/* The best free learners for a new section of sp (options, value
 * descending) into take[]; returns how many, and their value in *value. */
static int best_learners(const struct ctx *c, const struct plan *pl, int sp, int *take,
			 double *value)
{
	int n = 0, cap = c->sp_cap[sp];
	*value = 0;
	for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1] && n < cap; i++) {
		int o = c->spo_opt[i], l = opt_learner(c, o);
		if (!learner_free_for(c, pl, l, sp))
			continue;
		take[n++] = l;
		*value += c->lo_val[o];
	}
	return n;
}

/* Shrinks section k to at most size learners, dropping the least valued. */
static void shrink_section(struct plan *pl, const struct ctx *c, int k, int size)
{
	int sp = pl->sec_sp[k];
	for (int i = c->spo_start[sp + 1] - 1; i >= c->spo_start[sp] && pl->sec_size[k] > size; i--) {
		int l = opt_learner(c, c->spo_opt[i]);
		plan_unenrol(pl, c, l, k);
	}
}

/* The largest room capacity strictly below size for sp's feature. */
static int next_room_size(const struct ctx *c, int sp, int size)
{
	const struct problem *p = c->p;
	int feat = p->seminars[c->sp_sem[sp]].feature, best = 0;
	for (int r = 0; r < c->nr; r++)
		if (problem_room_has(&p->rooms[r], feat) && p->rooms[r].capacity < size &&
		    p->rooms[r].capacity > best)
			best = p->rooms[r].capacity;
	return best;
}

/* Opens sections while one adds value and the plan still realises.  With
 * rng, candidates' values are perturbed by up to GREEDY_NOISE (the search's
 * randomised recreate). */
#define GREEDY_NOISE 0.25

static double unit_random(unsigned long long *rng)
{
	return (double)(mcl_rng_next(rng) >> 11) / 9007199254740992.0;
}

static void greedy(const struct ctx *c, struct plan *pl, struct layout *lay, double deadline,
		   unsigned long long *rng)
{
	const struct problem *p = c->p;
	int nspf = c->spf_start[c->n_sp];
	char *tabu = xcalloc((size_t)nspf + 1, 1);
	int *take = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	double *spv = xmalloc(sizeof(double) * (size_t)(c->n_sp + 1));
	int *spn = xmalloc(sizeof(int) * (size_t)(c->n_sp + 1));
	while (mcl_now() < deadline) {
		for (int sp = 0; sp < c->n_sp; sp++) {
			const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
			spn[sp] = 0;
			if (pl->sem_sections[c->sp_sem[sp]] >= sm->sections)
				continue;
			spn[sp] = best_learners(c, pl, sp, take, &spv[sp]);
			if (spn[sp] < sm->min_size)
				spn[sp] = 0;
		}
		int best_i = -1;
		double best_v = 1e-9;
		for (int sp = 0; sp < c->n_sp; sp++) {
			if (!spn[sp])
				continue;
			int s = c->sp_sem[sp], m = pat_len(c, c->sp_pat[sp]);
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
				int f = c->spf_fac[i];
				if (tabu[i] || pl->fac_meet[f] + m > c->budget[f])
					continue;
				bool ok = true;
				int k = c->sp_pat[sp];
				for (int q = c->pat_start[k]; ok && q < c->pat_start[k + 1]; q++)
					ok = pl->fac_busy[(long)f * c->nb + c->pat_j[q]] < 0;
				if (!ok)
					continue;
				bool guru = problem_seminar_level(p, f, s) == LEVEL_GURU;
				double v = spv[sp] + (guru ? p->config.w_guru * m : 0);
				if (rng)
					v *= 1 + GREEDY_NOISE * unit_random(rng);
				if (v > best_v) {
					best_v = v;
					best_i = i;
				}
			}
		}
		if (best_i < 0)
			break;
		int sp = 0;
		while (c->spf_start[sp + 1] <= best_i)
			sp++;
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		double dummy;
		int n = best_learners(c, pl, sp, take, &dummy);
		int k = plan_add_section(pl, c, sp, c->spf_fac[best_i]);
		for (int i = 0; i < n; i++)
			plan_enrol(pl, c, take[i], k);
		int fail = realize(c, pl, lay);
		while (fail >= 0 && fail < c->nb) {
			int size = next_room_size(c, sp, pl->sec_size[k]);
			if (size < sm->min_size)
				break;
			shrink_section(pl, c, k, size);
			fail = realize(c, pl, lay);
		}
		if (fail >= 0) {
			plan_drop_section(pl, c, k);
			tabu[best_i] = 1;
		}
	}
	free(tabu);
	free(take);
	free(spv);
	free(spn);
}

/* Drops sections whose size is out of bounds, then the least valued section
 * meeting in the failed block until the plan realises; returns how many
 * were dropped, or -1 when even the labs alone do not fit. */
static int repair(const struct ctx *c, struct plan *pl, struct layout *lay)
{
	const struct problem *p = c->p;
	int dropped = 0, fail;
	for (int k = pl->n_sec - 1; k >= 0; k--) {
		int sp = pl->sec_sp[k];
		if (pl->sec_size[k] < p->seminars[c->sp_sem[sp]].min_size ||
		    pl->sec_size[k] > c->sp_cap[sp]) {
			plan_drop_section(pl, c, k);
			dropped++;
		}
	}
	while ((fail = realize(c, pl, lay)) >= 0) {
		int worst = -1;
		double worst_v = DBL_MAX;
		for (int k = 0; k < pl->n_sec; k++) {
			int sp = pl->sec_sp[k];
			if (fail < c->nb && !pat_has(c, c->sp_pat[sp], fail))
				continue;
			double v = problem_seminar_level(p, pl->sec_fac[k], c->sp_sem[sp]) == LEVEL_GURU
					   ? p->config.w_guru * pat_len(c, c->sp_pat[sp])
					   : 0;
			for (int l = 0; l < p->n_learners; l++)
				for (int i = 0; i < c->spl; i++)
					if (pl->lsec[(long)l * c->spl + i] == k)
						v += c->lo_val[opt_of(c, l, sp)];
			if (v < worst_v) {
				worst_v = v;
				worst = k;
			}
		}
		if (worst < 0)
			return -1;      /* nothing left to drop: labs alone do not fit */
		plan_drop_section(pl, c, worst);
		dropped++;
	}
	return dropped;
}

/* ---- the section MIP --------------------------------------------------- */

struct mip_cols {
	int *x;                 /* [n_opt] column of each option (flex: shared) */
	int *g, *n;             /* [n_sp] */
	int *z;                 /* [nspf] */
	int *v, *m;             /* [nr * nb], 0: none */
	int *u;                 /* [nf * nb], 0: none */
	int n_cols;
};

static void mip_cols_release(struct mip_cols *mc)
{
	free(mc->x);
	free(mc->g);
	free(mc->n);
	free(mc->z);
	free(mc->v);
	free(mc->m);
	free(mc->u);
}

/* Builds the MIP of the file comment into P. */
static void build_mip(const struct ctx *c, glp_prob *P, struct mip_cols *mc)
{
	const struct problem *p = c->p;
	int nb = c->nb, nl = p->n_learners, nr = c->nr, nf = c->nf;
	int n_opt = c->lo_start[nl], nspf = c->spf_start[c->n_sp];
	bool binary_x = c->spl > 1;
	struct triplets t = { 0 };
	glp_set_obj_dir(P, GLP_MAX);
	mc->x = xcalloc((size_t)n_opt + 1, sizeof(int));
	mc->g = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	mc->n = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	mc->z = xcalloc((size_t)nspf + 1, sizeof(int));
	mc->v = xcalloc((size_t)nr * (size_t)nb + 1, sizeof(int));
	mc->m = xcalloc((size_t)nr * (size_t)nb + 1, sizeof(int));
	mc->u = xcalloc((size_t)nf * (size_t)nb + 1, sizeof(int));

	/* columns */
	for (int l = 0; l < nl; l++)
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			if (c->lo_flex[o] && o > c->lo_start[l] && c->lo_flex[o - 1] &&
			    c->sp_sem[c->lo_sp[o - 1]] == c->sp_sem[c->lo_sp[o]]) {
				mc->x[o] = mc->x[o - 1];
				continue;
			}
			mc->x[o] = lp_add_col(P, binary_x ? GLP_BV : GLP_CV, 0, 1, c->lo_val[o]);
		}
	for (int sp = 0; sp < c->n_sp; sp++) {
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		mc->g[sp] = lp_add_col(P, GLP_CV, 0, DBL_MAX, 0);
		mc->n[sp] = lp_add_col(P, GLP_IV, 0, (double)sm->sections * c->sp_cap[sp], 0);
		int m = pat_len(c, c->sp_pat[sp]);
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
			bool guru = problem_seminar_level(p, c->spf_fac[i], c->sp_sem[sp]) == LEVEL_GURU;
			mc->z[i] = lp_add_col(P, GLP_BV, 0, 1, guru ? p->config.w_guru * m : 0);
		}
	}
	for (int j = 0; j < nb; j++) {
		int b = c->in->blocks[j];
		for (int r = 0; r < nr; r++) {
			if (p->rooms[r].unavailable[b])
				continue;
			if (c->labcap[r] > 0)
				mc->v[r * nb + j] = lp_add_col(P, GLP_BV, 0, 1, 0);
			mc->m[r * nb + j] = lp_add_col(P, GLP_CV, 0, 1, 0);
		}
		for (int f = 0; f < nf; f++)
			if (!p->facilitators[f].unavailable[b])
				mc->u[f * nb + j] = lp_add_col(P, GLP_CV, 0, 1, 0);
	}
	mc->n_cols = glp_get_num_cols(P);

	/* learners */
	for (int l = 0; l < nl; l++) {
		if (c->lo_start[l] == c->lo_start[l + 1])
			continue;
		int row = lp_add_row(P, GLP_UP, 0, c->spl);
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
			if (o == c->lo_start[l] || mc->x[o] != mc->x[o - 1])
				triplets_add(&t, row, mc->x[o], 1);
		if (c->spl == 1)
			continue;
		/* one section per seminar, none overlapping */
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1];) {
			int s = c->sp_sem[c->lo_sp[o]], o2 = o;
			int r2 = lp_add_row(P, GLP_UP, 0, 1);
			while (o2 < c->lo_start[l + 1] && c->sp_sem[c->lo_sp[o2]] == s)
				triplets_add(&t, r2, mc->x[o2++], 1);
			o = o2;
		}
		for (int j = 0; j < nb; j++) {
			int cnt = 0;
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				cnt += pat_has(c, c->sp_pat[c->lo_sp[o]], j);
			if (cnt < 2)
				continue;
			int r3 = lp_add_row(P, GLP_UP, 0, 1);
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				if (pat_has(c, c->sp_pat[c->lo_sp[o]], j))
					triplets_add(&t, r3, mc->x[o], 1);
		}
	}
	/* flexible flow per seminar; enrolment counts, sizes, linking */
	int *flex_row = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	for (int s = 0; s < p->n_seminars; s++) {
		if (c->sem_sp[s] == c->sem_sp[s + 1])
			continue;
		flex_row[s] = lp_add_row(P, GLP_FX, 0, 0);
		for (int sp = c->sem_sp[s]; sp < c->sem_sp[s + 1]; sp++)
			triplets_add(&t, flex_row[s], mc->g[sp], 1);
		int sec_row = lp_add_row(P, GLP_UP, 0, p->seminars[s].sections);
		for (int i = c->spf_start[c->sem_sp[s]]; i < c->spf_start[c->sem_sp[s + 1]]; i++)
			triplets_add(&t, sec_row, mc->z[i], 1);
	}
	for (int l = 0; l < nl; l++)
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			int sp = c->lo_sp[o], s = c->sp_sem[sp];
			bool first_flex = c->lo_flex[o] &&
					  (o == c->lo_start[l] || mc->x[o] != mc->x[o - 1]);
			if (c->lo_flex[o] && !first_flex)
				continue;
			int link = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			triplets_add(&t, link, mc->x[o], 1);
			if (first_flex) {
				triplets_add(&t, flex_row[s], mc->x[o], -1);
				int z0 = c->spf_start[c->sem_sp[s]], z1 = c->spf_start[c->sem_sp[s + 1]];
				for (int i = z0; i < z1; i++)
					triplets_add(&t, link, mc->z[i], -1);
			} else {
				for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
					triplets_add(&t, link, mc->z[i], -1);
			}
		}
	for (int sp = 0; sp < c->n_sp; sp++) {
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		int cnt = lp_add_row(P, GLP_FX, 0, 0);
		triplets_add(&t, cnt, mc->n[sp], 1);
		triplets_add(&t, cnt, mc->g[sp], -1);
		for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1]; i++) {
			int o = c->spo_opt[i];
			if (!c->lo_flex[o])
				triplets_add(&t, cnt, mc->x[o], -1);
		}
		int lo = lp_add_row(P, GLP_LO, 0, 0), hi = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
		triplets_add(&t, lo, mc->n[sp], 1);
		triplets_add(&t, hi, mc->n[sp], 1);
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
			triplets_add(&t, lo, mc->z[i], -sm->min_size);
			triplets_add(&t, hi, mc->z[i], -c->sp_cap[sp]);
		}
	}
	free(flex_row);
	/* facilitators */
	for (int f = 0; f < nf; f++) {
		int brow = lp_add_row(P, GLP_UP, -DBL_MAX, c->budget[f]);
		for (int j = 0; j < nb; j++)
			if (mc->u[f * nb + j]) {
				triplets_add(&t, brow, mc->u[f * nb + j], 1);
				int one = lp_add_row(P, GLP_UP, -DBL_MAX, 1);
				triplets_add(&t, one, mc->u[f * nb + j], 1);
				for (int sp = 0; sp < c->n_sp; sp++) {
					if (!pat_has(c, c->sp_pat[sp], j))
						continue;
					for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
						if (c->spf_fac[i] == f)
							triplets_add(&t, one, mc->z[i], 1);
				}
			}
		for (int sp = 0; sp < c->n_sp; sp++)
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
				if (c->spf_fac[i] == f)
					triplets_add(&t, brow, mc->z[i], pat_len(c, c->sp_pat[sp]));
	}
	/* blocks: lab staffing, rooms, seats */
	int *feats = xmalloc(sizeof(int) * (size_t)(p->n_seminars + 1));
	int n_feats = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		int h = p->seminars[s].feature, seen = 0;
		for (int i = 0; i < n_feats; i++)
			seen |= feats[i] == h;
		if (h >= 0 && !seen)
			feats[n_feats++] = h;
	}
	for (int j = 0; j < nb; j++) {
		int staff = lp_add_row(P, GLP_LO, 0, 0);
		for (int f = 0; f < nf; f++)
			if (mc->u[f * nb + j])
				triplets_add(&t, staff, mc->u[f * nb + j], 1);
		int rooms = lp_add_row(P, GLP_FX, 0, 0);
		int seats = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
		int labs = lp_add_row(P, GLP_LO, c->avail_cnt[j], 0);
		for (int r = 0; r < nr; r++) {
			if (mc->v[r * nb + j]) {
				triplets_add(&t, staff, mc->v[r * nb + j], -1);
				triplets_add(&t, labs, mc->v[r * nb + j], c->labcap[r]);
			}
			if (!mc->m[r * nb + j])
				continue;
			if (mc->v[r * nb + j]) {
				int one = lp_add_row(P, GLP_UP, -DBL_MAX, 1);
				triplets_add(&t, one, mc->v[r * nb + j], 1);
				triplets_add(&t, one, mc->m[r * nb + j], 1);
			}
			triplets_add(&t, rooms, mc->m[r * nb + j], 1);
			triplets_add(&t, seats, mc->m[r * nb + j], -p->rooms[r].capacity);
		}
		for (int sp = 0; sp < c->n_sp; sp++) {
			if (!pat_has(c, c->sp_pat[sp], j))
				continue;
			triplets_add(&t, seats, mc->n[sp], 1);
			triplets_add(&t, labs, mc->n[sp], 1);
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
				triplets_add(&t, rooms, mc->z[i], -1);
		}
		for (int h = 0; h < n_feats; h++) {
			int fr = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			int fs = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			for (int r = 0; r < nr; r++)
				if (mc->m[r * nb + j] && problem_room_has(&p->rooms[r], feats[h])) {
					triplets_add(&t, fr, mc->m[r * nb + j], -1);
					triplets_add(&t, fs, mc->m[r * nb + j], -p->rooms[r].capacity);
				}
			for (int sp = 0; sp < c->n_sp; sp++) {
				if (!pat_has(c, c->sp_pat[sp], j) ||
				    p->seminars[c->sp_sem[sp]].feature != feats[h])
					continue;
				triplets_add(&t, fs, mc->n[sp], 1);
				for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
					triplets_add(&t, fr, mc->z[i], 1);
			}
		}
	}
	free(feats);
	triplets_load(&t, P);
}

/* The MIP point of a realised plan (1-based, for glp_ios_heur_sol). */
static double *plan_point(const struct ctx *c, const struct plan *pl, const struct layout *lay,
			  const struct mip_cols *mc)
{
	const struct problem *p = c->p;
	int nb = c->nb;
	double *x = xcalloc((size_t)mc->n_cols + 1, sizeof(double));
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k];
		x[mc->n[sp]] += pl->sec_size[k];
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
			if (c->spf_fac[i] == pl->sec_fac[k])
				x[mc->z[i]] = 1;
		for (int j = 0; j < nb; j++)
			if (pat_has(c, c->sp_pat[sp], j))
				x[mc->m[lay->sec_room[(long)k * nb + j] * nb + j]] = 1;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int i = 0; i < c->spl; i++) {
			int k = pl->lsec[(long)l * c->spl + i];
			if (k < 0)
				continue;
			int o = opt_of(c, l, pl->sec_sp[k]);
			x[mc->x[o]] = 1;
			if (c->lo_flex[o])
				x[mc->g[pl->sec_sp[k]]] += 1;
		}
	for (int j = 0; j < nb; j++)
		for (int u = 0; u < lay->n_lab[j]; u++) {
			x[mc->v[lay->lab_room[(long)j * c->nr + u] * nb + j]] = 1;
			x[mc->u[lay->lab_fac[(long)j * c->nr + u] * nb + j]] = 1;
		}
	return x;
}

/*
 * Stage 2: with the MIP's sections fixed (o[sp] sections, n[sp] seats),
 * seats learners by an LP (integral: a bipartite b-matching when spl = 1;
 * a small MIP otherwise) and writes the sections into pl.  Returns -1 on a
 * GLPK failure.
 */
static int seat_learners(const struct ctx *c, const int *o_sp, const int *n_sp, const int *z_fac,
			 struct plan *pl, double seconds)
{
	const struct problem *p = c->p;
	int nl = p->n_learners, rc = 0;
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	struct triplets t = { 0 };
	int n_opt = c->lo_start[nl];
	int *col = xcalloc((size_t)n_opt + 1, sizeof(int));
	int *sp_row = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	for (int sp = 0; sp < c->n_sp; sp++)
		if (o_sp[sp] > 0) {
			double lo = (double)o_sp[sp] * p->seminars[c->sp_sem[sp]].min_size;
			double hi = n_sp[sp] > lo ? n_sp[sp] : lo;
			sp_row[sp] = lp_add_row(P, hi > lo ? GLP_DB : GLP_FX, lo, hi);
		}
	for (int l = 0; l < nl; l++) {
		int row = 0;
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			int sp = c->lo_sp[o];
			if (!sp_row[sp])
				continue;
			if (!row)
				row = lp_add_row(P, GLP_UP, 0, c->spl);
			col[o] = lp_add_col(P, c->spl > 1 ? GLP_BV : GLP_CV, 0, 1, c->lo_val[o]);
			triplets_add(&t, row, col[o], 1);
			triplets_add(&t, sp_row[sp], col[o], 1);
		}
		if (c->spl == 1 || !row)
			continue;
		for (int j = 0; j < c->nb; j++) {
			int r2 = 0;
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				if (col[o] && pat_has(c, c->sp_pat[c->lo_sp[o]], j)) {
					if (!r2)
						r2 = lp_add_row(P, GLP_UP, 0, 1);
					triplets_add(&t, r2, col[o], 1);
				}
		}
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1];) {
			int s = c->sp_sem[c->lo_sp[o]], r3 = 0;
			for (; o < c->lo_start[l + 1] && c->sp_sem[c->lo_sp[o]] == s; o++)
				if (col[o]) {
					if (!r3)
						r3 = lp_add_row(P, GLP_UP, 0, 1);
					triplets_add(&t, r3, col[o], 1);
				}
		}
	}
	if (glp_get_num_cols(P) == 0) {
		triplets_load(&t, P);
		goto out_sections;
	}
	triplets_load(&t, P);
	struct mip_params mp = { .seconds = seconds, .gap = 1e-4, .lp_only = c->spl == 1 };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	if (mr.outcome != MIP_OPTIMAL && mr.outcome != MIP_FEASIBLE) {
		rc = -1;
		goto out_free;
	}
out_sections:;
	/* sections: o_sp per sp, learners split evenly */
	int *members = xmalloc(sizeof(int) * (size_t)(nl + 1));
	int zi = 0;
	for (int sp = 0; sp < c->n_sp; sp++) {
		if (o_sp[sp] <= 0)
			continue;
		int nm = 0;
		for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1]; i++) {
			int o = c->spo_opt[i];
			if (!col[o])
				continue;
			double v = c->spl == 1 ? glp_get_col_prim(P, col[o]) : glp_mip_col_val(P, col[o]);
			if (v > 0.5)
				members[nm++] = opt_learner(c, o);
		}
		int first = pl->n_sec;
		for (int q = 0; q < o_sp[sp]; q++)
			plan_add_section(pl, c, sp, z_fac[zi++]);
		for (int i = 0; i < nm; i++)
			plan_enrol(pl, c, members[i], first + i % o_sp[sp]);
	}
	free(members);
out_free:
	glp_delete_prob(P);
	free(col);
	free(sp_row);
	return rc;
}

/* ---- improvement: re-seating and ruin-and-recreate --------------------- */

/* Re-seats every learner over pl's sections by stage 2 (each (seminar,
 * pattern) keeps its seats), repairs and extends greedily; pl takes the
 * result when it is worth more.  Returns its value. */
static double reseat(const struct ctx *c, struct plan *pl, struct layout *lay, double seconds)
{
	int *o_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *n_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *z_fac = xmalloc(sizeof(int) * (size_t)(pl->n_sec + 1));
	int nz = 0;
	for (int sp = 0; sp < c->n_sp; sp++)
		for (int k = 0; k < pl->n_sec; k++)
			if (pl->sec_sp[k] == sp) {
				o_sp[sp]++;
				n_sp[sp] += pl->sec_size[k];
				z_fac[nz++] = pl->sec_fac[k];
			}
	double old = plan_value(pl, c), v = old;
	struct plan cur;
	plan_init(&cur, c);
	if (seat_learners(c, o_sp, n_sp, z_fac, &cur, seconds) == 0 && repair(c, &cur, lay) >= 0) {
		greedy(c, &cur, lay, DBL_MAX, NULL);
		double nv = plan_value(&cur, c);
		if (nv > old + 1e-9) {
			plan_copy(pl, &cur, c);
			v = nv;
		}
	}
	plan_release(&cur);
	free(o_sp);
	free(n_sp);
	free(z_fac);
	return v;
}

/*
 * Ruin and recreate until the deadline, stop_value (the restricted MIP's
 * bound: no plan is worth more) or SEARCH_PATIENCE rounds without gain:
 * drop the sections of a random block, a random seminar or a few random
 * sections, refill by the randomised greedy, re-seat; keep improvements.
 */
#define SEARCH_PATIENCE 60

static double search(const struct ctx *c, struct plan *best, struct layout *lay, double value,
		     double deadline, double stop_value, unsigned long long seed)
{
	const struct problem *p = c->p;
	unsigned long long rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	struct plan cur;
	plan_init(&cur, c);
	int idle = 0, rounds = 0;
	while (!mip_interrupted && mcl_now() < deadline && idle < SEARCH_PATIENCE &&
	       value < stop_value - 1e-6 &&
	       best->n_sec > 0) {
		plan_copy(&cur, best, c);
		int how = (int)(mcl_rng_next(&rng) % 4);
		if (how == 0) {
			int j = (int)(mcl_rng_next(&rng) % (unsigned long long)c->nb);
			for (int k = cur.n_sec - 1; k >= 0; k--)
				if (pat_has(c, c->sp_pat[cur.sec_sp[k]], j))
					plan_drop_section(&cur, c, k);
		} else if (how == 1) {
			int s = c->sp_sem[cur.sec_sp[mcl_rng_next(&rng) % (unsigned long long)cur.n_sec]];
			for (int k = cur.n_sec - 1; k >= 0; k--)
				if (c->sp_sem[cur.sec_sp[k]] == s)
					plan_drop_section(&cur, c, k);
		} else if (how == 2) {
			int n = cur.n_sec / 6 + 1;
			for (int i = 0; i < n && cur.n_sec > 0; i++)
				plan_drop_section(&cur, c, (int)(mcl_rng_next(&rng) %
							     (unsigned long long)cur.n_sec));
		} else {
			int n = 1 + (int)(mcl_rng_next(&rng) % 3);
			for (int i = 0; i < n && cur.n_sec > 0; i++)
				plan_drop_section(&cur, c, (int)(mcl_rng_next(&rng) %
							     (unsigned long long)cur.n_sec));
		}
		greedy(c, &cur, lay, deadline, &rng);
		double v = plan_value(&cur, c);
		if (v > value - 1e-9 || unit_random(&rng) < 0.1) {
			double left = deadline - mcl_now();
			v = reseat(c, &cur, lay, left > 1 ? left : 1);
		}
		rounds++;
		if (v > value - 1e-9) {
			/* equal plans are taken too: the search drifts on plateaus */
			idle = v > value + 1e-9 ? 0 : idle + 1;
			plan_copy(best, &cur, c);
			value = v;
		} else {
			idle++;
		}
	}
	mcl_log(LOG_VERBOSE, "seminars: search %.1f after %d rounds", value, rounds);
	(void)p;
	plan_release(&cur);
	return value;
}

/* ---- output ------------------------------------------------------------ */

static void write_plan(const struct ctx *c, const struct plan *pl, const struct layout *lay,
		       struct solution *sol)
{
	const struct problem *p = c->p;
	int nb = c->nb, nl = p->n_learners;
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k], section = -1;
		for (int j = 0; j < nb; j++) {
			if (!pat_has(c, c->sp_pat[sp], j))
				continue;
			struct session s = {
				.kind = SESSION_SEMINAR, .offering = c->sp_sem[sp],
				.block = c->in->blocks[j], .room = lay->sec_room[(long)k * nb + j],
				.facilitator = pl->sec_fac[k],
			};
			int si = solution_add_session(sol, &s);
			if (section < 0)
				section = si;
			sol->sessions[si].section = section;
			for (int l = 0; l < nl; l++)
				for (int i = 0; i < c->spl; i++)
					if (pl->lsec[(long)l * c->spl + i] == k)
						*solution_attend(sol, l, s.block) = si;
		}
	}
	int *load = xcalloc((size_t)c->nr + 1, sizeof(int));
	int *sid = xcalloc((size_t)c->nr + 1, sizeof(int));
	for (int j = 0; j < nb; j++) {
		int b = c->in->blocks[j], nlab = lay->n_lab[j];
		for (int u = 0; u < nlab; u++) {
			struct session s = {
				.kind = SESSION_LAB, .offering = -1, .block = b,
				.room = lay->lab_room[(long)j * c->nr + u],
				.facilitator = lay->lab_fac[(long)j * c->nr + u],
			};
			sid[u] = solution_add_session(sol, &s);
			load[u] = 0;
		}
		/* water-filling: each learner to the emptiest lab, by share */
		for (int l = 0; l < nl; l++) {
			if (!c->avail[(long)l * nb + j] || *solution_attend(sol, l, b) >= 0)
				continue;
			int best = -1;
			double best_share = 2;
			for (int u = 0; u < nlab; u++) {
				int cap = c->labcap[lay->lab_room[(long)j * c->nr + u]];
				if (load[u] >= cap)
					continue;
				double share = (double)load[u] / cap;
				if (share < best_share) {
					best_share = share;
					best = u;
				}
			}
			assert(best >= 0);
			load[best]++;
			*solution_attend(sol, l, b) = sid[best];
		}
	}
	free(load);
	free(sid);
	solution_recount(sol);
}

/* ---- entry ------------------------------------------------------------- */

/* The most learners room r can hold in one session: a lab, or a meeting of
 * any seminar whose feature it has. */
static int room_most(const struct ctx *c, int r)
{
	const struct problem *p = c->p;
	int most = c->labcap[r];
	for (int s = 0; s < p->n_seminars; s++) {
		int m = p->seminars[s].max_size < p->rooms[r].capacity ? p->seminars[s].max_size
								       : p->rooms[r].capacity;
		if (problem_room_has(&p->rooms[r], p->seminars[s].feature) && m > most)
			most = m;
	}
	return most;
}

static int cmp_int_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/* A block where, by counting, no schedule can seat the learners: each
 * session needs its own available facilitator and room, so the block seats
 * at most the sum of room_most over as many of its rooms as it has
 * facilitators; nor more than every seminar section full plus the lab seats
 * of that many lab rooms.  Returns the block position, or -1. */
static int seats_proof(const struct ctx *c)
{
	const struct problem *p = c->p;
	int *most = xmalloc(sizeof(int) * (size_t)(c->nr + 1)), found = -1;
	for (int j = 0; j < c->nb && found < 0; j++) {
		int b = c->in->blocks[j], n = 0, nfac = 0;
		for (int r = 0; r < c->nr; r++)
			if (!p->rooms[r].unavailable[b])
				most[n++] = room_most(c, r);
		for (int f = 0; f < c->nf; f++)
			nfac += !p->facilitators[f].unavailable[b] && c->budget[f] > 0;
		qsort(most, (size_t)n, sizeof(int), cmp_int_desc);
		long seats = 0;
		for (int i = 0; i < n && i < nfac; i++)
			seats += most[i];
		/* or: every seminar section full, plus the lab rooms */
		long sem_seats = 0, lab_seats = 0;
		for (int s = 0; s < p->n_seminars; s++)
			sem_seats += (long)p->seminars[s].sections * p->seminars[s].max_size;
		n = 0;
		for (int r = 0; r < c->nr; r++)
			if (!p->rooms[r].unavailable[b])
				most[n++] = c->labcap[r];
		qsort(most, (size_t)n, sizeof(int), cmp_int_desc);
		for (int i = 0; i < n && i < nfac; i++)
			lab_seats += most[i];
		if (seats < c->avail_cnt[j] || sem_seats + lab_seats < c->avail_cnt[j])
			found = j;
	}
	free(most);
	return found;
}

static char *no_seats_diagnosis(const struct ctx *c, int j)
{
	const struct problem *p = c->p;
	int b = c->in->blocks[j], nrooms = 0, nfac = 0;
	for (int r = 0; r < c->nr; r++)
		nrooms += !p->rooms[r].unavailable[b];
	for (int f = 0; f < c->nf; f++)
		nfac += !p->facilitators[f].unavailable[b] && c->budget[f] > 0;
	return xasprintf("seminar block '%s': %d learners are available, but the %d "
			 "facilitators available there can lead at most %d sessions in the %d rooms "
			 "open, and those seat fewer learners (labs up to lab max_group in rooms "
			 "with the lab feature, seminars up to their max_size and sections); add "
			 "facilitators, rooms or lab rooms, or make fewer learners available in "
			 "that block\n",
			 p->blocks[b].id, c->avail_cnt[j], nfac,
			 nfac < nrooms ? nfac : nrooms, nrooms);
}

static char *no_lab_diagnosis(const struct ctx *c, int fail)
{
	const struct problem *p = c->p;
	if (fail >= c->nb)
		return xasprintf("no seminar schedule found: the facilitators' session limits "
				 "(max_sessions) leave too few facilitators to supervise the labs of "
				 "the seminar blocks with no seminar running, and no seminar plan "
				 "found seats the learners otherwise; raise max_sessions or add "
				 "facilitators\n");
	int b = c->in->blocks[fail], seats = 0, nrooms = 0, nfac = 0;
	for (int r = 0; r < c->nr; r++)
		if (!p->rooms[r].unavailable[b] && c->labcap[r] > 0) {
			seats += c->labcap[r];
			nrooms++;
		}
	for (int f = 0; f < c->nf; f++)
		nfac += !p->facilitators[f].unavailable[b];
	return xasprintf("no seminar schedule found: in seminar block '%s', %d learners are "
			 "available, but with every learner in a lab the %d facilitators available "
			 "and %d lab room%s (%d lab seats) cannot seat them, and no seminar plan "
			 "found seats the rest; add facilitators or lab rooms, or make fewer "
			 "learners available in that block\n",
			 p->blocks[b].id, c->avail_cnt[fail], nfac, nrooms, nrooms == 1 ? "" : "s",
			 seats);
}

int seminar_schedule(const struct seminar_input *in, struct solution *sol, char **why)
{
	double t0 = mcl_now();
	double deadline = t0 + (in->seconds > 0 ? in->seconds : 1);
	struct seminar_stats st = { 0 };
	st.mip_outcome = MIP_NO_SOLUTION;
	int rc = 0;
	*why = NULL;
	struct ctx c;
	ctx_build(&c, in);
	struct plan best, cur;
	plan_init(&best, &c);
	plan_init(&cur, &c);
	struct layout lay;
	layout_init(&lay, &c);

	int fail = realize(&c, &best, &lay);
	bool have = fail < 0;       /* best holds a schedule */
	int first_fail = fail;
	if (!have) {
		int j = seats_proof(&c);
		if (j >= 0) {
			*why = no_seats_diagnosis(&c, j);
			st.proven_infeasible = true;
			rc = 1;
			goto out_release;
		}
	} else {
		/* the greedy gets a fifth of the time at most */
		greedy(&c, &best, &lay, t0 + 0.2 * (deadline - t0), NULL);
		st.greedy_value = st.value = plan_value(&best, &c);
		mcl_log(LOG_VERBOSE, "seminars: greedy %.1f (%d sections) in %.2f s",
			st.greedy_value, best.n_sec, mcl_now() - t0);
	}

	const struct seminar_tuning *tu = tuning_for(in->p->n_learners);
	double left = deadline - mcl_now();
	if (c.n_sp > 0 && c.lo_start[in->p->n_learners] > 0 && left > 0.3) {
		glp_prob *P = glp_create_prob();
		struct mip_cols mc;
		build_mip(&c, P, &mc);
		double *start = NULL;
		if (have) {
			if (realize(&c, &best, &lay) >= 0)
				assert(!"greedy plan must realise");
			start = plan_point(&c, &best, &lay, &mc);
		}
		struct mip_params mp = { .seconds = tu->mip_share * left,
					 .gap = in->gap > 0 ? in->gap : 1e-4, .start = start,
					 .label = mcl_log_level >= LOG_VERBOSE ? "seminar sections" : NULL };
		struct mip_result mr;
		mip_solve(P, &mp, &mr);
		st.mip_run = true;
		st.mip_outcome = mr.outcome;
		st.hit_time_limit = mr.outcome == MIP_FEASIBLE || mr.outcome == MIP_NO_SOLUTION;
		if (mr.outcome == MIP_ERROR) {
			*why = xasprintf("the seminar section MIP failed in GLPK\n");
			rc = -1;
		} else if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) {
			st.mip_objective = mr.objective;
			st.mip_bound = mr.bound;
			int nspf = c.spf_start[c.n_sp];
			int *o_sp = xcalloc((size_t)c.n_sp + 1, sizeof(int));
			int *n_sp = xcalloc((size_t)c.n_sp + 1, sizeof(int));
			int *z_fac = xmalloc(sizeof(int) * (size_t)(nspf + 1));
			int nz = 0;
			for (int sp = 0; sp < c.n_sp; sp++) {
				n_sp[sp] = (int)lround(glp_mip_col_val(P, mc.n[sp]));
				for (int i = c.spf_start[sp]; i < c.spf_start[sp + 1]; i++)
					if (glp_mip_col_val(P, mc.z[i]) > 0.5) {
						o_sp[sp]++;
						z_fac[nz++] = c.spf_fac[i];
					}
			}
			double s2 = deadline - mcl_now();
			if (seat_learners(&c, o_sp, n_sp, z_fac, &cur, s2 > 1 ? s2 : 1) == 0) {
				int dropped = repair(&c, &cur, &lay);
				if (dropped >= 0) {
					st.sections_dropped = dropped;
					greedy(&c, &cur, &lay, deadline + 1, NULL);
					double v = plan_value(&cur, &c);
					mcl_log(LOG_VERBOSE, "seminars: MIP %.1f (bound of the restricted "
						"model %.1f), realised %.1f after dropping %d sections",
						mr.objective, mr.bound, v, dropped);
					if (!have || v > st.value + 1e-9) {
						plan_copy(&best, &cur, &c);
						st.value = v;
						have = true;
					}
				}
			}
			free(o_sp);
			free(n_sp);
			free(z_fac);
		}
		free(start);
		mip_cols_release(&mc);
		glp_delete_prob(P);
		if (rc)
			goto out_release;
	}
	if (!have) {
		*why = no_lab_diagnosis(&c, first_fail);
		rc = 1;
		goto out_release;
	}
	st.value = search(&c, &best, &lay, st.value, deadline,
			  st.mip_run && in->p->config.seminars_per_learner <= 1 && st.mip_bound > 0
				  ? st.mip_bound * (1 - (in->gap > 0 ? in->gap : 1e-4))
				  : DBL_MAX,
			  in->seed);
	fail = realize(&c, &best, &lay);
	assert(fail < 0);
	write_plan(&c, &best, &lay, sol);
out_release:
	if (in->stats)
		*in->stats = st;
	layout_release(&lay);
	plan_release(&best);
	plan_release(&cur);
	ctx_release(&c);
	return rc;
}

static int cmp_double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

double seminar_simple_bound(const struct problem *p, const int *blocks, int n_blocks)
{
	struct tally t;
	tally_init(&t, p);
	int *days = xmalloc(sizeof(int) * (size_t)(p->n_days + 1));
	bool *seen = xcalloc((size_t)p->n_days + 1, sizeof(bool));
	int spl = p->config.seminars_per_learner;
	double bound = 0;
	double *gain = xcalloc((size_t)p->n_learners + 1, sizeof(double));
	for (int l = 0; l < p->n_learners; l++) {
		int avail = 0, nd = 0;
		memset(seen, 0, sizeof(bool) * (size_t)p->n_days);
		for (int j = 0; j < n_blocks; j++)
			if (!p->learners[l].unavailable[blocks[j]]) {
				avail++;
				int d = p->blocks[blocks[j]].day_index;
				if (!seen[d])
					days[nd++] = d;
				seen[d] = true;
			}
		if (!avail)
			continue;
		/* no seminar: labs in every available block */
		t.lab_cnt[l] = avail;
		double all_labs = objective_learner(p, &t, l), best = all_labs;
		if (spl == 1) {
			/* one seminar s of m meetings: its choice weight, at most
			 * min(m, nd) days, exactly avail - m labs */
			for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
				int m = p->seminars[p->choices[c].seminar].meetings;
				if (!p->choices[c].eligible || m > avail)
					continue;
				t.enrolled[c] = 1;
				t.lab_cnt[l] = avail - m;
				for (int i = 0; i < nd && i < m; i++)
					*tally_day(&t, p, l, days[i]) = 1;
				double v = objective_learner(p, &t, l);
				best = v > best ? v : best;
				t.enrolled[c] = 0;
				for (int i = 0; i < nd; i++)
					*tally_day(&t, p, l, days[i]) = 0;
			}
		} else {
			/* the spl heaviest choices (whatever their rank), every
			 * available day, every block a lab */
			t.lab_cnt[l] = avail;
			for (int i = 0; i < nd; i++)
				*tally_day(&t, p, l, days[i]) = 1;
			for (int taken = 0; taken < spl; taken++) {
				int pick = -1;
				double w = 0;
				for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
					double wc = problem_choice_weight(p, &p->choices[c]);
					if (p->choices[c].eligible && !t.enrolled[c] && wc > w) {
						pick = c;
						w = wc;
					}
				}
				if (pick < 0)
					break;
				t.enrolled[pick] = 1;
			}
			double v = objective_learner(p, &t, l);
			best = v > best ? v : best;
			for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
				t.enrolled[c] = 0;
			for (int i = 0; i < nd; i++)
				*tally_day(&t, p, l, days[i]) = 0;
		}
		t.lab_cnt[l] = 0;
		bound += all_labs;
		gain[l] = best - all_labs;
	}
	/* only as many learners as there are seminar seats gain anything */
	long seats = 0;
	for (int s = 0; s < p->n_seminars; s++)
		seats += (long)p->seminars[s].sections * p->seminars[s].max_size;
	qsort(gain, (size_t)p->n_learners, sizeof(double), cmp_double_desc);
	for (long i = 0; i < seats && i < p->n_learners; i++)
		bound += gain[i];
	free(gain);
	/* guru-led meetings: no more than gurus can lead, nor than can run */
	long by_fac = 0, by_sem = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		bool guru = false;
		for (int s = 0; s < p->n_seminars; s++)
			guru |= problem_seminar_level(p, f, s) == LEVEL_GURU;
		if (!guru)
			continue;
		int a = 0;
		for (int j = 0; j < n_blocks; j++)
			a += !p->facilitators[f].unavailable[blocks[j]];
		by_fac += a < p->facilitators[f].max_sessions ? a : p->facilitators[f].max_sessions;
	}
	for (int s = 0; s < p->n_seminars; s++) {
		bool guru = false;
		for (int f = 0; f < p->n_facilitators; f++)
			guru |= problem_seminar_level(p, f, s) == LEVEL_GURU;
		if (guru)
			by_sem += (long)p->seminars[s].sections * p->seminars[s].meetings;
	}
	bound += p->config.w_guru * (double)(by_fac < by_sem ? by_fac : by_sem);
	free(days);
	free(seen);
	tally_release(&t);
	return bound;
}

/* ---- the seminar model ------------------------------------------------- */

int seminar_solve(const struct problem *p, const struct solve_options *opt, struct solution *sol)
{
	int nb = 0;
	int *blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_SEMINAR && problem_block_scheduled(p, b))
			blocks[nb++] = b;
	if (opt->write_lp && cycle_mip_write(p, NULL, 0, blocks, nb, opt->write_lp) != 0) {
		free(blocks);
		return -1;
	}
	struct seminar_stats st;
	struct seminar_input in = {
		.p = p, .blocks = blocks, .n_blocks = nb,
		.seconds = opt->time_limit, .gap = opt->gap,
		.seed = (unsigned long long)opt->seed, .stats = &st,
	};
	char *why = NULL;
	int rc = seminar_schedule(&in, sol, &why);
	if (rc != 0) {
		sol->status = st.proven_infeasible ? SOLVE_INFEASIBLE : SOLVE_NO_SOLUTION;
		sol->diagnosis = why;
		sol->stopped_by = STOP_SEARCH_DONE;
		free(blocks);
		return rc < 0 ? -1 : 0;
	}
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, sol);
	sol->objective = objective_total(p, &t);
	tally_release(&t);
	double bound = seminar_simple_bound(p, blocks, nb);
	struct bound_lp_result rr;
	bound_lp_cycle(p, NULL, 0, blocks, nb, opt->time_limit, &rr);
	mcl_log(LOG_NORMAL, "seminar bound LP %.1f (%s), simple bound %.1f", rr.bound,
		rr.proven ? "LP optimum" : "no LP optimum", bound);
	if (rr.bound < bound)
		bound = rr.bound;
	mcl_log(LOG_NORMAL, "seminars: objective %.1f (greedy %.1f, sections MIP %.1f), simple "
		"bound %.1f", sol->objective, st.greedy_value, st.mip_objective, bound);
	sol->bound = bound;
	solution_set_gap(sol);
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	sol->stopped_by = mip_interrupted     ? STOP_INTERRUPT
			  : sol->gap <= opt->gap ? STOP_GAP
			  : st.hit_time_limit    ? STOP_TIME_LIMIT
						 : STOP_SEARCH_DONE;
	free(blocks);
	return 0;
}
