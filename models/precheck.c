/*
 * precheck.c - counting checks and the spreading of session limits.
 *
 * Seats in a block: each session needs its own facilitator and room, and
 * holds at most min(room capacity, M) learners, where M is the largest group
 * any session may have (lab max_group or a goal's max_group).  So with F
 * facilitators available the block seats at most the sum of min(cap, M) over
 * its F largest available rooms.  That is a necessary condition only; the
 * models find the rest, but this one is the usual way a cycle fails.
 */
#include "models/precheck.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

static int largest_group(const struct problem *p)
{
	int m = p->config.lab_max_group;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group > m)
			m = p->goals[g].max_group;
	bool sem = p->config.model == MODEL_SEMINAR || p->config.model == MODEL_COMBINATION;
	for (int s = 0; s < p->n_seminars && sem; s++)  /* a seminar block's sections */
		if (p->seminars[s].max_size > m)
			m = p->seminars[s].max_size;
	return m;
}

static int cmp_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/* Room seats of block b, largest first; returns how many rooms. */
static int room_seats(const struct problem *p, int b, int *seats)
{
	int m = largest_group(p), n = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (!p->rooms[r].unavailable[b])
			seats[n++] = p->rooms[r].capacity < m ? p->rooms[r].capacity : m;
	qsort(seats, (size_t)n, sizeof(int), cmp_desc);
	return n;
}

static int learners_available(const struct problem *p, int b)
{
	int n = 0;
	for (int l = 0; l < p->n_learners; l++)
		n += !p->learners[l].unavailable[b];
	return n;
}

/* Fewest sessions that can seat n learners in block b with the rooms there,
 * or -1 when they cannot. */
static int capacity_min_sessions(const struct problem *p, int b, int n)
{
	int *seats = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int nr = room_seats(p, b, seats), k = 0;
	long sum = 0;
	while (sum < n && k < nr)
		sum += seats[k++];
	free(seats);
	return sum >= n ? k : -1;
}

struct text {
	char *s;
	size_t len, alloc;
};

static void text_add(struct text *t, const char *fmt, ...) MCL_PRINTF(2, 3);

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	xgrow((void **)&t->s, &t->alloc, t->len + (size_t)n + 1, 1);
	memcpy(t->s + t->len, buf, (size_t)n + 1);
	t->len += (size_t)n;
}

char *precheck_counts(const struct problem *p, const int *blocks, int n_blocks,
		     const bool *allowed)
{
	struct text t = { 0 };
	int *seats = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int m = largest_group(p);
	long need_total = 0;
	for (int j = 0; j < n_blocks; j++) {
		int b = blocks[j];
		int nl = learners_available(p, b);
		if (nl == 0)
			continue;
		int nf = 0;
		for (int f = 0; f < p->n_facilitators; f++)
			nf += !p->facilitators[f].unavailable[b] &&
			      (!allowed || allowed[(long)f * p->n_blocks + b]);
		int nr = room_seats(p, b, seats);
		int k = nf < nr ? nf : nr;
		long sum = 0;
		for (int i = 0; i < k; i++)
			sum += seats[i];
		if (sum < nl) {
			const char *limit = nf < nr ? "facilitators" : "rooms";
			text_add(&t, "block '%s': %d learners are available but at most %ld can be "
				 "seated: %d facilitator%s%s and %d room%s are available, and a "
				 "session holds at most min(room capacity, %d); short by %ld "
				 "seat%s.  The %s run out first: add %s, make fewer learners "
				 "available in '%s', or raise lab max_group.\n",
				 p->blocks[b].id, nl, sum, nf, nf == 1 ? "" : "s",
				 allowed ? " (within their max_sessions)" : "", nr,
				 nr == 1 ? "" : "s", m, (long)nl - sum, nl - sum == 1 ? "" : "s",
				 limit, nf < nr ? "a facilitator" : "a room or larger rooms",
				 p->blocks[b].id);
		}
		int ms = capacity_min_sessions(p, b, nl);
		need_total += ms > 0 ? ms : 0;
	}
	if (!allowed) {
		long supply = 0;
		for (int f = 0; f < p->n_facilitators; f++) {
			int avail = 0;
			for (int j = 0; j < n_blocks; j++)
				avail += !p->facilitators[f].unavailable[blocks[j]];
			supply += p->facilitators[f].max_sessions < avail
					  ? p->facilitators[f].max_sessions
					  : avail;
		}
		if (supply < need_total)
			text_add(&t, "the cycle needs at least %ld sessions to seat every learner "
				 "in every block, but the facilitators' max_sessions allow only "
				 "%ld; short by %ld.  Raise max_sessions or add a facilitator.\n",
				 need_total, supply, need_total - supply);
	}
	free(seats);
	return t.s;
}

bool *precheck_spread_limits(const struct problem *p, const int *blocks, int n_blocks)
{
	int nb = p->n_blocks;
	bool *allowed = xcalloc((size_t)p->n_facilitators * (size_t)nb + 1, sizeof(bool));
	/* Staff a block still wants: sessions it needs at least, minus the
	 * facilitators who may lead there; limited facilitators go where the
	 * most is wanted. */
	int *want = xcalloc((size_t)nb + 1, sizeof(int));
	for (int j = 0; j < n_blocks; j++) {
		int b = blocks[j];
		int nl = learners_available(p, b);
		int ms = capacity_min_sessions(p, b, nl);
		want[b] = ms > 0 ? ms : 0;
	}
	int *order = xmalloc(sizeof(int) * (size_t)(n_blocks + 1));
	for (int pass = 0; pass < 2; pass++) {
		for (int f = 0; f < p->n_facilitators; f++) {
			const struct facilitator *fa = &p->facilitators[f];
			int avail = 0;
			for (int j = 0; j < n_blocks; j++)
				avail += !fa->unavailable[blocks[j]];
			int limited = fa->max_sessions < avail;
			if (limited != pass)
				continue;
			int n = 0;
			for (int j = 0; j < n_blocks; j++)
				if (!fa->unavailable[blocks[j]])
					order[n++] = blocks[j];
			int take = limited ? fa->max_sessions : n;
			/* choose the take blocks with the largest want, ties by time */
			for (int a = 0; a < take && a < n; a++) {
				int bi = a;
				for (int c = a + 1; c < n; c++)
					if (want[order[c]] > want[order[bi]])
						bi = c;
				int tmp = order[a];
				order[a] = order[bi];
				order[bi] = tmp;
				allowed[(long)f * nb + order[a]] = true;
				want[order[a]]--;
			}
		}
	}
	free(order);
	free(want);
	return allowed;
}
