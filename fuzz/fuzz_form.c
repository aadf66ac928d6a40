/* fuzz_form.c — any bytes as the YAML of a ```form block (SPEC §8) through
 * form_parse and the three form renderers. The first byte also sets the text
 * width (20..120). */
#include <stdlib.h>

#include "fuzz_common.h"
#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *config = fuzz_config(0);
	int width = 20 + (size ? data[0] : 0) % 101;
	/* The block as parse.c hands it over: a fence on line 1 of a document
	 * made of the block, content from line 2, not indented. */
	struct document *doc = document_from_memory("fuzz.md", (const char *)data, size, config);
	struct form *form = form_parse(doc, (const char *)data, size, 2, 0);
	if (form != NULL) {
		form->doc = doc;
		struct form_text *text = form_text_new(width);
		free(form_text_render(text, form));
		form_text_free(text);
		struct form_json *json = form_json_new();
		free(form_json_render(json, form));
		form_json_free(json);
		struct form_html *html = form_html_new();
		free(form_html_render(html, form));
		form_html_free(html);
		form_free(form);
	}
	document_free(doc);
	return 0;
}
