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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "models/model.h"
#include "models/precheck_exact.h"

/* Short blocks explained in full; the others get a line each. */
#define PRECHECK_EXPLAINED 3

int precheck_largest_group(const struct problem *p)
{
	int m = p->config.lab_max_group;
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group > m)
			m = p->goals[g].max_group;
	bool sem = model_row(p)->schedules_seminars;
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
	int m = precheck_largest_group(p), n = 0;
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


/* Seats of the k largest of seats[0..n) (sorted largest first) together
 * with extra rooms of m seats each: what k sessions can hold at most. */
static long top_seats(const int *seats, int n, int extra, int m, int k)
{
	long sum = 0;
	for (int i = 0, j = 0; k > 0 && (i < n || j < extra); k--)
		if (j < extra && (i >= n || m >= seats[i])) {
			sum += m;
			j++;
		} else {
			sum += seats[i++];
		}
	return sum;
}

/* Where the largest group size m comes from, for the remedy that raises it. */
static const char *largest_group_name(const struct problem *p, int m)
{
	if (p->config.lab_max_group == m)
		return "lab max_group";
	for (int g = 0; g < p->n_goals; g++)
		if (p->goals[g].mode == GOAL_FACILITATED && p->goals[g].max_group == m)
			return "the goals' max_group";
	return "the seminars' max_size";
}

/*
 * One short block explained: which resource binds and the remedies that
 * close the gap on their own, each with the number needed.  nf facilitators
 * and nr rooms (seats[], largest first, each min(capacity, m)) seat `sum` of
 * nl learners.  Adding facilitators helps only while rooms stand empty;
 * adding rooms of m seats only while facilitators have none; raising m only
 * when rooms in use are larger than m.
 */
static void explain_block(struct text *t, const struct problem *p, int b, int nl, int nf,
			  int nr, const int *seats, long sum, int m, bool limited)
{
	const char *id = p->blocks[b].id;
	long short_by = nl - sum;
	int k = nf < nr ? nf : nr;
	text_add(t, "block '%s': %d learners are available but at most %ld can be seated: "
		 "%d facilitator%s%s and %d room%s are available, so %d session%s at once, "
		 "each holding at most min(room capacity, %d); short by %ld seat%s.\n", id, nl,
		 sum, nf, nf == 1 ? "" : "s", limited ? " (within their max_sessions)" : "", nr,
		 nr == 1 ? "" : "s", k, k == 1 ? "" : "s", m, short_by, short_by == 1 ? "" : "s");
	int remedies = 0;
	/* more facilitators: the empty rooms, largest first */
	for (int x = 1; nf + x <= nr; x++)
		if (top_seats(seats, nr, 0, m, nf + x) >= nl) {
			text_add(t, "  The facilitators are short (%d of the %d rooms stand empty): "
				 "add %d facilitator%s available in '%s'.\n", nr - nf, nr, x,
				 x == 1 ? "" : "s", id);
			remedies++;
			break;
		}
	/* more seats in rooms: rooms of m seats, for the facilitators there */
	for (int y = 1; y <= nf; y++)
		if (top_seats(seats, nr, y, m, nf) >= nl) {
			if (nf > nr && (long)y * m > short_by && y == 1)
				text_add(t, "  The rooms are short (they seat %ld, and %d facilitator%s "
					 "would have none): add a room of at least %ld seat%s "
					 "available in '%s'.\n", sum, nf - nr, nf - nr == 1 ? "" : "s",
					 short_by, short_by == 1 ? "" : "s", id);
			else
				text_add(t, "  The rooms are short (they seat %ld): add %d room%s of "
					 "%d seats available in '%s'%s.\n", sum, y, y == 1 ? "" : "s",
					 m, id, nf > nr ? "" : ", in place of the smallest now used");
			remedies++;
			break;
		}
	/* larger groups: only rooms in use that are larger than m gain */
	int *cap = xmalloc(sizeof(int) * (size_t)(nr + 1));
	int n = 0, big = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (!p->rooms[r].unavailable[b])
			cap[n++] = p->rooms[r].capacity;
	qsort(cap, (size_t)n, sizeof(int), cmp_desc);
	long all_cap = 0;
	for (int i = 0; i < k; i++) {
		all_cap += cap[i];
		big += cap[i] > m;
	}
	if (big && all_cap >= nl) {
		int lo = m + 1, hi = cap[0];
		while (lo < hi) {       /* the smallest group size that seats nl */
			int mid = lo + (hi - lo) / 2;
			long got = 0;
			for (int i = 0; i < k; i++)
				got += cap[i] < mid ? cap[i] : mid;
			if (got >= nl)
				hi = mid;
			else
				lo = mid + 1;
		}
		text_add(t, "  The group size is short (%d room%s in use seat more than %d): raise "
			 "%s from %d to %d.\n", big, big == 1 ? "" : "s", m,
			 largest_group_name(p, m), m, lo);
		remedies++;
	}
	free(cap);
	if (!remedies) {
		/* no one resource closes it: sessions of m learners, in the rooms
		 * there first, then in new rooms */
		int need = 0;
		long got = 0;
		while (got < nl) {
			got += need < nr ? seats[need] : m;
			need++;
		}
		int fac = need - nf, rooms = need > nr ? need - nr : 0;
		text_add(t, "  Facilitators and rooms are both short: %d sessions are needed; add "
			 "%d facilitator%s", need, fac, fac == 1 ? "" : "s");
		if (rooms)
			text_add(t, " and %d room%s of %d seats", rooms, rooms == 1 ? "" : "s", m);
		text_add(t, " available in '%s'.\n", id);
	}
	text_add(t, "  Or make %ld fewer learner%s available in '%s'.\n", short_by,
		 short_by == 1 ? "" : "s", id);
}

