/*
 * replan_reseat.c - a replan's plan re-seated with the keep term
 * (replan_reseat.h).
 *
 * The kept plan seats the learners the changed school displaced (an
 * absent facilitator's) in what is left of their block, often a lab, and
 * a search of the objective alone, started from it, moves many kept
 * learners for little (bench/TUNING.md, "replan"): neither weighs a move
 * against weights.keep.  Here the sessions of the later workshop blocks
 * are held and their learners re-seated across those blocks at once, so a
 * displaced learner can take a seat another learner frees by moving to a
 * session of another block, each kept learner-block worth weights.keep.
 *
 * Cells (l, b) re-seated: b a later workshop block, l in a session of b
 * that is a workshop or lab of its own (no section across blocks) and,
 * for a workshop, of a ready need of l.  The rest of the schedule enters
 * as constants (its tally: a need's sessions, labs, days covered, a
 * priority-1 session).  As in reseat_mip.c, with per-session rows:
 *
 *   x[l,s]  in {0,1}   l in workshop s of b (a ready facilitated need q)
 *   z[l,b]  in {0,1}   l in some lab of b;  k[l,s] in {0,1} l in lab s, kept
 *   c[q], pi[l], delta[l,d]   lab credit, power-goal bonus, daily weight
 *
 *   max  sum (w_q + keep) x + sum keep k + sum w_q c + w_pg pi + w_daily delta
 *   s.t. sum_s x[l,s] + z[l,b] + sum_s k[l,s] = 1     every cell
 *        min_s <= sum_l x[l,s] <= cap_s               every workshop s
 *        sum_l z[l,b] + sum k[l,s] <= sum of the labs' capacities of b
 *        sum_l k[l,s] <= cap_s                        every lab s
 *        sum x of q <= s_q - held;  credit, bonus and day rows as reseat_mip.c
 *
 * keep is weights.keep where the session is the learner's previous one
 * (objective_kept).  The z learners are spread over the labs' seats left
 * (each first where they are), and a lab left empty is dropped.  The
 * current seating is the MIP's incumbent, and the result is scored
 * exactly (objective_of plus objective_keep_total) before it is taken.
 *
 * Merging (replan_reseat_merge).  The sessions of another plan of the same
 * blocks (the one searched from the kept plan) are added to the window as
 * candidates, and every movable session s of it gets o[s] in {0,1}, open:
 *
 *   max  ... + w_guru o[s] (s led by a guru of its goal)
 *   s.t. (min_s - held_s) o[s] <= sum_l x[l,s] <= (cap_s - held_s) o[s]
 *        sum_l z[l,b] + sum k[l,s] <= sum of cap_s o[s] over the labs of b
 *        sum_l k[l,s] <= cap_s o[s];  o[s] = 1 where s holds a learner held
 *        sum o[s] of f (of room r) in b <= 1 - f's (r's) held sessions there
 *        sum o[s] of f <= max(max_sessions, f's sessions now) - f's held ones
 *
 * so a session of either plan runs only where its learners pay more than
 * the kept sessions it displaces (a facilitator or room of the block), and
 * each block takes from both plans, not one block whole (replan_blend.c).
 * The current plan, every candidate closed, is the incumbent.
 */
#include "replan_reseat.h"

#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/glpk_run.h"
#include "models/lp_build.h"
#include "models/model.h"
#include "models/replan_pins.h"

/* Cells (learner-blocks) re-seated by one MIP: the later blocks are taken
 * in windows of about this many, so that each LP ends within its share of
 * the time (300 learners: one window of 8 blocks, 0.4-3 s; 1 500
 * learners, 10 blocks at once: 21 s on a loaded machine). */
#define RESEAT_CELLS 3000

/* Branch-and-bound nodes: the MIP is nearly an assignment, its LP close
 * to whole; a budget keeps runs repeatable. */
#define RESEAT_NODES 500

enum col_kind { COL_X, COL_LAB, COL_KEEP, COL_CREDIT, COL_BONUS, COL_DAY, COL_OPEN };

struct col {
	enum col_kind kind;
	int l, b, s;                /* learner, block, session (-1 for any lab) */
};

