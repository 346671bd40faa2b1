/*
 * power_goal_mip.h - the power-goal problem as the contract states it: each
 * learner's options with their values, the exact MIP (for --write-lp) and
 * its LP relaxation, whose dual gives the power-goal model's bound.  See
 * power_goal_mip.c for the mathematics.
 */
#ifndef MCL_POWER_GOAL_MIP_H
#define MCL_POWER_GOAL_MIP_H

#include <glpk.h>
#include <stdbool.h>

#include "engine/problem.h"

#define PG_LAB (-1)                 /* option goal of the lab */

/* The cycle's workshop blocks and every learner's options.  Learner i is
 * problem learner learners[i] (those available in some workshop block);
 * its options are goal/value[start[i] .. start[i + 1] - 1], the lab last.
 * A goal option is a ready facilitated need whose goal every block where
 * the learner is available allows; its value is what the learner scores
 * attending a session of it in each of those blocks; the lab option's is
 * what the learner scores in the lab in each of them. */
struct pg_options {
	int nb;
	int *blocks;                /* [nb] workshop block indexes, time order */
	int n;
	int *learners;              /* [n] */
	int *avail;                 /* [n] available workshop blocks */
	int *start;                 /* [n + 1] */
	int *goal;
	double *value;
};

void pg_options_build(const struct problem *p, struct pg_options *o);
void pg_options_release(struct pg_options *o);

/* The options of each goal g: (*goal_opt)[(*goal_start)[g] ..
 * (*goal_start)[g + 1] - 1], option indexes of o; (*opt_learner)[op] each
 * option's learner.  The caller frees the three arrays. */
void pg_index_goals(const struct problem *p, const struct pg_options *o, int **goal_start,
		    int **goal_opt, int **opt_learner);

/* Whether facilitator k may lead the group of learner i: available in every
 * workshop block where i is, with max_sessions for that many meetings. */
bool pg_leader_fits(const struct problem *p, const struct pg_options *o, int k, int i);

/* Room classes: rooms of equal capacity and features, with count[j] of
 * them available in workshop block o->blocks[j]; proto one of them. */
struct pg_class {
	int cap;
	const struct room *proto;
	int *count;                 /* [o->nb] */
};

/* The classes of p's rooms in *out; returns their number. */
int pg_classes_build(const struct problem *p, const struct pg_options *o, struct pg_class **out);
void pg_classes_free(struct pg_class *cls, int nc);

/* Numbers the distinct sets A_i (availability patterns) in pattern[0..n-1];
 * returns how many. */
int pg_patterns(const struct problem *p, const struct pg_options *o, int *pattern);

/* The learner-goal-facilitator columns of the exact MIP. */
long pg_x_columns(const struct problem *p, const struct pg_options *o);

struct lp_int;

/* The exact MIP's LP relaxation without the group-size rows (6), whose
 * every point bounds a contract schedule (power_goal_mip.c), with the
 * whole-valued expressions to branch on in *ints (malloc'ed, *n_ints of
 * them).  The caller deletes the problem. */
glp_prob *pg_relaxation(const struct problem *p, const struct pg_options *o,
			struct lp_int **ints, int *n_ints);

/*
 * An upper bound on the objective of every schedule the contract allows in
 * the power-goal model (power_goal_bound.c): the smallest of the simple
 * bound, the aggregated LP's and the exact MIP's LP relaxation's, each
 * tightened by branching (lp_branch.h) while its bound is above target,
 * within seconds in all.  Never below the true optimum.
 */
double pg_bound(const struct problem *p, const struct pg_options *o, double seconds,
		double target);

/* Writes the exact power-goal MIP to path in CPLEX LP format.  Returns 0, or
 * -1 when the file cannot be written. */
int pg_write_lp(const struct problem *p, const struct pg_options *o, const char *path);

/* Solves the exact MIP for up to seconds.  On a schedule found: k_of[i],
 * g_of[i] ([o->n]) the facilitator and goal of learner i's group (-1, -1:
 * the lab), and returns its objective; else -INFINITY. */
double pg_exact_solve(const struct problem *p, const struct pg_options *o, double seconds,
		      int *k_of, int *g_of);

/* The model table's row (model.h): pg_bound and pg_write_lp on p's own
 * options. */
double power_goal_bound(const struct problem *p, double seconds);
int power_goal_write_lp(const struct problem *p, const char *path);

#endif
