/*
 * bound_lp.c - the aggregated LP that bounds a cycle (its workshop blocks,
 * its seminar blocks, or both) from above.
 *
 * It forgets which learner sits where in each block and keeps only totals,
 * with the inequalities that make such totals tight.  Sets: ready needs q =
 * (l, g) with sessions s_q, value w_q (problem_need_weight); workshop blocks b; B_q the
 * blocks where l is available and g may run; A_l the learner's available
 * blocks; D[g,b] the learners available in b with a ready need for g; N_b the
 * learners available in b; room classes c (equal capacity and features) with
 * count[c,b] rooms available; staffing classes k (goals led by exactly the
 * same facilitators at the same levels) so that facilitator variables do not
 * multiply by every goal.
 *
 *   t[q]      in [0, min(s_q, |B_q|)]   sessions need q gets (facilitated)
 *   o[q]      in [0, min(s_q, A_l)]     lab sessions credited to online q
 *   N[g,b]    >= 0                      sessions of goal g (lab too)
 *   u[g,b]    in [0, D[g,b]]            learners in goal g's sessions in b
 *   r[c,k,b]  in [0, count[c,b]]        rooms of class c holding sessions
 *                                       of kind k (workshop or lab) in b
 *   y[f,k,b]  in [0, 1]                 facilitator f leads class k in b
 *   pi[l]     in [0, 1]                 power-goal bonus
 *   delta[l]  in [0, D_l]               days with a workshop session, for
 *                                       l who can be placed; D_l the days
 *                                       with a block where l is available
 *
 *   max  sum w_q t[q] + sum w_q o[q] + w_guru sum_{f guru in k} y[f,k,b]
 *        + w_pg sum pi[l] + w_daily sum delta[l]
 *   s.t. sum_q t[q] + sum_q o[q] <= A_l                  one session a block
 *        t[q] <= sum_{b in B_q} N[g,b]                   a session must exist
 *        sum_{q of g} t[q] = sum_b u[g,b]                seats are used
 *        min_g N[g,b] <= u[g,b] <= min(max_g, Dmax) N[g,b]  group sizes
 *        sum_g u[g,b] + u[lab,b] = N_b                   everyone seated
 *        sum_q o[q] <= sum_b u[lab,b]                    lab credit
 *        sum_k r[c,k,b] <= count[c,b]                    rooms available
 *        sum_{g of kind k} N[g,b] = sum_c r[c,k,b]       a room per session
 *        sum_{g of kind k} u[g,b] <= sum_c min(cap_c, m_k) r[c,k,b]   seats
 *        sum_{g needs F} N[g,b] <= sum_{c has F, k} r[c,k,b]  room features
 *        sum_k y[f,k,b] <= 1,  sum_{k,b} y[f,k,b] <= max_sessions_f
 *        sum_f y[f,k,b] = sum_{g in k} N[g,b]            staffing
 *        pi[l] <= sum_{q of l, priority 1} (t[q] + o[q])
 *        delta[l] <= sum_{q of l, facilitated} t[q]     a day needs a session
 *        sum_b u[g,b] <= r_g sum_b N[g,b] + (max_g - r_g) k_g    rounding cut
 *
 * Dmax is the most learners one block of b has with a ready need for g:
 * a session seats no more of them.  Each block also gets the cover cuts of
 * bound_lp_seminar.c: its learners sit in whole labs and workshops, which
 * seat distinct learners (bound_lp_distinct.c).
 *
 * The rounding cut: goal g's sessions seat at most d_g = sum_{q of g}
 * min(s_q, |B_q|) learners in all and max_g each, and a schedule opens a
 * whole number of them, so with k_g = floor(d_g / max_g) and r_g = d_g - k_g max_g
 * the last, partial session seats only r_g (the hull of U <= min(max_g K, d_g), K whole).
 *
 * m_k is the largest group of kind k: the largest max_group of a
 * facilitated goal for workshops, lab max_group for labs.  A session never
 * seats more than its room or its kind's largest group, so splitting the
 * rooms in use between workshops and labs is valid, and it stops the LP
 * from seating a 40-learner lab in the seats a 24-learner workshop leaves
 * empty in a 35-seat room (bench/TUNING.md, "The bound LP's cut and room kinds").
 *
 * Merged blocks.  The index b above runs over groups of blocks rather than
 * single blocks: all the blocks that allow the same goals form one group,
 * whose rooms, learners (N_b, D[g,b]) and facilitator time add up (y[f,k,b]
 * in [0, a_fb], sum_k y[f,k,b] <= a_fb, a_fb the blocks of group b where f is
 * available), and a need may use a group's sessions when its learner is
 * available in one of its blocks.  Summing a per-block solution over each
 * group gives a solution of the merged LP with the same objective, so the
 * merged LP is a relaxation of the per-block one and still bounds the cycle.
 * On the benchmark schools it gives the per-block bound in a tenth of the
 * time (bench/TUNING.md, "The bound LP").
 *
 * Per-learner rows (small cycles, blocks not merged).  With few
 * facilitators the LP opens a fraction of a lab and fills it: half a lab
 * session seating 20 learners, each of them wholly in the lab.  A schedule
 * puts a learner in a lab only where one runs, which these rows say with
 * x[q,b] in [0, 1], the part of need q met in block b:
 *
 *        t[q] = sum_b x[q,b],   u[g,b] = sum_{q of g} x[q,b]
 *        sum_{q of l} x[q,b] <= 1
 *        sum_{q of l} x[q,b] + N[lab,b] >= 1      (l is in a workshop or a lab)
 *
 * They tighten the bound of schools with few facilitators and cost much
 * time on large ones, so they are added only below PER_LEARNER_COLS
 * columns x (bench/TUNING.md, "The bound LP").
 *
 * Seminar blocks (the seminar and combination models) join the same LP.
 * Sets: eligible choices c = (l, s) of a seminar s with m_s meetings no more
 * than the learner's available seminar blocks S_l; rooms r with a_r
 * available seminar blocks; facilitators f with a_f available seminar
 * blocks.  Cap_s: max_size, at most the largest room with s's feature.
 *
 *   e[c]      in [0, 1]            l enrolled in s
 *   n[s]      in [0, sections_s]   sections of s
 *   h[f,s]    in [0, a_f]          meetings of s led by f (f able)
 *   lab[f]    in [0, a_f]          labs f supervises
 *   zl[r], zm[r] in [0, a_r]       labs, meetings held in room r
 *
 *   max  ... + sum w_choice(rank c) e[c] + w_guru sum_{f guru of s} h[f,s]
 *   s.t. sum_c e[c] <= seminars_per_learner                  per learner
 *        min_s n[s] <= sum_{c of s} e[c] <= Cap_s n[s]
 *        sum_f h[f,s] = m_s n[s];  sum_s h[f,s] + lab[f] <= a_f,
 *        split by seminar block among those where f is available
 *        and h, lab enter f's max_sessions row beside the workshop part
 *        sum_f lab[f] = sum_r zl[r];  sum_s m_s n[s] = sum_r zm[r]
 *        zl[r] + zm[r] <= a_r   (zl only in rooms with lab.feature)
 *        sum_r min(cap_r, lab max) zl[r] + sum_c m_s e[c] >= sum_l S_l
 *        sum_c m_s e[c] <= sum_r cap_r zm[r]
 *   and per learner the seminar-block time joins the rows above: the
 *   one-session-a-block row becomes sum_q t[q] + sum_q o[q] + sum_c m_s e[c]
 *   <= A_l + S_l (with sum_q t[q] <= A_l kept), the lab credit row gains
 *   the seminar-block time left for labs (sum_l S_l - sum_c m_s e[c]), and
 *   a day may be covered by a meeting: delta[l] <= sum t[q] + sum_c
 *   min(m_s, E_l) e[c], E_l the days with a seminar block where l is
 *   available (a seminar's meetings cover no more of l's days than that).
 *   With T_l = min(days with a workshop block where l is available,
 *   sum_q ub t[q]) < D_l, the most days l's sessions can cover, also
 *        delta[l] <= T_l + sum_c min(m_s, E_l, D_l - T_l) e[c]
 *   l enrolled in no seminar has at most T_l days; in any, at most D_l
 *   (a coefficient D_l - T_l makes the right side >= D_l, else the row is
 *   the one above with T_l for sum t[q]).  It is the hull of the two, e
 *   whole: it stops the LP from enrolling many learners by a part each,
 *   each part worth min(m_s, E_l) days to a learner short of one.
 * A schedule's sections, meetings, labs and rooms give a feasible point
 * with its objective, so the LP bounds the combined cycle as one problem,
 * not as a sum of two problems that share the facilitators.
 *
 * Locks.  With p->pins (locks.csv, or the pins a replan's view keeps)
 * every pin bounds the columns above (its sessions, seats, facilitator,
 * room and learners' time), so the LP relaxes, and bounds, the locked
 * problem: bound_lp_pins.c, whose top gives the rows.
 *
 * Every schedule gives a feasible point with the same objective (t the
 * counted sessions, u the seats, N the opened sessions, r the rooms they
 * use, y the staffing, o the lab credits the objective makes, which the LP
 * may choose in any way, so any order of the weights is covered), so the LP
 * optimum is an upper bound on the cycle's optimum.
 *
 * The bound reported is derived from the LP's duals, not read from the
 * simplex: for any row prices y, c'x <= sum_i max(y_i L_i, y_i U_i) +
 * sum_j max(d_j l_j, d_j u_j), d = c - A'y (lp_dual.h), so tolerances can
 * loosen it, never invalidate it; every column has a finite upper bound
 * (N[g,b] at most the rooms of b, u[lab,b] at most N_b, implied by the
 * rows).  It holds at a dual simplex stopped by its clock too: the merged
 * LP with seminar blocks goes to the dual simplex, without them the primal
 * first, per-learner the primal alone (bench/TUNING.md, "The bound LP by
 * the dual simplex").  The interior-point rounds of bound_lp_unlinked.h
 * give a bound at other prices, sooner; the simple bound (bound_simple.c)
 * is carried on its own; the smallest is kept, and tests check each.
 * Rooms are pooled per block and kind (seats of the rooms in use, not a
 * room per session): a little looser, but a few columns per goal and
 * block, which lets GLPK finish it in seconds at school scale.
 *
 * Whole sessions.  At its optimum the LP is branched on N[g,b] (labs first),
 * whole in every schedule (proof: bound_lp_whole.c).
 * (Whole sessions per block with the learners' rows priced gave the LP's
 * value: a Lagrangian bound with each block's period MIP, docs/model.md.)
 */
