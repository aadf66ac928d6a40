/* test_frontmatter.c — every frontmatter-* rule with its exact position, and
 * a clean front matter that is silent. */
#include <stdlib.h>

#include "config.h"
#include "model.h"
#include "util.h"
#include "yaml_load.h"
#include "unit.h"

#define HEAD "---\n"
#define GOOD_KEYS                                                                        \
	"title: 员工内部沟通管理制度\n"                                                  \
	"id: HR-001\n"                                                                   \
	"version: \"1.0\"\n"                                                             \
	"owner: 人事行政部\n"                                                            \
	"effective: 2024-01-01\n"
#define BODY "# 第一章 总则\n"

static struct document *check(const struct config *config, const char *text)
{
	struct document *doc = document_from_memory("t.md", text, strlen(text), config);
	frontmatter_check(doc);
	return doc;
}

static size_t count_rule(const struct document *doc, enum rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->diags.n; i++)
		n += doc->diags.v[i].rule == rule;
	return n;
}

/* The document has exactly one diagnostic: of that rule, at that place, with
 * that message (NULL: any message). */
static void expect_one(const struct config *config, const char *name, const char *text,
		       enum rule rule, int line, int col, const char *message)
{
	struct document *doc = check(config, text);
	const struct diag *d = doc->diags.n == 1 ? &doc->diags.v[0] : NULL;
	bool ok = d && d->rule == rule && d->line == line && d->col == col &&
		  (!message || strcmp(d->message, message) == 0);
	CHECK(ok, "%s: one %s at %d:%d", name, rule_table[rule].id, line, col);
	if (!ok)
		for (size_t i = 0; i < doc->diags.n; i++)
			printf("  got %d:%d %s [%s]\n", doc->diags.v[i].line, doc->diags.v[i].col,
			       doc->diags.v[i].message, rule_table[doc->diags.v[i].rule].id);
	document_free(doc);
}

static void test_clean(const struct config *config)
{
	struct document *doc = check(config, HEAD GOOD_KEYS
				     "status: draft\n"
				     "scheme: outline\n"
				     "supersedes: [HR-000, hr_old.2]\n"
				     "approved-by: 总经理\n"
				     "tags: [人事, 沟通]\n"
				     "revisions:\n"
				     "  - {version: \"1.0\", date: 2024-02-29, note: 首次发布}\n"
				     "  - version: 1.1\n"
				     "    date: 2024-03-01\n"
				     "---\n" BODY);
	CHECK(doc->diags.n == 0, "clean front matter is silent (got %zu)", doc->diags.n);
	CHECK(doc->meta_ok, "meta_ok");
	CHECK(doc->body_line == 17, "body starts after the closing --- (got %d)", doc->body_line);
	CHECK_STR(doc->meta.title, "员工内部沟通管理制度", "title");
	CHECK(doc->meta.title_line == 2 && doc->meta.title_col == 8, "title value at 2:8");
	CHECK_STR(doc->meta.id, "HR-001", "id");
	CHECK(doc->meta.id_line == 3 && doc->meta.id_col == 5, "id value at 3:5");
	CHECK_STR(doc->meta.version, "1.0", "version");
	CHECK_STR(doc->meta.owner, "人事行政部", "owner");
	CHECK_STR(doc->meta.effective, "2024-01-01", "effective");
	CHECK_STR(doc->meta.status, "draft", "status");
	CHECK(doc->meta.scheme == SCHEME_OUTLINE, "scheme outline");
	CHECK(doc->meta.nsupersedes == 2 && strcmp(doc->meta.supersedes[1], "hr_old.2") == 0, "supersedes");
	CHECK_STR(doc->meta.approved_by, "总经理", "approved-by");
	CHECK(doc->meta.ntags == 2 && strcmp(doc->meta.tags[0], "人事") == 0, "tags");
	CHECK(doc->meta.nrevisions == 2 && strcmp(doc->meta.revisions[1].date, "2024-03-01") == 0 &&
	      doc->meta.revisions[1].note == NULL, "revisions, the note optional");
	document_free(doc);

	doc = check(config, HEAD GOOD_KEYS "---\n");
	CHECK_STR(doc->meta.status, "active", "status defaults to active");
	CHECK(doc->meta.scheme == config->scheme, "scheme defaults to the configuration's");
	CHECK(doc->meta.nsupersedes == 0 && doc->diags.n == 0, "supersedes single id absent");
	document_free(doc);

	doc = check(config, HEAD GOOD_KEYS "supersedes: HR-000\n---\n");
	CHECK(doc->meta.nsupersedes == 1 && doc->diags.n == 0, "supersedes a single id");
	document_free(doc);

	static const char bom_crlf[] = "\xEF\xBB\xBF---\r\ntitle: 制度\r\nid: A1\r\nversion: 2\r\n"
				       "owner: 部\r\neffective: 2024-01-01\r\n---\r\n# 第一章 总则\r\n";
	doc = check(config, bom_crlf);
	CHECK(doc->diags.n == 0 && doc->body_line == 8, "BOM and CRLF change nothing");
	CHECK_STR(doc->meta.title, "制度", "title without \\r");
	document_free(doc);
}

