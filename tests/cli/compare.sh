#!/bin/sh
# mclsched compare end to end, on runs of the bundled school: two search
# seeds, and a copy of the scenario with a math guru added.  Checked against
# the runs' own files, recounted here independently (awk, python3's csv
# module): the stdout table and compare.csv carry every summary.csv value,
# the best run marked where a direction is better; the learners who gain or
# lose need-sessions by priority (recounted by the rule in docs/outputs.md,
# whose per-run totals must equal summary.csv's need_sessions_scheduled);
# facilitator loads; settings that differ.  Refusal of another school (exit 2,
# nothing written) and --force; unreadable and non-mclsched directories; a bad
# -o.  compare.html in headless Chromium: the KPI values as shown equal
# summary.csv, no console message, nothing loaded from outside, landmarks,
# axe-core with no serious or critical violation and the key figures not
# clipped at 390 px (tests/support/axe.sh); screenshots
# go to $BUILD/compare-test/.  A scenario named <script>alert(1)</script>
# and one named =HYPERLINK("x") stay inert in compare.html and compare.csv.
set -u
. tests/support/cli.sh
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SHOTS=$BUILD/compare-test
mkdir -p "$SHOTS"

# run CMD...: leaves the exit status in rc, output in $T/out and $T/err
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

solve() { # scenario, out dir, more options
	sc=$1
	out=$2
	shift 2
	"$BIN" solve "$sc" -o "$out" --time-limit 3 -q "$@" 2>"$T/solve.err" ||
		fail "solve $sc -> $out: exit $? ($(head -c 300 "$T/solve.err"))"
}

# ---- the runs --------------------------------------------------------------
cp -r examples/small "$T/guru"
rm -rf "$T/guru/out"
echo "F005,Rosa Diaz,," >>"$T/guru/facilitators.csv"
echo "F005,area:Math,guru" >>"$T/guru/expertise.csv"
solve examples/small "$T/seed1" --seed 1
solve examples/small "$T/seed2" --seed 2
solve "$T/guru" "$T/more" --seed 1
RUNS="$T/seed1 $T/seed2 $T/more"

mkdir "$T/cmp"
echo "an earlier file" >"$T/cmp/keep.txt"
run "$BIN" compare $RUNS -o "$T/cmp"
[ "$rc" -eq 0 ] || fail "compare: exit $rc ($(head -c 600 "$T/err"))"
cp "$T/out" "$T/table.txt"
[ -s "$T/cmp/compare.csv" ] && [ -s "$T/cmp/compare.html" ] || fail "compare.csv or compare.html missing"
[ -f "$T/cmp/keep.txt" ] || fail "compare removed a file of its output directory"
ls -a "$T/cmp" | grep -q 'tmp-\|probe' && fail "temporary files left in the output directory"

# ---- the text table: every metric of every run, the best marked -------------
grep -q "^metric  *better  *run 1  *run 2  *run 3" "$T/table.txt" || fail "table: no header row"
n=1
for r in $RUNS; do
	grep -q "^  run $n  $r\$" "$T/table.txt" || fail "table: run $n is not named '$r'"
	n=$((n + 1))
done
# each metric's row shows its values (the text table shortens beyond 24
# characters: compare numbers only)
for m in objective bound gap need_sessions_scheduled need_sessions_pct learners_complete_pct \
	facilitator_load_pct seed time_limit; do
	want=$(for r in $RUNS; do awk -F, -v m="$m" '$1 == m {print $2}' "$r/summary.csv"; done |
		tr '\n' ' ')
	got=$(awk -v m="$m" '$1 == m {for (i = 3; i <= NF; i++) if ($i != "*") printf "%s ", $i}' \
		"$T/table.txt")
	[ "$got" = "$want" ] || fail "table: $m shows '$got', summaries say '$want'"
done
# the best objective (higher is better), as the summaries say, is marked
best=$(for r in $RUNS; do awk -F, '$1 == "objective" {print $2}' "$r/summary.csv"; done |
	sort -g | tail -1)
