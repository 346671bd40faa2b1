/*
 * xlsx_out.c - schedule.xlsx through libxlsxwriter (xlsx_out.h).
 *
 * Every sheet is a plain table: one header row (frozen, with an
 * autofilter over the whole table) and one row per thing, so a scheduler
 * can sort and filter it like any list.  The rows come from the schedule's
 * row set (rowset.h), the one the CSVs are written from, so the workbook
 * says exactly what the CSVs say, with names, titles, days and times beside the ids.  Text goes
 * through worksheet_write_string only (never a formula), unchanged: the
 * CSVs' spreadsheet guard is for CSV files only (a string cell cannot run);
 * column widths follow the longest cell.  Every sheet prints landscape, one
 * page wide, with its header row on every page.  The workbook is written
 * in libxlsxwriter's constant_memory mode (each row goes to disk when the
 * next starts, text as inline strings): less memory and time on a large
 * school; so every sheet is written top to bottom, and a write to an
 * earlier row fails the workbook rather than vanish.
 */
#define _POSIX_C_SOURCE 200809L
#include "xlsx_out.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "engine/util.h"
#include "outputs/rowset.h"

#define MAX_COLS 16
#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define CELL_TEXT_MAX 32767   /* characters a cell holds (Excel), counted here in bytes */

struct sheet {
	lxw_worksheet *ws;
	int row;                    /* next row to write */
	int n_cols;
	int width[MAX_COLS];        /* widest cell so far, in characters */
};

struct book {
	const struct problem *p;
	const struct rowset *rb;
	lxw_workbook *wb;
	lxw_format *bold, *clock;
	lxw_error err;              /* first error of any write */
};

/* Characters (UTF-8 code points) in text, for the column widths. */
static int text_width(const char *text)
{
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)text; *c; c++)
		n += (*c & 0xC0) != 0x80;
	return n;
}

