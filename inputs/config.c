/*
 * config.c - scenario.conf through libconfuse.
 *
 * libconfuse reports syntax errors, unknown keys and wrong types through an
 * error function; ours records them in the diag with the line libconfuse is
 * on.  Ranges are checked by validate callbacks, which run as each value is
 * parsed, so they know its line too; they record the error and let parsing
 * go on, so that every out-of-range key is reported, not just the first.
 * libconfuse itself stops at the first syntax error or unknown key, so the
 * file is parsed again from memory with that line blanked (and the rest of
 * a section it opened), each pass keeping only the errors past the line
 * where the previous one stopped, until a pass gets through.  An unknown key
 * that exists in another section is answered with where it belongs.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <confuse.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/util.h"
#include "inputs/decimal.h"
#include "models/model.h"

#define CONF_NAME "scenario.conf"

static const double default_priority[PRIORITY_LEVELS] = { 100, 60, 35, 20, 10 };
static const double default_choice[] = { 50, 30, 15, 8, 4 };

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->name = xstrdup("");
	config_school_id(c->school_id, sizeof(c->school_id), "");
	c->model = MODEL_COMBINATION;
	c->mastery = 3.0;
	c->mastery_units = 3 * DECIMAL_SCALE;
	c->needs = NEEDS_FILE;
	c->seminars_per_learner = 1;
	c->lab_max_group = 40;
	c->lab_feature = xstrdup("");
	memcpy(c->w_priority, default_priority, sizeof(default_priority));
	c->n_choice = 5;
	c->w_choice = xmalloc(sizeof(default_choice));
	memcpy(c->w_choice, default_choice, sizeof(default_choice));
	c->w_guru = 5;
	c->w_power_goal = 200;
	c->w_daily = 40;
	c->w_required = 30;
	c->w_keep = 10;
	c->time_limit = 60;
	c->gap = 0.005;
	c->seed = 1;
	c->max_memory_mb = 16384;
	c->out_dir = xstrdup("out");
}

void config_school_id(char *out, size_t size, const char *name)
{
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *c = (const unsigned char *)name; *c && n + 1 < size && n < 64;
	     c++) {
		if (isalnum(*c) && *c < 0x80) {
			if (dash && n > 0 && n + 2 < size && n < 63)
				out[n++] = '-';
			out[n++] = (char)tolower(*c);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "school");
}

static struct diag *current_diag;   /* libconfuse's error callback has no context */

static cfg_opt_t *current_opts;     /* the root options, for where a key belongs */

/* Where key is an option, other than in section `in` ("root": the top
 * level): "`solver { time_limit }`" or "`model` at the top level"; NULL. */
static char *key_elsewhere(const char *key, const char *in)
{
	for (cfg_opt_t *o = current_opts; o && o->name; o++) {
		if (o->type != CFGT_SEC) {
			if (!strcmp(o->name, key) && strcmp(in, "root"))
				return xasprintf("`%s` at the top level, not inside `%s { }`", key, in);
			continue;
		}
		if (!strcmp(o->name, in))
			continue;
		for (cfg_opt_t *k = o->subopts; k && k->name; k++)
			if (!strcmp(k->name, key))
				return xasprintf("`%s { %s }`", o->name, key);
	}
	return NULL;
}

static void on_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[512], key[128];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	long line = cfg && cfg->line > 0 ? cfg->line : 0;
	char *where = NULL;
	if (cfg && cfg->name && sscanf(msg, "no such option '%127[^']'", key) == 1)
		where = key_elsewhere(key, cfg->name);
	if (where)
		diag_error(current_diag, CONF_NAME, line, "%s: did you mean %s?", msg, where);
	else
		diag_error(current_diag, CONF_NAME, line, "%s", msg);
	free(where);
}

