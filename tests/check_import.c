/*
 * check_import.c - the importers (inputs/import*.c): the id rule, CSV
 * quoting and score text, the OneRoster mapping (ids, names, ages on the
 * reference date, homeroom coaches, score scaling, the goal map and the
 * title rule, the latest of several results, rows left out), the CASE
 * mapping (goal ids, areas, the direction of precedes, groupings, cycles),
 * and history.csv with seminars.csv `required` through the loader into
 * problem_choice_weight.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/diag.h"
#include "engine/util.h"
#include "inputs/csv_table.h"
#include "inputs/import.h"
#include "inputs/scenario.h"
#include "tests/support/run_suite.h"
#include "tests/support/tmpdir.h"

static char *src, *dst;
static struct diag d;

/* rename, failing on call number fail_rename_at (1 = the next one) when it
 * is > 0: the build links this file with -Wl,--wrap=rename (Makefile), so
 * that import_commit's way back from a failed rename can be tested. */
int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
static int fail_rename_at;

int __wrap_rename(const char *from, const char *to)
{
	if (fail_rename_at > 0 && --fail_rename_at == 0) {
		errno = EBUSY;
		return -1;
	}
	return __real_rename(from, to);
}

static void setup(void)
{
	src = td_make();
	dst = td_make();
	diag_init(&d);
	mcl_log_level = LOG_QUIET;
}

static void teardown(void)
{
	td_remove(src);
	td_remove(dst);
	diag_release(&d);
}

/* The whole text of dir/name ("" when absent); caller frees. */
static char *slurp(const char *dir, const char *name)
{
	char *text = td_read(dir, name);
	return text ? text : xstrdup("");
}

static void assert_file(const char *dir, const char *name, const char *want)
{
	char *got = slurp(dir, name);
	ck_assert_str_eq(got, want);
	free(got);
}

/* ---- shared pieces ---- */

START_TEST(valid_ids)
{
	ck_assert(csv_valid_id("L0001"));
	ck_assert(csv_valid_id("MA-01.a_b"));
	ck_assert(!csv_valid_id("-7B"));
	ck_assert(!csv_valid_id("+1"));
	ck_assert(!csv_valid_id("_x"));
	ck_assert(!csv_valid_id(""));
	ck_assert(!csv_valid_id("a b"));
	ck_assert(!csv_valid_id("jo@school.org"));
	char long_id[66];
	memset(long_id, 'a', 65);
	long_id[65] = '\0';
	ck_assert(!csv_valid_id(long_id));
	long_id[64] = '\0';
	ck_assert(csv_valid_id(long_id));
}
END_TEST

START_TEST(csv_rows_quoted_not_guarded)
{
	struct import_csv f;
	import_csv_init(&f, "x.csv", "a,b,c");
	const char *cells[] = { "=1+2", "Bob, Jr", "say \"hi\"" };
	import_csv_row(&f, 3, cells);
	const char *more[] = { " padded", "", NULL };
	import_csv_row(&f, 3, more);
	ck_assert_str_eq(f.text, "a,b,c\n=1+2,\"Bob, Jr\",\"say \"\"hi\"\"\"\n\" padded\",,\n");
	ck_assert_int_eq(import_commit(dst, &f, 1, &d), 0);
	assert_file(dst, "x.csv", f.text);
	import_csv_release(&f);
}
END_TEST

START_TEST(scores_at_most_two_decimals)
{
	char buf[32];
	import_format_score(buf, sizeof(buf), 3.3);
	ck_assert_str_eq(buf, "3.3");
	import_format_score(buf, sizeof(buf), 4.0);
	ck_assert_str_eq(buf, "4");
	import_format_score(buf, sizeof(buf), 8.0 / 3);
	ck_assert_str_eq(buf, "2.67");
	import_format_score(buf, sizeof(buf), 0.999);
	ck_assert_str_eq(buf, "1");
	import_format_score(buf, sizeof(buf), 0);
	ck_assert_str_eq(buf, "0");
}
END_TEST

START_TEST(commit_into_missing_parent_fails_cleanly)
{
	struct import_csv f;
	import_csv_init(&f, "x.csv", "a");
	char *bad = xasprintf("%s/no/such", dst);
	ck_assert_int_eq(import_commit(bad, &f, 1, &d), -1);
	ck_assert_int_eq(d.n_errors, 1);
	free(bad);
	import_csv_release(&f);
}
END_TEST

