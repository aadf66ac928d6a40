/* xref_index.c — chapters and articles by number (see xref_index.h). */
#include "xref_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inline_walk.h"
#include "util.h"

static int by_number(const void *a, const void *b)
{
	const struct numbered *x = a, *y = b;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int by_chapter(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct chapter_span *)a)->chapter;
	uintptr_t y = (uintptr_t)((const struct chapter_span *)b)->chapter;
	return x < y ? -1 : x > y;
}

/* qsort, unless v is in order already, as articles and chapters mostly
 * are: the comparators here are total orders, so there is no other order
 * qsort could leave. */
static void sort_unless_sorted(void *v, size_t n, size_t size, int (*compare)(const void *, const void *))
{
	const char *p = v;
	for (size_t i = 1; i < n; i++)
		if (compare(p + (i - 1) * size, p + i * size) > 0) {
			qsort(v, n, size, compare);
			return;
		}
}

static struct numbered *sorted_numbers(const struct pnode *const *nodes, size_t n)
{
	struct numbered *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct numbered){nodes[i]->number, i};
	sort_unless_sorted(v, n, sizeof *v, by_number);
	return v;
}

/* Index of the first entry with that number, or n. */
static size_t lower_bound(const struct numbered *v, size_t n, long number)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].number == number ? lo : n;
}

void xref_index_build(struct xref_index *ix, const struct pnode *root)
{
	*ix = (struct xref_index){0};
	size_t acap = 0, ccap = 0, chapter_cap = 0;
	const struct pnode *chapter = NULL;
	for (const struct pnode *p = root; p; p = pnode_next_preorder(p)) {
		if (p->level == LV_CHAPTER) {
			ARRAY_PUSH(ix->chapters, ix->nchapters, ccap, p);
		} else if (p->level == LV_ARTICLE) {
			for (chapter = p->parent; chapter && chapter->level != LV_CHAPTER;)
				chapter = chapter->parent;
			size_t n = ix->narticles;
			ARRAY_PUSH(ix->articles, ix->narticles, acap, p);
			ARRAY_PUSH(ix->article_chapter, n, chapter_cap, chapter);
			if (!chapter && p->number >= 1) { /* as span_extent */
				if (!ix->chapterless_count++)
					ix->chapterless_first = p->number;
				ix->chapterless_last = p->number;
			}
		}
	}
	ix->articles_by_number = sorted_numbers(ix->articles, ix->narticles);
	ix->chapters_by_number = sorted_numbers(ix->chapters, ix->nchapters);
	/* A chapter's articles follow one another in document order. */
	ix->spans = xcalloc(ix->nchapters ? ix->nchapters : 1, sizeof *ix->spans);
	size_t a = 0;
	for (size_t c = 0; c < ix->nchapters; c++) {
		while (a < ix->narticles && !ix->article_chapter[a])
			a++; /* outside chapters: the preamble */
		size_t begin = a;
		while (a < ix->narticles && ix->article_chapter[a] == ix->chapters[c])
			a++;
		ix->spans[c] = (struct chapter_span){ix->chapters[c], begin, a};
	}
	sort_unless_sorted(ix->spans, ix->nchapters, sizeof *ix->spans, by_chapter);
}

void xref_index_free(struct xref_index *ix)
{
	free(ix->articles);
	free(ix->article_chapter);
	free(ix->articles_by_number);
	free(ix->chapters);
	free(ix->chapters_by_number);
	free(ix->spans);
	for (size_t i = 0; i < ix->nclauses; i++)
		free(ix->clauses[i].number);
	free(ix->clauses);
	free(ix->clauses_sorted);
	*ix = (struct xref_index){0};
}

static bool in_scope(const struct xref_index *ix, size_t order, const struct scope *scope)
{
	const struct pnode *chapter = ix->article_chapter[order];
	if (scope->chapter)
		return chapter == scope->chapter;
	return !scope->chapterless || !chapter;
}

const struct pnode *xref_index_article(const struct xref_index *ix, long number,
				       const struct scope *scope)
{
	const struct numbered *v = ix->articles_by_number;
	for (size_t i = lower_bound(v, ix->narticles, number); i < ix->narticles && v[i].number == number; i++)
		if (in_scope(ix, v[i].order, scope))
			return ix->articles[v[i].order];
	return NULL;
}