/* Ranges by key (leaf names are unique in scenario.conf). */
static const struct range {
	const char *key, *want;
	double min, max;
	bool open_min, open_max;
	unsigned min_count, max_count;  /* lists */
} ranges[] = {
	{ "mastery", "a score from 0.0 to 4.0", 0, 4, false, false, 0, 0 },
	{ "seminars_per_learner", "a whole number from 1 to 100", 1, 100, false, false, 0, 0 },
	{ "max_group", "a whole number from 1 to 100000", 1, 100000, false, false, 0, 0 },
	{ "priority", "five non-negative numbers, for priorities 1 to 5", 0, 1e9, false, false,
	  PRIORITY_LEVELS, PRIORITY_LEVELS },
	{ "choice", "1 to 10 non-negative numbers, for ranks 1, 2, ...", 0, 1e9, false, false, 1, 10 },
	{ "guru", "a non-negative number", 0, 1e9, false, false, 0, 0 },
	{ "power_goal", "a non-negative number", 0, 1e9, false, false, 0, 0 },
	{ "daily", "a non-negative number", 0, 1e9, false, false, 0, 0 },
	{ "required", "a non-negative number", 0, 1e9, false, false, 0, 0 },
	{ "keep", "a non-negative number", 0, 1e9, false, false, 0, 0 },
	{ "time_limit", "a positive number of seconds", 0, 1e6, true, false, 0, 0 },
	{ "gap", "a relative gap from 0 to below 1", 0, 1, false, true, 0, 0 },
	{ "seed", "a whole number from 0 to 1000000000", 0, 1e9, false, false, 0, 0 },
	{ "max_memory_mb", "a whole number of MiB from 64 to 16777216", 64, 16777216, false, false,
	  0, 0 },
};

static double opt_value(cfg_opt_t *opt, unsigned i)
{
	return opt->type == CFGT_INT ? (double)cfg_opt_getnint(opt, i) : cfg_opt_getnfloat(opt, i);
}

/* The words a string key may take, NULL-terminated after the key; `model`
 * takes the names of the model table's rows (models/model.c). */
static const char *const words[][6] = {
	{ "model", NULL },
	{ "needs", "file", "derive", NULL },
};

/* The i-th word (i >= 1) key k may take, or NULL past the last. */
static const char *word(size_t k, int i)
{
	if (strcmp(words[k][0], "model"))
		return words[k][i];
	return i <= model_count() ? model_at(i - 1)->name : NULL;
}

static long model_line;     /* line of `model = ...`, 0 when defaulted */
static long lab_feature_line;   /* line of lab's `feature = ...`, 0 when defaulted */

/* Only records where lab.feature is set: whether a room has the feature is
 * known once rooms.csv is read (scenario.c checks it there). */
static int validate_lab_feature(cfg_t *cfg, cfg_opt_t *opt)
{
	(void)opt;
	lab_feature_line = cfg->line;
	return 0;
}

/* school_id: an id as the CSV files' (contract version 3). */
static int validate_school_id(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *v = cfg_opt_getnstr(opt, 0);
	size_t n = v ? strlen(v) : 0;
	bool ok = n >= 1 && n <= 64 && isalnum((unsigned char)v[0]);
	for (size_t i = 0; ok && i < n; i++)
		ok = isalnum((unsigned char)v[i]) || strchr("_.-", v[i]);
	if (!ok)
		diag_error(current_diag, CONF_NAME, cfg->line, "'school_id' must be 1-64 "
			   "characters of A-Z a-z 0-9 _ . -, the first a letter or a digit (got "
			   "'%.40s'); leave it out to derive it from 'name'", v ? v : "");
	return 0;
}

static int validate_word(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *v = cfg_opt_getnstr(opt, 0);
	if (!strcmp(opt->name, "dir")) {
		if (!v || !*v)
			diag_error(current_diag, CONF_NAME, cfg->line, "'output.dir' must not be "
				   "empty: name the directory schedules are written to");
		return 0;
	}
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		if (strcmp(opt->name, words[k][0]))
			continue;
		if (!strcmp(opt->name, "model"))
			model_line = cfg->line;
		char *list = xstrdup("");
		for (int i = 1; word(k, i); i++) {
			bool ok = v && !strcmp(v, word(k, i));
			char *nl = xasprintf("%s%s%s", list, i == 1 ? "" : word(k, i + 1) ? ", " :
					     " or ", word(k, i));
			free(list);
			list = nl;
			if (ok) {
				free(list);
				return 0;
			}
		}
		diag_error(current_diag, CONF_NAME, cfg->line, "'%s' must be %s (got '%.40s')",
			   opt->name, list, v ? v : "");
		free(list);
	}
	return 0;
}

/* libconfuse may validate a list more than once; each key and line is
 * reported once. */
static const char *reported_key;
static long reported_line;

/* The lists whose length is ranged: libconfuse validates a list after each
 * value, so its length is judged once the pass is over (list_counts). */
static struct list_seen {
	const struct range *r;
	long line;                  /* 0: not in the file */
	unsigned n;
} lists_seen[2];

static void list_seen_record(const struct range *r, long line, unsigned n)
{
	for (size_t i = 0; i < sizeof(lists_seen) / sizeof(lists_seen[0]); i++)
		if (!lists_seen[i].r || lists_seen[i].r == r) {
			lists_seen[i] = (struct list_seen){ r, line, n };
			return;
		}
}

