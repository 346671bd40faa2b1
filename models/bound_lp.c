/*
 * bound_lp.c - the aggregated LP that bounds a cycle (its workshop blocks,
 * its seminar blocks, or both) from above.
 *
 * It forgets which learner sits where in each block and keeps only totals,
 * with the inequalities that make such totals tight.  Sets: ready needs q =
 * (l, g) with sessions s_q, priority weight w_q; workshop blocks b; B_q the
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
 *        min_g N[g,b] <= u[g,b] <= max_g N[g,b]          group sizes
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
 * The rounding cut: goal g's sessions seat at most d_g = sum_{q of g}
 * min(s_q, |B_q|) learners in all and max_g each, and a schedule opens a
 * whole number of them, so with k_g = floor(d_g / max_g) and r_g = d_g -
 * k_g max_g the last, partial session seats only r_g (the convex hull of
 * U <= min(max_g K, d_g), K whole).  Measured on the 300-learner benchmark:
 * bound 190 548 -> 189 851; per-block versions of the cut changed nothing.
 *
 * m_k is the largest group of kind k: the largest max_group of a
 * facilitated goal for workshops, lab max_group for labs.  A session never
 * seats more than its room or its kind's largest group, so splitting the
 * rooms in use between workshops and labs is valid, and it stops the LP
 * from seating a 40-learner lab in the seats a 24-learner workshop leaves
 * empty in a 35-seat room.  Measured: bound 189 851 -> 188 172 on the
 * 300-learner benchmark school, 924 542 -> 918 599 on 1500 (LP 34 s -> 41 s
 * with the other core busy).  One room kind per distinct max_group gave
 * the same bound at 300 and a slower LP.
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
 *        sum_f h[f,s] = m_s n[s];  sum_s h[f,s] + lab[f] <= a_f
 *        and h, lab enter f's max_sessions row beside the workshop part
 *        sum_f lab[f] = sum_r zl[r];  sum_s m_s n[s] = sum_r zm[r]
 *        zl[r] + zm[r] <= a_r   (zl only in rooms with lab.feature)
 *        sum_r min(cap_r, lab max) zl[r] + sum_c m_s e[c] >= sum_l S_l
 *        sum_c m_s e[c] <= sum_r cap_r zm[r]
 *   and per learner the seminar-block time joins the rows above: the
 *   one-session-a-block row becomes sum_q t[q] + sum_q o[q] + sum_c m_s e[c]
 *   <= A_l + S_l (with sum_q t[q] <= A_l kept), the lab credit row gains
 *   the seminar-block time left for labs (sum_l S_l - sum_c m_s e[c]), and
 *   a day may be covered by a meeting: delta[l] <= sum t[q] + sum_c m_s e[c].
 * A schedule's sections, meetings, labs and rooms give a feasible point
 * with its objective, so the LP bounds the combined cycle as one problem,
 * not as a sum of two problems that share the facilitators.
 *
 * Every schedule gives a feasible point with the same objective (t the
 * counted sessions, u the seats, N the opened sessions, r the rooms they
 * use, y the staffing), so the LP optimum is an upper bound on the cycle's
 * optimum.  Rooms are otherwise pooled per block and kind (seats of the
 * rooms in use, rather than a room per session): a little looser than
 * per-session room sizes, but it keeps the LP to a few columns per goal and
 * block, which is what lets GLPK's simplex finish it in seconds at school
 * scale.
 *
 * Whole sessions per block do not tighten it.  Pricing the rows that tie
 * blocks together (need limits, max_sessions, lab credit, power goal, the
 * rounding cut) at this LP's duals and solving each block's period MIP
 * (period_mip.c) under those prices gave a Lagrangian bound of 188 298.6 on the
 * 300-learner benchmark school, the same as with each block's LP: each
 * block's MIP was whole at its root, and over twelve subgradient steps the
 * MIPs stayed within 0.1-4.5 of their LPs.  The gap to the schedule lies
 * in the ties between blocks, not inside one (docs/model.md).
 */
#include "bound_lp.h"

#include <float.h>
#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/lp_build.h"
#include "models/glpk_run.h"

int bound_lp_learner_days(const struct problem *p, int l)
{
	if (!problem_placeable(p, l))
		return 0;
	int n = 0;
	for (int d = 0; d < p->n_days; d++)
		for (int b = 0; b < p->n_blocks; b++)
			if (p->blocks[b].day_index == d && problem_block_scheduled(p, b) &&
			    !p->learners[l].unavailable[b]) {
				n++;
				break;
			}
	return n;
}

