/*
 * config.h - reads scenario.conf (libconfuse) into struct config.
 */
#ifndef MCL_CONFIG_H
#define MCL_CONFIG_H

#include "engine/diag.h"
#include "engine/problem.h"

/*
 * Fills c from dir/scenario.conf, every key defaulted as the docs say.  A
 * missing file gives all defaults and a warning.  Unknown keys, wrong types
 * and out-of-range values are errors with their line.  Returns 0, or -1 when
 * an error was recorded.  c's strings are heap copies (problem_free frees).
 */
int config_read(struct config *c, const char *dir, struct diag *d);

/* The defaults alone. */
void config_defaults(struct config *c);

#endif
