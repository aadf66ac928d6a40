/* corpus.c — one run's documents: finding them, checking each on worker
 * threads, then the checks that need the whole corpus (SPEC §1, §5, §6). */
#include "corpus.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "corpus_paths.h"
#include "form.h"
#include "name_map.h"
#include "running_text.h"
#include "util.h"

/* A title or id, and the position in the corpus's order of what carries it. */
struct name_entry {
	const char *name;
	size_t order;
	const void *owner; /* struct document or struct form */
};

struct name_index {
	struct name_entry *v;
	size_t n, cap;
};

/* The corpus with the first policy and the first form (in corpus order) of
 * each title; handed out as its first member. */
struct corpus_state {
	struct corpus public;
	struct name_map policy_titles, form_titles;
	struct name_map policy_ids; /* the first policy of each id */
	/* (an id a policy supersedes, that policy), sorted by id, then corpus
	 * order: a superseded policy's page names those that replace it */
	struct name_index superseded;
	struct name_map first_superseded; /* each id's first place in it */
};

static int compare_entries(const void *a, const void *b)
{
	const struct name_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void index_add(struct name_index *index, const char *name, const void *owner)
{
	if (name == NULL || name[0] == '\0')
		return;
	struct name_entry entry = {name, index->n, owner};
	ARRAY_PUSH(index->v, index->n, index->cap, entry);
}

static void index_sort(struct name_index *index)
{
	if (index->n > 1)
		qsort(index->v, index->n, sizeof *index->v, compare_entries);
}

/* ---- the stages of one document, on worker threads ---- */

struct work {
	char **paths;
	struct document **docs;
	int *open_errno;
	size_t n;
	const struct config *config;
	atomic_size_t next;
	struct corpus_early *early;
	/* early: the titles of the policies and forms checked so far */
	struct name_map policy_titles, form_titles;
	pthread_mutex_t titles_lock;
};

static void check_body(struct document *doc)
{
	parse_document(doc);
	validate_document(doc);
	check_running_text(doc);
}

void document_check(struct document *doc)
{
	if (!doc->readable)
		return;
	frontmatter_check(doc);
	check_body(doc);
}

static bool is_external(const struct config *config, const char *title);

/* The first policy or form (in corpus order) of a title, as far as it is known. */
typedef const void *title_finder(void *ctx, const char *title, bool form);

/* What a 《title》 names: the first policy of that title, else the first
 * form, else perhaps an external title. */
static void resolve_title(struct xref *ref, title_finder *find, void *ctx, const struct config *config)
{
	ref->target_doc = find(ctx, ref->title, false);
	ref->target_form = ref->target_doc ? NULL : find(ctx, ref->title, true);
	ref->external = ref->target_doc == NULL && ref->target_form == NULL && is_external(config, ref->title);
}

/* Early: among the documents checked so far. One checked later may come
 * first in the corpus's order; the corpus checks will tell
 * (titles_retargeted). */
static const void *find_title_so_far(void *ctx, const char *title, bool form)
{
	struct work *work = ctx;
	pthread_mutex_lock(&work->titles_lock);
	const struct name_map_entry *entry = name_map_get(form ? &work->form_titles : &work->policy_titles, title);
	const void *found = entry ? entry->value : NULL;
	pthread_mutex_unlock(&work->titles_lock);
	return found;
}

/* Early: what others may look up from now on. Neither the front matter nor
 * the forms change after their stage. */
static void publish_title(struct work *work, struct name_map *titles, const char *title, const void *owner,
			  size_t position)
{
	if (title == NULL || title[0] == '\0')
		return;
	pthread_mutex_lock(&work->titles_lock);
	name_map_put(titles, title, owner, position);
	pthread_mutex_unlock(&work->titles_lock);
}

/* The stages of document i, handing it to early->checked while its trees
 * are alive. */
static void check_early(struct work *work, struct document *doc, size_t i)
{
	frontmatter_check(doc);
	publish_title(work, &work->policy_titles, doc->meta.title, doc, i);
	work->early->front_matter(work->early, doc, i);
	check_body(doc);
	for (size_t f = 0; f < doc->nforms; f++)
		if (doc->forms[f] != NULL)
			publish_title(work, &work->form_titles, doc->forms[f]->title, doc->forms[f], i);
	for (size_t x = 0; x < doc->nxrefs; x++)
		if (doc->xrefs[x].kind == XREF_TITLE && doc->xrefs[x].title != NULL)
			resolve_title(&doc->xrefs[x], find_title_so_far, work, work->config);
	work->early->checked(work->early, doc, i);
}

static void *worker(void *arg)
{
	struct work *work = arg;
	for (;;) {
		size_t i = atomic_fetch_add(&work->next, 1);
		if (i >= work->n)
			break;
		errno = 0;
		struct document *doc = document_open(work->paths[i], work->config);
		if (doc == NULL) {
			work->open_errno[i] = errno ? errno : EIO;
			continue;
		}
		work->docs[i] = doc;
		if (work->early && doc->readable)
			check_early(work, doc, i);
		else
			document_check(doc);
		document_slim(doc);
	}
	return NULL;
}

/* Deep Markdown and YAML nesting may need more than a small default stack. */
enum { WORKER_STACK = 16 * 1024 * 1024 };

static void run_stages(struct work *work, int jobs)
{
	size_t nthreads = jobs < 1 ? 1 : (size_t)jobs;
	if (nthreads > work->n)
		nthreads = work->n;
	pthread_t *threads = xcalloc(nthreads, sizeof *threads);
	bool *started = xcalloc(nthreads, sizeof *started);
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, WORKER_STACK);
	size_t nstarted = 0;
	for (size_t t = 0; t < nthreads; t++) {
		started[t] = pthread_create(&threads[t], &attr, worker, work) == 0;
		nstarted += started[t];
	}
	pthread_attr_destroy(&attr);
	/* Without any thread (resource limits) the work is done here. */
	if (nstarted == 0)
		worker(work);
	for (size_t t = 0; t < nthreads; t++)
		if (started[t])
			pthread_join(threads[t], NULL);
	free(started);
	free(threads);
}

