/* render_text.c — OUT/ID.txt: the policy as plain text (SPEC §9).
 * The layout scheme is described in render_text_impl.h. */
#include "render.h"
#include "render_text_impl.h"

#include <stdlib.h>
#include <string.h>

#include "textwidth.h"

#define MIN_WIDTH 10

struct text_renderer *text_new(int width)
{
	struct text_renderer *r = xcalloc(1, sizeof(*r));
	r->width = width < MIN_WIDTH ? MIN_WIDTH : width;
	r->forms = form_text_new(r->width);
	return r;
}

void text_free(struct text_renderer *r)
{
	if (!r)
		return;
	kept_grids_free(&r->grids);
	form_text_free(r->forms);
	free(r);
}

char *text_take_form_grid(struct text_renderer *r, const struct form *form, const struct form_text *as)
{
	if (!form_text_same(r->forms, as))
		return NULL;
	return kept_grids_take(&r->grids, form);
}

static bool english(const struct text_ctx *ctx)
{
	return ctx->doc->meta.scheme == SCHEME_EN;
}

/* ---- the head of the document: title and front matter ---- */

struct meta_label {
	const char *zh, *en;
};

static const char *status_name(const char *status, bool en)
{
	static const struct {
		const char *key, *zh, *en;
	} names[] = {
		{"draft", "草案", "Draft"},
		{"active", "现行", "Active"},
		{"superseded", "已被替代", "Superseded"},
		{"repealed", "已废止", "Repealed"},
	};
	if (!status)
		status = "active";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(status, names[i].key) == 0)
			return en ? names[i].en : names[i].zh;
	return status;
}

/* "编号：X" with wrapped lines hanging under the value. */
static void put_meta(struct text_ctx *ctx, struct meta_label label, const char *value)
{
	if (!value || !*value)
		return;
	char *plain = plain_value(value);
	value = plain;
	struct buf label_text = {0};
	buf_puts(&label_text, english(ctx) ? label.en : label.zh);
	buf_puts(&label_text, english(ctx) ? ": " : "：");
	const char *first = label_text.data;
	size_t label_cols = text_width(first, label_text.len);
	/* a token is never wider than its line: most values fit whole, and
	 * their tokens need no measuring */
	if ((int)(label_cols + widest_line(value)) > ctx->out.width &&
	    (int)label_cols + longest_token(value) > ctx->out.width) {
		/* the value cannot follow its label: it goes below it */
		tout_wrap(&ctx->out, first, "", "");
		tout_wrap(&ctx->out, value, "", "");
		buf_free(&label_text);
		free(plain);
		return;
	}
	struct buf rest = {0};
	buf_put_repeat(&rest, " ", 1, label_cols);
	tout_wrap(&ctx->out, value, first, rest.data ? rest.data : "");
	buf_free(&rest);
	buf_free(&label_text);
	free(plain);
}

/* A list value joined with 、 (", " in English). */
static void put_meta_list(struct text_ctx *ctx, struct meta_label label, char *const *items, size_t n)
{
	struct buf list = {0};
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&list, english(ctx) ? ", " : "、");
		buf_puts(&list, items[i]);
	}
	put_meta(ctx, label, list.data);
	buf_free(&list);
}

/* The revision history as a ruled table under its caption. */
static void put_revisions(struct text_ctx *ctx)
{
	const struct meta *m = &ctx->doc->meta;
	if (m->nrevisions == 0)
		return;
	bool en = english(ctx);
	const char **cells = xcalloc((m->nrevisions + 1) * 3, sizeof(*cells));
	cells[0] = en ? "Version" : "版本";
	cells[1] = en ? "Date" : "日期";
	cells[2] = en ? "Note" : "说明";
	for (size_t i = 0; i < m->nrevisions; i++) {
		cells[3 * (i + 1)] = m->revisions[i].version;
		cells[3 * (i + 1) + 1] = m->revisions[i].date;
		cells[3 * (i + 1) + 2] = m->revisions[i].note;
	}
	render_text_grid(&ctx->out, en ? "Revisions" : "修订记录", cells, m->nrevisions + 1, 3);
	free(cells);
}

