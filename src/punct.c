/* punct.c — punctuation-width: half-width , ; : ? ! ( ) in Chinese text.
 *
 * Only running text is looked at (inline_walk.h): not markers such as (一),
 * code spans, code and form blocks, raw HTML, link destinations, autolinks or
 * the front matter, none of which reach the walk.
 *
 * "Between Chinese characters" is decided on the nearest characters on each
 * side that are neither spaces nor these seven marks themselves, so that
 * `中文, 中文` (a space typed after the comma as in English), `汇报:\n下级`
 * (a line break) and `(说明),` (two marks in a row) all count. Chinese
 * characters are Han ideographs, CJK punctuation (U+3000–303F, the ideographic
 * space included), full-width forms and the quotation marks, dash and ellipsis
 * Chinese text uses (“ ” ‘ ’ — …). The end of a run of text (a paragraph, a
 * heading, a table cell, a hard line break) counts as Chinese after a closing
 * mark — `下列事项:` before a list, `(说明)` ending a paragraph — and its start
 * as Chinese before an opening parenthesis; code, HTML and autolinks count as
 * not Chinese. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "inline_walk.h"
#include "model.h"
#include "running_text.h"
#include "util.h"

struct mark {
	uint32_t cp;
	cmark_node *node;
	size_t off; /* byte offset in the node's literal */
};

enum side { SIDE_CHINESE, SIDE_OTHER, SIDE_EDGE };

/* A run of text is read once, left to right. The side before a mark is the
 * last glyph seen that is not transparent; the side after it is only known
 * at the next such glyph, so the marks in between wait in `pending`. Only
 * they are kept, never the run: a paragraph of millions of characters costs
 * no more memory than its longest row of marks. */
struct run {
	struct document *doc;
	struct mark *pending;
	size_t n, cap;
	enum side before;
	struct text_cursor cursor;
};

/* The half-width marks, each with the full-width mark expected instead:
 * the one list the three tables below are made from. */
#define HALF_WIDTH_MARKS X(',', "，") X(';', "；") X(':', "：") X('?', "？") X('!', "！") X('(', "（") X(')', "）")

#define X(half, full) half,
static const char half_width_marks[] = {HALF_WIDTH_MARKS '\0'};
#undef X
#define X(half, full) full,
static const char *const full_width_marks[] = {HALF_WIDTH_MARKS};
#undef X
/* holds_half_width_mark's SSE2 step looks only at bytes 0x21 … 0x3F */
#define X(half, full) _Static_assert((half) >= 0x21 && (half) <= 0x3F, "a half-width mark the scan misses");
HALF_WIDTH_MARKS
#undef X

static const char *full_width(uint32_t cp)
{
	if (cp >= 0x80 || cp < 0x20) /* the half-width marks are all ASCII */
		return NULL;
	const char *at = strchr(half_width_marks, (int)cp);
	return at ? full_width_marks[at - half_width_marks] : NULL;
}

static bool is_chinese(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x303F) ||   /* CJK symbols and punctuation */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* unified ideographs */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility ideographs */
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||   /* CJK compatibility forms */
	       (cp >= 0xFF01 && cp <= 0xFF60) ||   /* full-width forms */
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x20000 && cp <= 0x323AF) || /* extensions B and later */
	       (cp >= 0x2018 && cp <= 0x201D) || cp == 0x2014 || cp == 0x2026;
}

static bool is_transparent(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || full_width(cp) != NULL;
}

static void resolve_pending(struct run *run, enum side after)
{
	for (size_t i = 0; i < run->n; i++) {
		const struct mark *m = &run->pending[i];
		bool between = m->cp == '('
				       ? after == SIDE_CHINESE && run->before != SIDE_OTHER
				       : run->before == SIDE_CHINESE && after != SIDE_OTHER;
		if (!between)
			continue;
		int line, col;
		text_position(run->doc, &run->cursor, m->node, m->off, &line, &col);
		diag_add(&run->doc->diags, RULE_PUNCTUATION_WIDTH, line, col,
			 "half-width '%c' between Chinese characters; expected '%s'", (char)m->cp,
			 full_width(m->cp));
	}
	run->n = 0;
}

/* One glyph of the run, at `off` in the literal of `node`; cp 0 is something
 * opaque (code, an autolink), which has no node and is never transparent. */
