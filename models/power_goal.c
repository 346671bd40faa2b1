/*
 * power_goal.c - the power-goal model: a focus period in which each learner
 * keeps one ready goal, one group and one facilitator for the whole cycle.
 *
 * Every group meets in every workshop block, so the cycle is a single
 * grouping decision: the period MIP of period_mip.c over all workshop blocks at
 * once.  A learner's option for ready need q is worth w_q * min(s_q, A_l)
 * (A_l the learner's available workshop blocks: only `sessions` of the
 * meetings count) plus the power-goal bonus when q has priority 1; the lab
 * option is worth the online credit of A_l lab sessions.  A group's
 * facilitator must be available in every workshop block and allowed that
 * many sessions; its room class must have a room free in every block (the
 * room itself may change from block to block).
 *
 * Bound: the same MIP with room capacities relaxed to the largest useful
 * size (pmip's relax_rooms), so any room assignment, including one that
 * moves a group between rooms of different sizes, is inside it; its
 * branch-and-bound bound is valid for the cycle.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/precheck.h"
#include "models/model.h"
#include "models/period_mip.h"

/* What learner l scores over the cycle when meeting goal g (PERIOD_MIP_LAB: the
 * lab) in each of the blocks where l is available: objective_learner on a
 * tally of that alone (t is scratch, all zero on entry and on return). */
static double option_value(const struct problem *p, struct tally *t, int l, const int *blocks,
			   int nb, int g)
{
	int q = g == PERIOD_MIP_LAB ? -1 : objective_need_of(p, l, g);
	for (int j = 0; j < nb; j++) {
		if (p->learners[l].unavailable[blocks[j]])
			continue;
		if (q < 0) {
			t->lab_cnt[l]++;
			continue;
		}
		t->need_cnt[q]++;
		*tally_day(t, p, l, p->blocks[blocks[j]].day_index) = 1;
	}
	double v = objective_learner(p, t, l);
	if (q >= 0)
		t->need_cnt[q] = 0;
	t->lab_cnt[l] = 0;
	memset(tally_day(t, p, l, 0), 0, sizeof(int) * (size_t)p->n_days);
	return v;
}

int power_goal_solve(const struct problem *p, const struct solve_options *opt,
		     struct solution *sol)
{
	const struct config *cf = &p->config;
	double t0 = mcl_now();
	int rc = 0, nb = 0;
	int *blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			blocks[nb++] = b;

	char *why = precheck_counts(p, blocks, nb, NULL);
	if (why) {
		sol->status = SOLVE_INFEASIBLE;
		sol->diagnosis = why;
		free(blocks);
		return 0;
	}

