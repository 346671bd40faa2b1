/*
 * replan.c - re-planning a cycle that has begun, with any model.
 *
 * The frozen part of the previous schedule (p->previous: the blocks up to
 * --after, and every meeting of a seminar section or power-goal group that
 * met there) is taken out of the school: a view of the problem in which the
 * frozen learner-blocks are unavailable, the frozen blocks closed to every
 * facilitator and room, each later block closed to the facilitators and
 * rooms of its frozen sessions, and each facilitator's max_sessions less
 * the frozen sessions they lead.  The configured model plans the view as
 * it would a fresh school (it needs to know nothing of replan), and the
 * frozen sessions are added back to its schedule unchanged.  A learner
 * with no frozen place in a frozen block (one who joined since) has none:
 * those blocks happened without them.
 *
 * The view also holds what the frozen part already gave each learner
 * (view_learner): a need's sessions less those served, a power goal won
 * no longer priority 1, seminars enrolled in no longer eligible.
 *
 * Bound.  Write f for the objective, F for the frozen sessions and R for
 * the rest of a schedule: f(F u R) = f(F) + (what R adds given F).  With
 * the view built as above, what R adds is at most f_view(R): a need's
 * capped count adds min(b, s - a), exactly the view's need with s - a
 * sessions; labs are credited after F's, exactly as the view's reduced
 * online needs credit them; a power goal F won adds nothing, and the view
 * counts it no more; a day or a guru session adds at most what the view
 * counts.  A learner enrolled in a frozen section below
 * seminars_per_learner has every choice closed in the view (a section
 * cannot be split between F and R per learner), so the bound adds, for
 * each, the best remaining choice weight per seminar left.  The reported
 * bound is f(F) + the view model's bound + that: valid for the school with
 * its frozen part.  The view the bound's child bounds keeps the locks.csv
 * pins F does not keep (replan_pins_view): R keeps those, so the view
 * model's bound (bound_lp.c: the pins as constraints) is the bound of the
 * locked problem.  The runs plan the view without them (replan_pins.c
 * builds the pinned sessions; without a previous schedule the best locked
 * one is searched again, its pinned sessions fixed: replan_polish.h): a
 * run's bound is the pins relaxed, valid, weaker.  The smallest bound in
 * is reported, else the view's simple bound (bound_simple.h); the result
 * passes model_check_bound like any model's.
 *
 * The keep term.  The view's model does not know it, so the model runs
 * more than once: when some of the previous later sessions are still
 * allowed, with those kept (replan_keep.c), the model planning only what
 * must move, the learners left without a place seated in kept labs and,
 * in a second run that the first plan takes blocks of, left to the model
 * where no kept workshop seats them; the kept plan is then re-seated by
 * a MIP that weighs the keep term (replan_reseat.c), then its later
 * workshop blocks re-planned one by one by the period MIP with the keep
 * term in the learners' options, weighed KEEP_CONSERVATIVE times in this
 * first pass (a continuation: conservative first), a block taken where
 * the objective plus keep term rises at that weight and at the true one
 * (replan_period.c: a session opened, closed or given
 * another goal, which re-seating cannot do; else the sessions of the
 * block's new plan that gain merged in beside the kept ones,
 * replan_reseat_merge), re-seated again and relabelled (replan_relabel.c:
 * the previous facilitators and rooms it left free), and its blocks
 * re-planned again, at the true weight, with branch-and-bound in each
 * block's MIP (again while a sweep takes one); then
 * with the frozen part alone fixed, starting from that kept plan (the
 * search moves learners where the objective gains; without a kept plan,
 * afresh), its bound the one reported.  That plan is brought back toward
 * the previous schedule (recover_keep: its sessions relabelled with their
 * previous facilitators and rooms, replan_relabel.c, then re-seated and
 * re-planned by block with the keep term), and the kept plan then takes
 * each later workshop block of it that raises the objective plus keep
 * term (replan_blend.c), then, block by block, those of its sessions that
 * do (replan_reseat_merge; the displaced-left-to-the-model run's plan is
 * blended and merged the same), and the schedule with the larger objective plus
 * keep term is written.  Each run has a share of the time left before the
 * deadline; the bound's LP runs once, in a child process, over all of it.
 */
