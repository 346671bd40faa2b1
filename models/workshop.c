/*
 * workshop.c - the workshop model: learners regroup around goals in every
 * workshop block of the cycle, labs for online goals and as the place every
 * learner not in a workshop is seated.
 *
 * The whole cycle as one MIP is out of GLPK's reach at school scale (its
 * root LP alone does not finish in the time limit at 1500 learners), so the
 * model is decomposed over blocks and keeps a proven bound on the whole
 * cycle beside it.  workshop_search is a pipeline of six stages:
 *
 *   pre-check  counting checks (precheck.c): a block that cannot seat its
 *              learners makes the cycle infeasible, said in words;
 *   bound      an aggregated LP of the whole cycle (bound_lp.c) that every
 *              schedule satisfies, so its optimum bounds the cycle's optimum
 *              from above; it runs in a child process (child.h) while the
 *              schedule is built here;
 *   construct  one period MIP per block (period_mip.c), area-limited blocks
 *              first, then in time order, each valuing a learner's options
 *              by what they add given the sessions the other blocks
 *              already give them (the objective's own difference);
 *              when the blocks planned so far, at their average time,
 *              say the rest cannot be planned in the time left, the rest
 *              get their greedy plans at once, so that the hand schedule
 *              (which then usually wins) leaves the improve stage its time;
 *   improve    rounds of the neighbourhoods (workshop_moves.c: sweeps,
 *              ruin-and-recreate, lab balance, re-seating, re-goaling),
 *              each change kept only when it raises the cycle's objective,
 *              until a round finds nothing, the gap is met or time runs
 *              out; at such a local optimum the search goes back to its
 *              best schedule and kicks it; on small schools a second search
 *              runs in a child process from round 1 on;
 *   polish     on small cycles, windows of a few blocks solved exactly
 *              (window.c) with the time the search left;
 *   prove      on the smallest cycles, the exact cycle MIP (cycle_mip.c)
 *              started from the schedule, whose bound may close the gap.
 *
 * Which moves run, how large and how many is the settings table's
 * (search_settings.c), by school size, read once into the cycle.  The
 * objective only rises, and the gap reported is against the whole-cycle
 * bound, never a block's own.
 */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/progress.h"
#include "engine/util.h"
#include "models/child.h"
#include "models/cycle_mip.h"
#include "models/exact_shortfall.h"
#include "models/greedy_start.h"
#include "models/model.h"
#include "models/precheck.h"
#include "models/window.h"
#include "models/workshop.h"
#include "models/workshop_search.h"

/* The least time a block that found no plan in its share gets again,
 * when the time limit leaves it. */
#define RESCUE_SECONDS 10.0

/* The time of a block's branch-and-bound re-plan after its share (share)
 * found no plan: four shares, at least RESCUE_SECONDS, at most what is
 * left of the time limit. */
static double rescue_seconds(const struct cycle *cy, double share)
{
	double want = share > RESCUE_SECONDS ? 4 * share : RESCUE_SECONDS;
	double left = cycle_time_left(cy);
	return want < left ? want : left;
}

/* Reports the search's state: the detail (what, the current objective) at
 * -v, and to progress.c, which prints a line a person reads when the best
 * schedule improves or now and then.  During construction ("block j/n
 * ...", j < n) the cycle is not a whole schedule yet, so no objective is
 * reported. */
void search_progress(const struct cycle *cy, const char *what)
{
	const struct bound_job *job = cy->job;
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
	progress_report(phase, whole ? obj : -1, bound, whole ? cycle_need_sessions_pct(cy) : -1);
}

