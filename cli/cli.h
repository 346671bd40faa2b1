/*
 * cli.h - the mclsched command line (cli/): what the commands share.
 *
 * The CLI sits above the whole pipeline: it parses arguments and calls the
 * library (libmclsched.a, which holds everything but cli/); nothing in the
 * library includes a file of cli/.  One file per command (solve.c: solve
 * and replan, check.c, verify.c, compare.c, import.c, advise.c, help.c),
 * dispatched by main.c; options.c is the one option parser, common.c the
 * helpers the commands share.
 *
 * Exit status is part of the interface (docs/cli.md):
 *   0 done (solve: schedule written; verify: every hard rule holds)
 *   1 usage error
 *   2 bad input or config, nothing written
 *   3 no feasible schedule found (diagnosis written)
 *   4 internal error
 *   5 verify: the schedule breaks a hard rule
 */
#ifndef MCL_CLI_H
#define MCL_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "engine/problem.h"
#include "engine/util.h"

struct memory_estimate;

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

/* ---- the commands: each `int cmd_X(argc, argv)` gets argv[0] = its name;
 * its usage is printed by `mclsched X --help` and `mclsched help X` (stdout,
 * exit 0) and after a usage error of that command (stderr) ---- */

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
};

/* The command named name, or NULL (main.c). */
const struct command *cli_find_command(const char *name);

int cmd_solve(int argc, char **argv);
int cmd_replan(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_advise(int argc, char **argv);
int cmd_help(int argc, char **argv);
extern const char solve_usage[], replan_usage[], check_usage[], verify_usage[],
	compare_usage[], import_usage[], advise_usage[];
/* The program's usage (help.c). */
void cli_usage(FILE *out);

/* ---- options.c: the one option parser ---- */

/*
 * One option of a command.  set() stores the argument (NULL for a flag)
 * into target and returns false when the argument is bad: the error is then
 * "BAD, not 'ARG'".  An option with set NULL is refused: the error is BAD
 * alone (an option of another command, such as solve's --after).
 */
struct cli_option {
	const char *name;           /* --name */
	char short_name;            /* -c, 0: none */
	bool has_arg;
	bool (*set)(const char *arg, void *target);
	void *target;
	const char *bad;
};

/* Parses argv's options with getopt_long (its own message for an unknown
 * one, then the usage on stderr).  Returns -1 when every option was taken,
 * the operands then argv[*first ..]; else the exit code to return (-h:
 * the usage on stdout, EXIT_OK). */
int cli_parse(int argc, char **argv, const struct cli_option *opts, int n_opts,
	      const char *usage, int *first);

/* setters for struct cli_option */
bool cli_set_string(const char *arg, void *target);       /* const char ** */
bool cli_set_true(const char *arg, void *target);         /* bool * */
bool cli_set_seconds(const char *arg, void *target);      /* double *: (0, 1e6] */
bool cli_set_gap(const char *arg, void *target);          /* double *: [0, 1) */
bool cli_set_seed(const char *arg, void *target);         /* int *: 0 .. 1e9 */
bool cli_set_log_level(const char *arg, void *target);    /* enum log_level (target) */

#define CLI_TIME_LIMIT(p) { "time-limit", 0, true, cli_set_seconds, (p), \
	"--time-limit wants a positive number of seconds up to 1000000" }
#define CLI_SEED(p) { "seed", 0, true, cli_set_seed, (p), \
	"--seed wants a whole number >= 0" }
#define CLI_QUIET { "quiet", 'q', false, cli_set_log_level, (void *)&cli_quiet, NULL }
#define CLI_VERBOSE { "verbose", 'v', false, cli_set_log_level, (void *)&cli_verbose, NULL }
#define CLI_HELP { "help", 'h', false, NULL, NULL, NULL }
extern const enum log_level cli_quiet, cli_verbose;

/* ---- common.c ---- */

/* The running command's usage, for cli_usage_error (NULL: the program's). */
extern const char *cli_command_usage;

/* "mclsched: MESSAGE" and the usage on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) MCL_PRINTF(1, 2);

/* Loads and validates a scenario, printing every error and warning;
 * NULL (after "N errors in DIR; nothing was written") when invalid. */
struct problem *cli_load_scenario(const char *dir);

/* Whether p's memory estimate fits solver.max_memory_mb; else says why. */
bool cli_memory_fits(const struct problem *p, const struct memory_estimate *e);

/* Whether path passes check; else prints "mclsched: WHAT 'PATH' REASON;
 * nothing was solved". */
bool cli_writable(const char *path, const char *what, char *(*check)(const char *));

/* The signal that stopped the run, for the exit status 128 + sig. */
extern volatile sig_atomic_t cli_stop_signal;

/* Ctrl-C and SIGTERM ask the run to stop (see common.c). */
void cli_catch_stop_signals(void);

#endif