/* The sessions facilitator f may lead in the blocks checked: limit[f], or
 * their max_sessions without a limit. */
static int limit_of(const struct problem *p, const int *limit, int f)
{
	return limit ? limit[f] : p->facilitators[f].max_sessions;
}

/* A room's lab seats: 0 without the lab feature, else up to lab max_group. */
static int lab_cap(const struct problem *p, int r)
{
	if (!problem_room_has(&p->rooms[r], p->lab_feature))
		return 0;
	return p->rooms[r].capacity < p->config.lab_max_group ? p->rooms[r].capacity
							       : p->config.lab_max_group;
}

/* Whether seminar s can meet only in rooms with the lab feature: each of
 * its meetings then takes a lab room and its facilitator from the labs. */
static bool seminar_in_labs_only(const struct problem *p, int s)
{
	for (int r = 0; r < p->n_rooms; r++)
		if (problem_room_has(&p->rooms[r], p->seminars[s].feature) && lab_cap(p, r) == 0)
			return false;
	return true;
}

/* The seminar blocks among blocks[0..n-1] where person i is available
 * (learner, or facilitator when fac). */
static int seminar_blocks_free(const struct problem *p, const int *blocks, int n, int i, bool fac)
{
	int k = 0;
	for (int j = 0; j < n; j++) {
		int b = blocks[j];
		if (p->blocks[b].kind == BLOCK_SEMINAR &&
		    !(fac ? p->facilitators[i].unavailable[b] : p->learners[i].unavailable[b]))
			k++;
	}
	return k;
}

/* The sections of seminar s that can run: `sections`, but no more than its
 * facilitators can lead (each, meetings in distinct seminar blocks where
 * they are available, within max_sessions). */
