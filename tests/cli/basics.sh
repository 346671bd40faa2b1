#!/bin/sh
# The command line itself: --help, help and --version on stdout with exit 0;
# every usage error exits 1 with the usage on stderr and nothing on stdout;
# an output path that cannot be written is a usage error found before any
# solving; without -o the schedule goes to SCENARIO_DIR/out.
# (mclsched-gen's own command line is tested in gen.sh.)
set -u
. tests/support/cli.sh

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

# Every command's --help (and -h, and `help COMMAND`): its usage on stdout, exit 0.
for cmd in solve check verify compare; do
	for ask in "$cmd --help" "$cmd -h" "help $cmd"; do
		run "$BIN" $ask
		[ "$rc" -eq 0 ] || fail "$ask: exit $rc, want 0"
		grep -q "^usage: mclsched $cmd " "$T/out" || fail "$ask: no usage of $cmd on stdout"
		[ ! -s "$T/err" ] || fail "$ask: wrote to stderr"
	done
done
run "$BIN" solve examples/small --help
[ "$rc" -eq 0 ] && grep -q -- "--time-limit" "$T/out" || fail "solve DIR --help: exit $rc or no options"
run "$BIN" help
[ "$rc" -eq 0 ] && grep -q "^usage: mclsched solve" "$T/out" || fail "help: exit $rc or no usage"
grep -q "mclsched verify" "$T/out" || fail "help does not list verify"
usage_error "$BIN" help frobnicate
grep -q "frobnicate" "$T/err" || fail "help frobnicate: message does not name it"
usage_error "$BIN" help solve check

# ms: milliseconds since the epoch
ms() { echo $(($(date +%s%N) / 1000000)); }

# bad_out WHY CMD...: exit 1 within a second (nothing solved), the path in
# the message, nothing on stdout
bad_out() {
	why=$1
	shift
	t0=$(ms)
	run "$@"
	took=$(($(ms) - t0))
	[ "$rc" -eq 1 ] || fail "$why: exit $rc, want 1 ($(head -c 300 "$T/err"))"
	[ "$took" -lt 1000 ] || fail "$why: took $took ms: solved before checking the path?"
	[ ! -s "$T/out" ] || fail "$why: stdout not empty"
	grep -q "nothing was solved" "$T/err" || fail "$why: message: $(cat "$T/err")"
}
: >"$T/afile"
mkdir "$T/other" && echo mine >"$T/other/keep.txt"
bad_out "-o an existing file" "$BIN" solve examples/small -o "$T/afile"
grep -qF "'$T/afile' exists and is not a directory" "$T/err" || fail "-o file: $(cat "$T/err")"
bad_out "-o below a file" "$BIN" solve examples/small -o "$T/afile/sub/out"
grep -qF "'$T/afile' is not a directory" "$T/err" || fail "-o below a file: $(cat "$T/err")"
bad_out "-o /proc/x" "$BIN" solve examples/small -o /proc/x
grep -qF "'/proc/x' cannot be created" "$T/err" || fail "-o /proc/x: $(cat "$T/err")"
bad_out "-o someone else's directory" "$BIN" solve examples/small -o "$T/other"
grep -q "not an mclsched output directory" "$T/err" || fail "-o other: $(cat "$T/err")"
[ -f "$T/other/keep.txt" ] || fail "-o other: its file is gone"
if [ "$(id -u)" -ne 0 ]; then   # root writes wherever the bits say not
	mkdir "$T/ro" && chmod 555 "$T/ro"
	bad_out "-o in a read-only directory" "$BIN" solve examples/small -o "$T/ro/out"
	chmod 755 "$T/ro"
fi
bad_out "--write-lp /proc/x.lp" "$BIN" solve examples/small -o "$T/lp.out" --write-lp /proc/x.lp
grep -qF "'/proc/x.lp'" "$T/err" || fail "--write-lp /proc: $(cat "$T/err")"
bad_out "--write-lp a directory" "$BIN" solve examples/small -o "$T/lp.out" --write-lp "$T"
[ ! -e "$T/lp.out" ] || fail "a refused solve left an output directory"
ls -a "$T" | grep -q "mclsched-probe" && fail "a probe directory was left behind"
# output.dir of scenario.conf: checked too, once the scenario is read
cp -r examples/small "$T/procout"
echo 'output { dir = "/proc/x" }' >>"$T/procout/scenario.conf"
bad_out "output.dir /proc/x" "$BIN" solve "$T/procout"
grep -qF "output.dir" "$T/err" || fail "output.dir /proc/x: message does not say where the path came from"

# Without -o: output.dir (default "out") taken from the scenario directory,
# not the current one.
cp -r examples/small "$T/school"
mkdir "$T/elsewhere"
abs_bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$T/elsewhere" && "$abs_bin" solve "$T/school" --time-limit 2 -q) >"$T/out" 2>"$T/err" ||
	fail "solve without -o: exit $? ($(head -c 300 "$T/err"))"
[ -s "$T/school/out/summary.csv" ] || fail "solve without -o: no SCENARIO_DIR/out/summary.csv"
[ -z "$(ls "$T/elsewhere")" ] || fail "solve without -o wrote in the current directory"

# Not usage errors: a missing scenario is bad input (2), written nowhere.
run "$BIN" check "$T/nonexistent"
[ "$rc" -eq 2 ] || fail "check of a missing directory: exit $rc, want 2"
[ ! -s "$T/out" ] || fail "check of a missing directory: stdout not empty"
run "$BIN" compare "$T/none1" "$T/none2"
[ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] || fail "compare of missing directories: exit $rc"

[ "$fails" -eq 0 ] || exit 1
echo "basics.sh: all passed"
