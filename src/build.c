/* build.c — `policyc build`: renders every document that may be rendered
 * (on worker threads, one document at a time each), then writes the outputs
 * of SPEC §9 in a fixed order. Each file is written to a temporary file beside
 * it and renamed over the old one, and only when its bytes changed, so an
 * unchanged rebuild touches nothing and an interrupted one leaves either the
 * old file or the new. */
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

#include "util.h"

#define PROGRESS_DELAY 0.5 /* seconds before a build is worth a progress line */

struct output {
	char *name;    /* relative to OUT: "HR-001.html", "forms/work-report.json" */
	char *content; /* NULL: the renderer gave nothing (not written) */
};

struct job {
	const struct document *doc;
	struct output *outputs;
	size_t noutputs, outputs_cap;
};

struct build {
	const struct corpus *corpus;
	const struct templates *templates;
	struct job *jobs;
	size_t njobs;
	const struct document **paged; /* sorted by address: documents with a page in OUT */
	size_t npaged;
	const struct form **form_paged; /* sorted by address: forms with a page in OUT/forms */
	size_t nform_paged, form_paged_cap;
	bool **form_wanted; /* per job, per form: not a repeated form id */
	pthread_mutex_t lock;
	size_t next;        /* next job to take */
	bool progress;      /* stderr is a terminal and not --quiet */
	bool progress_shown;
	struct timespec start;
};

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Called with the lock held. */
static void show_progress(struct build *b, size_t index)
{
	if (!b->progress || seconds_since(&b->start) < PROGRESS_DELAY)
		return;
	fprintf(stderr, "\r[%zu/%zu] building %s\033[K", index + 1, b->njobs, b->jobs[index].doc->meta.id);
	fflush(stderr);
	b->progress_shown = true;
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name) : xasprintf("%s/%s", dir, name);
}

static void add_output(struct job *job, char *name, char *content)
{
	struct output out = {name, content};
	ARRAY_PUSH(job->outputs, job->noutputs, job->outputs_cap, out);
}

struct renderers {
	struct html_renderer *html;
	struct text_renderer *text;
	struct form_text *form_text;
	struct form_json *form_json;
};

static void render_job(struct renderers *r, struct job *job, const bool *form_wanted)
{
	const struct document *doc = job->doc;
	const char *id = doc->meta.id;
	add_output(job, xasprintf("%s.html", id), html_render_policy(r->html, doc));
	add_output(job, xasprintf("%s.txt", id), text_render(r->text, doc));
	for (size_t i = 0; i < doc->nforms; i++) {
		const struct form *form = doc->forms[i];
		if (!form_wanted[i])
			continue;
		add_output(job, xasprintf("forms/%s.html", form->id), html_render_form_page(r->html, form));
		add_output(job, xasprintf("forms/%s.txt", form->id), form_text_render(r->form_text, form));
		add_output(job, xasprintf("forms/%s.json", form->id), form_json_render(r->form_json, form));
	}
}

static int compare_addresses(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
	return x < y ? -1 : x > y;
}

static bool has_page(const struct document *doc, void *ctx)
{
	const struct build *b = ctx;
	return bsearch(&doc, b->paged, b->npaged, sizeof *b->paged, compare_addresses) != NULL;
}

static bool has_form_page(const struct form *form, void *ctx)
{
	const struct build *b = ctx;
	return b->nform_paged > 0 &&
	       bsearch(&form, b->form_paged, b->nform_paged, sizeof *b->form_paged, compare_addresses) != NULL;
}

static bool exists_in_out(const struct build *b, const char *name)
{
	char *path = join_path(b->corpus->options->out_dir, name);
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
		if (exists_in_out(b, name))
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
		if (!html_file_id_ok(doc->meta.id) || !document_has_errors(doc, false) ||
		    c->options->force)
			continue; /* rendered now, or never */
		char *name = xasprintf("%s.html", doc->meta.id);
		if (exists_in_out(b, name)) {
			b->paged[b->npaged++] = doc;
			find_old_form_pages(b, doc);
		}
		free(name);
	}
	qsort(b->paged, b->npaged, sizeof *b->paged, compare_addresses);
	if (b->nform_paged)
		qsort(b->form_paged, b->nform_paged, sizeof *b->form_paged, compare_addresses);
}

