/*
 * period_mip.c - the period assignment MIP (see period_mip.h), its greedy incumbent and
 * the realisation of a solution as concrete groups.
 *
 * Formulation.  Sets: learners i with options o in O(i) (a goal g(o) or the
 * lab, value v(o)); goals G with a capable allowed facilitator and a usable
 * room class; room classes C (rooms with equal capacity, capped at the largest
 * useful group, and equal feature set), with count[c][b] rooms available in
 * block b of the period; allowed facilitators F; e(g,c) = min(cap_c, max_g),
 * e(lab,c) = min(cap_c, lab max_group).
 *
 *   x[i,o]  in [0,1]  learner i takes option o               (continuous)
 *   n[g,c]  in Z+     sessions of goal g in class c (g = lab too)
 *   N[g]    >= 0      sessions of goal g, N[g] = sum_c n[g,c]
 *   f[k,g]  in [0,1]  facilitator k leads a session of g      (continuous)
 *
 *   max  sum v(o) x[i,o] + guru_value * sum_{k guru for g} f[k,g]
 *   s.t. sum_o x[i,o] = 1                          every learner seated
 *        x[i,o] <= N[g(o)]                         strong linking, per learner
 *        sum_i x[i,o: g] <= sum_c e(g,c) n[g,c]     seats
 *        sum_i x[i,o: g] >= min_g N[g]             minimum group size
 *        sum_g n[g,c] <= count[c][b]   for every block b of the period
 *        sum_g f[k,g] <= 1                         one session per facilitator
 *        sum_k f[k,g] = N[g]                       every session staffed
 *
 * Integrality is needed only on n: once n is fixed, the learner system is
 * a bipartite b-matching and the facilitator system a transportation
 * problem, both totally unimodular, so an optimal basic solution is integral
 * in x and f.  The realisation step therefore fixes n and re-solves the LP.
 * The per-learner linking x <= N (rather than the aggregate sum x <= max*N)
 * is what makes the LP bound tight (the aggregate form's LP bound is far
 * weaker).
 *
 * The parts: this file builds the model (room classes: rooms of equal
 * capacity and features; staffing classes: goals led by the same
 * facilitators at the same levels share one staffing row) and solves its
 * LP with the linking rows added as they bind; period_mip_greedy.c builds
 * the greedy incumbent, period_mip_realise.c makes session counts whole
 * and reads groups off (period_mip_model.h).
 */
#include "models/period_mip_model.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/child.h"
#include "models/lp_build.h"
#include "models/lp_dual.h"

static void build_classes(struct period_model *m)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	int cap_max = problem_useful_capacity(p);
	m->classes = xcalloc((size_t)p->n_rooms + 1, sizeof(*m->classes));
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *room = &p->rooms[r];
		int avail = 0;
		for (int j = 0; j < in->n_blocks; j++)
			avail += !room->unavailable[in->blocks[j]];
		if (!avail)
			continue;
		int cap = room->capacity < cap_max ? room->capacity : cap_max;
		int c;
		for (c = 0; c < m->n_classes; c++)
			if (m->classes[c].cap == cap && problem_rooms_same_features(m->classes[c].proto, room))
				break;
		if (c == m->n_classes) {
			m->classes[c].cap = cap;
			m->classes[c].proto = room;
			m->classes[c].count = xcalloc((size_t)in->n_blocks, sizeof(int));
			m->classes[c].rooms = xmalloc(sizeof(int) * (size_t)p->n_rooms);
			m->n_classes++;
		}
		struct room_class *rc = &m->classes[c];
		rc->rooms[rc->n_rooms++] = r;
		for (int j = 0; j < in->n_blocks; j++)
			rc->count[j] += !room->unavailable[in->blocks[j]];
	}
}


