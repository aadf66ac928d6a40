/* render_text_out.c — lines, wrapping, folding and the plain text of inline
 * content for the plain-text renderer. */
#include "render_text_impl.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "textwidth.h"

#define TAB_STOP 4

static bool is_trailing_space(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
		*len = 1;
		return true;
	}
	if (n >= 3 && memcmp(s + n - 3, IDEOGRAPHIC_SPACE, 3) == 0) {
		*len = 3;
		return true;
	}
	return false;
}

/* The blank line that waits, put before what comes (none at the start). */
static void settle_blank(struct text_out *o)
{
	if (o->blank_pending && o->buf.len > 0)
		buf_putc(&o->buf, '\n');
	o->blank_pending = false;
}

/* tout_line after `pad` ASCII spaces (none when the line is blank). */
static void put_line_after(struct text_out *o, int pad, const char *s, size_t n)
{
	size_t cut;
	while (is_trailing_space(s, n, &cut))
		n -= cut;
	settle_blank(o);
	if (n > 0 && pad > 0)
		buf_put_repeat(&o->buf, " ", 1, (size_t)pad);
	buf_put(&o->buf, s, n);
	buf_putc(&o->buf, '\n');
}

void tout_line(struct text_out *o, const char *s, size_t n)
{
	put_line_after(o, 0, s, n);
}

void tout_blank(struct text_out *o)
{
	if (o->buf.len > 0)
		o->blank_pending = true;
}

void tout_lines(struct text_out *o, const char *s)
{
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		tout_line(o, s, n);
		s += n;
		if (*s == '\n')
			s++;
	}
}

/* Lines of wrapped text, each written unless nothing but spaces is left. */
static void put_nonblank_lines(struct text_out *o, const char *s)
{
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s), len = n, cut;
		while (is_trailing_space(s, len, &cut))
			len -= cut;
		if (len > 0)
			tout_line(o, s, len);
		s += n;
		if (*s == '\n')
			s++;
	}
}

/* A prefix too wide to leave two columns of text would make wrap_text put
 * one character a line; then the prefix goes. */
static struct wrap_prefix fitting_prefix(struct text_out *o, const char *prefix)
{
	if (*prefix == '\0') /* the lines after the first, most often */
		return (struct wrap_prefix){"", 0, 0};
	size_t len = strlen(prefix);
	struct wrap_prefix measured;
	if (len == o->measured_len && memcmp(prefix, o->measured, len) == 0) {
		measured = (struct wrap_prefix){prefix, len, o->measured_cols};
	} else {
		measured = wrap_prefix(prefix);
		if (len < sizeof o->measured) {
			memcpy(o->measured, prefix, len);
			o->measured_len = len;
			o->measured_cols = measured.cols;
		}
	}
	if (measured.cols + 2 > o->width)
		return wrap_prefix("");
	return measured;
}

static void wrap_segment(struct text_out *o, const char *s, size_t n, const struct wrap_prefix *first,
			 const struct wrap_prefix *rest)
{
	if (n == 0) {
		put_nonblank_lines(o, first->text);
		return;
	}
	size_t cut;
	if (!is_trailing_space(s, n, &cut)) {
		/* A text that ends with a visible character (and holds no
		 * newline) wraps into lines that all show one and end with
		 * one, which is how tout_line writes them: they go straight
		 * into the text, after the blank line that waits. */
		settle_blank(o);
		wrap_text_prefixed(&o->buf, s, n, o->width, first, rest);
		return;
	}
	/* one that ends with spaces may give a line of its prefix alone */
	buf_reset(&o->wrapped);
	wrap_text_prefixed(&o->wrapped, s, n, o->width, first, rest);
	if (o->wrapped.len > 0)
		put_nonblank_lines(o, o->wrapped.data);
}

void tout_wrap(struct text_out *o, const char *text, const char *first, const char *rest)
{
	struct wrap_prefix first_prefix = fitting_prefix(o, first), rest_prefix = fitting_prefix(o, rest);
	const struct wrap_prefix *prefix = &first_prefix;
	for (;;) {
		const char *end = strchr(text, '\n');
		size_t n = end ? (size_t)(end - text) : strlen(text);
		wrap_segment(o, text, n, prefix, &rest_prefix);
		if (!end)
			break;
		text = end + 1;
		prefix = &rest_prefix;
	}
}

