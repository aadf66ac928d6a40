#!/bin/sh
# fuzz/scaling.sh [SAMPLES] [CORPUS-DIR] — looks for time that grows faster
# than the input, which libFuzzer's small inputs cannot show: each sampled
# corpus entry is repeated to about 75 KB and to four times that, and `check`
# and `build --force` are timed on both. Prints "ENTRY MODE SMALL LARGE
# RATIO" sorted by ratio, highest first; linear is about 4.
set -u
cd "$(dirname "$0")/.."
samples=${1:-40}
corpus=${2:-build/fuzz/corpus/check}
POLICYC=${POLICYC:-./policyc}
w=$(mktemp -d "${TMPDIR:-/tmp}/scaling.XXXXXX")
trap 'rm -rf "$w"' EXIT

repeat() { # FILE TIMES OUT
	: > "$3"
	i=0
	while [ "$i" -lt "$2" ]; do cat "$1" >> "$3"; i=$((i + 1)); done
}

seconds() { # CMD...: the wall time of CMD in seconds (ms resolution)
	start=$(date +%s%N)
	timeout 120 "$@" > /dev/null 2>&1
	echo "$(( ($(date +%s%N) - start) / 1000000 ))" | awk '{printf "%.3f", $1 / 1000}'
}

find "$corpus" -type f -size +40c | shuf -n "$samples" | while IFS= read -r entry; do
	size=$(wc -c < "$entry")
	times=$((75000 / size))
	[ "$times" -ge 1 ] || times=1
	repeat "$entry" "$times" "$w/small.md"
	repeat "$entry" $((times * 4)) "$w/large.md"
	for mode in check build; do
		rm -rf "$w/out"
		if [ "$mode" = check ]; then
			a=$(seconds "$POLICYC" check -q "$w/small.md")
			b=$(seconds "$POLICYC" check -q "$w/large.md")
		else
			a=$(seconds "$POLICYC" build --templates templates --force -q -o "$w/out" "$w/small.md")
			b=$(seconds "$POLICYC" build --templates templates --force -q -o "$w/out" "$w/large.md")
		fi
		echo "${entry##*/} $mode $a $b $(echo "$a $b" | awk '{printf "%.1f", $2 / ($1 + 0.01)}')"
	done
done | sort -k5 -rn
