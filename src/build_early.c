/* build_early.c — rendering each document in the check's own pass.
 *
 * Without it, `build` checks every document, lets its trees go (ten thousand
 * of them would not fit in the memory bound) and, after the corpus checks,
 * reads and parses each document again to render it. Here corpus_load_early
 * hands each document to early_checked right after its check, its trees still
 * alive, and its outputs are rendered then and written to hidden temporaries
 * beside their files (none for a file that already holds the same bytes) —
 * or, for a first build (OUT not there), straight into their files in a
 * staging directory that becomes OUT when the site is whole.
 *
 * What a document's outputs depend on beyond the document itself is (1) where
 * its 《title》 references lead, guessed from the documents checked before it
 * (corpus.h), (2) which documents and forms have a page, which early_has_page
 * and early_has_form_page guess — every answer given is kept — and (3)
 * whether it is rendered at all and which of its forms (build.c's jobs). The
 * page of a policy that supersedes others or is superseded also names
 * policies found anywhere in the corpus (html_names_others): it is rendered
 * without those parts (html_render_policy_holed), which are filled in when
 * it is committed (build_holes.c). When build comes to the document,
 * build_early_commit renames the temporaries into place (in the staging
 * directory: leaves the files) only if the corpus checks resolved the
 * references as guessed, every page test gives the answer given then, and
 * no output file changed in between; else it removes them and build renders
 * the document as before, from a second reading. */
#include "build_early.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_holes.h"
#include "name_map.h"
#include "output_file.h"
#include "util.h"

/* One output rendered early. Its path is output_path's; its temporary is
 * temporary_path(path, suffix). */
struct early_output {
	uint64_t seen;   /* identity of the file as it was compared (FILE_ABSENT: none) */
	size_t form;     /* index in doc->forms, or NO_FORM */
	uint8_t kind;    /* enum output_kind */
	bool pending;    /* a temporary waits to be renamed; else the file holds the bytes */
	char suffix[7];  /* the temporary's (temporary_path) */
};

/* A page test asked while rendering, and the answer given. */
struct early_answer {
	const void *what; /* struct document, or struct form when form */
	bool form, answer;
};

/* Allocated at once, before rendering, with room for every output and
 * answer there can be: the renderers' many passing allocations then do not
 * share their pages with ten thousand of these. */
struct early_doc {
	const struct document *doc;
	size_t noutputs, outputs_room;
	size_t nanswers, answers_room;
	bool failed; /* a temporary could not be written, or no room was left */
	bool chosen; /* build renders it (build_early_choose) */
	struct early_answer *answers; /* after the outputs */
	/* after the answers, for a page rendered with holes (its temporary
	 * holds the page without them); else NULL */
	struct html_holes *holes;
	struct early_output outputs[];
};

struct build_early {
	struct corpus_early hook; /* first: corpus_load_early hands it back */
	const struct options *options;
	struct templates *templates;
	mode_t mode;
	struct sigaction saved_xfsz;
	/* Where OUT was not there at all, the site is written into this new
	 * directory beside it (.OUT.XXXXXX) and renamed to OUT when it is
	 * whole (build_early_publish): its outputs are written straight into
	 * their files, with no temporary and no rename each, and a reader sees
	 * no OUT or the whole site. NULL: into OUT itself. */
	char *staging;
	int staging_fd;   /* open on staging, for openat */
	const char *root; /* staging, or OUT */
	bool made_out, site_written, keep_forms, published;
	/* OUT, OUT/forms had no file when the build began (made now, empty or
	 * absent): an output there is not compared before it is written */
	bool out_was_empty, forms_was_empty;
	atomic_bool made_forms, forms_ready;
	/* a disk or quota full: the temporaries would hold the room the old
	 * files give back as they are replaced one by one; all go */
	atomic_bool no_room;
	/* what the renderers see of the corpus: nothing (see early_checked) */
	struct corpus nothing;
	/* ids of the documents checked so far that build may choose: the first
	 * of each (in corpus order) has a page, presumably */
	struct name_map ids;
	pthread_mutex_t ids_lock;
	struct early_doc **docs; /* by position in the corpus; NULL: not rendered early */
	size_t ndocs;
	struct progress progress;
	atomic_size_t rendered;
};

/* What one early rendering works with. */
struct early_call {
	struct build_early *early;
	struct early_doc *record;
	const struct document *doc;
};