/* ---- the corpus checks, single-threaded, in the order of documents ---- */

/* Calls report(original, later) for every entry whose name an earlier entry
 * (in corpus order) already has. */
static void report_repeats(const struct name_index *index,
			   void (*report)(const struct name_entry *original, const struct name_entry *later,
					  bool by_title),
			   bool by_title)
{
	size_t group = 0;
	for (size_t i = 1; i < index->n; i++) {
		if (strcmp(index->v[group].name, index->v[i].name) != 0)
			group = i;
		else
			report(&index->v[group], &index->v[i], by_title);
	}
}

static void report_duplicate_meta(const struct name_entry *original, const struct name_entry *later,
				  bool by_title)
{
	const struct document *first = original->owner;
	struct document *doc = (struct document *)later->owner;
	const struct meta *meta = &doc->meta;
	diag_add(&doc->diags, RULE_ID_DUPLICATE, by_title ? meta->title_line : meta->id_line,
		 by_title ? meta->title_col : meta->id_col, "%s %s is already used by %s",
		 by_title ? "title" : "id", later->name, first->path);
}

static void report_duplicate_form(const struct name_entry *original, const struct name_entry *later,
				  bool by_title)
{
	const struct form *first = original->owner;
	const struct form *form = later->owner;
	struct document *doc = (struct document *)form->doc;
	if (doc == NULL)
		return;
	diag_add(&doc->diags, RULE_FORM_DUPLICATE, by_title ? form->title_line : form->id_line,
		 by_title ? form->title_col : form->id_col,
		 "form %s %s is already used by the form at %s:%d", by_title ? "title" : "id",
		 later->name, first->doc ? first->doc->path : "?", first->line);
}

/* Every policy's id or title, or every form's, with what carries it, in
 * corpus order. */
static void collect_names(const struct corpus *corpus, bool forms, bool titles, struct name_index *index)
{
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		if (!forms) {
			index_add(index, titles ? doc->meta.title : doc->meta.id, doc);
			continue;
		}
		for (size_t f = 0; f < doc->nforms; f++)
			if (doc->forms[f] != NULL)
				index_add(index, titles ? doc->forms[f]->title : doc->forms[f]->id, doc->forms[f]);
	}
}

