/*
 * verify_summary.c - summary.csv re-checked: the objective, with every
 * weight of the contract, and the fairness metrics recounted from the rows
 * (a second statement of the objective, not engine/objective.c), the other
 * metrics through engine/metrics.c from the rows as a solution, the
 * provenance present, the bound not below the objective and the gap its
 * formula.
 */
#define _POSIX_C_SOURCE 200809L
#include "models/model.h"
#include "verify_rules.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/metrics.h"
#include "outputs/verify_lab.h"

/* The objective and the fairness metrics, recounted from the rows. */
struct recount {
	double objective;
	int learners_left_out;
	double learner_days_covered_pct;
	int min_facilitated_sessions;
};

/* "Can be placed" (data contract, objective), restated. */
static bool placeable(const struct verifier *v, int l)
{
	const struct problem *p = v->p;
	bool ws = model_row(p)->schedules_workshops, sem = model_row(p)->schedules_seminars;
	for (int q = p->need_start[l]; ws && q < p->need_start[l + 1]; q++)
		if (v->ready[q] && p->goals[p->needs[q].goal].mode == GOAL_FACILITATED)
			return true;
	return sem && p->choice_start[l + 1] > p->choice_start[l];
}

static void recount(const struct verifier *v, const struct solution *sol, struct recount *rc)
{
	const struct problem *p = v->p;
	const struct config *cf = &p->config;
	memset(rc, 0, sizeof(*rc));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		enum level lv = s->kind == SESSION_WORKSHOP
					? problem_goal_level(p, s->facilitator, s->offering)
				: s->kind == SESSION_SEMINAR
					? problem_seminar_level(p, s->facilitator, s->offering)
					: LEVEL_NONE;
		if (lv == LEVEL_GURU)
			rc->objective += cf->w_guru;
	}
	int *day_sessions = xcalloc((size_t)p->n_days + 1, sizeof(int));
	bool *day_open = xcalloc((size_t)p->n_days + 1, sizeof(bool));
	int *attended = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	int *in_seminar = xmalloc(sizeof(int) * ((size_t)p->n_seminars + 1));
	for (int k = 0; k < p->n_seminars; k++)
		in_seminar[k] = -1;
	long pairs = 0, covered = 0;
	int n_placeable = 0;
	int *credit = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0, total = 0;
		memset(day_sessions, 0, sizeof(int) * (size_t)p->n_days);
		memset(day_open, 0, sizeof(bool) * (size_t)p->n_days);
		for (int b = 0; b < p->n_blocks; b++) {
			int d = p->blocks[b].day_index;
			day_open[d] |= problem_block_scheduled(p, b) && !p->learners[l].unavailable[b];
			int si = solution_attend_at(sol, l, b);
			if (si < 0)
				continue;
			const struct vsession *s = &v->s[si];
			if (s->kind == SESSION_LAB) {
				labs++;
				continue;
			}
			day_sessions[d]++;
			total++;
			if (s->kind == SESSION_SEMINAR) {
				in_seminar[s->offering] = l;
				continue;
			}
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				if (p->needs[q].goal == s->offering)
					attended[q]++;
		}
		bool power = false;
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++) {
			const struct need *nd = &p->needs[q];
			if (!v->ready[q] || p->goals[nd->goal].mode != GOAL_FACILITATED)
				continue;
			int c = attended[q] < nd->sessions ? attended[q] : nd->sessions;
			rc->objective += problem_need_weight(p, nd) * c;
			power |= nd->priority == 1 && c > 0;
		}
		verify_lab_credits(p, v->ready, l, labs, power, credit);
		for (int k = 0; k < labs && credit[k] >= 0; k++) {
			rc->objective += problem_need_weight(p, &p->needs[credit[k]]);
			power |= p->needs[credit[k]].priority == 1;
		}
		if (power)
			rc->objective += cf->w_power_goal;
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++) {
			const struct choice *ch = &p->choices[c];
			if (in_seminar[ch->seminar] == l)
				rc->objective += problem_choice_weight(p, ch);
		}
		if (!placeable(v, l))
			continue;
		for (int d = 0; d < p->n_days; d++) {
			rc->objective += day_sessions[d] > 0 ? cf->w_daily : 0;
			pairs += day_open[d];
			covered += day_open[d] && day_sessions[d] > 0;
		}
		rc->learners_left_out += total == 0;
		if (n_placeable++ == 0 || total < rc->min_facilitated_sessions)
			rc->min_facilitated_sessions = total;
	}
	rc->learner_days_covered_pct = pairs ? 100.0 * (double)covered / (double)pairs : 0;
	free(credit);
	free(in_seminar);
	free(attended);
	free(day_open);
	free(day_sessions);
}

/* The value of metric name in summary.csv, its line in *line (0: missing). */
const char *verify_summary_value(const struct csv_table *t, const char *name, long *line)
{
	int c_m = csv_table_col(t, "metric"), c_v = csv_table_col(t, "value");
	for (int r = 0; r < t->n_rows; r++)
		if (!strcmp(t->rows[r][c_m], name)) {
			*line = t->line[r];
			return t->rows[r][c_v];
		}
	*line = 0;
	return NULL;
}

