/*
 * solution.h - a cycle's schedule: the sessions that open and who attends.
 *
 * A model fills a struct solution; outputs/ writes it and summarises it.
 * Sessions are plain records with indexes into the problem.  A learner's
 * place in a block is attend[l * n_blocks + b]: a session index, or -1 when
 * the learner is unavailable there (or the block is not scheduled by the
 * model, e.g. seminar blocks under the workshop model).
 */
#ifndef MCL_SOLUTION_H
#define MCL_SOLUTION_H

#include <stdbool.h>
#include <stddef.h>

struct problem;

enum session_kind { SESSION_WORKSHOP, SESSION_SEMINAR, SESSION_LAB };

enum solve_status {
	SOLVE_OPTIMAL,      /* proven within the requested gap */
	SOLVE_FEASIBLE,     /* a schedule, stopped by a limit */
	SOLVE_INFEASIBLE,   /* proven: no schedule exists */
	SOLVE_NO_SOLUTION,  /* none found within the limits */
};

/* What ended the search (summary.csv `stopped_by`). */
enum stop_reason {
	STOP_SEARCH_DONE,   /* the search ran out of moves, or proved the optimum */
	STOP_GAP,           /* the gap reached --gap */
	STOP_TIME_LIMIT,    /* the time limit */
	STOP_INTERRUPT,     /* SIGINT or SIGTERM */
};

struct session {
	enum session_kind kind;
	int offering;       /* goal (workshop) or seminar index; -1 for a lab */
	int block;
	int room;
	int facilitator;
	int section;        /* index of the section's first session; itself
			     * unless a seminar meeting or power-goal group */
	int size;           /* learners attending */
};

struct solution {
	int n_learners, n_blocks;
	struct session *sessions;
	size_t n_sessions, alloc_sessions;
	int *attend;        /* [n_learners * n_blocks], session index or -1 */

	enum solve_status status;
	double objective;   /* as the model scored it */
	double bound;       /* proven upper bound on the whole cycle's optimum */
	double gap;         /* (bound - objective) / bound, 0 when bound == 0 */
	double solve_seconds;
	enum stop_reason stopped_by;
	int model_rows, model_cols; /* the largest LP/MIP solved for it */
	long model_nonzeros;
	char *diagnosis;    /* why no schedule, for people; NULL otherwise */
};

/* Sizes the attend table for p, every entry -1, no sessions. */
void solution_init(struct solution *s, const struct problem *p);
void solution_release(struct solution *s);

/* Appends a session and returns its index; section is set to itself. */
int solution_add_session(struct solution *s, const struct session *session);
/* Seats of workshop or lab session s: its group's max_group (the lab's for
 * a lab), at most its room's capacity. */
int solution_session_seats(const struct problem *p, const struct session *s);

/* Appends src's sessions (their sections kept) to dst, which must be
 * empty, and copies src's attendance. */
void solution_copy_schedule(struct solution *dst, const struct solution *src);

/* Copies the facts of src's run that are not its schedule: status, stop
 * reason and the size of the largest model solved; the bound too when
 * with_bound (objective, gap and diagnosis are not copied). */
void solution_copy_run(struct solution *dst, const struct solution *src, bool with_bound);

/* cand's schedule, objective and gap replace *sol's, which keeps the facts
 * of its run (solution_copy_run, bound included); cand is left holding the
 * old schedule, for the caller to release. */
void solution_take(struct solution *sol, struct solution *cand);

static inline int *solution_attend(struct solution *s, int l, int b)
{
	return &s->attend[(long)l * s->n_blocks + b];
}

static inline int solution_attend_at(const struct solution *s, int l, int b)
{
	return s->attend[(long)l * s->n_blocks + b];
}

/* Recounts every session's size from the attend table. */
void solution_recount(struct solution *s);

/* Sets gap from objective and bound as the data contract defines it. */
void solution_set_gap(struct solution *s);

const char *solution_status_name(enum solve_status status);
const char *solution_kind_name(enum session_kind kind);
const char *solution_stop_name(enum stop_reason reason);
/* summary.csv's schedule_exists for status: "yes" (a schedule), "no" (proven
 * that none exists) or "unknown" (none found within the limits). */
const char *solution_exists_name(enum solve_status status);

#endif
