/*
 * power_goal_bound.c - the power-goal model's upper bound: the smallest of
 * three valid bounds on every schedule the contract allows in the model
 * (not only those the search writes).  Notation of power_goal_mip.c.
 *
 * 1. The simple bound: each learner's best option, plus the guru weight for
 *    every session a facilitator could lead (min(max_sessions, available
 *    blocks)); valid since learners' values add up and a facilitator leads
 *    one session a block.
 *
 * 2. The aggregated LP, small enough to finish on any school: the exact
 *    MIP's LP relaxation with a learner's group known by its goal only,
 *    not by its facilitator.  O_i as in power_goal_mip.c, less the goals no
 *    facilitator may lead i in (able in g, pg_leader_fits).
 *      x[i,o] in [0,1]           i's choice (goal of O_i, or the lab)
 *      a[k,g,b] in [0,1]         k leads a meeting of g in b (k able in g,
 *                                available in b; some member of g in b)
 *      r[g,c,b] in [0, cnt(c,b)] meetings of g in rooms of class c (g's
 *                                feature)
 *      z[c,b] in [0, cnt(c,b)]   labs in rooms of class c (lab feature)
 *      h[k,b] in [0,1]           k supervises a lab in b (k available)
 *    max sum v(i,o) x[i,o] + guru sum_{k guru in g} a[k,g,b]
 *      sum_o x[i,o] = 1                                  every learner
 *      sum_{i: b in A_i} x[i,g] <= sum_c e(g,c) r[g,c,b]  seats of g in b
 *      sum_c r[g,c,b] = sum_k a[k,g,b]                    one room each
 *      sum_k a[k,g,b] <= sum_{i: b in A_i} x[i,g]         no empty meeting
 *      sum_g r[g,c,b] + z[c,b] <= cnt(c,b)                rooms
 *      sum_{i: b in A_i} x[i,lab] <= sum_c e(lab,c) z[c,b]   lab seats
 *      sum_c z[c,b] <= sum_k h[k,b]                       lab supervisors
 *      (7') sum_g a[k,g,b] + h[k,b] <= 1                  one session a block
 *      (8') sum_{g,b} a[k,g,b] + sum_b h[k,b] <= max_sessions_k
 *    A contract schedule is a point of it: x its choices, a, r, z, h its
 *    meetings, their rooms, its labs and their supervisors (a group meets
 *    in every block of its members, with a facilitator able in g and
 *    available, at most max_g and the room's seats attending).  Its size
 *    has no factor learners x facilitators.
 *
 *    Solved first with the blocks merged (2m): every row of a block summed
 *    over the cycle's blocks, each column the sum of its blocks' (bounds
 *    summed too), a learner counted once per block they are in, and the
 *    meeting rows summed, |A_i| s[g,P] <= N[g] for N[g] = sum_b N[g,b]:
 *    a relaxation of (2), since every row of (2m) is a sum of rows of (2)
 *    (a schedule's point of (2), summed, is one of (2m)).  Its sums (the
 *    cycle's meetings, labs, supervisors, N[g]) are whole in a schedule.
 *    Summing learners of one pattern into one column (agg_carry) makes
 *    both LPs smaller still, without changing their optimum.
 *
 * 3. The exact MIP's LP relaxation (pg_relaxation), tighter but with a
 *    column per learner, goal and facilitator: built when it has at most
 *    PG_BOUND_COLUMNS of them, solved within the time left.
 *
 * Each LP's bound is its dual bound (lp_dual.h), valid for any row prices,
 * so also when the simplex stops early.  An LP solved to optimality is then
 * tightened by branching (lp_branch.h) on quantities that are whole in
 * every schedule: per block the meetings, the labs and their supervisors,
 * then single meetings.  This closes the LP's typical gap, a facilitator
 * split between a group and a lab in one block: 0.6 of a group of 8 and
 * 0.4 of a lab of 16 seat as many as a whole lab, yet put 5 learners in a
 * group.
 */
#include <float.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/lp_branch.h"
#include "models/lp_build.h"
#include "models/glpk_run.h"
#include "models/lp_dual.h"
#include "models/power_goal_mip.h"

