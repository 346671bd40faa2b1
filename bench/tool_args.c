/*
 * tool_args.c - the bench helpers' shared command line (see tool_args.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "bench/tool_args.h"

#include <getopt.h>
#include <stddef.h>

#include "engine/diag.h"
#include "inputs/scenario.h"
#include "models/model.h"

int tool_args(int argc, char **argv, const char *name, void (*usage)(FILE *), bool whole_cycle,
	      const char **out, struct problem **p)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	*out = NULL;
	*p = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			*out = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (optind != argc - 1 || !*out) {
		usage(stderr);
		return 1;
	}
	struct diag d;
	diag_init(&d);
	*p = scenario_load(argv[optind], &d);
	diag_print(&d, stderr);
	diag_release(&d);
	if (!*p)
		return 2;
	if (!whole_cycle && model_row(*p)->whole_cycle_groups) {
		fprintf(stderr, "%s: %s/scenario.conf: the power-goal model is not covered "
			"(use mclsched solve)\n", name, argv[optind]);
		problem_free(*p);
		*p = NULL;
		return 1;
	}
	return -1;
}
