/*
 * seminar.c - the seminar blocks of a cycle (see seminar.h): the pipeline
 * of seminar_schedule and the seminar model's entry, seminar_solve.
 *
 * A greedy construction comes first (seminar_greedy.c); it is the section
 * MIP's starting incumbent (seminar_section_mip.c, where the mathematics
 * of the model is), and it extends the MIP's plan after stage 2
 * (seminar_stage2.c) and repair; the better of the two goes on to a
 * ruin-and-recreate search (seminar_search.c), which stops at the MIP's
 * bound (valid for it: every plan it makes is a point of the MIP), after
 * set->seminar_patience rounds without gain, or at the deadline.  The plan
 * is then realised block by block and written out (seminar_realise.c).
 * The tuning is one row of search_settings.c's table, chosen by the one
 * measure of school size both searches use (search_school_size, over the
 * seminar blocks).
 *
 * When the labs alone cannot seat a block, the greedy has no feasible start;
 * the context then holds every eligible seat, those worth nothing too
 * (seminar_ctx_build_all: a plan must seat learners in seminars for room,
 * whatever they are worth), the count MIP (no learner columns) finds
 * sections and stage 2 seats them (count_phase), and the MIP runs without
 * a start only when that fails and it is small; "infeasible" is claimed
 * only on a counting proof (seats_proof per block, precheck_seminar_cycle
 * over the blocks together), anything else is "no schedule found".
 *
 * The seminar model reports the smaller of the simple bound
 * (seminar_bound.c) and bound_lp.c's LP bound; it does not raise it to its
 * objective (model_solve checks every model's bound).
 */
#include "models/seminar_search.h"

#include <assert.h>
#include <float.h>
#include <signal.h>
#include <stdlib.h>

#include "engine/objective.h"
#include "engine/util.h"
#include "models/child.h"
#include "models/model.h"
#include "models/precheck.h"

/* The most learners room r can hold in one session: a lab, or a meeting of
 * any seminar whose feature it has. */
static int room_most(const struct seminar_ctx *c, int r)
{
	const struct problem *p = c->p;
	int most = c->labcap[r];
	for (int s = 0; s < p->n_seminars; s++) {
		int m = p->seminars[s].max_size < p->rooms[r].capacity ? p->seminars[s].max_size
								       : p->rooms[r].capacity;
		if (problem_room_has(&p->rooms[r], p->seminars[s].feature) && m > most)
			most = m;
	}
	return most;
}

static int cmp_int_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/* A block where, by counting, no schedule can seat the learners: each
 * session needs its own available facilitator and room, so the block seats
 * at most the sum of room_most over as many of its rooms as it has
 * facilitators; nor more than every seminar section full plus the lab seats
 * of that many lab rooms.  Returns the block position, or -1. */
static int seats_proof(const struct seminar_ctx *c)
{
	const struct problem *p = c->p;
	int *most = xmalloc(sizeof(int) * (size_t)(c->nr + 1)), found = -1;
	for (int j = 0; j < c->nb && found < 0; j++) {
		int b = c->in->blocks[j], n = 0, nfac = 0;
		for (int r = 0; r < c->nr; r++)
			if (!p->rooms[r].unavailable[b])
				most[n++] = room_most(c, r);
		for (int f = 0; f < c->nf; f++)
			nfac += !p->facilitators[f].unavailable[b] && c->budget[f] > 0;
		qsort(most, (size_t)n, sizeof(int), cmp_int_desc);
		long seats = 0;
		for (int i = 0; i < n && i < nfac; i++)
			seats += most[i];
		/* or: every seminar section full, plus the lab rooms */
		long sem_seats = 0, lab_seats = 0;
		for (int s = 0; s < p->n_seminars; s++)
			sem_seats += (long)p->seminars[s].sections * p->seminars[s].max_size;
		n = 0;
		for (int r = 0; r < c->nr; r++)
			if (!p->rooms[r].unavailable[b])
				most[n++] = c->labcap[r];
		qsort(most, (size_t)n, sizeof(int), cmp_int_desc);
		for (int i = 0; i < n && i < nfac; i++)
			lab_seats += most[i];
		if (seats < c->avail_cnt[j] || sem_seats + lab_seats < c->avail_cnt[j])
			found = j;
	}
	free(most);
	return found;
}

