/*
 * power_goal_moves.c - the power-goal search's neighbourhoods on a whole
 * schedule, and the exact MIP's polish on small schools.
 *
 * The greedy (power_goal.c) opens a group only when it leaves the labs
 * staffable at once, with the members who gain.  Two things it cannot see:
 *
 * - A group that pays only with learners who lose a little: with F
 *   facilitators, G of them leading, the labs hold at most (F - G) x
 *   lab max_group learners a block, so opening group G + 1 takes a lab
 *   supervisor away and needs at least that lab's learners to join it (or
 *   other groups), gainers or not.  Its guru weight, or the lab the next
 *   group frees, is where the gain is.
 * - A goal given to the wrong facilitator: once k leads g, another
 *   facilitator able in g cannot, and k's other goals stay closed.
 *
 * The moves, each evaluated in full (shortfall 0, the schedule's value by
 * pg_search_value) and kept only when the value rises (first improvement):
 *
 *   open   an idle facilitator k (leading no group) opens (k, g) with every
 *          learner of g not in a group who k may lead (up to max_group and
 *          the largest room, best gain first), then sheds members who lose
 *          (worst first) while the labs stay staffable and min_group holds;
 *          then lab learners join and members move where they gain
 *          (pg_fill_groups, pg_move_members).
 *   re-lead / re-goal  a group (k, g) is closed (its members to the lab)
 *          and (k', g') opened as above, k' = k or an idle facilitator,
 *          (k', g') != (k, g).
 *
 * pg_repair, for a greedy that leaves the labs short: lab learners join
 * open groups, least loss first, while each join lowers the shortfall
 * (a learner in a group is one fewer lab seat in each of their blocks);
 * when none can, an ejection chain: a lab learner takes a member's place
 * in a group and the member moves to another group.
 *
 * The polish: on a small school (few x columns), the exact MIP of
 * power_goal_mip.c solved by GLPK within the time given; its schedule (one
 * group per facilitator and goal) is a contract schedule, and replaces the
 * search's when the rooms and labs of power_goal.c's plan hold it and it
 * scores more.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/glpk_run.h"
#include "models/power_goal_search.h"

#define PG_POLISH_COLUMNS 6000      /* most x columns the exact polish takes */

/* The repair's ejection chain, when no lab learner can join a group
 * directly: lab learner i takes the place of member m of group a, and m
 * moves to group b (one more learner in groups, the same sizes elsewhere).
 * The first chain that lowers *shortfall is kept; returns whether one was. */
static bool repair_chain(struct pg_search *s, long *shortfall)
{
	const struct pg_options *o = s->o;
	for (int i = 0; i < o->n && !mip_interrupted; i++) {
		if (s->group_of[i] >= 0)
			continue;
		for (int a = 0; a < s->n_groups; a++) {
			if (pg_value_of(o, i, s->groups[a].g) == -INFINITY)
				continue;
			for (int mi = 0; mi < s->groups[a].n; mi++) {
				int m = s->groups[a].members[mi];
				pg_leave(s, m);
				if (!pg_can_join(s, a, i)) {
					pg_join(s, m, a);
					continue;
				}
				pg_join(s, i, a);
				for (int b = 0; b < s->n_groups; b++) {
					if (b == a || pg_value_of(o, m, s->groups[b].g) == -INFINITY ||
					    !pg_can_join(s, b, m))
						continue;
					pg_join(s, m, b);
					long after = pg_shortfall(s);
					if (after < *shortfall) {
						*shortfall = after;
						return true;
					}
					pg_leave(s, m);
				}
				pg_leave(s, i);
				pg_join(s, m, a);
			}
		}
	}
	return false;
}

long pg_repair(struct pg_search *s)
{
	const struct pg_options *o = s->o;
	long shortfall = pg_shortfall(s);
	while (shortfall > 0 && !mip_interrupted) {
		/* the least loss (or best gain) among joins that lower it */
		int bi = -1, bg = -1;
		double best = -INFINITY;
		long best_after = shortfall;
		for (int i = 0; i < o->n; i++) {
			if (s->group_of[i] >= 0)
				continue;
			double lab = o->value[o->start[i + 1] - 1];
			for (int gi = 0; gi < s->n_groups; gi++) {
				double d = pg_value_of(o, i, s->groups[gi].g) - lab;
				if (d <= best || d == -INFINITY || !pg_can_join(s, gi, i))
					continue;
				pg_join(s, i, gi);
				long after = pg_shortfall(s);
				pg_leave(s, i);
				if (after < shortfall) {
					best = d;
					bi = i;
					bg = gi;
					best_after = after;
				}
			}
		}
		if (bi >= 0) {
			pg_join(s, bi, bg);
			shortfall = best_after;
		} else if (!repair_chain(s, &shortfall)) {
			break;
		}
	}
	return shortfall;
}

/* Closes group gi, its members to the lab (the last group takes its
 * index). */
static void close_group(struct pg_search *s, int gi)
{
	int last = s->n_groups - 1;
	if (gi != last) {
		struct pg_group t = s->groups[gi];
		s->groups[gi] = s->groups[last];
		s->groups[last] = t;
		for (int m = 0; m < s->groups[gi].n; m++)
			s->group_of[s->groups[gi].members[m]] = gi;
		for (int m = 0; m < s->groups[last].n; m++)
			s->group_of[s->groups[last].members[m]] = last;
		s->leading[s->groups[gi].k] = gi;
	}
	pg_close_last_group(s);
}

