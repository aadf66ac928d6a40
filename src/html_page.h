/* html_page.h — what render_html.c (the page around the text) and
 * render_html_cmark.c (the Markdown inside it) share while one policy page is
 * being written. Private to those two files. */
#ifndef POLICYC_HTML_PAGE_H
#define POLICYC_HTML_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "model.h"
#include "util.h"

struct anchor_map;

struct html_page {
	const struct document *doc;
	struct buf out;
	struct anchor_map *anchors;  /* pnode -> its id attribute */
	const struct xref **xrefs;   /* sorted by (text node, offset) */
	size_t nxrefs;
};

/* The id attribute of a node (chapter-3, article-8, article-8-2 …); NULL for
 * nodes without one. */
const char *html_anchor(const struct html_page *page, const struct pnode *node);
/* The link target of a resolved reference (#article-8, MEETING-001.html,
 * forms/work-report.html); NULL when it stays plain text. Caller frees. */
char *html_xref_href(const struct html_page *page, const struct xref *xref);

/* Writes a node's own text, [start + skip, stop) inside start's paragraph,
 * heading or table cell, with its emphasis, links and references. */
void html_render_range(struct html_page *page, cmark_node *start, size_t skip, cmark_node *stop);
/* Writes a whole Markdown block (table, list, quote, code, heading …). */
void html_render_block(struct html_page *page, cmark_node *block);
/* True for URLs a page may link to: relative ones, http(s), mailto, tel. */
bool html_url_is_safe(const char *url);
#endif
