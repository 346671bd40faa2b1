/* scenario.c - STUB, replaced by the inputs work. */
#include "scenario.h"
struct problem *scenario_load(const char *dir, struct diag *d)
{
	diag_error(d, dir, 0, "reading scenarios is not implemented yet");
	return NULL;
}
void scenario_census(const struct problem *p, FILE *out)
{
	fprintf(out, "learners %d\n", p->n_learners);
}
