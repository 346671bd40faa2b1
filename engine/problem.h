/*
 * problem.h - the validated, immutable scenario every later stage reads.
 *
 * inputs/ builds a struct problem from a scenario directory; nothing after
 * that point modifies it.  Every cross reference is resolved to an index into
 * the arrays below, so models and outputs never look up ids by name.  The
 * problem owns all its memory; problem_free() releases it.
 */
#ifndef MCL_PROBLEM_H
#define MCL_PROBLEM_H

#include <stdbool.h>

#define PRIORITY_LEVELS 5 /* need priority 1 (the power goal) .. 5 */

enum model_kind {
	MODEL_POWER_GOAL,
	MODEL_WORKSHOP,
	MODEL_SEMINAR,
	MODEL_COMBINATION,
};

enum needs_source { NEEDS_FILE, NEEDS_DERIVE };
enum block_kind { BLOCK_WORKSHOP, BLOCK_SEMINAR };
enum goal_mode { GOAL_FACILITATED, GOAL_ONLINE };
enum level { LEVEL_NONE = 0, LEVEL_ABLE = 1, LEVEL_GURU = 2 };

/* scenario.conf, every key with its default applied. */
struct config {
	char *name;                 /* "" when not given */
	char school_id[65];         /* an id; default: from name (config_school_id) */
	enum model_kind model;      /* combination */
	double mastery;             /* 3.0, in [0, 4], for display */
	int mastery_units;          /* the same exactly, in 1/10000 (inputs/decimal.h) */
	enum needs_source needs;    /* file */
	int seminars_per_learner;   /* 1 */
	int lab_max_group;          /* 40 */
	char *lab_feature;          /* "": labs in any room */
	long lab_feature_line;      /* scenario.conf line of lab.feature, 0 default */
	double w_priority[PRIORITY_LEVELS]; /* {100, 60, 35, 20, 10} */
	double *w_choice;           /* {50, 30, 15, 8, 4}; rank r scores */
	int n_choice;               /* w_choice[r-1], 0 past n_choice */
	double w_guru;              /* 5 */
	double w_power_goal;        /* 200 */
	double w_daily;             /* 40, per (learner, day) with a facilitated session */
	double w_keep;              /* 10, per re-planned learner-block kept (replan) */
	double w_required;          /* 30, enrolling in a required seminar not yet taken */
	double time_limit;          /* seconds, 60 */
	double gap;                 /* relative, 0.005 */
	int seed;                   /* 1 */
	int max_memory_mb;          /* 16384: larger estimates are refused */
	char *out_dir;              /* "out", relative to the scenario directory */
};

struct block {
	char *id;
	char *day;
	int day_index;              /* 0 .. n_days - 1, days in order of first use */
	int start, end;             /* minutes since midnight */
	enum block_kind kind;
	int *areas;                 /* area indexes allowed; n_areas == 0: any */
	int n_areas;
};

struct learner {
	char *id;
	char *name;                 /* "" when not given */
	int age;                    /* -1 when unknown */
	char *coach_id;             /* "" when not given */
	bool *unavailable;          /* [n_blocks] */
};

struct facilitator {
	char *id;
	char *name;
	int max_sessions;           /* n_blocks when not given */
	bool *unavailable;          /* [n_blocks] */
};

struct room {
	char *id;
	char *name;
	int capacity;               /* >= 1 */
	int *features;              /* feature indexes */
	int n_features;
	bool *unavailable;          /* [n_blocks] */
};

struct goal {
	char *id;
	char *title;
	int area;                   /* area index */
	enum goal_mode mode;
	int min_group, max_group;   /* 1 .. 25 by default, min <= max */
	int sessions;               /* default sessions a learner needs, 1 */
	int feature;                /* feature index, -1 when none */
	int *requires;              /* prerequisite goal indexes */
	int n_requires;
};

struct need {
	int learner, goal;
	int priority;               /* 1 .. PRIORITY_LEVELS */
	int sessions;               /* >= 1 */
	bool ready;                 /* every prerequisite mastered */
	int line;                   /* row in needs.csv, 0 when derived */
	bool has_weight;            /* needs.csv `weight` given: it replaces */
	double weight;              /* the priority's weight (>= 0) */
};

struct seminar {
	char *id;
	char *title;
	int meetings;               /* >= 1 */
	int min_size, max_size;     /* 1 .. max_size */
	int *requires;              /* goal indexes the learner must have mastered */
	int n_requires;
	int age_min, age_max;       /* -1 when not given */
	int feature;                /* -1 when none */
	int sections;               /* parallel sections allowed, 1 */
	bool required;              /* seminars.csv `required = yes`: every learner once */
};

