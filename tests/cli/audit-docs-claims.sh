# What the documentation shows is what the program does: README's example
# run, and docs/configuration.md's "built-in defaults, which are exactly this
# file" (the same diagnostics with that file as without any).
. "$(dirname "$0")/cli-lib.inc"
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || fail "no repository root"

# README: the block after "$ ./policyc check tests/corpus/seed-communication"
sed -n '/^\$ \.\/policyc check tests\/corpus\/seed-communication$/,/^\$ echo \$?$/p' README.md |
	sed '1d;$d' > "$T/readme"
[ -s "$T/readme" ] || fail "README has no example run"
run "$POLICYC" check --color never tests/corpus/seed-communication
expect_rc "$(sed -n '/^\$ echo \$?$/{n;p;}' README.md)" "README's exit status"
cmp -s "$T/readme" "$T/err" || { diff "$T/readme" "$T/err" | head -20 >&2; fail "README's example run is not what policyc prints"; }

# docs/configuration.md: the first yaml block is the built-in defaults
awk '/^```yaml$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' docs/configuration.md > "$T/defaults.yml"
grep -q '^rules:' "$T/defaults.yml" || fail "could not read the defaults out of docs/configuration.md"
for dir in policies tests/check; do  # (corpora without a policyc.yml of their own)
	"$POLICYC" check --color never -q "$dir" > "$T/without" 2>&1
	"$POLICYC" check --color never -q -c "$T/defaults.yml" "$dir" > "$T/with" 2>&1
	cmp -s "$T/without" "$T/with" || { diff "$T/without" "$T/with" | head >&2; fail "$dir: the documented defaults differ from the built-in ones"; }
done

# every other yaml block of docs/configuration.md is a configuration policyc takes
awk '/^```yaml$/ { n++; if (n > 1) { inside = 1; file = sprintf("%s/example%d.yml", dir, n) }; next }
     inside && /^```$/ { inside = 0; next } inside { print > file }' dir="$T" docs/configuration.md
ls "$T"/example*.yml > /dev/null 2>&1 || fail "no example configuration in docs/configuration.md"
for example in "$T"/example*.yml; do
	run "$POLICYC" check -q -c "$example" policies
	[ "$rc" != 2 ] || fail "docs/configuration.md's example is refused: $(head -3 "$T/err")"
done
exit 0