/* Collects the goals that can run: a capable facilitator and a room class. */
static void build_goals(struct period_model *m)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	m->goal_slot = xmalloc(sizeof(int) * (size_t)(p->n_goals + 1));
	for (int g = 0; g < p->n_goals; g++)
		m->goal_slot[g] = -1;
	m->goals = xcalloc((size_t)p->n_goals + 1, sizeof(*m->goals));
	m->goals[0].goal = PERIOD_MIP_LAB;
	m->goals[0].min = 1;
	m->goals[0].max = p->config.lab_max_group;
	m->n_goals = 1;
	int nopt = in->opt_start[in->n_learners];
	for (int o = 0; o < nopt; o++) {
		int g = in->opt_goal[o];
		if (g == PERIOD_MIP_LAB || m->goal_slot[g] >= 0)
			continue;
		struct goal_info gi = { .goal = g, .min = p->goals[g].min_group,
					.max = p->goals[g].max_group };
		int any_class = 0, any_fac = 0;
		for (int c = 0; c < m->n_classes; c++)
			any_class |= class_eligible(m, &gi, c);
		for (int k = 0; k < p->n_facilitators; k++)
			any_fac |= fac_capable(m, k, g);
		if (!any_class || !any_fac) {
			m->goal_slot[g] = -2;     /* cannot run here */
			continue;
		}
		m->goal_slot[g] = m->n_goals;
		m->goals[m->n_goals++] = gi;
	}
}


/* ---- the model ------------------------------------------------------- */

static int add_col(struct period_model *m, int kind, double lb, double ub, double obj)
{
	return m->n_cols = lp_add_col(m->P, kind, lb, ub, obj);
}

static void build_model(struct period_model *m)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	struct triplets t = { 0 };
	m->P = glp_create_prob();
	glp_set_obj_dir(m->P, GLP_MAX);

	int *zero = xcalloc((size_t)m->n_classes + 1, sizeof(int));
	for (int s = 0; s < m->n_goals; s++) {
		struct goal_info *gi = &m->goals[s];
		gi->col_N = add_col(m, GLP_CV, 0, DBL_MAX, 0);
		gi->col_n = xcalloc((size_t)m->n_classes + 1, sizeof(int));
		gi->row_seats = lp_add_row(m->P, GLP_UP, 0, 0);
		gi->row_min = lp_add_row(m->P, GLP_LO, 0, 0);
		triplets_add(&t, gi->row_min, gi->col_N, -gi->min);
		int def = lp_add_row(m->P, GLP_FX, 0, 0); /* N - sum n = 0 */
		triplets_add(&t, def, gi->col_N, 1);
		for (int c = 0; c < m->n_classes; c++) {
			if (!class_eligible(m, gi, c))
				continue;
			int ub = class_free(m, c, zero);
			gi->col_n[c] = add_col(m, GLP_IV, 0, ub, 0);
			triplets_add(&t, def, gi->col_n[c], -1);
			triplets_add(&t, gi->row_seats, gi->col_n[c], -eff_cap(m, gi, c));
		}
		/* Staffing: goals led by the same facilitators at the same
		 * levels share one row and one column per facilitator
		 * (sum_k f[k,class] = sum_{g in class} N[g]), which keeps the LP
		 * small when expertise is given by area. */
		gi->staff_owner = s;
		for (int s2 = 1; s2 < s && s > 0; s2++) {
			int same = m->goals[s2].staff_owner == s2;
			for (int k = 0; k < p->n_facilitators && same; k++)
				same = !in->fac_allowed[k] ||
				       problem_goal_level(p, k, gi->goal) ==
					       problem_goal_level(p, k, m->goals[s2].goal);
			if (same) {
				gi->staff_owner = s2;
				break;
			}
		}
		if (gi->staff_owner != s) {
			const struct goal_info *owner = &m->goals[gi->staff_owner];
			gi->col_f = owner->col_f;
			gi->row_staff = owner->row_staff;
			triplets_add(&t, gi->row_staff, gi->col_N, -1);
			continue;
		}
		gi->col_f = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
		gi->row_staff = lp_add_row(m->P, GLP_FX, 0, 0);   /* sum f - N = 0 */
		triplets_add(&t, gi->row_staff, gi->col_N, -1);
		for (int k = 0; k < p->n_facilitators; k++) {
			if (!fac_capable(m, k, gi->goal))
				continue;
			double bonus = fac_guru(m, k, gi->goal) ? in->guru_value : 0;
			gi->col_f[k] = add_col(m, GLP_CV, 0, 1, bonus);
			triplets_add(&t, gi->row_staff, gi->col_f[k], 1);
		}
	}
	/* Rooms: per class and block. */
	for (int c = 0; c < m->n_classes; c++)
		for (int j = 0; j < in->n_blocks; j++) {
			int r = lp_add_row(m->P, GLP_UP, 0, m->classes[c].count[j]);
			for (int s = 0; s < m->n_goals; s++) {
				const struct goal_info *gi = &m->goals[s];
				int col = gi->col_n[c];
				if (col)
					triplets_add(&t, r, col, 1);
			}
		}
	/* Facilitators: one session each. */
	for (int k = 0; k < p->n_facilitators; k++) {
		if (!in->fac_allowed[k])
			continue;
		int r = lp_add_row(m->P, GLP_UP, 0, 1);
		for (int s = 0; s < m->n_goals; s++)
			if (m->goals[s].staff_owner == s && m->goals[s].col_f[k])
				triplets_add(&t, r, m->goals[s].col_f[k], 1);
	}
	/* Learners. */
	int nopt = in->opt_start[in->n_learners];
	m->col_x = xcalloc((size_t)nopt + 1, sizeof(int));
	m->linked = xcalloc((size_t)nopt + 1, 1);
	for (int i = 0; i < in->n_learners; i++) {
		int ra = lp_add_row(m->P, GLP_FX, 1, 1);
		for (int o = in->opt_start[i]; o < in->opt_start[i + 1]; o++) {
			int s = option_slot(m, o);
			if (s < 0)
				continue;
			struct goal_info *gi = &m->goals[s];
			int x = m->col_x[o] = add_col(m, GLP_CV, 0, 1, in->opt_value[o]);
			triplets_add(&t, ra, x, 1);
			triplets_add(&t, gi->row_seats, x, 1);
			triplets_add(&t, gi->row_min, x, 1);
		}
	}
	/* Lab reserves: at most cap of a row's learners away from the lab. */
	for (int r = 0; r < in->n_reserve; r++) {
		int row = lp_add_row(m->P, GLP_UP, 0, in->reserve_cap[r]);
		for (int k = in->reserve_start[r]; k < in->reserve_start[r + 1]; k++)
			if (m->col_x[in->reserve_option[k]])
				triplets_add(&t, row, m->col_x[in->reserve_option[k]], 1);
	}
	triplets_load(&t, m->P);
	free(zero);
}

