/* textwidth.c — display width (UAX #11) and line filling (UAX #14 + clreq).
 *
 * ICU's line break iterator supplies the break opportunities; the clreq
 * prohibitions are then applied on top of them, because ICU allows some breaks
 * Chinese typesetting does not (a line may not begin with a closing mark or end
 * with an opening one). Lines are filled greedily: the last permitted break
 * that fits wins, which moves the last character(s) down together with a
 * closing mark that would otherwise start the next line. A line is only
 * allowed past the width when it holds one token with no permitted break in
 * it (a long URL); such a token is never cut.
 */
#include "textwidth.h"

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

int cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	/* CJK Unified Ideographs: all East Asian Wide letters, the bulk of a policy */
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
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
	size_t width = 0;
	for (size_t i = 0; i < n;) {
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
	if (cp >= 0x4E00 && cp <= 0x9FFF) /* ideographs, most of the text */
		return false;
	static const uint32_t marks[] = {
		')', ']', '}', ',', '.', ';', ':', '?', '!',
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, /* 、。，．：；？！ */
		0xFF09, 0xFF3D, 0xFF5D, 0x3015, 0x3009, 0x300B, 0x300D, 0x300F, /* ）］｝〕〉》」』 */
		0x3011, 0x3017, 0x3019, 0x301F, 0xFF60, 0x2019, 0x201D, 0x00BB, /* 】〗〙〟｠’”» */
		0x2026, 0x2025, 0x00B7, 0x30FB, 0xFF65, 0xFF5E, 0x301C,         /* …‥·・･～〜 */
		0xFF61, 0xFF64, 0x203C, 0x2047, 0x2048, 0x2049, 0x00B0, 0x2030, /* ｡､‼⁇⁈⁉°‰ */
		0x2103, 0xFF05,                                                 /* ℃％ */
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

/* clreq 行尾禁则: marks that may not end a line. */
static bool is_opening_mark(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF) /* ideographs, most of the text */
		return false;
	static const uint32_t marks[] = {
		'(', '[', '{',
		0xFF08, 0xFF3B, 0xFF5B, 0x3014, 0x3008, 0x300A, 0x300C, 0x300E, /* （［｛〔〈《「『 */
		0x3010, 0x3016, 0x3018, 0x301D, 0xFF5F, 0x2018, 0x201C, 0x00AB, /* 【〖〘〝｟‘“« */
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

/* Spaces at a break are dropped rather than printed at the end of a line. */
static bool is_break_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

struct wrap_input {
	const char *text;     /* the bytes, when they are shown as they are */
	uint32_t *cps;
	size_t count;
	uint32_t *offset;     /* byte offset of cps[i] in text; offset[count]: the end */
	bool replaced;        /* invalid bytes or NUL were replaced: write cps, not text */
	bool fast;            /* may take the opportunities of simple text without ICU */
	unsigned char *width; /* cp_width of cps[i] */
	bool *break_before;   /* UAX #14: a line may begin at cps[i] */
	uint32_t *next_visible; /* the first non-space at or after i: what a line begun at i shows first */
};

/* Offsets and indices are 32 bits: a text is at most a policy file (8 MiB),
 * and a paragraph of millions of characters must wrap in little memory. */
#define WRAP_MAX_TEXT (UINT32_MAX - 1)

static void decode_input(struct wrap_input *in, const char *text, size_t n)
{
	in->text = text;
	in->cps = xmalloc((n + 1) * sizeof *in->cps);
	in->offset = xmalloc((n + 1) * sizeof *in->offset);
	in->width = xmalloc(n + 1);
	in->count = 0;
	in->replaced = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(text + i, n - i, &cp);
		if (len == 0 || cp == 0) {
			/* invalid bytes and NUL would corrupt the output: show U+FFFD */
			cp = REPLACEMENT_CHARACTER;
			len = 1;
			in->replaced = true;
		}
		in->offset[in->count] = (uint32_t)i;
		in->width[in->count] = (unsigned char)cp_width(cp);
		in->cps[in->count++] = cp;
		i += len;
	}
	in->offset[in->count] = (uint32_t)n;
	in->break_before = xcalloc(in->count + 1, sizeof *in->break_before);
	in->next_visible = xmalloc((in->count + 1) * sizeof *in->next_visible);
	in->next_visible[in->count] = (uint32_t)in->count;
	for (size_t i = in->count; i-- > 0;)
		in->next_visible[i] = is_break_space(in->cps[i]) ? in->next_visible[i + 1] : (uint32_t)i;
}

static void free_input(struct wrap_input *in)
{
	free(in->cps);
	free(in->offset);
	free(in->width);
	free(in->break_before);
	free(in->next_visible);
}

/* Without ICU's iterator (an ICU failure, or text beyond its int32 indices):
 * a break anywhere except before a space or a zero-width mark. */
static void mark_fallback_breaks(struct wrap_input *in)
{
	for (size_t i = 1; i < in->count; i++)
		in->break_before[i] = !is_break_space(in->cps[i]) && in->width[i] > 0;
}

static bool is_east_asian_at(const struct wrap_input *in, size_t i)
{
	return i < in->count && in->width[i] == 2;
}

/* ICU 72 implements UAX #14 of Unicode 15.0, which never breaks next to an
 * ambiguous quotation mark, so “工作呈报” glued whole runs of Chinese together.
 * Unicode 15.1 (LB19a) allows the break when East Asian characters stand on
 * both sides; Chinese quotes have a direction, so only the outer side of each
 * opens up: before “ and ‘, after ” and ’. */
static void mark_east_asian_quote_breaks(struct wrap_input *in)
{
	for (size_t i = 1; i + 1 < in->count; i++) {
		uint32_t cp = in->cps[i];
		if (!is_east_asian_at(in, i - 1) || !is_east_asian_at(in, i + 1))
			continue;
		if (cp == 0x201C || cp == 0x2018)
			in->break_before[i] = true;
		else if (cp == 0x201D || cp == 0x2019)
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

/* Most Chinese text is ideographs, digits, the ideographic space and the
 * punctuation that opens or closes around them. Among these classes alone
 * UAX #14 comes down to a few rules: no break before a closing mark or the
 * ideographic space (LB13, LB21: CL CP EX NS BA), none after an opening mark
 * (LB14: OP), none inside a number (LB25: NU × NU); everything else breaks
 * (LB31; LB30 keeps NU with an OP only when the OP is narrow, and narrow OPs
 * are left out). For such a text these give the same opportunities as ICU's
 * iterator at a fraction of the cost; any other class (letters, spaces,
 * quotation marks, numeric punctuation) leaves the text to ICU. */
enum simple_class { SIMPLE_OTHER, SIMPLE_IDEOGRAPH, SIMPLE_DIGIT, SIMPLE_OPENING, SIMPLE_CLOSING };

static enum simple_class simple_class(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return SIMPLE_IDEOGRAPH;
	switch (u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK)) {
	case U_LB_IDEOGRAPHIC:
		return SIMPLE_IDEOGRAPH;
	case U_LB_NUMERIC:
		return SIMPLE_DIGIT;
	case U_LB_OPEN_PUNCTUATION:
		return cp_width(cp) == 2 ? SIMPLE_OPENING : SIMPLE_OTHER;
	case U_LB_BREAK_AFTER:
		return cp == 0x3000 ? SIMPLE_CLOSING : SIMPLE_OTHER;
	case U_LB_CLOSE_PUNCTUATION:
	case U_LB_CLOSE_PARENTHESIS:
	case U_LB_EXCLAMATION:
	case U_LB_NONSTARTER:
		return SIMPLE_CLOSING;
	default:
		return SIMPLE_OTHER;
	}
}

/* The opportunities of a text made only of the simple classes; false, with
 * nothing marked, for any other text. */
static bool mark_simple_breaks(struct wrap_input *in)
{
	enum simple_class before = SIMPLE_OTHER;
	for (size_t i = 0; i < in->count; i++) {
		enum simple_class class = simple_class(in->cps[i]);
		if (class == SIMPLE_OTHER) {
			memset(in->break_before, 0, in->count * sizeof *in->break_before);
			return false;
		}
		in->break_before[i] = i > 0 && class != SIMPLE_CLOSING && before != SIMPLE_OPENING &&
				      !(class == SIMPLE_DIGIT && before == SIMPLE_DIGIT);
		before = class;
	}
	return true;
}

static void mark_uax14_breaks(struct wrap_input *in)
{
	if (in->fast && mark_simple_breaks(in))
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

/* May a line end before `at`? `last_kept` is the index of the last non-space
 * character of the line, or SIZE_MAX for none. Spaces around the break are
 * dropped, so the marks that count are the visible ones on either side. */
static bool may_break(const struct wrap_input *in, size_t at, size_t last_kept)
{
	if (at >= in->count || !in->break_before[at] || last_kept == SIZE_MAX)
		return false;
	size_t shown = in->next_visible[at];
	return (shown == in->count || !is_closing_mark(in->cps[shown])) && !is_opening_mark(in->cps[last_kept]);
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
		if (i == in->count || in->cps[i] == '\n') {
			line.kept_end = last_kept == SIZE_MAX ? start : last_kept + 1;
			line.next = i < in->count ? i + 1 : i;
			return line;
		}
		running += in->width[i];
		if (!is_break_space(in->cps[i])) {
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
	while (i < in->count && in->cps[i] != '\n' && !may_break(in, i, last_kept)) {
		if (!is_break_space(in->cps[i]))
			last_kept = i;
		i++;
	}
	line.kept_end = last_kept + 1;
	line.next = i < in->count && in->cps[i] == '\n' ? i + 1 : i;
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
	decode_input(&in, text, n);
	in.fast = !icu_only;
	mark_uax14_breaks(&in);
	memcpy(break_before, in.break_before, in.count * sizeof *break_before);
	free_input(&in);
}

/* A text that fits on its first line, as wrap_text would write it: the
 * prefix, the text without its trailing spaces, a newline; "" for a text of
 * spaces only. NULL when the text does not fit, holds a line break, or holds
 * bytes wrap_text would replace: then it takes the long way. Most texts
 * wrapped are short (a title, a table cell, an item), and this spares them
 * the decoding, the allocations and the break opportunities. */
static char *fits_one_line(const char *text, size_t n, long avail, const char *prefix)
{
	long used = 0, running = 0;
	size_t kept = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(text + i, n - i, &cp);
		if (len == 0 || cp == 0 || cp == '\n')
			return NULL;
		running += cp_width(cp);
		i += len;
		if (!is_break_space(cp)) {
			used = running;
			kept = i;
		}
		if (used > avail)
			return NULL;
	}
	if (kept == 0 && !(n > 0 && !is_break_space((unsigned char)text[0])))
		return xstrdup("");
	size_t plen = strlen(prefix);
	char *out = xmalloc(plen + kept + 2);
	memcpy(out, prefix, plen);
	memcpy(out + plen, text, kept);
	out[plen + kept] = '\n';
	out[plen + kept + 1] = '\0';
	return out;
}

char *wrap_text(const char *text, size_t n, int width, const char *first_indent, const char *indent)
{
	first_indent = first_indent ? first_indent : "";
	indent = indent ? indent : "";
	char *short_text = text ? fits_one_line(text, n, (long)width - (long)text_width(first_indent, strlen(first_indent)),
						first_indent)
				: NULL;
	if (short_text)
		return short_text;
	if (text && n > WRAP_MAX_TEXT) {
		/* beyond any file policyc reads: shown whole rather than cut */
		struct buf whole = {0};
		buf_puts(&whole, first_indent);
		buf_put(&whole, text, n);
		buf_putc(&whole, '\n');
		return buf_take(&whole);
	}
	struct wrap_input in;
	decode_input(&in, text ? text : "", text ? n : 0);
	in.fast = true;
	mark_uax14_breaks(&in);
	mark_east_asian_quote_breaks(&in);

	struct buf out = {0};
	size_t pos = 0;
	bool first = true;
	for (;;) {
		size_t visible = pos;
		while (visible < in.count && is_break_space(in.cps[visible]))
			visible++;
		if (visible == in.count)
			break;
		if (!first)
			pos = visible;
		const char *prefix = first ? first_indent : indent;
		long avail = (long)width - (long)text_width(prefix, strlen(prefix));
		struct line line = fill_line(&in, pos, avail);
		if (line.kept_end > line.start) {
			buf_puts(&out, prefix);
			put_codepoints(&out, &in, line.start, line.kept_end);
		}
		buf_putc(&out, '\n');
		pos = line.next;
		first = false;
	}
	free_input(&in);
	return buf_take(&out);
}
