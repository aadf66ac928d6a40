/* xref_scan.h — finding the words of a cross-reference in a piece of text.
 *
 * Only the text is looked at here; what a reference names is xref.c's
 * business. The forms (SPEC §5):
 *   第N条  本制度第N条  第N条第M款  第N条第K项  第N条第M款第K项  第N条至第M条
 *   本条第M款  本条第K项  本条第M款第K项  前款  前款第K项
 *   第N章  本制度第N章  第N章第M条 (and its 款 and 项)
 *   《TITLE》 */
#ifndef POLICYC_XREF_SCAN_H
#define POLICYC_XREF_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define REF_NONE (-1L)

/* What the numbers of a reference count from. */
enum ref_base {
	BASE_ARTICLE,            /* 第N条 … (chapter set: 第N章第M条) */
	BASE_THIS_ARTICLE,       /* 本条 … */
	BASE_PREVIOUS_PARAGRAPH, /* 前款 … */
	BASE_CHAPTER             /* 第N章 */
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
	size_t title_off, title_len; /* XREF_TITLE: between 《 and 》 */
};

/* Finds the next reference in s[*pos..n), stores it and moves *pos past it.
 * Returns false when there is none left. */
bool xref_scan_next(const char *s, size_t n, size_t *pos, struct reference *ref);
#endif
