/* xref_scan.c — the words of cross-references (see xref_scan.h). */
#include "xref_scan.h"

#include <string.h>

#include "numeral.h"
#include "util.h"

#define DI "第"
#define TIAO "条"
#define KUAN "款"
#define XIANG "项"
#define ZHANG "章"

static bool at(const char *s, size_t n, size_t i, const char *word)
{
	size_t k = strlen(word);
	return i <= n && n - i >= k && memcmp(s + i, word, k) == 0;
}

/* 第N<unit> at s+i with unit one of `units` (NULL-terminated). On success
 * stores the number and which unit, and moves *end past the unit. */
static bool ordinal_at(const char *s, size_t n, size_t i, const char *const *units, long *value,
		       int *unit, size_t *end)
{
	if (!at(s, n, i, DI))
		return false;
	i += strlen(DI);
	struct numeral num = numeral_parse(s + i, n - i);
	if (num.len == 0 || num.status == NUMERAL_INVALID)
		return false;
	/* 第一亿条 is a reference all the same, to an article no document has. */
	if (num.status == NUMERAL_TOO_LARGE)
		num.value = NUMERAL_MAX + 1;
	i += num.len;
	for (int u = 0; units[u]; u++) {
		if (at(s, n, i, units[u])) {
			*value = num.value;
			*unit = u;
			*end = i + strlen(units[u]);
			return true;
		}
	}
	return false;
}

/* UTF-8 is self-synchronising: step back over continuation bytes. */
uint32_t xref_previous_char(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t start = i - 1;
	while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	uint32_t cp = 0;
	return utf8_decode(s + start, i - start, &cp) ? cp : 0;
}

/* 前 ends many words (目前, 提前, 之前, 税前 …); 前款 after one of them is not
 * "the preceding paragraph" (目前款式, 税前款项). */
static bool ends_word_with_qian(uint32_t before)
{
	static const char words[] = "目提之以事当日此先眼年月节会生面跟向空税售产赛课学饭考班";
	char buf[5];
	size_t k = utf8_encode(before, buf);
	buf[k] = 0;
	return before > 0x7F && strstr(words, buf) != NULL;
}

/* After an article (or 本条, 前款): 第M款, 第M款第K项, 第K项. */
static size_t paragraph_and_item(const char *s, size_t n, size_t i, struct reference *ref)
{
	static const char *const units[] = {KUAN, XIANG, NULL};
	static const char *const item_only[] = {XIANG, NULL};
	long value;
	int unit;
	size_t end;
	if (!ordinal_at(s, n, i, units, &value, &unit, &end))
		return i;
	if (unit == 1) {
		ref->kind = XREF_ITEM;
		ref->item = value;
		return end;
	}
	ref->kind = XREF_PARAGRAPH;
	ref->paragraph = value;
	i = end;
	if (ordinal_at(s, n, i, item_only, &value, &unit, &end)) {
		ref->kind = XREF_ITEM;
		ref->item = value;
		i = end;
	}
	return i;
}

/* 第N条 or 第N章 and what follows it, at s+i. Returns the end, or i. */
static size_t article_or_chapter(const char *s, size_t n, size_t i, struct reference *ref)
{
	static const char *const units[] = {TIAO, ZHANG, NULL};
	static const char *const article_only[] = {TIAO, NULL};
	long value;
	int unit;
	size_t end;
	if (!ordinal_at(s, n, i, units, &value, &unit, &end))
		return i;
	if (unit == 1) {
		ref->chapter = value;
		if (!ordinal_at(s, n, end, article_only, &value, &unit, &end)) {
			ref->kind = XREF_CHAPTER;
			ref->base = BASE_CHAPTER;
			return end;
		}
	}
	ref->kind = XREF_ARTICLE;
	ref->base = BASE_ARTICLE;
	ref->article = value;
	i = end;
	if (at(s, n, i, "至") && ordinal_at(s, n, i + strlen("至"), article_only, &value, &unit, &end)) {
		ref->kind = XREF_RANGE;
		ref->range_end = value;
		ref->start_len = i - ref->off;
		ref->range_off = i + strlen("至");
		return end;
	}
	return paragraph_and_item(s, n, i, ref);
}

