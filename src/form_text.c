/* form_text.c — a form as plain text: the ruled grid in box-drawing
 * characters, its columns equal and as wide as `width` allows, every cell's
 * words wrapped (and cut, for a word longer than its cell) to fit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "render_text_impl.h"
#include "textwidth.h"
#include "util.h"

struct form_text {
	int width;
};

struct form_text *form_text_new(int width)
{
	struct form_text *r = xcalloc(1, sizeof *r);
	r->width = width;
	return r;
}

bool form_text_same(const struct form_text *a, const struct form_text *b)
{
	return a->width == b->width;
}

void form_text_free(struct form_text *r)
{
	free(r);
}

/* The narrowest grid column holds two Chinese characters: a character and
 * the mark it may not be parted from (签字：), so that no line of a cell
 * begins with a closing mark. */
enum { MIN_COLUMN_WIDTH = 4 };

/* Ways of writing a blank date, widest first: the widest that fits is used. */
static const char *const date_forms[] = {
	"\u3000\u3000年\u3000\u3000月\u3000\u3000日", "\u3000年\u3000月\u3000日", "年\u3000月\u3000日", "年月日", NULL};
static const char *const sign_forms[] = {"签字：________", "签字：____", "签字：", NULL};
static const char *const number_forms[] = {"编号：__________", "编号：____", "编号：", NULL};

enum align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

/* A line of a region: `before` spaces, the bytes [at, at + len) of the
 * region's text, `after` spaces. */
struct region_line {
	size_t at, len;
	int before, after;
};

/* The part of one row a cell (or a cell's label or answer) takes: grid
 * columns [start, end), and its lines, each padded to exactly `width`. The
 * lines' text is in a buffer the regions of a row share (one allocation a
 * row, not one a line). */
struct region {
	int start, end, width;
	bool centre_vertically;
	struct buf *text;
	struct region_line *lines;
	size_t nlines, cap;
};

static int display_width(const char *s)
{
	return (int)text_width(s, strlen(s));
}

/* The n bytes at `at` of the region's text as a line of `cols` columns. */
static void add_line_at(struct region *g, size_t at, size_t n, int cols, enum align align)
{
	int room = g->width - cols;
	int before = align == ALIGN_LEFT || room <= 0 ? 0 : align == ALIGN_CENTRE ? room / 2 : room;
	int after = room - before > 0 ? room - before : 0;
	struct region_line line = {at, n, before, after};
	ARRAY_PUSH(g->lines, g->nlines, g->cap, line);
}

static void add_line(struct region *g, const char *text, size_t n, enum align align)
{
	size_t at = g->text->len;
	buf_put(g->text, text, n);
	add_line_at(g, at, n, (int)text_width(text, n), align);
}

/* The line as its region shows it: padded, or without the spaces at its
 * end (`trimmed`). */
static void put_region_line(struct buf *out, const struct region *g, const struct region_line *line, bool trimmed)
{
	const char *text = line->len ? g->text->data + line->at : ""; /* the buffer may have no room yet */
	size_t n = line->len;
	if (trimmed)
		while (n && text[n - 1] == ' ')
			n--;
	if (!trimmed || n > 0)
		buf_put_repeat(out, " ", 1, (size_t)line->before);
	buf_put(out, text, n);
	if (!trimmed)
		buf_put_repeat(out, " ", 1, (size_t)line->after);
}

static void add_blank_lines(struct region *g, int count)
{
	for (int i = 0; i < count; i++)
		add_line(g, "", 0, ALIGN_LEFT);
}

/* One line of `wrap_text` (the n bytes at `from` of the region's text)
 * that is still wider than the cell (a single long word): cut it where the
 * width runs out. */
static void add_cut_line(struct region *g, size_t from, size_t n, enum align align)
{
	const char *text = g->text->data + from;
	size_t start = 0, at = 0;
	int used = 0;
	while (at < n) {
		uint32_t cp;
		size_t step = utf8_decode(text + at, n - at, &cp);
		int w = step ? cp_width(cp) : 1;
		step = step ? step : 1;
		if (used + w > g->width && at > start) {
			add_line_at(g, from + start, at - start, used, align);
			start = at;
			used = 0;
		}
		used += w;
		at += step;
	}
	add_line_at(g, from + start, at - start, used, align);
}

/* The text wrapped at the region's width, its lines left where the
 * wrapping writes them: at the end of the region's text. */
