/*
 * direct_dat.c - mclsched-direct-dat: the MathProg data of bench/direct.mod
 * for a scenario, so that `make bench` can hand the textbook MIP to glpsol.
 *
 *   mclsched-direct-dat SCENARIO_DIR -o FILE.dat
 *   glpsol -m bench/direct.mod -d FILE.dat --tmlim T
 *
 * The scenario is read and validated by the library, as `mclsched solve`
 * reads it; learners, blocks, goals, facilitators and rooms are numbered from
 * 1 in file order.  Only what the model uses is written: the workshop blocks
 * the configured model schedules, ready needs (facilitated ones as x
 * variables, online ones as lab credit), expertise, room features and
 * capacities, availability, and the contract's weights.  The file is written
 * beside FILE and renamed into place, so a failed run leaves no half file.
 * The power-goal model is not covered (direct.mod regroups every block).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/tool_args.h"
#include "engine/diag.h"
#include "engine/problem.h"
#include "engine/util.h"
#include "inputs/scenario.h"

static bool workshop_block(const struct problem *p, int b)
{
	return problem_block_scheduled(p, b) && p->blocks[b].kind == BLOCK_WORKSHOP;
}

static bool facilitated(const struct problem *p, int g)
{
	return p->goals[g].mode == GOAL_FACILITATED;
}

static void write_data(const struct problem *p, FILE *f)
{
	const struct config *cf = &p->config;
	int nb = p->n_blocks;
	fprintf(f, "/* %s: data for bench/direct.mod, written by mclsched-direct-dat */\n"
		"data;\n", p->dir);
	int counts[3] = { p->n_learners, p->n_facilitators, p->n_rooms };
	for (int k = 0; k < 3; k++) {
		fprintf(f, "set %s :=", (const char *[]){ "L", "F", "R" }[k]);
		for (int i = 1; i <= counts[k]; i++)
			fprintf(f, "%s%d", i % 20 == 1 ? "\n " : " ", i);
		fputs(";\n", f);
	}
	fputs("set G :=", f);
	for (int g = 0; g < p->n_goals; g++)
		if (facilitated(p, g))
			fprintf(f, " %d", g + 1);
	fputs(";\nset B :=", f);
	for (int b = 0; b < nb; b++)
		if (workshop_block(p, b))
			fprintf(f, " %d", b + 1);
	fputs(";\nparam day :=", f);
	for (int b = 0; b < nb; b++)
		if (workshop_block(p, b))
			fprintf(f, " %d %d", b + 1, p->blocks[b].day_index + 1);
	fputs(";\nset AV :=", f);
	for (int l = 0; l < p->n_learners; l++)
		for (int b = 0; b < nb; b++)
			if (workshop_block(p, b) && !p->learners[l].unavailable[b])
				fprintf(f, "\n %d %d", l + 1, b + 1);
	fputs(";\nset GA :=", f);
	for (int g = 0; g < p->n_goals; g++)
		for (int b = 0; b < nb; b++)
			if (facilitated(p, g) && workshop_block(p, b) && problem_block_allows(p, b, g))
				fprintf(f, "\n %d %d", g + 1, b + 1);
	fputs(";\nset FA :=", f);
	for (int k = 0; k < p->n_facilitators; k++)
		for (int b = 0; b < nb; b++)
			if (workshop_block(p, b) && !p->facilitators[k].unavailable[b])
				fprintf(f, "\n %d %d", k + 1, b + 1);
	fputs(";\nset RA :=", f);
	for (int r = 0; r < p->n_rooms; r++)
		for (int b = 0; b < nb; b++)
			if (workshop_block(p, b) && !p->rooms[r].unavailable[b])
				fprintf(f, "\n %d %d", r + 1, b + 1);
	fputs(";\nset E :=", f);
	for (int k = 0; k < p->n_facilitators; k++)
		for (int g = 0; g < p->n_goals; g++)
			if (facilitated(p, g) && problem_goal_level(p, k, g) >= LEVEL_ABLE)
				fprintf(f, "\n %d %d", k + 1, g + 1);
	fputs(";\nset EG :=", f);
	for (int k = 0; k < p->n_facilitators; k++)
		for (int g = 0; g < p->n_goals; g++)
			if (facilitated(p, g) && problem_goal_level(p, k, g) == LEVEL_GURU)
				fprintf(f, "\n %d %d", k + 1, g + 1);
	fputs(";\nset RG :=", f);
	for (int r = 0; r < p->n_rooms; r++)
		for (int g = 0; g < p->n_goals; g++)
			if (facilitated(p, g) && problem_room_has(&p->rooms[r], p->goals[g].feature) &&
			    p->rooms[r].capacity >= p->goals[g].min_group)
				fprintf(f, "\n %d %d", r + 1, g + 1);
	fputs(";\nset RL :=", f);
	for (int r = 0; r < p->n_rooms; r++)
		if (problem_room_has(&p->rooms[r], p->lab_feature))
			fprintf(f, " %d", r + 1);
	/* ready needs: facilitated as (l, g) with weight, sessions, priority 1 */
	fputs(";\nparam : Q : w s p1 :=", f);
	for (int q = 0; q < p->n_needs; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && facilitated(p, nd->goal))
			fprintf(f, "\n %d %d %g %d %d", nd->learner + 1, nd->goal + 1,
				problem_need_weight(p, nd), nd->sessions, nd->priority == 1);
	}
	fputs(";\nparam : O : wo so o1 :=", f);
	for (int q = 0; q < p->n_needs; q++) {
		const struct need *nd = &p->needs[q];
		if (nd->ready && !facilitated(p, nd->goal))
			fprintf(f, "\n %d %d %g %d %d", nd->learner + 1, nd->goal + 1,
				problem_need_weight(p, nd), nd->sessions, nd->priority == 1);
	}
	fputs(";\nset P1 :=", f);
	for (int l = 0; l < p->n_learners; l++)
		for (int q = p->need_start[l]; q < p->need_start[l + 1]; q++)
			if (p->needs[q].ready && p->needs[q].priority == 1) {
				fprintf(f, " %d", l + 1);
				break;
			}
	/* the days a placeable learner is available in a workshop block */
	fputs(";\nset LD :=", f);
	for (int l = 0; l < p->n_learners; l++) {
		if (!problem_placeable(p, l))
			continue;
		for (int d = 0; d < p->n_days; d++)
			for (int b = 0; b < nb; b++)
				if (workshop_block(p, b) && p->blocks[b].day_index == d &&
				    !p->learners[l].unavailable[b]) {
					fprintf(f, "\n %d %d", l + 1, d + 1);
					break;
				}
	}
	fputs(";\nparam : ming maxg :=", f);
	for (int g = 0; g < p->n_goals; g++)
		if (facilitated(p, g))
			fprintf(f, "\n %d %d %d", g + 1, p->goals[g].min_group, p->goals[g].max_group);
	fputs(";\nparam cap :=", f);
	for (int r = 0; r < p->n_rooms; r++)
		fprintf(f, "\n %d %d", r + 1, p->rooms[r].capacity);
	fputs(";\nparam maxs :=", f);
	for (int k = 0; k < p->n_facilitators; k++)
		fprintf(f, "\n %d %d", k + 1, p->facilitators[k].max_sessions);
	fprintf(f, ";\nparam labmax := %d;\nparam w_guru := %g;\nparam w_pg := %g;\n"
		"param w_daily := %g;\nend;\n", cf->lab_max_group, cf->w_guru, cf->w_power_goal,
		cf->w_daily);
}