/* A line of `cols` columns centered in the width. */
static void put_centered(struct text_out *o, const char *s, size_t n, int cols)
{
	put_line_after(o, (o->width - cols) / 2, s, n);
}

void tout_center(struct text_out *o, const char *text)
{
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t n = end ? (size_t)(end - text) : strlen(text);
		int cols = (int)text_width(text, n);
		char *lines = cols > o->width ? wrap_text(text, n, o->width, "", "") : NULL;
		if (lines) {
			for (const char *l = lines; *l;) {
				const char *e = strchr(l, '\n');
				size_t len = e ? (size_t)(e - l) : strlen(l);
				put_centered(o, l, len, (int)text_width(l, len));
				l += len + (e != NULL);
			}
			free(lines);
		} else {
			put_centered(o, text, n, cols);
		}
		text += n + (end != NULL);
	}
}

static uint32_t decode_at(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(s, n, &cp);
	if (*len == 0) {
		*len = 1;
		cp = 0xfffd;
	}
	return cp;
}

/* UAX #14 classes that clreq keeps off the start of a line: closing brackets
 * and quotes, ，。、；：？！ and the like. */
static bool is_closing(uint32_t cp)
{
	int lb = u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK);
	if (lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
	    lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC)
		return true;
	if (lb == U_LB_NONSTARTER && u_ispunct((UChar32)cp))
		return true;
	return u_charType((UChar32)cp) == U_FINAL_PUNCTUATION;
}

static bool is_opening(uint32_t cp)
{
	int lb = u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK);
	return lb == U_LB_OPEN_PUNCTUATION || u_charType((UChar32)cp) == U_INITIAL_PUNCTUATION;
}

size_t *fold_columns(const char *s, size_t n, int cols, size_t *npieces, int **piece_cols)
{
	long whole_cols = n > 0 ? (long)text_width(s, n) : 0;
	if (n > 0 && whole_cols <= cols) { /* most lines: one piece, as the loop below gives */
		size_t *whole = xmalloc(sizeof *whole);
		whole[0] = n;
		*npieces = 1;
		if (piece_cols) {
			*piece_cols = xmalloc(sizeof **piece_cols);
			(*piece_cols)[0] = (int)whole_cols;
		}
		return whole;
	}
	size_t count = utf8_count(s, n) + 1;
	size_t *off = xmalloc(count * sizeof(*off)); /* start of each code point, then n */
	int *width = xmalloc(count * sizeof(*width));
	uint32_t *cps = xmalloc(count * sizeof(*cps));
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		size_t len;
		cps[k] = decode_at(s + i, n - i, &len);
		off[k] = i;
		width[k] = cp_width(cps[k]);
		i += len;
	}
	off[k] = n;
	size_t *pieces = xmalloc((k + 1) * sizeof(*pieces)), np = 0;
	int *shown = piece_cols ? xmalloc((k + 1) * sizeof(*shown)) : NULL;
	size_t start = 0;
	while (start < k) {
		size_t end = start;
		int used = 0;
		while (end < k && (end == start || used + width[end] <= cols))
			used += width[end++];
		size_t cut = end;
		while (cut < k && cut > start + 1 && (is_closing(cps[cut]) || is_opening(cps[cut - 1])))
			cut--;
		if (cut == start + 1 && end > start + 1 &&
		    (is_closing(cps[cut]) || is_opening(cps[cut - 1])))
			cut = end; /* no better cut inside this piece */
		if (shown) {
			shown[np] = 0;
			for (size_t c = start; c < cut; c++)
				shown[np] += width[c];
		}
		pieces[np++] = off[cut] - off[start];
		start = cut;
	}
	free(off);
	free(width);
	free(cps);
	*npieces = np;
	if (piece_cols)
		*piece_cols = shown;
	return pieces;
}

