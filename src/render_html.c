/* render_html.c — the HTML site of SPEC §9: one page per policy, the
 * catalogue, one printable page per form. The page around the text lives
 * here; the Markdown inside it is written by render_html_cmark.c. Every value
 * from a policy goes through html_escape; markup comes only from here and
 * from templates/. */
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "util.h"

struct html_renderer {
	const struct corpus *corpus;
	const struct templates *templates;
	struct form_html *forms;
};

struct labels {
	const char *lang, *catalogue, *catalogue_title, *contents, *id, *version, *owner, *effective,
		*status, *approved_by, *supersedes, *tags, *revisions, *date, *note, *title, *policy,
		*forms, *form_id, *print_form, *marker_space, *superseded_by;
	const char *status_names[4][2];
};

static const struct labels zh_labels = {
	.lang = "zh-CN", .catalogue = "制度目录", .catalogue_title = "管理制度目录", .contents = "目录",
	.id = "文号", .version = "版本", .owner = "制订部门", .effective = "生效日期", .status = "状态",
	.approved_by = "审批", .supersedes = "替代", .tags = "标签", .revisions = "修订记录",
	.date = "日期", .note = "说明", .title = "名称", .policy = "所属制度", .forms = "表单",
	.form_id = "表单编号", .print_form = "单独打印此表", .marker_space = "\u3000",
	.superseded_by = "本制度已被替代：",
	.status_names = {{"active", "现行有效"}, {"draft", "草案"}, {"superseded", "已被替代"},
			 {"repealed", "已废止"}},
};

static const struct labels en_labels = {
	.lang = "en", .catalogue = "Catalogue", .catalogue_title = "Policy catalogue", .contents = "Contents",
	.id = "Number", .version = "Version", .owner = "Owner", .effective = "Effective", .status = "Status",
	.approved_by = "Approved by", .supersedes = "Supersedes", .tags = "Tags", .revisions = "Revisions",
	.date = "Date", .note = "Note", .title = "Title", .policy = "Policy", .forms = "Forms",
	.form_id = "Form id", .print_form = "Print this form", .marker_space = " ",
	.superseded_by = "This policy has been superseded by ",
	.status_names = {{"active", "In force"}, {"draft", "Draft"}, {"superseded", "Superseded"},
			 {"repealed", "Repealed"}},
};

static const struct labels *labels_for(const struct document *doc)
{
	return doc->meta.scheme == SCHEME_EN ? &en_labels : &zh_labels;
}

static const char *status_name(const struct labels *l, const char *status)
{
	const char *s = status ? status : "active";
	for (size_t i = 0; i < 4; i++)
		if (strcmp(l->status_names[i][0], s) == 0)
			return l->status_names[i][1];
	return s;
}

bool html_file_id_ok(const char *id)
{
	if (id == NULL || !((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z') ||
			    (id[0] >= '0' && id[0] <= '9')))
		return false;
	return strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == strlen(id);
}

struct html_renderer *html_new(const struct corpus *corpus, const struct templates *templates)
{
	struct html_renderer *r = xcalloc(1, sizeof *r);
	r->corpus = corpus;
	r->templates = templates;
	r->forms = form_html_new();
	return r;
}

void html_free(struct html_renderer *r)
{
	if (r == NULL)
		return;
	form_html_free(r->forms);
	free(r);
}

/* ---- anchors: pnode -> id, unique within the page ---- */

struct anchor_map {
	const struct pnode **nodes; /* open addressing by pointer */
	char **ids;
	char **used;                /* open addressing by string */
	size_t cap;                 /* a power of two, more than twice the nodes */
};

static size_t hash_pointer(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15u); }

static size_t hash_string(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

const char *html_anchor(const struct html_page *page, const struct pnode *node)
{
	const struct anchor_map *m = page->anchors;
	if (m == NULL || node == NULL)
		return NULL;
	for (size_t i = hash_pointer(node) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->nodes[i] == NULL)
			return NULL;
		if (m->nodes[i] == node)
			return m->ids[i];
	}
}

/* Takes `id` if no node has it yet; returns false when it is taken. */
static bool claim_id(struct anchor_map *m, char *id)
{
	size_t i = hash_string(id) & (m->cap - 1);
	for (; m->used[i]; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->used[i], id) == 0)
			return false;
	m->used[i] = id;
	return true;
}