#define _POSIX_C_SOURCE 200809L
#include "replan.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/bound_simple.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/replan_blend.h"
#include "models/replan_keep.h"
#include "models/replan_period.h"
#include "models/replan_pins.h"
#include "models/replan_polish.h"
#include "models/replan_relabel.h"
#include "models/replan_reseat.h"
#include "models/replan_view.h"

/* Runs the model on the view of p without the fixed part sol holds, and
 * adds its schedule to sol.  *bound: f(fixed part) + the view's bound (+
 * the choices closed): a bound on every schedule that contains the fixed
 * part.  Returns as model_solve. */
static int run_view(const struct problem *p, const struct solve_options *opt,
		    struct solution *sol, double *bound)
{
	struct tally ft;
	double lost, fz_value = replan_frozen_value(p, sol, &ft);
	struct problem *v = replan_view_new(p, sol, &ft, &lost);
	tally_release(&ft);
	struct solution vs;
	solution_init(&vs, v);
	int rc = 0;
	if (replan_view_empty(v)) {    /* the fixed part seats everyone: nothing to plan */
		vs.status = SOLVE_OPTIMAL;
		vs.stopped_by = STOP_GAP;
	} else if (opt->write_lp) {
		/* --write-lp: the view's model with the pins it keeps (the
		 * locked problem's; the run itself plans without them) */
		struct solve_options vo = *opt;
		vo.write_lp = NULL;
		replan_pins_view(p, v);
		rc = model_row(v)->write_lp(v, opt->write_lp) != 0 ? -1 : 0;
		replan_pins_view_free(v);
		if (rc == 0)
			rc = model_solve(v, &vo, &vs);
	} else {
		rc = model_solve(v, opt, &vs);
	}
	*bound = -1;    /* none until the run has a schedule */
	if (rc != 0)
		goto out;
	solution_copy_run(sol, &vs, false);
	if (vs.diagnosis)
		sol->diagnosis = xstrdup(vs.diagnosis);
	if (vs.status != SOLVE_OPTIMAL && vs.status != SOLVE_FEASIBLE)
		goto out;
	int base = (int)sol->n_sessions;
	for (size_t i = 0; i < vs.n_sessions; i++) {
		struct session s = vs.sessions[i];
		s.section += base;
		int k = solution_add_session(sol, &s);
		sol->sessions[k].section = s.section;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(&vs, l, b);
			if (si >= 0)
				*solution_attend(sol, l, b) = base + si;
		}
	solution_recount(sol);
	sol->objective = objective_of(p, sol);
	*bound = fz_value + vs.bound + lost;
	mcl_log(LOG_VERBOSE, "replan: bound %.1f = the fixed part %.1f + the rest's %.1f + the "
		"choices it closes %.1f", *bound, fz_value, vs.bound, lost);
out:
	solution_release(&vs);
	replan_view_free(v);
	return rc;
}

static bool has_schedule(const struct solution *s)
{
	return s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE;
}

/* Copies src's sessions and attendance into dst (solution_init()ed). */
static void copy_schedule(struct solution *dst, const struct solution *src)
{
	for (size_t i = 0; i < src->n_sessions; i++) {
		int k = solution_add_session(dst, &src->sessions[i]);
		dst->sessions[k].section = src->sessions[i].section;
	}
	for (long i = 0; i < (long)dst->n_learners * dst->n_blocks; i++)
		dst->attend[i] = src->attend[i];
}

/* The previous sessions kept (replan_keep.h) on top of fixed, into kept;
 * labs: the learners they leave without a place seated in kept labs too
 * (else left to the model where no kept workshop of a need seats them). */
static int build_kept(const struct problem *p, const struct solution *fixed,
		      struct solution *kept, bool labs)
{
	bool *dropped = xcalloc((size_t)p->previous->n_sessions + 1, sizeof(bool));
	int n;
	for (;;) {
		solution_init(kept, p);
		copy_schedule(kept, fixed);
		n = replan_keep_add(p, kept, dropped, labs);
		if (!replan_keep_shortfall(p, kept, dropped))
			break;
		solution_release(kept);
	}
	free(dropped);
	return n;
}

