/* config.h — the configuration of SPEC §7 (policyc.yml). */
#ifndef POLICYC_CONFIG_H
#define POLICYC_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

enum scheme { SCHEME_ARTICLES, SCHEME_OUTLINE, SCHEME_DECIMAL, SCHEME_EN, SCHEME_COUNT };

/* A provision: present when an article of its chapter has one of `words` in its
 * title or text. */
struct provision {
	char **words;
	size_t nwords;
};

struct chapter_provisions {
	char *chapter; /* chapter title, e.g. 总则 */
	struct provision *provisions;
	size_t nprovisions;
};

struct requirements {
	char *first_chapter; /* NULL: no requirement */
	char *last_chapter;
	struct chapter_provisions *chapters;
	size_t nchapters;
};

struct config {
	char *path;                      /* file it came from, NULL for the defaults */
	enum scheme scheme;              /* for documents that set none */
	bool article_per_chapter;        /* article-numbering: per-chapter */
	char **required_front_matter;
	size_t nrequired_front_matter;
	char **extra_keys;               /* front-matter-keys: keys declared by the user */
	size_t nextra_keys;
	struct requirements required[SCHEME_COUNT];
	char **external;
	size_t nexternal;
	enum severity severity[RULE_COUNT];
};

/* The built-in defaults of SPEC §7. */
struct config *config_default(void);
/* Loads FILE over the defaults. On an unknown key, an unknown rule id or a
 * value of the wrong form, prints "FILE:LINE:COL: error: ..." to stderr and
 * returns NULL (the caller exits 2). */
struct config *config_load(const char *path);
/* Finds policyc.yml in DIR or any directory above it; returns a new path or NULL. */
char *config_discover(const char *dir);
void config_free(struct config *config);
/* Frees a list of n strings and the list itself (config and meta lists). */
void strings_free(char **v, size_t n);

const char *scheme_name(enum scheme scheme);
/* Returns the scheme with that name, or SCHEME_COUNT. */
enum scheme scheme_lookup(const char *name);
#endif
