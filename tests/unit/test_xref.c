/* test_xref.c — cross-references (xref.c, xref_scan.c), punctuation-width
 * (punct.c) and the running-text walk they share (inline_walk.c). */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "config.h"
#include "inline_walk.h"
#include "model.h"
#include "util.h"
#include "xref_scan.h"
#include "unit.h"

/* ---- the scanner alone ------------------------------------------------ */

static size_t scan_all(const char *s, struct reference *out, size_t max)
{
	size_t pos = 0, n = 0;
	struct reference ref;
	while (n < max && xref_scan_next(SCHEME_ARTICLES, s, strlen(s), &pos, &ref))
		out[n++] = ref;
	return n;
}

static void test_scan_forms(void)
{
	struct reference r[8];
	const char *s;

	s = "依照第二十二条的规定";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_ARTICLE && r[0].article == 22 &&
		      r[0].off == strlen("依照") && r[0].len == strlen("第二十二条"),
	      "第二十二条: article 22 at its 第");

	s = "按本制度第三条第二款第一项办理";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_ITEM && r[0].article == 3 &&
		      r[0].paragraph == 2 && r[0].item == 1 && r[0].off == strlen("按") &&
		      r[0].len == strlen("本制度第三条第二款第一项"),
	      "本制度第三条第二款第一项: one item reference from 本");

	s = "第五条第二项";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_ITEM && r[0].paragraph == REF_NONE &&
		      r[0].item == 2,
	      "第五条第二项: item of the first paragraph");

	s = "第三条至第五条";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_RANGE && r[0].article == 3 &&
		      r[0].range_end == 5 && r[0].range_off == strlen("第三条至"),
	      "第三条至第五条: a range");

	s = "本条第二款和前款第一项";
	CHECK(scan_all(s, r, 8) == 2 && r[0].kind == XREF_PARAGRAPH &&
		      r[0].base == BASE_THIS_ARTICLE && r[0].paragraph == 2 && r[1].kind == XREF_ITEM &&
		      r[1].base == BASE_PREVIOUS_PARAGRAPH && r[1].item == 1,
	      "本条第二款, 前款第一项");

	s = "见第二章和本制度第三章";
	CHECK(scan_all(s, r, 8) == 2 && r[0].kind == XREF_CHAPTER && r[0].chapter == 2 &&
		      r[1].kind == XREF_CHAPTER && r[1].chapter == 3 && r[1].off == strlen("见第二章和"),
	      "第二章, 本制度第三章");

	s = "第二章第四条";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_ARTICLE && r[0].chapter == 2 &&
		      r[0].article == 4,
	      "第二章第四条: article 4 of chapter 2");

	s = "第3条和第一十一条";
	CHECK(scan_all(s, r, 8) == 2 && r[0].article == 3 && r[1].article == 11,
	      "non-standard numerals count as their value");
}

static void test_scan_not_references(void)
{
	struct reference r[8];
	CHECK(scan_all("第一次面谈，第二天，第一个月，第三人", r, 8) == 0,
	      "第一次 第二天 第一个月 are not references");
	CHECK(scan_all("第十十条", r, 8) == 0, "an invalid numeral is no reference");
	CHECK(scan_all("目前款式较多，提前款项", r, 8) == 0, "目前款式, 提前款项 are not 前款");
	CHECK(scan_all("本条规定", r, 8) == 0, "本条 alone names nothing to check");
	CHECK(scan_all("第条", r, 8) == 0, "第条 without a number");

	const char *s = "依照《劳动法》第三十六条";
	CHECK(scan_all(s, r, 8) == 1 && r[0].kind == XREF_TITLE,
	      "《劳动法》第三十六条: the title only, the article is the law's");
}

static void test_scan_titles(void)
{
	struct reference r[8];
	const char *s = "详见《会议管理制度》和《离职员工面谈表》";
	size_t n = scan_all(s, r, 8);
	CHECK(n == 2 && r[0].kind == XREF_TITLE && r[0].off == strlen("详见") &&
		      r[0].title_off == strlen("详见《") && r[0].title_len == strlen("会议管理制度") &&
		      r[0].len == strlen("《会议管理制度》"),
	      "two titles, with offsets");
	CHECK(scan_all("《未闭合的书名", r, 8) == 0, "an unclosed 《 is not a reference");
	CHECK(scan_all("《》", r, 8) == 0, "an empty title is not a reference");
	s = "《外《内》";
	n = scan_all(s, r, 8);
	CHECK(n == 1 && r[0].title_off == strlen("《外《") && r[0].title_len == strlen("内"),
	      "no nesting: 《外《内》 names 内");
}