struct reseat {
	const struct problem *p;
	const struct solution *sol;
	const bool *window;         /* [n_blocks]: the blocks re-seated */
	bool choose;                /* merging: the sessions open or closed */
	glp_prob *P;
	struct triplets t;
	struct col *cols;
	size_t alloc;
	bool *movable;              /* [n_sessions] */
	char *free_cell;            /* [l * n_blocks + b] */
	int *held_in;               /* [n_sessions] learners in cells not re-seated */
	int *cap_row, *keep_row;    /* [n_sessions] */
	int *min_row, *open_col;    /* [n_sessions], merging */
	int *lab_row;               /* [n_blocks] */
	struct tally out;           /* the cells not re-seated */
	double *start;
	size_t start_alloc;
};

static int add_col(struct reseat *r, struct col c, int kind, double ub, double w)
{
	int k = lp_add_col(r->P, kind, 0, ub, w);
	if ((size_t)k + 1 > r->alloc)
		xgrow((void **)&r->cols, &r->alloc, (size_t)k + 1, sizeof(*r->cols));
	if ((size_t)k + 1 > r->start_alloc) {
		size_t old = r->start_alloc;
		xgrow((void **)&r->start, &r->start_alloc, (size_t)k + 1, sizeof(double));
		memset(r->start + old, 0, sizeof(double) * (r->start_alloc - old));
	}
	r->cols[k] = c;
	return k;
}

/* The ready facilitated need of l that workshop s serves, or -1. */
static int need_in(const struct problem *p, int l, const struct session *s)
{
	int q = objective_need_of(p, l, s->offering);
	return q >= 0 && p->needs[q].ready && p->goals[p->needs[q].goal].mode == GOAL_FACILITATED
		       ? q : -1;
}

/* Which sessions may gain or lose learners, and which cells are re-seated;
 * the tally of the rest.  Returns the cells. */
static long mark(struct reseat *r)
{
	const struct problem *p = r->p;
	const struct solution *sol = r->sol;
	int nb = p->n_blocks, after = p->previous->after;
	size_t n = sol->n_sessions;
	int *members = xcalloc(n + 1, sizeof(int));
	for (size_t i = 0; i < n; i++)
		members[sol->sessions[i].section]++;
	for (size_t i = 0; i < n; i++) {
		const struct session *s = &sol->sessions[i];
		r->movable[i] = s->block > after && p->blocks[s->block].kind == BLOCK_WORKSHOP &&
				problem_block_scheduled(p, s->block) &&
				(s->kind == SESSION_WORKSHOP || s->kind == SESSION_LAB) &&
				s->section == (int)i && members[i] == 1;
	}
	free(members);
	long cells = 0;
	int *attend = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)nb + 1));
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < nb; b++) {
			long c = (long)l * nb + b;
			int si = sol->attend[c];
			attend[c] = si;
			if (si < 0 || !r->movable[si] || p->learners[l].unavailable[b] || !r->window[b] ||
			    (sol->sessions[si].kind == SESSION_WORKSHOP &&
			     need_in(p, l, &sol->sessions[si]) < 0)) {
				if (si >= 0)
					r->held_in[si]++;
				continue;
			}
			r->free_cell[c] = 1;
			attend[c] = -1;
			cells++;
		}
	struct solution rest = *sol;
	rest.attend = attend;
	tally_init(&r->out, p);
	tally_add_solution(&r->out, p, &rest);
	free(attend);
	return cells;
}

/* Merging: session i's open column (fixed open when it holds a learner
 * held) and its size rows against it. */
static void open_rows(struct reseat *r, size_t i, int cap)
{
	const struct problem *p = r->p;
	const struct session *s = &r->sol->sessions[i];
	double guru = s->kind == SESSION_WORKSHOP &&
		      problem_goal_level(p, s->facilitator, s->offering) == LEVEL_GURU
		      ? p->config.w_guru : 0;
	int o = add_col(r, (struct col){ COL_OPEN, -1, s->block, (int)i }, GLP_BV,
			1, guru);
	if (r->held_in[i] > 0)
		glp_set_col_bnds(r->P, o, GLP_FX, 1, 1);
	r->start[o] = s->size > 0;
	r->open_col[i] = o;
	if (s->kind == SESSION_WORKSHOP) {
		int lo = p->goals[s->offering].min_group - r->held_in[i];
		r->cap_row[i] = lp_add_row(r->P, GLP_UP, 0, 0);
		triplets_add(&r->t, r->cap_row[i], o, -cap);
		if (lo > 0) {
			r->min_row[i] = lp_add_row(r->P, GLP_LO, 0, 0);
			triplets_add(&r->t, r->min_row[i], o, -lo);
		}
		return;
	}
	if (!r->lab_row[s->block])
		r->lab_row[s->block] = lp_add_row(r->P, GLP_UP, 0, 0);
	triplets_add(&r->t, r->lab_row[s->block], o, -cap);
	r->keep_row[i] = lp_add_row(r->P, GLP_UP, 0, 0);
	triplets_add(&r->t, r->keep_row[i], o, -cap);
}

