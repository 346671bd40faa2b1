#!/bin/sh
# Writes the seed corpora of the fuzz harnesses into OUT/csv, OUT/config,
# OUT/check and OUT/case, from the scenarios in examples/, tests/data/ and tests/bad/:
# every CSV file (csv), every scenario.conf (config), and every scenario
# directory as one text, each file after a "--- NAME" line (check; see
# fuzz_check.c).  A seed is named by its checksum, so copies collapse.
# Usage: sh tests/fuzz/seeds.sh OUT   (from the top of the checkout)
set -eu
out=${1:?usage: seeds.sh OUT}
mkdir -p "$out/csv" "$out/config" "$out/check" "$out/case"
tmp=$(mktemp "${TMPDIR:-/tmp}/mclsched-seed-XXXXXX")
trap 'rm -f "$tmp"' EXIT

keep() { # harness file: copies file into out/harness under its checksum
	sum=$(cksum <"$2" | tr ' ' '-')
	cp "$2" "$out/$1/seed-$sum"
}

for dir in examples/*/ tests/data/*/ tests/bad/*/; do
	[ -d "$dir" ] || continue
	: >"$tmp"
	for f in "$dir"*; do
		name=$(basename "$f")
		case $name in
		*.csv | scenario.conf) ;;
		*) continue ;;
		esac
		if [ -d "$f" ]; then
			printf -- '--- %s/\n' "$name" >>"$tmp"
			continue
		fi
		[ -r "$f" ] || continue
		printf -- '--- %s\n' "$name" >>"$tmp"
		cat "$f" >>"$tmp"
		case $name in
		*.csv) keep csv "$f" ;;
		*) keep config "$f" ;;
		esac
	done
	keep check "$tmp"
done
# case: the CASE packages of tests/data/ (fuzz_case.c)
for f in tests/data/*/*.json; do
	[ -f "$f" ] && keep case "$f"
done
exit 0
