/* test_parse.c — the provision tree (parse.c) and its checks (validate.c).
 *
 * Trees are compared as an outline, one node a line:
 *   LEVEL MARKER #NUMBER LINE:COL [TITLE] "OWN TEXT"
 * indented by depth; diagnostics as "LINE:COL RULE MESSAGE" lines. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "form.h"
#include "inline_walk.h"
#include "model.h"
#include "parse_inline.h"
#include "unit.h"
#include "util.h"

#define FRONT "---\ntitle: 测试制度\nid: T-1\nversion: \"1.0\"\nowner: 人事部\neffective: 2024-01-01\n---\n"

static const char *const level_names[LV_COUNT] = {
	"document", "chapter", "section", "article", "paragraph", "item",
	"subitem", "subsubitem", "attachment", "block"};

static struct document *load_with(const char *md, const struct config *config)
{
	struct document *doc = document_from_memory("t.md", md, strlen(md), config);
	frontmatter_check(doc);
	parse_document(doc);
	validate_document(doc);
	diags_sort(&doc->diags);
	return doc;
}

/* No requirements: the structure alone. The built-in requirements are set
 * aside and given back before the configuration is freed. */
struct plain {
	struct config *config;
	struct requirements required[SCHEME_COUNT];
};

static struct plain plain_config(void)
{
	struct plain plain = {config_default(), {{0}}};
	memcpy(plain.required, plain.config->required, sizeof plain.required);
	memset(plain.config->required, 0, sizeof plain.required);
	return plain;
}

static void plain_free(struct plain *plain)
{
	memcpy(plain->config->required, plain->required, sizeof plain->required);
	config_free(plain->config);
}

static char *dump(const struct document *doc)
{
	struct buf out = {0};
	buf_puts(&out, "");
	const struct pnode *node = doc->root ? doc->root->first : NULL;
	int depth = 0;
	while (node) {
		char *own = pnode_own_text(node);
		buf_printf(&out, "%*s%s", depth * 2, "", level_names[node->level]);
		if (node->marker)
			buf_printf(&out, " %s #%d", node->marker, node->number);
		buf_printf(&out, " %d:%d", node->line, node->col);
		if (node->title)
			buf_printf(&out, " [%s]", node->title);
		if (own[0])
			buf_printf(&out, " \"%s\"", own);
		buf_putc(&out, '\n');
		free(own);
		if (node->first) {
			node = node->first;
			depth++;
			continue;
		}
		while (node && !node->next && node->parent != doc->root) {
			node = node->parent;
			depth--;
		}
		node = node ? node->next : NULL;
	}
	return buf_take(&out);
}

static char *diags_of(const struct document *doc)
{
	struct buf out = {0};
	buf_puts(&out, "");
	for (size_t i = 0; i < doc->diags.n; i++) {
		const struct diag *d = &doc->diags.v[i];
		buf_printf(&out, "%d:%d %s %s\n", d->line, d->col, rule_table[d->rule].id, d->message);
	}
	return buf_take(&out);
}

/* Parses md with config; checks the tree (NULL: not checked) and the
 * diagnostics. */
static void expect(const char *name, const char *md, const struct config *config, const char *tree,
		   const char *diags)
{
	struct document *doc = load_with(md, config);
	if (tree) {
		char *got = dump(doc);
		CHECK_STR(got, tree, "%s: tree", name);
		free(got);
	}
	char *got = diags_of(doc);
	CHECK_STR(got, diags, "%s: diagnostics", name);
	free(got);
	document_free(doc);
}