/* Blocks of list[0..n-1] where learner l is available. */
static int learner_avail(const struct problem *p, int l, const int *list, int n)
{
	int a = 0;
	for (int j = 0; j < n; j++)
		a += !p->learners[l].unavailable[list[j]];
	return a;
}

/* The choice weights of l's best `seminars_per_learner` eligible choices:
 * the heaviest, whatever their ranks (a learner enrols in distinct
 * seminars, one choice each). */
static double best_choices(const struct problem *p, int l)
{
	int n = p->choice_start[l + 1] - p->choice_start[l];
	char *used = xcalloc((size_t)n + 1, 1);
	double v = 0;
	for (int k = 0; k < p->config.seminars_per_learner; k++) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			const struct choice *ch = &p->choices[p->choice_start[l] + i];
			if (ch->eligible && !used[i] &&
			    (best < 0 || problem_choice_weight(p, ch) >
						 problem_choice_weight(p, &p->choices[p->choice_start[l] + best])))
				best = i;
		}
		if (best < 0)
			break;
		used[best] = 1;
		v += problem_choice_weight(p, &p->choices[p->choice_start[l] + best]);
	}
	free(used);
	return v;
}

/* The largest sum of at most k of learner l's ready need-sessions (each
 * need offers `sessions` sessions of its value), leaving out one session of
 * need skip (-1: none): heaviest first. */
static double heaviest_sessions(const struct problem *p, int l, int k, int skip)
{
	int n = p->need_start[l + 1] - p->need_start[l];
	int *left = xcalloc((size_t)n + 1, sizeof(int));
	for (int i = 0; i < n; i++) {
		const struct need *nd = &p->needs[p->need_start[l] + i];
		left[i] = nd->ready ? nd->sessions - (p->need_start[l] + i == skip) : 0;
	}
	double v = 0;
	while (k > 0) {
		int best = -1;
		for (int i = 0; i < n; i++)
			if (left[i] > 0 &&
			    (best < 0 || problem_need_weight(p, &p->needs[p->need_start[l] + i]) >
						 problem_need_weight(p, &p->needs[p->need_start[l] + best])))
				best = i;
		if (best < 0)
			break;
		int s = left[best] < k ? left[best] : k;
		v += s * problem_need_weight(p, &p->needs[p->need_start[l] + best]);
		left[best] -= s;
		k -= s;
	}
	free(left);
	return v;
}

/*
 * The most learner l's need-sessions can score in avail blocks, the power
 * goal included: the k heaviest sessions, or one session of the heaviest
 * ready priority-1 need (which earns the power goal) and the avail - 1
 * heaviest of the rest, whichever is more.  Any set of at most avail
 * sessions scores no more than one of the two, whatever the weights.
 */
double bound_lp_learner_needs(const struct problem *p, int l, int avail)
{
	if (avail <= 0)
		return 0;
	double best = heaviest_sessions(p, l, avail, -1);
	int p1 = -1;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && nd->priority == 1 && nd->sessions > 0 &&
		    (p1 < 0 || problem_need_weight(p, nd) > problem_need_weight(p, &p->needs[p1])))
			p1 = q;
	}
	if (p1 >= 0) {
		double with = problem_need_weight(p, &p->needs[p1]) + p->config.w_power_goal +
			      heaviest_sessions(p, l, avail - 1, p1);
		if (with > best)
			best = with;
	}
	return best;
}

double bound_lp_trivial(const struct problem *p, const int *blocks, int n_blocks,
			   const int *sem_blocks, int n_sem)
{
	const struct config *cf = &p->config;
	double v = 0;
	for (int l = 0; l < p->n_learners; l++) {
		int avail = learner_avail(p, l, blocks, n_blocks) +
			    learner_avail(p, l, sem_blocks, n_sem);
		v += bound_lp_learner_needs(p, l, avail);
		v += cf->w_daily * bound_lp_learner_days(p, l);
		v += n_sem ? best_choices(p, l) : 0;
	}
	for (int f = 0; f < p->n_facilitators; f++) {
		int avail = 0;
		for (int j = 0; j < n_blocks; j++)
			avail += !p->facilitators[f].unavailable[blocks[j]];
		for (int j = 0; j < n_sem; j++)
			avail += !p->facilitators[f].unavailable[sem_blocks[j]];
		v += cf->w_guru * (avail < p->facilitators[f].max_sessions
					   ? avail
					   : p->facilitators[f].max_sessions);
	}
	return v;
}

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

