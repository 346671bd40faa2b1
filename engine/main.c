/*
 * main.c - the mclsched command line: parse arguments, call the library.
 *
 * Exit status is part of the interface (docs/cli.md):
 *   0 done (solve: schedule written; verify: every hard rule holds)
 *   1 usage error
 *   2 bad input or config, nothing written
 *   3 no feasible schedule found (diagnosis written)
 *   4 internal error
 *   5 verify: the schedule breaks a hard rule
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <glpk.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/advise.h"
#include "engine/diag.h"
#include "engine/metrics.h"
#include "engine/outpath.h"
#include "engine/progress.h"
#include "engine/problem.h"
#include "engine/solution.h"
#include "engine/util.h"
#include "inputs/import.h"
#include "inputs/previous.h"
#include "inputs/scenario.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/memory_estimate.h"
#include "models/model.h"
#include "models/precheck.h"
#include "models/replan.h"
#include "compare/compare.h"
#include "compare/compare_run.h"
#include "compare/compare_view.h"
#include "outputs/output.h"
#include "outputs/verify.h"

#ifndef MCLSCHED_VERSION
#define MCLSCHED_VERSION "0.1.0"
#endif

enum exit_code {
	EXIT_OK = 0,
	EXIT_USAGE = 1,
	EXIT_INPUT = 2,
	EXIT_NO_SCHEDULE = 3,
	EXIT_INTERNAL = 4,
	EXIT_VIOLATION = 5,
};

/* Each command's usage: printed by `mclsched CMD --help` and `mclsched help
 * CMD` (stdout, exit 0) and after a usage error of that command (stderr). */
static const char solve_usage[] =
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

static const char replan_usage[] =
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

static const char check_usage[] =
	"usage: mclsched check SCENARIO_DIR\n"
	"\n"
	"Validates the scenario's inputs, reports every error as FILE:LINE: message,\n"
	"and prints a census on stdout.  Then counts, per block, the seats the\n"
	"facilitators and rooms can offer, and names any block that is short.\n"
	"Writes nothing.\n"
	"Exit status: 0 valid, 1 usage error, 2 bad input, 3 a block is short of\n"
	"seats (no schedule can exist).\n";

static const char verify_usage[] =
	"usage: mclsched verify SCENARIO_DIR OUT_DIR\n"
	"\n"
	"Re-checks a written schedule against its inputs and every hard rule,\n"
	"one violation a line on stdout.\n"
	"Exit status: 0 every hard rule holds, 1 usage error, 2 bad input,\n"
	"5 a hard rule is broken.\n";

static const char compare_usage[] =
	"usage: mclsched compare OUT_DIR OUT_DIR... [-o DIR] [--force]\n"
	"\n"
	"Scenario runs of one school side by side, for weighing scenarios: every\n"
	"summary figure per run on stdout (the best marked), and compare.html and\n"
	"compare.csv in DIR: who gains or loses need-sessions against the first run\n"
	"(by priority), which learners change most, whose facilitator loads change,\n"
	"and which run settings differ.  Reads only the OUT_DIRs of mclsched solve.\n"
	"\n"
	"  -o, --output DIR   where compare.html and compare.csv go (default: the\n"
	"                     current directory); checked before anything is read\n"
	"  --force            compare runs even when their learners differ\n"
	"  -h, --help         this help\n"
	"\n"
	"Exit status: 0 compared, 1 usage error (a DIR that cannot be written\n"
	"included), 2 an OUT_DIR cannot be read, or the runs are of different\n"
	"schools (different learners) and --force was not given, 4 the files could\n"
	"not be written.\n";

