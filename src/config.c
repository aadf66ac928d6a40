/* config.c — policyc.yml (SPEC §7).
 *
 * The built-in defaults are the YAML block of SPEC §7 itself, read by the
 * same loader as a user's file: they cannot drift from what the SPEC shows.
 * A user's file is then read over them — each top-level key replaces its
 * default, `rules` entries change one rule each, and inside `required` each
 * key (front-matter, or a scheme's block as a whole) replaces its default.
 *
 * Our one extension is `front-matter-keys`: front matter keys beyond SPEC §3
 * that the organisation uses, so they are not frontmatter-unknown. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "yaml_load.h"

static const char default_yaml[] =
	"scheme: articles              # default numbering scheme for documents that set none\n"
	"article-numbering: continuous # or per-chapter\n"
	"required:\n"
	"  front-matter: [title, id, version, owner, effective]\n"
	"  articles:                    # requirements for documents of scheme `articles`\n"
	"    first-chapter: 总则          # null or absent: no requirement\n"
	"    last-chapter: 附则\n"
	"    provisions:                # chapter title -> provisions; a provision lists alternatives\n"
	"      总则: [[目的, 宗旨], [适用范围, 范围]]\n"
	"      附则: [[解释], [施行, 实施, 生效]]\n"
	"  en:\n"
	"    first-chapter: General Provisions\n"
	"    last-chapter: Supplementary Provisions\n"
	"    provisions:\n"
	"      General Provisions: [[purpose], [scope, apply]]\n"
	"      Supplementary Provisions: [[interpret], [effect]]\n"
	"  outline: {}                  # no requirements by default\n"
	"  decimal: {}\n"
	"external: []                  # titles that 《…》 may name outside the corpus\n"
	"rules: {}                     # rule id -> error | warning | off\n";

static const char *const scheme_names[SCHEME_COUNT] = {
	[SCHEME_ARTICLES] = "articles",
	[SCHEME_OUTLINE] = "outline",
	[SCHEME_DECIMAL] = "decimal",
	[SCHEME_EN] = "en",
};

const char *scheme_name(enum scheme scheme)
{
	return (unsigned)scheme < SCHEME_COUNT ? scheme_names[scheme] : "?";
}

enum scheme scheme_lookup(const char *name)
{
	for (int s = 0; s < SCHEME_COUNT; s++)
		if (strcmp(scheme_names[s], name) == 0)
			return (enum scheme)s;
	return SCHEME_COUNT;
}

/* ---- freeing ---- */

void strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void requirements_free(struct requirements *req)
{
	free(req->first_chapter);
	free(req->last_chapter);
	for (size_t c = 0; c < req->nchapters; c++) {
		struct chapter_provisions *chapter = &req->chapters[c];
		for (size_t p = 0; p < chapter->nprovisions; p++)
			strings_free(chapter->provisions[p].words, chapter->provisions[p].nwords);
		free(chapter->provisions);
		free(chapter->chapter);
	}
	free(req->chapters);
	memset(req, 0, sizeof *req);
}

void config_free(struct config *config)
{
	if (!config)
		return;
	free(config->path);
	strings_free(config->required_front_matter, config->nrequired_front_matter);
	strings_free(config->extra_keys, config->nextra_keys);
	for (int s = 0; s < SCHEME_COUNT; s++)
		requirements_free(&config->required[s]);
	strings_free(config->external, config->nexternal);
	free(config);
}

/* ---- reading ---- */

struct loader {
	const char *path;
	yaml_document_t *yaml;
	struct config *config;
	int errors;
	/* `required: front-matter` entries, checked once front-matter-keys is known */
	const yaml_node_t *required_keys;
};

