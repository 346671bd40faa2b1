/*
 * period_mip_greedy.c - the period MIP's greedy incumbent (period_mip_model.h).
 *
 * Repeatedly open the workshop session worth most: the goal's best
 * unseated candidates (their gain over their lab option) up to the room
 * class's effective capacity min(cap_c, max_g), plus the guru value of the
 * facilitator picked (a guru when one is free, else the least versatile),
 * among the openings after which the labs the free facilitators and rooms
 * can still offer seat every learner left (each goal in the room class
 * that seats most, then wastes fewest lab seats), until none is; then seat
 * the rest in labs, largest rooms first.  The
 * result is a feasible point of the MIP (period_mip.c), handed to
 * branch-and-bound as its first incumbent and compared with the LP-based
 * candidates.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/period_mip_model.h"

void period_draft_init(struct draft *d, int n_learners, int max_groups)
{
	d->n_groups = 0;
	d->groups = xcalloc((size_t)max_groups + 1, sizeof(*d->groups));
	d->learner_group = xmalloc(sizeof(int) * (size_t)(n_learners + 1));
	d->learner_option = xmalloc(sizeof(int) * (size_t)(n_learners + 1));
	for (int i = 0; i < n_learners; i++)
		d->learner_group[i] = d->learner_option[i] = -1;
}

void period_draft_release(struct draft *d)
{
	free(d->groups);
	free(d->learner_group);
	free(d->learner_option);
}

/* The option of learner i for slot s, or -1. */
int period_option_for(const struct period_model *m, int i, int s)
{
	for (int o = m->in->opt_start[i]; o < m->in->opt_start[i + 1]; o++)
		if (m->col_x[o] && option_slot(m, o) == s)
			return o;
	return -1;
}

/* Picks a free capable facilitator for slot s: a guru if one is free, the
 * one with the fewest other offerings first (keeps versatile ones free). */
static int pick_facilitator(const struct period_model *m, int s, const char *busy, const int *breadth)
{
	int best = -1;
	for (int k = 0; k < m->p->n_facilitators; k++) {
		if (busy[k] || !m->goals[s].col_f[k])
			continue;
		if (best < 0)
			best = k;
		int gk = fac_guru(m, k, m->goals[s].goal), gb = fac_guru(m, best, m->goals[s].goal);
		if (gk > gb || (gk == gb && breadth[k] < breadth[best]))
			best = k;
	}
	return best;
}

/* Largest lab seating free_fac facilitators and the rooms left after used
 * could offer. */
static long lab_seats(const struct period_model *m, int free_fac, const int *used)
{
	long seats = 0;
	/* classes are few: take the largest free ones first */
	int *left = xmalloc(sizeof(int) * (size_t)(m->n_classes + 1));
	for (int c = 0; c < m->n_classes; c++)
		left[c] = class_eligible(m, &m->goals[0], c) ? class_free(m, c, used) : 0;
	while (free_fac > 0) {
		int best = -1;
		for (int c = 0; c < m->n_classes; c++)
			if (left[c] > 0 && (best < 0 || m->classes[c].cap > m->classes[best].cap))
				best = c;
		if (best < 0)
			break;
		left[best]--;
		free_fac--;
		seats += eff_cap(m, &m->goals[0], best);
	}
	free(left);
	return seats;
}

/* after[c]: the lab seats left once one more session opens in class c (one
 * more of its rooms used, one more facilitator busy); -1 when none is free. */
static void lab_seats_after(const struct period_model *m, const char *busy, int *used,
			    long *after)
{
	int free_fac = 0;
	for (int k = 0; k < m->p->n_facilitators; k++)
		free_fac += m->in->fac_allowed[k] && !busy[k];
	for (int c = 0; c < m->n_classes; c++) {
		after[c] = -1;
		if (class_free(m, c, used) <= 0)
			continue;
		used[c]++;
		after[c] = lab_seats(m, free_fac - 1, used);
		used[c]--;
	}
}

/*
 * The room class for a session of slot s taking up to nc candidates, among
 * those whose opening leaves the labs seats for the unseated rest: the one
 * seating most, then the one whose room would seat fewest in a lab (the
 * seats the session wastes), then the smallest.  -1 when none fits.
 */
