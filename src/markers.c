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
static const char *const closes_dun[] = {"、", NULL};
static const char *const closes_none[] = {"", NULL};

/* Scheme `articles` (SPEC §4). Chapters and sections written as a paragraph
 * are recognised too, so parse.c can say "expected a heading" instead of
 * losing the chapter; so is a marker at the start of a line of a paragraph
 * (articles typed on consecutive lines without a blank line between them),
 * which is the writer's article, not a reference to one. The order matters
 * only where two forms share an opening: （一） is an item, （1） a
 * sub-sub-item. */
static const struct marker_form articles_forms[] = {
	{LV_CHAPTER, "chapter", opens_di, STYLE_CHINESE, true, closes_chapter,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_SPACE, RULE_CHAPTER_NUMBER},
	{LV_SECTION, "section", opens_di, STYLE_CHINESE, true, closes_section,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_SPACE, RULE_SECTION_NUMBER},
	{LV_ARTICLE, "article", opens_di, STYLE_CHINESE, true, closes_article,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_SPACE, RULE_ARTICLE_NUMBER},
	{LV_ITEM, "item", opens_paren, STYLE_CHINESE, false, closes_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBSUBITEM, "item", opens_paren, STYLE_ARABIC, false, closes_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBITEM, "item", opens_none, STYLE_ARABIC, false, closes_subitem,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_NOT_DIGIT, RULE_ITEM_NUMBER},
};

static const struct scheme_syntax articles_syntax = {
	articles_forms, sizeof articles_forms / sizeof *articles_forms, LV_SUBITEM,
	false, false, false, false, false, false};

/* Scheme `outline` (GB/T 9704 headings 一、（一）1.（1）). The four levels are
 * chapter, section, article and item of the tree (parse.c), each written as a
 * heading or a paragraph; 1. is also an ordered list item, and every level
 * may start a line inside a paragraph (（一）展品⏎1、登记⏎2、检查; 一、…⏎二、…
 * typed without blank lines). */
static const struct marker_form outline_forms[] = {
	{LV_CHAPTER, "level-1", opens_none, STYLE_CHINESE, false, closes_dun,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_ANY, RULE_CLAUSE_NUMBER},
	{LV_SECTION, "level-2", opens_paren, STYLE_CHINESE, false, closes_paren,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_ANY, RULE_CLAUSE_NUMBER},
	{LV_ARTICLE, "level-3", opens_none, STYLE_ARABIC, false, closes_subitem,
	 PLACE_HEADING | PLACE_PARAGRAPH | PLACE_LINE, END_NOT_DIGIT, RULE_CLAUSE_NUMBER},
	{LV_ITEM, "level-4", opens_paren, STYLE_ARABIC, false, closes_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_CLAUSE_NUMBER},
};

static const struct scheme_syntax outline_syntax = {
	outline_forms, sizeof outline_forms / sizeof *outline_forms, LV_ARTICLE,
	true, true, false, true, false, false};

/* Scheme `decimal` (GB/T 1.1): chapters 1, clauses 1.1 … 1.1.1.1.1 (all of
 * them articles of the tree, nested by their depth), list items a) and 1). */
static const char *const closes_right_paren[] = {")", "）", NULL};

static const struct marker_form decimal_forms[] = {
	{LV_CHAPTER, "chapter", opens_none, STYLE_ARABIC, false, closes_none,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE_ALWAYS, RULE_CLAUSE_NUMBER},
	{LV_ARTICLE, "clause", opens_none, STYLE_DOTTED, false, closes_none,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE_ALWAYS, RULE_CLAUSE_NUMBER},
	{LV_ITEM, "list item", opens_none, STYLE_LETTER, false, closes_right_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_CLAUSE_NUMBER},
	{LV_SUBITEM, "list item", opens_none, STYLE_ARABIC, false, closes_right_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_NOT_DIGIT, RULE_CLAUSE_NUMBER},
};

