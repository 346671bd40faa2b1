/*
 * oneroster.c - OneRoster 1.1 CSV bulk files (oneroster.h).
 *
 * The mapping (docs/outputs.md, "oneroster/"): the school is one org; the
 * cycle is a term inside its school year; each goal, seminar and the lab
 * is a course; each section is a class (a workshop or lab session, a
 * seminar section with its meetings, a power-goal group), so that a class
 * has one set of learners; learners are students and facilitators
 * teachers, enrolled in the classes they attend or lead.  Every sourcedId
 * is composed of the school (scenario.conf school_id), the kind and the ids
 * of what it stands for ("north:learner:L0001", "north:class:workshop:M1:
 * Mon1:R1"), with ':' (which no id holds) between the parts: the same thing
 * gets the same id in every run, a learner and a facilitator sharing an id
 * stay two users, and the schools of a district never share one.  The files are bulk files: status and
 * dateLastModified stay empty, as the binding asks of bulk files.  Rows
 * come from the schedule's row set (rowset.h), the one the CSVs are written
 * from, so class codes are sessions.csv's section ids.
 */
#define _POSIX_C_SOURCE 200809L
#include "oneroster.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/util.h"
#include "outputs/csv_out.h"
#include "outputs/rowset.h"

struct roster {
	const struct problem *p;
	const struct rowset *rb;
	char *dir;                  /* dir/oneroster */
	const char *school;         /* the org's sourcedId: scenario.conf school_id */
	char term_id[128], year_id[96];
	char start[48], end[48], year_start[48], year_end[48];   /* YYYY-MM-DD */
	int school_year;            /* the year the school year ends in */
};

/* ---- files ----------------------------------------------------------------- */

static FILE *open_csv(const struct roster *r, const char *name, const char *header,
		      struct diag *d)
{
	char *path = xasprintf("%s/%s", r->dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		diag_error(d, path, 0, "cannot create: %s", strerror(errno));
	else
		fprintf(f, "%s\n", header);
	free(path);
	return f;
}

/* Flushes f to disk and closes it; -1 with the reason in d on failure. */
static int close_csv(const struct roster *r, FILE *f, const char *name, struct diag *d)
{
	bool ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
	ok = fclose(f) == 0 && ok;
	if (ok)
		return 0;
	char *path = xasprintf("%s/%s", r->dir, name);
	diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	free(path);
	return -1;
}

/* Writes the cells of one row, then the line end: identifiers and names
 * unchanged (no spreadsheet guard: a student information system must find
 * its own ids byte for byte), quoted as RFC 4180 asks. */
static void row(FILE *f, int n, const char *const *cells)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		csv_out_quoted(f, cells[i] ? cells[i] : "");
	}
	fputc('\n', f);
}

/* ---- the files, one by one --------------------------------------------------- */

static int write_manifest(const struct roster *r, struct diag *d)
{
	static const char *const props[][2] = {
		{ "manifest.version", "1.0" },
		{ "oneroster.version", "1.1" },
		{ "file.academicSessions", "bulk" },
		{ "file.categories", "absent" },
		{ "file.classes", "bulk" },
		{ "file.classResources", "absent" },
		{ "file.courses", "bulk" },
		{ "file.courseResources", "absent" },
		{ "file.demographics", "absent" },
		{ "file.enrollments", "bulk" },
		{ "file.lineItems", "absent" },
		{ "file.orgs", "bulk" },
		{ "file.resources", "absent" },
		{ "file.results", "absent" },
		{ "file.users", "bulk" },
		{ "source.systemName", "mclsched" },
	};
	FILE *f = open_csv(r, "manifest.csv", "propertyName,value", d);
	if (!f)
		return -1;
	for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++)
		row(f, 2, props[i]);
	return close_csv(r, f, "manifest.csv", d);
}

static const char *school_name(const struct problem *p)
{
	return p->config.name && *p->config.name ? p->config.name : "School";
}

static int write_orgs(const struct roster *r, struct diag *d)
{
	FILE *f = open_csv(r, "orgs.csv",
			   "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", d);
	if (!f)
		return -1;
	const char *cells[] = { r->school, "", "", school_name(r->p), "school", r->school, "" };
	row(f, 7, cells);
	return close_csv(r, f, "orgs.csv", d);
}

