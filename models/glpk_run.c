/*
 * glpk_run.c - GLPK's simplex and branch-and-bound behind one call.
 *
 * Facts this relies on (GLPK 5.0): glp_iocp's tm_lim is in milliseconds;
 * with presolve off glp_intopt needs an optimal LP basis; the return code
 * alone does not say whether an incumbent exists, glp_mip_status() does;
 * GLPK's relative gap divides by the incumbent, the contract's by the bound,
 * so the gap is computed here from the best bound.  An incumbent built by
 * the model is handed over under GLP_IHEUR with glp_ios_heur_sol().
 */
#define _POSIX_C_SOURCE 200809L
#include "models/glpk_run.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "engine/util.h"

volatile sig_atomic_t mip_interrupted;

static struct lp_size largest;

void lp_scale_quiet(glp_prob *P)
{
	int was = glp_term_out(GLP_OFF);
	glp_scale_prob(P, GLP_SF_AUTO);
	glp_term_out(was);
}

void mip_largest_reset(void)
{
	memset(&largest, 0, sizeof(largest));
}

void mip_note_size(const struct lp_size *size)
{
	if (size->nonzeros > largest.nonzeros ||
	    (size->nonzeros == largest.nonzeros && size->rows > largest.rows))
		largest = *size;
}

struct lp_size mip_largest(void)
{
	return largest;
}

struct callback_state {
	const struct mip_params *params;
	double t0;
	bool start_given;
	double best_bound;
	int nodes;
	double last_progress;
};

#define PROGRESS_SECONDS 5.0

static double relative_gap(double obj, double bound)
{
	if (fabs(bound) < 1e-9)
		return fabs(obj) < 1e-9 ? 0 : 1;
	return (bound - obj) / fabs(bound);
}

static void callback(glp_tree *T, void *info)
{
	struct callback_state *st = info;
	glp_prob *P = glp_ios_get_prob(T);

	if (glp_ios_reason(T) == GLP_IHEUR && !st->start_given && st->params->start) {
		st->start_given = true;
		if (glp_ios_heur_sol(T, st->params->start) != 0)
			mcl_log(LOG_VERBOSE, "GLPK rejected the starting schedule (infeasible or "
				"no better than its incumbent)");
	}
	int best = glp_ios_best_node(T);
	if (best && glp_ios_node_bound(T, best) < DBL_MAX / 2)
		st->best_bound = glp_ios_node_bound(T, best);
	if (mip_interrupted) {
		glp_ios_terminate(T);
		return;
	}
	if (glp_ios_reason(T) == GLP_ISELECT && ++st->nodes > st->params->max_nodes &&
	    st->params->max_nodes > 0) {
		glp_ios_terminate(T);
		return;
	}
	bool have = glp_mip_status(P) == GLP_FEAS || glp_mip_status(P) == GLP_OPT;
	double obj = have ? glp_mip_obj_val(P) : 0;
	if (st->params->label && mcl_now() - st->last_progress >= PROGRESS_SECONDS) {
		st->last_progress = mcl_now();
		if (have)
			mcl_log(LOG_NORMAL, "  %s: %.0f s, incumbent %.1f, bound %.1f, gap %.2f%%",
				st->params->label, mcl_now() - st->t0, obj, st->best_bound,
				100 * relative_gap(obj, st->best_bound));
		else
			mcl_log(LOG_NORMAL, "  %s: %.0f s, no incumbent yet, bound %.1f",
				st->params->label, mcl_now() - st->t0, st->best_bound);
	}
	if (have && best && relative_gap(obj, st->best_bound) <= st->params->gap)
		glp_ios_terminate(T);
}

/* GLPK's feasibility pump checks the clock only between its LPs, each of the
 * root's size and solved with no time limit (on a joint plan of 9 436
 * columns its first took twice the root LP's iterations, 30 s): it runs only
 * when the time left after the root LP holds this many of it. */
#define FPUMP_ROOT_LPS 3.0

static int ms_left(double t0, double seconds)
{
	double left = seconds - (mcl_now() - t0);
	if (left < 0.05)
		left = 0.05;
	if (left > 2e6)
		left = 2e6;
	return (int)(left * 1000);
}

