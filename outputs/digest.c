/*
 * digest.c - SHA-256 of the scenario's input files (see digest.h).
 *
 * Nettle does the hashing (a Debian library: no hand-written SHA-256).  Each
 * file's name and size go into the digest before its bytes, so that moving
 * bytes from one file to the next, or renaming a file, changes the digest.
 * The list of files is the loader's: a file mclsched never reads (a README,
 * an earlier output) does not change the digest.
 */
#define _POSIX_C_SOURCE 200809L
#include "digest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/util.h"

static const char *const scenario_files[] = {
	"scenario.conf", "blocks.csv", "learners.csv", "facilitators.csv", "rooms.csv",
	"goals.csv", "prerequisites.csv", "needs.csv", "progress.csv", "seminars.csv",
	"choices.csv", "expertise.csv", "locks.csv",
};

/* Adds name, its size and its bytes; false when it exists but cannot be read. */
static bool add_file(struct sha256_ctx *ctx, const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = true;
	if (stat(path, &st) != 0) {
		ok = errno == ENOENT;   /* an absent optional file is no part of it */
		goto out_free_path;
	}
	if (!S_ISREG(st.st_mode))
		goto out_free_path;     /* not a file: the loader refused it */
	FILE *f = fopen(path, "rb");
	if (!f) {
		ok = false;
		goto out_free_path;
	}
	char head[96];
	int n = snprintf(head, sizeof(head), "%s%c%lld%c", name, 0, (long long)st.st_size, 0);
	sha256_update(ctx, (size_t)n, (const uint8_t *)head);
	uint8_t buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		sha256_update(ctx, got, buf);
	ok = !ferror(f);
	fclose(f);
out_free_path:
	free(path);
	return ok;
}

bool digest_scenario(const char *dir, char hex[DIGEST_HEX_LEN + 1])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	for (size_t i = 0; i < sizeof(scenario_files) / sizeof(scenario_files[0]); i++)
		if (!add_file(&ctx, dir, scenario_files[i])) {
			hex[0] = '\0';
			return false;
		}
	uint8_t sum[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof(sum), sum);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	return true;
}
