# --format github: workflow commands with the actions toolkit's escaping.
. "$(dirname "$0")/cli-lib.inc"
mkdir -p "$T/x,y:z"
policy "$T/x,y:z/a%b.md" 甲制度 A-1 'colour: red'
policy "$T/b.md" 乙制度 B-1 'status: bogus'

run "$POLICYC" check -q --format github "$T/x,y:z/a%b.md" "$T/b.md"
expect_rc 1 "github"
[ -s "$T/err" ] && fail "github: standard error not empty"
[ "$(wc -l < "$T/out")" -eq 2 ] || fail "github: expected 2 lines, got $(cat "$T/out")"
# b.md sorts before x,y:z/ (strcmp), so the error comes first.
escaped_tmp=$(printf '%s' "$T" | sed 's/%/%25/g; s/:/%3A/g; s/,/%2C/g')
line1=$(sed -n 1p "$T/out")
line2=$(sed -n 2p "$T/out")
case $line1 in
"::error file=$escaped_tmp/b.md,line="[0-9]*",col="[0-9]*",title=frontmatter-type::"*) ;;
*) fail "github error line: $line1" ;;
esac
case $line2 in
"::warning file=$escaped_tmp/x%2Cy%3Az/a%25b.md,line=7,col=1,title=frontmatter-unknown::"*colour*) ;;
*) fail "github warning line: $line2" ;;
esac
# the message part keeps ':' and ',' (data escaping only)
case ${line2#*title=frontmatter-unknown::} in
*%3A* | *%2C*) fail "github message over-escaped: $line2" ;;
esac

# data escaping of the message: % becomes %25
policy "$T/c.md" 丙制度 C-1 'co%lour: red'
run "$POLICYC" check -q -f github "$T/c.md"
expect_rc 0 "github, warning only"
expect_grep '::unknown key co%25lour;' "$T/out" "github escapes % in the message"
exit 0
