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
/* An id taken by a node, with its length and hash; for an id that repeats
 * (see anchor_node), the suffix its next copy tries first. */
struct claim {
	const char *id;
	size_t len, hash;
	int next_copy;
};

/* A node's id. */
struct anchor {
	const struct pnode *node;
	const char *id;
	size_t len;
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
	struct anchor *anchors; /* open addressing by node */
	struct claim *claims;   /* open addressing by id; in anchors' allocation */
	size_t cap;             /* of each: a power of two, more than twice the nodes */
	struct id_block *blocks;
	struct buf scratch;     /* the id being made */
};

/* A copy of the n bytes at s, and a NUL, kept until the page is released. */
static const char *keep_id(struct anchor_map *m, const char *s, size_t n)
{
	struct id_block *b = m->blocks;
	if (b == NULL || b->size - b->used <= n) {
		size_t size = n >= ID_BLOCK_SIZE ? n + 1 : ID_BLOCK_SIZE;
		b = xmalloc(sizeof *b + size);
		*b = (struct id_block){.next = m->blocks, .size = size};
		m->blocks = b;
	}
	char *id = b->text + b->used;
	memcpy(id, s, n);
	id[n] = '\0';
	b->used += n + 1;
	return id;
}

static size_t hash_pointer(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15u); }

/* A hash of the n bytes at s, 8 at a time (an id is a dozen ASCII bytes):
 * the last 8 overlap the words before them, rather than be read one by one. */
static size_t hash_id(const char *s, size_t n)
{
	const uint64_t k = 0xff51afd7ed558ccdu;
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, w = 0;
	if (n < sizeof w) {
		for (size_t i = 0; i < n; i++)
			w |= (uint64_t)(unsigned char)s[i] << (8 * i);
	} else {
		for (size_t at = 0; n - at > sizeof w; at += sizeof w) {
			memcpy(&w, s + at, sizeof w);
			h = (h ^ w) * k;
			h ^= h >> 29;
		}
		memcpy(&w, s + n - sizeof w, sizeof w);
	}
	/* the table takes the low bits: every byte of the last word, its end
	 * (an id's last number) included, is stirred down into them */
	h = (h ^ w) * k;
	h ^= h >> 33;
	h *= k;
	return (size_t)(h ^ (h >> 33));
}

/* The node's anchor, or NULL. */
static const struct anchor *anchor_of(const struct anchor_map *m, const struct pnode *node)
{
	if (m == NULL || node == NULL)
		return NULL;
	for (size_t i = hash_pointer(node) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->anchors[i].node == NULL)
			return NULL;
		if (m->anchors[i].node == node)
			return &m->anchors[i];
	}
}

const char *html_anchor(const struct html_page *page, const struct pnode *node, size_t *len)
{
	const struct anchor *a = anchor_of(page->anchors, node);
	*len = a ? a->len : 0;
	return a ? a->id : NULL;
}

/* The claim of the n bytes at id (hashed to `hash`), or the empty slot
 * where it would go. */
static struct claim *find_claim(struct anchor_map *m, const char *id, size_t n, size_t hash)
{
	size_t i = hash & (m->cap - 1);
	for (; m->claims[i].id; i = (i + 1) & (m->cap - 1)) {
		const struct claim *c = &m->claims[i];
		if (c->hash == hash && c->len == n && memcmp(c->id, id, n) == 0)
			break;
	}
	return &m->claims[i];
}