/* Reports every policy id or title, or form id or title, that one before it
 * in corpus order has. A hash set finds whether any is repeated (a corpus
 * rarely repeats one); only then are the names sorted, for the reports in
 * the order they always came in. A title's first owner goes into `lookup`. */
static void check_repeats(struct corpus *corpus, bool forms, bool titles, struct name_map *lookup)
{
	struct name_index index = {0};
	collect_names(corpus, forms, titles, &index);
	struct name_map seen = {0};
	struct name_map *map = lookup ? lookup : &seen;
	bool repeated = false;
	for (size_t i = 0; i < index.n; i++)
		repeated |= !name_map_put(map, index.v[i].name, index.v[i].owner, i);
	name_map_free(&seen);
	if (repeated) {
		index_sort(&index);
		report_repeats(&index, forms ? report_duplicate_form : report_duplicate_meta, titles);
	}
	free(index.v);
}

static bool is_external(const struct config *config, const char *title)
{
	for (size_t i = 0; i < config->nexternal; i++)
		if (strcmp(config->external[i], title) == 0)
			return true;
	return false;
}

static bool has_diag(const struct document *doc, enum rule rule)
{
	for (size_t i = 0; i < doc->diags.n; i++)
		if (doc->diags.v[i].rule == rule)
			return true;
	return false;
}

/* False when a policy's or a form's title could not be read because of a
 * mistake already reported: unreadable text, front matter that is missing or
 * does not parse, a title of the wrong form, a form block that does not
 * parse. A 《title》 that resolves to nothing may then name that very
 * document or form; reporting it would be a second diagnostic for the one
 * mistake (SPEC §2). */
static bool all_titles_known(const struct corpus *corpus)
{
	static const enum rule title_lost[] = {RULE_ENCODING, RULE_FRONTMATTER_MISSING,
					       RULE_FRONTMATTER_SYNTAX, RULE_FRONTMATTER_TYPE,
					       RULE_FRONTMATTER_REQUIRED};
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		if (!doc->readable || has_diag(doc, RULE_FORM_SYNTAX))
			return false;
		if (doc->meta.title != NULL && doc->meta.title[0] != '\0')
			continue;
		for (size_t r = 0; r < sizeof title_lost / sizeof *title_lost; r++)
			if (has_diag(doc, title_lost[r]))
				return false;
	}
	return true;
}

static const void *find_title(void *ctx, const char *title, bool form)
{
	const struct corpus_state *state = ctx;
	const struct name_map_entry *entry = name_map_get(form ? &state->form_titles : &state->policy_titles, title);
	return entry ? entry->value : NULL;
}

/* Points a document's 《title》 references at what they name; each that names
 * nothing is then passed to `unresolved`. Sets doc->titles_retargeted when a
 * reference named something else before (corpus_load_early's first guess). */
static void resolve_document_titles(const struct corpus_state *state, struct document *doc,
				    void (*unresolved)(struct document *doc, const struct xref *ref))
{
	doc->titles_retargeted = false;
	for (size_t x = 0; x < doc->nxrefs; x++) {
		struct xref *ref = &doc->xrefs[x];
		if (ref->kind != XREF_TITLE || ref->title == NULL)
			continue;
		struct xref was = *ref;
		resolve_title(ref, find_title, (void *)state, state->public.config);
		if (was.target_doc != ref->target_doc || was.target_form != ref->target_form ||
		    was.external != ref->external)
			doc->titles_retargeted = true;
		if (ref->target_doc == NULL && ref->target_form == NULL && !ref->external && unresolved)
			unresolved(doc, ref);
	}
}

static void report_unresolved_title(struct document *doc, const struct xref *ref)
{
	diag_add(&doc->diags, RULE_XREF_DOCUMENT, ref->line, ref->col,
		 "《%s》 names no policy, form or external title in the corpus", ref->title);
}

static void resolve_titles(struct corpus_state *state)
{
	struct corpus *corpus = &state->public;
	bool report_unresolved = all_titles_known(corpus);
	for (size_t i = 0; i < corpus->ndocs; i++)
		resolve_document_titles(state, corpus->docs[i],
					report_unresolved ? report_unresolved_title : NULL);
}