/* Three files over a directory holding old a.csv and b.csv (c.csv new). */
static void three_files(struct import_csv f[3])
{
	const char *names[] = { "a.csv", "b.csv", "c.csv" };
	for (int i = 0; i < 3; i++) {
		import_csv_init(&f[i], names[i], "new");
		if (i < 2) {
			char *path = xasprintf("%s/%s", dst, names[i]);
			FILE *o = fopen(path, "w");
			ck_assert_ptr_nonnull(o);
			fputs("old\n", o);
			fclose(o);
			free(path);
		}
	}
}

/* Nothing but the files that were there, unchanged, in dst. */
static void assert_untouched(void)
{
	assert_file(dst, "a.csv", "old\n");
	assert_file(dst, "b.csv", "old\n");
	char *c = xasprintf("%s/c.csv", dst);
	ck_assert_int_ne(access(c, F_OK), 0);
	free(c);
	char *cmd = xasprintf("test $(ls -A '%s' | wc -l) -eq 2", dst);
	ck_assert_int_eq(system(cmd), 0);   /* no temporary file or link left */
	free(cmd);
}

START_TEST(commit_failing_rename_puts_old_files_back)
{
	struct import_csv f[3];
	three_files(f);
	fail_rename_at = 3;     /* a.csv and b.csv replaced, then c.csv fails */
	ck_assert_int_eq(import_commit(dst, f, 3, &d), -1);
	fail_rename_at = 0;
	ck_assert_int_eq(d.n_errors, 1);
	assert_untouched();
	fail_rename_at = 2;     /* b.csv fails after a.csv */
	ck_assert_int_eq(import_commit(dst, f, 3, &d), -1);
	fail_rename_at = 0;
	assert_untouched();
	ck_assert_int_eq(import_commit(dst, f, 3, &d), 0);
	assert_file(dst, "a.csv", "new\n");
	assert_file(dst, "c.csv", "new\n");
	for (int i = 0; i < 3; i++)
		import_csv_release(&f[i]);
}
END_TEST

START_TEST(commit_over_a_directory_writes_nothing)
{
	struct import_csv f[3];
	three_files(f);
	char *c = xasprintf("%s/c.csv", dst);
	ck_assert_int_eq(mkdir(c, 0755), 0);
	ck_assert_int_eq(import_commit(dst, f, 3, &d), -1);
	ck_assert_int_eq(d.n_errors, 1);
	ck_assert_ptr_nonnull(strstr(d.entries[0].text, "is not a regular file"));
	assert_file(dst, "a.csv", "old\n");
	assert_file(dst, "b.csv", "old\n");
	rmdir(c);
	free(c);
	for (int i = 0; i < 3; i++)
		import_csv_release(&f[i]);
}
END_TEST

/* ---- OneRoster ---- */

static const char users[] =
	"sourcedId,status,enabledUser,role,username,identifier,givenName,familyName\n"
	"s1,,true,student,ann,L1,Ann,Lee\n"
	"s2,,true,student,bo,,Bo,Bo\n"            /* no identifier: sourcedId; one-word name */
	"s3,,true,student,cy,L3,L3,L3\n"          /* mclsched's export of a nameless learner */
	"t1,,true,teacher,fay,F1,Fay,Moore\n"
	"t2,,true,teacher,gus,F2,Gus,Li\n"
	"g1,,true,guardian,pat,P1,Pat,Lee\n"      /* left out, listed */
	"s4,tobedeleted,true,student,dee,L4,Dee,Ng\n";

static enum import_result run_oneroster(const char *goal_map)
{
	struct import_oneroster_options opt = { goal_map, "2026-09-01" };
	return import_oneroster(src, dst, &opt, &d);
}