/*
 * A second search in a child process, on schools where the machine's
 * second core is otherwise idle once the bound is known (cy->set
 * .twin_search; the paired re-seatings of large schools use it instead).
 * After round 1 the child goes on from the same schedule with its own
 * random stream, so its ruin-and-recreate moves, re-seating sets and kicks
 * differ; at the end the parent takes the child's best schedule when it
 * scores higher.  The child stops by the same rules (time limit, gap,
 * kicks), and the parent waits for it, so the same input and seed still
 * give the same schedule when the runs end by themselves.
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
		period_mip_result_encode(&w, &cy->block_res[cy->blocks[j]],
				   cycle_block_learners(cy->p, cy->blocks[j]), 1);
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
	bool needed = mip_interrupted || !cycle_gap_reached(cy);
	if (!needed)
		child_cancel(tw, SIGKILL);
	else if (mip_interrupted)
		child_cancel(tw, SIGTERM);
	struct period_mip_result *got = xcalloc((size_t)cy->n_blocks + 1, sizeof(*got));
	struct wire w = WIRE_INIT;
	bool ok = needed && child_collect(tw, &w) == 0;
	double obj = ok ? wire_get_double(&w) : 0;
	for (int j = 0; j < cy->n_blocks && ok; j++)
		ok = period_mip_result_decode(&w, &got[j], cycle_block_learners(p, cy->blocks[j]), 1) == 0;
	ok = ok && wire_done(&w);
	wire_release(&w);
	double own = cycle_objective(cy);
	bool take = ok && obj > own + 1e-6;
	for (int j = 0; j < cy->n_blocks && take; j++)
		cycle_swap_block(cy, cy->blocks[j], &got[j]);
	mcl_log(LOG_VERBOSE, "search in a second process: %s (%.1f, this one %.1f)",
		!needed ? "not needed" : ok ? (take ? "taken" : "not better") : "lost", obj, own);
	for (int j = 0; j < cy->n_blocks; j++)
		period_mip_result_free(&got[j]);
	free(got);
	return take;
}

/*
 * The order of construction: blocks that allow fewer goals first (a block
 * limited to some areas can only serve those areas' needs, so it chooses
 * before the open blocks take them), then time order.  Caller frees.
 */
static int *construct_order(const struct cycle *cy)
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

/* Takes a schedule the exact model (or a window of it) found into the cycle
 * state.  The state's objective must then be the model's: -1 (an internal
 * error) when the two disagree. */
static int take_exact(struct cycle *cy, const struct solution *found, const char *what)
{
	cycle_load_solution(cy, found);
	double own = cycle_objective(cy);
	if (fabs(own - found->objective) > 1e-6 * (1 + fabs(own))) {
		mcl_log(LOG_QUIET, "internal error: the %s scored its schedule %.6f, the "
			"objective scores it %.6f", what, found->objective, own);
		return -1;
	}
	return 0;
}

/* The cycle's schedule as a solution, with its objective. */
static void cycle_schedule(const struct cycle *cy, struct solution *s)
{
	solution_init(s, cy->p);
	cycle_build_solution(cy, s);
	s->objective = cycle_objective(cy);
}

/*
 * Prove: on the smallest cycles (cy->set.exact_max_cols), the time left
 * spent on the exact cycle MIP (cycle_mip.c) started from the search's
 * schedule.  Its branch-and-bound bound is a bound on the whole cycle; a
 * better schedule it finds goes into the cycle state.  Returns the tighter
 * of the two bounds (bounds are >= 0), or -1 on an internal error.
 */
static double stage_prove(struct cycle *cy, double bound)
{
	const struct problem *p = cy->p;
	double left = cycle_time_left(cy);
	double obj = cycle_objective(cy);
	if (!cycle_gap_open(cy, obj, bound) || left < 1 ||
	    mip_interrupted || cycle_mip_size(p, cy->blocks, cy->n_blocks) > cy->set.exact_max_cols)
		return bound;
	struct solution work;
	cycle_schedule(cy, &work);
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, cy->blocks, cy->n_blocks, &map);
	double *start = cycle_mip_start(p, P, map, &work);
	struct mip_params mp = { .seconds = left, .gap = cy->opt->gap, .start = start,
				 .label = "exact cycle model" };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	double proven = bound;
	bool found = mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE;
	if (found && mr.bound < proven)
		proven = mr.bound;
	/* GLPK's bound of a view worth nothing can be -0.0 or -1e-13: never
	 * below what a schedule reaches (-1 means an internal error) */
	if (found && proven < obj)
		proven = obj;
	if (found && mr.objective > obj + 1e-6) {
		solution_release(&work);
		solution_init(&work, p);
		if (cycle_mip_extract(p, P, map, &work) == 0) {
			work.objective = mr.objective;
			if (take_exact(cy, &work, "exact cycle model") != 0)
				proven = -1;
		}
	}
	mcl_log(LOG_NORMAL, "[%6.1fs] exact cycle model: objective %.1f -> %.1f, bound %.1f -> %.1f",
		mcl_now() - cy->t0, obj, cycle_objective(cy), bound, proven);
	solution_release(&work);
	glp_delete_prob(P);
	free(start);
	free(map);
	return proven;
}