#define PG_BOUND_COLUMNS 20000      /* most x columns the exact MIP's LP takes */
#define PG_BRANCH_NODES 4000        /* most LPs a branching solves */

/* Each learner's best option, and every facilitator-block a guru session. */
static double simple_bound(const struct problem *p, const struct pg_options *o)
{
	double bound = 0;
	for (int i = 0; i < o->n; i++) {
		double best = 0;
		for (int op = o->start[i]; op < o->start[i + 1]; op++)
			best = o->value[op] > best ? o->value[op] : best;
		bound += best;
	}
	for (int k = 0; k < p->n_facilitators; k++) {
		int free_blocks = 0;
		for (int j = 0; j < o->nb; j++)
			free_blocks += !p->facilitators[k].unavailable[o->blocks[j]];
		if (free_blocks > p->facilitators[k].max_sessions)
			free_blocks = p->facilitators[k].max_sessions;
		bound += p->config.w_guru * free_blocks;
	}
	return bound;
}

struct agg {
	const struct problem *p;
	const struct pg_options *o;
	glp_prob *P;
	struct triplets t;
	int nc;
	struct pg_class *cls;
	int nt, *part_of;           /* [nb]: the part of the cycle block j is in */
	int *row_busy;              /* [nt]: the part's staff row */
	int row_ms;                 /* the cycle's sessions row */
	int *col_n;                 /* [n_goals * nt]: N[g,t], or 0 */
	int *col_x;                 /* [options]: 0 for a goal no one may lead i in */
	int *pattern, np;           /* [n]: i's availability pattern (pg_patterns) */
	int *carrier;               /* [options]: the column the block rows take */
	char *lead;                 /* [options]: whether its carrier goes in them */
	int *goal_start, *goal_opt; /* goal g's options: goal_opt[goal_start[g]..] */
	int *opt_learner;           /* [options] */
	struct lp_int *ints;
	int n_ints;
};

/* How many blocks of part t learner i is available in. */
static int in_part(const struct agg *a, int i, int t)
{
	int n = 0;
	for (int j = 0; j < a->o->nb; j++)
		n += a->part_of[j] == t &&
		     !a->p->learners[a->o->learners[i]].unavailable[a->o->blocks[j]];
	return n;
}

/* Facilitators of part t's blocks, summed over them: those available
 * (level -1), or able in goal g (LEVEL_ABLE), or gurus of g. */
static int staff_of(const struct agg *a, int t, int g, int level)
{
	const struct problem *p = a->p;
	int n = 0;
	for (int j = 0; j < a->o->nb; j++)
		for (int k = 0; a->part_of[j] == t && k < p->n_facilitators; k++)
			n += !p->facilitators[k].unavailable[a->o->blocks[j]] &&
			     (level < 0 || (level == LEVEL_GURU ? (int)problem_goal_level(p, k, g) == level
							       : (int)problem_goal_level(p, k, g) >= level));
	return n;
}

/* Rooms of class c in part t's blocks, summed over them. */
static int rooms_of(const struct agg *a, int c, int t)
{
	int n = 0;
	for (int j = 0; j < a->o->nb; j++)
		n += a->part_of[j] == t ? a->cls[c].count[j] : 0;
	return n;
}

static int seats(int cap, int max_group)
{
	return cap < max_group ? cap : max_group;
}

/* The x columns and rows (1). */
static void agg_choices(struct agg *a)
{
	const struct problem *p = a->p;
	const struct pg_options *o = a->o;
	a->col_x = xcalloc((size_t)o->start[o->n] + 1, sizeof(int));
	for (int i = 0; i < o->n; i++) {
		int r1 = lp_add_row(a->P, GLP_FX, 1, 1);
		for (int op = o->start[i]; op < o->start[i + 1]; op++) {
			int g = o->goal[op];
			bool led = g == PG_LAB;
			for (int k = 0; !led && k < p->n_facilitators; k++)
				led = problem_goal_level(p, k, g) >= LEVEL_ABLE &&
				      pg_leader_fits(p, o, k, i);
			if (!led)
				continue;
			a->col_x[op] = lp_add_col(a->P, GLP_CV, 0, 1, o->value[op]);
			triplets_add(&a->t, r1, a->col_x[op], 1);
		}
	}
}