START_TEST(users_ids_names_and_roles)
{
	td_write(src, "users.csv", users);
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	/* no demographics, no homerooms: no age or coach_id column */
	assert_file(dst, "learners.csv", "learner_id,name\nL1,Ann Lee\ns2,Bo\nL3,\n");
	assert_file(dst, "facilitators.csv", "facilitator_id,name\nF1,Fay Moore\nF2,Gus Li\n");
	ck_assert(diag_contains(&d, "users.csv:7: left out: role 'guardian'"));
	ck_assert(diag_contains(&d, "users.csv:8: left out: user 's4' is deleted"));
	ck_assert_int_eq(d.n_errors, 0);
	/* no results.csv: no progress.csv written */
	char *progress = xasprintf("%s/progress.csv", dst);
	ck_assert_int_eq(access(progress, F_OK), -1);
	free(progress);
}
END_TEST

START_TEST(ages_on_the_reference_date)
{
	td_write(src, "users.csv", users);
	td_write(src, "demographics.csv", "sourcedId,birthDate,sex\n"
					  "s1,2012-09-01,female\n"    /* 14 that day */
					  "s2,2012-09-02,male\n"      /* 13: a day short */
					  "s3,soon,\n"               /* listed */
					  "g1,1980-01-01,\n"         /* the guardian's: listed */
					  "t1,1990-01-01,\n");       /* a facilitator's: not used */
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	assert_file(dst, "learners.csv", "learner_id,name,age\nL1,Ann Lee,14\n"
					 "s2,Bo,13\nL3,,\n");
	ck_assert(diag_contains(&d, "demographics.csv:4: left out: birthDate 'soon'"));
	ck_assert(diag_contains(&d, "demographics.csv:5: left out: 'g1' is no learner or "
				    "facilitator imported"));
	ck_assert_int_eq(d.n_warnings, 4);   /* 2 users.csv rows, 2 demographics rows */
}
END_TEST

/* OneRoster 1.0 named demographics' user column userSourcedId (TAO's
 * sample files still do); a file with neither is an error at line 1. */
