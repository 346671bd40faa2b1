/*
 * seminar_section_mip.c - the section MIP: which sections run (seminar,
 * pattern, facilitator), how many learners each (seminar, pattern) seats,
 * and per block the rooms and lab supervisors, aggregated.
 *
 * Sets: blocks j; patterns P (j in P); options sp = (s, P); facilitators
 * F(sp) with expertise in s, available in every block of P, budget >= |P|;
 * rooms r with capacity cap_r, lab seats e_r = min(cap_r, lab max_group)
 * when r has the lab feature (else 0); A_j learners available in j;
 * c_sp = min(max_size_s, the largest room with s's feature open in every
 * block of P).
 *
 *   x[l,sp]  in [0,1]   l enrols in s on pattern P       (continuous; binary
 *   y[l,s]   in [0,1]   flexible l enrols in s             when spl > 1)
 *   g[sp]    >= 0       flexible learners routed to sp
 *   n[sp]    in Z+      learners enrolled in s on P
 *   z[sp,f]  in {0,1}   a section of s on P led by f
 *   v[r,j]   in {0,1}   room r holds a lab in block j
 *   m[r,j]   in [0,1]   room r holds a seminar meeting in block j
 *   u[f,j]   in [0,1]   f leads a lab in block j
 *
 *   max  sum v(l,sp) x + sum v(l,s) y + w_guru |P| sum_{f guru in s} z[sp,f]
 *   s.t. sum_sp x[l,sp] + sum_s y[l,s] <= 1           (spl = 1; else <= spl,
 *          per (l,s) <= 1 and per (l,j) over sp with j in P <= 1)
 *        sum_{sp of s} g[sp] = sum_l y[l,s]            flexible flow
 *        n[sp] = g[sp] + sum_l x[l,sp]
 *        min_s sum_f z[sp,f] <= n[sp] <= c_sp sum_f z[sp,f]
 *        x[l,sp] <= sum_f z[sp,f];  y[l,s] <= sum_{sp of s, f} z  (linking)
 *        sum_{sp of s, f} z[sp,f] <= sections_s
 *        sum_{sp: j in P} z[sp,f] + u[f,j] <= 1        one session per block
 *        sum_j u[f,j] + sum_sp |P| z[sp,f] <= budget_f
 *        sum_f u[f,j] >= sum_r v[r,j]                  every lab staffed
 *        v[r,j] + m[r,j] <= 1
 *        sum_r m[r,j] = sum_{sp: j in P, f} z[sp,f]   a room per meeting
 *        sum_{sp: j in P} n[sp] <= sum_r cap_r m[r,j]  meeting seats
 *        per feature h: the two rows above over sections of s with
 *          feature h and rooms with h (<=)
 *        sum_{sp: j in P} n[sp] + sum_r e_r v[r,j] >= A_j   lab seats
 *
 * Given integer n, z, v the learner system (x, y, g) is a bipartite
 * b-matching and the lab staffing (u) a transportation problem: both
 * totally unimodular, so they are continuous here and re-solved as an LP
 * with n fixed (stage 2, integral at a vertex).  Rooms are aggregated (seats
 * per block, not per section): the exact room assignment is made per block
 * afterwards, the largest meeting into the smallest room that fits (feature
 * first), labs into the largest lab rooms left, lab facilitators by
 * augmenting paths over the blocks (budgets couple them); a block that does
 * not fit loses its least valuable section (repair).  The model is a
 * restriction (patterns) and a relaxation (rooms) at once, so its bound is
 * no bound of the cycle.
 *
 * The MIP starts from the greedy's plan when there is one (plan_point).
 *
 * The count MIP (seminar_count_mip) is the same without learners: no x, y,
 * g, and in their place, with E_s the learners holding an option of s,
 * B_j those holding one that meets at j, A_sp those holding sp:
 *
 *   n[sp] <= A_sp;   sum_{sp of s} n[sp] <= E_s;
 *   sum_{sp: j in P} n[sp] <= B_j;   sum_sp n[sp] <= spl * (learners with options)
 *
 * n[sp] continuous here (stage 2 seats whole learners; a MIP over z and v
 * only, where GLPK's feasibility pump finds a first point in seconds),
 * each seat valued by the mean value of sp's options, at least 1 (so it
 * seats what it can, not just the labs' shortfall), and the lab-seat row
 * raised by a margin (a share of A_j; 0 on a second try).  It is what a
 * school whose labs are short needs first: sections that seat enough,
 * found in seconds where the full MIP (a binary per learner option with
 * two seminars a learner) finds none in minutes.  Stage 2 then seats
 * learners in them (seminar.c's seat: all its seats one a learner, else
 * spl a learner, else keeping or closing each section with every block's
 * seats at least need_j = A_j less the most the labs can seat beside the
 * sections, count_need); it fails where the counts hide a learner's
 * conflicts (two small seminars with the same few choosers meeting in one
 * block), and then the full MIP runs when it is small (seminar.c).
 */
