/*
 * solve.c - `mclsched solve` and `mclsched replan`: options, the scenario
 * (and for replan the previous schedule) loaded and checked, the output
 * path checked before any solving, the model run, its score re-checked
 * against the schedule's, the output written; solve --advise then advises
 * on it.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/advise.h"
#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/outpath.h"
#include "engine/progress.h"
#include "engine/solution.h"
#include "inputs/previous.h"
#include "models/glpk_run.h"
#include "models/memory_estimate.h"
#include "models/model.h"
#include "models/replan.h"
#include "outputs/output.h"

const char solve_usage[] =
	"usage: mclsched solve SCENARIO_DIR [-o OUT_DIR] [--time-limit SEC] [--gap REL]\n"
	"                      [--seed N] [--write-lp FILE] [--advise] [-q|-v]\n"
	"\n"
	"Builds and solves the cycle's schedule and writes it to OUT_DIR, atomically.\n"
	"\n"
	"  -o, --output OUT_DIR   where to write (default: output.dir of scenario.conf,\n"
	"                         taken from SCENARIO_DIR: SCENARIO_DIR/out); checked\n"
	"                         before solving\n"
	"  --time-limit SEC       wall-clock seconds for the solve (solver.time_limit)\n"
	"  --gap REL              stop within this relative gap of the bound (solver.gap)\n"
	"  --seed N               the search's random seed (solver.seed)\n"
	"  --write-lp FILE        also write the exact cycle model in CPLEX LP format\n"
	"  --advise               then `mclsched advise` on it: advice.csv and an Advice\n"
	"                         section in report.html (about 3 more time limits)\n"
	"  -q, --quiet            errors only on stderr\n"
	"  -v, --verbose          the search's detail and GLPK's output on stderr\n"
	"  -h, --help             this help\n"
	"\n"
	"Exit status: 0 schedule written, 1 usage error (a bad OUT_DIR included),\n"
	"2 bad input, 3 no schedule found (diagnosis written), 4 internal error.\n";

const char replan_usage[] =
	"usage: mclsched replan SCENARIO_DIR PREV_OUT_DIR [-o OUT_DIR] [--after BLOCK_ID]\n"
	"                       [--time-limit SEC] [--gap REL] [--seed N] [-q|-v]\n"
	"\n"
	"Re-plans a cycle that has begun: SCENARIO_DIR is the changed school (an\n"
	"absence, a closed room, a new learner...), PREV_OUT_DIR the schedule solve\n"
	"wrote for it before.  The blocks up to and including --after keep\n"
	"PREV_OUT_DIR's sessions and attendance (they happened); the later blocks\n"
	"are planned again, keeping learners where they were when that costs\n"
	"little (weights.keep).  Writes the usual files and changes.csv.\n"
	"\n"
	"  --after BLOCK_ID       the last block that already happened (default: none)\n"
	"  other options          as for solve\n"
	"\n"
	"Exit status: as solve; 2 also when PREV_OUT_DIR cannot be read or its\n"
	"frozen blocks break a rule of the changed school.\n";

/* What solve's and replan's options ask for. */
struct solve_args {
	bool replan;
	const char *out_dir, *write_lp, *after;
	double time_limit, gap;
	int seed;
	bool advise;
	const char *scenario_dir, *prev_dir;
};

/* Parses solve's or replan's arguments into a; -1 when taken, else the
 * exit code. */
static int parse_solve_args(int argc, char **argv, struct solve_args *a)
{
	const struct cli_option opts[] = {
		{ "output", 'o', true, cli_set_string, &a->out_dir, NULL },
		CLI_TIME_LIMIT(&a->time_limit),
		{ "gap", 0, true, cli_set_gap, &a->gap, "--gap wants a relative gap in [0, 1)" },
		CLI_SEED(&a->seed),
		{ "write-lp", 0, true, cli_set_string, &a->write_lp, NULL },
		a->replan ? (struct cli_option){ "after", 0, true, cli_set_string, &a->after, NULL }
			  : (struct cli_option){ "after", 0, true, NULL, NULL,
						 "--after is replan's: mclsched replan "
						 "SCENARIO_DIR PREV_OUT_DIR --after BLOCK_ID" },
		a->replan ? (struct cli_option){ "advise", 0, false, NULL, NULL,
						 "--advise is solve's: run mclsched advise "
						 "SCENARIO_DIR OUT_DIR on the replan's output" }
			  : (struct cli_option){ "advise", 0, false, cli_set_true, &a->advise,
						 NULL },
		CLI_QUIET,
		CLI_VERBOSE,
		CLI_HELP,
	};
	int first, rc = cli_parse(argc, argv, opts, (int)(sizeof(opts) / sizeof(opts[0])),
				  a->replan ? replan_usage : solve_usage, &first);
	if (rc >= 0)
		return rc;
	if (!a->replan && argc - first != 1)
		return cli_usage_error("%s", "solve takes exactly one SCENARIO_DIR");
	if (a->replan && argc - first != 2)
		return cli_usage_error("%s", "replan takes SCENARIO_DIR PREV_OUT_DIR");
	a->scenario_dir = argv[first];
	a->prev_dir = a->replan ? argv[first + 1] : NULL;
	return -1;
}

