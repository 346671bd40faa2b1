/*
 * verify_sessions.c - verify's reading of sessions.csv: each row resolved
 * by id against the validated inputs (rules 2, 3, 4 and 7 on each row) and
 * the resources across rows (rules 3 and 4), with dense block x facilitator
 * and block x room tables so a 6000-learner cycle verifies in linear time.
 */
#define _POSIX_C_SOURCE 200809L
#include "verify_rules.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const struct vsession *sort_base;

static int cmp_sid(const void *a, const void *b)
{
	return strcmp(sort_base[*(const int *)a].id, sort_base[*(const int *)b].id);
}

int verify_find_session(const struct verifier *v, const char *id)
{
	int lo = 0, hi = v->n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2, c = strcmp(id, v->s[v->sorted[mid]].id);
		if (!c)
			return v->sorted[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Reads the rows of sessions.csv; rules 2, 3, 4 and 7 on each row. */
void verify_read_sessions(struct verifier *v, const struct csv_table *t)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	int c_id = csv_table_col(t, "session_id"), c_kind = csv_table_col(t, "kind"),
	    c_off = csv_table_col(t, "offering_id"), c_blk = csv_table_col(t, "block_id"),
	    c_room = csv_table_col(t, "room_id"), c_fac = csv_table_col(t, "facilitator_id"),
	    c_size = csv_table_col(t, "size");
	v->s = xcalloc((size_t)t->n_rows + 1, sizeof(*v->s));
	v->n = t->n_rows;
	for (int r = 0; r < t->n_rows; r++) {
		struct vsession *s = &v->s[r];
		char **row = t->rows[r];
		s->id = xstrdup(row[c_id]);
		s->line = t->line[r];
		s->section = -1;
		s->kind = !strcmp(row[c_kind], "workshop") ? SESSION_WORKSHOP
			  : !strcmp(row[c_kind], "seminar") ? SESSION_SEMINAR
			  : !strcmp(row[c_kind], "lab")     ? SESSION_LAB
							    : -1;
		s->block = problem_find_block(p, row[c_blk]);
		s->room = problem_find_room(p, row[c_room]);
		s->facilitator = problem_find_facilitator(p, row[c_fac]);
		s->offering = s->kind == SESSION_WORKSHOP ? problem_find_goal(p, row[c_off])
			      : s->kind == SESSION_SEMINAR ? problem_find_seminar(p, row[c_off])
							   : -1;
		char *end;
		errno = 0;
		long size = strtol(row[c_size], &end, 10);
		s->size = (int)size;
		if (s->kind < 0)
			verify_violation(v, F, s->line, "session '%s' has unknown kind '%s'", s->id,
				  row[c_kind]);
		if (s->block < 0)
			verify_violation(v, F, s->line, "session '%s' is in unknown block '%s'", s->id,
				  row[c_blk]);
		if (s->room < 0)
			verify_violation(v, F, s->line, "session '%s' is in unknown room '%s'", s->id,
				  row[c_room]);
		if (s->facilitator < 0)
			verify_violation(v, F, s->line, "session '%s' has unknown facilitator '%s'", s->id,
				  row[c_fac]);
		if (s->kind != SESSION_LAB && s->kind >= 0 && s->offering < 0)
			verify_violation(v, F, s->line, "session '%s' has unknown %s '%s'", s->id,
				  s->kind == SESSION_WORKSHOP ? "goal" : "seminar", row[c_off]);
		if (s->kind == SESSION_LAB && *row[c_off])
			verify_violation(v, F, s->line, "lab session '%s' names an offering '%s'", s->id,
				  row[c_off]);
		if (*end || end == row[c_size] || errno || size < 0 || size > 1000000)
			verify_violation(v, F, s->line, "session '%s' has a bad size '%s'", s->id,
				  row[c_size]);
		if (s->kind < 0 || s->block < 0 || s->room < 0 || s->facilitator < 0 ||
		    (s->kind != SESSION_LAB && s->offering < 0)) {
			s->kind = -1;   /* unusable: skip the rules that need it */
			v->unusable = true;
			continue;
		}
		const struct block *b = &p->blocks[s->block];
		/* rule 2 */
		if (!problem_block_scheduled(p, s->block))
			verify_violation(v, F, s->line, "session '%s' is in block '%s', which the %s model "
				  "does not schedule (rule 2)", s->id, b->id,
				  problem_model_name(p->config.model));
		if ((s->kind == SESSION_WORKSHOP && b->kind != BLOCK_WORKSHOP) ||
		    (s->kind == SESSION_SEMINAR && b->kind != BLOCK_SEMINAR))
			verify_violation(v, F, s->line, "%s session '%s' is in %s block '%s' (rule 2)",
				  solution_kind_name(s->kind), s->id,
				  b->kind == BLOCK_WORKSHOP ? "workshop" : "seminar", b->id);
		/* rule 3 */
		const struct facilitator *fa = &p->facilitators[s->facilitator];
		if (fa->unavailable[s->block])
			verify_violation(v, F, s->line, "facilitator '%s' is unavailable in block '%s' "
				  "(rule 3)", fa->id, b->id);
		if (s->kind == SESSION_WORKSHOP &&
		    problem_goal_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			verify_violation(v, F, s->line, "facilitator '%s' has no expertise in goal '%s' "
				  "(rule 3)", fa->id, p->goals[s->offering].id);
		if (s->kind == SESSION_SEMINAR &&
		    problem_seminar_level(p, s->facilitator, s->offering) < LEVEL_ABLE)
			verify_violation(v, F, s->line, "facilitator '%s' has no expertise in seminar '%s' "
				  "(rule 3)", fa->id, p->seminars[s->offering].id);
		/* rule 4 */
		const struct room *rm = &p->rooms[s->room];
		if (rm->unavailable[s->block])
			verify_violation(v, F, s->line, "room '%s' is unavailable in block '%s' (rule 4)",
				  rm->id, b->id);
		int feature = s->kind == SESSION_WORKSHOP ? p->goals[s->offering].feature
			      : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].feature
							   : p->lab_feature;
		if (!problem_room_has(rm, feature))
			verify_violation(v, F, s->line, "room '%s' lacks feature '%s' needed by %s"
				  "session '%s' (rule 4)", rm->id, p->features[feature],
				  s->kind == SESSION_LAB ? "lab " : "", s->id);
		/* rule 7, and online goals never meet in workshops */
		if (s->kind == SESSION_WORKSHOP) {
			const struct goal *g = &p->goals[s->offering];
			if (!problem_block_allows(p, s->block, s->offering))
				verify_violation(v, F, s->line, "goal '%s' (area '%s') may not run in block "
					  "'%s' (rule 7)", g->id, p->areas[g->area], b->id);
			if (g->mode == GOAL_ONLINE)
				verify_violation(v, F, s->line, "goal '%s' is online: it is worked on in labs, "
					  "not in workshop session '%s' (rule 6)", g->id, s->id);
		}
	}
	sort_base = v->s;
	v->sorted = xmalloc(sizeof(int) * (size_t)(v->n + 1));
	for (int i = 0; i < v->n; i++)
		v->sorted[i] = i;
	qsort(v->sorted, (size_t)v->n, sizeof(int), cmp_sid);
	for (int i = 1; i < v->n; i++)
		if (!strcmp(v->s[v->sorted[i]].id, v->s[v->sorted[i - 1]].id))
			verify_violation(v, F, v->s[v->sorted[i]].line, "session_id '%s' appears twice",
				  v->s[v->sorted[i]].id);
	int c_sec = csv_table_col(t, "section_id");
	for (int r = 0; r < t->n_rows; r++) {
		int sec = verify_find_session(v, t->rows[r][c_sec]);
		v->s[r].section = sec;
		if (sec < 0) {
			verify_violation(v, F, v->s[r].line, "section_id '%s' is not a session_id",
				  t->rows[r][c_sec]);
			v->s[r].kind = -1;
			v->unusable = true;
		}
	}
}

/* Rules 3 and 4 across rows: one session per facilitator and per room in a
 * block, max_sessions over the cycle. */
void verify_check_resources(struct verifier *v)
{
	const struct problem *p = v->p;
	const char *F = "sessions.csv";
	size_t nb = (size_t)p->n_blocks;
	int *fac = xcalloc(nb * (size_t)p->n_facilitators + 1, sizeof(int));
	int *room = xcalloc(nb * (size_t)p->n_rooms + 1, sizeof(int));
	int *led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	for (int i = 0; i < v->n; i++) {
		const struct vsession *a = &v->s[i];
		if (a->kind < 0)
			continue;
		led[a->facilitator]++;
		int *nf = &fac[(size_t)a->block * (size_t)p->n_facilitators + (size_t)a->facilitator];
		int *nr = &room[(size_t)a->block * (size_t)p->n_rooms + (size_t)a->room];
		if (++*nf >= 2)
			verify_violation(v, F, a->line, "facilitator '%s' leads %d sessions in block '%s' "
				  "(rule 3)", p->facilitators[a->facilitator].id, *nf,
				  p->blocks[a->block].id);
		if (++*nr >= 2)
			verify_violation(v, F, a->line, "room '%s' holds %d sessions in block '%s' (rule 4)",
				  p->rooms[a->room].id, *nr, p->blocks[a->block].id);
	}
	for (int f = 0; f < p->n_facilitators; f++)
		if (led[f] > p->facilitators[f].max_sessions)
			verify_violation(v, F, 0, "facilitator '%s' leads %d sessions in the cycle, above "
				  "max_sessions %d (rule 3)", p->facilitators[f].id, led[f],
				  p->facilitators[f].max_sessions);
	free(led);
	free(room);
	free(fac);
}
