/*
 * gen.c - mclsched-gen: writes a realistic, feasible MCL school scenario.
 *
 *   mclsched-gen --learners N --seed S [--model M] [--days D] [--force] -o DIR
 *                [--learners-per-facilitator N] [--needs MIN-MAX] [--one-area-block AREA]
 *                [--lab-feature NAME] [--seminars-per-learner N] [--popularity-skew X]
 *   mclsched-gen --district K --seed S [--district-max-learners N] [--force] -o DIR
 *
 * The benchmark data sets and the example school come from here, so the
 * program must be repeatable and the schools believable.  Repeatable: every
 * random choice comes from splitmix64 streams derived from the arguments,
 * one stream per part of the school (goals, learners, needs, staff, ...), so
 * the same arguments give byte-identical files and a change to one part does
 * not reshuffle the others; libc's rand() is never used.  Believable: five
 * areas (Math, ELA, Science, Social Studies, Complex Thinking) each a
 * progression of goals whose prerequisites form a DAG (a chain with forks
 * that merge again), plus online Digital goals; learners spread along every
 * progression by score and needing the goals at their frontier; about one
 * facilitator per 25 learners, gurus in two to four areas or goals, some
 * part-time; classrooms, computer labs, science labs, a makerspace and large
 * rooms; D days of 3 workshop and 2 seminar blocks; seminars with
 * prerequisites, age bands and Zipf-skewed ranked choices.
 *
 * Feasibility is guaranteed before anything is written, by the counts
 * mclsched itself makes: in every block the available facilitators, each in
 * one of the largest available rooms with sessions of at most
 * min(capacity, 40) (40 is the lab max_group, so any learner can be seated
 * in a lab), seat every available learner with an 8% margin; and the
 * facilitators' session budget (max_sessions, or their available blocks)
 * exceeds the fewest sessions the model's blocks need.  Full-time
 * facilitators and classrooms are added until both hold.  With a lab
 * feature (--lab-feature) labs meet only in the computer labs, so those
 * must also seat the learners who can be in nothing but a lab; computer labs
 * are added until they do (school_labs_feasible).
 * Last, mclsched's own counts run on the school as written (bench/gen_check.c,
 * precheck_scenario: the seminar blocks over the cycle too); computer labs
 * or staff are added while they fail (school_make_cycle_feasible).
 *
 * The options that make hard schools (staff ratio, needs a learner, a
 * one-area block, the lab feature, seminars a learner, popularity skew)
 * change nothing at their defaults: no stream draws differently, and the
 * files are byte-identical to those of before the options (tests/cli/gen.sh).
 *
 * --style random draws the school's shape (blocks a day, lab max_group,
 * part-time staff, learners away, min_group, room features, seminars'
 * sections, bands and prerequisites: struct shape) and the hard-school
 * options not given from the seed alone (style_draw), for zoo benches and
 * the property test of bounds (tests/audit/).  Without it struct shape holds
 * the default school's values and nothing draws differently.
 *
 * A district (--district) is K such schools, each built from options that a
 * table of school styles and the district's seed choose, never a second
 * way of making a school, plus DIR/schools.txt listing them.
 *
 * Files are written into a temporary directory beside DIR and renamed into
 * place, so an interrupted run leaves no half-written scenario.
 * See docs/generator.md.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench/gen_check.h"
#include "engine/util.h"

enum {
	N_AREAS = 5,                    /* the facilitated areas */
	DIGITAL = N_AREAS,              /* the online track */
	N_TRACKS = N_AREAS + 1,
	MAX_SLOTS = 7,                  /* blocks a day: 3 workshop + 2 seminar by default */
	MAX_BLOCKS = 7 * MAX_SLOTS,
	MAX_NEEDS = 2 * N_TRACKS,       /* two ready goals a track at most (--needs) */
	MAX_CHOICES = 5,
	GROUP_MAX = 25,                 /* the largest facilitated max_group */
	MIN_LEARNERS = 50,
	MAX_LEARNERS = 6000,
};

/* One random stream per part of the school (see the top comment). */
enum stream {
	STREAM_GOALS = 1, STREAM_STAFF, STREAM_ROOMS, STREAM_LEARNERS, STREAM_FEASIBLE,
	STREAM_COACHES, STREAM_NEEDS, STREAM_PROGRESS, STREAM_SEMINARS, STREAM_CHOICES,
	STREAM_EXPERTISE, STREAM_FEATURES, STREAM_CYCLE,
};

/*
 * The shape of a school: what --style random draws from the seed (see
 * style_draw) and what the default school fixes at the values below.
 */
struct shape {
	int workshop_slots, seminar_slots;      /* blocks a day of each kind */
	int lab_max;                    /* lab max_group written to scenario.conf */
	int part_time_pct;              /* facilitators who are part-time */
	int max_sessions_lo, max_sessions_hi;   /* percent of the model's blocks */
	int learner_away_pct;           /* learners away for 1-3 blocks */
	int min_group_lo, min_group_hi; /* facilitated goals' min_group */
	int feature_pct;                /* facilitated goals given a room feature at random */
	int science_labs, makerspaces;  /* extra rooms with those features */
	int learners_per_seminar;
	int sections_max, band_pct, requires_pct;       /* seminars */
	bool limited_blocks;            /* every other day's last workshop block: Math, ELA */
};

static const struct shape shape_default = {
	.workshop_slots = 3, .seminar_slots = 2, .lab_max = 40, .part_time_pct = 15,
	.max_sessions_lo = 50, .max_sessions_hi = 80, .learner_away_pct = 5,
	.min_group_lo = 3, .min_group_hi = 5, .feature_pct = 0, .science_labs = 0,
	.makerspaces = 0, .learners_per_seminar = 40, .sections_max = 2, .band_pct = 33,
	.requires_pct = 25, .limited_blocks = true,
};

enum feature { FEATURE_NONE, FEATURE_SCIENCE, FEATURE_COMPUTER, FEATURE_MAKER };
static const char *const feature_name[] = { "", "science-lab", "computer-lab", "makerspace" };

enum room_kind { ROOM_CLASS, ROOM_COMPUTER, ROOM_SCIENCE, ROOM_MAKER, ROOM_LARGE };

struct rng {
	uint64_t state;
};

struct goal {
	char id[8];
	int track;              /* an area, or DIGITAL */
	int index;              /* position in its progression */
	int min_group, max_group, sessions;
	int req[2], n_req;      /* indexes into school.goals, always earlier */
	enum feature feature;
};

struct block {
	char id[8];
	int day, slot;
	bool workshop;
	bool limited;           /* areas limited to Math, ELA and Digital */
	int one_area;           /* --one-area-block: the only area allowed, or -1 */
	bool used;              /* scheduled by the scenario's model */
};

struct facilitator {
	int first, last;        /* indexes into the name tables */
	bool away[MAX_BLOCKS];
	int max_sessions;       /* 0: no limit */
	bool guru[N_AREAS], able[N_AREAS];
	int guru_goal, able_goal;       /* single goals outside those areas, or -1 */
};

struct room {
	enum room_kind kind;
	int number;             /* room number, or letter/ordinal within its kind */
	int capacity;
	bool closed[MAX_BLOCKS];
};

struct need {
	int goal, priority, sessions;
};

struct learner {
	int first, last, age, coach;
	bool away[MAX_BLOCKS];
	int pos[N_TRACKS];      /* goals before pos are mastered; pos is the frontier */
	int revisit[N_TRACKS];  /* 1 + a goal before pos scored below mastery, or 0 */
	struct need needs[MAX_NEEDS];
	int n_needs;
	int choices[MAX_CHOICES], n_choices;
};

struct seminar {
	int topic, edition, meetings, max_size, sections;
	int requires;           /* goal index or -1 */
	int age_min, age_max;   /* 0: no band */
};

struct school {
	uint64_t seed;
	int n_learners, n_days;
	const char *model;
	bool power_goal;

	/* the hard-school options; their defaults give the school of before them */
	int per_facilitator;            /* --learners-per-facilitator, 25 */
	int needs_min, needs_max;       /* --needs, 3-6 */
	int one_area;                   /* --one-area-block, -1 */
	const char *lab_feature;        /* --lab-feature, NULL */
	int seminars_per_learner;       /* --seminars-per-learner, 1 */
	double skew;                    /* --popularity-skew, 1 */
	bool random_style;              /* --style random: the shape comes from the seed */
	struct shape shape;             /* all zero: shape_default (school_build) */

	/* a school of a district (--district): its name and where it comes from */
	const char *name;               /* scenario.conf name; NULL: "Generated N learners seed S" */
	const char *origin;             /* appended to the first comment line, or NULL */

	int n_blocks, n_used;
	struct block blocks[MAX_BLOCKS];

	int n_goals;
	struct goal *goals;
	int first_goal[N_TRACKS + 1];   /* track t holds goals [first_goal[t], first_goal[t+1]) */

	struct learner *learners;

	int n_facilitators;
	size_t alloc_facilitators;
	struct facilitator *facilitators;

	int n_rooms, n_classrooms;
	size_t alloc_rooms;
	struct room *rooms;

	int n_seminars;
	struct seminar *seminars;
};

/* ---- names and titles ---- */

static const char *const area_name[N_TRACKS] = { "Math", "ELA", "Science", "Social Studies",
						 "Complex Thinking", "Digital" };
static const char *const area_code[N_TRACKS] = { "MA", "EL", "SC", "SS", "CT", "DG" };

#define N_TITLES 28
static const char *const goal_title[N_AREAS][N_TITLES] = {
	{ "Place value and number sense", "Multi-digit operations", "Factors and multiples",
	  "Fraction equivalence", "Adding and subtracting fractions",
	  "Multiplying and dividing fractions", "Decimals and percents", "Ratios and rates",
	  "Proportional relationships", "Integers and the number line",
	  "Expressions and exponents", "Order of operations", "One-step equations",
	  "Two-step equations", "Inequalities", "Area and perimeter", "Surface area and volume",
	  "Angles and triangles", "The coordinate plane", "Linear functions",
	  "Slope and rate of change", "Systems of equations", "Data displays",
	  "Measures of center", "Probability", "The Pythagorean theorem", "Transformations",
	  "Exponential growth" },
	{ "Reading stamina", "Main idea and details", "Making inferences", "Context clues",
	  "Word roots and affixes", "Summarizing", "Character and plot", "Theme", "Point of view",
	  "Figurative language", "Text structure", "Comparing texts", "Sentence structure",
	  "Punctuation", "Paragraph writing", "Narrative writing", "Informative writing",
	  "Claims and evidence", "Argument writing", "Research questions", "Citing sources",
	  "Revising and editing", "Poetry analysis", "Drama and performance",
	  "Speaking and listening", "Media literacy", "Literary analysis essay", "Rhetoric" },
	{ "Scientific questions", "Measurement and units", "Properties of matter",
	  "States of matter", "Mixtures and solutions", "Forms of energy", "Heat transfer",
	  "Forces and motion", "Simple machines", "Waves and sound", "Light",
	  "Electricity and circuits", "Magnetism", "Cells", "Body systems", "Heredity",
	  "Adaptation", "Ecosystems", "Food webs", "Weather and climate", "The rock cycle",
	  "Plate tectonics", "The water cycle", "The solar system", "Atoms and elements",
	  "Chemical reactions", "Natural resources", "Designing experiments" },
	{ "Reading maps", "Regional geography", "Communities and cultures",
	  "Primary and secondary sources", "Timelines", "Early civilizations",
	  "Ancient Greece and Rome", "World religions", "Medieval societies",
	  "The age of exploration", "Colonial America", "The American Revolution",
	  "The Constitution", "Branches of government", "Rights and responsibilities",
	  "Westward expansion", "The Civil War", "Industrialization", "Immigration",
	  "World War I", "The Great Depression", "World War II", "The civil rights movement",
	  "Supply and demand", "Personal finance", "Global trade", "Elections and voting",
	  "Current events" },
	{ "Asking good questions", "Observing and describing", "Comparing and contrasting",
	  "Cause and effect", "Classifying", "Finding patterns", "Making predictions",
	  "Evaluating evidence", "Recognizing bias", "Logical reasoning", "Systems thinking",
	  "Perspective taking", "Brainstorming", "The design process", "Prototyping",
	  "Testing and iterating", "Collaboration", "Giving feedback", "Decision making",
	  "Framing a problem", "Ethical reasoning", "Metacognition", "Setting goals",
	  "Planning a project", "Presenting ideas", "Reflection", "Creative synthesis",
	  "Leadership" },
};
#define N_DIGITAL 8
static const char *const digital_title[N_DIGITAL] = {
	"Keyboarding", "Online safety", "Searching the web", "Spreadsheets",
	"Slide presentations", "Block coding", "Digital citizenship", "Data privacy",
};

