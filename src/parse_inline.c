/* parse_inline.c — markers inside inline content (parse_inline.h) and the
 * plain text of a node (pnode_own_text). */
#include "parse_inline.h"

#include <string.h>

#include "inline_walk.h"
#include "util.h"

static bool is_break(cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

static bool is_wrapper(cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	return type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH;
}

/* Whether the first line of a paragraph after its marker reads as a title:
 * no sentence punctuation before the first break. */
static bool title_like(cmark_node *holder, const struct marker_match *m)
{
	static const char *const stops[] = {"。", "，", "；", "：", "！", "？", ",", ";", ":", "!", "?"};
	const char *lit = cmark_node_get_literal(holder);
	size_t skip = m->lead + m->len;
	for (cmark_node *node = holder; node && !is_break(node); node = cmark_node_next(node)) {
		const char *text = node == holder ? lit : cmark_node_get_literal(node);
		if (!text || (node == holder && literal_length(holder, text) < skip))
			continue;
		for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
			if (strstr(node == holder ? text + skip : text, stops[i]))
				return false;
	}
	return true;
}

bool inline_marker(const struct scheme_syntax *syntax, cmark_node *first, unsigned place,
		   enum level lo, enum level hi, struct marker_match *m, cmark_node **holder)
{
	if (!syntax || !first)
		return false;
	/* 　　**第一条** …: indentation before a bold marker is its own text node. */
	if (cmark_node_get_type(first) == CMARK_NODE_TEXT && cmark_node_next(first) &&
	    is_wrapper(cmark_node_next(first))) {
		const char *lit = cmark_node_get_literal(first);
		size_t n = literal_length(first, lit);
		if (marker_spaces(lit, n) == n)
			first = cmark_node_next(first);
	}
	bool wrapped = is_wrapper(first);
	cmark_node *text = wrapped ? cmark_node_first_child(first) : first;
	if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return false;
	/* The end of a bold marker ends the run: **第一条**文本 is an article.
	 * A line of a paragraph that holds only 第九条 is the end of a
	 * sentence broken before it (依照⏎第九条⏎办理), not a marker. */
	cmark_node *next = cmark_node_next(text);
	bool run_ends = wrapped ? next == NULL : place != PLACE_LINE && (next == NULL || is_break(next));
	const char *lit = cmark_node_get_literal(text);
	size_t n = literal_length(text, lit);
	if (!lit || !marker_match(syntax, place, lo, hi, lit, n, run_ends, m))
		return false;
	/* 8 .在工作中，… is no chapter 8 (a title has no sentence
	 * punctuation), but it may be a marker of a lower level. */
	if (place == PLACE_PARAGRAPH && m->form->level == LV_CHAPTER && syntax->paragraph_chapters_are_titles &&
	    !title_like(text, m) &&
	    (hi == LV_CHAPTER ||
	     !marker_match(syntax, place, lo > LV_SECTION ? lo : LV_SECTION, hi, lit, n, run_ends, m)))
		return false;
	*holder = text;
	return true;
}

void paragraph_segments(const struct scheme_syntax *syntax, cmark_node *para, unsigned first_place,
			enum level lo, enum level hi, struct segments *segs)
{
	segs->n = 0;
	struct segment first = {NULL, cmark_node_first_child(para), false, {0}, NULL};
	if (first_place)
		first.marked = inline_marker(syntax, first.first, first_place, lo, hi, &first.m, &first.holder);
	ARRAY_PUSH(segs->v, segs->n, segs->cap, first);
	for (cmark_node *child = first.first; child; child = cmark_node_next(child)) {
		if (!is_break(child))
			continue;
		struct segment seg = {child, cmark_node_next(child), false, {0}, NULL};
		seg.marked = inline_marker(syntax, seg.first, PLACE_LINE, lo > LV_ITEM ? LV_ITEM : lo, hi, &seg.m,
					   &seg.holder);
		if (seg.marked)
			ARRAY_PUSH(segs->v, segs->n, segs->cap, seg);
	}
}

void first_text_from(cmark_node *node, cmark_node *stop, cmark_node **text, size_t *skip)
{
	for (; node && node != stop; node = cmark_node_next(node)) {
		if (is_break(node))
			continue;
		if (cmark_node_get_type(node) == CMARK_NODE_TEXT) {
			const char *lit = cmark_node_get_literal(node);
			size_t n = literal_length(node, lit);
			size_t lead = lit ? marker_spaces(lit, n) : 0;
			if (lead == n)
				continue;
			*text = node;
			*skip = lead;
			return;
		}
		*text = node;
		*skip = 0;
		return;
	}
	*text = NULL;
	*skip = 0;
}

void text_after_marker(cmark_node *holder, const struct marker_match *m, cmark_node *stop,
		       cmark_node **text, size_t *skip)
{
	const char *lit = cmark_node_get_literal(holder);
	size_t after = m->lead + m->len + m->sep;
	if (lit && literal_length(holder, lit) > after) {
		*text = holder;
		*skip = after;
		return;
	}
	cmark_node *next = cmark_node_next(holder);
	cmark_node *parent = cmark_node_parent(holder);
	if (!next && parent && is_wrapper(parent))
		next = cmark_node_next(parent);
	first_text_from(next, stop, text, skip);
}

static int start_line(cmark_node *node)
{
	int line = cmark_node_get_start_line(node);
	return line > 0 ? line : 1;
}

void block_position(const struct document *doc, cmark_node *block, int *line, int *col)
{
	*line = start_line(block);
	int byte_col = cmark_node_get_start_column(block);
	*col = document_column(doc, *line, byte_col > 0 ? byte_col : 1);
}

/* Byte offset of the first occurrence of marker on `line` at or after byte
 * `from`, or -1. */
static long find_on_line(const struct document *doc, int line, size_t from, const char *marker,
			 size_t len)
{
	size_t n;
	const char *text = document_line(doc, line, &n);
	if (from > n || len == 0)
		return -1;
	for (size_t at = from; at + len <= n; at++)
		if (memcmp(text + at, marker, len) == 0)
			return (long)at;
	return -1;
}

void marker_position(const struct document *doc, cmark_node *block, cmark_node *holder,
		     const char *marker, size_t len, bool first_line, int *line, int *col)
{
	int first = start_line(block);
	int last = cmark_node_get_end_line(block);
	if (last < first)
		last = first;
	int start_col = cmark_node_get_start_column(block);
	size_t block_from = start_col > 1 ? (size_t)start_col - 1 : 0;
	int hint = first_line ? first : cmark_node_get_start_line(holder);
	if (hint < first || hint > last)
		hint = first;
	long at = find_on_line(doc, hint, hint == first ? block_from : 0, marker, len);
	int found = hint;
	for (int l = first_line ? first : hint; at < 0 && l <= last; l++) {
		at = find_on_line(doc, l, l == first ? block_from : 0, marker, len);
		found = l;
	}
	if (at < 0) {
		block_position(doc, block, line, col);
		return;
	}
	*line = found;
	*col = document_column(doc, found, (int)at + 1);
}

/* The text one inline adds to a plain text: a text or code literal from
 * byte skip, a space for a soft break, a newline for a hard one; NULL and
 * *len 0 for the rest. */
static const char *inline_piece(cmark_node *node, size_t skip, size_t *len)
{
	const char *lit;
	*len = 0;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(node);
		*len = literal_length(node, lit);
		if (!lit || skip >= *len) {
			*len = 0;
			return NULL;
		}
		*len -= skip;
		return lit + skip;
	case CMARK_NODE_SOFTBREAK:
		*len = 1;
		return " ";
	case CMARK_NODE_LINEBREAK:
		*len = 1;
		return "\n";
	default:
		return NULL;
	}
}

