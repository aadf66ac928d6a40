/* Templates: placeholders, escaping by default, loading, the default directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render.h"
#include "template.h"
#include "unit.h"
#include "util.h"

static void write_text(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

static void remove_dir(const char *dir)
{
	const char *names[] = {"page.html", "index.html", "form.html", "style.css"};
	for (size_t i = 0; i < 4; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

static void test_escape(void)
{
	char *s = html_escape("<a href=\"x\">Tom & Jerry's</a>");
	CHECK_STR(s, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", "html_escape escapes & < > \" '");
	free(s);
	s = html_escape("第一条　目的");
	CHECK_STR(s, "第一条　目的", "html_escape leaves UTF-8 text alone");
	free(s);
	s = html_escape(NULL);
	CHECK_STR(s, "", "html_escape(NULL) is empty");
	/* html_escape_buf passes 8 bytes at a time: each special character at
	 * each place of a text longer than two words, among Chinese and ASCII */
	static const char *const specials[][2] = {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}};
	size_t differ = 0;
	for (size_t k = 0; k < 5; k++)
		for (size_t at = 0; at < 20; at++) {
			char text[32], want[64];
			const char *filler = at % 2 ? "zzzzzzzzzzzzzzzzzzzz" : "?@AZ[`az{~\x7f" "0123456789";
			snprintf(text, sizeof text, "%.*s%s%s", (int)at, filler, specials[k][0], "中文");
			snprintf(want, sizeof want, "%.*s%s%s", (int)at, filler, specials[k][1], "中文");
			char *got = html_escape(text);
			differ += strcmp(got, want) != 0;
			free(got);
		}
	CHECK(differ == 0, "html_escape finds & < > \" ' at every place of a text (%zu of 100 differ)", differ);
	free(s);
}

/* The escaping as the SPEC states it, a byte at a time. */
static void reference_escape(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, s[i]); break;
		}
	}
}

/* A byte of a random text: mostly the bytes the fast paths test, their
 * neighbours (% ( ; = ? ! #), digits and Chinese, sometimes any byte. */
static char random_byte(unsigned *seed)
{
	static const char likely[] = "&<>\"'%()=;?!#$ 09azAZ\x80\xe4\xb8\xad\xff\x01\x7f~";
	*seed = *seed * 1103515245u + 12345u;
	unsigned r = *seed >> 16;
	return r % 4 ? likely[r / 4 % (sizeof likely - 1)] : (char)(r / 4);
}

/* html_escape_buf (with SSE2: 16 bytes at a time, the last 16 read again,
 * a text under 16 bytes as its overlapping head and tail; without: 8 at a
 * time) against the reference on random texts of 0-99 bytes, appended after
 * a prefix, each in a buffer of its exact size (ASan catches a read past
 * it). */
static void test_escape_random(void)
{
	unsigned seed = 7;
	size_t differ = 0, texts = 0;
	for (size_t round = 0; round < 20000; round++) {
		size_t n = round % 100;
		char *text = xmalloc(n ? n : 1);
		for (size_t i = 0; i < n; i++)
			text[i] = random_byte(&seed);
		struct buf got = {0}, want = {0};
		buf_puts(&got, "x<");
		buf_puts(&want, "x<");
		html_escape_buf(&got, text, n);
		reference_escape(&want, text, n);
		differ += got.len != want.len || memcmp(got.data, want.data, got.len) != 0;
		texts++;
		buf_free(&got);
		buf_free(&want);
		free(text);
	}
	CHECK(differ == 0, "html_escape_buf escapes random texts as a byte at a time does (%zu of %zu differ)",
	      differ, texts);
}

static void test_expand(const char *dir)
{
	write_text(dir, "page.html", "<h1>{{title}}</h1>{{{body}}}|{{ spaced }}|{{missing}}|{{{alsomissing}}}");
	write_text(dir, "index.html", "{{title}} and {{unclosed");
	write_text(dir, "form.html", "{{{raw}}");
	write_text(dir, "style.css", "body { color: red; }\n");
	char *error = NULL;
	struct templates *t = templates_load(dir, &error);
	CHECK(t != NULL && error == NULL, "templates_load reads all four files");
	if (t == NULL)
		return;
	CHECK_STR(templates_get(t, "style.css"), "body { color: red; }\n", "style.css is kept as it is");
	CHECK(templates_get(t, "nonesuch.html") == NULL, "an unknown template is NULL");

	struct tvar vars[] = {
		{"title", "<script>alert(1)</script>"},
		{"body", "<p>built</p>"},
		{"spaced", "a&b"},
	};
	char *s = template_expand(t, "page.html", vars, 3);
	CHECK_STR(s, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>built</p>|a&amp;b||",
		  "{{x}} is escaped, {{{x}}} raw, spaces trimmed, unknown names empty");
	free(s);
	s = template_expand(t, "index.html", vars, 3);
	CHECK_STR(s, "&lt;script&gt;alert(1)&lt;/script&gt; and {{unclosed", "an unclosed placeholder stays text");
	free(s);
	s = template_expand(t, "form.html", vars, 3);
	CHECK_STR(s, "{{{raw}}", "a triple placeholder closed by two braces stays text");
	free(s);
	CHECK(template_expand(t, "nonesuch.html", vars, 3) == NULL, "expanding an unknown template is NULL");
	templates_free(t);
}

static void test_missing(const char *dir)
{
	char *path = xasprintf("%s/form.html", dir);
	unlink(path);
	free(path);
	char *error = NULL;
	struct templates *t = templates_load(dir, &error);
	CHECK(t == NULL, "a missing template fails the load");
	CHECK(error && strstr(error, "form.html") != NULL, "the error names the missing file: %s",
	      error ? error : "(none)");
	free(error);
}

static void test_default_dir(void)
{
	char *dir = templates_default_dir();
	size_t n = dir ? strlen(dir) : 0;
	CHECK(n >= 9 && strcmp(dir + n - 9, "templates") == 0, "the default directory is a templates/ (%s)",
	      dir ? dir : "(null)");
	free(dir);
}

static void test_file_ids(void)
{
	CHECK(html_file_id_ok("HR-COM-001") && html_file_id_ok("a.b_c-1"), "ordinary ids name files");
	CHECK(!html_file_id_ok("../etc/passwd") && !html_file_id_ok(".hidden") && !html_file_id_ok("") &&
		      !html_file_id_ok("a/b") && !html_file_id_ok(NULL) && !html_file_id_ok("制度"),
	      "ids with paths, leading dots, or other characters name no file");
}

int main(void)
{
	char dir[] = "/tmp/policyc-template-XXXXXX";
	if (mkdtemp(dir) == NULL) {
		puts("FAIL cannot create a temporary directory");
		return 1;
	}
	test_escape();
	test_escape_random();
	test_expand(dir);
	test_missing(dir);
	test_default_dir();
	test_file_ids();
	remove_dir(dir);
	UNIT_END();
}
