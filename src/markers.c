/* markers.c — the scheme tables and the recognition of markers (markers.h). */
#include "markers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const opens_di[] = {"第", NULL};
static const char *const opens_paren[] = {"（", "(", NULL};
static const char *const opens_none[] = {"", NULL};
static const char *const closes_chapter[] = {"章", NULL};
static const char *const closes_section[] = {"节", NULL};
static const char *const closes_article[] = {"条", NULL};
static const char *const closes_paren[] = {"）", ")", NULL};
static const char *const closes_subitem[] = {"、", "．", ".", NULL};

/* Scheme `articles` (SPEC §4). Chapters and sections written as a paragraph
 * are recognised too, so parse.c can say "expected a heading" instead of
 * losing the chapter; the order matters only where two forms share an
 * opening: （一） is an item, （1） a sub-sub-item. */
static const struct marker_form articles_forms[] = {
	{LV_CHAPTER, "chapter", opens_di, STYLE_CHINESE, true, closes_chapter,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE, RULE_CHAPTER_NUMBER},
	{LV_SECTION, "section", opens_di, STYLE_CHINESE, true, closes_section,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE, RULE_SECTION_NUMBER},
	{LV_ARTICLE, "article", opens_di, STYLE_CHINESE, true, closes_article,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE, RULE_ARTICLE_NUMBER},
	{LV_ITEM, "item", opens_paren, STYLE_CHINESE, false, closes_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBSUBITEM, "item", opens_paren, STYLE_ARABIC, false, closes_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBITEM, "item", opens_none, STYLE_ARABIC, false, closes_subitem,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_NOT_DIGIT, RULE_ITEM_NUMBER},
};

static const struct scheme_syntax articles_syntax = {
	articles_forms, sizeof articles_forms / sizeof *articles_forms, LV_SUBITEM};

const struct scheme_syntax *scheme_syntax(enum scheme scheme)
{
	switch (scheme) {
	case SCHEME_ARTICLES:
		return &articles_syntax;
	default:
		/* outline, decimal and en get their tables later; until then their
		 * documents are paragraphs and blocks, with no numbering checked. */
		return NULL;
	}
}

const struct marker_form *marker_form_of(const struct scheme_syntax *syntax, enum level level)
{
	for (size_t i = 0; syntax && i < syntax->nforms; i++)
		if (syntax->forms[i].level == level)
			return &syntax->forms[i];
	return NULL;
}

/* Bytes of the whitespace character at s (U+0020, tab, U+3000), or 0. */
static size_t space_at(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

size_t marker_spaces(const char *s, size_t n)
{
	size_t i = 0, k;
	while ((k = space_at(s + i, n - i)) > 0)
		i += k;
	return i;
}

/* The value of the digit at s (ASCII or full-width), its length in *len; -1
 * when s does not start with a digit. */
static int digit_at(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && s[0] >= '0' && s[0] <= '9') {
		*len = 1;
		return s[0] - '0';
	}
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*len = 3;
		return (unsigned char)s[2] - 0x90;
	}
	return -1;
}

static struct numeral parse_arabic(const char *s, size_t n)
{
	struct numeral num = {0, NUMERAL_STANDARD, 0};
	size_t k;
	int d;
	while ((d = digit_at(s + num.len, n - num.len, &k)) >= 0) {
		/* Keep reading past the limit so the whole run is the marker's, but
		 * stop accumulating: no overflow however many digits there are. */
		if (num.status != NUMERAL_TOO_LARGE) {
			num.value = num.value * 10 + d;
			if (num.value > NUMERAL_MAX)
				num.status = NUMERAL_TOO_LARGE;
		}
		num.len += k;
	}
	return num;
}

static struct numeral parse_number(const struct marker_form *form, const char *s, size_t n)
{
	size_t k;
	if (form->style == STYLE_ARABIC)
		return parse_arabic(s, n);
	if (!form->digits_allowed && digit_at(s, n, &k) >= 0) {
		struct numeral none = {0, NUMERAL_INVALID, 0};
		return none;
	}
	return numeral_parse(s, n);
}

