/*
 * replan_polish.c - a locked schedule split for a search of the rest
 * (replan_polish.h).
 *
 * The pinned sessions are built before the model runs (replan_pins.c) and
 * the rest of the first locked schedule is the model's plan of what they
 * leave, or the plan without the locks kept around them: a schedule no
 * search has improved with the pins in place.  Split here, the sessions
 * that hold a pin (and their sections' meetings, a seminar's or a
 * power-goal group's) become the fixed part of a view (replan.c) and the
 * rest the warm start of the model on it, so that the model's search
 * moves every learner-block outside the pinned sessions while every lock
 * still holds: each pin's learners keep their places in the pin's block,
 * its facilitator and room keep their session there.
 */
#include "replan_polish.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/model.h"

/* Marks in held the session of sol that holds pin pn in its block. */
static void mark_pin(const struct solution *sol, const struct lock_pin *pn, bool *held)
{
	for (int i = 0; i < pn->n_learners; i++) {
		int s = solution_attend_at(sol, pn->learners[i], pn->block);
		if (s >= 0)
			held[s] = true;
	}
	for (size_t s = 0; s < sol->n_sessions; s++) {
		const struct session *x = &sol->sessions[s];
		if (x->block == pn->block && ((pn->facilitator >= 0 && x->facilitator == pn->facilitator) ||
					      (pn->room >= 0 && x->room == pn->room)))
			held[s] = true;
	}
}

size_t replan_polish_split(const struct problem *p, const struct solution *sol,
			   struct solution *out)
{
	size_t n = sol->n_sessions;
	bool *held = xcalloc(n + 1, sizeof(bool));
	for (int k = 0; k < p->n_pins; k++)
		mark_pin(sol, &p->pins[k], held);
	/* every meeting of a held section */
	bool *sec = xcalloc(n + 1, sizeof(bool));
	for (size_t s = 0; s < n; s++)
		if (held[s] && sol->sessions[s].section >= 0)
			sec[sol->sessions[s].section] = true;
	for (size_t s = 0; s < n; s++)
		if (sol->sessions[s].section >= 0 && sec[sol->sessions[s].section])
			held[s] = true;
	int *to = xmalloc(sizeof(int) * (n + 1));
	size_t k = 0, n_held = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t s = 0; s < n; s++)
			if (held[s] == (pass == 0)) {
				to[s] = (int)k++;
				n_held += pass == 0;
			}
	solution_init(out, p);
	out->status = sol->status;
	/* sessions in their new order (to is a permutation) */
	int *from = xmalloc(sizeof(int) * (n + 1));
	for (size_t s = 0; s < n; s++)
		from[to[s]] = (int)s;
	for (size_t i = 0; i < n; i++) {
		const struct session *x = &sol->sessions[from[i]];
		int j = solution_add_session(out, x);
		out->sessions[j].section = x->section >= 0 ? to[x->section] : j;
	}
	for (long c = 0; c < (long)p->n_learners * p->n_blocks; c++)
		out->attend[c] = sol->attend[c] >= 0 ? to[sol->attend[c]] : -1;
	solution_recount(out);
	out->objective = sol->objective;
	free(from);
	free(to);
	free(sec);
	free(held);
	return n_held;
}

void replan_polish_fixed(const struct problem *p, const struct solution *sol, size_t n,
			 struct solution *fixed)
{
	solution_init(fixed, p);
	for (size_t i = 0; i < n; i++) {
		int j = solution_add_session(fixed, &sol->sessions[i]);
		fixed->sessions[j].section = sol->sessions[i].section;
	}
	for (long c = 0; c < (long)p->n_learners * p->n_blocks; c++)
		fixed->attend[c] = sol->attend[c] >= 0 && sol->attend[c] < (int)n ? sol->attend[c] : -1;
	solution_recount(fixed);
}

/* Whether session s is one pin pn may name (replan_pins.c's pin_fits, and
 * a seminar pin's seminar). */
static bool fits(const struct lock_pin *pn, const struct session *s)
{
	if (s->block != pn->block || (pn->facilitator >= 0 && s->facilitator != pn->facilitator) ||
	    (pn->room >= 0 && s->room != pn->room))
		return false;
	switch (pn->kind) {
	case LOCK_GOAL:
		return s->kind == SESSION_WORKSHOP && s->offering == pn->offering;
	case LOCK_LAB:
		return s->kind == SESSION_LAB;
	case LOCK_SEMINAR:
		return s->kind == SESSION_SEMINAR && s->offering == pn->offering;
	default:
		return s->kind != SESSION_SEMINAR;
	}
}

