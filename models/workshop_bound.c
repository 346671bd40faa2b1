/*
 * workshop_bound.c - the whole-cycle bound of the workshop search: its LP
 * (bound_lp.c) in a child process, started, awaited and read (see
 * workshop_search.h), or started early by a caller (workshop.h).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/bound_lp.h"
#include "models/bound_lp_prices.h"
#include "models/bound_simple.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "models/search_settings.h"
#include "models/workshop.h"
#include "models/workshop_search.h"

/*
 * The whole-cycle bound runs in a child process while the parent builds the
 * schedule: the machines have two cores and GLPK is not reentrant, so a
 * second process is the simple way to use both.  The child sends its
 * struct bound_lp_result (bound_lp_result_put).  Without fork the bound is computed
 * in this process; if the child fails, the simple bound stands in.
 */
static void bound_start_blocks(struct bound_job *job, const struct problem *p,
			       const struct solve_options *opt, const int *blocks, int n_blocks,
			       const int *sem, int n_sem, double seconds)
{
	memset(job, 0, sizeof(*job));
	if (opt->simple_bound) {    /* the caller has the LP's */
		job->ch = (struct child)CHILD_NONE;
		job->res.bound = bound_simple_cycle(p, blocks, n_blocks, sem, n_sem);
		job->done = true;
		return;
	}
	int started = child_start(&job->ch);
	if (started == 0) {
		struct bound_lp_result rr;
		bound_lp_cycle(p, blocks, n_blocks, sem, n_sem, seconds, &rr);
		struct wire w = WIRE_INIT;
		bound_lp_result_put(&w, &rr);
		child_exit(child_send(&job->ch, &w) == 0);
	}
	if (started > 0)
		return;
	bound_lp_cycle(p, blocks, n_blocks, sem, n_sem, seconds, &job->res);
	job->done = true;
}

void bound_job_start(struct bound_job *job, const struct cycle *cy, double seconds)
{
	bound_start_blocks(job, cy->p, cy->opt, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem,
			   seconds);
}

/* How long past the time limit a finished search waits for the bound's LP
 * (never past the solve's deadline). */
#define BOUND_GRACE_SECONDS 1.0

/* The bound's LP: bound_share of the time limit, and done by BOUND_END_SHARE
 * of the time bound_job_poll waits at most (the cycle's time and the grace,
 * never past the solve's deadline), so that its bound, an optimum or a
 * dual simplex's prices, is in before the parent stops waiting. */
#define BOUND_END_SHARE 0.95

/* The bound LP's seconds when the search that waits for it has `left`
 * seconds to run: bound_share of the time limit, at most BOUND_END_SHARE
 * of its wait. */
static double bound_seconds_for(const struct solve_options *opt, double share, double left)
{
	double s = share * opt->time_limit;
	double wait = model_time_left(opt, left + BOUND_GRACE_SECONDS);
	return s < BOUND_END_SHARE * wait ? s : BOUND_END_SHARE * wait;
}

double bound_job_seconds(const struct cycle *cy)
{
	return bound_seconds_for(cy->opt, cy->set.bound_share, cycle_time_left(cy));
}

struct bound_job *workshop_bound_early(const struct problem *p, const struct solve_options *opt,
				       const int *sem, int n_sem, double left)
{
	int *ws = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1)), n_ws = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (p->blocks[b].kind == BLOCK_WORKSHOP)
			ws[n_ws++] = b;
	const struct search_settings *set = &search_settings_table[search_school_size(p, ws, n_ws)];
	struct bound_job *job = xmalloc(sizeof(*job));
	bound_start_blocks(job, p, opt, ws, n_ws, sem, n_sem,
			   bound_seconds_for(opt, set->bound_share, left));
	free(ws);
	return job;
}

void workshop_bound_free(struct bound_job *job)
{
	if (!job)
		return;
	child_cancel(&job->ch, SIGKILL);
	free(job);
}

/* A one-block cycle's own period LP bound (cy->block_bound, see
 * block_is_cycle in workshop_moves.c) when it is below the bound job has:
 * both are valid, so the smaller is. */
static void bound_take_block(struct bound_job *job, const struct cycle *cy)
{
	if (cy->block_bound >= job->res.bound)
		return;
	mcl_log(LOG_NORMAL, "whole-cycle bound %.1f (the one block's period LP, below the %s %.1f)",
		cy->block_bound, job->res.kind == BOUND_SIMPLE ? "simple bound" : "bound LP's",
		job->res.bound);
	job->res.bound = cy->block_bound;
	job->res.proven = true;
	job->res.kind = BOUND_LP_OPTIMUM;
}

/* The bound LP's child stopped unread: the simple bound, or the one
 * block's period LP bound when that is below it, stands in. */
void bound_job_drop(struct bound_job *job, const struct cycle *cy)
{
	const struct problem *p = cy->p;
	child_cancel(&job->ch, SIGKILL);
	memset(&job->res, 0, sizeof(job->res));
	job->res.bound = bound_simple_cycle(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem);
	job->done = true;
	bound_take_block(job, cy);
}

/* Collects the child's bound; waits for it when wait is true.  Returns
 * whether the bound is known. */
bool bound_job_poll(struct bound_job *job, const struct cycle *cy, bool wait)
{
	const struct problem *p = cy->p;
	if (job->done) {
		bound_take_block(job, cy);
		return true;
	}
	if (mip_interrupted) {
		/* Ctrl-C: do not wait for the LP; the simple bound is valid. */
		bound_job_drop(job, cy);
		return true;
	}
	if (!child_ready(&job->ch)) {
		if (!wait)
			return false;
		/* The time limit holds for the bound too: past it, or past
		 * the solve's deadline (or on a signal during the wait), the
		 * simple bound stands in. */
		double s = model_time_left(cy->opt, cycle_time_left(cy) + BOUND_GRACE_SECONDS);
		if (!child_wait(&job->ch, s))
			child_cancel(&job->ch, SIGKILL);
	}
	struct wire w;
	int r = child_collect(&job->ch, &w);
	if (r == 0)
		r = bound_lp_result_get(&w, &job->res);
	if (r == 0) {
		struct lp_size size = { job->res.rows, job->res.cols, job->res.nonzeros };
		mip_note_size(&size);
	}
	wire_release(&w);
	if (r != 0) {
		memset(&job->res, 0, sizeof(job->res));
		job->res.bound = bound_simple_cycle(p, cy->blocks, cy->n_blocks, cy->sem_blocks, cy->n_sem);
	}
	job->done = true;
	mcl_log(LOG_NORMAL, "whole-cycle bound %.1f (%s, %d rows, %d columns, %.1f s)",
		job->res.bound, bound_lp_kind_name(job->res.kind), job->res.rows, job->res.cols,
		job->res.seconds);
	bound_take_block(job, cy);
	return true;
}