static void session_rows(struct reseat *r)
{
	const struct problem *p = r->p;
	const struct solution *sol = r->sol;
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		if (!r->movable[i] || !r->window[s->block])
			continue;
		int cap = solution_session_seats(p, s) - r->held_in[i];
		if (r->choose) {
			open_rows(r, i, cap);
		} else if (s->kind == SESSION_WORKSHOP) {
			int lo = p->goals[s->offering].min_group - r->held_in[i];
			lo = lo > 0 ? lo : 0;
			r->cap_row[i] = lp_add_row(r->P, lo < cap ? GLP_DB : GLP_FX, lo, cap);
		} else {
			if (!r->lab_row[s->block])
				r->lab_row[s->block] = lp_add_row(r->P, GLP_UP, 0, 0);
			int row = r->lab_row[s->block];
			glp_set_row_bnds(r->P, row, GLP_UP, 0, glp_get_row_ub(r->P, row) + cap);
			r->keep_row[i] = lp_add_row(r->P, GLP_UP, 0, cap);
		}
	}
}

/* Whether session i is one the merge may open or close. */
static bool chosen(const struct reseat *r, size_t i)
{
	return r->movable[i] && r->window[r->sol->sessions[i].block];
}

/* Merging: a facilitator (room) leads (holds) one session a block, the
 * facilitators within max_sessions (or the sessions they lead now, a
 * frozen cover above it). */
static void staff_rows(struct reseat *r)
{
	const struct problem *p = r->p;
	const struct solution *sol = r->sol;
	int nb = p->n_blocks, nf = p->n_facilitators, nr = p->n_rooms;
	int *fixed = xcalloc((size_t)(nf + nr) * (size_t)nb + (size_t)nf + 1, sizeof(int));
	int *cand = xcalloc((size_t)(nf + nr) * (size_t)nb + (size_t)nf + 1, sizeof(int));
	int *row = xcalloc((size_t)(nf + nr) * (size_t)nb + (size_t)nf + 1, sizeof(int));
	int *now = xcalloc((size_t)nf + 1, sizeof(int));
	long tot = (long)(nf + nr) * nb;     /* the max_sessions counts from here */
	for (size_t i = 0; i < sol->n_sessions; i++) {
		const struct session *s = &sol->sessions[i];
		long kf = (long)s->facilitator * nb + s->block;
		long kr = (long)(nf + s->room) * nb + s->block;
		int *c = chosen(r, i) ? cand : fixed;
		c[kf]++;
		if (s->room >= 0)
			c[kr]++;
		c[tot + s->facilitator]++;
		now[s->facilitator] += s->size > 0 || !chosen(r, i);
	}
	for (size_t i = 0; i < sol->n_sessions; i++) {
		if (!chosen(r, i))
			continue;
		const struct session *s = &sol->sessions[i];
		long key[3] = { (long)s->facilitator * nb + s->block,
				s->room >= 0 ? (long)(nf + s->room) * nb + s->block : -1,
				tot + s->facilitator };
		for (int k = 0; k < 3; k++) {
			long x = key[k];
			int lim = k < 2 ? 1 - fixed[x < 0 ? 0 : x] :
				  (p->facilitators[s->facilitator].max_sessions > now[s->facilitator]
				   ? p->facilitators[s->facilitator].max_sessions
				   : now[s->facilitator]) - fixed[x];
			if (x < 0 || cand[x] <= lim)
				continue;
			if (!row[x])
				row[x] = lp_add_row(r->P, GLP_UP, 0, lim > 0 ? lim : 0);
			triplets_add(&r->t, row[x], r->open_col[i], 1);
		}
	}
	free(fixed);
	free(cand);
	free(row);
	free(now);
}

