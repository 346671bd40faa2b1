/*
 * greedy.c - mclsched-greedy: the schedule a scheduler would make by hand or
 * in a spreadsheet, for `make bench` to compare mclsched against.
 *
 *   mclsched-greedy SCENARIO_DIR -o OUT_DIR
 *
 * No optimisation, one pass, the rules of thumb of a person with a grid:
 *   1. seminars (seminar and combination models), most wanted first: each
 *      section meets in the seminar blocks where most of the learners who
 *      chose it are still free, with a facilitator able to lead it who is
 *      free at every meeting, and the learners who ranked it highest;
 *   2. workshop blocks in time order, as a tally of needs per goal in a
 *      spreadsheet: the goal most wanted by the learners still unplaced in
 *      the block (each need weighs its priority weight, plus the daily
 *      weight when the learner has nothing yet that day) opens a session
 *      when at least min_group want it, a facilitator with expertise is
 *      free (gurus first) and a room fits; it is filled with the learners
 *      who have nothing yet that day first, most urgent need first; a goal
 *      that cannot open is passed over for the rest of the block;
 *   3. everyone left in a block goes to a lab.
 * Facilitators whose max_sessions leave no slack are used last, and a
 * session is opened only while the free rooms and facilitators can still
 * seat everyone left in labs, as a scheduler keeps the lab rooms in mind.
 *
 * The schedule is written with output_write() like mclsched's own, so
 * `mclsched verify` checks it and its summary.csv has the same metrics.  Its
 * bound is bound_simple_cycle(): everything every learner wants, which is a
 * valid upper bound but proves nothing about this schedule; summary.csv
 * says mclsched_version "bench-greedy" so that nobody mistakes the run.
 * The power-goal model (one group a learner for the whole cycle) is not
 * covered.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/tool_args.h"
#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/scenario.h"
#include "models/bound_lp.h"
#include "outputs/output.h"

struct greedy {
	const struct problem *p;
	struct solution *sol;
	int *budget;            /* [n_facilitators]: sessions still allowed */
	bool *fac_busy;         /* [n_facilitators * n_blocks] */
	bool *room_busy;        /* [n_rooms * n_blocks] */
	int *left;              /* [n_needs]: sessions still wanted */
	int *enrolled;          /* [n_learners]: seminars enrolled in */
	int *unplaced;          /* [n_blocks]: available learners without a session */
	char *why;              /* the first reason no schedule was found */
};

static bool *fac_busy(const struct greedy *gr, int f, int b)
{
	return &gr->fac_busy[(long)f * gr->p->n_blocks + b];
}

static bool *room_busy(const struct greedy *gr, int r, int b)
{
	return &gr->room_busy[(long)r * gr->p->n_blocks + b];
}

static bool fac_free(const struct greedy *gr, int f, int b)
{
	return gr->budget[f] > 0 && !gr->p->facilitators[f].unavailable[b] && !*fac_busy(gr, f, b);
}

static bool room_free(const struct greedy *gr, int r, int b)
{
	return !gr->p->rooms[r].unavailable[b] && !*room_busy(gr, r, b);
}

/* Sessions f could still lead beyond those the rest of the cycle can use:
 * negative when max_sessions will run out before f's free blocks do. */
static int slack(const struct greedy *gr, int f)
{
	int free_blocks = 0;
	for (int b = 0; b < gr->p->n_blocks; b++)
		free_blocks += problem_block_scheduled(gr->p, b) &&
			       !gr->p->facilitators[f].unavailable[b] && !*fac_busy(gr, f, b);
	return gr->budget[f] - free_blocks;
}

/* The facilitator to lead offering (level gives f's expertise) in every block
 * of blocks[0..n-1]: those with slack first, gurus first, most slack first;
 * -1 when nobody is free. */
static int pick_facilitator(const struct greedy *gr, const int *blocks, int n,
			    enum level (*level)(const struct problem *, int, int), int offering)
{
	const struct problem *p = gr->p;
	int best = -1;
	long best_key = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		enum level lv = level ? level(p, f, offering) : LEVEL_ABLE;
		if (lv < LEVEL_ABLE || gr->budget[f] < n)
			continue;
		bool ok = true;
		for (int j = 0; j < n && ok; j++)
			ok = fac_free(gr, f, blocks[j]);
		if (!ok)
			continue;
		int s = slack(gr, f);
		long key = (s >= 0 ? 4000000L : 0) + (level && lv == LEVEL_GURU ? 2000000L : 0) + s +
			   1000000L;
		if (best < 0 || key > best_key) {
			best = f;
			best_key = key;
		}
	}
	return best;
}

