/* test_render_text.c — the plain-text renderer (OUT/ID.txt).
 *
 * Part one builds provision trees by hand over cmark blocks, so the layout is
 * tested on exactly the tree it is given. Part two runs the real stages
 * (front matter, parse) on whole policies and checks the SPEC §9 promises over
 * widths 20..100: no line too wide, no line starting with a closing mark or
 * ending with an opening one, tables aligned. */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "model.h"
#include "render.h"
#include "render_text_impl.h"
#include "textwidth.h"
#include "unit.h"
#include "util.h"

/* ---- hand-built trees ---- */

struct fixture {
	struct document doc;
	cmark_node *md;
	cmark_node *blocks[64]; /* top-level blocks in order */
	size_t nblocks;
	struct pnode *nodes[64];
	size_t nnodes;
};

static void fixture_init(struct fixture *f, const char *markdown, enum scheme scheme)
{
	memset(f, 0, sizeof(*f));
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
	cmark_parser_feed(parser, markdown, strlen(markdown));
	f->md = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	for (cmark_node *b = cmark_node_first_child(f->md); b && f->nblocks < 64; b = cmark_node_next(b))
		f->blocks[f->nblocks++] = b;
	f->doc.meta.title = "员工内部沟通管理制度";
	f->doc.meta.id = "HR-COM-001";
	f->doc.meta.version = "2.0";
	f->doc.meta.owner = "人事行政部";
	f->doc.meta.effective = "2024-03-01";
	f->doc.meta.scheme = scheme;
}

static void fixture_free(struct fixture *f)
{
	for (size_t i = 0; i < f->nnodes; i++) {
		free(f->nodes[i]->marker);
		free(f->nodes[i]->title);
		free(f->nodes[i]);
	}
	cmark_node_free(f->md);
}

/* The first text node inside block (depth first). */
static cmark_node *first_text(cmark_node *block)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_node *found = NULL;
	while (!found && cmark_iter_next(it) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
			found = n;
	}
	cmark_iter_free(it);
	return found;
}

/* A node under parent over `block`; its text starts after `marker` and one
 * separator (a space or U+3000) when the literal begins with them. */
