/* render_html_site.c — what the pages share (their words, the renderer)
 * and the pages around the policies: the catalogue OUT/index.html and the
 * printable form pages OUT/forms/ID.html. */
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "render.h"
#include "util.h"

const struct labels html_zh_labels = {
	.lang = "zh-CN", .catalogue = "制度目录", .catalogue_title = "管理制度目录", .contents = "目录",
	.id = "编号", .version = "版本", .owner = "制订部门", .effective = "生效日期", .status = "状态",
	.approved_by = "审批人", .supersedes = "替代", .tags = "标签", .revisions = "修订记录",
	.date = "日期", .note = "说明", .title = "名称", .policy = "所属制度", .forms = "表单",
	.form_id = "表单编号", .print_form = "单独打印此表", .marker_space = "\u3000",
	.superseded_by = {"本制度已被", "替代。"},
	.quotes = {"《", "》"},
	.statuses = {{"active", "现行", NULL},
		     {"draft", "草案", "本制度为草案，尚未生效。"},
		     {"superseded", "已被替代", "本制度已被替代。"},
		     {"repealed", "已废止", "本制度已废止。"}},
};

const struct labels html_en_labels = {
	.lang = "en", .catalogue = "Catalogue", .catalogue_title = "Policy catalogue", .contents = "Contents",
	.id = "Number", .version = "Version", .owner = "Owner", .effective = "Effective", .status = "Status",
	.approved_by = "Approved by", .supersedes = "Supersedes", .tags = "Tags", .revisions = "Revisions",
	.date = "Date", .note = "Note", .title = "Title", .policy = "Policy", .forms = "Forms",
	.form_id = "Form id", .print_form = "Print this form", .marker_space = " ",
	.superseded_by = {"This policy has been superseded by ", "."},
	.quotes = {"“", "”"},
	.statuses = {{"active", "Active", NULL},
		     {"draft", "Draft", "This policy is a draft and not yet in force."},
		     {"superseded", "Superseded", "This policy has been superseded."},
		     {"repealed", "Repealed", "This policy has been repealed."}},
};
const struct labels *html_labels_for(const struct document *doc)
{
	return doc->meta.scheme == SCHEME_EN ? &html_en_labels : &html_zh_labels;
}