static void add_wrapped(struct region *g, const char *text, enum align align)
{
	char *plain = plain_value(text); /* no tab or control character in a cell */
	size_t at = g->text->len;
	wrap_text_into(g->text, plain, strlen(plain), g->width, "", "");
	free(plain);
	for (size_t end = g->text->len; at < end;) {
		const char *line = g->text->data + at;
		const char *newline = memchr(line, '\n', end - at);
		size_t n = newline ? (size_t)(newline - line) : end - at;
		int cols = (int)text_width(line, n);
		if (cols > g->width)
			add_cut_line(g, at, n, align);
		else
			add_line_at(g, at, n, cols, align);
		at += n + (newline != NULL);
	}
}

/* Adds a, b and c joined as one line when it fits; false otherwise. Their
 * widths add up (whole characters each), so nothing is joined that does
 * not fit. */
static bool add_if_fits(struct region *g, const char *a, const char *b, const char *c, enum align align)
{
	if (display_width(a) + display_width(b) + display_width(c) > g->width)
		return false;
	struct buf line = {0};
	buf_puts(&line, a);
	buf_puts(&line, b);
	buf_puts(&line, c);
	add_line(g, line.data, line.len, align);
	buf_free(&line);
	return true;
}

/* prefix and the first of `forms` that fits with it on one line; when none
 * does, the prefix on a line of its own and the first that fits alone (the
 * last, wrapped, when none fits at all). */
static void add_fitting(struct region *g, const char *prefix, const char *const *forms, enum align align)
{
	for (size_t i = 0; forms[i]; i++)
		if (add_if_fits(g, prefix, forms[i], "", align))
			return;
	if (*prefix) {
		add_wrapped(g, prefix, align);
		add_fitting(g, "", forms, align);
		return;
	}
	size_t last = 0;
	while (forms[last + 1])
		last++;
	add_wrapped(g, forms[last], align);
}

static void add_signature(struct region *g)
{
	for (size_t i = 0; date_forms[i]; i++)
		if (add_if_fits(g, sign_forms[0], "\u3000日期：", date_forms[i], ALIGN_RIGHT))
			return;
	add_fitting(g, "", sign_forms, ALIGN_RIGHT);
	add_fitting(g, "日期：", date_forms, ALIGN_RIGHT);
}

static void add_options(struct region *g, const struct form_cell *cell)
{
	struct buf options = {0};
	for (size_t i = 0; i < cell->noptions; i++) {
		buf_puts(&options, i ? "\u3000□" : "□");
		buf_puts(&options, cell->options[i]);
	}
	char *text = buf_take(&options);
	add_wrapped(g, text, ALIGN_LEFT);
	free(text);
}

/* An answer area `cell->lines` high (or more, when what it prints needs
 * more): a date and a signature sit on its last lines, options on its first. */
static void add_area(struct region *g, const struct form_cell *cell)
{
	/* its lines' text goes to g's */
	struct region printed = {.width = g->width, .text = g->text};
	if (cell->type == CELL_DATE)
		add_fitting(&printed, "", date_forms, ALIGN_RIGHT);
	else if (cell->type == CELL_SIGNATURE)
		add_signature(&printed);
	else if (cell->type == CELL_CHECKBOX)
		add_options(&printed, cell);
	int blank = cell->lines - (int)printed.nlines;
	if (cell->type != CELL_CHECKBOX)
		add_blank_lines(g, blank);
	for (size_t i = 0; i < printed.nlines; i++)
		ARRAY_PUSH(g->lines, g->nlines, g->cap, printed.lines[i]);
	free(printed.lines);
	if (cell->type == CELL_CHECKBOX)
		add_blank_lines(g, blank);
}

static void free_region(struct region *g)
{
	free(g->lines);
	g->lines = NULL;
	g->nlines = g->cap = 0;
}

struct grid {
	int columns, column_width;
	struct region *regions;
	size_t nregions, cap;
	struct buf text; /* the lines of the row's regions */
	struct buf rule; /* column_width times ─, the rule of a column */
};

static int span_width(const struct grid *grid, int start, int end)
{
	return (end - start) * (grid->column_width + 1) - 1;
}

/* Adds the region of columns [start, start + count), cut at the grid's edge
 * (a row too wide only gets here from a form rendered despite its errors). */
