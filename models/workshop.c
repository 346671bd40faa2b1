/* workshop.c - STUB */
#include "model.h"
int workshop_solve(const struct problem *p, const struct solve_options *opt,
		   struct solution *sol)
{
	(void)p; (void)opt; (void)sol;
	return -1;
}