#include "models/seminar_search.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/lp_build.h"

static int cmp_int_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

struct mip_cols {
	int *x;                 /* [n_opt] column of each option (flex: shared) */
	int *g, *n;             /* [n_sp] */
	int *z;                 /* [nspf] */
	int *v, *m;             /* [nr * nb], 0: none */
	int *u;                 /* [nf * nb], 0: none */
	int n_cols;
	bool agg;               /* the count MIP: no learner columns */
	double margin;          /* its seats beyond the learners, a share */
};

static void mip_cols_release(struct mip_cols *mc)
{
	free(mc->x);
	free(mc->g);
	free(mc->n);
	free(mc->z);
	free(mc->v);
	free(mc->m);
	free(mc->u);
}

/* The columns x, g, n, z, v, m, u, in this order. */
static void add_columns(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc)
{
	const struct problem *p = c->p;
	int nb = c->nb, nl = p->n_learners, nr = c->nr, nf = c->nf;
	int n_opt = c->lo_start[nl], nspf = c->spf_start[c->n_sp];
	bool binary_x = c->spl > 1;
	glp_set_obj_dir(P, GLP_MAX);
	mc->x = xcalloc((size_t)n_opt + 1, sizeof(int));
	mc->g = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	mc->n = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	mc->z = xcalloc((size_t)nspf + 1, sizeof(int));
	mc->v = xcalloc((size_t)nr * (size_t)nb + 1, sizeof(int));
	mc->m = xcalloc((size_t)nr * (size_t)nb + 1, sizeof(int));
	mc->u = xcalloc((size_t)nf * (size_t)nb + 1, sizeof(int));

	/* columns */
	for (int l = 0; l < nl && !mc->agg; l++)
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			if (c->lo_flex[o] && o > c->lo_start[l] && c->lo_flex[o - 1] &&
			    c->sp_sem[c->lo_sp[o - 1]] == c->sp_sem[c->lo_sp[o]]) {
				mc->x[o] = mc->x[o - 1];
				continue;
			}
			mc->x[o] = lp_add_col(P, binary_x ? GLP_BV : GLP_CV, 0, 1, c->lo_val[o]);
		}
	for (int sp = 0; sp < c->n_sp; sp++) {
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		double hi = (double)sm->sections * c->sp_cap[sp], mean = 0;
		int held = c->spo_start[sp + 1] - c->spo_start[sp];
		if (mc->agg) {
			for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1]; i++)
				mean += c->lo_val[c->spo_opt[i]] / held;
			hi = held < hi ? held : hi;
		} else {
			mc->g[sp] = lp_add_col(P, GLP_CV, 0, DBL_MAX, 0);
		}
		/* the count MIP: every seat worth something, so that it seats
		 * more than the labs' shortfall where it can (stage 2 may need
		 * the slack) */
		mc->n[sp] = lp_add_col(P, mc->agg ? GLP_CV : GLP_IV, 0, hi,
				       mc->agg && mean < 1 ? 1 : mean);
		int m = seminar_pat_len(c, c->sp_pat[sp]);
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
			bool guru = problem_seminar_level(p, c->spf_fac[i], c->sp_sem[sp]) == LEVEL_GURU;
			mc->z[i] = lp_add_col(P, GLP_BV, 0, 1, guru ? p->config.w_guru * m : 0);
		}
	}
	for (int j = 0; j < nb; j++) {
		int b = c->in->blocks[j];
		for (int r = 0; r < nr; r++) {
			if (p->rooms[r].unavailable[b])
				continue;
			if (c->labcap[r] > 0)
				mc->v[r * nb + j] = lp_add_col(P, GLP_BV, 0, 1, 0);
			mc->m[r * nb + j] = lp_add_col(P, GLP_CV, 0, 1, 0);
		}
		for (int f = 0; f < nf; f++)
			if (!p->facilitators[f].unavailable[b])
				mc->u[f * nb + j] = lp_add_col(P, GLP_CV, 0, 1, 0);
	}
	mc->n_cols = glp_get_num_cols(P);
}