/* Whether a and b (schedules of p) hold the same sessions and places. */
static bool same_schedule(const struct problem *p, const struct solution *a,
			  const struct solution *b)
{
	if (a->n_sessions != b->n_sessions)
		return false;
	for (size_t i = 0; i < a->n_sessions; i++) {
		const struct session *x = &a->sessions[i], *y = &b->sessions[i];
		if (x->kind != y->kind || x->offering != y->offering || x->block != y->block ||
		    x->room != y->room || x->facilitator != y->facilitator)
			return false;
	}
	return !memcmp(a->attend, b->attend,
		       sizeof(int) * (size_t)p->n_learners * (size_t)p->n_blocks);
}

/* kept's sessions past its first n_fixed (the frozen part) and their
 * places, as a schedule of the view without that part, into start: the
 * warm start of the view's model.  False (start not set) when a section
 * spans both parts. */
static bool view_start(const struct problem *p, const struct solution *kept, size_t n_fixed,
		       struct solution *start)
{
	for (size_t i = n_fixed; i < kept->n_sessions; i++)
		if (kept->sessions[i].section >= 0 && kept->sessions[i].section < (int)n_fixed)
			return false;
	solution_init(start, p);
	for (size_t i = n_fixed; i < kept->n_sessions; i++) {
		int k = solution_add_session(start, &kept->sessions[i]);
		int sec = kept->sessions[i].section;
		start->sessions[k].section = sec >= 0 ? sec - (int)n_fixed : k;
	}
	for (long c = 0; c < (long)p->n_learners * p->n_blocks; c++)
		start->attend[c] = kept->attend[c] >= (int)n_fixed ? kept->attend[c] - (int)n_fixed
								    : -1;
	solution_recount(start);
	start->status = SOLVE_FEASIBLE;
	return true;
}

/* Moves cand into *best when it has a schedule and scores more (objective
 * plus keep term); cand is released either way. */
static void take_better(const struct problem *p, struct solution *best, struct solution *cand)
{
	if (has_schedule(cand) &&
	    (!has_schedule(best) || cand->objective + objective_keep_total(p, cand) >
				    best->objective + objective_keep_total(p, best))) {
		struct solution old = *best;
		*best = *cand;
		*cand = old;
	}
	solution_release(cand);
}

/* The least time left for a run that can only improve a schedule in hand,
 * beyond what the first run took past its share (a model builds a whole
 * first schedule whatever its limit, so a later run takes about as long). */
#define RUN_LEAST_SECONDS 0.5

/* The share of the time left that the last run (the later blocks from
 * the kept plan) leaves for re-seating its relabelled plan. */
#define RELABEL_RESEAT_SHARE 0.25

/* The most sweeps of the kept plan's block re-plans with branching (on
 * zoo s6 the second and third each took two blocks). */
#define BRANCH_SWEEPS 3

/* The kept plan's first block re-planning pass weighs weights.keep this
 * many times (a block's plan then taken only where the objective plus the
 * true keep term rises too), the branching sweeps after it the true
 * weight: a continuation, conservative first.  At the true weight the
 * first pass takes plans that trade kept learner-blocks for a little
 * objective, and the blocks they change then take no better plan. */
#define KEEP_CONSERVATIVE 1.5

/* The most rounds of recover_keep (the third rarely gains). */
#define RECOVER_ROUNDS 3

/* The time limit of a run that shares what is left before opt->deadline
 * (replan_solve sets it) with runs_left - 1 more: at least a second, never
 * past the deadline. */
static double run_share(const struct solve_options *opt, int runs_left)
{
	double share = (opt->deadline - mcl_now()) / (runs_left > 0 ? runs_left : 1);
	return share >= 1 ? share : model_time_left(opt, 1);
}

/* sol (its later blocks searched for the objective alone) brought back
 * toward the previous schedule where the objective plus keep term gains:
 * its sessions given their previous facilitators and rooms
 * (replan_relabel.h), its learners re-seated (replan_reseat.h), its
 * blocks re-planned with the keep term (replan_period.h), again while a
 * round re-plans a block, gains, and time is left. */
