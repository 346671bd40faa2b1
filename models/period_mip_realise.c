/*
 * period_mip_realise.c - a solution of the period MIP made into groups
 * (period_mip_model.h).
 *
 * Integrality is needed only on the session counts n[g,c]: once n is fixed,
 * the learner system (every learner seated, seats per goal, minimum group
 * sizes) is a bipartite b-matching and the facilitator system (one session
 * per facilitator, every session staffed) a transportation problem, both
 * totally unimodular, so an optimal basic solution of the LP is integral in
 * x and f.  So realising any n is: fix it, re-solve the LP, read the groups
 * off (period_realise_fixed).  The n come from the MIP's incumbent, the
 * greedy, the LP rounded, or the LP dive below, which makes the LP's n
 * whole a few at a time.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "engine/util.h"
#include "models/period_mip_model.h"

static int near_int(double v)
{
	return (int)floor(v + 0.5);
}

/*
 * Turns the MIP's session counts into groups: fix n, re-solve the LP (its
 * basic solution is integral in x and f, see the top of the file), give each
 * goal's sessions their facilitators and spread the goal's learners over its
 * sessions, everyone's minimum first, then round-robin up to capacity.
 */
static int read_groups(struct period_model *m, struct draft *d);

/* The most milliseconds the LP with n fixed may take: it takes a few
 * milliseconds, but on a c1500 replan's kept run GLPK's primal simplex ran
 * on for minutes (tests/cli/replan_hang.sh). */
#define REALISE_MS 1000

int period_realise_fixed(struct period_model *m, const double *nval, struct draft *d)
{
	/* fix every n column at nval (restored below), solve the LP */
	int n_cols = glp_get_num_cols(m->P);
	double *ub = xmalloc(sizeof(double) * (size_t)(n_cols + 1));
	for (int s = 0; s < m->n_goals; s++)
		for (int c = 0; c < m->n_classes; c++) {
			int j = m->goals[s].col_n[c];
			if (!j)
				continue;
			ub[j] = glp_get_col_ub(m->P, j);
			double v = near_int(nval[j]);
			glp_set_col_bnds(m->P, j, GLP_FX, v, v);
		}
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.tm_lim = REALISE_MS;   /* no candidate rather than no end */
	int ok = glp_simplex(m->P, &smcp) == 0 && glp_get_status(m->P) == GLP_OPT;
	int rc = ok ? read_groups(m, d) : -1;
	for (int s = 0; s < m->n_goals; s++)
		for (int c = 0; c < m->n_classes; c++) {
			int j = m->goals[s].col_n[c];
			if (j)
				glp_set_col_bnds(m->P, j, ub[j] > 0 ? GLP_DB : GLP_FX, 0, ub[j]);
		}
	free(ub);
	return rc;
}

/* The groups of the current LP solution, whose n columns are integral. */
static int read_groups(struct period_model *m, struct draft *d)
{
	const struct period_mip_input *in = m->in;
	int *first_of = xmalloc(sizeof(int) * (size_t)(m->n_goals + 1));
	for (int s = 0; s < m->n_goals; s++) {
		const struct goal_info *gi = &m->goals[s];
		first_of[s] = d->n_groups;
		for (int c = 0; c < m->n_classes; c++) {
			if (!gi->col_n[c])
				continue;
			int cnt = near_int(glp_get_col_prim(m->P, gi->col_n[c]));
			for (int a = 0; a < cnt; a++)
				d->groups[d->n_groups++] = (struct period_mip_group){ gi->goal, -1, c, 0 };
		}
	}
	first_of[m->n_goals] = d->n_groups;
	/* facilitators of each staffing class to its goals' sessions, in order */
	for (int s = 0; s < m->n_goals; s++) {
		const struct goal_info *owner = &m->goals[s];
		if (owner->staff_owner != s)
			continue;
		int s2 = s, gidx = first_of[s];
		for (int k = 0; k < m->p->n_facilitators; k++) {
			if (!owner->col_f[k])
				continue;
			double v = glp_get_col_prim(m->P, owner->col_f[k]);
			if (fabs(v - near_int(v)) > 1e-6)
				goto out_fail;
			if (near_int(v) != 1)
				continue;
			/* next session of a goal of this class without a facilitator */
			while (s2 < m->n_goals && (m->goals[s2].staff_owner != s || gidx >= first_of[s2 + 1])) {
				s2++;
				if (s2 < m->n_goals)
					gidx = first_of[s2];
			}
			if (s2 >= m->n_goals)
				goto out_fail;
			d->groups[gidx++].facilitator = k;
		}
	}
	for (int gidx = 0; gidx < d->n_groups; gidx++)
		if (d->groups[gidx].facilitator < 0)
			goto out_fail;
	for (int s = 0; s < m->n_goals; s++) {
		const struct goal_info *gi = &m->goals[s];
		int first = first_of[s];
		int ng = first_of[s + 1] - first;
		if (ng == 0)
			continue;
		int rr = 0;
		for (int i = 0; i < in->n_learners; i++) {
			int o = period_option_for(m, i, s);
			if (o < 0)
				continue;
			double v = glp_get_col_prim(m->P, m->col_x[o]);
			if (fabs(v - near_int(v)) > 1e-6)
				goto out_fail;
			if (near_int(v) != 1)
				continue;
			/* the first session below its minimum, else round-robin */
			int target = -1;
			for (int a = 0; a < ng && target < 0; a++)
				if (d->groups[first + a].size < gi->min)
					target = first + a;
			for (int a = 0; a < ng && target < 0; a++) {
				int g2 = first + (rr + a) % ng;
				if (d->groups[g2].size < eff_cap(m, gi, d->groups[g2].room_class)) {
					target = g2;
					rr = (rr + a + 1) % ng;
				}
			}
			if (target < 0)
				goto out_fail;
			d->groups[target].size++;
			d->learner_group[i] = target;
			d->learner_option[i] = o;
		}
	}
	for (int i = 0; i < in->n_learners; i++)
		if (d->learner_group[i] < 0)
			goto out_fail;
	free(first_of);
	return 0;
out_fail:
	free(first_of);
	return -1;
}

