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
