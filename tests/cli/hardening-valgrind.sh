# valgrind over the plain build (the sanitizer build cannot run under it):
# building policies/ — fresh, then again over its own output, where nothing
# changes and nothing is rewritten — and checking the tests' policies in every
# report format leaks nothing and makes no memory error. Skipped without
# valgrind (.ci/run installs it).
. "$(dirname "$0")/cli-lib.inc"
command -v valgrind > /dev/null || { echo "valgrind missing: skipped"; exit 0; }
case $POLICYC in
*policyc-asan) POLICYC=${POLICYC%-asan} ;;
esac
[ -x "$POLICYC" ] || fail "no plain build at $POLICYC"

# Exit status 99 is valgrind's: a memory error, or a leak of any kind but
# "still reachable" — the registries cmark-gfm and ICU keep for the whole
# process, which are not leaks.
vg() {
	run valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@"
	[ "$rc" -ne 99 ] || { sed 's/^/    /' "$T/err" | head -40 >&2; fail "valgrind: $*"; }
	if grep -q '^==[0-9]*==' "$T/err"; then sed 's/^/    /' "$T/err" | head -40 >&2; fail "valgrind report: $*"; fi
}

vg "$POLICYC" build -q --werror -o "$T/site" policies
expect_rc 0 "build policies/"
[ -s "$T/site/index.html" ] || fail "no index.html"
vg "$POLICYC" build -q --werror -o "$T/site" policies
expect_rc 0 "build policies/ again"
for format in text json sarif github; do
	vg "$POLICYC" check -q --color always -f "$format" tests/check
	expect_rc 1 "check tests/check -f $format"
done
# Documents with errors rendered anyway, forms of every kind, odd input.
vg "$POLICYC" build -q --force -o "$T/forced" tests/build/form-seed/input tests/corpus/form-duplicate \
	tests/hostile/form-hostile.md tests/hostile/nested-quotes.md tests/hostile/table-wide.md
[ "$rc" -le 1 ] || fail "build --force: exit status $rc"
