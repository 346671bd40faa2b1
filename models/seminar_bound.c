/*
 * seminar_bound.c - the seminar model's simple bound (seminar.h): valid for
 * the contract's problem of the seminar blocks, weak, quick.
 *
 * Per learner l with A_l available seminar blocks on D_l days, the most l
 * can add is the larger of all labs and, with seminars_per_learner = 1,
 * each eligible choice s of m <= A_l meetings: its choice weight, the daily
 * weight of min(m, D_l) days, the lab credit of A_l - m labs; above 1, the
 * seminars_per_learner heaviest eligible choices (problem_choice_weight,
 * whatever their rank), every day and the lab credit of A_l labs.  What a
 * learner gains over all labs is counted for at most as many learners as
 * the seminars have seats (sum of sections x max_size).  Plus w_guru times
 * the most guru-led meetings: no more than gurus can lead (their available
 * blocks, at most max_sessions), nor than sections x meetings of seminars
 * with a guru.
 *
 * seminar_bound, the seminar model's bound (its row in model.c), is the
 * smaller of this and bound_lp.c's LP over the same blocks.
 */
#include "models/seminar.h"

#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/model.h"

static int cmp_double_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

double seminar_simple_bound(const struct problem *p, const int *blocks, int n_blocks)
{
	struct tally t;
	tally_init(&t, p);
	int *days = xmalloc(sizeof(int) * (size_t)(p->n_days + 1));
	bool *seen = xcalloc((size_t)p->n_days + 1, sizeof(bool));
	int spl = p->config.seminars_per_learner;
	double bound = 0;
	double *gain = xcalloc((size_t)p->n_learners + 1, sizeof(double));
	for (int l = 0; l < p->n_learners; l++) {
		int avail = 0, nd = 0;
		memset(seen, 0, sizeof(bool) * (size_t)p->n_days);
		for (int j = 0; j < n_blocks; j++)
			if (!p->learners[l].unavailable[blocks[j]]) {
				avail++;
				int d = p->blocks[blocks[j]].day_index;
				if (!seen[d])
					days[nd++] = d;
				seen[d] = true;
			}
		if (!avail)
			continue;
		/* no seminar: labs in every available block */
		t.lab_cnt[l] = avail;
		double all_labs = objective_learner(p, &t, l), best = all_labs;
		if (spl == 1) {
			/* one seminar s of m meetings: its choice weight, at most
			 * min(m, nd) days, exactly avail - m labs */
			for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
				int m = p->seminars[p->choices[c].seminar].meetings;
				if (!p->choices[c].eligible || m > avail)
					continue;
				t.enrolled[c] = 1;
				t.lab_cnt[l] = avail - m;
				for (int i = 0; i < nd && i < m; i++)
					*tally_day(&t, p, l, days[i]) = 1;
				double v = objective_learner(p, &t, l);
				best = v > best ? v : best;
				t.enrolled[c] = 0;
				for (int i = 0; i < nd; i++)
					*tally_day(&t, p, l, days[i]) = 0;
			}
		} else {
			/* the spl heaviest choices (whatever their rank), every
			 * available day, every block a lab */
			t.lab_cnt[l] = avail;
			for (int i = 0; i < nd; i++)
				*tally_day(&t, p, l, days[i]) = 1;
			for (int taken = 0; taken < spl; taken++) {
				int pick = -1;
				double w = 0;
				for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
					double wc = problem_choice_weight(p, &p->choices[c]);
					if (p->choices[c].eligible && !t.enrolled[c] && wc > w) {
						pick = c;
						w = wc;
					}
				}
				if (pick < 0)
					break;
				t.enrolled[pick] = 1;
			}
			double v = objective_learner(p, &t, l);
			best = v > best ? v : best;
			for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
				t.enrolled[c] = 0;
			for (int i = 0; i < nd; i++)
				*tally_day(&t, p, l, days[i]) = 0;
		}
		t.lab_cnt[l] = 0;
		bound += all_labs;
		gain[l] = best - all_labs;
	}
	/* only as many learners as there are seminar seats gain anything */
	long seats = 0;
	for (int s = 0; s < p->n_seminars; s++)
		seats += (long)p->seminars[s].sections * p->seminars[s].max_size;
	qsort(gain, (size_t)p->n_learners, sizeof(double), cmp_double_desc);
	for (long i = 0; i < seats && i < p->n_learners; i++)
		bound += gain[i];
	free(gain);
	/* guru-led meetings: no more than gurus can lead, nor than can run */
	long by_fac = 0, by_sem = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		bool guru = false;
		for (int s = 0; s < p->n_seminars; s++)
			guru |= problem_seminar_level(p, f, s) == LEVEL_GURU;
		if (!guru)
			continue;
		int a = 0;
		for (int j = 0; j < n_blocks; j++)
			a += !p->facilitators[f].unavailable[blocks[j]];
		by_fac += a < p->facilitators[f].max_sessions ? a : p->facilitators[f].max_sessions;
	}
	for (int s = 0; s < p->n_seminars; s++) {
		bool guru = false;
		for (int f = 0; f < p->n_facilitators; f++)
			guru |= problem_seminar_level(p, f, s) == LEVEL_GURU;
		if (guru)
			by_sem += (long)p->seminars[s].sections * p->seminars[s].meetings;
	}
	bound += p->config.w_guru * (double)(by_fac < by_sem ? by_fac : by_sem);
	free(days);
	free(seen);
	tally_release(&t);
	return bound;
}

double seminar_bound(const struct problem *p, double seconds)
{
	int *blocks = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int nb = model_blocks(p, BLOCK_SEMINAR, blocks);
	double bound = seminar_simple_bound(p, blocks, nb);
	struct bound_lp_result rr;
	bound_lp_cycle(p, NULL, 0, blocks, nb, seconds, &rr);
	mcl_log(LOG_NORMAL, "seminar bound LP %.1f (%s), simple bound %.1f", rr.bound,
		bound_lp_kind_name(rr.kind), bound);
	free(blocks);
	return rr.bound < bound ? rr.bound : bound;
}