/* solve --advise: advise on the schedule just written, into OUT_DIR
 * (advice.csv, report.html's Advice section); the table on stderr. */
static int solve_advise(const char *scenario_dir, const char *out_dir, const struct problem *p,
			const struct solution *sol, const struct solve_options *opt)
{
	struct run_info run = { MCLSCHED_VERSION, opt->seed, opt->time_limit, opt->gap };
	struct advise_options o = { .scenario_dir = scenario_dir, .prev_out_dir = out_dir,
				    .out_dir = out_dir, .top = 5, .jobs = 2, .seed = -1,
				    .version = MCLSCHED_VERSION, .report_problem = p,
				    .report_schedule = sol, .report_run = &run };
	struct diag d;
	diag_init(&d);
	int code = advise_run(&o, mcl_log_enabled(LOG_NORMAL) ? stderr : NULL, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	if (code != ADVISE_OK)
		fprintf(stderr, "mclsched: the schedule is written, the advice is not\n");
	return code == ADVISE_OK ? EXIT_OK : code == ADVISE_STOPPED ? 128 + cli_stop_signal
								  : EXIT_INTERNAL;
}

/* Reads replan's previous schedule into p (inputs/previous.h): --after
 * resolved (a usage error when unknown), errors printed.  Returns an exit
 * code, EXIT_OK when p->previous is ready. */
static int load_previous(struct problem *p, const char *prev_dir, const char *after)
{
	int b = after ? problem_find_block(p, after) : -1;
	if (after && b < 0)
		return cli_usage_error("--after '%s' is not a block of blocks.csv", after);
	struct diag d;
	diag_init(&d);
	int rc = previous_load(p, prev_dir, b, &d);
	diag_print(&d, stderr);
	if (rc)
		fprintf(stderr, "mclsched: %d error%s in '%s'; nothing was written\n", d.n_errors,
			d.n_errors == 1 ? "" : "s", prev_dir);
	diag_release(&d);
	return rc ? EXIT_INPUT : EXIT_OK;
}

/* Loads the scenario (and replan's previous schedule) and checks the memory
 * estimate and the default output path; *p NULL and an exit code when any
 * fails.  *default_out: the output path taken from scenario.conf (freed by
 * the caller). */
static int prepare(struct solve_args *a, struct problem **pp, char **default_out)
{
	*default_out = NULL;
	struct problem *p = *pp = cli_load_scenario(a->scenario_dir);
	if (!p)
		return EXIT_INPUT;
	int code = a->replan ? load_previous(p, a->prev_dir, a->after) : EXIT_OK;
	struct memory_estimate mem;
	if (code == EXIT_OK) {
		memory_estimate(p, &mem);
		code = cli_memory_fits(p, &mem) ? EXIT_OK : EXIT_INPUT;
	}
	if (code == EXIT_OK && !a->out_dir) {
		*default_out = outpath_default(a->scenario_dir, p->config.out_dir);
		a->out_dir = *default_out;
		if (!cli_writable(a->out_dir, "output directory (output.dir of scenario.conf)",
				  outpath_check_dir))
			code = EXIT_USAGE;
	}
	if (code != EXIT_OK) {
		problem_free(p);
		*pp = NULL;
	}
	return code;
}

/* The model's own account must match the schedule's score. */
static bool score_agrees(const struct problem *p, const struct solution *sol)
{
	if (sol->status != SOLVE_OPTIMAL && sol->status != SOLVE_FEASIBLE)
		return true;
	struct metrics m;
	metrics_compute(p, sol, &m);
	bool ok = fabs(m.objective - sol->objective) <= 1e-6 * (1 + fabs(m.objective));
	if (!ok)
		fprintf(stderr, "mclsched: internal error: the model scored %.2f but the "
			"schedule scores %.2f\n", sol->objective, m.objective);
	metrics_release(&m);
	return ok;
}

/* Writing the output takes about this many times reading the scenario
 * took, on a busy machine as on an idle one (bench/TUNING.md). */
#define WRITE_PER_READ 8

/* The solve's share of the time limit, whose clock started at t_start (the
 * run's start): what reading the scenario left, less the time writing the
 * output is expected to take (the estimate for the school's size, or more
 * when reading was slow; at most a quarter of the limit); at least half
 * the limit.  The whole run, not only the solve, keeps the limit. */
static double solve_share(const struct problem *p, double limit, double t_start)
{
	double write = output_write_seconds(p), read = mcl_now() - t_start;
	if (write < WRITE_PER_READ * read)
		write = WRITE_PER_READ * read;
	if (write > limit / 4)
		write = limit / 4;
	double share = limit - (mcl_now() - t_start) - write;
	mcl_log(LOG_VERBOSE, "read in %.2f s; %.2f s kept for writing", mcl_now() - t_start, write);
	return share > limit / 2 ? share : limit / 2;
}

/* Writes the solved schedule (or the diagnosis) and says so; the exit code. */
static int write_result(const struct problem *p, const struct solution *sol,
			const struct solve_options *opt, double limit, const char *out_dir)
{
	if (mip_interrupted && sol->status != SOLVE_OPTIMAL && sol->status != SOLVE_FEASIBLE) {
		fprintf(stderr, "mclsched: stopped by a signal before any schedule was found; "
			"nothing written\n");
		return 128 + cli_stop_signal;
	}
	struct diag d;
	diag_init(&d);
	struct run_info run = { MCLSCHED_VERSION, opt->seed, limit, opt->gap };
	if (output_write(p, sol, &run, out_dir, &d) != 0) {
		diag_print(&d, stderr);
		diag_release(&d);
		return output_abort ? 128 + cli_stop_signal : EXIT_INTERNAL;
	}
	diag_release(&d);
	if (sol->status == SOLVE_INFEASIBLE || sol->status == SOLVE_NO_SOLUTION) {
		if (sol->diagnosis)
			fputs(sol->diagnosis, stderr);
		/* report.html's heading, in the same words */
		if (sol->status == SOLVE_INFEASIBLE)
			fprintf(stderr, "mclsched: No schedule exists: proven, the proof is in "
				"%s/diagnosis.txt\n", out_dir);
		else
			fprintf(stderr, "mclsched: No schedule was found within the limits (%g s): a "
				"longer --time-limit may find one; diagnosis in %s/diagnosis.txt\n",
				limit, out_dir);
		return EXIT_NO_SCHEDULE;
	}
	char words[128];
	progress_gap_words(words, sizeof(words), sol->gap, opt->gap);
	mcl_log(LOG_NORMAL, "schedule: objective %.1f, %s, bound %.1f, in %.1f s",
		sol->objective, words, sol->bound, sol->solve_seconds);
	mcl_log(LOG_NORMAL, "schedule written to %s/", out_dir);
	mcl_log(LOG_NORMAL, "report for people: %s/report.html", out_dir);
	return EXIT_OK;
}

static int run_solve(int argc, char **argv, bool replan)
{
	double t_start = mcl_now();
	struct solve_args a = { .replan = replan, .time_limit = -1, .gap = -1, .seed = -1 };
	int code = parse_solve_args(argc, argv, &a);
	if (code >= 0)
		return code;
	/* A path that cannot be written fails now, not after the time limit. */
	if (a.out_dir && !cli_writable(a.out_dir, "output directory", outpath_check_dir))
		return EXIT_USAGE;
	if (a.write_lp && !cli_writable(a.write_lp, "--write-lp file", outpath_check_file))
		return EXIT_USAGE;
	struct problem *p;
	char *default_out;
	code = prepare(&a, &p, &default_out);
	if (!p)
		return code;
	double limit = a.time_limit > 0 ? a.time_limit : p->config.time_limit;
	struct solve_options opt = {
		.time_limit = solve_share(p, limit, t_start),
		.gap = a.gap >= 0 ? a.gap : p->config.gap,
		.seed = a.seed >= 0 ? a.seed : p->config.seed,
		.write_lp = a.write_lp,
	};
	struct solution sol;
	solution_init(&sol, p);
	cli_catch_stop_signals();
	double t0 = mcl_now();
	opt.deadline = t0 + opt.time_limit;
	int rc = p->previous || p->n_pins ? replan_solve(p, &opt, &sol) : model_solve(p, &opt, &sol);
	sol.solve_seconds = mcl_now() - t0;
	if (rc != 0) {
		fprintf(stderr, "mclsched: internal error in the '%s' model\n",
			problem_model_name(p->config.model));
		code = EXIT_INTERNAL;
	} else if (!score_agrees(p, &sol)) {
		code = EXIT_INTERNAL;
	} else {
		double tw = mcl_now();
		code = write_result(p, &sol, &opt, limit, a.out_dir);
		mcl_log(LOG_VERBOSE, "written in %.2f s", mcl_now() - tw);
		if (code == EXIT_OK && a.advise) {
			opt.time_limit = limit;   /* advise's re-solves: the limit each */
			code = solve_advise(a.scenario_dir, a.out_dir, p, &sol, &opt);
		}
	}
	solution_release(&sol);
	problem_free(p);
	free(default_out);
	return code;
}

int cmd_solve(int argc, char **argv)
{
	return run_solve(argc, argv, false);
}

int cmd_replan(int argc, char **argv)
{
	return run_solve(argc, argv, true);
}
