/* textwidth.c — display width (UAX #11) and line filling (UAX #14 + clreq).
 *
 * ICU's line break iterator supplies the break opportunities; the clreq
 * prohibitions are then applied on top of them, because ICU allows some breaks
 * Chinese typesetting does not (a line may not begin with a closing mark or end
 * with an opening one). Lines are filled greedily: the last permitted break
 * that fits wins, which moves the last character(s) down together with a
 * closing mark that would otherwise start the next line. A line is only
 * allowed past the width when it holds one token with no permitted break in
 * it (a long URL); such a token is never cut. Plain Chinese text, most of a
 * policy, is filled by a one pass of its own (textwidth_plain.c), without
 * ICU; this file's path fills everything else.
 */
#include "textwidth.h"
#include "textwidth_impl.h"

#include "util.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#define REPLACEMENT_CHARACTER 0xFFFD

int cp_width_by_properties(uint32_t cp)
{
	if (cp > 0x10FFFF)
		return 1;
	int8_t type = u_charType((UChar32)cp);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
	    type == U_CONTROL_CHAR)
		return 0;
	int east_asian = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

size_t text_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t width = 0;
	for (size_t i = 0; i < n;) {
		/* printable ASCII and ideographs, most of any text, without
		 * decoding them */
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			width++;
			i++;
			continue;
		}
		if (n - i >= 3 && ideograph_bytes(u + i)) {
			width += 2;
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			/* shown as U+FFFD, one column */
			width++;
			i++;
			continue;
		}
		width += (size_t)cp_width(cp);
		i += len;
	}
	return width;
}

/* clreq 行首禁则: marks that may not begin a line. */
static bool is_closing_mark(uint32_t cp)
{
	switch (cp) {
	case ')': case ']': case '}': case ',': case '.': case ';': case ':': case '?': case '!':
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF01: /* 、。，．：；？！ */
	case 0xFF09: case 0xFF3D: case 0xFF5D: case 0x3015: case 0x3009: case 0x300B: case 0x300D: case 0x300F: /* ）］｝〕〉》」』 */
	case 0x3011: case 0x3017: case 0x3019: case 0x301F: case 0xFF60: case 0x2019: case 0x201D: case 0x00BB: /* 】〗〙〟｠’”» */
	case 0x2026: case 0x2025: case 0x00B7: case 0x30FB: case 0xFF65: case 0xFF5E: case 0x301C:             /* …‥·・･～〜 */
	case 0xFF61: case 0xFF64: case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0x00B0: case 0x2030: /* ｡､‼⁇⁈⁉°‰ */
	case 0x2103: case 0xFF05:                                                                             /* ℃％ */
		return true;
	default:
		return false;
	}
}

/* clreq 行尾禁则: marks that may not end a line. */
static bool is_opening_mark(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{':
	case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3014: case 0x3008: case 0x300A: case 0x300C: case 0x300E: /* （［｛〔〈《「『 */
	case 0x3010: case 0x3016: case 0x3018: case 0x301D: case 0xFF5F: case 0x2018: case 0x201C: case 0x00AB: /* 【〖〘〝｟‘“« */
		return true;
	default:
		return false;
	}
}

/* Spaces at a break are dropped rather than printed at the end of a line. */
static bool is_break_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* The classes of U+3000..U+303F and U+FF00..U+FF5F, which hold nearly all
 * the punctuation of Chinese text, as simple_class gives them from ICU's
 * properties (tests/unit/test_textwidth.c compares them): I ideograph,
 * O opening, C closing, '-' other. */
static const char cjk_punctuation_classes[] = "CCCIICIIOCOCOCOCOCIIOCOCOCOCCOCC"
					      "IIIIIIIIII------IIIII-IIIIICCIII";
static const char fullwidth_form_classes[] = "-CII--IIOCIICICIIIIIIIIIIICCIIIC"
					     "IIIIIIIIIIIIIIIIIIIIIIIIIIIOICII"
					     "IIIIIIIIIIIIIIIIIIIIIIIIIIIOICIO";

static enum simple_class class_of_letter(char c)
{
	return c == 'I' ? SIMPLE_IDEOGRAPH : c == 'O' ? SIMPLE_OPENING : c == 'C' ? SIMPLE_CLOSING : SIMPLE_OTHER;
}

/* Ideographs U+4E00..U+9FFF never come here: decode_input and the one
 * pass take them first. */