static int write_academic_sessions(const struct roster *r, struct diag *d)
{
	FILE *f = open_csv(r, "academicSessions.csv",
			   "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
			   "parentSourcedId,schoolYear", d);
	if (!f)
		return -1;
	char year[16], title[32];
	snprintf(year, sizeof(year), "%d", r->school_year);
	snprintf(title, sizeof(title), "%d-%d", r->school_year - 1, r->school_year);
	const char *y[] = { r->year_id, "", "", title, "schoolYear", r->year_start, r->year_end,
			    "", year };
	row(f, 9, y);
	char *term = xasprintf("%s (%s)", school_name(r->p), r->start);
	const char *t[] = { r->term_id, "", "", term, "term", r->start, r->end, r->year_id, year };
	row(f, 9, t);
	free(term);
	return close_csv(r, f, "academicSessions.csv", d);
}

/* sourcedId of the course session s belongs to: the school, then what the
 * course teaches. */
static char *course_id(const struct roster *r, const struct rowset_session *s)
{
	if (s->kind == SESSION_LAB)
		return xasprintf("%s:course:lab", r->school);
	return xasprintf("%s:course:%s:%s", r->school, s->kind == SESSION_WORKSHOP ? "goal"
			 : "seminar", s->offering_id);
}

/* The subject of session s's course: the goal's area; none for the rest. */
static const char *subject(const struct problem *p, const struct rowset_session *s)
{
	return s->kind == SESSION_WORKSHOP ? p->areas[p->goals[s->offering].area] : "";
}

/* One course per goal, seminar (and the lab) that some session runs, in
 * the order sessions.csv first runs them. */
static int write_courses(const struct roster *r, struct diag *d)
{
	const struct problem *p = r->p;
	FILE *f = open_csv(r, "courses.csv",
			   "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,"
			   "grades,orgSourcedId,subjects,subjectCodes", d);
	if (!f)
		return -1;
	bool *goal_done = xcalloc((size_t)p->n_goals + 1, sizeof(bool));
	bool *seminar_done = xcalloc((size_t)p->n_seminars + 1, sizeof(bool));
	bool lab_done = false;
	for (int i = 0; i < r->rb->n_sessions; i++) {
		const struct rowset_session *s = &r->rb->sessions[i];
		bool *done = s->kind == SESSION_WORKSHOP  ? &goal_done[s->offering]
			     : s->kind == SESSION_SEMINAR ? &seminar_done[s->offering]
							  : &lab_done;
		if (*done)
			continue;
		*done = true;
		char *id = course_id(r, s);
		const char *code = s->kind == SESSION_WORKSHOP  ? p->goals[s->offering].id
				   : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id
								: "lab";
		const char *cells[] = { id, "", "", r->year_id, rowset_session_title(p, s), code,
					"", r->school, subject(p, s), "" };
		row(f, 10, cells);
		free(id);
	}
	free(goal_done);
	free(seminar_done);
	return close_csv(r, f, "courses.csv", d);
}

/* sourcedId of the class whose first session is first: the school, the
 * kind, what it runs, and the block and room of its first session (a room
 * holds one session a block, so no two classes share them).  The same
 * class gets the same id in every run, whatever the session numbers. */
static char *class_id(const struct roster *r, const struct rowset_session *first)
{
	return xasprintf("%s:class:%s:%s:%s:%s", r->school, solution_kind_name(first->kind),
			 first->kind == SESSION_LAB ? "lab" : first->offering_id, first->block_id,
			 first->room_id);
}

static void append(char **list, const char *sep, const char *item)
{
	char *grown = xasprintf("%s%s%s", *list, **list ? sep : "", item);
	free(*list);
	*list = grown;
}