#include "bound_lp.h"

#include <float.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/bound_lp_build.h"
#include "models/bound_lp_distinct.h"
#include "models/bound_lp_whole.h"
#include "models/bound_lp_rows.h"
#include "models/bound_lp_seminar.h"
#include "models/bound_lp_unlinked.h"
#include "models/lp_build.h"
#include "models/lp_dual.h"
#include "models/glpk_run.h"

/*
 * The rounding cut for sessions that seat at most m learners each and, all
 * together, at most d:  U <= min(m K, d) for U = sum u, K = sum N, K a whole
 * number.  With k = floor(d / m), r = d - k m its convex hull adds
 *     U <= r K + (m - r) k
 * (the last, partial session seats only the r learners left).
 */
static void add_rounding_cut(glp_prob *P, struct triplets *t, const int *cu, const int *cn,
			     int n, int m, long d)
{
	long k = d / m, r = d - k * m;
	if (r == 0)
		return;
	int row = lp_add_row(P, GLP_UP, 0, (double)((m - r) * k));
	for (int i = 0; i < n; i++) {
		triplets_add(t, row, cu[i], 1);
		triplets_add(t, row, cn[i], (double)-r);
	}
}

/* Records row k at rows->a[i] (bound_lp_rows.h), when asked for. */
#define NOTE_LP(rows, a, i, k) ((rows) ? (void)((rows)->a[i] = (k)) : (void)0)

