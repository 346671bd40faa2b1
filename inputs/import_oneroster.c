/*
 * import_oneroster.c - `mclsched import oneroster` (import.h): learners,
 * facilitators and progress from OneRoster 1.1 CSV bulk files.
 *
 * The mapping (docs/inputs.md, "Imports"):
 *   users.csv      role `student` -> learners.csv, `teacher` ->
 *                  facilitators.csv; other roles, users with status
 *                  `tobedeleted` or enabledUser `false` are left out (listed).
 *                  The id is `identifier` when it is a valid mclsched id,
 *                  else `sourcedId` when that is; a user with neither is an
 *                  error (ids are never rewritten: a rewritten id would no
 *                  longer match the SIS).  The name is givenName and
 *                  familyName joined by a space; mclsched's own export
 *                  writes a one-word name into both and the id when there is
 *                  no name, and both are undone.
 *   demographics   birthDate (YYYY-MM-DD) -> age in whole years on the
 *                  reference date (--as-of, default today, UTC).
 *   classes +      the coach of a learner is the teacher of their homeroom:
 *   enrollments    a class with classType `homeroom`; its primary teacher
 *                  (else its first teacher) coaches every student enrolled
 *                  in it.  A second homeroom of a learner is listed, the
 *                  first in enrollments.csv kept.
 *   lineItems +    each result's score, scaled from the line item's
 *   results        resultValueMin..resultValueMax to 0-4, is the learner's
 *                  score on the line item's goal: the goal map's goal_id for
 *                  the line item's sourcedId, else the leading id of its
 *                  title ("MA-01: Place value" -> MA-01).  When the scenario
 *                  already has goals.csv, goals not in it are left out.  Of
 *                  several results of one learner and goal the latest
 *                  scoreDate wins (ties: the later row).
 * Columns of the old learners.csv and facilitators.csv that the roster has
 * no source for (unavailable, max_sessions; age without demographics.csv,
 * coach_id without a homeroom) are carried over by id (import_carry).
 * Tables are read with csv_table.c and kept until the files are built, so
 * that every id and name is a pointer into them.
 */
#define _POSIX_C_SOURCE 200809L
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "engine/util.h"
#include "inputs/csv_table.h"

enum role { ROLE_STUDENT, ROLE_TEACHER };

struct user {
	const char *sourced_id;
	const char *id;             /* identifier or sourcedId */
	char *name;
	enum role role;
	long line;
	int age;                    /* -1 unknown */
	int coach;                  /* user index of the coach, -1 none */
	long homeroom_line;         /* enrollments.csv line that set coach */
};

struct score {
	int learner;                /* user index */
	const char *goal;
	double value;               /* 0 .. 4 */
	const char *date;           /* scoreDate, "" unknown */
	long line;
};

struct oneroster {
	const char *src;
	struct diag *d;
	struct csv_table users, demographics, classes, enrollments, items, results, map, goals;
	struct user *user;
	int n_users;
	struct import_lookup by_sourced;
	struct score *scores;
	int n_scores;
	long skipped;
	bool have_ages;             /* demographics.csv read */
	bool have_homerooms;        /* a homeroom class with a teacher */
	int as_of[3];               /* year, month, day */
};

/* ---- reading ----------------------------------------------------------------- */

static void skip(struct oneroster *o, const char *file, long line, const char *fmt, ...)
	MCL_PRINTF(4, 5);

/* Lists a row left out (a warning): every one, so that nothing the import
 * does not take goes unnoticed. */
static void skip(struct oneroster *o, const char *file, long line, const char *fmt, ...)
{
	o->skipped++;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_warning(o->d, file, line, "left out: %s", msg);
}

static const char *cell(const struct csv_table *t, int r, int c)
{
	return c >= 0 ? t->rows[r][c] : "";
}

/* Reads src/name; 1 read, 0 absent (and not required), -1 error.  The
 * columns of req must be there. */
static int read_table(struct oneroster *o, struct csv_table *t, const char *dir,
		      const char *name, bool required, const char *const *req)
{
	int rc = csv_table_read(t, dir, name, required, o->d);
	if (rc > 0 && csv_table_require(t, req, o->d) > 0)
		return -1;
	return rc;
}

