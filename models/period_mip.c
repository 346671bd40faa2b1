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
 */
#include "models/period_mip.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/child.h"
#include "models/lp_build.h"

struct room_class {
	int cap;
	const struct room *proto;   /* a room of the class (for its features) */
	int *count;                 /* [n_blocks] rooms available per block */
	int *rooms;                 /* room indexes, in file order */
	int n_rooms;
};

struct goal_info {
	int goal;                   /* problem goal, or PERIOD_MIP_LAB */
	int min, max;
	int col_N;                  /* column of N[g] */
	int row_seats, row_min, row_staff;
	int *col_n;                 /* [n_classes], 0 when not eligible */
	int *col_f;                 /* [n_facilitators], 0 when not capable;
				     * shared by the goals of a staffing class */
	int staff_owner;            /* slot owning col_f and row_staff */
};

struct period_model {
	const struct period_mip_input *in;
	const struct problem *p;
	int n_classes;
	struct room_class *classes;
	int n_goals;                /* goal_info[0] is the lab */
	struct goal_info *goals;
	int *goal_slot;             /* [p->n_goals] -> index in goals, or -1 */
	int *col_x;                 /* [n options]: column, 0 when pruned */
	char *linked;               /* [n options]: linking row added */
	glp_prob *P;
	int n_cols;
};

static int useful_cap(const struct problem *p)
{
	int m = p->config.lab_max_group;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].max_group > m)
			m = p->goals[g].max_group;
	return m;
}

static void build_classes(struct period_model *m)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	int cap_max = useful_cap(p);
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

/* Rooms of class c free in every block of the period, after used of them. */
static int class_free(const struct period_model *m, int c, const int *used)
{
	int lo = INT_MAX;
	for (int j = 0; j < m->in->n_blocks; j++)
		if (m->classes[c].count[j] - used[c] < lo)
			lo = m->classes[c].count[j] - used[c];
	return lo;
}

static int eff_cap(const struct period_model *m, const struct goal_info *gi, int c)
{
	int cap = m->classes[c].cap;
	return cap < gi->max ? cap : gi->max;
}

/* The room feature sessions of goal (or the lab: lab.feature) need. */
static int goal_feature(const struct problem *p, int goal)
{
	return goal == PERIOD_MIP_LAB ? p->lab_feature : p->goals[goal].feature;
}

static int class_eligible(const struct period_model *m, const struct goal_info *gi, int c)
{
	const struct room_class *rc = &m->classes[c];
	int always = 1;
	for (int j = 0; j < m->in->n_blocks; j++)
		always &= rc->count[j] > 0;
	if (!always || eff_cap(m, gi, c) < gi->min)
		return 0;
	return problem_room_has(rc->proto, goal_feature(m->p, gi->goal));
}

static int fac_capable(const struct period_model *m, int k, int goal)
{
	if (!m->in->fac_allowed[k])
		return 0;
	return goal == PERIOD_MIP_LAB || problem_goal_level(m->p, k, goal) >= LEVEL_ABLE;
}

