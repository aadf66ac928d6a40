/* test_render_html.c — policy pages (render_html*.c) over every sample and
 * test corpus: every reference the checker resolved is a link on the page, to
 * the anchor or page it names, wherever it stands (text, titles of headings
 * and attachments, tables, lists, quotes, emphasis) — except inside a link of
 * the author's, where a link cannot nest. And page.html's placeholders of
 * the page's parts written in any way a template may write them. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "html_page.h"
#include "render.h"
#include "template.h"
#include "unit.h"
#include "util.h"

static bool inside_link(cmark_node *text)
{
	for (cmark_node *n = cmark_node_parent(text); n; n = cmark_node_parent(n))
		if (cmark_node_get_type(n) == CMARK_NODE_LINK)
			return true;
	return false;
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The link a reference must become: <a class="xref" href="HREF">TEXT</a>. */
static char *link_for(const struct html_page *page, const struct xref *x)
{
	struct buf b = {0};
	if (!html_put_xref_open(&b, page, x)) {
		buf_free(&b);
		return NULL;
	}
	html_escape_buf(&b, cmark_node_get_literal(x->text) + x->off, x->len);
	buf_puts(&b, "</a>");
	return buf_take(&b);
}

/* Resolved: an article, paragraph, item, range or chapter found in the
 * document, or a policy or form of the corpus (external titles have no page). */
static bool resolved(const struct xref *x)
{
	return x->kind == XREF_TITLE ? x->target_doc != NULL || x->target_form != NULL : x->target != NULL;
}

static void check_document(struct html_renderer *r, const struct document *doc, size_t *links, size_t *missing)
{
	char *html = html_render_policy(r, doc);
	struct html_page page = {.r = r, .doc = doc};
	html_page_index(&page);
	for (size_t i = 0; i < doc->nxrefs; i++) {
		const struct xref *x = &doc->xrefs[i];
		if (!resolved(x) || x->text == NULL || inside_link(x->text))
			continue;
		char *want = link_for(&page, x);
		/* a reference that stands twice gives its link twice: count them */
		size_t wanted = 0;
		for (size_t k = 0; want && k < doc->nxrefs; k++) {
			const struct xref *y = &doc->xrefs[k];
			char *other = resolved(y) && y->text && !inside_link(y->text) ? link_for(&page, y) : NULL;
			wanted += other && strcmp(other, want) == 0;
			free(other);
		}
		if (want && count(html, want) >= wanted) {
			(*links)++;
		} else {
			(*missing)++;
			printf("FAIL %s:%d:%d: reference %.*s is not a link (%s)\n", doc->path, x->line, x->col,
			       (int)x->len, cmark_node_get_literal(x->text) + x->off, want ? want : "no target");
		}
		free(want);
	}
	html_page_release(&page);
	free(html);
}

/* Calls test for every document of the corpus at path (a directory or one
 * file), read again as build reads it. */
typedef void document_test(const struct corpus *corpus, const struct document *doc, void *ctx);

static void each_document(const char *path, document_test *test, void *ctx)
{
	struct stat st;
	bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	const char *slash = strrchr(path, '/');
	char *dir = is_dir ? xstrdup(path) : slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	char *found = config_discover(dir);
	struct config *config = found ? config_load(found) : config_default();
	free(found);
	free(dir);
	if (config == NULL)
		return;
	struct options options = {.out_dir = "out", .jobs = 1, .width = 72, .quiet = true, .force = true};
	char *paths[] = {(char *)path};
	struct corpus *corpus = corpus_load(paths, 1, config, &options);
	for (size_t i = 0; corpus && i < corpus->ndocs; i++) {
		char *failure = NULL;
		struct document *doc = corpus_reread(corpus, corpus->docs[i], &failure);
		if (doc)
			test(corpus, doc, ctx);
		document_free(doc);
		free(failure);
	}
	corpus_free(corpus);
	config_free(config);
}

struct link_count {
	const struct templates *templates;
	size_t links, missing;
};

static void check_links(const struct corpus *corpus, const struct document *doc, void *ctx)
{
	struct link_count *c = ctx;
	struct html_renderer *r = html_new(corpus, c->templates);
	check_document(r, doc, &c->links, &c->missing);
	html_free(r);
}