enum simple_class simple_class(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return SIMPLE_DIGIT;
	if (cp >= 0x2018 && cp <= 0x201D)
		return cp == 0x201C ? SIMPLE_OPEN_QUOTE : cp == 0x201D ? SIMPLE_CLOSING
					 : cp <= 0x2019    ? SIMPLE_QUOTE
							   : SIMPLE_OTHER; /* ‚ ‛ */
	if (cp >= 0x3000 && cp < 0x3000 + sizeof cjk_punctuation_classes - 1)
		return class_of_letter(cjk_punctuation_classes[cp - 0x3000]);
	if (cp >= 0xFF00 && cp < 0xFF00 + sizeof fullwidth_form_classes - 1)
		return class_of_letter(fullwidth_form_classes[cp - 0xFF00]);
	switch (u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK)) {
	case U_LB_IDEOGRAPHIC:
		return SIMPLE_IDEOGRAPH;
	case U_LB_NUMERIC:
		return SIMPLE_DIGIT;
	case U_LB_OPEN_PUNCTUATION:
		return cp_width(cp) == 2 ? SIMPLE_OPENING : SIMPLE_OTHER;
	case U_LB_BREAK_AFTER:
		return cp == 0x3000 ? SIMPLE_CLOSING : SIMPLE_OTHER;
	case U_LB_CLOSE_PARENTHESIS:
		/* a narrow ) or ] keeps a digit after it (UAX #14 LB30): ICU's */
		return cp_width(cp) == 2 ? SIMPLE_CLOSING : SIMPLE_OTHER;
	case U_LB_CLOSE_PUNCTUATION:
	case U_LB_EXCLAMATION:
	case U_LB_NONSTARTER:
		return SIMPLE_CLOSING;
	default:
		return SIMPLE_OTHER;
	}
}



struct wrap_input {
	const char *text;     /* the bytes, when they are shown as they are */
	uint32_t *cps;
	size_t count;
	uint32_t *offset;     /* byte offset of cps[i] in text; offset[count]: the end */
	bool replaced;        /* invalid bytes or NUL were replaced: write cps, not text */
	bool simple;          /* made of the simple classes only: break_before is marked already */
	bool quotes;          /* holds one of “ ” ‘ ’ */
	unsigned char *props; /* enum char_kind of cps[i], and its cp_width times WIDTH_UNIT */
	bool *break_before;   /* UAX #14: a line may begin at cps[i] */
	bool allocated;       /* the arrays are on the heap, not in the caller's scratch */
};

/* The bytes decode_input needs for a text of n bytes: four arrays of n + 1,
 * 10 bytes a code point. */
#define DECODED_SIZE(n) (((n) + 1) * (2 * sizeof(uint32_t) + sizeof(bool) + 1))
/* Room for the arrays of a text of up to 512 bytes on the caller's stack:
 * most texts wrapped are a line or a few, and an allocation of kilobytes
 * (past malloc's caches) cost a tenth of their decoding. */
struct wrap_scratch {
	uint32_t room[DECODED_SIZE(512) / sizeof(uint32_t) + 1];
};

static unsigned width_at(const struct wrap_input *in, size_t i) { return in->props[i] / WIDTH_UNIT; }

/* Offsets and indices are 32 bits: a text is at most a policy file (8 MiB),
 * and a paragraph of millions of characters must wrap in little memory. */
#define WRAP_MAX_TEXT (UINT32_MAX - 1)

unsigned char char_kind(uint32_t cp)
{
	return (unsigned char)((is_break_space(cp) ? KIND_SPACE : 0) | (is_closing_mark(cp) ? KIND_CLOSING : 0) |
			       (is_opening_mark(cp) ? KIND_OPENING : 0) | (cp == '\n' ? KIND_NEWLINE : 0));
}

/* The code point decode_input leaves in cps for an ideograph: a text of
 * simple classes is filled without asking which ideograph it is (the filling
 * reads cps only for a newline or a quotation mark), so the ideographs are
 * only decoded for ICU's iterator or for writing cps back out. */
#define IDEOGRAPH_NOT_DECODED 0x4E00

static void decode_ideographs(uint32_t *cps, const uint32_t *offset, size_t count, const unsigned char *u)
{
	for (size_t k = 0; k < count; k++)
		if (cps[k] == IDEOGRAPH_NOT_DECODED) {
			const unsigned char *c = u + offset[k];
			cps[k] = (uint32_t)(c[0] & 0x0F) << 12 | (uint32_t)(c[1] & 0x3F) << 6 | (c[2] & 0x3F);
		}
}

