/*
 * output.c - writes a solved cycle to OUT_DIR, atomically.
 *
 * Everything goes into a fresh directory beside OUT_DIR (OUT_DIR.tmp-XXXXXX),
 * each file flushed and fsynced, and only then is the directory renamed into
 * place; an existing OUT_DIR is first renamed aside and removed afterwards.
 * SIGINT and SIGTERM are held during the renames.  A crash or Ctrl-C at any
 * point leaves either the old OUT_DIR or the new one, plus at worst a
 * *.tmp-* directory, never a half-written OUT_DIR.  An existing OUT_DIR is
 * replaced only if it is empty or holds a summary.csv (an earlier run), so a
 * mistyped -o cannot wipe an unrelated directory.  Missing parent
 * directories are created (so `-o runs/spring/out` works on a fresh
 * checkout).
 *
 * The rows are collected once (rowset.h: canonical session numbers,
 * recounted sizes, unmet reasons, the summary metrics) and every file is
 * rendered from them: the four CSVs here, report.html, schedule.xlsx and
 * oneroster/ by their writers.  No file written is read back.
 */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/metrics.h"
#include "engine/outpath.h"
#include "engine/util.h"
#include "outputs/changes.h"
#include "outputs/csv_out.h"
#include "outputs/oneroster.h"
#include "outputs/report.h"
#include "outputs/xlsx_out.h"

/* ---- the time a write takes ---------------------------------------------------- */

/* Calibrated on the shared 2-core machine (bench/TUNING.md, "The time
 * limit holds for the whole run"). */
#define WRITE_SECONDS_FIXED 0.1
#define WRITE_SECONDS_PER_LEARNER_BLOCK 7e-5

double output_write_seconds(const struct problem *p)
{
	return WRITE_SECONDS_FIXED +
	       WRITE_SECONDS_PER_LEARNER_BLOCK * (double)p->n_learners * p->n_blocks;
}

/* ---- CSV writing ------------------------------------------------------------ */

/* Every text cell goes through here: quoted and spreadsheet-safe. */
static void put_field(FILE *f, const char *v)
{
	csv_out_text(f, v);
}

struct out_file {
	FILE *f;
	char *path;
};

static int open_file(struct out_file *o, const char *dir, const char *name, struct diag *d)
{
	o->path = xasprintf("%s/%s", dir, name);
	o->f = fopen(o->path, "w");
	if (!o->f) {
		diag_error(d, o->path, 0, "cannot create: %s", strerror(errno));
		free(o->path);
		return -1;
	}
	return 0;
}

volatile sig_atomic_t output_writing, output_abort;

/* Records in d that a second signal stopped the write. */
static int aborted(const char *out_dir, struct diag *d)
{
	diag_error(d, out_dir, 0, "stopped by a second signal while writing: nothing "
		   "written, the previous output is untouched");
	return -1;
}

static int close_file(struct out_file *o, struct diag *d)
{
	int rc = 0;
	if (output_abort) {
		fclose(o->f);
		free(o->path);
		return -1;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		diag_error(d, o->path, 0, "cannot write: %s (free some space or choose another "
			   "-o; the output directory was left as it was)", strerror(errno));
		rc = -1;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		diag_error(d, o->path, 0, "cannot write: %s (free some space or choose another "
			   "-o; the output directory was left as it was)", strerror(errno));
		rc = -1;
	}
	free(o->path);
	return rc;
}

static int write_sessions(const struct rowset *rs, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "sessions.csv", d))
		return -1;
	fputs("session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n", o.f);
	for (int i = 0; i < rs->n_sessions; i++) {
		const struct rowset_session *ss = &rs->sessions[i];
		fprintf(o.f, "%s,%s,%s,", ss->id, ss->section, solution_kind_name(ss->kind));
		put_field(o.f, ss->offering_id);
		fputc(',', o.f);
		put_field(o.f, ss->block_id);
		fputc(',', o.f);
		put_field(o.f, ss->room_id);
		fputc(',', o.f);
		put_field(o.f, ss->facilitator_id);
		fprintf(o.f, ",%d\n", ss->size);
	}
	return close_file(&o, d);
}

static int write_timetable(const struct rowset *rs, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "timetable.csv", d))
		return -1;
	fputs("learner_id,block_id,session_id,offering_id\n", o.f);
	for (int i = 0; i < rs->n_slots; i++) {
		const struct rowset_slot *sl = &rs->slots[i];
		put_field(o.f, sl->learner_id);
		fputc(',', o.f);
		put_field(o.f, sl->block_id);
		fprintf(o.f, ",%s,", sl->session >= 0 ? rs->sessions[sl->session].id : "");
		put_field(o.f, sl->offering_id);
		fputc('\n', o.f);
	}
	return close_file(&o, d);
}

static int write_unmet(const struct rowset *rs, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "unmet.csv", d))
		return -1;
	fputs("learner_id,kind,offering_id,priority,wanted,scheduled,reason\n", o.f);
	for (int i = 0; i < rs->n_unmet; i++) {
		const struct rowset_unmet *u = &rs->unmet[i];
		put_field(o.f, u->learner_id);
		fputs(u->choice ? ",choice," : ",need,", o.f);
		put_field(o.f, u->offering_id);
		fprintf(o.f, ",%d,%d,%d,%s\n", u->priority, u->wanted, u->scheduled, u->reason);
	}
	return close_file(&o, d);
}

static int write_summary(const struct rowset *rs, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "summary.csv", d))
		return -1;
	fputs("metric,value\n", o.f);
	for (int i = 0; i < rs->n_metrics; i++) {
		const struct rowset_metric *m = &rs->metrics[i];
		fprintf(o.f, "%s,", m->name);
		if (m->text)
			put_field(o.f, m->value);
		else
			fputs(m->value, o.f);
		fputc('\n', o.f);
	}
	return close_file(&o, d);
}

