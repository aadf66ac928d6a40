# build renders each document while it is checked (src/build_early.c) and
# puts those outputs in place only when the corpus checks agree with what was
# assumed then. Here the assumptions fail in each way, and every time the
# site must be what rendering afterwards gives: a reference to a policy and a
# form checked later, a document given an error by the corpus checks (a
# repeated id, with or without --force), a policy whose page is index.html,
# a form written early for a document that is then not rendered, superseded
# policies whose pages name others found in the whole corpus; no hidden
# temporary file stays, and OUT is not made when the build stops before it.
. "$(dirname "$0")/cli-lib.inc"

temporaries() { find "$T/site" -name '.*' -type f | wc -l; }
no_temporaries() { [ "$(temporaries)" = 0 ] || fail "$1: temporary files left"; }
# fresh_build J DIR: a build of DIR with -j J into a new OUT, which succeeds.
fresh_build() {
	rm -rf "$T/site"
	run "$POLICYC" build -q -j "$1" -o "$T/site" "$2"
	expect_rc 0 "build -j $1 of $(basename "$2")"
}

# a.md is checked first and cites b.md's title and b.md's form.
policy "$T/in/a.md" 甲制度 A-1
echo '第五条 参照《乙制度》办理，填写《登记表》。' >> "$T/in/a.md"
policy "$T/in/b.md" 乙制度 B-1
printf '\n# 附件一 登记表\n\n```form\ntitle: 登记表\nid: b-register\ncolumns: 2\nrows: [[{label: 姓名}]]\n```\n' >> "$T/in/b.md"
for j in 1 2; do
	fresh_build $j "$T/in"
	expect_grep 'href="B-1.html"' "$T/site/A-1.html" "-j $j: the link to a policy checked later"
	expect_grep 'href="forms/b-register.html"' "$T/site/A-1.html" "-j $j: the link to a form checked later"
	no_temporaries "-j $j"
done

# Its title changed, b.md is no longer what a.md cites: the link goes.
sed -i 's/^title: 乙制度/title: 乙办法/' "$T/in/b.md"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "a reference that names nothing (a warning)"
expect_no_grep 'href="B-1.html"' "$T/site/A-1.html" "a link to a title no policy has any more"
[ "$(temporaries)" = 0 ] || fail "temporary files left after a retargeted reference"

# c.md repeats b.md's id, an error only the corpus checks find: not rendered,
# and with --force the first of the two ids is written.
sed -i 's/^title: 乙办法/title: 乙制度/' "$T/in/b.md"
policy "$T/in/c.md" 丙制度 B-1
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 1 "a repeated id"
expect_grep '乙制度' "$T/site/B-1.html" "the page of the first of two ids"
[ "$(temporaries)" = 0 ] || fail "temporary files left after a repeated id"
run "$POLICYC" build -q --force -o "$T/site" "$T/in"
expect_rc 1 "a repeated id with --force"
expect_no_grep '丙制度' "$T/site/B-1.html" "--force writes the first of two ids"
[ "$(temporaries)" = 0 ] || fail "temporary files left after --force"

# A policy of id index: its page is written over the catalogue, as before.
policy "$T/idx/a.md" 甲制度 index
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/idx"
expect_rc 0 "a policy of id index"
expect_grep '第一条' "$T/site/index.html" "the policy's page over the catalogue"
run "$POLICYC" build -q -o "$T/site" "$T/idx"
expect_grep '第一条' "$T/site/index.html" "rebuilt, the policy's page over the catalogue"

# The only form belongs to a document that the corpus checks leave out:
# no OUT/forms, as when nothing was rendered early.
policy "$T/dup/x.md" 甲制度 X-1
cp "$T/in/b.md" "$T/dup/y.md"
sed -i 's/^id: B-1/id: X-1/' "$T/dup/y.md"
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/dup"
expect_rc 1 "a form of a document left out"
[ -e "$T/site/forms" ] && fail "OUT/forms made for a form not written"
[ "$(temporaries)" = 0 ] || fail "temporary files left after a document left out"

# A policy superseded by one checked after it: rendered early all the same,
# each page naming the other, filled in from the corpus when written. A
# rebuild leaves both pages alone.
policy "$T/sup/a.md" 旧制度 OLD-1 'status: superseded'
policy "$T/sup/b.md" 新制度 NEW-1 'supersedes: OLD-1'
for j in 1 2; do
	fresh_build $j "$T/sup"
	expect_grep '<a href="NEW-1.html">新制度</a>' "$T/site/OLD-1.html" "-j $j: the notice names the policy checked later"
	expect_grep '<dd><a href="OLD-1.html">旧制度</a></dd>' "$T/site/NEW-1.html" "-j $j: the policy superseded"
	no_temporaries "-j $j, superseded policies"
done
pages() { ls -li --time-style=full-iso "$T/site/OLD-1.html" "$T/site/NEW-1.html"; }
before=$(pages)
run "$POLICYC" build -q -o "$T/site" "$T/sup"
[ "$before" = "$(pages)" ] || fail "a rebuild wrote the pages of superseded policies again"

# A second policy that supersedes gets an error only the corpus checks find
# (its id repeated): the notice names it without a link, as its id's page is
# the other's.
policy "$T/sup/c.md" 又一制度 NEW-1 'supersedes: OLD-1'
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/sup"
expect_rc 1 "a superseding policy with a repeated id"
expect_grep '<a href="NEW-1.html">新制度</a>》、《又一制度》' "$T/site/OLD-1.html" \
	"the notice names a policy without a page"
no_temporaries "a superseding policy left out"
rm "$T/sup/c.md"

# A template that escapes the notice and shows the metadata twice: what the
# page was rendered without is placed in both, or escaped where it is.
cp -r "$(dirname "$0")/../../templates" "$T/tpl"
sed -i 's/{{{banner}}}/{{banner}}/; s/{{{meta}}}/{{{meta}}}{{{meta}}}/' "$T/tpl/page.html"
rm -rf "$T/site"
run "$POLICYC" build -q --templates "$T/tpl" -o "$T/site" "$T/sup"
expect_rc 0 "a template that escapes the notice"
expect_grep '&lt;a href=&quot;NEW-1.html&quot;&gt;新制度' "$T/site/OLD-1.html" "the notice escaped"
[ "$(grep -c '<dd><a href="OLD-1.html">旧制度</a></dd>' "$T/site/NEW-1.html")" = 2 ] ||
	fail "the policy superseded, in both copies of the metadata"
no_temporaries "a template that escapes the notice"

# A path that cannot be read: exit 2 and no OUT.
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/in" "$T/missing.md"
expect_rc 2 "a path that cannot be read"
[ -e "$T/site" ] && fail "OUT made by a build that could not read its input"
exit 0