static int pick_class(const struct period_model *m, int s, int nc, long unseated,
		      const long *after)
{
	const struct goal_info *gi = &m->goals[s];
	int best = -1, best_take = 0;
	for (int c = 0; c < m->n_classes; c++) {
		if (!gi->col_n[c] || after[c] < 0)
			continue;
		int take = eff_cap(m, gi, c) < nc ? eff_cap(m, gi, c) : nc;
		if (take < gi->min || after[c] < unseated - take)
			continue;
		int lab = eff_cap(m, &m->goals[0], c), lab_b = best < 0 ? 0 : eff_cap(m, &m->goals[0], best);
		if (best < 0 || take > best_take ||
		    (take == best_take && (lab < lab_b || (lab == lab_b &&
							   m->classes[c].cap < m->classes[best].cap)))) {
			best = c;
			best_take = take;
		}
	}
	return best;
}

/* Per slot, the learners who gain by a session of it over their lab option,
 * with that gain (learners in order): built once per greedy, so that each
 * opening scans the slot's own learners, not every learner's options. */
struct slot_gains {
	int *start;         /* [n_goals + 1] into learner and gain */
	int *learner;
	double *gain;
};

static void slot_gains_build(const struct period_model *m, struct slot_gains *sg)
{
	const struct period_mip_input *in = m->in;
	sg->start = xcalloc((size_t)m->n_goals + 2, sizeof(int));
	int n = 0;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			for (int s = 0; s < m->n_goals; s++)
				sg->start[s + 1] += sg->start[s];
			n = sg->start[m->n_goals];
			sg->learner = xmalloc(sizeof(int) * (size_t)(n + 1));
			sg->gain = xmalloc(sizeof(double) * (size_t)(n + 1));
		}
		int *fill = pass == 1 ? xmalloc(sizeof(int) * (size_t)(m->n_goals + 1)) : NULL;
		if (fill)
			memcpy(fill, sg->start, sizeof(int) * (size_t)m->n_goals);
		for (int i = 0; i < in->n_learners; i++) {
			int ol = period_option_for(m, i, 0);
			double lab = ol >= 0 ? in->opt_value[ol] : 0;
			for (int o = in->opt_start[i]; o < in->opt_start[i + 1]; o++) {
				int s = m->col_x[o] ? option_slot(m, o) : -1;
				if (s <= 0 || in->opt_value[o] - lab <= 0 ||
				    period_option_for(m, i, s) != o)
					continue;
				if (!fill) {
					sg->start[s + 1]++;
					continue;
				}
				sg->learner[fill[s]] = i;
				sg->gain[fill[s]++] = in->opt_value[o] - lab;
			}
		}
		free(fill);
	}
}

static void slot_gains_free(struct slot_gains *sg)
{
	free(sg->start);
	free(sg->learner);
	free(sg->gain);
}

/* The unseated learners who gain by a session of slot s over their lab
 * option, with that gain; returns how many. */
static int candidates(const struct slot_gains *sg, const struct draft *d, int s, int *cand,
		      double *cval)
{
	int nc = 0;
	for (int a = sg->start[s]; a < sg->start[s + 1]; a++) {
		if (d->learner_group[sg->learner[a]] >= 0)
			continue;
		cand[nc] = sg->learner[a];
		cval[nc++] = sg->gain[a];
	}
	return nc;
}

/*
 * The greedy incumbent: repeatedly open the workshop session worth most
 * (its best unseated candidates up to the room's effective capacity, plus
 * the guru value), as long as labs can still seat everyone left; then seat
 * the rest in labs, largest rooms first.  Returns 0, or -1 when even labs
 * cannot seat everyone.
 */