/* Whether blocks a and b allow the same goals. */
static bool same_areas(const struct problem *p, int a, int b)
{
	for (int g = 0; g < p->n_goals; g++)
		if (problem_block_allows(p, a, g) != problem_block_allows(p, b, g))
			return false;
	return true;
}

/*
 * Groups the blocks for the LP: blocks that allow the same goals form one
 * group.  grp[j] is block j's group; returns the number of groups.
 */
static int merge_blocks(const struct problem *p, const int *blocks, int n_blocks, bool merge,
			int *grp)
{
	int n = 0;
	for (int j = 0; j < n_blocks; j++) {
		grp[j] = -1;
		for (int i = 0; i < j && grp[j] < 0 && merge; i++)
			if (same_areas(p, blocks[j], blocks[i]))
				grp[j] = grp[i];
		if (grp[j] < 0)
			grp[j] = n++;
	}
	return n;
}

/* The primal simplex's share on a merged LP without seminar blocks. */
#define PRIMAL_SHARE (2.0 / 3.0)
/* Branching on the LP's sessions (bound_lp_whole.h): at most this share of
 * the time left, less on the merged LP before the per-learner one. */
#define BRANCH_SHARE 0.9
#define MERGED_BRANCH_SHARE 0.1

static enum bound_lp_kind last_kind;

enum bound_lp_kind bound_lp_last_kind(void)
{
	return last_kind;
}

/* The merged LP first, then the per-learner one in the time left (see the
 * top of the file): the per-learner LP can take 20 times as long for a few
 * tenths of a percent, and a bound that is ready early beats none. */
void bound_lp_cycle(const struct problem *p, const int *blocks, int n_blocks,
		       const int *sem_blocks, int n_sem, double seconds, struct bound_lp_result *res)
{
	double t0 = mcl_now();
	bool fine_too = bound_lp_per_learner(p, blocks, n_blocks);
	bound_lp_run(p, blocks, n_blocks, sem_blocks, n_sem, false, seconds,
		     fine_too ? MERGED_BRANCH_SHARE : BRANCH_SHARE, res, NULL);
	double left = seconds - (mcl_now() - t0);
	last_kind = res->kind;
	if (!fine_too || left <= 0)
		return;
	struct bound_lp_result fine;
	bound_lp_run(p, blocks, n_blocks, sem_blocks, n_sem, true, left, BRANCH_SHARE, &fine, NULL);
	if (fine.bound < res->bound)   /* both valid: the smaller */
		*res = fine;
	last_kind = res->kind;
	res->seconds = mcl_now() - t0;
}


/* Room classes (equal capped capacity and equal features), block groups,
 * and the rooms of each class available in each group. */
static void blp_rooms_and_groups(struct blp *x)
{
	const struct problem *p = x->p;
	int cap_max = problem_useful_capacity(p);
	x->room_class = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	x->class_proto = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		int cap = rm->capacity < cap_max ? rm->capacity : cap_max, c;
		for (c = 0; c < x->n_classes; c++) {
			const struct room *pr = &p->rooms[x->class_proto[c]];
			int pcap = pr->capacity < cap_max ? pr->capacity : cap_max;
			if (pcap == cap && problem_rooms_same_features(rm, pr))
				break;
		}
		if (c == x->n_classes)
			x->class_proto[x->n_classes++] = r;
		x->room_class[r] = c;
	}
	x->grp = xmalloc(sizeof(int) * ((size_t)x->n_blocks + 1));
	x->nb = merge_blocks(p, x->blocks, x->n_blocks, !x->per_learner, x->grp);
	x->rep = xmalloc(sizeof(int) * ((size_t)x->nb + 1));
	for (int j = x->n_blocks - 1; j >= 0; j--)
		x->rep[x->grp[j]] = x->blocks[j];
	x->count = xcalloc((size_t)x->n_classes * (size_t)x->nb + 1, sizeof(int));
	for (int r = 0; r < p->n_rooms; r++)
		for (int j = 0; j < x->n_blocks; j++)
			x->count[x->room_class[r] * x->nb + x->grp[j]] +=
				!p->rooms[r].unavailable[x->blocks[j]];
}

/* Dmax[g * nb + b]: the most learners one block of group b has with a
 * ready need for g (goal n_goals: available at all), which a session of g
 * there seats at most: u[g,b] <= Dmax N[g,b], the sum over the group's
 * blocks of u_j <= D_j N_j, which holds in whole sessions (none: no seat). */
static void blp_block_demand(struct blp *x)
{
	const struct problem *p = x->p;
	int ng = p->n_goals, nb = x->nb;
	int *cnt = xmalloc(sizeof(int) * ((size_t)ng + 1));
	x->Dmax = xcalloc(x->gb + 1, sizeof(int));
	for (int j = 0; j < x->n_blocks; j++) {
		memset(cnt, 0, sizeof(int) * ((size_t)ng + 1));
		for (int l = 0; l < p->n_learners; l++) {
			if (p->learners[l].unavailable[x->blocks[j]])
				continue;
			cnt[ng]++;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].ready)
					cnt[p->needs[q].goal]++;
		}
		for (int g = 0; g <= ng; g++) {
			int *d = &x->Dmax[(size_t)g * nb + x->grp[j]];
			*d = cnt[g] > *d ? cnt[g] : *d;
		}
	}
	free(cnt);
}

