/*
 * window.c - exact re-optimisation of a few blocks at a time (see window.h).
 *
 * A window is a set W of a few workshop blocks (three in workshop.c).  Its
 * MIP is the exact cycle MIP (cycle_mip.c) with every column of the blocks
 * outside W fixed at the schedule's value:
 *
 *   x[l,o,b], n[g,c,b], f[k,g,b], N[g,b]  fixed for b not in W,
 *
 * while the sessions, rooms, facilitators and seats of the blocks in W are
 * free, and the rows that tie blocks together (a need's sessions at most
 * s_q, a facilitator's max_sessions, lab credit, the power-goal bonus) still
 * count every block.  Its optimum is the best schedule of W given the rest,
 * and the current schedule is a feasible point of it (handed to GLPK as the
 * incumbent), so a window never makes the schedule worse.
 *
 * Why: the decomposed search re-plans one block with the others held,
 * plans cleared blocks one after the other, or re-seats learners with the
 * sessions held.  None of these can, in one step, close a session of a
 * goal in one block and open one in another while moving its learners'
 * other sessions out of the way, which is the kind of change that
 * separates its local optima from the best schedules on small schools
 * (CBC on the exact model finds better schedules there than the search
 * ends at).  A window is cheap only on small cycles, so only they use
 * them (the sizes are search_settings.c's; bench/TUNING.md has the
 * figures).
 *
 * Columns fixed by bounds are removed by GLPK's LP presolver, so each
 * window solves a MIP of its own blocks only; the whole cycle MIP is built
 * once.  A node budget rather than a time share keeps the result
 * repeatable when the windows stop by max_fails rather than by the time
 * limit.
 */
#include "window.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"

/* Branch-and-bound nodes per window MIP: more found no more, fewer found
 * less (bench/TUNING.md). */
#define WINDOW_NODES 50

static bool block_column(const struct cycle_col *c)
{
	return c->kind == CC_X || c->kind == CC_ROOM || c->kind == CC_FAC || c->kind == CC_N;
}

int window_polish(const struct problem *p, const int *blocks, int n_blocks,
		  struct solution *sol, int size, unsigned long long *rng, double seconds,
		  int max_fails, double enough)
{
	double t0 = mcl_now();
	int k = n_blocks < size ? n_blocks : size;
	if (k < 1)
		return 0;
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, blocks, n_blocks, &map);
	int n = glp_get_num_cols(P);
	int *type = xmalloc(sizeof(int) * ((size_t)n + 1));
	double *lb = xmalloc(sizeof(double) * ((size_t)n + 1));
	double *ub = xmalloc(sizeof(double) * ((size_t)n + 1));
	for (int j = 1; j <= n; j++) {
		type[j] = glp_get_col_type(P, j);
		lb[j] = glp_get_col_lb(P, j);
		ub[j] = glp_get_col_ub(P, j);
	}
	double *start = cycle_mip_start(p, P, map, sol);
	bool *in = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	int improved = 0, fails = 0, tried = 0;
	double shown = t0;
	while (fails < max_fails && sol->objective < enough && !mip_interrupted) {
		double left = seconds - (mcl_now() - t0);
		if (left < 0.5)
			break;
		/* k distinct blocks at random */
		memset(in, 0, sizeof(bool) * (size_t)p->n_blocks);
		for (int m = 0; m < k;) {
			int b = blocks[mcl_rng_next(rng) % (unsigned)n_blocks];
			m += !in[b];
			in[b] = true;
		}
		for (int j = 1; j <= n; j++) {
			if (block_column(&map[j]) && !in[map[j].block])
				glp_set_col_bnds(P, j, GLP_FX, start[j], start[j]);
			else
				glp_set_col_bnds(P, j, type[j], lb[j], ub[j]);
		}
		struct mip_params mp = { .seconds = left, .gap = 1e-6, .start = start,
					 .presolve = true, .max_nodes = WINDOW_NODES };
		struct mip_result mr;
		mip_solve(P, &mp, &mr);
		tried++;
		bool up = (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) &&
			  mr.objective > sol->objective + 1e-6 &&
			  cycle_mip_extract(p, P, map, sol) == 0;
		if (up) {
			sol->objective = mr.objective;
			free(start);
			start = cycle_mip_start(p, P, map, sol);
			improved++;
			fails = 0;
		} else {
			fails++;
		}
		/* a progress line on each better schedule, and every few seconds */
		bool show = up || mcl_now() - shown >= 5;
		mcl_log(show ? LOG_NORMAL : LOG_VERBOSE,
			"window %d (%d blocks): %s, objective %.1f (%d nodes, %.1f s)", tried, k,
			up ? "better" : "no better", sol->objective, mr.nodes, mr.seconds);
		if (show)
			shown = mcl_now();
	}
	mcl_log(LOG_NORMAL, "windows: %d of %d improved the schedule, objective %.1f (%.1f s)",
		improved, tried, sol->objective, mcl_now() - t0);
	free(in);
	free(start);
	free(type);
	free(lb);
	free(ub);
	free(map);
	glp_delete_prob(P);
	return improved;
}
