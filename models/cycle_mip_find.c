/*
 * cycle_mip_find.c - a schedule of the exact cycle model found from
 * nothing (see cycle_mip.h): construction's stuck blocks planned together
 * (construct_joint.c) and a locked school no pinned construction could
 * complete (replan_polish.c).
 *
 * Step 1 solves the model with objective 0, GLPK's feasibility pump on:
 * the first integer point ends branch-and-bound, and the pump reaches one
 * much sooner than branching on the real objective does.  Step 2 restores
 * the objective and improves from that point.  Whatever the model's rows
 * (pins, fixed columns), a point of it is a schedule keeping them.
 */
#include <stdlib.h>

#include <glpk.h>

#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"

int cycle_mip_find(const struct problem *p, glp_prob *P, const struct cycle_col *map,
		   const struct cycle_find *how, struct solution *sol)
{
	double t0 = mcl_now();
	int cols = glp_get_num_cols(P);
	double *obj = xmalloc(sizeof(double) * ((size_t)cols + 1));
	for (int c = 1; c <= cols; c++) {
		obj[c] = glp_get_obj_coef(P, c);
		glp_set_obj_coef(P, c, 0);
	}
	struct mip_params mp = { .seconds = how->seconds, .gap = 1e-6, .presolve = true,
				 .fpump = true };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	bool found = mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE;
	double first = mcl_now() - t0;
	int rc = !found ? 1 : cycle_mip_extract(p, P, map, sol) == 0 ? 0 : -1;
	double *start = NULL;
	if (rc == 0) {
		start = xmalloc(sizeof(double) * ((size_t)cols + 1));
		for (int c = 1; c <= cols; c++) {
			start[c] = glp_mip_col_val(P, c);
			glp_set_obj_coef(P, c, obj[c]);
		}
		struct mip_params m2 = { .seconds = how->improve_share * (how->seconds - first),
					 .gap = how->gap, .start = start, .presolve = true };
		if (m2.seconds > 0.2) {
			mip_solve(P, &m2, &mr);
			/* its point replaces step 1's (a failed read keeps it) */
			if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE)
				(void)cycle_mip_extract(p, P, map, sol);
		}
	}
	for (int c = 1; c <= cols && rc != 0; c++)
		glp_set_obj_coef(P, c, obj[c]);
	if (how->first_seconds)
		*how->first_seconds = first;
	free(start);
	free(obj);
	return rc;
}
