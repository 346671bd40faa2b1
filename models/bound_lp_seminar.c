/*
 * bound_lp_seminar.c - the seminar blocks' part of bound_lp.c's LP (its
 * mathematics is at the top of bound_lp.c), and the cover cuts that both
 * kinds of block get.
 *
 * Cover cuts.  A block seats each of its n available learners in a whole
 * session, each led by one of at most f facilitators (f no more than the
 * rooms available) in a room of its own: L labs and K other sessions
 * (workshops, seminar meetings), whole numbers with L + K <= f, seating
 * everyone: n <= S(K, L), the most K sessions and L labs can seat.  S is
 * bounded room by room.  Let the block's available rooms seat, one session
 * each, w_r = min(cap_r, M) for another session (M the largest piece below:
 * no session seats more) and v_r = min(cap_r, lab max_group) for a lab,
 * only in rooms with the lab's feature; R(a, l) the most that a other
 * sessions and l labs seat in distinct rooms (a knapsack over the rooms;
 * none when the rooms do not allow it).  Pieces p_1 >= p_2 >= ... are what
 * the other sessions seat at most: per goal (seminar) its group size, no
 * more than the learners who may join it in the block, then what is left
 * of those, and so on, so any t other sessions seat at most seat(t) =
 * p_1 + ... + p_t.  A goal has no more pieces than the facilitators able
 * to lead it who are available in the block (each session has its own
 * leader; bound_lp_goal_leaders): a goal nobody there can lead has none.
 * Then for every t = 0..K
 *
 *     S(K, L) <= seat(t) + R(K - t, L)
 *
 * (t of the K sessions within their pieces, the other K - t and the L labs
 * within the rooms they occupy, distinct ones), and we take the least over
 * t.  This holds for every schedule the hard rules allow: a room
 * unavailable in the block is not in R, a lab sits only in a room with the
 * lab's feature, no session seats more than its room or its group size
 * (a workshop's need for a room feature is dropped, which only raises S).
 * Labs counted as s = min(largest lab room, lab max) each, as before,
 * bound S from above too (v_r <= s), so the room count is never looser;
 * with labs of 40, one room of 40 or more and 30-seat ones, ten labs seat
 * at most 310, not 400.  So a schedule's (K, L) is one of the points
 * (k, lmin(k)) or above, lmin(k) the least l with l + k <= f and
 * S(k, l) >= n (S rises with k: one more session takes a free room), and
 * L >= the least lmin.  The LP, which may open half a lab in
 * each block, gets the lower convex hull of those points: for each of its
 * edges, of slope -dl/dk,
 *
 *     dk L + dl K >= min over the points of (dk lmin(k) + dl k)
 *
 * and K <= the largest feasible k.  A group of blocks merged in the LP
 * (bound_lp.c) gets, for every slope of any of its blocks, the sum of its
 * blocks' rows (each block's right-hand side at that slope): still valid
 * for the group's totals.  With few facilitators this is what the LP
 * missed: a school with 2 of them in a block of 50 learners runs a lab and
 * one session there, not 1.5 sessions and half a lab in every block.
 *
 * Seminar blocks get per-block columns for it: L_j, K_j with sum_j L_j =
 * the labs of the seminar part, sum_j K_j = its meetings (sum_s m_s n[s]),
 * and K_j <= sum_s n[s] (a section meets at most once a block: one
 * facilitator, the same learners).  Each lab and meeting of block j has a
 * facilitator available in j, one session each: z[f,j] in [0, 1] splits
 * f's seminar-block sessions by block,
 *
 *     sum_j z[f,j] = lab[f] + sum_s h[f,s],   L_j + K_j <= sum_f z[f,j],
 *
 * so a facilitator available in one seminar block only cannot staff
 * another (the time rows alone pool f's time over the seminar blocks).
 */
#include "models/bound_lp_seminar.h"

#include <stdlib.h>

#include "engine/util.h"

/* Largest room with feature feat (-1: any) available in block j (j < 0:
 * in any block). */
static int largest_room(const struct problem *p, int feat, int j)
{
	int cap = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if ((j < 0 || !p->rooms[r].unavailable[j]) && problem_room_has(&p->rooms[r], feat) &&
		    p->rooms[r].capacity > cap)
			cap = p->rooms[r].capacity;
	return cap;
}

int bound_lp_seminar_cap(const struct problem *p, int s)
{
	int cap = largest_room(p, p->seminars[s].feature, -1);
	return cap < p->seminars[s].max_size ? cap : p->seminars[s].max_size;
}

