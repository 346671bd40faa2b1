/*
 * import.c - `mclsched import oneroster|case SOURCE -o SCENARIO_DIR`:
 * reads all, writes only when no error was found (inputs/import.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <string.h>

#include "engine/diag.h"
#include "inputs/import.h"

const char import_usage[] =
	"usage: mclsched import oneroster ONEROSTER_DIR -o SCENARIO_DIR [--goal-map FILE]\n"
	"                                 [--as-of YYYY-MM-DD] [-q]\n"
	"       mclsched import case FRAMEWORK.json -o SCENARIO_DIR\n"
	"                            [--areas-from isChildOf|document] [-q]\n"
	"\n"
	"Writes scenario files from the standards a district keeps its data in\n"
	"(docs/inputs.md, \"Imports\"); the scenario's other files are left alone.\n"
	"  oneroster  OneRoster 1.1 CSV -> learners.csv, facilitators.csv, and\n"
	"             progress.csv when results.csv is there\n"
	"  case       a 1EdTech CASE 1.0 JSON package -> goals.csv, prerequisites.csv\n"
	"\n"
	"  -o, --output SCENARIO_DIR  the scenario to write into (created if missing)\n"
	"  --goal-map FILE            CSV line_item_id,goal_id: the goal of each\n"
	"                             lineItem (default: its title's leading goal id)\n"
	"  --as-of YYYY-MM-DD         the date ages are counted on (default: today, UTC)\n"
	"  --areas-from WAY           isChildOf (default): a goal's area is its top\n"
	"                             isChildOf ancestor; document: the document's title\n"
	"  -q, --quiet                errors only on stderr\n"
	"  -h, --help                 this help\n"
	"\n"
	"Rows that cannot be mapped are listed as warnings (FILE:LINE) and left out.\n"
	"Exit status: 0 written, 1 usage error, 2 bad input (nothing written),\n"
	"4 the scenario directory could not be written.\n";

/* --areas-from: the way, and whether it was given. */
struct areas_option {
	enum import_areas areas;
	bool given;
};

static bool set_areas(const char *arg, void *target)
{
	struct areas_option *a = target;
	a->given = true;
	return import_areas_parse(arg, &a->areas);
}

int cmd_import(int argc, char **argv)
{
	const char *out_dir = NULL;
	struct import_oneroster_options ro = { NULL, NULL };
	struct areas_option areas = { IMPORT_AREAS_IS_CHILD_OF, false };
	const struct cli_option opts[] = {
		{ "output", 'o', true, cli_set_string, &out_dir, NULL },
		{ "goal-map", 0, true, cli_set_string, &ro.goal_map, NULL },
		{ "as-of", 0, true, cli_set_string, &ro.as_of, NULL },
		{ "areas-from", 0, true, set_areas, &areas,
		  "--areas-from wants isChildOf or document" },
		CLI_QUIET,
		CLI_HELP,
	};
	int first, rc = cli_parse(argc, argv, opts, (int)(sizeof(opts) / sizeof(opts[0])),
				   import_usage, &first);
	if (rc >= 0)
		return rc;
	if (argc - first != 2)
		return cli_usage_error("%s", "import takes a format (oneroster or case) and a SOURCE");
	const char *format = argv[first], *source = argv[first + 1];
	bool oneroster = !strcmp(format, "oneroster");
	if (!oneroster && strcmp(format, "case"))
		return cli_usage_error("unknown import format '%s': want oneroster or case", format);
	if (!out_dir)
		return cli_usage_error("%s", "import needs -o SCENARIO_DIR");
	if (oneroster && areas.given)
		return cli_usage_error("%s", "--areas-from is for import case");
	if (!oneroster && (ro.goal_map || ro.as_of))
		return cli_usage_error("%s", "--goal-map and --as-of are for import oneroster");
	struct diag d;
	diag_init(&d);
	enum import_result r = oneroster ? import_oneroster(source, out_dir, &ro, &d)
					 : import_case(source, out_dir, areas.areas, &d);
	diag_print(&d, stderr);
	if (r == IMPORT_BAD_INPUT)
		fprintf(stderr, "mclsched: %d error%s in '%s'; nothing was written\n", d.n_errors,
			d.n_errors == 1 ? "" : "s", source);
	diag_release(&d);
	return r == IMPORT_WRITTEN ? EXIT_OK : r == IMPORT_BAD_INPUT ? EXIT_INPUT : EXIT_INTERNAL;
}
