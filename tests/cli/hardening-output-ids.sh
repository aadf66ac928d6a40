# An id names output files (OUT/ID.html, OUT/forms/FORM-ID.json …), so an id
# that would name a file outside OUT — or no file at all — is rejected where
# it is written: frontmatter-type for a policy's id, form-syntax for a form's.
# Even build --force then writes nothing for it, and nothing outside OUT.
. "$(dirname "$0")/cli-lib.inc"

# with_id FILE ID: a policy without mistakes but for its id, written as is
# (cli-lib's policy uses echo, which would turn \0 into a NUL byte).
with_id() {
	mkdir -p "$(dirname "$1")"
	printf -- '---\ntitle: 制度\nid: %s\nversion: "1.0"\nowner: 行政部\neffective: 2024-01-01\n---\n\n' "$2" > "$1"
	printf '# 第一章 总则\n\n第一条 为规范管理，明确目的与适用范围，制定本制度。\n\n' >> "$1"
	printf '# 第二章 附则\n\n第二条 本制度由行政部负责解释，自发布之日起施行。\n' >> "$1"
}

long=$(printf 'a%.0s' $(seq 1 101))
huge=$(printf 'b%.0s' $(seq 1 300))
# Each id as written in YAML: its text, or a quoted string with an escape.
for id in '../x' '/etc/x' 'a/b' '..' '.' '"a\0b"' '"ok\0/../../x"' '"..\\x"' "$long" "$huge" \
	'"x/.."' '~/x' '"\t"' '"a b"' 'a:b' '""' '"-x"' '"\u2024\u2024"'; do
	rm -rf "$T/box"
	mkdir -p "$T/box/in"
	# A clean policy but for the id of the policy: OUT gets its catalogue only.
	with_id "$T/box/in/p.md" "$id"
	run "$POLICYC" build --force --color never -q -o "$T/box/out" "$T/box/in"
	expect_rc 1 "policy id $id"
	grep -v '^ ' "$T/err" > "$T/lines"
	[ -z "${SHOW:-}" ] || cat "$T/lines"
	# "" is an empty required key, at the key; the others are of the wrong form
	if [ "$id" = '""' ]; then at=3:1 rule=frontmatter-required; else at=3:5 rule=frontmatter-type; fi
	expect_grep "p.md:$at: error: .* \[$rule\]\$" "$T/lines" "policy id $id"
	[ "$(wc -l < "$T/lines")" = 1 ] || { cat "$T/lines" >&2; fail "policy id $id: more than one diagnostic"; }
	found=$(cd "$T/box" && find . -type f ! -path './in/*' | sort | tr '\n' ' ')
	[ "$found" = "./out/index.html ./out/style.css " ] || fail "policy id $id: wrote $found"

	# A clean policy with a form whose id is the same: form-syntax.
	rm -rf "$T/box"
	mkdir -p "$T/box/in"
	with_id "$T/box/in/p.md" POL-1
	printf '\n```form\nid: %s\ntitle: 表\nrows:\n  - [{label: 甲}]\n```\n' "$id" >> "$T/box/in/p.md"
	run "$POLICYC" build --force --color never -q -o "$T/box/out" "$T/box/in"
	expect_rc 1 "form id $id"
	grep -v '^ ' "$T/err" > "$T/lines"
	[ -z "${SHOW:-}" ] || cat "$T/lines"
	line=$(grep -n '^id: ' "$T/box/in/p.md" | tail -1 | cut -d: -f1)
	expect_grep "p.md:$line:5: error: .* \[form-syntax\]\$" "$T/lines" "form id $id"
	[ "$(wc -l < "$T/lines")" = 1 ] || { cat "$T/lines" >&2; fail "form id $id: more than one diagnostic"; }
	found=$(cd "$T/box" && find . -type f ! -path './in/*' | sort | tr '\n' ' ')
	[ "$found" = "./out/POL-1.html ./out/POL-1.txt ./out/index.html ./out/style.css " ] ||
		fail "form id $id: wrote $found"
done
[ ! -e /etc/x ] || fail "/etc/x exists"

# The longest ids allowed build, and their files and temporaries fit.
id100=$(printf 'c%.0s' $(seq 1 100))
rm -rf "$T/box"
with_id "$T/box/in/p.md" "$id100"
printf '\n```form\nid: %s\ntitle: 表\nrows:\n  - [{label: 甲}]\n```\n' "$id100" >> "$T/box/in/p.md"
run "$POLICYC" build --color never -q -o "$T/box/out" "$T/box/in"
expect_rc 0 "ids of 100 characters"
for f in "$id100.html" "$id100.txt" "forms/$id100.html" "forms/$id100.txt" "forms/$id100.json"; do
	[ -s "$T/box/out/$f" ] || fail "no $f"
done
exit 0
