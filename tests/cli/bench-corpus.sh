# bench/gen.sh: the corpus `make bench` times is clean (check --werror says
# nothing), the same for the same N, and the corpus of N is the first N
# documents of a larger one; bench/bench.py refuses to time a corpus with
# diagnostics. No timing here: make test asserts no speed.
. "$(dirname "$0")/cli-lib.inc"
gen=$(dirname "$0")/../../bench/gen.sh

sh "$gen" "$T/a" 20 || fail "gen.sh exited $?"
[ "$(ls "$T/a" | wc -l)" = 20 ] || fail "gen.sh 20 wrote $(ls "$T/a" | wc -l) files"
run "$POLICYC" check --werror --color never "$T/a"
expect_rc 0 "check --werror on the generated corpus"
grep -v '^0 errors, 0 warnings in 20 files$' "$T/err" > "$T/diag" || true
[ ! -s "$T/diag" ] || { sed 's/^/    /' "$T/diag" | head -20 >&2; fail "diagnostics on the generated corpus"; }

# what the corpus must hold to be realistic (issue 7)
cat "$T/a"/*.md > "$T/all"
for what in '^# 第一章 总则$' '^## 第一节 ' '^## 第[一二三四五六七八九十]*条 ' '^### 第[一二三四五六七八九十]*条 ' \
	'^第[一二三四五六七八九十]*条 ' '^（一）' '^1\. ' '^| --- |' '第[一二三四五六七八九十]*条第[一二三四五六七八九十]*款' \
	'本条第[一二三四五六七八九十]*项' '前款第' '》执行' '^```form$' '^# 附件 ' '# 第[一二三四五六七八九十]*章 附则$'; do
	expect_grep "$what" "$T/all" "the generated corpus"
done
[ "$(grep -c '^```form$' "$T/all")" = 20 ] || fail "not one form per document"
size=$(wc -c < "$T/a/bench-00007.md")
[ "$size" -ge 9000 ] && [ "$size" -le 14000 ] || fail "a document of $size bytes, expected about 10 KB"

sh "$gen" "$T/b" 20 && diff -r "$T/a" "$T/b" > /dev/null || fail "two corpora of 20 differ"
sh "$gen" "$T/c" 7 && for f in "$T/c"/*.md; do
	cmp -s "$f" "$T/a/$(basename "$f")" || fail "$(basename "$f") differs between corpora of 7 and 20"
done
sh "$gen" "$T/a" 3 && [ "$(ls "$T/a" | wc -l)" = 3 ] || fail "gen.sh 3 over a corpus of 20 left $(ls "$T/a" | wc -l) files"

# a policyc that finds something stops the bench before any timing
printf '#!/bin/sh\necho "x.md:1:1: warning: something [empty]" >&2\n' > "$T/noisy"
chmod +x "$T/noisy"
rc=0
POLICYC=$T/noisy SIZES="2 3" RUNS=1 TMPFS=$T DISK=$T python3 "$(dirname "$gen")/bench.py" > "$T/out" 2> "$T/err" || rc=$?
expect_rc 1 "bench.py with a policyc that reports diagnostics"
expect_grep 'diagnostics' "$T/err" "bench.py with a policyc that reports diagnostics"
expect_no_grep 'round 1' "$T/err" "bench.py with a policyc that reports diagnostics"
[ -z "$(ls -d "$T"/policyc-bench.* 2> /dev/null)" ] || fail "bench.py left its files behind"
exit 0
