/*
 * advise.c - `mclsched advise`: candidate changes, re-solved and verified.
 *
 * Like main.c, this is a driver above the pipeline: it loads the scenario,
 * prices its resources with the bound LP (models/bound_lp_prices.h), turns
 * the prices and the unmet list of the "before" schedule into candidate
 * changes (models/advise_candidates.h), and re-solves the most promising
 * ones.  Each re-solve runs in a child process (models/child.h) on a copy
 * of the scenario with one edit (engine/advise_edit.h) and goes through
 * the same steps as `solve` then `verify`: load, model_solve, output_write,
 * verify_schedule.  The verified gain is objective(after) - objective(before)
 * of two schedules that verify accepts, read back from their summary.csv;
 * the expected gain stays an estimate.  Up to two re-solves run at once
 * (the machine's cores; each solve's own bound child shares them), and the
 * "before" schedule is solved while the parent prices the resources.
 */
#define _XOPEN_SOURCE 700
#include "advise.h"

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/advise_edit.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/scenario.h"
#include "models/advise_candidates.h"
#include "models/bound_lp_prices.h"
#include "models/child.h"
#include "models/glpk_run.h"
#include "models/model.h"
#include "outputs/advice_out.h"
#include "engine/metrics.h"
#include "outputs/output.h"
#include "outputs/rowset.h"
#include "outputs/verify.h"

#define ADVISE_CONTROL_TEXT "no change, solved again from the schedule before"

/* A verified schedule's figures (summary.csv), or why there is none. */
struct outcome {
	bool ok;                /* a schedule that verify accepts */
	char *why;              /* when not ok: in words (owned) */
	double objective;
	double need_scheduled, need_pct, complete_pct, first_choice_pct, left_out;
	double seconds;         /* the re-solve's wall time, load to verify */
};

/* What a re-solve is given. */
struct solve_params {
	double time_limit, gap;
	int seed;
	const char *version;
};

/* A re-solve running in a child: scenario dir, output out. */
struct job {
	struct child ch;
	char *dir, *out;
	char *out2;             /* or NULL; then, when the first solve verifies:
				 * dir again into out2, from out's schedule
				 * (the before, then the baseline) */
	double t0;              /* when it started (mcl_now) */
	int code[2], violations[2];   /* when run in this process (no fork) */
	double seconds[2];
};

/* The schedule written in dir, as a schedule of p (the warm start of a
 * re-solve): its rows resolved against p by rowset_read.  Returns 0, or -1
 * (st is then empty). */
static int start_from(const struct problem *p, const char *dir, struct solution *st)
{
	struct rowset rs;
	struct diag d;
	diag_init(&d);
	int rc = rowset_read(&rs, dir, p, &d);
	diag_release(&d);
	solution_init(st, p);
	if (rc != 0 || !rs.schedule) {
		if (rc == 0)
			rowset_release(&rs);
		return -1;
	}
	for (int i = 0; i < rs.n_sessions; i++) {
		const struct rowset_session *r = &rs.sessions[i];
		struct session s = { .kind = r->kind, .offering = r->offering, .block = r->block,
				     .room = r->room, .facilitator = r->facilitator };
		solution_add_session(st, &s);
	}
	for (int i = 0; i < rs.n_sessions; i++)
		st->sessions[i].section = rs.sessions[i].section_first;
	for (int i = 0; i < rs.n_slots; i++)
		if (rs.slots[i].session >= 0)
			*solution_attend(st, rs.slots[i].learner, rs.slots[i].block) =
				rs.slots[i].session;
	solution_recount(st);
	rowset_release(&rs);
	return 0;
}

/* The CSV files of schedule sol in the new directory out: what verify, the
 * KPIs and a warm start read (not report.html, schedule.xlsx, oneroster/:
 * no one reads a re-solve's).  Returns 0, or -1 with the reason in d. */
