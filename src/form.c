/* form.c — reads the YAML of a ```form block into struct form (SPEC §8,
 * docs/forms.md) and reports form-syntax and form-layout at file positions.
 *
 * One mistake gives one diagnostic: a value that is wrong falls back to its
 * default, and a row holding such a value is left out of the layout check so
 * that a bad span is not reported a second time as a row that does not fit. */
#include "form.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"
#include "yaml_load.h"

/* Larger values are typing mistakes, and would only make absurd pages. */
enum { MAX_COLUMNS = 50, MAX_SPAN = 50, MAX_LINES = 100 };

static const char *const form_keys[] = {"id", "title", "number", "date", "columns", "rows", "notes", NULL};
static const char *const cell_keys[] = {"label", "text", "heading", "type", "span", "lines", "options", NULL};
static const char *const type_names[] = {"text", "date", "signature", "checkbox", "number", NULL};

struct form_parser {
	struct document *doc;
	yaml_document_t yaml;
	int first_line, indent;
	struct form *form;
	bool columns_given;
	size_t rows_cap;
	bool *read;            /* per YAML node: already read once */
	bool alias_reported;
};

static int file_line(const struct form_parser *p, const yaml_node_t *node)
{
	return p->first_line + yaml_line(node) - 1;
}

static int file_col(const struct form_parser *p, const yaml_node_t *node)
{
	return yaml_col(node) + p->indent;
}