/* ---- a document with a flat tree: every top-level block an LV_BLOCK ---- */

static struct pnode *new_node(enum level level, struct pnode *parent, cmark_node *block)
{
	struct pnode *p = xcalloc(1, sizeof *p);
	p->level = level;
	p->block = block;
	p->parent = parent;
	if (parent) {
		p->prev = parent->last;
		if (parent->last)
			parent->last->next = p;
		else
			parent->first = p;
		parent->last = p;
	}
	return p;
}

/* The body starts on line 1 (no front matter), so cmark's lines are the
 * file's lines. */
static struct document *flat(const struct config *config, const char *body)
{
	struct document *doc = document_from_memory("t.md", body, strlen(body), config);
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	const char *exts[] = {"table", "autolink"};
	for (size_t i = 0; i < 2; i++)
		cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(exts[i]));
	cmark_parser_feed(parser, body, strlen(body));
	doc->md = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	doc->root = new_node(LV_DOCUMENT, NULL, NULL);
	for (cmark_node *b = cmark_node_first_child(doc->md); b; b = cmark_node_next(b))
		new_node(LV_BLOCK, doc->root, b);
	return doc;
}

static const struct diag *diag_at(const struct document *doc, enum rule rule, int line, int col)
{
	for (size_t i = 0; i < doc->diags.n; i++)
		if (doc->diags.v[i].rule == rule && doc->diags.v[i].line == line &&
		    doc->diags.v[i].col == col)
			return &doc->diags.v[i];
	return NULL;
}

static size_t count_rule(const struct document *doc, enum rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->diags.n; i++)
		n += doc->diags.v[i].rule == rule;
	return n;
}

static void print_diags(const struct document *doc)
{
	for (size_t i = 0; i < doc->diags.n; i++)
		printf("  %d:%d %s\n", doc->diags.v[i].line, doc->diags.v[i].col, doc->diags.v[i].message);
}

/* Shows the diagnostics once a check has failed, then frees the document. */
static void finish(struct document *doc)
{
	if (unit_failures)
		print_diags(doc);
	document_free(doc);
}

static void test_punct_each_mark(const struct config *config)
{
	struct document *doc = flat(config, "甲,乙;丙:丁?戊!己(庚)辛\n");
	punct_check(doc);
	static const char *const want[] = {"，", "；", "：", "？", "！", "（", "）"};
	static const char halves[] = ",;:?!()";
	CHECK(count_rule(doc, RULE_PUNCTUATION_WIDTH) == 7, "seven marks, seven warnings (got %zu)",
	      count_rule(doc, RULE_PUNCTUATION_WIDTH));
	for (int i = 0; i < 7; i++) {
		const struct diag *d = diag_at(doc, RULE_PUNCTUATION_WIDTH, 1, 2 + 2 * i);
		char msg[128];
		snprintf(msg, sizeof msg, "half-width '%c' between Chinese characters; expected '%s'",
			 halves[i], want[i]);
		CHECK(d && strcmp(d->message, msg) == 0, "'%c' at 1:%d: %s", halves[i], 2 + 2 * i,
		      d ? d->message : "(none)");
	}
	document_free(doc);
}

static void test_punct_silent(const struct config *config)
{
	struct document *doc = flat(config,
				    "Use commas, colons: and (parentheses) in English!\n"
				    "\n"
				    "代码`甲,乙`不算，网址 <http://例.cn/a,b> 和 https://x.cn/甲,乙 也不算。\n"
				    "\n"
				    "```\n甲,乙\n```\n"
				    "\n"
				    "时间 9:30，比例 1:2，版本 (v2) 中文。\n"
				    "\n"
				    "[链接](http://x.cn/甲,乙)与<!-- 甲,乙 -->。\n");
	punct_check(doc);
	CHECK(count_rule(doc, RULE_PUNCTUATION_WIDTH) == 0,
	      "English text, code, autolinks, link destinations, HTML, digits: silent (got %zu)",
	      count_rule(doc, RULE_PUNCTUATION_WIDTH));
	finish(doc);
}

