/*
 * seminar_stage2.c - stage 2: seating learners over fixed sections.
 *
 * Given the section MIP's integer n (seats per option sp) and z (sections
 * and their facilitators), what is left of the MIP for the learners (x, y,
 * g) is a bipartite b-matching: per learner at most seminars_per_learner
 * seats, per sp between o_sp x min_size and n_sp seats, each seat worth
 * the learner's option value.  With one seminar a learner it is totally
 * unimodular, so an LP vertex is integral and GLPK's simplex solves it;
 * above one, the rows "one section a seminar" and "one meeting a block"
 * break that, and it is a small MIP; there a learner's day is paid once,
 * by a column dy[l,d] <= the seats whose pattern adds day d, not by every
 * seat's value (two seminars meeting on one day claimed it twice, and the
 * MIP gave second seminars over first ones to learners short of days).
 * The seated learners are split evenly
 * over the o_sp sections of each sp.  With keep_all (labs alone too few)
 * every one of the n_sp seats is taken: seats worth <= 0 are what make
 * room in the labs.
 */
#include "models/seminar_search.h"

#include <math.h>
#include <stdlib.h>

#include "models/lp_build.h"

/* The daily weight of l's seats, exact over several seminars: dy[l,d] in
 * [0, 1] worth a day's weight, dy[l,d] <= sum of l's seats whose pattern adds
 * day d (the options' own values leave their daily part out). */
static void seat_days(const struct seminar_ctx *c, glp_prob *P, struct triplets *t, int l,
		      const int *col)
{
	for (int d = 0; d < 64 && d < c->p->n_days; d++) {
		int row = 0;
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			unsigned long long m = c->lo_days[o];
			if (!col[o] || !(m >> d & 1))
				continue;
			if (!row) {
				int n = seminar_days_count(m);
				row = lp_add_row(P, GLP_UP, 0, 0);
				triplets_add(t, row, lp_add_col(P, GLP_CV, 0, 1, c->lo_dval[o] / n), 1);
			}
			triplets_add(t, row, col[o], -1);
		}
	}
}

/* With the count MIP's need: per block j, the seats there at least need[j]
 * (the labs it planned seat the rest). */
static void need_rows(const struct seminar_ctx *c, glp_prob *P, struct triplets *t,
		      const int *need, const int *col)
{
	for (int j = 0; j < c->nb; j++) {
		if (need[j] <= 0)
			continue;
		int row = lp_add_row(P, GLP_LO, need[j], 0);
		for (int o = 0; o < c->lo_start[c->p->n_learners]; o++)
			if (col[o] && seminar_pat_has(c, c->sp_pat[c->lo_sp[o]], j))
				triplets_add(t, row, col[o], 1);
	}
}

/* With need: sp's o sections are kept or not (keep: a column in [0, o]),
 * each kept one seating [min_size, cap]: rows lo (seats - min_size keep
 * >= 0) and hi (seats - cap keep <= 0).  The count MIP's sections can ask
 * too much of a few learners (two small seminars whose only choosers are
 * the same, meeting in one block); then some are left out, and the need
 * rows say whether the rest still seat enough. */
static void keep_rows(const struct seminar_ctx *c, glp_prob *P, struct triplets *t, int sp, int o,
		      int *lo, int *hi, int *keep)
{
	*keep = lp_add_col(P, GLP_IV, 0, o, 0);
	*lo = lp_add_row(P, GLP_LO, 0, 0);
	*hi = lp_add_row(P, GLP_UP, 0, 0);
	triplets_add(t, *lo, *keep, -c->p->seminars[c->sp_sem[sp]].min_size);
	triplets_add(t, *hi, *keep, -c->sp_cap[sp]);
}

