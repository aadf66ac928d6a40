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
	form_text_free(r->forms);
	free(r);
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
	char *first = english(ctx) ? xasprintf("%s: ", label.en) : xasprintf("%s：", label.zh);
	size_t label_cols = text_width(first, strlen(first));
	if ((int)label_cols + longest_token(value) > ctx->out.width) {
		/* the value cannot follow its label: it goes below it */
		tout_wrap(&ctx->out, first, "", "");
		tout_wrap(&ctx->out, value, "", "");
		free(first);
		free(plain);
		return;
	}
	struct buf rest = {0};
	for (size_t n = label_cols; n > 0; n--)
		buf_putc(&rest, ' ');
	tout_wrap(&ctx->out, value, first, rest.data ? rest.data : "");
	buf_free(&rest);
	free(first);
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

static char *own_text(const struct pnode *n)
{
	return n->text ? inline_plain(n->text, n->skip, n->stop) : xstrdup("");
}

/* The node's text without its title, when the text repeats it (a heading
 * whose text range covers the title). */
static char *body_text(const struct pnode *n)
{
	char *text = own_text(n);
	size_t tlen = n->title ? strlen(n->title) : 0;
	if (tlen == 0 || strncmp(text, n->title, tlen) != 0)
		return text;
	const char *rest = text + tlen;
	for (;;) {
		if (*rest == ' ')
			rest++;
		else if (str_starts_with(rest, IDEOGRAPHIC_SPACE))
			rest += strlen(IDEOGRAPHIC_SPACE);
		else
			break;
	}
	char *body = xstrdup(rest);
	free(text);
	return body;
}

/* Between a title and the text after it. */
static const char *title_separator(const struct text_ctx *ctx)
{
	return english(ctx) ? " \xe2\x80\x94 " : IDEOGRAPHIC_SPACE; /* " — " */
}

/* marker, title and body joined: 第一条　目的　加强… */
static char *compose(const struct text_ctx *ctx, const char *marker, const char *title,
		     const char *body)
{
	struct buf b = {0};
	const char *sep = marker_separator(marker);
	if (marker)
		buf_puts(&b, marker);
	if (title && *title) {
		if (b.len)
			buf_puts(&b, sep);
		buf_puts(&b, title);
		sep = title_separator(ctx);
	}
	if (body && *body) {
		if (b.len)
			buf_puts(&b, sep);
		buf_puts(&b, body);
	}
	return buf_take(&b);
}

/* A heading-form article (`## 第一条 目的`) has no text of its own: its
 * first paragraph is written on the marker's line. */
static bool takes_first_paragraph(const struct pnode *article)
{
	const struct pnode *p = article->first;
	if (!p || p->level != LV_PARAGRAPH || !p->text)
		return false;
	char *body = body_text(article);
	bool empty = *body == '\0';
	free(body);
	return empty;
}

static bool on_article_line(const struct pnode *p)
{
	const struct pnode *a = p->parent;
	if (p->level != LV_PARAGRAPH || !a || a->level != LV_ARTICLE)
		return false;
	if (p->text && p->text == a->text && p->block == a->block)
		return true; /* the first 款 is the article's own text */
	return p == a->first && takes_first_paragraph(a);
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
	char *body = body_text(n);
	if (!*body && takes_first_paragraph(n)) {
		free(body);
		body = own_text(n->first);
	}
	char *text = compose(ctx, n->marker, n->title, body);
	/* outline's 1. 2. are numbered paragraphs of the official-document style:
	 * indented like every paragraph, no blank line between them */
	bool outline = ctx->doc->meta.scheme == SCHEME_OUTLINE;
	if (!outline)
		tout_blank(&ctx->out);
	tout_wrap(&ctx->out, text, outline ? ctx->indent : "", "");
	free(text);
	free(body);
}

static bool centered_headings(const struct text_ctx *ctx)
{
	enum scheme s = ctx->doc->meta.scheme;
	return s == SCHEME_ARTICLES || s == SCHEME_EN;
}

/* Chapters, sections and attachments. */
static void put_division(struct text_ctx *ctx, const struct pnode *n)
{
	char *body = body_text(n);
	char *text = compose(ctx, n->marker, n->title, body);
	if (!*text && n->block && cmark_node_get_type(n->block) == CMARK_NODE_HEADING) {
		free(text);
		text = leaf_plain(n->block);
	}
	if (!n->heading && n->level != LV_ATTACHMENT) {
		/* outline's 一、 written as a paragraph */
		tout_wrap(&ctx->out, text, ctx->indent, "");
	} else {
		tout_blank(&ctx->out);
		if (n->level != LV_ATTACHMENT && centered_headings(ctx))
			tout_center(&ctx->out, text);
		else
			tout_wrap(&ctx->out, text, "", "");
		tout_blank(&ctx->out);
	}
	free(text);
	free(body);
}

static void put_provision(struct text_ctx *ctx, const struct pnode *n)
{
	if (on_article_line(n))
		return;
	char *body = body_text(n);
	char *text = compose(ctx, n->marker, n->title, body);
	tout_wrap(&ctx->out, text, ctx->indent, "");
	free(text);
	free(body);
}

static void put_form(struct text_ctx *ctx, const struct form *form)
{
	char *grid = form_text_render(ctx->r->forms, form);
	tout_blank(&ctx->out);
	if (grid) {
		tout_lines(&ctx->out, grid);
		free(grid);
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
	struct text_ctx ctx = {.doc = doc, .r = r};
	ctx.out.width = r->width;
	ctx.indent = doc->meta.scheme == SCHEME_EN ? "    " : PARAGRAPH_INDENT;
	put_header(&ctx);
	if (doc->root)
		render_subtree(&ctx, doc->root);
	return buf_take(&ctx.out.buf);
}
