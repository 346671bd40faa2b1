/*
 * report_view.c - the numbers report.html shows (see report_view.h).
 *
 * The unmet rows are the row set's (rowset.h), the very rows unmet.csv is
 * written from, so that the report and the CSV never disagree about who
 * misses what and why.
 */
#include "report_view.h"

#include <stdlib.h>
#include <string.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "outputs/html.h"

static void layout_grid(struct report_view *v)
{
	const struct problem *p = v->p;
	int *used = xcalloc((size_t)p->n_days + 1, sizeof(int));
	v->n_slots = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		int k = ++used[p->blocks[b].day_index];
		if (k > v->n_slots)
			v->n_slots = k;
	}
	v->cell = xmalloc(sizeof(int) * ((size_t)p->n_days * (size_t)v->n_slots + 1));
	for (int i = 0; i < p->n_days * v->n_slots; i++)
		v->cell[i] = -1;
	memset(used, 0, sizeof(int) * ((size_t)p->n_days + 1));
	for (int b = 0; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		int d = p->blocks[b].day_index;
		v->cell[d * v->n_slots + used[d]++] = b;
	}
	free(used);
}

void report_view_init(struct report_view *v, const struct problem *p, const struct solution *s,
		      const struct metrics *m, const struct rowset *rs)
{
	memset(v, 0, sizeof(*v));
	v->p = p;
	v->s = s;
	v->m = m;
	layout_grid(v);
	size_t n = (size_t)p->n_learners + 1;
	v->facilitated = xcalloc(n, sizeof(int));
	v->wanted = xcalloc(n, sizeof(long));
	v->met = xcalloc(n, sizeof(long));
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, s);
	for (int l = 0; l < p->n_learners; l++) {
		for (int d = 0; d < p->n_days; d++)
			v->facilitated[l] += *tally_day(&t, p, l, d);
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
			if (p->needs[q].ready) {
				v->wanted[l] += p->needs[q].sessions;
				v->met[l] += m->counted[q];
			}
	}
	tally_release(&t);
	v->unmet = rs->unmet;
	v->n_unmet = rs->n_unmet;
	v->unmet_start = rs->unmet_start;
}

void report_view_release(struct report_view *v)
{
	free(v->cell);
	free(v->facilitated);
	free(v->wanted);
	free(v->met);
	memset(v, 0, sizeof(*v));
}

static const char *or_id(const char *name, const char *id)
{
	return name && *name ? name : id;
}

const char *report_learner_name(const struct problem *p, int l)
{
	return or_id(p->learners[l].name, p->learners[l].id);
}

const char *report_facilitator_name(const struct problem *p, int f)
{
	return or_id(p->facilitators[f].name, p->facilitators[f].id);
}

const char *report_room_name(const struct problem *p, int r)
{
	return or_id(p->rooms[r].name, p->rooms[r].id);
}

const char *report_goal_title(const struct problem *p, int g)
{
	return or_id(p->goals[g].title, p->goals[g].id);
}

const char *report_seminar_title(const struct problem *p, int k)
{
	return or_id(p->seminars[k].title, p->seminars[k].id);
}

/* Each unmet.csv reason: a short phrase for lists, a sentence for the key. */
static const char *const reason_text[][3] = {
	{ "prerequisite", "prerequisite not mastered",
	  "not ready yet: a goal it builds on is not mastered" },
	{ "no_facilitator", "no facilitator free",
	  "no facilitator who can lead it is free when the learner is" },
	{ "no_room", "no room fits", "no room has the feature it needs and enough seats" },
	{ "conflict", "blocks taken by other needs",
	  "every block it could meet in already holds another of the learner's needs" },
	{ "capacity", "places went to other needs",
	  "the sessions, facilitators and rooms went to needs that count for more" },
	{ "ineligible", "not eligible",
	  "a goal the seminar requires is not mastered, or the age is outside its range" },
	{ "limit", "seminar limit reached",
	  "already in as many seminars as a learner may take" },
};

static const char *reason_lookup(const char *reason, int which)
{
	for (size_t i = 0; i < sizeof(reason_text) / sizeof(reason_text[0]); i++)
		if (!strcmp(reason, reason_text[i][0]))
			return reason_text[i][which];
	return reason;
}

const char *report_reason_short(const char *reason)
{
	return reason_lookup(reason, 1);
}

const char *report_reason_words(const char *reason)
{
	return reason_lookup(reason, 2);
}

void report_when(FILE *f, const struct problem *p, int b)
{
	html_printf(f, "%s ", p->blocks[b].day);
	html_clock(f, p->blocks[b].start);
	fputs("\xE2\x80\x93", f);
	html_clock(f, p->blocks[b].end);
}
