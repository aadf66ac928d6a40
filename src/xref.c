/* xref.c — cross-references in running text (SPEC §5, rule xref-article).
 *
 * The provision tree is walked in document order; for every node the text it
 * owns (inline_walk.h) is searched for references, so each reference knows the
 * article and the paragraph (款) it stands in, which 本条 and 前款 need.
 *
 * Decisions:
 *   - A reference is found inside one text node. One broken up by markup
 *     (第**三**条) or by a line break is not a reference.
 *   - A number that is not a numeral at all (第十十条) makes no reference: it
 *     is more likely prose than a reference, and numeral-form is about markers.
 *     A valid number in another spelling (第3条, 第一十一条) counts as its value;
 *     one too large to be any article's (第一亿条) names nothing.
 *   - A marker written where it makes no provision (an attached document's
 *     第一条 at the start of a paragraph) is not a reference: SPEC §5 looks
 *     for references outside the positions of markers.
 *   - 第N条 right after 》 (《劳动法》第三十六条) is an article of that other
 *     document: only the title is recorded.
 *   - Articles, chapters and items are found by the number they carry as
 *     written, so a reference still finds an article whose number is itself a
 *     numbering mistake; paragraphs are unnumbered and found by position.
 *   - With article-numbering per-chapter (config->article_per_chapter) 第N条
 *     names article N of the chapter the reference stands in (outside any
 *     chapter: of the articles outside chapters); 第N章第M条 names article M of
 *     chapter N in either numbering.
 *   - 本条第K项 and 第N条第K项 name item K of the article's first paragraph, the
 *     article's only paragraph in the common case; 前款第K项 an item of the
 *     paragraph before.
 *   - 《TITLE》 is recorded, not resolved: corpus.c resolves titles once every
 *     document is parsed. No nesting: 《 … 《 … 》 makes the inner one the title;
 *     a 《 without its 》 in the same text node is not a reference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inline_walk.h"
#include "markers.h"
#include "model.h"
#include "parse_inline.h"
#include "numeral.h"
#include "running_text.h"
#include "util.h"
#include "xref_index.h"
#include "xref_scan.h"

struct naming;

/* What a reference stands in: the node whose text is walked, and (found only
 * when a reference needs them, as trees can be deep) its article, 款 and
 * chapter. A block between paragraphs is a child of the paragraph or item
 * before it (parse.c), so the nearest paragraph above is the one it reads in. */
struct context {
	struct document *doc;
	const struct pnode *node;
	bool situated;                 /* the three below are set */
	const struct pnode *article;   /* NULL: outside any article */
	const struct pnode *paragraph; /* the 款 it stands in; NULL: the article's first */
	const struct pnode *chapter;
	struct text_cursor cursor;
	struct xref_index index;
	const struct naming *naming;
};

/* ---- the structure references name ---------------------------------- */

static const struct pnode *ancestor(const struct pnode *node, enum level level)
{
	for (; node; node = node->parent)
		if (node->level == level)
			return node;
	return NULL;
}

/* Children of `parent` at `level`, looking through LV_BLOCK wrappers (a list
 * that holds items) but not into other provisions. Calls back with each in
 * order; stops when fn returns true and returns that node. */
typedef bool (*member_fn)(const struct pnode *member, size_t index, void *arg);

static const struct pnode *find_member(const struct pnode *parent, enum level level, member_fn fn,
				       void *arg, size_t *count)
{
	size_t index = 0;
	const struct pnode *node = parent->first;
	while (node) {
		if (node->level == level) {
			index++;
			if (fn && fn(node, index, arg)) {
				if (count)
					*count = index;
				return node;
			}
		}
		if (node->level == LV_BLOCK && node->first) {
			node = node->first;
			continue;
		}
		while (node != parent && !node->next)
			node = node->parent;
		node = node == parent ? NULL : node->next;
	}
	if (count)
		*count = index;
	return NULL;
}

static size_t count_members(const struct pnode *parent, enum level level)
{
	size_t n;
	find_member(parent, level, NULL, NULL, &n);
	return n;
}

static bool has_number(const struct pnode *member, size_t index, void *arg)
{
	(void)index;
	return member->number == *(const long *)arg;
}

static bool has_index(const struct pnode *member, size_t index, void *arg)
{
	(void)member;
	return index == *(const size_t *)arg;
}

static bool is_node(const struct pnode *member, size_t index, void *arg)
{
	(void)index;
	return member == arg;
}