static int lab_seats(const struct problem *p, int r)
{
	int c = p->rooms[r].capacity;
	return c < p->config.lab_max_group ? c : p->config.lab_max_group;
}

static int cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x < y) - (x > y);
}

/* Whether the labs of block b could still seat `learners`, with facilitator
 * drop_f and room drop_r taken (-1: none): the largest free lab rooms, one
 * per free facilitator. */
static bool labs_fit(const struct greedy *gr, int b, int learners, int drop_f, int drop_r)
{
	const struct problem *p = gr->p;
	if (learners <= 0)
		return true;
	int nf = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		nf += f != drop_f && fac_free(gr, f, b);
	int *seats = xmalloc(sizeof(int) * ((size_t)p->n_rooms + 1));
	int nr = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (r != drop_r && room_free(gr, r, b) && problem_room_has(&p->rooms[r], p->lab_feature))
			seats[nr++] = lab_seats(p, r);
	qsort(seats, (size_t)nr, sizeof(int), cmp_int_desc);
	long total = 0;
	for (int i = 0; i < nr && i < nf; i++)
		total += seats[i];
	free(seats);
	return total >= learners;
}

/* The smallest free room in b with the feature that seats want (or else the
 * largest that seats at least least), keeping the lab rooms for last when
 * labs need a feature; -1 when none seats least. */
static int pick_room(const struct greedy *gr, int b, int feature, int least, int want)
{
	const struct problem *p = gr->p;
	int best = -1;
	long best_key = 0;
	for (int r = 0; r < p->n_rooms; r++) {
		const struct room *rm = &p->rooms[r];
		if (!room_free(gr, r, b) || !problem_room_has(rm, feature) || rm->capacity < least)
			continue;
		bool lab = p->lab_feature >= 0 && problem_room_has(rm, p->lab_feature);
		/* lower is better: non-lab rooms, then rooms that seat want (the
		 * smallest of them), then the largest of those that do not */
		long key = (lab ? 1000000L : 0) +
			   (rm->capacity >= want ? rm->capacity : 500000L - rm->capacity);
		if (best < 0 || key < best_key) {
			best = r;
			best_key = key;
		}
	}
	return best;
}

static void attend(struct greedy *gr, int l, int b, int session)
{
	*solution_attend(gr->sol, l, b) = session;
	gr->unplaced[b]--;
}

static int open_session(struct greedy *gr, enum session_kind kind, int offering, int b, int r,
			int f)
{
	struct session s = { .kind = kind, .offering = offering, .block = b, .room = r,
			     .facilitator = f };
	*fac_busy(gr, f, b) = true;
	*room_busy(gr, r, b) = true;
	gr->budget[f]--;
	return solution_add_session(gr->sol, &s);
}

/* ---- 1. seminars ------------------------------------------------------------ */

struct ranked {
	int who, key;
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->who < y->who ? -1 : x->who > y->who;
}

