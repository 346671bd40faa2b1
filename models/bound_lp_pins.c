/*
 * bound_lp_pins.c - the locks' pins in bound_lp.c's LP (its mathematics is
 * at the top of bound_lp.c): with p->pins (locks.csv, or the pins a
 * replan's view keeps) the LP bounds the locked problem, not the school
 * with the locks left out.
 *
 * For a pin P in workshop block j of group b, offering g (a goal, the lab as
 * g = lab, or none named), learners L_P, facilitator f_P, room r_P (either
 * may be absent):
 *
 *   N[g,b]   >= sum_{j in b, g pinned in j} max(1, facilitators named,
 *               rooms named)      (distinct pins of a block that name
 *                                  facilitators or rooms are distinct sessions)
 *   u[g,b]   >= sum_{P of g in b} |L_P|   (learners the LP counts: a ready
 *                                          need of g, or the lab)
 *   y[f,k(g),b] >= pins of f to class k in b;  with no offering named:
 *   sum_k y[f,k,b] >= the pins naming f in b
 *   r[c(r),kind(g),b] >= pins of rooms of class c in b;  with no offering:
 *   sum_kind r[c,kind,b] >= the pins naming rooms of class c in b
 *   t[q] >= the pins of l to g (q = (l, g)), and t[q] <= min(s_q, the blocks
 *           of B_q not pinned to another offering)
 *   sum_{q facilitated} t[q] <= A_l(workshop) - the blocks pinned to a lab
 *           or to a goal without a ready need of l
 *   per-learner rows: x[q,j] = 1 for the pinned need, absent for l's other
 *           needs in j (a lab pin: N[lab,j] >= 1 by the lab row)
 *
 * and in seminar blocks: e[c] = 1 for a learner pinned to the seminar;
 * sum_c m_s e[c] <= S_l - l's lab pins there; h[f,s] >= m_s for f pinned
 * to s (a section's leader leads all its meetings); lab[f] >= f's lab pins;
 * sum_s h[f,s] + lab[f] >= f's pins; n[s] >= the facilitators pinned to s
 * (one leader a section), and >= max(1, facilitators, rooms) of its pins in
 * one block (a section meets once a block); L_j, K_j >= the labs, meetings
 * pinned in j; zl[r], zm[r] >= the labs, meetings pinned to room r.  A
 * schedule that keeps the locks has these counts (a facilitator, a room
 * and a learner are in one session a block; a learner in a session of g
 * spends the block on it, counted in t[q] when l needs g), so the LP with
 * them relaxes the locked school and bounds it (bound_lp_seminar_pins).
 * A lower bound never goes above the column's upper bound (a pin the LP
 * cannot express stays out: still a relaxation).  The learners' side (t,
 * x, the time rows, e) is set where bound_lp.c adds each learner's columns,
 * from the map bound_lp_pin_map makes.
 */
#include "models/bound_lp_build.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"

void bound_lp_pin_map(struct blp *x)
{
	const struct problem *p = x->p;
	int nj = x->n_blocks, ng = p->n_goals;
	x->wpos = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	bool *sem = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	for (int b = 0; b < p->n_blocks; b++)
		x->wpos[b] = -1;
	for (int j = 0; j < nj; j++)
		x->wpos[x->blocks[j]] = j;
	for (int j = 0; j < x->n_sem; j++)
		sem[x->sem_blocks[j]] = true;
	x->lpin = xmalloc(sizeof(int) * ((size_t)p->n_learners * (size_t)nj + 1));
	for (long i = 0; i < (long)p->n_learners * nj; i++)
		x->lpin[i] = PIN_NONE;
	x->sem_pinned = xcalloc((size_t)p->n_choices + 1, 1);
	x->sem_lab = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		int j = x->wpos[pn->block];
		int v = pn->kind == LOCK_GOAL ? pn->offering : pn->kind == LOCK_LAB ? ng : PIN_ANY;
		for (int i = 0; i < pn->n_learners; i++) {
			int l = pn->learners[i];
			if (j >= 0) {
				x->lpin[(long)l * nj + j] = v;
			} else if (sem[pn->block] && pn->kind == LOCK_SEMINAR) {
				int c = objective_choice_of(p, l, pn->offering);
				if (c >= 0)
					x->sem_pinned[c] = 1;
			} else if (sem[pn->block] && pn->kind == LOCK_LAB) {
				x->sem_lab[l]++;
			}
		}
	}
	free(sem);
}

bool bound_lp_ready_need(const struct problem *p, int l, int g)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].goal == g && p->needs[q].ready)
			return true;
	return false;
}