static const char advise_usage[] =
	"usage: mclsched advise SCENARIO_DIR [PREV_OUT_DIR] [--top N] [-o DIR]\n"
	"                       [--time-limit SEC] [--seed N] [--jobs 1|2] [--budget X]\n"
	"                       [-q|-v]\n"
	"\n"
	"Which single change to the school would help its schedule most: candidate\n"
	"changes found from the bound LP's prices and the unmet list, each with an\n"
	"expected gain (an estimate); the top N re-solved and verified on a copy of\n"
	"the scenario, with their verified gain and KPIs.  A ranked table on stdout,\n"
	"advice.csv in DIR.  PREV_OUT_DIR: a solve of SCENARIO_DIR used as the\n"
	"\"before\" (its time limit and seed too) instead of solving it again.\n"
	"\n"
	"  --top N                candidates re-solved (default 5, 0: none)\n"
	"  -o, --output DIR       where advice.csv goes (default: the current directory)\n"
	"  --time-limit SEC       each solve's time limit (default: PREV_OUT_DIR's, else\n"
	"                         solver.time_limit)\n"
	"  --seed N               each solve's seed (default: likewise)\n"
	"  --jobs 1|2             re-solves run at once (default 2)\n"
	"  --budget X             the whole run within X time limits (default 5): a\n"
	"                         re-solve starts only when it can end in time\n"
	"  -q, --quiet            errors only on stderr\n"
	"  -v, --verbose          more detail on stderr\n"
	"  -h, --help             this help\n"
	"\n"
	"Exit status: 0 advice written, 1 usage error, 2 bad input or a PREV_OUT_DIR\n"
	"that does not verify, 3 the scenario as it is has no schedule, 4 internal error,\n"
	"130 or 143 stopped by a signal (nothing written).\n";

static const char import_usage[] =
	"usage: mclsched import oneroster ONEROSTER_DIR -o SCENARIO_DIR [--goal-map FILE]\n"
	"                                 [--as-of YYYY-MM-DD] [-q]\n"
	"       mclsched import case FRAMEWORK.json -o SCENARIO_DIR\n"
	"                            [--areas-from isChildOf|document] [-q]\n"
	"\n"
	"Writes scenario files from the standards a district keeps its data in\n"
	"(docs/inputs.md, \"Imports\"); the scenario's other files are left alone.\n"
	"  oneroster  OneRoster 1.1 CSV -> learners.csv, facilitators.csv, and\n"
	"             progress.csv when results.csv is there\n"
	"  case       a 1EdTech CASE 1.0 JSON package -> goals.csv, prerequisites.csv\n"
	"\n"
	"  -o, --output SCENARIO_DIR  the scenario to write into (created if missing)\n"
	"  --goal-map FILE            CSV line_item_id,goal_id: the goal of each\n"
	"                             lineItem (default: its title's leading goal id)\n"
	"  --as-of YYYY-MM-DD         the date ages are counted on (default: today, UTC)\n"
	"  --areas-from WAY           isChildOf (default): a goal's area is its top\n"
	"                             isChildOf ancestor; document: the document's title\n"
	"  -q, --quiet                errors only on stderr\n"
	"  -h, --help                 this help\n"
	"\n"
	"Rows that cannot be mapped are listed as warnings (FILE:LINE) and left out.\n"
	"Exit status: 0 written, 1 usage error, 2 bad input (nothing written),\n"
	"4 the scenario directory could not be written.\n";

static void usage(FILE *out)
{
	fputs("usage: mclsched solve   SCENARIO_DIR [-o OUT_DIR] [--time-limit SEC] [--gap REL]\n"
	      "                        [--seed N] [--write-lp FILE] [-q|-v]\n"
	      "       mclsched replan  SCENARIO_DIR PREV_OUT_DIR [--after BLOCK_ID] [solve options]\n"
	      "       mclsched check   SCENARIO_DIR\n"
	      "       mclsched verify  SCENARIO_DIR OUT_DIR\n"
	      "       mclsched compare OUT_DIR OUT_DIR... [-o DIR] [--force]\n"
	      "       mclsched import  oneroster|case SOURCE -o SCENARIO_DIR [options]\n"
	      "       mclsched advise  SCENARIO_DIR [PREV_OUT_DIR] [--top N] [-o DIR]\n"
	      "       mclsched help [COMMAND] | COMMAND --help | --help | --version\n"
	      "\n"
	      "  solve    build and solve the cycle's schedule, write OUT_DIR\n"
	      "  replan   re-plan the blocks after --after, keeping the earlier ones\n"
	      "  check    validate the scenario's inputs and print a census\n"
	      "  verify   re-check a written schedule against its inputs\n"
	      "  compare  scenario runs side by side: stdout, compare.html, compare.csv\n"
	      "  import   scenario files from OneRoster CSV or a CASE framework\n"
	      "  advise   which single change would help the schedule most: advice.csv\n"
	      "  help     this help, or a command's\n"
	      "\n"
	      "Exit status: 0 done, 1 usage, 2 bad input, 3 no schedule found,\n"
	      "4 internal error, 5 verify found a violation.  See docs/cli.md.\n",
	      out);
}

