/*
 * replan_keep.c - what of the previous schedule a replan can keep.
 *
 * The keep term rewards every learner-block whose session is unchanged, so
 * the best start for the later blocks is the previous schedule itself,
 * less what the changed school no longer allows.  This file takes the
 * previous sessions after --after one section at a time, in the previous
 * file's order (by block), and keeps a section when its facilitator and
 * rooms are still free, available and fit, and enough of its learners may
 * still attend every meeting (available, not placed elsewhere, a ready
 * need with sessions left or an eligible choice).  When its facilitator
 * cannot lead it any more (an absence), a cover leads it instead: a
 * facilitator with the expertise (gurus first) who is free in every block
 * of the section and had no session of their own there, so that the
 * learners stay where they were and only the leader changes.  Greedy and in one pass:
 * the learners it leaves without a place (the absent facilitator's, say)
 * are then seated in a kept session of their block where one fits (a need
 * they have, else a lab), and whoever is left is planned by the model in
 * replan.c's view.
 */
#include "replan_keep.h"

#include <stdlib.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/model.h"
#include "models/precheck.h"

struct keeper {
	const struct problem *p;
	struct solution *fz;
	bool *fac_used, *room_used;     /* [f * n_blocks + b], [r * n_blocks + b] */
	int *led;                       /* [f] sessions led in fz */
	int *need_cnt;                  /* [n_needs] workshop sessions in fz */
	int *sem_cnt;                   /* [l] seminars enrolled in fz */
	int *first, *next;              /* learners of each previous session */
	int *learner_of;                /* list cells: learner */
	int *meet_next;                 /* [prev session] next meeting of its section */
	bool *prev_busy;                /* [f * n_blocks + b] led a previous session */
	int *cover;                     /* facilitators, gurus of the offering first:
					 * set per section by keep_section */
};

static enum session_kind kind_of(enum lock_offering k)
{
	return k == LOCK_GOAL ? SESSION_WORKSHOP : k == LOCK_SEMINAR ? SESSION_SEMINAR : SESSION_LAB;
}

/* Whether previous session ps may meet again as it did, led by f
 * (learners aside). */
static bool session_fits(const struct keeper *k, const struct prev_session *ps, int f)
{
	const struct problem *p = k->p;
	int b = ps->block, nb = p->n_blocks;
	if (ps->kind == LOCK_ANY || !problem_block_scheduled(p, b))
		return false;
	if (p->facilitators[f].unavailable[b] || k->fac_used[(long)f * nb + b] ||
	    p->rooms[ps->room].unavailable[b] || k->room_used[(long)ps->room * nb + b])
		return false;
	const struct room *rm = &p->rooms[ps->room];
	switch (ps->kind) {
	case LOCK_GOAL:
		return p->blocks[b].kind == BLOCK_WORKSHOP &&
		       p->goals[ps->offering].mode == GOAL_FACILITATED &&
		       problem_block_allows(p, b, ps->offering) &&
		       problem_goal_level(p, f, ps->offering) >= LEVEL_ABLE &&
		       problem_room_has(rm, p->goals[ps->offering].feature);
	case LOCK_SEMINAR:
		return p->blocks[b].kind == BLOCK_SEMINAR &&
		       problem_seminar_level(p, f, ps->offering) >= LEVEL_ABLE &&
		       problem_room_has(rm, p->seminars[ps->offering].feature);
	case LOCK_LAB:
		return problem_room_has(rm, p->lab_feature);
	case LOCK_ANY:
		break;
	}
	return false;
}

/* Whether learner l may stay in every meeting of the section headed by h. */
static bool learner_fits(const struct keeper *k, int h, int l, int meetings)
{
	const struct problem *p = k->p;
	const struct previous *pv = p->previous;
	const struct prev_session *ps = &pv->sessions[h];
	bool power = model_row(p)->whole_cycle_groups;
	for (int j = h; j >= 0; j = k->meet_next[j]) {
		int b = pv->sessions[j].block;
		if (p->learners[l].unavailable[b] && (power || ps->kind == LOCK_GOAL))
			continue;       /* misses that meeting only */
		if (p->learners[l].unavailable[b] || solution_attend_at(k->fz, l, b) >= 0 ||
		    pv->attend[(long)l * p->n_blocks + b] != j)
			return false;
	}
	if (ps->kind == LOCK_GOAL) {
		int q = objective_need_of(p, l, ps->offering);
		return q >= 0 && p->needs[q].ready &&
		       (power || k->need_cnt[q] + meetings <= p->needs[q].sessions);
	}
	if (ps->kind == LOCK_SEMINAR) {
		int c = objective_choice_of(p, l, ps->offering);
		return c >= 0 && p->choices[c].eligible &&
		       k->sem_cnt[l] < p->config.seminars_per_learner;
	}
	return true;
}