/* Resolves a document read again for rendering; a policy naming itself links
 * within its own page. */
static void corpus_resolve_titles(const struct corpus *corpus, struct document *doc)
{
	const struct corpus_state *state = (const struct corpus_state *)corpus;
	resolve_document_titles(state, doc, NULL);
	for (size_t x = 0; x < doc->nxrefs; x++)
		if (doc->xrefs[x].target_doc != NULL && doc->xrefs[x].target_doc == doc->summary)
			doc->xrefs[x].target_doc = doc;
}

/* ---- loading ---- */

/* Last document first, the reverse of the order they were made in: glibc
 * frees them so with a third fewer instructions (less consolidating of
 * chunks freed one by one) and in less time, for 1000 documents. */
static void free_docs(struct document **docs, size_t n)
{
	for (size_t i = n; i-- > 0;)
		if (docs[i] != NULL)
			document_free(docs[i]);
	free(docs);
}

/* Says which files could not be read; false when there was one. */
static bool all_read(const struct work *work)
{
	bool ok = true;
	for (size_t i = 0; i < work->n; i++)
		if (work->open_errno[i] != 0) {
			fprintf(stderr, "policyc: cannot read %s: %s\n", work->paths[i],
				strerror(work->open_errno[i]));
			ok = false;
		}
	return ok;
}

struct corpus *corpus_load(char *const *paths, size_t npaths, const struct config *config,
			   const struct options *options)
{
	return corpus_load_early(paths, npaths, config, options, NULL);
}

struct corpus *corpus_load_early(char *const *paths, size_t npaths, const struct config *config,
				 const struct options *options, struct corpus_early *early)
{
	struct path_list files = {0};
	if (!paths_expand(paths, npaths, &files)) {
		path_list_free(&files);
		return NULL;
	}

	struct work work = {
		.paths = files.v,
		.docs = xcalloc(files.n, sizeof(struct document *)),
		.open_errno = xcalloc(files.n, sizeof(int)),
		.n = files.n,
		.config = config,
		.early = early,
	};
	atomic_init(&work.next, 0);
	/* cmark-gfm registers its extensions on first use without a lock: do it
	 * here, before any worker parses. */
	cmark_gfm_core_extensions_ensure_registered();
	if (early != NULL) {
		early->begin(early, work.n);
		pthread_mutex_init(&work.titles_lock, NULL);
	}
	run_stages(&work, options->jobs);
	bool read = all_read(&work);
	if (early != NULL) {
		pthread_mutex_destroy(&work.titles_lock);
		name_map_free(&work.policy_titles);
		name_map_free(&work.form_titles);
		early->done(early, read);
	}
	free(work.open_errno);
	path_list_free(&files);
	if (!read) {
		free_docs(work.docs, work.n);
		return NULL;
	}

	struct corpus_state *state = xcalloc(1, sizeof *state);
	struct corpus *corpus = &state->public;
	corpus->docs = work.docs;
	corpus->ndocs = work.n;
	corpus->config = config;
	corpus->options = options;

	check_repeats(corpus, false, false, &state->policy_ids);
	check_repeats(corpus, false, true, &state->policy_titles);
	check_repeats(corpus, true, false, NULL);
	check_repeats(corpus, true, true, &state->form_titles);
	resolve_titles(state);
	for (size_t i = 0; i < corpus->ndocs; i++)
		for (size_t k = 0; k < corpus->docs[i]->meta.nsupersedes; k++)
			index_add(&state->superseded, corpus->docs[i]->meta.supersedes[k], corpus->docs[i]);
	index_sort(&state->superseded);
	for (size_t i = 0; i < state->superseded.n; i++)
		name_map_put(&state->first_superseded, state->superseded.v[i].name, NULL, i);
	corpus->indexed = true;
	for (size_t i = 0; i < corpus->ndocs; i++) {
		struct document *doc = corpus->docs[i];
		diags_sort(&doc->diags);
		/* the corpus checks may have given diagnostics to a document
		 * whose text was let go: their context lines need it */
		if (doc->diags.n > 0)
			document_reload_source(doc);
	}
	return corpus;
}