/* The count MIP's learner rows (file comment): per seminar, per block and
 * over all, the seats against the learners who hold such options. */
static void add_learner_counts(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc,
			       struct triplets *t)
{
	const struct problem *p = c->p;
	int nb = c->nb, ns = p->n_seminars, with = 0;
	int *e = xcalloc((size_t)ns + 1, sizeof(int)), *bj = xcalloc((size_t)nb + 1, sizeof(int));
	bool *seen = xmalloc(sizeof(bool) * (size_t)(ns + nb + 1));
	for (int l = 0; l < p->n_learners; l++) {
		memset(seen, 0, sizeof(bool) * (size_t)(ns + nb + 1));
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			int sp = c->lo_sp[o];
			seen[c->sp_sem[sp]] = true;
			for (int j = 0; j < nb; j++)
				seen[ns + j] |= seminar_pat_has(c, c->sp_pat[sp], j);
		}
		for (int s = 0; s < ns; s++)
			e[s] += seen[s];
		for (int j = 0; j < nb; j++)
			bj[j] += seen[ns + j];
		with += c->lo_start[l + 1] > c->lo_start[l];
	}
	int all = lp_add_row(P, GLP_UP, 0, (double)c->spl * with);
	for (int s = 0; s < ns; s++) {
		if (c->sem_sp[s] == c->sem_sp[s + 1])
			continue;
		int row = lp_add_row(P, GLP_UP, 0, e[s]);
		for (int sp = c->sem_sp[s]; sp < c->sem_sp[s + 1]; sp++) {
			triplets_add(t, row, mc->n[sp], 1);
			triplets_add(t, all, mc->n[sp], 1);
		}
	}
	for (int j = 0; j < nb; j++) {
		int row = lp_add_row(P, GLP_UP, 0, bj[j]);
		for (int sp = 0; sp < c->n_sp; sp++)
			if (seminar_pat_has(c, c->sp_pat[sp], j))
				triplets_add(t, row, mc->n[sp], 1);
	}
	free(e);
	free(bj);
	free(seen);
}

/* Per learner: at most spl seats; above one, one section a seminar and
 * one meeting a block. */
static void add_learner_rows(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc,
			     struct triplets *t)
{
	int nb = c->nb, nl = c->p->n_learners;
	if (mc->agg) {
		add_learner_counts(c, P, mc, t);
		return;
	}
	for (int l = 0; l < nl; l++) {
		if (c->lo_start[l] == c->lo_start[l + 1])
			continue;
		int row = lp_add_row(P, GLP_UP, 0, c->spl);
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
			if (o == c->lo_start[l] || mc->x[o] != mc->x[o - 1])
				triplets_add(t, row, mc->x[o], 1);
		if (c->spl == 1)
			continue;
		/* one section per seminar, none overlapping */
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1];) {
			int s = c->sp_sem[c->lo_sp[o]], o2 = o;
			int r2 = lp_add_row(P, GLP_UP, 0, 1);
			while (o2 < c->lo_start[l + 1] && c->sp_sem[c->lo_sp[o2]] == s)
				triplets_add(t, r2, mc->x[o2++], 1);
			o = o2;
		}
		for (int j = 0; j < nb; j++) {
			int cnt = 0;
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				cnt += seminar_pat_has(c, c->sp_pat[c->lo_sp[o]], j);
			if (cnt < 2)
				continue;
			int r3 = lp_add_row(P, GLP_UP, 0, 1);
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				if (seminar_pat_has(c, c->sp_pat[c->lo_sp[o]], j))
					triplets_add(t, r3, mc->x[o], 1);
		}
	}
}

/* The flexible flow, sections per seminar, linking, and per sp the
 * enrolment count and its size bounds. */
