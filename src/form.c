/* form.c — reads the YAML of a ```form block into struct form (SPEC §8,
 * docs/forms.md) and reports form-syntax and form-layout at file positions.
 *
 * One mistake gives one diagnostic: a value that is wrong falls back to its
 * default, and a row holding such a value is left out of the layout check so
 * that a bad span is not reported a second time as a row that does not fit. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "form_parser.h"
#include "model.h"
#include "util.h"
#include "yaml_load.h"

/* Larger values are typing mistakes, and would only make absurd pages. */
enum { MAX_COLUMNS = 50, MAX_SPAN = 50, MAX_LINES = 100 };

static const char *const form_keys[] = {"id", "title", "number", "date", "columns", "rows", "notes", NULL};
static const char *const cell_keys[] = {"label", "text", "heading", "type", "span", "lines", "options", NULL};
static const char *const type_names[] = {"text", "date", "signature", "checkbox", "number", NULL};


/* The values of a cell's keys (NULL: not given), and the keys themselves for
 * messages about a key that should not be there. */
struct cell_keys {
	yaml_node_t *label, *text, *heading, *type, *span, *lines, *options;
	const yaml_node_t *key[sizeof cell_keys / sizeof *cell_keys]; /* in the order of cell_keys[] */
};

static const yaml_node_t *key_of(const struct cell_keys *k, const char *name)
{
	return k->key[word_index(cell_keys, name)];
}

static void free_cell(struct form_cell *cell)
{
	free(cell->label);
	for (size_t i = 0; i < cell->noptions; i++)
		free(cell->options[i]);
	free(cell->options);
}

/* The words of a cell and what kind it is; false (reported) when it has none
 * or more than one of label, text and heading. */
static bool read_cell_words(struct form_parser *p, const yaml_node_t *node, const struct cell_keys *k,
			    struct form_cell *cell)
{
	const yaml_node_t *given[3] = {k->label, k->text, k->heading};
	const yaml_node_t *keys[3] = {k->key[0], k->key[1], k->key[2]};
	static const char *const names[3] = {"label", "text", "heading"};
	static const enum cell_kind kinds[3] = {CELL_FIELD, CELL_FIXED_TEXT, CELL_HEADING};
	int found = -1;
	for (int i = 0; i < 3; i++) {
		if (!given[i])
			continue;
		if (found >= 0) {
			form_report(p, RULE_FORM_SYNTAX, keys[i], "cell has both %s and %s; expected only one of label, text, heading",
			       names[found], names[i]);
			return false;
		}
		found = i;
	}
	if (found < 0) {
		form_report(p, RULE_FORM_SYNTAX, node, "cell has no label; expected label, text or heading");
		return false;
	}
	cell->kind = kinds[found];
	cell->label = form_read_words(p, given[found], names[found]);
	return cell->label != NULL;
}

/* The keys a cell of its kind may not have. */
static bool check_cell_keys_fit(struct form_parser *p, const struct cell_keys *k, struct form_cell *cell)
{
	bool heading_extra = cell->kind == CELL_HEADING && (k->type || k->lines || k->options);
	bool options_wrong = k->options ? cell->type != CELL_CHECKBOX : cell->type == CELL_CHECKBOX;
	if (!heading_extra && !options_wrong)
		return true; /* nearly every cell: no message, so no quoted label */
	char *who = form_quote(cell->label);
	if (heading_extra) {
		const char *extra = k->type ? "type" : k->lines ? "lines" : "options";
		form_report(p, RULE_FORM_SYNTAX, key_of(k, extra), "heading %s has %s; a heading takes only span", who, extra);
	} else if (k->options) {
		form_report(p, RULE_FORM_SYNTAX, key_of(k, "options"), "options given for %s of type %s; options belong to type checkbox",
		       who, type_names[cell->type]);
	} else {
		form_report(p, RULE_FORM_SYNTAX, k->type, "checkbox %s has no options; expected e.g. options: [同意, 不同意]", who);
	}
	free(who);
	return false;
}

/* Reads one cell; false when anything in it was wrong, so that the width of
 * its row is not known for certain. */