/* Whether draft d keeps the input's lab reserves (the greedy ignores them). */
static bool keeps_reserves(const struct period_model *m, const struct draft *d)
{
	const struct period_mip_input *in = m->in;
	char *taken = xcalloc((size_t)in->opt_start[in->n_learners] + 1, 1);
	for (int i = 0; i < in->n_learners; i++)
		if (d->learner_option[i] >= 0)
			taken[d->learner_option[i]] = 1;
	bool keeps = true;
	for (int r = 0; r < in->n_reserve && keeps; r++) {
		int away = 0;
		for (int k = in->reserve_start[r]; k < in->reserve_start[r + 1]; k++)
			away += taken[in->reserve_option[k]];
		keeps = away <= in->reserve_cap[r];
	}
	free(taken);
	return keeps;
}

/*
 * The linking rows x[i,o] <= N[g] are many (one per option) but few bind:
 * only where the LP opens a fraction of a session.  Adding just the violated
 * ones and re-solving (dual simplex, warm) reaches the same LP bound as the
 * full model several times faster in GLPK.
 */
static void add_link(struct period_model *m, int o)
{
	int ind[3] = { 0, m->col_x[o], m->goals[option_slot(m, o)].col_N };
	double val[3] = { 0, 1, -1 };
	glp_set_mat_row(m->P, lp_add_row(m->P, GLP_UP, 0, 0), 2, ind, val);
	m->linked[o] = 1;
}

static int add_violated_links(struct period_model *m)
{
	const struct period_mip_input *in = m->in;
	int added = 0;
	int nopt = in->opt_start[in->n_learners];
	for (int o = 0; o < nopt; o++) {
		if (!m->col_x[o] || m->linked[o])
			continue;
		const struct goal_info *gi = &m->goals[option_slot(m, o)];
		if (glp_get_col_prim(m->P, m->col_x[o]) <= glp_get_col_prim(m->P, gi->col_N) + 1e-6)
			continue;
		add_link(m, o);
		added++;
	}
	return added;
}

/* The link_hint entry of option o of learner i, or NULL (the lab has no
 * linking row). */
static char *hint_of(const struct period_model *m, int i, int o)
{
	const struct period_mip_input *in = m->in;
	int g = in->opt_goal[o];
	if (!in->link_hint || g == PERIOD_MIP_LAB)
		return NULL;
	return &in->link_hint[(long)in->learners[i] * m->p->n_goals + g];
}