/* Options ops[0..n-1] (one goal, or the lab) by pattern: the options of a
 * pattern shared by two or more learners get one column X = their sum
 * (row sum x - X = 0) that stands for them in every block row, so that
 * each x is in one such row instead of one per block (15 on the
 * generated schools): the same LP, with far fewer non-zeros. */
static void agg_carry(struct agg *a, const int *ops, int n, int *count, int *col)
{
	for (int e = 0; e < n; e++)
		if (a->col_x[ops[e]])
			count[a->pattern[a->opt_learner[ops[e]]]]++;
	for (int e = 0; e < n; e++) {
		int op = ops[e], q = a->pattern[a->opt_learner[op]];
		if (!a->col_x[op])
			continue;
		a->carrier[op] = a->col_x[op];
		a->lead[op] = count[q] < 2 || !col[q];
		if (count[q] < 2)
			continue;
		if (!col[q]) {
			col[q] = lp_add_col(a->P, GLP_CV, 0, count[q], 0);
			col[q + a->np] = lp_add_row(a->P, GLP_FX, 0, 0);
			triplets_add(&a->t, col[q + a->np], col[q], -1);
		}
		a->carrier[op] = col[q];
		triplets_add(&a->t, col[q + a->np], a->col_x[op], 1);
	}
	for (int e = 0; e < n; e++) {
		int q = a->pattern[a->opt_learner[ops[e]]];
		count[q] = col[q] = col[q + a->np] = 0;
	}
}

/* The carriers of every goal's options and of the lab's (agg_carry). */
static void agg_carriers(struct agg *a)
{
	const struct pg_options *o = a->o;
	int no = o->start[o->n];
	a->pattern = xmalloc(sizeof(int) * ((size_t)o->n + 1));
	a->np = pg_patterns(a->p, o, a->pattern);
	a->carrier = xcalloc((size_t)no + 1, sizeof(int));
	a->lead = xcalloc((size_t)no + 1, 1);
	int *count = xcalloc((size_t)a->np + 1, sizeof(int));
	int *col = xcalloc(2 * (size_t)a->np + 1, sizeof(int));
	for (int g = 0; g < a->p->n_goals; g++)
		agg_carry(a, a->goal_opt + a->goal_start[g], a->goal_start[g + 1] - a->goal_start[g],
			  count, col);
	int *labs = xmalloc(sizeof(int) * ((size_t)o->n + 1));
	for (int i = 0; i < o->n; i++)
		labs[i] = o->start[i + 1] - 1;
	agg_carry(a, labs, o->n, count, col);
	free(labs);
	free(count);
	free(col);
}

/* Goal g's columns and rows in part t: the meetings N[g,t], made of a
 * meeting a[k,g,b] per facilitator k able in g and available in b (each in
 * the rows (7') and (8')), in the part's meetings row, with their rooms
 * (rows room_row[c]); a learner counts once per block of t they are in. */
