/*
 * replan_period.c - a replan's plan re-planned block by block with the
 * keep term (replan_period.h).
 *
 * The kept plan changes about 5% of the later learner-blocks, a plan of
 * the objective alone about half; re-seating (replan_reseat.c) holds the
 * sessions and a block blend (replan_blend.c) takes a whole block of the
 * second plan or none, so no plan in between is tried (bench/TUNING.md,
 * "replan").  Here each later workshop block b is planned again by its
 * period MIP (period_mip.c: sessions opened per goal and room class,
 * staffed, every learner seated), every other block held, with learner
 * l's options valued as the workshop search values them, plus the keep
 * term:
 *
 *   v(l, g)   = what a session of g in b adds to l's objective given the
 *               rest (a ready facilitated need with sessions left there)
 *               + k weights.keep when l's previous session in b was of g
 *   v(l, lab) = what a lab in b adds + k weights.keep when it was a lab
 *
 * with k = PERIOD_KEEP_FACTOR (no keep where the previous session's facilitator or room is now
 * unavailable in b: that session cannot come back).  The MIP knows goals,
 * not facilitators and rooms, so its groups then take the facilitator and
 * room of a previous session of their goal where that is free or can be
 * swapped with another group's (most previous members first), and each
 * group seats first the learners whose previous session it now is.  The
 * block's new plan is scored exactly (objective_of + objective_keep_total)
 * and taken only when that rises; it must keep the hard rules that tie
 * blocks together (a facilitator's max_sessions, a need's sessions), which
 * the options and the allowed facilitators already do, checked again with
 * the block's own rules before it is scored.
 *
 * A block is re-planned only when every session of sol in it is a
 * workshop or lab of its own (no section across blocks).  Its MIP runs
 * without branch-and-bound (the greedy, LP-rounded and re-seated
 * candidates: fast, and the same on every run whatever the machine's
 * load); the pass stops at a block that ran twice its share of the time.
 * replan_period_branching is the same pass with branch-and-bound (at most
 * PERIOD_NODES nodes a block), for the time the first pass leaves.
 * replan_period_conservative is the first pass with weights.keep scaled
 * (in the options and in the test of a block's plan), a plan then kept
 * only where the objective plus the true keep term rises too: a move it
 * takes gains at both weights, and one that trades kept learner-blocks
 * for a little objective is left to the passes at the true weight.  A
 * block's plan that does not gain whole still gives the sessions of it
 * that do (replan_reseat_merge: opened beside the rest of the block).
 */
#include "replan_period.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/model.h"
#include "models/period_mip.h"
#include "models/replan_blend.h"
#include "models/replan_pins.h"
#include "models/replan_relabel.h"
#include "models/replan_reseat.h"
#include "models/workshop_search.h"

/* The options count weights.keep this many times: the MIP knows goals,
 * not sessions, so a learner it leaves at their goal may still lose the
 * keep term (another facilitator or room), and a move must gain more. */
#define PERIOD_KEEP_FACTOR 2

/* The pass stops at a block that took this many times its share of the
 * time (a block's MIP without branching takes about the same time
 * whatever its share: at once its share, the pass stopped on a loaded
 * machine where it went on alone). */
#define PERIOD_OVERRUN 2

/* Branch-and-bound nodes of a block's MIP in the second pass: a budget
 * keeps a block's run repeatable where its share does not end it. */
#define PERIOD_NODES 200

/* What a place at g in b adds to l's objective, t (without b) held. */
static double place_value(const struct problem *p, struct tally *t, int l, int b, int g)
{
	double before = objective_learner(p, t, l);
	cycle_count_place(p, t, l, b, g, +1);
	double v = objective_learner(p, t, l) - before;
	cycle_count_place(p, t, l, b, g, -1);
	return v;
}

/* The learners sol seats in b, their options valued against t (sol
 * without b), the lab always one of them. */
static void block_options(const struct problem *p, const struct solution *sol, struct tally *t,
			  int b, struct period_options *o)
{
	double keep = PERIOD_KEEP_FACTOR * p->config.w_keep;
	period_options_init(o, p->n_learners);
	for (int l = 0; l < p->n_learners; l++) {
		if (solution_attend_at(sol, l, b) < 0)
			continue;
		const struct prev_session *ps = replan_prev_in(p, l, b);
		int pg = ps ? replan_prev_goal(ps) : -2;
		period_options_learner(o, l);
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED ||
			    t->need_cnt[q] >= nd->sessions || !problem_block_allows(p, b, nd->goal))
				continue;
			period_options_push(o, nd->goal,
				  place_value(p, t, l, b, nd->goal) + (pg == nd->goal ? keep : 0));
		}
		period_options_push(o, PERIOD_MIP_LAB, place_value(p, t, l, b, PERIOD_MIP_LAB) +
					     (pg == PERIOD_MIP_LAB ? keep : 0));
	}
	period_options_end(o);
}

