/*
 * workshop_moves.c - the workshop search's neighbourhoods (see the model's
 * description in workshop.c), each a change to the cycle state kept only
 * when the cycle's objective rises (a kick excepted):
 *
 *   block re-plan      one block's period MIP (period_mip.c) with every
 *                      other block fixed, each learner's options valued by
 *                      what they add to the objective given the rest;
 *   sweep              every block re-planned in turn (fix-and-optimise);
 *   ruin-and-recreate  a few blocks cleared and planned again one after
 *                      the other, so a need can move between them, which a
 *                      single re-plan cannot (each block is already optimal
 *                      given the rest); lab balance is the same move on a
 *                      lab-heavy and a lab-light block; a kick is one kept
 *                      whatever it scores, to leave a local optimum;
 *   re-seating         every session held, the learners of a set of blocks
 *                      re-seated by one MIP (reseat_mip.c): chains of
 *                      exchanges between learners and blocks; on large
 *                      schools two disjoint sets at once, one in a child
 *                      process (child.h);
 *   re-goaling         a set's sessions may also change goal, or turn from
 *                      workshop to lab and back, keeping facilitator and
 *                      room: moves a goal's session between blocks.
 *
 * How many of each, how large and on which schools is the settings table's
 * (search_settings.c, read into cy->set).
 */
#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/reseat_mip.h"
#include "models/workshop_search.h"

/* What placing learner l at g in block b (unplaced there) adds to the
 * objective, everything else held: the objective's own difference. */
static double place_value(const struct cycle *cy, int l, int b, int g)
{
	struct tally *t = (struct tally *)&cy->tl;  /* restored before return */
	double before = objective_learner(cy->p, t, l);
	cycle_count_place(cy->p, t, l, b, g, +1);
	double v = objective_learner(cy->p, t, l) - before;
	cycle_count_place(cy->p, t, l, b, g, -1);
	return v;
}

/*
 * What a workshop session in block b would cost learner l later while the
 * construct stage still has blocks to plan: on a
 * day l already has a session, it uses up one of l's remaining
 * need-sessions; when l has no more of those than days still without a
 * session but with an unplanned block, each is worth a day's weight there.
 * Zero after construction, so the search proper sees the exact objective.
 */
static double day_reserve(const struct cycle *cy, int l, int b)
{
	const struct problem *p = cy->p;
	double w = p->config.w_daily;
	int d = p->blocks[b].day_index;
	if (!cy->constructing || w <= 0 || *tally_day(&cy->tl, p, l, d) == 0 ||
	    !problem_placeable(p, l))
		return 0;
	int left = 0, open_days = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && p->goals[nd->goal].mode == GOAL_FACILITATED &&
		    cy->tl.need_cnt[q] < nd->sessions)
			left += nd->sessions - cy->tl.need_cnt[q];
	}
	for (int e = 0; e < p->n_days; e++) {
		if (e == d || *tally_day(&cy->tl, p, l, e) > 0)
			continue;
		for (int j = 0; j < cy->n_blocks; j++) {
			int c = cy->blocks[j];
			if (c != b && p->blocks[c].day_index == e && !p->learners[l].unavailable[c] &&
			    cy->plan[(long)l * p->n_blocks + c] == NONE) {
				open_days++;
				break;
			}
		}
	}
	return left <= open_days ? w : 0;
}

/* What each learner available in b can do there, valued against the other
 * blocks (block b's own plan must be uncounted first). */
static void block_options(const struct cycle *cy, int b, struct period_options *o)
{
	const struct problem *p = cy->p;
	period_options_init(o, p->n_learners);
	for (int l = 0; l < p->n_learners; l++) {
		if (p->learners[l].unavailable[b])
			continue;
		period_options_learner(o, l);
		double reserve = day_reserve(cy, l, b);
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready || p->goals[nd->goal].mode != GOAL_FACILITATED ||
			    cy->tl.need_cnt[q] >= nd->sessions || !problem_block_allows(p, b, nd->goal))
				continue;
			period_options_push(o, nd->goal, place_value(cy, l, b, nd->goal) - reserve);
		}
		period_options_push(o, PERIOD_MIP_LAB, place_value(cy, l, b, PERIOD_MIP_LAB));
	}
	period_options_end(o);
}