/* Per-learner rows, for small cycles (see the top of the file). */
#define PER_LEARNER_COLS 8000

/* Columns x[q,b] the per-learner rows would add. */
static long per_learner_cols(const struct problem *p, const int *blocks, int n_blocks)
{
	long n = 0;
	for (int l = 0; l < p->n_learners; l++)
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			for (int j = 0; j < n_blocks; j++)
				n += !p->learners[l].unavailable[blocks[j]] &&
				     problem_block_allows(p, blocks[j], nd->goal);
		}
	return n;
}

struct per_learner {
	const struct problem *p;
	const int *blocks;
	int n_blocks;
	int *one;      /* [n_blocks]: the learner's "one session" row, 0 before use */
	int *lab;      /* [n_blocks]: the learner's "in the lab only where one runs" row */
	int *seats;    /* [goal * nb + b]: u[g,b] = sum_q x[q,b], 0 before use */
	int *day;      /* [n_days]: the learner's "a day needs a session" row,
			* 0 when the day has no daily weight to earn, or NULL */
};

/* x[q,b] for need column jt (goal g, learner l) in every block b where it
 * can be met: t[q] = sum_b x[q,b], x enters l's rows in b and u[g,b].
 * Blocks are not merged here: the LP's block b is blocks[b]. */
static void add_seats(glp_prob *P, struct triplets *t, struct per_learner *pl, int jt, int g,
		      int l, const int *colN, const int *colU)
{
	int nb = pl->n_blocks;
	int rsum = lp_add_row(P, GLP_FX, 0, 0);
	triplets_add(t, rsum, jt, 1);
	for (int j = 0; j < nb; j++) {
		size_t i = (size_t)g * nb + j;
		if (pl->p->learners[l].unavailable[pl->blocks[j]] || !colN[i])
			continue;
		int jx = lp_add_col(P, GLP_CV, 0, 1, 0);
		triplets_add(t, rsum, jx, -1);
		if (!pl->one[j])
			pl->one[j] = lp_add_row(P, GLP_UP, 0, 1);
		triplets_add(t, pl->one[j], jx, 1);
		triplets_add(t, pl->lab[j], jx, 1);
		if (!pl->seats[i]) {
			pl->seats[i] = lp_add_row(P, GLP_FX, 0, 0);
			triplets_add(t, pl->seats[i], colU[i], -1);
		}
		triplets_add(t, pl->seats[i], jx, 1);
		int d = pl->p->blocks[pl->blocks[j]].day_index;
		if (pl->day && pl->day[d])
			triplets_add(t, pl->day[d], jx, -1);
	}
}

void bound_lp_cycle(const struct problem *p, const int *blocks, int n_blocks,
		       const int *sem_blocks, int n_sem, double seconds, struct bound_lp_result *res)
{
	bool per_learner = per_learner_cols(p, blocks, n_blocks) <= PER_LEARNER_COLS;
	bound_lp_cycle_with(p, blocks, n_blocks, sem_blocks, n_sem, per_learner, seconds, res);
}

/* Largest seminar section s's rooms can hold: its max_size, capped by the
 * largest room with its feature. */
static int seminar_cap(const struct problem *p, int s)
{
	int cap = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (problem_room_has(&p->rooms[r], p->seminars[s].feature) &&
		    p->rooms[r].capacity > cap)
			cap = p->rooms[r].capacity;
	return cap < p->seminars[s].max_size ? cap : p->seminars[s].max_size;
}

/* The seminar blocks' part of the LP (see the top of the file): sections,
 * facilitator meetings and labs, over the budget rows of the workshop part.
 * Fills sem->... for the per-learner columns added later. */
struct sem_part {
	int *row_max, *row_min;     /* [n_seminars] section seats */
	int row_lab_need;           /* lab seats need labs in rooms */
	int row_meet_seats;         /* meeting seats need meetings in rooms */
	long seats;                 /* sum over learners of seminar-block time */
};

