/* render_html_cmark.c — the Markdown inside a policy page, written by walking
 * cmark-gfm's nodes ourselves rather than with cmark_render_html, so that
 * references inside any text become links and so that nothing a policy
 * author writes can become markup: raw HTML is dropped or shown as text,
 * links with unsafe schemes lose their link. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "html_page.h"
#include "inline_walk.h"
#include "template.h"
#include "textwidth.h"

struct walk {
	struct html_page *page;
	struct buf *out;
	cmark_node **open; /* containers whose opening tag is written */
	size_t nopen, open_cap;
	int link_depth;    /* inside <a>: references stay text (no nested links) */
	size_t column;     /* of the next table cell in its row */
};

/* Whether the type is one of cmark's own, which every node of a policy but
 * those of the table and strikethrough extensions is: the extensions number
 * theirs on from the last block and the last inline type. */
static bool is_core_type(cmark_node_type type)
{
	return type <= CMARK_NODE_FOOTNOTE_DEFINITION ||
	       (type >= CMARK_NODE_TEXT && type <= CMARK_NODE_FOOTNOTE_REFERENCE);
}

/* Which extension's node it is, by its type's name (the extensions number
 * their types as they register, in no header). Only nodes of no core type
 * are named, each type once a page: naming and comparing cost more than
 * the rest of a text node or a table cell. (A row's name also tells a
 * header row, which its type does not: row_is_header.) */
static enum extension extension_of(struct walk *w, cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	if (is_core_type(type))
		return EXT_NONE;
	struct html_page *page = w->page;
	for (size_t i = 0; i < page->nnamed; i++)
		if (page->named[i].type == type)
			return page->named[i].extension;
	const char *name = cmark_node_get_type_string(node);
	static const struct {
		const char *name;
		enum extension extension;
	} names[] = {{"table", EXT_TABLE}, {"table_row", EXT_ROW}, {"table_header", EXT_ROW},
		     {"table_cell", EXT_CELL}, {"strikethrough", EXT_STRIKETHROUGH}};
	enum extension extension = EXT_NONE;
	for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0)
			extension = names[i].extension;
	if (page->nnamed < sizeof page->named / sizeof page->named[0])
		page->named[page->nnamed++] = (struct named_type){type, extension};
	return extension;
}

static void escape(struct walk *w, const char *s, size_t n) { html_escape_buf(w->out, s, n); }
static void escape_str(struct walk *w, const char *s) { escape(w, s, s ? strlen(s) : 0); }

bool html_url_is_safe(const char *url)
{
	static const char *const allowed[] = {"http", "https", "mailto", "tel"};
	/* Browsers ignore whitespace and control characters inside a scheme
	 * ("java\tscript:"), so they are ignored here too. */
	char scheme[16];
	size_t n = 0;
	for (const char *p = url; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c == 0x7f)
			continue;
		if (c == '/' || c == '?' || c == '#')
			return true; /* no scheme: relative */
		if (c == ':') {
			scheme[n] = '\0';
			for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
				if (strcmp(scheme, allowed[i]) == 0)
					return true;
			return false;
		}
		if (n + 1 >= sizeof scheme) { /* longer than any allowed scheme */
			const char *colon = strchr(p, ':');
			return colon == NULL || strcspn(p, "/?#") < (size_t)(colon - p);
		}
		scheme[n++] = (char)tolower(c);
	}
	return true;
}

/* The text node's references, in order of their offset. */
static const struct xref **xrefs_of(const struct html_page *page, cmark_node *text, size_t *count)
{
	size_t lo = 0, hi = page->nxrefs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)page->xref_texts[mid] < (uintptr_t)text)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < page->nxrefs && page->xref_texts[end] == text)
		end++;
	*count = end - lo;
	return page->xrefs + lo;
}

static void write_text(struct walk *w, cmark_node *node, size_t from)
{
	const char *lit = cmark_node_get_literal(node);
	if (lit == NULL)
		return;
	size_t len = literal_length(node, lit), pos = from < len ? from : len, n;
	const struct xref **refs = xrefs_of(w->page, node, &n);
	for (size_t i = 0; i < n; i++) {
		const struct xref *x = refs[i];
		if (x->off < pos || x->off + x->len > len)
			continue;
		escape(w, lit + pos, x->off - pos);
		bool linked = !w->link_depth && html_put_xref_open(w->out, w->page, x);
		escape(w, lit + x->off, x->len);
		if (linked)
			buf_puts(w->out, "</a>");
		pos = x->off + x->len;
	}
	escape(w, lit + pos, len - pos);
}

