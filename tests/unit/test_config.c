/* test_config.c — the defaults of SPEC §7, loading over them, errors with
 * their positions, discovery. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "util.h"
#include "unit.h"

static char dir[] = "/tmp/policyc-test-config-XXXXXX";

static char *write_config(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads text as a configuration; stores what it printed on stderr. */
static struct config *load_text(const char *text, char **errors)
{
	char *path = write_config("policyc.yml", text);
	fflush(stderr);
	int saved = dup(2);
	FILE *capture = tmpfile();
	dup2(fileno(capture), 2);
	struct config *config = config_load(path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(capture);
	struct buf out = {0};
	char chunk[512];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, capture)) > 0)
		buf_put(&out, chunk, n);
	fclose(capture);
	free(path);
	*errors = buf_take(&out);
	return config;
}

static bool words_are(const struct provision *p, const char *const *words, size_t n)
{
	if (p->nwords != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(p->words[i], words[i]) != 0)
			return false;
	return true;
}

static void test_defaults(void)
{
	struct config *c = config_default();
	CHECK(c->path == NULL && c->scheme == SCHEME_ARTICLES && !c->article_per_chapter,
	      "scheme articles, continuous numbering");
	static const char *const fm[] = {"title", "id", "version", "owner", "effective"};
	bool same = c->nrequired_front_matter == 5;
	for (size_t i = 0; same && i < 5; i++)
		same = strcmp(c->required_front_matter[i], fm[i]) == 0;
	CHECK(same, "required front matter title, id, version, owner, effective");
	const struct requirements *a = &c->required[SCHEME_ARTICLES];
	CHECK_STR(a->first_chapter, "总则", "articles: first chapter 总则");
	CHECK_STR(a->last_chapter, "附则", "articles: last chapter 附则");
	CHECK(a->nchapters == 2 && strcmp(a->chapters[0].chapter, "总则") == 0 &&
	      strcmp(a->chapters[1].chapter, "附则") == 0, "articles: provisions for 总则 and 附则");
	if (a->nchapters == 2) {
		static const char *const purpose[] = {"目的", "宗旨"}, *const scope[] = {"适用范围", "范围"};
		static const char *const interpret[] = {"解释"}, *const effect[] = {"施行", "实施", "生效"};
		CHECK(a->chapters[0].nprovisions == 2 && words_are(&a->chapters[0].provisions[0], purpose, 2) &&
		      words_are(&a->chapters[0].provisions[1], scope, 2), "总则: [[目的, 宗旨], [适用范围, 范围]]");
		CHECK(a->chapters[1].nprovisions == 2 && words_are(&a->chapters[1].provisions[0], interpret, 1) &&
		      words_are(&a->chapters[1].provisions[1], effect, 3), "附则: [[解释], [施行, 实施, 生效]]");
	}
	const struct requirements *en = &c->required[SCHEME_EN];
	CHECK_STR(en->first_chapter, "General Provisions", "en: first chapter");
	CHECK_STR(en->last_chapter, "Supplementary Provisions", "en: last chapter");
	CHECK(en->nchapters == 2 && en->chapters[1].nprovisions == 2 &&
	      strcmp(en->chapters[1].provisions[1].words[0], "effect") == 0, "en: provisions");
	CHECK(c->required[SCHEME_OUTLINE].nchapters == 0 && !c->required[SCHEME_OUTLINE].first_chapter &&
	      c->required[SCHEME_DECIMAL].nchapters == 0 && !c->required[SCHEME_DECIMAL].last_chapter,
	      "outline and decimal: no requirements");
	CHECK(c->nexternal == 0 && c->nextra_keys == 0, "no external titles, no extra keys");
	bool severities = true;
	for (int r = 0; r < RULE_COUNT; r++)
		severities = severities && c->severity[r] == rule_table[r].severity;
	CHECK(severities, "severities from the rule table");
	config_free(c);
}

