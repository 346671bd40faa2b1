/*
 * combination.c - the combination model: workshops in the workshop blocks,
 * seminars in the seminar blocks, one schedule for the whole cycle.
 *
 * The two kinds of blocks never share a block, so what ties them together
 * is only what spans the cycle: a facilitator's max_sessions, and per
 * learner the lab credit (labs in either kind of block count toward online
 * needs), the power goal (through that credit) and the daily weight (a
 * seminar meeting covers a day as a workshop session does).  The model
 * plans them in turn, each against the whole cycle's objective:
 *
 *   1. seminar blocks (seminar.c), valued against what the workshop
 *      blocks are assumed to give (assume_workshops), staffed without the
 *      part-time facilitators (max_sessions below their available blocks:
 *      their sessions are the scarce ones) when that finds a schedule, else
 *      with a share of their max_sessions in proportion to their seminar
 *      blocks; and when a plan without them leaves more seminar value
 *      unserved than a workshop session is worth, plans with them too,
 *      each weighed by its value less that worth per session they take
 *      (try_share);
 *   2. workshop blocks (workshop_search), with the seminar blocks held as
 *      an explicit part (workshop.h): their counts, and each facilitator's
 *      sessions left (max_sessions less those they lead in the seminar
 *      blocks); the problem itself stays as read.  With time enough, a
 *      first workshop plan (the construction only) comes before, and the seminar blocks are planned again
 *      against it (as in step 3), so that the workshop search proper runs
 *      against seminars valued by real workshop days rather than assumed
 *      ones (early_fit); when that was quick, step 1 and its first plan
 *      again with the seminar blocks' labs valued by their credit (no
 *      online need assumed met in the workshop blocks), the seminars of
 *      the higher first plan kept (early_fit_labs);
 *   3. seminar blocks again, now valued against the workshop blocks'
 *      counts (a meeting on a day the learner already has a workshop adds
 *      no daily weight) with the facilitators' time the workshops leave,
 *      kept when the whole cycle's objective rises.
 *
 * With a warm start (solve_options.start, advise's re-solves), step 1 takes
 * the start's seminar blocks and step 2 starts from its workshop blocks.
 *
 * Bound: bound_lp.c's LP over both kinds of blocks at once (the seminar part
 * shares the facilitators' max_sessions rows and the learners' lab credit
 * and daily rows with the workshop part), so it bounds the combined cycle,
 * not a sum of two problems' bounds.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/precheck.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/bound_lp.h"
#include "models/bound_simple.h"
#include "models/greedy_start.h"
#include "models/model.h"
#include "models/search_settings.h"
#include "models/seminar.h"
#include "models/workshop.h"
#include "models/workshop_search.h"

/* led[f]: the sessions facilitator f leads in sol. */
static void sessions_led(const struct problem *p, const struct solution *sol, int *led)
{
	memset(led, 0, sizeof(int) * (size_t)p->n_facilitators);
	for (size_t i = 0; i < sol->n_sessions; i++)
		led[sol->sessions[i].facilitator]++;
}

/* The whole cycle's objective of sol. */
static double score(const struct problem *p, const struct solution *sol)
{
	return objective_of(p, sol);
}

/* Copies the sessions of sol in the blocks of kind `kind` (and their
 * attendance) into dst, which holds none of those blocks yet. */
static void copy_kind(const struct problem *p, const struct solution *sol,
		      enum block_kind kind, struct solution *dst)
{
	int *map = xmalloc(sizeof(int) * (sol->n_sessions + 1));
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		map[i] = -1;
		if (p->blocks[s->block].kind != kind)
			continue;
		map[i] = solution_add_session(dst, s);
		dst->sessions[map[i]].section = map[s->section];
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++)
			if (p->blocks[b].kind == kind && solution_attend_at(sol, l, b) >= 0)
				*solution_attend(dst, l, b) = map[solution_attend_at(sol, l, b)];
	free(map);
	solution_recount(dst);
}

