/*
 * changes.c - changes.csv: who moves in a replan, block by block.
 *
 * A learner-block is compared only where both schedules have a session for
 * the learner after --after: a learner who joined or left, or became
 * unavailable, has nothing to compare.  "The same" is the keep term's
 * sense (objective_kept: kind, offering, facilitator and room), so the
 * rows are exactly the learner-blocks the replan did not keep.  The
 * offering ids are what timetable.csv says the learner works on (a lab's
 * credited goal included), read from the previous timetable and computed
 * for the new schedule as output.c does.
 */
#include "changes.h"

#include "engine/objective.h"
#include "outputs/csv_out.h"
#include "outputs/output.h"

/* What learner l works on in session ss of s, their k-th lab (block order). */
static const char *works_on(const struct problem *p, const struct solution *s,
			    const struct session *ss, int l, int k)
{
	if (ss->kind == SESSION_WORKSHOP)
		return p->goals[ss->offering].id;
	if (ss->kind == SESSION_SEMINAR)
		return p->seminars[ss->offering].id;
	int q = objective_lab_credit_in(p, s, l, k);
	return q >= 0 ? p->goals[p->needs[q].goal].id : "";
}

static const char *previous_works_on(const struct problem *p, int l, int b)
{
	int w = p->previous->works_on[(long)l * p->n_blocks + b];
	return w < 0 ? "" : w < p->n_goals ? p->goals[w].id : p->seminars[w - p->n_goals].id;
}

void changes_write(FILE *f, const struct problem *p, const struct solution *s, const int *rank,
		   int width)
{
	const struct previous *pv = p->previous;
	fputs("learner_id,block_id,before_session_id,before_offering_id,after_session_id,"
	      "after_offering_id\n", f);
	for (int l = 0; l < p->n_learners; l++) {
		int labs = 0;
		for (int b = 0; b < p->n_blocks; b++) {
			int si = solution_attend_at(s, l, b);
			int pi = pv->attend[(long)l * p->n_blocks + b];
			const struct session *ss = si >= 0 ? &s->sessions[si] : NULL;
			const char *now = ss ? works_on(p, s, ss, l, labs) : "";
			labs += ss && ss->kind == SESSION_LAB;
			if (b <= pv->after || !ss || pi < 0 || objective_kept(p, l, b, ss))
				continue;
			char id[32];
			output_session_id(id, sizeof(id), width, rank[si]);
			csv_out_text(f, p->learners[l].id);
			fputc(',', f);
			csv_out_text(f, p->blocks[b].id);
			fputc(',', f);
			csv_out_text(f, pv->sessions[pi].id);
			fputc(',', f);
			csv_out_text(f, previous_works_on(p, l, b));
			fprintf(f, ",%s,", id);
			csv_out_text(f, now);
			fputc('\n', f);
		}
	}
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

void changes_summary(FILE *f, const struct problem *p, const struct solution *s)
{
	long changed, both;
	changes_count(p, s, &changed, &both);
	fprintf(f, "learner_blocks_changed,%ld\n", changed);
	fprintf(f, "learner_blocks_changed_pct,%.2f\n", both ? 100.0 * (double)changed / (double)both : 0.0);
}