static void test_punct_boundaries(const struct config *config)
{
	struct document *doc = flat(config,
				    "汇报下列事项:\n"                  /* end of line: soft break */
				    "上级布置, 工作(说明)\n"            /* space after comma; ) at the end */
				    "\n"
				    "- 列表**重点**,继续\n"            /* across emphasis */
				    "\n"
				    "| 甲 | 乙 |\n|---|---|\n| 是吗? | 对! |\n" /* table cells end runs */
				    "\n"
				    "转义\\*号,还有&amp;实体,然后\n");   /* escapes shift literal offsets */
	punct_check(doc);
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 1, 7) != NULL, "':' before a soft break");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 2, 5) != NULL, "',' followed by a space");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 2, 9) != NULL, "'(' inside Chinese text");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 2, 12) != NULL, "')' ending the paragraph");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 4, 11) != NULL, "',' after emphasis");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 8, 5) != NULL, "'?' ending a table cell");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 8, 10) != NULL, "'!' ending a table cell");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 10, 6) != NULL, "',' after an escape: exact column");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 10, 16) != NULL, "',' after an entity: exact column");
	CHECK(count_rule(doc, RULE_PUNCTUATION_WIDTH) == 9, "nine warnings (got %zu)",
	      count_rule(doc, RULE_PUNCTUATION_WIDTH));
	finish(doc);
}

/* cmark-gfm misplaces inline nodes after a backslash line break, on the
 * continuation lines of an indented paragraph and after a code span over two
 * lines; positions come from the source instead. */
static void test_positions_despite_cmark(const struct config *config)
{
	struct document *doc = flat(config,
				    "第一行\\\n"
				    "甲,乙\n"
				    "\n"
				    " 缩进的段落\n"
				    "甲,乙\n"
				    "\n"
				    "代码`跨\n"
				    "行`之后甲,乙 &#20013;,文\n");
	punct_check(doc);
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 2, 2) != NULL, "after a backslash line break");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 5, 2) != NULL, "continuation of an indented paragraph");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 8, 6) != NULL, "after a code span over two lines");
	CHECK(diag_at(doc, RULE_PUNCTUATION_WIDTH, 8, 17) != NULL, "after a numeric entity");
	CHECK(count_rule(doc, RULE_PUNCTUATION_WIDTH) == 4, "four warnings (got %zu)",
	      count_rule(doc, RULE_PUNCTUATION_WIDTH));
	finish(doc);
}

static void test_titles_recorded(const struct config *config)
{
	struct document *doc = flat(config, "详见《会议管理制度》。\n\n> 参照 *《离职员工面谈表》*\n");
	xref_document(doc);
	CHECK(doc->nxrefs == 2, "two titles (got %zu)", doc->nxrefs);
	if (doc->nxrefs == 2) {
		CHECK_STR(doc->xrefs[0].title, "会议管理制度", "first title");
		CHECK(doc->xrefs[0].line == 1 && doc->xrefs[0].col == 3, "first at 1:3 (got %d:%d)",
		      doc->xrefs[0].line, doc->xrefs[0].col);
		CHECK_STR(doc->xrefs[1].title, "离职员工面谈表", "second title");
		CHECK(doc->xrefs[1].line == 3 && doc->xrefs[1].col == 7, "second at 3:7 (got %d:%d)",
		      doc->xrefs[1].line, doc->xrefs[1].col);
		CHECK(doc->xrefs[0].target == NULL && doc->xrefs[0].target_doc == NULL,
		      "titles are left to corpus.c");
	}
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 0, "titles give no xref-article");
	document_free(doc);
}

static void test_no_articles(const struct config *config)
{
	struct document *doc = flat(config, "依照第二条和第一章办理。\n");
	xref_document(doc);
	const struct diag *a = diag_at(doc, RULE_XREF_ARTICLE, 1, 3);
	const struct diag *c = diag_at(doc, RULE_XREF_ARTICLE, 1, 7);
	CHECK_STR(a ? a->message : NULL, "reference 第二条 names no article; this policy has no articles",
		  "article in a policy without articles");
	CHECK_STR(c ? c->message : NULL, "reference 第一章 names no chapter; this policy has no chapters",
		  "chapter in a policy without chapters");
	CHECK(doc->nxrefs == 2 && !doc->xrefs[0].target && !doc->xrefs[1].target,
	      "recorded, unresolved");
	document_free(doc);
}

/* ---- the whole pipeline: front matter, parse.c's tree, xref ------------- */

