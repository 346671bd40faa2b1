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
 * directories are created.
 *
 * Sessions are numbered S0001... in a canonical order (block, kind,
 * offering, room, facilitator), so the same schedule always gives the same
 * bytes.
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
#include "engine/util.h"

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

static void put_field(FILE *f, const char *v)
{
	if (!strpbrk(v, ",\"\r\n")) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
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

static int close_file(struct out_file *o, struct diag *d)
{
	int rc = 0;
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		diag_error(d, o->path, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		diag_error(d, o->path, 0, "cannot write: %s", strerror(errno));
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

static int write_sessions(const struct problem *p, const struct solution *s, const int *order,
			  const int *rank, int width, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "sessions.csv", d))
		return -1;
	fputs("session_id,section_id,kind,offering_id,block_id,room_id,facilitator_id,size\n", o.f);
	for (size_t i = 0; i < s->n_sessions; i++) {
		const struct session *ss = &s->sessions[order[i]];
		/* the section's id: its first session in canonical order */
		int first = rank[order[i]];
		for (size_t j = 0; j < s->n_sessions; j++)
			if (s->sessions[j].section == ss->section && rank[j] < first)
				first = rank[j];
		char id[32], sec[32];
		session_name(id, sizeof(id), width, (int)i);
		session_name(sec, sizeof(sec), width, first);
		fprintf(o.f, "%s,%s,%s,", id, sec, solution_kind_name(ss->kind));
		put_field(o.f, offering_id(p, ss));
		fprintf(o.f, ",%s,%s,%s,%d\n", p->blocks[ss->block].id, p->rooms[ss->room].id,
			p->facilitators[ss->facilitator].id, ss->size);
	}
	return close_file(&o, d);
}

static int write_timetable(const struct problem *p, const struct solution *s, const int *rank,
			   int width, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "timetable.csv", d))
		return -1;
	fputs("learner_id,block_id,session_id\n", o.f);
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (si < 0)
				continue;
			char id[32];
			session_name(id, sizeof(id), width, rank[si]);
			fprintf(o.f, "%s,%s,%s\n", p->learners[l].id, p->blocks[b].id, id);
		}
	return close_file(&o, d);
}

/* Why ready need q got fewer sessions than wanted (docs/outputs.md). */
static const char *unmet_reason(const struct problem *p, const struct solution *s,
				const struct metrics *m, int q)
{
	const struct need *nd = &p->needs[q];
	const struct goal *g = &p->goals[nd->goal];
	int l = nd->learner;
	if (!nd->ready)
		return "prerequisite";
	if (g->mode == GOAL_FACILITATED) {
		bool staffed = false;
		for (int f = 0; f < p->n_facilitators && !staffed; f++) {
			if (problem_goal_level(p, f, nd->goal) < LEVEL_ABLE)
				continue;
			for (int b = 0; b < p->n_blocks && !staffed; b++)
				staffed = metrics_block_scheduled(p, b) && p->blocks[b].kind == BLOCK_WORKSHOP &&
					  !p->learners[l].unavailable[b] && !p->facilitators[f].unavailable[b] &&
					  problem_block_allows(p, b, nd->goal);
		}
		if (!staffed)
			return "no_facilitator";
		bool room = false;
		for (int r = 0; r < p->n_rooms && !room; r++) {
			if (p->rooms[r].capacity < g->min_group)
				continue;
			if (g->feature < 0)
				room = true;
			for (int i = 0; i < p->rooms[r].n_features && !room; i++)
				room = p->rooms[r].features[i] == g->feature;
		}
		if (!room)
			return "no_room";
	}
	/* conflict: every available block already holds a counted session */
	int avail = 0, busy = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		if (!metrics_block_scheduled(p, b) || p->blocks[b].kind != BLOCK_WORKSHOP ||
		    p->learners[l].unavailable[b])
			continue;
		avail++;
		int si = solution_attend_at(s, l, b);
		if (si < 0)
			continue;
		const struct session *ss = &s->sessions[si];
		for (int k = p->need_start[l]; k < p->need_start[l + 1]; k++)
			if (ss->kind == SESSION_WORKSHOP && p->needs[k].goal == ss->offering &&
			    m->counted[k] > 0) {
				busy++;
				break;
			}
	}
	int credited = 0;
	for (int k = p->need_start[l]; k < p->need_start[l + 1]; k++)
		if (p->needs[k].ready && p->goals[p->needs[k].goal].mode == GOAL_ONLINE)
			credited += m->counted[k];
	if (busy + credited >= avail)
		return "conflict";
	return "capacity";
}

