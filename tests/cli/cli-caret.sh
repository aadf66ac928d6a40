# Text format context lines: the source line, and a caret under the column
# counted in display columns (a Chinese character is 2 columns wide).
. "$(dirname "$0")/cli-lib.inc"
# Front matter as one flow mapping puts the id after Chinese text on its line.
for title in 甲制度 乙制度; do
	name=a
	[ $title = 乙制度 ] && name=b
	printf -- '---\n{title: %s, owner: 行政部, id: A-1, version: "1.0", effective: 2024-01-01}\n---\n' \
		"$title" > "$T/$name.md"
	cat >> "$T/$name.md" <<'BODY'

# 第一章 总则

第一条 为规范管理，明确目的，制定本制度。

第二条 本制度适用范围为公司全体员工。

# 第二章 附则

第三条 本制度由行政部负责解释。

第四条 本制度自发布之日起施行。
BODY
done

run "$POLICYC" check --color never -q "$T/a.md" "$T/b.md"
expect_rc 1 "duplicate id"
{
	printf '%s\n' "$T/b.md:2:30: error: id A-1 is already used by $T/a.md [id-duplicate]"
	printf '%s\n' ' {title: 乙制度, owner: 行政部, id: A-1, version: "1.0", effective: 2024-01-01}'
	printf '%s\n' '                                    ^'
} > "$T/expected"
cmp -s "$T/expected" "$T/err" || { diff "$T/expected" "$T/err" >&2; fail "caret under the Chinese column"; }

# A tab before the column is expanded so the caret still lines up.
printf -- '---\ntitle: 丙制度\nid: C-1\nversion: "1.0"\nowner: 行政部\neffective: 2024-01-01\nstatus:\t\tbogus\n---\n' > "$T/c.md"
# the two context lines after the diagnostic of RULE
context_of() { grep -A2 "\[$1\]\$" "$T/err" | sed -n 2,3p > "$T/context"; }
run "$POLICYC" check --color never -q "$T/c.md"
expect_rc 1 "bad status after a tab"
context_of frontmatter-type
context=$(sed -n 1p "$T/context")
caret=$(sed -n 2p "$T/context")
[ "$context" = ' status:         bogus' ] || fail "tab not expanded: '$context'"
before=${context%%bogus*}
[ "${caret%^}" = "$(printf '%*s' ${#before} '')" ] || fail "caret after a tab: '$caret'"

# A very long line is cut around the caret: the context stays short.
long=$(printf '%0500d' 0)
printf -- '---\n{approved-by: "%s", title: 戊制度, id: E-1, version: "1.0", owner: 行政部, effective: 2024-01-01, status: bogus}\n---\n' \
	"$long" > "$T/e.md"
run "$POLICYC" check --color never -q "$T/e.md"
expect_rc 1 "bad status at the end of a long line"
context_of frontmatter-type
context=$(sed -n 1p "$T/context")
[ $(printf '%s' "$context" | wc -c) -le 160 ] || fail "context of a long line: '$context'"
case $context in " ..."*bogus*) ;; *) fail "long line window: '$context'" ;; esac
caret=$(sed -n 2p "$T/context")
before=${context%%bogus*}
# the window holds Chinese characters: compare display widths
width=$(printf '%s' "$before" | python3 -c '
import sys, unicodedata
s = sys.stdin.read()
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))')
[ ${#caret} -eq $((width + 1)) ] || fail "caret at ${#caret}, expected $((width + 1)): '$caret'"
exit 0
