/* xref_scan_en.c — references of schemes en and decimal (see xref_scan.h).
 *
 * English references are capitalised as drafting style has them (Article,
 * Chapter); a bare "paragraph 2" names nothing until "of this Article" or "of
 * Article N" says whose. Items are letters: (a) is 1. A decimal clause number
 * is a reference only after a word that refers (见, 参见, 按, 按照, 依照, 依据,
 * 根据, 参照 …: it ends in 见, 按, 依, 照 or 据), so 增长4.2% and 版本1.2 are not;
 * nor is one followed by a unit (按1.5倍). */
#include "xref_scan.h"

#include <string.h>

#include "markers.h"
#include "numeral.h"

#define MAX_DIGITS 9

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool word_at(const char *s, size_t n, size_t i, const char *word)
{
	size_t k = strlen(word);
	return n - i >= k && memcmp(s + i, word, k) == 0;
}

/* A number at s+i, not followed by a letter. One of more than nine digits
 * is a reference all the same, to an article no document has (as 第一亿条):
 * its value is NUMERAL_MAX + 1, past any that counts. */
static bool number_at(const char *s, size_t n, size_t i, long *value, size_t *end)
{
	size_t j = i;
	long v = 0;
	for (; j < n && is_digit(s[j]); j++)
		v = j - i < MAX_DIGITS ? v * 10 + (s[j] - '0') : NUMERAL_MAX + 1;
	if (j == i || (j < n && is_alnum(s[j])))
		return false;
	*value = v > NUMERAL_MAX ? NUMERAL_MAX + 1 : v;
	*end = j;
	return true;
}

/* "(2)" or "(a)" at s+i. */
static bool bracketed_at(const char *s, size_t n, size_t i, bool letter, long *value, size_t *end)
{
	if (i >= n || s[i] != '(')
		return false;
	if (letter) {
		if (n - i < 3 || s[i + 1] < 'a' || s[i + 1] > 'z' || s[i + 2] != ')')
			return false;
		*value = s[i + 1] - 'a' + 1;
		*end = i + 3;
		return true;
	}
	size_t j;
	if (!number_at(s, n, i + 1, value, &j) || j >= n || s[j] != ')')
		return false;
	*end = j + 1;
	return true;
}

/* After "Article N": (M) and (k). */
static size_t paragraph_and_item(const char *s, size_t n, size_t i, struct reference *ref)
{
	long value;
	size_t end;
	if (bracketed_at(s, n, i, false, &value, &end)) {
		ref->kind = XREF_PARAGRAPH;
		ref->paragraph = value;
		i = end;
	}
	if (bracketed_at(s, n, i, true, &value, &end)) {
		ref->kind = XREF_ITEM;
		ref->item = value;
		i = end;
	}
	return i;
}

static size_t article_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	long value;
	size_t end;
	if (word_at(s, n, i, "Articles ")) {
		size_t j = i + strlen("Articles ");
		if (!number_at(s, n, j, &ref->article, &end) || !word_at(s, n, end, " to "))
			return i;
		j = end + strlen(" to ");
		if (word_at(s, n, j, "Article "))
			j += strlen("Article ");
		if (!number_at(s, n, j, &value, &end))
			return i;
		ref->kind = XREF_RANGE;
		ref->range_end = value;
		ref->range_off = j;
		return end;
	}
	if (!word_at(s, n, i, "Article ") || !number_at(s, n, i + strlen("Article "), &value, &end))
		return i;
	ref->article = value;
	return paragraph_and_item(s, n, end, ref);
}

/* "paragraph M of this Article", "paragraph M of Article N". */
static size_t paragraph_of_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	long value;
	size_t end;
	if (!(word_at(s, n, i, "paragraph ") || word_at(s, n, i, "Paragraph ")) ||
	    !number_at(s, n, i + strlen("paragraph "), &value, &end))
		return i;
	ref->kind = XREF_PARAGRAPH;
	ref->paragraph = value;
	if (word_at(s, n, end, " of this Article")) {
		ref->base = BASE_THIS_ARTICLE;
		return end + strlen(" of this Article");
	}
	size_t j = end + strlen(" of Article ");
	if (word_at(s, n, end, " of Article ") && number_at(s, n, j, &ref->article, &end))
		return end;
	return i;
}

size_t xref_english_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	if (i > 0 && is_alnum(s[i - 1]))
		return i;
	long value;
	size_t end;
	switch (s[i]) {
	case 'A':
		return article_at(s, n, i, ref);
	case 'C':
		if (!word_at(s, n, i, "Chapter ") || !number_at(s, n, i + strlen("Chapter "), &value, &end))
			return i;
		ref->kind = XREF_CHAPTER;
		ref->base = BASE_CHAPTER;
		ref->chapter = value;
		return end;
	case 'p':
	case 'P':
		return paragraph_of_at(s, n, i, ref);
	case 't':
	case 'T':
		end = i + strlen("the preceding paragraph");
		if (!word_at(s, n, i + 1, "he preceding paragraph") || (end < n && is_alnum(s[end])))
			return i;
		ref->kind = XREF_PARAGRAPH;
		ref->base = BASE_PREVIOUS_PARAGRAPH;
		return end;
	default:
		return i;
	}
}

/* 见 按 依 照 据: the last character of the words that refer. */
static bool refers(uint32_t cp)
{
	return cp == 0x89C1 || cp == 0x6309 || cp == 0x4F9D || cp == 0x7167 || cp == 0x636E;
}

size_t xref_clause_at(const char *s, size_t n, size_t i, struct reference *ref)
{
	if (!is_digit(s[i]))
		return i;
	size_t before = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
	if (!refers(xref_previous_char(s, before)))
		return i;
	size_t j = i, parts = 0;
	for (;;) {
		size_t start = j;
		while (j < n && is_digit(s[j]))
			j++;
		if (j == start)
			return i;
		parts++;
		if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1]) && parts < 5)
			j++;
		else
			break;
	}
	if (parts < 2 || (j < n && (s[j] == '%' || is_alnum(s[j]) || marker_unit_at(s + j, n - j) ||
				    (s[j] == '.' && j + 1 < n && is_digit(s[j + 1])))))
		return i;
	ref->kind = XREF_ARTICLE;
	ref->base = BASE_CLAUSE;
	ref->title_off = i;
	ref->title_len = j - i;
	return j;
}