/* Decodes the text and finds what the filling needs of each character; when
 * `fast`, also the opportunities of a text made of the simple classes only
 * (in->simple). A text of n bytes has at most n code points: four arrays
 * of that many, after each other in the scratch, or four allocations for a
 * longer text (one of 70 MiB for a 7 MiB line needs address space the four
 * find among the pages freed before). */
static void decode_input(struct wrap_input *in, const char *text, size_t n, bool fast, struct wrap_scratch *scratch)
{
	size_t slots = n + 1;
	bool allocated = DECODED_SIZE(n) > sizeof scratch->room;
	/* the arrays in locals: stores through them cannot change them, so the
	 * loop keeps them in registers */
	uint32_t *cps, *offset;
	bool *break_before;
	unsigned char *props;
	if (allocated) {
		cps = xmalloc(slots * sizeof *cps);
		offset = xmalloc(slots * sizeof *offset);
		break_before = xmalloc(slots * sizeof *break_before);
		props = xmalloc(slots);
	} else {
		cps = scratch->room;
		offset = cps + slots;
		break_before = (bool *)(offset + slots);
		props = (unsigned char *)(break_before + slots);
	}
	bool replaced = false, quotes = false, simple = fast;
	enum simple_class before = SIMPLE_OTHER;
	size_t count = 0;
	const unsigned char *u = (const unsigned char *)text;
	for (size_t i = 0; i < n; count++) {
		offset[count] = (uint32_t)i;
		if (n - i >= 3 && ideograph_bytes(u + i)) {
			/* a run of ideographs, most of the text: wide, no mark, a
			 * break before each unless it follows an opening mark (the
			 * breaks are written even when the text turns out not simple:
			 * then they are cleared below) */
			break_before[count] = simple_break_before(SIMPLE_IDEOGRAPH, before, count);
			for (;;) {
				cps[count] = IDEOGRAPH_NOT_DECODED;
				props[count] = 2 * WIDTH_UNIT;
				i += 3;
				if (n - i < 3 || !ideograph_bytes(u + i))
					break;
				offset[++count] = (uint32_t)i;
				break_before[count] = true;
			}
			before = SIMPLE_IDEOGRAPH;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode(text + i, n - i, &cp);
		if (len == 0 || cp == 0) {
			/* invalid bytes and NUL would corrupt the output: show U+FFFD */
			cp = REPLACEMENT_CHARACTER;
			len = 1;
			replaced = true;
		}
		cps[count] = cp;
		i += len;
		/* not an ideograph: ideograph_bytes took those */
		props[count] = (unsigned char)(char_kind(cp) | cp_width(cp) * WIDTH_UNIT);
		quotes |= cp >= 0x2018 && cp <= 0x201D && cp != 0x201A && cp != 0x201B;
		enum simple_class class = simple ? simple_class(cp) : SIMPLE_OTHER;
		if (simple) {
			simple = class != SIMPLE_OTHER;
			break_before[count] = simple_break_before(class, before, count);
			before = class;
		}
	}
	offset[count] = (uint32_t)n;
	if (!simple || replaced)
		decode_ideographs(cps, offset, count, u);
	if (!simple)
		memset(break_before, 0, (count + 1) * sizeof *break_before);
	break_before[count] = false;
	*in = (struct wrap_input){.text = text, .cps = cps, .count = count, .offset = offset, .replaced = replaced,
				  .simple = simple, .quotes = quotes, .props = props, .break_before = break_before,
				  .allocated = allocated};
}

static void free_input(struct wrap_input *in)
{
	if (!in->allocated)
		return;
	free(in->cps);
	free(in->offset);
	free(in->break_before);
	free(in->props);
}

/* Without ICU's iterator (an ICU failure, or text beyond its int32 indices):
 * a break anywhere except before a space or a zero-width mark. */
static void mark_fallback_breaks(struct wrap_input *in)
{
	for (size_t i = 1; i < in->count; i++)
		in->break_before[i] = !(in->props[i] & KIND_SPACE) && width_at(in, i) > 0;
}

static bool is_east_asian_at(const struct wrap_input *in, size_t i)
{
	return i < in->count && width_at(in, i) == 2;
}

/* ICU 72 implements UAX #14 of Unicode 15.0, which never breaks next to an
 * ambiguous quotation mark, so “工作呈报” glued whole runs of Chinese together.
 * Unicode 15.1 (LB19a) allows the break when East Asian characters stand on
 * both sides; Chinese quotes have a direction, so only the outer side of each
 * opens up: before “ and ‘, after ” and ’. */
static void mark_east_asian_quote_breaks(struct wrap_input *in)
{
	if (!in->quotes)
		return;
	for (size_t i = 1; i + 1 < in->count; i++) {
		uint32_t cp = in->cps[i];
		if (!is_east_asian_at(in, i - 1) || !is_east_asian_at(in, i + 1))
			continue;
		enum quote_side side = quote_side(cp);
		if (side == QUOTE_OPENS)
			in->break_before[i] = true;
		else if (side == QUOTE_CLOSES)
			in->break_before[i + 1] = true;
	}
}

/* Opening ICU's line break iterator loads and unpacks its rules, which costs
 * more than breaking a whole paragraph; each thread keeps one and hands it new
 * text. It is closed when the thread ends. */
static pthread_key_t breaker_key;
static bool breaker_key_made;

static void close_breaker(void *breaker)
{
	ubrk_close(breaker);
}

static void make_breaker_key(void)
{
	breaker_key_made = pthread_key_create(&breaker_key, close_breaker) == 0;
}

static UBreakIterator *thread_breaker(const UChar *units, int32_t length)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, make_breaker_key);
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *breaker = breaker_key_made ? pthread_getspecific(breaker_key) : NULL;
	if (breaker != NULL) {
		ubrk_setText(breaker, units, length, &status);
		return U_SUCCESS(status) ? breaker : NULL;
	}
	breaker = ubrk_open(UBRK_LINE, "zh", units, length, &status);
	if (U_FAILURE(status))
		return NULL;
	if (!breaker_key_made || pthread_setspecific(breaker_key, breaker) != 0) {
		ubrk_close(breaker);
		return NULL;
	}
	return breaker;
}