/* The 款 of an article are its LV_PARAGRAPH children, the first included
 * (parse.c gives a paragraph-form article a first 款 without text of its own:
 * the article holds that text). */
static size_t paragraph_count(const struct pnode *article)
{
	return count_members(article, LV_PARAGRAPH);
}

/* Paragraph m (1-based) of the article, or NULL. */
static const struct pnode *paragraph_at(const struct pnode *article, long m)
{
	if (m < 1)
		return NULL;
	size_t index = (size_t)m;
	return find_member(article, LV_PARAGRAPH, has_index, &index, NULL);
}

/* Position (1-based) of a paragraph in its article; NULL counts as the first. */
static size_t paragraph_index(const struct pnode *article, const struct pnode *paragraph)
{
	if (!paragraph)
		return 1;
	size_t index;
	return find_member(article, LV_PARAGRAPH, is_node, (void *)paragraph, &index) ? index : 1;
}

static const struct pnode *item_in(const struct pnode *paragraph, long k)
{
	return paragraph ? find_member(paragraph, LV_ITEM, has_number, &k, NULL) : NULL;
}

/* ---- messages ----------------------------------------------------------- */

/* Things are named in messages as the document's scheme writes them. */
struct naming {
	const char *article, *chapter; /* a name from its number (%s) */
	const char *paragraph;         /* from the article's name and the paragraph's number */
	const char *range;             /* from two numbers */
	bool chinese;                  /* numbers as Chinese numerals */
};

static const struct naming naming_articles = {"第%s条", "第%s章", "%s第%s款", "第%s条至第%s条", true};
static const struct naming naming_en = {"Article %s", "Chapter %s", "%s(%s)", "Articles %s to %s", false};
static const struct naming naming_decimal = {"第%s条", "第%s章", "%s第%s款", "第%s条至第%s条", false};

static const char *number_text(const struct naming *naming, long n, char buf[64])
{
	if (naming->chinese)
		return n >= 1 && n <= NUMERAL_MAX ? numeral_format(n, buf) : "零";
	snprintf(buf, 64, "%ld", n);
	return buf;
}

static char *name_of(const struct naming *naming, const char *format, long n)
{
	char buf[64];
	return xasprintf(format, number_text(naming, n, buf));
}

static char *name_paragraph(const struct naming *naming, long article, long paragraph)
{
	char buf[64];
	char *name = name_of(naming, naming->article, article);
	char *both = xasprintf(naming->paragraph, name, number_text(naming, paragraph, buf));
	free(name);
	return both;
}

static char *name_range(const struct naming *naming, long first, long last)
{
	char a[64], b[64];
	return xasprintf(naming->range, number_text(naming, first, a), number_text(naming, last, b));
}

/* "this policy has 第一条 to 第十九条" and the like. */
static char *extent_phrase(const struct naming *naming, const char *owner, const char *format,
			   struct extent e, const char *plural)
{
	if (e.count == 0)
		return xasprintf("%s has no %s", owner, plural);
	char *a = name_of(naming, format, e.first), *b = name_of(naming, format, e.last);
	char *s = e.count == 1 ? xasprintf("%s has only %s", owner, a)
			       : xasprintf("%s has %s to %s", owner, a, b);
	free(a);
	free(b);
	return s;
}

static char *count_phrase(const char *owner, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return xasprintf("%s has no %s", owner, many);
	return xasprintf("%s has %zu %s", owner, n, n == 1 ? one : many);
}

static char *article_extent(const struct context *cx, const struct scope *scope)
{
	struct extent e = xref_index_article_extent(&cx->index, scope);
	const struct naming *naming = cx->naming;
	if (scope->chapter) {
		char *owner = name_of(naming, naming->chapter, scope->chapter->number);
		char *s = extent_phrase(naming, owner, naming->article, e, "articles");
		free(owner);
		return s;
	}
	return extent_phrase(naming, "this policy", naming->article, e, "articles");
}

static char *chapter_extent(const struct context *cx)
{
	struct extent e = xref_index_chapter_extent(&cx->index);
	return extent_phrase(cx->naming, "this policy", cx->naming->chapter, e, "chapters");
}

static void report(struct context *cx, const struct piece *piece, size_t off, const char *fmt,
		   const char *a, const char *b)
{
	int line, col;
	text_position(cx->doc, &cx->cursor, piece->node, piece->base + off, &line, &col);
	diag_add(&cx->doc->diags, RULE_XREF_ARTICLE, line, col, fmt, a, b);
}

