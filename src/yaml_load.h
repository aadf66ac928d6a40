/* yaml_load.h — libyaml's documents (yaml_document_t, composed here from
 * libyaml's parser events) and the helpers that read them, shared by the
 * front matter, the configuration and forms.
 *
 * Positions: libyaml's yaml_mark_t counts `column` (and `index`) in characters
 * — code points of the UTF-8 input — not bytes: for "标题: 值" the value's
 * start_mark.column is 4, not 8 (checked against libyaml 0.2.5). So a mark's
 * column + 1 is already the 1-based code-point column our diagnostics use, and
 * these helpers hand it on unchanged. Lines count from the start of the text
 * given to yaml_load; callers add their own offset (front matter starts on
 * line 2 of the file). libyaml also treats U+0085, U+2028 and U+2029 as line
 * breaks, so after one of those inside the YAML the line numbers run ahead of
 * the file's; such characters do not occur in sensible policy files. */
#ifndef POLICYC_YAML_LOAD_H
#define POLICYC_YAML_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

struct yaml_error {
	int line, col;      /* 1-based, relative to the text given; col in code points */
	char problem[256];  /* libyaml's words, e.g. "did not find expected key while
			       parsing a block mapping" */
	/* Where the construct being parsed began (the opening quote or bracket),
	 * when libyaml names one and it lies before the problem; else 0. */
	int context_line, context_col;
};

/* Parses one YAML document. Returns false on a syntax error (err filled, doc
 * left empty and needing no unload); on success the caller frees doc with
 * yaml_unload — not yaml_document_delete: the nodes are laid out by
 * yaml_load, in libyaml's types but not in its allocations, and carry no
 * tags (tag is NULL). Empty text (or only comments) gives an empty document
 * whose root is NULL. A second document in the text is a syntax error: every
 * YAML we read is a single value. */
bool yaml_load(yaml_document_t *doc, const char *text, size_t len, struct yaml_error *err);
/* Frees what yaml_load gave doc and empties it. */
void yaml_unload(yaml_document_t *doc);

/* The root node, or NULL for an empty document. */
yaml_node_t *yaml_root(yaml_document_t *doc);

/* Mappings: entries in the order written, duplicates kept. */
size_t yaml_map_size(const yaml_node_t *map);
/* Entry i of map (0-based): stores its key and value nodes; false past the end
 * or when map is not a mapping. */
bool yaml_map_entry(yaml_document_t *doc, const yaml_node_t *map, size_t i,
		    yaml_node_t **key, yaml_node_t **value);
/* The value of the first entry whose key is the scalar `name` (NULL: none);
 * stores that key's node in *key_node when key_node is not NULL. */
yaml_node_t *yaml_map_get(yaml_document_t *doc, const yaml_node_t *map, const char *name,
			  yaml_node_t **key_node);

/* For each entry i of map, the index of the first entry whose key has the
 * same scalar text (i itself when it is the first, or its key is not a
 * scalar): finds keys given twice in O(n log n). Caller frees; NULL for an
 * empty or non-mapping node. */
size_t *yaml_map_first_entries(yaml_document_t *doc, const yaml_node_t *map);

/* Sequences. */
size_t yaml_seq_size(const yaml_node_t *seq);
yaml_node_t *yaml_seq_item(yaml_document_t *doc, const yaml_node_t *seq, size_t i);

/* The text of a scalar (NUL-terminated; NULL when node is not a scalar). */
const char *yaml_scalar(const yaml_node_t *node);
/* True for a missing node and for the plain scalars "", ~, null, Null, NULL:
 * YAML's null. A quoted "" is a string, not null. */
bool yaml_is_null(const yaml_node_t *node);
/* True when node is a scalar YAML would resolve to a string or number, i.e. a
 * scalar that is not null and not a boolean. */
bool yaml_is_plain_value(const yaml_node_t *node);
/* True for the plain scalars true/false (any case form YAML 1.2 knows). */
bool yaml_is_bool(const yaml_node_t *node);

/* "a mapping", "a list", "a string", "null", … for messages. */
const char *yaml_kind_name(const yaml_node_t *node);

/* A scalar's text fit for a one-line message: control characters become
 * spaces and long text is cut (with "…"). For other nodes, their kind name.
 * Caller frees. */
char *yaml_shown(const yaml_node_t *node);

/* The entry of known[0..n) closest to key by edit distance (in code points,
 * a swap of two neighbours counting one), when close enough to be a likely
 * typo; NULL otherwise. For "did you mean …?" on unknown keys. */
const char *yaml_closest_key(const char *key, const char *const *known, size_t n);

/* 1-based line and code-point column of the node's start. */
int yaml_line(const yaml_node_t *node);
int yaml_col(const yaml_node_t *node);
#endif
