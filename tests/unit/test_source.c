/* test_source.c — lines, columns and the encoding check of source.c. */
#include <stdlib.h>

#include "config.h"
#include "model.h"
#include "util.h"
#include "unit.h"

static struct document *load(const struct config *config, const char *bytes, size_t len)
{
	return document_from_memory("t.md", bytes, len, config);
}

static const struct diag *find_diag(const struct document *doc, enum rule rule, int line, int col)
{
	for (size_t i = 0; i < doc->diags.n; i++) {
		const struct diag *d = &doc->diags.v[i];
		if (d->rule == rule && d->line == line && d->col == col)
			return d;
	}
	return NULL;
}

static void test_bom(const struct config *config)
{
	static const char text[] = "\xEF\xBB\xBF---\ntitle: 标题\n";
	struct document *doc = load(config, text, sizeof text - 1);
	size_t n;
	const char *line = document_line(doc, 1, &n);
	CHECK(doc->bom, "BOM recorded");
	CHECK(doc->readable && doc->diags.n == 0, "BOM is not an encoding error");
	CHECK(n == 3 && memcmp(line, "---", 3) == 0, "line 1 does not include the BOM");
	CHECK(doc->len == sizeof text - 1 && memcmp(doc->src, text, 3) == 0, "src keeps the original bytes");
	CHECK(document_column(doc, 1, 3) == 3, "columns on line 1 do not count the BOM");
	document_free(doc);
}

static void test_crlf(const struct config *config)
{
	static const char text[] = "ab\r\n第一条\r\nlast";
	struct document *doc = load(config, text, sizeof text - 1);
	size_t n;
	CHECK(doc->nlines == 3, "three CRLF lines (got %zu)", doc->nlines);
	const char *line = document_line(doc, 1, &n);
	CHECK(n == 2 && memcmp(line, "ab", 2) == 0, "document_line excludes \\r\\n");
	line = document_line(doc, 2, &n);
	CHECK(n == 9 && memcmp(line, "第一条", 9) == 0, "second line without \\r");
	line = document_line(doc, 3, &n);
	CHECK(n == 4 && memcmp(line, "last", 4) == 0, "last line without a line end");
	document_line(doc, 4, &n);
	CHECK(n == 0, "a line past the end is empty");
	document_free(doc);

	static const char cr[] = "a\rb\n\nc\n";
	doc = load(config, cr, sizeof cr - 1);
	CHECK(doc->nlines == 4, "a lone CR ends a line as in CommonMark (got %zu lines)", doc->nlines);
	line = document_line(doc, 2, &n);
	CHECK(n == 1 && line[0] == 'b', "line after a lone CR");
	document_free(doc);
}

static void test_columns(const struct config *config)
{
	static const char text[] = "x\n第一条 目的 ok\n";
	struct document *doc = load(config, text, sizeof text - 1);
	/* 第一条 is 9 bytes, the space 1: 目 is byte column 11, code point 5. */
	CHECK(document_column(doc, 2, 11) == 5, "目 is column 5 (got %d)", document_column(doc, 2, 11));
	CHECK(document_column(doc, 2, 1) == 1, "byte column 1 is column 1");
	CHECK(document_column(doc, 2, 18) == 8, "ok after two Chinese words is column 8 (got %d)",
	      document_column(doc, 2, 18));
	CHECK(document_column(doc, 2, 23) == 13, "past the end counts one per byte (got %d)",
	      document_column(doc, 2, 23));
	document_free(doc);
}

static void test_invalid_utf8(const struct config *config)
{
	static const char text[] = "ok\n中文\xff后\n";
	struct document *doc = load(config, text, sizeof text - 1);
	CHECK(!doc->readable, "invalid UTF-8 makes the document unreadable");
	CHECK(doc->diags.n == 1, "one diagnostic (got %zu)", doc->diags.n);
	const struct diag *d = find_diag(doc, RULE_ENCODING, 2, 3);
	CHECK(d != NULL, "encoding error at 2:3 after two Chinese characters");
	if (d)
		CHECK_STR(d->message, "invalid UTF-8 byte 0xff at byte offset 9; expected UTF-8 text",
			  "message gives the byte and its offset");
	document_free(doc);

	/* A character cut short is one mistake. */
	static const char cut[] = "a\xe4\xb8" "b";
	doc = load(config, cut, sizeof cut - 1);
	CHECK(doc->diags.n == 1 && find_diag(doc, RULE_ENCODING, 1, 2), "truncated sequence: one error at 1:2");
	document_free(doc);

	/* An overlong encoding of '/' is not UTF-8. */
	static const char overlong[] = "\xc0\xaf";
	doc = load(config, overlong, sizeof overlong - 1);
	CHECK(doc->diags.n == 1 && !doc->readable, "overlong encoding rejected");
	document_free(doc);

	static const char bom_bad[] = "\xEF\xBB\xBF" "a\xfe";
	doc = load(config, bom_bad, sizeof bom_bad - 1);
	d = find_diag(doc, RULE_ENCODING, 1, 2);
	CHECK(d && strstr(d->message, "0xfe at byte offset 4"), "offset counts the BOM, column does not");
	document_free(doc);
}

