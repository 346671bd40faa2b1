/*
 * run_suite.h - runs a Check suite the way every test program does.
 */
#ifndef MCL_TEST_RUN_SUITE_H
#define MCL_TEST_RUN_SUITE_H

#include <check.h>

/* Runs every test of s (and frees it) with normal output; returns the
 * program's exit status: EXIT_SUCCESS when no test failed. */
int run_suite(Suite *s);

#endif
