#!/bin/sh
# solver.max_memory_mb: a scenario whose estimated memory is above it is
# refused before solving (exit 2, nothing written) with the estimate and its
# largest part; `check` prints the estimate and refuses the same way; the
# same school under the default limit checks clean.
set -u
. tests/support/cli.sh

"$GEN" --learners 3000 --seed 1 -o "$T/school" >/dev/null 2>&1 || fail "mclsched-gen failed"
"$BIN" check "$T/school" >"$T/out" 2>"$T/err" || fail "default limit: check exit $?"
est=$(sed -n 's/^memory *\([0-9]*\) MiB at most (largest part: .*)$/\1/p' "$T/out")
[ -n "$est" ] || fail "check prints no memory line: $(cat "$T/out")"
[ "${est:-0}" -gt 64 ] || fail "the 3000-learner school's estimate ${est:-?} MiB is not above 64"

sed -i 's/^solver {/solver { max_memory_mb = 64 /' "$T/school/scenario.conf"
"$BIN" solve "$T/school" -o "$T/out.dir" --time-limit 30 >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "over the limit: solve exit $rc, want 2 ($(head -c 300 "$T/err"))"
grep -q "error: scenario.conf: the scenario would need about $est MiB, above solver.max_memory_mb = 64; the largest part is " "$T/err" ||
	fail "over the limit: message: $(cat "$T/err")"
grep -q "nothing was solved" "$T/err" || fail "over the limit: does not say nothing was solved"
[ ! -e "$T/out.dir" ] || fail "over the limit: an output directory was written"
[ ! -s "$T/out" ] || fail "over the limit: printed on stdout"
"$BIN" check "$T/school" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "over the limit: check exit $rc, want 2"
grep -q "above solver.max_memory_mb = 64" "$T/err" || fail "over the limit: check message: $(cat "$T/err")"

[ "$fails" -eq 0 ] || exit 1
echo "memory_limit.sh: all passed (estimate $est MiB)"