static char *no_seats_diagnosis(const struct seminar_ctx *c, int j)
{
	const struct problem *p = c->p;
	int b = c->in->blocks[j], nrooms = 0, nfac = 0;
	for (int r = 0; r < c->nr; r++)
		nrooms += !p->rooms[r].unavailable[b];
	for (int f = 0; f < c->nf; f++)
		nfac += !p->facilitators[f].unavailable[b] && c->budget[f] > 0;
	return xasprintf("seminar block '%s': %d learners are available, but the %d "
			 "facilitators available there can lead at most %d sessions in the %d rooms "
			 "open, and those seat fewer learners (labs up to lab max_group in rooms "
			 "with the lab feature, seminars up to their max_size and sections); add "
			 "facilitators, rooms or lab rooms, or make fewer learners available in "
			 "that block\n",
			 p->blocks[b].id, c->avail_cnt[j], nfac,
			 nfac < nrooms ? nfac : nrooms, nrooms);
}

static char *no_lab_diagnosis(const struct seminar_ctx *c, int fail)
{
	const struct problem *p = c->p;
	if (fail >= c->nb)
		return xasprintf("no seminar schedule found: the facilitators' session limits "
				 "(max_sessions) leave too few facilitators to supervise the labs of "
				 "the seminar blocks with no seminar running, and no seminar plan "
				 "found seats the learners otherwise; raise max_sessions or add "
				 "facilitators\n");
	int b = c->in->blocks[fail], seats = 0, nrooms = 0, nfac = 0;
	for (int r = 0; r < c->nr; r++)
		if (!p->rooms[r].unavailable[b] && c->labcap[r] > 0) {
			seats += c->labcap[r];
			nrooms++;
		}
	for (int f = 0; f < c->nf; f++)
		nfac += !p->facilitators[f].unavailable[b];
	return xasprintf("no seminar schedule found: in seminar block '%s', %d learners are "
			 "available, but with every learner in a lab the %d facilitators available "
			 "and %d lab room%s (%d lab seats) cannot seat them, and no seminar plan "
			 "found seats the rest; add facilitators or lab rooms, or make fewer "
			 "learners available in that block\n",
			 p->blocks[b].id, c->avail_cnt[fail], nfac, nrooms, nrooms == 1 ? "" : "s",
			 seats);
}

/* Less time than this before the solve's deadline: no stage 2 (its LP
 * would only stop at once). */
#define STAGE2_MIN_SECONDS 0.05

/* What one seminar_schedule call holds. */
struct run {
	const struct seminar_input *in;
	struct seminar_ctx c;
	struct seminar_plan best, cur;
	struct seminar_layout lay;
	struct seminar_stats st;
	bool have;              /* best holds a schedule */
	double deadline;
};

/* Stage 2 into r->cur within `seconds`.  The count MIP's sections
 * (sc->need set): every seat it counted, one a learner (an LP, fast),
 * then as many seats a learner as the school allows, then keeping or
 * closing each section against each block's need; the first that seats. */
static int seat(struct run *r, const struct seminar_sections *sc, double seconds)
{
	const struct seminar_ctx *c = &r->c;
	if (!sc->need)
		return seminar_seat_learners(c, sc->o_sp, sc->n_sp, sc->z_fac, NULL, false, &r->cur,
					     seconds);
	double end = mcl_now() + seconds;
	for (int k = 0; k < 3; k++) {
		double left = end - mcl_now();
		if (left < STAGE2_MIN_SECONDS)
			return -1;
		if (seminar_seat_learners(c, sc->o_sp, sc->n_sp, sc->z_fac, k == 2 ? sc->need : NULL,
					  k == 0, &r->cur, k == 2 ? left : left / 2) == 0)
			return 0;
		seminar_plan_release(&r->cur);
		seminar_plan_init(&r->cur, c);
	}
	return -1;
}

