/* textwidth_plain.c — wrap_text's one pass for plain Chinese text.
 *
 * A text made only of the simple classes (most of a policy: ideographs, the
 * punctuation around them, digits, quotation marks, U+3000) needs neither
 * ICU nor the four arrays of decode_input: its opportunities come from the
 * characters next to them (simple_break_before, and the quote breaks of
 * mark_east_asian_quote_breaks), so the lines are filled as the characters
 * are read, and fill_line's choice is made on the way. A line that
 * overflows goes back to its last permitted break, and the characters after
 * it are read again: a few a line. tests/unit/test_textwidth.c holds the
 * lines to those of the general path on random texts. */
#include "textwidth_impl.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "util.h"

/* What the one pass needs of a character; eight bytes, so that it is
 * copied in one move. */
struct plain_char {
	_Alignas(8) unsigned char len; /* its bytes; 0: the end of the text */
	unsigned char width; /* cp_width */
	unsigned char kind;  /* KIND_SPACE, KIND_CLOSING, KIND_OPENING */
	unsigned char class; /* enum simple_class; SIMPLE_OTHER: the text is not plain */
	unsigned char quote; /* enum quote_side */
};

static const struct plain_char plain_ideograph = {.len = 3, .width = 2, .class = SIMPLE_IDEOGRAPH};

static struct plain_char decoded_plain_char(const char *s, size_t n)
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	if (len == 0 || cp == 0)
		return (struct plain_char){.len = 1, .class = SIMPLE_OTHER};
	return (struct plain_char){.len = (unsigned char)len, .width = (unsigned char)cp_width(cp),
				   .kind = char_kind(cp), .class = (unsigned char)simple_class(cp),
				   .quote = (unsigned char)quote_side(cp)};
}

/* decoded_plain_char of ASCII and of the blocks of 64 code points the
 * punctuation of Chinese text comes from (U+2000 “”‘’…, U+3000 、。《》,
 * U+FF00 and U+FF40 ，：（）), which costs a hundred instructions a
 * character: worked out once for all threads (pthread_once), read only. */
#define PUNCTUATION_BLOCKS 4
struct plain_chars {
	struct plain_char ascii[0x80];
	struct plain_char punctuation[PUNCTUATION_BLOCKS][64];
};
static const uint32_t punctuation_block_start[PUNCTUATION_BLOCKS] = {0x2000, 0x3000, 0xFF00, 0xFF40};
static struct plain_chars plain_chars_found;

static void find_plain_chars(void)
{
	for (unsigned char c = 0; c < 0x80; c++)
		plain_chars_found.ascii[c] = decoded_plain_char((const char *)&c, 1);
	for (size_t b = 0; b < PUNCTUATION_BLOCKS; b++)
		for (uint32_t k = 0; k < 64; k++) {
			char encoded[4];
			size_t len = utf8_encode(punctuation_block_start[b] + k, encoded);
			plain_chars_found.punctuation[b][k] = decoded_plain_char(encoded, len);
		}
}

static const struct plain_chars *plain_chars(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, find_plain_chars);
	return &plain_chars_found;
}

/* The block of punctuation_block_start whose characters begin with the
 * bytes lead, second (E2 80, E3 80, EF BC, EF BD), or -1. */
static inline int punctuation_block(unsigned char lead, unsigned char second)
{
	switch (lead << 8 | second) {
	case 0xE280: return 0;
	case 0xE380: return 1;
	case 0xEFBC: return 2;
	case 0xEFBD: return 3;
	default: return -1;
	}
}

/* The text the one pass reads. */
struct plain_text {
	const unsigned char *u;
	size_t n;
	const struct plain_chars *chars;
};

/* The character at byte i: ideographs, nearly all of a text, and the usual
 * punctuation without decoding them. */
static inline struct plain_char plain_char_at(const struct plain_text *t, size_t i)
{
	if (i == t->n)
		return (struct plain_char){0};
	const unsigned char *c = t->u + i;
	if (c[0] < 0x80)
		return t->chars->ascii[c[0]];
	if (t->n - i >= 3) {
		if (ideograph_bytes(c))
			return plain_ideograph;
		int block = punctuation_block(c[0], c[1]);
		if (block >= 0 && (c[2] & 0xC0) == 0x80)
			return t->chars->punctuation[block][c[2] & 0x3F];
	}
	return decoded_plain_char((const char *)c, t->n - i);
}

/* Where the one pass is: the character at pos and the two before it (len
 * 0: none), which the opportunity before it depends on. */
struct plain_cursor {
	size_t pos;
	struct plain_char cur, prev, prev2;
};

/* On to the next character; false when it is not of the simple classes. */
static inline bool plain_advance(const struct plain_text *t, struct plain_cursor *c)
{
	c->prev2 = c->prev;
	c->prev = c->cur;
	c->pos += c->cur.len;
	c->cur = plain_char_at(t, c->pos);
	return c->cur.len == 0 || c->cur.class != SIMPLE_OTHER;
}

/* may_break at the cursor, in a plain text. `blocked`: the line has nothing
 * kept yet, or ends with an opening mark. */