START_TEST(demographics_of_oneroster_1_0)
{
	td_write(src, "users.csv", users);
	td_write(src, "demographics.csv", "userSourcedId,status,dateLastModified,birthdate\n"
					  "s1,active,,2012-09-01\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	assert_file(dst, "learners.csv", "learner_id,name,age\nL1,Ann Lee,14\ns2,Bo,\nL3,,\n");
	td_write(src, "demographics.csv", "id,birthDate\ns1,2012-09-01\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "demographics.csv:1: missing required column 'sourcedId'"));
}
END_TEST

/* OneRoster 1.2 (roles in roles.csv) is refused by its manifest, 1.1 taken. */
START_TEST(oneroster_version_from_the_manifest)
{
	td_write(src, "users.csv", users);
	td_write(src, "manifest.csv", "propertyName,value\nmanifest.version,1.0\n"
				      "oneroster.version,1.2\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "manifest.csv:3: OneRoster version '1.2': mclsched imports "
				    "OneRoster 1.1"));
	td_write(src, "manifest.csv", "propertyName,value\noneroster.version,1.1\n");
	diag_release(&d);
	diag_init(&d);
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
}
END_TEST

/* Every row left out is listed, however many there are. */
START_TEST(every_row_left_out_is_listed)
{
	char *text = xstrdup(users);
	for (int k = 0; k < 250; k++) {
		char *longer = xasprintf("%sp%d,,true,parent,,P%d,Pat,Lee\n", text, k, k);
		free(text);
		text = longer;
	}
	td_write(src, "users.csv", text);
	free(text);
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	ck_assert_int_eq(d.n_warnings, 252);   /* g1, s4 and the 250 parents */
	ck_assert(diag_contains(&d, "users.csv:258: left out: role 'parent'"));
}
END_TEST

START_TEST(homeroom_teacher_is_the_coach)
{
	td_write(src, "users.csv", users);
	td_write(src, "classes.csv", "sourcedId,title,classType\nc1,Math,scheduled\n"
				     "h1,Homeroom A,homeroom\nh2,Homeroom B,homeroom\n");
	td_write(src, "enrollments.csv", "sourcedId,classSourcedId,userSourcedId,role,primary\n"
					 "e1,h1,s1,student,false\n"
					 "e2,h1,t1,teacher,false\n"
					 "e3,h1,t2,teacher,true\n"   /* the primary teacher wins */
					 "e4,c1,s2,student,false\n"  /* not a homeroom */
					 "e5,h2,t1,teacher,true\n"
					 "e6,h2,s3,student,false\n"
					 "e7,h1,s3,student,false\n"   /* a second homeroom: listed */
					 "e8,h3,s2,student,false\n"   /* no teacher in h3: listed */
					 "e9,h1,x9,student,false\n");  /* no such user: listed */
	td_write(src, "classes.csv", "sourcedId,title,classType\nc1,Math,scheduled\n"
				     "h1,Homeroom A,homeroom\nh2,Homeroom B,homeroom\n"
				     "h3,Homeroom C,homeroom\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	assert_file(dst, "learners.csv", "learner_id,name,coach_id\nL1,Ann Lee,F2\n"
					 "s2,Bo,\nL3,,F1\n");
	ck_assert(diag_contains(&d, "enrollments.csv:8: left out: learner 'L3' is already in a "
				    "homeroom (line 7)"));
	ck_assert(diag_contains(&d, "enrollments.csv:9: left out: homeroom 'h3' of learner 's2' "
				    "has no teacher"));
	ck_assert(diag_contains(&d, "enrollments.csv:10: left out: homeroom enrollment of 'x9'"));
}
END_TEST

static const char items[] =
	"sourcedId,title,classSourcedId,resultValueMin,resultValueMax\n"
	"i1,MA-01: Place value,c1,0,100\n"
	"i2,Unit test,c1,0,100\n"        /* "Unit" is no goal of goals.csv: listed */
	"i3,quiz 7,c1,1,5\n"             /* named by the goal map */
	"i4,MA-02 Fractions,c1,,\n";     /* no range: listed */

START_TEST(results_scaled_latest_wins)
{
	td_write(src, "users.csv", users);
	td_write(src, "lineItems.csv", items);
	td_write(src, "results.csv", "sourcedId,lineItemSourcedId,studentSourcedId,score,"
				     "scoreDate,scoreStatus\n"
				     "r1,i1,s1,80,2026-05-01,\n"
				     "r2,i1,s1,90,2026-04-01,\n"   /* older: r1 wins */
				     "r3,i3,s1,4,2026-05-01,\n"    /* (4-1)/(5-1)*4 = 3 */
				     "r4,i3,s2,2,2026-05-01,\n"    /* 1 */
				     "r5,i1,t1,50,2026-05-01,\n"   /* a teacher: listed */
				     "r6,i1,s2,101,2026-05-01,\n"  /* out of range: listed */
				     "r7,i2,s1,50,,\n"             /* its item was listed */
				     "r8,i1,s3,200/3,,\n"          /* not a number: listed */
				     "r9,i1,s1,0,2026-06-01,not submitted\n");  /* listed: r1 stays */
	td_write(src, "map.csv", "line_item_id,goal_id\ni3,SC-1\n");
	td_write(dst, "goals.csv", "goal_id,title,area\nMA-01,x,Math\nSC-1,y,Science\n"
				   "MA-02,z,Math\n");
	char *map = xasprintf("%s/map.csv", src);
	ck_assert_int_eq(run_oneroster(map), IMPORT_WRITTEN);
	free(map);
	assert_file(dst, "progress.csv", "learner_id,goal_id,score\nL1,MA-01,3.2\nL1,SC-1,3\n"
					 "s2,SC-1,1\n");
	ck_assert(diag_contains(&d, "lineItems.csv:3: left out: goal 'Unit' is not in goals.csv"));
	ck_assert(diag_contains(&d, "lineItems.csv:5: left out: line item 'MA-02 Fractions' has "
				    "no score range"));
	ck_assert(diag_contains(&d, "results.csv:6: left out: 't1' is no learner"));
	ck_assert(diag_contains(&d, "results.csv:7: left out: score '101'"));
	ck_assert(diag_contains(&d, "results.csv:9: left out: score '200/3'"));
	ck_assert(diag_contains(&d, "results.csv:10: left out: scoreStatus 'not submitted'"));
	ck_assert_int_eq(d.n_errors, 0);
	/* goals.csv, not written by this import, is left alone */
	assert_file(dst, "goals.csv", "goal_id,title,area\nMA-01,x,Math\nSC-1,y,Science\n"
				      "MA-02,z,Math\n");
}
END_TEST

/* What the school set by hand survives a re-import: the old file's columns
 * the roster has no source for, by id; rows of ids gone are dropped. */
START_TEST(old_columns_carried_over)
{
	td_write(src, "users.csv", users);
	td_write(src, "demographics.csv", "sourcedId,birthDate\ns1,2012-09-01\n");
	td_write(dst, "learners.csv", "learner_id,name,age,coach_id,unavailable\n"
				      "L1,Old Name,9,F2,Mon1;Mon2\nGONE,x,10,F1,Mon1\nL3,y,,F1,\n");
	td_write(dst, "facilitators.csv", "facilitator_id,max_sessions\nF2,3\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_WRITTEN);
	/* age from demographics (L3 has none now); coach_id and unavailable kept */
	assert_file(dst, "learners.csv", "learner_id,name,age,coach_id,unavailable\n"
					 "L1,Ann Lee,14,F2,Mon1;Mon2\ns2,Bo,,,\nL3,,,F1,\n");
	assert_file(dst, "facilitators.csv", "facilitator_id,name,max_sessions\nF1,Fay Moore,\n"
					     "F2,Gus Li,3\n");
	/* an old file that cannot be read stops the import */
	td_write(dst, "facilitators.csv", "name\nx\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "facilitators.csv:1: no 'facilitator_id' column"));
}
END_TEST

START_TEST(invalid_and_duplicate_ids_refused)
{
	td_write(src, "users.csv", "sourcedId,role,identifier,givenName,familyName\n"
				   "{1 2},student,+44,A,B\n"
				   "s2,student,L1,C,D\n"
				   "s3,student,L1,E,F\n"
				   "t1,teacher,L1,G,H\n");    /* a facilitator may share it */
	td_write(dst, "learners.csv", "learner_id\nOLD\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "users.csv:2: neither identifier '+44' nor sourcedId '{1 2}'"));
	ck_assert(diag_contains(&d, "users.csv:4: learner id 'L1' again (first on line 3)"));
	ck_assert_int_eq(d.n_errors, 2);
	assert_file(dst, "learners.csv", "learner_id\nOLD\n");
}
END_TEST

START_TEST(missing_files_and_columns)
{
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);   /* no users.csv */
	ck_assert(diag_contains(&d, "users.csv"));
	diag_release(&d);
	diag_init(&d);
	td_write(src, "users.csv", users);
	td_write(src, "results.csv", "sourcedId,lineItemSourcedId,studentSourcedId,score\n");
	ck_assert_int_eq(run_oneroster(NULL), IMPORT_BAD_INPUT);   /* no lineItems.csv */
	ck_assert(diag_contains(&d, "lineItems.csv"));
	diag_release(&d);
	diag_init(&d);
	td_write(src, "lineItems.csv", items);
	td_write(src, "map.csv", "line_item_id,goal_id\ni3,SC-1\n,SC-2\ni3,SC-3\ni4,-x\n");
	char *map = xasprintf("%s/map.csv", src);
	ck_assert_int_eq(run_oneroster(map), IMPORT_BAD_INPUT);
	free(map);
	ck_assert(diag_contains(&d, "map.csv:3: empty line_item_id"));
	ck_assert(diag_contains(&d, "map.csv:4: line item 'i3' again (first on line 2)"));
	ck_assert(diag_contains(&d, "map.csv:5: invalid goal_id '-x'"));
	diag_release(&d);
	diag_init(&d);
	struct import_oneroster_options opt = { NULL, "2026-9-1" };
	ck_assert_int_eq(import_oneroster(src, dst, &opt, &d), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "--as-of '2026-9-1' is not a date"));
}
END_TEST

/* ---- CASE ---- */

static void write_case(const char *assocs)
{
	char *json = xasprintf(
		"{\"CFDocument\": {\"identifier\": \"d\", \"uri\": \"urn:d\", "
		"\"title\": \"Framework\"},\n"
		" \"CFItems\": [\n"
		"  {\"identifier\": \"a1\", \"fullStatement\": \"Mathematics\", "
		"\"abbreviatedStatement\": \"Math\"},\n"
		"  {\"identifier\": \"c1\", \"fullStatement\": \"Fractions cluster\"},\n"
		"  {\"identifier\": \"i1\", \"humanCodingScheme\": \"3.NF.1\", "
		"\"fullStatement\": \"Unit fractions\"},\n"
		"  {\"identifier\": \"i2\", \"humanCodingScheme\": \"3.NF 2\", "
		"\"fullStatement\": \"Fractions, on a number line\"},\n"
		"  {\"identifier\": \"i3\", \"uri\": \"urn:i3\", \"fullStatement\": \"Loose item\"}\n"
		" ],\n"
		" \"CFAssociations\": [\n"
		"  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"c1\"}, "
		"\"destinationNodeURI\": {\"identifier\": \"a1\"}},\n"
		"  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"i1\"}, "
		"\"destinationNodeURI\": {\"identifier\": \"c1\"}},\n"
		"  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"i2\"}, "
		"\"destinationNodeURI\": {\"identifier\": \"c1\"}},\n"
		"  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a1\"}, "
		"\"destinationNodeURI\": {\"identifier\": \"d\"}}%s\n"
		" ]}\n", assocs);
	td_write(src, "fw.json", json);
	free(json);
}

static enum import_result run_case(enum import_areas areas)
{
	char *file = xasprintf("%s/fw.json", src);
	enum import_result r = import_case(file, dst, areas, &d);
	free(file);
	return r;
}

START_TEST(case_goals_areas_and_precedes)
{
	write_case(",\n  {\"associationType\": \"precedes\", \"originNodeURI\": "
		   "{\"identifier\": \"i1\"}, \"destinationNodeURI\": {\"identifier\": \"i2\"}},\n"
		   "  {\"associationType\": \"precedes\", \"originNodeURI\": {\"uri\": \"urn:i3\"}, "
		   "\"destinationNodeURI\": {\"identifier\": \"i1\"}},\n"
		   "  {\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"i1\"}, "
		   "\"destinationNodeURI\": {\"identifier\": \"i2\"}},\n"     /* again: once */
		   "  {\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"c1\"}, "
		   "\"destinationNodeURI\": {\"identifier\": \"i3\"}},\n"    /* a grouping */
		   "  {\"identifier\": \"x\", \"associationType\": \"precedes\", \"originNodeURI\": "
		   "{\"identifier\": \"i1\"}, \"destinationNodeURI\": {\"uri\": \"urn:other\"}},\n"
		   "  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"i3\"}, "
		   "\"destinationNodeURI\": {\"identifier\": \"nowhere\"}},\n"
		   "  {\"associationType\": \"exactMatchOf\", \"originNodeURI\": {\"identifier\": "
		   "\"i3\"}, \"destinationNodeURI\": {\"identifier\": \"nowhere\"}},\n"  /* not used */
		   "  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"i3\"}, "
		   "\"destinationNodeURI\": {\"uri\": \"urn:d\"}}");   /* the document, by uri */
	td_write(dst, "blocks.csv", "block_id\nB1\n");
	td_write(dst, "goals.csv", "goal_id,title,area,mode,min_group\n3.NF.1,old,X,online,\n"
				   "i2,old,X,,3\n");
	ck_assert_int_eq(run_case(IMPORT_AREAS_IS_CHILD_OF), IMPORT_WRITTEN);
	/* i2's code has a space: its identifier; i3 has no parent: the
	 * document's title; groupings a1, c1 are no goals; mode and min_group
	 * carried over from the old goals.csv */
	assert_file(dst, "goals.csv", "goal_id,title,area,mode,min_group\n"
				      "3.NF.1,Unit fractions,Math,online,\n"
				      "i2,\"Fractions, on a number line\",Math,,3\n"
				      "i3,Loose item,Framework,,\n");
	assert_file(dst, "prerequisites.csv", "goal_id,requires\n3.NF.1,i3\ni2,3.NF.1\n");
	ck_assert(diag_contains(&d, "CFAssociations[7]: left out: 'c1' precedes 'i3', and 'c1' "
				    "has isChildOf children"));
	ck_assert(diag_contains(&d, "CFAssociations[8] ('x'): left out: precedes destination "
				    "'urn:other' is not in CFItems"));
	ck_assert(diag_contains(&d, "CFAssociations[9]: left out: isChildOf destination "
				    "'nowhere' is not in CFItems"));
	/* a1 and i3 under the document (by identifier, by uri) are no warning,
	 * exactMatchOf none */
	ck_assert_int_eq(d.n_warnings, 3);
	assert_file(dst, "blocks.csv", "block_id\nB1\n");
}
END_TEST

START_TEST(case_areas_from_document)
{
	write_case("");
	ck_assert_int_eq(run_case(IMPORT_AREAS_DOCUMENT), IMPORT_WRITTEN);
	char *goals = slurp(dst, "goals.csv");
	ck_assert_ptr_nonnull(strstr(goals, "a1,Mathematics,Framework\n"));
	ck_assert_ptr_nonnull(strstr(goals, "c1,Fractions cluster,Framework\n"));
	free(goals);
}
END_TEST

START_TEST(case_cycle_is_an_error)
{
	write_case(",\n  {\"associationType\": \"precedes\", \"originNodeURI\": "
		   "{\"identifier\": \"i1\"}, \"destinationNodeURI\": {\"identifier\": \"i2\"}},\n"
		   "  {\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"i2\"}, "
		   "\"destinationNodeURI\": {\"identifier\": \"i1\"}}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_IS_CHILD_OF), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "the progression has a cycle: 3.NF.1 requires i2 requires "
				    "3.NF.1"));
	assert_file(dst, "goals.csv", "");
}
END_TEST

START_TEST(case_bad_ids_and_json)
{
	td_write(src, "fw.json", "{\"CFItems\": [{\"identifier\": \"{x y}\", "
				 "\"humanCodingScheme\": \"-1\"}, {\"identifier\": \"k\", "
				 "\"humanCodingScheme\": \"G1\"}, {\"identifier\": \"m\", "
				 "\"humanCodingScheme\": \"G1\"}, {\"fullStatement\": \"x\"}]}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_DOCUMENT), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "CFItems[3] has no 'identifier'"));
	diag_release(&d);
	diag_init(&d);
	td_write(src, "fw.json", "{\"CFItems\": [{\"identifier\": \"{x y}\", "
				 "\"humanCodingScheme\": \"-1\"}, {\"identifier\": \"k\", "
				 "\"humanCodingScheme\": \"G1\"}, {\"identifier\": \"m\", "
				 "\"humanCodingScheme\": \"G1\"}]}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_DOCUMENT), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "CFItems[0]: neither humanCodingScheme '-1' nor identifier "
				    "'{x y}'"));
	ck_assert(diag_contains(&d, "CFItems[1] and CFItems[2] both give goal id 'G1'"));
	diag_release(&d);
	diag_init(&d);
	td_write(src, "fw.json", "{\"CFItems\": 3}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_DOCUMENT), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "no CFItems array"));
	diag_release(&d);
	diag_init(&d);
	td_write(src, "fw.json", "{\n\"CFItems\": [\n}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_DOCUMENT), IMPORT_BAD_INPUT);
	ck_assert(diag_contains(&d, "fw.json:3: "));
}
END_TEST

/* A package as CASE's REST API returns it, wrapped in CFPackage. */
START_TEST(case_package_wrapped)
{
	td_write(src, "fw.json", "{\"CFPackage\": {\"CFDocument\": {\"title\": \"Doc\"}, "
				 "\"CFItems\": [{\"identifier\": \"u-1\", \"humanCodingScheme\": "
				 "\"A.1\", \"fullStatement\": \"One\"}]}}");
	ck_assert_int_eq(run_case(IMPORT_AREAS_IS_CHILD_OF), IMPORT_WRITTEN);
	assert_file(dst, "goals.csv", "goal_id,title,area\nA.1,One,Doc\n");
	assert_file(dst, "prerequisites.csv", "goal_id,requires\n");
}
END_TEST

START_TEST(areas_words)
{
	enum import_areas a;
	ck_assert(import_areas_parse("isChildOf", &a) && a == IMPORT_AREAS_IS_CHILD_OF);
	ck_assert(import_areas_parse("document", &a) && a == IMPORT_AREAS_DOCUMENT);
	ck_assert(!import_areas_parse("grade", &a));
}
END_TEST

/* ---- history.csv and seminars.csv `required` through the loader ---- */

static void write_seminar_school(const char *dir)
{
	td_write(dir, "scenario.conf", "model = seminar\nweights { required = 12 }\n");
	td_write(dir, "blocks.csv", "block_id,day,start,end,kind\nS1,Mon,13:00,14:00,seminar\n");
	td_write(dir, "learners.csv", "learner_id\nL1\nL2\n");
	td_write(dir, "facilitators.csv", "facilitator_id\nF1\n");
	td_write(dir, "rooms.csv", "room_id,capacity\nR1,30\n");
	td_write(dir, "seminars.csv", "seminar_id,meetings,max_size,required\nSA,1,30,yes\n"
				      "SB,1,30,\n");
	td_write(dir, "choices.csv", "learner_id,seminar_id,rank\nL1,SA,1\nL1,SB,2\nL2,SA,6\n");
	td_write(dir, "expertise.csv", "facilitator_id,offering\nF1,SA\nF1,SB\n");
}

START_TEST(history_and_required_bonus)
{
	write_seminar_school(dst);
	td_write(dst, "history.csv", "learner_id,seminar_id,cycle\nL1,SA,2025-3\n");
	struct problem *p = scenario_load(dst, &d);
	ck_assert_ptr_nonnull(p);
	ck_assert(p->seminars[0].required && !p->seminars[1].required);
	/* L1: SA taken: ineligible, no bonus; SB: rank 2, not required */
	const struct choice *c = &p->choices[p->choice_start[0]];
	ck_assert(!c[0].eligible && !c[0].required_bonus);
	ck_assert(c[1].eligible && !c[1].required_bonus);
	ck_assert_double_eq(problem_choice_weight(p, &c[1]), 30);
	/* L2: SA not taken: rank 6 scores 0 by rank, 12 for required */
	const struct choice *c2 = &p->choices[p->choice_start[1]];
	ck_assert(c2->eligible && c2->required_bonus);
	ck_assert_double_eq(problem_choice_weight(p, c2), 12);
	problem_free(p);
}
END_TEST

START_TEST(history_unknown_ids_without_choices)
{
	write_seminar_school(dst);
	char *choices = xasprintf("%s/choices.csv", dst);
	unlink(choices);
	free(choices);
	td_write(dst, "scenario.conf", "model = workshop\n");
	td_write(dst, "history.csv", "learner_id,seminar_id\nL1,SA\nL7,SA\n");
	struct problem *p = scenario_load(dst, &d);
	ck_assert_ptr_null(p);
	ck_assert(diag_contains(&d, "history.csv:3: unknown learner 'L7'"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("import");
	TCase *shared = tcase_create("shared"), *roster = tcase_create("oneroster"),
	      *cas = tcase_create("case"), *hist = tcase_create("history");
	TCase *all[] = { shared, roster, cas, hist };
	for (int i = 0; i < 4; i++) {
		tcase_add_checked_fixture(all[i], setup, teardown);
		/* imports fsync every file they write: slow on a busy disk */
		tcase_set_timeout(all[i], 60);
		suite_add_tcase(s, all[i]);
	}
	tcase_add_test(shared, valid_ids);
	tcase_add_test(shared, csv_rows_quoted_not_guarded);
	tcase_add_test(shared, scores_at_most_two_decimals);
	tcase_add_test(shared, commit_into_missing_parent_fails_cleanly);
	tcase_add_test(shared, commit_failing_rename_puts_old_files_back);
	tcase_add_test(shared, commit_over_a_directory_writes_nothing);
	tcase_add_test(roster, users_ids_names_and_roles);
	tcase_add_test(roster, ages_on_the_reference_date);
	tcase_add_test(roster, demographics_of_oneroster_1_0);
	tcase_add_test(roster, every_row_left_out_is_listed);
	tcase_add_test(roster, oneroster_version_from_the_manifest);
	tcase_add_test(roster, homeroom_teacher_is_the_coach);
	tcase_add_test(roster, results_scaled_latest_wins);
	tcase_add_test(roster, old_columns_carried_over);
	tcase_add_test(roster, invalid_and_duplicate_ids_refused);
	tcase_add_test(roster, missing_files_and_columns);
	tcase_add_test(cas, case_goals_areas_and_precedes);
	tcase_add_test(cas, case_areas_from_document);
	tcase_add_test(cas, case_cycle_is_an_error);
	tcase_add_test(cas, case_bad_ids_and_json);
	tcase_add_test(cas, case_package_wrapped);
	tcase_add_test(cas, areas_words);
	tcase_add_test(hist, history_and_required_bonus);
	tcase_add_test(hist, history_unknown_ids_without_choices);
	return run_suite(s);
}