/* Staffing classes: goals with the same level for every facilitator; the
 * lab (anyone) is a class of its own.  And the learners per group, per
 * goal and group. */
static void blp_staff_and_learners(struct blp *x)
{
	const struct problem *p = x->p;
	int ng = p->n_goals, nb = x->nb;
	x->staff = xmalloc(sizeof(int) * (size_t)(ng + 2));
	int *proto = xmalloc(sizeof(int) * (size_t)(ng + 2));
	for (int g = 0; g < ng; g++) {
		int k;
		for (k = 0; k < x->n_staff; k++) {
			int same = 1;
			for (int f = 0; f < p->n_facilitators && same; f++)
				same = problem_goal_level(p, f, g) == problem_goal_level(p, f, proto[k]);
			if (same)
				break;
		}
		if (k == x->n_staff)
			proto[x->n_staff++] = g;
		x->staff[g] = k;
	}
	free(proto);
	x->lab_staff = x->n_staff++;
	x->gb = (size_t)(ng + 1) * (size_t)nb;
	x->D = xcalloc(x->gb + 1, sizeof(int));
	x->NB = xcalloc((size_t)nb + 1, sizeof(int));
	blp_block_demand(x);
	for (int l = 0; l < p->n_learners; l++)
		for (int j = 0; j < x->n_blocks; j++) {
			int b = x->grp[j];
			if (p->learners[l].unavailable[x->blocks[j]])
				continue;
			x->NB[b]++;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
				const struct need *nd = &p->needs[q];
				if (nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED)
					x->D[(size_t)nd->goal * nb + b]++;
			}
		}
}

/* Per group: staffing, rooms in use and their seats per kind (0 workshops,
 * 1 labs) and feature; r[c,kind,b] for each room class. */
static void blp_block_rows(struct blp *x)
{
	const struct problem *p = x->p;
	int nb = x->nb, ws_max = 0;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group > ws_max)
			ws_max = p->goals[g].max_group;
	int kind_max[2] = { ws_max, p->config.lab_max_group };
	x->row_staff = xcalloc((size_t)x->n_staff * (size_t)nb + 1, sizeof(int));
	x->row_rooms = xcalloc(2 * (size_t)nb + 1, sizeof(int));
	x->row_seats = xcalloc(2 * (size_t)nb + 1, sizeof(int));
	x->row_feat = xcalloc((size_t)(p->n_features + 1) * (size_t)nb + 1, sizeof(int));
	x->colR = xcalloc((size_t)x->n_classes * 2 * (size_t)nb + 1, sizeof(int));
	for (int b = 0; b < nb; b++) {
		for (int k = 0; k < x->n_staff; k++)
			x->row_staff[k * nb + b] = lp_add_row(x->P, GLP_FX, 0, 0);
		for (int kd = 0; kd < 2; kd++) {
			x->row_rooms[kd * nb + b] = lp_add_row(x->P, GLP_FX, 0, 0);
			x->row_seats[kd * nb + b] = lp_add_row(x->P, GLP_UP, 0, 0);
		}
		for (int ft = 0; ft < p->n_features; ft++)
			x->row_feat[ft * nb + b] = lp_add_row(x->P, GLP_UP, 0, 0);
		for (int c = 0; c < x->n_classes; c++) {
			int n = x->count[c * nb + b];
			if (n == 0)
				continue;
			const struct room *pr = &p->rooms[x->class_proto[c]];
			int rcount = lp_add_row(x->P, GLP_UP, 0, n);
			NOTE_LP(x->rows, row_room_class, c * nb + b, rcount);
			for (int kd = 0; kd < 2; kd++) {
				int cap = pr->capacity < kind_max[kd] ? pr->capacity : kind_max[kd];
				int jr = lp_add_col(x->P, GLP_CV, 0, n, 0);
				x->colR[(c * 2 + kd) * nb + b] = jr;
				triplets_add(&x->t, rcount, jr, 1);
				triplets_add(&x->t, x->row_rooms[kd * nb + b], jr, -1);
				triplets_add(&x->t, x->row_seats[kd * nb + b], jr, -cap);
				for (int i = 0; i < pr->n_features; i++)
					triplets_add(&x->t, x->row_feat[pr->features[i] * nb + b], jr, -1);
			}
		}
	}
}

/* N[g,b] and u[g,b] for each facilitated goal and the lab, with their
 * group-size rows, and the row that seats everyone in every group.  Every
 * column gets a finite upper bound (sessions: the group's rooms; lab
 * seats: its learners), implied by the rows, so that the dual bound
 * (lp_dual.h) is finite. */
