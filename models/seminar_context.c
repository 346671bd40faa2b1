/*
 * seminar_context.c - the context of a seminar_schedule call: meeting
 * patterns, the options (seminar, pattern) and every learner's options with
 * their exact values (see seminar_plan.h for the fields).
 *
 * A section meets `meetings` times with the same learners and facilitator,
 * so the decision is made per section for all its blocks at once.  A
 * section's blocks are one of a few candidate *patterns*: for each
 * time-of-day slot (the k-th seminar block of a day), windows of `meetings`
 * consecutive days, then other sets of `meetings` days of that slot up to a
 * cap (set->seminar_patterns), and when no slot has enough days, windows of
 * consecutive seminar blocks in time order.  One meeting a day is what the
 * daily weight pays for, and fixed patterns make enrolment countable: with
 * patterns fixed, n learners of one (seminar, pattern) can be split into o
 * sections iff o*min <= n <= o*max.
 *
 * Values.  The value v(l,o) of learner l's option o = (seminar s, pattern
 * P) is exact: objective_learner() on a tally holding `outside` plus l in
 * labs in every available seminar block, minus the same with l enrolled in
 * s (meetings on P's days, |P| fewer lab sessions).  It is the choice
 * weight, the daily weight of the days P adds, less the lab credit the
 * meetings displace.  Its daily part lo_dval[o] and the days it adds
 * lo_days[o] are kept apart: a learner in two seminars that meet on one
 * day has that day's weight once (seminar_plan_value, stage 2).
 * Options worth <= 0 are dropped, unless the context
 * is built with keep_all (seminar_ctx_build_all): then a seat worth
 * nothing can still relieve a block whose labs are full.  A learner available
 * in every pattern of s, at equal value, is *flexible* for s (one column in
 * the section MIP, the learner is routed to a pattern by a flow), which
 * keeps the MIP small.
 */
#include "models/seminar_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"

static bool same_pattern(const struct seminar_ctx *c, int k, const int *js, int m)
{
	if (seminar_pat_len(c, k) != m)
		return false;
	return !memcmp(&c->pat_j[c->pat_start[k]], js, sizeof(int) * (size_t)m);
}

static void add_pattern(struct seminar_ctx *c, const int *js, int m)
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

/* Adds the m-subsets of list[0..n-1] (positions ascending), in
 * lexicographic order, as patterns while this m's run (from first) has
 * fewer than cap; those already there are not added twice. */
static void add_subsets(struct seminar_ctx *c, const int *list, int n, int m, int first, int cap)
{
	if (m > n || m < 1)
		return;
	int *idx = xmalloc(sizeof(int) * (size_t)(m + 1));
	int *js = xmalloc(sizeof(int) * (size_t)(m + 1));
	for (int i = 0; i < m; i++)
		idx[i] = i;
	while (c->n_pat - first < cap) {
		for (int i = 0; i < m; i++)
			js[i] = list[idx[i]];
		add_pattern(c, js, m);
		int i = m - 1;
		while (i >= 0 && idx[i] == n - m + i)
			i--;
		if (i < 0)
			break;
		idx[i]++;
		for (int k = i + 1; k < m; k++)
			idx[k] = idx[k - 1] + 1;
	}
	free(idx);
	free(js);
}

/* Patterns of m meetings; returns the first index of this m's run (they are
 * contiguous: generated once per meetings count). */
static void gen_patterns(struct seminar_ctx *c, int m, int cap, int *first, int *count)
{
	int nb = c->nb;
	int *slot = xmalloc(sizeof(int) * (size_t)(nb + 1));
	int *list = xmalloc(sizeof(int) * (size_t)(nb + 1));
	int *js = xmalloc(sizeof(int) * (size_t)(m + 1));
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
		add_subsets(c, list, n, m, *first, cap);
	}
	/* more meetings than days in any slot: consecutive seminar blocks */
	if (c->n_pat == *first)
		for (int a = 0; a + m <= nb && c->n_pat - *first < cap; a++) {
			for (int i = 0; i < m; i++)
				js[i] = a + i;
			add_pattern(c, js, m);
		}
	/* keep_all (the labs alone do not fit): any m blocks, across slots and
	 * two a day too, up to twice the cap; a school that must seat learners
	 * in seminars for room may need a pattern no slot gives */
	if (c->keep_all) {
		for (int j = 0; j < nb; j++)
			list[j] = j;
		add_subsets(c, list, nb, m, *first, 2 * cap);
	}
	*count = c->n_pat - *first;
	free(slot);
	free(list);
	free(js);
}

static int largest_room(const struct seminar_ctx *c, int feature, int j)
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

/* Days, availability, budgets and lab seats. */
static void build_basics(struct seminar_ctx *c, const struct seminar_input *in)
{
	const struct problem *p = in->p;
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
}

