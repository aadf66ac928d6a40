/* render_text_block.c — the cmark blocks kept as LV_BLOCK: lists, block
 * quotes, code, tables, headings, thematic breaks, plain paragraphs.
 *
 * Containers indent as blocks: a list item's wrapped lines hang under its text
 * (after "• " or "1. "), a quote's lines are indented by two U+3000. Only a
 * paragraph standing directly in the provision text gets the first-line indent
 * of the body text. */
#include "render_text_impl.h"

#include <stdlib.h>
#include <string.h>

#include "textwidth.h"

#define CODE_INDENT "    "
#define HRULE "\xe2\x94\x80" /* ─ */

enum frame_kind { FRAME_ROOT, FRAME_LIST, FRAME_ITEM, FRAME_QUOTE };

struct frame {
	enum frame_kind kind;
	cmark_node *node;
	char *cont;    /* prefix of every line after the first, and of inner blocks */
	char *pending; /* FRAME_ITEM: "• " prefix for the item's first line, until used */
	int number;    /* FRAME_LIST: the next ordered number; 0 for bullets */
	char delim;    /* FRAME_LIST: '.' or ')' */
	int depth;     /* FRAME_LIST: nesting of lists */
};

struct block_walk {
	struct text_ctx *ctx;
	struct text_out *o;
	struct frame *frames;
	size_t nframes, cap;
};

static struct frame *top(struct block_walk *w)
{
	return &w->frames[w->nframes - 1];
}

static void push(struct block_walk *w, struct frame f)
{
	ARRAY_PUSH(w->frames, w->nframes, w->cap, f);
}

static void pop(struct block_walk *w)
{
	struct frame *f = top(w);
	if (f->pending) /* an item with nothing in it still shows its bullet */
		tout_line(w->o, f->pending, strlen(f->pending));
	free(f->cont);
	free(f->pending);
	w->nframes--;
}

/* base + more, unless that would take more than half the page: deeper
 * nesting than a page can show stays at the deepest indent it can. */
static char *deeper(const struct block_walk *w, const char *base, const char *more)
{
	size_t cols = text_width(base, strlen(base)) + text_width(more, strlen(more));
	if ((int)cols > w->o->width / 2)
		return xstrdup(base);
	return xasprintf("%s%s", base, more);
}

/* The innermost frame that holds blocks (lists hold only items). */
static struct frame *holder(struct block_walk *w)
{
	size_t i = w->nframes;
	while (i > 1 && w->frames[i - 1].kind == FRAME_LIST)
		i--;
	return &w->frames[i - 1];
}

/* Prefix of a leaf block's first line; consumes an item's bullet. */
static char *first_prefix(struct block_walk *w)
{
	struct frame *f = holder(w);
	if (f->pending) {
		char *p = f->pending;
		f->pending = NULL;
		return p;
	}
	if (f->kind == FRAME_ROOT)
		return xasprintf("%s%s", f->cont, w->ctx->indent);
	return xstrdup(f->cont);
}

/* Blocks that are not paragraphs put an item's bullet on a line of its own. */
static void flush_bullet(struct block_walk *w)
{
	struct frame *f = holder(w);
	if (f->pending) {
		tout_line(w->o, f->pending, strlen(f->pending));
		free(f->pending);
		f->pending = NULL;
	}
}

static void enter_list(struct block_walk *w, cmark_node *node)
{
	struct frame *h = holder(w);
	int depth = 0;
	for (size_t i = 0; i < w->nframes; i++)
		depth += w->frames[i].kind == FRAME_LIST;
	struct frame f = {.kind = FRAME_LIST, .node = node, .depth = depth};
	/* A list in the provision text starts at the paragraph indent; a nested
	 * one under its item's text. */
	f.cont = h->kind == FRAME_ROOT ? deeper(w, h->cont, w->ctx->indent) : xstrdup(h->cont);
	if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
		f.number = cmark_node_get_list_start(node);
		f.delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
	}
	flush_bullet(w);
	push(w, f);
}

static void enter_item(struct block_walk *w, cmark_node *node)
{
	struct frame *list = top(w);
	char *marker = list->number || list->delim ? xasprintf("%d%c", list->number++, list->delim)
						   : xstrdup(list->depth ? "\xe2\x97\xa6" : "\xe2\x80\xa2"); /* ◦ • */
	if (!cmark_node_get_list_tight(list->node) && cmark_node_previous(node))
		tout_blank(w->o);
	struct frame f = {.kind = FRAME_ITEM, .node = node};
	f.pending = xasprintf("%s%s ", list->cont, marker);
	struct buf hang = {0};
	for (size_t n = text_width(marker, strlen(marker)) + 1; n > 0; n--)
		buf_putc(&hang, ' ');
	f.cont = deeper(w, list->cont, hang.data);
	buf_free(&hang);
	free(marker);
	push(w, f);
}

static void enter_quote(struct block_walk *w, cmark_node *node)
{
	flush_bullet(w);
	tout_blank(w->o);
	struct frame f = {.kind = FRAME_QUOTE, .node = node};
	f.cont = deeper(w, holder(w)->cont, w->ctx->indent);
	push(w, f);
}