static void test_missing(const struct config *config)
{
	struct document *doc = check(config, BODY "第一条 目的\n");
	CHECK(doc->diags.n == 1 && count_rule(doc, RULE_FRONTMATTER_MISSING) == 1 &&
	      doc->diags.v[0].line == 1 && doc->diags.v[0].col == 1,
	      "no front matter: frontmatter-missing alone at 1:1");
	CHECK(doc->body_line == 1 && !doc->meta_ok, "no front matter: the body is the whole file");
	document_free(doc);

	doc = check(config, HEAD "title: 制度\nid: A\n");
	CHECK(doc->diags.n == 1 && count_rule(doc, RULE_FRONTMATTER_MISSING) == 1 &&
	      doc->diags.v[0].line == 1, "unclosed: frontmatter-missing alone at 1:1");
	CHECK(doc->body_line == 4, "unclosed: body_line past the end (got %d)", doc->body_line);
	document_free(doc);

	expect_one(config, "empty file", "", RULE_FRONTMATTER_MISSING, 1, 1, NULL);
	expect_one(config, "fence not on line 1", "\n---\n" GOOD_KEYS "---\n", RULE_FRONTMATTER_MISSING,
		   1, 1, NULL);
}

static void test_syntax(const struct config *config)
{
	expect_one(config, "mapping value inside a value",
		   HEAD "title: a: b\nid: A\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_SYNTAX, 2, 9,
		   "front matter YAML does not parse: mapping values are not allowed in this context");
	expect_one(config, "unclosed flow list after Chinese text",
		   HEAD GOOD_KEYS "tags: [人事, 考勤\n---\n", RULE_FRONTMATTER_SYNTAX, 8, 1, NULL);
	expect_one(config, "tab indentation", HEAD GOOD_KEYS "revisions:\n\t- x\n---\n",
		   RULE_FRONTMATTER_SYNTAX, 8, 1, NULL);
}