static void recover_keep(const struct problem *p, const struct solve_options *opt,
			 struct solution *sol)
{
	for (int round = 0; round < RECOVER_ROUNDS; round++) {
		double before = sol->objective + objective_keep_total(p, sol);
		int nl = replan_relabel(p, sol);
		if (nl > 0 || round == 0)
			replan_reseat(p, sol, run_share(opt, 3));
		int np = replan_period(p, sol, run_share(opt, 2));
		if (np > 0)
			replan_reseat(p, sol, run_share(opt, 2));
		double after = sol->objective + objective_keep_total(p, sol);
		mcl_log(LOG_VERBOSE, "replan: round %d toward the previous schedule: %d blocks "
			"relabelled, %d re-planned: objective %.1f + keep %.1f", round + 1, nl, np,
			sol->objective, objective_keep_total(p, sol));
		if (np == 0 || after <= before + 1e-6 || model_time_left(opt, 1) < 1)
			break;  /* a round without a block re-planned leaves nothing new */
	}
}

/* The kept plan re-seated with the keep term (the displaced where others
 * can make room for them), re-planned block by block with it scaled by
 * KEEP_CONSERVATIVE (moderate changes), re-seated again, its sessions
 * given the previous facilitators and rooms the re-plans left free, and
 * its blocks re-planned again with the true keep term and branch-and-bound
 * in each block's MIP, again while a sweep takes one. */
static void improve_kept(const struct problem *p, const struct solve_options *opt,
			 struct solution *best)
{
	replan_reseat(p, best, run_share(opt, 2));
	int n = replan_period_conservative(p, best, run_share(opt, 2), KEEP_CONSERVATIVE);
	mcl_log(LOG_VERBOSE, "replan: %d blocks re-planned with the keep term times %.1f: "
		"objective %.1f + keep %.1f", n, KEEP_CONSERVATIVE, best->objective,
		objective_keep_total(p, best));
	if (n > 0)
		replan_reseat(p, best, run_share(opt, 2));
	int nl = replan_relabel(p, best);
	mcl_log(LOG_VERBOSE, "replan: %d blocks of the kept plan relabelled: objective %.1f + "
		"keep %.1f", nl, best->objective, objective_keep_total(p, best));
	/* the blocks again, each MIP with branch-and-bound (the quick pass
	 * leaves most of the time on a small school), again while a sweep
	 * takes a block */
	for (int sweep = 0; sweep < BRANCH_SWEEPS; sweep++) {
		int nb = replan_period_branching(p, best, run_share(opt, 2));
		if (nb > 0)
			replan_reseat(p, best, run_share(opt, 2));
		mcl_log(LOG_VERBOSE, "replan: sweep %d, %d blocks re-planned with branching: "
			"objective %.1f + keep %.1f", sweep + 1, nb, best->objective,
			objective_keep_total(p, best));
		if (nb == 0)
			break;
	}
}

/* The later workshop blocks of other (a plan with best's frozen part)
 * that raise best's objective plus keep term taken into best
 * (replan_blend.h), then, block by block, those of its sessions that do
 * (replan_reseat_merge), within seconds. */
static void take_from(const struct problem *p, struct solution *best,
		      const struct solution *other, double seconds, const char *where)
{
	int n = replan_blend(p, best, other);
	int m = replan_reseat_merge(p, best, other, seconds);
	mcl_log(LOG_VERBOSE, "replan: %d blocks of it taken%s%s, then its sessions merged "
		"(%d learner-blocks moved): objective %.1f + keep %.1f", n, *where ? " " : "",
		where, m, best->objective, objective_keep_total(p, best));
}

/* Runs the model on the view without fixed; the schedule into out. */
static int run_fixed(const struct problem *p, const struct solve_options *opt,
		     int runs_left, const struct solution *fixed, struct solution *out)
{
	struct solve_options part = *opt;
	part.time_limit = run_share(opt, runs_left);
	part.write_lp = NULL;   /* --write-lp: the runs with the fixed part alone write it */
	double ignored;
	solution_init(out, p);
	copy_schedule(out, fixed);
	return run_view(p, &part, out, &ignored);
}

