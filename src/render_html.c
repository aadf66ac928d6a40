/* render_html.c — a policy's page (SPEC §9): its header, table of contents,
 * text and attachments. The Markdown inside the text is written by
 * render_html_cmark.c, anchors and link targets come from
 * render_html_anchor.c, the catalogue and form pages from render_html_site.c.
 * Every value from a policy goes through html_escape; markup comes only from
 * these files and from templates/. */
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "inline_walk.h"
#include "util.h"

/* ---- small writers ---- */

/* The node's html_anchor id as an attribute, which needs no escaping. */
static void put_attr_id(struct buf *b, const struct html_page *page, const struct pnode *node)
{
	size_t len;
	const char *id = html_anchor(page, node, &len);
	if (id) {
		buf_puts(b, " id=\"");
		buf_put(b, id, len);
		buf_putc(b, '"');
	}
}

/* ---- the text of the policy ---- */

struct tree_ctx {
	struct html_renderer *r;
	struct html_page *page;
	const struct labels *l;
};

static void put_own_text(struct html_page *page, const struct pnode *node)
{
	html_render_range(page, node->text, node->skip, node->stop);
}

/* "第一章　总则": the marker, the gap, the title — written from the text, so
 * that a reference in a title (## 第三条 依照第二条) is a link like any other. */
static void put_heading_text(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	html_put_marker(b, node->marker);
	if (node->marker && *node->marker && node->title && *node->title)
		buf_puts(b, html_marker_gap(t->l, node->marker));
	if (node->text)
		put_own_text(t->page, node);
	else
		html_put_escaped(b, node->title);
}

/* The 附件 label and the attachment's own title, which print on lines of
 * their own (GB/T 9704): from the marker and title, or from a heading
 * "附件一 工作呈报流程" given whole as the title. "附：…" stays whole. */
static void attachment_parts(const struct pnode *node, char **label, char **title)
{
	const char *whole = node->title ? node->title : "";
	if (node->marker && *node->marker) {
		*label = xstrdup(node->marker);
		*title = xstrdup(whole);
		return;
	}
	static const char *const separators[] = {" ", "\u3000", "：", ":"};
	size_t cut = strlen(whole), after = cut;
	for (size_t i = 0; str_starts_with(whole, "附件") && i < sizeof separators / sizeof *separators; i++) {
		const char *p = strstr(whole, separators[i]);
		if (p && (size_t)(p - whole) < cut) {
			cut = (size_t)(p - whole);
			after = cut + strlen(separators[i]);
		}
	}
	while (whole[after] == ' ' || str_starts_with(whole + after, "\u3000"))
		after += whole[after] == ' ' ? 1 : 3;
	*label = xstrndup(whole, cut);
	*title = xstrdup(whole + after);
}

/* The attachment's title from its heading's text, where the label and the
 * gap after it stand plainly at the start of the first text node (as they
 * do unless written with emphasis): its references become links. */
static void put_attachment_title(struct tree_ctx *t, const struct pnode *node, const char *title)
{
	const char *whole = node->title ? node->title : "";
	const char *lit = node->text ? cmark_node_get_literal(node->text) : NULL;
	size_t before = strlen(whole) - strlen(title); /* the label and the gap */
	if (node->marker || lit == NULL || literal_length(node->text, lit) < node->skip + before ||
	    strncmp(lit + node->skip, whole, before) != 0) {
		html_put_escaped(&t->page->out, title);
		return;
	}
	html_render_range(t->page, node->text, node->skip + before, node->stop);
}

/* An attachment that is a form named like the attachment: the form's own
 * title heads it, once. */
static bool titled_by_form(const struct pnode *attachment, const char *title)
{
	for (const struct pnode *c = attachment->first; c; c = c->next)
		if (c->level == LV_BLOCK && c->form && c->form->title && strcmp(c->form->title, title) == 0)
			return true;
	return false;
}