#define N_FIRST 64
static const char *const first_name[N_FIRST] = {
	"Aaliyah", "Aiden", "Amara", "Andre", "Ava", "Benjamin", "Camila", "Carlos", "Chloe",
	"Daniel", "Deja", "Diego", "Elena", "Elijah", "Emma", "Ethan", "Fatima", "Gabriel",
	"Grace", "Hana", "Hector", "Imani", "Isaac", "Isabella", "Jamal", "Jasmine", "Javier",
	"Jonah", "Kai", "Keisha", "Leah", "Liam", "Lucas", "Maya", "Mei", "Mateo", "Mia",
	"Mohammed", "Nadia", "Noah", "Nora", "Olivia", "Omar", "Priya", "Quinn", "Rafael",
	"Riley", "Rosa", "Ryan", "Samira", "Santiago", "Sofia", "Tariq", "Tessa", "Theo",
	"Uma", "Victor", "Wyatt", "Xavier", "Yara", "Yusuf", "Zara", "Zoe", "Owen",
};
#define N_LAST 64
static const char *const last_name[N_LAST] = {
	"Adams", "Ahmed", "Alvarez", "Anderson", "Baker", "Bennett", "Brooks", "Chen", "Clark",
	"Cohen", "Diaz", "Edwards", "Evans", "Fischer", "Flores", "Garcia", "Gonzalez", "Green",
	"Hall", "Harris", "Hernandez", "Hill", "Ibrahim", "Jackson", "Johnson", "Kaur", "Kim",
	"King", "Kowalski", "Lee", "Lopez", "Martin", "Martinez", "Mitchell", "Moore", "Nguyen",
	"Novak", "Okafor", "Olsen", "Ortiz", "Patel", "Perez", "Phillips", "Ramirez", "Reyes",
	"Rivera", "Roberts", "Robinson", "Sanchez", "Scott", "Shah", "Singh", "Smith", "Sullivan",
	"Taylor", "Thomas", "Tran", "Turner", "Walker", "Washington", "White", "Williams", "Wright",
	"Young",
};

#define N_TOPICS 24
static const struct {
	const char *title;
	bool computer;
} seminar_topic[N_TOPICS] = {
	{ "Robotics", true }, { "Film Making", false }, { "Debate Club", false },
	{ "Community Garden", false }, { "Chess Strategy", false }, { "School Newspaper", false },
	{ "Astronomy", false }, { "Music Production", true }, { "Young Entrepreneurs", false },
	{ "Photography", false }, { "Theater Workshop", false }, { "Game Design", true },
	{ "Creative Writing", false }, { "Model United Nations", false }, { "Podcasting", true },
	{ "Sign Language", false }, { "Forensic Science", false }, { "Cooking and Nutrition", false },
	{ "Mural Painting", false }, { "Mock Trial", false }, { "Rocketry", false },
	{ "Coding Club", true }, { "Environmental Action", false }, { "Choir", false },
};
static const char *const edition_suffix[] = { "", " II", " III", " IV", " V", " VI", " VII",
					      " VIII", " IX", " X" };

static const char *const day_name[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const slot_start[MAX_SLOTS] = { "08:30", "09:40", "10:50", "13:00", "14:10",
						   "15:20", "16:30" };
static const char *const slot_end[MAX_SLOTS] = { "09:30", "10:40", "11:50", "14:00", "15:10",
						 "16:20", "17:30" };

/* ---- random numbers ---- */

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A stream of its own for one part of the school: same arguments, same stream. */
static struct rng rng_stream(const struct school *s, enum stream stream)
{
	struct rng r = { s->seed * 0xd1b54a32d192ed03ULL ^
			 ((uint64_t)s->n_learners << 20) ^ ((uint64_t)s->n_days << 16) ^
			 (uint64_t)stream };
	rng_next(&r);
	return r;
}

/* Uniform in [0, n). */
static int rng_below(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static int rng_between(struct rng *r, int lo, int hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static void rng_shuffle(struct rng *r, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_below(r, i + 1), t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* ---- building the school ---- */

static void school_make_blocks(struct school *s)
{
	int slots = s->shape.workshop_slots + s->shape.seminar_slots;
	for (int d = 0; d < s->n_days; d++)
		for (int k = 0; k < slots; k++) {
			struct block *b = &s->blocks[s->n_blocks++];
			snprintf(b->id, sizeof(b->id), "%s%d", day_name[d], (k + 1) % 10);
			b->day = d;
			b->slot = k;
			b->workshop = k < s->shape.workshop_slots;
			/* power-goal groups meet in every workshop block: no limits */
			b->limited = s->shape.limited_blocks && k == s->shape.workshop_slots - 1 &&
				     k > 0 && d % 2 == 0 && !s->power_goal;
			b->one_area = k == 0 ? s->one_area : -1;
			if (!strcmp(s->model, "combination"))
				b->used = true;
			else if (!strcmp(s->model, "seminar"))
				b->used = !b->workshop;
			else
				b->used = b->workshop;
			s->n_used += b->used;
		}
}

/* Goals per facilitated area: 6 at 60 learners, 26 at 1500, at most 28. */
static int goals_per_area(int n_learners)
{
	int n = 6 + n_learners / 75;
	return n < N_TITLES ? n : N_TITLES;
}

static const char *goal_title_of(const struct school *s, const struct goal *g)
{
	if (g->track == DIGITAL)
		return digital_title[g->index];
	int per_area = goals_per_area(s->n_learners);
	return goal_title[g->track][g->index * N_TITLES / per_area];
}

/* Hands-on goals meet in a lab or the makerspace. */
static enum feature goal_feature(const char *title)
{
	static const char *const science[] = { "States of matter", "Mixtures and solutions",
		"Electricity and circuits", "Cells", "Heredity", "Chemical reactions",
		"Designing experiments" };
	static const char *const maker[] = { "The design process", "Prototyping",
		"Testing and iterating" };
	for (size_t i = 0; i < sizeof(science) / sizeof(science[0]); i++)
		if (!strcmp(title, science[i]))
			return FEATURE_SCIENCE;
	for (size_t i = 0; i < sizeof(maker) / sizeof(maker[0]); i++)
		if (!strcmp(title, maker[i]))
			return FEATURE_MAKER;
	return FEATURE_NONE;
}

/*
 * Each progression is a chain with a fork every five goals that merges
 * again: counting from 0, goals 3 and 4 both require 2 and goal 5 requires
 * 3 and 4, and so on.
 * Prerequisites always come earlier in the progression, so mastering a prefix
 * of it is always consistent.
 */
static void school_make_goals(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_GOALS);
	int per_area = goals_per_area(s->n_learners);
	int n_digital = s->n_learners >= 600 ? N_DIGITAL : 6;
	s->goals = xcalloc((size_t)(N_AREAS * per_area + n_digital), sizeof(*s->goals));
	for (int t = 0; t < N_TRACKS; t++) {
		int count = t < N_AREAS ? per_area : n_digital;
		s->first_goal[t] = s->n_goals;
		for (int k = 0; k < count; k++) {
			struct goal *g = &s->goals[s->n_goals];
			snprintf(g->id, sizeof(g->id), "%s-%02d", area_code[t], k + 1);
			g->track = t;
			g->index = k;
			if (t == DIGITAL) {
				g->min_group = 1;
				g->max_group = s->shape.lab_max;
			} else {
				g->min_group = rng_between(&r, s->shape.min_group_lo,
							   s->shape.min_group_hi);
				g->max_group = rng_between(&r, 20, 25);
			}
			g->sessions = rng_between(&r, 1, 3);
			if (k >= 5 && k % 5 == 0) {
				g->req[g->n_req++] = s->n_goals - 2;
				g->req[g->n_req++] = s->n_goals - 1;
			} else if (k % 5 == 4) {
				g->req[g->n_req++] = s->n_goals - 2;
			} else if (k > 0) {
				g->req[g->n_req++] = s->n_goals - 1;
			}
			g->feature = goal_feature(goal_title_of(s, g));
			s->n_goals++;
		}
	}
	struct rng rf = rng_stream(s, STREAM_FEATURES);
	for (int i = 0; i < s->n_goals && s->shape.feature_pct; i++)
		if (s->goals[i].track != DIGITAL && rng_below(&rf, 100) < s->shape.feature_pct)
			s->goals[i].feature = rng_below(&rf, 2) ? FEATURE_SCIENCE : FEATURE_MAKER;
	s->first_goal[N_TRACKS] = s->n_goals;
}

static struct facilitator *facilitator_new(struct school *s)
{
	xgrow((void **)&s->facilitators, &s->alloc_facilitators, (size_t)s->n_facilitators + 1,
	      sizeof(*s->facilitators));
	struct facilitator *f = &s->facilitators[s->n_facilitators++];
	memset(f, 0, sizeof(*f));
	f->guru_goal = f->able_goal = -1;
	return f;
}

/* A random goal of a facilitated area the facilitator has no area row in. */
static int goal_outside(const struct school *s, const struct facilitator *f, struct rng *r)
{
	int free_areas[N_AREAS], n = 0;
	for (int a = 0; a < N_AREAS; a++)
		if (!f->guru[a] && !f->able[a])
			free_areas[n++] = a;
	if (!n)
		return -1;
	int a = free_areas[rng_below(r, n)];
	return s->first_goal[a] + rng_below(r, s->first_goal[a + 1] - s->first_goal[a]);
}

/*
 * A guru in 2-3 areas, half of them also in one goal elsewhere; able in
 * another area or goal now and then.  Part-time ones are away a whole day or
 * a few blocks, or lead fewer sessions than the model's blocks, or both.
 */
static void facilitator_add(struct school *s, struct rng *r, bool part_time)
{
	struct facilitator *f = facilitator_new(s);
	f->first = rng_below(r, N_FIRST);
	f->last = rng_below(r, N_LAST);
	int areas[N_AREAS] = { 0, 1, 2, 3, 4 };
	rng_shuffle(r, areas, N_AREAS);
	int n_guru = rng_between(r, 2, 3);
	for (int i = 0; i < n_guru; i++)
		f->guru[areas[i]] = true;
	if (rng_below(r, 2))
		f->able[areas[n_guru]] = true;
	if (rng_below(r, 2))
		f->guru_goal = goal_outside(s, f, r);
	if (rng_below(r, 3) == 0) {
		f->able_goal = goal_outside(s, f, r);
		if (f->able_goal == f->guru_goal)
			f->able_goal = -1;
	}
	if (!part_time)
		return;
	int how = rng_below(r, 3);      /* 0: away, 1: limited, 2: both */
	if (how != 1) {
		if (rng_below(r, 2)) {
			int d = rng_below(r, s->n_days);
			int slots = s->shape.workshop_slots + s->shape.seminar_slots;
			for (int k = 0; k < slots; k++)
				f->away[d * slots + k] = true;
		} else {
			for (int i = rng_between(r, 2, 4); i > 0; i--)
				f->away[rng_below(r, s->n_blocks)] = true;
		}
	}
	if (how != 0)
		f->max_sessions = s->n_used * rng_between(r, s->shape.max_sessions_lo,
							     s->shape.max_sessions_hi) / 100;
	if (f->max_sessions < 1 && how != 0)
		f->max_sessions = 1;
}

/*
 * One facilitator per 25 learners (--learners-per-facilitator), plus one;
 * every area has two gurus at least.
 */
static void school_make_staff(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_STAFF);
	int want = (s->n_learners + s->per_facilitator - 1) / s->per_facilitator + 1;
	for (int i = 0; i < want; i++)
		facilitator_add(s, &r, rng_below(&r, 100) < s->shape.part_time_pct);
	for (int a = 0; a < N_AREAS; a++) {
		int gurus = 0;
		for (int f = 0; f < s->n_facilitators; f++)
			gurus += s->facilitators[f].guru[a];
		for (int i = 0; gurus < 2 && i < s->n_facilitators; i++) {
			struct facilitator *f = &s->facilitators[(i * 7 + a) % s->n_facilitators];
			if (!f->guru[a]) {
				f->guru[a] = true;
				f->able[a] = false;
				gurus++;
			}
		}
	}
}

static void room_add(struct school *s, enum room_kind kind, int number, int capacity)
{
	xgrow((void **)&s->rooms, &s->alloc_rooms, (size_t)s->n_rooms + 1, sizeof(*s->rooms));
	struct room *room = &s->rooms[s->n_rooms++];
	memset(room, 0, sizeof(*room));
	room->kind = kind;
	room->number = number;
	room->capacity = capacity;
}

/* Classrooms numbered by floor, twelve a floor: 101..112, 201.... */
static void classroom_add(struct school *s, int capacity)
{
	int i = s->n_classrooms++;
	room_add(s, ROOM_CLASS, 100 * (1 + i / 12) + 1 + i % 12, capacity);
}

static const int classroom_sizes[] = { 20, 24, 25, 28, 30, 32, 35 };

static void school_make_rooms(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_ROOMS);
	int n_class = s->n_facilitators + 2;
	for (int i = 0; i < n_class; i++)
		classroom_add(s, classroom_sizes[rng_below(&r, 7)]);
	for (int i = 0; i < 2 + s->n_learners / 600; i++)
		room_add(s, ROOM_COMPUTER, i, rng_between(&r, 35, 40));
	for (int i = 0; i < 1 + s->n_learners / 800 + s->shape.science_labs; i++)
		room_add(s, ROOM_SCIENCE, i + 1, rng_between(&r, 28, 32));
	for (int i = 0; i < 1 + s->n_learners / 1500 + s->shape.makerspaces; i++)
		room_add(s, ROOM_MAKER, i + 1, rng_between(&r, 24, 28));
	room_add(s, ROOM_LARGE, 0, 60);
	if (s->n_learners >= 600)
		room_add(s, ROOM_LARGE, 1, 90);
	for (int i = 0; i < 1 + s->n_learners / 1000; i++)     /* maintenance */
		s->rooms[rng_below(&r, s->n_rooms)].closed[rng_below(&r, s->n_blocks)] = true;
}

/*
 * Ages 12-18; on every progression a position that grows with age plus
 * chance; 5% are away (related arts, appointments) for 1-3 blocks.
 */
static void school_make_learners(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_LEARNERS);
	s->learners = xcalloc((size_t)s->n_learners, sizeof(*s->learners));
	for (int l = 0; l < s->n_learners; l++) {
		struct learner *ln = &s->learners[l];
		ln->first = rng_below(&r, N_FIRST);
		ln->last = rng_below(&r, N_LAST);
		ln->age = rng_between(&r, 12, 18);
		/* the default school's draw, kept so that its files stay the same */
		if (s->random_style ? rng_below(&r, 100) < s->shape.learner_away_pct
				    : rng_below(&r, 20) == 0)
			for (int i = rng_between(&r, 1, 3); i > 0; i--)
				ln->away[rng_below(&r, s->n_blocks)] = true;
		for (int t = 0; t < N_TRACKS; t++) {
			int count = s->first_goal[t + 1] - s->first_goal[t];
			double at = (ln->age - 12) / 6.0 * 0.6 + rng_unit(&r) * 0.4;
			int p = (int)(at * (count - 1) + 0.5);
			ln->pos[t] = p < count - 1 ? p : count - 1;
		}
	}
}