/* Pre-check: the counting checks, on the facilitators' whole availability
 * (a failure proves the cycle infeasible) and then on their session limits
 * spread over the blocks (cy->allowed, which construction must keep).
 * Returns 1 when the cycle cannot be scheduled (sol says why), else 0. */
static int stage_precheck(struct cycle *cy, struct solution *sol)
{
	const struct problem *p = cy->p;
	char *why = precheck_counts(p, cy->blocks, cy->n_blocks, NULL, cy->sessions_left);
	if (why) {
		sol->status = SOLVE_INFEASIBLE;
		sol->diagnosis = why;
		return 1;
	}
	cy->allowed = precheck_spread_limits(p, cy->blocks, cy->n_blocks, cy->sessions_left);
	why = precheck_counts(p, cy->blocks, cy->n_blocks, cy->allowed, cy->sessions_left);
	if (why) {
		sol->status = SOLVE_NO_SOLUTION;
		sol->diagnosis = xasprintf("no schedule found: spreading the facilitators' "
					   "max_sessions over the blocks leaves too few:\n%s", why);
		free(why);
		return 1;
	}
	return 0;
}

/* Times a construction plans the blocks up to a stuck one together. */
#define JOINT_TRIES 3

/* Construct: every block planned once, in construct_order, each against
 * the blocks planned before it; a block left without a plan starts it
 * again (construct_joint, then construct_rescue).  Each block's time share is a safety net
 * (twice its fair share of what is left), not the usual stop.  Returns 0;
 * 1 when a block got no plan (sol says why); -1 when GLPK failed. */