/* An article written as a paragraph owns its first 款's text (parse.c); it is
 * written inside that 款, so the 款's anchor covers it. */
static bool holds_article_lead(const struct pnode *node)
{
	return node && node->level == LV_PARAGRAPH && node->text == NULL && node->parent &&
	       node->parent->level == LV_ARTICLE && !node->parent->heading && node == node->parent->first;
}

static void put_article_lead(struct tree_ctx *t, const struct pnode *article)
{
	struct buf *b = &t->page->out;
	buf_puts(b, "<p class=\"article-lead\">");
	html_put_marker(b, article->marker);
	buf_puts(b, html_marker_gap(t->l, article->marker));
	put_own_text(t->page, article);
	buf_puts(b, "</p>\n");
}

/* form-ID, unless an earlier form of the page has that id too (two forms of
 * one id, built with --force): then form-ID-x2 …, as the anchors do. NULL:
 * form-ID. */
static char *form_anchor(const struct document *doc, const struct form *form)
{
	int copy = 1;
	for (size_t i = 0; i < doc->nforms && doc->forms[i] != form; i++)
		if (doc->forms[i] && doc->forms[i]->id && form->id && strcmp(doc->forms[i]->id, form->id) == 0)
			copy++;
	return copy > 1 ? xasprintf("form-%s-x%d", form->id, copy) : NULL;
}

static void put_form(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	char *anchor = node->form ? form_anchor(t->page->doc, node->form) : NULL;
	char *html = node->form ? form_html_render_as(t->r->forms, node->form, anchor) : NULL;
	bool own_id = anchor == NULL; /* form-ID, as on the form's page */
	free(anchor);
	if (html == NULL) { /* a form that did not parse: show what was written */
		html_render_block(t->page, node->block);
		return;
	}
	buf_puts(b, html);
	bool has_page = html_has_form_page(t->r, node->form);
	if (has_page && own_id) /* the form's page shows the same grid */
		form_html_keep(t->r->forms, node->form, html);
	else
		free(html);
	if (has_page) {
		buf_puts(b, "<p class=\"form-links\"><a href=\"forms/");
		html_put_escaped(b, node->form->id);
		buf_puts(b, ".html\">");
		html_put_escaped(b, t->l->print_form);
		buf_puts(b, "</a></p>\n");
	}
}

static bool reads_as_title(const char *title)
{
	static const char *const stops[] = {"。", "，", "；", "：", "！", "？", ",", ";", ":", "!", "?"};
	for (size_t i = 0; title && i < sizeof stops / sizeof *stops; i++)
		if (strstr(title, stops[i]))
			return false;
	return true;
}

/* Outline's 一、 and （一） written as paragraphs. One that heads further
 * levels and reads as a title (二、日常工作管理: no sentence punctuation) is
 * a heading however it is written; any other — 一、严格遵守国家法律…。, or a
 * sentence over its items — is a provision, printed as a paragraph. A decimal
 * chapter written as a paragraph is a title by definition (parse.c). */
static bool printed_as_paragraph(const struct document *doc, const struct pnode *node)
{
	if (node->heading || doc->meta.scheme != SCHEME_OUTLINE)
		return false;
	return node->first == NULL || !reads_as_title(node->title);
}

