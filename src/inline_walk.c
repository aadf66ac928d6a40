/* inline_walk.c — the running text of the provision tree (see inline_walk.h). */
#include "inline_walk.h"

#include <stdint.h>

#include <string.h>

#include "util.h"

static bool is_block_type(cmark_node_type type)
{
	return (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

const struct pnode *pnode_next_preorder(const struct pnode *node)
{
	if (node->first)
		return node->first;
	while (node && !node->next)
		node = node->parent;
	return node ? node->next : NULL;
}

void literal_length_keep(cmark_node *node, const char *lit, size_t made)
{
	size_t len = made - 1;
	if (!lit || made == 0 || lit[len] != '\0' || (len > 0 && lit[len - 1] == '\0'))
		len = lit ? strlen(lit) : 0;
	/* odd, where the pnode a block holds (parse.c) is an aligned pointer */
	cmark_node_set_user_data(node, (void *)(uintptr_t)(len << 1 | 1));
}

size_t literal_length(cmark_node *node, const char *lit)
{
	uintptr_t kept = (uintptr_t)cmark_node_get_user_data(node);
	if (kept & 1) /* a length; a block's user data is its pnode, or none */
		return kept >> 1;
	return lit ? strlen(lit) : 0;
}

void text_walk_free(struct text_walk *walk)
{
	if (walk->iter)
		cmark_iter_free(walk->iter);
	walk->iter = NULL;
}

/* Whether a pnode holds the block (parse.c's mark). */
static bool is_owned(cmark_node *block)
{
	return cmark_node_get_user_data(block) != NULL;
}

static bool is_inside(cmark_node *node, cmark_node *ancestor)
{
	for (; node; node = cmark_node_parent(node))
		if (node == ancestor)
			return true;
	return false;
}

/* <https://…>, <a@b.c> and the autolink extension's bare URLs: a link whose
 * text is its own destination is an address, not prose. */
static bool is_autolink(cmark_node *link)
{
	cmark_node *text = cmark_node_first_child(link);
	if (!text || cmark_node_next(text) || cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return false;
	const char *url = cmark_node_get_url(link), *lit = cmark_node_get_literal(text);
	if (!url || !lit)
		return false;
	size_t ul = strlen(url), ll = literal_length(text, lit);
	return ul >= ll && strcmp(url + (ul - ll), lit) == 0 &&
	       (ul == ll || strncmp(url, "mailto:", ul - ll) == 0 || strncmp(url, "http://", ul - ll) == 0);
}

struct emitter {
	piece_fn fn;
	void *ctx;
	enum piece_kind last;
	bool any;
};

static void emit(struct emitter *e, enum piece_kind kind, cmark_node *node, const char *lit,
		 size_t base)
{
	if (kind == PIECE_END && (!e->any || e->last == PIECE_END))
		return;
	struct piece p = {kind, node, NULL, 0, base};
	if (lit) {
		size_t n = literal_length(node, lit);
		if (p.base > n)
			p.base = n;
		p.s = lit + p.base;
		p.len = n - p.base;
	}
	e->fn(e->ctx, &p);
	e->last = kind;
	e->any = true;
}

/* An iterator over the whole tree that holds node, reset to node: making
 * one per walk cost more than most walks. Unlike an iterator made on node,
 * it runs on past node's exit, which the walk watches for. */
static cmark_iter *iterator_at(struct text_walk *walk, cmark_node *node)
{
	if (!walk->iter) {
		cmark_node *root = node;
		while (cmark_node_parent(root))
			root = cmark_node_parent(root);
		walk->iter = cmark_iter_new(root);
	}
	cmark_iter_reset(walk->iter, node, CMARK_EVENT_ENTER);
	return walk->iter;
}

void pnode_walk_inline(struct text_walk *walk, const struct pnode *node, piece_fn fn, void *ctx)
{
	bool whole = node->level == LV_BLOCK;
	if (!node->block || (!whole && !node->text))
		return;
	/* A block without children (a code block, a thematic break) has no
	 * text; the shared iterator would not stop after such a leaf. */
	if (!cmark_node_first_child(node->block))
		return;

	struct emitter e = {fn, ctx, PIECE_END, false};
	bool started = whole, first_text = true;
	/* A node's text starts inside its block: the walk starts there, as
	 * nothing before it is reported (a block's end is not before anything
	 * is). Walked from the block's start, a paragraph of thousands of marked
	 * lines took time quadratic in them, once per line. */
	cmark_node *from = whole || !is_inside(node->text, node->block) ? node->block : node->text;
	cmark_iter *it = iterator_at(walk, from);
	cmark_event_type ev = CMARK_EVENT_ENTER;
	/* the first event is the entry of `from`, which the reset stands on */
	for (cmark_node *n = from; ev != CMARK_EVENT_DONE;
	     ev = cmark_iter_next(it), n = cmark_iter_get_node(it)) {
		cmark_node_type type = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if (is_block_type(type))
				emit(&e, PIECE_END, n, NULL, 0);
			if (n == node->block)
				break;
			continue;
		}
		if (!whole && n == node->stop)
			break;
		/* The block of another pnode (a sub-item list inside an item, say)
		 * is that pnode's text, unless node's own text starts inside it. */
		if (n != node->block && is_block_type(type) && is_owned(n) &&
		    !(node->text && is_inside(node->text, n))) {
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		if (!started) {
			if (n != node->text)
				continue;
			started = true;
		}
		switch (type) {
		case CMARK_NODE_TEXT:
			emit(&e, PIECE_TEXT, n, cmark_node_get_literal(n), first_text && !whole ? node->skip : 0);
			first_text = false;
			break;
		case CMARK_NODE_SOFTBREAK:
			emit(&e, PIECE_SPACE, n, NULL, 0);
			break;
		case CMARK_NODE_LINEBREAK:
			emit(&e, PIECE_END, n, NULL, 0);
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			emit(&e, PIECE_OPAQUE, n, NULL, 0);
			break;
		case CMARK_NODE_IMAGE:
			emit(&e, PIECE_OPAQUE, n, NULL, 0);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_LINK:
			if (is_autolink(n)) {
				emit(&e, PIECE_OPAQUE, n, NULL, 0);
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			}
			break;
		default: /* emphasis, links, containers: their text is walked */
			break;
		}
	}
	emit(&e, PIECE_END, node->block, NULL, 0);
}