/* A reference's words as written, for messages: made into a string only
 * when one is reported, as nearly every reference resolves. */
struct words {
	const char *s;
	size_t len;
	char *text; /* NULL until asked for; freed by words_free */
};

static const char *words_text(struct words *words)
{
	if (!words->text)
		words->text = xstrndup(words->s, words->len);
	return words->text;
}

static void words_free(struct words *words)
{
	free(words->text);
}

/* The article a reference names, or NULL after reporting why there is none. */
static const struct pnode *resolve_article(struct context *cx, const struct piece *piece,
					   const struct reference *ref, struct words *words)
{
	struct scope scope = {NULL, false};
	if (ref->chapter != REF_NONE) {
		scope.chapter = xref_index_chapter(&cx->index, ref->chapter);
		if (!scope.chapter) {
			char *has = chapter_extent(cx);
			report(cx, piece, ref->off, "reference %s names no chapter; %s", words_text(words), has);
			free(has);
			return NULL;
		}
	} else if (cx->doc->config->article_per_chapter) {
		scope.chapter = cx->chapter;
		scope.chapterless = !cx->chapter;
	}
	const struct pnode *article = xref_index_article(&cx->index, ref->article, &scope);
	if (!article) {
		char *has = article_extent(cx, &scope);
		report(cx, piece, ref->off, "reference %s names no article; %s", words_text(words), has);
		free(has);
	}
	return article;
}

/* The article 本条 and 前款 stand in, or NULL after reporting. */
static const struct pnode *own_article(struct context *cx, const struct piece *piece,
				       const struct reference *ref, struct words *words)
{
	if (!cx->article)
		report(cx, piece, ref->off, "%s stands outside any article%s", words_text(words), "");
	return cx->article;
}

static const struct pnode *resolve_paragraph(struct context *cx, const struct piece *piece,
					     const struct reference *ref, struct words *words,
					     const struct pnode *article, long m)
{
	const struct pnode *paragraph = paragraph_at(article, m);
	if (!paragraph) {
		char *name = name_of(cx->naming, cx->naming->article, article->number);
		char *has = count_phrase(name, paragraph_count(article), "paragraph", "paragraphs");
		report(cx, piece, ref->off, "reference %s names no paragraph; %s", words_text(words), has);
		free(has);
		free(name);
	}
	return paragraph;
}

static const struct pnode *resolve_item(struct context *cx, const struct piece *piece,
					const struct reference *ref, struct words *words,
					const struct pnode *article, const struct pnode *paragraph,
					long k)
{
	const struct pnode *item = item_in(paragraph, k);
	if (!item) {
		char *name = paragraph_count(article) > 1
				     ? name_paragraph(cx->naming, article->number,
						      (long)paragraph_index(article, paragraph))
				     : name_of(cx->naming, cx->naming->article, article->number);
		/* A heading-form article without text has no paragraph at all: a
		 * reference in its title to one of its items finds none. */
		size_t items = paragraph ? count_members(paragraph, LV_ITEM) : 0;
		char *has = count_phrase(name, items, "item", "items");
		report(cx, piece, ref->off, "reference %s names no item; %s", words_text(words), has);
		free(has);
		free(name);
	}
	return item;
}

/* An article named by the first run of digits in s[from..to), as written:
 * Articles 1 to 99999999999 names its end Article 99999999999, a number no
 * long holds. */
static char *name_written(const struct naming *naming, const char *s, size_t from, size_t to)
{
	while (from < to && (s[from] < '0' || s[from] > '9'))
		from++;
	size_t end = from;
	while (end < to && s[end] >= '0' && s[end] <= '9')
		end++;
	char *digits = xstrndup(s + from, end - from);
	char *name = xasprintf(naming->article, digits);
	free(digits);
	return name;
}

/* 第N条至第M条: each end on its own, so a missing end is named at its place. */
static void resolve_range(struct context *cx, const struct piece *piece,
			  const struct reference *ref, struct xref *x)
{
	struct reference end = *ref;
	end.article = ref->range_end;
	end.off = ref->range_off;
	/* Each end in the document's words (第八条), or named (Article 8) when
	 * the words of one end are not a name of their own (Articles 8 to 9). */
	struct words start_words = {piece->s + ref->off, ref->start_len, NULL};
	struct words end_words = {piece->s + end.off, ref->off + ref->len - end.off, NULL};
	if (!ref->start_len) {
		start_words.text = name_written(cx->naming, piece->s, ref->off, end.off);
		end_words.text = name_written(cx->naming, piece->s, end.off, ref->off + ref->len);
	}
	x->target = resolve_article(cx, piece, ref, &start_words);
	x->target_end = resolve_article(cx, piece, &end, &end_words);
	if (x->target && x->target_end && ref->range_end < ref->article) {
		struct words words = {piece->s + ref->off, ref->len, NULL};
		char *expected = name_range(cx->naming, ref->range_end, ref->article);
		report(cx, piece, ref->off, "range %s runs backwards; expected %s", words_text(&words), expected);
		free(expected);
		words_free(&words);
	}
	words_free(&start_words);
	words_free(&end_words);
}