static void test_type(const struct config *config)
{
	expect_one(config, "root is a list", HEAD "- a\n- b\n---\n", RULE_FRONTMATTER_TYPE, 2, 1,
		   "front matter is a list; expected a mapping of keys such as title: and id:");
	expect_one(config, "id with a space",
		   HEAD "title: 制度\nid: HR 001\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_TYPE, 3, 5, NULL);
	expect_one(config, "id starting with '-'",
		   HEAD "title: 制度\nid: -x\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_TYPE, 3, 5, NULL);
	expect_one(config, "id in Chinese",
		   HEAD "title: 制度\nid: 人事一号\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_TYPE, 3, 5, NULL);
	expect_one(config, "2023-02-29 is not a date",
		   HEAD "title: 制度\nid: A\nversion: 1\nowner: x\neffective: 2023-02-29\n---\n",
		   RULE_FRONTMATTER_TYPE, 6, 12,
		   "effective 2023-02-29 is not a real calendar date; expected a date that exists");
	expect_one(config, "2024/01/01 is not YYYY-MM-DD",
		   HEAD "title: 制度\nid: A\nversion: 1\nowner: x\neffective: 2024/01/01\n---\n",
		   RULE_FRONTMATTER_TYPE, 6, 12, NULL);
	expect_one(config, "2024-1-5 is not YYYY-MM-DD",
		   HEAD "title: 制度\nid: A\nversion: 1\nowner: x\neffective: 2024-1-5\n---\n",
		   RULE_FRONTMATTER_TYPE, 6, 12, NULL);
	expect_one(config, "1900-02-29 is not a date (century)",
		   HEAD "title: 制度\nid: A\nversion: 1\nowner: x\neffective: 1900-02-29\n---\n",
		   RULE_FRONTMATTER_TYPE, 6, 12, NULL);
	struct document *doc =
		check(config, HEAD "title: 制度\nid: A\nversion: 1\nowner: x\neffective: 2000-02-29\n---\n");
	CHECK(doc->diags.n == 0, "2000-02-29 is a date");
	document_free(doc);
	expect_one(config, "status unknown", HEAD GOOD_KEYS "status: published\n---\n",
		   RULE_FRONTMATTER_TYPE, 7, 9,
		   "status published is not known; expected draft, active, superseded or repealed");
	expect_one(config, "scheme unknown", HEAD GOOD_KEYS "scheme: roman\n---\n",
		   RULE_FRONTMATTER_TYPE, 7, 9, NULL);
	expect_one(config, "version a list", HEAD "title: 制度\nid: A\nversion: [1, 2]\nowner: x\n"
		   "effective: 2024-01-01\n---\n", RULE_FRONTMATTER_TYPE, 4, 10,
		   "version is a list; expected a string or number such as \"1.0\"");
	expect_one(config, "title a mapping", HEAD "title: {zh: 制度}\nid: A\nversion: 1\nowner: x\n"
		   "effective: 2024-01-01\n---\n", RULE_FRONTMATTER_TYPE, 2, 8, NULL);
	expect_one(config, "owner a list", HEAD "title: 制度\nid: A\nversion: 1\nowner:\n  - 人事部\n"
		   "effective: 2024-01-01\n---\n", RULE_FRONTMATTER_TYPE, 6, 3, NULL);
	expect_one(config, "a supersedes entry that is no id",
		   HEAD GOOD_KEYS "supersedes: [HR-000, 旧制度]\n---\n", RULE_FRONTMATTER_TYPE, 7, 22, NULL);
	expect_one(config, "tags a string", HEAD GOOD_KEYS "tags: 人事\n---\n", RULE_FRONTMATTER_TYPE,
		   7, 7, NULL);
	/* columns in code points: "tags: [" 7, "人事, " 4, "考勤, " 4 */
	expect_one(config, "a tag that is a mapping", HEAD GOOD_KEYS "tags: [人事, 考勤, {a: b}]\n---\n",
		   RULE_FRONTMATTER_TYPE, 7, 16, NULL);
	expect_one(config, "revisions a mapping", HEAD GOOD_KEYS "revisions: {version: 1}\n---\n",
		   RULE_FRONTMATTER_TYPE, 7, 12, NULL);
	expect_one(config, "a revision with an impossible date",
		   HEAD GOOD_KEYS "revisions:\n  - {version: 1, date: 2024-13-01, note: 初版}\n---\n",
		   RULE_FRONTMATTER_TYPE, 8, 24, NULL);
	expect_one(config, "a revision without a date",
		   HEAD GOOD_KEYS "revisions:\n  - {version: 1, note: 初版}\n---\n",
		   RULE_FRONTMATTER_TYPE, 8, 5, "revision has no date; expected a mapping {version, date, note}");
	expect_one(config, "a key that is a list", HEAD GOOD_KEYS "[a, b]: c\n---\n",
		   RULE_FRONTMATTER_TYPE, 7, 1, NULL);
}

static void test_duplicate(const struct config *config)
{
	expect_one(config, "title twice", HEAD GOOD_KEYS "title: 另一个\n---\n",
		   RULE_FRONTMATTER_DUPLICATE, 7, 1, "key title is given twice; first at line 2");
	struct document *doc = check(config, HEAD GOOD_KEYS "title: [bad]\n---\n");
	CHECK_STR(doc->meta.title, "员工内部沟通管理制度", "the first of two titles counts");
	CHECK(doc->diags.n == 1, "the second value is not checked as well");
	document_free(doc);
	expect_one(config, "revision key twice",
		   HEAD GOOD_KEYS "revisions:\n  - version: 1\n    date: 2024-01-01\n    version: 2\n---\n",
		   RULE_FRONTMATTER_DUPLICATE, 10, 5, "revision key version is given twice; first at line 8");
}

static void test_unknown(const struct config *config)
{
	expect_one(config, "titel", HEAD GOOD_KEYS "titel: x\n---\n", RULE_FRONTMATTER_UNKNOWN, 7, 1,
		   "unknown key titel; did you mean title?");
	expect_one(config, "approved_by", HEAD GOOD_KEYS "approved_by: x\n---\n",
		   RULE_FRONTMATTER_UNKNOWN, 7, 1, "unknown key approved_by; did you mean approved-by?");
	expect_one(config, "effective-date", HEAD GOOD_KEYS "effective-date: x\n---\n",
		   RULE_FRONTMATTER_UNKNOWN, 7, 1, "unknown key effective-date; did you mean effective?");
	expect_one(config, "生效日期", HEAD GOOD_KEYS "生效日期: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_UNKNOWN, 7, 1, "unknown key 生效日期; did you mean effective?");
	struct document *doc = check(config, HEAD GOOD_KEYS "department: x\n---\n");
	CHECK(doc->diags.n == 1 && doc->diags.v[0].severity == SEV_WARNING &&
	      strstr(doc->diags.v[0].message, "expected one of title, id"),
	      "a key near nothing lists the known keys, as a warning");
	document_free(doc);
	expect_one(config, "unknown key after Chinese value on a flow line",
		   HEAD GOOD_KEYS "revisions: [{version: 壹, date: 2024-01-01, notes: 改}]\n---\n",
		   RULE_FRONTMATTER_UNKNOWN, 7, 44, "unknown revision key notes; did you mean note?");

	struct config *declared = config_default();
	char **extra = xcalloc(1, sizeof *extra);
	extra[0] = xstrdup("department");
	declared->extra_keys = extra;
	declared->nextra_keys = 1;
	doc = check(declared, HEAD GOOD_KEYS "department: 人事部\n---\n");
	CHECK(doc->diags.n == 0, "a key declared in front-matter-keys is allowed");
	document_free(doc);
	expect_one(declared, "near a declared key", HEAD GOOD_KEYS "departmnt: x\n---\n",
		   RULE_FRONTMATTER_UNKNOWN, 7, 1, "unknown key departmnt; did you mean department?");
	config_free(declared);
}

static void test_required(const struct config *config)
{
	expect_one(config, "owner missing",
		   HEAD "title: 制度\nid: A\nversion: 1\neffective: 2024-01-01\n---\n" BODY,
		   RULE_FRONTMATTER_REQUIRED, 6, 1,
		   "required key owner is missing; expected owner: with the department that drafts the policy");
	expect_one(config, "owner null",
		   HEAD "title: 制度\nid: A\nversion: 1\nowner:\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_REQUIRED, 5, 1,
		   "required key owner is empty; expected the department that drafts the policy");
	expect_one(config, "id quoted empty",
		   HEAD "title: 制度\nid: \"\"\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_REQUIRED, 3, 1, NULL);
	expect_one(config, "title an empty list",
		   HEAD "title: []\nid: A\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_REQUIRED, 2, 1, NULL);
	expect_one(config, "version ~",
		   HEAD "title: 制度\nid: A\nversion: ~\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_REQUIRED, 4, 1, NULL);

	struct document *doc = check(config, HEAD "---\n" BODY);
	CHECK(count_rule(doc, RULE_FRONTMATTER_REQUIRED) == 1 && doc->diags.n == 1 &&
	      doc->diags.v[0].line == 2 && doc->diags.v[0].col == 1 &&
	      strcmp(doc->diags.v[0].message, "front matter is empty; expected the keys title:, id:, "
						"version:, owner:, effective:") == 0,
	      "empty front matter: one diagnostic at the closing --- naming every required key");
	CHECK(doc->body_line == 3, "empty front matter: body on line 3");
	document_free(doc);

	doc = check(config, HEAD GOOD_KEYS "approved-by:\ntags:\n---\n");
	CHECK(doc->diags.n == 0, "optional keys left empty count as absent");
	document_free(doc);

	struct config *fewer = config_default();
	for (size_t i = 1; i < fewer->nrequired_front_matter; i++)
		free(fewer->required_front_matter[i]);
	fewer->nrequired_front_matter = 1; /* title only */
	doc = check(fewer, HEAD "title: 制度\n---\n");
	CHECK(doc->diags.n == 0, "the configuration decides which keys are required");
	document_free(doc);
	config_free(fewer);
}

static void test_hostile(const struct config *config)
{
	struct buf deep = {0};
	buf_puts(&deep, HEAD GOOD_KEYS "tags: ");
	for (int i = 0; i < 100000; i++)
		buf_putc(&deep, '[');
	buf_puts(&deep, "\n---\n");
	/* the root mapping is level 1, so the 100th [ (column 6 + 100) is too deep */
	expect_one(config, "lists nested 100000 deep, quickly", deep.data, RULE_FRONTMATTER_SYNTAX, 7, 106,
		   "front matter YAML does not parse: lists and mappings nested more than 100 deep");
	buf_free(&deep);
	expect_one(config, "an id with an escaped NUL",
		   HEAD "title: 制度\nid: \"A\\0B\"\nversion: 1\nowner: x\neffective: 2024-01-01\n---\n",
		   RULE_FRONTMATTER_TYPE, 3, 5, NULL);
	expect_one(config, "an undefined alias", HEAD GOOD_KEYS "tags: *nowhere\n---\n",
		   RULE_FRONTMATTER_SYNTAX, 7, 7, NULL);
	struct document *doc = check(config, HEAD GOOD_KEYS "tags: &t [*t]\nrevisions: &r [*r]\n---\n");
	CHECK(count_rule(doc, RULE_FRONTMATTER_TYPE) == 2, "lists that contain themselves: one error each");
	document_free(doc);
}

/* The YAML layer itself: code-point columns, one document, duplicates. */
static void test_yaml_layer(void)
{
	yaml_document_t yaml;
	struct yaml_error err;
	static const char text[] = "标题: 值\n名称: 二\n标题: 三\n";
	CHECK(yaml_load(&yaml, text, sizeof text - 1, &err), "Chinese keys load");
	yaml_node_t *key = NULL, *value = yaml_map_get(&yaml, yaml_root(&yaml), "名称", &key);
	CHECK(key && yaml_line(key) == 2 && yaml_col(key) == 1, "key 名称 at 2:1");
	CHECK(value && yaml_col(value) == 5, "its value at column 5 in code points, not 8 in bytes");
	size_t *first = yaml_map_first_entries(&yaml, yaml_root(&yaml));
	CHECK(first && first[0] == 0 && first[1] == 1 && first[2] == 0, "the third key repeats the first");
	free(first);
	yaml_unload(&yaml);

	CHECK(yaml_load(&yaml, "# only a comment\n", 17, &err) && yaml_root(&yaml) == NULL,
	      "empty text: an empty document");
	yaml_unload(&yaml);

	static const char two[] = "a: 1\n---\nb: 2\n";
	CHECK(!yaml_load(&yaml, two, sizeof two - 1, &err) && err.line == 3 && err.col == 1,
	      "a second document is an error at its start (got %d:%d)", err.line, err.col);

	static const char quoted[] = "a: \"中文\n";
	CHECK(!yaml_load(&yaml, quoted, sizeof quoted - 1, &err) && err.context_line == 1 &&
	      err.context_col == 4, "an unclosed quote names where it opened");

	static const char *const known[] = {"title", "approved-by", "punctuation-width"};
	CHECK_STR(yaml_closest_key("Titel", known, 3), "title", "case and a swap");
	CHECK_STR(yaml_closest_key("approved_by", known, 3), "approved-by", "underscore for hyphen");
	CHECK_STR(yaml_closest_key("punct-width", known, 3), "punctuation-width", "abbreviated words");
	CHECK(yaml_closest_key("colour", known, 3) == NULL, "nothing close");
	CHECK(yaml_closest_key("x", known, 3) == NULL, "one letter is close to nothing");
}

static void test_off(void)
{
	struct config *config = config_default();
	config->severity[RULE_FRONTMATTER_UNKNOWN] = SEV_OFF;
	struct document *doc = check(config, HEAD GOOD_KEYS "titel: x\n---\n");
	CHECK(doc->diags.n == 0, "a rule turned off reports nothing");
	document_free(doc);
	config_free(config);
}

int main(void)
{
	struct config *config = config_default();
	test_clean(config);
	test_missing(config);
	test_syntax(config);
	test_type(config);
	test_duplicate(config);
	test_unknown(config);
	test_required(config);
	test_hostile(config);
	test_off();
	test_yaml_layer();
	config_free(config);
	UNIT_END();
}