#define FRONT "---\ntitle: 引用制度\nid: X-1\nversion: \"1.0\"\nowner: 人事行政部\neffective: 2024-01-01\n---\n\n"

static struct document *compile(const struct config *config, const char *text)
{
	struct document *doc = document_from_memory("t.md", text, strlen(text), config);
	frontmatter_check(doc);
	parse_document(doc);
	xref_document(doc);
	return doc;
}

static const struct xref *xref_at(const struct document *doc, int line, int col)
{
	for (size_t i = 0; i < doc->nxrefs; i++)
		if (doc->xrefs[i].line == line && doc->xrefs[i].col == col)
			return &doc->xrefs[i];
	return NULL;
}

/* The node's own text starts with `start` (marker excluded). */
static bool text_starts(const struct pnode *node, const char *start)
{
	if (!node)
		return false;
	char *text = pnode_own_text(node);
	bool same = text && strncmp(text, start, strlen(start)) == 0;
	free(text);
	return same;
}

static void test_targets(const struct config *config)
{
	struct document *doc = compile(config, FRONT
		"# 第一章 总则\n"                                            /* 9 */
		"\n"
		"第一条 目的　为规范引用，制定本制度；第二条至第三条另行规定。\n" /* 11 */
		"\n"
		"# 第二章 审批\n"                                            /* 13 */
		"\n"
		"第二条 审批依照下列规定：\n"                                 /* 15 */
		"\n"
		"（一）部门负责人签署意见；\n"                                /* 17 */
		"\n"
		"（二）分管副总经理审批。\n"                                  /* 19 */
		"\n"
		"依照本条第一款第二项审批的事项，报总经理备案。\n"            /* 21 */
		"\n"
		"前款所称备案，见本制度第一章。\n"                            /* 23 */
		"\n"
		"第三条 依照第二条第三款和第二条第一项办理。\n");             /* 25 */
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 0, "every reference resolves (got %zu)",
	      count_rule(doc, RULE_XREF_ARTICLE));
	if (unit_failures)
		print_diags(doc);

	const struct xref *x = xref_at(doc, 11, 20);
	CHECK(x && x->kind == XREF_RANGE && x->target && x->target->number == 2 && x->target_end &&
		      x->target_end->number == 3 && x->len == strlen("第二条至第三条"),
	      "第二条至第三条 at 11:20: articles 2 to 3");
	x = xref_at(doc, 21, 3);
	CHECK(x && x->kind == XREF_ITEM && x->target && x->target->level == LV_ITEM &&
		      x->target->number == 2 && text_starts(x->target, "分管副总经理"),
	      "本条第一款第二项 at 21:3 names （二）");
	x = xref_at(doc, 23, 1);
	CHECK(x && x->kind == XREF_PARAGRAPH && x->target && x->target->level == LV_PARAGRAPH &&
		      x->target->seq == 2 && text_starts(x->target, "依照本条"),
	      "前款 in the third paragraph names the second");
	x = xref_at(doc, 23, 9);
	CHECK(x && x->kind == XREF_CHAPTER && x->target && x->target->level == LV_CHAPTER &&
		      x->target->number == 1,
	      "本制度第一章 at 23:9 names chapter 1");
	x = xref_at(doc, 25, 7);
	CHECK(x && x->kind == XREF_PARAGRAPH && x->target && text_starts(x->target, "前款所称"),
	      "第二条第三款 at 25:7 names the third paragraph");
	x = xref_at(doc, 25, 14);
	CHECK(x && x->kind == XREF_ITEM && x->target && text_starts(x->target, "部门负责人"),
	      "第二条第一项 at 25:14 names （一） of the first paragraph");
	x = xref_at(doc, 11, 1);
	CHECK(x == NULL, "the marker 第一条 is not a reference");
	document_free(doc);
}

static void test_heading_articles(const struct config *config)
{
	struct document *doc = compile(config, FRONT
		"# 第一章 总则\n"         /* 9 */
		"\n"
		"## 第一条 目的\n"        /* 11 */
		"\n"
		"为规范引用，制定本制度。\n"
		"\n"
		"## 第二条 适用范围\n"    /* 15 */
		"\n"
		"本制度适用于全体员工。\n"
		"\n"
		"第一条所称引用，不含前款。\n"); /* 19 */
	const struct xref *x = xref_at(doc, 19, 1);
	CHECK(x && x->target && x->target->level == LV_ARTICLE && x->target->number == 1,
	      "第一条 names the heading article");
	x = xref_at(doc, 19, 11);
	CHECK(x && x->target && x->target->level == LV_PARAGRAPH && text_starts(x->target, "本制度适用于"),
	      "前款 in the second paragraph of a heading article names the first");
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 0, "heading articles: no xref-article");
	document_free(doc);
}

