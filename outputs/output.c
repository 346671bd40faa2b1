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
 * Sessions are numbered S0001... in a canonical order (block, kind,
 * offering, room, facilitator), so the same schedule always gives the same
 * bytes.  Sizes are recounted from the attend table rather than trusted, and
 * unmet.csv explains each shortfall with the first reason that applies.
 */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <assert.h>
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
#include "engine/objective.h"
#include "engine/outpath.h"
#include "engine/util.h"
#include "outputs/csv_out.h"
#include "outputs/digest.h"
#include "outputs/oneroster.h"
#include "outputs/output_unmet.h"
#include "outputs/readback.h"
#include "outputs/report.h"
#include "outputs/xlsx_out.h"

/* ---- canonical session order ------------------------------------------------ */

static const struct problem *sort_problem;
static const struct solution *sort_solution;

static const char *offering_id(const struct problem *p, const struct session *s)
{
	if (s->offering < 0)
		return "";
	return s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id : p->goals[s->offering].id;
}

static int cmp_sessions(const void *a, const void *b)
{
	const struct problem *p = sort_problem;
	const struct session *x = &sort_solution->sessions[*(const int *)a];
	const struct session *y = &sort_solution->sessions[*(const int *)b];
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	int c = strcmp(offering_id(p, x), offering_id(p, y));
	if (c)
		return c;
	c = strcmp(p->rooms[x->room].id, p->rooms[y->room].id);
	if (c)
		return c;
	return strcmp(p->facilitators[x->facilitator].id, p->facilitators[y->facilitator].id);
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

static void session_name(char *buf, size_t len, int width, int n)
{
	unsigned w = (unsigned)width & 15u;   /* 4..10 digits in practice */
	snprintf(buf, len, "S%0*d", (int)w, n + 1);
}

/*
 * sec_rank[i]: the canonical rank of the first session (in canonical order)
 * of session i's section, found in one pass over the sessions in order.
 */
static int *section_ranks(const struct solution *s, const int *order)
{
	size_t n = s->n_sessions;
	int *first = xmalloc(sizeof(int) * (n + 1));
	int *sec_rank = xmalloc(sizeof(int) * (n + 1));
	for (size_t i = 0; i < n; i++)
		first[i] = -1;
	for (size_t i = 0; i < n; i++) {
		int sec = s->sessions[order[i]].section;
		assert(sec >= 0 && (size_t)sec < n);
		if (first[sec] < 0)
			first[sec] = (int)i;
	}
	for (size_t i = 0; i < n; i++)
		sec_rank[i] = first[s->sessions[i].section];
	free(first);
	return sec_rank;
}

static int write_sessions(const struct problem *p, const struct solution *s, const int *order,
			  const int *size, int width, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "sessions.csv", d))
		return -1;
	int *sec_rank = section_ranks(s, order);
	fputs("session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n", o.f);
	for (size_t i = 0; i < s->n_sessions; i++) {
		const struct session *ss = &s->sessions[order[i]];
		char id[32], sec[32];
		session_name(id, sizeof(id), width, (int)i);
		session_name(sec, sizeof(sec), width, sec_rank[order[i]]);
		fprintf(o.f, "%s,%s,%s,", id, sec, solution_kind_name(ss->kind));
		put_field(o.f, offering_id(p, ss));
		fputc(',', o.f);
		put_field(o.f, p->blocks[ss->block].id);
		fputc(',', o.f);
		put_field(o.f, p->rooms[ss->room].id);
		fputc(',', o.f);
		put_field(o.f, p->facilitators[ss->facilitator].id);
		fprintf(o.f, ",%d\n", size[order[i]]);
	}
	free(sec_rank);
	return close_file(&o, d);
}

/* What learner l works on in session ss, timetable.csv's offering_id: the
 * workshop's goal, the seminar, or for the learner's k-th lab (block order,
 * 0-based) the online goal objective_lab_credit_in credits it to ("" when none). */