static void test_structure(const struct config *config)
{
	expect("chapters, paragraph and heading articles",
	       FRONT "前言。\n\n# 第一章 总则\n\n第一条 目的　为了规范。\n\n## 第二条 范围\n\n适用于全体员工。\n\n第二款。\n",
	       config,
	       "paragraph 8:1 \"前言。\"\n"
	       "chapter 第一章 #1 10:3 [总则] \"总则\"\n"
	       "  article 第一条 #1 12:1 \"目的　为了规范。\"\n"
	       "    paragraph 12:1\n"
	       "  article 第二条 #2 14:4 [范围] \"范围\"\n"
	       "    paragraph 16:1 \"适用于全体员工。\"\n"
	       "    paragraph 18:1 \"第二款。\"\n",
	       "");

	expect("items belong to the paragraph before them (SPEC §4)",
	       FRONT "第三条 审批依照下列规定：\n\n（一）部门经理审批；\n\n（二）总经理审批。\n\n依照本条第一款第二项办理。\n",
	       config,
	       "article 第三条 #3 8:1 \"审批依照下列规定：\"\n"
	       "  paragraph 8:1\n"
	       "    item （一） #1 10:1 \"部门经理审批；\"\n"
	       "    item （二） #2 12:1 \"总经理审批。\"\n"
	       "  paragraph 14:1 \"依照本条第一款第二项办理。\"\n",
	       "8:1 article-number article numbering starts at 第三条; expected 第一条\n");

	expect("bold markers",
	       FRONT "**第一条** 目的。\n\n**第二条**　范围。\n\n　　**（一）** 全体员工。\n",
	       config,
	       "article 第一条 #1 8:3 \"目的。\"\n"
	       "  paragraph 8:3\n"
	       "article 第二条 #2 10:3 \"范围。\"\n"
	       "  paragraph 10:3\n"
	       "    item （一） #1 12:5 \"全体员工。\"\n",
	       "");

	expect("a reference at a paragraph start is not an article",
	       FRONT "第一条 目的。\n\n第一条规定的目的适用于本章。\n", config,
	       "article 第一条 #1 8:1 \"目的。\"\n"
	       "  paragraph 8:1\n"
	       "  paragraph 10:1 \"第一条规定的目的适用于本章。\"\n",
	       "");

	expect("sub-items as lines, paragraphs and list items",
	       FRONT "第一条 方式如下：\n1、口头；\n2、书面。\n\n第二条 时机：\n\n1. 第一次；\n2. 第二次：\n   （1）当面；\n   （2）电话。\n\n"
		     "第三条 其他：\n\n（一）甲：\n1．子一\n2．子二\n\n（二）乙\n\n1.5倍工资。\n",
	       config,
	       "article 第一条 #1 8:1 \"方式如下：\"\n"
	       "  paragraph 8:1\n"
	       "    subitem 1、 #1 9:1 \"口头；\"\n"
	       "    subitem 2、 #2 10:1 \"书面。\"\n"
	       "article 第二条 #2 12:1 \"时机：\"\n"
	       "  paragraph 12:1\n"
	       "    subitem 1. #1 14:1 \"第一次；\"\n"
	       "    subitem 2. #2 15:1 \"第二次：\"\n"
	       "      subsubitem （1） #1 16:4 \"当面；\"\n"
	       "      subsubitem （2） #2 17:4 \"电话。\"\n"
	       "article 第三条 #3 19:1 \"其他：\"\n"
	       "  paragraph 19:1\n"
	       "    item （一） #1 21:1 \"甲：\"\n"
	       "      subitem 1． #1 22:1 \"子一\"\n"
	       "      subitem 2． #2 23:1 \"子二\"\n"
	       "    item （二） #2 25:1 \"乙\"\n"
	       "  paragraph 27:1 \"1.5倍工资。\"\n",
	       "");

	expect("items as a bullet list, other lists and tables are blocks",
	       FRONT "第一条 如下：\n\n- （一）甲；\n- （二）乙。\n\n* 无标记\n* 列表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	       config,
	       "article 第一条 #1 8:1 \"如下：\"\n"
	       "  paragraph 8:1\n"
	       "    item （一） #1 10:3 \"甲；\"\n"
	       "    item （二） #2 11:3 \"乙。\"\n"
	       "      block 13:1\n"
	       "      block 16:1\n",
	       "");

	expect("sections and attachments",
	       FRONT "# 第一章 总则\n\n## 第一节 请示\n\n### 第一条 范围\n\n文本。\n\n# 附件一 表格\n\n第二条 不是条。\n\n（一）项。\n\n## 附：说明\n",
	       config,
	       "chapter 第一章 #1 8:3 [总则] \"总则\"\n"
	       "  section 第一节 #1 10:4 [请示] \"请示\"\n"
	       "    article 第一条 #1 12:5 [范围] \"范围\"\n"
	       "      paragraph 14:1 \"文本。\"\n"
	       "attachment 16:1 [附件一 表格] \"附件一 表格\"\n"
	       "  paragraph 18:1 \"第二条 不是条。\"\n"
	       "    item （一） #1 20:1 \"项。\"\n"
	       "attachment 22:1 [附：说明] \"附：说明\"\n",
	       "");
}