static void test_per_chapter(void)
{
	struct config *config = config_default();
	config->article_per_chapter = true;
	struct document *doc = compile(config, FRONT
		"# 第一章 总则\n"                          /* 9 */
		"\n"
		"第一条 目的　为规范引用，制定本制度。\n"  /* 11 */
		"\n"
		"# 第二章 附则\n"                          /* 13 */
		"\n"
		"第一条 依照第一条和第一章第一条解释；第二条除外。\n"); /* 15 */
	const struct xref *own = xref_at(doc, 15, 7), *other = xref_at(doc, 15, 11);
	CHECK(own && own->target && own->target->line == 15,
	      "per chapter: 第一条 names this chapter's article");
	CHECK(other && other->target && other->target->line == 11,
	      "第一章第一条 names the first chapter's article");
	const struct diag *d = diag_at(doc, RULE_XREF_ARTICLE, 15, 20);
	CHECK_STR(d ? d->message : NULL, "reference 第二条 names no article; 第二章 has only 第一条",
		  "per chapter: the chapter's articles are named");
	document_free(doc);
	config_free(config);
}

/* ---- schemes en and decimal, over hand-built trees ---------------------- */

static struct pnode *numbered(struct pnode *parent, enum level level, long number, const char *marker)
{
	struct pnode *p = new_node(level, parent, NULL);
	p->number = (int)number;
	p->marker = marker ? xstrdup(marker) : NULL;
	return p;
}

static const char *message_at(const struct document *doc, int line, int col)
{
	const struct diag *d = diag_at(doc, RULE_XREF_ARTICLE, line, col);
	return d ? d->message : NULL;
}

static void test_scheme_en(const struct config *config)
{
	struct document *doc = flat(config,
		"See Article 1(2), Article 1(1)(b), Article 1(a) and Articles 1 to 2.\n"
		"\n"
		"Article 3, Chapter 2, Article 1(3), Article 1(2)(a) and Articles 2 to 5 do not exist.\n"
		"\n"
		"Neither paragraph 2 of this Article nor the preceding paragraph stand in an article;\n"
		"paragraph 1 of Article 2 does. Articles of association, article 3, 第三条: no references.\n");
	doc->meta.scheme = SCHEME_EN;
	struct pnode *chapter = numbered(doc->root, LV_CHAPTER, 1, "Chapter 1");
	struct pnode *article = numbered(chapter, LV_ARTICLE, 1, "Article 1");
	struct pnode *first = numbered(article, LV_PARAGRAPH, 0, NULL);
	numbered(first, LV_ITEM, 1, "(a)");
	struct pnode *b = numbered(first, LV_ITEM, 2, "(b)");
	struct pnode *second = numbered(article, LV_PARAGRAPH, 0, NULL);
	struct pnode *article2 = numbered(chapter, LV_ARTICLE, 2, "Article 2");
	struct pnode *only = numbered(article2, LV_PARAGRAPH, 0, NULL);
	xref_document(doc);

	const struct xref *x = xref_at(doc, 1, 5);
	CHECK(x && x->kind == XREF_PARAGRAPH && x->target == second, "Article 1(2): the second paragraph");
	x = xref_at(doc, 1, 19);
	CHECK(x && x->kind == XREF_ITEM && x->target == b, "Article 1(1)(b): item (b)");
	x = xref_at(doc, 1, 36);
	CHECK(x && x->kind == XREF_ITEM && x->target && x->target->number == 1, "Article 1(a): item (a)");
	x = xref_at(doc, 1, 53);
	CHECK(x && x->kind == XREF_RANGE && x->target == article && x->target_end == article2,
	      "Articles 1 to 2: a range");
	CHECK_STR(message_at(doc, 3, 1), "reference Article 3 names no article; this policy has Article 1 to Article 2",
		  "Article 3");
	CHECK_STR(message_at(doc, 3, 12), "reference Chapter 2 names no chapter; this policy has only Chapter 1",
		  "Chapter 2");
	CHECK_STR(message_at(doc, 3, 23), "reference Article 1(3) names no paragraph; Article 1 has 2 paragraphs",
		  "Article 1(3)");
	CHECK_STR(message_at(doc, 3, 37), "reference Article 1(2)(a) names no item; Article 1(2) has no items",
		  "Article 1(2)(a)");
	CHECK_STR(message_at(doc, 3, 71), "reference Article 5 names no article; this policy has Article 1 to Article 2",
		  "Articles 2 to 5: the missing end at its place");
	CHECK_STR(message_at(doc, 5, 9), "paragraph 2 of this Article stands outside any article",
		  "paragraph 2 of this Article outside articles");
	CHECK_STR(message_at(doc, 5, 41), "the preceding paragraph stands outside any article",
		  "the preceding paragraph outside articles");
	x = xref_at(doc, 6, 1);
	CHECK(x && x->kind == XREF_PARAGRAPH && x->target == only, "paragraph 1 of Article 2");
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 7 && doc->nxrefs == 12,
	      "7 errors, 12 references (got %zu, %zu)", count_rule(doc, RULE_XREF_ARTICLE), doc->nxrefs);
	finish(doc);
}

