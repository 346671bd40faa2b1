#!/bin/sh
# Browser test of report.html: the bundled school is solved briefly, headless
# Chromium opens report.html, and what a person sees is checked: every
# learner's timetable (day and time, goal or seminar title, room and
# facilitator names) against timetable.csv, the KPI values against
# summary.csv, the unmet list against unmet.csv (tests/cli/report_dom.py),
# no console message or error, the print layout of the learners'
# timetables one page per learner, the search box, and accessibility
# (axe-core through tests/support/axe.sh), the page of a proven
# no-schedule run (tests/data/stuck_none) too.  A school whose
# learners are named <script>alert(1)</script> and =HYPERLINK("x") must give
# inert text.  Screenshots of each view go to $BUILD/report-shots/.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
SHOTS=$BUILD/report-shots
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
T=$(mktemp -d /tmp/mclsched-report-XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
fails=0
fail() { echo "report.sh: FAIL: $*" >&2; fails=$((fails + 1)); }
[ -x "$CHROMIUM" ] || { fail "no $CHROMIUM: run .ci/install-deps"; exit 1; }

# Chromium with its own profile (other tests may run one at the same time);
# its log on $T/console.
browse() {
	timeout 180 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$T/profile" --no-pdf-header-footer \
		--enable-logging=stderr --v=0 "$@" 2>>"$T/console"
}
# The file: address of a path.
url() { case $1 in /*) echo "file://$1" ;; *) echo "file://$PWD/$1" ;; esac; }
# Pages of a PDF Chromium wrote: one "/Type /Page" dictionary each.
pages() { grep -ac '/Type /Page$' "$1"; }

# -- the bundled school ----------------------------------------------------------
S=examples/small
"$BIN" solve "$S" -o "$T/out" --time-limit 8 -q || fail "solve $S: exit $?"
R=$T/out/report.html
[ -s "$R" ] || { fail "no report.html"; exit 1; }
grep -qE '(src|href)="(https?:)?//' "$R" && fail "report.html refers to another file"
grep -q '<link' "$R" && fail "report.html links an external file"
: >"$T/console"
browse --dump-dom "$(url "$R")" >"$T/dom.html"
python3 tests/cli/report_dom.py "$T/dom.html" "$S" "$T/out" || fail "report_dom.py"
grep -E 'CONSOLE|Uncaught' "$T/console" >&2 && fail "console messages (above)"

# Accessibility: axe-core (tests/support/axe.sh), no serious or critical
# violation, and no section heading under the sticky navigation, at a
# phone's width and a desktop's.
for w in 390 1000; do
	sh tests/support/axe.sh "$R" $w
	case $? in
	0) ;;
	77) echo "report.sh: the axe-core check was skipped (above)" >&2 ;;
	*) fail "report.html at $w px: accessibility (above)" ;;
	esac
done

# The page of a run without a schedule (tests/data/stuck_none: proven), as
# accessible, and saying so in its heading.
"$BIN" solve tests/data/stuck_none -o "$T/none" --time-limit 5 -q 2>/dev/null
[ $? -eq 3 ] || fail "solve stuck_none: not exit 3"
grep -qF "<h2>No schedule exists</h2>" "$T/none/report.html" ||
	fail "stuck_none: report.html does not say 'No schedule exists'"
for w in 390 1000; do
	sh tests/support/axe.sh "$T/none/report.html" $w
	case $? in
	0) ;;
	77) echo "report.sh: the axe-core check was skipped (above)" >&2 ;;
	*) fail "report.html without a schedule at $w px: accessibility (above)" ;;
	esac
done

# print: the learners' timetables, one page per learner; the whole report
learners=$(($(wc -l <"$S/learners.csv") - 1))
browse --print-to-pdf="$T/learners.pdf" "$(url "$R")#print-learners" >/dev/null
got=$(pages "$T/learners.pdf")
[ "$got" -eq "$learners" ] || fail "learners' timetables print on $got pages, want $learners"
browse --print-to-pdf="$T/all.pdf" "$(url "$R")" >/dev/null
got=$(pages "$T/all.pdf")
[ "$got" -gt $((learners + 5)) ] || fail "the whole report prints on $got pages only"

# the search box: by name, then by id
name=$(awk -F, 'NR == 2 {print $2}' "$S/learners.csv")
browse --dump-dom "$(url "$R")#find=$(echo "$name" | sed 's/ /%20/g')" >"$T/find.html"
grep -q "id=\"found\">1 of $learners learners match<" "$T/find.html" ||
	fail "search for '$name' does not find one learner"
browse --dump-dom "$(url "$R")#find=L000" >"$T/find.html"
grep -q "id=\"found\">9 of $learners learners match<" "$T/find.html" ||
	fail "search for 'L000' does not find L0001-L0009"
: >"$T/console"
browse --dump-dom "$(url "$R")#find=%E0%A4%A" >"$T/find.html"
grep -E 'CONSOLE|Uncaught' "$T/console" >&2 && fail "a malformed #find= gives console errors (above)"

# screenshots of each view, and a learner on a phone
rm -rf "$SHOTS"
mkdir -p "$SHOTS"
for view in summary charts unmet facilitators rooms coaches learners; do
	browse --window-size=1000,760 --screenshot="$SHOTS/$view.png" \
		"$(url "$R")#show=$view" >/dev/null
	[ -s "$SHOTS/$view.png" ] || fail "no screenshot of $view"
done
for view in summary learners; do
	browse --window-size=390,760 --screenshot="$SHOTS/phone-$view.png" \
		"$(url "$R")#show=$view" >/dev/null
	[ -s "$SHOTS/phone-$view.png" ] || fail "no phone screenshot of $view"
done

# -- hostile names are inert -------------------------------------------------------
H=$T/hostile
cp -r tests/data/tiny "$H"
cat >"$H/learners.csv" <<'CSV'
learner_id,name,age,coach_id,unavailable
L1,<script>alert(1)</script>,13,F1,
L2,"=HYPERLINK(""x"")",14,F1,Mon2
L3,Cy,15,F2,
L4,Di,13,,
CSV
sed -i 's/^M1,Fractions,/M1,<img src=x onerror=alert(2)>,/' "$H/goals.csv"
"$BIN" solve "$H" -o "$T/hout" --time-limit 5 -q || fail "solve hostile: exit $?"
HR=$T/hout/report.html
grep -q '<script>alert' "$HR" && fail "a learner's name is a live script in report.html"
grep -q '<img' "$HR" && fail "a goal's title is a live image in report.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$HR" || fail "the <script> name is not shown"
grep -q '=HYPERLINK(&quot;x&quot;)' "$HR" || fail "the =HYPERLINK name is not shown"
: >"$T/console"
browse --dump-dom "$(url "$HR")" >"$T/hdom.html"
python3 tests/cli/report_dom.py "$T/hdom.html" "$H" "$T/hout" || fail "report_dom.py (hostile)"
[ "$(grep -o '<script' "$T/hdom.html" | wc -l)" -eq 1 ] || fail "hostile: a script element was added"
grep -q '<img' "$T/hdom.html" && fail "hostile: an image element was added"
grep -E 'CONSOLE|Uncaught' "$T/console" >&2 && fail "hostile: console messages (above)"
browse --dump-dom "$(url "$HR")#find=%3Cscript%3E" >"$T/hfind.html"
grep -q 'id="found">1 of 4 learners match<' "$T/hfind.html" || fail "search for '<script>' does not find one learner"

if [ "$fails" -eq 0 ]; then
	echo "report.sh: all passed (report $(wc -c <"$R") bytes, $learners learner pages)"
fi
[ "$fails" -eq 0 ]
