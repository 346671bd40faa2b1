/*
 * check.c - `mclsched check SCENARIO_DIR`: validate the inputs, print a
 * census, the memory estimate and any block short of seats; writes nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdlib.h>

#include "inputs/scenario.h"
#include "models/memory_estimate.h"
#include "models/precheck.h"

const char check_usage[] =
	"usage: mclsched check SCENARIO_DIR\n"
	"\n"
	"Validates the scenario's inputs, reports every error as FILE:LINE: message,\n"
	"and prints a census on stdout.  Then counts, per block, the seats the\n"
	"facilitators and rooms can offer, and names any block that is short.\n"
	"Writes nothing.\n"
	"Exit status: 0 valid, 1 usage error, 2 bad input, 3 a block is short of\n"
	"seats (no schedule can exist).\n";

int cmd_check(int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error("%s", "check takes exactly one SCENARIO_DIR");
	struct problem *p = cli_load_scenario(argv[1]);
	if (!p)
		return EXIT_INPUT;
	scenario_census(p, stdout);
	struct memory_estimate mem;
	memory_estimate(p, &mem);
	printf("%-13s %.0f MiB at most (largest part: %s)\n", "memory", mem.total_mib,
	       memory_part_name(mem.largest));
	bool fits = cli_memory_fits(p, &mem);
	/* the counting conditions: a block that cannot seat its learners */
	char *short_of = precheck_scenario(p);
	bool seats = !short_of;
	if (short_of)
		fprintf(stderr, "error: no schedule can exist:\n%s", short_of);
	free(short_of);
	problem_free(p);
	return !fits ? EXIT_INPUT : !seats ? EXIT_NO_SCHEDULE : EXIT_OK;
}