static int stage_construct(struct cycle *cy, struct bound_job *job, struct solution *sol)
{
	const struct problem *p = cy->p;
	int rc = 0;
	int *order = construct_order(cy);
	/* rescues per block, then the orders run with lab reserves (one a rescue) */
	int *rescued = xcalloc((size_t)p->n_blocks + 1 +
			       (size_t)p->n_blocks * (size_t)cy->n_blocks * RESCUE_PER_BLOCK, sizeof(int));
	double t_start = mcl_now();
	int joint_tries = 0;
	cy->constructing = true;
	for (int j = 0; j < cy->n_blocks; j++) {
		double left = cycle_time_left(cy);
		if (j > 0 && !cy->construct_greedy &&
		    (mcl_now() - t_start) / j * (cy->n_blocks - j) > left) {
			cy->construct_greedy = cy->unswept = true;
			mcl_log(LOG_VERBOSE, "[%6.1fs] construction: %d blocks left at %.1f s "
				"each exceed the %.1f s left: greedy plans for them",
				mcl_now() - cy->t0, cy->n_blocks - j,
				(mcl_now() - t_start) / j, left);
		}
		double share = 2 * left / (cy->n_blocks - j + 1);
		int planned = move_replan_block(cy, order[j], share > 0.2 ? share : 0.2, false);
		if (planned == -1 && !mip_interrupted && cycle_time_left(cy) > 0)
			/* no plan in its share (a short limit, a busy machine)
			 * or by rounding the LP: branch-and-bound, with more
			 * time, but never past the time limit */
			planned = move_replan_block(cy, order[j], rescue_seconds(cy, share), true);
		if (planned == BLOCK_ERROR) {
			mcl_log(LOG_QUIET, "internal error: GLPK failed on block '%s'",
				p->blocks[order[j]].id);
			rc = -1;
		}
		bool none = planned == BLOCK_STUCK || (planned == -1 && !mip_interrupted);
		if (none && construct_rescue(cy, order, j, rescued)) {
			j = -1;         /* again from the first block */
			t_start = mcl_now();
			continue;
		}
		if (none && joint_tries++ < JOINT_TRIES && construct_joint(cy, order, j)) {
			bound_job_poll(job, cy, false);
			search_progress(cy, "blocks planned together");
			continue;
		}
		if (planned == BLOCK_STUCK) {
			sol->status = SOLVE_NO_SOLUTION;
			sol->diagnosis = xasprintf(
				"no schedule found: block '%s' cannot be planned after the blocks "
				"planned before it.  The counting checks pass, but by then too "
				"many of its learners have had every session they need and must "
				"be in a lab, or the facilitators' max_sessions are spent.  More "
				"lab seats in that block (lab rooms%s%s%s, lab max_group) or more "
				"need sessions usually fix it.  mclsched plans block by block, so "
				"this does not prove that no schedule exists.\n",
				p->blocks[order[j]].id, p->lab_feature >= 0 ? " with the feature '" : "",
				p->lab_feature >= 0 ? p->features[p->lab_feature] : "",
				p->lab_feature >= 0 ? "'" : "");
			bound_job_poll(job, cy, true);
			if (rc == 0)
				rc = 1;
			break;
		}
		if (planned < 0) {
			sol->status = SOLVE_NO_SOLUTION;
			sol->diagnosis = xasprintf(
				"no schedule found for block '%s' within the limits: the counting "
				"checks pass, so the block's groups could not be formed (minimum "
				"group sizes, room features or expertise).  Try a longer "
				"--time-limit, or check the goals' min_group and the rooms.\n",
				p->blocks[order[j]].id);
			bound_job_poll(job, cy, true);
			if (rc == 0)
				rc = 1;
			break;
		}
		bound_job_poll(job, cy, false);
		char what[96];
		snprintf(what, sizeof(what), "block %d/%d '%s'", j + 1, cy->n_blocks,
			 p->blocks[order[j]].id);
		search_progress(cy, what);
	}
	cy->constructing = false;
	cy->construct_greedy = false;
	free(rescued);
	free(order);
	return rc;
}

/* cy->allowed for a loaded schedule: a facilitator whose sessions left
 * (cycle_sessions_left: max_sessions, less a part's) are below their
 * available workshop blocks may lead in the blocks where sol has them, and
 * in the first others up to that many, so that no later re-plan takes them
 * past it; the others, wherever they are available. */
static void allowed_from(struct cycle *cy, const struct solution *sol)
{
	const struct problem *p = cy->p;
	for (int f = 0; f < p->n_facilitators; f++) {
		const struct facilitator *fa = &p->facilitators[f];
		bool *row = &cy->allowed[(long)f * p->n_blocks];
		int avail = 0, used = 0;
		for (int j = 0; j < cy->n_blocks; j++) {
			int b = cy->blocks[j];
			avail += !fa->unavailable[b];
			row[b] = false;
		}
		for (size_t i = 0; i < sol->n_sessions; i++) {
			const struct session *s = &sol->sessions[i];
			if (s->facilitator == f && p->blocks[s->block].kind == BLOCK_WORKSHOP) {
				row[s->block] = true;
				used++;
			}
		}
		int left = cycle_sessions_left(cy, f);
		int extra = left >= avail ? avail : left - used;
		for (int j = 0; j < cy->n_blocks && extra > 0; j++) {
			int b = cy->blocks[j];
			if (!fa->unavailable[b] && !row[b]) {
				row[b] = true;
				extra--;
			}
		}
	}
}