/* ---- the feasibility guarantee ---- */

static int cmp_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/*
 * Seats of the rooms open in block b, min(capacity, LAB_MAX), largest first.
 * With a lab feature, labs meet in the computer labs only, so the other
 * rooms seat min(capacity, GROUP_MAX), a workshop's largest group.
 */
static int block_room_seats(const struct school *s, int b, int *seats)
{
	int n = 0;
	for (int i = 0; i < s->n_rooms; i++)
		if (!s->rooms[i].closed[b]) {
			int m = s->lab_feature && s->rooms[i].kind != ROOM_COMPUTER ? GROUP_MAX
										     : s->shape.lab_max;
			seats[n++] = s->rooms[i].capacity < m ? s->rooms[i].capacity : m;
		}
	qsort(seats, (size_t)n, sizeof(*seats), cmp_desc);
	return n;
}

static int block_learners(const struct school *s, int b)
{
	int n = 0;
	for (int l = 0; l < s->n_learners; l++)
		n += !s->learners[l].away[b];
	return n;
}

/* Can f lead a power-goal group, which meets in every workshop block? */
static bool facilitator_full_time(const struct school *s, const struct facilitator *f)
{
	int workshops = 0;
	for (int b = 0; b < s->n_blocks; b++) {
		if (s->blocks[b].workshop && f->away[b])
			return false;
		workshops += s->blocks[b].workshop;
	}
	return !f->max_sessions || f->max_sessions >= workshops;
}

static int block_facilitators(const struct school *s, int b)
{
	bool full_time_only = s->power_goal && s->blocks[b].workshop;
	int n = 0;
	for (int i = 0; i < s->n_facilitators; i++) {
		const struct facilitator *f = &s->facilitators[i];
		n += !f->away[b] && (!full_time_only || facilitator_full_time(s, f));
	}
	return n;
}

/*
 * Checks both counts of the guarantee; returns true when they hold, else
 * false with the reason in why.
 */
static bool school_feasible(const struct school *s, char *why, size_t why_size)
{
	int *seats = xmalloc(sizeof(*seats) * (size_t)(s->n_rooms + 1));
	long sessions_needed = 0, budget = 0;
	bool ok = true;
	for (int b = 0; b < s->n_blocks && ok; b++) {
		int nl = block_learners(s, b), nf = block_facilitators(s, b);
		int nr = block_room_seats(s, b, seats);
		long sum = 0, want = (long)ceil(1.08 * nl);
		for (int i = 0; i < nr && i < nf; i++)
			sum += seats[i];
		if (sum < want) {
			snprintf(why, why_size, "block '%s' seats %ld of %ld", s->blocks[b].id, sum,
				 want);
			ok = false;
		}
		if (!s->blocks[b].used)
			continue;
		int k = 0;
		for (sum = 0; sum < nl && k < nr; k++)
			sum += seats[k];
		sessions_needed += k;
	}
	for (int i = 0; i < s->n_facilitators && ok; i++) {
		const struct facilitator *f = &s->facilitators[i];
		int avail = 0;
		for (int b = 0; b < s->n_blocks; b++)
			avail += s->blocks[b].used && !f->away[b];
		budget += f->max_sessions && f->max_sessions < avail ? f->max_sessions : avail;
	}
	if (ok && budget <= sessions_needed) {
		snprintf(why, why_size, "facilitators lead %ld sessions, %ld needed", budget,
			 sessions_needed);
		ok = false;
	}
	free(seats);
	return ok;
}

/* ---- the lab count (--lab-feature) ---- */

static bool learner_mastered(const struct school *s, const struct learner *ln, int g)
{
	int t = s->goals[g].track;
	return g - s->first_goal[t] < ln->pos[t] && ln->revisit[t] != 1 + g;
}

static bool need_ready(const struct school *s, const struct learner *ln, const struct need *n)
{
	const struct goal *g = &s->goals[n->goal];
	for (int i = 0; i < g->n_req; i++)
		if (!learner_mastered(s, ln, g->req[i]))
			return false;
	return true;
}

/* May facilitated track t run in workshop block b (blocks.csv `areas`)? */
static bool block_allows(const struct block *b, int t)
{
	if (b->one_area >= 0)
		return t == b->one_area;
	return !b->limited || t == 0 || t == 1;         /* Math, ELA */
}

/* Does the learner have a ready facilitated need that block b allows? */
static bool learner_has_workshop(const struct school *s, const struct learner *ln, int b)
{
	for (int i = 0; i < ln->n_needs; i++) {
		int t = s->goals[ln->needs[i].goal].track;
		if (t != DIGITAL && block_allows(&s->blocks[b], t) && need_ready(s, ln, &ln->needs[i]))
			return true;
	}
	return false;
}

static long ceil_div(long a, long b)
{
	return b > 0 ? (a + b - 1) / b : 0;
}

/*
 * With a lab feature, labs meet only in the computer labs, and every
 * learner who is in no workshop session or seminar meeting in a block is in
 * a lab there.  In each block of the model the open computer labs, at
 * min(capacity, LAB_MAX) each, must seat 1.08 x the larger of:
 * - the learners who can be nowhere else: in a workshop block, those with no
 *   ready facilitated need of an area the block allows; in a seminar block,
 *   those beyond every seminar section meeting there at max_size;
 * - the block's share (evenly over the model's blocks of its kind) of the
 *   lab time the cycle needs at least: each learner's available workshop
 *   blocks beyond the sessions of their ready facilitated needs (in the
 *   power-goal model: every workshop block of a learner with no ready
 *   facilitated need), and the seminar blocks' learner places beyond the
 *   seminars' meetings x sections x max_size.
 * Both are floors: a need-session a group cannot be formed for also ends in
 * a lab.  Returns true when the count holds, else false with why.
 */
static bool school_labs_feasible(const struct school *s, char *why, size_t why_size)
{
	long lab_w = 0, lab_s = 0, seminar_seats = 0, meeting_seats = 0;
	int n_w = 0, n_s = 0;
	for (int k = 0; k < s->n_seminars; k++) {
		const struct seminar *sm = &s->seminars[k];
		seminar_seats += (long)sm->sections * sm->max_size;
		meeting_seats += (long)sm->sections * sm->max_size * sm->meetings;
	}
	for (int b = 0; b < s->n_blocks; b++) {
		if (!s->blocks[b].used)
			continue;
		if (s->blocks[b].workshop)
			n_w++;
		else {
			n_s++;
			lab_s += block_learners(s, b);
		}
	}
	lab_s = lab_s > meeting_seats ? lab_s - meeting_seats : 0;
	for (int l = 0; l < s->n_learners; l++) {
		const struct learner *ln = &s->learners[l];
		long avail = 0, sessions = 0;
		bool any = false;
		for (int b = 0; b < s->n_blocks; b++)
			avail += s->blocks[b].used && s->blocks[b].workshop && !ln->away[b];
		for (int i = 0; i < ln->n_needs; i++)
			if (s->goals[ln->needs[i].goal].track != DIGITAL &&
			    need_ready(s, ln, &ln->needs[i])) {
				sessions += ln->needs[i].sessions;
				any = true;
			}
		if (s->power_goal)
			sessions = any ? avail : 0;
		lab_w += avail > sessions ? avail - sessions : 0;
	}
	for (int b = 0; b < s->n_blocks; b++) {
		const struct block *bl = &s->blocks[b];
		if (!bl->used)
			continue;
		long only_lab = 0, share;
		if (bl->workshop) {
			for (int l = 0; l < s->n_learners; l++)
				only_lab += !s->learners[l].away[b] &&
					    !learner_has_workshop(s, &s->learners[l], b);
			share = ceil_div(lab_w, n_w);
		} else {
			only_lab = block_learners(s, b) - seminar_seats;
			share = ceil_div(lab_s, n_s);
		}
		long want = (long)ceil(1.08 * (double)(only_lab > share ? only_lab : share)), seats = 0;
		for (int i = 0; i < s->n_rooms; i++)
			if (s->rooms[i].kind == ROOM_COMPUTER && !s->rooms[i].closed[b])
				seats += s->rooms[i].capacity < s->shape.lab_max ? s->rooms[i].capacity
										  : s->shape.lab_max;
		if (seats < want) {
			snprintf(why, why_size, "block '%s' lab seats %ld of %ld", bl->id, seats, want);
			return false;
		}
	}
	return true;
}

