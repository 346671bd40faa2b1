/*
 * compare.c - the comparison of scenario runs (see compare.h).
 *
 * Need-sessions per learner and priority come from the output files alone,
 * which do not say a fully met need's priority: only unmet.csv carries
 * priority and wanted.  So, for each (learner, goal) of any run, the
 * priority and wanted are taken from the first run (in the order given)
 * whose unmet.csv lists it, and a run's need-sessions of it are
 *   - unmet.csv's `scheduled` when that run lists it;
 *   - else, when the run's timetable has rows on the goal (workshop
 *     sessions and labs whose offering_id is the goal), the need was met in
 *     full: those rows, at most wanted when wanted is known (a power-goal
 *     group meets in every block, beyond the need's sessions);
 *   - else 0.
 * A need that no run lists in unmet.csv was met in full wherever it was
 * scheduled; its priority is not in the files (it counts at index 0), and
 * its sessions change only when the needs or blocks themselves differ.
 */
#include "compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

static const struct compare_kpi kpis[] = {
	{ "status", "Status", BETTER_NONE, false },
	{ "objective", "Schedule score", BETTER_HIGHER, false },
	{ "bound", "Best possible score (proven bound)", BETTER_NONE, false },
	{ "gap", "Distance from the best possible score", BETTER_LOWER, false },
	{ "solve_seconds", "Solve time (seconds)", BETTER_NONE, false },
	{ "model", "Model", BETTER_NONE, true },
	{ "learners", "Learners", BETTER_NONE, false },
	{ "blocks", "Blocks scheduled", BETTER_NONE, false },
	{ "sessions", "Sessions opened", BETTER_NONE, false },
	{ "need_sessions_wanted", "Need-sessions wanted", BETTER_NONE, false },
	{ "need_sessions_scheduled", "Need-sessions scheduled", BETTER_HIGHER, false },
	{ "need_sessions_pct", "Need-sessions met (%)", BETTER_HIGHER, false },
	{ "power_goal_pct", "Learners who got their power goal (%)", BETTER_HIGHER, false },
	{ "learners_complete_pct", "Learners with every need met (%)", BETTER_HIGHER, false },
	{ "seminar_enrolled_pct", "Learners in a seminar they chose (%)", BETTER_HIGHER, false },
	{ "seminar_first_choice_pct", "Learners in their first-choice seminar (%)", BETTER_HIGHER,
	  false },
	{ "avg_group_size", "Average group size", BETTER_NONE, false },
	{ "lab_sessions", "Lab sessions", BETTER_NONE, false },
	{ "facilitator_load_pct", "Facilitator load (%)", BETTER_NONE, false },
	{ "needs_not_ready", "Needs not ready (prerequisite missing)", BETTER_NONE, false },
	{ "learners_left_out", "Learners left out (in the lab all cycle)", BETTER_LOWER, false },
	{ "learner_days_covered_pct", "Learner-days with a facilitated session (%)",
	  BETTER_HIGHER, false },
	{ "min_facilitated_sessions", "Fewest facilitated sessions of any learner", BETTER_HIGHER,
	  false },
	{ "scenario_name", "Scenario name", BETTER_NONE, true },
	{ "mclsched_version", "mclsched version", BETTER_NONE, true },
	{ "inputs_sha256", "Input data (SHA-256 of the scenario files)", BETTER_NONE, true },
	{ "seed", "Search seed", BETTER_NONE, true },
	{ "time_limit", "Time limit (seconds)", BETTER_NONE, true },
	{ "gap_limit", "Gap to stop at", BETTER_NONE, true },
	{ "stopped_by", "What ended the search", BETTER_NONE, true },
};

const struct compare_kpi *compare_kpi_find(const char *name)
{
	for (size_t i = 0; i < sizeof(kpis) / sizeof(kpis[0]); i++)
		if (!strcmp(kpis[i].name, name))
			return &kpis[i];
	return NULL;
}

/* ---- same school ------------------------------------------------------------ */

/* Appends up to 5 ids of a not in b to buf (", "-separated); returns how
 * many there are in all. */
static int only_in(const struct compare_run *a, const struct compare_run *b, char **buf)
{
	int n = 0;
	for (int i = 0; i < a->n_learners; i++) {
		if (compare_run_has_learner(b, a->learners[i]))
			continue;
		if (n < 5) {
			char *more = xasprintf("%s%s%s", *buf, n ? ", " : "", a->learners[i]);
			free(*buf);
			*buf = more;
		} else if (n == 5) {
			char *more = xasprintf("%s, ...", *buf);
			free(*buf);
			*buf = more;
		}
		n++;
	}
	return n;
}