static int write_csvs(const struct problem *p, const struct solution *sol,
		      const struct run_info *run, const char *out, struct diag *d)
{
	if (mkdir(out, 0700) != 0) {
		diag_error(d, out, 0, "cannot create the directory: %s", strerror(errno));
		return -1;
	}
	struct metrics m;
	struct rowset rs;
	metrics_compute(p, sol, &m);
	int rc = rowset_build(&rs, p, sol, &m, run, d);
	if (rc == 0) {
		rc = output_write_csv(&rs, out, d);
		rowset_release(&rs);
	}
	metrics_release(&m);
	return rc;
}

/* solve then verify in this process: 0 and *violations, or an exit code
 * (2 input, 3 no schedule, 4 internal).  With start_dir, the solve starts
 * from the schedule written there (solve_options.start). */
static int solve_verify(const char *dir, const char *out, const struct solve_params *sp,
			const char *start_dir, int *violations)
{
	struct diag d;
	diag_init(&d);
	struct problem *p = scenario_load(dir, &d);
	int code = 2;
	*violations = 0;
	if (!p)
		goto out_diag;
	struct solve_options opt = { .time_limit = sp->time_limit, .gap = sp->gap,
				     .seed = sp->seed };
	struct solution sol, start;
	solution_init(&sol, p);
	if (start_dir && start_from(p, start_dir, &start) == 0)
		opt.start = &start;
	else if (start_dir)
		mcl_log(LOG_NORMAL, "advise: %s: the schedule before cannot be read back; "
			"solved from scratch", dir);
	code = 4;
	int rc = model_solve(p, &opt, &sol);
	if (start_dir)
		solution_release(&start);
	if (rc != 0)
		goto out_sol;
	code = 3;
	if (sol.status != SOLVE_OPTIMAL && sol.status != SOLVE_FEASIBLE)
		goto out_sol;
	struct run_info run = { sp->version, opt.seed, opt.time_limit, opt.gap };
	code = 4;
	if (write_csvs(p, &sol, &run, out, &d) != 0)
		goto out_sol;
	FILE *null = fopen("/dev/null", "w");
	*violations = verify_schedule(p, out, null ? null : stderr, &d);
	if (null)
		fclose(null);
	code = *violations < 0 ? 4 : 0;
out_sol:
	solution_release(&sol);
	problem_free(p);
out_diag:
	if (code == 2 || code == 4)
		diag_print(&d, stderr);
	diag_release(&d);
	return code;
}

/* The job's solves, in this process (the child's, or the parent's when
 * there is no fork). */
static void job_run(struct job *j, const struct solve_params *sp, const char *start_dir)
{
	double t = mcl_now();
	j->code[0] = solve_verify(j->dir, j->out, sp, start_dir, &j->violations[0]);
	j->seconds[0] = mcl_now() - t;
	j->code[1] = -1;
	if (j->out2 && j->code[0] == 0 && j->violations[0] == 0 && !mip_interrupted) {
		t = mcl_now();
		j->code[1] = solve_verify(j->dir, j->out2, sp, j->out, &j->violations[1]);
		j->seconds[1] = mcl_now() - t;
	}
}

static void job_start(struct job *j, const char *dir, const char *out, const char *out2,
		      const struct solve_params *sp, const char *start_dir)
{
	*j = (struct job){ .ch = CHILD_NONE, .dir = xstrdup(dir), .out = xstrdup(out),
			   .out2 = out2 ? xstrdup(out2) : NULL, .t0 = mcl_now() };
	int started = child_start(&j->ch);
	if (started == 0) {
		mcl_log_mute_process();
		job_run(j, sp, start_dir);
		struct wire w = WIRE_INIT;
		for (int k = 0; k < 2; k++) {
			wire_put_int(&w, j->code[k]);
			wire_put_int(&w, j->violations[k]);
			wire_put_double(&w, j->seconds[k]);
		}
		child_exit(child_send(&j->ch, &w) == 0);
	}
	if (started < 0)
		job_run(j, sp, start_dir);
}