void mip_solve(glp_prob *P, const struct mip_params *params, struct mip_result *res)
{
	double t0 = mcl_now();
	struct lp_size size = { glp_get_num_rows(P), glp_get_num_cols(P), glp_get_num_nz(P) };
	mip_note_size(&size);
	memset(res, 0, sizeof(*res));
	res->outcome = MIP_ERROR;
	res->bound = DBL_MAX;
	if (mip_interrupted) {
		res->outcome = MIP_NO_SOLUTION;
		return;
	}

	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	/* Primal simplex: faster than the dual on these models from a cold
	 * start (the dual is used for warm re-solves). */
	smcp.meth = GLP_PRIMAL;
	smcp.presolve = params->presolve ? GLP_ON : GLP_OFF;
	smcp.tm_lim = ms_left(t0, params->seconds);
	int rc = glp_simplex(P, &smcp);
	if (rc != 0 && rc != GLP_ETMLIM) {
		res->seconds = mcl_now() - t0;
		return;
	}
	int st = glp_get_status(P);
	if (st == GLP_NOFEAS || st == GLP_INFEAS) {
		res->outcome = MIP_INFEASIBLE;
		res->seconds = mcl_now() - t0;
		return;
	}
	if (st != GLP_OPT) {
		res->outcome = MIP_NO_SOLUTION;
		res->seconds = mcl_now() - t0;
		return;
	}
	res->lp_bound = glp_get_obj_val(P);
	res->bound = res->lp_bound;
	mcl_log(LOG_VERBOSE, "LP relaxation %.1f in %.2f s (%d iterations)", res->lp_bound,
		mcl_now() - t0, glp_get_it_cnt(P));
	if (params->lp_only) {
		res->outcome = MIP_OPTIMAL;
		res->objective = res->lp_bound;
		res->seconds = mcl_now() - t0;
		return;
	}

	struct callback_state cs = { params, t0, false, res->lp_bound, 0, t0 };
	glp_iocp iocp;
	glp_init_iocp(&iocp);
	iocp.msg_lev = GLP_MSG_OFF;
	iocp.presolve = GLP_OFF;
	iocp.br_tech = GLP_BR_DTH;
	iocp.bt_tech = GLP_BT_BLB;
	iocp.tm_lim = ms_left(t0, params->seconds);
	iocp.mip_gap = params->gap;
	iocp.cb_func = callback;
	iocp.cb_info = &cs;
	iocp.mir_cuts = params->no_cuts ? GLP_OFF : GLP_ON;
	iocp.sr_heur = GLP_ON;
	double lp_seconds = mcl_now() - t0;
	bool pump = params->fpump &&
		    params->seconds - lp_seconds >= FPUMP_ROOT_LPS * lp_seconds;
	if (params->fpump && !pump)
		mcl_log(LOG_VERBOSE, "feasibility pump off: %.1f s left after the root LP's %.1f s",
			params->seconds - lp_seconds, lp_seconds);
	iocp.fp_heur = pump ? GLP_ON : GLP_OFF;
	rc = glp_intopt(P, &iocp);
	int ms = glp_mip_status(P);
	res->seconds = mcl_now() - t0;
	res->nodes = cs.nodes;
	if (ms == GLP_OPT) {
		res->objective = glp_mip_obj_val(P);
		/* Proven: search finished (or stopped by mip_gap, bound kept). */
		res->bound = (rc == 0) ? res->objective : cs.best_bound;
		if (res->bound < res->objective)
			res->bound = res->objective;
		res->outcome = MIP_OPTIMAL;
	} else if (ms == GLP_FEAS) {
		res->objective = glp_mip_obj_val(P);
		res->bound = cs.best_bound;
		if (res->bound < res->objective)
			res->bound = res->objective;
		res->outcome = relative_gap(res->objective, res->bound) <= params->gap
				       ? MIP_OPTIMAL
				       : MIP_FEASIBLE;
	} else if (ms == GLP_NOFEAS) {
		res->outcome = MIP_INFEASIBLE;
	} else {
		res->outcome = (rc == GLP_ETMLIM || rc == GLP_ESTOP) ? MIP_NO_SOLUTION : MIP_ERROR;
		/* no incumbent, but the search still proved its best node bound */
		if (res->outcome == MIP_NO_SOLUTION && cs.best_bound < res->bound)
			res->bound = cs.best_bound;
	}
}