static bool read_cell(struct form_parser *p, yaml_node_t *node, struct form_cell *cell)
{
	memset(cell, 0, sizeof *cell);
	cell->line = form_file_line(p, node);
	cell->col = form_file_col(p, node);
	cell->span = 1;
	if (node->type == YAML_SCALAR_NODE) {
		/* read_words claims the scalar. */
		cell->kind = CELL_FIELD;
		cell->label = form_read_words(p, node, "cell");
		cell->lines = 1;
		return cell->label != NULL;
	}
	if (node->type != YAML_MAPPING_NODE) {
		form_report(p, RULE_FORM_SYNTAX, node, "cell is %s; expected a mapping such as {label: 主题, span: 3}",
		       yaml_kind_name(node));
		return false;
	}
	if (!form_claim(p, node))
		return false;
	struct cell_keys k = {0};
	yaml_node_t **slots[] = {&k.label, &k.text, &k.heading, &k.type, &k.span, &k.lines, &k.options};
	bool keys_ok = true;
	for (size_t i = 0; i < yaml_map_size(node); i++) {
		yaml_node_t *key, *value;
		if (!yaml_map_entry(&p->yaml, node, i, &key, &value))
			continue;
		int slot = form_usable_key(p, key, cell_keys, k.key, "cell");
		if (slot < 0)
			keys_ok = false;
		else
			*slots[slot] = value;
	}
	bool ok = read_cell_words(p, node, &k, cell) && keys_ok;
	if (k.type) {
		const char *name = yaml_scalar(k.type);
		int type = name ? word_index(type_names, name) : -1;
		if (type >= 0) {
			cell->type = (enum cell_type)type;
		} else {
			char *hint = form_suggestion(type_names, name ? name : "");
			char *shown = yaml_shown(k.type);
			form_report(p, RULE_FORM_SYNTAX, k.type, "unknown cell type %s; %s", shown, hint);
			free(shown);
			free(hint);
			ok = false;
		}
	}
	if (ok && !check_cell_keys_fit(p, &k, cell))
		ok = false;
	if (k.options && cell->type == CELL_CHECKBOX) {
		cell->options = form_read_word_list(p, k.options, "option", &cell->noptions);
		if (k.options->type == YAML_SEQUENCE_NODE && yaml_seq_size(k.options) == 0) {
			form_report(p, RULE_FORM_SYNTAX, k.options, "options is an empty list; expected e.g. [同意, 不同意]");
			ok = false;
		}
	}
	cell->lines = cell->kind == CELL_FIELD ? 1 : 0;
	if (k.lines && !form_read_count(p, k.lines, "lines", MAX_LINES, &cell->lines))
		ok = false;
	/* Fixed text and headings are full width unless they say otherwise (0 here,
	 * settled once the columns are known). */
	cell->span = cell->kind == CELL_FIELD ? 1 : 0;
	if (k.span && !form_read_count(p, k.span, "span", MAX_SPAN, &cell->span))
		ok = false;
	return ok;
}

static void add_cell(struct form_parser *p, yaml_node_t *node, struct form_row *row, size_t *cap, bool *sure)
{
	struct form_cell cell;
	if (!read_cell(p, node, &cell))
		*sure = false;
	if (cell.label)
		ARRAY_PUSH(row->cells, row->ncells, *cap, cell);
	else
		free_cell(&cell);
}

/* Every row written is kept, even one that is not a list of cells (then
 * empty), so that rows keep the numbers messages give them. */
static void read_row(struct form_parser *p, yaml_node_t *node, bool *sure)
{
	struct form_row row = {.line = form_file_line(p, node), .col = form_file_col(p, node)};
	size_t cap = 0;
	*sure = true;
	if (node->type == YAML_SEQUENCE_NODE) {
		if (!form_claim(p, node))
			*sure = false;
		else
			for (size_t i = 0; i < yaml_seq_size(node); i++)
				add_cell(p, yaml_seq_item(&p->yaml, node, i), &row, &cap, sure);
	} else if (node->type == YAML_MAPPING_NODE || yaml_is_plain_value(node)) {
		/* A row of one cell may be written without brackets: `- heading: 基本情况`. */
		add_cell(p, node, &row, &cap, sure);
	} else {
		form_report(p, RULE_FORM_SYNTAX, node, "row %zu is %s; expected a list of cells", p->form->nrows + 1,
		       yaml_kind_name(node));
		*sure = false;
	}
	ARRAY_PUSH(p->form->rows, p->form->nrows, p->rows_cap, row);
}

