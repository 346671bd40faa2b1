/*
 * verify_learners.c - verify's reading of timetable.csv: one row per
 * learner and block (rule 1), group and section sizes, each learner's
 * sessions against their needs, choices and eligibility, and the offering
 * each row names (a lab's credited online goal included, by verify_lab.c's
 * own rule).
 */
#define _POSIX_C_SOURCE 200809L
#include "models/model.h"
#include "verify_rules.h"

#include <stdlib.h>
#include <string.h>

#include "outputs/verify_lab.h"
#include "outputs/verify_mastery.h"

static int need_of(const struct problem *p, int l, int g)
{
	for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
		if (p->needs[q].goal == g)
			return q;
	return -1;
}

static const struct choice *choice_of(const struct problem *p, int l, int sem)
{
	for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
		if (p->choices[c].seminar == sem)
			return &p->choices[c];
	return NULL;
}


/* Rule 1 from the timetable rows; fills sol->attend and row_of (the line of
 * each learner's row per block, 0 when none). */
void verify_read_timetable(struct verifier *v, const struct csv_table *t, struct solution *sol,
			   long *row_of)
{
	const struct problem *p = v->p;
	const char *F = "timetable.csv";
	int c_l = csv_table_col(t, "learner_id"), c_b = csv_table_col(t, "block_id"),
	    c_s = csv_table_col(t, "session_id");
	for (int r = 0; r < t->n_rows; r++) {
		char **row = t->rows[r];
		long line = t->line[r];
		int l = problem_find_learner(p, row[c_l]);
		int b = problem_find_block(p, row[c_b]);
		int si = verify_find_session(v, row[c_s]);
		if (l < 0 || b < 0 || si < 0) {
			verify_violation(v, F, line, "unknown %s '%s'",
				  l < 0 ? "learner" : b < 0 ? "block" : "session",
				  l < 0 ? row[c_l] : b < 0 ? row[c_b] : row[c_s]);
			continue;
		}
		const struct learner *ln = &p->learners[l];
		if (!problem_block_scheduled(p, b))
			verify_violation(v, F, line, "learner '%s' has a row in block '%s', which the %s "
				  "model does not schedule (rule 1)", ln->id, p->blocks[b].id,
				  problem_model_name(p->config.model));
		if (v->s[si].block != b)
			verify_violation(v, F, line, "session '%s' is in block '%s', not '%s'", v->s[si].id,
				  v->s[si].block >= 0 ? p->blocks[v->s[si].block].id : "?",
				  p->blocks[b].id);
		long *slot = &row_of[(long)l * p->n_blocks + b];
		if (*slot) {
			verify_violation(v, F, line, "learner '%s' is in two sessions in block '%s' (also "
				  "line %ld) (rule 1)", ln->id, p->blocks[b].id, *slot);
			continue;
		}
		*slot = line;
		v->tt_row[(long)l * p->n_blocks + b] = r;
		if (ln->unavailable[b])
			verify_violation(v, F, line, "learner '%s' is unavailable in block '%s' (rule 1)",
				  ln->id, p->blocks[b].id);
		v->s[si].counted++;
		*solution_attend(sol, l, b) = si;
	}
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++)
			if (problem_block_scheduled(p, b) && !p->learners[l].unavailable[b] &&
			    !row_of[(long)l * p->n_blocks + b] && b > v->after)
				/* a replan's blocks up to --after are history: a
				 * learner who joined since has no place there */
				verify_violation(v, F, 0, "learner '%s' has no session in block '%s' (rule 1)",
					  p->learners[l].id, p->blocks[b].id);
}

/* Distinct learners per section (group sizes of power-goal groups and
 * seminar sections), and per (learner, section) the meetings attended. */
static int *section_sizes(const struct verifier *v, const struct solution *sol)
{
	const struct problem *p = v->p;
	int *size = xcalloc((size_t)v->n + 1, sizeof(int));
	int *seen = xmalloc(sizeof(int) * ((size_t)v->n + 1));
	for (int i = 0; i < v->n; i++)
		seen[i] = -1;
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind < 0)
				continue;
			int sec = v->s[si].section;
			if (seen[sec] != l) {
				seen[sec] = l;
				size[sec]++;
			}
		}
	free(seen);
	return size;
}

/* Rule 5: sizes, and the shape of sections (power-goal groups, seminar
 * sections): one kind, offering and facilitator, one session per block. */
