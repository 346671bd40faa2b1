#!/bin/sh
# Runs every Check suite given as an argument, then the CLI tests in
# tests/cli/*.sh (or, with CLI_TESTS set, only those named there), prints
# each one's result with its wall time, and ends with one
# "N passed, N failed in S s" line.
# BUILD names the build directory (build or build-san).
BUILD=${BUILD:-build}
export BUILD
passed=0
failed=0
start_all=$(date +%s)

# run NAME COMMAND...: runs one suite, prints "time: NAME: S s"
run() {
	name=$1
	shift
	t0=$(date +%s)
	if "$@"; then
		passed=$((passed + 1))
		result=ok
	else
		echo "FAIL: $name" >&2
		failed=$((failed + 1))
		result=FAILED
	fi
	echo "time: $name: $(($(date +%s) - t0)) s ($result)"
}

for t in "$@"; do
	run "$t" "$t"
done
for t in ${CLI_TESTS-tests/cli/*.sh}; do
	[ -f "$t" ] || continue
	run "$t" sh "$t"
done
echo "$passed passed, $failed failed in $(($(date +%s) - start_all)) s"
[ "$failed" -eq 0 ]
