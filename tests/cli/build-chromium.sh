# build: every page of a site loads in headless Chromium without a console
# error; a policy prints on A4 with page numbers at the foot and its
# attachment on a page of its own. Skipped (passes with a note) without
# chromium; the PDF checks need poppler-utils too.
. "$(dirname "$0")/cli-lib.inc"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "SKIP: chromium is not installed"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)

chrome() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$T/profile.XXXXXX")" --enable-logging=stderr --v=0 "$@"
}

run "$POLICYC" build -q -o "$T/site" "$root/tests/build/html-structure/input"
[ "$rc" -le 1 ] || fail "build exited with $rc"
for page in $(cd "$T/site" && find . -name '*.html' | sort); do
	chrome --dump-dom "file://$T/site/${page#./}" > "$T/dom" 2> "$T/log" || fail "$page: chromium failed: $(tail -3 "$T/log")"
	grep -q '</html>' "$T/dom" || fail "$page: no document loaded"
	if grep -E 'CONSOLE|Uncaught|Failed to load' "$T/log" >&2; then
		fail "$page: errors while loading"
	fi
done
chrome --dump-dom "file://$T/site/FIN-TRV-001.html" 2> /dev/null > "$T/dom"
expect_grep '<li id="article-3-1-2">' "$T/dom" "an item's anchor in Chromium's DOM"
expect_grep '<a class="xref" href="#article-3-2">前款</a>' "$T/dom" "a reference link in Chromium's DOM"

command -v pdfinfo > /dev/null && command -v pdftotext > /dev/null || { echo "SKIP: no poppler-utils for the PDF checks"; exit 0; }
chrome --print-to-pdf="$T/travel.pdf" --no-pdf-header-footer "file://$T/site/FIN-TRV-001.html" 2> "$T/log" ||
	fail "printing failed: $(tail -3 "$T/log")"
pdfinfo "$T/travel.pdf" > "$T/info"
expect_grep 'Page size:.*(A4)' "$T/info" "A4 pages"
pages=$(sed -n 's/^Pages: *//p' "$T/info")
[ "$pages" -ge 2 ] || fail "the policy with an attachment printed on $pages page(s)"
pdftotext -f 1 -l 1 "$T/travel.pdf" "$T/first.txt"
expect_grep '—[[:space:]]*1[[:space:]]*—' "$T/first.txt" "a page number at the foot of page 1"
expect_grep '差旅费用管理办法' "$T/first.txt" "the title on page 1"
pdftotext -f "$pages" -l "$pages" "$T/travel.pdf" "$T/last.txt"
expect_grep "—[[:space:]]*$pages[[:space:]]*—" "$T/last.txt" "a page number at the foot of the last page"
expect_grep '附件一' "$T/last.txt" "the attachment on the last page"
expect_no_grep '第八条' "$T/last.txt" "the text on the attachment's page"
exit 0