static void open_node(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	switch (node->level) {
	case LV_CHAPTER:
	case LV_SECTION:
		buf_puts(b, node->level == LV_CHAPTER ? "<section class=\"chapter\"" : "<section class=\"section\"");
		put_attr_id(b, t->page, node);
		buf_puts(b, ">\n");
		if (printed_as_paragraph(t->page->doc, node)) {
			buf_puts(b, node->level == LV_CHAPTER ? "<p class=\"chapter-lead\">" : "<p class=\"section-lead\">");
			put_heading_text(t, node);
			buf_puts(b, "</p>\n");
			break;
		}
		buf_puts(b, node->level == LV_CHAPTER ? "<h2 class=\"chapter-heading\">" : "<h3 class=\"section-heading\">");
		put_heading_text(t, node);
		buf_puts(b, node->level == LV_CHAPTER ? "</h2>\n" : "</h3>\n");
		break;
	case LV_ATTACHMENT: {
		char *label, *title;
		attachment_parts(node, &label, &title);
		buf_puts(b, "<section class=\"attachment\"");
		put_attr_id(b, t->page, node);
		buf_puts(b, ">\n");
		if (*label && *title) {
			buf_puts(b, "<p class=\"attachment-label\">");
			html_put_escaped(b, label);
			buf_puts(b, "</p>\n");
		}
		if (!titled_by_form(node, *title ? title : label)) {
			buf_puts(b, "<h2 class=\"attachment-title\">");
			if (*title)
				put_attachment_title(t, node, title);
			else
				html_put_escaped(b, label);
			buf_puts(b, "</h2>\n");
		}
		free(label);
		free(title);
		break;
	}
	case LV_ARTICLE:
		buf_puts(b, "<div class=\"article\"");
		put_attr_id(b, t->page, node);
		buf_puts(b, ">\n");
		if (node->heading) {
			buf_puts(b, "<h4 class=\"article-heading\">");
			put_heading_text(t, node);
			buf_puts(b, "</h4>\n");
		} else if (!holds_article_lead(node->first)) {
			put_article_lead(t, node);
		}
		break;
	case LV_PARAGRAPH:
		buf_puts(b, "<div class=\"paragraph\"");
		put_attr_id(b, t->page, node);
		buf_puts(b, ">\n");
		if (holds_article_lead(node)) {
			put_article_lead(t, node->parent);
		} else if (node->text) {
			buf_puts(b, "<p>");
			put_own_text(t->page, node);
			buf_puts(b, "</p>\n");
		}
		break;
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		if (node->prev == NULL || node->prev->level != node->level)
			buf_puts(b, node->level == LV_ITEM ? "<ol class=\"items\">\n"
				    : node->level == LV_SUBITEM ? "<ol class=\"items subitems\">\n"
								: "<ol class=\"items subsubitems\">\n");
		buf_puts(b, "<li");
		put_attr_id(b, t->page, node);
		buf_putc(b, '>');
		html_put_marker(b, node->marker);
		buf_puts(b, html_marker_gap(t->l, node->marker));
		put_own_text(t->page, node);
		buf_putc(b, '\n');
		break;
	case LV_BLOCK:
		if (node->form)
			put_form(t, node);
		else
			html_render_block(t->page, node->block);
		break;
	default:
		break;
	}
}

static void close_node(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	switch (node->level) {
	case LV_CHAPTER:
	case LV_SECTION:
	case LV_ATTACHMENT:
		buf_puts(b, "</section>\n");
		break;
	case LV_ARTICLE:
	case LV_PARAGRAPH:
		buf_puts(b, "</div>\n");
		break;
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		buf_puts(b, "</li>\n");
		if (node->next == NULL || node->next->level != node->level)
			buf_puts(b, "</ol>\n");
		break;
	default:
		break;
	}
}

static bool visit_text(void *ctx, const struct pnode *node, bool entering)
{
	struct tree_ctx *t = ctx;
	if (entering)
		open_node(t, node);
	else
		close_node(t, node);
	return node->level != LV_BLOCK;
}

/* Writes the top-level nodes that are (or are not) attachments. */
static void put_parts(struct tree_ctx *t, bool attachments)
{
	const struct pnode *root = t->page->doc->root;
	for (const struct pnode *node = root ? root->first : NULL; node; node = node->next)
		if ((node->level == LV_ATTACHMENT) == attachments)
			html_walk_pnodes(node, visit_text, t);
}

/* ---- metadata ---- */



static void put_meta_row(struct buf *b, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_puts(b, "<div><dt>");
	html_put_escaped(b, label);
	buf_puts(b, "</dt><dd>");
	html_put_escaped(b, value);
	buf_puts(b, "</dd></div>\n");
}