static void check_corpus(const char *path, const struct templates *templates, size_t *links, size_t *missing)
{
	struct link_count c = {templates, *links, *missing};
	each_document(path, check_links, &c);
	*links = c.links;
	*missing = c.missing;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir ending in `suffix` (or directories, for "/"), sorted. */
static size_t list(const char *dir, const char *suffix, char ***out)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
		size_t len = strlen(e->d_name), slen = strlen(suffix);
		bool wanted = strcmp(suffix, "/") == 0 ? is_dir
						       : !is_dir && len > slen && strcmp(e->d_name + len - slen, suffix) == 0;
		if (wanted)
			ARRAY_PUSH(names, n, cap, path);
		else
			free(path);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(names, n, sizeof *names, compare_names);
	*out = names;
	return n;
}

static void test_every_reference_is_a_link(const struct templates *templates)
{
	size_t links = 0, missing = 0;
	check_corpus("policies", templates, &links, &missing);
	char **names;
	size_t n = list("tests/build", "/", &names);
	for (size_t i = 0; i < n; i++) {
		char *input = xasprintf("%s/input", names[i]);
		check_corpus(input, templates, &links, &missing);
		free(input);
		free(names[i]);
	}
	free(names);
	n = list("tests/corpus", "/", &names);
	for (size_t i = 0; i < n; i++) {
		check_corpus(names[i], templates, &links, &missing);
		free(names[i]);
	}
	free(names);
	n = list("tests/check", ".md", &names);
	for (size_t i = 0; i < n; i++) {
		check_corpus(names[i], templates, &links, &missing);
		free(names[i]);
	}
	free(names);
	CHECK(missing == 0 && links > 100, "every resolved reference of the test corpora is a link (%zu links, %zu not)",
	      links, missing);
}

static void test_heading_references(const struct templates *templates)
{
	size_t links = 0, missing = 0;
	check_corpus("tests/build/audit-links/input", templates, &links, &missing);
	CHECK(missing == 0 && links >= 17,
	      "references in chapter, section, article and attachment titles, tables, lists and quotes are links "
	      "(%zu links, %zu not)",
	      links, missing);
}

/* The files of a templates directory; page.html first. */
static const char *const template_files[] = {"page.html", "index.html", "form.html", "style.css"};
#define NTEMPLATE_FILES (sizeof template_files / sizeof template_files[0])

/* Templates of DIR/NAME whose page.html is `page`. */
static struct templates *page_templates(const char *dir, const char *name, const char *page)
{
	char *path = xasprintf("%s/%s", dir, name);
	mkdir(path, 0700);
	for (size_t i = 0; i < NTEMPLATE_FILES; i++) {
		char *file = xasprintf("%s/%s", path, template_files[i]);
		FILE *f = fopen(file, "w");
		if (f) {
			fputs(i == 0 ? page : "", f);
			fclose(f);
		}
		free(file);
	}
	char *error = NULL;
	struct templates *t = templates_load(path, &error);
	free(error);
	free(path);
	return t;
}

static char *render_with(const struct corpus *corpus, const struct templates *t, const struct document *doc)
{
	struct html_renderer *r = html_new(corpus, t);
	char *html = html_render_policy(r, doc);
	html_free(r);
	return html;
}

struct template_case {
	const struct templates *part[5]; /* {{{toc}}} … {{{banner}}} alone */
	const struct templates *mixed, *twice, *escaped_meta, *marked, *mark_like;
	size_t pages, differ, holed, holes_differ, holes_taken;
};

/* A page whose template writes its parts escaped, twice or not at all is the
 * parts' text as a template of that part alone writes it; a holed page whose
 * template writes the marks twice is filled twice; one whose template
 * escapes a mark, or holds a \x01 of its own, has no holes. */
