/*
 * import_case.c - `mclsched import case` (import.h): goals and their
 * progression from a 1EdTech CASE 1.0 package, read with libjansson.
 *
 * The mapping (docs/inputs.md, "Imports"):
 *   CFItems          goals.csv: goal_id from humanCodingScheme when it is a
 *                    valid mclsched id, else from the item's identifier (a
 *                    UUID); an item with neither is an error, as are two
 *                    items with one goal id.  title from fullStatement.
 *   isChildOf        (origin is the child of destination) gives the areas:
 *                    with --areas-from isChildOf (the default) an item with
 *                    children is a grouping, not a goal, and a goal's area
 *                    is its top ancestor's abbreviatedStatement, else its
 *                    fullStatement; an item with no parent and no children
 *                    takes the document's title.  With --areas-from
 *                    document every item is a goal of the document's area.
 *   precedes         origin precedes destination: prerequisites.csv row
 *                    goal_id = destination, requires = origin.  A precedes
 *                    whose ends are not both goals is left out (listed);
 *                    a cycle is an error naming its items.
 * The old goals.csv's other columns (mode, group sizes, sessions, feature)
 * are carried over to the goals with the same id (import_carry).
 * Errors in the JSON itself carry jansson's line; errors in an item or an
 * association name it by its place (CFItems[3]) and identifier, since a
 * parsed tree keeps no lines.
 */
#define _POSIX_C_SOURCE 200809L
#include "import.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"
#include "inputs/csv_table.h"

struct cf_item {
	const char *identifier, *uri, *code, *statement, *abbrev;
	int parent;                 /* item index, -1: none (or the document) */
	bool has_child;
	int goal;                   /* goal number, -1 when a grouping */
	const char *goal_id;        /* code or identifier */
};

struct edge {
	int goal, requires;         /* item indexes */
	int assoc;                  /* CFAssociations index, for messages */
};

struct case_pkg {
	const char *file;
	struct diag *d;
	json_t *root;
	const char *doc_title;
	struct cf_item *item;
	int n_items;
	struct import_lookup by_identifier, by_uri;
	struct edge *edges;
	int n_edges;
	long skipped;
};

/* The string member key of object o, or "" (also when not a string). */
static const char *str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

bool import_areas_parse(const char *word, enum import_areas *out)
{
	if (!strcmp(word, "isChildOf"))
		*out = IMPORT_AREAS_IS_CHILD_OF;
	else if (!strcmp(word, "document"))
		*out = IMPORT_AREAS_DOCUMENT;
	else
		return false;
	return true;
}

static void read_items(struct case_pkg *c, const json_t *items)
{
	c->n_items = (int)json_array_size(items);
	c->item = xcalloc((size_t)c->n_items + 1, sizeof(*c->item));
	const char **ids = xmalloc(sizeof(char *) * ((size_t)c->n_items + 1));
	const char **uris = xmalloc(sizeof(char *) * ((size_t)c->n_items + 1));
	for (int i = 0; i < c->n_items; i++) {
		const json_t *it = json_array_get(items, (size_t)i);
		struct cf_item *x = &c->item[i];
		x->identifier = str(it, "identifier");
		x->uri = str(it, "uri");
		x->code = str(it, "humanCodingScheme");
		x->statement = str(it, "fullStatement");
		x->abbrev = str(it, "abbreviatedStatement");
		x->parent = x->goal = -1;
		ids[i] = x->identifier;
		uris[i] = x->uri;
		if (!json_is_object(it) || !*x->identifier)
			diag_error(c->d, c->file, 0, "CFItems[%d] has no 'identifier': every item "
				   "needs one", i);
	}
	import_lookup_build(&c->by_identifier, ids, c->n_items);
	import_lookup_build(&c->by_uri, uris, c->n_items);
}

/* The item a CFAssociation node reference names, or -1. */
static int node_item(const struct case_pkg *c, const json_t *node)
{
	const char *id = str(node, "identifier"), *uri = str(node, "uri");
	int i = *id ? import_lookup_find(&c->by_identifier, id) : -1;
	return i >= 0 ? i : *uri ? import_lookup_find(&c->by_uri, uri) : -1;
}

