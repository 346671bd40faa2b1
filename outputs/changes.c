/*
 * changes.c - changes.csv: who moves in a replan, block by block.
 *
 * A learner-block is compared only where both schedules have a session for
 * the learner after --after: a learner who joined or left, or became
 * unavailable, has nothing to compare.  "The same" is the keep term's
 * sense (objective_kept: kind, offering, facilitator and room), so the
 * rows are exactly the learner-blocks the replan did not keep.  The
 * offering ids are what timetable.csv says the learner works on (a lab's
 * credited goal included), read from the previous timetable and, for the
 * new schedule, taken from the row set every output renders.
 */
#include "changes.h"

#include "engine/objective.h"
#include "outputs/csv_out.h"

static const char *previous_works_on(const struct problem *p, int l, int b)
{
	int w = p->previous->works_on[(long)l * p->n_blocks + b];
	return w < 0 ? "" : w < p->n_goals ? p->goals[w].id : p->seminars[w - p->n_goals].id;
}

void changes_each(const struct problem *p, const struct rowset *rs,
		  void (*fn)(void *ctx, const struct changes_row *row), void *ctx)
{
	const struct previous *pv = p->previous;
	for (int i = 0; i < rs->n_slots; i++) {
		const struct rowset_slot *sl = &rs->slots[i];
		int l = sl->learner, b = sl->block;
		int pi = pv->attend[(long)l * p->n_blocks + b];
		if (b <= pv->after || sl->session < 0 || pi < 0)
			continue;
		const struct rowset_session *rss = &rs->sessions[sl->session];
		struct session now = { .kind = rss->kind, .offering = rss->offering, .block = b,
				       .room = rss->room, .facilitator = rss->facilitator };
		if (objective_kept(p, l, b, &now))
			continue;
		struct changes_row row = { .slot = sl, .before = &pv->sessions[pi],
					   .before_offering = previous_works_on(p, l, b),
					   .after = rss };
		fn(ctx, &row);
	}
}

static void csv_row(void *ctx, const struct changes_row *row)
{
	FILE *f = ctx;
	csv_out_text(f, row->slot->learner_id);
	fputc(',', f);
	csv_out_text(f, row->slot->block_id);
	fputc(',', f);
	csv_out_text(f, row->before->id);
	fputc(',', f);
	csv_out_text(f, row->before_offering);
	fprintf(f, ",%s,", row->after->id);
	csv_out_text(f, row->slot->offering_id);
	fputc('\n', f);
}

static void count_row(void *ctx, const struct changes_row *row)
{
	(void)row;
	(*(long *)ctx)++;
}

long changes_n(const struct problem *p, const struct rowset *rs)
{
	long n = 0;
	changes_each(p, rs, count_row, &n);
	return n;
}

void changes_write(FILE *f, const struct problem *p, const struct rowset *rs)
{
	fputs("learner_id,block_id,before_session_id,before_offering_id,after_session_id,"
	      "after_offering_id\n", f);
	changes_each(p, rs, csv_row, f);
}

void changes_count(const struct problem *p, const struct solution *s, long *changed, long *both)
{
	const struct previous *pv = p->previous;
	*changed = *both = 0;
	for (int l = 0; l < p->n_learners; l++)
		for (int b = pv->after + 1; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			if (si < 0 || pv->attend[(long)l * p->n_blocks + b] < 0)
				continue;
			(*both)++;
			*changed += !objective_kept(p, l, b, &s->sessions[si]);
		}
}
