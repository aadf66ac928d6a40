/* validate.c — numbering (SPEC §2, §4), empty provisions, and the chapters
 * and provisions that the configuration requires (SPEC §7).
 *
 * Every check reads the provision tree that parse.c built. One mistake gives
 * one diagnostic: numbering resynchronises after a wrong number, a chapter
 * with sections leaves "empty" to its sections, and a missing required
 * chapter is not also reported for its provisions. */
#include <stdlib.h>
#include <string.h>

#include "markers.h"
#include "model.h"
#include "parse_inline.h"
#include "util.h"

static const struct pnode *next_preorder(const struct pnode *node, const struct pnode *top)
{
	if (node->first)
		return node->first;
	while (node != top && !node->next)
		node = node->parent;
	return node == top ? NULL : node->next;
}

struct node_list {
	const struct pnode **v;
	size_t n, cap;
};

static void list_children(struct node_list *list, const struct pnode *parent, enum level level)
{
	list->n = 0;
	for (const struct pnode *c = parent->first; c; c = c->next)
		if (c->level == level)
			ARRAY_PUSH(list->v, list->n, list->cap, c);
}

/* ---- numbering ---- */

/* How a skipped number reads: 第三条 and （三） as markers, 3 for 3、. */
static char *skipped(const char *marker, enum number_style style, long value)
{
	size_t off, len;
	if (marker_split(marker, style, &off, &len) && off == 0)
		return marker_numeral(style, value);
	return marker_with_number(marker, style, value);
}

static const char *unreadable_reason(const char *marker, enum number_style style)
{
	struct numeral num = marker_number(marker, style);
	if (num.status == NUMERAL_INVALID)
		return style == STYLE_CHINESE ? "is not a valid Chinese numeral" : "is not a number";
	return num.status == NUMERAL_TOO_LARGE ? "is too large" : "is zero";
}

static void report_number(struct document *doc, const struct marker_form *form,
			  const struct node_list *list, size_t i, long expected)
{
	const struct pnode *node = list->v[i];
	const struct pnode *prev = i > 0 ? list->v[i - 1] : NULL;
	const struct pnode *next = i + 1 < list->n ? list->v[i + 1] : NULL;
	const char *name = form->name;
	char *want = marker_with_number(node->marker, form->style, expected);
	struct diags *d = &doc->diags;
	if (node->number == 0) {
		diag_add(d, form->number_rule, node->line, node->col, "%s number %s %s; expected %s", name,
			 node->marker, unreadable_reason(node->marker, form->style), want);
	} else if (!prev) {
		diag_add(d, form->number_rule, node->line, node->col, "%s numbering starts at %s; expected %s",
			 name, node->marker, want);
	} else if (node->number == prev->number) {
		diag_add(d, form->number_rule, node->line, node->col,
			 "%s number %s repeats the previous %s; expected %s", name, node->marker, name, want);
	} else if (next && next->number == expected + 1) {
		diag_add(d, form->number_rule, node->line, node->col,
			 "%s number %s is out of sequence between %s and %s; expected %s", name, node->marker,
			 prev->marker, next->marker, want);
	} else if (node->number > expected) {
		char *from = skipped(node->marker, form->style, expected);
		char *to = skipped(node->marker, form->style, node->number - 1);
		if (node->number == expected + 1)
			diag_add(d, form->number_rule, node->line, node->col, "%s number %s skips %s; expected %s",
				 name, node->marker, from, want);
		else
			diag_add(d, form->number_rule, node->line, node->col,
				 "%s number %s skips %s to %s; expected %s", name, node->marker, from, to, want);
		free(from);
		free(to);
	} else {
		diag_add(d, form->number_rule, node->line, node->col, "%s number %s goes back after %s; expected %s",
			 name, node->marker, prev->marker, want);
	}
	free(want);
}

/* Numbers must run 1, 2, 3 …. After a wrong number the count goes on from
 * the expected number when the next one fits it (a single wrong number
 * between right ones), else from the number as written (a jump, a repeat,
 * a step back), so that each mistake is reported once. */
static void check_sequence(struct document *doc, const struct marker_form *form, const struct node_list *list)
{
	long expected = 1;
	for (size_t i = 0; i < list->n; i++) {
		long written = list->v[i]->number;
		if (written == expected) {
			expected++;
			continue;
		}
		report_number(doc, form, list, i, expected);
		bool next_fits = i + 1 < list->n && list->v[i + 1]->number == expected + 1;
		if (written == 0 || next_fits)
			expected++;
		else
			expected = written + 1;
	}
}

static const struct pnode *chapter_of(const struct pnode *node)
{
	for (; node; node = node->parent)
		if (node->level == LV_CHAPTER)
			return node;
	return NULL;
}

