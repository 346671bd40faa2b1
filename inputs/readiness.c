/*
 * readiness.c - ready needs, eligible choices and the derived frontier.
 *
 * A need is ready when the learner has mastered every prerequisite of its
 * goal; a need that is not ready is kept (unmet.csv reports it with reason
 * `prerequisite`) but never scheduled.  Seminar prerequisites and age bands
 * make a choice eligible or not in the same way.  Mastery is a score of at
 * least config.mastery in progress.csv, both read exactly from their digits
 * (inputs/decimal.h) and compared as integers by problem_mastered; an absent
 * score is not mastery.
 */
#include "readiness.h"

#include "engine/util.h"

bool readiness_prerequisites_mastered(const struct problem *p, int l, int g)
{
	const struct goal *gl = &p->goals[g];
	for (int i = 0; i < gl->n_requires; i++)
		if (!problem_mastered(p, l, gl->requires[i]))
			return false;
	return true;
}

void readiness_mark_needs(struct problem *p, bool have_progress)
{
	for (int q = 0; q < p->n_needs; q++) {
		struct need *nd = &p->needs[q];
		nd->ready = !have_progress ||
			    readiness_prerequisites_mastered(p, nd->learner, nd->goal);
	}
}

bool readiness_choice_eligible(const struct problem *p, int l, int s, bool have_progress)
{
	const struct seminar *sm = &p->seminars[s];
	for (int i = 0; have_progress && i < sm->n_requires; i++)
		if (!problem_mastered(p, l, sm->requires[i]))
			return false;
	int age = p->learners[l].age;
	if (age >= 0 && sm->age_min >= 0 && age < sm->age_min)
		return false;
	if (age >= 0 && sm->age_max >= 0 && age > sm->age_max)
		return false;
	return true;
}

void readiness_derive_needs(struct problem *p, size_t *alloc)
{
	for (int l = 0; l < p->n_learners; l++)
		for (int g = 0; g < p->n_goals; g++) {
			if (problem_mastered(p, l, g) || !readiness_prerequisites_mastered(p, l, g))
				continue;
			xgrow((void **)&p->needs, alloc, (size_t)p->n_needs + 1, sizeof(*p->needs));
			p->needs[p->n_needs++] = (struct need){
				.learner = l, .goal = g, .priority = 3,
				.sessions = p->goals[g].sessions, .ready = true, .line = 0,
			};
		}
}