/*
 * Starts the LP with the linking rows of the hinted pairs.  The rows a
 * period's LP needs are much the same from one block to the next (the same
 * learners short of sessions of the same goals), and finding them round by
 * round is the LP's main cost: the first warm round after the cold solve
 * takes most of it.  The rows still violated are added as before, so the
 * LP's optimum is the same with or without hints; only the time differs.
 */
static int add_hinted_links(struct period_model *m)
{
	int added = 0;
	for (int i = 0; i < m->in->n_learners; i++)
		for (int o = m->in->opt_start[i]; o < m->in->opt_start[i + 1]; o++) {
			const char *h = hint_of(m, i, o);
			if (h && *h && m->col_x[o]) {
				add_link(m, o);
				added++;
			}
		}
	return added;
}

/* Records the pairs whose rows this LP has, for the next period. */
static void save_link_hints(const struct period_model *m)
{
	for (int i = 0; i < m->in->n_learners; i++)
		for (int o = m->in->opt_start[i]; o < m->in->opt_start[i + 1]; o++) {
			char *h = hint_of(m, i, o);
			if (h)
				*h = m->linked[o];
		}
}

/*
 * Solves the LP, adding the violated linking rows and re-solving (dual
 * simplex, warm) until none is.  cold: no basis yet, so the first solve is
 * a primal simplex with presolve.  Counts the rows and rounds added into
 * *rows and *rounds; returns whether the last solve ended optimal in time.
 */
bool period_solve_linked(struct period_model *m, double t_end, bool cold, int *rows, int *rounds)
{
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.meth = cold ? GLP_PRIMAL : GLP_DUALP;
	smcp.presolve = cold ? GLP_ON : GLP_OFF;
	for (;;) {
		double left = t_end - mcl_now();
		if (left < 0.05)
			return false;
		smcp.tm_lim = (int)(left * 1000);
		if (glp_simplex(m->P, &smcp) != 0 || glp_get_status(m->P) != GLP_OPT)
			return false;
		int added = add_violated_links(m);
		if (!added)
			return true;
		*rows += added;
		++*rounds;
		smcp.meth = GLP_DUALP;      /* warm from here: keep the basis */
		smcp.presolve = GLP_OFF;
	}
}

/* Solves the LP relaxation, from the hinted linking rows, adding violated
 * ones until none is. */
static void solve_linked_lp(struct period_model *m, double seconds)
{
	double t0 = mcl_now();
	int rounds = 0, rows = 0, hinted = add_hinted_links(m);
	if (period_solve_linked(m, t0 + seconds, true, &rows, &rounds))
		save_link_hints(m);
	mcl_log(LOG_VERBOSE, "period LP: %d hinted and %d violated linking rows in %d rounds, %.2f s",
		hinted, rows, rounds, mcl_now() - t0);
}

/*
 * lp_dual_bound of the LP as it stands.  N[g] has no upper bound in the
 * model, so a reduced cost a tolerance above zero would make the bound
 * infinite: it is bounded here by the sum of its n[g,c] columns' bounds,
 * which N = sum_c n[g,c] implies, for the computation only (a column's
 * bounds are not the basis: the solution and its factorisation stay).
 */
static double linked_lp_bound(struct period_model *m)
{
	for (int s = 0; s < m->n_goals; s++) {
		double ub = 0;
		for (int c = 0; c < m->n_classes; c++)
			if (m->goals[s].col_n[c])
				ub += glp_get_col_ub(m->P, m->goals[s].col_n[c]);
		glp_set_col_bnds(m->P, m->goals[s].col_N, ub > 0 ? GLP_DB : GLP_FX, 0, ub);
	}
	double bound = lp_dual_bound(m->P);
	for (int s = 0; s < m->n_goals; s++)
		glp_set_col_bnds(m->P, m->goals[s].col_N, GLP_LO, 0, 0);
	return bound;
}

static void release(struct period_model *m)
{
	for (int c = 0; c < m->n_classes; c++) {
		free(m->classes[c].count);
		free(m->classes[c].rooms);
	}
	free(m->classes);
	for (int s = 0; s < m->n_goals; s++) {
		free(m->goals[s].col_n);
		if (m->goals[s].staff_owner == s)
			free(m->goals[s].col_f);
	}
	free(m->goals);
	free(m->goal_slot);
	free(m->col_x);
	free(m->linked);
	if (m->P)
		glp_delete_prob(m->P);
}

