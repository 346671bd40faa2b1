# bench/cbc_result.awk - CBC's report (`cbc FILE.lp ... -solve`) as shell
# assignments, for bench/run.sh and bench/leftout.sh to eval:
#   c_res   CBC's "Result - " line (empty when it printed none)
#   c_obj   the best objective found (empty when none)
#   c_bound CBC's bound; when it proved an optimum, that objective
/^Result - / { sub(/^Result - /, ""); r = $0 }
/^Objective value:/ { o = $3 }
/^(Upper|Lower) bound:/ { b = $3 }
/^No feasible solution found/ { o = "" }
END {
	if (r ~ /^Optimal/ && b == "")
		b = o
	gsub(/"/, "", r)
	printf "c_res=\"%s\" c_obj=%s c_bound=%s\n", r, o, b
}
