/*
 * util.h - allocation that never returns NULL, leveled logging to stderr and
 * whole-buffer pipe transfers.
 *
 * mclsched is a batch tool: when memory runs out there is nothing sensible to
 * recover, so the x* family prints a message and aborts, and callers stay
 * free of NULL checks.  Logs and progress go to stderr only; stdout carries
 * only what the user asked for.
 */
#ifndef MCL_UTIL_H
#define MCL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__)
#define MCL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MCL_PRINTF(f, a)
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* Duplicates the first len bytes of s and NUL-terminates the copy. */
char *xstrndup(const char *s, size_t len);
/* printf into a fresh heap string; the caller frees it. */
char *xasprintf(const char *fmt, ...) MCL_PRINTF(1, 2);

/* Grows *array (of *alloc elements of elem_size) to hold at least need. */
void xgrow(void **array, size_t *alloc, size_t need, size_t elem_size);

/* A growing string (a diagnosis being written): { 0 } is empty, s stays
 * NULL until the first text_add, and the owner frees s. */
struct text {
	char *s;
	size_t len, alloc;
};

/* printf at the end of t (a line longer than 1023 bytes is cut there). */
void text_add(struct text *t, const char *fmt, ...) MCL_PRINTF(2, 3);

enum log_level { LOG_QUIET = 0, LOG_NORMAL = 1, LOG_VERBOSE = 2 };

/* The level below which mcl_log() prints nothing.  The program (cli/,
 * a test's main) sets it once; library code only reads it. */
extern enum log_level mcl_log_level;

/* Prints "mclsched: <message>\n" to stderr when mcl_log_enabled(level). */
void mcl_log(enum log_level level, const char *fmt, ...) MCL_PRINTF(2, 3);

/* Whether a message of this level is printed in this process: level <=
 * mcl_log_level, and this process is not muted (LOG_QUIET messages, the
 * errors, are printed even then). */
bool mcl_log_enabled(enum log_level level);

/* For a forked child process whose parent reports for it (a second
 * search): from now on this process prints only LOG_QUIET messages.  The
 * child calls it right after fork; mcl_log_level, the program's choice,
 * stays as it was.  There is no way back: the child exits when done. */
void mcl_log_mute_process(void);

/* Write or read exactly n bytes of a pipe or file, retrying short transfers
 * and interrupted calls.  Return 0, or -1 on error or early end of file. */
int write_full(int fd, const void *buf, size_t n);
int read_full(int fd, void *buf, size_t n);

/* Seconds on a monotonic clock, for measuring elapsed time. */
double mcl_now(void);

/* The next number of a small deterministic generator (splitmix64) for the
 * search's random choices: the same seed gives the same schedule. */
unsigned long long mcl_rng_next(unsigned long long *state);

#endif
