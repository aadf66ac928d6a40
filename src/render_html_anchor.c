/* render_html_anchor.c — a policy page's anchors (chapter-3, section-2-1,
 * article-8, article-8-2 …; clause-2-1-2 and clause-2-1-2-p1 in schemes
 * outline and decimal; unique within the page) and its references' link
 * targets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "render.h"
#include "util.h"
/* An id taken by a node; for an id that repeats (see anchor_node), the
 * suffix its next copy tries first. */
struct claim {
	const char *id;
	int next_copy;
};

/* The ids' text, kept in blocks released with the page: one allocation for
 * many ids instead of one each. */
struct id_block {
	struct id_block *next;
	size_t used, size;
	char text[];
};
enum { ID_BLOCK_SIZE = 4096 };

struct anchor_map {
	const struct pnode **nodes; /* open addressing by pointer */
	const char **ids;
	struct claim *used;         /* open addressing by string */
	size_t cap;                 /* a power of two, more than twice the nodes */
	struct id_block *blocks;
	struct buf scratch;         /* the id being made */
};

/* A copy of s kept until the page is released. */
static const char *keep_id(struct anchor_map *m, const char *s)
{
	size_t n = strlen(s) + 1;
	struct id_block *b = m->blocks;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ID_BLOCK_SIZE ? n : ID_BLOCK_SIZE;
		b = xmalloc(sizeof *b + size);
		*b = (struct id_block){.next = m->blocks, .size = size};
		m->blocks = b;
	}
	char *id = b->text + b->used;
	memcpy(id, s, n);
	b->used += n;
	return id;
}

static size_t hash_pointer(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15u); }

static size_t hash_string(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

const char *html_anchor(const struct html_page *page, const struct pnode *node)
{
	const struct anchor_map *m = page->anchors;
	if (m == NULL || node == NULL)
		return NULL;
	for (size_t i = hash_pointer(node) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->nodes[i] == NULL)
			return NULL;
		if (m->nodes[i] == node)
			return m->ids[i];
	}
}

/* The claim of `id`, or the empty slot where it would go. */
static struct claim *find_claim(struct anchor_map *m, const char *id)
{
	size_t i = hash_string(id) & (m->cap - 1);
	for (; m->used[i].id; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->used[i].id, id) == 0)
			break;
	return &m->used[i];
}

static void set_anchor(struct anchor_map *m, const struct pnode *node, const char *id)
{
	size_t i = hash_pointer(node) & (m->cap - 1);
	while (m->nodes[i])
		i = (i + 1) & (m->cap - 1);
	m->nodes[i] = node;
	m->ids[i] = id;
}

static const struct pnode *ancestor_at(const struct pnode *node, enum level level)
{
	for (const struct pnode *p = node->parent; p; p = p->parent)
		if (p->level == level)
			return p;
	return NULL;
}

static int shown_number(const struct pnode *node) { return node->number > 0 ? node->number : node->seq; }

/* Appends "-2-1-2" for a decimal clause number "2.1.2" as written; false
 * (with b partly written) when the marker is not one. */
static bool dotted_parts(const char *marker, struct buf *b)
{
	const char *s = marker;
	if (s == NULL || strchr(s, '.') == NULL)
		return false;
	for (;;) {
		long part = 0;
		if (*s < '0' || *s > '9')
			return false;
		for (; *s >= '0' && *s <= '9'; s++)
			if ((part = part * 10 + (*s - '0')) > 99999999)
				return false;
		buf_putc(b, '-');
		buf_put_long(b, part);
		if (*s == '\0')
			return true;
		if (*s++ != '.')
			return false;
	}
}

static bool on_clause_path(const struct pnode *p)
{
	return p->level == LV_CHAPTER || p->level == LV_SECTION || p->level == LV_ARTICLE;
}

/* Schemes whose third level restarts under its parent: the clause's whole
 * number, clause-3-1-2. Decimal clauses carry it in their marker (a 2.1.1.1
 * whose 2.1.1 is missing hangs under 2.1 but is still clause-2-1-1-1);
 * outline's 1. and a clause whose number could not be read take it from the
 * chapter, section and clauses above them. */
