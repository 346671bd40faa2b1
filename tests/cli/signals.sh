#!/bin/sh
# CLI tests of stopping a solve with signals: SIGINT or SIGTERM at several
# moments writes the best schedule so far, whole and verified, with
# stopped_by = interrupt; a second signal exits at once with the previous
# output untouched; no temporary directory and no helper process remains.
set -u
. tests/support/cli.sh

# A 300-learner combination school: its bound LP runs in a helper process
# for a few seconds and its search for the whole limit, so every signal
# below lands in the middle of the work.
"$GEN" --learners 300 --seed 3 --model combination -o "$T/school" 2>/dev/null ||
	fail "generator failed"
S=$T/school

# Helper processes are forks of the solve: they share its command line.
no_helpers_left() { # what
	sleep 0.3
	if pgrep -f "mclsched solve $S " >/dev/null; then
		fail "$1: a helper process is still running: $(pgrep -af "mclsched solve $S ")"
		pkill -9 -f "mclsched solve $S "
	fi
	# shellcheck disable=SC2010
	if ls "$T" | grep -q -e '\.tmp-' -e '\.old-'; then
		fail "$1: a temporary directory was left: $(ls "$T")"
	fi
}

# solve_and_signal NAME DELAY SIGNAL...: starts a solve into $T/NAME and
# sends the signals after DELAY seconds, back to back.  Sets rc.
solve_and_signal() {
	name=$1 delay=$2
	shift 2
	"$BIN" solve "$S" -o "$T/$name" --time-limit 60 --gap 0 2>"$T/$name.err" &
	pid=$!
	sleep "$delay"
	for sig in "$@"; do
		kill -s "$sig" "$pid"
	done
	wait "$pid"
	rc=$?
}

# 1. One signal, at several moments: the best schedule so far, whole.
for moment in "INT 0.3" "INT 1.5" "TERM 4" "INT 8"; do
	set -- $moment
	name="one-$1-$2"
	solve_and_signal "$name" "$2" "$1"
	if [ "$rc" -eq 0 ]; then
		stopped=$(awk -F, '$1 == "stopped_by" {print $2}' "$T/$name/summary.csv")
		status=$(awk -F, '$1 == "status" {print $2}' "$T/$name/summary.csv")
		gap=$(awk -F, '$1 == "gap" {print $2}' "$T/$name/summary.csv")
		[ "$stopped" = interrupt ] || fail "$name: stopped_by '$stopped', want interrupt"
		[ "$status" = feasible ] || [ "$status" = optimal ] ||
			fail "$name: status '$status'"
		[ -n "$gap" ] || fail "$name: no gap in summary.csv"
		"$BIN" verify "$S" "$T/$name" >/dev/null 2>&1 ||
			fail "$name: the schedule written on $1 does not verify"
	elif [ "$rc" -eq 130 ] || [ "$rc" -eq 143 ]; then
		# stopped before the first schedule existed: nothing written
		[ ! -e "$T/$name" ] || fail "$name: exit $rc but $T/$name was written"
		grep -q "nothing written" "$T/$name.err" || fail "$name: exit $rc without saying so"
	else
		fail "$name: exit $rc ($(tail -3 "$T/$name.err"))"
	fi
	no_helpers_left "$name"
done

# 2. Two signals: exit at once, the previous output exactly as it was.
"$BIN" solve "$S" -o "$T/prev" --time-limit 3 -q || fail "the first solve failed"
(cd "$T/prev" && find . -type f | sort | xargs md5sum) >"$T/prev.md5"
for moment in 0.3 2 5; do
	solve_and_signal prev "$moment" INT TERM
	[ "$rc" -eq 143 ] || [ "$rc" -eq 130 ] ||
		fail "two signals at ${moment} s: exit $rc, want 130 or 143 ($(tail -2 "$T/prev.err"))"
	(cd "$T/prev" && md5sum -c --quiet "$T/prev.md5" >/dev/null 2>&1) ||
		fail "two signals at ${moment} s: the previous output changed"
	no_helpers_left "two signals at ${moment} s"
done

# 3. A signal while the scenario is read ends the run with nothing written.
"$BIN" solve "$S" -o "$T/early" --time-limit 60 2>/dev/null &
pid=$!
kill -s INT "$pid"
wait "$pid"
rc=$?
if [ "$rc" -ne 0 ]; then
	[ ! -e "$T/early" ] || fail "stopped at once (exit $rc) but $T/early was written"
fi
no_helpers_left "a signal at once"

[ "$fails" -eq 0 ] || exit 1
echo "signals.sh: ok"