/* Sets column j's bounds to [lb, ub] (a fixed column when equal). */
static void set_bounds(glp_prob *P, int j, double lb, double ub)
{
	glp_set_col_bnds(P, j, lb == ub ? GLP_FX : GLP_DB, lb, ub);
}

/* Session counts a dive step rounds at once: fewer LP re-solves than one
 * at a time for plans worth the same, while larger batches fail more
 * often and are retried one at a time. */
#define DIVE_BATCH 4

/* The k fractional session counts closest to whole, closest first, into
 * pick[] with their values; returns how many there are (k at most). */
static int closest_fractional(const struct period_model *m, const int *cols, int nc, int k, int *pick,
			      double *val)
{
	int n = 0;
	double dist[DIVE_BATCH];
	for (int i = 0; i < nc; i++) {
		double v = glp_get_col_prim(m->P, cols[i]);
		double d = fabs(v - near_int(v));
		if (d <= 1e-6 || (n == k && d >= dist[n - 1]))
			continue;
		int a = n < k ? n++ : n - 1;
		for (; a > 0 && dist[a - 1] > d; a--) {
			dist[a] = dist[a - 1];
			pick[a] = pick[a - 1];
			val[a] = val[a - 1];
		}
		dist[a] = d;
		pick[a] = cols[i];
		val[a] = v;
	}
	return n;
}

/* Moves a bound of each of the k columns j[] (LP values v[]) to the
 * nearest whole number, or to the other side when flip, and re-solves
 * warm with the linking rows that became violated.  On failure the bounds
 * are restored (the LP then needs solving again).  Returns whether the LP
 * followed. */
static bool round_cols(struct period_model *m, const int *j, const double *v, int k, bool flip,
		       double t_end)
{
	double l0[DIVE_BATCH], u0[DIVE_BATCH];
	for (int a = 0; a < k; a++) {
		l0[a] = glp_get_col_lb(m->P, j[a]);
		u0[a] = glp_get_col_ub(m->P, j[a]);
		if ((v[a] - floor(v[a]) >= 0.5) != flip)
			set_bounds(m->P, j[a], ceil(v[a]), u0[a]);
		else
			set_bounds(m->P, j[a], l0[a], floor(v[a]));
	}
	int rows = 0, rounds = 0;
	bool ok = period_solve_linked(m, t_end, false, &rows, &rounds);
	for (int a = 0; a < k && !ok; a++)
		set_bounds(m->P, j[a], l0[a], u0[a]);
	return ok;
}

