/*
 * scenario_checks.c - what is checked of a scenario as a whole once every
 * file is read: the model has the blocks it needs, lab.feature is offered
 * by some room (errors), and what loads but cannot be scheduled as meant
 * (warnings: areas no goal has, offerings nobody can lead or no room fits,
 * learners with no ready need, learners away in every scheduled block).
 */
#define _POSIX_C_SOURCE 200809L
#include "loader.h"
#include "models/model.h"

#include <stdlib.h>
#include <string.h>

void check_model(struct loader *ld)
{
	struct problem *p = ld->p;
	const char *model = problem_model_name(p->config.model);
	int n_ws = 0, n_sem = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		n_ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		n_sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	if (model_row(p)->schedules_workshops && n_ws == 0 && p->n_blocks > 0)
		ld_err(ld, "scenario.conf", ld->model_line, "model = %s needs workshop blocks, but "
		    "blocks.csv has none: add some or choose model = seminar", model);
	if (model_row(p)->schedules_seminars && n_sem == 0 && p->n_blocks > 0)
		ld_err(ld, "scenario.conf", ld->model_line, "model = %s needs seminar blocks, but "
		    "blocks.csv has none: add some or choose model = workshop", model);
}

/* lab.feature names a feature some room must offer: otherwise no lab could
 * meet, and every learner needs one whenever they have no workshop. */
void check_lab_feature(struct loader *ld)
{
	const struct problem *p = ld->p;
	const char *want = p->config.lab_feature;
	if (!want || !*want || p->n_rooms == 0)   /* rooms.csv unread: reported */
		return;
	for (int r = 0; r < p->n_rooms; r++)
		for (int i = 0; i < p->rooms[r].n_features; i++)
			if (!strcmp(p->features[p->rooms[r].features[i]], want))
				return;
	ld_err(ld, "scenario.conf", p->config.lab_feature_line, "lab.feature '%s' is offered by "
	    "no room in rooms.csv: add '%s' to the features of the rooms where labs may meet, "
	    "or set lab { feature = \"\" } to let labs meet in any room", want, want);
}

/* Appends id, the n-th of a warning's names, to *list while n < 5. */
static void name_first(char **list, int n, const char *id)
{
	if (n >= 5)
		return;
	char *longer = xasprintf("%s%s'%s'", *list, n ? ", " : "", id);
	free(*list);
	*list = longer;
}

/* Learners who can be placed but are away in every block the model
 * schedules: one warning, the first few named.  No schedule can seat them,
 * and learners_left_out counts them (its "can be placed" has no
 * availability), so a district scheduler wants to hear of them first. */
static void warn_away(struct loader *ld)
{
	const struct problem *p = ld->p;
	int n = 0;
	char *first = xstrdup("");
	for (int l = 0; l < p->n_learners; l++) {
		bool present = false;
		for (int b = 0; b < p->n_blocks && !present; b++)
			present = problem_block_scheduled(p, b) && !p->learners[l].unavailable[b];
		if (present || !problem_placeable(p, l))
			continue;
		name_first(&first, n++, p->learners[l].id);
	}
	if (n)
		diag_warning(ld->d, "learners.csv", 0, "%d learner%s a ready need or a choice but "
			     "%s away in every block the model schedules (%s%s): no schedule can "
			     "seat them and learners_left_out counts them; check their "
			     "'unavailable' lists", n, n == 1 ? " has" : "s have",
			     n == 1 ? "is" : "are", first, n > 5 ? ", ..." : "");
	free(first);
}

