/*
 * advise.c - `mclsched advise SCENARIO_DIR [PREV_OUT_DIR]`: options, then
 * the library (engine/advise.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare_view.h"
#include "engine/advise.h"
#include "engine/diag.h"

const char advise_usage[] =
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

/* --top: a whole number from 0 to 1000. */
static bool set_top(const char *arg, void *target)
{
	int v;
	if (!cli_set_seed(arg, &v) || v > 1000)
		return false;
	*(int *)target = v;
	return true;
}

/* --budget: a number of time limits from 1 to 1000. */
static bool set_budget(const char *arg, void *target)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= 1 && v <= 1000))
		return false;
	*(double *)target = v;
	return true;
}

static bool set_jobs(const char *arg, void *target)
{
	if (strcmp(arg, "1") && strcmp(arg, "2"))
		return false;
	*(int *)target = atoi(arg);
	return true;
}

int cmd_advise(int argc, char **argv)
{
	struct advise_options o = { .out_dir = ".", .top = 5, .jobs = 2, .seed = -1,
				    .version = MCLSCHED_VERSION };
	const struct cli_option opts[] = {
		{ "output", 'o', true, cli_set_string, &o.out_dir, NULL },
		{ "top", 0, true, set_top, &o.top, "--top wants a whole number from 0 to 1000" },
		CLI_TIME_LIMIT(&o.time_limit),
		CLI_SEED(&o.seed),
		{ "jobs", 0, true, set_jobs, &o.jobs, "--jobs wants 1 or 2" },
		{ "budget", 0, true, set_budget, &o.budget,
		  "--budget wants a number of time limits from 1 to 1000" },
		CLI_QUIET,
		CLI_VERBOSE,
		CLI_HELP,
	};
	int first, rc = cli_parse(argc, argv, opts, (int)(sizeof(opts) / sizeof(opts[0])),
				   advise_usage, &first);
	if (rc >= 0)
		return rc;
	if (argc - first < 1 || argc - first > 2)
		return cli_usage_error("%s", "advise takes SCENARIO_DIR and at most one PREV_OUT_DIR");
	o.scenario_dir = argv[first];
	o.prev_out_dir = argc - first == 2 ? argv[first + 1] : NULL;
	char *why = compare_check_dir(o.out_dir);
	if (why) {
		fprintf(stderr, "mclsched: output directory '%s' %s; nothing was solved\n",
			o.out_dir, why);
		free(why);
		return EXIT_USAGE;
	}
	struct diag d;
	diag_init(&d);
	cli_catch_stop_signals();
	int code = advise_run(&o, stdout, &d);
	if (code == ADVISE_STOPPED)
		code = 128 + cli_stop_signal;
	diag_print(&d, stderr);
	if (code == ADVISE_INPUT)
		fprintf(stderr, "mclsched: %d error%s; nothing was written\n", d.n_errors,
			d.n_errors == 1 ? "" : "s");
	diag_release(&d);
	return code;
}
