/*
 * tool_args.h - the command line the bench's helper programs share:
 * `PROGRAM SCENARIO_DIR -o OUT` (mclsched-greedy, mclsched-direct-dat).
 */
#ifndef MCL_BENCH_TOOL_ARGS_H
#define MCL_BENCH_TOOL_ARGS_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/problem.h"

/*
 * Parses argv (-o/--output OUT, -h/--help, one SCENARIO_DIR) and loads the
 * scenario into *p, refusing the power-goal model unless whole_cycle
 * (mclsched-direct-dat does not cover it).  Returns -1 to go on (*p and *out set), else the exit status to
 * return: 0 after --help, 1 a usage error or the power-goal model, 2 bad
 * input (every error printed).  usage prints the tool's usage to a stream.
 */
int tool_args(int argc, char **argv, const char *name, void (*usage)(FILE *),
	      bool whole_cycle, const char **out, struct problem **p);

#endif
