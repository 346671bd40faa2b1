# plot.awk - the scaling plot of make bench, drawn from results.csv.
#
#   awk -f bench/plot.awk results.csv > scaling.svg
#   awk -f bench/plot.awk -v mode=exponents results.csv    (markdown)
#
# Reads mclsched's rows of the scaling series (results.csv `series`: the
# default workshop and combination schools at 300 to 6000 learners) and
# draws three panels in one self-contained SVG: wall time against learners
# (log-log, with each case's time limit dashed), gap against learners, and
# peak memory against learner-needs (rows of needs.csv, log-log).  With
# mode=exponents it prints instead the empirical growth exponents: the
# least-squares slope of log(time) and log(memory) against log(learners),
# and of log(memory) against log(learner-needs), per series.  Plain awk, no
# plotting library: the bench must run wherever the project builds.

BEGIN {
	FS = ","
	W = 330; H = 270; ML = 58; MR = 14; MT = 34; MB = 46   # one panel
	ns = 0
	color["workshop"] = "#1f77b4"; color["combination"] = "#d95f02"
}

NR == 1 {
	for (i = 1; i <= NF; i++)
		c[$i] = i
	next
}

$c["solver"] == "mclsched" && $c["series"] != "" && $c["found"] == "yes" {
	s = $c["series"]
	if (!(s in np)) {
		series[++ns] = s
		np[s] = 0
	}
	k = ++np[s]
	X[s, k] = $c["learners"] + 0
	T[s, k] = $c["wall_s"] + 0
	L[s, k] = $c["limit_s"] + 0
	G[s, k] = 100 * $c["gap"]
	M[s, k] = $c["peak_mib"] + 0
	N[s, k] = $c["learner_needs"] + 0
}

# least-squares slope of log(y) on log(x) over the points of series s
function slope(s, xa, ya,    k, n, sx, sy, sxx, sxy, lx, ly) {
	n = 0; sx = sy = sxx = sxy = 0
	for (k = 1; k <= np[s]; k++) {
		if (xa == "X") lx = X[s, k]; else lx = N[s, k]
		if (ya == "T") ly = T[s, k]; else ly = M[s, k]
		if (lx <= 0 || ly <= 0)
			continue
		lx = log(lx); ly = log(ly)
		n++; sx += lx; sy += ly; sxx += lx * lx; sxy += lx * ly
	}
	if (n < 2 || n * sxx - sx * sx == 0)
		return ""
	return sprintf("%.2f", (n * sxy - sx * sy) / (n * sxx - sx * sx))
}

function at_limit(s,    k, n) {
	n = 0
	for (k = 1; k <= np[s]; k++)
		n += T[s, k] >= 0.8 * L[s, k]
	return n
}

function range(s,    k, lo, hi) {
	lo = hi = X[s, 1]
	for (k = 2; k <= np[s]; k++) {
		if (X[s, k] < lo) lo = X[s, k]
		if (X[s, k] > hi) hi = X[s, k]
	}
	return lo "-" hi
}

function exponents(    i, s) {
	print "Empirical growth exponents of mclsched (least-squares slope on log-log axes"
	print "over the series' cases; 1 is linear growth). Wall time is the time to the"
	print "gap limit or the time limit, whichever came first: where a case ran to its"
	print "limit (\"at limit\": a wall time of at least 80% of it), its time measures"
	print "the limit given, not the work needed."
	print ""
	print "| series | learners | cases | at limit | time ~ learners^k | memory ~ learners^k | memory ~ learner-needs^k |"
	print "|---|---|---|---|---|---|---|"
	for (i = 1; i <= ns; i++) {
		s = series[i]
		printf "| %s | %s | %d | %d | %s | %s | %s |\n", s, range(s), np[s], at_limit(s),
			slope(s, "X", "T"), slope(s, "X", "M"), slope(s, "N", "M")
	}
	if (ns == 0)
		print "| (no scaling series in this run) | | | | | | |"
}

# ---- SVG ------------------------------------------------------------------------

function lg(v) { return log(v) / log(10) }

# axis limits of panel p over every series: xlo..xhi, ylo..yhi
function limits(p,    i, s, k, x, y) {
	xlo = ylo = 1e300; xhi = yhi = -1e300
	for (i = 1; i <= ns; i++) {
		s = series[i]
		for (k = 1; k <= np[s]; k++) {
			x = (p == 3) ? N[s, k] : X[s, k]
			y = (p == 1) ? T[s, k] : (p == 2) ? G[s, k] : M[s, k]
			if (p == 1 && L[s, k] > y) y = L[s, k]
			if (x < xlo) xlo = x; if (x > xhi) xhi = x
			if (y < ylo) ylo = y; if (y > yhi) yhi = y
			if (p == 1 && T[s, k] < ylo) ylo = T[s, k]
		}
	}
	if (xlo <= 0) xlo = 1
	if (p == 2) { ylo = 0; if (yhi <= 0) yhi = 1; yhi *= 1.1 }
	else { if (ylo <= 0) ylo = 0.01; ylo = 10 ^ int(lg(ylo) - (lg(ylo) < 0)); yhi = yhi * 1.5 }
	xlo = xlo / 1.3; xhi = xhi * 1.3
	if (xhi <= xlo) xhi = xlo * 10
	if (yhi <= ylo) yhi = ylo * 10
}