int period_greedy(const struct period_model *m, struct draft *d)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	int nl = in->n_learners;
	char *busy = xcalloc((size_t)p->n_facilitators + 1, 1);
	int *used = xcalloc((size_t)m->n_classes + 1, sizeof(int));
	long *after = xmalloc(sizeof(long) * (size_t)(m->n_classes + 1));
	int *breadth = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	int *cand = xmalloc(sizeof(int) * (size_t)(nl + 1));
	double *cval = xmalloc(sizeof(double) * (size_t)(nl + 1));
	int rc = 0;
	for (int k = 0; k < p->n_facilitators; k++)
		for (int s = 1; s < m->n_goals; s++)
			breadth[k] += m->goals[s].staff_owner == s && m->goals[s].col_f[k] != 0;
	long unseated = nl;
	struct slot_gains sg;
	slot_gains_build(m, &sg);

	for (;;) {
		lab_seats_after(m, busy, used, after);
		double best_val = 0;
		int best_s = -1, best_c = -1, best_k = -1;
		for (int s = 1; s < m->n_goals; s++) {
			const struct goal_info *gi = &m->goals[s];
			int k = pick_facilitator(m, s, busy, breadth);
			if (k < 0)
				continue;
			int nc = candidates(&sg, d, s, cand, cval);
			if (nc < gi->min)
				continue;
			int c_pick = pick_class(m, s, nc, unseated, after);
			if (c_pick < 0)
				continue;
			int take = eff_cap(m, gi, c_pick) < nc ? eff_cap(m, gi, c_pick) : nc;
			/* partial selection of the take best values */
			double val = 0;
			for (int a = 0; a < take; a++) {
				int bi = a;
				for (int b = a + 1; b < nc; b++)
					if (cval[b] > cval[bi])
						bi = b;
				double tv = cval[a];
				cval[a] = cval[bi];
				cval[bi] = tv;
				val += cval[a];
			}
			val += fac_guru(m, k, gi->goal) ? in->guru_value : 0;
			if (val > best_val) {
				best_val = val;
				best_s = s;
				best_c = c_pick;
				best_k = k;
			}
		}
		if (best_s < 0)
			break;
		const struct goal_info *gi = &m->goals[best_s];
		int nc = candidates(&sg, d, best_s, cand, cval);
		int take = eff_cap(m, gi, best_c) < nc ? eff_cap(m, gi, best_c) : nc;
		busy[best_k] = 1;
		used[best_c]++;
		int gidx = d->n_groups++;
		d->groups[gidx] = (struct period_mip_group){ gi->goal, best_k, best_c, 0 };
		for (int a = 0; a < take; a++) {
			int bi = a;
			for (int b = a + 1; b < nc; b++)
				if (cval[b] > cval[bi] || (cval[b] == cval[bi] && cand[b] < cand[bi]))
					bi = b;
			int ti = cand[a];
			double tv = cval[a];
			cand[a] = cand[bi];
			cval[a] = cval[bi];
			cand[bi] = ti;
			cval[bi] = tv;
			d->learner_group[cand[a]] = gidx;
			d->learner_option[cand[a]] = period_option_for(m, cand[a], best_s);
			d->groups[gidx].size++;
		}
		unseated -= take;
	}
	/* Labs for everyone left, largest rooms first. */
	int next = 0;
	while (unseated > 0) {
		int k = -1;
		for (int kk = 0; kk < p->n_facilitators; kk++)
			if (in->fac_allowed[kk] && !busy[kk] && (k < 0 || breadth[kk] < breadth[k]))
				k = kk;
		int c = -1;
		for (int cc = 0; cc < m->n_classes; cc++)
			if (m->goals[0].col_n[cc] && class_free(m, cc, used) > 0 &&
			    (c < 0 || m->classes[cc].cap > m->classes[c].cap))
				c = cc;
		if (k < 0 || c < 0) {
			rc = -1;
			break;
		}
		busy[k] = 1;
		used[c]++;
		int gidx = d->n_groups++;
		d->groups[gidx] = (struct period_mip_group){ PERIOD_MIP_LAB, k, c, 0 };
		int cap = eff_cap(m, &m->goals[0], c);
		for (; next < nl && d->groups[gidx].size < cap; next++) {
			if (d->learner_group[next] >= 0)
				continue;
			d->learner_group[next] = gidx;
			d->learner_option[next] = period_option_for(m, next, 0);
			d->groups[gidx].size++;
			unseated--;
		}
	}
	slot_gains_free(&sg);
	free(busy);
	free(used);
	free(after);
	free(breadth);
	free(cand);
	free(cval);
	return rc;
}

/* The MIP column vector of a draft, for glp_ios_heur_sol. */
double *period_draft_columns(const struct period_model *m, const struct draft *d)
{
	double *x = xcalloc((size_t)m->n_cols + 1, sizeof(double));
	for (int gidx = 0; gidx < d->n_groups; gidx++) {
		const struct period_mip_group *gr = &d->groups[gidx];
		int s = gr->goal == PERIOD_MIP_LAB ? 0 : m->goal_slot[gr->goal];
		const struct goal_info *gi = &m->goals[s];
		x[gi->col_N] += 1;
		x[gi->col_n[gr->room_class]] += 1;
		x[gi->col_f[gr->facilitator]] = 1;
	}
	for (int i = 0; i < m->in->n_learners; i++)
		if (d->learner_option[i] >= 0)
			x[m->col_x[d->learner_option[i]]] = 1;
	return x;
}
