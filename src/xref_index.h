/* xref_index.h — a document's chapters and articles, looked up by number.
 *
 * A policy may have thousands of articles and thousands of references; each
 * lookup is a binary search, not a walk of the tree. */
#ifndef POLICYC_XREF_INDEX_H
#define POLICYC_XREF_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct numbered {
	long number;
	size_t order; /* position in document order */
};

struct chapter_span {
	const struct pnode *chapter;
	size_t begin, end; /* its articles: articles[begin..end) */
};

/* A numbered node of scheme decimal by its number: "4.2". */
struct clause {
	char *number;
	const struct pnode *node;
	size_t order;
};

struct xref_index {
	const struct pnode **articles; /* document order */
	const struct pnode **article_chapter;
	size_t narticles;
	struct numbered *articles_by_number;
	const struct pnode **chapters;
	size_t nchapters;
	struct numbered *chapters_by_number;
	struct chapter_span *spans;   /* sorted by chapter pointer */
	long chapterless_first, chapterless_last;
	size_t chapterless_count;
	struct clause *clauses; /* document order; only with xref_index_clauses */
	struct clause *clauses_sorted;
	size_t nclauses;
};

/* Which articles a number counts among. */
struct scope {
	const struct pnode *chapter; /* those of this chapter */
	bool chapterless;            /* (no chapter) those outside any chapter; else all */
};

struct extent {
	long first, last; /* numbers of the first and last, in document order */
	size_t count;
};

void xref_index_build(struct xref_index *ix, const struct pnode *root);
void xref_index_free(struct xref_index *ix);
/* The first article in document order with that number in scope, or NULL. */
const struct pnode *xref_index_article(const struct xref_index *ix, long number,
				       const struct scope *scope);
struct extent xref_index_article_extent(const struct xref_index *ix, const struct scope *scope);
const struct pnode *xref_index_chapter(const struct xref_index *ix, long number);
struct extent xref_index_chapter_extent(const struct xref_index *ix);

/* Scheme decimal: indexes the nodes whose marker is a decimal number. */
void xref_index_clauses(struct xref_index *ix, const struct pnode *root);
/* The clause numbered number[0..len) ("4.2"), or NULL. */
const struct pnode *xref_index_clause(const struct xref_index *ix, const char *number, size_t len);
/* The clauses one level below `parent` ("4": 4.1, 4.2 …; len 0: 1, 2 …), the
 * first and last in document order. */
struct clause_extent {
	const char *first, *last;
	size_t count;
};
struct clause_extent xref_index_clause_children(const struct xref_index *ix, const char *parent,
						size_t len);
#endif
