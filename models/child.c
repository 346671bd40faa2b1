/*
 * child.c - a forked child joined by a pipe, and the wire format of its
 * message (see child.h).
 *
 * A message is length-prefixed so the parent reads exactly one whole
 * message or learns that the child died before sending it; the fields
 * inside are fixed-size native ints and doubles, which is enough because
 * both ends are the same program on the same machine (fork), while every
 * pointer is replaced by its count and its elements.
 */
#define _POSIX_C_SOURCE 200809L
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "engine/util.h"
#include "models/child.h"

/* The children this process has started and not yet reaped, for
 * child_kill_all (read from a signal handler, hence sig_atomic_t slots). */
#define MAX_LIVE 16
static volatile sig_atomic_t live[MAX_LIVE];

static void live_add(pid_t pid)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] == 0) {
			live[i] = (sig_atomic_t)pid;
			return;
		}
}

static void live_remove(pid_t pid)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] == (sig_atomic_t)pid)
			live[i] = 0;
}

void child_kill_all(void)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] > 0)
			kill((pid_t)live[i], SIGKILL);
}

int child_start(struct child *c)
{
	pid_t parent = getpid();
	int fds[2];
	c->pid = -1;
	c->fd = -1;
	if (pipe(fds) != 0)
		return -1;
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	close(fds[pid == 0 ? 0 : 1]);
	c->fd = fds[pid == 0 ? 1 : 0];
	c->pid = pid;
	if (pid > 0) {
		live_add(pid);
		return 1;
	}
	/* The child's work dies with the parent, however the parent ends. */
	for (int i = 0; i < MAX_LIVE; i++)
		live[i] = 0;
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent)
		_exit(1);
	return 0;
}

bool child_ready(const struct child *c)
{
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	return c->pid > 0 && poll(&pfd, 1, 0) > 0;
}

bool child_wait(const struct child *c, double seconds)
{
	if (c->pid <= 0)
		return false;
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	double ms = seconds > 0 ? seconds * 1000 : 0;
	return poll(&pfd, 1, ms > 2e9 ? 2000000000 : (int)ms) > 0;
}

void wire_release(struct wire *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}

static void wire_put(struct wire *w, const void *v, size_t n)
{
	xgrow((void **)&w->buf, &w->alloc, w->len + n + 1, 1);
	memcpy(w->buf + w->len, v, n);
	w->len += n;
}

static int wire_get(struct wire *w, void *v, size_t n)
{
	if (w->bad || w->len - w->pos < n) {
		w->bad = true;
		memset(v, 0, n);
		return -1;
	}
	memcpy(v, w->buf + w->pos, n);
	w->pos += n;
	return 0;
}

void wire_put_int(struct wire *w, int v)
{
	wire_put(w, &v, sizeof(v));
}

void wire_put_double(struct wire *w, double v)
{
	wire_put(w, &v, sizeof(v));
}

void wire_put_ints(struct wire *w, const int *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		wire_put_int(w, v[i]);
}

int wire_get_int(struct wire *w)
{
	int v;
	wire_get(w, &v, sizeof(v));
	return v;
}

double wire_get_double(struct wire *w)
{
	double v;
	wire_get(w, &v, sizeof(v));
	return v;
}

int wire_get_ints(struct wire *w, int *v, size_t n)
{
	if (w->bad || (w->len - w->pos) / sizeof(int) < n) {
		w->bad = true;
		memset(v, 0, sizeof(int) * n);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = wire_get_int(w);
	return 0;
}

bool wire_done(const struct wire *w)
{
	return !w->bad && w->pos == w->len;
}

int child_send(const struct child *c, const struct wire *w)
{
	unsigned long long n = w->len;
	if (write_full(c->fd, &n, sizeof(n)) != 0 || write_full(c->fd, w->buf, w->len) != 0)
		return -1;
	return 0;
}

_Noreturn void child_exit(bool ok)
{
	_exit(ok ? 0 : 1);
}

/* Closes the pipe and reaps the child. */
static void child_finish(struct child *c)
{
	close(c->fd);
	waitpid(c->pid, NULL, 0);
	live_remove(c->pid);
	c->pid = -1;
	c->fd = -1;
}

int child_collect(struct child *c, struct wire *w)
{
	memset(w, 0, sizeof(*w));
	if (c->pid <= 0)
		return -1;
	unsigned long long n;
	int rc = read_full(c->fd, &n, sizeof(n));
	if (rc == 0) {
		w->buf = xmalloc((size_t)n + 1);
		w->alloc = (size_t)n + 1;
		w->len = (size_t)n;
		rc = read_full(c->fd, w->buf, w->len);
	}
	child_finish(c);
	if (rc != 0)
		wire_release(w);
	return rc;
}

void child_cancel(struct child *c, int sig)
{
	if (c->pid <= 0)
		return;
	kill(c->pid, sig);
	if (sig == SIGKILL)
		child_finish(c);
}