static char *join_name(const char *given, const char *family, const char *id)
{
	char *name = !strcmp(given, family) ? xstrdup(given)
		     : !*given		    ? xstrdup(family)
		     : !*family		    ? xstrdup(given)
					    : xasprintf("%s %s", given, family);
	if (!strcmp(name, id))
		name[0] = '\0';
	return name;
}

/* manifest.csv, when there: an error for a OneRoster version other than
 * 1.0 or 1.1 (1.2 moved users' roles to roles.csv and renamed columns). */
static void check_version(struct oneroster *o)
{
	static const char *const req[] = { "propertyName", "value", NULL };
	struct csv_table t;
	if (read_table(o, &t, o->src, "manifest.csv", false, req) > 0) {
		int cp = csv_table_col(&t, "propertyName"), cv = csv_table_col(&t, "value");
		for (int r = 0; r < t.n_rows; r++) {
			const char *v = cell(&t, r, cv);
			if (!strcmp(cell(&t, r, cp), "oneroster.version") && strcmp(v, "1.1") &&
			    strcmp(v, "1.0"))
				diag_error(o->d, t.name, t.line[r], "OneRoster version '%.16s': mclsched "
					   "imports OneRoster 1.1 CSV; export 1.1 from the student "
					   "information system", v);
		}
	}
	csv_table_release(&t);
}

static void read_users(struct oneroster *o)
{
	static const char *const req[] = { "sourcedId", "role", NULL };
	struct csv_table *t = &o->users;
	if (read_table(o, t, o->src, "users.csv", true, req) <= 0)
		return;
	int cs = csv_table_col(t, "sourcedId"), cst = csv_table_col(t, "status"),
	    ce = csv_table_col(t, "enabledUser"), cr = csv_table_col(t, "role"),
	    ci = csv_table_col(t, "identifier"), cg = csv_table_col(t, "givenName"),
	    cf = csv_table_col(t, "familyName");
	o->user = xcalloc((size_t)t->n_rows + 1, sizeof(*o->user));
	for (int r = 0; r < t->n_rows; r++) {
		const char *role = cell(t, r, cr), *sid = cell(t, r, cs);
		if (strcasecmp(role, "student") && strcasecmp(role, "teacher")) {
			skip(o, t->name, t->line[r], "role '%.40s' is neither student nor teacher",
			     role);
			continue;
		}
		if (!strcasecmp(cell(t, r, cst), "tobedeleted") ||
		    !strcasecmp(cell(t, r, ce), "false")) {
			skip(o, t->name, t->line[r], "user '%.64s' is deleted or disabled", sid);
			continue;
		}
		const char *ident = cell(t, r, ci);
		const char *id = csv_valid_id(ident) ? ident : csv_valid_id(sid) ? sid : NULL;
		if (!id) {
			diag_error(o->d, t->name, t->line[r], "neither identifier '%.64s' nor "
				   "sourcedId '%.64s' is a valid mclsched id (1-64 characters of "
				   "A-Z a-z 0-9 _ . -, the first a letter or a digit): fix the "
				   "identifier in the student information system", ident, sid);
			continue;
		}
		struct user *u = &o->user[o->n_users++];
		u->sourced_id = sid;
		u->id = id;
		u->role = strcasecmp(role, "student") ? ROLE_TEACHER : ROLE_STUDENT;
		u->name = join_name(cell(t, r, cg), cell(t, r, cf), id);
		u->line = t->line[r];
		u->age = u->coach = -1;
	}
	const char **keys = xmalloc(sizeof(char *) * ((size_t)o->n_users + 1));
	for (int i = 0; i < o->n_users; i++)
		keys[i] = o->user[i].sourced_id;
	import_lookup_build(&o->by_sourced, keys, o->n_users);
	/* two users of one role with one id would be one learner */
	const char **ids = xmalloc(sizeof(char *) * ((size_t)o->n_users + 1));
	for (int i = 0; i < o->n_users; i++)
		ids[i] = o->user[i].id;
	struct import_lookup by_id;
	import_lookup_build(&by_id, ids, o->n_users);
	for (int k = 1; k < o->n_users; k++) {
		const struct user *b = &o->user[by_id.order[k]];
		for (int j = k - 1; j >= 0; j--) {
			const struct user *a = &o->user[by_id.order[j]];
			if (strcmp(a->id, b->id))
				break;
			if (a->role != b->role)
				continue;
			diag_error(o->d, t->name, b->line, "%s id '%s' again (first on line %ld): "
				   "ids must be unique", b->role == ROLE_STUDENT ? "learner"
				   : "facilitator", b->id, a->line);
			break;
		}
	}
	import_lookup_release(&by_id);
}

