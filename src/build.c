/* build.c — `policyc build`: renders every document that may be rendered
 * (on worker threads, one document at a time each), then writes the outputs
 * of SPEC §9 in a fixed order. Each file is written to a temporary file beside
 * it and renamed over the old one, and only when its bytes changed, so an
 * unchanged rebuild touches nothing and an interrupted one leaves either the
 * old file or the new; a first build writes the whole site into a staging
 * directory renamed to OUT at the end (build_early.c). */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build_early.h"
#include "name_map.h"
#include "output_file.h"
#include "util.h"

#define PROGRESS_DELAY 0.5 /* seconds before a build is worth a progress line */

struct job {
	const struct document *doc; /* the corpus's slim summary */
	size_t position;            /* of doc in the corpus */
	char *failure;              /* why its outputs could not be written, or NULL */
};

struct build {
	const struct corpus *corpus;
	const struct templates *templates;
	struct build_early *early; /* what was rendered in the check's pass, or NULL */
	const char *root;          /* where the files are written: OUT, or early's staging directory */
	struct job *jobs;
	size_t njobs;
	const struct document **paged; /* sorted by address: documents with a page in OUT */
	size_t npaged;
	const struct form **form_paged; /* sorted by address: forms with a page in OUT/forms */
	size_t nform_paged, form_paged_cap;
	bool **form_wanted; /* per job, per form: not a repeated form id */
	mode_t mode;        /* of new files: 0666 less the umask */
	pthread_mutex_t lock;
	size_t next;        /* next job to take */
	bool failed;        /* a write failed: take no further jobs */
	struct progress *progress; /* early's (the build began then), or own_progress */
	struct progress own_progress;
};

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