/* Keeps the section headed by h when it fits; returns sessions added. */
/* f, when f may lead every meeting of the section headed by h (free,
 * available, with the expertise, within max_sessions) and, when f is a
 * cover, had no session of its own in those blocks; else -1. */
static int leader(const struct keeper *k, int h, int f, int meetings)
{
	const struct problem *p = k->p;
	const struct previous *pv = p->previous;
	if (k->led[f] + meetings > p->facilitators[f].max_sessions)
		return -1;
	for (int j = h; j >= 0; j = k->meet_next[j]) {
		const struct prev_session *pj = &pv->sessions[j];
		if (!session_fits(k, pj, f) ||
		    (f != pj->facilitator && k->prev_busy[(long)f * p->n_blocks + pj->block]))
			return -1;
	}
	return f;
}

static int keep_section(struct keeper *k, int h)
{
	const struct problem *p = k->p;
	const struct previous *pv = p->previous;
	const struct prev_session *ps = &pv->sessions[h];
	int meetings = 0;
	for (int j = h; j >= 0; j = k->meet_next[j])
		meetings++;
	int f = leader(k, h, ps->facilitator, meetings);
	int nc = 0;
	for (int lv = LEVEL_GURU; lv >= LEVEL_ABLE && f < 0; lv--)
		for (int c = 0; c < p->n_facilitators; c++) {
			enum level have = ps->kind == LOCK_GOAL ? problem_goal_level(p, c, ps->offering) :
					  ps->kind == LOCK_SEMINAR ?
					  problem_seminar_level(p, c, ps->offering) : LEVEL_ABLE;
			if ((int)have == lv)
				k->cover[nc++] = c;
		}
	for (int c = 0; c < nc && f < 0; c++)
		if (k->cover[c] != ps->facilitator)
			f = leader(k, h, k->cover[c], meetings);
	if (f < 0)
		return 0;
	int n = 0, *who = xmalloc(sizeof(int) * ((size_t)p->n_learners + 1));
	for (int c = k->first[h]; c >= 0; c = k->next[c])
		if (learner_fits(k, h, k->learner_of[c], meetings))
			who[n++] = k->learner_of[c];
	int lo = ps->kind == LOCK_GOAL ? p->goals[ps->offering].min_group :
		 ps->kind == LOCK_SEMINAR ? p->seminars[ps->offering].min_size : 1;
	int hi = ps->kind == LOCK_GOAL ? p->goals[ps->offering].max_group :
		 ps->kind == LOCK_SEMINAR ? p->seminars[ps->offering].max_size :
		 p->config.lab_max_group;
	bool ok = n >= lo && n <= hi;
	for (int j = h; j >= 0 && ok; j = k->meet_next[j])
		ok = n <= p->rooms[pv->sessions[j].room].capacity;
	int added = 0, head = -1;
	for (int j = h; j >= 0 && ok; j = k->meet_next[j]) {
		const struct prev_session *pj = &pv->sessions[j];
		struct session s = { .kind = kind_of(pj->kind), .offering = pj->offering,
				     .block = pj->block, .room = pj->room, .facilitator = f };
		int si = solution_add_session(k->fz, &s);
		head = head < 0 ? si : head;
		k->fz->sessions[si].section = head;
		k->fac_used[(long)f * p->n_blocks + pj->block] = true;
		k->room_used[(long)pj->room * p->n_blocks + pj->block] = true;
		k->led[f]++;
		for (int i = 0; i < n; i++)
			if (!p->learners[who[i]].unavailable[pj->block])
				*solution_attend(k->fz, who[i], pj->block) = si;
		added++;
	}
	for (int i = 0; i < n && ok; i++) {
		if (ps->kind == LOCK_GOAL)
			k->need_cnt[objective_need_of(p, who[i], ps->offering)] += meetings;
		k->sem_cnt[who[i]] += ps->kind == LOCK_SEMINAR;
	}
	free(who);
	return added;
}