void verify_check_sizes(struct verifier *v, const struct solution *sol)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	bool pg = model_row(p)->whole_cycle_groups;
	int *group = section_sizes(v, sol);
	int *meetings = xcalloc((size_t)v->n + 1, sizeof(int));
	int *sections = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	/* last[h]: the latest block section h meets in.  A replan's section
	 * that met only up to replan_after happened: a learner who left since
	 * may leave it below its least size, which no re-plan can undo. */
	int *last = xcalloc((size_t)v->n + 1, sizeof(int));
	for (int i = 0; i < v->n; i++)
		last[i] = -1;
	for (int i = 0; i < v->n; i++)
		if (v->s[i].kind >= 0 && v->s[i].block > last[v->s[i].section])
			last[v->s[i].section] = v->s[i].block;
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		if (s->kind < 0)
			continue;
		if (s->counted != s->size)
			verify_violation(v, F, s->line, "session '%s' says size %d but %d learners attend "
				  "it in timetable.csv (rule 5)", s->id, s->size, s->counted);
		if (s->counted > p->rooms[s->room].capacity)
			verify_violation(v, F, s->line, "session '%s' has %d learners but room '%s' seats "
				  "%d (rule 4)", s->id, s->counted, p->rooms[s->room].id,
				  p->rooms[s->room].capacity);
		const struct vsession *h = &v->s[s->section];
		bool shared = s->kind == SESSION_SEMINAR || (pg && s->kind == SESSION_WORKSHOP);
		if (!shared && s->section != i)
			verify_violation(v, F, s->line, "%s session '%s' shares section '%s' (only seminar "
				  "meetings and power-goal groups do)", solution_kind_name(s->kind),
				  s->id, h->id);
		if (h->kind >= 0 && (h->kind != s->kind || h->offering != s->offering))
			verify_violation(v, F, s->line, "session '%s' runs %s but its section '%s' runs %s "
				  "(rule 5)", s->id, verify_offering_name(p, s), h->id, verify_offering_name(p, h));
		else if (h->kind >= 0 && h->facilitator != s->facilitator &&
			 !(v->replan && p->facilitators[h->facilitator].unavailable[s->block]))
			/* a replan's cover: the section's facilitator is away there */
			verify_violation(v, F, s->line, "section '%s' changes facilitator ('%s' in '%s', "
				  "'%s' in '%s'; a section keeps its facilitator, but for a "
				  "replan's cover where it is unavailable)", h->id, p->facilitators[h->facilitator].id,
				  h->id, p->facilitators[s->facilitator].id, s->id);
		if (s->section != i) {
			if (h->block == s->block)
				verify_violation(v, F, s->line, "section '%s' meets twice in block '%s' "
					  "(rule 5)", h->id, p->blocks[s->block].id);
		} else if (s->kind == SESSION_SEMINAR) {
			sections[s->offering]++;
		}
		meetings[s->section]++;

		int lo = 1, hi = p->config.lab_max_group, size = s->counted;
		const char *what = "session";
		if (s->kind == SESSION_WORKSHOP) {
			lo = p->goals[s->offering].min_group;
			hi = p->goals[s->offering].max_group;
			if (pg) {
				size = group[s->section];
				what = "the group of session";
			}
		} else if (s->kind == SESSION_SEMINAR) {
			lo = p->seminars[s->offering].min_size;
			hi = p->seminars[s->offering].max_size;
			size = group[s->section];
			what = "the section of meeting";
		}
		bool happened = v->replan && last[s->section] <= v->after;
		if ((size < lo && !happened) || size > hi)
			verify_violation(v, F, s->line, "%s '%s' has %d learners, outside [%d, %d] (rule 5)",
				  what, s->id, size, lo, hi);
	}
	for (int i = 0; i < v->n; i++) {
		const struct vsession *s = &v->s[i];
		if (s->kind != SESSION_SEMINAR || s->section != i)
			continue;
		const struct seminar *sm = &p->seminars[s->offering];
		if (meetings[i] != sm->meetings)
			verify_violation(v, F, s->line, "seminar section '%s' ('%s') meets %d times, not "
				  "%d (rule 5)", s->id, sm->id, meetings[i], sm->meetings);
	}
	for (int k = 0; k < p->n_seminars; k++)
		if (sections[k] > p->seminars[k].sections)
			verify_violation(v, F, 0, "seminar '%s' runs %d sections, above its %d (rule 5)",
				  p->seminars[k].id, sections[k], p->seminars[k].sections);
	free(last);
	free(sections);
	free(meetings);
	free(group);
}

