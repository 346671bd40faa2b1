#!/bin/sh
# Repeatability: the bundled example, solved twice with the same settings (a
# long --time-limit, so that a sanitizer build also ends by the gap)
# while two busy loops load the machine, gives byte-identical sessions.csv,
# timetable.csv and unmet.csv, and summary.csv rows equal but for
# solve_seconds (docs/cli.md, "Repeatable runs").  So does a one-day
# generated school of every model of the table (models/model.c): the runs
# a refactoring of a model compares before and after.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
GEN=$BUILD/mclsched-gen
T=$(mktemp -d /tmp/mclsched-repeat-XXXXXX)
hogs=""
cleanup() {
	for h in $hogs; do kill "$h" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
fails=0
fail() { echo "repeat.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

"$BIN" solve examples/small -o "$T/a" --time-limit 600 -q || fail "first solve failed"
models="workshop seminar combination power-goal"
for m in $models; do
	"$GEN" --learners 50 --seed 1 --days 1 --model "$m" -o "$T/$m" >/dev/null 2>&1 ||
		fail "mclsched-gen --model $m failed"
	"$BIN" solve "$T/$m" -o "$T/$m.a" --time-limit 600 --gap 0.02 --seed 1 -q ||
		fail "$m: first solve failed"
done
for i in 1 2; do
	sh -c 'while :; do :; done' &
	hogs="$hogs $!"
done
"$BIN" solve examples/small -o "$T/b" --time-limit 600 -q || fail "solve under load failed"
stopped=$(awk -F, '$1 == "stopped_by" {print $2}' "$T/a/summary.csv")
case $stopped in
gap | search_done) ;;
*) fail "the default run of examples/small stopped by '$stopped': not a repeatable run" ;;
esac
for f in sessions.csv timetable.csv unmet.csv; do
	cmp -s "$T/a/$f" "$T/b/$f" || fail "$f differs between an idle run and one under load"
done
for m in $models; do
	"$BIN" solve "$T/$m" -o "$T/$m.b" --time-limit 600 --gap 0.02 --seed 1 -q ||
		fail "$m: solve under load failed"
	stopped=$(awk -F, '$1 == "stopped_by" {print $2}' "$T/$m.a/summary.csv")
	case $stopped in
	gap | search_done) ;;
	*) fail "$m: stopped by '$stopped': not a repeatable run" ;;
	esac
	for f in sessions.csv timetable.csv; do
		cmp -s "$T/$m.a/$f" "$T/$m.b/$f" ||
			fail "$m: $f differs between an idle run and one under load"
	done
done
grep -v '^solve_seconds,' "$T/a/summary.csv" >"$T/a.sum"
grep -v '^solve_seconds,' "$T/b/summary.csv" >"$T/b.sum"
cmp -s "$T/a.sum" "$T/b.sum" || fail "summary.csv differs beyond solve_seconds: $(diff "$T/a.sum" "$T/b.sum" | head -4)"
[ "$fails" -eq 0 ] || exit 1
echo "repeat.sh: ok"
