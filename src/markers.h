/* markers.h — the numbering markers of each scheme, as tables.
 *
 * A scheme is a list of marker forms: what a marker looks like (an opening
 * such as 第 or （, a number in some style, a closing such as 条 or ）), which
 * level of the structure (model.h) it opens, where it may stand (heading,
 * paragraph start, line start after a break, list item) and which rule checks
 * its numbering. parse.c recognises markers through these tables only, so a
 * scheme is added by adding its table. */
#ifndef POLICYC_MARKERS_H
#define POLICYC_MARKERS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "model.h"
#include "numeral.h"

enum marker_place {
	PLACE_HEADING = 1,   /* at the start of a Markdown heading */
	PLACE_PARAGRAPH = 2, /* at the start of a paragraph */
	PLACE_LINE = 4,      /* at the start of a line after a break inside a paragraph */
	PLACE_LIST_ITEM = 8  /* at the start of a bullet list item */
};

/* The deepest decimal clause number: 1.1.1.1.1. */
#define MARKER_MAX_DEPTH 5

enum number_style {
	STYLE_CHINESE, /* 一 十一 一百零一; Arabic digits accepted with numeral-form */
	STYLE_ARABIC,  /* 1 12, ASCII or full-width digits */
	STYLE_LETTER,  /* a b … z: one lower-case ASCII letter */
	STYLE_ROMAN,   /* i ii iv: lower-case Roman numerals */
	STYLE_DOTTED   /* 4.2, 4.2.1 … (two to five ASCII-digit parts): the value is the last part */
};

/* What must follow the marker when it begins a paragraph or a line (in a
 * heading the marker may be followed by anything: 第二章请示与汇报). */
enum marker_end {
	END_ANY,        /* （一）请示范围 */
	END_SPACE,      /* 第一条 目的: U+0020, U+3000 or the end of the run; 第一条规定 is a reference */
	END_NOT_DIGIT,  /* 1.个人 but not 1.5倍 */
	END_SPACE_ALWAYS /* as END_SPACE, in headings too: a marker without a closing
			  * (1 范围, Article 3) ends only where its number does */
};

struct marker_form {
	enum level level;
	const char *name;           /* in messages: "chapter number 第二章 …" */
	const char *const *opens;   /* alternatives, NULL-terminated; "" for none */
	enum number_style style;
	/* The number written another way is this marker, with numeral-form:
	 * digits for STYLE_CHINESE (第3条), English words for STYLE_ARABIC
	 * (Article one, Chapter Two). */
	bool other_numerals;
	const char *const *closes;  /* alternatives, NULL-terminated */
	unsigned places;            /* enum marker_place bits */
	enum marker_end end;
	enum rule number_rule;
};

struct scheme_syntax {
	const struct marker_form *forms;
	size_t nforms;
	/* Level of an ordered list item; LV_BLOCK: none. A structure level
	 * (outline's 1.) applies to lists outside list items and attachments. */
	enum level ordered_list_level;
	bool paragraph_divisions;  /* chapters and sections may be paragraphs (no heading-level warning) */
	bool articles_per_parent;  /* articles restart under their chapter or section (outline) */
	bool nested_articles;      /* articles nest by the depth of their number (decimal 4.2.1) */
	bool items_per_article;    /* items number through all 款 of their article (outline level 4) */
	bool english;              /* titles and provision words compare case-insensitively */
	/* A chapter written as a paragraph is a title (decimal's 1 范围): a
	 * first line with sentence punctuation (2024 年起施行。) is text. */
	bool paragraph_chapters_are_titles;
};

/* The markers of a scheme (NULL for an unknown scheme: its documents are
 * parsed into paragraphs and blocks only). */
const struct scheme_syntax *scheme_syntax(enum scheme scheme);

/* A marker written against its standard form, read as the marker it means
 * (a numeral-form warning says how it should be written). */
enum marker_looseness {
	LOOSE_NONE,
	LOOSE_SPACED,  /* 8 .在工作中: a space before the 、 or full stop of a sub-item */
	LOOSE_CLOSE,   /* decimal's chapter 1、目的: 、 where GB/T 1.1 has a space */
	LOOSE_TIGHT,   /* decimal's clause 4.1积极工作: no space before the text */
	LOOSE_BARE,    /* 14不承诺 (业务员管理制度's): a sub-item's or outline level 3's
			* number with no 、 or full stop, text right after it */
	LOOSE_FOREIGN  /* decimal's list item 12.完成 or 8 .在: the full stop or 、 of
			* other lists where GB/T 1.1 writes 12) */
};

/* A marker found at the start of some text. */
struct marker_match {
	enum marker_looseness loose;
	const struct marker_form *form;
	size_t lead;        /* whitespace before the marker (U+0020, U+3000, tab) */
	size_t len;         /* bytes of the marker: 第十一条, （一）, 1、 */
	size_t num_off;     /* the number inside the marker, relative to its start */
	size_t num_len;
	long value;         /* 0 when the number cannot be read (invalid, zero, too large) */
	enum numeral_status status;
	size_t sep;         /* whitespace after the marker */
	int depth;          /* STYLE_DOTTED: the number of parts (4.2.1: 3); else 1 */
};

/* Looks for a marker of a form allowed at `place` at the start of s (n
 * bytes). `run_ends` says whether the end of s ends the run of text (a
 * break, the end of the paragraph or of a bold marker follows), which
 * satisfies END_SPACE. Only forms of levels in [min_level, max_level] are
 * tried. */
bool marker_match(const struct scheme_syntax *syntax, unsigned place, enum level min_level,
		  enum level max_level, const char *s, size_t n, bool run_ends,
		  struct marker_match *m);

/* The form of `level` in syntax, the first one when there are several. */
const struct marker_form *marker_form_of(const struct scheme_syntax *syntax, enum level level);

/* Splits a marker as written (pnode->marker) into opening, number and
 * closing: the number starts at *num_off and has *num_len bytes. False when
 * no number is found. */
bool marker_split(const char *marker, enum number_style style, size_t *num_off, size_t *num_len);

/* The number inside a marker as written, read as its style reads it. */
struct numeral marker_number(const char *marker, enum number_style style);

/* Bytes of whitespace (U+0020, tab, U+3000) at the start of s. */
size_t marker_spaces(const char *s, size_t n);

/* The marker `written` with its number replaced by `value` in the standard
 * form of `style` (第四条 → 第三条, （四） → （三）, 4、 → 3、). Caller frees. */
char *marker_with_number(const char *written, enum number_style style, long value);

/* The number `value` as a bare numeral of the style: 三, 3, c or iii. Caller frees. */
char *marker_numeral(enum number_style style, long value);

/* Bytes of a unit of measure at the start of s (倍, 元, 万, 日, 小时 …), 0 if
 * none: a number before one is a quantity (3日内, 按1.5倍), not a marker or
 * a reference. */
size_t marker_unit_at(const char *s, size_t n);

/* The parts of a dotted number at the start of s (4.2.1: 4, 2, 1), at most
 * `max`; returns how many were read (0: s does not start with a digit). */
size_t marker_dotted_parts(const char *s, long *parts, size_t max);

/* Letter and Roman readings of one marker, such as (i), (v) or (x), which
 * scheme en writes for both items and sub-items: the match of `m`'s text
 * (held by `s`, n bytes) as a form of `level` instead. */
bool marker_match_as(const struct scheme_syntax *syntax, enum level level, const char *s, size_t n,
		     struct marker_match *m);
#endif
