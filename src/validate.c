/* validate.c — numbering (SPEC §2, §4; validate_numbering.c), empty
 * provisions, and the chapters and provisions that the configuration
 * requires (SPEC §7), for every scheme.
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
#include "validate_impl.h"

/* ---- empty ---- */

static bool has_level_below(const struct pnode *node, enum level level)
{
	for (const struct pnode *p = node->first; p; p = validate_next(p, node))
		if (p->level == level)
			return true;
	return false;
}

/* Text of an article: for the heading form its title does not count. */
static bool article_has_text(const struct pnode *article)
{
	if (!article->heading && !pnode_own_text_blank(article))
		return true;
	for (const struct pnode *p = article->first; p; p = validate_next(p, article)) {
		if (p->level != LV_PARAGRAPH)
			return true;
		if (!pnode_own_text_blank(p))
			return true;
	}
	return false;
}

/* How messages name a node: chapter 第二章 总则, level-1 五、日常工作管理,
 * clause 4.2, Chapter 2 Reporting (an English marker names its level). */
static char *named(const struct scheme_syntax *syntax, const struct pnode *node, bool with_kind)
{
	const struct marker_form *form = marker_form_of(syntax, node->level);
	const char *marker = node->marker ? node->marker : "";
	const char *title = node->title ? node->title : "";
	size_t n = strlen(marker);
	bool closed = n >= 3 && (strcmp(marker + n - 3, "、") == 0 || strcmp(marker + n - 3, "）") == 0);
	const char *gap = !title[0] || closed ? "" : " ";
	if (syntax->english || !form || !with_kind)
		return xasprintf("%s%s%s", marker, gap, title);
	return xasprintf("%s %s%s%s", form->name, marker, gap, title);
}

static char *described(const struct scheme_syntax *syntax, const struct pnode *node)
{
	return named(syntax, node, true);
}

static void report_empty(struct document *doc, const struct scheme_syntax *syntax, const struct pnode *node,
			 const char *what)
{
	char *name = described(syntax, node);
	diag_add(&doc->diags, RULE_EMPTY, node->line, node->col, "%s %s", name, what);
	free(name);
}

/* Chapters and sections of outline and decimal may be provisions of their
 * own (一、严格遵守…); only a heading with nothing under it is empty. */
static void check_empty(struct document *doc, const struct scheme_syntax *syntax)
{
	for (const struct pnode *p = doc->root; p; p = validate_next(p, doc->root)) {
		bool division = p->level == LV_CHAPTER || p->level == LV_SECTION;
		if (division && syntax->paragraph_divisions) {
			if (p->heading && !p->first)
				report_empty(doc, syntax, p, "has nothing under it; expected its text under the heading");
		} else if ((p->level == LV_CHAPTER && !has_level_below(p, LV_SECTION)) || p->level == LV_SECTION) {
			if (!has_level_below(p, LV_ARTICLE))
				report_empty(doc, syntax, p, "has no articles; expected at least one article");
		} else if (p->level == LV_ARTICLE && !article_has_text(p)) {
			report_empty(doc, syntax, p,
				     p->heading ? "has no text; expected its provisions under the heading"
						: "has no text; expected its provisions after the marker");
		}
	}
}

/* ---- required chapters and provisions ---- */

static char fold(char c, bool english)
{
	return english && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Past the spaces that marker_spaces skips (U+0020, tab, U+3000) at the
 * start of s, read up to its NUL rather than measured first. */
static const char *skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (s[0] == '\xE3' && s[1] == '\x80' && s[2] == '\x80')
			s += 3;
		else
			return s;
	}
}

/* Titles compare without their spaces (总　则 is 总则), English ones without
 * case (General provisions is General Provisions). */
static bool same_title(const char *title, const char *wanted, bool english)
{
	if (!title || !wanted)
		return false;
	for (;;) {
		title = skip_spaces(title);
		wanted = skip_spaces(wanted);
		if (*title == '\0' || *wanted == '\0')
			return *title == *wanted;
		if (fold(*title++, english) != fold(*wanted++, english))
			return false;
	}
}

