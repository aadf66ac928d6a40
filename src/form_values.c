/* form_values.c — reading single values of a form block: counts, words,
 * booleans, lists of words and keys, each reported at its file position. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_parser.h"
#include "model.h"
#include "util.h"
#include "yaml_load.h"

int form_file_line(const struct form_parser *p, const yaml_node_t *node)
{
	return p->first_line + yaml_line(node) - 1;
}

/* Byte offset of code point `index` of s[0..n), or n. */
static size_t byte_of_index(const char *s, size_t n, int index)
{
	size_t at = 0;
	for (int i = 0; i < index && at < n; i++) {
		uint32_t cp;
		size_t len = utf8_decode(s + at, n - at, &cp);
		at += len ? len : 1;
	}
	return at < n ? at : n;
}

int form_line_shift(const struct form_parser *p, int line)
{
	size_t n;
	const char *fence = document_line(p->doc, p->first_line - 1, &n);
	/* the spaces before the fence inside its container (a list item, a quote) */
	size_t at = byte_of_index(fence, n, p->indent);
	int fence_spaces = 0;
	while (at > 0 && fence[at - 1] == ' ' && fence_spaces < 3)
		at--, fence_spaces++;
	int container = p->indent - fence_spaces;
	const char *text = document_line(p->doc, line, &n);
	size_t from = byte_of_index(text, n, container);
	int spaces = 0;
	while (from + (size_t)spaces < n && text[from + (size_t)spaces] == ' ' && spaces < fence_spaces)
		spaces++;
	return container + spaces;
}

int form_file_col(const struct form_parser *p, const yaml_node_t *node)
{
	return yaml_col(node) + form_line_shift(p, form_file_line(p, node));
}

/* `at` NULL: the opening fence, for what is missing from the whole block. */
void form_report(struct form_parser *p, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	int line = at ? form_file_line(p, at) : p->form->line;
	int col = at ? form_file_col(p, at) : p->form->col;
	diag_add(&p->doc->diags, rule, line, col, "%s", message);
	free(message);
}

/* A node read a second time comes from a YAML alias. Forms do not allow
 * them: a few aliases of a long row could otherwise make one line of YAML
 * stand for millions of cells. Returns false (reported once a form) then. */
bool form_claim(struct form_parser *p, const yaml_node_t *node)
{
	size_t index = (size_t)(node - p->yaml.nodes.start);
	if (!p->read[index]) {
		p->read[index] = true;
		return true;
	}
	if (!p->alias_reported)
		form_report(p, RULE_FORM_SYNTAX, node,
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
char *form_suggestion(const char *const *words, const char *word)
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
char *form_quote(const char *text)
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
bool form_read_count(struct form_parser *p, const yaml_node_t *value, const char *what, int max, int *out)
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
		form_report(p, RULE_FORM_SYNTAX, value, "%s %s is too large; expected at most %d", what, shown, max);
	else if (text && !yaml_is_null(value))
		form_report(p, RULE_FORM_SYNTAX, value, "%s %s is not a positive whole number; expected 1 to %d",
		       what, shown, max);
	else
		form_report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected a whole number from 1 to %d", what, shown, max);
	free(shown);
	return false;
}

/* A non-empty string value (numbers are strings too: a label may be 2024). */
char *form_read_words(struct form_parser *p, const yaml_node_t *value, const char *what)
{
	const char *text = yaml_scalar(value);
	if (!yaml_is_plain_value(value)) {
		form_report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected text", what, yaml_kind_name(value));
		return NULL;
	}
	if (!form_claim(p, value))
		return NULL;
	if (!*text) {
		form_report(p, RULE_FORM_SYNTAX, value, "%s is empty; expected text", what);
		return NULL;
	}
	if (strlen(text) != value->data.scalar.length) {
		/* a quoted "\0": read as a C string it would end there, unseen */
		char *shown = yaml_shown(value);
		form_report(p, RULE_FORM_SYNTAX, value, "%s %s holds a NUL character (\\0); expected text", what, shown);
		free(shown);
		return NULL;
	}
	return xstrdup(text);
}

bool form_read_bool(struct form_parser *p, const yaml_node_t *value, const char *what, bool *out)
{
	if (!yaml_is_bool(value)) {
		char *shown = yaml_is_plain_value(value) ? yaml_shown(value) : xstrdup(yaml_kind_name(value));
		form_report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected true or false", what, shown);
		free(shown);
		return false;
	}
	*out = yaml_scalar(value)[0] == 't' || yaml_scalar(value)[0] == 'T';
	return true;
}

/* A list of strings, or one string standing for a list of one. */
char **form_read_word_list(struct form_parser *p, const yaml_node_t *value, const char *what, size_t *count)
{
	char **words = NULL;
	size_t n = 0, cap = 0;
	if (value->type == YAML_SCALAR_NODE) {
		char *one = form_read_words(p, value, what);
		if (one)
			ARRAY_PUSH(words, n, cap, one);
	} else if (value->type == YAML_SEQUENCE_NODE) {
		size_t size = form_claim(p, value) ? yaml_seq_size(value) : 0;
		for (size_t i = 0; i < size; i++) {
			char *word = form_read_words(p, yaml_seq_item(&p->yaml, value, i), what);
			if (word)
				ARRAY_PUSH(words, n, cap, word);
		}
	} else {
		form_report(p, RULE_FORM_SYNTAX, value, "%s is %s; expected a list of text", what, yaml_kind_name(value));
	}
	*count = n;
	return words;
}

/* Keys that are not scalars, unknown, or repeated: reported here once, so the
 * readers below only meet known keys, each once. `seen` holds the first key
 * node of each known key so far (one slot per entry of `known`). Returns the
 * key's index in `known`, or -1 for a key to skip. */
int form_usable_key(struct form_parser *p, const yaml_node_t *key, const char *const *known,
		      const yaml_node_t **seen, const char *where)
{
	const char *name = yaml_scalar(key);
	if (!name) {
		form_report(p, RULE_FORM_SYNTAX, key, "%s key is %s; expected a key name", where, yaml_kind_name(key));
		return -1;
	}
	int index = word_index(known, name);
	if (index < 0) {
		char *hint = form_suggestion(known, name);
		char *shown = yaml_shown(key);
		form_report(p, RULE_FORM_SYNTAX, key, "unknown %s key %s; %s", where, shown, hint);
		free(shown);
		free(hint);
		return -1;
	}
	if (seen[index]) {
		form_report(p, RULE_FORM_SYNTAX, key, "%s key %s is given twice; first on line %d", where, name,
		       form_file_line(p, seen[index]));
		return -1;
	}
	seen[index] = key;
	return index;
}