static void report(struct form_parser *p, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* `at` NULL: the opening fence, for what is missing from the whole block. */
static void report(struct form_parser *p, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	int line = at ? file_line(p, at) : p->form->line;
	int col = at ? file_col(p, at) : p->form->col;
	diag_add(&p->doc->diags, rule, line, col, "%s", message);
	free(message);
}

static int word_index(const char *const *words, const char *word)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

/* A node read a second time comes from a YAML alias. Forms do not allow
 * them: a few aliases of a long row could otherwise make one line of YAML
 * stand for millions of cells. Returns false (reported once a form) then. */
static bool claim(struct form_parser *p, const yaml_node_t *node)
{
	size_t index = (size_t)(node - p->yaml.nodes.start);
	if (!p->read[index]) {
		p->read[index] = true;
		return true;
	}
	if (!p->alias_reported)
		report(p, RULE_FORM_SYNTAX, node,
		       "this part of the form is repeated through a YAML alias; expected every row and cell written out");
	p->alias_reported = true;
	return false;
}

static size_t word_count(const char *const *words)
{
	size_t n = 0;
	while (words[n])
		n++;
	return n;
}

/* "did you mean columns?" when a known word is close; otherwise the whole list. */
static char *suggestion(const char *const *words, const char *word)
{
	const char *closest = yaml_closest_key(word, words, word_count(words));
	if (closest)
		return xasprintf("did you mean %s?", closest);
	struct buf list = {0};
	buf_puts(&list, "expected one of ");
	for (size_t i = 0; words[i]; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", words[i]);
	return buf_take(&list);
}

/* Words of a label or fixed text for a one-line message: cut after a few
 * characters, control characters as spaces. */
static char *quote_for_message(const char *text)
{
	enum { KEEP = 12 };
	struct buf out = {0};
	size_t n = strlen(text), at = 0;
	for (int kept = 0; at < n; kept++) {
		if (kept == KEEP) {
			buf_puts(&out, "…");
			break;
		}
		uint32_t cp;
		size_t step = utf8_decode(text + at, n - at, &cp);
		if (step == 0 || cp < 0x20 || cp == 0x7F)
			buf_putc(&out, ' ');
		else
			buf_put(&out, text + at, step);
		at += step ? step : 1;
	}
	return buf_take(&out);
}

/* A whole number in 1..max written as a plain scalar; false (reported) otherwise. */
static bool read_count(struct form_parser *p, const yaml_node_t *value, const char *what, int max, int *out)
{
	const char *text = yaml_scalar(value);
	bool digits = text && yaml_is_plain_value(value) && *text;
	long n = 0;
	for (const char *s = text; digits && *s; s++) {
		if (*s < '0' || *s > '9')
			digits = false;
		else if (n <= max)
			n = n * 10 + (*s - '0');
	}
	if (digits && n >= 1 && n <= max) {
		*out = (int)n;
		return true;
	}
	char *shown = yaml_shown(value);
	if (digits && n > max)
		report(p, RULE_FORM_SYNTAX, value, "%s %s is too large; expected at most %d", what, shown, max);
	else if (text && !yaml_is_null(value))
		report(p, RULE_FORM_SYNTAX, value, "%s %s is not a positive whole number; expected 1 to %d",
		       what, shown, max);
	else
		report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected a whole number from 1 to %d", what, shown, max);
	free(shown);
	return false;
}

/* A non-empty string value (numbers are strings too: a label may be 2024). */
static char *read_words(struct form_parser *p, const yaml_node_t *value, const char *what)
{
	const char *text = yaml_scalar(value);
	if (!yaml_is_plain_value(value)) {
		report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected text", what, yaml_kind_name(value));
		return NULL;
	}
	if (!claim(p, value))
		return NULL;
	if (!*text) {
		report(p, RULE_FORM_SYNTAX, value, "%s is empty; expected text", what);
		return NULL;
	}
	return xstrdup(text);
}

static bool read_bool(struct form_parser *p, const yaml_node_t *value, const char *what, bool *out)
{
	if (!yaml_is_bool(value)) {
		char *shown = yaml_is_plain_value(value) ? yaml_shown(value) : xstrdup(yaml_kind_name(value));
		report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected true or false", what, shown);
		free(shown);
		return false;
	}
	*out = yaml_scalar(value)[0] == 't' || yaml_scalar(value)[0] == 'T';
	return true;
}

/* A list of strings, or one string standing for a list of one. */
static char **read_word_list(struct form_parser *p, const yaml_node_t *value, const char *what, size_t *count)
{
	char **words = NULL;
	size_t n = 0, cap = 0;
	if (value->type == YAML_SCALAR_NODE) {
		char *one = read_words(p, value, what);
		if (one)
			ARRAY_PUSH(words, n, cap, one);
	} else if (value->type == YAML_SEQUENCE_NODE) {
		size_t size = claim(p, value) ? yaml_seq_size(value) : 0;
		for (size_t i = 0; i < size; i++) {
			char *word = read_words(p, yaml_seq_item(&p->yaml, value, i), what);
			if (word)
				ARRAY_PUSH(words, n, cap, word);
		}
	} else {
		report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected a list of text", what, yaml_kind_name(value));
	}
	*count = n;
	return words;
}

/* Keys that are not scalars, unknown, or repeated: reported here once, so the
 * readers below only meet known keys, each once. `seen` holds the first key
 * node of each known key so far (one slot per entry of `known`). Returns the
 * key's index in `known`, or -1 for a key to skip. */
static int usable_key(struct form_parser *p, const yaml_node_t *key, const char *const *known,
		      const yaml_node_t **seen, const char *where)
{
	const char *name = yaml_scalar(key);
	if (!name) {
		report(p, RULE_FORM_SYNTAX, key, "%s key is %s; expected a key name", where, yaml_kind_name(key));
		return -1;
	}
	int index = word_index(known, name);
	if (index < 0) {
		char *hint = suggestion(known, name);
		char *shown = yaml_shown(key);
		report(p, RULE_FORM_SYNTAX, key, "unknown %s key %s; %s", where, shown, hint);
		free(shown);
		free(hint);
		return -1;
	}
	if (seen[index]) {
		report(p, RULE_FORM_SYNTAX, key, "%s key %s is given twice; first on line %d", where, name,
		       file_line(p, seen[index]));
		return -1;
	}
	seen[index] = key;
	return index;
}

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
			report(p, RULE_FORM_SYNTAX, keys[i], "cell has both %s and %s; expected only one of label, text, heading",
			       names[found], names[i]);
			return false;
		}
		found = i;
	}
	if (found < 0) {
		report(p, RULE_FORM_SYNTAX, node, "cell has no label; expected label, text or heading");
		return false;
	}
	cell->kind = kinds[found];
	cell->label = read_words(p, given[found], names[found]);
	return cell->label != NULL;
}