static struct html_renderer *new_html(struct build *b)
{
	struct html_renderer *html = html_new(b->corpus, b->templates);
	html_set_pages(html, has_page, b);
	html_set_form_pages(html, has_form_page, b);
	return html;
}

static void *render_worker(void *arg)
{
	struct build *b = arg;
	int width = b->corpus->options->width;
	struct renderers r = {
		.html = new_html(b),
		.text = text_new(width),
		.form_text = form_text_new(width),
		.form_json = form_json_new(),
	};
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t index = b->next++;
		if (index < b->njobs)
			show_progress(b, index);
		pthread_mutex_unlock(&b->lock);
		if (index >= b->njobs)
			break;
		render_job(&r, &b->jobs[index], b->form_wanted[index]);
	}
	html_free(r.html);
	text_free(r.text);
	form_text_free(r.form_text);
	form_json_free(r.form_json);
	return NULL;
}

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
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&threads[started], NULL, render_worker, b) != 0)
			break;
	if (started == 0) /* no thread to be had: do it here */
		render_worker(b);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
}

/* ---- which documents and forms ---- */

static bool seen_before(const char **seen, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(seen[i], id) == 0)
			return true;
	return false;
}

/* Documents without errors (all with --force) that have an id fit for a file
 * name; of documents or forms that share an id (an error, so only with
 * --force), the first. */
static void choose_jobs(struct build *b)
{
	const struct corpus *c = b->corpus;
	const struct options *o = c->options;
	const char **doc_ids = xcalloc(c->ndocs + 1, sizeof *doc_ids), **form_ids = NULL;
	size_t ndoc_ids = 0, nform_ids = 0, form_ids_cap = 0;
	b->jobs = xcalloc(c->ndocs + 1, sizeof *b->jobs);
	b->form_wanted = xcalloc(c->ndocs + 1, sizeof *b->form_wanted);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct document *doc = c->docs[i];
		if (!html_file_id_ok(doc->meta.id) || seen_before(doc_ids, ndoc_ids, doc->meta.id))
			continue;
		/* --werror is for the exit status only: a warning is no reason
		 * to leave a page out (SPEC §1, §9). */
		if (!o->force && document_has_errors(doc, false))
			continue;
		doc_ids[ndoc_ids++] = doc->meta.id;
		bool *wanted = xcalloc(doc->nforms + 1, sizeof *wanted);
		for (size_t k = 0; k < doc->nforms; k++) {
			const struct form *form = doc->forms[k];
			if (!html_form_file_ok(form) || seen_before(form_ids, nform_ids, form->id))
				continue;
			wanted[k] = true;
			ARRAY_PUSH(form_ids, nform_ids, form_ids_cap, form->id);
		}
		b->form_wanted[b->njobs] = wanted;
		b->jobs[b->njobs++].doc = doc;
	}
	free(doc_ids);
	free(form_ids);
}

/* ---- writing ---- */

static int cannot_write(const char *path, int error)
{
	fprintf(stderr, "policyc: cannot write %s: %s\n", path, strerror(error));
	return 2;
}

/* mkdir -p: creates dir and the directories above it that are missing. */
static int make_dirs(const char *dir)
{
	char *path = xstrdup(dir);
	int status = 0;
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			status = cannot_write(path, errno);
			break;
		}
		if (stat(path, &st) != 0) {
			status = cannot_write(path, errno);
			break;
		}
		if (!S_ISDIR(st.st_mode)) {
			status = cannot_write(path, ENOTDIR);
			break;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(path);
	return status;
}

static bool same_content(const char *path, const char *content, size_t len)
{
	size_t old_len;
	char *old = read_file(path, &old_len);
	bool same = old && old_len == len && memcmp(old, content, len) == 0;
	free(old);
	return same;
}

static bool write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = EIO;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* Writes content to path through a temporary file in the same directory and
 * rename(2); leaves an unchanged file alone. */
