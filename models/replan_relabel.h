/*
 * replan_relabel.h - a replan's plan given back its previous facilitators
 * and rooms: within each later workshop block, the sessions swap
 * facilitators and rooms (or take free ones) so that more learners sit in
 * the very session they had (offering, facilitator and room: the keep
 * term), nobody moved.  Shared by replan_period.c, whose period MIP's
 * groups take previous facilitators and rooms the same way.
 */
#ifndef MCL_REPLAN_RELABEL_H
#define MCL_REPLAN_RELABEL_H

#include <stdbool.h>

#include "engine/problem.h"
#include "engine/solution.h"

/* A group of one block being labelled: its goal (PERIOD_MIP_LAB: a lab),
 * facilitator, room and size; fixed once it has a previous session's. */
struct relabel_group {
	int goal, fac, room, size, left;
	bool fixed;
};

/* The goal of s for the period MIP (PERIOD_MIP_LAB: a lab). */
int replan_goal_of(const struct session *s);

/* l's previous session in block b when it can come back there (a
 * workshop or lab of b, its facilitator and room still available in b),
 * else NULL. */
const struct prev_session *replan_prev_in(const struct problem *p, int l, int b);

/* The goal of previous session ps (PERIOD_MIP_LAB: a lab). */
int replan_prev_goal(const struct prev_session *ps);

/* Whether block b of sol is a later workshop block whose sessions are
 * all workshops or labs of their own (no section across blocks). */
bool replan_block_open(const struct problem *p, const struct solution *sol, int b);

/* Whether f may lead goal g (PERIOD_MIP_LAB: a lab, anyone). */
bool replan_can_lead(const struct problem *p, int f, int g);

/* Whether room r seats a group of goal g of size n in block b. */
bool replan_room_fits(const struct problem *p, int r, int g, int n, int b);

/*
 * Groups g[0..n) of block b take the facilitators and rooms of previous
 * sessions of their goal, the (group, previous session) pairs with the
 * most learners first: learners[i] sits in group group_of[i] (i < m).  A
 * group takes a pair's facilitator and room by a swap with a group not
 * yet given one, or free ones (fac_allowed: free in b, a session left of
 * max_sessions), never breaking a rule of b.
 */
void replan_match_previous(const struct problem *p, int b, int m, const int *learners,
			   const int *group_of, struct relabel_group *g, int n,
			   const bool *fac_allowed);

/*
 * Relabels sol's later workshop blocks (p has a previous schedule; no
 * locks.csv pins) whose sessions are all workshops or labs of their own:
 * the (session, previous session) pairs with the most learners first,
 * each session taking its previous session's facilitator and room where
 * replan_give allows.  A block's labels are taken only when sol's
 * objective plus keep term rises (a guru's session may change); sol's
 * objective is then updated.  Returns the blocks changed.
 */
int replan_relabel(const struct problem *p, struct solution *sol);

#endif
