/* form_html.c — a form as an HTML fragment: the ruled grid printed on A4,
 * used in OUT/forms/ID.html and inside its policy's page. The look (ruling,
 * label shading, the height of one answer line) is the stylesheet's: this file
 * only says what each cell is, and `--lines` how many lines an area holds. */
#include <stdlib.h>

#include "kept_grids.h"
#include "render.h"
#include "template.h"
#include "util.h"

struct form_html {
	/* the grids written into the policy's page, for the forms' own pages */
	struct kept_grids kept;
};

struct form_html *form_html_new(void)
{
	return xcalloc(1, sizeof(struct form_html));
}

void form_html_drop_kept(struct form_html *r)
{
	kept_grids_drop(&r->kept);
}

void form_html_free(struct form_html *r)
{
	if (!r)
		return;
	kept_grids_free(&r->kept);
	free(r);
}

void form_html_keep(struct form_html *r, const struct form *form, char *html)
{
	kept_grids_keep(&r->kept, form, html);
}

/* Room to write the year, month and day: gaps the stylesheet sizes, and
 * narrows in a narrow cell rather than cut the date off. */
#define GAP "<span class=\"form-gap\"></span>"
#define DATE_BLANKS "<span class=\"form-date\">" GAP "年" GAP "月" GAP "日</span>"

static void put_signature(struct buf *out)
{
	buf_puts(out, "<span class=\"form-sign\"><span class=\"form-sign-name\">签字：<span class=\"form-blank\"></span>"
		      "</span> <span class=\"form-sign-date\">日期：" DATE_BLANKS "</span></span>");
}

static void put_options(struct buf *out, const struct form_cell *cell)
{
	buf_puts(out, "<span class=\"form-options\">");
	for (size_t i = 0; i < cell->noptions; i++) {
		buf_puts(out, i ? " <span class=\"form-option\">□" : "<span class=\"form-option\">□");
		html_put_escaped(out, cell->options[i]);
		buf_puts(out, "</span>");
	}
	buf_puts(out, "</span>");
}

/* What is printed inside an answer area of the cell's type. */
static void put_area_content(struct buf *out, const struct form_cell *cell)
{
	switch (cell->type) {
	case CELL_DATE:
		buf_puts(out, DATE_BLANKS);
		break;
	case CELL_SIGNATURE:
		put_signature(out);
		break;
	case CELL_CHECKBOX:
		put_options(out, cell);
		break;
	case CELL_TEXT:
	case CELL_NUMBER:
		break;
	}
}

/* before, the number, after: the rows' markup is written without printf,
 * which cost more than the rest of the form. */
static void put_number_attribute(struct buf *out, const char *before, int number, const char *after)
{
	buf_puts(out, before);
	buf_put_long(out, number);
	buf_puts(out, after);
}

static void put_field(struct buf *out, const struct form_cell *cell)
{
	buf_puts(out, "<th class=\"form-label\">");
	html_put_escaped(out, cell->label);
	buf_puts(out, "</th><td class=\"form-answer form-type-");
	buf_puts(out, form_type_name(cell->type));
	buf_putc(out, '"');
	if (cell->span > 1)
		put_number_attribute(out, " colspan=\"", cell->span, "\"");
	put_number_attribute(out, " style=\"--lines: ", cell->lines, "\">");
	put_area_content(out, cell);
	buf_puts(out, "</td>");
}

/* Fixed text across the cell's columns, with its answer area below it. */
static void put_fixed_text(struct buf *out, const struct form_cell *cell)
{
	put_number_attribute(out, "<td class=\"form-fixed\" colspan=\"", cell->span, "\"><p class=\"form-question\">");
	html_put_escaped(out, cell->label);
	buf_puts(out, "</p>");
	if (cell->lines > 0) {
		buf_puts(out, "<div class=\"form-area form-type-");
		buf_puts(out, form_type_name(cell->type));
		put_number_attribute(out, "\" style=\"--lines: ", cell->lines, "\">");
		put_area_content(out, cell);
		buf_puts(out, "</div>");
	}
	buf_puts(out, "</td>");
}

static void put_row(struct buf *out, const struct form_row *row, int columns)
{
	int filled = 0;
	buf_puts(out, "<tr>");
	for (size_t i = 0; i < row->ncells; i++) {
		const struct form_cell *cell = &row->cells[i];
		if (cell->kind == CELL_FIELD) {
			put_field(out, cell);
		} else if (cell->kind == CELL_FIXED_TEXT) {
			put_fixed_text(out, cell);
		} else {
			put_number_attribute(out, "<th class=\"form-heading\" colspan=\"", cell->span, "\">");
			html_put_escaped(out, cell->label);
			buf_puts(out, "</th>");
		}
		filled += form_cell_columns(cell);
	}
	/* Only a form rendered with --force despite a layout error gets here:
	 * close the grid rather than leave a ragged edge. */
	if (filled < columns)
		put_number_attribute(out, "<td colspan=\"", columns - filled, "\"></td>");
	buf_puts(out, "</tr>\n");
}

char *form_html_render(struct form_html *r, const struct form *form)
{
	char *html = kept_grids_take(&r->kept, form);
	return html ? html : form_html_render_as(r, form, NULL);
}

char *form_html_render_as(struct form_html *r, const struct form *form, const char *anchor)
{
	(void)r;
	struct buf out = {0};
	buf_puts(&out, "<section class=\"form\" id=\"");
	if (anchor) {
		html_put_escaped(&out, anchor);
	} else {
		buf_puts(&out, "form-");
		html_put_escaped(&out, form->id);
	}
	buf_puts(&out, "\">\n<h2 class=\"form-title\">");
	html_put_escaped(&out, form->title);
	buf_puts(&out, "</h2>\n");
	if (form->number || form->date) {
		buf_puts(&out, "<p class=\"form-top\">");
		if (form->number)
			buf_puts(&out, "<span class=\"form-number\">编号：<span class=\"form-blank\"></span></span>");
		if (form->date)
			buf_puts(&out, DATE_BLANKS);
		buf_puts(&out, "</p>\n");
	}
	buf_puts(&out, "<table class=\"form-grid\">\n<colgroup>");
	for (int i = 0; i < form->columns; i++)
		buf_puts(&out, "<col>");
	buf_puts(&out, "</colgroup>\n<tbody>\n");
	for (size_t i = 0; i < form->nrows; i++)
		if (form->rows[i].ncells)
			put_row(&out, &form->rows[i], form->columns);
	buf_puts(&out, "</tbody>\n</table>\n");
	if (form->nnotes) {
		buf_puts(&out, "<div class=\"form-notes\">");
		for (size_t i = 0; i < form->nnotes; i++) {
			buf_puts(&out, i ? "<p>" : "<p><span class=\"form-notes-head\">注：</span>");
			html_put_escaped(&out, form->notes[i]);
			buf_puts(&out, "</p>");
		}
		buf_puts(&out, "</div>\n");
	}
	buf_puts(&out, "</section>\n");
	return buf_take(&out);
}