/* Whether sol keeps block b's rules and those that tie b to the rest:
 * facilitators and rooms once each, available, able, within max_sessions;
 * rooms with the feature and the seats; group sizes; a need's sessions. */
static bool block_fits(const struct problem *p, const struct solution *sol, int b)
{
	int nf = p->n_facilitators, nr = p->n_rooms;
	int *led = xcalloc((size_t)nf + 1, sizeof(int));
	int *in_b = xcalloc((size_t)(nf + nr) + 1, sizeof(int));
	bool ok = true;
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		led[s->facilitator]++;
		if (s->block != b)
			continue;
		int g = replan_goal_of(s);
		int lo = g == PERIOD_MIP_LAB ? 1 : p->goals[g].min_group;
		ok = ok && ++in_b[s->facilitator] == 1 && ++in_b[nf + s->room] == 1 &&
		     !p->facilitators[s->facilitator].unavailable[b] && replan_can_lead(p, s->facilitator, g) &&
		     replan_room_fits(p, s->room, g, s->size, b) && s->size >= lo;
	}
	for (int f = 0; f < nf && ok; f++)
		ok = led[f] <= p->facilitators[f].max_sessions;
	free(led);
	free(in_b);
	return ok && replan_needs_hold(p, sol, true);
}

/* sol with block b's sessions replaced by groups g and the learners of o
 * seated in them (those back in their previous session first), into out
 * (solution_init()ed). */
static void build(const struct problem *p, const struct solution *sol, int b,
		  const struct period_options *o, const struct period_mip_result *r, struct relabel_group *g,
		  struct solution *out)
{
	int *map = xmalloc(sizeof(int) * (sol->n_sessions + 1));
	for (size_t i = 0; i < sol->n_sessions; i++)
		map[i] = sol->sessions[i].block == b ? -1 : solution_add_session(out, &sol->sessions[i]);
	for (size_t i = 0; i < sol->n_sessions; i++) {
		int sec = sol->sessions[i].section;
		if (map[i] >= 0)
			out->sessions[map[i]].section = sec >= 0 && map[sec] >= 0 ? map[sec] : map[i];
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int x = 0; x < p->n_blocks; x++) {
			int si = solution_attend_at(sol, l, x);
			*solution_attend(out, l, x) = si < 0 || x == b ? -1 : map[si];
		}
	int *idx = xmalloc(sizeof(int) * ((size_t)r->n_groups + 1));
	for (int k = 0; k < r->n_groups; k++) {
		struct session s = { .kind = g[k].goal == PERIOD_MIP_LAB ? SESSION_LAB : SESSION_WORKSHOP,
				     .offering = g[k].goal, .block = b, .room = g[k].room,
				     .facilitator = g[k].fac };
		idx[k] = solution_add_session(out, &s);
		out->sessions[idx[k]].section = idx[k];
		g[k].left = g[k].size;
	}
	int *seat = xmalloc(sizeof(int) * ((size_t)o->n_learners + 1));
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < o->n_learners; i++) {
			int want = o->goal[r->learner_option[i]];
			const struct prev_session *ps = replan_prev_in(p, o->learners[i], b);
			if (pass == 0)
				seat[i] = -1;
			if (seat[i] >= 0)
				continue;
			for (int k = 0; k < r->n_groups && seat[i] < 0; k++)
				if (g[k].goal == want && g[k].left > 0 &&
				    (pass == 1 || (ps && replan_prev_goal(ps) == want &&
						   ps->facilitator == g[k].fac && ps->room == g[k].room))) {
					seat[i] = k;
					g[k].left--;
				}
		}
	for (int i = 0; i < o->n_learners; i++)
		*solution_attend(out, o->learners[i], b) = seat[i] >= 0 ? idx[seat[i]] : -1;
	solution_recount(out);
	free(seat);
	free(idx);
	free(map);
}

static double score(const struct problem *p, const struct solution *s)
{
	return objective_of(p, s) + objective_keep_total(p, s);
}

