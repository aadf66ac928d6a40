/* parse.c — the provision tree (model.h) from cmark-gfm's block tree.
 *
 * The shape of the tree, which the renderers and xref.c rely on:
 *
 *   LV_DOCUMENT
 *     preamble: LV_PARAGRAPH / LV_BLOCK
 *     LV_CHAPTER (heading; title)
 *       LV_PARAGRAPH / LV_BLOCK        text between the heading and the first article
 *       LV_SECTION (heading; title) → LV_ARTICLE …
 *       LV_ARTICLE
 *         LV_PARAGRAPH  款 1, 2, …     items and sub-items are its children
 *           LV_ITEM → LV_SUBITEM → LV_SUBSUBITEM, LV_BLOCK at any depth
 *     LV_ATTACHMENT (heading; title) → LV_PARAGRAPH / items / LV_BLOCK
 *
 * - An article written as a paragraph owns that paragraph's text after the
 *   marker; its first LV_PARAGRAPH child has the same block but no text
 *   (text NULL), so that no text belongs to two nodes. A heading article's
 *   own text is its title; its first 款 is the first paragraph under it.
 * - Items directly under a heading get an LV_PARAGRAPH without text (block:
 *   the first item's block) to belong to, as items always belong to a 款.
 * - Items, sub-items and sub-sub-items are paragraphs, list items (block: the
 *   list item; the own text is its first paragraph) or lines of a paragraph
 *   (block: the paragraph, text from the line's first inline, stop at the
 *   break before the next marked line).
 * - Any other block is an LV_BLOCK child of the innermost current node.
 * - `number` is 0 with a marker set when the number cannot be read (not a
 *   numeral, zero, too large); validate.c reports it.
 *
 * The other schemes (markers.c) map their markers onto the same levels, so
 * the renderers and xref.c need to know little about them:
 *
 *   outline   一、 LV_CHAPTER, （一） LV_SECTION, 1. / 1、 / 1． and an ordered
 *             list item LV_ARTICLE, （1） LV_ITEM. Levels 1 to 3 are headings
 *             or paragraphs, levels 3 and 4 also lines of a paragraph (as
 *             items are: block the paragraph, text from the line to the next
 *             marked line). A level 1 or 2 paragraph's text is its node's
 *             title and own text (一、严格遵守…), so it reads whole wherever
 *             titles are shown.
 *             1. restarts under its （一） or 一、, and （1） under its 1. (the
 *             items of all its 款 count as one list). An ordered list is
 *             level 3 only outside list items and attachments; inside them
 *             it is an LV_BLOCK.
 *   decimal   1 范围 LV_CHAPTER; every clause 4.2, 4.2.1 … an LV_ARTICLE, the
 *             child of the clause one part shorter (4.2.1 under 4.2; when
 *             that is missing, the nearest shorter one or the chapter); its
 *             `number` is its last part, its marker the whole number. a)
 *             LV_ITEM, 1) and ordered list items LV_SUBITEM.
 *   en        as articles: Chapter 1, Section 1, Article 1, (a) LV_ITEM,
 *             (i) LV_SUBITEM, 1. LV_SUBSUBITEM. (i), (v) and (x) are read as
 *             the letter when they continue the items, else as Roman. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "form.h"
#include "inline_walk.h"
#include "markers.h"
#include "model.h"
#include "md_arena.h"
#include "parse_impl.h"
#include "parse_inline.h"
#include "util.h"


/* cmark-gfm registers its extensions in a process-wide table without a lock;
 * documents are parsed on several threads, so registration runs once. */
static pthread_once_t extensions_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/* cmark makes the NUL-terminated copy of a node's literal, URL, title or
 * info string when it is first asked for, with the tree's allocator: asked
 * for later (by xref.c, punct.c, the renderers), it would come from the heap,
 * one malloc each, and the tree could not go with its arena. Asked for now,
 * while the arena serves the tree, each is a part of it. */