/* The sessions of need q the re-seated cells may still give. */
static int nd_left(const struct problem *p, const struct tally *out, int q)
{
	return p->needs[q].sessions - out->need_cnt[q];
}

/* Learner l's columns and rows; the current seating into r->start. */
static void learner_cols(struct reseat *r, int l)
{
	const struct problem *p = r->p;
	const struct config *cf = &p->config;
	const struct solution *sol = r->sol;
	int nb = p->n_blocks, q0 = p->need_start[l], nq = p->need_start[l + 1] - q0;
	bool any = false;
	for (int b = 0; b < nb && !any; b++)
		any = r->free_cell[(long)l * nb + b];
	if (!any)
		return;
	bool held_p1 = false;
	for (int q = q0; q < q0 + nq; q++)
		held_p1 |= p->needs[q].ready && p->needs[q].priority == 1 &&
			   p->goals[p->needs[q].goal].mode == GOAL_FACILITATED && r->out.need_cnt[q] > 0;
	int row_pi = 0, row_credit = 0;
	for (int q = q0; q < q0 + nq && !row_pi; q++)
		if (p->needs[q].ready && p->needs[q].priority == 1) {
			int c = add_col(r, (struct col){ COL_BONUS, l, -1, -1 }, GLP_CV, 1, cf->w_power_goal);
			row_pi = lp_add_row(r->P, GLP_UP, 0, held_p1);
			triplets_add(&r->t, row_pi, c, 1);
		}
	for (int q = q0; q < q0 + nq; q++) {
		const struct need *nd = &p->needs[q];
		if (!nd->ready || p->goals[nd->goal].mode != GOAL_ONLINE)
			continue;
		if (!row_credit)
			row_credit = lp_add_row(r->P, GLP_UP, 0, r->out.lab_cnt[l]);
		int c = add_col(r, (struct col){ COL_CREDIT, l, -1, -1 }, GLP_CV, nd->sessions,
				problem_need_weight(p, nd));
		triplets_add(&r->t, row_credit, c, 1);
		if (nd->priority == 1)
			triplets_add(&r->t, row_pi, c, -1);
	}
	int *row_need = xcalloc((size_t)nq + 1, sizeof(int));
	int *row_day = xcalloc((size_t)p->n_days + 1, sizeof(int));
	bool daily = cf->w_daily > 0 && problem_placeable(p, l);
	for (int b = 0; b < nb; b++) {
		long cell = (long)l * nb + b;
		if (!r->free_cell[cell])
			continue;
		int now = sol->attend[cell];
		int row = lp_add_row(r->P, GLP_FX, 1, 1);
		int d = p->blocks[b].day_index;
		bool lab_any = false;
		for (size_t i = 0; i < sol->n_sessions; i++) {
			const struct session *s = &sol->sessions[i];
			if (s->block != b || !r->movable[i])
				continue;
			double keep = objective_kept(p, l, b, s) ? cf->w_keep : 0;
			if (s->kind == SESSION_LAB) {
				if (!lab_any) {
					lab_any = true;
					int c = add_col(r, (struct col){ COL_LAB, l, b, -1 }, GLP_BV, 1, 0);
					triplets_add(&r->t, row, c, 1);
					triplets_add(&r->t, r->lab_row[b], c, 1);
					if (row_credit)
						triplets_add(&r->t, row_credit, c, -1);
					r->start[c] = sol->sessions[now].kind == SESSION_LAB &&
						      !objective_kept(p, l, b, &sol->sessions[now]);
				}
				if (!keep)
					continue;
				int c = add_col(r, (struct col){ COL_KEEP, l, b, (int)i }, GLP_BV, 1, keep);
				triplets_add(&r->t, row, c, 1);
				triplets_add(&r->t, r->lab_row[b], c, 1);
				triplets_add(&r->t, r->keep_row[i], c, 1);
				if (row_credit)
					triplets_add(&r->t, row_credit, c, -1);
				r->start[c] = now == (int)i;
				continue;
			}
			int q = need_in(p, l, s);
			if (q < 0 || nd_left(p, &r->out, q) <= 0)
				continue;
			int *rn = &row_need[q - q0];
			if (!*rn)
				*rn = lp_add_row(r->P, GLP_UP, 0, nd_left(p, &r->out, q));
			int c = add_col(r, (struct col){ COL_X, l, b, (int)i }, GLP_BV, 1,
					problem_need_weight(p, &p->needs[q]) + keep);
			r->start[c] = now == (int)i;
			triplets_add(&r->t, row, c, 1);
			triplets_add(&r->t, r->cap_row[i], c, 1);
			if (r->min_row[i])
				triplets_add(&r->t, r->min_row[i], c, 1);
			triplets_add(&r->t, *rn, c, 1);
			if (p->needs[q].priority == 1)
				triplets_add(&r->t, row_pi, c, -1);
			if (!daily || *tally_day(&r->out, p, l, d) > 0)
				continue;
			if (!row_day[d]) {
				int cd = add_col(r, (struct col){ COL_DAY, l, -1, -1 }, GLP_CV, 1,
						 cf->w_daily);
				row_day[d] = lp_add_row(r->P, GLP_UP, 0, 0);
				triplets_add(&r->t, row_day[d], cd, 1);
			}
			triplets_add(&r->t, row_day[d], c, -1);
		}
	}
	free(row_need);
	free(row_day);
}

