/* render.h — the renderers of `policyc build`, each a new/render/free trio.
 * Renderers only read the model; the strings they return are the caller's. */
#ifndef POLICYC_RENDER_H
#define POLICYC_RENDER_H

#include "corpus.h"
#include "form.h"
#include "template.h"

/* render_html.c: policy pages, the index, form pages (SPEC §9). */
struct html_renderer;
struct html_renderer *html_new(const struct corpus *corpus, const struct templates *templates);
char *html_render_policy(struct html_renderer *r, const struct document *doc);
/* The parts of a policy's page that name policies found anywhere in the
 * corpus: the notice above the title of a superseded policy (it names those
 * that supersede it) and the row of the policies it supersedes. Everything
 * else of the page depends on the document alone (and the page tests). */
enum html_corpus_part { HTML_PART_BANNER, HTML_PART_SUPERSEDES };
/* Whether the page has such parts. */
bool html_names_others(const struct document *doc);
/* Where those parts go in a page rendered without them: in order, at byte
 * `at` of the page as it is without them (len bytes). */
#define HTML_MAX_HOLES 4
struct html_holes {
	size_t n, len;
	struct html_hole {
		size_t at;
		enum html_corpus_part part;
	} hole[HTML_MAX_HOLES];
};
/* html_render_policy before the corpus is known (build_early.c): the page
 * without those parts, and *holes. NULL when the template puts them where
 * this cannot tell (escaped, or more than HTML_MAX_HOLES times): the page is
 * then rendered whole once the corpus is. */
char *html_render_policy_holed(struct html_renderer *r, const struct document *doc, struct html_holes *holes);
/* Appends the page html_render_policy writes: the one html_render_policy_holed
 * wrote (holes->len bytes at holed) with its holes filled. */
void html_fill_holes(struct buf *b, const char *holed, const struct html_holes *holes,
		     const struct html_renderer *r, const struct document *doc);
char *html_render_index(struct html_renderer *r);
char *html_render_form_page(struct html_renderer *r, const struct form *form);
void html_free(struct html_renderer *r);
/* True when an id may name an output file: [A-Za-z0-9][A-Za-z0-9._-]*. Ids
 * that are not (a document built with --force) get no file and no link. */
bool html_file_id_ok(const char *id);
/* Which documents have a page in OUT (build.c: rendered now or left by an
 * earlier build); links to the others stay text. Without it: all. */
typedef bool html_page_test(const struct document *doc, void *ctx);
void html_set_pages(struct html_renderer *r, html_page_test *has_page, void *ctx);
/* Which forms have a page in OUT/forms (build.c: rendered now or left by an
 * earlier build); references to the others and the catalogue's entries for
 * them stay text. Without it: the forms of documents with a page. */
typedef bool html_form_page_test(const struct form *form, void *ctx);
void html_set_form_pages(struct html_renderer *r, html_form_page_test *has_form_page, void *ctx);
/* True when a form may name an output file: its id is valid (form.h), which
 * --force does not change. */
bool html_form_file_ok(const struct form *form);

/* render_text.c: OUT/ID.txt, at most `width` display columns a line. */
struct text_renderer;
struct text_renderer *text_new(int width);
char *text_render(struct text_renderer *r, const struct document *doc);
void text_free(struct text_renderer *r);
/* The grid of `form` that the last text_render wrote into its text, handed
 * over (caller frees) when it holds the bytes form_text_render(as, form)
 * gives: OUT/forms/ID.txt without rendering the grid a second time. NULL
 * when it was not written or was written at another width. */
struct form_text;
char *text_take_form_grid(struct text_renderer *r, const struct form *form, const struct form_text *as);

/* form_html.c: the ruled grid of a form, an HTML fragment (<div class="form">…)
 * used inside the form page and inside its policy's page. */
struct form_html;
struct form_html *form_html_new(void);
/* The grid with the section's id form-ID: the one kept by form_html_keep
 * (handed over, so the form's page does not render it again), or a new one. */
char *form_html_render(struct form_html *r, const struct form *form);
/* The same with the section's id attribute given (a page holding two forms
 * of one id, built with --force, keeps its ids unique); NULL: form-ID. */
char *form_html_render_as(struct form_html *r, const struct form *form, const char *anchor);
/* Keeps html, form_html_render's grid of form written into the policy's
 * page, until form_html_render takes it or form_html_drop_kept frees it (at
 * the next policy: its forms may reuse the addresses). */
void form_html_keep(struct form_html *r, const struct form *form, char *html);
void form_html_drop_kept(struct form_html *r);
void form_html_free(struct form_html *r);

/* form_text.c: the grid in box-drawing characters, within `width` columns. */
struct form_text *form_text_new(int width);
/* Whether the two write the same grid of every form (the same width). */
bool form_text_same(const struct form_text *a, const struct form_text *b);
char *form_text_render(struct form_text *r, const struct form *form);
void form_text_free(struct form_text *r);

/* form_json.c: the fields for digital collection. */
struct form_json;
struct form_json *form_json_new(void);
char *form_json_render(struct form_json *r, const struct form *form);
void form_json_free(struct form_json *r);

/* build.c: writes every output of SPEC §9; returns the exit status. */
int build_corpus(const struct corpus *corpus);
#endif
