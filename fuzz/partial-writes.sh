#!/bin/sh
# fuzz/partial-writes.sh OLD-INPUT NEW-INPUT [LIMIT...]
# fuzz/partial-writes.sh --random CORPUS-DIR ROUNDS [DOCS]
#
# Builds OLD-INPUT into a site, then builds NEW-INPUT over a copy of that site
# under each file size limit (ulimit -f, in the shell's blocks; policyc is not
# shielded from SIGXFSZ) and checks SPEC §9's promise: every file of the site
# is the whole old file or the whole new one, old files are never removed, no
# temporary file remains, and the exit status is 2 with "cannot write" when a
# write failed (0 or 1 otherwise, and then the site is the new one). Builds use
# --force, so that a page does not depend on which pages the site had.
#
# With --random: ROUNDS times, two random sets of DOCS (default 8) files of
# CORPUS-DIR (a fuzzer's corpus, e.g. build/fuzz/corpus/render) as OLD and NEW,
# with limits drawn at random. Exit 0 when every check held.
set -u
POLICYC=${POLICYC:-./policyc}
case $POLICYC in /*) ;; *) POLICYC=$(pwd)/$POLICYC ;; esac
w=$(mktemp -d "${TMPDIR:-/tmp}/partial.XXXXXX")
trap 'rm -rf "$w"' EXIT
problems=0
cut_builds=0

problem() {
	printf 'FAIL: %s\n' "$*" >&2
	problems=$((problems + 1))
}

# check_site OLD NEW SITE RC ERR LIMIT
check_site() {
	old=$1 new=$2 site=$3 rc=$4 err=$5 limit=$6
	case $rc in
	0 | 1) ;;
	2) grep -q '^policyc: cannot write ' "$err" || problem "limit $limit: exit 2 without 'cannot write'" ;;
	*) problem "limit $limit: exit status $rc"; head -5 "$err" >&2 ;;
	esac
	(cd "$site" && find . -type f) | sort > "$w/files"
	while IFS= read -r f; do
		case ${f##*/} in .*) problem "limit $limit: temporary file $f left" ;; esac
		if ! cmp -s "$site/$f" "$new/$f" && ! cmp -s "$site/$f" "$old/$f"; then
			problem "limit $limit: $f is neither the old file nor the new one"
		fi
	done < "$w/files"
	(cd "$old" && find . -type f) | while IFS= read -r f; do
		[ -f "$site/$f" ] || echo "limit $limit: old $f removed"
	done > "$w/removed"
	[ -s "$w/removed" ] && problem "$(cat "$w/removed")"
	if [ "$rc" -lt 2 ] && ! diff -r "$new" "$site" > /dev/null 2>&1; then
		(cd "$new" && find . -type f) | while IFS= read -r f; do
			cmp -s "$new/$f" "$site/$f" || echo "limit $limit: exit $rc but $f is not the new one"
		done > "$w/stale"
		[ -s "$w/stale" ] && problem "$(cat "$w/stale")"
	fi
}

# run_limits OLD-INPUT NEW-INPUT LIMIT...
run_limits() {
	old_in=$1 new_in=$2
	shift 2
	rm -rf "$w/old" "$w/new"
	"$POLICYC" build --force -q -o "$w/old" "$old_in" > /dev/null 2> "$w/err"
	rc=$?
	[ "$rc" -le 1 ] || { problem "building the old site: exit $rc"; head -5 "$w/err" >&2; return; }
	"$POLICYC" build --force -q -o "$w/new" "$new_in" > /dev/null 2> "$w/err"
	rc=$?
	[ "$rc" -le 1 ] || { problem "building the new site: exit $rc"; head -5 "$w/err" >&2; return; }
	for limit in "$@"; do
		rm -rf "$w/site"
		cp -rp "$w/old" "$w/site"
		# stderr through a pipe: the limit is for the site, not for the report
		{
			(ulimit -f "$limit" && exec "$POLICYC" build --force -q -o "$w/site" "$new_in")
			echo $? > "$w/rc"
		} 2>&1 > /dev/null | cat > "$w/err"
		rc=$(cat "$w/rc")
		[ "$rc" = 2 ] && cut_builds=$((cut_builds + 1))
		check_site "$w/old" "$w/new" "$w/site" "$rc" "$w/err" "$limit"
	done
}

# pick N FROM TO: N random files of FROM copied into TO as d1.md, d2.md …
pick() {
	mkdir -p "$3"
	find "$2" -type f | shuf -n "$1" | {
		i=0
		while IFS= read -r f; do
			i=$((i + 1))
			cp "$f" "$3/d$i.md"
		done
	}
}

if [ "${1:-}" = --random ]; then
	corpus=${2:?usage: $0 --random CORPUS-DIR ROUNDS [DOCS]}
	rounds=${3:?usage: $0 --random CORPUS-DIR ROUNDS [DOCS]}
	docs=${4:-8}
	r=0
	while [ "$r" -lt "$rounds" ]; do
		r=$((r + 1))
		rm -rf "$w/in-old" "$w/in-new"
		pick "$docs" "$corpus" "$w/in-old"
		pick "$docs" "$corpus" "$w/in-new"
		before=$problems
		run_limits "$w/in-old" "$w/in-new" $(shuf -i 1-64 -n 4) unlimited
		if [ "$problems" -gt "$before" ]; then
			mkdir -p build/fuzz/partial-writes/round-$r
			cp -r "$w/in-old" "$w/in-new" build/fuzz/partial-writes/round-$r/
			echo "inputs kept in build/fuzz/partial-writes/round-$r" >&2
		fi
	done
else
	[ $# -ge 2 ] || { echo "usage: $0 OLD-INPUT NEW-INPUT [LIMIT...]" >&2; exit 2; }
	old_in=$1 new_in=$2
	shift 2
	[ $# -gt 0 ] || set -- 1 2 3 5 8 13 21 34 55 89 unlimited
	run_limits "$old_in" "$new_in" "$@"
fi
echo "$cut_builds builds cut short by the limit, $problems problems"
[ "$problems" -eq 0 ]
