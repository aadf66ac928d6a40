# build, printed (headless Chromium, poppler-utils): each form of the seed
# policy fits one A4 page both alone and inside its policy — its title and its
# last row on the same page, the page numbered —, a chapter heading never
# ends a page, wherever the page break falls, and a line holds 28 characters. Skipped without chromium or
# poppler-utils.
. "$(dirname "$0")/cli-lib.inc"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "SKIP: chromium is not installed"; exit 0; }
command -v pdftotext > /dev/null && command -v pdfinfo > /dev/null || { echo "SKIP: no poppler-utils"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)

pdf() { # HTML PDF
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$T/profile.XXXXXX")" --print-to-pdf="$2" --no-pdf-header-footer \
		"file://$1" > /dev/null 2>&1 || fail "printing $1 failed"
}
pages() { sed -n 's/^Pages: *//p' "$T/info"; }
# page_of PDF PATTERN: the first page whose text matches PATTERN
page_of() {
	n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
	for p in $(seq 1 "$n"); do
		if pdftotext -f "$p" -l "$p" "$1" - | tr -d ' \n' | grep -q -e "$2"; then echo "$p"; return; fi
	done
	echo 0
}

run "$POLICYC" build -q -o "$T/site" "$root/tests/build/form-seed/input"
expect_rc 0 "build of the seed policy"

# Alone: one A4 sheet each.
for form in work-report new-employee-talk; do
	pdf "$T/site/forms/$form.html" "$T/$form.pdf"
	pdfinfo "$T/$form.pdf" > "$T/info"
	expect_grep 'Page size:.*(A4)' "$T/info" "$form alone on A4"
	[ "$(pages)" = 1 ] || fail "$form alone printed on $(pages) pages"
done

# Inside the policy: the title and the last row of each form on one page.
pdf "$T/site/HR-COMM.html" "$T/policy.pdf"
check_form() { # TITLE LAST-LABEL
	first=$(page_of "$T/policy.pdf" "$1")
	last=$(page_of "$T/policy.pdf" "$2")
	[ "$first" != 0 ] || fail "no page with the form $1"
	[ "$first" = "$last" ] || fail "the form $1 begins on page $first and ends on page $last"
	pdftotext -f "$first" -l "$first" "$T/policy.pdf" - | tr -d ' \n' | grep -q "—${first}—" ||
		fail "the page of the form $1 has no page number"
}
check_form '工作呈报主题' '分管副总意见'
check_form '新员工谈话沟通表年月日' '面谈者'

# A chapter heading is never the last line of a page: policies whose page
# breaks fall at different places.
mkdir -p "$T/breaks"
for k in 3 5 7 9 11 13; do
	{
		printf -- '---\ntitle: 分页测试%s\nid: PB-%s\nversion: "1"\nowner: 行政部\neffective: 2024-01-01\n---\n\n# 第一章 总则\n\n' "$k" "$k"
		n=1
		for i in $(seq 1 "$k"); do
			printf '第%s条 本条为填充文字，用于测试目的与适用范围的分页位置。本条为填充文字，用于测试分页位置。\n\n' "$n"
			n=$((n + 1))
		done
		for ch in 2 3 4; do
			printf '# 第%s章 第%s部分\n\n' "$ch" "$ch"
			for i in 1 2 3 4 5; do
				printf '第%s条 本条为填充文字，用于测试分页位置。本条为填充文字，用于测试分页位置。本条为填充文字，用于测试分页位置。本条为填充文字。\n\n' "$n"
				n=$((n + 1))
			done
		done
	} > "$T/breaks/pb$k.md"
done
run "$POLICYC" build -q --force -o "$T/breaks-site" "$T/breaks"
[ "$rc" -le 1 ] || fail "build of the page-break policies exited with $rc"
for k in 3 5 7 9 11 13; do
	pdf "$T/breaks-site/PB-$k.html" "$T/pb$k.pdf"
	n=$(pdfinfo "$T/pb$k.pdf" | sed -n 's/^Pages: *//p')
	[ "$n" -ge 2 ] || fail "PB-$k printed on one page: no page break to test"
	for p in $(seq 1 "$n"); do
		last=$(pdftotext -layout -f "$p" -l "$p" "$T/pb$k.pdf" - | grep -v '^[[:space:]]*$' | grep -v '—' | tail -1)
		case $last in *第*章*) fail "page $p of PB-$k ends with the chapter heading '$last'" ;; esac
	done
done

# 28 characters a line (GB/T 9704 7.3): the longest lines of running text
# (page 2) hold 28, none more.
pdftotext -layout -f 2 -l 2 "$T/pb13.pdf" "$T/page2.txt"
longest=$(python3 -c 'import sys; print(max(len(l.strip()) for l in open(sys.argv[1], encoding="utf-8") if "—" not in l))' "$T/page2.txt")
[ "$longest" = 28 ] || { cat "$T/page2.txt" >&2; fail "the longest line of running text has $longest characters, not 28"; }
exit 0
