#!/bin/sh
# Runs fuzz harnesses one after another, each for FUZZ_SECONDS (default 300),
# under nice, from the seeds of seeds.sh plus the corpus kept in FUZZ_CORPUS
# (default FUZZ_BUILD/corpus, so that later runs start where earlier ones
# stopped).  Leaks count as findings.  Prints one line a harness with its
# executions; a finding prints libFuzzer's report, leaves the input that
# caused it in FUZZ_BUILD/artifacts/, and makes the exit status 1.  The
# logs go to FUZZ_LOGS (default FUZZ_BUILD/logs).
# Usage: sh tests/fuzz/run.sh [HARNESS...]   (csv, config, check, case; default all)
set -u
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-300}
FUZZ_CORPUS=${FUZZ_CORPUS:-$FUZZ_BUILD/corpus}
FUZZ_LOGS=${FUZZ_LOGS:-$FUZZ_BUILD/logs}
[ $# -gt 0 ] || set -- $(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c; done | sed "s/^fuzz_//")
seeds=$(mktemp -d "${TMPDIR:-/tmp}/mclsched-fuzz-seeds-XXXXXX")
trap 'rm -rf "$seeds"' EXIT
sh tests/fuzz/seeds.sh "$seeds" || exit 1
mkdir -p "$FUZZ_BUILD/artifacts" "$FUZZ_LOGS"
# abort_on_error makes a sanitizer report end the run as a crash does;
# UBSan reports are fatal because the harnesses are built with
# -fno-sanitize-recover
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
status=0
for h in "$@"; do
	bin=$FUZZ_BUILD/fuzz_$h
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is not built (make fuzz-build)" >&2
		status=1
		continue
	fi
	mkdir -p "$FUZZ_CORPUS/$h"
	dict=
	[ -f "tests/fuzz/$h.dict" ] && dict=-dict=tests/fuzz/$h.dict
	log=$FUZZ_LOGS/$h.log
	# -timeout: an input that takes 60 s is a hang (every input takes
	# milliseconds, but a niced process on a loaded machine can stall for
	# 20 s: a shorter limit reports the machine, not the reader);
	# -max_len: a whole scenario the size of tests/data/tiny fits, and
	# inputs stay small enough to run many (the 100 MB inputs are
	# tests/cli/bad_inputs.sh's)
	max_len=4096
	[ "$h" = check ] || [ "$h" = case ] && max_len=8192
	nice -n 10 "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=60 -max_len=$max_len \
		-print_final_stats=1 -artifact_prefix="$FUZZ_BUILD/artifacts/$h-" $dict \
		"$FUZZ_CORPUS/$h" "$seeds/$h" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $h: ${execs:-?} executions in ${FUZZ_SECONDS} s, no finding"
	else
		echo "fuzz $h: FINDING (exit $rc) after ${execs:-?} executions; log $log" >&2
		grep -E "ERROR|runtime error|SUMMARY|Test unit written|^    #[0-9]" "$log" | head -n 40 >&2
		status=1
	fi
done
exit $status