/* What the first seminar pass assumes of the workshop blocks: a learner
 * with a ready facilitated need has a workshop session on every day with a
 * workshop block they are available in, and (labs) their online needs are
 * met by labs there.  So seminars are valued by what only they give
 * (choices, guru meetings), not by daily weights or lab credit the
 * workshop blocks will give anyway.  Without labs the seminar blocks' labs
 * are valued by their credit: a lab there costs a seminar seat, one in a
 * workshop block a facilitator the workshops could use. */
static void assume_workshops(const struct problem *p, struct tally *t, bool labs)
{
	tally_clear(t, p);
	for (int l = 0; l < p->n_learners; l++) {
		bool facilitated = false;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready)
				continue;
			if (p->goals[nd->goal].mode == GOAL_ONLINE)
				t->lab_cnt[l] += labs ? nd->sessions : 0;
			else
				facilitated = true;
		}
		for (int b = 0; b < p->n_blocks && facilitated; b++)
			if (p->blocks[b].kind == BLOCK_WORKSHOP && !p->learners[l].unavailable[b])
				*tally_day(t, p, l, p->blocks[b].day_index) = 1;
	}
}

/* Plans the seminar blocks into sol with each facilitator's budget there
 * and the workshop blocks' counts (or NULL).  Returns seminar_schedule's
 * code. */
static int plan_seminars(const struct problem *p, const int *sem, int n_sem, const int *budget,
			 const struct tally *outside, double seconds, const struct solve_options *opt,
			 struct solution *sol, char **why, struct seminar_stats *st)
{
	struct seminar_input in = {
		.p = p, .blocks = sem, .n_blocks = n_sem, .fac_budget = budget,
		.outside = outside, .seconds = seconds, .deadline = opt->deadline, .gap = opt->gap,
		.seed = (unsigned long long)opt->seed, .stats = st,
	};
	return seminar_schedule(&in, sol, why);
}

/* The hand schedule of the whole cycle (greedy_start.c: its own seminars,
 * then its workshops) replaces sol when it scores higher, or when sol holds
 * no schedule (the seminar model or the workshop search found none).  The
 * workshop search starts from the hand schedule of its blocks, but given
 * the seminar model's seminars, so this keeps the combination from ending
 * below the hand schedule when the hand's seminars are the better ones, or
 * with nothing where the hand rules find a schedule.  have: sol holds a
 * schedule (its status is not to be trusted: step 3's is not set).  sol's
 * bound and stop reason stay; without a schedule there is none, and the
 * simple bound (everything wanted) stands in.  built: hand_build's, taken
 * over (left empty). */
static void take_hand(const struct problem *p, struct solution *sol, bool have,
		      struct solution *built)
{
	struct solution hand = *built;
	solution_init(built, p);
	if (hand.status == SOLVE_FEASIBLE && (hand.objective > sol->objective + 1e-6 || !have)) {
		mcl_log(LOG_NORMAL, "hand schedule of the whole cycle taken: objective %.1f -> %.1f",
			have ? sol->objective : 0.0, hand.objective);
		if (have) {
			solution_copy_run(&hand, sol, true);
		} else {
			solution_copy_run(&hand, sol, false);
			int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
			int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
			int n_ws = 0, n_sem = 0;
			for (int b = 0; b < p->n_blocks; b++) {
				if (p->blocks[b].kind == BLOCK_WORKSHOP)
					ws[n_ws++] = b;
				else
					sem[n_sem++] = b;
			}
			hand.bound = bound_simple_cycle(p, ws, n_ws, sem, n_sem);
			hand.stopped_by = mip_interrupted ? STOP_INTERRUPT : STOP_SEARCH_DONE;
			free(sem);
			free(ws);
		}
		hand.status = SOLVE_FEASIBLE;
		solution_recount(&hand);
		solution_release(sol);   /* frees a diagnosis too */
		*sol = hand;
		solution_init(&hand, p);
	}
	solution_release(&hand);
}

/* What a session of a facilitator is taken to be worth in the workshop
 * blocks, to weigh a seminar plan that takes part-time facilitators'
 * sessions from them: the most the learners' needs can score there over
 * the sessions the facilitators can lead there (an average above what a
 * schedule reaches), plus the guru weight. */