static int seminar_sections_staffed(const struct problem *p, int s, const int *blocks, int n)
{
	int m = p->seminars[s].meetings, can = 0;
	for (int f = 0; f < p->n_facilitators && can < p->seminars[s].sections; f++) {
		if (problem_seminar_level(p, f, s) == LEVEL_NONE)
			continue;
		int k = seminar_blocks_free(p, blocks, n, f, true);
		if (p->facilitators[f].max_sessions < k)
			k = p->facilitators[f].max_sessions;
		can += k / m;
	}
	return can < p->seminars[s].sections ? can : p->seminars[s].sections;
}

/* The seat-meetings seminar s can add to the labs' seats over the n_sem
 * seminar blocks of blocks[0..n-1]: its meetings times min(sections x
 * max_size, its choosers) (seats go to choosers only), where choosers are
 * the learners with an eligible choice of it available in at least
 * `meetings` seminar blocks (a learner attends every meeting), none when
 * they are fewer than min_size (no section can open), and sections no more
 * than its facilitators can lead; 0 when it meets more often than there
 * are seminar blocks.  When it can meet only in lab rooms, a meeting
 * displaces a lab of at least the smallest lab room's seats (or, the labs
 * short of facilitators, the smallest lab in use), so only what a section
 * seats beyond that counts.  *choosers: those learners. */
static long seminar_seat_meetings(const struct problem *p, int s, const int *blocks, int nblk,
				  int n_sem, int *choosers)
{
	const struct seminar *se = &p->seminars[s];
	int n = 0;
	for (int c = 0; c < p->n_choices; c++)
		n += p->choices[c].seminar == s && p->choices[c].eligible &&
		     p->choices[c].learner >= 0 &&
		     seminar_blocks_free(p, blocks, nblk, p->choices[c].learner, false) >=
			     se->meetings;
	*choosers = n;
	if (se->meetings > n_sem || n < se->min_size)
		return 0;
	long seats = (long)seminar_sections_staffed(p, s, blocks, nblk) * se->max_size;
	if (!seminar_in_labs_only(p, s))
		return (long)se->meetings * (n < seats ? n : seats);
	int best = 0, least_lab = -1;
	for (int r = 0; r < p->n_rooms; r++) {
		int lc = lab_cap(p, r);
		if (lc > 0 && (least_lab < 0 || lc < least_lab))
			least_lab = lc;
		int fit = p->rooms[r].capacity < se->max_size ? p->rooms[r].capacity : se->max_size;
		if (problem_room_has(&p->rooms[r], se->feature) && fit > best)
			best = fit;
	}
	int per = (best < n ? best : n) - (least_lab > 0 ? least_lab : 0);
	return per > 0 ? (long)se->meetings * (seats / se->max_size) * per : 0;
}

/* The lab seats of block b: labs need their own facilitator and a room with
 * the lab feature, so the lab-room seats (each at most lab max_group) of
 * as many such rooms as facilitators are available there. */
static long block_lab_seats(const struct problem *p, int b, int *seats)
{
	int n = 0, nf = 0;
	for (int r = 0; r < p->n_rooms; r++)
		if (!p->rooms[r].unavailable[b] && lab_cap(p, r) > 0)
			seats[n++] = lab_cap(p, r);
	for (int f = 0; f < p->n_facilitators; f++)
		nf += !p->facilitators[f].unavailable[b];
	qsort(seats, (size_t)n, sizeof(int), cmp_desc);
	long sum = 0;
	for (int i = 0; i < n && i < nf; i++)
		sum += seats[i];
	return sum;
}

/* The gain of a lower min_size for seminar s: what it would seat when its
 * choosers (n of them) are fewer than its min_size, else 0. */
static long min_size_gain(const struct problem *p, int s, const int *blocks, int nblk, int n_sem,
			  int *choosers)
{
	const struct seminar *se = &p->seminars[s];
	int n;
	seminar_seat_meetings(p, s, blocks, nblk, n_sem, &n);
	*choosers = n;
	if (n == 0 || n >= se->min_size || se->meetings > n_sem ||
	    seminar_sections_staffed(p, s, blocks, nblk) == 0 || seminar_in_labs_only(p, s))
		return 0;
	return (long)se->meetings * (n < se->max_size ? n : se->max_size);
}