static void note_answer(struct early_doc *record, const void *what, bool form, bool answer)
{
	for (size_t i = 0; i < record->nanswers; i++)
		if (record->answers[i].what == what && record->answers[i].form == form) {
			/* another thread told of an earlier document of the id in
			 * between: the page holds both answers */
			if (record->answers[i].answer != answer)
				record->failed = true;
			return;
		}
	if (record->nanswers == record->answers_room) {
		record->failed = true; /* not foreseen: render it afresh */
		return;
	}
	record->answers[record->nanswers++] = (struct early_answer){what, form, answer};
}

/* A document will have a page, presumably, when build.c would choose it
 * from what is known so far (see early_front_matter). */
static bool likely_paged(struct build_early *e, const struct document *doc)
{
	if (doc == NULL || doc->meta.id == NULL)
		return false;
	pthread_mutex_lock(&e->ids_lock);
	const struct name_map_entry *entry = name_map_get(&e->ids, doc->meta.id);
	bool paged = entry != NULL && entry->value == doc;
	pthread_mutex_unlock(&e->ids_lock);
	return paged;
}

static bool early_has_page(const struct document *doc, void *ctx)
{
	struct early_call *call = ctx;
	bool answer = likely_paged(call->early, doc);
	note_answer(call->record, doc, false, answer);
	return answer;
}

/* And a form, presumably, when its document will (its id being the first of
 * its kind). */
static bool early_has_form_page(const struct form *form, void *ctx)
{
	struct early_call *call = ctx;
	bool answer = likely_paged(call->early, form->doc);
	note_answer(call->record, form, true, answer);
	return answer;
}

bool build_early_output_new(const struct build_early *early, size_t form)
{
	return form == NO_FORM ? early->out_was_empty : early->forms_was_empty;
}

const char *build_early_root(const struct build_early *early)
{
	return early->root;
}

static bool early_sink(void *ctx, const struct document *doc, size_t form, enum output_kind kind, char *content)
{
	struct early_call *call = ctx;
	struct build_early *e = call->early;
	bool holed = kind == OUTPUT_HTML && call->record->holes != NULL;
	if (content == NULL) {
		if (holed) /* holes that could not be told */
			call->record->failed = true;
		return !holed;
	}
	if (call->record->noutputs == call->record->outputs_room) {
		free(content);
		call->record->failed = true;
		return false;
	}
	if (form != NO_FORM && !atomic_load(&e->forms_ready)) {
		char *dir = forms_dir(e->root);
		if (mkdir(dir, 0777) == 0)
			atomic_store(&e->made_forms, true);
		atomic_store(&e->forms_ready, true); /* failing, the temporaries will say so */
		free(dir);
	}
	char *path = e->staging ? output_name(doc, form, kind) : output_path(e->root, doc, form, kind);
	char *tmp = NULL;
	struct early_output out = {.form = form, .kind = kind, .seen = FILE_ABSENT};
	size_t len = strlen(content);
	/* A page with holes is not what the file should hold: not compared.
	 * In the staging directory, a file that is there already is another
	 * document's of the same id (EEXIST): this one is rendered afresh if
	 * build takes it. */
	int error = e->staging ? write_new_file_at(e->staging_fd, path, content, len, e->mode)
		    : holed || build_early_output_new(e, form)
			    ? write_new_temporary(path, content, len, e->mode, &tmp)
			    : write_temporary(path, content, len, e->mode, &tmp, &out.seen);
	free(path);
	free(content);
	if (error) {
		if (error == ENOSPC || error == EDQUOT)
			atomic_store(&e->no_room, true);
		call->record->failed = true;
		return false;
	}
	if (tmp != NULL) {
		out.pending = true;
		memcpy(out.suffix, tmp + strlen(tmp) - 6, 6);
		free(tmp);
	}
	call->record->outputs[call->record->noutputs++] = out;
	return true;
}

/* Removes the temporaries not renamed; in the staging directory, the files
 * written (each this document's own: made there by it, O_EXCL, and by no
 * one since; see build_early_choose). */
static void discard(const struct build_early *e, const struct document *doc, struct early_doc *record)
{
	for (size_t i = 0; i < record->noutputs; i++) {
		struct early_output *out = &record->outputs[i];
		if (!out->pending && !e->staging)
			continue;
		char *path = output_path(e->root, doc, out->form, out->kind);
		char *tmp = e->staging ? NULL : temporary_path(path, out->suffix);
		unlink(tmp ? tmp : path);
		free(tmp);
		free(path);
		out->pending = false;
	}
	if (e->staging)
		record->noutputs = 0;
}