bool replan_polish_holds(const struct problem *p, const struct solution *sol)
{
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		bool ok = pn->n_learners > 0;
		for (size_t s = 0; s < sol->n_sessions && !pn->n_learners && !ok; s++)
			ok = fits(pn, &sol->sessions[s]);
		int first = pn->n_learners ? solution_attend_at(sol, pn->learners[0], pn->block) : -1;
		for (int i = 0; i < pn->n_learners && ok; i++) {
			int s = solution_attend_at(sol, pn->learners[i], pn->block);
			ok = s >= 0 && fits(pn, &sol->sessions[s]) &&
			     (pn->kind == LOCK_SEMINAR || s == first);
		}
		if (!ok)
			return false;
	}
	return true;
}

/* The largest exact cycle MIP with the pins (2-day schools of 70 learners:
 * 2300-4000 columns, proved in a second or two). */
#define LOCKED_EXACT_COLS 40000

/* From nothing: the share of the time the first point leaves that goes to
 * improving it in the same model (all: started again from its point, the
 * model would first solve its LP again). */
#define FIND_IMPROVE_SHARE 1.0

/* The workshop model's exact cycle MIP of p with its pins (map into *map),
 * or NULL when there is none this size or no time for it (said in the
 * log as what's). */
static glp_prob *locked_model(const struct problem *p, double seconds, const char *what,
			      struct cycle_col **map)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n_ws = model_blocks(p, BLOCK_WORKSHOP, ws);
	glp_prob *P = NULL;
	if (p->config.model != MODEL_WORKSHOP || seconds < 1 ||
	    cycle_mip_size(p, ws, n_ws) > LOCKED_EXACT_COLS)
		mcl_log(LOG_VERBOSE, "locks: no exact cycle model with the pins %s (%d blocks, "
			"%ld columns, %.1f s)", what, n_ws, cycle_mip_size(p, ws, n_ws), seconds);
	else
		P = cycle_mip_build(p, ws, n_ws, map);
	free(ws);
	return P;
}

bool replan_polish_find(const struct problem *p, double seconds, double gap,
			struct solution *out)
{
	struct cycle_col *map;
	glp_prob *P = locked_model(p, seconds, "from nothing", &map);
	solution_init(out, p);
	out->status = SOLVE_NO_SOLUTION;
	if (!P)
		return false;
	struct cycle_find how = { .seconds = seconds, .improve_share = FIND_IMPROVE_SHARE,
				  .gap = gap };
	int r = cycle_mip_find(p, P, map, &how, out);
	bool ok = r == 0 && replan_polish_holds(p, out);
	if (ok) {
		out->objective = objective_of(p, out);
		out->status = SOLVE_FEASIBLE;
	} else {
		solution_release(out);
		solution_init(out, p);
		out->status = SOLVE_NO_SOLUTION;
	}
	mcl_log(LOG_VERBOSE, "locks: the exact cycle model with the pins, from nothing: %s",
		ok ? "a schedule" : r == 0 ? "a point that breaks a pin" :
		r < 0 ? "a point that cannot be realised" : "none found");
	glp_delete_prob(P);
	free(map);
	return ok;
}

double replan_polish_exact(const struct problem *p, struct solution *sol, double seconds)
{
	bool better = false;
	double bound = -1;
	struct cycle_col *map;
	glp_prob *P = locked_model(p, seconds, "", &map);
	if (!P)
		return -1;
	double *start = cycle_mip_start(p, P, map, sol);
	struct mip_params mp = { .seconds = seconds, .gap = 0, .start = start,
				 .label = "locked cycle model" };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE)
		bound = mr.bound > sol->objective ? mr.bound : sol->objective;
	if ((mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
	    mr.objective > sol->objective + 1e-6) {
		struct solution work;
		solution_init(&work, p);
		if (cycle_mip_extract(p, P, map, &work) == 0 && replan_polish_holds(p, &work)) {
			work.objective = objective_of(p, &work);
			if (work.objective > sol->objective + 1e-6) {
				work.status = SOLVE_FEASIBLE;
				work.stopped_by = sol->stopped_by;
				struct solution old = *sol;
				*sol = work;
				work = old;
				better = true;
			}
		}
		solution_release(&work);
	}
	if (bound >= 0)
		mcl_log(LOG_VERBOSE, "locks: the exact cycle model with the pins: %s, objective "
			"%.1f (GLPK %.1f, bound %.1f)", better ? "better" : "not better",
			sol->objective, mr.objective, mr.bound);
	else
		mcl_log(LOG_VERBOSE, "locks: the exact cycle model with the pins: nothing in "
			"%.1f s", seconds);
	glp_delete_prob(P);
	free(start);
	free(map);
	return bound;
}
