/*
 * child.h - runs work in a forked child process joined by a pipe, and the
 * explicit wire format of what crosses that pipe.
 *
 * GLPK is not reentrant, so a second process is how a model uses the
 * machine's second core (the bound, the parallel re-seating, the second
 * search).  The lifecycle is Git's run-command shape: child_start forks,
 * the child does its work and ends with child_send + child_exit, and the
 * parent either collects the message (child_collect) or cancels the child
 * (child_cancel).  A message is a struct wire: a byte buffer written field
 * by field (wire_put_*) and read back in the same order (wire_get_*), so
 * no struct, and never a pointer, crosses the pipe as raw memory.
 */
#ifndef MCL_CHILD_H
#define MCL_CHILD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct child {
	pid_t pid;      /* in the parent, the child's; 0 in the child; -1 when
			 * there is no child (fork failed, or finished) */
	int fd;         /* the pipe: read end in the parent, write end in the
			 * child; -1 when none */
};

#define CHILD_NONE { .pid = -1, .fd = -1 }

/*
 * Forks a child joined to this process by a pipe.  Returns 1 in the parent
 * (a child runs), 0 in the child, -1 when there is no child (the caller
 * does the work itself).  stderr is flushed first so that buffered lines
 * are not printed twice.
 */
int child_start(struct child *c);

/* In the parent: whether the child's message can be read without waiting
 * (it has written, or ended). */
bool child_ready(const struct child *c);

/* In the parent: waits up to seconds for the child's message to be
 * readable.  Returns whether it is; false also when a signal interrupted the
 * wait (the caller checks its stop flag). */
bool child_wait(const struct child *c, double seconds);

/* A message in the wire format.  Writers append; readers consume from pos
 * and set bad (every later read then gives zeros) on reading past the end. */
struct wire {
	unsigned char *buf;
	size_t len, alloc, pos;
	bool bad;
};

#define WIRE_INIT { 0 }

void wire_release(struct wire *w);
void wire_put_int(struct wire *w, int v);
void wire_put_double(struct wire *w, double v);
/* n ints (n itself is not written: put the count first). */
void wire_put_ints(struct wire *w, const int *v, size_t n);
int wire_get_int(struct wire *w);
double wire_get_double(struct wire *w);
/* Reads n ints into v; returns -1 (and sets bad) when fewer are left. */
int wire_get_ints(struct wire *w, int *v, size_t n);
/* Whether the whole message was read and nothing was missing. */
bool wire_done(const struct wire *w);

/* In the child: sends the message w (its length, then its bytes).  Returns
 * 0, or -1 on a broken pipe. */
int child_send(const struct child *c, const struct wire *w);

/* In the child: ends the process with status ok ? 0 : 1 (never returns;
 * no atexit handlers, no stdio flush of the parent's buffers). */
_Noreturn void child_exit(bool ok);

/*
 * In the parent: reads the child's message into w (which it then owns;
 * wire_release) and waits for the child to end.  Returns 0, or -1 when the
 * child sent nothing whole (it failed, or was cancelled): w is then empty.
 * No-op returning -1 when there is no child.
 */
int child_collect(struct child *c, struct wire *w);

/* In the parent: sends sig to the child (SIGKILL: drop its work; SIGTERM:
 * ask it to stop and send what it has, collected next with child_collect).
 * After SIGKILL the child is reaped at once and c has no child. */
void child_cancel(struct child *c, int sig);

/* Sends SIGKILL to every child this process started and has not reaped.
 * Async-signal-safe: for the program's handler of a second Ctrl-C.  (A
 * child also dies with its parent, on Linux, whatever ends the parent.) */
void child_kill_all(void);

#endif
