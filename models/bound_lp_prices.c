/*
 * bound_lp_prices.c - the bound LP's duals, mapped to the resources they
 * price (bound_lp_prices.h); the prices and a bound_lp_result sent from a
 * child process to its parent.
 *
 * bound_lp.c records which row stands for what (bound_lp_rows.h); this
 * file reads the row duals y and the reduced costs at the LP's optimum.
 * For the maximising LP, a "<=" row's dual y_i >= 0 is the objective
 * gained per unit added to its right-hand side, and a column that is not
 * in the LP yet (a room or a facilitator's block that does not exist) is
 * worth its reduced cost c_j - sum_i a_ij y_i per unit, when positive.
 * So, with d(i) the dual of row i:
 *
 *   max_sessions_f + 1        d(budget_f)
 *   f free in block j         d(time_f,b), b = j's group; with no such row
 *                             (f unavailable in all of b), the best new
 *                             y[f,k,b]: w_guru[f,k] - d(budget_f) - d(staff_k,b)
 *   a room like r in j        max over kinds kd of the new r[c,kd,b] column:
 *                             d(rooms_kd,b) + cap d(seats_kd,b) + sum_F d(feat_F,b)
 *   max_group_g + 1           sum_b d(u <= max_g N)_b N[g,b]  (the row's
 *                             right-hand side grows by N[g,b])
 *   one more section of s     the reduced cost of n[s], at its upper bound
 *   max_size_s + 1            d(sum e <= Cap_s n[s]) n[s], 0 when a room,
 *                             not max_size, sets Cap_s
 *   f able to lead g          max_b of -d(time_f,b) - d(budget_f) - d(staff_k(g),b)
 *   f free in a seminar block d(semtime_f), the seminar blocks pooled; with no
 *                             such row, the new lab column: -d(budget_f) - d(labs)
 *   a room like r in a        max of the new meeting column d(meetings) +
 *   seminar block             cap d(meeting seats), and (a lab room) the new
 *                             lab column d(labs) - min(cap, lab max) d(lab seats)
 *
 * They are first-order estimates: a change moves the optimum by its price
 * only while the LP's basis stays optimal.
 */
#include "bound_lp_prices.h"

#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/bound_lp_rows.h"

struct reading {
	const struct problem *p;
	struct bound_lp_prices *pr;
};

static double dual(glp_prob *P, int row)
{
	return row ? glp_get_row_dual(P, row) : 0;
}

static double pos(double v)
{
	return v > 0 ? v : 0;
}

/* Facilitator f in block list index j, and f's prices per goal. */
static void price_facilitator(const struct bound_lp_rows *rw, const struct problem *p,
			      struct bound_lp_prices *pr, int f)
{
	glp_prob *P = rw->P;
	int nb = rw->nb, ng = p->n_goals;
	double budget = dual(P, rw->row_budget[f]);
	pr->budget[f] = pos(budget);
	for (int j = 0; j < pr->n_blocks; j++) {
		int b = rw->grp[j], rt = rw->row_time[f * nb + b];
		if (rt) {
			pr->fac_block[(size_t)f * pr->n_blocks + j] = pos(dual(P, rt));
		} else {
			double best = -dual(P, rw->row_staff[rw->lab_staff * nb + b]);
			for (int g = 0; g < ng; g++) {
				enum level lv = problem_goal_level(p, f, g);
				if (lv < LEVEL_ABLE || p->goals[g].mode != GOAL_FACILITATED)
					continue;
				double v = (lv == LEVEL_GURU ? p->config.w_guru : 0) -
					   dual(P, rw->row_staff[rw->staff[g] * nb + b]);
				if (v > best)
					best = v;
			}
			pr->fac_block[(size_t)f * pr->n_blocks + j] = pos(best - budget);
		}
		for (int g = 0; g < ng && rt; g++) {   /* only where f has time */
			if (problem_goal_level(p, f, g) >= LEVEL_ABLE ||
			    p->goals[g].mode != GOAL_FACILITATED || !rw->colN[(size_t)g * nb + b])
				continue;
			double v = pos(-dual(P, rt) - budget -
				       dual(P, rw->row_staff[rw->staff[g] * nb + b]));
			double *a = &pr->able[(size_t)f * ng + g];
			if (v > *a)
				*a = v;
		}
	}
}

