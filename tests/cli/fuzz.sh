#!/bin/sh
# A short fuzzing run as part of make test: every harness of tests/fuzz/ for
# FUZZ_SECONDS (default 20) from its seeds and a fresh corpus, so that a
# reader change that crashes, leaks or trips a sanitizer on a nearby input
# fails the suite.  make test builds the harnesses (build-fuzz/) when clang
# is installed; without clang this test is skipped, and says so.
# FUZZ_SECONDS=0 skips it too (.ci/run's sanitizer pass: the same harnesses
# already ran in the plain pass).
set -u
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz.sh: skipped: clang is not installed (make deps installs clang and libclang-rt-14-dev)"
	exit 0
fi
if [ "$FUZZ_SECONDS" = 0 ]; then
	echo "fuzz.sh: skipped: FUZZ_SECONDS=0"
	exit 0
fi
for h in tests/fuzz/fuzz_*.c; do
	h=$(basename "$h" .c)
	[ -x "$FUZZ_BUILD/$h" ] || { echo "fuzz.sh: FAIL: $FUZZ_BUILD/$h not built (make fuzz-build)" >&2; exit 1; }
done
corpus=$(mktemp -d "${TMPDIR:-/tmp}/mclsched-fuzz-corpus-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
if FUZZ_BUILD=$FUZZ_BUILD FUZZ_SECONDS=$FUZZ_SECONDS FUZZ_CORPUS=$corpus \
	FUZZ_LOGS=$FUZZ_BUILD/logs-test sh tests/fuzz/run.sh; then
	echo "fuzz.sh: passed"
else
	echo "fuzz.sh: FAIL: a finding (see above; the input is in $FUZZ_BUILD/artifacts/, the log in $FUZZ_BUILD/logs-test/)" >&2
	exit 1
fi
