/* corpus.h — all documents of one run, and the run's options (SPEC §1). */
#ifndef POLICYC_CORPUS_H
#define POLICYC_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "model.h"

enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_GITHUB };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
	const char *out_dir;
	const char *config_path;
	const char *templates_dir;
	enum output_format format;
	enum color_mode color;
	bool werror, force, quiet;
	int jobs;
	int width;
};

struct corpus {
	struct document **docs; /* sorted by path */
	size_t ndocs;
	const struct config *config;
	const struct options *options;
	/* made by corpus_load, with the indexes the lookups below use; a
	 * corpus put together by hand (tests) is searched linearly */
	bool indexed;
};

/* Expands PATHs (files, or directories searched recursively for *.md in sorted
 * order, hidden directories skipped) and runs every document's stages on
 * `jobs` threads, then the corpus checks (id-duplicate, form-duplicate,
 * 《title》 references). Returns NULL after printing the reason when a path
 * cannot be read (exit status 2). */
struct corpus *corpus_load(char *const *paths, size_t npaths, const struct config *config,
			   const struct options *options);
void corpus_free(struct corpus *corpus);
/* Rendering in the check's own pass (build, build_early.c). On the worker
 * threads, corpus_load_early hands each readable document to `front_matter`
 * once its front matter is read, and to `checked` after the other stages,
 * its trees still alive and its 《title》 references resolved as far as the
 * documents checked so far tell. What those hold of other documents (their
 * meta, their forms) may be read then, nothing else of them. After the
 * corpus checks, doc->titles_retargeted says whether they resolved a
 * reference otherwise. `begin` comes first (with the number of documents),
 * `done` last, loaded false when the corpus cannot be loaded (a file could
 * not be read; its documents are then freed). */
struct corpus_early {
	void (*begin)(struct corpus_early *early, size_t ndocs);
	void (*front_matter)(struct corpus_early *early, struct document *doc, size_t index);
	void (*checked)(struct corpus_early *early, struct document *doc, size_t index);
	void (*done)(struct corpus_early *early, bool loaded);
};
struct corpus *corpus_load_early(char *const *paths, size_t npaths, const struct config *config,
				 const struct options *options, struct corpus_early *early);

/* The stages of one document in their order (frontmatter, parse, validate,
 * xref, punctuation), none after an encoding error; corpus_load runs it on
 * every document, the fuzzers on theirs. */
void document_check(struct document *doc);

/* The first policy (in corpus order) whose id is id, or NULL. */
const struct document *corpus_find_id(const struct corpus *corpus, const char *id);
/* The policies whose `supersedes` names id, in corpus order, one for each
 * time it is named: the first of them is the one at `from` (0 at first),
 * the next at the value returned; NULL after the last. */
const struct document *corpus_superseder(const struct corpus *corpus, const char *id, size_t *from);

/* Lookups used by the corpus checks and by the renderers. */
const struct document *corpus_find_title(const struct corpus *corpus, const char *title);
const struct form *corpus_find_form_title(const struct corpus *corpus, const char *title);

/* The corpus keeps a slim summary of each document (document_slim). For
 * rendering, a document is read and parsed again, its 《title》 references
 * pointed at the corpus's documents and forms, and doc->summary set. NULL,
 * with *failure set (caller frees), when the file cannot be read or changed
 * since it was checked. Caller frees the document. */
struct document *corpus_reread(const struct corpus *corpus, const struct document *summary, char **failure);

/* True when the document has at least one error (after --werror: a warning). */
bool document_has_errors(const struct document *doc, bool werror);

/* report.c: writes the diagnostics of the whole corpus in options->format.
 * Returns the number of errors (warnings counted too with --werror). */
size_t report_diagnostics(const struct corpus *corpus);
#endif
