#!/bin/sh
# bench/run.sh — `make bench`: times policyc against cmark-gfm and pandoc on
# generated corpora and prints the figures and targets of issue 7
# (docs/performance.md says how to read them). The timing is done by
# bench/bench.py; this wrapper only checks what it needs.
#
#   make bench                        5 runs each, corpora of 1000 and 10000
#   RUNS=2 SIZES="100 1000" make bench   a quick look while developing
#
# Exit status 0 even when a target fails (the output says FAIL); 1 when the
# generated corpus has diagnostics or a timed command fails; 2 when something
# the bench needs is missing.
set -eu

if ! command -v python3 > /dev/null 2>&1; then
	echo "bench: python3 is needed (apt-get install -y python3)" >&2
	exit 2
fi
exec python3 "$(dirname "$0")/bench.py"