/* Hand start: the hand schedule (greedy_start.c, with the blocks sol
 * already holds: a combination's seminar blocks) is the search's other
 * starting point; it replaces the construct stage's schedule when it
 * scores higher, or stands in when construction found none (built false).
 * So the search never starts, and (its moves only raising the objective)
 * never ends, below the hand schedule.  Returns whether the cycle holds a
 * whole schedule. */
static bool stage_hand_start(struct cycle *cy, const struct solution *sol, bool built)
{
	const struct problem *p = cy->p;
	struct solution hand;
	solution_init(&hand, p);
	for (size_t i = 0; i < sol->n_sessions; i++)
		solution_add_session(&hand, &sol->sessions[i]);
	memcpy(hand.attend, sol->attend,
	       sizeof(*hand.attend) * (size_t)p->n_learners * (size_t)p->n_blocks);
	char *why = NULL;
	bool have = built;
	if (greedy_start_schedule(p, &hand, &why) != 0) {
		mcl_log(LOG_VERBOSE, "hand schedule: none: %.*s", (int)strcspn(why, "\n"), why);
		goto out;
	}
	struct snapshot first = { 0 };
	double own = built ? cycle_objective(cy) : 0;
	if (built)
		snapshot_copy(cy, &first, true);
	cycle_load_solution(cy, &hand);
	double got = cycle_objective(cy);
	bool take = !built || got > own + 1e-6;
	if (take) {
		allowed_from(cy, &hand);
		cy->unswept = true;
	} else {
		snapshot_copy(cy, &first, false);
	}
	snapshot_free(cy, &first);
	mcl_log(LOG_VERBOSE, "[%6.1fs] hand schedule: objective %.1f, construction's %.1f: %s",
		mcl_now() - cy->t0, got, own, !built ? "taken (construction found none)"
		: take ? "taken" : "not taken");
	have = true;
out:
	free(why);
	solution_release(&hand);
	return have;
}

/* Warm start (opt->start, advise's re-solves): the given schedule of the
 * whole problem, known to keep its hard rules, is the search's starting
 * point instead of construction: its sessions of cy's blocks are loaded as
 * they are, with the blocks sol already holds (a combination's seminar
 * blocks).  So the search never ends below it.  Returns whether it was
 * loaded (not when it leaves a learner of one of cy's blocks unplaced). */
static bool stage_warm_start(struct cycle *cy, const struct solution *sol,
			     const struct solution *start)
{
	const struct problem *p = cy->p;
	struct solution warm;
	solution_init(&warm, p);
	solution_copy_schedule(&warm, sol);
	bool *ours = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	int *map = xmalloc(sizeof(int) * (start->n_sessions + 1));
	for (int j = 0; j < cy->n_blocks; j++)
		ours[cy->blocks[j]] = true;
	for (size_t i = 0; i < start->n_sessions; i++) {
		const struct session *ss = &start->sessions[i];
		map[i] = ours[ss->block] ? solution_add_session(&warm, ss) : -1;
	}
	for (size_t i = 0; i < start->n_sessions; i++)
		if (map[i] >= 0 && map[start->sessions[i].section] >= 0)
			warm.sessions[map[i]].section = map[start->sessions[i].section];
	bool whole = true;
	for (int l = 0; l < p->n_learners && whole; l++)
		for (int j = 0; j < cy->n_blocks && whole; j++) {
			int b = cy->blocks[j], s = solution_attend_at(start, l, b);
			if (p->learners[l].unavailable[b])
				continue;
			whole = s >= 0 && map[s] >= 0;
			*solution_attend(&warm, l, b) = whole ? map[s] : -1;
		}
	if (whole) {
		solution_recount(&warm);
		cycle_load_solution(cy, &warm);
		allowed_from(cy, &warm);
	}
	mcl_log(LOG_VERBOSE, "[%6.1fs] warm start: %s", mcl_now() - cy->t0,
		whole ? "the given schedule loaded" : "a learner without a place: not used");
	free(map);
	free(ours);
	solution_release(&warm);
	return whole;
}

