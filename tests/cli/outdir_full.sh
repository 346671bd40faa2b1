#!/bin/sh
# An output directory that cannot take the schedule: on a full disk (a
# 1 MiB tmpfs, or a file-size limit when mounting is not permitted) and
# read-only (as nobody when run as root).  Each time: a clear message, no
# temporary directory left beside it, the previous schedule untouched.
# (An -o that is a file is in basics.sh.)
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/mclsched
T=$(mktemp -d /tmp/mclsched-outdir-XXXXXX)
M=$T/disk
mounted=0
cleanup() {
	[ "$mounted" -eq 1 ] && umount "$M"
	rm -rf "$T"
}
trap cleanup EXIT
fails=0
fail() { echo "outdir_full.sh: FAIL: $*" >&2; fails=$((fails + 1)); }

# no_leftovers DIR: nothing but out (and the filler) in DIR
no_leftovers() {
	left=$(ls -a "$1" | grep -v '^\.\.\?$' | grep -v '^out$' | grep -v '^filler$')
	[ -z "$left" ] || fail "$2: left behind in $1: $left"
}

mkdir "$M"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$M" 2>/dev/null; then
	mounted=1
fi
"$BIN" solve tests/data/tiny -o "$M/out" -q >/dev/null 2>"$T/err" ||
	fail "first solve: exit $? ($(head -c 300 "$T/err"))"
cp -r "$M/out" "$T/before"
if [ "$mounted" -eq 1 ]; then
	dd if=/dev/zero of="$M/filler" bs=1k 2>/dev/null    # until the disk is full
	"$BIN" solve tests/data/tiny -o "$M/out" -q >"$T/out" 2>"$T/err"
	rc=$?
	want="No space left on device"
	how="full tmpfs"
else
	# the shell ignores SIGXFSZ, so writes past the limit fail with EFBIG;
	# stderr goes through a pipe, which the limit does not cover
	(trap '' XFSZ; ulimit -f 0 || exit
	 "$BIN" solve tests/data/tiny -o "$M/out" -q 2>&1 >/dev/null; echo "exit=$?") |
		cat >"$T/err"
	rc=$(sed -n 's/^exit=//p' "$T/err")
	rc=${rc:-0}
	: >"$T/out"
	want="File too large"
	how="ulimit -f 0"
fi
if [ "$rc" -eq 0 ] && [ "$how" = "ulimit -f 0" ]; then
	echo "outdir_full.sh: full-disk case skipped (cannot mount a tmpfs, and ulimit -f does not limit here)"
else
	[ "$rc" -eq 4 ] || fail "$how: exit $rc, want 4 ($(head -c 300 "$T/err"))"
	grep -q "cannot write: $want (free some space or choose another -o" "$T/err" ||
		fail "$how: message: $(cat "$T/err")"
	[ ! -s "$T/out" ] || fail "$how: printed on stdout"
	diff -r "$T/before" "$M/out" >/dev/null || fail "$how: the previous schedule changed"
	no_leftovers "$M" "$how"
fi

# A read-only parent: refused before solving (exit 1), the old schedule kept.
# Root writes anywhere, so as root the solve runs as nobody.
R=$T/ro
mkdir "$R"
cp -r "$T/before" "$R/out"
chmod 555 "$R"
AS=
RBIN=$BIN
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
		cp "$BIN" "$T/mclsched"
		cp -r tests/data/tiny "$T/tiny"
		chmod -R a+rX "$T"
		chmod 555 "$R"
		RBIN=$T/mclsched
		AS="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
	else
		echo "outdir_full.sh: read-only case skipped (root, and no setpriv or nobody)"
		RBIN=
	fi
fi
if [ -n "$RBIN" ]; then
	src=tests/data/tiny
	[ -z "$AS" ] || src=$T/tiny
	$AS "$RBIN" solve "$src" -o "$R/out" -q >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq 1 ] || fail "read-only: exit $rc, want 1 ($(head -c 300 "$T/err"))"
	grep -q "cannot be created: no new directory can be made in '$R': Permission denied" "$T/err" ||
		fail "read-only: message: $(cat "$T/err")"
	diff -r "$T/before" "$R/out" >/dev/null || fail "read-only: the previous schedule changed"
	no_leftovers "$R" "read-only"
fi
chmod 755 "$R"

[ "$fails" -eq 0 ] || exit 1
echo "outdir_full.sh: all passed ($how)"