void tout_verbatim(struct text_out *o, const char *line, size_t n, const char *indent)
{
	struct buf b = {0};
	int col = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = decode_at(line + i, n - i, &len);
		if (cp == '\t') {
			do
				buf_putc(&b, ' ');
			while (++col % TAB_STOP);
		} else {
			buf_put(&b, line + i, len);
			col += cp_width(cp);
		}
		i += len;
	}
	b.data = b.data ? b.data : xstrdup("");
	int room = o->width - (int)text_width(indent, strlen(indent));
	if (room < 2)
		room = 2;
	size_t np, at = 0;
	size_t *pieces = fold_columns(b.data, b.len, room, &np, NULL);
	struct buf l = {0};
	for (size_t i = 0; i < np || (np == 0 && i == 0); i++) {
		l.len = 0;
		buf_puts(&l, indent);
		if (np)
			buf_put(&l, b.data + at, pieces[i]);
		tout_line(o, l.data, l.len);
		at += np ? pieces[i] : 0;
	}
	free(pieces);
	buf_free(&l);
	buf_free(&b);
}

size_t widest_line(const char *s)
{
	size_t widest = 0;
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s), w = text_width(s, n);
		widest = w > widest ? w : widest;
		s += n + (end != NULL);
	}
	return widest;
}

/* Columns of the widest unbreakable run of text (a date, a word, a
 * character with the mark it may not be parted from). */
int longest_token(const char *text)
{
	int longest = 0;
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t n = end ? (size_t)(end - text) : strlen(text);
		int w = (int)wrap_widest_line(text, n, 1);
		longest = w > longest ? w : longest;
		text += n + (end != NULL);
	}
	return longest;
}

const char *marker_separator(const char *marker)
{
	if (!marker || !*marker)
		return "";
	size_t n = strlen(marker), i = n;
	while (i > 0 && ((unsigned char)marker[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	size_t len;
	uint32_t cp = decode_at(marker + i, n - i, &len);
	if (cp >= 0x4E00 && cp <= 0x9FFF) /* 第一条: an ideograph, no punctuation */
		return IDEOGRAPHIC_SPACE;
	if (cp_width(cp) == 2)
		return u_ispunct((UChar32)cp) ? "" : IDEOGRAPHIC_SPACE;
	/* (一) closes like （一）: the text follows at once */
	if (cp == ')' && (int)text_width(marker, n) > (int)utf8_count(marker, n))
		return "";
	return " ";
}

/* ---- plain text of inline content ---- */

static bool is_block(cmark_node *node)
{
	return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

/* The plain text is written in one pass, straight into its buffer: runs of
 * spaces and soft breaks are held back as `pending` and settled when the next
 * character comes (or dropped, at a line's end). What it writes is the text
 * the literals would give once their spaces are collapsed (normalize). Link
 * targets need the text as written, before collapsing: from the first link
 * on, that is kept too (`raw`), links being rare. */
enum pending_space { PENDING_NONE, PENDING_SOFT, PENDING_REAL };

struct plain {
	struct buf *out;
	size_t start;               /* where this text begins in out */
	enum pending_space pending; /* a run of soft breaks, or of spaces (and soft breaks), waits */
	const char *last_piece;     /* the last piece as written (NULL: none yet), in a */
	size_t last_piece_len;      /* literal or a constant, which outlive the text */
	bool keep_raw;
	struct buf raw;             /* the text as written, from the first link on */
};

static uint32_t last_code_point_of(const char *s, size_t from, size_t to)
{
	size_t i = to;
	while (i > from && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == from)
		return 0;
	size_t len;
	return decode_at(s + i - 1, to - i + 1, &len);
}

static void raw_put(struct plain *p, const char *s, size_t n)
{
	p->last_piece = s;
	p->last_piece_len = n;
	if (p->keep_raw)
		buf_put(&p->raw, s, n);
}

/* A space (real) or a soft break (not real) in the text. */
static void plain_space(struct plain *p, bool real)
{
	if (real) {
		p->pending = PENDING_REAL;
		raw_put(p, " ", 1);
	} else {
		if (p->pending == PENDING_NONE)
			p->pending = PENDING_SOFT;
		raw_put(p, "\x01", 1);
	}
}

static void plain_newline(struct plain *p)
{
	p->pending = PENDING_NONE;
	if (p->out->len > p->start)
		buf_putc(p->out, '\n');
	raw_put(p, "\n", 1);
}

/* n > 0 bytes holding no space, soft break or newline. A waiting run of spaces
 * becomes one space, unless it starts a line or, made of soft breaks alone,
 * joins two wide characters (Chinese lines joined). */
static void plain_bytes(struct plain *p, const char *s, size_t n)
{
	struct buf *out = p->out;
	if (p->pending != PENDING_NONE && out->len > p->start && out->data[out->len - 1] != '\n') {
		size_t len;
		if (p->pending == PENDING_REAL ||
		    cp_width(last_code_point_of(out->data, p->start, out->len)) != 2 ||
		    cp_width(decode_at(s, n, &len)) != 2)
			buf_putc(out, ' ');
	}
	p->pending = PENDING_NONE;
	buf_put(out, s, n);
	raw_put(p, s, n);
}

/* The bytes that may begin a character control_at removes: the C0 controls, the space,
 * DEL, and the lead bytes of U+0080..U+00BF and U+2000..U+2FFF. */
static bool may_be_control(unsigned char c)
{
	return c <= 0x20 || c == 0x7f || c == 0xc2 || c == 0xe2;
}

/* Whether any of the 8 bytes of x may_be_control, tested on all of them at
 * once ("Bit Twiddling Hacks": a byte below 0x21, or one that XOR gives 0):
 * most text, and all of Chinese, passes 8 bytes at a time. 0xC2 and 0xE2
 * differ only in the bit 0x20, which the OR sets. */
static bool word_may_hold_control(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t del = x ^ ones * 0x7f, lead = (x | ones * 0x20) ^ ones * 0xe2;
	return (((x - ones * 0x21) & ~x) | ((del - ones) & ~del) | ((lead - ones) & ~lead)) & highs;
}

/* Text literals lose control characters: they would corrupt the layout, and
 * C1 controls (U+0080 to U+009F, CSI among them) are terminal commands. The
 * line and paragraph separators U+2028 and U+2029 are spaces like '\n'.
 * Returns how many bytes at s[i] are such a character (0: none, the byte is
 * text) and whether they stand for a space. */
static size_t control_at(const char *s, size_t n, size_t i, bool *space)
{
	unsigned char c = (unsigned char)s[i];
	*space = false;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f)
		return 2;
	if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
		*space = true;
		return 3;
	}
	if (c >= 0x80 || (c > 0x20 && c < 0x7f))
		return 0;
	*space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
	return 1;
}

/* The first byte at or after i that may_be_control, or n: 16 bytes at a
 * time with SSE2 (a byte below 0x21 is one that the unsigned minimum with
 * 0x20 leaves as it is), 8 without. */
static size_t next_maybe_control(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f), lead = _mm_set1_epi8((char)0xe2);
	for (; n - i >= 16; i += 16) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, space), v);
		const __m128i other = _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(_mm_or_si128(v, space), lead));
		unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(low, other));
		if (hits)
			return i + (size_t)__builtin_ctz(hits);
	}