/* At a local optimum (a round that found nothing): keeps the schedule as
 * the best if it is, else goes back to the best; then kicks it.  Returns
 * false when the search should stop (too many kicks in a row without a
 * new best, or no time for one). */
static bool local_optimum(struct cycle *cy, struct snapshot *best, int *kicks,
			  unsigned long long *rng)
{
	if (!best->st.block_res || cycle_objective(cy) > best->objective + 1e-6) {
		snapshot_copy(cy, best, true);
		*kicks = 0;
	} else {
		snapshot_copy(cy, best, false);
	}
	if (cy->n_blocks < 2 || ++*kicks > cy->set.max_kicks ||
	    !cycle_replans_fit(cy, cy->set.kick_blocks))
		return false;
	move_kick(cy, rng);
	search_progress(cy, "kick");
	return true;
}

/* Improve, one block (a flex period, a one-hour school): the block's
 * period MIP is the whole cycle's schedule, so the search is one
 * branch-and-bound re-plan of it, ended by the settings' node budget
 * (block_nodes), the gap or the time limit, and never skipped on a guess
 * of its cost (cycle_replans_fit measures time), only when construction's
 * period LP bound already meets the gap: whenever the budget or the gap
 * ends it, the same school, seed and limit give the same schedule.
 * Kicks, the neighbourhoods and polish only re-plan the same block (polish
 * on the time left), so none of them runs after it; prove (the exact model,
 * on the smallest schools only) may still close the gap. */
static void one_block(struct cycle *cy, struct bound_job *job)
{
	double left = cycle_time_left(cy);
	/* construction's own period LP bound may meet the gap already: then
	 * the bound LP is not awaited and the re-plan, which the time limit
	 * would end on a large school, is not started */
	bool met = cy->block_bound < HUGE_VAL &&
		   !cycle_gap_open(cy, cycle_objective(cy), cy->block_bound);
	if (!mip_interrupted && left > 0 && !met)
		move_replan_block(cy, cy->blocks[0], left, true);
	if (met && !bound_job_poll(job, cy, false))
		bound_job_drop(job, cy);
	bound_job_poll(job, cy, true);
	cy->bound = job->res.bound;
	search_progress(cy, met ? "one block, the gap met by its period LP's bound"
				: "one block, branch-and-bound");
}

/* Improve: rounds of the neighbourhoods cy->set turns on, until a whole
 * round improves nothing and the kicks are spent, the gap is met or time
 * runs out; then the best schedule, this process's or the second
 * search's.  The bound is awaited only after round 1, so that the gap
 * test, and with it the schedule, does not depend on when the bound
 * arrived (it usually arrives during construction). */