static int fac_guru(const struct period_model *m, int k, int goal)
{
	return goal != PERIOD_MIP_LAB && problem_goal_level(m->p, k, goal) == LEVEL_GURU;
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

static int option_slot(const struct period_model *m, int o)
{
	int g = m->in->opt_goal[o];
	return g == PERIOD_MIP_LAB ? 0 : m->goal_slot[g];
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
	triplets_load(&t, m->P);
	free(zero);
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
static bool solve_linked(struct period_model *m, double t_end, bool cold, int *rows, int *rounds)
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
	if (solve_linked(m, t0 + seconds, true, &rows, &rounds))
		save_link_hints(m);
	mcl_log(LOG_VERBOSE, "period LP: %d hinted and %d violated linking rows in %d rounds, %.2f s",
		hinted, rows, rounds, mcl_now() - t0);
}

/* ---- groups: the common currency of greedy, MIP and output ------------- */

struct draft {
	int n_groups;
	struct period_mip_group *groups;
	int *learner_group;         /* [n_learners], -1 unseated */
	int *learner_option;
};

static void draft_init(struct draft *d, int n_learners, int max_groups)
{
	d->n_groups = 0;
	d->groups = xcalloc((size_t)max_groups + 1, sizeof(*d->groups));
	d->learner_group = xmalloc(sizeof(int) * (size_t)(n_learners + 1));
	d->learner_option = xmalloc(sizeof(int) * (size_t)(n_learners + 1));
	for (int i = 0; i < n_learners; i++)
		d->learner_group[i] = d->learner_option[i] = -1;
}

static void draft_release(struct draft *d)
{
	free(d->groups);
	free(d->learner_group);
	free(d->learner_option);
}

/* The option of learner i for slot s, or -1. */
static int learner_option_for(const struct period_model *m, int i, int s)
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

/* Largest lab seating the remaining facilitators and rooms could offer. */
static long lab_seats_left(const struct period_model *m, const char *busy, const int *used)
{
	int free_fac = 0;
	for (int k = 0; k < m->p->n_facilitators; k++)
		free_fac += m->in->fac_allowed[k] && !busy[k];
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
			int ol = learner_option_for(m, i, 0);
			double lab = ol >= 0 ? in->opt_value[ol] : 0;
			for (int o = in->opt_start[i]; o < in->opt_start[i + 1]; o++) {
				int s = m->col_x[o] ? option_slot(m, o) : -1;
				if (s <= 0 || in->opt_value[o] - lab <= 0 ||
				    learner_option_for(m, i, s) != o)
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
static int greedy(const struct period_model *m, struct draft *d)
{
	const struct problem *p = m->p;
	const struct period_mip_input *in = m->in;
	int nl = in->n_learners;
	char *busy = xcalloc((size_t)p->n_facilitators + 1, 1);
	int *used = xcalloc((size_t)m->n_classes + 1, sizeof(int));
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
			int c_pick = -1;
			for (int c = 0; c < m->n_classes; c++) {
				if (!gi->col_n[c] || class_free(m, c, used) <= 0)
					continue;
				int e = eff_cap(m, gi, c), ep = c_pick < 0 ? 0 : eff_cap(m, gi, c_pick);
				/* smallest class seating all candidates, else the largest */
				if (c_pick < 0 || (ep < nc && e > ep) || (e >= nc && e < ep))
					c_pick = c;
			}
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
		/* Tentatively open; keep it only if labs can still seat the rest. */
		const struct goal_info *gi = &m->goals[best_s];
		int nc = candidates(&sg, d, best_s, cand, cval);
		int take = eff_cap(m, gi, best_c) < nc ? eff_cap(m, gi, best_c) : nc;
		busy[best_k] = 1;
		used[best_c]++;
		if (lab_seats_left(m, busy, used) < unseated - take) {
			/* Opening costs seats labs need: stop opening workshops. */
			busy[best_k] = 0;
			used[best_c]--;
			break;
		}
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
			d->learner_option[cand[a]] = learner_option_for(m, cand[a], best_s);
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
			d->learner_option[next] = learner_option_for(m, next, 0);
			d->groups[gidx].size++;
			unseated--;
		}
	}
	slot_gains_free(&sg);
	free(busy);
	free(used);
	free(breadth);
	free(cand);
	free(cval);
	return rc;
}

/* The MIP column vector of a draft, for glp_ios_heur_sol. */
static double *draft_to_columns(const struct period_model *m, const struct draft *d)
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

static int realise_fixed(struct period_model *m, const double *nval, struct draft *d)
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
			int o = learner_option_for(m, i, s);
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
	bool ok = solve_linked(m, t_end, false, &rows, &rounds);
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
static int dive(struct period_model *m, struct draft *d, double seconds)
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
			if (!solve_linked(m, t_end, false, &rows, &rounds))
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
		rc = realise_fixed(m, nval, d);
	free(nval);
	free(lb);
	free(ub);
	free(cols);
	return rc;
}

/* The groups of the MIP incumbent: its n with x and f re-solved. */
static int realise_mip(struct period_model *m, struct draft *d)
{
	int n_cols = glp_get_num_cols(m->P);
	double *nval = xcalloc((size_t)n_cols + 1, sizeof(double));
	for (int j = 1; j <= n_cols; j++)
		nval[j] = glp_mip_col_val(m->P, j);
	int rc = realise_fixed(m, nval, d);
	free(nval);
	return rc;
}

static double draft_value(const struct period_model *m, const struct draft *d)
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
static void assign_rooms(const struct period_model *m, const struct draft *d, int *group_room)
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

