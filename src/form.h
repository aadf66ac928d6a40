/* form.h — blank forms written as ```form blocks (SPEC §8, docs/forms.md). */
#ifndef POLICYC_FORM_H
#define POLICYC_FORM_H

#include <stdbool.h>
#include <stddef.h>

struct document;

enum cell_type { CELL_TEXT, CELL_DATE, CELL_SIGNATURE, CELL_CHECKBOX, CELL_NUMBER };

/* What a cell is: a labelled answer (`label:`), words printed across its
 * columns with an optional answer area below them (`text:`), or a heading
 * that sets a group of rows apart (`heading:`). */
enum cell_kind { CELL_FIELD, CELL_FIXED_TEXT, CELL_HEADING };

struct form_cell {
	char *label;         /* CELL_FIELD: the label; otherwise the words printed */
	enum cell_type type;
	int span;            /* CELL_FIELD: answer columns after the label column;
	                      * otherwise all the columns the cell takes */
	int lines;           /* height of the answer area (0: none, fixed text only) */
	char **options;      /* checkbox */
	size_t noptions;
	int line, col;
	enum cell_kind kind;
};

struct form_row {
	struct form_cell *cells;
	size_t ncells;
	int line, col;
};

struct form {
	char *id, *title;
	bool number;         /* print a 编号 field */
	bool date;           /* print 年 月 日 at the top right */
	int columns;
	struct form_row *rows;
	size_t nrows;
	char **notes;
	size_t nnotes;
	int line, col;       /* the opening fence */
	int id_line, id_col, title_line, title_col;
	const struct document *doc; /* the policy it stands in */
	/* False when `id` breaks [a-z0-9][a-z0-9-]* (a form-syntax error was
	 * reported): the id must then not name an output file, even with --force. */
	bool id_valid;
	/* After form_compact: the one block holding rows, cells, options and
	 * notes with their strings (form_free frees it whole); else NULL. */
	void *compact_block;
};

/* Grid columns a cell takes: 1 + span for a labelled field, span otherwise. */
int form_cell_columns(const struct form_cell *cell);
/* "text", "date", "signature", "checkbox", "number": the word of the form language. */
const char *form_type_name(enum cell_type type);

/* Parses the YAML of a form block whose first content line is `first_line`
 * of doc's file and whose content is indented by `indent` columns. Reports
 * form-syntax and form-layout into doc->diags with file positions. Returns NULL
 * when the block is unusable (no id or title, YAML broken). */
struct form *form_parse(struct document *doc, const char *yaml, size_t len, int first_line, int indent);
/* Moves the rows, cells, options and notes with their strings into one
 * block: a form kept for the whole run (document_slim) is then freed with one
 * free() at the end instead of one per string, on the thread that ends the
 * run. id, title and the struct itself stay where they are (other documents
 * may point at them). */
void form_compact(struct form *form);
void form_free(struct form *form);
#endif
