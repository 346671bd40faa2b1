/*
 * workshop.c - the workshop model: learners regroup around goals in every
 * workshop block of the cycle, labs for online goals and as the place every
 * learner not in a workshop is seated.
 *
 * The whole cycle as one MIP is out of GLPK's reach at school scale (the
 * solver notes measured that the root LP alone does not finish in 300 s at
 * 1500 learners), so the model is decomposed over blocks and keeps a proven
 * bound on the whole cycle beside it:
 *
 *   bound   relax.c: an aggregated LP of the whole cycle (need totals instead
 *           of per-block seats) that every schedule satisfies, so its optimum
 *           bounds the cycle's optimum from above.
 *   primal  one period MIP per block (period_mip.c), area-limited blocks first,
 *           then in time order, each valuing a learner's options by what
 *           they add given the sessions the other blocks already give them
 *           (a need-session while the need has sessions left, the lab credit
 *           of the next online need, the power goal bonus while the learner
 *           has no power-goal session elsewhere).  Then rounds of four
 *           neighbourhoods, each change kept only when it raises the
 *           cycle's objective, until a round finds nothing, the gap is met
 *           or time runs out:
 *             - a fix-and-optimise sweep: each block re-planned with
 *               every other block fixed (by branch-and-bound except on
 *               large schools, see sweep);
 *             - ruin-and-recreate moves: three random blocks cleared and
 *               planned again one after the other, which can move a need
 *               from one block to another (a sweep cannot: each of its
 *               blocks is already optimal given the rest), while they
 *               keep paying (see workshop_solve), then pairs of a
 *               lab-heavy and a lab-light block, the lab-heavy one first
 *               (balance_moves);
 *             - re-seating (reassign.c): every session held, the learners
 *               of random sets of blocks (the whole cycle on small
 *               schools) re-seated by one MIP, which finds chains of
 *               exchanges between learners and blocks; on large schools
 *               two sets at once, one in a second process (reseat_twin),
 *               first in each round, and only re-seating and sweeps run
 *               there (see workshop_solve);
 *             - re-goaling (reassign.c, not on large schools): the
 *               sessions of two random blocks may change goal, or turn
 *               from workshop to lab and back, keeping their facilitator
 *               and room, while their learners are re-seated: it moves a
 *               session of a goal from one block to another, which
 *               neither a sweep nor a re-seating can.
 *           At a local optimum (a round that finds nothing) the search
 *           goes back to its best schedule and kicks it: five random
 *           blocks cleared and planned again, kept whatever they score.
 *
 * The objective only rises, and the gap reported is against the
 * whole-cycle bound, never a block's own.
 */
#define _POSIX_C_SOURCE 200809L
#include <assert.h>
#include <float.h>
#include <limits.h>
#include <signal.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/progress.h"
#include "engine/util.h"
#include "models/precheck.h"
#include "models/child.h"
#include "models/cycle_mip.h"
#include "models/model.h"
#include "models/period_mip.h"
#include "models/reassign.h"
#include "models/relax.h"
#include "models/window.h"
#include "models/workshop.h"

#define NONE (-2)   /* plan entry: learner not seated by this model here */

/* Branch-and-bound nodes per block re-plan.  A node budget rather than a
 * time share keeps runs repeatable (same input, same schedule); about one
 * to three seconds per block on a 1500-learner cycle.  Time limits remain
 * as a safety net only.  Measured on the 1500-learner benchmark at 60 s:
 * 150 nodes 2.86% gap, 400 nodes 2.79%, 1000 nodes 2.93%. */
#define BLOCK_NODES 400

struct cycle {
	const struct problem *p;    /* what the search plans against: the
				     * problem, or a combination's view of it
				     * with the seminar blocks' facilitator
				     * time taken off max_sessions */
	const struct problem *whole; /* the problem the bound covers */
	const int *sem_blocks;      /* seminar blocks the bound covers too, */
	int n_sem;                  /* planned elsewhere (outside) */
	const struct solve_options *opt;
	int *blocks;                /* workshop blocks, time order */
	int n_blocks;
	bool *allowed;              /* [f * p->n_blocks + b] */
	int *plan;                  /* [l * p->n_blocks + b]: goal, PMIP_LAB or NONE */
	struct tally tl;            /* the cycle's counts, all blocks (objective.h):
				     * kept in step with plan and block_res by
				     * count_block, checked by cycle_consistent */
	const struct tally *outside; /* counts of blocks this model does not
				     * plan (a combination's seminar blocks),
				     * or NULL */
	struct pmip_result *block_res;  /* [p->n_blocks] groups per block */
	double bound;               /* whole-cycle bound for the gap test, set
				     * once awaited (0 before), so the test does
				     * not depend on when the bound arrived */
	double t0;
	double *slack;              /* [p->n_blocks]: a block's own bound less
				     * its plan's value, when last re-planned */
	double replan_cost;         /* seconds the last block re-plan without
				     * branching took: what any re-plan costs
				     * however short its time limit */
	const int *need_limit;      /* [n_needs]: sessions a need may reach in
				     * this process's half of a reseat_twin,
				     * or NULL: its own sessions */
	char *link_hint;            /* [n_learners * n_goals]: linking rows the
				     * last block's LP needed (pmip_input) */
};

/* Seconds left of the time limit. */
static double time_left(const struct cycle *cy)
{
	return cy->opt->time_limit - (mcl_now() - cy->t0);
}

/* Learners available in block b. */
static int block_learners(const struct problem *p, int b)
{
	int n = 0;
	for (int l = 0; l < p->n_learners; l++)
		n += !p->learners[l].unavailable[b];
	return n;
}

/* Adds (sign +1) or removes (-1) learner l's place g in block b (a goal,
 * PMIP_LAB or NONE) to or from the tally t. */
static void count_place(const struct problem *p, struct tally *t, int l, int b, int g, int sign)
{
	if (g == PMIP_LAB) {
		t->lab_cnt[l] += sign;
	} else if (g >= 0) {
		t->need_cnt[objective_need_of(p, l, g)] += sign;
		*tally_day(t, p, l, p->blocks[b].day_index) += sign;
	}
}

/* Guru-led workshop sessions among the groups of r. */
static int guru_groups(const struct problem *p, const struct pmip_result *r)
{
	int n = 0;
	for (int gi = 0; gi < r->n_groups; gi++)
		n += r->groups[gi].goal >= 0 &&
		     problem_goal_level(p, r->groups[gi].facilitator, r->groups[gi].goal) == LEVEL_GURU;
	return n;
}

/* Adds (sign +1) or removes (-1) block b's plan and groups from the tally:
 * every change to plan or block_res sits between a -1 and a +1. */
static void count_block(struct cycle *cy, int b, int sign)
{
	const struct problem *p = cy->p;
	for (int l = 0; l < p->n_learners; l++)
		count_place(p, &cy->tl, l, b, cy->plan[(long)l * p->n_blocks + b], sign);
	cy->tl.guru += sign * guru_groups(p, &cy->block_res[b]);
}

/* Whether the tally equals a recount of the plans and groups (on top of
 * the outside counts): the invariant count_block keeps.  Tests and debug
 * builds check it after moves. */
static bool cycle_consistent(const struct cycle *cy)
{
	const struct problem *p = cy->p;
	struct tally t;
	tally_init(&t, p);
	if (cy->outside)
		tally_copy(&t, cy->outside, p);
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		for (int l = 0; l < p->n_learners; l++)
			count_place(p, &t, l, b, cy->plan[(long)l * p->n_blocks + b], +1);
		t.guru += guru_groups(p, &cy->block_res[b]);
	}
	bool same = t.guru == cy->tl.guru &&
		    !memcmp(t.need_cnt, cy->tl.need_cnt, sizeof(int) * (size_t)p->n_needs) &&
		    !memcmp(t.lab_cnt, cy->tl.lab_cnt, sizeof(int) * (size_t)p->n_learners) &&
		    !memcmp(t.day_cnt, cy->tl.day_cnt,
			    sizeof(int) * (size_t)p->n_learners * (size_t)p->n_days);
	tally_release(&t);
	return same;
}