static size_t align_up(size_t n, size_t alignment)
{
	return (n + alignment - 1) / alignment * alignment;
}

/* Room for the outputs render_outputs may give (two, and three a form) and
 * the page tests the renderers may ask (one a 《title》 reference, one a
 * form); a renderer asking more fails the early rendering. And for the holes
 * of a page that names other policies. */
static struct early_doc *record_new(const struct document *doc)
{
	size_t titles = 0;
	for (size_t x = 0; x < doc->nxrefs; x++)
		titles += doc->xrefs[x].kind == XREF_TITLE;
	size_t outputs = 2 + 3 * doc->nforms, answers = titles + doc->nforms;
	size_t answers_at = align_up(sizeof(struct early_doc) + outputs * sizeof(struct early_output),
				     _Alignof(struct early_answer));
	size_t holes_at = align_up(answers_at + answers * sizeof(struct early_answer), _Alignof(struct html_holes));
	bool holed = html_names_others(doc);
	struct early_doc *record = xcalloc(1, holes_at + (holed ? sizeof(struct html_holes) : 0));
	record->doc = doc;
	record->outputs_room = outputs;
	record->answers_room = answers;
	record->answers = (struct early_answer *)((char *)record + answers_at);
	record->holes = holed ? (struct html_holes *)((char *)record + holes_at) : NULL;
	return record;
}

static void record_free(struct early_doc *record)
{
	free(record);
}

/* As build.c chooses the documents it renders, from their errors so far:
 * the corpus checks may still leave one out. */
static bool may_build(const struct build_early *e, const struct document *doc)
{
	return build_renders(doc, e->options->force);
}

static void early_front_matter(struct corpus_early *hook, struct document *doc, size_t index)
{
	struct build_early *e = (struct build_early *)hook;
	if (!may_build(e, doc))
		return;
	pthread_mutex_lock(&e->ids_lock);
	name_map_put(&e->ids, doc->meta.id, doc, index);
	pthread_mutex_unlock(&e->ids_lock);
}

static void early_checked(struct corpus_early *hook, struct document *doc, size_t index)
{
	struct build_early *e = (struct build_early *)hook;
	if (!may_build(e, doc) || atomic_load(&e->no_room))
		return;
	progress_show(&e->progress, atomic_fetch_add(&e->rendered, 1), e->ndocs, doc->meta.id);
	struct early_doc *record = record_new(doc);
	struct early_call call = {e, record, doc};
	struct renderers r;
	renderers_open(&r, &e->nothing, e->templates, early_has_page, early_has_form_page, &call);
	r.holes = record->holes;
	render_outputs(&r, doc, NULL, early_sink, &call);
	renderers_close(&r);
	/* A write failed (build meets the failure again, and says so), or an
	 * answer cannot be trusted: it is rendered afresh. */
	if (record->failed) {
		discard(e, doc, record);
		record_free(record);
		return;
	}
	e->docs[index] = record;
}

static void early_begin(struct corpus_early *hook, size_t ndocs)
{
	struct build_early *e = (struct build_early *)hook;
	e->ndocs = ndocs;
	e->docs = xcalloc(ndocs + 1, sizeof *e->docs);
}

/* Removes every temporary not taken, while the documents are there to name
 * their files. */
static void early_abandon(struct build_early *e)
{
	for (size_t i = 0; i < e->ndocs; i++)
		if (e->docs[i] != NULL) {
			discard(e, e->docs[i]->doc, e->docs[i]);
			record_free(e->docs[i]);
			e->docs[i] = NULL;
		}
}

/* The diagnostics come next: no progress line before them. */
static void early_done(struct corpus_early *hook, bool loaded)
{
	struct build_early *e = (struct build_early *)hook;
	progress_erase(&e->progress);
	name_map_free(&e->ids); /* the guesses are made */
	if (!loaded || atomic_load(&e->no_room))
		early_abandon(e);
}

struct progress *build_early_progress(struct build_early *early)
{
	return &early->progress;
}

