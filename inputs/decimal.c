/*
 * decimal.c - whole DECIMAL_SCALE-ths from decimal text, digit by digit.
 *
 * strtod would round 3.6 to the nearest double and a float to 3.5999999,
 * so that a score of 3.6 fell short of a mastery of 3.6 (issue 24 item 4).
 * Here each digit is accumulated into an integer; nothing is rounded, and
 * text that cannot be held exactly is refused, never approximated.
 */
#include "decimal.h"

#include <ctype.h>

enum decimal_error decimal_units(const char *text, long max_units, int *units)
{
	long whole = 0, frac = 0;
	int places = 0, digits = 0;
	bool point = false, lost = false;
	for (const char *c = text; *c; c++) {
		if (*c == '.' && !point) {
			point = true;
			continue;
		}
		if (!isdigit((unsigned char)*c))
			return DECIMAL_SYNTAX;
		int d = *c - '0';
		digits++;
		if (!point) {
			if (whole > max_units)          /* stays above: no overflow */
				continue;
			whole = whole * 10 + d;
		} else if (places < DECIMAL_PLACES) {
			frac = frac * 10 + d;
			places++;
		} else if (d) {
			lost = true;
		}
	}
	if (!digits)
		return DECIMAL_SYNTAX;
	if (lost)
		return DECIMAL_PLACES_LOST;
	for (; places < DECIMAL_PLACES; places++)
		frac *= 10;
	if (whole > max_units / DECIMAL_SCALE + 1)
		return DECIMAL_RANGE;
	long v = whole * DECIMAL_SCALE + frac;
	if (v > max_units)
		return DECIMAL_RANGE;
	*units = (int)v;
	return DECIMAL_OK;
}
