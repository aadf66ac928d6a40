/* inline_position.c — where a text node's bytes stand in the file (see
 * text_position in inline_walk.h). */
#include <string.h>

#include "inline_walk.h"
#include "util.h"

/* How far past the last located text node a literal is looked for, in
 * candidate start bytes: enough for any markup between two text nodes, and a
 * bound on the work hostile input can cause. */
#define SEARCH_LIMIT 4096

/* Length of an entity reference (&amp; &#20013; &#x4e2d;) at s, or 0. */
static size_t entity_length(const char *s, size_t n)
{
	if (n < 3 || s[0] != '&')
		return 0;
	size_t i = 1;
	if (s[i] == '#') {
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

static bool is_escape(const char *src, size_t n, size_t pos, char c)
{
	return src[pos] == '\\' && pos + 1 < n && is_ascii_punct(src[pos + 1]) && c == src[pos + 1];
}

/* Whether the entity reference src[0..len) can stand for code point cp.
 * Numeric references are decoded; of the named ones only those for ASCII
 * characters are told apart, the others stand for any non-ASCII character. */
static bool entity_stands_for(const char *src, size_t len, uint32_t cp)
{
	static const struct {
		const char *name;
		char c;
	} ascii[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	if (src[1] == '#') {
		bool hex = src[2] == 'x' || src[2] == 'X';
		unsigned long value = 0;
		for (size_t i = hex ? 3 : 2; i + 1 < len && value <= 0x10FFFF; i++) {
			char c = src[i];
			int digit = c >= '0' && c <= '9' ? c - '0'
				    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (digit < 0)
				return false;
			value = value * (hex ? 16 : 10) + (unsigned long)digit;
		}
		/* cmark reads zero, surrogates and values past Unicode as U+FFFD. */
		if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
			value = 0xFFFD;
		return value == cp;
	}
	for (size_t i = 0; i < sizeof ascii / sizeof *ascii; i++)
		if (strlen(ascii[i].name) == len && memcmp(src, ascii[i].name, len) == 0)
			return cp == (uint32_t)(unsigned char)ascii[i].c;
	return cp > 0x7F;
}

/* Matches one character of the literal (lit[*i], of len bytes) at src[*pos]:
 * itself, its backslash escape, or an entity reference that stands for it.
 * Advances both on a match. */
static bool step(const char *src, size_t n, size_t *pos, const char *lit, size_t len, size_t *i)
{
	if (*pos >= n)
		return false;
	if (is_escape(src, n, *pos, lit[*i])) {
		*pos += 2;
		*i += 1;
		return true;
	}
	size_t ent = entity_length(src + *pos, n - *pos);
	if (ent && (len - *i < ent || memcmp(lit + *i, src + *pos, ent) != 0)) {
		uint32_t cp = 0;
		size_t k = utf8_decode(lit + *i, len - *i, &cp);
		if (k && entity_stands_for(src + *pos, ent, cp)) {
			*pos += ent;
			*i += k;
			return true;
		}
	}
	if (src[*pos] != lit[*i])
		return false;
	*pos += 1;
	*i += 1;
	return true;
}

/* Whether lit can only stand in the source as its very bytes where those
 * bytes are there: without a backslash or an ampersand in it, no escape or
 * entity reference of the source matches a byte of it that is also the
 * source's byte, so step() would go byte by byte. */
static bool is_plain(const char *lit, size_t len)
{
	return !memchr(lit, '\\', len) && !memchr(lit, '&', len);
}

/* The whole literal stands at src[pos]; sets *end past it. `plain`:
 * is_plain(lit, len), which lets a byte-for-byte match stand for step's. */
static bool matches(const char *src, size_t n, size_t pos, const char *lit, size_t len, bool plain,
		    size_t *end)
{
	if (plain && pos <= n && len <= n - pos && memcmp(src + pos, lit, len) == 0) {
		*end = pos + len;
		return true;
	}
	size_t i = 0;
	while (i < len)
		if (!step(src, n, &pos, lit, len, &i))
			return false;
	*end = pos;
	return true;
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

static cmark_node *enclosing_block(cmark_node *node)
{
	while (node && (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
		node = cmark_node_parent(node);
	return node;
}

/* The block whose sourcepos stands for `block`'s. cmark-gfm (0.29) cuts the
 * lines of a paragraph that come before a table's header row into a paragraph
 * of their own without any sourcepos; they begin where the table begins (its
 * start is the old paragraph's). Any other block without one: its parent. */
static cmark_node *positioned_block(cmark_node *block)
{
	while (block && cmark_node_get_start_line(block) <= 0) {
		cmark_node *next = cmark_node_next(block);
		block = next && cmark_node_get_start_line(next) > 0 ? next : cmark_node_parent(block);
	}
	return block;
}

/* Where text's literal (len bytes, is_plain: plain) starts: sets *line and
 * *pos (a byte of that line) and returns whether the literal was found there. */
static bool locate(const struct document *doc, struct text_cursor *cur, cmark_node *text,
		   const char *lit, size_t len, bool plain, int *line, size_t *pos)
{
	cmark_node *block = enclosing_block(text), *anchor = positioned_block(block);
	if (block != cur->block) {
		cur->block = block;
		cur->floor_line = anchor ? cmark_node_get_start_line(anchor) : 1;
		int col = anchor ? cmark_node_get_start_column(anchor) : 1;
		cur->floor_pos = col > 1 ? (size_t)col - 1 : 0;
	}
	size_t n, end;
	cmark_node *at = text;
	/* Nodes made by extensions carry no sourcepos: use their parent's. */
	while (at && cmark_node_get_start_line(at) <= 0)
		at = at == block ? anchor : cmark_node_parent(at);
	*line = at ? cmark_node_get_start_line(at) : cur->floor_line;
	int col = at ? cmark_node_get_start_column(at) : 1;
	*pos = col > 1 ? (size_t)col - 1 : 0;
	const char *src = document_line(doc, *line, &n);
	if (lit && matches(src, n, *pos, lit, len, plain, &end)) {
		cur->floor_line = *line;
		cur->floor_pos = end;
		return true;
	}
	int last = anchor ? cmark_node_get_end_line(anchor) : *line;
	/* cmark-gfm (0.29) gives the header cells of a table that follows lines
	 * of a paragraph the paragraph's first line and columns; the table's own
	 * end line is right, so the search runs on to it. */
	for (cmark_node *up = anchor; up; up = cmark_node_parent(up))
		if (strcmp(cmark_node_get_type_string(up), "table") == 0) {
			int table_end = cmark_node_get_end_line(up);
			last = table_end > last ? table_end : last;
			break;
		}
	size_t tried = 0;
	for (int l = cur->floor_line; lit && l <= last && tried < SEARCH_LIMIT; l++) {
		src = document_line(doc, l, &n);
		for (size_t p = l == cur->floor_line ? cur->floor_pos : 0; p < n && tried < SEARCH_LIMIT; p++, tried++) {
			if (matches(src, n, p, lit, len, plain, &end)) {
				*line = l;
				*pos = p;
				cur->floor_line = l;
				cur->floor_pos = end;
				return true;
			}
		}
	}
	return false;
}

void text_position(const struct document *doc, struct text_cursor *cur, cmark_node *text,
		   size_t off, int *line, int *col)
{
	const char *lit = cmark_node_get_literal(text);
	size_t n;
	if (cur->node != text || off < cur->off) {
		int at_line;
		size_t pos, len = literal_length(text, lit);
		bool plain = lit && is_plain(lit, len);
		bool exact = locate(doc, cur, text, lit, len, plain, &at_line, &pos);
		const char *src = document_line(doc, at_line, &n);
		if (cur->node && at_line == cur->line && pos >= cur->pos)
			count_on(cur, src, n, pos); /* the next node on the same line: count on */
		else
			cur->col = document_column(doc, at_line, (int)pos + 1);
		cur->node = text;
		cur->len = len;
		cur->plain = plain;
		cur->line = at_line;
		cur->pos = pos;
		cur->off = 0;
		cur->exact = exact;
	}
	const char *src = document_line(doc, cur->line, &n);
	if (lit && off > cur->off) {
		size_t i = cur->off, pos = cur->pos, len = cur->len;
		if (cur->exact && cur->plain && off <= len && pos <= n && off - i <= n - pos &&
		    memcmp(src + pos, lit + i, off - i) == 0) {
			pos += off - i; /* what step() would do byte by byte */
			i = off;
		}
		while (cur->exact && i < off)
			if (!step(src, n, &pos, lit, len, &i))
				cur->exact = false;
		count_on(cur, src, n, pos + (off - i));
		cur->off = off;
	}
	/* At an escaped character, point at the character, not at its backslash. */
	if (cur->exact && lit && cur->off < cur->len && is_escape(src, n, cur->pos, lit[cur->off]))
		count_on(cur, src, n, cur->pos + 1);
	*line = cur->line;
	*col = cur->col;
}
