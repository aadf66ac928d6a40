# docs/rules.md documents every rule of src/rules.h, with the same default
# severity, and no rule that the program does not have.
set -u
fail=0
ids=$(sed -n 's/^[[:space:]]*X([A-Z_]*, "\([a-z0-9-]*\)", SEV_\([A-Z]*\).*/\1 \2/p' src/rules.h)
[ -n "$ids" ] || { echo "no rules found in src/rules.h"; exit 1; }
echo "$ids" | while read -r id sev; do
	sev=$(echo "$sev" | tr 'A-Z' 'a-z')
	grep -q "^## $id\$" docs/rules.md || { echo "docs/rules.md: no section for $id"; exit 1; }
	grep -q "^| \[\`$id\`\](#$id) | $sev |" docs/rules.md || { echo "docs/rules.md: table row for $id lacks default $sev"; exit 1; }
done || fail=1
for doc in $(sed -n 's/^## \([a-z0-9-]*\)$/\1/p' docs/rules.md); do
	echo "$ids" | grep -q "^$doc " || { echo "docs/rules.md documents unknown rule $doc"; fail=1; }
done
exit $fail