struct options {
	int n_learners;
	int *learners, *start, *goal;
	double *value;
	size_t n, alloc;
};

static void options_push(struct options *o, int goal, double value)
{
	if (o->n + 1 >= o->alloc) {
		size_t a = o->alloc;
		xgrow((void **)&o->goal, &a, o->n + 2, sizeof(int));
		a = o->alloc;
		xgrow((void **)&o->value, &o->alloc, o->n + 2, sizeof(double));
	}
	o->goal[o->n] = goal;
	o->value[o->n++] = value;
}

static void options_free(struct options *o)
{
	free(o->learners);
	free(o->start);
	free(o->goal);
	free(o->value);
}

/* What placing learner l at g in block b (unplaced there) adds to the
 * objective, everything else held: the objective's own difference. */
static double place_value(const struct cycle *cy, int l, int b, int g)
{
	struct tally *t = (struct tally *)&cy->tl;  /* restored before return */
	double before = objective_learner(cy->p, t, l);
	count_place(cy->p, t, l, b, g, +1);
	double v = objective_learner(cy->p, t, l) - before;
	count_place(cy->p, t, l, b, g, -1);
	return v;
}

/* What each learner available in b can do there, valued against the other
 * blocks (block b's own plan must be uncounted first). */
static void block_options(const struct cycle *cy, int b, struct options *o)
{
	const struct problem *p = cy->p;
	memset(o, 0, sizeof(*o));
	o->learners = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	o->start = xmalloc(sizeof(int) * (size_t)(p->n_learners + 2));
	for (int l = 0; l < p->n_learners; l++) {
		if (p->learners[l].unavailable[b])
			continue;
		o->start[o->n_learners] = (int)o->n;
		o->learners[o->n_learners++] = l;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED ||
			    cy->tl.need_cnt[q] >= nd->sessions || !problem_block_allows(p, b, nd->goal))
				continue;
			options_push(o, nd->goal, place_value(cy, l, b, nd->goal));
		}
		options_push(o, PMIP_LAB, place_value(cy, l, b, PMIP_LAB));
	}
	o->start[o->n_learners] = (int)o->n;
}

/* Value of block b's current plan under options o (same valuation). */
static double plan_value(const struct cycle *cy, int b, const struct options *o,
			 const struct pmip_result *r)
{
	const struct problem *p = cy->p;
	double v = 0;
	for (int i = 0; i < o->n_learners; i++) {
		int g = cy->plan[(long)o->learners[i] * p->n_blocks + b];
		for (int k = o->start[i]; k < o->start[i + 1]; k++)
			if (o->goal[k] == g) {
				v += o->value[k];
				break;
			}
	}
	for (int gi = 0; gi < r->n_groups; gi++)
		if (r->groups[gi].goal >= 0 &&
		    problem_goal_level(p, r->groups[gi].facilitator, r->groups[gi].goal) == LEVEL_GURU)
			v += p->config.w_guru;
	return v;
}

/* The whole cycle's objective (outside counts included). */
static double cycle_objective(const struct cycle *cy)
{
	return objective_total(cy->p, &cy->tl);
}

/*
 * Re-plans block b with every other block fixed.  Returns 1 when the block's
 * plan changed for the better, 0 when it was kept, -1 when no plan was found
 * (only possible while the block has none yet), BLOCK_ERROR when GLPK
 * failed and the block has no plan.
 */
#define BLOCK_ERROR (-3)
static int solve_block(struct cycle *cy, int b, double seconds, bool branching)
{
	const struct problem *p = cy->p;
	double t0 = mcl_now();
	count_block(cy, b, -1);
	struct options o;
	block_options(cy, b, &o);
	bool *fac_allowed = xmalloc(sizeof(bool) * (size_t)(p->n_facilitators + 1));
	for (int f = 0; f < p->n_facilitators; f++)
		fac_allowed[f] = !p->facilitators[f].unavailable[b] &&
				 cy->allowed[(long)f * p->n_blocks + b];
	struct pmip_input in = {
		.p = p, .blocks = &b, .n_blocks = 1,
		.n_learners = o.n_learners, .learners = o.learners,
		.opt_start = o.start, .opt_goal = o.goal, .opt_value = o.value,
		.fac_allowed = fac_allowed, .guru_value = p->config.w_guru,
		.no_branching = !branching, .link_hint = cy->link_hint,
	};
	struct mip_params mp = { .seconds = seconds, .gap = cy->opt->gap / 4,
				 .max_nodes = BLOCK_NODES };
	struct pmip_result r;
	pmip_solve(&in, &mp, NULL, &r);
	struct pmip_result *old = &cy->block_res[b];
	bool had = old->groups != NULL || old->learner_group != NULL;
	int changed = -1;
	double kept_value = had ? plan_value(cy, b, &o, old) : -DBL_MAX;
	if (r.groups)
		cy->slack[b] = r.bound - (r.objective > kept_value ? r.objective : kept_value);
	if (r.groups && (!had || r.objective > kept_value + 1e-6)) {
		pmip_result_free(old);
		*old = r;
		for (int i = 0; i < o.n_learners; i++)
			cy->plan[(long)o.learners[i] * p->n_blocks + b] =
				o.goal[r.learner_option[i]];
		changed = 1;
	} else {
		changed = had ? 0 : r.outcome == MIP_ERROR ? BLOCK_ERROR : -1;
		pmip_result_free(&r);
	}
	count_block(cy, b, +1);
	assert(cycle_consistent(cy));
	options_free(&o);
	free(fac_allowed);
	if (!branching)
		cy->replan_cost = mcl_now() - t0;
	return changed;
}

/*
 * Ruin and recreate: clears k blocks at once and plans them again one after
 * the other, each valued against the others, so needs can move between
 * them (a block re-planned alone cannot move a need to another block).  The
 * new plans are kept only when the cycle's objective rises.  Returns 1 when
 * kept.
 */
static int ruin_recreate(struct cycle *cy, const int *pick, int k, bool force)
{
	const struct problem *p = cy->p;
	double before = cycle_objective(cy);
	struct pmip_result *saved = xmalloc(sizeof(*saved) * (size_t)k);
	int *saved_plan = xmalloc(sizeof(int) * ((size_t)k * (size_t)p->n_learners + 1));
	for (int i = 0; i < k; i++) {
		int b = pick[i];
		count_block(cy, b, -1);
		saved[i] = cy->block_res[b];
		memset(&cy->block_res[b], 0, sizeof(cy->block_res[b]));
		for (int l = 0; l < p->n_learners; l++) {
			saved_plan[(long)i * p->n_learners + l] = cy->plan[(long)l * p->n_blocks + b];
			cy->plan[(long)l * p->n_blocks + b] = NONE;
		}
	}
	int ok = 1;
	for (int i = 0; i < k && ok; i++) {
		/* a safety net, as in pass 1: twice a fair share of what is left */
		double left = time_left(cy);
		ok = solve_block(cy, pick[i], left > 0.4 ? 2 * left / (k - i + 1) : 0.2, false) > 0;
	}
	int kept = ok && (force || cycle_objective(cy) > before + 1e-6);
	for (int i = 0; i < k; i++) {
		int b = pick[i];
		if (kept) {
			pmip_result_free(&saved[i]);
			continue;
		}
		count_block(cy, b, -1);         /* a block left unplanned counts nothing */
		pmip_result_free(&cy->block_res[b]);
		cy->block_res[b] = saved[i];
		for (int l = 0; l < p->n_learners; l++)
			cy->plan[(long)l * p->n_blocks + b] = saved_plan[(long)i * p->n_learners + l];
		count_block(cy, b, +1);
	}
	free(saved);
	free(saved_plan);
	assert(cycle_consistent(cy));
	return kept;
}