static void test_parse_diagnostics(const struct config *config)
{
	expect("numeral-form", FRONT "第一条 甲。\n\n第2条 乙。\n\n（一十一）丙。\n", config, NULL,
	       "10:1 numeral-form article number 第2条 is not written in the standard form; expected 第二条\n"
	       "12:1 item-number item numbering starts at （一十一）; expected （一）\n"
	       "12:1 numeral-form item number （一十一） is not written in the standard form; expected （十一）\n");

	expect("title-missing and untitled-by-space",
	       FRONT "# 第一章\n\n第一条 甲。\n\n# 第二章请示与汇报\n\n第二条 乙。\n", config,
	       "chapter 第一章 #1 8:3 []\n"
	       "  article 第一条 #1 10:1 \"甲。\"\n"
	       "    paragraph 10:1\n"
	       "chapter 第二章 #2 12:3 [请示与汇报] \"请示与汇报\"\n"
	       "  article 第二条 #2 14:1 \"乙。\"\n"
	       "    paragraph 14:1\n",
	       "8:3 title-missing chapter 第一章 has no title; expected a title after 第一章\n");

	expect("heading-level",
	       FRONT "# 第一章 总则\n\n### 第一条 甲\n\n文本。\n\n## 第二章 乙\n\n第二条 丙。\n\n第三章 丁\n\n第三条 戊。\n",
	       config, NULL,
	       "10:5 heading-level article heading 第一条 is at level 3; expected level 2, one below 第一章\n"
	       "14:4 heading-level chapter heading 第二章 is at level 2; expected level 1\n"
	       "18:1 heading-level chapter 第三章 is written as a paragraph; expected a level 1 heading\n");

	expect("articles outside chapters keep one heading level",
	       FRONT "## 第一条 甲\n\n文本。\n\n## 第二条 乙\n\n文本。\n\n### 第三条 丙\n\n文本。\n", config, NULL,
	       "16:5 heading-level article heading 第三条 is at level 3; expected level 2, as the article headings before it\n");

	expect("items as lines of the article's paragraph",
	       FRONT "第一条 审批依照下列规定：\n（一）部门经理审批；\n（二）总经理审批。\n", config,
	       "article 第一条 #1 8:1 \"审批依照下列规定：\"\n"
	       "  paragraph 8:1\n"
	       "    item （一） #1 9:1 \"部门经理审批；\"\n"
	       "    item （二） #2 10:1 \"总经理审批。\"\n",
	       "");

	expect("an unreadable number is one error",
	       FRONT "第一条 甲。\n\n第十十条 乙。\n\n第三条 丙。\n\n第一亿条 丁。\n", config, NULL,
	       "10:1 article-number article number 第十十条 is not a valid Chinese numeral; expected 第二条\n"
	       "14:1 article-number article number 第一亿条 is too large; expected 第四条\n");

	expect("absurd sub-item numbers do not overflow",
	       FRONT "第一条 甲：\n1、a\n99999999999999999999999、b\n", config, NULL,
	       "10:1 item-number item number 99999999999999999999999、 is too large; expected 2、\n");
}

static void test_numbering(const struct config *config)
{
	expect("jump", FRONT "第一条 甲。\n\n第二条 乙。\n\n第四条 丙。\n\n第五条 丁。\n", config, NULL,
	       "12:1 article-number article number 第四条 skips 第三条; expected 第三条\n");
	expect("single wrong number", FRONT "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n\n第四条 丁。\n\n第五条 戊。\n\n第一条 己。\n\n第七条 庚。\n",
	       config, NULL,
	       "18:1 article-number article number 第一条 is out of sequence between 第五条 and 第七条; expected 第六条\n");
	expect("repeat",
	       FRONT "# 第一章 甲\n\n第一条 a。\n\n# 第二章 乙\n\n第二条 b。\n\n# 第二章 丙\n\n第三条 c。\n\n# 第三章 丁\n\n第四条 d。\n",
	       config, NULL,
	       "16:3 chapter-number chapter number 第二章 repeats the previous chapter; expected 第三章\n");
	expect("goes back and big skips",
	       FRONT "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n\n第一条 丁。\n\n第二条 戊。\n\n第九条 己。\n", config, NULL,
	       "14:1 article-number article number 第一条 goes back after 第三条; expected 第四条\n"
	       "18:1 article-number article number 第九条 skips 第三条 to 第八条; expected 第三条\n");
	expect("items restart per paragraph and sub-items per item",
	       FRONT "第一条 甲：\n\n（一）a：\n1、x\n2、y\n\n（二）b：\n1、x\n3、z\n\n乙：\n\n（一）c\n\n（三）d\n", config, NULL,
	       "16:1 item-number item number 3、 skips 2; expected 2、\n"
	       "22:1 item-number item number （三） skips （二）; expected （二）\n");
	expect("sections restart per chapter",
	       FRONT "# 第一章 甲\n\n## 第一节 a\n\n第一条 x。\n\n## 第二节 b\n\n第二条 y。\n\n# 第二章 乙\n\n## 第二节 c\n\n第三条 z。\n",
	       config, NULL,
	       "20:4 section-number section numbering starts at 第二节; expected 第一节\n");
	expect("ordered list numbers as written",
	       FRONT "第一条 甲：\n\n1. a\n2. b\n4. c\n5. d\n", config, NULL,
	       "12:1 item-number item number 4. skips 3; expected 3.\n");
}