static void error_at(struct loader *ld, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void error_at(struct loader *ld, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s:%d:%d: error: %s\n", ld->path, yaml_line(at), yaml_col(at), message);
	free(message);
	ld->errors++;
}

/* "KEY is a list; expected WHAT". */
static void error_kind(struct loader *ld, const char *what, const yaml_node_t *value,
		       const char *expected)
{
	error_at(ld, value, "%s is %s; expected %s", what, yaml_kind_name(value), expected);
}

/* Reports an unknown key among `known`, suggesting the closest. */
static void error_unknown(struct loader *ld, const char *what, const yaml_node_t *key,
			  const char *const *known, size_t n, const char *known_list)
{
	char *shown = yaml_shown(key);
	const char *near = yaml_scalar(key) ? yaml_closest_key(yaml_scalar(key), known, n) : NULL;
	if (near)
		error_at(ld, key, "unknown %s %s; did you mean %s?", what, shown, near);
	else
		error_at(ld, key, "unknown %s %s; expected %s", what, shown, known_list);
	free(shown);
}

/* Walks a mapping's entries, rejecting keys that are not names and keys
 * given twice; calls each(ld, name, key, value, data) for the rest. */
typedef void entry_fn(struct loader *ld, const char *name, const yaml_node_t *key,
		      const yaml_node_t *value, void *data);

static void each_entry(struct loader *ld, const yaml_node_t *map, entry_fn *each, void *data)
{
	size_t n = yaml_map_size(map);
	size_t *first = yaml_map_first_entries(ld->yaml, map);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *key, *value, *first_key, *first_value;
		if (!yaml_map_entry(ld->yaml, map, i, &key, &value))
			continue;
		const char *name = yaml_scalar(key);
		if (!name) {
			error_kind(ld, "a key", key, "a name");
			continue;
		}
		if (first[i] != i && yaml_map_entry(ld->yaml, map, first[i], &first_key, &first_value)) {
			char *shown = yaml_shown(key);
			error_at(ld, key, "key %s is given twice; first at line %d", shown,
				 yaml_line(first_key));
			free(shown);
			continue;
		}
		each(ld, name, key, value, data);
	}
	free(first);
}

/* A list of non-empty strings; null is the empty list. False (reported) when
 * it is not one; *out is then left untouched. */
static bool string_list(struct loader *ld, const char *what, const yaml_node_t *value,
			const char *example, char ***out, size_t *nout)
{
	if (yaml_is_null(value)) {
		strings_free(*out, *nout);
		*out = NULL;
		*nout = 0;
		return true;
	}
	if (value->type != YAML_SEQUENCE_NODE) {
		error_kind(ld, what, value, example);
		return false;
	}
	size_t n = yaml_seq_size(value);
	for (size_t i = 0; i < n; i++) {
		const yaml_node_t *item = yaml_seq_item(ld->yaml, value, i);
		if (!yaml_scalar(item) || yaml_is_null(item) || !*yaml_scalar(item)) {
			error_at(ld, item, "an entry of %s is %s; expected a string", what,
				 yaml_kind_name(item));
			return false;
		}
	}
	strings_free(*out, *nout);
	*out = n ? xcalloc(n, sizeof **out) : NULL;
	*nout = n;
	for (size_t i = 0; i < n; i++)
		(*out)[i] = xstrdup(yaml_scalar(yaml_seq_item(ld->yaml, value, i)));
	return true;
}

/* One provision: a list of alternative words. */
static bool read_provision(struct loader *ld, const char *chapter, const yaml_node_t *value,
			   struct provision *out)
{
	char what[300];
	snprintf(what, sizeof what, "a provision of %s", chapter);
	if (value->type != YAML_SEQUENCE_NODE || yaml_seq_size(value) == 0) {
		error_kind(ld, what, value, "a non-empty list of alternative words such as [目的, 宗旨]");
		return false;
	}
	return string_list(ld, what, value, "", &out->words, &out->nwords);
}

