# mclsched - one Makefile for the library, the programs, the tests and the bench.
#
#   make run     install missing Debian packages, build, solve examples/small
#   make test    install missing Debian packages, build, run every test
#   make check   the fast suites only (under a minute), no installs
#   make bench   the benchmark table (bench/RESULTS.md); minutes, not seconds
#   make SANITIZE=address,undefined test    the same under sanitizers
#   make fuzz    libFuzzer harnesses (tests/fuzz/), FUZZ_SECONDS (300) each
#   make audit N=100 [SEED=1]   N random schools: bounds against the exact model
#
# Sources are found by wildcard: a new module is a new .c file in engine/,
# models/, inputs/, outputs/ or compare/ (a new command: cli/); a new test
# suite is tests/check_<module>.c
# (tests/support/*.c, shared test helpers such as the problem builder, are
# linked into every suite).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wvla -Wwrite-strings -Wformat=2
ifneq ($(CI),)
WARN    += -Werror
endif

BUILD    = build
ifneq ($(SANITIZE),)
BUILD    = build-san
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
# Check's per-test timeouts bound a hang; sanitized code runs several
# times slower, so they stretch (CK_TIMEOUT_MULTIPLIER set by hand wins)
TEST_ENV = CK_TIMEOUT_MULTIPLIER=$${CK_TIMEOUT_MULTIPLIER:-4}
endif

CONFUSE_CFLAGS := $(shell pkg-config --cflags libconfuse 2>/dev/null)
CONFUSE_LIBS   := $(shell pkg-config --libs libconfuse 2>/dev/null || echo -lconfuse)
JANSSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS   := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
CPPFLAGS += -I. -MMD -MP $(CONFUSE_CFLAGS) $(JANSSON_CFLAGS)
LIBS      = -lglpk -lcsv $(CONFUSE_LIBS) $(JANSSON_LIBS) -lnettle -lxlsxwriter -lm
CHECK_LIBS = -lcheck -lsubunit -lm -lrt -pthread

