/*
 * bound_lp_rows.h - what the rows and columns of bound_lp.c's LP stand for,
 * for the modules that read its duals (bound_lp_prices.c).  Private to
 * models/: the LP's layout is bound_lp.c's to change, and this header
 * changes with it.
 */
#ifndef MCL_BOUND_LP_ROWS_H
#define MCL_BOUND_LP_ROWS_H

#include <glpk.h>
#include <stdbool.h>

#include "engine/problem.h"
#include "models/bound_lp.h"

/* Row and column numbers (GLPK's, 1-based; 0: not in the LP).  The caller
 * allocates the arrays marked (caller), zeroed, with the sizes given (nb <=
 * n_blocks, so a stride of nb fits); bound_lp_run fills them while it builds
 * the LP and sets the other fields before calling read. */
/* The seminar blocks' rows (all 0, row_time NULL, without seminar blocks):
 * the blocks are pooled, so each row counts over all of them. */
struct bound_lp_sem_rows {
	int lab_staff;         /* labs = facilitators' labs (GLP_FX 0) */
	int meetings;          /* meetings in rooms = sections' meetings (GLP_FX 0) */
	int lab_need;          /* lab seats >= learners' seminar-block time (GLP_LO) */
	int meet_seats;        /* meeting seats <= rooms' seats (GLP_UP) */
	const int *row_time;   /* [f]: f's meetings and labs <= f's available
				* seminar blocks; 0 when f has none */
};

struct bound_lp_rows {
	int *row_time;         /* (caller) [f * nb + b]: f's time in group b */
	int *row_room_class;   /* (caller) [c * nb + b]: rooms of class c in b */
	/* set by bound_lp_run before read: */
	glp_prob *P;           /* solved to optimality */
	int nb;                /* block groups */
	const int *grp;        /* [n_blocks]: block j's group */
	const int *room_class; /* [n_rooms] */
	const int *staff;      /* [n_goals]: goal g's staffing class */
	int lab_staff;
	const int *row_staff;  /* [k * nb + b] */
	const int *row_rooms;  /* [kind * nb + b]: sessions = rooms in use (0 ws, 1 lab) */
	const int *row_seats;  /* [kind * nb + b] */
	const int *row_feat;   /* [feature * nb + b] */
	const int *row_budget; /* [f]: max_sessions */
	const int *colN;       /* [g * nb + b]: N[g,b]; g = n_goals: the lab.  Its
				* rows: u <= max_g N (GLP_UP, -max_g), u >= min_g N
				* (GLP_LO), staffing, rooms, feature */
	const int *sem_row_max;/* [s]: sum e <= Cap_s n[s] (n[s]: its column with
				* coefficient -Cap_s); NULL without seminar blocks */
	/* called once the LP is solved to optimality, before it is freed */
	void (*read)(const struct bound_lp_rows *rows, void *arg);
	void *arg;
	struct bound_lp_sem_rows sem;   /* set by bound_lp_run before read */
};

/* The choice bound_lp_cycle makes: per-learner rows for these blocks. */
bool bound_lp_per_learner(const struct problem *p, const int *blocks, int n_blocks);

/* bound_lp_cycle_with, recording the LP's rows in rows (when not NULL)
 * and calling rows->read at its optimum; then, for branch_share of the
 * time left, branching on its sessions per block (bound_lp_whole.h; 0: none). */
void bound_lp_run(const struct problem *p, const int *blocks, int n_blocks,
		  const int *sem_blocks, int n_sem, bool per_learner, double seconds,
		  double branch_share, struct bound_lp_result *res, struct bound_lp_rows *rows);

#endif