static void settle_node(const struct md_arena *arena, cmark_node *node)
{
	const char *lit;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		/* its length is known from the copy cmark has just made */
		lit = cmark_node_get_literal(node);
		literal_length_keep(node, lit, md_arena_newest_size(arena, lit));
		break;
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_HTML_BLOCK:
		cmark_node_get_literal(node);
		break;
	case CMARK_NODE_CODE_BLOCK:
		cmark_node_get_literal(node);
		cmark_node_get_fence_info(node);
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		cmark_node_get_url(node);
		cmark_node_get_title(node);
		break;
	default:
		break;
	}
}

static void settle_strings(const struct md_arena *arena, cmark_node *md)
{
	cmark_iter *it = cmark_iter_new(md);
	for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
		if (ev == CMARK_EVENT_ENTER)
			settle_node(arena, cmark_iter_get_node(it));
	cmark_iter_free(it);
}

/* Gives cmark the body: front matter lines stay as empty lines, so that
 * cmark's line numbers are the file's; lines come without BOM and with "\n"
 * ends, as document_line gives them, so cmark's byte columns are its
 * columns. A body without "\r" is that already, from its first line on:
 * cmark reads it where it is (it takes input in pieces, as a stream). */
static void feed_body(cmark_parser *parser, const struct document *doc)
{
	static const char newlines[] = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";
	size_t blank = (size_t)doc->body_line - 1 < doc->nlines ? (size_t)doc->body_line - 1 : doc->nlines;
	for (size_t left = blank; left > 0;) {
		size_t n = left < sizeof newlines - 1 ? left : sizeof newlines - 1;
		cmark_parser_feed(parser, newlines, n);
		left -= n;
	}
	if (blank == doc->nlines)
		return;
	size_t start = doc->line_start[blank];
	const char *body = doc->src + start;
	size_t len = doc->len - start;
	if (memchr(body, '\r', len) == NULL) {
		cmark_parser_feed(parser, body, len);
		if (len == 0 || body[len - 1] != '\n')
			cmark_parser_feed(parser, "\n", 1);
		return;
	}
	/* No line grows but by the "\n" that may end it, so the body's length
	 * and one byte per line hold them all. */
	char *text = xmalloc(len + doc->nlines + 1);
	size_t used = 0;
	for (int line = (int)blank + 1; (size_t)line <= doc->nlines; line++) {
		size_t n;
		const char *s = document_line(doc, line, &n);
		memcpy(text + used, s, n);
		used += n;
		text[used++] = '\n';
	}
	cmark_parser_feed(parser, text, used);
	free(text);
}

/* The tree is allocated in the document's arena (md_arena.h), whose
 * allocator, unlike cmark's own, exits with status 2 on out of memory as
 * SPEC §1 wants of an internal failure. */
static cmark_node *parse_markdown(struct document *doc)
{
	pthread_once(&extensions_once, register_extensions);
	doc->md_arena = md_arena_new();
	md_arena_enter(doc->md_arena);
	cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, md_arena_mem());
	static const char *const extensions[] = {"table", "tagfilter"};
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
		if (ext)
			cmark_parser_attach_syntax_extension(parser, ext);
	}
	feed_body(parser, doc);
	cmark_node *md = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	settle_strings(doc->md_arena, md);
	md_arena_leave();
	return md;
}

/* ---- nodes ---- */

/* A text made on the heap (a title), moved into the arena of the node that
 * holds it. */
static char *arena_text(struct builder *b, char *text)
{
	char *kept = md_arena_strndup(b->doc->md_arena, text, strlen(text));
	free(text);
	return kept;
}

/* Nodes, their markers and titles lie in the document's arena with the
 * Markdown tree they point into (md_arena.h): they go together. */
