#!/bin/sh
# The command line itself: --help, --version, usage errors and their exit
# codes, stdout kept for what was asked.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-basics-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "basics.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
expect() { # code, stdout wanted (empty|nonempty), then the command
	code=$1
	out=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "exit $rc, want $code: $*"
	if [ "$out" = empty ]; then
		[ ! -s "$T/out" ] || fail "stdout not empty: $*"
	else
		[ -s "$T/out" ] || fail "stdout empty: $*"
	fi
}

expect 0 nonempty "$BIN" --help
grep -q "^usage: mclsched solve" "$T/out" || fail "--help lacks usage"
expect 0 nonempty "$BIN" --version
grep -q "^mclsched [0-9]" "$T/out" || fail "--version format"
expect 1 empty "$BIN"
grep -q "usage:" "$T/err" || fail "no arguments: no usage on stderr"
expect 1 empty "$BIN" frobnicate
grep -q "unknown command 'frobnicate'" "$T/err" || fail "unknown command message"
expect 1 empty "$BIN" check
expect 1 empty "$BIN" check a b
expect 1 empty "$BIN" verify a
expect 1 empty "$BIN" solve
expect 1 empty "$BIN" solve --gap 2 tests/data/tiny
expect 1 empty "$BIN" solve --time-limit abc tests/data/tiny
expect 1 empty "$BIN" solve --bogus tests/data/tiny
expect 1 empty "$BIN" compare a
expect 4 empty "$BIN" compare a b
expect 2 empty "$BIN" check /nonexistent/scenario
expect 1 empty "$BUILD/mclsched-gen"
expect 1 empty "$BUILD/mclsched-gen" --learners 10 --seed 1 -o "$T/x"

[ "$fails" -eq 0 ] || exit 1
echo "basics.sh: all passed"