/*
 * LP diving: the LP's session counts made whole a few at a time.  Each step
 * takes the DIVE_BATCH fractional n closest to a whole number and moves one
 * bound of each there (lb = ceil(n) when rounding up, ub = floor(n) when
 * down), re-solving warm with the linking rows that became violated.  When
 * the LP cannot follow a batch, the dive goes on one n at a time: a step the
 * LP cannot follow is tried the other way round, and the dive gives up when
 * neither holds.  Once every n is whole, x and f are integral too (top of
 * the file) and realise_fixed reads the groups off.  The other LP-based
 * candidate, the LP rounded to the nearest session counts in one go, is
 * often infeasible or far below the LP, which the dive follows closely.
 * The n bounds are restored before
 * returning.
 */
int period_dive(struct period_model *m, struct draft *d, double seconds)
{
	double t_end = mcl_now() + seconds;
	int n_cols = glp_get_num_cols(m->P);
	double *lb = xmalloc(sizeof(double) * (size_t)(n_cols + 1));
	double *ub = xmalloc(sizeof(double) * (size_t)(n_cols + 1));
	int *cols = xmalloc(sizeof(int) * ((size_t)m->n_goals * (size_t)m->n_classes + 1));
	int nc = 0;
	for (int s = 0; s < m->n_goals; s++)
		for (int c = 0; c < m->n_classes; c++) {
			int j = m->goals[s].col_n[c];
			if (!j)
				continue;
			cols[nc++] = j;
			lb[j] = glp_get_col_lb(m->P, j);
			ub[j] = glp_get_col_ub(m->P, j);
		}
	int rc = -1, steps = 0, batch = DIVE_BATCH, pick[DIVE_BATCH];
	double val[DIVE_BATCH];
	for (;; steps++) {
		int k = closest_fractional(m, cols, nc, batch, pick, val);
		if (k == 0) {
			rc = 0;
			break;
		}
		if (k > 1) {
			if (round_cols(m, pick, val, k, false, t_end))
				continue;
			batch = 1;
			int rows = 0, rounds = 0;
			if (!period_solve_linked(m, t_end, false, &rows, &rounds))
				break;
			continue;
		}
		if (!round_cols(m, pick, val, 1, false, t_end) &&
		    !round_cols(m, pick, val, 1, true, t_end))
			break;
	}
	double *nval = NULL;
	if (rc == 0) {
		nval = xcalloc((size_t)n_cols + 1, sizeof(double));
		for (int i = 0; i < nc; i++)
			nval[cols[i]] = glp_get_col_prim(m->P, cols[i]);
	}
	for (int i = 0; i < nc; i++)
		set_bounds(m->P, cols[i], lb[cols[i]], ub[cols[i]]);
	mcl_log(LOG_VERBOSE, "period LP dive: %s after %d steps", rc == 0 ? "whole" : "gave up",
		steps);
	if (rc == 0)
		rc = period_realise_fixed(m, nval, d);
	free(nval);
	free(lb);
	free(ub);
	free(cols);
	return rc;
}

/* The groups of the MIP incumbent: its n with x and f re-solved. */
int period_realise_mip(struct period_model *m, struct draft *d)
{
	int n_cols = glp_get_num_cols(m->P);
	double *nval = xcalloc((size_t)n_cols + 1, sizeof(double));
	for (int j = 1; j <= n_cols; j++)
		nval[j] = glp_mip_col_val(m->P, j);
	int rc = period_realise_fixed(m, nval, d);
	free(nval);
	return rc;
}

double period_draft_value(const struct period_model *m, const struct draft *d)
{
	double v = 0;
	for (int i = 0; i < m->in->n_learners; i++)
		v += m->in->opt_value[d->learner_option[i]];
	for (int gidx = 0; gidx < d->n_groups; gidx++)
		if (fac_guru(m, d->groups[gidx].facilitator, d->groups[gidx].goal))
			v += m->in->guru_value;
	return v;
}

/* Gives every group a concrete room in every block of the period. */
void period_assign_rooms(const struct period_model *m, const struct draft *d, int *group_room)
{
	const struct problem *p = m->p;
	int nb = m->in->n_blocks;
	for (int j = 0; j < nb; j++) {
		int b = m->in->blocks[j];
		for (int c = 0; c < m->n_classes; c++) {
			const struct room_class *rc = &m->classes[c];
			int next = 0;
			for (int gidx = 0; gidx < d->n_groups; gidx++) {
				if (d->groups[gidx].room_class != c)
					continue;
				while (next < rc->n_rooms && p->rooms[rc->rooms[next]].unavailable[b])
					next++;
				assert(next < rc->n_rooms);
				group_room[gidx * nb + j] = rc->rooms[next++];
			}
		}
	}
}
