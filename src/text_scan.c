/* text_scan.c — the byte scanning behind source.c: where a line ends and
 * where the text stops being well-formed UTF-8 without NUL bytes. A policy
 * is read a block at a time here (16 or 64 bytes with SSE2, 8 without), the
 * rest of the program a character at a time; tests/unit/test_text_scan.c
 * compares both paths with a byte at a time reading. */
#include <stdint.h>
#include <string.h>

#include "text_scan.h"
#include "util.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

uint64_t line_break_bits(const char *s, size_t at, size_t len)
{
	uint64_t bits = 0;
#ifdef __SSE2__
	if (len - at >= 64) {
		const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
		for (unsigned k = 0; k < 64; k += 16) {
			const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at + k));
			unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
			bits |= (uint64_t)hits << k;
		}
		return bits;
	}
#endif
	for (size_t k = 0; k < 64 && at + k < len; k++)
		if (s[at + k] == '\n' || s[at + k] == '\r')
			bits |= (uint64_t)1 << k;
	return bits;
}

/* The length of the character at s: ASCII other than NUL, or well-formed
 * UTF-8 (utf8_decode); 0 for a NUL or an invalid sequence. */
static size_t text_char_length(const char *s, size_t n)
{
	unsigned char c = (unsigned char)*s;
	if (c - 1u < 0x7Fu)
		return 1;
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	return len == 1 && cp == 0 ? 0 : len;
}

/* Bit k set: a three-byte lead 0xE0 + k makes a character of any two
 * continuation bytes; E0 (overlong below A0) and ED (a surrogate from A0)
 * depend on the second byte. */
#define PLAIN_THREE_BYTE_LEADS 0xDFFEu

/* The end of the text from `at` on, looked at until `until` (it may go a
 * character past it): of ASCII other than NUL and well-formed UTF-8, up to
 * the first byte that is neither (returned even when before `until`), or
 * `len`. A policy is ASCII and three-byte characters (every Chinese one):
 * eight bytes of ASCII, or two three-byte characters, are taken at once from
 * a word; anything else a character at a time. s[len] must be readable
 * (doc->src ends with a NUL). */
static size_t word_text_end(const char *s, size_t at, size_t until, size_t len)
{
	static const unsigned char three_byte_mask[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0, 0};
	static const unsigned char three_byte_bits[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0, 0};
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t mask, bits;
	memcpy(&mask, three_byte_mask, 8); /* in the host's byte order */
	memcpy(&bits, three_byte_bits, 8);
	const unsigned char *u = (const unsigned char *)s;
	size_t i = at;
	while (i < until) {
		if (i + 7 <= len) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (((w | ((w - ones) & ~w)) & highs) == 0) { /* no high bit, no NUL */
				i += 8;
				continue;
			}
			if ((w & mask) == bits &&
			    (PLAIN_THREE_BYTE_LEADS >> (u[i] & 0x0F) & PLAIN_THREE_BYTE_LEADS >> (u[i + 3] & 0x0F) & 1)) {
				i += 6;
				continue;
			}
		}
		size_t n = text_char_length(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return i < len ? i : len;
}

#ifdef __SSE2__
/* Bit k of each: what byte k of a block is. */
struct byte_kinds {
	uint64_t ascii, cont, lead2, lead3;
};

/* Adds the kinds of the 16 bytes at s, as bits `at` … at + 15. As signed
 * bytes ASCII other than NUL is above 0 and a continuation byte (80 … BF)
 * below -64; the leads C2 … DF of two-byte characters and E1 … EF (but ED)
 * of three-byte ones, moved to start at -128, are the bytes below -128 plus
 * the number of them. */
static inline void add_kinds(const char *s, unsigned at, struct byte_kinds *k)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	const __m128i from_c2 = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xC2)));
	const __m128i from_e1 = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xE1)));
	const __m128i lead2 = _mm_cmpgt_epi8(_mm_set1_epi8(-128 + (0xDF - 0xC2 + 1)), from_c2);
	const __m128i lead3 = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
					       _mm_cmpgt_epi8(_mm_set1_epi8(-128 + (0xEF - 0xE1 + 1)), from_e1));
	k->ascii |= (uint64_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_setzero_si128())) << at;
	k->cont |= (uint64_t)_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-64), v)) << at;
	k->lead2 |= (uint64_t)_mm_movemask_epi8(lead2) << at;
	k->lead3 |= (uint64_t)_mm_movemask_epi8(lead3) << at;
}

/* How many of the n (16 or 64) bytes at s are text, in whole characters,
 * when all of them are ASCII other than NUL, two-byte characters, or
 * three-byte ones of the leads in PLAIN_THREE_BYTE_LEADS (any continuation
 * bytes make a character of these): n, or n - 1 or n - 2 when the last
 * character runs past the block. 0 for any other block, for word_text_end
 * to look at. */
static inline size_t plain_block(const char *s, unsigned n)
{
	struct byte_kinds k = {0, 0, 0, 0};
	add_kinds(s, 0, &k);
	if (n == 64) { /* unrolled, so that the kinds stay in registers */
		add_kinds(s + 16, 16, &k);
		add_kinds(s + 32, 32, &k);
		add_kinds(s + 48, 48, &k);
	}
	const uint64_t all = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
	if (k.ascii == all)
		return n;
	if ((k.ascii | k.cont | k.lead2 | k.lead3) != all)
		return 0;
	/* The four kinds exclude one another: the bytes after each lead are
	 * continuation bytes, and every continuation byte follows a lead, when
	 * the continuation bytes are exactly where the leads want them. */
	const uint64_t leads = k.lead2 | k.lead3;
	if (((leads << 1 | k.lead3 << 2) & all) != k.cont)
		return 0;
	if (leads >> (n - 1) & 1)
		return n - 1;
	return k.lead3 >> (n - 2) & 1 ? n - 2 : n;
}
#endif

/* The end of the text from `at` on (word_text_end), in blocks of 64 or 16
 * bytes where SSE2 can tell them plain: a Chinese policy is checked three
 * times faster so than a word at a time. */
size_t text_end(const char *s, size_t at, size_t len)
{
	size_t i = at;
	while (i < len) {
		size_t until = len;
#ifdef __SSE2__
		if (len - i >= 16) {
			size_t n = len - i >= 64 ? plain_block(s + i, 64) : 0;
			if (n == 0) /* the plain bytes before an odd one, 16 at a time */
				n = plain_block(s + i, 16);
			if (n) {
				i += n;
				continue;
			}
			until = i + 16;
		}
#endif
		size_t end = word_text_end(s, i, until, len);
		if (end < until)
			return end;
		i = end;
	}
	return len;
}
