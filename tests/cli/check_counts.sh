#!/bin/sh
# `mclsched check` runs the counting conditions: the bundled school with
# rooms of 5-10 seats cannot seat its learners.  Exit 3, the census still on
# stdout, each short block named with its shortfall, and the remedies those
# of the binding resources (facilitators: rooms stand empty; seats in rooms),
# never the lab's group size (no room is larger than it).
set -u
. tests/support/cli.sh

cp -r examples/small "$T/small-rooms"
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $3 = 5 + NR % 6; print }' \
	examples/small/rooms.csv >"$T/small-rooms/rooms.csv"
"$BIN" check "$T/small-rooms" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 3 ] || fail "small rooms: exit $rc, want 3"
grep -q "^learners *60$" "$T/out" || fail "small rooms: no census on stdout"
for want in "block 'Mon1': 60 learners are available but at most 38 can be seated" \
	"short by 22 seats" \
	"The facilitators are short (7 of the 11 rooms stand empty): add 3 facilitators available in 'Mon1'" \
	"The rooms are short (they seat 38): add 1 room of 40 seats available in 'Mon1'" \
	"block 'Fri1': 60 learners are available but at most 29 can be seated"; do
	grep -qF "$want" "$T/err" || fail "small rooms: stderr lacks '$want': $(head -c 600 "$T/err")"
done
grep -q "max_group" "$T/err" && fail "small rooms: suggests the group size: $(grep max_group "$T/err")"

# the valid school still checks clean
"$BIN" check examples/small >/dev/null 2>"$T/err" || fail "examples/small: exit $?"

[ "$fails" -eq 0 ] || exit 1
echo "check_counts.sh: all passed"