/* Value of block b's current plan under options o (same valuation). */
static double plan_value(const struct cycle *cy, int b, const struct period_options *o,
			 const struct period_mip_result *r)
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

/*
 * Whether block b's period MIP, with these facilitators allowed, is the
 * whole cycle's problem: the cycle is this one workshop block (no seminar
 * blocks, no part held outside, no twin's session limits) and every
 * facilitator who could lead there may.  Then a learner's options are
 * valued against an empty rest (the objective's own difference from no
 * session at all, so day_reserve is 0) and every schedule of the cycle is
 * a plan of the period MIP with the same value, so the bound of its LP
 * plus the objective without the block bounds the whole cycle.
 */
static bool block_is_cycle(const struct cycle *cy, int b, const bool *fac_allowed)
{
	const struct problem *p = cy->p;
	if (cy->n_blocks != 1 || cy->n_sem != 0 || !cycle_is_whole(cy) || cy->need_limit ||
	    cy->sessions_left)
		return false;
	for (int f = 0; f < p->n_facilitators; f++)
		if (!fac_allowed[f] && !p->facilitators[f].unavailable[b] &&
		    cycle_sessions_left(cy, f) > 0)
			return false;
	return true;
}

int move_replan_block(struct cycle *cy, int b, double seconds, bool branching)
{
	const struct problem *p = cy->p;
	double t0 = mcl_now();
	cycle_count_block(cy, b, -1);
	struct period_options o;
	block_options(cy, b, &o);
	bool *fac_allowed = xmalloc(sizeof(bool) * (size_t)(p->n_facilitators + 1));
	for (int f = 0; f < p->n_facilitators; f++)
		fac_allowed[f] = !p->facilitators[f].unavailable[b] &&
				 cy->allowed[(long)f * p->n_blocks + b];
	struct period_mip_input in = {
		.p = p, .blocks = &b, .n_blocks = 1,
		.n_learners = o.n_learners, .learners = o.learners,
		.opt_start = o.start, .opt_goal = o.goal, .opt_value = o.value,
		.fac_allowed = fac_allowed, .guru_value = p->config.w_guru,
		.no_branching = !branching, .link_hint = cy->link_hint,
		.greedy_only = cy->constructing &&
			       (cy->construct_greedy || cycle_time_left(cy) <= 0),
		.want_lp_dual = block_is_cycle(cy, b, fac_allowed),
	};
	struct reserves rs;
	construct_reserves(cy, b, o.n_learners, o.learners, o.start, o.goal, &rs);
	in.n_reserve = rs.n;
	in.reserve_start = rs.start;
	in.reserve_option = rs.option;
	in.reserve_cap = rs.cap;
	struct mip_params mp = { .seconds = seconds, .gap = cy->opt->gap / 4,
				 .max_nodes = cy->set.block_nodes };
	double rest = cycle_objective(cy);   /* the cycle without block b */
	struct period_mip_result r;
	period_mip_solve(&in, &mp, NULL, &r);
	if (!r.groups && rs.n > 0) {
		/* the reserves cannot be kept here: the plan without them */
		mcl_log(LOG_VERBOSE, "construction: '%s' has no plan keeping %d lab reserve%s",
			p->blocks[b].id, rs.n, rs.n == 1 ? "" : "s");
		period_mip_result_free(&r);
		in.n_reserve = 0;
		/* within the same seconds: the two solves are one re-plan */
		mp.seconds = seconds - (mcl_now() - t0);
		if (mp.seconds < 0.1)
			mp.seconds = 0.1;
		period_mip_solve(&in, &mp, NULL, &r);
	}
	reserves_free(&rs);
	if (in.want_lp_dual && r.lp_dual < HUGE_VAL && rest + r.lp_dual < cy->block_bound)
		cy->block_bound = rest + r.lp_dual;
	struct period_mip_result *old = &cy->block_res[b];
	bool had = old->groups != NULL || old->learner_group != NULL;
	int changed = -1;
	double kept_value = had ? plan_value(cy, b, &o, old) : -DBL_MAX;
	if (r.groups)
		cy->slack[b] = r.bound - (r.objective > kept_value ? r.objective : kept_value);
	if (r.groups && (!had || r.objective > kept_value + 1e-6)) {
		period_mip_result_free(old);
		*old = r;
		for (int i = 0; i < o.n_learners; i++)
			cy->plan[(long)o.learners[i] * p->n_blocks + b] =
				o.goal[r.learner_option[i]];
		changed = 1;
	} else {
		changed = had                          ? 0
			  : r.outcome == MIP_ERROR      ? BLOCK_ERROR
			  : r.outcome == MIP_INFEASIBLE ? BLOCK_STUCK
							: -1;
		period_mip_result_free(&r);
	}
	cycle_count_block(cy, b, +1);
	assert(cycle_consistent(cy));
	period_options_free(&o);
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
	struct period_mip_result *saved = xmalloc(sizeof(*saved) * (size_t)k);
	int *saved_plan = xmalloc(sizeof(int) * ((size_t)k * (size_t)p->n_learners + 1));
	for (int i = 0; i < k; i++) {
		int b = pick[i];
		cycle_count_block(cy, b, -1);
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
		double left = cycle_time_left(cy);
		ok = move_replan_block(cy, pick[i], left > 0.4 ? 2 * left / (k - i + 1) : 0.2, false) > 0;
	}
	int kept = ok && (force || cycle_objective(cy) > before + 1e-6);
	for (int i = 0; i < k; i++) {
		int b = pick[i];
		if (kept) {
			period_mip_result_free(&saved[i]);
			continue;
		}
		cycle_count_block(cy, b, -1);         /* a block left unplanned counts nothing */
		period_mip_result_free(&cy->block_res[b]);
		cy->block_res[b] = saved[i];
		for (int l = 0; l < p->n_learners; l++)
			cy->plan[(long)l * p->n_blocks + b] = saved_plan[(long)i * p->n_learners + l];
		cycle_count_block(cy, b, +1);
	}
	free(saved);
	free(saved_plan);
	assert(cycle_consistent(cy));
	return kept;
}

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

