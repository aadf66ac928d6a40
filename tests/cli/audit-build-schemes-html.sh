# build: the HTML of schemes outline, decimal and en as GB/T 9704, GB/T 1.1
# and English readers expect it. Outline's 一、 written as a paragraph that
# heads nothing is a provision (a paragraph), not a centred heading; one that
# heads （一） or 1. is a heading; no gap after 一、 or （一）; outline and
# decimal headings stand at the left; the contents show a short caption for
# a long paragraph, and English articles by their first words.
. "$(dirname "$0")/cli-lib.inc"
cat > "$T/outline.md" <<'EOF2'
---
title: 业务员管理制度
id: OUT-1
version: "1.0"
owner: 市场部
effective: 2024-04-01
scheme: outline
---

为规范业务员的日常工作，制定本制度。

一、严格遵守国家法律和公司的各项规章制度，不得泄露公司秘密。

二、日常工作管理

（一）展品管理

1. 领取展品应当在市场部登记；
2. 每日检查布展物品。
EOF2
cat > "$T/english.md" <<'EOF2'
---
title: Reporting Policy
id: EN-1
version: "1.0"
owner: Human Resources
effective: 2024-09-01
scheme: en
---

# Chapter 1 General Provisions

Article 1 The purpose of this Policy is to set out how staff report to their managers.

Article 2 This Policy applies to all staff, and its scope is the whole company.

# Chapter 2 Supplementary Provisions

Article 3 Human Resources interprets this Policy, which takes effect on 1 September 2024.
EOF2
run "$POLICYC" build -q -o "$T/site" "$T/outline.md" "$T/english.md"
expect_rc 0 "build of the outline and English policies"
page=$T/site/OUT-1.html

expect_grep '<body class="policy-page scheme-outline ' "$page" "the scheme named on the page for the stylesheet"
expect_grep '<p class="chapter-lead"><span class="marker">一、</span>严格遵守国家法律' "$page" \
	"一、 written as a paragraph that heads nothing is a paragraph"
expect_no_grep '<h2 class="chapter-heading"><span class="marker">一、' "$page" "一、严格遵守… as a heading"
expect_grep '<h2 class="chapter-heading"><span class="marker">二、</span>日常工作管理</h2>' "$page" \
	"二、 heading its （一） is a heading, with no gap after 、"
expect_grep '<h3 class="section-heading"><span class="marker">（一）</span>展品管理</h3>' "$page" \
	"（一） heading its 1. is a heading, with no gap after （一）"
expect_grep '<span class="marker">1.</span> 领取展品' "$page" "a space after 1."
expect_no_grep '</span>　' "$page" "an ideographic space after an outline marker"
expect_grep '<a href="#chapter-1"><span class="marker">一、</span>严格遵守国家法律和公司的各项规章…</a>' "$page" \
	"a long paragraph's caption in the contents"

css=$T/site/style.css
expect_grep '^\.scheme-outline \.chapter-heading, \.scheme-outline \.section-heading,$' "$css" \
	"outline headings at the left in the stylesheet"

en=$T/site/EN-1.html
expect_grep '<span class="marker">Article 1</span> The purpose of this Policy is…</a>' "$en" \
	"an English article's caption is its first words"
expect_grep '<span class="marker">Article 2</span> This Policy applies to all staff</a>' "$en" \
	"an English caption ends at the first pause"
exit 0
