/* render_text_table.c — GFM tables in box-drawing characters.
 *
 * Every row is ruled off (┌─┬─┐ ├─┼─┤ └─┴─┘), cells have one space of padding
 * on each side and follow the column's alignment. Columns take the width of
 * their widest cell; when the table would be wider than the page, the columns
 * shrink in proportion to their natural widths (never below MIN_COLUMN) and
 * cell text wraps inside its column; a table that cannot fit even so becomes
 * a list of its rows, "header：value" a line. */
#include "render_text_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "textwidth.h"

#define MIN_COLUMN 4 /* two Chinese characters */
#define BOX_H "\xe2\x94\x80"     /* ─ */
#define BOX_V "\xe2\x94\x82"     /* │ */

/* A line of a cell and its columns, which its padding is counted from. */
struct cell_line {
	char *text;
	int cols;
};

struct cell_lines {
	struct cell_line *lines;
	size_t nlines, cap;
};

struct table_grid {
	size_t nrows, ncols;
	char **text;        /* nrows * ncols plain texts */
	int *width;         /* ncols: chosen content widths */
	char align[64];     /* 'l', 'c', 'r' or 0 for the first 64 columns */
};

static void grid_read(struct table_grid *g, cmark_node *table)
{
	memset(g, 0, sizeof(*g));
	g->ncols = cmark_gfm_extensions_get_table_columns(table);
	for (cmark_node *row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
		size_t cells = 0;
		for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c))
			cells++;
		g->ncols = cells > g->ncols ? cells : g->ncols;
		g->nrows++;
	}
	if (g->ncols == 0)
		return;
	uint8_t *align = cmark_gfm_extensions_get_table_alignments(table);
	/* one entry per column of the delimiter row; 0 where none is given */
	size_t given = cmark_gfm_extensions_get_table_columns(table);
	for (size_t c = 0; align && c < given && c < sizeof(g->align); c++)
		g->align[c] = (char)align[c];
	g->text = xcalloc(g->nrows * g->ncols, sizeof(*g->text));
	size_t r = 0;
	for (cmark_node *row = cmark_node_first_child(table); row; row = cmark_node_next(row), r++) {
		size_t c = 0;
		for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
			g->text[r * g->ncols + c++] = leaf_plain(cell);
		for (; c < g->ncols; c++)
			g->text[r * g->ncols + c] = xstrdup("");
	}
}

/* Shrinks natural widths to fit `room` columns of content: every column
 * keeps its floor (at most its natural width), and what room is left is
 * shared in proportion to how much each column would still need. */
static void fit_widths(int *width, const int *floor_w, size_t ncols, int room)
{
	long total = 0, floors = 0, demand = 0;
	for (size_t c = 0; c < ncols; c++) {
		total += width[c];
		floors += floor_w[c];
		demand += width[c] - floor_w[c];
	}
	if (total <= room)
		return;
	if (floors >= room || demand == 0) {
		for (size_t c = 0; c < ncols; c++)
			width[c] = floor_w[c];
		return;
	}
	long spare = room - floors, given = 0;
	int *share = xmalloc(ncols * sizeof(*share));
	for (size_t c = 0; c < ncols; c++) {
		share[c] = (int)(spare * (width[c] - floor_w[c]) / demand);
		given += share[c];
	}
	/* What rounding left over goes one column at a time, left to right, to
	 * the columns still short of their natural width. */
	for (size_t c = 0; given < spare; c = (c + 1) % ncols) {
		if (floor_w[c] + share[c] < width[c]) {
			share[c]++;
			given++;
		}
	}
	for (size_t c = 0; c < ncols; c++)
		width[c] = floor_w[c] + share[c];
	free(share);
}

/* Floors of `wish` columns each, but none above the natural width. */
static long set_floors(const int *natural, int *floor_w, size_t ncols, const int *wish, int least)
{
	long sum = 0;
	for (size_t c = 0; c < ncols; c++) {
		int w = wish ? (wish[c] > least ? wish[c] : least) : least;
		floor_w[c] = w < natural[c] ? w : natural[c];
		sum += floor_w[c];
	}
	return sum;
}

/* False when not even two characters a column fit: the table is then
 * written as a list (put_list), not in columns of one character that would
 * part every mark from its character. */