awk -v b="$best" '$1 == "objective" {for (i = 3; i <= NF; i++) if ($i == b && $(i + 1) == "*") ok = 1}
	END {exit !ok}' "$T/table.txt" || fail "table: best objective $best not marked"
marks=$(awk '$1 == "objective"' "$T/table.txt" | tr -cd '*' | wc -c)
nbest=$(for r in $RUNS; do awk -F, '$1 == "objective" {print $2}' "$r/summary.csv"; done |
	grep -cx "$best")
[ "$marks" -eq "$nbest" ] || fail "table: $marks objective marks, $nbest runs have the best"
# equal in every run: nothing marked
awk '$1 == "learners_left_out" && /\*/ {exit 1}' "$T/table.txt" ||
	fail "table: learners_left_out (0 in every run) is marked"
grep -q "^  of the best possible  *lower  *within [0-9.]*%" "$T/table.txt" ||
	fail "table: the gap is not said in words"

# ---- compare.csv against the runs' own files -------------------------------
# compare.csv in the normal form "section|item|detail|best|v1|v2|v3", one a line
python3 - "$T/cmp/compare.csv" >"$T/csv.txt" <<'EOF' || fail "compare.csv does not parse as CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0][:4] == ['section', 'item', 'detail', 'best'], rows[0]
for row in rows:
    assert len(row) == len(rows[0]), row
    print('|'.join(row))
EOF
grep -qx "section|item|detail|best|run_1|run_2|run_3" "$T/csv.txt" || fail "compare.csv: header"
grep -qx "run|out_dir|||$T/seed1|$T/seed2|$T/more" "$T/csv.txt" || fail "compare.csv: run row"
# every summary.csv metric of every run, byte for byte (as the CSV field)
n=1
for r in $RUNS; do
	python3 - "$r/summary.csv" >"$T/sum$n.txt" <<'EOF'
import csv, sys
for row in list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))[1:]:
    print('%s|%s' % (row[0], row[1]))
EOF
	awk -F'|' -v col=$((4 + n)) '$1 == "kpi" {print $2 "|" $col}' "$T/csv.txt" >"$T/kpi$n.txt"
	cmp -s "$T/sum$n.txt" "$T/kpi$n.txt" || fail "compare.csv: run $n's kpi rows are not its summary.csv: $(diff "$T/sum$n.txt" "$T/kpi$n.txt" | head -5)"
	n=$((n + 1))
done
grep -q "^kpi|objective|higher|" "$T/csv.txt" || fail "compare.csv: objective is not 'higher'"
grep -q "^kpi|learners_left_out|lower||" "$T/csv.txt" || fail "compare.csv: learners_left_out"
grep -q "^kpi|seed|setting||1|2|1\$" "$T/csv.txt" || fail "compare.csv: seed row"
grep -q "^setting|seed|differs|" "$T/csv.txt" || fail "compare.csv: seed does not differ"
grep -q "^setting|inputs_sha256|differs|" "$T/csv.txt" || fail "compare.csv: inputs_sha256 does not differ"
grep -q "^setting|gap_limit|same|" "$T/csv.txt" || fail "compare.csv: gap_limit is not the same"