/*
 * Stage 2 over the sections sc (from a MIP of objective mip_obj, bound
 * mip_bound) until `until` (at least set->seminar_stage_min_seconds),
 * repair and the greedy's extension, in r->cur (emptied first); best
 * takes the result when it is worth more (or when there was none).
 */
static void take_sections(struct run *r, const struct seminar_sections *sc, double mip_obj,
			  double mip_bound, double until)
{
	const struct seminar_ctx *c = &r->c;
	const struct search_settings *set = c->set;
	seminar_plan_release(&r->cur);
	seminar_plan_init(&r->cur, c);
	double s2 = until - mcl_now(), hard = r->in->deadline;
	if (s2 <= set->seminar_stage_min_seconds)
		s2 = set->seminar_stage_min_seconds;
	if (hard > 0 && s2 > hard - mcl_now())
		s2 = hard - mcl_now();
	double extend = r->deadline + set->seminar_extend_seconds;
	if (hard > 0 && extend > hard)
		extend = hard;
	if (s2 >= STAGE2_MIN_SECONDS && seat(r, sc, s2) == 0) {
		int dropped = seminar_repair(c, &r->cur, &r->lay);
		if (dropped >= 0) {
			r->st.sections_dropped = dropped;
			seminar_greedy(c, &r->cur, &r->lay, extend, NULL);
			double v = seminar_plan_value(&r->cur, c);
			mcl_log(LOG_VERBOSE, "seminars: MIP %.1f (bound of the restricted "
				"model %.1f), realised %.1f after dropping %d sections",
				mip_obj, mip_bound, v, dropped);
			if (!r->have || v > r->st.value + 1e-9) {
				seminar_plan_copy(&r->best, &r->cur, c);
				r->st.value = v;
				r->have = true;
			}
		}
	}
}

/*
 * The section MIP from best (when r->have), then stage 2, repair and the
 * greedy's extension; best takes the result when it is worth more (or
 * when there was none).  Returns -1 on a GLPK failure (*why says so).
 */
static int mip_phase(struct run *r, char **why)
{
	const struct seminar_ctx *c = &r->c;
	const struct search_settings *set = c->set;
	double left = r->deadline - mcl_now();
	if (c->n_sp == 0 || c->lo_start[c->p->n_learners] == 0 ||
	    left <= set->seminar_mip_min_seconds)
		return 0;
	if (r->have && seminar_realise(c, &r->best, &r->lay) >= 0)
		assert(!"a plan kept must realise");
	double share = r->have ? set->seminar_mip_share : set->seminar_mip_alone_share;
	struct mip_params mp = { .seconds = share * left,
				 .gap = r->in->gap > 0 ? r->in->gap : set->seminar_gap,
				 .label = mcl_log_level >= LOG_VERBOSE ? "seminar sections" : NULL };
	struct mip_result mr;
	struct seminar_sections sc = { 0 };
	seminar_section_mip(c, r->have ? &r->best : NULL, &r->lay, &mp, &mr, &sc);
	r->st.mip_run = true;
	r->st.mip_outcome = mr.outcome;
	r->st.hit_time_limit = mr.outcome == MIP_FEASIBLE || mr.outcome == MIP_NO_SOLUTION;
	if (mr.outcome == MIP_ERROR) {
		*why = xasprintf("the seminar section MIP failed in GLPK\n");
		return -1;
	}
	if (mr.outcome != MIP_OPTIMAL && mr.outcome != MIP_FEASIBLE)
		return 0;
	r->st.mip_objective = mr.objective;
	r->st.mip_bound = mr.bound;
	take_sections(r, &sc, mr.objective, mr.bound, r->deadline);
	seminar_sections_release(&sc);
	return 0;
}

/* Labs short and no plan yet: the count MIP's sections (seminar_count_mip),
 * seated, repaired and extended as the section MIP's, with a margin of
 * seats first (the counts do not see every learner's conflicts), then
 * without; the full MIP only when neither gives a plan (it finds none in
 * minutes on zoo c300 s11). */