/* Large-neighbourhood search: ruin-and-recreate moves on random sets of
 * cy->set.lns_blocks blocks (seeded, so repeatable), while time is left
 * and the gap is not met. */
int move_lns(struct cycle *cy, unsigned long long *rng, int max_moves)
{
	int k = cy->n_blocks < cy->set.lns_blocks ? cy->n_blocks : cy->set.lns_blocks;
	int tries = 0, kept = 0;
	if (k < 2)
		return 0;
	int *pick = xmalloc(sizeof(int) * ((size_t)k + 1));
	while (!mip_interrupted && tries < max_moves &&
	       cycle_replans_fit(cy, k) && !cycle_gap_reached(cy)) {
		pick_blocks(cy, rng, pick, k);
		kept += ruin_recreate(cy, pick, k, false);
		if (++tries % 10 == 0) {
			char what[64];
			snprintf(what, sizeof(what), "search, %d of %d moves kept", kept, tries);
			search_progress(cy, what);
		}
	}
	free(pick);
	return kept;
}

void move_kick(struct cycle *cy, unsigned long long *rng)
{
	int k = cy->n_blocks < cy->set.kick_blocks ? cy->n_blocks : cy->set.kick_blocks;
	int *pick = xmalloc(sizeof(int) * ((size_t)k + 1));
	pick_blocks(cy, rng, pick, k);
	ruin_recreate(cy, pick, k, true);
	free(pick);
}