const char *form_type_name(enum cell_type type)
{
	return type_names[type];
}

int form_cell_columns(const struct form_cell *cell)
{
	return cell->kind == CELL_FIELD ? 1 + cell->span : cell->span;
}

static int row_columns(const struct form_row *row)
{
	int total = 0;
	for (size_t i = 0; i < row->ncells; i++)
		total += form_cell_columns(&row->cells[i]);
	return total;
}

/* "主送部门 1+1, 日期 1+2": how a row adds up, for the layout message. */
static char *row_sum(const struct form_row *row)
{
	struct buf sum = {0};
	for (size_t i = 0; i < row->ncells; i++) {
		const struct form_cell *cell = &row->cells[i];
		char *who = form_quote(cell->label);
		if (cell->kind == CELL_FIELD)
			buf_printf(&sum, "%s%s 1+%d", i ? ", " : "", who, cell->span);
		else
			buf_printf(&sum, "%s%s %d", i ? ", " : "", who, cell->span);
		free(who);
	}
	return buf_take(&sum);
}

/* Without `columns` the form is as wide as its widest row of fields. */
static void settle_columns(struct form_parser *p)
{
	struct form *form = p->form;
	if (!p->columns_given) {
		form->columns = 0;
		for (size_t r = 0; r < form->nrows; r++) {
			int width = row_columns(&form->rows[r]);
			if (width > form->columns)
				form->columns = width;
		}
		if (form->columns < 1)
			form->columns = 1;
	}
	for (size_t r = 0; r < form->nrows; r++)
		for (size_t c = 0; c < form->rows[r].ncells; c++)
			if (form->rows[r].cells[c].span == 0)
				form->rows[r].cells[c].span = form->columns;
}

static void check_layout(struct form_parser *p, const bool *sure)
{
	const struct form *form = p->form;
	for (size_t r = 0; r < form->nrows; r++) {
		const struct form_row *row = &form->rows[r];
		int width = row_columns(row);
		if (!sure[r] || width == form->columns)
			continue;
		char *sum = row_sum(row);
		diag_add(&p->doc->diags, RULE_FORM_LAYOUT, row->line, row->col,
			 "row %zu fills %d of %d columns%s%s%s; expected exactly %d", r + 1, width, form->columns,
			 row->ncells ? " (" : "", sum, row->ncells ? ")" : "", form->columns);
		free(sum);
	}
}

static void read_rows(struct form_parser *p, yaml_node_t *rows)
{
	if (rows->type != YAML_SEQUENCE_NODE) {
		form_report(p, RULE_FORM_SYNTAX, rows, "rows is %s; expected a list of rows, each a list of cells",
		       yaml_kind_name(rows));
		return;
	}
	size_t n = yaml_seq_size(rows);
	bool *sure = xcalloc(n + 1, sizeof *sure);
	for (size_t i = 0; i < n; i++)
		read_row(p, yaml_seq_item(&p->yaml, rows, i), &sure[i]);
	settle_columns(p);
	check_layout(p, sure);
	free(sure);
}

/* A form id names output files (forms/ID.html, and a hidden temporary
 * beside it while it is written), which must fit in 255 bytes. */
enum { FORM_ID_MAX_LENGTH = 100 };