static void count_phase(struct run *r)
{
	const struct seminar_ctx *c = &r->c;
	const struct search_settings *set = c->set;
	double margins[] = { set->seminar_count_margin, 0 };
	for (int i = 0; i < 2 && !r->have; i++) {
		double left = r->deadline - mcl_now();
		if (c->n_sp == 0 || c->lo_start[c->p->n_learners] == 0 ||
		    left <= set->seminar_mip_min_seconds)
			return;
		double until = mcl_now() + set->seminar_count_share * left;
		struct mip_params mp = { .seconds = 0.5 * (until - mcl_now()),
					 .gap = set->seminar_count_gap, .fpump = true,
					 .label = mcl_log_level >= LOG_VERBOSE ? "seminar counts"
									       : NULL };
		struct mip_result mr;
		struct seminar_sections sc = { 0 };
		seminar_count_mip(c, margins[i], &mp, &mr, &sc);
		bool found = mr.outcome == MIP_OPTIMAL || mr.outcome == MIP_FEASIBLE;
		if (found)
			take_sections(r, &sc, mr.objective, mr.bound, until);
		seminar_sections_release(&sc);
		mcl_log(LOG_VERBOSE, "seminars: count MIP (margin %.1f%%) %s in %.1f s", 100 * margins[i],
			r->have ? "seated" : found ? "sections not seated"
				: mr.outcome == MIP_INFEASIBLE ? "infeasible" : "found none",
			mcl_now() - (until - set->seminar_count_share * left));
	}
}

int seminar_schedule(const struct seminar_input *in, struct solution *sol, char **why)
{
	double t0 = mcl_now();
	struct run r = { .in = in, .deadline = t0 + (in->seconds > 0 ? in->seconds : 1) };
	r.st.mip_outcome = MIP_NO_SOLUTION;
	int rc = 0;
	*why = NULL;
	const struct search_settings *set =
		&search_settings_table[search_school_size(in->p, in->blocks, in->n_blocks)];
	struct seminar_ctx *c = &r.c;
	seminar_ctx_build(c, in, set);
	seminar_plan_init(&r.best, c);
	seminar_plan_init(&r.cur, c);
	seminar_layout_init(&r.lay, c);

	int first_fail = seminar_realise(c, &r.best, &r.lay);
	r.have = first_fail < 0;
	if (!r.have) {
		int j = seats_proof(c);
		char *cycle = j >= 0 ? NULL : precheck_seminar_cycle(in->p, in->blocks, in->n_blocks);
		if (j >= 0 || cycle) {
			*why = cycle ? cycle : no_seats_diagnosis(c, j);
			r.st.proven_infeasible = true;
			rc = 1;
			goto out_release;
		}
		/* the labs alone do not fit: seats worth nothing count too */
		seminar_layout_release(&r.lay);
		seminar_plan_release(&r.best);
		seminar_plan_release(&r.cur);
		seminar_ctx_release(c);
		seminar_ctx_build_all(c, in, set);
		seminar_plan_init(&r.best, c);
		seminar_plan_init(&r.cur, c);
		seminar_layout_init(&r.lay, c);
		mcl_log(LOG_VERBOSE, "seminars: the labs alone do not fit; every eligible seat "
			"(%d) and %d patterns for the section MIP", c->lo_start[in->p->n_learners],
			c->n_pat);
	} else {
		seminar_greedy(c, &r.best, &r.lay, t0 + set->seminar_greedy_share * (r.deadline - t0),
			       NULL);
		r.st.greedy_value = r.st.value = seminar_plan_value(&r.best, c);
		mcl_log(LOG_VERBOSE, "seminars: greedy %.1f (%d sections) in %.2f s",
			r.st.greedy_value, r.best.n_sec, mcl_now() - t0);
	}
	/* labs short: the count MIP first, the full MIP when it seats none and
	 * has few binaries (with more, GLPK's first LP alone can outlast the
	 * limit, and the combination's retries never ran: zoo c300 s11) */
	bool skip_mip = false;
	if (!r.have) {
		count_phase(&r);
		skip_mip = r.have || (c->spl > 1 && c->lo_start[in->p->n_learners] >
							set->seminar_alone_max_binaries);
	}
	rc = skip_mip ? 0 : mip_phase(&r, why);
	if (rc)
		goto out_release;
	if (!r.have) {
		*why = no_lab_diagnosis(c, first_fail);
		rc = 1;
		goto out_release;
	}
	double gap = in->gap > 0 ? in->gap : set->seminar_gap;
	bool stop_at_bound = r.st.mip_run && in->p->config.seminars_per_learner <= 1 &&
			     r.st.mip_bound > 0;
	r.st.value = seminar_search(c, &r.best, &r.lay, r.st.value, r.deadline,
				    stop_at_bound ? r.st.mip_bound * (1 - gap) : DBL_MAX, in->seed);
	assert(seminar_plan_consistent(&r.best, c));
	int fail = seminar_realise(c, &r.best, &r.lay);
	assert(fail < 0);
	(void)fail;
	seminar_write_plan(c, &r.best, &r.lay, sol);
out_release:
	if (in->stats)
		*in->stats = r.st;
	seminar_layout_release(&r.lay);
	seminar_plan_release(&r.best);
	seminar_plan_release(&r.cur);
	seminar_ctx_release(c);
	return rc;
}