static void clause_anchor(struct buf *b, const struct pnode *node)
{
	buf_puts(b, "clause");
	if (dotted_parts(node->marker, b))
		return;
	buf_reset(b);
	size_t depth = 0;
	for (const struct pnode *p = node; p; p = p->parent)
		depth += on_clause_path(p);
	int *numbers = xcalloc(depth, sizeof *numbers);
	size_t n = depth;
	for (const struct pnode *p = node; p; p = p->parent)
		if (on_clause_path(p))
			numbers[--n] = shown_number(p);
	buf_puts(b, "clause");
	for (size_t i = 0; i < depth; i++) {
		buf_putc(b, '-');
		buf_put_long(b, numbers[i]);
	}
	free(numbers);
}

static bool clause_scheme(const struct document *doc)
{
	return doc->meta.scheme == SCHEME_OUTLINE || doc->meta.scheme == SCHEME_DECIMAL;
}

/* prefix, separator, number: article-8, article-8-2, clause-2-1-p1 — the
 * ids of most nodes, written without printf, which cost more than the rest
 * of the anchors. */
static void numbered_id(struct buf *b, const char *prefix, const char *separator, int number)
{
	buf_puts(b, prefix);
	buf_puts(b, separator);
	buf_put_long(b, number);
}

/* The node's id before any suffix of a copy, in b; false for nodes without. */
static bool base_anchor(const struct html_page *page, const struct pnode *node, struct buf *b)
{
	const struct pnode *chapter = ancestor_at(node, LV_CHAPTER);
	const char *parent_id = html_anchor(page, node->parent);
	switch (node->level) {
	case LV_CHAPTER:
		numbered_id(b, "chapter", "-", shown_number(node));
		return true;
	case LV_SECTION:
		if (chapter)
			numbered_id(b, "section", "-", shown_number(chapter));
		numbered_id(b, chapter ? "" : "section", "-", shown_number(node));
		return true;
	case LV_ARTICLE:
		if (clause_scheme(page->doc)) {
			clause_anchor(b, node);
		} else if (chapter && page->doc->config && page->doc->config->article_per_chapter) {
			numbered_id(b, "chapter", "-", shown_number(chapter));
			numbered_id(b, "", "-article-", shown_number(node));
		} else {
			numbered_id(b, "article", "-", shown_number(node));
		}
		return true;
	case LV_ATTACHMENT:
		numbered_id(b, "attachment", "-", node->seq);
		return true;
	case LV_PARAGRAPH:
		if (parent_id == NULL)
			numbered_id(b, "preamble", "-", node->seq);
		/* clause-2-1-p1, so that the first paragraph of 2.1 is not clause 2.1.1 */
		else if (node->parent->level == LV_ARTICLE && clause_scheme(page->doc))
			numbered_id(b, parent_id, "-p", node->seq);
		else
			numbered_id(b, parent_id, "-", node->seq);
		return true;
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		if (parent_id == NULL)
			return false;
		numbered_id(b, parent_id, "-", node->seq);
		return true;
	default:
		return false;
	}
}

void html_walk_pnodes(const struct pnode *top, pnode_visit visit, void *ctx)
{
	const struct pnode *node = top;
	for (;;) {
		if (visit(ctx, node, true) && node->first) {
			node = node->first;
			continue;
		}
		for (;;) {
			visit(ctx, node, false);
			if (node == top)
				return;
			if (node->next) {
				node = node->next;
				break;
			}
			node = node->parent;
		}
	}
}

static bool count_node(void *ctx, const struct pnode *node, bool entering)
{
	(void)node;
	*(size_t *)ctx += entering;
	return true;
}