static struct region *new_region(struct grid *grid, int *start, int count)
{
	int end = *start + count < grid->columns ? *start + count : grid->columns;
	struct region g = {.start = *start, .end = end, .width = span_width(grid, *start, end), .text = &grid->text};
	*start = end;
	ARRAY_PUSH(grid->regions, grid->nregions, grid->cap, g);
	return &grid->regions[grid->nregions - 1];
}

static void lay_out_cell(struct grid *grid, const struct form_cell *cell, int *at)
{
	if (*at >= grid->columns)
		return;
	if (cell->kind == CELL_FIELD) {
		struct region *label = new_region(grid, at, 1);
		label->centre_vertically = true;
		add_wrapped(label, cell->label, ALIGN_LEFT);
		if (*at < grid->columns)
			add_area(new_region(grid, at, cell->span), cell);
	} else if (cell->kind == CELL_FIXED_TEXT) {
		struct region *text = new_region(grid, at, cell->span);
		add_wrapped(text, cell->label, ALIGN_LEFT);
		add_area(text, cell);
	} else {
		struct region *heading = new_region(grid, at, cell->span);
		heading->centre_vertically = true;
		add_wrapped(heading, cell->label, ALIGN_CENTRE);
	}
}

static void free_regions(struct grid *grid)
{
	for (size_t i = 0; i < grid->nregions; i++)
		free_region(&grid->regions[i]);
	grid->nregions = 0;
	buf_reset(&grid->text);
}

static void lay_out_row(struct grid *grid, const struct form_row *row)
{
	int at = 0;
	free_regions(grid);
	for (size_t i = 0; i < row->ncells; i++)
		lay_out_cell(grid, &row->cells[i], &at);
	if (at < grid->columns)
		new_region(grid, &at, grid->columns - at);
}

/* Where the row has a vertical rule: at grid column boundary x. */
static void mark_rules(const struct grid *grid, bool *rules)
{
	memset(rules, 0, (size_t)(grid->columns + 1) * sizeof *rules);
	for (size_t i = 0; i < grid->nregions; i++)
		rules[grid->regions[i].start] = rules[grid->regions[i].end] = true;
}

/* The horizontal rule between a row with vertical rules `above` and one with
 * `below` (NULL: the top or the bottom of the grid). */
static void put_rule(struct buf *out, const struct grid *grid, const bool *above, const bool *below)
{
	for (int x = 0; x <= grid->columns; x++) {
		bool up = above && above[x], down = below && below[x];
		const char *joint;
		if (x == 0)
			joint = up && down ? "├" : down ? "┌" : "└";
		else if (x == grid->columns)
			joint = up && down ? "┤" : down ? "┐" : "┘";
		else
			joint = up && down ? "┼" : up ? "┴" : down ? "┬" : "─";
		buf_puts(out, joint);
		if (x < grid->columns && grid->rule.len > 0)
			buf_put(out, grid->rule.data, grid->rule.len);
	}
	buf_putc(out, '\n');
}

static void put_row_lines(struct buf *out, const struct grid *grid)
{
	size_t height = 1;
	for (size_t i = 0; i < grid->nregions; i++)
		if (grid->regions[i].nlines > height)
			height = grid->regions[i].nlines;
	for (size_t y = 0; y < height; y++) {
		buf_puts(out, "│");
		for (size_t i = 0; i < grid->nregions; i++) {
			const struct region *g = &grid->regions[i];
			size_t top = g->centre_vertically ? (height - g->nlines) / 2 : 0;
			if (y >= top && y - top < g->nlines)
				put_region_line(out, g, &g->lines[y - top], false);
			else
				/* as printf's "%*s" pads: a negative width counts too */
				buf_put_repeat(out, " ", 1, (size_t)(g->width < 0 ? -(long)g->width : g->width));
			buf_puts(out, "│");
		}
		buf_putc(out, '\n');
	}
}

static void put_grid(struct buf *out, const struct form *form, int column_width)
{
	struct grid grid = {.columns = form->columns, .column_width = column_width};
	if (column_width > 0)
		buf_put_repeat(&grid.rule, "─", strlen("─"), (size_t)column_width);
	bool *above = xcalloc((size_t)form->columns + 1, sizeof *above);
	bool *below = xcalloc((size_t)form->columns + 1, sizeof *below);
	bool first = true;
	for (size_t r = 0; r < form->nrows; r++) {
		if (!form->rows[r].ncells)
			continue;
		lay_out_row(&grid, &form->rows[r]);
		mark_rules(&grid, below);
		put_rule(out, &grid, first ? NULL : above, below);
		put_row_lines(out, &grid);
		bool *swap = above;
		above = below;
		below = swap;
		first = false;
	}
	if (!first)
		put_rule(out, &grid, above, NULL);
	free_regions(&grid);
	free(grid.regions);
	buf_free(&grid.text);
	buf_free(&grid.rule);
	free(above);
	free(below);
}

