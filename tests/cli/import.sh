#!/bin/sh
# `mclsched import oneroster` and `mclsched import case`: usage and exit
# codes, the round trip of examples/small and of a random school with
# hostile names (exported as OneRoster by
# mclsched solve, plus what a SIS and a gradebook add, and a CASE package of
# its goals, built by tests/support/roundtrip.py, imported back: the same
# learners, facilitators, goals, prerequisites and progress), the scenario's
# other files left alone, and bad input refused with nothing written.
set -u
. tests/support/cli.sh

# ---- usage
"$BIN" help import >"$T/out" 2>&1 || fail "help import: exit $?"
grep -q "^usage: mclsched import oneroster" "$T/out" || fail "help import: $(cat "$T/out")"
"$BIN" import --help >/dev/null 2>&1 || fail "import --help: exit $?"
"$BIN" import case x.json >/dev/null 2>"$T/err"
[ $? -eq 1 ] || fail "no -o: exit not 1"
grep -q "import needs -o SCENARIO_DIR" "$T/err" || fail "no -o: $(cat "$T/err")"
"$BIN" import sif x -o "$T/s" >/dev/null 2>&1
[ $? -eq 1 ] || fail "unknown format: exit not 1"
"$BIN" import case x.json -o "$T/s" --areas-from grade >/dev/null 2>&1
[ $? -eq 1 ] || fail "bad --areas-from: exit not 1"
"$BIN" import oneroster x -o "$T/s" --as-of 2026-13-01 >/dev/null 2>&1
[ $? -eq 2 ] || fail "bad --as-of: exit not 2"
[ ! -e "$T/s" ] || fail "bad --as-of: wrote $T/s"

# ---- a framework as a state publishes it (tests/data/case): domains are
# areas, standards goals, isPeerOf ignored
"$BIN" import case tests/data/case/framework.json -o "$T/fw" -q || fail "framework: exit $?"
cmp -s "$T/fw/goals.csv" tests/data/case/expected_goals.csv ||
	fail "framework goals.csv: $(cat "$T/fw/goals.csv")"
cmp -s "$T/fw/prerequisites.csv" tests/data/case/expected_prerequisites.csv ||
	fail "framework prerequisites.csv: $(cat "$T/fw/prerequisites.csv")"

# ---- the round trip
"$BIN" solve examples/small -o "$T/out1" --time-limit 5 -q || fail "solve: exit $?"
cp -r "$T/out1/oneroster" "$T/ros"
python3 tests/support/roundtrip.py fixture examples/small "$T/ros" 2026-09-01 "$T/fw.json" ||
	fail "fixture"
cp -r "$T/ros" "$T/ros1"
mkdir "$T/scen"
cp examples/small/blocks.csv "$T/scen/"
"$BIN" import oneroster "$T/ros" -o "$T/scen" --as-of 2026-09-01 2>"$T/err" ||
	fail "import oneroster: exit $?: $(cat "$T/err")"
grep -q "60 learners, 4 facilitators and their scores" "$T/err" ||
	fail "import oneroster: $(cat "$T/err")"
grep -q "warning" "$T/err" && fail "import oneroster warned: $(cat "$T/err")"
"$BIN" import case "$T/fw.json" -o "$T/scen" -q 2>"$T/err" || fail "import case: exit $?"
[ -s "$T/err" ] && fail "import case -q printed: $(cat "$T/err")"
python3 tests/support/roundtrip.py compare examples/small "$T/scen" || fail "round trip differs"
cmp -s examples/small/blocks.csv "$T/scen/blocks.csv" || fail "blocks.csv was touched"
ls -a "$T/scen" | grep -q '^\.[a-z]' && fail "temporary files left: $(ls -a "$T/scen")"
# the imported files make a scenario with the school's other files
for f in rooms.csv needs.csv seminars.csv choices.csv expertise.csv scenario.conf; do
	cp "examples/small/$f" "$T/scen/"
done
"$BIN" check "$T/scen" >/dev/null 2>"$T/err" || fail "check of the import: $(cat "$T/err")"

# ---- the round trip of a random school (mclsched-gen --style random) with
# names a spreadsheet would take for formulas, quotes, commas and accents,
# and a facilitator whose id is also a learner's: byte for byte back
"$BUILD/mclsched-gen" --style random --seed 11 --learners 80 -o "$T/rnd" >/dev/null 2>&1 ||
	fail "mclsched-gen"
python3 - "$T/rnd" <<'PY' || fail "planting names"
import csv, sys
d = sys.argv[1]
def rewrite(name, change):
    rows = list(csv.reader(open("%s/%s" % (d, name), newline="", encoding="utf-8")))
    change(rows)
    csv.writer(open("%s/%s" % (d, name), "w", newline="", encoding="utf-8"),
               lineterminator="\n").writerows(rows)
def learners(rows):
    rows[1][1] = '=HYPERLINK("x")'
    rows[2][1] = '-Ana, "Jo" Mar\u00eda'
    rows[3][1] = "@Zo\u00eb \u00d8rsted"
def facilitators(rows):
    rows[1][1] = "+Mr Lee"
    rows.append(["L0005", "Sam Shared"] + [""] * (len(rows[0]) - 2))
def goals(rows):
    rows[1][1] = '=1+2, "fractions"'