static void read_chapter_provisions(struct loader *ld, const char *name, const yaml_node_t *key,
				    const yaml_node_t *value, void *data)
{
	(void)key;
	struct requirements *req = data;
	static const char expected[] =
		"a list of provisions, each a list of alternative words, such as [[目的, 宗旨], [适用范围]]";
	if (value->type != YAML_SEQUENCE_NODE) {
		error_kind(ld, name, value, expected);
		return;
	}
	struct chapter_provisions chapter = {xstrdup(name), NULL, 0};
	size_t n = yaml_seq_size(value);
	chapter.provisions = n ? xcalloc(n, sizeof *chapter.provisions) : NULL;
	for (size_t i = 0; i < n; i++) {
		if (read_provision(ld, name, yaml_seq_item(ld->yaml, value, i),
				   &chapter.provisions[chapter.nprovisions]))
			chapter.nprovisions++;
	}
	req->chapters = xrealloc(req->chapters, (req->nchapters + 1) * sizeof *req->chapters);
	req->chapters[req->nchapters++] = chapter;
}

static void read_chapter_title(struct loader *ld, const char *what, const yaml_node_t *value,
			       char **out)
{
	free(*out);
	*out = NULL;
	if (yaml_is_null(value))
		return;
	if (!yaml_scalar(value) || !*yaml_scalar(value)) {
		error_kind(ld, what, value, "a chapter title such as 总则, or null for none");
		return;
	}
	*out = xstrdup(yaml_scalar(value));
}

static const char *const requirement_keys[] = {"first-chapter", "last-chapter", "provisions"};

static void read_requirement_entry(struct loader *ld, const char *name, const yaml_node_t *key,
				   const yaml_node_t *value, void *data)
{
	struct requirements *req = data;
	if (strcmp(name, "first-chapter") == 0) {
		read_chapter_title(ld, name, value, &req->first_chapter);
	} else if (strcmp(name, "last-chapter") == 0) {
		read_chapter_title(ld, name, value, &req->last_chapter);
	} else if (strcmp(name, "provisions") == 0) {
		if (yaml_is_null(value))
			return;
		if (value->type != YAML_MAPPING_NODE) {
			error_kind(ld, name, value, "a mapping of chapter title to provisions");
			return;
		}
		each_entry(ld, value, read_chapter_provisions, req);
	} else {
		error_unknown(ld, "requirement key", key, requirement_keys, 3,
			      "first-chapter, last-chapter or provisions");
	}
}

static const char *const required_keys[] = {"front-matter", "articles", "outline", "decimal", "en"};

static void read_required_entry(struct loader *ld, const char *name, const yaml_node_t *key,
				const yaml_node_t *value, void *data)
{
	(void)data;
	struct config *config = ld->config;
	if (strcmp(name, "front-matter") == 0) {
		if (string_list(ld, "front-matter", value, "a list of keys such as [title, id]",
				&config->required_front_matter, &config->nrequired_front_matter))
			ld->required_keys = value;
		return;
	}
	enum scheme scheme = scheme_lookup(name);
	if (scheme == SCHEME_COUNT) {
		error_unknown(ld, "key", key, required_keys, 5,
			      "front-matter, articles, outline, decimal or en");
		return;
	}
	if (!yaml_is_null(value) && value->type != YAML_MAPPING_NODE) {
		error_kind(ld, name, value, "a mapping with first-chapter, last-chapter and provisions");
		return;
	}
	/* The scheme's block replaces the built-in one as a whole. */
	requirements_free(&config->required[scheme]);
	each_entry(ld, value, read_requirement_entry, &config->required[scheme]);
}