/* The keys a cell of its kind may not have. */
static bool check_cell_keys_fit(struct form_parser *p, const struct cell_keys *k, struct form_cell *cell)
{
	char *who = quote_for_message(cell->label);
	bool ok = true;
	if (cell->kind == CELL_HEADING && (k->type || k->lines || k->options)) {
		const char *extra = k->type ? "type" : k->lines ? "lines" : "options";
		report(p, RULE_FORM_SYNTAX, key_of(k, extra), "heading %s has %s; a heading takes only span", who, extra);
		ok = false;
	} else if (k->options && cell->type != CELL_CHECKBOX) {
		report(p, RULE_FORM_SYNTAX, key_of(k, "options"), "options given for %s of type %s; options belong to type checkbox",
		       who, type_names[cell->type]);
		ok = false;
	} else if (!k->options && cell->type == CELL_CHECKBOX) {
		report(p, RULE_FORM_SYNTAX, k->type, "checkbox %s has no options; expected e.g. options: [同意, 不同意]", who);
		ok = false;
	}
	free(who);
	return ok;
}

/* Reads one cell; false when anything in it was wrong, so that the width of
 * its row is not known for certain. */
static bool read_cell(struct form_parser *p, yaml_node_t *node, struct form_cell *cell)
{
	memset(cell, 0, sizeof *cell);
	cell->line = file_line(p, node);
	cell->col = file_col(p, node);
	cell->span = 1;
	if (node->type == YAML_SCALAR_NODE) {
		/* read_words claims the scalar. */
		cell->kind = CELL_FIELD;
		cell->label = read_words(p, node, "cell");
		cell->lines = 1;
		return cell->label != NULL;
	}
	if (node->type != YAML_MAPPING_NODE) {
		report(p, RULE_FORM_SYNTAX, node, "cell is %s; expected a mapping such as {label: 主题, span: 3}",
		       yaml_kind_name(node));
		return false;
	}
	if (!claim(p, node))
		return false;
	struct cell_keys k = {0};
	yaml_node_t **slots[] = {&k.label, &k.text, &k.heading, &k.type, &k.span, &k.lines, &k.options};
	bool keys_ok = true;
	for (size_t i = 0; i < yaml_map_size(node); i++) {
		yaml_node_t *key, *value;
		if (!yaml_map_entry(&p->yaml, node, i, &key, &value))
			continue;
		int slot = usable_key(p, key, cell_keys, k.key, "cell");
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
			char *hint = suggestion(type_names, name ? name : "");
			char *shown = yaml_shown(k.type);
			report(p, RULE_FORM_SYNTAX, k.type, "unknown cell type %s; %s", shown, hint);
			free(shown);
			free(hint);
			ok = false;
		}
	}
	if (ok && !check_cell_keys_fit(p, &k, cell))
		ok = false;
	if (k.options && cell->type == CELL_CHECKBOX) {
		cell->options = read_word_list(p, k.options, "option", &cell->noptions);
		if (k.options->type == YAML_SEQUENCE_NODE && yaml_seq_size(k.options) == 0) {
			report(p, RULE_FORM_SYNTAX, k.options, "options is an empty list; expected e.g. [同意, 不同意]");
			ok = false;
		}
	}
	cell->lines = cell->kind == CELL_FIELD ? 1 : 0;
	if (k.lines && !read_count(p, k.lines, "lines", MAX_LINES, &cell->lines))
		ok = false;
	/* Fixed text and headings are full width unless they say otherwise (0 here,
	 * settled once the columns are known). */
	cell->span = cell->kind == CELL_FIELD ? 1 : 0;
	if (k.span && !read_count(p, k.span, "span", MAX_SPAN, &cell->span))
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
	struct form_row row = {.line = file_line(p, node), .col = file_col(p, node)};
	size_t cap = 0;
	*sure = true;
	if (node->type == YAML_SEQUENCE_NODE) {
		if (!claim(p, node))
			*sure = false;
		else
			for (size_t i = 0; i < yaml_seq_size(node); i++)
				add_cell(p, yaml_seq_item(&p->yaml, node, i), &row, &cap, sure);
	} else if (node->type == YAML_MAPPING_NODE || yaml_is_plain_value(node)) {
		/* A row of one cell may be written without brackets: `- heading: 基本情况`. */
		add_cell(p, node, &row, &cap, sure);
	} else {
		report(p, RULE_FORM_SYNTAX, node, "row %zu is %s; expected a list of cells", p->form->nrows + 1,
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
		char *who = quote_for_message(cell->label);
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
		report(p, RULE_FORM_SYNTAX, rows, "rows is %s; expected a list of rows, each a list of cells",
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

static bool id_is_valid(const char *id)
{
	if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
		return false;
	for (const char *s = id; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static void read_id(struct form_parser *p, const yaml_node_t *key, yaml_node_t *value)
{
	struct form *form = p->form;
	form->id_line = file_line(p, key);
	form->id_col = file_col(p, key);
	form->id = read_words(p, value, "id");
	if (!form->id)
		return;
	form->id_line = file_line(p, value);
	form->id_col = file_col(p, value);
	form->id_valid = id_is_valid(form->id);
	if (!form->id_valid) {
		char *shown = yaml_shown(value);
		report(p, RULE_FORM_SYNTAX, value,
		       "form id %s is not valid; expected lower-case letters, digits and hyphens, e.g. work-report",
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
		form->title = read_words(p, value, "title");
		form->title_line = file_line(p, form->title ? value : key);
		form->title_col = file_col(p, form->title ? value : key);
	} else if (strcmp(name, "number") == 0) {
		read_bool(p, value, "number", &form->number);
	} else if (strcmp(name, "date") == 0) {
		read_bool(p, value, "date", &form->date);
	} else if (strcmp(name, "columns") == 0) {
		p->columns_given = read_count(p, value, "columns", MAX_COLUMNS, &form->columns);
	} else if (strcmp(name, "rows") == 0) {
		*rows = value;
	} else if (strcmp(name, "notes") == 0) {
		form->notes = read_word_list(p, value, "note", &form->nnotes);
	}
}

/* Reads the top-level mapping; false when the form lacks what it cannot do
 * without (id, title) and so cannot be used at all. */
static bool read_form(struct form_parser *p, yaml_node_t *root)
{
	if (!root || root->type != YAML_MAPPING_NODE) {
		report(p, RULE_FORM_SYNTAX, root, "form block holds %s; expected a mapping with id, title, columns and rows",
		       root ? yaml_kind_name(root) : "nothing");
		return false;
	}
	yaml_node_t *rows = NULL;
	const yaml_node_t *seen[sizeof form_keys / sizeof *form_keys] = {0};
	for (size_t i = 0; i < yaml_map_size(root); i++) {
		yaml_node_t *key, *value;
		if (yaml_map_entry(&p->yaml, root, i, &key, &value) && usable_key(p, key, form_keys, seen, "form") >= 0)
			read_entry(p, key, value, &rows);
	}
	if (!yaml_map_get(&p->yaml, root, "id", NULL))
		report(p, RULE_FORM_SYNTAX, NULL, "form has no id; expected e.g. id: work-report");
	if (!yaml_map_get(&p->yaml, root, "title", NULL))
		report(p, RULE_FORM_SYNTAX, NULL, "form has no title; expected e.g. title: 工作呈报");
	if (rows)
		read_rows(p, rows);
	else
		report(p, RULE_FORM_SYNTAX, NULL, "form has no rows; expected rows: a list of rows of cells");
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
		diag_add(&doc->diags, RULE_FORM_SYNTAX, first_line + err.line - 1, err.col + indent,
			 "form YAML does not parse: %s", err.problem);
		form_free(p.form);
		return NULL;
	}
	p.read = xcalloc((size_t)(p.yaml.nodes.top - p.yaml.nodes.start) + 1, sizeof *p.read);
	bool usable = read_form(&p, yaml_root(&p.yaml));
	free(p.read);
	yaml_document_delete(&p.yaml);
	if (!usable) {
		form_free(p.form);
		return NULL;
	}
	return p.form;
}

void form_free(struct form *form)
{
	if (!form)
		return;
	free(form->id);
	free(form->title);
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
