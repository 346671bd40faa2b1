# Sourced by tests/cli/*.sh (needs fail() and $T): cbc_check NAME OUT_DIR LP
# solves the exact model LP (--write-lp) with CBC (100 s) and checks that it
# agrees with mclsched's summary.csv in OUT_DIR, whatever mclsched's status:
# objective <= CBC's optimum <= bound; when CBC stops on its time limit,
# objective <= CBC's bound and CBC's best <= our bound.
cbc_check() {
	timeout 300 cbc "$3" -sec 100 -timeMode elapsed -solve >"$T/$1.cbc" 2>&1
	ours=$(awk -F, '$1 == "objective" {print $2}' "$2/summary.csv")
	bound=$(awk -F, '$1 == "bound" {print $2}' "$2/summary.csv")
	cbc_obj=$(sed -n 's/^Objective value: *//p' "$T/$1.cbc" | head -1)
	cbc_bound=$(sed -n 's/^Upper bound: *//p' "$T/$1.cbc" | head -1)
	if grep -q "^Result - Optimal solution found" "$T/$1.cbc"; then
		awk -v c="$cbc_obj" -v o="$ours" -v b="$bound" 'BEGIN {exit !(c != "" && o <= c + 1e-6 && c <= b + 1e-6)}' ||
			fail "$1: cbc optimum '$cbc_obj' outside [mclsched $ours, bound $bound]"
	elif grep -q "^Result - Stopped on time limit" "$T/$1.cbc"; then
		awk -v cb="$cbc_bound" -v o="$ours" 'BEGIN {exit !(cb != "" && o <= cb + 1e-6)}' ||
			fail "$1: mclsched $ours above cbc's bound '$cbc_bound'"
		[ -z "$cbc_obj" ] || awk -v c="$cbc_obj" -v b="$bound" 'BEGIN {exit !(c <= b + 1e-6)}' ||
			fail "$1: cbc's best $cbc_obj above mclsched's bound $bound"
	else
		fail "$1: cbc gave no result on the written LP: $(tail -5 "$T/$1.cbc")"
	fi
}
