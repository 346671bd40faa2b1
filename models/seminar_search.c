/*
 * seminar_search.c - the seminar model's improvement: re-seating and
 * ruin-and-recreate.
 *
 * After the greedy and the section MIP, the better plan goes on to a
 * ruin-and-recreate search: drop the sections of a block, of a seminar, or
 * a few at random (seminar_ruin); refill by the greedy with noise;
 * re-seat every learner over the sections by stage 2 when the refill is
 * worth as much as the best (or by chance); keep what is worth as much or
 * more (equal plans too: the search drifts on plateaus).  It stops at the
 * section MIP's bound (valid for it: every plan it makes is a point of that
 * MIP), after set->seminar_patience rounds without gain, or at the
 * deadline.
 */
#include "models/seminar_search.h"

#include <float.h>
#include <stdlib.h>

/* Re-seats every learner over pl's sections by stage 2 (each (seminar,
 * pattern) keeps its seats), repairs and extends greedily; pl takes the
 * result when it is worth more.  Returns its value. */
static double reseat(const struct seminar_ctx *c, struct seminar_plan *pl,
		     struct seminar_layout *lay, double seconds)
{
	int *o_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *n_sp = xcalloc((size_t)c->n_sp + 1, sizeof(int));
	int *z_fac = xmalloc(sizeof(int) * (size_t)(pl->n_sec + 1));
	int nz = 0;
	for (int sp = 0; sp < c->n_sp; sp++)
		for (int k = 0; k < pl->n_sec; k++)
			if (pl->sec_sp[k] == sp) {
				o_sp[sp]++;
				n_sp[sp] += pl->sec_size[k];
				z_fac[nz++] = pl->sec_fac[k];
			}
	double old = seminar_plan_value(pl, c), v = old;
	struct seminar_plan cur;
	seminar_plan_init(&cur, c);
	if (seminar_seat_learners(c, o_sp, n_sp, z_fac, NULL, false, &cur, seconds) == 0 &&
	    seminar_repair(c, &cur, lay) >= 0) {
		seminar_greedy(c, &cur, lay, DBL_MAX, NULL);
		double nv = seminar_plan_value(&cur, c);
		if (nv > old + 1e-9) {
			seminar_plan_copy(pl, &cur, c);
			v = nv;
		}
	}
	seminar_plan_release(&cur);
	free(o_sp);
	free(n_sp);
	free(z_fac);
	return v;
}

void seminar_ruin(const struct seminar_ctx *c, struct seminar_plan *pl, unsigned long long *rng)
{
	if (pl->n_sec == 0)
		return;
	int how = (int)(mcl_rng_next(rng) % 4);
	if (how == 0) {
		int j = (int)(mcl_rng_next(rng) % (unsigned long long)c->nb);
		for (int k = pl->n_sec - 1; k >= 0; k--)
			if (seminar_pat_has(c, c->sp_pat[pl->sec_sp[k]], j))
				seminar_plan_drop_section(pl, c, k);
	} else if (how == 1) {
		int s = c->sp_sem[pl->sec_sp[mcl_rng_next(rng) % (unsigned long long)pl->n_sec]];
		for (int k = pl->n_sec - 1; k >= 0; k--)
			if (c->sp_sem[pl->sec_sp[k]] == s)
				seminar_plan_drop_section(pl, c, k);
	} else if (how == 2) {
		int n = pl->n_sec / c->set->seminar_ruin_divisor + 1;
		for (int i = 0; i < n && pl->n_sec > 0; i++)
			seminar_plan_drop_section(pl, c, (int)(mcl_rng_next(rng) %
							       (unsigned long long)pl->n_sec));
	} else {
		int n = 1 + (int)(mcl_rng_next(rng) % (unsigned long long)c->set->seminar_ruin_few);
		for (int i = 0; i < n && pl->n_sec > 0; i++)
			seminar_plan_drop_section(pl, c, (int)(mcl_rng_next(rng) %
							       (unsigned long long)pl->n_sec));
	}
}

double seminar_search(const struct seminar_ctx *c, struct seminar_plan *best,
		      struct seminar_layout *lay, double value, double deadline,
		      double stop_value, unsigned long long seed)
{
	const struct search_settings *set = c->set;
	unsigned long long rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	struct seminar_plan cur;
	seminar_plan_init(&cur, c);
	int idle = 0, rounds = 0;
	while (!mip_interrupted && mcl_now() < deadline && idle < set->seminar_patience &&
	       value < stop_value - 1e-6 &&
	       best->n_sec > 0) {
		seminar_plan_copy(&cur, best, c);
		seminar_ruin(c, &cur, &rng);
		seminar_greedy(c, &cur, lay, deadline, &rng);
		double v = seminar_plan_value(&cur, c);
		if (v > value - 1e-9 || seminar_unit_random(&rng) < set->seminar_reseat_chance) {
			double left = deadline - mcl_now();
			v = reseat(c, &cur, lay, left > set->seminar_stage_min_seconds
							 ? left
							 : set->seminar_stage_min_seconds);
		}
		rounds++;
		/* with keep_all a ruin can drop the seats that made room in the
		 * labs, and the greedy does not put them back */
		if (v > value - 1e-9 && (!c->keep_all || seminar_realise(c, &cur, lay) < 0)) {
			/* equal plans are taken too: the search drifts on plateaus */
			idle = v > value + 1e-9 ? 0 : idle + 1;
			seminar_plan_copy(best, &cur, c);
			value = v;
		} else {
			idle++;
		}
	}
	mcl_log(LOG_VERBOSE, "seminars: search %.1f after %d rounds", value, rounds);
	seminar_plan_release(&cur);
	return value;
}
