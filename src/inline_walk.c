/* inline_walk.c — the running text of the provision tree (see inline_walk.h). */
#include "inline_walk.h"

#include <stdint.h>
#include <stdlib.h>
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

static int compare_pointers(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(cmark_node *const *)a, y = (uintptr_t)*(cmark_node *const *)b;
	return x < y ? -1 : x > y;
}

void block_owners_init(struct block_owners *owners, const struct pnode *root)
{
	/* counted first: one allocation instead of a dozen as the list grows */
	size_t n = 0;
	for (const struct pnode *p = root; p; p = pnode_next_preorder(p))
		n += p->block != NULL;
	owners->v = xmalloc((n ? n : 1) * sizeof *owners->v);
	owners->n = 0;
	owners->iter = NULL;
	for (const struct pnode *p = root; p; p = pnode_next_preorder(p))
		if (p->block)
			owners->v[owners->n++] = p->block;
	/* Nodes of one parse mostly lie in memory in document order (one arena,
	 * md_arena.h), so the list often is sorted already. */
	bool sorted = true;
	for (size_t i = 1; i < owners->n && sorted; i++)
		sorted = compare_pointers(&owners->v[i - 1], &owners->v[i]) <= 0;
	if (!sorted)
		qsort(owners->v, owners->n, sizeof *owners->v, compare_pointers);
}

void block_owners_free(struct block_owners *owners)
{
	free(owners->v);
	owners->v = NULL;
	owners->n = 0;
	if (owners->iter)
		cmark_iter_free(owners->iter);
	owners->iter = NULL;
}

static bool is_owned(const struct block_owners *owners, cmark_node *block)
{
	return owners->n &&
	       bsearch(&block, owners->v, owners->n, sizeof *owners->v, compare_pointers) != NULL;
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
	size_t ul = strlen(url), ll = strlen(lit);
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
		size_t n = strlen(lit);
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
static cmark_iter *iterator_at(struct block_owners *owners, cmark_node *node)
{
	if (!owners->iter) {
		cmark_node *root = node;
		while (cmark_node_parent(root))
			root = cmark_node_parent(root);
		owners->iter = cmark_iter_new(root);
	}
	cmark_iter_reset(owners->iter, node, CMARK_EVENT_ENTER);
	return owners->iter;
}

void pnode_walk_inline(struct block_owners *owners, const struct pnode *node, piece_fn fn, void *ctx)
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
	cmark_iter *it = iterator_at(owners, node->block);
	cmark_event_type ev = CMARK_EVENT_ENTER;
	/* the first event is node's entry, which the reset stands on */
	for (cmark_node *n = node->block; ev != CMARK_EVENT_DONE;
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
		if (n != node->block && is_block_type(type) && is_owned(owners, n) &&
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
