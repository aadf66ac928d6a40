#!/bin/sh
# Forms: every OUT/forms/*.json is valid JSON naming each label of its form,
# and the plain-text forms stay within --width (display columns) at 72 and 40.
set -u
out=$(mktemp -d "${TMPDIR:-/tmp}/form-outputs.XXXXXX")
trap 'rm -rf "$out"' EXIT
in=tests/build/form-seed/input
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 > /dev/null || fail "python3 is needed to check widths and JSON"

for width in 72 40; do
	rm -rf "$out/site"
	"$POLICYC" build -q --width "$width" -o "$out/site" "$in" || fail "build --width $width exited $?"
	for f in work-report new-employee-talk confirmation; do
		[ -s "$out/site/forms/$f.txt" ] || fail "no forms/$f.txt"
		python3 - "$out/site/forms/$f.txt" "$width" <<'PY' || fail "forms/$f.txt wider than $width"
import sys, unicodedata
path, width = sys.argv[1], int(sys.argv[2])
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    if w > width:
        sys.exit(f"{path}:{n}: {w} columns")
PY
	done
done

python3 - "$out/site/forms" <<'PY' || fail "JSON"
import json, sys, os
want = {
    "work-report": ["主题", "主送部门", "日期", "呈报事项", "领导批示", "呈报人", "部门意见", "分管副总意见"],
    "new-employee-talk": ["姓名", "部门", "岗位", "学历", "专业", "入司时间", "面谈者", "职位"],
}
for form_id, labels in want.items():
    data = json.load(open(os.path.join(sys.argv[1], form_id + ".json"), encoding="utf-8"))
    assert data["format"] == "policyc-form" and data["version"] == 1, data
    assert data["id"] == form_id, data["id"]
    got = [f["label"] for f in data["fields"] if "label" in f]
    assert got == labels, (form_id, got)
    questions = [f["text"] for f in data["fields"] if "text" in f]
    assert len(questions) == (7 if form_id == "new-employee-talk" else 0), questions
print("json ok")
PY
