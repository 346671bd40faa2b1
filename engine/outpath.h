/*
 * outpath.h - where a solve writes, and whether it can, decided before any
 * solving starts.
 *
 * A scheduler who typed a wrong -o should hear so at once, not after the
 * time limit: the checks here predict what outputs/output.c and
 * glp_write_lp will meet.  output.c writes a temporary directory beside
 * OUT_DIR (creating missing parents) and renames it into place, so OUT_DIR
 * can be written when it is not an existing non-directory (nor a directory
 * of something else) and a directory can be created where its nearest
 * existing ancestor is.  That last part is tried, not inferred from
 * permission bits: root passes every access() test, and /proc or a
 * read-only mount refuse what their bits allow.
 */
#ifndef MCL_OUTPATH_H
#define MCL_OUTPATH_H

#include <stdbool.h>

/* The output directory when no -o is given: out_dir (scenario.conf's
 * output.dir) taken relative to scenario_dir, or as is when absolute.
 * Returns a new string; the caller frees it. */
char *outpath_default(const char *scenario_dir, const char *out_dir);

/* NULL when a solve can write dir as its output directory, else the
 * reason, without the path (a new string; the caller frees it).  Leaves
 * nothing behind: a probe directory is created and removed. */
char *outpath_check_dir(const char *dir);

/* The subdirectories an output directory holds, NULL-terminated: the
 * OneRoster files (outputs/oneroster.h). */
extern const char *const outpath_subdirs[];

/* Whether the existing directory dir holds nothing, or what an earlier
 * solve wrote (summary.csv or diagnosis.txt) and no subdirectory but
 * outpath_subdirs: the only kind of directory output_write replaces, so
 * that replacing it removes it whole. */
bool outpath_replaceable(const char *dir);

/* NULL when file can be written (created or overwritten; its directory
 * must exist), else the reason (the caller frees it).  A file that did not
 * exist is created and removed again; an existing one is left untouched. */
char *outpath_check_file(const char *file);

#endif