static void check_template_uses(const struct corpus *corpus, const struct document *doc, void *ctx)
{
	struct template_case *c = ctx;
	char *part[5];
	for (size_t i = 0; i < 5; i++)
		part[i] = render_with(corpus, c->part[i], doc);
	const char *title = doc->meta.title ? doc->meta.title : doc->meta.id ? doc->meta.id : "";
	char *t = html_escape(title), *toc = html_escape(part[0]), *content = html_escape(part[1]),
	     *meta = html_escape(part[3]);
	char *want = xasprintf("%s%s|%s|%s%s%s", t, part[1], content, part[1], toc, meta);
	char *got = render_with(corpus, c->mixed, doc);
	c->pages++;
	c->differ += strcmp(got, want) != 0;
	free(want);
	free(got);
	free(t);
	free(toc);
	free(content);
	free(meta);
	for (size_t i = 0; i < 5; i++)
		free(part[i]);

	if (!html_names_others(doc))
		return;
	c->holed++;
	struct html_renderer *r = html_new(corpus, c->twice);
	struct html_holes holes;
	char *holed = html_render_policy_holed(r, doc, &holes);
	char *whole = html_render_policy(r, doc);
	struct buf filled_page = {0};
	if (holed)
		html_fill_holes(&filled_page, holed, &holes, r, doc);
	char *filled = holed ? buf_take(&filled_page) : NULL;
	c->holes_differ += filled == NULL || strcmp(filled, whole) != 0 ||
			   holes.n != 2u * ((doc->meta.nsupersedes > 0) + (doc->meta.status && strcmp(doc->meta.status, "superseded") == 0));
	free(holed);
	free(whole);
	free(filled);
	html_free(r);
	/* the second and third have a \x01 of their own: a lone one, and a
	 * whole mark that only the number written tells from policyc's */
	const struct templates *no_holes[] = {c->escaped_meta, c->marked, c->mark_like};
	for (size_t i = 0; i < sizeof no_holes / sizeof no_holes[0]; i++) {
		r = html_new(corpus, no_holes[i]);
		holed = html_render_policy_holed(r, doc, &holes);
		c->holes_taken += holed != NULL && (i > 0 || doc->meta.nsupersedes > 0);
		free(holed);
		html_free(r);
	}
}

static void test_template_uses(void)
{
	char dir[] = "/tmp/policyc-page-XXXXXX";
	if (mkdtemp(dir) == NULL)
		return;
	struct template_case c = {
		.part = {page_templates(dir, "toc", "{{{toc}}}"), page_templates(dir, "content", "{{{content}}}"),
			 page_templates(dir, "attachments", "{{{attachments}}}"), page_templates(dir, "meta", "{{{meta}}}"),
			 page_templates(dir, "banner", "{{{banner}}}")},
		.mixed = page_templates(dir, "mixed", "{{title}}{{{content}}}|{{content}}|{{{ content }}}{{toc}}{{meta}}"),
		.twice = page_templates(dir, "twice", "{{{banner}}}<{{{meta}}}>{{{banner}}}{{{meta}}}{{{content}}}"),
		.escaped_meta = page_templates(dir, "escaped", "{{{banner}}}{{meta}}"),
		.marked = page_templates(dir, "marked", "\x01{{{banner}}}{{{meta}}}"),
		.mark_like = page_templates(dir, "mark-like", "\x01S<{{{banner}}}{{{meta}}}"),
	};
	each_document("tests/build/html-supersedes/input", check_template_uses, &c);
	CHECK(c.pages == 5 && c.differ == 0,
	      "a part written escaped, twice or not at all in page.html is written as it is alone (%zu of %zu differ)",
	      c.differ, c.pages);
	CHECK(c.holed >= 4 && c.holes_differ == 0,
	      "marks written twice leave two holes, filled as the whole page (%zu of %zu differ)", c.holes_differ,
	      c.holed);
	CHECK(c.holes_taken == 0, "a mark escaped, or a \\x01 or a whole mark of the template, leaves no holes (%zu pages had)",
	      c.holes_taken);
	const struct templates *all[] = {c.part[0], c.part[1], c.part[2], c.part[3], c.part[4], c.mixed, c.twice,
					 c.escaped_meta, c.marked, c.mark_like};
	static const char *const names[] = {"toc", "content", "attachments", "meta", "banner", "mixed", "twice",
					    "escaped", "marked", "mark-like"};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		templates_free((struct templates *)all[i]);
		for (size_t k = 0; k < NTEMPLATE_FILES; k++) {
			char *file = xasprintf("%s/%s/%s", dir, names[i], template_files[k]);
			unlink(file);
			free(file);
		}
		char *sub = xasprintf("%s/%s", dir, names[i]);
		rmdir(sub);
		free(sub);
	}
	rmdir(dir);
}

int main(void)
{
	char *error = NULL;
	struct templates *templates = templates_load("templates", &error);
	CHECK(templates != NULL, "the templates load: %s", error ? error : "");
	free(error);
	if (templates == NULL)
		UNIT_END();
	test_heading_references(templates);
	test_every_reference_is_a_link(templates);
	test_template_uses();
	templates_free(templates);
	UNIT_END();
}