static struct pnode *add(struct fixture *f, struct pnode *parent, enum level level,
			 const char *marker, const char *title, cmark_node *block)
{
	struct pnode *n = xcalloc(1, sizeof(*n));
	f->nodes[f->nnodes++] = n;
	n->level = level;
	n->marker = marker ? xstrdup(marker) : NULL;
	n->title = title ? xstrdup(title) : NULL;
	n->block = block;
	n->heading = block && cmark_node_get_type(block) == CMARK_NODE_HEADING;
	if (level != LV_BLOCK && block && !(n->heading && title)) {
		n->text = first_text(block);
		const char *lit = n->text ? cmark_node_get_literal(n->text) : "";
		if (marker && str_starts_with(lit, marker)) {
			n->skip = strlen(marker);
			if (lit[n->skip] == ' ')
				n->skip++;
			else if (str_starts_with(lit + n->skip, "\xe3\x80\x80"))
				n->skip += 3;
		}
	}
	if (parent) {
		n->parent = parent;
		if (parent->last)
			parent->last->next = n, n->prev = parent->last;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

static char *render(struct fixture *f, struct pnode *root, int width)
{
	f->doc.root = root;
	struct text_renderer *r = text_new(width);
	char *out = text_render(r, &f->doc);
	text_free(r);
	return out;
}

/* Line k (0-based) of text, in a static-free buffer the caller frees. */
static char *line_at(const char *text, int k)
{
	for (; k > 0 && text; k--) {
		text = strchr(text, '\n');
		if (text)
			text++;
	}
	if (!text)
		return xstrdup("(none)");
	const char *end = strchr(text, '\n');
	return xstrndup(text, end ? (size_t)(end - text) : strlen(text));
}

/* Index of the first line that begins with prefix, or -1. */
static int find_line(const char *text, const char *prefix)
{
	int k = 0;
	for (const char *l = text; l && *l; k++) {
		if (str_starts_with(l, prefix))
			return k;
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
	return -1;
}

static void check_line(const char *out, int k, const char *want, const char *what)
{
	char *got = line_at(out, k);
	CHECK_STR(got, want, "%s", what);
	free(got);
}

static const char *articles_md =
	"# 第一章 总则\n\n"
	"第一条　目的　为加强公司内部的信息沟通与资源共享，制定本制度。\n\n"
	"第二条 员工在下列范围内请示：\n\n"
	"（一）请示范围：超出本人职责权限的事项；\n\n"
	"（二）汇报范围：下级应当向上级汇报下列事项：\n\n"
	"1. 上级布置工作的完成情况；\n"
	"   - 按周汇报；\n"
	"2. 工作中遇到的难点。\n\n"
	"## 第三条 适用范围\n\n"
	"本制度适用于公司全体员工。\n\n"
	"实习人员参照执行。\n\n"
	"- 甲\n- 乙\n\n"
	"| 项目 | 责任人 |\n| --- | --- |\n| 例会 | 行政部 |\n| 专题会 | 发起部门负责人 |\n";

static struct pnode *articles_tree(struct fixture *f)
{
	struct pnode *root = add(f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	struct pnode *ch = add(f, root, LV_CHAPTER, "第一章", "总则", f->blocks[0]);
	add(f, ch, LV_ARTICLE, "第一条", NULL, f->blocks[1]);
	struct pnode *a2 = add(f, ch, LV_ARTICLE, "第二条", NULL, f->blocks[2]);
	add(f, a2, LV_ITEM, "（一）", NULL, f->blocks[3]);
	struct pnode *i2 = add(f, a2, LV_ITEM, "（二）", NULL, f->blocks[4]);
	cmark_node *list = f->blocks[5];
	add(f, i2, LV_SUBITEM, "1.", NULL, cmark_node_first_child(list));
	add(f, i2, LV_SUBITEM, "2.", NULL, cmark_node_next(cmark_node_first_child(list)));
	struct pnode *a3 = add(f, ch, LV_ARTICLE, "第三条", "适用范围", f->blocks[6]);
	add(f, a3, LV_PARAGRAPH, NULL, NULL, f->blocks[7]);
	add(f, a3, LV_PARAGRAPH, NULL, NULL, f->blocks[8]);
	add(f, a3, LV_BLOCK, NULL, NULL, f->blocks[9]);
	add(f, a3, LV_BLOCK, NULL, NULL, f->blocks[10]);
	return root;
}

static void test_articles_layout(void)
{
	struct fixture f;
	fixture_init(&f, articles_md, SCHEME_ARTICLES);
	f.doc.meta.approved_by = "总经理办公会";
	char *out = render(&f, articles_tree(&f), 72);
	/* title centered in 72 columns: 20 columns of text, 26 spaces before */
	check_line(out, 0, "                          员工内部沟通管理制度", "title centered");
	check_line(out, 1, "", "blank after the title");
	check_line(out, 2, "编号：HR-COM-001", "id line");
	check_line(out, 3, "版本：2.0", "version line");
	check_line(out, 4, "制订部门：人事行政部", "owner line");
	check_line(out, 5, "生效日期：2024-03-01", "effective line");
	check_line(out, 6, "状态：现行", "status defaults to active, in Chinese");
	check_line(out, 7, "审批人：总经理办公会", "approved-by line");
	check_line(out, 8, "", "blank after the front matter");
	check_line(out, 9, "                              第一章　总则", "chapter centered, U+3000 after the marker");
	check_line(out, 10, "", "blank after the chapter");
	check_line(out, 11, "第一条　目的　为加强公司内部的信息沟通与资源共享，制定本制度。",
		   "article at the margin, marker and U+3000");
	check_line(out, 12, "", "blank line between articles");
	check_line(out, 13, "第二条　员工在下列范围内请示：", "an ASCII space after the marker becomes U+3000");
	check_line(out, 14, "　　（一）请示范围：超出本人职责权限的事项；", "item indented two U+3000");
	check_line(out, 15, "　　（二）汇报范围：下级应当向上级汇报下列事项：", "second item");
	check_line(out, 16, "　　1. 上级布置工作的完成情况；", "sub-item from a list item");
	check_line(out, 17, "　　2. 工作中遇到的难点。", "second sub-item");
	check_line(out, 19, "第三条　适用范围　本制度适用于公司全体员工。",
		   "heading-form article: title and first paragraph on the marker's line");
	check_line(out, 20, "　　实习人员参照执行。", "second paragraph indented");
	check_line(out, 21, "　　• 甲", "bullet list at the paragraph indent");
	check_line(out, 22, "　　• 乙", "second bullet");
	check_line(out, 23, "", "blank before a table");
	check_line(out, 24, "┌────────┬────────────────┐", "table top rule");
	check_line(out, 25, "│ 项目   │ 责任人         │", "header row padded by display width");
	check_line(out, 26, "├────────┼────────────────┤", "rule under the header");
	check_line(out, 29, "│ 专题会 │ 发起部门负责人 │", "last row");
	check_line(out, 30, "└────────┴────────────────┘", "bottom rule");
	size_t len = strlen(out);
	CHECK(len >= 2 && out[len - 1] == '\n' && out[len - 2] != '\n', "ends with exactly one newline");
	CHECK(strstr(out, " \n") == NULL && strstr(out, "\xe3\x80\x80\n") == NULL, "no trailing spaces");
	free(out);
	fixture_free(&f);
}

static void test_wrapping_continuation(void)
{
	struct fixture f;
	fixture_init(&f, articles_md, SCHEME_ARTICLES);
	char *out = render(&f, articles_tree(&f), 24);
	int k = find_line(out, "第一条");
	check_line(out, k, "第一条　目的　为加强公司", "article line filled to 24 columns");
	check_line(out, k + 1, "内部的信息沟通与资源共",
		   "wrapped lines go back to the margin (享 keeps its ，)");
	k = find_line(out, "　　（一）");
	check_line(out, k, "　　（一）请示范围：超出", "item's first line indented");
	check_line(out, k + 1, "本人职责权限的事项；", "item's wrapped line at the margin");
	free(out);
	fixture_free(&f);
}

static void test_status_and_english(void)
{
	struct fixture f;
	fixture_init(&f, "Article 1 This Policy applies to all staff.\n", SCHEME_EN);
	f.doc.meta.title = "Communication Policy";
	f.doc.meta.status = "repealed";
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	add(&f, root, LV_ARTICLE, "Article 1", NULL, f.blocks[0]);
	char *out = render(&f, root, 40);
	check_line(out, 0, "          Communication Policy", "English title centered");
	CHECK(find_line(out, "Status: Repealed") > 0, "English labels for scheme en");
	CHECK(find_line(out, "Article 1 This Policy applies to all") > 0, "English article, space separator");
	free(out);
	fixture_free(&f);

	fixture_init(&f, "", SCHEME_ARTICLES);
	f.doc.meta.status = "superseded";
	out = render(&f, NULL, 72);
	CHECK(find_line(out, "状态：已被替代") > 0, "superseded is 已被替代");
	free(out);
	f.doc.meta.status = "draft";
	out = render(&f, NULL, 72);
	CHECK(find_line(out, "状态：草案") > 0, "draft is 草案");
	free(out);
	f.doc.meta.owner = "人事\t行政部\x01";
	f.doc.meta.title = "员工\t制度";
	out = render(&f, NULL, 72);
	CHECK(strchr(out, '\t') == NULL && strchr(out, '\x01') == NULL, "no control characters from the front matter");
	CHECK(find_line(out, "制订部门：人事 行政部") > 0, "a tab in a value reads as a space");
	free(out);
	fixture_free(&f);
}

static void test_code_quote_rule(void)
{
	struct fixture f;
	fixture_init(&f,
		     "> 引用的第一段。\n>\n> 引用的第二段。\n\n"
		     "```\nint main(void)\n\t{ return 0; }\n```\n\n"
		     "---\n\n"
		     "```\n0123456789012345678901234567890123456789\n```\n",
		     SCHEME_ARTICLES);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	for (size_t i = 0; i < f.nblocks; i++)
		add(&f, root, LV_BLOCK, NULL, NULL, f.blocks[i]);
	char *out = render(&f, root, 30);
	int k = find_line(out, "　　引用的第一段。");
	CHECK(k > 0, "quote indented by two U+3000");
	check_line(out, k + 1, "", "blank between quoted paragraphs");
	check_line(out, k + 2, "　　引用的第二段。", "second quoted paragraph");
	k = find_line(out, "    int main(void)");
	CHECK(k > 0, "code kept verbatim, indented four spaces");
	check_line(out, k + 1, "        { return 0; }", "tab expanded to the next stop");
	CHECK(find_line(out, "──────────────────────────────") > 0, "thematic break across the width");
	k = find_line(out, "    01234567890123456789012345");
	CHECK(k > 0, "long code line folded at the width");
	check_line(out, k + 1, "    67890123456789", "rest of the folded code line");
	free(out);
	fixture_free(&f);
}

static void test_table_shrinks(void)
{
	struct fixture f;
	fixture_init(&f,
		     "| 说明 | 会 | 注 |\n| --- | :-: | --: |\n"
		     "| 每周一上午召开，由总经理主持，各部门负责人参加并汇报上周工作。 | 例会 | 周一 |\n",
		     SCHEME_ARTICLES);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	add(&f, root, LV_BLOCK, NULL, NULL, f.blocks[0]);
	/* 3 columns need 10 columns of rules and padding and two characters
	 * each: below 22 the table is a list of its rows */
	char *narrow = render(&f, root, 21);
	CHECK(strstr(narrow, "┌") == NULL && find_line(narrow, "会：例会") > 0 && find_line(narrow, "注：周一") > 0,
	      "width 21: the table as a list, header：value");
	free(narrow);
	for (int width = 22; width <= 80; width += 3) {
		char *out = render(&f, root, width);
		int k = find_line(out, "┌"), rows = 0;
		size_t w0 = 0;
		bool same = k > 0, fits = true;
		for (; k > 0; k++) {
			char *l = line_at(out, k);
			bool in_table = *l && strcmp(l, "(none)") != 0;
			size_t w = text_width(l, strlen(l));
			free(l);
			if (!in_table)
				break;
			if (rows++ == 0)
				w0 = w;
			same &= w == w0;
			fits &= (int)w <= width;
		}
		CHECK(same && rows >= 5, "width %d: all %d table lines equally wide", width, rows);
		CHECK(fits, "width %d: table within the width", width);
		free(out);
	}
	char *out = render(&f, root, 200);
	CHECK(strstr(out, "│  会  │") != NULL, "centered column centers its header");
	CHECK(strstr(out, "│   注 │\n") != NULL, "right-aligned column puts its header on the right");
	free(out);
	fixture_free(&f);

	fixture_init(&f,
		     "| 日期 | 说明 |\n| --- | --- |\n"
		     "| 2023-01-01 | 合并会议管理的规定，增加请示与汇报的时限表，并调整附件的编排顺序 |\n",
		     SCHEME_ARTICLES);
	root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	add(&f, root, LV_BLOCK, NULL, NULL, f.blocks[0]);
	out = render(&f, root, 40);
	CHECK(strstr(out, "│ 2023-01-01 │ 合并会议管理的规") != NULL,
	      "a narrow column keeps its unbreakable date; the wide one gives way");
	free(out);
	fixture_free(&f);
}

/* A bullet list kept as a block whose second item is an item 项 of its own:
 * the item is rendered in its place, as a provision, without a bullet. */
static void test_pnode_inside_block(void)
{
	struct fixture f;
	fixture_init(&f, "- 甲项说明\n- （二）乙项说明\n- 丙项说明\n", SCHEME_ARTICLES);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	struct pnode *list = add(&f, root, LV_BLOCK, NULL, NULL, f.blocks[0]);
	cmark_node *second = cmark_node_next(cmark_node_first_child(f.blocks[0]));
	add(&f, list, LV_ITEM, "（二）", NULL, second);
	char *out = render(&f, root, 72);
	int k = find_line(out, "　　• 甲项说明");
	CHECK(k > 0, "first bullet");
	check_line(out, k + 1, "　　（二）乙项说明", "the item pnode in its place, no bullet");
	check_line(out, k + 2, "　　• 丙项说明", "third bullet after it");
	free(out);
	fixture_free(&f);
}

/* outline: every level a line indented like the text (GB/T 9704), a blank
 * line before 一、 only; decimal: headings and clauses at the left margin. */
static void test_outline_and_decimal(void)
{
	struct fixture f;
	fixture_init(&f, "# 一、总则\n\n1. 营销人员每日到岗签到。\n\n（一）考勤管理\n", SCHEME_OUTLINE);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	struct pnode *ch = add(&f, root, LV_CHAPTER, "一、", "总则", f.blocks[0]);
	add(&f, ch, LV_ARTICLE, "1.", NULL, cmark_node_first_child(f.blocks[1]));
	add(&f, ch, LV_SECTION, "（一）", NULL, f.blocks[2]);
	char *out = render(&f, root, 40);
	int k = find_line(out, "　　一、总则");
	CHECK(k > 0, "outline heading indented like the text, no separator after 一、");
	check_line(out, k - 1, "", "blank before it");
	check_line(out, k + 1, "　　1. 营销人员每日到岗签到。", "outline's numbered line indented, no blank before");
	check_line(out, k + 2, "　　（一）考勤管理", "a level written as a paragraph, indented");
	free(out);
	fixture_free(&f);

	fixture_init(&f, "# 1 范围\n\n1.1 本制度适用于营销中心。\n", SCHEME_DECIMAL);
	root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	ch = add(&f, root, LV_CHAPTER, "1", "范围", f.blocks[0]);
	add(&f, ch, LV_ARTICLE, "1.1", NULL, f.blocks[1]);
	out = render(&f, root, 40);
	k = find_line(out, "1 范围");
	CHECK(k > 0, "decimal chapter at the margin, a space after the number");
	check_line(out, k + 2, "1.1 本制度适用于营销中心。", "decimal clause at the margin");
	free(out);
	fixture_free(&f);
}

/* A decimal clause with a heading stands on its own line, its text below;
 * a chapter written as a paragraph (3 考核) is a heading like # 2 计划; an
 * outline （二） after the items of its （一） is set apart by a blank line;
 * decimal's lists nest. */
static void test_scheme_titles_and_nesting(void)
{
	struct fixture f;
	fixture_init(&f,
		     "# 2 计划\n\n## 2.2 季度计划\n\n各分公司编制季度计划，包括：\n\na) 销售目标；\n\n"
		     "1) 线上推广的目标和安排，按季度编制，报营销中心备案；\n\n3 考核\n",
		     SCHEME_DECIMAL);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	struct pnode *ch = add(&f, root, LV_CHAPTER, "2", "计划", f.blocks[0]);
	struct pnode *clause = add(&f, ch, LV_ARTICLE, "2.2", "季度计划", f.blocks[1]);
	struct pnode *para = add(&f, clause, LV_PARAGRAPH, NULL, NULL, f.blocks[2]);
	struct pnode *item = add(&f, para, LV_ITEM, "a)", NULL, f.blocks[3]);
	add(&f, item, LV_SUBITEM, "1)", NULL, f.blocks[4]);
	add(&f, root, LV_CHAPTER, "3", "考核", f.blocks[5]);
	char *out = render(&f, root, 40);
	int k = find_line(out, "2.2 季度计划");
	CHECK(k > 0, "the titled clause at the margin");
	check_line(out, k, "2.2 季度计划", "alone on its line");
	check_line(out, k + 1, "　　各分公司编制季度计划，包括：", "its text below it, indented");
	check_line(out, k + 2, "　　a) 销售目标；", "an item at the paragraph indent");
	check_line(out, k + 3, "　　　　1) 线上推广的目标和安排，按季度", "a sub-item one indent further");
	check_line(out, k + 4, "　　　　   编制，报营销中心备案；", "its wrapped line under its text");
	check_line(out, k + 5, "", "a blank line before the next chapter");
	check_line(out, k + 6, "3 考核", "a chapter written as a paragraph at the margin");
	check_line(out, k + 7, "", "with a blank line after it");
	free(out);
	fixture_free(&f);

	fixture_init(&f, "（一）展品\n\n1. 拿取展品应当登记。\n\n（二）客户资料\n\n（三）其他\n", SCHEME_OUTLINE);
	root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	struct pnode *first = add(&f, root, LV_SECTION, "（一）", "展品", f.blocks[0]);
	add(&f, first, LV_ARTICLE, "1.", NULL, f.blocks[1]);
	add(&f, root, LV_SECTION, "（二）", "客户资料", f.blocks[2]);
	add(&f, root, LV_SECTION, "（三）", "其他", f.blocks[3]);
	out = render(&f, root, 40);
	k = find_line(out, "　　（二）客户资料");
	CHECK(k > 0, "（二） on a line of its own, indented");
	check_line(out, k - 1, "", "a blank line between the items of （一） and （二）");
	check_line(out, k - 2, "　　1. 拿取展品应当登记。", "the item before it");
	check_line(out, k + 1, "　　（三）其他", "none after a （二） without items");
	free(out);
	fixture_free(&f);
}

/* ---- the real stages ---- */

static const char *policy_md =
	"---\n"
	"title: 员工内部沟通管理制度\n"
	"id: HR-COM-001\n"
	"version: \"2.0\"\n"
	"owner: 人事行政部\n"
	"effective: 2024-03-01\n"
	"---\n\n"
	"# 第一章 总则\n\n"
	"第一条 目的　为加强公司内部的信息沟通与资源共享，以沟通促进管理、融洽关系、增进理解，"
	"依照《中华人民共和国劳动合同法》（以下简称“劳动合同法”）的有关规定，制定本制度。\n\n"
	"第二条 适用范围　本制度适用于公司全体员工（含试用期员工）。\n\n"
	"# 第二章 请示与汇报\n\n"
	"## 第三条 请示与汇报的范围\n\n"
	"员工在下列范围内向上级请示、汇报：\n\n"
	"（一）请示范围：超出本人职责权限的事项，或虽在职责权限内但可能对公司权益产生重大影响的事项，"
	"须取得上级指示后方可办理；\n\n"
	"（二）汇报范围：下级应当向上级汇报下列事项：\n\n"
	"1. 上级布置工作的完成情况；\n"
	"   - 按周汇报；\n"
	"2. 工作中遇到的难点或产生的新问题，见https://intranet.example.com/policies/reporting/difficulties-and-new-problems.html；\n\n"
	"情况紧急的，可以先口头请示，事后补办书面手续。\n\n"
	"- 口头请示，适用于简单、紧急的事项，事后应当在二十四小时内补充书面材料；\n"
	"- 书面请示。\n\n"
	"| 类型 | 时限 | 说明 |\n| --- | :-: | --: |\n"
	"| 日常工作 | 每周一 | 以部门周报形式提交，由部门负责人汇总后报分管副总经理 |\n"
	"| 重大事项 | 即时 | 先口头后书面（“特急”件须当面呈送） |\n\n"
	"# 第三章 附则\n\n"
	"第四条 解释与施行　本制度由人事行政部负责解释，自颁布之日起施行。\n";

static const char *const closing_marks[] = {
	"，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〗", "〉",
	"”", "’", ",", ".", ";", ":", "?", "!", ")", "]", "}", NULL};
static const char *const opening_marks[] = {"（", "《", "「", "『", "【", "〔", "〖", "〈",
					     "“", "‘", "(", "[", "{", NULL};

static bool starts_with_any(const char *s, size_t n, const char *const *marks)
{
	for (size_t i = 0; marks[i]; i++) {
		size_t m = strlen(marks[i]);
		if (n >= m && memcmp(s, marks[i], m) == 0)
			return true;
	}
	return false;
}

static bool ends_with_any(const char *s, size_t n, const char *const *marks)
{
	for (size_t i = 0; marks[i]; i++) {
		size_t m = strlen(marks[i]);
		if (n >= m && memcmp(s + n - m, marks[i], m) == 0)
			return true;
	}
	return false;
}

/* A line may be too wide only when it is one unbreakable token after its
 * indent: no space and no wide character in it. */
static bool single_token(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || str_starts_with(s, "\xe3\x80\x80"))) {
		size_t k = *s == ' ' ? 1 : 3;
		s += k;
		n -= k;
	}
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || cp == ' ' || cp_width(cp) == 2)
			return false;
		i += len;
	}
	return true;
}

