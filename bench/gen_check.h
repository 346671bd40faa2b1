/*
 * gen_check.h - mclsched's own counts on a school mclsched-gen wrote: the
 * generator's structs share names with the library's (struct room, ...), so
 * the library is reached through this unit alone.
 */
#ifndef MCL_GEN_CHECK_H
#define MCL_GEN_CHECK_H

#include <stdbool.h>

enum gen_check {
	GEN_CHECK_PASS,         /* every count of `mclsched check` holds */
	GEN_CHECK_CYCLE,        /* the blocks pass; the seminar blocks over the cycle fail */
	GEN_CHECK_BLOCKS,       /* a block or the session budget fails */
	GEN_CHECK_EXACT,        /* the counts pass; the exact model's LP over the
				 * workshop blocks (precheck_exact) seats fewer
				 * than every learner */
	GEN_CHECK_UNREADABLE,   /* mclsched cannot read the directory (said on stderr) */
};

/*
 * Reads the scenario in dir as mclsched does and runs what `mclsched check`
 * runs (precheck_scenario: the counts, then the exact step, here on cycles
 * up to 10 000 columns where check's stops at 2 500: gen_check.c).  *why: the diagnosis, NULL on a pass
 * (caller frees).  *staff_short: some scheduled seminar block has no more
 * facilitators available than rooms with the lab feature open, so a lab
 * room more seats no one there without a facilitator more.
 */
enum gen_check gen_check_dir(const char *dir, char **why, bool *staff_short);

#endif