#endif
	i = skip_clean_words(s, i, n, word_may_hold_control);
	while (i < n && !may_be_control((unsigned char)s[i]))
		i++;
	return i;
}

/* The first control character (see control_at) at or after `from`: false
 * when there is none. */
static bool next_control(const char *s, size_t n, size_t from, size_t *at, size_t *len, bool *space)
{
	for (size_t i = from; (i = next_maybe_control(s, i, n)) < n; i++)
		if ((*len = control_at(s, n, i, space)) > 0) {
			*at = i;
			return true;
		}
	return false;
}

/* A literal's text, its spaces collapsed on the way. */
static void plain_literal(struct plain *p, const char *s, size_t n)
{
	size_t run = 0, at, len; /* run: start of the bytes not yet written */
	bool space;
	for (; next_control(s, n, run, &at, &len, &space); run = at + len) {
		if (at > run)
			plain_bytes(p, s + run, at - run);
		if (space)
			plain_space(p, true);
	}
	if (n > run)
		plain_bytes(p, s + run, n - run);
}

/* A front-matter line as a literal's text, its spaces kept. */
static void put_literal(struct buf *b, const char *s, size_t n)
{
	size_t run = 0, at, len;
	bool space;
	for (; next_control(s, n, run, &at, &len, &space); run = at + len) {
		buf_put(b, s + run, at - run);
		if (space)
			buf_putc(b, ' ');
	}
	buf_put(b, s + run, n - run);
}

char *plain_value(const char *s)
{
	struct buf b = {0};
	for (const char *line = s;;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		put_literal(&b, line, n);
		if (!end)
			break;
		buf_putc(&b, '\n');
		line = end + 1;
	}
	return buf_take(&b);
}

