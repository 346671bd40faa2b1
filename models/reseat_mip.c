/*
 * reseat_mip.c - the whole-cycle re-seating MIP (see reseat_mip.h).
 *
 * The sessions of every block are fixed: in block b, goal g (or the lab)
 * has sessions with room-and-size capacities e_s = min(cap_room, max_g) and
 * minimum sizes min_g (1 for a lab).  Seats of a goal's sessions in one
 * block are interchangeable, so only their totals matter:
 * C[g,b] = sum_s e_s and M[g,b] = sum_s min_g (any total in [M, C] can be
 * split among the sessions, each within its own [min, e]).  Needs q = (l, g)
 * are the ready ones, s_q sessions, weight w_q.
 *
 *   x[l,g,b] in {0,1}   l attends a session of g in b (g open in b, q ready)
 *   z[l,b]   in {0,1}   l is in a lab in b (b has a lab session)
 *   c[q]     in [0,s_q] lab sessions credited to online need q
 *   pi[l]    in [0,1]   power-goal bonus
 *   delta[l,d] in [0,1] daily weight of day d (l can be placed)
 *
 *   max  sum w_q x[l,g,b] + sum w_q c[q] + w_pg sum pi[l] + w_daily sum delta[l,d]
 *   s.t. sum_g x[l,g,b] + z[l,b] = 1            every available (l, b)
 *        sum_b x[l,g,b] <= s_q                  every facilitated need
 *        M[g,b] <= sum_l x[l,g,b] <= C[g,b]     every open (g, b)
 *        M[lab,b] <= sum_l z[l,b] <= C[lab,b]
 *        sum_{q online of l} c[q] <= sum_b z[l,b]
 *        pi[l] <= sum_{b, q priority 1} x[l,g,b] + sum_{q online, priority 1} c[q]
 *        delta[l,d] <= sum_{b on day d, g} x[l,g,b]
 *
 * Only the blocks marked free are re-seated; a held block enters as
 * constants: its sessions of need q lower s_q, its labs are added to the
 * right-hand side of the lab-credit row, and a priority-1 session there
 * raises pi's row to 1, a workshop session there covers its day (no delta
 * column).  Blocks outside the cycle's workshop blocks (a combination's
 * seminar blocks) enter the same way through their tally: their labs in
 * the lab-credit row, their seminar meetings as covered days.  The guru bonus depends only on the fixed sessions
 * and is left out.  A caller may lower s_q to a limit of its own
 * (need_limit): workshop.c's reseat_twin does, so that two re-seatings run
 * at once cannot both give a learner the last session of a need.  The LP
 * credits lab time the way that scores most, which is what
 * problem_lab_credit's rule gives (docs/model.md, "Lab credit").  The current
 * seating is a feasible point and is handed to branch-and-bound as its
 * incumbent, so the result never scores lower.
 *
 * Re-goaling (reseat_mip_sessions).  The sessions of the free blocks keep
 * their facilitator, room and block but may change what they run: session
 * s (facilitator f, room r, block b) takes one kind k of K(s) = the lab and
 * every facilitated goal g that b allows, f can lead, r has the feature
 * for, that fits min_g <= e(s,g) = min(cap_r, max_g), and that at least
 * min_g learners available in b have a ready need for.
 *
 *   y[s,k]  in {0,1}    session s runs kind k;  sum_{k in K(s)} y[s,k] = 1
 *
 * The seats rows of (k, b) become  sum_{s in b} min_k y[s,k] <= sum_l
 * x[l,k,b] <= sum_{s in b} e(s,k) y[s,k]  (min_lab = 1), each seat is
 * linked to the sessions that could run its kind,  x[l,k,b] <= sum_{s in
 * b} y[s,k]  (the per-learner linking that keeps the LP tight), and the
 * guru bonus of the free blocks enters the objective as w_guru y[s,g] for
 * f guru for g.  Facilitators and rooms are untouched, so their rules
 * still hold.  Branch-and-bound on this MIP as a whole is hopeless for
 * GLPK (two blocks of the 300-learner benchmark: LP 200-400 above the
 * seating, nothing found in 10 s), so the kinds are rounded by an LP dive
 * (dive_kinds) and the seating MIP that is left is solved as above.
 */
#include "reseat_mip.h"

