#!/bin/sh
# The bad-input corpus: each tests/bad/NN-name/ is a complete scenario (the
# valid tests/data/tiny with one defect) plus `expect`, the FILE:LINE:
# message lines the check must print.  `mclsched check` must exit 2, print
# nothing on stdout, and print every line of `expect` on stderr.  Then the
# hostile inputs made here in /tmp: a 100 MB file of rows, a 100 MB quoted
# field, a 1 MB field, an unreadable file.
set -u
. tests/support/cli.sh
n=0
AS=                     # a command prefix to run the check as another user

run_case() { # name dir
	name=$1
	dir=$2
	n=$((n + 1))
	$AS "$BIN" check "$dir" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "$name: exit $rc, want 2 ($(head -c 300 "$T/err"))"
	[ ! -s "$T/out" ] || fail "$name: printed on stdout"
	if [ -f "$3" ]; then
		while IFS= read -r want; do
			[ -n "$want" ] || continue
			grep -qF -- "$want" "$T/err" || fail "$name: stderr lacks '$want': $(head -c 400 "$T/err")"
		done <"$3"
	fi
	if grep -q "AddressSanitizer\|runtime error" "$T/err"; then
		fail "$name: sanitizer report"
	fi
}

for c in tests/bad/*/; do
	name=$(basename "$c")
	run_case "$name" "${c%/}" "$c/expect"
done

# Hostile inputs, made here rather than committed.
s=$T/huge
cp -r tests/data/tiny "$s"
{ cat tests/data/tiny/learners.csv; yes 'L9,Zed,14,' | head -c 100000000; } >"$s/learners.csv"
printf 'learners.csv:2000002: more than 2000000 rows\n' >"$T/expect-huge"
run_case hostile-100MB "$s" "$T/expect-huge"

s=$T/quoted
cp -r tests/data/tiny "$s"
{ printf 'learner_id,name\nL1,"'; head -c 100000000 /dev/zero | tr '\0' 'x'; } >"$s/learners.csv"
printf 'learners.csv:2: a row of more than 16 MB\n' >"$T/expect-quoted"
run_case hostile-100MB-quoted-field "$s" "$T/expect-quoted"
grep -q "unknown learner" "$T/err" && fail "hostile-100MB-quoted-field: references into the unread learners.csv reported"

s=$T/field
cp -r tests/data/tiny "$s"
{ printf 'learner_id,name\n'; head -c 1048576 /dev/zero | tr '\0' 'y'; printf ',Zed\n'; } >"$s/learners.csv"
printf "learners.csv:2: invalid learner_id 'yyyy\n" >"$T/expect-field"
run_case hostile-1MB-field "$s" "$T/expect-field"

# Root reads any file, so as root (CI) this case runs as nobody, with a
# copy of the binary that nobody can reach.
s=$T/unreadable
cp -r tests/data/tiny "$s"
printf 'rooms.csv: cannot open: Permission denied\n' >"$T/expect-perm"
if [ "$(id -u)" -ne 0 ]; then
	chmod 000 "$s/rooms.csv"
	run_case unreadable "$s" "$T/expect-perm"
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	cp "$BIN" "$T/mclsched"
	chmod -R a+rX "$T"
	chmod 000 "$s/rooms.csv"
	SAVED_BIN=$BIN
	BIN=$T/mclsched
	AS="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
	run_case unreadable-as-nobody "$s" "$T/expect-perm"
	BIN=$SAVED_BIN
	AS=
else
	echo "bad_inputs.sh: unreadable-file case skipped (root, and no setpriv or nobody)"
fi

[ "$fails" -eq 0 ] || { echo "bad_inputs.sh: $fails failure(s) in $n cases" >&2; exit 1; }
echo "bad_inputs.sh: $n cases passed"
