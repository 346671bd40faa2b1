#!/bin/sh
# mclsched-itc2019 (bench/itc2019.c), the converter of make bench's
# real-demand schools, on a hand-made instance in the ITC 2019 format
# (tests/data/itc2019/tiny.xml; the real instances are not in the
# repository): the scenario passes `mclsched check`, is solved and
# verified; courses become goals as docs/bench.md says (a course whose
# classes need no room is online; sessions are the first configuration's
# subparts; min_group is the demand when below 3); the same instance gives
# the same files; bad instances exit 2 with FILE:LINE and write nothing;
# usage errors exit 1.
set -u
. tests/support/cli.sh
ITC=$BUILD/mclsched-itc2019
X=tests/data/itc2019/tiny.xml
ARGS="--days 2 --blocks-per-day 2 --learners-per-facilitator 4 --areas 2"

# 1. a scenario mclsched accepts, solves and verifies
# shellcheck disable=SC2086
"$ITC" "$X" -o "$T/s" $ARGS 2>"$T/err" || fail "convert: $(cat "$T/err")"
"$BIN" check "$T/s" >/dev/null 2>"$T/err" || fail "check: $(head -c 400 "$T/err")"
"$BIN" solve "$T/s" -o "$T/out" --time-limit 10 -q 2>"$T/err" || fail "solve: $(head -c 300 "$T/err")"
"$BIN" verify "$T/s" "$T/out" >"$T/v" 2>&1 || fail "verify: $(head -c 300 "$T/v")"
[ "$(wc -l <"$T/s/learners.csv")" -eq 9 ] || fail "learners: want the 8 students"
[ "$(wc -l <"$T/s/blocks.csv")" -eq 5 ] || fail "blocks: want 2 days of 2"
[ "$(wc -l <"$T/s/facilitators.csv")" -eq 3 ] || fail "facilitators: want ceil(8/4) = 2"
grep -q '^C10,A01,facilitated,3,24,2$' "$T/s/goals.csv" || fail "C10: two subparts, limit 24"
grep -q '^C12,Online,online,' "$T/s/goals.csv" || fail "C12: no room, want online"
grep -q '^C13,A02,facilitated,2,5,1$' "$T/s/goals.csv" || fail "C13: demand 2, limit 3 -> 5"
[ "$(grep -c '^S3,' "$T/s/needs.csv")" -eq 3 ] || fail "S3: want its 3 course requests"

# 2. the same instance and options give the same files
# shellcheck disable=SC2086
"$ITC" "$X" -o "$T/s2" $ARGS 2>/dev/null || fail "convert again"
diff -r "$T/s" "$T/s2" >/dev/null || fail "two conversions differ"
"$ITC" "$X" -o "$T/s3" --learners 3 2>/dev/null || fail "--learners 3"
[ "$(wc -l <"$T/s3/learners.csv")" -eq 4 ] || fail "--learners 3: want the first 3 students"

# 3. bad instances: FILE:LINE, exit 2, nothing written
bad() {   # name, expected line, file
	rc=0
	"$ITC" "$3" -o "$T/bad-$1" >/dev/null 2>"$T/err" || rc=$?
	[ "$rc" -eq 2 ] || fail "$1: exit $rc, want 2"
	grep -q "^$3:$2: " "$T/err" || fail "$1: want $3:$2: in: $(head -c 300 "$T/err")"
	[ ! -e "$T/bad-$1" ] || fail "$1: output written"
}
sed 's|<course id="13"/></student>|<course id="99"/></student>|' "$X" >"$T/unknown.xml"
bad unknown-course "$(grep -n 'course id="99"' "$T/unknown.xml" | cut -d: -f1)" "$T/unknown.xml"
sed 's|<room id="2" capacity="12"/>|<room id="2" capacity="twelve"/>|' "$X" >"$T/cap.xml"
bad capacity "$(grep -n 'twelve' "$T/cap.xml" | cut -d: -f1)" "$T/cap.xml"
sed '/<student id=/d' "$X" >"$T/nostudents.xml"
bad no-students "$(grep -n '<students>' "$T/nostudents.xml" | cut -d: -f1)" "$T/nostudents.xml"
head -20 "$X" >"$T/cut.xml"
bad truncated "[0-9]*" "$T/cut.xml"
bad missing "0" "$T/no-such.xml"

# 4. usage errors: exit 1
for a in "" "$X" "-o $T/u" "$X -o $T/u --days 9" "$X -o $T/u --frob"; do
	rc=0
	# shellcheck disable=SC2086
	"$ITC" $a >/dev/null 2>&1 || rc=$?
	[ "$rc" -eq 1 ] || fail "'$a': exit $rc, want 1"
done
rc=0
"$ITC" "$X" -o "$T/s" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "a non-empty directory: exit $rc, want 1"
"$ITC" --help | grep -q usage || fail "--help"

[ "$fails" -eq 0 ] && echo "itc2019.sh: ok" >&2
[ "$fails" -eq 0 ]
