/*
 * config.h - reads scenario.conf (libconfuse) into struct config.
 */
#ifndef MCL_CONFIG_H
#define MCL_CONFIG_H

#include <stddef.h>

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Fills c from dir/scenario.conf, every key defaulted as the docs say.  A
 * missing file gives all defaults and a warning.  Unknown keys, wrong types
 * and out-of-range values are errors with their line.  Returns 0, or -1 when
 * an error was recorded (then c holds the defaults for every key not read).
 * c's strings are heap copies (problem_free frees them).  When model_at is
 * not NULL it receives the line of the `model` key, 0 when defaulted, so
 * that later checks of the model against the data can point at it; the
 * line of lab.feature is kept in c->lab_feature_line for the same reason.
 */
int config_read(struct config *c, const char *dir, struct diag *d, long *model_at);

/* The default school_id for a scenario named name: its letters and digits
 * in lower case, each run of other characters one '-' ("Spring cycle 3":
 * "spring-cycle-3"), at most 64 characters; "school" when name has none.
 * Written to out (size bytes, at least 65). */
void config_school_id(char *out, size_t size, const char *name);

/* The defaults alone. */
void config_defaults(struct config *c);

#endif