static void blp_goal_cols(struct blp *x)
{
	const struct problem *p = x->p;
	const struct config *cf = &p->config;
	int ng = p->n_goals, nb = x->nb;
	x->colN = xcalloc(x->gb + 1, sizeof(int));
	x->colU = xcalloc(x->gb + 1, sizeof(int));
	x->row_flow = xcalloc((size_t)ng + 2, sizeof(int));
	x->row_lab_credit = lp_add_row(x->P, GLP_UP, 0, 0);
	for (int g = 0; g <= ng; g++) {
		bool lab = g == ng;
		if (!lab && p->goals[g].mode != GOAL_FACILITATED)
			continue;
		int gmin = lab ? 1 : p->goals[g].min_group;
		int gmax0 = lab ? cf->lab_max_group : p->goals[g].max_group;
		int feat = lab ? p->lab_feature : p->goals[g].feature;
		if (!lab)
			x->row_flow[g] = lp_add_row(x->P, GLP_FX, 0, 0);
		for (int b = 0; b < nb; b++) {
			size_t i = (size_t)g * nb + b;
			if (!lab && (x->D[i] == 0 || !problem_block_allows(p, x->rep[b], g)))
				continue;
			int rooms = 0;
			for (int c = 0; c < x->n_classes; c++)
				rooms += x->count[c * nb + b];
			int gmax = gmax0 < x->Dmax[i] ? gmax0 : x->Dmax[i];
			x->colN[i] = lp_add_col(x->P, GLP_CV, 0, rooms, 0);
			x->colU[i] = lp_add_col(x->P, GLP_CV, 0, lab ? x->NB[b] : x->D[i], 0);
			int rseat = lp_add_row(x->P, GLP_UP, 0, 0);
			int rmin = lp_add_row(x->P, GLP_LO, 0, 0);
			triplets_add(&x->t, rseat, x->colU[i], 1);
			triplets_add(&x->t, rseat, x->colN[i], -gmax);
			triplets_add(&x->t, rmin, x->colU[i], 1);
			triplets_add(&x->t, rmin, x->colN[i], -gmin);
			triplets_add(&x->t, x->row_staff[(lab ? x->lab_staff : x->staff[g]) * nb + b],
				     x->colN[i], -1);
			triplets_add(&x->t, x->row_rooms[lab * nb + b], x->colN[i], 1);
			triplets_add(&x->t, x->row_seats[lab * nb + b], x->colU[i], 1);
			if (feat >= 0)
				triplets_add(&x->t, x->row_feat[feat * nb + b], x->colN[i], 1);
			triplets_add(&x->t, lab ? x->row_lab_credit : x->row_flow[g], x->colU[i], -1);
		}
	}
	for (int b = 0; b < nb; b++) {
		int r = lp_add_row(x->P, GLP_FX, x->NB[b], x->NB[b]);
		for (int g = 0; g <= ng; g++)
			if (x->colU[(size_t)g * nb + b])
				triplets_add(&x->t, r, x->colU[(size_t)g * nb + b], 1);
	}
}

/* y[f,k,b] per facilitator, staffing class and group, within the
 * facilitator's time per group and max_sessions. */
static void blp_facilitators(struct blp *x)
{
	const struct problem *p = x->p;
	int ng = p->n_goals, nb = x->nb;
	x->row_budget = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	char *can = xmalloc((size_t)x->n_staff + 1);
	char *guru = xmalloc((size_t)x->n_staff + 1);
	int *avail = xmalloc(sizeof(int) * ((size_t)nb + 1));
	x->colY = xcalloc((size_t)p->n_facilitators * (size_t)x->n_staff * (size_t)nb + 1,
			  sizeof(int));
	for (int f = 0; f < p->n_facilitators; f++) {
		const struct facilitator *fa = &p->facilitators[f];
		int rbudget = x->row_budget[f] = lp_add_row(x->P, GLP_UP, 0, fa->max_sessions);
		memset(can, 0, (size_t)x->n_staff + 1);
		memset(guru, 0, (size_t)x->n_staff + 1);
		for (int g = 0; g < ng; g++) {
			can[x->staff[g]] |= problem_goal_level(p, f, g) >= LEVEL_ABLE;
			guru[x->staff[g]] |= problem_goal_level(p, f, g) == LEVEL_GURU;
		}
		can[x->lab_staff] = 1;
		memset(avail, 0, sizeof(int) * ((size_t)nb + 1));
		for (int j = 0; j < x->n_blocks; j++)
			avail[x->grp[j]] += !fa->unavailable[x->blocks[j]];
		for (int b = 0; b < nb; b++) {
			if (!avail[b])
				continue;
			int rb = lp_add_row(x->P, GLP_UP, 0, avail[b]);
			NOTE_LP(x->rows, row_time, f * nb + b, rb);
			for (int k = 0; k < x->n_staff; k++) {
				if (!can[k])
					continue;
				int jy = lp_add_col(x->P, GLP_CV, 0, avail[b],
						    guru[k] ? p->config.w_guru : 0);
				x->colY[((size_t)f * x->n_staff + k) * nb + b] = jy;
				triplets_add(&x->t, rb, jy, 1);
				triplets_add(&x->t, rbudget, jy, 1);
				triplets_add(&x->t, x->row_staff[k * nb + b], jy, 1);
			}
		}
	}
	free(can);
	free(guru);
	free(avail);
}

/* Per group: its labs and workshops in whole sessions (the cover cuts of
 * bound_lp_seminar.c, seats in distinct learners: bound_lp_distinct.c). */
static void blp_cover(struct blp *x)
{
	const struct problem *p = x->p;
	int ng = p->n_goals, nb = x->nb;
	struct cover_block *blk = xmalloc(sizeof(*blk) * ((size_t)x->n_blocks + 1));
	int *other = xmalloc(sizeof(int) * ((size_t)ng + 1));
	for (int b = 0; b < nb; b++) {
		int n_other = 0, m = 0;
		for (int g = 0; g < ng; g++)
			if (x->colN[(size_t)g * nb + b])
				other[n_other++] = x->colN[(size_t)g * nb + b];
		for (int j = 0; j < x->n_blocks; j++)
			if (x->grp[j] == b)
				blk[m++] = bound_lp_workshop_cover(p, x->blocks[j], &x->colN[b], nb,
								   &x->Dmax[b]);
		bound_lp_cover_cuts(x->P, &x->t, blk, m, &x->colN[(size_t)ng * nb + b], 1, other,
				    n_other);
		for (int i = 0; i < m; i++)
			bound_lp_cover_free(&blk[i]);
	}
	free(blk);
	free(other);
}