/* Whether k block re-plans fit in the time left: a re-plan has costs no
 * time limit cuts short (building the model, the greedy, the LP before a
 * dive can stop), half a second and more at 1500 learners, and moves or
 * sweeps started with under a second left ran 0.1-0.2 s past a 60 s
 * limit. */
static bool replans_fit(const struct cycle *cy, int k)
{
	double left = time_left(cy);
	return left > 1 && left > 1.5 * k * cy->replan_cost;
}

/* Copies the block plans into the solution's sessions and timetable. */
static void build_solution(const struct cycle *cy, struct solution *sol)
{
	const struct problem *p = cy->p;
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		const struct pmip_result *r = &cy->block_res[b];
		int first = (int)sol->n_sessions;
		for (int gi = 0; gi < r->n_groups; gi++) {
			const struct pmip_group *g = &r->groups[gi];
			struct session s = {
				.kind = g->goal == PMIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
				.offering = g->goal == PMIP_LAB ? -1 : g->goal,
				.block = b,
				.room = r->group_room[gi],
				.facilitator = g->facilitator,
			};
			solution_add_session(sol, &s);
		}
		int i = 0;
		for (int l = 0; l < p->n_learners; l++) {
			if (p->learners[l].unavailable[b])
				continue;
			*solution_attend(sol, l, b) = first + r->learner_group[i++];
		}
	}
	solution_recount(sol);
}

/*
 * The whole-cycle bound runs in a child process while the parent builds the
 * schedule: the machines have two cores and GLPK is not reentrant, so a
 * second process is the simple way to use both.  The child sends its struct
 * relax_result through a pipe.  Without fork (or if the child fails) the
 * bound is computed in this process, or falls back to the simple bound.
 */
struct bound_job {
	struct child ch;
	bool done;
	struct relax_result res;
};

/* What the bound's child sends: struct relax_result field by field. */
static void relax_result_encode(struct wire *w, const struct relax_result *r)
{
	wire_put_double(w, r->bound);
	wire_put_int(w, r->proven);
	wire_put_int(w, r->rows);
	wire_put_int(w, r->cols);
	wire_put_double(w, r->seconds);
}

static int relax_result_decode(struct wire *w, struct relax_result *r)
{
	r->bound = wire_get_double(w);
	r->proven = wire_get_int(w) != 0;
	r->rows = wire_get_int(w);
	r->cols = wire_get_int(w);
	r->seconds = wire_get_double(w);
	return wire_done(w) ? 0 : -1;
}

static void bound_start(struct bound_job *job, const struct cycle *cy, double seconds)
{
	const struct problem *p = cy->whole;
	memset(job, 0, sizeof(*job));
	int started = child_start(&job->ch);
	if (started == 0) {
		struct relax_result rr;
		relax_cycle_bound(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem, seconds,
				  &rr);
		struct wire w = WIRE_INIT;
		relax_result_encode(&w, &rr);
		child_exit(child_send(&job->ch, &w) == 0);
	}
	if (started > 0)
		return;
	relax_cycle_bound(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem, seconds,
			  &job->res);
	job->done = true;
}

/* Collects the child's bound; waits for it when wait is true.  Returns
 * whether the bound is known. */
static bool bound_poll(struct bound_job *job, const struct cycle *cy, bool wait)
{
	const struct problem *p = cy->whole;
	if (job->done)
		return true;
	if (mip_interrupted) {
		/* Ctrl-C: do not wait for the LP; the simple bound is valid. */
		child_cancel(&job->ch, SIGKILL);
		memset(&job->res, 0, sizeof(job->res));
		job->res.bound = relax_trivial_bound(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem);
		job->done = true;
		return true;
	}
	if (!wait && !child_ready(&job->ch))
		return false;
	struct wire w;
	int r = child_collect(&job->ch, &w);
	if (r == 0)
		r = relax_result_decode(&w, &job->res);
	wire_release(&w);
	if (r != 0) {
		memset(&job->res, 0, sizeof(job->res));
		job->res.bound = relax_trivial_bound(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem);
	}
	job->done = true;
	mcl_log(LOG_NORMAL, "whole-cycle bound %.1f (%s, %d rows, %d columns, %.1f s)",
		job->res.bound, job->res.proven ? "LP optimum" : "simple bound: no LP optimum in time",
		job->res.rows, job->res.cols, job->res.seconds);
	return true;
}

/* Largest exact cycle MIP worth handing to GLPK (columns).  Measured: at
 * 60 learners (5 400 columns) and 300 learners (25 000) GLPK's
 * branch-and-bound found nothing better and moved the bound by under 0.1%
 * in the whole time limit; at a few hundred columns it proves optima in
 * milliseconds. */
#define EXACT_MAX_COLS 3000

/* Largest exact cycle MIP whose windows (window.c) are worth solving once
 * the search has ended, blocks per window, and windows in a row without a
 * better schedule before they stop.  Windows of three blocks with 50 nodes
 * each, after the search, measured at 60 s (search seeds 1-3): the
 * 60-learner benchmark school (5 216 columns, 0.3-1 s a window) 35 260 ->
 * 35 460 on average (one run 35 545, against 35 560 for CBC's best in ten
 * minutes); the bundled example (5 251) 32 730 -> 32 785, ending at 45 s
 * instead of 17 s; at 6 726 columns (80 learners) 3.5 s a window and
 * nothing better in 26 s; at 10 150 (120 learners) 16 s a window.  Windows
 * of two, four or five blocks, or 20 or 150 nodes, did less on the
 * 60-learner school.  (Measured before re-goaling, which now often
 * reaches the 0.5% gap on these schools before any window.) */
#define WINDOW_MAX_COLS 6000
#define WINDOW_BLOCKS 3
#define WINDOW_FAILS(n_blocks) (n_blocks)

/* Whether a schedule of objective obj is worth improving against bound:
 * the bound is known (> 0) and the gap above the requested one. */
static bool gap_open(const struct cycle *cy, double obj, double bound)
{
	return bound > 0 && (bound - obj) / bound > cy->opt->gap;
}

/*
 * For small cycles, closes the gap exactly: the exact cycle MIP (cycle_mip.c)
 * started from the decomposition's schedule.  Its branch-and-bound bound is
 * a bound on the whole cycle; a better schedule it finds replaces sol's.
 * Returns the tighter of the two bounds.
 */
static double prove_exact(const struct cycle *cy, struct solution *sol, double bound)
{
	const struct problem *p = cy->p;
	double left = time_left(cy);
	double obj = sol->objective;
	if (!gap_open(cy, obj, bound) || left < 1 ||
	    mip_interrupted || cycle_mip_size(p, cy->blocks, cy->n_blocks) > EXACT_MAX_COLS)
		return bound;
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, cy->blocks, cy->n_blocks, &map);
	double *start = cycle_mip_start(p, P, map, sol);
	struct mip_params mp = { .seconds = left, .gap = cy->opt->gap, .start = start,
				 .label = "exact cycle model" };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	double proven = bound;
	if ((mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) && mr.bound < proven)
		proven = mr.bound;
	if ((mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
	    mr.objective > obj + 1e-6 && cycle_mip_extract(p, P, map, sol) == 0)
		sol->objective = mr.objective;
	mcl_log(LOG_NORMAL, "[%6.1fs] exact cycle model: objective %.1f -> %.1f, bound %.1f -> %.1f",
		mcl_now() - cy->t0, obj, sol->objective, bound, proven);
	glp_delete_prob(P);
	free(start);
	free(map);
	return proven;
}

/* Percent of the wanted sessions of ready needs (facilitated and online)
 * that the cycle's counters hold, as summary.csv's need_sessions_pct. */