/* The bound LP runs about the same number of labs in every block, while
 * pass 1 leaves depleted blocks (their needs taken by the blocks planned
 * before them) running many labs beside thin workshops, and no single
 * re-plan can move needs back: clearing a lab-heavy block with a lab-light
 * one, the lab-heavy one planned first, can. */
int move_balance(struct cycle *cy)
{
	int nb = cy->n_blocks, kept = 0;
	int *ord = xmalloc(sizeof(int) * ((size_t)nb + 1));
	int *labs = xcalloc((size_t)cy->p->n_blocks + 1, sizeof(int));
	/* blocks by lab count, most first (ties in time order) */
	for (int j = 0; j < nb; j++) {
		int b = cy->blocks[j], i = j;
		const struct period_mip_result *r = &cy->block_res[b];
		for (int gi = 0; gi < r->n_groups; gi++)
			labs[b] += r->groups[gi].goal == PERIOD_MIP_LAB;
		for (; i > 0 && labs[ord[i - 1]] < labs[b]; i--)
			ord[i] = ord[i - 1];
		ord[i] = b;
	}
	int pairs = cy->set.balance_pairs;
	for (int i = 0; i < pairs && i < nb; i++)
		for (int j = 0; j < pairs && nb - 1 - j > i; j++) {
			if (mip_interrupted || !cycle_replans_fit(cy, 2) ||
			    cycle_gap_reached(cy))
				break;
			int pick[2] = { ord[i], ord[nb - 1 - j] };
			kept += ruin_recreate(cy, pick, 2, false);
		}
	free(ord);
	free(labs);
	return kept;
}

/*
 * A facilitator with fewer sessions left than available blocks may lead
 * only in the blocks precheck_spread_limits gave them (cy->allowed: the
 * blocks wanting staff most, ties in time order), and no re-plan changes
 * that.  So where a part-time facilitator's sessions go was fixed before
 * any plan: on a school whose area-limited first blocks take them, the
 * open blocks later in the week run short of staff.  This move hands one
 * of their turns from block a to a block b they are available in, and
 * re-plans a (without them) then b (with them); kept when the objective
 * rises, else the turn goes back.  The number of turns stays, so
 * max_sessions holds.  A 300-learner school has a hundred such shifts or
 * more, two re-plans each: a call tries at most two per block.
 */
int move_shift_staff(struct cycle *cy, unsigned long long *rng)
{
	const struct problem *p = cy->p;
	/* the candidate shifts (f, a, b); at most 2 per block are tried a
	 * call, drawn at random when there are more (a replan pair each) */
	long n = 0, cap = 16;
	int *cand = xmalloc(sizeof(int) * 3 * (size_t)cap);
	for (int f = 0; f < p->n_facilitators; f++) {
		const bool *away = p->facilitators[f].unavailable;
		const bool *row = &cy->allowed[(long)f * p->n_blocks];
		int avail = 0, turns = 0;
		for (int j = 0; j < cy->n_blocks; j++) {
			avail += !away[cy->blocks[j]];
			turns += !away[cy->blocks[j]] && row[cy->blocks[j]];
		}
		for (int i = 0; i < cy->n_blocks && turns < avail; i++)
			for (int j = 0; j < cy->n_blocks; j++) {
				int a = cy->blocks[i], b = cy->blocks[j];
				if (!row[a] || away[a] || row[b] || away[b])
					continue;
				if (n == cap)
					cand = xrealloc(cand, sizeof(int) * 3 * (size_t)(cap *= 2));
				cand[3 * n] = f;
				cand[3 * n + 1] = a;
				cand[3 * n + 2] = b;
				n++;
			}
	}
	long tries = 2L * cy->n_blocks < n ? 2L * cy->n_blocks : n;
	int kept = 0;
	for (long t = 0; t < tries; t++) {
		/* a partial Fisher-Yates shuffle: cand[t] drawn from cand[t..n-1] */
		long k = t + (long)(mcl_rng_next(rng) % (unsigned long long)(n - t));
		for (int c = 0; c < 3; c++) {
			int tmp = cand[3 * t + c];
			cand[3 * t + c] = cand[3 * k + c];
			cand[3 * k + c] = tmp;
		}
		int f = cand[3 * t], a = cand[3 * t + 1], b = cand[3 * t + 2];
		bool *row = &cy->allowed[(long)f * p->n_blocks];
		if (!row[a] || row[b])      /* an earlier shift changed f's turns */
			continue;
		if (mip_interrupted || !cycle_replans_fit(cy, 2) || cycle_gap_reached(cy))
			break;
		row[a] = false;
		row[b] = true;
		int pick[2] = { a, b };
		if (ruin_recreate(cy, pick, 2, false)) {
			kept++;
		} else {
			row[a] = true;
			row[b] = false;
		}
	}
	free(cand);
	return kept;
}