static double workshop_session_worth(const struct problem *p)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1)), n_ws = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			ws[n_ws++] = b;
	double want = 0;
	for (int l = 0; l < p->n_learners; l++)
		want += bound_simple_learner_needs(p, l, bound_simple_learner_avail(p, l, ws, n_ws));
	long sessions = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		int a = 0;
		for (int j = 0; j < n_ws; j++)
			a += !p->facilitators[f].unavailable[ws[j]];
		sessions += p->facilitators[f].max_sessions < a ? p->facilitators[f].max_sessions : a;
	}
	free(ws);
	return (sessions > 0 ? want / (double)sessions : want) + p->config.w_guru;
}

static int cmp_double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

/* The most a seminar plan can be worth as seminar_schedule values it
 * against `assumed` (assume_workshops): per learner the heaviest
 * seminars_per_learner eligible choices and the daily weight of the
 * seminar days the workshops leave bare, for as many learners as the
 * seminars seat; plus a guru at every meeting. */
static double seminar_worth_most(const struct problem *p, const int *sem, int n_sem,
				 const struct tally *assumed)
{
	int spl = p->config.seminars_per_learner;
	double *u = xcalloc((size_t)p->n_learners + 1, sizeof(double));
	double *w = xmalloc(sizeof(double) * ((size_t)p->n_seminars + 1));
	for (int l = 0; l < p->n_learners; l++) {
		int n = 0;
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
			if (p->choices[c].eligible)
				w[n++] = problem_choice_weight(p, &p->choices[c]);
		qsort(w, (size_t)n, sizeof(double), cmp_double_desc);
		for (int i = 0; i < n && i < spl; i++)
			u[l] += w[i] > 0 ? w[i] : 0;
		for (int d = 0; d < p->n_days && n > 0; d++) {
			bool open = false;
			for (int j = 0; j < n_sem && !open; j++)
				open = p->blocks[sem[j]].day_index == d &&
				       !p->learners[l].unavailable[sem[j]];
			u[l] += open && *tally_day(assumed, p, l, d) == 0 ? p->config.w_daily : 0;
		}
	}
	qsort(u, (size_t)p->n_learners, sizeof(double), cmp_double_desc);
	long seats = 0, meetings = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		seats += (long)p->seminars[s].sections * p->seminars[s].max_size;
		meetings += (long)p->seminars[s].sections * p->seminars[s].meetings;
	}
	double most = p->config.w_guru * (double)meetings;
	for (int l = 0; l < p->n_learners && l < seats; l++)
		most += u[l];
	free(w);
	free(u);
	return most;
}

/* A plan of try_share with budget `both` within seconds: into *best when
 * its net worth (its value less `worth` for each session a held
 * facilitator, one of budget 0, leads in it) exceeds *best_net.  Returns
 * that net worth (-HUGE_VAL without a plan). */
static double try_budget(const struct problem *p, const int *sem, int n_sem, const int *budget,
			 const int *both, double worth, double seconds,
			 const struct solve_options *opt, const struct tally *outside,
			 double *best_net, struct solution *best)
{
	int nf = p->n_facilitators;
	struct solution b_plan;
	solution_init(&b_plan, p);
	struct seminar_stats st;
	char *why = NULL;
	double net = -HUGE_VAL;
	if (plan_seminars(p, sem, n_sem, both, outside, seconds, opt, &b_plan, &why, &st) == 0) {
		int *led = xmalloc(sizeof(int) * ((size_t)nf + 1));
		sessions_led(p, &b_plan, led);
		long taken = 0;
		for (int f = 0; f < nf; f++)
			taken += budget[f] == 0 ? led[f] : 0;
		free(led);
		net = st.value - worth * (double)taken;
		mcl_log(LOG_VERBOSE, "seminar blocks with the part-timers (%.1f s): %.1f, %ld of "
			"their sessions at %.1f each: net %.1f against %.1f", seconds, st.value,
			taken, worth, net, *best_net);
		if (net > *best_net + 1e-6) {
			*best_net = net;
			solution_release(best);
			*best = b_plan;
			solution_init(&b_plan, p);
		}
	}
	free(why);
	solution_release(&b_plan);
	return net;
}

