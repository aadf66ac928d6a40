/* fuzz_common.h — what the harnesses share: the corpus checks of a
 * one-document corpus that the renderers depend on, and the configuration. */
#ifndef POLICYC_FUZZ_COMMON_H
#define POLICYC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "config.h"
#include "corpus.h"
#include "form.h"
#include "model.h"

/* corpus.c's resolve_titles, for a corpus of this one document: a 《title》
 * names the document itself or one of its forms, so the renderers meet
 * resolved links as they do in a real build. */
static inline void fuzz_resolve_titles(struct document *doc)
{
	for (size_t x = 0; x < doc->nxrefs; x++) {
		struct xref *ref = &doc->xrefs[x];
		if (ref->kind != XREF_TITLE || ref->title == NULL)
			continue;
		if (doc->meta.title && strcmp(doc->meta.title, ref->title) == 0) {
			ref->target_doc = doc;
			continue;
		}
		for (size_t f = 0; f < doc->nforms; f++)
			if (doc->forms[f] && doc->forms[f]->title && strcmp(doc->forms[f]->title, ref->title) == 0) {
				ref->target_form = doc->forms[f];
				break;
			}
	}
	diags_sort(&doc->diags);
}

/* One configuration per run, default but for per-chapter article numbering,
 * which the harnesses flip on the input's length so both ways get fuzzed. */
static inline const struct config *fuzz_config(size_t len)
{
	static struct config *flat, *per_chapter;
	if (flat == NULL) {
		cmark_gfm_core_extensions_ensure_registered();
		flat = config_default();
		per_chapter = config_default();
		per_chapter->article_per_chapter = true;
	}
	return len % 2 ? per_chapter : flat;
}
#endif