/* A room like r in each block: the best new room column's reduced cost. */
static void price_room(const struct bound_lp_rows *rw, const struct problem *p,
		       struct bound_lp_prices *pr, int r)
{
	int ws_max = 0, nb = rw->nb;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group > ws_max)
			ws_max = p->goals[g].max_group;
	int kind_max[2] = { ws_max, p->config.lab_max_group };
	const struct room *rm = &p->rooms[r];
	for (int j = 0; j < pr->n_blocks; j++) {
		int b = rw->grp[j];
		double best = 0;
		for (int kd = 0; kd < 2; kd++) {
			int cap = rm->capacity < kind_max[kd] ? rm->capacity : kind_max[kd];
			double v = dual(rw->P, rw->row_rooms[kd * nb + b]) +
				   cap * dual(rw->P, rw->row_seats[kd * nb + b]);
			for (int i = 0; i < rm->n_features; i++)
				v += dual(rw->P, rw->row_feat[rm->features[i] * nb + b]);
			if (v > best)
				best = v;
		}
		pr->room[(size_t)r * pr->n_blocks + j] = best;
	}
}

/* The row of column col with type type and coefficient coef, or 0. */
static int row_of(glp_prob *P, int col, int type, double coef, int *ind, double *val)
{
	int n = glp_get_mat_col(P, col, ind, val);
	for (int i = 1; i <= n; i++)
		if (glp_get_row_type(P, ind[i]) == type && val[i] == coef)
			return ind[i];
	return 0;
}

/* Goal g's (g = n_goals: the lab's) group size: sum_b d(seat row) N[g,b]. */
static double price_group(const struct bound_lp_rows *rw, const struct problem *p, int g,
			  int *ind, double *val)
{
	int gmax = g == p->n_goals ? p->config.lab_max_group : p->goals[g].max_group;
	double v = 0;
	for (int b = 0; b < rw->nb; b++) {
		int col = rw->colN[(size_t)g * rw->nb + b];
		if (col)
			v += pos(dual(rw->P, row_of(rw->P, col, GLP_UP, -gmax, ind, val))) *
			     glp_get_col_prim(rw->P, col);
	}
	return v;
}

/* Seminar s: one more section, and max_size + 1. */
static void price_seminar(const struct bound_lp_rows *rw, const struct problem *p,
			  struct bound_lp_prices *pr, int s, int *ind, double *val)
{
	int rmax = rw->sem_row_max ? rw->sem_row_max[s] : 0;
	if (!rmax)
		return;
	int n = glp_get_mat_row(rw->P, rmax, ind, val), col = 0;
	for (int i = 1; i <= n; i++)
		if (val[i] < 0)
			col = ind[i];
	if (!col)
		return;
	pr->section[s] = pos(glp_get_col_dual(rw->P, col));
	const struct seminar *sm = &p->seminars[s];
	int room_cap = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (problem_room_has(&p->rooms[r], sm->feature) && p->rooms[r].capacity > room_cap)
			room_cap = p->rooms[r].capacity;
	if (room_cap > sm->max_size)
		pr->sem_size[s] = pos(dual(rw->P, rmax)) * glp_get_col_prim(rw->P, col);
}

/* The seminar blocks (pooled in the LP: one price for any of them): f
 * available in one more, by its time row's dual, or with no such row by
 * the new lab column's reduced cost; a room like r in one more, by the
 * better of its new meeting and lab columns. */