	/* Learners, their available blocks and options. */
	int *learners = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	int *avail = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	int *start = xmalloc(sizeof(int) * (size_t)(p->n_learners + 2));
	size_t cap = (size_t)p->n_needs + (size_t)p->n_learners + 1;
	int *goal = xmalloc(sizeof(int) * cap);
	double *value = xmalloc(sizeof(double) * cap);
	int n = 0, no = 0;
	struct tally scratch;
	tally_init(&scratch, p);
	for (int l = 0; l < p->n_learners; l++) {
		for (int j = 0; j < nb; j++)
			avail[l] += !p->learners[l].unavailable[blocks[j]];
		if (!avail[l])
			continue;
		start[n] = no;
		learners[n++] = l;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			int everywhere = 1;
			for (int j = 0; j < nb; j++)
				everywhere &= problem_block_allows(p, blocks[j], nd->goal);
			if (!everywhere)
				continue;
			goal[no] = nd->goal;
			value[no++] = option_value(p, &scratch, l, blocks, nb, nd->goal);
		}
		goal[no] = PERIOD_MIP_LAB;
		value[no++] = option_value(p, &scratch, l, blocks, nb, PERIOD_MIP_LAB);
	}
	start[n] = no;
	tally_release(&scratch);

	bool *fac_allowed = xcalloc((size_t)p->n_facilitators + 1, sizeof(bool));
	for (int f = 0; f < p->n_facilitators; f++) {
		int ok = p->facilitators[f].max_sessions >= nb;
		for (int j = 0; j < nb; j++)
			ok &= !p->facilitators[f].unavailable[blocks[j]];
		fac_allowed[f] = ok;
	}

	struct period_mip_input in = {
		.p = p, .blocks = blocks, .n_blocks = nb,
		.n_learners = n, .learners = learners,
		.opt_start = start, .opt_goal = goal, .opt_value = value,
		.fac_allowed = fac_allowed, .guru_value = cf->w_guru * nb,
	};
	/* The bound: relaxed rooms, a third of the time. */
	struct period_mip_input rin = in;
	rin.relax_rooms = true;
	struct mip_params bp = { .seconds = opt->time_limit / 3, .gap = opt->gap / 2,
				 .label = "bound model" };
	struct period_mip_result rb;
	period_mip_solve(&rin, &bp, NULL, &rb);
	double bound = rb.bound;
	/* kept: period_mip_result_free clears rb, and an infeasible relaxation
	 * proves the cycle infeasible (below) */
	enum mip_outcome bound_outcome = rb.outcome;
	if (rb.outcome == MIP_ERROR || rb.outcome == MIP_INFEASIBLE || bound <= 0 ||
	    bound >= 1e300) {
		/* No LP optimum: fall back to the simple bound, every learner's
		 * best option and every qualified facilitator a guru. */
		bound = cf->w_guru * nb;
		int q = 0;
		for (int f = 0; f < p->n_facilitators; f++)
			q += fac_allowed[f];
		bound *= q;
		for (int i = 0; i < n; i++) {
			double best = 0;
			for (int o = start[i]; o < start[i + 1]; o++)
				best = value[o] > best ? value[o] : best;
			bound += best;
		}
	}
	period_mip_result_free(&rb);
	mcl_log(LOG_NORMAL, "[%6.1fs] whole-cycle bound %.1f", mcl_now() - t0, bound);

	struct mip_params mp = { .seconds = opt->time_limit - (mcl_now() - t0),
				 .gap = opt->gap, .label = "power-goal groups" };
	if (mp.seconds < 1)
		mp.seconds = 1;
	struct period_mip_result r;
	period_mip_solve(&in, &mp, opt->write_lp, &r);
	if (!r.groups && r.outcome == MIP_ERROR) {
		/* GLPK failed, or the LP file could not be written: not a
		 * property of the school, so no diagnosis for a principal */
		mcl_log(LOG_QUIET, "internal error: the power-goal grouping MIP failed");
		rc = -1;
		goto out;
	}
	if (!r.groups) {
		sol->status = bound_outcome == MIP_INFEASIBLE || r.outcome == MIP_INFEASIBLE
				      ? SOLVE_INFEASIBLE
				      : SOLVE_NO_SOLUTION;
		int q = 0;
		for (int f = 0; f < p->n_facilitators; f++)
			q += fac_allowed[f];
		sol->diagnosis = xasprintf(
			"no power-goal grouping found: every group needs a facilitator "
			"available in all %d workshop blocks (with max_sessions >= %d) and a "
			"room free in every one of them; %d facilitator%s qualify for %d "
			"learners.  Check facilitator unavailability, or use the workshop "
			"model.\n",
			nb, nb, q, q == 1 ? "" : "s", n);
		goto out;
	}

	/* Sessions: one per group and block with at least one member there. */
	for (int gi = 0; gi < r.n_groups; gi++) {
		const struct period_mip_group *g = &r.groups[gi];
		int section = -1;
		for (int j = 0; j < nb; j++) {
			int b = blocks[j], present = 0;
			for (int i = 0; i < n; i++)
				present += r.learner_group[i] == gi &&
					   !p->learners[learners[i]].unavailable[b];
			if (!present)
				continue;
			struct session s = {
				.kind = g->goal == PERIOD_MIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
				.offering = g->goal == PERIOD_MIP_LAB ? -1 : g->goal,
				.block = b,
				.room = r.group_room[gi * nb + j],
				.facilitator = g->facilitator,
			};
			int si = solution_add_session(sol, &s);
			if (section < 0)
				section = si;
			sol->sessions[si].section = section;
			for (int i = 0; i < n; i++)
				if (r.learner_group[i] == gi && !p->learners[learners[i]].unavailable[b])
					*solution_attend(sol, learners[i], b) = si;
		}
	}
	solution_recount(sol);
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, sol);
	double objective = objective_total(p, &t);
	tally_release(&t);
	sol->objective = objective;
	if (!mip_bound_holds(bound, objective)) {
		mcl_log(LOG_QUIET, "internal error: the power-goal bound %.6f is below the "
			"schedule's objective %.6f", bound, objective);
		rc = -1;
		goto out;
	}
	sol->bound = bound > objective ? bound : objective;  /* rounding only */
	solution_set_gap(sol);
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
out:
	period_mip_result_free(&r);
	free(fac_allowed);
	free(blocks);
	free(learners);
	free(avail);
	free(start);
	free(goal);
	free(value);
	return rc;
}