/* Receives each piece of a plain text in order; false stops the walk. */
typedef bool (*text_fn)(void *ctx, const char *s, size_t len);

static bool put_piece(void *ctx, const char *s, size_t len)
{
	buf_put(ctx, s, len);
	return true;
}

static void walk_inline_text(cmark_node *node, text_fn fn, void *ctx)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	size_t len;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		const char *s = ev == CMARK_EVENT_ENTER ? inline_piece(cmark_iter_get_node(it), 0, &len) : NULL;
		if (s && !fn(ctx, s, len))
			break;
	}
	cmark_iter_free(it);
}

char *inline_text(cmark_node *node)
{
	struct buf out = {0};
	buf_puts(&out, "");
	walk_inline_text(node, put_piece, &out);
	return buf_take(&out);
}

void inline_put_text(struct buf *out, cmark_node *node)
{
	walk_inline_text(node, put_piece, out);
}

static void walk_own_text(const struct pnode *node, text_fn fn, void *ctx)
{
	if (!node || !node->text || !node->block)
		return;
	size_t len;
	const char *s = inline_piece(node->text, node->skip, &len);
	if (s && !fn(ctx, s, len))
		return;
	/* A text that is its block's last inline, without children (an
	 * article's paragraph, mostly): the walk would meet only exits. */
	if (!cmark_node_first_child(node->text) && !cmark_node_next(node->text) &&
	    cmark_node_parent(node->text) == node->block)
		return;
	/* Start the walk at the text itself: a paragraph of many sub-item lines
	 * must not be walked from its start once per line. */
	cmark_iter *it = cmark_iter_new(node->block);
	cmark_iter_reset(it, node->text, CMARK_EVENT_ENTER);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (n == node->stop)
			break;
		s = inline_piece(n, 0, &len);
		if (s && !fn(ctx, s, len))
			break;
	}
	cmark_iter_free(it);
}

char *pnode_own_text(const struct pnode *node)
{
	struct buf out = {0};
	buf_puts(&out, "");
	walk_own_text(node, put_piece, &out);
	return buf_take(&out);
}

void pnode_put_own_text(struct buf *out, const struct pnode *node)
{
	walk_own_text(node, put_piece, out);
}

/* Whether a text read piece by piece is still blank as trim_spaces sees it:
 * made only of U+0020, tab, U+3000, newline and carriage return. `ideo`
 * counts the bytes of a U+3000 begun in one piece, should a literal ever
 * end inside one. */
struct blank_scan {
	size_t ideo;
	bool blank;
};

static bool scan_blank(void *ctx, const char *s, size_t len)
{
	static const char ideographic_space[] = "\xE3\x80\x80";
	struct blank_scan *scan = ctx;
	for (size_t i = 0; i < len && scan->blank; i++) {
		char c = s[i];
		if (scan->ideo > 0) {
			scan->blank = c == ideographic_space[scan->ideo];
			scan->ideo = scan->ideo == 2 ? 0 : scan->ideo + 1;
		} else if (c == ideographic_space[0]) {
			scan->ideo = 1;
		} else {
			scan->blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
		}
	}
	return scan->blank;
}

bool pnode_own_text_blank(const struct pnode *node)
{
	struct blank_scan scan = {0, true};
	walk_own_text(node, scan_blank, &scan);
	return scan.blank && scan.ideo == 0;
}

char *trim_spaces(char *s)
{
	size_t n = strlen(s);
	size_t lead = marker_spaces(s, n);
	while (lead < n && (s[lead] == '\n' || s[lead] == '\r'))
		lead += 1 + marker_spaces(s + lead + 1, n - lead - 1);
	memmove(s, s + lead, n - lead + 1);
	n -= lead;
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}