static void read_rule_entry(struct loader *ld, const char *name, const yaml_node_t *key,
			    const yaml_node_t *value, void *data)
{
	(void)data;
	enum rule rule = rule_lookup(name);
	if (rule == RULE_COUNT) {
		const char *ids[RULE_COUNT];
		for (int r = 0; r < RULE_COUNT; r++)
			ids[r] = rule_table[r].id;
		char *shown = yaml_shown(key);
		const char *near = yaml_closest_key(name, ids, RULE_COUNT);
		if (near)
			error_at(ld, key, "unknown rule id %s; did you mean %s?", shown, near);
		else
			error_at(ld, key, "unknown rule id %s; expected a rule id such as article-number "
				 "(docs/rules.md lists them)", shown);
		free(shown);
		return;
	}
	const char *level = yaml_scalar(value);
	static const struct {
		const char *name;
		enum severity severity;
	} levels[] = {{"error", SEV_ERROR}, {"warning", SEV_WARNING}, {"off", SEV_OFF}};
	for (size_t i = 0; level && i < sizeof levels / sizeof *levels; i++) {
		if (strcmp(level, levels[i].name) == 0) {
			ld->config->severity[rule] = levels[i].severity;
			return;
		}
	}
	char *shown = yaml_shown(value);
	error_at(ld, value, "rule %s is set to %s; expected error, warning or off", name, shown);
	free(shown);
}

static const char *const top_keys[] = {"scheme",   "article-numbering", "required",
				       "external", "rules",             "front-matter-keys"};

static void read_top_entry(struct loader *ld, const char *name, const yaml_node_t *key,
			   const yaml_node_t *value, void *data)
{
	(void)data;
	struct config *config = ld->config;
	const char *text = yaml_scalar(value);
	if (strcmp(name, "scheme") == 0) {
		enum scheme scheme = text ? scheme_lookup(text) : SCHEME_COUNT;
		if (text == NULL || yaml_is_null(value)) {
			error_kind(ld, name, value, "articles, outline, decimal or en");
		} else if (scheme == SCHEME_COUNT) {
			char *shown = yaml_shown(value);
			error_at(ld, value, "scheme %s is not known; expected articles, outline, decimal or en",
				 shown);
			free(shown);
		} else {
			config->scheme = scheme;
		}
	} else if (strcmp(name, "article-numbering") == 0) {
		if (text == NULL || yaml_is_null(value)) {
			error_kind(ld, name, value, "continuous or per-chapter");
		} else if (strcmp(text, "continuous") == 0) {
			config->article_per_chapter = false;
		} else if (strcmp(text, "per-chapter") == 0) {
			config->article_per_chapter = true;
		} else {
			char *shown = yaml_shown(value);
			error_at(ld, value, "article-numbering %s is not known; expected continuous or per-chapter",
				 shown);
			free(shown);
		}
	} else if (strcmp(name, "required") == 0) {
		if (!yaml_is_null(value) && value->type != YAML_MAPPING_NODE)
			error_kind(ld, name, value, "a mapping with front-matter and scheme blocks");
		else
			each_entry(ld, value, read_required_entry, NULL);
	} else if (strcmp(name, "external") == 0) {
		string_list(ld, name, value, "a list of titles such as [中华人民共和国劳动法]",
			    &config->external, &config->nexternal);
	} else if (strcmp(name, "rules") == 0) {
		if (!yaml_is_null(value) && value->type != YAML_MAPPING_NODE)
			error_kind(ld, name, value, "a mapping of rule id to error, warning or off");
		else
			each_entry(ld, value, read_rule_entry, NULL);
	} else if (strcmp(name, "front-matter-keys") == 0) {
		string_list(ld, name, value, "a list of key names such as [department]",
			    &config->extra_keys, &config->nextra_keys);
	} else {
		error_unknown(ld, "key", key, top_keys, sizeof top_keys / sizeof *top_keys,
			      "scheme, article-numbering, required, external, rules or front-matter-keys");
	}
}

/* Front matter keys SPEC §3 defines (frontmatter.c checks their values). */
static const char *const spec_front_matter_keys[] = {
	"title",  "id",         "version",     "owner",     "effective", "status",
	"scheme", "supersedes", "approved-by", "revisions", "tags",
};