/* The three seminars (at most) whose min_size keeps the most seats closed. */
static void min_size_remedies(struct text *t, const struct problem *p, const int *blocks,
			      int nblk, int n_sem)
{
	int last = -1;
	long last_gain = -1;
	for (int shown = 0; shown < 3; shown++) {
		int best = -1, n, best_n = 0;
		long gain = 0;
		for (int s = 0; s < p->n_seminars; s++) {
			long g = min_size_gain(p, s, blocks, nblk, n_sem, &n);
			bool after = last_gain < 0 || g < last_gain || (g == last_gain && s > last);
			if (g > gain && after) {
				best = s;
				gain = g;
				best_n = n;
			}
		}
		if (best < 0)
			return;
		const struct seminar *se = &p->seminars[best];
		text_add(t, "  '%s' has %d eligible chooser%s available for its %d meetings, fewer "
			 "than its min_size %d, so it cannot open: a min_size of %d adds up to %ld.\n",
			 se->id, best_n, best_n == 1 ? "" : "s", se->meetings, se->min_size, best_n,
			 gain);
		last = best;
		last_gain = gain;
	}
}

/* Remedies for a cycle short by `short_by` seminar places: a section more of
 * a seminar whose eligible choosers outnumber its seats (those enough alone
 * first, else any; three at most), a lower min_size for a seminar with
 * fewer choosers than that (three at most), a room beside the labs for a
 * seminar that meets only in lab rooms, a lab room more. */
static void seminar_remedies(struct text *t, const struct problem *p, const int *blocks, int nblk,
			     int n_sem, long short_by, long lab_gain)
{
	int shown = 0;
	for (int pass = 0; pass < 2 && !shown; pass++)
		for (int s = 0; s < p->n_seminars && shown < 3; s++) {
			const struct seminar *se = &p->seminars[s];
			int n;
			long now = seminar_seat_meetings(p, s, blocks, nblk, n_sem, &n);
			long more = (long)se->sections * se->max_size;
			more = se->meetings > n_sem || n <= more || seminar_in_labs_only(p, s) ? 0
			       : (long)se->meetings * ((n - more) < se->max_size ? n - more
										 : se->max_size);
			if (more <= 0 || (pass == 0 && more < short_by))
				continue;
			text_add(t, "  %s section of '%s' (%d seats, %d meeting%s, %d eligible "
				 "choosers; %ld seat-meetings now) adds %ld%s.\n",
				 se->sections == 1 ? "A second" : "One more", se->id, se->max_size,
				 se->meetings, se->meetings == 1 ? "" : "s", n, now, more,
				 pass == 0 ? ", enough alone" : "");
			shown++;
		}
	min_size_remedies(t, p, blocks, nblk, n_sem);
	for (int s = 0; s < p->n_seminars; s++) {
		const struct seminar *se = &p->seminars[s];
		int n;
		long now = seminar_seat_meetings(p, s, blocks, nblk, n_sem, &n);
		long seats = (long)seminar_sections_staffed(p, s, blocks, nblk) * se->max_size;
		long all = se->meetings > n_sem || n < se->min_size
				   ? 0
				   : (long)se->meetings * (n < seats ? n : seats);
		if (!seminar_in_labs_only(p, s) || all <= now || se->feature == p->lab_feature)
			continue;       /* the lab feature's own seminars: every such room is a lab's */
		text_add(t, "  A room%s%s%s without the lab feature lets '%s' meet beside the labs "
			 "instead of in a lab room (%ld seat-meetings beyond the labs it displaces "
			 "now): adds up to %ld%s.\n", se->feature >= 0 ? " with the feature '" : "",
			 se->feature >= 0 ? p->features[se->feature] : "",
			 se->feature >= 0 ? "' but" : "", se->id, now, all - now,
			 all - now >= short_by ? ", enough alone" : "");
	}
	if (lab_gain > 0)
		text_add(t, "  A lab room more (lab max_group, %d seats%s%s%s), with a facilitator "
			 "to supervise it, in every seminar block adds up to %ld%s.\n",
			 p->config.lab_max_group, p->lab_feature >= 0 ? ", feature '" : "",
			 p->lab_feature >= 0 ? p->features[p->lab_feature] : "",
			 p->lab_feature >= 0 ? "'" : "", lab_gain,
			 lab_gain >= short_by ? ", enough alone" : "");
	text_add(t, "  Or make learners unavailable in the seminar blocks: %ld learner-block%s "
		 "fewer.\n", short_by, short_by == 1 ? "" : "s");
}