static uint32_t last_code_point(const char *s)
{
	size_t n = s ? strlen(s) : 0, start = n;
	while (start > 0 && n - start < 4 && ((unsigned char)s[start - 1] & 0xc0) == 0x80)
		start--;
	uint32_t cp = 0;
	if (start > 0)
		start--;
	return n && utf8_decode(s + start, n - start, &cp) ? cp : 0;
}

static uint32_t first_code_point(const char *s)
{
	uint32_t cp = 0;
	return s && *s && utf8_decode(s, strlen(s), &cp) ? cp : 0;
}

/* A soft break between two Chinese characters is no space at all: a browser
 * would show a space there. */
static void write_softbreak(struct walk *w, cmark_node *node, cmark_node *stop)
{
	cmark_node *prev = cmark_node_previous(node), *next = cmark_node_next(node);
	if (next == NULL || next == stop)
		return;
	if (prev && next && cmark_node_get_type(prev) == CMARK_NODE_TEXT &&
	    cmark_node_get_type(next) == CMARK_NODE_TEXT &&
	    cp_width(last_code_point(cmark_node_get_literal(prev))) == 2 &&
	    cp_width(first_code_point(cmark_node_get_literal(next))) == 2)
		return;
	buf_putc(w->out, '\n');
}

/* The image's alternative text: the text of its children. */
static char *image_alt(cmark_node *image)
{
	struct buf alt = {0};
	cmark_iter *iter = cmark_iter_new(image);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		const char *lit = cmark_node_get_literal(node);
		if (ev == CMARK_EVENT_ENTER && lit &&
		    (cmark_node_get_type(node) == CMARK_NODE_TEXT || cmark_node_get_type(node) == CMARK_NODE_CODE))
			buf_puts(&alt, lit);
	}
	cmark_iter_free(iter);
	return buf_take(&alt);
}

static void write_image(struct walk *w, cmark_node *image)
{
	char *alt = image_alt(image);
	const char *url = cmark_node_get_url(image);
	if (url && *url && html_url_is_safe(url)) {
		buf_puts(w->out, "<img src=\"");
		escape_str(w, url);
		buf_puts(w->out, "\" alt=\"");
		escape_str(w, alt);
		buf_puts(w->out, "\">");
	} else {
		escape_str(w, alt);
	}
	free(alt);
}

static void write_leaf(struct walk *w, cmark_node *node, size_t skip, cmark_node *stop)
{
	const char *lit = cmark_node_get_literal(node);
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
		write_text(w, node, skip);
		break;
	case CMARK_NODE_SOFTBREAK:
		write_softbreak(w, node, stop);
		break;
	case CMARK_NODE_LINEBREAK:
		buf_puts(w->out, "<br>\n");
		break;
	case CMARK_NODE_CODE:
		buf_puts(w->out, "<code>");
		escape_str(w, lit);
		buf_puts(w->out, "</code>");
		break;
	case CMARK_NODE_CODE_BLOCK:
		buf_puts(w->out, "<pre><code>");
		escape_str(w, lit);
		buf_puts(w->out, "</code></pre>\n");
		break;
	case CMARK_NODE_HTML_BLOCK:
		/* Comments are the author's notes; other raw HTML is shown as the
		 * text it is, so nothing is lost silently. */
		if (lit && strncmp(lit, "<!--", 4) != 0) {
			buf_puts(w->out, "<pre class=\"raw-html\">");
			escape_str(w, lit);
			buf_puts(w->out, "</pre>\n");
		}
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		buf_puts(w->out, "<hr>\n");
		break;
	default: /* inline HTML: the tags go, the text between them stays */
		break;
	}
}