/* Opens one section of seminar s if it can; returns whether it did. */
static bool open_section(struct greedy *gr, int s, const int *sem, int n_sem)
{
	const struct problem *p = gr->p;
	const struct seminar *sm = &p->seminars[s];
	int nl = p->n_learners, m = sm->meetings;
	struct ranked *cand = xmalloc(sizeof(*cand) * ((size_t)nl + 1));
	int nc = 0;
	for (int l = 0; l < nl; l++) {
		if (gr->enrolled[l] >= p->config.seminars_per_learner)
			continue;
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			if (ch->seminar != s || !ch->eligible)
				continue;
			bool in_s = false;   /* already in a section of s */
			for (int j = 0; j < n_sem && !in_s; j++) {
				int si = solution_attend_at(gr->sol, l, sem[j]);
				in_s = si >= 0 && gr->sol->sessions[si].offering == s &&
				       gr->sol->sessions[si].kind == SESSION_SEMINAR;
			}
			if (!in_s)
				cand[nc++] = (struct ranked){ l, ch->rank };
		}
	}
	bool opened = false;
	int *blocks = xmalloc(sizeof(int) * ((size_t)n_sem + 1));
	struct ranked *by_free = xmalloc(sizeof(*by_free) * ((size_t)n_sem + 1));
	int *rooms = xmalloc(sizeof(int) * ((size_t)n_sem + 1));
	if (nc < sm->min_size || m > n_sem)
		goto out;
	/* the m seminar blocks where most candidates are free */
	for (int j = 0; j < n_sem; j++) {
		int free_here = 0;
		for (int i = 0; i < nc; i++)
			free_here += !p->learners[cand[i].who].unavailable[sem[j]] &&
				     solution_attend_at(gr->sol, cand[i].who, sem[j]) < 0;
		by_free[j] = (struct ranked){ sem[j], -free_here };
	}
	qsort(by_free, (size_t)n_sem, sizeof(*by_free), cmp_ranked);
	for (int j = 0; j < m; j++)
		blocks[j] = by_free[j].who;
	/* who can attend every meeting, best rank first */
	int n_ok = 0;
	for (int i = 0; i < nc; i++) {
		bool ok = true;
		for (int j = 0; j < m && ok; j++)
			ok = !p->learners[cand[i].who].unavailable[blocks[j]] &&
			     solution_attend_at(gr->sol, cand[i].who, blocks[j]) < 0;
		if (ok)
			cand[n_ok++] = cand[i];
	}
	qsort(cand, (size_t)n_ok, sizeof(*cand), cmp_ranked);
	int size = n_ok < sm->max_size ? n_ok : sm->max_size;
	if (size < sm->min_size)
		goto out;
	int f = pick_facilitator(gr, blocks, m, problem_seminar_level, s);
	if (f < 0)
		goto out;
	for (int j = 0; j < m; j++) {
		rooms[j] = pick_room(gr, blocks[j], sm->feature, sm->min_size, size);
		if (rooms[j] < 0)
			goto out;
		if (p->rooms[rooms[j]].capacity < size)
			size = p->rooms[rooms[j]].capacity;
	}
	for (int j = 0; j < m; j++)
		if (!labs_fit(gr, blocks[j], gr->unplaced[blocks[j]] - size, f, rooms[j]))
			goto out;
	int first = -1;
	for (int j = 0; j < m; j++) {
		int si = open_session(gr, SESSION_SEMINAR, s, blocks[j], rooms[j], f);
		if (first < 0)
			first = si;
		gr->sol->sessions[si].section = first;
		gr->sol->sessions[si].size = size;
		for (int i = 0; i < size; i++)
			attend(gr, cand[i].who, blocks[j], si);
	}
	for (int i = 0; i < size; i++)
		gr->enrolled[cand[i].who]++;
	opened = true;
out:
	free(rooms);
	free(by_free);
	free(blocks);
	free(cand);
	return opened;
}

static void plan_seminars(struct greedy *gr, const int *sem, int n_sem)
{
	const struct problem *p = gr->p;
	int ns = p->n_seminars;
	struct ranked *order = xmalloc(sizeof(*order) * ((size_t)ns + 1));
	for (int s = 0; s < ns; s++)
		order[s] = (struct ranked){ s, 0 };
	for (int c = 0; c < p->n_choices; c++)
		order[p->choices[c].seminar].key -= p->choices[c].eligible;
	qsort(order, (size_t)ns, sizeof(*order), cmp_ranked);
	for (int i = 0; i < ns; i++)
		for (int k = 0; k < p->seminars[order[i].who].sections; k++)
			if (!open_section(gr, order[i].who, sem, n_sem))
				break;
	free(order);
}

/* ---- 2. workshop blocks ----------------------------------------------------- */

/* Whether need q of an unplaced learner may meet in workshop block b. */
static bool open_need(const struct greedy *gr, int q, int b)
{
	const struct need *nd = &gr->p->needs[q];
	return nd->ready && gr->left[q] > 0 && gr->p->goals[nd->goal].mode == GOAL_FACILITATED &&
	       problem_block_allows(gr->p, b, nd->goal);
}