/* 《TITLE》 at s+i; the title ends at the first 》, and a 《 before it means
 * this one is unclosed. */
static size_t title_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	size_t open = strlen("《"), start = i + open;
	for (size_t j = start; j < n; j++) {
		if (at(s, n, j, "《"))
			return i;
		if (at(s, n, j, "》")) {
			if (j == start)
				return i;
			ref->kind = XREF_TITLE;
			ref->title_off = start;
			ref->title_len = j - start;
			return j + strlen("》");
		}
	}
	return i;
}

/* The forms of scheme articles at s+i. */
static size_t articles_reference_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	if (at(s, n, i, "本制度" DI)) {
		size_t after = i + strlen("本制度"), end = article_or_chapter(s, n, after, ref);
		return end > after ? end : i;
	}
	if (at(s, n, i, "本条" DI)) {
		ref->base = BASE_THIS_ARTICLE;
		size_t after = i + strlen("本条"), end = paragraph_and_item(s, n, after, ref);
		return end > after ? end : i;
	}
	if (at(s, n, i, "前款") && !ends_word_with_qian(xref_previous_char(s, i))) {
		ref->base = BASE_PREVIOUS_PARAGRAPH;
		ref->kind = XREF_PARAGRAPH;
		size_t end = i + strlen("前款");
		return paragraph_and_item(s, n, end, ref);
	}
	if (at(s, n, i, DI))
		return article_or_chapter(s, n, i, ref);
	return i;
}

/* 第4章 of scheme decimal. */
static size_t decimal_chapter_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	static const char *const chapter_only[] = {ZHANG, NULL};
	long value;
	int unit;
	size_t end;
	if (!ordinal_at(s, n, i, chapter_only, &value, &unit, &end))
		return i;
	ref->kind = XREF_CHAPTER;
	ref->base = BASE_CHAPTER;
	ref->chapter = value;
	return end;
}

static size_t reference_at(enum scheme scheme, const char *s, size_t n, size_t i,
			   struct reference *ref)
{
	if (at(s, n, i, "《"))
		return title_at(s, n, i, ref);
	switch (scheme) {
	case SCHEME_ARTICLES:
		return articles_reference_at(s, n, i, ref);
	case SCHEME_DECIMAL:
		return at(s, n, i, DI) ? decimal_chapter_at(s, n, i, ref) : xref_clause_at(s, n, i, ref);
	case SCHEME_EN:
		return xref_english_at(s, n, i, ref);
	default: /* outline: titles only */
		return i;
	}
}

/* Whether a reference of scheme articles or outline can begin at s+i:
 * articles' references begin with 第, 本, 前 or 《, outline's with 《. Most
 * positions of a text are none of these; next_possible_start skips them. */