/* Fills k's tables from fz and the previous schedule. */
static void keeper_init(struct keeper *k, const struct problem *p, struct solution *fz)
{
	const struct previous *pv = p->previous;
	int nb = p->n_blocks;
	long cells = (long)p->n_learners * nb;
	k->p = p;
	k->fz = fz;
	k->fac_used = xcalloc((size_t)p->n_facilitators * (size_t)nb + 1, sizeof(bool));
	k->room_used = xcalloc((size_t)p->n_rooms * (size_t)nb + 1, sizeof(bool));
	k->led = xcalloc((size_t)p->n_facilitators + 1, sizeof(int));
	k->need_cnt = xcalloc((size_t)p->n_needs + 1, sizeof(int));
	k->sem_cnt = xcalloc((size_t)p->n_learners + 1, sizeof(int));
	for (size_t i = 0; i < fz->n_sessions; i++) {
		const struct session *s = &fz->sessions[i];
		k->fac_used[(long)s->facilitator * nb + s->block] = true;
		k->room_used[(long)s->room * nb + s->block] = true;
		k->led[s->facilitator]++;
	}
	struct tally t;
	tally_init(&t, p);
	tally_add_solution(&t, p, fz);
	for (int q = 0; q < p->n_needs; q++)
		k->need_cnt[q] = t.need_cnt[q];
	for (int l = 0; l < p->n_learners; l++)
		for (int c = p->choice_start[l]; c < p->choice_start[l + 1]; c++)
			k->sem_cnt[l] += t.enrolled[c];
	tally_release(&t);
	k->prev_busy = xcalloc((size_t)p->n_facilitators * (size_t)nb + 1, sizeof(bool));
	k->cover = xmalloc(sizeof(int) * ((size_t)p->n_facilitators + 1));
	for (int i = 0; i < pv->n_sessions; i++)
		if (pv->sessions[i].kind != LOCK_ANY && pv->sessions[i].facilitator >= 0)
			k->prev_busy[(long)pv->sessions[i].facilitator * nb + pv->sessions[i].block] = true;
	k->first = xmalloc(sizeof(int) * ((size_t)pv->n_sessions + 1));
	k->meet_next = xmalloc(sizeof(int) * ((size_t)pv->n_sessions + 1));
	k->next = xmalloc(sizeof(int) * ((size_t)cells + 1));
	k->learner_of = xmalloc(sizeof(int) * ((size_t)cells + 1));
	for (int i = 0; i < pv->n_sessions; i++)
		k->first[i] = k->meet_next[i] = -1;
	int *last = xmalloc(sizeof(int) * ((size_t)pv->n_sessions + 1));
	for (int i = 0; i < pv->n_sessions; i++)
		last[i] = i;
	for (int i = 0; i < pv->n_sessions; i++) {
		int h = pv->sessions[i].section;
		if (h != i && h >= 0) {
			k->meet_next[last[h]] = i;
			last[h] = i;
		}
	}
	free(last);
	int n = 0;
	for (long c = cells - 1; c >= 0; c--) {
		int j = pv->attend[c];
		if (j < 0)
			continue;
		k->learner_of[n] = (int)(c / nb);
		k->next[n] = k->first[j];
		k->first[j] = n++;
	}
}

/* The best kept session of block b for learner l: a workshop of a ready
 * need with sessions left (the highest weight), else (labs) a lab, with a
 * seat free; -1 when none.  size: fz's session sizes. */
static int best_seat(const struct keeper *k, int l, int b, const int *size, bool labs)
{
	const struct problem *p = k->p;
	const struct solution *fz = k->fz;
	int best = -1;
	double best_w = -1;
	for (size_t i = 0; i < fz->n_sessions; i++) {
		const struct session *s = &fz->sessions[i];
		if (s->block != b || s->section != (int)i || size[i] >= p->rooms[s->room].capacity)
			continue;
		double w = -1;
		if (s->kind == SESSION_LAB && labs && size[i] < p->config.lab_max_group) {
			w = 0;
		} else if (s->kind == SESSION_WORKSHOP && size[i] < p->goals[s->offering].max_group) {
			int q = objective_need_of(p, l, s->offering);
			if (q >= 0 && p->needs[q].ready && k->need_cnt[q] < p->needs[q].sessions)
				w = problem_need_weight(p, &p->needs[q]) + 1;
		}
		if (w > best_w) {
			best_w = w;
			best = (int)i;
		}
	}
	return best;
}