static void put_header(struct text_ctx *ctx)
{
	const struct meta *m = &ctx->doc->meta;
	const char *title = m->title && *m->title ? m->title : m->id;
	if (title) {
		char *plain = plain_value(title);
		tout_center(&ctx->out, plain);
		tout_blank(&ctx->out);
		free(plain);
	}
	bool en = english(ctx);
	put_meta(ctx, (struct meta_label){"编号", "Number"}, m->id);
	put_meta(ctx, (struct meta_label){"版本", "Version"}, m->version);
	put_meta(ctx, (struct meta_label){"制订部门", "Owner"}, m->owner);
	put_meta(ctx, (struct meta_label){"生效日期", "Effective"}, m->effective);
	if (title) /* no front matter at all: no status to default to */
		put_meta(ctx, (struct meta_label){"状态", "Status"}, status_name(m->status, en));
	put_meta(ctx, (struct meta_label){"审批人", "Approved by"}, m->approved_by);
	put_meta_list(ctx, (struct meta_label){"替代", "Supersedes"}, m->supersedes, m->nsupersedes);
	put_meta_list(ctx, (struct meta_label){"标签", "Tags"}, m->tags, m->ntags);
	put_revisions(ctx);
	tout_blank(&ctx->out);
}

/* ---- provisions ---- */

/* The node's own text, in b (emptied first). */
static void own_text(struct buf *b, const struct pnode *n)
{
	buf_reset(b);
	if (n->text)
		inline_plain_into(b, n->text, n->skip, n->stop);
}

/* The node's text in b; returns where in b it starts without its title,
 * when the text repeats it (a heading whose text range covers the title).
 * An offset, not a pointer: compose knows the body's length from it. */
static size_t body_text(struct buf *b, const struct pnode *n)
{
	own_text(b, n);
	size_t tlen = n->title ? strlen(n->title) : 0;
	if (tlen == 0 || tlen > b->len || memcmp(b->data, n->title, tlen) != 0)
		return 0;
	size_t rest = tlen;
	for (;;) {
		if (b->data[rest] == ' ')
			rest++;
		else if (str_starts_with(b->data + rest, IDEOGRAPHIC_SPACE))
			rest += strlen(IDEOGRAPHIC_SPACE);
		else
			break;
	}
	return rest;
}

/* Between a title and the text after it. */
static const char *title_separator(const struct text_ctx *ctx)
{
	return english(ctx) ? " \xe2\x80\x94 " : IDEOGRAPHIC_SPACE; /* " — " */
}

/* marker, title and body joined: 第一条　目的　加强… (in ctx->composed); the
 * body is ctx->body from `body_from` on (body_text). */
static const char *compose(struct text_ctx *ctx, const char *marker, const char *title, size_t body_from)
{
	struct buf *b = &ctx->composed;
	buf_reset(b);
	const char *sep = marker_separator(marker);
	if (marker)
		buf_puts(b, marker);
	if (title && *title) {
		if (b->len)
			buf_puts(b, sep);
		buf_puts(b, title);
		sep = title_separator(ctx);
	}
	if (b->len == 0) /* no marker, no title: the body itself, not a copy */
		return ctx->body.len > body_from ? ctx->body.data + body_from : "";
	if (ctx->body.len > body_from) {
		buf_puts(b, sep);
		buf_put(b, ctx->body.data + body_from, ctx->body.len - body_from);
	}
	return b->data;
}

/* Schemes outline and decimal number their headings as titles (GB/T 9704's
 * 一、 （一）, GB/T 1.1's 2.1): a heading clause with a title stands on a
 * line of its own, its text below it. */
static bool titled_clause(const struct text_ctx *ctx, const struct pnode *article)
{
	enum scheme s = ctx->doc->meta.scheme;
	return (s == SCHEME_OUTLINE || s == SCHEME_DECIMAL) && article->heading && article->title &&
	       *article->title;
}

/* A heading-form article (`## 第一条 目的`) has no text of its own: its
 * first paragraph is written on the marker's line (第一条　目的　为加强…),
 * except a titled clause's. Whether it may, when its own text is empty: */
static bool may_take_first_paragraph(const struct text_ctx *ctx, const struct pnode *article)
{
	const struct pnode *p = article->first;
	return p && p->level == LV_PARAGRAPH && p->text && !titled_clause(ctx, article);
}

