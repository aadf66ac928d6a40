# build: markup written into a policy — in its text, headings, front matter
# and forms — never reaches a page as markup; unsafe links lose their link.
. "$(dirname "$0")/cli-lib.inc"
mkdir -p "$T/in"
cat > "$T/in/evil.md" <<'EOF2'
---
title: "<script>alert('title')</script>攻击制度"
id: EVIL-1
version: "<b onmouseover=alert(1)>1</b>"
owner: "<img src=x onerror=alert('owner')>"
effective: 2024-01-01
approved-by: "\"><script>alert(2)</script>"
tags: ["<svg onload=alert(3)>", "<iframe src=javascript:alert(4)>"]
revisions:
  - {version: "1", date: 2024-01-01, note: "<script>alert('note')</script>"}
---

<div onclick="alert('block')"><script>alert('raw block')</script></div>

# 第一章 总则<script>alert('chapter')</script>

第一条 目的　为测试<img src=x onerror=alert('inline')>注入，制定本制度。<a href="javascript:alert('a')">点这里</a>

第二条 适用范围　本制度适用于[链接一](javascript:alert('md'))、[链接二](JavaScript:alert(1))、[链接三](vbscript:msgbox(1))、[链接四](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)、[链接五](java&#x09;script:alert(1))和<javascript:alert('auto')>，以及![图](javascript:alert('img'))与![图二](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)。正常链接[保留](https://example.com/a?b=1&c=2)。

```
<script>alert('code')</script>
```

# 第二章 附则

## 第三条 解释<style>body{display:none}</style>

本制度由行政部负责解释。

第四条 施行　本制度自发布之日起施行。

# 附件一 表<script>x</script>

```form
id: evil-form
title: "<script>alert('form')</script>表"
columns: 2
rows:
  - [{label: "<img src=x onerror=alert('label')>"}]
notes:
  - "<script>alert('form note')</script>"
```
EOF2
run "$POLICYC" build -q --force -o "$T/site" "$T/in"
[ "$rc" -le 1 ] || fail "build exited with $rc: $(head -3 "$T/err")"
[ -s "$T/site/EVIL-1.html" ] || fail "the page was not written"
[ -s "$T/site/forms/evil-form.html" ] || fail "the form page was not written"

pages=$(find "$T/site" -name '*.html')
for page in $pages; do
	name=${page#"$T/site/"}
	if grep -n -i -E '<(script|style|iframe|svg|object|embed|math|img[^>]*onerror|div onclick|b onmouseover)' "$page" >&2; then
		fail "$name: markup from the policy"
	fi
	if grep -n -i -E '<[^>]* on[a-z]+=' "$page" >&2; then
		fail "$name: an event handler attribute"
	fi
	if grep -n -i -E '(href|src)="[[:space:]]*(javascript|vbscript|data):' "$page" >&2; then
		fail "$name: an unsafe URL"
	fi
	if grep -n -i -E '(href|src)="java' "$page" >&2; then
		fail "$name: an obfuscated javascript URL"
	fi
done

# What was written is there, as text.
page=$T/site/EVIL-1.html
expect_grep "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;攻击制度" "$page" "the title, escaped"
expect_grep "&lt;img src=x onerror=alert(&#39;owner&#39;)&gt;" "$page" "the owner, escaped"
expect_grep "&lt;script&gt;alert(&#39;code&#39;)&lt;/script&gt;" "$page" "the code block, escaped"
expect_grep "链接一" "$page" "the text of a dropped link"
expect_grep '<a href="https://example.com/a?b=1&amp;c=2">保留</a>' "$page" "a safe link"
expect_grep "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;攻击制度" "$T/site/index.html" "the catalogue title, escaped"
expect_grep "&lt;img src=x onerror=alert(&#39;label&#39;)&gt;" "$T/site/forms/evil-form.html" "the form label, escaped"
exit 0