static const struct scheme_syntax decimal_syntax = {
	decimal_forms, sizeof decimal_forms / sizeof *decimal_forms, LV_SUBITEM,
	true, true, true, false, false, true};

/* Scheme `en`: the levels of `articles` in English. (i) is both the ninth
 * letter and Roman one; parse.c decides by the items around it. */
static const char *const opens_chapter_en[] = {"Chapter ", NULL};
static const char *const opens_section_en[] = {"Section ", NULL};
static const char *const opens_article_en[] = {"Article ", NULL};
static const char *const opens_ascii_paren[] = {"(", NULL};
static const char *const closes_ascii_paren[] = {")", NULL};
static const char *const closes_dot[] = {".", NULL};
static const char *const closes_article_en[] = {".", "", NULL}; /* Article 1. Purpose, Article 1 Purpose */

static const struct marker_form en_forms[] = {
	{LV_CHAPTER, "chapter", opens_chapter_en, STYLE_ARABIC, true, closes_none,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE_ALWAYS, RULE_CHAPTER_NUMBER},
	{LV_SECTION, "section", opens_section_en, STYLE_ARABIC, true, closes_none,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE_ALWAYS, RULE_SECTION_NUMBER},
	{LV_ARTICLE, "article", opens_article_en, STYLE_ARABIC, true, closes_article_en,
	 PLACE_HEADING | PLACE_PARAGRAPH, END_SPACE_ALWAYS, RULE_ARTICLE_NUMBER},
	{LV_ITEM, "item", opens_ascii_paren, STYLE_LETTER, false, closes_ascii_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBITEM, "sub-item", opens_ascii_paren, STYLE_ROMAN, false, closes_ascii_paren,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_ANY, RULE_ITEM_NUMBER},
	{LV_SUBSUBITEM, "sub-sub-item", opens_none, STYLE_ARABIC, false, closes_dot,
	 PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM, END_NOT_DIGIT, RULE_ITEM_NUMBER},
};

static const struct scheme_syntax en_syntax = {
	en_forms, sizeof en_forms / sizeof *en_forms, LV_SUBSUBITEM,
	false, false, false, false, true, false};