static void check_articles(struct document *doc, const struct marker_form *form, struct node_list *list)
{
	bool per_chapter = doc->config && doc->config->article_per_chapter;
	const struct pnode *group = NULL;
	list->n = 0;
	for (const struct pnode *p = doc->root; p; p = next_preorder(p, doc->root)) {
		if (p->level != LV_ARTICLE)
			continue;
		if (per_chapter && list->n > 0 && chapter_of(p) != group) {
			check_sequence(doc, form, list);
			list->n = 0;
		}
		group = chapter_of(p);
		ARRAY_PUSH(list->v, list->n, list->cap, p);
	}
	check_sequence(doc, form, list);
}

static void check_numbering(struct document *doc, const struct scheme_syntax *syntax)
{
	struct node_list list = {0};
	const struct marker_form *chapter = marker_form_of(syntax, LV_CHAPTER);
	const struct marker_form *section = marker_form_of(syntax, LV_SECTION);
	const struct marker_form *article = marker_form_of(syntax, LV_ARTICLE);
	static const enum level list_levels[] = {LV_ITEM, LV_SUBITEM, LV_SUBSUBITEM};
	if (chapter) {
		list_children(&list, doc->root, LV_CHAPTER);
		check_sequence(doc, chapter, &list);
	}
	if (article)
		check_articles(doc, article, &list);
	for (const struct pnode *p = doc->root; p; p = next_preorder(p, doc->root)) {
		if (section && (p->level == LV_DOCUMENT || p->level == LV_CHAPTER)) {
			list_children(&list, p, LV_SECTION);
			check_sequence(doc, section, &list);
		}
		for (size_t k = 0; k < sizeof list_levels / sizeof *list_levels; k++) {
			const struct marker_form *form = marker_form_of(syntax, list_levels[k]);
			if (!form)
				continue;
			list_children(&list, p, list_levels[k]);
			check_sequence(doc, form, &list);
		}
	}
	free(list.v);
}

/* ---- empty ---- */

static bool is_blank(const char *s)
{
	char *copy = trim_spaces(xstrdup(s));
	bool blank = copy[0] == '\0';
	free(copy);
	return blank;
}

static bool has_level_below(const struct pnode *node, enum level level)
{
	for (const struct pnode *p = node->first; p; p = next_preorder(p, node))
		if (p->level == level)
			return true;
	return false;
}

/* Text of an article: for the heading form its title does not count. */
static bool article_has_text(const struct pnode *article)
{
	if (!article->heading) {
		char *own = pnode_own_text(article);
		bool blank = is_blank(own);
		free(own);
		if (!blank)
			return true;
	}
	for (const struct pnode *p = article->first; p; p = next_preorder(p, article)) {
		if (p->level != LV_PARAGRAPH)
			return true;
		char *own = pnode_own_text(p);
		bool blank = is_blank(own);
		free(own);
		if (!blank)
			return true;
	}
	return false;
}

static void check_empty(struct document *doc)
{
	for (const struct pnode *p = doc->root; p; p = next_preorder(p, doc->root)) {
		const char *title = p->title ? p->title : "";
		const char *gap = title[0] ? " " : "";
		if ((p->level == LV_CHAPTER && !has_level_below(p, LV_SECTION)) || p->level == LV_SECTION) {
			if (!has_level_below(p, LV_ARTICLE))
				diag_add(&doc->diags, RULE_EMPTY, p->line, p->col,
					 "%s %s%s%s has no articles; expected at least one article",
					 p->level == LV_CHAPTER ? "chapter" : "section", p->marker, gap, title);
		} else if (p->level == LV_ARTICLE && !article_has_text(p)) {
			diag_add(&doc->diags, RULE_EMPTY, p->line, p->col,
				 "article %s%s%s has no text; expected its provisions %s", p->marker, gap, title,
				 p->heading ? "under the heading" : "after the marker");
		}
	}
}

/* ---- required chapters and provisions ---- */

/* Titles compare without their spaces: 总　则 is 总则. */
static bool same_title(const char *title, const char *wanted)
{
	if (!title || !wanted)
		return false;
	for (;;) {
		title += marker_spaces(title, strlen(title));
		wanted += marker_spaces(wanted, strlen(wanted));
		if (*title == '\0' || *wanted == '\0')
			return *title == *wanted;
		if (*title++ != *wanted++)
			return false;
	}
}