/* The previous sessions kept on top of fixed, the model on the rest: the
 * learners left without a place seated in kept labs, then left to the
 * model (when that differs), the first plan taking the blocks of the
 * second that gain; the better (objective plus keep term) into best.
 * runs: the runs still to come after these.  Returns as model_solve. */
static int run_kept(const struct problem *p, const struct solve_options *opt,
		    const struct solution *fixed, int runs, struct solution *best)
{
	struct solution kept, alt, cand;
	int rc = 0, n_kept = build_kept(p, fixed, &kept, true);
	int n_alt = build_kept(p, fixed, &alt, false);
	if (n_alt > 0 && same_schedule(p, &kept, &alt))
		n_alt = 0;
	runs += (n_kept > 0) + (n_alt > 0);
	if (n_kept > 0) {
		rc = run_fixed(p, opt, runs--, &kept, &cand);
		mcl_log(LOG_VERBOSE, "replan: %d previous sessions kept: %s, objective %.1f + keep %.1f",
			n_kept, has_schedule(&cand) ? "a schedule" :
			cand.diagnosis ? cand.diagnosis : "none", cand.objective,
			objective_keep_total(p, &cand));
		take_better(p, best, &cand);
	}
	if (rc == 0 && n_alt > 0) {
		rc = run_fixed(p, opt, runs--, &alt, &cand);
		mcl_log(LOG_VERBOSE, "replan: the displaced left to the model: %s, objective %.1f + "
			"keep %.1f", has_schedule(&cand) ? "a schedule" : "none", cand.objective,
			objective_keep_total(p, &cand));
		if (has_schedule(&cand) && has_schedule(best)) {
			take_from(p, best, &cand, run_share(opt, runs + 1) / 4, "");
		}
		take_better(p, best, &cand);
	}
	solution_release(&kept);
	solution_release(&alt);
	return rc;
}

/* The pins built like guide g, the rest of g kept around them, the pinned
 * sessions filled where blocks are short, and the model on what is left:
 * the schedule into out.  Returns as model_solve. */
static int run_guided(const struct problem *p, const struct solve_options *opt, int runs_left, const struct previous *g, struct solution *out)
{
	struct solution fixed, kept;
	solution_init(&fixed, p);
	char *why = NULL;
	int rc = 0;
	solution_init(out, p);
	out->status = SOLVE_NO_SOLUTION;
	if (replan_pins_add(p, g, &fixed, false, &why) >= 0) {
		struct problem q = *p;     /* g as the previous schedule to keep */
		q.previous = (struct previous *)g;
		build_kept(&q, &fixed, &kept, true);
		replan_pins_fill(p, &kept, 0);
		solution_release(out);
		rc = run_fixed(p, opt, runs_left, &kept, out);
		solution_release(&kept);
	}
	mcl_log(LOG_VERBOSE, "locks: pins built like the plan without them: %s, objective %.1f",
		why ? why : has_schedule(out) ? "a schedule" :
		out->diagnosis ? out->diagnosis : "none", has_schedule(out) ? out->objective : 0.0);
	free(why);
	solution_release(&fixed);
	return rc;
}

/* The model's search of best (a schedule keeping the locks) with the
 * sessions that hold a pin fixed (replan_polish.h), started from the rest
 * of best, then (the workshop model) the exact cycle MIP with the pins
 * from it, its bound (a bound of the locked problem) into *bound when
 * lower; the better into best.  Not in the power-goal model (a learner's
 * group spans the pinned blocks and the rest).  Returns as model_solve. */