struct pnode *node_new(struct builder *b, struct pnode *parent, enum level level, cmark_node *block, int line,
		       int col)
{
	struct pnode *node = md_arena_alloc(b->doc->md_arena, sizeof *node);
	node->level = level;
	node->block = block;
	/* the walks of the running text leave a held block's text to its pnode
	 * (inline_walk.h) */
	if (block)
		cmark_node_set_user_data(block, node);
	node->line = line;
	node->col = col;
	node->heading = block && cmark_node_get_type(block) == CMARK_NODE_HEADING;
	node->parent = parent;
	node->seq = 1;
	for (struct pnode *sib = parent->last; sib; sib = sib->prev)
		if (sib->level == level) {
			node->seq = sib->seq + 1;
			break;
		}
	node->prev = parent->last;
	if (parent->last)
		parent->last->next = node;
	else
		parent->first = node;
	parent->last = node;
	return node;
}

static struct pnode *container(const struct builder *b)
{
	if (b->attachment)
		return b->attachment;
	if (b->article)
		return b->article;
	if (b->section)
		return b->section;
	return b->chapter ? b->chapter : b->root;
}

static struct pnode *innermost(const struct builder *b)
{
	if (b->subsubitem)
		return b->subsubitem;
	if (b->subitem)
		return b->subitem;
	if (b->item)
		return b->item;
	return b->paragraph ? b->paragraph : container(b);
}

static void clear_paragraph(struct builder *b)
{
	b->paragraph = b->item = b->subitem = b->subsubitem = NULL;
}

static struct pnode *add_block(struct builder *b, cmark_node *block)
{
	int line, col;
	block_position(b->doc, block, &line, &col);
	return node_new(b, innermost(b), LV_BLOCK, block, line, col);
}

/* The 款 that items belong to: the current one, or one without text made
 * for items that follow a heading directly. */
struct pnode *current_paragraph(struct builder *b, cmark_node *block, int line, int col)
{
	if (!b->paragraph)
		b->paragraph = node_new(b, container(b), LV_PARAGRAPH, block, line, col);
	return b->paragraph;
}

/* The closing of the marker before `node` at its level (、 of 13、), or
 * the first of the form's; caller frees. */
static char *sibling_close(const struct pnode *node, const struct marker_form *form)
{
	size_t off, len;
	for (const struct pnode *p = node->prev; p; p = p->prev)
		if (p->level == node->level && p->marker && marker_split(p->marker, form->style, &off, &len)) {
			const char *close = p->marker + off + len;
			close += marker_spaces(close, strlen(close));
			if (*close)
				return xstrdup(close);
		}
	return xstrdup(form->closes[0]);
}

/* 14不承诺 (no closing) and decimal's 12.完成 (another list's closing). */
static void warn_missing_close(struct builder *b, const struct pnode *node, const struct marker_match *m)
{
	const char *name = m->form->name;
	if (m->loose == LOOSE_FOREIGN) {
		diag_add(&b->doc->diags, RULE_NUMERAL_FORM, node->line, node->col,
			 "%s number %s is not written in the standard form; expected %ld%s", name, node->marker,
			 m->value, m->form->closes[0]);
		return;
	}
	char *close = sibling_close(node, m->form);
	diag_add(&b->doc->diags, RULE_NUMERAL_FORM, node->line, node->col,
		 "%s number %s has no %s after it; expected %s%s", name, node->marker, close, node->marker, close);
	free(close);
}