void progress_init(struct progress *p, const struct options *o)
{
	*p = (struct progress){.wanted = !o->quiet && isatty(STDERR_FILENO)};
	pthread_mutex_init(&p->lock, NULL);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void progress_show(struct progress *p, size_t index, size_t total, const char *id)
{
	if (!p->wanted)
		return;
	pthread_mutex_lock(&p->lock);
	if (seconds_since(&p->start) >= PROGRESS_DELAY) {
		fprintf(stderr, "\r[%zu/%zu] building %s\033[K", index + 1, total, id);
		fflush(stderr);
		p->shown = true;
	}
	pthread_mutex_unlock(&p->lock);
}

void progress_erase(struct progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = false;
}

void progress_free(struct progress *p)
{
	pthread_mutex_destroy(&p->lock);
}

char *forms_dir(const char *out_dir)
{
	return path_join(out_dir, "forms");
}

char *output_name(const struct document *doc, size_t form, enum output_kind kind)
{
	static const char *const names[] = {
		[OUTPUT_HTML] = "%s.html", [OUTPUT_TEXT] = "%s.txt", [OUTPUT_FORM_HTML] = "forms/%s.html",
		[OUTPUT_FORM_TEXT] = "forms/%s.txt", [OUTPUT_FORM_JSON] = "forms/%s.json",
	};
	return xasprintf(names[kind], form == NO_FORM ? doc->meta.id : doc->forms[form]->id);
}

char *output_path(const char *out_dir, const struct document *doc, size_t form, enum output_kind kind)
{
	char *name = output_name(doc, form, kind);
	char *path = path_join(out_dir, name);
	free(name);
	return path;
}

char *output_failure(const char *out_dir, const struct document *doc, size_t form, enum output_kind kind,
		     int error)
{
	char *path = output_path(out_dir, doc, form, kind);
	char *message = xasprintf("cannot write %s: %s", path, strerror(error));
	free(path);
	return message;
}

/* The grid the policy's text holds already, or rendered now. */
static char *form_text_of(struct renderers *r, const struct form *form)
{
	char *grid = text_take_form_grid(r->text, form, r->form_text);
	return grid ? grid : form_text_render(r->form_text, form);
}

void render_outputs(struct renderers *r, const struct document *doc, const bool *form_wanted, output_sink *sink,
		    void *ctx)
{
	char *page = r->holes ? html_render_policy_holed(r->html, doc, r->holes) : html_render_policy(r->html, doc);
	bool ok = sink(ctx, doc, NO_FORM, OUTPUT_HTML, page) &&
		  sink(ctx, doc, NO_FORM, OUTPUT_TEXT, text_render(r->text, doc));
	for (size_t i = 0; ok && i < doc->nforms; i++) {
		const struct form *form = doc->forms[i];
		if (form_wanted ? !form_wanted[i] : !html_form_file_ok(form))
			continue;
		ok = sink(ctx, doc, i, OUTPUT_FORM_HTML, html_render_form_page(r->html, form)) &&
		     sink(ctx, doc, i, OUTPUT_FORM_TEXT, form_text_of(r, form)) &&
		     sink(ctx, doc, i, OUTPUT_FORM_JSON, form_json_render(r->form_json, form));
	}
}

struct job_sink {
	const struct build *b;
	struct job *job;
};

/* Writes one output (NULL content: nothing to write); false after a failure,
 * which is recorded in the job. */
static bool put_output(void *ctx, const struct document *doc, size_t form, enum output_kind kind, char *content)
{
	const struct job_sink *to = ctx;
	const struct build *b = to->b;
	bool ok = true;
	if (content != NULL) {
		char *path = output_path(b->root, doc, form, kind);
		/* Its early temporary, if any, was not renamed into place, and
		 * no other output has this path: a file there was there before
		 * the build (or put there by another program meanwhile). */
		int error = b->early && build_early_output_new(b->early, form)
				    ? write_new_atomically(path, content, strlen(content), b->mode)
				    : write_atomically(path, content, strlen(content), b->mode);
		free(path);
		if (error) {
			to->job->failure = output_failure(b->corpus->options->out_dir, doc, form, kind, error);
			ok = false;
		}
	}
	free(content);
	return ok;
}

/* The document read and parsed again for its tree; NULL (the job's failure
 * set) when the file is gone or changed since it was checked. */
static struct document *reread(const struct build *b, struct job *job)
{
	return corpus_reread(b->corpus, job->doc, &job->failure);
}

static bool has_page(const struct document *doc, void *ctx);
static bool has_form_page(const struct form *form, void *ctx);

static void render_job(const struct build *b, struct renderers *r, struct job *job, const bool *form_wanted)
{
	if (b->early && build_early_commit(b->early, job->position, job->doc, form_wanted, r->html, has_page,
					   has_form_page, (void *)b, &job->failure))
		return;
	struct document *doc = reread(b, job);
	if (doc == NULL)
		return;
	struct job_sink to = {b, job};
	render_outputs(r, doc, form_wanted, put_output, &to);
	document_free(doc);
}

static int compare_addresses(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
	return x < y ? -1 : x > y;
}

/* A document read again for rendering stands for its summary. */
static bool has_page(const struct document *doc, void *ctx)
{
	const struct build *b = ctx;
	if (doc->summary != NULL)
		doc = doc->summary;
	return bsearch(&doc, b->paged, b->npaged, sizeof *b->paged, compare_addresses) != NULL;
}

static bool has_form_page(const struct form *form, void *ctx)
{
	const struct build *b = ctx;
	return b->nform_paged > 0 &&
	       bsearch(&form, b->form_paged, b->nform_paged, sizeof *b->form_paged, compare_addresses) != NULL;
}

/* name in OUT, or in OUT/forms (form); none where the directory was empty
 * or absent when the build began (and files written since are this
 * build's). */
static bool exists_in_out(const struct build *b, const char *name, bool form)
{
	if (b->early && build_early_output_new(b->early, form ? 0 : NO_FORM))
		return false;
	char *path = path_join(b->root, name);
	bool exists = access(path, F_OK) == 0;
	free(path);
	return exists;
}

/* Forms of a document not rendered now whose page an earlier build left: each
 * has a page if that build wrote one (a form added since, to a document that
 * now has an error, has none yet). */
static void find_old_form_pages(struct build *b, const struct document *doc)
{
	for (size_t k = 0; k < doc->nforms; k++) {
		const struct form *form = doc->forms[k];
		if (!html_form_file_ok(form))
			continue;
		char *name = xasprintf("forms/%s.html", form->id);
		if (exists_in_out(b, name, true))
			ARRAY_PUSH(b->form_paged, b->nform_paged, b->form_paged_cap, form);
		free(name);
	}
}

/* Pages may link only to pages that will be there: the documents and forms
 * rendered now and those whose page an earlier build left. */
static void find_pages(struct build *b)
{
	const struct corpus *c = b->corpus;
	b->paged = xcalloc(c->ndocs + 1, sizeof *b->paged);
	for (size_t i = 0; i < b->njobs; i++) {
		b->paged[b->npaged++] = b->jobs[i].doc;
		for (size_t k = 0; k < b->jobs[i].doc->nforms; k++)
			if (b->form_wanted[i][k])
				ARRAY_PUSH(b->form_paged, b->nform_paged, b->form_paged_cap, b->jobs[i].doc->forms[k]);
	}
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct document *doc = c->docs[i];
		if (!html_file_id_ok(doc->meta.id) || build_renders(doc, c->options->force))
			continue; /* rendered now, or never */
		char *name = xasprintf("%s.html", doc->meta.id);
		if (exists_in_out(b, name, false)) {
			b->paged[b->npaged++] = doc;
			find_old_form_pages(b, doc);
		}
		free(name);
	}
	qsort(b->paged, b->npaged, sizeof *b->paged, compare_addresses);
	if (b->nform_paged)
		qsort(b->form_paged, b->nform_paged, sizeof *b->form_paged, compare_addresses);
}

