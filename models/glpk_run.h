/*
 * glpk_run.h - runs GLPK on one mixed-integer program, with limits and progress.
 *
 * Every model solves its integer programs through mip_solve(): it solves the
 * LP relaxation with the simplex method (glp_intopt needs an optimal basis
 * when its presolver is off), hands GLPK an incumbent the model constructed
 * itself, then runs branch-and-bound under a wall-clock limit and a relative
 * gap, polling the incumbent and the best bound from the callback.  GLPK's own
 * terminal output is routed by the CLI's glp_term_hook, never to stdout.
 */
#ifndef MCL_GLPK_RUN_H
#define MCL_GLPK_RUN_H

#include <glpk.h>
#include <signal.h>
#include <stdbool.h>

enum mip_outcome {
	MIP_OPTIMAL,        /* proven within the gap */
	MIP_FEASIBLE,       /* incumbent, stopped by a limit */
	MIP_INFEASIBLE,     /* proven: no integer solution */
	MIP_NO_SOLUTION,    /* none found within the limit */
	MIP_ERROR,          /* GLPK failed (numerics, bad model) */
};

struct mip_params {
	double seconds;         /* wall-clock limit for LP + branch-and-bound */
	double gap;             /* relative gap (bound - obj) / |bound| to stop at */
	const double *start;    /* [1 + n_cols] incumbent to hand GLPK, or NULL */
	bool lp_only;           /* solve only the LP relaxation */
	bool presolve;          /* LP presolver on: faster from a cold start on
				 * large degenerate LPs, but discards a basis */
	const char *label;      /* when set, a progress line on stderr every
				 * few seconds: "LABEL: incumbent, bound, gap" */
	bool fpump;             /* GLPK's feasibility pump before branching: a
				 * first integer point much sooner on a model
				 * whose objective is 0 (construct_joint.c);
				 * off when the time left after the root LP
				 * could not hold its LPs (glpk_run.c) */
	int max_nodes;          /* stop branch-and-bound after this many node
				 * selections (0: no limit); unlike time, a node
				 * budget gives the same answer on every run */
	bool no_cuts;           /* no MIR cuts: on a near-assignment whose root
				 * the cuts would hold past its time */
};

struct mip_result {
	enum mip_outcome outcome;
	double objective;       /* incumbent (or LP optimum when lp_only) */
	double bound;           /* proven upper bound (maximisation) */
	double lp_bound;        /* the root LP optimum */
	double seconds;
	int nodes;              /* node selections made */
};

/*
 * Solves P (a maximisation) under params.  On MIP_OPTIMAL/MIP_FEASIBLE the
 * solution is read with glp_mip_col_val (or glp_get_col_prim when lp_only).
 * The caller keeps ownership of P.
 */
void mip_solve(glp_prob *P, const struct mip_params *params, struct mip_result *res);

/*
 * The library's stop flag.  The program owns the signals: its SIGINT and
 * SIGTERM handler sets this flag (cli/common.c), and the library only reads it:
 * running solves stop at the next callback and keep their incumbent, the
 * models' searches end their loops and write the best schedule so far.
 * Nothing in the library installs a handler.
 */
extern volatile sig_atomic_t mip_interrupted;

/* glp_scale_prob(P, GLP_SF_AUTO) without its report ("Scaling...", the
 * ratios), which GLPK prints whatever the solver's msg_lev. */
void lp_scale_quiet(glp_prob *P);

/* The size of a linear program (summary.csv model_rows, model_columns,
 * model_nonzeros). */
struct lp_size {
	int rows, cols;
	long nonzeros;
};

/* The largest LP or MIP (by nonzeros) this process has solved since
 * mip_largest_reset(): mip_solve notes each one; a model notes one solved in
 * a child process with mip_note_size when the child reports it. */
void mip_largest_reset(void);
void mip_note_size(const struct lp_size *size);
struct lp_size mip_largest(void);

#endif
