/* test_render_html.c — policy pages (render_html*.c) over every sample and
 * test corpus: every reference the checker resolved is a link on the page, to
 * the anchor or page it names, wherever it stands (text, titles of headings
 * and attachments, tables, lists, quotes, emphasis) — except inside a link of
 * the author's, where a link cannot nest. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	char *href = html_xref_href(page, x);
	if (href == NULL)
		return NULL;
	struct buf b = {0};
	buf_puts(&b, "<a class=\"xref\" href=\"");
	html_escape_buf(&b, href, strlen(href));
	buf_puts(&b, "\">");
	html_escape_buf(&b, cmark_node_get_literal(x->text) + x->off, x->len);
	buf_puts(&b, "</a>");
	free(href);
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

static void check_corpus(const char *path, const struct templates *templates, size_t *links, size_t *missing)
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
	if (corpus) {
		struct html_renderer *r = html_new(corpus, templates);
		for (size_t i = 0; i < corpus->ndocs; i++) {
			char *failure = NULL;
			struct document *doc = corpus_reread(corpus, corpus->docs[i], &failure);
			if (doc)
				check_document(r, doc, links, missing);
			document_free(doc);
			free(failure);
		}
		html_free(r);
		corpus_free(corpus);
	}
	config_free(config);
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
	templates_free(templates);
	UNIT_END();
}
