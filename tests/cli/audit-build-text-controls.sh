# build: control characters written into a policy — a tab, C1 controls such
# as CSI (U+009B, a terminal command), the separators U+2028 and U+2029 — in
# its text, and as YAML escapes in its front matter and form (labels,
# options, notes), never reach the plain-text outputs, whose lines and grids
# they would break.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "SKIP: python3 is not installed"; exit 0; }
python3 - "$T/in.md" <<'PY'
import sys
csi, ls, ps = "\u009b", "\u2028", "\u2029"
open(sys.argv[1], "w", encoding="utf-8").write(f"""---
title: "控制\\x9b字符"
id: CTL-1
version: "1"
owner: "行政\\u2028部"
effective: 2024-01-01
---

第一条 目的　为测试{ls}分隔{csi}符与{ps}段落，制定本制度。适用范围为全体员工。

第二条 本制度由行政部负责解释，自发布之日起施行。

# 附件一 登记表

```form
id: ctl-form
title: 登记表
columns: 2
rows:
  - [{{label: "标签\\t控制\\x9b"}}]
  - [{{label: 选择, type: checkbox, options: ["是\\x9b", "否"]}}]
notes: ["注\\u2028释"]
```
""")
PY
run "$POLICYC" build -q --force -o "$T/site" "$T/in.md"
[ "$rc" -le 1 ] || fail "build exited with $rc"
for f in CTL-1.txt forms/ctl-form.txt; do
	[ -s "$T/site/$f" ] || fail "no $f"
	python3 - "$T/site/$f" <<'PY' || fail "control characters in $f"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = sorted({hex(ord(c)) for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f or c in "\u2028\u2029"})
if bad:
    sys.exit(f"{sys.argv[1]}: {', '.join(bad)}")
PY
done
expect_grep '标签 控制' "$T/site/forms/ctl-form.txt" "the tab of a label as a space"
exit 0