/* The MIP's seats into seat[cell] (a session index), the any-lab learners
 * spread over the labs' seats left, first where they are. */
static void read_seats(struct reseat *r, int *seat)
{
	const struct problem *p = r->p;
	const struct solution *sol = r->sol;
	int nb = p->n_blocks, n = glp_get_num_cols(r->P);
	int *left = xcalloc(sol->n_sessions + 1, sizeof(int));
	for (size_t i = 0; i < sol->n_sessions; i++)
		left[i] = r->movable[i] && (!r->choose || !r->open_col[i] ||
					    glp_mip_col_val(r->P, r->open_col[i]) > 0.5)
			  ? solution_session_seats(p, &sol->sessions[i]) - r->held_in[i] : 0;
	for (int c = 1; c <= n; c++) {
		const struct col *k = &r->cols[c];
		if ((k->kind == COL_X || k->kind == COL_KEEP || k->kind == COL_LAB) &&
		    glp_mip_col_val(r->P, c) > 0.5) {
			seat[(long)k->l * nb + k->b] = k->s;
			if (k->s >= 0)
				left[k->s]--;
		}
	}
	for (int pass = 0; pass < 2; pass++)
		for (int c = 1; c <= n; c++) {
			const struct col *k = &r->cols[c];
			long cell = (long)k->l * nb + k->b;
			if (k->kind != COL_LAB || seat[cell] >= 0)
				continue;
			int now = sol->attend[cell], best = -1;
			if (pass == 0) {
				if (sol->sessions[now].kind == SESSION_LAB && left[now] > 0)
					best = now;
			} else {
				for (size_t i = 0; i < sol->n_sessions; i++)
					if (sol->sessions[i].block == k->b && r->movable[i] &&
					    sol->sessions[i].kind == SESSION_LAB && left[i] > 0 &&
					    (best < 0 || left[i] > left[best]))
						best = (int)i;
			}
			if (best >= 0) {
				seat[cell] = best;
				left[best]--;
			}
		}
	free(left);
}

/* sol with the cells of seat[] (-1: as they were) re-seated, its empty
 * movable sessions dropped, into out (solution_init()ed). */
static void build(const struct reseat *r, const int *seat, struct solution *out)
{
	const struct problem *p = r->p;
	const struct solution *sol = r->sol;
	long cells = (long)p->n_learners * p->n_blocks;
	int *size = xcalloc(sol->n_sessions + 1, sizeof(int));
	int *map = xmalloc(sizeof(int) * (sol->n_sessions + 1));
	for (long c = 0; c < cells; c++) {
		int si = r->free_cell[c] && seat[c] >= 0 ? seat[c] : sol->attend[c];
		if (si >= 0)
			size[si]++;
	}
	for (size_t i = 0; i < sol->n_sessions; i++)
		map[i] = r->movable[i] && !size[i] ? -1 : solution_add_session(out, &sol->sessions[i]);
	for (size_t i = 0; i < sol->n_sessions; i++)
		if (map[i] >= 0)
			out->sessions[map[i]].section = map[sol->sessions[i].section];
	for (long c = 0; c < cells; c++) {
		int si = r->free_cell[c] && seat[c] >= 0 ? seat[c] : sol->attend[c];
		out->attend[c] = si >= 0 ? map[si] : -1;
	}
	solution_recount(out);
	free(size);
	free(map);
}

