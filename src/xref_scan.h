/* xref_scan.h — finding the words of a cross-reference in a piece of text.
 *
 * Only the text is looked at here; what a reference names is xref.c's
 * business. The forms (SPEC §5):
 *   第N条  本制度第N条  第N条第M款  第N条第K项  第N条第M款第K项  第N条至第M条
 *   本条第M款  本条第K项  本条第M款第K项  前款  前款第K项
 *   第N章  本制度第N章  第N章第M条 (and its 款 and 项)
 *   《TITLE》
 * and, by scheme (SPEC §4): `outline` 《TITLE》 only; `decimal` 见4.2, 按3.1.2
 * (a clause number after 见, 按, 依, 照 or 据) and 第4章; `en` Article 12,
 * Article 12(2), Article 12(2)(a), Articles 3 to 5, Chapter 2, paragraph 2 of
 * this Article, paragraph 2 of Article 12, the preceding paragraph. */
#ifndef POLICYC_XREF_SCAN_H
#define POLICYC_XREF_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define REF_NONE (-1L)

/* What the numbers of a reference count from. */
enum ref_base {
	BASE_ARTICLE,            /* 第N条 … (chapter set: 第N章第M条) */
	BASE_THIS_ARTICLE,       /* 本条 … */
	BASE_PREVIOUS_PARAGRAPH, /* 前款 … */
	BASE_CHAPTER,            /* 第N章 */
	BASE_CLAUSE              /* decimal 4.2: by its number as written */
};

struct reference {
	enum xref_kind kind;
	enum ref_base base;
	size_t off, len;  /* bytes within the scanned text, the whole reference */
	long chapter;     /* REF_NONE when not given */
	long article;
	long paragraph;
	long item;
	long range_end;   /* XREF_RANGE: M of 至第M条 */
	size_t range_off; /* XREF_RANGE: where 第M条 starts */
	size_t start_len; /* XREF_RANGE: bytes of the first end's words (第N条); 0: none */
	size_t title_off, title_len; /* XREF_TITLE: between 《 and 》; BASE_CLAUSE: the number */
};

/* Finds the next reference of a document of `scheme` in s[*pos..n), stores
 * it and moves *pos past it. Returns false when there is none left. */
bool xref_scan_next(enum scheme scheme, const char *s, size_t n, size_t *pos,
		    struct reference *ref);

/* For xref_scan_en.c: a reference of scheme en or a decimal clause number
 * at s+i; returns its end, or i when there is none. */
size_t xref_english_at(const char *s, size_t n, size_t i, struct reference *ref);
size_t xref_clause_at(const char *s, size_t n, size_t i, struct reference *ref);
/* The code point that ends just before s+i (0 at the start). */
uint32_t xref_previous_char(const char *s, size_t i);
#endif