static double metric(const struct csv_table *t, const char *name, bool *found)
{
	int cm = csv_table_col(t, "metric"), cv = csv_table_col(t, "value");
	for (int r = 0; r < t->n_rows && cm >= 0 && cv >= 0; r++)
		if (!strcmp(t->rows[r][cm], name)) {
			char *end;
			double v = strtod(t->rows[r][cv], &end);
			if (end != t->rows[r][cv] && !*end)
				return v;
		}
	*found = false;
	return 0;
}

/* The figures of the verified schedule in dir. */
static void read_outcome(const char *dir, struct outcome *o, struct diag *d)
{
	struct csv_table t;
	memset(o, 0, sizeof(*o));
	if (csv_table_read(&t, dir, "summary.csv", true, d) != 1) {
		o->why = xstrdup("no summary.csv");
		return;
	}
	bool found = true;
	o->objective = metric(&t, "objective", &found);
	o->need_scheduled = metric(&t, "need_sessions_scheduled", &found);
	o->need_pct = metric(&t, "need_sessions_pct", &found);
	o->complete_pct = metric(&t, "learners_complete_pct", &found);
	o->first_choice_pct = metric(&t, "seminar_first_choice_pct", &found);
	o->left_out = metric(&t, "learners_left_out", &found);
	o->ok = found;
	if (!found)
		o->why = xstrdup("summary.csv lacks a KPI");
	csv_table_release(&t);
}

/* The outcome of a solve that ended with code and violations into out. */
static void outcome_of(int code, int violations, const char *out, double seconds,
		       struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	if (code == 0 && violations == 0) {
		struct diag d;
		diag_init(&d);
		read_outcome(out, o, &d);
		diag_release(&d);
	} else {
		o->why = code == 0 ? xasprintf("the schedule breaks %d hard rule%s", violations,
					      violations == 1 ? "" : "s")
		       : code == 2 ? xstrdup("the changed scenario is refused")
		       : code == 3 ? xstrdup("no schedule found")
				   : xstrdup("internal error");
	}
	o->seconds = seconds;
}

/* Waits for j: its first solve's outcome in o, its second's (when it had
 * one and it ran) in o2. */
static void job_finish(struct job *j, struct outcome *o, struct outcome *o2)
{
	if (j->ch.pid > 0) {
		struct wire w = WIRE_INIT;
		j->code[0] = 4;
		j->code[1] = -1;
		j->seconds[0] = mcl_now() - j->t0;
		if (child_collect(&j->ch, &w) == 0) {
			for (int k = 0; k < 2; k++) {
				j->code[k] = wire_get_int(&w);
				j->violations[k] = wire_get_int(&w);
				j->seconds[k] = wire_get_double(&w);
			}
			if (!wire_done(&w))
				j->code[0] = 4;
		}
		wire_release(&w);
	}
	outcome_of(j->code[0], j->violations[0], j->out, j->seconds[0], o);
	if (o2 && j->out2 && j->code[1] >= 0)
		outcome_of(j->code[1], j->violations[1], j->out2, j->seconds[1], o2);
	free(j->dir);
	free(j->out);
	free(j->out2);
}