/* The seminar blocks' places against the seminars' seat-meetings
 * (precheck.h). */
char *precheck_seminar_cycle(const struct problem *p, const int *blocks, int n_blocks)
{
	if (!model_row(p)->schedules_seminars || p->previous)
		return NULL;    /* a replan's frozen blocks keep their own seats */
	int *seats = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int n_sem = 0;
	long places = 0, lab = 0, need = 0, lab_gain = 0;
	for (int j = 0; j < n_blocks; j++) {
		int b = blocks[j];
		if (p->blocks[b].kind != BLOCK_SEMINAR)
			continue;
		n_sem++;
		long nl = learners_available(p, b), ls = block_lab_seats(p, b, seats);
		places += nl;
		lab += ls < nl ? ls : nl;
		if (nl > ls) {
			need += nl - ls;
			lab_gain += nl - ls < p->config.lab_max_group ? nl - ls
								     : p->config.lab_max_group;
		}
	}
	free(seats);
	long cap = 0;
	for (int s = 0; s < p->n_seminars; s++) {
		int n;
		cap += seminar_seat_meetings(p, s, blocks, n_blocks, n_sem, &n);
	}
	if (need <= cap)
		return NULL;
	struct text t = { 0 };
	text_add(&t, "the seminar blocks cannot seat every learner over the cycle: in the %d "
		 "seminar blocks, learners are available %ld times (learner-blocks); the labs "
		 "seat at most %ld of them (lab-room seats, up to lab max_group, for the "
		 "facilitators available), so seminars must seat the other %ld; but the seminars "
		 "can seat at most %ld over the cycle (each: meetings x the lesser of sections x "
		 "max_size and the learners with an eligible choice of it available for every "
		 "meeting, none when those are fewer than min_size, sections no more than its "
		 "facilitators can lead; a seminar that can meet only in lab rooms, only what it "
		 "seats beyond the lab it displaces), short by %ld.\n",
		 n_sem, places, lab, need, cap, need - cap);
	seminar_remedies(&t, p, blocks, n_blocks, n_sem, need - cap, lab_gain);
	return t.s;
}

char *precheck_counts(const struct problem *p, const int *blocks, int n_blocks,
		     const bool *allowed, const int *limit)
{
	struct text t = { 0 };
	int *seats = xmalloc(sizeof(int) * (size_t)(p->n_rooms + 1));
	int m = precheck_largest_group(p), n_short = 0;
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
		/* the first few short blocks in full, the rest a line each */
		if (sum < nl && ++n_short <= PRECHECK_EXPLAINED)
			explain_block(&t, p, b, nl, nf, nr, seats, sum, m, allowed != NULL);
		else if (sum < nl)
			text_add(&t, "block '%s': %d learners are available but at most %ld can be "
				 "seated (%d facilitators, %d rooms); short by %ld.\n", p->blocks[b].id,
				 nl, sum, nf, nr, (long)nl - sum);
		int ms = capacity_min_sessions(p, b, nl);
		need_total += ms > 0 ? ms : 0;
	}
	if (!allowed) {
		long supply = 0;
		for (int f = 0; f < p->n_facilitators; f++) {
			int avail = 0;
			for (int j = 0; j < n_blocks; j++)
				avail += !p->facilitators[f].unavailable[blocks[j]];
			supply += limit_of(p, limit, f) < avail ? limit_of(p, limit, f) : avail;
		}
		if (supply < need_total)
			text_add(&t, "the cycle needs at least %ld sessions to seat every learner "
				 "in every block, but the facilitators' max_sessions allow only "
				 "%ld; short by %ld.  Raise max_sessions or add a facilitator.\n",
				 need_total, supply, need_total - supply);
	}
	free(seats);
	if (!t.s && !allowed)   /* the blocks pass one by one: the seminar blocks together */
		return precheck_seminar_cycle(p, blocks, n_blocks);
	return t.s;
}

