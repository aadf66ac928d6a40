# docs/output.md: its plain-text example is what policyc writes (the
# beginning of tests/build/html-structure/input/travel.md at --width 60), the
# template placeholders it lists are those the default templates use, and
# README's documentation list links to it.
. "$(dirname "$0")/cli-lib.inc"
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || fail "no repository root"
doc=docs/output.md
[ -f "$doc" ] || fail "no $doc"
expect_grep '^- \[docs/output.md\](docs/output.md)' README.md "README links docs/output.md"

awk '/^## The plain text/ { section = 1 } section && /^```$/ { if (inside) exit; inside = 1; next } inside { print }' \
	"$doc" > "$T/example"
[ -s "$T/example" ] || fail "no plain-text example in $doc"
run "$POLICYC" build -q --width 60 -o "$T/site" tests/build/html-structure/input
[ "$rc" -le 1 ] || fail "build exited with $rc"
head -n "$(wc -l < "$T/example")" "$T/site/FIN-TRV-001.txt" > "$T/actual"
cmp -s "$T/example" "$T/actual" || { diff "$T/example" "$T/actual" | head -20 >&2; fail "$doc's example is not what policyc writes"; }

# Every placeholder of a default template is in the table.
for t in page.html index.html form.html; do
	grep -o '{{{*[a-z_]*}*}}' "templates/$t" | tr -d '{} ' | sort -u > "$T/used"
	row=$(grep "^| \`$t\` |" "$doc") || fail "$doc has no row for $t"
	printf '%s\n' "$row" | grep -o '`[a-z_]*`' | tr -d '`' | sort -u > "$T/listed"
	missing=$(comm -23 "$T/used" "$T/listed" | tr '\n' ' ')
	[ -z "$missing" ] || fail "$t uses placeholders $doc does not list: $missing"
done
exit 0