static const char *works_on(const struct problem *p, const struct solution *s,
			    const struct session *ss, int l, int k)
{
	if (ss->kind != SESSION_LAB)
		return offering_id(p, ss);
	int q = objective_lab_credit_in(p, s, l, k);
	return q >= 0 ? p->goals[p->needs[q].goal].id : "";
}

/* One row per learner and scheduled block where the learner is available;
 * a model that left such a learner without a session gets an empty
 * session_id, which verify reports. */
static int write_timetable(const struct problem *p, const struct solution *s, const int *rank,
			   int width, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "timetable.csv", d))
		return -1;
	fputs("learner_id,block_id,session_id,offering_id\n", o.f);
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0;
		for (int b = 0; b < p->n_blocks; b++) {
			if (!problem_block_scheduled(p, b) || p->learners[l].unavailable[b])
				continue;
			int si = solution_attend_at(s, l, b);
			char id[32] = "";
			const char *what = "";
			if (si >= 0) {
				session_name(id, sizeof(id), width, rank[si]);
				what = works_on(p, s, &s->sessions[si], l, labs);
				labs += s->sessions[si].kind == SESSION_LAB;
			}
			put_field(o.f, p->learners[l].id);
			fputc(',', o.f);
			put_field(o.f, p->blocks[b].id);
			fprintf(o.f, ",%s,", id);
			put_field(o.f, what);
			fputc('\n', o.f);
		}
	}
	return close_file(&o, d);
}

/*
 * Marks, for learner l, the blocks whose session counts toward one of the
 * learner's ready needs: a workshop session of goal g among the first
 * need.sessions of them (time order), a lab among the first ones credited.
 */
static void mark_counted(const struct problem *p, const struct solution *s,
			 const struct metrics *m, int l, bool *taken)
{
	int credited = 0;
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].ready && p->goals[p->needs[q].goal].mode == GOAL_ONLINE)
			credited += m->counted[q];
	int *used = xcalloc((size_t)(p->need_start[l + 1] - p->need_start[l]) + 1, sizeof(int));
	for (int b = 0; b < p->n_blocks; b++) {
		taken[b] = false;
		int si = solution_attend_at(s, l, b);
		if (si < 0)
			continue;
		const struct session *ss = &s->sessions[si];
		if (ss->kind == SESSION_LAB) {
			if (credited > 0) {
				taken[b] = true;
				credited--;
			}
			continue;
		}
		if (ss->kind != SESSION_WORKSHOP)
			continue;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (nd->goal != ss->offering || !nd->ready ||
			    p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			if (used[q - p->need_start[l]] < m->counted[q]) {
				used[q - p->need_start[l]]++;
				taken[b] = true;
			}
			break;
		}
	}
	free(used);
}

const char *output_need_reason(const struct problem *p, const struct solution *s,
			       const struct metrics *m, int q, bool *taken)
{
	const struct need *nd = &p->needs[q];
	const struct goal *g = &p->goals[nd->goal];
	int l = nd->learner;
	if (!nd->ready)
		return "prerequisite";
	bool online = g->mode == GOAL_ONLINE;
	if (!online) {
		bool staffed = false;
		for (int f = 0; f < p->n_facilitators && !staffed; f++) {
			if (problem_goal_level(p, f, nd->goal) < LEVEL_ABLE)
				continue;
			for (int b = 0; b < p->n_blocks && !staffed; b++)
				staffed = problem_block_scheduled(p, b) &&
					  p->blocks[b].kind == BLOCK_WORKSHOP &&
					  !p->learners[l].unavailable[b] &&
					  !p->facilitators[f].unavailable[b] &&
					  problem_block_allows(p, b, nd->goal);
		}
		if (!staffed)
			return "no_facilitator";
		bool room = false;
		for (int r = 0; r < p->n_rooms && !room; r++)
			room = p->rooms[r].capacity >= g->min_group &&
			       problem_room_has(&p->rooms[r], g->feature);
		if (!room)
			return "no_room";
	}
	/* conflict: every block where the need could meet is already taken by
	 * one of the learner's counted need sessions */
	mark_counted(p, s, m, l, taken);
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b) || p->learners[l].unavailable[b])
			continue;
		if (!online && p->blocks[b].kind != BLOCK_WORKSHOP)
			continue;
		if (!taken[b])
			return "capacity";
	}
	return "conflict";
}

