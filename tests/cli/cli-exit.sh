# Exit status (SPEC §1), the summary line and --quiet (SPEC §2).
. "$(dirname "$0")/cli-lib.inc"
policy "$T/clean.md" 清洁制度 CLEAN-1
policy "$T/warning.md" 警告制度 WARN-1 'colour: red'
policy "$T/error.md" 错误制度 ERR-1 'status: bogus'

run "$POLICYC" check --color never "$T/clean.md"
expect_rc 0 "clean file"
[ "$(cat "$T/err")" = "0 errors, 0 warnings in 1 file" ] || fail "clean summary: '$(cat "$T/err")'"
[ -s "$T/out" ] && fail "text format wrote to standard output"

run "$POLICYC" check --color never "$T/error.md"
expect_rc 1 "file with an error"
expect_grep "^$T/error.md:[0-9]*:[0-9]*: error: .* \[frontmatter-type\]$" "$T/err" "error line"
[ "$(tail -1 "$T/err")" = "1 error, 0 warnings in 1 file" ] || fail "error summary: '$(tail -1 "$T/err")'"

run "$POLICYC" check --color never "$T/warning.md"
expect_rc 0 "file with only a warning"
expect_grep "^$T/warning.md:[0-9]*:[0-9]*: warning: .* \[frontmatter-unknown\]$" "$T/err" "warning line"
[ "$(tail -1 "$T/err")" = "0 errors, 1 warning in 1 file" ] || fail "warning summary: '$(tail -1 "$T/err")'"

run "$POLICYC" check --color never --werror "$T/warning.md"
expect_rc 1 "--werror with a warning"
run "$POLICYC" check --color never -W "$T/clean.md"
expect_rc 0 "-W on a clean file"

run "$POLICYC" check --color never "$T/clean.md" "$T/warning.md" "$T/error.md"
expect_rc 1 "three files"
[ "$(tail -1 "$T/err")" = "1 error, 1 warning in 3 files" ] || fail "summary of three: '$(tail -1 "$T/err")'"

policy "$T/error2.md" 错误制度二 ERR-2 'status: bogus'
run "$POLICYC" check --color never "$T/error.md" "$T/error2.md"
[ "$(tail -1 "$T/err")" = "2 errors, 0 warnings in 2 files" ] || fail "plural summary: '$(tail -1 "$T/err")'"

# --quiet: the diagnostics, no summary
run "$POLICYC" check --color never --quiet "$T/clean.md"
expect_rc 0 "--quiet clean"
[ -s "$T/err" ] && fail "--quiet printed '$(cat "$T/err")'"
run "$POLICYC" check --color never -q "$T/error.md"
expect_rc 1 "-q with an error"
expect_grep 'error: ' "$T/err" "-q keeps the diagnostics"
expect_no_grep 'in 1 file' "$T/err" "-q drops the summary"

# unreadable input: exit 2 with the reason
run "$POLICYC" check "$T/missing.md"
expect_rc 2 "missing file"
expect_grep "^policyc: cannot read $T/missing.md: " "$T/err" "missing file"
run "$POLICYC" check "$T/clean.md" "$T/missing-dir/"
expect_rc 2 "missing directory among good files"
expect_grep "cannot read $T/missing-dir/" "$T/err" "missing directory"
if [ "$(id -u)" != 0 ]; then
	cp "$T/clean.md" "$T/locked.md"
	chmod 000 "$T/locked.md"
	run "$POLICYC" check "$T/locked.md"
	expect_rc 2 "unreadable file"
	expect_grep "cannot read $T/locked.md: Permission denied" "$T/err" "unreadable file"
fi

# a configuration that cannot be used: exit 2, with the reason
run "$POLICYC" check -c "$T/missing.yml" "$T/clean.md"
expect_rc 2 "missing --config file"
[ -s "$T/err" ] || fail "missing --config file: no reason given"
mkdir -p "$T/configured"
policy "$T/configured/a.md" 甲制度 A-1
printf 'no-such-key: 1\n' > "$T/configured/policyc.yml"
run "$POLICYC" check "$T/configured/a.md"
expect_rc 2 "bad policyc.yml found next to the file"
expect_grep 'no-such-key' "$T/err" "bad policyc.yml"
run "$POLICYC" check -c /dev/null "$T/configured/a.md"
expect_rc 0 "--config wins over the policyc.yml found"

# No PATH means policies/ in the current directory.
mkdir -p "$T/site/policies"
policy "$T/site/policies/a.md" 甲制度 A-1 'status: bogus'
(cd "$T/site" && "$POLICYC" check --color never -q) 2> "$T/err" && fail "no PATH: expected exit 1"
expect_grep '^policies/a.md:' "$T/err" "no PATH checks policies/"
mkdir -p "$T/empty"
(cd "$T/empty" && "$POLICYC" check -q) 2> "$T/err"
[ $? = 2 ] || fail "no PATH and no policies/: expected exit 2"
expect_grep 'cannot read policies' "$T/err" "no policies/"
exit 0