static void test_per_chapter(void)
{
	struct plain plain = plain_config();
	struct config *config = plain.config;
	config->article_per_chapter = true;
	expect("per-chapter article numbering",
	       FRONT "# 第一章 甲\n\n第一条 a。\n\n第二条 b。\n\n# 第二章 乙\n\n第一条 c。\n\n第三条 d。\n", config, NULL,
	       "18:1 article-number article number 第三条 skips 第二条; expected 第二条\n");
	plain_free(&plain);
}

static void test_empty(const struct config *config)
{
	expect("empty chapter, section and article",
	       FRONT "# 第一章 甲\n\n说明。\n\n# 第二章 乙\n\n## 第一节 丙\n\n### 第一条 丁\n\n### 第二条 戊\n\n文本。\n\n"
		     "第三条\n\n第四条 其他沟通\n\n## 第二节 空\n",
	       config, NULL,
	       "8:3 empty chapter 第一章 甲 has no articles; expected at least one article\n"
	       "16:5 empty article 第一条 丁 has no text; expected its provisions under the heading\n"
	       "22:1 empty article 第三条 has no text; expected its provisions after the marker\n"
	       "26:4 empty section 第二节 空 has no articles; expected at least one article\n");
}

static void test_required(void)
{
	struct config *config = config_default();
	expect("default requirements met",
	       FRONT "# 第一章 总　则\n\n第一条 为了明确目的，制定本制度。\n\n第二条 本制度适用范围为全体员工。\n\n"
		     "# 第二章 附则\n\n第三条 本制度由人事部负责解释，自发布之日起施行。\n",
	       config, NULL, "");
	expect("missing provisions and chapters",
	       FRONT "# 第一章 概述\n\n第一条 目的。\n\n# 第二章 总则\n\n第二条 适用范围。\n\n# 第三章 其他\n\n第三条 解释。\n", config, NULL,
	       "12:3 required-chapter chapter 第二章 总则 is not the first chapter; expected 总则 to come first\n"
	       "12:3 required-article chapter 第二章 总则 lacks a required provision: no article contains 目的 or 宗旨; "
	       "expected an article that contains one of them\n"
	       "16:3 required-chapter no chapter 附则; expected the last chapter to be 附则, not 第三章 其他\n");
	expect("a document without chapters",
	       FRONT "第一条 为了规范，制定本制度。\n\n第二条 适用范围：全体员工。\n\n第三条 自发布之日起施行。\n", config, NULL,
	       "1:1 required-article the document lacks a provision that 总则 requires: nothing in it contains 目的 or 宗旨; "
	       "expected an article that contains one of them\n"
	       "1:1 required-article the document lacks a provision that 附则 requires: nothing in it contains 解释; "
	       "expected an article that contains it\n");
	config_free(config);
}

#define OUTLINE FRONT_SCHEME("outline")
#define DECIMAL FRONT_SCHEME("decimal")
#define ENGLISH FRONT_SCHEME("en")
#define FRONT_SCHEME(name) "---\ntitle: 测试制度\nid: T-1\nversion: \"1.0\"\nowner: 人事部\neffective: 2024-01-01\nscheme: " name "\n---\n"