#include <assert.h>
#include <float.h>
#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/lp_build.h"
#include "models/glpk_run.h"

/* Branch-and-bound nodes per re-seating: the LP is nearly integral (the
 * benchmark schools' re-seatings close at the root), and a node budget
 * keeps runs repeatable. */
#define RESEAT_NODES 200

/* A re-seating's time, whatever the time limit leaves: a few seconds is
 * the most one needs (bench/TUNING.md, "Re-seating"); like a dive's warm
 * re-solve (DIVE_SECONDS), its simplex could stall, and past this cap the
 * search moves on, keeping the seating it had. */
#define RESEAT_SECONDS 30.0

/* Branch-and-bound's share of the time left when a re-seating starts (its
 * LP excepted): a re-seating whose LP is fractional rarely gains by
 * branching, and on muni-fi-spr16 one took RESEAT_SECONDS, half of a 60 s
 * run, for nothing; past this the best seating found is kept
 * (bench/TUNING.md, "Re-seating's branching capped"). */
#define RESEAT_BRANCH_SHARE 0.1

/* What a column is: x[l,g,b] or z[l,b] (a seat: learner l, block position
 * j, goal or PERIOD_MIP_LAB), c[q] (a lab credit of need q), pi[l], or
 * delta[l,d] (the daily weight of learner l's day q). */
enum seat_kind { COL_SEAT, COL_CREDIT, COL_BONUS, COL_KIND, COL_DAY };

struct seat_col {
	enum seat_kind kind;
	int l, j, goal, q;
};

/* A growing list of ints. */
struct int_list {
	int *v;
	size_t n, alloc;
};

static void list_push(struct int_list *li, int x)
{
	if (li->n + 1 > li->alloc)
		xgrow((void **)&li->v, &li->alloc, li->n + 1, sizeof(int));
	li->v[li->n++] = x;
}

struct seating {
	const struct problem *p;
	const int *blocks;
	int n_blocks;
	glp_prob *P;
	struct triplets t;
	struct seat_col *cols;
	size_t alloc;
	int G;                      /* goal slots: goal + 1, slot 0 the lab */
	const bool *free;           /* [n_blocks]: re-seated, else held */
	const int *need_limit;      /* [n_needs]: sessions a need may have, or
				     * NULL for the needs' own */
	const int *seat;            /* [n_blocks * n_learners]: current seats */
	const struct tally *outside; /* counts of the blocks outside the cycle's
				     * workshop blocks, or NULL */
	int *seat_row;              /* [n_blocks * G]: seats row, 0 when closed
				     * or held */
	bool regoal;                /* sessions of free blocks may change goal */
	int *seat_min;              /* regoal: [n_blocks * G] minimum-size rows */
	struct int_list *kind_cols; /* regoal: [n_blocks * G] y columns */
};

static int add_col(struct seating *s, struct seat_col sc, double ub, double w)
{
	int c = lp_add_col(s->P, sc.kind == COL_SEAT || sc.kind == COL_KIND ? GLP_BV : GLP_CV, 0,
			   ub, w);
	if ((size_t)c + 1 > s->alloc)
		xgrow((void **)&s->cols, &s->alloc, (size_t)c + 1, sizeof(*s->cols));
	s->cols[c] = sc;
	return c;
}

/* Seats group gi of r offers when it runs goal g (or the lab). */
static int group_cap(const struct problem *p, const struct period_mip_result *r, int gi, int g)
{
	return problem_group_seats(p, r->group_room[gi], g == PERIOD_MIP_LAB, g);
}

/* regoal: block position j's sessions, each with a y column per goal it
 * could take (its facilitator able, its room fit, enough learners with a
 * ready need available) and the lab, exactly one of them 1. */