static void note(struct book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

static void grow(struct sheet *sh, int col, int width)
{
	if (width > sh->width[col])
		sh->width[col] = width;
}

/* A text cell, written as text and unchanged (a string cell is never run
 * as a formula, so it needs no guard), cut at a character boundary to the
 * longest text a cell holds (a name that long is a mistake in the inputs,
 * not a reason to lose the workbook). */
static void put_text(struct book *b, struct sheet *sh, int col, const char *text)
{
	if (!*text)
		return;
	char *guarded = NULL;
	const char *v = text;
	if (strlen(v) > CELL_TEXT_MAX) {
		size_t n = CELL_TEXT_MAX;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
		char *cut = xstrndup(v, n);
		free(guarded);
		guarded = cut;
		v = cut;
	}
	note(b, worksheet_write_string(sh->ws, (lxw_row_t)sh->row, (lxw_col_t)col, v, NULL));
	grow(sh, col, text_width(v));
	free(guarded);
}

static void put_number(struct book *b, struct sheet *sh, int col, double v)
{
	note(b, worksheet_write_number(sh->ws, (lxw_row_t)sh->row, (lxw_col_t)col, v, NULL));
	char digits[32];
	grow(sh, col, snprintf(digits, sizeof(digits), "%g", v));
}

/* A time of day (minutes since midnight) as a spreadsheet time, hh:mm. */
static void put_clock(struct book *b, struct sheet *sh, int col, int minutes)
{
	note(b, worksheet_write_number(sh->ws, (lxw_row_t)sh->row, (lxw_col_t)col,
				       minutes / 1440.0, b->clock));
	grow(sh, col, 5);
}

static void start_sheet(struct book *b, struct sheet *sh, const char *name,
			const char *const *header)
{
	memset(sh, 0, sizeof(*sh));
	sh->ws = workbook_add_worksheet(b->wb, name);
	if (!sh->ws) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (sh->n_cols = 0; header[sh->n_cols]; sh->n_cols++) {
		assert(sh->n_cols < MAX_COLS);
		note(b, worksheet_write_string(sh->ws, 0, (lxw_col_t)sh->n_cols,
					       header[sh->n_cols], b->bold));
		grow(sh, sh->n_cols, text_width(header[sh->n_cols]) + 3);  /* filter arrow */
	}
	sh->row = 1;
}

/* Freezes the header row, filters the table, sizes the columns; on paper:
 * landscape, as wide as one page (as many pages down as it takes), the
 * header row repeated on every page. */
static void end_sheet(struct book *b, struct sheet *sh)
{
	if (!sh->ws)
		return;
	worksheet_freeze_panes(sh->ws, 1, 0);
	worksheet_set_landscape(sh->ws);
	worksheet_fit_to_pages(sh->ws, 1, 0);
	note(b, worksheet_repeat_rows(sh->ws, 0, 0));
	note(b, worksheet_autofilter(sh->ws, 0, 0, (lxw_row_t)(sh->row > 1 ? sh->row - 1 : 1),
				     (lxw_col_t)(sh->n_cols - 1)));
	for (int c = 0; c < sh->n_cols; c++) {
		int w = sh->width[c] + 2;
		w = w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : w;
		note(b, worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
}

/* Day, block, start and end of block bl from column col on. */
static void put_block(struct book *b, struct sheet *sh, int col, int bl)
{
	const struct block *blk = &b->p->blocks[bl];
	put_text(b, sh, col, blk->day);
	put_text(b, sh, col + 1, blk->id);
	put_clock(b, sh, col + 2, blk->start);
	put_clock(b, sh, col + 3, blk->end);
}

static const char *facilitator_label(const struct problem *p, int f)
{
	return rowset_label(p->facilitators[f].name, p->facilitators[f].id);
}

static const char *room_label(const struct problem *p, int r)
{
	return rowset_label(p->rooms[r].name, p->rooms[r].id);
}

/* A learner's coach as people know them: the facilitator's name when
 * coach_id is a facilitator id, else coach_id as given. */
static const char *coach_label(const struct problem *p, int l)
{
	const char *coach = p->learners[l].coach_id;
	int f = *coach ? problem_find_facilitator(p, coach) : -1;
	return f >= 0 ? facilitator_label(p, f) : coach;
}

static void write_learners(struct book *b)
{
	static const char *const header[] = { "Learner", "Name", "Coach", "Day", "Block", "Start",
					      "End", "Kind", "Works on", "Room", "Facilitator",
					      "Session", NULL };
	const struct problem *p = b->p;
	struct sheet sh;
	start_sheet(b, &sh, "Learners", header);
	for (int i = 0; i < b->rb->n_slots && sh.ws; i++, sh.row++) {
		const struct rowset_slot *sl = &b->rb->slots[i];
		const struct learner *l = &p->learners[sl->learner];
		put_text(b, &sh, 0, l->id);
		put_text(b, &sh, 1, l->name);
		put_text(b, &sh, 2, coach_label(p, sl->learner));
		put_block(b, &sh, 3, sl->block);
		if (sl->session < 0) {
			put_text(b, &sh, 8, "(no session)");
			continue;
		}
		const struct rowset_session *s = &b->rb->sessions[sl->session];
		put_text(b, &sh, 7, solution_kind_name(s->kind));
		char *what = NULL;
		if (s->kind == SESSION_LAB && sl->goal >= 0)
			what = xasprintf("Lab: %s", rowset_label(p->goals[sl->goal].title,
								   p->goals[sl->goal].id));
		put_text(b, &sh, 8, what ? what : rowset_session_title(p, s));
		free(what);
		put_text(b, &sh, 9, room_label(p, s->room));
		put_text(b, &sh, 10, facilitator_label(p, s->facilitator));
		put_text(b, &sh, 11, s->id);
	}
	end_sheet(b, &sh);
}

/* owner[k * n_blocks + block]: the session person or room k has in block,
 * -1 when none; k is s->facilitator or s->room as by_room says. */
static int *sessions_by(const struct book *b, int n_owners, bool by_room)
{
	int nb = b->p->n_blocks;
	int *at = xmalloc(sizeof(int) * ((size_t)n_owners * (size_t)nb + 1));
	for (long i = 0; i < (long)n_owners * nb; i++)
		at[i] = -1;
	for (int i = 0; i < b->rb->n_sessions; i++) {
		const struct rowset_session *s = &b->rb->sessions[i];
		at[(long)(by_room ? s->room : s->facilitator) * nb + s->block] = i;
	}
	return at;
}

/* One row per facilitator (by_room: room) per scheduled block: what they
 * lead (what meets there), else (free) or (unavailable); filtered to one
 * facilitator or room, the sheet is their week. */
static void write_week(struct book *b, bool by_room)
{
	static const char *const facilitator_header[] = { "Facilitator", "Name", "Day", "Block",
							  "Start", "End", "Kind", "Leads", "Room",
							  "Size", NULL };
	static const char *const room_header[] = { "Room", "Name", "Capacity", "Day", "Block",
						   "Start", "End", "Kind", "Holds", "Facilitator",
						   "Size", NULL };
	const struct problem *p = b->p;
	int n = by_room ? p->n_rooms : p->n_facilitators;
	int day = by_room ? 3 : 2;  /* the column of the block's day */
	int *at = sessions_by(b, n, by_room);
	struct sheet sh;
	start_sheet(b, &sh, by_room ? "Rooms" : "Facilitators",
		    by_room ? room_header : facilitator_header);
	for (int k = 0; k < n && sh.ws; k++)
		for (int bl = 0; bl < p->n_blocks; bl++) {
			if (!problem_block_scheduled(p, bl))
				continue;
			const struct room *rm = by_room ? &p->rooms[k] : NULL;
			const struct facilitator *f = by_room ? NULL : &p->facilitators[k];
			put_text(b, &sh, 0, rm ? rm->id : f->id);
			put_text(b, &sh, 1, rm ? rm->name : f->name);
			if (rm)
				put_number(b, &sh, 2, rm->capacity);
			put_block(b, &sh, day, bl);
			int si = at[(long)k * p->n_blocks + bl];
			if (si >= 0) {
				const struct rowset_session *s = &b->rb->sessions[si];
				put_text(b, &sh, day + 4, solution_kind_name(s->kind));
				put_text(b, &sh, day + 5, rowset_session_title(p, s));
				put_text(b, &sh, day + 6, rm ? facilitator_label(p, s->facilitator)
							     : room_label(p, s->room));
				put_number(b, &sh, day + 7, s->size);
			} else {
				bool away = rm ? rm->unavailable[bl] : f->unavailable[bl];
				put_text(b, &sh, day + 5, away ? "(unavailable)" : "(free)");
			}
			sh.row++;
		}
	end_sheet(b, &sh);
	free(at);
}

static const char *offering_id(const struct problem *p, const struct rowset_session *s)
{
	return s->kind == SESSION_WORKSHOP  ? p->goals[s->offering].id
	       : s->kind == SESSION_SEMINAR ? p->seminars[s->offering].id
					    : "";
}

static void write_sessions(struct book *b)
{
	static const char *const header[] = { "Session", "Section", "Kind", "Offering",
					      "Title", "Day", "Block", "Start", "End", "Room",
					      "Facilitator", "Size", "Room capacity", NULL };
	const struct problem *p = b->p;
	struct sheet sh;
	start_sheet(b, &sh, "Sessions", header);
	for (int i = 0; i < b->rb->n_sessions && sh.ws; i++, sh.row++) {
		const struct rowset_session *s = &b->rb->sessions[i];
		put_text(b, &sh, 0, s->id);
		put_text(b, &sh, 1, s->section);
		put_text(b, &sh, 2, solution_kind_name(s->kind));
		put_text(b, &sh, 3, offering_id(p, s));
		put_text(b, &sh, 4, rowset_session_title(p, s));
		put_text(b, &sh, 5, p->blocks[s->block].day);
		put_text(b, &sh, 6, p->blocks[s->block].id);
		put_clock(b, &sh, 7, p->blocks[s->block].start);
		put_clock(b, &sh, 8, p->blocks[s->block].end);
		put_text(b, &sh, 9, room_label(p, s->room));
		put_text(b, &sh, 10, facilitator_label(p, s->facilitator));
		put_number(b, &sh, 11, s->size);
		put_number(b, &sh, 12, p->rooms[s->room].capacity);
	}
	end_sheet(b, &sh);
}

/* unmet.csv's reasons in words (docs/outputs.md). */
static const char *reason_words(const char *reason, bool choice)
{
	static const struct {
		const char *reason, *words;
	} table[] = {
		{ "prerequisite", "a prerequisite goal is not mastered yet" },
		{ "no_facilitator", "nobody who can lead it is free when the learner is" },
		{ "no_room", "no room has what it needs" },
		{ "conflict", "every block it could meet in holds another need of the learner" },
		{ "ineligible", "not eligible: a required goal or the age band" },
		{ "limit", "already enrolled in as many seminars as allowed" },
	};
	if (!strcmp(reason, "capacity"))
		return choice ? "its sections, seats, facilitators or rooms went elsewhere"
			      : "sessions, facilitators or rooms went to needs worth more";
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(reason, table[i].reason))
			return table[i].words;
	return "";
}

static void write_unmet(struct book *b)
{
	static const char *const header[] = { "Learner", "Name", "Kind", "Offering", "Title",
					      "Priority or rank", "Wanted", "Scheduled", "Reason",
					      "Why", NULL };
	const struct problem *p = b->p;
	struct sheet sh;
	start_sheet(b, &sh, "Unmet", header);
	for (int i = 0; i < b->rb->n_unmet && sh.ws; i++, sh.row++) {
		const struct rowset_unmet *u = &b->rb->unmet[i];
		put_text(b, &sh, 0, p->learners[u->learner].id);
		put_text(b, &sh, 1, p->learners[u->learner].name);
		put_text(b, &sh, 2, u->choice ? "choice" : "need");
		if (u->choice) {
			put_text(b, &sh, 3, p->seminars[u->offering].id);
			put_text(b, &sh, 4, rowset_label(p->seminars[u->offering].title,
							   p->seminars[u->offering].id));
		} else {
			put_text(b, &sh, 3, p->goals[u->offering].id);
			put_text(b, &sh, 4, rowset_label(p->goals[u->offering].title,
							   p->goals[u->offering].id));
		}
		put_number(b, &sh, 5, u->priority);
		put_number(b, &sh, 6, u->wanted);
		put_number(b, &sh, 7, u->scheduled);
		put_text(b, &sh, 8, u->reason);
		put_text(b, &sh, 9, reason_words(u->reason, u->choice));
	}
	end_sheet(b, &sh);
}

/* summary.csv's metrics in plain words; metrics not listed keep their name. */
static const struct {
	const char *metric, *label;
	bool text;
} metric_labels[] = {
	{ "status", "Whether the schedule is proven within the gap limit (optimal) or the best "
		    "found in the limits (feasible)", true },
	{ "objective", "Score of this schedule", false },
	{ "bound", "Proven upper bound: no schedule scores more", false },
	{ "gap", "How far the score may be from the best possible (fraction of the bound)",
	  false },
	{ "solve_seconds", "Seconds the solve took", false },
	{ "model", "Scheduling model", true },
	{ "learners", "Learners", false },
	{ "blocks", "Blocks scheduled", false },
	{ "sessions", "Sessions opened", false },
	{ "need_sessions_wanted", "Need-sessions wanted (ready needs)", false },
	{ "need_sessions_scheduled", "Need-sessions scheduled", false },
	{ "need_sessions_pct", "Need-sessions scheduled, percent of wanted", false },
	{ "power_goal_pct", "Learners who got their power goal, percent", false },
	{ "learners_complete_pct", "Learners with every ready need met, percent", false },
	{ "seminar_enrolled_pct", "Learners with seminar choices who got a seminar, percent",
	  false },
	{ "seminar_first_choice_pct", "Learners who got their first-choice seminar, percent",
	  false },
	{ "avg_group_size", "Average group size (workshops and seminars)", false },
	{ "lab_sessions", "Lab sessions opened", false },
	{ "facilitator_load_pct", "Facilitator load: sessions led, percent of what they could "
				  "lead", false },
	{ "needs_not_ready", "Needs waiting on a prerequisite", false },
	{ "learners_left_out", "Learners left out: in the lab every block", false },
	{ "learner_days_covered_pct", "Learner-days with at least one facilitated session, "
				      "percent", false },
	{ "min_facilitated_sessions", "Fewest facilitated sessions any learner gets", false },
	{ "scenario_name", "Scenario", true },
	{ "mclsched_version", "mclsched version", true },
	{ "inputs_sha256", "Digest of the input files (same value: same data)", true },
	{ "seed", "Search seed", false },
	{ "time_limit", "Time limit, seconds", false },
	{ "gap_limit", "Gap at which the search stops", false },
	{ "stopped_by", "What ended the search", true },
};

static void write_summary(struct book *b)
{
	static const char *const header[] = { "Metric", "Value", "Meaning", NULL };
	struct sheet sh;
	start_sheet(b, &sh, "Summary", header);
	for (int i = 0; i < b->rb->n_metrics && sh.ws; i++, sh.row++) {
		const struct rowset_metric *m = &b->rb->metrics[i];
		const char *label = "";
		bool text = false;
		for (size_t k = 0; k < sizeof(metric_labels) / sizeof(metric_labels[0]); k++)
			if (!strcmp(m->name, metric_labels[k].metric)) {
				label = metric_labels[k].label;
				text = metric_labels[k].text;
			}
		put_text(b, &sh, 0, m->name);
		char *end;
		double v = strtod(m->value, &end);
		if (!text && *m->value && !*end)
			put_number(b, &sh, 1, v);
		else
			put_text(b, &sh, 1, m->value);
		put_text(b, &sh, 2, label);
	}
	end_sheet(b, &sh);
}

/* The finished file flushed to disk, like every file of the directory. */
static int sync_file(const char *path, struct diag *d)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0) {
		diag_error(d, path, 0, "cannot write: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int xlsx_out_write(const struct problem *p, const struct rowset *rows, const char *dir, time_t created, struct diag *d)
{
	char *path = xasprintf("%s/schedule.xlsx", dir);
	struct book b = { .p = p, .rb = rows, .err = LXW_NO_ERROR };
	int rc = -1;
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE };  /* rows in order */
	b.wb = workbook_new_opt(path, &opts);
	if (!b.wb) {
		diag_error(d, path, 0, "cannot create the workbook");
		goto out;
	}
	lxw_doc_properties props = { .title = (char *)"Master schedule",
				     .created = created };
	const char *name = p->config.name && *p->config.name ? p->config.name : NULL;
	char *subject = name ? xstrdup(name) : NULL;
	props.subject = subject;
	note(&b, workbook_set_properties(b.wb, &props));
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	b.clock = workbook_add_format(b.wb);
	format_set_num_format(b.clock, "hh:mm");

	write_learners(&b);
	write_week(&b, false);
	write_week(&b, true);
	write_sessions(&b);
	write_unmet(&b);
	write_summary(&b);

	lxw_error closed = workbook_close(b.wb);
	free(subject);
	if (b.err != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
		diag_error(d, path, 0, "cannot write the workbook: %s",
			   lxw_strerror(b.err != LXW_NO_ERROR ? b.err : closed));
		goto out;
	}
	rc = sync_file(path, d);
out:
	free(path);
	return rc;
}
