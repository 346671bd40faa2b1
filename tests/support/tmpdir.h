/*
 * tmpdir.h - scratch directories and files for tests.
 */
#ifndef MCL_TEST_TMPDIR_H
#define MCL_TEST_TMPDIR_H

/* Creates a fresh directory under /tmp; returns its path (caller frees). */
char *td_make(void);

/* The whole text of dir/name, or NULL when it cannot be opened (caller
 * frees). */
char *td_read(const char *dir, const char *name);
/* Writes text to dir/name (overwriting). */
void td_write(const char *dir, const char *name, const char *text);

/* Copies every file of src into dst (both directories exist). */
void td_copy(const char *src, const char *dst);

/* Removes dir and everything in it, and frees the path. */
void td_remove(char *dir);

#endif