const char *html_status_text(const struct labels *l, const char *status, int kind)
{
	const char *s = status ? status : "active";
	for (size_t i = 0; i < 4; i++)
		if (strcmp(l->statuses[i][0], s) == 0)
			return l->statuses[i][kind];
	return s;
}
bool html_file_id_ok(const char *id)
{
	return id != NULL && id_chars_ok(id);
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
void html_set_pages(struct html_renderer *r, html_page_test *has_page, void *ctx)
{
	r->has_page = has_page;
	r->has_page_ctx = ctx;
}

bool html_has_page(const struct html_renderer *r, const struct document *doc)
{
	return doc && html_file_id_ok(doc->meta.id) && (r->has_page == NULL || r->has_page(doc, r->has_page_ctx));
}

void html_set_form_pages(struct html_renderer *r, html_form_page_test *has_form_page, void *ctx)
{
	r->has_form_page = has_form_page;
	r->has_form_page_ctx = ctx;
}

bool html_form_file_ok(const struct form *form)
{
	return form && form->id_valid && html_file_id_ok(form->id);
}

bool html_has_form_page(const struct html_renderer *r, const struct form *form)
{
	if (!html_form_file_ok(form))
		return false;
	return r->has_form_page ? r->has_form_page(form, r->has_form_page_ctx) : html_has_page(r, form->doc);
}

void html_put_policy_link(struct buf *b, const struct html_renderer *r, const struct document *doc,
			  const char *prefix)
{
	bool linked = html_has_page(r, doc);
	if (linked) {
		buf_puts(b, "<a href=\"");
		buf_puts(b, prefix);
		html_put_escaped(b, doc->meta.id);
		buf_puts(b, ".html\">");
	}
	html_put_escaped(b, doc->meta.title ? doc->meta.title : doc->meta.id);
	if (linked)
		buf_puts(b, "</a>");
}

/* By id; a policy without a usable id (its front matter has an error) after
 * the others, by its file. */
static int compare_docs(const void *a, const void *b)
{
	const struct document *x = *(const struct document *const *)a, *y = *(const struct document *const *)b;
	if ((x->meta.id == NULL) != (y->meta.id == NULL))
		return x->meta.id == NULL ? 1 : -1;
	int c = x->meta.id ? strcmp(x->meta.id, y->meta.id) : 0;
	return c ? c : strcmp(x->path, y->path);
}

static void put_cell(struct buf *b, const char *cls, const char *value)
{
	buf_puts(b, "<td class=\"");
	buf_puts(b, cls);
	buf_puts(b, "\">");
	html_put_escaped(b, value);
	buf_puts(b, "</td>");
}

static char *render_policy_table(const struct html_renderer *r, const struct document **docs, size_t n,
				 const struct labels *l)
{
	struct buf b = {0};
	buf_puts(&b, "<table class=\"catalogue-policies\">\n<thead><tr>");
	const char *heads[] = {l->title, l->id, l->version, l->owner, l->effective, l->status};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		buf_puts(&b, "<th>");
		html_put_escaped(&b, heads[i]);
		buf_puts(&b, "</th>");
	}
	buf_puts(&b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct meta *m = &docs[i]->meta;
		buf_puts(&b, "<tr class=\"status-");
		html_put_escaped(&b, m->status ? m->status : "active");
		buf_puts(&b, "\"><td class=\"title\">");
		html_put_policy_link(&b, r, docs[i], "");
		buf_puts(&b, "</td>");
		put_cell(&b, "id", m->id);
		put_cell(&b, "version", m->version);
		put_cell(&b, "owner", m->owner);
		put_cell(&b, "effective", m->effective);
		put_cell(&b, "status", html_status_text(l, m->status, 1));
		buf_puts(&b, "</tr>\n");
	}
	buf_puts(&b, "</tbody>\n</table>\n");
	return buf_take(&b);
}

static char *render_form_table(const struct html_renderer *r, const struct document **docs, size_t n,
			       const struct labels *l)
{
	struct buf b = {0};
	size_t nforms = 0;
	for (size_t i = 0; i < n; i++)
		nforms += docs[i]->nforms;
	if (nforms == 0)
		return buf_take(&b);
	buf_puts(&b, "<h2 class=\"catalogue-section\">");
	html_put_escaped(&b, l->forms);
	buf_puts(&b, "</h2>\n<table class=\"catalogue-forms\">\n<thead><tr><th>");
	html_put_escaped(&b, l->title);
	buf_puts(&b, "</th><th>");
	html_put_escaped(&b, l->form_id);
	buf_puts(&b, "</th><th>");
	html_put_escaped(&b, l->policy);
	buf_puts(&b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < docs[i]->nforms; k++) {
			const struct form *f = docs[i]->forms[k];
			if (f == NULL)
				continue;
			buf_puts(&b, "<tr><td class=\"title\">");
			bool linked = html_has_form_page(r, f);
			if (linked) {
				buf_puts(&b, "<a href=\"forms/");
				html_put_escaped(&b, f->id);
				buf_puts(&b, ".html\">");
			}
			html_put_escaped(&b, f->title ? f->title : f->id);
			buf_puts(&b, linked ? "</a></td>" : "</td>");
			put_cell(&b, "id", f->id);
			buf_puts(&b, "<td class=\"policy\">");
			html_put_policy_link(&b, r, docs[i], "");
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
		if (c->docs[i]->meta.id == NULL && c->docs[i]->meta.title == NULL)
			continue; /* nothing to list it by */
		docs[n++] = c->docs[i];
		all_en = all_en && c->docs[i]->meta.scheme == SCHEME_EN;
	}
	qsort(docs, n, sizeof *docs, compare_docs);
	const struct labels *l = all_en ? &html_en_labels : &html_zh_labels;
	char *policies = render_policy_table(r, docs, n, l);
	char *forms = render_form_table(r, docs, n, l);
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
	const struct labels *l = form->doc ? html_labels_for(form->doc) : &html_zh_labels;
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