static double need_sessions_pct(const struct cycle *cy)
{
	const struct problem *p = cy->p;
	long wanted = 0, met = 0;
	for (int l = 0; l < p->n_learners; l++) {
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready)
				continue;
			wanted += nd->sessions;
			if (p->goals[nd->goal].mode == GOAL_FACILITATED)
				met += cy->tl.need_cnt[q] < nd->sessions ? cy->tl.need_cnt[q] : nd->sessions;
		}
		for (int k = 0; k < cy->tl.lab_cnt[l] && problem_lab_credit(p, l, k) >= 0; k++)
			met++;
	}
	return wanted ? 100.0 * (double)met / (double)wanted : -1;
}

/* Reports the search's state: the detail (what, the current objective) at
 * -v, and to progress.c, which prints a line a person reads when the best
 * schedule improves or now and then.  During pass 1 ("block j/n ...", j <
 * n) the cycle is not a whole schedule yet, so no objective is reported. */
static void progress(const struct cycle *cy, const char *what, const struct bound_job *job)
{
	double obj = cycle_objective(cy);
	double bound = job->done ? job->res.bound : 0;
	if (!job->done)
		mcl_log(LOG_VERBOSE, "[%6.1fs] %s: objective %.1f, bound pending",
			mcl_now() - cy->t0, what, obj);
	else
		mcl_log(LOG_VERBOSE, "[%6.1fs] %s: objective %.1f, bound %.1f, gap %.2f%%",
			mcl_now() - cy->t0, what, obj, bound,
			bound > 0 ? 100 * (bound - obj) / bound : 0.0);
	int j, n;
	bool building = sscanf(what, "block %d/%d", &j, &n) == 2;
	char phase[64];
	if (building)
		snprintf(phase, sizeof(phase), "building a first schedule, block %d of %d", j, n);
	else
		snprintf(phase, sizeof(phase), "improving the schedule");
	bool whole = !building || j == n;
	progress_report(phase, whole ? obj : -1, bound, whole ? need_sessions_pct(cy) : -1);
}

/* Whether the schedule is within the requested gap of the bound. */
static bool gap_reached(const struct cycle *cy)
{
	return cy->bound > 0 && !gap_open(cy, cycle_objective(cy), cy->bound);
}

/*
 * The order of pass 1: blocks that allow fewer goals first (a block limited
 * to some areas can only serve those areas' needs, so it chooses before the
 * open blocks take them), then time order.  Measured on the 300-learner
 * benchmark: pass 1 175 170 -> 177 240.  Caller frees.
 */
static int *pass1_order(const struct cycle *cy)
{
	const struct problem *p = cy->p;
	int *order = xmalloc(sizeof(int) * (size_t)(cy->n_blocks + 1));
	int *allows = xcalloc((size_t)p->n_blocks + 1, sizeof(int));
	for (int j = 0; j < cy->n_blocks; j++) {
		order[j] = cy->blocks[j];
		for (int g = 0; g < p->n_goals; g++)
			allows[order[j]] += problem_block_allows(p, order[j], g);
	}
	for (int j = 1; j < cy->n_blocks; j++)     /* stable insertion sort */
		for (int i = j; i > 0 && allows[order[i]] < allows[order[i - 1]]; i--) {
			int t = order[i];
			order[i] = order[i - 1];
			order[i - 1] = t;
		}
	free(allows);
	return order;
}

/* Blocks cleared and re-planned together by one ruin-and-recreate move, and
 * the moves of a round.  Measured in 60 s on the benchmark schools (300 and
 * 1500 learners): 2 blocks a move 181 525 (300), 3 blocks 182 570, 5 blocks
 * 180 350; moves only, then sweeps: 182 890 and 894 905; rounds of a sweep
 * and 15 moves: 181 205 (stopped early) and 897 420; a sweep and 45 moves:
 * 182 200 and 898 100; sweeps only: 180 560 and 896 395. */
#define LNS_BLOCKS 3
#define LNS_MOVES(n_blocks) (3 * (n_blocks))

/* k distinct workshop blocks at random (k <= the cycle's blocks). */
static void pick_blocks(const struct cycle *cy, unsigned long long *rng, int *pick, int k)
{
	assert(k <= cy->n_blocks);
	for (int n = 0; n < k;) {
		int b = cy->blocks[mcl_rng_next(rng) % (unsigned)cy->n_blocks];
		int dup = 0;
		for (int i = 0; i < n; i++)
			dup |= pick[i] == b;
		if (!dup)
			pick[n++] = b;
	}
}

/* set[j] = whether cycle block j is one of the k blocks in pick. */
static void mark_blocks(const struct cycle *cy, const int *pick, int k, bool *set)
{
	for (int j = 0; j < cy->n_blocks; j++) {
		set[j] = false;
		for (int i = 0; i < k; i++)
			set[j] |= pick[i] == cy->blocks[j];
	}
}

/*
 * Large-neighbourhood search: up to max_moves ruin-and-recreate moves on
 * random sets of LNS_BLOCKS blocks (seeded, so repeatable), while time is
 * left and the gap is not met.  Returns the number of moves kept.
 */
static int lns(struct cycle *cy, const struct bound_job *job, unsigned long long *rng,
	       int max_moves)
{
	int k = cy->n_blocks < LNS_BLOCKS ? cy->n_blocks : LNS_BLOCKS;
	int pick[LNS_BLOCKS], tries = 0, kept = 0;
	if (k < 2)
		return 0;
	while (!mip_interrupted && tries < max_moves &&
	       replans_fit(cy, k) && !gap_reached(cy)) {
		pick_blocks(cy, rng, pick, k);
		kept += ruin_recreate(cy, pick, k, false);
		if (++tries % 10 == 0) {
			char what[64];
			snprintf(what, sizeof(what), "search, %d of %d moves kept", kept, tries);
			progress(cy, what, job);
		}
	}
	return kept;
}

/* Block b's plan from its groups (block_res[b]), after they were re-seated. */
static void plan_from_result(struct cycle *cy, int b)
{
	const struct problem *p = cy->p;
	const struct pmip_result *r = &cy->block_res[b];
	int i = 0;
	for (int l = 0; l < p->n_learners; l++)
		if (!p->learners[l].unavailable[b])
			cy->plan[(long)l * p->n_blocks + b] = r->groups[r->learner_group[i++]].goal;
}

/* Swaps block b's groups with *other (groups of b from elsewhere: a
 * second process), with the plan and the counters. */
static void swap_block(struct cycle *cy, int b, struct pmip_result *other)
{
	count_block(cy, b, -1);
	struct pmip_result t = cy->block_res[b];
	cy->block_res[b] = *other;
	*other = t;
	plan_from_result(cy, b);
	count_block(cy, b, +1);
}

/*
 * Re-seats the learners of the blocks marked in free, the sessions and the
 * other blocks held (reassign.c): moves sessions of needs between blocks
 * in chains of exchanges no block re-plan can make.  With regoal the
 * sessions of those blocks may also change goal (reassign_sessions).
 * Returns whether the objective rose.
 */
static bool reseat(struct cycle *cy, const bool *free, double seconds, bool regoal)
{
	const struct problem *p = cy->p;
	double before = cycle_objective(cy);
	for (int j = 0; j < cy->n_blocks; j++)
		if (free[j])
			count_block(cy, cy->blocks[j], -1);
	double gain = regoal ? reassign_sessions(p, cy->blocks, cy->n_blocks, free, cy->outside,
						 cy->block_res, seconds)
			     : reassign_cycle(p, cy->blocks, cy->n_blocks, free, cy->need_limit,
					      cy->outside, cy->block_res, seconds);
	for (int j = 0; j < cy->n_blocks; j++) {
		if (!free[j])
			continue;
		plan_from_result(cy, cy->blocks[j]);
		count_block(cy, cy->blocks[j], +1);
	}
	double after = cycle_objective(cy);
	/* the model's objective is the cycle's, less the fixed guru bonus */
	assert(fabs(after - before - gain) < 1e-6 * (1 + fabs(after)));
	assert(cycle_consistent(cy));
	return after > before + 1e-6;
}

