/* power_goal.c - STUB */
#include "model.h"
int power_goal_solve(const struct problem *p, const struct solve_options *opt,
		     struct solution *sol)
{
	(void)p; (void)opt; (void)sol;
	return -1;
}
