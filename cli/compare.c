/*
 * compare.c - `mclsched compare OUT_DIR OUT_DIR... [-o DIR] [--force]`:
 * scenario runs side by side (compare/), read through the one reader of
 * an output directory.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdlib.h>

#include "compare/compare.h"
#include "compare/compare_run.h"
#include "compare/compare_view.h"
#include "engine/diag.h"

const char compare_usage[] =
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

/* Reads every run before writing anything, refuses runs of different
 * schools unless --force (exit 2). */
int cmd_compare(int argc, char **argv)
{
	const char *dir = ".";
	bool force = false;
	const struct cli_option opts[] = {
		{ "output", 'o', true, cli_set_string, &dir, NULL },
		{ "force", 0, false, cli_set_true, &force, NULL },
		CLI_HELP,
	};
	int first, rc = cli_parse(argc, argv, opts, (int)(sizeof(opts) / sizeof(opts[0])),
				   compare_usage, &first);
	if (rc >= 0)
		return rc;
	int n_runs = argc - first;
	if (n_runs < 2)
		return cli_usage_error("%s", "compare takes two or more OUT_DIRs");
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
		compare_run_read(&runs[r], argv[first + r], &d);
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
