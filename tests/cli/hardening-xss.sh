# HTML safety, table-driven: every payload below is written into every place
# a policy lets text reach a page — front matter values, headings, paragraphs,
# lists, tables, quotes, link texts and destinations, images, autolinks, raw
# HTML, 《》 titles, and a form's title, labels, headings, texts and notes —
# one policy per payload, all built with --force. No page (policy pages,
# index.html, forms/*.html) may then hold a tag, an attribute or a URL scheme
# that policyc itself does not write, and the payloads written as titles and
# labels must read back, as text, exactly as written.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 0; }
mkdir -p "$T/in"
python3 - "$T/in" <<'PY' || fail "generating the policies"
import json, os, sys
out = sys.argv[1]
payloads = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<style>body{display:none}</style>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">点</a>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<body onload=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<!--<script>alert(1)//-->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<p onmouseover="alert(1)" style="x:expression(alert(1))">悬停</p>',
    '&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;',
    '{{{content}}} {{title}} {{{meta}}}',
    'javascript:alert(1)',
    '\u202e<script>alert(1)</script>\u0000',
]
urls = [
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)',
    'javascript%3Aalert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>', 'file:///etc/passwd', '<javascript:alert(1)>',
    'javascript&colon;alert(1)', '"onmouseover="alert(1)',
]
def q(s):  # a YAML double-quoted string (JSON is YAML)
    return json.dumps(s, ensure_ascii=False)
for n, p in enumerate(payloads):
    u = urls[n % len(urls)]
    title = '制度%d %s' % (n, p)
    front = '\n'.join([
        '---', 'title: ' + q(title), 'id: XSS-%d' % n, 'version: ' + q('1.0 ' + p), 'owner: ' + q(p),
        'effective: 2024-01-01', 'approved-by: ' + q(p), 'tags: [' + q(p) + ', ' + q(u) + ']',
        'supersedes: ' + q(p),
        'revisions:', '  - {version: ' + q(p) + ', date: 2024-01-01, note: ' + q(p) + '}', '---', ''])
    body = '\n'.join([
        p, '',
        '# 第一章 总则 ' + p, '',
        '## 第一节 一般 ' + p, '',
        '第一条 为规范管理，明确目的与适用范围，制定本制度。' + p, '',
        '- ' + p, '- [' + p + '](' + u + ') ![' + p + '](' + u + ') <' + u + '>', '',
        '| 项目 ' + p + ' | 说明 |', '| --- | --- |', '| ' + p + ' | [链接](' + u + ') |', '',
        '> ' + p, '',
        '第二条 依照《' + p + '》和[' + p + '](https://example.com/' + p.replace(' ', '%20') + ')办理；*' + p + '*。',
        '',
        '```form', 'id: xss-%d' % n, 'title: ' + q('表%d %s' % (n, p)), 'columns: 4', 'rows:',
        '  - [{label: ' + q(p) + ', span: 3}]', '  - [{heading: ' + q(p) + ', span: 4}]',
        '  - [{text: ' + q(p) + ', span: 4}]', 'notes:', '  - ' + q(p), '```', '',
        '# 第二章 附则', '',
        '第三条 本制度由行政部负责解释，自发布之日起施行。' + p, '',
        '# 附件一 ' + p, '', p, ''])
    with open(os.path.join(out, 'xss-%02d.md' % n), 'w', encoding='utf-8') as f:
        f.write(front + '\n' + body)
with open(os.path.join(out, '..', 'titles.json'), 'w', encoding='utf-8') as f:
    json.dump({'titles': ['制度%d %s' % (n, p) for n, p in enumerate(payloads)],
               'forms': ['表%d %s' % (n, p) for n, p in enumerate(payloads)], 'payloads': payloads}, f)
PY
run "$POLICYC" build --force --color never -q -o "$T/site" "$T/in"
[ "$rc" -le 1 ] || { head -5 "$T/err" >&2; fail "build --force: exit status $rc"; }
[ "$(ls "$T/site"/XSS-*.html | wc -l)" -ge 20 ] || fail "the policies were not built"

python3 - "$T/site" "$T/titles.json" <<'PY' || fail "markup from a policy reached a page"
import html.parser, json, os, re, sys
site, known = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
# What policyc writes itself; anything else came from a policy.
TAGS = {'a', 'blockquote', 'body', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt',
        'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'li', 'link', 'main', 'meta',
        'nav', 'ol', 'p', 'pre', 'section', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'title',
        'tr', 'ul', 'img', 'sup', 'footer', 'aside', 'small', 'abbr'}
ATTRS = {'class', 'href', 'title', 'id', 'style', 'lang', 'colspan', 'rowspan', 'rel', 'charset', 'content',
         'name', 'src', 'alt', 'align', 'start', 'aria-label', 'role', 'scope', 'datetime'}
SAFE_STYLE = re.compile(r'^[-a-z0-9:;%.# ]*$')
problems = []
class Page(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.text = name, []
    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            problems.append('%s: tag <%s>' % (self.name, tag))
        for k, v in attrs:
            v = v or ''
            if k not in ATTRS or k.startswith('on'):
                problems.append('%s: attribute %s="%s" on <%s>' % (self.name, k, v, tag))
            if k in ('href', 'src'):
                bare = re.sub(r'[\x00-\x20]', '', v).lower()
                scheme = bare.split(':', 1)[0] if re.match(r'^[a-z][a-z0-9+.-]*:', bare) else ''
                if scheme not in ('', 'http', 'https', 'mailto'):
                    problems.append('%s: %s="%s"' % (self.name, k, v))
            if k == 'style' and not SAFE_STYLE.match(v):
                problems.append('%s: style="%s"' % (self.name, v))
            if tag == 'link' and (k, v) not in (('rel', 'stylesheet'), ('href', 'style.css'), ('href', '../style.css')):
                problems.append('%s: <link %s="%s">' % (self.name, k, v))
            if tag == 'meta' and k == 'http-equiv':
                problems.append('%s: <meta http-equiv>' % self.name)
    handle_startendtag = handle_starttag
    def handle_comment(self, data):
        problems.append('%s: a comment <!--%s-->' % (self.name, data[:40]))
    def handle_pi(self, data):
        problems.append('%s: <?%s>' % (self.name, data[:40]))
    def handle_data(self, data):
        self.text.append(data)
texts = {}
for d, _, files in os.walk(site):
    for f in files:
        if f.endswith('.html'):
            path = os.path.join(d, f)
            page = Page(os.path.relpath(path, site))
            page.feed(open(path, encoding='utf-8').read())
            page.close()
            texts[page.name] = ''.join(page.text)
pages = [n for n in texts if n.startswith('XSS-')]
forms = [n for n in texts if n.startswith('forms/')]
if len(pages) < len(known['titles']) - 1 or len(forms) < len(known['forms']) - 1:
    problems.append('only %d pages and %d forms built' % (len(pages), len(forms)))
# Titles read back as the text they are (the payload with a NUL is not a
# valid title, so its page shows none); the catalogue lists them all.
for n, title in enumerate(known['titles']):
    if '\x00' in title:
        continue
    page = 'XSS-%d.html' % n
    if title not in texts.get(page, ''):
        problems.append('%s: the title does not read back as text' % page)
    if title not in texts.get('index.html', ''):
        problems.append('index.html: title %d does not read back as text' % n)
    form = 'forms/xss-%d.html' % n
    if known['forms'][n] not in texts.get(form, '') or known['payloads'][n] not in texts.get(form, ''):
        problems.append('%s: the form title or a label does not read back as text' % form)
print('\n'.join(problems[:40]))
sys.exit(1 if problems else 0)
PY
exit 0