/* Seats the learners the kept sessions left without a place in a later
 * block (the absent facilitator's, a learner who joined) in a kept session
 * of the block (in a seminar block a kept lab: a section keeps its
 * learners), so that the model has to open sessions only for those who fit
 * nowhere; without labs, only in kept workshops of a need (the model may
 * open a workshop for the rest).  The power-goal model is left to the
 * model (a group keeps its learners). */
static void seat_displaced(struct keeper *k, bool labs)
{
	const struct problem *p = k->p;
	struct solution *fz = k->fz;
	if (model_row(p)->whole_cycle_groups)
		return;
	solution_recount(fz);
	int *size = xmalloc(sizeof(int) * (fz->n_sessions + 1));
	for (size_t i = 0; i < fz->n_sessions; i++)
		size[i] = fz->sessions[i].size;
	for (int b = p->previous->after + 1; b < p->n_blocks; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		for (int l = 0; l < p->n_learners; l++) {
			if (p->learners[l].unavailable[b] || solution_attend_at(fz, l, b) >= 0)
				continue;
			int si = best_seat(k, l, b, size, labs);
			if (si < 0)
				continue;
			*solution_attend(fz, l, b) = si;
			size[si]++;
			if (fz->sessions[si].kind == SESSION_WORKSHOP)
				k->need_cnt[objective_need_of(p, l, fz->sessions[si].offering)]++;
		}
	}
	free(size);
	solution_recount(fz);
}

int replan_keep_add(const struct problem *p, struct solution *fz, const bool *dropped, bool labs)
{
	const struct previous *pv = p->previous;
	struct keeper k;
	keeper_init(&k, p, fz);
	int added = 0;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		if (ps->section == i && !ps->frozen && ps->block > pv->after && !dropped[i])
			added += keep_section(&k, i);
	}
	if (added)
		seat_displaced(&k, labs);
	free(k.fac_used);
	free(k.room_used);
	free(k.led);
	free(k.need_cnt);
	free(k.sem_cnt);
	free(k.first);
	free(k.next);
	free(k.learner_of);
	free(k.meet_next);
	free(k.prev_busy);
	free(k.cover);
	return added;
}

static int cmp_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/* Whether a session of fz in block b is led by facilitator f. */
static bool leads(const struct solution *fz, int f, int b)
{
	for (size_t i = 0; i < fz->n_sessions; i++)
		if (fz->sessions[i].block == b && fz->sessions[i].facilitator == f)
			return true;
	return false;
}

long replan_keep_seats_left(const struct problem *p, const struct solution *fz, int b,
			    const int *led)
{
	int free_f = 0, free_r = 0, cap = 0;
	for (int f = 0; f < p->n_facilitators; f++)
		free_f += !p->facilitators[f].unavailable[b] && !leads(fz, f, b) &&
			  led[f] < p->facilitators[f].max_sessions;
	for (int r = 0; r < p->n_rooms; r++) {
		bool used = false;
		for (size_t i = 0; i < fz->n_sessions && !used; i++)
			used = fz->sessions[i].block == b && fz->sessions[i].room == r;
		if (p->rooms[r].unavailable[b] || used)
			continue;
		free_r++;
		cap = p->rooms[r].capacity > cap ? p->rooms[r].capacity : cap;
	}
	int n = free_f < free_r ? free_f : free_r;
	return (long)n * (cap < p->config.lab_max_group ? cap : p->config.lab_max_group);
}

/* The smallest kept single-meeting session of block b still led by its
 * own facilitator and not yet dropped (previous session index), or -1.
 * prev_size: learners of each previous session. */
static int smallest_kept(const struct problem *p, const struct solution *fz, const bool *dropped,
			 const int *meetings, const int *prev_size, int b)
{
	const struct previous *pv = p->previous;
	int best = -1;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		if (ps->block != b || ps->frozen || dropped[i] || ps->section != i ||
		    meetings[i] != 1 || ps->kind == LOCK_ANY || !leads(fz, ps->facilitator, b))
			continue;
		if (best < 0 || prev_size[i] < prev_size[best])
			best = i;
	}
	return best;
}