static bool choose_widths(struct table_grid *g, int room)
{
	g->width = xcalloc(g->ncols, sizeof(*g->width));
	long natural = 0;
	for (size_t c = 0; c < g->ncols; c++) {
		g->width[c] = 2; /* an empty column still holds one wide character */
		for (size_t r = 0; r < g->nrows; r++) {
			int w = (int)widest_line(g->text[r * g->ncols + c]);
			g->width[c] = w > g->width[c] ? w : g->width[c];
		}
		natural += g->width[c];
	}
	/* Natural widths that fit are kept whatever the floors (fit_widths
	 * leaves them): the tokens are measured only for a table to shrink. */
	if (natural <= room)
		return true;
	int *tokens = xcalloc(g->ncols, sizeof(*tokens));
	int *floor_w = xcalloc(g->ncols, sizeof(*floor_w));
	for (size_t c = 0; c < g->ncols; c++)
		for (size_t r = 0; r < g->nrows; r++) {
			int t = longest_token(g->text[r * g->ncols + c]);
			tokens[c] = t > tokens[c] ? t : tokens[c];
		}
	/* The most comfortable floors that fit: no token cut and two characters
	 * a column; else two characters. */
	bool fits = set_floors(g->width, floor_w, g->ncols, tokens, MIN_COLUMN) <= room ||
		    set_floors(g->width, floor_w, g->ncols, NULL, MIN_COLUMN) <= room;
	if (fits) {
		fit_widths(g->width, floor_w, g->ncols, room);
		for (size_t c = 0; c < g->ncols; c++)
			if (g->width[c] < 2)
				g->width[c] = 2;
	}
	free(floor_w);
	free(tokens);
	return fits;
}

static void push_line(struct cell_lines *cl, const char *s, size_t n, int cols)
{
	size_t np, at = 0;
	int *shown;
	size_t *pieces = fold_columns(s, n, cols, &np, &shown);
	for (size_t i = 0; i < np; i++) {
		struct cell_line line = {xstrndup(s + at, pieces[i]), shown[i]};
		ARRAY_PUSH(cl->lines, cl->nlines, cl->cap, line);
		at += pieces[i];
	}
	free(pieces);
	free(shown);
}

/* The cell's text in lines of at most `cols` columns: wrapped where line
 * breaking allows, cut between characters where a token is longer.
 * `wrapped` is room for the lines, kept from one cell to the next. */
static struct cell_lines cell_wrap(const char *text, int cols, struct buf *wrapped)
{
	struct cell_lines cl = {0};
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t n = end ? (size_t)(end - text) : strlen(text);
		if (n) {
			buf_reset(wrapped);
			wrap_text_into(wrapped, text, n, cols, "", "");
			for (const char *l = wrapped->data ? wrapped->data : ""; *l;) {
				const char *e = strchr(l, '\n');
				size_t full = e ? (size_t)(e - l) : strlen(l), len = full;
				while (len > 0 && l[len - 1] == ' ')
					len--;
				push_line(&cl, l, len, cols);
				l += full + (e != NULL);
			}
		} else {
			push_line(&cl, text, n, cols);
		}
		text += n + (end != NULL);
	}
	return cl;
}

static void put_spaces(struct buf *b, int n)
{
	if (n > 0)
		buf_put_repeat(b, " ", 1, (size_t)n);
}

/* `b`: room for the line, kept from one line of the table to the next */
static void put_rule(struct text_out *o, struct buf *b, const struct table_grid *g, const char *indent,
		     const char *left, const char *mid, const char *right)
{
	buf_reset(b);
	buf_puts(b, indent);
	buf_puts(b, left);
	for (size_t c = 0; c < g->ncols; c++) {
		if (g->width[c] + 2 > 0)
			buf_put_repeat(b, BOX_H, strlen(BOX_H), (size_t)(g->width[c] + 2));
		buf_puts(b, c + 1 < g->ncols ? mid : right);
	}
	tout_line(o, b->data, b->len);
}