/* Reports each ranged list of the pass, read whole before line `stop` (0:
 * the pass got through), whose length is out of its range. */
static void list_counts(long stop)
{
	for (size_t i = 0; i < sizeof(lists_seen) / sizeof(lists_seen[0]); i++) {
		const struct list_seen *ls = &lists_seen[i];
		if (!ls->r || (stop && ls->line >= stop) ||
		    (ls->n >= ls->r->min_count && ls->n <= ls->r->max_count))
			continue;
		diag_error(current_diag, CONF_NAME, ls->line, "'%s' must be %s (got %u value%s)",
			   ls->r->key, ls->r->want, ls->n, ls->n == 1 ? "" : "s");
	}
	memset(lists_seen, 0, sizeof(lists_seen));
}

static const char *current_text;       /* the pass's text, for mastery's digits */
static int mastery_units_read;          /* mastery from its text; -1 not read */

/*
 * The text of the value of `key` on line `line` of current_text, into buf
 * ("" when the line holds no `key = value`).  libconfuse has turned it into a
 * double by then, which cannot hold 3.6; the digits can (inputs/decimal.h).
 */
static void value_text(long line, const char *key, char *buf, size_t size)
{
	const char *at = current_text;
	for (long l = 1; at && l < line; l++) {
		at = strchr(at, '\n');
		at = at ? at + 1 : NULL;
	}
	buf[0] = '\0';
	const char *end = at ? strchr(at, '\n') : NULL, *k = at ? strstr(at, key) : NULL;
	if (!k || (end && k > end))
		return;
	k += strlen(key);
	while (*k == ' ' || *k == '\t')
		k++;
	if (*k == '=')
		k++;
	while (*k == ' ' || *k == '\t' || *k == '"')
		k++;
	size_t n = 0;
	while (k[n] && strchr("0123456789.+-eE", k[n]) && n + 1 < size) {
		buf[n] = k[n];
		n++;
	}
	buf[n] = '\0';
}

/* mastery read exactly from its digits (issue 24: 3.6 must master 3.6). */
static void validate_mastery(long line, double v)
{
	char digits[64];
	value_text(line, "mastery", digits, sizeof(digits));
	int units;
	enum decimal_error e = *digits ? decimal_units(digits, 4L * DECIMAL_SCALE, &units)
				       : DECIMAL_SYNTAX;
	/* digits of another `mastery` on the line (inside a quoted name, say):
	 * not the value's; judge the double instead */
	if (e == DECIMAL_OK && fabs((double)units / DECIMAL_SCALE - v) > 1e-9) {
		*digits = '\0';
		e = DECIMAL_SYNTAX;
	}
	if (e == DECIMAL_OK) {
		mastery_units_read = units;
		return;
	}
	if (e == DECIMAL_PLACES_LOST)
		diag_error(current_diag, CONF_NAME, line, "'mastery' has more than %d decimals "
			   "(got %s): round it to %d, scores are read exactly to 0.0001",
			   DECIMAL_PLACES, digits, DECIMAL_PLACES);
	else if (*digits)
		diag_error(current_diag, CONF_NAME, line, "'mastery' must be written as a decimal "
			   "such as 3.5 (got %s)", digits);
	else    /* its digits not on the line libconfuse names: the double, if exact */
		if (fabs(v * DECIMAL_SCALE - (double)lround(v * DECIMAL_SCALE)) < 1e-6)
			mastery_units_read = (int)lround(v * DECIMAL_SCALE);
		else
			diag_error(current_diag, CONF_NAME, line, "'mastery' has more than %d "
				   "decimals (got %.17g): round it to %d", DECIMAL_PLACES, v,
				   DECIMAL_PLACES);
}

static int validate(cfg_t *cfg, cfg_opt_t *opt)
{
	for (size_t k = 0; k < sizeof(ranges) / sizeof(ranges[0]); k++) {
		const struct range *r = &ranges[k];
		if (strcmp(opt->name, r->key))
			continue;
		unsigned n = cfg_opt_size(opt);
		if (r->max_count)
			list_seen_record(r, cfg->line, n);
		if (reported_key && !strcmp(reported_key, opt->name) && reported_line == cfg->line)
			return 0;
		bool bad = false;
		double v = 0;
		for (unsigned i = 0; i < n && !bad; i++) {
			v = opt_value(opt, i);
			bad = !(v >= r->min && v <= r->max) || (r->open_min && v <= r->min) ||
			      (r->open_max && v >= r->max);
		}
		if (bad) {
			reported_key = r->key;
			reported_line = cfg->line;
			diag_error(current_diag, CONF_NAME, cfg->line, "'%s' must be %s (got %g)",
				   r->key, r->want, v);
		} else if (!strcmp(r->key, "mastery")) {
			validate_mastery(cfg->line, v);
		}
	}
	return 0;   /* keep parsing: report every bad value */
}