static void usage(FILE *out)
{
	fputs("usage: mclsched-direct-dat SCENARIO_DIR -o FILE.dat\n"
	      "  Writes the MathProg data of bench/direct.mod (the textbook MIP) for the\n"
	      "  scenario's workshop blocks; for make bench.\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *out;
	struct problem *p;
	int rc = tool_args(argc, argv, "mclsched-direct-dat", usage, false, &out, &p);
	if (rc >= 0)
		return rc;
	char *tmp = xasprintf("%s.tmp", out);
	int code = 0;
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "mclsched-direct-dat: %s: cannot create: %s\n", tmp, strerror(errno));
		code = 4;
		goto out_free;
	}
	write_data(p, f);
	if (fflush(f) != 0 || ferror(f)) {
		fprintf(stderr, "mclsched-direct-dat: %s: cannot write: %s\n", tmp, strerror(errno));
		code = 4;
	}
	if (fclose(f) != 0 && code == 0) {
		fprintf(stderr, "mclsched-direct-dat: %s: cannot write: %s\n", tmp, strerror(errno));
		code = 4;
	}
	if (code == 0 && rename(tmp, out) != 0) {
		fprintf(stderr, "mclsched-direct-dat: %s: cannot rename into place: %s\n", out,
			strerror(errno));
		code = 4;
	}
	if (code != 0)
		remove(tmp);
out_free:
	free(tmp);
	problem_free(p);
	return code;
}
