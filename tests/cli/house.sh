#!/bin/sh
# The house rules of issue 25 (docs/testing.md, "House rules"): no product C
# file (cli/ compare/ engine/ inputs/ models/ outputs/) over 900 lines and no
# function over 150 lines, its body counted from its opening brace to its
# closing one.  Functions are found by a brace-depth scanner that skips
# comments, string and character literals and preprocessor lines: a '{' at
# depth 0 after a header ending in ')' with no '=' opens a function.
# First the scanner is tried on files made here (it must fail a 151-line
# function and a 901-line file, pass a 150-line one, and not be fooled by
# braces in strings, comments, macros and initialisers); then it runs on the
# product.  HOUSE_DIRS overrides the directories scanned.
set -u
MAX_FILE=900
MAX_FUNC=150
DIRS=${HOUSE_DIRS:-cli compare engine inputs models outputs}
. tests/support/cli.sh

# scan FILE...: prints "FILE:LINE: NAME is N lines" per function over
# MAX_FUNC and "FILE: N lines" per file over MAX_FILE; with LIST=1 every
# function as "func FILE:LINE NAME N".  Exits 1 when something is over.
scan() {
	awk -v max_file="$MAX_FILE" -v max_func="$MAX_FUNC" -v list="${LIST:-0}" '
	function over_file() {
		if (fname != "" && nlines > max_file) {
			printf "%s: %d lines (most %d)\n", fname, nlines, max_file
			bad = 1
		}
	}
	FNR == 1 {
		over_file()
		fname = FILENAME; nlines = 0; depth = 0; header = ""
		in_comment = 0; in_macro = 0
	}
	{
		nlines = FNR
		line = $0
		# a preprocessor line (and its continuations) holds no code braces
		if (in_macro || line ~ /^[ \t]*#/) {
			in_macro = line ~ /\\$/
			next
		}
		n = length(line)
		for (i = 1; i <= n; i++) {
			c = substr(line, i, 1)
			c2 = substr(line, i, 2)
			if (in_comment) {
				if (c2 == "*/") { in_comment = 0; i++ }
				continue
			}
			if (c2 == "/*") { in_comment = 1; i++; continue }
			if (c2 == "//") break
			if (c == "\"" || c == "\x27") {
				# skip the literal, escapes included
				for (i++; i <= n && substr(line, i, 1) != c; i++)
					if (substr(line, i, 1) == "\\") i++
				if (depth == 0) header = header " \"\""
				continue
			}
			if (c == "{") {
				if (depth == 0) {
					h = header
					is_func = h ~ /\)[ \t]*$/ && h !~ /=/
					if (is_func) {
						sub(/\(.*/, "", h)
						k = split(h, w, /[^A-Za-z0-9_]+/)
						name = w[k]
						start = FNR
					}
				}
				depth++
				continue
			}
			if (c == "}") {
				depth--
				if (depth == 0) {
					if (is_func) {
						len = FNR - start + 1
						if (list)
							printf "func %s:%d %s %d\n", fname, start, name, len
						if (len > max_func) {
							printf "%s:%d: %s is %d lines (most %d)\n",
							       fname, start, name, len, max_func
							bad = 1
						}
					}
					is_func = 0
					header = ""
				}
				continue
			}
			if (depth == 0) {
				if (c == ";") header = ""
				else header = header c
			}
		}
		if (depth == 0) header = header " "
	}
	END { over_file(); exit bad }
	' "$@"
}

# A function of N body lines (brace to brace) named NAME, with a string,
# a character and a comment holding braces that must not count.
func_of() {
	printf 'static int %s(int a,\n\t\tint b)\n{\n' "$2"
	printf '\tconst char *s = "}}{"; char c = %s;\n' "'}'"
	printf '\t/* } { */ // }\n'
	i=4
	while [ "$i" -lt "$1" ]; do
		printf '\ta += b;\n'
		i=$((i + 1))
	done
	printf '}\n'
}
{
	printf '#define BRACE(x) do { \\\n\tx; } while (0)\n'
	printf 'static const int table[] = {\n\t1, 2,\n};\n'
	printf 'struct s {\n\tint a;\n};\n'
	func_of 150 fits
	func_of 151 too_long
} >"$T/funcs.c"
out=$(scan "$T/funcs.c")
rc=$?
[ "$rc" -eq 1 ] || fail "self-test: a 151-line function: scanner exit $rc, want 1"
case $out in
*"funcs.c:"*": too_long is 151 lines"*) ;;
*) fail "self-test: the 151-line function not named: '$out'" ;;
esac
case $out in
*fits*) fail "self-test: the 150-line function reported: '$out'" ;;
esac
found=$(LIST=1 scan "$T/funcs.c" | awk '$1 == "func" { print $3 "=" $4 }' | tr '\n' ' ')
[ "$found" = "fits=150 too_long=151 " ] ||
	fail "self-test: functions found '$found', want 'fits=150 too_long=151 '"
func_of 150 fits >"$T/ok.c"
scan "$T/ok.c" >/dev/null || fail "self-test: a 150-line function failed"
awk 'BEGIN { for (i = 0; i < 901; i++) print "int v" i ";" }' >"$T/long.c"
out=$(scan "$T/long.c")
[ $? -eq 1 ] && [ "$out" = "$T/long.c: 901 lines (most 900)" ] ||
	fail "self-test: a 901-line file: '$out'"

# The product.
files=$(for d in $DIRS; do find "$d" -name '*.[ch]'; done | sort)
[ -n "$files" ] || fail "no C files under $DIRS"
# shellcheck disable=SC2086 # one word per file
nfunc=$(LIST=1 scan $files | grep -c '^func ')
[ "$nfunc" -ge 100 ] || fail "the scanner found only $nfunc functions in $DIRS"
# shellcheck disable=SC2086
scan $files >"$T/over" || fail "over the house limits:
$(cat "$T/over")"
[ "$fails" -eq 0 ] || exit 1