LIB_SRC  = $(wildcard engine/*.c models/*.c inputs/*.c outputs/*.c compare/*.c)
# the command line (cli/) sits above the library: the program only
CLI_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cli/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB      = $(BUILD)/libmclsched.a
BIN      = $(BUILD)/mclsched
GEN      = $(BUILD)/mclsched-gen
TEST_SRC = $(wildcard tests/check_*.c)
TEST_SUPPORT = $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/support/*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

# The libFuzzer build (clang only): the library with the fuzzer's coverage
# and ASan+UBSan, one program per tests/fuzz/fuzz_*.c, in build-fuzz/.
# -Werror stays with the cc build: clang warns where gcc does not (a format
# passed on in a va_list wrapper).
FUZZ_CC    = clang
FUZZ_BUILD = build-fuzz
FUZZ_WARN  = $(filter-out -Werror,$(WARN)) -Wno-format-nonliteral
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJ   = $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN   = $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 300

.PHONY: all deps test-deps run test check clean fuzz fuzz-build
.SECONDARY:
all: $(BIN) $(GEN)

# make run installs what the program needs; make test also the test tools
deps:
	@sh .ci/install-deps

test-deps:
	@sh .ci/install-deps test

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(GEN): $(BUILD)/bench/gen.o $(BUILD)/bench/gen_check.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_SUPPORT) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

# check_faults makes GLPK fail on demand (tests/check_faults.c)
$(BUILD)/tests/check_faults: LDFLAGS += -Wl,--wrap=glp_simplex -Wl,--wrap=glp_intopt
# check_pump slows the root LP and sees what glp_intopt is asked (tests/check_pump.c)
$(BUILD)/tests/check_pump: LDFLAGS += -Wl,--wrap=glp_simplex -Wl,--wrap=glp_intopt
# check_import makes rename fail on demand (import_commit's way back)
$(BUILD)/tests/check_import: LDFLAGS += -Wl,--wrap=rename

run: deps all
	$(BIN) check examples/small
	$(BIN) solve examples/small -o out/small
	$(BIN) verify examples/small out/small
	@echo "the school's week for people: open out/small/report.html in a browser"

test: test-deps all $(TEST_BIN)
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then $(MAKE) --no-print-directory fuzz-build; fi
	@BUILD=$(BUILD) $(TEST_ENV) sh tests/run.sh $(TEST_BIN)

# The fast suites, for the edit-compile-test loop: every Check suite but the
# model suite (minutes of solving), and the CLI tests that solve nothing or
# only the smallest schools (not seminar.sh: four 10 s solves of a
# 120-learner school and a CBC proof, over 100 s; make test runs it).
CHECK_SLOW = $(BUILD)/tests/check_models
CHECK_CLI  = tests/cli/check_cmd.sh tests/cli/check_counts.sh tests/cli/basics.sh \
	     tests/cli/outdir_full.sh tests/cli/history.sh tests/cli/locks.sh \
	     tests/cli/locks_quality.sh \
	     tests/cli/house.sh tests/cli/power_goal.sh tests/cli/combination_share.sh \
	     tests/cli/stuck.sh tests/cli/rescue.sh tests/cli/cover_rooms.sh tests/cli/cover_leaders.sh \
	     tests/cli/sessions_whole.sh \
	     tests/cli/seminar_days.sh tests/cli/seminar_staff.sh tests/cli/seminar_ws_days.sh \
	     tests/cli/seminar_two_days.sh tests/cli/combination_early.sh \
	     tests/cli/combination_labs.sh
check: all $(filter-out $(CHECK_SLOW),$(TEST_BIN))
	@BUILD=$(BUILD) $(TEST_ENV) CLI_TESTS="$(CHECK_CLI)" sh tests/run.sh \
		$(filter-out $(CHECK_SLOW),$(TEST_BIN))

clean:
	rm -rf build build-san build-fuzz out

# ---- make audit: the property test of bounds (tests/audit/, docs/testing.md)
# N random small schools from seed SEED on, each solved by mclsched and its
# exact model by CBC; failing cases are kept, shrunk, in tests/audit/cases/.
N ?= 20
SEED ?= 1
AUDIT_ARGS ?= --minimize
.PHONY: audit audit-cases
audit: test-deps all
	@python3 tests/audit/audit.py --build $(BUILD) --seeds $(SEED)-$$(($(SEED) + $(N) - 1)) \
		--keep tests/audit/cases $(AUDIT_ARGS)

audit-cases: test-deps all
	@for c in tests/audit/cases/*/; do [ -f "$$c/scenario.conf" ] || continue; \
		echo "== $$c"; python3 tests/audit/audit.py --build $(BUILD) --case "$$c"; done

# ---- make bench: mclsched against the alternatives (bench/run.sh, docs/bench.md)
# The bench programs link the library like the tests do; mclsched-greedy is
# also used by tests/cli/greedy.sh, so `make test` builds it.
BENCH_BIN = $(BUILD)/mclsched-greedy $(BUILD)/mclsched-direct-dat
# the ITC 2019 converter (bench/itc2019.c) alone reads XML: libxml2, a
# dependency of the bench and the tests, not of mclsched
ITC_BIN  = $(BUILD)/mclsched-itc2019
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
.PHONY: bench bench-quick
all: $(BENCH_BIN)

$(BUILD)/mclsched-greedy: $(BUILD)/bench/greedy.o $(BUILD)/bench/tool_args.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/mclsched-direct-dat: $(BUILD)/bench/direct_dat.o $(BUILD)/bench/tool_args.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/bench/itc2019.o: CPPFLAGS += $(XML_CFLAGS)
$(ITC_BIN): $(BUILD)/bench/itc2019.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(XML_LIBS)

# the converter needs libxml2 (install-deps test), so only these build it
test bench bench-quick: $(ITC_BIN)

bench: test-deps all
	@BUILD=$(BUILD) sh bench/run.sh

bench-quick: test-deps all
	@BUILD=$(BUILD) BENCH_QUICK=1 sh bench/run.sh

# ---- make fuzz: libFuzzer harnesses (tests/fuzz/, docs/testing.md)
$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/libmclsched.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_BUILD)/tests/fuzz/scratch.o \
		      $(FUZZ_BUILD)/libmclsched.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -Wl,--wrap=csv_set_blk_size -o $@ $^ $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: test-deps fuzz-build
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

-include $(shell find $(BUILD) $(FUZZ_BUILD) -name '*.d' 2>/dev/null)
