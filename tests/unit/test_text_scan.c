/* test_text_scan.c — the block-at-a-time scanners (text_scan.c, and
 * next_possible_start of xref_scan.c through xref_scan_next) against readings
 * a byte at a time written here. The short inputs of test_source.c never
 * reach the 8-, 16- and 64-byte paths; these strings (a fixed seed, lengths
 * 0 … 300, scanned from every offset) reach all of them, with the odd byte
 * at every place in a block. Each string is in a heap buffer of exactly its
 * size (and the NUL text_end may read), so ASan reports a read past it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "text_scan.h"
#include "util.h"
#include "xref_scan.h"
#include "unit.h"

enum { STRINGS = 3000, MAX_LEN = 300 };

/* xorshift64: the same strings on every run and every machine */
static uint64_t next_random(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

static unsigned below(uint64_t *state, unsigned n)
{
	return (unsigned)(next_random(state) >> 33) % n;
}

/* ---- text_end and line_break_bits ------------------------------------- */

/* The length of the well-formed UTF-8 character (NUL excluded) at u, of the
 * n bytes there; 0 when there is none: the table of Unicode's chapter 3. */
static size_t reference_char_length(const unsigned char *u, size_t n)
{
	if (n == 0 || u[0] == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	size_t len;
	unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3, lo = u[0] == 0xE0 ? 0xA0 : 0x80, hi = u[0] == 0xED ? 0x9F : 0xBF;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4, lo = u[0] == 0xF0 ? 0x90 : 0x80, hi = u[0] == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (n < len || u[1] < lo || u[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++)
		if (u[k] < 0x80 || u[k] > 0xBF)
			return 0;
	return len;
}

static size_t reference_text_end(const char *s, size_t at, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	while (at < len) {
		size_t k = reference_char_length(u + at, len - at);
		if (k == 0)
			return at;
		at += k;
	}
	return len;
}

static uint64_t reference_line_break_bits(const char *s, size_t at, size_t len)
{
	uint64_t bits = 0;
	for (size_t k = 0; k < 64 && at + k < len; k++)
		if (s[at + k] == '\n' || s[at + k] == '\r')
			bits |= (uint64_t)1 << k;
	return bits;
}

/* One piece of a string: mostly what a policy holds (ASCII, Chinese), and
 * now and then one of the sequences an encoding check must stop at. */
static size_t random_piece(uint64_t *rnd, unsigned bad_odds, unsigned char *out)
{
	static const unsigned char lead3[] = {0xE1, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEC, 0xEE, 0xEF};
	unsigned char c1 = (unsigned char)(0x80 + below(rnd, 64)), c2 = (unsigned char)(0x80 + below(rnd, 64)),
		      c3 = (unsigned char)(0x80 + below(rnd, 64));
	unsigned kind = below(rnd, 100);
	if (kind >= bad_odds) { /* plain: ASCII or Chinese, half and half */
		if (kind & 1) {
			out[0] = (unsigned char)(0x20 + below(rnd, 0x5F));
			return 1;
		}
		out[0] = lead3[below(rnd, sizeof lead3)], out[1] = c1, out[2] = c2;
		return 3;
	}
	switch (below(rnd, 24)) {
	case 0: out[0] = 0; return 1;                                   /* NUL */
	case 1: out[0] = '\r'; return 1;
	case 2: out[0] = '\n'; return 1;
	case 3: out[0] = '\r', out[1] = '\n'; return 2;
	case 4: out[0] = (unsigned char)(0xC2 + below(rnd, 30)), out[1] = c1; return 2; /* two bytes */
	case 5: out[0] = (unsigned char)(0xC0 + below(rnd, 2)), out[1] = c1; return 2;  /* overlong C0 C1 */
	case 6: out[0] = 0xE0, out[1] = (unsigned char)(0xA0 + below(rnd, 32)), out[2] = c2; return 3;
	case 7: out[0] = 0xE0, out[1] = (unsigned char)(0x80 + below(rnd, 32)), out[2] = c2; return 3; /* overlong */
	case 8: out[0] = 0xED, out[1] = (unsigned char)(0x80 + below(rnd, 32)), out[2] = c2; return 3;
	case 9: out[0] = 0xED, out[1] = (unsigned char)(0xA0 + below(rnd, 32)), out[2] = c2; return 3; /* surrogate */
	case 10: out[0] = 0xF0, out[1] = (unsigned char)(0x90 + below(rnd, 48)), out[2] = c2, out[3] = c3; return 4;
	case 11: out[0] = 0xF0, out[1] = (unsigned char)(0x80 + below(rnd, 16)), out[2] = c2, out[3] = c3; return 4;
	case 12: out[0] = (unsigned char)(0xF1 + below(rnd, 3)), out[1] = c1, out[2] = c2, out[3] = c3; return 4;
	case 13: out[0] = 0xF4, out[1] = (unsigned char)(0x80 + below(rnd, 16)), out[2] = c2, out[3] = c3; return 4;
	case 14: out[0] = 0xF4, out[1] = (unsigned char)(0x90 + below(rnd, 48)), out[2] = c2, out[3] = c3; return 4;
	case 15: out[0] = (unsigned char)(0xF5 + below(rnd, 11)); return 1; /* never a lead */
	case 16: out[0] = c1; return 1;                                      /* a lone continuation */
	case 17: out[0] = lead3[below(rnd, sizeof lead3)], out[1] = c1; return 2; /* truncated */
	case 18: out[0] = lead3[below(rnd, sizeof lead3)]; return 1;
	case 19: out[0] = (unsigned char)(0xC2 + below(rnd, 30)); return 1;
	case 20: out[0] = (unsigned char)(0xF0 + below(rnd, 5)), out[1] = (unsigned char)(0x90 + below(rnd, 16)); return 2;
	case 21: /* a three-byte lead before ASCII */
		out[0] = lead3[below(rnd, sizeof lead3)], out[1] = c1, out[2] = 'a';
		return 3;
	case 22: out[0] = 0x7F; return 1;
	default: out[0] = 0xE0, out[1] = 0xA0, out[2] = 0x80; return 3; /* U+0800, the first E0 */
	}
}

/* A string of `len` bytes (a piece cut at the end is one more truncated
 * sequence). Half of them plain but for few odd pieces, so that the 64-byte
 * blocks are taken; the others thick with them. */
static void random_text(uint64_t *rnd, unsigned char *out, size_t len)
{
	unsigned bad_odds = below(rnd, 2) ? 1 + below(rnd, 3) : 10 + below(rnd, 60);
	size_t i = 0;
	while (i < len) {
		unsigned char piece[4];
		size_t k = random_piece(rnd, bad_odds, piece);
		for (size_t j = 0; j < k && i < len; j++)
			out[i++] = piece[j];
	}
}

static void test_text_end_and_line_breaks(void)
{
	uint64_t rnd = 0x9E3779B97F4A7C15u;
	size_t strings = 0, scans = 0, text_bad = 0, break_bad = 0;
	unsigned char bytes[MAX_LEN];
	for (; strings < STRINGS; strings++) {
		size_t len = strings < MAX_LEN ? strings : below(&rnd, MAX_LEN + 1);
		random_text(&rnd, bytes, len);
		/* exactly the string and the NUL text_end may read after it */
		char *s = xmalloc(len + 1);
		memcpy(s, bytes, len);
		s[len] = '\0';
		for (size_t at = 0; at <= len; at++, scans++) {
			size_t got = text_end(s, at, len), want = reference_text_end(s, at, len);
			if (got != want && text_bad++ == 0)
				printf("  text_end: string %zu of %zu bytes from %zu: %zu, expected %zu\n",
				       strings, len, at, got, want);
			uint64_t bits = line_break_bits(s, at, len), want_bits = reference_line_break_bits(s, at, len);
			if (bits != want_bits && break_bad++ == 0)
				printf("  line_break_bits: string %zu of %zu bytes from %zu: %llx, expected %llx\n",
				       strings, len, at, (unsigned long long)bits, (unsigned long long)want_bits);
		}
		free(s);
	}
	CHECK(text_bad == 0, "text_end agrees with a byte at a time (%zu scans, %zu differ)", scans, text_bad);
	CHECK(break_bad == 0, "line_break_bits agrees with a byte at a time (%zu scans, %zu differ)", scans,
	      break_bad);
}

/* ---- next_possible_start, through xref_scan_next ----------------------- */

/* The words of the strings: references of scheme articles that nothing
 * around them can lengthen (no 至, 款 or 项 follows them), titles' brackets,
 * decoys that end in the two bytes of 第 (AC AC), 本 (9C AC), 前 (89 8D) or
 * 《 (80 8A) under another lead, and characters of no reference. None is
 * one of the words after which 前款 is no reference. */
static const char *const xref_words[] = {
	"第三条", "本制度第三条", "前款", "《", "》", "本", "第", "前",
	"\xE8\xAC\xAC", "\xE5\x9C\xAC", "\xE4\x89\x8D", "\xE4\x80\x8A",
	"中", "文", "规", "则", "a", "b", " ", "\n", "1",
};

static bool word_at(const char *s, size_t n, size_t i, const char *word)
{
	size_t k = strlen(word);
	return n - i >= k && memcmp(s + i, word, k) == 0;
}

/* The next reference from *pos as xref_scan_next finds it, a byte at a
 * time: 《TITLE》 (closed before another 《, not empty) in both schemes;
 * in articles the three words of xref_words, but after 》 (an article of
 * another document: passed over). */
static bool reference_next(enum scheme scheme, const char *s, size_t n, size_t *pos, size_t *off,
			   size_t *len)
{
	for (size_t i = *pos; i < n; i++) {
		if (word_at(s, n, i, "《")) {
			for (size_t j = i + 3; j < n; j++) {
				if (word_at(s, n, j, "《") || (word_at(s, n, j, "》") && j == i + 3))
					break;
				if (word_at(s, n, j, "》")) {
					*off = i, *len = j + 3 - i, *pos = j + 3;
					return true;
				}
			}
			continue;
		}
		if (scheme != SCHEME_ARTICLES)
			continue;
		size_t k = word_at(s, n, i, "本制度第三条") ? strlen("本制度第三条")
			   : word_at(s, n, i, "第三条")     ? strlen("第三条")
			   : word_at(s, n, i, "前款")       ? strlen("前款")
							    : 0;
		if (k == 0)
			continue;
		if (i >= 3 && memcmp(s + i - 3, "》", 3) == 0) {
			i += k - 1; /* foreign: passed over whole */
			continue;
		}
		*off = i, *len = k, *pos = i + k;
		return true;
	}
	*pos = n;
	return false;
}

static void test_possible_starts(void)
{
	uint64_t rnd = 0x2545F4914F6CDD1Du;
	const enum scheme schemes[] = {SCHEME_ARTICLES, SCHEME_OUTLINE};
	size_t strings = 0, found = 0, bad = 0;
	char bytes[MAX_LEN + 32];
	for (; strings < STRINGS; strings++) {
		size_t n = 0, target = below(&rnd, MAX_LEN + 1);
		/* decoys and plain characters mostly, a reference's word now and then */
		while (n < target) {
			size_t w = below(&rnd, 4) ? 8 + below(&rnd, sizeof xref_words / sizeof *xref_words - 8)
						  : below(&rnd, 8);
			memcpy(bytes + n, xref_words[w], strlen(xref_words[w]));
			n += strlen(xref_words[w]);
		}
		char *s = xmalloc(n ? n : 1); /* exactly the string: xref_scan_next reads no NUL */
		memcpy(s, bytes, n);
		for (size_t k = 0; k < 2; k++) {
			size_t pos = 0, want_pos = 0, want_off = 0, want_len = 0;
			struct reference ref;
			for (;;) {
				bool got = xref_scan_next(schemes[k], s, n, &pos, &ref);
				bool want = reference_next(schemes[k], s, n, &want_pos, &want_off, &want_len);
				bool same = got == want &&
					    (!got || (ref.off == want_off && ref.len == want_len && pos == want_pos));
				if (!same) {
					if (bad++ == 0)
						printf("  string %zu (%zu bytes), scheme %zu: found %d at %zu+%zu, "
						       "expected %d at %zu+%zu\n", strings, n, k, got,
						       got ? ref.off : 0, got ? ref.len : 0, want, want_off, want_len);
					break;
				}
				if (!got)
					break;
				found++;
			}
		}
		free(s);
	}
	CHECK(bad == 0 && found > STRINGS,
	      "xref_scan_next finds what a byte at a time does (%zu references, %zu strings differ)", found, bad);
}

int main(void)
{
	test_text_end_and_line_breaks();
	test_possible_starts();
	UNIT_END();
}
