#!/bin/sh
# mclsched-gen: usage errors, determinism, the sizes asked for, atomic
# writing, `mclsched check` on what it writes, and the feasibility guarantee
# recomputed here from the CSV files for every block:
#   seats(b) = sum of min(capacity, 40) over the largest min(F_b, R_b) open
#   rooms >= 1.08 x the learners available in b; and the facilitators'
#   session budget exceeds the fewest sessions the workshop blocks need.
set -u
BUILD=${BUILD:-build}
GEN=$BUILD/mclsched-gen
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-gen-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "gen.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

# expect CODE CMD...: exit status CODE; on 1, usage on stderr and nothing on stdout
expect() {
	code=$1
	shift
	"$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "exit $rc, want $code: $*"
	if [ "$code" -eq 1 ]; then
		[ ! -s "$T/stdout" ] || fail "stdout not empty: $*"
		[ -s "$T/stderr" ] || fail "nothing on stderr: $*"
	fi
}

# --- usage ---
expect 0 "$GEN" --help
grep -q "^usage: mclsched-gen" "$T/stdout" || fail "--help: no usage on stdout"
expect 1 "$GEN"
grep -q "usage:" "$T/stderr" || fail "no arguments: no usage on stderr"
expect 1 "$GEN" --learners 10 --seed 1 -o "$T/u"
expect 1 "$GEN" --learners 6001 --seed 1 -o "$T/u"
expect 1 "$GEN" --learners abc --seed 1 -o "$T/u"
expect 1 "$GEN" --learners "" --seed 1 -o "$T/u"
expect 1 "$GEN" --learners 60 --seed -1 -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1x -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1 --model bogus -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1 --days 0 -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1 --days 8 -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1
expect 1 "$GEN" --learners 60 -o "$T/u"
expect 1 "$GEN" --learners 60 --seed 1 -o "$T/u" extra
expect 1 "$GEN" --learners 60 --seed 1 --bogus -o "$T/u"
[ ! -e "$T/u" ] || fail "a usage error wrote '$T/u'"
: >"$T/file"
expect 1 "$GEN" --learners 60 --seed 1 -o "$T/file"

# --- determinism, overwriting, atomic writing ---
"$GEN" --learners 300 --seed 4 -o "$T/a" 2>/dev/null || fail "gen a"
"$GEN" --learners 300 --seed 4 -o "$T/b/" 2>/dev/null || fail "gen b (trailing slash)"
"$GEN" --learners 300 --seed 5 -o "$T/c" 2>/dev/null || fail "gen c"
diff -r "$T/a" "$T/b" >/dev/null || fail "same arguments, different files"
for f in learners.csv needs.csv progress.csv choices.csv facilitators.csv; do
	cmp -s "$T/a/$f" "$T/c/$f" && fail "seeds 4 and 5 wrote the same $f"
done
expect 1 "$GEN" --learners 300 --seed 4 -o "$T/a"
grep -q "force" "$T/stderr" || fail "non-empty directory: message does not mention --force"
echo keep >"$T/a/notes.txt"
"$GEN" --learners 300 --seed 5 -o "$T/a" --force 2>/dev/null || fail "--force"
diff -r -x notes.txt "$T/a" "$T/c" >/dev/null || fail "--force did not replace every file"
[ -f "$T/a/notes.txt" ] || fail "--force removed a file it did not write"
mkdir "$T/empty"
"$GEN" --learners 60 --seed 1 -o "$T/empty" 2>/dev/null || fail "empty existing directory"
[ -f "$T/empty/scenario.conf" ] || fail "empty existing directory: nothing written"
"$GEN" --learners 60 --seed 1 -o "$T/new/deeper/dir" 2>/dev/null || fail "missing parents"
left=$(find "$T" -name '*.tmp-*' | head -1)
[ -z "$left" ] || fail "temporary directory left behind: $left"

# count FILE: data rows
count() { echo $(($(wc -l <"$1") - 1)); }