struct choice {
	int learner, seminar;
	int rank;                   /* 1 = first choice */
	bool eligible;              /* prerequisites mastered, age in band, not taken */
	bool required_bonus;        /* a required seminar not in the learner's history */
};

/* locks.csv (inputs/locks.h): what one row pins in one block.  A lock
 * names a session of its block by any of offering, facilitator and room
 * (-1: not named) and, with a learner, seats the learner in it. */
enum lock_offering { LOCK_ANY, LOCK_GOAL, LOCK_SEMINAR, LOCK_LAB };

struct lock {
	int block;
	int learner;                /* -1 when not named */
	int facilitator;            /* -1 when not named */
	enum lock_offering kind;    /* LOCK_ANY when offering_id is empty */
	int offering;               /* goal or seminar index, else -1 */
	int room;                   /* -1 when not named */
	int pin;                    /* index into problem.pins */
	const char *file;           /* "locks.csv", or the previous schedule's
				     * timetable.csv for a frozen block (replan);
				     * static or owned by problem.previous */
	long line;                  /* row in that file */
};

/* The session the locks of one block describe together: locks that share a
 * learner, a facilitator or a room in a block name the same session (each
 * is in one session per block), so they are merged into one pin.  Its
 * fields are the union of theirs (-1 / LOCK_ANY when none names it). */
struct lock_pin {
	int block;
	enum lock_offering kind;
	int offering, facilitator, room;
	int *learners;              /* pinned learners, sorted by index */
	int n_learners;
	const char *file;           /* the first lock's file and row */
	long line;
};

/* replan (contract v3): one row of the previous schedule's sessions.csv. */
struct prev_session {
	enum lock_offering kind;    /* LOCK_ANY: it names an id the school no
				     * longer has (never in a frozen block) */
	int offering;               /* goal or seminar index, -1 for a lab */
	int block, room, facilitator;
	int section;                /* index of its section's first session */
	bool frozen;                /* kept as it is: in a block up to --after,
				     * or a later meeting of a section that
				     * met there */
	char *id;                   /* its session_id */
	long line;                  /* its row in sessions.csv */
};

/* replan: the previous schedule (PREV_OUT_DIR), read by inputs/previous.h. */
struct previous {
	int after;                  /* last frozen block (--after), -1 when none */
	char *sessions_file;        /* PREV_OUT_DIR/sessions.csv, for messages */
	char *timetable_file;       /* PREV_OUT_DIR/timetable.csv */
	int n_sessions;
	struct prev_session *sessions;
	int *attend;                /* [n_learners * n_blocks]: session, or -1 */
	int *works_on;              /* [n_learners * n_blocks]: timetable.csv
				     * offering_id: goal g, n_goals + seminar s,
				     * or -1 when empty */
};

struct problem {
	struct config config;
	char *dir;                  /* the scenario directory as given */

	int n_blocks;
	struct block *blocks;       /* in file (time) order */
	int n_learners;
	struct learner *learners;
	int n_facilitators;
	struct facilitator *facilitators;
	int n_rooms;
	struct room *rooms;
	int n_goals;
	struct goal *goals;
	int n_seminars;
	struct seminar *seminars;

	int n_areas;
	char **areas;               /* area names, in order of first use */
	int n_features;
	char **features;            /* feature names, in order of first use */
	int lab_feature;            /* feature index labs need, -1 when none */
	int n_days;                 /* distinct block days */

	/* Needs sorted by learner, then in file order; the needs of learner l
	 * are needs[need_start[l] .. need_start[l + 1] - 1]. */
	int n_needs;
	struct need *needs;
	int *need_start;            /* [n_learners + 1] */

	/* Choices sorted by learner, then rank; same layout as needs. */
	int n_choices;
	struct choice *choices;
	int *choice_start;          /* [n_learners + 1] */

	/* Expertise: enum level per facilitator and offering. */
	unsigned char *goal_level;      /* [n_facilitators * n_goals] */
	unsigned char *seminar_level;   /* [n_facilitators * n_seminars] */

	/* locks.csv, validated (inputs/locks.h); both empty without it. */
	int n_locks;
	struct lock *locks;         /* in file order */
	int n_pins;
	struct lock_pin *pins;      /* by block, then first line */

	/* replan only (inputs/previous.h): the previous schedule; NULL in
	 * every other command.  Its frozen blocks are pins too. */
	struct previous *previous;


	/* progress.csv: score per learner and goal in 1/10000 (read exactly from
	 * the decimal text, inputs/decimal.h), negative when absent. */
	int *score;                 /* [n_learners * n_goals] */

	/* Id lookup: each array is a permutation of the entity indexes sorted
	 * by id, built by problem_index() once loading is complete. */
	int *sorted_blocks, *sorted_learners, *sorted_facilitators;
	int *sorted_rooms, *sorted_goals, *sorted_seminars;
};