/* Whether a node reference names the CFDocument (a top item's parent). */
static bool is_document(const json_t *doc, const json_t *node)
{
	const char *id = str(node, "identifier"), *uri = str(node, "uri");
	return (*id && !strcmp(id, str(doc, "identifier"))) ||
	       (*uri && !strcmp(uri, str(doc, "uri")));
}

/* Lists an association left out whose end(s) are not in CFItems. */
static void unknown_end(struct case_pkg *c, size_t a, const char *type, const json_t *as,
			int from)
{
	const json_t *o = json_object_get(as, "originNodeURI"),
		     *t = json_object_get(as, "destinationNodeURI");
	const char *id = str(as, "identifier");
	c->skipped++;
	diag_warning(c->d, c->file, 0, "CFAssociations[%zu]%s%.64s%s: left out: %s %s '%.80s' "
		     "is not in CFItems (an item of another framework?)", a, *id ? " ('" : "",
		     id, *id ? "')" : "", type, from < 0 ? "origin" : "destination",
		     from < 0 ? (*str(o, "identifier") ? str(o, "identifier") : str(o, "uri"))
			      : (*str(t, "identifier") ? str(t, "identifier") : str(t, "uri")));
}

static void read_associations(struct case_pkg *c, const json_t *doc, const json_t *assocs)
{
	size_t n = json_array_size(assocs);
	c->edges = xmalloc(sizeof(*c->edges) * (n + 1));
	for (size_t a = 0; a < n; a++) {
		const json_t *as = json_array_get(assocs, a);
		const char *type = str(as, "associationType");
		int from = node_item(c, json_object_get(as, "originNodeURI"));
		int to = node_item(c, json_object_get(as, "destinationNodeURI"));
		bool child = !strcmp(type, "isChildOf"), precedes = !strcmp(type, "precedes");
		if ((child || precedes) && (from < 0 || to < 0)) {
			/* an item under the document itself is a top item */
			if (!(child && from >= 0 &&
			      is_document(doc, json_object_get(as, "destinationNodeURI"))))
				unknown_end(c, a, type, as, from);
		} else if (child) {
			int had = c->item[from].parent;
			if (had < 0) {
				c->item[from].parent = to;
			} else if (had != to) {
				c->skipped++;
				diag_warning(c->d, c->file, 0, "CFAssociations[%zu]: item '%s' is "
					     "already the child of '%s'; its first parent is kept", a,
					     c->item[from].identifier, c->item[had].identifier);
			}
		} else if (precedes) {
			c->edges[c->n_edges++] = (struct edge){ to, from, (int)a };
		}
	}
	for (int i = 0; i < c->n_items; i++)
		if (c->item[i].parent >= 0)
			c->item[c->item[i].parent].has_child = true;
}

/* The top isChildOf ancestor of item i (i itself when it has no parent),
 * or -1 when the parents go round in a circle. */
static int top_ancestor(const struct case_pkg *c, int i)
{
	for (int steps = 0; steps <= c->n_items; steps++) {
		if (c->item[i].parent < 0)
			return i;
		i = c->item[i].parent;
	}
	return -1;
}

static const char *area_of(const struct case_pkg *c, int i, enum import_areas areas)
{
	const char *doc = *c->doc_title ? c->doc_title : "General";
	if (areas == IMPORT_AREAS_DOCUMENT)
		return doc;
	int top = top_ancestor(c, i);
	if (top < 0 || top == i)
		return top < 0 ? NULL : doc;
	const struct cf_item *t = &c->item[top];
	return *t->abbrev ? t->abbrev : *t->statement ? t->statement : t->code;
}