/* Block b of sol re-planned within seconds; 1 when taken. */
static int period_block(const struct problem *p, struct solution *sol, int b, double seconds,
			bool branch)
{
	double t0 = mcl_now();
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, sol);
	int nf = p->n_facilitators;
	int *led = xcalloc((size_t)nf + 1, sizeof(int));
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		if (s->block != b) {
			led[s->facilitator]++;
			continue;
		}
		if (s->kind == SESSION_WORKSHOP)
			t.guru -= problem_goal_level(p, s->facilitator, s->offering) == LEVEL_GURU;
	}
	for (int l = 0; l < p->n_learners; l++) {
		int si = solution_attend_at(sol, l, b);
		if (si >= 0)
			cycle_count_place(p, &t, l, b, replan_goal_of(&sol->sessions[si]), -1);
	}
	struct period_options o;
	block_options(p, sol, &t, b, &o);
	bool *fac_allowed = xcalloc((size_t)nf + 1, sizeof(bool));
	for (int f = 0; f < nf; f++)
		fac_allowed[f] = !p->facilitators[f].unavailable[b] &&
				 led[f] < p->facilitators[f].max_sessions;
	struct period_mip_input in = {
		.p = p, .blocks = &b, .n_blocks = 1,
		.n_learners = o.n_learners, .learners = o.learners,
		.opt_start = o.start, .opt_goal = o.goal, .opt_value = o.value,
		.fac_allowed = fac_allowed, .guru_value = p->config.w_guru,
		.no_branching = !branch,
	};
	struct mip_params mp = { .seconds = seconds, .gap = 1e-4,
				 .max_nodes = branch ? PERIOD_NODES : 0 };
	struct period_mip_result r;
	int taken = 0;
	period_mip_solve(&in, &mp, NULL, &r);
	if (r.groups && o.n_learners > 0) {
		struct relabel_group *g = xcalloc((size_t)r.n_groups + 1, sizeof(*g));
		for (int k = 0; k < r.n_groups; k++)
			g[k] = (struct relabel_group){ .goal = r.groups[k].goal, .fac = r.groups[k].facilitator,
					       .room = r.group_room[k], .size = r.groups[k].size };
		replan_match_previous(p, b, o.n_learners, o.learners, r.learner_group, g,
				      r.n_groups, fac_allowed);
		struct solution cand;
		solution_init(&cand, p);
		build(p, sol, b, &o, &r, g, &cand);
		double before = score(p, sol);
		double after = block_fits(p, &cand, b) ? score(p, &cand) : before;
		mcl_log(LOG_VERBOSE, "replan: block '%s' re-planned with the keep term: objective + "
			"keep %.1f -> %.1f%s (%.1f s of %.1f)", p->blocks[b].id, before, after,
			after > before + 1e-6 ? ", taken" : "", mcl_now() - t0, seconds);
		if (after > before + 1e-6) {
			solution_take(sol, &cand);
			taken = 1;
		} else if (block_fits(p, &cand, b)) {
			/* the sessions of the new plan that gain, beside the rest */
			taken = replan_reseat_merge(p, sol, &cand, seconds - (mcl_now() - t0)) > 0;
		}
		solution_release(&cand);
		free(g);
	}
	period_mip_result_free(&r);
	period_options_free(&o);
	free(fac_allowed);
	free(led);
	tally_release(&t);
	return taken;
}

/* period_block with p's keep weight scaled (conservative), its change
 * kept only where truth's (the true keep weight's) score rises too. */
static int period_block_checked(const struct problem *p, const struct problem *truth,
				struct solution *sol, int b, double seconds, bool branch)
{
	if (p == truth)
		return period_block(p, sol, b, seconds, branch);
	struct solution old;
	solution_init(&old, p);
	solution_copy_schedule(&old, sol);
	old.objective = sol->objective;
	double before = score(truth, sol);
	int taken = period_block(p, sol, b, seconds, branch);
	if (taken && score(truth, sol) <= before + 1e-6) {
		mcl_log(LOG_VERBOSE, "replan: block '%s' given back: objective + true keep "
			"%.1f -> %.1f", p->blocks[b].id, before, score(truth, sol));
		solution_take(sol, &old);
		taken = 0;
	}
	solution_release(&old);
	return taken;
}

static int period_pass(const struct problem *p, const struct problem *truth, struct solution *sol,
		       double seconds, bool branch)
{
	if (!p->previous || model_row(p)->whole_cycle_groups || seconds <= 0)
		return 0;
	if (replan_pins_locked(p))
		return 0;       /* locks.csv's pins: held by the caller's runs */
	double t0 = mcl_now();
	int n = 0, taken = 0;
	for (int b = p->previous->after + 1; b < p->n_blocks; b++)
		n += replan_block_open(p, sol, b);
	for (int b = p->previous->after + 1; b < p->n_blocks && n > 0; b++) {
		if (!replan_block_open(p, sol, b))
			continue;
		double left = seconds - (mcl_now() - t0), share = left / n--, tb = mcl_now();
		if (left <= 0)
			break;
		taken += period_block_checked(p, truth, sol, b, share, branch);
		if (mcl_now() - tb > PERIOD_OVERRUN * share)
			break;  /* well past its share: the blocks left would be too */
	}
	if (taken)
		sol->objective = objective_of(p, sol);
	return taken;
}

int replan_period(const struct problem *p, struct solution *sol, double seconds)
{
	return period_pass(p, p, sol, seconds, false);
}

int replan_period_branching(const struct problem *p, struct solution *sol, double seconds)
{
	return period_pass(p, p, sol, seconds, true);
}

int replan_period_conservative(const struct problem *p, struct solution *sol, double seconds,
			       double scale)
{
	struct problem q = *p;
	q.config.w_keep = scale * p->config.w_keep;
	return period_pass(&q, p, sol, seconds, false);
}
