/* STUB: replaced by its owner. */
#include "model.h"
#include <stdlib.h>
void frontmatter_check(struct document *doc) { (void)doc; }
