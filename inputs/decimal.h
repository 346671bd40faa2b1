/*
 * decimal.h - scores and mastery read exactly from their decimal text.
 *
 * A score of progress.csv and `mastery` in scenario.conf are compared as a
 * person reads them: "3.6" >= "3.6".  Binary floating point cannot hold 3.6,
 * so they are read into whole numbers of DECIMAL_SCALE-ths (3.6 -> 36000)
 * straight from the text, with no floating-point step, and compared as
 * integers (problem_mastered).
 */
#ifndef MCL_DECIMAL_H
#define MCL_DECIMAL_H

#include <stdbool.h>

enum {
	DECIMAL_PLACES = 4,         /* a score is read to 0.0001 */
	DECIMAL_SCALE = 10000,      /* 10^DECIMAL_PLACES */
};

enum decimal_error {
	DECIMAL_OK = 0,
	DECIMAL_SYNTAX,             /* not digits with at most one '.' */
	DECIMAL_PLACES_LOST,        /* a nonzero digit past DECIMAL_PLACES */
	DECIMAL_RANGE,              /* above max_units */
};

/*
 * Reads text, a decimal such as "3", "3.6", "03.60", ".5" or "4.0000" (no
 * sign, no exponent, no spaces), into *units, whole DECIMAL_SCALE-ths.
 * Digits past DECIMAL_PLACES must be zeros.  Values above max_units are
 * DECIMAL_RANGE.  *units is set only on DECIMAL_OK.
 */
enum decimal_error decimal_units(const char *text, long max_units, int *units);

#endif