# feasible DIR: the guarantee, recomputed (columns found by header name)
feasible() {
	awk -F, -v lab=40 '
	FNR == 1 { file++; delete col; for (i = 1; i <= NF; i++) col[$i] = i; next }
	file == 1 { blocks[++nb] = $col["block_id"]; kind[$col["block_id"]] = $col["kind"] }
	file == 2 { n = split($col["unavailable"], u, ";"); for (i = 1; i <= n; i++) la[u[i]]++; nl++ }
	file == 3 {
		nf++; fmax[nf] = $col["max_sessions"]
		n = split($col["unavailable"], u, ";"); for (i = 1; i <= n; i++) { fa[u[i]]++; faway[nf, u[i]] = 1 }
	}
	file == 4 {
		c = $col["capacity"] + 0; cap[++nr] = c < lab ? c : lab
		n = split($col["unavailable"], u, ";"); for (i = 1; i <= n; i++) rc[nr, u[i]] = 1
	}
	END {
		bad = 0; need = 0
		for (k = 1; k <= nb; k++) {
			b = blocks[k]; m = 0
			for (r = 1; r <= nr; r++) if (!((r, b) in rc)) s[++m] = cap[r]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (s[j] > s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
			f = nf - fa[b]; learners = nl - la[b]; seats = 0
			for (i = 1; i <= m && i <= f; i++) seats += s[i]
			if (seats < 1.08 * learners) { print "block " b ": " seats " seats for " learners " learners"; bad = 1 }
			if (kind[b] != "workshop") continue
			sum = 0; for (i = 1; i <= m && sum < learners; i++) sum += s[i]
			need += i - 1
		}
		budget = 0
		for (x = 1; x <= nf; x++) {
			avail = 0
			for (k = 1; k <= nb; k++) if (kind[blocks[k]] == "workshop" && !((x, blocks[k]) in faway)) avail++
			budget += (fmax[x] != "" && fmax[x] + 0 < avail) ? fmax[x] + 0 : avail
		}
		if (budget <= need) { print "session budget " budget " <= sessions needed " need; bad = 1 }
		exit bad
	}' "$1/blocks.csv" "$1/learners.csv" "$1/facilitators.csv" "$1/rooms.csv"
}

# --- sizes, shape and feasibility ---
for n in 60 300 1500; do
	d=$T/n$n
	"$GEN" --learners $n --seed 1 -o "$d" 2>/dev/null || { fail "gen $n"; continue; }
	for f in scenario.conf blocks.csv learners.csv facilitators.csv rooms.csv goals.csv \
		prerequisites.csv needs.csv progress.csv seminars.csv choices.csv expertise.csv; do
		[ -s "$d/$f" ] || fail "$n learners: $f missing or empty"
	done
	grep -q "^name = \"Generated $n learners seed 1\"$" "$d/scenario.conf" || fail "$n: scenario name"
	grep -q "^model = workshop$" "$d/scenario.conf" || fail "$n: default model"
	[ "$(count "$d/learners.csv")" -eq $n ] || fail "$n learners asked, $(count "$d/learners.csv") written"
	[ "$(count "$d/blocks.csv")" -eq 25 ] || fail "$n: $(count "$d/blocks.csv") blocks, want 25"
	nf=$(count "$d/facilitators.csv")
	[ "$nf" -ge $((n / 25)) ] && [ "$nf" -le $((n / 25 + n / 100 + 3)) ] ||
		fail "$n learners: $nf facilitators, want about one per 25"
	[ "$(count "$d/rooms.csv")" -ge "$nf" ] || fail "$n: fewer rooms than facilitators"
	per_area=$(awk -F, '$3 == "Math"' "$d/goals.csv" | wc -l)
	want=$((6 + n / 75)); [ $want -gt 28 ] && want=28
	[ "$per_area" -eq $want ] || fail "$n: $per_area Math goals, want $want"
	awk -F, 'NR > 1 && $4 == "online"' "$d/goals.csv" | grep -q . || fail "$n: no online goal"
	# every learner: 3-6 needs, exactly one of priority 1; 3-5 ranked seminars
	awk -F, 'NR > 1 { k[$1]++; if ($3 == 1) p[$1]++ }
		END { for (l in k) if (k[l] < 3 || k[l] > 6 || p[l] != 1) { print l; exit 1 } }' \
		"$d/needs.csv" >/dev/null || fail "$n: a learner without 3-6 needs and one power goal"
	awk -F, 'NR > 1 { k[$1]++ } END { for (l in k) if (k[l] < 3 || k[l] > 5) exit 1; exit length(k) == 0 }' \
		"$d/choices.csv" || fail "$n: a learner without 3-5 seminar choices"
	feasible "$d" >"$T/why" || fail "$n learners: not feasible: $(head -3 "$T/why")"
done
rows=$(count "$T/n1500/needs.csv")
[ "$rows" -ge 4500 ] && [ "$rows" -le 9000 ] || fail "1500 learners: $rows needs"

# The awk check must be able to fail: take most facilitators away.
cp -r "$T/n300" "$T/thin"
awk -F, 'NR <= 4' "$T/n300/facilitators.csv" >"$T/thin/facilitators.csv"
feasible "$T/thin" >/dev/null && fail "feasibility check passed a school with 3 facilitators"

# --- mclsched check accepts what the generator writes ---
"$GEN" --learners 300 --seed 2 --model power-goal -o "$T/pg" 2>/dev/null || fail "gen power-goal"
"$GEN" --learners 300 --seed 2 --model combination --days 4 -o "$T/comb" 2>/dev/null ||
	fail "gen combination"
[ "$(count "$T/comb/blocks.csv")" -eq 20 ] || fail "--days 4: not 20 blocks"
feasible "$T/pg" >"$T/why" || fail "power-goal: not feasible: $(head -3 "$T/why")"
if [ -x "$BIN" ]; then
	for d in n60 n300 n1500 pg comb; do
		"$BIN" check "$T/$d" >/dev/null 2>"$T/err" ||
			fail "mclsched check $d: exit $? ($(head -3 "$T/err"))"
		grep -q "warning" "$T/err" && fail "mclsched check $d: warnings: $(head -3 "$T/err")"
	done
else
	echo "gen.sh: no $BIN; skipped mclsched check of generated scenarios" >&2
fi

# --- the largest school (its speed is measured in docs/generator.md, not here) ---
"$GEN" --learners 6000 --seed 9 -o "$T/big" 2>/dev/null || fail "gen 6000"
feasible "$T/big" >"$T/why" || fail "6000 learners: not feasible: $(head -3 "$T/why")"
[ "$(count "$T/big/learners.csv")" -eq 6000 ] || fail "6000 learners: wrong row count"

[ "$fails" -eq 0 ] || exit 1
echo "gen.sh: all passed"
