/*
 * gen.c - mclsched-gen: writes a realistic, feasible MCL school scenario.
 *
 *   mclsched-gen --learners N --seed S [--model M] [--days D] [--force] -o DIR
 *
 * Deterministic from its arguments (splitmix64, no libc rand): the same
 * arguments give byte-identical files.  The school: five areas (Math, ELA,
 * Science, Social Studies, Complex Thinking), each a progression of goals
 * forming a prerequisite DAG, plus online Digital goals; learners spread
 * along every progression by score, needing the goals at their frontier;
 * about one facilitator per 25 learners, gurus in two or three areas, some
 * part-time; rooms of 20-35 seats plus computer labs, a science lab and large
 * rooms; D days of 3 workshop and 2 seminar blocks; seminars with
 * prerequisites, age bands and Zipf-skewed ranked choices.
 *
 * Feasibility is checked before writing, as mclsched checks it: in every
 * block the available facilitators must be able to seat every available
 * learner in the available rooms (a session holds at most min(capacity,
 * 40)), with an 8% margin; facilitators are added until that holds.  See
 * docs/generator.md.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#define N_AREAS 5
#define MAX_FAC 1024
#define MAX_ROOMS 1200
#define MAX_BLOCKS 70
#define LAB_MAX 40

static uint64_t rng_state;

static uint64_t next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd(int n)   /* uniform in [0, n) */
{
	return n <= 1 ? 0 : (int)(next() % (uint64_t)n);
}

static double unif(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static const char *const area_name[N_AREAS] = { "Math", "ELA", "Science", "Social Studies",
						"Complex Thinking" };
static const char *const area_code[N_AREAS] = { "MA", "EL", "SC", "SS", "CT" };
static const char *const topics[N_AREAS][8] = {
	{ "Number sense", "Fractions", "Ratios", "Expressions", "Equations", "Functions", "Geometry",
	  "Statistics" },
	{ "Close reading", "Main idea", "Vocabulary", "Argument", "Narrative", "Research", "Grammar",
	  "Poetry" },
	{ "Matter", "Energy", "Forces", "Cells", "Ecosystems", "Earth systems", "Chemistry",
	  "Genetics" },
	{ "Maps", "Civics", "Economics", "World history", "US history", "Cultures", "Sources",
	  "Geography" },
	{ "Questioning", "Systems thinking", "Design process", "Logic", "Collaboration", "Ethics",
	  "Reflection", "Problem solving" },
};
static const char *const first_names[] = { "Ava", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus",
	"Hana", "Ivan", "Jo", "Kai", "Lena", "Milo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sam",
	"Tia", "Uma", "Vic", "Wes", "Xena", "Yuri", "Zoe" };
static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

struct goal {
	char id[16];
	int area;           /* N_AREAS = Digital (online) */
	int index;          /* position in its progression */
	int min, max, sessions;
	int req[2], n_req;  /* indexes into goals */
	int feature;        /* 0 none, 1 science-lab */
};

struct block {
	char id[16];
	int day, slot;      /* slots 0-2 workshop, 3-4 seminar */
	int workshop;
	int limited;        /* areas limited to Math;ELA */
};

struct fac {
	int unavailable[MAX_BLOCKS];
	int max_sessions;   /* 0: every block */
	int guru[N_AREAS + 1], able[N_AREAS + 1];
};

struct room {
	int capacity;
	int feature;        /* 0 none, 1 science-lab, 2 computer-lab */
	int unavailable[MAX_BLOCKS];
};

struct school {
	int n_learners, days, model_pg;
	int n_blocks;
	struct block blocks[MAX_BLOCKS];
	int per_area;
	int n_goals;
	struct goal *goals;
	int first_of_area[N_AREAS + 2];
	int n_fac;
	struct fac *fac;
	int n_rooms;
	struct room *rooms;
	int *learner_unavailable;   /* [n_learners * n_blocks] */
};

static void usage(FILE *out)
{
	fputs("usage: mclsched-gen --learners N --seed S [--model workshop|power-goal|seminar|"
	      "combination]\n"
	      "                    [--days D] [--force] -o DIR\n"
	      "Writes a feasible MCL school scenario of N learners (50..6000) into DIR.\n"
	      "The same arguments always give the same files.  See docs/generator.md.\n",
	      out);
}

static int fac_available(const struct school *s, int f, int b)
{
	return !s->fac[f].unavailable[b];
}

/* Seats the block's available facilitators can open in its rooms. */
static long block_seats(const struct school *s, int b, int full_time_only)
{
	int nf = 0;
	for (int f = 0; f < s->n_fac; f++) {
		if (!fac_available(s, f, b))
			continue;
		if (full_time_only) {
			int all = s->fac[f].max_sessions == 0;
			for (int k = 0; k < s->n_blocks && all; k++)
				all = !s->blocks[k].workshop || fac_available(s, f, k);
			if (!all)
				continue;
		}
		nf++;
	}
	int caps[MAX_ROOMS], n = 0;
	for (int r = 0; r < s->n_rooms; r++)
		if (!s->rooms[r].unavailable[b])
			caps[n++] = s->rooms[r].capacity < LAB_MAX ? s->rooms[r].capacity : LAB_MAX;
	for (int i = 0; i < n; i++)     /* selection of the nf largest */
		for (int j = i + 1; j < n; j++)
			if (caps[j] > caps[i]) {
				int t = caps[i];
				caps[i] = caps[j];
				caps[j] = t;
			}
	long seats = 0;
	for (int i = 0; i < n && i < nf; i++)
		seats += caps[i];
	return seats;
}

static int learners_available(const struct school *s, int b)
{
	int n = 0;
	for (int l = 0; l < s->n_learners; l++)
		n += !s->learner_unavailable[(long)l * s->n_blocks + b];
	return n;
}

static void add_facilitator(struct school *s, int part_time)
{
	struct fac *f = &s->fac[s->n_fac++];
	memset(f, 0, sizeof(*f));
	int ng = 2 + rnd(2);
	for (int i = 0; i < ng; i++)
		f->guru[rnd(N_AREAS)] = 1;
	f->able[rnd(N_AREAS + 1)] = 1;
	f->able[N_AREAS] |= rnd(3) == 0;
	if (part_time) {
		int k = 2 + rnd(3);
		for (int i = 0; i < k; i++)
			f->unavailable[rnd(s->n_blocks)] = 1;
		if (rnd(2))
			f->max_sessions = (int)(0.6 * s->n_blocks);
	}
}

static FILE *create(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "mclsched-gen: cannot create %s: %s\n", path, strerror(errno));
		exit(4);
	}
	return f;
}