static void add_section_rows(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc,
			     struct triplets *t)
{
	const struct problem *p = c->p;
	int nl = p->n_learners;
	/* flexible flow per seminar; enrolment counts, sizes, linking */
	int *flex_row = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	for (int s = 0; s < p->n_seminars; s++) {
		if (c->sem_sp[s] == c->sem_sp[s + 1])
			continue;
		if (!mc->agg) {
			flex_row[s] = lp_add_row(P, GLP_FX, 0, 0);
			for (int sp = c->sem_sp[s]; sp < c->sem_sp[s + 1]; sp++)
				triplets_add(t, flex_row[s], mc->g[sp], 1);
		}
		int sec_row = lp_add_row(P, GLP_UP, 0, p->seminars[s].sections);
		for (int i = c->spf_start[c->sem_sp[s]]; i < c->spf_start[c->sem_sp[s + 1]]; i++)
			triplets_add(t, sec_row, mc->z[i], 1);
	}
	for (int l = 0; l < nl && !mc->agg; l++)
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			int sp = c->lo_sp[o], s = c->sp_sem[sp];
			bool first_flex = c->lo_flex[o] &&
					  (o == c->lo_start[l] || mc->x[o] != mc->x[o - 1]);
			if (c->lo_flex[o] && !first_flex)
				continue;
			int link = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			triplets_add(t, link, mc->x[o], 1);
			if (first_flex) {
				triplets_add(t, flex_row[s], mc->x[o], -1);
				int z0 = c->spf_start[c->sem_sp[s]], z1 = c->spf_start[c->sem_sp[s + 1]];
				for (int i = z0; i < z1; i++)
					triplets_add(t, link, mc->z[i], -1);
			} else {
				for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
					triplets_add(t, link, mc->z[i], -1);
			}
		}
	for (int sp = 0; sp < c->n_sp; sp++) {
		const struct seminar *sm = &p->seminars[c->sp_sem[sp]];
		if (!mc->agg) {
			int cnt = lp_add_row(P, GLP_FX, 0, 0);
			triplets_add(t, cnt, mc->n[sp], 1);
			triplets_add(t, cnt, mc->g[sp], -1);
			for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1]; i++) {
				int o = c->spo_opt[i];
				if (!c->lo_flex[o])
					triplets_add(t, cnt, mc->x[o], -1);
			}
		}
		int lo = lp_add_row(P, GLP_LO, 0, 0), hi = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
		triplets_add(t, lo, mc->n[sp], 1);
		triplets_add(t, hi, mc->n[sp], 1);
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++) {
			triplets_add(t, lo, mc->z[i], -sm->min_size);
			triplets_add(t, hi, mc->z[i], -c->sp_cap[sp]);
		}
	}
	free(flex_row);
}

/* Per facilitator: the budget, and one session a block. */
static void add_facilitator_rows(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc,
				 struct triplets *t)
{
	int nb = c->nb, nf = c->nf;
	for (int f = 0; f < nf; f++) {
		int brow = lp_add_row(P, GLP_UP, -DBL_MAX, c->budget[f]);
		for (int j = 0; j < nb; j++)
			if (mc->u[f * nb + j]) {
				triplets_add(t, brow, mc->u[f * nb + j], 1);
				int one = lp_add_row(P, GLP_UP, -DBL_MAX, 1);
				triplets_add(t, one, mc->u[f * nb + j], 1);
				for (int sp = 0; sp < c->n_sp; sp++) {
					if (!seminar_pat_has(c, c->sp_pat[sp], j))
						continue;
					for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
						if (c->spf_fac[i] == f)
							triplets_add(t, one, mc->z[i], 1);
				}
			}
		for (int sp = 0; sp < c->n_sp; sp++)
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
				if (c->spf_fac[i] == f)
					triplets_add(t, brow, mc->z[i], seminar_pat_len(c, c->sp_pat[sp]));
	}
}

/* Per block: lab staffing, a room per meeting, meeting seats, lab seats,
 * and the rooms and seats of each room feature. */