/* The move "open" of the top of the file on the current state (nothing
 * when k cannot lead g's group). */
static void try_open(struct pg_search *s, int k, int g, struct pg_group *gr, double *gain,
		     int *order)
{
	const struct pg_options *o = s->o;
	const struct problem *p = s->p;
	if (pg_candidate(s, k, g, true, gr, gain, order) == -INFINITY)
		return;
	pg_open_group(s, gr);
	int gi = s->n_groups - 1;
	long shortfall = pg_repair(s);
	/* shed losers, worst first: members were taken best gain first */
	struct pg_group *ng = &s->groups[gi];
	for (int m = ng->n - 1; m >= 0 && ng->n > p->goals[g].min_group; m--) {
		int i = ng->members[m];
		if (pg_value_of(o, i, g) >= o->value[o->start[i + 1] - 1])
			continue;
		pg_leave(s, i);
		if (pg_shortfall(s) > shortfall)
			pg_join(s, i, gi);
	}
	for (int round = 0; shortfall == 0 && round < 3; round++) {
		pg_fill_groups(s);
		if (!pg_move_members(s))
			break;
	}
}

/* One pass of the moves; returns whether one improved (and was kept):
 * lowered the shortfall *sh, or kept it and raised *value. */
static bool improve_pass(struct pg_search *s, long *sh, double *value, double deadline,
			 struct pg_snap *here, struct pg_group *gr, double *gain, int *order)
{
	const struct problem *p = s->p;
	int nk = p->n_facilitators, ng = p->n_goals;
	/* gi == n_groups: the move "open"; otherwise close gi first */
	for (int gi = s->n_groups; gi >= 0; gi--) {
		int k0 = gi < s->n_groups ? s->groups[gi].k : -1;
		int g0 = gi < s->n_groups ? s->groups[gi].g : -1;
		for (int k = 0; k < nk; k++) {
			if (k != k0 && s->leading[k] >= 0)
				continue;
			for (int g = 0; g < ng; g++) {
				if ((k == k0 && g == g0) || s->goal_start[g] == s->goal_start[g + 1] ||
				    problem_goal_level(p, k, g) < LEVEL_ABLE)
					continue;
				if (mcl_now() > deadline || mip_interrupted)
					return false;
				pg_snap_take(s, here);
				if (gi < s->n_groups)
					close_group(s, gi);
				try_open(s, k, g, gr, gain, order);
				long after = pg_shortfall(s);
				double v = pg_search_value(s);
				if (after < *sh || (after == *sh && v > *value + 1e-9)) {
					mcl_log(LOG_VERBOSE, "power-goal: %s %s with %s, shortfall %ld "
						"value %.1f -> %ld %.1f",
						gi < s->n_groups ? "re-led" : "opened", p->goals[g].id,
						p->facilitators[k].id, *sh, *value, after, v);
					*sh = after;
					*value = v;
					return true;
				}
				pg_snap_restore(s, here);
			}
		}
	}
	return false;
}

int pg_improve(struct pg_search *s, double deadline)
{
	int n = s->o->n, made = 0;
	struct pg_snap here = { 0 };
	struct pg_group gr = { .members = xmalloc(sizeof(int) * ((size_t)n + 1)) };
	double *gain = xcalloc((size_t)n + 1, sizeof(double));
	int *order = xmalloc(sizeof(int) * ((size_t)n + 1));
	double value = pg_search_value(s);
	long sh = pg_shortfall(s);
	while (improve_pass(s, &sh, &value, deadline, &here, &gr, gain, order))
		made++;
	pg_snap_free(&here);
	free(gr.members);
	free(gain);
	free(order);
	return made;
}

bool pg_polish_fits(const struct pg_search *s)
{
	return pg_x_columns(s->p, s->o) <= PG_POLISH_COLUMNS;
}

bool pg_polish_exact(struct pg_search *s, double seconds)
{
	const struct problem *p = s->p;
	const struct pg_options *o = s->o;
	if (!pg_polish_fits(s))
		return false;
	int n = o->n;
	int *k_of = xmalloc(sizeof(int) * ((size_t)n + 1));
	int *g_of = xmalloc(sizeof(int) * ((size_t)n + 1));
	/* a schedule the labs cannot hold is worth nothing */
	double before = pg_shortfall(s) > 0 ? -INFINITY : pg_search_value(s);
	bool kept = false;
	double v = pg_exact_solve(p, o, seconds, k_of, g_of);
	if (v > before + 1e-9) {
		struct pg_snap was = { 0 };
		pg_snap_take(s, &was);
		while (s->n_groups)
			pg_close_last_group(s);
		/* one group per (facilitator, goal) with members */
		for (int i = 0; i < n; i++) {
			if (k_of[i] < 0)
				continue;
			int gi = 0;
			while (gi < s->n_groups && (s->groups[gi].k != k_of[i] ||
						    s->groups[gi].g != g_of[i]))
				gi++;
			if (gi == s->n_groups)
				pg_open_group(s, &(struct pg_group){ k_of[i], g_of[i], 0, NULL });
			pg_join(s, i, gi);
		}
		double now = pg_search_value(s);
		kept = pg_shortfall(s) == 0 && now > before + 1e-9;
		mcl_log(LOG_VERBOSE, "power-goal: exact MIP's schedule %.1f (search's %.1f)%s", now,
			before, kept ? "" : ", not kept: the plan cannot hold it");
		if (!kept)
			pg_snap_restore(s, &was);
		pg_snap_free(&was);
	}
	free(k_of);
	free(g_of);
	return kept;
}
