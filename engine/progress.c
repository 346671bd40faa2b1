/*
 * progress.c - throttled, never-falling progress lines on stderr.
 *
 * The decision is made here, not at the call sites, so a search can report
 * after every step it takes and a person still reads a few lines.  A line
 * is printed at once when the best schedule improves by PROGRESS_STEP or
 * more (the first schedule always does); a smaller improvement, or a
 * better bound, is shown PROGRESS_SECONDS after the last line; when
 * nothing changes, a line every PROGRESS_ALIVE_SECONDS shows the solve is
 * alive.  A search of the bundled example makes hundreds of small
 * improvements; a line for each would bury the few a person cares about.
 * The bound kept is the smallest reported, since every reported bound is
 * valid.
 */
#include "progress.h"

#include <stdio.h>

#include "engine/util.h"

static struct {
	double t0;          /* mcl_now() at progress_start */
	double best;        /* best objective reported, < 0 none */
	double best_need;   /* need-sessions met in the best, < 0 unknown */
	double bound;       /* smallest bound reported, <= 0 none */
	double last_line;   /* mcl_now() of the last line considered printed */
	double line_best;   /* best and bound as of that line */
	double line_bound;
	double gap_limit;   /* the solve's --gap */
} st = { 0, -1, -1, 0, 0, -1, 0, 0 };

void progress_start(double gap_limit)
{
	st.gap_limit = gap_limit;
	st.t0 = st.last_line = mcl_now();
	st.best = st.best_need = st.line_best = -1;
	st.bound = st.line_bound = 0;
}

/* A percentage in words: two decimals, or two significant digits below
 * 0.01 (a gap of 0.004% is not "0.00%"). */
static void percent(char *buf, size_t size, double frac)
{
	double x = 100 * frac;
	if (x >= 0.01 || x == 0)
		snprintf(buf, size, "%.2f%%", x);
	else
		snprintf(buf, size, "%.2g%%", x);
}

void progress_gap_words(char *buf, size_t size, double gap, double gap_limit)
{
	char g[32], lim[32];
	percent(g, sizeof(g), gap);
	percent(lim, sizeof(lim), gap_limit);
	if (gap <= 0)
		snprintf(buf, size, "the best possible (gap limit %s)", lim);
	else
		snprintf(buf, size, "within %s of the best possible (gap limit %s)", g, lim);
}

double progress_best(void)
{
	return st.best;
}

bool progress_report(const char *phase, double objective, double bound, double need_pct)
{
	double now = mcl_now();
	if (objective >= 0 && objective > st.best + 1e-6) {
		st.best = objective;
		st.best_need = need_pct;
	}
	if (bound > 0 && (st.bound <= 0 || bound < st.bound))
		st.bound = bound;

	/* a best of 0 (a view with nothing left to plan) is no step from 0 */
	bool step = st.best >= 0 &&
		    (st.line_best < 0 || (st.best > st.line_best &&
					  st.best >= st.line_best + PROGRESS_STEP * st.line_best));
	bool changed = st.best != st.line_best || st.bound != st.line_bound;
	double quiet = now - st.last_line;
	if (!step && !(changed && quiet >= PROGRESS_SECONDS) && quiet < PROGRESS_ALIVE_SECONDS)
		return false;
	st.last_line = now;
	st.line_best = st.best;
	st.line_bound = st.bound;
	if (!mcl_log_enabled(LOG_NORMAL))
		return false;

	char best[48] = "no schedule yet", gap[128] = "bound pending", need[48] = "";
	if (st.best >= 0)
		snprintf(best, sizeof(best), "best %.1f", st.best);
	if (st.bound > 0 && st.best >= 0) {
		char words[96];
		progress_gap_words(words, sizeof(words), (st.bound - st.best) / st.bound,
				   st.gap_limit);
		snprintf(gap, sizeof(gap), "bound %.1f, %s", st.bound, words);
	} else if (st.bound > 0) {
		snprintf(gap, sizeof(gap), "bound %.1f", st.bound);
	}
	if (st.best >= 0 && st.best_need >= 0)
		snprintf(need, sizeof(need), ", need-sessions met %.1f%%", st.best_need);
	mcl_log(LOG_NORMAL, "[%6.1fs] %s: %s, %s%s", now - st.t0, phase, best, gap, need);
	return true;
}
