/*
 * scenario.c - reads a scenario directory into a validated struct problem.
 *
 * Files are read in dependency order (config, blocks, people and rooms,
 * goals, prerequisites, progress, needs, seminars, choices, expertise), each
 * through csv_table.c by its loader (load_entities.c, load_prerequisites.c,
 * load_relations.c, sharing loader.c), then the scenario is checked as a
 * whole (scenario_checks.c).  Every problem is recorded in the diag with its
 * FILE:LINE and loading goes on, so that `mclsched check` lists them all;
 * only at the end is the problem either returned whole or freed.  At most
 * 100 errors are listed per file (then one line counts the rest), so that a
 * broken generated file does not bury the first, telling errors.
 */
#define _POSIX_C_SOURCE 200809L
#include "scenario.h"

#include <stdlib.h>

#include "engine/util.h"
#include "inputs/config.h"
#include "inputs/loader.h"
#include "inputs/locks.h"
#include "models/model.h"

struct problem *scenario_load(const char *dir, struct diag *d)
{
	struct loader ld = { .dir = dir, .d = d };
	struct problem *p = ld.p = xcalloc(1, sizeof(*p));
	p->dir = xstrdup(dir);
	ld_names_init(&ld.areas, &p->areas, &p->n_areas);
	ld_names_init(&ld.features, &p->features, &p->n_features);
	int before = d->n_errors;
	/* When scenario.conf is broken the model is unknown: then no file is
	 * required because of it, and the others are still checked. */
	bool conf_ok = config_read(&p->config, dir, d, &ld.model_line) == 0;
	bool ws = conf_ok && model_row(p)->schedules_workshops;
	bool sem = conf_ok && model_row(p)->schedules_seminars;
	load_blocks(&ld);
	load_learners(&ld);
	load_facilitators(&ld);
	load_rooms(&ld);
	load_goals(&ld, ws);
	load_prerequisites(&ld);
	load_progress(&ld);
	load_needs(&ld, ws);
	load_seminars(&ld, sem);
	load_choices(&ld, sem);
	load_expertise(&ld);
	if (conf_ok) {
		check_model(&ld);
		check_lab_feature(&ld);
	}
	ld_report_capped(&ld);
	if (d->n_errors == before)
		check_scenario(&ld);
	free(ld.block_lines);
	free(ld.goal_lines);
	free(ld.seminar_lines);
	free(ld.areas.slot);
	free(ld.features.slot);
	if (d->n_errors > before) {
		problem_free(p);
		return NULL;
	}
	problem_index(p);
	locks_load(p, d);
	if (d->n_errors > before) {
		problem_free(p);
		return NULL;
	}
	return p;
}

void scenario_census(const struct problem *p, FILE *out)
{
	int ws = 0, sem = 0, online = 0, ready = 0;
	for (int b = 0; b < p->n_blocks; b++) {
		ws += p->blocks[b].kind == BLOCK_WORKSHOP;
		sem += p->blocks[b].kind == BLOCK_SEMINAR;
	}
	for (int g = 0; g < p->n_goals; g++)
		online += p->goals[g].mode == GOAL_ONLINE;
	for (int q = 0; q < p->n_needs; q++)
		ready += p->needs[q].ready;
	fprintf(out, "scenario      %s\n", *p->config.name ? p->config.name : p->dir);
	fprintf(out, "model         %s\n", problem_model_name(p->config.model));
	fprintf(out, "learners      %d\n", p->n_learners);
	fprintf(out, "facilitators  %d\n", p->n_facilitators);
	fprintf(out, "rooms         %d\n", p->n_rooms);
	fprintf(out, "blocks        %d (%d workshop, %d seminar)\n", p->n_blocks, ws, sem);
	fprintf(out, "goals         %d (%d facilitated, %d online)\n", p->n_goals,
		p->n_goals - online, online);
	fprintf(out, "seminars      %d\n", p->n_seminars);
	fprintf(out, "needs         %d (%d ready, %d not ready)\n", p->n_needs, ready,
		p->n_needs - ready);
	fprintf(out, "choices       %d\n", p->n_choices);
	if (p->n_locks)
		fprintf(out, "locks         %d (%d pinned sessions)\n", p->n_locks, p->n_pins);
}
