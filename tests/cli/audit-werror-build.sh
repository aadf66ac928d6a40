# SPEC §1: --werror makes warnings count as errors *for the exit status*;
# SPEC §9: only a document with errors is left unrendered. So `build --werror`
# renders a document that has warnings only, and exits 1.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/w.md" 甲制度 W-1 'colour: blue'
policy "$T/in/e.md" 乙制度 E-1
sed -i 's/^第三条/第五条/' "$T/in/e.md"

run "$POLICYC" build -q --werror -o "$T/site" "$T/in"
expect_rc 1 "build --werror with a warning and an error"
[ -s "$T/site/W-1.html" ] || fail "--werror kept a document with a warning only from being rendered"
[ -s "$T/site/W-1.txt" ] || fail "--werror kept W-1.txt from being written"
[ ! -e "$T/site/E-1.html" ] || fail "a document with an error was rendered"
expect_grep 'href="W-1.html"' "$T/site/index.html" "the catalogue links the rendered page"

run "$POLICYC" build -q -W -o "$T/site2" "$T/in/w.md"
expect_rc 1 "build -W with a warning only"
[ -s "$T/site2/W-1.html" ] || fail "-W kept a document with a warning only from being rendered"
exit 0
