/*
 * util.c - the x* allocation family, stderr logging and whole-buffer I/O.
 *
 * Allocation failure aborts (see util.h).  Logging is deliberately tiny: one
 * level set by the program, a per-process mute for forked helpers,
 * everything to stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum log_level mcl_log_level = LOG_NORMAL;

/* Set in a forked child that its parent reports for (mcl_log_mute_process):
 * a per-process flag, so the level the program chose is never rewritten
 * from library code. */
static bool muted;

static void out_of_memory(size_t size)
{
	fprintf(stderr, "mclsched: out of memory allocating %zu bytes\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void xgrow(void **array, size_t *alloc, size_t need, size_t elem_size)
{
	if (need <= *alloc)
		return;
	size_t n = *alloc ? *alloc : 16;
	while (n < need)
		n *= 2;
	*array = xrealloc(*array, n * elem_size);
	*alloc = n;
}

void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	xgrow((void **)&t->s, &t->alloc, t->len + (size_t)n + 1, 1);
	memcpy(t->s + t->len, buf, (size_t)n + 1);
	t->len += (size_t)n;
}

bool mcl_log_enabled(enum log_level level)
{
	return level <= mcl_log_level && (!muted || level == LOG_QUIET);
}

void mcl_log_mute_process(void)
{
	muted = true;
}

void mcl_log(enum log_level level, const char *fmt, ...)
{
	if (!mcl_log_enabled(level))
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("mclsched: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

double mcl_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int write_full(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int read_full(int fd, void *buf, size_t n)
{
	char *p = buf;
	while (n > 0) {
		ssize_t r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

unsigned long long mcl_rng_next(unsigned long long *state)
{
	unsigned long long z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}