static void test_override(void)
{
	char *errors;
	struct config *c = load_text("scheme: outline\n"
				     "article-numbering: per-chapter\n"
				     "external: [中华人民共和国劳动法, GB/T 9704-2012]\n"
				     "rules:\n"
				     "  punctuation-width: off\n"
				     "  frontmatter-unknown: error\n"
				     "  empty: warning\n"
				     "front-matter-keys: [department]\n"
				     "required:\n"
				     "  front-matter: [title, id, department]\n",
				     &errors);
	CHECK(c != NULL && !*errors, "a valid file loads silently");
	free(errors);
	if (!c)
		return;
	CHECK(c->path && strstr(c->path, "policyc.yml"), "path recorded");
	CHECK(c->scheme == SCHEME_OUTLINE && c->article_per_chapter, "scheme and article-numbering");
	CHECK(c->nexternal == 2 && strcmp(c->external[1], "GB/T 9704-2012") == 0, "external");
	CHECK(c->severity[RULE_PUNCTUATION_WIDTH] == SEV_OFF &&
	      c->severity[RULE_FRONTMATTER_UNKNOWN] == SEV_ERROR &&
	      c->severity[RULE_EMPTY] == SEV_WARNING &&
	      c->severity[RULE_ARTICLE_NUMBER] == SEV_ERROR, "rules change one by one");
	CHECK(c->nextra_keys == 1 && strcmp(c->extra_keys[0], "department") == 0, "front-matter-keys");
	CHECK(c->nrequired_front_matter == 3 && strcmp(c->required_front_matter[2], "department") == 0,
	      "required front-matter replaced");
	CHECK(c->required[SCHEME_ARTICLES].nchapters == 2 && c->required[SCHEME_EN].nchapters == 2,
	      "scheme blocks not named keep their defaults");
	config_free(c);
}

static void test_scheme_blocks(void)
{
	char *errors;
	struct config *c = load_text("required:\n"
				     "  articles:\n"
				     "    last-chapter: 附则\n"
				     "    provisions:\n"
				     "      附则: [[解释权]]\n"
				     "  outline:\n"
				     "    first-chapter: 总则\n",
				     &errors);
	CHECK(c && !*errors, "scheme blocks load");
	free(errors);
	if (!c)
		return;
	const struct requirements *a = &c->required[SCHEME_ARTICLES];
	CHECK(a->first_chapter == NULL, "a replaced block without first-chapter has none");
	CHECK_STR(a->last_chapter, "附则", "last-chapter from the file");
	CHECK(a->nchapters == 1 && a->chapters[0].nprovisions == 1 &&
	      strcmp(a->chapters[0].provisions[0].words[0], "解释权") == 0, "provisions replaced as a whole");
	CHECK_STR(c->required[SCHEME_OUTLINE].first_chapter, "总则", "outline gains a requirement");
	CHECK(c->nrequired_front_matter == 5, "front-matter keeps its default");
	CHECK(c->required[SCHEME_EN].nchapters == 2, "en keeps its default");
	config_free(c);

	c = load_text("required: {articles: {}}\n", &errors);
	CHECK(c && !c->required[SCHEME_ARTICLES].first_chapter && !c->required[SCHEME_ARTICLES].last_chapter &&
	      c->required[SCHEME_ARTICLES].nchapters == 0, "required: {articles: {}} turns them off");
	free(errors);
	config_free(c);

	c = load_text("required:\n  articles:\n    first-chapter: null\n    last-chapter: 附则\n", &errors);
	CHECK(c && !c->required[SCHEME_ARTICLES].first_chapter, "first-chapter: null is none");
	free(errors);
	config_free(c);

	c = load_text("", &errors);
	CHECK(c && !*errors && c->required[SCHEME_ARTICLES].nchapters == 2, "an empty file is the defaults");
	free(errors);
	config_free(c);
}

/* The file must be rejected with exactly this first line on stderr. */
static void expect_error(const char *name, const char *text, const char *line_col_message)
{
	char *errors;
	struct config *c = load_text(text, &errors);
	char *want = xasprintf("%s/policyc.yml:%s\n", dir, line_col_message);
	char *newline = strchr(errors, '\n');
	if (newline)
		newline[1] = '\0';
	CHECK(c == NULL, "%s: rejected", name);
	CHECK_STR(errors, want, "%s: message", name);
	free(want);
	free(errors);
	config_free(c);
}