const struct scheme_syntax *scheme_syntax(enum scheme scheme)
{
	switch (scheme) {
	case SCHEME_ARTICLES:
		return &articles_syntax;
	case SCHEME_OUTLINE:
		return &outline_syntax;
	case SCHEME_DECIMAL:
		return &decimal_syntax;
	case SCHEME_EN:
		return &en_syntax;
	default:
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

/* An English number word, in any case: one … nineteen, twenty … ninety,
 * twenty-one … ninety-nine (Article one, Chapter Two). The word must end
 * there: Onethird or Tens is no number. Its status is NONSTANDARD, as
 * English policies number their articles in digits. */
static const char *const english_units[] = {"",        "one",     "two",       "three",    "four",
					    "five",    "six",     "seven",     "eight",    "nine",
					    "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
					    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const english_tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
					   "eighty", "ninety"};

static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The value of the whole word at s among words[1 … count-1], 0 if none. */
static long english_word(const char *s, size_t n, const char *const *words, size_t count, size_t *len)
{
	size_t k = 0;
	while (k < n && is_ascii_letter(s[k]))
		k++;
	for (size_t i = 1; i < count; i++) {
		if (strlen(words[i]) != k || !words[i][0])
			continue;
		size_t j = 0;
		while (j < k && (s[j] | 0x20) == words[i][j])
			j++;
		if (j == k) {
			*len = k;
			return (long)i;
		}
	}
	return 0;
}

static struct numeral parse_english(const char *s, size_t n)
{
	struct numeral num = {0, NUMERAL_NONSTANDARD, 0};
	size_t len = 0, unit_len = 0;
	const size_t nunits = sizeof english_units / sizeof *english_units;
	long value = english_word(s, n, english_units, nunits, &len);
	if (value == 0) {
		value = 10 * english_word(s, n, english_tens, sizeof english_tens / sizeof *english_tens, &len);
		long unit = 0;
		if (value > 0 && len + 1 < n && s[len] == '-')
			unit = english_word(s + len + 1, n - len - 1, english_units, 10, &unit_len);
		if (unit > 0) {
			value += unit;
			len += 1 + unit_len;
		}
	}
	if (value > 0) {
		num.value = value;
		num.len = len;
	}
	return num;
}

/* Digits, or (where `words`) an English number word. */
static struct numeral parse_arabic_or_words(const char *s, size_t n, bool words)
{
	struct numeral num = parse_arabic(s, n);
	return num.len == 0 && words ? parse_english(s, n) : num;
}

/* One lower-case letter: a = 1 … z = 26. A second letter makes it a word. */
static struct numeral parse_letter(const char *s, size_t n)
{
	struct numeral num = {0, NUMERAL_STANDARD, 0};
	if (n >= 1 && s[0] >= 'a' && s[0] <= 'z' && !(n >= 2 && s[1] >= 'a' && s[1] <= 'z')) {
		num.value = s[0] - 'a' + 1;
		num.len = 1;
	}
	return num;
}

/* Roman numerals of i, v and x only (1 to 39): sub-items do not run longer,
 * and words such as (mix) or (civil) stay words. A run that is not the
 * standard spelling of its value is no number at all. */
static const char *const roman_units[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
static const char *const roman_tens[] = {"", "x", "xx", "xxx"};
#define ROMAN_MAX 39

static struct numeral parse_roman(const char *s, size_t n)
{
	struct numeral num = {0, NUMERAL_STANDARD, 0};
	size_t len = 0;
	while (len < n && len < 8 && (s[len] == 'i' || s[len] == 'v' || s[len] == 'x'))
		len++;
	for (long value = 1; len > 0 && value <= ROMAN_MAX; value++) {
		const char *tens = roman_tens[value / 10], *units = roman_units[value % 10];
		size_t t = strlen(tens), u = strlen(units);
		if (t + u == len && memcmp(s, tens, t) == 0 && memcmp(s + t, units, u) == 0) {
			num.value = value;
			num.len = len;
			break;
		}
	}
	return num;
}

/* 4.2.1: ASCII digits in two to five parts; the value is the last part. */
static struct numeral parse_dotted(const char *s, size_t n, int *depth)
{
	struct numeral num = {0, NUMERAL_STANDARD, 0}, part;
	size_t at = 0;
	int parts = 0;
	for (;;) {
		if (at >= n || s[at] < '0' || s[at] > '9')
			break;
		part = parse_arabic(s + at, n - at);
		at += part.len;
		parts++;
		num.value = part.value;
		num.status = part.status;
		num.len = at;
		if (parts == MARKER_MAX_DEPTH || at + 1 >= n || s[at] != '.' || s[at + 1] < '0' || s[at + 1] > '9')
			break;
		at++;
	}
	if (parts < 2)
		num.len = 0;
	*depth = parts;
	return num;
}

static struct numeral parse_number(const struct marker_form *form, const char *s, size_t n, int *depth)
{
	size_t k;
	*depth = 1;
	switch (form->style) {
	case STYLE_ARABIC:
		return parse_arabic_or_words(s, n, form->other_numerals);
	case STYLE_LETTER:
		return parse_letter(s, n);
	case STYLE_ROMAN:
		return parse_roman(s, n);
	case STYLE_DOTTED:
		return parse_dotted(s, n, depth);
	default:
		break;
	}
	if (!form->other_numerals && digit_at(s, n, &k) >= 0) {
		struct numeral none = {0, NUMERAL_INVALID, 0};
		return none;
	}
	return numeral_parse(s, n);
}

/* Whether s (n bytes) starts with `word`; its length in *len. Compared a
 * byte at a time: the words are a few bytes, and most texts differ in the
 * first. */
static bool starts_with(const char *s, size_t n, const char *word, size_t *len)
{
	size_t k = 0;
	while (word[k] && k < n && s[k] == word[k])
		k++;
	if (word[k])
		return false;
	*len = k;
	return true;
}

/* Whether s starts with one of `alternatives` (the first that fits); its
 * length in *len. */
static bool prefix_of(const char *const *alternatives, const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; alternatives[i]; i++)
		if (starts_with(s, n, alternatives[i], len))
			return true;
	return false;
}

static bool end_fits(enum marker_end end, unsigned place, const char *s, size_t n, bool run_ends)
{
	if (place == PLACE_HEADING && end != END_SPACE_ALWAYS)
		return true;
	size_t k;
	switch (end) {
	case END_SPACE:
	case END_SPACE_ALWAYS:
		return n == 0 ? run_ends || place == PLACE_HEADING : space_at(s, n) > 0;
	case END_NOT_DIGIT:
		return digit_at(s, n, &k) < 0;
	default:
		return true;
	}
}

/* 8 .在工作中 (the seed's): a space before a sub-item's full stop or 、.
 * Whether there is one; moves *after past the space and sets *close to the
 * closing's length. */
static bool spaced_close(const struct marker_form *form, const char *s, size_t n, size_t *after, size_t *close)
{
	if (form->closes != closes_subitem)
		return false;
	size_t gap = marker_spaces(s + *after, n - *after);
	if (!gap || !prefix_of(form->closes, s + *after + gap, n - *after - gap, close))
		return false;
	*after += gap;
	return true;
}

/* Whether the code point at s is a CJK unified ideograph (Han). */
static bool han_at(const char *s, size_t n)
{
	uint32_t cp;
	return utf8_decode(s, n, &cp) > 0 && cp >= 0x4E00 && cp <= 0x9FFF;
}

size_t marker_unit_at(const char *s, size_t n)
{
	static const char *const units[] = {"倍", "元", "万", "亿", "千", "百", "米", "克", "斤", "吨", "升",
					    "天", "日", "月", "年", "岁", "人", "次", "个", "件", "份", "秒",
					    "小时", "分钟", "度", "折", "成", "‰", "℃", "公", "平方", "立方", "周"};
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		size_t len = strlen(units[k]);
		if (len <= n && memcmp(s, units[k], len) == 0)
			return len;
	}
	return 0;
}

/* A marker that lacks its closing, or has that of another scheme, outside
 * headings and list items (s + *after is just past the number): 14不承诺
 * where 、 or a full stop belongs (LOOSE_BARE: Han text must follow, and
 * not a unit: 3日内 is a quantity), and
 * decimal's 12.完成 or 8 .在工作中 where GB/T 1.1 writes 12) (LOOSE_FOREIGN;
 * not before a digit, so 1.5倍 is no list item). *after moves past the
 * closing as written. parse.c takes either only where it continues the
 * numbering (a 2024年 paragraph after item 3 is text). */
static enum marker_looseness missing_close(const struct marker_form *form, unsigned place, const char *s,
					   size_t n, size_t *after)
{
	size_t k;
	if (place != PLACE_PARAGRAPH && place != PLACE_LINE)
		return LOOSE_NONE;
	if (form->closes == closes_subitem)
		return han_at(s + *after, n - *after) && !marker_unit_at(s + *after, n - *after) ? LOOSE_BARE
												: LOOSE_NONE;
	if (form->closes != closes_right_paren)
		return LOOSE_NONE;
	size_t at = *after + marker_spaces(s + *after, n - *after), close;
	if (!prefix_of(closes_subitem, s + at, n - at, &close))
		return LOOSE_NONE;
	at += close;
	if (digit_at(s + at, n - at, &k) >= 0)
		return LOOSE_NONE;
	*after = at;
	return LOOSE_FOREIGN;
}

/* Where the standard form wants a space after the number and finds none
 * (s + *after is just past the marker): decimal's chapter 1、目的
 * (营销管理制度's; GB/T 1.1 writes 1 目的), which *after moves past, and
 * its clause 4.1积极工作, text right after the number when a Han character
 * follows. Either is taken by parse.c only where it continues the numbering
 * (2.5万元 in chapter 4 is text). */
static enum marker_looseness unspaced_end(const struct marker_form *form, const char *s, size_t n,
					  size_t *after)
{
	if (form->end != END_SPACE_ALWAYS || form->opens != opens_none || *after >= n)
		return LOOSE_NONE;
	size_t close;
	if (form->level == LV_CHAPTER && prefix_of(closes_dun, s + *after, n - *after, &close)) {
		*after += close;
		return LOOSE_CLOSE;
	}
	if (form->style == STYLE_DOTTED && han_at(s + *after, n - *after))
		return LOOSE_TIGHT;
	return LOOSE_NONE;
}

/* The number read last in one marker_match: forms that share an opening
 * and a style (第 of 章, 节 and 条) read the same number at the same place;
 * and the openings last found not to begin the text, which the next forms
 * with the same ones (the 第 of 节 and 条 after 章's) need not try. */
struct number_memo {
	const char *at; /* NULL: none yet */
	enum number_style style;
	bool other_numerals;
	struct numeral num;
	int depth;
	const char *const *unopened; /* NULL: none */
};

static struct numeral memo_number(struct number_memo *memo, const struct marker_form *form, const char *s,
				  size_t n, int *depth)
{
	if (memo->at != s || memo->style != form->style || memo->other_numerals != form->other_numerals) {
		memo->num = parse_number(form, s, n, &memo->depth);
		memo->at = s;
		memo->style = form->style;
		memo->other_numerals = form->other_numerals;
	}
	*depth = memo->depth;
	return memo->num;
}

static bool match_form(const struct marker_form *form, unsigned place, const char *s, size_t n,
		       bool run_ends, struct number_memo *memo, struct marker_match *m)
{
	if (form->opens == memo->unopened)
		return false;
	bool opened = false;
	for (size_t o = 0; form->opens[o]; o++) {
		size_t open, close;
		if (!starts_with(s, n, form->opens[o], &open))
			continue;
		opened = true;
		int depth;
		struct numeral num = memo_number(memo, form, s + open, n - open, &depth);
		if (num.len == 0)
			continue;
		size_t after = open + num.len;
		enum marker_looseness loose = LOOSE_NONE;
		bool closed = prefix_of(form->closes, s + after, n - after, &close);
		if (!closed && (closed = spaced_close(form, s, n, &after, &close)))
			loose = LOOSE_SPACED;
		if (closed)
			after += close;
		else if ((loose = missing_close(form, place, s, n, &after)) == LOOSE_NONE)
			continue;
		if (!end_fits(form->end, place, s + after, n - after, run_ends) &&
		    (loose = unspaced_end(form, s, n, &after)) == LOOSE_NONE)
			continue;
		if (loose != LOOSE_NONE && num.status == NUMERAL_STANDARD)
			num.status = NUMERAL_NONSTANDARD;
		m->loose = loose;
		m->form = form;
		m->len = after;
		m->num_off = open;
		m->num_len = num.len;
		m->status = num.status;
		m->value = num.status == NUMERAL_STANDARD || num.status == NUMERAL_NONSTANDARD ? num.value : 0;
		m->sep = marker_spaces(s + after, n - after);
		m->depth = depth;
		return true;
	}
	if (!opened)
		memo->unopened = form->opens;
	return false;
}

bool marker_match(const struct scheme_syntax *syntax, unsigned place, enum level min_level,
		  enum level max_level, const char *s, size_t n, bool run_ends,
		  struct marker_match *m)
{
	if (!syntax || !s)
		return false;
	size_t lead = marker_spaces(s, n);
	struct number_memo memo = {NULL, STYLE_CHINESE, false, {0, NUMERAL_INVALID, 0}, 1, NULL};
	for (size_t i = 0; i < syntax->nforms; i++) {
		const struct marker_form *form = &syntax->forms[i];
		if (!(form->places & place) || form->level < min_level || form->level > max_level)
			continue;
		if (match_form(form, place, s + lead, n - lead, run_ends, &memo, m)) {
			m->lead = lead;
			return true;
		}
	}
	return false;
}

bool marker_match_as(const struct scheme_syntax *syntax, enum level level, const char *s, size_t n,
		     struct marker_match *m)
{
	const unsigned anywhere = PLACE_PARAGRAPH | PLACE_LINE | PLACE_LIST_ITEM;
	return marker_match(syntax, anywhere, level, level, s, n, true, m);
}

/* The number of `style` at s: its length, 0 when none starts there. */
static size_t number_length(enum number_style style, const char *s, size_t n)
{
	size_t k;
	int depth;
	switch (style) {
	case STYLE_ARABIC:
		return digit_at(s, n, &k) >= 0 ? parse_arabic(s, n).len : 0;
	case STYLE_LETTER:
		return parse_letter(s, n).len;
	case STYLE_ROMAN:
		return parse_roman(s, n).len;
	case STYLE_DOTTED:
		return parse_dotted(s, n, &depth).len;
	default:
		return numeral_parse(s, n).len;
	}
}

bool marker_split(const char *marker, enum number_style style, size_t *num_off, size_t *num_len)
{
	size_t n = strlen(marker);
	for (size_t i = 0; i < n;) {
		size_t len = number_length(style, marker + i, n - i);
		/* Article one: a number word after the opening's space */
		if (len == 0 && style == STYLE_ARABIC && i > 0 && marker[i - 1] == ' ')
			len = parse_english(marker + i, n - i).len;
		if (len > 0) {
			*num_off = i;
			*num_len = len;
			return true;
		}
		uint32_t cp;
		size_t k = utf8_decode(marker + i, n - i, &cp);
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
	int depth;
	switch (style) {
	case STYLE_ARABIC:
		return parse_arabic_or_words(marker + off, len, true);
	case STYLE_LETTER:
		return parse_letter(marker + off, len);
	case STYLE_ROMAN:
		return parse_roman(marker + off, len);
	case STYLE_DOTTED:
		return parse_dotted(marker + off, len, &depth);
	default:
		return numeral_parse(marker + off, len);
	}
}

char *marker_numeral(enum number_style style, long value)
{
	if (style == STYLE_LETTER && value >= 1 && value <= 26)
		return xasprintf("%c", (char)('a' + value - 1));
	if (style == STYLE_ROMAN && value >= 1 && value <= ROMAN_MAX)
		return xasprintf("%s%s", roman_tens[value / 10], roman_units[value % 10]);
	if (style != STYLE_CHINESE || value < 1 || value > NUMERAL_MAX)
		return xasprintf("%ld", value);
	char out[64];
	return xstrdup(numeral_format(value, out));
}

size_t marker_dotted_parts(const char *s, long *parts, size_t max)
{
	size_t n = strlen(s), at = 0, count = 0;
	while (count < max && at < n && s[at] >= '0' && s[at] <= '9') {
		struct numeral part = parse_arabic(s + at, n - at);
		parts[count++] = part.value;
		at += part.len;
		if (at + 1 >= n || s[at] != '.' || s[at + 1] < '0' || s[at + 1] > '9')
			break;
		at++;
	}
	return count;
}

char *marker_with_number(const char *written, enum number_style style, long value)
{
	size_t off, len;
	char *number = marker_numeral(style, value);
	char *result;
	if (marker_split(written, style, &off, &len)) {
		/* 8 . is written 8. in the standard form. */
		const char *close = written + off + len;
		close += marker_spaces(close, strlen(close));
		result = xasprintf("%.*s%s%s", (int)off, written, number, close);
	} else {
		result = xstrdup(number);
	}
	free(number);
	return result;
}