static void agg_goal_block(struct agg *a, int g, int t, const int *room_row, int meetings)
{
	const struct problem *p = a->p;
	int nt = a->nt, members = 0;
	for (int e = a->goal_start[g]; e < a->goal_start[g + 1]; e++)
		members += a->col_x[a->goal_opt[e]] && in_part(a, a->opt_learner[a->goal_opt[e]], t);
	if (!members)
		return;             /* no meeting of g in t */
	int able = staff_of(a, t, g, LEVEL_ABLE);
	int n = a->col_n[g * nt + t] = lp_add_col(a->P, GLP_CV, 0, able, 0);
	a->ints[a->n_ints++] = (struct lp_int){ 0, n, 1 };
	int seat = lp_add_row(a->P, GLP_UP, 0, 0), used = lp_add_row(a->P, GLP_UP, 0, 0);
	for (int e = a->goal_start[g]; e < a->goal_start[g + 1]; e++) {
		int op = a->goal_opt[e];
		int times = a->col_x[op] && a->lead[op] ? in_part(a, a->opt_learner[op], t) : 0;
		if (times) {
			triplets_add(&a->t, seat, a->carrier[op], times);
			triplets_add(&a->t, used, a->carrier[op], -times);
		}
	}
	triplets_add(&a->t, used, n, 1);
	triplets_add(&a->t, meetings, n, 1);
	int of_g = lp_add_row(a->P, GLP_FX, 0, 0), one_room = lp_add_row(a->P, GLP_FX, 0, 0);
	triplets_add(&a->t, of_g, n, 1);
	triplets_add(&a->t, one_room, n, -1);
	int guru = staff_of(a, t, g, LEVEL_GURU);
	for (int part = 0; part < 2; part++) {
		/* the meetings led by gurus of g, and the others */
		int col = part ? lp_add_col(a->P, GLP_CV, 0, guru, p->config.w_guru)
			       : lp_add_col(a->P, GLP_CV, 0, able - guru, 0);
		triplets_add(&a->t, of_g, col, -1);
		triplets_add(&a->t, a->row_busy[t], col, 1);
		triplets_add(&a->t, a->row_ms, col, 1);
	}
	for (int c = 0; c < a->nc; c++) {
		if (!room_row[c] || !problem_room_has(a->cls[c].proto, p->goals[g].feature))
			continue;
		int r = lp_add_col(a->P, GLP_CV, 0, rooms_of(a, c, t), 0);
		triplets_add(&a->t, seat, r, -seats(a->cls[c].cap, p->goals[g].max_group));
		triplets_add(&a->t, one_room, r, 1);
		triplets_add(&a->t, room_row[c], r, 1);
	}
}

/* The rows that tie a learner's choice of g to a meeting of g in each of
 * their blocks, x[i,g] <= N[g,b] for b in A_i, written through one column
 * s[g,P] per availability pattern P: x[i,g] <= s[g,P] <= N[g,b], b in P;
 * summed over a part's blocks, |P in t| s[g,P] <= N[g,t]. */
static void agg_meet_rows(struct agg *a)
{
	int nt = a->nt;
	int *pattern = a->pattern, np = a->np;
	int *col_s = xcalloc((size_t)np + 1, sizeof(int));
	for (int g = 0; g < a->p->n_goals; g++) {
		for (int e = a->goal_start[g]; e < a->goal_start[g + 1]; e++) {
			int op = a->goal_opt[e], i = a->opt_learner[op], *s = &col_s[pattern[i]];
			if (!a->col_x[op])
				continue;
			if (!*s) {
				*s = lp_add_col(a->P, GLP_CV, 0, 1, 0);
				for (int t = 0; t < nt; t++) {
					int times = in_part(a, i, t);
					if (!times)
						continue;
					int r = lp_add_row(a->P, GLP_UP, 0, 0);
					triplets_add(&a->t, r, *s, times);
					if (a->col_n[g * nt + t])
						triplets_add(&a->t, r, a->col_n[g * nt + t], -1);
				}
			}
			int r = lp_add_row(a->P, GLP_UP, 0, 0);
			triplets_add(&a->t, r, a->col_x[op], 1);
			triplets_add(&a->t, r, *s, -1);
		}
		for (int e = a->goal_start[g]; e < a->goal_start[g + 1]; e++)
			col_s[pattern[a->opt_learner[a->goal_opt[e]]]] = 0;
	}
	free(col_s);
}