static void finish(FILE *f, const char *name)
{
	if (fclose(f) != 0) {
		fprintf(stderr, "mclsched-gen: cannot write %s: %s\n", name, strerror(errno));
		exit(4);
	}
}

static void print_unavailable(FILE *f, const struct school *s, const int *flags, size_t stride)
{
	int first = 1;
	for (int b = 0; b < s->n_blocks; b++)
		if (flags[(size_t)b * stride]) {
			fprintf(f, "%s%s", first ? "" : ";", s->blocks[b].id);
			first = 0;
		}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "learners", required_argument, NULL, 'n' }, { "seed", required_argument, NULL, 's' },
		{ "model", required_argument, NULL, 'm' },    { "days", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },   { "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
	};
	long n_learners = -1, seed = -1, n_days = 5;
	const char *model = "workshop", *dir = NULL;
	int force = 0, c;
	char *end;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			n_learners = strtol(optarg, &end, 10);
			if (*end || n_learners < 50 || n_learners > 6000) {
				fprintf(stderr, "mclsched-gen: --learners wants 50..6000, not '%s'\n", optarg);
				return 1;
			}
			break;
		case 's':
			seed = strtol(optarg, &end, 10);
			if (*end || seed < 0) {
				fprintf(stderr, "mclsched-gen: --seed wants a whole number >= 0\n");
				return 1;
			}
			break;
		case 'm':
			model = optarg;
			if (strcmp(model, "workshop") && strcmp(model, "power-goal") &&
			    strcmp(model, "seminar") && strcmp(model, "combination")) {
				fprintf(stderr, "mclsched-gen: unknown model '%s'\n", model);
				return 1;
			}
			break;
		case 'd':
			n_days = strtol(optarg, &end, 10);
			if (*end || n_days < 1 || n_days > 7) {
				fprintf(stderr, "mclsched-gen: --days wants 1..7\n");
				return 1;
			}
			break;
		case 'o':
			dir = optarg;
			break;
		case 'f':
			force = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (n_learners < 0 || seed < 0 || !dir || optind != argc) {
		fputs("mclsched-gen: --learners, --seed and -o are required\n", stderr);
		usage(stderr);
		return 1;
	}
	DIR *dh = opendir(dir);
	if (dh) {
		int entries = 0;
		struct dirent *e;
		while ((e = readdir(dh)))
			entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
		closedir(dh);
		if (entries && !force) {
			fprintf(stderr, "mclsched-gen: %s is not empty (use --force to overwrite)\n", dir);
			return 1;
		}
	} else if (mkdir(dir, 0755) != 0) {
		fprintf(stderr, "mclsched-gen: cannot create %s: %s\n", dir, strerror(errno));
		return 4;
	}

	rng_state = (uint64_t)seed * 0x2545F4914F6CDD1DULL + (uint64_t)n_learners;
	struct school sc = { .n_learners = (int)n_learners, .days = (int)n_days,
			     .model_pg = !strcmp(model, "power-goal") };
	struct school *s = &sc;

	/* Blocks: per day 3 workshop and 2 seminar blocks. */
	static const char *const starts[] = { "08:30", "09:40", "10:50", "13:00", "14:10" };
	static const char *const ends[] = { "09:30", "10:40", "11:50", "14:00", "15:10" };
	for (int d = 0; d < s->days; d++)
		for (int k = 0; k < 5; k++) {
			struct block *b = &s->blocks[s->n_blocks++];
			snprintf(b->id, sizeof(b->id), "%s%d", days[d], k + 1);
			b->day = d;
			b->slot = k;
			b->workshop = k < 3;
			b->limited = k == 2 && d % 2 == 0 && !s->model_pg;
		}

	/* Goals: a progression per area, then the online Digital chain. */
	s->per_area = 6 + s->n_learners / 75;
	if (s->per_area > 28)
		s->per_area = 28;
	int n_online = 6;
	s->goals = calloc((size_t)(N_AREAS * s->per_area + n_online), sizeof(*s->goals));
	for (int a = 0; a <= N_AREAS; a++) {
		s->first_of_area[a] = s->n_goals;
		int count = a < N_AREAS ? s->per_area : n_online;
		for (int k = 0; k < count; k++) {
			struct goal *g = &s->goals[s->n_goals];
			snprintf(g->id, sizeof(g->id), "%s-%02d", a < N_AREAS ? area_code[a] : "DG", k + 1);
			g->area = a;
			g->index = k;
			g->min = a < N_AREAS ? 3 + rnd(3) : 1;
			g->max = a < N_AREAS ? 20 + rnd(6) : LAB_MAX;
			g->sessions = 1 + rnd(3);
			if (k > 0)
				g->req[g->n_req++] = s->n_goals - 1;
			if (k >= 3 && k % 4 == 0)
				g->req[g->n_req++] = s->n_goals - 3;
			g->feature = a == 2 && k % 5 == 4;
			s->n_goals++;
		}
	}
	s->first_of_area[N_AREAS + 1] = s->n_goals;

	/* Learners' availability (needed for the feasibility check). */
	s->learner_unavailable = calloc((size_t)s->n_learners * (size_t)s->n_blocks + 1, sizeof(int));
	for (int l = 0; l < s->n_learners; l++)
		if (rnd(20) == 0) {
			int k = 1 + rnd(3);
			for (int i = 0; i < k; i++)
				s->learner_unavailable[(long)l * s->n_blocks + rnd(s->n_blocks)] = 1;
		}

	/* Facilitators ~1 per 25 learners, 15% part-time; rooms beside them. */
	s->fac = calloc(MAX_FAC, sizeof(*s->fac));
	int want_fac = (s->n_learners + 24) / 25 + 1;
	for (int f = 0; f < want_fac; f++)
		add_facilitator(s, rnd(100) < 15);
	for (int a = 0; a <= N_AREAS; a++) {     /* at least two gurus per area */
		int gurus = 0;
		for (int f = 0; f < s->n_fac; f++)
			gurus += s->fac[f].guru[a];
		for (int f = 0; gurus < 2 && f < s->n_fac; f++)
			if (!s->fac[(f * 7 + a) % s->n_fac].guru[a]) {
				s->fac[(f * 7 + a) % s->n_fac].guru[a] = 1;
				gurus++;
			}
	}
	s->rooms = calloc(MAX_ROOMS, sizeof(*s->rooms));
	static const int sizes[] = { 20, 24, 25, 28, 30, 32, 35 };
	int n_plain = s->n_fac + 2;
	for (int r = 0; r < n_plain; r++)
		s->rooms[s->n_rooms++].capacity = sizes[rnd(7)];
	int n_labs = 2 + s->n_learners / 600;
	for (int r = 0; r < n_labs; r++) {
		s->rooms[s->n_rooms].capacity = 36 + rnd(5);
		s->rooms[s->n_rooms++].feature = 2;
	}
	for (int r = 0; r < 1 + s->n_learners / 800; r++) {
		s->rooms[s->n_rooms].capacity = 28;
		s->rooms[s->n_rooms++].feature = 1;
	}
	s->rooms[s->n_rooms++].capacity = 60;
	if (s->n_learners >= 600)
		s->rooms[s->n_rooms++].capacity = 80;
	s->rooms[rnd(s->n_rooms)].unavailable[rnd(s->n_blocks)] = 1;  /* maintenance */

	/* Feasibility: add full-time facilitators (and rooms) until every
	 * block seats its learners with an 8% margin. */
	for (int b = 0; b < s->n_blocks; b++) {
		if (!s->blocks[b].workshop && s->model_pg)
			continue;
		long need = (long)ceil(1.08 * learners_available(s, b));
		while (block_seats(s, b, s->model_pg && s->blocks[b].workshop) < need &&
		       s->n_fac < MAX_FAC - 1 && s->n_rooms < MAX_ROOMS - 1) {
			add_facilitator(s, 0);
			s->rooms[s->n_rooms++].capacity = sizes[3 + rnd(4)];
		}
	}

	/* ---- write ---- */
	FILE *f = create(dir, "scenario.conf");
	fprintf(f, "# Generated by mclsched-gen --learners %d --seed %ld --model %s --days %d\n",
		s->n_learners, seed, model, s->days);
	fprintf(f, "name = \"Generated %d learners seed %ld\"\nmodel = %s\nmastery = 3.0\n"
		"needs = file\nseminars_per_learner = 1\nlab { max_group = %d }\n"
		"solver { time_limit = 60  gap = 0.005  seed = 1 }\n",
		s->n_learners, seed, model, LAB_MAX);
	finish(f, "scenario.conf");

	f = create(dir, "blocks.csv");
	fputs("block_id,day,start,end,kind,areas\n", f);
	for (int b = 0; b < s->n_blocks; b++)
		fprintf(f, "%s,%s,%s,%s,%s,%s\n", s->blocks[b].id, days[s->blocks[b].day],
			starts[s->blocks[b].slot], ends[s->blocks[b].slot],
			s->blocks[b].workshop ? "workshop" : "seminar",
			s->blocks[b].limited ? "Math;ELA;Digital" : "");
	finish(f, "blocks.csv");

	f = create(dir, "goals.csv");
	fputs("goal_id,title,area,mode,min_group,max_group,sessions,feature\n", f);
	for (int g = 0; g < s->n_goals; g++) {
		const struct goal *gl = &s->goals[g];
		if (gl->area < N_AREAS)
			fprintf(f, "%s,%s %d,%s,facilitated,%d,%d,%d,%s\n", gl->id,
				topics[gl->area][gl->index % 8], gl->index / 8 + 1, area_name[gl->area],
				gl->min, gl->max, gl->sessions, gl->feature ? "science-lab" : "");
		else
			fprintf(f, "%s,Digital literacy %d,Digital,online,1,%d,%d,\n", gl->id,
				gl->index + 1, LAB_MAX, gl->sessions);
	}
	finish(f, "goals.csv");

	f = create(dir, "prerequisites.csv");
	fputs("goal_id,requires\n", f);
	for (int g = 0; g < s->n_goals; g++)
		for (int i = 0; i < s->goals[g].n_req; i++)
			fprintf(f, "%s,%s\n", s->goals[g].id, s->goals[s->goals[g].req[i]].id);
	finish(f, "prerequisites.csv");

	f = create(dir, "facilitators.csv");
	fputs("facilitator_id,name,max_sessions,unavailable\n", f);
	for (int k = 0; k < s->n_fac; k++) {
		fprintf(f, "F%03d,%s %c.,", k + 1, first_names[(k * 5 + 3) % 26], 'A' + (k * 7) % 26);
		if (s->fac[k].max_sessions)
			fprintf(f, "%d", s->fac[k].max_sessions);
		fputc(',', f);
		print_unavailable(f, s, s->fac[k].unavailable, 1);
		fputc('\n', f);
	}
	finish(f, "facilitators.csv");

	f = create(dir, "rooms.csv");
	fputs("room_id,name,capacity,features,unavailable\n", f);
	for (int r = 0; r < s->n_rooms; r++) {
		static const char *const feat[] = { "", "science-lab", "computer-lab" };
		static const char *const kind[] = { "Room", "Science lab", "Computer lab" };
		fprintf(f, "R%03d,%s %d,%d,%s,", r + 1, kind[s->rooms[r].feature], 100 + r,
			s->rooms[r].capacity, feat[s->rooms[r].feature]);
		print_unavailable(f, s, s->rooms[r].unavailable, 1);
		fputc('\n', f);
	}
	finish(f, "rooms.csv");

	/* Learners, progress and needs together: one pass per learner. */
	FILE *fl = create(dir, "learners.csv"), *fp = create(dir, "progress.csv"),
	     *fn = create(dir, "needs.csv");
	fputs("learner_id,name,age,coach_id,unavailable\n", fl);
	fputs("learner_id,goal_id,score\n", fp);
	fputs("learner_id,goal_id,priority,sessions\n", fn);
	int *age = malloc(sizeof(int) * (size_t)s->n_learners);
	int *pos = malloc(sizeof(int) * (size_t)s->n_learners * (N_AREAS + 1));
	for (int l = 0; l < s->n_learners; l++) {
		age[l] = 12 + rnd(7);
		fprintf(fl, "L%04d,%s %c.,%d,F%03d,", l + 1, first_names[rnd(26)], 'A' + rnd(26), age[l],
			1 + rnd(s->n_fac));
		print_unavailable(fl, s, &s->learner_unavailable[(long)l * s->n_blocks], 1);
		fputc('\n', fl);
		/* position along each progression, older learners further on */
		for (int a = 0; a <= N_AREAS; a++) {
			int count = s->first_of_area[a + 1] - s->first_of_area[a];
			double t = ((age[l] - 12) / 6.0) * 0.6 + unif() * 0.4;
			int p = (int)(t * (count - 1) + 0.5);
			pos[l * (N_AREAS + 1) + a] = p < count - 1 ? p : count - 1;
			for (int k = 0; k < pos[l * (N_AREAS + 1) + a]; k++)
				fprintf(fp, "L%04d,%s,%.1f\n", l + 1, s->goals[s->first_of_area[a] + k].id,
					3.0 + 0.1 * rnd(11));
			if (rnd(2))
				fprintf(fp, "L%04d,%s,%.1f\n", l + 1,
					s->goals[s->first_of_area[a] + pos[l * (N_AREAS + 1) + a]].id,
					1.0 + 0.1 * rnd(19));
		}
		/* 3-6 needs at the frontier, one power goal; a few not ready */
		int k = 3 + rnd(4), order[N_AREAS + 1];
		for (int a = 0; a <= N_AREAS; a++)
			order[a] = a;
		for (int a = N_AREAS; a > 0; a--) {
			int j = rnd(a + 1), t = order[a];
			order[a] = order[j];
			order[j] = t;
		}
		for (int i = 0; i < k && i <= N_AREAS; i++) {
			int a = order[i];
			int count = s->first_of_area[a + 1] - s->first_of_area[a];
			int p = pos[l * (N_AREAS + 1) + a];
			if (rnd(33) == 0 && p + 1 < count)
				p++;     /* not ready: its prerequisite is not mastered */
			const struct goal *g = &s->goals[s->first_of_area[a] + p];
			fprintf(fn, "L%04d,%s,%d,%d\n", l + 1, g->id, i == 0 ? 1 : 2 + rnd(4),
				rnd(4) ? g->sessions : 1 + rnd(2));
		}
	}
	finish(fl, "learners.csv");
	finish(fp, "progress.csv");
	finish(fn, "needs.csv");

	/* Seminars and choices. */
	int n_sem = s->n_learners / 40 > 3 ? s->n_learners / 40 : 3;
	int sem_blocks = 2 * s->days;
	f = create(dir, "seminars.csv");
	fputs("seminar_id,title,meetings,min_size,max_size,requires,age_min,age_max,feature,"
	      "sections\n", f);
	static const char *const sem_topics[] = { "Robotics", "Film making", "Debate", "Gardening",
		"Chess", "Journalism", "Astronomy", "Music production", "Entrepreneurship",
		"Photography", "Theater", "Coding games" };
	for (int k = 0; k < n_sem; k++) {
		int meetings = 2 + rnd(4);
		if (meetings > sem_blocks)
			meetings = sem_blocks;
		fprintf(f, "SEM%03d,%s %d,%d,5,%d,", k + 1, sem_topics[k % 12], k / 12 + 1, meetings,
			15 + rnd(11));
		if (k % 4 == 1)
			fprintf(f, "%s", s->goals[s->first_of_area[k % N_AREAS] + 1].id);
		if (k % 5 == 2)
			fprintf(f, ",14,18");
		else
			fputs(",,", f);
		fprintf(f, ",%s,%d\n", k % 6 == 0 ? "computer-lab" : "", 1 + (k % 3 == 0));
	}
	finish(f, "seminars.csv");

	f = create(dir, "choices.csv");
	fputs("learner_id,seminar_id,rank\n", f);
	double *zipf = malloc(sizeof(double) * (size_t)n_sem), total = 0;
	for (int k = 0; k < n_sem; k++)
		total += zipf[k] = 1.0 / (k + 1);
	for (int l = 0; l < s->n_learners; l++) {
		int k = 3 + rnd(3), chosen[8], n = 0;
		while (n < k && n < n_sem) {
			double u = unif() * total, acc = 0;
			int pick = n_sem - 1;
			for (int j = 0; j < n_sem; j++) {
				acc += zipf[j];
				if (u < acc) {
					pick = j;
					break;
				}
			}
			int dup = 0;
			for (int j = 0; j < n; j++)
				dup |= chosen[j] == pick;
			if (!dup)
				chosen[n++] = pick;
		}
		for (int j = 0; j < n; j++)
			fprintf(f, "L%04d,SEM%03d,%d\n", l + 1, chosen[j] + 1, j + 1);
	}
	finish(f, "choices.csv");

	f = create(dir, "expertise.csv");
	fputs("facilitator_id,offering,level\n", f);
	for (int k = 0; k < s->n_fac; k++) {
		for (int a = 0; a < N_AREAS; a++) {
			if (s->fac[k].guru[a])
				fprintf(f, "F%03d,area:%s,guru\n", k + 1, area_name[a]);
			else if (s->fac[k].able[a])
				fprintf(f, "F%03d,area:%s,able\n", k + 1, area_name[a]);
		}
		/* a few single goals outside their areas */
		if (rnd(3) == 0) {
			int a = rnd(N_AREAS);
			if (!s->fac[k].guru[a] && !s->fac[k].able[a])
				fprintf(f, "F%03d,%s,able\n", k + 1,
					s->goals[s->first_of_area[a] + rnd(s->per_area)].id);
		}
	}
	for (int k = 0; k < n_sem; k++) {
		fprintf(f, "F%03d,SEM%03d,guru\n", 1 + (k * 3) % s->n_fac, k + 1);
		fprintf(f, "F%03d,SEM%03d,able\n", 1 + (k * 3 + 1) % s->n_fac, k + 1);
	}
	finish(f, "expertise.csv");

	fprintf(stderr, "mclsched-gen: %d learners, %d facilitators, %d rooms, %d blocks, %d goals, "
		"%d seminars -> %s\n", s->n_learners, s->n_fac, s->n_rooms, s->n_blocks, s->n_goals,
		n_sem, dir);
	free(zipf);
	free(age);
	free(pos);
	free(s->goals);
	free(s->fac);
	free(s->rooms);
	free(s->learner_unavailable);
	return 0;
}
