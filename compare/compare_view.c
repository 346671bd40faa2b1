/*
 * compare_view.c - the text table, compare.csv, and writing both files
 * atomically (see compare_view.h; compare.html is compare_html.c).
 *
 * The text table is for a terminal: values that come from the inputs (a
 * scenario name) have control characters replaced, so they cannot move the
 * cursor or clear the screen, and widths count UTF-8 characters, not bytes.
 * compare.csv is for spreadsheets: every text cell goes through
 * csv_out_text, the project's quoting and formula guard.
 */
#define _POSIX_C_SOURCE 200809L
#include "compare_view.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/outpath.h"
#include "engine/util.h"
#include "outputs/csv_out.h"

/* ---- the text table --------------------------------------------------------- */

/* Characters shown of a value at most; longer ones end in "...". */
#define TEXT_CELL_MAX 24

static const char *better_word(const struct compare_row *row)
{
	if (row->kpi && row->kpi->setting)
		return "setting";
	if (!row->kpi || row->kpi->better == BETTER_NONE)
		return "-";
	return row->kpi->better == BETTER_HIGHER ? "higher" : "lower";
}

/* value made safe for a terminal and at most TEXT_CELL_MAX characters,
 * with " *" when best; *width gets its width in characters. */
static char *text_cell(const char *value, bool best, int *width)
{
	if (!value)
		value = "";
	size_t len = strlen(value);
	char *out = xmalloc(len + 8);
	size_t o = 0;
	int chars = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)value[i];
		bool starts = (ch & 0xC0) != 0x80;      /* not a UTF-8 continuation byte */
		if (starts && chars == TEXT_CELL_MAX - 3 && len - i > 3) {
			memcpy(out + o, "...", 3);
			o += 3;
			chars += 3;
			break;
		}
		chars += starts;
		out[o++] = ch < 0x20 || ch == 0x7F ? '?' : (char)ch;
	}
	if (best) {
		memcpy(out + o, " *", 2);
		o += 2;
		chars += 2;
	}
	out[o] = '\0';
	*width = chars;
	return out;
}

static void pad(FILE *out, int n)
{
	for (int i = 0; i < n; i++)
		fputc(' ', out);
}

/* One table row: name and better columns, then the cells. */
static void text_row(FILE *out, const char *name, const char *better, char **cells,
		     const int *widths, const int *col, int n)
{
	fprintf(out, "%-28s %-8s", name, better);
	for (int r = 0; r < n; r++) {
		fputs("  ", out);
		fputs(cells[r], out);
		if (r + 1 < n)
			pad(out, col[r] - widths[r]);
	}
	fputc('\n', out);
}

static void print_metrics(const struct compare *c, FILE *out)
{
	int n = c->n_runs;
	int *col = xcalloc((size_t)n, sizeof(int));
	int *widths = xcalloc((size_t)n, sizeof(int));
	char **cells = xcalloc((size_t)n, sizeof(char *));
	for (int r = 0; r < n; r++) {
		col[r] = 8;
		for (int i = 0; i < c->n_rows; i++) {
			int w;
			free(text_cell(c->rows[i].values[r], c->rows[i].best[r], &w));
			if (w > col[r])
				col[r] = w;
		}
	}
	fprintf(out, "%-28s %-8s", "metric", "better");
	for (int r = 0; r < n; r++) {
		char head[32];
		snprintf(head, sizeof(head), "run %d", r + 1);
		fprintf(out, "  %-*s", r + 1 < n ? col[r] : 0, head);
	}
	fputc('\n', out);
	for (int i = 0; i < c->n_rows; i++) {
		const struct compare_row *row = &c->rows[i];
		for (int r = 0; r < n; r++)
			cells[r] = text_cell(row->values[r], row->best[r], &widths[r]);
		text_row(out, row->name, better_word(row), cells, widths, col, n);
		for (int r = 0; r < n; r++)
			free(cells[r]);
		if (strcmp(row->name, "gap"))
			continue;
		/* the gap in words: "within X% of the best possible" */
		for (int r = 0; r < n; r++) {
			char *end;
			double g = row->values[r] ? strtod(row->values[r], &end) : 0;
			char *pct = row->values[r] && *row->values[r] && !*end
					    ? xasprintf("within %.2f%%", 100 * g) : xstrdup("");
			cells[r] = text_cell(pct, row->best[r], &widths[r]);
			free(pct);
		}
		text_row(out, "  of the best possible", "lower", cells, widths, col, n);
		for (int r = 0; r < n; r++)
			free(cells[r]);
	}
	free(cells);
	free(widths);
	free(col);
}

