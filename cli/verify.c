/*
 * verify.c - `mclsched verify SCENARIO_DIR OUT_DIR`: re-check a written
 * schedule against its inputs (outputs/verify.h), one violation a line on
 * stdout.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "engine/diag.h"
#include "outputs/verify.h"

const char verify_usage[] =
	"usage: mclsched verify SCENARIO_DIR OUT_DIR\n"
	"\n"
	"Re-checks a written schedule against its inputs and every hard rule,\n"
	"one violation a line on stdout.\n"
	"Exit status: 0 every hard rule holds, 1 usage error, 2 bad input,\n"
	"5 a hard rule is broken.\n";

int cmd_verify(int argc, char **argv)
{
	if (argc != 3)
		return cli_usage_error("%s", "verify takes SCENARIO_DIR OUT_DIR");
	struct problem *p = cli_load_scenario(argv[1]);
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