static void stage_improve(struct cycle *cy, struct bound_job *job, unsigned long long *rng)
{
	const struct search_settings *set = &cy->set;
	if (cy->n_blocks == 1) {
		one_block(cy, job);
		return;
	}
	struct snapshot best = { 0 };
	struct child tw = CHILD_NONE;
	int kicks = 0;
	bool lns_on = true;     /* ruin-and-recreate in this round: after a
				 * round that kept one, or after a kick */
	for (int round = 1; !mip_interrupted; round++) {
		int reseated = 0, kept = 0, regoaled = 0;
		int reseat_first = round == 1 ? set->first_reseat_rounds : set->reseat_rounds;
		int improved = 0;
		if (round == 1 && reseat_first > 0 && cy->unswept)
			improved = move_sweep(cy);
		for (int i = 0; i < reseat_first; i++) {
			reseated += move_reseat_round(cy, rng);
			search_progress(cy, "re-seating");
		}
		improved += move_sweep(cy);
		if (set->ruin_recreate) {
			if (lns_on) {
				kept = move_lns(cy, rng, set->lns_moves_per_block * cy->n_blocks);
				kept += move_shift_staff(cy, rng);
				lns_on = kept > 0;
			}
			kept += move_balance(cy);
		}
		if (set->reseat_after_moves)
			reseated += move_reseat_round(cy, rng);
		if (set->regoal)
			regoaled = move_regoal_round(cy, rng);
		if (round == 1) {
			bound_job_poll(job, cy, true);
			cy->bound = job->res.bound;
			if (set->twin_search && cy->n_blocks >= 2 && !cycle_gap_reached(cy) &&
			    cycle_time_left(cy) > 1)
				twin_start(&tw, rng);
		}
		char what[160];
		snprintf(what, sizeof(what),
			 "round %d, improved: %d block%s, %d move%s, %d re-seating%s, %d re-goaling%s",
			 round, improved, improved == 1 ? "" : "s", kept, kept == 1 ? "" : "s",
			 reseated, reseated == 1 ? "" : "s", regoaled, regoaled == 1 ? "" : "s");
		search_progress(cy, what);
		if (!cycle_replans_fit(cy, 1) || cycle_gap_reached(cy))
			break;
		if (!improved && !kept && !reseated && !regoaled) {
			if (!local_optimum(cy, &best, &kicks, rng))
				break;
			lns_on = true;
		}
	}
	if (best.st.block_res && best.objective > cycle_objective(cy) + 1e-6)
		snapshot_copy(cy, &best, false);
	snapshot_free(cy, &best);
	if (tw.pid == 0)
		twin_send(cy, &tw);
	twin_collect(cy, &tw);
	int rescued = move_rescue(cy);
	if (rescued > 0)
		mcl_log(LOG_VERBOSE, "[%6.1fs] %d learner%s left out of every workshop given a "
			"session, objective %.1f", mcl_now() - cy->t0, rescued,
			rescued == 1 ? "" : "s", cycle_objective(cy));
}

/* Polish: on cycles too large for the exact model but small enough for
 * its windows, the time the search left spent on windows (window.c), when
 * the workshop blocks are the whole cycle (cycle_is_whole); what they find
 * goes into the cycle state.  Returns 0, or -1 on an internal error. */
static int stage_polish(struct cycle *cy, double bound, unsigned long long *rng)
{
	const struct search_settings *set = &cy->set;
	long cols = cycle_is_whole(cy) ? cycle_mip_size(cy->p, cy->blocks, cy->n_blocks) : LONG_MAX;
	if (cols <= set->exact_max_cols || cols > set->window_max_cols || mip_interrupted ||
	    !cycle_gap_open(cy, cycle_objective(cy), bound) || cycle_time_left(cy) <= 1)
		return 0;
	struct solution work;
	cycle_schedule(cy, &work);
	int rc = 0;
	if (window_polish(cy->p, cy->blocks, cy->n_blocks, &work, set->window_blocks, rng,
			  cycle_time_left(cy), set->window_fails_per_block * cy->n_blocks,
			  (1 - cy->opt->gap) * bound) > 0)
		rc = take_exact(cy, &work, "window");
	solution_release(&work);
	return rc;
}

/* The solve's outcome in sol: bound, gap, status, why it stopped.  The
 * bound is reported as computed: model_solve checks it against the
 * objective for every model. */
static int stage_report(const struct cycle *cy, struct solution *sol, double bound)
{
	sol->bound = bound;
	solution_set_gap(sol);
	sol->status = sol->gap <= cy->opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	sol->stopped_by = mip_interrupted                ? STOP_INTERRUPT
			  : sol->status == SOLVE_OPTIMAL ? STOP_GAP
			  : cycle_time_left(cy) < 1.5    ? STOP_TIME_LIMIT
							 : STOP_SEARCH_DONE;
	return 0;
}

/* What ended a search that found no schedule (and proved nothing): the
 * time limit when it is (nearly) spent, as in stage_report. */
static enum stop_reason stop_reason_none(const struct cycle *cy)
{
	return mip_interrupted		      ? STOP_INTERRUPT
	       : cycle_time_left(cy) < 1.5 ? STOP_TIME_LIMIT
					      : STOP_SEARCH_DONE;
}

/* The least time and the largest cycle (cycle_mip_size's columns) the
 * proof that no schedule exists gets. */