void renderers_open(struct renderers *r, const struct corpus *corpus, const struct templates *templates,
		    html_page_test *page_test, html_form_page_test *form_page_test, void *ctx)
{
	int width = corpus->options->width;
	r->html = html_new(corpus, templates);
	html_set_pages(r->html, page_test, ctx);
	html_set_form_pages(r->html, form_page_test, ctx);
	r->text = text_new(width);
	r->form_text = form_text_new(width);
	r->form_json = form_json_new();
	r->holes = NULL;
}

void renderers_close(struct renderers *r)
{
	html_free(r->html);
	text_free(r->text);
	form_text_free(r->form_text);
	form_json_free(r->form_json);
}

static void *render_worker(void *arg)
{
	struct build *b = arg;
	struct renderers r;
	renderers_open(&r, b->corpus, b->templates, has_page, has_form_page, b);
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t index = b->failed ? b->njobs : b->next++;
		pthread_mutex_unlock(&b->lock);
		if (index < b->njobs)
			progress_show(b->progress, index, b->njobs, b->jobs[index].doc->meta.id);
		if (index >= b->njobs)
			break;
		struct job *job = &b->jobs[index];
		render_job(b, &r, job, b->form_wanted[index]);
		if (job->failure != NULL) {
			pthread_mutex_lock(&b->lock);
			b->failed = true;
			pthread_mutex_unlock(&b->lock);
		}
	}
	renderers_close(&r);
	return NULL;
}

/* Deep Markdown nesting may need more than a small default stack. */
enum { RENDER_STACK = 16 * 1024 * 1024 };

static void render_all(struct build *b, int jobs)
{
	size_t nthreads = jobs > 1 ? (size_t)jobs : 1;
	if (nthreads > b->njobs)
		nthreads = b->njobs;
	if (nthreads <= 1) {
		render_worker(b);
		return;
	}
	pthread_t *threads = xcalloc(nthreads, sizeof *threads);
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, RENDER_STACK);
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&threads[started], &attr, render_worker, b) != 0)
			break;
	pthread_attr_destroy(&attr);
	if (started == 0) /* no thread to be had: do it here */
		render_worker(b);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
}

/* ---- which documents and forms ---- */

/* Documents without errors (all with --force) that have an id fit for a file
 * name; of documents or forms that share an id (an error, so only with
 * --force), the first. */
static void choose_jobs(struct build *b)
{
	const struct corpus *c = b->corpus;
	const struct options *o = c->options;
	struct name_map doc_ids = {0}, form_ids = {0};
	b->jobs = xcalloc(c->ndocs + 1, sizeof *b->jobs);
	b->form_wanted = xcalloc(c->ndocs + 1, sizeof *b->form_wanted);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct document *doc = c->docs[i];
		if (!build_renders(doc, o->force) || !name_map_put(&doc_ids, doc->meta.id, doc, i))
			continue;
		bool *wanted = xcalloc(doc->nforms + 1, sizeof *wanted);
		for (size_t k = 0; k < doc->nforms; k++)
			wanted[k] = html_form_file_ok(doc->forms[k]) && name_map_put(&form_ids, doc->forms[k]->id, doc->forms[k], i);
		b->form_wanted[b->njobs] = wanted;
		b->jobs[b->njobs].position = i;
		b->jobs[b->njobs++].doc = doc;
	}
	name_map_free(&doc_ids);
	name_map_free(&form_ids);
}

/* ---- writing ---- */

static int cannot_write(const char *path, int error)
{
	fprintf(stderr, "policyc: cannot write %s: %s\n", path, strerror(error));
	return 2;
}

static int make_out_dir(const char *dir)
{
	char *failed = NULL;
	int error = make_dirs(dir, &failed);
	int status = error ? cannot_write(failed, error) : 0;
	free(failed);
	return status;
}

static bool wants_forms(const struct build *b)
{
	for (size_t i = 0; i < b->njobs; i++)
		for (size_t k = 0; k < b->jobs[i].doc->nforms; k++)
			if (b->form_wanted[i][k])
				return true;
	return false;
}

/* OUT, OUT/forms when there are forms, index.html and style.css: what the
 * pages need before they are written. */