static int write_unmet(const struct problem *p, const struct solution *s,
		       const struct metrics *m, const char *dir, struct diag *d)
{
	struct out_file o;
	if (open_file(&o, dir, "unmet.csv", d))
		return -1;
	fputs("learner_id,kind,offering_id,priority,wanted,scheduled,reason\n", o.f);
	for (int l = 0; l < p->n_learners; l++) {
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (m->counted[q] >= nd->sessions)
				continue;
			fprintf(o.f, "%s,need,%s,%d,%d,%d,%s\n", p->learners[l].id,
				p->goals[nd->goal].id, nd->priority, nd->sessions, m->counted[q],
				unmet_reason(p, s, m, q));
		}
		bool seminars = p->config.model == MODEL_SEMINAR ||
				p->config.model == MODEL_COMBINATION;
		for (int c = p->choice_start[l]; seminars && c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			bool got = false;
			for (int b = 0; b < p->n_blocks && !got; b++) {
				int si = solution_attend_at(s, l, b);
				got = si >= 0 && s->sessions[si].kind == SESSION_SEMINAR &&
				      s->sessions[si].offering == ch->seminar;
			}
			if (!got)
				fprintf(o.f, "%s,choice,%s,%d,1,0,%s\n", p->learners[l].id,
					p->seminars[ch->seminar].id, ch->rank,
					ch->eligible ? "capacity" : "ineligible");
		}
	}
	return close_file(&o, d);
}

static int write_summary(const struct problem *p, const struct solution *s,
			 const struct metrics *m, const char *dir, struct diag *d)
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

/* ---- the directory swap --------------------------------------------------------- */

/* Removes the regular files of dir, then dir. */
static void remove_dir(const char *dir)
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
	rmdir(dir);
}

/* Whether an existing out_dir may be replaced: empty, or an earlier output. */
static bool replaceable(const char *out_dir)
{
	char *summary = xasprintf("%s/summary.csv", out_dir);
	char *diagnosis = xasprintf("%s/diagnosis.txt", out_dir);
	bool ok = access(summary, F_OK) == 0 || access(diagnosis, F_OK) == 0;
	free(summary);
	free(diagnosis);
	if (ok)
		return true;
	DIR *dh = opendir(out_dir);
	if (!dh)
		return false;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dh)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(dh);
	return n == 0;
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

int output_write(const struct problem *p, const struct solution *s, const char *out_dir,
		 struct diag *d)
{
	struct stat st;
	make_parents(out_dir);
	bool exists = stat(out_dir, &st) == 0;
	if (exists && !S_ISDIR(st.st_mode)) {
		diag_error(d, out_dir, 0, "exists and is not a directory: choose another -o");
		return -1;
	}
	if (exists && !replaceable(out_dir)) {
		diag_error(d, out_dir, 0, "exists and is not an mclsched output directory: "
			   "choose another -o, or empty it");
		return -1;
	}
	char *tmp = xasprintf("%s.tmp-XXXXXX", out_dir);
	if (!mkdtemp(tmp)) {
		diag_error(d, out_dir, 0, "cannot create a directory beside it: %s",
			   strerror(errno));
		free(tmp);
		return -1;
	}
	chmod(tmp, 0755);

	int rc = -1;
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
		if (write_sessions(p, s, order, rank, width, tmp, d) ||
		    write_timetable(p, s, rank, width, tmp, d) || write_unmet(p, s, &m, tmp, d) ||
		    write_summary(p, s, &m, tmp, d))
			goto out;
	} else if (write_summary(p, s, &m, tmp, d) || write_diagnosis(s, tmp, d)) {
		goto out;
	}

	/* The swap, with Ctrl-C held so it cannot stop half-way. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
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
	free(tmp);
	free(order);
	free(rank);
	metrics_release(&m);
	return rc;
}