#define SHORTFALL_MIN_SECONDS 2.0
#define SHORTFALL_MAX_COLS 30000L

/* No schedule found: on a whole cycle the exact model's LP relaxation may
 * prove that none exists (exact_shortfall.c), with the time left (at
 * least SHORTFALL_MIN_SECONDS: a proof is worth a little more, but never
 * past the solve's deadline); its diagnosis then replaces the
 * construction's, which proves nothing. */
static void prove_none(const struct cycle *cy, struct solution *sol)
{
	if (!cycle_is_whole(cy) || mip_interrupted)
		return;
	double left = cycle_time_left(cy);
	char *why = exact_shortfall(cy->p, cy->blocks, cy->n_blocks, SHORTFALL_MAX_COLS,
				    model_time_left(cy->opt, left > SHORTFALL_MIN_SECONDS
									? left : SHORTFALL_MIN_SECONDS));
	if (!why)
		return;
	free(sol->diagnosis);
	sol->diagnosis = why;
	sol->status = SOLVE_INFEASIBLE;
}

int workshop_solve(const struct problem *p, const struct solve_options *opt,
		   struct solution *sol)
{
	return workshop_search(p, opt, NULL, sol);
}

int workshop_search(const struct problem *p, const struct solve_options *opt,
		    const struct workshop_part *part, struct solution *sol)
{
	struct cycle cy;
	struct bound_job own = { .ch = CHILD_NONE };
	/* the caller's bound, started before (the combination's), or our own */
	struct bound_job *job = part && part->bound ? part->bound : &own;
	cycle_init(&cy, p, opt, part);
	cy.job = job;
	progress_start(opt->gap);
	int rc = 0;

	/* spreading max_sessions over the blocks may leave too few for pass 1
	 * (a heuristic, not a proof): the hand schedule may still have one */
	int pre = stage_precheck(&cy, sol);
	bool warm = false;
	if (opt->start && !(pre != 0 && sol->status == SOLVE_INFEASIBLE))
		warm = stage_warm_start(&cy, sol, opt->start);
	if (pre != 0 && !warm &&
	    (sol->status == SOLVE_INFEASIBLE || !stage_hand_start(&cy, sol, false)))
		goto out;
	if (pre != 0 || warm) {
		free(sol->diagnosis);
		sol->diagnosis = NULL;
	}
	cy.set = search_settings_table[search_school_size(p, cy.blocks, cy.n_blocks)];
	if (job == &own)
		bound_job_start(&own, &cy, bound_job_seconds(&cy));
	rc = pre || warm ? 0 : stage_construct(&cy, job, sol);
	if (!pre && !warm && rc >= 0 && stage_hand_start(&cy, sol, rc == 0) && rc == 1) {
		free(sol->diagnosis);   /* the hand schedule stands in */
		sol->diagnosis = NULL;
		rc = 0;
	}
	if (rc != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	if (part && part->first_only) {   /* a first plan only: no search */
		cycle_build_solution(&cy, sol);
		sol->objective = cycle_objective(&cy);
		sol->status = SOLVE_FEASIBLE;
		goto out;
	}
	unsigned long long rng = (unsigned long long)opt->seed;
	stage_improve(&cy, job, &rng);
	bound_job_poll(job, &cy, true);
	double bound = job->res.bound;
	if ((cy.n_blocks > 1 && stage_polish(&cy, bound, &rng) != 0) ||
	    (cycle_is_whole(&cy) && (bound = stage_prove(&cy, bound)) < 0)) {
		rc = -1;
		goto out;
	}
	cycle_build_solution(&cy, sol);
	sol->objective = cycle_objective(&cy);
	rc = stage_report(&cy, sol, bound);
out:
	if (rc == 0 && sol->status == SOLVE_NO_SOLUTION)
		prove_none(&cy, sol);
	if (rc == 0 && sol->status == SOLVE_NO_SOLUTION)
		sol->stopped_by = stop_reason_none(&cy);
	cycle_release(&cy);
	return rc;
}
