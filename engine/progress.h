/*
 * progress.h - the progress lines a person reads on stderr while a model
 * solves: a line when the best schedule improves (by PROGRESS_STEP at
 * once, by less within PROGRESS_SECONDS), otherwise at most one every
 * PROGRESS_SECONDS, and one every PROGRESS_ALIVE_SECONDS when nothing
 * changes.
 *
 * Each line says how long the solve has run, what it is doing in plain
 * words, the best objective so far, the best bound, the gap between them
 * and the share of wanted need-sessions met:
 *
 *   mclsched: [  12.3s] improving the schedule: best 32750.0, bound 33030.0,
 *             within 0.85% of the best possible (gap limit 0.50%),
 *             need-sessions met 91.4%
 *
 * The objective printed is the best reported so far, never the current
 * one, so it never appears to fall while a search tries worse schedules on
 * its way to better ones.  One solve reports per process (a forked helper
 * is muted, see mcl_log_mute_process), so the state is this module's own.
 * Lines are printed at LOG_NORMAL: -q silences them.
 */
#ifndef MCL_PROGRESS_H
#define MCL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* Relative improvement of the best objective that is printed at once. */
#define PROGRESS_STEP 0.001
/* Seconds after the last line at which a smaller improvement or a better
 * bound is printed. */
#define PROGRESS_SECONDS 5.0
/* Seconds between lines when nothing changes. */
#define PROGRESS_ALIVE_SECONDS 30.0

/* Starts a solve's progress: the clock starts, no schedule, no bound;
 * gap_limit is the solve's --gap, named beside the gap. */
void progress_start(double gap_limit);

/* The gap in words, never "optimal": "within 0.46% of the best possible
 * (gap limit 0.50%)", or "the best possible (gap limit 0.50%)" at gap 0. */
void progress_gap_words(char *buf, size_t size, double gap, double gap_limit);

/*
 * Reports the solve's state.  phase says what it is doing, in plain words;
 * objective is the current complete schedule's (< 0: none yet, as while a
 * first schedule is being built); bound is the best proven upper bound
 * known (<= 0: not yet known); need_pct the percent of wanted need-sessions
 * the current schedule meets (< 0: not known).  Prints a line by the rules
 * above; the line's figures are the best schedule's (its objective and
 * need-sessions), with the smallest bound reported.
 * Returns whether it printed (a muted or -q process "prints" nothing, but
 * the state moves on just the same).
 */
bool progress_report(const char *phase, double objective, double bound, double need_pct);

/* The best objective reported since progress_start (< 0: none). */
double progress_best(void);

#endif
