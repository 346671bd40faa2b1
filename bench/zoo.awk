# zoo.awk - the zoo's distribution for RESULTS.md, from results.csv (bench/run.sh):
# per school size and model, over the zoo-* cases, the median and the worst of
# the gap, learners_left_out and learner_days_covered_pct, for mclsched and for
# the greedy, and how many schools mclsched scored below the greedy.  Both gaps
# are against mclsched's proven bound for the school (the greedy's own bound is
# only "everything wanted"), so they compare.
#
#   awk -F, -f bench/zoo.awk results.csv
function sortn(a, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
}
function med(a, n) {
	if (n == 0) return ""
	sortn(a, n)
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function worst(a, n, hi,    i, w) {   # the largest when hi, else the smallest
	if (n == 0) return ""
	w = a[1]
	for (i = 2; i <= n; i++)
		if ((hi && a[i] > w) || (!hi && a[i] < w)) w = a[i]
	return w
}
NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
$c["case"] ~ /^zoo-/ && ($c["solver"] == "mclsched" || $c["solver"] == "greedy") {
	k = $c["learners"] " learners, " $c["model"]
	if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
	s = $c["solver"]
	if ($c["found"] != "yes") { nofound[k, s]++; next }
	if (s == "mclsched") {
		g = ($c["gap"] == "") ? "" : 100 * $c["gap"]
		mobj[$c["case"]] = $c["objective"]
		bad[k] += ($c["verify"] != "0")
	} else {
		g = ($c["pct_of_bound"] == "") ? "" : 100 - $c["pct_of_bound"]
		gobj[$c["case"]] = $c["objective"]
		gkey[$c["case"]] = k
	}
	n = ++cnt[k, s]
	gap[k, s, n] = g; lo[k, s, n] = $c["learners_left_out"]; dc[k, s, n] = $c["learner_days_covered_pct"]
}
END {
	if (nk == 0) { print "No zoo case ran (mclsched-gen without --style, or BENCH_CASES)."; exit }
	for (cs in gobj)
		if (cs in mobj && mobj[cs] + 1e-6 < gobj[cs]) below[gkey[cs]]++
	print "| schools | solver | n | gap % median | gap % worst | learners_left_out median | worst | learner_days_covered_pct median | worst | below the greedy | not verified | no schedule |"
	print "|---|---|---|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= nk; i++)
		for (j = 1; j <= 2; j++) {
			k = keys[i]; s = (j == 1) ? "mclsched" : "greedy"; n = cnt[k, s] + 0
			delete a1; delete a2; delete a3; delete b1; delete b2; delete b3
			for (m = 1; m <= n; m++) {
				a1[m] = b1[m] = gap[k, s, m] + 0
				a2[m] = b2[m] = lo[k, s, m] + 0
				a3[m] = b3[m] = dc[k, s, m] + 0
			}
			printf "| %s | %s | %d | %.2f | %.2f | %s | %s | %.1f | %.1f | %s | %s | %d |\n", k, s, n,
				med(a1, n), worst(b1, n, 1), med(a2, n), worst(b2, n, 1), med(a3, n),
				worst(b3, n, 0), (s == "mclsched") ? below[k] + 0 : "",
				(s == "mclsched") ? bad[k] + 0 : "", nofound[k, s] + 0
		}
}