static inline bool plain_may_break(const struct plain_text *t, const struct plain_cursor *c, bool blocked)
{
	const struct plain_char *at = &c->cur;
	if (at->len == 0 || blocked)
		return false;
	/* decode_input's opportunity (never at the first character: the cursor
	 * has moved), then mark_east_asian_quote_breaks' */
	bool opportunity = simple_break_before(at->class, c->prev.class, 1) ||
			   (c->prev.quote == QUOTE_CLOSES && c->prev2.width == 2 && at->width == 2);
	if (!opportunity && at->quote == QUOTE_OPENS && c->prev.width == 2)
		opportunity = plain_char_at(t, c->pos + at->len).width == 2;
	if (!opportunity)
		return false;
	/* the character the next line would show first */
	struct plain_char shown = *at;
	for (size_t pos = c->pos; shown.len != 0 && (shown.kind & KIND_SPACE);) {
		pos += shown.len;
		shown = plain_char_at(t, pos);
	}
	return shown.len == 0 || !(shown.kind & KIND_CLOSING);
}

/* fill_line from the cursor, which is left where the next line begins: the
 * line is from where the cursor was to *kept_end. False when a character is
 * not plain. */
static bool plain_fill_line(const struct plain_text *t, struct plain_cursor *c, long avail, size_t *kept_end)
{
	size_t start = *kept_end = c->pos;
	long running = 0, used = 0;
	bool kept = false, opening_kept = false;
	struct plain_cursor best = {.pos = start}; /* a break after start, once one is found */
	size_t best_kept_end = 0;
	for (;;) {
		if (c->cur.len == 0)
			return true;
		if (c->cur.class == SIMPLE_IDEOGRAPH) {
			/* A run of ideographs, most of the text: each wide and
			 * kept, a break between each two (the opportunity before
			 * the first was weighed when it came). The line ends at
			 * the j-th after the first when running + 2 j > avail:
			 * the run is read up to there, or to its end, at one test
			 * a character. */
			size_t first = c->pos, next = first + 3, last = t->n - 3;
			long fitting = (avail - running) / 2;
			if (fitting < 1)
				last = first;
			else if ((size_t)fitting < (last - first) / 3)
				last = first + 3 * (size_t)fitting;
			while (next <= last && ideograph_bytes(t->u + next))
				next += 3;
			running += 2 * (long)((next - first) / 3);
			/* the break before the last of the run read: prev2 is read
			 * only after a closing quote, never after an ideograph */
			if (next - first >= 6) {
				best = (struct plain_cursor){next - 3, plain_ideograph, plain_ideograph, plain_ideograph};
				best_kept_end = next - 3;
			}
			used = running;
			kept = true;
			opening_kept = false;
			*kept_end = next;
			c->prev2 = plain_ideograph;
			c->prev = plain_ideograph;
			c->pos = next;
			c->cur = plain_char_at(t, next);
			if (c->cur.len != 0 && c->cur.class == SIMPLE_OTHER)
				return false;
		} else {
			running += c->cur.width;
			if (!(c->cur.kind & KIND_SPACE)) {
				used = running;
				kept = true;
				*kept_end = c->pos + c->cur.len;
				opening_kept = c->cur.kind & KIND_OPENING;
			}
			if (!plain_advance(t, c))
				return false;
		}
		if (used > avail && kept)
			break;
		if (plain_may_break(t, c, !kept || opening_kept)) {
			best = *c;
			best_kept_end = *kept_end;
		}
	}
	if (best.pos > start) {
		*c = best;
		*kept_end = best_kept_end;
		return true;
	}
	/* Nothing fits: the token runs on to its first permitted break. */
	while (c->cur.len != 0 && !plain_may_break(t, c, opening_kept)) {
		if (!(c->cur.kind & KIND_SPACE)) {
			*kept_end = c->pos + c->cur.len;
			opening_kept = c->cur.kind & KIND_OPENING;
		}
		if (!plain_advance(t, c))
			return false;
	}
	return true;
}

/* each_line and write_line for a plain text, in one pass. False, with
 * nothing written, when the text is not plain. */
bool wrap_plain_into(struct buf *out, const char *text, size_t n, int width, const struct wrap_prefix *first_prefix,
		     const struct wrap_prefix *rest_prefix)
{
	long first_avail = (long)width - first_prefix->cols, rest_avail = (long)width - rest_prefix->cols;
	size_t written = out->len;
	const struct plain_text t = {(const unsigned char *)text, n, plain_chars()};
	struct plain_cursor c = {.cur = plain_char_at(&t, 0)};
	if (c.cur.len != 0 && c.cur.class == SIMPLE_OTHER)
		return false;
	for (bool first = true;; first = false) {
		if (!first)
			while (c.cur.len != 0 && (c.cur.kind & KIND_SPACE))
				if (!plain_advance(&t, &c))
					goto not_plain;
		if (c.cur.len == 0)
			break;
		size_t start = c.pos, kept_end;
		if (!plain_fill_line(&t, &c, first ? first_avail : rest_avail, &kept_end))
			goto not_plain;
		if (kept_end > start) {
			const struct wrap_prefix *prefix = first ? first_prefix : rest_prefix;
			buf_put(out, prefix->text, prefix->len);
			buf_put(out, text + start, kept_end - start);
			buf_putc(out, '\n');
		}
	}
	return true;
not_plain:
	out->len = written;
	if (out->data)
		out->data[written] = '\0';
	return false;
}