static void seminar_part(glp_prob *P, struct triplets *t, const struct problem *p,
			 const int *sem_blocks, int n_sem, const int *row_budget,
			 struct sem_part *sp)
{
	const struct config *cf = &p->config;
	int ns = p->n_seminars, nf = p->n_facilitators;
	sp->row_max = xcalloc((size_t)ns + 1, sizeof(int));
	sp->row_min = xcalloc((size_t)ns + 1, sizeof(int));
	int *row_meet = xcalloc((size_t)ns + 1, sizeof(int));
	/* Rooms: labs[r] and meetings[r] in room r over the seminar blocks,
	 * each seating at most its capacity (labs: up to lab max_group). */
	int row_lab_staff = lp_add_row(P, GLP_FX, 0, 0);
	int row_meetings = lp_add_row(P, GLP_FX, 0, 0);
	sp->row_lab_need = lp_add_row(P, GLP_LO, 0, 0);     /* rhs set by the caller */
	sp->row_meet_seats = lp_add_row(P, GLP_UP, 0, 0);
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		int avail = 0;
		for (int j = 0; j < n_sem; j++)
			avail += !rm->unavailable[sem_blocks[j]];
		if (!avail)
			continue;
		int row_room = lp_add_row(P, GLP_UP, 0, avail);
		if (problem_room_has(rm, p->lab_feature)) {
			int cap = rm->capacity < cf->lab_max_group ? rm->capacity : cf->lab_max_group;
			int jl = lp_add_col(P, GLP_CV, 0, avail, 0);
			triplets_add(t, row_room, jl, 1);
			triplets_add(t, row_lab_staff, jl, -1);
			triplets_add(t, sp->row_lab_need, jl, cap);
		}
		int jm = lp_add_col(P, GLP_CV, 0, avail, 0);
		triplets_add(t, row_room, jm, 1);
		triplets_add(t, row_meetings, jm, -1);
		triplets_add(t, sp->row_meet_seats, jm, -rm->capacity);
	}
	for (int s = 0; s < ns; s++) {
		const struct seminar *sm = &p->seminars[s];
		int cap = seminar_cap(p, s);
		if (cap < sm->min_size || sm->meetings > n_sem)
			continue;
		int n = lp_add_col(P, GLP_CV, 0, sm->sections, 0);
		sp->row_max[s] = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, sp->row_max[s], n, -cap);
		sp->row_min[s] = lp_add_row(P, GLP_LO, 0, 0);
		triplets_add(t, sp->row_min[s], n, -sm->min_size);
		row_meet[s] = lp_add_row(P, GLP_FX, 0, 0);
		triplets_add(t, row_meet[s], n, -sm->meetings);
		triplets_add(t, row_meetings, n, sm->meetings);
	}
	for (int f = 0; f < nf; f++) {
		int avail = 0;
		for (int j = 0; j < n_sem; j++)
			avail += !p->facilitators[f].unavailable[sem_blocks[j]];
		if (!avail)
			continue;
		int row_time = lp_add_row(P, GLP_UP, 0, avail);
		int lab_f = lp_add_col(P, GLP_CV, 0, avail, 0);
		triplets_add(t, row_time, lab_f, 1);
		triplets_add(t, row_budget[f], lab_f, 1);
		triplets_add(t, row_lab_staff, lab_f, 1);
		for (int s = 0; s < ns; s++) {
			enum level lv = problem_seminar_level(p, f, s);
			if (!row_meet[s] || lv < LEVEL_ABLE)
				continue;
			int h = lp_add_col(P, GLP_CV, 0, avail, lv == LEVEL_GURU ? cf->w_guru : 0);
			triplets_add(t, row_time, h, 1);
			triplets_add(t, row_budget[f], h, 1);
			triplets_add(t, row_meet[s], h, 1);
		}
	}
	free(row_meet);
}

void bound_lp_cycle_with(const struct problem *p, const int *blocks, int n_blocks,
			    const int *sem_blocks, int n_sem, bool per_learner, double seconds,
			    struct bound_lp_result *res)
{
	const struct config *cf = &p->config;
	int ng = p->n_goals, nf = p->n_facilitators;
	double t0 = mcl_now();
	memset(res, 0, sizeof(*res));
	res->bound = bound_lp_trivial(p, blocks, n_blocks, sem_blocks, n_sem);

	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	struct triplets t = { 0 };