void bound_lp_workshop_pins(struct blp *x)
{
	const struct problem *p = x->p;
	int ng = p->n_goals, nb = x->nb, nf = p->n_facilitators, nj = x->n_blocks;
	size_t gj = (size_t)(ng + 1) * (size_t)nj, fb = (size_t)nf * (size_t)nb;
	size_t cb = (size_t)x->n_classes * (size_t)nb;
	/* per offering and block: pinned at all, by facilitator, by room */
	int *c1 = xcalloc(gj + 1, sizeof(int)), *cf = xcalloc(gj + 1, sizeof(int));
	int *cr = xcalloc(gj + 1, sizeof(int));
	double *ulo = xcalloc(x->gb + 1, sizeof(double));
	double *ylo = xcalloc(fb * (size_t)x->n_staff + 1, sizeof(double));
	double *rlo = xcalloc(2 * cb + 1, sizeof(double));
	int *ftot = xcalloc(fb + 1, sizeof(int)), *fany = xcalloc(fb + 1, sizeof(int));
	int *rtot = xcalloc(cb + 1, sizeof(int)), *rany = xcalloc(cb + 1, sizeof(int));
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		int j = x->wpos[pn->block];
		if (j < 0)
			continue;
		int b = x->grp[j];
		int g = pn->kind == LOCK_GOAL ? pn->offering : pn->kind == LOCK_LAB ? ng : -1;
		if (g >= 0) {
			size_t i = (size_t)g * nj + j;
			c1[i] = 1;
			cf[i] += pn->facilitator >= 0;
			cr[i] += pn->room >= 0;
			for (int a = 0; a < pn->n_learners; a++)   /* seats the LP counts */
				ulo[(size_t)g * nb + b] += g == ng || bound_lp_ready_need(p, pn->learners[a], g);
		}
		if (pn->facilitator >= 0) {
			size_t i = (size_t)pn->facilitator * nb + b;
			ftot[i]++;
			if (g >= 0)
				ylo[((size_t)pn->facilitator * x->n_staff +
				     (g == ng ? x->lab_staff : x->staff[g])) * nb + b] += 1;
			else
				fany[i]++;
		}
		if (pn->room >= 0) {
			size_t i = (size_t)x->room_class[pn->room] * nb + b;
			rtot[i]++;
			if (g >= 0)
				rlo[(size_t)(x->room_class[pn->room] * 2 + (g == ng)) * nb + b] += 1;
			else
				rany[i]++;
		}
	}
	/* sessions: one per pinned offering and block, one per facilitator
	 * or room named (distinct pins of a block have distinct ones) */
	for (int g = 0; g <= ng; g++)
		for (int j = 0; j < nj; j++) {
			size_t i = (size_t)g * nj + j, n = (size_t)g * nb + x->grp[j];
			int m = c1[i] > cf[i] ? c1[i] : cf[i];
			m = m > cr[i] ? m : cr[i];
			if (m && x->colN[n])
				lp_raise_col_lb(x->P, x->colN[n], glp_get_col_lb(x->P, x->colN[n]) + m);
		}
	for (size_t i = 0; i < x->gb; i++)
		if (ulo[i] > 0 && x->colU[i])
			lp_raise_col_lb(x->P, x->colU[i], ulo[i]);
	for (size_t i = 0; i < fb * (size_t)x->n_staff; i++)
		if (ylo[i] > 0 && x->colY[i])
			lp_raise_col_lb(x->P, x->colY[i], ylo[i]);
	for (size_t i = 0; i < 2 * cb; i++)
		if (rlo[i] > 0 && x->colR[i])
			lp_raise_col_lb(x->P, x->colR[i], rlo[i]);
	/* a pin naming no offering: f leads, room r holds, some session */
	for (size_t i = 0; i < fb; i++) {
		if (!fany[i])
			continue;
		int row = lp_add_row(x->P, GLP_LO, ftot[i], 0);
		for (int k = 0; k < x->n_staff; k++)
			if (x->colY[(i / nb * x->n_staff + k) * nb + i % nb])
				triplets_add(&x->t, row, x->colY[(i / nb * x->n_staff + k) * nb + i % nb],
					     1);
	}
	for (size_t i = 0; i < cb; i++) {
		if (!rany[i])
			continue;
		int row = lp_add_row(x->P, GLP_LO, rtot[i], 0);
		for (int kd = 0; kd < 2; kd++)
			if (x->colR[(i / nb * 2 + kd) * nb + i % nb])
				triplets_add(&x->t, row, x->colR[(i / nb * 2 + kd) * nb + i % nb], 1);
	}
	free(c1);
	free(cf);
	free(cr);
	free(ulo);
	free(ylo);
	free(rlo);
	free(ftot);
	free(fany);
	free(rtot);
	free(rany);
}

/* Adds m to column j's lower bound (within its upper bound). */
static void add_lb(glp_prob *P, int j, double m)
{
	if (j && m > 0)
		lp_raise_col_lb(P, j, glp_get_col_lb(P, j) + m);
}