/* Parses YYYY-MM-DD (anything after it, a time, is ignored). */
static bool parse_date(const char *s, int ymd[3])
{
	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	ymd[0] = atoi(s);
	ymd[1] = atoi(s + 5);
	ymd[2] = atoi(s + 8);
	return ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= 31;
}

static void read_demographics(struct oneroster *o)
{
	static const char *const req[] = { "birthDate", NULL };
	struct csv_table *t = &o->demographics;
	if (read_table(o, t, o->src, "demographics.csv", false, req) <= 0)
		return;
	/* the user's sourcedId: OneRoster 1.0 named the column userSourcedId */
	int cs = csv_table_col(t, "sourcedId"), cb = csv_table_col(t, "birthDate");
	if (cs < 0)
		cs = csv_table_col(t, "userSourcedId");
	if (cs < 0) {
		diag_error(o->d, t->name, 1, "missing required column 'sourcedId' (OneRoster 1.0: "
			   "'userSourcedId'): the user each row is about");
		return;
	}
	o->have_ages = true;
	for (int r = 0; r < t->n_rows; r++) {
		int u = import_lookup_find(&o->by_sourced, cell(t, r, cs));
		const char *birth = cell(t, r, cb);
		if (u < 0) {
			skip(o, t->name, t->line[r], "'%.64s' is no learner or facilitator imported "
			     "from users.csv", cell(t, r, cs));
			continue;
		}
		if (o->user[u].role != ROLE_STUDENT || !*birth)
			continue;   /* a facilitator's, or no date: nothing to take */
		int b[3];
		int age = -1;
		if (parse_date(birth, b))
			age = o->as_of[0] - b[0] - (o->as_of[1] < b[1] ||
						    (o->as_of[1] == b[1] && o->as_of[2] < b[2]));
		if (age < 0 || age > 150) {
			skip(o, t->name, t->line[r], "birthDate '%.40s' gives no age from 0 to 150 "
			     "on the reference date: want YYYY-MM-DD", birth);
			continue;
		}
		o->user[u].age = age;
	}
}

