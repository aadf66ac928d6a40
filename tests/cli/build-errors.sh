# build: a document with an error is not rendered and its old outputs stay
# (exit 1, the other documents are rendered); --force renders it.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1
policy "$T/in/b.md" 乙制度 B-1
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "clean build"
cp "$T/site/A-1.html" "$T/a-old.html"
stat -c %Y "$T/site/A-1.html" > "$T/a-mtime"

# An article number jump in a, a change of text in b.
sed -i 's/第三条 本制度由行政部负责解释。/第五条 本制度由行政部负责解释，修订后。/' "$T/in/a.md"
sed -i 's/本制度适用范围为公司全体员工。/本制度适用范围为公司全体员工及实习生。/' "$T/in/b.md"
sleep 1.1
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 1 "build with an error"
expect_grep 'a.md:.*error:.*\[article-number\]' "$T/err" "the error is reported"
cmp -s "$T/a-old.html" "$T/site/A-1.html" || fail "the document with an error was rendered"
[ "$(stat -c %Y "$T/site/A-1.html")" = "$(cat "$T/a-mtime")" ] || fail "the old output of the document with an error was touched"
grep -q '实习生' "$T/site/B-1.html" || fail "the document without errors was not rendered"
grep -q 'A-1.html' "$T/site/index.html" || fail "the catalogue lost the document with an error"

# --force renders it anyway, still with exit status 1.
run "$POLICYC" build -q --force -o "$T/site" "$T/in"
expect_rc 1 "build --force with an error"
grep -q '修订后' "$T/site/A-1.html" || fail "--force did not render the document with an error"

# A document that never built is not rendered either, and gets no file.
policy "$T/in2/c.md" 丙制度 C-1 'status: in-force'
policy "$T/in2/d.md" 丁制度 D-2
printf '\n第五条 其他事项依照《丙制度》执行。\n' >> "$T/in2/d.md"
run "$POLICYC" build -q -o "$T/site2" "$T/in2"
expect_rc 1 "a new document with an error"
[ ! -e "$T/site2/C-1.html" ] || fail "a new document with an error was rendered"
[ -s "$T/site2/index.html" ] || fail "no catalogue written"
expect_grep '丙制度' "$T/site2/index.html" "the catalogue lists the document with an error"
expect_no_grep 'href="C-1.html"' "$T/site2/index.html" "a link to a page that does not exist"
expect_grep '《丙制度》' "$T/site2/D-2.html" "a reference to the document with an error"
expect_no_grep 'href="C-1.html"' "$T/site2/D-2.html" "a reference linked to a page that does not exist"

# --werror changes the exit status only: a warning does not keep the
# document from being rendered (SPEC §1 "for the exit status", §9).
policy "$T/in3/d.md" 丁制度 D-1 'colour: blue'
run "$POLICYC" build -q --werror -o "$T/site3" "$T/in3"
expect_rc 1 "--werror with a warning"
[ -s "$T/site3/D-1.html" ] || fail "--werror kept a document with a warning only from being rendered"
rm -rf "$T/site3"
run "$POLICYC" build -q -o "$T/site3" "$T/in3"
expect_rc 0 "a warning alone"
[ -s "$T/site3/D-1.html" ] || fail "a document with a warning only was not rendered"
exit 0
