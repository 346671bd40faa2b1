/*
 * main.c - the mclsched program: dispatches to the command named by its
 * first argument (one file per command in cli/, see cli.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <glpk.h>
#include <string.h>

/* GLPK prints to stdout unless hooked: route its chatter to verbose logs. */
static int glpk_term_hook(void *info, const char *s)
{
	(void)info;
	if (mcl_log_enabled(LOG_VERBOSE))
		fputs(s, stderr);
	return 1;
}

static const struct command commands[] = {
	{ "solve", cmd_solve, solve_usage },
	{ "replan", cmd_replan, replan_usage },
	{ "check", cmd_check, check_usage },
	{ "verify", cmd_verify, verify_usage },
	{ "compare", cmd_compare, compare_usage },
	{ "import", cmd_import, import_usage },
	{ "advise", cmd_advise, advise_usage },
};

const struct command *cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
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
		cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		cli_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("mclsched %s (GLPK %s)\n", MCLSCHED_VERSION, glp_version());
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);
	const struct command *cmd = cli_find_command(argv[1]);
	if (!cmd)
		return cli_usage_error("unknown command '%s'", argv[1]);
	if (wants_help(argc - 1, argv + 1)) {
		fputs(cmd->usage, stdout);
		return EXIT_OK;
	}
	cli_command_usage = cmd->usage;
	int code = cmd->run(argc - 1, argv + 1);
	glp_free_env();
	return code;
}