# Need-sessions per learner and priority, recounted by the rule of
# docs/outputs.md: a need's priority and wanted from the first run whose
# unmet.csv lists it; a run's sessions of it are unmet.csv's scheduled, else
# its timetable rows on the goal in workshops and labs (at most wanted), else 0.
recount() {
	n=0
	set --
	for r in $RUNS; do n=$((n + 1)); set -- "$@" phase=0 run=$n "$r/unmet.csv"; done
	n=0
	for r in $RUNS; do
		n=$((n + 1))
		set -- "$@" phase=1 run=$n file=s "$r/sessions.csv" file=t "$r/timetable.csv" \
			file=u "$r/unmet.csv"
	done
	awk -F, -v nruns=$n '
	FNR == 1 { next }
	phase == 0 { if ($2 == "need") { k = $1 SUBSEP $3; if (!(k in prio)) { prio[k] = $4; want[k] = $5 } } next }
	file == "s" { kind[run, $1] = $3; next }
	file == "t" { has[run, $1] = 1; learners[$1] = 1
		if ($4 != "" && kind[run, $3] != "seminar") { rows[run, $1 SUBSEP $4]++; keys[$1 SUBSEP $4] = 1 }
		next }
	file == "u" && $2 == "need" { has[run, $1] = 1; learners[$1] = 1; k = $1 SUBSEP $3
		listed[run, k] = 1; sched[run, k] = $6; keys[k] = 1 }
	END {
		for (k in keys) {
			split(k, kv, SUBSEP)
			p = (k in prio) ? prio[k] : 0
			for (r = 1; r <= nruns; r++) {
				if ((r, k) in listed) s = sched[r, k]
				else if ((r, k) in rows) { s = rows[r, k]; if ((k in want) && s > want[k] + 0) s = want[k] }
				else s = 0
				S[r, kv[1], p] += s; T[r, kv[1]] += s; total[r] += s
			}
		}
		for (r = 1; r <= nruns; r++) print "total|" r "|" total[r]
		split("1 2 3 4 5 0", pp, " ")
		for (i = 1; i <= 7; i++) {
			line = "need_sessions|" (i == 6 ? "met_in_full" : i == 7 ? "all" : pp[i]) "|all learners|"
			for (r = 1; r <= nruns; r++) {
				v = 0
				for (l in learners) v += (i == 7) ? T[r, l] : S[r, l, pp[i]]
				line = line "|" v
			}
			print line
		}
		for (r = 2; r <= nruns; r++) {
			for (l in learners) {
				if (!((1, l) in has) || !((r, l) in has)) continue
				for (p = 0; p <= 5; p++) {
					d = S[r, l, p] - S[1, l, p]
					if (d > 0) gain[r, p]++
					if (d < 0) lose[r, p]++
				}
				d = T[r, l] - T[1, l]
				if (d > 0) gain[r, "all"]++
				if (d < 0) lose[r, "all"]++
			}
		}
		split("1 2 3 4 5 all", ps, " ")
		for (i = 1; i <= 6; i++) {
			g = "learners_gain|" ps[i] "|against run 1||"; l = "learners_lose|" ps[i] "|against run 1||"
			for (r = 2; r <= nruns; r++) { g = g "|" gain[r, ps[i]] + 0; l = l "|" lose[r, ps[i]] + 0 }
			print g; print l
		}
	}' "$@"
}
recount >"$T/recount.txt" || fail "the recount failed"
n=1
for r in $RUNS; do
	want=$(awk -F, '$1 == "need_sessions_scheduled" {print $2}' "$r/summary.csv")
	got=$(awk -F'|' -v r=$n '$1 == "total" && $2 == r {print $3}' "$T/recount.txt")
	[ "$got" = "$want" ] ||
		fail "run $n: need-sessions counted by the documented rule $got, summary.csv says $want"
	n=$((n + 1))
done
grep '^learners_\|^need_sessions|' "$T/recount.txt" | sort >"$T/gain.want"
grep '^learners_\(gain\|lose\)|\|^need_sessions|' "$T/csv.txt" | sort >"$T/gain.got"
cmp -s "$T/gain.want" "$T/gain.got" ||
	fail "need-sessions or gain/lose counts differ from the recount: $(diff "$T/gain.want" "$T/gain.got" | head -8)"
grep -q '^learners_gain|met_in_full' "$T/csv.txt" && fail "a need met in full in every run changes"
moved=$(awk -F'|' '$1 == "learners_gain" || $1 == "learners_lose" {s += $6 + $7} END {print s + 0}' "$T/csv.txt")
[ "$moved" -gt 0 ] || fail "nobody gains or loses: the runs are too alike for this test"
grep -qx "learners_only_in_run_1|all|against run 1|||0|0" "$T/csv.txt" || fail "learners only in run 1"
# a learner listed as changing most: their rows are the recount's
awk -F'|' '$1 == "learner_need_sessions" && $3 == "all" && $5 != $7 {print $2; exit}' \
	"$T/csv.txt" >"$T/mover"
