/* fuzz_common.h — what the harnesses share: the corpus checks of a
 * one-document corpus that the renderers depend on, and the configuration. */
#ifndef POLICYC_FUZZ_COMMON_H
#define POLICYC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "config.h"
#include "corpus.h"
#include "form.h"
#include "model.h"
#include "util.h"

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

/* Eight configurations, chosen by the input's length so that the fuzzer
 * reaches each by adding or removing bytes: the default numbering scheme (for
 * documents that set none) from bits 4-5 — so every scheme of SPEC §4 is
 * fuzzed without the input having to spell `scheme:` — and per-chapter
 * article numbering from bit 0, so both ways of resolving references get
 * fuzzed. */
static inline const struct config *fuzz_config(size_t len)
{
	static struct config *configs[SCHEME_COUNT][2];
	if (configs[0][0] == NULL) {
		cmark_gfm_core_extensions_ensure_registered();
		for (int scheme = 0; scheme < SCHEME_COUNT; scheme++)
			for (int per_chapter = 0; per_chapter < 2; per_chapter++) {
				struct config *config = config_default();
				config->scheme = (enum scheme)scheme;
				config->article_per_chapter = per_chapter;
				configs[scheme][per_chapter] = config;
			}
	}
	return configs[len / 16 % SCHEME_COUNT][len % 2];
}
/* Every diagnostic stands inside the file — on one of its lines, at a column
 * no further than one past that line's end — since editors jump to it
 * (SPEC §2); abort() otherwise. */
static inline void fuzz_check_positions(const struct document *doc)
{
	for (size_t i = 0; i < doc->diags.n; i++) {
		const struct diag *d = &doc->diags.v[i];
		size_t n = 0;
		if (d->line >= 1 && (size_t)d->line <= doc->nlines)
			n = utf8_count(document_line(doc, d->line, &n), n);
		if (d->line < 1 || (size_t)d->line > doc->nlines || d->col < 1 || (size_t)d->col > n + 1) {
			fprintf(stderr, "diagnostic outside the file (%zu lines; line %d has %zu code points): %d:%d: %s [%s]\n",
				doc->nlines, d->line, n, d->line, d->col, d->message, rule_table[d->rule].id);
			abort();
		}
	}
}
#endif