static void set_anchor(struct anchor_map *m, const struct pnode *node, char *id)
{
	size_t i = hash_pointer(node) & (m->cap - 1);
	while (m->nodes[i])
		i = (i + 1) & (m->cap - 1);
	m->nodes[i] = node;
	m->ids[i] = id;
}

static const struct pnode *ancestor_at(const struct pnode *node, enum level level)
{
	for (const struct pnode *p = node->parent; p; p = p->parent)
		if (p->level == level)
			return p;
	return NULL;
}

static int shown_number(const struct pnode *node) { return node->number > 0 ? node->number : node->seq; }

static char *base_anchor(const struct html_page *page, const struct pnode *node)
{
	const struct pnode *chapter = ancestor_at(node, LV_CHAPTER);
	const char *parent_id = html_anchor(page, node->parent);
	switch (node->level) {
	case LV_CHAPTER:
		return xasprintf("chapter-%d", shown_number(node));
	case LV_SECTION:
		return chapter ? xasprintf("section-%d-%d", shown_number(chapter), shown_number(node))
			       : xasprintf("section-%d", shown_number(node));
	case LV_ARTICLE:
		if (chapter && page->doc->config && page->doc->config->article_per_chapter)
			return xasprintf("chapter-%d-article-%d", shown_number(chapter), shown_number(node));
		return xasprintf("article-%d", shown_number(node));
	case LV_ATTACHMENT:
		return xasprintf("attachment-%d", node->seq);
	case LV_PARAGRAPH:
		return parent_id ? xasprintf("%s-%d", parent_id, node->seq) : xasprintf("preamble-%d", node->seq);
	case LV_ITEM:
	case LV_SUBITEM:
	case LV_SUBSUBITEM:
		return parent_id ? xasprintf("%s-%d", parent_id, node->seq) : NULL;
	default:
		return NULL;
	}
}

typedef bool (*pnode_visit)(void *ctx, const struct pnode *node, bool entering);

/* Visits top's subtree in document order without recursion; `visit` on
 * entering returns whether to descend. */
static void walk_pnodes(const struct pnode *top, pnode_visit visit, void *ctx)
{
	const struct pnode *node = top;
	for (;;) {
		if (visit(ctx, node, true) && node->first) {
			node = node->first;
			continue;
		}
		for (;;) {
			visit(ctx, node, false);
			if (node == top)
				return;
			if (node->next) {
				node = node->next;
				break;
			}
			node = node->parent;
		}
	}
}

static bool count_node(void *ctx, const struct pnode *node, bool entering)
{
	(void)node;
	*(size_t *)ctx += entering;
	return true;
}

static bool anchor_node(void *ctx, const struct pnode *node, bool entering)
{
	struct html_page *page = ctx;
	if (!entering)
		return true;
	char *id = base_anchor(page, node);
	if (id == NULL)
		return true;
	/* Only a document with numbering errors built with --force repeats a
	 * number; its later copies get a suffix no real anchor has. */
	for (int copy = 2; !claim_id(page->anchors, id); copy++) {
		char *base = base_anchor(page, node);
		free(id);
		id = xasprintf("%s-x%d", base, copy);
		free(base);
	}
	set_anchor(page->anchors, node, id);
	return true;
}

static void anchors_build(struct html_page *page)
{
	const struct pnode *root = page->doc->root;
	if (root == NULL)
		return;
	size_t n = 0;
	walk_pnodes(root, count_node, &n);
	struct anchor_map *m = xcalloc(1, sizeof *m);
	m->cap = 16;
	while (m->cap < 2 * n + 2)
		m->cap *= 2;
	m->nodes = xcalloc(m->cap, sizeof *m->nodes);
	m->ids = xcalloc(m->cap, sizeof *m->ids);
	m->used = xcalloc(m->cap, sizeof *m->used);
	page->anchors = m;
	walk_pnodes(root, anchor_node, page);
}

static void anchors_free(struct anchor_map *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->ids[i]);
	free(m->nodes);
	free(m->ids);
	free(m->used);
	free(m);
}

/* ---- references ---- */

