# SPEC §7: without --config, the first policyc.yml in the directory of the
# first PATH or any directory above it — not the working directory's, not
# the second PATH's; no PATH means policies/, so policies/ and its parents.
. "$(dirname "$0")/cli-lib.inc"
strict='rules:\n  frontmatter-unknown: error\n'
quiet='rules:\n  frontmatter-unknown: off\n'
policy "$T/top/a/b/one.md" 甲制度 A-1 'colour: red'
policy "$T/other/two.md" 乙制度 B-1 'colour: red'
printf "$strict" > "$T/top/policyc.yml"        # two levels above one.md
printf "$quiet" > "$T/other/policyc.yml"       # next to the second PATH

run "$POLICYC" check -q "$T/top/a/b/one.md" "$T/other/two.md"
expect_rc 1 "the first PATH's grandparent's configuration"
expect_grep 'two.md:7:1: error: ' "$T/err" "the first PATH's configuration applies to every document"
run "$POLICYC" check -q "$T/other/two.md" "$T/top/a/b/one.md"
expect_rc 0 "the first PATH is now in other/"
run "$POLICYC" check -q "$T/top/a/b"
expect_rc 1 "a directory PATH looks in itself, then above"
printf "$quiet" > "$T/top/a/b/policyc.yml"
run "$POLICYC" check -q "$T/top/a/b"
expect_rc 0 "the nearest configuration wins"
rm "$T/top/a/b/policyc.yml"

# the working directory's configuration does not count for a PATH elsewhere
(cd "$T/other" && "$POLICYC" check -q ../top/a/b/one.md) 2> "$T/err"
[ $? = 1 ] || fail "a PATH elsewhere took the working directory's configuration"
expect_grep '^\.\./top/a/b/one.md:7:1: error: ' "$T/err" "PATH shown as given"

# no PATH: policies/ and the directories above it
policy "$T/site/policies/p.md" 丙制度 C-1 'colour: red'
printf "$strict" > "$T/site/policyc.yml"
(cd "$T/site" && "$POLICYC" check -q) 2> "$T/err"
[ $? = 1 ] || fail "no PATH: the configuration above policies/ was not used"
expect_grep '^policies/p.md:7:1: error: ' "$T/err" "no PATH"

# a discovered configuration with a mistake: exit 2, FILE:LINE:COL
printf 'rules:\n  frontmatter-unknown: error\n  no-such-rule: off\n' > "$T/site/policyc.yml"
(cd "$T/site" && "$POLICYC" check -q) 2> "$T/err"
[ $? = 2 ] || fail "a discovered configuration with an unknown rule id"
expect_grep '^policyc.yml:3:3: error: unknown rule id no-such-rule' "$T/err" "unknown rule id with its position"
exit 0