static void add_block_rows(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc,
			   struct triplets *t)
{
	const struct problem *p = c->p;
	int nb = c->nb, nr = c->nr, nf = c->nf;
	int *feats = xmalloc(sizeof(int) * (size_t)(p->n_seminars + 1));
	int n_feats = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		int h = p->seminars[s].feature, seen = 0;
		for (int i = 0; i < n_feats; i++)
			seen |= feats[i] == h;
		if (h >= 0 && !seen)
			feats[n_feats++] = h;
	}
	for (int j = 0; j < nb; j++) {
		int staff = lp_add_row(P, GLP_LO, 0, 0);
		for (int f = 0; f < nf; f++)
			if (mc->u[f * nb + j])
				triplets_add(t, staff, mc->u[f * nb + j], 1);
		int rooms = lp_add_row(P, GLP_FX, 0, 0);
		int seats = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
		int labs = lp_add_row(P, GLP_LO, c->avail_cnt[j] + ceil(mc->margin * c->avail_cnt[j]), 0);
		for (int r = 0; r < nr; r++) {
			if (mc->v[r * nb + j]) {
				triplets_add(t, staff, mc->v[r * nb + j], -1);
				triplets_add(t, labs, mc->v[r * nb + j], c->labcap[r]);
			}
			if (!mc->m[r * nb + j])
				continue;
			if (mc->v[r * nb + j]) {
				int one = lp_add_row(P, GLP_UP, -DBL_MAX, 1);
				triplets_add(t, one, mc->v[r * nb + j], 1);
				triplets_add(t, one, mc->m[r * nb + j], 1);
			}
			triplets_add(t, rooms, mc->m[r * nb + j], 1);
			triplets_add(t, seats, mc->m[r * nb + j], -p->rooms[r].capacity);
		}
		for (int sp = 0; sp < c->n_sp; sp++) {
			if (!seminar_pat_has(c, c->sp_pat[sp], j))
				continue;
			triplets_add(t, seats, mc->n[sp], 1);
			triplets_add(t, labs, mc->n[sp], 1);
			for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
				triplets_add(t, rooms, mc->z[i], -1);
		}
		for (int h = 0; h < n_feats; h++) {
			int fr = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			int fs = lp_add_row(P, GLP_UP, -DBL_MAX, 0);
			for (int r = 0; r < nr; r++)
				if (mc->m[r * nb + j] && problem_room_has(&p->rooms[r], feats[h])) {
					triplets_add(t, fr, mc->m[r * nb + j], -1);
					triplets_add(t, fs, mc->m[r * nb + j], -p->rooms[r].capacity);
				}
			for (int sp = 0; sp < c->n_sp; sp++) {
				if (!seminar_pat_has(c, c->sp_pat[sp], j) ||
				    p->seminars[c->sp_sem[sp]].feature != feats[h])
					continue;
				triplets_add(t, fs, mc->n[sp], 1);
				for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
					triplets_add(t, fr, mc->z[i], 1);
			}
		}
	}
	free(feats);
}

/* Builds the MIP of the file comment into P. */
static void build_mip(const struct seminar_ctx *c, glp_prob *P, struct mip_cols *mc)
{
	struct triplets t = { 0 };
	add_columns(c, P, mc);
	add_learner_rows(c, P, mc, &t);
	add_section_rows(c, P, mc, &t);
	add_facilitator_rows(c, P, mc, &t);
	add_block_rows(c, P, mc, &t);
	triplets_load(&t, P);
}

/* The MIP point of a realised plan (1-based, for glp_ios_heur_sol). */
static double *plan_point(const struct seminar_ctx *c, const struct seminar_plan *pl,
			  const struct seminar_layout *lay, const struct mip_cols *mc)
{
	const struct problem *p = c->p;
	int nb = c->nb;
	double *x = xcalloc((size_t)mc->n_cols + 1, sizeof(double));
	for (int k = 0; k < pl->n_sec; k++) {
		int sp = pl->sec_sp[k];
		x[mc->n[sp]] += pl->sec_size[k];
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
			if (c->spf_fac[i] == pl->sec_fac[k])
				x[mc->z[i]] = 1;
		for (int j = 0; j < nb; j++)
			if (seminar_pat_has(c, c->sp_pat[sp], j))
				x[mc->m[lay->sec_room[(long)k * nb + j] * nb + j]] = 1;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int i = 0; i < c->spl; i++) {
			int k = pl->lsec[(long)l * c->spl + i];
			if (k < 0)
				continue;
			int o = seminar_opt_of(c, l, pl->sec_sp[k]);
			x[mc->x[o]] = 1;
			if (c->lo_flex[o])
				x[mc->g[pl->sec_sp[k]]] += 1;
		}
	for (int j = 0; j < nb; j++)
		for (int u = 0; u < lay->n_lab[j]; u++) {
			x[mc->v[lay->lab_room[(long)j * c->nr + u] * nb + j]] = 1;
			x[mc->u[lay->lab_fac[(long)j * c->nr + u] * nb + j]] = 1;
		}
	return x;
}

void seminar_sections_release(struct seminar_sections *sc)
{
	free(sc->o_sp);
	free(sc->n_sp);
	free(sc->z_fac);
	free(sc->need);
	sc->o_sp = sc->n_sp = sc->z_fac = sc->need = NULL;
}

