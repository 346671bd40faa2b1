/*
 * bound_lp_seminar.h - two parts of bound_lp.c's LP, private to models/: the
 * seminar blocks' part, and the cover cuts that say in whole sessions how
 * a block seats its learners.  The LP's layout is bound_lp.c's; this
 * header changes with it.
 */
#ifndef MCL_BOUND_LP_SEMINAR_H
#define MCL_BOUND_LP_SEMINAR_H

#include <glpk.h>

#include "engine/problem.h"
#include "models/lp_build.h"

/* The seminar blocks' rows the learners' columns join (bound_lp.c). */
struct sem_part {
	int *row_max, *row_min;     /* [n_seminars] section seats */
	int row_lab_need;           /* lab seats need labs in rooms */
	int row_meet_seats;         /* meeting seats need meetings in rooms */
	int row_lab_staff, row_meetings; /* labs, meetings: rooms' = facilitators', sections' */
	int *row_time;              /* [n_facilitators]: time over the blocks, 0 none */
	long seats;                 /* sum over learners of seminar-block time */
	/* columns the pins bound (bound_lp_seminar_pins), 0 when absent */
	int *col_n;                 /* [n_seminars]: n[s] */
	int *col_h;                 /* [f * n_seminars + s]: h[f,s] */
	int *col_lab;               /* [n_facilitators]: lab[f] */
	int *col_zl, *col_zm;       /* [n_rooms]: labs, meetings in room r */
	int *col_L, *col_K;         /* [j]: labs, meetings in seminar block j */
};

/* Adds the seminar blocks' part (sections, meetings, labs, rooms, and the
 * cover cuts of each seminar block) over the max_sessions rows row_budget. */
void bound_lp_seminar_part(glp_prob *P, struct triplets *t, const struct problem *p,
			   const int *sem_blocks, int n_sem, const int *row_budget,
			   struct sem_part *sp);

/* One block's seating: n learners to seat, at most f sessions, and with
 * k other sessions at least lmin[k] labs (-1: k sessions cannot seat the
 * block), k = 0..f. */
struct cover_block {
	long n;
	int f;
	long *lmin;
};

/* Block j's learners, facilitators (no more than its rooms), and lmin from
 * its rooms taken one at a time (bound_lp_seminar.c): any t of the k other
 * sessions seat at most the t largest of piece[0..n_piece-1] (each at most
 * the block's largest room), pieces being what one other session seats at
 * most: a goal's or seminar's group size, no more than the learners who may
 * join it, then what is left of those for a second session, and so on.
 * seat_most[t] (NULL: none), when smaller, bounds what any t other sessions
 * seat instead (t = 1..the block's facilitators).
 * Sorts piece; bound_lp_cover_free releases lmin. */
struct cover_block bound_lp_block_cover(const struct problem *p, int j, int *piece, int n_piece,
					const long *seat_most);
void bound_lp_cover_free(struct cover_block *b);

/* The facilitators able to lead goal g who are available in block j: the
 * most sessions of g that j runs. */
int bound_lp_goal_leaders(const struct problem *p, int g, int j);

/* Adds to piece[*n] the pieces of a kind of session of at most size
 * learners, d of them allowed to join, up to most sessions. */
void bound_lp_cover_pieces(int *piece, int *n, int size, long d, int most);

/* Largest seminar section s's rooms can hold in any block. */
int bound_lp_seminar_cap(const struct problem *p, int s);

/*
 * The cover cuts of a group of m blocks (see bound_lp_seminar.c): rows over
 * L = sum_i lab[i] (labs in the group) and K = sum_i other[i] (its other
 * sessions), valid when every integer schedule of each block seats its n
 * learners in whole sessions.  Returns the rows added.
 */
int bound_lp_cover_cuts(glp_prob *P, struct triplets *t, const struct cover_block *blk, int m,
			const int *lab, int n_lab, const int *other, int n_other);

#endif