void bound_lp_seminar_pins(glp_prob *P, struct triplets *t, const struct problem *p,
			   const int *sem_blocks, int n_sem, struct sem_part *sp)
{
	int ns = p->n_seminars, nf = p->n_facilitators, nr = p->n_rooms;
	int *pos = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int b = 0; b < p->n_blocks; b++)
		pos[b] = -1;
	for (int j = 0; j < n_sem; j++)
		pos[sem_blocks[j]] = j;
	/* per seminar (slot ns: the lab) and block: pinned, by facilitator,
	 * by room; per seminar the facilitators named for it */
	size_t sj = (size_t)(ns + 1) * (size_t)n_sem;
	int *c1 = xcalloc(sj + 1, sizeof(int)), *cf = xcalloc(sj + 1, sizeof(int));
	int *cr = xcalloc(sj + 1, sizeof(int));
	char *led = xcalloc((size_t)nf * (size_t)(ns + 1) + 1, 1);
	int *ftot = xcalloc((size_t)nf + 1, sizeof(int)), *rtot = xcalloc((size_t)nr + 1, sizeof(int));
	int *flab = xcalloc((size_t)nf + 1, sizeof(int));
	int *rlab = xcalloc((size_t)nr + 1, sizeof(int)), *rmeet = xcalloc((size_t)nr + 1, sizeof(int));
	for (int k = 0; k < p->n_pins; k++) {
		const struct lock_pin *pn = &p->pins[k];
		int j = pos[pn->block];
		if (j < 0)
			continue;
		int s = pn->kind == LOCK_SEMINAR ? pn->offering : pn->kind == LOCK_LAB ? ns : -1;
		if (s >= 0) {
			size_t i = (size_t)s * n_sem + j;
			c1[i] = 1;
			cf[i] += pn->facilitator >= 0;
			cr[i] += pn->room >= 0;
		}
		if (pn->facilitator >= 0) {
			ftot[pn->facilitator]++;
			if (s == ns)
				flab[pn->facilitator]++;
			else if (s >= 0)
				led[(size_t)pn->facilitator * (ns + 1) + s] = 1;
		}
		if (pn->room >= 0) {
			rtot[pn->room]++;
			rlab[pn->room] += s == ns;
			rmeet[pn->room] += s >= 0 && s < ns;
		}
	}
	for (int s = 0; s <= ns; s++) {
		int sections = 0;   /* a section has one facilitator at every meeting */
		for (int f = 0; f < nf && s < ns; f++)
			sections += led[(size_t)f * (ns + 1) + s];
		for (int j = 0; j < n_sem; j++) {
			size_t i = (size_t)s * n_sem + j;
			int m = c1[i] > cf[i] ? c1[i] : cf[i];
			m = m > cr[i] ? m : cr[i];
			sections = m > sections ? m : sections;
			add_lb(P, s == ns ? sp->col_L[j] : sp->col_K[j], m);
		}
		if (s < ns)
			add_lb(P, sp->col_n[s], sections);
	}
	for (int f = 0; f < nf; f++) {
		for (int s = 0; s < ns; s++)
			if (led[(size_t)f * (ns + 1) + s])
				add_lb(P, sp->col_h[(size_t)f * ns + s], p->seminars[s].meetings);
		add_lb(P, sp->col_lab[f], flab[f]);
		if (!ftot[f] || !sp->row_time[f])
			continue;
		/* every pin of f is a session f leads here */
		int row = lp_add_row(P, GLP_LO, ftot[f], 0);
		triplets_add(t, row, sp->col_lab[f], 1);
		for (int s = 0; s < ns; s++)
			if (sp->col_h[(size_t)f * ns + s])
				triplets_add(t, row, sp->col_h[(size_t)f * ns + s], 1);
	}
	for (int r = 0; r < nr; r++) {
		add_lb(P, sp->col_zl[r], rlab[r]);
		add_lb(P, sp->col_zm[r], rmeet[r]);
		if (rtot[r] > rlab[r] + rmeet[r] && (sp->col_zl[r] || sp->col_zm[r])) {
			int row = lp_add_row(P, GLP_LO, rtot[r], 0);
			if (sp->col_zl[r])
				triplets_add(t, row, sp->col_zl[r], 1);
			if (sp->col_zm[r])
				triplets_add(t, row, sp->col_zm[r], 1);
		}
	}
	free(pos);
	free(c1);
	free(cf);
	free(cr);
	free(led);
	free(ftot);
	free(rtot);
	free(flab);
	free(rlab);
	free(rmeet);
	free(sp->col_n);
	free(sp->col_h);
	free(sp->col_lab);
	free(sp->col_zl);
	free(sp->col_zm);
	free(sp->col_L);
	free(sp->col_K);
	sp->col_n = sp->col_h = sp->col_lab = sp->col_zl = sp->col_zm = NULL;
	sp->col_L = sp->col_K = NULL;
}
