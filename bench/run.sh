#!/bin/sh
# bench/run.sh — times `policyc check -q` over a generated corpus, on one
# thread and on the default number of jobs. Builds nothing: run `make policyc`
# first (`make bench` does).
#
#   sh bench/run.sh              N=1000 documents of about 10 KB
#   N=5000 RUNS=5 sh bench/run.sh
#
# Uses hyperfine when it is installed, otherwise the best of RUNS timed runs.
set -eu

N=${N:-1000}
RUNS=${RUNS:-3}
POLICYC=${POLICYC:-./policyc}
here=$(dirname "$0")

if [ ! -x "$POLICYC" ]; then
	echo "bench: $POLICYC not found; run make policyc first" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
corpus=$tmp/corpus

sh "$here/gen.sh" "$corpus" "$N"
bytes=$(cat "$corpus"/*.md | wc -c | tr -d ' ')
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
echo "corpus: $N documents, $((bytes / 1024)) KiB; $cpus CPUs"

# The corpus is valid by construction: any diagnostic is a bug in the
# generator or in policyc, and would make the timings meaningless.
if "$POLICYC" check -q --color never "$corpus" 2> "$tmp/diag" > /dev/null; then
	status=0
else
	status=$?
fi
lines=$(wc -l < "$tmp/diag" | tr -d ' ')
if [ "$status" -ne 0 ] || [ "$lines" -ne 0 ]; then
	echo "bench: warning: policyc check exited $status with $lines lines of diagnostics on the generated corpus:" >&2
	head -5 "$tmp/diag" >&2
fi

# Wall time of one run in milliseconds (date +%N is GNU; elsewhere whole seconds).
now_ms() {
	ns=$(date +%s%N)
	case $ns in
	*N) echo $(($(date +%s) * 1000)) ;;
	*) echo $((ns / 1000000)) ;;
	esac
}

best_of() { # LABEL COMMAND...
	label=$1
	shift
	best=
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		start=$(now_ms)
		"$@" > /dev/null 2>&1 || true
		elapsed=$(($(now_ms) - start))
		if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
		i=$((i + 1))
	done
	printf '%-28s %6d ms (best of %d)\n' "$label" "$best" "$RUNS"
}

if command -v hyperfine > /dev/null 2>&1; then
	hyperfine --warmup 1 --runs "$RUNS" --ignore-failure \
		-n "check -j 1" "$POLICYC check -q --color never -j 1 $corpus" \
		-n "check -j default ($cpus)" "$POLICYC check -q --color never $corpus"
else
	"$POLICYC" check -q --color never "$corpus" > /dev/null 2>&1 || true # warm the page cache
	best_of "check -j 1" "$POLICYC" check -q --color never -j 1 "$corpus"
	best_of "check -j default ($cpus)" "$POLICYC" check -q --color never "$corpus"
fi