/* Step 1's second look: plan A (in *seminars, worth a->value, made without
 * the part-time facilitators: budget) may leave the seminars' value unserved
 * for want of the facilitators held back (issue 26, audit seed 324: the two
 * full-time facilitators are both needed for the labs, so no section runs).
 * When what a plan could add beyond A exceeds a session's worth in the
 * workshop blocks, the part-timers' share (share), then all they may lead
 * there (most), is tried: each plan is weighed by its value less that
 * worth for each session the part-timers lead in it.  A greedy probe first
 * (no section MIP: a fraction of a second), the full plan only when the
 * probe's net worth beats A's greedy; the best net worth is kept. */
static void try_share(const struct problem *p, const int *sem, int n_sem, const int *budget,
		      const int *share, const int *most, const struct search_settings *set,
		      const struct solve_options *opt, const struct tally *outside,
		      const struct seminar_stats *a, struct solution *seminars)
{
	int nf = p->n_facilitators;
	bool held = false, more = false;
	for (int f = 0; f < nf; f++) {
		held |= budget[f] == 0 && share[f] > 0;
		more |= budget[f] == 0 && most[f] > share[f];
	}
	if (!held || mip_interrupted)
		return;
	double worth = workshop_session_worth(p);
	double upper = seminar_worth_most(p, sem, n_sem, outside);
	mcl_log(LOG_VERBOSE, "seminar blocks without the part-timers: %.1f of at most %.1f; "
		"a workshop session taken as %.1f", a->value, upper, worth);
	if (upper - a->value <= worth)
		return;
	int *both = xmalloc(sizeof(int) * ((size_t)nf + 1));
	double net = a->value;
	for (int pass = 0; pass < 1 + more && !mip_interrupted; pass++) {
		for (int f = 0; f < nf; f++)
			both[f] = budget[f] ? budget[f] : pass ? most[f] : share[f];
		if (try_budget(p, sem, n_sem, budget, both, worth, set->seminar_mip_min_seconds,
			       opt, outside, &net, seminars) > a->greedy_value + 1e-6)
			try_budget(p, sem, n_sem, budget, both, worth,
				   set->comb_seminar_share * opt->time_limit, opt, outside, &net,
				   seminars);
	}
	free(both);
}

/* The seminar blocks' budget of each facilitator without the part-time
 * ones (max_sessions below their available blocks: 0) and, when share and
 * most are not NULL, the part-time ones' share of max_sessions in
 * proportion to their seminar blocks, and all they may lead there. */
static void seminar_budgets(const struct problem *p, int *budget, int *share, int *most)
{
	for (int f = 0; f < p->n_facilitators; f++) {
		const struct facilitator *fa = &p->facilitators[f];
		int a_ws = 0, a_sem = 0;
		for (int b = 0; b < p->n_blocks; b++) {
			if (fa->unavailable[b])
				continue;
			a_ws += p->blocks[b].kind == BLOCK_WORKSHOP;
			a_sem += p->blocks[b].kind == BLOCK_SEMINAR;
		}
		budget[f] = fa->max_sessions >= a_ws + a_sem ? a_sem : 0;
		if (share)
			share[f] = a_ws + a_sem == 0 ? 0
				   : (int)((double)fa->max_sessions * a_sem / (a_ws + a_sem) + 0.5);
		if (most)
			most[f] = fa->max_sessions < a_sem ? fa->max_sessions : a_sem;
	}
}

/* The hand schedule of the whole cycle into hand (solution_init()ed),
 * status feasible and scored when the hand rules find one: built first, so
 * that its time counts within the limit instead of after it. */
static void hand_build(const struct problem *p, struct solution *hand)
{
	char *why = NULL;
	if (greedy_start_schedule(p, hand, &why) == 0) {
		hand->objective = score(p, hand);
		hand->status = SOLVE_FEASIBLE;
	} else {
		hand->status = SOLVE_NO_SOLUTION;
	}
	free(why);
}

/* Step 1: the seminar blocks planned into seminars, valued against what
 * the workshop blocks are assumed to give (assume_workshops with labs;
 * outside is set to that), with
 * the part-time facilitators kept for the workshops.  Returns
 * seminar_schedule's code (*why set when it is not 0). */
