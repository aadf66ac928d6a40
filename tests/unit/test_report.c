/* test_report.c — the JSON string escaper and the json and sarif reports. */
#include <stdlib.h>

#include "config.h"
#include "corpus.h"
#include "model.h"
#include "report.h"
#include "util.h"
#include "unit.h"

static char *escaped(const char *s)
{
	struct buf b = {0};
	json_put_string(&b, s);
	return buf_take(&b);
}

static void test_escaper(void)
{
	struct {
		const char *in, *want, *what;
	} cases[] = {
		{"plain", "\"plain\"", "plain ASCII"},
		{"第一条", "\"第一条\"", "UTF-8 kept as it is"},
		{"a\"b\\c", "\"a\\\"b\\\\c\"", "quote and backslash"},
		{"a\nb\rc\td", "\"a\\nb\\rc\\td\"", "newline, return, tab"},
		{"\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"", "other control characters"},
		{"a\xff" "b\xe7\xac", "\"a\\ufffdb\\ufffd\\ufffd\"", "invalid UTF-8 becomes U+FFFD"},
		{"", "\"\"", "empty string"},
		{"/", "\"/\"", "slash not escaped"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = escaped(cases[i].in);
		CHECK_STR(got, cases[i].want, "json_put_string: %s", cases[i].what);
		free(got);
	}
}

/* A corpus of two documents put together by hand. */
struct fixture {
	struct config *config;
	struct options options;
	struct document *docs[2];
	struct corpus corpus;
};

static void fixture_init(struct fixture *f, const char *first_path)
{
	f->config = config_default();
	f->options = (struct options){.format = FORMAT_JSON, .jobs = 1, .width = 72, .quiet = true};
	f->docs[0] = document_from_memory(first_path, "x\n", 2, f->config);
	f->docs[1] = document_from_memory("b.md", "y\n", 2, f->config);
	diag_add(&f->docs[0]->diags, RULE_ARTICLE_NUMBER, 3, 7, "article number 第四条 skips 第三条; \"quoted\"");
	diag_add(&f->docs[0]->diags, RULE_PUNCTUATION_WIDTH, 9, 2, "half-width ,");
	diag_add(&f->docs[1]->diags, RULE_XREF_DOCUMENT, 1, 1, "《会议管理制度》 names nothing");
	f->corpus = (struct corpus){.docs = f->docs, .ndocs = 2, .config = f->config, .options = &f->options};
}

static void fixture_free(struct fixture *f)
{
	document_free(f->docs[0]);
	document_free(f->docs[1]);
	config_free(f->config);
}

static void test_json(void)
{
	struct fixture f;
	fixture_init(&f, "dir/a b.md");
	struct buf out = {0};
	report_json(&f.corpus, &out);
	CHECK_STR(out.data,
		  "[\n"
		  "  {\"file\": \"dir/a b.md\", \"line\": 3, \"column\": 7, \"severity\": \"error\", "
		  "\"rule\": \"article-number\", \"message\": \"article number 第四条 skips 第三条; \\\"quoted\\\"\"},\n"
		  "  {\"file\": \"dir/a b.md\", \"line\": 9, \"column\": 2, \"severity\": \"warning\", "
		  "\"rule\": \"punctuation-width\", \"message\": \"half-width ,\"},\n"
		  "  {\"file\": \"b.md\", \"line\": 1, \"column\": 1, \"severity\": \"warning\", "
		  "\"rule\": \"xref-document\", \"message\": \"《会议管理制度》 names nothing\"}\n"
		  "]\n",
		  "json: every diagnostic, in order, with the six keys");
	buf_free(&out);

	for (int i = 0; i < 2; i++)
		diags_free(&f.docs[i]->diags);
	report_json(&f.corpus, &out);
	CHECK_STR(out.data, "[]\n", "json: no diagnostics is an empty array");
	buf_free(&out);
	fixture_free(&f);
}

static void test_sarif(void)
{
	struct fixture f;
	fixture_init(&f, "/srv/制度 1.md");
	struct buf out = {0};
	report_sarif(&f.corpus, &out);
	CHECK(strstr(out.data, "\"version\": \"2.1.0\"") != NULL, "sarif: version 2.1.0");
	for (int r = 0; r < RULE_COUNT; r++) {
		char *want = xasprintf("{\"id\": \"%s\", \"shortDescription\": {\"text\": ", rule_table[r].id);
		CHECK(strstr(out.data, want) != NULL, "sarif: rule %s described", rule_table[r].id);
		free(want);
	}
	CHECK(strstr(out.data, "\"uri\": \"file:///srv/%E5%88%B6%E5%BA%A6%201.md\"") != NULL,
	      "sarif: absolute path as a percent-encoded file URI");
	CHECK(strstr(out.data, "\"uri\": \"b.md\"") != NULL, "sarif: relative path stays relative");
	char *want = xasprintf("{\"ruleId\": \"article-number\", \"ruleIndex\": %d, \"level\": \"error\", "
			       "\"message\": {\"text\": ", (int)RULE_ARTICLE_NUMBER);
	CHECK(strstr(out.data, want) != NULL, "sarif: result with ruleId, ruleIndex, level");
	free(want);
	CHECK(strstr(out.data, "\"region\": {\"startLine\": 3, \"startColumn\": 7}") != NULL,
	      "sarif: region with line and column");
	CHECK(strstr(out.data, "\"columnKind\": \"unicodeCodePoints\"") != NULL,
	      "sarif: columns declared as code points");
	buf_free(&out);
	fixture_free(&f);
}

static void test_lookups(void)
{
	struct fixture f;
	fixture_init(&f, "a.md");
	f.docs[0]->meta.title = xstrdup("考勤管理制度");
	CHECK(corpus_find_title(&f.corpus, "考勤管理制度") == f.docs[0], "corpus_find_title finds a title");
	CHECK(corpus_find_title(&f.corpus, "考勤管理") == NULL, "corpus_find_title: no partial match");
	CHECK(corpus_find_form_title(&f.corpus, "考勤管理制度") == NULL, "a policy title is no form title");
	CHECK(document_has_errors(f.docs[0], false), "document with an error has errors");
	CHECK(!document_has_errors(f.docs[1], false), "a warning is not an error");
	CHECK(document_has_errors(f.docs[1], true), "a warning is an error with --werror");
	fixture_free(&f);
}

int main(void)
{
	test_escaper();
	test_json();
	test_sarif();
	test_lookups();
	UNIT_END();
}