/* 工 作 呈 报: a space between wide characters, as the seed prints titles. */
static char *spaced_title(const char *title)
{
	struct buf out = {0};
	size_t n = strlen(title);
	bool previous_wide = false;
	for (size_t at = 0; at < n;) {
		uint32_t cp;
		size_t step = utf8_decode(title + at, n - at, &cp);
		step = step ? step : 1;
		bool wide = cp_width(cp) == 2;
		if (wide && previous_wide)
			buf_putc(&out, ' ');
		buf_put(&out, title + at, step);
		previous_wide = wide;
		at += step;
	}
	return buf_take(&out);
}

/* Lines of the region with the trailing spaces of its padding removed. */
static void put_trimmed(struct buf *out, const struct region *g)
{
	for (size_t i = 0; i < g->nlines; i++) {
		put_region_line(out, g, &g->lines[i], true);
		buf_putc(out, '\n');
	}
}

static void put_heading(struct buf *out, const struct form *form, int total)
{
	struct buf text = {0};
	struct region head = {.width = total, .text = &text};
	char *title = spaced_title(form->title);
	add_wrapped(&head, display_width(title) <= total ? title : form->title, ALIGN_CENTRE);
	free(title);
	if (form->number && form->date) {
		/* 编号 first, then the date: on one line when they fit. */
		if (!add_if_fits(&head, number_forms[0], "\u3000\u3000", date_forms[0], ALIGN_RIGHT)) {
			add_fitting(&head, "", number_forms, ALIGN_RIGHT);
			add_fitting(&head, "", date_forms, ALIGN_RIGHT);
		}
	} else if (form->number || form->date) {
		add_fitting(&head, "", form->number ? number_forms : date_forms, ALIGN_RIGHT);
	}
	put_trimmed(out, &head);
	free_region(&head);
	buf_free(&text);
}

static void put_notes(struct buf *out, const struct form *form, int total)
{
	for (size_t i = 0; i < form->nnotes; i++) {
		char *note = plain_value(form->notes[i]);
		char *lines = wrap_text(note, strlen(note), total, i ? "\u3000\u3000" : "注：", "\u3000\u3000");
		buf_puts(out, lines);
		free(lines);
		free(note);
	}
}

/* A grid too wide for the page (many columns, a narrow --width) becomes a
 * list: each cell on lines of its own, its answer area as blank lines, so
 * that no line exceeds the width. */
static void put_list(struct buf *out, const struct form *form, int width)
{
	struct buf text = {0};
	struct region list = {.width = width, .text = &text};
	for (size_t r = 0; r < form->nrows; r++) {
		for (size_t c = 0; c < form->rows[r].ncells; c++) {
			const struct form_cell *cell = &form->rows[r].cells[c];
			if (cell->kind == CELL_HEADING) {
				add_wrapped(&list, cell->label, ALIGN_CENTRE);
				continue;
			}
			char *head = xasprintf(cell->kind == CELL_FIELD ? "%s：" : "%s", cell->label);
			add_wrapped(&list, head, ALIGN_LEFT);
			free(head);
			add_area(&list, cell);
		}
	}
	put_trimmed(out, &list);
	free_region(&list);
	buf_free(&text);
}

char *form_text_render(struct form_text *r, const struct form *form)
{
	int width = r->width > MIN_COLUMN_WIDTH ? r->width : MIN_COLUMN_WIDTH;
	int columns = form->columns > 0 ? form->columns : 1;
	int column_width = (width - 1) / columns - 1;
	bool grid = column_width >= MIN_COLUMN_WIDTH;
	int total = grid ? columns * (column_width + 1) + 1 : width;
	struct buf out = {0};
	put_heading(&out, form, total);
	if (grid)
		put_grid(&out, form, column_width);
	else
		put_list(&out, form, width);
	put_notes(&out, form, total);
	/* a list's last answer area would end the text with blank lines */
	while (out.len >= 2 && out.data[out.len - 1] == '\n' && out.data[out.len - 2] == '\n')
		out.data[--out.len] = '\0';
	return buf_take(&out);
}
