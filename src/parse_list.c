/* parse_list.c — lists, list items and the marked lines of a paragraph:
 * items, sub-items and sub-sub-items (and outline's 1. as an ordered list
 * item), for parse.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md_arena.h"
#include "parse_impl.h"
#include "util.h"

static bool is_within(const struct pnode *node, const struct pnode *ancestor)
{
	for (; node; node = node->parent)
		if (node == ancestor)
			return true;
	return false;
}

static struct pnode *list_parent(struct builder *b, enum level level, cmark_node *block, int line,
				 int col)
{
	struct pnode *parent;
	if (level == LV_SUBSUBITEM && b->subitem)
		parent = b->subitem;
	else if (level != LV_ITEM && b->item)
		parent = b->item;
	else
		parent = current_paragraph(b, block, line, col);
	/* Inside a list item, a list of the same level or above is still that
	 * item's: 1. inside 1. is a sub-list, not the next sub-item. */
	struct pnode *frame = b->nframes ? b->frames[b->nframes - 1] : NULL;
	return frame && !is_within(parent, frame) ? frame : parent;
}

static void enter_list_level(struct builder *b, struct pnode *node)
{
	if (node->level == LV_ITEM) {
		b->item = node;
		b->subitem = b->subsubitem = NULL;
	} else if (node->level == LV_SUBITEM) {
		b->subitem = node;
		b->subsubitem = NULL;
	} else {
		b->subsubitem = node;
	}
}

/* (i), (v) and (x) are letters and Roman numerals at once (scheme en): the
 * one that continues the sub-items or the items before it; else (i) starts
 * sub-items and the others are letters. */
static struct marker_match letter_or_roman(const struct builder *b, const struct segment *seg)
{
	struct marker_match m = seg->m, other;
	enum number_style style = m.form->style;
	if (style != STYLE_LETTER && style != STYLE_ROMAN)
		return m;
	const char *lit = cmark_node_get_literal(seg->holder);
	enum level other_level = style == STYLE_LETTER ? LV_SUBITEM : LV_ITEM;
	if (!lit || !marker_match_as(b->syntax, other_level, lit, strlen(lit), &other) ||
	    other.form->style == style || other.len != m.len)
		return m;
	const struct marker_match *letter = style == STYLE_LETTER ? &m : &other;
	const struct marker_match *roman = style == STYLE_LETTER ? &other : &m;
	bool roman_goes_on = b->subitem && roman->value == b->subitem->number + 1;
	bool letter_goes_on = b->item && letter->value == b->item->number + 1;
	return roman_goes_on || (!letter_goes_on && roman->value == 1) ? *roman : *letter;
}

/* （12） is a sub-sub-item by its form, but after （十一） it is the next item
 * with its number in Arabic digits (SPEC §4: numeral-form): read so when it
 * continues the items and not the sub-sub-items before it. */
static struct marker_match item_in_digits(const struct builder *b, const struct marker_match *m)
{
	const struct marker_form *item = marker_form_of(b->syntax, LV_ITEM);
	struct marker_match as_item = *m;
	if (m->form->level != LV_SUBSUBITEM || !item || item->style != STYLE_CHINESE ||
	    item->opens != m->form->opens || !b->item || m->value != b->item->number + 1 ||
	    (b->subsubitem && m->value == b->subsubitem->number + 1))
		return *m;
	as_item.form = item;
	as_item.status = NUMERAL_NONSTANDARD;
	return as_item;
}

/* An item, sub-item or sub-sub-item for a marked segment of `para`, whose
 * node takes `block` (the paragraph, or the list item around it). */
struct pnode *list_level_node(struct builder *b, cmark_node *block, const struct segment *seg, cmark_node *stop)
{
	int line, col;
	block_position(b->doc, block, &line, &col);
	struct marker_match m = letter_or_roman(b, seg);
	m = item_in_digits(b, &m);
	struct pnode *parent = list_parent(b, m.form->level, block, line, col);
	struct pnode *node = marker_node(b, parent, block, seg->holder, &m, seg->brk == NULL);
	text_after_marker(seg->holder, &m, stop, &node->text, &node->skip);
	node->stop = stop;
	enter_list_level(b, node);
	return node;
}

