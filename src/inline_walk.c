/* inline_walk.c — the running text of the provision tree (see inline_walk.h). */
#include "inline_walk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool is_block(cmark_node *n)
{
	return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
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
	size_t cap = 0;
	owners->v = NULL;
	owners->n = 0;
	for (const struct pnode *p = root; p; p = pnode_next_preorder(p))
		if (p->block)
			ARRAY_PUSH(owners->v, owners->n, cap, p->block);
	if (owners->n)
		qsort(owners->v, owners->n, sizeof *owners->v, compare_pointers);
}

void block_owners_free(struct block_owners *owners)
{
	free(owners->v);
	owners->v = NULL;
	owners->n = 0;
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

void pnode_walk_inline(const struct block_owners *owners, const struct pnode *node, piece_fn fn,
		       void *ctx)
{
	bool whole = node->level == LV_BLOCK;
	if (!node->block || (!whole && !node->text))
		return;

	struct emitter e = {fn, ctx, PIECE_END, false};
	bool started = whole, first_text = true;
	cmark_iter *it = cmark_iter_new(node->block);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if (is_block(n))
				emit(&e, PIECE_END, n, NULL, 0);
			continue;
		}
		if (!whole && n == node->stop)
			break;
		/* The block of another pnode (a sub-item list inside an item, say)
		 * is that pnode's text, unless node's own text starts inside it. */
		if (n != node->block && is_block(n) && is_owned(owners, n) &&
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
	cmark_iter_free(it);
	emit(&e, PIECE_END, node->block, NULL, 0);
}

/* Length of an entity reference (&amp; &#20013; &#x4e2d;) at s, or 0. */
static size_t entity_length(const char *s, size_t n)
{
	if (n < 3 || s[0] != '&')
		return 0;
	size_t i = 1;
	bool numeric = s[i] == '#';
	if (numeric) {
		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X'))
			i++;
	}
	size_t start = i;
	while (i < n && i - start < 32 &&
	       ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i > start && i < n && s[i] == ';' ? i + 1 : 0;
}

static bool is_ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
	       (c >= '{' && c <= '~');
}

/* Moves the cursor forward to byte `pos` of the source line, counting code
 * points (bytes past the line's end count one each, as in document_column). */
static void count_on(struct text_cursor *cur, const char *src, size_t n, size_t pos)
{
	size_t from = cur->pos < n ? cur->pos : n, to = pos < n ? pos : n;
	long passed = (long)utf8_count(src + from, to - from) + (long)(pos - to) - (long)(cur->pos - from);
	cur->col += (int)passed;
	cur->pos = pos;
}

/* Moves the cursor along the source line `src` to byte `off` of the literal.
 * cmark merges the text around an escape or an entity into one literal, so
 * the two can differ in length; whatever does not match is counted byte for
 * byte from there on. */
static void advance(struct text_cursor *cur, const char *src, size_t n, const char *lit, size_t off)
{
	size_t i = cur->off, pos = cur->pos;
	while (cur->exact && i < off && pos < n) {
		size_t ent;
		if (src[pos] == '\\' && pos + 1 < n && is_ascii_punct(src[pos + 1]) && lit[i] == src[pos + 1]) {
			pos += 2;
			i++;
		} else if ((ent = entity_length(src + pos, n - pos)) && strncmp(lit + i, src + pos, ent) != 0) {
			uint32_t cp;
			size_t k = utf8_decode(lit + i, off - i, &cp);
			pos += ent;
			i += k ? k : 1;
		} else if (src[pos] == lit[i]) {
			pos++;
			i++;
		} else {
			cur->exact = false;
		}
	}
	count_on(cur, src, n, pos + (off - i));
	cur->off = off;
}

void text_position(const struct document *doc, struct text_cursor *cur, cmark_node *text,
		   size_t off, int *line, int *col)
{
	const char *lit = cmark_node_get_literal(text);
	if (cur->node != text || off < cur->off) {
		cmark_node *at = text;
		/* Nodes made by extensions carry no sourcepos: use their parent's. */
		while (at && cmark_node_get_start_line(at) <= 0)
			at = cmark_node_parent(at);
		int byte_col = at ? cmark_node_get_start_column(at) : 1;
		int line = at ? cmark_node_get_start_line(at) : 1;
		size_t pos = byte_col > 1 ? (size_t)byte_col - 1 : 0;
		if (cur->node && line == cur->line && pos >= cur->pos) {
			/* The next node on the same line (table cells): count on. */
			size_t n;
			const char *src = document_line(doc, line, &n);
			count_on(cur, src, n, pos);
		} else {
			cur->col = document_column(doc, line, (int)pos + 1);
		}
		cur->node = text;
		cur->line = line;
		cur->pos = pos;
		cur->off = 0;
		cur->exact = at == text && lit;
	}
	size_t n;
	const char *src = document_line(doc, cur->line, &n);
	if (lit && off > cur->off)
		advance(cur, src, n, lit, off);
	*line = cur->line;
	*col = cur->col;
}