/* The seminar model's bound (seminar_bound) in a child process while the
 * search runs, so that its LP takes none of the time limit after the
 * search; without fork it is computed at the end (bound_collect). */
static void bound_begin(const struct problem *p, const struct solve_options *opt,
			struct child *ch)
{
	if (child_start(ch) != 0)
		return;
	mcl_log_mute_process();
	struct wire w = WIRE_INIT;
	wire_put_double(&w, seminar_bound(p, opt->time_limit));
	child_exit(child_send(ch, &w) == 0);
}

/* The child's bound, waited for until the deadline (then the simple bound
 * of the seminar blocks). */
static double bound_collect(const struct problem *p, const struct solve_options *opt,
			    struct child *ch, const int *blocks, int nb)
{
	if (ch->pid <= 0)
		return seminar_bound(p, model_time_left(opt, opt->time_limit));
	if (!child_wait(ch, model_time_left(opt, opt->time_limit)))
		child_cancel(ch, SIGKILL);
	struct wire w;
	double b = child_collect(ch, &w) == 0 ? wire_get_double(&w) : -1;
	if (!wire_done(&w) || b < 0)
		b = seminar_simple_bound(p, blocks, nb);
	wire_release(&w);
	return b;
}

int seminar_solve(const struct problem *p, const struct solve_options *opt, struct solution *sol)
{
	int *blocks = xmalloc(sizeof(int) * (size_t)(p->n_blocks + 1));
	int nb = model_blocks(p, BLOCK_SEMINAR, blocks);
	struct seminar_stats st;
	struct seminar_input in = {
		.p = p, .blocks = blocks, .n_blocks = nb,
		.seconds = opt->time_limit, .deadline = opt->deadline, .gap = opt->gap,
		.seed = (unsigned long long)opt->seed, .stats = &st,
	};
	char *why = NULL;
	struct child ch = CHILD_NONE;
	bound_begin(p, opt, &ch);
	int rc = seminar_schedule(&in, sol, &why);
	if (rc != 0) {
		child_cancel(&ch, SIGKILL);
		sol->status = st.proven_infeasible ? SOLVE_INFEASIBLE : SOLVE_NO_SOLUTION;
		sol->diagnosis = why;
		sol->stopped_by = STOP_SEARCH_DONE;
		free(blocks);
		return rc < 0 ? -1 : 0;
	}
	sol->objective = objective_of(p, sol);
	double bound = bound_collect(p, opt, &ch, blocks, nb);
	mcl_log(LOG_NORMAL, "seminars: objective %.1f (greedy %.1f, sections MIP %.1f), bound "
		"%.1f", sol->objective, st.greedy_value, st.mip_objective, bound);
	sol->bound = bound;
	solution_set_gap(sol);
	sol->status = sol->gap <= opt->gap + 1e-12 ? SOLVE_OPTIMAL : SOLVE_FEASIBLE;
	sol->stopped_by = mip_interrupted     ? STOP_INTERRUPT
			  : sol->gap <= opt->gap ? STOP_GAP
			  : st.hit_time_limit    ? STOP_TIME_LIMIT
						 : STOP_SEARCH_DONE;
	free(blocks);
	return 0;
}