/* Part t's rows (7') and labs; its goals' meetings. */
static void agg_block(struct agg *a, int t)
{
	const struct problem *p = a->p;
	const struct pg_options *o = a->o;
	int *room_row = xcalloc((size_t)a->nc + 1, sizeof(int));
	for (int c = 0; c < a->nc; c++)
		if (rooms_of(a, c, t))
			room_row[c] = lp_add_row(a->P, GLP_UP, 0, rooms_of(a, c, t));
	int meetings = lp_add_row(a->P, GLP_FR, 0, 0), labs = lp_add_row(a->P, GLP_FR, 0, 0);
	int supervisors = lp_add_row(a->P, GLP_FR, 0, 0);
	int lab_seats = lp_add_row(a->P, GLP_UP, 0, 0), sup = lp_add_row(a->P, GLP_UP, 0, 0);
	int staff = staff_of(a, t, 0, -1);
	int busy = a->row_busy[t] = lp_add_row(a->P, GLP_UP, 0, staff);
	int h = lp_add_col(a->P, GLP_CV, 0, staff, 0);
	triplets_add(&a->t, busy, h, 1);
	triplets_add(&a->t, a->row_ms, h, 1);
	triplets_add(&a->t, sup, h, -1);
	triplets_add(&a->t, supervisors, h, 1);
	for (int g = 0; g < p->n_goals; g++)
		agg_goal_block(a, g, t, room_row, meetings);
	for (int i = 0; i < o->n; i++) {
		int op = o->start[i + 1] - 1, times = a->col_x[op] && a->lead[op] ? in_part(a, i, t) : 0;
		if (times)
			triplets_add(&a->t, lab_seats, a->carrier[op], times);
	}
	for (int c = 0; c < a->nc; c++) {
		if (!room_row[c] || !problem_room_has(a->cls[c].proto, p->lab_feature))
			continue;
		int z = lp_add_col(a->P, GLP_CV, 0, rooms_of(a, c, t), 0);
		triplets_add(&a->t, room_row[c], z, 1);
		triplets_add(&a->t, lab_seats, z, -seats(a->cls[c].cap, p->config.lab_max_group));
		triplets_add(&a->t, sup, z, 1);
		triplets_add(&a->t, labs, z, 1);
	}
	a->ints[a->n_ints++] = (struct lp_int){ meetings, 0, 0 };
	a->ints[a->n_ints++] = (struct lp_int){ labs, 0, 0 };
	a->ints[a->n_ints++] = (struct lp_int){ supervisors, 0, 0 };
	free(room_row);
}

/* The aggregated LP (2 at the top of the file), with its whole-valued
 * expressions in a->ints. */
static void agg_build(struct agg *a, const struct problem *p, const struct pg_options *o,
		      bool merged)
{
	memset(a, 0, sizeof(*a));
	a->p = p;
	a->o = o;
	a->P = glp_create_prob();
	glp_set_obj_dir(a->P, GLP_MAX);
	a->nc = pg_classes_build(p, o, &a->cls);
	a->nt = merged ? 1 : o->nb;
	a->part_of = xmalloc(sizeof(int) * ((size_t)o->nb + 1));
	for (int j = 0; j < o->nb; j++)
		a->part_of[j] = merged ? 0 : j;
	a->row_busy = xcalloc((size_t)a->nt + 1, sizeof(int));
	a->col_n = xcalloc((size_t)p->n_goals * a->nt + 1, sizeof(int));
	a->ints = xmalloc(sizeof(*a->ints) * ((size_t)a->nt * (p->n_goals + 3) + 1));
	pg_index_goals(p, o, &a->goal_start, &a->goal_opt, &a->opt_learner);
	agg_choices(a);
	agg_carriers(a);
	int sessions = 0;
	for (int k = 0; k < p->n_facilitators; k++) {
		const struct facilitator *f = &p->facilitators[k];
		int avail = 0;
		for (int j = 0; j < o->nb; j++)
			avail += !f->unavailable[o->blocks[j]];
		sessions += avail < f->max_sessions ? avail : f->max_sessions;
	}
	a->row_ms = lp_add_row(a->P, GLP_UP, 0, sessions);
	for (int t = 0; t < a->nt; t++)
		agg_block(a, t);
	agg_meet_rows(a);
	triplets_load(&a->t, a->P);
}

static void agg_free(struct agg *a)
{
	pg_classes_free(a->cls, a->nc);
	free(a->part_of);
	free(a->row_busy);
	free(a->col_n);
	free(a->col_x);
	free(a->pattern);
	free(a->carrier);
	free(a->lead);
	free(a->goal_start);
	free(a->goal_opt);
	free(a->opt_learner);
	free(a->ints);
	glp_delete_prob(a->P);
}