/* The unmet list of the schedule in dir, valued (advise_candidates.h). */
static int read_unmet(const struct problem *p, const char *dir, struct advise_unmet *u,
		      struct diag *d)
{
	struct rowset rb;
	if (rowset_read(&rb, dir, p, d) != 0)
		return -1;
	for (int i = 0; i < rb.n_unmet; i++) {
		const struct rowset_unmet *um = &rb.unmet[i];
		int l = um->learner, missing = um->wanted - um->scheduled;
		double w = 0;
		if (um->choice) {
			for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
				if (p->choices[c].seminar == um->offering)
					w = problem_choice_weight(p, &p->choices[c]);
			/* a learner enrols once: only choices a seat could serve */
			if (strcmp(um->reason, "capacity"))
				continue;
			u->seminar[um->offering] += w;
			u->total += w;
			continue;
		}
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
			if (p->needs[q].goal == um->offering)
				w = problem_need_weight(p, &p->needs[q]);
		if (!strcmp(um->reason, "prerequisite") || !strcmp(um->reason, "ineligible"))
			continue;
		double v = w * (missing > 0 ? missing : 0);
		u->goal[um->offering] += v;
		u->total += v;
		if (!strcmp(um->reason, "no_facilitator"))
			u->goal_facilitator[um->offering] += v;
		if (!strcmp(um->reason, "no_room") || !strcmp(um->reason, "capacity"))
			u->room += v;
	}
	for (int i = 0; i < rb.n_sessions; i++) {
		const struct rowset_session *se = &rb.sessions[i];
		if (se->facilitator < 0 || se->offering < 0)
			continue;
		if (se->kind == SESSION_WORKSHOP)
			u->led_goal[se->facilitator * p->n_goals + se->offering]++;
		else if (se->kind == SESSION_SEMINAR)
			u->led_seminar[se->facilitator * p->n_seminars + se->offering]++;
	}
	rowset_release(&rb);
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* One row of the table: a candidate and its re-solve. */
struct advice {
	struct advise_candidate *cand;
	int estimate_rank;      /* 1 = highest expected gain */
	bool resolved;
	bool warm;              /* re-solved from the schedule before */
	bool out_of_time;       /* not re-solved: the time budget was spent */
	struct outcome after;
	double verified;        /* after - baseline, when after.ok */
};

static int by_rank(const void *a, const void *b)
{
	const struct advice *x = a, *y = b;
	int kx = x->resolved ? (x->after.ok ? 0 : 1) : 2;
	int ky = y->resolved ? (y->after.ok ? 0 : 1) : 2;
	if (kx != ky)
		return kx - ky;
	if (kx == 0 && x->verified != y->verified)
		return x->verified < y->verified ? 1 : -1;
	return x->estimate_rank - y->estimate_rank;
}

/* What became of x's re-solve, in words. */
static const char *advice_note(const struct advice *x)
{
	if (!x->resolved)
		return x->out_of_time ? "not re-solved: the time budget was spent" : "not re-solved";
	if (!x->after.ok)
		return x->after.why;
	return x->warm ? "verified; re-solved from the schedule before" : "verified";
}

/* The row of a rank-0 outcome (the before, the baseline). */
static struct rowset_advice outcome_row(const char *change, const struct outcome *o,
					const struct outcome *before, const char *note)
{
	struct rowset_advice r = { .change = xstrdup(change), .edit = xstrdup(""),
				   .note = xstrdup(note), .has_kpis = o->ok };
	if (o != before && o->ok) {
		r.has_verified = true;
		r.verified = o->objective - before->objective;
	}
	r.objective = o->objective;
	r.need_scheduled = o->need_scheduled;
	r.need_pct = o->need_pct;
	r.complete_pct = o->complete_pct;
	r.first_choice_pct = o->first_choice_pct;
	r.left_out = o->left_out;
	return r;
}

/* advice.csv's rows (docs/outputs.md): the before as rank 0, the baseline
 * (when re-solved) too, then every candidate in a's order; *n_rows set. */
static struct rowset_advice *advice_rows(const struct outcome *before,
					 const struct outcome *control, const struct advice *a,
					 int n, int *n_rows)
{
	struct rowset_advice *r = xcalloc((size_t)n + 2, sizeof(*r));
	int k = 0;
	r[k++] = outcome_row("no change (the schedule before)", before, before, "");
	if (control->ok || control->why)
		r[k++] = outcome_row(ADVISE_CONTROL_TEXT, control, before,
				     control->ok ? "verified; the baseline of the verified gains"
						 : control->why);
	for (int i = 0; i < n; i++) {
		const struct advice *x = &a[i];
		struct rowset_advice *y = &r[k++];
		*y = outcome_row(x->cand->change, &x->after, before, advice_note(x));
		free(y->edit);
		y->edit = advise_edit_describe(&x->cand->edit);
		y->rank = i + 1;
		y->has_expected = true;
		y->expected = x->cand->expected;
		y->has_verified = x->resolved && x->after.ok;
		y->verified = x->verified;
		y->estimate_rank = x->estimate_rank;
	}
	*n_rows = k;
	return r;
}

static void print_table(FILE *out, const struct outcome *before, const struct outcome *control,
			const struct advice *a, int n)
{
	fprintf(out, "before: objective %.1f, need-sessions met %.0f (%.1f%%), learners complete "
		"%.1f%%, seminar first choice %.1f%%, learners left out %.0f\n", before->objective,
		before->need_scheduled, before->need_pct, before->complete_pct,
		before->first_choice_pct, before->left_out);
	if (control->ok)
		fprintf(out, "baseline: the school unchanged, solved again from the schedule before: "
			"objective %.1f (%+.1f)\n", control->objective,
			control->objective - before->objective);
	fprintf(out, "%4s  %12s  %12s  %10s  %8s  %6s  %s\n", "rank", "expected", "verified",
		"need-met", "complete", "left", "change");
	for (int i = 0; i < n; i++) {
		const struct advice *x = &a[i];
		char verified[32] = "-", met[32] = "-", comp[32] = "-", left[32] = "-";
		if (x->resolved && x->after.ok) {
			snprintf(verified, sizeof(verified), "%+.1f", x->verified);
			snprintf(met, sizeof(met), "%.0f", x->after.need_scheduled);
			snprintf(comp, sizeof(comp), "%.1f%%", x->after.complete_pct);
			snprintf(left, sizeof(left), "%.0f", x->after.left_out);
		} else if (x->resolved) {
			snprintf(verified, sizeof(verified), "failed");
		} else if (x->out_of_time) {
			snprintf(verified, sizeof(verified), "no time");
		}
		fprintf(out, "%4d  %12.1f  %12s  %10s  %8s  %6s  %s%s%s\n", i + 1, x->cand->expected,
			verified, met, comp, left, x->cand->change,
			x->resolved && !x->after.ok ? ": " : "",
			x->resolved && !x->after.ok ? x->after.why : "");
	}
	fputs(control->ok ? "expected: an estimate from the bound LP's prices; verified: objective "
	      "after - baseline, both solved again from the schedule before and verified\n"
	      : "expected: an estimate from the bound LP's prices; verified: objective after - "
	      "before, both schedules verified\n", out);
}

/* What resolve_top runs: the first n of a, while the control (the school
 * unchanged, from the schedule before) ends when pending. */
struct plan {
	const struct advise_options *o;
	const struct solve_params *sp;
	const char *tmp, *before_dir;
	double deadline;        /* no re-solve starts that would end after it */
	double est;             /* a re-solve's expected wall time */
	struct job *pending;    /* the control, already running, or NULL */
	struct outcome *ctl;    /* its outcome */
	struct advice *a;
	int n;
};

/* Starts a[i] of pl in running; false when it ended at once (the edit
 * could not be made). */
static bool start_item(const struct plan *pl, int i, struct job *running)
{
	const struct advise_options *o = pl->o;
	struct advice *x = &pl->a[i];
	char *dir = xasprintf("%s/c%d", pl->tmp, i), *out = xasprintf("%s/out", dir);
	struct diag d;
	diag_init(&d);
	x->resolved = true;
	bool started = false;
	if (mkdir(dir, 0700) != 0 || advise_copy_scenario(o->scenario_dir, dir, &d) ||
	    advise_edit_apply(dir, &x->cand->edit, &d)) {
		diag_print(&d, stderr);
		x->after.why = xstrdup("the edit could not be made");
	} else {
		mcl_log(LOG_NORMAL, "advise: re-solving %d/%d%s: %s", i + 1, pl->n,
			x->warm ? " from the schedule before" : "", x->cand->change);
		job_start(running, dir, out, NULL, pl->sp, x->warm ? pl->before_dir : NULL);
		started = true;
	}
	diag_release(&d);
	free(dir);
	free(out);
	return started;
}

/* The slot of a running job that has ended, waiting for one; -1 when none
 * runs. */
static int done_slot(struct job *running, const int *slot_of, int jobs)
{
	for (;;) {
		int busy = -1;
		for (int k = 0; k < jobs; k++) {
			if (slot_of[k] == -2)
				continue;
			if (running[k].ch.pid <= 0 || child_ready(&running[k].ch))
				return k;
			busy = k;
		}
		if (busy < 0)
			return -1;
		child_wait(&running[busy].ch, 0.25);
	}
}

/* Runs pl's re-solves, up to o->jobs at once, each in tmp/cI (a copy of the
 * scenario with its edit).  One starts only while its expected wall time
 * (pl->est, raised to the longest seen) ends before pl->deadline; those
 * left are marked out_of_time.  A stop signal starts no more. */
static void resolve_top(struct plan *pl)
{
	struct job running[2];
	int slot_of[2] = { -2, -2 };   /* -2: free; -1: the control; else a[i] */
	int next = 0, jobs = pl->o->jobs == 2 ? 2 : 1;
	if (pl->pending) {
		running[0] = *pl->pending;
		slot_of[0] = -1;
	}
	for (;;) {
		for (int k = 0; k < jobs && next < pl->n && !mip_interrupted; k++) {
			if (slot_of[k] != -2 || mcl_now() + pl->est > pl->deadline)
				continue;
			if (start_item(pl, next, &running[k]))
				slot_of[k] = next;
			next++;
		}
		int k = done_slot(running, slot_of, jobs);
		if (k < 0)
			break;
		struct outcome *o = slot_of[k] < 0 ? pl->ctl : &pl->a[slot_of[k]].after;
		job_finish(&running[k], o, NULL);
		if (o->seconds > pl->est)
			pl->est = o->seconds;
		slot_of[k] = -2;
	}
	for (int i = next; i < pl->n; i++)
		pl->a[i].out_of_time = !mip_interrupted;
}

/* Re-solves the first n of a within the time budget (o->budget, else
 * ADVISE_BUDGET, times the limit, from t_start), those whose change keeps
 * the schedule before feasible (advise_kind_loosens) from that schedule,
 * while the control (pending, when still running) ends; then each verified
 * gain: against the control for a warm re-solve (both started from the
 * same schedule, with the same limit and seed), else against the before. */
static void run_resolves(const struct advise_options *o, const struct solve_params *sp,
			 const char *tmp, const char *before_dir, double t_start,
			 const struct outcome *before, struct outcome *control,
			 struct job *pending, struct advice *a, int n)
{
	for (int i = 0; i < n; i++)
		a[i].warm = advise_kind_loosens(a[i].cand->kind);
	double factor = o->budget > 0 ? o->budget : ADVISE_BUDGET;
	struct plan pl = {
		.o = o, .sp = sp, .tmp = tmp, .before_dir = before_dir,
		.deadline = t_start + factor * sp->time_limit,
		/* a warm re-solve's wall time, when one ended, else the before's */
		.est = control->seconds > 0 ? control->seconds
		       : before->seconds > 0 ? before->seconds : 1.1 * sp->time_limit + 2,
		.pending = pending, .ctl = control, .a = a, .n = n,
	};
	resolve_top(&pl);
	for (int i = 0; i < n; i++) {
		const struct outcome *base = a[i].warm && control->ok ? control : before;
		if (a[i].after.ok)
			a[i].verified = a[i].after.objective - base->objective;
	}
	mcl_log(LOG_NORMAL, "advise: %.0f s of the %.0f s budget used", mcl_now() - t_start,
		factor * sp->time_limit);
}

/* The time limit, gap and seed of the run: o's, else PREV_OUT_DIR's
 * summary, else scenario.conf's. */
static void solve_params_for(const struct advise_options *o, const struct problem *p,
			     struct solve_params *sp, struct diag *d)
{
	*sp = (struct solve_params){ p->config.time_limit, p->config.gap, p->config.seed,
				     o->version };
	struct csv_table t;
	if (o->prev_out_dir && csv_table_read(&t, o->prev_out_dir, "summary.csv", true, d) == 1) {
		bool found = true;
		double tl = metric(&t, "time_limit", &found), seed = metric(&t, "seed", &found);
		double gap = metric(&t, "gap_limit", &found);
		if (found && tl > 0 && seed >= 0 && gap >= 0) {
			sp->time_limit = tl;
			sp->seed = (int)seed;
			sp->gap = gap;
		}
		csv_table_release(&t);
	}
	if (o->time_limit > 0)
		sp->time_limit = o->time_limit;
	if (o->seed >= 0)
		sp->seed = o->seed;
}

/* The "before" of PREV_OUT_DIR: its schedule must verify. */
static int before_from_prev(const struct advise_options *o, const struct problem *p,
			    struct outcome *before, struct diag *d)
{
	FILE *null = fopen("/dev/null", "w");
	int violations = verify_schedule(p, o->prev_out_dir, null ? null : stderr, d);
	if (null)
		fclose(null);
	if (violations != 0) {
		if (violations > 0)
			diag_error(d, o->prev_out_dir, 0, "the schedule breaks %d hard rule%s of the "
				   "scenario (see `mclsched verify`); give the output of a solve of "
				   "this scenario", violations, violations == 1 ? "" : "s");
		return -1;
	}
	read_outcome(o->prev_out_dir, before, d);
	return before->ok ? 0 : -1;
}

/* The bound LP's prices of p, in a child (models/child.h) while the
 * before solves; without a child, here and now. */
static void pricing_start(struct child *ch, const struct problem *p, double seconds,
			  struct bound_lp_prices *pr)
{
	*ch = (struct child)CHILD_NONE;
	struct bound_lp_result res;
	int started = child_start(ch);
	if (started == 0) {
		mcl_log_mute_process();
		bound_lp_prices(p, seconds, &res, pr);
		struct wire w = WIRE_INIT;
		wire_put_double(&w, res.seconds);
		bound_lp_prices_put(p, pr, &w);
		child_exit(child_send(ch, &w) == 0);
	}
	if (started < 0)
		bound_lp_prices(p, seconds, &res, pr);
}

/* The prices pricing_start computed, into pr. */
static void pricing_finish(struct child *ch, const struct problem *p,
			   struct bound_lp_prices *pr)
{
	double seconds = 0;
	if (ch->pid > 0) {
		struct wire w = WIRE_INIT;
		if (child_collect(ch, &w) == 0) {
			seconds = wire_get_double(&w);
			if (bound_lp_prices_get(p, &w, pr) != 0)
				memset(pr, 0, sizeof(*pr));
		}
		wire_release(&w);
	}
	mcl_log(LOG_NORMAL, "advise: bound LP %s (%.0f s)",
		pr->valid ? "solved" : "not solved in time: no prices, no candidates", seconds);
}

int advise_run(const struct advise_options *o, FILE *table, struct diag *d)
{
	double t_start = mcl_now();
	struct problem *p = scenario_load(o->scenario_dir, d);
	if (!p)
		return ADVISE_INPUT;
	int code = ADVISE_INTERNAL, n = 0;
	struct solve_params sp;
	solve_params_for(o, p, &sp, d);
	struct outcome before = { 0 }, control = { 0 };
	struct advise_candidate *cands = NULL;
	struct advice *a = NULL;
	struct advise_unmet u;
	advise_unmet_init(&u, p);
	struct bound_lp_prices pr = { 0 };
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/mclsched-advise-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(tmp)) {
		diag_error(d, tmp, 0, "cannot create a temporary directory: %s", strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out_release;
	}
	char *before_dir = o->prev_out_dir ? xstrdup(o->prev_out_dir)
					   : xasprintf("%s/before", tmp);
	char *control_dir = xasprintf("%s/control", tmp);
	/* the prices, the before, then the control (the school unchanged,
	 * re-solved from the before) each in a child, the re-solves starting
	 * as soon as the prices and a slot are there */
	struct job base, ctl_job;
	struct child pricing;
	bool pending = false;
	mcl_log(LOG_NORMAL, "advise: pricing the school's resources with the bound LP");
	/* the LP may take longer than the solve beside it: up to twice its limit */
	pricing_start(&pricing, p, 2 * sp.time_limit, &pr);
	if (o->prev_out_dir) {
		if (before_from_prev(o, p, &before, d) != 0) {
			code = ADVISE_INPUT;
			goto out_before;
		}
	} else {
		mcl_log(LOG_NORMAL, "advise: solving the scenario as it is (%.0f s)", sp.time_limit);
		job_start(&base, o->scenario_dir, before_dir, NULL, &sp, NULL);
		job_finish(&base, &before, NULL);
		if (mip_interrupted) {
			diag_error(d, o->scenario_dir, 0, "stopped by a signal; no advice written");
			code = ADVISE_STOPPED;
			goto out_before;
		}
		if (!before.ok) {
			diag_error(d, o->scenario_dir, 0, "the scenario as it is: %s", before.why);
			code = ADVISE_NO_SCHEDULE;
			goto out_before;
		}
	}
	if (o->top > 0) {
		mcl_log(LOG_NORMAL, "advise: re-solving the school unchanged from the schedule "
			"before (the baseline, %.0f s)", sp.time_limit);
		job_start(&ctl_job, o->scenario_dir, control_dir, NULL, &sp, before_dir);
		pending = true;
	}
	pricing_finish(&pricing, p, &pr);
	mcl_log(LOG_NORMAL, "advise: before: objective %.1f", before.objective);
	if (read_unmet(p, before_dir, &u, d) != 0)
		goto out_before;
	cands = advise_candidates(p, &pr, &u, &n);
	a = xcalloc((size_t)n + 1, sizeof(*a));
	for (int i = 0; i < n; i++)
		a[i] = (struct advice){ .cand = &cands[i], .estimate_rank = i + 1 };
	int top = o->top < n ? o->top : n;
	mcl_log(LOG_NORMAL, "advise: %d candidate change%s; re-solving the top %d", n,
		n == 1 ? "" : "s", top);
	run_resolves(o, &sp, tmp, before_dir, t_start, &before, &control,
		     pending ? &ctl_job : NULL, a, top);
	pending = false;
	if (mip_interrupted) {
		/* solves cut short are no verification */
		diag_error(d, o->scenario_dir, 0, "stopped by a signal; no advice written");
		code = ADVISE_STOPPED;
		goto out_before;
	}
	qsort(a, (size_t)n, sizeof(*a), by_rank);
	if (table) {
		print_table(table, &before, &control, a, n);
		fflush(table);
	}
	int n_rows;
	struct rowset_advice *rows = advice_rows(&before, &control, a, n, &n_rows);
	code = advice_write_csv(rows, n_rows, o->out_dir, d) == 0 ? ADVISE_OK : ADVISE_INTERNAL;
	if (code == ADVISE_OK && o->report_schedule &&
	    advice_write_report(o->report_problem, o->report_schedule, o->report_run, rows, n_rows,
				o->out_dir, d))
		code = ADVISE_INTERNAL;
	rowset_advice_release(rows, n_rows);
	if (code == ADVISE_OK)
		mcl_log(LOG_NORMAL, "advice.csv written to %s/", o->out_dir);
out_before:
	if (pricing.pid > 0)
		child_cancel(&pricing, SIGKILL);
	if (pending) {
		child_cancel(&ctl_job.ch, SIGKILL);
		job_finish(&ctl_job, &control, NULL);
	}
	free(before_dir);
	free(control_dir);
out_release:
	for (int i = 0; i < n; i++)
		free(a[i].after.why);
	free(a);
	free(before.why);
	free(control.why);
	advise_candidates_free(cands, n);
	advise_unmet_release(&u);
	bound_lp_prices_release(&pr);
	if (tmp)
		nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp);
	problem_free(p);
	return code;
}
