/* STUB: replaced by its owner. */
#include "config.h"
#include <stdlib.h>
struct config *config_default(void) { return NULL; }
struct config *config_load(const char *path) { (void)path; return NULL; }
char *config_discover(const char *dir) { (void)dir; return NULL; }
void config_free(struct config *config) { (void)config; }
const char *scheme_name(enum scheme scheme) { (void)scheme; return "articles"; }
enum scheme scheme_lookup(const char *name) { (void)name; return SCHEME_ARTICLES; }
