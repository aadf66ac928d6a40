/* test_corpus.c — the corpus keeps a slim summary of each document, build
 * reads a document again for rendering, and renders early what it can. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_early.h"
#include "config.h"
#include "corpus.h"
#include "form.h"
#include "model.h"
#include "util.h"
#include "unit.h"

static const char policy_a[] =
	"---\ntitle: 甲制度\nid: A-1\nversion: \"1.0\"\nowner: 行政部\neffective: 2026-01-01\n---\n\n"
	"# 第一章 总则\n\n第一条 为了规范工作，制定本制度，目的是统一做法。\n\n第二条 本制度的适用范围为全体员工。参照《乙制度》。\n\n"
	"# 第二章 附则\n\n第三条 本制度由行政部负责解释，自发布之日起施行。\n\n"
	"## 附件一 工作呈报\n\n```form\nid: report\ntitle: 工作呈报\ncolumns: 4\nrows:\n  - [{label: 主题, span: 3}]\n```\n";
static const char policy_b[] =
	"---\ntitle: 乙制度\nid: B-1\nversion: \"1.0\"\nowner: 行政部\neffective: 2026-01-01\n---\n\n"
	"# 第一章 总则\n\n第一条 为了规范工作，制定本制度，目的是统一做法。\n\n第二条 本制度的适用范围为全体员工。\n\n"
	"# 第二章 附则\n\n第三条 本制度由行政部负责解释，自发布之日起施行。\n";

/* What corpus_load_early showed a hook. */
struct seen_early {
	struct corpus_early hook; /* first */
	size_t ndocs, front_matters, checked, with_trees, done_loaded;
	const struct document *doc_d;
	bool d_resolved; /* in d.md, 《甲制度》 and 《工作呈报》 resolved while checked */
};

static void seen_begin(struct corpus_early *hook, size_t ndocs)
{
	((struct seen_early *)hook)->ndocs = ndocs;
}

static void seen_front_matter(struct corpus_early *hook, struct document *doc, size_t index)
{
	(void)index;
	struct seen_early *seen = (struct seen_early *)hook;
	seen->front_matters += doc->meta.title != NULL;
}

static void seen_checked(struct corpus_early *hook, struct document *doc, size_t index)
{
	(void)index;
	struct seen_early *seen = (struct seen_early *)hook;
	seen->checked++;
	seen->with_trees += doc->md != NULL && doc->root != NULL && !doc->slim;
	if (strstr(doc->path, "d.md")) {
		seen->doc_d = doc;
		size_t resolved = 0;
		for (size_t x = 0; x < doc->nxrefs; x++)
			if (doc->xrefs[x].kind == XREF_TITLE)
				resolved += doc->xrefs[x].target_doc != NULL || doc->xrefs[x].target_form != NULL;
		seen->d_resolved = resolved == 2;
	}
}