/* Chooses the goals and their ids; errors for ids mclsched cannot take. */
static void choose_goals(struct case_pkg *c, enum import_areas areas)
{
	const char **ids = xmalloc(sizeof(char *) * ((size_t)c->n_items + 1));
	int *of = xmalloc(sizeof(int) * ((size_t)c->n_items + 1));
	int n = 0;
	for (int i = 0; i < c->n_items; i++) {
		struct cf_item *x = &c->item[i];
		if (areas == IMPORT_AREAS_IS_CHILD_OF && x->has_child)
			continue;
		if (areas == IMPORT_AREAS_IS_CHILD_OF && top_ancestor(c, i) < 0) {
			diag_error(c->d, c->file, 0, "CFItems[%d] ('%s'): its isChildOf parents go "
				   "round in a circle: fix the associations", i, x->identifier);
			continue;
		}
		x->goal_id = csv_valid_id(x->code) ? x->code : x->identifier;
		if (!csv_valid_id(x->goal_id)) {
			diag_error(c->d, c->file, 0, "CFItems[%d]: neither humanCodingScheme '%.64s' "
				   "nor identifier '%.64s' is a valid goal id (1-64 characters of "
				   "A-Z a-z 0-9 _ . -, the first a letter or a digit)", i, x->code,
				   x->identifier);
			continue;
		}
		if (!*x->statement)
			diag_warning(c->d, c->file, 0, "CFItems[%d] ('%s') has no fullStatement: "
				     "the goal has no title", i, x->goal_id);
		x->goal = n;
		of[n] = i;
		ids[n++] = x->goal_id;
	}
	struct import_lookup lk;
	import_lookup_build(&lk, ids, n);
	for (int k = 1; k < n; k++)
		if (!strcmp(ids[lk.order[k - 1]], ids[lk.order[k]]))
			diag_error(c->d, c->file, 0, "CFItems[%d] and CFItems[%d] both give goal id "
				   "'%s': give them distinct humanCodingScheme values",
				   of[lk.order[k - 1]], of[lk.order[k]], ids[lk.order[k]]);
	import_lookup_release(&lk);
	free(of);
}

static int cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	if (x->goal != y->goal)
		return x->goal < y->goal ? -1 : 1;
	if (x->requires != y->requires)
		return x->requires < y->requires ? -1 : 1;
	return (x->assoc > y->assoc) - (x->assoc < y->assoc);
}

/* Keeps the precedes edges between goals, once each, sorted by goal. */
static void keep_goal_edges(struct case_pkg *c)
{
	int kept = 0;
	for (int e = 0; e < c->n_edges; e++) {
		const struct edge *x = &c->edges[e];
		if (c->item[x->goal].goal < 0 || c->item[x->requires].goal < 0) {
			c->skipped++;
			const struct cf_item *g = &c->item[c->item[x->goal].goal < 0 ? x->goal
										      : x->requires];
			diag_warning(c->d, c->file, 0, "CFAssociations[%d]: left out: '%s' precedes "
				     "'%s', and '%s' has isChildOf children, so it is a grouping, "
				     "not a goal", x->assoc, c->item[x->requires].identifier,
				     c->item[x->goal].identifier, *g->code ? g->code : g->identifier);
			continue;
		}
		c->edges[kept++] = *x;
	}
	c->n_edges = kept;
	if (kept > 1)
		qsort(c->edges, (size_t)kept, sizeof(*c->edges), cmp_edge);
	kept = 0;
	for (int e = 0; e < c->n_edges; e++)
		if (!kept || c->edges[kept - 1].goal != c->edges[e].goal ||
		    c->edges[kept - 1].requires != c->edges[e].requires)
			c->edges[kept++] = c->edges[e];
	c->n_edges = kept;
}

/* Reports each cycle of the progression found by a depth-first search
 * (iterative: a progression may be thousands of goals long). */
static void find_cycles(struct case_pkg *c)
{
	int n = c->n_items, reported = 0;
	int *start = xcalloc((size_t)n + 2, sizeof(int));
	for (int e = 0; e < c->n_edges; e++)
		start[c->edges[e].goal + 1]++;
	for (int i = 0; i < n; i++)
		start[i + 1] += start[i];
	char *color = xcalloc((size_t)n + 1, 1);     /* 0 new, 1 on the path, 2 done */
	int *stack = xmalloc(sizeof(int) * ((size_t)n + 1));
	int *next = xmalloc(sizeof(int) * ((size_t)n + 1));
	for (int root = 0; root < n; root++) {
		if (color[root])
			continue;
		int top = 0;
		stack[0] = root;
		next[0] = start[root];
		color[root] = 1;
		while (top >= 0) {
			int v = stack[top];
			if (next[top] == start[v + 1]) {
				color[v] = 2;
				top--;
				continue;
			}
			int w = c->edges[next[top]++].requires;
			if (color[w] == 0) {
				color[w] = 1;
				stack[++top] = w;
				next[top] = start[w];
			} else if (color[w] == 1 && reported++ < 20) {
				/* the path from w down to v, then back to w */
				char *path = xstrdup(c->item[w].goal_id);
				int k = top;
				while (stack[k] != w)
					k--;
				for (int j = k + 1; j <= top; j++) {
					char *longer = xasprintf("%s requires %s", path,
								 c->item[stack[j]].goal_id);
					free(path);
					path = longer;
				}
				diag_error(c->d, c->file, 0, "the progression has a cycle: %s requires "
					   "%s: remove one of these precedes associations", path,
					   c->item[w].goal_id);
				free(path);
			}
		}
	}
	free(start);
	free(color);
	free(stack);
	free(next);
}