/* The first and last numbers of nodes[begin..end), and how many there are.
 * A marker whose number is no number (zero, or too large: 第一亿条) holds
 * 0 and counts for none, so messages never name 第零条. */
static struct extent span_extent(const struct pnode *const *nodes, size_t begin, size_t end)
{
	struct extent e = {0, 0, 0};
	for (size_t i = begin; i < end; i++) {
		if (nodes[i]->number < 1)
			continue;
		if (e.count++ == 0)
			e.first = nodes[i]->number;
		e.last = nodes[i]->number;
	}
	return e;
}

struct extent xref_index_article_extent(const struct xref_index *ix, const struct scope *scope)
{
	if (scope->chapter) {
		struct chapter_span key = {scope->chapter, 0, 0};
		const struct chapter_span *span =
			bsearch(&key, ix->spans, ix->nchapters, sizeof *ix->spans, by_chapter);
		return span ? span_extent(ix->articles, span->begin, span->end) : (struct extent){0, 0, 0};
	}
	if (scope->chapterless)
		return (struct extent){ix->chapterless_first, ix->chapterless_last, ix->chapterless_count};
	return span_extent(ix->articles, 0, ix->narticles);
}

const struct pnode *xref_index_chapter(const struct xref_index *ix, long number)
{
	size_t i = lower_bound(ix->chapters_by_number, ix->nchapters, number);
	return i < ix->nchapters ? ix->chapters[ix->chapters_by_number[i].order] : NULL;
}

struct extent xref_index_chapter_extent(const struct xref_index *ix)
{
	return span_extent(ix->chapters, 0, ix->nchapters);
}

/* The decimal number a marker starts with ("4.2" of "4.2 " or "4.2."), or
 * NULL when it does not start with a digit. */
static char *clause_number(const char *marker)
{
	size_t n = 0;
	while ((marker[n] >= '0' && marker[n] <= '9') || marker[n] == '.')
		n++;
	while (n > 0 && marker[n - 1] == '.')
		n--;
	return n && marker[0] != '.' ? xstrndup(marker, n) : NULL;
}

static int by_clause(const void *a, const void *b)
{
	const struct clause *x = a, *y = b;
	int c = strcmp(x->number, y->number);
	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

void xref_index_clauses(struct xref_index *ix, const struct pnode *root)
{
	size_t cap = 0;
	for (const struct pnode *p = root; p; p = pnode_next_preorder(p)) {
		char *number = p->marker ? clause_number(p->marker) : NULL;
		if (number) {
			struct clause c = {number, p, ix->nclauses};
			ARRAY_PUSH(ix->clauses, ix->nclauses, cap, c);
		}
	}
	ix->clauses_sorted = xcalloc(ix->nclauses ? ix->nclauses : 1, sizeof *ix->clauses_sorted);
	if (ix->nclauses)
		memcpy(ix->clauses_sorted, ix->clauses, ix->nclauses * sizeof *ix->clauses);
	qsort(ix->clauses_sorted, ix->nclauses, sizeof *ix->clauses_sorted, by_clause);
}

const struct pnode *xref_index_clause(const struct xref_index *ix, const char *number, size_t len)
{
	size_t lo = 0, hi = ix->nclauses;
	char *key = xstrndup(number, len);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->clauses_sorted[mid].number, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool found = lo < ix->nclauses && strcmp(ix->clauses_sorted[lo].number, key) == 0;
	free(key);
	return found ? ix->clauses_sorted[lo].node : NULL;
}

struct clause_extent xref_index_clause_children(const struct xref_index *ix, const char *parent,
						size_t len)
{
	struct clause_extent e = {NULL, NULL, 0};
	for (size_t i = 0; i < ix->nclauses; i++) {
		const char *number = ix->clauses[i].number;
		if (len && (strncmp(number, parent, len) != 0 || number[len] != '.'))
			continue;
		if (strchr(number + (len ? len + 1 : 0), '.'))
			continue;
		if (!e.count++)
			e.first = number;
		e.last = number;
	}
	return e;
}