static void test_outline(const struct config *config)
{
	expect("outline levels: headings, paragraphs and ordered lists",
	       OUTLINE "前言。\n\n# 一、总则\n\n为了规范。\n\n二、严格遵守规章制度；\n\n# 三、日常工作\n\n（一）展品\n\n"
		       "1. 登记：\n（1）领取登记；\n（2）归还登记。\n2. 检查。\n\n另一款。\n\n（3）第三目。\n\n（二）工程\n\n1、巡查\n\n3、监督\n",
	       config,
	       "paragraph 9:1 \"前言。\"\n"
	       "chapter 一、 #1 11:3 [总则] \"总则\"\n"
	       "  paragraph 13:1 \"为了规范。\"\n"
	       "chapter 二、 #2 15:1 [严格遵守规章制度；] \"严格遵守规章制度；\"\n"
	       "chapter 三、 #3 17:3 [日常工作] \"日常工作\"\n"
	       "  section （一） #1 19:1 [展品] \"展品\"\n"
	       "    article 1. #1 21:1 \"登记：\"\n"
	       "      paragraph 21:1\n"
	       "        item （1） #1 22:1 \"领取登记；\"\n"
	       "        item （2） #2 23:1 \"归还登记。\"\n"
	       "    article 2. #2 24:1 \"检查。\"\n"
	       "      paragraph 24:1\n"
	       "      paragraph 26:1 \"另一款。\"\n"
	       "        item （3） #3 28:1 \"第三目。\"\n"
	       "  section （二） #2 30:1 [工程] \"工程\"\n"
	       "    article 1、 #1 32:1 \"巡查\"\n"
	       "      paragraph 32:1\n"
	       "    article 3、 #3 34:1 \"监督\"\n"
	       "      paragraph 34:1\n",
	       "28:1 clause-number level-4 numbering starts at （3）; expected （1）\n"
	       "34:1 clause-number level-3 number 3、 skips 2; expected 2、\n");
}

static void test_outline_lines(const struct config *config)
{
	expect("outline level 3 and 4 at line starts, not inside list items",
	       OUTLINE "一、日常工作管理\n1、展品\n（1）登记；\n（2）检查；\n2、工程\n4、小区\n\n- 列表\n  1、不是条\n", config,
	       "chapter 一、 #1 9:1 [日常工作管理] \"日常工作管理\"\n"
	       "  article 1、 #1 10:1 \"展品\"\n"
	       "    paragraph 10:1\n"
	       "      item （1） #1 11:1 \"登记；\"\n"
	       "      item （2） #2 12:1 \"检查；\"\n"
	       "  article 2、 #2 13:1 \"工程\"\n"
	       "    paragraph 13:1\n"
	       "  article 4、 #4 14:1 \"小区\"\n"
	       "    paragraph 14:1\n"
	       "      block 16:1\n",
	       "14:1 clause-number level-3 number 4、 skips 3; expected 3、\n");
}

/* Markers written without their closing (14不承诺) or with another list's
 * (decimal 12.完成) are the markers they continue; anything else that only
 * looks like one (2024年起, 3日内, a first number) is text. */
static void test_loose_lists(const struct config *config)
{
	expect("outline level 3 without its 、, in paragraphs and at line starts",
	       OUTLINE "一、日常工作\n\n1、着装整齐；\n\n2不承诺；\n\n3日内上报。\n\n二、考勤\n1、不迟到；\n2不早退；\n2024年起扣罚。\n\n"
		       "三、其他\n\n5不计。\n",
	       config,
	       "chapter 一、 #1 9:1 [日常工作] \"日常工作\"\n"
	       "  article 1、 #1 11:1 \"着装整齐；\"\n"
	       "    paragraph 11:1\n"
	       "  article 2 #2 13:1 \"不承诺；\"\n"
	       "    paragraph 13:1\n"
	       "    paragraph 15:1 \"3日内上报。\"\n"
	       "chapter 二、 #2 17:1 [考勤] \"考勤\"\n"
	       "  article 1、 #1 18:1 \"不迟到；\"\n"
	       "    paragraph 18:1\n"
	       "  article 2 #2 19:1 \"不早退； 2024年起扣罚。\"\n"
	       "    paragraph 19:1\n"
	       "chapter 三、 #3 22:1 [其他] \"其他\"\n"
	       "  paragraph 24:1 \"5不计。\"\n",
	       "13:1 numeral-form level-3 number 2 has no 、 after it; expected 2、\n"
	       "19:1 numeral-form level-3 number 2 has no 、 after it; expected 2、\n");

	expect("decimal list items with a full stop or 、",
	       DECIMAL "# 1 范围\n\n1.1 职责：\n\n1) 甲；\n\n2.乙；\n\n4 .丁；\n\n5、戊。\n\n1.5倍工资。\n", config,
	       "chapter 1 #1 9:3 [范围] \"范围\"\n"
	       "  article 1.1 #1 11:1 \"职责：\"\n"
	       "    paragraph 11:1\n"
	       "      subitem 1) #1 13:1 \"甲；\"\n"
	       "      subitem 2. #2 15:1 \"乙；\"\n"
	       "      subitem 4 . #4 17:1 \"丁；\"\n"
	       "      subitem 5、 #5 19:1 \"戊。\"\n"
	       "    paragraph 21:1 \"1.5倍工资。\"\n",
	       "15:1 numeral-form list item number 2. is not written in the standard form; expected 2)\n"
	       "17:1 clause-number list item number 4 . skips 3; expected 3.\n"
	       "17:1 numeral-form list item number 4 . is not written in the standard form; expected 4)\n"
	       "19:1 numeral-form list item number 5、 is not written in the standard form; expected 5)\n");
}

