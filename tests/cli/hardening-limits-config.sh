# docs/limits.md: a policyc.yml nested more than 100 deep is a configuration
# error (exit status 2) at the place it goes too deep; 100 levels load.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 制度 A-1
nest() { # DEPTH: external: holding lists DEPTH - 1 deep (the root mapping is level 1)
	printf 'external: '
	i=1; while [ $i -lt "$1" ]; do printf '['; i=$((i + 1)); done
	i=1; while [ $i -lt "$1" ]; do printf ']'; i=$((i + 1)); done
	printf '\n'
}
nest 101 > "$T/deep.yml"
run "$POLICYC" check -q -c "$T/deep.yml" "$T/in"
expect_rc 2 "a configuration nested 101 deep"
expect_grep 'deep.yml:1:110: error: the configuration does not parse: lists and mappings nested more than 100 deep' "$T/err" "the limit, at its place"
nest 100 > "$T/fits.yml"
run "$POLICYC" check -q -c "$T/fits.yml" "$T/in"
expect_no_grep 'nested more than' "$T/err" "100 levels"
exit 0
