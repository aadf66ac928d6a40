# build renders each document while it is checked (src/build_early.c) and
# puts those outputs in place only when the corpus checks agree with what was
# assumed then. Here the assumptions fail in each way, and every time the
# site must be what rendering afterwards gives: a reference to a policy and a
# form checked later, a document given an error by the corpus checks (a
# repeated id, with or without --force), a policy whose page is index.html,
# a form written early for a document that is then not rendered; no hidden
# temporary file stays, and OUT is not made when the build stops before it.
. "$(dirname "$0")/cli-lib.inc"

temporaries() { find "$T/site" -name '.*' -type f | wc -l; }

# a.md is checked first and cites b.md's title and b.md's form.
policy "$T/in/a.md" 甲制度 A-1
echo '第五条 参照《乙制度》办理，填写《登记表》。' >> "$T/in/a.md"
policy "$T/in/b.md" 乙制度 B-1
printf '\n# 附件一 登记表\n\n```form\ntitle: 登记表\nid: b-register\ncolumns: 2\nrows: [[{label: 姓名}]]\n```\n' >> "$T/in/b.md"
for j in 1 2; do
	rm -rf "$T/site"
	run "$POLICYC" build -q -j $j -o "$T/site" "$T/in"
	expect_rc 0 "build -j $j"
	expect_grep 'href="B-1.html"' "$T/site/A-1.html" "-j $j: the link to a policy checked later"
	expect_grep 'href="forms/b-register.html"' "$T/site/A-1.html" "-j $j: the link to a form checked later"
	[ "$(temporaries)" = 0 ] || fail "-j $j: temporary files left"
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

# A path that cannot be read: exit 2 and no OUT.
rm -rf "$T/site"
run "$POLICYC" build -q -o "$T/site" "$T/in" "$T/missing.md"
expect_rc 2 "a path that cannot be read"
[ -e "$T/site" ] && fail "OUT made by a build that could not read its input"
exit 0
