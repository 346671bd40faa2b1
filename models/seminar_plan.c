/*
 * seminar_plan.c - a seminar plan's seven arrays kept in step (see
 * seminar_plan.h): every change goes through one of these functions, and
 * seminar_plan_consistent recounts the derived arrays from the sections and
 * the learners' seats, for the tests.
 */
#include "models/seminar_plan.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

void seminar_plan_init(struct seminar_plan *pl, const struct seminar_ctx *c)
{
	memset(pl, 0, sizeof(*pl));
	size_t nl = (size_t)c->p->n_learners * (size_t)c->spl;
	pl->lsec = xmalloc(sizeof(int) * (nl + 1));
	for (size_t i = 0; i < nl; i++)
		pl->lsec[i] = -1;
	pl->sem_sections = xcalloc((size_t)c->p->n_seminars + 1, sizeof(int));
	pl->fac_meet = xcalloc((size_t)c->nf + 1, sizeof(int));
	pl->fac_busy = xmalloc(sizeof(int) * ((size_t)c->nf * (size_t)c->nb + 1));
	for (long i = 0; i < (long)c->nf * c->nb; i++)
		pl->fac_busy[i] = -1;
}

void seminar_plan_release(struct seminar_plan *pl)
{
	free(pl->sec_sp);
	free(pl->sec_fac);
	free(pl->sec_size);
	free(pl->lsec);
	free(pl->sem_sections);
	free(pl->fac_meet);
	free(pl->fac_busy);
	memset(pl, 0, sizeof(*pl));
}

void seminar_plan_copy(struct seminar_plan *dst, const struct seminar_plan *src,
		       const struct seminar_ctx *c)
{
	seminar_plan_release(dst);
	seminar_plan_init(dst, c);
	dst->n_sec = dst->alloc = src->n_sec;
	size_t n = (size_t)src->n_sec + 1;
	dst->sec_sp = xmalloc(sizeof(int) * n);
	dst->sec_fac = xmalloc(sizeof(int) * n);
	dst->sec_size = xmalloc(sizeof(int) * n);
	memcpy(dst->sec_sp, src->sec_sp, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->sec_fac, src->sec_fac, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->sec_size, src->sec_size, sizeof(int) * (size_t)src->n_sec);
	memcpy(dst->lsec, src->lsec, sizeof(int) * (size_t)c->p->n_learners * (size_t)c->spl);
	memcpy(dst->sem_sections, src->sem_sections, sizeof(int) * (size_t)c->p->n_seminars);
	memcpy(dst->fac_meet, src->fac_meet, sizeof(int) * (size_t)c->nf);
	memcpy(dst->fac_busy, src->fac_busy, sizeof(int) * (size_t)c->nf * (size_t)c->nb);
}

int seminar_plan_add_section(struct seminar_plan *pl, const struct seminar_ctx *c, int sp, int f)
{
	if (pl->n_sec + 1 > pl->alloc) {
		size_t a1 = (size_t)pl->alloc, a2 = a1, a3 = a1;
		xgrow((void **)&pl->sec_sp, &a1, (size_t)pl->n_sec + 1, sizeof(int));
		xgrow((void **)&pl->sec_fac, &a2, (size_t)pl->n_sec + 1, sizeof(int));
		xgrow((void **)&pl->sec_size, &a3, (size_t)pl->n_sec + 1, sizeof(int));
		pl->alloc = (int)a1;
	}
	int k = pl->n_sec++;
	pl->sec_sp[k] = sp;
	pl->sec_fac[k] = f;
	pl->sec_size[k] = 0;
	int pat = c->sp_pat[sp];
	pl->sem_sections[c->sp_sem[sp]]++;
	pl->fac_meet[f] += seminar_pat_len(c, pat);
	for (int i = c->pat_start[pat]; i < c->pat_start[pat + 1]; i++) {
		assert(pl->fac_busy[(long)f * c->nb + c->pat_j[i]] < 0);
		pl->fac_busy[(long)f * c->nb + c->pat_j[i]] = k;
	}
	return k;
}

bool seminar_plan_enrol(struct seminar_plan *pl, const struct seminar_ctx *c, int l, int k)
{
	for (int i = 0; i < c->spl; i++)
		if (pl->lsec[(long)l * c->spl + i] < 0) {
			pl->lsec[(long)l * c->spl + i] = k;
			pl->sec_size[k]++;
			return true;
		}
	return false;
}

void seminar_plan_unenrol(struct seminar_plan *pl, const struct seminar_ctx *c, int l, int k)
{
	for (int i = 0; i < c->spl; i++)
		if (pl->lsec[(long)l * c->spl + i] == k) {
			pl->lsec[(long)l * c->spl + i] = -1;
			pl->sec_size[k]--;
			return;
		}
}