/* lmin(k) of the file's top, or -1 when k sessions cannot seat the block. */
static long cover_lmin(const struct cover_block *b, int k)
{
	return b->lmin[k];
}

#define COVER_SLOPES 16

/* The slopes (dk, dl) of block b's lower hull, added to sk/sl (distinct,
 * at most COVER_SLOPES); returns the new count. */
static int cover_slopes(const struct cover_block *b, int *sk, long *sl, int ns)
{
	int k1 = -1;
	for (int k = 0; k <= b->f; k++)
		if (cover_lmin(b, k) >= 0) {
			k1 = k;
			break;
		}
	while (k1 >= 0) {
		/* the next hull point: the steepest descent from k1 */
		int best = -1;
		long l1 = cover_lmin(b, k1);
		for (int k = k1 + 1; k <= b->f; k++) {
			long l = cover_lmin(b, k);
			if (l < 0)
				continue;
			/* (l - l1) / (k - k1) below the best slope so far */
			if (best < 0 || (l - l1) * (best - k1) < (cover_lmin(b, best) - l1) * (k - k1))
				best = k;
		}
		if (best < 0 || cover_lmin(b, best) >= l1)
			break;
		int dk = best - k1;
		long dl = l1 - cover_lmin(b, best);
		int i;
		for (i = 0; i < ns; i++)
			if ((long)sk[i] * dl == sl[i] * dk)
				break;
		if (i == ns && ns < COVER_SLOPES) {
			sk[ns] = dk;
			sl[ns++] = dl;
		}
		k1 = best;
	}
	return ns;
}

/* A row sum_lab a L + sum_other b K of type/bounds given. */
static void cover_row(glp_prob *P, struct triplets *t, int type, double rhs, double a,
		      const int *lab, int n_lab, double b, const int *other, int n_other)
{
	int row = lp_add_row(P, type, rhs, rhs);
	for (int i = 0; i < n_lab && a != 0; i++)
		triplets_add(t, row, lab[i], a);
	for (int i = 0; i < n_other && b != 0; i++)
		triplets_add(t, row, other[i], b);
}

int bound_lp_cover_cuts(glp_prob *P, struct triplets *t, const struct cover_block *blk, int m,
			const int *lab, int n_lab, const int *other, int n_other)
{
	int sk[COVER_SLOPES];
	long sl[COVER_SLOPES];
	int ns = 0, rows = 0;
	long kmax = 0, fsum = 0, lfloor = 0;
	for (int i = 0; i < m; i++) {
		int last = -1;
		for (int k = 0; k <= blk[i].f; k++)
			if (cover_lmin(&blk[i], k) >= 0)
				last = k;
		if (last < 0)
			return 0;   /* the block cannot seat its learners: no schedule */
		long least = cover_lmin(&blk[i], last);
		for (int k = 0; k < last; k++)
			if (cover_lmin(&blk[i], k) >= 0 && cover_lmin(&blk[i], k) < least)
				least = cover_lmin(&blk[i], k);
		kmax += last;
		fsum += blk[i].f;
		lfloor += least;
		ns = cover_slopes(&blk[i], sk, sl, ns);
	}
	cover_row(P, t, GLP_UP, (double)fsum, 1, lab, n_lab, 1, other, n_other);
	cover_row(P, t, GLP_UP, (double)kmax, 0, lab, n_lab, 1, other, n_other);
	rows += 2;
	if (lfloor > 0) {
		cover_row(P, t, GLP_LO, (double)lfloor, 1, lab, n_lab, 0, other, n_other);
		rows++;
	}
	for (int e = 0; e < ns; e++) {
		long rhs = 0;
		for (int i = 0; i < m; i++) {
			long lo = -1;
			for (int k = 0; k <= blk[i].f; k++) {
				long l = cover_lmin(&blk[i], k);
				long v = (long)sk[e] * l + sl[e] * k;
				if (l >= 0 && (lo < 0 || v < lo))
					lo = v;
			}
			rhs += lo;
		}
		if (rhs > 0) {
			cover_row(P, t, GLP_LO, (double)rhs, sk[e], lab, n_lab, (double)sl[e],
				  other, n_other);
			rows++;
		}
	}
	return rows;
}
static int cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x < y) - (x > y);
}

/*
 * R[a * (f + 1) + l]: the most a other sessions and l labs seat in distinct
 * rooms of block j, each room at most min(capacity, most) for another
 * session and min(capacity, lab max_group) for a lab (rooms with the lab's
 * feature only); -1 when the rooms do not allow it.  A knapsack over the
 * rooms, a + l <= f.
 */
