/* running_text.h — the checks that read running text, in one walk of it.
 *
 * Cross-references (xref.c) and punctuation width (punct.c) both read the
 * text that each pnode owns (inline_walk.h). Each is a text_check: begun on
 * a document, told each pnode before the pieces of its text, given every
 * piece in document order, then ended. `check` walks the text once for both
 * (check_running_text); xref_document and punct_check (model.h) walk it for
 * one of them (a build reads the references again, tests one check). */
#ifndef POLICYC_RUNNING_TEXT_H
#define POLICYC_RUNNING_TEXT_H

#include "inline_walk.h"
#include "model.h"

struct text_check {
	void *(*begin)(struct document *doc);                 /* returns the check's state */
	void (*enter)(void *state, const struct pnode *node); /* NULL: not told */
	piece_fn piece;
	void (*end)(void *state);                             /* frees the state */
};

extern const struct text_check xref_text_check; /* xref.c */
extern const struct text_check punct_text_check; /* punct.c */

/* Runs the n checks (one or two: MAX_CHECKS in running_text.c) over doc's
 * running text in one walk; nothing without a parsed body. */
void run_text_checks(struct document *doc, const struct text_check *const *checks, size_t n);

/* check: cross-references and punctuation width in one walk. */
void check_running_text(struct document *doc);
#endif