/* A document in another scheme than its own is one heading-level warning. */
static void test_scheme_fit(const struct config *config)
{
	expect("articles written as outline", FRONT "前言。\n\n一、甲。\n\n二、乙。\n", config, NULL,
	       "10:1 heading-level document has no 第N章 chapters or 第N条 articles but its markers look like scheme "
	       "\"outline\" (2 of them); expected \"scheme: outline\" in the front matter\n");
	expect("one such marker is no pattern", FRONT "一、甲。\n\n1、乙；\n\n2、丙。\n\n（一）丁。\n", config, NULL, "");
	expect("own markers present", FRONT "第一条 甲。\n\n一、乙。\n\n二、丙。\n", config, NULL, "");
	expect("English written in Chinese", ENGLISH "第一条 甲。\n第二条 乙。\n", config, NULL,
	       "9:1 heading-level document has no Chapter or Article markers but its markers look like scheme "
	       "\"articles\" (2 of them); expected \"scheme: articles\" in the front matter\n");
}

static void test_decimal(const struct config *config)
{
	expect("decimal chapters, nested clauses and list items",
	       DECIMAL "# 1 范围\n\n本制度适用于营销中心。\n\n# 2 营销计划\n\n2.1 年度计划。\n\n2.1.1 编制：\n\na) 目标；\nb) 预算：\n\n"
		       "1) 费用；\n2) 人员。\n\n2.1.2 审批。\n\n2.2 季度计划。\n\n3 考核\n\n## 3.1 指标\n\n销售额。\n",
	       config,
	       "chapter 1 #1 9:3 [范围] \"范围\"\n"
	       "  paragraph 11:1 \"本制度适用于营销中心。\"\n"
	       "chapter 2 #2 13:3 [营销计划] \"营销计划\"\n"
	       "  article 2.1 #1 15:1 \"年度计划。\"\n"
	       "    paragraph 15:1\n"
	       "    article 2.1.1 #1 17:1 \"编制：\"\n"
	       "      paragraph 17:1\n"
	       "        item a) #1 19:1 \"目标；\"\n"
	       "        item b) #2 20:1 \"预算：\"\n"
	       "          subitem 1) #1 22:1 \"费用；\"\n"
	       "          subitem 2) #2 23:1 \"人员。\"\n"
	       "    article 2.1.2 #2 25:1 \"审批。\"\n"
	       "      paragraph 25:1\n"
	       "  article 2.2 #2 27:1 \"季度计划。\"\n"
	       "    paragraph 27:1\n"
	       "chapter 3 #3 29:1 [考核] \"考核\"\n"
	       "  article 3.1 #1 31:4 [指标] \"指标\"\n"
	       "    paragraph 33:1 \"销售额。\"\n",
	       "");

	expect("decimal numbering: prefixes, gaps and missing levels",
	       DECIMAL "# 3 销售\n\n3.1 甲。\n\n# 4 考核\n\n4.1 乙。\n\n3.2 丙。\n\n4.3 丁。\n\n4.5 戊。\n\n4.5.2 己。\n\n"
		       "4.7.1 庚。\n\n4.7.2 辛。\n\n4.8 壬。\n\n4.8.1 癸。\n\n4.8.1.1 子。\n\n4.8.1.3 丑。\n",
	       config, NULL,
	       "9:3 clause-number chapter numbering starts at 3; expected 1\n"
	       "17:1 clause-number clause number 3.2 stands in chapter 4; expected 4.2\n"
	       "21:1 clause-number clause number 4.5 skips 4.4; expected 4.4\n"
	       "23:1 clause-number clause numbering starts at 4.5.2; expected 4.5.1\n"
	       "25:1 clause-number clause number 4.7.1 stands directly in chapter 4, without clause 4.7; expected 4.7 before it\n"
	       "35:1 clause-number clause number 4.8.1.3 skips 4.8.1.2; expected 4.8.1.2\n");

	expect("decimal clauses without chapters: each prefix numbered on its own",
	       DECIMAL "1.1 a\n\n1.2 b\n\n1.4 c\n\n2.1 d\n\n2.3 e\n\n2.3.1 f\n\n2.3.3 g\n", config, NULL,
	       "13:1 clause-number clause number 1.4 skips 1.3; expected 1.3\n"
	       "17:1 clause-number clause number 2.3 skips 2.2; expected 2.2\n"
	       "21:1 clause-number clause number 2.3.3 skips 2.3.2; expected 2.3.2\n");

	expect("decimal: a number that is not a marker",
	       DECIMAL "# 1 范围\n\n2024 年起施行。\n\n1.5倍工资。\n\n1.1.1.1.1.1 太深。\n\n# 2\n",
	       config,
	       "chapter 1 #1 9:3 [范围] \"范围\"\n"
	       "  paragraph 11:1 \"2024 年起施行。\"\n"
	       "  paragraph 13:1 \"1.5倍工资。\"\n"
	       "  paragraph 15:1 \"1.1.1.1.1.1 太深。\"\n"
	       "chapter 2 #2 17:3 []\n",
	       "17:3 title-missing chapter 2 has no title; expected a title after 2\n"
	       "17:3 empty chapter 2 has nothing under it; expected its text under the heading\n");
}