/*
 * Adds full-time facilitators and classrooms until the guarantee holds,
 * and, with a lab feature, computer labs first until the lab count holds.
 */
static void school_make_feasible(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_FEASIBLE);
	char why[128];
	int added = 0, labs = 0;
	for (;;) {
		/* each round adds 24+ seats in every block: bounded by the learners */
		if (added + labs > s->n_learners) {
			fprintf(stderr, "mclsched-gen: internal error: cannot make the school feasible "
				"(%s)\n", why);
			exit(4);
		}
		if (s->lab_feature && !school_labs_feasible(s, why, sizeof(why))) {
			int n = 0;
			for (int i = 0; i < s->n_rooms; i++)
				n += s->rooms[i].kind == ROOM_COMPUTER;
			room_add(s, ROOM_COMPUTER, n, rng_between(&r, 35, 40));
			labs++;
			continue;
		}
		if (school_feasible(s, why, sizeof(why)))
			break;
		facilitator_add(s, &r, false);
		classroom_add(s, classroom_sizes[rng_between(&r, 3, 6)]);
		added++;
	}
	if (added)
		fprintf(stderr, "mclsched-gen: added %d facilitator%s and classroom%s for feasibility\n",
			added, added == 1 ? "" : "s", added == 1 ? "" : "s");
	if (labs)
		fprintf(stderr, "mclsched-gen: added %d computer lab%s for the lab feature '%s'\n",
			labs, labs == 1 ? "" : "s", s->lab_feature);
}

/* Coaches are assigned once the staff is final. */
static void school_assign_coaches(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_COACHES);
	for (int l = 0; l < s->n_learners; l++)
		s->learners[l].coach = rng_below(&r, s->n_facilitators);
}

/* The first goal after the frontier that needs a goal not yet mastered. */
static int goal_not_ready(const struct school *s, const struct learner *ln, int t)
{
	int p = s->first_goal[t] + ln->pos[t];
	for (int g = p + 1; g < s->first_goal[t + 1]; g++)
		for (int i = 0; i < s->goals[g].n_req; i++)
			if (s->goals[g].req[i] >= p)
				return g;
	return -1;
}

/* Is goal g a direct prerequisite of goal of? */
static bool goal_requires(const struct school *s, int of, int g)
{
	for (int i = 0; i < s->goals[of].n_req; i++)
		if (s->goals[of].req[i] == g)
			return true;
	return false;
}

/*
 * A second ready goal on track t, beside the frontier goal p, for learners
 * with more needs than tracks (--needs above 6), or -1.  The fork partner
 * when p is the first goal of a fork (both require the goal before the
 * fork); else a revisit: the latest mastered goal that is not a direct
 * prerequisite of p, which the learner is then scored below mastery on
 * (write_progress).  Readiness looks at direct prerequisites only, so p stays
 * ready; the revisit's own prerequisites are mastered.
 */
static int second_goal(const struct school *s, struct learner *ln, int t)
{
	int first = s->first_goal[t], count = s->first_goal[t + 1] - first, k = ln->pos[t];
	if (k % 5 == 3 && k + 1 < count)
		return first + k + 1;
	for (int j = k - 1; j >= 0; j--)
		if (!goal_requires(s, first + k, first + j)) {
			ln->revisit[t] = 1 + first + j;
			return first + j;
		}
	return -1;
}

static void need_add(struct school *s, struct learner *ln, struct rng *r, int g)
{
	struct need *n = &ln->needs[ln->n_needs];
	n->goal = g;
	n->priority = ln->n_needs == 0 ? 1 : rng_between(r, 2, 5);
	n->sessions = rng_below(r, 4) ? s->goals[g].sessions : rng_between(r, 1, 3);
	ln->n_needs++;
}

/*
 * 3-6 needs (--needs) in different tracks at the learner's frontier; the
 * first, on a facilitated area, is the power goal (priority 1).  About 3% of
 * the others aim past the frontier and are not ready.  With --one-area-block
 * every learner has a need in that area.  Needs beyond one a track take a
 * second ready goal on the tracks in the same order (second_goal); a learner
 * whose progressions hold too few gets fewer, but never fewer than six.
 */
static void school_make_needs(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_NEEDS);
	for (int l = 0; l < s->n_learners; l++) {
		struct learner *ln = &s->learners[l];
		int order[N_TRACKS] = { 0, 1, 2, 3, 4, 5 };
		rng_shuffle(&r, order, N_TRACKS);
		if (order[0] == DIGITAL) {
			int j = rng_between(&r, 1, N_TRACKS - 1);
			order[0] = order[j];
			order[j] = DIGITAL;
		}
		int want = rng_between(&r, s->needs_min, s->needs_max);
		for (int j = want; j < N_TRACKS && s->one_area >= 0; j++)
			if (order[j] == s->one_area) {
				order[j] = order[want - 1];
				order[want - 1] = s->one_area;
			}
		for (int i = 0; i < want && i < N_TRACKS; i++) {
			int t = order[i], g = s->first_goal[t] + ln->pos[t];
			if (i > 0 && rng_below(&r, 25) == 0) {
				int later = goal_not_ready(s, ln, t);
				if (later >= 0)
					g = later;
			}
			need_add(s, ln, &r, g);
		}
		for (int i = 0; i < N_TRACKS && ln->n_needs < want; i++) {
			int g = second_goal(s, ln, order[i]);
			if (g >= 0)
				need_add(s, ln, &r, g);
		}
	}
}

/*
 * One seminar per 40 learners (three at least), 2-5 meetings, some gated by
 * a goal or an age band, technical ones in the computer lab.
 */
static void school_make_seminars(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_SEMINARS);
	int seminar_blocks = 0;
	for (int b = 0; b < s->n_blocks; b++)
		seminar_blocks += !s->blocks[b].workshop;
	int per = s->shape.learners_per_seminar;
	s->n_seminars = s->n_learners / per > 3 ? s->n_learners / per : 3;
	s->seminars = xcalloc((size_t)s->n_seminars, sizeof(*s->seminars));
	for (int k = 0; k < s->n_seminars; k++) {
		struct seminar *sm = &s->seminars[k];
		sm->topic = k % N_TOPICS;
		sm->edition = k / N_TOPICS;
		sm->meetings = rng_between(&r, 2, 5);
		if (sm->meetings > seminar_blocks)
			sm->meetings = seminar_blocks;
		sm->max_size = rng_between(&r, 15, 25);
		if (s->random_style)
			sm->sections = rng_between(&r, 1, s->shape.sections_max);
		else
			sm->sections = rng_below(&r, 3) == 0 ? 2 : 1;
		sm->requires = -1;
		if (s->random_style ? rng_below(&r, 100) < s->shape.requires_pct
				    : rng_below(&r, 4) == 0) {
			int a = rng_below(&r, N_AREAS);
			sm->requires = s->first_goal[a] + rng_between(&r, 1, 2);
		}
		int band = s->random_style ? (rng_below(&r, 100) < s->shape.band_pct ? rng_below(&r, 2)
									 : 2)
					   : rng_below(&r, 6);
		if (band == 0) {
			sm->age_min = 14;
			sm->age_max = 18;
		} else if (band == 1) {
			sm->age_min = 12;
			sm->age_max = 14;
		}
	}
}

/*
 * Each learner ranks 3-5 seminars, drawn with Zipf weights 1/k^skew over a
 * shuffled popularity order (k the place in it).
 */
static void school_make_choices(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_CHOICES);
	int n = s->n_seminars;
	int *popular = xmalloc(sizeof(*popular) * (size_t)n);
	double *cumulative = xmalloc(sizeof(*cumulative) * (size_t)n), total = 0;
	for (int k = 0; k < n; k++)
		popular[k] = k;
	rng_shuffle(&r, popular, n);
	for (int k = 0; k < n; k++)     /* --popularity-skew: the Zipf exponent, 1 by default */
		cumulative[k] = total += s->skew == 1.0 ? 1.0 / (k + 1) : 1.0 / pow(k + 1, s->skew);
	for (int l = 0; l < s->n_learners; l++) {
		struct learner *ln = &s->learners[l];
		int want = rng_between(&r, 3, MAX_CHOICES);
		if (want > n)
			want = n;
		while (ln->n_choices < want) {
			double u = rng_unit(&r) * total;
			int lo = 0, hi = n - 1;
			while (lo < hi) {       /* first k with cumulative[k] > u */
				int mid = (lo + hi) / 2;
				if (cumulative[mid] > u)
					hi = mid;
				else
					lo = mid + 1;
			}
			int pick = popular[lo];
			bool dup = false;
			for (int j = 0; j < ln->n_choices; j++)
				dup |= ln->choices[j] == pick;
			if (!dup)
				ln->choices[ln->n_choices++] = pick;
		}
	}
	free(cumulative);
	free(popular);
}

static void school_make_cycle_feasible(struct school *s);

static void school_build(struct school *s)
{
	if (!s->shape.workshop_slots)
		s->shape = shape_default;
	school_make_blocks(s);
	school_make_goals(s);
	school_make_staff(s);
	school_make_rooms(s);
	school_make_learners(s);
	school_make_needs(s);           /* the lab count reads needs and seminars */
	school_make_seminars(s);
	school_make_choices(s);
	school_make_feasible(s);
	school_assign_coaches(s);       /* once the staff is final */
	school_make_cycle_feasible(s);  /* mclsched's own counts; draws coaches again if it adds */
}

static void school_release(struct school *s)
{
	free(s->goals);
	free(s->learners);
	free(s->facilitators);
	free(s->rooms);
	free(s->seminars);
}

/* ---- writing ---- */

static void write_block_list(FILE *f, const struct school *s, const bool *flags)
{
	const char *sep = "";
	for (int b = 0; b < s->n_blocks; b++)
		if (flags[b]) {
			fprintf(f, "%s%s", sep, s->blocks[b].id);
			sep = ";";
		}
}

static void write_shape(FILE *f, const struct school *s);

