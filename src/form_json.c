/* form_json.c — OUT/forms/ID.json: a form's fields for digital collection
 * (format "policyc-form", version 1; described in docs/forms.md). */
#include <stdlib.h>

#include "model.h"
#include "render.h"
#include "report.h"
#include "util.h"

/* The renderer keeps nothing between forms; the trio is for symmetry with
 * the other renderers (and room for options later). */
struct form_json {
	int unused;
};

struct form_json *form_json_new(void)
{
	return xcalloc(1, sizeof(struct form_json));
}

void form_json_free(struct form_json *r)
{
	free(r);
}

static void put_key(struct buf *out, const char *key)
{
	json_put_string(out, key);
	buf_puts(out, ": ");
}

/* One object a line: {"label": "主题", "type": "text", …}. */
static void put_cell(struct buf *out, const struct form_cell *cell, size_t row, int column)
{
	static const char *const kind_keys[] = {"label", "text", "heading"};
	buf_puts(out, "    {");
	put_key(out, kind_keys[cell->kind]);
	json_put_string(out, cell->label);
	if (cell->kind != CELL_HEADING) {
		buf_puts(out, ", ");
		put_key(out, "type");
		json_put_string(out, form_type_name(cell->type));
	}
	buf_puts(out, ", \"span\": ");
	buf_put_long(out, cell->span);
	if (cell->kind != CELL_HEADING) {
		buf_puts(out, ", \"lines\": ");
		buf_put_long(out, cell->lines);
	}
	if (cell->noptions) {
		buf_puts(out, ", \"options\": [");
		for (size_t i = 0; i < cell->noptions; i++) {
			buf_puts(out, i ? ", " : "");
			json_put_string(out, cell->options[i]);
		}
		buf_putc(out, ']');
	}
	buf_puts(out, ", \"row\": ");
	buf_put_long(out, (long)row);
	buf_puts(out, ", \"column\": ");
	buf_put_long(out, column);
	buf_putc(out, '}');
}

static void put_fields(struct buf *out, const struct form *form)
{
	bool first = true;
	buf_puts(out, "  \"fields\": [");
	for (size_t r = 0; r < form->nrows; r++) {
		int column = 1;
		for (size_t c = 0; c < form->rows[r].ncells; c++) {
			const struct form_cell *cell = &form->rows[r].cells[c];
			buf_puts(out, first ? "\n" : ",\n");
			put_cell(out, cell, r + 1, column);
			column += form_cell_columns(cell);
			first = false;
		}
	}
	buf_puts(out, first ? "],\n" : "\n  ],\n");
}

char *form_json_render(struct form_json *r, const struct form *form)
{
	(void)r;
	struct buf out = {0};
	buf_puts(&out, "{\n  \"format\": \"policyc-form\",\n  \"version\": 1,\n  ");
	put_key(&out, "id");
	json_put_string(&out, form->id);
	buf_puts(&out, ",\n  ");
	put_key(&out, "title");
	json_put_string(&out, form->title);
	if (form->doc && form->doc->meta.id) {
		buf_puts(&out, ",\n  ");
		put_key(&out, "policy");
		json_put_string(&out, form->doc->meta.id);
	}
	buf_printf(&out, ",\n  \"number\": %s,\n  \"date\": %s,\n  \"columns\": %d,\n", form->number ? "true" : "false",
		   form->date ? "true" : "false", form->columns);
	put_fields(&out, form);
	buf_puts(&out, "  \"notes\": [");
	for (size_t i = 0; i < form->nnotes; i++) {
		buf_puts(&out, i ? ", " : "");
		json_put_string(&out, form->notes[i]);
	}
	buf_puts(&out, "]\n}\n");
	return buf_take(&out);
}