struct build_early *build_early_new(const struct options *options, const struct config *config)
{
	char *error = NULL;
	struct templates *templates = build_templates_load(options, &error);
	free(error);
	if (templates == NULL)
		return NULL;
	char *staging = make_staging_directory(options->out_dir);
	int staging_fd = staging ? open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (staging && staging_fd < 0) {
		rmdir(staging);
		free(staging);
		staging = NULL;
	}
	struct stat st;
	bool existed = staging == NULL && stat(options->out_dir, &st) == 0;
	char *failed = NULL;
	if (staging == NULL && make_dirs(options->out_dir, &failed) != 0) {
		free(failed);
		templates_free(templates);
		return NULL;
	}
	struct build_early *e = xcalloc(1, sizeof *e);
	e->staging = staging;
	e->staging_fd = staging_fd;
	e->root = staging ? staging : options->out_dir;
	e->hook.begin = early_begin;
	e->hook.front_matter = early_front_matter;
	e->hook.checked = early_checked;
	e->hook.done = early_done;
	e->options = options;
	e->nothing = (struct corpus){.config = config, .options = options};
	pthread_mutex_init(&e->ids_lock, NULL);
	e->templates = templates;
	e->mode = build_file_mode();
	e->made_out = !existed;
	e->out_was_empty = !existed || staging || directory_empty_or_absent(options->out_dir);
	char *forms = forms_dir(options->out_dir);
	e->forms_was_empty = e->out_was_empty || directory_empty_or_absent(forms);
	free(forms);
	atomic_init(&e->made_forms, false);
	atomic_init(&e->no_room, false);
	atomic_init(&e->rendered, 0);
	progress_init(&e->progress, options);
	atomic_init(&e->forms_ready, false);
	/* as build_corpus does, for the same reason: a write past the file size
	 * limit fails with EFBIG instead of killing us */
	struct sigaction ignore = {.sa_handler = SIG_IGN};
	sigaction(SIGXFSZ, &ignore, &e->saved_xfsz);
	return e;
}

struct corpus_early *build_early_hook(struct build_early *early)
{
	return early ? &early->hook : NULL;
}

struct templates *build_early_templates(const struct build_early *early)
{
	return early->templates;
}

void build_early_site_written(struct build_early *early, bool with_forms)
{
	early->site_written = true;
	early->keep_forms = with_forms;
}

/* The page tests give now the answers they gave then. */
static bool answers_hold(const struct early_doc *record, html_page_test *has_page,
			 html_form_page_test *has_form_page, void *ctx)
{
	for (size_t i = 0; i < record->nanswers; i++) {
		const struct early_answer *a = &record->answers[i];
		bool now = a->form ? has_form_page(a->what, ctx) : has_page(a->what, ctx);
		if (now != a->answer)
			return false;
	}
	return true;
}

/* No output file found to hold its bytes already was replaced, written or
 * removed since it was compared: build would not write it, and leaving it
 * changed would leave the site wrong.
 *
 * An output with a temporary waiting is not looked at again: whatever is at
 * its path now (the file compared, one changed or put there since, or none),
 * the temporary is renamed over it, and rendering the document afresh would
 * give the same bytes (the answers hold, or it is not committed) and write
 * them the same way, through a temporary renamed over the file. The site
 * ends the same, whole at every moment; only a file another program put
 * there meanwhile with exactly these bytes is replaced where it would have
 * been left alone. What is saved is a stat of every output written (of an
 * absent file, on a first build). */
static bool files_unchanged(const struct build_early *e, const struct document *doc,
			    const struct early_doc *record)
{
	bool same = true;
	for (size_t i = 0; same && !e->staging && i < record->noutputs; i++) {
		if (record->outputs[i].pending)
			continue;
		char *path = output_path(e->root, doc, record->outputs[i].form, record->outputs[i].kind);
		same = file_identity(path) == record->outputs[i].seen;
		free(path);
	}
	return same;
}

/* The page rendered with holes (the first output) put in place filled in
 * (fill_holed_page); its temporary is left to discard when it does not hold
 * what was written: render it afresh. A write that fails sets *failure. */
static bool put_filled(const struct build_early *e, const struct document *doc, struct early_output *out,
		       const struct html_holes *holes, const struct html_renderer *html, char **failure)
{
	char *path = output_path(e->root, doc, NO_FORM, OUTPUT_HTML);
	int error = 0;
	bool filled = e->staging ? fill_holed_page_here(path, doc, holes, html, &error)
				 : fill_holed_page(path, temporary_path(path, out->suffix),
						   build_early_output_new(e, NO_FORM), e->mode, doc, holes, html, &error);
	if (filled)
		out->pending = false;
	if (error)
		*failure = output_failure(e->options->out_dir, doc, NO_FORM, OUTPUT_HTML, error);
	free(path);
	return filled;
}