/* The header names every option that differs from its default. */
static void write_conf(FILE *f, const struct school *s)
{
	fprintf(f, "# Generated by mclsched-gen --learners %d --seed %llu --model %s --days %d",
		s->n_learners, (unsigned long long)s->seed, s->model, s->n_days);
	if (s->per_facilitator != 25)
		fprintf(f, " --learners-per-facilitator %d", s->per_facilitator);
	if (s->needs_min != 3 || s->needs_max != 6)
		fprintf(f, " --needs %d-%d", s->needs_min, s->needs_max);
	if (s->one_area >= 0)
		fprintf(f, " --one-area-block '%s'", area_name[s->one_area]);
	if (s->lab_feature)
		fprintf(f, " --lab-feature %s", s->lab_feature);
	if (s->seminars_per_learner != 1)
		fprintf(f, " --seminars-per-learner %d", s->seminars_per_learner);
	if (s->skew != 1.0)
		fprintf(f, " --popularity-skew %g", s->skew);
	if (s->random_style)
		fputs(" --style random", f);
	if (s->origin)
		fprintf(f, "; %s", s->origin);
	if (s->random_style)
		write_shape(f, s);
	if (s->name)
		fprintf(f, "\nname = \"%s\"\n", s->name);
	else
		fprintf(f, "\nname = \"Generated %d learners seed %llu\"\n", s->n_learners,
			(unsigned long long)s->seed);
	fprintf(f, "model = %s\nmastery = 3.0\nneeds = file\nseminars_per_learner = %d\n",
		s->model, s->seminars_per_learner);
	if (s->lab_feature)
		fprintf(f, "lab { max_group = %d  feature = \"%s\" }\n", s->shape.lab_max,
			s->lab_feature);
	else
		fprintf(f, "lab { max_group = %d }\n", s->shape.lab_max);
	fputs("solver { time_limit = 60  gap = 0.005  seed = 1 }\n", f);
}

static void write_blocks(FILE *f, const struct school *s)
{
	fputs("block_id,day,start,end,kind,areas\n", f);
	for (int b = 0; b < s->n_blocks; b++) {
		const struct block *bl = &s->blocks[b];
		fprintf(f, "%s,%s,%s,%s,%s,%s\n", bl->id, day_name[bl->day], slot_start[bl->slot],
			slot_end[bl->slot], bl->workshop ? "workshop" : "seminar",
			bl->one_area >= 0 ? area_name[bl->one_area] : bl->limited ? "Math;ELA;Digital" : "");
	}
}

static void write_goals(FILE *f, const struct school *s)
{
	fputs("goal_id,title,area,mode,min_group,max_group,sessions,feature\n", f);
	for (int i = 0; i < s->n_goals; i++) {
		const struct goal *g = &s->goals[i];
		fprintf(f, "%s,%s,%s,%s,%d,%d,%d,%s\n", g->id, goal_title_of(s, g),
			area_name[g->track], g->track == DIGITAL ? "online" : "facilitated",
			g->min_group, g->max_group, g->sessions, feature_name[g->feature]);
	}
}

static void write_prerequisites(FILE *f, const struct school *s)
{
	fputs("goal_id,requires\n", f);
	for (int i = 0; i < s->n_goals; i++)
		for (int k = 0; k < s->goals[i].n_req; k++)
			fprintf(f, "%s,%s\n", s->goals[i].id, s->goals[s->goals[i].req[k]].id);
}

static void write_facilitators(FILE *f, const struct school *s)
{
	fputs("facilitator_id,name,max_sessions,unavailable\n", f);
	for (int i = 0; i < s->n_facilitators; i++) {
		const struct facilitator *fa = &s->facilitators[i];
		fprintf(f, "F%03d,%s %s,", i + 1, first_name[fa->first], last_name[fa->last]);
		if (fa->max_sessions)
			fprintf(f, "%d", fa->max_sessions);
		fputc(',', f);
		write_block_list(f, s, fa->away);
		fputc('\n', f);
	}
}

static void write_rooms(FILE *f, const struct school *s)
{
	static const char *const large[] = { "Commons", "Auditorium" };
	static const enum feature feature_of[] = { FEATURE_NONE, FEATURE_COMPUTER,
						   FEATURE_SCIENCE, FEATURE_MAKER, FEATURE_NONE };
	fputs("room_id,name,capacity,features,unavailable\n", f);
	for (int i = 0; i < s->n_rooms; i++) {
		const struct room *r = &s->rooms[i];
		fprintf(f, "R%03d,", i + 1);
		switch (r->kind) {
		case ROOM_CLASS:
			fprintf(f, "Room %d", r->number);
			break;
		case ROOM_COMPUTER:
			if (r->number < 26)
				fprintf(f, "Computer Lab %c", 'A' + r->number);
			else
				fprintf(f, "Computer Lab %d", r->number + 1);
			break;
		case ROOM_SCIENCE:
			fprintf(f, "Science Lab %d", r->number);
			break;
		case ROOM_MAKER:
			fputs("Makerspace", f);
			if (r->number > 1)
				fprintf(f, " %d", r->number);
			break;
		case ROOM_LARGE:
			fputs(large[r->number], f);
			break;
		}
		fprintf(f, ",%d,%s", r->capacity, feature_name[feature_of[r->kind]]);
		if (r->kind == ROOM_COMPUTER && s->lab_feature &&
		    strcmp(s->lab_feature, feature_name[FEATURE_COMPUTER]))
			fprintf(f, ";%s", s->lab_feature);
		fputc(',', f);
		write_block_list(f, s, r->closed);
		fputc('\n', f);
	}
}

static void write_learners(FILE *f, const struct school *s)
{
	fputs("learner_id,name,age,coach_id,unavailable\n", f);
	for (int l = 0; l < s->n_learners; l++) {
		const struct learner *ln = &s->learners[l];
		fprintf(f, "L%04d,%s %s,%d,F%03d,", l + 1, first_name[ln->first], last_name[ln->last],
			ln->age, ln->coach + 1);
		write_block_list(f, s, ln->away);
		fputc('\n', f);
	}
}

/* Mastered goals score 3.0-4.0, a revisit 2.0-2.9, the frontier goal 1.0-2.9. */
static void write_progress(FILE *f, const struct school *s)
{
	struct rng r = rng_stream(s, STREAM_PROGRESS);
	fputs("learner_id,goal_id,score\n", f);
	for (int l = 0; l < s->n_learners; l++)
		for (int t = 0; t < N_TRACKS; t++) {
			int first = s->first_goal[t], p = s->learners[l].pos[t];
			for (int k = 0; k < p; k++) {
				int v = rng_below(&r, 11);
				double score = s->learners[l].revisit[t] == 1 + first + k ?
					       2.0 + 0.1 * (v % 10) : 3.0 + 0.1 * v;
				fprintf(f, "L%04d,%s,%.1f\n", l + 1, s->goals[first + k].id, score);
			}
			fprintf(f, "L%04d,%s,%.1f\n", l + 1, s->goals[first + p].id,
				1.0 + 0.1 * rng_below(&r, 20));
		}
}

static void write_needs(FILE *f, const struct school *s)
{
	fputs("learner_id,goal_id,priority,sessions\n", f);
	for (int l = 0; l < s->n_learners; l++)
		for (int i = 0; i < s->learners[l].n_needs; i++) {
			const struct need *n = &s->learners[l].needs[i];
			fprintf(f, "L%04d,%s,%d,%d\n", l + 1, s->goals[n->goal].id, n->priority,
				n->sessions);
		}
}

static void write_seminars(FILE *f, const struct school *s)
{
	fputs("seminar_id,title,meetings,min_size,max_size,requires,age_min,age_max,feature,"
	      "sections\n", f);
	for (int k = 0; k < s->n_seminars; k++) {
		const struct seminar *sm = &s->seminars[k];
		fprintf(f, "SEM%03d,%s%s,%d,5,%d,%s,", k + 1, seminar_topic[sm->topic].title,
			edition_suffix[sm->edition], sm->meetings, sm->max_size,
			sm->requires >= 0 ? s->goals[sm->requires].id : "");
		if (sm->age_min)
			fprintf(f, "%d,%d", sm->age_min, sm->age_max);
		else
			fputc(',', f);
		fprintf(f, ",%s,%d\n", seminar_topic[sm->topic].computer ? "computer-lab" : "",
			sm->sections);
	}
}

static void write_choices(FILE *f, const struct school *s)
{
	fputs("learner_id,seminar_id,rank\n", f);
	for (int l = 0; l < s->n_learners; l++)
		for (int j = 0; j < s->learners[l].n_choices; j++)
			fprintf(f, "L%04d,SEM%03d,%d\n", l + 1, s->learners[l].choices[j] + 1, j + 1);
}

/* Area rows for gurus and able ones, single goals, and two leaders a seminar. */
static void write_expertise(FILE *f, const struct school *s)
{
	struct rng r = rng_stream(s, STREAM_EXPERTISE);
	fputs("facilitator_id,offering,level\n", f);
	for (int i = 0; i < s->n_facilitators; i++) {
		const struct facilitator *fa = &s->facilitators[i];
		for (int a = 0; a < N_AREAS; a++)
			if (fa->guru[a] || fa->able[a])
				fprintf(f, "F%03d,area:%s,%s\n", i + 1, area_name[a],
					fa->guru[a] ? "guru" : "able");
		if (fa->guru_goal >= 0)
			fprintf(f, "F%03d,%s,guru\n", i + 1, s->goals[fa->guru_goal].id);
		if (fa->able_goal >= 0)
			fprintf(f, "F%03d,%s,able\n", i + 1, s->goals[fa->able_goal].id);
	}
	for (int k = 0; k < s->n_seminars; k++) {
		int guru = rng_below(&r, s->n_facilitators);
		int able = (guru + 1 + rng_below(&r, s->n_facilitators - 1)) % s->n_facilitators;
		fprintf(f, "F%03d,SEM%03d,guru\n", guru + 1, k + 1);
		fprintf(f, "F%03d,SEM%03d,able\n", able + 1, k + 1);
	}
}

static const struct scenario_file {
	const char *name;
	void (*write)(FILE *f, const struct school *s);
} scenario_files[] = {
	{ "scenario.conf", write_conf },
	{ "blocks.csv", write_blocks },
	{ "goals.csv", write_goals },
	{ "prerequisites.csv", write_prerequisites },
	{ "facilitators.csv", write_facilitators },
	{ "rooms.csv", write_rooms },
	{ "learners.csv", write_learners },
	{ "progress.csv", write_progress },
	{ "needs.csv", write_needs },
	{ "seminars.csv", write_seminars },
	{ "choices.csv", write_choices },
	{ "expertise.csv", write_expertise },
};
#define N_FILES (sizeof(scenario_files) / sizeof(scenario_files[0]))

/* Removes what school_write_dir wrote into tmp, and tmp itself. */
static void remove_tmp(const char *tmp)
{
	for (size_t i = 0; i < N_FILES; i++) {
		char *path = xasprintf("%s/%s", tmp, scenario_files[i].name);
		unlink(path);
		free(path);
	}
	rmdir(tmp);
}

/* Writes every file into dir; returns 0, or -1 after saying what failed. */
static int school_write_dir(const struct school *s, const char *dir)
{
	for (size_t i = 0; i < N_FILES; i++) {
		char *path = xasprintf("%s/%s", dir, scenario_files[i].name);
		FILE *f = fopen(path, "w");
		if (!f) {
			fprintf(stderr, "mclsched-gen: cannot create '%s': %s\n", path, strerror(errno));
			free(path);
			return -1;
		}
		scenario_files[i].write(f, s);
		int failed = ferror(f);
		if (fclose(f) != 0 || failed) {
			fprintf(stderr, "mclsched-gen: cannot write '%s': %s\n", path,
				strerror(errno ? errno : EIO));
			free(path);
			return -1;
		}
		free(path);
	}
	return 0;
}

/*
 * Moves the finished files from tmp to dir: one rename when dir is new or
 * empty, else (--force) one rename per file, each replacing the old file
 * whole; other files in dir are left alone.
 */
