/*
 * seminar_realise.c - a plan made real, block by block: rooms for every
 * meeting and lab, facilitators for the labs, and the schedule out.
 *
 * The section MIP aggregates rooms (seats per block, not per section), so
 * the exact room assignment is made here per block: the largest meeting
 * into the smallest room that fits (featured meetings first), labs into
 * the largest lab rooms left until every other available learner has a
 * seat; lab facilitators by augmenting paths over the blocks, since each
 * facilitator's budget (max_sessions net of their meetings) couples the
 * blocks.  A block that does not fit is reported; seminar_repair drops its
 * least valuable section.
 */
#include "models/seminar_search.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

void seminar_layout_init(struct seminar_layout *lay, const struct seminar_ctx *c)
{
	memset(lay, 0, sizeof(*lay));
	lay->n_lab = xcalloc((size_t)c->nb + 1, sizeof(int));
	lay->lab_room = xmalloc(sizeof(int) * ((size_t)c->nb * (size_t)c->nr + 1));
	lay->lab_fac = xmalloc(sizeof(int) * ((size_t)c->nb * (size_t)c->nr + 1));
	lay->used = xcalloc((size_t)c->nr + 1, sizeof(bool));
	lay->fassign = xcalloc((size_t)c->nf * (size_t)c->nb + 1, 1);
	lay->fload = xcalloc((size_t)c->nf + 1, sizeof(int));
	lay->fvisit = xcalloc((size_t)c->nf + 1, 1);
}

void seminar_layout_release(struct seminar_layout *lay)
{
	free(lay->sec_room);
	free(lay->n_lab);
	free(lay->lab_room);
	free(lay->lab_fac);
	free(lay->used);
	free(lay->order);
	free(lay->rooms);
	free(lay->fassign);
	free(lay->fload);
	free(lay->fvisit);
}

static const struct seminar_ctx *meet_ctx;
static const struct seminar_plan *meet_plan;

/* Featured meetings first, then larger first. */
static int cmp_meeting(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	const struct problem *p = meet_ctx->p;
	int fx = p->seminars[meet_ctx->sp_sem[meet_plan->sec_sp[x]]].feature >= 0;
	int fy = p->seminars[meet_ctx->sp_sem[meet_plan->sec_sp[y]]].feature >= 0;
	if (fx != fy)
		return fy - fx;
	if (meet_plan->sec_size[x] != meet_plan->sec_size[y])
		return meet_plan->sec_size[y] - meet_plan->sec_size[x];
	return x - y;
}

static const int *room_labcap;

static int cmp_labcap_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	if (room_labcap[x] != room_labcap[y])
		return room_labcap[y] - room_labcap[x];
	return x - y;
}

/* Assigns rooms in block j; returns false when a meeting or the lab finds
 * no room.  Lab rooms go to lay->lab_room, their count to n_lab[j]. */
static bool rooms_of_block(const struct seminar_ctx *c, const struct seminar_plan *pl,
			   struct seminar_layout *lay, int j)
{
	const struct problem *p = c->p;
	int b = c->in->blocks[j], nm = 0;
	memset(lay->used, 0, sizeof(bool) * (size_t)c->nr);
	int seated = 0;
	for (int k = 0; k < pl->n_sec; k++)
		if (seminar_pat_has(c, c->sp_pat[pl->sec_sp[k]], j)) {
			lay->order[nm++] = k;
			seated += pl->sec_size[k];
		}
	meet_ctx = c;
	meet_plan = pl;
	qsort(lay->order, (size_t)nm, sizeof(int), cmp_meeting);
	for (int i = 0; i < nm; i++) {
		int k = lay->order[i];
		int feat = p->seminars[c->sp_sem[pl->sec_sp[k]]].feature, best = -1;
		for (int r = 0; r < c->nr; r++) {
			const struct room *rm = &p->rooms[r];
			if (lay->used[r] || rm->unavailable[b] || rm->capacity < pl->sec_size[k] ||
			    !problem_room_has(rm, feat))
				continue;
			if (best < 0 || rm->capacity < p->rooms[best].capacity ||
			    (rm->capacity == p->rooms[best].capacity &&
			     (c->labcap[r] < c->labcap[best] ||
			      (c->labcap[r] == c->labcap[best] &&
			       rm->n_features < p->rooms[best].n_features))))
				best = r;
		}
		if (best < 0)
			return false;
		lay->used[best] = true;
		lay->sec_room[(long)k * c->nb + j] = best;
	}
	int need = c->avail_cnt[j] - seated, n = 0;
	for (int r = 0; r < c->nr; r++)
		if (!lay->used[r] && !p->rooms[r].unavailable[b] && c->labcap[r] > 0)
			lay->rooms[n++] = r;
	room_labcap = c->labcap;
	qsort(lay->rooms, (size_t)n, sizeof(int), cmp_labcap_desc);
	int k = 0, seats = 0;
	while (seats < need && k < n) {
		lay->lab_room[(long)j * c->nr + k] = lay->rooms[k];
		seats += c->labcap[lay->rooms[k]];
		k++;
	}
	lay->n_lab[j] = k;
	return seats >= need;
}

