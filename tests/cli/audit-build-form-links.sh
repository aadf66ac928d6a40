# build: a form is linked (from the catalogue, from 《title》 references,
# from its policy's page) only when its page is there: rendered now, or left
# by an earlier build. A form added to a policy that now has an error has no
# page yet, so nothing links to it; a form whose id breaks the form rules
# gets no files even with --force.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1
policy "$T/in/b.md" 乙制度 B-1
sed -i 's/明确目的，制定本制度。/明确目的，制定本制度，填写《登记表》。/' "$T/in/b.md"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "a build without the form"

# The form is added to A-1 together with an article number error.
cat >> "$T/in/a.md" <<'EOF2'

第六条 本制度的其他事项另行规定。

# 附件一 登记表

```form
id: register
title: 登记表
columns: 2
rows:
  - [{label: 姓名}]
```
EOF2
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 1 "a build with the error"
[ ! -e "$T/site/forms/register.html" ] || fail "the form of a document with an error was rendered"
expect_grep '登记表' "$T/site/index.html" "the catalogue lists the form"
expect_no_grep 'href="forms/register.html"' "$T/site/index.html" "the catalogue links to a form page that is not there"
expect_no_grep 'href="forms/register.html"' "$T/site/B-1.html" "《登记表》 links to a form page that is not there"

# Fixed, the form has its page and the links; broken again, the page an
# earlier build left stays, and so do the links to it.
sed -i 's/^第六条 /第五条 /' "$T/in/a.md"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "the error fixed"
[ -s "$T/site/forms/register.html" ] || fail "the form page was not written"
expect_grep 'href="forms/register.html"' "$T/site/index.html" "the catalogue links to the form"
expect_grep '<a class="xref" href="forms/register.html">《登记表》</a>' "$T/site/B-1.html" "《登记表》 links to the form"
sed -i 's/^第五条 /第七条 /' "$T/in/a.md"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 1 "the error again"
expect_grep 'href="forms/register.html"' "$T/site/index.html" "the catalogue links to the form page left by the earlier build"
expect_grep '<a class="xref" href="forms/register.html">《登记表》</a>' "$T/site/B-1.html" \
	"《登记表》 links to the form page left by the earlier build"

# An id that breaks [a-z0-9][a-z0-9-]*: no files, no links, even with --force.
policy "$T/in2/c.md" 丙制度 C-1
sed -i 's/明确目的，制定本制度。/明确目的，制定本制度，填写《报告表》。/' "$T/in2/c.md"
cat >> "$T/in2/c.md" <<'EOF2'

# 附件一 报告表

```form
id: Work_Report
title: 报告表
columns: 2
rows:
  - [{label: 姓名}]
```
EOF2
run "$POLICYC" build -q --force -o "$T/site2" "$T/in2"
expect_rc 1 "a form id that breaks the rules"
expect_grep 'form-syntax' "$T/err" "the form id is reported"
[ -z "$(ls "$T/site2/forms" 2>/dev/null)" ] || fail "files for an invalid form id: $(ls "$T/site2/forms")"
expect_no_grep 'href="forms/' "$T/site2/index.html" "the catalogue links to a form without a page"
expect_no_grep 'href="forms/' "$T/site2/C-1.html" "the policy links to a form without a page"
exit 0