static void put_paragraph(struct block_walk *w, cmark_node *node, bool heading)
{
	struct frame *f = holder(w);
	if (heading || (f->kind != FRAME_ROOT && !f->pending && cmark_node_previous(node)))
		tout_blank(w->o);
	char *first = heading ? (flush_bullet(w), xstrdup(f->cont)) : first_prefix(w);
	char *text = leaf_plain(node);
	tout_wrap(w->o, text, first, f->cont);
	if (heading)
		tout_blank(w->o);
	free(text);
	free(first);
}

static void put_code(struct block_walk *w, cmark_node *node, bool html)
{
	const char *lit = cmark_node_get_literal(node);
	lit = lit ? lit : "";
	if (html && str_starts_with(lit, "<!--"))
		return; /* a comment is not meant to be read */
	flush_bullet(w);
	tout_blank(w->o);
	char *indent = xasprintf("%s%s", holder(w)->cont, html ? "" : CODE_INDENT);
	size_t n = strlen(lit);
	while (n > 0 && lit[n - 1] == '\n')
		n--;
	for (size_t i = 0; i < n;) {
		const char *end = memchr(lit + i, '\n', n - i);
		size_t len = end ? (size_t)(end - (lit + i)) : n - i;
		if (len > 0 && lit[i + len - 1] == '\r')
			len--;
		tout_verbatim(w->o, lit + i, len, indent);
		i += len + 1;
		if (i < n && lit[i - 1] == '\r')
			i++;
	}
	free(indent);
	tout_blank(w->o);
}

static void put_rule(struct block_walk *w)
{
	flush_bullet(w);
	const char *cont = holder(w)->cont;
	int n = w->o->width - (int)text_width(cont, strlen(cont));
	struct buf b = {0};
	buf_puts(&b, cont);
	if (n > 0)
		buf_put_repeat(&b, HRULE, strlen(HRULE), (size_t)n);
	tout_blank(w->o);
	tout_line(w->o, b.data, b.len);
	tout_blank(w->o);
	buf_free(&b);
}

static bool is_table(cmark_node *node)
{
	return strcmp(cmark_node_get_type_string(node), "table") == 0;
}

/* Renders a block that holds no other blocks; false for containers. */
static bool put_leaf(struct block_walk *w, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		put_paragraph(w, node, false);
		return true;
	case CMARK_NODE_HEADING:
		put_paragraph(w, node, true);
		return true;
	case CMARK_NODE_CODE_BLOCK:
		put_code(w, node, false);
		return true;
	case CMARK_NODE_HTML_BLOCK:
		put_code(w, node, true);
		return true;
	case CMARK_NODE_THEMATIC_BREAK:
		put_rule(w);
		return true;
	default:
		if (!is_table(node))
			return false;
		flush_bullet(w);
		render_table(w->o, node, holder(w)->cont);
		return true;
	}
}

/* Renders the child pnodes whose block is `node`: child pnodes stand in
 * document order, so only the next one not yet rendered (and those after it
 * on the same block) can match. True if any did. */
static bool put_child_pnodes(struct block_walk *w, const struct pnode **next, cmark_node *node)
{
	bool any = false;
	while (*next && (*next)->block == node) {
		flush_bullet(w);
		render_subtree(w->ctx, *next);
		*next = (*next)->next;
		any = true;
	}
	return any;
}

void render_cmark_block(struct text_ctx *ctx, struct text_out *o, const struct pnode *owner)
{
	cmark_node *block = owner->block;
	const struct pnode *next = owner->first;
	struct block_walk w = {.ctx = ctx, .o = o};
	/* A list or table that belongs to an item 项 or sub-item 目 is indented
	 * one step further than the items, so that it reads as theirs. */
	const struct pnode *parent = owner->parent;
	bool under_item = parent && (parent->level == LV_ITEM || parent->level == LV_SUBITEM ||
				     parent->level == LV_SUBSUBITEM);
	push(&w, (struct frame){.kind = FRAME_ROOT, .cont = under_item ? item_indent(ctx, parent) : xstrdup("")});
	cmark_iter *iter = block ? cmark_iter_new(block) : NULL;
	cmark_event_type ev;
	while (iter && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		if (ev == CMARK_EVENT_EXIT) {
			if (w.nframes > 1 && top(&w)->node == node) {
				if (top(&w)->kind == FRAME_QUOTE)
					tout_blank(o);
				pop(&w);
			}
			continue;
		}
		if (node != block && put_child_pnodes(&w, &next, node)) {
			cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
			continue;
		}
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_LIST:
			enter_list(&w, node);
			break;
		case CMARK_NODE_ITEM:
			if (top(&w)->kind == FRAME_LIST)
				enter_item(&w, node);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			enter_quote(&w, node);
			break;
		default:
			if (put_leaf(&w, node))
				cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
			break;
		}
	}
	if (iter)
		cmark_iter_free(iter);
	while (w.nframes > 0)
		pop(&w);
	free(w.frames);
	/* Child pnodes whose block was not met (should not happen) still show. */
	for (; next; next = next->next)
		render_subtree(ctx, next);
}