/* The command being run, for usage_error's usage text (NULL: the
 * program's). */
static const char *command_usage;

static int usage_error(const char *fmt, ...) MCL_PRINTF(1, 2);

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mclsched: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n", stderr);
	va_end(ap);
	if (command_usage)
		fputs(command_usage, stderr);
	else
		usage(stderr);
	return EXIT_USAGE;
}

/* GLPK prints to stdout unless hooked: route its chatter to verbose logs. */
static int glpk_term_hook(void *info, const char *s)
{
	(void)info;
	if (mcl_log_enabled(LOG_VERBOSE))
		fputs(s, stderr);
	return 1;
}

/* The signal that stopped the run, for the exit status 128 + sig. */
static volatile sig_atomic_t stop_signal;

/* Ctrl-C and SIGTERM ask the solve to stop and write its best schedule:
 * the program owns the signals, the library reads the flags
 * (models/glpk_run.h, outputs/output.h).  A second one stops at once: the
 * children are killed and, outside a write, the process exits; during a
 * write, output_write removes its temporary directory and returns. */
static void on_stop_signal(int sig)
{
	if (!mip_interrupted) {
		stop_signal = sig;
		mip_interrupted = 1;
		return;
	}
	child_kill_all();
	if (output_writing) {
		output_abort = 1;
		return;
	}
	_exit(128 + sig);
}

static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static struct problem *load_or_report(const char *dir)
{
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(dir, &d);
	diag_print(&d, stderr);
	if (!p && d.n_errors == 0)
		fprintf(stderr, "error: %s: cannot read the scenario\n", dir);
	if (!p)
		fprintf(stderr, "mclsched: %d error%s in '%s'; nothing was written\n",
			d.n_errors, d.n_errors == 1 ? "" : "s", dir);
	diag_release(&d);
	return p;
}

/* Whether p's memory estimate fits solver.max_memory_mb; else says why. */
static bool memory_fits(const struct problem *p, const struct memory_estimate *e)
{
	char *why = memory_refusal(p, e);
	if (why)
		fprintf(stderr, "error: scenario.conf: %s\nmclsched: nothing was solved\n", why);
	free(why);
	return !why;
}

static int cmd_check(int argc, char **argv)
{
	if (argc != 2)
		return usage_error("%s", "check takes exactly one SCENARIO_DIR");
	struct problem *p = load_or_report(argv[1]);
	if (!p)
		return EXIT_INPUT;
	scenario_census(p, stdout);
	struct memory_estimate mem;
	memory_estimate(p, &mem);
	printf("%-13s %.0f MiB at most (largest part: %s)\n", "memory", mem.total_mib,
	       memory_part_name(mem.largest));
	bool fits = memory_fits(p, &mem);
	/* the counting conditions: a block that cannot seat its learners */
	char *short_of = precheck_scenario(p);
	bool seats = !short_of;
	if (short_of)
		fprintf(stderr, "error: no schedule can exist:\n%s", short_of);
	free(short_of);
	problem_free(p);
	return !fits ? EXIT_INPUT : !seats ? EXIT_NO_SCHEDULE : EXIT_OK;
}