char *precheck_scenario(const struct problem *p)
{
	int *blocks = xmalloc(sizeof(int) * ((size_t)p->n_blocks + 1));
	int n = 0;
	for (int b = 0; b < p->n_blocks; b++)
		if (problem_block_scheduled(p, b))
			blocks[n++] = b;
	char *why = precheck_counts(p, blocks, n, NULL, NULL);
	free(blocks);
	return why ? why : precheck_exact(p);  /* the counts pass: the exact LP, when small */
}

/* After the greedy spread: a block still wanting staff takes one of a
 * limited facilitator's allowed blocks from a block with staff to spare,
 * along a chain of such moves when no one move does (an augmenting path,
 * breadth first over the blocks): the greedy takes the blocks in facilitator
 * order and can leave a block empty that a later choice would have
 * staffed (bench/replan.sh, F001 absent: Thu3 with 0 of 5 needed). */
static void spread_repair(const struct problem *p, const int *blocks, int n_blocks,
			  bool *allowed, int *want)
{
	int nb = p->n_blocks, nf = p->n_facilitators;
	int *prev = xmalloc(sizeof(int) * ((size_t)nb + 1));
	int *via = xmalloc(sizeof(int) * ((size_t)nb + 1));
	int *queue = xmalloc(sizeof(int) * ((size_t)nb + 1));
	for (int j = 0; j < n_blocks; j++) {
		int b = blocks[j];
		while (want[b] > 0) {
			for (int i = 0; i < nb; i++)
				prev[i] = -2;
			prev[b] = -1;
			int head = 0, tail = 0, found = -1;
			queue[tail++] = b;
			while (head < tail && found < 0) {
				int x = queue[head++];
				for (int f = 0; f < nf && found < 0; f++) {
					if (p->facilitators[f].unavailable[x] || allowed[(long)f * nb + x])
						continue;
					for (int k = 0; k < n_blocks && found < 0; k++) {
						int y = blocks[k];
						if (!allowed[(long)f * nb + y] || prev[y] != -2)
							continue;
						prev[y] = x;
						via[y] = f;
						if (want[y] < 0)
							found = y;
						else
							queue[tail++] = y;
					}
				}
			}
			if (found < 0)
				break;
			want[found]++;
			want[b]--;
			for (int y = found; prev[y] >= 0; y = prev[y]) {
				allowed[(long)via[y] * nb + y] = false;
				allowed[(long)via[y] * nb + prev[y]] = true;
			}
		}
	}
	free(prev);
	free(via);
	free(queue);
}

bool *precheck_spread_limits(const struct problem *p, const int *blocks, int n_blocks,
			     const int *limit)
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
			int limited = limit_of(p, limit, f) < avail;
			if (limited != pass)
				continue;
			int n = 0;
			for (int j = 0; j < n_blocks; j++)
				if (!fa->unavailable[blocks[j]])
					order[n++] = blocks[j];
			int take = limited ? limit_of(p, limit, f) : n;
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
	spread_repair(p, blocks, n_blocks, allowed, want);
	free(want);
	return allowed;
}
