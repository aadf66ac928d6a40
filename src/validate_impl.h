/* validate_impl.h — the parts of validate.c: the numbering checks
 * (validate_numbering.c) and the small tree helpers both halves use. */
#ifndef POLICYC_VALIDATE_IMPL_H
#define POLICYC_VALIDATE_IMPL_H

#include <stddef.h>

#include "markers.h"
#include "model.h"

struct node_list {
	const struct pnode **v;
	size_t n, cap;
};

/* The node after `node` in pre-order within the subtree at `top`, or NULL. */
const struct pnode *validate_next(const struct pnode *node, const struct pnode *top);

/* Fills `list` with the children of `parent` at `level`. */
void list_children(struct node_list *list, const struct pnode *parent, enum level level);

/* Chapter, section, article, clause and item numbers (SPEC §2, §4): each
 * mistake once, resynchronising after it. */
void check_numbering(struct document *doc, const struct scheme_syntax *syntax);
#endif