void seminar_plan_drop_section(struct seminar_plan *pl, const struct seminar_ctx *c, int k)
{
	int nl = c->p->n_learners;
	int sp = pl->sec_sp[k], f = pl->sec_fac[k], pat = c->sp_pat[sp];
	for (long i = 0; i < (long)nl * c->spl; i++)
		if (pl->lsec[i] == k)
			pl->lsec[i] = -1;
	pl->sem_sections[c->sp_sem[sp]]--;
	pl->fac_meet[f] -= seminar_pat_len(c, pat);
	for (int i = c->pat_start[pat]; i < c->pat_start[pat + 1]; i++)
		pl->fac_busy[(long)f * c->nb + c->pat_j[i]] = -1;
	int last = --pl->n_sec;
	if (last == k)
		return;
	pl->sec_sp[k] = pl->sec_sp[last];
	pl->sec_fac[k] = pl->sec_fac[last];
	pl->sec_size[k] = pl->sec_size[last];
	for (long i = 0; i < (long)nl * c->spl; i++)
		if (pl->lsec[i] == last)
			pl->lsec[i] = k;
	for (long i = 0; i < (long)c->nf * c->nb; i++)
		if (pl->fac_busy[i] == last)
			pl->fac_busy[i] = k;
}

double seminar_plan_value(const struct seminar_plan *pl, const struct seminar_ctx *c)
{
	const struct problem *p = c->p;
	double v = 0;
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k];
		if (problem_seminar_level(p, pl->sec_fac[k], c->sp_sem[sp]) == LEVEL_GURU)
			v += p->config.w_guru * seminar_pat_len(c, c->sp_pat[sp]);
	}
	for (int l = 0; l < p->n_learners; l++) {
		unsigned long long days = 0;
		double day_w = 0;
		for (int i = 0; i < c->spl; i++) {
			int k = pl->lsec[(long)l * c->spl + i];
			if (k < 0)
				continue;
			int o = seminar_opt_of(c, l, pl->sec_sp[k]);
			assert(o >= 0);
			/* a day two seminars add is paid once */
			v += c->lo_val[o] - c->lo_dval[o];
			days |= c->lo_days[o];
			if (c->lo_days[o])
				day_w = c->lo_dval[o] / seminar_days_count(c->lo_days[o]);
			else
				v += c->lo_dval[o];
		}
		v += day_w * seminar_days_count(days);
	}
	return v;
}

/* Whether the sections alone (sec_sp, sec_fac) give sem_sections, fac_meet
 * and fac_busy. */
static bool sections_agree(const struct seminar_plan *pl, const struct seminar_ctx *c)
{
	const struct problem *p = c->p;
	bool ok = true;
	int *sections = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	int *meet = xcalloc((size_t)c->nf + 1, sizeof(int));
	int *busy = xmalloc(sizeof(int) * ((size_t)c->nf * (size_t)c->nb + 1));
	for (long i = 0; i < (long)c->nf * c->nb; i++)
		busy[i] = -1;
	for (int k = 0; k < pl->n_sec && ok; k++) {
		int sp = pl->sec_sp[k], f = pl->sec_fac[k];
		if (sp < 0 || sp >= c->n_sp || f < 0 || f >= c->nf) {
			ok = false;
			break;
		}
		int pat = c->sp_pat[sp];
		sections[c->sp_sem[sp]]++;
		meet[f] += seminar_pat_len(c, pat);
		for (int i = c->pat_start[pat]; i < c->pat_start[pat + 1]; i++) {
			long at = (long)f * c->nb + c->pat_j[i];
			ok &= busy[at] < 0;     /* two sections of f in one block */
			busy[at] = k;
		}
	}
	for (int s = 0; ok && s < p->n_seminars; s++)
		ok = sections[s] == pl->sem_sections[s];
	for (int f = 0; ok && f < c->nf; f++)
		ok = meet[f] == pl->fac_meet[f];
	for (long i = 0; ok && i < (long)c->nf * c->nb; i++)
		ok = busy[i] == pl->fac_busy[i];
	free(sections);
	free(meet);
	free(busy);
	return ok;
}

/* Whether the learners' seats (lsec) give sec_size, every seat is one of
 * the learner's options, and no learner sits in a section twice. */
static bool seats_agree(const struct seminar_plan *pl, const struct seminar_ctx *c)
{
	bool ok = true;
	int *size = xcalloc((size_t)pl->n_sec + 1, sizeof(int));
	for (int l = 0; ok && l < c->p->n_learners; l++)
		for (int i = 0; ok && i < c->spl; i++) {
			int k = pl->lsec[(long)l * c->spl + i];
			if (k < 0)
				continue;
			if (k >= pl->n_sec || seminar_opt_of(c, l, pl->sec_sp[k]) < 0) {
				ok = false;
				break;
			}
			size[k]++;
			for (int i2 = 0; i2 < i; i2++)
				ok &= pl->lsec[(long)l * c->spl + i2] != k;
		}
	for (int k = 0; ok && k < pl->n_sec; k++)
		ok = size[k] == pl->sec_size[k];
	free(size);
	return ok;
}

bool seminar_plan_consistent(const struct seminar_plan *pl, const struct seminar_ctx *c)
{
	return pl->n_sec >= 0 && pl->n_sec <= pl->alloc && sections_agree(pl, c) &&
	       seats_agree(pl, c);
}
