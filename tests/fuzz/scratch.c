/*
 * scratch.c - the harnesses' scratch directory (see scratch.h).
 *
 * One directory per fuzzing process, removed by an atexit handler when
 * libFuzzer ends a bounded run; a crash leaves it behind under a name that
 * says where it came from (mclsched-fuzz-XXXXXX).
 */
#define _POSIX_C_SOURCE 200809L
#include "scratch.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];
static char path[512];

/* The scenario names a harness may have written, removed at exit. */
static const char *const names[] = {
	"scenario.conf", "blocks.csv", "learners.csv", "facilitators.csv", "rooms.csv",
	"goals.csv", "prerequisites.csv", "progress.csv", "needs.csv", "seminars.csv",
	"choices.csv", "expertise.csv", "input.csv", NULL,
};

static const char *join(const char *name)
{
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path)) {
		fprintf(stderr, "scratch: name too long: %s\n", name);
		abort();
	}
	return path;
}

static void remove_dir(void)
{
	for (const char *const *n = names; *n; n++)
		scratch_remove(*n);
	rmdir(dir);
}

const char *scratch_dir(void)
{
	if (*dir)
		return dir;
	struct stat st;
	const char *base = getenv("TMPDIR");
	if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0)
		base = "/dev/shm";
	else if (!base || !*base)
		base = "/tmp";
	snprintf(dir, sizeof(dir), "%s/mclsched-fuzz-XXXXXX", base);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "scratch: cannot make %s: %s\n", dir, strerror(errno));
		abort();
	}
	atexit(remove_dir);
	return dir;
}

void scratch_write(const char *name, const char *data, size_t len)
{
	scratch_dir();
	int fd = open(join(name), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		fprintf(stderr, "scratch: cannot write %s: %s\n", path, strerror(errno));
		abort();
	}
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n <= 0) {
			fprintf(stderr, "scratch: cannot write %s: %s\n", path, strerror(errno));
			abort();
		}
		data += n;
		len -= (size_t)n;
	}
	close(fd);
}

void scratch_mkdir(const char *name)
{
	scratch_dir();
	if (mkdir(join(name), 0700) != 0) {
		fprintf(stderr, "scratch: cannot make %s: %s\n", path, strerror(errno));
		abort();
	}
}

void scratch_remove(const char *name)
{
	scratch_dir();
	if (unlink(join(name)) == 0 || errno == ENOENT)
		return;
	if (errno == EISDIR || errno == EPERM)  /* Linux says EISDIR; POSIX allows EPERM */
		rmdir(path);
}

/* The fuzz build links with -Wl,--wrap=csv_set_blk_size: the reader asks
 * libcsv for 1 MB field blocks, which under ASan cost a fresh mapping and
 * its page faults on every execution; libcsv's own 128-byte default keeps
 * the harnesses fast and exercises the buffer's growth besides. */
void __real_csv_set_blk_size(struct csv_parser *p, size_t size);
void __wrap_csv_set_blk_size(struct csv_parser *p, size_t size);

void __wrap_csv_set_blk_size(struct csv_parser *p, size_t size)
{
	(void)size;
	__real_csv_set_blk_size(p, 128);
}