/* Homerooms: the teacher of each homeroom class coaches its students. */
static void read_coaches(struct oneroster *o)
{
	static const char *const req_c[] = { "sourcedId", "classType", NULL };
	static const char *const req_e[] = { "classSourcedId", "userSourcedId", "role", NULL };
	struct csv_table *tc = &o->classes, *te = &o->enrollments;
	int rc = read_table(o, tc, o->src, "classes.csv", false, req_c);
	int re = read_table(o, te, o->src, "enrollments.csv", false, req_e);
	if (rc <= 0 || re <= 0)
		return;
	int cs = csv_table_col(tc, "sourcedId"), ct = csv_table_col(tc, "classType");
	const char **keys = xmalloc(sizeof(char *) * ((size_t)tc->n_rows + 1));
	int n = 0;
	for (int r = 0; r < tc->n_rows; r++)
		if (!strcasecmp(cell(tc, r, ct), "homeroom"))
			keys[n++] = cell(tc, r, cs);
	struct import_lookup homerooms;
	import_lookup_build(&homerooms, keys, n);
	int *teacher = xmalloc(sizeof(int) * ((size_t)n + 1));
	bool *primary = xcalloc((size_t)n + 1, sizeof(bool));
	for (int i = 0; i < n; i++)
		teacher[i] = -1;
	int ec = csv_table_col(te, "classSourcedId"), eu = csv_table_col(te, "userSourcedId"),
	    er = csv_table_col(te, "role"), ep = csv_table_col(te, "primary");
	for (int pass = 0; pass < 2; pass++)   /* teachers first, then students */
		for (int r = 0; r < te->n_rows; r++) {
			int h = import_lookup_find(&homerooms, cell(te, r, ec));
			int u = import_lookup_find(&o->by_sourced, cell(te, r, eu));
			bool is_teacher = !strcasecmp(cell(te, r, er), "teacher");
			if (h < 0 || is_teacher != (pass == 0))
				continue;   /* not a homeroom (other classes are not used) */
			if (u < 0) {
				skip(o, te->name, te->line[r], "homeroom enrollment of '%.64s', who is "
				     "no learner or facilitator imported from users.csv",
				     cell(te, r, eu));
				continue;
			}
			struct user *us = &o->user[u];
			if (!is_teacher && us->role == ROLE_STUDENT && teacher[h] < 0) {
				skip(o, te->name, te->line[r], "homeroom '%.64s' of learner '%s' has "
				     "no teacher enrolled, so it gives no coach", cell(te, r, ec),
				     us->id);
				continue;
			}
			if (is_teacher && us->role == ROLE_TEACHER) {
				bool prim = !strcasecmp(cell(te, r, ep), "true");
				if (teacher[h] < 0 || (prim && !primary[h])) {
					teacher[h] = u;
					primary[h] = prim;
				}
				o->have_homerooms = true;
			} else if (!is_teacher && us->role == ROLE_STUDENT && teacher[h] >= 0) {
				if (us->coach >= 0 && us->coach != teacher[h])
					skip(o, te->name, te->line[r], "learner '%s' is already in a "
					     "homeroom (line %ld); the first is kept", us->id,
					     us->homeroom_line);
				else if (us->coach < 0) {
					us->coach = teacher[h];
					us->homeroom_line = te->line[r];
				}
			}
		}
	free(teacher);
	free(primary);
	import_lookup_release(&homerooms);
}

/* The goal of line item r: the goal map's, else its title's leading id. */
static char *item_goal(struct oneroster *o, const struct import_lookup *map, int r)
{
	const struct csv_table *t = &o->items;
	int m = import_lookup_find(map, cell(t, r, csv_table_col(t, "sourcedId")));
	if (m >= 0)
		return xstrdup(cell(&o->map, m, csv_table_col(&o->map, "goal_id")));
	const char *title = cell(t, r, csv_table_col(t, "title"));
	size_t n = 0;
	while (title[n] && (isalnum((unsigned char)title[n]) || strchr("_.-", title[n])))
		n++;
	if (title[n] && title[n] != ' ' && title[n] != ':')
		return xstrdup("");
	while (n > 0 && title[n - 1] == '.')   /* "MA-01. Place value" */
		n--;
	return xstrndup(title, n);
}

/* Keys of column col of table t, for a lookup (rows in order). */
static const char **column_keys(const struct csv_table *t, const char *col)
{
	const char **keys = xmalloc(sizeof(char *) * ((size_t)t->n_rows + 1));
	int c = csv_table_col(t, col);
	for (int r = 0; r < t->n_rows; r++)
		keys[r] = cell(t, r, c);
	return keys;
}