/* The fewest sessions that could seat n learners in block b in the rooms
 * fz leaves free there (each at most the largest group); n_rooms + 1 when
 * they cannot. */
static int fewest_sessions(const struct problem *p, const struct solution *fz, int b, long n)
{
	int m = precheck_largest_group(p), nr = 0;
	int *seats = xmalloc(sizeof(int) * ((size_t)p->n_rooms + 1));
	bool *used = xcalloc((size_t)p->n_rooms + 1, sizeof(bool));
	for (size_t i = 0; i < fz->n_sessions; i++)
		if (fz->sessions[i].block == b)
			used[fz->sessions[i].room] = true;
	for (int r = 0; r < p->n_rooms; r++)
		if (!p->rooms[r].unavailable[b] && !used[r])
			seats[nr++] = p->rooms[r].capacity < m ? p->rooms[r].capacity : m;
	qsort(seats, (size_t)nr, sizeof(int), cmp_desc);
	int k = 0;
	long sum = 0;
	while (sum < n && k < nr)
		sum += seats[k++];
	free(seats);
	free(used);
	return sum >= n ? k : p->n_rooms + 1;
}

/* Whether a room with the lab feature is available and free in block b
 * of fz (any room when labs need none). */
static bool lab_room_left(const struct problem *p, const struct solution *fz, int b)
{
	for (int r = 0; r < p->n_rooms; r++) {
		bool used = p->rooms[r].unavailable[b] || !problem_room_has(&p->rooms[r], p->lab_feature);
		for (size_t i = 0; i < fz->n_sessions && !used; i++)
			used = fz->sessions[i].block == b && fz->sessions[i].room == r;
		if (!used)
			return true;
	}
	return false;
}

/* The smallest kept single-meeting workshop of block b in a room with the
 * lab feature (previous session index), or -1: dropping it frees a lab
 * room and a facilitator for the learners waiting there. */
static int smallest_in_lab_room(const struct problem *p, const struct solution *fz,
				const bool *dropped, const int *meetings, const int *prev_size, int b)
{
	const struct previous *pv = p->previous;
	int best = -1;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		if (ps->block != b || ps->frozen || dropped[i] || ps->section != i ||
		    meetings[i] != 1 || ps->kind != LOCK_GOAL ||
		    !problem_room_has(&p->rooms[ps->room], p->lab_feature))
			continue;
		bool kept = false;
		for (size_t j = 0; j < fz->n_sessions && !kept; j++)
			kept = fz->sessions[j].block == b && fz->sessions[j].room == ps->room &&
			       fz->sessions[j].kind == SESSION_WORKSHOP;
		if (kept && (best < 0 || prev_size[i] < prev_size[best]))
			best = i;
	}
	return best;
}

/* For block b, short of facilitators: a facilitator free and available
 * in b with no session left (left[f]) frees a unit by giving up one kept
 * single-meeting session of a later block; the one whose learners the
 * spare seats of that block's kept labs hold best (then the smallest).
 * Returns that previous session, or -1. */
static int budget_drop(const struct problem *p, const struct solution *fz, const bool *dropped,
		       const int *meetings, const int *left, const int *prev_size,
		       const long *spare, int b)
{
	const struct previous *pv = p->previous;
	int best = -1;
	long best_out = 0, best_n = 0;
	for (int i = 0; i < pv->n_sessions; i++) {
		const struct prev_session *ps = &pv->sessions[i];
		int f = ps->facilitator;
		if (ps->frozen || dropped[i] || ps->section != i || meetings[i] != 1 ||
		    ps->kind == LOCK_ANY || f < 0 || ps->block <= pv->after || ps->block == b ||
		    left[f] > 0 || p->facilitators[f].unavailable[b] ||
		    leads(fz, f, b) || !leads(fz, f, ps->block))
			continue;
		long out = prev_size[i] - spare[ps->block];
		out = out > 0 ? out : 0;
		if (best < 0 || out < best_out || (out == best_out && prev_size[i] < best_n)) {
			best = i;
			best_out = out;
			best_n = prev_size[i];
		}
	}
	return best;
}