static bool table_line(const char *s)
{
	while (*s == ' ' || str_starts_with(s, "\xe3\x80\x80"))
		s += *s == ' ' ? 1 : 3;
	return str_starts_with(s, "┌") || str_starts_with(s, "│") || str_starts_with(s, "├") ||
	       str_starts_with(s, "└");
}

/* The first offence against each SPEC §9 promise, over many renderings. */
struct offences {
	char *too_wide, *bad_start, *bad_end, *ragged, *ending;
};

static void note(char **slot, int width, const char *line, size_t n)
{
	if (!*slot)
		*slot = xasprintf("width %d: [%.*s]", width, (int)n, line);
}

static void check_promises(struct offences *o, const char *out, int width)
{
	size_t table_width = 0;
	bool in_table = false;
	for (const char *l = out; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char *line = xstrndup(l, n);
		size_t w = text_width(l, n);
		if ((int)w > width && !single_token(l, n))
			note(&o->too_wide, width, l, n);
		const char *body = l;
		while (*body == ' ' || str_starts_with(body, "\xe3\x80\x80"))
			body += *body == ' ' ? 1 : 3;
		if (starts_with_any(body, n - (size_t)(body - l), closing_marks))
			note(&o->bad_start, width, l, n);
		if (ends_with_any(l, n, opening_marks))
			note(&o->bad_end, width, l, n);
		bool t = table_line(line);
		if (t && in_table && w != table_width)
			note(&o->ragged, width, l, n);
		if (t && !in_table)
			table_width = w;
		in_table = t;
		free(line);
		l += n + (e != NULL);
	}
	size_t len = strlen(out);
	if (len == 0 || out[len - 1] != '\n' || (len >= 2 && out[len - 2] == '\n') ||
	    strstr(out, " \n") || strstr(out, "\xe3\x80\x80\n"))
		note(&o->ending, width, "ending", 6);
}

