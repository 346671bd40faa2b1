/*
 * help.c - the program's usage and `mclsched help [COMMAND]`.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <string.h>

void cli_usage(FILE *out)
{
	fputs("usage: mclsched solve   SCENARIO_DIR [-o OUT_DIR] [--time-limit SEC] [--gap REL]\n"
	      "                        [--seed N] [--write-lp FILE] [-q|-v]\n"
	      "       mclsched replan  SCENARIO_DIR PREV_OUT_DIR [--after BLOCK_ID] [solve options]\n"
	      "       mclsched check   SCENARIO_DIR\n"
	      "       mclsched verify  SCENARIO_DIR OUT_DIR\n"
	      "       mclsched compare OUT_DIR OUT_DIR... [-o DIR] [--force]\n"
	      "       mclsched import  oneroster|case SOURCE -o SCENARIO_DIR [options]\n"
	      "       mclsched advise  SCENARIO_DIR [PREV_OUT_DIR] [--top N] [-o DIR]\n"
	      "       mclsched help [COMMAND] | COMMAND --help | --help | --version\n"
	      "\n"
	      "  solve    build and solve the cycle's schedule, write OUT_DIR\n"
	      "  replan   re-plan the blocks after --after, keeping the earlier ones\n"
	      "  check    validate the scenario's inputs and print a census\n"
	      "  verify   re-check a written schedule against its inputs\n"
	      "  compare  scenario runs side by side: stdout, compare.html, compare.csv\n"
	      "  import   scenario files from OneRoster CSV or a CASE framework\n"
	      "  advise   which single change would help the schedule most: advice.csv\n"
	      "  help     this help, or a command's\n"
	      "\n"
	      "Exit status: 0 done, 1 usage, 2 bad input, 3 no schedule found,\n"
	      "4 internal error, 5 verify found a violation.  See docs/cli.md.\n",
	      out);
}

/* `mclsched help [COMMAND]`: the usage asked for, on stdout. */
int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("%s", "help takes at most one COMMAND");
	if (argc == 1 || !strcmp(argv[1], "help")) {
		cli_usage(stdout);
		return EXIT_OK;
	}
	const struct command *cmd = cli_find_command(argv[1]);
	if (!cmd)
		return cli_usage_error("no command '%s' to help with", argv[1]);
	fputs(cmd->usage, stdout);
	return EXIT_OK;
}