static int run_polish(const struct problem *p, const struct solve_options *opt,
		      struct solution *best, double *bound)
{
	struct solution ordered, fixed, start, cand;
	bool exact = p->config.model == MODEL_WORKSHOP;
	size_t n = replan_polish_split(p, best, &ordered);
	int rc = 0;
	if (n > 0 && !model_row(p)->whole_cycle_groups && view_start(p, &ordered, n, &start)) {
		replan_polish_fixed(p, &ordered, n, &fixed);
		struct solve_options part = *opt;
		part.time_limit = run_share(opt, exact ? 2 : 1);
		part.write_lp = NULL;
		part.start = &start;
		part.simple_bound = true;       /* the bound is the child's */
		double ignored;
		solution_init(&cand, p);
		copy_schedule(&cand, &fixed);
		rc = run_view(p, &part, &cand, &ignored);
		mcl_log(LOG_VERBOSE, "locks: the rest searched with the %zu pinned sessions fixed: "
			"objective %.1f -> %.1f", n, best->objective,
			has_schedule(&cand) ? cand.objective : -1.0);
		take_better(p, best, &cand);
		solution_release(&start);
		solution_release(&fixed);
	}
	solution_release(&ordered);
	double eb = rc == 0 && exact ? replan_polish_exact(p, best, model_time_left(opt, 1e9)) : -1;
	if (eb >= 0 && (*bound < 0 || eb < *bound))
		*bound = eb;
	return rc;
}

/* The simple bound of view v (bound_simple.h: valid for every model). */
static double simple_bound_of(const struct problem *v)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)v->n_blocks + 1));
	int *sem = xmalloc(sizeof(int) * ((size_t)v->n_blocks + 1));
	int n_ws = model_blocks(v, BLOCK_WORKSHOP, ws);
	int n_sem = model_blocks(v, BLOCK_SEMINAR, sem);
	double b = bound_simple_cycle(v, ws, n_ws, sem, n_sem);
	free(sem);
	free(ws);
	return b;
}

/* f(frozen part) + a bound of the view without it + the choices it
 * closes, as in run_view: with seconds >= 0 the model's bound of the view
 * keeping the pins F does not (replan_pins_view), else the view's simple
 * bound (the pins relaxed); -1 when the frozen part cannot be built. */
static double view_bound(const struct problem *p, double seconds)
{
	struct solution fz;
	solution_init(&fz, p);
	char *why = p->previous ? replan_add_frozen(p, &fz) : NULL;
	double b = -1;
	if (!why) {
		struct tally t;
		double lost, f = replan_frozen_value(p, &fz, &t);
		struct problem *v = replan_view_new(p, &fz, &t, &lost);
		tally_release(&t);
		if (seconds >= 0)
			replan_pins_view(p, v);
		b = f + lost + (replan_view_empty(v) ? 0 : seconds < 0 ? simple_bound_of(v) :
				model_row(v)->bound(v, seconds));
		replan_view_free(v);
	}
	free(why);
	solution_release(&fz);
	return b;
}

/* The share of the time to the deadline the bound's child takes. */
#define BOUND_END_SHARE 0.95

/* The bound reported, view_bound's with the model's bound, computed once
 * over BOUND_END_SHARE of the time in a child process while the runs
 * search (the run of the same view then reports the simple bound instead
 * of solving the same LP again).  No child without fork: the runs' bounds
 * (the pins relaxed) stand. */
static void bound_child_start(const struct problem *p, const struct solve_options *opt,
			      struct child *ch)
{
	if (child_start(ch) != 0)
		return;
	mcl_log_mute_process();
	/* done a little before the deadline, when the parent stops waiting,
	 * so that the LP's bound (an optimum or its dual simplex's prices,
	 * bound_lp.c) is in */
	double b = view_bound(p, BOUND_END_SHARE * model_time_left(opt, 1e9));
	struct wire w = WIRE_INIT;
	wire_put_double(&w, b);
	wire_put_int(&w, (int)bound_lp_last_kind());
	child_exit(child_send(ch, &w) == 0);
}

/* The child's bound, waited for until the deadline; -1 when there is none.
 * -v says where it came from (the view's bound LP, when the model has one). */
static double bound_child_collect(const struct solve_options *opt, struct child *ch)
{
	if (ch->pid <= 0)
		return -1;
	if (!child_wait(ch, model_time_left(opt, 1e9)))
		child_cancel(ch, SIGKILL);
	struct wire w;
	bool got = child_collect(ch, &w) == 0;
	double b = got ? wire_get_double(&w) : -1;
	int kind = got ? wire_get_int(&w) : -1;
	b = wire_done(&w) ? b : -1;
	wire_release(&w);
	mcl_log(LOG_VERBOSE, "replan: the bound's child: %.1f (%s)", b,
		b < 0 ? "none in time" : kind != BOUND_SIMPLE ?
		bound_lp_kind_name((enum bound_lp_kind)kind) : "the model's bound, no LP bound below it");
	return b;
}