static void put_supersedes(struct buf *b, const struct html_renderer *r, const struct meta *m,
			   const struct labels *l)
{
	if (m->nsupersedes == 0)
		return;
	buf_puts(b, "<div><dt>");
	html_put_escaped(b, l->supersedes);
	buf_puts(b, "</dt><dd>");
	for (size_t i = 0; i < m->nsupersedes; i++) {
		const struct document *old = r->corpus ? corpus_find_id(r->corpus, m->supersedes[i]) : NULL;
		if (i > 0)
			buf_puts(b, l == &html_en_labels ? ", " : "、");
		if (old)
			html_put_policy_link(b, r, old, "");
		else
			html_put_escaped(b, m->supersedes[i]);
	}
	buf_puts(b, "</dd></div>\n");
}

static void put_revisions(struct buf *b, const struct meta *m, const struct labels *l)
{
	if (m->nrevisions == 0)
		return;
	buf_puts(b, "<table class=\"revisions\">\n<caption>");
	html_put_escaped(b, l->revisions);
	buf_puts(b, "</caption>\n<thead><tr><th>");
	html_put_escaped(b, l->version);
	buf_puts(b, "</th><th>");
	html_put_escaped(b, l->date);
	buf_puts(b, "</th><th>");
	html_put_escaped(b, l->note);
	buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < m->nrevisions; i++) {
		const struct revision *rev = &m->revisions[i];
		buf_puts(b, "<tr><td>");
		html_put_escaped(b, rev->version);
		buf_puts(b, "</td><td>");
		html_put_escaped(b, rev->date);
		buf_puts(b, "</td><td>");
		html_put_escaped(b, rev->note);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n");
}

/* ---- the parts that name other policies ---- */

/* What stands for a part in a page rendered without the corpus, until the
 * template has placed it: \x01, which no other value holds (checked), and a
 * '<', which tells a value placed as it is from one escaped (&lt;), where
 * the part could not simply be put. */
static const char *const part_marks[] = {[HTML_PART_BANNER] = "\x01" "B<", [HTML_PART_SUPERSEDES] = "\x01" "S<"};
enum { PART_MARK_LEN = 3 };

static bool is_superseded(const struct document *doc)
{
	return doc->meta.status && strcmp(doc->meta.status, "superseded") == 0;
}

bool html_names_others(const struct document *doc)
{
	return doc->meta.nsupersedes > 0 || is_superseded(doc);
}

/* holes: the row of the superseded policies left to a mark; true when one
 * was written. */