/* Whether learner l may enroll in seminar sem, recomputed from the data:
 * every required goal mastered by verify's own reading (when progress.csv
 * gave any score: without it the loader takes requires as met), not taken
 * in an earlier cycle (history.csv) and the age band where the age and the
 * bound are known.  *why says what fails. */
static bool eligible(const struct verifier *v, int l, int sem, char *why, size_t len)
{
	const struct problem *p = v->p;
	const struct seminar *sm = &p->seminars[sem];
	if (v->taken[(long)l * p->n_seminars + sem]) {
		snprintf(why, len, "after taking it in an earlier cycle (history.csv)");
		return false;
	}
	for (int i = 0; v->progress_known && i < sm->n_requires; i++)
		if (!v->mastered[(long)l * p->n_goals + sm->requires[i]]) {
			snprintf(why, len, "without having mastered '%s'",
				 p->goals[sm->requires[i]].id);
			return false;
		}
	int age = p->learners[l].age;
	if (age >= 0 && ((sm->age_min >= 0 && age < sm->age_min) ||
			 (sm->age_max >= 0 && age > sm->age_max))) {
		if (sm->age_min >= 0 && sm->age_max >= 0)
			snprintf(why, len, "at age %d, outside its ages %d to %d", age, sm->age_min,
				 sm->age_max);
		else if (sm->age_min >= 0)
			snprintf(why, len, "at age %d, below its age_min %d", age, sm->age_min);
		else
			snprintf(why, len, "at age %d, above its age_max %d", age, sm->age_max);
		return false;
	}
	return true;
}

/* Rule 6: what each learner attends. */
void verify_check_learners(struct verifier *v, const struct solution *sol, const long *row_of)
{
	const struct problem *p = v->p;
	const char *F = "timetable.csv";
	bool pg = model_row(p)->whole_cycle_groups;
	int *attended = xcalloc((size_t)p->n_goals + 1, sizeof(int));
	int *met = xcalloc((size_t)v->n + 1, sizeof(int));
	int *meetings = xcalloc((size_t)v->n + 1, sizeof(int));
	for (int i = 0; i < v->n; i++)
		if (v->s[i].kind >= 0)
			meetings[v->s[i].section]++;
	int *section_of = xmalloc(sizeof(int) * ((size_t)p->n_seminars + 1));
	for (int l = 0; l < p->n_learners; l++) {
		const struct learner *ln = &p->learners[l];
		int group = -1, enrolled = 0;
		memset(attended, 0, sizeof(int) * (size_t)p->n_goals);
		/* power-goal: the group of a learner in one is met in every
		 * available workshop block; labs are per block */
		for (int b = 0; pg && group < 0 && b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si >= 0 && v->s[si].kind == SESSION_WORKSHOP &&
			    p->blocks[b].kind == BLOCK_WORKSHOP)
				group = v->s[si].section;
		}
		for (int k = 0; k < p->n_seminars; k++)
			section_of[k] = -1;
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind < 0)
				continue;
			const struct vsession *s = &v->s[si];
			long line = row_of[(long)l * p->n_blocks + b];
			if (s->kind == SESSION_WORKSHOP) {
				int q = need_of(p, l, s->offering);
				if (q < 0 || !verify_need_ready(p, v->mastered, v->progress_known, q))
					verify_violation(v, F, line, "learner '%s' attends '%s' (goal '%s') "
						  "without a ready need for it (rule 6)", ln->id, s->id,
						  p->goals[s->offering].id);
				else if (++attended[s->offering] == p->needs[q].sessions + 1 && !pg)
					verify_violation(v, F, line, "learner '%s' attends more than %d "
						  "sessions of goal '%s' (rule 6)", ln->id,
						  p->needs[q].sessions, p->goals[s->offering].id);
			}
			if (pg && p->blocks[b].kind == BLOCK_WORKSHOP && group >= 0 &&
			    s->section != group)
				verify_violation(v, F, line, "learner '%s' is in group '%s' but in %s '%s' "
					  "in block '%s' (rule 6, power-goal: a learner meets one "
					  "group in every available workshop block)", ln->id,
					  v->s[group].id, solution_kind_name(s->kind), s->id,
					  p->blocks[b].id);
			if (s->kind == SESSION_SEMINAR) {
				int *first = &section_of[s->offering];
				if (*first >= 0 && *first != s->section)
					verify_violation(v, F, line, "learner '%s' changes section of seminar "
						  "'%s' in block '%s': '%s', then '%s' (rule 5, the same "
						  "learners at every meeting)", ln->id,
						  p->seminars[s->offering].id, p->blocks[b].id,
						  v->s[*first].id, v->s[s->section].id);
				if (*first < 0)
					*first = s->section;
				if (met[s->section]++ == 0) {
					enrolled++;
					const struct choice *ch = choice_of(p, l, s->offering);
					const char *sid = p->seminars[s->offering].id;
					char why[160];
					if (!ch)
						verify_violation(v, F, line, "learner '%s' is in seminar '%s', "
							  "which they did not choose (rule 6)", ln->id, sid);
					else if (!eligible(v, l, s->offering, why, sizeof(why)))
						verify_violation(v, F, line, "learner '%s' is in seminar '%s' %s "
							  "(rule 6)", ln->id, sid, why);
				}
			}
		}
		/* every meeting of an enrolled section attended; then reset */
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si < 0 || v->s[si].kind != SESSION_SEMINAR)
				continue;
			int sec = v->s[si].section;
			if (met[sec] < 0)
				continue;
			int want = meetings[sec];
			if (met[sec] != want)
				verify_violation(v, F, row_of[(long)l * p->n_blocks + b], "learner '%s' "
					  "attends %d of the %d meetings of seminar section '%s' "
					  "(rule 6)", ln->id, met[sec], want, v->s[sec].id);
			met[sec] = -1;
		}
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			if (si >= 0 && v->s[si].kind == SESSION_SEMINAR)
				met[v->s[si].section] = 0;
		}
		if (enrolled > p->config.seminars_per_learner)
			verify_violation(v, F, 0, "learner '%s' is in %d seminars, above "
				  "seminars_per_learner %d (rule 6)", ln->id, enrolled,
				  p->config.seminars_per_learner);
	}
	free(section_of);
	free(meetings);
	free(met);
	free(attended);
}

