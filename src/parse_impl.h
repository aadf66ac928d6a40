/* parse_impl.h — the parts of parse.c: the builder that walks cmark's
 * blocks in document order, shared with parse_list.c (lists, list items and
 * the lines of a paragraph that are items). The shape of the tree they build
 * is described at the top of parse.c. */
#ifndef POLICYC_PARSE_IMPL_H
#define POLICYC_PARSE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "markers.h"
#include "model.h"
#include "parse_inline.h"

/* Headings reported at one wrong level, for the count of the others
 * (parse_levels.c). */
struct level_group {
	enum level level;
	int written, expected;
	size_t diag_index;
	size_t others;
};
#define LEVEL_GROUPS_MAX 8

/* The marker at the start of a top-level heading or paragraph of levels
 * chapter to article, read first by last_structure and used again by the
 * walk (parse.c: known_marker). */
struct first_marker {
	cmark_node *block;
	bool marked;
	struct marker_match m;
	cmark_node *holder;
};

struct builder {
	struct document *doc;
	const struct scheme_syntax *syntax;
	struct pnode *root, *chapter, *section, *article, *attachment;
	struct pnode *paragraph, *item, *subitem, *subsubitem;
	int list_depth;              /* structural list items being walked */
	struct pnode **frames;       /* their nodes, innermost last */
	size_t nframes, frames_cap;
	cmark_node *taken;           /* a list item's first paragraph, already made its node */
	int top_article_level;       /* heading level of articles outside chapters, once seen */
	struct level_group level_groups[LEVEL_GROUPS_MAX];
	size_t nlevel_groups;
	cmark_node *last_structure;  /* attachment headings count only after this block */
	bool attachments_open;
	struct pnode *clauses[MARKER_MAX_DEPTH + 1]; /* decimal: open clause of each depth */
	struct first_marker *first_markers;          /* in document order */
	size_t nfirst_markers, first_markers_cap, first_markers_seen;
	bool structure_forms_first;  /* the syntax lists the forms of chapter to article first */
	struct segments segs;        /* the paragraph being taken's, its buffer reused by the next */
};

/* parse.c */
/* A node of the provision tree, in the document's arena, the last child of
 * `parent`. */
struct pnode *node_new(struct builder *b, struct pnode *parent, enum level level, cmark_node *block, int line,
		       int col);
/* The 款 that items belong to: the current one, or one without text made
 * for items that follow a heading directly. */
struct pnode *current_paragraph(struct builder *b, cmark_node *block, int line, int col);
/* A node for the marker `m` held by text node `holder` of `block`. */
struct pnode *marker_node(struct builder *b, struct pnode *parent, cmark_node *block, cmark_node *holder,
			  const struct marker_match *m, bool first_line);
/* Where an article goes: under its section or chapter. */
struct pnode *article_parent(const struct builder *b);
/* Makes `node` the current article (decimal: of depth `depth`). */
void open_article(struct builder *b, struct pnode *node, int depth);
/* Nodes for the marked lines segs[1..n) of paragraph `para`; `owner` is the
 * node whose text segs[0] is (NULL: none), which a line that is no marker
 * after all continues. */
void take_lines(struct builder *b, cmark_node *para, const struct segment *segs, size_t n, struct pnode *owner);

/* parse_levels.c: heading-level */
/* Checks the heading level of a section or article (chapters wait for
 * check_chapter_levels). */
void check_heading_level(struct builder *b, const struct pnode *node, const char *name);
/* Checks the levels of all chapters, once the walk is done. */
void check_chapter_levels(struct builder *b);
/* Adds to each heading-level diagnostic the count of the headings like it. */
void level_groups_close(struct builder *b);

/* parse_scheme.c */
/* A document with no markers of its own scheme whose markers plainly belong
 * to another gets one heading-level warning naming that scheme. */
void check_scheme_fit(struct document *doc);

/* parse_list.c */
/* An item, sub-item or sub-sub-item for a marked segment of a paragraph,
 * whose node takes `block` (the paragraph, or the list item around it). */
struct pnode *list_level_node(struct builder *b, cmark_node *block, const struct segment *seg, cmark_node *stop);
/* Whether a list is walked as structure (its items are nodes) or kept whole. */
bool list_is_structure(const struct builder *b, cmark_node *list);
/* A list item of a structure list; its frame is popped when the walk leaves it. */
void take_list_item(struct builder *b, cmark_node *item);
#endif
