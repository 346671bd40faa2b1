#!/bin/sh
# mclsched-gen: deterministic, the sizes asked for, and feasible by the same
# count mclsched makes (every block's available facilitators can seat its
# available learners in its rooms, sessions capped at 40).
set -u
BUILD=${BUILD:-build}
GEN=$BUILD/mclsched-gen
T=$(mktemp -d /tmp/mclsched-gen-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "gen.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

"$GEN" --learners 300 --seed 4 -o "$T/a" 2>/dev/null || fail "gen a"
"$GEN" --learners 300 --seed 4 -o "$T/b" 2>/dev/null || fail "gen b"
"$GEN" --learners 300 --seed 5 -o "$T/c" 2>/dev/null || fail "gen c"
diff -r "$T/a" "$T/b" >/dev/null || fail "same seed, different files"
cmp -s "$T/a/needs.csv" "$T/c/needs.csv" && fail "different seeds, same needs"
"$GEN" --learners 300 --seed 4 -o "$T/a" 2>/dev/null && fail "overwrote a non-empty directory"
"$GEN" --learners 300 --seed 4 -o "$T/a" --force 2>/dev/null || fail "--force"

for n in 60 1500; do
	"$GEN" --learners $n --seed 1 -o "$T/n$n" 2>/dev/null || fail "gen $n"
	rows=$(($(wc -l <"$T/n$n/learners.csv") - 1))
	[ "$rows" -eq $n ] || fail "$n learners asked, $rows written"
	# feasibility, recomputed from the CSVs for every workshop block
	awk -F, -v lab=40 '
	FNR == 1 { file++; next }
	file == 1 { blocks[++nb] = $1; kind[$1] = $5 }
	file == 2 { nl++; n = split($5, u, ";"); for (i = 1; i <= n; i++) lu[u[i]]++ }
	file == 3 { nf++; n = split($4, u, ";"); for (i = 1; i <= n; i++) fu[u[i]]++ }
	file == 4 { cap[++nr] = ($3 < lab ? $3 : lab); n = split($5, u, ";"); for (i = 1; i <= n; i++) ru[nr, u[i]] = 1 }
	END {
		bad = 0
		for (k = 1; k <= nb; k++) {
			b = blocks[k]
			if (kind[b] != "workshop") continue
			f = nf - fu[b]; m = 0
			for (r = 1; r <= nr; r++) if (!((r, b) in ru)) c[++m] = cap[r]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (c[j] > c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
			s = 0
			for (i = 1; i <= m && i <= f; i++) s += c[i]
			if (s < nl - lu[b]) { print "block " b ": seats " s " < learners " nl - lu[b]; bad = 1 }
		}
		exit bad
	}' "$T/n$n/blocks.csv" "$T/n$n/learners.csv" "$T/n$n/facilitators.csv" "$T/n$n/rooms.csv" ||
		fail "$n learners: a block cannot seat its learners"
done

[ "$fails" -eq 0 ] || exit 1
echo "gen.sh: all passed"
