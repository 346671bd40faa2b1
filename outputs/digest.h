/*
 * digest.h - the SHA-256 digest of a scenario's input files (summary.csv
 * `inputs_sha256`), so that two runs of the same school's data can be
 * recognised.
 */
#ifndef MCL_DIGEST_H
#define MCL_DIGEST_H

#include <stdbool.h>

#define DIGEST_HEX_LEN 64   /* SHA-256 in lowercase hex, without the NUL */

/*
 * Fills hex (DIGEST_HEX_LEN + 1 bytes) with the SHA-256 of the scenario's
 * files in dir: for each of scenario.conf, blocks.csv, learners.csv,
 * facilitators.csv, rooms.csv, goals.csv, prerequisites.csv, needs.csv,
 * progress.csv, seminars.csv, choices.csv, expertise.csv (in that order)
 * that exists, its name, a NUL byte, its size in bytes in decimal, a NUL
 * byte and its contents.  Other files in dir are not part of it.  Returns
 * false (hex "") when a file that exists cannot be read.
 */
bool digest_scenario(const char *dir, char hex[DIGEST_HEX_LEN + 1]);

#endif