static bool on_article_line(struct text_ctx *ctx, const struct pnode *p)
{
	const struct pnode *a = p->parent;
	if (p->level != LV_PARAGRAPH || !a || a->level != LV_ARTICLE)
		return false;
	if (p->text && p->text == a->text && p->block == a->block)
		return true; /* the first 款 is the article's own text */
	return p == a->first && may_take_first_paragraph(ctx, a) && body_text(&ctx->probe, a) == ctx->probe.len;
}

static bool is_text_block(cmark_node *block)
{
	if (!block)
		return true;
	cmark_node_type t = cmark_node_get_type(block);
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM;
}

static void put_article(struct text_ctx *ctx, const struct pnode *n)
{
	size_t body = body_text(&ctx->body, n);
	if (body == ctx->body.len && may_take_first_paragraph(ctx, n)) {
		own_text(&ctx->body, n->first);
		body = 0;
	}
	const char *text = compose(ctx, n->marker, n->title, body);
	/* outline's 1. 2. are numbered paragraphs of the official-document style:
	 * indented like every paragraph, no blank line between them */
	bool outline = ctx->doc->meta.scheme == SCHEME_OUTLINE;
	if (!outline)
		tout_blank(&ctx->out);
	tout_wrap(&ctx->out, text, outline ? ctx->indent : "", "");
}

static bool centered_headings(const struct text_ctx *ctx)
{
	enum scheme s = ctx->doc->meta.scheme;
	return s == SCHEME_ARTICLES || s == SCHEME_EN;
}

/* Outline's 一、 and （一）, heading or paragraph alike: lines of the text,
 * indented like every level (GB/T 9704). A blank line sets apart each 一、
 * and a （一） that follows the items or paragraphs of the one before it, so
 * that a part reads as a block and （二） never seems to go on a list. */
static void put_outline_division(struct text_ctx *ctx, const struct pnode *n, const char *text)
{
	bool after_deeper = n->prev && n->prev->level == n->level && n->prev->first;
	if (n->level == LV_CHAPTER || after_deeper)
		tout_blank(&ctx->out);
	tout_wrap(&ctx->out, text, ctx->indent, "");
}

/* Chapters, sections and attachments. */
static void put_division(struct text_ctx *ctx, const struct pnode *n)
{
	const char *text = compose(ctx, n->marker, n->title, body_text(&ctx->body, n));
	char *heading = NULL;
	if (!*text && n->block && cmark_node_get_type(n->block) == CMARK_NODE_HEADING)
		text = heading = leaf_plain(n->block);
	if (ctx->doc->meta.scheme == SCHEME_OUTLINE && n->level != LV_ATTACHMENT) {
		put_outline_division(ctx, n, text);
	} else {
		/* decimal's 3 考核 written as a paragraph is a title as much as # 3 考核 */
		tout_blank(&ctx->out);
		if (n->level != LV_ATTACHMENT && centered_headings(ctx))
			tout_center(&ctx->out, text);
		else
			tout_wrap(&ctx->out, text, "", "");
		tout_blank(&ctx->out);
	}
	free(heading);
}

static bool is_item(const struct pnode *n)
{
	return n->level == LV_ITEM || n->level == LV_SUBITEM || n->level == LV_SUBSUBITEM;
}

/* Lists of GB/T 1.1 (a) 1)) and of English policies ((a) (i) 1.) nest: each
 * level one indent further in, wrapped lines hanging under the item's text.
 * The Chinese articles and outline keep every 项 and 目 at the paragraph
 * indent, as official documents set them. */
static bool nested_items(const struct text_ctx *ctx)
{
	enum scheme s = ctx->doc->meta.scheme;
	return s == SCHEME_DECIMAL || s == SCHEME_EN;
}