static bool contains_folded(const char *text, const char *word, size_t n)
{
	for (; *text; text++) {
		size_t i = 0;
		while (i < n && text[i] && fold(text[i], true) == fold(word[i], true))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* English words are found without case and in their -ies and -ied forms
 * too: "This Policy applies to" states apply. */
static bool contains_word(const char *text, const char *word, bool english)
{
	size_t n = strlen(word);
	if (n == 0)
		return false;
	if (!english)
		return strstr(text, word) != NULL;
	if (contains_folded(text, word, n))
		return true;
	if (n < 2 || fold(word[n - 1], true) != 'y')
		return false;
	char *ies = xasprintf("%.*sies", (int)(n - 1), word), *ied = xasprintf("%.*sied", (int)(n - 1), word);
	bool found = contains_folded(text, ies, n + 2) || contains_folded(text, ied, n + 2);
	free(ies);
	free(ied);
	return found;
}

struct required {
	struct document *doc;
	const struct scheme_syntax *syntax;
	const struct requirements *req;
	struct node_list chapters;
};

static void check_edge_chapter(struct required *r, const char *wanted, bool first)
{
	const struct node_list *chapters = &r->chapters;
	if (!wanted || chapters->n == 0)
		return;
	const struct pnode *edge = chapters->v[first ? 0 : chapters->n - 1];
	if (same_title(edge->title, wanted, r->syntax->english))
		return;
	const char *which = first ? "first" : "last";
	for (size_t i = 0; i < chapters->n; i++) {
		const struct pnode *c = chapters->v[i];
		if (same_title(c->title, wanted, r->syntax->english)) {
			char *name = described(r->syntax, c);
			diag_add(&r->doc->diags, RULE_REQUIRED_CHAPTER, c->line, c->col,
				 "%s is not the %s chapter; expected %s to come %s", name, which, wanted, which);
			free(name);
			return;
		}
	}
	/* A chapter without a title (title-missing) may well be the one wanted:
	 * that it is missing follows from the missing title. */
	if (!edge->title || !edge->title[0])
		return;
	/* A missing chapter has no position of its own: it is reported where it
	 * should stand, at the first (or last) chapter's marker. */
	char *name = named(r->syntax, edge, false);
	diag_add(&r->doc->diags, RULE_REQUIRED_CHAPTER, edge->line, edge->col,
		 "no chapter %s; expected the %s chapter to be %s, not %s", wanted, which, wanted, name);
	free(name);
}

/* All text under `top`: titles, own texts, and the text of other blocks. */
static char *subtree_text(const struct pnode *top)
{
	struct buf out = {0};
	buf_puts(&out, "");
	for (const struct pnode *p = top; p; p = validate_next(p, top)) {
		if (p->title) {
			buf_puts(&out, p->title);
			buf_putc(&out, '\n');
		}
		if (p->level == LV_BLOCK && p->block)
			inline_put_text(&out, p->block);
		else
			pnode_put_own_text(&out, p);
		buf_putc(&out, '\n');
	}
	return buf_take(&out);
}

static bool contains_any(const struct required *r, const char *text, const struct provision *provision)
{
	for (size_t i = 0; i < provision->nwords; i++)
		if (contains_word(text, provision->words[i], r->syntax->english))
			return true;
	return false;
}

/* The texts a chapter's provisions are looked for in, made as the first
 * provision needs them and kept for the others: its articles' texts in
 * order, or (outline, decimal) the whole chapter's. */
struct chapter_texts {
	char **v;
	size_t n, cap;
};

/* Articles state provisions; in outline and decimal, whose chapters are
 * often provisions themselves, anything in the chapter does. */
static bool chapter_states(const struct required *r, const struct pnode *chapter, const struct provision *provision,
			   struct chapter_texts *texts)
{
	if (r->syntax->paragraph_divisions) {
		if (texts->n == 0)
			ARRAY_PUSH(texts->v, texts->n, texts->cap, subtree_text(chapter));
		return contains_any(r, texts->v[0], provision);
	}
	size_t k = 0;
	for (const struct pnode *p = chapter->first; p; p = validate_next(p, chapter)) {
		if (p->level != LV_ARTICLE)
			continue;
		if (k == texts->n)
			ARRAY_PUSH(texts->v, texts->n, texts->cap, subtree_text(p));
		if (contains_any(r, texts->v[k++], provision))
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

static void report_provision(struct required *r, const struct pnode *chapter, const char *chapter_title,
			     const struct provision *provision)
{
	char *words = alternatives(provision);
	const char *them = provision->nwords == 1 ? "it" : "one of them";
	if (chapter) {
		char *name = described(r->syntax, chapter);
		bool anywhere = r->syntax->paragraph_divisions;
		diag_add(&r->doc->diags, RULE_REQUIRED_ARTICLE, chapter->line, chapter->col,
			 "%s lacks a required provision: %s contains %s; expected %s that contains %s", name,
			 anywhere ? "nothing in it" : "no article", words, anywhere ? "text" : "an article", them);
		free(name);
	} else {
		diag_add(&r->doc->diags, RULE_REQUIRED_ARTICLE, 1, 1,
			 "the document lacks a provision that %s requires: nothing in it contains %s; "
			 "expected an article that contains %s",
			 chapter_title, words, them);
	}
	free(words);
}

/* An empty chapter already has its diagnostic (check_empty); that it states
 * none of its provisions follows from it and is not reported again. */
static bool reported_empty(const struct scheme_syntax *syntax, const struct pnode *chapter)
{
	if (syntax->paragraph_divisions)
		return chapter->heading && !chapter->first;
	return !has_level_below(chapter, LV_ARTICLE);
}

static void check_provisions(struct required *r)
{
	/* Without chapters the provisions are looked for in the whole document. */
	char *whole = r->chapters.n == 0 ? subtree_text(r->doc->root) : NULL;
	struct chapter_texts *texts = xcalloc(r->chapters.n ? r->chapters.n : 1, sizeof *texts);
	for (size_t k = 0; k < r->req->nchapters; k++) {
		const struct chapter_provisions *cp = &r->req->chapters[k];
		for (size_t j = 0; j < cp->nprovisions; j++) {
			const struct provision *provision = &cp->provisions[j];
			if (whole) {
				if (!contains_any(r, whole, provision))
					report_provision(r, NULL, cp->chapter, provision);
				continue;
			}
			for (size_t i = 0; i < r->chapters.n; i++)
				if (same_title(r->chapters.v[i]->title, cp->chapter, r->syntax->english) &&
				    !reported_empty(r->syntax, r->chapters.v[i]) &&
				    !chapter_states(r, r->chapters.v[i], provision, &texts[i]))
					report_provision(r, r->chapters.v[i], cp->chapter, provision);
		}
	}
	for (size_t i = 0; i < r->chapters.n; i++) {
		for (size_t k = 0; k < texts[i].n; k++)
			free(texts[i].v[k]);
		free(texts[i].v);
	}
	free(texts);
	free(whole);
}

static void check_required(struct document *doc, const struct scheme_syntax *syntax,
			   const struct requirements *req)
{
	struct required r = {doc, syntax, req, {0}};
	list_children(&r.chapters, doc->root, LV_CHAPTER);
	/* A document without chapters or articles (an empty body, say) is not
	 * structured at all: requiring provisions of it would only repeat that. */
	if (r.chapters.n > 0 || has_level_below(doc->root, LV_ARTICLE)) {
		check_edge_chapter(&r, req->first_chapter, true);
		check_edge_chapter(&r, req->last_chapter, false);
		check_provisions(&r);
	}
	free(r.chapters.v);
}

void validate_document(struct document *doc)
{
	const struct scheme_syntax *syntax = scheme_syntax(doc->meta.scheme);
	if (!doc->root || !syntax)
		return;
	check_numbering(doc, syntax);
	check_empty(doc, syntax);
	if (doc->config && doc->meta.scheme < SCHEME_COUNT)
		check_required(doc, syntax, &doc->config->required[doc->meta.scheme]);
}