static int first_seminar_pass(const struct problem *p, const int *sem, int n_sem,
			      const struct search_settings *set, const struct solve_options *opt,
			      double t0, bool labs, struct tally *outside,
			      struct solution *seminars, char **why)
{
	int nf = p->n_facilitators;
	int *budget = xmalloc(sizeof(int) * ((size_t)nf + 1));
	int *share = xmalloc(sizeof(int) * ((size_t)nf + 1));
	int *most = xmalloc(sizeof(int) * ((size_t)nf + 1));
	seminar_budgets(p, budget, share, most);
	/* part-time facilitators' sessions are scarce: first without them in
	 * the seminar blocks, then with their share when that finds nothing */
	assume_workshops(p, outside, labs);
	int r = 0;
	struct seminar_stats st = { 0 };
	if (opt->start)     /* a warm start (advise): its seminar blocks as they are */
		copy_kind(p, opt->start, BLOCK_SEMINAR, seminars);
	else
		r = plan_seminars(p, sem, n_sem, budget, outside,
				  set->comb_seminar_share * opt->time_limit, opt, seminars, why, &st);
	if (r == 0 && !opt->start)
		try_share(p, sem, n_sem, budget, share, most, set, opt, outside, &st, seminars);
	if (r == 1) {
		free(*why);
		*why = NULL;
		for (int f = 0; f < nf; f++)
			budget[f] = budget[f] ? budget[f] : share[f];
		r = plan_seminars(p, sem, n_sem, budget, outside, set->comb_seminar_share * opt->time_limit,
				  opt, seminars, why, NULL);
	}
	/* a share too short (a short limit, a busy machine) must not cost the
	 * schedule: take most of what is left, and all the part-time
	 * facilitators may lead in the seminar blocks (a school whose labs are
	 * short may need them there: zoo c1500 s4 had no seminar plan with
	 * their share); the workshop blocks still get a first plan past the
	 * limit, from their greedy */
	double left = opt->time_limit - (mcl_now() - t0);
	if (r == 1 && !mip_interrupted && left > set->comb_seminar_share * opt->time_limit) {
		free(*why);
		*why = NULL;
		r = plan_seminars(p, sem, n_sem, most, outside, set->comb_retry_share * left,
				  opt, seminars, why, NULL);
	}
	free(most);
	free(share);
	free(budget);
	return r;
}

/* left[f]: the sessions facilitator f may lead outside the blocks of sol
 * (max_sessions less those they lead in sol). */
static void sessions_left(const struct problem *p, const struct solution *sol, int *left)
{
	sessions_led(p, sol, left);
	for (int f = 0; f < p->n_facilitators; f++)
		left[f] = p->facilitators[f].max_sessions - left[f];
}

/* Step 3: the seminar blocks planned again within seconds, against the
 * workshop blocks' counts of *workshops and the facilitator time they
 * leave; the result replaces *workshops when the whole objective rises. */
static void seminars_again(const struct problem *p, const int *sem, int n_sem,
			   const struct solve_options *opt, double seconds, double t0,
			   struct tally *outside, struct solution *workshops)
{
	struct solution again;
	solution_init(&again, p);
	copy_kind(p, workshops, BLOCK_WORKSHOP, &again);
	tally_clear(outside, p);
	tally_add_solution(outside, p, &again);
	int *budget = xmalloc(sizeof(int) * ((size_t)p->n_facilitators + 1));
	sessions_left(p, &again, budget);
	char *why = NULL;
	double before = workshops->objective;
	if (plan_seminars(p, sem, n_sem, budget, outside, seconds, opt, &again, &why, NULL) == 0 &&
	    score(p, &again) > before + 1e-6) {
		mcl_log(LOG_NORMAL, "[%6.1fs] seminar blocks planned again: objective "
			"%.1f -> %.1f", mcl_now() - t0, before, score(p, &again));
		again.bound = workshops->bound;
		again.stopped_by = workshops->stopped_by;
		solution_release(workshops);
		*workshops = again;
	} else {
		solution_release(&again);
	}
	free(why);
	free(budget);
}

static bool has_schedule(const struct solution *sol)
{
	return sol->status == SOLVE_OPTIMAL || sol->status == SOLVE_FEASIBLE;
}