/* prev_size[i]: learners of previous session i; spare[b]: free seats of
 * fz's labs in block b (lab.max_group and the room's capacity). */
static void sizes(const struct problem *p, const struct solution *fz, int *prev_size, long *spare)
{
	const struct previous *pv = p->previous;
	int nb = p->n_blocks;
	int *size = xcalloc(fz->n_sessions + 1, sizeof(int));
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < nb; b++) {
			int j = pv->attend[(long)l * nb + b], si = solution_attend_at(fz, l, b);
			prev_size[j >= 0 ? j : pv->n_sessions]++;
			size[si >= 0 ? si : (int)fz->n_sessions]++;
		}
	for (size_t i = 0; i < fz->n_sessions; i++) {
		const struct session *s = &fz->sessions[i];
		int cap = p->rooms[s->room].capacity < p->config.lab_max_group ?
			  p->rooms[s->room].capacity : p->config.lab_max_group;
		if (s->kind == SESSION_LAB && cap > size[i])
			spare[s->block] += cap - size[i];
	}
	free(size);
}

/* What replan_keep_shortfall works with. */
struct staffing {
	const struct problem *p;
	const struct solution *fz;
	bool *dropped;
	const int *meetings, *prev_size;
	const long *spare;
	bool *busy, *as;        /* [f * n_blocks + b]: leads in fz; assigned below */
	int *left;              /* [f]: max_sessions less the sessions led in fz */
	int *prev, *via, *queue;        /* [b]: the search of augment */
};

/* One augmenting path for block b: breadth first over the blocks, from b
 * through facilitators assigned elsewhere (moved to this block, their
 * block then needing one) to a facilitator free and available with a
 * session left; applies it and returns true, else false (st->prev[x] !=
 * -2 then marks the blocks reached). */
static bool augment(struct staffing *st, int b)
{
	const struct problem *p = st->p;
	int nb = p->n_blocks, nf = p->n_facilitators;
	for (int i = 0; i < nb; i++)
		st->prev[i] = -2;
	st->prev[b] = -1;
	int head = 0, tail = 0, end = -1, end_f = -1;
	st->queue[tail++] = b;
	while (head < tail && end < 0) {
		int x = st->queue[head++];
		for (int f = 0; f < nf && end < 0; f++) {
			long fx = (long)f * nb + x;
			if (p->facilitators[f].unavailable[x] || st->busy[fx] || st->as[fx])
				continue;
			if (st->left[f] > 0) {
				end = x;
				end_f = f;
				break;
			}
			for (int y = 0; y < nb; y++)
				if (st->as[(long)f * nb + y] && st->prev[y] == -2) {
					st->prev[y] = x;
					st->via[y] = f;
					st->queue[tail++] = y;
				}
		}
	}
	if (end < 0)
		return false;
	st->left[end_f]--;
	st->as[(long)end_f * nb + end] = true;
	for (int y = end; st->prev[y] >= 0; y = st->prev[y]) {
		st->as[(long)st->via[y] * nb + y] = false;
		st->as[(long)st->via[y] * nb + st->prev[y]] = true;
	}
	return true;
}

/* Marks previous session i dropped: its facilitator is free in its block
 * and has a session more left. */
static void staffing_drop(struct staffing *st, int i)
{
	const struct prev_session *ps = &st->p->previous->sessions[i];
	st->dropped[i] = true;
	st->busy[(long)ps->facilitator * st->p->n_blocks + ps->block] = false;
	st->left[ps->facilitator]++;
}

/* The model's staffing count: each block where learners wait needs
 * fewest_sessions sessions, each led by a facilitator free and available
 * there, one a block, within max_sessions less the sessions they lead in
 * fz.  Facilitators are assigned block by block along augmenting paths;
 * where none is found, the smallest kept session of a block the search
 * reached is dropped (its facilitator may then lead there), else a kept
 * session elsewhere of a facilitator free in the block with none left
 * (budget_drop).  Returns how many were dropped. */