/* Whether every session of out in a later workshop block seats within its
 * size rules (the lab seats spread by read_seats included). */
static bool fits(const struct problem *p, const struct solution *out)
{
	for (size_t i = 0; i < out->n_sessions; i++) {
		const struct session *s = &out->sessions[i];
		if (s->block <= p->previous->after || p->blocks[s->block].kind != BLOCK_WORKSHOP ||
		    (s->kind != SESSION_WORKSHOP && s->kind != SESSION_LAB))
			continue;
		int lo = s->kind == SESSION_LAB ? 1 : p->goals[s->offering].min_group;
		if (s->size > solution_session_seats(p, s) || (s->size < lo && s->section == (int)i))
			return false;
	}
	return true;
}

static double score(const struct problem *p, const struct solution *s)
{
	return objective_of(p, s) + objective_keep_total(p, s);
}

/* Whether s and t are the same session: kind, offering, block, room and
 * facilitator. */
static bool same_session(const struct session *s, const struct session *t)
{
	return s->kind == t->kind && s->offering == t->offering && s->block == t->block &&
	       s->room == t->room && s->facilitator == t->facilitator;
}

/* Whether a and b place learner l in b in the same session. */
static bool same_place(const struct solution *a, const struct solution *b, long c)
{
	int x = a->attend[c], y = b->attend[c];
	if (x < 0 || y < 0)
		return x == y;
	return same_session(&a->sessions[x], &b->sessions[y]);
}

/* Merging: the start's credit, bonus and day columns (0 in r->start) at
 * their best given its seats and open sessions (the LP with those fixed),
 * so that the incumbent GLPK is given is worth the current plan; the
 * basis then set back to every row's slack. */
static void complete_start(struct reseat *r, double seconds)
{
	if (seconds <= 0)
		return;         /* no time left: no MIP either (reseat_window) */
	int n = glp_get_num_cols(r->P), m = glp_get_num_rows(r->P);
	int *type = xmalloc(sizeof(int) * ((size_t)n + 1));
	double *lb = xmalloc(sizeof(double) * ((size_t)n + 1)),
	       *ub = xmalloc(sizeof(double) * ((size_t)n + 1));
	for (int c = 1; c <= n; c++) {
		type[c] = glp_get_col_type(r->P, c);
		lb[c] = glp_get_col_lb(r->P, c);
		ub[c] = glp_get_col_ub(r->P, c);
		if (glp_get_col_kind(r->P, c) == GLP_BV)
			glp_set_col_bnds(r->P, c, GLP_FX, r->start[c], r->start[c]);
	}
	glp_smcp sm;
	glp_init_smcp(&sm);
	sm.msg_lev = GLP_MSG_OFF;
	sm.tm_lim = seconds < 1 ? (int)(1000 * seconds) + 1 : 1000;
	if (glp_simplex(r->P, &sm) == 0 && glp_get_status(r->P) == GLP_OPT)
		for (int c = 1; c <= n; c++)
			if (glp_get_col_kind(r->P, c) != GLP_BV)
				r->start[c] = glp_get_col_prim(r->P, c);
	for (int c = 1; c <= n; c++) {
		glp_set_col_bnds(r->P, c, type[c], lb[c], ub[c]);
		glp_set_col_stat(r->P, c, GLP_NL);
	}
	for (int i = 1; i <= m; i++)
		glp_set_row_stat(r->P, i, GLP_BS);
	free(type);
	free(lb);
	free(ub);
}

/* Merging: whether every facilitator and room of out has one session a
 * block, and every facilitator within max_sessions or no more than in
 * cur (a frozen cover). */
static bool staff_fits(const struct problem *p, const struct solution *out,
		       const struct solution *cur)
{
	int nb = p->n_blocks, nf = p->n_facilitators;
	long n = (long)(nf + p->n_rooms) * nb;
	int *cnt = xcalloc((size_t)n + 2 * (size_t)nf + 1, sizeof(int));
	bool ok = true;
	for (size_t i = 0; i < out->n_sessions && ok; i++) {
		const struct session *s = &out->sessions[i];
		ok = ++cnt[(long)s->facilitator * nb + s->block] <= 1 &&
		     (s->room < 0 || ++cnt[(long)(nf + s->room) * nb + s->block] <= 1);
		cnt[n + s->facilitator]++;
	}
	for (size_t i = 0; i < cur->n_sessions; i++)
		cnt[n + nf + cur->sessions[i].facilitator]++;
	for (int f = 0; f < nf && ok; f++)
		ok = cnt[n + f] <= p->facilitators[f].max_sessions || cnt[n + f] <= cnt[n + nf + f];
	free(cnt);
	return ok;
}