static int publish(const char *tmp, const char *dir)
{
	if (rename(tmp, dir) == 0)
		return 0;
	if (errno != ENOTEMPTY && errno != EEXIST) {
		fprintf(stderr, "mclsched-gen: cannot rename '%s' to '%s': %s\n", tmp, dir,
			strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < N_FILES; i++) {
		char *from = xasprintf("%s/%s", tmp, scenario_files[i].name);
		char *to = xasprintf("%s/%s", dir, scenario_files[i].name);
		int rc = rename(from, to);
		if (rc != 0)
			fprintf(stderr, "mclsched-gen: cannot rename '%s' to '%s': %s\n", from, to,
				strerror(errno));
		free(from);
		free(to);
		if (rc != 0)
			return -1;
	}
	rmdir(tmp);
	return 0;
}

/* mkdir -p of the directory that will hold dir. */
static void make_parents(const char *dir)
{
	char *path = xstrdup(dir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0777);
		*p = '/';
	}
	free(path);
}

/* 0: dir may be written; 1: it may not (said why). */
static int check_target(const char *dir, bool force)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "mclsched-gen: '%s' exists and is not a directory\n", dir);
		return 1;
	}
	DIR *dh = opendir(dir);
	if (!dh) {
		fprintf(stderr, "mclsched-gen: cannot read '%s': %s\n", dir, strerror(errno));
		return 1;
	}
	int entries = 0;
	struct dirent *e;
	while ((e = readdir(dh)))
		entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(dh);
	if (entries && !force) {
		fprintf(stderr, "mclsched-gen: '%s' is not empty; use --force to write into it\n",
			dir);
		return 1;
	}
	return 0;
}

/* dir without trailing slashes (a new string) and, in *tmp, a new empty
 * directory beside it with the permissions the umask gives (NULL, with a
 * message, when it cannot be made). */
