/*
 * load_prerequisites.c - prerequisites.csv: which goals a goal requires,
 * kept per goal (goal.requires) and checked for cycles, each cycle reported
 * at the row that closes it.
 */
#define _POSIX_C_SOURCE 200809L
#include "loader.h"

#include <stddef.h>
#include <stdlib.h>

/* The edges are relation rows (struct ld_pair): goal id[0] requires goal
 * id[1]. */

/* "'A' -> 'B' -> 'A'" for the goals stack[from..to] and back to stack[from];
 * a long cycle shows its first and last few goals. */
static char *cycle_path(const struct problem *p, const int *stack, int from, int to)
{
	char *path = xstrdup("");
	int len = to - from + 1;
	for (int j = from; j <= to; j++) {
		if (len > 10 && j == from + 5) {
			char *np = xasprintf("%s... (%d goals) -> ", path, len - 9);
			free(path);
			path = np;
			j = to - 4;
		}
		char *np = xasprintf("%s'%s' -> ", path, p->goals[stack[j]].id);
		free(path);
		path = np;
	}
	char *np = xasprintf("%s'%s'", path, p->goals[stack[from]].id);
	free(path);
	return np;
}

/* Depth-first search with an explicit stack (a chain of a million goals
 * must not overflow the C stack); every edge back to a goal on the stack
 * closes a cycle and is reported at that edge's line. */
static void find_cycles(struct loader *ld, const struct ld_pair *edges, const int *edge_start)
{
	struct problem *p = ld->p;
	int ng = p->n_goals;
	char *state = xcalloc((size_t)ng + 1, 1);      /* 0 new, 1 on stack, 2 done */
	int *stack = xmalloc(sizeof(int) * (size_t)(ng + 1));
	int *pos = xmalloc(sizeof(int) * (size_t)(ng + 1));
	int *depth_of = xmalloc(sizeof(int) * (size_t)(ng + 1));
	for (int root = 0; root < ng; root++) {
		if (state[root])
			continue;
		int depth = 0;
		stack[0] = root;
		pos[0] = 0;
		depth_of[root] = 0;
		state[root] = 1;
		while (depth >= 0) {
			int g = stack[depth];
			if (pos[depth] == p->goals[g].n_requires) {
				state[g] = 2;
				depth--;
				continue;
			}
			int i = pos[depth]++, h = p->goals[g].requires[i];
			if (state[h] == 1) {
				char *path = cycle_path(p, stack, depth_of[h], depth);
				ld_err(ld, "prerequisites.csv", edges[edge_start[g] + i].line,
				       "prerequisite cycle: %s: a goal cannot require itself, even "
				       "through others; remove one of these rows", path);
				free(path);
			} else if (state[h] == 0) {
				depth++;
				stack[depth] = h;
				pos[depth] = 0;
				depth_of[h] = depth;
				state[h] = 1;
			}
		}
	}
	free(depth_of);
	free(pos);
	free(stack);
	free(state);
}

/* A pair given twice is only a warning: the edge is kept once. */
static void edge_repeated(struct loader *ld, const char *file, const void *again,
			  const void *first)
{
	const struct ld_pair *x = again, *y = first;
	diag_warning(ld->d, file, x->line, "goal '%s' requires '%s' twice (first on line %ld)",
		     ld->p->goals[x->id[0]].id, ld->p->goals[x->id[1]].id, y->line);
}

void load_prerequisites(struct loader *ld)
{
	static const char *const known[] = { "goal_id", "requires", NULL };
	struct problem *p = ld->p;
	struct csv_table t;
	if (!ld_open_table(ld, &t, "prerequisites.csv", false, known, known))
		goto out;
	struct ld_pair_cols pc = { 2, { csv_table_col(&t, "goal_id"),
					 csv_table_col(&t, "requires") }, { REF_GOAL, REF_GOAL },
				   { "goal_id", "requires" } };
	struct ld_pair *edges = xmalloc(sizeof(*edges) * (size_t)(t.n_rows + 1));
	int ne = 0;
	for (int r = 0; r < t.n_rows; r++)
		if (ld_read_pair(ld, &t, r, &pc, &edges[ne]))
			ne++;
	int kept = ld_drop_repeated(ld, t.name, edges, ne, sizeof(*edges), edge_repeated);
	/* edges are grouped by goal: goal g's are edges[edge_start[g] ..] */
	int *edge_start = ld_group_starts(p->n_goals, edges, kept, sizeof(*edges),
					  offsetof(struct ld_pair, id));
	for (int g = 0; g < p->n_goals; g++) {
		struct goal *gl = &p->goals[g];
		gl->n_requires = edge_start[g + 1] - edge_start[g];
		gl->requires = xmalloc(sizeof(int) * (size_t)(gl->n_requires + 1));
		for (int i = 0; i < gl->n_requires; i++)
			gl->requires[i] = edges[edge_start[g] + i].id[1];
	}
	find_cycles(ld, edges, edge_start);
	free(edge_start);
	free(edges);
out:
	csv_table_release(&t);
}