/* One learner's rows: its time, its workshop time (with seminar blocks),
 * the power-goal row (made with the first priority-1 need), the daily
 * row(s). */
struct learner_rows {
	int time, ws, pi, day;
	int fac;            /* facilitated sessions within the blocks not pinned
			     * elsewhere, 0 when no pin takes one */
	int sem;            /* seminar-block time not pinned to a lab, or 0 */
	int avail, avail_sem;
	int day_ws;         /* the daily row without sessions (seminar blocks),
			     * or 0 */
	int ws_days;        /* T_l: the most days l's workshop sessions cover */
	int days;           /* D_l, delta's upper bound */
};

/* delta: the days covered are at most the facilitated sessions and
 * seminar meetings; per day with per-learner rows and no seminar blocks. */
static void blp_learner_days(struct blp *x, int l, struct learner_rows *r)
{
	const struct problem *p = x->p;
	double w = p->config.w_daily;
	int days = w > 0 ? bound_simple_learner_days(p, l) : 0;
	if (x->pl.day)
		memset(x->pl.day, 0, sizeof(int) * (size_t)p->n_days);
	if (days && x->per_learner && !x->n_sem) {
		for (int d = 0; d < p->n_days; d++)
			for (int j = 0; j < x->n_blocks && !x->pl.day[d]; j++)
				if (p->blocks[x->blocks[j]].day_index == d &&
				    !p->learners[l].unavailable[x->blocks[j]]) {
					x->pl.day[d] = lp_add_row(x->P, GLP_UP, 0, 0);
					triplets_add(&x->t, x->pl.day[d],
						     lp_add_col(x->P, GLP_CV, 0, 1, w), 1);
				}
	} else if (days) {
		r->day = lp_add_row(x->P, GLP_UP, 0, 0);
		int jd = lp_add_col(x->P, GLP_CV, 0, days, w);
		triplets_add(&x->t, r->day, jd, 1);
		r->days = days;
		if (x->n_sem && r->ws_days < days) {   /* no seminar: T_l days at most */
			r->day_ws = lp_add_row(x->P, GLP_UP, 0, r->ws_days);
			triplets_add(&x->t, r->day_ws, jd, 1);
		}
	}
}

/* e[c] for each eligible choice of l whose seminar fits its time. */
static void blp_learner_choices(struct blp *x, int l, const struct learner_rows *r)
{
	const struct problem *p = x->p;
	int rchoices = 0, dsem = bound_simple_learner_days_in(p, l, x->sem_blocks, x->n_sem);
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1] && x->n_sem; c++) {
		int s = p->choices[c].seminar;
		int m = p->seminars[s].meetings;
		if (!p->choices[c].eligible || !x->sp.row_max[s] || m > r->avail_sem)
			continue;
		if (!rchoices)
			rchoices = lp_add_row(x->P, GLP_UP, 0, p->config.seminars_per_learner);
		int je = lp_add_col(x->P, GLP_CV, x->sem_pinned[c], 1,
				    problem_choice_weight(p, &p->choices[c]));
		triplets_add(&x->t, rchoices, je, 1);
		if (r->sem)
			triplets_add(&x->t, r->sem, je, m);
		triplets_add(&x->t, x->sp.row_max[s], je, 1);
		triplets_add(&x->t, x->sp.row_min[s], je, 1);
		triplets_add(&x->t, r->time, je, m);
		triplets_add(&x->t, x->row_lab_credit, je, m);
		triplets_add(&x->t, x->sp.row_lab_need, je, m);
		triplets_add(&x->t, x->sp.row_meet_seats, je, m);
		int md = m < dsem ? m : dsem;
		if (r->day)   /* m meetings cover at most dsem days */
			triplets_add(&x->t, r->day, je, -md);
		if (r->day_ws)   /* a seminar adds at most D_l - T_l days to T_l */
			triplets_add(&x->t, r->day_ws, je,
				     -(md < r->days - r->ws_days ? md : r->days - r->ws_days));
	}
}

/* t[q] (facilitated) or o[q] (online) for one ready need q of l. */
static void blp_need(struct blp *x, int l, int q, struct learner_rows *r)
{
	const struct problem *p = x->p;
	const struct need *nd = &p->needs[q];
	int nb = x->nb, jt;
	double w = problem_need_weight(p, nd);
	if (p->goals[nd->goal].mode == GOAL_ONLINE) {
		int ub = nd->sessions < r->avail ? nd->sessions : r->avail;
		jt = lp_add_col(x->P, GLP_CV, 0, ub, w);
		triplets_add(&x->t, x->row_lab_credit, jt, 1);
	} else {
		int rlink = lp_add_row(x->P, GLP_UP, 0, 0);
		x->link[++x->n_link] = rlink;
		int nbq = 0, pinned = 0;
		const int *lpin = x->lpin + (long)l * x->n_blocks;
		for (int j = 0; j < x->n_blocks; j++) {
			int b = x->grp[j];
			size_t i = (size_t)nd->goal * nb + b;
			if (!bound_lp_need_block(x, l, q, j))
				continue;
			pinned += lpin[j] == nd->goal;
			if (x->seen[b] != q + 1)   /* once per group */
				triplets_add(&x->t, rlink, x->colN[i], -1);
			x->seen[b] = q + 1;
			nbq++;
		}
		int ub = nd->sessions < nbq ? nd->sessions : nbq;
		x->demand[nd->goal] += ub;
		jt = lp_add_col(x->P, GLP_CV, pinned < ub ? pinned : ub, ub, w);
		if (r->fac)
			triplets_add(&x->t, r->fac, jt, 1);
		triplets_add(&x->t, rlink, jt, 1);
		triplets_add(&x->t, x->row_flow[nd->goal], jt, 1);
		if (r->day)
			triplets_add(&x->t, r->day, jt, -1);
		if (r->ws != r->time)
			triplets_add(&x->t, r->ws, jt, 1);
		if (x->per_learner)
			bound_lp_add_seats(x->P, &x->t, &x->pl, jt, nd->goal, l, x->colN, x->colU);
	}
	triplets_add(&x->t, r->time, jt, 1);
	if (nd->priority == 1) {
		if (r->pi < 0) {
			r->pi = lp_add_row(x->P, GLP_UP, 0, 0);
			triplets_add(&x->t, r->pi,
				     lp_add_col(x->P, GLP_CV, 0, 1, p->config.w_power_goal), 1);
		}
		triplets_add(&x->t, r->pi, jt, -1);
	}
}