static bool id_chars_valid(const char *id)
{
	if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
		return false;
	for (const char *s = id; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static bool id_is_valid(const char *id)
{
	return id_chars_valid(id) && strlen(id) <= FORM_ID_MAX_LENGTH;
}

static void read_id(struct form_parser *p, const yaml_node_t *key, yaml_node_t *value)
{
	struct form *form = p->form;
	form->id_line = form_file_line(p, key);
	form->id_col = form_file_col(p, key);
	form->id = form_read_words(p, value, "id");
	if (!form->id)
		return;
	form->id_line = form_file_line(p, value);
	form->id_col = form_file_col(p, value);
	form->id_valid = id_is_valid(form->id);
	if (!form->id_valid) {
		char *shown = yaml_shown(value);
		if (id_chars_valid(form->id))
			form_report(p, RULE_FORM_SYNTAX, value,
				    "form id %s is %zu characters long; expected at most %d, e.g. work-report", shown,
				    utf8_count(form->id, strlen(form->id)), FORM_ID_MAX_LENGTH);
		else
			form_report(p, RULE_FORM_SYNTAX, value,
				    "form id %s is not valid; expected lower-case letters, digits and hyphens, e.g. "
				    "work-report",
				    shown);
		free(shown);
	}
}

static void read_entry(struct form_parser *p, const yaml_node_t *key, yaml_node_t *value, yaml_node_t **rows)
{
	struct form *form = p->form;
	const char *name = yaml_scalar(key);
	if (strcmp(name, "id") == 0) {
		read_id(p, key, value);
	} else if (strcmp(name, "title") == 0) {
		form->title = form_read_words(p, value, "title");
		form->title_line = form_file_line(p, form->title ? value : key);
		form->title_col = form_file_col(p, form->title ? value : key);
	} else if (strcmp(name, "number") == 0) {
		form_read_bool(p, value, "number", &form->number);
	} else if (strcmp(name, "date") == 0) {
		form_read_bool(p, value, "date", &form->date);
	} else if (strcmp(name, "columns") == 0) {
		p->columns_given = form_read_count(p, value, "columns", MAX_COLUMNS, &form->columns);
	} else if (strcmp(name, "rows") == 0) {
		*rows = value;
	} else if (strcmp(name, "notes") == 0) {
		form->notes = form_read_word_list(p, value, "note", &form->nnotes);
	}
}

/* Reads the top-level mapping; false when the form lacks what it cannot do
 * without (id, title) and so cannot be used at all. */
static bool read_form(struct form_parser *p, yaml_node_t *root)
{
	if (!root || root->type != YAML_MAPPING_NODE) {
		form_report(p, RULE_FORM_SYNTAX, root, "form block holds %s; expected a mapping with id, title, columns and rows",
		       root ? yaml_kind_name(root) : "nothing");
		return false;
	}
	yaml_node_t *rows = NULL;
	const yaml_node_t *seen[sizeof form_keys / sizeof *form_keys] = {0};
	for (size_t i = 0; i < yaml_map_size(root); i++) {
		yaml_node_t *key, *value;
		if (yaml_map_entry(&p->yaml, root, i, &key, &value) && form_usable_key(p, key, form_keys, seen, "form") >= 0)
			read_entry(p, key, value, &rows);
	}
	if (!yaml_map_get(&p->yaml, root, "id", NULL))
		form_report(p, RULE_FORM_SYNTAX, NULL, "form has no id; expected e.g. id: work-report");
	if (!yaml_map_get(&p->yaml, root, "title", NULL))
		form_report(p, RULE_FORM_SYNTAX, NULL, "form has no title; expected e.g. title: 工作呈报");
	if (rows)
		read_rows(p, rows);
	else
		form_report(p, RULE_FORM_SYNTAX, NULL, "form has no rows; expected rows: a list of rows of cells");
	return p->form->id && p->form->title;
}

struct form *form_parse(struct document *doc, const char *yaml, size_t len, int first_line, int indent)
{
	struct form_parser p = {.doc = doc, .first_line = first_line, .indent = indent};
	p.form = xcalloc(1, sizeof *p.form);
	/* The fence is the line before the first content line. */
	p.form->line = first_line > 1 ? first_line - 1 : 1;
	p.form->col = indent + 1;
	p.form->columns = 1;
	struct yaml_error err;
	if (!yaml_load(&p.yaml, yaml, len, &err)) {
		int line = first_line + err.line - 1, col = err.col + form_line_shift(&p, line);
		if ((size_t)line == doc->nlines + 1) {
			/* The end of a block left open at the end of the file: libyaml
			 * points at the line after the last, which the file lacks. */
			size_t n;
			const char *last = document_line(doc, (int)doc->nlines, &n);
			line = (int)doc->nlines;
			col = (int)utf8_count(last, n) + 1;
		}
		diag_add(&doc->diags, RULE_FORM_SYNTAX, line, col, "form YAML does not parse: %s", err.problem);
		form_free(p.form);
		return NULL;
	}
	p.read = xcalloc((size_t)(p.yaml.nodes.top - p.yaml.nodes.start) + 1, sizeof *p.read);
	bool usable = read_form(&p, yaml_root(&p.yaml));
	free(p.read);
	yaml_unload(&p.yaml);
	if (!usable) {
		form_free(p.form);
		return NULL;
	}
	return p.form;
}

/* The rest of a block sized beforehand, handed out in order (form_compact). */
struct block_rest {
	char *at;
};

/* A copy of `size` bytes at `from` (NULL stays NULL), the original freed. */
static void *move_to_block(struct block_rest *rest, void *from, size_t size)
{
	if (from == NULL)
		return NULL;
	void *to = rest->at;
	memcpy(to, from, size);
	rest->at += size;
	free(from);
	return to;
}

static char *move_string(struct block_rest *rest, char *s)
{
	return s ? move_to_block(rest, s, strlen(s) + 1) : NULL;
}

static size_t string_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

void form_compact(struct form *form)
{
	if (form == NULL || form->compact_block != NULL)
		return;
	/* arrays first: their sizes are multiples of a pointer's, so each stays
	 * aligned as malloc aligned the block; the strings after them */
	size_t arrays = form->nrows * sizeof *form->rows + form->nnotes * sizeof *form->notes, strings = 0;
	for (size_t r = 0; r < form->nrows; r++) {
		arrays += form->rows[r].ncells * sizeof *form->rows[r].cells;
		for (size_t c = 0; c < form->rows[r].ncells; c++) {
			const struct form_cell *cell = &form->rows[r].cells[c];
			arrays += cell->noptions * sizeof *cell->options;
			strings += string_size(cell->label);
			for (size_t i = 0; i < cell->noptions; i++)
				strings += string_size(cell->options[i]);
		}
	}
	for (size_t i = 0; i < form->nnotes; i++)
		strings += string_size(form->notes[i]);
	char *block = xmalloc(arrays + strings + 1);
	struct block_rest array_rest = {block}, string_rest = {block + arrays};
	form->rows = move_to_block(&array_rest, form->rows, form->nrows * sizeof *form->rows);
	for (size_t r = 0; r < form->nrows; r++) {
		struct form_row *row = &form->rows[r];
		row->cells = move_to_block(&array_rest, row->cells, row->ncells * sizeof *row->cells);
		for (size_t c = 0; c < row->ncells; c++) {
			struct form_cell *cell = &row->cells[c];
			cell->label = move_string(&string_rest, cell->label);
			cell->options = move_to_block(&array_rest, cell->options, cell->noptions * sizeof *cell->options);
			for (size_t i = 0; i < cell->noptions; i++)
				cell->options[i] = move_string(&string_rest, cell->options[i]);
		}
	}
	form->notes = move_to_block(&array_rest, form->notes, form->nnotes * sizeof *form->notes);
	for (size_t i = 0; i < form->nnotes; i++)
		form->notes[i] = move_string(&string_rest, form->notes[i]);
	form->compact_block = block;
}

void form_free(struct form *form)
{
	if (!form)
		return;
	free(form->id);
	free(form->title);
	if (form->compact_block != NULL) {
		free(form->compact_block);
		free(form);
		return;
	}
	for (size_t r = 0; r < form->nrows; r++) {
		for (size_t c = 0; c < form->rows[r].ncells; c++)
			free_cell(&form->rows[r].cells[c]);
		free(form->rows[r].cells);
	}
	free(form->rows);
	for (size_t i = 0; i < form->nnotes; i++)
		free(form->notes[i]);
	free(form->notes);
	free(form);
}