static bool put_meta(struct buf *b, const struct html_renderer *r, const struct document *doc,
		     const struct labels *l, bool holes)
{
	const struct meta *m = &doc->meta;
	bool marked = holes && m->nsupersedes > 0;
	buf_puts(b, "<dl class=\"meta\">\n");
	put_meta_row(b, l->id, m->id);
	put_meta_row(b, l->version, m->version);
	put_meta_row(b, l->owner, m->owner);
	put_meta_row(b, l->effective, m->effective);
	put_meta_row(b, l->status, html_status_text(l, m->status, 1));
	put_meta_row(b, l->approved_by, m->approved_by);
	if (marked)
		buf_puts(b, part_marks[HTML_PART_SUPERSEDES]);
	else
		put_supersedes(b, r, m, l);
	if (m->ntags > 0) {
		buf_puts(b, "<div><dt>");
		html_put_escaped(b, l->tags);
		buf_puts(b, "</dt><dd>");
		for (size_t i = 0; i < m->ntags; i++) {
			buf_puts(b, "<span class=\"tag\">");
			html_put_escaped(b, m->tags[i]);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</dd></div>\n");
	}
	buf_puts(b, "</dl>\n");
	put_revisions(b, m, l);
	return marked;
}

/* A notice above the title for a policy that is not (or no longer) in force. */
static void put_banner(struct buf *b, const struct html_renderer *r, const struct document *doc,
		       const struct labels *l)
{
	const char *notice = html_status_text(l, doc->meta.status, 2);
	if (notice == NULL)
		return;
	struct buf newer = {0};
	bool superseded = is_superseded(doc);
	size_t from = 0;
	for (const struct document *other;
	     superseded && r->corpus && doc->meta.id && (other = corpus_superseder(r->corpus, doc->meta.id, &from));) {
		if (newer.len)
			buf_puts(&newer, l == &html_en_labels ? ", " : "、");
		buf_puts(&newer, l->quotes[0]);
		html_put_policy_link(&newer, r, other, "");
		buf_puts(&newer, l->quotes[1]);
	}
	buf_puts(b, "<p class=\"status-banner\">");
	if (newer.len) {
		html_put_escaped(b, l->superseded_by[0]);
		buf_puts(b, newer.data);
		html_put_escaped(b, l->superseded_by[1]);
	} else {
		html_put_escaped(b, notice);
	}
	buf_puts(b, "</p>\n");
	buf_free(&newer);
}

/* Appends the part as html_render_policy writes it, from r's corpus: what
 * fills a hole. */
static void html_put_corpus_part(struct buf *b, const struct html_renderer *r, const struct document *doc,
				 enum html_corpus_part part)
{
	const struct labels *l = html_labels_for(doc);
	if (part == HTML_PART_BANNER)
		put_banner(b, r, doc, l);
	else
		put_supersedes(b, r, &doc->meta, l);
}

void html_fill_holes(struct buf *b, const char *holed, const struct html_holes *holes,
		     const struct html_renderer *r, const struct document *doc)
{
	size_t from = 0;
	for (size_t i = 0; i < holes->n; i++) {
		buf_put(b, holed + from, holes->hole[i].at - from);
		html_put_corpus_part(b, r, doc, holes->hole[i].part);
		from = holes->hole[i].at;
	}
	buf_put(b, holed + from, holes->len - from);
}

/* The marks taken out of the page, each leaving a hole where it was; false
 * when a \x01 is not a whole mark (one escaped), or there are too many. */
static bool take_marks(char *page, struct html_holes *holes)
{
	char *to = page;
	holes->n = 0;
	for (const char *from = page;;) {
		const char *mark = strchr(from, '\x01');
		size_t run = mark ? (size_t)(mark - from) : strlen(from);
		memmove(to, from, run);
		to += run;
		if (mark == NULL)
			break;
		enum html_corpus_part part = mark[1] == 'B' ? HTML_PART_BANNER : HTML_PART_SUPERSEDES;
		if (strncmp(mark, part_marks[part], PART_MARK_LEN) != 0 || holes->n == HTML_MAX_HOLES)
			return false;
		holes->hole[holes->n++] = (struct html_hole){(size_t)(to - page), part};
		from = mark + PART_MARK_LEN;
	}
	*to = '\0';
	holes->len = (size_t)(to - page);
	return true;
}

/* The placeholders of page.html: values, then the parts of the page. */
enum page_slot {
	SLOT_LANG, SLOT_TITLE, SLOT_STATUS, SLOT_SCHEME, SLOT_ID, SLOT_CATALOGUE,
	SLOT_BANNER, SLOT_META, SLOT_TOC, SLOT_CONTENT, SLOT_ATTACHMENTS, SLOT_COUNT
};
static const char *const slot_names[SLOT_COUNT] = {
	"lang", "title", "status", "scheme", "id", "catalogue", "banner", "meta", "toc", "content", "attachments",
};

struct page_writer {
	struct tree_ctx t;
	const char *values[SLOT_BANNER];
	bool holes;   /* the parts that name other policies left to marks */
	size_t marks; /* how many were written */
};

/* Appends a part of the page to page->out. */
static void put_part(struct page_writer *w, enum page_slot slot)
{
	struct html_page *page = w->t.page;
	struct buf *b = &page->out;
	const struct document *doc = page->doc;
	switch (slot) {
	case SLOT_BANNER:
		if (w->holes && is_superseded(doc) && html_status_text(w->t.l, doc->meta.status, 2) != NULL) {
			buf_puts(b, part_marks[HTML_PART_BANNER]);
			w->marks++;
		} else {
			put_banner(b, w->t.r, doc, w->t.l);
		}
		break;
	case SLOT_META:
		w->marks += put_meta(b, w->t.r, doc, w->t.l, w->holes);
		break;
	case SLOT_TOC:
		html_put_toc(page, w->t.l);
		break;
	case SLOT_CONTENT:
	case SLOT_ATTACHMENTS:
		put_parts(&w->t, slot == SLOT_ATTACHMENTS);
		break;
	default:
		break;
	}
}

/* template_write's writer of page.html: the parts are written straight into
 * the page, rather than into strings copied into it afterwards. */
static void write_slot(void *ctx, struct buf *out, const char *name, size_t name_len, bool raw)
{
	struct page_writer *w = ctx;
	size_t slot = 0;
	while (slot < SLOT_COUNT && !template_name_is(slot_names[slot], name, name_len))
		slot++;
	if (slot < SLOT_BANNER) {
		const char *value = w->values[slot];
		template_put_value(out, value, value ? strlen(value) : 0, raw);
	} else if (slot < SLOT_COUNT && raw) {
		put_part(w, slot); /* out is page->out */
	} else if (slot < SLOT_COUNT) {
		/* a part escaped (no template of policyc's does so) is written
		 * apart first */
		struct buf page = *out;
		*out = (struct buf){0};
		put_part(w, slot);
		struct buf part = *out;
		*out = page;
		if (part.len)
			html_escape_buf(out, part.data, part.len);
		buf_free(&part);
	}
}

/* The page; with holes, the parts that name other policies marked, and
 * *marks the number of marks written. */
static char *render_page(struct html_renderer *r, const struct document *doc, bool holes, size_t *marks)
{
	const struct labels *l = html_labels_for(doc);
	form_html_drop_kept(r->forms);
	struct html_page page = {.r = r, .doc = doc};
	html_page_index(&page);
	const char *title = doc->meta.title ? doc->meta.title : doc->meta.id ? doc->meta.id : "";
	struct page_writer w = {
		.t = {.r = r, .page = &page, .l = l},
		.values = {[SLOT_LANG] = l->lang, [SLOT_TITLE] = title,
			   [SLOT_STATUS] = doc->meta.status ? doc->meta.status : "active",
			   [SLOT_SCHEME] = scheme_name(doc->meta.scheme), [SLOT_ID] = doc->meta.id ? doc->meta.id : "",
			   [SLOT_CATALOGUE] = l->catalogue},
		.holes = holes,
	};
	/* the page is about twice its Markdown (tags, ids, entities) and the
	 * template: its room made at once */
	const char *template = templates_get(r->templates, "page.html");
	buf_expect(&page.out, 2 * doc->len + (template ? strlen(template) : 0));
	char *html = NULL;
	if (template_write(r->templates, "page.html", &page.out, write_slot, &w))
		html = buf_take(&page.out);
	if (marks)
		*marks = w.marks;
	html_page_release(&page);
	return html;
}

char *html_render_policy(struct html_renderer *r, const struct document *doc)
{
	return render_page(r, doc, false, NULL);
}

char *html_render_policy_holed(struct html_renderer *r, const struct document *doc, struct html_holes *holes)
{
	size_t marks = 0;
	char *page = render_page(r, doc, true, &marks);
	/* only the marks written: a template's own mark-like bytes would be
	 * taken for one more (the page is then rendered whole later) */
	if (page && take_marks(page, holes) && holes->n == marks)
		return page;
	free(page);
	return NULL;
}
