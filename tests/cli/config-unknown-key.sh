# A configuration with an unknown key, an unknown rule id or a value of the
# wrong form is an error of exit status 2 (SPEC §7), reported as
# FILE:LINE:COL: error: MESSAGE; found by discovery or given with --config.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/p/a.md" 测试制度 T-001

printf 'scheme: articles\n\nrule:\n  empty: off\n' > "$T/p/policyc.yml"
run "$POLICYC" check --color never "$T/p"
expect_rc 2 "discovered configuration with an unknown key"
expect_grep "^$T/p/policyc.yml:3:1: error: unknown key rule; did you mean rules?\$" "$T/err" "unknown key"
[ -s "$T/out" ] && fail "wrote to standard output"

printf 'rules:\n  empty: off\n  punct-width: off\n' > "$T/other.yml"
run "$POLICYC" check --color never -c "$T/other.yml" "$T/p/a.md"
expect_rc 2 "--config with an unknown rule id"
expect_grep "^$T/other.yml:3:3: error: unknown rule id punct-width; did you mean punctuation-width?\$" "$T/err" "unknown rule id"

printf 'rules:\n  empty: loud\n' > "$T/other.yml"
run "$POLICYC" check --color never --config "$T/other.yml" "$T/p/a.md"
expect_rc 2 "a severity that is not error, warning or off"
expect_grep "^$T/other.yml:2:10: error: rule empty is set to loud; expected error, warning or off\$" "$T/err" "bad severity"

printf 'external: [劳动法\n' > "$T/other.yml"
run "$POLICYC" check --color never -c "$T/other.yml" "$T/p/a.md"
expect_rc 2 "a configuration that does not parse"
expect_grep "^$T/other.yml:2:1: error: the configuration does not parse" "$T/err" "syntax error"

run "$POLICYC" check --color never -c "$T/missing.yml" "$T/p/a.md"
expect_rc 2 "a configuration that cannot be read"
expect_grep "missing.yml" "$T/err" "unreadable configuration named"

# The same file, fixed, is used: the rule it turns off stays quiet.
printf 'rules:\n  frontmatter-unknown: off\n' > "$T/p/policyc.yml"
policy "$T/p/a.md" 测试制度 T-001 'colour: red'
run "$POLICYC" check --color never -q "$T/p"
expect_rc 0 "discovered configuration turning a warning off"
[ -s "$T/err" ] && fail "a rule turned off still reported: $(cat "$T/err")"
exit 0
