/*
 * outpath.c - resolving output.dir and probing output paths (outpath.h).
 *
 * A probe is the honest test of "can a directory be created here": it
 * makes one with mkdtemp and removes it.  The walk up to the nearest
 * existing ancestor mirrors output.c, which creates missing parents.
 */
#define _POSIX_C_SOURCE 200809L
#include "outpath.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/util.h"

char *outpath_default(const char *scenario_dir, const char *out_dir)
{
	if (out_dir[0] == '/')
		return xstrdup(out_dir);
	size_t n = strlen(scenario_dir);
	while (n > 1 && scenario_dir[n - 1] == '/')
		n--;
	return xasprintf("%.*s/%s", (int)n, scenario_dir, out_dir);
}

/* The directory part of path ("." when it has none); caller frees. */
static char *parent_of(const char *path)
{
	char *dir = xstrdup(path);
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

const char *const outpath_subdirs[] = { "oneroster", NULL };

static bool is_subdir(const char *name)
{
	for (int i = 0; outpath_subdirs[i]; i++)
		if (!strcmp(name, outpath_subdirs[i]))
			return true;
	return false;
}

bool outpath_replaceable(const char *dir)
{
	static const char *const marks[] = { "summary.csv", "diagnosis.txt" };
	bool marked = false;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]) && !marked; i++) {
		char *f = xasprintf("%s/%s", dir, marks[i]);
		marked = access(f, F_OK) == 0;
		free(f);
	}
	DIR *dh = opendir(dir);
	if (!dh)
		return false;
	int n = 0;
	bool foreign_dir = false;
	struct dirent *e;
	while ((e = readdir(dh))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n++;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && !is_subdir(e->d_name))
			foreign_dir = true;
		free(path);
	}
	closedir(dh);
	return n == 0 || (marked && !foreign_dir);
}

char *outpath_check_dir(const char *dir)
{
	if (!*dir)
		return xstrdup("is empty: name a directory");
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return xstrdup("exists and is not a directory");
		if (!outpath_replaceable(dir))
			return xstrdup("exists and is not an mclsched output directory (no "
				       "summary.csv, or a subdirectory mclsched did not "
				       "write): choose another -o, or empty it");
	} else if (errno != ENOENT && errno != ENOTDIR) {
		return xasprintf("cannot be used: %s", strerror(errno));
	}
	/* the nearest existing ancestor must take a new directory */
	char *at = parent_of(dir);
	while (stat(at, &st) != 0 && (errno == ENOENT || errno == ENOTDIR) && strcmp(at, ".") &&
	       strcmp(at, "/")) {
		char *up = parent_of(at);
		free(at);
		at = up;
	}
	char *why = NULL;
	if (stat(at, &st) != 0) {
		why = xasprintf("cannot be created: '%s': %s", at, strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		why = xasprintf("cannot be created: '%s' is not a directory", at);
	} else {
		char *probe = xasprintf("%s/.mclsched-probe-XXXXXX", at);
		if (!mkdtemp(probe))
			why = xasprintf("cannot be created: no new directory can be made in "
					"'%s': %s", at, strerror(errno));
		else
			rmdir(probe);
		free(probe);
	}
	free(at);
	return why;
}

char *outpath_check_file(const char *file)
{
	if (!*file)
		return xstrdup("is empty: name a file");
	struct stat st;
	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode))
		return xstrdup("is a directory");
	int fd = open(file, O_WRONLY | O_NONBLOCK);
	if (fd >= 0) {
		close(fd);
		return NULL;
	}
	if (errno != ENOENT)
		return xasprintf("cannot be written: %s", strerror(errno));
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return xasprintf("cannot be created: %s", strerror(errno));
	close(fd);
	unlink(file);
	return NULL;
}
