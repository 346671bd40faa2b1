/*
 * verify_mastery.c - mastery for verify, by a second route.
 *
 * The loader reads a score's digits into whole 1/10000-ths and compares
 * integers (inputs/decimal.c, problem_mastered).  verify must not share that
 * arithmetic (issue 24: when it shared a float comparison it rejected a
 * valid schedule), so here the scores are read again from progress.csv as
 * text and compared with mastery as strings of decimal digits: the whole
 * parts by length and then digit by digit, then the fractions digit by
 * digit, a missing digit counting as 0.  No number is converted at all.
 */
#define _POSIX_C_SOURCE 200809L
#include "verify_mastery.h"

#include <stdio.h>
#include <string.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/decimal.h"

/* The whole part of a decimal without leading zeros: start and length. */
static size_t whole_part(const char *a, const char **start)
{
	while (*a == '0')
		a++;
	*start = a;
	size_t n = 0;
	while (a[n] && a[n] != '.')
		n++;
	return n;
}

int verify_decimal_cmp(const char *a, const char *b)
{
	const char *wa, *wb;
	size_t na = whole_part(a, &wa), nb = whole_part(b, &wb);
	if (na != nb)
		return na < nb ? -1 : 1;
	int c = strncmp(wa, wb, na);
	if (c)
		return c;
	const char *fa = wa[na] == '.' ? wa + na + 1 : "";
	const char *fb = wb[nb] == '.' ? wb + nb + 1 : "";
	while (*fa || *fb) {
		char da = *fa ? *fa++ : '0', db = *fb ? *fb++ : '0';
		if (da != db)
			return da < db ? -1 : 1;
	}
	return 0;
}

/* From the loaded scores, for a problem built in memory (no progress.csv). */
static void mastery_from_loaded(const struct problem *p, const char *mastery, bool *mastered,
				bool *progress_known)
{
	for (long i = 0; i < (long)p->n_learners * p->n_goals; i++) {
		if (p->score[i] < 0)
			continue;
		char text[32];
		snprintf(text, sizeof(text), "%d.%04d", p->score[i] / DECIMAL_SCALE,
			 p->score[i] % DECIMAL_SCALE);
		*progress_known = true;
		mastered[i] = verify_decimal_cmp(text, mastery) >= 0;
	}
}

bool *verify_mastery_read(const struct problem *p, bool *progress_known)
{
	bool *mastered = xcalloc((size_t)p->n_learners * (size_t)p->n_goals + 1, sizeof(bool));
	char mastery[32];
	snprintf(mastery, sizeof(mastery), "%.*f", DECIMAL_PLACES, p->config.mastery);
	*progress_known = false;
	struct diag d;
	diag_init(&d);
	struct csv_table t;
	memset(&t, 0, sizeof(t));
	if (!p->dir || csv_table_read(&t, p->dir, "progress.csv", false, &d) <= 0) {
		/* no file: a scenario without progress has no score loaded either */
		mastery_from_loaded(p, mastery, mastered, progress_known);
	} else {
		int cl = csv_table_col(&t, "learner_id"), cg = csv_table_col(&t, "goal_id"),
		    cs = csv_table_col(&t, "score");
		for (int r = 0; cl >= 0 && cg >= 0 && cs >= 0 && r < t.n_rows; r++) {
			int l = problem_find_learner(p, t.rows[r][cl]);
			int g = problem_find_goal(p, t.rows[r][cg]);
			if (l < 0 || g < 0)
				continue;       /* the loader refused such a file */
			*progress_known = true;
			mastered[(long)l * p->n_goals + g] =
				verify_decimal_cmp(t.rows[r][cs], mastery) >= 0;
		}
	}
	csv_table_release(&t);
	diag_release(&d);
	return mastered;
}

bool verify_need_ready(const struct problem *p, const bool *mastered, bool progress_known,
		       int q)
{
	const struct need *nd = &p->needs[q];
	const bool *mine = &mastered[(long)nd->learner * p->n_goals];
	if (!progress_known)
		return true;
	if (p->config.needs == NEEDS_DERIVE && mine[nd->goal])
		return false;
	const struct goal *gl = &p->goals[nd->goal];
	for (int i = 0; i < gl->n_requires; i++)
		if (!mine[gl->requires[i]])
			return false;
	return true;
}