	/* Room classes: equal capped capacity and equal features. */
	int cap_max = cf->lab_max_group;
	for (int g = 0; g < ng; g++)
		if (p->goals[g].max_group > cap_max)
			cap_max = p->goals[g].max_group;
	int *room_class = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int *class_proto = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int n_classes = 0;
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		int cap = rm->capacity < cap_max ? rm->capacity : cap_max, c;
		for (c = 0; c < n_classes; c++) {
			const struct room *pr = &p->rooms[class_proto[c]];
			int pcap = pr->capacity < cap_max ? pr->capacity : cap_max;
			if (pcap != cap || pr->n_features != rm->n_features)
				continue;
			int same = 1;
			for (int i = 0; i < rm->n_features; i++)
				same &= problem_room_has(pr, rm->features[i]);
			if (same)
				break;
		}
		if (c == n_classes)
			class_proto[n_classes++] = r;
		room_class[r] = c;
	}
	/* Merged blocks: the LP's "block" index runs over groups. */
	int *grp = xmalloc(sizeof(int) * ((size_t)n_blocks + 1));
	int nb = merge_blocks(p, blocks, n_blocks, !per_learner, grp);
	int *rep = xmalloc(sizeof(int) * ((size_t)nb + 1));
	for (int j = n_blocks - 1; j >= 0; j--)
		rep[grp[j]] = blocks[j];
	int *count = xcalloc((size_t)n_classes * (size_t)nb + 1, sizeof(int));
	for (int r = 0; r < p->n_rooms; r++)
		for (int j = 0; j < n_blocks; j++)
			count[room_class[r] * nb + grp[j]] += !p->rooms[r].unavailable[blocks[j]];

	/* Staffing classes: goals with the same level for every facilitator.
	 * Slot ng is the lab (anyone). */
	int *staff = xmalloc(sizeof(int) * (size_t)(ng + 2));
	int *staff_proto = xmalloc(sizeof(int) * (size_t)(ng + 2));
	int n_staff = 0;
	for (int g = 0; g < ng; g++) {
		int k;
		for (k = 0; k < n_staff; k++) {
			int h = staff_proto[k], same = 1;
			for (int f = 0; f < nf && same; f++)
				same = problem_goal_level(p, f, g) == problem_goal_level(p, f, h);
			if (same)
				break;
		}
		if (k == n_staff)
			staff_proto[n_staff++] = g;
		staff[g] = k;
	}
	int lab_staff = n_staff++;

	/* Per (goal or lab, block): N, u, rows. Index ng = lab. */
	size_t gb = (size_t)(ng + 1) * (size_t)nb;
	int *colN = xcalloc(gb + 1, sizeof(int));
	int *colU = xcalloc(gb + 1, sizeof(int));
	int *D = xcalloc(gb + 1, sizeof(int));
	int *NB = xcalloc((size_t)nb + 1, sizeof(int));
	long *demand = xcalloc((size_t)ng + 1, sizeof(long));
	int *cut_u = xmalloc(sizeof(int) * (size_t)(n_blocks + 1));
	int *cut_n = xmalloc(sizeof(int) * (size_t)(n_blocks + 1));
	for (int l = 0; l < p->n_learners; l++)
		for (int j = 0; j < n_blocks; j++) {
			int b = grp[j];
			if (p->learners[l].unavailable[blocks[j]])
				continue;
			NB[b]++;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
				const struct need *nd = &p->needs[q];
				if (nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED)
					D[(size_t)nd->goal * nb + b]++;
			}
		}
	int *row_staff = xcalloc((size_t)n_staff * (size_t)nb + 1, sizeof(int));
	int *row_flow = xcalloc((size_t)ng + 2, sizeof(int));
	/* Per block and kind (0 workshops, 1 labs): sessions = rooms in use,
	 * seats <= their capacity up to the kind's largest group; per block
	 * and feature: sessions needing it <= rooms in use having it. */
	int ws_max = 0;
	for (int g = 0; g < ng; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group > ws_max)
			ws_max = p->goals[g].max_group;
	int kind_max[2] = { ws_max, cf->lab_max_group };
	int *row_rooms = xcalloc(2 * (size_t)nb + 1, sizeof(int));
	int *row_seats = xcalloc(2 * (size_t)nb + 1, sizeof(int));
	int *row_feat = xcalloc((size_t)(p->n_features + 1) * (size_t)nb + 1, sizeof(int));
	for (int b = 0; b < nb; b++) {
		for (int k = 0; k < n_staff; k++)
			row_staff[k * nb + b] = lp_add_row(P, GLP_FX, 0, 0);
		for (int kd = 0; kd < 2; kd++) {
			row_rooms[kd * nb + b] = lp_add_row(P, GLP_FX, 0, 0);
			row_seats[kd * nb + b] = lp_add_row(P, GLP_UP, 0, 0);
		}
		for (int ft = 0; ft < p->n_features; ft++)
			row_feat[ft * nb + b] = lp_add_row(P, GLP_UP, 0, 0);
		for (int c = 0; c < n_classes; c++) {
			if (count[c * nb + b] == 0)
				continue;
			const struct room *pr = &p->rooms[class_proto[c]];
			int rcount = lp_add_row(P, GLP_UP, 0, count[c * nb + b]);
			for (int kd = 0; kd < 2; kd++) {
				int cap = pr->capacity < kind_max[kd] ? pr->capacity : kind_max[kd];
				int jr = lp_add_col(P, GLP_CV, 0, count[c * nb + b], 0);
				triplets_add(&t, rcount, jr, 1);
				triplets_add(&t, row_rooms[kd * nb + b], jr, -1);
				triplets_add(&t, row_seats[kd * nb + b], jr, -cap);
				for (int i = 0; i < pr->n_features; i++)
					triplets_add(&t, row_feat[pr->features[i] * nb + b], jr, -1);
			}
		}
	}
	int row_lab_credit = lp_add_row(P, GLP_UP, 0, 0);
	for (int g = 0; g <= ng; g++) {
		bool lab = g == ng;
		if (!lab && p->goals[g].mode != GOAL_FACILITATED)
			continue;
		int gmin = lab ? 1 : p->goals[g].min_group;
		int gmax = lab ? cf->lab_max_group : p->goals[g].max_group;
		int feat = lab ? p->lab_feature : p->goals[g].feature;
		if (!lab)
			row_flow[g] = lp_add_row(P, GLP_FX, 0, 0);
		for (int b = 0; b < nb; b++) {
			if (!lab && (D[(size_t)g * nb + b] == 0 || !problem_block_allows(p, rep[b], g)))
				continue;
			size_t i = (size_t)g * nb + b;
			colN[i] = lp_add_col(P, GLP_CV, 0, DBL_MAX, 0);
			colU[i] = lp_add_col(P, GLP_CV, 0, lab ? DBL_MAX : D[i], 0);
			int rseat = lp_add_row(P, GLP_UP, 0, 0);
			int rmin = lp_add_row(P, GLP_LO, 0, 0);
			triplets_add(&t, rseat, colU[i], 1);
			triplets_add(&t, rseat, colN[i], -gmax);
			triplets_add(&t, rmin, colU[i], 1);
			triplets_add(&t, rmin, colN[i], -gmin);
			triplets_add(&t, row_staff[(lab ? lab_staff : staff[g]) * nb + b], colN[i], -1);
			triplets_add(&t, row_rooms[lab * nb + b], colN[i], 1);
			triplets_add(&t, row_seats[lab * nb + b], colU[i], 1);
			if (feat >= 0)
				triplets_add(&t, row_feat[feat * nb + b], colN[i], 1);
			if (lab)
				triplets_add(&t, row_lab_credit, colU[i], -1);
			else
				triplets_add(&t, row_flow[g], colU[i], -1);
		}
	}
	/* Everyone seated in every block. */
	for (int b = 0; b < nb; b++) {
		int r = lp_add_row(P, GLP_FX, NB[b], NB[b]);
		for (int g = 0; g <= ng; g++)
			if (colU[(size_t)g * nb + b])
				triplets_add(&t, r, colU[(size_t)g * nb + b], 1);
	}
	/* Facilitators. */
	int *row_budget = xcalloc((size_t)nf + 1, sizeof(int));
	for (int f = 0; f < nf; f++) {
		const struct facilitator *fa = &p->facilitators[f];
		int rbudget = row_budget[f] = lp_add_row(P, GLP_UP, 0, fa->max_sessions);
		char *can = xcalloc((size_t)n_staff + 1, 1);
		char *guru = xcalloc((size_t)n_staff + 1, 1);
		for (int g = 0; g < ng; g++) {
			can[staff[g]] |= problem_goal_level(p, f, g) >= LEVEL_ABLE;
			guru[staff[g]] |= problem_goal_level(p, f, g) == LEVEL_GURU;
		}
		can[lab_staff] = 1;
		int *avail = xcalloc((size_t)nb + 1, sizeof(int));
		for (int j = 0; j < n_blocks; j++)
			avail[grp[j]] += !fa->unavailable[blocks[j]];
		for (int b = 0; b < nb; b++) {
			if (!avail[b])
				continue;
			int rb = lp_add_row(P, GLP_UP, 0, avail[b]);
			for (int k = 0; k < n_staff; k++) {
				if (!can[k])
					continue;
				int jy = lp_add_col(P, GLP_CV, 0, avail[b], guru[k] ? cf->w_guru : 0);
				triplets_add(&t, rb, jy, 1);
				triplets_add(&t, rbudget, jy, 1);
				triplets_add(&t, row_staff[k * nb + b], jy, 1);
			}
		}
		free(can);
		free(guru);
		free(avail);
	}
	struct sem_part sp = { 0 };
	if (n_sem)
		seminar_part(P, &t, p, sem_blocks, n_sem, row_budget, &sp);
	/* Needs. */
	int *seen = xcalloc((size_t)nb + 1, sizeof(int));
	struct per_learner pl = { .p = p, .blocks = blocks, .n_blocks = n_blocks };
	if (per_learner) {
		pl.one = xcalloc((size_t)n_blocks + 1, sizeof(int));
		pl.lab = xcalloc((size_t)n_blocks + 1, sizeof(int));
		pl.seats = xcalloc(gb + 1, sizeof(int));
		pl.day = xcalloc((size_t)p->n_days + 1, sizeof(int));
	}
	for (int l = 0; l < p->n_learners; l++) {
		int avail_ws = learner_avail(p, l, blocks, n_blocks);
		int avail_sem = learner_avail(p, l, sem_blocks, n_sem);
		int avail = avail_ws + avail_sem;
		if (avail == 0)
			continue;
		sp.seats += avail_sem;
		int rtime = lp_add_row(P, GLP_UP, 0, avail);
		int rws = n_sem ? lp_add_row(P, GLP_UP, 0, avail_ws) : rtime;
		int rpi = -1;
		/* daily: the days covered are at most the facilitated sessions
		 * and seminar meetings */
		int days = cf->w_daily > 0 ? bound_lp_learner_days(p, l) : 0;
		int rday = 0;
		if (pl.day)
			memset(pl.day, 0, sizeof(int) * (size_t)p->n_days);
		if (days && per_learner && !n_sem) {
			/* per day: delta[l,d] <= the sessions x[q,b] of that day */
			for (int d = 0; d < p->n_days; d++) {
				for (int j = 0; j < n_blocks && !pl.day[d]; j++)
					if (p->blocks[blocks[j]].day_index == d &&
					    !p->learners[l].unavailable[blocks[j]]) {
						pl.day[d] = lp_add_row(P, GLP_UP, 0, 0);
						triplets_add(&t, pl.day[d],
							     lp_add_col(P, GLP_CV, 0, 1, cf->w_daily), 1);
					}
			}
		} else if (days) {
			rday = lp_add_row(P, GLP_UP, 0, 0);
			triplets_add(&t, rday, lp_add_col(P, GLP_CV, 0, days, cf->w_daily), 1);
		}
		int rchoices = 0;
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1] && n_sem; c++) {
			int s = p->choices[c].seminar;
			int m = p->seminars[s].meetings;
			if (!p->choices[c].eligible || !sp.row_max[s] || m > avail_sem)
				continue;
			if (!rchoices)
				rchoices = lp_add_row(P, GLP_UP, 0, cf->seminars_per_learner);
			int je = lp_add_col(P, GLP_CV, 0, 1, problem_choice_weight(p, &p->choices[c]));
			triplets_add(&t, rchoices, je, 1);
			triplets_add(&t, sp.row_max[s], je, 1);
			triplets_add(&t, sp.row_min[s], je, 1);
			triplets_add(&t, rtime, je, m);
			triplets_add(&t, row_lab_credit, je, m);
			triplets_add(&t, sp.row_lab_need, je, m);
			triplets_add(&t, sp.row_meet_seats, je, m);
			if (rday)
				triplets_add(&t, rday, je, -m);
		}
		if (per_learner)
			for (int j = 0; j < n_blocks; j++) {
				pl.one[j] = 0;
				pl.lab[j] = 0;
				if (p->learners[l].unavailable[blocks[j]])
					continue;
				/* in the lab only where one runs */
				pl.lab[j] = lp_add_row(P, GLP_LO, 1, 0);
				triplets_add(&t, pl.lab[j], colN[(size_t)ng * nb + j], 1);
			}
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready)
				continue;
			double w = problem_need_weight(p, nd);
			int jt;
			if (p->goals[nd->goal].mode == GOAL_ONLINE) {
				int ub = nd->sessions < avail ? nd->sessions : avail;
				jt = lp_add_col(P, GLP_CV, 0, ub, w);
				triplets_add(&t, row_lab_credit, jt, 1);
			} else {
				int rlink = lp_add_row(P, GLP_UP, 0, 0);
				int nbq = 0;
				for (int j = 0; j < n_blocks; j++) {
					int b = grp[j];
					size_t i = (size_t)nd->goal * nb + b;
					if (p->learners[l].unavailable[blocks[j]] || !colN[i])
						continue;
					if (seen[b] != q + 1)   /* once per group */
						triplets_add(&t, rlink, colN[i], -1);
					seen[b] = q + 1;
					nbq++;
				}
				int ub = nd->sessions < nbq ? nd->sessions : nbq;
				demand[nd->goal] += ub;
				jt = lp_add_col(P, GLP_CV, 0, ub, w);
				triplets_add(&t, rlink, jt, 1);
				triplets_add(&t, row_flow[nd->goal], jt, 1);
				if (rday)
					triplets_add(&t, rday, jt, -1);
				if (rws != rtime)
					triplets_add(&t, rws, jt, 1);
				if (per_learner)
					add_seats(P, &t, &pl, jt, nd->goal, l, colN, colU);
			}
			triplets_add(&t, rtime, jt, 1);
			if (nd->priority == 1) {
				if (rpi < 0) {
					rpi = lp_add_row(P, GLP_UP, 0, 0);
					int jp = lp_add_col(P, GLP_CV, 0, 1, cf->w_power_goal);
					triplets_add(&t, rpi, jp, 1);
				}
				triplets_add(&t, rpi, jt, -1);
			}
		}
	}
	/* Per goal over the cycle: its sessions seat at most its demand. */
	for (int g = 0; g < ng; g++) {
		if (p->goals[g].mode != GOAL_FACILITATED)
			continue;
		int k = 0;
		for (int b = 0; b < nb; b++) {
			size_t i = (size_t)g * nb + b;
			if (colN[i]) {
				cut_u[k] = colU[i];
				cut_n[k++] = colN[i];
			}
		}
		if (k)
			add_rounding_cut(P, &t, cut_u, cut_n, k, p->goals[g].max_group, demand[g]);
	}
	/* seminar blocks' time not in meetings is lab time */
	if (n_sem) {
		glp_set_row_bnds(P, row_lab_credit, GLP_UP, 0, (double)sp.seats);
		glp_set_row_bnds(P, sp.row_lab_need, GLP_LO, (double)sp.seats, 0);
	}
	triplets_load(&t, P);
	res->rows = glp_get_num_rows(P);
	res->cols = glp_get_num_cols(P);
	res->nonzeros = glp_get_num_nz(P);

	/* GLPK's presolver: faster on these large degenerate LPs from a cold
	 * start (bench/TUNING.md, "The bound LP"). */
	struct mip_params mp = { .seconds = seconds, .lp_only = true, .presolve = true };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	if (mr.outcome == MIP_OPTIMAL) {
		/* The simplex optimum up to its tolerances: pad by a hair so
		 * round-off cannot put the bound below the true LP value. */
		double lp = mr.bound + 1e-7 * (mr.bound > 0 ? mr.bound : -mr.bound) + 1e-6;
		if (lp < res->bound)
			res->bound = lp;
		res->proven = true;
	}
	res->seconds = mcl_now() - t0;

	glp_delete_prob(P);
	free(row_budget);
	free(sp.row_max);
	free(sp.row_min);
	free(room_class);
	free(class_proto);
	free(count);
	free(grp);
	free(seen);
	free(pl.one);
	free(pl.lab);
	free(pl.seats);
	free(pl.day);
	free(rep);
	free(staff);
	free(staff_proto);
	free(colN);
	free(colU);
	free(D);
	free(NB);
	free(demand);
	free(cut_u);
	free(cut_n);
	free(row_staff);
	free(row_flow);
	free(row_rooms);
	free(row_seats);
	free(row_feat);
}