/* Size of one re-seating, in columns of the exact cycle MIP (cycle_mip_size,
 * which counts every need and the facilitators, about twice the re-seating
 * MIP's own columns): random sets of blocks of about this size, the whole
 * cycle when it is smaller.  Measured: 300 learners, 7 of 15 blocks, 3 600-
 * 4 000 columns, 0.3-0.4 s each; the whole 300-learner cycle (7 900
 * columns) took 1.1-1.7 s and gained 1 275 on the first round; 1500
 * learners, 2 of 15 blocks, 6 600-8 500 columns, 1.0-1.6 s, +75 to +790
 * each. */
#define RESEAT_COLS 12000

/* Re-seating rounds that open round 1 on large schools, before the sweep.
 * Right after pass 1 a 1500-learner school gains about 450 a second from
 * re-seating (3 000-3 900 a round of 8 sets, one after the other), 150-200
 * a second in rounds 2 and 3 and 60 in round 4, against 100-200 from the
 * sweep.  Measured at 60 s on the 1500-learner benchmark school (seed 1),
 * sets one after the other: 1 round 906 810 (gap 1.28%), 2 rounds 908 210,
 * 3 rounds 908 535 (1.10%), 4 rounds 907 245, 5 rounds 907 805; a second
 * school (generator seed 2): 1 round 912 310 (1.09%), 3 rounds 915 260
 * (0.77%).  Two sets at once (reseat_twin) make a round about 5 s instead
 * of 8: 3 rounds 908 655, 5 rounds 909 305 and 906 835 (runs whose pass 1
 * took 22 s and 26 s); seed 2, 4 rounds 914 980, 5 rounds 915 270.  With
 * sets of three blocks (LARGE_RESEAT_COLS) and the rounds that follow
 * re-seating and sweeping: 3 rounds 909 290 and 916 130 (seed 2), 4 rounds
 * 909 360 and 916 485.  Once pass 1 and the re-seating LP got faster (a
 * round about 2.5 s): 4 rounds 911 635, 8 rounds 911 780. */
#define FIRST_RESEAT_ROUNDS 4

/* Re-seating sets on large schools, where two run at once (reseat_twin),
 * in columns of the exact cycle MIP as RESEAT_COLS: bigger sets find longer
 * chains of exchanges.  Measured
 * at 60 s on the 1500-learner benchmark schools: sets of 2 blocks (12 000)
 * 908 975 (gap 1.05%) and 914 950 (0.80%, generator seed 2); sets of 3
 * blocks (30 000, 1.7-3.9 s each) 909 360 (1.01%) and 916 485 (0.64%).
 * Re-measured on the first school once the re-seating LP started from the
 * seating (sets of 3 blocks 0.4-1.3 s each): 2 blocks 910 735, 3 blocks
 * 911 635, 5 blocks 906 730. */
#define LARGE_RESEAT_COLS 30000

/* Blocks in a set of about cols columns (at least 2, at most the cycle). */
static int blocks_for(const struct cycle *cy, long cols)
{
	long per_block = cycle_mip_size(cy->p, cy->blocks, cy->n_blocks) / cy->n_blocks + 1;
	int k = (int)(cols / per_block);
	if (k < 2)
		k = 2;
	return k < cy->n_blocks ? k : cy->n_blocks;
}

/* A school where a re-seating set of RESEAT_COLS covers at most a third of
 * the cycle (1500 learners: 2 of 15 blocks; 300 learners: 7 of 15 are
 * not). */
static bool large_school(const struct cycle *cy)
{
	return 3 * blocks_for(cy, RESEAT_COLS) <= cy->n_blocks;
}

/* Blocks in one re-seating set. */
static int reseat_blocks(const struct cycle *cy)
{
	return blocks_for(cy, large_school(cy) ? LARGE_RESEAT_COLS : RESEAT_COLS);
}

/* Whether every learner's sessions of each need are within its limit. */
static bool needs_within_limits(const struct cycle *cy)
{
	for (int q = 0; q < cy->p->n_needs; q++)
		if (cy->tl.need_cnt[q] > cy->p->needs[q].sessions)
			return false;
	return true;
}

/*
 * Two re-seatings at once, of the disjoint sets of blocks a and b: b's in a
 * child process, a's here, on the machine's two cores (GLPK is not
 * reentrant, so a second process is the simple way to use both, as for the
 * bound).  Both start from the same cycle, so they could both give a
 * learner the last session of the same need: without care, 8 of the first
 * 11 child seatings on the 1500-learner benchmark school broke a need's
 * limit that way.  So the needs are dealt between the two halves
 * (alternate needs of each learner), and a half may not raise a need it
 * was not dealt above the sessions it has now (cy->need_limit).  The child
 * sends back its blocks' new seatings, taken when the cycle's objective
 * rises with them (a learner's lab credit and power-goal bonus depend on
 * both halves); else b keeps its seating.  Without fork the two run one
 * after the other, unrestricted.  Returns the number of the two
 * re-seatings that improved.
 *
 * Measured at 1500 learners: 3 rounds of 8 re-seatings gain 5 045 in 15 s
 * this way against 5 345 in 24 s one after the other.  Sweeps done the same
 * way (two blocks re-planned at once, needs dealt) gained less than one
 * after the other: a block re-plan with half of each learner's needs held
 * finds little, so the sweep stays serial.
 */
static int reseat_twin(struct cycle *cy, const bool *set_a, const bool *set_b, double seconds)
{
	const struct problem *p = cy->p;
	struct child ch;
	int started = child_start(&ch);
	if (started < 0)
		return reseat(cy, set_a, seconds, false) + reseat(cy, set_b, time_left(cy), false);

	int *limit = xmalloc(sizeof(int) * ((size_t)p->n_needs + 1));
	for (int l = 0; l < p->n_learners; l++)
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			bool dealt = ((q - p->need_start[l]) % 2 == 0) == (started > 0);
			limit[q] = dealt ? p->needs[q].sessions : cy->tl.need_cnt[q];
		}
	cy->need_limit = limit;
	if (started == 0) {
		/* the message: whether b improved, then b's blocks' seatings */
		bool up = reseat(cy, set_b, seconds, false);
		struct wire w = WIRE_INIT;
		wire_put_int(&w, up);
		for (int j = 0; j < cy->n_blocks && up; j++)
			if (set_b[j])
				pmip_result_encode(&w, &cy->block_res[cy->blocks[j]],
						   block_learners(p, cy->blocks[j]), 1);
		child_exit(child_send(&ch, &w) == 0);
	}
	int improved = reseat(cy, set_a, seconds, false);
	cy->need_limit = NULL;
	free(limit);

	/* the child's seatings of b, swapped in for b's own */
	struct pmip_result *got = xcalloc((size_t)cy->n_blocks + 1, sizeof(*got));
	struct wire w;
	bool ok = child_collect(&ch, &w) == 0;
	bool up = wire_get_int(&w) != 0;
	for (int j = 0; j < cy->n_blocks && ok && up; j++)
		if (set_b[j])
			ok = pmip_result_decode(&w, &got[j], block_learners(p, cy->blocks[j]), 1) == 0;
	ok = ok && wire_done(&w);
	wire_release(&w);
	double before = cycle_objective(cy);
	for (int pass = 0; ok && up && pass < 2; pass++) {
		for (int j = 0; j < cy->n_blocks; j++)
			if (set_b[j])
				swap_block(cy, cy->blocks[j], &got[j]);
		if (pass == 1)
			break;          /* b's own seatings are back */
		double after = cycle_objective(cy);
		bool take = needs_within_limits(cy) && after > before + 1e-6;
		mcl_log(LOG_VERBOSE, "re-seating in a second process: %s (%.1f -> %.1f)",
			take ? "taken" : "dropped", before, after);
		if (take) {
			improved++;
			break;
		}
	}
	for (int j = 0; j < cy->n_blocks; j++)
		pmip_result_free(&got[j]);
	free(got);
	return improved;
}