static void report_offences(struct offences *o, const char *name)
{
	CHECK(!o->too_wide, "%s: no line wider than the width %s", name, o->too_wide ? o->too_wide : "");
	CHECK(!o->bad_start, "%s: no line starts with a closing mark %s", name,
	      o->bad_start ? o->bad_start : "");
	CHECK(!o->bad_end, "%s: no line ends with an opening mark %s", name, o->bad_end ? o->bad_end : "");
	CHECK(!o->ragged, "%s: every table's lines equally wide %s", name, o->ragged ? o->ragged : "");
	CHECK(!o->ending, "%s: one final newline, no trailing spaces %s", name, o->ending ? o->ending : "");
	free(o->too_wide);
	free(o->bad_start);
	free(o->bad_end);
	free(o->ragged);
	free(o->ending);
}

/* Renders doc at every width from 20 to 100 and checks the promises. */
static void sweep_widths(const struct document *doc, const char *name)
{
	struct offences o = {0};
	for (int width = 20; width <= 100; width++) {
		struct text_renderer *r = text_new(width);
		char *out = text_render(r, doc);
		text_free(r);
		if (out)
			check_promises(&o, out, width);
		else
			note(&o.ending, width, "NULL", 4);
		free(out);
	}
	report_offences(&o, name);
}