static void see(struct run *run, uint32_t cp, cmark_node *node, size_t off)
{
	if (is_transparent(cp)) {
		if (full_width(cp)) {
			struct mark m = {cp, node, off};
			ARRAY_PUSH(run->pending, run->n, run->cap, m);
		}
		return;
	}
	enum side side = is_chinese(cp) ? SIDE_CHINESE : SIDE_OTHER;
	if (run->n > 0)
		resolve_pending(run, side);
	run->before = side;
}

/* Whether byte c is one of half_width_marks, or NUL (what strcspn stops at). */
static bool is_mark_or_nul(unsigned char c)
{
#define X(half, full) [(unsigned char)(half)] = true,
	static const bool marks[256] = {[0] = true, HALF_WIDTH_MARKS};
#undef X
	return marks[c];
}

/* s is a piece of a literal, so it ends in the literal's NUL at s[n]; a NUL
 * before it would only send the piece the long way (on_piece), as a mark
 * does. Sixteen bytes a step with SSE2: the marks are all in 0x21 … 0x3F,
 * where Chinese text has no byte but digits and a few signs, and only a
 * block holding such a byte (or NUL) is looked at byte by byte. */
static bool holds_half_width_mark(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
#ifdef __SSE2__
	for (; n - i >= 16; i += 16) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		/* 0x21 … 0x3F moved to -128 … -98 */
		const __m128i moved = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0x21)));
		const __m128i maybe = _mm_or_si128(_mm_cmplt_epi8(moved, _mm_set1_epi8((char)(-128 + 0x3F - 0x21 + 1))),
						   _mm_cmpeq_epi8(v, _mm_setzero_si128()));
		if (_mm_movemask_epi8(maybe))
			for (size_t k = i; k < i + 16; k++)
				if (is_mark_or_nul(u[k]))
					return true;
	}
#endif
	for (; i < n; i++)
		if (is_mark_or_nul(u[i]))
			return true;
	return false;
}

/* A text without a half-width mark shows a mark elsewhere in the run only
 * its first and its last letter or ideograph. */
static void push_ends(struct run *run, const struct piece *piece)
{
	const char *s = piece->s;
	size_t n = piece->len, first = SIZE_MAX, last = SIZE_MAX;
	uint32_t first_cp = 0, last_cp = 0;
	for (size_t i = 0; i < n && first == SIZE_MAX;) {
		uint32_t cp = 0xFFFD;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!is_transparent(cp))
			first = i, first_cp = cp;
		i += k ? k : 1;
	}
	/* the last one, stepping back from the end; bytes that do not decode
	 * are U+FFFD, one each, as going forward */
	for (size_t end = n; end > first && first != SIZE_MAX && last == SIZE_MAX;) {
		size_t start = end - 1;
		while (start > 0 && end - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
			start--;
		uint32_t cp = 0xFFFD;
		if (utf8_decode(s + start, end - start, &cp) != end - start) {
			cp = 0xFFFD;
			start = end - 1;
		}
		if (!is_transparent(cp))
			last = start, last_cp = cp;
		end = start;
	}
	if (first != SIZE_MAX)
		see(run, first_cp, piece->node, piece->base + first);
	if (last != SIZE_MAX && last != first)
		see(run, last_cp, piece->node, piece->base + last);
}

static void on_piece(void *arg, const struct piece *piece)
{
	struct run *run = arg;
	switch (piece->kind) {
	case PIECE_TEXT:
		if (!holds_half_width_mark(piece->s, piece->len)) {
			push_ends(run, piece);
			break;
		}
		for (size_t i = 0; i < piece->len;) {
			uint32_t cp = 0xFFFD;
			size_t k = utf8_decode(piece->s + i, piece->len - i, &cp);
			see(run, cp, piece->node, piece->base + i);
			i += k ? k : 1;
		}
		break;
	case PIECE_SPACE:
		break;
	case PIECE_OPAQUE:
		see(run, 0, NULL, 0);
		break;
	case PIECE_END:
		resolve_pending(run, SIDE_EDGE);
		run->before = SIDE_EDGE;
		break;
	}
}

static void *punct_begin(struct document *doc)
{
	struct run *run = xcalloc(1, sizeof *run);
	run->doc = doc;
	run->before = SIDE_EDGE;
	return run;
}

static void punct_end(void *arg)
{
	struct run *run = arg;
	free(run->pending);
	free(run);
}

const struct text_check punct_text_check = {punct_begin, NULL, on_piece, punct_end};

void punct_check(struct document *doc)
{
	const struct text_check *check = &punct_text_check;
	run_text_checks(doc, &check, 1);
}
