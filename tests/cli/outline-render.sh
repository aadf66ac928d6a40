# build: schemes outline, decimal and en as a reader gets them — clause
# anchors that follow the clause's whole number (clause-2-1-2) and the links
# of references to them; plain text with each outline level on its own line,
# indented alike, decimal titles on lines of their own, nested lists.
. "$(dirname "$0")/cli-lib.inc"
root=$(cd "$(dirname "$0")/../.." && pwd)

run "$POLICYC" build -q -o "$T/site" "$root/tests/check/decimal-clean.md" "$root/tests/check/outline-clean.md" \
	"$root/tests/check/en-clean.md"
expect_rc 0 "build of the clean scheme documents"
dec=$T/site/decimal-clean.html out=$T/site/outline-clean.html

# ---- anchors ----
expect_grep '<div class="article" id="clause-2-1-2">' "$dec" "2.1.2 under 2.1 is clause-2-1-2"
expect_grep '<div class="article" id="clause-2-2">' "$dec" "2.2 after 2.1.2 keeps clause-2-2"
expect_grep 'href="#clause-2-1-2">2.1.2</a>' "$dec" "见2.1.2 links to clause 2.1.2"
expect_grep 'href="#clause-2-1-1">2.1.1</a>' "$dec" "按2.1.1 links to clause 2.1.1"
expect_grep '<div class="article" id="clause-2-1-1">' "$out" "outline 二、（一）1. is clause-2-1-1"
for page in "$dec" "$out"; do
	expect_no_grep 'id="[^"]*-x[0-9]' "$page" "a clean document needs no suffixed anchor"
done

# A clause that has a paragraph of its own and clauses under it: the
# paragraph is not taken for the first clause (clause-2-1-p1, clause-2-1-1);
# a clause whose parent is missing still has its whole number.
cat > "$T/nested.md" <<'EOF'
---
title: 计划制度
id: DEC-NESTED
version: "1"
owner: 营销中心
effective: 2024-01-01
scheme: decimal
---

# 1 范围

本制度适用于营销中心。

# 2 计划

## 2.1 年度计划

年度计划由营销中心编制。

2.1.1 年度计划报总经理批准。

2.1.1.1 批准后执行。

2.1.2 年度计划应当包括销售目标。

2.2 季度计划见2.1.1.1，另见2.1.2。

2.2.1.1 季度计划由各分公司编制。
EOF
run "$POLICYC" build -q --force -o "$T/nested" "$T/nested.md"
[ "$rc" -le 1 ] || fail "build of nested clauses exited with $rc"
page=$T/nested/DEC-NESTED.html
expect_grep '<div class="paragraph" id="clause-2-1-p1">' "$page" "the paragraph of 2.1"
expect_grep '<div class="article" id="clause-2-1-1">' "$page" "2.1.1 after the paragraph of 2.1"
expect_grep '<div class="article" id="clause-2-1-1-1">' "$page" "2.1.1.1"
expect_grep '<div class="article" id="clause-2-2-1-1">' "$page" "2.2.1.1 without its 2.2.1"
expect_grep 'href="#clause-2-1-1-1">2.1.1.1</a>' "$page" "见2.1.1.1 links to its clause"
expect_grep 'href="#clause-2-1-2">2.1.2</a>' "$page" "另见2.1.2 links to its clause"
expect_no_grep 'id="[^"]*-x[0-9]' "$page" "no number repeats, so no suffix"

# ---- outline levels written as paragraphs ----
expect_grep '<p class="chapter-lead"><span class="marker">三、</span>本规定自发布之日起施行。</p>' "$out" \
	"三、本规定… written as a paragraph is a paragraph"
expect_no_grep '<h2 class="chapter-heading"><span class="marker">三、' "$out" "三、本规定… as a centred heading"
expect_grep '<p class="section-lead"><span class="marker">（一）</span>严格遵守国家法律' "$out" \
	"（一）严格遵守… written as a paragraph is a paragraph"