static void plan_workshop_block(struct greedy *gr, int b)
{
	const struct problem *p = gr->p;
	int nl = p->n_learners, ng = p->n_goals;
	bool *closed = xcalloc((size_t)ng + 1, sizeof(bool));
	int *count = xmalloc(sizeof(int) * ((size_t)ng + 1));
	double *weight = xmalloc(sizeof(double) * ((size_t)ng + 1));
	struct ranked *takers = xmalloc(sizeof(*takers) * ((size_t)nl + 1));
	int *taker_need = xmalloc(sizeof(int) * ((size_t)nl + 1));
	/* today[l]: l already has a workshop session or seminar meeting this day */
	bool *today = xcalloc((size_t)nl + 1, sizeof(bool));
	for (int l = 0; l < nl; l++)
		for (int k = 0; k < p->n_blocks; k++) {
			int si = solution_attend_at(gr->sol, l, k);
			today[l] |= si >= 0 && p->blocks[k].day_index == p->blocks[b].day_index &&
				    gr->sol->sessions[si].kind != SESSION_LAB;
		}
	for (;;) {
		/* the demand tally: every open need of every unplaced learner */
		for (int g = 0; g < ng; g++) {
			count[g] = 0;
			weight[g] = 0;
		}
		for (int l = 0; l < nl; l++) {
			if (p->learners[l].unavailable[b] || solution_attend_at(gr->sol, l, b) >= 0)
				continue;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
				int g = p->needs[q].goal;
				if (closed[g] || !open_need(gr, q, b))
					continue;
				count[g]++;
				weight[g] += problem_need_weight(p, &p->needs[q]) +
					     (today[l] ? 0 : p->config.w_daily);
			}
		}
		int g = -1;
		for (int h = 0; h < ng; h++)
			if (count[h] > 0 && count[h] >= p->goals[h].min_group &&
			    (g < 0 || weight[h] > weight[g]))
				g = h;
		if (g < 0)
			break;
		const struct goal *go = &p->goals[g];
		int size = count[g] < go->max_group ? count[g] : go->max_group;
		int f = pick_facilitator(gr, &b, 1, problem_goal_level, g);
		int r = f < 0 ? -1 : pick_room(gr, b, go->feature, go->min_group, size);
		if (r >= 0 && p->rooms[r].capacity < size)
			size = p->rooms[r].capacity;
		if (r < 0 || !labs_fit(gr, b, gr->unplaced[b] - size, f, r)) {
			closed[g] = true;
			continue;
		}
		/* seated: learners with nothing yet today first, most urgent first */
		int n = 0;
		for (int l = 0; l < nl; l++) {
			if (p->learners[l].unavailable[b] || solution_attend_at(gr->sol, l, b) >= 0)
				continue;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].goal == g && open_need(gr, q, b)) {
					taker_need[l] = q;
					takers[n++] = (struct ranked){ l, p->needs[q].priority +
									     (today[l] ? PRIORITY_LEVELS : 0) };
					break;
				}
		}
		qsort(takers, (size_t)n, sizeof(*takers), cmp_ranked);
		int si = open_session(gr, SESSION_WORKSHOP, g, b, r, f);
		gr->sol->sessions[si].size = size;
		for (int i = 0; i < size; i++) {
			attend(gr, takers[i].who, b, si);
			gr->left[taker_need[takers[i].who]]--;
		}
	}
	free(today);
	free(taker_need);
	free(takers);
	free(weight);
	free(count);
	free(closed);
}

/* ---- 3. labs ---------------------------------------------------------------- */

/* Seats everyone still unplaced in b in labs: the largest free lab rooms,
 * each with a free facilitator (most slack first).  Returns -1, with gr->why
 * set, when they do not fit. */
static int plan_labs(struct greedy *gr, int b)
{
	const struct problem *p = gr->p;
	int nl = p->n_learners;
	int l = 0;
	while (gr->unplaced[b] > 0) {
		int r = -1;
		for (int k = 0; k < p->n_rooms; k++)
			if (room_free(gr, k, b) && problem_room_has(&p->rooms[k], p->lab_feature) &&
			    (r < 0 || lab_seats(p, k) > lab_seats(p, r)))
				r = k;
		int f = r < 0 ? -1 : pick_facilitator(gr, &b, 1, NULL, -1);
		if (f < 0) {
			gr->why = xasprintf("block '%s': no free facilitator and room are left for a "
					    "lab for the %d learner(s) without a session\n",
					    p->blocks[b].id, gr->unplaced[b]);
			return -1;
		}
		int si = open_session(gr, SESSION_LAB, -1, b, r, f);
		int seats = lab_seats(p, r);
		for (; l < nl && seats > 0; l++) {
			if (p->learners[l].unavailable[b] || solution_attend_at(gr->sol, l, b) >= 0)
				continue;
			attend(gr, l, b, si);
			gr->sol->sessions[si].size++;
			seats--;
		}
	}
	return 0;
}

