/*
 * construct_joint.c - construction that gets stuck: the blocks planned so
 * far and the stuck one planned together (see workshop_search.h).
 *
 * Construction plans one block at a time, each against the blocks before
 * it.  Blocks that draw on the same needs (four blocks that allow only ELA,
 * say) can block each other: whichever goes last finds too many of its
 * learners with no session left and too few lab seats, in any order.  Then
 * the set S = order[0..j] (every block planned so far and the stuck block
 * order[j]) is planned at once by the exact cycle MIP over S
 * (cycle_mip.c), with the blocks after it absent:
 *
 *   the rows of cycle_mip.c over the blocks of S only, and
 *   f[k,g,b] = 0 where construction does not allow k in b (cy->allowed:
 *   the spread of max_sessions that keeps staff for the later blocks).
 *
 * Step 1 finds any point of it (objective 0: the first integer point ends
 * branch-and-bound; GLPK's feasibility pump reaches one much sooner than
 * branching on the real objective does); step 2, with a share of the time, the real objective
 * from that point.  Its blocks replace those planned; construction goes on
 * with order[j + 1].  Only on S small enough (JOINT_MAX_COLS).
 *
 * A combination's workshop part (cy->outside) too: every cross-block row of
 * the model that a part's counts could change is then implied or only
 * priced.  A facilitator's max_sessions less their seminar sessions
 * (cycle_sessions_left) is at least the blocks cy->allowed gives them
 * (precheck_spread_limits, take_turn keep that), and the f fixed at 0
 * elsewhere hold it; lab credit, the power-goal bonus and the daily weight
 * are in the objective only, which step 2 uses as a guide: the cycle's own
 * objective (cycle_objective) values the result.
 */
#include <stdlib.h>

#include <glpk.h>

#include "engine/util.h"
#include "models/cycle_mip.h"
#include "models/glpk_run.h"
#include "models/workshop_search.h"

/* Columns of the joint model at most (cycle_mip_size), and the share of the
 * time left its two steps get. */
#define JOINT_MAX_COLS 30000L
#define JOINT_SHARE 0.5
#define JOINT_OBJECTIVE_SHARE 0.3

bool construct_joint(struct cycle *cy, const int *order, int j)
{
	const struct problem *p = cy->p;
	int n = j + 1;
	double left = cycle_time_left(cy);
	long size = cycle_mip_size(p, order, n);
	if (j < 1 || mip_interrupted || left < 1 || size > JOINT_MAX_COLS)
		return false;
	double t0 = mcl_now(), budget = JOINT_SHARE * left;
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, order, n, &map);
	int cols = glp_get_num_cols(P);
	double *obj = xmalloc(sizeof(double) * ((size_t)cols + 1));
	for (int c = 1; c <= cols; c++) {
		obj[c] = glp_get_obj_coef(P, c);
		glp_set_obj_coef(P, c, 0);
		if (map[c].kind == CC_FAC &&
		    !cy->allowed[(long)map[c].facilitator * p->n_blocks + map[c].block])
			glp_set_col_bnds(P, c, GLP_FX, 0, 0);
	}
	struct mip_params mp = { .seconds = budget, .gap = 1e-6, .presolve = true, .fpump = true };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	bool found = mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE;
	double t1 = mcl_now() - t0;
	struct solution work;
	solution_init(&work, p);
	bool ok = found && cycle_mip_extract(p, P, map, &work) == 0;
	double *start = NULL;
	if (ok) {
		start = xmalloc(sizeof(double) * ((size_t)cols + 1));
		for (int c = 1; c <= cols; c++) {
			start[c] = glp_mip_col_val(P, c);
			glp_set_obj_coef(P, c, obj[c]);
		}
		double rest = budget - (mcl_now() - t0);
		struct mip_params m2 = { .seconds = JOINT_OBJECTIVE_SHARE * rest, .gap = cy->opt->gap,
					 .start = start, .presolve = true };
		if (m2.seconds > 0.2) {
			mip_solve(P, &m2, &mr);
			/* its point replaces step 1's (a failed read keeps it) */
			if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE)
				(void)cycle_mip_extract(p, P, map, &work);
		}
	}
	if (ok)
		cycle_load_blocks(cy, &work, order, n);
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: the %d blocks up to '%s' planned together: "
		"%s (%ld columns, %.1f s, a first point in %.1f s)", mcl_now() - cy->t0, n,
		p->blocks[order[j]].id,
		ok ? "a plan" : found ? "a point that cannot be realised" : "no plan found",
		size, mcl_now() - t0, t1);
	solution_release(&work);
	free(start);
	free(obj);
	free(map);
	glp_delete_prob(P);
	return ok;
}
