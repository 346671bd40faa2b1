/*
 * common.c - what the commands share (cli.h): usage errors, loading a
 * scenario with its errors printed, the memory and output-path checks
 * before any solving, and the stop signals.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/diag.h"
#include "inputs/scenario.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/memory_estimate.h"
#include "outputs/output.h"

const char *cli_command_usage;

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mclsched: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n", stderr);
	va_end(ap);
	if (cli_command_usage)
		fputs(cli_command_usage, stderr);
	else
		cli_usage(stderr);
	return EXIT_USAGE;
}

struct problem *cli_load_scenario(const char *dir)
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

bool cli_memory_fits(const struct problem *p, const struct memory_estimate *e)
{
	char *why = memory_refusal(p, e);
	if (why)
		fprintf(stderr, "error: scenario.conf: %s\nmclsched: nothing was solved\n", why);
	free(why);
	return !why;
}

bool cli_writable(const char *path, const char *what, char *(*check)(const char *))
{
	char *why = check(path);
	if (!why)
		return true;
	fprintf(stderr, "mclsched: %s '%s' %s; nothing was solved\n", what, path, why);
	free(why);
	return false;
}

volatile sig_atomic_t cli_stop_signal;

/* Ctrl-C and SIGTERM ask the solve to stop and write its best schedule:
 * the program owns the signals, the library reads the flags
 * (models/glpk_run.h, outputs/output.h).  A second one stops at once: the
 * children are killed and, outside a write, the process exits; during a
 * write, output_write removes its temporary directory and returns. */
static void on_stop_signal(int sig)
{
	if (!mip_interrupted) {
		cli_stop_signal = sig;
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

void cli_catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}