/* In the staging directory, an output's file may have been made by a
 * document build does not take, or hold a form whose id an earlier form
 * has: the file is there under its final name, and would be published. It
 * goes now, before build writes any file of its own (put_output, the
 * catalogue), so that every file it removes is one its document wrote. */
void build_early_choose(struct build_early *e, size_t position, const bool *form_wanted)
{
	struct early_doc *record = position < e->ndocs ? e->docs[position] : NULL;
	if (record == NULL)
		return;
	record->chosen = true;
	if (!e->staging)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < record->noutputs; i++) {
		struct early_output *out = &record->outputs[i];
		if (out->form == NO_FORM || form_wanted[out->form]) {
			record->outputs[kept++] = *out;
			continue;
		}
		char *path = output_path(e->root, record->doc, out->form, out->kind);
		unlink(path);
		free(path);
	}
	record->noutputs = kept;
}

void build_early_drop_unchosen(struct build_early *e)
{
	for (size_t i = 0; i < e->ndocs; i++)
		if (e->docs[i] != NULL && !e->docs[i]->chosen) {
			discard(e, e->docs[i]->doc, e->docs[i]);
			record_free(e->docs[i]);
			e->docs[i] = NULL;
		}
}

bool build_early_commit(struct build_early *e, size_t position, const struct document *doc,
			const bool *form_wanted, const struct html_renderer *html, html_page_test *has_page,
			html_form_page_test *has_form_page, void *ctx, char **failure)
{
	struct early_doc *record = position < e->ndocs ? e->docs[position] : NULL;
	if (record == NULL)
		return false;
	e->docs[position] = NULL;
	bool holds = !doc->titles_retargeted &&
		     answers_hold(record, has_page, has_form_page, ctx) && files_unchanged(e, doc, record);
	/* the page comes first: nothing is in place when it cannot be filled */
	size_t i = 0;
	if (holds && record->holes) {
		holds = record->noutputs > 0 && put_filled(e, doc, &record->outputs[0], record->holes, html, failure);
		i = 1;
	}
	for (; holds && *failure == NULL && i < record->noutputs; i++) {
		struct early_output *out = &record->outputs[i];
		if (!out->pending || (out->form != NO_FORM && !form_wanted[out->form]))
			continue;
		char *path = output_path(e->root, doc, out->form, out->kind);
		int error = rename_into_place(path, temporary_path(path, out->suffix), 0);
		out->pending = false;
		if (error) /* as put_output: nothing after the first failure */
			*failure = output_failure(e->options->out_dir, doc, out->form, out->kind, error);
		free(path);
	}
	/* in the staging directory, what holds is in place already; after a
	 * failure, none of the document's files is */
	if (!holds || !e->staging || *failure != NULL)
		discard(e, doc, record);
	record_free(record);
	return holds;
}

/* Removes every temporary nothing took (in the staging directory, every
 * file written for a document build did not take), then OUT/forms where it
 * was made for them alone, and OUT where no site was written. */
static void tidy(struct build_early *e)
{
	early_abandon(e);
	if (atomic_load(&e->made_forms) && !(e->site_written && e->keep_forms)) {
		char *dir = forms_dir(e->root);
		rmdir(dir);
		free(dir);
	}
	if (e->made_out && !e->site_written)
		rmdir(e->root);
}

int build_early_publish(struct build_early *e, bool whole)
{
	if (e == NULL || e->staging == NULL || e->published)
		return 0;
	tidy(e);
	e->published = true;
	if (!whole) {
		char *forms = forms_dir(e->root);
		remove_directory_files(forms);
		free(forms);
		remove_directory_files(e->root);
		return 0;
	}
	/* OUT made meanwhile, empty, is replaced; with files in it, the
	 * rename fails and the site stays in the staging directory */
	return rename(e->staging, e->options->out_dir) == 0 ? 0 : errno;
}

void build_early_free(struct build_early *e)
{
	if (e == NULL)
		return;
	if (!e->published)
		tidy(e);
	free(e->docs);
	progress_free(&e->progress);
	name_map_free(&e->ids);
	pthread_mutex_destroy(&e->ids_lock);
	if (e->staging_fd >= 0)
		close(e->staging_fd);
	free(e->staging);
	sigaction(SIGXFSZ, &e->saved_xfsz, NULL);
	templates_free(e->templates);
	free(e);
}