/* The whole file in memory (NUL-terminated), or NULL with errno set. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t len = 0, alloc = 0, n;
	char chunk[8192];
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		xgrow((void **)&buf, &alloc, len + n + 1, 1);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	int failed = ferror(f);
	int err = errno;
	fclose(f);
	if (failed) {
		free(buf);
		errno = err ? err : EIO;
		return NULL;
	}
	xgrow((void **)&buf, &alloc, len + 1, 1);
	buf[len] = '\0';
	return buf;
}

/* Turns every comment of buf (`#` or `//` to the end of the line, and
 * slash-star to star-slash) into spaces, newlines kept.  libconfuse 3.3
 * counts lines wrongly after a comment (each `#` comment adds two), so the
 * text is parsed without them and every line number stays true. */
static void blank_comments(char *buf)
{
	char quote = 0;
	for (char *p = buf; *p; p++) {
		if (quote) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			for (; *p && *p != '\n'; p++)
				*p = ' ';
			if (!*p)
				break;
		} else if (p[0] == '/' && p[1] == '*') {
			char *e = strstr(p + 2, "*/");
			char *end = e ? e + 2 : p + strlen(p);
			for (; p < end; p++)
				if (*p != '\n')
					*p = ' ';
			p--;
		}
	}
}

/* Blanks line `line` (1-based) of buf, and when it opens more braces than
 * it closes, the lines up to where they close: what libconfuse stopped at
 * is then skipped by the next pass.  Newlines stay, so lines keep their
 * numbers.  Returns false when the file has no such line. */
static bool blank_line(char *buf, long line)
{
	char *p = buf;
	for (long l = 1; l < line; l++) {
		p = strchr(p, '\n');
		if (!p)
			return false;
		p++;
	}
	if (!*p)
		return false;
	int depth = 0;
	bool quoted = false;
	do {
		for (; *p && *p != '\n'; p++) {
			if (*p == '"' && (p == buf || p[-1] != '\\'))
				quoted = !quoted;
			else if (!quoted && *p == '{')
				depth++;
			else if (!quoted && *p == '}')
				depth--;
			*p = ' ';
		}
		if (*p)
			p++;
	} while (depth > 0 && *p);
	return true;
}

/* The line of a "scenario.conf:LINE: ..." entry, 0 without one. */
static long entry_line(const char *text)
{
	size_t n = strlen(CONF_NAME);
	if (strncmp(text, CONF_NAME ":", n + 1))
		return 0;
	return strtol(text + n + 1, NULL, 10);
}

/* Reads path (scenario.conf) into a fresh string; NULL when it cannot be
 * read (*rc -1, the error in d) or is absent (*rc 0: a warning, every key
 * takes its default). */
static char *read_conf(const char *path, struct diag *d, int *rc)
{
	struct stat st;
	*rc = -1;
	if (stat(path, &st) != 0) {
		int err = errno;
		if (err == ENOENT)
			diag_warning(d, CONF_NAME, 0, "not found: every key takes its default "
				     "(model = combination)");
		else
			diag_error(d, CONF_NAME, 0, "cannot read: %s", strerror(err));
		*rc = err == ENOENT ? 0 : -1;
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_error(d, CONF_NAME, 0, "is a directory, not a config file");
		return NULL;
	}
	char *text = slurp(path);
	if (!text)
		diag_error(d, CONF_NAME, 0, "cannot read: %s", strerror(errno));
	return text;
}

/* The messages of one pass (mine), in line order (list lengths are judged
 * at the end of a pass), copied into d when past line `shown` (or of no
 * line, on the first pass); how many were copied. */
