# build: OUT/index.html lists every policy of the corpus — title, id,
# version, owner, effective date and status — and every form, linked where
# the page is there; a policy whose id is wrong (so it has no page) is still
# listed, by its title, and so are its forms.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1 'status: draft'
policy "$T/in/c.md" 丙制度 'C 1'
cat >> "$T/in/c.md" <<'EOF2'

# 附件一 丙表

```form
id: c-form
title: 丙表
columns: 2
rows:
  - [{label: 姓名}]
```
EOF2
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 1 "a policy with a wrong id"
index=$T/site/index.html
expect_grep '<tr class="status-draft"><td class="title"><a href="A-1.html">甲制度</a></td><td class="id">A-1</td><td class="version">1.0</td><td class="owner">行政部</td><td class="effective">2024-01-01</td><td class="status">草案</td></tr>' \
	"$index" "a policy's row: title, id, version, owner, effective, status"
expect_grep '<td class="title">丙制度</td><td class="id"></td>' "$index" "the policy with a wrong id, by its title"
expect_grep '<tr><td class="title">丙表</td><td class="id">c-form</td><td class="policy">丙制度</td></tr>' "$index" \
	"its form, without a link"
exit 0
