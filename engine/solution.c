/*
 * solution.c - bookkeeping for a schedule.
 */
#include "solution.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "problem.h"
#include "util.h"

void solution_init(struct solution *s, const struct problem *p)
{
	memset(s, 0, sizeof(*s));
	s->n_learners = p->n_learners;
	s->n_blocks = p->n_blocks;
	size_t n = (size_t)p->n_learners * (size_t)p->n_blocks;
	s->attend = xmalloc(sizeof(*s->attend) * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		s->attend[i] = -1;
	s->status = SOLVE_NO_SOLUTION;
}

void solution_release(struct solution *s)
{
	free(s->sessions);
	free(s->attend);
	free(s->diagnosis);
	memset(s, 0, sizeof(*s));
}

int solution_add_session(struct solution *s, const struct session *session)
{
	xgrow((void **)&s->sessions, &s->alloc_sessions, s->n_sessions + 1,
	      sizeof(*s->sessions));
	int i = (int)s->n_sessions++;
	s->sessions[i] = *session;
	s->sessions[i].section = i;
	return i;
}

void solution_copy_schedule(struct solution *dst, const struct solution *src)
{
	for (size_t i = 0; i < src->n_sessions; i++)
		solution_add_session(dst, &src->sessions[i]);
	for (size_t i = 0; i < src->n_sessions; i++)
		dst->sessions[i].section = src->sessions[i].section;
	memcpy(dst->attend, src->attend,
	       sizeof(*dst->attend) * (size_t)src->n_learners * (size_t)src->n_blocks);
}

void solution_copy_run(struct solution *dst, const struct solution *src, bool with_bound)
{
	dst->status = src->status;
	dst->stopped_by = src->stopped_by;
	if (with_bound)
		dst->bound = src->bound;
	dst->model_rows = src->model_rows;
	dst->model_cols = src->model_cols;
	dst->model_nonzeros = src->model_nonzeros;
}

void solution_take(struct solution *sol, struct solution *cand)
{
	solution_copy_run(cand, sol, true);
	struct solution old = *sol;
	*sol = *cand;
	*cand = old;
}

void solution_recount(struct solution *s)
{
	for (size_t i = 0; i < s->n_sessions; i++)
		s->sessions[i].size = 0;
	size_t n = (size_t)s->n_learners * (size_t)s->n_blocks;
	for (size_t i = 0; i < n; i++)
		if (s->attend[i] >= 0)
			s->sessions[s->attend[i]].size++;
}

void solution_set_gap(struct solution *s)
{
	if (fabs(s->bound) < 1e-9)
		s->gap = 0;
	else
		s->gap = (s->bound - s->objective) / fabs(s->bound);
	if (s->gap < 0 && s->gap > -1e-9)
		s->gap = 0;
}

const char *solution_status_name(enum solve_status status)
{
	switch (status) {
	case SOLVE_OPTIMAL:
		return "optimal";
	case SOLVE_FEASIBLE:
		return "feasible";
	case SOLVE_INFEASIBLE:
	case SOLVE_NO_SOLUTION:
		return "infeasible";
	}
	return "?";
}

const char *solution_kind_name(enum session_kind kind)
{
	switch (kind) {
	case SESSION_WORKSHOP:
		return "workshop";
	case SESSION_SEMINAR:
		return "seminar";
	case SESSION_LAB:
		return "lab";
	}
	return "?";
}

const char *solution_stop_name(enum stop_reason reason)
{
	switch (reason) {
	case STOP_SEARCH_DONE:
		return "search_done";
	case STOP_GAP:
		return "gap";
	case STOP_TIME_LIMIT:
		return "time_limit";
	case STOP_INTERRUPT:
		return "interrupt";
	}
	return "search_done";
}

const char *solution_exists_name(enum solve_status status)
{
	return status == SOLVE_OPTIMAL || status == SOLVE_FEASIBLE ? "yes"
	       : status == SOLVE_INFEASIBLE			    ? "no"
								    : "unknown";
}

int solution_session_seats(const struct problem *p, const struct session *s)
{
	return problem_group_seats(p, s->room, s->kind == SESSION_LAB, s->offering);
}