void period_mip_solve(const struct period_mip_input *in, const struct mip_params *params,
		const char *write_lp, struct period_mip_result *res)
{
	struct period_model m = { .in = in, .p = in->p };
	memset(res, 0, sizeof(*res));
	res->outcome = MIP_ERROR;
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
	draft_init(&greedy_d, in->n_learners, max_groups);
	draft_init(&mip_d, in->n_learners, max_groups);
	double *start = NULL;
	int have_greedy = greedy(&m, &greedy_d) == 0;
	if (have_greedy)
		start = draft_to_columns(&m, &greedy_d);

	double t0 = mcl_now();
	/* after Ctrl-C, or past the time limit, the greedy alone finishes fast */
	bool greedy_only = have_greedy && (mip_interrupted || in->greedy_only);
	if (!greedy_only)
		solve_linked_lp(&m, params->seconds);
	double lp = glp_get_status(m.P) == GLP_OPT ? glp_get_obj_val(m.P) : DBL_MAX;

	/* Candidates besides the greedy: the LP dive, the LP's session
	 * counts rounded to the nearest whole session, and the greedy's
	 * sessions with the learners re-seated optimally (n fixed, the LP is
	 * integral). */
	struct draft cand[4];
	struct draft *best = NULL;
	int n_cand = 0;
	if (!params->lp_only) {
		int n_cols = glp_get_num_cols(m.P);
		double *nval = xcalloc((size_t)n_cols + 1, sizeof(double));
		for (int j = 1; j <= n_cols; j++)
			nval[j] = glp_get_col_prim(m.P, j);
		if (glp_get_status(m.P) == GLP_OPT) {
			/* the dive first: it starts from the LP optimum */
			draft_init(&cand[n_cand], in->n_learners, max_groups);
			double left = params->seconds - (mcl_now() - t0);
			if (left > 0.05 && dive(&m, &cand[n_cand], left) == 0)
				n_cand++;
			else
				draft_release(&cand[n_cand]);
			draft_init(&cand[n_cand], in->n_learners, max_groups);
			if (realise_fixed(&m, nval, &cand[n_cand]) == 0)
				n_cand++;
			else
				draft_release(&cand[n_cand]);
		}
		/* the greedy is a plan already: past the time limit its
		 * re-seating (an LP with no time limit of its own) is
		 * skipped */
		if (have_greedy && !greedy_only && mcl_now() - t0 < params->seconds) {
			draft_init(&cand[n_cand], in->n_learners, max_groups);
			if (realise_fixed(&m, start, &cand[n_cand]) == 0)
				n_cand++;
			else
				draft_release(&cand[n_cand]);
		}
		free(nval);
		if (have_greedy)
			best = &greedy_d;
		for (int i = 0; i < n_cand; i++)
			if (!best || draft_value(&m, &cand[i]) > draft_value(&m, best) + 1e-6)
				best = &cand[i];
		if (best && best != &greedy_d) {
			free(start);
			start = draft_to_columns(&m, best);
		}
	}

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
	/* LP and bound are unknown (DBL_MAX) when the LP did not end in time */
	char lp_s[32] = "none", bound_s[32] = "none";
	if (lp < DBL_MAX)
		snprintf(lp_s, sizeof(lp_s), "%.1f", lp);
	if (mr.bound < DBL_MAX)
		snprintf(bound_s, sizeof(bound_s), "%.1f", mr.bound);
	mcl_log(LOG_VERBOSE, "period MIP: %d rows, %d columns; greedy %.1f, start %.1f, LP %s, "
		"MIP %.1f, bound %s (%s, %d nodes) in %.2f s", glp_get_num_rows(m.P), glp_get_num_cols(m.P),
		have_greedy ? draft_value(&m, &greedy_d) : -1.0, best ? draft_value(&m, best) : -1.0,
		lp_s, mr.objective, bound_s,
		greedy_only		     ? "not solved"
		: mp.lp_only		     ? "LP only, no branching"
		: mr.outcome == MIP_OPTIMAL ? "optimal"
					     : "limit",
		mr.nodes, mcl_now() - t0);
	res->lp_bound = mr.lp_bound;
	res->bound = mr.bound;
	res->outcome = mr.outcome;

	if (!mp.lp_only &&
	    (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
	    mr.objective > (best ? draft_value(&m, best) : -DBL_MAX) + 1e-6 &&
	    realise_mip(&m, &mip_d) == 0 &&
	    (!best || draft_value(&m, &mip_d) > draft_value(&m, best) + 1e-6))
		best = &mip_d;
	if (params->lp_only) {
		res->objective = mr.objective;
	} else if (best) {
		res->objective = draft_value(&m, best);
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
		assign_rooms(&m, best, res->group_room);
	} else if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) {
		/* without branching the LP's optimum may be fractional and every
		 * rounding fail: no plan, not a failure; an integer optimum that
		 * cannot be realised is one */
		res->outcome = mp.lp_only ? MIP_NO_SOLUTION : MIP_ERROR;
	}
	free(start);
	draft_release(&greedy_d);
	draft_release(&mip_d);
	for (int i = 0; i < n_cand; i++)
		draft_release(&cand[i]);
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

void period_mip_result_encode(struct wire *w, const struct period_mip_result *res, int n_learners,
			int n_blocks)
{
	wire_put_int(w, (int)res->outcome);
	wire_put_double(w, res->objective);
	wire_put_double(w, res->bound);
	wire_put_double(w, res->lp_bound);
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
