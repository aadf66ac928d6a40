/* render_html_toc.c — a policy page's table of contents (chapters, sections,
 * articles, attachments, each linked to its anchor) and the small writers the
 * page and its contents share: markers and the gap after them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "html_page.h"
#include "parse_inline.h"
#include "textwidth.h"
#include "util.h"

#define CAPTION_CHARS 16 /* a Chinese caption: a short phrase */
#define CAPTION_WORDS 6  /* an English one */

void html_put_marker(struct buf *b, const char *marker)
{
	if (marker && *marker) {
		buf_puts(b, "<span class=\"marker\">");
		html_put_escaped(b, marker);
		buf_puts(b, "</span>");
	}
}

const char *html_marker_gap(const struct labels *l, const char *marker)
{
	size_t n = marker ? strlen(marker) : 0, start = n;
	if (n == 0)
		return "";
	while (start > 0 && ((unsigned char)marker[start - 1] & 0xc0) == 0x80)
		start--;
	if (start > 0)
		start--;
	uint32_t cp = 0;
	if (utf8_decode(marker + start, n - start, &cp) == 0)
		return l->marker_space;
	/* 第三条, 第一章: an ideograph (no punctuation) needs no more looks */
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return l->marker_space;
	/* 一、 （一） (一): the text follows at once, as printed; 1. (a) a): a space */
	if (cp == ')' && text_width(marker, n) > utf8_count(marker, n))
		return "";
	if (cp_width(cp) == 2 && u_ispunct((UChar32)cp))
		return "";
	if (cp < 0x80 && u_ispunct((UChar32)cp))
		return " ";
	return l->marker_space;
}

/* What a contents entry shows: the first len bytes of text, and "…" after
 * them when the text was cut. */
struct caption {
	const char *text;
	size_t len;
	bool cut;
};

/* The first `max` code points of s (cut at the byte `end`). */
static struct caption shorten(const char *s, size_t end, size_t max)
{
	size_t bytes = 0, chars = 0;
	uint32_t cp;
	while (bytes < end && chars < max) {
		size_t n = utf8_decode(s + bytes, end - bytes, &cp);
		bytes += n ? n : 1;
		chars++;
	}
	return (struct caption){s, bytes, bytes < end};
}

/* The first phrase of a Chinese text: up to its first pause, one of
 * \u3000 ： ， 。 ； 、 (E3 80 80, EF BC 9A, EF BC 8C, E3 80 82, EF BC 9B,
 * E3 80 81) or ' ' ':' ',' ';' — found in one pass over the text. */
static struct caption chinese_caption(const char *text)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t end = 0;
	for (; u[end]; end++) {
		unsigned char c = u[end];
		if (c == ' ' || c == ':' || c == ',' || c == ';')
			break;
		if (c == 0xE3 && u[end + 1] == 0x80 && (u[end + 2] == 0x80 || u[end + 2] == 0x81 || u[end + 2] == 0x82))
			break;
		if (c == 0xEF && u[end + 1] == 0xBC && (u[end + 2] == 0x9A || u[end + 2] == 0x8C || u[end + 2] == 0x9B))
			break;
	}
	return shorten(text, end, CAPTION_CHARS);
}

/* The first words of an English text: up to its first pause, at most a few. */
static struct caption english_caption(const char *text)
{
	size_t end = strcspn(text, ",.;:"), words = 0, i = 0;
	while (i < end) {
		while (i < end && text[i] == ' ')
			i++;
		if (i == end)
			break;
		if (++words > CAPTION_WORDS) {
			while (i > 0 && text[i - 1] == ' ')
				i--;
			return (struct caption){text, i, true};
		}
		while (i < end && text[i] != ' ')
			i++;
	}
	return (struct caption){text, end, false};
}

/* A heading's title; for an article or a division written as a paragraph
 * (第一条 目的　为…, outline's 一、严格遵守…), the first phrase of its text,
 * an article's gathered in `text`. */
static struct caption toc_caption(const struct pnode *node, bool english, struct buf *text)
{
	const char *title = node->title ? node->title : "";
	if (node->heading || node->level == LV_ATTACHMENT)
		return (struct caption){title, strlen(title), false};
	if (node->level == LV_ARTICLE) {
		buf_reset(text);
		pnode_put_own_text(text, node);
		title = text->data ? text->data : "";
	}
	return english ? english_caption(title) : chinese_caption(title);
}

static bool in_toc(enum level level)
{
	return level == LV_CHAPTER || level == LV_SECTION || level == LV_ARTICLE || level == LV_ATTACHMENT;
}

static bool has_toc_children(const struct pnode *node)
{
	if (node->level == LV_ARTICLE || node->level == LV_ATTACHMENT)
		return false;
	for (const struct pnode *c = node->first; c; c = c->next)
		if (in_toc(c->level))
			return true;
	return false;
}

/* Opens the list of a node's TOC children; a list of articles only is
 * laid out in columns. */
static void open_toc_list(struct buf *b, const struct pnode *node)
{
	bool articles_only = true;
	for (const struct pnode *c = node->first; c; c = c->next)
		if (in_toc(c->level) && c->level != LV_ARTICLE)
			articles_only = false;
	buf_puts(b, articles_only ? "<ol class=\"toc-articles\">\n" : "<ol>\n");
}

struct toc {
	struct html_page *page;
	const struct labels *l;
	struct buf text; /* an article's own text, for its caption */
};

static bool visit_toc(void *ctx, const struct pnode *node, bool entering)
{
	struct toc *t = ctx;
	struct buf *b = &t->page->out;
	if (node->level == LV_DOCUMENT) {
		if (entering)
			open_toc_list(b, node);
		else
			buf_puts(b, "</ol>\n");
		return true;
	}
	if (!in_toc(node->level))
		return false;
	if (!entering) {
		buf_puts(b, has_toc_children(node) ? "</ol>\n</li>\n" : "</li>\n");
		return false;
	}
	static const char *const classes[LV_COUNT] = {
		[LV_CHAPTER] = "toc-chapter", [LV_SECTION] = "toc-section",
		[LV_ARTICLE] = "toc-article", [LV_ATTACHMENT] = "toc-attachment"};
	buf_puts(b, "<li class=\"");
	buf_puts(b, classes[node->level]);
	buf_puts(b, "\"><a href=\"#");
	size_t len;
	const char *id = html_anchor(t->page, node, &len);
	if (id)
		buf_put(b, id, len); /* letters, digits and hyphens: nothing to escape */
	buf_puts(b, "\">");
	html_put_marker(b, node->marker);
	struct caption caption = toc_caption(node, t->l == &html_en_labels, &t->text);
	if (caption.len || caption.cut)
		buf_puts(b, html_marker_gap(t->l, node->marker));
	html_escape_buf(b, caption.text, caption.len);
	if (caption.cut)
		buf_puts(b, "…");
	buf_puts(b, "</a>");
	if (has_toc_children(node)) {
		buf_putc(b, '\n');
		open_toc_list(b, node);
		return true;
	}
	return false;
}

void html_put_toc(struct html_page *page, const struct labels *l)
{
	const struct pnode *root = page->doc->root;
	if (root == NULL || !has_toc_children(root))
		return;
	struct buf *b = &page->out;
	buf_puts(b, "<nav class=\"toc\">\n<h2 class=\"toc-title\">");
	html_put_escaped(b, l->contents);
	buf_puts(b, "</h2>\n");
	struct toc t = {page, l, {0}};
	html_walk_pnodes(root, visit_toc, &t);
	buf_free(&t.text);
	buf_puts(b, "</nav>\n");
}