/* Claims the n bytes at id for node, in the empty slot of the claims. */
static void set_anchor(struct anchor_map *m, const struct pnode *node, struct claim *slot, const char *id,
		       size_t n, size_t hash)
{
	const char *kept = keep_id(m, id, n);
	*slot = (struct claim){kept, n, hash, 2};
	size_t i = hash_pointer(node) & (m->cap - 1);
	while (m->anchors[i].node)
		i = (i + 1) & (m->cap - 1);
	m->anchors[i] = (struct anchor){node, kept, n};
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
static void numbered_id(struct buf *b, const char *prefix, size_t prefix_len, const char *separator, int number)
{
	buf_put(b, prefix, prefix_len);
	buf_puts(b, separator);
	buf_put_long(b, number);
}

/* The same with a literal prefix, measured by the compiler. */
#define NUMBERED_ID(b, prefix, separator, number) numbered_id(b, prefix, sizeof prefix - 1, separator, number)
/* A paragraph's or item's: on its parent's id. */
#define CHILD_ID(b, parent, separator, number) numbered_id(b, (parent)->id, (parent)->len, separator, number)

/* The node's id before any suffix of a copy, in b; false for nodes without. */
static bool base_anchor(const struct html_page *page, const struct pnode *node, struct buf *b)
{
	const struct pnode *chapter;
	const struct anchor *parent;
	switch (node->level) {
	case LV_CHAPTER:
		NUMBERED_ID(b, "chapter", "-", shown_number(node));
		return true;
	case LV_SECTION:
		chapter = ancestor_at(node, LV_CHAPTER);
		if (chapter) {
			NUMBERED_ID(b, "section", "-", shown_number(chapter));
			NUMBERED_ID(b, "", "-", shown_number(node));
		} else
			NUMBERED_ID(b, "section", "-", shown_number(node));
		return true;
	case LV_ARTICLE:
		chapter = ancestor_at(node, LV_CHAPTER);
		if (clause_scheme(page->doc)) {
			clause_anchor(b, node);
		} else if (chapter && page->doc->config && page->doc->config->article_per_chapter) {
			NUMBERED_ID(b, "chapter", "-", shown_number(chapter));
			NUMBERED_ID(b, "", "-article-", shown_number(node));
		} else {
			NUMBERED_ID(b, "article", "-", shown_number(node));
		}
		return true;
	case LV_ATTACHMENT:
		NUMBERED_ID(b, "attachment", "-", node->seq);
		return true;
	case LV_PARAGRAPH:
		parent = anchor_of(page->anchors, node->parent);
		if (parent == NULL)
			NUMBERED_ID(b, "preamble", "-", node->seq);
		/* clause-2-1-p1, so that the first paragraph of 2.1 is not clause 2.1.1 */
		else if (node->parent->level == LV_ARTICLE && clause_scheme(page->doc))
			CHILD_ID(b, parent, "-p", node->seq);
		else
			CHILD_ID(b, parent, "-", node->seq);
		return true;
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		parent = anchor_of(page->anchors, node->parent);
		if (parent == NULL)
			return false;
		CHILD_ID(b, parent, "-", node->seq);
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
	size_t n = m->scratch.len, hash = hash_id(id, n);
	struct claim *slot = find_claim(m, id, n, hash);
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
			n = strlen(copy_id);
			hash = hash_id(copy_id, n);
			slot = find_claim(m, copy_id, n, hash);
		} while (slot->id);
		set_anchor(m, node, slot, copy_id, n, hash);
		free(copy_id);
		return true;
	}
	set_anchor(m, node, slot, id, n, hash);
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
	/* one allocation for both tables */
	m->anchors = xcalloc(m->cap, sizeof *m->anchors + sizeof *m->claims);
	m->claims = (struct claim *)(void *)(m->anchors + m->cap);
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
	free(m->anchors);
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
	/* found in the order of the text, which is mostly that of the nodes'
	 * addresses already: sorted only when it is not */
	for (size_t i = 1; i < page->nxrefs; i++)
		if (compare_xrefs(&page->xrefs[i - 1], &page->xrefs[i]) > 0) {
			qsort(page->xrefs, page->nxrefs, sizeof *page->xrefs, compare_xrefs);
			break;
		}
	page->xref_texts = xcalloc(page->nxrefs + 1, sizeof *page->xref_texts);
	for (size_t i = 0; i < page->nxrefs; i++)
		page->xref_texts[i] = page->xrefs[i]->text;
}

bool html_put_xref_open(struct buf *b, const struct html_page *page, const struct xref *x)
{
	static const char open[] = "<a class=\"xref\" href=\"";
	if (x->kind == XREF_TITLE) {
		if (x->target_doc && x->target_doc == page->doc) {
			buf_puts(b, open);
			buf_puts(b, "#top");
		} else if (x->target_doc && html_has_page(page->r, x->target_doc)) {
			buf_puts(b, open);
			html_put_escaped(b, x->target_doc->meta.id);
			buf_puts(b, ".html");
		} else if (x->target_form && html_has_form_page(page->r, x->target_form)) {
			buf_puts(b, open);
			buf_puts(b, "forms/");
			html_put_escaped(b, x->target_form->id);
			buf_puts(b, ".html");
		} else {
			return false;
		}
	} else {
		const struct anchor *a = anchor_of(page->anchors, x->target);
		if (a == NULL)
			return false;
		buf_puts(b, open);
		buf_putc(b, '#');
		buf_put(b, a->id, a->len); /* letters, digits and hyphens: nothing to escape */
	}
	buf_puts(b, "\">");
	return true;
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