static struct document *parsed(const char *md)
{
	struct config *config = config_default();
	struct document *doc = document_from_memory("t.md", md, strlen(md), config);
	frontmatter_check(doc);
	parse_document(doc);
	return doc;
}

static void test_pipeline(void)
{
	struct document *doc = parsed(policy_md);
	struct text_renderer *r = text_new(72);
	char *out = text_render(r, doc);
	text_free(r);
	CHECK(out && find_line(out, "                              第一章　总则") > 0, "chapter heading centered");
	CHECK(out && find_line(out, "第一条　目的　为加强公司内部的信息沟通与资源共享") > 0,
	      "paragraph-form article at the margin");
	CHECK(out && find_line(out, "第三条　请示与汇报的范围　员工在下列范围内向上级请示、汇报：") > 0,
	      "heading-form article with its first paragraph");
	CHECK(out && find_line(out, "　　（一）请示范围：") > 0, "item indented");
	CHECK(out && find_line(out, "　　1. 上级布置工作的完成情况；") > 0, "sub-item indented");
	CHECK(out && find_line(out, "　　　　• 按周汇报；") > 0, "a list under a sub-item one step further in");
	CHECK(out && find_line(out, "　　情况紧急的，可以先口头请示") > 0, "second paragraph indented");
	CHECK(out && find_line(out, "　　• 口头请示") > 0, "bullet item");
	free(out);
	sweep_widths(doc, "policy");
	const struct config *config = doc->config;
	document_free(doc);
	config_free((struct config *)config);
}

