#!/bin/sh
# mclsched advise end to end on tests/data/advise_bottleneck, a school whose
# best change is known by construction: F1, the only facilitator (and the
# guru) of the goal every learner needs twice, may lead one session
# (max_sessions 1).  The top suggestion must be F1's max_sessions 1 -> 2,
# with an expected and a verified gain above zero; its "after" objective is
# checked against an independent solve of the edited scenario (the school is
# small enough that both solves reach the optimum).  PREV_OUT_DIR as the
# "before"; one that does not verify (exit 2, nothing written); solve
# --advise (advice.csv and report.html's Advice section, rendered from the
# row set: the page otherwise as a plain solve's, axe-core clean); the
# baseline row (the school unchanged, re-solved from the schedule before)
# and every loosening change re-solved from it; SIGINT (exit 130,
# nothing written, no temporary copy left); usage errors.
set -u
. tests/support/cli.sh
SC=tests/data/advise_bottleneck

# csv FILE RANK COLUMN: the cell of advice.csv's row RANK in COLUMN
csv() {
	python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline='')):
    if row['rank'] == sys.argv[2]:
        print(row[sys.argv[3]])
        break
PY
}
metric() { awk -F, -v m="$2" '$1 == m { print $2 }' "$1/summary.csv"; }

# ---- the known best change ------------------------------------------------
"$BIN" advise "$SC" --time-limit 20 -o "$T/a" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] || fail "advise exit $rc: $(head -c 400 "$T/err")"
A=$T/a/advice.csv
[ -f "$A" ] || fail "no advice.csv"
change=$(csv "$A" 1 change)
edit=$(csv "$A" 1 edit)
expected=$(csv "$A" 1 expected_gain)
verified=$(csv "$A" 1 verified_gain)
case $change in "F1 leads one more session (max_sessions 1 -> 2)") ;;
	*) fail "top change is '$change'" ;; esac
[ "$edit" = "facilitators.csv: max_sessions = 2 where facilitator_id = F1" ] ||
	fail "top edit is '$edit'"
[ "$(csv "$A" 1 estimate_rank)" = 1 ] || fail "the top change was not the best estimate"
awk -v e="$expected" -v v="$verified" 'BEGIN { exit !(e > 0 && v > 0) }' ||
	fail "expected '$expected' and verified '$verified' gains must be above zero"
grep -q '^   1 .*F1 leads one more session' "$T/out" || fail "stdout table: $(cat "$T/out")"
grep -q 'expected: an estimate' "$T/out" || fail "stdout does not call the expected gain an estimate"
head -1 "$A" | grep -q '^rank,change,edit,expected_gain,verified_gain,' || fail "advice.csv header"
[ "$(csv "$A" 0 change)" = "no change (the schedule before)" ] || fail "no rank 0 row"
# the baseline: the school unchanged, re-solved from the schedule before
# (every change here loosens the school, so each is re-solved from it too)
python3 - "$A" <<'PY' || fail "the baseline row or the warm re-solves"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
base = [r for r in rows if r['change'] == 'no change, solved again from the schedule before']
assert len(base) == 1 and base[0]['rank'] == '0', base
assert base[0]['note'].startswith('verified'), base[0]['note']
before = float(rows[0]['objective'])
assert float(base[0]['objective']) >= before - 1e-6, 'the baseline fell below the before'
for r in rows:
    if r['rank'] not in ('', '0') and r['verified_gain']:
        assert r['note'] == 'verified; re-solved from the schedule before', r
        # a loosening change, re-solved from the schedule before, never
        # scores below it
        assert float(r['objective']) >= before - 1e-6, r
PY

# the same change made by hand, solved and verified independently
cp -r "$SC" "$T/edited"
sed -i 's/^F1,1$/F1,2/' "$T/edited/facilitators.csv"
"$BIN" solve "$SC" -o "$T/before" --time-limit 20 -q || fail "solve before"
"$BIN" solve "$T/edited" -o "$T/after" --time-limit 20 -q || fail "solve after"
"$BIN" verify "$T/edited" "$T/after" >/dev/null 2>&1 || fail "the edited school's schedule does not verify"
ob=$(metric "$T/before" objective)
oa=$(metric "$T/after" objective)
[ "$(metric "$T/after" status)" = optimal ] || fail "the edited school was not solved to optimality"
awk -v a="$oa" -v r="$(csv "$A" 1 objective)" -v b="$ob" -v r0="$(csv "$A" 0 objective)" \
	-v v="$verified" 'BEGIN { d = a - r; d0 = b - r0; g = (a - b) - v
		exit !(d * d < 1e-6 && d0 * d0 < 1e-6 && g * g < 1e-6) }' ||
	fail "objectives: advice before $(csv "$A" 0 objective) after $(csv "$A" 1 objective) gain $verified; solve before $ob after $oa"

# ---- PREV_OUT_DIR ---------------------------------------------------------
"$BIN" advise "$SC" "$T/before" --top 1 -o "$T/p" >"$T/out" 2>"$T/err" ||
	fail "advise with PREV_OUT_DIR: exit $? $(head -c 300 "$T/err")"