/* Whether seminar s can meet at block position j only in lab rooms. */
static bool meets_in_labs(const struct seminar_ctx *c, int s, int j)
{
	const struct problem *p = c->p;
	int b = c->in->blocks[j];
	for (int r = 0; r < c->nr; r++)
		if (!p->rooms[r].unavailable[b] && c->labcap[r] == 0 &&
		    problem_room_has(&p->rooms[r], p->seminars[s].feature))
			return false;
	return true;
}

/* Per block, the seats the count MIP's sections must take: the learners
 * there less the most the labs can seat beside those sections (the lab
 * rooms their meetings leave, the facilitators they leave, largest rooms
 * first).  The MIP's own labs can be fewer than that: seating against
 * them asked stage 2 for more than it could give (zoo c1500 s2). */
static int *count_need(const struct seminar_ctx *c, const struct seminar_sections *sc)
{
	const struct problem *p = c->p;
	int *need = xcalloc((size_t)c->nb + 1, sizeof(int));
	int *cap = xmalloc(sizeof(int) * (size_t)(c->nr + 1));
	for (int j = 0; j < c->nb; j++) {
		int b = c->in->blocks[j], sec = 0, in_labs = 0, n = 0, nfac = 0;
		for (int sp = 0; sp < c->n_sp; sp++)
			if (sc->o_sp[sp] > 0 && seminar_pat_has(c, c->sp_pat[sp], j)) {
				sec += sc->o_sp[sp];
				in_labs += meets_in_labs(c, c->sp_sem[sp], j) ? sc->o_sp[sp] : 0;
			}
		for (int f = 0; f < c->nf; f++)
			nfac += !p->facilitators[f].unavailable[b] && c->budget[f] > 0;
		for (int r = 0; r < c->nr; r++)
			if (!p->rooms[r].unavailable[b] && c->labcap[r] > 0)
				cap[n++] = c->labcap[r];
		qsort(cap, (size_t)n, sizeof(int), cmp_int_desc);
		int k = n - in_labs < nfac - sec ? n - in_labs : nfac - sec;
		need[j] = c->avail_cnt[j];
		for (int i = 0; i < k; i++)
			need[j] -= cap[i];
	}
	free(cap);
	return need;
}

/* The sections of the MIP's incumbent in P. */
static void read_sections(const struct seminar_ctx *c, glp_prob *P, const struct mip_cols *mc,
			  struct seminar_sections *out)
{
	int nspf = c->spf_start[c->n_sp];
	out->o_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	out->n_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	out->z_fac = xmalloc(sizeof(int) * (size_t)(nspf + 1));
	int nz = 0;
	for (int sp = 0; sp < c->n_sp; sp++) {
		out->n_sp[sp] = (int)lround(glp_mip_col_val(P, mc->n[sp]));
		for (int i = c->spf_start[sp]; i < c->spf_start[sp + 1]; i++)
			if (glp_mip_col_val(P, mc->z[i]) > 0.5) {
				out->o_sp[sp]++;
				out->z_fac[nz++] = c->spf_fac[i];
			}
	}
	if (mc->agg)
		out->need = count_need(c, out);
}

/* The section MIP (agg false) or the count MIP, solved into *out. */
static void solve_mip(const struct seminar_ctx *c, bool agg, double margin,
		      const struct seminar_plan *start, const struct seminar_layout *lay,
		      struct mip_params *mp, struct mip_result *mr, struct seminar_sections *out)
{
	glp_prob *P = glp_create_prob();
	struct mip_cols mc = { .agg = agg, .margin = margin };
	build_mip(c, P, &mc);
	double *point = start ? plan_point(c, start, lay, &mc) : NULL;
	mp->start = point;
	mip_solve(P, mp, mr);
	mp->start = NULL;
	if (mr->outcome == MIP_OPTIMAL || mr->outcome == MIP_FEASIBLE)
		read_sections(c, P, &mc, out);
	free(point);
	mip_cols_release(&mc);
	glp_delete_prob(P);
}

void seminar_section_mip(const struct seminar_ctx *c, const struct seminar_plan *start,
			 const struct seminar_layout *lay, struct mip_params *mp,
			 struct mip_result *mr, struct seminar_sections *out)
{
	solve_mip(c, false, 0, start, lay, mp, mr, out);
}

void seminar_count_mip(const struct seminar_ctx *c, double margin, struct mip_params *mp,
		       struct mip_result *mr, struct seminar_sections *out)
{
	solve_mip(c, true, margin, NULL, NULL, mp, mr, out);
}
