/*
 * metrics.c - objective and summary metrics of a schedule (see metrics.h).
 *
 * The objective is not restated here: the schedule is tallied
 * (tally_add_solution) and scored by objective_total, the one statement of
 * the contract's objective.  The same tally's per-day counts give the
 * fairness metrics.  What is counted toward each need (counted[], for
 * unmet.csv) follows the same rules as the objective: a facilitated ready
 * need counts the workshop sessions of its goal, at most its `sessions`; lab
 * sessions are credited to ready online needs by problem_lab_credit, as the
 * objective credits them.
 */
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"

/* The fairness metrics from the tally's per-day counts. */
static void fairness(const struct problem *p, const struct tally *t, struct metrics *m)
{
	long pairs = 0, covered = 0;
	int placeable = 0;
	m->min_facilitated_sessions = 0;
	for (int l = 0; l < p->n_learners; l++) {
		if (!problem_placeable(p, l))
			continue;
		int total = 0;
		for (int d = 0; d < p->n_days; d++) {
			bool open = false;
			for (int b = 0; b < p->n_blocks && !open; b++)
				open = p->blocks[b].day_index == d && problem_block_scheduled(p, b) &&
				       !p->learners[l].unavailable[b];
			int n = *tally_day(t, p, l, d);
			pairs += open;
			covered += open && n > 0;
			total += n;
		}
		m->learners_left_out += total == 0;
		if (placeable++ == 0 || total < m->min_facilitated_sessions)
			m->min_facilitated_sessions = total;
	}
	m->learner_days_covered_pct = pairs ? 100.0 * (double)covered / (double)pairs : 0;
}

static double pct(double num, double den)
{
	return den > 0 ? 100.0 * num / den : 0.0;
}

void metrics_compute(const struct problem *p, const struct solution *s, struct metrics *m)
{
	memset(m, 0, sizeof(*m));
	m->counted = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	m->attended = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	m->learners = p->n_learners;
	for (int b = 0; b < p->n_blocks; b++)
		m->blocks += problem_block_scheduled(p, b);
	m->sessions = (int)s->n_sessions;

	long group_sum = 0, groups = 0;
	for (size_t i = 0; i < s->n_sessions; i++) {
		const struct session *ss = &s->sessions[i];
		if (ss->kind == SESSION_LAB) {
			m->lab_sessions++;
			continue;
		}
		group_sum += ss->size;
		groups++;
	}
	m->avg_group_size = groups ? (double)group_sum / (double)groups : 0;

	int with_p1 = 0, got_p1 = 0, with_ready = 0, complete = 0;
	int with_choice = 0, enrolled = 0, first = 0;
	char *seminar_seen = xcalloc((size_t)s->n_sessions + 1, 1);
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0;
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (si < 0)
				continue;
			const struct session *ss = &s->sessions[si];
			if (ss->kind == SESSION_LAB) {
				labs++;
			} else if (ss->kind == SESSION_WORKSHOP) {
				for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
					if (p->needs[q].goal == ss->offering && p->needs[q].ready)
						m->attended[q]++;
			}
		}
		bool pg = false;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			pg |= nd->ready && nd->priority == 1 && m->attended[q] > 0 &&
			      p->goals[nd->goal].mode == GOAL_FACILITATED;
		}
		for (int k = 0; k < labs; k++) {
			int q = problem_lab_credit(p, l, k, labs, pg);
			if (q >= 0)
				m->attended[q]++;
		}
		bool has_p1 = false, p1 = false, has_ready = false, all = true;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!nd->ready) {
				m->needs_not_ready++;
				continue;
			}
			int c = m->attended[q] < nd->sessions ? m->attended[q] : nd->sessions;
			m->counted[q] = c;
			m->need_sessions_wanted += nd->sessions;
			m->need_sessions_scheduled += c;
			has_ready = true;
			all &= c >= nd->sessions;
			if (nd->priority == 1) {
				has_p1 = true;
				p1 |= c > 0;
			}
		}
		with_p1 += has_p1;
		got_p1 += p1;
		with_ready += has_ready;
		complete += has_ready && all;

		/* seminars: a section attended counts once, by its choice rank */
		if (p->choice_start[l + 1] > p->choice_start[l]) {
			with_choice++;
			bool any = false, top = false;
			memset(seminar_seen, 0, s->n_sessions + 1);
			for (int b = 0; b < p->n_blocks; b++) {
				int si = solution_attend_at(s, l, b);
				if (si < 0 || s->sessions[si].kind != SESSION_SEMINAR)
					continue;
				int sec = s->sessions[si].section;
				if (seminar_seen[sec])
					continue;
				seminar_seen[sec] = 1;
				for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
					if (p->choices[c].seminar == s->sessions[si].offering) {
						any = true;
						top |= p->choices[c].rank == 1;
					}
			}
			enrolled += any;
			first += top;
		}
	}
	free(seminar_seen);
	m->need_sessions_pct = pct((double)m->need_sessions_scheduled, (double)m->need_sessions_wanted);
	m->power_goal_pct = pct(got_p1, with_p1);
	m->learners_complete_pct = pct(complete, with_ready);
	m->seminar_enrolled_pct = pct(enrolled, with_choice);
	m->seminar_first_choice_pct = pct(first, with_choice);

	long allowed = 0;
	for (int f = 0; f < p->n_facilitators; f++) {
		int avail = 0;
		for (int b = 0; b < p->n_blocks; b++)
			avail += problem_block_scheduled(p, b) && !p->facilitators[f].unavailable[b];
		allowed += avail < p->facilitators[f].max_sessions ? avail
								   : p->facilitators[f].max_sessions;
	}
	m->facilitator_load_pct = pct(m->sessions, (double)allowed);

	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, s);
	m->objective = objective_total(p, &t);
	fairness(p, &t, m);
	tally_release(&t);
}

void metrics_release(struct metrics *m)
{
	free(m->counted);
	free(m->attended);
	memset(m, 0, sizeof(*m));
}