static void mark_uax14_breaks(struct wrap_input *in)
{
	if (in->simple)
		return;
	if (in->count > INT32_MAX / 2 - 1) {
		mark_fallback_breaks(in);
		return;
	}
	int32_t length = 0;
	for (size_t i = 0; i < in->count; i++)
		length += U16_LENGTH(in->cps[i]);
	UChar *units = xmalloc(((size_t)length + 1) * sizeof *units);
	int32_t at = 0;
	for (size_t i = 0; i < in->count; i++) {
		UBool unused_error = false;
		U16_APPEND(units, at, length + 1, (UChar32)in->cps[i], unused_error);
		(void)unused_error;
	}

	UBreakIterator *breaks = thread_breaker(units, length);
	if (breaks == NULL) {
		mark_fallback_breaks(in);
	} else {
		/* The boundaries come in order: walk the code points beside them
		 * instead of keeping a map from UTF-16 offsets (16 bytes a character). */
		size_t cp = 0;
		int32_t unit = 0;
		for (int32_t b = ubrk_first(breaks); b != UBRK_DONE; b = ubrk_next(breaks)) {
			while (cp < in->count && unit < b)
				unit += U16_LENGTH(in->cps[cp++]);
			if (b > 0 && b < length && unit == b)
				in->break_before[cp] = true;
		}
		/* the iterator keeps no pointer into text about to be freed */
		UErrorCode status = U_ZERO_ERROR;
		ubrk_setText(breaks, NULL, 0, &status);
	}
	free(units);
}

/* The first non-space at or after i: what a line begun at i shows first.
 * Found when asked rather than kept for every character (4 bytes each, too
 * many for a paragraph of millions): it is asked at line starts and at break
 * opportunities, and no opportunity falls before a space except after a
 * closing quote, so each run of spaces is walked about once. */
static size_t next_visible(const struct wrap_input *in, size_t i)
{
	while (i < in->count && (in->props[i] & KIND_SPACE))
		i++;
	return i;
}

/* May a line end before `at`? `last_kept` is the index of the last non-space
 * character of the line, or SIZE_MAX for none. Spaces around the break are
 * dropped, so the marks that count are the visible ones on either side. */
static inline bool may_break(const struct wrap_input *in, size_t at, size_t last_kept)
{
	if (at >= in->count || !in->break_before[at] || last_kept == SIZE_MAX || (in->props[last_kept] & KIND_OPENING))
		return false;
	/* most often a character that is no space: then it is the one shown */
	size_t shown = in->props[at] & KIND_SPACE ? next_visible(in, at) : at;
	return shown == in->count || !(in->props[shown] & KIND_CLOSING);
}

