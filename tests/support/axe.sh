#!/bin/sh
# axe-core in headless Chromium on one page of ours:
#
#   sh tests/support/axe.sh PAGE.html [WIDTH]
#
# Exit 0: no serious or critical accessibility violation (the others are
# listed on stderr); 1: some (each listed with the elements it found); 77:
# skipped, with a message saying why, only when npm cannot reach its
# registry.  axe-core is a test-only tool, not a dependency of mclsched: it
# is installed from npm into $BUILD/axe-cache (created here; kept between
# runs) the first time.  The page is copied with axe.min.js and a few lines
# that run it appended; Chromium lets the page's timers run
# (--virtual-time-budget) and --dump-dom returns the results, written into
# a <pre id="axe-out"> as JSON.  WIDTH (default 1000) is the width of the
# page in CSS pixels (of a frame, since no headless window is narrower
# than 500 px).  The same run also fails a section heading that the
# sticky navigation covers after a jump to it (scrollIntoView, as a click on
# the link), and at 400 px or less a key-figures table (table.kpi) wider
# than its scrolling region.  And what the consumer review of issue 28
# found, checked whatever impact axe gives it: a table header cell with no
# text; a region that scrolls (overflow auto or scroll) that a keyboard
# cannot reach (tabindex 0) or a screen reader cannot name (role and
# aria-label); a chart (svg role=img) without its numbers as a table
# beside it; a page without exactly one main landmark, or with content
# outside the landmarks (axe's region rule, "moderate").
set -u
BUILD=${BUILD:-build}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
AXE_VERSION=${AXE_VERSION:-4.14}
page=$1
width=${2:-1000}
cache=$BUILD/axe-cache
axe=$cache/node_modules/axe-core/axe.min.js
if [ ! -s "$axe" ]; then
	command -v npm >/dev/null 2>&1 || { echo "axe.sh: no npm: run .ci/install-deps" >&2; exit 1; }
	mkdir -p "$cache"
	if ! timeout 300 npm install --prefix "$cache" --no-audit --no-fund --silent \
		"axe-core@$AXE_VERSION" >"$cache/npm.log" 2>&1; then
		if ! timeout 60 npm ping >/dev/null 2>&1; then
			echo "axe.sh: SKIP: npm cannot reach its registry (no network), so axe-core" \
				"could not be installed; the accessibility check did not run" >&2
			exit 77
		fi
		echo "axe.sh: npm install axe-core failed: $(tail -5 "$cache/npm.log")" >&2
		exit 1
	fi
fi
T=$(mktemp -d /tmp/mclsched-axe-XXXXXX)
trap 'rm -rf "$T"' EXIT
{
	sed 's#</body></html>##' "$page"
	printf '<script>'
	cat "$axe"
	cat <<'JS'
</script><script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
	var out = r.violations.map(function (v) {
		return {id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })};
	});
	var k = document.querySelector("table.kpi"), wide = [];
	if (k && k.parentElement.scrollWidth > k.parentElement.clientWidth + 1 && innerWidth <= 400)
		wide.push("clipped: table.kpi " + k.parentElement.scrollWidth + " px in " +
			  k.parentElement.clientWidth + " px");
	/* each section the navigation jumps to: its heading below the navigation */
	var nav = document.querySelector("nav"), links = nav ? nav.querySelectorAll("a[href^='#']") : [];
	for (var i = 0; i < links.length; i++) {
		var t = document.getElementById(links[i].getAttribute("href").slice(1));
		if (!t)
			continue;
		t.scrollIntoView();
		var h = t.querySelector("h2") || t, under = nav.getBoundingClientRect().bottom;
		if (h.getBoundingClientRect().top < under - 1)
			wide.push("covered: the heading of #" + t.id + " at " +
				  Math.round(h.getBoundingClientRect().top) + " px, under the navigation to " +
				  Math.round(under) + " px");
	}
	var ths = document.querySelectorAll("th");
	for (var i = 0; i < ths.length; i++)
		if (!ths[i].textContent.trim() && !ths[i].getAttribute("aria-label"))
			wide.push("empty header cell: " + ths[i].parentElement.outerHTML.slice(0, 120));
	var all = document.body.querySelectorAll("*");
	for (var i = 0; i < all.length; i++) {
		var e = all[i], cs = getComputedStyle(e);
		if (!/auto|scroll/.test(cs.overflowX + " " + cs.overflowY) || e.id == "axe-out")
			continue;
		if (e.tabIndex < 0 || !e.getAttribute("role") || !e.getAttribute("aria-label"))
			wide.push("scroll region without tabindex, role or label: " +
				  e.outerHTML.slice(0, 120));
	}
	var charts = document.querySelectorAll("svg[role=img]");
	for (var i = 0; i < charts.length; i++) {
		var next = charts[i].nextElementSibling;
		if (!next || !next.querySelector("table"))
			wide.push("chart without a table of its numbers: " +
				  charts[i].getAttribute("aria-label"));
	}
	if (document.querySelectorAll("main").length != 1)
		wide.push("main landmarks: " + document.querySelectorAll("main").length + ", want 1");
	var strict = ["region", "empty-table-header", "scrollable-region-focusable"];
	r.violations.forEach(function (v) {
		if (strict.indexOf(v.id) >= 0)
			wide.push("axe " + v.id + " (" + v.impact + "): " + v.help);
	});
	parent.postMessage(JSON.stringify({violations: out, wide: wide, width: innerWidth}), "*");
});
</script></body></html>
JS
} >"$T/page.html"
# The page runs in a frame WIDTH px wide: headless Chromium makes no window
# narrower than 500 px, so a phone's width is the frame's.  The results
# come back by postMessage (file: pages are of no common origin).
cat >"$T/frame.html" <<HTML
<!DOCTYPE html><html><head><title>axe</title></head><body style="margin:0">
<iframe src="page.html" title="page" style="border:0;width:${width}px;height:900px"></iframe>
<script>addEventListener("message", function (e) {
	var p = document.createElement("pre");
	p.id = "axe-out";
	p.textContent = e.data;
	document.body.appendChild(p);
});</script></body></html>
HTML
timeout 300 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
	--user-data-dir="$T/profile" --window-size="$((width + 40)),960" \
	--virtual-time-budget=60000 --dump-dom "file://$T/frame.html" >"$T/dom.html" 2>"$T/chrome.err"
python3 - "$T/dom.html" "$page" "$width" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="axe-out">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit("axe.sh: %s: axe-core gave no result" % sys.argv[2])
res = json.loads(html.unescape(m.group(1)))
if res["width"] != int(sys.argv[3]):
    sys.exit("axe.sh: %s: the page had %s px, not %s" % (sys.argv[2], res["width"], sys.argv[3]))
bad = [v for v in res["violations"] if v["impact"] in ("serious", "critical")]
for v in res["violations"]:
    print("axe.sh: %s: %s %s: %s (%s)" % (sys.argv[2], v["impact"], v["id"], v["help"],
                                           "; ".join(v["nodes"])), file=sys.stderr)
for w in res["wide"]:
    print("axe.sh: %s: %s" % (sys.argv[2], w), file=sys.stderr)
sys.exit(1 if bad or res["wide"] else 0)
PY