static int write_atomically(const char *path, const char *content, mode_t mode)
{
	size_t len = strlen(content);
	if (same_content(path, content, len))
		return 0;
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int error = errno;
		free(tmp);
		return cannot_write(path, error);
	}
	int error = 0;
	if (!write_all(fd, content, len) || fchmod(fd, mode) != 0)
		error = errno ? errno : EIO;
	if (close(fd) != 0 && error == 0)
		error = errno;
	if (error == 0 && rename(tmp, path) != 0)
		error = errno;
	if (error)
		unlink(tmp);
	free(tmp);
	return error ? cannot_write(path, error) : 0;
}

static int write_output(const char *out_dir, const struct output *out, mode_t mode)
{
	if (out->content == NULL)
		return 0; /* a renderer that is not there yet */
	char *path = join_path(out_dir, out->name);
	int status = write_atomically(path, out->content, mode);
	free(path);
	return status;
}

static int write_site(struct build *b, const char *index_html)
{
	const char *out_dir = b->corpus->options->out_dir;
	mode_t mask = umask(0);
	umask(mask);
	mode_t mode = 0666 & ~mask;
	int status = make_dirs(out_dir);
	bool forms_dir = false;
	struct output site[] = {
		{"index.html", (char *)index_html},
		{"style.css", (char *)templates_get(b->templates, "style.css")},
	};
	for (size_t i = 0; status == 0 && i < sizeof site / sizeof site[0]; i++)
		status = write_output(out_dir, &site[i], mode);
	for (size_t i = 0; status == 0 && i < b->njobs; i++) {
		for (size_t k = 0; status == 0 && k < b->jobs[i].noutputs; k++) {
			const struct output *out = &b->jobs[i].outputs[k];
			if (!forms_dir && str_starts_with(out->name, "forms/")) {
				char *dir = join_path(out_dir, "forms");
				status = make_dirs(dir);
				free(dir);
				forms_dir = true;
			}
			if (status == 0)
				status = write_output(out_dir, out, mode);
		}
	}
	return status;
}

static void build_free(struct build *b)
{
	for (size_t i = 0; i < b->njobs; i++) {
		for (size_t k = 0; k < b->jobs[i].noutputs; k++) {
			free(b->jobs[i].outputs[k].name);
			free(b->jobs[i].outputs[k].content);
		}
		free(b->jobs[i].outputs);
		free(b->form_wanted[i]);
	}
	free(b->jobs);
	free(b->form_wanted);
	free(b->paged);
	free(b->form_paged);
	pthread_mutex_destroy(&b->lock);
}

static int load_templates(const struct options *o, struct templates **templates)
{
	char *fallback = o->templates_dir ? NULL : templates_default_dir();
	char *error = NULL;
	*templates = templates_load(o->templates_dir ? o->templates_dir : fallback, &error);
	free(fallback);
	if (*templates)
		return 0;
	fprintf(stderr, "policyc: %s\n", error ? error : "cannot load the templates");
	free(error);
	return 2;
}

int build_corpus(const struct corpus *corpus)
{
	const struct options *o = corpus->options;
	struct templates *templates;
	if (load_templates(o, &templates) != 0)
		return 2;
	struct build b = {.corpus = corpus, .templates = templates,
			  .progress = !o->quiet && isatty(STDERR_FILENO)};
	pthread_mutex_init(&b.lock, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	choose_jobs(&b);
	find_pages(&b);
	render_all(&b, o->jobs);
	if (b.progress_shown)
		fputs("\r\033[K", stderr);

	struct html_renderer *html = new_html(&b);
	char *index_html = html_render_index(html);
	html_free(html);
	/* Past the file size limit (ulimit -f) the kernel would kill us with
	 * SIGXFSZ in the middle of a write, leaving a cut temporary file and no
	 * message; ignored, the write fails with EFBIG and is reported and
	 * cleaned up like any other write error. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, saved;
	sigaction(SIGXFSZ, &ignore, &saved);
	int status = write_site(&b, index_html);
	sigaction(SIGXFSZ, &saved, NULL);
	free(index_html);
	build_free(&b);
	templates_free(templates);
	if (status != 0)
		return status;
	for (size_t i = 0; i < corpus->ndocs; i++)
		if (document_has_errors(corpus->docs[i], o->werror))
			return 1;
	return 0;
}