static bool parse_number(const char *text, double *x)
{
	char *end;
	if (!text || !*text)
		return false;
	*x = strtod(text, &end);
	return !*end && isfinite(*x);
}

/* Recomputes the objective and metrics and compares them with summary.csv;
 * checks the bound and the gap formula. */
void verify_check_summary(struct verifier *v, const struct csv_table *t,
			  const struct solution *sol)
{
	const struct problem *p = v->p;
	const char *F = "summary.csv";
	long line;
	const char *status = verify_summary_value(t, "status", &line);
	if (!status || (strcmp(status, "optimal") && strcmp(status, "feasible")))
		verify_violation(v, F, line, "status is '%s', not optimal or feasible",
			  status ? status : "(missing)");
	const char *model = verify_summary_value(t, "model", &line);
	if (!model || strcmp(model, problem_model_name(p->config.model)))
		verify_violation(v, F, line, "model is '%s' but the scenario uses '%s'",
			  model ? model : "(missing)", problem_model_name(p->config.model));

	struct metrics m;
	metrics_compute(p, sol, &m);
	struct recount rc;
	recount(v, sol, &rc);
	const double round2 = 0.005 + 1e-9;
	struct {
		const char *name;
		double value, tol;
	} want[] = {
		{ "objective", rc.objective, fmax(round2, 1e-6 * fabs(rc.objective)) },
		{ "learners", m.learners, 0 },
		{ "blocks", m.blocks, 0 },
		{ "sessions", m.sessions, 0 },
		{ "need_sessions_wanted", (double)m.need_sessions_wanted, 0 },
		{ "need_sessions_scheduled", (double)m.need_sessions_scheduled, 0 },
		{ "need_sessions_pct", m.need_sessions_pct, round2 },
		{ "power_goal_pct", m.power_goal_pct, round2 },
		{ "learners_complete_pct", m.learners_complete_pct, round2 },
		{ "seminar_enrolled_pct", m.seminar_enrolled_pct, round2 },
		{ "seminar_first_choice_pct", m.seminar_first_choice_pct, round2 },
		{ "avg_group_size", m.avg_group_size, round2 },
		{ "lab_sessions", m.lab_sessions, 0 },
		{ "facilitator_load_pct", m.facilitator_load_pct, round2 },
		{ "needs_not_ready", m.needs_not_ready, 0 },
		{ "learners_left_out", rc.learners_left_out, 0 },
		{ "learner_days_covered_pct", rc.learner_days_covered_pct, round2 },
		{ "min_facilitated_sessions", rc.min_facilitated_sessions, 0 },
	};
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		const char *text = verify_summary_value(t, want[k].name, &line);
		double x;
		if (!text)
			verify_violation(v, F, 0, "metric '%s' is missing", want[k].name);
		else if (!parse_number(text, &x) || fabs(x - want[k].value) > want[k].tol)
			verify_violation(v, F, line, "%s is '%s' but the schedule gives %.2f",
				  want[k].name, text, want[k].value);
	}
	metrics_release(&m);
	/* provenance: present, and stopped_by one of its words */
	static const char *const provenance[] = { "scenario_name", "mclsched_version",
						  "inputs_sha256", "seed", "time_limit",
						  "gap_limit" };
	for (size_t k = 0; k < sizeof(provenance) / sizeof(provenance[0]); k++)
		if (!verify_summary_value(t, provenance[k], &line))
			verify_violation(v, F, 0, "metric '%s' is missing", provenance[k]);
	const char *stop = verify_summary_value(t, "stopped_by", &line);
	if (!stop || (strcmp(stop, "gap") && strcmp(stop, "time_limit") &&
		      strcmp(stop, "interrupt") && strcmp(stop, "search_done")))
		verify_violation(v, F, line, "stopped_by is '%s', not gap, time_limit, interrupt or "
			  "search_done", stop ? stop : "(missing)");

	/* absent from outputs of mclsched before it was added */
	const char *exists = verify_summary_value(t, "schedule_exists", &line);
	if (exists && strcmp(exists, "yes"))
		verify_violation(v, F, line, "schedule_exists is '%s', not yes, beside a schedule",
				 exists);

	double objective, bound, gap;
	long lb, lg;
	const char *tb = verify_summary_value(t, "bound", &lb), *tg = verify_summary_value(t, "gap", &lg);
	if (!parse_number(verify_summary_value(t, "objective", &line), &objective))
		return;   /* reported above */
	if (!parse_number(tb, &bound)) {
		verify_violation(v, F, lb, "bound is '%s', not a number", tb ? tb : "(missing)");
		return;
	}
	if (bound < objective - 1e-6)
		verify_violation(v, F, lb, "bound %.2f is below the objective %.2f", bound, objective);
	if (!parse_number(tg, &gap)) {
		verify_violation(v, F, lg, "gap is '%s', not a number", tg ? tg : "(missing)");
		return;
	}
	/* both printed to 2 decimals: allow their rounding, and the gap's own */
	double g = fabs(bound) > 1e-9 ? (bound - objective) / fabs(bound) : 0;
	double tol = 5e-7 + (fabs(bound) > 1e-9 ? 0.01 / fabs(bound) : 0);
	if (fabs(g - gap) > tol)
		verify_violation(v, F, lg, "gap %.6f is not (bound - objective) / bound = %.6f", gap, g);
}