static int keep_messages(struct diag *mine, struct diag *d, long shown, int pass)
{
	int kept = 0;
	for (size_t i = 1; i < mine->n; i++)
		for (size_t j = i; j > 0 && entry_line(mine->entries[j - 1].text) >
					     entry_line(mine->entries[j].text); j--) {
			struct diag_entry tmp = mine->entries[j];
			mine->entries[j] = mine->entries[j - 1];
			mine->entries[j - 1] = tmp;
		}
	for (size_t i = 0; i < mine->n; i++) {
		const struct diag_entry *e = &mine->entries[i];
		long line = entry_line(e->text);
		if (line > shown || (line == 0 && pass == 0)) {
			if (e->severity == DIAG_ERROR)
				diag_error(d, NULL, 0, "%s", e->text);
			else
				diag_warning(d, NULL, 0, "%s", e->text);
			kept++;
		}
	}
	return kept;
}

/* A fresh parser of opts with every validation hooked, its messages into mine. */
static cfg_t *new_parser(cfg_opt_t *opts, struct diag *mine)
{
	static const char *const validated[] = {
		"mastery", "seminars_per_learner", "lab|max_group", "weights|priority",
		"weights|choice", "weights|guru", "weights|power_goal", "weights|daily",
		"weights|required", "weights|keep", "solver|time_limit",
		"solver|gap", "solver|seed", "solver|max_memory_mb",
	};
	cfg_t *cfg = cfg_init(opts, CFGF_NONE);
	current_diag = mine;
	cfg_set_error_function(cfg, on_error);
	for (size_t i = 0; i < sizeof(validated) / sizeof(validated[0]); i++)
		cfg_set_validate_func(cfg, validated[i], validate);
	cfg_set_validate_func(cfg, "model", validate_word);
	cfg_set_validate_func(cfg, "needs", validate_word);
	cfg_set_validate_func(cfg, "output|dir", validate_word);
	cfg_set_validate_func(cfg, "lab|feature", validate_lab_feature);
	cfg_set_validate_func(cfg, "school_id", validate_school_id);
	return cfg;
}

/* Parses text with opts.  Each pass: a fresh parse of text; its errors past
 * `shown` are kept.  A stop at a line no later than the last one ends the
 * passes (a syntax error blanking cannot get past).  Returns the last
 * pass's parser, *rc its result. */
static cfg_t *parse_passes(cfg_opt_t *opts, char *text, struct diag *d, int before, int *rc)
{
	cfg_t *cfg = NULL;
	long shown = 0;
	*rc = CFG_PARSE_ERROR;
	for (int pass = 0; pass < 1000; pass++) {
		cfg_free(cfg);
		struct diag mine;
		diag_init(&mine);
		cfg = new_parser(opts, &mine);
		model_line = 0;
		lab_feature_line = 0;
		current_text = text;
		mastery_units_read = -1;
		reported_key = NULL;
		memset(lists_seen, 0, sizeof(lists_seen));
		*rc = cfg_parse_buf(cfg, text);
		long stop = *rc == CFG_PARSE_ERROR ? cfg->line : 0;
		list_counts(stop);
		int kept = keep_messages(&mine, d, shown, pass);
		diag_release(&mine);
		current_diag = d;
		if (*rc != CFG_PARSE_ERROR)
			break;
		if (stop <= shown || !blank_line(text, stop)) {
			if (kept == 0 && d->n_errors == before)
				diag_error(d, CONF_NAME, stop, "cannot parse the file");
			break;
		}
		shown = stop;
	}
	return cfg;
}