[ -s "$T/mover" ] || fail "no learner's total changes in run 3"

# facilitator loads: sessions per facilitator in each sessions.csv
for f in F001 F002 F003 F004 F005; do
	want=""
	for r in $RUNS; do
		want="$want|$(awk -F, -v f=$f '$7 == f {n++} END {print n + 0}' "$r/sessions.csv")"
	done
	got=$(awk -F'|' -v f=$f '$1 == "facilitator_sessions" && $2 == f {print "|" $5 "|" $6 "|" $7}' "$T/csv.txt")
	[ "$got" = "$want" ] || fail "facilitator $f: compare.csv '$got', sessions.csv '$want'"
done
grep -q "^facilitator_sessions|F005|changed||0|0|[1-9]" "$T/csv.txt" ||
	fail "the added guru F005 does not show as a changed load"

# ---- compare.html in a browser -----------------------------------------------
if [ ! -x "$CHROMIUM" ]; then
	fail "no $CHROMIUM (Debian chromium, .ci/install-deps installs it)"
else
	chrome() {
		timeout 300 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu \
			--enable-logging=stderr --v=0 "$@"
	}
	html=$(cd "$T/cmp" && pwd)/compare.html
	chrome --dump-dom "file://$html" >"$T/dom.html" 2>"$T/chrome.err" ||
		fail "chromium --dump-dom failed: $(grep -v dbus "$T/chrome.err" | head -c 400)"
	grep ':CONSOLE' "$T/chrome.err" && fail "compare.html: console messages"
	for w in 390 1280; do
		BUILD=$BUILD sh tests/support/axe.sh "$T/cmp/compare.html" $w
		case $? in
		0) ;;
		77) echo "compare.sh: the axe-core check was skipped (above)" >&2 ;;
		*) fail "compare.html at $w px: accessibility (above)" ;;
		esac
	done
	grep -q '<main>' "$T/cmp/compare.html" && grep -q '<nav ' "$T/cmp/compare.html" &&
		grep -q '<header>' "$T/cmp/compare.html" || fail "compare.html: landmarks missing"
	grep -Eqi 'src=|href="[^#]|url\(|@import' "$T/cmp/compare.html" &&
		fail "compare.html refers to something outside itself"
	# the figures as the browser has them, against each run's summary.csv
	python3 - "$T/dom.html" $RUNS <<'EOF' || fail "compare.html: the KPIs shown are not the summaries'"
import csv, sys
from html.parser import HTMLParser