static char *tmp_beside(const char *dir, char **tmp)
{
	char *target = xstrdup(dir);
	size_t len = strlen(target);
	while (len > 1 && target[len - 1] == '/')
		target[--len] = '\0';
	make_parents(target);
	*tmp = xasprintf("%s.tmp-XXXXXX", target);
	if (!mkdtemp(*tmp)) {
		fprintf(stderr, "mclsched-gen: cannot create a directory beside '%s': %s\n", target,
			strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return target;
	}
	mode_t mask = umask(0);
	umask(mask);
	chmod(*tmp, 0777 & ~mask);
	return target;
}

/* Writes the school into dir through a temporary directory beside it. */
static int school_write(const struct school *s, const char *dir)
{
	char *tmp;
	char *target = tmp_beside(dir, &tmp);
	int rc = -1;
	if (!tmp)
		goto out_free;
	if (school_write_dir(s, tmp) != 0 || publish(tmp, target) != 0) {
		remove_tmp(tmp);
		goto out_free;
	}
	rc = 0;
out_free:
	free(tmp);
	free(target);
	return rc;
}

/* ---- mclsched's own counts on the school as written (bench/gen_check.c) ---- */

/* Writes the school into a scratch directory and reads it back as mclsched
 * does to run its counts (gen_check_dir); exits when it cannot. */
static enum gen_check school_check(const struct school *s, char **why, bool *staff_short)
{
	const char *base = getenv("TMPDIR");
	char *dir = xasprintf("%s/mclsched-gen-check-XXXXXX", base && *base ? base : "/tmp");
	enum gen_check rc = GEN_CHECK_UNREADABLE;
	*why = NULL;
	if (!mkdtemp(dir)) {
		fprintf(stderr, "mclsched-gen: cannot create '%s' to check the school: %s\n", dir,
			strerror(errno));
		exit(4);
	}
	if (school_write_dir(s, dir) == 0)
		rc = gen_check_dir(dir, why, staff_short);
	remove_tmp(dir);
	free(dir);
	if (rc == GEN_CHECK_UNREADABLE) {
		fprintf(stderr, "mclsched-gen: internal error: mclsched cannot read the school\n");
		exit(4);
	}
	return rc;
}

/* "N thing(s)" into buf, or "" for none; a separator before it when after. */
static const char *count_text(char *buf, size_t size, int n, const char *thing, bool after)
{
	buf[0] = '\0';
	if (n)
		snprintf(buf, size, "%s%d %s%s", after ? ", " : "", n, thing, n == 1 ? "" : "s");
	return buf;
}

/*
 * What a round adds when the exact step fails, from what its LP prices
 * (the diagnosis why, short_by learner-blocks short): when it prices the
 * lab seats and not the facilitators, and the school has a lab feature, a
 * computer lab (open in every block, 35-40 seats) and a full-time
 * facilitator to run it, else a facilitator and a classroom (a session of
 * at most GROUP_MAX a workshop block).  As many as the shortfall needs at
 * the least, each seating at most its seats in every workshop block, so a
 * large school is not given one at a time with an LP each; 1 at least.
 * *labs: the remedy is the lab.
 */
static int exact_remedy(const struct school *s, const char *why, double short_by, bool *labs)
{
	int blocks = 0;
	for (int b = 0; b < s->n_blocks; b++)
		blocks += s->blocks[b].used && s->blocks[b].workshop;
	*labs = s->lab_feature && strstr(why, "the lab seats") &&
		!strstr(why, "facilitators (each leads");
	int seats = *labs ? s->shape.lab_max : GROUP_MAX;
	int k = blocks ? (int)ceil(short_by / ((double)blocks * seats) - 1e-9) : 1;
	return k > 1 ? k : 1;
}

/*
 * The counts above are per block and count every seminar seat; mclsched
 * also counts the seminar blocks over the cycle (precheck_seminar_cycle:
 * seats for eligible choosers available for every meeting only, none for a
 * seminar with fewer of them than min_size, sections no more than its
 * facilitators can lead, a seminar meeting only in lab rooms displaces a
 * lab).  While that count fails: a computer lab in every block
 * (with a lab feature; a full-time facilitator too when the labs of a
 * seminar block outnumber its facilitators), else a facilitator and a
 * classroom, as for any other failing count.  A school that passes is left
 * as it was; coaches are drawn again when the staff grows.
 */
static void school_make_cycle_feasible(struct school *s)
{
	struct rng r = rng_stream(s, STREAM_CYCLE);
	int labs = 0, staff = 0, classrooms = 0;
	long short_by = -1;
	char *why, a[48], b[48], c[48];
	bool staff_short;
	enum gen_check rc, first = GEN_CHECK_PASS;
	while ((rc = school_check(s, &why, &staff_short)) != GEN_CHECK_PASS) {
		if (labs + staff > s->n_learners) {     /* each round seats more: bounded */
			fprintf(stderr, "mclsched-gen: internal error: cannot make the school pass "
				"mclsched's counts:\n%s", why);
			exit(4);
		}
		const char *at = why ? strstr(why, rc == GEN_CHECK_EXACT ? "at least " : "short by ")
				     : NULL;
		if (short_by < 0) {
			short_by = at ? (long)ceil(strtod(at + 9, NULL)) : 0;
			first = rc;
		}
		bool lab = rc == GEN_CHECK_CYCLE && s->lab_feature;
		int add = rc == GEN_CHECK_EXACT
				  ? exact_remedy(s, why, at ? strtod(at + 9, NULL) : 0, &lab) : 1;
		free(why);
		for (int k = 0; k < add; k++) {
			if (lab) {
				int n = 0;
				for (int i = 0; i < s->n_rooms; i++)
					n += s->rooms[i].kind == ROOM_COMPUTER;
				room_add(s, ROOM_COMPUTER, n, rng_between(&r, 35, 40));
				labs++;
			}
			if (rc == GEN_CHECK_CYCLE && lab && !staff_short)
				continue;
			facilitator_add(s, &r, false);
			staff++;
			if (!lab) {
				classroom_add(s, classroom_sizes[rng_between(&r, 3, 6)]);
				classrooms++;
			}
		}
		if (rc != GEN_CHECK_CYCLE || !lab || staff_short)
			school_assign_coaches(s);
	}
	if (labs + staff)
		fprintf(stderr, "mclsched-gen: added %s%s%s for `mclsched check` (%s short by %ld)\n",
			count_text(a, sizeof(a), labs, "computer lab", false),
			count_text(b, sizeof(b), staff, "facilitator", labs > 0),
			count_text(c, sizeof(c), classrooms, "classroom", labs + staff > 0),
			first == GEN_CHECK_CYCLE ? "the seminar blocks over the cycle were"
			: first == GEN_CHECK_EXACT ? "the exact model's LP over the workshop blocks was"
						   : "a count of the blocks was", short_by);
}

/* ---- a district of schools (--district) ---- */

/*
 * The kinds of school a district holds, each with the twists that make one
 * thing scarce, as the generator options that make them (one table, so a
 * district's mix is read in one place).  School i is of kind i % 3 and takes
 * its kind's twists in turn, from a place that the district's seed picks, so
 * every kind and twist shows up in small districts.  A school's size is
 * placed between the district's smallest (a tenth of the largest, 50 at
 * least) and its largest (--district-max-learners), at a percent of the way
 * that its kind draws from its range.
 */
enum { DISTRICT_KINDS = 3, DISTRICT_TWISTS = 4, DISTRICT_MAX = 999, DISTRICT_LARGEST = 1500 };

static const struct district_style {
	const char *kind;               /* in the school's name */
	const char *twist;              /* in the school's name; "" for none */
	int size_lo, size_hi;           /* percent of the way from smallest to largest */
	const char *model;
	int per_facilitator, needs_min, needs_max;
	int one_area;                   /* --one-area-block, -1 */
	bool lab_feature;               /* --lab-feature computers */
	int seminars_per_learner;
	double skew;
} district_styles[DISTRICT_KINDS][DISTRICT_TWISTS] = {
	{       /* elementary-like: workshops only, small, area blocks */
		{ "elementary", "math-block", 0, 25, "workshop", 25, 3, 6, 0, false, 1, 1.0 },
		{ "elementary", "", 0, 25, "workshop", 25, 3, 6, -1, false, 1, 1.0 },
		{ "elementary", "staff-tight", 0, 25, "workshop", 23, 5, 9, -1, false, 1, 1.0 },
		{ "elementary", "literacy-block", 0, 25, "workshop", 25, 3, 6, 1, false, 1, 1.0 },
	},
	{       /* middle-like: workshops and seminars, or a power-goal focus period */
		{ "middle", "", 10, 50, "combination", 25, 3, 6, -1, false, 1, 1.0 },
		{ "middle", "computer-labs", 10, 50, "combination", 25, 3, 6, -1, true, 1, 1.0 },
		{ "middle", "staff-tight", 10, 50, "combination", 23, 5, 9, -1, false, 1, 1.0 },
		{ "middle", "power-goal", 10, 50, "power-goal", 25, 3, 6, -1, false, 1, 1.0 },
	},
	{       /* high-like: large, two seminars a learner, many needs */
		{ "high", "seminars-2", 30, 100, "combination", 25, 3, 6, -1, false, 2, 2.0 },
		{ "high", "staff-tight", 30, 100, "workshop", 23, 5, 9, -1, false, 1, 1.0 },
		{ "high", "computer-labs", 30, 100, "combination", 25, 3, 6, -1, true, 1, 1.0 },
		{ "high", "", 30, 100, "combination", 25, 3, 6, -1, false, 1, 1.0 },
	},
};

#define N_PLACES 24
static const char *const place_name[N_PLACES] = {
	"maple", "cedar", "riverside", "lincoln", "hillcrest", "oakwood", "lakeview",
	"pinecrest", "westfield", "brookside", "summit", "meadowbrook", "fairview", "highland",
	"parkside", "willow", "granite", "harbor", "sunnyside", "valley", "northgate",
	"eastwood", "southridge", "aspen",
};

/* A district stream: school i's draws depend on the seed and i only. */
static struct rng district_stream(uint64_t seed, int school)
{
	struct rng r = { seed * 0x9e3779b97f4a7c15ULL ^ ((uint64_t)(school + 1) << 40) ^
			 0x6469737472696374ULL };
	rng_next(&r);
	return r;
}

/* One school of a district: its directory name and the school to build. */
struct district_school {
	char dir[80];
	char name[96];
	char origin[128];
	struct school school;
};

/*
 * School i (from 0) of the district of seed: its style, size, seed and
 * name.  It does not depend on how many schools the district has, so the
 * district of K schools is the first K of a larger one.
 */
static void district_school_make(struct district_school *d, uint64_t seed, int i,
				 int max_learners)
{
	struct rng turn = district_stream(seed, -1), r = district_stream(seed, i);
	int rotate = rng_below(&turn, DISTRICT_TWISTS);
	const struct district_style *st =
		&district_styles[i % DISTRICT_KINDS][(i / DISTRICT_KINDS + rotate) % DISTRICT_TWISTS];
	int smallest = max_learners / 10 > MIN_LEARNERS ? max_learners / 10 : MIN_LEARNERS;
	int learners = smallest + (max_learners - smallest) *
				  rng_between(&r, st->size_lo, st->size_hi) / 100;
	const char *place = place_name[rng_below(&r, N_PLACES)];
	uint64_t school_seed = rng_next(&r) >> 33;      /* short enough to type */

	snprintf(d->dir, sizeof(d->dir), "%03d-%s-%s%s%s", i + 1, place, st->kind,
		 *st->twist ? "-" : "", st->twist);
	snprintf(d->name, sizeof(d->name), "%c%s %c%s %03d", toupper((unsigned char)place[0]),
		 place + 1, toupper((unsigned char)st->kind[0]), st->kind + 1, i + 1);
	snprintf(d->origin, sizeof(d->origin), "school %d of --district --seed %llu", i + 1,
		 (unsigned long long)seed);
	if (max_learners != DISTRICT_LARGEST)
		snprintf(d->origin + strlen(d->origin), sizeof(d->origin) - strlen(d->origin),
			 " --district-max-learners %d", max_learners);
	d->school = (struct school){
		.seed = school_seed,
		.n_learners = learners,
		.n_days = 5,
		.model = st->model,
		.power_goal = !strcmp(st->model, "power-goal"),
		.per_facilitator = st->per_facilitator,
		.needs_min = st->needs_min,
		.needs_max = st->needs_max,
		.one_area = st->one_area,
		.lab_feature = st->lab_feature ? "computers" : NULL,
		.seminars_per_learner = st->seminars_per_learner,
		.skew = st->skew,
		.name = d->name,
		.origin = d->origin,
	};
}

/* Removes what district_write_dir wrote into tmp, and tmp itself. */
static void district_remove_tmp(const char *tmp, int n_schools, uint64_t seed, int max_learners)
{
	for (int i = 0; i < n_schools; i++) {
		struct district_school d;
		district_school_make(&d, seed, i, max_learners);
		char *path = xasprintf("%s/%s", tmp, d.dir);
		remove_tmp(path);
		free(path);
	}
	char *list = xasprintf("%s/schools.txt", tmp);
	unlink(list);
	free(list);
	rmdir(tmp);
}

/*
 * Builds and writes every school into tmp, then tmp/schools.txt (each
 * school's directory, relative to the district's directory, one a line).
 * Says on stderr what each school is, with its final path under target.
 */
static int district_write_dir(const char *tmp, const char *target, int n_schools,
			      uint64_t seed, int max_learners, long *learners)
{
	char *list = xasprintf("%s/schools.txt", tmp);
	FILE *f = fopen(list, "w");
	int rc = -1;
	if (!f) {
		fprintf(stderr, "mclsched-gen: cannot create '%s': %s\n", list, strerror(errno));
		goto out_free;
	}
	for (int i = 0; i < n_schools; i++) {
		struct district_school d;
		district_school_make(&d, seed, i, max_learners);
		struct school *s = &d.school;
		school_build(s);
		char *path = xasprintf("%s/%s", tmp, d.dir);
		int written = school_write(s, path);
		free(path);
		if (written == 0)
			fprintf(stderr, "mclsched-gen: %d learners, %d facilitators, %d rooms, %s "
				"-> %s/%s\n", s->n_learners, s->n_facilitators, s->n_rooms, s->model,
				target, d.dir);
		*learners += s->n_learners;
		school_release(s);
		if (written != 0)
			goto out_close;
		fprintf(f, "%s\n", d.dir);
	}
	rc = 0;
out_close:
	if ((ferror(f) | (fclose(f) != 0)) && rc == 0) {
		fprintf(stderr, "mclsched-gen: cannot write '%s': %s\n", list,
			strerror(errno ? errno : EIO));
		rc = -1;
	}
out_free:
	free(list);
	return rc;
}

/*
 * Moves the finished district from tmp to dir: one rename when dir is new
 * or empty, else (--force) each school as publish() moves a scenario, then
 * schools.txt; other files in dir are left alone.
 */
static int district_publish(const char *tmp, const char *dir, int n_schools, uint64_t seed,
			    int max_learners)
{
	if (rename(tmp, dir) == 0)
		return 0;
	if (errno != ENOTEMPTY && errno != EEXIST) {
		fprintf(stderr, "mclsched-gen: cannot rename '%s' to '%s': %s\n", tmp, dir,
			strerror(errno));
		return -1;
	}
	for (int i = 0; i < n_schools; i++) {
		struct district_school d;
		district_school_make(&d, seed, i, max_learners);
		char *from = xasprintf("%s/%s", tmp, d.dir), *to = xasprintf("%s/%s", dir, d.dir);
		int rc = publish(from, to);
		free(from);
		free(to);
		if (rc != 0)
			return -1;
	}
	char *from = xasprintf("%s/schools.txt", tmp), *to = xasprintf("%s/schools.txt", dir);
	int rc = rename(from, to);
	if (rc != 0)
		fprintf(stderr, "mclsched-gen: cannot rename '%s' to '%s': %s\n", from, to,
			strerror(errno));
	free(from);
	free(to);
	if (rc == 0)
		rmdir(tmp);
	return rc;
}

/* Writes the district of n_schools into dir through a temporary directory beside it. */
static int district_write(const char *dir, int n_schools, uint64_t seed, int max_learners)
{
	char *tmp;
	char *target = tmp_beside(dir, &tmp);
	long learners = 0;
	int rc = -1;
	if (!tmp)
		goto out_free;
	if (district_write_dir(tmp, target, n_schools, seed, max_learners, &learners) != 0 ||
	    district_publish(tmp, target, n_schools, seed, max_learners) != 0) {
		district_remove_tmp(tmp, n_schools, seed, max_learners);
		goto out_free;
	}
	fprintf(stderr, "mclsched-gen: a district of %d school%s, %ld learners -> %s/schools.txt\n",
		n_schools, n_schools == 1 ? "" : "s", learners, target);
	rc = 0;
out_free:
	free(tmp);
	free(target);
	return rc;
}

/* ---- --style random ---- */

/* The options of the command line that --style random draws unless given. */
enum given {
	GIVEN_MODEL = 1 << 0, GIVEN_DAYS = 1 << 1, GIVEN_PER_FACILITATOR = 1 << 2,
	GIVEN_NEEDS = 1 << 3, GIVEN_ONE_AREA = 1 << 4, GIVEN_LAB_FEATURE = 1 << 5,
	GIVEN_SEMINARS = 1 << 6, GIVEN_SKEW = 1 << 7,
};

/*
 * Draws the school's shape and the options not given from the seed alone
 * (not the size: the same seed gives the same shape at 60 and at 1500
 * learners), so a bench can run a zoo of shapes by seed.  The ranges are
 * those of docs/generator.md; every one reaches past the default school.
 */
static void style_draw(struct school *s, unsigned given)
{
	static const char *const models[] = { "workshop", "power-goal", "seminar", "combination" };
	struct rng r = { s->seed * 0x2545f4914f6cdd1dULL ^ 0x7374796c65ULL };
	struct shape *sh = &s->shape;
	rng_next(&r);
	*sh = shape_default;
	const char *model = models[rng_below(&r, 4)];
	if (!(given & GIVEN_MODEL)) {
		if ((given & GIVEN_ONE_AREA) && !strcmp(model, "power-goal"))
			model = "workshop";
		s->model = model;
		s->power_goal = !strcmp(model, "power-goal");
	}
	int days = rng_between(&r, 1, 5);
	if (!(given & GIVEN_DAYS))
		s->n_days = days;
	sh->workshop_slots = rng_between(&r, 1, 4);
	sh->seminar_slots = rng_between(&r, 1, 2);
	sh->lab_max = rng_below(&r, 3) == 0 ? rng_between(&r, 12, 25) : 40;
	sh->part_time_pct = rng_between(&r, 0, 50);
	sh->max_sessions_lo = rng_between(&r, 30, 70);
	sh->max_sessions_hi = rng_between(&r, sh->max_sessions_lo, 90);
	sh->learner_away_pct = rng_between(&r, 0, 20);
	sh->min_group_lo = rng_between(&r, 1, 4);
	sh->min_group_hi = rng_between(&r, sh->min_group_lo, 6);
	sh->feature_pct = rng_between(&r, 0, 30);
	sh->science_labs = rng_between(&r, 0, 2);
	sh->makerspaces = rng_between(&r, 0, 1);
	sh->learners_per_seminar = rng_between(&r, 20, 60);
	sh->sections_max = rng_between(&r, 1, 3);
	sh->band_pct = rng_between(&r, 0, 60);
	sh->requires_pct = rng_between(&r, 0, 50);
	sh->limited_blocks = rng_below(&r, 2);
	int per = rng_between(&r, 12, 35), lo = rng_between(&r, 1, 4);
	int hi = rng_between(&r, lo, lo + 5 < MAX_NEEDS ? lo + 5 : MAX_NEEDS);
	int area = rng_below(&r, 4) == 0 ? rng_below(&r, N_AREAS) : -1;
	bool lab_feature = rng_below(&r, 4) == 0;
	int seminars = rng_between(&r, 1, 3);
	double skew = 0.5 * rng_between(&r, 0, 6);
	if (!(given & GIVEN_PER_FACILITATOR))
		s->per_facilitator = per;
	if (!(given & GIVEN_NEEDS)) {
		s->needs_min = lo;
		s->needs_max = hi;
	}
	if (!(given & GIVEN_ONE_AREA))
		s->one_area = sh->workshop_slots >= 2 && !s->power_goal ? area : -1;
	if (!(given & GIVEN_LAB_FEATURE))
		s->lab_feature = lab_feature ? "computers" : NULL;
	if (!(given & GIVEN_SEMINARS))
		s->seminars_per_learner = seminars;
	if (!(given & GIVEN_SKEW))
		s->skew = skew;
}

/* The second comment line of scenario.conf: the drawn shape. */
static void write_shape(FILE *f, const struct school *s)
{
	const struct shape *sh = &s->shape;
	fprintf(f, "\n# shape: %d workshop + %d seminar blocks a day, lab max_group %d, "
		"part-time %d%% (max_sessions %d-%d%%), learners away %d%%, min_group %d-%d, "
		"room features %d%% (+%d science labs, +%d makerspaces), a seminar per %d learners, "
		"sections 1-%d, age bands %d%%, requires %d%%, limited blocks %s",
		sh->workshop_slots, sh->seminar_slots, sh->lab_max, sh->part_time_pct,
		sh->max_sessions_lo, sh->max_sessions_hi, sh->learner_away_pct, sh->min_group_lo,
		sh->min_group_hi, sh->feature_pct, sh->science_labs, sh->makerspaces,
		sh->learners_per_seminar, sh->sections_max, sh->band_pct, sh->requires_pct,
		sh->limited_blocks ? "yes" : "no");
}

/* ---- command line ---- */

static void usage(FILE *out)
{
	fputs("usage: mclsched-gen --learners N --seed S [--model workshop|power-goal|seminar|"
	      "combination]\n"
	      "                    [--days D] [--learners-per-facilitator N] [--needs MIN-MAX]\n"
	      "                    [--one-area-block AREA] [--lab-feature NAME]\n"
	      "                    [--seminars-per-learner N] [--popularity-skew X]\n"
	      "                    [--style random] [--force] -o DIR\n"
	      "       mclsched-gen --district K --seed S [--district-max-learners N] [--force] -o DIR\n"
	      "\n"
	      "Writes a feasible Mass Customized Learning school scenario into DIR, or with\n"
	      "--district K schools of varied size and style into DIR/NAME/ and their list\n"
	      "into DIR/schools.txt.\n"
	      "  --learners N   school size, 50..6000\n"
	      "  --seed S       whole number >= 0; the same arguments give the same files\n"
	      "  --model M      the model written to scenario.conf (default workshop)\n"
	      "  --days D       days in the cycle, 1..7 (default 5), 5 blocks a day\n"
	      "  --learners-per-facilitator N  staff ratio, 5..100 (default 25; plus one)\n"
	      "  --needs MIN-MAX   needs a learner, MIN 1..6, MAX MIN..12 (default 3-6)\n"
	      "  --one-area-block AREA  the first workshop block of each day runs only AREA\n"
	      "                 (Math, ELA, Science, Social Studies or Complex Thinking)\n"
	      "  --lab-feature NAME  labs meet only in rooms with feature NAME (the computer\n"
	      "                 labs); computer labs are added until the labs seat enough\n"
	      "  --seminars-per-learner N  written to scenario.conf, 1..5 (default 1)\n"
	      "  --popularity-skew X  Zipf exponent of seminar choices, 0..4 (default 1)\n"
	      "  --style random  draw the school's shape and the options above that are not\n"
	      "                 given from the seed (see docs/generator.md)\n"
	      "  --district K   a district of K schools, 1..999 (sizes, models and options\n"
	      "                 chosen per school); not with the school options above\n"
	      "  --district-max-learners N  the largest school of the district, 50..6000\n"
	      "                 (default 1500)\n"
	      "  -o, --output DIR  created if missing; must be empty unless --force\n"
	      "  --force        write into a non-empty DIR, replacing the scenario files\n"
	      "  -h, --help     this text\n"
	      "Exit status: 0 written, 1 usage error, 4 could not write.  See docs/generator.md.\n",
	      out);
}

static bool parse_number(const char *text, long lo, long hi, long *value)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (end == text || *end || errno || v < lo || v > hi)
		return false;
	*value = v;
	return true;
}

