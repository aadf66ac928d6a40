# build: every page of a site is well nested, its ids are unique, and every
# link inside the site (file and #anchor) leads somewhere.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "SKIP: python3 is not installed"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)
for input in "$root"/tests/build/html-*/input "$root/policies"; do
	[ -d "$input" ] || continue
	rm -rf "$T/site"
	run "$POLICYC" build -q --force -o "$T/site" "$input"
	[ "$rc" -le 1 ] || fail "build of $input exited with $rc"
	python3 - "$T/site" <<'PY' || fail "links or markup of $input"
import html.parser, os, sys, urllib.parse
site = sys.argv[1]
VOID = {"meta", "link", "br", "hr", "img", "col", "input", "wbr"}
pages, ids, links, problems = [], {}, [], []

class Page(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.stack, self.ids = name, [], set()
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                problems.append(f"{self.name}: id {a['id']} twice")
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a:
                links.append((self.name, a[key]))
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            problems.append(f"{self.name}: </{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()

for dirpath, _, files in os.walk(site):
    for f in files:
        if f.endswith(".html"):
            path = os.path.join(dirpath, f)
            name = os.path.relpath(path, site)
            p = Page(name)
            p.feed(open(path, encoding="utf-8").read())
            p.close()
            if p.stack:
                problems.append(f"{name}: unclosed {p.stack}")
            ids[name] = p.ids
for name, url in links:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme:
        continue  # the outside world
    target = os.path.normpath(os.path.join(os.path.dirname(name), urllib.parse.unquote(parts.path))) if parts.path else name
    if not os.path.exists(os.path.join(site, target)):
        problems.append(f"{name}: {url} leads to no file")
    elif parts.fragment and target in ids and parts.fragment not in ids[target]:
        problems.append(f"{name}: {url} leads to no anchor")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
done
exit 0