bool output_enrolled_in(const struct problem *p, const struct solution *s, int l, int sem)
{
	for (int b = 0; b < p->n_blocks; b++) {
		int si = solution_attend_at(s, l, b);
		if (si >= 0 && s->sessions[si].kind == SESSION_SEMINAR &&
		    s->sessions[si].offering == sem)
			return true;
	}
	return false;
}

const char *output_choice_reason(const struct problem *p, const struct choice *ch,
				 int enrollments)
{
	return !ch->eligible ? "ineligible"
	       : enrollments >= p->config.seminars_per_learner ? "limit"
							       : "capacity";
}

static int write_unmet(const struct problem *p, const struct solution *s,
		       const struct metrics *m, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "unmet.csv", d))
		return -1;
	bool seminars = p->config.model == MODEL_SEMINAR || p->config.model == MODEL_COMBINATION;
	bool *taken = xcalloc((size_t)p->n_blocks + 1, sizeof(bool));
	bool *held = xcalloc((size_t)p->n_seminars + 1, sizeof(bool));
	fputs("learner_id,kind,offering_id,priority,wanted,scheduled,reason\n", o.f);
	for (int l = 0; l < p->n_learners; l++) {
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (m->counted[q] >= nd->sessions)
				continue;
			put_field(o.f, p->learners[l].id);
			fputs(",need,", o.f);
			put_field(o.f, p->goals[nd->goal].id);
			fprintf(o.f, ",%d,%d,%d,%s\n", nd->priority, nd->sessions, m->counted[q],
				output_need_reason(p, s, m, q, taken));
		}
		if (!seminars)
			continue;
		int enrollments = 0;
		for (int k = 0; k < p->n_seminars; k++) {
			held[k] = output_enrolled_in(p, s, l, k);
			enrollments += held[k];
		}
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			if (held[ch->seminar])
				continue;
			const char *reason = output_choice_reason(p, ch, enrollments);
			put_field(o.f, p->learners[l].id);
			fputs(",choice,", o.f);
			put_field(o.f, p->seminars[ch->seminar].id);
			fprintf(o.f, ",%d,1,0,%s\n", ch->rank, reason);
		}
	}
	free(held);
	free(taken);
	return close_file(&o, d);
}