/* Patterns per meetings count (at most set->seminar_patterns each). */
static void build_patterns(struct seminar_ctx *c, int *m_first, int *m_count)
{
	const struct problem *p = c->p;
	int nb = c->nb;
	for (int s = 0; s < p->n_seminars; s++) {
		int m = p->seminars[s].meetings;
		if (m <= nb && !m_count[m] && !m_first[m]) {
			gen_patterns(c, m, c->set->seminar_patterns, &m_first[m], &m_count[m]);
			if (!m_count[m])
				m_first[m] = -1;
		}
	}
	c->pat_has = xcalloc((size_t)c->n_pat * (size_t)nb + 1, sizeof(bool));
	for (int k = 0; k < c->n_pat; k++)
		for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
			c->pat_has[(long)k * nb + c->pat_j[i]] = true;
}

/* The options (s, P) some facilitator can lead, with their capacity. */
static void build_options(struct seminar_ctx *c)
{
	const struct problem *p = c->p;
	const struct seminar_input *in = c->in;
	int nb = c->nb;
	int max_m = 0;
	for (int s = 0; s < p->n_seminars; s++)
		max_m = p->seminars[s].meetings > max_m ? p->seminars[s].meetings : max_m;
	int *m_first = xcalloc((size_t)max_m + 2, sizeof(int));
	int *m_count = xcalloc((size_t)max_m + 2, sizeof(int));
	build_patterns(c, m_first, m_count);

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
}

/* Every learner's options worth more than 0 (all, with keep_all), with
 * their exact values. */
static void build_learner_options(struct seminar_ctx *c)
{
	const struct problem *p = c->p;
	const struct seminar_input *in = c->in;
	int nb = c->nb, nl = p->n_learners;
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
				t.lab_cnt[l] -= seminar_pat_len(c, k);
				double v0 = objective_learner(p, &t, l) - base;
				unsigned long long days = 0;
				bool far = false;   /* a day past 64: no mask */
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++) {
					int d = c->day[c->pat_j[i]];
					if (*tally_day(&t, p, l, d) == 0)
						far |= d >= 64, days |= d < 64 ? 1ULL << d : 0;
					(*tally_day(&t, p, l, d))++;
				}
				double v = objective_learner(p, &t, l) - base;
				if (far)
					days = 0, v0 = v;
				t.enrolled[ch] = old;
				t.lab_cnt[l] += seminar_pat_len(c, k);
				for (int i = c->pat_start[k]; i < c->pat_start[k + 1]; i++)
					(*tally_day(&t, p, l, c->day[c->pat_j[i]]))--;
				if (v <= 1e-9 && !c->keep_all)
					continue;
				if (n_opt + 1 > alloc) {
					size_t a1 = alloc, a2 = alloc, a3 = alloc;
					xgrow((void **)&c->lo_sp, &a1, n_opt + 1, sizeof(int));
					xgrow((void **)&c->lo_val, &a2, n_opt + 1, sizeof(double));
					xgrow((void **)&c->lo_flex, &a3, n_opt + 1, sizeof(bool));
					size_t a4 = alloc, a5 = alloc;
					xgrow((void **)&c->lo_dval, &a4, n_opt + 1, sizeof(double));
					xgrow((void **)&c->lo_days, &a5, n_opt + 1,
					      sizeof(unsigned long long));
					alloc = a1;
				}
				c->lo_sp[n_opt] = sp;
				c->lo_val[n_opt] = v;
				c->lo_flex[n_opt] = false;
				c->lo_dval[n_opt] = v - v0;
				c->lo_days[n_opt] = days;
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
}

/* Per sp, the options for it, value descending. */
static void build_index(struct seminar_ctx *c)
{
	size_t n_opt = (size_t)c->lo_start[c->p->n_learners];
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

static void ctx_build(struct seminar_ctx *c, const struct seminar_input *in,
		      const struct search_settings *set, bool keep_all)
{
	memset(c, 0, sizeof(*c));
	c->set = set;
	c->keep_all = keep_all;
	build_basics(c, in);
	build_options(c);
	build_learner_options(c);
	build_index(c);
}

void seminar_ctx_build(struct seminar_ctx *c, const struct seminar_input *in,
		       const struct search_settings *set)
{
	ctx_build(c, in, set, false);
}

void seminar_ctx_build_all(struct seminar_ctx *c, const struct seminar_input *in,
			   const struct search_settings *set)
{
	ctx_build(c, in, set, true);
}

void seminar_ctx_release(struct seminar_ctx *c)
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
	free(c->lo_dval);
	free(c->lo_days);
	free(c->spo_start);
	free(c->spo_opt);
}

int seminar_opt_learner(const struct seminar_ctx *c, int o)
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

int seminar_opt_of(const struct seminar_ctx *c, int l, int sp)
{
	for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
		if (c->lo_sp[o] == sp)
			return o;
	return -1;
}
