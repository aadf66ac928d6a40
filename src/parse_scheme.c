/* parse_scheme.c — a document written in another scheme than its own
 * (SPEC §4): a default `articles` document with no 第N条 but headings 一、
 * 二、, say, is reported once, at its first such marker, with the scheme its
 * markers belong to (rule heading-level: its markers do not fit the
 * structure of its scheme).
 *
 * A scheme's markers count where they are plain: at the start of a
 * top-level heading or paragraph, or of a line of one, in their standard
 * form (decimal's 4.1积极工作 counts too, as 营销管理制度 writes all its
 * clauses so; a 1、 or 8 . does not, as every scheme's lists have them).
 * Only markers that no other scheme writes tell a scheme: outline by its
 * 一、 alone, as its （一） and 1. are the items of `articles`. */
#include "parse_impl.h"

#include <stdint.h>
#include <stdlib.h>

#include "util.h"

/* Two markers are a pattern; one may be a sentence that happens to begin so. */
#define SCHEME_FIT_MIN 2

struct marker_count {
	size_t count;
	int line, col; /* the first marker's position */
};

/* The levels whose markers tell `scheme` from the others. */
static enum level telling_level(enum scheme scheme)
{
	return scheme == SCHEME_OUTLINE ? LV_CHAPTER : LV_ARTICLE;
}

static bool plain_marker(const struct marker_match *m)
{
	return m->loose == LOOSE_NONE || m->loose == LOOSE_TIGHT;
}

static void count_marker(const struct document *doc, cmark_node *block, cmark_node *holder,
			 const struct marker_match *m, bool first_line, struct marker_count *c)
{
	if (!plain_marker(m))
		return;
	if (c->count++ == 0) {
		const char *marker = cmark_node_get_literal(holder) + m->lead;
		marker_position(doc, block, holder, marker, m->len, first_line, &c->line, &c->col);
	}
}

/* The plain markers of `syntax` with levels up to `hi` in the document's
 * top-level headings and paragraphs, counted up to `most`. */
static struct marker_count count_markers(const struct document *doc, const struct scheme_syntax *syntax,
					 enum level hi, size_t most)
{
	struct marker_count c = {0, 1, 1};
	struct segments segs = {0};
	for (cmark_node *block = cmark_node_first_child(doc->md); block && c.count < most;
	     block = cmark_node_next(block)) {
		cmark_node_type type = cmark_node_get_type(block);
		struct marker_match m;
		cmark_node *holder;
		if (type == CMARK_NODE_HEADING) {
			if (inline_marker(syntax, cmark_node_first_child(block), PLACE_HEADING, LV_CHAPTER, hi, &m,
					  &holder))
				count_marker(doc, block, holder, &m, true, &c);
		} else if (type == CMARK_NODE_PARAGRAPH) {
			paragraph_segments(syntax, block, PLACE_PARAGRAPH, LV_CHAPTER, hi, &segs);
			for (size_t i = 0; i < segs.n; i++)
				if (segs.v[i].marked && segs.v[i].m.form->level <= hi)
					count_marker(doc, block, segs.v[i].holder, &segs.v[i].m, i == 0, &c);
		}
	}
	free(segs.v);
	return c;
}

/* What a document of `scheme` lacks, in the message. */
static const char *missing_markers(enum scheme scheme)
{
	switch (scheme) {
	case SCHEME_OUTLINE:
		return "一、 headings";
	case SCHEME_DECIMAL:
		return "1 or 1.1 clauses";
	case SCHEME_EN:
		return "Chapter or Article markers";
	default:
		return "第N章 chapters or 第N条 articles";
	}
}

void check_scheme_fit(struct document *doc)
{
	enum scheme own = doc->meta.scheme;
	const struct scheme_syntax *syntax = scheme_syntax(own);
	/* The own scheme's outline levels 一、 and （一） both say it is there. */
	if (!syntax || !doc->md ||
	    count_markers(doc, syntax, own == SCHEME_OUTLINE ? LV_SECTION : LV_ARTICLE, 1).count > 0)
		return;
	struct marker_count best = {0, 1, 1};
	enum scheme like = SCHEME_COUNT;
	for (int s = 0; s < SCHEME_COUNT; s++) {
		if ((enum scheme)s == own)
			continue;
		struct marker_count c =
			count_markers(doc, scheme_syntax((enum scheme)s), telling_level((enum scheme)s), SIZE_MAX);
		if (c.count >= SCHEME_FIT_MIN && c.count > best.count) {
			best = c;
			like = (enum scheme)s;
		}
	}
	if (like == SCHEME_COUNT)
		return;
	diag_add(&doc->diags, RULE_HEADING_LEVEL, best.line, best.col,
		 "document has no %s but its markers look like scheme \"%s\" (%zu of them); expected "
		 "\"scheme: %s\" in the front matter",
		 missing_markers(own), scheme_name(like), best.count, scheme_name(like));
}