static long *cover_rooms(const struct problem *p, int j, int f, int most)
{
	size_t w = (size_t)f + 1;
	long *R = xmalloc(sizeof(long) * w * w);
	for (size_t i = 0; i < w * w; i++)
		R[i] = -1;
	R[0] = 0;
	int lab_max = p->config.lab_max_group;
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		if (rm->unavailable[j])
			continue;
		long wv = rm->capacity < most ? rm->capacity : most;
		long lv = problem_room_has(rm, p->lab_feature) ?
			  (rm->capacity < lab_max ? rm->capacity : lab_max) : -1;
		for (int a = f; a >= 0; a--)
			for (int l = f - a; l >= 0; l--) {
				long *v = &R[(size_t)a * w + l];
				if (a > 0 && R[(size_t)(a - 1) * w + l] >= 0 &&
				    R[(size_t)(a - 1) * w + l] + wv > *v)
					*v = R[(size_t)(a - 1) * w + l] + wv;
				if (l > 0 && lv >= 0 && R[(size_t)a * w + l - 1] >= 0 &&
				    R[(size_t)a * w + l - 1] + lv > *v)
					*v = R[(size_t)a * w + l - 1] + lv;
			}
	}
	return R;
}

struct cover_block bound_lp_block_cover(const struct problem *p, int j, int *piece, int n_piece,
					const long *seat_most)
{
	struct cover_block b = { 0, 0, NULL };
	for (int l = 0; l < p->n_learners; l++)
		b.n += !p->learners[l].unavailable[j];
	int rooms = 0;
	for (int r = 0; r < p->n_rooms; r++)
		rooms += !p->rooms[r].unavailable[j];
	for (int f = 0; f < p->n_facilitators; f++)
		b.f += !p->facilitators[f].unavailable[j] && p->facilitators[f].max_sessions > 0;
	b.f = b.f < rooms ? b.f : rooms;
	int room = largest_room(p, -1, j);
	qsort(piece, (size_t)n_piece, sizeof(int), cmp_int_desc);
	long *seat = xcalloc((size_t)b.f + 1, sizeof(long));
	for (int k = 1; k <= b.f; k++)
		seat[k] = seat[k - 1] +
			  (k <= n_piece ? (piece[k - 1] < room ? piece[k - 1] : room) : 0);
	for (int k = 1; k <= b.f && seat_most; k++)
		seat[k] = seat_most[k] < seat[k] ? seat_most[k] : seat[k];
	/* S(k, l) = min over t of seat[t] + R(k - t, l) (the file's top) */
	long *R = cover_rooms(p, j, b.f, n_piece > 0 ? piece[0] : 0);
	size_t w = (size_t)b.f + 1;
	b.lmin = xmalloc(sizeof(long) * w);
	for (int k = 0; k <= b.f; k++) {
		b.lmin[k] = -1;
		for (int l = 0; l + k <= b.f && b.lmin[k] < 0; l++) {
			if (R[(size_t)k * w + l] < 0)
				continue;
			long most = R[(size_t)k * w + l];
			for (int t = 1; t <= k; t++)
				if (seat[t] + R[(size_t)(k - t) * w + l] < most)
					most = seat[t] + R[(size_t)(k - t) * w + l];
			if (most >= b.n)
				b.lmin[k] = l;
		}
	}
	free(R);
	free(seat);
	return b;
}

void bound_lp_cover_free(struct cover_block *b)
{
	free(b->lmin);
	b->lmin = NULL;
}

int bound_lp_goal_leaders(const struct problem *p, int g, int j)
{
	int n = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		n += !p->facilitators[f].unavailable[j] && p->facilitators[f].max_sessions > 0 &&
		     problem_goal_level(p, f, g) >= LEVEL_ABLE;
	return n;
}

void bound_lp_cover_pieces(int *piece, int *n, int size, long d, int most)
{
	for (int i = 0; i < most && d > 0 && size > 0; i++) {
		int k = d < size ? (int)d : size;
		piece[(*n)++] = k;
		d -= k;
	}
}

/* Seminar block j's seating: sections of each seminar, no larger than its
 * rooms with its feature in j, nor than its choosers available in j. */
