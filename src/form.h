/* form.h — blank forms written as ```form blocks (SPEC §8, docs/forms.md). */
#ifndef POLICYC_FORM_H
#define POLICYC_FORM_H

#include <stdbool.h>
#include <stddef.h>

struct document;

enum cell_type { CELL_TEXT, CELL_DATE, CELL_SIGNATURE, CELL_CHECKBOX, CELL_NUMBER };

struct form_cell {
	char *label;
	enum cell_type type;
	int span;            /* answer columns after the label column */
	int lines;           /* height of the answer area */
	char **options;      /* checkbox */
	size_t noptions;
	int line, col;
};

struct form_row {
	struct form_cell *cells;
	size_t ncells;
	int line, col;
};

struct form {
	char *id, *title;
	bool number;         /* print a 编号 field */
	int columns;
	struct form_row *rows;
	size_t nrows;
	char **notes;
	size_t nnotes;
	int line, col;       /* the opening fence */
	int id_line, id_col, title_line, title_col;
	const struct document *doc; /* the policy it stands in */
};

/* Parses the YAML of a form block whose first content line is `first_line`
 * of doc's file and whose content is indented by `indent` columns. Reports
 * form-syntax and form-layout into doc->diags with file positions. Returns NULL
 * when the block is unusable (no id or title, YAML broken). */
struct form *form_parse(struct document *doc, const char *yaml, size_t len, int first_line, int indent);
void form_free(struct form *form);
#endif