/* Quotes and lists nested deeper than a page can indent stay inside it. */
static void test_deep_nesting(void)
{
	struct buf md = {0};
	buf_puts(&md, "---\ntitle: 嵌套\nid: N-1\nversion: 1\nowner: 部\neffective: 2024-01-01\n---\n\n");
	for (int i = 0; i < 60; i++)
		buf_puts(&md, "> ");
	buf_puts(&md, "深处的引用文字，足够长，需要折行才能放得下，检查缩进不会超出页面宽度。\n\n");
	for (int i = 0; i < 60; i++) {
		for (int k = 0; k < i; k++)
			buf_puts(&md, "  ");
		buf_puts(&md, "- 列表项目的文字，也需要折行。\n");
	}
	struct document *doc = parsed(md.data);
	sweep_widths(doc, "deep nesting");
	const struct config *config = doc->config;
	document_free(doc);
	config_free((struct config *)config);
	buf_free(&md);
}

static void test_separators_and_folding(void)
{
	CHECK_STR(marker_separator("第一条"), "\xe3\x80\x80", "U+3000 after 第一条");
	CHECK_STR(marker_separator("（一）"), "", "nothing after （一）");
	CHECK_STR(marker_separator("(一)"), "", "nothing after (一)");
	CHECK_STR(marker_separator("1、"), "", "nothing after 1、");
	CHECK_STR(marker_separator("1."), " ", "a space after 1.");
	CHECK_STR(marker_separator("Article 1"), " ", "a space after Article 1");
	/* 10 columns: a cut before ， would start a line with it; the cut moves back */
	const char *s = "一二三四五，六七八九十";
	size_t np;
	int *cols;
	size_t *pieces = fold_columns(s, strlen(s), 10, &np, &cols);
	CHECK(np == 3 && pieces[0] == 12 && pieces[1] == 15, "fold keeps ， after its character (%zu pieces)", np);
	CHECK(np == 3 && cols[0] == 8 && cols[1] == 10 && cols[2] == 4, "the columns of each piece: 8, 10, 4");
	free(pieces);
	free(cols);
	s = "一二三四（五六七八";
	pieces = fold_columns(s, strlen(s), 10, &np, NULL);
	CHECK(np == 2 && pieces[0] == 12, "fold does not end a piece with （ (%zu pieces)", np);
	free(pieces);
	char *text = NULL;
	const char *md = "甲乙\n丙丁 *戊* `x`\nabc\ndef";
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	text = leaf_plain(cmark_node_first_child(doc));
	CHECK_STR(text, "甲乙丙丁 戊 x abc def", "soft breaks join Chinese lines, space elsewhere");
	free(text);
	cmark_node_free(doc);
	/* a link's address follows its text, in （） after a wide character
	 * (the last of the text as written, spaces and soft breaks too) */
	static const char *const links[][2] = {
		{"见[制度库](https://a.example/x)。", "见制度库（https://a.example/x）。"},
		{"see [the site](https://b.example/) now", "see the site <https://b.example/> now"},
		{"见[`code`](https://c.example/)", "见code <https://c.example/>"},
		{"见[制度 ](https://d.example/)", "见制度 <https://d.example/>"},
		{"[甲\n乙](https://e.example/)", "甲乙（https://e.example/）"},
		{"[https://f.example/](https://f.example/)", "https://f.example/"},
	};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		doc = cmark_parse_document(links[i][0], strlen(links[i][0]), CMARK_OPT_DEFAULT);
		text = leaf_plain(cmark_node_first_child(doc));
		CHECK_STR(text, links[i][1], "link target %zu: %s", i, links[i][1]);
		free(text);
		cmark_node_free(doc);
	}
}

