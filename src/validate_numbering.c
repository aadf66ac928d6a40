/* validate_numbering.c — numbers run 1, 2, 3 … under their parent (SPEC §2,
 * §4), for every scheme:
 *
 *   articles, en  chapters through the document, sections in each chapter,
 *                 articles through the document (or per chapter), items in
 *                 their 款, sub-items in their item;
 *   outline       一、 through the document, （一） in each 一、, 1. in each
 *                 （一） (or 一、), （1） in each 1. across all its 款;
 *   decimal       chapters through the document; clauses under their parent,
 *                 carrying its number as their prefix (4.2 in chapter 4,
 *                 4.2.1 under 4.2); list items in their list.
 *
 * One mistake gives one diagnostic: after a wrong number the count goes on
 * from the expected number when the count picks up again within the next
 * few numbers (第五条 第一条 第七条: one wrong number; 第二条 第九条 第九条
 * 第五条: two, each reported), else from the number as written (a jump, a
 * repeat, a step back). A clause in the wrong parent counts at its expected
 * place. */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "validate_impl.h"

const struct pnode *validate_next(const struct pnode *node, const struct pnode *top)
{
	if (node->first)
		return node->first;
	while (node != top && !node->next)
		node = node->parent;
	return node == top ? NULL : node->next;
}

void list_children(struct node_list *list, const struct pnode *parent, enum level level)
{
	list->n = 0;
	for (const struct pnode *c = parent->first; c; c = c->next)
		if (c->level == level)
			ARRAY_PUSH(list->v, list->n, list->cap, c);
}

/* How the markers of one list read: their form and, for decimal clauses,
 * the parent's number that each starts with ("4.2" for 4.2.1). */
struct sequence {
	const struct marker_form *form;
	const char *prefix;
};

/* The marker `node` should have had with number `value`: 第三条, （三）, 4.3. */
static char *marker_for(const struct sequence *seq, const struct pnode *node, long value)
{
	if (seq->prefix)
		return xasprintf("%s.%ld", seq->prefix, value);
	return marker_with_number(node->marker, seq->form->style, value);
}

/* How a skipped number reads: 第三条 and （三） as markers, 3 for 3、, 4.3. */
static char *skipped(const struct sequence *seq, const struct pnode *node, long value)
{
	size_t off, len;
	if (!seq->prefix && marker_split(node->marker, seq->form->style, &off, &len) && off == 0)
		return marker_numeral(seq->form->style, value);
	return marker_for(seq, node, value);
}

static const char *unreadable_reason(const char *marker, enum number_style style)
{
	struct numeral num = marker_number(marker, style);
	if (num.status == NUMERAL_INVALID)
		return style == STYLE_CHINESE ? "is not a valid Chinese numeral" : "is not a number";
	return num.status == NUMERAL_TOO_LARGE ? "is too large" : "is zero";
}

/* A wrong number is read against its neighbours: the last right number
 * before it (prev) and, when the count picks up again after a short run of
 * wrong numbers, the first right one after them (next). */
struct neighbours {
	const struct pnode *prev, *next;
};