static void test_scheme_decimal(const struct config *config)
{
	struct document *doc = flat(config,
		"见4.2和按 4.2.1，参照4.9.1、依据7.1、依照4.3，详见第4章和第9章。\n"
		"\n"
		"增长4.2%，版本1.2，共4.2万元，按4.2.\n");
	doc->meta.scheme = SCHEME_DECIMAL;
	struct pnode *chapter = numbered(doc->root, LV_CHAPTER, 4, "4");
	numbered(chapter, LV_SECTION, 1, "4.1");
	struct pnode *clause = numbered(chapter, LV_SECTION, 2, "4.2");
	struct pnode *sub = numbered(clause, LV_ARTICLE, 1, "4.2.1");
	numbered(chapter, LV_SECTION, 3, "4.3");
	xref_document(doc);

	const struct xref *x = xref_at(doc, 1, 2);
	CHECK(x && x->target == clause && x->len == 3, "见4.2 names clause 4.2");
	x = xref_at(doc, 1, 8);
	CHECK(x && x->target == sub, "按 4.2.1 names clause 4.2.1");
	CHECK_STR(message_at(doc, 1, 16), "reference 4.9.1 names no clause; there is no 4.9, and 4 has 4.1 to 4.3",
		  "4.9.1: the first missing level");
	CHECK_STR(message_at(doc, 1, 24), "reference 7.1 names no clause; there is no 7, and this policy has only 4",
		  "7.1: a missing chapter");
	x = xref_at(doc, 1, 30);
	CHECK(x && x->target && x->target->number == 3, "依照4.3");
	x = xref_at(doc, 1, 36);
	CHECK(x && x->kind == XREF_CHAPTER && x->target == chapter, "第4章 names chapter 4");
	CHECK_STR(message_at(doc, 1, 40), "reference 第9章 names no chapter; this policy has only 第4章",
		  "第9章");
	CHECK(xref_at(doc, 3, 3) == NULL && xref_at(doc, 3, 10) == NULL && xref_at(doc, 3, 15) == NULL,
	      "percentages, versions, amounts are not references");
	x = xref_at(doc, 3, 22);
	CHECK(x && x->target == clause, "按4.2. at a sentence's end");
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 3, "three errors (got %zu)",
	      count_rule(doc, RULE_XREF_ARTICLE));
	finish(doc);
}

static void test_scheme_outline(const struct config *config)
{
	struct document *doc = flat(config, "依照第二条和第一章，见4.2及《会议管理制度》。\n");
	doc->meta.scheme = SCHEME_OUTLINE;
	xref_document(doc);
	CHECK(doc->nxrefs == 1 && doc->xrefs[0].kind == XREF_TITLE, "outline: titles only");
	CHECK(count_rule(doc, RULE_XREF_ARTICLE) == 0, "outline: no xref-article");
	document_free(doc);
}

int main(void)
{
	struct config *config = config_default();
	test_scan_forms();
	test_scan_not_references();
	test_scan_titles();
	test_punct_each_mark(config);
	test_punct_silent(config);
	test_punct_boundaries(config);
	test_positions_despite_cmark(config);
	test_titles_recorded(config);
	test_no_articles(config);
	test_targets(config);
	test_heading_articles(config);
	test_per_chapter();
	test_scheme_en(config);
	test_scheme_decimal(config);
	test_scheme_outline(config);
	config_free(config);
	UNIT_END();
}