void corpus_free(struct corpus *corpus)
{
	if (corpus == NULL)
		return;
	struct corpus_state *state = (struct corpus_state *)corpus;
	name_map_free(&state->policy_titles);
	name_map_free(&state->form_titles);
	name_map_free(&state->policy_ids);
	free(state->superseded.v);
	name_map_free(&state->first_superseded);
	free_docs(corpus->docs, corpus->ndocs);
	free(state);
}

struct document *corpus_reread(const struct corpus *corpus, const struct document *summary, char **failure)
{
	errno = 0;
	struct document *doc = document_open(summary->path, corpus->config);
	if (doc == NULL) {
		*failure = xasprintf("cannot read %s: %s", summary->path, strerror(errno ? errno : EIO));
		return NULL;
	}
	if (doc->len != summary->len || doc->fingerprint != summary->fingerprint) {
		*failure = xasprintf("%s changed while it was built; build again", summary->path);
		document_free(doc);
		return NULL;
	}
	doc->summary = summary;
	/* The front matter and the forms are the summary's (borrowed, see
	 * document_free); validation and punctuation gave their diagnostics the
	 * first time and change nothing a renderer reads. */
	doc->meta = summary->meta;
	doc->meta_ok = summary->meta_ok;
	doc->body_line = summary->body_line;
	if (doc->readable) {
		parse_document(doc);
		xref_document(doc);
	}
	corpus_resolve_titles(corpus, doc);
	return doc;
}

/* An empty id is in no index (index_add): the linear search finds it. */
const struct document *corpus_find_id(const struct corpus *corpus, const char *id)
{
	if (corpus->indexed && id[0] != '\0') {
		const struct name_map_entry *entry = name_map_get(&((const struct corpus_state *)corpus)->policy_ids, id);
		return entry ? entry->value : NULL;
	}
	for (size_t i = 0; i < corpus->ndocs; i++)
		if (corpus->docs[i]->meta.id && strcmp(corpus->docs[i]->meta.id, id) == 0)
			return corpus->docs[i];
	return NULL;
}

/* Linear, by (document, position in its list) numbered from 0, without an
 * index. */
static const struct document *linear_superseder(const struct corpus *corpus, const char *id, size_t *from)
{
	for (size_t n = 0, i = 0; i < corpus->ndocs; i++)
		for (size_t k = 0; k < corpus->docs[i]->meta.nsupersedes; k++, n++)
			if (n >= *from && strcmp(corpus->docs[i]->meta.supersedes[k], id) == 0) {
				*from = n + 1;
				return corpus->docs[i];
			}
	return NULL;
}

const struct document *corpus_superseder(const struct corpus *corpus, const char *id, size_t *from)
{
	if (!corpus->indexed || id[0] == '\0')
		return linear_superseder(corpus, id, from);
	const struct name_index *index = &((const struct corpus_state *)corpus)->superseded;
	size_t at = *from;
	if (at == 0) {
		const struct name_map_entry *first = name_map_get(&((const struct corpus_state *)corpus)->first_superseded, id);
		if (first == NULL)
			return NULL;
		at = first->order;
	}
	if (at >= index->n || strcmp(index->v[at].name, id) != 0)
		return NULL;
	*from = at + 1;
	return index->v[at].owner;
}

/* Linear: these also serve a corpus put together by hand (tests). */
const struct document *corpus_find_title(const struct corpus *corpus, const char *title)
{
	for (size_t i = 0; title != NULL && i < corpus->ndocs; i++)
		if (corpus->docs[i]->meta.title && strcmp(corpus->docs[i]->meta.title, title) == 0)
			return corpus->docs[i];
	return NULL;
}

const struct form *corpus_find_form_title(const struct corpus *corpus, const char *title)
{
	for (size_t i = 0; title != NULL && i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t f = 0; f < doc->nforms; f++)
			if (doc->forms[f] && doc->forms[f]->title &&
			    strcmp(doc->forms[f]->title, title) == 0)
				return doc->forms[f];
	}
	return NULL;
}

bool document_has_errors(const struct document *doc, bool werror)
{
	if (diags_count(&doc->diags, SEV_ERROR) > 0)
		return true;
	return werror && diags_count(&doc->diags, SEV_WARNING) > 0;
}