static void seen_done(struct corpus_early *hook, bool loaded)
{
	((struct seen_early *)hook)->done_loaded += loaded;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* build's single pass over the two files of in into out, the files removed
 * between the check and the writing: a document build had to read again
 * would fail with "cannot read". The status of build_corpus_early, or -1
 * when the corpus did not load. */
static int build_with_inputs_gone(const struct config *config, char *in, char *out, const char *first,
				  const char *second)
{
	struct options build_opts = {.jobs = 1, .width = 72, .quiet = true, .out_dir = out,
				     .templates_dir = "templates"};
	char *in_paths[] = {in};
	struct build_early *early = build_early_new(&build_opts, config);
	struct corpus *built = early ? corpus_load_early(in_paths, 1, config, &build_opts, build_early_hook(early)) : NULL;
	unlink(first);
	unlink(second);
	int status = built && built->ndocs == 2 ? build_corpus_early(built, early) : -1;
	build_early_free(early);
	corpus_free(built);
	return status;
}

/* A policy of this id superseding these (a YAML list, or NULL). */
static char *policy_superseding(const char *id, const char *supersedes)
{
	return xasprintf("---\ntitle: 制度%s\nid: %s\nversion: \"1.0\"\nowner: 行政部\neffective: 2026-01-01\n%s%s%s---\n\n"
			 "# 第一章 总则\n\n第一条 为了规范工作，制定本制度。\n\n# 第二章 附则\n\n"
			 "第二条 本制度自发布之日起施行。\n",
			 id, id, supersedes ? "supersedes: " : "", supersedes ? supersedes : "", supersedes ? "\n" : "");
}

/* The ids of the superseders of id, in order, joined by spaces. */
static char *superseders(const struct corpus *corpus, const char *id)
{
	struct buf ids = {0};
	size_t from = 0;
	for (const struct document *doc; (doc = corpus_superseder(corpus, id, &from));) {
		buf_puts(&ids, ids.len ? " " : "");
		buf_puts(&ids, doc->meta.id);
	}
	return buf_take(&ids);
}

/* corpus_find_id and corpus_superseder: the corpus's indexes give what the
 * linear searches of a corpus made by hand give. */
static void check_lookups(const struct config *config, const struct options *options)
{
	char dir[] = "/tmp/policyc-lookups-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return;
	}
	const char *files[][3] = {
		{"p1.md", "OLD-1", NULL},       {"p2.md", "NEW-1", "[OLD-1, OLD-2]"},
		{"p3.md", "NEW-2", "[OLD-1]"},  {"p4.md", "OLD-1", NULL},
		{"p5.md", "NEW-3", "[OLD-2, OLD-1, OLD-2]"},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *path = path_join(dir, files[i][0]), *text = policy_superseding(files[i][1], files[i][2]);
		write_text(path, text);
		free(path);
		free(text);
	}
	char *paths[] = {dir};
	struct corpus *corpus = corpus_load(paths, 1, config, options);
	CHECK(corpus && corpus->ndocs == 5 && corpus->indexed, "a corpus of five, indexed");
	for (int linear = 0; corpus && linear <= 1; linear++) {
		corpus->indexed = !linear;
		const char *how = linear ? "linear" : "indexed";
		CHECK(corpus_find_id(corpus, "OLD-1") == corpus->docs[0], "%s: the first policy of a repeated id", how);
		CHECK(corpus_find_id(corpus, "NEW-2") == corpus->docs[2], "%s: a policy by its id", how);
		CHECK(corpus_find_id(corpus, "NONE") == NULL, "%s: no policy of an unknown id", how);
		char *ids = superseders(corpus, "OLD-1");
		CHECK_STR(ids, "NEW-1 NEW-2 NEW-3", "%s: the superseders of OLD-1, in corpus order", how);
		free(ids);
		ids = superseders(corpus, "OLD-2");
		CHECK_STR(ids, "NEW-1 NEW-3 NEW-3", "%s: once each time a policy names it", how);
		free(ids);
		ids = superseders(corpus, "NEW-1");
		CHECK_STR(ids, "", "%s: none for a policy nothing supersedes", how);
		free(ids);
	}
	if (corpus)
		corpus->indexed = true;
	corpus_free(corpus);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *path = path_join(dir, files[i][0]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

int main(void)
{
	char dir[] = "/tmp/policyc-corpus-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		UNIT_END();
	}
	char *a = xasprintf("%s/a.md", dir), *b = xasprintf("%s/b.md", dir);
	write_text(a, policy_a);
	write_text(b, policy_b);

	struct config *config = config_default();
	struct options options = {.jobs = 2, .width = 72, .quiet = true};
	char *paths[] = {dir};
	struct corpus *corpus = corpus_load(paths, 1, config, &options);
	CHECK(corpus && corpus->ndocs == 2, "the corpus holds both documents");
	if (!corpus)
		UNIT_END();
	struct document *first = corpus->docs[0];
	CHECK(first->slim && first->md == NULL && first->root == NULL,
	      "a checked document keeps no Markdown or provision tree");
	CHECK(first->src == NULL && first->diags.n == 0, "nor its text, when it has no diagnostics");
	CHECK(first->nforms == 1 && first->forms[0] && strcmp(first->forms[0]->id, "report") == 0,
	      "its forms stay, for the corpus checks and the catalogue");
	CHECK(first->nxrefs == 1 && first->xrefs[0].kind == XREF_TITLE && first->xrefs[0].text == NULL &&
		      first->xrefs[0].target_doc == corpus->docs[1],
	      "its 《title》 references stay, resolved, without their text node");

	char *failure = NULL;
	struct document *full = corpus_reread(corpus, first, &failure);
	CHECK(full && failure == NULL && full->root && full->md && full->summary == first,
	      "read again, the document has its trees and knows its summary");
	if (full) {
		CHECK(full->nforms == 1 && full->forms[0] == first->forms[0],
		      "the form read again is the summary's, not a second copy");
		size_t titles = 0;
		for (size_t i = 0; i < full->nxrefs; i++)
			if (full->xrefs[i].kind == XREF_TITLE)
				titles += full->xrefs[i].target_doc == corpus->docs[1];
		CHECK(titles == 1, "its 《乙制度》 points at the corpus's document");
		CHECK(full->meta.title && strcmp(full->meta.title, "甲制度") == 0, "its front matter is the summary's");
	}
	document_free(full);

	/* Changed between the check and the rendering: refused. */
	write_text(a, "---\ntitle: 甲制度\n---\n");
	failure = NULL;
	full = corpus_reread(corpus, first, &failure);
	CHECK(full == NULL && failure && strstr(failure, "changed while it was built"),
	      "a file changed since it was checked is not rendered: %s", failure ? failure : "(none)");
	free(failure);
	unlink(a);
	failure = NULL;
	full = corpus_reread(corpus, first, &failure);
	CHECK(full == NULL && failure && strstr(failure, "cannot read"), "a file gone since: %s",
	      failure ? failure : "(none)");
	free(failure);
	corpus_free(corpus);

	/* A diagnostic of the corpus checks (a repeated id) on a document whose
	 * text was let go: the text is read again for the context line. */
	write_text(a, policy_a);
	char *twin = xasprintf("%s/c.md", dir);
	char *copy = xstrdup(policy_b);
	char *title = strstr(copy, "乙制度");
	memcpy(title, "丙", strlen("丙")); /* another title, the same id B-1 */
	write_text(twin, copy);
	corpus = corpus_load(paths, 1, config, &options);
	struct document *later = corpus ? corpus->docs[2] : NULL;
	CHECK(later && later->diags.n == 1 && later->diags.v[0].rule == RULE_ID_DUPLICATE && later->src != NULL,
	      "a document given a diagnostic by the corpus checks has its text again for the context line");
	if (later) {
		size_t n;
		const char *line = document_line(later, later->diags.v[0].line, &n);
		CHECK(n > 0 && strncmp(line, "id: B-1", n) == 0, "the context line is the id's line");
	}
	corpus_free(corpus);
	unlink(twin);

	check_lookups(config, &options);

	/* corpus_load_early, one thread: a, b, d in this order. */
	char *d = xasprintf("%s/d.md", dir);
	char *cites = xstrdup(policy_b);
	memcpy(strstr(cites, "乙制度"), "丁", strlen("丁"));
	memcpy(strstr(cites, "B-1"), "D", 1);
	char *with_refs = xasprintf("%s\n第四条 参照《甲制度》和《工作呈报》办理。\n", cites);
	write_text(d, with_refs);
	struct options one = {.jobs = 1, .width = 72, .quiet = true};
	struct seen_early seen = {.hook = {seen_begin, seen_front_matter, seen_checked, seen_done}};
	corpus = corpus_load_early(paths, 1, config, &one, &seen.hook);
	CHECK(corpus && seen.ndocs == 3 && seen.front_matters == 3 && seen.checked == 3 && seen.done_loaded == 1,
	      "the hook sees every document once after its front matter and once checked");
	CHECK(seen.with_trees == 3, "checked, a document still has its trees");
	CHECK(seen.d_resolved, "references to a policy and a form checked before are resolved then");
	if (corpus) {
		CHECK(corpus->docs[0]->titles_retargeted,
		      "a reference to a policy checked later (《乙制度》 in a.md) is resolved otherwise by the corpus");
		CHECK(corpus->docs[2] == seen.doc_d && !seen.doc_d->titles_retargeted,
		      "the references resolved while checked stand");
		CHECK(corpus->docs[0]->slim && corpus->docs[0]->md == NULL, "the trees go after the hook");
	}
	corpus_free(corpus);
	unlink(d);
	free(d);
	free(cites);
	free(with_refs);

	/* build's single pass: a corpus whose every reference leads to a policy
	 * checked before it is rendered while checked, and its outputs are kept.
	 * The input files are removed before build_corpus_early: a document
	 * it had to read again would fail with "cannot read". d.md supersedes
	 * b.md, which says so: their pages name each other, filled in from the
	 * corpus at the end, without reading either again. */
	char early_dir[] = "/tmp/policyc-early-XXXXXX";
	bool made_early_dir = mkdtemp(early_dir) != NULL;
	CHECK(made_early_dir, "mkdtemp for the single pass");
	if (made_early_dir) {
		char *in = xasprintf("%s/in", early_dir), *out = xasprintf("%s/out", early_dir);
		mkdir(in, 0700);
		char *eb = xasprintf("%s/b.md", in), *ed = xasprintf("%s/d.md", in);
		char *cites_b = xstrdup(policy_b);
		memcpy(strstr(cites_b, "乙制度"), "丁", strlen("丁"));
		memcpy(strstr(cites_b, "B-1"), "D", 1);
		/* after the opening "---\n" */
		char *d_text = xasprintf("---\nsupersedes: B-1\n%s\n第四条 参照《乙制度》办理。\n", cites_b + 4);
		char *b_text = xasprintf("---\nstatus: superseded\n%s", policy_b + 4);
		write_text(eb, b_text);
		write_text(ed, d_text);
		int status = build_with_inputs_gone(config, in, out, eb, ed);
		CHECK(status == 0, "every page rendered while checked was kept: nothing was read again");
		char *page_b = xasprintf("%s/B-1.html", out), *page_d = xasprintf("%s/D-1.html", out);
		struct stat st;
		CHECK(stat(page_b, &st) == 0 && stat(page_d, &st) == 0, "both pages are in place");
		char *html = read_file(page_d, &(size_t){0});
		CHECK(html && strstr(html, "href=\"B-1.html") != NULL, "the reference checked as guessed is a link");
		CHECK(html && strstr(html, "<dd><a href=\"B-1.html\">乙制度</a></dd>") != NULL,
		      "the policy it supersedes, filled in");
		free(html);
		html = read_file(page_b, &(size_t){0});
		CHECK(html && strstr(html, "<a href=\"D-1.html\">丁制度</a>") != NULL,
		      "the superseded policy's notice names the one that supersedes it");
		free(html);
		/* Again into the OUT that now holds both pages, the superseding
		 * policy renamed: the pages with holes are read back and replaced
		 * through a compare with the old files, still without a second
		 * reading. */
		memcpy(strstr(d_text, "丁"), "戊", strlen("戊"));
		write_text(eb, b_text);
		write_text(ed, d_text);
		status = build_with_inputs_gone(config, in, out, eb, ed);
		CHECK(status == 0, "a rebuild into a full OUT keeps what it rendered early too");
		html = read_file(page_b, &(size_t){0});
		CHECK(html && strstr(html, "<a href=\"D-1.html\">戊制度</a>") != NULL,
		      "the notice names the new title after the rebuild");
		free(html);
		free(page_b);
		free(page_d);
		char *rm = xasprintf("rm -rf '%s'", early_dir);
		CHECK(system(rm) == 0, "remove the build directory");
		free(rm);
		free(in);
		free(out);
		free(eb);
		free(ed);
		free(cites_b);
		free(d_text);
		free(b_text);
	}

	unlink(a);
	unlink(b);
	rmdir(dir);
	free(a);
	free(b);
	free(twin);
	free(copy);
	config_free(config);
	UNIT_END();
}
