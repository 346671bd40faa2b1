/*
 * advise_edit.h - a copy of a scenario directory with one change made
 * (models/advise_candidates.h says what changes).
 */
#ifndef MCL_ADVISE_EDIT_H
#define MCL_ADVISE_EDIT_H

#include "engine/diag.h"
#include "models/advise_candidates.h"

/* Copies the regular files of directory src into the existing directory
 * dst, byte for byte (subdirectories, such as an old output, are left
 * out).  Returns 0, or -1 with the reason in d. */
int advise_copy_scenario(const char *src, const char *dst, struct diag *d);

/*
 * Makes edit e in the scenario directory dir.  A CSV file is read with
 * the scenario's reader (libcsv) and written back whole (RFC 4180, LF line
 * ends, a column added when the edit names one the file lacks);
 * scenario.conf is edited as text.  Every other file is left as it is.
 * Returns 0, or -1 with the reason in d (the file unreadable, the row not
 * found).
 */
int advise_edit_apply(const char *dir, const struct advise_edit *e, struct diag *d);

#endif
