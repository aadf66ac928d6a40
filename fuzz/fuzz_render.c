/* fuzz_render.c — any bytes as a policy file through check and every
 * renderer of `policyc build --force` (SPEC §9): the policy's HTML page and
 * text, the index, and each form's page, text grid and JSON. The first byte
 * also sets the text width (20..120). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "render.h"
#include "template.h"

#ifndef FUZZ_TEMPLATES_DIR
#define FUZZ_TEMPLATES_DIR "templates"
#endif

static struct templates *load_templates(void)
{
	static struct templates *templates;
	if (templates == NULL) {
		char *error = NULL;
		templates = templates_load(FUZZ_TEMPLATES_DIR, &error);
		if (templates == NULL) {
			fprintf(stderr, "fuzz_render: %s\n", error ? error : "no templates");
			abort();
		}
	}
	return templates;
}

static void render_forms(struct html_renderer *html, const struct document *doc, int width)
{
	struct form_text *text = form_text_new(width);
	struct form_json *json = form_json_new();
	struct form_html *grid = form_html_new();
	for (size_t i = 0; i < doc->nforms; i++) {
		const struct form *form = doc->forms[i];
		if (form == NULL)
			continue;
		free(form_text_render(text, form));
		free(form_json_render(json, form));
		free(form_html_render(grid, form));
		free(html_render_form_page(html, form));
	}
	form_text_free(text);
	form_json_free(json);
	form_html_free(grid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *config = fuzz_config(size);
	struct templates *templates = load_templates();
	int width = 20 + (size ? data[0] : 0) % 101;
	struct document *doc = document_from_memory("fuzz.md", (const char *)data, size, config);
	document_check(doc);
	fuzz_resolve_titles(doc);
	fuzz_check_positions(doc);

	struct options options = {.out_dir = "fuzz-out", .force = true, .quiet = true, .jobs = 1, .width = width};
	struct document *docs[] = {doc};
	struct corpus corpus = {docs, 1, config, &options};
	/* build.c renders a page only for an id that can name its file. */
	if (html_file_id_ok(doc->meta.id)) {
		struct text_renderer *text = text_new(width);
		free(text_render(text, doc));
		text_free(text);
		struct html_renderer *html = html_new(&corpus, templates);
		free(html_render_policy(html, doc));
		render_forms(html, doc, width);
		html_free(html);
	}
	struct html_renderer *html = html_new(&corpus, templates);
	free(html_render_index(html));
	html_free(html);
	document_free(doc);
	return 0;
}
