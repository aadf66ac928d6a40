/* frontmatter_values.h — shared by frontmatter.c (the block and its keys)
 * and frontmatter_values.c (the value each known key must hold). Private to
 * the two. */
#ifndef POLICYC_FRONTMATTER_VALUES_H
#define POLICYC_FRONTMATTER_VALUES_H

#include <stdbool.h>

#include "model.h"
#include "yaml_load.h"

struct fm {
	struct document *doc;
	yaml_document_t *yaml;
	int closing_line; /* the line of the closing --- */
};

/* A diagnostic at a node of the front matter, in file positions. */
void fm_report(struct fm *fm, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* null, "", [] or {}: a value left empty. */
bool fm_is_empty(const yaml_node_t *node);

/* Each checker sees a value that is not empty, reports frontmatter-type when
 * it has the wrong form and stores what it accepts in doc->meta. */
typedef void fm_check_fn(struct fm *fm, const char *key, const yaml_node_t *value);
fm_check_fn fm_check_title, fm_check_id, fm_check_version, fm_check_owner, fm_check_effective,
	fm_check_status, fm_check_scheme, fm_check_supersedes, fm_check_approved_by,
	fm_check_revisions, fm_check_tags;
#endif
