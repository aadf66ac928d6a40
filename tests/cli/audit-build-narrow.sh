# build, on a narrow screen (headless Chromium at its narrowest window): the
# words of a form's cells stay inside their cells — a form too wide for the
# screen scrolls sideways in its own box instead of squeezing its labels and
# dates over each other — and no page is wider than the screen. Skipped
# without chromium.
. "$(dirname "$0")/cli-lib.inc"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "SKIP: chromium is not installed"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)
run "$POLICYC" build -q -o "$T/site" "$root/tests/build/form-seed/input"
expect_rc 0 "build of the seed policy"
probe='<script>
var bad = [];
document.querySelectorAll(".form-grid th, .form-grid td").forEach(function (c) {
  if (c.scrollWidth > c.clientWidth + 1) bad.push(c.textContent.trim().slice(0, 12));
});
if (document.documentElement.scrollWidth > window.innerWidth) bad.push("the page is wider than the screen");
document.body.setAttribute("data-overflow", bad.join("|"));
</script>'
for page in HR-COMM.html forms/work-report.html forms/new-employee-talk.html; do
	awk -v probe="$(printf '%s' "$probe" | tr '\n' ' ')" '{ sub("</body>", probe "</body>") } 1' "$T/site/$page" > "$T/site/$page.probe.html"
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$T/profile.XXXXXX")" --window-size=360,800 \
		--dump-dom "file://$T/site/$page.probe.html" > "$T/dom" 2> /dev/null || fail "$page: chromium failed"
	grep -q 'data-overflow=' "$T/dom" || fail "$page: the probe did not run"
	overflow=$(sed -n 's/.*data-overflow="\([^"]*\)".*/\1/p' "$T/dom")
	[ -z "$overflow" ] || fail "$page on a narrow screen: cut or squeezed: $overflow"
done
exit 0