static void warn_numeral_form(struct builder *b, const struct pnode *node, const struct marker_match *m)
{
	/* Zero (第〇条) is no number at all: validate.c reports it, once. */
	if (m->status != NUMERAL_NONSTANDARD || m->value < 1)
		return;
	if (m->loose == LOOSE_BARE || m->loose == LOOSE_FOREIGN) {
		warn_missing_close(b, node, m);
		return;
	}
	if (m->loose == LOOSE_CLOSE || m->loose == LOOSE_TIGHT) {
		const char *number = node->marker + m->num_off;
		int n = (int)m->num_len;
		diag_add(&b->doc->diags, RULE_NUMERAL_FORM, node->line, node->col,
			 m->loose == LOOSE_CLOSE
				 ? "%s number %s is not written in the standard form; expected %.*s and a space before "
				   "its title"
				 : "%s number %s has no space after it; expected %.*s and a space before its text",
			 m->form->name, node->marker, n, number);
		return;
	}
	char *expected = marker_with_number(node->marker, m->form->style, m->value);
	diag_add(&b->doc->diags, RULE_NUMERAL_FORM, node->line, node->col,
		 "%s number %s is not written in the standard form; expected %s", m->form->name,
		 node->marker, expected);
	free(expected);
}

/* A node for the marker `m` held by text node `holder` of `block`. */
struct pnode *marker_node(struct builder *b, struct pnode *parent, cmark_node *block, cmark_node *holder,
			  const struct marker_match *m, bool first_line)
{
	const char *marker = cmark_node_get_literal(holder) + m->lead;
	int line, col;
	marker_position(b->doc, block, holder, marker, m->len, first_line, &line, &col);
	struct pnode *node = node_new(b, parent, m->form->level, block, line, col);
	node->marker = md_arena_strndup(b->doc->md_arena, marker, m->len);
	node->number = (int)m->value;
	warn_numeral_form(b, node, m);
	return node;
}

/* ---- chapters, sections, articles ---- */