/* Every policy of the sample corpus and of the golden build tests keeps the
 * promises at every width (run from the top of the repository). */
static void test_corpus_sweep(void)
{
	static const char *const dirs[] = {"policies", "tests/build/text-articles/input",
					   "tests/build/text-schemes/input"};
	int swept = 0;
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		DIR *dir = opendir(dirs[d]);
		if (!dir)
			continue;
		char **names = NULL;
		size_t n = 0, cap = 0;
		for (struct dirent *e; (e = readdir(dir));) {
			size_t len = strlen(e->d_name);
			if (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0)
				ARRAY_PUSH(names, n, cap, xasprintf("%s/%s", dirs[d], e->d_name));
		}
		closedir(dir);
		for (size_t i = 0; i < n; i++) {
			size_t len;
			char *src = read_file(names[i], &len);
			if (src) {
				struct document *doc = parsed(src);
				sweep_widths(doc, names[i]);
				const struct config *config = doc->config;
				document_free(doc);
				config_free((struct config *)config);
				swept++;
			}
			free(src);
			free(names[i]);
		}
		free(names);
	}
	CHECK(swept >= 3, "%d policies swept", swept);
}

/* ---- control characters ---- */

/* plain_value as a byte at a time reading: C0 controls and DEL go, tab and
 * CR become a space, C1 controls (C2 80..9F) go, U+2028 and U+2029 become a
 * space; the rest, broken sequences among it, stays. */