static struct cover_block seminar_block(const struct problem *p, int j, const int *col_n)
{
	int n = 0, most = 0;
	for (int s = 0; s < p->n_seminars; s++)
		most += col_n[s] ? p->seminars[s].sections : 0;
	int *piece = xmalloc(sizeof(int) * ((size_t)most + 1));
	long *choosers = xcalloc((size_t)p->n_seminars + 1, sizeof(long));
	for (int l = 0; l < p->n_learners; l++)
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
			choosers[p->choices[c].seminar] += p->choices[c].eligible &&
							   !p->learners[l].unavailable[j];
	for (int s = 0; s < p->n_seminars; s++) {
		if (!col_n[s])
			continue;
		long d = choosers[s];
		int cap = largest_room(p, p->seminars[s].feature, j);
		cap = cap < p->seminars[s].max_size ? cap : p->seminars[s].max_size;
		bound_lp_cover_pieces(piece, &n, cap, d, p->seminars[s].sections);
	}
	struct cover_block b = bound_lp_block_cover(p, j, piece, n, NULL);
	free(piece);
	free(choosers);
	return b;
}

/* L_j, K_j per seminar block and their cover cuts (see the top). */
static void seminar_blocks_cover(glp_prob *P, struct triplets *t, const struct problem *p,
				 const int *sem_blocks, int n_sem, const int *col_n,
				 int row_lab_blocks, const int *row_link, struct sem_part *sp)
{
	int row_meet_blocks = lp_add_row(P, GLP_FX, 0, 0);
	for (int s = 0; s < p->n_seminars; s++)
		if (col_n[s])
			triplets_add(t, row_meet_blocks, col_n[s], p->seminars[s].meetings);
	for (int j = 0; j < n_sem; j++) {
		struct cover_block b = seminar_block(p, sem_blocks[j], col_n);
		int jl = lp_add_col(P, GLP_CV, 0, b.f, 0);
		int jk = lp_add_col(P, GLP_CV, 0, b.f, 0);
		sp->col_L[j] = jl;
		sp->col_K[j] = jk;
		triplets_add(t, row_lab_blocks, jl, -1);
		triplets_add(t, row_meet_blocks, jk, -1);
		/* a section meets at most once a block */
		int row_once = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, row_once, jk, 1);
		for (int s = 0; s < p->n_seminars; s++)
			if (col_n[s])
				triplets_add(t, row_once, col_n[s], -1);
		/* the block's labs and meetings, each led by a facilitator
		 * available there: z[f,j], f's seminar sessions split by block */
		int row_staff = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, row_staff, jl, 1);
		triplets_add(t, row_staff, jk, 1);
		for (int f = 0; f < p->n_facilitators; f++) {
			if (!row_link[f] || p->facilitators[f].unavailable[sem_blocks[j]])
				continue;
			int z = lp_add_col(P, GLP_CV, 0, 1, 0);
			triplets_add(t, row_staff, z, -1);
			triplets_add(t, row_link[f], z, -1);
		}
		bound_lp_cover_cuts(P, t, &b, 1, &jl, 1, &jk, 1);
		bound_lp_cover_free(&b);
	}
}

/* The seminar blocks' part of the LP (see the top of the file): sections,
 * facilitator meetings and labs, over the budget rows of the workshop part.
 * Fills sem->... for the per-learner columns added later. */
