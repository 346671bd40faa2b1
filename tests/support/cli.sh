# tests/support/cli.sh - what every CLI test script shares; a script sources it
# from the project's top directory after `set -u` (and after setting BUILD,
# if it takes the build directory as its argument):
#
#   . tests/support/cli.sh
#
# It sets BIN and GEN (the two programs of $BUILD, default build/), T (a
# scratch directory removed on exit), and fail / expect_exit, which count
# failures in $fails; the script ends with its own verdict on $fails.
TEST=${0##*/}
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
T=$(mktemp -d "/tmp/mclsched-${TEST%.sh}-XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "$TEST: FAIL: $*" >&2; fails=$((fails + 1)); }
expect_exit() { # expected, then the command
	want=$1
	shift
	"$@" >"$T/stdout" 2>"$T/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "exit $got, want $want: $* ($(head -c 600 "$T/stderr"))"
}
