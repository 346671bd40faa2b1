/*
 * bound_lp_whole.c - the bound LP (bound_lp.c) tightened by branching on
 * the sessions each block group runs: its labs, then each goal's sessions.
 *
 * Validity.  N[g,b] is the number of sessions of goal g (g = the lab: of
 * labs) a schedule runs in the blocks of group b (one block, or blocks
 * merged): a whole number at the point every schedule gives the LP
 * (bound_lp.c).  So every schedule lies in {N[g,b] <= t} or
 * {N[g,b] >= t + 1} for any whole t, and the larger of the two halves'
 * bounds bounds it; recursively, the largest bound over the leaves of such
 * a tree does (lp_branch.h, which takes each leaf's bound from its duals,
 * valid at any prices, and drops a half only on a checked Farkas ray).
 * The result is never above the LP's own bound.
 *
 * Why it tightens.  The cover cuts (bound_lp_seminar.c) are each block's
 * hull of its (labs, workshops) plans by seats alone; which learners fill
 * those seats (their needs, one session a block, what other blocks gave
 * them) is in other rows, and a fraction of a lab or a session mixes block
 * plans that those rows do not allow together.  On the workshop zoo's seed
 * 18 at 100 learners (6 facilitators) the LP ran 1.24 labs in Mon1, a mix
 * of one lab beside five workshops and two beside four; with the labs
 * whole its bound fell from 34 504.6 to 32 725, 0.35% above the schedule,
 * where CBC on the exact model stood at 34 462 after 7 000 nodes; the same
 * school cut to 85 learners and 3 blocks went from 20 884.5 to CBC's
 * optimum, 18 365, with the goals' sessions whole too
 * (tests/cli/sessions_whole.sh; bench/TUNING.md, "Bound or search on the
 * workshop zoo's worst schools").
 *
 * Cost.  A node is P re-optimised by the dual simplex from its parent's
 * basis after one column bound moved: a small fraction of the LP's own
 * time on small schools, seconds on the per-learner LP of 300 learners.
 * Best first: the labs are split first (few, one per block group), the
 * goals' sessions after, and it stops when the best leaf has them all
 * whole, or at its time or node limit.  The search waits for the bound
 * after its first round, and the branching takes a core from it, so an LP
 * and its branching get WHOLE_SECONDS together: at 300 learners 14-36 s
 * of branching the per-learner LP (18-44 LPs) moved nothing and ended the
 * search's first round 20-26 s later.
 */
#include "models/bound_lp_whole.h"

#include <math.h>
#include <stdlib.h>

#include "engine/util.h"
#include "models/lp_branch.h"

#define WHOLE_BRANCH_NODES 400      /* most LPs one branching solves */
#define WHOLE_SECONDS 3.0           /* an LP and its branching, at most */

double bound_lp_whole_seconds(double took, double most)
{
	double s = WHOLE_SECONDS - took;
	return s < most ? s : most;
}

double bound_lp_branch_whole(glp_prob *P, const int *col_n, int n_goals, int nb, double root,
			     double seconds)
{
	size_t all = (size_t)nb * (size_t)(n_goals + 1), goals = (size_t)nb * (size_t)n_goals;
	struct lp_int *ints = xmalloc(sizeof(*ints) * (all + 1));
	int n = 0;
	for (size_t i = 0; i < all; i++)   /* the labs (prio 0) first */
		if (col_n[i])
			ints[n++] = (struct lp_int){ .row = 0, .col = col_n[i], .prio = i < goals };
	double bound = root;
	if (n && seconds > 0 && isfinite(root)) {
		double t0 = mcl_now();
		struct lp_branch_result res;
		lp_branch_bound(P, ints, n, root, -HUGE_VAL, seconds, WHOLE_BRANCH_NODES, &res);
		bound = res.bound < root ? res.bound : root;
		mcl_log(LOG_VERBOSE, "bound LP branched on its labs and sessions per block: %d LPs "
			"(%d halves empty) in %.1f s: %.1f -> %.1f", res.nodes, res.pruned,
			mcl_now() - t0, root, bound);
	}
	free(ints);
	return bound;
}