/*
 * The best of the candidates besides the greedy (its plan in greedy_d when
 * have_greedy): the LP dive, the LP's session counts rounded to the nearest
 * whole session, and the greedy's sessions with the learners re-seated
 * optimally (n fixed, the LP is integral).  The candidates found go into
 * cand[0 .. *n_cand - 1] (the caller releases them); *start becomes the
 * best's column vector.  Returns the best draft, or NULL.
 */
static struct draft *best_candidate(struct period_model *m, const struct mip_params *params,
				    struct draft *greedy_d, bool have_greedy, bool greedy_only,
				    double t0, struct draft *cand, int *n_cand, double **start)
{
	const struct period_mip_input *in = m->in;
	int max_groups = in->p->n_facilitators;
	int n_cols = glp_get_num_cols(m->P);
	double *nval = xcalloc((size_t)n_cols + 1, sizeof(double));
	for (int j = 1; j <= n_cols; j++)
		nval[j] = glp_get_col_prim(m->P, j);
	if (glp_get_status(m->P) == GLP_OPT) {
		/* the dive first: it starts from the LP optimum */
		period_draft_init(&cand[*n_cand], in->n_learners, max_groups);
		double left = params->seconds - (mcl_now() - t0);
		if (left > 0.05 && period_dive(m, &cand[*n_cand], left) == 0)
			++*n_cand;
		else
			period_draft_release(&cand[*n_cand]);
		period_draft_init(&cand[*n_cand], in->n_learners, max_groups);
		if (period_realise_fixed(m, nval, &cand[*n_cand]) == 0)
			++*n_cand;
		else
			period_draft_release(&cand[*n_cand]);
	}
	/* the greedy is a plan already: past the time limit its re-seating (an
	 * LP with only a cap of its own, REALISE_MS) is skipped */
	if (have_greedy && !greedy_only && mcl_now() - t0 < params->seconds) {
		period_draft_init(&cand[*n_cand], in->n_learners, max_groups);
		if (period_realise_fixed(m, *start, &cand[*n_cand]) == 0)
			++*n_cand;
		else
			period_draft_release(&cand[*n_cand]);
	}
	free(nval);
	struct draft *best = have_greedy ? greedy_d : NULL;
	for (int i = 0; i < *n_cand; i++)
		if (!best || period_draft_value(m, &cand[i]) > period_draft_value(m, best) + 1e-6)
			best = &cand[i];
	if (best && best != greedy_d) {
		free(*start);
		*start = period_draft_columns(m, best);
	}
	return best;
}

/* res from the best draft (or the LP's value when params->lp_only), with
 * the MIP's outcome mr; mp: the parameters branch-and-bound ran with. */
static void fill_result(struct period_model *m, const struct mip_params *params,
			const struct mip_params *mp, const struct mip_result *mr,
			const struct draft *best, struct period_mip_result *res)
{
	const struct period_mip_input *in = m->in;
	if (params->lp_only) {
		res->objective = mr->objective;
	} else if (best) {
		res->objective = period_draft_value(m, best);
		if (res->outcome == MIP_NO_SOLUTION || res->outcome == MIP_ERROR)
			res->outcome = MIP_FEASIBLE;
		if (res->bound < res->objective)
			res->bound = res->objective;
		res->n_groups = best->n_groups;
		res->groups = xmalloc(sizeof(*res->groups) * (size_t)(best->n_groups + 1));
		memcpy(res->groups, best->groups, sizeof(*res->groups) * (size_t)best->n_groups);
		res->learner_group = xmalloc(sizeof(int) * (size_t)(in->n_learners + 1));
		res->learner_option = xmalloc(sizeof(int) * (size_t)(in->n_learners + 1));
		memcpy(res->learner_group, best->learner_group, sizeof(int) * (size_t)in->n_learners);
		memcpy(res->learner_option, best->learner_option, sizeof(int) * (size_t)in->n_learners);
		res->group_room = xmalloc(sizeof(int) * (size_t)(best->n_groups * in->n_blocks + 1));
		period_assign_rooms(m, best, res->group_room);
	} else if (mr->outcome == MIP_OPTIMAL || mr->outcome == MIP_FEASIBLE) {
		/* without branching the LP's optimum may be fractional and every
		 * rounding fail: no plan, not a failure; an integer optimum that
		 * cannot be realised is one */
		res->outcome = mp->lp_only ? MIP_NO_SOLUTION : MIP_ERROR;
	}
}

