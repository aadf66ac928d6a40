# --color: escapes with always, none with never; auto follows the terminal and NO_COLOR.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/e.md" 错误制度 ERR-1 'status: bogus'
esc=$(printf '\033')

run "$POLICYC" check --color always "$T/e.md"
expect_rc 1 "--color always"
expect_grep "$esc\\[1;31merror:" "$T/err" "--color always colours the severity"
expect_grep "$esc\\[1m$T/e.md:" "$T/err" "--color always makes the path bold"
expect_grep "$esc\\[1;32m^" "$T/err" "--color always colours the caret"
NO_COLOR=1 run "$POLICYC" check --color always "$T/e.md"
expect_grep "$esc" "$T/err" "--color always wins over NO_COLOR"

run "$POLICYC" check --color never "$T/e.md"
expect_no_grep "$esc" "$T/err" "--color never"
run "$POLICYC" check "$T/e.md"
expect_no_grep "$esc" "$T/err" "--color auto without a terminal"
run "$POLICYC" check --color always --format json "$T/e.md"
expect_no_grep "$esc" "$T/out" "json is never coloured"

# auto on a terminal: colour unless NO_COLOR is set
if command -v script > /dev/null && script -qec true /dev/null > /dev/null 2>&1; then
	script -qec "'$POLICYC' check '$T/e.md'" /dev/null > "$T/tty" 2>&1 < /dev/null
	expect_grep "$esc\\[1;31merror:" "$T/tty" "--color auto on a terminal"
	NO_COLOR=1 script -qec "'$POLICYC' check '$T/e.md'" /dev/null > "$T/tty" 2>&1 < /dev/null
	expect_no_grep "$esc\\[1;31m" "$T/tty" "NO_COLOR on a terminal"
fi
exit 0