/* Step 2: the workshop blocks (workshop_search) into *workshops, with the
 * seminar blocks of *seminars held as a part: their counts (into
 * *outside), and each facilitator's sessions left once those they lead
 * there are off; until `share` of the time limit is left; first_only: its
 * construction only (workshop_part.first_only).  Returns workshop_search's
 * code. */
static int plan_workshops_part(const struct problem *p, const struct solve_options *opt,
			       double share, bool first_only, double t0, const int *sem, int n_sem,
			       const struct solution *seminars, struct tally *outside,
			       struct bound_job *bound, struct solution *workshops)
{
	int *left_ws = xmalloc(sizeof(int) * ((size_t)p->n_facilitators + 1));
	tally_clear(outside, p);
	tally_add_solution(outside, p, seminars);
	sessions_left(p, seminars, left_ws);
	struct workshop_part part = { .sem_blocks = sem, .n_sem = n_sem, .outside = outside,
				      .sessions_left = left_ws, .bound = bound,
				      .first_only = first_only };
	struct solve_options wopt = *opt;
	wopt.time_limit = (1 - share) * opt->time_limit - (mcl_now() - t0);
	if (wopt.time_limit < 1)
		wopt.time_limit = model_time_left(opt, 1);
	copy_kind(p, seminars, BLOCK_SEMINAR, workshops);
	int rc = workshop_search(p, &wopt, &part, workshops);
	free(left_ws);
	return rc;
}

static int plan_workshops(const struct problem *p, const struct solve_options *opt,
			  double share, double t0, const int *sem, int n_sem,
			  const struct solution *seminars, struct tally *outside,
			  struct bound_job *bound, struct solution *workshops)
{
	return plan_workshops_part(p, opt, share, false, t0, sem, n_sem, seminars, outside, bound,
				   workshops);
}

/* Before step 2: a first workshop plan against step 1's seminars, its
 * construction only, within set->comb_early_share of the time limit (with
 * a bound job marked done and no bound, so that the bound LP is neither
 * awaited nor stopped), then the seminar blocks planned again
 * against it within set->comb_early_seminar_share (seminars_again).  Step
 * 1 valued the seminars against a workshop every day, which no schedule
 * gives; the workshop search that follows fits its blocks to these
 * seminars instead, and the plan itself is dropped.  *seminars takes the
 * new seminar blocks when the whole objective rose. */
static double early_fit(const struct problem *p, const struct solve_options *opt,
			const struct search_settings *set, double t0, const int *sem, int n_sem,
			struct tally *outside, struct solution *seminars)
{
	double fit = -HUGE_VAL;
	struct bound_job none = { .ch = CHILD_NONE, .done = true };
	struct solution ws;
	solution_init(&ws, p);
	int rc = plan_workshops_part(p, opt, 1 - set->comb_early_share, true, t0, sem, n_sem,
				     seminars, outside, &none, &ws);
	double seconds = set->comb_early_seminar_share * opt->time_limit;
	if (rc == 0 && has_schedule(&ws) && !mip_interrupted &&
	    model_time_left(opt, opt->time_limit - (mcl_now() - t0)) > 2 * seconds) {
		double before = ws.objective = score(p, &ws);
		mcl_log(LOG_NORMAL, "[%6.1fs] a first workshop plan: objective %.1f; the seminar "
			"blocks planned against it", mcl_now() - t0, before);
		seminars_again(p, sem, n_sem, opt, seconds, t0, outside, &ws);
		fit = score(p, &ws);
		if (fit > before + 1e-6) {
			solution_release(seminars);
			solution_init(seminars, p);
			copy_kind(p, &ws, BLOCK_SEMINAR, seminars);
		}
	}
	solution_release(&ws);
	return fit;
}

/* Step 1 again, the seminar blocks' labs valued by their credit
 * (assume_workshops without labs), and early_fit on it: *seminars takes
 * the result when its first plan scores above fit, step 1's.  Which kind
 * of block should meet the online needs depends on the weights: audit
 * seed 7030 (every need 168, choices 4-50) wants labs in the seminar
 * blocks, seed 7007 (guru 1000) seminars there. */
