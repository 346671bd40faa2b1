/*
 * itc2019.c - mclsched-itc2019: an ITC 2019 university timetabling instance
 * (public XML: rooms with capacities, courses and their classes, students'
 * course requests) as an mclsched workshop scenario, so that `make bench`
 * schedules real students' demand (docs/bench.md, "Real demand").
 *
 *   mclsched-itc2019 INSTANCE.xml -o DIR [--learners N] [--days D]
 *                    [--blocks-per-day B] [--learners-per-facilitator R]
 *                    [--areas K]
 *
 * What is real and what is invented:
 *   learners  the instance's students, in file order: the first N (default:
 *             as many as 90% of the seats one block has, the real rooms
 *             with labs up to lab max_group 40, so that a block can seat
 *             everyone; a university's students are never all in class at
 *             once, a school's learners are);
 *   goals     every course one of them requests; a course none of whose
 *             classes needs a room is an online goal (worked on in labs);
 *             sessions = the subparts of its first configuration (lecture,
 *             seminar, lab: 1-3 meetings a week), at most 3; max_group =
 *             its largest class limit, 5..30; min_group = 3, or its demand
 *             when fewer learners want it;
 *   needs     each learner's requested courses, priority 3 (ITC has none);
 *   areas     facilitated courses sorted by their home room (the room their
 *             classes may use most often; ties by course id) and cut into K
 *             runs of about equal demand, a room never split: a
 *             department's rooms stand for the department;
 *   rooms     the instance's rooms and capacities, always available;
 *   blocks    invented: D days (default 5) of B workshop blocks (default 4);
 *   staff     invented: ceil(N / R) facilitators (R default 20), spread
 *             over the areas in proportion to their need sessions (at least
 *             one each), guru in their area and able in the next one, no
 *             max_sessions, always available.
 * The same instance and options give the same files.
 *
 * Errors: FILE:LINE: message (libxml2's line), exit 2, nothing written;
 * usage errors exit 1; a directory that cannot be written exits 4.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/util.h"

#define MAX_SESSIONS 3
#define LAB_GROUP 40

struct course {
	char *id;
	int sessions;       /* subparts of the first config, 1..MAX_SESSIONS */
	int max_limit;      /* largest class limit */
	int home;           /* room index the classes may use most, -1: none */
	int demand;         /* learners requesting it */
	int area;           /* -1 online */
	xmlNode *node;
};

struct itc {
	const char *file;
	char *name;
	int n_rooms, n_courses, n_students;
	char **room_id;
	int *room_cap;
	struct course *courses;
	xmlNode **students;
	int errors;
};

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static void error_at(struct itc *it, const xmlNode *n, const char *msg, const char *what)
{
	fprintf(stderr, "%s:%ld: %s%s%s\n", it->file, n ? xmlGetLineNo(n) : 0L, msg,
		what ? ": " : "", what ? what : "");
	it->errors++;
}