/* Learner l's part of the LP: time rows, days, choices, the per-learner
 * lab rows, and its ready needs. */
static void blp_learner(struct blp *x, int l)
{
	const struct problem *p = x->p;
	struct learner_rows r = { .pi = -1 };
	int avail_ws = bound_simple_learner_avail(p, l, x->blocks, x->n_blocks);
	r.avail_sem = bound_simple_learner_avail(p, l, x->sem_blocks, x->n_sem);
	r.avail = avail_ws + r.avail_sem;
	if (r.avail == 0)
		return;
	x->sp.seats += r.avail_sem;
	r.time = lp_add_row(x->P, GLP_UP, 0, r.avail);
	r.ws = x->n_sem ? lp_add_row(x->P, GLP_UP, 0, avail_ws) : r.time;
	/* blocks pinned to a lab, or to a goal the LP gives l no value for */
	int taken = 0;
	const int *lpin = x->lpin + (long)l * x->n_blocks;
	for (int j = 0; j < x->n_blocks; j++)
		taken += lpin[j] == p->n_goals || (lpin[j] >= 0 && !bound_lp_ready_need(p, l, lpin[j]));
	if (taken)
		r.fac = lp_add_row(x->P, GLP_UP, 0, avail_ws - taken > 0 ? avail_ws - taken : 0);
	if (x->n_sem && x->sem_lab[l])
		r.sem = lp_add_row(x->P, GLP_UP, 0,
				   r.avail_sem - x->sem_lab[l] > 0 ? r.avail_sem - x->sem_lab[l] : 0);
	x->pl.lpin = lpin;
	if (x->n_sem)
		r.ws_days = bound_lp_ws_days(x, l);
	blp_learner_days(x, l, &r);
	blp_learner_choices(x, l, &r);
	for (int j = 0; j < x->n_blocks && x->per_learner; j++) {
		x->pl.one[j] = 0;
		x->pl.lab[j] = 0;
		if (p->learners[l].unavailable[x->blocks[j]])
			continue;
		/* in the lab only where one runs */
		x->pl.lab[j] = lp_add_row(x->P, GLP_LO, 1, 0);
		triplets_add(&x->t, x->pl.lab[j], x->colN[(size_t)p->n_goals * x->nb + j], 1);
	}
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].ready)
			blp_need(x, l, q, &r);
}

/* Per goal over the cycle: its sessions seat at most its demand. */
static void blp_rounding_cuts(struct blp *x)
{
	const struct problem *p = x->p;
	int *cut_u = xmalloc(sizeof(int) * ((size_t)x->nb + 1));
	int *cut_n = xmalloc(sizeof(int) * ((size_t)x->nb + 1));
	for (int g = 0; g < p->n_goals; g++) {
		if (p->goals[g].mode != GOAL_FACILITATED)
			continue;
		int k = 0;
		for (int b = 0; b < x->nb; b++) {
			size_t i = (size_t)g * x->nb + b;
			if (x->colN[i]) {
				cut_u[k] = x->colU[i];
				cut_n[k++] = x->colN[i];
			}
		}
		if (k)
			add_rounding_cut(x->P, &x->t, cut_u, cut_n, k, p->goals[g].max_group,
					 x->demand[g]);
	}
	free(cut_u);
	free(cut_n);
}

static void blp_release(struct blp *x)
{
	glp_delete_prob(x->P);
	free(x->grp);
	free(x->rep);
	free(x->room_class);
	free(x->class_proto);
	free(x->count);
	free(x->staff);
	free(x->colN);
	free(x->colU);
	free(x->D);
	free(x->Dmax);
	free(x->NB);
	free(x->demand);
	free(x->row_staff);
	free(x->row_flow);
	free(x->row_rooms);
	free(x->row_seats);
	free(x->row_feat);
	free(x->row_budget);
	free(x->seen);
	free(x->link);
	free(x->colY);
	free(x->colR);
	free(x->wpos);
	free(x->lpin);
	free(x->sem_pinned);
	free(x->sem_lab);
	free(x->pl.one);
	free(x->pl.lab);
	free(x->pl.seats);
	free(x->pl.day);
	free(x->sp.row_max);
	free(x->sp.row_min);
	free(x->sp.row_time);
}

