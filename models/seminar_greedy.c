/*
 * seminar_greedy.c - the greedy construction and the repair of a plan.
 *
 * The greedy repeatedly opens the section (sp, f) whose best free learners
 * (and guru weight) are worth most, kept only when the blocks still
 * realise (else shrunk to the next room size, or dropped and not tried
 * again).  It is the section MIP's starting incumbent, it extends the
 * MIP's plan after repair, and with noise it is the search's recreate.
 * Repair makes any plan realisable by dropping sections: out-of-bounds
 * sizes first, then the least valued section meeting in a block that does
 * not fit.
 */
#include "models/seminar_search.h"

#include <float.h>
#include <stdlib.h>

/* Whether learner l may join a section of sp under the plan. */
static bool learner_free_for(const struct seminar_ctx *c, const struct seminar_plan *pl, int l,
			     int sp)
{
	int free_slot = 0;
	for (int i = 0; i < c->spl; i++) {
		int k = pl->lsec[(long)l * c->spl + i];
		if (k < 0) {
			free_slot = 1;
			continue;
		}
		int sp2 = pl->sec_sp[k];
		if (c->sp_sem[sp2] == c->sp_sem[sp])
			return false;
		for (int j = 0; j < c->nb; j++)
			if (seminar_pat_has(c, c->sp_pat[sp2], j) && seminar_pat_has(c, c->sp_pat[sp], j))
				return false;
	}
	return free_slot;
}

/* The best free learners for a new section of sp (options, value
 * descending, those worth more than 0) into take[]; returns how many, and
 * their value in *value. */
static int best_learners(const struct seminar_ctx *c, const struct seminar_plan *pl, int sp,
			 int *take, double *value)
{
	int n = 0, cap = c->sp_cap[sp];
	*value = 0;
	for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1] && n < cap; i++) {
		int o = c->spo_opt[i], l = seminar_opt_learner(c, o);
		if (c->lo_val[o] <= 1e-9)
			break;  /* value descending: no seat left worth anything */
		if (!learner_free_for(c, pl, l, sp))
			continue;
		take[n++] = l;
		*value += c->lo_val[o];
	}
	return n;
}

/* Shrinks section k to at most size learners, dropping the least valued. */
static void shrink_section(struct seminar_plan *pl, const struct seminar_ctx *c, int k, int size)
{
	int sp = pl->sec_sp[k];
	for (int i = c->spo_start[sp + 1] - 1; i >= c->spo_start[sp] && pl->sec_size[k] > size; i--) {
		int l = seminar_opt_learner(c, c->spo_opt[i]);
		seminar_plan_unenrol(pl, c, l, k);
	}
}

/* The largest room capacity strictly below size for sp's feature. */
static int next_room_size(const struct seminar_ctx *c, int sp, int size)
{
	const struct problem *p = c->p;
	int feat = p->seminars[c->sp_sem[sp]].feature, best = 0;
	for (int r = 0; r < c->nr; r++)
		if (problem_room_has(&p->rooms[r], feat) && p->rooms[r].capacity < size &&
		    p->rooms[r].capacity > best)
			best = p->rooms[r].capacity;
	return best;
}

