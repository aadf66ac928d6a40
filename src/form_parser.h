/* form_parser.h — what form.c and form_values.c share while reading one
 * form block: the parser's state and the readers of single values. Internal
 * to the form reader; everything else uses form.h. */
#ifndef POLICYC_FORM_PARSER_H
#define POLICYC_FORM_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "form.h"
#include "rules.h"

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

/* Positions in the policy file of a node of the block's YAML. */
int form_file_line(const struct form_parser *p, const yaml_node_t *node);
int form_file_col(const struct form_parser *p, const yaml_node_t *node);
/* Code points before the block's content on file line `line`: the fence's
 * column less one, but a content line indented less than an indented fence
 * loses only the spaces it has (CommonMark). */
int form_line_shift(const struct form_parser *p, int line);
/* Reports at the node's position; `at` NULL: at the opening fence. */
void form_report(struct form_parser *p, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "did you mean columns?", or the list of known words. Caller frees. */
char *form_suggestion(const char *const *words, const char *word);
/* Words of a label or fixed text, shortened for a message. Caller frees. */
char *form_quote(const char *text);

/* False (reported once a form) for a node read before: a YAML alias. */
bool form_claim(struct form_parser *p, const yaml_node_t *node);
/* The readers of values report what is wrong and return false or NULL. */
bool form_read_count(struct form_parser *p, const yaml_node_t *value, const char *what, int max, int *out);
char *form_read_words(struct form_parser *p, const yaml_node_t *value, const char *what);
bool form_read_bool(struct form_parser *p, const yaml_node_t *value, const char *what, bool *out);
char **form_read_word_list(struct form_parser *p, const yaml_node_t *value, const char *what, size_t *count);
/* Index of key in known, or -1 (reported) for a key that is not a scalar,
 * unknown, or repeated; seen[] holds the first key node of each known key. */
int form_usable_key(struct form_parser *p, const yaml_node_t *key, const char *const *known, const yaml_node_t **seen,
	       const char *where);
#endif