char *compare_school_mismatch(const struct compare_run *a, const struct compare_run *b)
{
	char *ids_a = xstrdup(""), *ids_b = xstrdup("");
	int na = only_in(a, b, &ids_a), nb = only_in(b, a, &ids_b);
	const char *la = compare_run_metric(a, "learners"), *lb = compare_run_metric(b, "learners");
	char *why = NULL;
	if (na || nb)
		why = xasprintf("'%s' (%d learners) and '%s' (%d learners) are runs of different "
				"schools: %d learner%s only in the first (%s), %d only in the second "
				"(%s)", a->dir, a->n_learners, b->dir, b->n_learners, na,
				na == 1 ? "" : "s", na ? ids_a : "none", nb, nb ? ids_b : "none");
	else if (la && lb && strcmp(la, lb))
		why = xasprintf("'%s' and '%s' are runs of different schools: summary.csv "
				"counts %s and %s learners", a->dir, b->dir, la, lb);
	free(ids_a);
	free(ids_b);
	return why;
}

/* ---- metric rows ------------------------------------------------------------ */

static bool number(const char *s, double *v)
{
	if (!s || !*s)
		return false;
	char *end;
	*v = strtod(s, &end);
	return !*end && isfinite(*v);
}

/* Marks the runs with the best value of row; none when fewer than two runs
 * have a number or all numbers are equal. */
static void mark_best(struct compare *c, struct compare_row *row)
{
	enum compare_better better = row->kpi ? row->kpi->better : BETTER_NONE;
	if (better == BETTER_NONE)
		return;
	double best = 0, worst = 0, v;
	int have = 0;
	for (int r = 0; r < c->n_runs; r++) {
		if (!number(row->values[r], &v))
			continue;
		bool better_than = better == BETTER_HIGHER ? v > best : v < best;
		bool worse_than = better == BETTER_HIGHER ? v < worst : v > worst;
		if (!have || better_than)
			best = v;
		if (!have || worse_than)
			worst = v;
		have++;
	}
	if (have < 2 || best == worst)
		return;
	for (int r = 0; r < c->n_runs; r++)
		row->best[r] = number(row->values[r], &v) && v == best;
}

static struct compare_row *find_row(struct compare *c, const char *name)
{
	for (int i = 0; i < c->n_rows; i++)
		if (!strcmp(c->rows[i].name, name))
			return &c->rows[i];
	return NULL;
}

static void build_rows(struct compare *c)
{
	int most = 0;
	for (int r = 0; r < c->n_runs; r++)
		most += c->runs[r].n_metrics;
	c->rows = xcalloc((size_t)most + 1, sizeof(*c->rows));
	for (int r = 0; r < c->n_runs; r++)
		for (int i = 0; i < c->runs[r].n_metrics; i++) {
			const struct compare_metric *m = &c->runs[r].metrics[i];
			struct compare_row *row = find_row(c, m->name);
			if (!row) {
				row = &c->rows[c->n_rows++];
				row->name = m->name;
				row->kpi = compare_kpi_find(m->name);
				row->values = xcalloc((size_t)c->n_runs, sizeof(char *));
				row->best = xcalloc((size_t)c->n_runs, sizeof(bool));
			}
			row->values[r] = m->value;
		}
	for (int i = 0; i < c->n_rows; i++) {
		struct compare_row *row = &c->rows[i];
		for (int r = 1; r < c->n_runs && !row->differs; r++)
			row->differs = !row->values[r] != !row->values[0] ||
				       (row->values[r] && strcmp(row->values[r], row->values[0]));
		mark_best(c, row);
	}
}

/* ---- need-sessions ---------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One run's entry for a (learner, goal), for sorting all runs' entries together. */
struct entry {
	const struct compare_need *need;
	int run;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int k = strcmp(x->need->learner, y->need->learner);
	if (!k)
		k = strcmp(x->need->goal, y->need->goal);
	return k ? k : x->run - y->run;
}

static int learner_index(const struct compare *c, const char *id)
{
	const char **at = bsearch(&id, c->learners, (size_t)c->n_learners, sizeof(char *), cmp_str);
	return at ? (int)(at - c->learners) : -1;
}

/* Adds the need-sessions of the (learner, goal) of e[0..n) (one per run
 * at most, run order) to c->sessions. */
static void count_need(struct compare *c, const struct entry *e, int n)
{
	int priority = 0, wanted = -1;
	for (int i = 0; i < n && wanted < 0; i++)
		if (e[i].need->unmet) {
			priority = e[i].need->priority;
			wanted = e[i].need->wanted;
		}
	int l = learner_index(c, e[0].need->learner);
	for (int i = 0; i < n; i++) {
		const struct compare_need *nd = e[i].need;
		long got = nd->unmet ? nd->scheduled
			   : wanted >= 0 && nd->rows > wanted ? wanted : nd->rows;
		long *at = &c->sessions[((size_t)l * (size_t)c->n_runs + (size_t)e[i].run) *
					COMPARE_PRIORITIES + (size_t)priority];
		if (*at >= 0)
			*at += got;
	}
}