function px(p, x) { return (p - 1) * W + ML + (lg(x) - lg(xlo)) / (lg(xhi) - lg(xlo)) * (W - ML - MR) }
function py(p, y) {
	if (p == 2)
		return MT + (1 - (y - ylo) / (yhi - ylo)) * (H - MT - MB)
	return MT + (1 - (lg(y) - lg(ylo)) / (lg(yhi) - lg(ylo))) * (H - MT - MB)
}

function fmt(v) { return (v >= 100) ? sprintf("%d", v) : (v >= 1) ? sprintf("%g", v) : sprintf("%.2g", v) }

function axes(p, title, xlab, ylab,    x0, x1, y0, y1, d, v, t) {
	x0 = (p - 1) * W + ML; x1 = p * W - MR; y0 = H - MB; y1 = MT
	printf "<text x=\"%.1f\" y=\"18\" class=\"t\">%s</text>\n", (x0 + x1) / 2, title
	printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"f\"/>\n", x0, y1, x1 - x0, y0 - y1
	printf "<text x=\"%.1f\" y=\"%d\" class=\"l\">%s</text>\n", (x0 + x1) / 2, H - 8, xlab
	printf "<text x=\"%d\" y=\"%.1f\" class=\"l\" transform=\"rotate(-90 %d %.1f)\">%s</text>\n", (p - 1) * W + 14, (y0 + y1) / 2, (p - 1) * W + 14, (y0 + y1) / 2, ylab
	# x ticks at 1, 2, 5 x powers of ten
	for (d = 10 ^ int(lg(xlo)); d <= xhi; d *= 10)
		for (t = 1; t <= 5; t += (t == 1) ? 1 : 3) {
			v = d * t
			if (v < xlo || v > xhi) continue
			printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"g\"/>", px(p, v), y0, px(p, v), y1
			printf "<text x=\"%.1f\" y=\"%d\" class=\"k\">%s</text>\n", px(p, v), y0 + 14, fmt(v)
		}
	if (p == 2) {
		for (t = 0; t <= 4; t++) {
			v = ylo + t * (yhi - ylo) / 4
			printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"g\"/>", x0, py(p, v), x1, py(p, v)
			printf "<text x=\"%d\" y=\"%.1f\" class=\"y\">%.2f</text>\n", x0 - 4, py(p, v) + 4, v
		}
	} else {
		for (d = ylo; d <= yhi; d *= 10)
			for (t = 1; t <= 5; t += (t == 1) ? 1 : 3) {
				v = d * t
				if (v < ylo || v > yhi) continue
				printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"g\"/>", x0, py(p, v), x1, py(p, v)
				printf "<text x=\"%d\" y=\"%.1f\" class=\"y\">%s</text>\n", x0 - 4, py(p, v) + 4, fmt(v)
			}
	}
}

function curve(p, s, what,    k, x, y, pts) {
	pts = ""
	for (k = 1; k <= np[s]; k++) {
		x = (p == 3) ? N[s, k] : X[s, k]
		y = (what == "L") ? L[s, k] : (p == 1) ? T[s, k] : (p == 2) ? G[s, k] : M[s, k]
		if (x <= 0 || (p != 2 && y <= 0)) continue
		pts = pts sprintf(" %.1f,%.1f", px(p, x), py(p, y))
		if (what != "L")
			printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %d: %s</title></circle>\n", px(p, x), py(p, y), color[s], s, X[s, k], fmt(y)
	}
	printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n", pts, color[s], (what == "L") ? 1 : 1.5, (what == "L") ? " stroke-dasharray=\"4 3\"" : ""
}

END {
	if (mode == "exponents") {
		exponents()
		exit
	}
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n", 3 * W, H + 22, 3 * W, H + 22
	print "<style>.t{font-size:13px;font-weight:bold;text-anchor:middle}.l{font-size:11px;text-anchor:middle}.k{font-size:10px;text-anchor:middle}.y{font-size:10px;text-anchor:end}.g{stroke:#ddd;stroke-width:1}.f{fill:none;stroke:#888}</style>"
	print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
	if (ns == 0) {
		print "<text x=\"20\" y=\"40\">no scaling series in this run</text></svg>"
		exit
	}
	split("wall time (s)|gap (%)|peak memory (MiB)", ylab, "|")
	split("Time|Gap|Memory", title, "|")
	for (p = 1; p <= 3; p++) {
		limits(p)
		axes(p, title[p], (p == 3) ? "learner-needs (log)" : "learners (log)", ylab[p])
		for (i = 1; i <= ns; i++) {
			if (p == 1) curve(p, series[i], "L")
			curve(p, series[i], "")
		}
	}
	for (i = 1; i <= ns; i++)
		printf "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">&#9679; %s</text>\n", 20 + (i - 1) * 140, H + 14, color[series[i]], series[i]
	printf "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">dashed: the time limit; wall time, gap and memory of mclsched (median of the runs)</text>\n", 20 + ns * 140, H + 14
	print "</svg>"
}
