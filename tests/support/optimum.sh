# tests/support/optimum.sh: sourced by the tests of small schools whose
# exact optimum CBC proves on `mclsched solve --write-lp` (tests/cli/
# cover_rooms.sh, seminar_*.sh): the solve must
# reach that optimum, its bound must equal it, the status must be optimal,
# and verify must accept the schedule.
#   expect_optimum NAME DATA_DIR OPTIMUM WHY
# NAME names the test in messages; WHY says what an old build's bound was.
# Uses BUILD (default build); exits 0 when every check holds, else 1.
expect_optimum() {
	name=$1 dir=$2 want=$3 why=$4
	BIN=${BUILD:-build}/mclsched
	T=$(mktemp -d "/tmp/mclsched-$name-XXXXXX")
	trap 'rm -rf "$T"' EXIT
	fails=0
	rc=0
	"$BIN" solve "$dir" -o "$T/out" --time-limit 5 -q 2>"$T/err" || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "$name: FAIL: exit $rc: $(head -c 300 "$T/err")" >&2
		exit 1
	fi
	"$BIN" verify "$dir" "$T/out" >"$T/v" 2>&1 ||
		{ echo "$name: FAIL: verify: $(head -c 300 "$T/v")" >&2; fails=1; }
	o=$(awk -F, '$1 == "objective" {print $2; exit}' "$T/out/summary.csv")
	b=$(awk -F, '$1 == "bound" {print $2; exit}' "$T/out/summary.csv")
	awk -v o="$o" -v w="$want" 'BEGIN {exit !(o == w)}' ||
		{ echo "$name: FAIL: objective $o, want $want (CBC's optimum)" >&2; fails=1; }
	awk -v b="$b" -v w="$want" 'BEGIN {exit !(b >= w - 1e-6 && b <= w + 1e-3)}' ||
		{ echo "$name: FAIL: bound $b, want $want ($why)" >&2; fails=1; }
	grep -q "^status,optimal$" "$T/out/summary.csv" ||
		{ echo "$name: FAIL: status not optimal" >&2; fails=1; }
	[ "$fails" -eq 0 ] && echo "$name: ok" >&2
	exit "$fails"
}
