# build on a terminal (a pseudo-terminal from script(1)): a build that takes
# longer than half a second shows "[i/N] building ID" progress on standard
# error and erases it at the end; -q shows none, and neither does a build
# whose standard error is not a terminal (build-incremental.sh). Skipped
# without script(1), or when the machine builds the corpus too fast to show
# progress at all.
. "$(dirname "$0")/cli-lib.inc"
command -v script > /dev/null || { echo "SKIP: no script(1)"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)
sh "$root/bench/gen.sh" "$T/corpus" 300 > /dev/null || fail "bench/gen.sh failed"
start=$(date +%s)
script -qec "\"$POLICYC\" build -j 1 -o \"$T/site\" \"$T/corpus\"" "$T/tty" > /dev/null 2>&1 || fail "build on a terminal failed"
took=$(($(date +%s) - start))
if ! grep -q 'building BENCH-' "$T/tty"; then
	[ "$took" -le 1 ] && { echo "SKIP: the build took ${took}s, too fast for progress"; exit 0; }
	fail "no progress on a terminal in a build of ${took}s"
fi
grep -q "$(printf '\r\033\\[K')" "$T/tty" || fail "the progress line is not erased"
grep -a -q '0 errors, 0 warnings in 300 files' "$T/tty" || fail "no summary after the progress"
script -qec "\"$POLICYC\" build -q -j 1 -o \"$T/site2\" \"$T/corpus\"" "$T/tty2" > /dev/null 2>&1 || fail "build -q on a terminal failed"
expect_no_grep 'building' "$T/tty2" "progress with -q"
exit 0