/* MIN-MAX, two whole numbers 0..99. */
static bool parse_range(const char *text, long *lo, long *hi)
{
	const char *dash = strchr(text, '-');
	if (!dash || dash == text || dash - text > 2)
		return false;
	char first[3] = { 0 };
	memcpy(first, text, (size_t)(dash - text));
	return isdigit((unsigned char)first[0]) && isdigit((unsigned char)dash[1]) &&
	       parse_number(first, 0, 99, lo) && parse_number(dash + 1, 0, 99, hi);
}

static bool parse_real(const char *text, double lo, double hi, double *value)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (end == text || *end || errno || !(v >= lo && v <= hi))
		return false;
	*value = v;
	return true;
}

/* An id as the data contract spells it: 1-64 characters of A-Za-z0-9_.- */
static bool valid_id(const char *text)
{
	size_t n = strlen(text);
	if (n < 1 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)text[i]) && !strchr("_.-", text[i]))
			return false;
	return true;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "learners", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "model", required_argument, NULL, 'm' },
		{ "days", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "learners-per-facilitator", required_argument, NULL, 'P' },
		{ "needs", required_argument, NULL, 'N' },
		{ "one-area-block", required_argument, NULL, 'A' },
		{ "lab-feature", required_argument, NULL, 'L' },
		{ "seminars-per-learner", required_argument, NULL, 'S' },
		{ "popularity-skew", required_argument, NULL, 'Z' },
		{ "style", required_argument, NULL, 'Y' },
		{ "district", required_argument, NULL, 'D' },
		{ "district-max-learners", required_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const models[] = { "workshop", "power-goal", "seminar", "combination" };
	long learners = -1, seed = -1, days = 5, per_facilitator = 25, needs_min = 3, needs_max = 6;
	long seminars_per_learner = 1, district = 0, district_max = DISTRICT_LARGEST;
	int one_area = -1;
	double skew = 1.0;
	const char *model = "workshop", *dir = NULL, *lab_feature = NULL;
	const char *school_option = NULL;       /* one a district chooses for each school */
	bool max_given = false, random_style = false;
	unsigned given = 0;
	bool force = false, known;
	int c;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		for (const struct option *o = opts; o->name; o++)
			if (o->val == c && strchr("nmdPNALSZY", c))
				school_option = o->name;
		switch (c) {
		case 'n':
			if (!parse_number(optarg, MIN_LEARNERS, MAX_LEARNERS, &learners)) {
				fprintf(stderr, "mclsched-gen: --learners wants %d..%d, not '%s'\n",
					MIN_LEARNERS, MAX_LEARNERS, optarg);
				goto usage_error;
			}
			break;
		case 's':
			if (!parse_number(optarg, 0, LONG_MAX, &seed)) {
				fprintf(stderr, "mclsched-gen: --seed wants a whole number >= 0, not "
					"'%s'\n", optarg);
				goto usage_error;
			}
			break;
		case 'm':
			known = false;
			for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++)
				known |= !strcmp(optarg, models[i]);
			if (!known) {
				fprintf(stderr, "mclsched-gen: unknown model '%s'\n", optarg);
				goto usage_error;
			}
			model = optarg;
			given |= GIVEN_MODEL;
			break;
		case 'd':
			if (!parse_number(optarg, 1, 7, &days)) {
				fprintf(stderr, "mclsched-gen: --days wants 1..7, not '%s'\n", optarg);
				goto usage_error;
			}
			given |= GIVEN_DAYS;
			break;
		case 'P':
			if (!parse_number(optarg, 5, 100, &per_facilitator)) {
				fprintf(stderr, "mclsched-gen: --learners-per-facilitator wants 5..100, "
					"not '%s'\n", optarg);
				goto usage_error;
			}
			given |= GIVEN_PER_FACILITATOR;
			break;
		case 'N':
			if (!parse_range(optarg, &needs_min, &needs_max) || needs_min < 1 ||
			    needs_min > N_TRACKS || needs_max < needs_min || needs_max > MAX_NEEDS) {
				fprintf(stderr, "mclsched-gen: --needs wants MIN-MAX with MIN 1..%d and "
					"MAX MIN..%d, not '%s'\n", N_TRACKS, MAX_NEEDS, optarg);
				goto usage_error;
			}
			given |= GIVEN_NEEDS;
			break;
		case 'A':
			one_area = -1;
			for (int a = 0; a < N_AREAS; a++)
				if (!strcasecmp(optarg, area_name[a]))
					one_area = a;
			if (one_area < 0) {
				fprintf(stderr, "mclsched-gen: --one-area-block wants Math, ELA, Science, "
					"Social Studies or Complex Thinking, not '%s'\n", optarg);
				goto usage_error;
			}
			given |= GIVEN_ONE_AREA;
			break;
		case 'L':
			if (!valid_id(optarg)) {
				fprintf(stderr, "mclsched-gen: --lab-feature wants 1-64 characters of "
					"A-Za-z0-9_.-, not '%s'\n", optarg);
				goto usage_error;
			}
			lab_feature = optarg;
			given |= GIVEN_LAB_FEATURE;
			break;
		case 'S':
			if (!parse_number(optarg, 1, MAX_CHOICES, &seminars_per_learner)) {
				fprintf(stderr, "mclsched-gen: --seminars-per-learner wants 1..%d, not "
					"'%s'\n", MAX_CHOICES, optarg);
				goto usage_error;
			}
			given |= GIVEN_SEMINARS;
			break;
		case 'Z':
			if (!parse_real(optarg, 0, 4, &skew)) {
				fprintf(stderr, "mclsched-gen: --popularity-skew wants a number from 0 "
					"to 4, not '%s'\n", optarg);
				goto usage_error;
			}
			given |= GIVEN_SKEW;
			break;
		case 'Y':
			if (strcmp(optarg, "random")) {
				fprintf(stderr, "mclsched-gen: --style wants random, not '%s'\n",
					optarg);
				goto usage_error;
			}
			random_style = true;
			break;
		case 'D':
			if (!parse_number(optarg, 1, DISTRICT_MAX, &district)) {
				fprintf(stderr, "mclsched-gen: --district wants 1..%d schools, not '%s'\n",
					DISTRICT_MAX, optarg);
				goto usage_error;
			}
			break;
		case 'X':
			if (!parse_number(optarg, MIN_LEARNERS, MAX_LEARNERS, &district_max)) {
				fprintf(stderr, "mclsched-gen: --district-max-learners wants %d..%d, not "
					"'%s'\n", MIN_LEARNERS, MAX_LEARNERS, optarg);
				goto usage_error;
			}
			max_given = true;
			break;
		case 'o':
			dir = optarg;
			break;
		case 'f':
			force = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			goto usage_error;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "mclsched-gen: unexpected argument '%s'\n", argv[optind]);
		goto usage_error;
	}
	if (district && school_option) {
		fprintf(stderr, "mclsched-gen: --district chooses each school's size and options; "
			"leave out --%s\n", school_option);
		goto usage_error;
	}
	if (max_given && !district) {
		fputs("mclsched-gen: --district-max-learners goes with --district\n", stderr);
		goto usage_error;
	}
	if (district) {
		if (seed < 0 || !dir || !*dir) {
			fputs("mclsched-gen: --district needs --seed and -o\n", stderr);
			goto usage_error;
		}
		if (check_target(dir, force))
			return 1;
		return district_write(dir, (int)district, (uint64_t)seed, (int)district_max) == 0
		       ? 0 : 4;
	}
	if (learners < 0 || seed < 0 || !dir || !*dir) {
		fputs("mclsched-gen: --learners, --seed and -o are required\n", stderr);
		goto usage_error;
	}
	if (one_area >= 0 && !strcmp(model, "power-goal")) {
		fputs("mclsched-gen: --one-area-block does not go with --model power-goal (its "
		      "groups meet in every workshop block)\n", stderr);
		goto usage_error;
	}
	if (check_target(dir, force))
		return 1;

	struct school s = {
		.seed = (uint64_t)seed,
		.n_learners = (int)learners,
		.n_days = (int)days,
		.model = model,
		.power_goal = !strcmp(model, "power-goal"),
		.per_facilitator = (int)per_facilitator,
		.needs_min = (int)needs_min,
		.needs_max = (int)needs_max,
		.one_area = one_area,
		.lab_feature = lab_feature,
		.seminars_per_learner = (int)seminars_per_learner,
		.skew = skew,
		.random_style = random_style,
	};
	if (random_style)
		style_draw(&s, given);
	if (s.one_area >= 0 && s.power_goal) {
		fputs("mclsched-gen: --one-area-block does not go with --model power-goal (its "
		      "groups meet in every workshop block)\n", stderr);
		goto usage_error;
	}
	school_build(&s);
	int rc = school_write(&s, dir);
	if (rc == 0)
		fprintf(stderr, "mclsched-gen: %d learners, %d facilitators, %d rooms, %d blocks, "
			"%d goals, %d seminars -> %s\n", s.n_learners, s.n_facilitators, s.n_rooms,
			s.n_blocks, s.n_goals, s.n_seminars, dir);
	school_release(&s);
	return rc == 0 ? 0 : 4;

usage_error:
	usage(stderr);
	return 1;
}
