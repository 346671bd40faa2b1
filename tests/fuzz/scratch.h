/*
 * scratch.h - the private scratch directory the fuzz harnesses write their
 * input into, because the readers under test take a directory, not bytes.
 */
#ifndef MCL_FUZZ_SCRATCH_H
#define MCL_FUZZ_SCRATCH_H

#include <stddef.h>

/* The scratch directory, made on first call (in /dev/shm when there is one:
 * the harnesses write a file on every execution) and removed at exit. */
const char *scratch_dir(void);

/* Writes data[0..len) to scratch_dir()/name, replacing what was there.  Aborts
 * when it cannot: a harness that silently tests nothing is worse than none. */
void scratch_write(const char *name, const char *data, size_t len);

/* Makes scratch_dir()/name a directory (a user's mistake to be reported). */
void scratch_mkdir(const char *name);

/* Removes scratch_dir()/name, a file or an empty directory, if it exists. */
void scratch_remove(const char *name);

#endif