struct line {
	size_t start, kept_end; /* the characters printed */
	size_t next;            /* where the next line begins */
};

/* The longest permitted line from `start` within `avail` columns, or the
 * shortest permitted one when nothing fits. */
static struct line fill_line(const struct wrap_input *in, size_t start, long avail)
{
	struct line line = {start, start, in->count};
	size_t best = 0, best_kept_end = start;
	size_t last_kept = SIZE_MAX;
	long running = 0, used = 0;
	size_t i = start;
	for (;;) {
		if (i == in->count || (in->props[i] & KIND_NEWLINE)) {
			line.kept_end = last_kept == SIZE_MAX ? start : last_kept + 1;
			line.next = i < in->count ? i + 1 : i;
			return line;
		}
		running += width_at(in, i);
		if (!(in->props[i] & KIND_SPACE)) {
			used = running;
			last_kept = i;
		}
		i++;
		if (used > avail && last_kept != SIZE_MAX)
			break;
		if (may_break(in, i, last_kept)) {
			best = i;
			best_kept_end = last_kept + 1;
		}
	}
	if (best > start) {
		line.kept_end = best_kept_end;
		line.next = best;
		return line;
	}
	/* Nothing fits: the token runs on to its first permitted break. */
	while (i < in->count && !(in->props[i] & KIND_NEWLINE) && !may_break(in, i, last_kept)) {
		if (!(in->props[i] & KIND_SPACE))
			last_kept = i;
		i++;
	}
	line.kept_end = last_kept + 1;
	line.next = i < in->count && (in->props[i] & KIND_NEWLINE) ? i + 1 : i;
	return line;
}

/* cps[start, end) as UTF-8: the input's own bytes unless some were replaced. */
static void put_codepoints(struct buf *out, const struct wrap_input *in, size_t start, size_t end)
{
	if (!in->replaced) {
		buf_put(out, in->text + in->offset[start], in->offset[end] - in->offset[start]);
		return;
	}
	for (size_t i = start; i < end; i++) {
		char encoded[4];
		buf_put(out, encoded, utf8_encode(in->cps[i], encoded));
	}
}

void text_break_opportunities(const char *text, size_t n, bool icu_only, bool *break_before)
{
	struct wrap_input in;
	struct wrap_scratch scratch;
	decode_input(&in, text, n, !icu_only, &scratch);
	mark_uax14_breaks(&in);
	memcpy(break_before, in.break_before, in.count * sizeof *break_before);
	free_input(&in);
}

/* A text that fits on its first line, as wrap_text writes it: the prefix,
 * the text's first *kept bytes (without its trailing spaces), a newline —
 * or no line at all (*kept = SIZE_MAX) for a text of ASCII spaces. False when
 * the text does not fit, holds a line break, or holds bytes wrap_text would
 * replace: then it takes the long way. Most texts wrapped are short (a title,
 * a table cell, an item), and this spares them the decoding and the break
 * opportunities. */
