#!/bin/sh
# Runs every Check suite given as an argument, then the CLI tests in
# tests/cli/*.sh, and ends with one "N passed, N failed" line.
# BUILD names the build directory (build or build-san).
BUILD=${BUILD:-build}
export BUILD
passed=0
failed=0
for t in "$@"; do
	if "$t"; then
		passed=$((passed + 1))
	else
		echo "FAIL: $t" >&2
		failed=$((failed + 1))
	fi
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	if sh "$t"; then
		passed=$((passed + 1))
	else
		echo "FAIL: $t" >&2
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