static void check_edge_chapter(struct document *doc, const struct node_list *chapters, const char *wanted,
			       bool first)
{
	if (!wanted || chapters->n == 0)
		return;
	const struct pnode *edge = chapters->v[first ? 0 : chapters->n - 1];
	if (same_title(edge->title, wanted))
		return;
	const char *which = first ? "first" : "last";
	for (size_t i = 0; i < chapters->n; i++) {
		const struct pnode *c = chapters->v[i];
		if (same_title(c->title, wanted)) {
			diag_add(&doc->diags, RULE_REQUIRED_CHAPTER, c->line, c->col,
				 "chapter %s %s is not the %s chapter; expected %s to come %s", c->marker, c->title,
				 which, wanted, which);
			return;
		}
	}
	/* A missing chapter has no position of its own: it is reported where it
	 * should stand, at the first (or last) chapter's marker. */
	diag_add(&doc->diags, RULE_REQUIRED_CHAPTER, edge->line, edge->col,
		 "no chapter %s; expected the %s chapter to be %s, not %s %s", wanted, which, wanted,
		 edge->marker, edge->title);
}

/* All text under `top`: titles, own texts, and the text of other blocks. */
static char *subtree_text(const struct pnode *top)
{
	struct buf out = {0};
	buf_puts(&out, "");
	for (const struct pnode *p = top; p; p = next_preorder(p, top)) {
		char *text = p->level == LV_BLOCK && p->block ? inline_text(p->block) : pnode_own_text(p);
		if (p->title)
			buf_printf(&out, "%s\n", p->title);
		buf_printf(&out, "%s\n", text);
		free(text);
	}
	return buf_take(&out);
}

static bool contains_any(const char *text, const struct provision *provision)
{
	for (size_t i = 0; i < provision->nwords; i++)
		if (provision->words[i][0] && strstr(text, provision->words[i]))
			return true;
	return false;
}

static bool chapter_states(const struct pnode *chapter, const struct provision *provision)
{
	for (const struct pnode *p = chapter->first; p; p = next_preorder(p, chapter)) {
		if (p->level != LV_ARTICLE)
			continue;
		char *text = subtree_text(p);
		bool found = contains_any(text, provision);
		free(text);
		if (found)
			return true;
	}
	return false;
}

static char *alternatives(const struct provision *provision)
{
	struct buf out = {0};
	buf_puts(&out, "");
	for (size_t i = 0; i < provision->nwords; i++)
		buf_printf(&out, "%s%s", i == 0 ? "" : i + 1 == provision->nwords ? " or " : ", ",
			   provision->words[i]);
	return buf_take(&out);
}

static void report_provision(struct document *doc, const struct pnode *chapter, const char *chapter_title,
			     const struct provision *provision)
{
	char *words = alternatives(provision);
	const char *them = provision->nwords == 1 ? "it" : "one of them";
	if (chapter)
		diag_add(&doc->diags, RULE_REQUIRED_ARTICLE, chapter->line, chapter->col,
			 "chapter %s %s lacks a required provision: no article contains %s; expected an "
			 "article that contains %s",
			 chapter->marker, chapter->title, words, them);
	else
		diag_add(&doc->diags, RULE_REQUIRED_ARTICLE, 1, 1,
			 "the document lacks a provision that %s requires: nothing in it contains %s; "
			 "expected an article that contains %s",
			 chapter_title, words, them);
	free(words);
}

static void check_required(struct document *doc, const struct requirements *req)
{
	struct node_list chapters = {0};
	list_children(&chapters, doc->root, LV_CHAPTER);
	/* A document without chapters or articles (an empty body, say) is not
	 * structured at all: requiring provisions of it would only repeat that. */
	if (chapters.n == 0 && !has_level_below(doc->root, LV_ARTICLE)) {
		free(chapters.v);
		return;
	}
	check_edge_chapter(doc, &chapters, req->first_chapter, true);
	check_edge_chapter(doc, &chapters, req->last_chapter, false);
	/* Without chapters the provisions are looked for in the whole document. */
	char *whole = chapters.n == 0 ? subtree_text(doc->root) : NULL;
	for (size_t k = 0; k < req->nchapters; k++) {
		const struct chapter_provisions *cp = &req->chapters[k];
		for (size_t j = 0; j < cp->nprovisions; j++) {
			const struct provision *provision = &cp->provisions[j];
			if (whole) {
				if (!contains_any(whole, provision))
					report_provision(doc, NULL, cp->chapter, provision);
				continue;
			}
			for (size_t i = 0; i < chapters.n; i++)
				if (same_title(chapters.v[i]->title, cp->chapter) &&
				    !chapter_states(chapters.v[i], provision))
					report_provision(doc, chapters.v[i], cp->chapter, provision);
		}
	}
	free(whole);
	free(chapters.v);
}

void validate_document(struct document *doc)
{
	const struct scheme_syntax *syntax = scheme_syntax(doc->meta.scheme);
	if (!doc->root || !syntax)
		return;
	check_numbering(doc, syntax);
	check_empty(doc);
	if (doc->config && doc->meta.scheme < SCHEME_COUNT)
		check_required(doc, &doc->config->required[doc->meta.scheme]);
}