/* The verbose line of one period solve. */
static void log_period(const struct period_model *m, const struct mip_params *mp,
		       const struct mip_result *mr, double lp, double greedy_value,
		       double start_value, bool greedy_only, double t0)
{
	/* LP and bound are unknown (DBL_MAX) when the LP did not end in time */
	char lp_s[32] = "none", bound_s[32] = "none";
	if (lp < DBL_MAX)
		snprintf(lp_s, sizeof(lp_s), "%.1f", lp);
	if (mr->bound < DBL_MAX)
		snprintf(bound_s, sizeof(bound_s), "%.1f", mr->bound);
	mcl_log(LOG_VERBOSE, "period MIP: %d rows, %d columns; greedy %.1f, start %.1f, LP %s, "
		"MIP %.1f, bound %s (%s, %d nodes) in %.2f s", glp_get_num_rows(m->P),
		glp_get_num_cols(m->P), greedy_value, start_value, lp_s, mr->objective, bound_s,
		greedy_only		      ? "not solved"
		: mp->lp_only		      ? "LP only, no branching"
		: mr->outcome == MIP_OPTIMAL ? "optimal"
					      : "limit",
		mr->nodes, mcl_now() - t0);
}

void period_mip_solve(const struct period_mip_input *in, const struct mip_params *params,
		const char *write_lp, struct period_mip_result *res)
{
	struct period_model m = { .in = in, .p = in->p };
	memset(res, 0, sizeof(*res));
	res->outcome = MIP_ERROR;
	res->lp_dual = HUGE_VAL;
	build_classes(&m);
	build_goals(&m);
	build_model(&m);
	if (write_lp && glp_write_lp(m.P, NULL, write_lp) != 0) {
		/* asked for and not written: an error, not a model to solve */
		mcl_log(LOG_QUIET, "cannot write the LP file '%s'", write_lp);
		release(&m);
		return;
	}

	int max_groups = in->p->n_facilitators;
	struct draft greedy_d, mip_d;
	period_draft_init(&greedy_d, in->n_learners, max_groups);
	period_draft_init(&mip_d, in->n_learners, max_groups);
	double *start = NULL;
	int have_greedy = period_greedy(&m, &greedy_d) == 0 && keeps_reserves(&m, &greedy_d);
	if (have_greedy)
		start = period_draft_columns(&m, &greedy_d);

	double t0 = mcl_now();
	/* after Ctrl-C, or past the time limit, the greedy alone finishes fast */
	bool greedy_only = have_greedy && (mip_interrupted || in->greedy_only);
	if (!greedy_only)
		solve_linked_lp(&m, params->seconds);
	double lp = glp_get_status(m.P) == GLP_OPT ? glp_get_obj_val(m.P) : DBL_MAX;
	/* before the candidates' dive moves the columns' bounds */
	double lp_dual = in->want_lp_dual && lp < DBL_MAX ? linked_lp_bound(&m) : HUGE_VAL;

	struct draft cand[4];
	struct draft *best = NULL;
	int n_cand = 0;
	if (!params->lp_only)
		best = best_candidate(&m, params, &greedy_d, have_greedy, greedy_only, t0, cand,
				      &n_cand, &start);

	struct mip_params mp = *params;
	mp.seconds -= mcl_now() - t0;
	mp.start = start;
	mp.lp_only |= in->no_branching;
	struct mip_result mr;
	if (greedy_only) {
		memset(&mr, 0, sizeof(mr));
		mr.outcome = MIP_NO_SOLUTION;
		mr.bound = mr.lp_bound = DBL_MAX;
	} else if (mp.lp_only && lp < DBL_MAX) {
		/* The linked LP above is this LP's optimum already: solving it
		 * again from the dive's basis would only cost time. */
		memset(&mr, 0, sizeof(mr));
		mr.outcome = MIP_OPTIMAL;
		mr.objective = mr.bound = mr.lp_bound = lp;
	} else {
		mip_solve(m.P, &mp, &mr);
	}
	log_period(&m, &mp, &mr, lp, have_greedy ? period_draft_value(&m, &greedy_d) : -1.0,
		   best ? period_draft_value(&m, best) : -1.0, greedy_only, t0);
	res->lp_bound = mr.lp_bound;
	res->bound = mr.bound;
	res->lp_dual = lp_dual;
	res->outcome = mr.outcome;

	if (!mp.lp_only &&
	    (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
	    mr.objective > (best ? period_draft_value(&m, best) : -DBL_MAX) + 1e-6 &&
	    period_realise_mip(&m, &mip_d) == 0 &&
	    (!best || period_draft_value(&m, &mip_d) > period_draft_value(&m, best) + 1e-6))
		best = &mip_d;
	fill_result(&m, params, &mp, &mr, best, res);
	free(start);
	period_draft_release(&greedy_d);
	period_draft_release(&mip_d);
	for (int i = 0; i < n_cand; i++)
		period_draft_release(&cand[i]);
	release(&m);
}

void period_mip_result_free(struct period_mip_result *res)
{
	free(res->groups);
	free(res->learner_group);
	free(res->learner_option);
	free(res->group_room);
	memset(res, 0, sizeof(*res));
}

void period_options_init(struct period_options *o, int n_learners)
{
	memset(o, 0, sizeof(*o));
	o->learners = xmalloc(sizeof(int) * ((size_t)n_learners + 1));
	o->start = xmalloc(sizeof(int) * ((size_t)n_learners + 2));
}

void period_options_learner(struct period_options *o, int l)
{
	o->start[o->n_learners] = (int)o->n;
	o->learners[o->n_learners++] = l;
}

void period_options_push(struct period_options *o, int goal, double value)
{
	if (o->n + 1 >= o->alloc) {
		size_t a = o->alloc;
		xgrow((void **)&o->goal, &a, o->n + 2, sizeof(int));
		xgrow((void **)&o->value, &o->alloc, o->n + 2, sizeof(double));
	}
	o->goal[o->n] = goal;
	o->value[o->n++] = value;
}

void period_options_end(struct period_options *o)
{
	o->start[o->n_learners] = (int)o->n;
}

void period_options_free(struct period_options *o)
{
	free(o->learners);
	free(o->start);
	free(o->goal);
	free(o->value);
}

void period_mip_result_encode(struct wire *w, const struct period_mip_result *res, int n_learners,
			int n_blocks)
{
	wire_put_int(w, (int)res->outcome);
	wire_put_double(w, res->objective);
	wire_put_double(w, res->bound);
	wire_put_double(w, res->lp_bound);
	wire_put_double(w, res->lp_dual);
	wire_put_int(w, res->n_groups);
	for (int gi = 0; gi < res->n_groups; gi++) {
		const struct period_mip_group *g = &res->groups[gi];
		wire_put_int(w, g->goal);
		wire_put_int(w, g->facilitator);
		wire_put_int(w, g->room_class);
		wire_put_int(w, g->size);
	}
	wire_put_ints(w, res->group_room, (size_t)res->n_groups * (size_t)n_blocks);
	wire_put_ints(w, res->learner_group, (size_t)n_learners);
	wire_put_ints(w, res->learner_option, (size_t)n_learners);
}

int period_mip_result_decode(struct wire *w, struct period_mip_result *res, int n_learners, int n_blocks)
{
	memset(res, 0, sizeof(*res));
	res->outcome = (enum mip_outcome)wire_get_int(w);
	res->objective = wire_get_double(w);
	res->bound = wire_get_double(w);
	res->lp_bound = wire_get_double(w);
	res->lp_dual = wire_get_double(w);
	int ng = wire_get_int(w);
	/* a count larger than what is left of the message is malformed */
	if (w->bad || ng < 0 || (size_t)ng > (w->len - w->pos) / (4 * sizeof(int))) {
		memset(res, 0, sizeof(*res));
		return -1;
	}
	res->n_groups = ng;
	size_t nl = (size_t)n_learners, nr = (size_t)ng * (size_t)n_blocks;
	res->groups = xmalloc(sizeof(*res->groups) * ((size_t)ng + 1));
	for (int gi = 0; gi < ng; gi++) {
		struct period_mip_group *g = &res->groups[gi];
		g->goal = wire_get_int(w);
		g->facilitator = wire_get_int(w);
		g->room_class = wire_get_int(w);
		g->size = wire_get_int(w);
	}
	res->group_room = xmalloc(sizeof(int) * (nr + 1));
	res->learner_group = xmalloc(sizeof(int) * (nl + 1));
	res->learner_option = xmalloc(sizeof(int) * (nl + 1));
	if (wire_get_ints(w, res->group_room, nr) != 0 ||
	    wire_get_ints(w, res->learner_group, nl) != 0 ||
	    wire_get_ints(w, res->learner_option, nl) != 0) {
		period_mip_result_free(res);
		return -1;
	}
	return 0;
}
