/*
 * advice_out.c - advice.csv and the re-rendered report.html (advice_out.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "advice_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/metrics.h"
#include "engine/util.h"
#include "outputs/csv_out.h"
#include "outputs/report.h"

/* A number cell with that many decimals, or an empty one. */
static void put_num(FILE *f, bool has, double v, int decimals)
{
	fputc(',', f);
	if (has)
		fprintf(f, "%.*f", decimals, v);
}

static void put_row(FILE *f, const struct rowset_advice *r)
{
	fprintf(f, "%d,", r->rank);
	csv_out_text(f, r->change);
	fputc(',', f);
	csv_out_text(f, r->edit);
	put_num(f, r->has_expected, r->expected, 2);
	put_num(f, r->has_verified, r->verified, 2);
	put_num(f, r->has_kpis, r->objective, 2);
	put_num(f, r->has_kpis, r->need_scheduled, 0);
	put_num(f, r->has_kpis, r->need_pct, 2);
	put_num(f, r->has_kpis, r->complete_pct, 2);
	put_num(f, r->has_kpis, r->first_choice_pct, 2);
	put_num(f, r->has_kpis, r->left_out, 0);
	put_num(f, r->estimate_rank > 0, r->estimate_rank, 0);
	fputc(',', f);
	csv_out_text(f, r->note);
	fputc('\n', f);
}

/* Renames the written temporary file tmp over path, or removes it. */
static int finish(FILE *f, const char *tmp, const char *path, struct diag *d)
{
	bool ok = f && !ferror(f);
	if (f)
		ok &= fclose(f) == 0;
	if (ok && rename(tmp, path) == 0)
		return 0;
	diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	remove(tmp);
	return -1;
}

int advice_write_csv(const struct rowset_advice *a, int n, const char *dir, struct diag *d)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_error(d, dir, 0, "cannot create the directory: %s", strerror(errno));
		return -1;
	}
	char *path = xasprintf("%s/advice.csv", dir), *tmp = xasprintf("%s/.advice.csv.tmp", dir);
	FILE *f = fopen(tmp, "w");
	if (f) {
		fputs("rank,change,edit,expected_gain,verified_gain,objective,"
		      "need_sessions_scheduled,need_sessions_pct,learners_complete_pct,"
		      "seminar_first_choice_pct,learners_left_out,estimate_rank,note\n", f);
		for (int i = 0; i < n; i++)
			put_row(f, &a[i]);
	}
	int rc = finish(f, tmp, path, d);
	free(path);
	free(tmp);
	return rc;
}

int advice_write_report(const struct problem *p, const struct solution *s,
			const struct run_info *run, const struct rowset_advice *a, int n,
			const char *dir, struct diag *d)
{
	struct metrics m;
	struct rowset rs;
	metrics_compute(p, s, &m);
	int rc = -1;
	if (rowset_build(&rs, p, s, &m, run, d) == 0) {
		rs.advice = a;
		rs.n_advice = n;
		char *path = xasprintf("%s/report.html", dir);
		char *tmp = xasprintf("%s/.report.html.tmp", dir);
		FILE *f = fopen(tmp, "w");
		if (f)
			report_write(f, p, s, &m, &rs, run);
		rc = finish(f, tmp, path, d);
		free(path);
		free(tmp);
		rowset_release(&rs);
	}
	metrics_release(&m);
	return rc;
}