/* Scheme decimal: 见4.2 names the clause numbered 4.2. When it is missing,
 * the message names the first missing level and what its parent has. */
static void resolve_clause(struct context *cx, const struct piece *piece,
			   const struct reference *ref, struct xref *x)
{
	const char *number = piece->s + ref->title_off;
	size_t len = ref->title_len, missing = len;
	x->target = xref_index_clause(&cx->index, number, len);
	if (x->target)
		return;
	for (size_t i = 1; i < len; i++) {
		if (number[i] == '.' && !xref_index_clause(&cx->index, number, i)) {
			missing = i;
			break;
		}
	}
	size_t parent = missing;
	while (parent > 0 && number[parent - 1] != '.')
		parent--;
	parent = parent ? parent - 1 : 0;
	struct clause_extent e = xref_index_clause_children(&cx->index, number, parent);
	char *owner = parent ? xstrndup(number, parent) : xstrdup("this policy");
	char *has = e.count == 0   ? xasprintf("%s has no clauses", owner)
		    : e.count == 1 ? xasprintf("%s has only %s", owner, e.first)
				   : xasprintf("%s has %s to %s", owner, e.first, e.last);
	char *words = xstrndup(number, len);
	if (missing < len) {
		char *gap = xstrndup(number, missing);
		char *detail = xasprintf("there is no %s, and %s", gap, has);
		free(has);
		free(gap);
		has = detail;
	}
	report(cx, piece, ref->off, "reference %s names no clause; %s", words, has);
	free(words);
	free(has);
	free(owner);
}

static void resolve(struct context *cx, const struct piece *piece, const struct reference *ref,
		    struct xref *x)
{
	if (ref->kind == XREF_RANGE) {
		resolve_range(cx, piece, ref, x);
		return;
	}
	if (ref->base == BASE_CLAUSE) {
		resolve_clause(cx, piece, ref, x);
		return;
	}
	struct words words = {piece->s + ref->off, ref->len, NULL};
	const struct pnode *article = NULL, *paragraph = NULL;
	switch (ref->base) {
	case BASE_CHAPTER:
		x->target = xref_index_chapter(&cx->index, ref->chapter);
		if (!x->target) {
			char *has = chapter_extent(cx);
			report(cx, piece, ref->off, "reference %s names no chapter; %s", words_text(&words), has);
			free(has);
		}
		goto done;
	case BASE_ARTICLE:
		article = resolve_article(cx, piece, ref, &words);
		break;
	case BASE_THIS_ARTICLE:
	case BASE_CLAUSE:
		article = own_article(cx, piece, ref, &words);
		break;
	case BASE_PREVIOUS_PARAGRAPH:
		article = own_article(cx, piece, ref, &words);
		if (!article)
			goto done;
		size_t here = paragraph_index(article, cx->paragraph);
		if (here <= 1) {
			char *name = name_of(cx->naming, cx->naming->article, article->number);
			report(cx, piece, ref->off,
			       "%s stands in the first paragraph of %s; there is no paragraph before it",
			       words_text(&words), name);
			free(name);
			goto done;
		}
		paragraph = paragraph_at(article, (long)here - 1);
		break;
	}
	if (!article)
		goto done;
	if (ref->kind == XREF_ARTICLE) {
		x->target = article;
		goto done;
	}
	if (ref->paragraph != REF_NONE) {
		paragraph = resolve_paragraph(cx, piece, ref, &words, article, ref->paragraph);
		if (!paragraph)
			goto done;
	} else if (!paragraph) {
		paragraph = paragraph_at(article, 1);
	}
	if (ref->kind == XREF_PARAGRAPH)
		x->target = paragraph;
	else
		x->target = resolve_item(cx, piece, ref, &words, article, paragraph, ref->item);
done:
	words_free(&words);
}

/* ---- the walk ----------------------------------------------------------- */