/* Warnings about things that load but cannot be scheduled as meant. */
void check_scenario(struct loader *ld)
{
	struct problem *p = ld->p;
	bool ws = model_row(p)->schedules_workshops, sem = model_row(p)->schedules_seminars;
	/* areas named by blocks that no goal has */
	bool *area_used = xcalloc((size_t)p->n_areas + 1, sizeof(bool));
	for (int g = 0; g < p->n_goals; g++)
		area_used[p->goals[g].area] = true;
	for (int b = 0; b < p->n_blocks && ld->have_goals; b++)
		for (int i = 0; i < p->blocks[b].n_areas; i++)
			if (!area_used[p->blocks[b].areas[i]])
				diag_warning(ld->d, "blocks.csv", ld->block_lines[b], "area '%s' of "
					     "block '%s' is no goal's area in goals.csv: check the "
					     "spelling", p->areas[p->blocks[b].areas[i]],
					     p->blocks[b].id);
	free(area_used);
	bool *feature_room = xcalloc((size_t)p->n_features + 1, sizeof(bool));
	for (int r = 0; r < p->n_rooms; r++)
		for (int i = 0; i < p->rooms[r].n_features; i++)
			feature_room[p->rooms[r].features[i]] = true;
	/* facilitated goals: needed but nobody can lead them, or no room fits */
	int *needs = xcalloc((size_t)p->n_goals + 1, sizeof(int));
	for (int q = 0; q < p->n_needs; q++)
		needs[p->needs[q].goal]++;
	for (int g = 0; g < p->n_goals && ws; g++) {
		const struct goal *gl = &p->goals[g];
		if (gl->mode != GOAL_FACILITATED)
			continue;
		bool able = false;
		for (int f = 0; f < p->n_facilitators && !able; f++)
			able = problem_goal_level(p, f, g) >= LEVEL_ABLE;
		if (needs[g] && !able)
			diag_warning(ld->d, "goals.csv", ld->goal_lines[g], "no facilitator has "
				     "expertise in goal '%s', so its %d need%s cannot be scheduled: "
				     "add a row to expertise.csv", gl->id, needs[g],
				     needs[g] == 1 ? "" : "s");
		if (gl->feature >= 0 && !feature_room[gl->feature])
			diag_warning(ld->d, "goals.csv", ld->goal_lines[g], "goal '%s' needs a room "
				     "with '%s' and no room in rooms.csv has it", gl->id,
				     p->features[gl->feature]);
	}
	free(needs);
	/* seminars: chosen but nobody can lead them, or no room fits */
	int *chosen = xcalloc((size_t)p->n_seminars + 1, sizeof(int));
	for (int c = 0; c < p->n_choices; c++)
		chosen[p->choices[c].seminar]++;
	for (int s = 0; s < p->n_seminars && sem; s++) {
		const struct seminar *sm = &p->seminars[s];
		bool able = false;
		for (int f = 0; f < p->n_facilitators && !able; f++)
			able = problem_seminar_level(p, f, s) >= LEVEL_ABLE;
		if (chosen[s] && !able)
			diag_warning(ld->d, "seminars.csv", ld->seminar_lines[s], "no facilitator "
				     "has expertise in seminar '%s', chosen %d time%s: add a row to "
				     "expertise.csv", sm->id, chosen[s], chosen[s] == 1 ? "" : "s");
		if (sm->feature >= 0 && !feature_room[sm->feature])
			diag_warning(ld->d, "seminars.csv", ld->seminar_lines[s], "seminar '%s' "
				     "needs a room with '%s' and no room in rooms.csv has it",
				     sm->id, p->features[sm->feature]);
	}
	free(chosen);
	free(feature_room);
	/* learners with no ready need: one warning, the first few named */
	if (ws) {
		int n = 0;
		char *first = xstrdup("");
		for (int l = 0; l < p->n_learners; l++) {
			int ready = 0;
			for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
				ready += p->needs[q].ready;
			if (ready)
				continue;
			name_first(&first, n++, p->learners[l].id);
		}
		if (n)
			diag_warning(ld->d, p->config.needs == NEEDS_DERIVE ? "progress.csv" :
				     "needs.csv", 0, "%d learner%s no ready need (%s%s): they will "
				     "be seated in labs", n, n == 1 ? " has" : "s have", first,
				     n > 5 ? ", ..." : "");
		free(first);
	}
	warn_away(ld);
}