/*
 * Re-goaling (reassign_sessions): the sessions of REGOAL_BLOCKS random
 * blocks may change goal (or become labs, or labs workshops) while their
 * learners are re-seated, as many sets as the cycle has blocks.  Measured
 * on the 300-learner benchmark school, 40 s of sets after a 60 s search:
 * sets of 2 blocks 183 505 -> 184 685 (14 of 55 improved, about 0.7 s
 * each); sets of 3 blocks +770 and +1 030 on two runs (the LP dive took
 * 2-6 s there; both measured before the dive started from the LP's own
 * basis, which made it 2-5 times faster).  In the rounds, 30 pairs
 * instead of 15: 184 125, 170 820, 184 100 against 184 175, 170 900,
 * 184 395.  Not on large schools: at 1500 learners a round of pairs
 * took 26 s and improved nothing.  Returns the number that improved.
 */
#define REGOAL_BLOCKS 2

static int regoal_round(struct cycle *cy, unsigned long long *rng)
{
	int pick[REGOAL_BLOCKS];
	bool *set = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	int improved = 0;
	for (int t = 0; t < cy->n_blocks && cy->n_blocks >= REGOAL_BLOCKS && !mip_interrupted;
	     t++) {
		double left = time_left(cy);
		if (left < 1 || gap_reached(cy))
			break;
		pick_blocks(cy, rng, pick, REGOAL_BLOCKS);
		mark_blocks(cy, pick, REGOAL_BLOCKS, set);
		improved += reseat(cy, set, left, true);
	}
	free(set);
	return improved;
}

/* Re-seats sets of blocks covering the cycle about once, on large schools
 * two sets at once (reseat_twin).  Returns the number of re-seatings that
 * improved. */
static int reseat_round(struct cycle *cy, unsigned long long *rng)
{
	int k = reseat_blocks(cy);
	int *pick = xmalloc(sizeof(int) * (2 * (size_t)k + 1));
	bool *free_a = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	bool *free_b = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	int improved = 0, times = (cy->n_blocks + k - 1) / k;
	for (int t = 0; t < times && !mip_interrupted;) {
		double left = time_left(cy);
		if (left < 1 || gap_reached(cy))
			break;
		/* two disjoint sets need 2k blocks: a cycle of few blocks
		 * can be a large school with 2k above its blocks (1000
		 * learners over 2 days: 6 blocks, sets of 4) */
		bool pair = large_school(cy) && t + 1 < times && 2 * k <= cy->n_blocks;
		pick_blocks(cy, rng, pick, pair ? 2 * k : k);
		mark_blocks(cy, pick, k, free_a);
		mark_blocks(cy, pick + k, pair ? k : 0, free_b);
		improved += pair ? reseat_twin(cy, free_a, free_b, left)
				 : reseat(cy, free_a, left, false);
		t += pair ? 2 : 1;
	}
	free(pick);
	free(free_a);
	free(free_b);
	return improved;
}

/* The search's state: the plan, its counters and the block results. */
struct state {
	int *plan;
	struct tally *tl;
	struct pmip_result *block_res;
};

/* A copy of the search's state, to return to the best schedule after a
 * kick that led nowhere better. */
struct snapshot {
	double objective;
	struct state st;
};

static void copy_result(struct pmip_result *dst, const struct pmip_result *src, int n_learners)
{
	*dst = *src;
	dst->groups = xmalloc(sizeof(*dst->groups) * ((size_t)src->n_groups + 1));
	memcpy(dst->groups, src->groups, sizeof(*dst->groups) * (size_t)src->n_groups);
	dst->group_room = xmalloc(sizeof(int) * ((size_t)src->n_groups + 1));
	memcpy(dst->group_room, src->group_room, sizeof(int) * (size_t)src->n_groups);
	dst->learner_group = xmalloc(sizeof(int) * ((size_t)n_learners + 1));
	memcpy(dst->learner_group, src->learner_group, sizeof(int) * (size_t)n_learners);
	dst->learner_option = xmalloc(sizeof(int) * ((size_t)n_learners + 1));
	memcpy(dst->learner_option, src->learner_option, sizeof(int) * (size_t)n_learners);
}

static void snapshot_free(const struct cycle *cy, struct snapshot *s)
{
	if (s->st.block_res)
		for (int j = 0; j < cy->n_blocks; j++)
			pmip_result_free(&s->st.block_res[cy->blocks[j]]);
	free(s->st.block_res);
	free(s->st.plan);
	if (s->st.tl)
		tally_release(s->st.tl);
	free(s->st.tl);
	memset(s, 0, sizeof(*s));
}

/* Copies the state of cy into s (save) or s back into cy (!save). */
static void snapshot_copy(struct cycle *cy, struct snapshot *s, bool save)
{
	const struct problem *p = cy->p;
	size_t n_plan = (size_t)p->n_learners * (size_t)p->n_blocks;
	if (save) {
		snapshot_free(cy, s);
		s->objective = cycle_objective(cy);
		s->st.plan = xmalloc(sizeof(int) * (n_plan + 1));
		s->st.tl = xmalloc(sizeof(*s->st.tl));
		tally_init(s->st.tl, p);
		s->st.block_res = xcalloc((size_t)p->n_blocks + 1, sizeof(*s->st.block_res));
	}
	struct state live = { cy->plan, &cy->tl, cy->block_res };
	const struct state *src = save ? &live : &s->st, *dst = save ? &s->st : &live;
	memcpy(dst->plan, src->plan, sizeof(int) * n_plan);
	tally_copy(dst->tl, src->tl, p);
	for (int j = 0; j < cy->n_blocks; j++) {
		int b = cy->blocks[j];
		pmip_result_free(&dst->block_res[b]);
		copy_result(&dst->block_res[b], &src->block_res[b], block_learners(p, b));
	}
}

/*
 * A second search in a child process, on schools where the machine's
 * second core is otherwise idle once the bound is known (the re-seatings
 * of large schools use it instead).  After round 1 the child goes on from
 * the same schedule with its own random stream, so its ruin-and-recreate
 * moves, re-seating sets and kicks differ; at the end the parent takes the
 * child's best schedule when it scores higher.  The child stops by the same
 * rules (time limit, gap, kicks), and the parent waits for it, so the same
 * input and seed still give the same schedule when the runs end by
 * themselves.
 */

/* A different random stream for the child (an odd 64-bit constant). */
#define TWIN_STREAM 0x9E3779B97F4A7C15ULL

static void twin_start(struct child *tw, unsigned long long *rng)
{
	if (child_start(tw) == 0) {
		mcl_log_mute_process();  /* progress lines come from the parent */
		*rng ^= TWIN_STREAM;
	}
}

/* In the child: sends its schedule (objective, then each block's groups)
 * and exits. */
static void twin_send(const struct cycle *cy, const struct child *tw)
{
	struct wire w = WIRE_INIT;
	wire_put_double(&w, cycle_objective(cy));
	for (int j = 0; j < cy->n_blocks; j++)
		pmip_result_encode(&w, &cy->block_res[cy->blocks[j]],
				   block_learners(cy->p, cy->blocks[j]), 1);
	child_exit(child_send(tw, &w) == 0);
}

/* In the parent: waits for the child's schedule and takes it when it
 * scores higher than cy's.  Returns whether it was taken.  A parent that
 * met the gap does not need it (stopping the child keeps the result
 * repeatable); an interrupted parent (Ctrl-C, SIGTERM to it alone) asks
 * the child to stop too, and takes its best so far. */
