#!/bin/sh
# bench/gen.sh — writes N realistic policies of about 10 KB each into DIR,
# clean under `policyc check --werror`, the same for the same N.
#
#   sh bench/gen.sh DIR [N]      N defaults to 1000
#
# The documents are written by bench/gen.py (its comment says what they hold).
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: sh bench/gen.sh DIR [N]" >&2
	exit 2
fi
exec python3 "$(dirname "$0")/gen.py" "$1" "${2:-1000}"
