/* build_early.h — `policyc build` rendering each document in the check's own
 * pass, while its trees are alive, instead of reading and parsing it again
 * (build_early.c), and what it shares with build.c. */
#ifndef POLICYC_BUILD_EARLY_H
#define POLICYC_BUILD_EARLY_H

#include <stdbool.h>
#include <stddef.h>
#include <pthread.h>
#include <sys/types.h>
#include <time.h>

#include "render.h"

/* ---- for main.c ---- */

struct build_early;
/* Ready to render early into options->out_dir (made now, as build would),
 * with the templates loaded; NULL when it cannot be (build then does it all
 * later and reports what went wrong). */
struct build_early *build_early_new(const struct options *options, const struct config *config);
/* What corpus_load_early calls; NULL for NULL. */
struct corpus_early *build_early_hook(struct build_early *early);
/* build_corpus, using what was rendered early where it still holds. */
int build_corpus_early(const struct corpus *corpus, struct build_early *early);
/* Where OUT was not there when the build began, the site was written into a
 * staging directory beside it, which this renames to OUT once the site is
 * written whole (after the temporaries nothing took are removed), or
 * removes when a file could not be written: OUT is then not made. Returns 0
 * (also for no staging directory) or the rename's errno value; then the
 * site stays in build_early_root. */
int build_early_publish(struct build_early *early, bool whole);
/* Removes the temporaries nothing took (and OUT or OUT/forms when made for
 * them alone, or the staging directory when nothing was published). */
void build_early_free(struct build_early *early);

/* ---- shared by build.c and build_early.c ---- */

struct renderers {
	struct html_renderer *html;
	struct text_renderer *text;
	struct form_text *form_text;
	struct form_json *form_json;
	/* not NULL: the policy's page is rendered without the parts that name
	 * other policies, and where they go is put here (build_early.c) */
	struct html_holes *holes;
};
/* html_new with the page tests, and the other three; closed with renderers_close. */
void renderers_open(struct renderers *r, const struct corpus *corpus, const struct templates *templates,
		    html_page_test *has_page, html_form_page_test *has_form_page, void *ctx);
void renderers_close(struct renderers *r);

/* A document's outputs, in the order they are written: ID.html, ID.txt, then
 * for each form, forms/FORM-ID.html, .txt and .json. */
enum output_kind { OUTPUT_HTML, OUTPUT_TEXT, OUTPUT_FORM_HTML, OUTPUT_FORM_TEXT, OUTPUT_FORM_JSON };
#define NO_FORM ((size_t)-1)
/* OUT/forms */
char *forms_dir(const char *out_dir);
/* ID.html, forms/FORM-ID.json … (in OUT) for the output of kind (form:
 * index in doc->forms, or NO_FORM). */
char *output_name(const struct document *doc, size_t form, enum output_kind kind);
/* OUT/ID.html … for the output of kind (form: index in doc->forms, or NO_FORM). */
char *output_path(const char *out_dir, const struct document *doc, size_t form, enum output_kind kind);
/* "cannot write OUT/ID.html: REASON", a job's failure, naming the file in
 * OUT even when it was written into the staging directory. */
char *output_failure(const char *out_dir, const struct document *doc, size_t form, enum output_kind kind,
		     int error);
/* Takes content (NULL: nothing to write); false stops the rendering. */
typedef bool output_sink(void *ctx, const struct document *doc, size_t form, enum output_kind kind, char *content);
/* Renders the outputs one by one into sink; forms only where form_wanted[k]
 * (NULL: every form whose id may name a file). */
void render_outputs(struct renderers *r, const struct document *doc, const bool *form_wanted, output_sink *sink,
		    void *ctx);

/* The outputs rendered early of the document at `position` in the corpus
 * written (renamed into place, as write_atomically would), when they still
 * are what rendering it now would give: the corpus checks resolved its
 * 《title》 references as guessed, every page test asked gives the same
 * answer now, and no output file changed since. A page rendered with holes
 * is read back and written whole, the parts filled in by html (which renders
 * with the corpus). Returns false (and removes the temporaries) when not:
 * render it afresh. *failure as for a job. */
bool build_early_commit(struct build_early *early, size_t position, const struct document *doc,
			const bool *form_wanted, const struct html_renderer *html, html_page_test *has_page,
			html_form_page_test *has_form_page, void *ctx, char **failure);

/* build.c, once it has chosen what it renders, before it writes anything:
 * the document at position is one, with the forms of form_wanted; then
 * build_early_drop_unchosen lets the others go (their files, in a staging
 * directory). */
void build_early_choose(struct build_early *early, size_t position, const bool *form_wanted);
void build_early_drop_unchosen(struct build_early *early);
/* The directory the site is written into: OUT, or the staging directory
 * beside it that becomes OUT (build_early_publish). */
const char *build_early_root(const struct build_early *early);

/* No file was at the path of an output in OUT (form NO_FORM) or OUT/forms
 * when the build began: the directory was made by it, or empty. Such an
 * output is written without comparing it first (write_new_temporary). */
bool build_early_output_new(const struct build_early *early, size_t form);

/* build.c: whether build renders a document with these errors and this id
 * (with --force, errors do not count; a warning never does). */
bool build_renders(const struct document *doc, bool force);
/* build.c: the templates of --templates or the installed ones (NULL, *error
 * set, when they cannot be read), and the mode of new files (0666 less the
 * umask). */
struct templates *build_templates_load(const struct options *options, char **error);
mode_t build_file_mode(void);
/* build_early.c: the templates it rendered with; what build
 * wrote (OUT and its files, OUT/forms when with_forms): directories made
 * early are then kept. */
struct templates *build_early_templates(const struct build_early *early);
void build_early_site_written(struct build_early *early, bool with_forms);

/* build.c: the progress line on a terminal (not with -q) once a build has
 * taken half a second: "[12/40] building HR-012", erased when done. */
struct progress {
	bool wanted, shown;
	struct timespec start;
	pthread_mutex_t lock;
};
void progress_init(struct progress *p, const struct options *options);
void progress_show(struct progress *p, size_t index, size_t total, const char *id);
void progress_erase(struct progress *p);
void progress_free(struct progress *p);
/* build_early.c: its progress, which build goes on with. */
struct progress *build_early_progress(struct build_early *early);

#endif