static bool parse_number(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (!*s || errno || *end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* Errors for goal map rows that cannot be used: no line item, a goal id
 * mclsched cannot take, a line item mapped twice. */
static void check_goal_map(struct oneroster *o, const struct import_lookup *map)
{
	const struct csv_table *t = &o->map;
	int ci = csv_table_col(t, "line_item_id"), cg = csv_table_col(t, "goal_id");
	for (int r = 0; r < t->n_rows; r++) {
		const char *item = cell(t, r, ci), *goal = cell(t, r, cg);
		int first = import_lookup_find(map, item);
		if (!*item)
			diag_error(o->d, t->name, t->line[r], "empty line_item_id: give the "
				   "sourcedId of a lineItems.csv row");
		else if (first != r)
			diag_error(o->d, t->name, t->line[r], "line item '%.64s' again (first on "
				   "line %ld): map each line item once", item, t->line[first]);
		if (!csv_valid_id(goal))
			diag_error(o->d, t->name, t->line[r], "invalid goal_id '%.64s': use 1-64 "
				   "characters of A-Z a-z 0-9 _ . -, the first a letter or a digit",
				   goal);
	}
}

struct item {
	char *goal;                 /* "" when none */
	double min, max;
	bool usable;
};

/* lineItems.csv: each item's goal and score range; unusable ones listed. */
static struct item *read_items(struct oneroster *o, const char *scenario_dir,
			       const char *goal_map)
{
	static const char *const req_i[] = { "sourcedId", "title", "resultValueMin",
					     "resultValueMax", NULL };
	static const char *const req_m[] = { "line_item_id", "goal_id", NULL };
	static const char *const req_g[] = { "goal_id", NULL };
	struct csv_table *t = &o->items;
	if (read_table(o, t, o->src, "lineItems.csv", true, req_i) <= 0)
		return NULL;
	struct import_lookup map = { 0 }, goals = { 0 };
	if (goal_map) {
		char *dir = xstrdup(goal_map), *slash = strrchr(dir, '/');
		const char *name = slash ? slash + 1 : goal_map;
		if (slash)
			*slash = '\0';
		if (read_table(o, &o->map, slash ? dir : ".", name, true, req_m) > 0) {
			import_lookup_build(&map, column_keys(&o->map, "line_item_id"), o->map.n_rows);
			check_goal_map(o, &map);
		}
		free(dir);
	}
	bool have_goals = read_table(o, &o->goals, scenario_dir, "goals.csv", false, req_g) > 0;
	if (have_goals)
		import_lookup_build(&goals, column_keys(&o->goals, "goal_id"), o->goals.n_rows);
	int c0 = csv_table_col(t, "resultValueMin"), c1 = csv_table_col(t, "resultValueMax");
	struct item *items = xcalloc((size_t)t->n_rows + 1, sizeof(*items));
	for (int r = 0; r < t->n_rows; r++) {
		struct item *it = &items[r];
		it->goal = item_goal(o, &map, r);
		const char *title = cell(t, r, csv_table_col(t, "title"));
		if (!csv_valid_id(it->goal))
			skip(o, t->name, t->line[r], "line item '%.64s' names no goal: give it a row "
			     "in the goal map (--goal-map), or start its title with the goal id",
			     title);
		else if (have_goals && import_lookup_find(&goals, it->goal) < 0)
			skip(o, t->name, t->line[r], "goal '%.64s' is not in goals.csv of the "
			     "scenario", it->goal);
		else if (!parse_number(cell(t, r, c0), &it->min) ||
			 !parse_number(cell(t, r, c1), &it->max) || it->max <= it->min)
			skip(o, t->name, t->line[r], "line item '%.64s' has no score range: "
			     "want resultValueMin below resultValueMax", title);
		else
			it->usable = true;
	}
	import_lookup_release(&map);
	import_lookup_release(&goals);
	return items;
}

static int cmp_score(const void *a, const void *b)
{
	const struct score *x = a, *y = b;
	if (x->learner != y->learner)
		return x->learner < y->learner ? -1 : 1;
	int g = strcmp(x->goal, y->goal);
	if (g)
		return g;
	int dt = strcmp(x->date, y->date);
	return dt ? dt : (x->line > y->line) - (x->line < y->line);
}

/* results.csv: one score per learner and goal, the latest. */
static void read_progress(struct oneroster *o, const char *scenario_dir,
			  const char *goal_map, struct item **items_out)
{
	static const char *const req[] = { "lineItemSourcedId", "studentSourcedId", "score",
					   NULL };
	struct csv_table *t = &o->results;
	if (read_table(o, t, o->src, "results.csv", false, req) <= 0)
		return;
	struct item *items = read_items(o, scenario_dir, goal_map);
	*items_out = items;
	if (!items)
		return;
	struct import_lookup by_item;
	import_lookup_build(&by_item, column_keys(&o->items, "sourcedId"), o->items.n_rows);
	int ci = csv_table_col(t, "lineItemSourcedId"), cs = csv_table_col(t, "studentSourcedId"),
	    cv = csv_table_col(t, "score"), cd = csv_table_col(t, "scoreDate"),
	    cst = csv_table_col(t, "status"), css = csv_table_col(t, "scoreStatus");
	o->scores = xmalloc(sizeof(*o->scores) * ((size_t)t->n_rows + 1));
	for (int r = 0; r < t->n_rows; r++) {
		int i = import_lookup_find(&by_item, cell(t, r, ci));
		int u = import_lookup_find(&o->by_sourced, cell(t, r, cs));
		double v;
		if (!strcasecmp(cell(t, r, cst), "tobedeleted"))
			continue;
		const char *status = cell(t, r, css);
		if (!strcasecmp(status, "exempt") || !strcasecmp(status, "not submitted"))
			skip(o, t->name, t->line[r], "scoreStatus '%s': the score is no evidence "
			     "of mastery", status);
		else if (u < 0 || o->user[u].role != ROLE_STUDENT)
			skip(o, t->name, t->line[r], "'%.64s' is no learner of users.csv",
			     cell(t, r, cs));
		else if (i < 0)
			skip(o, t->name, t->line[r], "unknown line item '%.64s'", cell(t, r, ci));
		else if (!items[i].usable)
			continue;   /* the line item was listed */
		else if (!parse_number(cell(t, r, cv), &v) || v < items[i].min || v > items[i].max)
			skip(o, t->name, t->line[r], "score '%.40s' is not a number from %g to %g",
			     cell(t, r, cv), items[i].min, items[i].max);
		else
			o->scores[o->n_scores++] = (struct score){
				u, items[i].goal, 4 * (v - items[i].min) / (items[i].max - items[i].min),
				cell(t, r, cd), t->line[r] };
	}
	if (o->n_scores > 1)
		qsort(o->scores, (size_t)o->n_scores, sizeof(*o->scores), cmp_score);
	/* keep the last of each (learner, goal): the latest date, then row */
	int kept = 0;
	for (int k = 0; k < o->n_scores; k++) {
		if (kept && o->scores[kept - 1].learner == o->scores[k].learner &&
		    !strcmp(o->scores[kept - 1].goal, o->scores[k].goal))
			kept--;
		o->scores[kept++] = o->scores[k];
	}
	o->n_scores = kept;
	import_lookup_release(&by_item);
}

/* ---- writing ----------------------------------------------------------------- */

/* learners.csv (role student) or facilitators.csv (teacher): the columns
 * the roster gives, then those carried from the old file by id.  A
 * learner's age and coach are the roster's only when it has a source for
 * them (demographics.csv, a homeroom); else the old file's are kept. */
static int people_file(struct oneroster *o, const char *dir, enum role role,
		       struct import_csv *f, int *count)
{
	bool student = role == ROLE_STUDENT;
	const char *own[6] = { student ? "learner_id" : "facilitator_id", "name" };
	int n_own = 2;
	if (student && o->have_ages)
		own[n_own++] = "age";
	if (student && o->have_homerooms)
		own[n_own++] = "coach_id";
	own[n_own] = NULL;
	struct import_carry carry;
	const char *name = student ? "learners.csv" : "facilitators.csv";
	if (import_carry_open(&carry, dir, name, own, o->d))
		return -1;
	char *header = xstrdup(own[0]);
	for (int k = 1; k < n_own; k++) {
		char *longer = xasprintf("%s,%s", header, own[k]);
		free(header);
		header = longer;
	}
	import_carry_header(&carry, &header);
	import_csv_init(f, name, header);
	free(header);
	const char **cells = xmalloc(sizeof(char *) * ((size_t)(n_own + carry.n_cols) + 1));
	*count = 0;
	for (int i = 0; i < o->n_users; i++) {
		const struct user *u = &o->user[i];
		if (u->role != role)
			continue;
		char age[16] = "";
		if (u->age >= 0)
			snprintf(age, sizeof(age), "%d", u->age);
		int n = 0;
		cells[n++] = u->id;
		cells[n++] = u->name;
		if (student && o->have_ages)
			cells[n++] = age;
		if (student && o->have_homerooms)
			cells[n++] = u->coach >= 0 ? o->user[u->coach].id : "";
		import_carry_cells(&carry, u->id, cells + n);
		import_csv_row(f, n + carry.n_cols, cells);
		++*count;
	}
	free(cells);
	import_carry_release(&carry);
	return 0;
}

static int build_and_commit(struct oneroster *o, const char *scenario_dir)
{
	struct import_csv f[3];
	int n_files = 0, n_learners = 0, n_facilitators = 0, rc = -1;
	if (people_file(o, scenario_dir, ROLE_STUDENT, &f[0], &n_learners))
		goto out;
	n_files++;
	if (people_file(o, scenario_dir, ROLE_TEACHER, &f[1], &n_facilitators))
		goto out;
	n_files++;
	if (o->results.n_cols > 0) {
		import_csv_init(&f[n_files++], "progress.csv", "learner_id,goal_id,score");
		for (int k = 0; k < o->n_scores; k++) {
			char score[32];
			import_format_score(score, sizeof(score), o->scores[k].value);
			const char *cells[] = { o->user[o->scores[k].learner].id, o->scores[k].goal,
						score };
			import_csv_row(&f[2], 3, cells);
		}
	}
	rc = import_commit(scenario_dir, f, n_files, o->d) ? -2 : 0;
	if (rc == 0)
		mcl_log(LOG_NORMAL, "%d learners, %d facilitators%s written to %s/", n_learners,
			n_facilitators, n_files > 2 ? " and their scores" : "", scenario_dir);
	if (rc == 0 && n_files > 2)
		mcl_log(LOG_NORMAL, "progress.csv: %d scores", o->n_scores);
out:
	for (int i = 0; i < n_files; i++)
		import_csv_release(&f[i]);
	return rc;
}

/* The reference date for ages: opt's, or today (UTC). */
static bool set_as_of(struct oneroster *o, const char *as_of)
{
	if (as_of) {
		if (parse_date(as_of, o->as_of) && strlen(as_of) == 10)
			return true;
		diag_error(o->d, NULL, 0, "--as-of '%s' is not a date: want YYYY-MM-DD", as_of);
		return false;
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	o->as_of[0] = tm.tm_year + 1900;
	o->as_of[1] = tm.tm_mon + 1;
	o->as_of[2] = tm.tm_mday;
	return true;
}

enum import_result import_oneroster(const char *src, const char *scenario_dir,
				    const struct import_oneroster_options *opt, struct diag *d)
{
	struct oneroster o = { .src = src, .d = d };
	struct item *items = NULL;
	int before = d->n_errors;
	enum import_result res = IMPORT_BAD_INPUT;
	if (!set_as_of(&o, opt ? opt->as_of : NULL))
		goto out;
	check_version(&o);
	if (d->n_errors > before)
		goto out;
	read_users(&o);
	if (d->n_errors == before) {
		read_demographics(&o);
		read_coaches(&o);
		read_progress(&o, scenario_dir, opt ? opt->goal_map : NULL, &items);
	}
	if (o.skipped)
		mcl_log(LOG_NORMAL, "%ld row%s left out, each listed as a warning", o.skipped,
			o.skipped == 1 ? "" : "s");
	if (d->n_errors > before)
		goto out;
	int rc = build_and_commit(&o, scenario_dir);
	res = rc == 0 ? IMPORT_WRITTEN : rc == -1 ? IMPORT_BAD_INPUT : IMPORT_WRITE_FAILED;
out:
	for (int r = 0; items && r < o.items.n_rows; r++)
		free(items[r].goal);
	free(items);
	for (int i = 0; i < o.n_users; i++)
		free(o.user[i].name);
	free(o.user);
	free(o.scores);
	import_lookup_release(&o.by_sourced);
	struct csv_table *tables[] = { &o.users, &o.demographics, &o.classes, &o.enrollments,
				       &o.items, &o.results, &o.map, &o.goals };
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		csv_table_release(tables[i]);
	return res;
}