static void kind_rows(struct seating *s, int j, const struct period_mip_result *r)
{
	const struct problem *p = s->p;
	int b = s->blocks[j];
	int *demand = xcalloc((size_t)s->G, sizeof(int));
	for (int l = 0; l < p->n_learners; l++)
		if (!p->learners[l].unavailable[b])
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].ready)
					demand[p->needs[q].goal + 1]++;
	for (int gi = 0; gi < r->n_groups; gi++) {
		int f = r->groups[gi].facilitator;
		const struct room *room = &p->rooms[r->group_room[gi]];
		int one = lp_add_row(s->P, GLP_FX, 1, 1);
		for (int k = 0; k < s->G; k++) {
			int g = k - 1;
			if (g == PERIOD_MIP_LAB && !problem_room_has(room, p->lab_feature))
				continue;
			if (g != PERIOD_MIP_LAB) {
				const struct goal *go = &p->goals[g];
				if (go->mode != GOAL_FACILITATED ||
				    problem_goal_level(p, f, g) < LEVEL_ABLE ||
				    !problem_block_allows(p, b, g) || !problem_room_has(room, go->feature) ||
				    group_cap(p, r, gi, g) < go->min_group || demand[k] < go->min_group)
					continue;
			}
			double w = g != PERIOD_MIP_LAB && problem_goal_level(p, f, g) == LEVEL_GURU
					   ? p->config.w_guru : 0;
			int c = add_col(s, (struct seat_col){ COL_KIND, -1, j, g, gi }, 1, w);
			triplets_add(&s->t, one, c, 1);
			int *rmax = &s->seat_row[j * s->G + k], *rmin = &s->seat_min[j * s->G + k];
			if (!*rmax) {
				*rmax = lp_add_row(s->P, GLP_UP, 0, 0);
				*rmin = lp_add_row(s->P, GLP_LO, 0, 0);
			}
			triplets_add(&s->t, *rmax, c, -group_cap(p, r, gi, g));
			triplets_add(&s->t, *rmin, c, g == PERIOD_MIP_LAB ? -1 : -p->goals[g].min_group);
			list_push(&s->kind_cols[j * s->G + k], c);
		}
	}
	free(demand);
}

static void seat_rows(struct seating *s, const struct period_mip_result *res)
{
	const struct problem *p = s->p;
	double *cap = xmalloc(sizeof(double) * (size_t)s->G);
	double *mn = xmalloc(sizeof(double) * (size_t)s->G);
	for (int j = 0; j < s->n_blocks; j++) {
		const struct period_mip_result *r = &res[s->blocks[j]];
		if (!s->free[j])
			continue;
		if (s->regoal) {
			kind_rows(s, j, r);
			continue;
		}
		memset(cap, 0, sizeof(double) * (size_t)s->G);
		memset(mn, 0, sizeof(double) * (size_t)s->G);
		for (int gi = 0; gi < r->n_groups; gi++) {
			int g = r->groups[gi].goal;
			cap[g + 1] += group_cap(p, r, gi, g);
			mn[g + 1] += g == PERIOD_MIP_LAB ? 1 : p->goals[g].min_group;
		}
		for (int k = 0; k < s->G; k++)
			if (cap[k] > 0)
				s->seat_row[j * s->G + k] =
					lp_add_row(s->P, mn[k] < cap[k] ? GLP_DB : GLP_FX, mn[k], cap[k]);
	}
	free(cap);
	free(mn);
}

/* Seat column c in the seat rows of (block position, goal slot) jk; with
 * regoal also in its minimum-size row, and linked to the sessions that may
 * take the goal: x <= sum y. */
static void seat_add(struct seating *s, int jk, int c)
{
	triplets_add(&s->t, s->seat_row[jk], c, 1);
	if (!s->regoal)
		return;
	triplets_add(&s->t, s->seat_min[jk], c, 1);
	int link = lp_add_row(s->P, GLP_UP, 0, 0);
	triplets_add(&s->t, link, c, 1);
	for (size_t i = 0; i < s->kind_cols[jk].n; i++)
		triplets_add(&s->t, link, s->kind_cols[jk].v[i], -1);
}

/* The learner's columns and rows.  Held blocks enter as constants: the
 * sessions they give a need lower its limit, their labs raise the lab
 * credit's, a priority-1 session there pays the bonus already. */
