/*
 * tmpdir.c - scratch directories for tests (see tmpdir.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "tmpdir.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/util.h"

char *td_make(void)
{
	char *dir = xstrdup("/tmp/mclsched-test-XXXXXX");
	char *ok = mkdtemp(dir);
	assert(ok);
	(void)ok;
	return dir;
}

char *td_read(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return NULL;
	size_t n = 0, cap = 1 << 16;
	char *buf = xmalloc(cap);
	for (size_t got; (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
		n += got;
		if (n + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

void td_write(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

void td_copy(const char *src, const char *dst)
{
	char *cmd = xasprintf("cp -r %s/. %s/", src, dst);
	int rc = system(cmd);
	assert(rc == 0);
	(void)rc;
	free(cmd);
}

void td_remove(char *dir)
{
	char *cmd = xasprintf("rm -rf %s", dir);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	free(dir);
}
