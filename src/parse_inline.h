/* parse_inline.h — markers inside a block's inline content, for parse.c.
 *
 * A paragraph is cut into segments: the first starts with the paragraph, and
 * each further one at a break (soft or hard) whose next line begins with a
 * marker allowed at PLACE_LINE. Each segment may start with a marker (plain
 * or bold); the node made for it owns the inlines from just after the marker
 * up to the break that starts the next segment. */
#ifndef POLICYC_PARSE_INLINE_H
#define POLICYC_PARSE_INLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "markers.h"
#include "model.h"
#include "util.h"

struct segment {
	cmark_node *brk;         /* the break before it; NULL for the first segment */
	cmark_node *first;       /* its first inline (NULL: an empty block) */
	bool marked;
	struct marker_match m;
	cmark_node *holder;      /* the text node whose literal holds the marker */
};

/* A marker at inline `first` (a text node, or bold/emphasis whose first child
 * is one), of a form allowed at `place` with a level in [lo, hi]. */
bool inline_marker(const struct scheme_syntax *syntax, cmark_node *first, unsigned place,
		   enum level lo, enum level hi, struct marker_match *m, cmark_node **holder);

/* A paragraph's segments, in a buffer that the next paragraph's reuse (a
 * document has thousands of paragraphs); free(v) once done with them all. */
struct segments {
	struct segment *v;
	size_t n, cap;
};

/* Replaces `segs` with the segments of paragraph `para`; the first is
 * checked for a marker at `first_place` with levels [lo, hi] (first_place 0:
 * not checked), the others at PLACE_LINE with the same levels (item levels
 * at least). Makes segs->n >= 1. */
void paragraph_segments(const struct scheme_syntax *syntax, cmark_node *para, unsigned first_place,
			enum level lo, enum level hi, struct segments *segs);

/* The start of a node's own text after a marker held by `holder`: the rest
 * of holder's literal, else the first inline with text after it (leading
 * whitespace skipped), before `stop`. *text NULL: nothing after the marker. */
void text_after_marker(cmark_node *holder, const struct marker_match *m, cmark_node *stop,
		       cmark_node **text, size_t *skip);

/* The first inline from `node` on (siblings, before `stop`) that has text. */
void first_text_from(cmark_node *node, cmark_node *stop, cmark_node **text, size_t *skip);

/* File position of a marker written as `marker` (len bytes) in `block`:
 * cmark's inline columns are not reliable on continuation lines, so the
 * marker is looked up in the source, on the line cmark gives first. */
void marker_position(const struct document *doc, cmark_node *block, cmark_node *holder,
		     const char *marker, size_t len, bool first_line, int *line, int *col);

/* File position of the start of a block. */
void block_position(const struct document *doc, cmark_node *block, int *line, int *col);

/* All text of the inlines of `node` (a heading, say), soft breaks as spaces. */
char *inline_text(cmark_node *node);
/* inline_text and pnode_own_text (model.h) appended to out. */
void inline_put_text(struct buf *out, cmark_node *node);
void pnode_put_own_text(struct buf *out, const struct pnode *node);
/* Whether pnode_own_text(node) is blank once trim_spaces has trimmed it,
 * found without making it. */
bool pnode_own_text_blank(const struct pnode *node);

/* s without leading and trailing whitespace (U+0020, tab, U+3000, newline),
 * in place; returns s. */
char *trim_spaces(char *s);
#endif
