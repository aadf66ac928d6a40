# build: an unchanged rebuild rewrites nothing (every mtime stays); a changed
# document rewrites only its own files; -j 1 and -j 4 write the same bytes.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1
policy "$T/in/b.md" 乙制度 B-1
cat >> "$T/in/b.md" <<'EOF2'

# 附件一 登记表

```form
id: b-register
title: 登记表
columns: 4
rows:
  - [{label: 姓名}, {label: 部门}]
```
EOF2
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "first build"
for f in index.html style.css A-1.html A-1.txt B-1.html B-1.txt forms/b-register.html forms/b-register.txt forms/b-register.json; do
	[ -s "$T/site/$f" ] || fail "first build did not write $f"
done

stamps() { (cd "$T/site" && find . -type f | sort | xargs stat -c '%n %Y %i') > "$1"; }
stamps "$T/before"
sleep 1.1
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "unchanged rebuild"
stamps "$T/after"
cmp -s "$T/before" "$T/after" || { diff "$T/before" "$T/after" >&2; fail "an unchanged rebuild touched files"; }

# Change a's text only: A-1.html and A-1.txt change, nothing else.
sed -i 's/本制度适用范围为公司全体员工。/本制度适用范围为公司全体员工及派遣人员。/' "$T/in/a.md"
sleep 1.1
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "rebuild after a change"
stamps "$T/changed"
diff "$T/after" "$T/changed" | grep '^>' | awk '{print $2}' | sort > "$T/rewritten"
printf './A-1.html\n./A-1.txt\n' > "$T/want"
cmp -s "$T/want" "$T/rewritten" || { cat "$T/rewritten" >&2; fail "a changed document rewrote other files"; }
grep -q '派遣人员' "$T/site/A-1.html" || fail "the changed text is not in A-1.html"

# No temporary files are left behind.
leftover=$(find "$T/site" -name '.*' -type f)
[ -z "$leftover" ] || fail "temporary files left: $leftover"

# Threads change nothing in the output.
run "$POLICYC" build -q -j 1 -o "$T/one" "$T/in"
run "$POLICYC" build -q -j 4 -o "$T/four" "$T/in"
diff -r "$T/one" "$T/four" >&2 || fail "-j 1 and -j 4 differ"
diff -r "$T/one" "$T/site" >&2 || fail "a fresh build differs from the incremental one"

# Nothing on stderr but diagnostics when stderr is not a terminal.
run "$POLICYC" build -o "$T/site" "$T/in"
expect_no_grep "$(printf '\r')" "$T/err" "progress on a non-terminal"
expect_no_grep 'building' "$T/err" "progress on a non-terminal"
exit 0
