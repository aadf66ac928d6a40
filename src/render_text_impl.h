/* render_text_impl.h — the parts of the plain-text renderer (render_text*.c).
 *
 * Layout scheme of OUT/ID.txt (the Chinese body-text convention, 首行缩进):
 *   - the title and chapter/section headings are centered (schemes articles
 *     and en; decimal's chapters, heading or paragraph, stand at the left
 *     margin); attachment titles stand at the left margin; a blank line
 *     around every heading;
 *   - an article starts at the left margin with its marker, one U+3000, and
 *     its text (heading-form articles: marker　title　text), after a blank
 *     line; a decimal clause with a heading (## 2.2 季度计划) stands alone on
 *     its line, its text below it as a paragraph;
 *   - scheme outline (GB/T 9704) sets every level — 一、 （一） 1. （1）,
 *     heading or paragraph — as a line of the text indented by two U+3000,
 *     without blank lines between them, except before each 一、 and before a
 *     （一） that follows the items or paragraphs of the （一） before it;
 *   - every other paragraph — a further 款, an item 项, a sub-item 目, a
 *     sub-sub-item, a preamble paragraph — starts on its own line indented by
 *     two U+3000 (four spaces in English); in schemes decimal and en the
 *     lists nest: each level of items one indent further in, their wrapped
 *     lines hanging under the item's text;
 *   - wrapped lines of all others go back to the left margin, so a line that
 *     starts indented always starts a new paragraph, and one that starts with
 *     第N条 a new article;
 *   - bullet lists and block quotes indent as blocks (their wrapped lines hang
 *     under their text; a list that belongs to an item or sub-item starts one
 *     step further in than the items), tables and code blocks are set apart
 *     by blank lines.
 * No line is wider than the width except a single unbreakable token; every
 * line ends without trailing spaces and the text ends with one newline. */
#ifndef POLICYC_RENDER_TEXT_IMPL_H
#define POLICYC_RENDER_TEXT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "kept_grids.h"
#include "model.h"
#include "util.h"

#define IDEOGRAPHIC_SPACE "\xe3\x80\x80"     /* U+3000 */
#define PARAGRAPH_INDENT "\xe3\x80\x80\xe3\x80\x80" /* two U+3000: 首行缩进两字 */

/* The lines written so far; blank lines are collapsed and never lead or trail. */
struct text_out {
	struct buf buf;
	int width;
	bool blank_pending;
	struct buf wrapped; /* the lines of a text that ends with spaces before they are
			     * written (tout_wrap), kept for its room */
	/* the last prefix tout_wrap measured (most texts come after the same
	 * indent): a copy of it, its length and its columns */
	char measured[16];
	size_t measured_len;
	long measured_cols;
};

/* One line, without its trailing spaces. */
void tout_line(struct text_out *o, const char *s, size_t n);
/* A blank line before the next line, unless one is already there. */
void tout_blank(struct text_out *o);
/* Each '\n'-separated line of s through tout_line. */
void tout_lines(struct text_out *o, const char *s);
/* Wraps text (its '\n' are hard line breaks) with wrap_text: `first` before the
 * first line, `rest` before all others (a hard break starts with `rest` too). */
void tout_wrap(struct text_out *o, const char *text, const char *first, const char *rest);
/* Each line of text centered in the width (ASCII spaces on the left). */
void tout_center(struct text_out *o, const char *text);
/* A line kept as written (tabs expanded) after `indent`, folded at the width
 * only when it does not fit. */
void tout_verbatim(struct text_out *o, const char *line, size_t n, const char *indent);

/* Pieces of at most `cols` columns (at least one code point each) of one line
 * of text, cut between code points; cuts avoid starting a piece with a closing
 * mark or ending one with an opening mark when they can. Returns the byte
 * lengths of the pieces (*npieces of them), and when piece_cols is not NULL
 * their columns in *piece_cols; caller frees both. */
size_t *fold_columns(const char *s, size_t n, int cols, size_t *npieces, int **piece_cols);

/* The plain text of the inline content from `from` (its first `skip` bytes
 * left out) up to `stop` (exclusive), inside the leaf block that holds
 * `from`: markup dropped, soft breaks read as a space (none between two wide
 * characters), runs of spaces collapsed, hard breaks kept as '\n', ends
 * trimmed. from == NULL: empty. Caller frees. */
char *inline_plain(cmark_node *from, size_t skip, cmark_node *stop);
/* The same text appended to out. */
void inline_plain_into(struct buf *out, cmark_node *from, size_t skip, cmark_node *stop);
/* A front-matter value as text: tabs and other control characters, which
 * would break the layout, become spaces or go; line breaks stay. */
char *plain_value(const char *s);
/* The plain text of a whole leaf block (paragraph, heading, table cell). */
char *leaf_plain(cmark_node *leaf);

/* Columns of the widest of the '\n'-separated lines of s. */
size_t widest_line(const char *s);
/* Columns of the widest unbreakable run of text in s (a date, a word, a
 * character with the mark it may not be parted from). */
int longest_token(const char *text);

/* The separator after a marker: U+3000 after a wide ideograph (第一条　),
 * nothing after wide punctuation (一、 （一）), a space otherwise (1. Article 1). */
const char *marker_separator(const char *marker);

/* A GFM table in box-drawing characters after `indent`, within the width. */
void render_table(struct text_out *o, cmark_node *table, const char *indent);
/* A table of plain texts (row by row, `ncols` a row) at the left margin,
 * under its caption (NULL: none). */
void render_text_grid(struct text_out *o, const char *caption, const char *const *cells, size_t nrows,
		      size_t ncols);

struct text_renderer {
	int width;
	struct form_text *forms;
	/* the grids of the last document's forms, kept for text_take_form_grid */
	struct kept_grids grids;
};

/* One text_render call. */
struct text_ctx {
	struct text_out out;
	const struct document *doc;
	struct text_renderer *r;
	const char *indent; /* first-line indent of paragraphs: two U+3000, or spaces in English */
	/* the texts of the provision being written, their room kept from one
	 * provision to the next: its own text, marker + title + text, and the
	 * text an article's emptiness is judged by */
	struct buf body, composed, probe;
};

/* The first-line indent of an item, sub-item or sub-sub-item: the paragraph
 * indent, or one indent a level where lists nest (decimal, en). Caller frees. */
char *item_indent(const struct text_ctx *ctx, const struct pnode *item);
/* Renders the pnode subtree at `top` (render_text.c). */
void render_subtree(struct text_ctx *ctx, const struct pnode *top);
/* Renders the cmark block of an LV_BLOCK pnode; the blocks of its child pnodes
 * are rendered through render_subtree where they stand (render_text_block.c). */
void render_cmark_block(struct text_ctx *ctx, struct text_out *o, const struct pnode *owner);
#endif
