#!/bin/sh
# The command line itself: --help and --version on stdout with exit 0; every
# usage error exits 1 with the usage on stderr and nothing on stdout.
# (mclsched-gen's own command line is tested in gen.sh.)
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-basics-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "basics.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

# run CMD...: leaves the exit status in rc, output in $T/out and $T/err
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# usage_error CMD...: exit 1, usage on stderr, stdout empty
usage_error() {
	run "$@"
	[ "$rc" -eq 1 ] || fail "exit $rc, want 1: $*"
	[ ! -s "$T/out" ] || fail "stdout not empty: $*"
	grep -q "^usage: mclsched" "$T/err" || fail "no usage on stderr: $*"
}

run "$BIN" --help
[ "$rc" -eq 0 ] || fail "--help: exit $rc"
grep -q "^usage: mclsched solve" "$T/out" || fail "--help: no usage on stdout"
for cmd in check verify compare; do
	grep -q "mclsched $cmd" "$T/out" || fail "--help does not mention '$cmd'"
done
[ ! -s "$T/err" ] || fail "--help wrote to stderr"
run "$BIN" -h
[ "$rc" -eq 0 ] && grep -q "^usage:" "$T/out" || fail "-h: exit $rc or no usage"

run "$BIN" --version
[ "$rc" -eq 0 ] || fail "--version: exit $rc"
grep -q "^mclsched [0-9]" "$T/out" || fail "--version: '$(cat "$T/out")'"
[ "$(wc -l <"$T/out")" -eq 1 ] || fail "--version: not one line"

usage_error "$BIN"
usage_error "$BIN" frobnicate
grep -q "unknown command 'frobnicate'" "$T/err" || fail "unknown command: message names it"
usage_error "$BIN" check
usage_error "$BIN" check a b
usage_error "$BIN" verify a
usage_error "$BIN" solve
usage_error "$BIN" solve --gap 2 x
grep -q -- "--gap" "$T/err" || fail "--gap 2: message does not name the option"
usage_error "$BIN" solve --gap abc x
usage_error "$BIN" solve --time-limit abc x
grep -q -- "--time-limit" "$T/err" || fail "--time-limit abc: message does not name the option"
usage_error "$BIN" solve --time-limit 0 x
# beyond 1e6 s the limits would overflow GLPK's milliseconds (it aborted)
usage_error "$BIN" solve --time-limit 1e12 x
usage_error "$BIN" solve --bogus x
usage_error "$BIN" solve a b
usage_error "$BIN" compare
usage_error "$BIN" compare a

# Not usage errors: a missing scenario is bad input (2), written nowhere.
run "$BIN" check "$T/nonexistent"
[ "$rc" -eq 2 ] || fail "check of a missing directory: exit $rc, want 2"
[ ! -s "$T/out" ] || fail "check of a missing directory: stdout not empty"
run "$BIN" compare "$T/none1" "$T/none2"
[ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] || fail "compare of missing directories: exit $rc"

[ "$fails" -eq 0 ] || exit 1
echo "basics.sh: all passed"