/* Whether facilitator f can lead a lab in block j under the plan. */
static bool lab_free(const struct seminar_ctx *c, const struct seminar_plan *pl, int f, int j)
{
	return !c->p->facilitators[f].unavailable[c->in->blocks[j]] &&
	       pl->fac_busy[(long)f * c->nb + j] < 0;
}

/* One more lab facilitator for block j by an augmenting path. */
static bool augment(const struct seminar_ctx *c, const struct seminar_plan *pl,
		    struct seminar_layout *lay, int j)
{
	int nb = c->nb;
	for (int f = 0; f < c->nf; f++) {
		if (lay->fvisit[f] || lay->fassign[(long)f * nb + j] || !lab_free(c, pl, f, j))
			continue;
		lay->fvisit[f] = 1;
		if (lay->fload[f] < c->budget[f] - pl->fac_meet[f]) {
			lay->fassign[(long)f * nb + j] = 1;
			lay->fload[f]++;
			return true;
		}
		for (int j2 = 0; j2 < nb; j2++) {
			if (j2 == j || !lay->fassign[(long)f * nb + j2])
				continue;
			if (augment(c, pl, lay, j2)) {
				lay->fassign[(long)f * nb + j2] = 0;
				lay->fassign[(long)f * nb + j] = 1;
				return true;
			}
		}
	}
	return false;
}

int seminar_realise(const struct seminar_ctx *c, const struct seminar_plan *pl,
		    struct seminar_layout *lay)
{
	int nb = c->nb;
	if (pl->n_sec > lay->alloc_sec || !lay->order) {
		lay->alloc_sec = pl->n_sec + 16;
		free(lay->sec_room);
		free(lay->order);
		free(lay->rooms);
		lay->sec_room = xmalloc(sizeof(int) * (size_t)lay->alloc_sec * (size_t)nb);
		int m = lay->alloc_sec > c->nr ? lay->alloc_sec : c->nr;
		lay->order = xmalloc(sizeof(int) * (size_t)(m + 1));
		lay->rooms = xmalloc(sizeof(int) * (size_t)(m + 1));
	}
	for (int j = 0; j < nb; j++)
		if (!rooms_of_block(c, pl, lay, j))
			return j;
	for (int f = 0; f < c->nf; f++)
		if (pl->fac_meet[f] > c->budget[f])
			return nb;
	memset(lay->fassign, 0, (size_t)c->nf * (size_t)nb);
	memset(lay->fload, 0, sizeof(int) * (size_t)c->nf);
	for (int j = 0; j < nb; j++)
		for (int u = 0; u < lay->n_lab[j]; u++) {
			memset(lay->fvisit, 0, (size_t)c->nf);
			if (!augment(c, pl, lay, j))
				return nb;
		}
	for (int j = 0; j < nb; j++) {
		int u = 0;
		for (int f = 0; f < c->nf; f++)
			if (lay->fassign[(long)f * nb + j])
				lay->lab_fac[(long)j * c->nr + u++] = f;
		assert(u == lay->n_lab[j]);
	}
	return -1;
}

void seminar_write_plan(const struct seminar_ctx *c, const struct seminar_plan *pl,
			const struct seminar_layout *lay, struct solution *sol)
{
	const struct problem *p = c->p;
	int nb = c->nb, nl = p->n_learners;
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k], section = -1;
		for (int j = 0; j < nb; j++) {
			if (!seminar_pat_has(c, c->sp_pat[sp], j))
				continue;
			struct session s = {
				.kind = SESSION_SEMINAR, .offering = c->sp_sem[sp],
				.block = c->in->blocks[j], .room = lay->sec_room[(long)k * nb + j],
				.facilitator = pl->sec_fac[k],
			};
			int si = solution_add_session(sol, &s);
			if (section < 0)
				section = si;
			sol->sessions[si].section = section;
			for (int l = 0; l < nl; l++)
				for (int i = 0; i < c->spl; i++)
					if (pl->lsec[(long)l * c->spl + i] == k)
						*solution_attend(sol, l, s.block) = si;
		}
	}
	int *load = xcalloc((size_t)c->nr + 1, sizeof(int));
	int *sid = xcalloc((size_t)c->nr + 1, sizeof(int));
	for (int j = 0; j < nb; j++) {
		int b = c->in->blocks[j], nlab = lay->n_lab[j];
		for (int u = 0; u < nlab; u++) {
			struct session s = {
				.kind = SESSION_LAB, .offering = -1, .block = b,
				.room = lay->lab_room[(long)j * c->nr + u],
				.facilitator = lay->lab_fac[(long)j * c->nr + u],
			};
			sid[u] = solution_add_session(sol, &s);
			load[u] = 0;
		}
		/* water-filling: each learner to the emptiest lab, by share */
		for (int l = 0; l < nl; l++) {
			if (!c->avail[(long)l * nb + j] || *solution_attend(sol, l, b) >= 0)
				continue;
			int best = -1;
			double best_share = 2;
			for (int u = 0; u < nlab; u++) {
				int cap = c->labcap[lay->lab_room[(long)j * c->nr + u]];
				if (load[u] >= cap)
					continue;
				double share = (double)load[u] / cap;
				if (share < best_share) {
					best_share = share;
					best = u;
				}
			}
			assert(best >= 0);
			load[best]++;
			*solution_attend(sol, l, b) = sid[best];
		}
	}
	free(load);
	free(sid);
	solution_recount(sol);
}