/* sol's bound: the smaller of the runs' (or the locked MIP's) bound and
 * the child's (each -1 when none); when neither is in (no schedule in the
 * run's share, the LP not in time), the view's simple bound.  Then the one
 * bound check, as for any model. */
static int report_bound(const struct problem *p, const struct solve_options *opt,
			struct solution *sol, double bound, double lp)
{
	if (lp >= 0 && (bound < 0 || lp < bound))
		bound = lp;
	sol->bound = bound >= 0 ? bound : view_bound(p, -1);
	return model_check_bound(p->config.model, opt, sol);
}

int replan_solve(const struct problem *p, const struct solve_options *given,
		 struct solution *sol)
{
	/* every run's time is a share of what is left before the deadline */
	struct solve_options o = *given;
	const struct solve_options *opt = &o;
	if (o.deadline <= 0 || o.deadline > mcl_now() + o.time_limit)
		o.deadline = mcl_now() + o.time_limit;
	struct child bound_ch = CHILD_NONE;
	bound_child_start(p, opt, &bound_ch);
	double bound = -1;      /* the view run's bound; -1 while none */
	int rc = 0;
	struct solution fixed, cand, best;
	solution_init(&best, p);
	best.status = SOLVE_NO_SOLUTION;
	/* locks without a previous schedule: the model's plan of the school
	 * without them first (the bound's child bounds the locked school),
	 * then the pins built like it, the rest of it kept */
	struct previous *guide = NULL;
	double overrun = 0;     /* how far past its share the first run went */
	if (!p->previous) {
		struct solve_options part = *opt;
		part.time_limit = run_share(opt, 2);  /* then guided, from nothing, polish */
		part.simple_bound = bound_ch.pid > 0;   /* the child's view */
		double t1 = mcl_now();
		rc = run_view(p, &part, sol, &bound);
		overrun = mcl_now() - t1 - part.time_limit;
		mcl_log(LOG_VERBOSE, "locks: the plan without them: objective %.1f",
			has_schedule(sol) ? sol->objective : 0.0);
		if (rc == 0 && has_schedule(sol)) {
			guide = replan_pins_guide_of(p, sol);
			rc = run_guided(p, opt, 3, guide, &cand);
			take_better(p, &best, &cand);
		}
	}
	solution_init(&fixed, p);
	char *why = p->previous ? replan_add_frozen(p, &fixed) : NULL;
	int n_pins = why ? -1 : 0;
	/* a frozen meeting nobody can cover is a proof; pins built in one
	 * order that do not fit are not */
	bool proven = why != NULL;
	/* the pins built from nothing too (the guide's schedule, if any, is
	 * kept when this one is not better) */
	if (rc == 0 && !why && p->n_pins)
		n_pins = replan_pins_add(p, p->previous, &fixed, true, &why);
	if (n_pins < 0 && has_schedule(&best)) {
		free(why);
		why = NULL;
		n_pins = 0;
	}
	if (n_pins < 0) {
		solution_release(sol);
		solution_init(sol, p);
		sol->status = proven ? SOLVE_INFEASIBLE : SOLVE_NO_SOLUTION;
		sol->diagnosis = why;
		solution_release(&fixed);
		solution_release(&best);
		replan_pins_guide_free(guide);
		child_cancel(&bound_ch, SIGKILL);
		return 0;
	}
	/* without a previous schedule, the polish of the pins' runs comes last */
	int runs = 1 + (n_pins > 0) - !p->previous + (!p->previous && p->n_pins > 0);
	if (p->previous)
		rc = run_kept(p, opt, &fixed, runs, &best);
	if (rc == 0 && p->previous && n_pins == 0 && has_schedule(&best))
		improve_kept(p, opt, &best);
	if (rc == 0 && n_pins > 0 && !p->previous && has_schedule(&best) &&
	    model_time_left(opt, overrun + RUN_LEAST_SECONDS) < overrun + RUN_LEAST_SECONDS) {
		mcl_log(LOG_VERBOSE, "locks: no time left to build the pins from nothing too");
		n_pins = 0;     /* the guided run's schedule stands */
	}
	if (rc == 0 && n_pins > 0) {
		rc = run_fixed(p, opt, runs > 0 ? runs-- : 1, &fixed, &cand);
		mcl_log(LOG_VERBOSE, "%s: the pins built from nothing: %s %.1f", p->previous ?
			"replan" : "locks", has_schedule(&cand) ? "objective" : "no schedule",
			has_schedule(&cand) ? cand.objective : 0.0);
		if (!has_schedule(&cand) && !has_schedule(&best)) {
			char *lines = replan_pins_lines(p);
			free(best.diagnosis);
			best.diagnosis = xasprintf("with the sessions of the locks (%s) built first "
						   "(a facilitator, room and members chosen for each "
						   "where the lock names none), no schedule was found "
						   "for the rest; remove or change a lock: %s", lines,
						   cand.diagnosis ? cand.diagnosis : "\n");
			free(lines);
		}
		take_better(p, &best, &cand);
	}
	/* no pinned construction kept every pin: the exact locked model from
	 * nothing (the workshop model, small schools), with the time left */
	if (rc == 0 && !p->previous && p->n_pins && !has_schedule(&best) && !mip_interrupted) {
		replan_polish_find(p, run_share(opt, 1), opt->gap, &cand);
		take_better(p, &best, &cand);
	}
	/* locks without a previous schedule: the rest searched, pins fixed */
	if (rc == 0 && !p->previous && p->n_pins && has_schedule(&best) &&
	    model_time_left(opt, RUN_LEAST_SECONDS) >= RUN_LEAST_SECONDS)
		rc = run_polish(p, opt, &best, &bound);
	/* with a previous schedule, the run with the frozen part alone fixed
	 * (its own bound the pins relaxed: valid, weaker than the child's);
	 * its schedule counts only when there are no pins */
	if (p->previous)
		free(replan_add_frozen(p, sol));      /* as for fixed: no cover, no schedule */
	if (rc == 0 && p->previous) {
		/* without pins, it starts from the kept plan (the search then
		 * moves kept learner-blocks where the objective gains) */
		struct solution start;
		bool warm = n_pins == 0 && has_schedule(&best) &&
			    view_start(p, &best, sol->n_sessions, &start);
		struct solve_options part = *opt;
		part.time_limit = run_share(opt, 1) * (warm ? 1 - RELABEL_RESEAT_SHARE : 1);
		part.start = warm ? &start : NULL;
		part.simple_bound = bound_ch.pid > 0;   /* the child's view */
		rc = run_view(p, &part, sol, &bound);
		if (warm)
			solution_release(&start);
		if (has_schedule(sol))
			mcl_log(LOG_VERBOSE, "replan: the later blocks %s: objective %.1f + keep %.1f",
				warm ? "from the kept plan" : "afresh", sol->objective,
				objective_keep_total(p, sol));
		/* its sessions given back their previous facilitators and
		 * rooms where that gains (replan_relabel.h), then the kept
		 * plan takes the blocks of it that gain with the keep term */
		if (warm && has_schedule(sol))
			recover_keep(p, opt, sol);
		if (warm && has_schedule(sol))
			take_from(p, &best, sol, run_share(opt, 1), "into the kept plan");
	}
	if (n_pins > 0 || (!p->previous && p->n_pins > 0) ||
	    (has_schedule(&best) && !has_schedule(sol)) ||
	    (has_schedule(&best) && best.objective + objective_keep_total(p, &best) >
				    sol->objective + objective_keep_total(p, sol))) {
		enum stop_reason stop = sol->stopped_by;
		struct solution old = *sol;
		*sol = best;
		best = old;
		sol->stopped_by = has_schedule(sol) ? stop : sol->stopped_by;
	}
	solution_release(&best);
	solution_release(&fixed);
	replan_pins_guide_free(guide);
	double lp = bound_child_collect(opt, &bound_ch);
	if (rc != 0 || !has_schedule(sol))
		return rc;
	return report_bound(p, opt, sol, bound, lp);
}