/* Builds the whole LP (see the top of the file) into x->P. */
static void blp_build(struct blp *x)
{
	const struct problem *p = x->p;
	x->P = glp_create_prob();
	glp_set_obj_dir(x->P, GLP_MAX);
	blp_rooms_and_groups(x);
	blp_staff_and_learners(x);
	blp_block_rows(x);
	blp_goal_cols(x);
	blp_facilitators(x);
	blp_cover(x);
	bound_lp_pin_map(x);
	bound_lp_workshop_pins(x);
	if (x->n_sem) {
		bound_lp_seminar_part(x->P, &x->t, p, x->sem_blocks, x->n_sem, x->row_budget, &x->sp);
		bound_lp_seminar_pins(x->P, &x->t, p, x->sem_blocks, x->n_sem, &x->sp);
	}
	x->seen = xcalloc((size_t)x->nb + 1, sizeof(int));
	x->link = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	x->demand = xcalloc((size_t)p->n_goals + 1, sizeof(long));
	x->pl = (struct per_learner){ .p = p, .blocks = x->blocks, .n_blocks = x->n_blocks };
	if (x->per_learner) {
		x->pl.one = xcalloc((size_t)x->n_blocks + 1, sizeof(int));
		x->pl.lab = xcalloc((size_t)x->n_blocks + 1, sizeof(int));
		x->pl.seats = xcalloc(x->gb + 1, sizeof(int));
		x->pl.day = xcalloc((size_t)p->n_days + 1, sizeof(int));
	}
	for (int l = 0; l < p->n_learners; l++)
		blp_learner(x, l);
	blp_rounding_cuts(x);
	/* seminar blocks' time not in meetings is lab time */
	if (x->n_sem) {
		glp_set_row_bnds(x->P, x->row_lab_credit, GLP_UP, 0, (double)x->sp.seats);
		glp_set_row_bnds(x->P, x->sp.row_lab_need, GLP_LO, (double)x->sp.seats, 0);
	}
	triplets_load(&x->t, x->P);
}

double bound_lp_unlinked(const struct problem *p, const int *blocks, int n_blocks,
			 double seconds)
{
	struct blp x = { .p = p, .blocks = blocks, .n_blocks = n_blocks };
	blp_build(&x);
	struct unlinked un;
	unlinked_start(&(struct unlinked_lp){ x.P, x.link, x.n_link }, &un);
	if (un.best)
		child_wait(&un.ch, seconds);
	double b = unlinked_end(&un);
	blp_release(&x);
	return b;
}

void bound_lp_cycle_with(const struct problem *p, const int *blocks, int n_blocks,
			    const int *sem_blocks, int n_sem, bool per_learner, double seconds,
			    struct bound_lp_result *res)
{
	bound_lp_run(p, blocks, n_blocks, sem_blocks, n_sem, per_learner, seconds, BRANCH_SHARE, res, NULL);
}

void bound_lp_run(const struct problem *p, const int *blocks, int n_blocks,
		  const int *sem_blocks, int n_sem, bool per_learner, double seconds,
		  double branch_share, struct bound_lp_result *res, struct bound_lp_rows *rows)
{
	double t0 = mcl_now();
	memset(res, 0, sizeof(*res));
	res->simple_bound = bound_simple_cycle(p, blocks, n_blocks, sem_blocks, n_sem);
	res->bound = res->simple_bound;
	res->lp_bound = HUGE_VAL;
	struct blp x = { .p = p, .blocks = blocks, .n_blocks = n_blocks, .sem_blocks = sem_blocks,
			 .n_sem = n_sem, .per_learner = per_learner, .rows = rows };
	blp_build(&x);
	res->rows = glp_get_num_rows(x.P);
	res->cols = glp_get_num_cols(x.P);
	res->nonzeros = glp_get_num_nz(x.P);

	mip_note_size(&(struct lp_size){ res->rows, res->cols, res->nonzeros });
	/* the dual simplex where faster (see the top); the build's time counts */
	struct lp_bound_result lr;
	double primal_share = per_learner ? 1 : n_sem > 0 ? 0 : PRIMAL_SHARE;
	struct unlinked un = { .best = NULL };
	if (!per_learner && !n_sem)
		unlinked_start(&(struct unlinked_lp){ x.P, x.link, x.n_link }, &un);
	lp_bound_solve(x.P, seconds - (mcl_now() - t0), primal_share, 0, &lr);
	double first = unlinked_end(&un);
	/* from duals: valid whatever the tolerances, or the clock (lp_dual.h) */
	res->lp_bound = lr.bound < first ? lr.bound : first;
	if (res->lp_bound < res->bound) {
		res->bound = res->lp_bound;
		res->kind = lr.bound > first                ? BOUND_LP_UNLINKED
			    : lr.outcome == LP_BOUND_OPTIMAL ? BOUND_LP_OPTIMUM
							     : BOUND_LP_PRICES;
	}
	if (lr.outcome == LP_BOUND_OPTIMAL) {
		res->proven = true;
		if (rows) {   /* the LP's layout for rows->read (bound_lp_rows.h) */
			*rows = (struct bound_lp_rows){ rows->row_time, rows->row_room_class, x.P,
				x.nb, x.grp, x.room_class, x.staff, x.lab_staff, x.row_staff, x.row_rooms,
				x.row_seats, x.row_feat, x.row_budget, x.colN, x.n_sem ? x.sp.row_max : NULL,
				rows->read, rows->arg, { x.sp.row_lab_staff, x.sp.row_meetings,
				x.sp.row_lab_need, x.sp.row_meet_seats, x.n_sem ? x.sp.row_time : NULL } };
			rows->read(rows, rows->arg);
		}
		/* whole labs and sessions per group (bound_lp_whole.c) */
		double took = mcl_now() - t0, most = branch_share * (seconds - took);
		double lb = bound_lp_branch_whole(x.P, x.colN, p->n_goals, x.nb, lr.bound,
						  bound_lp_whole_seconds(took, most));
		res->lp_bound = lb < res->lp_bound ? lb : res->lp_bound;
		if (lb < res->bound) {
			res->bound = lb;
			res->kind = BOUND_LP_OPTIMUM;
		}
	}
	res->seconds = mcl_now() - t0;
	blp_release(&x);
}
