/*
 * run_suite.c - runs a Check suite (see run_suite.h).
 */
#include "run_suite.h"

#include <stdlib.h>

int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