static int write_files(struct case_pkg *c, const char *scenario_dir, enum import_areas areas)
{
	static const char *const own[] = { "goal_id", "title", "area", NULL };
	struct import_carry carry;
	if (import_carry_open(&carry, scenario_dir, "goals.csv", own, c->d))
		return -1;
	struct import_csv f[2];
	char *header = xstrdup("goal_id,title,area");
	import_carry_header(&carry, &header);
	import_csv_init(&f[0], "goals.csv", header);
	free(header);
	import_csv_init(&f[1], "prerequisites.csv", "goal_id,requires");
	const char **cells = xmalloc(sizeof(char *) * ((size_t)carry.n_cols + 4));
	int goals = 0;
	for (int i = 0; i < c->n_items; i++) {
		const struct cf_item *x = &c->item[i];
		if (x->goal < 0)
			continue;
		cells[0] = x->goal_id;
		cells[1] = x->statement;
		cells[2] = area_of(c, i, areas);
		import_carry_cells(&carry, x->goal_id, cells + 3);
		import_csv_row(&f[0], 3 + carry.n_cols, cells);
		goals++;
	}
	free(cells);
	import_carry_release(&carry);
	for (int e = 0; e < c->n_edges; e++) {
		const char *pair[] = { c->item[c->edges[e].goal].goal_id,
				       c->item[c->edges[e].requires].goal_id };
		import_csv_row(&f[1], 2, pair);
	}
	int rc = import_commit(scenario_dir, f, 2, c->d) ? -2 : 0;
	if (rc == 0)
		mcl_log(LOG_NORMAL, "%d goals and %d prerequisites written to %s/", goals,
			c->n_edges, scenario_dir);
	import_csv_release(&f[0]);
	import_csv_release(&f[1]);
	return rc;
}

enum import_result import_case(const char *file, const char *scenario_dir,
			       enum import_areas areas, struct diag *d)
{
	struct case_pkg c = { .file = file, .d = d };
	int before = d->n_errors;
	enum import_result res = IMPORT_BAD_INPUT;
	json_error_t jerr;
	c.root = json_load_file(file, 0, &jerr);
	if (!c.root) {
		diag_error(d, file, jerr.line > 0 ? jerr.line : 0, "%s", jerr.text);
		return res;
	}
	const json_t *pkg = json_object_get(c.root, "CFPackage");
	pkg = json_is_object(pkg) ? pkg : c.root;
	const json_t *items = json_object_get(pkg, "CFItems");
	if (!json_is_array(items)) {
		diag_error(d, file, 0, "no CFItems array: want a CASE 1.0 package (CFDocument, "
			   "CFItems, CFAssociations)");
		goto out;
	}
	c.doc_title = str(json_object_get(pkg, "CFDocument"), "title");
	read_items(&c, items);
	read_associations(&c, json_object_get(pkg, "CFDocument"),
			  json_object_get(pkg, "CFAssociations"));
	if (d->n_errors > before)
		goto out;
	choose_goals(&c, areas);
	keep_goal_edges(&c);
	if (d->n_errors == before)
		find_cycles(&c);
	if (c.skipped)
		mcl_log(LOG_NORMAL, "%ld association%s left out, each listed as a warning",
			c.skipped, c.skipped == 1 ? "" : "s");
	if (d->n_errors > before)
		goto out;
	int rc = write_files(&c, scenario_dir, areas);
	res = rc == 0 ? IMPORT_WRITTEN : rc == -1 ? IMPORT_BAD_INPUT : IMPORT_WRITE_FAILED;
out:
	import_lookup_release(&c.by_identifier);
	import_lookup_release(&c.by_uri);
	free(c.item);
	free(c.edges);
	json_decref(c.root);
	return res;
}