/* A required key nobody may write would fail every document. */
static void check_required_keys(struct loader *ld)
{
	const struct config *config = ld->config;
	size_t nspec = sizeof spec_front_matter_keys / sizeof *spec_front_matter_keys;
	for (size_t i = 0; i < config->nrequired_front_matter; i++) {
		const char *name = config->required_front_matter[i];
		bool known = false;
		for (size_t k = 0; k < nspec && !known; k++)
			known = strcmp(name, spec_front_matter_keys[k]) == 0;
		for (size_t k = 0; k < config->nextra_keys && !known; k++)
			known = strcmp(name, config->extra_keys[k]) == 0;
		if (known)
			continue;
		const yaml_node_t *at = yaml_seq_item(ld->yaml, ld->required_keys, i);
		const char *near = yaml_closest_key(name, spec_front_matter_keys, nspec);
		if (near)
			error_at(ld, at, "required front matter key %s is not known; did you mean %s?",
				 name, near);
		else
			error_at(ld, at, "required front matter key %s is not known; expected a key of "
				 "SPEC §3, or declare it in front-matter-keys", name);
	}
}

/* Reads `text` over `config`; false (reported on stderr) on any error. */
static bool read_over(struct config *config, const char *path, const char *text, size_t len)
{
	yaml_document_t yaml;
	struct yaml_error err;
	if (!yaml_load(&yaml, text, len, &err)) {
		fprintf(stderr, "%s:%d:%d: error: the configuration does not parse: %s\n", path,
			err.line, err.col, err.problem);
		return false;
	}
	struct loader ld = {path, &yaml, config, 0, NULL};
	yaml_node_t *root = yaml_root(&yaml);
	if (root && !yaml_is_null(root) && root->type != YAML_MAPPING_NODE)
		error_kind(&ld, "the configuration", root, "a mapping with keys such as scheme: and rules:");
	else if (root)
		each_entry(&ld, root, read_top_entry, NULL);
	if (ld.required_keys)
		check_required_keys(&ld);
	yaml_unload(&yaml);
	return ld.errors == 0;
}

struct config *config_default(void)
{
	struct config *config = xcalloc(1, sizeof *config);
	for (int r = 0; r < RULE_COUNT; r++)
		config->severity[r] = rule_table[r].severity;
	if (!read_over(config, "(built-in defaults)", default_yaml, sizeof default_yaml - 1))
		abort(); /* the defaults are part of the program */
	return config;
}

struct config *config_load(const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "%s: error: cannot read the configuration: %s\n", path, strerror(errno));
		return NULL;
	}
	struct config *config = config_default();
	config->path = xstrdup(path);
	bool ok = read_over(config, path, text, len);
	free(text);
	if (!ok) {
		config_free(config);
		return NULL;
	}
	return config;
}

/* ---- discovery ---- */

static bool is_regular_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The path to show for an absolute path: relative to the working directory
 * when it lies below it, as users wrote their own paths. */
static char *shown_path(const char *absolute)
{
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof cwd)) {
		size_t n = strlen(cwd);
		if (strncmp(absolute, cwd, n) == 0 && absolute[n] == '/')
			return xstrdup(absolute + n + 1);
	}
	return xstrdup(absolute);
}

char *config_discover(const char *dir)
{
	char resolved[PATH_MAX];
	if (!realpath(dir && *dir ? dir : ".", resolved))
		return NULL;
	struct stat st;
	if (stat(resolved, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(resolved, '/');
		if (slash == resolved)
			slash[1] = '\0';
		else if (slash)
			*slash = '\0';
	}
	for (;;) {
		bool root = strcmp(resolved, "/") == 0;
		char *candidate = xasprintf("%s/policyc.yml", root ? "" : resolved);
		if (is_regular_file(candidate)) {
			char *shown = shown_path(candidate);
			free(candidate);
			return shown;
		}
		free(candidate);
		if (root)
			return NULL;
		char *slash = strrchr(resolved, '/');
		if (slash == resolved)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
}
