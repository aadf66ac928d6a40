/* STUB: replaced by its owner. */
#include "render.h"
#include <stdlib.h>
struct html_renderer *html_new(const struct corpus *corpus, const struct templates *templates) { (void)corpus; (void)templates; return NULL; }
char *html_render_policy(struct html_renderer *r, const struct document *doc) { (void)r; (void)doc; return NULL; }
char *html_render_index(struct html_renderer *r) { (void)r; return NULL; }
char *html_render_form_page(struct html_renderer *r, const struct form *form) { (void)r; (void)form; return NULL; }
void html_free(struct html_renderer *r) { (void)r; }