/* The parsed values into c. */
static void take_values(struct config *c, cfg_t *cfg, long *model_at)
{
	free(c->name);
	c->name = xstrdup(cfg_getstr(cfg, "name"));
	const char *school = cfg_getstr(cfg, "school_id");
	if (school && *school)
		snprintf(c->school_id, sizeof(c->school_id), "%s", school);
	else
		config_school_id(c->school_id, sizeof(c->school_id), c->name);
	const char *model = cfg_getstr(cfg, "model");
	if (model_named(model))
		c->model = model_named(model)->kind;
	if (model_at)
		*model_at = model_line;
	c->mastery = cfg_getfloat(cfg, "mastery");
	c->mastery_units = mastery_units_read >= 0 ? mastery_units_read : 3 * DECIMAL_SCALE;
	const char *needs = cfg_getstr(cfg, "needs");
	if (!strcmp(needs, "file"))
		c->needs = NEEDS_FILE;
	else if (!strcmp(needs, "derive"))
		c->needs = NEEDS_DERIVE;
	c->seminars_per_learner = (int)cfg_getint(cfg, "seminars_per_learner");
	c->lab_max_group = (int)cfg_getint(cfg_getsec(cfg, "lab"), "max_group");
	free(c->lab_feature);
	c->lab_feature = xstrdup(cfg_getstr(cfg_getsec(cfg, "lab"), "feature"));
	c->lab_feature_line = lab_feature_line;

	cfg_t *w = cfg_getsec(cfg, "weights");
	if (cfg_size(w, "priority") == PRIORITY_LEVELS)
		for (int i = 0; i < PRIORITY_LEVELS; i++)
			c->w_priority[i] = cfg_getnfloat(w, "priority", (unsigned)i);
	unsigned nc = cfg_size(w, "choice");
	if (nc >= 1 && nc <= 10) {
		free(c->w_choice);
		c->w_choice = xmalloc(sizeof(double) * nc);
		c->n_choice = (int)nc;
		for (unsigned i = 0; i < nc; i++)
			c->w_choice[i] = cfg_getnfloat(w, "choice", i);
	}
	c->w_guru = cfg_getfloat(w, "guru");
	c->w_power_goal = cfg_getfloat(w, "power_goal");
	c->w_daily = cfg_getfloat(w, "daily");
	c->w_required = cfg_getfloat(w, "required");
	c->w_keep = cfg_getfloat(w, "keep");

	cfg_t *s = cfg_getsec(cfg, "solver");
	c->time_limit = cfg_getfloat(s, "time_limit");
	c->gap = cfg_getfloat(s, "gap");
	c->seed = (int)cfg_getint(s, "seed");
	long mem = cfg_getint(s, "max_memory_mb");
	if (mem >= 64 && mem <= 16777216)
		c->max_memory_mb = (int)mem;

	free(c->out_dir);
	c->out_dir = xstrdup(cfg_getstr(cfg_getsec(cfg, "output"), "dir"));
}

int config_read(struct config *c, const char *dir, struct diag *d, long *model_at)
{
	config_defaults(c);
	if (model_at)
		*model_at = 0;
	char *path = xasprintf("%s/%s", dir, CONF_NAME);
	int before = d->n_errors, rc;
	char *text = read_conf(path, d, &rc);
	free(path);
	if (!text)
		return rc;
	blank_comments(text);
	cfg_opt_t lab_opts[] = {
		CFG_INT("max_group", 40, CFGF_NONE),
		CFG_STR("feature", "", CFGF_NONE),
		CFG_END(),
	};
	char priority_default[] = "{100, 60, 35, 20, 10}";
	char choice_default[] = "{50, 30, 15, 8, 4}";
	cfg_opt_t weight_opts[] = {
		CFG_FLOAT_LIST("priority", priority_default, CFGF_NONE),
		CFG_FLOAT_LIST("choice", choice_default, CFGF_NONE),
		CFG_FLOAT("guru", 5, CFGF_NONE),
		CFG_FLOAT("power_goal", 200, CFGF_NONE),
		CFG_FLOAT("daily", 40, CFGF_NONE),
		CFG_FLOAT("required", 30, CFGF_NONE),
		CFG_FLOAT("keep", 10, CFGF_NONE),
		CFG_END(),
	};
	cfg_opt_t solver_opts[] = {
		CFG_FLOAT("time_limit", 60, CFGF_NONE),
		CFG_FLOAT("gap", 0.005, CFGF_NONE),
		CFG_INT("seed", 1, CFGF_NONE),
		CFG_INT("max_memory_mb", 16384, CFGF_NONE),
		CFG_END(),
	};
	cfg_opt_t output_opts[] = { CFG_STR("dir", "out", CFGF_NONE), CFG_END() };
	cfg_opt_t opts[] = {
		CFG_STR("name", "", CFGF_NONE),
		CFG_STR("school_id", NULL, CFGF_NONE),
		CFG_STR("model", "combination", CFGF_NONE),
		CFG_FLOAT("mastery", 3.0, CFGF_NONE),
		CFG_STR("needs", "file", CFGF_NONE),
		CFG_INT("seminars_per_learner", 1, CFGF_NONE),
		CFG_SEC("lab", lab_opts, CFGF_NONE),
		CFG_SEC("weights", weight_opts, CFGF_NONE),
		CFG_SEC("solver", solver_opts, CFGF_NONE),
		CFG_SEC("output", output_opts, CFGF_NONE),
		CFG_END(),
	};
	current_opts = opts;
	cfg_t *cfg = parse_passes(opts, text, d, before, &rc);
	if (rc == CFG_SUCCESS)
		take_values(c, cfg, model_at);
	cfg_free(cfg);
	current_diag = NULL;
	current_opts = NULL;
	current_text = NULL;
	free(text);
	return d->n_errors > before ? -1 : 0;
}
