/* STUB: replaced by its owner. */
#include "render.h"
#include <stdlib.h>
struct form_html *form_html_new(void) { return NULL; }
char *form_html_render(struct form_html *r, const struct form *form) { (void)r; (void)form; return NULL; }
void form_html_free(struct form_html *r) { (void)r; }
