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
 * It is solved from nothing by cycle_mip_find (any point by the
 * feasibility pump, then, with a share of the time, the real objective from
 * that point).  Its blocks replace those planned; construction goes on with
 * order[j + 1].  Only on S small enough (JOINT_MAX_COLS).
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
	double t0 = mcl_now(), first = 0;
	struct cycle_col *map;
	glp_prob *P = cycle_mip_build(p, order, n, &map);
	for (int c = 1; c <= glp_get_num_cols(P); c++)
		if (map[c].kind == CC_FAC &&
		    !cy->allowed[(long)map[c].facilitator * p->n_blocks + map[c].block])
			glp_set_col_bnds(P, c, GLP_FX, 0, 0);
	struct cycle_find how = { .seconds = JOINT_SHARE * left,
				  .improve_share = JOINT_OBJECTIVE_SHARE, .gap = cy->opt->gap,
				  .first_seconds = &first };
	struct solution work;
	solution_init(&work, p);
	int r = cycle_mip_find(p, P, map, &how, &work);
	bool ok = r == 0;
	if (ok)
		cycle_load_blocks(cy, &work, order, n);
	mcl_log(LOG_VERBOSE, "[%6.1fs] construction: the %d blocks up to '%s' planned together: "
		"%s (%ld columns, %.1f s, a first point in %.1f s)", mcl_now() - cy->t0, n,
		p->blocks[order[j]].id,
		ok ? "a plan" : r < 0 ? "a point that cannot be realised" : "no plan found",
		size, mcl_now() - t0, first);
	solution_release(&work);
	free(map);
	glp_delete_prob(P);
	return ok;
}
