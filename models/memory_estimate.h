/*
 * memory_estimate.h - the memory a solve will need at most, from the
 * scenario's size alone, before any model is built.
 *
 * A district's export can be far larger than a school (a whole district's
 * learners in one file, every score of every goal); such a scenario should
 * be refused with a reason at once, not killed by the kernel after minutes.
 * The estimate adds up the parts that grow with the scenario, each an upper
 * figure calibrated against measured peak memory (bench/TUNING.md).
 */
#ifndef MCL_MEMORY_ESTIMATE_H
#define MCL_MEMORY_ESTIMATE_H

#include "engine/problem.h"

enum memory_part_kind {
	MEM_PROGRAM,        /* the program, its libraries, the scenario as read */
	MEM_SEARCH,         /* the schedule being searched and its copies */
	MEM_BLOCK_MIPS,     /* per-block (period) MIPs, two at once */
	MEM_BOUND_LP,       /* the aggregated LP of the whole cycle */
	MEM_SEMINARS,       /* the seminar section MIP and its patterns */
	MEM_SUB_MIPS,       /* re-seating, window and exact MIPs (size-capped) */
	MEM_PARTS
};

struct memory_estimate {
	double mib[MEM_PARTS];      /* each part, MiB */
	double total_mib;
	enum memory_part_kind largest;
};

/* Estimates the memory a solve of p under its configured model needs. */
void memory_estimate(const struct problem *p, struct memory_estimate *e);

/* What a part is, for people: "the per-block MIPs (learners x options)". */
const char *memory_part_name(enum memory_part_kind k);

/*
 * NULL when e fits p's solver.max_memory_mb; else the refusal for people
 * (caller frees): the estimate, the limit and the largest part.
 */
char *memory_refusal(const struct problem *p, const struct memory_estimate *e);

#endif