int seminar_seat_learners(const struct seminar_ctx *c, const int *o_sp, const int *n_sp,
			  const int *z_fac, const int *need, bool one, struct seminar_plan *pl,
			  double seconds)
{
	int spl = one ? 1 : c->spl;
	const struct problem *p = c->p;
	int nl = p->n_learners, rc = 0;
	glp_prob *P = glp_create_prob();
	glp_set_obj_dir(P, GLP_MAX);
	struct triplets t = { 0 };
	int n_opt = c->lo_start[nl];
	int *col = xcalloc((size_t)n_opt + 1, sizeof(int));
	int *sp_row = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *sp_hi = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *keep = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	for (int sp = 0; sp < c->n_sp; sp++)
		if (o_sp[sp] > 0 && need)
			keep_rows(c, P, &t, sp, o_sp[sp], &sp_row[sp], &sp_hi[sp], &keep[sp]);
		else if (o_sp[sp] > 0) {
			double lo = (double)o_sp[sp] * p->seminars[c->sp_sem[sp]].min_size;
			double hi = n_sp[sp] > lo ? n_sp[sp] : lo;
			/* keep_all: seats worth <= 0 that make room in the labs
			 * must be taken, so all n_sp are */
			if (c->keep_all)
				lo = hi;
			sp_row[sp] = lp_add_row(P, hi > lo ? GLP_DB : GLP_FX, lo, hi);
		}
	bool binary = spl > 1 || need;
	for (int l = 0; l < nl; l++) {
		int row = 0;
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++) {
			int sp = c->lo_sp[o];
			if (!sp_row[sp])
				continue;
			if (!row)
				row = lp_add_row(P, GLP_UP, 0, spl);
			/* with two seminars or more a day is paid once, below */
			col[o] = lp_add_col(P, binary ? GLP_BV : GLP_CV, 0, 1,
					    spl > 1 ? c->lo_val[o] - c->lo_dval[o] : c->lo_val[o]);
			triplets_add(&t, row, col[o], 1);
			triplets_add(&t, sp_row[sp], col[o], 1);
			if (sp_hi[sp])
				triplets_add(&t, sp_hi[sp], col[o], 1);
		}
		if (spl == 1 || !row)
			continue;
		seat_days(c, P, &t, l, col);
		for (int j = 0; j < c->nb; j++) {
			int r2 = 0;
			for (int o = c->lo_start[l]; o < c->lo_start[l + 1]; o++)
				if (col[o] && seminar_pat_has(c, c->sp_pat[c->lo_sp[o]], j)) {
					if (!r2)
						r2 = lp_add_row(P, GLP_UP, 0, 1);
					triplets_add(&t, r2, col[o], 1);
				}
		}
		for (int o = c->lo_start[l]; o < c->lo_start[l + 1];) {
			int s = c->sp_sem[c->lo_sp[o]], r3 = 0;
			for (; o < c->lo_start[l + 1] && c->sp_sem[c->lo_sp[o]] == s; o++)
				if (col[o]) {
					if (!r3)
						r3 = lp_add_row(P, GLP_UP, 0, 1);
					triplets_add(&t, r3, col[o], 1);
				}
		}
	}
	if (need)
		need_rows(c, P, &t, need, col);
	if (glp_get_num_cols(P) == 0) {
		triplets_load(&t, P);
		goto out_sections;
	}
	triplets_load(&t, P);
	struct mip_params mp = { .seconds = seconds, .gap = c->set->seminar_gap, .lp_only = !binary };
	struct mip_result mr;
	mip_solve(P, &mp, &mr);
	if (mr.outcome != MIP_OPTIMAL && mr.outcome != MIP_FEASIBLE) {
		rc = -1;
		goto out_free;
	}
out_sections:;
	/* sections: o_sp per sp, learners split evenly */
	int *members = xmalloc(sizeof(int) * (size_t)(nl + 1));
	int zi = 0;
	for (int sp = 0; sp < c->n_sp; sp++) {
		if (o_sp[sp] <= 0)
			continue;
		int nm = 0;
		for (int i = c->spo_start[sp]; i < c->spo_start[sp + 1]; i++) {
			int o = c->spo_opt[i];
			if (!col[o])
				continue;
			double v = !binary ? glp_get_col_prim(P, col[o]) : glp_mip_col_val(P, col[o]);
			if (v > 0.5)
				members[nm++] = seminar_opt_learner(c, o);
		}
		int first = pl->n_sec, k = o_sp[sp];
		if (keep[sp])
			k = (int)lround(glp_mip_col_val(P, keep[sp]));
		for (int q = 0; q < o_sp[sp]; q++, zi++)
			if (q < k)
				seminar_plan_add_section(pl, c, sp, z_fac[zi]);
		for (int i = 0; i < nm && k > 0; i++)
			seminar_plan_enrol(pl, c, members[i], first + i % k);
	}
	free(members);
out_free:
	glp_delete_prob(P);
	free(col);
	free(sp_row);
	free(sp_hi);
	free(keep);
	return rc;
}