/* ---- the whole cycle -------------------------------------------------------- */

static int greedy_schedule(const struct problem *p, struct solution *sol, char **why)
{
	int nb = p->n_blocks, nf = p->n_facilitators;
	struct greedy gr = { .p = p, .sol = sol };
	gr.budget = xmalloc(sizeof(int) * ((size_t)nf + 1));
	for (int f = 0; f < nf; f++)
		gr.budget[f] = p->facilitators[f].max_sessions;
	gr.fac_busy = xcalloc((size_t)nf * nb + 1, sizeof(bool));
	gr.room_busy = xcalloc((size_t)p->n_rooms * nb + 1, sizeof(bool));
	gr.left = xmalloc(sizeof(int) * ((size_t)p->n_needs + 1));
	for (int q = 0; q < p->n_needs; q++)
		gr.left[q] = p->needs[q].sessions;
	gr.enrolled = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	gr.unplaced = xcalloc((size_t)nb + 1, sizeof(int));
	int *sem = xmalloc(sizeof(int) * ((size_t)nb + 1));
	int n_sem = 0;
	for (int b = 0; b < nb; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		for (int l = 0; l < p->n_learners; l++)
			gr.unplaced[b] += !p->learners[l].unavailable[b];
		if (p->blocks[b].kind == BLOCK_SEMINAR)
			sem[n_sem++] = b;
	}
	plan_seminars(&gr, sem, n_sem);
	int rc = 0;
	for (int j = 0; j < n_sem && rc == 0; j++)
		rc = plan_labs(&gr, sem[j]);
	for (int b = 0; b < nb && rc == 0; b++) {
		if (!problem_block_scheduled(p, b) || p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		plan_workshop_block(&gr, b);
		rc = plan_labs(&gr, b);
	}
	*why = gr.why;
	free(sem);
	free(gr.unplaced);
	free(gr.enrolled);
	free(gr.left);
	free(gr.room_busy);
	free(gr.fac_busy);
	free(gr.budget);
	return rc;
}

static void usage(FILE *out)
{
	fputs("usage: mclsched-greedy SCENARIO_DIR -o OUT_DIR\n"
	      "  Schedules the cycle by hand-scheduling rules (no optimisation) and writes\n"
	      "  the output directory as `mclsched solve` does; for make bench.\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *out_dir;
	struct problem *p;
	int rc = tool_args(argc, argv, "mclsched-greedy", usage, &out_dir, &p);
	if (rc >= 0)
		return rc;
	struct solution sol;
	solution_init(&sol, p);
	double t0 = mcl_now();
	char *why = NULL;
	int code = 0;
	if (greedy_schedule(p, &sol, &why) != 0) {
		solution_release(&sol);
		solution_init(&sol, p);
		sol.status = SOLVE_NO_SOLUTION;
		sol.diagnosis = why;
		code = 3;
	} else {
		int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
		int *sem = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
		int n_ws = 0, n_sem = 0;
		for (int b = 0; b < p->n_blocks; b++)
			if (problem_block_scheduled(p, b)) {
				if (p->blocks[b].kind == BLOCK_WORKSHOP)
					ws[n_ws++] = b;
				else
					sem[n_sem++] = b;
			}
		struct metrics m;
		metrics_compute(p, &sol, &m);
		sol.objective = m.objective;
		metrics_release(&m);
		sol.bound = bound_simple_cycle(p, ws, n_ws, sem, n_sem);
		free(sem);
		free(ws);
		solution_set_gap(&sol);
		sol.status = sol.gap <= p->config.gap ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
		sol.stopped_by = STOP_SEARCH_DONE;
	}
	sol.solve_seconds = mcl_now() - t0;
	struct run_info run = { "bench-greedy", p->config.seed, p->config.time_limit,
				p->config.gap };
	struct diag d;
	diag_init(&d);
	if (output_write(p, &sol, &run, out_dir, &d) != 0) {
		diag_print(&d, stderr);
		code = 4;
	} else if (code == 3) {
		fprintf(stderr, "mclsched-greedy: no schedule: %s", sol.diagnosis);
	} else {
		fprintf(stderr, "mclsched-greedy: objective %.1f (bound everything wanted: %.1f) "
			"in %.2f s\n", sol.objective, sol.bound, sol.solve_seconds);
	}
	diag_release(&d);
	solution_release(&sol);
	problem_free(p);
	return code;
}