/* One class per section, at its first session. */
static int write_classes(const struct roster *r, struct diag *d)
{
	const struct problem *p = r->p;
	const struct rowset *rb = r->rb;
	FILE *f = open_csv(r, "classes.csv",
			   "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
			   "classType,location,schoolSourcedId,termSourcedIds,subjects,"
			   "subjectCodes,periods", d);
	if (!f)
		return -1;
	for (int i = 0; i < rb->n_sessions; i++) {
		const struct rowset_session *s = &rb->sessions[i];
		if (s->section_first != i)
			continue;
		char *rooms = xstrdup(""), *periods = xstrdup("");
		int meetings = 0;
		for (int k = i; k >= 0; k = rb->sessions[k].section_next) {
			const struct rowset_session *m = &rb->sessions[k];
			const char *room = rowset_label(p->rooms[m->room].name, p->rooms[m->room].id);
			bool seen = false;
			for (int j = i; j != k && !seen; j = rb->sessions[j].section_next)
				seen = rb->sessions[j].room == m->room;
			if (!seen)
				append(&rooms, "; ", room);
			append(&periods, ",", p->blocks[m->block].id);
			meetings++;
		}
		const struct block *b = &p->blocks[s->block];
		char *title = xasprintf("%s, %s %02d:%02d", rowset_session_title(p, s), b->day,
					b->start / 60, b->start % 60);
		if (meetings > 1) {
			char more[48];
			snprintf(more, sizeof(more), " and %d more meeting%s", meetings - 1,
				 meetings > 2 ? "s" : "");
			append(&title, "", more);
		}
		char *id = class_id(r, s), *course = course_id(r, s);
		const char *cells[] = { id, "", "", title, "", course, s->section, "scheduled",
					rooms, r->school, r->term_id, subject(p, s), "", periods };
		row(f, 14, cells);
		free(id);
		free(course);
		free(title);
		free(rooms);
		free(periods);
	}
	return close_csv(r, f, "classes.csv", d);
}

/* givenName and familyName: the name split at its last space; a one-word
 * name, or the id when there is no name, fills both. */
static void split_name(const char *name, const char *id, char **given, char **family)
{
	const char *full = rowset_label(name, id);
	const char *sp = strrchr(full, ' ');
	if (!sp || sp == full || !sp[1]) {
		*given = xstrdup(full);
		*family = xstrdup(full);
		return;
	}
	*given = xstrndup(full, (size_t)(sp - full));
	*family = xstrdup(sp + 1);
}

/* sourcedId of a user: the school, the role in the schedule, the id. */
static char *user_id(const struct roster *r, const char *kind, const char *id)
{
	return xasprintf("%s:%s:%s", r->school, kind, id);
}

static void user_row(FILE *f, const struct roster *r, const char *kind, const char *id,
		     const char *username, const char *name, const char *role)
{
	char *sid = user_id(r, kind, id), *given, *family;
	split_name(name, id, &given, &family);
	const char *cells[] = { sid, "", "", "true", r->school, role, username, "", given, family,
				"", id, "", "", "", "", "", "" };
	row(f, 18, cells);
	free(sid);
	free(given);
	free(family);
}

/* A facilitator's username: the id, unless a learner has that id too (a
 * username names one user); then the id with ".staff" (and a number, should
 * a learner have that as well). */
static char *staff_username(const struct problem *p, const char *id)
{
	char *name = xstrdup(id);
	for (int k = 1; problem_find_learner(p, name) >= 0; k++) {
		free(name);
		name = k == 1 ? xasprintf("%s.staff", id) : xasprintf("%s.staff%d", id, k);
	}
	return name;
}

static int write_users(const struct roster *r, struct diag *d)
{
	const struct problem *p = r->p;
	FILE *f = open_csv(r, "users.csv",
			   "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,"
			   "username,userIds,givenName,familyName,middleName,identifier,email,sms,"
			   "phone,agentSourcedIds,grades,password", d);
	if (!f)
		return -1;
	for (int l = 0; l < p->n_learners; l++)
		user_row(f, r, "learner", p->learners[l].id, p->learners[l].id,
			 p->learners[l].name, "student");
	for (int k = 0; k < p->n_facilitators; k++) {
		char *username = staff_username(p, p->facilitators[k].id);
		user_row(f, r, "facilitator", p->facilitators[k].id, username,
			 p->facilitators[k].name, "teacher");
		free(username);
	}
	return close_csv(r, f, "users.csv", d);
}

static void enrollment_row(FILE *f, const struct roster *r, const char *class,
			   const char *kind, const char *id, const char *role, const char *primary)
{
	char *user = user_id(r, kind, id);
	char *sid = xasprintf("%s:%s:%s", class, kind, id);
	const char *cells[] = { sid, "", "", class, r->school, user, role, primary, "", "" };
	row(f, 10, cells);
	free(user);
	free(sid);
}

/* Per class: its facilitators (the first primary), then its learners in
 * file order, each once however many meetings they attend. */