static bool in_tight_list(cmark_node *paragraph)
{
	cmark_node *item = cmark_node_parent(paragraph);
	if (item == NULL || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return false;
	cmark_node *list = cmark_node_parent(item);
	return list && cmark_node_get_list_tight(list);
}

static bool row_is_header(cmark_node *row)
{
	if (cmark_gfm_extensions_get_table_row_is_header(row))
		return true;
	const char *name = cmark_node_get_type_string(row);
	return name && strcmp(name, "table_header") == 0;
}

static void open_cell(struct walk *w, cmark_node *cell)
{
	cmark_node *row = cmark_node_parent(cell), *table = row ? cmark_node_parent(row) : NULL;
	bool header = row && row_is_header(row);
	size_t column = w->column++;
	uint8_t *align = table ? cmark_gfm_extensions_get_table_alignments(table) : NULL;
	size_t columns = table ? cmark_gfm_extensions_get_table_columns(table) : 0;
	const char *cls = NULL;
	if (align && column < columns)
		cls = align[column] == 'l' ? "left" : align[column] == 'c' ? "center" : align[column] == 'r' ? "right" : NULL;
	buf_puts(w->out, header ? "<th" : "<td");
	if (cls)
		buf_printf(w->out, " class=\"align-%s\"", cls);
	buf_putc(w->out, '>');
}

static void open_row(struct walk *w, cmark_node *row)
{
	cmark_node *prev = cmark_node_previous(row);
	if (row_is_header(row))
		buf_puts(w->out, "<thead>\n");
	else if (prev == NULL || row_is_header(prev))
		buf_puts(w->out, "<tbody>\n");
	buf_puts(w->out, "<tr>");
	w->column = 0;
}

static void close_row(struct walk *w, cmark_node *row)
{
	buf_puts(w->out, "</tr>\n");
	if (row_is_header(row))
		buf_puts(w->out, "</thead>\n");
	else if (cmark_node_next(row) == NULL)
		buf_puts(w->out, "</tbody>\n");
}

static void open_container(struct walk *w, cmark_node *node)
{
	ARRAY_PUSH(w->open, w->nopen, w->open_cap, node);
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		buf_puts(w->out, "<blockquote>\n");
		return;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(node) != CMARK_ORDERED_LIST)
			buf_puts(w->out, "<ul>\n");
		else if (cmark_node_get_list_start(node) != 1)
			buf_printf(w->out, "<ol start=\"%d\">\n", cmark_node_get_list_start(node));
		else
			buf_puts(w->out, "<ol>\n");
		return;
	case CMARK_NODE_ITEM:
		buf_puts(w->out, "<li>");
		return;
	case CMARK_NODE_PARAGRAPH:
		if (!in_tight_list(node))
			buf_puts(w->out, "<p>");
		return;
	case CMARK_NODE_HEADING: {
		int level = cmark_node_get_heading_level(node) + 2;
		buf_printf(w->out, "<h%d class=\"heading\">", level > 6 ? 6 : level);
		return;
	}
	case CMARK_NODE_EMPH:
		buf_puts(w->out, "<em>");
		return;
	case CMARK_NODE_STRONG:
		buf_puts(w->out, "<strong>");
		return;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(node), *title = cmark_node_get_title(node);
		if (!html_url_is_safe(url ? url : ""))
			return;
		w->link_depth++;
		buf_puts(w->out, "<a href=\"");
		escape_str(w, url);
		if (title && *title) {
			buf_puts(w->out, "\" title=\"");
			escape_str(w, title);
		}
		buf_puts(w->out, "\">");
		return;
	}
	default:
		break;
	}
	switch (extension_of(w, node)) {
	case EXT_TABLE:
		buf_puts(w->out, "<table class=\"md-table\">\n");
		break;
	case EXT_ROW:
		open_row(w, node);
		break;
	case EXT_CELL:
		open_cell(w, node);
		break;
	case EXT_STRIKETHROUGH:
		buf_puts(w->out, "<del>");
		break;
	case EXT_NONE:
		break;
	}
}