/* The re-seating of the blocks of window, within seconds; choose: sol's
 * sessions there opened or closed too (merging; sol's empty sessions are
 * the candidates, not scored).  Returns the learner-blocks moved (sol
 * replaced, its empty sessions dropped) or 0 (sol as it was). */
static int reseat_window(const struct problem *p, struct solution *sol, const bool *window,
			 double seconds, bool choose)
{
	double t0 = mcl_now();
	if (seconds <= 0)
		return 0;       /* no time for the MIP: nothing to build */
	long cells = (long)p->n_learners * p->n_blocks;
	struct reseat r = { .p = p, .sol = sol, .window = window, .choose = choose };
	size_t n = sol->n_sessions + 1;
	r.movable = xcalloc(n, sizeof(bool));
	r.held_in = xcalloc(n, sizeof(int));
	r.cap_row = xcalloc(n, sizeof(int));
	r.keep_row = xcalloc(n, sizeof(int));
	r.min_row = xcalloc(n, sizeof(int));
	r.open_col = xcalloc(n, sizeof(int));
	r.lab_row = xcalloc((size_t)p->n_blocks + 1, sizeof(int));
	r.free_cell = xcalloc((size_t)cells + 1, 1);
	int moved = 0;
	if (mark(&r) == 0)
		goto out_tally;
	int *seat = xmalloc(sizeof(int) * ((size_t)cells + 1));
	for (long c = 0; c < cells; c++)
		seat[c] = -1;
	struct solution cur;    /* sol without its candidates: what is scored */
	solution_init(&cur, p);
	build(&r, seat, &cur);
	r.P = glp_create_prob();
	glp_set_obj_dir(r.P, GLP_MAX);
	session_rows(&r);
	if (choose)
		staff_rows(&r);
	for (int l = 0; l < p->n_learners; l++)
		learner_cols(&r, l);
	triplets_load(&r.t, r.P);
	if (choose)
		complete_start(&r, seconds - (mcl_now() - t0));
	/* the LP from the current seating: each seat at 1 non-basic at its
	 * upper bound, every row's slack basic, is a feasible basis (as in
	 * reseat_mip.c's solve_from_seating), near the optimum */
	for (int c = 1; c <= glp_get_num_cols(r.P); c++)
		if (r.start[c] > 0.5 && glp_get_col_kind(r.P, c) == GLP_BV)
			glp_set_col_stat(r.P, c, GLP_NU);
	struct mip_params mp = { .seconds = seconds - (mcl_now() - t0), .gap = 1e-9,
				 .start = r.start, .max_nodes = RESEAT_NODES, .no_cuts = choose };
	struct mip_result mr = { .outcome = MIP_NO_SOLUTION };
	if (mp.seconds > 0)
		mip_solve(r.P, &mp, &mr);
	double before = score(p, &cur), after = before;
	if (mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE) {
		read_seats(&r, seat);
		struct solution cand;
		solution_init(&cand, p);
		build(&r, seat, &cand);
		after = fits(p, &cand) && (!choose || staff_fits(p, &cand, &cur))
			? score(p, &cand) : before;
		if (after > before + 1e-6) {
			for (long c = 0; c < cells; c++)
				moved += !same_place(sol, &cand, c);
			cand.objective = objective_of(p, &cand);
			solution_take(sol, &cand);
		}
		solution_release(&cand);
	}
	free(seat);
	solution_release(&cur);
	mcl_log(LOG_VERBOSE, "replan: %s with the keep term (%d rows, %d columns, %s): "
		"objective + keep %.1f -> %.1f, %d learner-blocks moved in %.1f s",
		choose ? "merging two plans" : "re-seating",
		glp_get_num_rows(r.P), glp_get_num_cols(r.P),
		mr.outcome == MIP_OPTIMAL ? "optimal" : mr.outcome == MIP_FEASIBLE ? "feasible" :
		"no solution", before, after > before ? after : before, moved, mcl_now() - t0);
	glp_delete_prob(r.P);
out_tally:
	tally_release(&r.out);
	free(r.cols);
	free(r.start);
	free(r.movable);
	free(r.held_in);
	free(r.cap_row);
	free(r.keep_row);
	free(r.min_row);
	free(r.open_col);
	free(r.lab_row);
	free(r.free_cell);
	return moved;
}