static bool twin_collect(struct cycle *cy, struct child *tw)
{
	const struct problem *p = cy->p;
	if (tw->pid <= 0)
		return false;
	bool needed = mip_interrupted || !gap_reached(cy);
	if (!needed)
		child_cancel(tw, SIGKILL);
	else if (mip_interrupted)
		child_cancel(tw, SIGTERM);
	struct pmip_result *got = xcalloc((size_t)cy->n_blocks + 1, sizeof(*got));
	struct wire w = WIRE_INIT;
	bool ok = needed && child_collect(tw, &w) == 0;
	double obj = ok ? wire_get_double(&w) : 0;
	for (int j = 0; j < cy->n_blocks && ok; j++)
		ok = pmip_result_decode(&w, &got[j], block_learners(p, cy->blocks[j]), 1) == 0;
	ok = ok && wire_done(&w);
	wire_release(&w);
	double own = cycle_objective(cy);
	bool take = ok && obj > own + 1e-6;
	for (int j = 0; j < cy->n_blocks && take; j++)
		swap_block(cy, cy->blocks[j], &got[j]);
	mcl_log(LOG_VERBOSE, "search in a second process: %s (%.1f, this one %.1f)",
		!needed ? "not needed" : ok ? (take ? "taken" : "not better") : "lost", obj, own);
	for (int j = 0; j < cy->n_blocks; j++)
		pmip_result_free(&got[j]);
	free(got);
	return take;
}

/* Blocks a kick clears and plans again, keeping the result whatever it
 * scores, and kicks in a row without a new best before the search stops.
 * Measured on the 60-learner benchmark school (rounds end in a local
 * optimum within 3 s): no kicks 34 760; kicks from the current schedule
 * 34 970; kicks from the best so far 35 140, ending on its own at 44 s. */
#define KICK_BLOCKS 5
#define MAX_KICKS 5

static void kick(struct cycle *cy, unsigned long long *rng)
{
	int k = cy->n_blocks < KICK_BLOCKS ? cy->n_blocks : KICK_BLOCKS;
	int pick[KICK_BLOCKS];
	pick_blocks(cy, rng, pick, k);
	ruin_recreate(cy, pick, k, true);
}

/* Lab-balance moves: pairs of a block with the most labs and a block with
 * the fewest, each pair cleared and planned again with the lab-heavy block
 * first, kept when the cycle's objective rises.  The bound LP runs about
 * the same number of labs in every block; our schedules end up with
 * depleted blocks (their needs taken by the blocks planned before them)
 * that run 7 labs in the small rooms beside 4-5 thin workshops, while
 * others run 9 full workshops and 3 labs, and no single-block re-plan can
 * move needs back.  Measured on the 300-learner benchmark school at 60 s,
 * seeds 1-5: 183 121 -> 183 423 on average, better for 4 seeds of 5; the
 * 3 x 3 pairs below did better than 5 x 5 (seed 1: 184 050 against
 * 182 865). */
#define BALANCE_PAIRS 3

static int balance_moves(struct cycle *cy)
{
	int nb = cy->n_blocks, kept = 0;
	int *ord = xmalloc(sizeof(int) * ((size_t)nb + 1));
	int *labs = xcalloc((size_t)cy->p->n_blocks + 1, sizeof(int));
	/* blocks by lab count, most first (ties in time order) */
	for (int j = 0; j < nb; j++) {
		int b = cy->blocks[j], i = j;
		const struct pmip_result *r = &cy->block_res[b];
		for (int gi = 0; gi < r->n_groups; gi++)
			labs[b] += r->groups[gi].goal == PMIP_LAB;
		for (; i > 0 && labs[ord[i - 1]] < labs[b]; i--)
			ord[i] = ord[i - 1];
		ord[i] = b;
	}
	for (int i = 0; i < BALANCE_PAIRS && i < nb; i++)
		for (int j = 0; j < BALANCE_PAIRS && nb - 1 - j > i; j++) {
			if (mip_interrupted || !replans_fit(cy, 2) ||
			    gap_reached(cy))
				break;
			int pick[2] = { ord[i], ord[nb - 1 - j] };
			kept += ruin_recreate(cy, pick, 2, false);
		}
	free(ord);
	free(labs);
	return kept;
}

/* One pass of fix-and-optimise: each block re-planned, every other block
 * fixed, with branch-and-bound except on large schools.  There the block's
 * candidates (the LP dive above all) found every gain: in a sweep of the
 * 1500-learner benchmark school branch-and-bound added 10 in one block of
 * 13 and nothing elsewhere, while taking 0.5-1.6 s a block, often without
 * finishing the root; without it the sweep takes 10 s instead of 16 and
 * ends the same (908 390 against 908 440).  On large schools, where the
 * time limit can cut the sweep short, the blocks furthest below their own
 * bound when last planned also go first (in pass 1 at 1500 learners they
 * range from 2 000 below to 11 below); elsewhere in time order.  A sweep
 * that runs to the end gave the same schedule in both orders (1500
 * learners, seed 2: 914 980).  Returns the number of blocks improved. */
static int sweep(struct cycle *cy)
{
	int nb = cy->n_blocks, improved = 0;
	bool large = large_school(cy);
	int *order = xmalloc(sizeof(int) * ((size_t)nb + 1));
	for (int j = 0; j < nb; j++) {
		int i = j;
		for (; large && i > 0 && cy->slack[order[i - 1]] < cy->slack[cy->blocks[j]]; i--)
			order[i] = order[i - 1];
		order[i] = cy->blocks[j];
	}
	for (int j = 0; j < nb && !mip_interrupted; j++) {
		double left = time_left(cy);
		if (!replans_fit(cy, 1) || gap_reached(cy))
			break;
		double share = 2 * left / (nb - j + 1);
		improved += solve_block(cy, order[j], share, !large) > 0;
	}
	free(order);
	return improved;
}

int workshop_solve(const struct problem *p, const struct solve_options *opt,
		   struct solution *sol)
{
	return workshop_search(p, opt, NULL, sol);
}