static void learner_cols(struct seating *s, int l)
{
	const struct problem *p = s->p;
	const struct config *cf = &p->config;
	int nq = p->need_start[l + 1] - p->need_start[l];
	int *held = xcalloc((size_t)nq + 1, sizeof(int));
	int held_labs = s->outside ? s->outside->lab_cnt[l] : 0, held_p1 = 0;
	bool daily = cf->w_daily > 0 && problem_placeable(p, l);
	char *held_day = xcalloc((size_t)p->n_days + 1, 1);
	int *row_day = xcalloc((size_t)p->n_days + 1, sizeof(int));
	for (int d = 0; d < p->n_days && s->outside; d++)
		held_day[d] = *tally_day(s->outside, p, l, d) > 0;
	for (int j = 0; j < s->n_blocks; j++) {
		int goal = s->seat[(long)j * p->n_learners + l];
		if (s->free[j] || goal == -2)
			continue;
		held_labs += goal == PERIOD_MIP_LAB;
		held_day[p->blocks[s->blocks[j]].day_index] |= goal >= 0;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
			if (p->needs[q].goal == goal) {
				held[q - p->need_start[l]]++;
				held_p1 |= p->needs[q].priority == 1;
			}
	}
	int row_pi = 0, row_credit = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].ready && p->needs[q].priority == 1 && !row_pi) {
			int c = add_col(s, (struct seat_col){ COL_BONUS, l, -1, 0, -1 }, 1, cf->w_power_goal);
			row_pi = lp_add_row(s->P, GLP_UP, 0, held_p1);
			triplets_add(&s->t, row_pi, c, 1);
		}
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || p->goals[nd->goal].mode != GOAL_ONLINE)
			continue;
		if (!row_credit)
			row_credit = lp_add_row(s->P, GLP_UP, 0, held_labs);
		int c = add_col(s, (struct seat_col){ COL_CREDIT, l, -1, 0, q }, nd->sessions,
				problem_need_weight(p, nd));
		triplets_add(&s->t, row_credit, c, 1);
		if (nd->priority == 1)
			triplets_add(&s->t, row_pi, c, -1);
	}
	int *row_need = xcalloc((size_t)(p->need_start[l + 1] - p->need_start[l]) + 1, sizeof(int));
	for (int j = 0; j < s->n_blocks; j++) {
		if (!s->free[j] || p->learners[l].unavailable[s->blocks[j]])
			continue;
		int row = lp_add_row(s->P, GLP_FX, 1, 1);
		int lab = s->seat_row[j * s->G];
		if (lab) {
			int c = add_col(s, (struct seat_col){ COL_SEAT, l, j, PERIOD_MIP_LAB, -1 }, 1, 0);
			triplets_add(&s->t, row, c, 1);
			seat_add(s, j * s->G, c);
			if (row_credit)
				triplets_add(&s->t, row_credit, c, -1);
		}
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			int seats = s->seat_row[j * s->G + nd->goal + 1];
			int limit = s->need_limit ? s->need_limit[q] : nd->sessions;
			int left = limit - held[q - p->need_start[l]];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED || !seats ||
			    left <= 0)
				continue;
			int *rn = &row_need[q - p->need_start[l]];
			if (!*rn)
				*rn = lp_add_row(s->P, GLP_UP, 0, left);
			int c = add_col(s, (struct seat_col){ COL_SEAT, l, j, nd->goal, q }, 1,
					problem_need_weight(p, nd));
			triplets_add(&s->t, row, c, 1);
			seat_add(s, j * s->G + nd->goal + 1, c);
			triplets_add(&s->t, *rn, c, 1);
			if (nd->priority == 1)
				triplets_add(&s->t, row_pi, c, -1);
			int d = p->blocks[s->blocks[j]].day_index;
			if (!daily || held_day[d])
				continue;
			if (!row_day[d]) {
				int cd = add_col(s, (struct seat_col){ COL_DAY, l, -1, 0, d }, 1,
						 cf->w_daily);
				row_day[d] = lp_add_row(s->P, GLP_UP, 0, 0);
				triplets_add(&s->t, row_day[d], cd, 1);
			}
			triplets_add(&s->t, row_day[d], c, -1);
		}
	}
	free(row_need);
	free(held);
	free(held_day);
	free(row_day);
}


/* seat[j * n_learners + l]: goal (or PERIOD_MIP_LAB) of l's session in block
 * position j, from the block plans; -2 where l is unavailable. */
static int *current_seats(const struct seating *s, const struct period_mip_result *res)
{
	const struct problem *p = s->p;
	int *seat = xmalloc(sizeof(int) * ((size_t)s->n_blocks * (size_t)p->n_learners + 1));
	for (int j = 0; j < s->n_blocks; j++) {
		const struct period_mip_result *r = &res[s->blocks[j]];
		int i = 0;
		for (int l = 0; l < p->n_learners; l++)
			seat[(long)j * p->n_learners + l] =
				p->learners[l].unavailable[s->blocks[j]]
					? -2
					: r->groups[r->learner_group[i++]].goal;
	}
	return seat;
}

