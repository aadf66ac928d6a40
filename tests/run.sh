#!/bin/sh
# tests/run.sh — the one test runner. Ends with "N passed, N failed".
#
#   tests/unit/test_*.c        C unit tests (built by make; each line "ok"/"FAIL")
#   tests/check/NAME.md        one policy; NAME.diag holds the expected diagnostic
#                              lines of `policyc check` (context lines left out)
#   tests/corpus/NAME/         a corpus (with its own policyc.yml if any);
#                              expected.diag as above, run on the directory
#   tests/build/NAME/          input/ is built; expected/ is the expected tree
#                              (but style.css, which must equal templates/style.css)
#   tests/hostile/*            must give exit 0 or 1: never a crash or a hang
#   tests/cli/*.sh             shell tests: exit 0 is a pass ($POLICYC is the program)
#
# UPDATE=1 rewrites the expected files of check, corpus and build tests from the
# actual output: review the diff before committing.
POLICYC=${POLICYC:-./policyc}
UNIT_DIR=${UNIT_DIR:-build/asan}
export POLICYC
case $POLICYC in /*) ;; *) POLICYC=$(pwd)/$POLICYC ;; esac
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed() { pass=$((pass + 1)); }
failed() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }

# diagnostics lines only; context lines begin with a space
diag_lines() { grep -v '^ ' "$1" || true; }

# expected exit status of `check`: 1 when an error is expected
expect_status() { if grep -q ': error: ' "$1"; then echo 1; else echo 0; fi; }

compare_check() { # NAME EXPECTED ACTUAL STATUS
	name=$1 exp=$2 act=$3 rc=$4
	if [ -n "$UPDATE" ]; then cp "$act" "$exp"; fi
	want=$(expect_status "$exp")
	if ! cmp -s "$exp" "$act"; then
		failed "$name: diagnostics differ"
		diff "$exp" "$act" | sed 's/^/    /' | head -20
	elif [ "$rc" != "$want" ]; then
		failed "$name: exit status $rc, expected $want"
	else
		passed
	fi
}

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	"$t" > "$tmp/unit.out" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$tmp/unit.out")
	f=$(grep -c '^FAIL' "$tmp/unit.out")
	pass=$((pass + p))
	fail=$((fail + f))
	grep -A2 '^FAIL' "$tmp/unit.out" | head -40
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		failed "$t exited with $rc"
		tail -5 "$tmp/unit.out"
	fi
done

for md in tests/check/*.md; do
	[ -f "$md" ] || continue
	exp=${md%.md}.diag
	[ -f "$exp" ] || { [ -n "$UPDATE" ] && : > "$exp"; } || { failed "$md: no $exp"; continue; }
	timeout 20 "$POLICYC" check --color never -q -j 1 "$md" 2> "$tmp/raw" > /dev/null
	rc=$?
	diag_lines "$tmp/raw" > "$tmp/act"
	if grep -q 'Sanitizer\|runtime error' "$tmp/raw"; then failed "$md: sanitizer"; cat "$tmp/raw"; continue; fi
	compare_check "$md" "$exp" "$tmp/act" "$rc"
done

for dir in tests/corpus/*/; do
	[ -d "$dir" ] || continue
	dir=${dir%/}
	exp=$dir/expected.diag
	[ -f "$exp" ] || { [ -n "$UPDATE" ] && : > "$exp"; } || { failed "$dir: no expected.diag"; continue; }
	timeout 20 "$POLICYC" check --color never -q "$dir" 2> "$tmp/raw" > /dev/null
	rc=$?
	diag_lines "$tmp/raw" > "$tmp/act"
	if grep -q 'Sanitizer\|runtime error' "$tmp/raw"; then failed "$dir: sanitizer"; cat "$tmp/raw"; continue; fi
	compare_check "$dir" "$exp" "$tmp/act" "$rc"
done

for dir in tests/build/*/; do
	[ -d "$dir" ] || continue
	dir=${dir%/}
	rm -rf "$tmp/out"
	timeout 60 "$POLICYC" build --color never -q -o "$tmp/out" "$dir/input" > "$tmp/raw" 2>&1
	rc=$?
	# style.css is the template's copy, compared with it rather than with a
	# golden copy in every test, so that a change of style breaks no test.
	if [ -n "$UPDATE" ]; then rm -rf "$dir/expected"; cp -r "$tmp/out" "$dir/expected"; rm -f "$dir/expected/style.css"; fi
	if [ "$rc" -gt 1 ]; then
		failed "$dir: build exited with $rc"; head -5 "$tmp/raw"
	elif ! cmp -s templates/style.css "$tmp/out/style.css"; then
		failed "$dir: OUT/style.css is not templates/style.css"
	elif ! diff -r -x style.css "$dir/expected" "$tmp/out" > "$tmp/diff"; then
		failed "$dir: output differs"; head -30 "$tmp/diff" | sed 's/^/    /'
	else
		passed
	fi
done

for f in tests/hostile/*; do
	[ -f "$f" ] || continue
	timeout 20 "$POLICYC" check --color never -q "$f" > /dev/null 2> "$tmp/raw"
	rc=$?
	if grep -q 'Sanitizer\|runtime error' "$tmp/raw"; then
		failed "$f: sanitizer report"; head -20 "$tmp/raw"
	elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
		failed "$f: exit status $rc"; head -5 "$tmp/raw"
	else
		passed
	fi
done

for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	if TMPDIR="$tmp" sh "$t" > "$tmp/cli.out" 2>&1; then
		passed
	else
		failed "$t"; tail -15 "$tmp/cli.out" | sed 's/^/    /'
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