static bool is_break_node(cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

static bool is_blank_text(cmark_node *node)
{
	const char *lit = cmark_node_get_type(node) == CMARK_NODE_TEXT ? cmark_node_get_literal(node) : NULL;
	size_t n = literal_length(node, lit);
	return lit && marker_spaces(lit, n) == n;
}

/* Whether a reference starts where a marker is written: at the start of a
 * paragraph, a heading or a line, as 第三条 and a space. That is a marker
 * that is no provision of this document where it stands (an attached
 * document's 第一条, say), not a reference (SPEC §5). */
static bool at_marker_position(const struct context *cx, const struct piece *piece, const struct reference *ref)
{
	/* A marker has nothing but blanks before it in its text node: anything
	 * else rules it out at once, so a line of thousands of references does
	 * not match the node's whole text for a marker once per reference. */
	const char *lit = cmark_node_get_literal(piece->node);
	size_t at = piece->base + ref->off;
	if (!lit || marker_spaces(lit, at) != at)
		return false;
	const struct scheme_syntax *syntax = scheme_syntax(cx->doc->meta.scheme);
	cmark_node *first = piece->node, *parent = cmark_node_parent(first);
	if (!syntax || !parent)
		return false;
	cmark_node_type type = cmark_node_get_type(parent);
	if ((type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH) && !cmark_node_previous(first)) {
		first = parent;
		parent = cmark_node_parent(first);
	}
	cmark_node *before = cmark_node_previous(first);
	if (before && is_blank_text(before)) {
		first = before;
		before = cmark_node_previous(first);
	}
	if (!parent || (before && !is_break_node(before)))
		return false;
	type = cmark_node_get_type(parent);
	unsigned place = type == CMARK_NODE_HEADING ? PLACE_HEADING : before ? PLACE_LINE : PLACE_PARAGRAPH;
	if (type != CMARK_NODE_HEADING && type != CMARK_NODE_PARAGRAPH)
		return false;
	struct marker_match m;
	cmark_node *holder;
	return inline_marker(syntax, first, place, LV_CHAPTER, LV_ARTICLE, &m, &holder) &&
	       holder == piece->node && m.lead == piece->base + ref->off;
}

static void on_piece(void *arg, const struct piece *piece)
{
	struct context *cx = arg;
	if (piece->kind != PIECE_TEXT)
		return;
	struct reference ref;
	size_t pos = 0;
	while (xref_scan_next(cx->doc->meta.scheme, piece->s, piece->len, &pos, &ref)) {
		if (ref.kind != XREF_TITLE && at_marker_position(cx, piece, &ref))
			continue;
		struct xref x = {0};
		x.kind = ref.kind;
		x.text = piece->node;
		x.off = piece->base + ref.off;
		x.len = ref.len;
		text_position(cx->doc, &cx->cursor, piece->node, x.off, &x.line, &x.col);
		if (ref.kind == XREF_TITLE) {
			x.title = xstrndup(piece->s + ref.title_off, ref.title_len);
		} else {
			if (!cx->situated) {
				cx->article = ancestor(cx->node, LV_ARTICLE);
				cx->paragraph = ancestor(cx->node, LV_PARAGRAPH);
				cx->chapter = ancestor(cx->node, LV_CHAPTER);
				cx->situated = true;
			}
			resolve(cx, piece, &ref, &x);
		}
		ARRAY_PUSH(cx->doc->xrefs, cx->doc->nxrefs, cx->doc->xrefs_cap, x);
	}
}

static void *xref_begin(struct document *doc)
{
	struct context *cx = xcalloc(1, sizeof *cx);
	cx->doc = doc;
	xref_index_build(&cx->index, doc->root);
	switch (doc->meta.scheme) {
	case SCHEME_EN:
		cx->naming = &naming_en;
		break;
	case SCHEME_DECIMAL:
		cx->naming = &naming_decimal;
		xref_index_clauses(&cx->index, doc->root);
		break;
	default:
		cx->naming = &naming_articles;
		break;
	}
	return cx;
}

static void on_node(void *arg, const struct pnode *node)
{
	struct context *cx = arg;
	cx->node = node;
	cx->situated = false;
}

static void xref_end(void *arg)
{
	struct context *cx = arg;
	xref_index_free(&cx->index);
	free(cx);
}

const struct text_check xref_text_check = {xref_begin, on_node, on_piece, xref_end};

void xref_document(struct document *doc)
{
	const struct text_check *check = &xref_text_check;
	run_text_checks(doc, &check, 1);
}