/* `b`: as put_rule's */
static void put_row(struct text_out *o, struct buf *b, const struct table_grid *g, size_t r, const char *indent)
{
	struct cell_lines *cells = xcalloc(g->ncols, sizeof(*cells));
	size_t height = 1;
	for (size_t c = 0; c < g->ncols; c++) {
		cells[c] = cell_wrap(g->text[r * g->ncols + c], g->width[c], b);
		height = cells[c].nlines > height ? cells[c].nlines : height;
	}
	for (size_t l = 0; l < height; l++) {
		buf_reset(b);
		buf_puts(b, indent);
		buf_puts(b, BOX_V);
		for (size_t c = 0; c < g->ncols; c++) {
			const struct cell_line *line = l < cells[c].nlines ? &cells[c].lines[l] : NULL;
			const char *s = line ? line->text : "";
			int slack = g->width[c] - (line ? line->cols : 0);
			char align = c < sizeof(g->align) ? g->align[c] : 0;
			int before = align == 'r' ? slack : align == 'c' ? slack / 2 : 0;
			put_spaces(b, 1 + before);
			buf_puts(b, s);
			put_spaces(b, slack - before + 1);
			buf_puts(b, BOX_V);
		}
		tout_line(o, b->data, b->len);
	}
	for (size_t c = 0; c < g->ncols; c++) {
		for (size_t l = 0; l < cells[c].nlines; l++)
			free(cells[c].lines[l].text);
		free(cells[c].lines);
	}
	free(cells);
}

/* A table too wide for the page even at two characters a column: each row
 * below the header as lines "header：value", rows set apart by blank lines. */
static void put_list(struct text_out *o, const struct table_grid *g, const char *indent, const char *caption)
{
	tout_blank(o);
	if (caption)
		tout_wrap(o, caption, indent, indent);
	struct buf line = {0};
	for (size_t r = g->nrows > 1 ? 1 : 0; r < g->nrows; r++) {
		if (r > 1)
			tout_blank(o);
		for (size_t c = 0; c < g->ncols; c++) {
			const char *head = g->nrows > 1 ? g->text[c] : "", *value = g->text[r * g->ncols + c];
			line.len = 0;
			buf_puts(&line, head);
			if (*head) {
				size_t n = strlen(head), start = n;
				while (start > 0 && ((unsigned char)head[start - 1] & 0xc0) == 0x80)
					start--;
				uint32_t last = 0;
				if (start > 0 && utf8_decode(head + start - 1, n - start + 1, &last) == 0)
					last = 0;
				buf_puts(&line, cp_width(last) == 2 ? "\xef\xbc\x9a" : ": "); /* ： */
			}
			buf_puts(&line, value);
			if (line.len)
				tout_wrap(o, line.data, indent, indent);
		}
	}
	buf_free(&line);
	tout_blank(o);
}

static void put_grid(struct text_out *o, struct table_grid *g, const char *indent, const char *caption)
{
	int borders = (int)(3 * g->ncols + 1); /* a rule and two spaces of padding per column */
	int room = o->width - (int)text_width(indent, strlen(indent)) - borders;
	if (room < (int)(MIN_COLUMN * g->ncols) && *indent) {
		indent = "";
		room = o->width - borders;
	}
	if (!choose_widths(g, room)) {
		put_list(o, g, indent, caption);
		return;
	}
	tout_blank(o);
	if (caption)
		tout_wrap(o, caption, indent, indent);
	struct buf line = {0};
	put_rule(o, &line, g, indent, "\xe2\x94\x8c", "\xe2\x94\xac", "\xe2\x94\x90"); /* ┌ ┬ ┐ */
	for (size_t r = 0; r < g->nrows; r++) {
		if (r > 0)
			put_rule(o, &line, g, indent, "\xe2\x94\x9c", "\xe2\x94\xbc", "\xe2\x94\xa4"); /* ├ ┼ ┤ */
		put_row(o, &line, g, r, indent);
	}
	put_rule(o, &line, g, indent, "\xe2\x94\x94", "\xe2\x94\xb4", "\xe2\x94\x98"); /* └ ┴ ┘ */
	buf_free(&line);
	tout_blank(o);
}

static void grid_free(struct table_grid *g)
{
	for (size_t i = 0; i < g->nrows * g->ncols; i++)
		free(g->text[i]);
	free(g->text);
	free(g->width);
}

void render_table(struct text_out *o, cmark_node *table, const char *indent)
{
	struct table_grid g;
	grid_read(&g, table);
	if (g.ncols > 0 && g.nrows > 0)
		put_grid(o, &g, indent, NULL);
	grid_free(&g);
}

void render_text_grid(struct text_out *o, const char *caption, const char *const *cells, size_t nrows,
		      size_t ncols)
{
	struct table_grid g = {.nrows = nrows, .ncols = ncols};
	g.text = xcalloc(nrows * ncols, sizeof(*g.text));
	for (size_t i = 0; i < nrows * ncols; i++)
		g.text[i] = plain_value(cells[i] ? cells[i] : "");
	if (nrows > 0 && ncols > 0)
		put_grid(o, &g, "", caption);
	grid_free(&g);
}