static int write_summary(const struct problem *p, const struct solution *s,
			 const struct metrics *m, const struct run_info *run, const char *dir,
			 struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "summary.csv", d))
		return -1;
	FILE *f = o.f;
	bool have = s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE;
	fputs("metric,value\n", f);
	fprintf(f, "status,%s\n", solution_status_name(s->status));
	if (have) {
		fprintf(f, "objective,%.2f\n", s->objective);
		fprintf(f, "bound,%.2f\n", s->bound);
		fprintf(f, "gap,%.6f\n", s->gap);
	} else {
		fputs("objective,\nbound,\ngap,\n", f);
	}
	fprintf(f, "solve_seconds,%.2f\n", s->solve_seconds);
	fprintf(f, "model,%s\n", problem_model_name(p->config.model));
	fprintf(f, "learners,%d\n", m->learners);
	fprintf(f, "blocks,%d\n", m->blocks);
	fprintf(f, "sessions,%d\n", m->sessions);
	fprintf(f, "need_sessions_wanted,%ld\n", m->need_sessions_wanted);
	fprintf(f, "need_sessions_scheduled,%ld\n", m->need_sessions_scheduled);
	fprintf(f, "need_sessions_pct,%.2f\n", m->need_sessions_pct);
	fprintf(f, "power_goal_pct,%.2f\n", m->power_goal_pct);
	fprintf(f, "learners_complete_pct,%.2f\n", m->learners_complete_pct);
	fprintf(f, "seminar_enrolled_pct,%.2f\n", m->seminar_enrolled_pct);
	fprintf(f, "seminar_first_choice_pct,%.2f\n", m->seminar_first_choice_pct);
	fprintf(f, "avg_group_size,%.2f\n", m->avg_group_size);
	fprintf(f, "lab_sessions,%d\n", m->lab_sessions);
	fprintf(f, "facilitator_load_pct,%.2f\n", m->facilitator_load_pct);
	fprintf(f, "needs_not_ready,%d\n", m->needs_not_ready);
	fprintf(f, "learners_left_out,%d\n", m->learners_left_out);
	fprintf(f, "learner_days_covered_pct,%.2f\n", m->learner_days_covered_pct);
	fprintf(f, "min_facilitated_sessions,%d\n", m->min_facilitated_sessions);
	/* provenance */
	char sha[DIGEST_HEX_LEN + 1];
	digest_scenario(p->dir, sha);
	fputs("scenario_name,", f);
	put_field(f, p->config.name ? p->config.name : "");
	fputs("\nmclsched_version,", f);
	put_field(f, run->version ? run->version : "");
	fprintf(f, "\ninputs_sha256,%s\n", sha);
	fprintf(f, "seed,%d\n", run->seed);
	fprintf(f, "time_limit,%g\n", run->time_limit);
	fprintf(f, "gap_limit,%g\n", run->gap_limit);
	fprintf(f, "stopped_by,%s\n", solution_stop_name(s->stopped_by));
	fprintf(f, "model_rows,%d\n", s->model_rows);
	fprintf(f, "model_columns,%d\n", s->model_cols);
	fprintf(f, "model_nonzeros,%ld\n", s->model_nonzeros);
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
			const struct metrics *m, const struct run_info *run, const char *dir,
			struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "report.html", d))
		return -1;
	report_write(o.f, p, s, m, run);
	return close_file(&o, d);
}

/* Session sizes recounted from the attend table; a session whose recorded
 * size disagrees is a model bug, reported as an internal error. */
static int *recount(const struct problem *p, const struct solution *s, struct diag *d)
{
	int *size = xcalloc(s->n_sessions + 1, sizeof(int));
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (si >= 0)
				size[si]++;
		}
	for (size_t i = 0; i < s->n_sessions; i++)
		if (size[i] != s->sessions[i].size) {
			diag_error(d, NULL, 0, "internal error: session %zu in block '%s' records "
				   "%d learners but %d attend it", i,
				   p->blocks[s->sessions[i].block].id, s->sessions[i].size, size[i]);
			free(size);
			return NULL;
		}
	return size;
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
	int *size = NULL;
	struct metrics m;
	metrics_compute(p, s, &m);
	bool have = s->status == SOLVE_OPTIMAL || s->status == SOLVE_FEASIBLE;
	int n = (int)s->n_sessions;
	int *order = xmalloc(sizeof(int) * (size_t)(n + 1));
	int *rank = xmalloc(sizeof(int) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		order[i] = i;
	sort_problem = p;
	sort_solution = s;
	qsort(order, (size_t)n, sizeof(int), cmp_sessions);
	for (int i = 0; i < n; i++)
		rank[order[i]] = i;
	int width = 4;
	for (int k = 10000; k <= n; k *= 10)
		width++;

	if (have) {
		size = recount(p, s, d);
		if (!size || write_sessions(p, s, order, size, width, tmp, d) ||
		    write_timetable(p, s, rank, width, tmp, d) || write_unmet(p, s, &m, tmp, d) ||
		    write_summary(p, s, &m, run, tmp, d) ||
		    xlsx_out_write(p, tmp, readback_export_time(), d) ||
		    oneroster_write(p, tmp, readback_export_time(), d))
			goto out;
	} else if (write_summary(p, s, &m, run, tmp, d) || write_diagnosis(s, tmp, d)) {
		goto out;
	}
	if (write_report(p, s, &m, run, tmp, d))
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
	free(order);
	free(rank);
	free(size);
	metrics_release(&m);
	return rc;
}
