/*
 * builder.h - builds small struct problem values in memory for unit tests,
 * without going through the CSV loader.
 *
 *   struct builder *tb = tb_new();
 *   int b = tb_block(tb, "Mon1", BLOCK_WORKSHOP);
 *   int l = tb_learner(tb, "L1");
 *   ...
 *   struct problem *p = tb_finish(tb);   // tb is freed; problem_free(p) later
 *
 * Entities get the contract's defaults; setters adjust them before finish.
 */
#ifndef MCL_TEST_BUILDER_H
#define MCL_TEST_BUILDER_H

#include "engine/problem.h"

struct builder;

struct builder *tb_new(void);
int tb_block(struct builder *tb, const char *id, enum block_kind kind);
/* Blocks are on day "Mon" unless moved. */
void tb_block_day(struct builder *tb, int b, const char *day);
int tb_learner(struct builder *tb, const char *id);
/* Learner "L<i>" (numbered schools). */
int tb_learner_numbered(struct builder *tb, int i);
int tb_facilitator(struct builder *tb, const char *id);
int tb_room(struct builder *tb, const char *id, int capacity, const char *feature);
/* A facilitated goal (area "A") with min/max group and default sessions. */
int tb_goal(struct builder *tb, const char *id, int min_group, int max_group, int sessions);
void tb_goal_online(struct builder *tb, int g);
void tb_goal_feature(struct builder *tb, int g, const char *feature);
void tb_need(struct builder *tb, int l, int g, int priority, int sessions);
void tb_need_not_ready(struct builder *tb, int l, int g, int priority, int sessions);
void tb_level(struct builder *tb, int f, int g, enum level level);
void tb_learner_unavailable(struct builder *tb, int l, int b);
void tb_facilitator_unavailable(struct builder *tb, int f, int b);
void tb_facilitator_max(struct builder *tb, int f, int max_sessions);
void tb_room_unavailable(struct builder *tb, int r, int b);
void tb_model(struct builder *tb, enum model_kind model);
/* An area name (interned); goals start in area 0, "A". */
int tb_area(struct builder *tb, const char *name);
void tb_goal_area(struct builder *tb, int g, int area);
/* Adds area to the block's areas list (an empty list allows every area). */
void tb_block_area(struct builder *tb, int b, int area);
int tb_seminar(struct builder *tb, const char *id, int meetings, int min_size, int max_size);
void tb_seminar_level(struct builder *tb, int f, int s, enum level level);
/* A choice, added in call order (call in rank order per learner). */
void tb_choice(struct builder *tb, int l, int s, int rank, bool eligible);
/* Seminar settings (defaults: 1 section, no feature, no age band). */
void tb_seminar_sections(struct builder *tb, int s, int sections);
void tb_seminar_feature(struct builder *tb, int s, const char *feature);
void tb_seminar_ages(struct builder *tb, int s, int age_min, int age_max);
void tb_learner_age(struct builder *tb, int l, int age);
/* config: seminars_per_learner, lab.feature ("" for none), weights.daily */
void tb_seminars_per_learner(struct builder *tb, int n);
void tb_lab_feature(struct builder *tb, const char *feature);
void tb_daily_weight(struct builder *tb, double w);

/* Turns the builder into a problem (default config) and frees the builder. */
struct problem *tb_finish(struct builder *tb);

/* A deterministic pseudo-random workshop cycle: 3 blocks, 5 goals (one
 * online), 4 facilitators (one limited to 2 sessions), 4 small rooms, and
 * n_learners learners with 3 needs each, one the power goal. */
struct problem *tb_random_cycle(unsigned seed, int n_learners);

#endif