/* The seating as a point of the model (1-based), credits and bonus at
 * their best for it: lab time credited as problem_lab_credit does (p1[l]:
 * bit 0 a workshop session of a priority-1 need, bit 1 a lab credited to
 * one). */
static double *seats_point(const struct seating *s, const int *seat, const struct period_mip_result *res)
{
	const struct problem *p = s->p;
	int n = glp_get_num_cols(s->P);
	double *x = xcalloc((size_t)n + 1, sizeof(double));
	int *labs = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	char *p1 = xcalloc((size_t)p->n_learners + 1, 1);
	for (int c = 1; c <= n; c++) {
		const struct seat_col *sc = &s->cols[c];
		if (sc->kind == COL_SEAT && seat[(long)sc->j * p->n_learners + sc->l] == sc->goal)
			x[c] = 1;
		if (sc->kind == COL_KIND &&
		    res[s->blocks[sc->j]].groups[sc->q].goal == sc->goal)
			x[c] = 1;
	}
	for (int l = 0; l < p->n_learners; l++) {
		labs[l] = s->outside ? s->outside->lab_cnt[l] : 0;
		for (int j = 0; j < s->n_blocks; j++) {
			int goal = seat[(long)j * p->n_learners + l];
			labs[l] += goal == PERIOD_MIP_LAB;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].goal == goal && p->needs[q].ready &&
				    p->needs[q].priority == 1)
					p1[l] = 1;
		}
	}
	for (int c = 1; c <= n; c++) {
		const struct seat_col *sc = &s->cols[c];
		if (sc->kind != COL_CREDIT)
			continue;
		for (int k = 0; k < labs[sc->l]; k++)
			if (problem_lab_credit(p, sc->l, k, labs[sc->l], p1[sc->l] & 1) == sc->q) {
				x[c] += 1;
				p1[sc->l] |= p->needs[sc->q].priority == 1 ? 2 : 0;
			}
	}
	for (int c = 1; c <= n; c++) {
		const struct seat_col *sc = &s->cols[c];
		if (sc->kind == COL_BONUS)
			x[c] = p1[sc->l] != 0;
		for (int j = 0; j < s->n_blocks && sc->kind == COL_DAY; j++)
			if (s->free[j] && p->blocks[s->blocks[j]].day_index == sc->q &&
			    seat[(long)j * p->n_learners + sc->l] >= 0)
				x[c] = 1;
	}
	free(labs);
	free(p1);
	return x;
}

/* Seats block j's learners by seat[] in its groups: each learner of a goal
 * goes to a group of that goal still below its minimum, else to one below
 * its capacity (the model keeps each goal's total within the sums of
 * both, so everyone fits). */
static void seat_groups(const struct seating *s, int j, const int *seat, struct period_mip_result *r)
{
	const struct problem *p = s->p;
	int *cap = xmalloc(sizeof(int) * ((size_t)r->n_groups + 1));
	for (int gi = 0; gi < r->n_groups; gi++) {
		cap[gi] = group_cap(p, r, gi, r->groups[gi].goal);
		r->groups[gi].size = 0;
	}
	int i = 0;
	for (int l = 0; l < p->n_learners; l++) {
		int goal = seat[(long)j * p->n_learners + l];
		if (goal == -2)
			continue;
		int best = -1;
		for (int gi = 0; gi < r->n_groups; gi++) {
			const struct period_mip_group *gr = &r->groups[gi];
			if (gr->goal != goal || gr->size >= cap[gi])
				continue;
			int min = goal == PERIOD_MIP_LAB ? 1 : p->goals[goal].min_group;
			if (gr->size < min) {
				best = gi;
				break;
			}
			if (best < 0)
				best = gi;
		}
		assert(best >= 0);
		r->groups[best].size++;
		r->learner_group[i++] = best;
	}
	free(cap);
}

/* Whether the LP solution has a fractional seat. */
static bool seats_fractional(const struct seating *s)
{
	for (int c = 1; c <= glp_get_num_cols(s->P); c++) {
		double v = glp_get_col_prim(s->P, c);
		if (s->cols[c].kind == COL_SEAT && v > 1e-6 && v < 1 - 1e-6)
			return true;
	}
	return false;
}

