/* inline_walk.h — the running text of the provision tree, piece by piece.
 *
 * xref.c and punct.c both look at "running text": the inline content that each
 * pnode owns (model.h: text/skip/stop), without markers, code, raw HTML, form
 * blocks or autolinks. This walks it in document order and reports where each
 * piece of text stands in the file. */
#ifndef POLICYC_INLINE_WALK_H
#define POLICYC_INLINE_WALK_H

#include <stddef.h>

#include "model.h"

enum piece_kind {
	PIECE_TEXT,   /* running text: s/len are bytes of node's literal from offset base */
	PIECE_SPACE,  /* a soft line break: reads as a space */
	PIECE_OPAQUE, /* not running text but inside it: code span, raw HTML, image, autolink */
	PIECE_END     /* the end of a run of text: a block, a table cell, a hard line break */
};

struct piece {
	enum piece_kind kind;
	cmark_node *node; /* the text node (PIECE_TEXT), else the node that caused the piece */
	const char *s;    /* PIECE_TEXT: literal + base */
	size_t len;
	size_t base;      /* bytes of the literal before s (the marker, for the first text node) */
};

typedef void (*piece_fn)(void *ctx, const struct piece *piece);

/* What the walks of one document share: an iterator over its Markdown tree.
 * A walk leaves the text of a block that a pnode holds to that pnode:
 * parse.c marks such a block with the pnode as its cmark user data. */
struct text_walk {
	cmark_iter *iter; /* made by the first walk (NULL before) */
};
void text_walk_free(struct text_walk *walk);
/* Calls fn for every piece of node's own text in order, the marker excluded.
 * LV_BLOCK nodes own the text of their whole cmark subtree, except code blocks
 * (form blocks included) and HTML blocks. Blocks inside node's block that
 * another pnode owns are left to it, so no text is reported twice. The last
 * piece is always PIECE_END when any piece was reported. */
void pnode_walk_inline(struct text_walk *walk, const struct pnode *node, piece_fn fn, void *ctx);

/* The length of the literal (lit) of a node: of a text or code span node,
 * kept by parse.c, as the node's cmark user data, when it had cmark make
 * the literal; measured here for any other. The literal of a paragraph's
 * text is most of the paragraph, and it was measured a few times over.
 * literal_length_keep takes `made`, the size of the allocation cmark has
 * just copied the literal into (0: unknown), as its length and NUL when it
 * reads so: the byte before the NUL is none (a literal holds no NUL byte;
 * cmark turns them into U+FFFD), else it measures. */
void literal_length_keep(cmark_node *node, const char *lit, size_t made);
size_t literal_length(cmark_node *node, const char *lit);

/* The pnode after node in document order (pre-order), or NULL. */
const struct pnode *pnode_next_preorder(const struct pnode *node);

/* Where the last position asked for stands, so that asking for positions
 * further along the same text node costs only the distance between them (a
 * line of thousands of references stays linear). Zero-initialise. */
struct text_cursor {
	cmark_node *node, *block; /* the text node located last, and its block */
	int line, col;
	size_t len;               /* of node's literal */
	size_t off, pos;          /* byte in the literal, byte in the source line */
	bool exact;               /* false: the source did not match the literal */
	bool plain;               /* the literal has no backslash or ampersand */
	int floor_line;           /* where the next text node of the block can start */
	size_t floor_pos;
};

/* inline_position.c: line and column (code points, 1-based) in the file of
 * byte `off` of the literal of text node `text`.
 *
 * cmark-gfm's own positions of inline nodes go wrong after a backslash line
 * break, a code span over several lines or a tab-indented continuation line,
 * so a text node is located by matching its literal against the source:
 * where cmark puts it if it is there, else the first place after the text
 * node located before it in the same block. Backslash escapes and entity
 * references are matched as what they stand for. */
void text_position(const struct document *doc, struct text_cursor *cursor, cmark_node *text,
		   size_t off, int *line, int *col);
#endif