static void build_learners(struct compare *c)
{
	int total = 0, n_entries = 0;
	for (int r = 0; r < c->n_runs; r++) {
		total += c->runs[r].n_learners;
		n_entries += c->runs[r].n_needs;
	}
	c->learners = xcalloc((size_t)total + 1, sizeof(char *));
	for (int r = 0; r < c->n_runs; r++)
		for (int i = 0; i < c->runs[r].n_learners; i++)
			c->learners[c->n_learners++] = c->runs[r].learners[i];
	qsort(c->learners, (size_t)c->n_learners, sizeof(char *), cmp_str);
	int n = 0;
	for (int i = 0; i < c->n_learners; i++)
		if (!n || strcmp(c->learners[n - 1], c->learners[i]))
			c->learners[n++] = c->learners[i];
	c->n_learners = n;

	size_t cells = (size_t)c->n_learners * (size_t)c->n_runs * COMPARE_PRIORITIES;
	c->sessions = xmalloc(sizeof(long) * (cells + 1));
	for (int l = 0; l < c->n_learners; l++)
		for (int r = 0; r < c->n_runs; r++) {
			long v = compare_run_has_learner(&c->runs[r], c->learners[l]) ? 0 : -1;
			for (int p = 0; p < COMPARE_PRIORITIES; p++)
				c->sessions[((size_t)l * (size_t)c->n_runs + (size_t)r) *
					    COMPARE_PRIORITIES + (size_t)p] = v;
		}

	struct entry *e = xcalloc((size_t)n_entries + 1, sizeof(*e));
	int k = 0;
	for (int r = 0; r < c->n_runs; r++)
		for (int i = 0; i < c->runs[r].n_needs; i++)
			e[k++] = (struct entry){ &c->runs[r].needs[i], r };
	qsort(e, (size_t)n_entries, sizeof(*e), cmp_entry);
	for (int i = 0; i < n_entries;) {
		int j = i + 1;
		while (j < n_entries && !strcmp(e[j].need->learner, e[i].need->learner) &&
		       !strcmp(e[j].need->goal, e[i].need->goal))
			j++;
		count_need(c, e + i, j - i);
		i = j;
	}
	free(e);
	c->totals = xcalloc((size_t)c->n_runs * (COMPARE_PRIORITIES + 1), sizeof(long));
	for (int l = 0; l < c->n_learners; l++)
		for (int r = 0; r < c->n_runs; r++)
			for (int p = 0; p <= COMPARE_PRIORITIES; p++) {
				long v = compare_sessions(c, l, r, p);
				if (v > 0)
					c->totals[r * (COMPARE_PRIORITIES + 1) + p] += v;
			}
}

long compare_sessions(const struct compare *c, int l, int r, int p)
{
	const long *at = &c->sessions[((size_t)l * (size_t)c->n_runs + (size_t)r) *
				      COMPARE_PRIORITIES];
	if (p < COMPARE_PRIORITIES)
		return at[p];
	long sum = 0;
	for (int q = 0; q < COMPARE_PRIORITIES; q++)
		sum += at[q];
	return at[0] < 0 ? -1 : sum;
}

static int cmp_change(const void *a, const void *b)
{
	const struct compare_change *x = a, *y = b;
	if (x->moved != y->moved)
		return x->moved > y->moved ? -1 : 1;
	long ax = labs(x->delta[COMPARE_TOTAL]), ay = labs(y->delta[COMPARE_TOTAL]);
	if (ax != ay)
		return ax > ay ? -1 : 1;
	return x->learner - y->learner;
}

/* Gains, losses and changes of run k against the first run. */
static void build_changes(struct compare *c, int k)
{
	c->changes[k] = xcalloc((size_t)c->n_learners + 1, sizeof(struct compare_change));
	for (int l = 0; l < c->n_learners; l++) {
		bool in0 = compare_sessions(c, l, 0, 0) >= 0, ink = compare_sessions(c, l, k, 0) >= 0;
		if (!in0 || !ink) {
			c->only_first[k] += in0;
			c->only_other[k] += ink;
			continue;
		}
		struct compare_change ch = { .learner = l };
		for (int p = 0; p <= COMPARE_PRIORITIES; p++) {
			ch.delta[p] = compare_sessions(c, l, k, p) - compare_sessions(c, l, 0, p);
			c->gain[k][p] += ch.delta[p] > 0;
			c->lose[k][p] += ch.delta[p] < 0;
			if (p < COMPARE_PRIORITIES)
				ch.moved += labs(ch.delta[p]);
		}
		if (ch.moved)
			c->changes[k][c->n_changes[k]++] = ch;
	}
	qsort(c->changes[k], (size_t)c->n_changes[k], sizeof(struct compare_change), cmp_change);
}