void bound_lp_seminar_part(glp_prob *P, struct triplets *t, const struct problem *p,
			   const int *sem_blocks, int n_sem, const int *row_budget,
			   struct sem_part *sp)
{
	const struct config *cf = &p->config;
	int ns = p->n_seminars, nf = p->n_facilitators;
	sp->row_max = xcalloc((size_t)ns + 1, sizeof(int));
	sp->row_min = xcalloc((size_t)ns + 1, sizeof(int));
	int *row_meet = xcalloc((size_t)ns + 1, sizeof(int));
	int *col_n = sp->col_n = xcalloc((size_t)ns + 1, sizeof(int));
	sp->col_h = xcalloc((size_t)nf * (size_t)ns + 1, sizeof(int));
	sp->col_lab = xcalloc((size_t)nf + 1, sizeof(int));
	sp->col_zl = xcalloc((size_t)p->n_rooms + 1, sizeof(int));
	sp->col_zm = xcalloc((size_t)p->n_rooms + 1, sizeof(int));
	sp->col_L = xcalloc((size_t)n_sem + 1, sizeof(int));
	sp->col_K = xcalloc((size_t)n_sem + 1, sizeof(int));
	/* Rooms: labs[r] and meetings[r] in room r over the seminar blocks,
	 * each seating at most its capacity (labs: up to lab max_group). */
	int row_lab_staff = sp->row_lab_staff = lp_add_row(P, GLP_FX, 0, 0);
	int row_meetings = sp->row_meetings = lp_add_row(P, GLP_FX, 0, 0);
	sp->row_time = xcalloc((size_t)nf + 1, sizeof(int));
	int *row_link = xcalloc((size_t)nf + 1, sizeof(int));   /* f's labs + meetings */
	int row_lab_blocks = lp_add_row(P, GLP_FX, 0, 0);
	sp->row_lab_need = lp_add_row(P, GLP_LO, 0, 0);     /* rhs set by the caller */
	sp->row_meet_seats = lp_add_row(P, GLP_UP, 0, 0);
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		int avail = 0;
		for (int j = 0; j < n_sem; j++)
			avail += !rm->unavailable[sem_blocks[j]];
		if (!avail)
			continue;
		int row_room = lp_add_row(P, GLP_UP, 0, avail);
		if (problem_room_has(rm, p->lab_feature)) {
			int cap = rm->capacity < cf->lab_max_group ? rm->capacity : cf->lab_max_group;
			int jl = sp->col_zl[r] = lp_add_col(P, GLP_CV, 0, avail, 0);
			triplets_add(t, row_room, jl, 1);
			triplets_add(t, row_lab_staff, jl, -1);
			triplets_add(t, sp->row_lab_need, jl, cap);
		}
		int jm = sp->col_zm[r] = lp_add_col(P, GLP_CV, 0, avail, 0);
		triplets_add(t, row_room, jm, 1);
		triplets_add(t, row_meetings, jm, -1);
		triplets_add(t, sp->row_meet_seats, jm, -rm->capacity);
	}
	for (int s = 0; s < ns; s++) {
		const struct seminar *sm = &p->seminars[s];
		int cap = bound_lp_seminar_cap(p, s);
		if (cap < sm->min_size || sm->meetings > n_sem)
			continue;
		int n = lp_add_col(P, GLP_CV, 0, sm->sections, 0);
		sp->row_max[s] = lp_add_row(P, GLP_UP, 0, 0);
		triplets_add(t, sp->row_max[s], n, -cap);
		sp->row_min[s] = lp_add_row(P, GLP_LO, 0, 0);
		triplets_add(t, sp->row_min[s], n, -sm->min_size);
		row_meet[s] = lp_add_row(P, GLP_FX, 0, 0);
		triplets_add(t, row_meet[s], n, -sm->meetings);
		triplets_add(t, row_meetings, n, sm->meetings);
		col_n[s] = n;
	}
	for (int f = 0; f < nf; f++) {
		int avail = 0;
		for (int j = 0; j < n_sem; j++)
			avail += !p->facilitators[f].unavailable[sem_blocks[j]];
		if (!avail)
			continue;
		int row_time = sp->row_time[f] = lp_add_row(P, GLP_UP, 0, avail);
		row_link[f] = lp_add_row(P, GLP_FX, 0, 0);
		int lab_f = sp->col_lab[f] = lp_add_col(P, GLP_CV, 0, avail, 0);
		triplets_add(t, row_time, lab_f, 1);
		triplets_add(t, row_link[f], lab_f, 1);
		triplets_add(t, row_budget[f], lab_f, 1);
		triplets_add(t, row_lab_staff, lab_f, 1);
		triplets_add(t, row_lab_blocks, lab_f, 1);
		for (int s = 0; s < ns; s++) {
			enum level lv = problem_seminar_level(p, f, s);
			if (!row_meet[s] || lv < LEVEL_ABLE)
				continue;
			/* f leads every meeting of its sections: whole sections
			 * within its seminar blocks and max_sessions */
			int m = p->seminars[s].meetings;
			int most = avail < p->facilitators[f].max_sessions ?
				   avail : p->facilitators[f].max_sessions;
			if (most < m)
				continue;
			int h = sp->col_h[(size_t)f * ns + s] =
				lp_add_col(P, GLP_CV, 0, m * (most / m), lv == LEVEL_GURU ? cf->w_guru : 0);
			triplets_add(t, row_time, h, 1);
			triplets_add(t, row_link[f], h, 1);
			triplets_add(t, row_budget[f], h, 1);
			triplets_add(t, row_meet[s], h, 1);
		}
	}
	seminar_blocks_cover(P, t, p, sem_blocks, n_sem, col_n, row_lab_blocks, row_link, sp);
	free(row_link);
	free(row_meet);
}

