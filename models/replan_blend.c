/*
 * replan_blend.c - a replan's kept plan and a plan searched from it,
 * blended block by block (replan_blend.h).
 *
 * The search knows the objective but not the keep term, so a plan it
 * improves from the kept one gains objective where it moves learners and
 * loses weights.keep for every learner-block it moves, often more than it
 * gains.  A later workshop block of one plan can be swapped into the
 * other on its own: rooms, facilitators and places are per block, and
 * what ties blocks together is checked here (a facilitator's
 * max_sessions, a learner's sessions of a goal within the need's) or is
 * objective (days, lab credit, power goals), which the swap is scored on.
 * Seminar blocks (a section spans blocks) and whole-cycle groups (the
 * power-goal model) are not swapped.
 */
#include "replan_blend.h"

#include <stdlib.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/model.h"

/* The objective plus the keep term of sol. */
static double blend_score(const struct problem *p, const struct solution *sol)
{
	return objective_of(p, sol) + objective_keep_total(p, sol);
}

/* cur with block b taken from other, into out (solution_init()ed). */
static void swap_block(const struct problem *p, const struct solution *cur,
		       const struct solution *other, int b, struct solution *out)
{
	int *map = xmalloc(sizeof(int) * (cur->n_sessions + other->n_sessions + 1));
	for (size_t i = 0; i < cur->n_sessions; i++)
		map[i] = cur->sessions[i].block == b ? -1 : solution_add_session(out, &cur->sessions[i]);
	for (size_t i = 0; i < cur->n_sessions; i++) {
		int sec = cur->sessions[i].section;
		if (map[i] >= 0)
			out->sessions[map[i]].section = sec >= 0 && map[sec] >= 0 ? map[sec] : map[i];
	}
	int *omap = map + cur->n_sessions;
	for (size_t i = 0; i < other->n_sessions; i++) {
		omap[i] = other->sessions[i].block == b ? solution_add_session(out, &other->sessions[i])
							: -1;
		if (omap[i] >= 0)
			out->sessions[omap[i]].section = omap[i];
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int x = 0; x < p->n_blocks; x++) {
			int si = x == b ? solution_attend_at(other, l, x) : solution_attend_at(cur, l, x);
			*solution_attend(out, l, x) = si < 0 ? -1 : x == b ? omap[si] : map[si];
		}
	solution_recount(out);
	free(map);
}

/* Whether sol keeps what ties blocks together: every facilitator within
 * max_sessions (or no more than in cur, a frozen cover), every learner's
 * sessions of a goal within the need's. */
bool replan_needs_hold(const struct problem *p, const struct solution *sol, bool ready)
{
	int *cnt = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	bool ok = true;
	for (int l = 0; l < p->n_learners && ok; l++)
		for (int b = 0; b < p->n_blocks && ok; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || sol->sessions[si].kind != SESSION_WORKSHOP)
				continue;
			int q = objective_need_of(p, l, sol->sessions[si].offering);
			ok = q >= 0 && (!ready || p->needs[q].ready) &&
			     ++cnt[q] <= p->needs[q].sessions;
		}
	free(cnt);
	return ok;
}

static bool blend_fits(const struct problem *p, const struct solution *sol,
		       const struct solution *cur)
{
	int nf = p->n_facilitators;
	int *led = xcalloc((size_t)nf * 2 + 1, sizeof(int));
	for (size_t i = 0; i < sol->n_sessions; i++)
		led[sol->sessions[i].facilitator]++;
	for (size_t i = 0; i < cur->n_sessions; i++)
		led[nf + cur->sessions[i].facilitator]++;
	bool ok = true;
	for (int f = 0; f < nf && ok; f++)
		ok = led[f] <= p->facilitators[f].max_sessions || led[f] <= led[nf + f];
	free(led);
	return ok && replan_needs_hold(p, sol, false);
}

int replan_blend(const struct problem *p, struct solution *kept, const struct solution *other)
{
	if (model_row(p)->whole_cycle_groups || !p->previous)
		return 0;
	double score = blend_score(p, kept);
	int taken = 0;
	for (int pass = 0; pass < 2; pass++) {
		int before = taken;
		for (int b = p->previous->after + 1; b < p->n_blocks; b++) {
			if (p->blocks[b].kind != BLOCK_WORKSHOP || !problem_block_scheduled(p, b))
				continue;
			struct solution cand;
			solution_init(&cand, p);
			swap_block(p, kept, other, b, &cand);
			double v = blend_fits(p, &cand, kept) ? blend_score(p, &cand) : score;
			if (v > score + 1e-6) {
				solution_take(kept, &cand);
				score = v;
				taken++;
			}
			solution_release(&cand);
		}
		if (taken == before)
			break;
	}
	if (taken) {
		kept->objective = objective_of(p, kept);
	}
	return taken;
}
