# build --force on a document that repeats one clause number thousands of
# times: every copy gets its own anchor (clause-1-1, clause-1-1-x2 …) in time
# linear in the copies (each copy once tried every suffix from -x2 on: 5000
# copies took half a minute, 20000 six minutes under the sanitizers).
. "$(dirname "$0")/cli-lib.inc"
mkdir -p "$T/in"
{
	printf -- '---\ntitle: 重复条款\nid: repeated\nversion: "1"\nowner: 市场部\neffective: 2024-01-01\nscheme: decimal\n---\n\n1 范围\n\n'
	i=0
	while [ $i -lt 10000 ]; do
		printf '1.1 本制度适用于营销中心。\n\n'
		i=$((i + 1))
	done
} > "$T/in/repeated.md"
run timeout 10 "$POLICYC" build --force -q -o "$T/site" "$T/in"
expect_rc 1 "10000 copies of 1.1 built with --force"
grep -o 'id="clause-1-1[-x0-9]*"' "$T/site/repeated.html" | sort > "$T/ids"
[ "$(wc -l < "$T/ids")" -eq 10000 ] || fail "expected 10000 anchors of 1.1, got $(wc -l < "$T/ids")"
[ "$(sort -u "$T/ids" | wc -l)" -eq 10000 ] || fail "anchors of 1.1 repeat"
expect_grep '^id="clause-1-1-x10000"$' "$T/ids" "the last copy's anchor"
exit 0