/* A link's address after its text, unless the text already says it. */
static void put_link_target(struct plain *p, size_t text_start, cmark_node *link)
{
	const char *url = cmark_node_get_url(link);
	if (!url || !*url || url[0] == '#')
		return;
	const char *text = p->raw.data ? p->raw.data + text_start : "";
	size_t tlen = p->raw.len - text_start;
	if (strlen(url) == tlen && memcmp(url, text, tlen) == 0)
		return;
	if (str_starts_with(url, "mailto:") && strlen(url + 7) == tlen && memcmp(url + 7, text, tlen) == 0)
		return;
	/* after Chinese text in full-width parentheses, like any 注 */
	uint32_t last = p->last_piece ? last_code_point_of(p->last_piece, 0, p->last_piece_len) : 0;
	bool wide = cp_width(last) == 2;
	plain_literal(p, wide ? "\xef\xbc\x88" : " <", wide ? 3 : 2); /* （ */
	plain_literal(p, url, strlen(url));
	plain_literal(p, wide ? "\xef\xbc\x89" : ">", wide ? 3 : 1); /* ） */
}

/* A text or code node's literal, its first `skip` bytes left out. */
static void plain_node_literal(struct plain *p, cmark_node *node, size_t skip)
{
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit ? strlen(lit) : 0, from_byte = skip < len ? skip : len;
	if (len > from_byte)
		plain_literal(p, lit + from_byte, len - from_byte);
}

/* The end of the text: what the buffer kept for links goes, and so do the
 * line breaks the text would end with. */
static void plain_finish(struct plain *p)
{
	buf_free(&p->raw);
	while (p->out->len > p->start && p->out->data[p->out->len - 1] == '\n')
		p->out->data[--p->out->len] = '\0';
}

void inline_plain_into(struct buf *out, cmark_node *from, size_t skip, cmark_node *stop)
{
	cmark_node *leaf = from;
	while (leaf && !is_block(leaf))
		leaf = cmark_node_parent(leaf);
	if (!leaf)
		return;
	struct plain p = {.out = out, .start = out->len};
	/* Most texts are one text node of their paragraph (plain Chinese text):
	 * written as the walk below would write it, without its iterator. */
	cmark_node *after = cmark_node_next(from);
	if (from != leaf && cmark_node_parent(from) == leaf && cmark_node_get_type(from) == CMARK_NODE_TEXT &&
	    (after == NULL || after == stop)) {
		plain_node_literal(&p, from, skip);
		plain_finish(&p);
		return;
	}
	size_t link_start = 0;
	bool started = false;
	cmark_iter *iter = cmark_iter_new(leaf);
	if (from != leaf) /* lines of one paragraph: start at the line, not at the top */
		cmark_iter_reset(iter, from, CMARK_EVENT_ENTER);
	cmark_event_type ev;
	bool first_event = from != leaf;
	while ((ev = first_event ? CMARK_EVENT_ENTER : cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		first_event = false;
		cmark_node *node = cmark_iter_get_node(iter);
		if (node == stop && started)
			break;
		if (!started) {
			if (node != from || ev != CMARK_EVENT_ENTER)
				continue;
			started = true;
		}
		cmark_node_type type = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_EXIT) {
			if (type == CMARK_NODE_LINK)
				put_link_target(&p, link_start, node);
			continue;
		}
		switch (type) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			plain_node_literal(&p, node, node == from ? skip : 0);
			break;
		case CMARK_NODE_SOFTBREAK:
			plain_space(&p, false);
			break;
		case CMARK_NODE_LINEBREAK:
			plain_newline(&p);
			break;
		case CMARK_NODE_LINK:
			p.keep_raw = true;
			link_start = p.raw.len;
			break;
		default: /* emphasis, images (their alt text follows), raw HTML: dropped */
			break;
		}
	}
	cmark_iter_free(iter);
	plain_finish(&p);
}

char *inline_plain(cmark_node *from, size_t skip, cmark_node *stop)
{
	struct buf b = {0};
	inline_plain_into(&b, from, skip, stop);
	return buf_take(&b);
}

char *leaf_plain(cmark_node *leaf)
{
	cmark_node *first = leaf ? cmark_node_first_child(leaf) : NULL;
	return first ? inline_plain(first, 0, NULL) : xstrdup("");
}