static int write_site_files(struct build *b, const char *index_html)
{
	const char *out_dir = b->corpus->options->out_dir;
	int status = make_out_dir(b->root);
	if (status == 0 && wants_forms(b)) {
		char *dir = forms_dir(b->root);
		status = make_out_dir(dir);
		free(dir);
	}
	/* A policy of id "index" wrote its page there early, which build
	 * would write over the catalogue: it stays. */
	bool staged = b->root != out_dir;
	const char *site[][2] = {
		{"index.html", index_html},
		{"style.css", templates_get(b->templates, "style.css")},
	};
	for (size_t i = 0; status == 0 && i < sizeof site / sizeof site[0]; i++) {
		if (site[i][1] == NULL)
			continue;
		char *path = path_join(b->root, site[i][0]);
		size_t len = strlen(site[i][1]);
		int error = staged ? write_new_file(path, site[i][1], len, b->mode)
				   : write_atomically(path, site[i][1], len, b->mode);
		free(path);
		if (error && !(staged && error == EEXIST)) {
			path = path_join(out_dir, site[i][0]);
			status = cannot_write(path, error);
			free(path);
		}
	}
	return status;
}

/* The first failure in the order of the documents, so that the message does
 * not depend on which thread came first. */
static int report_failure(const struct build *b)
{
	for (size_t i = 0; i < b->njobs; i++)
		if (b->jobs[i].failure != NULL) {
			fprintf(stderr, "policyc: %s\n", b->jobs[i].failure);
			return 2;
		}
	return 0;
}

static void build_free(struct build *b)
{
	for (size_t i = 0; i < b->njobs; i++) {
		free(b->jobs[i].failure);
		free(b->form_wanted[i]);
	}
	free(b->jobs);
	free(b->form_wanted);
	free(b->paged);
	free(b->form_paged);
	pthread_mutex_destroy(&b->lock);
	progress_free(&b->own_progress);
}

struct templates *build_templates_load(const struct options *o, char **error)
{
	char *fallback = o->templates_dir ? NULL : templates_default_dir();
	struct templates *templates = templates_load(o->templates_dir ? o->templates_dir : fallback, error);
	free(fallback);
	return templates;
}

static int load_templates(const struct options *o, struct templates **templates)
{
	char *error = NULL;
	*templates = build_templates_load(o, &error);
	if (*templates)
		return 0;
	fprintf(stderr, "policyc: %s\n", error ? error : "cannot load the templates");
	free(error);
	return 2;
}

mode_t build_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

bool build_renders(const struct document *doc, bool force)
{
	/* --werror is for the exit status only: a warning is no reason to
	 * leave a page out (SPEC §1, §9). */
	return html_file_id_ok(doc->meta.id) && (force || !document_has_errors(doc, false));
}

int build_corpus(const struct corpus *corpus)
{
	return build_corpus_early(corpus, NULL);
}

int build_corpus_early(const struct corpus *corpus, struct build_early *early)
{
	const struct options *o = corpus->options;
	/* the templates the early pages were rendered with, if any */
	struct templates *templates, *loaded = NULL;
	if (early)
		templates = build_early_templates(early);
	else if (load_templates(o, &loaded) != 0)
		return 2;
	else
		templates = loaded;
	struct build b = {.corpus = corpus, .templates = templates, .early = early, .mode = build_file_mode()};
	pthread_mutex_init(&b.lock, NULL);
	progress_init(&b.own_progress, o);
	b.progress = early ? build_early_progress(early) : &b.own_progress;
	b.root = early ? build_early_root(early) : o->out_dir;
	choose_jobs(&b);
	for (size_t i = 0; early && i < b.njobs; i++)
		build_early_choose(early, b.jobs[i].position, b.form_wanted[i]);
	if (early)
		build_early_drop_unchosen(early);
	find_pages(&b);

	struct renderers r;
	renderers_open(&r, b.corpus, b.templates, has_page, has_form_page, &b);
	char *index_html = html_render_index(r.html);
	renderers_close(&r);
	if (early)
		build_early_site_written(early, wants_forms(&b));
	/* Past the file size limit (ulimit -f) the kernel would kill us with
	 * SIGXFSZ in the middle of a write, leaving a cut temporary file and no
	 * message; ignored, the write fails with EFBIG and is reported and
	 * cleaned up like any other write error. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, saved;
	sigaction(SIGXFSZ, &ignore, &saved);
	int status = write_site_files(&b, index_html);
	free(index_html);
	if (status == 0) {
		render_all(&b, o->jobs);
		progress_erase(b.progress);
		status = report_failure(&b);
	}
	sigaction(SIGXFSZ, &saved, NULL);
	int error = build_early_publish(early, status == 0);
	if (error) {
		fprintf(stderr, "policyc: cannot write %s: %s (the site is in %s)\n", o->out_dir, strerror(error),
			build_early_root(early));
		status = 2;
	}
	build_free(&b);
	templates_free(loaded);
	if (status != 0)
		return status;
	for (size_t i = 0; i < corpus->ndocs; i++)
		if (document_has_errors(corpus->docs[i], o->werror))
			return 1;
	return 0;
}