static void price_seminar_blocks(const struct bound_lp_rows *rw, const struct problem *p,
				 struct bound_lp_prices *pr)
{
	const struct bound_lp_sem_rows *sr = &rw->sem;
	glp_prob *P = rw->P;
	if (!sr->row_time)
		return;
	for (int f = 0; f < p->n_facilitators; f++) {
		int rt = sr->row_time[f];
		pr->sem_fac[f] = rt ? pos(dual(P, rt))
				    : pos(-dual(P, rw->row_budget[f]) - dual(P, sr->lab_staff));
	}
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		double v = dual(P, sr->meetings) + rm->capacity * dual(P, sr->meet_seats);
		if (problem_room_has(rm, p->lab_feature)) {
			int cap = rm->capacity < p->config.lab_max_group ? rm->capacity
									 : p->config.lab_max_group;
			double lab = dual(P, sr->lab_staff) - cap * dual(P, sr->lab_need);
			if (lab > v)
				v = lab;
		}
		pr->sem_room[r] = pos(v);
	}
}

static void read_prices(const struct bound_lp_rows *rw, void *arg)
{
	struct reading *rd = arg;
	const struct problem *p = rd->p;
	struct bound_lp_prices *pr = rd->pr;
	int m = glp_get_num_rows(rw->P) > glp_get_num_cols(rw->P) ? glp_get_num_rows(rw->P)
								 : glp_get_num_cols(rw->P);
	int *ind = xmalloc(sizeof(int) * ((size_t)m + 1));
	double *val = xmalloc(sizeof(double) * ((size_t)m + 1));
	pr->valid = true;
	for (int f = 0; f < p->n_facilitators; f++)
		price_facilitator(rw, p, pr, f);
	for (int r = 0; r < p->n_rooms; r++)
		price_room(rw, p, pr, r);
	for (int g = 0; g <= p->n_goals; g++)
		if (g == p->n_goals || p->goals[g].mode == GOAL_FACILITATED)
			pr->group[g] = price_group(rw, p, g, ind, val);
	for (int s = 0; s < p->n_seminars; s++)
		price_seminar(rw, p, pr, s, ind, val);
	price_seminar_blocks(rw, p, pr);
	free(ind);
	free(val);
}

/* pr for p, every price 0; sem[0..*n_sem-1] the seminar blocks priced. */
static void prices_init(const struct problem *p, struct bound_lp_prices *pr, int *sem,
			int *n_sem)
{
	memset(pr, 0, sizeof(*pr));
	int nbk = p->n_blocks, nf = p->n_facilitators;
	pr->blocks = xmalloc(sizeof(int) * ((size_t)nbk + 1));
	*n_sem = 0;
	for (int b = 0; b < nbk; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			pr->blocks[pr->n_blocks++] = b;
		else
			sem[(*n_sem)++] = b;
	}
	size_t nj = (size_t)pr->n_blocks + 1;
	pr->budget = xcalloc((size_t)nf + 1, sizeof(double));
	pr->fac_block = xcalloc((size_t)nf * nj + 1, sizeof(double));
	pr->room = xcalloc((size_t)p->n_rooms * nj + 1, sizeof(double));
	pr->group = xcalloc((size_t)p->n_goals + 2, sizeof(double));
	pr->section = xcalloc((size_t)p->n_seminars + 1, sizeof(double));
	pr->sem_size = xcalloc((size_t)p->n_seminars + 1, sizeof(double));
	pr->able = xcalloc((size_t)nf * (size_t)p->n_goals + 1, sizeof(double));
	pr->sem_fac = xcalloc((size_t)nf + 1, sizeof(double));
	pr->sem_room = xcalloc((size_t)p->n_rooms + 1, sizeof(double));
}

/* The price arrays of pr, with their lengths, in a fixed order. */
#define PRICE_ARRAYS 9