void seminar_greedy(const struct seminar_ctx *c, struct seminar_plan *pl,
		    struct seminar_layout *lay, double deadline, unsigned long long *rng)
{
	const struct problem *p = c->p;
	int nspf = c->spf_start[c->n_sp];
	char *tabu = xcalloc((size_t)nspf + 1, 1);
	int *take = xmalloc(sizeof(int) * (size_t)(p->n_learners + 1));
	double *spv = xmalloc(sizeof(double) * (size_t)(c->n_sp + 1));
	int *spn = xmalloc(sizeof(int) * (size_t)(c->n_sp + 1));
	while (mcl_now() < deadline) {
		for (int sp = 0; sp < c->n_sp; sp++) {
			const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
			spn[sp] = 0;
			if (pl->sem_sections[c->sp_sem[sp]] >= sm->sections)
				continue;
			spn[sp] = best_learners(c, pl, sp, take, &spv[sp]);
			if (spn[sp] < sm->min_size)
				spn[sp] = 0;
		}
		int best_i = -1;
		double best_v = 1e-9;
		for (int sp = 0; sp < c->n_sp; sp++) {
			if (!spn[sp])
				continue;
			int s = c->sp_sem[sp], m = seminar_pat_len(c, c->sp_pat[sp]);
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
				int f = c->spf_fac[i];
				if (tabu[i] || pl->fac_meet[f] + m > c->budget[f])
					continue;
				bool ok = true;
				int k = c->sp_pat[sp];
				for (int q = c->pat_start[k]; ok && q < c->pat_start[k + 1]; q++)
					ok = pl->fac_busy[(long)f * c->nb + c->pat_j[q]] < 0;
				if (!ok)
					continue;
				bool guru = problem_seminar_level(p, f, s) == LEVEL_GURU;
				double v = spv[sp] + (guru ? p->config.w_guru * m : 0);
				if (rng)
					v *= 1 + c->set->seminar_greedy_noise * seminar_unit_random(rng);
				if (v > best_v) {
					best_v = v;
					best_i = i;
				}
			}
		}
		if (best_i < 0)
			break;
		int sp = 0;
		while (c->spf_start[sp + 1] <= best_i)
			sp++;
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		double dummy;
		int n = best_learners(c, pl, sp, take, &dummy);
		int k = seminar_plan_add_section(pl, c, sp, c->spf_fac[best_i]);
		for (int i = 0; i < n; i++)
			seminar_plan_enrol(pl, c, take[i], k);
		int fail = seminar_realise(c, pl, lay);
		while (fail >= 0 && fail < c->nb) {
			int size = next_room_size(c, sp, pl->sec_size[k]);
			if (size < sm->min_size)
				break;
			shrink_section(pl, c, k, size);
			fail = seminar_realise(c, pl, lay);
		}
		if (fail >= 0) {
			seminar_plan_drop_section(pl, c, k);
			tabu[best_i] = 1;
		}
	}
	free(tabu);
	free(take);
	free(spv);
	free(spn);
}

int seminar_repair(const struct seminar_ctx *c, struct seminar_plan *pl, struct seminar_layout *lay)
{
	const struct problem *p = c->p;
	int dropped = 0, fail;
	for (int k = pl->n_sec - 1; k >= 0; k--) {
		int sp = pl->sec_sp[k];
		if (pl->sec_size[k] < p->seminars[c->sp_sem[sp]].min_size ||
		    pl->sec_size[k] > c->sp_cap[sp]) {
			seminar_plan_drop_section(pl, c, k);
			dropped++;
		}
	}
	while ((fail = seminar_realise(c, pl, lay)) >= 0) {
		int worst = -1;
		double worst_v = DBL_MAX;
		for (int k = 0; k < pl->n_sec; k++) {
			int sp = pl->sec_sp[k];
			if (fail < c->nb && !seminar_pat_has(c, c->sp_pat[sp], fail))
				continue;
			double v = problem_seminar_level(p, pl->sec_fac[k], c->sp_sem[sp]) == LEVEL_GURU
					   ? p->config.w_guru * seminar_pat_len(c, c->sp_pat[sp])
					   : 0;
			for (int l = 0; l < p->n_learners; l++)
				for (int i = 0; i < c->spl; i++)
					if (pl->lsec[(long)l * c->spl + i] == k)
						v += c->lo_val[seminar_opt_of(c, l, sp)];
			if (v < worst_v) {
				worst_v = v;
				worst = k;
			}
		}
		if (worst < 0)
			return -1;      /* nothing left to drop: labs alone do not fit */
		seminar_plan_drop_section(pl, c, worst);
		dropped++;
	}
	return dropped;
}