/* P's dual bound after a simplex stopped at deadline (mcl_now()), tightened
 * by branching on ints until branch_deadline when the LP reached its
 * optimum and its bound is above target. */
static double lp_bound(glp_prob *P, const struct lp_int *ints, int n_ints, double deadline,
		       double branch_deadline, double target, const char *what)
{
	double t0 = mcl_now();
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.meth = GLP_DUALP;
	parm.tm_lim = deadline - t0 > 0.1 ? (int)((deadline - t0) * 1000) : 100;
	lp_scale_quiet(P);     /* 3x faster on 300 learners */
	int rc = glp_simplex(P, &parm);
	double bound = HUGE_VAL;
	if (rc == 0 || rc == GLP_ETMLIM || rc == GLP_EITLIM)
		bound = lp_dual_bound(P);
	bool optimal = rc == 0 && glp_get_status(P) == GLP_OPT;
	mcl_log(LOG_VERBOSE, "power-goal bound, %s: %d rows, %d columns, simplex %d%s in %.1f s, "
		"dual bound %.3f", what, glp_get_num_rows(P), glp_get_num_cols(P), rc,
		optimal ? " (optimal)" : "", mcl_now() - t0, bound);
	if (!optimal || bound <= target || branch_deadline <= mcl_now())
		return bound;
	struct lp_branch_result res;
	t0 = mcl_now();
	lp_branch_bound(P, ints, n_ints, bound, target, branch_deadline - t0, PG_BRANCH_NODES, &res);
	mcl_log(LOG_VERBOSE, "power-goal bound, %s, branched: %d LPs (%d halves empty, %d leaves "
		"above the target) in %.1f s: %.3f -> %.3f", what, res.nodes, res.pruned, res.open,
		mcl_now() - t0, bound, res.bound);
	return res.bound;
}

double pg_bound(const struct problem *p, const struct pg_options *o, double seconds,
		double target)
{
	double t0 = mcl_now();
	double simple = simple_bound(p, o), bound = simple;
	long cols = pg_x_columns(p, o);
	bool full_too = cols <= PG_BOUND_COLUMNS;
	struct agg a;
	/* the blocks merged first: a few times smaller, it finishes where the
	 * per-block LP may not (a loaded machine, 1 500 learners) */
	agg_build(&a, p, o, true);
	double merged = lp_bound(a.P, a.ints, a.n_ints, t0 + 0.5 * seconds, t0 + 0.2 * seconds,
				 target, "aggregated LP, blocks merged");
	agg_free(&a);
	bound = merged < bound ? merged : bound;
	double agg = HUGE_VAL;
	if (bound > target && mcl_now() < t0 + seconds - 0.2) {
		/* it may run to the end: the exact MIP's LP, several times its
		 * size, would not finish where it did not; it branches until 0.6
		 * of the time when the exact MIP's LP follows, which needs 0.35 */
		agg_build(&a, p, o, false);
		double until = t0 + (full_too ? 0.6 : 1) * seconds;
		agg = lp_bound(a.P, a.ints, a.n_ints, t0 + seconds, until, target, "aggregated LP");
		agg_free(&a);
		bound = agg < bound ? agg : bound;
	}
	double full = HUGE_VAL;
	if (bound > target && full_too && mcl_now() < t0 + 0.65 * seconds) {
		struct lp_int *ints;
		int n_ints;
		glp_prob *P = pg_relaxation(p, o, &ints, &n_ints);
		full = lp_bound(P, ints, n_ints, t0 + seconds, t0 + seconds, target,
				"exact MIP's LP");
		free(ints);
		glp_delete_prob(P);
		bound = full < bound ? full : bound;
	}
	mcl_log(LOG_NORMAL, "power-goal bound %.1f: simple %.1f, aggregated LP %.1f (blocks merged "
		"%.1f), exact MIP's LP %.1f (%ld learner-goal-facilitator columns%s)", bound, simple,
		agg, merged, full, cols, full_too ? "" : ", too many to build");
	return bound;
}
