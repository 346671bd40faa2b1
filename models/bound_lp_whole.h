/*
 * bound_lp_whole.h - the bound LP tightened by branching on its session
 * counts per block group, whole in every schedule (the mathematics:
 * bound_lp_whole.c).
 */
#ifndef MCL_BOUND_LP_WHOLE_H
#define MCL_BOUND_LP_WHOLE_H

#include <glpk.h>

/*
 * P: the bound LP (bound_lp.c) just solved to optimality, root its dual
 * bound; col_n[g * nb + b] its columns N[g,b] (g = n_goals: the labs; 0:
 * none).  Branches on the labs first, then on the goals' sessions, for at
 * most seconds; returns a bound <= root, valid for every schedule.  P's
 * column bounds are restored on return (its basis is not).
 */
double bound_lp_branch_whole(glp_prob *P, const int *col_n, int n_goals, int nb, double root,
			     double seconds);

/* The seconds to branch after an LP that took `took`, with `most` to spare
 * (<= 0: none): a few seconds for the LP and its branching together, since
 * the search waits for the bound after its first round (workshop.c). */
double bound_lp_whole_seconds(double took, double most);

#endif