static int write_enrollments(const struct roster *r, struct diag *d)
{
	const struct problem *p = r->p;
	const struct rowset *rb = r->rb;
	FILE *f = open_csv(r, "enrollments.csv",
			   "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
			   "userSourcedId,role,primary,beginDate,endDate", d);
	if (!f)
		return -1;
	/* learners of each section, in learner order: a counting sort of the
	 * (section, learner) pairs of the timetable */
	size_t n = (size_t)rb->n_sessions;
	int *start = xcalloc(n + 2, sizeof(int));
	int *last = xmalloc(sizeof(int) * (n + 1));
	int *learners = xmalloc(sizeof(int) * ((size_t)rb->n_slots + 1));
	for (int pass = 0; pass < 2; pass++) {
		int *fill = pass ? xmalloc(sizeof(int) * (n + 1)) : NULL;
		for (size_t i = 0; i < n; i++) {
			last[i] = -1;
			if (fill)
				fill[i] = start[i];
		}
		for (int i = 0; i < rb->n_slots; i++) {
			const struct rowset_slot *sl = &rb->slots[i];
			if (sl->session < 0)
				continue;
			int sec = rb->sessions[sl->session].section_first;
			if (last[sec] == sl->learner)
				continue;
			last[sec] = sl->learner;
			if (fill)
				learners[fill[sec]++] = sl->learner;
			else
				start[sec + 1]++;
		}
		if (!pass)
			for (size_t i = 0; i < n; i++)
				start[i + 1] += start[i];
		free(fill);
	}
	for (int i = 0; i < rb->n_sessions; i++) {
		if (rb->sessions[i].section_first != i)
			continue;
		char *class = class_id(r, &rb->sessions[i]);
		int primary = -1;
		for (int k = i; k >= 0; k = rb->sessions[k].section_next) {
			const struct rowset_session *m = &rb->sessions[k];
			bool seen = false;
			for (int j = i; j != k && !seen; j = rb->sessions[j].section_next)
				seen = rb->sessions[j].facilitator == m->facilitator;
			if (seen)
				continue;
			enrollment_row(f, r, class, "facilitator", p->facilitators[m->facilitator].id,
				       "teacher", primary < 0 ? "true" : "false");
			primary = m->facilitator;
		}
		for (int k = start[i]; k < start[i + 1]; k++)
			enrollment_row(f, r, class, "learner", p->learners[learners[k]].id,
				       "student", "");
		free(class);
	}
	free(start);
	free(last);
	free(learners);
	return close_csv(r, f, "enrollments.csv", d);
}

/* ---- dates ----------------------------------------------------------------- */

static void iso_date(char *buf, size_t len, const struct tm *tm)
{
	snprintf(buf, len, "%04d-%02d-%02d", tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
}

/* The term: from when's date to the end of the cycle's school week(s), a
 * week per five days of the cycle, cut at the end of its school year (July
 * to June), so that the term lies inside the year it belongs to. */
static void set_dates(struct roster *r, time_t when)
{
	struct tm tm;
	localtime_r(&when, &tm);
	tm.tm_hour = 12;            /* clear of daylight-saving edges */
	tm.tm_isdst = -1;
	iso_date(r->start, sizeof(r->start), &tm);
	r->school_year = tm.tm_year + 1900 + (tm.tm_mon >= 6);
	snprintf(r->year_start, sizeof(r->year_start), "%04d-07-01", r->school_year - 1);
	snprintf(r->year_end, sizeof(r->year_end), "%04d-06-30", r->school_year);
	snprintf(r->year_id, sizeof(r->year_id), "%s:year:%d", r->school, r->school_year);
	snprintf(r->term_id, sizeof(r->term_id), "%s:term:%s", r->school, r->start);
	int weeks = (r->p->n_days + 4) / 5;
	tm.tm_mday += 7 * (weeks > 0 ? weeks : 1) - 1;
	mktime(&tm);
	iso_date(r->end, sizeof(r->end), &tm);
	if (strcmp(r->end, r->year_end) > 0)        /* ISO dates sort as text */
		snprintf(r->end, sizeof(r->end), "%s", r->year_end);
}

int oneroster_write(const struct problem *p, const struct rowset *rows, const char *dir,
		    time_t when, struct diag *d)
{
	struct roster r = { .p = p, .rb = rows, .school = p->config.school_id };
	r.dir = xasprintf("%s/%s", dir, ONEROSTER_DIR);
	set_dates(&r, when);
	int rc = -1;
	if (mkdir(r.dir, 0755) != 0) {
		diag_error(d, r.dir, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	if (write_manifest(&r, d) || write_orgs(&r, d) || write_academic_sessions(&r, d) ||
	    write_courses(&r, d) || write_classes(&r, d) || write_users(&r, d) ||
	    write_enrollments(&r, d))
		goto out;
	rc = 0;
out:
	free(r.dir);
	return rc;
}