static bool fits_one_line(const char *text, size_t n, long avail, size_t *kept)
{
	const unsigned char *u = (const unsigned char *)text;
	long used = 0, running = 0;
	*kept = 0;
	for (size_t i = 0; i < n;) {
		if (n - i >= 3 && ideograph_bytes(u + i)) {
			/* a run of ideographs, two columns each and none a space,
			 * measured without decoding them */
			do {
				running += 2;
				i += 3;
			} while (running <= avail && n - i >= 3 && ideograph_bytes(u + i));
			used = running;
			*kept = i;
			if (used > avail)
				return false;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode(text + i, n - i, &cp);
		if (len == 0 || cp == 0 || cp == '\n')
			return false;
		running += cp_width(cp);
		i += len;
		if (!is_break_space(cp)) {
			used = running;
			*kept = i;
		}
		if (used > avail)
			return false;
	}
	if (*kept == 0) /* spaces alone, or nothing: no line, as each_line gives */
		*kept = SIZE_MAX;
	return true;
}

/* The lines wrap_text makes of text, each handed to take: the first
 * line has first_avail columns, the others rest_avail. */
typedef void line_fn(void *ctx, const struct wrap_input *in, const struct line *line, bool first);

static void each_line(const char *text, size_t n, long first_avail, long rest_avail, line_fn *take, void *ctx)
{
	struct wrap_input in;
	struct wrap_scratch scratch;
	decode_input(&in, text, n, true, &scratch);
	mark_uax14_breaks(&in);
	mark_east_asian_quote_breaks(&in);
	size_t pos = 0;
	for (bool first = true;; first = false) {
		size_t visible = next_visible(&in, pos);
		if (visible == in.count)
			break;
		if (!first)
			pos = visible;
		struct line line = fill_line(&in, pos, first ? first_avail : rest_avail);
		take(ctx, &in, &line, first);
		pos = line.next;
	}
	free_input(&in);
}

struct line_writer {
	struct buf *out;
	const struct wrap_prefix *first, *rest;
};

static void write_line(void *ctx, const struct wrap_input *in, const struct line *line, bool first)
{
	const struct line_writer *w = ctx;
	if (line->kept_end > line->start) {
		const struct wrap_prefix *prefix = first ? w->first : w->rest;
		buf_put(w->out, prefix->text, prefix->len);
		put_codepoints(w->out, in, line->start, line->kept_end);
	}
	buf_putc(w->out, '\n');
}

struct wrap_prefix wrap_prefix(const char *text)
{
	if (text == NULL || *text == '\0') /* most lines after the first */
		return (struct wrap_prefix){"", 0, 0};
	size_t len = strlen(text);
	return (struct wrap_prefix){text, len, (long)text_width(text, len)};
}

/* wrap_text_prefixed, with or without the one pass for plain text */
static void wrap_into(struct buf *out, const char *text, size_t n, int width, const struct wrap_prefix *first,
		      const struct wrap_prefix *rest, bool one_pass)
{
	/* plain Chinese text, most of any policy: filled in one pass, which
	 * also finds the texts that fit on one line */
	if (one_pass && text && n <= WRAP_MAX_TEXT && wrap_plain_into(out, text, n, width, first, rest))
		return;
	size_t kept;
	if (text && fits_one_line(text, n, (long)width - first->cols, &kept)) {
		if (kept != SIZE_MAX) {
			buf_put(out, first->text, first->len);
			buf_put(out, text, kept);
			buf_putc(out, '\n');
		}
		return;
	}
	if (text && n > WRAP_MAX_TEXT) {
		/* beyond any file policyc reads: shown whole rather than cut */
		buf_put(out, first->text, first->len);
		buf_put(out, text, n);
		buf_putc(out, '\n');
		return;
	}
	struct line_writer w = {out, first, rest};
	each_line(text ? text : "", text ? n : 0, (long)width - first->cols, (long)width - rest->cols, write_line, &w);
}

void wrap_text_prefixed(struct buf *out, const char *text, size_t n, int width, const struct wrap_prefix *first,
			const struct wrap_prefix *rest)
{
	wrap_into(out, text, n, width, first, rest, true);
}

void wrap_text_into(struct buf *out, const char *text, size_t n, int width, const char *first_indent,
		    const char *indent)
{
	struct wrap_prefix first = wrap_prefix(first_indent), rest = wrap_prefix(indent);
	wrap_text_prefixed(out, text, n, width, &first, &rest);
}

char *wrap_text(const char *text, size_t n, int width, const char *first_indent, const char *indent)
{
	struct buf out = {0};
	wrap_text_into(&out, text, n, width, first_indent, indent);
	return buf_take(&out);
}

char *wrap_text_general(const char *text, size_t n, int width, const char *first_indent, const char *indent)
{
	struct wrap_prefix first = wrap_prefix(first_indent), rest = wrap_prefix(indent);
	struct buf out = {0};
	wrap_into(&out, text, n, width, &first, &rest, false);
	return buf_take(&out);
}

static void measure_line(void *ctx, const struct wrap_input *in, const struct line *line, bool first)
{
	(void)first;
	size_t *widest = ctx, w = 0;
	for (size_t i = line->start; i < line->kept_end; i++)
		w += width_at(in, i);
	*widest = w > *widest ? w : *widest;
}

/* wrap_text's lines measured instead of written. */
size_t wrap_widest_line(const char *text, size_t n, int width)
{
	size_t kept;
	if (fits_one_line(text, n, width, &kept))
		return kept == SIZE_MAX ? 0 : text_width(text, kept);
	if (n > WRAP_MAX_TEXT)
		return text_width(text, n);
	size_t widest = 0;
	each_line(text, n, width, width, measure_line, &widest);
	return widest;
}