/* An attribute as a whole number >= 0, or -1 after an error. */
static int int_prop(struct itc *it, const xmlNode *n, const char *name)
{
	char *s = prop(n, name), *end = NULL;
	long v = s ? strtol(s, &end, 10) : -1;
	bool ok = s && end != s && *end == '\0' && v >= 0 && v <= INT_MAX;
	if (!ok) {
		char *what = xasprintf("<%s %s=\"%s\">", (const char *)n->name, name, s ? s : "");
		error_at(it, n, "expected a whole number >= 0; check the instance", what);
		free(what);
	}
	free(s);
	return ok ? (int)v : -1;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

static int find_id(char *const *ids, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

static int find_course(const struct itc *it, const char *id)
{
	for (int i = 0; i < it->n_courses; i++)
		if (strcmp(it->courses[i].id, id) == 0)
			return i;
	return -1;
}

static void read_rooms(struct itc *it, const xmlNode *rooms)
{
	for (xmlNode *r = rooms->children; r; r = r->next) {
		if (!is(r, "room"))
			continue;
		it->room_id = xrealloc(it->room_id, sizeof(char *) * ((size_t)it->n_rooms + 1));
		it->room_cap = xrealloc(it->room_cap, sizeof(int) * ((size_t)it->n_rooms + 1));
		char *id = prop(r, "id");
		if (!id)
			error_at(it, r, "a room without an id; check the instance", NULL);
		it->room_id[it->n_rooms] = id ? id : xstrdup("?");
		it->room_cap[it->n_rooms++] = int_prop(it, r, "capacity");
	}
}

/* A course's sessions, largest class limit and home room. */
static void read_course(struct itc *it, xmlNode *c, struct course *co)
{
	co->node = c;
	co->id = prop(c, "id");
	co->home = -1;
	if (!co->id) {
		error_at(it, c, "a course without an id; check the instance", NULL);
		co->id = xstrdup("?");
	}
	int *uses = xcalloc((size_t)it->n_rooms + 1, sizeof(int));
	bool first = true;
	for (xmlNode *cf = c->children; cf; cf = cf->next) {
		if (!is(cf, "config"))
			continue;
		for (xmlNode *sp = cf->children; sp; sp = sp->next) {
			if (!is(sp, "subpart"))
				continue;
			co->sessions += first;
			for (xmlNode *cl = sp->children; cl; cl = cl->next) {
				if (!is(cl, "class"))
					continue;
				int lim = int_prop(it, cl, "limit");
				if (lim > co->max_limit)
					co->max_limit = lim;
				for (xmlNode *rm = cl->children; rm; rm = rm->next) {
					if (!is(rm, "room"))
						continue;
					char *id = prop(rm, "id");
					int r = id ? find_id(it->room_id, it->n_rooms, id) : -1;
					if (r < 0)
						error_at(it, rm, "a class names a room the instance does not "
							 "list; check the instance", id);
					else
						uses[r]++;
					free(id);
				}
			}
		}
		first = false;
	}
	for (int r = 0; r < it->n_rooms; r++)
		if (uses[r] > 0 && (co->home < 0 || uses[r] > uses[co->home]))
			co->home = r;
	if (co->sessions > MAX_SESSIONS)
		co->sessions = MAX_SESSIONS;
	if (co->sessions < 1)
		error_at(it, c, "a course without a subpart; check the instance", co->id);
	free(uses);
}

static int read_instance(struct itc *it, xmlNode *root)
{
	if (!root || !is(root, "problem")) {
		error_at(it, root, "not an ITC 2019 instance (no <problem> element)", NULL);
		return -1;
	}
	it->name = prop(root, "name");
	xmlNode *rooms = child(root, "rooms"), *courses = child(root, "courses"),
		*students = child(root, "students");
	if (!rooms || !courses || !students) {
		error_at(it, root, "an ITC 2019 instance needs <rooms>, <courses> and <students>",
			 NULL);
		return -1;
	}
	read_rooms(it, rooms);
	for (xmlNode *c = courses->children; c; c = c->next)
		if (is(c, "course"))
			it->n_courses++;
	it->courses = xcalloc((size_t)it->n_courses + 1, sizeof(*it->courses));
	int i = 0;
	for (xmlNode *c = courses->children; c; c = c->next)
		if (is(c, "course"))
			read_course(it, c, &it->courses[i++]);
	for (xmlNode *s = students->children; s; s = s->next)
		if (is(s, "student")) {
			it->students = xrealloc(it->students,
						sizeof(xmlNode *) * ((size_t)it->n_students + 1));
			it->students[it->n_students++] = s;
		}
	if (it->n_students == 0)
		error_at(it, students, "the instance has no students (their course requests "
			 "are the demand); pick an instance with <student> elements", NULL);
	if (it->n_rooms == 0)
		error_at(it, rooms, "the instance has no rooms", NULL);
	return it->errors ? -1 : 0;
}

/* Seats one block has: every room, a lab of at most LAB_GROUP. */
static int block_seats(const struct itc *it)
{
	int seats = 0;
	for (int r = 0; r < it->n_rooms; r++)
		seats += it->room_cap[r] < LAB_GROUP ? it->room_cap[r] : LAB_GROUP;
	return seats;
}

/* Demand of the first n students; their requests checked. */
static void count_demand(struct itc *it, int n)
{
	for (int s = 0; s < n; s++)
		for (xmlNode *c = it->students[s]->children; c; c = c->next) {
			if (!is(c, "course"))
				continue;
			char *sid = prop(it->students[s], "id");
			if (!sid)
				error_at(it, it->students[s], "a student without an id; check the "
					 "instance", NULL);
			free(sid);
			char *id = prop(c, "id");
			int k = id ? find_course(it, id) : -1;
			if (k < 0)
				error_at(it, c, "a student requests a course the instance does not "
					 "list; check the instance", id);
			else
				it->courses[k].demand++;
			free(id);
		}
}

struct order {
	int course, home;
};

static int cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (x->home != y->home)
		return x->home < y->home ? -1 : 1;
	return (x->course > y->course) - (x->course < y->course);
}

/* Areas: facilitated courses by home room, cut into k runs of about equal
 * need sessions, a home room never split.  Returns the areas made. */
static int make_areas(struct itc *it, int k)
{
	struct order *o = xmalloc(sizeof(*o) * ((size_t)it->n_courses + 1));
	int n = 0;
	long total = 0;
	for (int c = 0; c < it->n_courses; c++) {
		struct course *co = &it->courses[c];
		co->area = -1;
		if (co->demand > 0 && co->home >= 0) {
			o[n++] = (struct order){ c, co->home };
			total += (long)co->demand * co->sessions;
		}
	}
	qsort(o, (size_t)n, sizeof(*o), cmp_order);
	int area = 0;
	long done = 0;
	for (int i = 0; i < n; i++) {
		struct course *co = &it->courses[o[i].course];
		if (i > 0 && o[i].home != o[i - 1].home && area < k - 1 &&
		    done * k >= total * (area + 1))
			area++;
		co->area = area;
		done += (long)co->demand * co->sessions;
	}
	free(o);
	return n ? area + 1 : 0;
}

static const char *const DAYS[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static FILE *open_out(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "mclsched-itc2019: cannot write '%s': %s\n", path, strerror(errno));
	free(path);
	return f;
}

struct shape {
	int learners, days, per_day, ratio, areas;
};

static int write_scenario(const struct itc *it, const struct shape *sh, int n_areas,
			  const char *dir)
{
	int rc = 0;
	FILE *f;
	if (!(f = open_out(dir, "scenario.conf")))
		return -1;
	fprintf(f, "# mclsched-itc2019 %s --learners %d --days %d --blocks-per-day %d "
		"--learners-per-facilitator %d --areas %d (bench/itc2019.c, docs/bench.md)\n"
		"name = \"ITC 2019 %s, first %d students\"\nmodel = workshop\nneeds = file\n"
		"lab { max_group = %d }\nsolver { time_limit = 60  gap = 0.005  seed = 1 }\n",
		it->name ? it->name : "?", sh->learners, sh->days, sh->per_day, sh->ratio,
		sh->areas, it->name ? it->name : "?", sh->learners, LAB_GROUP);
	rc |= fclose(f);
	if (!(f = open_out(dir, "blocks.csv")))
		return -1;
	fputs("block_id,day,start,end,kind,areas\n", f);
	for (int d = 0; d < sh->days; d++)
		for (int b = 0; b < sh->per_day; b++)
			fprintf(f, "%s%d,%s,%02d:00,%02d:50,workshop,\n", DAYS[d], b + 1, DAYS[d],
				8 + b, 8 + b);
	rc |= fclose(f);
	if (!(f = open_out(dir, "rooms.csv")))
		return -1;
	fputs("room_id,capacity\n", f);
	for (int r = 0; r < it->n_rooms; r++)
		if (it->room_cap[r] > 0)
			fprintf(f, "R%s,%d\n", it->room_id[r], it->room_cap[r]);
	rc |= fclose(f);
	if (!(f = open_out(dir, "goals.csv")))
		return -1;
	fputs("goal_id,area,mode,min_group,max_group,sessions\n", f);
	for (int c = 0; c < it->n_courses; c++) {
		const struct course *co = &it->courses[c];
		if (co->demand == 0)
			continue;
		int maxg = co->max_limit < 5 ? 5 : co->max_limit > 30 ? 30 : co->max_limit;
		int ming = co->demand < 3 ? co->demand : 3;
		if (co->area < 0)
			fprintf(f, "C%s,Online,online,1,%d,%d\n", co->id, maxg, co->sessions);
		else
			fprintf(f, "C%s,A%02d,facilitated,%d,%d,%d\n", co->id, co->area + 1, ming,
				maxg, co->sessions);
	}
	rc |= fclose(f);
	if (!(f = open_out(dir, "learners.csv")))
		return -1;
	fputs("learner_id\n", f);
	for (int s = 0; s < sh->learners; s++) {
		char *id = prop(it->students[s], "id");
		fprintf(f, "S%s\n", id ? id : "?");
		free(id);
	}
	rc |= fclose(f);
	if (!(f = open_out(dir, "needs.csv")))
		return -1;
	fputs("learner_id,goal_id,priority,sessions\n", f);
	for (int s = 0; s < sh->learners; s++) {
		char *sid = prop(it->students[s], "id");
		for (xmlNode *c = it->students[s]->children; c; c = c->next) {
			if (!is(c, "course"))
				continue;
			char *id = prop(c, "id");
			int k = find_course(it, id);
			fprintf(f, "S%s,C%s,3,%d\n", sid, id, it->courses[k].sessions);
			free(id);
		}
		free(sid);
	}
	rc |= fclose(f);
	/* staff: areas get facilitators by need sessions, largest remainder */
	int nf = (sh->learners + sh->ratio - 1) / sh->ratio;
	if (nf < n_areas)
		nf = n_areas;
	long *load = xcalloc((size_t)n_areas + 1, sizeof(long));
	long total = 0;
	for (int c = 0; c < it->n_courses; c++)
		if (it->courses[c].area >= 0) {
			load[it->courses[c].area] += (long)it->courses[c].demand * it->courses[c].sessions;
			total += (long)it->courses[c].demand * it->courses[c].sessions;
		}
	int *staff = xmalloc(sizeof(int) * ((size_t)n_areas + 1));
	int given = 0;
	for (int a = 0; a < n_areas; a++) {
		staff[a] = 1 + (int)((nf - n_areas) * load[a] / (total ? total : 1));
		given += staff[a];
	}
	for (int a = 0; given < nf; a = (a + 1) % n_areas, given++)
		staff[a]++;
	FILE *fe = open_out(dir, "expertise.csv");
	if (!(f = open_out(dir, "facilitators.csv")) || !fe) {
		if (f)
			fclose(f);
		if (fe)
			fclose(fe);
		free(staff);
		free(load);
		return -1;
	}
	fputs("facilitator_id\n", f);
	fputs("facilitator_id,offering,level\n", fe);
	for (int a = 0, id = 1; a < n_areas; a++)
		for (int j = 0; j < staff[a]; j++, id++) {
			fprintf(f, "F%03d\n", id);
			fprintf(fe, "F%03d,area:A%02d,guru\n", id, a + 1);
			if (n_areas > 1)
				fprintf(fe, "F%03d,area:A%02d,able\n", id, (a + 1) % n_areas + 1);
		}
	rc |= fclose(f);
	rc |= fclose(fe);
	free(staff);
	free(load);
	return rc ? -1 : 0;
}

static void usage(FILE *out)
{
	fputs("usage: mclsched-itc2019 INSTANCE.xml -o DIR [--learners N] [--days D]\n"
	      "                        [--blocks-per-day B] [--learners-per-facilitator R]\n"
	      "                        [--areas K]\n"
	      "  Writes an ITC 2019 instance's students' course demand, rooms and courses\n"
	      "  as a workshop scenario into DIR (created; must not exist or be empty).\n"
	      "  --learners N   the first N students (default: 90% of one block's seats)\n"
	      "  --days D       1..7 (default 5)    --blocks-per-day B  1..10 (default 4)\n"
	      "  --learners-per-facilitator R  2..100 (default 20)\n"
	      "  --areas K      1..50 (default 8)\n"
	      "  Exit status: 0 written, 1 usage, 2 bad instance, 4 cannot write.\n"
	      "  See docs/bench.md.\n",
	      out);
}

/* A numeric option's value in [lo, hi], or -1 (a usage error). */
static int number(const char *opt, const char *v, int lo, int hi)
{
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 0;
	if (!v || end == v || *end || n < lo || n > hi) {
		fprintf(stderr, "mclsched-itc2019: %s wants a whole number %d..%d\n", opt, lo, hi);
		return -1;
	}
	return (int)n;
}

static int parse_args(int argc, char **argv, const char **in, const char **out,
		      struct shape *sh)
{
	*in = *out = NULL;
	*sh = (struct shape){ .learners = 0, .days = 5, .per_day = 4, .ratio = 20, .areas = 8 };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int *slot = strcmp(a, "--learners") == 0		   ? &sh->learners
			    : strcmp(a, "--days") == 0			   ? &sh->days
			    : strcmp(a, "--blocks-per-day") == 0	   ? &sh->per_day
			    : strcmp(a, "--learners-per-facilitator") == 0 ? &sh->ratio
			    : strcmp(a, "--areas") == 0			   ? &sh->areas
									   : NULL;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (!v)
				break;
			*out = argv[++i];
		} else if (slot) {
			int lo = slot == &sh->ratio ? 2 : 1;
			int hi = slot == &sh->learners ? 100000 : slot == &sh->days ? 7
				 : slot == &sh->per_day ? 10 : slot == &sh->ratio ? 100 : 50;
			if ((*slot = number(a, v, lo, hi)) < 0)
				return 1;
			i++;
		} else if (a[0] != '-' && !*in) {
			*in = a;
		} else {
			fprintf(stderr, "mclsched-itc2019: unknown argument '%s'\n", a);
			usage(stderr);
			return 1;
		}
	}
	if (!*in || !*out) {
		usage(stderr);
		return 1;
	}
	return -1;
}

