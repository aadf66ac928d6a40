/* html_page.h — what render_html.c (the page around the text) and
 * render_html_cmark.c (the Markdown inside it) share while one policy page is
 * being written. Private to those two files. */
#ifndef POLICYC_HTML_PAGE_H
#define POLICYC_HTML_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "corpus.h"
#include "model.h"
#include "render.h"
#include "util.h"

struct anchor_map;

struct html_renderer {
	const struct corpus *corpus;
	const struct templates *templates;
	struct form_html *forms;
	html_page_test *has_page; /* NULL: every document with a usable id */
	void *has_page_ctx;
	html_form_page_test *has_form_page; /* NULL: forms of documents with a page */
	void *has_form_page_ctx;
};

/* True when the document has a page to link to. */
bool html_has_page(const struct html_renderer *r, const struct document *doc);
/* True when the form has a page (OUT/forms/ID.html) to link to. */
bool html_has_form_page(const struct html_renderer *r, const struct form *form);

/* The words of the pages: Chinese, or English for scheme en. */
struct labels {
	const char *lang, *catalogue, *catalogue_title, *contents, *id, *version, *owner, *effective,
		*status, *approved_by, *supersedes, *tags, *revisions, *date, *note, *title, *policy,
		*forms, *form_id, *print_form, *marker_space;
	const char *superseded_by[2]; /* before and after the newer policy's title */
	const char *quotes[2];        /* around a title in running text */
	const char *statuses[4][3];   /* value, name, notice above the title */
};

extern const struct labels html_zh_labels, html_en_labels;
const struct labels *html_labels_for(const struct document *doc);
/* A status's name (kind 1) or its notice above the title (kind 2, NULL for
 * active); an unknown value (only with --force) as it is. */
const char *html_status_text(const struct labels *l, const char *status, int kind);

/* The GFM extensions' nodes a page tells apart (render_html_cmark.c). */
enum extension { EXT_NONE, EXT_TABLE, EXT_ROW, EXT_CELL, EXT_STRIKETHROUGH };

struct html_page {
	const struct html_renderer *r;
	const struct document *doc;
	struct buf out;
	struct anchor_map *anchors;  /* pnode -> its id attribute */
	const struct xref **xrefs;   /* sorted by (text node, offset) */
	const cmark_node **xref_texts; /* their text nodes, searched in one small array */
	size_t nxrefs;
	struct named_type {
		cmark_node_type type;
		enum extension extension;
	} named[8];                  /* render_html_cmark.c's extension_of */
	size_t nnamed;
};

/* Builds the page's anchors and its index of references; releases them. */
void html_page_index(struct html_page *page);
void html_page_release(struct html_page *page);

/* Visits top's subtree in document order without recursion; `visit` on
 * entering returns whether to descend. */
typedef bool (*pnode_visit)(void *ctx, const struct pnode *node, bool entering);
void html_walk_pnodes(const struct pnode *top, pnode_visit visit, void *ctx);

/* A marker in its span: <span class="marker">第三条</span>. */
void html_put_marker(struct buf *b, const char *marker);
/* What stands between a marker and the text after it, as render_text does:
 * nothing after wide punctuation (一、 （一）, also (一)), a space after ASCII
 * punctuation (1. (a)), else the language's marker space (第三条　, 2.1　). */
const char *html_marker_gap(const struct labels *l, const char *marker);
/* render_html_toc.c: appends the table of contents (<nav class="toc">), if
 * any, to page->out. */
void html_put_toc(struct html_page *page, const struct labels *l);
/* The policy's title, linked to prefix + ID.html when it has a page. */
void html_put_policy_link(struct buf *b, const struct html_renderer *r, const struct document *doc,
			  const char *prefix);

/* The id attribute of a node (chapter-3, article-8, article-8-2 …) and its
 * length; NULL for nodes without one. Made of ASCII letters, digits and
 * hyphens alone, never of a policy's text: written without escaping. */
const char *html_anchor(const struct html_page *page, const struct pnode *node, size_t *len);
/* Appends the opening tag of a resolved reference's link,
 * <a class="xref" href="TARGET"> (#article-8, MEETING-001.html,
 * forms/work-report.html, escaped for the attribute); false, with nothing
 * appended, when it stays plain text. */
bool html_put_xref_open(struct buf *b, const struct html_page *page, const struct xref *xref);

/* Writes a node's own text, [start + skip, stop) inside start's paragraph,
 * heading or table cell, with its emphasis, links and references. */
void html_render_range(struct html_page *page, cmark_node *start, size_t skip, cmark_node *stop);
/* Writes a whole Markdown block (table, list, quote, code, heading …). */
void html_render_block(struct html_page *page, cmark_node *block);
/* True for URLs a page may link to: relative ones, http(s), mailto, tel. */
bool html_url_is_safe(const char *url);
#endif