/* Priorities in the order the views list them: 1-5, unknown, all. */
static const int priority_order[] = { 1, 2, 3, 4, 5, 0, COMPARE_TOTAL };
#define N_PRIORITY_ORDER ((int)(sizeof(priority_order) / sizeof(priority_order[0])))

static const char *priority_word(int p)
{
	static const char *const words[] = { "met_in_full", "1", "2", "3", "4", "5", "all" };
	return words[p];
}

/* Whether any run has a learner gaining or losing at priority p. */
static bool priority_moves(const struct compare *c, int p)
{
	for (int k = 1; k < c->n_runs; k++)
		if (c->gain[k][p] || c->lose[k][p])
			return true;
	return false;
}

void compare_print_table(const struct compare *c, FILE *out)
{
	fprintf(out, "Comparing %d runs (%d learners); * marks the best run of a row (ties "
		"all marked; none when all are equal)\n", c->n_runs, c->n_learners);
	for (int r = 0; r < c->n_runs; r++) {
		/* the directory whole: it is the user's own argument */
		fprintf(out, "  run %d  ", r + 1);
		for (const char *s = c->runs[r].dir; *s; s++)
			fputc((unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s, out);
		fputc('\n', out);
	}
	fputc('\n', out);
	print_metrics(c, out);

	fprintf(out, "\nLearners who gain / lose need-sessions against run 1, by need priority\n");
	fprintf(out, "%-10s", "priority");
	for (int k = 1; k < c->n_runs; k++)
		fprintf(out, "  run %-8d", k + 1);
	fputc('\n', out);
	for (int i = 0; i < N_PRIORITY_ORDER; i++) {
		int p = priority_order[i];
		if (p == 0 && !priority_moves(c, 0))
			continue;       /* "met_in_full" only when it moves */
		fprintf(out, "%-10s", priority_word(p));
		for (int k = 1; k < c->n_runs; k++) {
			char cell[48];
			snprintf(cell, sizeof(cell), "%d / %d", c->gain[k][p], c->lose[k][p]);
			fprintf(out, "  %-12s", cell);
		}
		fputc('\n', out);
	}
	for (int k = 1; k < c->n_runs; k++)
		if (c->only_first[k] || c->only_other[k])
			fprintf(out, "run %d: %d learners only in run 1, %d only in run %d (not "
				"counted above)\n", k + 1, c->only_first[k], c->only_other[k], k + 1);
	fprintf(out, "\nLearner-blocks that move against run 1 (another session kind, offering, "
		"facilitator or room; compare.html and compare.csv list them)\n");
	for (int k = 1; k < c->n_runs; k++)
		fprintf(out, "run %d: %ld of %ld (%.2f%%), %d learner%s\n", k + 1, c->moved[k],
			c->cells[k], c->cells[k] ? 100.0 * (double)c->moved[k] / (double)c->cells[k] : 0.0,
			c->moved_learners[k], c->moved_learners[k] == 1 ? "" : "s");
	fprintf(out, "\nFacilitator loads: %d of %d facilitators lead a different number of "
		"sessions in some run (compare.html and compare.csv list them)\n",
		c->n_load_changes, c->n_facilitators);
}

/* ---- compare.csv ------------------------------------------------------------ */

static void csv_cells_int(FILE *f, const int *v, int n, int stride, bool skip_first)
{
	for (int r = 0; r < n; r++) {
		if (r == 0 && skip_first)
			fputc(',', f);
		else
			fprintf(f, ",%d", v[r * stride]);
	}
}

static void csv_head(FILE *f, const char *section, const char *item, const char *detail,
		     const char *best)
{
	csv_out_text(f, section);
	fputc(',', f);
	csv_out_text(f, item);
	fputc(',', f);
	csv_out_text(f, detail);
	fputc(',', f);
	csv_out_text(f, best);
}

/* Learners in the order of the most they change in any run, then id. */
static long most_moved(const struct compare *c, int l)
{
	long most = 0;
	for (int k = 1; k < c->n_runs; k++) {
		long moved = 0;
		for (int p = 0; p < COMPARE_PRIORITIES; p++) {
			long a = compare_sessions(c, l, 0, p), b = compare_sessions(c, l, k, p);
			if (a >= 0 && b >= 0)
				moved += labs(b - a);
		}
		if (moved > most)
			most = moved;
	}
	return most;
}

static const long *sort_moved;

static int cmp_moved(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	if (sort_moved[x] != sort_moved[y])
		return sort_moved[x] > sort_moved[y] ? -1 : 1;
	return x - y;
}

static void csv_learners(const struct compare *c, FILE *f)
{
	int n = c->n_learners;
	int *order = xcalloc((size_t)n + 1, sizeof(int));
	long *moved = xcalloc((size_t)n + 1, sizeof(long));
	int m = 0;
	for (int l = 0; l < n; l++) {
		moved[l] = most_moved(c, l);
		if (moved[l])
			order[m++] = l;
	}
	sort_moved = moved;
	qsort(order, (size_t)m, sizeof(int), cmp_moved);
	for (int i = 0; i < m; i++) {
		int l = order[i];
		for (int j = 0; j < N_PRIORITY_ORDER; j++) {
			int p = priority_order[j];
			bool differs = false;
			for (int k = 1; k < c->n_runs; k++)
				differs |= compare_sessions(c, l, k, p) != compare_sessions(c, l, 0, p);
			if (!differs && p != COMPARE_TOTAL)
				continue;
			csv_head(f, "learner_need_sessions", c->learners[l], priority_word(p), "");
			for (int r = 0; r < c->n_runs; r++) {
				long v = compare_sessions(c, l, r, p);
				if (v < 0)
					fputc(',', f);
				else
					fprintf(f, ",%ld", v);
			}
			fputc('\n', f);
		}
	}
	free(order);
	free(moved);
}

void compare_csv_write(const struct compare *c, FILE *f)
{
	int n = c->n_runs;
	fputs("section,item,detail,best", f);
	for (int r = 0; r < n; r++)
		fprintf(f, ",run_%d", r + 1);
	fputc('\n', f);
	csv_head(f, "run", "out_dir", "", "");
	for (int r = 0; r < n; r++) {
		fputc(',', f);
		csv_out_text(f, c->runs[r].dir);
	}
	fputc('\n', f);

	for (int i = 0; i < c->n_rows; i++) {
		const struct compare_row *row = &c->rows[i];
		char best[256] = "";
		size_t o = 0;
		for (int r = 0; r < n && o + 16 < sizeof(best); r++)
			if (row->best[r])
				o += (size_t)snprintf(best + o, sizeof(best) - o, "%s%d", o ? ";" : "",
						      r + 1);
		const char *better = better_word(row);
		csv_head(f, "kpi", row->name, !strcmp(better, "-") ? "not ranked" : better, best);
		for (int r = 0; r < n; r++) {
			fputc(',', f);
			if (row->values[r])
				csv_out_text(f, row->values[r]);
		}
		fputc('\n', f);
	}

	for (int i = 0; i < N_PRIORITY_ORDER; i++) {
		int p = priority_order[i];
		csv_head(f, "need_sessions", priority_word(p), "all learners", "");
		for (int r = 0; r < n; r++)
			fprintf(f, ",%ld", c->totals[r * (COMPARE_PRIORITIES + 1) + p]);
		fputc('\n', f);
	}
	for (int side = 0; side < 2; side++)
		for (int i = 0; i < N_PRIORITY_ORDER; i++) {
			int p = priority_order[i];
			if (p == 0 && !priority_moves(c, 0))
				continue;
			csv_head(f, side ? "learners_lose" : "learners_gain", priority_word(p),
				 "against run 1", "");
			csv_cells_int(f, side ? &c->lose[0][p] : &c->gain[0][p], n,
				      COMPARE_PRIORITIES + 1, true);
			fputc('\n', f);
		}
	csv_head(f, "learners_only_in_run_1", "all", "against run 1", "");
	csv_cells_int(f, c->only_first, n, 1, true);
	fputc('\n', f);
	csv_head(f, "learners_only_in_this_run", "all", "against run 1", "");
	csv_cells_int(f, c->only_other, n, 1, true);
	fputc('\n', f);

	csv_learners(c, f);

	csv_head(f, "learner_blocks_moved", "all", "against run 1", "");
	for (int r = 0; r < n; r++)
		r ? fprintf(f, ",%ld", c->moved[r]) : fputc(',', f);
	fputc('\n', f);
	csv_head(f, "learners_moved", "all", "against run 1", "");
	csv_cells_int(f, c->moved_learners, n, 1, true);
	fputc('\n', f);
	for (int i = 0; i < c->n_moves; i++) {
		const struct compare_cell *cl = &c->runs[0].cells[c->moves[i]];
		csv_head(f, "learner_block_place", cl->learner, cl->block, "");
		for (int r = 0; r < n; r++) {
			const char *at = compare_run_place(&c->runs[r], cl->learner, cl->block);
			fputc(',', f);
			csv_out_text(f, at ? at : "");
		}
		fputc('\n', f);
	}

	for (int fi = 0; fi < c->n_facilitators; fi++) {
		bool changed = false;
		for (int r = 1; r < n; r++)
			changed |= c->load[fi * n + r] != c->load[fi * n];
		csv_head(f, "facilitator_sessions", c->facilitators[fi],
			 changed ? "changed" : "same", "");
		csv_cells_int(f, &c->load[fi * n], n, 1, false);
		fputc('\n', f);
	}

	for (int i = 0; i < c->n_rows; i++) {
		const struct compare_row *row = &c->rows[i];
		if (!row->kpi || !row->kpi->setting)
			continue;
		csv_head(f, "setting", row->name, row->differs ? "differs" : "same", "");
		for (int r = 0; r < n; r++) {
			fputc(',', f);
			if (row->values[r])
				csv_out_text(f, row->values[r]);
		}
		fputc('\n', f);
	}
}

/* ---- the directory and the atomic files -------------------------------------- */

static const char *const file_names[] = { "compare.csv", "compare.html" };

char *compare_check_dir(const char *dir)
{
	if (!*dir)
		return xstrdup("is empty: name a directory");
	struct stat st;
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT)
			return outpath_check_dir(dir);
		return xasprintf("cannot be used: %s", strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return xstrdup("exists and is not a directory");
	for (size_t i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s", dir, file_names[i]);
		bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
		free(path);
		if (is_dir)
			return xasprintf("holds a directory named %s, which would not be replaced",
					 file_names[i]);
	}
	char *probe = xasprintf("%s/.mclsched-probe-XXXXXX", dir);
	int fd = mkstemp(probe);
	char *why = NULL;
	if (fd < 0) {
		why = xasprintf("cannot be written: %s", strerror(errno));
	} else {
		close(fd);
		unlink(probe);
	}
	free(probe);
	return why;
}

/* mkdir -p dir; errors surface when the files are created. */
static void make_dirs(const char *dir)
{
	char *path = xstrdup(dir);
	for (char *q = path + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		mkdir(path, 0755);
		*q = '/';
	}
	mkdir(path, 0755);
	free(path);
}

/* Writes one view into a fresh temporary file in dir; returns its path
 * (the caller renames or removes it), or NULL with the reason in d. */
static char *write_temp(const struct compare *c, const char *dir, const char *name,
			void (*view)(const struct compare *, FILE *), struct diag *d)
{
	char *tmp = xasprintf("%s/%s.tmp-XXXXXX", dir, name);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(d, dir, 0, "cannot create %s there: %s", name, strerror(errno));
		free(tmp);
		return NULL;
	}
	fchmod(fd, 0644);
	FILE *f = fdopen(fd, "w");
	if (!f) {
		diag_error(d, tmp, 0, "cannot write: %s", strerror(errno));
		close(fd);
		goto out_remove;
	}
	view(c, f);
	bool ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
	int err = errno;
	ok &= fclose(f) == 0;
	if (!ok) {
		diag_error(d, dir, 0, "cannot write %s: %s", name, strerror(err ? err : errno));
		goto out_remove;
	}
	return tmp;
out_remove:
	unlink(tmp);
	free(tmp);
	return NULL;
}

int compare_write_files(const struct compare *c, const char *dir, struct diag *d)
{
	static void (*const views[])(const struct compare *, FILE *) = { compare_csv_write,
									 compare_html_write };
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	make_dirs(dir);
	char *tmp[2] = { NULL, NULL };
	int rc = -1;
	for (int i = 0; i < 2; i++)
		if (!(tmp[i] = write_temp(c, dir, file_names[i], views[i], d)))
			goto out;
	for (int i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s", dir, file_names[i]);
		int failed = rename(tmp[i], path);
		if (failed)
			diag_error(d, path, 0, "cannot be replaced: %s", strerror(errno));
		free(path);
		if (failed)
			goto out;
		free(tmp[i]);
		tmp[i] = NULL;
	}
	rc = 0;
out:
	for (int i = 0; i < 2; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		free(tmp[i]);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
