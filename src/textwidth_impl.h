/* textwidth_impl.h — what the line filling of textwidth.c and its one pass
 * for plain Chinese text (textwidth_plain.c) share. */
#ifndef POLICYC_TEXTWIDTH_IMPL_H
#define POLICYC_TEXTWIDTH_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "textwidth.h"

/* A CJK Unified Ideograph (U+4E00..U+9FFF) in the three bytes at u, told
 * without decoding it: the first two bytes from E4 B8 (U+4E00) to E9 BF
 * (U+9FFF), both after it continuation bytes. One range test instead of
 * tests of the lead byte: this is asked of every character of every text. */
static inline bool ideograph_bytes(const unsigned char *u)
{
	unsigned lead = (unsigned)u[0] << 8 | u[1];
	uint16_t tail; /* u[1] and u[2], both tested against the same mask */
	memcpy(&tail, u + 1, sizeof tail);
	return lead - 0xE4B8u <= 0xE9BFu - 0xE4B8u && (tail & 0xC0C0u) == 0x8080u;
}

/* Most Chinese text is ideographs, digits, the ideographic space and the
 * punctuation that opens or closes around them, quotation marks among them.
 * Among these classes alone UAX #14 comes down to a few rules: no break
 * before a closing mark or the ideographic space (LB13, LB21: CL CP EX NS
 * BA), none after an opening mark (LB14: OP), none inside a number (LB25:
 * NU × NU); everything else breaks (LB31; LB30 keeps NU with an OP only when
 * the OP is narrow, and of the narrow OPs only “ is taken: SIMPLE_OPEN_QUOTE).
 * ICU's iterator for "zh" takes “ as an opening mark and ” as a closing one,
 * and keeps ‘ and ’ (QU) joined to both sides (LB19). For such a text these
 * give the same opportunities as ICU's iterator at a fraction of the cost
 * (tests/unit/test_textwidth.c compares them); any other class (letters,
 * spaces, numeric punctuation) leaves the text to ICU. */
enum simple_class {
	SIMPLE_OTHER,
	SIMPLE_IDEOGRAPH,
	SIMPLE_DIGIT,
	SIMPLE_OPENING,
	SIMPLE_OPEN_QUOTE, /* “: an opening mark, but narrow */
	SIMPLE_CLOSING,
	SIMPLE_QUOTE,      /* ‘ ’ */
};

/* The simple class of cp (SIMPLE_OTHER for any other). */
enum simple_class simple_class(uint32_t cp);

/* What the filling needs to know of each character, found once. */
enum char_kind {
	KIND_SPACE = 1,   /* is_break_space */
	KIND_CLOSING = 2, /* is_closing_mark */
	KIND_OPENING = 4, /* is_opening_mark */
	KIND_NEWLINE = 8, /* '\n', which ends the line: told from props, which
			   * the filling reads anyway, rather than from cps */
	WIDTH_UNIT = 16,  /* the columns above the kind bits */
};

/* The enum char_kind bits of cp. */
unsigned char char_kind(uint32_t cp);

/* The break opportunities of a text made only of the simple classes, marked
 * at cps[i] as the characters come; `before` is the class of cps[i - 1]. */
static inline bool simple_break_before(enum simple_class class, enum simple_class before, size_t i)
{
	bool opening_before = before == SIMPLE_OPENING || before == SIMPLE_OPEN_QUOTE;
	return i > 0 && class != SIMPLE_CLOSING && !opening_before && class != SIMPLE_QUOTE &&
	       before != SIMPLE_QUOTE && !(class == SIMPLE_DIGIT && before == SIMPLE_DIGIT) &&
	       !(class == SIMPLE_OPEN_QUOTE && before == SIMPLE_DIGIT);
}

/* wrap_text_prefixed for a text made only of the simple classes, in one
 * pass (textwidth_plain.c); false, with nothing written, for any other. */
bool wrap_plain_into(struct buf *out, const char *text, size_t n, int width, const struct wrap_prefix *first_prefix,
		     const struct wrap_prefix *rest_prefix);
/* Chinese quotation marks have a direction: a break may open only on their
 * outer side, between East Asian characters (mark_east_asian_quote_breaks). */
enum quote_side {
	QUOTE_NONE,
	QUOTE_OPENS,  /* “ ‘: a break before it */
	QUOTE_CLOSES, /* ” ’: a break after it */
};

static inline enum quote_side quote_side(uint32_t cp)
{
	return cp == 0x201C || cp == 0x2018 ? QUOTE_OPENS : cp == 0x201D || cp == 0x2019 ? QUOTE_CLOSES : QUOTE_NONE;
}

#endif