/* A bullet list is structure when every item begins with a marker; an
 * ordered list when the scheme gives its items a level. */
bool list_is_structure(const struct builder *b, cmark_node *list)
{
	if (!b->syntax)
		return false;
	if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
		enum level level = b->syntax->ordered_list_level;
		if (level <= LV_ARTICLE)
			return b->list_depth == 0 && !b->attachment;
		return level != LV_BLOCK;
	}
	for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		cmark_node *para = cmark_node_first_child(item);
		struct marker_match m;
		cmark_node *holder;
		if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
		    !inline_marker(b->syntax, cmark_node_first_child(para), PLACE_LIST_ITEM, LV_ITEM,
				   LV_SUBSUBITEM, &m, &holder))
			return false;
	}
	return true;
}

/* The number and marker of an ordered list item as written in the source
 * (cmark numbers items from the list's start, whatever they say). */
static void ordered_marker(struct builder *b, cmark_node *item, int index, long *value, char **marker)
{
	cmark_node *list = cmark_node_parent(item);
	int line = cmark_node_get_start_line(item), col = cmark_node_get_start_column(item);
	size_t n;
	const char *text = document_line(b->doc, line, &n);
	size_t at = col > 0 ? (size_t)col - 1 : 0, end = at;
	long number = 0;
	while (end < n && end - at < 9 && text[end] >= '0' && text[end] <= '9')
		number = number * 10 + (text[end++] - '0');
	if (end > at && end < n && (text[end] == '.' || text[end] == ')')) {
		*value = number;
		*marker = md_arena_strndup(b->doc->md_arena, text + at, end + 1 - at);
		return;
	}
	*value = (long)cmark_node_get_list_start(list) + index;
	bool paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
	char written[32];
	int wrote = snprintf(written, sizeof written, "%ld%s", *value, paren ? ")" : ".");
	*marker = md_arena_strndup(b->doc->md_arena, written, (size_t)wrote);
}

static int index_in_parent(cmark_node *node)
{
	int index = 0;
	for (cmark_node *prev = cmark_node_previous(node); prev; prev = cmark_node_previous(prev))
		index++;
	return index;
}

void take_list_item(struct builder *b, cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item);
	bool has_para = para && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH;
	struct segment *segs = NULL;
	size_t n = 0;
	if (has_para) {
		bool bullet = cmark_node_get_list_type(cmark_node_parent(item)) != CMARK_ORDERED_LIST;
		paragraph_segments(b->syntax, para, bullet ? PLACE_LIST_ITEM : 0, LV_ITEM, LV_SUBSUBITEM,
				   &b->segs);
		segs = b->segs.v;
		n = b->segs.n;
		b->taken = para;
	}
	/* The item's own text ends with its first paragraph. */
	cmark_node *stop = n > 1 ? segs[1].brk : has_para ? cmark_node_next(para) : NULL;
	struct pnode *node;
	if (n > 0 && segs[0].marked) {
		node = list_level_node(b, item, &segs[0], stop);
	} else {
		int line, col;
		block_position(b->doc, item, &line, &col);
		enum level level = b->syntax->ordered_list_level;
		struct pnode *parent = level == LV_ARTICLE ? article_parent(b) : list_parent(b, level, item, line, col);
		node = node_new(b, parent, level, item, line, col);
		long value;
		ordered_marker(b, item, index_in_parent(item), &value, &node->marker);
		node->number = (int)value;
		if (has_para)
			first_text_from(cmark_node_first_child(para), stop, &node->text, &node->skip);
		node->stop = stop;
		if (level == LV_ARTICLE)
			open_article(b, node, 0);
		else
			enter_list_level(b, node);
	}
	if (n > 0)
		take_lines(b, para, segs, n, node);
	ARRAY_PUSH(b->frames, b->nframes, b->frames_cap, node);
	b->list_depth++;
}
