/* STUB: replaced by its owner. */
#include "render.h"
#include <stdlib.h>
struct text_renderer *text_new(int width) { (void)width; return NULL; }
char *text_render(struct text_renderer *r, const struct document *doc) { (void)r; (void)doc; return NULL; }
void text_free(struct text_renderer *r) { (void)r; }