int output_write_csv(const struct rowset *rs, const char *dir, struct diag *d)
{
	if (!rs->schedule)
		return write_summary(rs, dir, d);
	if (write_sessions(rs, dir, d) || write_timetable(rs, dir, d) || write_unmet(rs, dir, d) ||
	    write_summary(rs, dir, d))
		return -1;
	return 0;
}

/* replan only: changes.csv (outputs/changes.h). */
static int write_changes(const struct problem *p, const struct rowset *rs, const char *dir,
			 struct diag *d)
{
	struct out_file o;
	if (!p->previous)
		return 0;
	if (open_file(&o, dir, "changes.csv", d))
		return -1;
	changes_write(o.f, p, rs);
	return close_file(&o, d);
}

static int write_diagnosis(const struct solution *s, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "diagnosis.txt", d))
		return -1;
	fputs(s->diagnosis ? s->diagnosis : "no schedule was found within the limits\n", o.f);
	return close_file(&o, d);
}

static int write_report(const struct problem *p, const struct solution *s,
			const struct metrics *m, const struct rowset *rs, const struct run_info *run,
			const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "report.html", d))
		return -1;
	report_write(o.f, p, s, m, rs, run);
	return close_file(&o, d);
}

/* ---- the directory swap --------------------------------------------------------- */

/* Removes the regular files of dir. */
static void remove_files(const char *dir)
{
	DIR *dh = opendir(dir);
	if (dh) {
		struct dirent *e;
		while ((e = readdir(dh))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char *path = xasprintf("%s/%s", dir, e->d_name);
			unlink(path);
			free(path);
		}
		closedir(dh);
	}
}

/* Removes what output_write writes: the regular files of dir and of its
 * subdirectories (outpath_subdirs), those, then dir. */
static void remove_dir(const char *dir)
{
	for (int i = 0; outpath_subdirs[i]; i++) {
		char *sub = xasprintf("%s/%s", dir, outpath_subdirs[i]);
		remove_files(sub);
		rmdir(sub);
		free(sub);
	}
	remove_files(dir);
	rmdir(dir);
}

/* Creates the missing parent directories of path (like mkdir -p on its
 * dirname); errors surface when the output directory itself is created. */
static void make_parents(const char *path)
{
	char *dir = xstrdup(path);
	for (char *q = dir + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		mkdir(dir, 0755);
		*q = '/';
	}
	free(dir);
}

int output_write(const struct problem *p, const struct solution *s, const struct run_info *run,
		 const char *out_dir, struct diag *d)
{
	struct run_info from_config = { "", p->config.seed, p->config.time_limit, p->config.gap };
	if (!run)
		run = &from_config;
	struct stat st;
	make_parents(out_dir);
	bool exists = stat(out_dir, &st) == 0;
	if (exists && !S_ISDIR(st.st_mode)) {
		diag_error(d, out_dir, 0, "exists and is not a directory: choose another -o");
		return -1;
	}
	if (exists && !outpath_replaceable(out_dir)) {
		diag_error(d, out_dir, 0, "exists and is not an mclsched output directory: "
			   "choose another -o, or empty it");
		return -1;
	}
	char *tmp = xasprintf("%s.tmp-XXXXXX", out_dir);
	output_writing = 1;
	if (output_abort || !mkdtemp(tmp)) {
		output_writing = 0;
		if (output_abort) {
			free(tmp);
			return aborted(out_dir, d);
		}
		diag_error(d, out_dir, 0, "cannot create a directory beside it: %s",
			   strerror(errno));
		free(tmp);
		return -1;
	}
	chmod(tmp, 0755);

	int rc = -1;
	struct metrics m;
	struct rowset rs;
	metrics_compute(p, s, &m);
	if (rowset_build(&rs, p, s, &m, run, d))
		goto out;
	if (output_write_csv(&rs, tmp, d))
		goto out;
	if (rs.schedule ? xlsx_out_write(p, &rs, tmp, rowset_export_time(), d) ||
			  oneroster_write(p, &rs, tmp, rowset_export_time(), d) ||
			  write_changes(p, &rs, tmp, d)
			: write_diagnosis(s, tmp, d))
		goto out;
	if (write_report(p, s, &m, &rs, run, tmp, d))
		goto out;

	/* The swap, with Ctrl-C held so it cannot stop half-way. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (output_abort) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		goto out;
	}
	char *aside = NULL;
	if (exists) {
		aside = xasprintf("%s.old-XXXXXX", out_dir);
		if (!mkdtemp(aside) || rmdir(aside) != 0 || rename(out_dir, aside) != 0) {
			diag_error(d, out_dir, 0, "cannot move the old directory aside: %s",
				   strerror(errno));
			sigprocmask(SIG_SETMASK, &old, NULL);
			free(aside);
			goto out;
		}
	}
	if (rename(tmp, out_dir) != 0) {
		diag_error(d, out_dir, 0, "cannot rename the new directory into place: %s",
			   strerror(errno));
		if (aside)
			rename(aside, out_dir);
		sigprocmask(SIG_SETMASK, &old, NULL);
		free(aside);
		goto out;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (aside)
		remove_dir(aside);
	free(aside);
	rc = 0;
out:
	if (rc != 0)
		remove_dir(tmp);
	if (rc != 0 && output_abort && d->n_errors == 0)
		aborted(out_dir, d);
	output_writing = 0;
	free(tmp);
	rowset_release(&rs);
	metrics_release(&m);
	return rc;
}