expect_grep '<span class="marker">三、</span>本规定自发布之日起施行</a>' "$out" "a short caption in the contents"
expect_no_grep '<a href="#[^"]*">.*。</a>' "$out" "a whole sentence in the contents"
expect_grep '<body class="policy-page scheme-outline ' "$out" "the scheme on the page for the stylesheet"
expect_grep '<body class="policy-page scheme-decimal ' "$dec" "the scheme on the page for the stylesheet"
expect_grep '^\.scheme-decimal ol\.items ol\.items, \.scheme-en ol\.items ol\.items' "$T/site/style.css" \
	"decimal's and English lists nest in the stylesheet"

cat > "$T/outline.md" <<'EOF'
---
title: 展会管理规定
id: OUT-LEADS
version: "1"
owner: 市场部
effective: 2024-01-01
scheme: outline
---

一、参展人员应当遵守下列规定：

（一）按时到岗；

（二）保管展品。

二、展会结束

（一）撤展

1. 清点展品。
EOF
run "$POLICYC" build -q -o "$T/leads" "$T/outline.md"
expect_rc 0 "build of an outline with sentences over their items"
page=$T/leads/OUT-LEADS.html
expect_grep '<p class="chapter-lead"><span class="marker">一、</span>参展人员应当遵守下列规定：</p>' "$page" \
	"a sentence over its items stays a paragraph"
expect_grep '<h2 class="chapter-heading"><span class="marker">二、</span>展会结束</h2>' "$page" \
	"a title over its （一） is a heading, left-aligned by the stylesheet"
expect_grep '<h3 class="section-heading"><span class="marker">（一）</span>撤展</h3>' "$page" \
	"a title over its 1. is a heading"
expect_grep '<h2 class="chapter-heading"><span class="marker">3</span>　考核</h2>' "$dec" \
	"decimal's 3 考核 written as a paragraph is a heading"

# ---- plain text ----
otxt=$T/site/outline-clean.txt dtxt=$T/site/decimal-clean.txt etxt=$T/site/en-clean.txt
# line_before FILE LINE: the line before the first line that is exactly LINE
line_before() { awk -v want="$2" '$0 == want { print prev; found = 1; exit } { prev = $0 } END { exit !found }' "$1"; }
expect_grep '^　　一、岗位职责$' "$otxt" "a heading 一、 indented like the text"
expect_grep '^　　三、本规定自发布之日起施行。$' "$otxt" "a paragraph 三、 indented the same"
before=$(line_before "$otxt" '　　（二）客户资料') || fail "（二）客户资料 is not a line of its own"
[ -z "$before" ] || fail "no blank line between the items of （一） and （二）: '$before'"
before=$(line_before "$otxt" '　　三、本规定自发布之日起施行。') || fail "三、 is not a line of its own"
[ -z "$before" ] || fail "no blank line before 三、: '$before'"
before=$(line_before "$otxt" '　　（一）展品') || fail "（一）展品 is not a line of its own"
[ "$before" = '　　二、日常工作' ] || fail "（一）展品 should follow 二、日常工作 directly, not '$before'"
expect_grep '^2\.2 季度计划$' "$dtxt" "a decimal clause heading on its own line"
expect_grep '^　　各分公司依照年度计划' "$dtxt" "its text below it as a paragraph"
before=$(line_before "$dtxt" '3 考核') || fail "3 考核 is not a line of its own at the margin"
[ -z "$before" ] || fail "no blank line before the chapter 3 考核: '$before'"
expect_grep '^　　b) 推广活动安排：$' "$dtxt" "a) b) at the paragraph indent"
expect_grep '^　　　　1) 线上推广；$' "$dtxt" "1) under b) one indent further"
expect_grep '^    (b) problems met' "$etxt" "(a) (b) at the paragraph indent"
expect_grep '^        (i) delays' "$etxt" "(i) under (b) one indent further"
expect_grep '^            1\. the name of the customer;$' "$etxt" "1. under (ii) one more"
exit 0
