/*
 * fuzz_check.c - libFuzzer harness for the whole `mclsched check` path: a
 * scenario directory built from the input, loaded with scenario_load (the
 * call `check` makes), the census printed, everything freed.
 *
 * The input is a scenario written as one text, each file after a separator
 * line naming it:
 *
 *     --- learners.csv
 *     learner_id,name
 *     L1,Ann
 *     --- scenario.conf
 *     model = workshop
 *
 * Only the scenario's own file names are taken (anything else, and bytes
 * before the first separator, are dropped), so the harness never writes
 * outside its scratch directory; a name ending in '/' makes a directory of
 * that name, as a user's mistake would.  A file named twice keeps the last.
 * tests/fuzz/seeds.sh writes examples/ and tests/bad/ in this form.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "engine/problem.h"
#include "inputs/scenario.h"
#include "tests/fuzz/scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {
	"scenario.conf", "blocks.csv", "learners.csv", "facilitators.csv", "rooms.csv",
	"goals.csv", "prerequisites.csv", "progress.csv", "needs.csv", "seminars.csv",
	"choices.csv", "expertise.csv", "history.csv",
};
#define N_FILES (sizeof(files) / sizeof(files[0]))
#define SEPARATOR "--- "

static FILE *sink;      /* the census goes nowhere */

/* Index in files of the name in line[0..len) (without its newline), or -1;
 * *is_dir tells a trailing '/'. */
static int file_index(const char *line, size_t len, int *is_dir)
{
	if (len && line[len - 1] == '\r')
		len--;
	*is_dir = len && line[len - 1] == '/';
	len -= (size_t)*is_dir;
	for (size_t i = 0; i < N_FILES; i++)
		if (strlen(files[i]) == len && !memcmp(files[i], line, len))
			return (int)i;
	return -1;
}

/* Writes the sections of data into the scratch directory. */
static void write_scenario(const char *data, size_t size)
{
	int cur = -1, cur_dir = 0;
	const char *body = NULL;
	const char *p = data, *end = data + size;
	for (size_t i = 0; i < N_FILES; i++)
		scratch_remove(files[i]);
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		bool sep = (size_t)(line_end - p) >= strlen(SEPARATOR) &&
			   !memcmp(p, SEPARATOR, strlen(SEPARATOR));
		if (sep || p == end) {
			if (cur >= 0 && !cur_dir)
				scratch_write(files[cur], body, (size_t)(p - body));
			if (p == end)
				break;
			int is_dir;
			const char *name = p + strlen(SEPARATOR);
			cur = file_index(name, (size_t)(line_end - name), &is_dir);
			cur_dir = is_dir;
			if (cur >= 0) {
				scratch_remove(files[cur]);
				if (cur_dir)
					scratch_mkdir(files[cur]);
			}
			body = nl ? nl + 1 : end;
		}
		p = nl ? nl + 1 : end;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	write_scenario((const char *)data, size);
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(scratch_dir(), &d);
	if (!p != (d.n_errors > 0))     /* NULL exactly when an error was recorded */
		abort();
	if (p)
		scenario_census(p, sink);
	diag_print(&d, sink);
	problem_free(p);
	diag_release(&d);
	return 0;
}
