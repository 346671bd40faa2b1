/*
 * period_mip_model.h - the period MIP's model, shared by its three files and
 * by nothing else (the contract is period_mip.h):
 *
 *   period_mip.c          the formulation, the room and staffing classes,
 *                         the model built in GLPK, its LP solved with the
 *                         linking rows added as they bind, the solve's
 *                         pipeline and the result's wire encoding
 *   period_mip_greedy.c   groups as drafts; the greedy incumbent
 *   period_mip_realise.c  a solution's session counts made whole (the LP
 *                         dive) and read off as groups with rooms
 */
#ifndef MCL_PERIOD_MIP_MODEL_H
#define MCL_PERIOD_MIP_MODEL_H

#include <glpk.h>
#include <limits.h>

#include "models/period_mip.h"

struct room_class {
	int cap;
	const struct room *proto;   /* a room of the class (for its features) */
	int *count;                 /* [n_blocks] rooms available per block */
	int *rooms;                 /* room indexes, in file order */
	int n_rooms;
};

struct goal_info {
	int goal;                   /* problem goal, or PERIOD_MIP_LAB */
	int min, max;
	int col_N;                  /* column of N[g] */
	int row_seats, row_min, row_staff;
	int *col_n;                 /* [n_classes], 0 when not eligible */
	int *col_f;                 /* [n_facilitators], 0 when not capable;
				     * shared by the goals of a staffing class */
	int staff_owner;            /* slot owning col_f and row_staff */
};

struct period_model {
	const struct period_mip_input *in;
	const struct problem *p;
	int n_classes;
	struct room_class *classes;
	int n_goals;                /* goal_info[0] is the lab */
	struct goal_info *goals;
	int *goal_slot;             /* [p->n_goals] -> index in goals, or -1 */
	int *col_x;                 /* [n options]: column, 0 when pruned */
	char *linked;               /* [n options]: linking row added */
	glp_prob *P;
	int n_cols;
};

/* Groups: the common currency of greedy, MIP and output. */
struct draft {
	int n_groups;
	struct period_mip_group *groups;
	int *learner_group;         /* [n_learners], -1 unseated */
	int *learner_option;
};

/* Rooms of class c free in every block of the period, after used of them. */
static inline int class_free(const struct period_model *m, int c, const int *used)
{
	int lo = INT_MAX;
	for (int j = 0; j < m->in->n_blocks; j++)
		if (m->classes[c].count[j] - used[c] < lo)
			lo = m->classes[c].count[j] - used[c];
	return lo;
}

static inline int eff_cap(const struct period_model *m, const struct goal_info *gi, int c)
{
	int cap = m->classes[c].cap;
	return cap < gi->max ? cap : gi->max;
}

/* The room feature sessions of goal (or the lab: lab.feature) need. */
static inline int goal_feature(const struct problem *p, int goal)
{
	return goal == PERIOD_MIP_LAB ? p->lab_feature : p->goals[goal].feature;
}

static inline int class_eligible(const struct period_model *m, const struct goal_info *gi, int c)
{
	const struct room_class *rc = &m->classes[c];
	int always = 1;
	for (int j = 0; j < m->in->n_blocks; j++)
		always &= rc->count[j] > 0;
	if (!always || eff_cap(m, gi, c) < gi->min)
		return 0;
	return problem_room_has(rc->proto, goal_feature(m->p, gi->goal));
}

static inline int fac_capable(const struct period_model *m, int k, int goal)
{
	if (!m->in->fac_allowed[k])
		return 0;
	return goal == PERIOD_MIP_LAB || problem_goal_level(m->p, k, goal) >= LEVEL_ABLE;
}

static inline int fac_guru(const struct period_model *m, int k, int goal)
{
	return goal != PERIOD_MIP_LAB && problem_goal_level(m->p, k, goal) == LEVEL_GURU;
}

/* The slot (index in m->goals) of option o, or < 0 when its goal cannot run. */
static inline int option_slot(const struct period_model *m, int o)
{
	int g = m->in->opt_goal[o];
	return g == PERIOD_MIP_LAB ? 0 : m->goal_slot[g];
}

/* period_mip.c: solves the LP, adding the violated linking rows and
 * re-solving (dual simplex, warm) until none is.  cold: no basis yet, so
 * the first solve is a primal simplex with presolve.  Counts the rows and
 * rounds added into *rows and *rounds; returns whether the last solve
 * ended optimal in time. */
bool period_solve_linked(struct period_model *m, double t_end, bool cold, int *rows,
			 int *rounds);

/* period_mip_greedy.c */
void period_draft_init(struct draft *d, int n_learners, int max_groups);
void period_draft_release(struct draft *d);
/* The option of learner i for slot s, or -1. */
int period_option_for(const struct period_model *m, int i, int s);
/* The greedy incumbent into d; 0, or -1 when even labs cannot seat everyone. */
int period_greedy(const struct period_model *m, struct draft *d);
/* The MIP column vector of a draft (a start for branch-and-bound); caller frees. */
double *period_draft_columns(const struct period_model *m, const struct draft *d);

/* period_mip_realise.c */
/* The groups of session counts nval (rounded): n fixed, the LP re-solved
 * (integral in x and f), read off into d.  0, or -1 when they cannot seat. */
int period_realise_fixed(struct period_model *m, const double *nval, struct draft *d);
/* The LP dive from the current LP optimum, within seconds; its groups into d. */
int period_dive(struct period_model *m, struct draft *d, double seconds);
/* The groups of the MIP incumbent: its n with x and f re-solved. */
int period_realise_mip(struct period_model *m, struct draft *d);
/* The objective of a draft: its options' values and the guru value. */
double period_draft_value(const struct period_model *m, const struct draft *d);
/* Gives every group a concrete room in every block of the period. */
void period_assign_rooms(const struct period_model *m, const struct draft *d, int *group_room);

#endif