static bool anchor_node(void *ctx, const struct pnode *node, bool entering)
{
	struct html_page *page = ctx;
	struct anchor_map *m = page->anchors;
	if (!entering)
		return true;
	buf_reset(&m->scratch);
	if (!base_anchor(page, node, &m->scratch))
		return true;
	const char *id = m->scratch.data;
	struct claim *slot = find_claim(m, id);
	/* Only a document with numbering errors built with --force repeats a
	 * number; its later copies get a suffix no real anchor has. Each copy
	 * goes on from the suffix the one before it took, so that thousands of
	 * copies of one number stay linear. */
	if (slot->id) {
		struct claim *original = slot;
		char *copy_id = NULL;
		do {
			free(copy_id);
			copy_id = xasprintf("%s-x%d", id, original->next_copy++);
			slot = find_claim(m, copy_id);
		} while (slot->id);
		const char *kept = keep_id(m, copy_id);
		free(copy_id);
		*slot = (struct claim){kept, 2};
		set_anchor(m, node, kept);
		return true;
	}
	const char *kept = keep_id(m, id);
	*slot = (struct claim){kept, 2};
	set_anchor(m, node, kept);
	return true;
}

static void anchors_build(struct html_page *page)
{
	const struct pnode *root = page->doc->root;
	if (root == NULL)
		return;
	size_t n = 0;
	html_walk_pnodes(root, count_node, &n);
	struct anchor_map *m = xcalloc(1, sizeof *m);
	m->cap = 16;
	while (m->cap < 2 * n + 2)
		m->cap *= 2;
	m->nodes = xcalloc(m->cap, sizeof *m->nodes);
	m->ids = xcalloc(m->cap, sizeof *m->ids);
	m->used = xcalloc(m->cap, sizeof *m->used);
	page->anchors = m;
	html_walk_pnodes(root, anchor_node, page);
}

static void anchors_free(struct anchor_map *m)
{
	if (m == NULL)
		return;
	for (struct id_block *b = m->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	buf_free(&m->scratch);
	free(m->nodes);
	free(m->ids);
	free(m->used);
	free(m);
}

static int compare_xrefs(const void *a, const void *b)
{
	const struct xref *x = *(const struct xref *const *)a, *y = *(const struct xref *const *)b;
	if (x->text != y->text)
		return (uintptr_t)x->text < (uintptr_t)y->text ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static void xrefs_index(struct html_page *page)
{
	const struct document *doc = page->doc;
	page->xrefs = xcalloc(doc->nxrefs + 1, sizeof *page->xrefs);
	for (size_t i = 0; i < doc->nxrefs; i++)
		if (doc->xrefs[i].text)
			page->xrefs[page->nxrefs++] = &doc->xrefs[i];
	qsort(page->xrefs, page->nxrefs, sizeof *page->xrefs, compare_xrefs);
	page->xref_texts = xcalloc(page->nxrefs + 1, sizeof *page->xref_texts);
	for (size_t i = 0; i < page->nxrefs; i++)
		page->xref_texts[i] = page->xrefs[i]->text;
}

/* "#" and the id. */
static char *href_to(const char *id)
{
	size_t n = strlen(id);
	char *href = xmalloc(n + 2);
	href[0] = '#';
	memcpy(href + 1, id, n + 1);
	return href;
}

char *html_xref_href(const struct html_page *page, const struct xref *x)
{
	if (x->kind == XREF_TITLE) {
		if (x->target_doc && x->target_doc == page->doc)
			return xstrdup("#top");
		if (x->target_doc && html_has_page(page->r, x->target_doc))
			return xasprintf("%s.html", x->target_doc->meta.id);
		if (x->target_form && html_has_form_page(page->r, x->target_form))
			return xasprintf("forms/%s.html", x->target_form->id);
		return NULL;
	}
	const char *id = html_anchor(page, x->target);
	return id ? href_to(id) : NULL;
}

void html_page_index(struct html_page *page)
{
	anchors_build(page);
	xrefs_index(page);
}

void html_page_release(struct html_page *page)
{
	anchors_free(page->anchors);
	page->anchors = NULL;
	free(page->xrefs);
	page->xrefs = NULL;
	free(page->xref_texts);
	page->xref_texts = NULL;
	buf_free(&page->out);
}