static bool same_parts(const long *a, const long *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Whether decimal clause `parts` (k >= 2 of them) is the next one in the
 * open chapter, or the one after it: 4.1 first in chapter 4, 4.2 after 4.1,
 * 4.2.1 first in 4.2. */
static bool next_clause(const struct builder *b, const long *parts, size_t k)
{
	long open[MARKER_MAX_DEPTH];
	if (!b->chapter || k < 2 || k > MARKER_MAX_DEPTH || parts[0] != b->chapter->number)
		return false;
	const struct pnode *parent = k > 2 ? b->clauses[k - 1] : NULL;
	if (k > 2 && (!parent || marker_dotted_parts(parent->marker, open, MARKER_MAX_DEPTH) != k - 1 ||
		      !same_parts(open, parts, k - 1)))
		return false;
	const struct pnode *prev = b->clauses[k];
	bool sibling = prev && marker_dotted_parts(prev->marker, open, MARKER_MAX_DEPTH) == k &&
		       same_parts(open, parts, k - 1);
	long expected = sibling ? open[k - 1] + 1 : 1;
	/* One clause skipped is still a clause, reported as clause-number. */
	return parts[k - 1] == expected || parts[k - 1] == expected + 1;
}

/* Whether a list marker without its closing (14不承诺) or with another
 * list's (decimal 12.完成) continues the numbers of its level: the next
 * one, or the one after it (one skipped is still a number, reported as
 * such). The first of a list is never written so: a 2024年 paragraph is
 * text. */
static bool continues_list(const struct builder *b, const struct marker_match *m)
{
	const struct pnode *prev = NULL;
	if (m->form->level == LV_ARTICLE && b->article && b->article->parent == article_parent(b))
		prev = b->article;
	else if (m->form->level == LV_SUBITEM)
		prev = b->subitem;
	return prev && prev->number > 0 && (m->value == prev->number + 1 || m->value == prev->number + 2);
}

/* A marker written against its standard form (markers.h) is taken only
 * where it is the next one, so that 1.5倍工资 at the start of a paragraph,
 * or a list 1、销售额 in a decimal document, stays text. */
static bool loose_fits(const struct builder *b, const struct marker_match *m, cmark_node *holder)
{
	long parts[MARKER_MAX_DEPTH];
	switch (m->loose) {
	case LOOSE_BARE:
	case LOOSE_FOREIGN:
		return continues_list(b, m);
	case LOOSE_CLOSE:
		return m->value == (b->chapter ? b->chapter->number : 0) + 1;
	case LOOSE_TIGHT:
		return next_clause(b, parts,
				   marker_dotted_parts(cmark_node_get_literal(holder) + m->lead, parts, MARKER_MAX_DEPTH));
	default:
		return true;
	}
}

static void close_clauses(struct builder *b, int from_depth)
{
	for (int d = from_depth; d <= MARKER_MAX_DEPTH; d++)
		b->clauses[d] = NULL;
}

static bool starts_with_parts(const long *parts, size_t n, const struct pnode *node)
{
	long own[MARKER_MAX_DEPTH];
	size_t k = marker_dotted_parts(node->marker, own, MARKER_MAX_DEPTH);
	if (k > n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (own[i] != parts[i])
			return false;
	return true;
}

/* The parent of decimal clause `number` (its marker as written): the open
 * clause or chapter whose number it continues, the nearest first (4.2.1
 * under 4.2; in chapter 4 when 4.2 is missing); when none fits, the nearest
 * open clause one part shorter or more, or the chapter. validate.c reports
 * a missing clause between a clause and its parent, and a wrong prefix. */
static struct pnode *clause_parent(const struct builder *b, const char *number, int depth)
{
	long parts[MARKER_MAX_DEPTH];
	size_t n = marker_dotted_parts(number, parts, MARKER_MAX_DEPTH);
	for (int d = depth - 1; d >= 2 && d <= MARKER_MAX_DEPTH; d--)
		if (b->clauses[d] && starts_with_parts(parts, n, b->clauses[d]))
			return b->clauses[d];
	if (b->chapter && n > 0 && b->chapter->number == parts[0])
		return b->chapter;
	for (int d = depth - 1; d >= 2 && d <= MARKER_MAX_DEPTH; d--)
		if (b->clauses[d])
			return b->clauses[d];
	return b->chapter ? b->chapter : b->root;
}

/* Where an article goes: under its section or chapter. */
struct pnode *article_parent(const struct builder *b)
{
	return b->section ? b->section : b->chapter ? b->chapter : b->root;
}

/* Makes `node` the current article; a paragraph-form article's text is its
 * first 款, given as a 款 without text of its own. */
void open_article(struct builder *b, struct pnode *node, int depth)
{
	clear_paragraph(b);
	b->article = node;
	if (b->syntax->nested_articles && depth >= 2 && depth <= MARKER_MAX_DEPTH) {
		close_clauses(b, depth + 1);
		b->clauses[depth] = node;
	}
	if (!node->heading)
		b->paragraph = node_new(b, node, LV_PARAGRAPH, node->block, node->line, node->col);
}

/* A chapter, section or article, from a heading or a segment of a
 * paragraph (outline's 1、 may start a line); `stop` ends its own text. */
static struct pnode *structure_node(struct builder *b, cmark_node *block, const struct segment *seg,
				    cmark_node *stop)
{
	enum level level = seg->m.form->level;
	struct pnode *parent = b->root;
	if (level == LV_SECTION && b->chapter)
		parent = b->chapter;
	else if (level == LV_ARTICLE && b->syntax->nested_articles)
		parent = clause_parent(b, cmark_node_get_literal(seg->holder) + seg->m.lead, seg->m.depth);
	else if (level == LV_ARTICLE)
		parent = article_parent(b);
	struct pnode *node = marker_node(b, parent, block, seg->holder, &seg->m, seg->brk == NULL);
	text_after_marker(seg->holder, &seg->m, stop, &node->text, &node->skip);
	node->stop = stop;
	check_heading_level(b, node, seg->m.form->name);
	if (level != LV_ARTICLE || node->heading)
		node->title = arena_text(b, trim_spaces(pnode_own_text(node)));
	if (level != LV_ARTICLE && node->title[0] == '\0')
		diag_add(&b->doc->diags, RULE_TITLE_MISSING, node->line, node->col,
			 "%s %s has no title; expected a title after %s", seg->m.form->name, node->marker,
			 node->marker);
	if (level == LV_ARTICLE) {
		open_article(b, node, seg->m.depth);
		return node;
	}
	clear_paragraph(b);
	close_clauses(b, 0);
	if (level == LV_CHAPTER) {
		b->chapter = node;
		b->section = b->article = NULL;
	} else {
		b->section = node;
		b->article = NULL;
	}
	return node;
}

void take_lines(struct builder *b, cmark_node *para, const struct segment *segs, size_t n, struct pnode *owner)
{
	for (size_t i = 1; i < n; i++) {
		cmark_node *stop = i + 1 < n ? segs[i + 1].brk : NULL;
		if (!loose_fits(b, &segs[i].m, segs[i].holder)) {
			/* a line that only looks like a marker (2024年起) goes on
			 * with the text before it */
			if (owner)
				owner->stop = stop;
			continue;
		}
		if (segs[i].m.form->level <= LV_ARTICLE)
			owner = structure_node(b, para, &segs[i], stop);
		else
			owner = list_level_node(b, para, &segs[i], stop);
	}
}

/* ---- blocks ---- */

static bool is_attachment_heading(cmark_node *heading, char **title)
{
	char *text = trim_spaces(inline_text(heading));
	if (str_starts_with(text, "附件") || str_starts_with(text, "附：") || str_starts_with(text, "附:")) {
		*title = text;
		return true;
	}
	free(text);
	return false;
}

/* What last_structure read at the start of `block`, a heading or paragraph
 * of the document's top level; NULL for any other block. */
static const struct first_marker *known_marker(struct builder *b, cmark_node *block)
{
	if (cmark_node_parent(block) != b->doc->md)
		return NULL;
	/* The walk meets the blocks in last_structure's order. */
	for (size_t i = b->first_markers_seen; i < b->nfirst_markers; i++)
		if (b->first_markers[i].block == block) {
			b->first_markers_seen = i + 1;
			return &b->first_markers[i];
		}
	return NULL;
}

/* The marker of levels chapter to article at the start of a heading. */
static bool heading_marker(struct builder *b, cmark_node *heading, struct segment *seg)
{
	const struct first_marker *known = known_marker(b, heading);
	if (!known)
		return inline_marker(b->syntax, seg->first, PLACE_HEADING, LV_CHAPTER, LV_ARTICLE, &seg->m,
				     &seg->holder);
	seg->m = known->m;
	seg->holder = known->holder;
	return known->marked;
}

/* The marker of levels lo to sub-sub-item at the start of a paragraph, into
 * segs[0]. Forms are tried in their table's order and the first that fits
 * is the marker (markers.h); where all forms of chapter to article come
 * first, what last_structure read tells this one: its marker if it found
 * one, else only the forms below article are left to try. */
static bool paragraph_marker(struct builder *b, cmark_node *para, enum level lo, struct segment *seg)
{
	const struct first_marker *known = known_marker(b, para);
	if (known && lo == LV_CHAPTER && b->structure_forms_first) {
		if (known->marked) {
			seg->m = known->m;
			seg->holder = known->holder;
			return true;
		}
		lo = LV_ITEM;
	}
	return inline_marker(b->syntax, seg->first, PLACE_PARAGRAPH, lo, LV_SUBSUBITEM, &seg->m, &seg->holder);
}

static bool forms_of_structure_first(const struct scheme_syntax *syntax)
{
	bool below = false;
	for (size_t i = 0; syntax && i < syntax->nforms; i++) {
		if (syntax->forms[i].level > LV_ARTICLE)
			below = true;
		else if (below)
			return false;
	}
	return true;
}

static void take_heading(struct builder *b, cmark_node *heading)
{
	struct segment seg = {NULL, cmark_node_first_child(heading), false, {0}, NULL};
	char *title;
	if (b->list_depth == 0 && !b->attachment && heading_marker(b, heading, &seg) &&
	    loose_fits(b, &seg.m, seg.holder)) {
		structure_node(b, heading, &seg, NULL);
	} else if (b->list_depth == 0 && b->attachments_open && is_attachment_heading(heading, &title)) {
		int line, col;
		block_position(b->doc, heading, &line, &col);
		struct pnode *node = node_new(b, b->root, LV_ATTACHMENT, heading, line, col);
		node->title = arena_text(b, title);
		first_text_from(seg.first, NULL, &node->text, &node->skip);
		b->attachment = node;
		b->chapter = b->section = b->article = NULL;
		clear_paragraph(b);
		close_clauses(b, 0);
	} else {
		add_block(b, heading);
	}
}

static void take_paragraph(struct builder *b, cmark_node *para)
{
	/* Inside an attachment or a list item only items and their kin are
	 * markers; an article there is text. */
	enum level lo = b->attachment || b->list_depth ? LV_ITEM : LV_CHAPTER;
	paragraph_segments(b->syntax, para, 0, lo, LV_SUBSUBITEM, &b->segs);
	struct segment *segs = b->segs.v;
	size_t n = b->segs.n;
	segs[0].marked = paragraph_marker(b, para, lo, &segs[0]);
	if (segs[0].marked && !loose_fits(b, &segs[0].m, segs[0].holder))
		segs[0].marked = false;
	cmark_node *stop = n > 1 ? segs[1].brk : NULL;
	struct pnode *owner;
	if (segs[0].marked && segs[0].m.form->level <= LV_ARTICLE) {
		owner = structure_node(b, para, &segs[0], stop);
	} else if (segs[0].marked) {
		owner = list_level_node(b, para, &segs[0], stop);
	} else if (b->list_depth) {
		/* A further paragraph of a list item continues that item. */
		add_block(b, para);
		return;
	} else {
		int line, col;
		block_position(b->doc, para, &line, &col);
		clear_paragraph(b);
		b->paragraph = node_new(b, container(b), LV_PARAGRAPH, para, line, col);
		b->paragraph->text = segs[0].first;
		b->paragraph->stop = stop;
		owner = b->paragraph;
	}
	take_lines(b, para, segs, n, owner);
}

static void take_code_block(struct builder *b, cmark_node *code)
{
	struct pnode *node = add_block(b, code);
	const char *info = cmark_node_get_fence_info(code);
	int length = 0, offset = 0;
	char fence = 0;
	if (!info || strcmp(info, "form") != 0 || !cmark_node_get_fenced(code, &length, &offset, &fence))
		return;
	if (b->doc->summary != NULL) { /* read again for rendering */
		node->form = document_summary_form(b->doc, node->line);
		if (node->form)
			ARRAY_PUSH(b->doc->forms, b->doc->nforms, b->doc->forms_cap, node->form);
		return;
	}
	const char *yaml = cmark_node_get_literal(code);
	node->form = form_parse(b->doc, yaml ? yaml : "", yaml ? strlen(yaml) : 0, node->line + 1,
				node->col - 1);
	if (node->form) {
		node->form->doc = b->doc;
		ARRAY_PUSH(b->doc->forms, b->doc->nforms, b->doc->forms_cap, node->form);
	}
}

/* Attachments begin after the last chapter, or in a document without
 * chapters after the last article. An attachment may hold a document of its
 * own, with its own 第一章 or 第一条: after an attachment heading, a marker
 * is the main document's only when it continues the main numbering
 * (第六章 after 第五章); else it is the attachment's text. */
static cmark_node *last_structure(struct builder *b)
{
	cmark_node *last_chapter = NULL, *last_article = NULL;
	long chapter_number = 0, article_number = 0;
	bool in_attachment = false;
	/* room for a heading or paragraph every other line (at most a thousand
	 * to begin with), rather than copies of the array as it doubles from 8 */
	enum { FIRST_ROOM_MAX = 1024 };
	size_t room = b->doc->nlines / 2 + 8;
	b->first_markers_cap = room < FIRST_ROOM_MAX ? room : FIRST_ROOM_MAX;
	b->first_markers = xmalloc(b->first_markers_cap * sizeof *b->first_markers);
	for (cmark_node *block = cmark_node_first_child(b->doc->md); block; block = cmark_node_next(block)) {
		cmark_node_type type = cmark_node_get_type(block);
		if (type != CMARK_NODE_HEADING && type != CMARK_NODE_PARAGRAPH)
			continue;
		unsigned place = type == CMARK_NODE_HEADING ? PLACE_HEADING : PLACE_PARAGRAPH;
		/* made in its place: the array's elements are large to copy */
		ARRAY_GROW(b->first_markers, b->nfirst_markers, b->first_markers_cap);
		struct first_marker *known = &b->first_markers[b->nfirst_markers++];
		*known = (struct first_marker){block, false, {0}, NULL};
		known->marked = inline_marker(b->syntax, cmark_node_first_child(block), place, LV_CHAPTER,
					      LV_ARTICLE, &known->m, &known->holder);
		const struct marker_match m = known->m;
		char *title;
		if (!known->marked || m.loose == LOOSE_BARE) {
			if (type == CMARK_NODE_HEADING && (last_chapter || last_article) &&
			    is_attachment_heading(block, &title)) {
				free(title);
				in_attachment = true;
			}
			continue;
		}
		if (m.form->level == LV_CHAPTER) {
			if (in_attachment && (!last_chapter || m.value != chapter_number + 1))
				continue;
			last_chapter = block;
			chapter_number = m.value;
			in_attachment = false;
		} else if (m.form->level == LV_ARTICLE) {
			if (in_attachment && (last_chapter || m.value != article_number + 1))
				continue;
			last_article = block;
			article_number = m.value;
			in_attachment = false;
		}
	}
	return last_chapter ? last_chapter : last_article;
}

void parse_document(struct document *doc)
{
	doc->md = parse_markdown(doc);
	struct builder b = {0};
	b.doc = doc;
	b.syntax = scheme_syntax(doc->meta.scheme);
	b.root = md_arena_alloc(doc->md_arena, sizeof *b.root);
	b.root->level = LV_DOCUMENT;
	b.root->line = b.root->col = 1;
	doc->root = b.root;
	b.structure_forms_first = forms_of_structure_first(b.syntax);
	b.last_structure = last_structure(&b);
	b.attachments_open = b.last_structure == NULL;

	cmark_iter *it = cmark_iter_new(doc->md);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_EXIT) {
			if (type == CMARK_NODE_ITEM) {
				b.list_depth--;
				b.nframes--;
			}
			continue;
		}
		bool descend = false;
		switch (type) {
		case CMARK_NODE_DOCUMENT:
			continue;
		case CMARK_NODE_HEADING:
			take_heading(&b, node);
			break;
		case CMARK_NODE_PARAGRAPH:
			if (node != b.taken)
				take_paragraph(&b, node);
			break;
		case CMARK_NODE_LIST:
			descend = list_is_structure(&b, node);
			if (!descend)
				add_block(&b, node);
			break;
		case CMARK_NODE_ITEM: /* only inside a structure list */
			take_list_item(&b, node);
			descend = true;
			break;
		case CMARK_NODE_CODE_BLOCK:
			take_code_block(&b, node);
			break;
		default:
			add_block(&b, node);
			break;
		}
		if (node == b.last_structure)
			b.attachments_open = true;
		if (!descend)
			cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	free(b.frames);
	free(b.first_markers);
	free(b.segs.v);
	if (b.syntax)
		check_chapter_levels(&b);
	level_groups_close(&b);
	check_scheme_fit(doc);
}