/* Each block re-planned, every other block fixed, with branch-and-bound
 * when cy->set.sweep_branching (on large schools the block's candidates,
 * the LP dive above all, find the gains and branching only costs time).
 * With sweep_by_slack the blocks furthest below their own bound when last
 * planned go first, so a sweep the time limit cuts short did the most
 * promising ones; else time order. */
int move_sweep(struct cycle *cy)
{
	int nb = cy->n_blocks, improved = 0;
	bool by_slack = cy->set.sweep_by_slack;
	int *order = xmalloc(sizeof(int) * ((size_t)nb + 1));
	for (int j = 0; j < nb; j++) {
		int i = j;
		for (; by_slack && i > 0 && cy->slack[order[i - 1]] < cy->slack[cy->blocks[j]]; i--)
			order[i] = order[i - 1];
		order[i] = cy->blocks[j];
	}
	for (int j = 0; j < nb && !mip_interrupted; j++) {
		double left = cycle_time_left(cy);
		if (!cycle_replans_fit(cy, 1) || cycle_gap_reached(cy))
			break;
		double share = 2 * left / (nb - j + 1);
		improved += move_replan_block(cy, order[j], share, cy->set.sweep_branching) > 0;
	}
	free(order);
	return improved;
}

/*
 * Re-seats the learners of the blocks marked in free, the sessions and the
 * other blocks held (reseat_mip.c): moves sessions of needs between blocks
 * in chains of exchanges no block re-plan can make.  With regoal the
 * sessions of those blocks may also change goal (reseat_mip_sessions).
 * Returns whether the objective rose.
 */
static bool reseat(struct cycle *cy, const bool *free, double seconds, bool regoal)
{
	const struct problem *p = cy->p;
	double before = cycle_objective(cy);
	for (int j = 0; j < cy->n_blocks; j++)
		if (free[j])
			cycle_count_block(cy, cy->blocks[j], -1);
	double gain = regoal ? reseat_mip_sessions(p, cy->blocks, cy->n_blocks, free, cy->outside,
						 cy->block_res, seconds)
			     : reseat_mip_cycle(p, cy->blocks, cy->n_blocks, free, cy->need_limit,
					      cy->outside, cy->block_res, seconds);
	for (int j = 0; j < cy->n_blocks; j++) {
		if (!free[j])
			continue;
		cycle_plan_from_result(cy, cy->blocks[j]);
		cycle_count_block(cy, cy->blocks[j], +1);
	}
	double after = cycle_objective(cy);
	/* the model's objective is the cycle's, less the fixed guru bonus */
	assert(fabs(after - before - gain) < 1e-6 * (1 + fabs(after)));
	assert(cycle_consistent(cy));
	return after > before + 1e-6;
}

