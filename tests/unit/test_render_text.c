/* test_render_text.c — the plain-text renderer (OUT/ID.txt).
 *
 * Part one builds provision trees by hand over cmark blocks, so the layout is
 * tested on exactly the tree it is given. Part two runs the real stages
 * (front matter, parse) on whole policies and checks the SPEC §9 promises over
 * widths 20..100: no line too wide, no line starting with a closing mark or
 * ending with an opening one, tables aligned. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "model.h"
#include "render.h"
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
		     "| 会议 | 说明 |\n| :-: | --: |\n"
		     "| 例会 | 每周一上午召开，由总经理主持，各部门负责人参加并汇报上周工作。 |\n",
		     SCHEME_ARTICLES);
	struct pnode *root = add(&f, NULL, LV_DOCUMENT, NULL, NULL, NULL);
	add(&f, root, LV_BLOCK, NULL, NULL, f.blocks[0]);
	for (int width = 20; width <= 80; width += 3) {
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
	CHECK(find_line(out, "│ 会议 │") >= 0, "centered column keeps its header centered");
	free(out);
	fixture_free(&f);
}

int main(void)
{
	test_articles_layout();
	test_wrapping_continuation();
	test_status_and_english();
	test_code_quote_rule();
	test_table_shrinks();
	UNIT_END();
}
