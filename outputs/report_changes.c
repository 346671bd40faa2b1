/*
 * report_changes.c - report.html's "What changed" section of a replan.
 *
 * The rows are changes.csv's (changes_each, changes.c), rendered per block
 * in words a learning coach can read out: "Ana: from Fractions with Mr Lee
 * in Room 4 to Fractions with Ms Diaz in Room 2".  Names, titles and ids
 * come from the inputs and are written through html.h.  The section is
 * written only when the run is a replan (p->previous set).
 */
#include "report_view.h"

#include <stdlib.h>

#include "engine/util.h"
#include "outputs/changes.h"
#include "outputs/html.h"

struct changes_html {
	FILE *f;
	const struct problem *p;
	int block;              /* block of the open list, -1 before the first row */
	long n;
};

static const char *or_id(const char *name, const char *id)
{
	return name && name[0] ? name : id;
}

/* "Fractions with Mr Lee in Room 4"; offering -1 with kind lab: "the lab". */
static void session_words(FILE *f, const struct problem *p, bool lab, int offering, bool seminar,
			  const char *offering_id, int facilitator, int room)
{
	if (lab)
		fputs("the lab", f);
	else if (offering >= 0)
		html_text(f, seminar ? p->seminars[offering].title : p->goals[offering].title);
	else
		html_text(f, offering_id);
	if (facilitator >= 0)
		html_printf(f, " with %s", or_id(p->facilitators[facilitator].name,
						  p->facilitators[facilitator].id));
	if (room >= 0)
		html_printf(f, " in %s", or_id(p->rooms[room].name, p->rooms[room].id));
}

static void html_row(void *ctx, const struct changes_row *row)
{
	struct changes_html *c = ctx;
	const struct problem *p = c->p;
	const struct rowset_slot *sl = row->slot;
	if (sl->block != c->block) {
		if (c->block >= 0)
			fputs("</ul>\n", c->f);
		html_printf(c->f, "<h3>%s</h3>\n<ul class=\"changes\">\n", p->blocks[sl->block].id);
		c->block = sl->block;
	}
	const struct learner *l = &p->learners[sl->learner];
	html_printf(c->f, "<li>%s: from ", or_id(l->name, l->id));
	const struct prev_session *b = row->before;
	session_words(c->f, p, b->kind == LOCK_LAB, b->kind == LOCK_ANY ? -1 : b->offering,
		      b->kind == LOCK_SEMINAR, row->before_offering, b->facilitator, b->room);
	fputs(" to ", c->f);
	const struct rowset_session *a = row->after;
	session_words(c->f, p, a->kind == SESSION_LAB, a->offering, a->kind == SESSION_SEMINAR,
		      sl->offering_id, a->facilitator, a->room);
	fputs("</li>\n", c->f);
	c->n++;
}

struct changes_list {
	struct changes_row *rows;
	long n, cap;
};

static void collect(void *ctx, const struct changes_row *row)
{
	struct changes_list *cl = ctx;
	if (cl->n == cl->cap) {
		cl->cap = cl->cap ? 2 * cl->cap : 64;
		cl->rows = xrealloc(cl->rows, (size_t)cl->cap * sizeof *cl->rows);
	}
	cl->rows[cl->n++] = *row;
}

/* By block, then learner (slots are by learner, then block: slot order). */
static int by_block(const void *x, const void *y)
{
	const struct changes_row *a = x, *b = y;
	if (a->slot->block != b->slot->block)
		return a->slot->block < b->slot->block ? -1 : 1;
	return (a->slot > b->slot) - (a->slot < b->slot);
}

/* Facilitator fa leads a session of block b in the new schedule. */
static bool leads(const struct rowset *rs, int fa, int b)
{
	for (int i = 0; i < rs->n_sessions; i++)
		if (rs->sessions[i].block == b && rs->sessions[i].facilitator == fa)
			return true;
	return false;
}

/*
 * Cover list: each previous session after --after whose facilitator is now
 * unavailable in its block, with the facilitators able to lead its
 * offering (expertise) who are available and lead nothing in that block in
 * the new schedule, gurus first.  Labs (no expertise) are left out.
 */
static void write_cover(FILE *f, const struct problem *p, const struct rowset *rs)
{
	const struct previous *pv = p->previous;
	bool open = false;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		if (ps->block <= pv->after || ps->facilitator < 0 || ps->offering < 0 ||
		    (ps->kind != LOCK_GOAL && ps->kind != LOCK_SEMINAR) ||
		    !p->facilitators[ps->facilitator].unavailable[ps->block])
			continue;
		if (!open)
			fputs("<h3>Cover for absent facilitators</h3>\n<ul class=\"cover\">\n", f);
		open = true;
		const struct facilitator *fa = &p->facilitators[ps->facilitator];
		html_printf(f, "<li>%s, %s: ", p->blocks[ps->block].id, ps->id);
		session_words(f, p, false, ps->offering, ps->kind == LOCK_SEMINAR, "", -1, ps->room);
		html_printf(f, " (%s is away). Free to cover:", or_id(fa->name, fa->id));
		int n = 0;
		for (int want = LEVEL_GURU; want >= LEVEL_ABLE; want--)
			for (int c = 0; c < p->n_facilitators; c++) {
				enum level lv = ps->kind == LOCK_SEMINAR
					? problem_seminar_level(p, c, ps->offering)
					: problem_goal_level(p, c, ps->offering);
				if ((int)lv != want || p->facilitators[c].unavailable[ps->block] ||
				    leads(rs, c, ps->block))
					continue;
				html_printf(f, "%s %s%s", n ? "," : "",
					    or_id(p->facilitators[c].name, p->facilitators[c].id),
					    lv == LEVEL_GURU ? " (guru)" : "");
				n++;
			}
		fputs(n ? "</li>\n" : " nobody.</li>\n", f);
	}
	if (open)
		fputs("</ul>\n", f);
}

void report_write_changes(FILE *f, const struct problem *p, const struct rowset *rs)
{
	if (!p->previous)
		return;
	struct changes_list cl = { 0 };
	changes_each(p, rs, collect, &cl);
	if (cl.n > 1)
		qsort(cl.rows, (size_t)cl.n, sizeof *cl.rows, by_block);
	fputs("<section id=\"changes\" class=\"page\"><h2>What changed</h2>\n<p>", f);
	if (p->previous->after >= 0)
		html_printf(f, "Blocks up to %s are kept as they were. ",
			    p->blocks[p->previous->after].id);
	if (cl.n == 0)
		fputs("No learner's session changed in a block that both schedules give them.</p>\n", f);
	else
		fprintf(f, "%ld learner-blocks changed (changes.csv); each line says what the learner "
			"had and has now.</p>\n", cl.n);
	struct changes_html c = { .f = f, .p = p, .block = -1 };
	for (long i = 0; i < cl.n; i++)
		html_row(&c, &cl.rows[i]);
	if (c.block >= 0)
		fputs("</ul>\n", f);
	write_cover(f, p, rs);
	fputs("</section>\n", f);
	free(cl.rows);
}