static bool may_begin_reference(enum scheme scheme, const char *s, size_t n, size_t i)
{
	/* by the first byte, which all four differ in (E7 E6 E5 E3) */
	if (n - i < 3)
		return false;
	switch ((unsigned char)s[i]) {
	case 0xE3:
		return memcmp(s + i, "《", 3) == 0;
	case 0xE5:
		return scheme == SCHEME_ARTICLES && memcmp(s + i, "前", 3) == 0;
	case 0xE6:
		return scheme == SCHEME_ARTICLES && memcmp(s + i, "本", 3) == 0;
	case 0xE7:
		return scheme == SCHEME_ARTICLES && memcmp(s + i, DI, 3) == 0;
	default:
		return false;
	}
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Bit k set: s[k+1] and s[k+2] are the last two bytes of one of the words
 * of may_begin_reference, for k in 0 … 15 (s holds 18 bytes). 第 (E7 AC
 * AC), 本 (E6 9C AC), 前 (E5 89 8D) and 《 (E3 80 8A) differ in these two
 * already, and pairs of them are rare in other characters. */
static unsigned block_candidates(bool articles, const char *s)
{
	const __m128i mid = _mm_loadu_si128((const __m128i *)(const void *)(s + 1));
	const __m128i last = _mm_loadu_si128((const __m128i *)(const void *)(s + 2));
#define PAIR(a, b) _mm_and_si128(_mm_cmpeq_epi8(mid, _mm_set1_epi8((char)(a))), \
				 _mm_cmpeq_epi8(last, _mm_set1_epi8((char)(b))))
	__m128i hits = PAIR(0x80, 0x8A);
	if (articles)
		hits = _mm_or_si128(_mm_or_si128(hits, PAIR(0xAC, 0xAC)),
				    _mm_or_si128(PAIR(0x9C, 0xAC), PAIR(0x89, 0x8D)));
#undef PAIR
	return (unsigned)_mm_movemask_epi8(hits);
}
#define BLOCK 16
#endif

/* The first position from i on where may_begin_reference holds, or n, in
 * schemes articles and outline. With SSE2, sixteen positions are looked at
 * in one step (the last step overlaps the one before it rather than run
 * past n), and only the few whose bytes pass block_candidates are tried:
 * the Horspool search this replaces waited on each byte it read before it
 * knew where to read next, and that wait was most of its time. A position
 * found either way is one the character by character walk of
 * xref_scan_next would reach too: it holds a lead byte, and decoding never
 * takes a lead byte into the character before it. */
static size_t next_possible_start(enum scheme scheme, const char *s, size_t n, size_t i)
{
#ifdef BLOCK
	if (n >= BLOCK + 2) {
		const bool articles = scheme == SCHEME_ARTICLES;
		while (i < n - 2) {
			size_t base = i <= n - (BLOCK + 2) ? i : n - (BLOCK + 2);
			unsigned hits = block_candidates(articles, s + base) & (~0u << (i - base));
			if (!hits) {
				i = base + BLOCK;
				continue;
			}
			size_t j = base + (size_t)__builtin_ctz(hits);
			if (may_begin_reference(scheme, s, n, j))
				return j;
			i = j + 1;
		}
		return n;
	}
#endif
	/* the last byte of 第 and 本 (AC), 前 (8D) or 《 (8A) first */
	for (; n >= 3 && i <= n - 3; i++) {
		unsigned char last = (unsigned char)s[i + 2];
		if ((last == 0xAC || last == 0x8D || last == 0x8A) && may_begin_reference(scheme, s, n, i))
			return i;
	}
	return n;
}

bool xref_scan_next(enum scheme scheme, const char *s, size_t n, size_t *pos,
		    struct reference *ref)
{
	size_t i = *pos;
	bool skips = scheme == SCHEME_ARTICLES || scheme == SCHEME_OUTLINE;
	while (i < n) {
		/* in the other schemes a reference may begin anywhere */
		if (skips && (i = next_possible_start(scheme, s, n, i)) >= n)
			break;
		struct reference r = {.kind = XREF_ARTICLE, .base = BASE_ARTICLE, .off = i,
				      .chapter = REF_NONE, .article = REF_NONE,
				      .paragraph = REF_NONE, .item = REF_NONE,
				      .range_end = REF_NONE};
		size_t end = reference_at(scheme, s, n, i, &r);
		if (end > i) {
			/* 《劳动法》第三十六条 is an article of another document. */
			bool foreign = r.kind != XREF_TITLE && r.base != BASE_CLAUSE &&
				       xref_previous_char(s, i) == 0x300B;
			*pos = end;
			if (!foreign) {
				r.len = end - i;
				*ref = r;
				return true;
			}
			i = end;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
	}
	*pos = n;
	return false;
}