static int unstaffed(struct staffing *st, const long *waiting)
{
	const struct problem *p = st->p;
	int nb = p->n_blocks, marked = 0;
	for (int b = 0; b < nb; b++) {
		long need = waiting[b] ? fewest_sessions(p, st->fz, b, waiting[b]) : 0;
		while (need > 0) {
			if (augment(st, b)) {
				need--;
				continue;
			}
			int best = -1;
			for (int x = 0; x < nb; x++) {
				int i = st->prev[x] == -2 ? -1 :
					smallest_kept(p, st->fz, st->dropped, st->meetings,
						      st->prev_size, x);
				if (i >= 0 && (best < 0 || st->prev_size[i] < st->prev_size[best]))
					best = i;
			}
			if (best < 0)
				best = budget_drop(p, st->fz, st->dropped, st->meetings, st->left,
						   st->prev_size, st->spare, b);
			if (best < 0)
				break;
			staffing_drop(st, best);
			marked++;
		}
	}
	return marked;
}

int replan_keep_shortfall(const struct problem *p, const struct solution *fz, bool *dropped)
{
	const struct previous *pv = p->previous;
	int marked = 0, nb = p->n_blocks, nf = p->n_facilitators;
	int *led = xcalloc((size_t)nf + 1, sizeof(int));
	int *meetings = xcalloc((size_t)pv->n_sessions + 1, sizeof(int));
	long *waiting = xcalloc((size_t)nb + 1, sizeof(long));
	long *spare = xcalloc((size_t)nb + 1, sizeof(long));
	int *prev_size = xcalloc((size_t)pv->n_sessions + 1, sizeof(int));
	struct staffing st = {
		.p = p, .fz = fz, .dropped = dropped, .meetings = meetings,
		.prev_size = prev_size, .spare = spare,
		.busy = xcalloc((size_t)nf * (size_t)nb + 1, sizeof(bool)),
		.as = xcalloc((size_t)nf * (size_t)nb + 1, sizeof(bool)),
		.left = xmalloc(sizeof(int) * ((size_t)nf + 1)),
		.prev = xmalloc(sizeof(int) * ((size_t)nb + 1)),
		.via = xmalloc(sizeof(int) * ((size_t)nb + 1)),
		.queue = xmalloc(sizeof(int) * ((size_t)nb + 1)),
	};
	sizes(p, fz, prev_size, spare);
	for (size_t i = 0; i < fz->n_sessions; i++) {
		led[fz->sessions[i].facilitator]++;
		st.busy[(long)fz->sessions[i].facilitator * nb + fz->sessions[i].block] = true;
	}
	for (int f = 0; f < nf; f++)
		st.left[f] = p->facilitators[f].max_sessions - led[f];
	for (int i = 0; i < pv->n_sessions; i++)
		meetings[pv->sessions[i].section]++;
	for (int b = pv->after + 1; b < nb; b++) {
		if (!problem_block_scheduled(p, b))
			continue;
		for (int l = 0; l < p->n_learners; l++)
			waiting[b] += !p->learners[l].unavailable[b] && solution_attend_at(fz, l, b) < 0;
		if (!waiting[b])
			continue;
		/* no lab room free: a kept workshop in one, for a lab of those
		 * waiting with no need left (zoo seed 10, the absent
		 * facilitator's learners); else, when the block is short, a
		 * facilitator's unit from elsewhere, else this block's smallest
		 * kept session for the model to plan again */
		int best = lab_room_left(p, fz, b) ? -1 :
			   smallest_in_lab_room(p, fz, dropped, meetings, prev_size, b);
		if (best < 0 && waiting[b] <= replan_keep_seats_left(p, fz, b, led))
			continue;
		if (best < 0)
			best = budget_drop(p, fz, dropped, meetings, st.left, prev_size, spare, b);
		if (best < 0)
			best = smallest_kept(p, fz, dropped, meetings, prev_size, b);
		if (best >= 0) {
			dropped[best] = true;
			marked++;
		}
	}
	/* every block can seat its own: the facilitators' max_sessions over
	 * the cycle may still not staff them all (a learner who joined, the
	 * labs full; a part-time facilitator the only one free in three
	 * blocks) */
	if (!marked)
		marked = unstaffed(&st, waiting);
	free(st.busy);
	free(st.as);
	free(st.left);
	free(st.prev);
	free(st.via);
	free(st.queue);
	free(waiting);
	free(spare);
	free(prev_size);
	free(meetings);
	free(led);
	return marked;
}