class Cells(HTMLParser):
    """(metric, run) -> the text of its span.v, from tr[data-metric] td[data-run]."""
    def __init__(self):
        super().__init__()
        self.metric = self.run = None
        self.depth = 0
        self.cells = {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'tr':
            self.metric = a.get('data-metric')
        elif tag == 'td' and self.metric:
            self.run = a.get('data-run')
        elif tag == 'span' and self.run and a.get('class') == 'v':
            self.depth = 1
            self.cells[(self.metric, self.run)] = ''
    def handle_endtag(self, tag):
        if tag == 'span':
            self.depth = 0
        elif tag == 'td':
            self.run = None
        elif tag == 'tr':
            self.metric = None
    def handle_data(self, data):
        if self.depth:
            self.cells[(self.metric, self.run)] += data

p = Cells()
p.feed(open(sys.argv[1], encoding='utf-8').read())
bad = 0
for i, d in enumerate(sys.argv[2:], 1):
    for m, v in list(csv.reader(open(d + '/summary.csv', encoding='utf-8')))[1:]:
        if v[:1] == "'" and v[1:2] in ('=', '+', '-', '@', '\t', '\r'):
            v = v[1:]
        shown = p.cells.get((m, str(i)))
        if shown != v:
            print('run %d %s: shown %r, summary.csv %r' % (i, m, shown, v), file=sys.stderr)
            bad += 1
sys.exit(1 if bad or not p.cells else 0)
EOF
	grep -q 'within [0-9.]*% of the best possible' "$T/dom.html" || fail "compare.html: gap not in words"
	grep -q '<section id="gains">' "$T/dom.html" || fail "compare.html: no gains section"
	grep -q "$(cat "$T/mover")" "$T/dom.html" || fail "compare.html: learner $(cat "$T/mover") not listed"
	grep -q 'F005' "$T/dom.html" || fail "compare.html: the added facilitator's load not shown"
	rm -f "$SHOTS/compare-phone.png" "$SHOTS/compare-desktop.png"
	shots=$(cd "$SHOTS" && pwd)
	chrome --window-size=412,2400 --screenshot="$shots/compare-phone.png" "file://$html" \
		>/dev/null 2>&1
	chrome --window-size=1280,2600 --screenshot="$shots/compare-desktop.png" "file://$html" \
		>/dev/null 2>&1
	for s in phone desktop; do
		[ -s "$SHOTS/compare-$s.png" ] || fail "no screenshot $SHOTS/compare-$s.png"
	done
fi

# ---- inert scenario names -----------------------------------------------------
cp -r tests/data/tiny "$T/script"
cp -r tests/data/tiny "$T/formula"
sed -i 's/^name = .*/name = "<script>alert(1)<\/script>"/' "$T/script/scenario.conf"
sed -i "s/^name = .*/name = '=HYPERLINK(\"x\")'/" "$T/formula/scenario.conf"
solve "$T/script" "$T/out-script"
solve "$T/formula" "$T/out-formula"
grep -qF 'scenario_name,<script>alert(1)</script>' "$T/out-script/summary.csv" ||
	fail "the scenario name did not reach summary.csv: $(grep scenario_name "$T/out-script/summary.csv")"
mkdir "$T/inert"
run "$BIN" compare "$T/out-script" "$T/out-formula" -o "$T/inert"
[ "$rc" -eq 0 ] || fail "compare of the named runs: exit $rc ($(head -c 300 "$T/err"))"
grep -qi '<script' "$T/inert/compare.html" && fail "compare.html holds a <script"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/inert/compare.html" ||
	fail "compare.html does not show the script name as text"
grep -qF '=HYPERLINK(&quot;x&quot;)' "$T/inert/compare.html" ||
	fail "compare.html does not show the formula name as text"
grep -qF ",\"'=HYPERLINK(\"\"x\"\")\"" "$T/inert/compare.csv" ||
	fail "compare.csv: the formula name is not guarded: $(grep scenario_name "$T/inert/compare.csv" | head -1)"
grep -q ',=' "$T/inert/compare.csv" && fail "compare.csv: a cell starts with '='"
if [ -x "$CHROMIUM" ]; then
	html=$(cd "$T/inert" && pwd)/compare.html
	chrome --dump-dom "file://$html" >"$T/dom2.html" 2>"$T/chrome2.err"
	grep ':CONSOLE' "$T/chrome2.err" && fail "inert compare.html: console messages"
	grep -qi '<script' "$T/dom2.html" && fail "the browser made a <script> element of the name"
	grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/dom2.html" ||
		fail "the browser does not show the script name as text"
fi

# ---- another school: refused, unless --force ---------------------------------
solve tests/data/tiny "$T/tiny"
run "$BIN" compare "$T/seed1" "$T/tiny" -o "$T/other"
[ "$rc" -eq 2 ] || fail "another school: exit $rc, want 2"
grep -q "different schools" "$T/err" && grep -qF "$T/tiny" "$T/err" && grep -q "L1, L2" "$T/err" &&
	grep -q -- "--force" "$T/err" || fail "another school: message '$(head -c 400 "$T/err")'"
[ ! -s "$T/out" ] || fail "another school: something on stdout"
[ ! -e "$T/other" ] || fail "another school: the output directory was made"
cp "$T/cmp/compare.csv" "$T/before.csv"
run "$BIN" compare "$T/seed1" "$T/tiny" -o "$T/cmp"
cmp -s "$T/before.csv" "$T/cmp/compare.csv" || fail "another school: compare.csv was replaced"
run "$BIN" compare "$T/seed1" "$T/tiny" -o "$T/other" --force
[ "$rc" -eq 0 ] || fail "--force: exit $rc ($(head -c 300 "$T/err"))"
grep -q "warning:.*different schools" "$T/err" || fail "--force: no warning"
grep -q "^learners_only_in_run_1,all,against run 1,,,60\$" "$T/other/compare.csv" &&
	grep -q "^learners_only_in_this_run,all,against run 1,,,4\$" "$T/other/compare.csv" ||
	fail "--force: learners only in one run not counted"

# ---- runs that cannot be read -------------------------------------------------
run "$BIN" compare "$T/seed1" "$T/nowhere" -o "$T/x"
[ "$rc" -eq 2 ] && grep -qF "$T/nowhere: cannot read" "$T/err" || fail "missing OUT_DIR: exit $rc, '$(cat "$T/err")'"
mkdir "$T/notours"
echo "hello" >"$T/notours/notes.txt"
run "$BIN" compare "$T/notours" "$T/seed1" -o "$T/x"
[ "$rc" -eq 2 ] && grep -qF "$T/notours: not an mclsched output directory" "$T/err" ||
	fail "non-mclsched OUT_DIR: exit $rc, '$(cat "$T/err")'"
cp -r "$T/seed2" "$T/broken"
echo "L0001,Mon1,S9999,MA-01" >>"$T/broken/timetable.csv"
line=$(wc -l <"$T/broken/timetable.csv")
sed -i '3s/,workshop,/,workshp,/' "$T/broken/sessions.csv"
run "$BIN" compare "$T/seed1" "$T/broken" -o "$T/x"
[ "$rc" -eq 2 ] && grep -qF "$T/broken/sessions.csv:3: kind 'workshp'" "$T/err" ||
	fail "bad sessions.csv row: exit $rc, '$(cat "$T/err")'"
sed -i '3s/,workshp,/,workshop,/' "$T/broken/sessions.csv"
run "$BIN" compare "$T/seed1" "$T/broken" -o "$T/x"
[ "$rc" -eq 2 ] && grep -qF "$T/broken/timetable.csv:$line: session 'S9999'" "$T/err" ||
	fail "bad timetable row: exit $rc, '$(cat "$T/err")'"
[ ! -e "$T/x" ] || fail "a failed compare made its output directory"
mkdir "$T/infeasible"
printf 'metric,value\nstatus,infeasible\n' >"$T/infeasible/summary.csv"
run "$BIN" compare "$T/seed1" "$T/infeasible"
[ "$rc" -eq 2 ] && grep -qF "$T/infeasible/summary.csv:2: status is 'infeasible'" "$T/err" ||
	fail "a run without a schedule: exit $rc, '$(cat "$T/err")'"

# ---- -o that cannot be written: a usage error, before anything is read ----
run "$BIN" compare "$T/seed1" "$T/seed2" -o /proc/x
[ "$rc" -eq 1 ] && grep -q "/proc/x" "$T/err" || fail "-o /proc/x: exit $rc, '$(cat "$T/err")'"
run "$BIN" compare "$T/nowhere" "$T/seed2" -o "$T/seed1/summary.csv"
[ "$rc" -eq 1 ] && grep -q "not a directory" "$T/err" || fail "-o a file: exit $rc, '$(cat "$T/err")'"
mkdir -p "$T/dirs/compare.csv"
run "$BIN" compare "$T/seed1" "$T/seed2" -o "$T/dirs"
[ "$rc" -eq 1 ] || fail "-o holding a directory compare.csv: exit $rc"
# default: the current directory
mkdir "$T/here"
abs_bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$T/here" && "$abs_bin" compare "$T/seed1" "$T/seed2" >/dev/null 2>&1) ||
	fail "compare without -o: exit $?"
[ -s "$T/here/compare.csv" ] && [ -s "$T/here/compare.html" ] ||
	fail "compare without -o: not written in the current directory"

[ "$fails" -eq 0 ] || exit 1
echo "compare.sh: all passed"
