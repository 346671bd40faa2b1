/*
 * bound_lp_build.h - bound_lp.c's LP under construction, private to
 * bound_lp.c and bound_lp_pins.c (which adds the locks' pins to it).  The
 * LP's layout is bound_lp.c's; this header changes with it.
 */
#ifndef MCL_BOUND_LP_BUILD_H
#define MCL_BOUND_LP_BUILD_H

#include <glpk.h>
#include <stdbool.h>

#include "engine/problem.h"
#include "models/bound_lp_seminar.h"
#include "models/lp_build.h"

/* A learner's pin in an LP block (blp_pin_map): none, one that names no
 * offering (a facilitator's or room's session), else the goal, or n_goals
 * for a lab. */
#define PIN_NONE (-1)
#define PIN_ANY (-2)

struct per_learner {
	const struct problem *p;
	const int *blocks;
	int n_blocks;
	int *one;      /* [n_blocks]: the learner's "one session" row, 0 before use */
	int *lab;      /* [n_blocks]: the learner's "in the lab only where one runs" row */
	int *seats;    /* [goal * nb + b]: u[g,b] = sum_q x[q,b], 0 before use */
	int *day;      /* [n_days]: the learner's "a day needs a session" row,
			* 0 when the day has no daily weight to earn, or NULL */
	const int *lpin;  /* [n_blocks]: the learner's pin in block b (see blp_pin_map) */
};

/* The LP under construction: its columns and rows by what they stand for
 * (0: not in the LP), shared by the functions that build its parts. */
struct blp {
	const struct problem *p;
	const int *blocks, *sem_blocks;
	int n_blocks, n_sem;
	bool per_learner;
	glp_prob *P;
	struct triplets t;
	int nb;             /* block groups (merged blocks, see the top) */
	int *grp;           /* [n_blocks]: block j's group */
	int *rep;           /* [nb]: a group's first block */
	int n_classes;      /* room classes */
	int *room_class;    /* [n_rooms]: room r's class */
	int *class_proto;   /* [n_classes]: a room of the class */
	int *count;         /* [c * nb + b]: rooms of class c available in b */
	int n_staff;        /* staffing classes, the lab's included */
	int lab_staff;      /* the lab's staffing class */
	int *staff;         /* [n_goals]: goal g's staffing class */
	size_t gb;          /* (n_goals + 1) * nb; goal n_goals is the lab */
	int *colN, *colU;   /* [g * nb + b]: N[g,b], u[g,b] */
	int *D;             /* [g * nb + b]: learners with a ready need for g */
	int *Dmax;          /* [g * nb + b]: the most in one block of b */
	int *NB;            /* [nb]: learners available */
	long *demand;       /* [n_goals]: d_g of the rounding cut */
	int *row_staff;     /* [k * nb + b]: staffing of class k */
	int *row_flow;      /* [n_goals]: seats used = sessions met */
	int *row_rooms;     /* [kind * nb + b]: sessions = rooms in use */
	int *row_seats;     /* [kind * nb + b]: seats <= their rooms' */
	int *row_feat;      /* [feature * nb + b]: sessions needing it */
	int *row_budget;    /* [n_facilitators]: max_sessions */
	int row_lab_credit;
	int *colY;          /* [(f * n_staff + k) * nb + b]: y[f,k,b] */
	int *colR;          /* [(c * 2 + kind) * nb + b]: r[c,kind,b] */
	int *wpos;          /* [n_blocks of p]: the block's index in blocks, -1 */
	int *lpin;          /* [l * n_blocks + j]: l's pin in blocks[j] (PIN_*) */
	char *sem_pinned;   /* [n_choices]: l pinned to the seminar in a block here */
	int *sem_lab;       /* [n_learners]: l's lab pins in seminar blocks here */
	int *seen;          /* [nb]: the need last linked to group b, + 1 */
	int *link;          /* [1..n_link]: the need-link rows (t[q] <= sum N) */
	int n_link;
	struct per_learner pl;
	struct sem_part sp;
	struct bound_lp_rows *rows;   /* what the rows price, or NULL */
};

/* Where the pins are, for the learners' rows: x->wpos, lpin (PIN_*),
 * sem_pinned and sem_lab (bound_lp_pins.c).  Before the learners. */
void bound_lp_pin_map(struct blp *x);

/* The pins' sessions in the workshop blocks (bound_lp_pins.c): bounds on
 * N, u, y and r of each group, and rows for pins that name no offering.
 * After blp_facilitators (it reads colY) and bound_lp_pin_map. */
void bound_lp_workshop_pins(struct blp *x);

/* The locks' pins in the seminar blocks (p->pins): a pinned seminar has
 * a section per facilitator named for it (one at least, and one per
 * facilitator or room named in a block), a pinned facilitator leads all
 * of its meetings (h[f,s] >= m_s), its pinned labs (lab[f]) and as many
 * sessions as it has pins; a pinned room holds the meetings and labs
 * pinned to it; a block has its pinned labs and meetings (L_j, K_j).
 * Every schedule that keeps the locks meets these bounds.  Frees the
 * column maps of sp. */
void bound_lp_seminar_pins(glp_prob *P, struct triplets *t, const struct problem *p,
			   const int *sem_blocks, int n_sem, struct sem_part *sp);

/* x[q,b] for need column jt (goal g, learner l) in every block b where it
 * can be met, l's pins kept (bound_lp_learner.c). */
void bound_lp_add_seats(glp_prob *P, struct triplets *t, struct per_learner *pl, int jt, int g,
			int l, const int *colN, const int *colU);

/* Whether learner l has a ready need of goal g. */
bool bound_lp_ready_need(const struct problem *p, int l, int g);

/* Whether facilitated need q of l may take a session in block j of x. */
bool bound_lp_need_block(const struct blp *x, int l, int q, int j);

/* T_l: the most days learner l's workshop sessions can cover in x's blocks. */
int bound_lp_ws_days(const struct blp *x, int l);

#endif