char *item_indent(const struct text_ctx *ctx, const struct pnode *item)
{
	if (!nested_items(ctx))
		return xstrdup(ctx->indent);
	size_t depth = 0;
	for (const struct pnode *p = item; p && is_item(p); p = p->parent)
		depth++;
	size_t step = strlen(ctx->indent);
	/* deeper than half the page, the list stops going in */
	while (depth > 1 && (int)(depth * text_width(ctx->indent, step)) > ctx->out.width / 2)
		depth--;
	char *indent = xmalloc(depth * step + 1);
	for (size_t i = 0; i < depth; i++)
		memcpy(indent + i * step, ctx->indent, step);
	indent[depth * step] = '\0';
	return indent;
}

static void put_nested_item(struct text_ctx *ctx, const struct pnode *n, const char *text)
{
	char *first = item_indent(ctx, n);
	struct buf rest = {0};
	buf_puts(&rest, first);
	if (n->marker && *n->marker) {
		size_t hang = text_width(n->marker, strlen(n->marker));
		const char *sep = marker_separator(n->marker);
		hang += text_width(sep, strlen(sep));
		for (; hang > 0; hang--)
			buf_putc(&rest, ' ');
	}
	/* a hang that leaves less than half the page is not kept: the lines
	 * after the first go back to the item's own indent */
	tout_wrap(&ctx->out, text, first,
		  (int)text_width(rest.data, rest.len) > ctx->out.width / 2 ? first : rest.data);
	free(first);
	buf_free(&rest);
}

static void put_provision(struct text_ctx *ctx, const struct pnode *n)
{
	if (on_article_line(ctx, n))
		return;
	const char *text = compose(ctx, n->marker, n->title, body_text(&ctx->body, n));
	if (is_item(n) && nested_items(ctx))
		put_nested_item(ctx, n, text);
	else
		tout_wrap(&ctx->out, text, ctx->indent, "");
}

static void put_form(struct text_ctx *ctx, const struct form *form)
{
	char *grid = form_text_render(ctx->r->forms, form);
	tout_blank(&ctx->out);
	if (grid) {
		tout_lines(&ctx->out, grid);
		/* kept: build writes it as the form's own text too */
		kept_grids_keep(&ctx->r->grids, form, grid);
	} else {
		char *line = xasprintf("%s%s", english(ctx) ? "Form: " : "表：", form->title ? form->title : "");
		tout_wrap(&ctx->out, line, "", "");
		free(line);
	}
	tout_blank(&ctx->out);
}

/* Renders one node; returns whether its child nodes are still to render. */
static bool render_node(struct text_ctx *ctx, const struct pnode *n)
{
	switch (n->level) {
	case LV_DOCUMENT:
		return true;
	case LV_CHAPTER:
	case LV_SECTION:
	case LV_ATTACHMENT:
		put_division(ctx, n);
		return true;
	case LV_ARTICLE:
		put_article(ctx, n);
		return true;
	case LV_PARAGRAPH:
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		if (!n->text && !is_text_block(n->block)) {
			render_cmark_block(ctx, &ctx->out, n); /* a 款 that is a table, a list … */
			return false;
		}
		put_provision(ctx, n);
		return true;
	case LV_BLOCK:
		if (n->form)
			put_form(ctx, n->form);
		else
			render_cmark_block(ctx, &ctx->out, n);
		return false;
	default:
		return true;
	}
}

void render_subtree(struct text_ctx *ctx, const struct pnode *top)
{
	const struct pnode *n = top;
	while (n) {
		if (render_node(ctx, n) && n->first) {
			n = n->first;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent;
		n = n == top ? NULL : n->next;
	}
}

char *text_render(struct text_renderer *r, const struct document *doc)
{
	if (!r || !doc)
		return NULL;
	kept_grids_drop(&r->grids); /* the last document's, which build did not take */
	struct text_ctx ctx = {.doc = doc, .r = r};
	ctx.out.width = r->width;
	ctx.indent = doc->meta.scheme == SCHEME_EN ? "    " : PARAGRAPH_INDENT;
	/* the text is about as long as the source and a half (indents, rules) */
	buf_expect(&ctx.out.buf, doc->len + doc->len / 2);
	put_header(&ctx);
	if (doc->root)
		render_subtree(&ctx, doc->root);
	buf_free(&ctx.body);
	buf_free(&ctx.composed);
	buf_free(&ctx.probe);
	buf_free(&ctx.out.wrapped);
	return buf_take(&ctx.out.buf);
}