static int compare_xrefs(const void *a, const void *b)
{
	const struct xref *x = *(const struct xref *const *)a, *y = *(const struct xref *const *)b;
	if (x->text != y->text)
		return (uintptr_t)x->text < (uintptr_t)y->text ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static void xrefs_index(struct html_page *page)
{
	const struct document *doc = page->doc;
	page->xrefs = xcalloc(doc->nxrefs + 1, sizeof *page->xrefs);
	for (size_t i = 0; i < doc->nxrefs; i++)
		if (doc->xrefs[i].text)
			page->xrefs[page->nxrefs++] = &doc->xrefs[i];
	qsort(page->xrefs, page->nxrefs, sizeof *page->xrefs, compare_xrefs);
}

char *html_xref_href(const struct html_page *page, const struct xref *x)
{
	if (x->kind == XREF_TITLE) {
		if (x->target_doc && x->target_doc == page->doc)
			return xstrdup("#top");
		if (x->target_doc && html_file_id_ok(x->target_doc->meta.id))
			return xasprintf("%s.html", x->target_doc->meta.id);
		if (x->target_form && html_file_id_ok(x->target_form->id))
			return xasprintf("forms/%s.html", x->target_form->id);
		return NULL;
	}
	const char *id = html_anchor(page, x->target);
	return id ? xasprintf("#%s", id) : NULL;
}

/* ---- small writers ---- */

static void put_escaped(struct buf *b, const char *s)
{
	if (s)
		html_escape_buf(b, s, strlen(s));
}

static void put_attr_id(struct buf *b, const char *id)
{
	if (id) {
		buf_puts(b, " id=\"");
		put_escaped(b, id);
		buf_putc(b, '"');
	}
}

static void put_marker(struct buf *b, const char *marker)
{
	if (marker && *marker) {
		buf_puts(b, "<span class=\"marker\">");
		put_escaped(b, marker);
		buf_puts(b, "</span>");
	}
}

/* "第一章　总则": the marker, a separator, the title. */
static void put_heading_text(struct buf *b, const struct labels *l, const struct pnode *node)
{
	put_marker(b, node->marker);
	if (node->marker && *node->marker && node->title && *node->title)
		buf_puts(b, l->marker_space);
	put_escaped(b, node->title);
}

/* A TOC entry for an article written as a paragraph: its text up to the
 * first pause, at most a short phrase. */
static char *article_caption(const struct pnode *node)
{
	if (node->title && *node->title)
		return xstrdup(node->title);
	char *text = pnode_own_text(node);
	if (text == NULL)
		return xstrdup("");
	static const char *const pauses[] = {"\u3000", " ", "：", ":", "，", ",", "。", "；", ";", "、"};
	size_t end = strlen(text);
	for (size_t i = 0; i < sizeof pauses / sizeof pauses[0]; i++) {
		char *p = strstr(text, pauses[i]);
		if (p && (size_t)(p - text) < end)
			end = (size_t)(p - text);
	}
	size_t bytes = 0, chars = 0;
	uint32_t cp;
	while (bytes < end && chars < 16) {
		size_t n = utf8_decode(text + bytes, end - bytes, &cp);
		bytes += n ? n : 1;
		chars++;
	}
	char *caption = bytes < end ? xasprintf("%.*s…", (int)bytes, text) : xstrndup(text, bytes);
	free(text);
	return caption;
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

/* The 附件 label and the attachment's own title, which print on lines of
 * their own (GB/T 9704): from the marker and title, or from a heading
 * "附件一 工作呈报流程" given whole as the title. */
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
	for (size_t i = 0; str_starts_with(whole, "附") && i < sizeof separators / sizeof *separators; i++) {
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
	put_marker(b, article->marker);
	buf_puts(b, t->l->marker_space);
	put_own_text(t->page, article);
	buf_puts(b, "</p>\n");
}

static void put_form(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	char *html = node->form ? form_html_render(t->r->forms, node->form) : NULL;
	if (html == NULL) { /* a form that did not parse: show what was written */
		html_render_block(t->page, node->block);
		return;
	}
	buf_puts(b, html);
	free(html);
	if (html_file_id_ok(node->form->id)) {
		buf_puts(b, "<p class=\"form-links\"><a href=\"forms/");
		put_escaped(b, node->form->id);
		buf_puts(b, ".html\">");
		put_escaped(b, t->l->print_form);
		buf_puts(b, "</a></p>\n");
	}
}

static void open_node(struct tree_ctx *t, const struct pnode *node)
{
	struct buf *b = &t->page->out;
	const char *id = html_anchor(t->page, node);
	switch (node->level) {
	case LV_CHAPTER:
	case LV_SECTION:
		buf_puts(b, node->level == LV_CHAPTER ? "<section class=\"chapter\"" : "<section class=\"section\"");
		put_attr_id(b, id);
		buf_puts(b, node->level == LV_CHAPTER ? ">\n<h2 class=\"chapter-heading\">"
						       : ">\n<h3 class=\"section-heading\">");
		put_heading_text(b, t->l, node);
		buf_puts(b, node->level == LV_CHAPTER ? "</h2>\n" : "</h3>\n");
		break;
	case LV_ATTACHMENT: {
		char *label, *title;
		attachment_parts(node, &label, &title);
		buf_puts(b, "<section class=\"attachment\"");
		put_attr_id(b, id);
		buf_puts(b, ">\n");
		if (*label && *title) {
			buf_puts(b, "<p class=\"attachment-label\">");
			put_escaped(b, label);
			buf_puts(b, "</p>\n");
		}
		if (!titled_by_form(node, *title ? title : label)) {
			buf_puts(b, "<h2 class=\"attachment-title\">");
			put_escaped(b, *title ? title : label);
			buf_puts(b, "</h2>\n");
		}
		free(label);
		free(title);
		break;
	}
	case LV_ARTICLE:
		buf_puts(b, "<div class=\"article\"");
		put_attr_id(b, id);
		buf_puts(b, ">\n");
		if (node->heading) {
			buf_puts(b, "<h4 class=\"article-heading\">");
			put_heading_text(b, t->l, node);
			buf_puts(b, "</h4>\n");
		} else if (!holds_article_lead(node->first)) {
			put_article_lead(t, node);
		}
		break;
	case LV_PARAGRAPH:
		buf_puts(b, "<div class=\"paragraph\"");
		put_attr_id(b, id);
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
		put_attr_id(b, id);
		buf_putc(b, '>');
		put_marker(b, node->marker);
		if (node->marker && *node->marker && (unsigned char)node->marker[strlen(node->marker) - 1] < 0x80)
			buf_putc(b, ' '); /* "1. 文字", "(一) 文字"; none after "（一）" or "1、" */
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
static char *render_parts(struct tree_ctx *t, bool attachments)
{
	const struct pnode *root = t->page->doc->root;
	for (const struct pnode *node = root ? root->first : NULL; node; node = node->next)
		if ((node->level == LV_ATTACHMENT) == attachments)
			walk_pnodes(node, visit_text, t);
	return buf_take(&t->page->out);
}

/* ---- table of contents ---- */

static bool in_toc(enum level level)
{
	return level == LV_CHAPTER || level == LV_SECTION || level == LV_ARTICLE || level == LV_ATTACHMENT;
}

static bool has_toc_children(const struct pnode *node)
{
	if (node->level == LV_ARTICLE || node->level == LV_ATTACHMENT)
		return false;
	for (const struct pnode *c = node->first; c; c = c->next)
		if (in_toc(c->level))
			return true;
	return false;
}

/* Opens the list of a node's TOC children; a list of articles only is
 * laid out in columns. */
static void open_toc_list(struct buf *b, const struct pnode *node)
{
	bool articles_only = true;
	for (const struct pnode *c = node->first; c; c = c->next)
		if (in_toc(c->level) && c->level != LV_ARTICLE)
			articles_only = false;
	buf_puts(b, articles_only ? "<ol class=\"toc-articles\">\n" : "<ol>\n");
}

static bool visit_toc(void *ctx, const struct pnode *node, bool entering)
{
	struct tree_ctx *t = ctx;
	struct buf *b = &t->page->out;
	if (node->level == LV_DOCUMENT) {
		if (entering)
			open_toc_list(b, node);
		else
			buf_puts(b, "</ol>\n");
		return true;
	}
	if (!in_toc(node->level))
		return false;
	if (!entering) {
		buf_puts(b, has_toc_children(node) ? "</ol>\n</li>\n" : "</li>\n");
		return false;
	}
	static const char *const classes[LV_COUNT] = {
		[LV_CHAPTER] = "toc-chapter", [LV_SECTION] = "toc-section",
		[LV_ARTICLE] = "toc-article", [LV_ATTACHMENT] = "toc-attachment"};
	buf_printf(b, "<li class=\"%s\"><a href=\"#", classes[node->level]);
	put_escaped(b, html_anchor(t->page, node));
	buf_puts(b, "\">");
	put_marker(b, node->marker);
	char *caption = node->level == LV_ARTICLE ? article_caption(node) : xstrdup(node->title ? node->title : "");
	if (*caption && node->marker && *node->marker)
		buf_puts(b, t->l->marker_space);
	put_escaped(b, caption);
	free(caption);
	buf_puts(b, "</a>");
	if (has_toc_children(node)) {
		buf_putc(b, '\n');
		open_toc_list(b, node);
		return true;
	}
	return false;
}

static char *render_toc(struct tree_ctx *t)
{
	const struct pnode *root = t->page->doc->root;
	if (root == NULL || !has_toc_children(root))
		return xstrdup("");
	struct buf *b = &t->page->out;
	buf_puts(b, "<nav class=\"toc\">\n<h2 class=\"toc-title\">");
	put_escaped(b, t->l->contents);
	buf_puts(b, "</h2>\n");
	walk_pnodes(root, visit_toc, t);
	buf_puts(b, "</nav>\n");
	return buf_take(b);
}

/* ---- metadata ---- */

static const struct document *find_id(const struct corpus *corpus, const char *id)
{
	for (size_t i = 0; corpus && i < corpus->ndocs; i++)
		if (corpus->docs[i]->meta.id && strcmp(corpus->docs[i]->meta.id, id) == 0)
			return corpus->docs[i];
	return NULL;
}

static void put_policy_link(struct buf *b, const struct document *doc, const char *prefix)
{
	if (html_file_id_ok(doc->meta.id)) {
		buf_printf(b, "<a href=\"%s", prefix);
		put_escaped(b, doc->meta.id);
		buf_puts(b, ".html\">");
	}
	put_escaped(b, doc->meta.title ? doc->meta.title : doc->meta.id);
	if (html_file_id_ok(doc->meta.id))
		buf_puts(b, "</a>");
}

static void put_meta_row(struct buf *b, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_puts(b, "<div><dt>");
	put_escaped(b, label);
	buf_puts(b, "</dt><dd>");
	put_escaped(b, value);
	buf_puts(b, "</dd></div>\n");
}

static void put_supersedes(struct buf *b, const struct html_renderer *r, const struct meta *m,
			   const struct labels *l)
{
	if (m->nsupersedes == 0)
		return;
	buf_puts(b, "<div><dt>");
	put_escaped(b, l->supersedes);
	buf_puts(b, "</dt><dd>");
	for (size_t i = 0; i < m->nsupersedes; i++) {
		const struct document *old = find_id(r->corpus, m->supersedes[i]);
		if (i > 0)
			buf_puts(b, "、");
		if (old)
			put_policy_link(b, old, "");
		else
			put_escaped(b, m->supersedes[i]);
	}
	buf_puts(b, "</dd></div>\n");
}

static void put_revisions(struct buf *b, const struct meta *m, const struct labels *l)
{
	if (m->nrevisions == 0)
		return;
	buf_puts(b, "<table class=\"revisions\">\n<caption>");
	put_escaped(b, l->revisions);
	buf_puts(b, "</caption>\n<thead><tr><th>");
	put_escaped(b, l->version);
	buf_puts(b, "</th><th>");
	put_escaped(b, l->date);
	buf_puts(b, "</th><th>");
	put_escaped(b, l->note);
	buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < m->nrevisions; i++) {
		const struct revision *rev = &m->revisions[i];
		buf_puts(b, "<tr><td>");
		put_escaped(b, rev->version);
		buf_puts(b, "</td><td>");
		put_escaped(b, rev->date);
		buf_puts(b, "</td><td>");
		put_escaped(b, rev->note);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n");
}

static char *render_meta(const struct html_renderer *r, const struct document *doc, const struct labels *l)
{
	const struct meta *m = &doc->meta;
	struct buf b = {0};
	buf_puts(&b, "<dl class=\"meta\">\n");
	put_meta_row(&b, l->id, m->id);
	put_meta_row(&b, l->version, m->version);
	put_meta_row(&b, l->owner, m->owner);
	put_meta_row(&b, l->effective, m->effective);
	put_meta_row(&b, l->status, status_name(l, m->status));
	put_meta_row(&b, l->approved_by, m->approved_by);
	put_supersedes(&b, r, m, l);
	if (m->ntags > 0) {
		buf_puts(&b, "<div><dt>");
		put_escaped(&b, l->tags);
		buf_puts(&b, "</dt><dd>");
		for (size_t i = 0; i < m->ntags; i++) {
			buf_puts(&b, "<span class=\"tag\">");
			put_escaped(&b, m->tags[i]);
			buf_puts(&b, "</span>");
		}
		buf_puts(&b, "</dd></div>\n");
	}
	buf_puts(&b, "</dl>\n");
	put_revisions(&b, m, l);
	return buf_take(&b);
}

/* A notice above the title for a policy that is not (or no longer) in force. */
static char *render_banner(const struct html_renderer *r, const struct document *doc, const struct labels *l)
{
	const char *status = doc->meta.status;
	if (status == NULL || strcmp(status, "active") == 0)
		return xstrdup("");
	struct buf b = {0};
	buf_puts(&b, "<p class=\"status-banner\">");
	put_escaped(&b, status_name(l, status));
	for (size_t i = 0; r->corpus && doc->meta.id && i < r->corpus->ndocs; i++) {
		const struct document *newer = r->corpus->docs[i];
		for (size_t k = 0; k < newer->meta.nsupersedes; k++) {
			if (strcmp(newer->meta.supersedes[k], doc->meta.id) != 0)
				continue;
			buf_puts(&b, " · ");
			put_escaped(&b, l->superseded_by);
			put_policy_link(&b, newer, "");
		}
	}
	buf_puts(&b, "</p>\n");
	return buf_take(&b);
}

char *html_render_policy(struct html_renderer *r, const struct document *doc)
{
	const struct labels *l = labels_for(doc);
	struct html_page page = {.doc = doc};
	anchors_build(&page);
	xrefs_index(&page);
	struct tree_ctx t = {.r = r, .page = &page, .l = l};
	char *toc = render_toc(&t);
	char *content = render_parts(&t, false);
	char *attachments = render_parts(&t, true);
	char *meta = render_meta(r, doc, l);
	char *banner = render_banner(r, doc, l);
	const char *title = doc->meta.title ? doc->meta.title : doc->meta.id ? doc->meta.id : "";
	struct tvar vars[] = {
		{"lang", l->lang}, {"title", title}, {"status", doc->meta.status ? doc->meta.status : "active"},
		{"id", doc->meta.id ? doc->meta.id : ""}, {"catalogue", l->catalogue}, {"banner", banner},
		{"meta", meta}, {"toc", toc}, {"content", content}, {"attachments", attachments},
	};
	char *html = template_expand(r->templates, "page.html", vars, sizeof vars / sizeof vars[0]);
	free(toc);
	free(content);
	free(attachments);
	free(meta);
	free(banner);
	buf_free(&page.out);
	free(page.xrefs);
	anchors_free(page.anchors);
	return html;
}

/* ---- the catalogue ---- */

static int compare_docs(const void *a, const void *b)
{
	const struct document *x = *(const struct document *const *)a, *y = *(const struct document *const *)b;
	int c = strcmp(x->meta.id, y->meta.id);
	return c ? c : strcmp(x->path, y->path);
}

static void put_cell(struct buf *b, const char *cls, const char *value)
{
	buf_printf(b, "<td class=\"%s\">", cls);
	put_escaped(b, value);
	buf_puts(b, "</td>");
}

static char *render_policy_table(const struct document **docs, size_t n, const struct labels *l)
{
	struct buf b = {0};
	buf_puts(&b, "<table class=\"catalogue-policies\">\n<thead><tr>");
	const char *heads[] = {l->title, l->id, l->version, l->owner, l->effective, l->status};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		buf_puts(&b, "<th>");
		put_escaped(&b, heads[i]);
		buf_puts(&b, "</th>");
	}
	buf_puts(&b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct meta *m = &docs[i]->meta;
		buf_printf(&b, "<tr class=\"status-");
		put_escaped(&b, m->status ? m->status : "active");
		buf_puts(&b, "\"><td class=\"title\">");
		put_policy_link(&b, docs[i], "");
		buf_puts(&b, "</td>");
		put_cell(&b, "id", m->id);
		put_cell(&b, "version", m->version);
		put_cell(&b, "owner", m->owner);
		put_cell(&b, "effective", m->effective);
		put_cell(&b, "status", status_name(l, m->status));
		buf_puts(&b, "</tr>\n");
	}
	buf_puts(&b, "</tbody>\n</table>\n");
	return buf_take(&b);
}

static char *render_form_table(const struct document **docs, size_t n, const struct labels *l)
{
	struct buf b = {0};
	size_t nforms = 0;
	for (size_t i = 0; i < n; i++)
		nforms += docs[i]->nforms;
	if (nforms == 0)
		return buf_take(&b);
	buf_puts(&b, "<h2 class=\"catalogue-section\">");
	put_escaped(&b, l->forms);
	buf_puts(&b, "</h2>\n<table class=\"catalogue-forms\">\n<thead><tr><th>");
	put_escaped(&b, l->title);
	buf_puts(&b, "</th><th>");
	put_escaped(&b, l->form_id);
	buf_puts(&b, "</th><th>");
	put_escaped(&b, l->policy);
	buf_puts(&b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < docs[i]->nforms; k++) {
			const struct form *f = docs[i]->forms[k];
			if (f == NULL)
				continue;
			buf_puts(&b, "<tr><td class=\"title\">");
			bool linked = html_file_id_ok(f->id);
			if (linked) {
				buf_puts(&b, "<a href=\"forms/");
				put_escaped(&b, f->id);
				buf_puts(&b, ".html\">");
			}
			put_escaped(&b, f->title ? f->title : f->id);
			buf_puts(&b, linked ? "</a></td>" : "</td>");
			put_cell(&b, "id", f->id);
			buf_puts(&b, "<td class=\"policy\">");
			put_policy_link(&b, docs[i], "");
			buf_puts(&b, "</td></tr>\n");
		}
	}
	buf_puts(&b, "</tbody>\n</table>\n");
	return buf_take(&b);
}

char *html_render_index(struct html_renderer *r)
{
	const struct corpus *c = r->corpus;
	const struct document **docs = xcalloc(c->ndocs + 1, sizeof *docs);
	size_t n = 0;
	bool all_en = c->ndocs > 0;
	for (size_t i = 0; i < c->ndocs; i++) {
		if (c->docs[i]->meta.id == NULL)
			continue; /* no id, no page */
		docs[n++] = c->docs[i];
		all_en = all_en && c->docs[i]->meta.scheme == SCHEME_EN;
	}
	qsort(docs, n, sizeof *docs, compare_docs);
	const struct labels *l = all_en ? &en_labels : &zh_labels;
	char *policies = render_policy_table(docs, n, l);
	char *forms = render_form_table(docs, n, l);
	struct tvar vars[] = {
		{"lang", l->lang}, {"title", l->catalogue_title}, {"policies", policies}, {"forms", forms},
	};
	char *html = template_expand(r->templates, "index.html", vars, sizeof vars / sizeof vars[0]);
	free(policies);
	free(forms);
	free(docs);
	return html;
}

char *html_render_form_page(struct html_renderer *r, const struct form *form)
{
	const struct labels *l = form->doc ? labels_for(form->doc) : &zh_labels;
	char *grid = form_html_render(r->forms, form);
	const char *policy_title = form->doc && form->doc->meta.title ? form->doc->meta.title : "";
	const char *policy_id = form->doc && form->doc->meta.id ? form->doc->meta.id : "";
	struct tvar vars[] = {
		{"lang", l->lang}, {"title", form->title ? form->title : form->id}, {"id", form->id},
		{"catalogue", l->catalogue}, {"policy_title", policy_title}, {"policy_id", policy_id},
		{"form", grid ? grid : ""},
	};
	char *html = template_expand(r->templates, "form.html", vars, sizeof vars / sizeof vars[0]);
	free(grid);
	return html;
}