static int price_arrays(const struct problem *p, const struct bound_lp_prices *pr,
			double **arr, size_t *len)
{
	size_t nj = (size_t)pr->n_blocks, nf = (size_t)p->n_facilitators;
	double *a[] = { pr->budget, pr->fac_block, pr->room, pr->group, pr->section,
			pr->sem_size, pr->able, pr->sem_fac, pr->sem_room };
	size_t l[] = { nf, nf * nj, (size_t)p->n_rooms * nj, (size_t)p->n_goals + 1,
		       (size_t)p->n_seminars, (size_t)p->n_seminars, nf * (size_t)p->n_goals,
		       nf, (size_t)p->n_rooms };
	for (int i = 0; i < PRICE_ARRAYS; i++) {
		arr[i] = a[i];
		len[i] = l[i];
	}
	return PRICE_ARRAYS;
}

void bound_lp_prices_put(const struct problem *p, const struct bound_lp_prices *pr,
			 struct wire *w)
{
	double *arr[PRICE_ARRAYS];
	size_t len[PRICE_ARRAYS];
	wire_put_int(w, pr->valid);
	for (int i = 0, n = price_arrays(p, pr, arr, len); i < n; i++)
		for (size_t k = 0; k < len[i]; k++)
			wire_put_double(w, arr[i][k]);
}

int bound_lp_prices_get(const struct problem *p, struct wire *w, struct bound_lp_prices *pr)
{
	int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1)), n_sem;
	prices_init(p, pr, sem, &n_sem);
	free(sem);
	double *arr[PRICE_ARRAYS];
	size_t len[PRICE_ARRAYS];
	pr->valid = wire_get_int(w) == 1;
	for (int i = 0, n = price_arrays(p, pr, arr, len); i < n; i++)
		for (size_t k = 0; k < len[i]; k++)
			arr[i][k] = wire_get_double(w);
	if (wire_done(w))
		return 0;
	bound_lp_prices_release(pr);
	return -1;
}

void bound_lp_prices(const struct problem *p, double seconds, struct bound_lp_result *res,
		     struct bound_lp_prices *pr)
{
	int nf = p->n_facilitators;
	int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1)), n_sem;
	prices_init(p, pr, sem, &n_sem);
	size_t nj = (size_t)pr->n_blocks + 1;
	struct reading rd = { p, pr };
	struct bound_lp_rows rows = {
		.row_time = xcalloc((size_t)nf * nj + 1, sizeof(int)),
		.row_room_class = xcalloc((size_t)p->n_rooms * nj + 1, sizeof(int)),
		.read = read_prices,
		.arg = &rd,
	};
	bound_lp_run(p, pr->blocks, pr->n_blocks, sem, n_sem,
		     bound_lp_per_learner(p, pr->blocks, pr->n_blocks), seconds, 0, res, &rows);
	free(rows.row_time);
	free(rows.row_room_class);
	free(sem);
}

void bound_lp_prices_release(struct bound_lp_prices *pr)
{
	free(pr->blocks);
	free(pr->budget);
	free(pr->fac_block);
	free(pr->room);
	free(pr->group);
	free(pr->section);
	free(pr->sem_size);
	free(pr->able);
	free(pr->sem_fac);
	free(pr->sem_room);
	memset(pr, 0, sizeof(*pr));
}

void bound_lp_result_put(struct wire *w, const struct bound_lp_result *r)
{
	wire_put_double(w, r->bound);
	wire_put_int(w, r->proven);
	wire_put_int(w, (int)r->kind);
	wire_put_int(w, r->rows);
	wire_put_int(w, r->cols);
	wire_put_double(w, (double)r->nonzeros);
	wire_put_double(w, r->seconds);
}

int bound_lp_result_get(struct wire *w, struct bound_lp_result *r)
{
	r->bound = wire_get_double(w);
	r->proven = wire_get_int(w) != 0;
	int kind = wire_get_int(w);
	r->kind = kind == BOUND_LP_OPTIMUM || kind == BOUND_LP_PRICES || kind == BOUND_LP_UNLINKED
			  ? (enum bound_lp_kind)kind : BOUND_SIMPLE;
	r->rows = wire_get_int(w);
	r->cols = wire_get_int(w);
	r->nonzeros = (long)wire_get_double(w);
	r->seconds = wire_get_double(w);
	return wire_done(w) ? 0 : -1;
}