int main(int argc, char **argv)
{
	const char *in, *out;
	struct shape sh;
	int rc = parse_args(argc, argv, &in, &out, &sh);
	if (rc >= 0)
		return rc;
	struct itc it = { .file = in };
	xmlDoc *doc = xmlReadFile(in, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING |
						XML_PARSE_NOERROR | XML_PARSE_HUGE);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		fprintf(stderr, "%s:%d: not readable as XML: %s", in, e ? e->line : 0,
			e && e->message ? e->message : "cannot open the file\n");
		return 2;
	}
	rc = 2;
	if (read_instance(&it, xmlDocGetRootElement(doc)) != 0)
		goto out;
	int fit = block_seats(&it) * 9 / 10;
	if (sh.learners == 0)
		sh.learners = fit < it.n_students ? fit : it.n_students;
	if (sh.learners > it.n_students)
		sh.learners = it.n_students;
	count_demand(&it, sh.learners);
	if (it.errors)
		goto out;
	int n_areas = make_areas(&it, sh.areas);
	DIR *dd = opendir(out);
	struct dirent *de = NULL;
	while (dd && (de = readdir(dd)) && de->d_name[0] == '.')
		;
	if (dd)
		closedir(dd);
	if (de) {
		fprintf(stderr, "mclsched-itc2019: '%s' is not empty; give a new directory\n", out);
		rc = 1;
		goto out;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "mclsched-itc2019: cannot create '%s': %s\n", out, strerror(errno));
		rc = 4;
		goto out;
	}
	rc = write_scenario(&it, &sh, n_areas > 0 ? n_areas : 1, out) == 0 ? 0 : 4;
	if (rc == 0)
		fprintf(stderr, "mclsched-itc2019: %s: %d of %d students, %d rooms, %d areas -> %s\n",
			it.name ? it.name : in, sh.learners, it.n_students, it.n_rooms, n_areas, out);
out:
	for (int r = 0; r < it.n_rooms; r++)
		free(it.room_id[r]);
	free(it.room_id);
	free(it.room_cap);
	for (int c = 0; c < it.n_courses; c++)
		free(it.courses[c].id);
	free(it.courses);
	free(it.students);
	free(it.name);
	xmlFreeDoc(doc);
	xmlCleanupParser();
	return rc;
}