static const char *prefix_of(const char *const *alternatives, const char *s, size_t n)
{
	for (size_t i = 0; alternatives[i]; i++) {
		size_t k = strlen(alternatives[i]);
		if (k <= n && memcmp(s, alternatives[i], k) == 0)
			return alternatives[i];
	}
	return NULL;
}

static bool end_fits(enum marker_end end, unsigned place, const char *s, size_t n, bool run_ends)
{
	if (place == PLACE_HEADING)
		return true;
	size_t k;
	switch (end) {
	case END_SPACE:
		return n == 0 ? run_ends : space_at(s, n) > 0;
	case END_NOT_DIGIT:
		return digit_at(s, n, &k) < 0;
	default:
		return true;
	}
}

static bool match_form(const struct marker_form *form, unsigned place, const char *s, size_t n,
		       bool run_ends, struct marker_match *m)
{
	for (size_t o = 0; form->opens[o]; o++) {
		size_t open = strlen(form->opens[o]);
		if (open > n || memcmp(s, form->opens[o], open) != 0)
			continue;
		struct numeral num = parse_number(form, s + open, n - open);
		if (num.len == 0)
			continue;
		size_t after = open + num.len;
		const char *close = prefix_of(form->closes, s + after, n - after);
		if (!close)
			continue;
		after += strlen(close);
		if (!end_fits(form->end, place, s + after, n - after, run_ends))
			continue;
		m->form = form;
		m->len = after;
		m->num_off = open;
		m->num_len = num.len;
		m->status = num.status;
		m->value = num.status == NUMERAL_STANDARD || num.status == NUMERAL_NONSTANDARD ? num.value : 0;
		m->sep = marker_spaces(s + after, n - after);
		return true;
	}
	return false;
}

bool marker_match(const struct scheme_syntax *syntax, unsigned place, enum level min_level,
		  enum level max_level, const char *s, size_t n, bool run_ends,
		  struct marker_match *m)
{
	if (!syntax || !s)
		return false;
	size_t lead = marker_spaces(s, n);
	for (size_t i = 0; i < syntax->nforms; i++) {
		const struct marker_form *form = &syntax->forms[i];
		if (!(form->places & place) || form->level < min_level || form->level > max_level)
			continue;
		if (match_form(form, place, s + lead, n - lead, run_ends, m)) {
			m->lead = lead;
			return true;
		}
	}
	return false;
}

bool marker_split(const char *marker, enum number_style style, size_t *num_off, size_t *num_len)
{
	size_t n = strlen(marker);
	for (size_t i = 0; i < n;) {
		size_t k;
		struct numeral num;
		if (style == STYLE_ARABIC) {
			num.len = digit_at(marker + i, n - i, &k) >= 0 ? parse_arabic(marker + i, n - i).len : 0;
		} else {
			num = numeral_parse(marker + i, n - i);
		}
		if (num.len > 0) {
			*num_off = i;
			*num_len = num.len;
			return true;
		}
		uint32_t cp;
		k = utf8_decode(marker + i, n - i, &cp);
		i += k ? k : 1;
	}
	return false;
}

struct numeral marker_number(const char *marker, enum number_style style)
{
	size_t off, len;
	struct numeral none = {0, NUMERAL_INVALID, 0};
	if (!marker_split(marker, style, &off, &len))
		return none;
	return style == STYLE_ARABIC ? parse_arabic(marker + off, len) : numeral_parse(marker + off, len);
}

char *marker_numeral(enum number_style style, long value)
{
	if (style == STYLE_ARABIC || value < 1 || value > NUMERAL_MAX)
		return xasprintf("%ld", value);
	char out[64];
	return xstrdup(numeral_format(value, out));
}

char *marker_with_number(const char *written, enum number_style style, long value)
{
	size_t off, len;
	char *number = marker_numeral(style, value);
	char *result;
	if (marker_split(written, style, &off, &len))
		result = xasprintf("%.*s%s%s", (int)off, written, number, written + off + len);
	else
		result = xstrdup(number);
	free(number);
	return result;
}