static void test_errors(void)
{
	expect_error("unknown key", "scheme: articles\n\nrule:\n  empty: off\n",
		     "3:1: error: unknown key rule; did you mean rules?");
	expect_error("unknown key far from all", "colour: red\n",
		     "1:1: error: unknown key colour; expected scheme, article-numbering, required, external, "
		     "rules or front-matter-keys");
	expect_error("unknown rule id", "rules:\n  empty: off\n  punct-width: off\n",
		     "3:3: error: unknown rule id punct-width; did you mean punctuation-width?");
	expect_error("bad severity", "rules:\n  empty: info\n",
		     "2:10: error: rule empty is set to info; expected error, warning or off");
	expect_error("unknown scheme", "scheme: roman\n",
		     "1:9: error: scheme roman is not known; expected articles, outline, decimal or en");
	expect_error("scheme a list", "scheme: [articles]\n",
		     "1:9: error: scheme is a list; expected articles, outline, decimal or en");
	expect_error("scheme an empty string", "scheme: \"\"\n",
		     "1:9: error: scheme \"\" is not known; expected articles, outline, decimal or en");
	expect_error("article-numbering a mapping", "article-numbering: {a: b}\n",
		     "1:20: error: article-numbering is a mapping; expected continuous or per-chapter");
	expect_error("unknown rule id far from all", "rules:\n  colour: off\n",
		     "2:3: error: unknown rule id colour; expected a rule id such as article-number "
		     "(docs/rules.md lists them)");
	expect_error("article-numbering", "article-numbering: restart\n",
		     "1:20: error: article-numbering restart is not known; expected continuous or per-chapter");
	expect_error("external not a list", "external: 劳动法\n",
		     "1:11: error: external is a scalar; expected a list of titles such as [中华人民共和国劳动法]");
	expect_error("provisions flat list",
		     "required:\n  articles:\n    provisions:\n      总则: [目的, 宗旨]\n",
		     "4:12: error: a provision of 总则 is a scalar; expected a non-empty list of alternative "
		     "words such as [目的, 宗旨]");
	expect_error("unknown requirement key", "required:\n  articles:\n    first_chapter: 总则\n",
		     "3:5: error: unknown requirement key first_chapter; did you mean first-chapter?");
	expect_error("unknown required key", "required:\n  artcles: {}\n",
		     "2:3: error: unknown key artcles; did you mean articles?");
	expect_error("required front matter key unknown", "required:\n  front-matter: [title, onwer]\n",
		     "2:25: error: required front matter key onwer is not known; did you mean owner?");
	expect_error("duplicate key", "scheme: en\nscheme: outline\n",
		     "2:1: error: key scheme is given twice; first at line 1");
	expect_error("syntax", "rules:\n  empty: [off\n",
		     "3:1: error: the configuration does not parse: did not find expected ',' or ']' while "
		     "parsing a flow sequence");
	expect_error("not a mapping", "- scheme\n",
		     "1:1: error: the configuration is a list; expected a mapping with keys such as scheme: and rules:");

	char *errors;
	struct config *c = load_text("required:\n  front-matter: [title, department]\n"
				     "front-matter-keys: [department]\n", &errors);
	CHECK(c && !*errors, "a required key declared in front-matter-keys, in any order");
	free(errors);
	config_free(c);

	fflush(stderr);
	int saved = dup(2);
	FILE *sink = tmpfile();
	dup2(fileno(sink), 2);
	c = config_load("/nonexistent/policyc.yml");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(sink);
	CHECK(c == NULL, "an unreadable file is an error");
}

static void test_discover(void)
{
	char *a = xasprintf("%s/a", dir), *b = xasprintf("%s/a/b", dir), *cdir = xasprintf("%s/a/b/c", dir);
	mkdir(a, 0700);
	mkdir(b, 0700);
	mkdir(cdir, 0700);
	char *file = write_config("a/policyc.yml", "scheme: en\n");
	char *found = config_discover(cdir);
	CHECK(found && strstr(found, "/a/policyc.yml") != NULL, "found in a parent directory: %s", found ? found : "(null)");
	free(found);
	char *inner = write_config("a/b/policyc.yml", "scheme: outline\n");
	found = config_discover(cdir);
	CHECK(found && strstr(found, "/a/b/policyc.yml") != NULL, "the nearest one wins");
	free(found);
	char *doc = write_config("a/b/c/x.md", "---\n");
	found = config_discover(doc);
	CHECK(found && strstr(found, "/a/b/policyc.yml") != NULL, "a file path looks in its directory");
	free(found);
	unlink(inner);
	unlink(file);
	unlink(doc);
	free(inner);
	free(file);
	free(doc);
	rmdir(cdir);
	rmdir(b);
	rmdir(a);
	free(a);
	free(b);
	free(cdir);
}

static void test_schemes(void)
{
	CHECK(scheme_lookup("decimal") == SCHEME_DECIMAL && scheme_lookup("Articles") == SCHEME_COUNT,
	      "scheme_lookup");
	CHECK_STR(scheme_name(SCHEME_EN), "en", "scheme_name");
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_defaults();
	test_override();
	test_scheme_blocks();
	test_errors();
	test_discover();
	test_schemes();
	char *left = xasprintf("%s/policyc.yml", dir);
	unlink(left);
	free(left);
	rmdir(dir);
	UNIT_END();
}