static void test_english(const struct config *config)
{
	expect("en levels, letters and Roman numerals",
	       ENGLISH "# Chapter 1 General Provisions\n\nArticle 1 Staff shall report:\n\n(a) progress;\n(b) problems, including:\n"
		       "(i) delays;\n(ii) complaints;\n(c) other matters:\n\n1. first;\n2. second.\n\n## Section 1 Meetings\n\n"
		       "### Article 2 Notice\n\nText.\n\n(g) g;\n(h) h;\n(i) i;\n(j) j.\n\nArticle 3(2) applies.\n",
	       config,
	       "chapter Chapter 1 #1 9:3 [General Provisions] \"General Provisions\"\n"
	       "  article Article 1 #1 11:1 \"Staff shall report:\"\n"
	       "    paragraph 11:1\n"
	       "      item (a) #1 13:1 \"progress;\"\n"
	       "      item (b) #2 14:1 \"problems, including:\"\n"
	       "        subitem (i) #1 15:1 \"delays;\"\n"
	       "        subitem (ii) #2 16:1 \"complaints;\"\n"
	       "      item (c) #3 17:1 \"other matters:\"\n"
	       "        subsubitem 1. #1 19:1 \"first;\"\n"
	       "        subsubitem 2. #2 20:1 \"second.\"\n"
	       "  section Section 1 #1 22:4 [Meetings] \"Meetings\"\n"
	       "    article Article 2 #2 24:5 [Notice] \"Notice\"\n"
	       "      paragraph 26:1 \"Text.\"\n"
	       "        item (g) #7 28:1 \"g;\"\n"
	       "        item (h) #8 29:1 \"h;\"\n"
	       "        item (i) #9 30:1 \"i;\"\n"
	       "        item (j) #10 31:1 \"j.\"\n"
	       "      paragraph 33:1 \"Article 3(2) applies.\"\n",
	       "28:1 item-number item numbering starts at (g); expected (a)\n");

	expect("en articles with a full stop after the number",
	       ENGLISH "Article 1. Purpose.\n\n## Article 2. Scope\n\nAll staff.\n\nArticle 3.5 is text.\n", config,
	       "article Article 1. #1 9:1 \"Purpose.\"\n"
	       "  paragraph 9:1\n"
	       "article Article 2. #2 11:4 [Scope] \"Scope\"\n"
	       "  paragraph 13:1 \"All staff.\"\n"
	       "  paragraph 15:1 \"Article 3.5 is text.\"\n",
	       "");

	expect("en numbers in words",
	       ENGLISH "# Chapter One General\n\nArticle one a.\n\nArticle Two. b.\n\nArticle tenth c.\n", config,
	       "chapter Chapter One #1 9:3 [General] \"General\"\n"
	       "  article Article one #1 11:1 \"a.\"\n"
	       "    paragraph 11:1\n"
	       "  article Article Two. #2 13:1 \"b.\"\n"
	       "    paragraph 13:1\n"
	       "    paragraph 15:1 \"Article tenth c.\"\n",
	       "9:3 numeral-form chapter number Chapter One is not written in the standard form; expected Chapter 1\n"
	       "11:1 numeral-form article number Article one is not written in the standard form; expected Article 1\n"
	       "13:1 numeral-form article number Article Two. is not written in the standard form; expected Article 2.\n");

	expect("en numbering",
	       ENGLISH "# Chapter 1 General\n\nArticle 1 a.\n\nArticle 2 b.\n\nArticle 4 c.\n\n(a) x;\n(c) y.\n\n"
		       "# Chapter 3 Other\n\nArticle 5 d:\n\n(i) x;\n(iii) y.\n\n# Chapter 3 Last\n\nChapter 4 Final\n\nArticle 6 e.\n",
	       config, NULL,
	       "15:1 article-number article number Article 4 skips Article 3; expected Article 3\n"
	       "18:1 item-number item number (c) skips (b); expected (b)\n"
	       "20:3 chapter-number chapter number Chapter 3 is out of sequence between Chapter 1 and Chapter 3; "
	       "expected Chapter 2\n"
	       "25:1 item-number sub-item number (iii) skips (ii); expected (ii)\n"
	       "27:3 empty Chapter 3 Last has no articles; expected at least one article\n"
	       "29:1 heading-level chapter Chapter 4 is written as a paragraph; expected a level 1 heading\n");
}

