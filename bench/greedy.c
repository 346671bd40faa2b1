/*
 * greedy.c - mclsched-greedy: the schedule a scheduler would make by hand or
 * in a spreadsheet, for `make bench` to compare mclsched against.
 *
 *   mclsched-greedy SCENARIO_DIR -o OUT_DIR
 *
 * The rules (seminars, workshop blocks in time order, labs) are
 * models/greedy_start.c's, which the workshop search also starts from, so
 * the bench compares against the very schedule mclsched must not fall
 * below.  A power-goal school gets that model's own greedy instead
 * (power_goal_greedy: the first run of its search).
 *
 * The schedule is written with output_write() like mclsched's own, so
 * `mclsched verify` checks it and its summary.csv has the same metrics.  Its
 * bound is bound_simple_cycle(): everything every learner wants, which is a
 * valid upper bound but proves nothing about this schedule; summary.csv
 * says mclsched_version "bench-greedy" so that nobody mistakes the run.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/tool_args.h"
#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "models/bound_lp.h"
#include "models/greedy_start.h"
#include "models/model.h"
#include "outputs/output.h"

static void usage(FILE *out)
{
	fputs("usage: mclsched-greedy SCENARIO_DIR -o OUT_DIR\n"
	      "  Schedules the cycle by hand-scheduling rules (no optimisation) and writes\n"
	      "  the output directory as `mclsched solve` does; for make bench.\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *out_dir;
	struct problem *p;
	int rc = tool_args(argc, argv, "mclsched-greedy", usage, true, &out_dir, &p);
	if (rc >= 0)
		return rc;
	struct solution sol;
	solution_init(&sol, p);
	double t0 = mcl_now();
	char *why = NULL;
	int code = 0;
	bool whole_cycle = model_row(p)->whole_cycle_groups;
	if (whole_cycle)    /* the power-goal model's own greedy */
		power_goal_greedy(p, &sol);
	if (whole_cycle ? sol.status != SOLVE_FEASIBLE : greedy_start_schedule(p, &sol, &why) != 0) {
		if (whole_cycle)
			why = xstrdup(sol.diagnosis ? sol.diagnosis : "no power-goal schedule\n");
		solution_release(&sol);
		solution_init(&sol, p);
		sol.status = SOLVE_NO_SOLUTION;
		sol.diagnosis = why;
		code = 3;
	} else {
		int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
		int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
		int n_ws = 0, n_sem = 0;
		for (int b = 0; b < p->n_blocks; b++)
			if (problem_block_scheduled(p, b)) {
				if (p->blocks[b].kind == BLOCK_WORKSHOP)
					ws[n_ws++] = b;
				else
					sem[n_sem++] = b;
			}
		struct metrics m;
		metrics_compute(p, &sol, &m);
		sol.objective = m.objective;
		metrics_release(&m);
		sol.bound = bound_simple_cycle(p, ws, n_ws, sem, n_sem);
		free(sem);
		free(ws);
		solution_set_gap(&sol);
		sol.status = sol.gap <= p->config.gap ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
		sol.stopped_by = STOP_SEARCH_DONE;
	}
	sol.solve_seconds = mcl_now() - t0;
	struct run_info run = { "bench-greedy", p->config.seed, p->config.time_limit,
				p->config.gap };
	struct diag d;
	diag_init(&d);
	if (output_write(p, &sol, &run, out_dir, &d) != 0) {
		diag_print(&d, stderr);
		code = 4;
	} else if (code == 3) {
		fprintf(stderr, "mclsched-greedy: no schedule: %s", sol.diagnosis);
	} else {
		fprintf(stderr, "mclsched-greedy: objective %.1f (bound everything wanted: %.1f) "
			"in %.2f s\n", sol.objective, sol.bound, sol.solve_seconds);
	}
	diag_release(&d);
	solution_release(&sol);
	problem_free(p);
	return code;
}
