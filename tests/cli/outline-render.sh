# build: schemes outline, decimal and en as a reader gets them — clause
# anchors that follow the clause's whole number (clause-2-1-2) and the links
# of references to them.
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
exit 0
