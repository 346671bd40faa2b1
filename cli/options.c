/*
 * options.c - the one option parser of the commands (cli.h): a command's
 * options are a table of struct cli_option, turned into getopt_long's
 * tables here, each argument checked by its setter.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const enum log_level cli_quiet = LOG_QUIET, cli_verbose = LOG_VERBOSE;

#define MAX_OPTIONS 16

int cli_parse(int argc, char **argv, const struct cli_option *opts, int n_opts,
	      const char *usage, int *first)
{
	struct option longopts[MAX_OPTIONS + 1] = { { NULL, 0, NULL, 0 } };
	char shortopts[2 * MAX_OPTIONS + 1], *s = shortopts;
	for (int i = 0; i < n_opts && i < MAX_OPTIONS; i++) {
		/* val: the option's index, past every character a short option can be */
		longopts[i] = (struct option){ opts[i].name,
					       opts[i].has_arg ? required_argument : no_argument,
					       NULL, 256 + i };
		if (opts[i].short_name) {
			*s++ = opts[i].short_name;
			if (opts[i].has_arg)
				*s++ = ':';
		}
	}
	*s = '\0';
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct cli_option *o = NULL;
		for (int i = 0; i < n_opts && !o; i++)
			if (c == 256 + i || (opts[i].short_name && c == opts[i].short_name))
				o = &opts[i];
		if (!o) {                               /* getopt said what */
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
		if (!strcmp(o->name, "help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		if (!o->set)
			return cli_usage_error("%s", o->bad);
		if (!o->set(o->has_arg ? optarg : NULL, o->target))
			return cli_usage_error("%s, not '%s'", o->bad, optarg);
	}
	*first = optind;
	return -1;
}

/* A finite number, the whole text; false otherwise. */
static bool parse_double(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

bool cli_set_string(const char *arg, void *target)
{
	*(const char **)target = arg;
	return true;
}

bool cli_set_true(const char *arg, void *target)
{
	(void)arg;
	*(bool *)target = true;
	return true;
}

/* at most 1e6 s (11.6 days), as solver.time_limit: GLPK takes its limits
 * in milliseconds as an int */
bool cli_set_seconds(const char *arg, void *target)
{
	double v;
	if (!parse_double(arg, &v) || v <= 0 || v > 1e6)
		return false;
	*(double *)target = v;
	return true;
}

bool cli_set_gap(const char *arg, void *target)
{
	double v;
	if (!parse_double(arg, &v) || v < 0 || v >= 1)
		return false;
	*(double *)target = v;
	return true;
}

bool cli_set_seed(const char *arg, void *target)
{
	double v;
	if (!parse_double(arg, &v) || v < 0 || v > 1e9 || v != floor(v))
		return false;
	*(int *)target = (int)v;
	return true;
}

bool cli_set_log_level(const char *arg, void *target)
{
	(void)arg;
	mcl_log_level = *(const enum log_level *)target;
	return true;
}