/* ---- facilitator loads ------------------------------------------------------ */

static void build_loads(struct compare *c)
{
	int total = 0;
	for (int r = 0; r < c->n_runs; r++)
		total += c->runs[r].n_loads;
	c->facilitators = xcalloc((size_t)total + 1, sizeof(char *));
	for (int r = 0; r < c->n_runs; r++)
		for (int i = 0; i < c->runs[r].n_loads; i++)
			c->facilitators[c->n_facilitators++] = c->runs[r].loads[i].facilitator;
	qsort(c->facilitators, (size_t)c->n_facilitators, sizeof(char *), cmp_str);
	int n = 0;
	for (int i = 0; i < c->n_facilitators; i++)
		if (!n || strcmp(c->facilitators[n - 1], c->facilitators[i]))
			c->facilitators[n++] = c->facilitators[i];
	c->n_facilitators = n;
	c->load = xcalloc((size_t)n * (size_t)c->n_runs + 1, sizeof(int));
	for (int r = 0; r < c->n_runs; r++)
		for (int i = 0; i < c->runs[r].n_loads; i++) {
			const char *id = c->runs[r].loads[i].facilitator;
			const char **at = bsearch(&id, c->facilitators, (size_t)n, sizeof(char *),
						  cmp_str);
			c->load[(at - c->facilitators) * c->n_runs + r] = c->runs[r].loads[i].sessions;
		}
	for (int f = 0; f < n; f++)
		for (int r = 1; r < c->n_runs; r++)
			if (c->load[f * c->n_runs + r] != c->load[f * c->n_runs]) {
				c->n_load_changes++;
				break;
			}
}

/* ---- moves ------------------------------------------------------------------ */

static void build_moves(struct compare *c)
{
	const struct compare_run *first = &c->runs[0];
	int n = c->n_runs;
	c->moved = xcalloc((size_t)n, sizeof(long));
	c->cells = xcalloc((size_t)n, sizeof(long));
	c->moved_learners = xcalloc((size_t)n, sizeof(int));
	c->moves = xcalloc((size_t)first->n_cells + 1, sizeof(int));
	bool *counted = xcalloc((size_t)n, sizeof(bool));
	for (int i = 0; i < first->n_cells; i++) {
		const struct compare_cell *cl = &first->cells[i];
		if (!i || strcmp(first->cells[i - 1].learner, cl->learner))
			for (int k = 0; k < n; k++)
				counted[k] = false;
		bool any = false;
		for (int k = 1; k < n; k++) {
			if (!compare_run_has_learner(&c->runs[k], cl->learner))
				continue;
			const char *there = compare_run_place(&c->runs[k], cl->learner, cl->block);
			c->cells[k]++;
			if (there && !strcmp(there, cl->place))
				continue;
			c->moved[k]++;
			c->moved_learners[k] += !counted[k];
			counted[k] = any = true;
		}
		if (any)
			c->moves[c->n_moves++] = i;
	}
	free(counted);
}

void compare_build(struct compare *c, const struct compare_run *runs, int n_runs)
{
	memset(c, 0, sizeof(*c));
	c->n_runs = n_runs;
	c->runs = runs;
	build_rows(c);
	build_learners(c);
	c->gain = xcalloc((size_t)n_runs, sizeof(*c->gain));
	c->lose = xcalloc((size_t)n_runs, sizeof(*c->lose));
	c->only_first = xcalloc((size_t)n_runs, sizeof(int));
	c->only_other = xcalloc((size_t)n_runs, sizeof(int));
	c->changes = xcalloc((size_t)n_runs, sizeof(*c->changes));
	c->n_changes = xcalloc((size_t)n_runs, sizeof(int));
	for (int k = 1; k < n_runs; k++)
		build_changes(c, k);
	build_loads(c);
	build_moves(c);
}

void compare_release(struct compare *c)
{
	for (int i = 0; i < c->n_rows; i++) {
		free(c->rows[i].values);
		free(c->rows[i].best);
	}
	free(c->rows);
	free(c->learners);
	free(c->sessions);
	free(c->totals);
	free(c->gain);
	free(c->lose);
	free(c->only_first);
	free(c->only_other);
	for (int k = 0; k < c->n_runs; k++)
		free(c->changes ? c->changes[k] : NULL);
	free(c->changes);
	free(c->n_changes);
	free(c->facilitators);
	free(c->load);
	free(c->moved);
	free(c->cells);
	free(c->moved_learners);
	free(c->moves);
	memset(c, 0, sizeof(*c));
}
