# SPEC §2: the first line of a text diagnostic has exactly the form
# PATH:LINE:COL: SEVERITY: MESSAGE [RULE], even when the message quotes a
# front-matter value holding a line break, a carriage return or an escape.
. "$(dirname "$0")/cli-lib.inc"
# (the title is written with YAML's escapes; sh's echo would expand them)
policy "$T/a.md" TITLE A-1
sed -i 's/^title: TITLE$/title: "甲\\n乙\\r丙\\e[31m"/' "$T/a.md"
cp "$T/a.md" "$T/b.md"
grep -q '^title: "甲\\n乙' "$T/a.md" || fail "could not write the title"

run "$POLICYC" check --color never -q "$T/a.md" "$T/b.md"
expect_rc 1 "a repeated title with control characters"
# every line is a diagnostic or a context line (beginning with a space)
if LC_ALL=C grep -v -E '^ |^[^ ].*:[0-9]+:[0-9]+: (error|warning|note): .* \[[a-z-]+\]$' "$T/err" > "$T/odd"; then
	sed 's/^/    /' "$T/odd" >&2
	fail "a line that is neither a diagnostic nor a context line"
fi
[ "$(grep -c -v '^ ' "$T/err")" = 2 ] || fail "expected 2 diagnostics, got $(grep -v '^ ' "$T/err")"
LC_ALL=C grep -q "$(printf '\033')" "$T/err" && fail "an escape character reached the terminal"
LC_ALL=C grep -q "$(printf '\r')" "$T/err" && fail "a carriage return reached the terminal"
expect_grep 'error: title 甲.乙.丙.\[31m is already used by' "$T/err" "the title is still shown"

# the same for a file name with a line break in it
nl='
'
policy "$T/x${nl}y.md" 丁 D-1 'colour: red'
run "$POLICYC" check --color never -q "$T/x${nl}y.md"
expect_rc 0 "a file name with a line break"
[ "$(wc -l < "$T/err")" = 3 ] || { cat "$T/err" >&2; fail "a file name with a line break split the diagnostic"; }
exit 0