static inline enum level problem_goal_level(const struct problem *p, int f, int g)
{
	return (enum level)p->goal_level[(long)f * p->n_goals + g];
}

static inline enum level problem_seminar_level(const struct problem *p, int f, int s)
{
	return (enum level)p->seminar_level[(long)f * p->n_seminars + s];
}

/* The value of one scheduled session of need nd: needs.csv `weight` when
 * given, else its priority's weight.  Every model, bound and verify read
 * a need's value here, never w_priority directly. */
static inline double problem_need_weight(const struct problem *p, const struct need *nd)
{
	return nd->has_weight ? nd->weight : p->config.w_priority[nd->priority - 1];
}

/* The value of enrolling choice ch: its rank's weight (0 past the list),
 * plus weights.required when the seminar is required and the learner has
 * not taken it (history.csv).  Every model, bound and verify read a
 * choice's value here. */
static inline double problem_choice_weight(const struct problem *p, const struct choice *ch)
{
	double v = ch->rank <= p->config.n_choice ? p->config.w_choice[ch->rank - 1] : 0;
	return ch->required_bonus ? v + p->config.w_required : v;
}

static inline bool problem_mastered(const struct problem *p, int l, int g)
{
	int s = p->score[(long)l * p->n_goals + g];
	return s >= 0 && s >= p->config.mastery_units;
}

/*
 * Lab crediting, the way that scores most (data contract: a lab session
 * counts toward at most one ready online need and scores like a session of
 * it).  Learner l's n_labs lab sessions are credited to ready online needs
 * in credit order (heavier need value first, then priority, then need
 * order), each up to its sessions; except that when l does not already earn
 * the power goal (pg_earned: a counted workshop session of a ready
 * priority-1 need) and that order credits no priority-1 need, one session
 * of the first priority-1 online need in credit order is credited first
 * when that, with the power-goal weight, scores more.  No other crediting
 * of n_labs sessions scores more (docs/model.md, "Lab credit").
 *
 * problem_lab_credit: the need lab session k (0-based, block order) of
 * n_labs counts toward, or -1 when it counts toward none.
 * problem_lab_value: the need value of all n_labs credits (the power-goal
 * weight not included); *earns_pg (may be NULL) set when a priority-1 need
 * is credited.
 */
int problem_lab_credit(const struct problem *p, int l, int k, int n_labs, bool pg_earned);
double problem_lab_value(const struct problem *p, int l, int n_labs, bool pg_earned,
			 bool *earns_pg);

/* Whether room r offers feature (a feature index; -1, no feature, is always
 * offered). */
bool problem_room_has(const struct room *r, int feature);

/* Whether rooms a and b offer the same features (as sets): rooms of one
 * capacity and features are interchangeable, a room class. */
bool problem_rooms_same_features(const struct room *a, const struct room *b);

/* The most learners one session seats (the largest goal group or the lab
 * group): a room's seats beyond it are never used, so the models' room
 * classes compare capacities capped at it. */
int problem_useful_capacity(const struct problem *p);

/* Seats of a group in room `room` running goal g, or a lab when lab is
 * true: the goal's max_group (the lab's), at most the room's capacity.
 * The models count a session's seats here; verify checks on its own. */
int problem_group_seats(const struct problem *p, int room, bool lab, int g);

/* Whether goal g may run in block b under the block's areas list. */
bool problem_block_allows(const struct problem *p, int b, int g);

/* Whether the configured model schedules block b (its row in
 * models/model.c says which kinds of blocks it plans). */
bool problem_block_scheduled(const struct problem *p, int b);

/* Whether learner l "can be placed" (data contract): the model schedules
 * workshop blocks and l has a ready facilitated need, or it schedules
 * seminar blocks and l has a seminar choice.  Only such learners score the
 * daily weight. */
bool problem_placeable(const struct problem *p, int l);

/* Builds the id lookup arrays, the blocks' day indexes and the lab feature's
 * index; inputs/ calls it once the problem is built. */
void problem_index(struct problem *p);

/* Index of the block/learner/... with this id, or -1 (binary search). */
int problem_find_block(const struct problem *p, const char *id);
int problem_find_learner(const struct problem *p, const char *id);
int problem_find_facilitator(const struct problem *p, const char *id);
int problem_find_room(const struct problem *p, const char *id);
int problem_find_goal(const struct problem *p, const char *id);
int problem_find_seminar(const struct problem *p, const char *id);

/* The name used in scenario.conf for a model kind ("workshop", ...): its
 * row's name in models/model.c. */
const char *problem_model_name(enum model_kind model);

/* Releases everything the problem owns, and the struct itself. NULL is ok. */
void problem_free(struct problem *p);

#endif
