# build: output that cannot be written is exit status 2 with
# "policyc: cannot write PATH: REASON", and never leaves a partial file: every
# file is the complete old one or the complete new one, no temporary remains.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/a.md" 甲制度 A-1
policy "$T/in/b.md" 乙制度 B-1

no_temporaries() { # DIR WHAT
	leftover=$(find "$1" -name '.*' -type f 2>/dev/null)
	[ -z "$leftover" ] || fail "$2: temporary files left: $leftover"
}

# OUT below a regular file.
: > "$T/file"
run "$POLICYC" build -q -o "$T/file/site" "$T/in"
expect_rc 2 "OUT below a file"
expect_grep "^policyc: cannot write $T/file.*: Not a directory$" "$T/err" "OUT below a file"

# An output name taken by a directory.
mkdir -p "$T/site/B-1.html"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 2 "an output that is a directory"
expect_grep "^policyc: cannot write $T/site/B-1.html: Is a directory$" "$T/err" "an output that is a directory"
no_temporaries "$T/site" "an output that is a directory"
rmdir "$T/site/B-1.html"

# OUT/forms taken by a file.
cat >> "$T/in/b.md" <<'EOF2'

# 附件一 登记表

```form
id: b-register
title: 登记表
columns: 2
rows:
  - [{label: 姓名}]
```
EOF2
: > "$T/site/forms"
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 2 "OUT/forms is a file"
expect_grep "^policyc: cannot write $T/site/forms: Not a directory$" "$T/err" "OUT/forms is a file"
rm "$T/site/forms"

# A write that fails halfway (file size limit): the old files stay whole.
run "$POLICYC" build -q -o "$T/site" "$T/in"
expect_rc 0 "a good build"
cp -r "$T/site" "$T/good"
sed -i 's/本制度适用范围为公司全体员工。/本制度适用范围为公司全体员工，以及所有在公司工作的劳务派遣人员和实习人员。/' "$T/in/a.md" "$T/in/b.md"
rc=0
(trap '' XFSZ; ulimit -f 2; exec "$POLICYC" build -q -o "$T/site" "$T/in") > "$T/out" 2> "$T/err" || rc=$?
expect_rc 2 "writes beyond the file size limit"
expect_grep "^policyc: cannot write $T/site/.*: File too large$" "$T/err" "writes beyond the file size limit"
no_temporaries "$T/site" "writes beyond the file size limit"
diff -r "$T/good" "$T/site" >&2 || fail "a failed build changed or cut files"

# The same into a new OUT (written without comparing: nothing was there),
# one thread and several: a page over the limit, everything else under it.
policy "$T/big/a.md" 甲制度 A-1
policy "$T/big/big.md" 大制度 BIG-1
for i in $(seq 1 150); do
	printf '\n本制度所称员工，是指与公司建立劳动关系的全体人员，包括试用期员工。\n' >> "$T/big/big.md"
done
for j in 1 2; do
	rc=0
	(trap '' XFSZ; ulimit -f 40; exec "$POLICYC" build -q --force -j$j -o "$T/new$j" "$T/big") > "$T/out" 2> "$T/err" || rc=$?
	expect_rc 2 "a page beyond the file size limit in a new OUT (-j$j)"
	expect_grep "^policyc: cannot write $T/new$j/BIG-1.html: File too large$" "$T/err" "a new OUT (-j$j)"
	no_temporaries "$T/new$j" "a page beyond the file size limit in a new OUT (-j$j)"
done

# A directory without write permission (only meaningful when not root).
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/site"
	run "$POLICYC" build -q -o "$T/site" "$T/in"
	chmod 755 "$T/site"
	expect_rc 2 "a read-only OUT"
	expect_grep "^policyc: cannot write $T/site/.*: Permission denied$" "$T/err" "a read-only OUT"
	diff -r "$T/good" "$T/site" >&2 || fail "a read-only OUT changed"
fi
exit 0