static int parse_double(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* Whether path passes check; else prints "mclsched: WHAT 'PATH' REASON". */
static bool writable(const char *path, const char *what, char *(*check)(const char *))
{
	char *why = check(path);
	if (!why)
		return true;
	fprintf(stderr, "mclsched: %s '%s' %s; nothing was solved\n", what, path, why);
	free(why);
	return false;
}

/* solve --advise: advise on the schedule just written, into OUT_DIR
 * (advice.csv, report.html's Advice section); the table on stderr. */
static int solve_advise(const char *scenario_dir, const char *out_dir, const struct problem *p,
			const struct solution *sol, const struct run_info *run)
{
	struct advise_options o = { .scenario_dir = scenario_dir, .prev_out_dir = out_dir,
				    .out_dir = out_dir, .top = 5, .jobs = 2, .seed = -1,
				    .version = MCLSCHED_VERSION, .report_problem = p,
				    .report_schedule = sol, .report_run = run };
	struct diag d;
	diag_init(&d);
	int code = advise_run(&o, mcl_log_enabled(LOG_NORMAL) ? stderr : NULL, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	if (code != ADVISE_OK)
		fprintf(stderr, "mclsched: the schedule is written, the advice is not\n");
	return code == ADVISE_OK ? EXIT_OK : code == ADVISE_STOPPED ? 128 + stop_signal
								  : EXIT_INTERNAL;
}


/* Reads replan's previous schedule into p (inputs/previous.h): --after
 * resolved (a usage error when unknown), errors printed.  Returns an exit
 * code, EXIT_OK when p->previous is ready. */
static int load_previous(struct problem *p, const char *prev_dir, const char *after)
{
	int b = after ? problem_find_block(p, after) : -1;
	if (after && b < 0)
		return usage_error("--after '%s' is not a block of blocks.csv", after);
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

static int run_solve(int argc, char **argv, bool replan)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "time-limit", required_argument, NULL, 't' },
		{ "gap", required_argument, NULL, 'g' },
		{ "seed", required_argument, NULL, 's' },
		{ "write-lp", required_argument, NULL, 'L' },
		{ "after", required_argument, NULL, 'A' },
		{ "advise", no_argument, NULL, 'a' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_dir = NULL;
	double time_limit = -1, gap = -1, seed = -1;
	const char *write_lp = NULL, *after = NULL;
	bool advise = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_dir = optarg;
			break;
		case 't':
			/* at most 1e6 s (11.6 days), as solver.time_limit: GLPK
			 * takes its limits in milliseconds as an int */
			if (parse_double(optarg, &time_limit) || time_limit <= 0 || time_limit > 1e6)
				return usage_error("--time-limit wants a positive number of seconds up to "
						   "1000000, not '%s'", optarg);
			break;
		case 'g':
			if (parse_double(optarg, &gap) || gap < 0 || gap >= 1)
				return usage_error("--gap wants a relative gap in [0, 1), not '%s'", optarg);
			break;
		case 's':
			if (parse_double(optarg, &seed) || seed < 0 || seed > 1e9 || seed != floor(seed))
				return usage_error("--seed wants a whole number >= 0, not '%s'", optarg);
			break;
		case 'L':
			write_lp = optarg;
			break;
		case 'A':
			if (!replan)
				return usage_error("%s", "--after is replan's: mclsched replan "
						   "SCENARIO_DIR PREV_OUT_DIR --after BLOCK_ID");
			after = optarg;
			break;
		case 'a':
			if (replan)
				return usage_error("%s", "--advise is solve's: run mclsched advise "
						   "SCENARIO_DIR OUT_DIR on the replan's output");
			advise = true;
			break;
		case 'q':
			mcl_log_level = LOG_QUIET;
			break;
		case 'v':
			mcl_log_level = LOG_VERBOSE;
			break;
		case 'h':
			fputs(replan ? replan_usage : solve_usage, stdout);
			return EXIT_OK;
		default:
			fputs(replan ? replan_usage : solve_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (!replan && argc - optind != 1)
		return usage_error("%s", "solve takes exactly one SCENARIO_DIR");
	if (replan && argc - optind != 2)
		return usage_error("%s", "replan takes SCENARIO_DIR PREV_OUT_DIR");
	/* A path that cannot be written fails now, not after the time limit. */
	if (out_dir && !writable(out_dir, "output directory", outpath_check_dir))
		return EXIT_USAGE;
	if (write_lp && !writable(write_lp, "--write-lp file", outpath_check_file))
		return EXIT_USAGE;

	struct problem *p = load_or_report(argv[optind]);
	if (!p)
		return EXIT_INPUT;
	int prev_rc = replan ? load_previous(p, argv[optind + 1], after) : EXIT_OK;
	if (prev_rc != EXIT_OK) {
		problem_free(p);
		return prev_rc;
	}
	struct memory_estimate mem;
	memory_estimate(p, &mem);
	if (!memory_fits(p, &mem)) {
		problem_free(p);
		return EXIT_INPUT;
	}
	char *default_out = NULL;
	if (!out_dir) {
		default_out = outpath_default(argv[optind], p->config.out_dir);
		out_dir = default_out;
		if (!writable(out_dir, "output directory (output.dir of scenario.conf)",
			      outpath_check_dir)) {
			free(default_out);
			problem_free(p);
			return EXIT_USAGE;
		}
	}

	struct solve_options opt = {
		.time_limit = time_limit > 0 ? time_limit : p->config.time_limit,
		.gap = gap >= 0 ? gap : p->config.gap,
		.seed = seed >= 0 ? (int)seed : p->config.seed,
		.write_lp = write_lp,
	};

	struct solution sol;
	solution_init(&sol, p);
	catch_stop_signals();
	double t0 = mcl_now();
	int rc = p->previous || p->n_pins ? replan_solve(p, &opt, &sol) : model_solve(p, &opt, &sol);
	sol.solve_seconds = mcl_now() - t0;
	int code = EXIT_OK;
	if (rc != 0) {
		fprintf(stderr, "mclsched: internal error in the '%s' model\n",
			problem_model_name(p->config.model));
		code = EXIT_INTERNAL;
		goto out_release;
	}
	if (sol.status == SOLVE_OPTIMAL || sol.status == SOLVE_FEASIBLE) {
		/* The model's own account must match the schedule's score. */
		struct metrics m;
		metrics_compute(p, &sol, &m);
		if (fabs(m.objective - sol.objective) > 1e-6 * (1 + fabs(m.objective))) {
			fprintf(stderr, "mclsched: internal error: the model scored %.2f but the "
				"schedule scores %.2f\n", sol.objective, m.objective);
			metrics_release(&m);
			code = EXIT_INTERNAL;
			goto out_release;
		}
		metrics_release(&m);
	}
	if (mip_interrupted && sol.status != SOLVE_OPTIMAL && sol.status != SOLVE_FEASIBLE) {
		fprintf(stderr, "mclsched: stopped by a signal before any schedule was found; "
			"nothing written\n");
		code = 128 + stop_signal;
		goto out_release;
	}
	struct diag d;
	diag_init(&d);
	struct run_info run = { MCLSCHED_VERSION, opt.seed, opt.time_limit, opt.gap };
	if (output_write(p, &sol, &run, out_dir, &d) != 0) {
		diag_print(&d, stderr);
		diag_release(&d);
		code = output_abort ? 128 + stop_signal : EXIT_INTERNAL;
		goto out_release;
	}
	diag_release(&d);
	if (sol.status == SOLVE_INFEASIBLE || sol.status == SOLVE_NO_SOLUTION) {
		if (sol.diagnosis)
			fputs(sol.diagnosis, stderr);
		fprintf(stderr, "mclsched: no schedule; diagnosis in %s/diagnosis.txt\n", out_dir);
		code = EXIT_NO_SCHEDULE;
		goto out_release;
	}
	char words[128];
	progress_gap_words(words, sizeof(words), sol.gap, opt.gap);
	mcl_log(LOG_NORMAL, "schedule: objective %.1f, %s, bound %.1f, in %.1f s",
		sol.objective, words, sol.bound, sol.solve_seconds);
	mcl_log(LOG_NORMAL, "schedule written to %s/", out_dir);
	mcl_log(LOG_NORMAL, "report for people: %s/report.html", out_dir);
	if (advise)
		code = solve_advise(argv[optind], out_dir, p, &sol, &run);
out_release:
	solution_release(&sol);
	problem_free(p);
	free(default_out);
	return code;
}

static int cmd_solve(int argc, char **argv)
{
	return run_solve(argc, argv, false);
}

static int cmd_replan(int argc, char **argv)
{
	return run_solve(argc, argv, true);
}

static int cmd_verify(int argc, char **argv)
{
	if (argc != 3)
		return usage_error("%s", "verify takes SCENARIO_DIR OUT_DIR");
	struct problem *p = load_or_report(argv[1]);
	if (!p)
		return EXIT_INPUT;
	struct diag d;
	diag_init(&d);
	int violations = verify_schedule(p, argv[2], stdout, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	problem_free(p);
	if (violations < 0)
		return EXIT_INPUT;
	if (violations > 0) {
		fprintf(stderr, "mclsched: %d violation%s in '%s'\n", violations,
			violations == 1 ? "" : "s", argv[2]);
		return EXIT_VIOLATION;
	}
	fprintf(stderr, "mclsched: '%s' satisfies every hard rule\n", argv[2]);
	return EXIT_OK;
}

/* `mclsched compare`: reads every run before writing anything, refuses
 * runs of different schools unless --force (exit 2). */
static int cmd_compare(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = ".";
	bool force = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			dir = optarg;
			break;
		case 'f':
			force = true;
			break;
		case 'h':
			fputs(compare_usage, stdout);
			return EXIT_OK;
		default:
			fputs(compare_usage, stderr);
			return EXIT_USAGE;
		}
	}
	int n_runs = argc - optind;
	if (n_runs < 2)
		return usage_error("%s", "compare takes two or more OUT_DIRs");
	char *why = compare_check_dir(dir);
	if (why) {
		fprintf(stderr, "mclsched: output directory '%s' %s; nothing was compared\n", dir,
			why);
		free(why);
		return EXIT_USAGE;
	}

	struct compare_run *runs = xcalloc((size_t)n_runs, sizeof(*runs));
	struct diag d;
	diag_init(&d);
	for (int r = 0; r < n_runs; r++)
		compare_run_read(&runs[r], argv[optind + r], &d);
	int code = EXIT_OK;
	if (d.n_errors) {
		diag_print(&d, stderr);
		fprintf(stderr, "mclsched: %d error%s in the output directories; nothing was "
			"written\n", d.n_errors, d.n_errors == 1 ? "" : "s");
		code = EXIT_INPUT;
		goto out_runs;
	}
	for (int r = 1; r < n_runs; r++) {
		char *mismatch = compare_school_mismatch(&runs[0], &runs[r]);
		if (!mismatch)
			continue;
		if (force) {
			fprintf(stderr, "mclsched: warning: %s; compared anyway (--force)\n", mismatch);
		} else {
			fprintf(stderr, "mclsched: %s; compare runs of one school, or pass --force; "
				"nothing was written\n", mismatch);
			code = EXIT_INPUT;
		}
		free(mismatch);
	}
	if (code != EXIT_OK)
		goto out_runs;

	struct compare cmp;
	compare_build(&cmp, runs, n_runs);
	compare_print_table(&cmp, stdout);
	fflush(stdout);
	if (compare_write_files(&cmp, dir, &d) != 0) {
		diag_print(&d, stderr);
		code = EXIT_INTERNAL;
	} else {
		mcl_log(LOG_NORMAL, "compare.html and compare.csv written to %s/", dir);
	}
	compare_release(&cmp);
out_runs:
	diag_release(&d);
	for (int r = 0; r < n_runs; r++)
		compare_run_release(&runs[r]);
	free(runs);
	return code;
}

/* `mclsched import oneroster|case SOURCE -o SCENARIO_DIR`: reads all,
 * writes only when no error was found (inputs/import.h). */
static int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "goal-map", required_argument, NULL, 'm' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "areas-from", required_argument, NULL, 'A' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_dir = NULL;
	struct import_oneroster_options ro = { NULL, NULL };
	enum import_areas areas = IMPORT_AREAS_IS_CHILD_OF;
	bool areas_given = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_dir = optarg;
			break;
		case 'm':
			ro.goal_map = optarg;
			break;
		case 'a':
			ro.as_of = optarg;
			break;
		case 'A':
			if (!import_areas_parse(optarg, &areas))
				return usage_error("--areas-from wants isChildOf or document, not '%s'",
						   optarg);
			areas_given = true;
			break;
		case 'q':
			mcl_log_level = LOG_QUIET;
			break;
		case 'h':
			fputs(import_usage, stdout);
			return EXIT_OK;
		default:
			fputs(import_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2)
		return usage_error("%s", "import takes a format (oneroster or case) and a SOURCE");
	const char *format = argv[optind], *source = argv[optind + 1];
	bool oneroster = !strcmp(format, "oneroster");
	if (!oneroster && strcmp(format, "case"))
		return usage_error("unknown import format '%s': want oneroster or case", format);
	if (!out_dir)
		return usage_error("%s", "import needs -o SCENARIO_DIR");
	if (oneroster && areas_given)
		return usage_error("%s", "--areas-from is for import case");
	if (!oneroster && (ro.goal_map || ro.as_of))
		return usage_error("%s", "--goal-map and --as-of are for import oneroster");
	struct diag d;
	diag_init(&d);
	enum import_result r = oneroster ? import_oneroster(source, out_dir, &ro, &d)
					 : import_case(source, out_dir, areas, &d);
	diag_print(&d, stderr);
	if (r == IMPORT_BAD_INPUT)
		fprintf(stderr, "mclsched: %d error%s in '%s'; nothing was written\n", d.n_errors,
			d.n_errors == 1 ? "" : "s", source);
	diag_release(&d);
	return r == IMPORT_WRITTEN ? EXIT_OK : r == IMPORT_BAD_INPUT ? EXIT_INPUT : EXIT_INTERNAL;
}

/* `mclsched advise` (engine/advise.h): options, then the library. */
static int cmd_advise(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "top", required_argument, NULL, 'n' },
		{ "time-limit", required_argument, NULL, 't' },
		{ "seed", required_argument, NULL, 's' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "budget", required_argument, NULL, 'b' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct advise_options o = { .out_dir = ".", .top = 5, .jobs = 2, .seed = -1,
				    .version = MCLSCHED_VERSION };
	double v;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.out_dir = optarg;
			break;
		case 'n':
			if (parse_double(optarg, &v) || v < 0 || v > 1000 || v != floor(v))
				return usage_error("--top wants a whole number from 0 to 1000, not '%s'",
						   optarg);
			o.top = (int)v;
			break;
		case 't':
			if (parse_double(optarg, &o.time_limit) || o.time_limit <= 0 ||
			    o.time_limit > 1e6)
				return usage_error("--time-limit wants a positive number of seconds up to "
						   "1000000, not '%s'", optarg);
			break;
		case 's':
			if (parse_double(optarg, &v) || v < 0 || v > 1e9 || v != floor(v))
				return usage_error("--seed wants a whole number >= 0, not '%s'", optarg);
			o.seed = (int)v;
			break;
		case 'j':
			if (strcmp(optarg, "1") && strcmp(optarg, "2"))
				return usage_error("--jobs wants 1 or 2, not '%s'", optarg);
			o.jobs = atoi(optarg);
			break;
		case 'b':
			if (parse_double(optarg, &o.budget) || o.budget < 1 || o.budget > 1000)
				return usage_error("--budget wants a number of time limits from 1 to "
						   "1000, not '%s'", optarg);
			break;
		case 'q':
			mcl_log_level = LOG_QUIET;
			break;
		case 'v':
			mcl_log_level = LOG_VERBOSE;
			break;
		case 'h':
			fputs(advise_usage, stdout);
			return EXIT_OK;
		default:
			fputs(advise_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return usage_error("%s", "advise takes SCENARIO_DIR and at most one PREV_OUT_DIR");
	o.scenario_dir = argv[optind];
	o.prev_out_dir = argc - optind == 2 ? argv[optind + 1] : NULL;
	char *why = compare_check_dir(o.out_dir);
	if (why) {
		fprintf(stderr, "mclsched: output directory '%s' %s; nothing was solved\n",
			o.out_dir, why);
		free(why);
		return EXIT_USAGE;
	}
	struct diag d;
	diag_init(&d);
	catch_stop_signals();
	int code = advise_run(&o, stdout, &d);
	if (code == ADVISE_STOPPED)
		code = 128 + stop_signal;
	diag_print(&d, stderr);
	if (code == ADVISE_INPUT)
		fprintf(stderr, "mclsched: %d error%s; nothing was written\n", d.n_errors,
			d.n_errors == 1 ? "" : "s");
	diag_release(&d);
	return code;
}

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
} commands[] = {
	{ "solve", cmd_solve, solve_usage },
	{ "replan", cmd_replan, replan_usage },
	{ "check", cmd_check, check_usage },
	{ "verify", cmd_verify, verify_usage },
	{ "compare", cmd_compare, compare_usage },
	{ "import", cmd_import, import_usage },
	{ "advise", cmd_advise, advise_usage },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

/* `mclsched help [COMMAND]`: the usage asked for, on stdout. */
static int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return usage_error("%s", "help takes at most one COMMAND");
	if (argc == 1 || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	const struct command *cmd = find_command(argv[1]);
	if (!cmd)
		return usage_error("no command '%s' to help with", argv[1]);
	fputs(cmd->usage, stdout);
	return EXIT_OK;
}

/* Whether a command's arguments ask for its help (-h or --help before
 * any "--"). */
static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	glp_term_hook(glpk_term_hook, NULL);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("mclsched %s (GLPK %s)\n", MCLSCHED_VERSION, glp_version());
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);
	const struct command *cmd = find_command(argv[1]);
	if (!cmd)
		return usage_error("unknown command '%s'", argv[1]);
	if (wants_help(argc - 1, argv + 1)) {
		fputs(cmd->usage, stdout);
		return EXIT_OK;
	}
	command_usage = cmd->usage;
	int code = cmd->run(argc - 1, argv + 1);
	glp_free_env();
	return code;
}