static void early_fit_labs(const struct problem *p, const struct solve_options *opt,
			   const struct search_settings *set, double t0, const int *sem,
			   int n_sem, double fit, struct tally *outside, struct solution *seminars)
{
	struct solution alt;
	solution_init(&alt, p);
	char *why = NULL;
	if (first_seminar_pass(p, sem, n_sem, set, opt, t0, false, outside, &alt, &why) == 0 &&
	    !mip_interrupted) {
		double fit2 = early_fit(p, opt, set, t0, sem, n_sem, outside, &alt);
		mcl_log(LOG_NORMAL, "[%6.1fs] seminar blocks with their labs' credit: first plan "
			"%.1f against %.1f: %s", mcl_now() - t0, fit2, fit,
			fit2 > fit + 1e-6 ? "taken" : "not taken");
		if (fit2 > fit + 1e-6) {
			solution_release(seminars);
			*seminars = alt;
			solution_init(&alt, p);
		}
	}
	free(why);
	solution_release(&alt);
}

/* After step 2 found no schedule with seminars that part-time facilitators
 * lead (step 1 found none without them in its share of the time: a short
 * limit, a busy machine): the seminar blocks planned again without them,
 * with most of the time left, into *seminars.  Returns whether *seminars
 * changed. */
static bool seminars_without_part_time(const struct problem *p, const int *sem, int n_sem,
				       const struct search_settings *set,
				       const struct solve_options *opt, double t0,
				       struct tally *outside, struct solution *seminars)
{
	int nf = p->n_facilitators;
	int *budget = xmalloc(sizeof(int) * ((size_t)nf + 1));
	int *led = xmalloc(sizeof(int) * ((size_t)nf + 1));
	seminar_budgets(p, budget, NULL, NULL);
	sessions_led(p, seminars, led);
	bool part_time = false;
	for (int f = 0; f < nf; f++)
		part_time |= budget[f] == 0 && led[f] > 0;
	double left = opt->time_limit - (mcl_now() - t0);
	bool changed = false;
	if (part_time && !opt->start && !mip_interrupted && left > 0) {
		struct solution again;
		solution_init(&again, p);
		char *why = NULL;
		assume_workshops(p, outside, true);
		changed = plan_seminars(p, sem, n_sem, budget, outside, set->comb_retry_share * left,
					opt, &again, &why, NULL) == 0;
		mcl_log(LOG_VERBOSE, "[%6.1fs] no workshop schedule: seminar blocks planned again "
			"without the part-time facilitators: %s", mcl_now() - t0,
			changed ? "found" : "none");
		if (changed) {
			solution_release(seminars);
			*seminars = again;
		} else {
			solution_release(&again);
		}
		free(why);
	}
	free(led);
	free(budget);
	return changed;
}