static void report_number(struct document *doc, const struct sequence *seq, const struct pnode *node,
			  const struct neighbours *around, long expected)
{
	const struct pnode *prev = around->prev, *next = around->next;
	const struct marker_form *form = seq->form;
	const char *name = form->name;
	char *want = marker_for(seq, node, expected);
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
	} else if (next) {
		diag_add(d, form->number_rule, node->line, node->col,
			 "%s number %s is out of sequence between %s and %s; expected %s", name, node->marker,
			 prev->marker, next->marker, want);
	} else if (node->number > expected) {
		char *from = skipped(seq, node, expected);
		char *to = skipped(seq, node, node->number - 1);
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

/* The most wrong numbers in a row that are each reported on their own when
 * the count picks up after them (第二条 第九条 第九条 第五条: 第九条 twice). */
#define WRONG_RUN_MAX 3

/* The node at which the count picks up again after the wrong number at i,
 * list->v[i + j] numbered expected + j; NULL when none does within
 * WRONG_RUN_MAX: then the number at i is a jump, a repeat or a step back,
 * and the count goes on from it. */
static const struct pnode *count_resumes(const struct node_list *list, size_t i, long expected)
{
	for (size_t j = 1; j <= WRONG_RUN_MAX && i + j < list->n; j++)
		if (list->v[i + j]->number == expected + (long)j)
			return list->v[i + j];
	return NULL;
}

/* Reports list->v[i], whose number is not `expected`, and returns the number
 * expected after it: one diagnostic per mistake (see the top of the file).
 * *last_right is the node the count last went on from: the one before a run
 * of wrong numbers stays, a jump or a repeat becomes it. */
static long report_and_resync(struct document *doc, const struct sequence *seq, const struct node_list *list,
			      size_t i, const struct pnode **last_right, long expected)
{
	const struct pnode *node = list->v[i];
	struct neighbours around = {*last_right, count_resumes(list, i, expected)};
	report_number(doc, seq, node, &around, expected);
	if (around.next || node->number == 0)
		return expected + 1;
	*last_right = node;
	return node->number + 1;
}

static void check_sequence(struct document *doc, const struct sequence *seq, const struct node_list *list)
{
	long expected = 1;
	const struct pnode *last_right = NULL;
	for (size_t i = 0; i < list->n; i++) {
		if (list->v[i]->number == expected) {
			last_right = list->v[i];
			expected++;
			continue;
		}
		expected = report_and_resync(doc, seq, list, i, &last_right, expected);
	}
}

static void check_form(struct document *doc, const struct marker_form *form, const struct node_list *list)
{
	struct sequence seq = {form, NULL};
	check_sequence(doc, &seq, list);
}

static const struct pnode *chapter_of(const struct pnode *node)
{
	for (; node; node = node->parent)
		if (node->level == LV_CHAPTER)
			return node;
	return NULL;
}

/* The articles, as one list (or one a chapter) for check_sequence, which is
 * asked only of a list that does not run 1, 2, 3 …: of the others it would
 * find nothing. */
static void check_articles(struct document *doc, const struct marker_form *form, struct node_list *list)
{
	bool per_chapter = doc->config && doc->config->article_per_chapter;
	const struct pnode *group = NULL;
	bool out_of_order = false;
	list->n = 0;
	for (const struct pnode *p = doc->root; p; p = validate_next(p, doc->root)) {
		if (p->level != LV_ARTICLE)
			continue;
		const struct pnode *chapter = chapter_of(p);
		if (per_chapter && list->n > 0 && chapter != group) {
			if (out_of_order)
				check_form(doc, form, list);
			list->n = 0;
			out_of_order = false;
		}
		group = chapter;
		out_of_order |= p->number != (long)list->n + 1;
		ARRAY_PUSH(list->v, list->n, list->cap, p);
	}
	if (out_of_order)
		check_form(doc, form, list);
}

/* ---- decimal clauses ---- */

struct clause_parent {
	const struct pnode *node;
	long parts[MARKER_MAX_DEPTH];
	size_t depth;
	char *number; /* as its children should start: "4", "4.2" */
};

static size_t node_parts(const struct pnode *node, long *parts)
{
	return node->marker ? marker_dotted_parts(node->marker, parts, MARKER_MAX_DEPTH) : 0;
}

static bool same_prefix(const long *parts, const long *prefix, size_t depth)
{
	for (size_t i = 0; i < depth; i++)
		if (parts[i] != prefix[i])
			return false;
	return true;
}

static char *parent_words(const struct clause_parent *parent)
{
	return xasprintf("%s %s", parent->node->level == LV_CHAPTER ? "chapter" : "clause", parent->number);
}

/* A clause more than one part longer than its parent's number (4.2.1 in
 * chapter 4): the clause between them is missing. A run of such clauses
 * under the same missing one is one mistake. */
static long report_missing_level(struct document *doc, const struct sequence *seq,
				 const struct clause_parent *parent, const struct pnode *node, long missing)
{
	char *where = parent_words(parent);
	char *want = marker_for(seq, node, missing);
	diag_add(&doc->diags, seq->form->number_rule, node->line, node->col,
		 "clause number %s stands directly in %s, without clause %s; expected %s before it", node->marker,
		 where, want, want);
	free(want);
	free(where);
	return missing;
}

static void check_clause_list(struct document *doc, const struct sequence *seq, const struct clause_parent *parent,
			      const struct node_list *list)
{
	long expected = 1, missing_run = 0;
	const struct pnode *last_right = NULL;
	for (size_t i = 0; i < list->n; i++) {
		const struct pnode *node = list->v[i];
		long parts[MARKER_MAX_DEPTH];
		size_t depth = node_parts(node, parts);
		bool prefix_ok = depth > parent->depth && same_prefix(parts, parent->parts, parent->depth);
		if (prefix_ok && depth > parent->depth + 1) {
			long missing = parts[parent->depth];
			if (missing != missing_run)
				expected = report_missing_level(doc, seq, parent, node, missing) + 1;
			missing_run = missing;
			continue;
		}
		missing_run = 0;
		if (!prefix_ok) {
			char *where = parent_words(parent);
			char *want = marker_for(seq, node, expected);
			diag_add(&doc->diags, seq->form->number_rule, node->line, node->col,
				 "clause number %s stands in %s; expected %s", node->marker, where, want);
			free(want);
			free(where);
			last_right = node;
			expected++;
		} else if (node->number == expected) {
			last_right = node;
			expected++;
		} else {
			expected = report_and_resync(doc, seq, list, i, &last_right, expected);
		}
	}
}

/* Clauses outside any chapter have no parent number to carry: each run of
 * clauses with the same prefix is numbered on its own. */
static void check_chapterless_clauses(struct document *doc, const struct marker_form *form,
				      const struct node_list *all)
{
	struct node_list run = {0};
	struct clause_parent parent = {doc->root, {0}, 0, NULL};
	for (size_t i = 0; i <= all->n; i++) {
		long parts[MARKER_MAX_DEPTH];
		size_t depth = i < all->n ? node_parts(all->v[i], parts) : 0;
		bool same = run.n > 0 && i < all->n && depth == parent.depth + 1 &&
			    same_prefix(parts, parent.parts, parent.depth);
		if (run.n > 0 && !same) {
			struct sequence seq = {form, parent.number};
			check_clause_list(doc, &seq, &parent, &run);
			free(parent.number);
			parent.number = NULL;
			run.n = 0;
		}
		if (i == all->n)
			break;
		if (run.n == 0) {
			parent.depth = depth > 0 ? depth - 1 : 0;
			struct buf number = {0};
			buf_puts(&number, "");
			for (size_t k = 0; k < parent.depth; k++) {
				parent.parts[k] = parts[k];
				buf_printf(&number, "%s%ld", k ? "." : "", parts[k]);
			}
			parent.number = buf_take(&number);
		}
		ARRAY_PUSH(run.v, run.n, run.cap, all->v[i]);
	}
	free(run.v);
}

static void check_clauses(struct document *doc, const struct marker_form *form, struct node_list *list)
{
	for (const struct pnode *p = doc->root; p; p = validate_next(p, doc->root)) {
		if (p->level != LV_DOCUMENT && p->level != LV_CHAPTER && p->level != LV_ARTICLE)
			continue;
		list_children(list, p, LV_ARTICLE);
		if (list->n == 0)
			continue;
		if (p->level == LV_DOCUMENT) {
			check_chapterless_clauses(doc, form, list);
			continue;
		}
		struct clause_parent parent = {p, {0}, 0, NULL};
		if (p->level == LV_CHAPTER) {
			parent.parts[0] = p->number;
			parent.depth = 1;
		} else {
			parent.depth = node_parts(p, parent.parts);
		}
		/* Children carry the parent's number as written, so a wrong parent
		 * number is reported once, at the parent. */
		size_t off, len;
		bool split = marker_split(p->marker, p->level == LV_CHAPTER ? STYLE_ARABIC : STYLE_DOTTED, &off, &len);
		parent.number = split ? xstrndup(p->marker + off, len) : xstrdup(p->marker);
		if (p->level == LV_CHAPTER && split)
			parent.parts[0] = marker_number(p->marker, STYLE_ARABIC).value;
		struct sequence seq = {form, parent.number};
		check_clause_list(doc, &seq, &parent, list);
		free(parent.number);
	}
}

/* ---- items ---- */

static bool is_structure(const struct pnode *node)
{
	return node->level <= LV_ARTICLE || node->level == LV_ATTACHMENT;
}

/* Outline's （1） restart in each 1., not in each of its 款: the items of all
 * the 款 of a structure node form one list. */
static void list_items_across(struct node_list *list, const struct pnode *parent)
{
	list->n = 0;
	for (const struct pnode *c = parent->first; c; c = c->next) {
		if (c->level == LV_ITEM)
			ARRAY_PUSH(list->v, list->n, list->cap, c);
		else if (c->level == LV_PARAGRAPH)
			for (const struct pnode *item = c->first; item; item = item->next)
				if (item->level == LV_ITEM)
					ARRAY_PUSH(list->v, list->n, list->cap, item);
	}
}

static const enum level list_levels[] = {LV_ITEM, LV_SUBITEM, LV_SUBSUBITEM};
#define NLIST_LEVELS (sizeof list_levels / sizeof *list_levels)

/* Whether p's children of each list level that has a form are numbered
 * 1, 2, 3 … in order: then check_sequence would find nothing in their lists,
 * and none is made (most nodes of most documents). */
static bool list_levels_in_order(const struct pnode *p, const struct marker_form *const *forms)
{
	long expected[NLIST_LEVELS] = {1, 1, 1};
	for (const struct pnode *c = p->first; c; c = c->next)
		for (size_t k = 0; k < NLIST_LEVELS; k++)
			if (c->level == list_levels[k] && forms[k] && c->number != expected[k]++)
				return false;
	return true;
}

/* forms[k]: the form of list_levels[k] (NULL: none), found once per document. */
static void check_list_levels(struct document *doc, const struct scheme_syntax *syntax, const struct pnode *p,
			      const struct marker_form *const *forms, struct node_list *list)
{
	if (!p->first) /* no children, nothing in sequence */
		return;
	/* with items numbered through all 款 of a structure node, lists are
	 * made of more than p's children */
	if (!syntax->items_per_article && list_levels_in_order(p, forms))
		return;
	for (size_t k = 0; k < NLIST_LEVELS; k++) {
		const struct marker_form *form = forms[k];
		if (!form)
			continue;
		if (list_levels[k] == LV_ITEM && syntax->items_per_article) {
			if (p->level == LV_PARAGRAPH && p->parent && is_structure(p->parent))
				continue;
			if (is_structure(p))
				list_items_across(list, p);
			else
				list_children(list, p, LV_ITEM);
		} else {
			list_children(list, p, list_levels[k]);
		}
		check_form(doc, form, list);
	}
}

void check_numbering(struct document *doc, const struct scheme_syntax *syntax)
{
	struct node_list list = {0};
	const struct marker_form *chapter = marker_form_of(syntax, LV_CHAPTER);
	const struct marker_form *section = marker_form_of(syntax, LV_SECTION);
	const struct marker_form *article = marker_form_of(syntax, LV_ARTICLE);
	const struct marker_form *list_forms[NLIST_LEVELS];
	for (size_t k = 0; k < NLIST_LEVELS; k++)
		list_forms[k] = marker_form_of(syntax, list_levels[k]);
	if (chapter) {
		list_children(&list, doc->root, LV_CHAPTER);
		check_form(doc, chapter, &list);
	}
	if (article && syntax->nested_articles)
		check_clauses(doc, article, &list);
	else if (article && !syntax->articles_per_parent)
		check_articles(doc, article, &list);
	for (const struct pnode *p = doc->root; p; p = validate_next(p, doc->root)) {
		if (section && (p->level == LV_DOCUMENT || p->level == LV_CHAPTER)) {
			list_children(&list, p, LV_SECTION);
			check_form(doc, section, &list);
		}
		if (article && syntax->articles_per_parent && !syntax->nested_articles &&
		    (p->level == LV_DOCUMENT || p->level == LV_CHAPTER || p->level == LV_SECTION)) {
			list_children(&list, p, LV_ARTICLE);
			check_form(doc, article, &list);
		}
		check_list_levels(doc, syntax, p, list_forms, &list);
	}
	free(list.v);
}