int workshop_search(const struct problem *p, const struct solve_options *opt,
		    const struct workshop_part *part, struct solution *sol)
{
	struct cycle cy = { .p = p, .whole = part ? part->whole : p, .opt = opt,
			    .t0 = mcl_now() };
	int rc = 0;
	if (part) {
		cy.outside = part->outside;
		cy.sem_blocks = part->sem_blocks;
		cy.n_sem = part->n_sem;
	}
	cy.blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			cy.blocks[cy.n_blocks++] = b;
	cy.plan = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)p->n_blocks + 1));
	for (long i = 0; i < (long)p->n_learners * p->n_blocks; i++)
		cy.plan[i] = NONE;
	tally_init(&cy.tl, p);
	if (cy.outside)
		tally_copy(&cy.tl, cy.outside, p);
	cy.block_res = xcalloc((size_t)p->n_blocks + 1, sizeof(*cy.block_res));
	cy.slack = xcalloc((size_t)p->n_blocks + 1, sizeof(double));
	cy.link_hint = xcalloc((size_t)p->n_learners * (size_t)p->n_goals + 1, 1);
	progress_start();

	char *why = precheck_counts(p, cy.blocks, cy.n_blocks, NULL);
	if (why) {
		sol->status = SOLVE_INFEASIBLE;
		sol->diagnosis = why;
		goto out;
	}
	cy.allowed = precheck_spread_limits(p, cy.blocks, cy.n_blocks);
	why = precheck_counts(p, cy.blocks, cy.n_blocks, cy.allowed);
	if (why) {
		sol->status = SOLVE_NO_SOLUTION;
		sol->diagnosis = xasprintf("no schedule found: spreading the facilitators' "
					   "max_sessions over the blocks leaves too few:\n%s", why);
		free(why);
		goto out;
	}

	if (!part && opt->write_lp &&
	    cycle_mip_write(p, cy.blocks, cy.n_blocks, NULL, 0, opt->write_lp) != 0) {
		rc = -1;
		goto out;
	}

	/* The bound in a second process, the schedule in this one. */
	double limit = opt->time_limit;
	struct bound_job job;
	bound_start(&job, &cy, 0.9 * limit);

	/* Pass 1: blocks in pass1_order.  Each block's time share is a safety
	 * net (twice its fair share of what is left), not the usual stop. */
	int *order = pass1_order(&cy);
	for (int j = 0; j < cy.n_blocks; j++) {
		double left = time_left(&cy);
		double share = 2 * left / (cy.n_blocks - j + 1);
		int planned = solve_block(&cy, order[j], share > 0.2 ? share : 0.2, false);
		if (planned == BLOCK_ERROR) {
			mcl_log(LOG_QUIET, "internal error: GLPK failed on block '%s'",
				p->blocks[order[j]].id);
			rc = -1;
		}
		if (planned < 0) {
			sol->status = SOLVE_NO_SOLUTION;
			sol->diagnosis = xasprintf(
				"no schedule found for block '%s' within the limits: the counting "
				"checks pass, so the block's groups could not be formed (minimum "
				"group sizes, room features or expertise).  Try a longer "
				"--time-limit, or check the goals' min_group and the rooms.\n",
				p->blocks[order[j]].id);
			bound_poll(&job, &cy, true);
			free(order);
			goto out;
		}
		bound_poll(&job, &cy, false);
		char what[96];
		snprintf(what, sizeof(what), "block %d/%d '%s'", j + 1, cy.n_blocks,
			 p->blocks[order[j]].id);
		progress(&cy, what, &job);
	}

	free(order);

	/* Rounds of a fix-and-optimise sweep (each block re-planned with
	 * branch-and-bound, the others fixed), ruin-and-recreate moves over
	 * sets of blocks, re-seatings of the learners with the sessions held
	 * and re-goalings of the sessions of pairs of blocks, until a whole
	 * round improves nothing, the gap is met or time runs out.  The bound is awaited only after round 1, so that the gap
	 * test, and with it the schedule, does not depend on when the bound
	 * arrived (it usually arrives during pass 1). */
	unsigned long long rng = (unsigned long long)opt->seed;
	struct snapshot best = { 0 };
	struct child tw = CHILD_NONE;
	int kicks = 0;
	bool lns_on = true;     /* ruin-and-recreate in this round */
	for (int round = 1; !mip_interrupted; round++) {
		/* On large schools a round is re-seating (FIRST_RESEAT_ROUNDS
		 * times over in round 1: right after pass 1 it gains most per
		 * second), then a sweep.  Ruin-and-recreate and lab-balance
		 * moves are left out there: at 1500 learners none was ever
		 * kept, and with a 120 s limit they took round 1's last 70 s
		 * (908 390 at 60 s and at 120 s; without them 908 975 and
		 * 911 010, gap 0.83%).  Small schools, which get many rounds,
		 * sweep first (300 learners, 60 s: 183 343 against 183 135 on
		 * average over seeds 1-3 with re-seating first).  There the
		 * ruin-and-recreate moves run again only after a round that
		 * kept one, or after a kick: at 300 learners they are soon
		 * rarely kept (0 of 45 a round, 4 s) and the time is better
		 * spent re-goaling, while at 80-100 learners they keep paying.
		 * Measured at 60 s, averages (search seeds 1-4 at 300 learners
		 * on two schools, 1-3 below):
		 *   moves in        every round   round 1 only   as now
		 *   300 learners    184 346       184 500        about the same
		 *                   170 499       170 751        (seeds 1-2)
		 *   80 learners     45 777        45 205         45 875
		 *   100 learners                  46 548         47 075
		 * (before re-goaling: 183 795, 170 100, 45 588, 46 972). */
		bool large = large_school(&cy);
		int reseated = 0, kept = 0, regoaled = 0;
		for (int i = 0; large && i < (round == 1 ? FIRST_RESEAT_ROUNDS : 1); i++) {
			reseated += reseat_round(&cy, &rng);
			progress(&cy, "re-seating", &job);
		}
		int improved = sweep(&cy);
		if (!large) {
			if (lns_on) {
				kept = lns(&cy, &job, &rng, LNS_MOVES(cy.n_blocks));
				lns_on = kept > 0;
			}
			kept += balance_moves(&cy);
			reseated = reseat_round(&cy, &rng);
			regoaled = regoal_round(&cy, &rng);
		}
		if (round == 1) {
			bound_poll(&job, &cy, true);
			cy.bound = job.res.bound;
			if (!large && cy.n_blocks >= 2 && !gap_reached(&cy) && time_left(&cy) > 1)
				twin_start(&tw, &rng);
		}
		char what[160];
		snprintf(what, sizeof(what),
			 "round %d, improved: %d block%s, %d move%s, %d re-seating%s, %d re-goaling%s",
			 round, improved, improved == 1 ? "" : "s", kept, kept == 1 ? "" : "s",
			 reseated, reseated == 1 ? "" : "s", regoaled, regoaled == 1 ? "" : "s");
		progress(&cy, what, &job);
		if (!replans_fit(&cy, 1) || gap_reached(&cy))
			break;
		if (!improved && !kept && !reseated && !regoaled) {
			/* a local optimum: keep it if it is the best so far,
			 * else go back to the best; then kick */
			if (!best.st.block_res || cycle_objective(&cy) > best.objective + 1e-6) {
				snapshot_copy(&cy, &best, true);
				kicks = 0;
			} else {
				snapshot_copy(&cy, &best, false);
			}
			if (cy.n_blocks < 2 || ++kicks > MAX_KICKS ||
			    !replans_fit(&cy, KICK_BLOCKS))
				break;
			kick(&cy, &rng);
			lns_on = true;
			progress(&cy, "kick", &job);
		}
	}
	if (best.st.block_res && best.objective > cycle_objective(&cy) + 1e-6)
		snapshot_copy(&cy, &best, false);
	snapshot_free(&cy, &best);
	if (tw.pid == 0)
		twin_send(&cy, &tw);
	twin_collect(&cy, &tw);
	bound_poll(&job, &cy, true);
	double bound = job.res.bound;

	build_solution(&cy, sol);
	sol->objective = cycle_objective(&cy);
	/* small cycles: the time the search left, spent on windows and on the
	 * exact model (of workshop blocks alone: not with a part) */
	long cols = part ? LONG_MAX : cycle_mip_size(p, cy.blocks, cy.n_blocks);
	if (cols > EXACT_MAX_COLS && cols <= WINDOW_MAX_COLS && !mip_interrupted &&
	    gap_open(&cy, sol->objective, bound) && time_left(&cy) > 1)
		window_polish(p, cy.blocks, cy.n_blocks, sol, WINDOW_BLOCKS, &rng, time_left(&cy),
			      WINDOW_FAILS(cy.n_blocks), (1 - opt->gap) * bound);
	if (!part)
		bound = prove_exact(&cy, sol, bound);
	if (!mip_bound_holds(bound, sol->objective)) {
		mcl_log(LOG_QUIET, "internal error: the whole-cycle bound %.6f is below the "
			"schedule's objective %.6f", bound, sol->objective);
		rc = -1;
		goto out;
	}
	sol->bound = bound > sol->objective ? bound : sol->objective;  /* rounding only */
	solution_set_gap(sol);
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	sol->stopped_by = mip_interrupted                ? STOP_INTERRUPT
			  : sol->status == SOLVE_OPTIMAL ? STOP_GAP
			  : time_left(&cy) < 1.5         ? STOP_TIME_LIMIT
							 : STOP_SEARCH_DONE;
out:
	for (int b = 0; b < p->n_blocks; b++)
		pmip_result_free(&cy.block_res[b]);
	free(cy.block_res);
	free(cy.slack);
	free(cy.link_hint);
	free(cy.blocks);
	free(cy.allowed);
	free(cy.plan);
	tally_release(&cy.tl);
	return rc;
}