int combination_solve(const struct problem *p, const struct solve_options *opt,
		      struct solution *sol)
{
	double t0 = mcl_now();
	int n_sem = 0, n_ws = 0, rc = 0;
	int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++) {
		n_ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		if (p->blocks[b].kind == BLOCK_SEMINAR)
			sem[n_sem++] = b;
	}
	if (n_sem == 0 || n_ws == 0) {
		/* one kind of block only: the model of that kind */
		free(sem);
		return n_sem ? seminar_solve(p, opt, sol) : workshop_solve(p, opt, sol);
	}
	/* the counting pre-check over every block: a block that cannot seat its
	 * learners makes the cycle infeasible, said in seats */
	int *all = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		all[b] = b;
	char *short_of = precheck_counts(p, all, p->n_blocks, NULL, NULL);
	free(all);
	if (short_of) {
		sol->status = SOLVE_INFEASIBLE;
		sol->diagnosis = short_of;
		free(sem);
		return 0;
	}
	/* the seminar passes' shares: the settings row of the seminar blocks */
	const struct search_settings *set =
		&search_settings_table[search_school_size(p, sem, n_sem)];
	/* the bound's LP from the start, beside the seminar passes: it is
	 * awaited when the workshop search (step 2) ends */
	struct bound_job *bound = workshop_bound_early(
		p, opt, sem, n_sem, (1 - set->comb_again_share) * opt->time_limit - (mcl_now() - t0));
	struct solution seminars, workshops, hand;
	solution_init(&seminars, p);
	solution_init(&workshops, p);
	solution_init(&hand, p);
	if (!mip_interrupted)
		hand_build(p, &hand);
	struct tally outside;
	tally_init(&outside, p);
	char *why = NULL;

	/* 1. seminar blocks, part-time facilitators kept for the workshops */
	int r = first_seminar_pass(p, sem, n_sem, set, opt, t0, true, &outside, &seminars, &why);
	if (r != 0) {
		sol->status = SOLVE_NO_SOLUTION;
		sol->stopped_by = mip_interrupted		     ? STOP_INTERRUPT
				  : model_time_left(opt, opt->time_limit - (mcl_now() - t0)) < 1.5
				  ? STOP_TIME_LIMIT
				  : STOP_SEARCH_DONE;
		sol->diagnosis = why ? why : xstrdup("no schedule found for the seminar blocks\n");
		why = NULL;
		rc = r < 0 ? -1 : 0;
		if (r > 0)
			goto hand;
		goto out;
	}
	mcl_log(LOG_NORMAL, "[%6.1fs] seminar blocks planned: objective %.1f so far",
		mcl_now() - t0, score(p, &seminars));
	/* 2. workshop blocks, the seminar blocks held; first the seminars
	 * fitted to a first workshop plan when the limit leaves time for it */
	if (!opt->start && !mip_interrupted &&
	    set->comb_early_seminar_share * opt->time_limit >= set->comb_again_min_seconds) {
		double fit = early_fit(p, opt, set, t0, sem, n_sem, &outside, &seminars);
		/* the other first pass when this one left time for it */
		if (fit > -HUGE_VAL && !mip_interrupted &&
		    mcl_now() - t0 <= set->comb_labs_share * opt->time_limit)
			early_fit_labs(p, opt, set, t0, sem, n_sem, fit, &outside, &seminars);
	}
	rc = plan_workshops(p, opt, set->comb_again_share, t0, sem, n_sem, &seminars, &outside,
			    bound, &workshops);
	if (rc == 0 && !has_schedule(&workshops) &&
	    seminars_without_part_time(p, sem, n_sem, set, opt, t0, &outside, &seminars)) {
		solution_release(&workshops);
		solution_init(&workshops, p);
		rc = plan_workshops(p, opt, set->comb_again_share, t0, sem, n_sem, &seminars,
				    &outside, bound, &workshops);
	}
	if (rc != 0 || !has_schedule(&workshops)) {
		sol->status = workshops.status;
		sol->stopped_by = workshops.stopped_by;
		sol->diagnosis = workshops.diagnosis;
		workshops.diagnosis = NULL;
		if (rc == 0)
			goto hand;
		goto out;
	}

	/* 3. seminar blocks again, against the workshops' counts, when time
	 * is left and the gap is open */
	double left = opt->time_limit - (mcl_now() - t0);
	if (workshops.status != SOLVE_OPTIMAL && left > set->comb_again_min_seconds &&
	    !mip_interrupted)
		seminars_again(p, sem, n_sem, opt, left - 1, t0, &outside, &workshops);

	/* the schedule, scored as a whole */
	solution_release(sol);
	*sol = workshops;
	solution_init(&workshops, p);
	sol->objective = score(p, sol);
	take_hand(p, sol, true, &hand);
	/* the bound is checked against the objective in model_solve */
	solution_set_gap(sol);
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	if (sol->status == SOLVE_OPTIMAL && !mip_interrupted)
		sol->stopped_by = STOP_GAP;
	goto out;
hand:
	/* no schedule from the models: the hand schedule, when there is one */
	if (sol->status != SOLVE_INFEASIBLE && !mip_interrupted) {
		take_hand(p, sol, false, &hand);
		if (sol->status == SOLVE_FEASIBLE) {
			solution_set_gap(sol);
			if (sol->gap <= opt->gap + 1e-12)
				sol->status = SOLVE_OPTIMAL;
		}
	}
out:
	workshop_bound_free(bound);
	tally_release(&outside);
	solution_release(&seminars);
	solution_release(&workshops);
	solution_release(&hand);
	free(sem);
	return rc;
}