static void close_container(struct walk *w, cmark_node *node)
{
	if (w->nopen > 0)
		w->nopen--;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		buf_puts(w->out, "</blockquote>\n");
		return;
	case CMARK_NODE_LIST:
		buf_puts(w->out, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? "</ol>\n" : "</ul>\n");
		return;
	case CMARK_NODE_ITEM:
		buf_puts(w->out, "</li>\n");
		return;
	case CMARK_NODE_PARAGRAPH:
		buf_puts(w->out, in_tight_list(node) ? "\n" : "</p>\n");
		return;
	case CMARK_NODE_HEADING: {
		int level = cmark_node_get_heading_level(node) + 2;
		buf_printf(w->out, "</h%d>\n", level > 6 ? 6 : level);
		return;
	}
	case CMARK_NODE_EMPH:
		buf_puts(w->out, "</em>");
		return;
	case CMARK_NODE_STRONG:
		buf_puts(w->out, "</strong>");
		return;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(node);
		if (html_url_is_safe(url ? url : "")) {
			w->link_depth--;
			buf_puts(w->out, "</a>");
		}
		return;
	}
	default:
		break;
	}
	switch (extension_of(w, node)) {
	case EXT_TABLE:
		buf_puts(w->out, "</table>\n");
		break;
	case EXT_ROW:
		close_row(w, node);
		break;
	case EXT_CELL:
		buf_puts(w->out, cmark_node_parent(node) && row_is_header(cmark_node_parent(node)) ? "</th>" : "</td>");
		break;
	case EXT_STRIKETHROUGH:
		buf_puts(w->out, "</del>");
		break;
	case EXT_NONE:
		break;
	}
}

static bool is_leaf_type(cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT: case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE: case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_THEMATIC_BREAK:
		return true;
	default:
		return false;
	}
}

/* Walks `root` from (start, ENTER) until `stop` is entered or root is left.
 * The root's own tags are written only when `with_root`. */
static void walk(struct walk *w, cmark_node *root, cmark_node *start, size_t skip, cmark_node *stop,
		 bool with_root)
{
	cmark_iter *iter = cmark_iter_new(root);
	cmark_iter_reset(iter, start, CMARK_EVENT_ENTER);
	cmark_event_type ev = CMARK_EVENT_ENTER;
	while (ev != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		if (ev == CMARK_EVENT_ENTER && node == stop)
			break;
		if (ev == CMARK_EVENT_EXIT) {
			if (node == root) {
				if (with_root)
					close_container(w, node);
				break;
			}
			close_container(w, node);
		} else if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
			write_image(w, node);
			cmark_iter_reset(iter, node, CMARK_EVENT_EXIT); /* its text is the alt */
		} else if (is_leaf_type(node)) {
			write_leaf(w, node, node == start ? skip : 0, stop);
		} else if (node != root || with_root) {
			open_container(w, node);
		}
		ev = cmark_iter_next(iter);
	}
	cmark_iter_free(iter);
	while (w->nopen > 0) /* stopped inside emphasis or a link */
		close_container(w, w->open[w->nopen - 1]);
	free(w->open);
}

static bool holds_inlines(struct walk *w, cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || extension_of(w, node) == EXT_CELL;
}

void html_render_range(struct html_page *page, cmark_node *start, size_t skip, cmark_node *stop)
{
	if (start == NULL)
		return;
	struct walk w = {.page = page, .out = &page->out};
	/* Most ranges are one text node of their paragraph (plain Chinese text):
	 * written as the walk below would write it, without its iterator. */
	cmark_node *parent = cmark_node_parent(start), *after = cmark_node_next(start);
	if (start != stop && cmark_node_get_type(start) == CMARK_NODE_TEXT && (after == NULL || after == stop) &&
	    parent && holds_inlines(&w, parent)) {
		write_text(&w, start, skip);
		return;
	}
	cmark_node *root = start;
	while (root && !holds_inlines(&w, root))
		root = cmark_node_parent(root);
	if (root == NULL || root == start)
		return;
	/* The range may begin inside emphasis or a link: open those first. */
	size_t depth = 0;
	for (cmark_node *n = cmark_node_parent(start); n != root; n = cmark_node_parent(n))
		depth++;
	if (depth > 0) {
		cmark_node **outer = xcalloc(depth, sizeof *outer);
		size_t i = depth;
		for (cmark_node *n = cmark_node_parent(start); n != root; n = cmark_node_parent(n))
			outer[--i] = n;
		for (i = 0; i < depth; i++)
			open_container(&w, outer[i]);
		free(outer);
	}
	walk(&w, root, start, skip, stop, false);
}

void html_render_block(struct html_page *page, cmark_node *block)
{
	if (block == NULL)
		return;
	struct walk w = {.page = page, .out = &page->out};
	walk(&w, block, block, 0, NULL, true);
}
