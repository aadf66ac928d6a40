# --help, --version and help COMMAND succeed and print to standard output.
. "$(dirname "$0")/cli-lib.inc"

run "$POLICYC" --help
expect_rc 0 "--help"
expect_grep '^usage: policyc check \[OPTIONS\] \[PATH\.\.\.\]' "$T/out" "--help"
expect_grep 'policyc build \[OPTIONS\] \[PATH\.\.\.\]' "$T/out" "--help"
for option in --out --config --format --werror --jobs --width --templates --force --quiet --color; do
	expect_grep "$option" "$T/out" "--help lists $option"
done
[ -s "$T/err" ] && fail "--help wrote to standard error"

run "$POLICYC" --version
expect_rc 0 "--version"
grep -q '^policyc [0-9][0-9.]*$' "$T/out" || fail "--version printed '$(cat "$T/out")'"

for command in check build; do
	run "$POLICYC" help "$command"
	expect_rc 0 "help $command"
	expect_grep "^usage: policyc $command" "$T/out" "help $command"
	run "$POLICYC" "$command" --help
	expect_rc 0 "$command --help"
	expect_grep "^usage: policyc $command" "$T/out" "$command --help"
done

run "$POLICYC" help
expect_rc 0 "help"
expect_grep '^usage: policyc' "$T/out" "help"

run "$POLICYC" help frobnicate
expect_rc 2 "help of an unknown command"
expect_grep 'frobnicate' "$T/err" "help of an unknown command"
exit 0