static void test_nul(const struct config *config)
{
	static const char text[] = "abc\nde\0f\n";
	struct document *doc = load(config, text, sizeof text - 1);
	const struct diag *d = find_diag(doc, RULE_ENCODING, 2, 3);
	CHECK(d != NULL && !doc->readable, "NUL byte at 2:3");
	if (d)
		CHECK_STR(d->message, "NUL byte at byte offset 6; expected UTF-8 text", "NUL message");
	document_free(doc);
}

static void test_many_errors(const struct config *config)
{
	/* A line in another encoding is one mistake: one diagnostic. */
	char text[160];
	size_t n = 0;
	for (int i = 0; i < 15; i++) {
		text[n++] = 'a';
		text[n++] = (char)0xff;
	}
	struct document *doc = load(config, text, n);
	CHECK(doc->diags.n == 1, "one line with 15 bad bytes: one diagnostic (got %zu)", doc->diags.n);
	const struct diag *d = find_diag(doc, RULE_ENCODING, 1, 2);
	CHECK(d && strcmp(d->message, "invalid UTF-8 byte 0xff at byte offset 1, and 14 more on this "
			      "line; expected UTF-8 text") == 0,
	      "the first bad byte, counting the rest of the line (got %s)", d ? d->message : "none");
	document_free(doc);

	/* Fifteen bad lines: the first ten, then one summary at the eleventh. */
	n = 0;
	for (int i = 0; i < 15; i++) {
		text[n++] = 'a';
		text[n++] = (char)0xff;
		text[n++] = (char)0xfe;
		text[n++] = '\n';
	}
	doc = load(config, text, n);
	CHECK(doc->diags.n == 11, "ten lines and one summary (got %zu)", doc->diags.n);
	d = find_diag(doc, RULE_ENCODING, 10, 2);
	CHECK(d && strstr(d->message, "at byte offset 37, and 1 more on this line"), "the tenth line");
	d = find_diag(doc, RULE_ENCODING, 11, 2);
	CHECK(d && strcmp(d->message, "… and 5 more lines with invalid UTF-8 or NUL bytes from here on") == 0,
	      "the summary at the eleventh line counts the lines left (got %s)", d ? d->message : "none");
	document_free(doc);

	/* A NUL byte and a bad byte on one line: one diagnostic, the first. */
	static const char mixed[] = "x\0y\xff\n";
	doc = load(config, mixed, sizeof mixed - 1);
	CHECK(doc->diags.n == 1 && find_diag(doc, RULE_ENCODING, 1, 2) &&
	      strstr(doc->diags.v[0].message, "NUL byte at byte offset 1, and 1 more on this line"),
	      "NUL then a bad byte on one line");
	document_free(doc);
}

static void test_empty(const struct config *config)
{
	struct document *doc = load(config, "", 0);
	size_t n;
	document_line(doc, 1, &n);
	CHECK(doc->nlines == 1 && n == 0 && doc->readable, "an empty file has one empty line");
	document_free(doc);
}

/* A provision tree two hundred thousand levels deep must be freed without recursion. */
static void test_deep_tree(const struct config *config)
{
	struct document *doc = load(config, "x", 1);
	doc->root = xcalloc(1, sizeof *doc->root);
	struct pnode *parent = doc->root;
	for (int depth = 0; depth < 200000; depth++) {
		struct pnode *child = xcalloc(1, sizeof *child);
		child->parent = parent;
		child->marker = xstrdup("（一）");
		if (parent->last) {
			parent->last->next = child;
			child->prev = parent->last;
		} else {
			parent->first = child;
		}
		parent->last = child;
		/* siblings every few levels, so both directions are walked */
		if (depth % 3 == 0) {
			struct pnode *sibling = xcalloc(1, sizeof *sibling);
			sibling->parent = parent;
			child->next = sibling;
			sibling->prev = child;
			parent->last = sibling;
		}
		parent = child;
	}
	document_free(doc);
	CHECK(1, "deep tree freed (ASan reports leaks or overflow)");
}

int main(void)
{
	struct config *config = config_default();
	test_bom(config);
	test_crlf(config);
	test_columns(config);
	test_invalid_utf8(config);
	test_nul(config);
	test_many_errors(config);
	test_empty(config);
	test_deep_tree(config);
	config_free(config);
	UNIT_END();
}
