/* output.c - STUB */
#include "output.h"
int output_write(const struct problem *p, const struct solution *s, const char *out_dir,
		 struct diag *d)
{
	(void)p; (void)s;
	diag_error(d, out_dir, 0, "writing outputs is not implemented yet");
	return -1;
}