rewrite("learners.csv", learners)
rewrite("facilitators.csv", facilitators)
rewrite("goals.csv", goals)
PY
"$BIN" solve "$T/rnd" -o "$T/rnd.out" --time-limit 5 -q || fail "random school: solve exit $?"
grep -q ",L0005.staff," "$T/rnd.out/oneroster/users.csv" || fail "random school: no L0005.staff username"
python3 tests/support/roundtrip.py fixture "$T/rnd" "$T/rnd.out/oneroster" 2026-09-01 "$T/rnd.json" ||
	fail "random school: fixture"
mkdir "$T/rnd.in"
"$BIN" import oneroster "$T/rnd.out/oneroster" -o "$T/rnd.in" --as-of 2026-09-01 -q 2>"$T/err" ||
	fail "random school: import oneroster exit $?: $(cat "$T/err")"
"$BIN" import case "$T/rnd.json" -o "$T/rnd.in" -q 2>>"$T/err" || fail "random school: import case exit $?"
[ -s "$T/err" ] && fail "random school: warnings: $(cat "$T/err")"
python3 tests/support/roundtrip.py compare "$T/rnd" "$T/rnd.in" || fail "random school: round trip differs"
grep -qF '"=HYPERLINK(""x"")"' "$T/rnd.in/learners.csv" && grep -q '^L0005,Sam Shared$' "$T/rnd.in/facilitators.csv" ||
	fail "random school: names not byte for byte: $(head -3 "$T/rnd.in/learners.csv")"

# ---- rows that cannot be mapped are listed, the rest imported
printf 'sourcedId,status,role,identifier,givenName,familyName\n' >"$T/ros/users.csv"
printf 'u1,,student,L1,Ann,Lee\nu2,,parent,P1,Pat,Lee\nu3,,teacher,F1,Fay,Fay\n' >>"$T/ros/users.csv"
"$BIN" import oneroster "$T/ros" -o "$T/scen2" 2>"$T/err" || fail "partial: exit $?"
grep -qF "users.csv:3: left out: role 'parent'" "$T/err" || fail "partial: $(cat "$T/err")"
grep -qF "results.csv:" "$T/err" || fail "partial: results of unknown learners not listed"
grep -qx "F1,Fay" "$T/scen2/facilitators.csv" || fail "one-word name: $(cat "$T/scen2/facilitators.csv")"

# ---- bad input: exit 2, nothing written
cp "$T/scen/learners.csv" "$T/before.csv"
printf 'sourcedId,role,identifier\n{a b},student,-7B\n' >"$T/ros/users.csv"
"$BIN" import oneroster "$T/ros" -o "$T/scen" 2>"$T/err"
[ $? -eq 2 ] || fail "invalid id: exit not 2"
grep -qF "users.csv:2: neither identifier '-7B' nor sourcedId '{a b}'" "$T/err" ||
	fail "invalid id: $(cat "$T/err")"
cmp -s "$T/before.csv" "$T/scen/learners.csv" || fail "invalid id: learners.csv changed"

# a file the import writes that cannot be replaced (a directory named
# progress.csv): exit 4, and learners.csv and facilitators.csv, which
# come before it, are not replaced either
cp "$T/scen/facilitators.csv" "$T/fac-before.csv"
mv "$T/scen/progress.csv" "$T/progress-before.csv"
mkdir "$T/scen/progress.csv"
cp "$T/ros/users.csv" "$T/users-bad.csv"
cp "$T/ros1/users.csv" "$T/ros/users.csv"
"$BIN" import oneroster "$T/ros" -o "$T/scen" --as-of 2026-09-01 -q 2>"$T/err"
[ $? -eq 4 ] || fail "progress.csv a directory: exit not 4: $(cat "$T/err")"
grep -qF "progress.csv: is not a regular file" "$T/err" || fail "progress.csv a directory: $(cat "$T/err")"
cmp -s "$T/before.csv" "$T/scen/learners.csv" && cmp -s "$T/fac-before.csv" "$T/scen/facilitators.csv" ||
	fail "progress.csv a directory: learners.csv or facilitators.csv replaced"
ls -a "$T/scen" | grep -q '^\.[a-z]' && fail "temporary files left: $(ls -a "$T/scen")"
rmdir "$T/scen/progress.csv"
mv "$T/progress-before.csv" "$T/scen/progress.csv"
cp "$T/users-bad.csv" "$T/ros/users.csv"

cp "$T/scen/goals.csv" "$T/goals-before.csv"
python3 - "$T/fw.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
n = lambda i: {"identifier": i}
p["CFAssociations"].append({"identifier": "back", "associationType": "precedes",
                            "originNodeURI": n("item-MA-03"), "destinationNodeURI": n("item-MA-01")})
json.dump(p, open(sys.argv[1], "w"))
PY
"$BIN" import case "$T/fw.json" -o "$T/scen" 2>"$T/err"
[ $? -eq 2 ] || fail "cycle: exit not 2"
grep -qF "the progression has a cycle: MA-01 requires MA-03 requires MA-02 requires MA-01" "$T/err" ||
	fail "cycle: $(cat "$T/err")"
cmp -s "$T/goals-before.csv" "$T/scen/goals.csv" || fail "cycle: goals.csv changed"
printf '{"CFItems": [\n  {"identifier": "x",,}\n]}\n' >"$T/bad.json"
"$BIN" import case "$T/bad.json" -o "$T/scen" 2>"$T/err"
[ $? -eq 2 ] || fail "bad JSON: exit not 2"
grep -q "bad.json:2: " "$T/err" || fail "bad JSON: $(cat "$T/err")"

[ "$fails" -eq 0 ] || exit 1
echo "import.sh: all passed"
