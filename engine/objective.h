/*
 * objective.h - the data contract's objective, stated once.
 *
 * A schedule's value depends only on a few counts per learner: the workshop
 * sessions of each need's goal, the lab sessions, the workshop sessions and
 * seminar meetings per day, and the seminars enrolled in; plus the number of
 * sessions led by a guru.  struct tally holds those counts.  Every model, the
 * search (which keeps a tally up to date move by move) and metrics.c score a
 * schedule through objective_learner() and objective_total(); only verify
 * recounts on its own, to stay an independent check.
 *
 * The objective is the sum of the terms declared in objective_terms[]: one
 * row per term, with the knob that turns it off.  A new term is a new row,
 * and tests/check_terms.c then checks it, alone, against the bound
 * (bound_lp.c, bound_simple.c), the exact cycle MIP (cycle_mip.c) and
 * verify's recount; a term written into a formulation's objective but not
 * here, or here but not there, fails that test.
 */
#ifndef MCL_OBJECTIVE_H
#define MCL_OBJECTIVE_H

#include "engine/problem.h"

struct tally {
	int *need_cnt;      /* [n_needs]: workshop sessions of the need's goal
			     * attended (uncapped; scoring caps at sessions) */
	int *lab_cnt;       /* [n_learners]: lab sessions attended */
	int *day_cnt;       /* [n_learners * n_days]: workshop sessions and
			     * seminar meetings attended per day */
	int *enrolled;      /* [n_choices]: 1 when enrolled in that seminar */
	long guru;          /* sessions (each seminar meeting) led by a guru */
};

/* Zeroed counts sized for p; release with tally_release. */
void tally_init(struct tally *t, const struct problem *p);
void tally_release(struct tally *t);
void tally_clear(struct tally *t, const struct problem *p);
void tally_copy(struct tally *dst, const struct tally *src, const struct problem *p);

static inline int *tally_day(const struct tally *t, const struct problem *p, int l, int d)
{
	return &t->day_cnt[(long)l * p->n_days + d];
}

struct solution;
struct session;

/* Adds what the schedule sol does to t's counts (sol's session sizes and
 * sections as written; every attended block counted). */
void tally_add_solution(struct tally *t, const struct problem *p, const struct solution *sol);

/* The choice of learner l for seminar s, or -1. */
int objective_choice_of(const struct problem *p, int l, int s);

/* The need of learner l for goal g, or -1. */
int objective_need_of(const struct problem *p, int l, int g);

/* Whether l has a counted workshop session of a ready priority-1 need. */
bool objective_workshop_power_goal(const struct problem *p, const struct tally *t, int l);

/* Whether l has a counted session of a ready priority-1 need, a lab
 * credited to one included (problem_lab_credit). */
bool objective_has_power_goal(const struct problem *p, const struct tally *t, int l);

/* The need l's k-th lab session (0-based, block order) counts toward, or
 * -1: problem_lab_credit over t's lab and workshop counts. */
int objective_lab_credit(const struct problem *p, const struct tally *t, int l, int k);

/* The same for the schedule sol (what timetable.csv and the report name). */
int objective_lab_credit_in(const struct problem *p, const struct solution *sol, int l, int k);

/* One term of the objective. */
struct objective_term {
	const char *name;
	/* The term's value in t: learner l's part, or with l = -1 the part
	 * that belongs to no learner (the guru sessions). */
	double (*value)(const struct problem *p, const struct tally *t, int l);
	/* Sets the term's weights in p to 0, no other term's (tests turn all
	 * terms but one off this way).  Need sessions and lab credit share the
	 * need values: their knobs zero the facilitated or the online needs'. */
	void (*turn_off)(struct problem *p);
};

#define OBJECTIVE_TERMS 6
extern const struct objective_term objective_terms[OBJECTIVE_TERMS];

/*
 * Everything learner l contributes (the sum of the terms' parts): each ready need's counted sessions
 * (workshop sessions capped at the need's sessions; lab sessions credited
 * to ready online needs by problem_lab_credit) by need value, the
 * power-goal weight once when a ready priority-1 need has a counted
 * session, the choice weight of each enrolled seminar by rank, and, when l
 * can be placed (problem_placeable), the daily weight for each day with a
 * workshop session or seminar meeting.
 */
double objective_learner(const struct problem *p, const struct tally *t, int l);

/* The whole objective: every learner's part plus the guru weight per
 * guru-led session. */
double objective_total(const struct problem *p, const struct tally *t);

/* objective_total of sol's schedule (a tally made and dropped). */
double objective_of(const struct problem *p, const struct solution *sol);

/*
 * The keep term of `replan` (contract v3): weights.keep when learner l's
 * session ss in block b, a block after the frozen ones, has the kind,
 * offering, facilitator and room of l's session there in the previous
 * schedule (p->previous); 0 otherwise, and always 0 outside replan
 * (p->previous NULL).  It is not part of objective_total: summary.csv's
 * objective stays the school's, comparable with a fresh solve; replan
 * adds this term to what it maximises.
 */
double objective_keep(const struct problem *p, int l, int b, const struct session *ss);

/* Whether objective_keep counts ss: the session l had in b, b re-planned
 * (whatever weights.keep is). */
bool objective_kept(const struct problem *p, int l, int b, const struct session *ss);

/* objective_keep summed over every learner-block of sol. */
double objective_keep_total(const struct problem *p, const struct solution *sol);

#endif