static char *plain_value_bytewise(const char *s)
{
	struct buf b = {0};
	buf_puts(&b, "");
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t line_end = i;
		while (line_end < n && s[line_end] != '\n')
			line_end++;
		if (c == '\n') {
			buf_putc(&b, '\n');
			i++;
		} else if (c == 0xc2 && i + 1 < line_end && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
			i += 2;
		} else if (c == 0xe2 && i + 2 < line_end && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
			buf_putc(&b, ' ');
			i += 3;
		} else if (c < 0x20 || c == 0x7f) {
			if (c == '\t' || c == '\r')
				buf_putc(&b, ' ');
			i++;
		} else {
			buf_putc(&b, (char)c);
			i++;
		}
	}
	return buf_take(&b);
}

/* The control characters of a text are found 16 or 8 bytes at a time: on
 * random texts, with controls at every offset of a block and the bytes that
 * look like them (“ E2 80 9C, NBSP C2 A0, a lone C2 or E2 80 at a line's
 * end), each must be found as a byte at a time reading finds it. */
static void test_control_characters(void)
{
	static const char *const pool[] = {
		"中", "文", "a", "bc", " ", "\t", "\r", "\n", "\x01", "\x1f", "\x7f", "\xc2\x85", "\xc2\x9f",
		"\xc2\xa0", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x9c", "\xe2\x80\x94", "\xe2\x80", "\xc2",
		"\xc3\xa9", "，", "0123456789abcdef",
	};
	const size_t npool = sizeof pool / sizeof pool[0];
	uint64_t state = 0x9E3779B97F4A7C15ull;
	size_t differ = 0;
	for (int t = 0; t < 20000; t++) {
		struct buf text = {0};
		buf_puts(&text, "");
		size_t len = (size_t)(t % 60);
		for (size_t k = 0; k < len; k++) {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			/* mostly plain text, so that whole blocks are passed over too */
			size_t pick = (size_t)(state >> 20) % (4 * npool);
			buf_puts(&text, pool[pick < npool ? pick : pick % 2 ? 0 : npool - 1]);
		}
		char *got = plain_value(text.data), *want = plain_value_bytewise(text.data);
		if (strcmp(got, want) != 0 && differ++ < 3)
			printf("    [%s]: [%s], a byte at a time [%s]\n", text.data, got, want);
		free(got);
		free(want);
		buf_free(&text);
	}
	CHECK(differ == 0, "control characters found as a byte at a time reading finds them (%zu of 20000 texts differ)",
	      differ);
}

int main(void)
{
	test_articles_layout();
	test_wrapping_continuation();
	test_status_and_english();
	test_code_quote_rule();
	test_table_shrinks();
	test_pnode_inside_block();
	test_outline_and_decimal();
	test_scheme_titles_and_nesting();
	test_pipeline();
	test_deep_nesting();
	test_corpus_sweep();
	test_separators_and_folding();
	test_control_characters();
	UNIT_END();
}
