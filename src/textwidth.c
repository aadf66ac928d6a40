/* STUB: replaced by its owner. */
#include "textwidth.h"
#include <stdlib.h>
int cp_width(uint32_t cp) { (void)cp; return 1; }
size_t text_width(const char *s, size_t n) { (void)s; return n; }
char *wrap_text(const char *text, size_t n, int width, const char *first_indent, const char *indent) { (void)text; (void)n; (void)width; (void)first_indent; (void)indent; return NULL; }