grep -q 'solving the scenario as it is' "$T/err" && fail "PREV_OUT_DIR given, yet the scenario was solved again"
awk -v a="$(csv "$T/p/advice.csv" 0 objective)" -v b="$ob" 'BEGIN { exit !((a - b) ^ 2 < 1e-6) }' ||
	fail "PREV_OUT_DIR's objective is not the before"
[ "$(csv "$T/p/advice.csv" 2 note)" = "not re-solved" ] || fail "--top 1 re-solved more than one"

# a PREV_OUT_DIR that does not verify: exit 2, nothing written
cp -r "$T/before" "$T/bad"
sed -i 's/^objective,.*/objective,1/' "$T/bad/summary.csv"
"$BIN" advise "$SC" "$T/bad" -o "$T/b" >/dev/null 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "a PREV_OUT_DIR that does not verify: exit $rc, not 2"
[ -e "$T/b/advice.csv" ] && fail "advice.csv written after an error"

# ---- solve --advise: advice.csv and report.html's Advice section ------------
"$BIN" solve "$SC" -o "$T/s" --time-limit 20 --advise >"$T/out" 2>"$T/err" ||
	fail "solve --advise: exit $? $(head -c 300 "$T/err")"
[ -s "$T/out" ] && fail "solve --advise printed on stdout"
[ "$(csv "$T/s/advice.csv" 1 edit)" = "facilitators.csv: max_sessions = 2 where facilitator_id = F1" ] ||
	fail "solve --advise: top edit '$(csv "$T/s/advice.csv" 1 edit)'"
python3 - "$T/s/report.html" <<'PY' || fail "report.html's Advice section"
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
assert html.count('<section id="advice"') == 1, 'one Advice section'
assert '<a href="#advice">Advice</a>' in html, 'a link to it'
sec = html[html.index('<section id="advice"'):]
sec = sec[:sec.index('</section>')]
rows = re.findall(r'<tr><td>(\d+)</td><td>([^<]*)</td>', sec)
assert rows and rows[0] == ('1', 'F1 leads one more session (max_sessions 1 -&gt; 2)'), rows
assert html.index('<section id="advice"') < html.index('</main>')
assert '<th scope="col">Verified</th>' in sec, 'a table with column headers'
assert 'an estimate' in sec, 'the expected gain called an estimate'
PY
# rendered from the row set with the rest of the page: the same page as a
# plain solve's but for the Advice section and its link
"$BIN" solve "$SC" -o "$T/plain" --time-limit 20 -q || fail "plain solve"
python3 - "$T/s/report.html" "$T/plain/report.html" <<'PY' || fail "report.html besides the Advice section"
import re, sys
a = open(sys.argv[1], encoding='utf-8').read()
b = open(sys.argv[2], encoding='utf-8').read()
a = re.sub(r'<section id="advice".*?</section>\n', '', a, flags=re.S).replace('<a href="#advice">Advice</a>', '')
strip = lambda h: re.sub(r'<section id="summary">.*?</section>', '', h, flags=re.S)
assert strip(a) == strip(b), 'pages differ outside the summary and the Advice section'
PY
# accessibility: axe-core, no serious or critical violation
BUILD=$BUILD sh tests/support/axe.sh "$T/s/report.html"
case $? in
	0) ;;
	77) echo "advise.sh: the axe-core check was skipped (above)" >&2 ;;
	*) fail "axe-core: report.html with the Advice section" ;;
esac
"$BIN" verify "$SC" "$T/s" >/dev/null 2>&1 || fail "the schedule of solve --advise does not verify"

# ---- Ctrl-C: solves cut short verify nothing; exit 130, nothing written,
# the temporary copies removed
mkdir "$T/tmp"
TMPDIR=$T/tmp "$BIN" advise examples/small --time-limit 60 -o "$T/sig" >/dev/null 2>"$T/err" &
pid=$!
sleep 3
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 130 ] || fail "SIGINT: exit $rc, not 130 ($(head -c 300 "$T/err"))"
[ -e "$T/sig/advice.csv" ] && fail "SIGINT: advice.csv written"
[ -z "$(ls "$T/tmp")" ] || fail "SIGINT: temporary copies left: $(ls "$T/tmp")"

# ---- usage ----------------------------------------------------------------
for args in "" "--top x $SC" "--jobs 3 $SC" "$SC a b" "--time-limit 0 $SC"; do
	# shellcheck disable=SC2086
	"$BIN" advise $args >/dev/null 2>&1
	rc=$?
	[ $rc -eq 1 ] || fail "advise $args: exit $rc, not 1"
done
"$BIN" advise "$T/nowhere" -o "$T/n" >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ] || fail "a missing scenario: exit $rc, not 2"
"$BIN" advise --help | grep -q '^usage: mclsched advise' || fail "advise --help"

[ $fails -eq 0 ] && echo "advise.sh: ok"
exit $((fails > 0))