/* Learner l's lab sessions in sol, and whether l has a workshop session of
 * a ready priority-1 need. */
static int learner_labs(const struct verifier *v, const struct solution *sol, int l, bool *pg)
{
	const struct problem *p = v->p;
	int labs = 0;
	*pg = false;
	for (int b = 0; b < p->n_blocks; b++) {
		int si = solution_attend_at(sol, l, b);
		if (si < 0 || v->s[si].kind < 0)
			continue;
		const struct vsession *s = &v->s[si];
		labs += s->kind == SESSION_LAB;
		for (int q = p->need_start[l]; s->kind == SESSION_WORKSHOP && q < p->need_start[l + 1];
		     q++)
			*pg |= p->needs[q].goal == s->offering && v->ready[q] &&
			       p->needs[q].priority == 1;
	}
	return labs;
}

/* timetable.csv offering_id: the workshop's goal, the seminar, or the
 * online goal the learner's lab counts toward (empty when none). */
void verify_check_offerings(struct verifier *v, const struct csv_table *t,
			    const struct solution *sol, const long *row_of)
{
	const struct problem *p = v->p;
	int c_off = csv_table_col(t, "offering_id");
	int *credit = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	for (int l = 0; l < p->n_learners; l++) {
		bool pg = false;
		int labs = 0;
		verify_lab_credits(p, v->ready, l, learner_labs(v, sol, l, &pg), pg, credit);
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(sol, l, b);
			int r = v->tt_row[(long)l * p->n_blocks + b];
			if (si < 0 || r < 0 || v->s[si].kind < 0)
				continue;
			const struct vsession *s = &v->s[si];
			const char *want = "";
			if (s->kind == SESSION_LAB) {
				int q = credit[labs++];
				want = q >= 0 ? p->goals[p->needs[q].goal].id : "";
			} else {
				want = verify_offering_name(p, s);
			}
			const char *got = t->rows[r][c_off];
			if (strcmp(got, want))
				verify_violation(v, "timetable.csv", row_of[(long)l * p->n_blocks + b],
					  "learner '%s' works on '%s' in block '%s', but session '%s' "
					  "gives them '%s'", p->learners[l].id, got, p->blocks[b].id,
					  s->id, want);
		}
	}	free(credit);
}