/* Warm re-solve with the dual simplex; whether the LP is optimal. */
static bool resolve(glp_prob *P, double seconds)
{
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.meth = GLP_DUALP;
	smcp.tm_lim = seconds > 0 ? (int)(seconds * 1000) : 1;
	return glp_simplex(P, &smcp) == 0 && glp_get_status(P) == GLP_OPT;
}

/* A dive's time, whatever the time limit leaves: dives are short, but
 * GLPK's dual simplex can stall on one of its warm re-solves and hold the
 * search to the time limit (bench/TUNING.md, "Re-seating"). */
#define DIVE_SECONDS 5.0

/*
 * regoal: rounds the sessions' kinds by diving on the LP, the most nearly
 * whole fractional kind fixed at 1 and the LP re-solved warm (a kind whose
 * fixing leaves the LP infeasible is fixed at 0 instead), until every kind
 * is whole; then fixes them all.  Returns false when the LP cannot follow
 * or the dive runs out of time.
 */
static bool dive_kinds(struct seating *s, double seconds)
{
	double t0 = mcl_now();
	if (seconds > DIVE_SECONDS)
		seconds = DIVE_SECONDS;
	int n = glp_get_num_cols(s->P), steps = 0;
	for (;;) {
		int best = 0;
		double bv = 0;
		for (int c = 1; c <= n; c++) {
			double v = glp_get_col_prim(s->P, c);
			if (s->cols[c].kind == COL_KIND && v > 1e-6 && v < 1 - 1e-6 && v > bv) {
				bv = v;
				best = c;
			}
		}
		if (!best)
			break;
		steps++;
		glp_set_col_bnds(s->P, best, GLP_FX, 1, 1);
		if (resolve(s->P, seconds - (mcl_now() - t0)))
			continue;
		glp_set_col_bnds(s->P, best, GLP_FX, 0, 0);
		if (!resolve(s->P, seconds - (mcl_now() - t0)))
			return false;
	}
	for (int c = 1; c <= n; c++)
		if (s->cols[c].kind == COL_KIND) {
			double v = glp_get_col_prim(s->P, c) > 0.5;
			glp_set_col_bnds(s->P, c, GLP_FX, v, v);
		}
	mcl_log(LOG_VERBOSE, "session kinds: %d dive steps, LP %.1f in %.2f s", steps,
		glp_get_obj_val(s->P), mcl_now() - t0);
	return resolve(s->P, seconds - (mcl_now() - t0));
}

/*
 * Solves the re-seating MIP, its LP started from the current seating.  The
 * seating with lab credits and bonus at 0 is a basic feasible point of the
 * LP: every row's slack basic, each seat non-basic at its 0 or 1.  So the
 * primal simplex starts feasible there, near the optimum, and skips the
 * search for a feasible point (a third of the iterations).  The optimum it
 * reaches can be a fractional vertex where the cold start's was whole;
 * then the LP is solved again from the all-zero basis before branching
 * (bench/TUNING.md, "Re-seating").  That re-solve and the branching get at
 * most branch_seconds, the best seating found by then kept.
 */
static void solve_from_seating(struct seating *s, const double *start,
			       const struct mip_params *params, double branch_seconds,
			       struct mip_result *mr)
{
	double t0 = mcl_now();
	for (int c = 1; c <= glp_get_num_cols(s->P); c++)
		if ((s->cols[c].kind == COL_SEAT || s->cols[c].kind == COL_KIND) && start[c] > 0.5)
			glp_set_col_stat(s->P, c, GLP_NU);
	struct mip_params lp = *params;
	lp.lp_only = true;
	mip_solve(s->P, &lp, mr);
	/* re-goaling: the kinds first, the seats of the LP that is left then
	 * checked as a re-seating's */
	if (s->regoal && mr->outcome == MIP_OPTIMAL && !dive_kinds(s, params->seconds - mr->seconds)) {
		mr->outcome = MIP_NO_SOLUTION;
		return;
	}
	if (mr->outcome == MIP_OPTIMAL && seats_fractional(s)) {
		mcl_log(LOG_VERBOSE, "re-seating LP fractional from the seating: solved again from "
			"the all-zero basis");
		glp_std_basis(s->P);
	}
	struct mip_params rest = *params;
	double lp_seconds = mcl_now() - t0;     /* the LP and the kinds' dive */
	rest.seconds -= lp_seconds;
	if (rest.seconds > branch_seconds)
		rest.seconds = branch_seconds;
	mip_solve(s->P, &rest, mr);
	mr->seconds += lp_seconds;
}