/* pnode_own_text_blank reads a node's text as blank exactly when the text,
 * trimmed, is empty: blank, ideographic-space, tab, break and code-span
 * texts, bold markers and emphasis among them. */
static void test_own_text_blank(const struct config *config)
{
	static const char *const bodies[] = {
		"第一条\n\n第二条 　\n\n第三条 \t\n\n第四条 **　**\n\n第五条 ` `\n\n第六条 文本\n\n　\t　\n\n　\t \t\n　x\n",
		"**第一条**　\n\n**第一条** 文\n\n第二条 a\\\n　\n\n第三条　\n　\n（一）　\n（二）项\n\n第四条 *　*　*b*\n",
		"# 第一章 甲\n\n## 第一条 乙\n\n　\n\n- 　\n- （一）　\n\n第二条 `a`\n\n第三条 &#12288;\n",
	};
	size_t nodes = 0, wrong = 0;
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		char *md = xasprintf("%s%s", FRONT, bodies[i]);
		struct document *doc = load_with(md, config);
		for (const struct pnode *p = doc->root; p; p = pnode_next_preorder(p)) {
			char *own = trim_spaces(pnode_own_text(p));
			if ((own[0] == '\0') != pnode_own_text_blank(p))
				wrong++;
			nodes++;
			free(own);
		}
		document_free(doc);
		free(md);
	}
	CHECK(wrong == 0 && nodes > 30, "pnode_own_text_blank agrees with the trimmed own text (%zu nodes, %zu wrong)",
	      nodes, wrong);
}

/* literal_length, as parse.c keeps it, against strlen of every text and code
 * span literal: plain text (copied by cmark when asked), text cmark joined
 * from pieces (its own buffer), escapes, entities, code spans, an empty
 * literal, a NUL byte made U+FFFD. */
static void test_literal_length(const struct config *config)
{
	static const char *const texts[] = {
		"---\ntitle: t\n---\n\n# 第一章 总则\n\n第一条 目的　为加强管理，制定本制度。\n",
		"a*b*c [x] ![y] \\* &amp; &#x4E00; \n\n`code` `` ` `` ``\n\nsoft\nbreak  \nhard\\\nend\n",
		"# \n\n*\n\n**第一条** 文本[链接](http://x) <b>html</b> x_y_z __a__\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"- 一\n  - 二 `c`\n\n> 引用 *强调* 文字\n\n    code block\n",
	};
	size_t nodes = 0, wrong = 0;
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		struct document *doc = load_with(texts[t], config);
		cmark_iter *it = cmark_iter_new(doc->md);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *node = cmark_iter_get_node(it);
			cmark_node_type type = cmark_node_get_type(node);
			if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE))
				continue;
			const char *lit = cmark_node_get_literal(node);
			nodes++;
			if (literal_length(node, lit) != strlen(lit) || cmark_node_get_user_data(node) == NULL)
				wrong++;
		}
		cmark_iter_free(it);
		document_free(doc);
	}
	CHECK(wrong == 0 && nodes >= 30,
	      "literal_length is kept for every text and code literal and is its strlen (%zu nodes, %zu wrong)", nodes,
	      wrong);
}

int main(void)
{
	struct plain plain = plain_config();
	const struct config *config = plain.config;
	test_structure(config);
	test_parse_diagnostics(config);
	test_numbering(config);
	test_per_chapter();
	test_empty(config);
	test_required();
	test_outline(config);
	test_outline_lines(config);
	test_decimal(config);
	test_english(config);
	test_loose_lists(config);
	test_scheme_fit(config);
	test_own_text_blank(config);
	test_literal_length(config);
	plain_free(&plain);
	UNIT_END();
}