/* Whether session i of sol can be opened or closed by a merge: a later
 * workshop or lab of a scheduled workshop block, a section of its own. */
static bool later_single(const struct problem *p, const struct solution *sol, size_t i,
			 const int *members)
{
	const struct session *s = &sol->sessions[i];
	return s->block > p->previous->after && p->blocks[s->block].kind == BLOCK_WORKSHOP &&
	       problem_block_scheduled(p, s->block) &&
	       (s->kind == SESSION_WORKSHOP || s->kind == SESSION_LAB) &&
	       s->section == (int)i && members[i] == 1;
}

/* sol with the sessions of other in window that sol has not (the same
 * kind, offering, block, room and facilitator) added empty, into u
 * (solution_init()ed): the merge's candidates. */
static void with_candidates(const struct problem *p, const struct solution *sol,
			    const struct solution *other, const bool *window, struct solution *u)
{
	solution_copy_schedule(u, sol);
	int *members = xcalloc(other->n_sessions + 1, sizeof(int));
	for (size_t i = 0; i < other->n_sessions; i++)
		members[other->sessions[i].section]++;
	for (size_t i = 0; i < other->n_sessions; i++) {
		const struct session *o = &other->sessions[i];
		if (!window[o->block] || !later_single(p, other, i, members))
			continue;
		bool dup = false;
		for (size_t j = 0; j < sol->n_sessions && !dup; j++)
			dup = same_session(&sol->sessions[j], o);
		if (!dup)
			solution_add_session(u, o);
	}
	solution_recount(u);
	free(members);
}

/* The re-seating (other: the merge with other) of sol's later workshop
 * blocks, in windows of about RESEAT_CELLS cells. */
static int run_windows(const struct problem *p, struct solution *sol,
		       const struct solution *other, double seconds)
{
	if (!p->previous || model_row(p)->whole_cycle_groups || seconds <= 0)
		return 0;
	if (replan_pins_locked(p))
		return 0;       /* locks.csv's pins: held by the caller's runs */
	double t0 = mcl_now();
	int nb = p->n_blocks, n = 0, per = RESEAT_CELLS / (p->n_learners > 0 ? p->n_learners : 1);
	per = per > 1 && !other ? per : 1;    /* merging: block by block */
	bool *later = xcalloc((size_t)nb + 1, sizeof(bool)), *window = xcalloc((size_t)nb + 1, sizeof(bool));
	for (int b = p->previous->after + 1; b < nb; b++) {
		later[b] = p->blocks[b].kind == BLOCK_WORKSHOP && problem_block_scheduled(p, b);
		n += later[b];
	}
	int windows = (n + per - 1) / per, moved = 0;
	per = windows > 0 ? (n + windows - 1) / windows : 1;   /* even windows */
	for (int b = 0, w = 0; b < nb && w < windows; w++) {
		int k = 0;
		memset(window, 0, sizeof(bool) * (size_t)nb);
		for (; b < nb && k < per; b++)
			if (later[b]) {
				window[b] = true;
				k++;
			}
		double t = (seconds - (mcl_now() - t0)) / (windows - w);
		if (!other) {
			moved += reseat_window(p, sol, window, t, false);
			continue;
		}
		struct solution u;
		solution_init(&u, p);
		with_candidates(p, sol, other, window, &u);
		int m = u.n_sessions > sol->n_sessions ? reseat_window(p, &u, window, t, true) : 0;
		if (m > 0) {
			solution_take(sol, &u);
			moved += m;
		}
		solution_release(&u);
	}
	free(later);
	free(window);
	return moved;
}

int replan_reseat(const struct problem *p, struct solution *sol, double seconds)
{
	return run_windows(p, sol, NULL, seconds);
}

int replan_reseat_merge(const struct problem *p, struct solution *sol,
			const struct solution *other, double seconds)
{
	return run_windows(p, sol, other, seconds);
}