/* Blocks in one re-seating set. */
static int reseat_blocks(const struct cycle *cy)
{
	return search_set_blocks(cy->p, cy->blocks, cy->n_blocks, cy->set.reseat_cols);
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
 * learner the last session of the same need, breaking its limit (most
 * child seatings did, before this).  So the needs are dealt between the two halves
 * (alternate needs of each learner), and a half may not raise a need it
 * was not dealt above the sessions it has now (cy->need_limit).  The child
 * sends back its blocks' new seatings, taken when the cycle's objective
 * rises with them (a learner's lab credit and power-goal bonus depend on
 * both halves); else b keeps its seating.  Without fork the two run one
 * after the other, unrestricted.  Returns the number of the two
 * re-seatings that improved.
 *
 * Sweeps stay serial: a block re-plan with half of each learner's needs
 * held finds little, so two at once gain less than one after the other.
 */
static int reseat_twin(struct cycle *cy, const bool *set_a, const bool *set_b, double seconds)
{
	const struct problem *p = cy->p;
	struct child ch;
	int started = child_start(&ch);
	if (started < 0)
		return reseat(cy, set_a, seconds, false) + reseat(cy, set_b, cycle_time_left(cy), false);

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
				period_mip_result_encode(&w, &cy->block_res[cy->blocks[j]],
						   cycle_block_learners(p, cy->blocks[j]), 1);
		child_exit(child_send(&ch, &w) == 0);
	}
	int improved = reseat(cy, set_a, seconds, false);
	cy->need_limit = NULL;
	free(limit);

	/* the child's seatings of b, swapped in for b's own */
	struct period_mip_result *got = xcalloc((size_t)cy->n_blocks + 1, sizeof(*got));
	struct wire w;
	bool ok = child_collect(&ch, &w) == 0;
	bool up = wire_get_int(&w) != 0;
	for (int j = 0; j < cy->n_blocks && ok && up; j++)
		if (set_b[j])
			ok = period_mip_result_decode(&w, &got[j], cycle_block_learners(p, cy->blocks[j]), 1) == 0;
	ok = ok && wire_done(&w);
	wire_release(&w);
	double before = cycle_objective(cy);
	for (int pass = 0; ok && up && pass < 2; pass++) {
		for (int j = 0; j < cy->n_blocks; j++)
			if (set_b[j])
				cycle_swap_block(cy, cy->blocks[j], &got[j]);
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
		period_mip_result_free(&got[j]);
	free(got);
	return improved;
}

/* Re-seats sets of blocks covering the cycle about once, on large schools
 * two sets at once (reseat_twin).  Returns the number of re-seatings that
 * improved. */
int move_reseat_round(struct cycle *cy, unsigned long long *rng)
{
	int k = reseat_blocks(cy);
	int *pick = xmalloc(sizeof(int) * (2 * (size_t)k + 1));
	bool *free_a = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	bool *free_b = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	int improved = 0, times = (cy->n_blocks + k - 1) / k;
	for (int t = 0; t < times && !mip_interrupted;) {
		double left = cycle_time_left(cy);
		if (left < 1 || cycle_gap_reached(cy))
			break;
		/* two disjoint sets need 2k blocks: a cycle of few blocks
		 * can be a large school with 2k above its blocks (1000
		 * learners over 2 days: 6 blocks, sets of 4) */
		bool pair = cy->set.reseat_pairs && t + 1 < times && 2 * k <= cy->n_blocks;
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

/* Re-goaling (reseat_mip_sessions) of random sets of cy->set.regoal_blocks
 * blocks, as many sets as the cycle has blocks. */
int move_regoal_round(struct cycle *cy, unsigned long long *rng)
{
	int k = cy->set.regoal_blocks;
	int *pick = xmalloc(sizeof(int) * ((size_t)k + 1));
	bool *set = xmalloc(sizeof(bool) * ((size_t)cy->n_blocks + 1));
	int improved = 0;
	for (int t = 0; t < cy->n_blocks && cy->n_blocks >= k && !mip_interrupted;
	     t++) {
		double left = cycle_time_left(cy);
		if (left < 1 || cycle_gap_reached(cy))
			break;
		pick_blocks(cy, rng, pick, k);
		mark_blocks(cy, pick, k, set);
		improved += reseat(cy, set, left, true);
	}
	free(pick);
	free(set);
	return improved;
}