/* reseat_mip_cycle, or with regoal reseat_mip_sessions. */
static double reseat_core(const struct problem *p, const int *blocks, int n_blocks,
			  const bool *free_blocks, const int *need_limit,
			  const struct tally *outside, struct period_mip_result *res, double seconds,
			  bool regoal)
{
	struct seating s = { .p = p, .blocks = blocks, .n_blocks = n_blocks, .G = p->n_goals + 1,
			     .free = free_blocks, .need_limit = need_limit, .outside = outside,
			     .regoal = regoal };
	if (regoal) {
		s.seat_min = xcalloc((size_t)n_blocks * (size_t)s.G + 1, sizeof(int));
		s.kind_cols = xcalloc((size_t)n_blocks * (size_t)s.G + 1, sizeof(*s.kind_cols));
	}
	int *seat = current_seats(&s, res);
	s.seat = seat;
	s.P = glp_create_prob();
	glp_set_obj_dir(s.P, GLP_MAX);
	s.seat_row = xcalloc((size_t)n_blocks * (size_t)s.G + 1, sizeof(int));
	seat_rows(&s, res);
	for (int l = 0; l < p->n_learners; l++)
		learner_cols(&s, l);
	triplets_load(&s.t, s.P);

	double *start = seats_point(&s, seat, res);
	double before = 0;
	for (int c = 1; c <= glp_get_num_cols(s.P); c++)
		before += glp_get_obj_coef(s.P, c) * start[c];
	struct mip_params mp = { .seconds = seconds < RESEAT_SECONDS ? seconds : RESEAT_SECONDS,
				 .gap = 1e-9, .start = start, .max_nodes = RESEAT_NODES };
	struct mip_result mr;
	solve_from_seating(&s, start, &mp, RESEAT_BRANCH_SHARE * seconds, &mr);
	double gain = 0;
	if ((mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
	    mr.objective > before + 1e-6) {
		gain = mr.objective - before;
		for (int c = 1; c <= glp_get_num_cols(s.P); c++) {
			const struct seat_col *sc = &s.cols[c];
			if (sc->kind == COL_SEAT && glp_mip_col_val(s.P, c) > 0.5)
				seat[(long)sc->j * p->n_learners + sc->l] = sc->goal;
			if (sc->kind == COL_KIND && glp_mip_col_val(s.P, c) > 0.5)
				res[blocks[sc->j]].groups[sc->q].goal = sc->goal;
		}
		for (int j = 0; j < n_blocks; j++)
			if (free_blocks[j])
				seat_groups(&s, j, seat, &res[blocks[j]]);
	}
	int n_free = 0;
	for (int j = 0; j < n_blocks; j++)
		n_free += free_blocks[j];
	mcl_log(LOG_VERBOSE, "re-%s %d of %d blocks (%d rows, %d columns): %.1f -> %.1f in %.1f s",
		regoal ? "goaling" : "seating", n_free, n_blocks, glp_get_num_rows(s.P),
		glp_get_num_cols(s.P), before, before + gain, mr.seconds);
	glp_delete_prob(s.P);
	free(s.cols);
	free(s.seat_row);
	free(s.seat_min);
	if (regoal)
		for (int i = 0; i < n_blocks * s.G; i++)
			free(s.kind_cols[i].v);
	free(s.kind_cols);
	free(seat);
	free(start);
	return gain;
}

double reseat_mip_cycle(const struct problem *p, const int *blocks, int n_blocks,
		      const bool *free_blocks, const int *need_limit,
		      const struct tally *outside, struct period_mip_result *res, double seconds)
{
	return reseat_core(p, blocks, n_blocks, free_blocks, need_limit, outside, res, seconds,
			   false);
}

double reseat_mip_sessions(const struct problem *p, const int *blocks, int n_blocks,
			 const bool *free_blocks, const struct tally *outside,
			 struct period_mip_result *res, double seconds)
{
	return reseat_core(p, blocks, n_blocks, free_blocks, NULL, outside, res, seconds, true);
}
